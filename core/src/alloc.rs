//! The native binaries' global allocator (the `dateline` CLI, the
//! pre-renderer): both allocate many small strings, where mimalloc beats
//! the system allocator (BENCHMARKS.md, "Build" and "Pre-rendering").

/// mimalloc, through its plain entry points where the alignment asked for is
/// one that every block of it has (8 bytes: its blocks are whole words).
/// `mimalloc::MiMalloc` calls the aligned ones for every allocation, whose
/// checks cost about 2 % of ingest's instructions (callgrind, BENCHMARKS.md,
/// "Ingest speed, a sixth pass").
pub struct Mimalloc;

/// The alignment that mimalloc's `mi_malloc` and `mi_realloc` always give.
const MI_WORD_ALIGN: usize = 8;

// SAFETY: each call goes to mimalloc's own allocation function for the
// layout: the plain one only when its alignment is at most what every
// mimalloc block has, the aligned one (as `mimalloc::MiMalloc` calls it)
// otherwise; every block is freed by `mi_free`, which takes either kind.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MI_WORD_ALIGN {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MI_WORD_ALIGN {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= MI_WORD_ALIGN {
            libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
        } else {
            libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
        }
    }
}

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e` of the
/// bundled header; libmimalloc-sys 0.1 does not name it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system 100 ms after it is freed. At once
/// (as before session 22) cost a 100k pack 15 % of its time in page faults
/// once packing read ahead on a thread of its own (450-490k faults); 10 ms
/// (sessions 22 and 23): 161k faults, peak 210 MB; 100 ms: 87k faults, 3 %
/// less CPU, peak 246 MB; 1 s: 20k faults, the same time, peak 287 MB. Fresh
/// pages are dear on these virtual machines (the kernel zeroes each on its
/// first touch). BENCHMARKS.md, "Sessions 24 and 25".
pub fn return_freed_memory_soon() {
    // SAFETY: setting an option is safe at any time (mimalloc reads it on
    // each purge).
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 100);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::{GlobalAlloc, Layout};

    static ALLOCATOR: Mimalloc = Mimalloc;

    #[test]
    fn the_allocator_gives_each_layout_its_alignment() {
        let mut held = Vec::new();
        for size in (1..=80).chain([100, 255, 1000, 4096, 70_000]) {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a layout of non-zero size; each block is freed below.
                unsafe {
                    let p = ALLOCATOR.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "{size} {align}");
                    let z = ALLOCATOR.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0, "{size} {align}");
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    p.write_bytes(7, size);
                    let q = ALLOCATOR.realloc(p, layout, size * 3);
                    assert_eq!(q as usize % align, 0, "{size} {align}");
                    assert!(std::slice::from_raw_parts(q, size).iter().all(|&b| b == 7));
                    held.push((q, Layout::from_size_align(size * 3, align).unwrap()));
                    held.push((z, layout));
                }
            }
        }
        for (p, layout) in held {
            // SAFETY: allocated above with this layout.
            unsafe { ALLOCATOR.dealloc(p, layout) };
        }
    }
}
