//! `data/r/N.json` as the app reads it (src/corpus.rs `Corpus::add_chunk`:
//! the body as text, serde_json into `Vec<Release>`, checked against the list
//! by id), then shown and exported (src/components: long dates, highlights,
//! snippets, JSON and CSV export). Must never panic.
#![no_main]

use dateline_core::Release;
use dateline_core_fuzz::{chunk_matches, exercise_records, fixture_index, fixture_list};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // `Response::text()` decodes the body as UTF-8, replacing bad bytes.
    let json = String::from_utf8_lossy(data);
    let Ok(records) = serde_json::from_str::<Vec<Release>>(&json) else {
        return;
    };
    let _ = chunk_matches(&records, 0, fixture_list(), fixture_index());
    exercise_records(&records);
});
