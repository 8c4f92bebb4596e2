//! The full-text inverted index: a sorted term dictionary (so the word being
//! typed is a binary-search range of completions), postings in flat arrays
//! (doc id, weighted term frequency) and word positions for phrases, stored as
//! delta varints: about one byte per word of text.

use std::collections::HashMap;
use std::ops::Range;

use super::text::for_each_word;

/// BM25 parameters: the usual values.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Scored matches of one query part: (doc, score), sorted by doc.
pub(crate) type Scored = Vec<(u32, f32)>;

pub(crate) struct Inverted {
    /// All terms, concatenated in sorted order; term `t` is `text[starts[t]..starts[t + 1]]`.
    text: String,
    term_starts: Vec<u32>,
    post_starts: Vec<u32>,
    docs: Vec<u32>,
    /// Term frequency weighted by field (title words count more), saturating.
    tfs: Vec<u16>,
    pos_starts: Vec<u32>,
    /// Per posting: varint byte length, then varint position deltas.
    positions: Vec<u8>,
    doc_len: Vec<u32>,
    avg_len: f32,
}

#[derive(Default)]
struct TermPostings {
    docs: Vec<u32>,
    tfs: Vec<u16>,
    positions: Vec<u8>,
}

/// Collects documents field by field, then freezes into an `Inverted`.
#[derive(Default)]
pub(crate) struct Builder {
    ids: HashMap<String, u32>,
    terms: Vec<TermPostings>,
    doc_len: Vec<u32>,
    /// The current document's words: (term id, position, weight).
    words: Vec<(u32, u32, u16)>,
    next_pos: u32,
}

impl Builder {
    /// Adds a field of the current document. Fields are one position apart,
    /// so a phrase never runs from one into the next.
    pub fn field(&mut self, text: &str, weight: u16) {
        let Builder {
            ids,
            terms,
            words,
            next_pos,
            ..
        } = self;
        for_each_word(text, |word, _| {
            let id = match ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = terms.len() as u32;
                    ids.insert(word.to_string(), id);
                    terms.push(TermPostings::default());
                    id
                }
            };
            words.push((id, *next_pos, weight));
            *next_pos += 1;
        });
        self.next_pos += 1;
    }

    /// Closes the current document (ids are given in call order from 0).
    pub fn end_doc(&mut self) {
        let doc = self.doc_len.len() as u32;
        self.words.sort_unstable();
        let mut len = 0u32;
        for group in self.words.chunk_by(|a, b| a.0 == b.0) {
            let Some(term) = self.terms.get_mut(group[0].0 as usize) else {
                continue;
            };
            let tf: u32 = group.iter().map(|w| u32::from(w.2)).sum();
            len += tf;
            term.docs.push(doc);
            term.tfs.push(u16::try_from(tf).unwrap_or(u16::MAX));
            push_positions(&mut term.positions, group.iter().map(|w| w.1));
        }
        self.doc_len.push(len);
        self.words.clear();
        self.next_pos = 0;
    }

    pub fn finish(self) -> Inverted {
        let mut sorted: Vec<(String, u32)> = self.ids.into_iter().collect();
        sorted.sort_unstable();
        let mut terms: Vec<Option<TermPostings>> = self.terms.into_iter().map(Some).collect();
        let mut inv = Inverted {
            text: String::new(),
            term_starts: vec![0],
            post_starts: vec![0],
            docs: Vec::new(),
            tfs: Vec::new(),
            pos_starts: vec![0],
            positions: Vec::new(),
            avg_len: average(&self.doc_len),
            doc_len: self.doc_len,
        };
        for (name, id) in sorted {
            let Some(p) = terms.get_mut(id as usize).and_then(Option::take) else {
                continue;
            };
            inv.text.push_str(&name);
            inv.term_starts.push(inv.text.len() as u32);
            inv.docs.extend(p.docs);
            inv.tfs.extend(p.tfs);
            inv.post_starts.push(inv.docs.len() as u32);
            inv.positions.extend(p.positions);
            inv.pos_starts.push(inv.positions.len() as u32);
        }
        inv
    }
}

fn average(lengths: &[u32]) -> f32 {
    let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
    (total as f32 / lengths.len().max(1) as f32).max(1.0)
}

fn push_positions(out: &mut Vec<u8>, positions: impl Iterator<Item = u32>) {
    let mut block = Vec::new();
    let mut last = 0;
    for p in positions {
        push_varint(&mut block, p - last);
        last = p;
    }
    push_varint(out, block.len() as u32);
    out.extend(block);
}

fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads a varint at `*at`, moving past it; 0 at the end of the data.
fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut n = 0u32;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        n |= u32::from(b & 0x7F).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    n
}

impl Inverted {
    pub fn n_docs(&self) -> usize {
        self.doc_len.len()
    }

    pub fn n_terms(&self) -> usize {
        self.term_starts.len().saturating_sub(1)
    }

    pub fn term(&self, t: usize) -> &str {
        let (Some(&a), Some(&b)) = (self.term_starts.get(t), self.term_starts.get(t + 1)) else {
            return "";
        };
        self.text.get(a as usize..b as usize).unwrap_or("")
    }

    /// The first term not less than `s`.
    fn lower_bound(&self, s: &str) -> usize {
        partition(self.n_terms(), |t| self.term(t) < s)
    }

    pub fn find(&self, s: &str) -> Option<usize> {
        let t = self.lower_bound(s);
        (t < self.n_terms() && self.term(t) == s).then_some(t)
    }

    /// Terms starting with `prefix`: contiguous in the sorted dictionary.
    pub fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.lower_bound(prefix);
        let len = partition(self.n_terms() - start, |i| {
            self.term(start + i).starts_with(prefix)
        });
        start..start + len
    }

    /// Number of documents containing term `t`.
    pub fn df(&self, t: usize) -> usize {
        self.postings(t).0.len()
    }

    fn postings(&self, t: usize) -> (&[u32], &[u16]) {
        let docs = super::facets::slice(&self.docs, &self.post_starts, t);
        let tfs = super::facets::slice(&self.tfs, &self.post_starts, t);
        (docs, tfs)
    }

    fn idf(&self, t: usize) -> f32 {
        let n = self.n_docs() as f32;
        let df = self.df(t) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn bm25(&self, doc: u32, tf: u16, idf: f32) -> f32 {
        let len = self.doc_len.get(doc as usize).copied().unwrap_or(0) as f32;
        let tf = f32::from(tf);
        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.avg_len))
    }

    /// Every document with term `t`, scored and multiplied by `weight`.
    pub fn scored(&self, t: usize, weight: f32) -> Scored {
        let (docs, tfs) = self.postings(t);
        let idf = self.idf(t) * weight;
        docs.iter()
            .zip(tfs)
            .map(|(&d, &tf)| (d, self.bm25(d, tf, idf)))
            .collect()
    }

    /// Documents where `terms` occur as consecutive words, scored as the sum of the words.
    pub fn phrase(&self, terms: &[usize]) -> Scored {
        let mut cursors: Vec<Cursor> = terms.iter().map(|&t| self.cursor(t)).collect();
        let idfs: Vec<f32> = terms.iter().map(|&t| self.idf(t)).collect();
        let mut out = Vec::new();
        while let Some(target) = cursors.iter().map(Cursor::doc).max().flatten() {
            if cursors.iter_mut().any(|c| !c.seek(target)) {
                break;
            }
            if cursors.iter().all(|c| c.doc() == Some(target)) {
                if self.adjacent(&cursors) {
                    let score = cursors
                        .iter()
                        .zip(&idfs)
                        .map(|(c, &idf)| self.bm25(target, c.tf(), idf))
                        .sum();
                    out.push((target, score));
                }
                cursors.iter_mut().for_each(Cursor::next);
            }
        }
        out
    }

    fn cursor(&self, t: usize) -> Cursor<'_> {
        let (docs, tfs) = self.postings(t);
        Cursor {
            docs,
            tfs,
            positions: super::facets::slice(&self.positions, &self.pos_starts, t),
            i: 0,
            at: 0,
        }
    }

    /// Whether word `k` of the phrase sits at `p + k` for some position `p` of word 0.
    fn adjacent(&self, cursors: &[Cursor]) -> bool {
        let lists: Vec<Vec<u32>> = cursors.iter().map(Cursor::positions).collect();
        let Some((first, rest)) = lists.split_first() else {
            return false;
        };
        first.iter().any(|&p| {
            (1u32..)
                .zip(rest)
                .all(|(k, list)| list.binary_search(&(p + k)).is_ok())
        })
    }
}

/// Binary search: the number of leading indices in `0..n` for which `pred` holds.
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Walks one term's postings in doc order, keeping its place in the position data.
struct Cursor<'a> {
    docs: &'a [u32],
    tfs: &'a [u16],
    positions: &'a [u8],
    i: usize,
    /// Byte offset of posting `i`'s position block.
    at: usize,
}

impl Cursor<'_> {
    fn doc(&self) -> Option<u32> {
        self.docs.get(self.i).copied()
    }

    fn tf(&self) -> u16 {
        self.tfs.get(self.i).copied().unwrap_or(0)
    }

    fn next(&mut self) {
        let len = read_varint(self.positions, &mut self.at);
        self.at += len as usize;
        self.i += 1;
    }

    /// Moves to the first posting with doc ≥ `target`; false when none is left.
    fn seek(&mut self, target: u32) -> bool {
        while let Some(d) = self.doc() {
            if d >= target {
                return true;
            }
            self.next();
        }
        false
    }

    fn positions(&self) -> Vec<u32> {
        let mut at = self.at;
        let len = read_varint(self.positions, &mut at) as usize;
        let end = (at + len).min(self.positions.len());
        let mut out = Vec::new();
        let mut p = 0u32;
        while at < end {
            p = p.saturating_add(read_varint(self.positions, &mut at));
            out.push(p);
        }
        out
    }
}

impl Inverted {
    /// Postings as per-term doc deltas, so most take one byte on the wire.
    pub(crate) fn write(&self, w: &mut super::codec::Writer) {
        w.str(&self.text);
        w.starts(&self.term_starts);
        w.starts(&self.post_starts);
        w.len(self.docs.len());
        for t in 0..self.post_starts.len().saturating_sub(1) {
            let docs = super::facets::slice(&self.docs, &self.post_starts, t);
            let mut last = 0;
            for &d in docs {
                w.varint(d - last);
                last = d;
            }
        }
        w.u32s(self.tfs.iter().map(|&t| u32::from(t)));
        w.starts(&self.pos_starts);
        w.bytes(&self.positions);
        w.u32s(self.doc_len.iter().copied());
    }

    pub(crate) fn read(
        r: &mut super::codec::Reader<'_>,
    ) -> Result<Inverted, super::codec::DecodeError> {
        let text = r.str()?.to_string();
        let term_starts = r.starts(text.len())?;
        if term_starts
            .iter()
            .any(|&s| !text.is_char_boundary(s as usize))
        {
            return Err(r.error("terms that start on character boundaries"));
        }
        let n_terms = term_starts.len() - 1;
        let post_starts = r.starts_any()?;
        if post_starts.len() != n_terms + 1 {
            return Err(r.error("one posting list per term"));
        }
        let total = r.count(1)?;
        if post_starts.last().copied() != Some(total as u32) {
            return Err(r.error("as many postings as the posting lists hold"));
        }
        let mut docs = Vec::with_capacity(total);
        for t in 0..n_terms {
            let n = (post_starts[t + 1] - post_starts[t]) as usize;
            let mut last = 0u32;
            for _ in 0..n {
                last = last
                    .checked_add(r.varint()?)
                    .ok_or_else(|| r.error("document ids below 2^32"))?;
                docs.push(last);
            }
        }
        let tfs: Vec<u16> = r
            .u32s()?
            .into_iter()
            .map(|t| u16::try_from(t).unwrap_or(u16::MAX))
            .collect();
        if tfs.len() != total {
            return Err(r.error("one term frequency per posting"));
        }
        let pos_starts = r.starts_any()?;
        let positions = r.bytes()?.to_vec();
        if pos_starts.len() != n_terms + 1
            || pos_starts.last().copied() != Some(positions.len() as u32)
        {
            return Err(r.error("one position list per term"));
        }
        let doc_len = r.u32s()?;
        if docs.iter().any(|&d| d as usize >= doc_len.len()) {
            return Err(r.error("postings of documents in the index"));
        }
        Ok(Inverted {
            text,
            term_starts,
            post_starts,
            docs,
            tfs,
            pos_starts,
            positions,
            avg_len: average(&doc_len),
            doc_len,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[&[&str]]) -> Inverted {
        let mut b = Builder::default();
        for fields in docs {
            for f in *fields {
                b.field(f, 1);
            }
            b.end_doc();
        }
        b.finish()
    }

    #[test]
    fn dictionary_is_sorted_and_prefixes_are_ranges() {
        let inv = index(&[&["traffic trafficking trafficker trade"], &["zebra"]]);
        let terms: Vec<&str> = (0..inv.n_terms()).map(|t| inv.term(t)).collect();
        assert_eq!(
            terms,
            ["trade", "traffic", "trafficker", "trafficking", "zebra"]
        );
        let names = |r: Range<usize>| r.map(|t| inv.term(t).to_string()).collect::<Vec<_>>();
        assert_eq!(
            names(inv.prefix_range("traff")),
            ["traffic", "trafficker", "trafficking"]
        );
        assert_eq!(names(inv.prefix_range("z")), ["zebra"]);
        assert!(inv.prefix_range("zz").is_empty());
        assert!(inv.prefix_range("a").is_empty());
        assert_eq!(inv.find("trade"), Some(0));
        assert_eq!(inv.find("trad"), None);
    }

    #[test]
    fn phrases_need_adjacent_words_in_one_field() {
        let inv = index(&[
            &["organized crime is a crime"],
            &["crime organized"],
            &["organized", "crime"],
            &["the organized and crime"],
            &["x organized crime"],
        ]);
        let (Some(a), Some(b)) = (inv.find("organized"), inv.find("crime")) else {
            panic!("terms missing");
        };
        let docs: Vec<u32> = inv.phrase(&[a, b]).iter().map(|d| d.0).collect();
        assert_eq!(docs, [0, 4]);
    }

    #[test]
    fn varints_round_trip() {
        for n in [0, 1, 127, 128, 300, 1 << 20, u32::MAX] {
            let mut v = Vec::new();
            push_varint(&mut v, n);
            let mut at = 0;
            assert_eq!(read_varint(&v, &mut at), n);
            assert_eq!(at, v.len());
        }
        assert_eq!(read_varint(&[0xFF], &mut 0), 0x7F);
    }
}
