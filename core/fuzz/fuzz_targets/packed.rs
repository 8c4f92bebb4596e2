//! A valid packed corpus (the fixtures, packed once) with fuzz-chosen damage:
//! bytes flipped, set, inserted, removed or the file cut at chosen offsets of
//! one file or all of them, then decoded and used the way the app does
//! (index, list, positions, the chunk file, searches with a fuzz-chosen
//! query). Goes past the magic and version checks that stop most random
//! inputs, deep into the decoders. Must never panic; work bounded by the files.
//!
//! Input: `[file selector] [mutation count] ([op] [offset: u32 LE] [value])* [query string]`.
#![no_main]

use dateline_core::pack::{List, ListPiece};
use dateline_core::query::{Filter, Index};
use dateline_core_fuzz::{chunk_matches, exercise_index, exercise_list, exercise_records, packed};
use libfuzzer_sys::fuzz_target;

const MAX_MUTATIONS: usize = 8;

fn mutate(file: &mut Vec<u8>, op: u8, offset: u32, value: u8) {
    if file.is_empty() {
        file.push(value);
        return;
    }
    let at = offset as usize % file.len();
    match op % 8 {
        0 => file[at] ^= value.max(1),
        1 => file[at] = value,
        2 => file.truncate(at),
        3 => file.insert(at, value),
        4 => {
            file.remove(at);
        }
        // A varint made longer or larger: a continuation bit.
        5 => file[at] |= 0x80,
        // A count or length nudged by one either way.
        6 => file[at] = file[at].wrapping_add(if value & 1 == 0 { 1 } else { 0xFF }),
        // A run of bytes removed (a section cut short).
        _ => {
            let end = (at + usize::from(value)).min(file.len());
            file.drain(at..end);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (Some(&selector), Some(&count)) = (data.first(), data.get(1)) else {
        return;
    };
    let count = usize::from(count) % (MAX_MUTATIONS + 1);
    let ops_end = (2 + count * 6).min(data.len());
    let ops = &data[2..ops_end];
    // Any query: the search bounds its own work (search.rs, MAX_* constants).
    let query = String::from_utf8_lossy(&data[ops_end..]).into_owned();

    let p = packed();
    let piece = |name: &str| {
        let found = p.pieces.iter().find(|(n, _)| n == name);
        found.map(|(_, bytes)| bytes.clone()).unwrap_or_default()
    };
    let mut files: [Vec<u8>; 5] = [
        p.lists.first().map(|l| l.1.clone()).unwrap_or_default(),
        p.index.clone(),
        piece("p/0.bin"),
        p.chunks.first().map(|c| c.1.clone()).unwrap_or_default(),
        piece("t/0.bin"),
    ];
    let mut chunk_damaged = false;
    for (i, op) in ops.chunks_exact(6).enumerate() {
        // Selector 0-4: that file; otherwise each mutation picks its own.
        let f = match selector % 6 {
            5 => (usize::from(selector / 6) + i) % 5,
            s => usize::from(s),
        };
        chunk_damaged |= f == 3;
        let offset = u32::from_le_bytes([op[1], op[2], op[3], op[4]]);
        mutate(&mut files[f], op[0], offset, op[5]);
    }
    let [list_file, index, positions, chunk, postings] = files;

    let Ok(index) = Index::from_bytes(index) else {
        return;
    };
    let pick = usize::from(selector) + count;
    let list = List::new(index.len());
    let list = list.add_piece(ListPiece::FIRST, &list_file).map(|()| list);
    // The app searches before the pieces arrive (words match nothing,
    // phrases as all words) ...
    let before = index.search(&Filter::from_query(&query));
    assert!(before.hits.len() <= index.len());
    // ... and after: the whole round of searches and facet reads.
    let _ = index.add_pieces([("t/0.bin".to_string(), postings), ("p/0.bin".to_string(), positions)]);
    exercise_index(&index, pick, Some(&query));
    let Ok(list) = list else {
        return;
    };
    assert_eq!(list.len(), index.len());
    exercise_list(&list, &index);
    // The chunk file only when damaged (the intact one is the chunk target's seed).
    if chunk_damaged {
        if let Ok(records) = dateline_core::pack::records::read(&chunk) {
            if chunk_matches(&records, 0, &list, &index) {
                exercise_records(&records);
            }
        }
    }
});
