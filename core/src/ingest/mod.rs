//! From files to records: read (text, Markdown, JSON), split the dateline,
//! run the extractors, assign ids.

pub mod corpus;
pub mod dateline;
pub mod dates;
pub mod document;
pub mod ids;
pub mod read;

use std::path::Path;

pub use document::{Diagnostic, Document, Paragraph, Severity};

use crate::extract::{self, Text};
use crate::model::Release;

/// Why a file could not be read as a release at all. Printed as
/// `file:line: error: message`, or `file: error: message` when no line
/// applies (`line` 0: the file as a whole, e.g. it cannot be opened).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{}: error: {message}", location(file, *line))]
pub struct IngestError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A release together with the diagnostics (warnings) met while building it.
#[derive(Debug, Clone)]
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

/// A diagnostic as every command prints it: `file:line: error|warning: message`,
/// or `file: error|warning: message` when no line applies.
pub fn render(d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!("{}: {level}: {}", location(&d.file, d.line), d.message)
}

/// Turns the bytes of one file into its releases (a JSON array gives several).
/// `source` is the path relative to the corpus folder; `path` decides the reader.
pub fn ingest_bytes(source: &str, path: &Path, bytes: &[u8]) -> Result<Vec<Ingested>, IngestError> {
    read::read(source, path, bytes).map(|docs| docs.into_iter().map(build).collect())
}

/// Runs dateline parsing and every extractor over one read document.
pub fn build(doc: read::ReadOutcome) -> Ingested {
    match doc {
        read::ReadOutcome::Record { release, line } => Ingested {
            release: *release,
            diagnostics: Vec::new(),
            line,
        },
        read::ReadOutcome::Document(doc) => extract_document(doc),
    }
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
    let organisations = extract::organisations::extract(&text);
    let people = extract::people::extract(&text);
    let release = Release {
        // An explicit front matter id (checked by the Markdown reader) wins.
        id: doc.front.get("id").cloned().unwrap_or_default(),
        source: doc.source.clone(),
        title: doc.title.clone(),
        date: parsed.date.map(|d| d.to_string()),
        countries: extract::countries::extract(&text),
        quotes: extract::quotes::extract(&text, &people, &organisations),
        events: extract::events::extract(&text),
        money: extract::money::extract(&text),
        programmes: extract::programmes::extract(&text),
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
        assert_eq!(r.date.as_deref(), Some("2019-04-17"));
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
        assert_eq!(r.date.as_deref(), Some("2020-05-05"));
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
}
