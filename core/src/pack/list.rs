//! `list.bin`: per release what the timeline shows (see the table in
//! `pack`), read one record at a time, after one checked pass at start.

use crate::codec::{Reader, Writer};
use crate::date::PartialDate;
use crate::query::{DecodeError, Facet, Index};
use crate::text::release_slug;
use crate::{CountryMention, Dateline, Event, Release};

const LIST_MAGIC: &[u8; 4] = b"DLLS";
/// 2: the id is left out when it is the release's natural id (`release_slug`);
/// 3: a checksum at the end.
const LIST_VERSION: u32 = 3;

/// How a date is written in `list.bin`. The index's date key spells every
/// [`PartialDate`], so the writer leaves all dates to it; the reader still
/// takes an ISO string (kind 2), as files from before dates were checked had.
const DATE_FROM_INDEX: u32 = 0;
const DATE_NONE: u32 = 1;
const DATE_AS_WRITTEN: u32 = 2;

/// Writes `list.bin` one release at a time, in document order, after a
/// table of places made from every release's summary.
pub(super) struct ListWriter {
    w: Writer,
    places: Vec<String>,
    ledes: bool,
}

impl ListWriter {
    /// `summaries`: every release (at least its dateline), in any order.
    pub fn new(summaries: &[Release], ledes: bool) -> ListWriter {
        let mut w = Writer::default();
        w.magic(LIST_MAGIC, LIST_VERSION);
        w.len(summaries.len());
        w.varint(u32::from(ledes));
        // Places are few: a table, then one small number per release.
        let mut places: Vec<&str> = summaries.iter().filter_map(city).collect();
        places.sort_unstable();
        places.dedup();
        w.len(places.len());
        places.iter().for_each(|p| w.str(p));
        let places = places.into_iter().map(str::to_string).collect();
        ListWriter { w, places, ledes }
    }

    /// The next release's record.
    pub fn push(&mut self, r: &Release) {
        let w = &mut self.w;
        // Left out when the id is the natural one (most releases): the reader
        // derives it from the date and title with the same function.
        let natural = release_slug(r.date, &r.title);
        w.opt_str(Some(r.id.as_str()).filter(|id| *id != natural));
        w.str(&r.title);
        w.varint(match r.date {
            Some(_) => DATE_FROM_INDEX,
            None => DATE_NONE,
        });
        let place = city(r).and_then(|c| self.places.binary_search_by(|p| p.as_str().cmp(c)).ok());
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
    }

    pub fn finish(self) -> Vec<u8> {
        self.w.finish()
    }
}

fn city(r: &Release) -> Option<&str> {
    r.dateline.as_ref()?.city.as_deref()
}

/// `list.bin`, checked once and then read one record at a time: a list
/// record is made only for a row on screen, so 100,000 releases cost their
/// bytes and an offset each, not 100,000 allocated records.
pub struct List {
    bytes: Vec<u8>,
    /// Where each document's record starts.
    offsets: Vec<u32>,
    places: Vec<String>,
    ledes: bool,
}

/// One record's fields as they sit in the file.
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

struct RawRecord<'a> {
    id: Option<&'a str>,
    title: &'a str,
    date: Option<Option<PartialDate>>,
    place: usize,
    lede: Option<&'a str>,
    /// Offset and count of the events.
    events: (usize, usize),
}

impl List {
    /// Checks every record (so a damaged file fails at start, with its
    /// offset) and notes where each begins.
    pub fn parse(bytes: Vec<u8>, index: &Index) -> Result<List, DecodeError> {
        let mut r = Reader::new(&bytes, "list.bin");
        r.magic(LIST_MAGIC, LIST_VERSION)?;
        r.checksummed()?;
        let n = r.count(4)?;
        if n != index.len() {
            return Err(r.error("as many releases as index.bin (files from one build)"));
        }
        let ledes = r.varint()? == 1;
        let n_places = r.count(1)?;
        let mut places = Vec::with_capacity(n_places);
        for _ in 0..n_places {
            places.push(r.str()?.to_string());
        }
        let mut offsets = Vec::with_capacity(n);
        for _ in 0..n {
            offsets.push(r.at as u32);
            raw_record(&mut r, ledes, n_places)?;
        }
        r.done()?;
        Ok(List {
            bytes,
            offsets,
            places,
            ledes,
        })
    }

    pub fn len(&self) -> usize {
        self.offsets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.offsets.is_empty()
    }

    fn raw(&self, doc: u32) -> Option<RawRecord<'_>> {
        let at = *self.offsets.get(doc as usize)? as usize;
        let mut r = Reader::new(&self.bytes, "list.bin");
        r.at = at;
        raw_record(&mut r, self.ledes, self.places.len()).ok()
    }

    /// Whether a document's list record has a lede to show (only lists of
    /// at most [`super::LEDE_LIMIT`] releases carry them), without making it.
    pub fn has_lede(&self, doc: u32) -> bool {
        self.ledes
            && self
                .raw(doc)
                .and_then(|r| r.lede)
                .is_some_and(|l| !l.trim().is_empty())
    }

    /// A document's id, without making its record.
    pub fn id(&self, doc: u32, index: &Index) -> Option<String> {
        let raw = self.raw(doc)?;
        Some(id_of(&raw, doc, index))
    }

    /// The events a document mentions.
    pub fn events(&self, doc: u32) -> Option<Vec<Event>> {
        self.events_of(&self.raw(doc)?)
    }

    fn events_of(&self, raw: &RawRecord<'_>) -> Option<Vec<Event>> {
        let mut r = Reader::new(&self.bytes, "list.bin");
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

    /// A document's list record: what the timeline shows; countries and
    /// topics come from the index's facets.
    pub fn get(&self, doc: u32, index: &Index) -> Option<Release> {
        let raw = self.raw(doc)?;
        let events = self.events_of(&raw)?;
        let countries = index
            .values_of(Facet::Country, doc)
            .into_iter()
            .map(|v| CountryMention {
                code: v.key.to_string(),
                name: v.label.to_string(),
                mentions: 0,
            })
            .collect();
        let topics = index
            .values_of(Facet::Topic, doc)
            .into_iter()
            .map(|v| v.key.to_string())
            .collect();
        let city = raw
            .place
            .checked_sub(1)
            .and_then(|p| self.places.get(p))
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

/// Reads (and checks) one record; `date` is `None` when the index's date
/// key spells it.
fn raw_record<'a>(
    r: &mut Reader<'a>,
    ledes: bool,
    n_places: usize,
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
    Ok(RawRecord {
        id,
        title,
        date,
        place,
        lede,
        events: (events_at, n_events),
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
