use yew::platform::spawn_local;
use yew::prelude::*;

use dateline_core::Release;

use super::use_corpus;
use crate::corpus::{Corpus, CorpusError};
use crate::fetch::Download;

/// A release's full record: at hand, on its way, or not to be had.
#[derive(Debug, Clone, PartialEq)]
pub enum FullRelease {
    Loading,
    Ready(Box<Release>),
    Failed(CorpusError),
}

/// The full record of document `doc`. List records carry only what the
/// timeline shows; the rest is downloaded with the chunk file holding `doc`
/// (once: the corpus keeps it for every release in that file).
#[hook]
pub fn use_full_release(doc: u32) -> FullRelease {
    let corpus = use_corpus();
    let failed = use_state(|| None::<(u32, CorpusError)>);
    let update = use_force_update();
    {
        let (corpus, failed) = (corpus.clone(), failed.setter());
        use_effect_with(doc, move |&doc| {
            if corpus.full(doc).is_none() {
                spawn_local(async move {
                    let loaded = Download::start(&Corpus::chunk_file(doc))
                        .text()
                        .await
                        .and_then(|json| corpus.add_chunk(doc, &json));
                    match loaded {
                        Ok(()) => update.force_update(),
                        Err(e) => failed.set(Some((doc, e))),
                    }
                });
            }
        });
    }
    match (corpus.full(doc), &*failed) {
        (Some(release), _) => FullRelease::Ready(Box::new(release)),
        (None, Some((d, e))) if *d == doc => FullRelease::Failed(e.clone()),
        (None, _) => FullRelease::Loading,
    }
}
