//! What the user asked for, and its URL form:
//! `q=...&country=IR,AF&org=unodc&person=...&programme=...&topic=...&year=2019,2020&event=2018/2022&from=2019-01&to=2019-06-30&sort=relevance`,
//! and the series compared over time: `series=smuggling&series=country:IR&scale=share`
//! (see [`super::compare`]).
//! Parsing never fails: a malformed key falls back to its default.
//! Parsing is bounded: a link of any length costs work in proportion to its
//! length, and what it selects is capped (see the `MAX_*` constants).

use super::compare::{Scale, Series, SeriesError, MAX_SERIES};
use super::lane::EventKey;
use crate::date::PartialDate;
use crate::text::slug;

/// The search text keeps at most this many characters (a longer paste or link
/// is cut at a character boundary): about 50 words, more than any search needs.
pub const MAX_QUERY_CHARS: usize = 400;
/// At most this many keys per facet; more are ignored.
pub const MAX_KEYS_PER_FACET: usize = 64;
/// A facet key longer than this cannot be a real key (ids, slugs, codes).
const MAX_KEY_BYTES: usize = 200;

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    /// By score; same as `Newest` when there is no text to score.
    Relevance,
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Relevance => "relevance",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        [Sort::Newest, Sort::Oldest, Sort::Relevance]
            .into_iter()
            .find(|sort| sort.as_str() == s)
    }
}

/// The dimensions a search can be narrowed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Year,
    Country,
    Organisation,
    Person,
    Programme,
    Topic,
}

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Year,
        Facet::Country,
        Facet::Organisation,
        Facet::Person,
        Facet::Programme,
        Facet::Topic,
    ];

    /// Position in `ALL`, for per-facet arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The file of its relation (which releases have which value),
    /// relative to the data folder: `f/country.bin`.
    pub fn file(self) -> String {
        format!("f/{}.bin", self.param())
    }

    /// The facet whose relation a file name (`f/country.bin`) names.
    pub fn from_file(name: &str) -> Option<Facet> {
        let param = name.strip_prefix("f/")?.strip_suffix(".bin")?;
        Facet::ALL.into_iter().find(|f| f.param() == param)
    }

    /// The URL query key.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Year => "year",
            Facet::Country => "country",
            Facet::Organisation => "org",
            Facet::Person => "person",
            Facet::Programme => "programme",
            Facet::Topic => "topic",
        }
    }

    /// Normalises one key as typed in a URL; None when it cannot be a key of this facet.
    pub fn normalise_key(self, raw: &str) -> Option<String> {
        let raw = raw.trim();
        if raw.len() > MAX_KEY_BYTES {
            return None;
        }
        match self {
            Facet::Year => PartialDate::parse(raw)
                .filter(|d| d.month().is_none())
                .map(|y| y.to_string()),
            Facet::Country => {
                let ok = raw.len() == 2 && raw.bytes().all(|b| b.is_ascii_alphabetic());
                ok.then(|| raw.to_ascii_uppercase())
            }
            _ => Some(slug(raw)).filter(|s| !s.is_empty()),
        }
    }
}

/// A search: free text, facet selections (OR within a facet, AND across),
/// a publication date range and an order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub text: String,
    pub years: Vec<i32>,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    /// Organisation keys (`unodc`).
    pub organisations: Vec<String>,
    /// Person keys (`abbas-bagherpour`).
    pub people: Vec<String>,
    pub programmes: Vec<String>,
    pub topics: Vec<String>,
    /// Only releases that mention this event or period (the events lane).
    pub event: Option<EventKey>,
    /// Inclusive, at the precision given: `2019`, `2019-01` or `2019-01-31`
    /// (`to=2019-06` runs to the end of June).
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub sort: Sort,
    /// Series compared over time, at most [`MAX_SERIES`], in the legend's order.
    pub series: Vec<Series>,
    /// Whether the series are drawn as counts or shares.
    pub scale: Scale,
}

impl Filter {
    /// Parses a URL query string (with or without the leading `?`), decoded
    /// as browsers decode `URLSearchParams` (`+` is a space, a broken escape
    /// stays as written, invalid UTF-8 becomes U+FFFD).
    pub fn from_query(qs: &str) -> Filter {
        let mut filter = Filter::default();
        let qs = qs.strip_prefix('?').unwrap_or(qs);
        for (key, value) in form_urlencoded::parse(qs.as_bytes()) {
            filter.set_param(&key, &value);
        }
        filter
    }

    /// Applies one decoded `key=value`; unknown keys are ignored, lists accumulate.
    fn set_param(&mut self, key: &str, value: &str) {
        if let Some(facet) = Facet::ALL.into_iter().find(|f| f.param() == key) {
            if let Some(keys) = parse_list(facet, value) {
                for k in keys {
                    if self.keys_len(facet) >= MAX_KEYS_PER_FACET {
                        break;
                    }
                    if !self.is_selected(facet, &k) {
                        self.toggle(facet, &k);
                    }
                }
            }
            return;
        }
        let date = || PartialDate::parse(value);
        match key {
            "q" => self.text = clamp_chars(value, MAX_QUERY_CHARS).to_string(),
            "from" => self.from = date(),
            "to" => self.to = date(),
            "event" => self.event = EventKey::parse(value),
            "sort" => self.sort = Sort::parse(value).unwrap_or_default(),
            // A malformed, repeated or extra series is left out.
            "series" => {
                if let Ok(series) = Series::parse(value) {
                    let _ = self.add_series(series);
                }
            }
            "scale" => self.scale = Scale::parse(value).unwrap_or_default(),
            _ => {}
        }
    }

    /// The canonical query string (no leading `?`); empty for the default filter.
    pub fn to_query(&self) -> String {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.to_pairs())
            .finish()
    }

    /// The canonical `(key, value)` pairs, not yet encoded, in URL order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.text.is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        for facet in [
            Facet::Country,
            Facet::Organisation,
            Facet::Person,
            Facet::Programme,
            Facet::Topic,
            Facet::Year,
        ] {
            let keys = self.keys(facet);
            if !keys.is_empty() {
                pairs.push((facet.param(), keys.join(",")));
            }
        }
        if let Some(e) = self.event {
            pairs.push(("event", e.to_param()));
        }
        for (name, date) in [("from", self.from), ("to", self.to)] {
            if let Some(d) = date {
                pairs.push((name, d.to_string()));
            }
        }
        if self.sort != Sort::default() {
            pairs.push(("sort", self.sort.as_str().to_string()));
        }
        for series in &self.series {
            pairs.push(("series", series.to_param()));
        }
        if self.scale != Scale::default() {
            pairs.push(("scale", self.scale.as_str().to_string()));
        }
        pairs
    }

    pub fn is_default(&self) -> bool {
        *self == Filter::default()
    }

    /// True when the text has no word to search for.
    pub fn has_text(&self) -> bool {
        self.text.chars().any(char::is_alphanumeric)
    }

    /// The selected keys of one facet, as strings (years too).
    pub fn keys(&self, facet: Facet) -> Vec<String> {
        match facet {
            // Four digits, as `normalise_key` reads them: year 999 is `0999`.
            Facet::Year => self.years.iter().map(|y| format!("{y:04}")).collect(),
            _ => self.list(facet).map(|l| l.to_vec()).unwrap_or_default(),
        }
    }

    fn keys_len(&self, facet: Facet) -> usize {
        self.list(facet).map_or(self.years.len(), Vec::len)
    }

    fn list(&self, facet: Facet) -> Option<&Vec<String>> {
        match facet {
            Facet::Year => None,
            Facet::Country => Some(&self.countries),
            Facet::Organisation => Some(&self.organisations),
            Facet::Person => Some(&self.people),
            Facet::Programme => Some(&self.programmes),
            Facet::Topic => Some(&self.topics),
        }
    }

    fn list_mut(&mut self, facet: Facet) -> Option<&mut Vec<String>> {
        match facet {
            Facet::Year => None,
            Facet::Country => Some(&mut self.countries),
            Facet::Organisation => Some(&mut self.organisations),
            Facet::Person => Some(&mut self.people),
            Facet::Programme => Some(&mut self.programmes),
            Facet::Topic => Some(&mut self.topics),
        }
    }

    pub fn is_selected(&self, facet: Facet, key: &str) -> bool {
        match facet {
            Facet::Year => key.parse().is_ok_and(|y: i32| self.years.contains(&y)),
            _ => self.list(facet).is_some_and(|l| l.iter().any(|k| k == key)),
        }
    }

    /// Selects `key` in `facet`, or deselects it when already selected.
    /// A key that cannot belong to the facet (year `abc`) changes nothing.
    pub fn toggle(&mut self, facet: Facet, key: &str) {
        if facet == Facet::Year {
            if let Ok(year) = key.trim().parse::<i32>() {
                toggle_in(&mut self.years, year);
            }
        } else if let Some(list) = self.list_mut(facet) {
            toggle_in(list, key.to_string());
        }
    }

    /// Drops every selection of one facet.
    pub fn clear(&mut self, facet: Facet) {
        match self.list_mut(facet) {
            Some(list) => list.clear(),
            None => self.years.clear(),
        }
    }

    /// Back to no text, no selection and no date range; the order and the
    /// series compared (a view, not a filter) are kept.
    pub fn clear_all(&mut self) {
        *self = Filter {
            sort: self.sort,
            series: std::mem::take(&mut self.series),
            scale: self.scale,
            ..Filter::default()
        };
    }

    /// Compares one more series, after those there are.
    pub fn add_series(&mut self, series: Series) -> Result<(), SeriesError> {
        if self.series.contains(&series) {
            return Err(SeriesError::Duplicate);
        }
        if self.series.len() >= MAX_SERIES {
            return Err(SeriesError::TooMany { max: MAX_SERIES });
        }
        self.series.push(series);
        Ok(())
    }
}

fn toggle_in<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|v| *v == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}

/// The first `max` characters of `s`.
pub fn clamp_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

/// A comma-separated list of keys; None (key falls back to default) when any
/// item is malformed. Empty items are skipped; items past the facet's cap are
/// not even read.
fn parse_list(facet: Facet, value: &str) -> Option<Vec<String>> {
    value
        .split(',')
        .filter(|item| !item.trim().is_empty())
        .take(MAX_KEYS_PER_FACET)
        .map(|item| facet.normalise_key(item))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Filter {
        Filter {
            text: "organized \"crime\" & Zürich, 100%+".into(),
            years: vec![2019, 2020],
            countries: vec!["IR".into(), "AF".into()],
            organisations: vec!["unodc".into()],
            people: vec!["abbas-bagherpour".into()],
            programmes: vec!["glo-act".into()],
            topics: vec!["cybercrime".into()],
            event: EventKey::parse("2018/2022"),
            from: PartialDate::parse("2019-01"),
            to: PartialDate::parse("2019-06-30"),
            sort: Sort::Relevance,
            series: ["smuggling", "country:IR", "q:a:b", "org:unodc"]
                .map(|s| Series::parse(s).unwrap())
                .to_vec(),
            scale: Scale::Share,
        }
    }

    #[test]
    fn parses_the_documented_example() {
        let f = Filter::from_query(
            "q=organized+crime&country=IR,AF&org=unodc&person=abbas-bagherpour&programme=glo-act\
             &topic=cybercrime&year=2019,2020&event=2018/2022&from=2019-01&to=2019-06-30&sort=relevance",
        );
        assert_eq!(f.text, "organized crime");
        assert_eq!(f.countries, ["IR", "AF"]);
        assert_eq!(f.organisations, ["unodc"]);
        assert_eq!(f.people, ["abbas-bagherpour"]);
        assert_eq!(f.programmes, ["glo-act"]);
        assert_eq!(f.topics, ["cybercrime"]);
        assert_eq!(f.years, [2019, 2020]);
        assert_eq!(f.event.map(|e| e.to_param()).as_deref(), Some("2018/2022"));
        assert_eq!(f.from, PartialDate::parse("2019-01"));
        assert_eq!(f.to, PartialDate::parse("2019-06-30"));
        assert_eq!(f.sort, Sort::Relevance);
    }

    #[test]
    fn round_trips() {
        let only_sort = Filter {
            sort: Sort::Oldest,
            ..Filter::default()
        };
        let only_text = Filter {
            text: "São Paulo ü/?#=&,".into(),
            ..Filter::default()
        };
        for f in [Filter::default(), full(), only_sort, only_text] {
            let qs = f.to_query();
            assert_eq!(Filter::from_query(&qs), f, "{qs}");
            assert_eq!(Filter::from_query(&format!("?{qs}")), f, "{qs}");
        }
        assert_eq!(Filter::default().to_query(), "");
    }

    #[test]
    fn canonical_order() {
        let f = Filter::from_query("sort=oldest&year=2019&q=x&country=ir");
        assert_eq!(f.to_query(), "q=x&country=IR&year=2019&sort=oldest");
    }

    #[test]
    fn malformed_keys_fall_back_to_defaults() {
        for (qs, want) in [
            ("year=19", Filter::default()),
            ("year=2019,abc", Filter::default()),
            ("country=IRN", Filter::default()),
            ("from=2019-13", Filter::default()),
            ("to=2019-02-32", Filter::default()),
            ("to=2019--01", Filter::default()),
            ("sort=sideways", Filter::default()),
            ("event=2022/2018", Filter::default()),
            ("event=2019/x", Filter::default()),
            ("nonsense=1&&=&==", Filter::default()),
            (
                "q=ok&year=20x9",
                Filter {
                    text: "ok".into(),
                    ..Filter::default()
                },
            ),
            (
                "country=ir,,af&country=IR",
                Filter {
                    countries: vec!["IR".into(), "AF".into()],
                    ..Filter::default()
                },
            ),
            (
                "org=United%20Nations",
                Filter {
                    organisations: vec!["united-nations".into()],
                    ..Filter::default()
                },
            ),
        ] {
            assert_eq!(Filter::from_query(qs), want, "{qs}");
        }
    }

    #[test]
    fn text_is_decoded_as_browsers_decode_it() {
        for (qs, text) in [
            ("q=a+b%20c", "a b c"),
            ("q=%zz", "%zz"),
            ("q=100%", "100%"),
            ("q=%FF", "\u{FFFD}"),
            ("q=%E0%A4%A", "\u{FFFD}%A"),
            ("q=%ED%A0%80", "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ] {
            assert_eq!(Filter::from_query(qs).text, text, "{qs}");
        }
        let f = Filter::from_query("country=ir%2Caf&org=a%2Cb");
        assert_eq!(f.countries, ["IR", "AF"]);
        assert_eq!(f.to_query(), "country=IR%2CAF&org=a%2Cb");
    }

    #[test]
    fn garbage_never_panics() {
        let pieces = [
            "%", "%%", "%4", "&", "=", "+", ",", "q", "year", "from", "sort", "country", "é", "💥",
            "%F0%9F", "2019", "-", "?", "\0", "%C3%A9", "series", "scale", ":", "share",
        ];
        // Every ordered triple of pieces: a few thousand strings of nonsense.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let qs = format!("{a}{b}={c}{a}&{b}{c}");
                    let f = Filter::from_query(&qs);
                    assert_eq!(Filter::from_query(&f.to_query()), f, "{qs}");
                }
            }
        }
    }

    #[test]
    fn links_of_any_size_are_capped() {
        let word = "a".repeat(100_000);
        let f = Filter::from_query(&format!("q={word}"));
        assert_eq!(f.text.chars().count(), MAX_QUERY_CHARS);
        // Cut at a character boundary, never inside a multi-byte letter.
        let f = Filter::from_query(&format!("q={}", "%C3%A9".repeat(1000)));
        assert_eq!(f.text, "é".repeat(MAX_QUERY_CHARS));

        let many: Vec<String> = (0..10_000).map(|i| format!("org=org-{i}")).collect();
        let f = Filter::from_query(&many.join("&"));
        assert_eq!(f.organisations.len(), MAX_KEYS_PER_FACET);
        assert_eq!(f.organisations[0], "org-0");
        let list: Vec<String> = (1000..9999).map(|y| y.to_string()).collect();
        let f = Filter::from_query(&format!("year={}", list.join(",")));
        assert_eq!(f.years.len(), MAX_KEYS_PER_FACET);

        let early = Filter::from_query("year=0999,0001");
        assert_eq!(early.years, [999, 1]);
        assert_eq!(early.to_query(), "year=0999%2C0001");
        assert_eq!(Filter::from_query(&early.to_query()), early);

        let f = Filter::from_query(&format!("person={}&topic=ok", "x".repeat(100_000)));
        assert!(f.people.is_empty());
        assert_eq!(f.topics, ["ok"]);
        assert_eq!(Filter::from_query(&f.to_query()), f);
    }

    #[test]
    fn toggle_and_clear() {
        let mut f = Filter::default();
        f.toggle(Facet::Country, "IR");
        f.toggle(Facet::Year, "2019");
        f.toggle(Facet::Year, "nope");
        assert!(f.is_selected(Facet::Country, "IR"));
        assert!(f.is_selected(Facet::Year, "2019"));
        assert_eq!(f.years, [2019]);
        f.toggle(Facet::Country, "IR");
        assert!(!f.is_selected(Facet::Country, "IR"));
        f.toggle(Facet::Topic, "cybercrime");
        f.clear(Facet::Year);
        assert!(f.years.is_empty() && f.topics == ["cybercrime"]);
        let mut g = full();
        g.clear_all();
        assert_eq!(
            g,
            Filter {
                sort: Sort::Relevance,
                series: full().series,
                scale: Scale::Share,
                ..Filter::default()
            }
        );
        assert!(Filter::default().is_default() && !full().is_default());
    }

    #[test]
    fn series_in_the_url_are_bounded_and_malformed_ones_left_out() {
        let f = Filter::from_query(
            "series=smuggling&series=country:ir&series=topic:x&series=smuggling&series=&scale=share",
        );
        let params: Vec<String> = f.series.iter().map(Series::to_param).collect();
        assert_eq!(params, ["smuggling", "country:IR"]);
        assert_eq!(f.scale, Scale::Share);
        assert_eq!(
            f.to_query(),
            "series=smuggling&series=country%3AIR&scale=share"
        );
        assert_eq!(Filter::from_query("scale=sideways").scale, Scale::Counts);
        // A hostile link: many series, long ones, a long value; quickly capped.
        let many: Vec<String> = (0..100_000).map(|i| format!("series=w{i}")).collect();
        let f = Filter::from_query(&many.join("&"));
        assert_eq!(f.series.len(), MAX_SERIES);
        assert_eq!(f.series[3].key, "w3");
        let f = Filter::from_query(&format!("series={}&series=ok", "x".repeat(1_000_000)));
        assert_eq!(f.series.len(), 1);
        let mut g = Filter::default();
        for s in ["a", "b", "c", "d"] {
            g.add_series(Series::parse(s).unwrap()).unwrap();
        }
        assert_eq!(
            g.add_series(Series::parse("e").unwrap()),
            Err(SeriesError::TooMany { max: MAX_SERIES })
        );
        assert_eq!(
            g.add_series(Series::parse("a").unwrap()),
            Err(SeriesError::Duplicate)
        );
    }
}
