use yew::prelude::*;

use crate::app::{FacetsLoader, ShellContext};
use crate::hooks::use_generation;

/// Asks for every facet's relation that is missing (`f/<facet>.bin`) once
/// `needed` (a view that counts a narrowed set, selects values, or shows an
/// entity's or a release's page), and renders the caller again when more
/// of the corpus arrives. No loader: the corpus has them all (tests,
/// pre-rendering).
#[hook]
pub fn use_facets(needed: bool) {
    let loader = use_context::<ShellContext>().and_then(|c| c.load_facets);
    // Subscribes the caller to arrivals.
    let _ = use_generation();
    use_effect_with(needed, move |&needed| {
        if let (Some(FacetsLoader(load)), true) = (loader, needed) {
            load.emit(());
        }
    });
}
