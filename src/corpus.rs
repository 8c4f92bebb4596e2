//! The corpus, decoded once and shared through a context provider.
//!
//! The app downloads it (`data/index.bin` and `data/l/0.bin`, written by
//! `dateline pack` at build time): a prebuilt index and the list records of
//! the newest releases, so nothing is indexed in the browser. The other
//! pieces of the list (`data/l/`) come when rows show their releases, full
//! records from chunk files when a detail view opens, the pieces of the
//! postings (`data/t/`) when a query's words need them, and of the word
//! positions (`data/p/`) when a quoted phrase does; all stay here.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use dateline_core::import::DataFile;
use dateline_core::pack::{self, Chunk, List, ListPiece};
use dateline_core::query::{DecodeError, Facet, Filter, Index, Piece, Stream};
use dateline_core::{Event, Release};

/// Why the corpus (or a part of it) could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CorpusError {
    /// A chunk of full records (`DecodeError` names files by kind, this one by path).
    #[error("the release data is damaged: {file} at byte {offset}: expected {expected}")]
    Decode {
        file: String,
        offset: usize,
        expected: &'static str,
    },
    #[error("the release data is damaged: {0}")]
    Damaged(DecodeError),
    #[error("could not load {file}: {reason}")]
    Unavailable { file: String, reason: String },
}

/// A piece of the index that could not be used: which part it was of
/// (what the notice says is missing), and why.
#[derive(Debug, Clone, PartialEq)]
pub struct PieceFailed {
    pub part: Part,
    pub error: CorpusError,
}

/// The parts of the index that come in files of their own, when needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `d/<k>.bin`: the words, and where each one's postings start.
    Dictionary,
    /// `t/<k>.bin`: which releases have each word.
    Postings,
    /// `p/<k>.bin`: where the words are, for quoted phrases.
    Positions,
    /// `f/<facet>.bin`: which releases have each country, organisation, ….
    Facets,
}

impl From<Stream> for Part {
    fn from(stream: Stream) -> Part {
        match stream {
            Stream::Dictionary => Part::Dictionary,
            // The appended releases' pieces are the same kind to a reader.
            Stream::Postings | Stream::AddedPostings => Part::Postings,
            Stream::Positions | Stream::AddedPositions => Part::Positions,
        }
    }
}

/// The records behind the document ids of the index.
enum Records {
    /// Full records (tests, or given at once).
    Full(Vec<Release>),
    /// The downloaded pieces of the list: records are made when asked for.
    Packed(List),
}

/// Where a release id stands: its document, or the pieces of the list to
/// fetch before it can be told, or nowhere in this corpus.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Found(u32),
    Needs(Vec<ListPiece>),
    Absent,
}

/// All releases, newest first, with the search index (document ids are
/// positions in that order) and the full records downloaded so far.
pub struct Corpus {
    records: Records,
    index: Index,
    /// Id → document over the records at hand, made on the first lookup of
    /// an id that its date does not place (an id written in the release),
    /// and made again once more pieces of the list are here: (pieces, map).
    by_id: RefCell<(usize, HashMap<String, u32>)>,
    /// Pieces of the list asked for so far.
    lists_asked: RefCell<HashSet<ListPiece>>,
    /// Facets whose relation was asked for so far, and those that failed.
    facets_asked: RefCell<HashSet<Facet>>,
    facets_failed: RefCell<HashSet<Facet>>,
    /// Pieces of the list that could not be used, and why: their rows say so.
    lists_failed: RefCell<HashMap<ListPiece, CorpusError>>,
    /// Chunk files loaded so far.
    chunks: RefCell<HashMap<Chunk, Rc<[Release]>>>,
    /// Pieces asked for so far (here, on the way, or failed: a failed piece
    /// is not asked for again, the notice says why).
    pieces_asked: RefCell<HashSet<Piece>>,
    /// The filter whose pieces were asked for last: a query superseded
    /// since asks for no more.
    pieces_latest: RefCell<Option<Filter>>,
    /// Pieces that could not be used: a query does not wait for them.
    pieces_failed: RefCell<HashSet<Piece>>,
    /// Data files at hand rather than on the server (releases imported on
    /// this device), by path (`data/r/0.bin`); each is taken when first read.
    local: RefCell<HashMap<String, Vec<u8>>>,
    /// Whether the data came from this device: its pieces are kept, as
    /// there is nowhere to fetch them from again.
    imported: bool,
}

impl Default for Corpus {
    fn default() -> Corpus {
        Corpus::assemble(Records::Full(Vec::new()), Index::empty())
    }
}

/// Corpora are built once and shared by `Rc`: equal when they are the same one.
impl PartialEq for Corpus {
    fn eq(&self, other: &Corpus) -> bool {
        std::ptr::eq(self, other)
            || match (&self.records, &other.records) {
                (Records::Full(a), Records::Full(b)) => a == b,
                _ => false,
            }
    }
}

impl std::fmt::Debug for Corpus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Corpus({} releases)", self.len())
    }
}

impl Corpus {
    pub fn new(mut releases: Vec<Release>) -> Corpus {
        pack::sort_newest_first(&mut releases);
        let index = Index::new(&releases);
        Corpus::assemble(Records::Full(releases), index)
    }

    /// The downloaded prebuilt index and first piece of the list (`l/0.bin`,
    /// its body unpacked); the other pieces follow ([`Corpus::add_list_piece`]).
    pub fn from_pack(first_list: Vec<u8>, index: Vec<u8>) -> Result<Corpus, CorpusError> {
        let index = Index::from_bytes(index).map_err(CorpusError::Damaged)?;
        let corpus = Corpus::assemble(Records::Packed(List::new(index.len())), index);
        corpus.add_list_piece(ListPiece::FIRST, first_list)?;
        Ok(corpus)
    }

    /// The data files of a set made on this device (the import worker's
    /// `Ready`), by their paths in the data folder: decoded as the
    /// downloaded ones are; the chunk files wait until a view reads them.
    pub fn from_files(files: Vec<DataFile>) -> Result<Corpus, CorpusError> {
        let mut local: HashMap<String, Vec<u8>> = files
            .into_iter()
            .map(|f| (format!("data/{}", f.path), f.bytes))
            .collect();
        let mut take = |file: &str| {
            local.remove(file).ok_or_else(|| CorpusError::Unavailable {
                file: file.into(),
                reason: "the import did not make it".into(),
            })
        };
        let first = Corpus::list_piece_file(ListPiece::FIRST);
        let (list, index) = (take(&first)?, take("data/index.bin")?);
        // The import worker stores its files' bodies as they are. (Not
        // `frame::unpack`: where the core can inflate, that links an
        // inflater into the app, about 40 kB brotli.)
        let list = pack::frame::open(&pack::frame::LIST, &list)
            .and_then(|body| match body.encoding {
                pack::Encoding::Stored => Ok(body.bytes.to_vec()),
                pack::Encoding::Gzip => Err(DecodeError {
                    file: pack::frame::LIST.file,
                    offset: 0,
                    expected: "a stored body (the import worker's files)",
                }),
            })
            .map_err(CorpusError::Damaged)?;
        let mut corpus = Corpus::from_pack(list, index)?;
        *corpus.local.borrow_mut() = local;
        corpus.imported = true;
        Ok(corpus)
    }

    /// A data file at hand (see [`Corpus::from_files`]), taken: the caller
    /// keeps what it decodes.
    pub fn take_local(&self, file: &str) -> Option<Vec<u8>> {
        self.local.borrow_mut().remove(file)
    }

    fn assemble(records: Records, index: Index) -> Corpus {
        Corpus {
            records,
            index,
            by_id: RefCell::default(),
            lists_asked: RefCell::default(),
            facets_asked: RefCell::default(),
            facets_failed: RefCell::default(),
            lists_failed: RefCell::default(),
            chunks: RefCell::default(),
            pieces_asked: RefCell::default(),
            pieces_latest: RefCell::default(),
            pieces_failed: RefCell::default(),
            local: RefCell::default(),
            imported: false,
        }
    }

    /// The pieces (dictionary, postings, positions) that `filter`'s query needs and
    /// that nobody has asked for yet, now marked as asked for: fetch each
    /// ([`Corpus::piece_file`]) and give it to [`Corpus::add_piece`] (or
    /// to [`Corpus::piece_failed`]). None when every piece it needs is here
    /// (one reading of the filter per keystroke). Past a budget, pieces that
    /// `filter` does not read are let go first ([`Index::trim_pieces`]), so
    /// that a long session's memory stays bounded.
    pub fn pieces_to_fetch(&self, filter: &Filter) -> Option<Vec<Piece>> {
        *self.pieces_latest.borrow_mut() = Some(filter.clone());
        if !self.imported {
            let gone = self.index.trim_pieces(filter);
            let mut asked = self.pieces_asked.borrow_mut();
            gone.iter().for_each(|p| {
                asked.remove(p);
            });
        }
        let mut pieces = self.index.missing_pieces(filter);
        if pieces.is_empty() {
            return None;
        }
        let mut asked = self.pieces_asked.borrow_mut();
        pieces.retain(|&p| asked.insert(p));
        Some(pieces)
    }

    /// Whether `filter` is the query whose pieces were asked for last (no
    /// keystroke has superseded it).
    pub fn is_latest_pieces_query(&self, filter: &Filter) -> bool {
        self.pieces_latest.borrow().as_ref() == Some(filter)
    }

    /// Whether the results of `filter` would change when pieces on the way
    /// arrive: its words' pieces of the dictionary or postings are missing
    /// and have not failed. Until then the timeline keeps its last results
    /// and says it is searching; positions are not waited for (a phrase
    /// matches as all its words).
    pub fn waits_for_pieces(&self, filter: &Filter) -> bool {
        let failed = self.pieces_failed.borrow();
        self.index.missing_pieces(filter).iter().any(|p| {
            !matches!(p.stream, Stream::Positions | Stream::AddedPositions) && !failed.contains(p)
        })
    }

    /// Whether every piece that `filter`'s query needs is here.
    pub fn has_pieces_for(&self, filter: &Filter) -> bool {
        self.index.has_pieces_for(filter)
    }

    /// A piece's file, relative to the page (`data/t/0.bin`).
    pub fn piece_file(piece: Piece) -> String {
        format!("data/{}", piece.file())
    }

    /// Adds a piece: its file's body, unpacked (`Download::unpacked`).
    pub fn add_piece(&self, piece: Piece, body: Vec<u8>) -> Result<(), CorpusError> {
        self.index
            .add_piece_body(piece, body)
            .map_err(|e| CorpusError::Decode {
                file: format!("{} (its body, unpacked)", Corpus::piece_file(piece)),
                offset: e.offset,
                expected: e.expected,
            })
    }

    /// Notes that a piece could not be used: queries stop waiting for it.
    pub fn piece_failed(&self, piece: Piece) {
        self.pieces_failed.borrow_mut().insert(piece);
    }

    /// The facets whose relation (`f/<facet>.bin`: which releases have which
    /// value) is missing and that nobody has asked for yet, now marked as
    /// asked for: fetch each ([`Corpus::facet_file`]) and give it to
    /// [`Corpus::add_facet`] (or to [`Corpus::facet_failed`]). Views that
    /// count a narrowed set, select values, or show an entity's or a
    /// release's page ask for them all.
    pub fn facets_to_fetch(&self) -> Vec<Facet> {
        let mut asked = self.facets_asked.borrow_mut();
        let missing = self.index.missing_facets();
        missing.into_iter().filter(|&f| asked.insert(f)).collect()
    }

    /// A facet's file, relative to the page (`data/f/country.bin`).
    pub fn facet_file(facet: Facet) -> String {
        format!("data/{}", facet.file())
    }

    /// Adds a facet's relation: its file's body, unpacked.
    pub fn add_facet(&self, facet: Facet, body: Vec<u8>) -> Result<(), CorpusError> {
        self.index
            .add_facet_body(facet, body)
            .map_err(|e| CorpusError::Decode {
                file: format!("{} (its body, unpacked)", Corpus::facet_file(facet)),
                offset: e.offset,
                expected: e.expected,
            })
    }

    /// Notes that a facet's relation could not be used: nothing waits for it.
    pub fn facet_failed(&self, facet: Facet) {
        self.facets_failed.borrow_mut().insert(facet);
    }

    /// Whether the matches of `filter` would change when facets on the way
    /// arrive: it selects values (or compares entities) of a facet whose
    /// relation is missing and has not failed.
    pub fn waits_for_facets(&self, filter: &Filter) -> bool {
        self.index
            .missing_facets_for(filter)
            .into_iter()
            .any(|f| self.waits_for_facet(f))
    }

    /// Whether `facet`'s file is still to come (not here, and not failed).
    pub fn waits_for_facet(&self, facet: Facet) -> bool {
        !self.index.has_facet(facet) && !self.facets_failed.borrow().contains(&facet)
    }

    /// Whether no facet's relation is still to come (here, or failed).
    pub fn has_every_facet(&self) -> bool {
        !Facet::ALL.into_iter().any(|f| self.waits_for_facet(f))
    }

    /// The record at a document id of the index: in full, or the list record
    /// (what the timeline shows) of a downloaded corpus.
    pub fn doc(&self, doc: u32) -> Option<Release> {
        match &self.records {
            Records::Full(releases) => releases.get(doc as usize).cloned(),
            Records::Packed(list) => list.get(doc, &self.index),
        }
    }

    pub fn get(&self, id: &str) -> Option<Release> {
        self.position(id).and_then(|d| self.doc(d as u32))
    }

    /// The document id of a release id, if the records at hand tell it.
    pub fn position(&self, id: &str) -> Option<usize> {
        match self.lookup(id) {
            Lookup::Found(doc) => Some(doc as usize),
            _ => None,
        }
    }

    /// Where a release id stands. A natural id (`2019-04-17-…`) is looked
    /// for among the releases of its date, which the index places without
    /// any record; any other id, or one not found there, among every
    /// release, once every piece of the list is here (the pieces it needs
    /// are named, and a failed piece does not hold the answer up).
    pub fn lookup(&self, id: &str) -> Lookup {
        let list = match &self.records {
            Records::Full(_) => return self.by_id(id).map_or(Lookup::Absent, Lookup::Found),
            Records::Packed(list) => list,
        };
        let dated = list.candidates(id, &self.index);
        if dated.len() < self.len() {
            if let Some(doc) = dated.iter().find(|&d| self.id(d).as_deref() == Some(id)) {
                return Lookup::Found(doc);
            }
            let missing = self.usable(list.missing(dated.iter()));
            if !missing.is_empty() {
                return Lookup::Needs(missing);
            }
        }
        if let Some(doc) = self.by_id(id) {
            return Lookup::Found(doc);
        }
        match self.every_missing_record() {
            missing if missing.is_empty() => Lookup::Absent,
            missing => Lookup::Needs(missing),
        }
    }

    /// Pieces of `missing` that have not failed.
    fn usable(&self, mut missing: Vec<ListPiece>) -> Vec<ListPiece> {
        let failed = self.lists_failed.borrow();
        missing.retain(|p| !failed.contains_key(p));
        missing
    }

    /// The document of an id among the records at hand (see `by_id`).
    fn by_id(&self, id: &str) -> Option<u32> {
        let here = match &self.records {
            Records::Full(_) => 1,
            Records::Packed(list) => list.pieces().filter(|&p| list.has_piece(p)).count(),
        };
        let mut by_id = self.by_id.borrow_mut();
        if by_id.0 != here {
            let docs = (0..self.len() as u32).filter_map(|d| Some((self.id(d)?, d)));
            *by_id = (here, docs.collect());
        }
        by_id.1.get(id).copied()
    }

    /// The pieces of the list holding `docs` that are missing and that
    /// nobody has asked for yet, now marked as asked for: fetch each
    /// ([`Corpus::list_piece_file`]) and give it to
    /// [`Corpus::add_list_piece`] (or to [`Corpus::list_piece_failed`]).
    pub fn list_pieces_to_fetch(&self, pieces: Vec<ListPiece>) -> Vec<ListPiece> {
        let mut asked = self.lists_asked.borrow_mut();
        pieces.into_iter().filter(|&p| asked.insert(p)).collect()
    }

    /// The pieces of the list that `docs`' records are in and that are not
    /// here (nor failed).
    pub fn missing_records(&self, docs: impl IntoIterator<Item = u32>) -> Vec<ListPiece> {
        match &self.records {
            Records::Full(_) => Vec::new(),
            Records::Packed(list) => self.usable(list.missing(docs)),
        }
    }

    /// Whether a document's list record is here.
    pub fn has_record(&self, doc: u32) -> bool {
        match &self.records {
            Records::Full(releases) => (doc as usize) < releases.len(),
            Records::Packed(list) => list.has(doc),
        }
    }

    /// Why a document's list record could not be had, if it could not.
    pub fn record_failed(&self, doc: u32) -> Option<CorpusError> {
        let piece = ListPiece::of(doc, self.len())?;
        self.lists_failed.borrow().get(&piece).cloned()
    }

    /// Every piece of the list that is not here (nor failed).
    pub fn every_missing_record(&self) -> Vec<ListPiece> {
        match &self.records {
            Records::Full(_) => Vec::new(),
            Records::Packed(list) => {
                self.usable(list.pieces().filter(|&p| !list.has_piece(p)).collect())
            }
        }
    }

    /// Whether no list record is still to come (the events of every release
    /// are then known: an event filter reads them all); a piece that failed
    /// is not waited for.
    pub fn has_every_record(&self) -> bool {
        self.every_missing_record().is_empty()
    }

    /// A piece of the list's file, relative to the page (`data/l/0.bin`).
    pub fn list_piece_file(piece: ListPiece) -> String {
        format!("data/{}", piece.file())
    }

    /// Adds a piece of the list: its file's body, unpacked.
    pub fn add_list_piece(&self, piece: ListPiece, body: Vec<u8>) -> Result<(), CorpusError> {
        let Records::Packed(list) = &self.records else {
            return Ok(());
        };
        list.add_piece_body(piece, body)
            .map_err(|e| CorpusError::Decode {
                file: format!("{} (its body, unpacked)", Corpus::list_piece_file(piece)),
                offset: e.offset,
                expected: e.expected,
            })
    }

    /// Notes that a piece of the list could not be used, and why.
    pub fn list_piece_failed(&self, piece: ListPiece, error: CorpusError) {
        self.lists_failed.borrow_mut().insert(piece, error);
    }

    /// Whether a document's card shows a lede (a list record of a large
    /// corpus has none), without making its record.
    pub fn has_lede(&self, doc: u32) -> bool {
        match &self.records {
            Records::Full(releases) => releases
                .get(doc as usize)
                .is_some_and(|r| r.body.iter().any(|p| !p.trim().is_empty())),
            Records::Packed(list) => list.has_lede(doc),
        }
    }

    /// The events a document mentions (without making its whole record).
    pub fn events(&self, doc: u32) -> Vec<Event> {
        match &self.records {
            Records::Full(releases) => releases
                .get(doc as usize)
                .map(|r| r.events.clone())
                .unwrap_or_default(),
            Records::Packed(list) => list.events(doc).unwrap_or_default(),
        }
    }

    fn id(&self, doc: u32) -> Option<String> {
        match &self.records {
            Records::Full(releases) => releases.get(doc as usize).map(|r| r.id.clone()),
            Records::Packed(list) => list.id(doc, &self.index),
        }
    }

    /// The full record of a document, if it is at hand (else fetch
    /// [`Corpus::chunk_file`] and give it to [`Corpus::add_chunk`]).
    pub fn full(&self, doc: u32) -> Option<Release> {
        if let Records::Full(releases) = &self.records {
            return releases.get(doc as usize).cloned();
        }
        let chunks = self.chunks.borrow();
        let records = chunks.get(&Chunk::of(doc, self.len())?)?;
        records.get(Chunk::slot(doc)).cloned()
    }

    /// Whether the full record of `doc` is at hand.
    pub fn has_full(&self, doc: u32) -> bool {
        matches!(self.records, Records::Full(_))
            || Chunk::of(doc, self.len()).is_some_and(|c| self.chunks.borrow().contains_key(&c))
    }

    /// The data file with a document's full record, relative to the page;
    /// none for a document the corpus does not have (there is nothing to fetch).
    pub fn chunk_file(&self, doc: u32) -> Option<String> {
        Chunk::of(doc, self.len()).map(|c| format!("data/{}", c.file()))
    }

    /// Keeps the records of a downloaded chunk file for the documents it
    /// holds: its body, unpacked (`Download::chunk_body`,
    /// `pack::records::open`).
    pub fn add_chunk(&self, doc: u32, body: &[u8]) -> Result<(), CorpusError> {
        let chunk = Chunk::of(doc, self.len()).ok_or_else(|| CorpusError::Unavailable {
            file: "data/r".into(),
            reason: format!("there is no release number {doc}"),
        })?;
        let file = format!("data/{}", chunk.file());
        let records = pack::records::read_body(body).map_err(|e| CorpusError::Decode {
            file: format!("{file} (its body, unpacked)"),
            offset: e.offset,
            expected: e.expected,
        })?;
        let matches = records.len() == chunk.len(self.len())
            && (chunk.first_doc()..)
                .zip(&records)
                // Checked against the list records at hand (their piece
                // may come later).
                .all(|(d, full)| self.id(d).is_none_or(|id| id == full.id));
        if !matches {
            return Err(CorpusError::Unavailable {
                file,
                reason: "it does not match the release list (files from another build?)".into(),
            });
        }
        self.chunks.borrow_mut().insert(chunk, records.into());
        Ok(())
    }

    /// Drops the full records downloaded so far (the pre-renderer keeps one
    /// chunk file's at a time).
    pub fn forget_full(&self) {
        self.chunks.borrow_mut().clear();
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
