//! `r/<n>.bin`: the full records of up to [`super::CHUNK_SIZE`] releases,
//! every field of the record contract in order, in the packed byte format.
//! Read when a detail view opens, an export needs the text, or a previous
//! build is reused; the app decodes it without a JSON parser (serde_json
//! cost the app's start-up download about 25 kB brotli).
//!
//! The records (their count, then each record: the *body*) are stored as
//! they are or gzip-compressed inside the file, after a plain header: the
//! build compresses (text is most of a site's bytes: a million releases
//! made 3.2 GB of chunks), the browser unpacks with its own
//! `DecompressionStream`, so the app links no inflater. The import worker
//! stores its chunks as they are: they stay on the device or go into a zip,
//! which compresses them anyway.
//!
//! ```text
//! "DLRC" version(2) encoding(0 stored | 1 gzip) body_len  body_bytes  adler32
//! ```

use super::frame::{self, RECORDS as KIND};
pub use super::frame::{Body, Encoding};
use crate::codec::{Reader, Writer};
use crate::date::PartialDate;
use crate::query::DecodeError;
use crate::{
    Contact, ContactKind, CountryMention, Dateline, Event, Money, Organisation, Person, Programme,
    Quote, Release,
};
use std::borrow::Borrow;

/// The largest body a chunk may declare: 64 releases of the 10 MB the
/// readers accept, twice over for the extracted fields.
pub const MAX_BODY_BYTES: usize = 2 * super::CHUNK_SIZE * crate::files::MAX_FILE_BYTES;

/// The chunk file of `releases`, in that order, its body stored as it is.
pub fn write<R: Borrow<Release>>(releases: &[R]) -> Vec<u8> {
    write_as(releases, Encoding::Stored)
}

/// The chunk file of `releases`, in that order, its body kept as `encoding`
/// says (where the `gzip` feature is missing, stored: only the CLI asks for
/// gzip, and it has the feature).
pub fn write_as<R: Borrow<Release>>(releases: &[R], encoding: Encoding) -> Vec<u8> {
    frame::write(&KIND, encoding, &body(releases))
}

/// The chunk file of `releases`, in that order, its body gzip-compressed.
#[cfg(feature = "gzip")]
pub fn write_gzip<R: Borrow<Release>>(releases: &[R]) -> Vec<u8> {
    write_as(releases, Encoding::Gzip)
}

/// The count and records of `releases`: what a chunk file keeps.
fn body<R: Borrow<Release>>(releases: &[R]) -> Vec<u8> {
    let mut w = Writer::default();
    w.len(releases.len());
    for r in releases {
        write_release(&mut w, r.borrow());
    }
    w.buf
}

/// Checks a chunk file's magic, version and checksum and finds its body.
pub fn open(bytes: &[u8]) -> Result<Body<'_>, DecodeError> {
    frame::open(&KIND, bytes)
}

/// The records of a chunk file, checked whole: magic, version, checksum,
/// every field, and nothing after the last record. A gzip body is unpacked
/// where the `gunzip` feature is built in (the CLI, the pre-renderer, tests);
/// the browser unpacks it itself (`browser/`) and calls [`read_body`].
pub fn read(bytes: &[u8]) -> Result<Vec<Release>, DecodeError> {
    read_body(&frame::unpack(&KIND, bytes)?)
}

/// A chunk file's body, checked and unpacked: what [`read_body`] reads.
#[cfg(feature = "gunzip")]
pub fn unpack(bytes: &[u8]) -> Result<Vec<u8>, DecodeError> {
    frame::unpack(&KIND, bytes)
}

fn write_release(w: &mut Writer, r: &Release) {
    w.str(&r.id);
    w.str(&r.source);
    w.str(&r.title);
    opt_date(w, r.date);
    match &r.dateline {
        None => w.varint(0),
        Some(d) => {
            w.varint(1);
            w.str(&d.raw);
            w.opt_str(d.city.as_deref());
            w.opt_str(d.country.as_deref());
        }
    }
    strs(w, &r.body);
    w.len(r.countries.len());
    for c in &r.countries {
        w.str(&c.code);
        w.str(&c.name);
        w.varint(c.mentions);
    }
    w.len(r.organisations.len());
    for o in &r.organisations {
        w.opt_str(o.name.as_deref());
        w.opt_str(o.acronym.as_deref());
    }
    w.len(r.people.len());
    for p in &r.people {
        w.str(&p.name);
        w.opt_str(p.role.as_deref());
    }
    w.len(r.quotes.len());
    for q in &r.quotes {
        w.str(&q.text);
        w.opt_str(q.speaker.as_deref());
    }
    w.len(r.events.len());
    for e in &r.events {
        opt_date(w, Some(e.start));
        opt_date(w, e.end);
        w.str(&e.text);
    }
    w.len(r.money.len());
    for m in &r.money {
        w.buf.extend_from_slice(&m.amount.to_bits().to_le_bytes());
        w.str(&m.currency);
        w.str(&m.text);
    }
    w.len(r.programmes.len());
    for p in &r.programmes {
        w.str(&p.name);
        w.opt_str(p.acronym.as_deref());
        opt_date(w, p.start);
        opt_date(w, p.end);
    }
    strs(w, &r.topics);
    w.len(r.contacts.len());
    for c in &r.contacts {
        w.varint(contact_kind_number(c.kind));
        w.str(&c.value);
    }
    strs(w, &r.warnings);
    strs(w, &r.footer);
    w.opt_str(r.url.as_deref());
    strs(w, &r.tags);
}

fn strs(w: &mut Writer, items: &[String]) {
    w.len(items.len());
    items.iter().for_each(|s| w.str(s));
}

/// 0 for none, else the date's key + 1 (key 0 is the year 0000).
fn opt_date(w: &mut Writer, date: Option<PartialDate>) {
    w.varint(date.map_or(0, |d| d.key().saturating_add(1)));
}

const CONTACT_KINDS: [ContactKind; 5] = [
    ContactKind::Email,
    ContactKind::Phone,
    ContactKind::Twitter,
    ContactKind::Url,
    ContactKind::Name,
];

fn contact_kind_number(kind: ContactKind) -> u32 {
    CONTACT_KINDS.iter().position(|&k| k == kind).unwrap_or(0) as u32
}

/// The records of a chunk's body, as [`open`] finds it when stored or as
/// it unpacks from gzip: every field, and nothing after the last record.
/// Offsets in errors count from the body's start.
pub fn read_body(raw: &[u8]) -> Result<Vec<Release>, DecodeError> {
    let mut r = Reader::new(raw, KIND.unpacked);
    // A record is at least 17 bytes (its counts and empty strings).
    let n = r.count(17)?;
    let mut releases = Vec::with_capacity(n);
    for _ in 0..n {
        releases.push(read_release(&mut r)?);
    }
    r.done()?;
    Ok(releases)
}

// Filled field by field into one record: on an error the record is dropped
// whole, where building it from locals had each `?` drop the fields read so
// far (for size: the app inlines this at opt-level 3, and those drops made
// most of its 13 kB).
#[allow(clippy::field_reassign_with_default)]
fn read_release(r: &mut Reader<'_>) -> Result<Release, DecodeError> {
    let mut release = Release::default();
    release.id = string(r)?;
    release.source = string(r)?;
    release.title = string(r)?;
    release.date = read_opt_date(r)?;
    release.dateline = match r.varint()? {
        0 => None,
        1 => Some(Dateline {
            raw: string(r)?,
            city: opt_string(r)?,
            country: opt_string(r)?,
        }),
        _ => return Err(r.error("0 (no dateline) or 1")),
    };
    release.body = read_strs(r)?;
    release.countries = list(r, 3, |r| {
        Ok(CountryMention {
            code: string(r)?,
            name: string(r)?,
            mentions: r.varint()?,
        })
    })?;
    release.organisations = list(r, 2, |r| {
        Ok(Organisation {
            name: opt_string(r)?,
            acronym: opt_string(r)?,
        })
    })?;
    release.people = list(r, 2, |r| {
        Ok(Person {
            name: string(r)?,
            role: opt_string(r)?,
        })
    })?;
    release.quotes = list(r, 2, |r| {
        Ok(Quote {
            text: string(r)?,
            speaker: opt_string(r)?,
        })
    })?;
    release.events = list(r, 3, |r| {
        let at = r.at;
        let start = read_opt_date(r)?.ok_or(DecodeError {
            file: KIND.unpacked,
            offset: at,
            expected: "an event's start date",
        })?;
        Ok(Event {
            start,
            end: read_opt_date(r)?,
            text: string(r)?,
        })
    })?;
    release.money = list(r, 10, |r| {
        let bytes = r.take(8, "an amount (8 bytes)")?;
        let mut bits = [0u8; 8];
        bits.copy_from_slice(bytes);
        Ok(Money {
            amount: f64::from_bits(u64::from_le_bytes(bits)),
            currency: string(r)?,
            text: string(r)?,
        })
    })?;
    release.programmes = list(r, 4, |r| {
        Ok(Programme {
            name: string(r)?,
            acronym: opt_string(r)?,
            start: read_opt_date(r)?,
            end: read_opt_date(r)?,
        })
    })?;
    release.topics = read_strs(r)?;
    release.contacts = list(r, 2, |r| {
        let kind = *CONTACT_KINDS
            .get(r.varint()? as usize)
            .ok_or_else(|| r.error("a contact kind (0 to 4)"))?;
        Ok(Contact {
            kind,
            value: string(r)?,
        })
    })?;
    release.warnings = read_strs(r)?;
    release.footer = read_strs(r)?;
    release.url = opt_string(r)?;
    release.tags = read_strs(r)?;
    Ok(release)
}

/// A list of items, each at least `min_bytes` long (so a damaged count
/// cannot allocate more than the file holds).
fn list<T>(
    r: &mut Reader<'_>,
    min_bytes: usize,
    mut item: impl FnMut(&mut Reader<'_>) -> Result<T, DecodeError>,
) -> Result<Vec<T>, DecodeError> {
    let n = r.count(min_bytes)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(item(r)?);
    }
    Ok(out)
}

fn read_strs(r: &mut Reader<'_>) -> Result<Vec<String>, DecodeError> {
    list(r, 1, string)
}

fn string(r: &mut Reader<'_>) -> Result<String, DecodeError> {
    r.str().map(str::to_string)
}

fn opt_string(r: &mut Reader<'_>) -> Result<Option<String>, DecodeError> {
    Ok(r.opt_str()?.map(str::to_string))
}

fn read_opt_date(r: &mut Reader<'_>) -> Result<Option<PartialDate>, DecodeError> {
    let at = r.at;
    match r.varint()? {
        0 => Ok(None),
        1 => Ok(PartialDate::of_year(0)),
        n => PartialDate::from_key(n - 1).map(Some).ok_or(DecodeError {
            file: KIND.unpacked,
            offset: at,
            expected: "a date (YYYYMMDD + 1)",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Release {
        let d = |s| PartialDate::parse(s).unwrap();
        Release {
            id: "2019-04-17-iran".into(),
            source: "a/b.txt".into(),
            title: "Iran and UNODC “meet”".into(),
            date: Some(d("2019-04-17")),
            dateline: Some(Dateline {
                raw: "VIENNA, 17 April 2019 -".into(),
                city: Some("Vienna".into()),
                country: Some("AT".into()),
            }),
            body: vec!["One.".into(), "Two \"quoted\" \u{1F600}".into()],
            countries: vec![CountryMention {
                code: "IR".into(),
                name: "Iran".into(),
                mentions: 3,
            }],
            organisations: vec![
                Organisation {
                    name: Some("United Nations Office on Drugs and Crime".into()),
                    acronym: Some("UNODC".into()),
                },
                Organisation {
                    name: None,
                    acronym: Some("IOM".into()),
                },
            ],
            people: vec![Person {
                name: "Ana Ruiz".into(),
                role: None,
            }],
            quotes: vec![Quote {
                text: "The numbers are rising.".into(),
                speaker: Some("Ana Ruiz".into()),
            }],
            events: vec![
                Event {
                    start: d("2018"),
                    end: Some(d("2022")),
                    text: "2018–2022".into(),
                },
                Event {
                    start: d("2015-03"),
                    end: None,
                    text: "since March 2015".into(),
                },
            ],
            money: vec![
                Money {
                    amount: 12_000_000.0,
                    currency: "EUR".into(),
                    text: "€12 million".into(),
                },
                Money {
                    amount: 1.25,
                    currency: "USD".into(),
                    text: "$1.25".into(),
                },
            ],
            programmes: vec![Programme {
                name: "Global Maritime Crime Programme".into(),
                acronym: Some("GMCP".into()),
                start: Some(d("2019")),
                end: None,
            }],
            topics: vec!["drugs".into()],
            contacts: vec![
                Contact {
                    kind: ContactKind::Email,
                    value: "a@b.org".into(),
                },
                Contact {
                    kind: ContactKind::Name,
                    value: "X".into(),
                },
            ],
            warnings: vec!["w".into()],
            footer: vec!["For more information".into()],
            url: Some("https://example.org/x".into()),
            tags: vec!["t".into()],
        }
    }

    #[test]
    fn records_round_trip_field_for_field() {
        let year_zero = Release {
            date: PartialDate::of_year(0),
            ..Release::default()
        };
        let releases = vec![full(), Release::default(), year_zero];
        assert_eq!(read(&write(&releases)).unwrap(), releases);
        assert_eq!(read(&write::<Release>(&[])).unwrap(), Vec::<Release>::new());
        assert_eq!(read(&write_gzip(&releases)).unwrap(), releases);
        assert_eq!(
            read(&write_gzip::<Release>(&[])).unwrap(),
            Vec::<Release>::new()
        );
    }

    #[test]
    fn a_gzip_body_is_smaller_and_unpacks_to_the_stored_body() {
        let releases = vec![full(); 64];
        let (stored, packed) = (write(&releases), write_gzip(&releases));
        assert!(
            packed.len() * 4 < stored.len(),
            "{} vs {}",
            packed.len(),
            stored.len()
        );
        let (stored, packed) = (open(&stored).unwrap(), open(&packed).unwrap());
        assert_eq!(stored.encoding, Encoding::Stored);
        assert_eq!(packed.encoding, Encoding::Gzip);
        assert_eq!(packed.unpacked_len, stored.bytes.len());
        assert_eq!(frame::gunzip(&KIND, &packed).unwrap(), stored.bytes);
        assert_eq!(read_body(stored.bytes).unwrap(), releases);
    }

    #[test]
    fn every_contact_kind_round_trips() {
        for kind in CONTACT_KINDS {
            let r = Release {
                contacts: vec![Contact {
                    kind,
                    value: "v".into(),
                }],
                ..Release::default()
            };
            assert_eq!(read(&write(std::slice::from_ref(&r))).unwrap(), vec![r]);
        }
    }

    #[test]
    fn damage_anywhere_is_an_error_with_its_offset_never_a_panic() {
        for bytes in [write(&[full(), full()]), write_gzip(&[full(), full()])] {
            for at in 0..bytes.len() {
                for flip in [0x01u8, 0x80, 0xFF] {
                    let mut damaged = bytes.clone();
                    damaged[at] ^= flip;
                    let e = read(&damaged).expect_err("a damaged byte is found");
                    assert_eq!(e.file, "r/N.bin");
                    assert!(e.offset <= bytes.len(), "{e}");
                }
            }
            for end in 0..bytes.len() {
                assert!(read(&bytes[..end]).is_err(), "cut at {end}");
            }
        }
    }

    /// A body that the checksum covers but that is wrong inside: the error
    /// counts in the body, and unpacking stops at the declared length.
    #[test]
    fn a_wrong_body_is_an_error_in_the_body() {
        let raw = body(&[full()]);
        let e = read(&frame::frame(
            &KIND,
            Encoding::Stored,
            raw.len(),
            &raw[..raw.len() - 1],
        ))
        .unwrap_err();
        assert!(e.expected.contains("as long as the header"), "{e}");
        let e = read(&frame::frame(
            &KIND,
            Encoding::Stored,
            raw.len() - 1,
            &raw[..raw.len() - 1],
        ))
        .unwrap_err();
        assert_eq!(e.file, "r/N.bin's body (unpacked)", "{e}");
        let zipped = open(&write_gzip(&[full()])).unwrap().bytes.to_vec();
        for claimed in [raw.len() - 1, raw.len() + 1, 0] {
            let e = read(&frame::frame(&KIND, Encoding::Gzip, claimed, &zipped)).unwrap_err();
            assert_eq!(e.file, "r/N.bin's body (unpacked)", "{e}");
            assert!(e.offset <= claimed, "{e}");
        }
        let e = read(&frame::frame(&KIND, Encoding::Gzip, raw.len(), b"not gzip")).unwrap_err();
        assert!(e.expected.contains("gzip"), "{e}");
        let e = read(&frame::frame(
            &KIND,
            Encoding::Stored,
            MAX_BODY_BYTES + 1,
            b"",
        ))
        .unwrap_err();
        assert!(e.expected.contains("at most"), "{e}");
        let mut other = write::<Release>(&[]);
        other[5] = 2;
        let other = {
            let mut w = Writer::default();
            w.buf.extend_from_slice(&other[..other.len() - 4]);
            w.finish()
        };
        assert!(read(&other).unwrap_err().expected.contains("encoding"));
    }

    #[test]
    fn another_file_or_version_says_so() {
        let e = read(b"DLLS\x03\x00\x00\x00\x00").unwrap_err();
        assert!(e.expected.contains("magic"), "{e}");
        let mut other = write::<Release>(&[]);
        other[4] = 9;
        assert!(read(&other).unwrap_err().expected.contains("version"));
    }
}
