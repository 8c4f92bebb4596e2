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

/// Why a file could not be read as a release at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{file}:{line}: error: {message}")]
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
}

/// Turns the bytes of one file into its releases (a JSON array gives several).
/// `source` is the path relative to the corpus folder; `path` decides the reader.
pub fn ingest_bytes(source: &str, path: &Path, bytes: &[u8]) -> Result<Vec<Ingested>, IngestError> {
    read::read(source, path, bytes)
        .map(|docs| docs.into_iter().map(build).collect())
}

/// Runs dateline parsing and every extractor over one read document.
pub fn build(doc: read::ReadOutcome) -> Ingested {
    match doc {
        read::ReadOutcome::Record(release) => Ingested {
            release: *release,
            diagnostics: Vec::new(),
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
        id: String::new(),
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
    let mut ingested = Ingested { release, diagnostics };
    ingested.release.warnings = ingested
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.message.clone())
        .collect();
    ingested
}
