//! `l/<k>.bin`: per release what the timeline shows (see the table in
//! `pack`), in pieces by document range, so that the app downloads the
//! records of the rows it shows and not the whole archive's: piece `k`
//! holds documents `k * n .. (k + 1) * n`, `n` = [`docs_per_piece`]. Each
//! piece is checked once when it is added, then read one record at a time.

use std::sync::OnceLock;

use super::frame::{self, Encoding, LIST as KIND};
use super::LEDE_LIMIT;
use crate::codec::{Reader, Writer};
use crate::date::PartialDate;
use crate::query::index::own_keys;
use crate::query::{DecodeError, Facet, Index};
use crate::text::release_slug;
use crate::{CountryMention, Dateline, Event, Release};

/// Documents per piece of a corpus larger than [`LEDE_LIMIT`]: about 60 kB
/// of records, 20 kB gzip, so that a screen of results from anywhere in a
/// million releases downloads a few hundred kB at most.
pub const LIST_PIECE_DOCS: usize = 512;

/// Documents per piece: a corpus of at most [`LEDE_LIMIT`] releases (whose
/// records carry ledes, so that every row's height needs its record) is one
/// piece, read at start as a whole; a larger one is cut every
/// [`LIST_PIECE_DOCS`].
pub fn docs_per_piece(n_docs: usize) -> usize {
    if n_docs <= LEDE_LIMIT {
        LEDE_LIMIT
    } else {
        LIST_PIECE_DOCS
    }
}

/// Whether a corpus's list records carry ledes.
pub fn has_ledes(n_docs: usize) -> bool {
    n_docs <= LEDE_LIMIT
}

/// One piece of the list records: every piece of list arithmetic the app
/// needs, so that it never computes document ranges of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ListPiece(pub u32);

impl ListPiece {
    /// The first piece: the newest releases, downloaded at start.
    pub const FIRST: ListPiece = ListPiece(0);

    /// The piece holding document `doc` of a corpus of `n_docs`; None for a
    /// document the corpus does not have.
    pub fn of(doc: u32, n_docs: usize) -> Option<ListPiece> {
        let per = docs_per_piece(n_docs);
        ((doc as usize) < n_docs).then(|| ListPiece((doc as usize / per) as u32))
    }

    /// How many pieces a corpus of `n_docs` has: at least one (an empty
    /// corpus has an empty first piece, so that start-up reads the same files).
    pub fn count(n_docs: usize) -> usize {
        n_docs.div_ceil(docs_per_piece(n_docs)).max(1)
    }

    /// The documents it holds in a corpus of `n_docs`.
    pub fn docs(self, n_docs: usize) -> std::ops::Range<u32> {
        let per = docs_per_piece(n_docs);
        let first = (self.0 as usize).saturating_mul(per).min(n_docs);
        let end = first.saturating_add(per).min(n_docs);
        first as u32..end as u32
    }

    /// Its file, relative to the data folder (`l/3.bin`).
    pub fn file(self) -> String {
        format!("l/{}.bin", self.0)
    }

    /// The piece a file name (`l/3.bin`) names.
    pub fn from_file(name: &str) -> Option<ListPiece> {
        let k = name.strip_prefix("l/")?.strip_suffix(".bin")?;
        // Digits only, as `file` writes them (no sign, no spaces).
        if k.is_empty() || !k.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        k.parse().ok().map(ListPiece)
    }
}

/// How a date is written in a list record. The index's date key spells every
/// [`PartialDate`], so the writer leaves all dates to it; the reader still
/// takes an ISO string (kind 2), as files from before dates were checked had.
const DATE_FROM_INDEX: u32 = 0;
const DATE_NONE: u32 = 1;
const DATE_AS_WRITTEN: u32 = 2;

/// Writes the list's pieces one release at a time, in document order: each
/// piece is handed back as a file when it is full.
pub(super) struct ListWriter {
    n_docs: usize,
    encoding: Encoding,
    ledes: bool,
    piece: u32,
    /// This piece's records so far.
    records: Writer,
    in_piece: usize,
    /// This piece's places, in order of first use: a table, then one small
    /// number per release.
    places: Vec<String>,
    /// This piece's country and topic keys, the same way.
    keys: Vec<String>,
}

impl ListWriter {
    pub fn new(n_docs: usize, encoding: Encoding) -> ListWriter {
        ListWriter {
            n_docs,
            encoding,
            ledes: has_ledes(n_docs),
            piece: 0,
            records: Writer::default(),
            in_piece: 0,
            places: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// A writer of the pieces from `piece` on (`dateline add`
    /// writes again the last piece of the build and those after it).
    #[cfg(feature = "extract")]
    pub fn starting_at(n_docs: usize, encoding: Encoding, piece: ListPiece) -> ListWriter {
        ListWriter {
            piece: piece.0,
            ..ListWriter::new(n_docs, encoding)
        }
    }

    /// The next release's record; a piece's file (name, bytes) once it is full.
    pub fn push(&mut self, r: &Release) -> Option<(String, Vec<u8>)> {
        // Left out when the id is the natural one (most releases): the reader
        // derives it from the date and title with the same function.
        let natural = release_slug(r.date, &r.title);
        let place = city(r).map(|c| number(&mut self.places, c));
        let chips = [Facet::Country, Facet::Topic].map(|facet| {
            own_keys(facet, r)
                .iter()
                .map(|k| number(&mut self.keys, k))
                .collect::<Vec<_>>()
        });
        let w = &mut self.records;
        w.opt_str(Some(r.id.as_str()).filter(|id| *id != natural));
        w.str(&r.title);
        w.varint(match r.date {
            Some(_) => DATE_FROM_INDEX,
            None => DATE_NONE,
        });
        w.varint(place.map_or(0, |p| p as u32 + 1));
        if self.ledes {
            w.str(r.body.first().map_or("", String::as_str));
        }
        w.len(r.events.len());
        for e in &r.events {
            w.str(&e.start.to_string());
            w.opt_str(e.end.map(|d| d.to_string()).as_deref());
            w.str(&e.text);
        }
        for numbers in chips {
            w.u32s(numbers.into_iter().map(|n| n as u32));
        }
        self.in_piece += 1;
        (self.in_piece == docs_per_piece(self.n_docs)).then(|| self.cut())
    }

    /// The last piece, unless the last `push` handed it back already (an
    /// empty corpus has one empty piece).
    pub fn finish(mut self) -> Option<(String, Vec<u8>)> {
        (self.in_piece > 0 || self.piece == 0).then(|| self.cut())
    }

    fn cut(&mut self) -> (String, Vec<u8>) {
        let mut w = Writer::default();
        w.varint(self.piece);
        w.len(self.in_piece);
        w.varint(u32::from(self.ledes));
        for table in [&self.places, &self.keys] {
            w.len(table.len());
            table.iter().for_each(|p| w.str(p));
        }
        w.buf
            .extend_from_slice(&std::mem::take(&mut self.records).buf);
        let file = ListPiece(self.piece).file();
        self.piece += 1;
        self.in_piece = 0;
        self.places.clear();
        self.keys.clear();
        (file, frame::write(&KIND, self.encoding, &w.buf))
    }
}

fn city(r: &Release) -> Option<&str> {
    r.dateline.as_ref()?.city.as_deref()
}

/// `s`'s number in `table`, added at the end when new. A piece's tables are
/// short (the places and chips of 512 releases): a linear search.
fn number(table: &mut Vec<String>, s: &str) -> usize {
    match table.iter().position(|t| t == s) {
        Some(n) => n,
        None => {
            table.push(s.to_string());
            table.len() - 1
        }
    }
}

/// One piece's records, checked, with where each begins.
struct Records {
    bytes: Vec<u8>,
    first_doc: u32,
    /// Where each document's record starts.
    offsets: Vec<u32>,
    places: Vec<String>,
    /// Country and topic keys, numbered by the records.
    keys: Vec<String>,
    ledes: bool,
}

/// The list records of a corpus: the pieces added so far (the app adds
/// those its rows show; tools and tests add them all). A list record is
/// made only for a row on screen, so a piece costs its bytes and an offset
/// per release, not a record each.
pub struct List {
    n_docs: usize,
    pieces: Vec<OnceLock<Records>>,
}

/// A record's date: as written, or spelled by the index's date key.
fn date_of(raw: &RawRecord<'_>, doc: u32, index: &Index) -> Option<PartialDate> {
    match raw.date {
        // Dated: key 0 can only be year 0000.
        None => index.date(doc).or_else(|| PartialDate::of_year(0)),
        Some(written) => written,
    }
}

/// A record's id: as written, else its natural id.
fn id_of(raw: &RawRecord<'_>, doc: u32, index: &Index) -> String {
    match raw.id {
        Some(id) => id.to_string(),
        None => release_slug(date_of(raw, doc, index), raw.title),
    }
}

/// One record's fields as they sit in the file.
struct RawRecord<'a> {
    id: Option<&'a str>,
    title: &'a str,
    date: Option<Option<PartialDate>>,
    place: usize,
    lede: Option<&'a str>,
    /// Offset and count of the events.
    events: (usize, usize),
    /// Offset of the country numbers, then the topic numbers.
    chips: usize,
}

impl List {
    /// The list of a corpus of `n_docs` releases, with no piece yet.
    pub fn new(n_docs: usize) -> List {
        List {
            n_docs,
            pieces: (0..ListPiece::count(n_docs))
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    /// The list with every piece of `files` (`(l/N.bin, its bytes)`) added:
    /// tools and tests. A gzip body needs the `gunzip` feature.
    pub fn from_files(
        files: impl IntoIterator<Item = (String, Vec<u8>)>,
        n_docs: usize,
    ) -> Result<List, DecodeError> {
        let list = List::new(n_docs);
        for (name, bytes) in files {
            let piece = ListPiece::from_file(&name).ok_or(DecodeError {
                file: KIND.file,
                offset: 0,
                expected: "a list piece's file name (l/N.bin)",
            })?;
            list.add_piece(piece, &bytes)?;
        }
        Ok(list)
    }

    /// Adds a piece, given as its whole file.
    pub fn add_piece(&self, piece: ListPiece, bytes: &[u8]) -> Result<(), DecodeError> {
        self.add_piece_body(piece, frame::unpack(&KIND, bytes)?)
    }

    /// Adds a piece, given as its file's body unpacked. Checks every record
    /// (so a damaged piece fails when it arrives, with its offset). A piece
    /// already here is kept as it was.
    pub fn add_piece_body(&self, piece: ListPiece, body: Vec<u8>) -> Result<(), DecodeError> {
        let slot = self.pieces.get(piece.0 as usize).ok_or(DecodeError {
            file: KIND.unpacked,
            offset: 0,
            expected: "a piece of this list (files from one build)",
        })?;
        let records = parse(piece, body, self.n_docs)?;
        let _ = slot.set(records);
        Ok(())
    }

    /// The pieces holding `docs` that are not here, in order, once each.
    pub fn missing(&self, docs: impl IntoIterator<Item = u32>) -> Vec<ListPiece> {
        // Few pieces per call (a screen of rows, a date's releases): a
        // linear check, and the crate's own sort (the standard one adds
        // kilobytes of wasm per type).
        let mut missing: Vec<ListPiece> = Vec::new();
        for piece in docs
            .into_iter()
            .filter_map(|d| ListPiece::of(d, self.n_docs))
        {
            if missing.last() != Some(&piece) && !missing.contains(&piece) && !self.has_piece(piece)
            {
                missing.push(piece);
            }
        }
        crate::order::sort_by_key(&mut missing, |p| p.0);
        missing
    }

    /// Whether a piece is here.
    pub fn has_piece(&self, piece: ListPiece) -> bool {
        self.pieces
            .get(piece.0 as usize)
            .is_some_and(|p| p.get().is_some())
    }

    /// Whether a document's record is here.
    pub fn has(&self, doc: u32) -> bool {
        self.records_of(doc).is_some()
    }

    /// Whether every piece is here.
    pub fn is_whole(&self) -> bool {
        self.pieces.iter().all(|p| p.get().is_some())
    }

    /// Every piece of the list, in order.
    pub fn pieces(&self) -> impl Iterator<Item = ListPiece> {
        (0..self.pieces.len() as u32).map(ListPiece)
    }

    pub fn len(&self) -> usize {
        self.n_docs
    }

    pub fn is_empty(&self) -> bool {
        self.n_docs == 0
    }

    fn records_of(&self, doc: u32) -> Option<&Records> {
        let piece = ListPiece::of(doc, self.n_docs)?;
        self.pieces.get(piece.0 as usize)?.get()
    }

    fn raw(&self, doc: u32) -> Option<(&Records, RawRecord<'_>)> {
        let records = self.records_of(doc)?;
        let at = *records
            .offsets
            .get(doc.checked_sub(records.first_doc)? as usize)? as usize;
        let mut r = Reader::new(&records.bytes, KIND.unpacked);
        r.at = at;
        let (n_places, n_keys) = (records.places.len(), records.keys.len());
        let raw = raw_record(&mut r, records.ledes, n_places, n_keys).ok()?;
        Some((records, raw))
    }

    /// Whether a document's list record has a lede to show (only lists of
    /// at most [`super::LEDE_LIMIT`] releases carry them), without making it.
    pub fn has_lede(&self, doc: u32) -> bool {
        self.raw(doc)
            .and_then(|(_, r)| r.lede)
            .is_some_and(|l| !l.trim().is_empty())
    }

    /// A document's id, without making its record (None while its piece is
    /// not here).
    pub fn id(&self, doc: u32, index: &Index) -> Option<String> {
        let (_, raw) = self.raw(doc)?;
        Some(id_of(&raw, doc, index))
    }

    /// The documents whose id may be `id`, nearest first: those dated as a
    /// natural id (`2019-04-17-…`) begins, found through the index's dates
    /// without any list piece; every document when the id does not begin
    /// with a date the corpus has (an id written in the release itself).
    /// Documents appended after the build (`dateline add`) are not
    /// in date order: those dated as the id are candidates too.
    pub fn candidates(&self, id: &str, index: &Index) -> Candidates {
        let numbered = 0..index.first_appended().min(self.n_docs as u32);
        let appended = numbered.end..self.n_docs as u32;
        let date = if id.starts_with("undated-") {
            Some(None)
        } else {
            [10, 7, 4]
                .into_iter()
                .filter(|&n| id.as_bytes().get(n) == Some(&b'-'))
                .find_map(|n| PartialDate::parse(id.get(..n)?).map(Some))
        };
        let key = date.map(|d| d.map_or(0, PartialDate::key));
        Candidates {
            numbered: self.numbered_candidates(key, index, numbered),
            appended: appended
                .filter(|&d| key.is_none_or(|key| index.date_key(d) == key))
                .collect(),
        }
    }

    /// The documents of `numbered` (numbered newest first) dated `key`;
    /// all of them when none is, or no date was given.
    fn numbered_candidates(
        &self,
        key: Option<u32>,
        index: &Index,
        all: std::ops::Range<u32>,
    ) -> std::ops::Range<u32> {
        let Some(key) = key else {
            return all;
        };
        // Documents are numbered newest first by date key (undated, 0, last).
        let keys = |d: u32| index.date_key(d);
        let first = partition(all.clone(), |d| keys(d) > key);
        let end = partition(all.clone(), |d| keys(d) >= key);
        if first < end {
            first..end
        } else {
            all
        }
    }

    /// The events a document mentions (None while its piece is not here).
    pub fn events(&self, doc: u32) -> Option<Vec<Event>> {
        let (records, raw) = self.raw(doc)?;
        events_of(records, &raw)
    }

    /// A document's list record: what the timeline shows; countries and
    /// topics come from the index's facets. None while its piece is not here.
    pub fn get(&self, doc: u32, index: &Index) -> Option<Release> {
        let (records, raw) = self.raw(doc)?;
        let events = events_of(records, &raw)?;
        let mut r = Reader::new(&records.bytes, KIND.unpacked);
        r.at = raw.chips;
        let mut keys = || -> Option<Vec<&str>> {
            let numbers = r.u32s().ok()?;
            let keys = numbers.into_iter().map(|n| records.keys.get(n as usize));
            keys.map(|k| k.map(String::as_str)).collect()
        };
        let (countries, topics) = (keys()?, keys()?);
        // Named as the index names them (the first label a release gave).
        let countries = countries
            .into_iter()
            .map(|code| CountryMention {
                code: code.to_string(),
                name: index
                    .value(Facet::Country, code)
                    .map_or_else(|| code.to_string(), |v| v.label.to_string()),
                mentions: 0,
            })
            .collect();
        let topics = topics.into_iter().map(str::to_string).collect();
        let city = raw
            .place
            .checked_sub(1)
            .and_then(|p| records.places.get(p))
            .cloned();
        Some(Release {
            id: id_of(&raw, doc, index),
            title: raw.title.to_string(),
            date: date_of(&raw, doc, index),
            dateline: city.map(|city| Dateline {
                raw: String::new(),
                city: Some(city),
                country: None,
            }),
            body: raw
                .lede
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .into_iter()
                .collect(),
            countries,
            topics,
            events,
            ..Release::default()
        })
    }
}

/// The documents whose id may be one id ([`List::candidates`]): a range of
/// those numbered newest first, and those appended after the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidates {
    pub numbered: std::ops::Range<u32>,
    pub appended: Vec<u32>,
}

impl Candidates {
    pub fn len(&self) -> usize {
        self.numbered.len() + self.appended.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.numbered.clone().chain(self.appended.iter().copied())
    }
}

/// The first document of `docs` for which `before` is false (`before` is
/// true for a prefix of them).
fn partition(docs: std::ops::Range<u32>, before: impl Fn(u32) -> bool) -> u32 {
    let (mut lo, mut hi) = (docs.start, docs.end);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// A piece's body checked: its number, count, places and every record.
fn parse(piece: ListPiece, bytes: Vec<u8>, n_docs: usize) -> Result<Records, DecodeError> {
    let mut r = Reader::new(&bytes, KIND.unpacked);
    if r.varint()? != piece.0 {
        return Err(r.error("the piece that the file's name says"));
    }
    let docs = piece.docs(n_docs);
    let n = r.count(4)?;
    if n != docs.len() {
        return Err(r.error(
            "as many records as the piece holds of index.bin's releases (files from one build)",
        ));
    }
    let ledes = r.varint()? == 1;
    let mut table = || -> Result<Vec<String>, DecodeError> {
        let n = r.count(1)?;
        let mut strings = Vec::with_capacity(n);
        for _ in 0..n {
            strings.push(r.str()?.to_string());
        }
        Ok(strings)
    };
    let (places, keys) = (table()?, table()?);
    let mut offsets = Vec::with_capacity(n);
    for _ in 0..n {
        offsets.push(r.at as u32);
        raw_record(&mut r, ledes, places.len(), keys.len())?;
    }
    r.done()?;
    Ok(Records {
        bytes,
        first_doc: docs.start,
        offsets,
        places,
        keys,
        ledes,
    })
}

fn events_of(records: &Records, raw: &RawRecord<'_>) -> Option<Vec<Event>> {
    let mut r = Reader::new(&records.bytes, KIND.unpacked);
    r.at = raw.events.0;
    let mut events = Vec::with_capacity(raw.events.1);
    for _ in 0..raw.events.1 {
        events.push(Event {
            start: read_date(&mut r).ok()?,
            end: read_opt_date(&mut r).ok()?,
            text: r.str().ok()?.to_string(),
        });
    }
    Some(events)
}

/// Reads (and checks) one record; `date` is `None` when the index's date
/// key spells it.
fn raw_record<'a>(
    r: &mut Reader<'a>,
    ledes: bool,
    n_places: usize,
    n_keys: usize,
) -> Result<RawRecord<'a>, DecodeError> {
    let id = r.opt_str()?;
    let title = r.str()?;
    let date = match r.varint()? {
        DATE_FROM_INDEX => None,
        DATE_NONE => Some(None),
        DATE_AS_WRITTEN => Some(Some(read_date(r)?)),
        _ => return Err(r.error("a date kind (0, 1 or 2)")),
    };
    let place = r.varint()? as usize;
    if place > n_places {
        return Err(r.error("a place in the table of places"));
    }
    let lede = match ledes {
        true => Some(r.str()?),
        false => None,
    };
    let n_events = r.count(3)?;
    let events_at = r.at;
    for _ in 0..n_events {
        read_date(r)?;
        read_opt_date(r)?;
        r.str()?;
    }
    let chips = r.at;
    for _ in 0..2 {
        if r.u32s()?.iter().any(|&k| k as usize >= n_keys) {
            return Err(r.error("a country or topic in the piece's table"));
        }
    }
    Ok(RawRecord {
        id,
        title,
        date,
        place,
        lede,
        events: (events_at, n_events),
        chips,
    })
}

/// An ISO date string.
fn read_date(r: &mut Reader<'_>) -> Result<PartialDate, DecodeError> {
    let at = r.at;
    let s = r.str()?;
    iso_date(r, at, s)
}

/// An ISO date string, or none.
fn read_opt_date(r: &mut Reader<'_>) -> Result<Option<PartialDate>, DecodeError> {
    let at = r.at;
    r.opt_str()?.map(|s| iso_date(r, at, s)).transpose()
}

/// `s`, read at `at`, as a date; else an error at `at`.
fn iso_date(r: &mut Reader<'_>, at: usize, s: &str) -> Result<PartialDate, DecodeError> {
    PartialDate::parse(s).ok_or_else(|| {
        r.at = at;
        r.error("an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    })
}
