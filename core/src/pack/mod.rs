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
//! | `list.bin` | `DLLS` | 3 | per release what the timeline shows: id (left out when natural), title, date (left out when the index's date key spells it), place (index into a table), events; ledes while the corpus has at most [`LEDE_LIMIT`] releases | [`list`] |
//! | `index.bin` | `DLIX` | 4 | document dates (zigzag deltas), the term dictionary and postings (delta varints, read in place), six facets | [`index_file`] |
//! | `positions.bin` | `DLPS` | 4 | word positions per posting, for exact phrases; fetched after start | [`index_file`] |
//! | `r/<n>.bin` | `DLRC` | 1 | [`CHUNK_SIZE`] full records, every field of the record contract ([`chunk_file`]) | [`records`] |
//!
//! Documents are numbered newest first, in every file alike.

mod index_file;
pub mod list;
pub mod records;

pub use list::List;

use crate::import::DataFile;
use crate::query::{DecodeError, Index};
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
    pub list: Vec<u8>,
    pub index: Vec<u8>,
    pub positions: Vec<u8>,
    /// `(file name, full records as [`records`] writes them)`; empty from [`pack_with`],
    /// which hands them to a writer instead.
    pub chunks: Vec<(String, Vec<u8>)>,
}

/// Newest first; undated releases last; ties by id, so the order is stable.
pub fn sort_newest_first(releases: &mut [Release]) {
    releases.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
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

/// Packs a corpus (in any order) into the files the app reads.
pub fn pack(releases: Vec<Release>) -> Packed {
    let mut chunks = Vec::new();
    let packed = pack_with(releases, |name, bytes| {
        chunks.push((name, bytes));
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(mut packed) = packed;
    packed.chunks = chunks;
    packed
}

/// Packs a corpus, handing each chunk file `(name, bytes)` to `write_chunk`
/// as soon as it is made, so that a large corpus never holds every chunk in
/// memory at once (nor the built index once it is bytes). The `Packed` it
/// returns has no `chunks`: they went to `write_chunk`.
pub fn pack_with<E>(
    mut releases: Vec<Release>,
    mut write_chunk: impl FnMut(String, Vec<u8>) -> Result<(), E>,
) -> Result<Packed, E> {
    sort_newest_first(&mut releases);
    let (index, positions) = {
        let index = Index::new(&releases);
        (index.to_bytes(), index.positions_to_bytes())
    };
    let list = list::write(&releases, releases.len() <= LEDE_LIMIT);
    for (n, chunk) in releases.chunks(CHUNK_SIZE).enumerate() {
        let name = chunk_file((n * CHUNK_SIZE) as u32);
        write_chunk(name, records::write(chunk))?;
    }
    Ok(Packed {
        list,
        index,
        positions,
        chunks: Vec::new(),
    })
}

/// The data folder's name in a site: `dateline pack --out` fills it, and the
/// app downloads it from beside its page.
pub const DATA_FOLDER: &str = "data";
/// The Atom feed's file in a site (`dateline pack --feed`).
pub const FEED_FILE: &str = "feed.xml";

/// Packs a corpus into the data folder's files, handing each to `write` as
/// it is made (the chunks `r/N.bin` first, then `list.bin`, `index.bin`
/// and `positions.bin`), by its path in the data folder. The one list of
/// what a data folder holds: the CLI writes it to disk, the import worker
/// to the device and into a zip.
pub fn pack_files_with<E>(
    releases: Vec<Release>,
    mut write: impl FnMut(DataFile) -> Result<(), E>,
) -> Result<(), E> {
    let packed = pack_with(releases, |path, bytes| write(DataFile { path, bytes }))?;
    for (path, bytes) in [
        ("list.bin", packed.list),
        ("index.bin", packed.index),
        ("positions.bin", packed.positions),
    ] {
        write(DataFile {
            path: path.to_string(),
            bytes,
        })?;
    }
    Ok(())
}

/// The data folder's files of a corpus (see [`pack_files_with`]).
pub fn pack_files(releases: Vec<Release>) -> Vec<DataFile> {
    let mut files = Vec::new();
    let written = pack_files_with(releases, |f| {
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
pub fn site_files_with<E>(
    releases: Vec<Release>,
    feed_base: Option<&str>,
    mut write: impl FnMut(DataFile) -> Result<(), E>,
) -> Result<(), E> {
    use crate::feed;
    if let Some(base) = feed_base {
        let xml = feed::atom(&releases, feed::FEED_TITLE, base, None, feed::FEED_LIMIT);
        write(DataFile {
            path: FEED_FILE.to_string(),
            bytes: xml.into_bytes(),
        })?;
    }
    pack_files_with(releases, |f| {
        write(DataFile {
            path: format!("{DATA_FOLDER}/{}", f.path),
            bytes: f.bytes,
        })
    })
}

/// The site's files of a corpus (see [`site_files_with`]).
#[cfg(feature = "extract")]
pub fn site_files(releases: Vec<Release>, feed_base: Option<&str>) -> Vec<DataFile> {
    let mut files = Vec::new();
    let written = site_files_with(releases, feed_base, |f| {
        files.push(f);
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(()) = written;
    files
}

/// The list records and the index of a packed corpus, all decoded (tests,
/// tools; the app reads records one by one through [`List`]).
pub fn unpack(
    list: &[u8],
    index: Vec<u8>,
    positions: Option<Vec<u8>>,
) -> Result<(Vec<Release>, Index), DecodeError> {
    let index = Index::from_bytes(index)?;
    if let Some(positions) = positions {
        index.add_positions(positions)?;
    }
    let list = List::parse(list.to_vec(), &index)?;
    let releases = (0..list.len() as u32)
        .filter_map(|doc| list.get(doc, &index))
        .collect();
    Ok((releases, index))
}
