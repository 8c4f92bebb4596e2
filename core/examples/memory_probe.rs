//! What the app's index holds, natively, on a packed data folder: live heap
//! bytes after start-up, after each facet's relation, and while the app
//! benchmark's queries are typed a key at a time (each fetching the pieces
//! it waits for). Where to look when the browser's wasm memory grows.
//! `cargo run --release -p dateline-core --example memory_probe -- DATA_DIR`
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use dateline_core::query::{Facet, Filter, Index};

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
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

fn report(what: &str) {
    println!(
        "{what}: live {}, peak {}",
        mb(LIVE.load(Relaxed)),
        mb(PEAK.load(Relaxed))
    );
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "dist/data".into());
    // MEMORY_PROBE_KEEP=1: every piece stays (as before `Index::trim_pieces`).
    let trim = std::env::var_os("MEMORY_PROBE_KEEP").is_none();
    let read = |f: &str| std::fs::read(format!("{dir}/{f}")).unwrap_or_else(|e| panic!("{f}: {e}"));
    let index = Index::from_bytes(read("index.bin")).expect("index.bin decodes");
    report("index.bin decoded");
    for f in [Facet::Country, Facet::Topic] {
        index
            .add_pieces([(f.file().to_string(), read(&f.file()))])
            .expect("fits");
        report(&format!("{f:?}'s relation added"));
    }
    let all = index.search(&Filter::default());
    report("empty filter's results held");
    drop(all);
    let mut fetched = 0usize;
    let sessions: [(&str, Option<(Facet, &str)>); 14] = [
        ("trafficking", None),
        ("money laundering", None),
        ("cybercrime", Some((Facet::Country, "IR"))),
        ("drug trafficking", Some((Facet::Topic, "drugs"))),
        ("\"organized crime\"", None),
        ("climate change workshop", None),
        ("maritime piracy", Some((Facet::Country, "KE"))),
        ("unodc vienna", None),
        (
            "witness protection",
            Some((Facet::Topic, "criminal-justice")),
        ),
        ("fedotov", None),
        ("\"human trafficking\"", Some((Facet::Country, "IR"))),
        (
            "smuggling of migrants",
            Some((Facet::Topic, "smuggling-of-migrants")),
        ),
        ("corruption", Some((Facet::Country, "AT"))),
        ("judges", Some((Facet::Topic, "drugs"))),
    ];
    for (words, facet) in sessions {
        for i in (1..=words.len()).filter(|&i| words.is_char_boundary(i)) {
            let mut filter = Filter {
                text: words[..i].to_string(),
                ..Filter::default()
            };
            if let Some((f, key)) = facet {
                filter.toggle(f, key);
            }
            // What the app fetches for it: facets first, then pieces, once
            // the pieces it does not read are trimmed to the budget.
            if trim {
                index.trim_pieces(&filter);
            }
            let facets = index.missing_facets_for(&filter);
            let files = facets.iter().map(|f| f.file().to_string());
            let pieces: Vec<String> = files
                .chain(index.missing_pieces(&filter).iter().map(|p| p.file()))
                .collect();
            if !pieces.is_empty() {
                fetched += pieces.len();
                let files = pieces.iter().map(|p| (p.clone(), read(p.as_str())));
                index.add_pieces(files).expect("the pieces fit");
                continue;
            }
            let results = index.search(&filter);
            drop(results);
        }
        let results = index.search(&Filter {
            text: words.to_string(),
            ..Filter::default()
        });
        report(&format!(
            "{words:?} ({} hits; {fetched} files fetched so far; pieces held {})",
            results.total,
            mb(index.held_piece_bytes())
        ));
    }
    for f in Facet::ALL {
        if !index.has_facet(f) {
            index
                .add_pieces([(f.file().to_string(), read(&f.file()))])
                .expect("fits");
            report(&format!("{f:?}'s relation added"));
        }
    }
}
