//! Times what the app does before the search box is usable, natively, on a
//! packed data folder: `index.bin` decoded, then the empty filter's results.
//! `cargo run --release -p dateline-core --example startup_bench -- data/`
use std::time::Instant;

use dateline_core::query::{Filter, Index, Zoom};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "dist/data".into());
    let bytes = std::fs::read(format!("{dir}/index.bin")).expect("index.bin");
    for round in 0..3 {
        let t = Instant::now();
        let index = Index::from_bytes(bytes.clone()).expect("decodes");
        let decoded = t.elapsed();
        let t = Instant::now();
        let results = index.search_within(&Filter::default(), Zoom::Auto, None);
        let searched = t.elapsed();
        let t = Instant::now();
        let extent = index.date_extent();
        let extent_t = t.elapsed();
        println!(
            "round {round}: {} releases, decoded {decoded:?}, empty filter {searched:?} ({} hits, {} bars), extent {extent_t:?} {extent:?}",
            index.len(),
            results.hits.len(),
            results.histogram.buckets.len()
        );
    }
}
