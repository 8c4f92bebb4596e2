//! The exports the benchmark page calls: load a corpus, search it. Timings are
//! taken in JavaScript around these calls.

use std::cell::RefCell;

use dateline_core::pack::{List, ListPiece};
use dateline_core::query::{Filter, Index};
use wasm_bindgen::prelude::*;

/// The list and the index, kept together as the app keeps them (so that the
/// memory figure is the app's, not just the index's).
struct Loaded {
    _list: List,
    index: Index,
}

thread_local! {
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Loads the files `dateline pack` writes (l/0.bin, index.bin), exactly as
/// the app does at start-up: the prebuilt index is decoded, nothing is
/// indexed. Returns the number of records (0: damaged). The pieces of the
/// postings and the word positions follow through [`add_piece`].
#[wasm_bindgen]
pub fn load_packed(list: Vec<u8>, index: Vec<u8>) -> u32 {
    let Ok(index) = Index::from_bytes(index) else {
        return 0;
    };
    let list_pieces = List::new(index.len());
    if list_pieces.add_piece(ListPiece::FIRST, &list).is_err() {
        return 0;
    }
    let list = list_pieces;
    let n = index.len() as u32;
    LOADED.with(|slot| *slot.borrow_mut() = Some(Loaded { _list: list, index }));
    n
}

/// The files of the loaded index's pieces (`t/0.bin`, …, `p/0.bin`, …).
#[wasm_bindgen]
pub fn piece_files() -> Vec<String> {
    LOADED.with(|slot| {
        let slot = slot.borrow();
        let pieces = slot.as_ref().map(|l| l.index.pieces()).unwrap_or_default();
        pieces.into_iter().map(|p| p.file()).collect()
    })
}

/// Adds the piece in the file `name` (`t/0.bin`); false when it does not fit.
#[wasm_bindgen]
pub fn add_piece(name: String, bytes: Vec<u8>) -> bool {
    LOADED.with(|slot| {
        slot.borrow()
            .as_ref()
            .is_some_and(|l| l.index.add_pieces([(name, bytes)]).is_ok())
    })
}

/// One keystroke: the app's search for a URL query string (`q=traff&country=IR`),
/// which also tallies the facet counts and the histogram. Returns the hit count.
#[wasm_bindgen]
pub fn search(query_string: &str) -> u32 {
    LOADED.with(|slot| {
        let slot = slot.borrow();
        let Some(Loaded { index, .. }) = slot.as_ref() else {
            return 0;
        };
        let results = index.search(&Filter::from_query(query_string));
        // The facet counts (and histogram) are computed inside `search`, as in
        // the app; keep them observable so nothing is optimised away.
        std::hint::black_box(&results);
        results.total as u32
    })
}
