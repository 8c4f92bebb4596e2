//! What the app's index holds, natively, on a packed data folder: live heap
//! bytes after start-up, after each facet's relation, and while the app
//! benchmark's queries are typed a key at a time (each fetching the pieces
//! it waits for). Where to look when the browser's wasm memory grows.
//! `cargo run --release -p dateline-core --features gunzip --example memory_probe -- DATA_DIR`
//! (`MEMORY_PROBE_KEYS=1`: a line per keystroke too)
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use dateline_core::query::{Facet, Filter, Index};

#[path = "shared/keystroke_log.rs"]
mod keystroke_log;

#[path = "shared/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{Counting, LIVE, PEAK};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

/// Live bytes now, the peak since the previous report (what the step
/// needed beyond what it keeps: a wasm heap never shrinks below it), and
/// the peak of the run so far.
fn report(what: &str) {
    static RUN_PEAK: AtomicUsize = AtomicUsize::new(0);
    let (live, peak) = (LIVE.load(Relaxed), PEAK.swap(LIVE.load(Relaxed), Relaxed));
    let run = RUN_PEAK.fetch_max(peak, Relaxed).max(peak);
    println!(
        "{what}: live {}, step's peak {}, peak {}",
        mb(live),
        mb(peak),
        mb(run)
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
    // The benchmark's keystrokes, a session (a word or phrase) at a time.
    for session in keystroke_log::sessions() {
        for filter in &session {
            // What the app fetches for it: facets first, then pieces, once
            // the pieces it does not read are trimmed to the budget.
            if trim {
                index.trim_pieces(filter);
            }
            let facets = index.missing_facets_for(filter);
            let files = facets.iter().map(|f| f.file().to_string());
            let pieces: Vec<String> = files
                .chain(index.missing_pieces(filter).iter().map(|p| p.file()))
                .collect();
            if !pieces.is_empty() {
                fetched += pieces.len();
                let files = pieces.iter().map(|p| (p.clone(), read(p.as_str())));
                index.add_pieces(files).expect("the pieces fit");
                continue;
            }
            let r = index.search(filter);
            // MEMORY_PROBE_KEYS=1: a line per keystroke.
            if std::env::var_os("MEMORY_PROBE_KEYS").is_some() {
                report(&format!("  key {:?}, {} hits", filter.text, r.total));
            }
            drop(r);
        }
        let Some(last) = session.last() else {
            continue;
        };
        let results = index.search(&Filter {
            text: last.text.clone(),
            ..Filter::default()
        });
        report(&format!(
            "{:?} ({} hits; {fetched} files fetched so far; pieces held {})",
            last.text,
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
