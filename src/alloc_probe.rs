//! Benchmarks only (feature `alloc-probe`, never in a shipped build): the
//! wasm heap's live and peak bytes, read by `bench/app.mjs` through
//! `window.wasmBindings`, so that the browser's memory at a million
//! releases can be split into what the app holds and what the heap's
//! high-water mark adds (the wasm memory never shrinks).
use std::sync::atomic::Ordering::Relaxed;

use wasm_bindgen::prelude::wasm_bindgen;

#[path = "../core/examples/shared/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{Counting, LIVE, PEAK};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// `[live bytes, peak bytes since the last reset]`; `reset` starts a new peak.
#[wasm_bindgen]
pub fn alloc_probe(reset: bool) -> Vec<f64> {
    let out = vec![LIVE.load(Relaxed) as f64, PEAK.load(Relaxed) as f64];
    if reset {
        PEAK.store(LIVE.load(Relaxed), Relaxed);
    }
    out
}
