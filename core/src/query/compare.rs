//! Compare over time: up to [`MAX_SERIES`] series (a word or phrase, a
//! country, an organisation, a person) counted per bucket of the timeline's
//! histogram, as counts or as a share of the releases in each bucket, and
//! drawn as lines on the histogram's x scale. What a series counts, its URL
//! form and the lines' geometry are decided here; the app only draws them.
//!
//! A series is named in the URL by `series=` (repeated, in order):
//! `series=smuggling&series=country:IR&series=org:unodc&series=person:loide-aryee`;
//! `q:` marks a text series that holds a colon (`series=q:covid:19`).
//! `scale=share` shows shares instead of counts.
//!
//! Bounded: a series is at most [`MAX_SERIES_CHARS`] characters (a longer
//! value is refused before it is read), there are at most [`MAX_SERIES`],
//! and each costs one search and one pass over its releases.

use super::facets::DocSet;
use super::filter::Facet;
use super::filter::Filter;
use super::histogram::Histogram;
use super::index::Index;
use super::inverted::Stream;
use super::search;

/// Series compared at most.
pub const MAX_SERIES: usize = 4;
/// Characters in one series at most (its URL form, `country:` included).
pub const MAX_SERIES_CHARS: usize = 80;
/// The lines' drawing box: x from 0 to `VIEW`, y from 0 (top) to `VIEW`.
pub const VIEW: u32 = 1000;

/// What a series counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SeriesKind {
    /// Releases whose text matches a word or phrase, as the search box reads it.
    Text,
    Country,
    Organisation,
    Person,
}

impl SeriesKind {
    const ALL: [SeriesKind; 4] = [
        SeriesKind::Text,
        SeriesKind::Country,
        SeriesKind::Organisation,
        SeriesKind::Person,
    ];

    /// The URL prefix before the colon.
    pub fn prefix(self) -> &'static str {
        match self {
            SeriesKind::Text => "q",
            SeriesKind::Country => "country",
            SeriesKind::Organisation => "org",
            SeriesKind::Person => "person",
        }
    }

    pub fn facet(self) -> Option<Facet> {
        match self {
            SeriesKind::Text => None,
            SeriesKind::Country => Some(Facet::Country),
            SeriesKind::Organisation => Some(Facet::Organisation),
            SeriesKind::Person => Some(Facet::Person),
        }
    }
}

/// Why a series was refused: in the URL it is left out, in the "Add a
/// series" field the message is shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SeriesError {
    #[error("Type a word, a phrase or a name to compare.")]
    Empty,
    #[error("A series is at most {max} characters.")]
    TooLong { max: usize },
    #[error("“{0}:” is not a kind of series: use q:, country:, org: or person:.")]
    UnknownKind(String),
    #[error("“{0}” is not a country code (two letters, such as IR).")]
    BadCountry(String),
    #[error("At most {max} series can be compared: remove one first.")]
    TooMany { max: usize },
    #[error("That series is already compared.")]
    Duplicate,
}

/// One series: a kind and its key (the words of a text series, trimmed;
/// the facet key of an entity: `IR`, `unodc`, `loide-aryee`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Series {
    pub kind: SeriesKind,
    pub key: String,
}

impl Series {
    /// Reads the URL form ([`to_param`](Self::to_param)). A value longer
    /// than [`MAX_SERIES_CHARS`] is refused before anything else is read.
    pub fn parse(value: &str) -> Result<Series, SeriesError> {
        let too_long = SeriesError::TooLong {
            max: MAX_SERIES_CHARS,
        };
        // Bytes first: a huge value is refused before its characters are counted.
        if value.len() > 4 * MAX_SERIES_CHARS || value.trim().chars().count() > MAX_SERIES_CHARS {
            return Err(too_long);
        }
        let value = value.trim();
        let (kind, rest) = match value.split_once(':') {
            Some((p, rest)) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphabetic()) => {
                let kind = SeriesKind::ALL
                    .into_iter()
                    .find(|k| k.prefix().eq_ignore_ascii_case(p))
                    .ok_or_else(|| SeriesError::UnknownKind(p.to_string()))?;
                (kind, rest.trim())
            }
            _ => (SeriesKind::Text, value),
        };
        let key = match kind.facet() {
            None if rest.chars().any(char::is_alphanumeric) => {
                rest.split_whitespace().collect::<Vec<_>>().join(" ")
            }
            None => return Err(SeriesError::Empty),
            Some(_) if rest.is_empty() => return Err(SeriesError::Empty),
            Some(facet) => facet.normalise_key(rest).ok_or_else(|| match facet {
                Facet::Country => SeriesError::BadCountry(rest.to_string()),
                _ => SeriesError::Empty,
            })?,
        };
        let series = Series { kind, key };
        // Its URL form is bounded too (`q:` added before a colon, a slug):
        // what is accepted reads back as itself.
        if series.to_param().chars().count() > MAX_SERIES_CHARS {
            return Err(too_long);
        }
        Ok(series)
    }

    /// The URL form: the words of a text series as typed (`q:` before them
    /// when they hold a colon), else `country:IR`, `org:unodc`, `person:…`.
    pub fn to_param(&self) -> String {
        match self.kind {
            SeriesKind::Text if !self.key.contains(':') => self.key.clone(),
            kind => format!("{}:{}", kind.prefix(), self.key),
        }
    }

    /// What a reader typed in the "Add a series" field: the URL form, where a
    /// bare name that the archive knows as a country, an organisation or a
    /// person (`Iran`, `UNODC`) is that entity; any other text is words.
    /// `q:Iran` counts the word.
    pub fn from_typed(index: &Index, typed: &str) -> Result<Series, SeriesError> {
        let series = Series::parse(typed)?;
        let explicit = typed.trim_start().split_once(':').is_some();
        if series.kind != SeriesKind::Text || explicit {
            return Ok(series);
        }
        for kind in [
            SeriesKind::Country,
            SeriesKind::Organisation,
            SeriesKind::Person,
        ] {
            if let Some(key) = kind.facet().and_then(|f| index.key_named(f, &series.key)) {
                return Ok(Series { kind, key });
            }
        }
        Ok(series)
    }

    /// As the legend names it: `“smuggling”`, or the entity's name (its key
    /// when the archive does not know it).
    pub fn label(&self, index: &Index) -> String {
        match self.kind.facet() {
            None => format!("“{}”", self.key),
            Some(facet) => index
                .value(facet, &self.key)
                .map_or_else(|| self.key.clone(), |v| v.label.to_string()),
        }
    }

    /// Whether the index holds what counting it reads: the word's pieces
    /// of the dictionary and postings, or the facet's relation.
    pub fn ready(&self, index: &Index) -> bool {
        match self.kind.facet() {
            Some(facet) => index.has_facet(facet),
            None => index
                .missing_pieces(&Filter {
                    series: vec![self.clone()],
                    ..Filter::default()
                })
                .iter()
                .all(|p| matches!(p.stream, Stream::Positions | Stream::AddedPositions)),
        }
    }

    /// The releases it counts, sorted by document.
    pub fn docs(&self, index: &Index) -> Vec<u32> {
        match self.kind.facet() {
            Some(facet) => index.docs(facet, &self.key),
            None => {
                // A trailing space: every word is whole, none a prefix being typed.
                let clauses = search::parse(&format!("{} ", self.key));
                let (docs, _) = search::run(&index.text, &clauses);
                docs.into_iter().map(|(d, _)| d).collect()
            }
        }
    }
}

/// What the lines measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    /// Releases per bucket.
    #[default]
    Counts,
    /// Per cent of the releases in each bucket (the histogram's bar).
    Share,
}

impl Scale {
    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Counts => "counts",
            Scale::Share => "share",
        }
    }

    pub fn parse(s: &str) -> Option<Scale> {
        [Scale::Counts, Scale::Share]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// One series' line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub series: Series,
    /// `“smuggling”`, `Iran`.
    pub label: String,
    /// Its releases per bucket (among those the histogram counts).
    pub counts: Vec<u32>,
    /// Each bucket's value as the table writes it: `3`, or `12.5%`.
    pub cells: Vec<String>,
    pub total: u32,
    /// SVG path data on a [`VIEW`] × [`VIEW`] box, a point at the middle of
    /// each bar: integers, so the app formats no floats.
    pub path: String,
    /// 0 to 3: its colour and dash pattern.
    pub style: u8,
    /// The legend's text: `“smuggling”: 12 releases, most in 2019 (5)`,
    /// or `“smuggling”: counting…` while it is [`Line::pending`].
    pub summary: String,
    /// What it counts is still on its way ([`Series::ready`]): no path, and
    /// its cells say so, rather than a line of zeros.
    pub pending: bool,
}

/// The lines over one histogram, and their y scale.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Compare {
    pub scale: Scale,
    pub lines: Vec<Line>,
    /// The bars' periods (`March 2019`), the table's rows.
    pub periods: Vec<String>,
    /// The y scale's top and half labels: `14` and `7`, or `50%` and `25%`.
    pub top: String,
    pub half: Option<String>,
}

/// The first [`MAX_SERIES`] series, each with the releases it counts (one
/// search each, kept while only the filter changes), or None while what it
/// reads is still on its way ([`Series::ready`]).
pub fn series_docs(index: &Index, series: &[Series]) -> Vec<(Series, Option<Vec<u32>>)> {
    series
        .iter()
        .take(MAX_SERIES)
        .map(|s| (s.clone(), s.ready(index).then(|| s.docs(index))))
        .collect()
}

/// Counts each series (with its releases, [`series_docs`]) over the
/// histogram's buckets among `within` (the filter's matches; None: every
/// release), as counts or shares of the bars.
pub fn compare(
    index: &Index,
    series: &[(Series, Option<Vec<u32>>)],
    within: Option<&[u32]>,
    histogram: &Histogram,
    scale: Scale,
) -> Compare {
    let buckets = &histogram.buckets;
    if series.is_empty() {
        return Compare {
            scale,
            ..Compare::default()
        };
    }
    let set = within.map(|docs| {
        let mut set = DocSet::new(index.len());
        docs.iter().for_each(|&d| set.insert(d));
        set
    });
    // Each bucket's first and last day, to place a date (one at the bucket's
    // precision or finer, as the histogram counts it).
    let spans: Vec<(i32, i32)> = buckets
        .iter()
        .map(|b| {
            let a = b.key.first_day().day_number();
            (a, b.end.last_day().day_number())
        })
        .collect();
    let place = |doc: u32| -> Option<usize> {
        let d = index.date(doc)?;
        let (a, b) = (d.first_day().day_number(), d.last_day().day_number());
        let i = spans.partition_point(|s| s.0 <= a).checked_sub(1)?;
        (b <= spans[i].1).then_some(i)
    };
    let counted: Vec<Vec<u32>> = series
        .iter()
        .take(MAX_SERIES)
        .map(|(_, docs)| {
            let mut counts = vec![0u32; buckets.len()];
            for &doc in docs.iter().flatten() {
                if set.as_ref().is_some_and(|set| !set.contains(doc)) {
                    continue;
                }
                if let Some(i) = place(doc) {
                    counts[i] += 1;
                }
            }
            counts
        })
        .collect();
    // Values on the y scale: counts, or shares in tenths of a per cent.
    let value = |i: usize, n: u32| match scale {
        Scale::Counts => n,
        Scale::Share => match buckets[i].count {
            0 => 0,
            all => ((u64::from(n) * 1000 + u64::from(all) / 2) / u64::from(all)).min(1000) as u32,
        },
    };
    let max = counted
        .iter()
        .flat_map(|c| c.iter().enumerate().map(|(i, &n)| value(i, n)))
        .max()
        .unwrap_or(0);
    let (top, half) = match scale {
        Scale::Counts => super::y_scale(max),
        Scale::Share => {
            let top = [10, 20, 50, 100, 200, 250, 500, 1000]
                .into_iter()
                .find(|&t| t >= max)
                .unwrap_or(1000);
            (top, Some(top / 2))
        }
    };
    let show = |v: u32| match scale {
        Scale::Counts => v.to_string(),
        Scale::Share => per_cent(v),
    };
    let lines = series
        .iter()
        .zip(counted)
        .enumerate()
        .map(|(k, ((s, docs), counts))| {
            let values: Vec<u32> = counts
                .iter()
                .enumerate()
                .map(|(i, &n)| value(i, n))
                .collect();
            let total: u32 = counts.iter().sum();
            let label = s.label(index);
            let releases = |n: u32| format!("{n} release{}", if n == 1 { "" } else { "s" });
            let peak = (0..values.len()).rev().max_by_key(|&i| values[i]);
            let pending = docs.is_none();
            let summary = match peak {
                _ if pending => format!("{label}: counting…"),
                Some(i) if total > 0 => format!(
                    "{label}: {}, most in {} ({})",
                    releases(total),
                    buckets[i].period(),
                    show(values[i])
                ),
                _ => format!("{label}: {}", releases(total)),
            };
            Line {
                series: s.clone(),
                label,
                cells: values
                    .iter()
                    .map(|&v| match pending {
                        true => "…".to_string(),
                        false => show(v),
                    })
                    .collect(),
                path: match pending {
                    true => String::new(),
                    false => path(&values, top),
                },
                counts,
                total,
                style: k as u8,
                summary,
                pending,
            }
        })
        .collect();
    Compare {
        scale,
        lines,
        periods: buckets.iter().map(|b| b.period()).collect(),
        top: show(top),
        half: half.map(show),
    }
}

/// Tenths of a per cent as written: `12.5%`, `50%`.
fn per_cent(tenths: u32) -> String {
    match tenths % 10 {
        0 => format!("{}%", tenths / 10),
        d => format!("{}.{d}%", tenths / 10),
    }
}

/// A point at the middle of each bar, `top` at the box's top edge.
fn path(values: &[u32], top: u32) -> String {
    let n = values.len() as u64;
    let view = u64::from(VIEW);
    let y = |v: u32| view - u64::from(v.min(top)) * view / u64::from(top.max(1));
    match values {
        [] => String::new(),
        [v] => format!("M0 {}H{VIEW}", y(*v)),
        _ => {
            let mut d = String::with_capacity(values.len() * 10);
            for (i, &v) in values.iter().enumerate() {
                let x = (2 * i as u64 + 1) * view / (2 * n);
                d.push_str(&format!("{}{x} {}", if i == 0 { 'M' } else { 'L' }, y(v)));
            }
            d
        }
    }
}

/// One entity's releases over the whole archive, on the timeline's axis
/// from the first to the last dated release: the entity page's chart.
pub fn over_archive(index: &Index, series: &Series) -> (Histogram, Compare) {
    let counted = series_docs(index, std::slice::from_ref(series));
    let docs = counted[0].1.as_deref().unwrap_or_default();
    let extent = index.date_extent();
    let histogram = super::histogram_between(
        docs.iter().map(|&d| index.date_key(d)),
        extent.map(|e| e.0),
        extent.map(|e| e.1),
    );
    // The bars count the same releases: share is not asked for.
    let lines = compare(index, &counted, None, &histogram, Scale::Counts);
    (histogram, lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CountryMention, Release};
    use crate::query::{histogram_between, Filter};
    use crate::PartialDate;

    fn release(id: &str, date: &str, title: &str, countries: &[&str]) -> Release {
        Release {
            id: id.into(),
            source: format!("{id}.txt"),
            title: title.into(),
            date: PartialDate::parse(date),
            body: vec![title.into()],
            countries: countries
                .iter()
                .map(|c| CountryMention {
                    code: c.to_string(),
                    name: match *c {
                        "IR" => "Iran".into(),
                        _ => "Afghanistan".into(),
                    },
                    mentions: 1,
                })
                .collect(),
            ..Release::default()
        }
    }

    fn corpus() -> Index {
        Index::new(&[
            release("a", "2019-04-17", "Smuggling of migrants in Iran", &["IR"]),
            release(
                "b",
                "2019-06-02",
                "Trafficking and smuggling",
                &["IR", "AF"],
            ),
            release("c", "2020-01-05", "Trafficking in persons", &["AF"]),
            release("d", "2021-03-03", "Trafficking routes", &[]),
            release("e", "2021", "Smuggling of migrants, a year only", &["IR"]),
            release("f", "", "Smuggling, undated", &["IR"]),
        ])
    }

    fn cmp(
        index: &Index,
        series: &[Series],
        within: Option<&[u32]>,
        h: &Histogram,
        scale: Scale,
    ) -> Compare {
        compare(index, &series_docs(index, series), within, h, scale)
    }

    fn s(v: &str) -> Series {
        Series::parse(v).unwrap()
    }

    fn years(index: &Index) -> Histogram {
        index.histogram(
            &(0..index.len() as u32).collect::<Vec<_>>(),
            super::super::Zoom::Years,
        )
    }

    #[test]
    fn series_round_trip_through_the_url() {
        for v in [
            "smuggling",
            "country:IR",
            "org:unodc",
            "person:loide-aryee",
            "q:covid:19",
            "\"organized crime\"",
        ] {
            assert_eq!(s(v).to_param(), v);
        }
        assert_eq!(s("  country:ir ").key, "IR");
        assert_eq!(s("ORG:United Nations").to_param(), "org:united-nations");
        assert_eq!(
            s("q:Iran"),
            Series {
                kind: SeriesKind::Text,
                key: "Iran".into()
            }
        );
        assert_eq!(s("drug   trafficking").key, "drug trafficking");
        assert_eq!(
            s("10: 20").kind,
            SeriesKind::Text,
            "a prefix of letters only is a kind"
        );
    }

    #[test]
    fn malformed_series_say_why() {
        use SeriesError::*;
        for (v, e) in [
            ("", Empty),
            ("  ?! ", Empty),
            ("country:", Empty),
            ("org:  ", Empty),
            ("q:", Empty),
            ("country:IRN", BadCountry("IRN".into())),
            ("topic:drugs", UnknownKind("topic".into())),
            ("http://x", UnknownKind("http".into())),
        ] {
            assert_eq!(Series::parse(v), Err(e), "{v}");
        }
        let long = "a".repeat(MAX_SERIES_CHARS + 1);
        assert_eq!(
            Series::parse(&long),
            Err(TooLong {
                max: MAX_SERIES_CHARS
            })
        );
        assert!(Series::parse(&"é".repeat(MAX_SERIES_CHARS)).is_ok());
        // Accepted, but its URL form (`q:1:…`) would be too long: refused.
        let colon = format!("1:{}", "a".repeat(MAX_SERIES_CHARS - 2));
        assert_eq!(
            Series::parse(&colon),
            Err(TooLong {
                max: MAX_SERIES_CHARS
            })
        );
        for v in [
            format!("1:{}", "a".repeat(MAX_SERIES_CHARS - 4)),
            format!("org:{}", "É".repeat(70)),
        ] {
            let once = Series::parse(&v).unwrap();
            assert_eq!(Series::parse(&once.to_param()), Ok(once), "{v}");
        }
        assert!(Series::parse(&"x".repeat(1_000_000)).is_err());
        assert!(!TooMany { max: 4 }.to_string().is_empty());
    }

    #[test]
    fn typed_names_are_entities_and_other_text_is_words() {
        let index = corpus();
        let typed = |t: &str| Series::from_typed(&index, t).unwrap();
        assert_eq!(typed("Iran"), s("country:IR"));
        assert_eq!(typed("afghanistan"), s("country:AF"));
        assert_eq!(typed("q:Iran"), s("q:Iran"));
        assert_eq!(typed("smuggling"), s("smuggling"));
        assert_eq!(typed("country:af"), s("country:AF"));
        assert_eq!(s("country:IR").label(&index), "Iran");
        assert_eq!(s("smuggling").label(&index), "“smuggling”");
        assert_eq!(Series::from_typed(&index, " "), Err(SeriesError::Empty));
    }

    #[test]
    fn counts_per_bucket_among_the_matches() {
        let index = corpus();
        let h = years(&index);
        assert_eq!(h.buckets.len(), 3, "2019 to 2021");
        let c = cmp(
            &index,
            &[s("smuggling"), s("trafficking")],
            None,
            &h,
            Scale::Counts,
        );
        assert_eq!(
            c.lines[0].counts,
            [2, 0, 1],
            "the undated one is not on the axis"
        );
        assert_eq!(c.lines[1].counts, [1, 1, 1]);
        assert_eq!(c.lines[0].total, 3);
        assert_eq!((c.top.as_str(), c.half.as_deref()), ("2", Some("1")));
        assert_eq!(c.periods, ["2019", "2020", "2021"]);
        assert_eq!(
            c.lines[0].summary,
            "“smuggling”: 3 releases, most in 2019 (2)"
        );
        assert_eq!(c.lines[0].path, "M166 0L500 1000L833 500");
        assert_eq!(c.lines[1].style, 1);
        // Among the matches of a filter only: releases in Iran.
        let hits = index.search(&Filter::from_query("country=IR")).hits;
        let c = cmp(
            &index,
            &[s("trafficking"), s("country:AF")],
            Some(&hits),
            &h,
            Scale::Counts,
        );
        assert_eq!(c.lines[0].counts, [1, 0, 0]);
        assert_eq!(c.lines[1].counts, [1, 0, 0]);
        assert_eq!(c.lines[1].label, "Afghanistan");
        // An unknown entity or word counts nothing.
        let c = cmp(
            &index,
            &[s("org:nobody"), s("zzz")],
            None,
            &h,
            Scale::Counts,
        );
        assert!(c.lines.iter().all(|l| l.total == 0));
        assert_eq!(c.lines[0].summary, "nobody: 0 releases");
    }

    #[test]
    fn shares_are_of_the_bars() {
        let index = corpus();
        let h = years(&index);
        let c = cmp(
            &index,
            &[s("smuggling"), s("country:AF")],
            None,
            &h,
            Scale::Share,
        );
        // 2019: 2 releases, both smuggling; 2020: 1, in AF; 2021: 2 (a year-only one included).
        assert_eq!(c.lines[0].cells, ["100%", "0%", "50%"]);
        assert_eq!(c.lines[1].cells, ["50%", "100%", "0%"]);
        assert_eq!((c.top.as_str(), c.half.as_deref()), ("100%", Some("50%")));
        assert_eq!(per_cent(125), "12.5%");
        assert_eq!(per_cent(3), "0.3%");
        assert_eq!(Scale::parse("share"), Some(Scale::Share));
        assert_eq!(Scale::parse("x"), None);
    }

    #[test]
    fn dates_coarser_than_the_bars_are_left_out() {
        let index = corpus();
        let all: Vec<u32> = (0..index.len() as u32).collect();
        let keys = all.iter().map(|&d| index.date_key(d));
        let h = histogram_between(keys, PartialDate::parse("2021"), PartialDate::parse("2021"));
        let c = cmp(&index, &[s("smuggling")], None, &h, Scale::Counts);
        assert_eq!(c.lines[0].total, 0, "a year-only date among months");
        let c = cmp(&index, &[s("trafficking")], None, &h, Scale::Counts);
        assert_eq!(c.lines[0].counts[2], 1, "March 2021");
    }

    #[test]
    fn no_series_give_no_lines_and_no_bars_empty_ones() {
        let index = corpus();
        assert!(cmp(&index, &[], None, &years(&index), Scale::Counts)
            .lines
            .is_empty());
        // No bars: the series are there (to be listed and removed), empty.
        let c = cmp(&index, &[s("x")], None, &Histogram::default(), Scale::Share);
        assert_eq!((c.lines.len(), c.scale), (1, Scale::Share));
        assert_eq!((c.lines[0].path.as_str(), c.lines[0].total), ("", 0));
        // More than the cap: the first four.
        let many: Vec<Series> = (0..10).map(|i| s(&format!("w{i}"))).collect();
        assert_eq!(
            cmp(&index, &many, None, &years(&index), Scale::Counts)
                .lines
                .len(),
            MAX_SERIES
        );
        assert_eq!(path(&[3], 6), "M0 500H1000");
        assert_eq!(path(&[0, 0], 0), "M250 1000L750 1000");
    }

    #[test]
    fn an_entity_over_the_whole_archive() {
        let index = corpus();
        let (h, c) = over_archive(&index, &s("country:AF"));
        // The archive's months (April 2019 to March 2021), not only the entity's.
        assert_eq!(h.buckets.len(), 24);
        assert_eq!(h.buckets[23].period(), "March 2021");
        assert_eq!(c.lines[0].total, 2);
        assert_eq!(c.lines[0].counts[2], 1, "June 2019");
        let bars: Vec<u32> = h.buckets.iter().map(|b| b.count).collect();
        assert_eq!(
            c.lines[0].counts, bars,
            "the bars count the entity's releases"
        );
    }
}
