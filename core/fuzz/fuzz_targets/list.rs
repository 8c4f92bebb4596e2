//! `data/l/0.bin`, a piece of the list records, as the app reads it
//! (`List::add_piece` for an index, then every record, id, event list and id
//! lookup the timeline asks for): must never panic, and a piece that is
//! added must give every record it holds.
#![no_main]

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use dateline_core::pack::{List, ListPiece};
use dateline_core::query::Index;
use dateline_core::Release;
use dateline_core_fuzz::{exercise_list, fixture_index};
use libfuzzer_sys::fuzz_target;

thread_local! {
    /// Indexes of `n` empty releases, so that a piece of any count can be added.
    static EMPTY: RefCell<HashMap<usize, Rc<Index>>> = RefCell::new(HashMap::new());
}

fn empty_index(n: usize) -> Rc<Index> {
    EMPTY.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() > 64 {
            cache.clear();
        }
        cache
            .entry(n)
            .or_insert_with(|| Rc::new(Index::new(&vec![Release::default(); n])))
            .clone()
    })
}

fn try_piece(data: &[u8], index: &Index) {
    let list = List::new(index.len());
    if list.add_piece(ListPiece::FIRST, data).is_ok() {
        for doc in ListPiece::FIRST.docs(index.len()) {
            assert!(list.get(doc, index).is_some(), "record {doc} unreadable");
        }
        exercise_list(&list, index);
    }
}

fuzz_target!(|data: &[u8]| {
    // Against the fixtures' index (the seeds are the fixtures' l/0.bin).
    try_piece(data, fixture_index());
    // Against an index of as many documents as a stored body says (the
    // frame's header, then the piece's number and count).
    if let Ok(body) = dateline_core::pack::frame::unpack(&dateline_core::pack::frame::LIST, data) {
        let n = body.get(1).copied().unwrap_or(0) as usize;
        if n > 0 && n < 128 && n != fixture_index().len() {
            try_piece(data, &empty_index(n));
        }
    }
});
