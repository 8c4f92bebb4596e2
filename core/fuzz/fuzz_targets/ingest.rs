//! Arbitrary bytes through a reader and every extractor: must never panic.
//! The first byte picks the reader (text, Markdown, JSON) by file extension.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 3] = ["fuzz.txt", "fuzz.md", "fuzz.json"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(selector) % NAMES.len()];
    if let Ok(items) = dateline_core::ingest::ingest_bytes(name, Path::new(name), bytes) {
        // Serialising exercises the output shape too (e.g. non-finite amounts).
        let releases: Vec<_> = items.into_iter().map(|i| i.release).collect();
        let _ = serde_json::to_string(&releases);
    }
});
