//! The system allocator, counting live bytes and their peak: shared by
//! `memory_probe` (natively) and the app's `alloc-probe` feature (in the
//! wasm), so that both measure the same thing. Each declares it as its
//! `#[global_allocator]`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// A global allocator is an `unsafe` trait: this only passes each call on.
pub struct Counting;
pub static LIVE: AtomicUsize = AtomicUsize::new(0);
pub static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grown(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grown(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    // Counted as the default would (both blocks at the peak), but moved by
    // the system's own realloc, which may grow or shrink in place.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grown(new_size);
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        match moved.is_null() {
            true => LIVE.fetch_sub(new_size, Relaxed),
            false => LIVE.fetch_sub(layout.size(), Relaxed),
        };
        moved
    }
}
