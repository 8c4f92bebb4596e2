//! The embedded corpus, decoded once and shared through a context provider.

use std::collections::HashMap;
use std::rc::Rc;

use dateline_core::query::Index;
use dateline_core::Release;

/// The corpus JSON written by build.rs from the releases folder.
const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

/// Why the embedded corpus could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CorpusError {
    #[error("the embedded release data is damaged (line {line}, column {column}): {message}")]
    Decode {
        line: usize,
        column: usize,
        message: String,
    },
}

/// All releases, newest first, with an index by id and the search index
/// (document ids are positions in `releases`).
pub struct Corpus {
    releases: Vec<Release>,
    by_id: HashMap<String, usize>,
    index: Index,
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
    /// Decodes the corpus embedded at build time.
    pub fn embedded() -> Result<Rc<Corpus>, CorpusError> {
        Self::from_json(EMBEDDED).map(Rc::new)
    }

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
        // Newest first; undated releases last; ties by id for a stable order.
        releases.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        let by_id = releases
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let index = Index::new(&releases);
        Corpus {
            releases,
            by_id,
            index,
        }
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
