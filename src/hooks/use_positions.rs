use dateline_core::query::Filter;
use yew::prelude::*;

use crate::app::{DataGeneration, PositionsLoader};

/// Asks `loader` for the pieces of the word positions that `filter`'s quoted
/// phrases need, whenever the filter changes or more of the corpus arrives
/// (`generation`): until they are here, such a phrase matches as all its
/// words. No loader: the corpus has every position (tests, pre-rendering).
#[hook]
pub fn use_positions(filter: &Filter, generation: DataGeneration, loader: Option<PositionsLoader>) {
    // The loader changes with the set of releases shown: ask it again then.
    use_effect_with(
        (filter.clone(), generation, loader),
        |(filter, _, loader)| {
            if let Some(PositionsLoader(load)) = loader {
                load.emit(filter.clone());
            }
        },
    );
}
