use std::rc::Rc;

use dateline_core::query::Filter;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::app::{DataGeneration, PiecesLoader};
use crate::corpus::Corpus;

/// A query that needs more pieces than this waits until the filter has held
/// for [`ASK_AFTER_MS`]: keys typed faster fetch nothing for the prefixes
/// they pass through ("t", "tr" on the way to "traffic" each need the
/// postings of their commonest completions, megabytes at a million
/// releases). A rare word (a piece or two) is asked for at once.
const FEW_PIECES: usize = 2;
const ASK_AFTER_MS: u32 = 150;

/// Asks `loader` for the pieces of the index that `filter`'s query needs
/// (its words' postings, its phrases' positions) when the filter changes
/// (see [`FEW_PIECES`]) or more of the corpus arrives (`generation`). The
/// address's filter at start is asked for at once. No loader: the corpus
/// has every piece (tests, pre-rendering).
#[hook]
pub fn use_pieces(
    corpus: &Rc<Corpus>,
    filter: &Filter,
    generation: DataGeneration,
    loader: Option<PiecesLoader>,
) {
    let started = use_mut_ref(|| false);
    // The loader changes with the set of releases shown: ask it again then.
    use_effect_with(
        (filter.clone(), generation, loader, corpus.clone()),
        move |(filter, _, loader, corpus)| {
            let first = !std::mem::replace(&mut *started.borrow_mut(), true);
            let many = || corpus.index().missing_pieces(filter).len() > FEW_PIECES;
            let ask = loader.clone().map(|PiecesLoader(load)| {
                let filter = filter.clone();
                let wait = if !first && many() { ASK_AFTER_MS } else { 0 };
                Timeout::new(wait, move || load.emit(filter))
            });
            // A newer filter cancels this one's request (dropping the timeout).
            move || drop(ask)
        },
    );
}
