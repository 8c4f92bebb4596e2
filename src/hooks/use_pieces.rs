use dateline_core::query::Filter;
use yew::prelude::*;

use crate::app::{DataGeneration, PiecesLoader};

/// Asks `loader` for the pieces of the index that `filter`'s query needs
/// (its words' postings, its phrases' positions), whenever the filter
/// changes or more of the corpus arrives (`generation`). No loader: the
/// corpus has every piece (tests, pre-rendering).
#[hook]
pub fn use_pieces(filter: &Filter, generation: DataGeneration, loader: Option<PiecesLoader>) {
    // The loader changes with the set of releases shown: ask it again then.
    use_effect_with(
        (filter.clone(), generation, loader),
        |(filter, _, loader)| {
            if let Some(PiecesLoader(load)) = loader {
                load.emit(filter.clone());
            }
        },
    );
}
