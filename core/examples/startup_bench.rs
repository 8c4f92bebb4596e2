//! Times what the app does before the search box is usable, natively, on a
//! packed data folder: `index.bin` decoded, then the empty filter's results;
//! with a query (`q=u`), that query's search once its pieces are here;
//! with `--facets`, each facet's relation added from its file.
//! `cargo run --release -p dateline-core --example startup_bench -- data/ [query | --facets]`
use std::time::Instant;

use dateline_core::query::{Filter, Index, Zoom};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "dist/data".into());
    let read = |f: &str| std::fs::read(format!("{dir}/{f}")).unwrap_or_else(|e| panic!("{f}: {e}"));
    let bytes = read("index.bin");
    if std::env::args().nth(2).as_deref() == Some("--facets") {
        for facet in dateline_core::query::Facet::ALL {
            let index = Index::from_bytes(bytes.clone()).expect("decodes");
            let file = read(&facet.file());
            let t = Instant::now();
            let body =
                dateline_core::pack::frame::unpack(&dateline_core::pack::frame::FACETS, &file)
                    .expect("unpacks");
            let unpacked = t.elapsed();
            let body_len = body.len();
            let t = Instant::now();
            index.add_facet_body(facet, body).expect("the facet fits");
            println!(
                "{}: {} bytes, unpacked to {body_len} in {unpacked:?}, added in {:?}",
                facet.file(),
                file.len(),
                t.elapsed()
            );
        }
        return;
    }
    if let Some(query) = std::env::args().nth(2) {
        let index = Index::from_bytes(bytes).expect("decodes");
        let filter = Filter::from_query(&query);
        for _ in 0..4 {
            let files = index
                .missing_pieces(&filter)
                .into_iter()
                .map(|p| (p.file(), read(&p.file())));
            index.add_pieces(files).expect("the pieces fit");
        }
        for _ in 0..5 {
            let t = Instant::now();
            let results = index.search(&filter);
            println!("{query}: {} hits in {:?}", results.total, t.elapsed());
        }
        return;
    }
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
