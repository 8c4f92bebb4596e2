use std::rc::Rc;

use dateline_core::query::{word_being_typed, Filter};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::app::{DataGeneration, PiecesLoader};
use crate::corpus::Corpus;

/// A query whose last word is being typed and is shorter than
/// [`SHORT_PREFIX`] letters, and that needs more pieces than [`FEW_PIECES`],
/// asks for them once the filter has held for [`ASK_AFTER_MS`]: "t" or "tr"
/// on the way to "traffic" stand for the commonest words, whose postings
/// are megabytes at a million releases (`t`: 48 pieces, 1.26 MB), and keys
/// typed faster fetch nothing for them. Anything else is asked for at once:
/// a pause before every query would add to the time until its results.
const SHORT_PREFIX: usize = 3;
const FEW_PIECES: usize = 2;
const ASK_AFTER_MS: u32 = 150;

/// Asks `loader` for the pieces of the index that `filter`'s query needs
/// (its words' postings, its phrases' positions) when the filter changes
/// (see [`SHORT_PREFIX`]) or more of the corpus arrives (`generation`). The
/// address's filter at start is asked for at once. No loader: the corpus
/// has every piece (tests, pre-rendering).
#[hook]
pub fn use_pieces(
    corpus: &Rc<Corpus>,
    filter: &Filter,
    generation: DataGeneration,
    loader: Option<PiecesLoader>,
) {
    let started = use_mut_ref(bool::default);
    // The loader changes with the set of releases shown: ask it again then.
    use_effect_with(
        (filter.clone(), generation, loader, corpus.clone()),
        move |(filter, _, loader, corpus)| {
            let first = !std::mem::replace(&mut *started.borrow_mut(), true);
            let short =
                word_being_typed(&filter.text).is_some_and(|w| w.chars().count() < SHORT_PREFIX);
            let many = || corpus.index().missing_pieces(filter).len() > FEW_PIECES;
            let ask = loader.clone().map(|PiecesLoader(load)| {
                let filter = filter.clone();
                let wait = if !first && short && many() {
                    ASK_AFTER_MS
                } else {
                    0
                };
                Timeout::new(wait, move || load.emit(filter))
            });
            // A newer filter cancels this one's request (dropping the timeout).
            move || drop(ask)
        },
    );
}
