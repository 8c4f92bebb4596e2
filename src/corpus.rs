//! The corpus, decoded once and shared through a context provider.
//!
//! The app downloads it (`data/list.bin`, `data/index.bin`, written by
//! `dateline pack` at build time): list records and a prebuilt index, so
//! nothing is indexed in the browser. Full records come from chunk files
//! when a detail view opens and stay cached here.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use dateline_core::pack::{self, CHUNK_SIZE};
use dateline_core::query::{DecodeError, Index};
use dateline_core::Release;

/// Why the corpus (or a part of it) could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CorpusError {
    #[error("the release data is damaged (line {line}, column {column}): {message}")]
    Decode {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the release data is damaged: {0}")]
    Damaged(DecodeError),
    #[error("could not load {file}: {reason}")]
    Unavailable { file: String, reason: String },
}

/// All releases, newest first, with an index by id and the search index
/// (document ids are positions in `releases`).
pub struct Corpus {
    releases: Vec<Release>,
    by_id: HashMap<String, usize>,
    index: Index,
    /// Whether `releases` are full records (else list records: the full ones
    /// are in chunk files).
    full: bool,
    /// Chunk files loaded so far, by chunk number.
    chunks: RefCell<HashMap<usize, Rc<[Release]>>>,
}

impl Default for Corpus {
    fn default() -> Corpus {
        Corpus::new(Vec::new())
    }
}

/// Corpora are built once and shared by `Rc`: equal when they hold the same records.
impl PartialEq for Corpus {
    fn eq(&self, other: &Corpus) -> bool {
        std::ptr::eq(self, other) || self.releases == other.releases
    }
}

impl std::fmt::Debug for Corpus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Corpus({} releases)", self.releases.len())
    }
}

impl Corpus {
    /// Full records given at once (tests, small embeds): indexed here.
    pub fn from_json(json: &str) -> Result<Corpus, CorpusError> {
        serde_json::from_str::<Vec<Release>>(json)
            .map(Corpus::new)
            .map_err(|e| CorpusError::Decode {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })
    }

    pub fn new(mut releases: Vec<Release>) -> Corpus {
        pack::sort_newest_first(&mut releases);
        let index = Index::new(&releases);
        Corpus::assemble(releases, index, true)
    }

    /// The downloaded list records and prebuilt index.
    pub fn from_pack(list: &[u8], index: Vec<u8>) -> Result<Corpus, CorpusError> {
        let (releases, index) = pack::unpack(list, index).map_err(CorpusError::Damaged)?;
        Ok(Corpus::assemble(releases, index, false))
    }

    fn assemble(releases: Vec<Release>, index: Index, full: bool) -> Corpus {
        let by_id = releases
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        Corpus {
            releases,
            by_id,
            index,
            full,
            chunks: RefCell::default(),
        }
    }

    /// The full record of a document, if it is at hand (else fetch
    /// [`Corpus::chunk_file`] and give it to [`Corpus::add_chunk`]).
    pub fn full(&self, doc: u32) -> Option<Release> {
        if self.full {
            return self.doc(doc).cloned();
        }
        let chunks = self.chunks.borrow();
        let chunk = chunks.get(&(doc as usize / CHUNK_SIZE))?;
        chunk.get(doc as usize % CHUNK_SIZE).cloned()
    }

    /// Whether the full record of `doc` is at hand.
    pub fn has_full(&self, doc: u32) -> bool {
        self.full
            || self
                .chunks
                .borrow()
                .contains_key(&(doc as usize / CHUNK_SIZE))
    }

    /// The data file with a document's full record, relative to the page.
    pub fn chunk_file(doc: u32) -> String {
        format!("data/{}", pack::chunk_file(doc))
    }

    /// Keeps a downloaded chunk file (JSON) for the documents it holds.
    pub fn add_chunk(&self, doc: u32, json: &str) -> Result<(), CorpusError> {
        let file = Corpus::chunk_file(doc);
        let records: Vec<Release> =
            serde_json::from_str(json).map_err(|e| CorpusError::Decode {
                line: e.line(),
                column: e.column(),
                message: format!("{file}: {e}"),
            })?;
        let first = doc as usize / CHUNK_SIZE * CHUNK_SIZE;
        let expected = self
            .releases
            .get(first..)
            .map_or(0, |r| r.len().min(CHUNK_SIZE));
        let matches = records.len() == expected
            && records
                .iter()
                .zip(&self.releases[first..])
                .all(|(full, listed)| full.id == listed.id);
        if !matches {
            return Err(CorpusError::Unavailable {
                file,
                reason: "it does not match the release list (files from another build?)".into(),
            });
        }
        self.chunks
            .borrow_mut()
            .insert(doc as usize / CHUNK_SIZE, records.into());
        Ok(())
    }

    pub fn releases(&self) -> &[Release] {
        &self.releases
    }

    pub fn get(&self, id: &str) -> Option<&Release> {
        self.position(id).and_then(|i| self.releases.get(i))
    }

    /// The position of a release in `releases()` (its document id in the index).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The release at a document id of the index.
    pub fn doc(&self, doc: u32) -> Option<&Release> {
        self.releases.get(doc as usize)
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn len(&self) -> usize {
        self.releases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.releases.is_empty()
    }
}
