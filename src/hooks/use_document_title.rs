use dateline_core::page::{page_title, HOME_TITLE};
use yew::prelude::*;

use crate::corpus::Corpus;
use crate::route::Route;

/// Keeps the document's title to the route shown: the release's title, the
/// entity's name, or the site's, so that a tab, a bookmark and the history
/// name the page (a pre-rendered page has it in its HTML already). For the
/// shell, which renders again on every change of the address, the corpus
/// and its data generation (a release's title may come with a piece of the
/// list after start). A hook, not a component: one fewer in the wasm.
#[hook]
pub fn use_document_title(corpus: &Corpus, route: Option<&Route>) {
    let heading = match route {
        Some(Route::Release { id }) => corpus.get(id).map(|r| r.title),
        Some(Route::NotFound) => Some("Page not found".to_string()),
        Some(other) => other.entity().and_then(|(kind, key)| {
            let info = corpus.index().value(kind.facet(), key);
            info.map(|i| i.label.to_string())
        }),
        None => None,
    };
    let title = heading.map_or_else(|| HOME_TITLE.to_string(), |h| page_title(&h));
    use_effect_with(title, |title| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    });
}
