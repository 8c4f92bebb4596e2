//! `data/index.bin` as the app reads it (`Index::from_bytes`, postings left
//! in place), then searched: words, prefixes, typos, phrases without and with
//! positions, facet selections from the file's own values, dates, sorts,
//! related releases, histograms. Must never panic; work bounded by the file.
#![no_main]

use dateline_core::query::Index;
use dateline_core_fuzz::{exercise_index, packed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(index) = Index::from_bytes(data.to_vec()) else {
        return;
    };
    let pick = data
        .iter()
        .rev()
        .take(4)
        .fold(0usize, |a, &b| a * 31 + usize::from(b));
    exercise_index(&index, pick, None);
    // The fixtures' pieces fit an index with the same term layout.
    if index
        .add_pieces([packed().pieces.clone(), packed().facets.clone()].concat())
        .is_ok()
    {
        assert!(index.has_all_pieces());
        exercise_index(&index, pick / 3, None);
    }
});
