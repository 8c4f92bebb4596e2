//! The release record of `release-record.md`. Field names are binding: the app,
//! the CLI and outside checkers all read this shape.

use serde::{Deserialize, Serialize, Serializer};

use crate::date::PartialDate;

/// One press release, as extracted from its source file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Release {
    /// Permanent slug, unique in the corpus: date plus title words, or the
    /// `id` the file sets; it depends on the release alone (`ingest::ids`).
    pub id: String,
    /// The input file's path, relative to the corpus folder; with several
    /// input folders, it starts with the folder's own name. Never absolute.
    pub source: String,
    pub title: String,
    /// Publication date, ISO 8601 `YYYY-MM-DD` (`YYYY-MM` or `YYYY` where a
    /// JSON input knows no more).
    pub date: Option<PartialDate>,
    pub dateline: Option<Dateline>,
    /// Paragraphs, verbatim, with the dateline prefix removed from the first.
    pub body: Vec<String>,
    #[serde(default)]
    pub countries: Vec<CountryMention>,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub money: Vec<Money>,
    #[serde(default)]
    pub programmes: Vec<Programme>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub warnings: Vec<String>,
    /// The closing contact block ("For more information, please contact: ..."),
    /// kept verbatim so that no text is lost. Not part of `body`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footer: Vec<String>,
    /// Front matter `url`, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Front matter `tags`, where given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// The place and date line that opens a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// As written, e.g. `Vienna, Austria - 17 April 2019`.
    pub raw: String,
    /// City in normal case (`VIENNA` becomes `Vienna`).
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2 of the country the city lies in.
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryMention {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub name: String,
    pub mentions: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: Option<String>,
    pub acronym: Option<String>,
}

impl Organisation {
    /// The acronym where known, else the name: the short label for chips and facets.
    pub fn label(&self) -> &str {
        self.acronym
            .as_deref()
            .or(self.name.as_deref())
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    /// A `people[].name` or an organisation name, or null.
    pub speaker: Option<String>,
}

/// A date or period the text mentions, at the precision written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub start: PartialDate,
    /// Same precision as written; equal to `start` for a single day, month or
    /// year; null for an open period (`since 2015`).
    pub end: Option<PartialDate>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// Amount in units (12000000 for "€12 million").
    #[serde(serialize_with = "serialize_amount")]
    pub amount: f64,
    /// ISO 4217 code.
    pub currency: String,
    pub text: String,
}

/// An amount as an integer where it is whole and exact in an f64 (below
/// 2^53): JSON and CSV write such amounts as integers (`12000000`, not
/// `12000000.0`).
pub fn whole_amount(amount: f64) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: integers below are exact in f64
    (amount.fract() == 0.0 && amount.abs() < EXACT).then_some(amount as i64)
}

/// Whole amounts print as JSON integers.
fn serialize_amount<S: Serializer>(amount: &f64, s: S) -> Result<S::Ok, S::Error> {
    match whole_amount(*amount) {
        Some(n) => s.serialize_i64(n),
        None => s.serialize_f64(*amount),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub name: String,
    pub acronym: Option<String>,
    /// `YYYY` or `YYYY-MM`, as written.
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactKind {
    Email,
    Phone,
    Twitter,
    Url,
    Name,
}

impl ContactKind {
    /// The kind as the record writes it (`email`).
    pub fn name(self) -> &'static str {
        match self {
            ContactKind::Email => "email",
            ContactKind::Phone => "phone",
            ContactKind::Twitter => "twitter",
            ContactKind::Url => "url",
            ContactKind::Name => "name",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub kind: ContactKind,
    pub value: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_amounts_serialize_as_integers() {
        let m = Money {
            amount: 12_000_000.0,
            currency: "EUR".into(),
            text: "€12 million".into(),
        };
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.contains("\"amount\":12000000,"), "{json}");
        let half = Money { amount: 1.5, ..m };
        assert!(serde_json::to_string(&half)
            .unwrap()
            .contains("\"amount\":1.5"));
    }

    #[test]
    fn contact_kind_names_are_the_serialised_ones() {
        use ContactKind::*;
        for kind in [Email, Phone, Twitter, Url, Name] {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.name()));
        }
    }

    #[test]
    fn contact_kind_is_lowercase() {
        let c = Contact {
            kind: ContactKind::Twitter,
            value: "@glo_act".into(),
        };
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"kind":"twitter","value":"@glo_act"}"#
        );
    }
}
