use dateline_core::cite::meta_tags;
use dateline_core::page;
use dateline_core::Release;
use web_sys::{Document, Element};
use yew::prelude::*;

/// A release's data for machines, in the document's `<head>` for as long as
/// the calling page is shown: its article's structured data as a JSON-LD
/// script (the text the pre-rendered page has, a text node: never parsed as
/// HTML), then the Highwire `citation_*` meta tags (Zotero and Google
/// Scholar read them; values are attributes). One hook with one effect, not
/// a component or two effects: less in the wasm.
///
/// The elements are made and removed by hand rather than with
/// `create_portal`: yew 0.23 never releases a portal's event subtree (its
/// `BSubtree::create_subroot` installs capture listeners on the host,
/// `<head>` here, that are `forget()`-ed and hold the subtree, whose
/// `mount_element` is the page's `<article>`), so every release page shown
/// left its whole detached DOM behind.
#[hook]
pub fn use_head_data(release: &Release, url: &str) {
    let data = (page::json_ld_script(release, url), meta_tags(release, url));
    use_effect_with(data, |(script, tags)| {
        let document = web_sys::window().and_then(|w| w.document());
        let made = document.map(|d| add_to_head(&d, script, tags));
        move || made.into_iter().flatten().for_each(|e| e.remove())
    });
}

/// Appends the script and the meta tags to `<head>`: the elements added.
fn add_to_head(d: &Document, script: &str, tags: &[(&str, String)]) -> Vec<Element> {
    let mut made: Vec<Element> = Vec::new();
    let Some(head) = d.query_selector("head").ok().flatten() else {
        return made;
    };
    if let Ok(element) = d.create_element("script") {
        if element.set_attribute("type", "application/ld+json").is_ok() {
            element.set_text_content(Some(script));
            if head.append_child(&element).is_ok() {
                made.push(element);
            }
        }
    }
    for (name, content) in tags {
        let Ok(meta) = d.create_element("meta") else {
            continue;
        };
        let _ = meta.set_attribute("name", name);
        let _ = meta.set_attribute("content", content);
        if head.append_child(&meta).is_ok() {
            made.push(meta);
        }
    }
    made
}
