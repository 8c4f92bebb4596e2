//! Calendar helpers shared by the dateline and event extractors.

use crate::date::{PartialDate, MONTHS};
use crate::extract::word_regex;

/// A full calendar date (the publication date): a day-precision
/// [`PartialDate`], under the name the extractors use.
pub use crate::date::PartialDate as Date;

/// Month number from an English month name or abbreviation, any case
/// (`January`, `JAN`, `Jan.`, `Sept`).
pub fn month_from_name(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || (w.len() == 3 && m.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(w)))
        })
        .map(|i| i as u8 + 1)
}

/// A calendar date as written, possibly without its year (`14 September`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenDate {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
}

impl WrittenDate {
    /// The full date, taking the year from `fallback_year` when none was written.
    pub fn complete(&self, fallback_year: Option<i32>) -> Option<Date> {
        PartialDate::of_day(self.year.or(fallback_year)?, self.month, self.day)
    }
}

/// Which number comes first in an all-numeric date such as `04/03/2024`: the
/// day (most of the world) or the month (the United States and a few others).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumericOrder {
    #[default]
    DayFirst,
    MonthFirst,
}

/// Date patterns, tried in order at the start of a string. Each has named groups
/// `y`, `m` (number or name) and `d`, or, for an all-numeric date whose order
/// depends on the country, `y`, `a` and `b` (first and second number); `y` may
/// be absent. All are anchored and bounded, so each try is short.
///
/// With them, one set of the same patterns: a DFA pass that tells which (if
/// any) match, so captures, whose engine clears state in proportion to the
/// whole haystack (a paragraph), run only for a pattern that matches.
///
/// Both twice, as `word_regex` does: a Unicode `\b` sends the regex crate
/// off its DFA (to the PikeVM, 25 k instructions a try) on any text with a
/// non-ASCII byte (a dash, a curly quote), so the form with ASCII `\b` is
/// used on texts without a non-ASCII word character, where both agree; the
/// Unicode form is compiled on first use.
struct DatePatterns {
    ascii: (Vec<DatePattern>, regex::RegexSet),
    unicode: std::sync::OnceLock<(Vec<DatePattern>, regex::RegexSet)>,
}

/// A date pattern with the numbers of its groups `y`, `m`, `d`, `a` and
/// `b`, found once when it is compiled: `Captures::name` hashes the name
/// on every call.
struct DatePattern {
    re: regex::Regex,
    y: Option<usize>,
    m: Option<usize>,
    d: Option<usize>,
    a: Option<usize>,
    b: Option<usize>,
}

impl DatePattern {
    fn new(re: regex::Regex) -> DatePattern {
        let group = |name: &str| re.capture_names().position(|n| n == Some(name));
        DatePattern {
            y: group("y"),
            m: group("m"),
            d: group("d"),
            a: group("a"),
            b: group("b"),
            re,
        }
    }
}

fn date_patterns_with(b: &str) -> (Vec<DatePattern>, regex::RegexSet) {
    let patterns: Vec<String> = date_pattern_sources()
        .iter()
        .map(|p| p.replace(word_regex::UNICODE_B, b))
        .collect();
    let set = regex::RegexSet::new(&patterns)
        .unwrap_or_else(|e| panic!("bad built-in date regex set: {e}"));
    let regexes = patterns
        .iter()
        .filter_map(|p| regex::Regex::new(p).ok())
        .map(DatePattern::new)
        .collect();
    (regexes, set)
}

/// The patterns and their set, in the form that gives Unicode-`\b` results on `s`.
fn date_patterns_for(s: &str) -> &'static (Vec<DatePattern>, regex::RegexSet) {
    static PATTERNS: std::sync::OnceLock<DatePatterns> = std::sync::OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| DatePatterns {
        ascii: date_patterns_with(word_regex::ASCII_B),
        unicode: std::sync::OnceLock::new(),
    });
    if !word_regex::needs_unicode(date_window(s)) {
        return &patterns.ascii;
    }
    patterns
        .unicode
        .get_or_init(|| date_patterns_with(word_regex::UNICODE_B))
}

/// The part of `s` a date pattern reads: its first six whitespace-separated
/// chunks (a date takes five at most, `Monday, 17th of April, 2019`; the
/// patterns are anchored, and `\b` after the last looks at most one
/// character further, inside a chunk or a space). Only there can a
/// non-ASCII word character tell the two forms apart; asking the whole
/// paragraph compiled the Unicode form for nearly every corpus.
fn date_window(s: &str) -> &str {
    let mut chunks = 0;
    let mut in_chunk = false;
    for (i, c) in s.char_indices() {
        if !c.is_whitespace() {
            in_chunk = true;
        } else if in_chunk {
            in_chunk = false;
            chunks += 1;
            if chunks == 6 {
                return &s[..i];
            }
        }
    }
    s
}

/// The patterns as written (Unicode `\b`).
#[cfg(test)]
fn date_patterns() -> &'static (Vec<DatePattern>, regex::RegexSet) {
    date_patterns_for("\u{e9}")
}

fn date_pattern_sources() -> Vec<String> {
    {
        const WEEKDAY: &str =
            r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?";
        const ORD: &str = r"(?:st|nd|rd|th)?";
        [
            // 2019-04-17, 2019/04/17, 2019-04-17T10:00Z
            format!(r"{WEEKDAY}(?P<y>\d{{4}})[-/](?P<m>\d{{1,2}})[-/](?P<d>\d{{1,2}})(?:T[0-9:.+\-Z]*|\b)"),
            // 17 April 2019, 17th of April, 2019, 17 April
            format!(r"{WEEKDAY}(?P<d>\d{{1,2}}){ORD}\s*(?:of\s+)?(?P<m>[a-z]{{3,9}}\.?)(?:,?\s+(?P<y>\d{{4}}))?\b"),
            // April 17, 2019, April 17th 2019, April 17
            format!(r"{WEEKDAY}(?P<m>[a-z]{{3,9}}\.?)\s+(?P<d>\d{{1,2}}){ORD}(?:,?\s+(?P<y>\d{{4}}))?\b"),
            // 17.04.2019, 04/17/2019, 17-04-2019: the order is the country's
            format!(r"{WEEKDAY}(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})\.(?P<y>\d{{4}})\b"),
            format!(r"{WEEKDAY}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}})\b"),
            format!(r"{WEEKDAY}(?P<a>\d{{1,2}})-(?P<b>\d{{1,2}})-(?P<y>\d{{4}})\b"),
        ]
        .iter()
        .map(|p| format!("(?i)^{p}"))
        .collect()
    }
}

/// The date written at the very start of `s`, and how many bytes it takes; an
/// all-numeric date is read day first (`04/03/2024` is 4 March) unless only
/// the month-first reading is a valid date.
pub fn date_at_start(s: &str) -> Option<(WrittenDate, usize)> {
    date_at_start_ordered(s, NumericOrder::DayFirst)
}

/// As `date_at_start`, reading an all-numeric date in `order`, or in the other
/// order when only that one gives a valid date (`13/04/2024` is 13 April
/// whatever the order).
pub fn date_at_start_ordered(s: &str, order: NumericOrder) -> Option<(WrittenDate, usize)> {
    if !may_start_date(s) {
        return None;
    }
    date_with(s, order, date_patterns_for(s))
}

/// `date_at_start_ordered` with the given form of the patterns.
fn date_with(
    s: &str,
    order: NumericOrder,
    (patterns, set): &(Vec<DatePattern>, regex::RegexSet),
) -> Option<(WrittenDate, usize)> {
    let matched = set.matches(s);
    if !matched.matched_any() {
        return None;
    }
    patterns.iter().enumerate().find_map(|(i, p)| {
        if !matched.matched(i) {
            return None;
        }
        let caps = p.re.captures(s)?;
        let group = |g: Option<usize>| caps.get(g?);
        let year = match group(p.y) {
            Some(y) => Some(y.as_str().parse::<i32>().ok()?),
            None => None,
        };
        let (month, day) = match (group(p.a), group(p.b)) {
            (Some(a), Some(b)) => {
                let (a, b) = (
                    a.as_str().parse::<u8>().ok()?,
                    b.as_str().parse::<u8>().ok()?,
                );
                let (first, second) = match order {
                    NumericOrder::DayFirst => ((b, a), (a, b)),
                    NumericOrder::MonthFirst => ((a, b), (b, a)),
                };
                [first, second]
                    .into_iter()
                    .find(|&(m, d)| PartialDate::of_day(year.unwrap_or(2000), m, d).is_some())?
            }
            _ => {
                let m = group(p.m)?.as_str();
                let month = m.parse::<u8>().ok().or_else(|| month_from_name(m))?;
                (month, group(p.d)?.as_str().parse::<u8>().ok()?)
            }
        };
        // Validate against a leap year when the year is unknown (29 February).
        PartialDate::of_day(year.unwrap_or(2000), month, day)?;
        let len = caps.get(0)?.end();
        Some((WrittenDate { year, month, day }, len))
    })
}

/// Weekday names as the patterns' `WEEKDAY` spells them, without `day`.
const WEEKDAYS: [&str; 12] = [
    "mon", "tue", "tues", "wed", "wednes", "thu", "thur", "thurs", "fri", "sat", "satur", "sun",
];

/// False only when no date pattern can match at the start of `s`, told from
/// its first bytes: the dateline parser asks at every word of a paragraph's
/// opening, and most words are neither a number, a weekday nor a month name
/// followed by a day. Every pattern opens, after an optional weekday, with
/// a digit or with letters, a full stop perhaps, spaces and a digit;
/// anything outside ASCII is left to the patterns.
fn may_start_date(s: &str) -> bool {
    let b = s.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    if !first.is_ascii() || first.is_ascii_digit() {
        return true;
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters == 0 {
        return false;
    }
    let after = |k: usize| b.get(k).copied();
    if after(letters).is_some_and(|c| !c.is_ascii()) {
        // After its opening letters a date goes on with `.`, `,`, white
        // space (`\s`, beyond ASCII too) or more letters, and the only
        // letters beyond ASCII that `(?i)[a-z]` and the weekday names
        // match are `ſ` and the Kelvin sign: `São`, `Août` open no date.
        return s[letters..]
            .chars()
            .next()
            .is_some_and(|c| c.is_whitespace() || c == '\u{17f}' || c == '\u{212a}');
    }
    let word = &b[..letters];
    let named = |w: &[u8]| {
        WEEKDAYS
            .iter()
            .any(|d| d.as_bytes().eq_ignore_ascii_case(w))
    };
    let weekday = named(word)
        || (letters > 3
            && word[letters - 3..].eq_ignore_ascii_case(b"day")
            && named(&word[..letters - 3]));
    if weekday {
        return true;
    }
    // A month name (`[a-z]{3,9}`), `.`, at least one space, a digit.
    if !(3..=9).contains(&letters) {
        return false;
    }
    let mut k = letters + usize::from(after(letters) == Some(b'.'));
    // `\s` on ASCII: space, \t, \n, \x0B, \x0C, \r.
    let space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
    if !after(k).is_some_and(|c| !c.is_ascii() || space(c)) {
        return false;
    }
    while after(k).is_some_and(space) {
        k += 1;
    }
    after(k).is_some_and(|c| !c.is_ascii() || c.is_ascii_digit())
}

/// A string that is only a date (`17 April 2019`, `Monday, 17 April 2019`,
/// `2019-04-17`, `2019-04-17T10:00:00Z`), surrounding punctuation aside.
pub fn parse_date_only(s: &str) -> Option<WrittenDate> {
    let s = s.trim().trim_matches(|c: char| c == '"' || c == '\'');
    let (date, len) = date_at_start(s)?;
    let rest = s.get(len..)?.trim();
    rest.chars()
        .all(|c| c.is_ascii_punctuation())
        .then_some(date)
}

/// A full date from free-form text such as front matter `date` values.
pub fn parse_full_date(s: &str) -> Option<Date> {
    parse_date_only(s)?.complete(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_name_and_abbreviation() {
        assert_eq!(month_from_name("January"), Some(1));
        assert_eq!(month_from_name("SEPT."), Some(9));
        assert_eq!(month_from_name("dec"), Some(12));
        assert_eq!(month_from_name("Ma"), None);
        assert_eq!(month_from_name("Mayday"), None);
    }

    /// (input, (year, month, day) or no date, bytes taken)
    type DateCase = (&'static str, Option<(Option<i32>, u8, u8)>, usize);

    /// `got` is the date `want` (year, month, day), `len` bytes long, or none.
    fn check_date(
        input: &str,
        got: Option<(WrittenDate, usize)>,
        want: Option<(Option<i32>, u8, u8)>,
        len: usize,
    ) {
        match want {
            None => assert!(got.is_none(), "{input}: {got:?}"),
            Some((y, m, d)) => {
                let (date, n) = got.unwrap_or_else(|| panic!("{input}: no date"));
                assert_eq!((date.year, date.month, date.day), (y, m, d), "{input}");
                assert_eq!(n, len, "{input}");
            }
        }
    }

    #[test]
    fn the_ascii_form_reads_dates_as_the_unicode_form() {
        let mut texts: Vec<String> = [
            "17 April 2019\u{e9}t\u{e9}",
            "Mon 3 May 2020 \u{2013} S\u{e3}o Paulo",
            "3 May 2020, d\u{e9}j\u{e0}",
            "2019-04-17T10:00Z \u{201c}quoted\u{201d}",
            "4.5.2020\u{e9}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for text in crate::sample_texts::release_files() {
            for (i, _) in text.char_indices().take(20_000) {
                texts.push(text[i..].chars().take(200).collect());
            }
        }
        let unicode = date_patterns();
        let mut dates = 0;
        for t in &texts {
            for order in [NumericOrder::DayFirst, NumericOrder::MonthFirst] {
                let got = date_at_start_ordered(t, order);
                let want = may_start_date(t)
                    .then(|| date_with(t, order, unicode))
                    .flatten();
                assert_eq!(got, want, "{t:?}");
                dates += usize::from(got.is_some());
            }
        }
        assert!(dates > 100, "{dates}");
    }

    #[test]
    fn the_date_gate_passes_every_start_a_pattern_matches() {
        let (_, set) = date_patterns();
        let mut texts: Vec<String> = [
            "Monday, 17 April 2019",
            "MON 17 April",
            "Tues. 3 May",
            "Wednesday 4/5/2020",
            "April 17, 2019",
            "Sept. 9",
            "SEPT 9",
            "sept  9",
            "Jan.\t3",
            "March\u{a0}3",
            "2019-04-17",
            "17.04.2019",
            "Kelvin \u{212a}",
            "Dec 1st",
            "of 3 May",
            "May be",
            "Mayday 3",
            "mo 3",
            "Thursday",
            "Sundays 4",
            "de 4",
            "Août 3",
            "São Paulo, 2 March 2014",
            "Mon\u{a0}3 May",
            "Aug\u{2009}3",
            "Tue\u{17f}day 3 May",
            "Wedne\u{17f}day, 4 May",
            "Octo\u{212a} 3",
            "Sept\u{3000}9",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for (i, _) in text.char_indices().take(20_000) {
                texts.push(text[i..].chars().take(40).collect());
            }
        }
        for t in &texts {
            if set.is_match(t) {
                assert!(may_start_date(t), "{t:?}");
            }
        }
    }

    #[test]
    fn written_dates_at_start() {
        let cases: &[DateCase] = &[
            ("17 April 2019 - UNODC", Some((Some(2019), 4, 17)), 13),
            ("April 17, 2019 — text", Some((Some(2019), 4, 17)), 14),
            (
                "14 September (UN Information Service)",
                Some((None, 9, 14)),
                12,
            ),
            ("2019-04-17 -", Some((Some(2019), 4, 17)), 10),
            ("Monday, 17 April 2019", Some((Some(2019), 4, 17)), 21),
            ("3rd of March, 2021:", Some((Some(2021), 3, 3)), 18),
            ("17.04.2019", Some((Some(2019), 4, 17)), 10),
            ("31 April 2019", None, 0),
            ("29 February", Some((None, 2, 29)), 11),
            ("17 apples", None, 0),
            ("Vienna", None, 0),
            ("", None, 0),
        ];
        for (input, want, len) in cases {
            check_date(input, date_at_start(input), *want, *len);
        }
    }

    /// (input, order, (year, month, day) or no date, bytes taken)
    type OrderedCase = (
        &'static str,
        NumericOrder,
        Option<(Option<i32>, u8, u8)>,
        usize,
    );

    #[test]
    fn numeric_ordinal_and_weekday_dates() {
        use NumericOrder::{DayFirst, MonthFirst};
        let cases: &[OrderedCase] = &[
            ("04/03/2024 - text", DayFirst, Some((Some(2024), 3, 4)), 10),
            (
                "04/03/2024 - text",
                MonthFirst,
                Some((Some(2024), 4, 3)),
                10,
            ),
            ("4.3.2024:", DayFirst, Some((Some(2024), 3, 4)), 8),
            ("4.3.2024:", MonthFirst, Some((Some(2024), 4, 3)), 8),
            ("04-03-2024 –", DayFirst, Some((Some(2024), 3, 4)), 10),
            ("04-03-2024 –", MonthFirst, Some((Some(2024), 4, 3)), 10),
            // Only one reading is a date: it wins whatever the order.
            ("13/04/2024", MonthFirst, Some((Some(2024), 4, 13)), 10),
            ("04/13/2024", DayFirst, Some((Some(2024), 4, 13)), 10),
            ("29.02.2023", DayFirst, None, 0),
            ("13/13/2024", DayFirst, None, 0),
            ("2024-03-04", MonthFirst, Some((Some(2024), 3, 4)), 10),
            ("2nd October 2023", DayFirst, Some((Some(2023), 10, 2)), 16),
            ("October 2nd, 2023", DayFirst, Some((Some(2023), 10, 2)), 17),
            ("2nd of October -", DayFirst, Some((None, 10, 2)), 14),
            (
                "Monday, 4 March 2024",
                DayFirst,
                Some((Some(2024), 3, 4)),
                20,
            ),
            ("Tue. 5 March –", DayFirst, Some((None, 3, 5)), 12),
            (
                "Thursday 04/03/2024",
                MonthFirst,
                Some((Some(2024), 4, 3)),
                19,
            ),
            (
                "Wednesday, March 6, 2024",
                DayFirst,
                Some((Some(2024), 3, 6)),
                24,
            ),
            ("4/3/24", DayFirst, None, 0),
            ("1.5 million", DayFirst, None, 0),
        ];
        for (input, order, want, len) in cases {
            check_date(input, date_at_start_ordered(input, *order), *want, *len);
        }
    }

    #[test]
    fn whole_string_dates() {
        assert_eq!(
            parse_full_date("2019-04-17")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-04-17")
        );
        assert_eq!(
            parse_full_date("\"17 April 2019\"")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-04-17")
        );
        assert_eq!(
            parse_full_date("2019-04-17T08:00:00Z")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-04-17")
        );
        assert_eq!(
            parse_full_date("April 17, 2019.")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-04-17")
        );
        assert!(parse_full_date("17 April").is_none());
        assert!(parse_full_date("17 April 2019 in Vienna").is_none());
        assert!(parse_date_only("14 September").is_some());
    }
}
