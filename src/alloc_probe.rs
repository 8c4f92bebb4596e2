//! Benchmarks only (feature `alloc-probe`, never in a shipped build): the
//! wasm heap's live and peak bytes, read by `bench/app.mjs` through
//! `window.wasmBindings`, so that the browser's memory at a million
//! releases can be split into what the app holds and what the heap's
//! high-water mark adds (the wasm memory never shrinks).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use wasm_bindgen::prelude::wasm_bindgen;

/// The system allocator, counting (a global allocator is an `unsafe`
/// trait: it only passes each call on).
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let live = LIVE.fetch_add(new_size, Relaxed) + new_size;
        PEAK.fetch_max(live, Relaxed);
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        LIVE.fetch_sub(layout.size(), Relaxed);
        moved
    }
}

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
