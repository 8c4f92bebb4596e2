//! The full-text inverted index: a sorted term dictionary (so the word being
//! typed is a binary-search range of completions), postings (doc id, weighted
//! term frequency) and word positions for phrases, all as delta varints and
//! kept that way in memory: the packed file's bytes are used as they are, so
//! loading the index is no more than checking its offsets.
//!
//! The postings and the positions are two byte streams, each cut into
//! pieces of equal size (the files `t/<k>.bin` and `p/<k>.bin`), added when
//! a query needs them: they are nearly all of the index (600 MB for a
//! million releases), and a query reads the postings of its few terms, and
//! a phrase the positions of its few words. The dictionary (the terms and
//! where each one's postings and positions start) comes in pieces too
//! (`d/<k>.bin`, see [`Dictionary`]): a word reads the piece its letters
//! fall in, then the postings that piece points to.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex};

use std::ops::Range;

use super::dictionary::{Columns, Dictionary, DICTIONARY_PIECE_BYTES};
use crate::codec::{push_varint, read_checked_varint, varint_bytes};
use crate::text::for_each_word;

/// BM25 parameters: the usual values.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Scored matches of one query part: (doc, score), sorted by doc.
pub(crate) type Scored = Vec<(u32, f32)>;

pub(crate) struct Inverted {
    /// The sorted terms, and where each one's postings and positions start.
    dictionary: Dictionary,
    /// Per posting: varint doc delta (first: the doc), one byte of impact
    /// (the document's BM25 term-frequency part, see [`impact`]).
    postings: Pieces,
    positions: Pieces,
    /// Documents in all, the appended ones included.
    n_docs: usize,
    /// The first build's mean document length (in weighted words), which
    /// every posting's impact takes, the appended documents' too.
    mean_len: f32,
    /// Documents appended after the build that wrote the streams above.
    added: Option<AddedStreams>,
}

/// Documents appended to an index after its build (`dateline add`):
/// numbered from `base` on, each term's postings and positions among them
/// in streams of their own (`ta/<k>.bin`, `pa/<k>.bin`), which the
/// dictionary points into beside the first build's. The first build's
/// pieces stay as they are: adding releases rewrites the dictionary and
/// writes the appended streams, never the large ones.
struct AddedStreams {
    base: u32,
    postings: Pieces,
    positions: Pieces,
}

/// The parts of the index that are cut into pieces: the dictionary, and
/// the two byte streams it points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stream {
    /// The sorted terms, by their first letters (`d/<k>.bin`): a word's
    /// piece comes before its postings.
    Dictionary,
    /// Per term: its documents and weighted frequencies (`t/<k>.bin`).
    Postings,
    /// Per posting: where the word stands (`p/<k>.bin`), for phrases.
    Positions,
    /// The postings of documents appended after the build (`ta/<k>.bin`).
    AddedPostings,
    /// Their positions (`pa/<k>.bin`).
    AddedPositions,
}

impl Stream {
    /// Every stream, in the order of their files.
    pub const ALL: [Stream; 5] = [
        Stream::Dictionary,
        Stream::Postings,
        Stream::Positions,
        Stream::AddedPostings,
        Stream::AddedPositions,
    ];

    /// The stream holding the appended documents' part of this one's.
    pub fn added(self) -> Option<Stream> {
        match self {
            Stream::Postings => Some(Stream::AddedPostings),
            Stream::Positions => Some(Stream::AddedPositions),
            _ => None,
        }
    }
}

/// One piece of a stream: a file of the data folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Piece {
    pub stream: Stream,
    pub k: u32,
}

impl Piece {
    /// Its file, relative to the data folder (`t/0.bin`, `p/3.bin`).
    pub fn file(self) -> String {
        let folder = match self.stream {
            Stream::Dictionary => "d",
            Stream::Postings => "t",
            Stream::Positions => "p",
            Stream::AddedPostings => "ta",
            Stream::AddedPositions => "pa",
        };
        format!("{folder}/{}.bin", self.k)
    }

    /// The piece a data folder's file holds, by its name (`t/0.bin`).
    pub fn from_file(name: &str) -> Option<Piece> {
        let (folder, file) = name.split_once('/')?;
        let stream = match folder {
            "d" => Stream::Dictionary,
            "t" => Stream::Postings,
            "p" => Stream::Positions,
            "ta" => Stream::AddedPostings,
            "pa" => Stream::AddedPositions,
            _ => return None,
        };
        let k = file.strip_suffix(".bin")?;
        if k.is_empty()
            || !k.bytes().all(|b| b.is_ascii_digit())
            || (k.len() > 1 && k.starts_with('0'))
        {
            return None;
        }
        Some(Piece {
            stream,
            k: k.parse().ok()?,
        })
    }
}

/// A byte range of a shared buffer (the packed file, or what a builder made).
#[derive(Clone)]
struct Bytes {
    data: Arc<Vec<u8>>,
    start: usize,
    end: usize,
}

impl Bytes {
    fn as_slice(&self) -> &[u8] {
        self.data.get(self.start..self.end).unwrap_or(&[])
    }
}

/// Bytes read from a stream: a share of one piece (which the stream may then
/// let go without pulling them from under a reader), or joined from several.
enum Held {
    Piece(Bytes),
    Joined(Vec<u8>),
}

impl Default for Held {
    fn default() -> Held {
        Held::Joined(Vec::new())
    }
}

impl std::ops::Deref for Held {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Held::Piece(bytes) => bytes.as_slice(),
            Held::Joined(bytes) => bytes,
        }
    }
}

/// How many bytes of postings and positions pieces the index keeps beyond
/// what the current query reads: past it, the pieces read longest ago are
/// let go ([`Inverted::trim_pieces`]), so that memory stays bounded however
/// many queries a session types (a piece let go is fetched again if needed,
/// from the browser's cache). 12 MiB, not 24: on the app benchmark's
/// replay at a million releases, 12.6 MB less held for 7 % more fetches
/// (826 files against 770; `memory_probe`).
pub const HELD_PIECE_BYTES: usize = 12 << 20;

/// Bytes of the postings stream per piece, but the last: a rare word reads
/// one piece (about 80 kB gzip), and a million releases make about 1,730
/// pieces (227 MB), well inside a static host's 20,000 files.
pub const POSTING_PIECE_BYTES: u32 = 128 << 10;
/// Bytes of the positions stream per piece, but the last: a phrase of rare
/// words reads a piece or two, and a million releases make about 110 pieces
/// (216 MB), each far under a static host's 25 MiB per file.
pub const POSITION_PIECE_BYTES: u32 = 2 << 20;
/// The largest piece a reader accepts (`index.bin` says the size): a
/// damaged or hostile file cannot make a piece's reader reserve more.
pub const MAX_PIECE_BYTES: u32 = 8 << 20;
/// The most pieces of one stream a reader accepts: a damaged or hostile
/// `index.bin` cannot make it allocate a slot for each of billions (4 GiB
/// in the smallest pieces that make sense).
const MAX_PIECES: u32 = 1 << 16;

/// One stream in pieces of `piece_bytes`: the app is usable before any
/// arrives; a query whose pieces are missing waits for them (postings) or
/// matches a phrase as all its words (positions).
struct Pieces {
    /// The stream's length.
    total: u32,
    piece_bytes: u32,
    /// Each piece's Adler-32, which `index.bin` holds: a piece of another
    /// build (a reader of the old `index.bin` after the data folder was
    /// written again, by a whole pack or an append) is refused, not read as
    /// this index's.
    sums: Vec<u32>,
    pieces: Vec<Mutex<Slot>>,
    /// The bytes of the pieces here.
    held: AtomicUsize,
}

/// Counts reads of pieces, to tell which piece was read longest ago.
static READS: AtomicU64 = AtomicU64::new(0);

/// A piece, when it is here, and when it was last read.
#[derive(Default)]
struct Slot {
    bytes: Option<Bytes>,
    read_at: u64,
}

impl Pieces {
    /// `total` bytes in pieces of `piece_bytes` whose checksums are
    /// `sums`, none loaded yet.
    fn missing(total: u32, piece_bytes: u32, sums: Vec<u32>) -> Pieces {
        let piece_bytes = piece_bytes.max(1);
        Pieces {
            total,
            piece_bytes,
            sums,
            pieces: (0..total.div_ceil(piece_bytes))
                .map(|_| Mutex::default())
                .collect(),
            held: AtomicUsize::new(0),
        }
    }

    /// Piece `k`'s slot (a poisoned lock only means a reader panicked: the
    /// slot itself is whole).
    fn slot(&self, k: u32) -> Option<std::sync::MutexGuard<'_, Slot>> {
        let slot = self.pieces.get(k as usize)?;
        Some(
            slot.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    fn has(&self, k: u32) -> bool {
        self.slot(k).is_some_and(|s| s.bytes.is_some())
    }

    /// Puts piece `k` in place, unless it is here already.
    fn set(&self, k: u32, bytes: Bytes) {
        if let Some(mut slot) = self.slot(k) {
            if slot.bytes.is_none() {
                self.held.fetch_add(bytes.end - bytes.start, Relaxed);
                slot.bytes = Some(bytes);
                slot.read_at = READS.fetch_add(1, Relaxed);
            }
        }
    }

    /// The pieces here, with when each was last read.
    fn here(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        (0..self.pieces.len() as u32).filter_map(|k| {
            self.slot(k)
                .and_then(|s| s.bytes.is_some().then_some((s.read_at, k)))
        })
    }

    /// Lets piece `k` go; readers holding a share of it keep their share.
    fn let_go(&self, k: u32) {
        if let Some(bytes) = self.slot(k).and_then(|mut s| s.bytes.take()) {
            self.held.fetch_sub(bytes.end - bytes.start, Relaxed);
        }
    }

    /// Piece `k`'s byte range in the stream.
    fn range(&self, k: u32) -> Range<usize> {
        let start = u64::from(k) * u64::from(self.piece_bytes);
        let end = (start + u64::from(self.piece_bytes)).min(u64::from(self.total));
        start.min(end) as usize..end as usize
    }

    /// The pieces holding the bytes `range` of the stream.
    fn covering(&self, range: Range<u32>) -> Range<u32> {
        match range.is_empty() {
            true => 0..0,
            false => range.start / self.piece_bytes..(range.end - 1) / self.piece_bytes + 1,
        }
    }

    /// What `index.bin` says of the stream: its length, size of pieces and
    /// their checksums ([`read_pieces`] reads it).
    fn write(&self, w: &mut crate::codec::Writer) {
        w.varint(self.total);
        w.varint(self.piece_bytes);
        self.sums.iter().for_each(|&s| w.u32_le(s));
    }

    /// Whether piece `k` is one of this stream's and is not here yet.
    fn lacks(&self, k: u32) -> bool {
        (k as usize) < self.pieces.len() && !self.has(k)
    }

    /// Piece `k`'s bytes (empty when it is not here).
    fn piece(&self, k: u32) -> Held {
        let bytes = self.slot(k).and_then(|s| s.bytes.clone());
        bytes.map_or_else(Held::default, Held::Piece)
    }

    fn forget(&mut self) {
        self.pieces.iter_mut().for_each(|p| *p = Mutex::default());
        self.held.store(0, Relaxed);
    }

    fn complete(&self) -> bool {
        (0..self.pieces.len() as u32).all(|k| self.has(k))
    }

    /// Adds piece `k`, read from its file (`r` over `file`).
    fn read(
        &self,
        k: u32,
        r: &mut crate::codec::Reader<'_>,
        file: &Arc<Vec<u8>>,
    ) -> Result<(), crate::codec::DecodeError> {
        if k as usize >= self.pieces.len() {
            return Err(r.error("a piece of this index (files from one build)"));
        }
        let start = r.at;
        let piece = shared(r, file)?;
        if piece.end - piece.start != self.range(k).len() {
            return Err(r.error("a piece as long as this index says (files from one build)"));
        }
        if self.sums.get(k as usize) != Some(&adler2::adler32_slice(&file[piece.start..piece.end]))
        {
            return Err(r.error_at(
                start,
                "the piece whose checksum this index holds (files from one build)",
            ));
        }
        self.set(k, piece);
        Ok(())
    }

    /// The bytes `range` of the stream, when every piece holding them is
    /// here: a share of one piece, or joined from several. Marks the pieces
    /// as read now.
    fn get(&self, range: Range<u32>) -> Option<Held> {
        let pieces = self.covering(range.clone());
        if pieces.is_empty() {
            return Some(Held::default());
        }
        let now = READS.fetch_add(1, Relaxed);
        let mut parts: Vec<Bytes> = Vec::with_capacity(pieces.len());
        for k in pieces {
            let mut slot = self.slot(k)?;
            slot.read_at = now;
            let piece = slot.bytes.as_ref()?;
            let start = k as usize * self.piece_bytes as usize;
            let from = (range.start as usize).saturating_sub(start);
            let to = (range.end as usize - start).min(piece.end - piece.start);
            if from > to {
                return None;
            }
            parts.push(Bytes {
                data: piece.data.clone(),
                start: piece.start + from,
                end: piece.start + to,
            });
        }
        match parts.len() {
            1 => parts.pop().map(Held::Piece),
            // Joined once, into a buffer of the right size.
            _ => {
                let mut joined = Vec::with_capacity(parts.iter().map(|b| b.end - b.start).sum());
                parts
                    .iter()
                    .for_each(|b| joined.extend_from_slice(b.as_slice()));
                Some(Held::Joined(joined))
            }
        }
    }
}

/// How many bytes of each stream go in one piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PieceSizes {
    pub dictionary: u32,
    pub postings: u32,
    pub positions: u32,
}

impl Default for PieceSizes {
    fn default() -> PieceSizes {
        PieceSizes {
            dictionary: DICTIONARY_PIECE_BYTES as u32,
            postings: POSTING_PIECE_BYTES,
            positions: POSITION_PIECE_BYTES,
        }
    }
}

impl PieceSizes {
    /// Both streams in pieces of `bytes` (tests: many pieces from a small corpus).
    pub fn all(bytes: u32) -> PieceSizes {
        let bytes = bytes.clamp(1, MAX_PIECE_BYTES);
        PieceSizes {
            dictionary: bytes,
            postings: bytes,
            positions: bytes,
        }
    }
}

/// One term's postings while the builder reads the corpus: per posting,
/// varint doc delta, varint weighted tf, then its positions as the
/// positions stream keeps them (varint length, then the delta varints),
/// in one [`Chunks`]. A million generated releases make 600 MB of these:
/// a `Vec` per term that doubles held up to twice that, and copied each
/// term's bytes as it grew.
#[derive(Default)]
struct TermPostings {
    bytes: Chunks,
    count: u32,
    last_doc: u32,
    /// The bytes of this term's postings in the stream (varint doc delta,
    /// one byte of impact each) and of its positions.
    postings_len: u32,
    positions_len: u32,
}

/// Bytes appended in chunks that are never moved nor grown: each new chunk
/// is about an eighth of what is written before it (from 32 bytes to 64
/// kB), so the room not yet written is about an eighth at most, and 64 kB
/// at most per term.
#[derive(Default)]
struct Chunks {
    full: Vec<Box<[u8]>>,
    last: Vec<u8>,
}

impl Chunks {
    fn push(&mut self, bytes: &[u8], written: u32) {
        let mut bytes = bytes;
        while !bytes.is_empty() {
            let room = self.last.capacity() - self.last.len();
            if room == 0 {
                let size = chunk_size(written as usize / 8);
                let last = std::mem::replace(&mut self.last, Vec::with_capacity(size));
                if !last.is_empty() {
                    self.full.push(last.into_boxed_slice());
                }
                continue;
            }
            let (now, rest) = bytes.split_at(room.min(bytes.len()));
            self.last.extend_from_slice(now);
            bytes = rest;
        }
    }

    /// Its bytes from the start, across chunks.
    fn reader(&self) -> ChunkReader<'_> {
        ChunkReader {
            chunks: self,
            chunk: 0,
            at: 0,
        }
    }

    fn chunk(&self, k: usize) -> Option<&[u8]> {
        match self.full.get(k) {
            Some(chunk) => Some(chunk),
            None => (k == self.full.len()).then_some(&self.last[..]),
        }
    }
}

/// A chunk's size: `wanted` from 32 bytes to 64 kB, rounded up to a size
/// the allocator gives without spare room (four sizes per doubling).
fn chunk_size(wanted: usize) -> usize {
    let n = wanted.clamp(32, 64 << 10);
    let step = 1usize << (usize::BITS - 1 - n.leading_zeros()).saturating_sub(2);
    n.div_ceil(step) * step
}

/// Reads [`Chunks`] in order.
struct ChunkReader<'a> {
    chunks: &'a Chunks,
    chunk: usize,
    at: usize,
}

impl ChunkReader<'_> {
    fn byte(&mut self) -> Option<u8> {
        loop {
            let chunk = self.chunks.chunk(self.chunk)?;
            if let Some(&b) = chunk.get(self.at) {
                self.at += 1;
                return Some(b);
            }
            self.chunk += 1;
            self.at = 0;
        }
    }

    /// A varint (0 past the end).
    fn varint(&mut self) -> u32 {
        let (mut n, mut shift) = (0u32, 0u32);
        while let Some(b) = self.byte() {
            n |= u32::from(b & 0x7F).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        n
    }

    /// Hands the next `n` bytes to `out`, a chunk's share at a time.
    fn copy(&mut self, mut n: usize, out: &mut impl FnMut(&[u8])) {
        while n > 0 {
            let Some(chunk) = self.chunks.chunk(self.chunk) else {
                return;
            };
            let part = chunk.get(self.at..).unwrap_or(&[]);
            let take = part.len().min(n);
            out(&part[..take]);
            n -= take;
            self.at += take;
            if n > 0 {
                self.chunk += 1;
                self.at = 0;
            }
        }
    }

    /// Skips the next `n` bytes.
    fn skip(&mut self, n: usize) {
        self.copy(n, &mut |_| {});
    }
}

/// A stream cut into pieces as it is written: each piece is handed on as
/// soon as it is full.
struct PieceCutter {
    stream: Stream,
    piece_bytes: usize,
    k: u32,
    buf: Vec<u8>,
    /// Each piece's checksum, as it is handed on.
    sums: Vec<u32>,
}

impl PieceCutter {
    fn new(stream: Stream, piece_bytes: u32, total: u32) -> PieceCutter {
        let piece_bytes = piece_bytes.max(1) as usize;
        PieceCutter {
            stream,
            piece_bytes,
            k: 0,
            buf: Vec::with_capacity(piece_bytes.min(total as usize)),
            sums: Vec::new(),
        }
    }

    fn push<E>(
        &mut self,
        mut bytes: &[u8],
        emit: &mut impl FnMut(Piece, Vec<u8>) -> Result<(), E>,
    ) -> Result<(), E> {
        while !bytes.is_empty() {
            let room = self.piece_bytes - self.buf.len();
            let (now, rest) = bytes.split_at(room.min(bytes.len()));
            self.buf.extend_from_slice(now);
            bytes = rest;
            if self.buf.len() == self.piece_bytes {
                self.emit(emit)?;
            }
        }
        Ok(())
    }

    fn emit<E>(&mut self, emit: &mut impl FnMut(Piece, Vec<u8>) -> Result<(), E>) -> Result<(), E> {
        let piece = Piece {
            stream: self.stream,
            k: self.k,
        };
        self.k += 1;
        let full = std::mem::replace(&mut self.buf, Vec::with_capacity(self.piece_bytes));
        self.sums.push(adler2::adler32_slice(&full));
        emit(piece, full)
    }

    /// Hands on the last piece, unless the stream ends with a full one;
    /// says every piece's checksum.
    fn finish<E>(
        mut self,
        emit: &mut impl FnMut(Piece, Vec<u8>) -> Result<(), E>,
    ) -> Result<Vec<u32>, E> {
        if !self.buf.is_empty() {
            self.emit(emit)?;
        }
        Ok(self.sums)
    }
}

/// A document's words, folded, each with its position and weight: all that
/// the builder takes from a document, made without the builder, so that
/// `dateline pack` reads and splits the next releases on another core while
/// the builder adds these.
#[derive(Default)]
pub(crate) struct DocWords {
    /// The words one after the other.
    text: String,
    /// Each word's end in `text`, position and weight.
    words: Vec<(u32, u32, u16)>,
    next_pos: u32,
    /// The words grouped by word, once [`DocWords::group`] has grouped
    /// them; `None` before, and again after a field is added.
    grouped: Option<Groups>,
}

/// A document's words grouped by word.
#[derive(Clone)]
struct Groups {
    /// The words' indexes, grouped by word: the groups in order of the
    /// word's first occurrence, each in order of position.
    by_word: Vec<u32>,
    /// Each group's end in `by_word`.
    ends: Vec<u32>,
}

impl DocWords {
    /// Adds a field of the document. Fields are one position apart, so a
    /// phrase never runs from one into the next.
    pub fn field(&mut self, text: &str, weight: u16) {
        let DocWords {
            text: words_text,
            words,
            next_pos,
            grouped,
        } = self;
        *grouped = None;
        for_each_word(text, |word, _| {
            words_text.push_str(word);
            words.push((words_text.len() as u32, *next_pos, weight));
            *next_pos += 1;
        });
        self.next_pos += 1;
    }

    /// Groups the words by word once all fields are in: done where the
    /// document is made (at pack time, off the builder's thread), so that
    /// the builder, whose one thread bounds packing, neither sorts them nor
    /// looks a word up more than once.
    pub fn group(&mut self) {
        self.grouped = Some(self.groups());
    }

    /// Groups in order of first occurrence, by a counting sort of each
    /// word's group (a comparison sort of the words cost more than twice
    /// the builder's time that it saved).
    fn groups(&self) -> Groups {
        let mut first: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
        first.reserve(self.words.len());
        let group_of: Vec<u32> = (0..self.words.len() as u32)
            .map(|i| {
                let next = first.len() as u32;
                *first.entry(self.word(i)).or_insert(next)
            })
            .collect();
        let mut ends = vec![0u32; first.len()];
        for &g in &group_of {
            ends[g as usize] += 1;
        }
        let mut end = 0;
        for count in &mut ends {
            end += *count;
            *count = end;
        }
        // Filled from the back, so each group's words keep their order.
        let mut by_word = vec![0u32; self.words.len()];
        let mut next = ends.clone();
        for (i, &g) in group_of.iter().enumerate().rev() {
            next[g as usize] -= 1;
            by_word[next[g as usize] as usize] = i as u32;
        }
        Groups { by_word, ends }
    }

    /// The `i`-th word.
    fn word(&self, i: u32) -> &str {
        let i = i as usize;
        let start = match i {
            0 => 0,
            _ => self.words[i - 1].0 as usize,
        };
        &self.text[start..self.words[i].0 as usize]
    }
}

/// Collects documents, then freezes into an `Inverted`.
#[derive(Default)]
pub(crate) struct Builder {
    ids: foldhash::HashMap<String, u32>,
    terms: Vec<TermPostings>,
    doc_len: Vec<u32>,
    /// A term's record for the current document (kept for its room).
    record: Vec<u8>,
    /// The mean document length the impacts take, when not the documents'
    /// own (tests: a whole build to compare with one appended to).
    #[cfg(test)]
    pub mean_len: Option<f32>,
}

impl Builder {
    /// Adds the next document (ids are given in call order from 0), whose
    /// words are grouped here unless [`DocWords::group`] did it.
    pub fn add(&mut self, doc: &DocWords) {
        let grouped = match &doc.grouped {
            Some(groups) => Cow::Borrowed(groups),
            None => Cow::Owned(doc.groups()),
        };
        let Builder {
            ids,
            terms,
            doc_len,
            record,
            ..
        } = self;
        let doc_id = doc_len.len() as u32;
        let mut len = 0u32;
        let mut start = 0;
        for &end in &grouped.ends {
            let group = &grouped.by_word[start as usize..end as usize];
            start = end;
            let word = doc.word(group[0]);
            let id = match ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = terms.len() as u32;
                    ids.insert(word.to_string(), id);
                    terms.push(TermPostings::default());
                    id
                }
            };
            let Some(term) = terms.get_mut(id as usize) else {
                continue;
            };
            let occurrences = group.iter().map(|&i| doc.words[i as usize]);
            let tf: u32 = occurrences.clone().map(|w| u32::from(w.2)).sum();
            len += tf;
            let delta = doc_id - term.last_doc;
            record.clear();
            push_varint(record, delta);
            push_varint(record, tf.min(u32::from(u16::MAX)));
            let postings = record.len();
            push_positions(record, occurrences.map(|w| w.1));
            let written = term.postings_len + term.positions_len;
            term.bytes.push(record, written);
            term.postings_len += varint_bytes(delta).1 as u32 + 1;
            term.positions_len += (record.len() - postings) as u32;
            term.last_doc = doc_id;
            term.count += 1;
        }
        doc_len.push(len);
    }

    /// The index, its streams cut into pieces of `sizes` (the defaults
    /// but in tests).
    pub fn finish(self, sizes: PieceSizes) -> Inverted {
        let mut cut: [Vec<Vec<u8>>; 2] = Default::default();
        let finished = self.finish_with(sizes, |piece, bytes| {
            if piece.stream != Stream::Dictionary {
                cut[(piece.stream == Stream::Positions) as usize].push(bytes);
            }
            Ok::<(), std::convert::Infallible>(())
        });
        let Ok(inverted) = finished;
        let [postings, positions] = cut;
        for (stream, pieces) in [
            (&inverted.postings, postings),
            (&inverted.positions, positions),
        ] {
            for (k, bytes) in pieces.into_iter().enumerate() {
                let end = bytes.len();
                let data = Arc::new(bytes);
                stream.set(
                    k as u32,
                    Bytes {
                        data,
                        start: 0,
                        end,
                    },
                );
            }
        }
        inverted
    }

    /// The index, handing each piece to `emit` as soon as it is made, in
    /// order (the dictionary's, then the postings', then the positions'),
    /// and not keeping the postings' and the positions': so that the
    /// builder's postings and the pieces made of them are not all held at
    /// once. A dictionary piece's bytes are its entries as
    /// [`Dictionary::write_piece`] writes them (the index keeps the
    /// dictionary); the other pieces' are their part of the stream.
    pub fn finish_with<E>(
        self,
        sizes: PieceSizes,
        mut emit: impl FnMut(Piece, Vec<u8>) -> Result<(), E>,
    ) -> Result<Inverted, E> {
        let mean_len = average(&self.doc_len);
        #[cfg(test)]
        let mean_len = self.mean_len.unwrap_or(mean_len);
        let (sorted, order) = self.sorted();
        let mut columns = Columns::new();
        for (name, id) in &sorted {
            if let Some(p) = self.terms.get(*id as usize) {
                columns.push(name, [p.count, p.postings_len, p.positions_len], [0; 3]);
            }
        }
        let dictionary = emit_dictionary(columns, sizes, &mut emit)?;
        let n_docs = self.doc_len.len();
        let streams = [Stream::Postings, Stream::Positions];
        let [postings, positions] =
            self.emit_streams(&order, sizes, mean_len, streams, &mut emit)?;
        Ok(Inverted {
            dictionary,
            postings,
            positions,
            n_docs,
            mean_len,
            added: None,
        })
    }

    /// The index of `main`'s documents and then of this builder's, which
    /// are appended after them (the first as document `main`'s first
    /// appended one, or its last plus one when it has none): `main`'s
    /// streams stay as they are, the dictionary is made afresh for both
    /// (every piece of `main`'s must be here), and this builder's postings
    /// and positions become the appended streams, handed to `emit` as
    /// [`Stream::AddedPostings`] and [`Stream::AddedPositions`] pieces. An
    /// appended part that `main` already has is replaced: give its
    /// documents to this builder again, first. Their impacts take `main`'s
    /// mean document length, so the first build's stay exact (and a full
    /// build of the same documents ranks alike while the mean holds).
    pub fn finish_appended<E>(
        self,
        main: &Inverted,
        sizes: PieceSizes,
        mut emit: impl FnMut(Piece, Vec<u8>) -> Result<(), E>,
    ) -> Result<Inverted, E> {
        let (sorted, order) = self.sorted();
        let mut columns = Columns::with_added();
        let mut ours = sorted.iter().peekable();
        let push = |columns: &mut Columns, name: &str, first: [u32; 3], id: Option<u32>| {
            let added = id
                .and_then(|id| self.terms.get(id as usize))
                .map_or([0; 3], |p| [p.count, p.postings_len, p.positions_len]);
            if first[0] > 0 || added[0] > 0 {
                columns.push(name, first, added);
            }
        };
        for t in 0..main.dictionary.n_terms() {
            let name = main.dictionary.term(t);
            while let Some((ours_name, id)) = ours.next_if(|(n, _)| n.as_str() < name) {
                push(&mut columns, ours_name, [0; 3], Some(*id));
            }
            let id = ours.next_if(|(n, _)| n == name).map(|(_, id)| *id);
            push(&mut columns, name, main.dictionary.first_part(t), id);
        }
        for (name, id) in ours {
            push(&mut columns, name, [0; 3], Some(*id));
        }
        let dictionary = emit_dictionary(columns, sizes, &mut emit)?;
        let base = main.added.as_ref().map_or(main.n_docs as u32, |a| a.base);
        let n_docs = base as usize + self.doc_len.len();
        let streams = [Stream::AddedPostings, Stream::AddedPositions];
        let [postings, positions] =
            self.emit_streams(&order, sizes, main.mean_len, streams, &mut emit)?;
        let stream = |s: &Pieces| Pieces::missing(s.total, s.piece_bytes, s.sums.clone());
        Ok(Inverted {
            dictionary,
            postings: stream(&main.postings),
            positions: stream(&main.positions),
            n_docs,
            mean_len: main.mean_len,
            added: Some(AddedStreams {
                base,
                postings,
                positions,
            }),
        })
    }

    /// The terms in sorted order with their ids, and the ids alone.
    fn sorted(&self) -> (Vec<(String, u32)>, Vec<u32>) {
        let mut sorted: Vec<(String, u32)> =
            self.ids.iter().map(|(k, &v)| (k.clone(), v)).collect();
        sorted.sort_unstable();
        let order = sorted.iter().map(|(_, id)| *id).collect();
        (sorted, order)
    }

    /// Hands on the pieces of the postings, then of the positions, of the
    /// terms in `order` (as the pieces of `streams`), letting go
    /// of each term's bytes once they are in pieces; says each stream's
    /// pieces, none held.
    fn emit_streams<E>(
        mut self,
        order: &[u32],
        sizes: PieceSizes,
        mean_len: f32,
        streams: [Stream; 2],
        emit: &mut impl FnMut(Piece, Vec<u8>) -> Result<(), E>,
    ) -> Result<[Pieces; 2], E> {
        let totals = self.terms.iter().fold([0u32; 2], |[a, b], p| {
            [
                a.saturating_add(p.postings_len),
                b.saturating_add(p.positions_len),
            ]
        });
        let mut postings = PieceCutter::new(streams[0], sizes.postings, totals[0]);
        let mut out = Vec::new();
        for &id in order {
            let Some(p) = self.terms.get(id as usize) else {
                continue;
            };
            let (mut r, mut doc) = (p.bytes.reader(), 0u32);
            out.clear();
            for _ in 0..p.count {
                let delta = r.varint();
                let tf = r.varint();
                let skip = r.varint();
                r.skip(skip as usize);
                doc = doc.saturating_add(delta);
                push_varint(&mut out, delta);
                let len = self.doc_len.get(doc as usize).copied().unwrap_or(0);
                out.push(impact(tf, len, mean_len));
            }
            postings.push(&out, emit)?;
        }
        let postings_sums = postings.finish(emit)?;

        let mut positions = PieceCutter::new(streams[1], sizes.positions, totals[1]);
        for &id in order {
            let Some(p) = self.terms.get_mut(id as usize) else {
                continue;
            };
            let mut r = p.bytes.reader();
            for _ in 0..p.count {
                r.varint();
                r.varint();
                let len = r.varint();
                let (head, n) = varint_bytes(len);
                positions.push(&head[..n], emit)?;
                let mut failed = Ok(());
                r.copy(len as usize, &mut |bytes| {
                    if failed.is_ok() {
                        failed = positions.push(bytes, emit);
                    }
                });
                failed?;
            }
            // Its bytes are in pieces now.
            *p = TermPostings::default();
        }
        let positions_sums = positions.finish(emit)?;
        Ok([
            Pieces::missing(totals[0], sizes.postings, postings_sums),
            Pieces::missing(totals[1], sizes.positions, positions_sums),
        ])
    }
}

/// The dictionary of `columns`, cut into pieces of `sizes`, each handed to
/// `emit` as its file's body.
fn emit_dictionary<E>(
    columns: Columns,
    sizes: PieceSizes,
    emit: &mut impl FnMut(Piece, Vec<u8>) -> Result<(), E>,
) -> Result<Dictionary, E> {
    let dictionary = Dictionary::cut(columns, sizes.dictionary as usize);
    for k in 0..dictionary.piece_count() {
        let mut w = crate::codec::Writer::default();
        dictionary.write_piece(k, &mut w);
        let piece = Piece {
            stream: Stream::Dictionary,
            k,
        };
        emit(piece, w.buf)?;
    }
    Ok(dictionary)
}

impl Inverted {
    /// No terms and no documents, without the builder (the app's corpus before
    /// anything is loaded).
    pub(crate) fn empty() -> Inverted {
        Builder::default().finish(PieceSizes::default())
    }
}

/// A posting's impact: its document's part of the term's BM25 score,
/// `tf (k1 + 1) / (tf + k1 (1 - b + b len / avg))`, on a scale from
/// `0..k1 + 1` to `1..=IMPACT_LEVELS`. Computed once at build time, it
/// takes the place of the weighted frequency in the postings, so a query
/// needs no document lengths: `index.bin` would otherwise grow by about
/// two bytes per release (876 kB brotli at a million) that nothing
/// compresses.
fn impact(tf: u32, len: u32, avg_len: f32) -> u8 {
    let tf = tf as f32;
    let part = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len as f32 / avg_len));
    let levels = f32::from(IMPACT_LEVELS);
    (part / (K1 + 1.0) * levels).round().clamp(1.0, levels) as u8
}

/// How finely impacts are kept. A byte per posting of 255 levels doubled
/// the postings' compressed size (100,000 releases: 7.1 MB to 13.6 MB);
/// 15 levels cost 8 % (7.7 MB) and tell apart lengths about 20 % apart,
/// as the one-byte norms of classic Lucene did.
const IMPACT_LEVELS: u8 = 15;

fn average(lengths: &[u32]) -> f32 {
    let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
    (total as f32 / lengths.len().max(1) as f32).max(1.0)
}

fn push_positions(out: &mut Vec<u8>, positions: impl Iterator<Item = u32> + Clone) {
    let deltas = || {
        let mut last = 0;
        positions.clone().map(move |p| {
            let delta = p - last;
            last = p;
            delta
        })
    };
    let len: usize = deltas().map(|d| varint_bytes(d).1).sum();
    push_varint(out, len as u32);
    deltas().for_each(|d| push_varint(out, d));
}

impl Inverted {
    pub fn n_docs(&self) -> usize {
        self.n_docs
    }

    /// The first appended document, when some were appended.
    pub fn first_appended(&self) -> Option<u32> {
        self.added.as_ref().map(|a| a.base)
    }

    /// The mean document length the impacts took.
    #[cfg(test)]
    pub fn mean_len(&self) -> f32 {
        self.mean_len
    }

    #[cfg(test)]
    pub fn n_terms(&self) -> usize {
        self.dictionary.n_terms()
    }

    /// Term `t` ("" while its piece of the dictionary is missing).
    pub fn term(&self, t: usize) -> &str {
        self.dictionary.term(t)
    }

    /// Term `s`'s id; None when there is none, or while its piece of the
    /// dictionary is missing.
    pub fn find(&self, s: &str) -> Option<usize> {
        self.dictionary.find(s)
    }

    /// Terms starting with `prefix`: contiguous in the sorted dictionary
    /// (none while a piece they may be in is missing).
    pub fn prefix_range(&self, prefix: &str) -> Range<usize> {
        self.dictionary.prefix_range(prefix)
    }

    /// The pieces of the dictionary that looking `s` up (as a prefix, or
    /// exactly) reads and that are not here yet.
    pub fn missing_dictionary(&self, s: &str, prefix: bool) -> impl Iterator<Item = Piece> + '_ {
        self.dictionary.missing_for(s, prefix).map(|k| Piece {
            stream: Stream::Dictionary,
            k,
        })
    }

    /// Number of documents containing term `t`.
    pub fn df(&self, t: usize) -> usize {
        self.dictionary.docs(t).len() + self.added_df(t)
    }

    /// Number of appended documents containing term `t`.
    fn added_df(&self, t: usize) -> usize {
        match &self.added {
            Some(_) => self.dictionary.added(t).map_or(0, |[docs, ..]| docs.len()),
            None => 0,
        }
    }

    /// Term `t`'s bytes in a stream (none in the dictionary's).
    fn bytes_of(&self, stream: Stream, t: usize) -> Range<u32> {
        let (postings, positions) = self.dictionary.spans(t);
        let added = || self.dictionary.added(t).unwrap_or_default();
        match stream {
            Stream::Dictionary => 0..0,
            Stream::Postings => postings,
            Stream::Positions => positions,
            Stream::AddedPostings => added()[1].clone(),
            Stream::AddedPositions => added()[2].clone(),
        }
    }

    /// A byte stream's pieces (the dictionary's are not bytes: none).
    fn stream(&self, stream: Stream) -> Option<&Pieces> {
        match stream {
            Stream::Dictionary => None,
            Stream::Postings => Some(&self.postings),
            Stream::Positions => Some(&self.positions),
            Stream::AddedPostings => self.added.as_ref().map(|a| &a.postings),
            Stream::AddedPositions => self.added.as_ref().map(|a| &a.positions),
        }
    }

    /// Term `t`'s bytes of `stream` (postings or positions): the first
    /// build's part, then the appended documents'; None while a piece
    /// holding them is missing.
    fn both_parts(&self, stream: Stream, t: usize) -> Option<[Held; 2]> {
        let first = self.stream(stream)?.get(self.bytes_of(stream, t))?;
        let added = match stream.added().and_then(|s| Some((s, self.stream(s)?))) {
            Some((s, pieces)) => pieces.get(self.bytes_of(s, t))?,
            None => Held::default(),
        };
        Some([first, added])
    }

    /// Term `t`'s postings; none while a piece holding them is missing (the
    /// app waits for it, or names it when it failed).
    fn postings(&self, t: usize) -> Postings {
        let [first, added] = self.both_parts(Stream::Postings, t).unwrap_or_default();
        Postings {
            bytes: first,
            at: 0,
            left: self.dictionary.docs(t).len(),
            doc: 0,
            part: 0,
            then: self
                .added
                .as_ref()
                .map(|a| (added, self.added_df(t), a.base)),
        }
    }

    fn idf(&self, t: usize) -> f32 {
        let n = self.n_docs() as f32;
        let df = self.df(t) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// A posting's score: the term's weight times the posting's [`impact`].
    fn bm25(impact: u8, idf: f32) -> f32 {
        idf * f32::from(impact) * ((K1 + 1.0) / f32::from(IMPACT_LEVELS))
    }

    /// Every document with term `t`, scored and multiplied by `weight`.
    pub fn scored(&self, t: usize, weight: f32) -> Scored {
        let idf = self.idf(t) * weight;
        let mut scored = Vec::with_capacity(self.df(t).min(self.n_docs()));
        scored.extend(
            self.postings(t)
                .map(|(d, impact)| (d, Self::bm25(impact, idf))),
        );
        scored
    }

    /// Keeps the documents of `acc` (sorted by doc) that have term `t`,
    /// adding its score multiplied by `weight`: what intersecting `acc`
    /// with [`Inverted::scored`] gives, without listing the term's documents.
    pub fn keep_scored(&self, acc: &mut Scored, t: usize, weight: f32) {
        let idf = self.idf(t) * weight;
        let mut postings = self.postings(t).peekable();
        acc.retain_mut(|(doc, score)| {
            while let Some(&(d, impact)) = postings.peek() {
                if d == *doc {
                    *score += Self::bm25(impact, idf);
                    return true;
                }
                if d > *doc {
                    return false;
                }
                postings.next();
            }
            false
        });
    }

    /// Term `t`'s postings, scored and multiplied by `weight`, kept in
    /// `best` (one score per document) where they beat it.
    pub fn score_max_into(&self, t: usize, weight: f32, best: &mut [f32]) {
        let idf = self.idf(t) * weight;
        for (d, impact) in self.postings(t) {
            if let Some(b) = best.get_mut(d as usize) {
                *b = b.max(Self::bm25(impact, idf));
            }
        }
    }

    /// Documents where `terms` occur as consecutive words, scored as the sum of the words.
    /// Without their positions (pieces not loaded yet): documents with all the words.
    pub fn phrase(&self, terms: &[usize]) -> Scored {
        let positions: Option<Vec<[Held; 2]>> = terms
            .iter()
            .map(|&t| self.both_parts(Stream::Positions, t))
            .collect();
        let exact = positions.is_some();
        let positions = positions.unwrap_or_default();
        let mut cursors: Vec<Cursor> = terms
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                let parts = positions
                    .get(i)
                    .map_or([&[][..], &[]], |[a, b]| [&**a, &**b]);
                self.cursor(t, parts)
            })
            .collect();
        let idfs: Vec<f32> = terms.iter().map(|&t| self.idf(t)).collect();
        let mut out = Vec::new();
        while let Some(target) = cursors.iter().map(Cursor::doc).max().flatten() {
            if cursors.iter_mut().any(|c| !c.seek(target)) {
                break;
            }
            if cursors.iter().all(|c| c.doc() == Some(target)) {
                if !exact || self.adjacent(&cursors) {
                    let score = cursors
                        .iter()
                        .zip(&idfs)
                        .map(|(c, &idf)| Self::bm25(c.impact(), idf))
                        .sum();
                    out.push((target, score));
                }
                cursors.iter_mut().for_each(Cursor::next);
            }
        }
        out
    }

    fn cursor<'a>(&'a self, t: usize, positions: [&'a [u8]; 2]) -> Cursor<'a> {
        let mut postings = self.postings(t);
        Cursor {
            current: postings.next(),
            part: postings.part,
            postings,
            positions,
            at: 0,
        }
    }

    /// The pieces of `stream` that hold term `t`'s part: of the postings or
    /// the positions, the appended documents' pieces too.
    pub fn pieces_of(&self, stream: Stream, t: usize) -> impl Iterator<Item = Piece> + '_ {
        std::iter::once(stream)
            .chain(stream.added())
            .filter_map(move |stream| Some((stream, self.stream(stream)?)))
            .flat_map(move |(stream, pieces)| {
                pieces
                    .covering(self.bytes_of(stream, t))
                    .map(move |k| Piece { stream, k })
            })
    }

    /// The pieces of `stream` that hold term `t`'s part and are not here yet.
    pub fn missing_pieces(&self, stream: Stream, t: usize) -> impl Iterator<Item = Piece> + '_ {
        self.pieces_of(stream, t)
            .filter(move |p| self.stream(p.stream).is_some_and(|s| s.lacks(p.k)))
    }

    /// How many pieces `stream` is cut into.
    pub fn piece_count(&self, stream: Stream) -> u32 {
        match (stream, self.stream(stream)) {
            (_, Some(pieces)) => pieces.pieces.len() as u32,
            (Stream::Dictionary, None) => self.dictionary.piece_count(),
            (_, None) => 0,
        }
    }

    /// Whether word `k` of the phrase sits at `p + k` for some position `p` of word 0.
    fn adjacent(&self, cursors: &[Cursor]) -> bool {
        let lists: Vec<Vec<u32>> = cursors.iter().map(Cursor::positions).collect();
        let Some((first, rest)) = lists.split_first() else {
            return false;
        };
        first.iter().any(|&p| {
            (1u32..).zip(rest).all(|(k, list)| {
                p.checked_add(k)
                    .is_some_and(|q| list.binary_search(&q).is_ok())
            })
        })
    }
}

/// One term's postings in doc order, decoded as they are read: the first
/// build's, then the appended documents'.
struct Postings {
    /// A share of one piece, or joined from the pieces it spans.
    bytes: Held,
    at: usize,
    left: usize,
    doc: u32,
    /// 0 while reading the first build's part, 1 the appended documents'.
    part: usize,
    /// The appended documents' part, still to read: its bytes, how many
    /// postings, and the number of the first appended document (theirs
    /// count from 0 in their stream).
    then: Option<(Held, usize, u32)>,
}

impl Iterator for Postings {
    /// (document, impact)
    type Item = (u32, u8);

    fn next(&mut self) -> Option<(u32, u8)> {
        while self.left == 0 || self.at >= self.bytes.len() {
            let (bytes, left, base) = self.then.take()?;
            (self.bytes, self.at, self.left, self.doc) = (bytes, 0, left, base);
            self.part = 1;
        }
        self.left -= 1;
        self.doc = self
            .doc
            .saturating_add(read_checked_varint(&self.bytes, &mut self.at));
        // A damaged piece can only give wrong hits: a missing byte reads as 0.
        let impact = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        Some((self.doc, impact))
    }

    /// At most `left` (each posting takes at least two bytes): lists are
    /// collected in one allocation.
    fn size_hint(&self) -> (usize, Option<usize>) {
        let bytes = self.bytes.len().saturating_sub(self.at) / 2;
        let then = self
            .then
            .as_ref()
            .map_or(0, |(b, left, _)| (*left).min(b.len() / 2));
        (0, Some(self.left.min(bytes) + then))
    }
}

/// Walks one term's postings in doc order, keeping its place in the position data.
struct Cursor<'a> {
    postings: Postings,
    current: Option<(u32, u8)>,
    /// The positions of the first build's part, and of the appended one.
    positions: [&'a [u8]; 2],
    /// The part the current posting is in.
    part: usize,
    /// Byte offset of the current posting's position block in its part.
    at: usize,
}

impl Cursor<'_> {
    fn doc(&self) -> Option<u32> {
        self.current.map(|c| c.0)
    }

    fn impact(&self) -> u8 {
        self.current.map_or(0, |c| c.1)
    }

    fn next(&mut self) {
        let positions = self.positions[self.part];
        let len = read_checked_varint(positions, &mut self.at);
        self.at += len as usize;
        self.current = self.postings.next();
        if self.postings.part != self.part {
            (self.part, self.at) = (self.postings.part, 0);
        }
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
        let positions = self.positions[self.part];
        let mut at = self.at;
        let len = read_checked_varint(positions, &mut at) as usize;
        let end = (at + len).min(positions.len());
        let mut out = Vec::new();
        let mut p = 0u32;
        while at < end {
            p = p.saturating_add(read_checked_varint(positions, &mut at));
            out.push(p);
        }
        out
    }
}

impl Inverted {
    /// The index's part of `index.bin`: each piece of the dictionary's
    /// first term, and each stream's length and size of pieces.
    pub(crate) fn write(&self, w: &mut crate::codec::Writer) {
        self.dictionary.write(w);
        for stream in [&self.postings, &self.positions] {
            stream.write(w);
        }
        w.len(self.n_docs);
        w.u32_le(self.mean_len.to_bits());
        // The appended documents: none, or where they start and their streams.
        w.varint(u32::from(self.added.is_some()));
        if let Some(added) = &self.added {
            w.varint(added.base);
            for stream in [&added.postings, &added.positions] {
                stream.write(w);
            }
        }
    }

    /// A piece's file body (nothing when it is not here).
    pub(crate) fn write_piece(&self, piece: Piece, w: &mut crate::codec::Writer) {
        match (piece.stream, self.stream(piece.stream)) {
            (_, Some(pieces)) => w.bytes(&pieces.piece(piece.k)),
            (Stream::Dictionary, None) => self.dictionary.write_piece(piece.k, w),
            (_, None) => {}
        }
    }

    /// Lets every piece go (the dictionary's too).
    pub(crate) fn forget_pieces(&mut self) {
        self.dictionary.forget();
        self.postings.forget();
        self.positions.forget();
        if let Some(added) = &mut self.added {
            added.postings.forget();
            added.positions.forget();
        }
    }

    /// The streams of bytes, the appended documents' too.
    fn byte_streams(&self) -> impl Iterator<Item = (Stream, &Pieces)> + '_ {
        Stream::ALL
            .into_iter()
            .filter_map(|stream| Some((stream, self.stream(stream)?)))
    }

    /// The bytes of the postings' and positions' pieces here.
    pub(crate) fn held_piece_bytes(&self) -> usize {
        self.byte_streams().map(|(_, s)| s.held.load(Relaxed)).sum()
    }

    /// Lets go of the postings' and positions' pieces read longest ago, but
    /// those in `keep`, until at most `budget` bytes of them are here; says
    /// which went.
    pub(crate) fn trim_pieces(&self, budget: usize, keep: &[Piece]) -> Vec<Piece> {
        let mut held = self.held_piece_bytes();
        let mut gone = Vec::new();
        if held <= budget {
            return gone;
        }
        let mut here: Vec<(u64, Piece)> = self
            .byte_streams()
            .flat_map(|(stream, pieces)| {
                pieces.here().map(move |(at, k)| (at, Piece { stream, k }))
            })
            .filter(|(_, piece)| !keep.contains(piece))
            .collect();
        // Cold (only past the budget): `order`'s shared routine, not a
        // copy of the standard sort for these pairs (about 4 kB of wasm).
        crate::order::sort_by(&mut here, |a, b| a.cmp(b));
        for (_, piece) in here {
            if held <= budget {
                break;
            }
            if let Some(pieces) = self.stream(piece.stream) {
                pieces.let_go(piece.k);
                held = self.held_piece_bytes();
                gone.push(piece);
            }
        }
        gone
    }

    /// Whether every piece of the dictionary is here.
    pub(crate) fn has_dictionary(&self) -> bool {
        self.dictionary.complete()
    }

    /// Whether every piece is here.
    pub(crate) fn has_all_pieces(&self) -> bool {
        self.dictionary.complete() && self.byte_streams().all(|(_, s)| s.complete())
    }

    /// Adds a piece, read from its file (`r` over `file`).
    pub(crate) fn read_piece(
        &self,
        piece: Piece,
        r: &mut crate::codec::Reader<'_>,
        file: &Arc<Vec<u8>>,
    ) -> Result<(), crate::codec::DecodeError> {
        match (piece.stream, self.stream(piece.stream)) {
            (_, Some(pieces)) => pieces.read(piece.k, r, file),
            (Stream::Dictionary, None) => self.dictionary.read_piece(piece.k, r),
            (_, None) => Err(r.error("a piece of this index (no documents were appended)")),
        }
    }

    /// Reads what `write` wrote. Offsets are checked here; a damaged piece
    /// can only give wrong hits, as every read of it is bounds-checked.
    pub(crate) fn read(
        r: &mut crate::codec::Reader<'_>,
    ) -> Result<Inverted, crate::codec::DecodeError> {
        let dictionary = Dictionary::read(r)?;
        let postings = read_pieces(r)?;
        let positions = read_pieces(r)?;
        let n_docs = r.varint()? as usize;
        let mean_len = f32::from_bits(r.u32_le("the mean document length")?);
        let added = match r.varint()? {
            0 => None,
            1 => {
                let base = r.varint()?;
                if base as usize > n_docs {
                    return Err(r.error("appended documents after at most every document"));
                }
                Some(AddedStreams {
                    base,
                    postings: read_pieces(r)?,
                    positions: read_pieces(r)?,
                })
            }
            _ => return Err(r.error("0 or 1: whether documents were appended")),
        };
        Ok(Inverted {
            dictionary,
            postings,
            positions,
            n_docs,
            mean_len,
            added,
        })
    }
}

/// A stream's pieces as `index.bin` describes them (none here yet): its
/// length and size per piece, checked.
fn read_pieces(r: &mut crate::codec::Reader<'_>) -> Result<Pieces, crate::codec::DecodeError> {
    let total = r.varint()?;
    let piece_bytes = r.varint()?;
    if !(1..=MAX_PIECE_BYTES).contains(&piece_bytes) {
        return Err(r.error("a size of pieces from 1 byte to 8 MiB"));
    }
    let n = total.div_ceil(piece_bytes);
    if n > MAX_PIECES {
        return Err(r.error("a stream in at most 65,536 pieces"));
    }
    let sums = (0..n)
        .map(|_| r.u32_le("a checksum per piece of the stream"))
        .collect::<Result<_, _>>()?;
    Ok(Pieces::missing(total, piece_bytes, sums))
}

/// A length-prefixed section of `file`, left in place.
fn shared(
    r: &mut crate::codec::Reader<'_>,
    file: &Arc<Vec<u8>>,
) -> Result<Bytes, crate::codec::DecodeError> {
    let range = r.section()?;
    Ok(Bytes {
        data: file.clone(),
        start: range.start,
        end: range.end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[&[&str]]) -> Inverted {
        let mut b = Builder::default();
        for fields in docs {
            let mut doc = DocWords::default();
            for f in *fields {
                doc.field(f, 1);
            }
            b.add(&doc);
        }
        b.finish(PieceSizes::default())
    }

    #[test]
    fn words_are_grouped_by_first_occurrence_each_in_order_of_position() {
        let mut doc = DocWords::default();
        doc.field("the sea the ship", 2);
        doc.field("", 1);
        doc.field("ship of the sea sea", 1);
        doc.group();
        let groups = doc.grouped.as_ref().expect("grouped");
        let mut start = 0;
        let got: Vec<(&str, Vec<u32>)> = groups
            .ends
            .iter()
            .map(|&end| {
                let group = groups.by_word[start..end as usize].to_vec();
                start = end as usize;
                (doc.word(group[0]), group)
            })
            .collect();
        let expected: Vec<(&str, Vec<u32>)> = vec![
            ("the", vec![0, 2, 6]),
            ("sea", vec![1, 7, 8]),
            ("ship", vec![3, 4]),
            ("of", vec![5]),
        ];
        assert_eq!(got, expected);
        // A field added after grouping undoes it.
        doc.field("port", 1);
        assert!(doc.grouped.is_none());
    }

    /// Every piece that the builder hands on for `docs`, each document's
    /// words grouped by the builder (`group_after` `None`), or first, once
    /// its first `n` fields are in (`Some(n)`; `dateline pack` groups them
    /// once all are in).
    fn pieces(docs: &[&[&str]], group_after: Option<usize>) -> Vec<(Piece, Vec<u8>)> {
        let mut b = Builder::default();
        for fields in docs {
            let mut doc = DocWords::default();
            for (i, f) in fields.iter().enumerate() {
                if group_after == Some(i) {
                    doc.group();
                }
                doc.field(f, 1 + i as u16 % 3);
            }
            if group_after.is_some_and(|n| n >= fields.len()) {
                doc.group();
            }
            b.add(&doc);
        }
        let mut pieces = Vec::new();
        let Ok(_) = b.finish_with(PieceSizes::all(64), |piece, bytes| {
            pieces.push((piece, bytes));
            Ok::<(), std::convert::Infallible>(())
        });
        pieces
    }

    #[test]
    fn documents_grouped_before_the_builder_or_by_it_give_the_same_pieces() {
        let docs: &[&[&str]] = &[
            &[
                "Smuggling of migrants",
                "smuggling smuggling routes",
                "UNODC",
            ],
            &[],
            &["", "routes of the sea", "the the the", "harbour"],
            &[
                "migrants",
                "Migrants' rights",
                "smuggling of MIGRANTS at sea",
            ],
        ];
        let by_builder = pieces(docs, None);
        assert!(by_builder.len() > 3, "{}", by_builder.len());
        assert_eq!(pieces(docs, Some(usize::MAX)), by_builder);
        // Grouped before the last field of each document: that field's
        // words are indexed all the same ("harbour" is only there).
        let grouped_early = pieces(docs, Some(2));
        assert_eq!(grouped_early, by_builder);
        let dictionary: Vec<u8> = by_builder
            .iter()
            .filter(|(piece, _)| piece.stream == Stream::Dictionary)
            .flat_map(|(_, bytes)| bytes.clone())
            .collect();
        assert!(dictionary.windows(7).any(|w| w == b"harbour"));
    }

    #[test]
    fn impacts_rank_as_bm25_with_document_lengths() {
        // "smuggling" once in a short document, once in a long one, three
        // times in the long one: the index holds no lengths, yet ranks them
        // as BM25 does, within its levels' precision.
        let long = "smuggling words words words words words words words words words";
        let inv = index(&[
            &["smuggling here"],
            &[long],
            &["smuggling smuggling smuggling words words words words words words words"],
        ]);
        let t = inv.find("smuggling").expect("a term");
        let scores: Vec<(u32, f32)> = inv.scored(t, 1.0);
        let score = |d: u32| scores.iter().find(|s| s.0 == d).map(|s| s.1).unwrap();
        assert!(score(0) > score(1), "{scores:?}");
        assert!(score(2) > score(1), "{scores:?}");
        // Exact BM25 for document 1: tf 1, length 10, average (2 + 10 + 10) / 3.
        let (idf, avg) = (inv.idf(t), 22.0 / 3.0);
        let exact = idf * 2.2 / (1.0 + 1.2 * (0.25 + 0.75 * 10.0 / avg));
        assert!(
            (score(1) - exact).abs() <= idf * 2.2 / f32::from(IMPACT_LEVELS) / 2.0,
            "{} vs {exact}",
            score(1)
        );
        // However long a document, a match scores above nothing.
        let doc = "smuggling ".to_string() + &"filler ".repeat(100_000);
        assert!(impact(1, 100_001, 2.0) >= 1);
        let inv = index(&[&[&doc], &["short"]]);
        let t = inv.find("smuggling").expect("a term");
        assert!(inv.scored(t, 1.0)[0].1 > 0.0);
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

    /// What `write` writes, read back: the reader's checks on its own.
    fn reread(inv: &Inverted) -> Result<Inverted, crate::codec::DecodeError> {
        let mut w = crate::codec::Writer::default();
        inv.write(&mut w);
        let mut r = crate::codec::Reader::new(&w.buf, "index.bin");
        Inverted::read(&mut r)
    }

    #[test]
    fn a_piece_size_that_would_make_too_many_or_too_large_pieces_is_refused() {
        let text = "a ".repeat(70_000);
        let build = |piece_bytes| {
            let mut b = Builder::default();
            let mut doc = DocWords::default();
            doc.field(&text, 1);
            b.add(&doc);
            b.finish(piece_bytes)
        };
        let positions = |bytes| PieceSizes {
            positions: bytes,
            ..PieceSizes::default()
        };
        let fine = reread(&build(positions(4096))).expect("18 pieces");
        assert_eq!(
            fine.piece_count(Stream::Positions),
            70_002u32.div_ceil(4096)
        );
        // One byte per piece: over 65,536 slots from a file of 70 kB.
        let e = reread(&build(positions(1))).err().expect("too many pieces");
        assert_eq!(e.expected, "a stream in at most 65,536 pieces");
        let e = reread(&build(positions(u32::MAX)))
            .err()
            .expect("too large a piece");
        assert!(e.expected.contains("8 MiB"), "{e}");
        // The postings alike: one term's one posting, doc 0 (1 byte) and
        // its impact (1 byte).
        let postings = |bytes| PieceSizes {
            postings: bytes,
            ..PieceSizes::default()
        };
        let fine = reread(&build(postings(1))).expect("2 pieces");
        assert_eq!(fine.piece_count(Stream::Postings), 2);
        let e = reread(&build(postings(u32::MAX)))
            .err()
            .expect("too large a piece");
        assert!(e.expected.contains("8 MiB"), "{e}");
    }

    #[test]
    fn a_term_over_several_pieces_reads_as_one() {
        let inv = index(&[
            &["x organized crime y organized crime"],
            &["organized crime"],
        ]);
        let mut b = Builder::default();
        for fields in [["x organized crime y organized crime"], ["organized crime"]] {
            let mut doc = DocWords::default();
            doc.field(fields[0], 1);
            b.add(&doc);
        }
        let cut = b.finish(PieceSizes::all(1));
        assert!(cut.piece_count(Stream::Positions) > 4);
        assert!(cut.piece_count(Stream::Postings) > 4);
        let (a, c) = (inv.find("organized").unwrap(), inv.find("crime").unwrap());
        assert_eq!(cut.phrase(&[a, c]), inv.phrase(&[a, c]));
        assert_eq!(cut.scored(a, 1.0), inv.scored(a, 1.0));
        assert_eq!(inv.phrase(&[a, c]).len(), 2);
    }

    #[test]
    fn a_damaged_position_at_the_top_of_u32_is_no_phrase() {
        // Found by fuzzing (positions target): positions.bin deltas summing to
        // u32::MAX made `p + k` overflow in `adjacent`.
        let inv = index(&[&["organized crime"]]);
        let (mut first, mut second) = (Vec::new(), Vec::new());
        push_positions(&mut first, [u32::MAX].into_iter());
        push_positions(&mut second, [0].into_iter());
        fn cursor(positions: &[u8]) -> Cursor<'_> {
            Cursor {
                postings: Postings {
                    bytes: Default::default(),
                    at: 0,
                    left: 0,
                    doc: 0,
                    part: 0,
                    then: None,
                },
                current: Some((0, 1)),
                positions: [positions, &[]],
                part: 0,
                at: 0,
            }
        }
        assert!(!inv.adjacent(&[cursor(&first), cursor(&second)]));
    }
}
