//! `data/r/N.bin` as the app reads it (src/fetch.rs `Download::chunk_body`
//! and src/corpus.rs `Corpus::add_chunk`: `pack::records::open`, a gzip
//! body unpacked, `read_body` into `Vec<Release>`, checked against the list
//! by id), then shown and exported (src/components: long dates, highlights,
//! snippets, JSON and CSV export). Must never panic.
#![no_main]

use dateline_core_fuzz::{chunk_matches, exercise_records, fixture_index, fixture_list};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(records) = dateline_core::pack::records::read(data) else {
        return;
    };
    let _ = chunk_matches(&records, 0, fixture_list(), fixture_index());
    exercise_records(&records);
});
