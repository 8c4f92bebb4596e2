//! `data/list.bin` as the app reads it (`List::parse` against the index,
//! then every record, id and event list the timeline asks for): must never
//! panic, and a file that parses must give every record it counts.
#![no_main]

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use dateline_core::pack::List;
use dateline_core::query::Index;
use dateline_core::Release;
use dateline_core_fuzz::{exercise_list, fixture_index, peek_varint};
use libfuzzer_sys::fuzz_target;

thread_local! {
    /// Indexes of `n` empty releases, so that a list of any count can parse.
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

fuzz_target!(|data: &[u8]| {
    // Against the fixtures' index (the seeds are the fixtures' list.bin).
    let index = fixture_index();
    if let Ok(list) = List::parse(data.to_vec(), index) {
        assert_eq!(list.len(), index.len());
        exercise_list(&list, index);
    }
    // Against an index of as many documents as the file says (magic, version, count).
    if data.starts_with(b"DLLS") {
        let version_len = data[4..].iter().take_while(|&&b| b & 0x80 != 0).count() + 1;
        let Some(n) = peek_varint(data, 4 + version_len) else {
            return;
        };
        let n = n as usize;
        if n != index.len() && n <= data.len() && n <= 4096 {
            let index = empty_index(n);
            if let Ok(list) = List::parse(data.to_vec(), &index) {
                for doc in 0..n as u32 {
                    assert!(
                        list.get(doc, &index).is_some(),
                        "record {doc} of {n} unreadable"
                    );
                }
                exercise_list(&list, &index);
            }
        }
    }
});
