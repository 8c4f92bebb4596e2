//! The term dictionary in pieces (`d/<k>.bin`): the sorted terms, cut into
//! runs of about [`DICTIONARY_PIECE_BYTES`], each with where its terms'
//! postings and positions start. `index.bin` keeps only each piece's first
//! term and how many terms come before it, so start-up does not grow with
//! the vocabulary (a million releases: 39,029 terms, 134 kB brotli), and a
//! word reads the piece its first letters fall in, as Pagefind's index
//! chunks do. Term ids stay global: term `t` is the `t`-th in sorted order.

use std::ops::Range;
use std::sync::OnceLock;

use crate::codec::{DecodeError, Reader, Writer};

/// Raw bytes of terms per piece (terms and their offsets, about 5 kB
/// gzip): a word reads one piece; a million generated releases make about
/// 40 pieces, and a typo's one-edit variants (any first letter) read at
/// most all of them, what start-up read before.
pub const DICTIONARY_PIECE_BYTES: usize = 16 << 10;

/// The most pieces a reader accepts: a damaged `index.bin` cannot make it
/// allocate a slot for each of billions.
const MAX_DICTIONARY_PIECES: usize = 1 << 16;

/// The terms of one piece, and where each one's parts start: `n + 1`
/// offsets each, so the piece's last term has its ends too.
pub(crate) struct Entries {
    text: String,
    /// Term `i` is `text[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    /// Postings before term `i`, over the whole index: its document
    /// frequency is the difference.
    docs: Vec<u32>,
    /// Where term `i`'s postings start in the postings stream.
    postings: Vec<u32>,
    /// Where term `i`'s positions start in the positions stream.
    positions: Vec<u32>,
    /// The same three columns for the documents appended after the build
    /// that wrote the streams above (`ta/<k>.bin`, `pa/<k>.bin`), when the
    /// index has them ([`Added`]).
    added: Option<Added>,
}

/// A term's part in the documents appended to an index: postings before it
/// there, and where its postings and positions start in the appended
/// streams (`n + 1` offsets each, as the first part's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Added {
    pub docs: Vec<u32>,
    pub postings: Vec<u32>,
    pub positions: Vec<u32>,
}

/// Term `i`'s range in one of the offset columns (empty when they are out
/// of order: a damaged piece gives no bytes, not a panic).
fn span(offsets: &[u32], i: usize) -> Range<u32> {
    match (offsets.get(i), offsets.get(i + 1)) {
        (Some(&a), Some(&b)) if a <= b => a..b,
        _ => 0..0,
    }
}

impl Entries {
    fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn term(&self, i: usize) -> &str {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.text.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }

    fn write(&self, w: &mut Writer) {
        w.str(&self.text);
        w.starts(&self.starts);
        let added = self.added.as_ref();
        w.varint(u32::from(added.is_some()));
        let columns = [&self.docs, &self.postings, &self.positions];
        let added = added.map(|a| [&a.docs, &a.postings, &a.positions]);
        for offsets in columns.into_iter().chain(added.into_iter().flatten()) {
            let base = offsets.first().copied().unwrap_or(0);
            w.varint(base);
            let relative: Vec<u32> = offsets.iter().map(|&o| o - base).collect();
            w.starts(&relative);
        }
    }

    fn read(r: &mut Reader<'_>) -> Result<Entries, DecodeError> {
        let text = r.str()?.to_string();
        let starts = r.starts(text.len())?;
        if starts.iter().any(|&s| !text.is_char_boundary(s as usize)) {
            return Err(r.error("terms that start on character boundaries"));
        }
        let n_columns = match r.varint()? {
            0 => 3,
            1 => 6,
            _ => return Err(r.error("0 or 1: whether appended documents' offsets follow")),
        };
        let mut columns = Vec::with_capacity(n_columns);
        for _ in 0..n_columns {
            let base = r.varint()?;
            let relative = r.starts_any()?;
            if relative.len() != starts.len() {
                return Err(r.error("one offset per term, and the end"));
            }
            let absolute: Option<Vec<u32>> =
                relative.iter().map(|&o| base.checked_add(o)).collect();
            columns.push(absolute.ok_or_else(|| r.error("offsets below 2^32"))?);
        }
        let mut columns = columns.into_iter();
        let mut next = || columns.next().unwrap_or_default();
        let (docs, postings, positions) = (next(), next(), next());
        let added = (n_columns == 6).then(|| Added {
            docs: next(),
            postings: next(),
            positions: next(),
        });
        let entries = Entries {
            text,
            starts,
            docs,
            postings,
            positions,
            added,
        };
        // The lookups' binary searches rely on the order.
        if (1..entries.len()).any(|i| entries.term(i - 1) >= entries.term(i)) {
            return Err(r.error("terms in strictly increasing order"));
        }
        Ok(entries)
    }
}

/// The whole dictionary, as its pieces arrive.
pub(crate) struct Dictionary {
    /// Each piece's first term, concatenated: piece `k`'s is
    /// `firsts[first_starts[k]..first_starts[k + 1]]`.
    firsts: String,
    first_starts: Vec<u32>,
    /// Terms before piece `k`; the last is how many terms there are.
    term_starts: Vec<u32>,
    /// Each piece's Adler-32, of its terms as its file writes them: a
    /// piece of another build is refused, not misread.
    sums: Vec<u32>,
    pieces: Vec<OnceLock<Entries>>,
}

/// The dictionary's columns, whole, as the builder makes them: `n + 1`
/// offsets each (see [`Entries`]).
pub(crate) struct Columns {
    pub text: String,
    pub starts: Vec<u32>,
    pub docs: Vec<u32>,
    pub postings: Vec<u32>,
    pub positions: Vec<u32>,
    pub added: Option<Added>,
}

impl Columns {
    /// No term yet: each list of offsets holds its start.
    pub(crate) fn new() -> Columns {
        Columns {
            text: String::new(),
            starts: vec![0],
            docs: vec![0],
            postings: vec![0],
            positions: vec![0],
            added: None,
        }
    }

    /// No term yet, with room for appended documents' offsets.
    pub(crate) fn with_added() -> Columns {
        Columns {
            added: Some(Added {
                docs: vec![0],
                postings: vec![0],
                positions: vec![0],
            }),
            ..Columns::new()
        }
    }

    /// Adds a term (after the last, in sorted order): its postings and
    /// their bytes in the streams, then the same in the appended documents'
    /// (ignored without room for them).
    pub(crate) fn push(&mut self, term: &str, part: [u32; 3], added: [u32; 3]) {
        self.text.push_str(term);
        self.starts.push(self.text.len() as u32);
        let grow = |column: &mut Vec<u32>, by: u32| {
            let last = column.last().copied().unwrap_or(0);
            column.push(last.saturating_add(by));
        };
        grow(&mut self.docs, part[0]);
        grow(&mut self.postings, part[1]);
        grow(&mut self.positions, part[2]);
        if let Some(a) = &mut self.added {
            grow(&mut a.docs, added[0]);
            grow(&mut a.postings, added[1]);
            grow(&mut a.positions, added[2]);
        }
    }
}

impl Dictionary {
    /// `columns` cut into pieces of about `piece_bytes`, all here.
    pub(crate) fn cut(columns: Columns, piece_bytes: usize) -> Dictionary {
        let n = columns.starts.len().saturating_sub(1);
        let mut bounds = vec![0usize];
        let mut bytes = 0;
        for t in 0..n {
            // A term's text and about four bytes of offsets.
            bytes += (columns.starts[t + 1] - columns.starts[t]) as usize + 4;
            if bytes >= piece_bytes.max(1) && t + 1 < n {
                bounds.push(t + 1);
                bytes = 0;
            }
        }
        bounds.push(n);
        if n == 0 {
            bounds = vec![0];
        }
        let mut dictionary = Dictionary {
            firsts: String::new(),
            first_starts: vec![0],
            term_starts: bounds.iter().map(|&b| b as u32).collect(),
            sums: Vec::new(),
            pieces: Vec::new(),
        };
        for run in bounds.windows(2) {
            let (a, b) = (run[0], run[1]);
            let (from, to) = (columns.starts[a] as usize, columns.starts[b] as usize);
            let entries = Entries {
                text: columns.text[from..to].to_string(),
                starts: columns.starts[a..=b]
                    .iter()
                    .map(|&s| s - from as u32)
                    .collect(),
                docs: columns.docs[a..=b].to_vec(),
                postings: columns.postings[a..=b].to_vec(),
                positions: columns.positions[a..=b].to_vec(),
                added: columns.added.as_ref().map(|c| Added {
                    docs: c.docs[a..=b].to_vec(),
                    postings: c.postings[a..=b].to_vec(),
                    positions: c.positions[a..=b].to_vec(),
                }),
            };
            dictionary.firsts.push_str(entries.term(0));
            dictionary.first_starts.push(dictionary.firsts.len() as u32);
            let mut w = Writer::default();
            entries.write(&mut w);
            dictionary.sums.push(adler2::adler32_slice(&w.buf));
            dictionary.pieces.push(OnceLock::from(entries));
        }
        dictionary
    }

    pub(crate) fn n_terms(&self) -> usize {
        self.term_starts.last().copied().unwrap_or(0) as usize
    }

    pub(crate) fn piece_count(&self) -> u32 {
        self.pieces.len() as u32
    }

    fn first(&self, k: usize) -> &str {
        match (self.first_starts.get(k), self.first_starts.get(k + 1)) {
            (Some(&a), Some(&b)) => self.firsts.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }

    fn entries(&self, k: usize) -> Option<&Entries> {
        self.pieces.get(k).and_then(OnceLock::get)
    }

    /// Term `t`'s piece and its place there.
    fn locate(&self, t: usize) -> Option<(&Entries, usize)> {
        if t >= self.n_terms() {
            return None;
        }
        let k = partition(self.pieces.len(), |k| self.term_starts[k + 1] as usize <= t);
        let entries = self.entries(k)?;
        Some((entries, t - self.term_starts[k] as usize))
    }

    /// Term `t` ("" while its piece is missing).
    pub(crate) fn term(&self, t: usize) -> &str {
        self.locate(t).map_or("", |(e, i)| e.term(i))
    }

    /// Term `t`'s documents before it, and its own: `docs[t]..docs[t + 1]`.
    pub(crate) fn docs(&self, t: usize) -> Range<u32> {
        self.locate(t)
            .map_or(0..0, |(e, i)| e.docs[i]..e.docs[i + 1])
    }

    /// Term `t`'s bytes in the postings and in the positions streams.
    pub(crate) fn spans(&self, t: usize) -> (Range<u32>, Range<u32>) {
        self.locate(t).map_or((0..0, 0..0), |(e, i)| {
            (span(&e.postings, i), span(&e.positions, i))
        })
    }

    /// Term `t`'s part in the appended documents: its postings there (a
    /// range whose length is its document frequency among them), and its
    /// bytes in their postings' and positions' streams. None when the index
    /// has no appended documents, or while the piece is missing.
    pub(crate) fn added(&self, t: usize) -> Option<[Range<u32>; 3]> {
        let (e, i) = self.locate(t)?;
        let a = e.added.as_ref()?;
        Some([
            span(&a.docs, i),
            span(&a.postings, i),
            span(&a.positions, i),
        ])
    }

    /// Term `t`'s postings and bytes of postings and of positions in the
    /// first build's streams: what [`Columns::push`] took for it.
    pub(crate) fn first_part(&self, t: usize) -> [u32; 3] {
        let len = |r: Range<u32>| r.end.saturating_sub(r.start);
        let (postings, positions) = self.spans(t);
        [len(self.docs(t)), len(postings), len(positions)]
    }

    /// The piece that `s` falls in: the last whose first term is not after it.
    fn piece_for(&self, s: &str) -> usize {
        partition(self.pieces.len(), |k| self.first(k) <= s).saturating_sub(1)
    }

    /// The pieces that looking `s` up reads: its own, and as a prefix also
    /// those after it whose first term starts with it.
    pub(crate) fn pieces_for(&self, s: &str, prefix: bool) -> Range<usize> {
        if self.pieces.is_empty() {
            return 0..0;
        }
        let from = self.piece_for(s);
        let to = match prefix {
            true => partition(self.pieces.len(), |k| {
                let first = self.first(k);
                first <= s || first.starts_with(s)
            }),
            false => from + 1,
        };
        from..to.max(from + 1)
    }

    /// The pieces of `pieces_for(s, prefix)` that are not here yet.
    pub(crate) fn missing_for(&self, s: &str, prefix: bool) -> impl Iterator<Item = u32> + '_ {
        self.pieces_for(s, prefix)
            .filter(|&k| self.entries(k).is_none())
            .map(|k| k as u32)
    }

    /// The first term not less than `s`; None while its piece is missing.
    fn lower_bound(&self, s: &str) -> Option<usize> {
        if self.pieces.is_empty() {
            return Some(0);
        }
        let k = self.piece_for(s);
        let entries = self.entries(k)?;
        let i = partition(entries.len(), |i| entries.term(i) < s);
        Some(self.term_starts[k] as usize + i)
    }

    /// Term `s`'s id; None when there is no such term, or its piece is missing.
    pub(crate) fn find(&self, s: &str) -> Option<usize> {
        let t = self.lower_bound(s)?;
        (t < self.n_terms() && self.term(t) == s).then_some(t)
    }

    /// Terms starting with `prefix`: contiguous in sorted order. Empty
    /// while a piece they may be in is missing.
    pub(crate) fn prefix_range(&self, prefix: &str) -> Range<usize> {
        if self.missing_for(prefix, true).next().is_some() {
            return 0..0;
        }
        let Some(start) = self.lower_bound(prefix) else {
            return 0..0;
        };
        let len = partition(self.n_terms() - start, |i| {
            self.term(start + i).starts_with(prefix)
        });
        start..start + len
    }

    /// Lets every piece go.
    pub(crate) fn forget(&mut self) {
        self.pieces.iter_mut().for_each(|p| *p = OnceLock::new());
    }

    pub(crate) fn complete(&self) -> bool {
        self.pieces.iter().all(|p| p.get().is_some())
    }

    /// Piece `k`'s file body (nothing when it is not here).
    pub(crate) fn write_piece(&self, k: u32, w: &mut Writer) {
        if let Some(entries) = self.entries(k as usize) {
            entries.write(w);
        }
    }

    /// Adds piece `k`, read from its file's body: the one whose checksum
    /// `index.bin` holds.
    pub(crate) fn read_piece(&self, k: u32, r: &mut Reader<'_>) -> Result<(), DecodeError> {
        let k = k as usize;
        let Some(slot) = self.pieces.get(k) else {
            return Err(r.error("a piece of this index (files from one build)"));
        };
        let start = r.at;
        let entries = Entries::read(r)?;
        let count = (self.term_starts[k + 1] - self.term_starts[k]) as usize;
        if adler2::adler32_slice(r.since(start)) != self.sums[k] || entries.len() != count {
            return Err(DecodeError {
                file: "d/N.bin's body (unpacked)",
                offset: start,
                expected: "the terms this index says the piece holds (files from one build)",
            });
        }
        let _ = slot.set(entries);
        Ok(())
    }

    /// The dictionary's part of `index.bin`: each piece's first term and
    /// how many terms come before it.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.str(&self.firsts);
        w.starts(&self.first_starts);
        w.starts(&self.term_starts);
        self.sums.iter().for_each(|&s| w.u32_le(s));
    }

    /// Reads what `write` wrote: no piece here yet.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Dictionary, DecodeError> {
        let firsts = r.str()?.to_string();
        let first_starts = r.starts(firsts.len())?;
        if first_starts
            .iter()
            .any(|&s| !firsts.is_char_boundary(s as usize))
        {
            return Err(r.error("terms that start on character boundaries"));
        }
        let term_starts = r.starts_any()?;
        let n_pieces = first_starts.len() - 1;
        if term_starts.len() != n_pieces + 1 {
            return Err(r.error("one first term per piece of the dictionary"));
        }
        if n_pieces > MAX_DICTIONARY_PIECES {
            return Err(r.error("a dictionary in at most 65,536 pieces"));
        }
        let sums = (0..n_pieces)
            .map(|_| r.u32_le("a checksum per piece of the dictionary"))
            .collect::<Result<_, DecodeError>>()?;
        let dictionary = Dictionary {
            firsts,
            first_starts,
            term_starts,
            sums,
            pieces: (0..n_pieces).map(|_| OnceLock::new()).collect(),
        };
        if (1..n_pieces).any(|k| dictionary.first(k - 1) >= dictionary.first(k)) {
            return Err(r.error("pieces in strictly increasing order of their first terms"));
        }
        Ok(dictionary)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A dictionary of `terms` (sorted here), in pieces of `piece_bytes`.
    fn dictionary(terms: &[&str], piece_bytes: usize) -> Dictionary {
        let mut terms = terms.to_vec();
        terms.sort_unstable();
        let mut columns = Columns::new();
        for (i, t) in terms.iter().enumerate() {
            columns.text.push_str(t);
            columns.starts.push(columns.text.len() as u32);
            columns.docs.push(i as u32 + 1);
            columns.postings.push(2 * (i as u32 + 1));
            columns.positions.push(3 * (i as u32 + 1));
        }
        Dictionary::cut(columns, piece_bytes)
    }

    /// `whole`'s `index.bin` part read back, no piece added.
    fn directory(whole: &Dictionary) -> Dictionary {
        let mut w = Writer::default();
        whole.write(&mut w);
        Dictionary::read(&mut Reader::new(&w.buf, "index.bin")).expect("reads")
    }

    fn add(to: &Dictionary, from: &Dictionary, k: u32) {
        let mut w = Writer::default();
        from.write_piece(k, &mut w);
        to.read_piece(k, &mut Reader::new(&w.buf, "d/N.bin"))
            .expect("a piece of this build");
    }

    const TERMS: [&str; 12] = [
        "a",
        "abc",
        "abd",
        "b",
        "smuggle",
        "smuggler",
        "smuggling",
        "trade",
        "traffic",
        "trafficker",
        "trafficking",
        "zebra",
    ];

    #[test]
    fn lookups_read_only_the_pieces_their_letters_fall_in() {
        let whole = dictionary(&TERMS, 10);
        assert!(whole.piece_count() >= 5, "{}", whole.piece_count());
        let cut = directory(&whole);
        assert_eq!(cut.n_terms(), TERMS.len());
        // Nothing here: nothing found, and the pieces to read are named.
        assert_eq!(cut.find("smuggling"), None);
        assert!(cut.prefix_range("traf").is_empty());
        let needs: Vec<u32> = cut.missing_for("smuggling", false).collect();
        assert_eq!(needs.len(), 1);
        add(&cut, &whole, needs[0]);
        assert_eq!(cut.find("smuggling"), whole.find("smuggling"));
        assert_eq!(cut.term(6), "smuggling");
        assert_eq!(cut.docs(6), 6..7);
        assert_eq!(cut.spans(6), (12..14, 18..21));
        // A prefix may run over several pieces: all of them, then the range.
        let needs: Vec<u32> = cut.missing_for("t", true).collect();
        assert!(!needs.is_empty());
        for k in needs {
            add(&cut, &whole, k);
        }
        assert_eq!(cut.prefix_range("t"), whole.prefix_range("t"));
        let names = |r: Range<usize>| r.map(|t| whole.term(t)).collect::<Vec<_>>();
        assert_eq!(
            names(whole.prefix_range("traf")),
            ["traffic", "trafficker", "trafficking"]
        );
        assert_eq!(
            names(whole.prefix_range("smuggl")),
            ["smuggle", "smuggler", "smuggling"]
        );
        // Before the first term, past the last, and between pieces.
        for s in ["", "0", "aa", "c", "zebra", "zz"] {
            let all: Vec<u32> = cut.missing_for(s, true).collect();
            for k in all {
                add(&cut, &whole, k);
            }
            assert_eq!(cut.find(s), whole.find(s), "{s}");
            assert_eq!(cut.prefix_range(s), whole.prefix_range(s), "{s}");
        }
        for (t, term) in TERMS.iter().enumerate() {
            assert_eq!(whole.find(term), Some(t));
        }
    }

    #[test]
    fn every_size_of_piece_finds_every_term() {
        for piece_bytes in [1, 5, 16, 1 << 20] {
            let whole = dictionary(&TERMS, piece_bytes);
            for (t, term) in TERMS.iter().enumerate() {
                assert_eq!(whole.find(term), Some(t), "{piece_bytes}");
                assert_eq!(whole.term(t), *term);
            }
            assert_eq!(whole.find("smugglers"), None);
        }
        let empty = dictionary(&[], 16);
        assert_eq!((empty.n_terms(), empty.piece_count()), (0, 0));
        assert_eq!(empty.find("a"), None);
        assert!(empty.prefix_range("a").is_empty());
        let read = directory(&empty);
        assert_eq!(read.find("a"), None);
        assert_eq!(read.missing_for("a", true).count(), 0);
    }

    #[test]
    fn a_piece_of_another_build_or_out_of_order_is_refused() {
        let whole = dictionary(&TERMS, 10);
        let other = dictionary(&["a", "abd", "abe", "b", "c"], 10);
        let cut = directory(&whole);
        // As many terms, and the same first: only the checksum tells.
        assert_eq!(other.term_starts[1], whole.term_starts[1]);
        assert_eq!(other.first(0), whole.first(0));
        let mut w = Writer::default();
        other.write_piece(0, &mut w);
        let e = cut
            .read_piece(0, &mut Reader::new(&w.buf, "d/N.bin"))
            .unwrap_err();
        assert!(e.expected.contains("one build"), "{e}");
        let e = cut
            .read_piece(999, &mut Reader::new(&w.buf, "d/N.bin"))
            .unwrap_err();
        assert!(e.expected.contains("one build"), "{e}");
        // Terms out of order.
        let unsorted = Entries {
            text: "ba".into(),
            starts: vec![0, 1, 2],
            docs: vec![0, 1, 2],
            postings: vec![0, 1, 2],
            positions: vec![0, 1, 2],
            added: None,
        };
        let mut w = Writer::default();
        unsorted.write(&mut w);
        let e = Entries::read(&mut Reader::new(&w.buf, "d/N.bin"))
            .err()
            .expect("refused");
        assert_eq!(e.expected, "terms in strictly increasing order");
    }
}
