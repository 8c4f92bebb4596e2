//! Times the import worker's work natively, on one thread as in the worker:
//! a folder read in memory (`ingest::memory`), packed (`pack::pack_files`),
//! encoded as the stored `Ready`, and read back as kept records (the next
//! import's start).
//!
//! cargo run --release -p dateline-core --example import_bench -- DIR

use std::time::Instant;

use dateline_core::import::{FromWorker, ImportFile, Set};
use dateline_core::ingest::memory::Import;
use dateline_core::Release;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: import_bench DIR");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("read DIR") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let bytes = std::fs::read(&path).expect("read file");
        files.push(ImportFile::new(format!("folder/{name}"), bytes));
    }
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let n = files.len();

    let t = Instant::now();
    let mut import = Import::default();
    for file in files {
        import.add(file);
    }
    let extracted = t.elapsed();
    let corpus = import.finish(Vec::new());
    let finished = t.elapsed();
    let releases = corpus.releases.len();
    let packed = dateline_core::pack::pack_files(corpus.releases);
    let packed_at = t.elapsed();
    let stored = FromWorker::Ready {
        set: Set::Mine,
        releases: releases as u32,
        files: packed,
        problems: Vec::new(),
    }
    .encode();
    let encoded_at = t.elapsed();

    let t2 = Instant::now();
    let Ok(FromWorker::Ready { files, .. }) = FromWorker::decode(&stored) else {
        panic!("decodes")
    };
    let mut kept: Vec<Release> = Vec::new();
    for f in files.iter().filter(|f| f.path.starts_with("r/")) {
        kept.extend(serde_json::from_slice::<Vec<Release>>(&f.bytes).expect("chunk"));
    }
    let reread = t2.elapsed();
    println!(
        "{n} files, {:.1} MB: extract {:.2} s, order+ids {:.2} s, pack {:.2} s, encode {:.2} s; total {:.2} s; stored {:.1} MB; kept records read back in {:.2} s",
        bytes as f64 / 1e6,
        extracted.as_secs_f64(),
        (finished - extracted).as_secs_f64(),
        (packed_at - finished).as_secs_f64(),
        (encoded_at - packed_at).as_secs_f64(),
        encoded_at.as_secs_f64(),
        stored.len() as f64 / 1e6,
        reread.as_secs_f64(),
    );
    assert_eq!(kept.len(), releases);
}
