use dateline_core::cite::meta_tags;
use dateline_core::Release;
use yew::prelude::*;

/// The Highwire `citation_*` meta tags of a release (Zotero and Google
/// Scholar read them), in the document's `<head>` for as long as the calling
/// page is shown. Made and removed by hand, as `use_json_ld` does and for its
/// reason (`create_portal` leaks in yew 0.23); values are attributes, never
/// parsed as HTML. A hook, not a component: one fewer in the wasm.
#[hook]
pub fn use_citation_meta(release: &Release, url: &str) {
    let tags = meta_tags(release, url);
    use_effect_with(tags, |tags| {
        let mut made: Vec<web_sys::Element> = Vec::new();
        let document = web_sys::window().and_then(|w| w.document());
        let head = document
            .as_ref()
            .and_then(|d| d.query_selector("head").ok().flatten());
        if let (Some(d), Some(head)) = (document, head) {
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
        }
        move || made.iter().for_each(web_sys::Element::remove)
    });
}
