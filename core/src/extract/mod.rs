//! Extractors: each reads the release text and returns one field of the record.
//! Reference data lives in `core/data/` as data files, not in code.

pub mod contacts;
pub mod countries;
pub mod events;
pub mod money;
pub mod organisations;
pub mod people;
pub mod programmes;
pub mod quotes;
pub mod topics;
pub(crate) mod word_regex;

use crate::ingest::dates::Date;
use crate::model::Dateline;

/// The text of one release as the extractors see it.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub title: &'a str,
    /// Paragraphs, dateline prefix removed from the first.
    pub body: &'a [String],
    /// The closing contact block.
    pub footer: &'a [String],
    pub dateline: Option<&'a Dateline>,
    /// The publication date: never an event; gives the year to dates without one.
    pub date: Option<Date>,
}
