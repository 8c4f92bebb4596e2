//! From files to records: read (text, Markdown, JSON), split the dateline,
//! run the extractors, assign ids.

#[cfg(feature = "ingest")]
pub mod built;
#[cfg(feature = "ingest")]
pub mod cache;
pub mod corpus;
pub mod dateline;
pub mod dates;
pub mod document;
pub mod ids;
pub mod memory;
pub mod read;
#[cfg(feature = "ingest")]
pub mod spill;
#[cfg(all(test, feature = "ingest"))]
mod temp_dir;

use std::path::Path;

pub use document::{Diagnostic, Document, Paragraph, Severity};

use crate::extract::{self, Text};
use crate::model::Release;

/// Why a file could not be read as a release at all. Printed as
/// `file:line: error: message`, or `file: error: message` when no line
/// applies (`line` 0: the file as a whole, e.g. it cannot be opened).
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("{}: error: {message}", location(file, *line))]
pub struct IngestError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A file rejected is an error among the other files' problems.
impl From<IngestError> for Diagnostic {
    fn from(e: IngestError) -> Diagnostic {
        Diagnostic {
            file: e.file,
            line: e.line,
            severity: Severity::Error,
            message: e.message,
        }
    }
}

/// One file's result: its releases, or why it was rejected.
pub type FileResult = Result<Vec<Ingested>, IngestError>;

/// A release together with the diagnostics (warnings) met while building it
/// (serialised in the build cache, `cache`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ingested {
    pub release: Release,
    pub diagnostics: Vec<Diagnostic>,
    /// The 1-based line the release starts on (its title, or its JSON record).
    pub line: usize,
}

/// `file:line`, or `file` alone when `line` is 0 (no line applies).
pub fn location(file: &str, line: usize) -> String {
    if line == 0 {
        file.to_string()
    } else {
        format!("{file}:{line}")
    }
}

/// Turns the bytes of one file into its releases (a JSON array gives several).
/// `source` is the path relative to the corpus folder; `path` decides the reader.
pub fn ingest_bytes(source: &str, path: &Path, bytes: &[u8]) -> Result<Vec<Ingested>, IngestError> {
    read::read(source, path, bytes).map(|docs| docs.into_iter().map(build).collect())
}

/// Runs dateline parsing and every extractor over one read document.
pub fn build(doc: read::ReadOutcome) -> Ingested {
    match doc {
        read::ReadOutcome::Record {
            release,
            line,
            absent,
        } if absent.is_empty() => Ingested {
            release: *release,
            diagnostics: Vec::new(),
            line,
        },
        read::ReadOutcome::Record {
            release,
            line,
            absent,
        } => complete_record(*release, line, &absent),
        read::ReadOutcome::Document(doc) => extract_document(doc),
    }
}

/// A JSON record with fields left out: those are extracted from its title,
/// body and footer; the fields it gives are kept as given.
fn complete_record(given: Release, line: usize, absent: &[&str]) -> Ingested {
    let paragraphs = |texts: &[String]| {
        texts
            .iter()
            .map(|t| Paragraph {
                text: t.clone(),
                line,
            })
            .collect()
    };
    let mut front = std::collections::BTreeMap::new();
    if !absent.contains(&"date") {
        if let Some(date) = &given.date {
            front.insert("date".to_string(), date.to_string());
        }
    }
    let doc = Document {
        source: given.source.clone(),
        front,
        title: given.title.clone(),
        title_line: line,
        paragraphs: paragraphs(&given.body),
        footer: paragraphs(&given.footer),
        ..Document::default()
    };
    let mut out = extract_document(doc);
    let found = std::mem::take(&mut out.release);
    let take = |field: &str| absent.contains(&field);
    out.release = Release {
        date: if take("date") { found.date } else { given.date },
        // The dateline is cut from the first paragraph only when it was read from it.
        body: if take("dateline") {
            found.body
        } else {
            given.body
        },
        dateline: if take("dateline") {
            found.dateline
        } else {
            given.dateline
        },
        countries: if take("countries") {
            found.countries
        } else {
            given.countries
        },
        organisations: if take("organisations") {
            found.organisations
        } else {
            given.organisations
        },
        people: if take("people") {
            found.people
        } else {
            given.people
        },
        quotes: if take("quotes") {
            found.quotes
        } else {
            given.quotes
        },
        events: if take("events") {
            found.events
        } else {
            given.events
        },
        money: if take("money") {
            found.money
        } else {
            given.money
        },
        programmes: if take("programmes") {
            found.programmes
        } else {
            given.programmes
        },
        topics: if take("topics") {
            found.topics
        } else {
            given.topics
        },
        contacts: if take("contacts") {
            found.contacts
        } else {
            given.contacts
        },
        warnings: if take("warnings") {
            found.warnings
        } else {
            given.warnings
        },
        ..given
    };
    if !take("warnings") {
        out.diagnostics.clear();
    }
    out
}

fn extract_document(doc: Document) -> Ingested {
    let mut diagnostics = doc.diagnostics.clone();
    let parsed = dateline::resolve(&doc, &mut diagnostics);
    let body: Vec<String> = parsed.body;
    let footer: Vec<String> = doc.footer.iter().map(|p| p.text.clone()).collect();
    let text = Text {
        title: &doc.title,
        body: &body,
        footer: &footer,
        dateline: parsed.dateline.as_ref(),
        date: parsed.date,
    };
    // The words of the text's pieces, read once for organisations and countries.
    let lowered = extract::countries::lowered_pieces(&text);
    let words = extract::countries::piece_words_lowered(&text, &lowered);
    // A front matter place that is not the dateline read from the text.
    let place = doc
        .front
        .get("place")
        .map(|p| p.trim())
        .filter(|p| !p.is_empty() && parsed.dateline.as_ref().is_some_and(|d| d.raw != *p));
    let organisations = extract::organisations::extract_from(&words);
    // The body paragraphs' tokens, read once for people, quotes and programmes.
    let tokens = extract::body_tokens(&text);
    let people = extract::people::extract_from(&text, &tokens, &organisations);
    let release = Release {
        // An explicit front matter id (checked by the Markdown reader) wins.
        id: doc.front.get("id").cloned().unwrap_or_default(),
        source: doc.source.clone(),
        title: doc.title.clone(),
        date: parsed.date,
        countries: extract::countries::extract_with_place(&words, place),
        quotes: extract::quotes::extract_from(&text, &tokens, &people, &organisations),
        events: extract::events::extract(&text),
        money: extract::money::extract(&text),
        programmes: extract::programmes::extract_from(&text, &tokens, &organisations),
        topics: extract::topics::extract(&text),
        contacts: extract::contacts::extract(&text),
        organisations,
        people,
        dateline: parsed.dateline,
        body,
        warnings: Vec::new(),
        footer,
        url: doc.front.get("url").cloned(),
        tags: doc
            .front
            .get("tags")
            .map(|t| read::split_tags(t))
            .unwrap_or_default(),
    };
    let mut ingested = Ingested {
        release,
        diagnostics,
        line: doc.title_line.max(1),
    };
    ingested.release.warnings = ingested
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.message.clone())
        .collect();
    ingested
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &[u8] = include_bytes!("../../../releases/000_34e2bc8e785f3bd9.txt");

    fn ingest_one(name: &str, bytes: &[u8]) -> Ingested {
        let mut out = ingest_bytes(name, Path::new(name), bytes).unwrap();
        assert_eq!(out.len(), 1);
        out.remove(0)
    }

    #[test]
    fn the_seed_end_to_end() {
        let Ingested {
            release: r,
            diagnostics,
            ..
        } = ingest_one("000_34e2bc8e785f3bd9.txt", SEED);
        assert_eq!(
            r.title,
            "Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters"
        );
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2019-04-17"));
        let d = r.dateline.as_ref().unwrap();
        assert_eq!(d.raw, "Vienna, Austria - 17 April 2019");
        assert_eq!(
            (d.city.as_deref(), d.country.as_deref()),
            (Some("Vienna"), Some("AT"))
        );
        // Nine paragraphs in the file, the funding note last; the footer is the contact block.
        assert_eq!(r.body.len(), 9);
        assert!(r.body[0].starts_with("UNODC hosted a high-level delegation"));
        assert!(r.body[1].starts_with("In a first for both counterparts"));
        assert_eq!(r.body[8], "This project is funded by the European Union.");
        assert_eq!(
            r.footer,
            ["For more information, please contact:", "Twitter: @glo_act"]
        );
        let text = String::from_utf8_lossy(SEED);
        for p in r.body.iter().skip(1) {
            assert!(text.lines().any(|l| l == p), "not verbatim: {p}");
        }
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let mut rs = vec![r];
        ids::assign_ids(&mut rs);
        assert_eq!(
            rs[0].id,
            "2019-04-17-islamic-republic-of-iran-and-unodc-to-increase"
        );
    }

    #[test]
    fn a_json_record_gets_the_fields_it_leaves_out_from_its_text() {
        let json = r#"{"title": "Ministers meet", "date": "2024-06-12", "body": [
            "Belgrade, Serbia, 12 June 2024 - Ministers from Albania met the Regional Cooperation Council (RCC), which pledged €4 million.",
            "“We will trace every gun,” said Majlinda Bregu, Secretary General of the RCC."]}"#;
        let r = ingest_one("m.json", json.as_bytes()).release;
        let d = r
            .dateline
            .as_ref()
            .expect("dateline read from the first paragraph");
        assert_eq!(
            (d.city.as_deref(), d.country.as_deref()),
            (Some("Belgrade"), Some("RS"))
        );
        assert!(
            r.body[0].starts_with("Ministers from Albania"),
            "{}",
            r.body[0]
        );
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2024-06-12"));
        let codes: Vec<&str> = r.countries.iter().map(|c| c.code.as_str()).collect();
        assert!(codes.contains(&"AL") && codes.contains(&"RS"), "{codes:?}");
        assert!(r
            .organisations
            .iter()
            .any(|o| o.acronym.as_deref() == Some("RCC")));
        assert_eq!(r.money.len(), 1);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("Majlinda Bregu"));

        // A field given, even empty or null, is kept as given: the body then
        // keeps its dateline too.
        let json = r#"{"title": "Ministers meet", "dateline": null, "countries": [], "body": [
            "Belgrade, Serbia, 12 June 2024 - Ministers from Albania met."]}"#;
        let r = ingest_one("m.json", json.as_bytes()).release;
        assert!(r.dateline.is_none());
        assert!(r.countries.is_empty());
        assert!(r.body[0].starts_with("Belgrade, Serbia"));
        assert_eq!(
            r.date.map(|d| d.to_string()).as_deref(),
            Some("2024-06-12"),
            "the date is still read"
        );
    }

    #[test]
    fn a_record_fed_back_comes_out_identical() {
        let first = ingest_one("000_34e2bc8e785f3bd9.txt", SEED).release;
        let json = serde_json::to_vec(&first).unwrap();
        let again = ingest_one("000_34e2bc8e785f3bd9.json", &json).release;
        assert_eq!(again, first);
    }

    #[test]
    fn a_title_without_body_is_kept_with_a_warning() {
        let i = ingest_one("t.txt", b"Only a headline\n");
        assert_eq!(i.release.title, "Only a headline");
        assert!(i.release.body.is_empty());
        assert!(i.release.warnings.iter().any(|w| w.contains("no body")));
        assert!(i.release.warnings.iter().any(|w| w.contains("no dateline")));
        assert!(i
            .diagnostics
            .iter()
            .all(|d| d.file == "t.txt" && d.line == 1));
    }

    #[test]
    fn markdown_end_to_end() {
        let md = "---\ntitle: Front\ndate: 2020-05-05\nplace: Vienna, Austria\ntags: [a, b]\nurl: https://x.org\n---\n\
                  Nairobi/Kampala, 4 May 2020 - Text.\n";
        let r = ingest_one("a.md", md.as_bytes()).release;
        assert_eq!(r.title, "Front");
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2020-05-05"));
        assert_eq!(r.body, ["Text."]);
        assert_eq!(r.tags, ["a", "b"]);
        assert_eq!(r.url.as_deref(), Some("https://x.org"));
        let d = r.dateline.unwrap();
        assert_eq!(d.raw, "Nairobi/Kampala, 4 May 2020");
        assert_eq!(
            (d.city.as_deref(), d.country.as_deref()),
            (Some("Vienna"), Some("AT"))
        );
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn a_country_written_in_the_front_matter_place_is_a_mention() {
        let codes = |place: &str| {
            let md = format!(
                "---\ntitle: Plan\ndate: 2028-12-07\nplace: {place}\n---\n\
                 WARSAW (Frontex) – The agency will deploy officers in Greece.\n"
            );
            let r = ingest_one("a.md", md.as_bytes()).release;
            let mut codes: Vec<String> = r.countries.into_iter().map(|c| c.code).collect();
            codes.sort();
            codes
        };
        assert_eq!(codes("Warsaw, Poland"), ["GR", "PL"]);
        // A city alone names no country, as in a dateline.
        assert_eq!(codes("Warsaw"), ["GR"]);
        // The place that is also the dateline read from the text counts once.
        let md = "---\ntitle: Plan\ndate: 2028-12-07\nplace: Warsaw, Poland\n---\nThe plan.\n";
        let r = ingest_one("a.md", md.as_bytes()).release;
        let poland: Vec<u32> = r
            .countries
            .iter()
            .filter(|c| c.code == "PL")
            .map(|c| c.mentions)
            .collect();
        assert_eq!(poland, [1]);
    }
}
