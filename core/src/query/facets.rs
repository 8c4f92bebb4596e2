//! Facet values of the corpus (value → documents, document → values) and the
//! per-search counts shown next to each choice.

use std::sync::{Arc, Mutex, OnceLock};

use super::filter::Facet;
use crate::codec::varint_bytes;

/// One value of a facet: its URL key and how to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueInfo {
    pub key: Arc<str>,
    /// Short label: country name, organisation acronym, person or programme name, topic words.
    pub label: Arc<str>,
    /// Longer form for a title or tooltip: organisation full name, person role, programme acronym.
    pub detail: Option<Arc<str>>,
}

impl ValueInfo {
    fn of(key: &str, label: &str, detail: Option<&str>) -> ValueInfo {
        ValueInfo {
            key: key.into(),
            label: label.into(),
            detail: detail.map(Arc::from),
        }
    }
}

/// Values' keys, labels and details, in one buffer: a million releases name
/// about 128,000 people, whose 8 MB of text took three allocations and a
/// 48-byte record each (about 15 MB more in all).
#[derive(Clone, Default)]
struct Texts {
    bytes: String,
    /// Where each value's key, label and detail end in `bytes`, three per value.
    ends: Vec<u32>,
    /// Whether each value has a detail (an empty one is kept as given).
    has_detail: Vec<bool>,
}

impl Texts {
    fn len(&self) -> usize {
        self.has_detail.len()
    }

    /// Room for `n` values of `bytes` bytes of text in all.
    fn with_capacity(n: usize, bytes: usize) -> Texts {
        Texts {
            bytes: String::with_capacity(bytes),
            ends: Vec::with_capacity(n * 3),
            has_detail: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, key: &str, label: &str, detail: Option<&str>) {
        for part in [key, label, detail.unwrap_or_default()] {
            // Offsets fit four bytes: the files that give the texts do.
            self.bytes.push_str(part);
            self.ends
                .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
        }
        self.has_detail.push(detail.is_some());
    }

    /// Part `k` (0 key, 1 label, 2 detail) of value `v`.
    fn part(&self, v: usize, k: usize) -> &str {
        let at = v * 3 + k;
        let start = match at {
            0 => 0,
            _ => self.ends.get(at - 1).map_or(0, |&e| e as usize),
        };
        let end = self.ends.get(at).map_or(0, |&e| e as usize);
        self.bytes.get(start..end).unwrap_or_default()
    }

    fn key(&self, v: usize) -> &str {
        self.part(v, 0)
    }

    fn label(&self, v: usize) -> &str {
        self.part(v, 1)
    }

    fn detail(&self, v: usize) -> Option<&str> {
        match self.has_detail.get(v) {
            Some(true) => Some(self.part(v, 2)),
            _ => None,
        }
    }

    /// Value `v` as the index's callers get it.
    fn info(&self, v: usize) -> Option<ValueInfo> {
        (v < self.len()).then(|| ValueInfo::of(self.key(v), self.label(v), self.detail(v)))
    }

    /// Appends `other`'s values, in exactly the room they need.
    fn extend(&mut self, other: &Texts) {
        let base = u32::try_from(self.bytes.len()).unwrap_or(u32::MAX);
        self.bytes.reserve_exact(other.bytes.len());
        self.bytes.push_str(&other.bytes);
        self.ends.reserve_exact(other.ends.len());
        self.ends
            .extend(other.ends.iter().map(|&e| e.saturating_add(base)));
        self.has_detail.extend_from_slice(&other.has_detail);
    }

    /// Lets go of the room that pushing one value at a time left over.
    fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.has_detail.shrink_to_fit();
    }

    /// The values numbered `range`, renumbered from 0.
    fn slice(&self, range: std::ops::Range<usize>) -> Texts {
        let mut out = Texts::default();
        for v in range.filter(|&v| v < self.len()) {
            out.push(self.key(v), self.label(v), self.detail(v));
        }
        out
    }

    /// Values `range`'s number whose key is `key`: keys are in order there.
    fn find(&self, range: std::ops::Range<usize>, key: &str) -> Option<usize> {
        let (mut lo, mut hi) = (range.start, range.end.min(self.len()));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.key(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// A value as one release names it, before values are merged across releases.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub key: String,
    pub label: String,
    pub detail: Option<String>,
}

/// Builds a [`FacetIndex`] from documents given one at a time, so that a
/// large corpus is indexed as it is read: each value's key, label and
/// documents, and per document its values, as numbers until `finish` sorts
/// the keys. The first label and the first detail seen win; duplicates
/// within a document count once.
#[derive(Default)]
pub(crate) struct FacetBuilder {
    slots: foldhash::HashMap<String, u32>,
    values: Vec<Slot>,
    doc_starts: Vec<u32>,
    doc_slots: Vec<u32>,
}

/// A value as the builder collects it.
struct Slot {
    label: String,
    detail: Option<String>,
    /// How many documents have it (each document's values are kept in
    /// `doc_slots`: a list per value too held 4 bytes more per value of
    /// each document, and a `Vec` that doubles up to twice that).
    docs: u32,
    /// The last document counted (each counts once).
    last_doc: Option<u32>,
}

impl FacetBuilder {
    /// A builder holding `index`'s documents and values as if each had been
    /// added with `add_doc` (same slots: keys, labels, details, counts; each
    /// document's values), so that later documents continue its numbering:
    /// an incremental build adds the new releases to the previous build's
    /// facet. The index's value numbers are the slots, so each document's
    /// values are copied as they are, and each value's key is allocated
    /// once. `None` when the index lacks its relation (`f/<facet>.bin` not
    /// read), or names a key twice (no build writes that).
    pub(crate) fn from_index(index: &FacetIndex) -> Option<FacetBuilder> {
        let (Some(relation), Some(all)) = (index.relation.get(), index.all.get()) else {
            return None;
        };
        let texts = &all.values;
        let n_values = texts.len();
        let mut slots = foldhash::HashMap::with_capacity_and_hasher(n_values, Default::default());
        let mut values = Vec::with_capacity(n_values);
        for v in 0..n_values {
            if slots.insert(texts.key(v).to_owned(), v as u32).is_some() {
                return None;
            }
            values.push(Slot {
                label: texts.label(v).to_owned(),
                detail: texts.detail(v).map(str::to_owned),
                docs: all.df.get(v).copied().unwrap_or(0),
                // The documents added next come after all of these, so
                // each counts the value once whatever was counted last.
                last_doc: None,
            });
        }
        // Where each document's values end (the relation's starts, less
        // the leading 0), and the values as slots.
        let n_docs = relation.doc_starts.len().saturating_sub(1);
        let doc_starts: Vec<u32> = (1..=n_docs)
            .filter_map(|d| relation.doc_starts.get(d))
            .collect();
        let doc_slots = relation.doc_values.to_vec();
        Some(FacetBuilder {
            slots,
            values,
            doc_starts,
            doc_slots,
        })
    }

    /// Adds the next document (numbered from 0 in call order).
    pub fn add_doc(&mut self, entries: &[Entry]) {
        let doc = self.doc_starts.len() as u32;
        for e in entries.iter().filter(|e| !e.key.is_empty()) {
            let slot = match self.slots.get(&e.key) {
                Some(&slot) => slot,
                None => {
                    let slot = self.values.len() as u32;
                    self.slots.insert(e.key.clone(), slot);
                    self.values.push(Slot {
                        label: e.label.clone(),
                        detail: None,
                        docs: 0,
                        last_doc: None,
                    });
                    slot
                }
            };
            let Some(Slot {
                detail,
                docs,
                last_doc,
                ..
            }) = self.values.get_mut(slot as usize)
            else {
                continue;
            };
            if detail.is_none() {
                detail.clone_from(&e.detail);
            }
            if *last_doc != Some(doc) {
                *last_doc = Some(doc);
                *docs += 1;
            }
            self.doc_slots.push(slot);
        }
        self.doc_starts.push(self.doc_slots.len() as u32);
    }

    pub fn finish(self) -> FacetIndex {
        let mut keys: Vec<(String, u32)> = self.slots.into_iter().collect();
        let mut df = Vec::with_capacity(keys.len());
        keys.sort_unstable();
        let head = head_of(&keys, |slot| {
            self.values
                .get(slot as usize)
                .map_or(0, |s| s.docs as usize)
        });
        // The head's values first, then the rest, each in key order.
        let (mut first, rest): (Vec<_>, Vec<_>) = keys
            .into_iter()
            .partition(|(_, s)| head.get(*s as usize).copied().unwrap_or(false));
        let n_head = first.len();
        first.extend(rest);
        let keys = first;
        // Slot → value number in key order.
        let mut number = vec![0u32; self.values.len()];
        let mut slots_values: Vec<Option<Slot>> = self.values.into_iter().map(Some).collect();
        let mut values = Texts::default();
        for (n, (key, slot)) in (0u32..).zip(keys) {
            let Some(Slot {
                label,
                detail,
                docs,
                ..
            }) = slots_values.get_mut(slot as usize).and_then(Option::take)
            else {
                continue;
            };
            if let Some(at) = number.get_mut(slot as usize) {
                *at = n;
            }
            values.push(&key, &label, detail.as_deref());
            df.push(docs);
        }
        let mut doc_starts = vec![0];
        let mut doc_values = Vec::with_capacity(self.doc_slots.len());
        let mut from = 0;
        for &end in &self.doc_starts {
            let slots = self.doc_slots.get(from..end as usize).unwrap_or_default();
            let mut ids: Vec<u32> = slots
                .iter()
                .filter_map(|&s| number.get(s as usize).copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            doc_values.extend(ids);
            doc_starts.push(doc_values.len() as u32);
            from = end as usize;
        }
        values.shrink_to_fit();
        let doc_values = Ids::of(values.len(), doc_values);
        let relation = Relation::new(values.len(), Starts::new(&doc_starts), doc_values);
        let mut index = FacetIndex::from_parts(values, df, Some(relation));
        index.head = index.known().prefix(n_head);
        index
    }
}

/// Which slots are in the head ([`HEAD_VALUES`] values: the most releases,
/// then the first key), given the keys in key order and each slot's count.
fn head_of(keys: &[(String, u32)], df: impl Fn(u32) -> usize) -> Vec<bool> {
    let mut by_df: Vec<u32> = (0..keys.len() as u32).collect();
    // Most releases first; ties in key order (the keys are sorted).
    crate::order::sort_by_key(&mut by_df, |&i| {
        std::cmp::Reverse(keys.get(i as usize).map_or(0, |k| df(k.1)))
    });
    let mut head = vec![false; keys.len()];
    for &i in by_df.iter().take(HEAD_VALUES) {
        if let Some(slot) = keys
            .get(i as usize)
            .and_then(|k| head.get_mut(k.1 as usize))
        {
            *slot = true;
        }
    }
    head
}

/// Set of document ids as a bitset: O(1) membership for facet selections.
#[derive(Clone)]
pub(crate) struct DocSet {
    words: Vec<u64>,
}

impl DocSet {
    pub fn new(n_docs: usize) -> DocSet {
        DocSet {
            words: vec![0; n_docs.div_ceil(64)],
        }
    }

    pub fn insert(&mut self, doc: u32) {
        if let Some(w) = self.words.get_mut(doc as usize / 64) {
            *w |= 1 << (doc % 64);
        }
    }

    pub fn contains(&self, doc: u32) -> bool {
        self.words
            .get(doc as usize / 64)
            .is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }
}

/// How many values of a facet `index.bin` holds: those most releases have
/// (every value of a smaller facet). The home page's counts list them; the
/// others come with the facet's file. A million releases name about 128,000
/// people: 8.7 MB of names that would otherwise be read at start.
pub const HEAD_VALUES: usize = 256;

/// The most values of a facet that a search's counts list, the selected
/// ones aside: as many as a view shows ([`FacetCounts::total`] counts the
/// rest). A broad search over a million releases counts about 100,000
/// people; listing them all was a 5 MB list per keystroke, copied and
/// compared again by the page, to show 256 at most.
pub const LISTED_VALUES: usize = HEAD_VALUES;

/// Values of one facet: the most frequent values and how many releases have
/// each (in `index.bin`, read at start); the other values and which
/// releases have which (the relation, in `f/<facet>.bin`, fetched when a
/// view needs it). Values are numbered head first, each part in key order.
pub(crate) struct FacetIndex {
    /// How many values the facet has, the head's and the rest.
    n_values: usize,
    /// The values numbered below its length.
    head: Values,
    /// Every value, once the facet's file is here (at once when the head
    /// has them all).
    all: OnceLock<Values>,
    relation: OnceLock<Relation>,
}

/// Some values of a facet (numbered from 0) and their order by label.
#[derive(Clone)]
struct Values {
    values: Texts,
    /// Releases per value, in the whole corpus.
    df: Vec<u32>,
    /// Each value's place in label order, so counts sort on integers.
    label_rank: Vec<u32>,
    /// The values in label order (the inverse of `label_rank`).
    by_label: Vec<u32>,
}

impl Values {
    fn new(values: Texts, df: Vec<u32>) -> Values {
        let (label_rank, by_label) = label_order(&values);
        Values {
            values,
            df,
            label_rank,
            by_label,
        }
    }

    /// The first `n` values.
    fn prefix(&self, n: usize) -> Values {
        let n = n.min(self.values.len());
        Values::new(
            self.values.slice(0..n),
            self.df[..n.min(self.df.len())].to_vec(),
        )
    }
}

/// Document → values and value → documents, in flat arrays (two
/// allocations per direction whatever the corpus size), kept small: a
/// million releases name millions of values.
struct Relation {
    n_values: usize,
    /// Document `d`'s values: `doc_values[doc_starts[d]..doc_starts[d + 1]]`.
    doc_starts: Starts,
    doc_values: Ids,
    /// Value → documents, built from the other direction when first read
    /// (a selection, an entity, the related releases), never for a
    /// search's counts: building it when the facet's file arrives took half
    /// of that file's decoding (50 ms of 145 for the people of 1M releases,
    /// natively), all in one task of the page.
    by_value: OnceLock<ByValue>,
    /// The documents of the last selection read without `by_value`, and
    /// its values: a selection reads them once, not per keystroke.
    selected: Mutex<Option<(Vec<u32>, DocSet)>>,
}

/// Value `v`'s documents, ascending, as varint gaps (the first from 0):
/// bytes `starts[v]..starts[v + 1]` of `docs`.
struct ByValue {
    starts: Vec<u32>,
    docs: Vec<u8>,
}

/// Value numbers in a byte each below 256 values (countries, topics,
/// years), two below 65,536, and past that packed in 64-bit words in the
/// bits the count needs (17 for the 128,000 people of a million releases,
/// which took four bytes each). Numbers packed in bits for every facet cost
/// half again per search that counts half a million releases; a byte or a
/// short is read with one load. Written by hand: the packing crates decode
/// blocks of 128 values or more, and a release's values are read a few at a
/// time, at any place.
enum Ids {
    Bytes(Vec<u8>),
    Shorts(Vec<u16>),
    Bits {
        bits: u32,
        len: usize,
        words: Vec<u64>,
    },
}

impl Ids {
    /// Room for `n` numbers below `n_values`.
    fn with_capacity(n_values: usize, n: usize) -> Ids {
        let bits = (usize::BITS - n_values.saturating_sub(1).leading_zeros()).clamp(1, 32);
        match bits {
            0..=8 => Ids::Bytes(Vec::with_capacity(n)),
            9..=16 => Ids::Shorts(Vec::with_capacity(n)),
            _ => Ids::Bits {
                bits,
                len: 0,
                words: Vec::with_capacity((n * bits as usize).div_ceil(64)),
            },
        }
    }

    /// Numbers below `n_values`, in the width they need.
    fn of(n_values: usize, ids: Vec<u32>) -> Ids {
        let mut out = Ids::with_capacity(n_values, ids.len());
        ids.into_iter().for_each(|v| out.push(v));
        out
    }

    /// Bits per number: 8, 16, or as packed.
    #[cfg(test)]
    fn width(&self) -> u32 {
        match self {
            Ids::Bytes(_) => 8,
            Ids::Shorts(_) => 16,
            Ids::Bits { bits, .. } => *bits,
        }
    }

    fn len(&self) -> usize {
        match self {
            Ids::Bytes(ids) => ids.len(),
            Ids::Shorts(ids) => ids.len(),
            Ids::Bits { len, .. } => *len,
        }
    }

    /// Every number, in order.
    fn to_vec(&self) -> Vec<u32> {
        match self {
            Ids::Bytes(ids) => ids.iter().map(|&v| u32::from(v)).collect(),
            Ids::Shorts(ids) => ids.iter().map(|&v| u32::from(v)).collect(),
            Ids::Bits { len, .. } => (0..*len).filter_map(|i| self.get(i)).collect(),
        }
    }

    /// Adds a number below the `n_values` this was made for.
    fn push(&mut self, v: u32) {
        match self {
            Ids::Bytes(ids) => ids.push(v as u8),
            Ids::Shorts(ids) => ids.push(v as u16),
            Ids::Bits { bits, len, words } => {
                let bit = *len * *bits as usize;
                let (word, offset) = (bit / 64, bit % 64);
                let v = u64::from(v) & ((1u64 << *bits) - 1);
                if offset == 0 {
                    words.push(0);
                }
                if let Some(w) = words.get_mut(word) {
                    *w |= v << offset;
                }
                if offset + *bits as usize > 64 {
                    words.push(v >> (64 - offset));
                }
                *len += 1;
            }
        }
    }

    /// Number `i`.
    fn get(&self, i: usize) -> Option<u32> {
        match self {
            Ids::Bytes(ids) => ids.get(i).map(|&v| u32::from(v)),
            Ids::Shorts(ids) => ids.get(i).map(|&v| u32::from(v)),
            Ids::Bits { bits, len, words } => {
                if i >= *len {
                    return None;
                }
                let bit = i * *bits as usize;
                let (word, offset) = (bit / 64, bit % 64);
                // The next word's bits shifted in without a branch (none
                // when the number ends in this word, or at the last word).
                let low = words.get(word)? >> offset;
                let high = (words.get(word + 1).copied().unwrap_or(0) << 1) << (63 - offset);
                Some(((low | high) & ((1u64 << *bits) - 1)) as u32)
            }
        }
    }
}

/// Documents per block of [`Starts`].
const STARTS_BLOCK: usize = 32;

/// Ascending offsets, one per document and one past the last, in about a
/// byte each: where each block of [`STARTS_BLOCK`] starts, and each offset
/// from its block's start, in the width the widest block needs ([`Ids`]: a
/// byte while a block's 32 releases name fewer than 256 values). Four
/// bytes each made a facet's starts 4 MB at a million releases, in every
/// facet; two bytes, 2 MB.
struct Starts {
    blocks: Vec<u32>,
    within: Ids,
}

impl Starts {
    fn new(starts: &[u32]) -> Starts {
        let mut out = Starts::with_capacity(starts.len(), widest_block(starts.iter().copied()));
        starts.iter().for_each(|&at| out.push(at));
        out
    }

    /// Room for `n` offsets, none further from its block's start than `widest`.
    fn with_capacity(n: usize, widest: u32) -> Starts {
        Starts {
            blocks: Vec::with_capacity(n.div_ceil(STARTS_BLOCK)),
            within: Ids::with_capacity(widest as usize + 1, n),
        }
    }

    /// Adds the next offset (not below the last).
    fn push(&mut self, at: u32) {
        if self.within.len() % STARTS_BLOCK == 0 {
            self.blocks.push(at);
        }
        let base = self.blocks.last().copied().unwrap_or(0);
        self.within.push(at.saturating_sub(base));
    }

    /// Offset `i`.
    fn get(&self, i: usize) -> Option<u32> {
        Some(self.blocks.get(i / STARTS_BLOCK)? + self.within.get(i)?)
    }

    fn len(&self) -> usize {
        self.within.len()
    }
}

/// The furthest that ascending `offsets` get from their block's start.
fn widest_block(offsets: impl Iterator<Item = u32>) -> u32 {
    let (mut base, mut widest) = (0, 0);
    for (i, at) in offsets.enumerate() {
        if i % STARTS_BLOCK == 0 {
            base = at;
        }
        widest = widest.max(at.saturating_sub(base));
    }
    widest
}

/// Reads offsets written by `Writer::starts` (from 0, never decreasing)
/// straight into [`Starts`]: a first pass finds the widest block, so no
/// four-byte list is held on the way (4 MB at a million releases).
fn read_starts(r: &mut crate::codec::Reader<'_>) -> Result<Starts, crate::codec::DecodeError> {
    let n = r.count(1)?;
    let mut sizing = r.clone();
    let mut last = 0u32;
    let mut widest = 0;
    let mut base = 0;
    for i in 0..n {
        last = last
            .checked_add(sizing.varint()?)
            .ok_or_else(|| sizing.error("offsets below 2^32"))?;
        if i == 0 && last != 0 {
            return Err(sizing.error("offsets that start at 0"));
        }
        if i % STARTS_BLOCK == 0 {
            base = last;
        }
        widest = widest.max(last - base);
    }
    let mut starts = Starts::with_capacity(n, widest);
    let mut last = 0u32;
    for _ in 0..n {
        last = last.saturating_add(r.varint()?);
        starts.push(last);
    }
    match n {
        0 => Err(r.error("offsets that start at 0")),
        _ => Ok(starts),
    }
}

impl Relation {
    /// From each document's values (ascending, each below `n_values`).
    fn new(n_values: usize, doc_starts: Starts, doc_values: Ids) -> Relation {
        Relation {
            n_values,
            doc_starts,
            doc_values,
            by_value: OnceLock::new(),
            selected: Mutex::new(None),
        }
    }

    /// The documents having any of `values` (ascending, deduplicated):
    /// from value → documents when something built it, else read from
    /// each document's values and kept for the next keystroke. Building
    /// value → documents for a selection held it for the whole facet (7 MB
    /// for the countries of a million releases) for the rest of the visit.
    fn selection(&self, values: &[u32], n_docs: usize) -> DocSet {
        let mut set = DocSet::new(n_docs);
        if self.by_value.get().is_some() {
            for &value in values {
                self.docs(value).for_each(|doc| set.insert(doc));
            }
            return set;
        }
        let mut kept = self.selected.lock().ok();
        if let Some(Some((kept_values, kept_set))) = kept.as_deref() {
            if kept_values == values {
                return kept_set.clone();
            }
        }
        for doc in 0..n_docs as u32 {
            if self
                .values_of(doc)
                .any(|v| values.binary_search(&v).is_ok())
            {
                set.insert(doc);
            }
        }
        if let Some(kept) = kept.as_deref_mut() {
            *kept = Some((values.to_vec(), set.clone()));
        }
        set
    }

    /// Value → documents, from document → values.
    fn by_value(&self) -> &ByValue {
        self.by_value.get_or_init(|| {
            let n_docs = self.doc_starts.len().saturating_sub(1) as u32;
            let pairs =
                || (0..n_docs).flat_map(|doc| self.values_of(doc).map(move |v| (doc, v as usize)));
            // Two passes: each value's bytes, then the gaps written in place
            // (no per-value lists held in between).
            let mut last: Vec<Option<u32>> = vec![None; self.n_values];
            let mut bytes = vec![0u32; self.n_values];
            for (doc, v) in pairs() {
                if let (Some(last), Some(bytes)) = (last.get_mut(v), bytes.get_mut(v)) {
                    *bytes += varint_bytes(doc - last.unwrap_or(0)).1 as u32;
                    *last = Some(doc);
                }
            }
            let mut starts = Vec::with_capacity(self.n_values + 1);
            starts.push(0u32);
            for b in &bytes {
                starts.push(starts.last().copied().unwrap_or(0) + b);
            }
            let mut docs = vec![0u8; starts.last().copied().unwrap_or(0) as usize];
            let mut at: Vec<u32> = starts[..self.n_values].to_vec();
            last.iter_mut().for_each(|l| *l = None);
            for (doc, v) in pairs() {
                if let (Some(last), Some(at)) = (last.get_mut(v), at.get_mut(v)) {
                    let (gap, len) = varint_bytes(doc - last.unwrap_or(0));
                    if let Some(slot) = docs.get_mut(*at as usize..*at as usize + len) {
                        slot.copy_from_slice(&gap[..len]);
                    }
                    *at += len as u32;
                    *last = Some(doc);
                }
            }
            ByValue { starts, docs }
        })
    }

    fn values_of(&self, doc: u32) -> ValuesOf<'_> {
        let (Some(a), Some(b)) = (
            self.doc_starts.get(doc as usize),
            self.doc_starts.get(doc as usize + 1),
        ) else {
            return ValuesOf::EMPTY;
        };
        ValuesOf {
            ids: Some(&self.doc_values),
            at: a as usize,
            end: (b as usize).min(self.doc_values.len()),
        }
    }

    fn docs(&self, value: u32) -> DocsOf<'_> {
        let v = value as usize;
        let by_value = self.by_value();
        let bytes = match (by_value.starts.get(v), by_value.starts.get(v + 1)) {
            (Some(&a), Some(&b)) => by_value.docs.get(a as usize..b as usize),
            _ => None,
        };
        DocsOf {
            bytes: bytes.unwrap_or_default(),
            at: 0,
            doc: 0,
        }
    }
}

/// The values of one document, ascending.
pub(crate) struct ValuesOf<'a> {
    ids: Option<&'a Ids>,
    at: usize,
    end: usize,
}

impl ValuesOf<'_> {
    const EMPTY: ValuesOf<'static> = ValuesOf {
        ids: None,
        at: 0,
        end: 0,
    };
}

impl Iterator for ValuesOf<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.at >= self.end {
            return None;
        }
        self.at += 1;
        self.ids?.get(self.at - 1)
    }
}

/// The documents of one value, ascending, decoded as they are read.
pub(crate) struct DocsOf<'a> {
    bytes: &'a [u8],
    at: usize,
    doc: u32,
}

impl Iterator for DocsOf<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let gap = crate::codec::read_checked_varint(self.bytes, &mut self.at);
        self.doc = self.doc.saturating_add(gap);
        Some(self.doc)
    }
}

impl FacetIndex {
    /// No values and no documents (and so nothing to fetch).
    pub fn empty() -> FacetIndex {
        let relation = Relation::new(0, Starts::new(&[0]), Ids::of(0, Vec::new()));
        FacetIndex::from_parts(Texts::default(), Vec::new(), Some(relation))
    }

    /// Every value as built, with the relation when given.
    fn from_parts(values: Texts, df: Vec<u32>, relation: Option<Relation>) -> FacetIndex {
        let cell = OnceLock::new();
        if let Some(relation) = relation {
            let _ = cell.set(relation);
        }
        let values = Values::new(values, df);
        FacetIndex {
            n_values: values.values.len(),
            head: values.clone(),
            all: OnceLock::from(values),
            relation: cell,
        }
    }

    /// The values here: all of them, or the head until the facet's file is here.
    fn known(&self) -> &Values {
        self.all.get().unwrap_or(&self.head)
    }

    /// How many values are known: all, or the head until the facet's file is here.
    pub fn known_count(&self) -> usize {
        self.known().values.len()
    }

    /// How many values the facet has (not all of them known before its file is here).
    pub fn len(&self) -> usize {
        self.n_values
    }

    /// Whether the relation (which releases have which value) is here.
    pub fn has_relation(&self) -> bool {
        self.relation.get().is_some()
    }

    /// Every known value's count over the whole corpus.
    pub fn all_df(&self) -> &[u32] {
        &self.known().df
    }

    /// The value with this key; one outside the head is found once the
    /// facet's file is here.
    pub fn find(&self, key: &str) -> Option<u32> {
        let values = &self.known().values;
        let n_head = self.head.values.len().min(values.len());
        values
            .find(0..n_head, key)
            .or_else(|| values.find(n_head..values.len(), key))
            .map(|i| i as u32)
    }

    /// The value whose label is `name`, ignoring case, accents and
    /// punctuation (as slugs: the search's own folding, no Unicode case
    /// tables in the wasm). A linear scan: for a name typed once, not per
    /// keystroke.
    pub fn find_label(&self, name: &str) -> Option<u32> {
        let name = crate::text::slug(name);
        let values = &self.known().values;
        (0..values.len())
            .position(|v| !name.is_empty() && crate::text::slug(values.label(v)) == name)
            .map(|i| i as u32)
    }

    /// Value `value`'s key, label and detail.
    pub fn info(&self, value: u32) -> Option<ValueInfo> {
        self.known().values.info(value as usize)
    }

    /// Value `value`'s key (empty when there is no such value).
    pub fn key(&self, value: u32) -> &str {
        self.known().values.key(value as usize)
    }

    /// The releases having `value`, ascending (none until the relation is here).
    pub fn docs(&self, value: u32) -> DocsOf<'_> {
        match self.relation.get() {
            Some(r) => r.docs(value),
            None => DocsOf {
                bytes: &[],
                at: 0,
                doc: 0,
            },
        }
    }

    /// How many releases have `value` (known before the relation is here).
    pub fn df(&self, value: u32) -> usize {
        self.known()
            .df
            .get(value as usize)
            .map_or(0, |&n| n as usize)
    }

    /// The values `doc` has, ascending (none until the relation is here).
    pub fn values_of(&self, doc: u32) -> ValuesOf<'_> {
        match self.relation.get() {
            Some(r) => r.values_of(doc),
            None => ValuesOf::EMPTY,
        }
    }

    /// Documents having any of `keys` (OR within a facet); unknown keys match nothing.
    pub fn selection(&self, keys: &[String], n_docs: usize) -> DocSet {
        let mut values: Vec<u32> = keys.iter().filter_map(|k| self.find(k)).collect();
        values.sort_unstable();
        values.dedup();
        match self.relation.get() {
            Some(relation) => relation.selection(&values, n_docs),
            None => DocSet::new(n_docs),
        }
    }
}

/// Each value's place in label order, and the values in that order.
fn label_order(values: &Texts) -> (Vec<u32>, Vec<u32>) {
    // Sorted on each label's first 8 bytes held in the array, the strings
    // read only on a tie: comparing the strings themselves, behind their
    // pointers, took 46 ms for the 128k people of 1M releases, in the task
    // that adds the facet's file. Keys are unique, so the order is total.
    let head = |s: &str| {
        let mut b = [0u8; 8];
        let n = s.len().min(8);
        b[..n].copy_from_slice(&s.as_bytes()[..n]);
        u64::from_be_bytes(b)
    };
    let full = |v: u32| (values.label(v as usize), values.key(v as usize));
    let mut keyed: Vec<(u64, u32)> = (0..values.len() as u32)
        .map(|v| (head(values.label(v as usize)), v))
        .collect();
    crate::order::sort_by(&mut keyed, |a, b| {
        a.0.cmp(&b.0).then_with(|| full(a.1).cmp(&full(b.1)))
    });
    let by_label: Vec<u32> = keyed.into_iter().map(|(_, v)| v).collect();
    let mut label_rank = vec![0; values.len()];
    for (rank, &v) in (0u32..).zip(&by_label) {
        if let Some(slot) = label_rank.get_mut(v as usize) {
            *slot = rank;
        }
    }
    (label_rank, by_label)
}

/// One choice next to a facet, with how many matching releases it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub key: Arc<str>,
    pub label: Arc<str>,
    pub detail: Option<Arc<str>>,
    pub count: u32,
    pub selected: bool,
}

/// Counts for every facet. Each facet's counts take every filter into account
/// except that facet's own selection, so the other choices of an OR stay visible.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    by_facet: [Vec<FacetValue>; 6],
    /// How many values each facet has in the set counted, listed or not
    /// (the whole corpus's counts list only the known values).
    totals: [usize; 6],
}

impl FacetCounts {
    /// Values present in the (live) matching set, by count descending then
    /// label: the first [`LISTED_VALUES`], and the selected ones.
    pub fn get(&self, facet: Facet) -> &[FacetValue] {
        self.by_facet
            .get(facet.index())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// How many values of `facet` the set has, at least those [`Self::get`] lists.
    pub fn total(&self, facet: Facet) -> usize {
        self.totals.get(facet.index()).copied().unwrap_or(0)
    }
}

/// Per-value tallies during one search: sized by values, not documents.
pub(crate) struct Counter {
    counts: [Vec<u32>; 6],
    /// The facets given whole counts (those of the whole corpus).
    whole: [bool; 6],
}

impl Counter {
    pub fn new(facets: &[FacetIndex; 6]) -> Counter {
        Counter {
            counts: std::array::from_fn(|i| vec![0; facets[i].known().values.len()]),
            whole: [false; 6],
        }
    }

    pub fn add(&mut self, facet: usize, values: impl IntoIterator<Item = u32>) {
        if let Some(counts) = self.counts.get_mut(facet) {
            for v in values {
                if let Some(c) = counts.get_mut(v as usize) {
                    *c += 1;
                }
            }
        }
    }

    /// A facet's counts, given whole (those of the whole corpus).
    pub fn set(&mut self, facet: usize, counts: &[u32]) {
        if let Some(slot) = self.counts.get_mut(facet) {
            slot.clear();
            slot.extend_from_slice(counts);
        }
        if let Some(whole) = self.whole.get_mut(facet) {
            *whole = true;
        }
    }

    /// Turns tallies into the sorted lists; `selected[f]` are the keys the filter chose.
    pub fn finish(self, facets: &[FacetIndex; 6], selected: &[Vec<String>; 6]) -> FacetCounts {
        let mut by_facet: [Vec<FacetValue>; 6] = Default::default();
        let mut totals = [0; 6];
        for (f, counts) in self.counts.into_iter().enumerate() {
            let (listed, counted) = facet_values(&facets[f], &counts, &selected[f]);
            by_facet[f] = listed;
            let whole = if self.whole[f] { facets[f].len() } else { 0 };
            totals[f] = counted.max(by_facet[f].len()).max(whole);
        }
        FacetCounts { by_facet, totals }
    }
}

/// The values to list (the first [`LISTED_VALUES`] in order, and the
/// selected ones), and how many the set has.
fn facet_values(
    index: &FacetIndex,
    counts: &[u32],
    selected: &[String],
) -> (Vec<FacetValue>, usize) {
    let is_selected = |v: u32| {
        let key = index.key(v);
        selected.iter().any(|s| s == key)
    };
    let selected_ids: Vec<u32> = selected.iter().filter_map(|k| index.find(k)).collect();
    // Count descending, then label order, as one integer per value: the
    // label rank gives the value back.
    let mut order: Vec<u64> = (0u32..)
        .zip(counts)
        .filter(|&(v, &count)| count > 0 || selected_ids.contains(&v))
        .filter_map(|(v, &count)| {
            let rank = *index.known().label_rank.get(v as usize)?;
            Some(u64::from(!count) << 32 | u64::from(rank))
        })
        .collect();
    order.sort_unstable();
    let counted = order.len();
    let mut out: Vec<FacetValue> = (0u32..)
        .zip(order)
        .filter_map(|(at, key)| {
            let v = *index
                .known()
                .by_label
                .get((key & u64::from(u32::MAX)) as usize)?;
            let count = !((key >> 32) as u32);
            if at as usize >= LISTED_VALUES && !selected_ids.contains(&v) {
                return None;
            }
            let info = index.info(v)?;
            Some(FacetValue {
                key: info.key,
                label: info.label,
                detail: info.detail,
                count,
                selected: is_selected(v),
            })
        })
        .collect();
    // A selected key the corpus does not know (an old link) stays visible so it can be cleared.
    for key in selected.iter().filter(|k| index.find(k).is_none()) {
        out.push(FacetValue {
            key: key.as_str().into(),
            label: key.as_str().into(),
            detail: None,
            count: 0,
            selected: true,
        });
    }
    (out, counted)
}

impl FacetIndex {
    /// The head (`index.bin`): how many values there are, then the head's
    /// key, label, detail, and how many releases have each.
    pub(crate) fn write_values(&self, w: &mut crate::codec::Writer) {
        w.len(self.n_values);
        write_values(w, &self.head.values, 0.., &self.head.df);
    }

    /// The rest of the facet (`f/<facet>.bin`): the values past the head as
    /// `write_values` writes them, then the relation: each document's values
    /// as deltas (the value → documents direction is rebuilt on reading:
    /// cheap, and half the bytes). Nothing when the relation is not here.
    pub(crate) fn write_relation(&self, w: &mut crate::codec::Writer) {
        let (Some(relation), Some(all)) = (self.relation.get(), self.all.get()) else {
            return;
        };
        let n_head = self.head.values.len();
        let rest = |v: &[u32]| v.get(n_head..).unwrap_or_default().to_vec();
        write_values(w, &all.values, n_head.., &rest(&all.df));
        let n_docs = relation.doc_starts.len().saturating_sub(1);
        let starts: Vec<u32> = (0..=n_docs)
            .filter_map(|d| relation.doc_starts.get(d))
            .collect();
        w.starts(&starts);
        for doc in 0..n_docs {
            let mut last = 0;
            for v in self.values_of(doc as u32) {
                w.varint(v - last);
                last = v;
            }
        }
    }

    /// Reads what `write_values` wrote.
    pub(crate) fn read_values(
        r: &mut crate::codec::Reader<'_>,
    ) -> Result<FacetIndex, crate::codec::DecodeError> {
        let n_values = r.varint()? as usize;
        let (values, df) = read_values(r, None)?;
        if values.len() > n_values.min(HEAD_VALUES) {
            return Err(r.error("at most 256 facet values, and no more than the facet has"));
        }
        let head = Values::new(values, df);
        let all = OnceLock::new();
        if head.values.len() == n_values {
            let _ = all.set(head.clone());
        }
        Ok(FacetIndex {
            n_values,
            head,
            all,
            relation: OnceLock::new(),
        })
    }

    /// Reads the relation of a facet whose values are here; it must give
    /// each value as many releases as `index.bin` says (files from one
    /// build). A relation already here is kept.
    pub(crate) fn read_relation(
        &self,
        r: &mut crate::codec::Reader<'_>,
        n_docs: usize,
    ) -> Result<(), crate::codec::DecodeError> {
        // The head's values, then the file's, read into one buffer: read
        // apart and then joined, the people's 9 MB of names at a million
        // releases were held twice.
        let (values, df) = read_values(r, Some(&self.head))?;
        if values.len() != self.n_values {
            return Err(r.error("as many facet values as index.bin says (files from one build)"));
        }
        // Every value: here already when the head has them all.
        let joined = match self.all.get() {
            Some(_) => None,
            None => Some(Values::new(values, df)),
        };
        let Some(all) = joined.as_ref().or_else(|| self.all.get()) else {
            return Err(r.error("the facet's values"));
        };
        let n_values = self.n_values;
        let doc_starts = read_starts(r)?;
        if doc_starts.len() != n_docs + 1 {
            return Err(r.error("facet values for every document"));
        }
        let total = doc_starts.get(n_docs).unwrap_or(0) as usize;
        if total > r.remaining() {
            return Err(r.error("as many facet values as the file holds"));
        }
        // In the width the values need from the start: a list of four-byte
        // numbers narrowed afterwards was the largest part of the file's
        // decoding peak (14 MB for the countries of a million releases).
        let mut doc_values = Ids::with_capacity(n_values, total);
        let mut per_value = vec![0u32; n_values];
        for doc in 0..n_docs {
            let mut last = 0u32;
            let (from, to) = (doc_starts.get(doc), doc_starts.get(doc + 1));
            for _ in from.unwrap_or(0)..to.unwrap_or(0) {
                last = last.saturating_add(r.varint()?);
                let Some(count) = per_value.get_mut(last as usize) else {
                    return Err(r.error("a facet value that exists"));
                };
                *count += 1;
                doc_values.push(last);
            }
        }
        if per_value != all.df {
            return Err(
                r.error("as many releases per value as index.bin says (files from one build)")
            );
        }
        if let Some(joined) = joined {
            let _ = self.all.set(joined);
        }
        let _ = self
            .relation
            .set(Relation::new(n_values, doc_starts, doc_values));
        Ok(())
    }
}

/// Values as `index.bin` and the facets' files keep them: how many, each
/// one's key, label and detail (keys in order), then how many releases
/// have each.
fn write_values(
    w: &mut crate::codec::Writer,
    values: &Texts,
    from: std::ops::RangeFrom<usize>,
    df: &[u32],
) {
    let range = from.start.min(values.len())..values.len();
    w.len(range.len());
    for v in range {
        w.str(values.key(v));
        w.str(values.label(v));
        w.opt_str(values.detail(v));
    }
    w.u32s(df.iter().copied());
}

/// Reads what [`write_values`] wrote.
/// `after`: values already known, which the ones read follow (numbered on
/// from them, each part in key order).
fn read_values(
    r: &mut crate::codec::Reader<'_>,
    after: Option<&Values>,
) -> Result<(Texts, Vec<u32>), crate::codec::DecodeError> {
    let n_values = r.count(3)?;
    // Sized by a first pass over the lengths: grown by doubling, the
    // people's 8 MB of text at a million releases took 16 at the peak.
    let mut sizing = r.clone();
    let mut bytes = 0;
    for _ in 0..n_values {
        bytes += sizing.str()?.len() + sizing.str()?.len();
        bytes += sizing.opt_str()?.map_or(0, str::len);
    }
    let (base, base_df) = after.map_or((None, &[][..]), |a| (Some(&a.values), &a.df[..]));
    let n_base = base.map_or(0, Texts::len);
    let base_bytes = base.map_or(0, |b| b.bytes.len());
    let mut values = Texts::with_capacity(n_base + n_values, base_bytes + bytes);
    if let Some(base) = base {
        values.extend(base);
    }
    for v in n_base..n_base + n_values {
        let (key, label, detail) = (r.str()?, r.str()?, r.opt_str()?);
        if v > n_base && values.key(v - 1) >= key {
            return Err(r.error("facet values in key order"));
        }
        values.push(key, label, detail);
    }
    let mut df = Vec::with_capacity(n_base + n_values);
    df.extend_from_slice(base_df);
    df.extend(r.u32s()?);
    if df.len() != n_base + n_values {
        return Err(r.error("a count of releases for every facet value"));
    }
    Ok((values, df))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relation_gives_each_document_its_values_and_each_value_its_documents() {
        // Few values (two bits each) and more than 65,536 (17 bits, some
        // across two words).
        for n_values in [3u32, 70_000] {
            let last = n_values - 1;
            let docs: Vec<(u32, Vec<u32>)> = vec![
                (0, vec![0, 2]),
                (2, vec![2]),
                (300, vec![1, last]),
                (200_000, vec![0, last]),
            ];
            let n_docs = 200_001;
            let mut doc_starts = vec![0u32];
            let mut doc_values = Vec::new();
            for d in 0..n_docs {
                if let Some((_, values)) = docs.iter().find(|(at, _)| *at == d) {
                    doc_values.extend(values);
                }
                doc_starts.push(doc_values.len() as u32);
            }
            let doc_values = Ids::of(n_values as usize, doc_values);
            let relation = Relation::new(n_values as usize, Starts::new(&doc_starts), doc_values);
            assert_eq!(
                relation.doc_values.width(),
                if n_values == 3 { 8 } else { 17 }
            );
            for d in [0, 1, 2, 300, 200_000, n_docs] {
                let want = docs
                    .iter()
                    .find(|(at, _)| *at == d)
                    .map_or(vec![], |x| x.1.clone());
                assert_eq!(relation.values_of(d).collect::<Vec<_>>(), want, "doc {d}");
            }
            for v in [0, 1, 2, last, n_values] {
                let want: Vec<u32> = docs
                    .iter()
                    .filter(|(_, values)| values.contains(&v))
                    .map(|x| x.0)
                    .collect();
                assert_eq!(relation.docs(v).collect::<Vec<_>>(), want, "value {v}");
            }
        }
    }

    #[test]
    fn packed_value_numbers_read_back_at_every_width() {
        for n_values in [
            0usize,
            1,
            2,
            3,
            255,
            256,
            257,
            70_000,
            1 << 31,
            u32::MAX as usize + 1,
        ] {
            let max = n_values.saturating_sub(1) as u64;
            // Numbers spread over the range, both ends included.
            let numbers: Vec<u32> = (0..300u64)
                .map(|i| (i * 2_654_435_761 % (max + 1)) as u32)
                .chain([0, max as u32])
                .collect();
            let ids = Ids::of(n_values, numbers.clone());
            let bits = (64 - max.leading_zeros()).max(1);
            let width = match bits {
                0..=8 => 8,
                9..=16 => 16,
                _ => bits,
            };
            assert_eq!(ids.width(), width, "{n_values} values");
            if let Ids::Bits { words, .. } = &ids {
                assert_eq!(words.len(), (numbers.len() * bits as usize).div_ceil(64));
            }
            let back: Vec<u32> = (0..numbers.len()).filter_map(|i| ids.get(i)).collect();
            assert_eq!(back, numbers, "{n_values} values");
            assert_eq!(ids.get(numbers.len()), None);
        }
    }

    #[test]
    fn a_selection_read_from_each_documents_values_is_the_one_read_by_value() {
        // Document d has values d % 5 and d % 7 + 5.
        let n_docs = 500u32;
        let mut doc_starts = vec![0u32];
        let mut doc_values = Vec::new();
        for d in 0..n_docs {
            doc_values.extend([d % 5, d % 7 + 5]);
            doc_starts.push(doc_values.len() as u32);
        }
        let relation = Relation::new(12, Starts::new(&doc_starts), Ids::of(12, doc_values));
        let members = |set: &DocSet| (0..n_docs).filter(|&d| set.contains(d)).collect::<Vec<_>>();
        let selections: [&[u32]; 4] = [&[0], &[1, 6], &[1, 6], &[11]];
        // Read from each document's values (the last kept), then by value.
        let scanned: Vec<Vec<u32>> = selections
            .iter()
            .map(|values| members(&relation.selection(values, n_docs as usize)))
            .collect();
        assert!(relation.by_value.get().is_none());
        relation.docs(0).for_each(drop);
        for (values, scanned) in selections.iter().zip(&scanned) {
            let want: Vec<u32> = (0..n_docs)
                .filter(|d| values.contains(&(d % 5)) || values.contains(&(d % 7 + 5)))
                .collect();
            assert_eq!(*scanned, want, "{values:?}");
            assert_eq!(members(&relation.selection(values, n_docs as usize)), want);
        }
    }

    #[test]
    fn counts_list_the_most_frequent_values_and_the_selected_ones_and_count_them_all() {
        // 300 people: person k in k + 1 releases (k < 10), the others in one.
        let mut builder = FacetBuilder::default();
        let entry = |k: usize| Entry {
            key: format!("p{k:03}"),
            label: format!("Person {k:03}"),
            detail: None,
        };
        for k in 0..300 {
            for _ in 0..=k * usize::from(k < 10) {
                builder.add_doc(&[entry(k)]);
            }
        }
        let people = builder.finish();
        let facets: [FacetIndex; 6] = std::array::from_fn(|f| match f == Facet::Person.index() {
            true => FacetIndex::from_parts(
                people.known().values.clone(),
                people.known().df.clone(),
                None,
            ),
            false => FacetIndex::empty(),
        });
        let n_docs = 300 + (0..10).sum::<usize>();
        for (selected, listed) in [
            (vec![], LISTED_VALUES),
            (vec!["p299".to_string()], LISTED_VALUES + 1),
            (vec!["p009".to_string()], LISTED_VALUES),
        ] {
            let mut counter = Counter::new(&facets);
            for d in 0..n_docs as u32 {
                counter.add(Facet::Person.index(), people.values_of(d));
            }
            let mut chosen: [Vec<String>; 6] = Default::default();
            chosen[Facet::Person.index()] = selected.clone();
            let counts = counter.finish(&facets, &chosen);
            let list = counts.get(Facet::Person);
            assert_eq!(list.len(), listed, "{selected:?}");
            assert_eq!(counts.total(Facet::Person), 300);
            assert_eq!(&*list[0].key, "p009");
            assert_eq!(list[0].count, 10);
            // The selected value is listed, wherever its count puts it.
            for key in &selected {
                assert!(list.iter().any(|v| *v.key == **key && v.selected), "{key}");
            }
        }
    }

    #[test]
    fn starts_in_blocks_give_every_offset_in_the_bits_the_widest_block_needs() {
        // Documents with 0 to 6 values, then one with 70,000 (its block
        // needs 17 bits).
        let mut small = vec![0u32];
        for d in 0..1_000u32 {
            small.push(small.last().copied().unwrap_or(0) + d % 7);
        }
        let mut large = small.clone();
        large.push(large.last().copied().unwrap_or(0) + 70_000);
        large.push(large.last().copied().unwrap_or(0) + 1);
        for (starts, bits) in [(small, 8), (large, 17)] {
            let mut w = crate::codec::Writer::default();
            w.starts(&starts);
            let read = read_starts(&mut crate::codec::Reader::new(&w.buf, "f.bin")).unwrap();
            for kept in [Starts::new(&starts), read] {
                assert_eq!(kept.within.width(), bits);
                assert_eq!(kept.len(), starts.len());
                let got: Vec<Option<u32>> = (0..=starts.len()).map(|i| kept.get(i)).collect();
                let want: Vec<Option<u32>> =
                    (0..=starts.len()).map(|i| starts.get(i).copied()).collect();
                assert_eq!(got, want);
            }
        }
        // Offsets that do not start at 0, or overflow, are errors.
        for bad in [vec![1, 2], vec![0, u32::MAX, 1]] {
            let mut w = crate::codec::Writer::default();
            w.len(bad.len());
            bad.iter().for_each(|&gap| w.varint(gap));
            assert!(read_starts(&mut crate::codec::Reader::new(&w.buf, "f.bin")).is_err());
        }
    }

    #[test]
    fn label_order_is_the_order_of_label_then_key_whatever_the_first_eight_bytes() {
        let labels = [
            "Ministry of Health",
            "Ministry of Finance",
            "Ministry",
            "Ministr",
            "Ana",
            "Ana",
            "Åsa Berg",
            "Zoë",
            "Zoe",
            "",
            "Ministry of Health ",
        ];
        let values: Vec<ValueInfo> = (0..labels.len())
            .map(|i| ValueInfo {
                // Keys not in label order, so a tie is broken by the key.
                key: format!("k{}", labels.len() - i).into(),
                label: labels[i].into(),
                detail: None,
            })
            .collect();
        let mut texts = Texts::default();
        for v in &values {
            texts.push(&v.key, &v.label, v.detail.as_deref());
        }
        let (rank, by_label) = label_order(&texts);
        let mut want: Vec<u32> = (0..values.len() as u32).collect();
        want.sort_by(|&a, &b| {
            let (a, b) = (&values[a as usize], &values[b as usize]);
            (&a.label, &a.key).cmp(&(&b.label, &b.key))
        });
        assert_eq!(by_label, want);
        for (r, &v) in (0u32..).zip(&by_label) {
            assert_eq!(rank[v as usize], r);
        }
    }

    fn entry(key: &str, label: &str, detail: Option<&str>) -> Entry {
        Entry {
            key: key.to_string(),
            label: label.to_string(),
            detail: detail.map(str::to_string),
        }
    }

    fn built(docs: &[Vec<Entry>]) -> FacetIndex {
        let mut builder = FacetBuilder::default();
        docs.iter().for_each(|d| builder.add_doc(d));
        builder.finish()
    }

    /// `docs` added to a builder holding `index`.
    fn continued(index: &FacetIndex, docs: &[Vec<Entry>]) -> FacetIndex {
        let mut builder = FacetBuilder::from_index(index).expect("an index with its relation");
        docs.iter().for_each(|d| builder.add_doc(d));
        builder.finish()
    }

    /// `index.bin`'s part and the facet's file, as `write_values` and
    /// `write_relation` give them.
    fn files(index: &FacetIndex) -> (Vec<u8>, Vec<u8>) {
        let mut values = crate::codec::Writer::default();
        index.write_values(&mut values);
        let mut relation = crate::codec::Writer::default();
        index.write_relation(&mut relation);
        (values.buf, relation.buf)
    }

    /// `index` as the next build reads it: its values from `index.bin`,
    /// then its relation from its file (as `Index::from_bytes` and
    /// `Index::add_facet_body` read them).
    fn through_files(index: &FacetIndex, n_docs: usize) -> FacetIndex {
        let (values, relation) = files(index);
        let mut r = crate::codec::Reader::new(&values, "index.bin");
        let read = FacetIndex::read_values(&mut r).unwrap();
        r.done().unwrap();
        assert!(!read.has_relation());
        let mut r = crate::codec::Reader::new(&relation, "f.bin");
        read.read_relation(&mut r, n_docs).unwrap();
        r.done().unwrap();
        read
    }

    /// Everything `got` shows is what `want` shows: the counts, each
    /// value, each document's values, the head, and the files' bytes.
    fn assert_same(got: &FacetIndex, want: &FacetIndex, n_docs: u32, case: &str) {
        assert_eq!(got.len(), want.len(), "{case}: values");
        assert_eq!(got.known_count(), want.known_count(), "{case}: known");
        assert!(got.has_relation(), "{case}");
        assert_eq!(got.all_df(), want.all_df(), "{case}: all_df");
        assert_eq!(
            got.head.values.len(),
            want.head.values.len(),
            "{case}: head"
        );
        assert_eq!(got.head.df, want.head.df, "{case}: head's counts");
        for v in 0..=want.len() as u32 {
            assert_eq!(got.info(v), want.info(v), "{case}: value {v}");
            assert_eq!(got.key(v), want.key(v), "{case}: value {v}");
            assert_eq!(got.df(v), want.df(v), "{case}: value {v}");
            assert_eq!(
                got.head.values.info(v as usize),
                want.head.values.info(v as usize),
                "{case}: head's value {v}"
            );
            assert_eq!(got.find(want.key(v)), want.find(want.key(v)), "{case}");
        }
        for d in 0..=n_docs {
            assert!(
                got.values_of(d).eq(want.values_of(d)),
                "{case}: document {d}"
            );
        }
        assert!(files(got) == files(want), "{case}: the files' bytes");
        // Value → documents, rebuilt from the documents' values.
        for v in 0..=want.len() as u32 {
            assert!(
                got.docs(v).eq(want.docs(v)),
                "{case}: value {v}'s documents"
            );
        }
    }

    /// Built from the first `n` documents, then continued with the rest,
    /// as built at once; and so from the first build's files.
    fn assert_continues(docs: &[Vec<Entry>], splits: impl IntoIterator<Item = usize>) {
        let whole = built(docs);
        let n_docs = docs.len() as u32;
        for n in splits {
            let first = built(&docs[..n]);
            let case = format!("{n} of {} documents first", docs.len());
            assert_same(&continued(&first, &docs[n..]), &whole, n_docs, &case);
            let read = through_files(&first, n);
            let case = format!("{case}, read from its files");
            assert_same(&continued(&read, &docs[n..]), &whole, n_docs, &case);
        }
    }

    #[test]
    fn a_builder_from_an_index_continues_it_as_if_every_document_were_added_at_once() {
        let docs = vec![
            // Duplicates within a document; an empty key; no detail yet
            // for "a", an empty one for "b".
            vec![
                entry("b", "Bee", Some("")),
                entry("a", "Ay", None),
                entry("", "Nobody", Some("none")),
                entry("a", "Ay again", None),
            ],
            vec![],
            vec![entry("", "Nobody", None)],
            vec![
                entry("c", "Sea", None),
                entry("b", "Bee too", Some("Bee's detail")),
                entry("b", "Bee", None),
            ],
            // "a" has a detail from here (the first wins), and a new label
            // that does not.
            vec![
                entry("a", "Ay late", Some("Ay's detail")),
                entry("c", "Sea", None),
            ],
            vec![
                entry("a", "Ay", Some("a later detail")),
                entry("z", "Zed", None),
                entry("z", "Zed", Some("Zed's detail")),
            ],
            vec![entry("d", "", Some("Dee")), entry("c", "C", Some("Sea's"))],
            vec![],
        ];
        assert_continues(&docs, 0..=docs.len());
        let whole = built(&docs);
        let a = whole.find("a").unwrap();
        assert_eq!(&*whole.info(a).unwrap().label, "Ay");
        assert_eq!(
            whole.info(a).unwrap().detail.as_deref(),
            Some("Ay's detail")
        );
        let b = whole.find("b").unwrap();
        assert_eq!(whole.info(b).unwrap().detail.as_deref(), Some(""));
    }

    #[test]
    fn a_builder_from_an_index_gives_the_head_the_whole_corpus_gives() {
        // 300 people: release by release, k and k + 7 (mod 300), in two
        // releases for k below 256, in one past it (four releases each for
        // most below 256, fewer past it, so the head is those); then 60
        // releases naming all those past 256, and 10 new people in six
        // each, so that the head changes.
        let person = |k: usize, d: usize| {
            let detail = (d % 3 == 2).then(|| format!("Role {k} in {d}"));
            entry(
                &format!("p{k:03}"),
                &format!("Person {k} as of {d}"),
                detail.as_deref(),
            )
        };
        let mut docs: Vec<Vec<Entry>> = Vec::new();
        for k in 0..300 {
            for _ in 0..1 + usize::from(k < 256) {
                let d = docs.len();
                docs.push(vec![person(k, d), person((k + 7) % 300, d), person(k, d)]);
            }
        }
        let n = docs.len();
        for d in 0..60 {
            let d = n + d;
            let mut doc: Vec<Entry> = (256..300).map(|k| person(k, d)).collect();
            doc.push(person(300 + d % 10, d));
            doc.push(entry("", "", None));
            doc.push(person(256 + d % 44, d));
            docs.push(doc);
        }
        let (first, whole) = (built(&docs[..n]), built(&docs));
        let head = |index: &FacetIndex, key: &str| {
            index
                .find(key)
                .is_some_and(|v| (v as usize) < index.head.values.len())
        };
        assert!(whole.len() > HEAD_VALUES);
        assert!(head(&first, "p255") && !head(&whole, "p255"));
        assert!(!head(&first, "p256") && head(&whole, "p256"));
        assert!(head(&whole, "p300"));
        assert_continues(
            &docs,
            [0, 1, 100, 255, 256, n - 1, n, n + 1, n + 30, docs.len()],
        );
    }

    #[test]
    fn a_builder_from_an_index_continues_values_packed_in_bits() {
        // 70,000 values (17 bits each), in releases of 1,000.
        let docs: Vec<Vec<Entry>> = (0..75)
            .map(|d| {
                (0..1_000)
                    .map(|i| {
                        let k = (d * 1_000 + i) % 70_500;
                        entry(&format!("{k:05}"), "", None)
                    })
                    .collect()
            })
            .collect();
        let first = built(&docs[..70]);
        assert_eq!(first.relation.get().unwrap().doc_values.width(), 17);
        assert_continues(&docs, [70]);
    }

    #[test]
    fn no_builder_from_an_index_without_its_relation() {
        let docs = vec![vec![entry("a", "A", None)], vec![entry("b", "B", None)]];
        let index = built(&docs);
        let mut w = crate::codec::Writer::default();
        index.write_values(&mut w);
        let read =
            FacetIndex::read_values(&mut crate::codec::Reader::new(&w.buf, "index.bin")).unwrap();
        // Every value is in the head, but not which documents have them.
        assert_eq!(read.known_count(), 2);
        assert!(FacetBuilder::from_index(&read).is_none());
        let values =
            FacetIndex::from_parts(index.known().values.clone(), index.known().df.clone(), None);
        assert!(FacetBuilder::from_index(&values).is_none());
        assert!(FacetBuilder::from_index(&index).is_some());
    }
}
