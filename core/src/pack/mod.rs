//! Every file the app downloads, written once at build time by `dateline
//! pack` and read in the browser without indexing anything. Each binary file
//! starts with a four-byte magic and a format version (varint), ends with an
//! Adler-32 checksum of the rest, and decodes
//! with a [`DecodeError`] naming the file, the byte offset and what was
//! expected (the byte format is `crate::codec`). Change a layout, bump its
//! version: an old page then says "rebuild the site" instead of misreading.
//!
//! | file | magic | version | layout | module |
//! |---|---|---|---|---|
//! | `l/<k>.bin` | `DLLS` | 4 | piece `k` of the list records ([`list::docs_per_piece`] documents each: the whole corpus up to [`LEDE_LIMIT`] releases, else 512), per release what the timeline shows: id (left out when natural), title, date (left out when the index's date key spells it), place (index into the piece's table), events; ledes while the corpus has at most [`LEDE_LIMIT`] releases. The first piece is read at start, the others when rows show their releases; a list of one piece is stored, one of several gzip or stored as the chunks ([`frame`]) | [`list`] |
//! | `index.bin` | `DLIX` | 11 | document dates (zigzag deltas), of the term dictionary each piece's first term and how many terms come before it (and each piece's checksum), each stream's length, size of pieces and each piece's checksum (a piece of another build, fetched by a page that loaded the old `index.bin`, is refused), the number of documents, the mean document length (which every impact takes), where appended documents start and their streams' lengths (after `dateline add`), and of each of the six facets how many values it has and its [`HEAD_VALUES`] most frequent values with how many releases have each | [`index_file`] |
//! | `f/<facet>.bin` | `DLFC` | 2 | one facet's values past the head of `index.bin` (key, label, detail, how many releases), then its relation (`f/country.bin`, …): each document's values as deltas, the value → documents direction rebuilt on reading; fetched when a view needs it (a narrowed set's counts, a selection, an entity's page, related releases); gzip or stored as the chunks ([`frame`]) | [`index_file`] |
//! | `d/<k>.bin` | `DLDC` | 2 | piece `k` of the term dictionary (terms in sorted order, about [`DICTIONARY_PIECE_BYTES`] of them: the terms, and per term its postings before it over the whole index, where its postings and its positions start; after `dateline add`, the same among the appended documents), fetched when a query looks up a word whose letters fall in it; gzip or stored as the postings | [`index_file`] |
//! | `t/<k>.bin` | `DLPT` | 2 | piece `k` of the postings (one stream of [`POSTING_PIECE_BYTES`] pieces, per term: its documents as delta varints, each with a byte of impact, its part of the BM25 score), fetched when a query's words need it; the body gzip-compressed by the build, stored by the import worker ([`frame`]) | [`index_file`] |
//! | `p/<k>.bin` | `DLPS` | 5 | piece `k` of the word positions (one stream of [`POSITION_PIECE_BYTES`] pieces, per posting: its positions), fetched when a quoted phrase needs its words' positions; gzip or stored as the postings | [`index_file`] |
//! | `ta/<k>.bin`, `pa/<k>.bin` | `DLPT`, `DLPS` | 2, 5 | only after `dateline add` ([`append`]): the postings and the positions of the documents appended since the last pack, as `t/` and `p/` lay them out (their documents numbered from the first appended one), read after the first build's for each term | [`index_file`] |
//! | `r/<n>.bin` | `DLRC` | 2 | [`CHUNK_SIZE`] full records, every field of the record contract ([`chunk_file`]); the body gzip-compressed by the build, stored by the import worker ([`frame`]) | [`records`] |
//!
//! Documents are numbered newest first, in every file alike; those that
//! `dateline add` appends come after them (newest first within each append).

// Appending needs the id rule (`ingest::ids`): the CLI's and the tests'.
#[cfg(feature = "extract")]
pub mod append;
pub mod frame;
mod index_file;
pub mod list;
pub mod records;

pub use crate::query::{
    DICTIONARY_PIECE_BYTES, HEAD_VALUES, POSITION_PIECE_BYTES, POSTING_PIECE_BYTES,
};
pub use frame::Encoding;
pub use list::{List, ListPiece};

use std::borrow::{Borrow, Cow};

use crate::date::PartialDate;
use crate::import::DataFile;
use crate::query::{Aliases, DecodeError, Index, IndexBuilder, IndexedDoc, Piece};
use crate::Release;

/// Full records per body chunk file: one detail view downloads about
/// 30-60 kB compressed, and neighbours (previous, next) usually come with it.
pub const CHUNK_SIZE: usize = 64;
/// Corpora up to this size carry each release's lede in `list.bin`, so the
/// timeline shows it at once; larger ones show it once a chunk is loaded,
/// keeping the list at tens of bytes per release.
pub const LEDE_LIMIT: usize = 5_000;

/// The files of a packed corpus, as bytes (paths relative to the data folder).
pub struct Packed {
    pub index: Vec<u8>,
    /// `(file name, bytes)` of the pieces of the list records, in order
    /// (`l/0.bin`, …); empty from [`pack_with`], which hands them to a
    /// writer instead.
    pub lists: Vec<(String, Vec<u8>)>,
    /// `(file name, bytes)` of the pieces of the postings and the word
    /// positions, in order (`t/0.bin`, …, `p/0.bin`, …); empty from
    /// [`pack_with`], which hands them to a writer instead.
    pub pieces: Vec<(String, Vec<u8>)>,
    /// `(file name, bytes)` of the facets' relations (`f/year.bin`, …), in
    /// [`crate::query::Facet::ALL`] order; empty from [`pack_with`].
    pub facets: Vec<(String, Vec<u8>)>,
    /// `(file name, full records as [`records`] writes them)`; empty from [`pack_with`],
    /// which hands them to a writer instead.
    pub chunks: Vec<(String, Vec<u8>)>,
}

/// What names one build's data: the checksums that end the first piece of
/// the list (`l/0.bin`) and `index.bin`, in hex. A pre-rendered page carries it, and the app takes the
/// page over (hydrates) only when the data it loaded has the same: a page
/// rendered from other data (a stale cache, files swapped after the build)
/// is rendered afresh rather than misread.
pub fn data_mark(list: &[u8], index: &[u8]) -> String {
    let tail = |b: &[u8]| {
        b.get(b.len().saturating_sub(4)..)
            .unwrap_or_default()
            .to_vec()
    };
    [tail(list), tail(index)]
        .concat()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What packing needs to know of a corpus before its first whole record
/// (see [`pack_sorted`]): each release's date in document order (their
/// number, and the feed's newest releases) and the acronyms that its
/// organisations take (the index's aliases). A million releases' outline
/// is a few MB; their summaries as `Release` values were about 1.1 GB of
/// the build's peak (BENCHMARKS.md, "The build's summaries").
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub dates: Vec<Option<PartialDate>>,
    pub aliases: Aliases,
}

impl Outline {
    /// The outline of `releases`, given in document order.
    pub fn of(releases: &[Release]) -> Outline {
        let mut outline = Outline::default();
        releases.iter().for_each(|r| outline.push(r));
        outline
    }

    /// Adds the next release in document order.
    pub fn push(&mut self, r: &Release) {
        self.dates.push(r.date);
        self.aliases.add(r);
    }

    pub fn len(&self) -> usize {
        self.dates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }
}

/// Newest first; undated releases last; ties by id, so the order is stable.
pub fn sort_newest_first(releases: &mut [Release]) {
    releases.sort_by(newest_first);
}

/// The order of documents in every packed file: newest first, undated
/// releases last, ties by id.
pub fn newest_first(a: &Release, b: &Release) -> std::cmp::Ordering {
    newest_first_key(a).cmp(&newest_first_key(b))
}

/// What [`newest_first`] compares: sorting these keys side by side is
/// quicker than comparing releases (a million are 0.5 GB apart).
pub fn newest_first_key(r: &Release) -> (std::cmp::Reverse<Option<PartialDate>>, &str) {
    (std::cmp::Reverse(r.date), &r.id)
}

/// The chunk file holding a document's full record.
pub fn chunk_file(doc: u32) -> String {
    format!("r/{}.bin", doc as usize / CHUNK_SIZE)
}

/// One chunk file of full records: every piece of chunk arithmetic the app
/// needs, so that it never computes offsets of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk(u32);

impl Chunk {
    /// The chunk holding document `doc` of a corpus of `n_docs`; None for a
    /// document the corpus does not have (there is nothing to fetch).
    pub fn of(doc: u32, n_docs: usize) -> Option<Chunk> {
        ((doc as usize) < n_docs).then_some(Chunk(doc / CHUNK_SIZE as u32))
    }

    /// Its file, relative to the data folder (`r/3.bin`).
    pub fn file(self) -> String {
        chunk_file(self.first_doc())
    }

    /// Its first document.
    pub fn first_doc(self) -> u32 {
        self.0 * CHUNK_SIZE as u32
    }

    /// How many records it holds in a corpus of `n_docs`.
    pub fn len(self, n_docs: usize) -> usize {
        n_docs
            .saturating_sub(self.first_doc() as usize)
            .min(CHUNK_SIZE)
    }

    /// Where document `doc` sits in its chunk's records.
    pub fn slot(doc: u32) -> usize {
        doc as usize % CHUNK_SIZE
    }
}

/// Packs a corpus (in any order) into the files the app reads, the chunks'
/// bodies stored as they are.
pub fn pack(releases: Vec<Release>) -> Packed {
    let (mut chunks, mut pieces, mut lists) = (Vec::new(), Vec::new(), Vec::new());
    let mut facets = Vec::new();
    let packed = pack_with(releases, Encoding::Stored, |name, bytes| {
        if crate::query::Piece::from_file(&name).is_some() {
            pieces.push((name, bytes));
        } else if crate::query::Facet::from_file(&name).is_some() {
            facets.push((name, bytes));
        } else if ListPiece::from_file(&name).is_some() {
            lists.push((name, bytes));
        } else {
            chunks.push((name, bytes));
        }
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(mut packed) = packed;
    packed.chunks = chunks;
    packed.pieces = pieces;
    packed.lists = lists;
    packed.facets = facets;
    packed
}

/// Packs a corpus, handing each chunk file (`r/N.bin`) and piece of the
/// list (`l/N.bin`), then each piece of the postings (`t/N.bin`) and of the
/// word positions (`p/N.bin`), then each facet's relation (`f/<facet>.bin`), as `(name, bytes)` to `write` as soon as it
/// is made, so that a large corpus never holds every chunk or piece in
/// memory at once. The `Packed` it returns has only `index`: the rest went
/// to `write`. `encoding` says how the chunks keep
/// their bodies (gzip needs the `gzip` feature).
pub fn pack_with<E: Send>(
    mut releases: Vec<Release>,
    encoding: Encoding,
    write: impl FnMut(String, Vec<u8>) -> Result<(), E>,
) -> Result<Packed, E> {
    sort_newest_first(&mut releases);
    pack_sorted(
        Outline::of(&releases),
        |i| Ok(Cow::Borrowed(&releases[i])),
        encoding,
        write,
    )
}

/// Packs a corpus given as it is to be numbered ([`newest_first`]):
/// `outline` tells every release's date and the organisations' aliases,
/// and `full(i)` gives document `i`'s whole record, once, in order: from
/// memory, or read back from disk so that a corpus larger than memory is
/// packed with one record in hand at a time (`dateline pack`).
pub fn pack_sorted<'a, E: Send>(
    outline: Outline,
    full: impl FnMut(usize) -> Result<Cow<'a, Release>, E> + Send,
    encoding: Encoding,
    mut write: impl FnMut(String, Vec<u8>) -> Result<(), E>,
) -> Result<Packed, E> {
    let count = outline.len();
    let aliases = outline.aliases;
    let mut index = IndexBuilder::default();
    // A list of one piece (at most `LEDE_LIMIT` releases, ledes included)
    // is stored as it is: it is read at start whatever happens, and a host's
    // brotli compresses it better than gzip (1k: about 40 kB against 61 kB).
    // Past that, the pieces are gzip inside, as the other pieces.
    let list_encoding = match list::has_ledes(count) {
        true => Encoding::Stored,
        false => encoding,
    };
    let mut list = list::ListWriter::new(count, list_encoding);
    // The chunks of one batch are encoded beside the reading and indexing
    // of the next: at a million releases, encoding them in turn left one
    // core idle for about 45 s.
    std::thread::scope(|scope| {
        let mut batch: Vec<Cow<'a, Release>> = Vec::new();
        let mut encoding_batch = None;
        let mut first_doc = 0;
        for (doc, read) in read_ahead(scope, count, full, &aliases).enumerate() {
            let (release, indexed) = read?;
            index.add(indexed);
            if let Some((name, bytes)) = list.push(&release) {
                write(name, bytes)?;
            }
            batch.push(release);
            let last = doc + 1 == count;
            if batch.len() == CHUNK_SIZE * CHUNK_BATCH || last {
                // Written now: the batch before this one, and this one too
                // when it is the last.
                let done = std::mem::take(&mut batch);
                let encoding_done = beside(scope, move || encode_chunks(&done, encoding));
                let before = encoding_batch.replace(encoding_done);
                let encoded = before
                    .into_iter()
                    .chain(last.then(|| encoding_batch.take()).flatten());
                for bytes in encoded.flat_map(|join| join()) {
                    write(chunk_file(first_doc as u32), bytes)?;
                    first_doc += CHUNK_SIZE;
                }
            }
        }
        Ok(())
    })?;
    if let Some((name, bytes)) = list.finish() {
        write(name, bytes)?;
    }
    // The pieces are written as the builder makes them, a batch at a time,
    // and not kept: at a million releases they are 440 MB, beside the
    // builder's postings they are made of. A batch is encoded beside the
    // making of the next: in turn, the builder's one thread and the
    // encoding's two left a core idle for about ten seconds at a million.
    type Encoded<'s> = Box<dyn FnOnce() -> Vec<(Piece, Vec<u8>)> + 's>;
    let mut index = std::thread::scope(|scope| {
        let mut batch: Vec<(Piece, Vec<u8>)> = Vec::with_capacity(PIECE_BATCH);
        let mut encoding_batch: Option<Encoded<'_>> = None;
        let mut hand_on = |batch: Vec<(Piece, Vec<u8>)>, last: bool| {
            let encoding_done: Encoded<'_> = Box::new(beside(scope, move || {
                let files = on_every_core(&batch, |(piece, bytes)| {
                    Index::piece_file(*piece, bytes, encoding)
                });
                let pieces = batch.into_iter().map(|(piece, _)| piece);
                pieces.zip(files).collect::<Vec<_>>()
            }));
            let before = encoding_batch.replace(encoding_done);
            let encoded = before
                .into_iter()
                .chain(last.then(|| encoding_batch.take()).flatten());
            for (piece, bytes) in encoded.flat_map(|join| join()) {
                write(piece.file(), bytes)?;
            }
            Ok(())
        };
        let index = index.finish_with(|piece, bytes| {
            batch.push((piece, bytes));
            let held: usize = batch.iter().map(|(_, bytes)| bytes.len()).sum();
            match batch.len() < PIECE_BATCH && held < PIECE_BATCH_BYTES {
                true => Ok(()),
                false => hand_on(std::mem::take(&mut batch), false),
            }
        })?;
        hand_on(batch, true)?;
        Ok(index)
    })?;
    let facets = crate::query::Facet::ALL;
    let files = on_every_core(&facets, |&facet| index.facet_to_bytes(facet, encoding));
    for (facet, bytes) in facets.iter().zip(files) {
        write(facet.file(), bytes)?;
    }
    index.forget_pieces();
    Ok(Packed {
        index: index.to_bytes(),
        lists: Vec::new(),
        pieces: Vec::new(),
        facets: Vec::new(),
        chunks: Vec::new(),
    })
}

/// Each release of `0..count` from `full`, with what the index takes from
/// it: read and decoded on a thread of its own where the build has threads
/// (the CLI; at a million releases this was about a third of the packing
/// thread's time), and split into words on every core, a batch at a time
/// (on that one thread, it was more than the packing thread's own work);
/// one after the other where it has no threads (the wasm). Stops at the
/// first error, which it hands on.
fn read_ahead<'scope, 'a: 'scope, E: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    count: usize,
    mut full: impl FnMut(usize) -> Result<Cow<'a, Release>, E> + Send + 'scope,
    aliases: &'scope Aliases,
) -> impl Iterator<Item = Result<(Cow<'a, Release>, IndexedDoc), E>> + 'scope {
    let index = move |read: Result<Cow<'a, Release>, E>| {
        read.map(|release| {
            let indexed = IndexedDoc::of(&release, aliases);
            (release, indexed)
        })
    };
    #[cfg(feature = "ingest")]
    {
        use rayon::prelude::*;
        // Releases read ahead in batches of this many, at most this many
        // batches waiting (about 1,000 releases).
        const READ_AHEAD: usize = 64;
        const READ_AHEAD_BATCHES: usize = 16;
        let (send, batches) = std::sync::mpsc::sync_channel(READ_AHEAD_BATCHES);
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(READ_AHEAD);
            for doc in 0..count {
                let one = full(doc);
                let failed = one.is_err();
                batch.push(one);
                if batch.len() == READ_AHEAD || doc + 1 == count || failed {
                    let read = std::mem::replace(&mut batch, Vec::with_capacity(READ_AHEAD));
                    let indexed: Vec<_> = read.into_par_iter().map(index).collect();
                    // The packing stopped (an error of its own): so does this.
                    if send.send(indexed).is_err() || failed {
                        return;
                    }
                }
            }
        });
        batches.into_iter().flatten()
    }
    #[cfg(not(feature = "ingest"))]
    {
        let _ = scope;
        (0..count).map(move |doc| index(full(doc)))
    }
}

/// Chunk files encoded at once (in parallel where the build has threads),
/// then handed on in order: about 13 MB of records at a time.
const CHUNK_BATCH: usize = 64;

/// Starts `work` beside the caller and gives what waits for its result:
/// on a thread of its own where the build has threads (the CLI), done at
/// once where it has not (the wasm).
fn beside<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> impl FnOnce() -> T + 'scope {
    #[cfg(feature = "ingest")]
    {
        let running = scope.spawn(work);
        move || {
            running
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        }
    }
    #[cfg(not(feature = "ingest"))]
    {
        let _ = scope;
        let done = work();
        move || done
    }
}

/// Pieces encoded at once (in parallel where the build has threads): a
/// piece is at most a few MB.
const PIECE_BATCH: usize = 16;
/// ... and at most about this many bytes of them: two pieces of positions
/// (2 MiB each), one per core, rather than sixteen (32 MiB held at the
/// build's peak, beside the index builder's postings).
const PIECE_BATCH_BYTES: usize = 4 << 20;

/// `f` of each item, in order: on every core where the build has threads
/// (the CLI), one after the other where it has not (the wasm).
pub(crate) fn on_every_core<T: Sync, U: Send>(
    items: &[T],
    f: impl Fn(&T) -> U + Sync + Send,
) -> Vec<U> {
    #[cfg(feature = "ingest")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "ingest"))]
    {
        items.iter().map(f).collect()
    }
}

/// The chunk files of `batch`, in order. Compressing is a third of packing's
/// own time (after ingest): natively it runs on every core.
fn encode_chunks<R: Borrow<Release> + Sync>(batch: &[R], encoding: Encoding) -> Vec<Vec<u8>> {
    let chunks: Vec<&[R]> = batch.chunks(CHUNK_SIZE).collect();
    on_every_core(&chunks, |chunk| records::write_as(chunk, encoding))
}

/// The data folder's name in a site: `dateline pack --out` fills it, and the
/// app downloads it from beside its page.
pub const DATA_FOLDER: &str = "data";
/// The Atom feed's file in a site (`dateline pack --feed`).
pub const FEED_FILE: &str = "feed.xml";

/// Packs a corpus into the data folder's files, handing each to `write` as
/// it is made (the chunks `r/N.bin` and the list's pieces `l/N.bin` first,
/// then the pieces `t/N.bin` and `p/N.bin`, the facets `f/<facet>.bin`, and
/// `index.bin`), by its path in the data folder. The one list of
/// what a data folder holds: the CLI writes it to disk, the import worker
/// to the device and into a zip.
pub fn pack_files_with<E: Send>(
    mut releases: Vec<Release>,
    encoding: Encoding,
    write: impl FnMut(DataFile) -> Result<(), E>,
) -> Result<(), E> {
    sort_newest_first(&mut releases);
    pack_files_sorted(
        Outline::of(&releases),
        |i| Ok(Cow::Borrowed(&releases[i])),
        encoding,
        write,
    )
}

/// [`pack_files_with`] for a corpus given as [`pack_sorted`] takes it.
pub fn pack_files_sorted<'a, E: Send>(
    outline: Outline,
    full: impl FnMut(usize) -> Result<Cow<'a, Release>, E> + Send,
    encoding: Encoding,
    mut write: impl FnMut(DataFile) -> Result<(), E>,
) -> Result<(), E> {
    let packed = pack_sorted(outline, full, encoding, |path, bytes| {
        write(DataFile { path, bytes })
    })?;
    write(DataFile {
        path: "index.bin".to_string(),
        bytes: packed.index,
    })
}

/// The data folder's files of a corpus (see [`pack_files_with`]), the
/// chunks' bodies stored as they are.
pub fn pack_files(releases: Vec<Release>) -> Vec<DataFile> {
    let mut files = Vec::new();
    let written = pack_files_with(releases, Encoding::Stored, |f| {
        files.push(f);
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(()) = written;
    files
}

/// What `dateline pack --feed feed.xml --base BASE` writes for a corpus, by
/// path from the site's root: the feed (when `feed_base` is given: its
/// links and ids as [`crate::feed::atom`] makes them from that base), then
/// the data folder's files (`data/list.bin`, `data/r/0.bin`, …), each
/// handed to `write` as it is made.
#[cfg(feature = "extract")]
pub fn site_files_with<E: Send>(
    mut releases: Vec<Release>,
    feed_base: Option<&str>,
    encoding: Encoding,
    write: impl FnMut(DataFile) -> Result<(), E>,
) -> Result<(), E> {
    sort_newest_first(&mut releases);
    let full = |i| Ok(Cow::Borrowed(&releases[i]));
    site_files_sorted(Outline::of(&releases), full, feed_base, encoding, write)
}

/// [`site_files_with`] for a corpus given as [`pack_sorted`] takes it: the
/// feed reads the full records of the newest releases only.
#[cfg(feature = "extract")]
pub fn site_files_sorted<'a, E: Send>(
    outline: Outline,
    mut full: impl FnMut(usize) -> Result<Cow<'a, Release>, E> + Send,
    feed_base: Option<&str>,
    encoding: Encoding,
    mut write: impl FnMut(DataFile) -> Result<(), E>,
) -> Result<(), E> {
    use crate::feed;
    if let Some(base) = feed_base {
        // The feed's entries: the newest releases dated to the day, which
        // come first in this order too.
        let mut newest = Vec::new();
        for (i, date) in outline.dates.iter().enumerate() {
            if newest.len() == feed::FEED_LIMIT {
                break;
            }
            if date.is_some_and(PartialDate::is_day) {
                newest.push(full(i)?.into_owned());
            }
        }
        let xml = feed::atom(&newest, feed::FEED_TITLE, base, None, feed::FEED_LIMIT);
        write(DataFile {
            path: FEED_FILE.to_string(),
            bytes: xml.into_bytes(),
        })?;
    }
    pack_files_sorted(outline, full, encoding, |f| {
        write(DataFile {
            path: format!("{DATA_FOLDER}/{}", f.path),
            bytes: f.bytes,
        })
    })
}

/// The site's files of a corpus (see [`site_files_with`]), the chunks'
/// bodies gzip-compressed: what `dateline pack` writes (the import worker's
/// "Download as a site"), each body unpacking to the same bytes (the CLI's
/// deflate is zlib-rs, the worker's miniz_oxide).
#[cfg(all(feature = "extract", feature = "gzip"))]
pub fn site_files(releases: Vec<Release>, feed_base: Option<&str>) -> Vec<DataFile> {
    let mut files = Vec::new();
    let written = site_files_with(releases, feed_base, Encoding::Gzip, |f| {
        files.push(f);
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(()) = written;
    files
}

/// The list records and the index of a packed corpus, all decoded (tests,
/// tools; the app reads records one by one through [`List`]). Every piece
/// of the list must be given.
pub fn unpack(
    lists: Vec<(String, Vec<u8>)>,
    index: Vec<u8>,
    pieces: Vec<(String, Vec<u8>)>,
) -> Result<(Vec<Release>, Index), DecodeError> {
    let index = Index::from_bytes(index)?;
    index.add_pieces(pieces)?;
    let list = List::from_files(lists, index.len())?;
    if !list.is_whole() {
        return Err(DecodeError {
            file: frame::LIST.file,
            offset: 0,
            expected: "every piece of the list (l/0.bin, l/1.bin, …)",
        });
    }
    let releases = (0..list.len() as u32)
        .filter_map(|doc| list.get(doc, &index))
        .collect();
    Ok((releases, index))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `dateline pack` packs the outline of its summaries and records read
    /// back from disk; the files must be those of the corpus packed in
    /// memory, feed included.
    #[cfg(feature = "ingest")]
    #[test]
    fn packing_summaries_with_records_read_back_writes_the_same_files() {
        use crate::import::ImportFile;
        use crate::ingest::spill::summary;
        let files = crate::generate::generate(700, 7)
            .into_iter()
            .map(|(name, text)| ImportFile::new(name, text.into_bytes()))
            .collect();
        let releases = crate::ingest::memory::ingest_files(files, Vec::new()).releases;
        assert!(releases.iter().any(|r| r
            .organisations
            .iter()
            .any(|o| o.name.is_some() && o.acronym.is_some())));
        let base = Some("https://example.org/");
        let collect = |files: &mut Vec<DataFile>, f: DataFile| {
            files.push(f);
            Ok::<(), std::convert::Infallible>(())
        };
        let mut in_memory = Vec::new();
        let Ok(()) = site_files_with(releases.clone(), base, Encoding::Stored, |f| {
            collect(&mut in_memory, f)
        });

        let mut sorted = releases;
        sort_newest_first(&mut sorted);
        let summaries: Vec<Release> = sorted.iter().map(|r| summary(&mut r.clone())).collect();
        assert!(summaries.iter().all(|s| s.body.is_empty()));
        let mut read_back = Vec::new();
        let full = |i: usize| Ok(Cow::Owned(sorted[i].clone()));
        let outline = Outline::of(&summaries);
        let Ok(()) = site_files_sorted(outline, full, base, Encoding::Stored, |f| {
            collect(&mut read_back, f)
        });
        assert_eq!(in_memory.len(), read_back.len());
        for (a, b) in in_memory.iter().zip(&read_back) {
            assert_eq!(a.path, b.path);
            assert!(a.bytes == b.bytes, "{} differs", a.path);
        }
    }

    /// A record that cannot be read back stops the packing with its error,
    /// whichever read-ahead batch it falls in, and nothing after it is
    /// read; a write that fails stops the reading too (no hang).
    #[test]
    fn a_record_that_cannot_be_read_stops_the_packing_with_its_error() {
        let releases: Vec<Release> = (0..300)
            .map(|i| Release {
                id: format!("r{i}"),
                title: format!("Release {i} on smuggling"),
                ..Release::default()
            })
            .collect();
        // The first, the last, and either side of a batch's end.
        for failing in [0, 1, 63, 64, 200, 299] {
            let read = std::sync::atomic::AtomicUsize::new(0);
            let full = |i: usize| {
                read.fetch_max(i, std::sync::atomic::Ordering::Relaxed);
                match i == failing {
                    true => Err(format!("record {i}")),
                    false => Ok(Cow::Borrowed(&releases[i])),
                }
            };
            let packed = pack_sorted(
                Outline::of(&releases),
                full,
                Encoding::Stored,
                |_, _| Ok(()),
            );
            assert_eq!(packed.err(), Some(format!("record {failing}")));
            assert_eq!(read.into_inner(), failing);
        }
        let mut written = 0;
        let full = |i: usize| Ok::<_, String>(Cow::Borrowed(&releases[i]));
        let packed = pack_sorted(Outline::of(&releases), full, Encoding::Stored, |name, _| {
            written += 1;
            Err(format!("cannot write {name}"))
        });
        assert_eq!(packed.err(), Some("cannot write r/0.bin".to_string()));
        assert_eq!(written, 1);
    }

    #[test]
    fn the_data_mark_is_both_files_checksums_and_changes_with_the_data() {
        let one = pack(vec![Release {
            id: "a".into(),
            title: "A".into(),
            ..Release::default()
        }]);
        let two = pack(vec![Release {
            id: "b".into(),
            title: "B".into(),
            ..Release::default()
        }]);
        let mark = data_mark(&one.lists[0].1, &one.index);
        assert_eq!(mark.len(), 16);
        assert!(mark.chars().all(|c| c.is_ascii_hexdigit()), "{mark}");
        assert_eq!(mark, data_mark(&one.lists[0].1, &one.index));
        assert_ne!(mark, data_mark(&two.lists[0].1, &two.index));
        assert_eq!(data_mark(b"", b"ab"), "6162");
    }
}
