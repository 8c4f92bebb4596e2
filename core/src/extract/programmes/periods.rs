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
    range(&p.immediate)
        .or_else(|| range(&p.predicate))
        .or_else(|| range(&p.from_to))
        .map(|(a, b)| (a, Some(b)))
        .or_else(|| launched(window).map(|start| (start, None)))
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
