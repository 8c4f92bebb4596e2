//! `data/p/0.bin` (the fixtures' positions are one piece) as the app reads
//! it: added to the fixtures' decoded index (`Index::add_position_piece`),
//! then exact phrases searched through it.
#![no_main]

use dateline_core::query::{Filter, Index};
use dateline_core_fuzz::{packed, phrase_queries, QUERIES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let index = Index::from_bytes(packed().index.clone()).expect("fixture index.bin decodes");
    if index.add_position_piece(0, data.to_vec()).is_err() {
        return;
    }
    assert!(index.has_positions());
    let phrases = QUERIES
        .iter()
        .filter(|q| q.contains("%22"))
        .map(|q| q.to_string());
    for qs in phrase_queries().iter().cloned().chain(phrases) {
        let results = index.search(&Filter::from_query(&qs));
        assert!(results.hits.len() <= index.len());
    }
});
