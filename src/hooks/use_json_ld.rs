use dateline_core::page;
use dateline_core::Release;
use yew::prelude::*;

/// The article's structured data, as the text of a JSON-LD script element
/// (a text node: never parsed as HTML), placed in the document's `<head>`
/// for as long as the calling page is shown: the text the pre-rendered page
/// has. A hook, not a component: one fewer in the wasm.
///
/// The element is made and removed by hand rather than with
/// `create_portal`: yew 0.23 never releases a portal's event subtree (its
/// `BSubtree::create_subroot` installs capture listeners on the host,
/// `<head>` here, that are `forget()`-ed and hold the subtree, whose
/// `mount_element` is the page's `<article>`), so every release page shown
/// left its whole detached DOM behind.
#[hook]
pub fn use_json_ld(release: &Release, url: &str) {
    let text = page::json_ld_script(release, url);
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
}
