//! Replays the benchmark's 200-keystroke log (bench/run.mjs) natively against
//! a packed corpus and prints the decode time, p50/p95 and the slowest
//! keystrokes: where to look when the browser figures move.
//! `cargo run --release -p dateline-core --example keystrokes -- DATA_DIR`
//! (DATA_DIR as written by `dateline pack`).

use std::time::Instant;

use dateline_core::query::{Filter, Stream};

#[path = "shared/keystroke_log.rs"]
mod keystroke_log;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: keystrokes DATA_DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    let read = |f: &str| std::fs::read(dir.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    let (list, index_bytes) = (read("l/0.bin"), read("index.bin"));
    let index = index_bytes.clone();
    // What the app does at start: the index, then a checked pass over the
    // list's first piece.
    let start = Instant::now();
    let index = dateline_core::query::Index::from_bytes(index).expect("index.bin decodes");
    let indexed = start.elapsed();
    let first = dateline_core::pack::ListPiece::FIRST;
    let pieces_of_list = dateline_core::pack::List::new(index.len());
    pieces_of_list
        .add_piece(first, &list)
        .expect("l/0.bin decodes");
    let list = pieces_of_list;
    // What the app fetches for a query, on a fresh index: the pieces of the
    // dictionary its words fall in, then of its terms' postings, and of a
    // phrase's words' positions.
    let pieces = index.pieces();
    for q in [
        "q=trafficking",
        "q=t",
        "q=traff",
        "q=migrant+smuggling",
        "q=%22organized+crime%22",
        "q=%22human+trafficking%22",
        "q=%22civil+society%22",
        "q=%22the+united+nations%22",
    ] {
        let filter = Filter::from_query(q);
        let fresh = dateline_core::query::Index::from_bytes(index_bytes.clone()).expect("decodes");
        let mut needed = Vec::new();
        loop {
            let missing = fresh.missing_pieces(&filter);
            if missing.is_empty() {
                break;
            }
            fresh
                .add_pieces(missing.iter().map(|p| (p.file(), read(&p.file()))))
                .expect("the pieces fit");
            needed.extend(missing);
        }
        let size = |stream| -> (usize, u64) {
            let of_stream: Vec<_> = needed.iter().filter(|p| p.stream == stream).collect();
            let bytes = of_stream
                .iter()
                .filter_map(|p| std::fs::metadata(dir.join(p.file())).ok())
                .map(|m| m.len())
                .sum();
            (of_stream.len(), bytes)
        };
        let (d, d_bytes) = size(Stream::Dictionary);
        let ((t, t_bytes), (p, p_bytes)) = (size(Stream::Postings), size(Stream::Positions));
        println!("{q}: {d} pieces of the dictionary, {d_bytes} bytes; {t} of the postings, {t_bytes} bytes; {p} of the positions, {p_bytes} bytes");
    }
    let count = |stream| pieces.iter().filter(|p| p.stream == stream).count();
    println!(
        "{} pieces of the dictionary, {} of the postings, {} of the positions",
        count(Stream::Dictionary),
        count(Stream::Postings),
        count(Stream::Positions)
    );
    index
        .add_pieces(pieces.iter().map(|p| (p.file(), read(&p.file()))))
        .expect("the pieces fit");
    println!(
        "{} releases: index.bin decoded in {indexed:?}, l/0.bin checked in {:?}",
        list.len(),
        start.elapsed() - indexed
    );

    for q in [
        "q=%22organized+crime%22",
        "q=organized+crime+",
        "q=%22human+trafficking%22",
    ] {
        println!("{q}: {} hits", index.search(&Filter::from_query(q)).total);
    }
    let log: Vec<Filter> = keystroke_log::sessions().into_iter().flatten().collect();
    let mut times = Vec::new();
    for _ in 0..3 {
        for (i, filter) in log.iter().enumerate() {
            let start = Instant::now();
            let results = index.search(filter);
            times.push((start.elapsed().as_secs_f64() * 1000.0, i, results.total));
        }
    }
    let mut sorted: Vec<f64> = times.iter().map(|t| t.0).collect();
    sorted.sort_by(f64::total_cmp);
    let pct = |p: f64| sorted[((sorted.len() - 1) as f64 * p) as usize];
    println!(
        "p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        pct(0.5),
        pct(0.95),
        pct(1.0)
    );
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, i, total) in times.iter().take(12) {
        println!("{ms:8.2} ms  {total:7} hits  {:?}", log[*i].to_query());
    }
}
