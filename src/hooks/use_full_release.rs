use yew::platform::spawn_local;
use yew::prelude::*;

use dateline_core::Release;

use super::use_corpus;
use crate::corpus::CorpusError;
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
/// (once: the corpus keeps it for every release in that file). No document
/// (an unknown id), no download and no record: `None`.
#[hook]
pub fn use_full_release(doc: Option<u32>) -> Option<FullRelease> {
    let corpus = use_corpus();
    let failed = use_state(|| None::<(u32, CorpusError)>);
    let update = use_force_update();
    {
        let (corpus, failed) = (corpus.clone(), failed.setter());
        use_effect_with(doc, move |&doc| {
            let file = doc
                .filter(|&d| corpus.full(d).is_none())
                .and_then(|d| Some((d, corpus.chunk_file(d)?)));
            if let Some((doc, file)) = file {
                spawn_local(async move {
                    let loaded = Download::of(&corpus, &file)
                        .chunk_body()
                        .await
                        .and_then(|bytes| corpus.add_chunk(doc, &bytes));
                    match loaded {
                        Ok(()) => update.force_update(),
                        Err(e) => failed.set(Some((doc, e))),
                    }
                });
            }
        });
    }
    let doc = doc.filter(|&d| (d as usize) < corpus.len())?;
    Some(match (corpus.full(doc), &*failed) {
        (Some(release), _) => FullRelease::Ready(Box::new(release)),
        (None, Some((d, e))) if *d == doc => FullRelease::Failed(e.clone()),
        (None, _) => FullRelease::Loading,
    })
}
