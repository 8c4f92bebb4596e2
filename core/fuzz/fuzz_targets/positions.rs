//! `data/p/0.bin` (the fixtures' positions are one piece) as the app reads
//! it: added to the fixtures' decoded index with its dictionary and its
//! postings (`Index::add_piece`), then exact phrases searched through it.
#![no_main]

use dateline_core::query::{Filter, Index, Piece, Stream};
use dateline_core_fuzz::{packed, phrase_queries, QUERIES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let index = Index::from_bytes(packed().index.clone()).expect("fixture index.bin decodes");
    let words = packed()
        .pieces
        .iter()
        .filter(|(n, _)| n.starts_with("d/") || n.starts_with("t/"));
    index
        .add_pieces(words.cloned())
        .expect("fixture dictionary and postings decode");
    let piece = Piece {
        stream: Stream::Positions,
        k: 0,
    };
    if index.add_piece(piece, data.to_vec()).is_err() {
        return;
    }
    assert!(index.has_all_pieces());
    let phrases = QUERIES
        .iter()
        .filter(|q| q.contains("%22"))
        .map(|q| q.to_string());
    for qs in phrase_queries().iter().cloned().chain(phrases) {
        let results = index.search(&Filter::from_query(&qs));
        assert!(results.hits.len() <= index.len());
    }
});
