//! Readers for the three input forms: plain text, Markdown with front matter, JSON.

use std::path::Path;

use super::{Document, IngestError};
use crate::model::Release;

/// What reading one file yields: documents to extract from, or records given whole (JSON).
#[derive(Debug, Clone)]
pub enum ReadOutcome {
    Document(Document),
    Record(Box<Release>),
}

/// Reads one file; the extension (`.json`, `.md`, anything else as text) picks the reader.
pub fn read(source: &str, _path: &Path, bytes: &[u8]) -> Result<Vec<ReadOutcome>, IngestError> {
    let text = std::str::from_utf8(bytes).map_err(|e| IngestError {
        file: source.to_string(),
        line: 1,
        message: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
    })?;
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let (title_line, title) = lines.next().ok_or_else(|| IngestError {
        file: source.to_string(),
        line: 1,
        message: "empty file: expected a title line".into(),
    })?;
    let mut doc = Document {
        source: source.to_string(),
        title: title.trim().to_string(),
        title_line: title_line + 1,
        ..Document::default()
    };
    for (i, line) in lines {
        doc.paragraphs.push(super::Paragraph { text: line.to_string(), line: i + 1 });
    }
    Ok(vec![ReadOutcome::Document(doc)])
}

/// Splits a front matter `tags` value: `[a, b]`, `a, b` or `- a` lists.
pub fn split_tags(value: &str) -> Vec<String> {
    value
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(|t| t.trim().trim_matches(|c| c == '"' || c == '\'').to_string())
        .filter(|t| !t.is_empty())
        .collect()
}
