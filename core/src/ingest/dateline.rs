//! Splits the dateline off the first paragraph and finds the publication date.

use super::dates::Date;
use super::document::{Diagnostic, Document};
use crate::model::Dateline;

/// The dateline, publication date and body (dateline prefix removed).
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub dateline: Option<Dateline>,
    pub date: Option<Date>,
    pub body: Vec<String>,
}

/// Finds dateline and date (front matter first), pushing warnings for what is missing.
pub fn resolve(doc: &Document, _diagnostics: &mut Vec<Diagnostic>) -> Resolved {
    Resolved {
        dateline: None,
        date: None,
        body: doc.paragraphs.iter().map(|p| p.text.clone()).collect(),
    }
}
