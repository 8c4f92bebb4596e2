//! Periods: the years a programme runs, written near its name.

use std::sync::OnceLock;

use regex::Regex;

use super::mentions::Mention;
use crate::date::PartialDate;
use crate::ingest::dates::month_from_name;

/// Bytes after a name searched for its period (the sentence is cut earlier).
const PERIOD_WINDOW: usize = 240;

/// The period written near a mention: after it (within its sentence and
/// before the next mention, `limit`) or as a year range just before it.
pub(super) fn add_period(s: &str, m: &mut Mention, limit: usize) {
    let window = sentence_window(s, m.end, limit);
    let before = s.get(..m.start).unwrap_or_default();
    if let Some((start, end)) = period_after(window).or_else(|| range_before(before)) {
        m.start_year = Some(start);
        m.end_year = end;
    }
}

fn sentence_window(s: &str, from: usize, limit: usize) -> &str {
    static END: OnceLock<Regex> = OnceLock::new();
    let end_re = END.get_or_init(|| {
        Regex::new(r"[.;!?](?:\s|$)").unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
    });
    let rest = s.get(from..limit.max(from)).unwrap_or_default();
    let mut cut = rest.len().min(PERIOD_WINDOW);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let rest = &rest[..cut];
    match end_re.find(rest) {
        Some(m) => &rest[..m.start()],
        None => rest,
    }
}

struct PeriodPatterns {
    immediate: Regex,
    predicate: Regex,
    from_to: Regex,
    launched: Regex,
    before: Regex,
}

fn period_patterns() -> &'static PeriodPatterns {
    static P: OnceLock<PeriodPatterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |p: &str| Regex::new(p).unwrap_or_else(|e| panic!("bad built-in regex: {e}"));
        let range = r"(\d{4})\s*(?:-|–|—|/|to|until|through)\s*(\d{4}|\d{2})\b";
        PeriodPatterns {
            immediate: re(&format!(r"^\s*[,(]?\s*(?:(?:for|during|in|over)\s+)?(?:the\s+)?(?:period\s+)?(?:of\s+)?{range}")),
            predicate: re(r"^\s*(?:is|was|will\s+be|has\s+been|runs|ran)\b[^;]{0,60}?\((\d{4})\s*[-–—]\s*(\d{4}|\d{2})\)"),
            from_to: re(r"(?i)\b(?:from|between)\s+(\d{4})\s+(?:to|until|till|through|and)\s+(\d{4})\b"),
            launched: re(r"(?i)\b(?:launched|established|started|initiated|created|set\s+up|founded|began|inaugurated|since\s+its\s+(?:launch|inception|establishment|creation|start))\s+(?:(?:on|in)\s+)?(?:\d{1,2}\s+)?(?:([A-Za-z]+)\s+)?(\d{4})\b"),
            before: re(r"(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})\s*$"),
        }
    })
}

/// `(start, end)`; `end` None for a start-only phrase.
fn period_after(window: &str) -> Option<(PartialDate, Option<PartialDate>)> {
    let p = period_patterns();
    let range = |re: &Regex| {
        re.captures(window)
            .and_then(|c| year_range(c.get(1)?.as_str(), c.get(2)?.as_str()))
    };
    // The predicate read by hand where it can be (most windows): its
    // regex, with captures, cost several thousand instructions a window.
    let predicate = || match predicate_ascii(window) {
        Some(found) => found.and_then(|(a, b)| year_range(a, b)),
        None => range(&p.predicate),
    };
    range(&p.immediate)
        .or_else(predicate)
        .or_else(|| range(&p.from_to))
        .map(|(a, b)| (a, Some(b)))
        .or_else(|| launched(window).map(|start| (start, None)))
}

/// Whether `b` is an ASCII character of `\s`.
fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The `predicate` pattern's two years, read by hand from a window of ASCII
/// text (en and em dashes allowed): `None` for a window with other
/// characters (`\s`, `\d` and `\b` read them by Unicode), `Some(None)`
/// where the pattern finds no match.
fn predicate_ascii(window: &str) -> Option<Option<(&str, &str)>> {
    if window
        .chars()
        .any(|c| !c.is_ascii() && c != '–' && c != '—')
    {
        return None;
    }
    let b = window.as_bytes();
    let skip_spaces = |mut at: usize| {
        while b.get(at).copied().is_some_and(ascii_space) {
            at += 1;
        }
        at
    };
    let at = skip_spaces(0);
    // `is|was|will\s+be|has\s+been|runs|ran`: at most one opens the text.
    let rest = window.get(at..)?;
    let spaced = |first: &str, second: &str| {
        let after = rest.strip_prefix(first)?;
        let gap = skip_spaces(at + first.len()) - (at + first.len());
        (gap > 0)
            .then(|| after.get(gap..)?.strip_prefix(second))
            .flatten()
            .map(|tail| window.len() - tail.len())
    };
    let verb_end = ["is", "was", "runs", "ran"]
        .iter()
        .find_map(|v| rest.strip_prefix(v).map(|tail| window.len() - tail.len()))
        .or_else(|| spaced("will", "be"))
        .or_else(|| spaced("has", "been"));
    let Some(mut pos) = verb_end else {
        return Some(None);
    };
    // `\b`: the verb ends with a letter, so no word character may follow.
    if b.get(pos)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        return Some(None);
    }
    // `[^;]{0,60}?`: the fewest characters before a bracket that reads.
    for taken in 0..=60 {
        if let Some(years) = bracketed_years(window, pos) {
            return Some(Some(years));
        }
        let Some(c) = window.get(pos..).and_then(|r| r.chars().next()) else {
            break;
        };
        if c == ';' || taken == 60 {
            break;
        }
        pos += c.len_utf8();
    }
    Some(None)
}

/// `\((\d{4})\s*[-–—]\s*(\d{4}|\d{2})\)` at byte `at` of ASCII text (dashes
/// aside): the two years.
fn bracketed_years(window: &str, at: usize) -> Option<(&str, &str)> {
    let b = window.as_bytes();
    let digits = |from: usize, n: usize| {
        b.get(from..from + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if b.get(at) != Some(&b'(') || !digits(at + 1, 4) {
        return None;
    }
    let first = window.get(at + 1..at + 5)?;
    let mut k = at + 5;
    while b.get(k).copied().is_some_and(ascii_space) {
        k += 1;
    }
    let dash = window.get(k..)?.chars().next()?;
    if !matches!(dash, '-' | '–' | '—') {
        return None;
    }
    k += dash.len_utf8();
    while b.get(k).copied().is_some_and(ascii_space) {
        k += 1;
    }
    let n = [4, 2]
        .into_iter()
        .find(|&n| digits(k, n) && b.get(k + n) == Some(&b')'))?;
    Some((first, window.get(k..k + n)?))
}

fn range_before(before: &str) -> Option<(PartialDate, Option<PartialDate>)> {
    let c = period_patterns().before.captures(before.trim_end())?;
    year_range(c.get(1)?.as_str(), c.get(2)?.as_str()).map(|(a, b)| (a, Some(b)))
}

/// `launched in March 2019` → `2019-03`; `launched in 2019` → `2019`.
fn launched(window: &str) -> Option<PartialDate> {
    let c = period_patterns().launched.captures(window)?;
    let year = plausible_year(c.get(2)?.as_str().parse().ok()?)?;
    let month = c.get(1).and_then(|m| month_from_name(m.as_str()));
    PartialDate::new(year, month, None)
}

/// Validates a written range; a two-digit end takes the start's century.
fn year_range(start: &str, end: &str) -> Option<(PartialDate, PartialDate)> {
    let a: i32 = plausible_year(start.parse().ok()?)?;
    let b: i32 = end.parse().ok()?;
    let b = if end.len() == 2 { a - a % 100 + b } else { b };
    if b < a || b - a > 50 {
        return None;
    }
    Some((PartialDate::of_year(a)?, PartialDate::of_year(b)?))
}

fn plausible_year(y: i32) -> Option<i32> {
    (1945..=2100).contains(&y).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{rows, run, Row};
    use super::*;

    /// The predicate read by hand finds what its regex finds.
    #[test]
    fn the_predicate_read_by_hand_is_the_regexs() {
        let mut windows: Vec<String> = [
            " is a 4-year (2002-2006), US$902 million initiative",
            "is (2002 – 2006)",
            "  will  be run (2019—23) by",
            "has\tbeen (2019-2023)",
            "has been(2019-2023)",
            "isolated (2019-2023)",
            "is_ (2019-2023)",
            "is; (2019-2023)",
            "runs (20190-2023) (2019-2023)",
            "ran (2019-202) (2019-20)",
            "was (2019 -2023 ) (2019- 2023)",
            "is\u{b}(2019-2023)",
            "is (2019-2023)\u{a0}",
            "is\u{a0}(2019-2023)",
            "is (٢٠١٩-2023)",
            "willbe (2019-2023)",
            "was",
            "",
        ]
        .map(String::from)
        .to_vec();
        windows.push(format!("is {}(2019-2023)", "x".repeat(60)));
        windows.push(format!("is {}(2019-2023)", "x".repeat(59)));
        for t in crate::sample_texts::with_paragraphs_and_lines(&[]) {
            for (at, _) in t.char_indices().filter(|&(_, c)| c == ' ') {
                let rest = &t[at..];
                let mut end = rest.len().min(PERIOD_WINDOW);
                while !rest.is_char_boundary(end) {
                    end -= 1;
                }
                windows.push(rest[..end].to_string());
            }
        }
        let re = &period_patterns().predicate;
        let (mut by_hand, mut found) = (0, 0);
        for w in &windows {
            let Some(hand) = predicate_ascii(w) else {
                continue;
            };
            by_hand += 1;
            let regex = re
                .captures(w)
                .and_then(|c| Some((c.get(1)?.as_str(), c.get(2)?.as_str())));
            assert_eq!(hand, regex, "{w:?}");
            found += usize::from(hand.is_some());
        }
        assert!(found >= 8 && by_hand > 1000, "{found} of {by_hand}");
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str], &[Row])] = &[
            ("action plan with trailing period", &["It adopted the National Action Plan against Trafficking in Persons 2020-2024 last week."],
                &[("National Action Plan against Trafficking in Persons", None, Some("2020"), Some("2024"))]),
            ("period before the name", &["It adopted the 2020-2024 National Action Plan on Drugs."],
                &[("National Action Plan on Drugs", None, Some("2020"), Some("2024"))]),
            ("running from", &["The Joint Programme on Youth, running from 2018 to 2022, ends."], &[("Joint Programme on Youth", None, Some("2018"), Some("2022"))]),
            ("launched in", &["The Blue Heart Campaign, launched in 2009, grows."], &[("Blue Heart Campaign", None, Some("2009"), None)]),
            ("launched in month", &["The Paris Pact Initiative was launched in March 2003 in Paris."], &[("Paris Pact Initiative", None, Some("2003-03"), None)]),
            ("two-digit end year", &["The Global Programme on Cybercrime (2019-23) grew."], &[("Global Programme on Cybercrime", None, Some("2019"), Some("2023"))]),
        ];
        for (name, body, expected) in cases {
            assert_eq!(run(body), rows(expected), "case {name}");
        }
    }
}
