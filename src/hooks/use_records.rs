use dateline_core::pack::ListPiece;
use yew::prelude::*;

use crate::app::{RecordsLoader, ShellContext};
use crate::hooks::use_generation;

/// Asks for the pieces of the list in `missing` (the records a view shows
/// and does not have: `Corpus::missing_records`) when they change, and
/// renders the caller again when more of the corpus arrives. No loader:
/// the corpus has every record (tests, pre-rendering).
#[hook]
pub fn use_records(missing: Vec<ListPiece>) {
    let loader = use_context::<ShellContext>().and_then(|c| c.load_records);
    // Subscribes the caller to arrivals: its records are read again then.
    let _ = use_generation();
    use_effect_with(missing, move |missing| {
        if let (Some(RecordsLoader(load)), false) = (loader, missing.is_empty()) {
            load.emit(missing.clone());
        }
    });
}
