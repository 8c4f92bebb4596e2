//! The exports the benchmark page calls: load a corpus, search it. Timings are
//! taken in JavaScript around these calls.

use std::cell::RefCell;

use dateline_core::query::{Filter, Index};
use dateline_core::Release;
use wasm_bindgen::prelude::*;

/// The records and their index, kept together as the app keeps them (so
/// that the memory figure is the app's, not just the index's).
struct Loaded {
    _releases: Vec<Release>,
    index: Index,
}

thread_local! {
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
    static DECODE_MS: RefCell<f64> = const { RefCell::new(0.0) };
}

/// Decodes the records (the app's `records.json`) and builds the index, as the
/// app does at start-up. Returns the number of records.
#[wasm_bindgen]
pub fn load(records_json: &str) -> u32 {
    let start = now();
    let releases: Vec<Release> = serde_json::from_str(records_json).unwrap_or_default();
    DECODE_MS.with(|ms| *ms.borrow_mut() = now() - start);
    let index = Index::new(&releases);
    let n = index.len() as u32;
    LOADED.with(|slot| {
        *slot.borrow_mut() = Some(Loaded {
            _releases: releases,
            index,
        })
    });
    n
}

/// How long the last `load` spent decoding JSON, in ms (the rest is the index
/// build): read with the page's clock, to split the load time.
#[wasm_bindgen]
pub fn load_decode_ms() -> f64 {
    DECODE_MS.with(|ms| *ms.borrow())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
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
