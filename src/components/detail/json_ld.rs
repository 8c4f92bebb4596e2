use dateline_core::page;
use dateline_core::Release;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JsonLdProps {
    pub release: Release,
    pub url: AttrValue,
}

/// The article's structured data, as the text of a JSON-LD script element
/// (a text node: never parsed as HTML), placed in the document's `<head>`
/// for as long as the page is shown: the text the pre-rendered page has.
///
/// The element is made and removed by hand rather than with
/// `create_portal`: yew 0.23 never releases a portal's event subtree (its
/// `BSubtree::create_subroot` installs capture listeners on the host,
/// `<head>` here, that are `forget()`-ed and hold the subtree, whose
/// `mount_element` is this component's parent `<article>`), so every release
/// page shown left its whole detached DOM behind.
#[function_component(JsonLd)]
pub fn json_ld_script(props: &JsonLdProps) -> Html {
    let text = page::json_ld_script(&props.release, &props.url);
    use_effect_with(text, |text| {
        let script = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            let head = d.query_selector("head").ok().flatten()?;
            let script = d.create_element("script").ok()?;
            script.set_attribute("type", "application/ld+json").ok()?;
            script.set_text_content(Some(text));
            head.append_child(&script).ok()?;
            Some(script)
        });
        move || {
            if let Some(script) = script {
                script.remove();
            }
        }
    });
    Html::default()
}
