//! Events: every explicit calendar expression in the title and body (days, day
//! ranges, months, years, year spans, open periods), at the precision written.
//!
//! Not events: the publication date and embargo dates; relative phrases (last
//! week, this year, last March); durations (four-year); four-digit numbers
//! that are not years (phone numbers, postal codes, amounts, document
//! symbols, counts such as "2000 people", and names that carry a year such as
//! "2030 Agenda" or "Horizon 2020"). The footer is not read: its phone numbers
//! and addresses are full of year-like numbers.
//!
//! Every pattern proposes candidates; where candidates overlap, the one that
//! starts first wins, then the longest (a range beats the single day inside it).
//!
//! Reference data: `core/data/events_words.tsv`.

use super::Text;
use crate::date::{PartialDate, MONTHS};
use crate::ingest::dates::month_from_name;
use crate::model::Event;
use regex::{Captures, Match};

use super::word_regex::{is_ascii_word, WordRegex};
use crate::text::{bytes_before_flag, bytes_between, word_at};
use foldhash::HashSet;
use std::sync::OnceLock;

/// The earliest and latest year taken as a calendar year.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
/// How far back (bytes) an "embargo" word disqualifies a date.
const EMBARGO_WINDOW: usize = 100;

/// A point or a period; `end: None` is an open period (`since 2015`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period {
    start: PartialDate,
    end: Option<PartialDate>,
}

impl Period {
    fn single(p: PartialDate) -> Period {
        Period {
            start: p,
            end: Some(p),
        }
    }

    /// A period whose end comes after its start.
    fn range(start: PartialDate, end: PartialDate) -> Option<Period> {
        (start.first_day() < end.first_day()).then_some(Period {
            start,
            end: Some(end),
        })
    }

    fn is_single(&self) -> bool {
        self.end == Some(self.start)
    }
}

/// What a pattern found in one paragraph: a byte span and its periods.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    periods: Vec<Period>,
}

/// How a pattern's match becomes periods.
#[derive(Debug, Clone, Copy)]
enum Shape {
    DayRange,
    CrossMonthRange,
    MonthRange,
    Day,
    MonthYear,
    Iso,
    YearSpan,
    Year,
    BareMonth,
}

struct Tables {
    patterns: Vec<(WordRegex, Shape, Groups)>,
    before: Vec<String>,
    after: Vec<String>,
    lead: Vec<String>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut words = (Vec::new(), Vec::new(), Vec::new());
        for line in data_file!("events_words.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t').map(str::trim);
            let (Some(kind), Some(word)) = (cols.next(), cols.next()) else {
                continue;
            };
            let word = word.to_lowercase();
            match kind {
                "before" => words.0.push(word),
                "after" => words.1.push(word),
                "lead" => words.2.push(word),
                _ => {}
            }
        }
        Tables {
            patterns: patterns(),
            before: words.0,
            after: words.1,
            lead: words.2,
        }
    })
}

/// The named groups of the patterns.
#[derive(Debug, Clone, Copy)]
enum G {
    Lead,
    Conn,
    M,
    M1,
    M2,
    D,
    D1,
    D2,
    Y,
    Y1,
    Y2,
    Mo,
}

/// One pattern's group numbers, by [`G`], found once when it is compiled:
/// `Captures::name` hashes the name on every call (120,000 look-ups, 1 % of
/// ingest). Both forms of a [`WordRegex`] number their groups alike.
#[derive(Debug, Default, Clone, Copy)]
struct Groups([Option<usize>; 12]);

impl Groups {
    fn of(re: &regex::Regex) -> Groups {
        let mut groups = Groups::default();
        for (i, name) in re.capture_names().enumerate() {
            let g = match name {
                Some("lead") => G::Lead,
                Some("conn") => G::Conn,
                Some("m") => G::M,
                Some("m1") => G::M1,
                Some("m2") => G::M2,
                Some("d") => G::D,
                Some("d1") => G::D1,
                Some("d2") => G::D2,
                Some("y") => G::Y,
                Some("y1") => G::Y1,
                Some("y2") => G::Y2,
                Some("mo") => G::Mo,
                _ => continue,
            };
            groups.0[g as usize] = Some(i);
        }
        groups
    }
}

/// A match's captures with its pattern's [`Groups`].
struct Caps<'c, 'h> {
    caps: Found<'c, 'h>,
    groups: Groups,
}

/// How a match was found.
enum Found<'c, 'h> {
    /// With its groups.
    Captures(&'c Captures<'h>),
    /// Without: every named group of the pattern is the whole match
    /// ([`Shape::Year`]'s; finding is several times cheaper than capturing).
    Whole(Match<'h>),
}

impl<'h> Caps<'_, 'h> {
    fn get(&self, i: usize) -> Option<Match<'h>> {
        match self.caps {
            Found::Captures(caps) => caps.get(i),
            Found::Whole(m) => (i == 0).then_some(m),
        }
    }

    fn name(&self, g: G) -> Option<Match<'h>> {
        let i = self.groups.0[g as usize]?;
        match self.caps {
            Found::Captures(caps) => caps.get(i),
            Found::Whole(m) => Some(m),
        }
    }
}

/// Whether every named group of `shape`'s pattern is its whole match, so
/// that its matches need no captures (`\b(?P<y>\d{4})\b`).
fn whole_match_groups(shape: Shape) -> bool {
    matches!(shape, Shape::Year)
}

/// Month names as an alternation: capitalised or upper case only, so that the
/// verb "may" and the noun "march" are never months.
fn month_alternation(with_abbreviations: bool) -> String {
    let mut names: Vec<String> = MONTHS.iter().map(|s| s.to_string()).collect();
    if with_abbreviations {
        // Jan, Feb, ... (May is its own abbreviation), and Sept.
        let short = MONTHS.iter().filter(|m| m.len() > 3).map(|m| &m[..3]);
        names.extend(std::iter::once("Sept").chain(short).map(str::to_string));
    }
    let upper: Vec<String> = names.iter().map(|n| n.to_uppercase()).collect();
    names.extend(upper);
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

fn patterns() -> Vec<(WordRegex, Shape, Groups)> {
    let mon = |name: &str| format!(r"(?P<{name}>\b(?:{})\b\.?)", month_alternation(true));
    let day = |name: &str| format!(r"(?P<{name}>\d{{1,2}})(?:st|nd|rd|th)?\b");
    let year = |name: &str| format!(r"(?P<{name}>\d{{4}})\b");
    let opt_year = |name: &str| format!(r"(?:,?\s+{})?", year(name));
    let weekday = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)(?:,\s*|\s+))?";
    let lead = r"(?:(?P<lead>(?i:from|between))\s+)?";
    let conn = r"(?P<conn>\s*[-–—‑]\s*|\s+(?i:to|until|till|through|and)\s+)";
    let of = r"(?:\s+(?i:of))?\s+";
    let (d, d1, d2) = (day("d"), day("d1"), day("d2"));
    let (m, m1, m2) = (mon("m"), mon("m1"), mon("m2"));
    let (y, y1, y2) = (opt_year("y"), opt_year("y1"), opt_year("y2"));
    let full_month = month_alternation(false);
    let sources = [
        (
            format!(r"\b{lead}{weekday}{d1}{conn}{weekday}{d2}{of}{m}{y}"),
            Shape::DayRange,
        ),
        (
            format!(r"\b{lead}{weekday}{m}\s+{d1}{conn}{d2}{y}"),
            Shape::DayRange,
        ),
        (
            format!(r"\b{lead}{weekday}{d1}{of}{m1}{y1}{conn}{weekday}{d2}{of}{m2}{y2}"),
            Shape::CrossMonthRange,
        ),
        (
            format!(r"\b{lead}{weekday}{m1}\s+{d1}{y1}{conn}{weekday}{m2}\s+{d2}{y2}"),
            Shape::CrossMonthRange,
        ),
        (
            format!(r"\b{lead}{m1}{y1}{conn}{m2}{y2}"),
            Shape::MonthRange,
        ),
        (format!(r"\b{weekday}{d}{of}{m}{y}"), Shape::Day),
        (format!(r"\b{weekday}{m}\s+{d}{y}"), Shape::Day),
        (format!(r"{m},?\s+{}", year("y")), Shape::MonthYear),
        (
            r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b".to_string(),
            Shape::Iso,
        ),
        (
            format!(
                r"\b{lead}(?P<y1>\d{{4}})(?P<conn>\s*[-–—‑/]\s*|\s+(?i:to|until|till|through|and)\s+)(?P<y2>\d{{4}}|\d{{2}})\b"
            ),
            Shape::YearSpan,
        ),
        (r"\b(?P<y>\d{4})\b".to_string(), Shape::Year),
        (
            format!(r"\b(?P<lead>[A-Za-z]+)(?:\s+(?i:of)\s+|\s+|-)(?P<m>\b(?:{full_month})\b)"),
            Shape::BareMonth,
        ),
    ];
    sources
        .into_iter()
        .filter_map(|(source, shape)| {
            WordRegex::with_ascii_digits(&source).ok().map(|re| {
                let groups = Groups::of(re.ascii());
                (re, shape, groups)
            })
        })
        .collect()
}

/// Events in the title and body, in the order written, each {start, end} once.
// Kept out of line (one call per release): profiles show each extractor.
#[inline(never)]
pub fn extract(text: &Text) -> Vec<Event> {
    let publication = text.date.map(Period::single);
    let pub_year = text.date.map(|d| d.year());
    let mut out: Vec<Event> = Vec::new();
    let mut seen: HashSet<(PartialDate, Option<PartialDate>)> = HashSet::default();
    let sources = std::iter::once(text.title).chain(text.body.iter().map(String::as_str));
    for source in sources {
        for (period, phrase) in events_in(source, pub_year) {
            if Some(period) == publication {
                continue;
            }
            let event = Event {
                start: period.start,
                end: period.end,
                text: phrase,
            };
            if seen.insert((event.start, event.end)) {
                out.push(event);
            }
        }
    }
    out
}

/// Periods in one paragraph with the phrase each was written as.
fn events_in(s: &str, pub_year: Option<i32>) -> Vec<(Period, String)> {
    let clues = Clues::of(s);
    if !clues.any() {
        return Vec::new();
    }
    // Which form of the patterns reads `s`, asked once for all of them.
    let unicode = needs_unicode(s);
    let found = matches_in_form(s, |shape| clues.allow(shape), unicode);
    chosen_lazily(s, &found, |f| f.candidate(s, pub_year, unicode))
}

/// A pattern's match, its candidate not read yet: reading it takes the
/// match's captures, most of a pattern's cost.
struct Matched<'h> {
    pattern: &'static (WordRegex, Shape, Groups),
    m: Match<'h>,
}

impl<'h> Matched<'h> {
    /// The match's candidate, as [`candidates_in_form`] reads it.
    fn candidate(&self, s: &'h str, pub_year: Option<i32>, unicode: bool) -> Option<Candidate> {
        let (re, shape, groups) = self.pattern;
        if whole_match_groups(*shape) {
            let caps = Caps {
                caps: Found::Whole(self.m),
                groups: *groups,
            };
            return candidate(s, &caps, *shape, pub_year);
        }
        // Searched from the match's start, the pattern finds the match
        // again: leftmost-first, the match that starts there is the one
        // preferred there, wherever the search began.
        let caps = re.for_unicode(unicode).captures_at(s, self.m.start())?;
        let caps = Caps {
            caps: Found::Captures(&caps),
            groups: *groups,
        };
        candidate(s, &caps, *shape, pub_year)
    }
}

/// The matches of every pattern whose shape is allowed, in pattern order
/// (the order of [`candidates_in_form`]'s candidates), found without
/// captures.
fn matches_in_form(s: &str, allow: impl Fn(Shape) -> bool, unicode: bool) -> Vec<Matched<'_>> {
    tables()
        .patterns
        .iter()
        .filter(|(_, shape, _)| allow(*shape))
        .flat_map(|pattern| {
            let re = pattern.0.for_unicode(unicode);
            re.find_iter(s).map(move |m| Matched { pattern, m })
        })
        .collect()
}

/// The candidates of every pattern whose shape is allowed, in pattern order.
#[cfg(test)]
fn candidates(s: &str, pub_year: Option<i32>, allow: impl Fn(Shape) -> bool) -> Vec<Candidate> {
    candidates_in_form(s, pub_year, allow, needs_unicode(s))
}

/// [`candidates`] with the patterns' Unicode form or their ASCII one: every
/// match's candidate, read with its captures (what [`chosen_lazily`] must
/// choose as [`chosen`] chooses among them).
#[cfg(test)]
fn candidates_in_form(
    s: &str,
    pub_year: Option<i32>,
    allow: impl Fn(Shape) -> bool,
    unicode: bool,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    tables()
        .patterns
        .iter()
        .filter(|(_, shape, _)| allow(*shape))
        .for_each(|(re, shape, groups)| {
            let re = re.for_unicode(unicode);
            let mut add = |caps: Found| {
                let caps = Caps {
                    caps,
                    groups: *groups,
                };
                out.extend(candidate(s, &caps, *shape, pub_year));
            };
            if whole_match_groups(*shape) {
                re.find_iter(s).for_each(|m| add(Found::Whole(m)));
            } else {
                re.captures_iter(s)
                    .for_each(|caps| add(Found::Captures(&caps)));
            }
        });
    out
}

/// Whether the Unicode form of [`patterns`] can read `s` otherwise than
/// their ASCII form (`word_regex`): `word_regex::needs_unicode` for these
/// patterns, finer, so that a `São` or a `Côte` away from any date leaves
/// the paragraph to the ASCII form (the Unicode form, compiled for the few
/// such paragraphs and slow on them, was 3 % of ingest on generated text).
///
/// The forms differ in `\b` and `\d` only. No pattern takes a non-ASCII
/// word character but a digit, so without non-ASCII digits every match of
/// either lies between such characters, and the forms can differ only on a
/// match that ends right before one (after an ASCII word character, the
/// ASCII `\b` holds there, the Unicode one not) or starts right after one
/// (likewise). A match ends on a digit, an ordinal suffix, a month name or
/// a full stop (no `\b` after it), and starts on a digit, a capital (a
/// weekday or a month, `From`), `from` or `between`, or a word before
/// white space, `of` or `-` and a month's name (the bare month's lead).
fn needs_unicode(s: &str) -> bool {
    let Some(mut chars) = super::word_regex::non_ascii_word_chars(s) else {
        return true;
    };
    chars.any(|at| {
        let digit = s[at.clone()].chars().any(char::is_numeric);
        digit || may_end_before(&s[..at.start]) || may_start_after(&s[at.end..])
    })
}

/// Whether a match can end at the end of `before` on a `\b`: the ASCII
/// word characters it ends with end on a digit or an ordinal suffix, or
/// are a month's name or abbreviation.
fn may_end_before(before: &str) -> bool {
    let b = before.as_bytes();
    let word = b.len() - b.iter().rev().take_while(|&&c| is_ascii_word(c)).count();
    let run = &b[word..];
    let ordinal = [b"st", b"nd", b"rd", b"th"]
        .iter()
        .any(|o| run.len() > 2 && run[run.len() - 2..].eq_ignore_ascii_case(*o));
    // A month's name or abbreviation in any case (the patterns take two).
    let month = run.eq_ignore_ascii_case(b"sept")
        || MONTHS.iter().any(|m| {
            let m = m.as_bytes();
            run.eq_ignore_ascii_case(m) || run.eq_ignore_ascii_case(&m[..3])
        });
    run.last().is_some_and(u8::is_ascii_digit) || ordinal || month
}

/// Whether a match can start at the start of `after` (on a `\b`).
fn may_start_after(after: &str) -> bool {
    let b = after.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    if first.is_ascii_digit() || first.is_ascii_uppercase() {
        return true;
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let lead = &b[..letters];
    if letters == 0 || lead.eq_ignore_ascii_case(b"from") || lead.eq_ignore_ascii_case(b"between") {
        return letters > 0;
    }
    // The bare month's lead word: `-`, or white space and perhaps `of` and
    // white space, then a month's full name (in any case here).
    let rest = &after[letters..];
    let month_next = |t: &str| {
        MONTHS.iter().any(|m| {
            t.as_bytes()
                .get(..m.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(m.as_bytes()))
        })
    };
    if let Some(t) = rest.strip_prefix('-') {
        return month_next(t);
    }
    let t = rest.trim_start();
    if t.len() == rest.len() {
        return false;
    }
    let of = t
        .get(..2)
        .filter(|w| w.eq_ignore_ascii_case("of"))
        .map(|_| t[2..].trim_start())
        .filter(|u| u.len() < t.len() - 2);
    month_next(t) || of.is_some_and(month_next)
}

/// The candidates that start first (then the longest) without overlapping,
/// as periods and the phrase each was written as.
#[cfg(test)]
fn chosen(s: &str, candidates: Vec<Candidate>) -> Vec<(Period, String)> {
    let mut ranked: Vec<(usize, Candidate)> = candidates.into_iter().enumerate().collect();
    ranked.sort_by_key(|(i, c)| rank(*i, c));
    let mut choice = Choice::default();
    for (_, c) in ranked {
        choice.offer(s, c);
    }
    choice.out
}

/// The order candidates are offered in: the first to start, then the
/// longest, then the first found (`i`, its place in pattern order).
fn rank(i: usize, c: &Candidate) -> (usize, std::cmp::Reverse<usize>, usize) {
    (c.start, std::cmp::Reverse(c.end), i)
}

/// [`chosen`] among the candidates of `found` (in pattern order), reading
/// a match's candidate (`read`) only when it may be offered: in [`rank`]
/// order, as far as needed to tell which comes next. A match that ends
/// where the last one taken ends, or before, is dropped unread: its
/// candidate ends with it and starts inside it, before the end taken, so
/// it would be turned away. Most dates are matched by several patterns
/// (`5 March 2020`: a day, a month, a year), and the captures were most of
/// the events' cost.
fn chosen_lazily(
    s: &str,
    found: &[Matched],
    read: impl Fn(&Matched) -> Option<Candidate>,
) -> Vec<(Period, String)> {
    // By where they start: a candidate starts at or after its match's start.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].m.start());
    let mut order = order.into_iter().peekable();
    // Candidates read and not yet offered, with their place in `found`.
    let mut ready: Vec<(usize, Candidate)> = Vec::new();
    let mut choice = Choice::default();
    loop {
        let first = (0..ready.len()).min_by_key(|&k| rank(ready[k].0, &ready[k].1));
        if let Some(&i) = order.peek() {
            let m = found[i].m;
            if m.end() <= choice.taken_to {
                order.next();
                continue;
            }
            // It may rank before the first read: read it first.
            if first.is_none_or(|k| m.start() <= ready[k].1.start) {
                order.next();
                ready.extend(read(&found[i]).map(|c| (i, c)));
                continue;
            }
        }
        let Some(k) = first else { break };
        let (_, c) = ready.swap_remove(k);
        choice.offer(s, c);
    }
    choice.out
}

/// The candidates taken so far, offered in [`rank`] order.
#[derive(Default)]
struct Choice {
    /// Where the last candidate taken ends.
    taken_to: usize,
    out: Vec<(Period, String)>,
}

impl Choice {
    /// Takes `c` unless it overlaps the last taken or is under embargo.
    fn offer(&mut self, s: &str, c: Candidate) {
        if c.start < self.taken_to || under_embargo(s, c.start) {
            return;
        }
        self.taken_to = c.end;
        let c = open_if_since(s, c);
        let phrase = s.get(c.start..c.end).unwrap_or_default().trim().to_string();
        self.out
            .extend(c.periods.into_iter().map(|p| (p, phrase.clone())));
    }
}

/// Whether `s` can give a candidate of any pattern of [`patterns`]: each
/// needs an ASCII digit or a month name, capitalised or upper case (`Jan`,
/// `MARCH`). One pass over the bytes spares the dozen regex scans of most
/// paragraphs (events were 12 % of ingest).
#[cfg(test)]
fn may_hold_a_date(s: &str) -> bool {
    Clues::of(s).any()
}

/// What a paragraph holds that the patterns' candidates need, found in one
/// pass over its bytes: a pattern is run only when the paragraph holds all
/// its shape needs (most paragraphs with a year hold no month, and then
/// three patterns run instead of twelve; most with a month hold one, and
/// then the ranges between two months are not looked for).
///
/// Each clue is implied by every match of its patterns that can give a
/// candidate (numbers are parsed from ASCII digits), so skipping a pattern
/// whose clue is missing never changes the events.
#[derive(Debug, Clone, Copy)]
struct Clues {
    /// An ASCII digit: every day and year group is parsed from ASCII digits.
    digit: bool,
    /// Four ASCII digits in a row: a year group.
    year: bool,
    /// The first three letters of a month name, capitalised or upper case
    /// (`Mar`, `MAR`: the month groups are case-sensitive), after no ASCII
    /// word character (each month group opens on `\b`), counted up to two:
    /// the ranges between months need two. Any case and any position let
    /// "market", "summary" and "decision" through.
    months: u8,
    /// A month followed by a day or year (`March 5`, `Jan. 2020`): letters,
    /// perhaps `.` and `,`, white space, an ASCII digit.
    month_then_digit: bool,
    /// A day before a month (`5 March`, `5th of March`): an ASCII digit,
    /// perhaps `st`/`nd`/`rd`/`th`, white space, perhaps `of` and white
    /// space, the month.
    digit_then_month: bool,
    /// `2020-0`: the opening of an ISO date.
    iso: bool,
    /// A full month name after a word and white space or `-`, not followed
    /// by a number (a bare month: `in March`; `in March 2020` is not one).
    bare_month: bool,
}

/// Byte classes of [`Clues::of`]: an ASCII digit, `-`, a byte a month
/// name can open with (`JFMASOND`), or none of these.
const DIGIT: u8 = 1;
const DASH: u8 = 2;
const MONTH_INITIAL: u8 = 3;

static CLUE_CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        table[i] = match c {
            b'0'..=b'9' => DIGIT,
            b'-' => DASH,
            b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D' => MONTH_INITIAL,
            _ => 0,
        };
        i += 1;
    }
    table
};

/// White space as `\s` may read it: ASCII white space, or any byte of a
/// character beyond ASCII (a no-break space); more, never less.
fn may_be_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r') || !b.is_ascii()
}

impl Clues {
    fn of(s: &str) -> Clues {
        let b = s.as_bytes();
        let mut clues = Clues {
            digit: false,
            year: false,
            months: 0,
            month_then_digit: false,
            digit_then_month: false,
            iso: false,
            bare_month: false,
        };
        let mut digits_in_a_row = 0;
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            // Up to eight bytes at a time past bytes of no class (lower
            // case, spaces: most text), to the next byte of one; each byte
            // passed would reset the run of digits.
            if let Some(word) = word_at(b, i) {
                let skip = bytes_before_flag(bytes_between(word, b'-' - 1, b'S' + 1));
                if skip > 0 {
                    digits_in_a_row = 0;
                    i += skip;
                    continue;
                }
            }
            let at = i;
            i += 1;
            match CLUE_CLASSES[usize::from(c)] {
                DIGIT => {
                    digits_in_a_row += 1;
                    clues.digit = true;
                    clues.year |= digits_in_a_row >= 4;
                    continue;
                }
                DASH if digits_in_a_row >= 4 => {
                    clues.iso |= b.get(at + 1).is_some_and(u8::is_ascii_digit);
                }
                MONTH_INITIAL
                    if (at == 0 || !is_ascii_word(b[at - 1]))
                        && b.get(at..at + 3).is_some_and(is_month_prefix) =>
                {
                    clues.months = clues.months.saturating_add(1);
                    clues.month_then_digit |= month_then_digit(b, at);
                    clues.digit_then_month |= digit_then_month(b, at);
                    clues.bare_month |= bare_month(b, at);
                }
                _ => {}
            }
            digits_in_a_row = 0;
        }
        clues
    }

    fn any(self) -> bool {
        self.digit || self.months > 0
    }

    /// Whether a pattern of `shape` can give a candidate here.
    fn allow(self, shape: Shape) -> bool {
        let (month, two_months) = (self.months > 0, self.months > 1);
        match shape {
            // Either order of day and month: a day-first and a month-first
            // pattern share each shape.
            Shape::DayRange | Shape::Day => {
                month && self.digit && (self.month_then_digit || self.digit_then_month)
            }
            Shape::CrossMonthRange => {
                two_months && self.digit && (self.month_then_digit || self.digit_then_month)
            }
            Shape::MonthRange => two_months,
            Shape::BareMonth => self.bare_month,
            Shape::MonthYear => self.year && self.month_then_digit,
            Shape::Iso => self.iso,
            Shape::YearSpan | Shape::Year => self.year,
        }
    }
}

/// At a month's opening `i`: its letters, perhaps `.` and `,`, at least one
/// white space, then an ASCII digit.
fn month_then_digit(b: &[u8], i: usize) -> bool {
    let mut k = i;
    while b.get(k).is_some_and(u8::is_ascii_alphabetic) {
        k += 1;
    }
    k += usize::from(b.get(k) == Some(&b'.'));
    k += usize::from(b.get(k) == Some(&b','));
    let spaces_from = k;
    while b.get(k).copied().is_some_and(may_be_space) {
        k += 1;
    }
    k > spaces_from && b.get(k).is_some_and(u8::is_ascii_digit)
}

/// Before a month's opening `i`: an ASCII digit, perhaps an ordinal
/// suffix, at least one white space, perhaps `of` and white space.
fn digit_then_month(b: &[u8], i: usize) -> bool {
    let spaces_before = |k: usize| {
        let mut j = k;
        while j > 0 && may_be_space(b[j - 1]) {
            j -= 1;
        }
        j
    };
    let day_ends_at = |k: usize| {
        b.get(k.wrapping_sub(1)).is_some_and(u8::is_ascii_digit)
            || (k >= 3
                && matches!(&b[k - 2..k], b"st" | b"nd" | b"rd" | b"th")
                && b[k - 3].is_ascii_digit())
    };
    let k = spaces_before(i);
    if k == i {
        return false;
    }
    if day_ends_at(k) {
        return true;
    }
    // `of`, any case, after white space.
    k >= 2 && b[k - 2..k].eq_ignore_ascii_case(b"of") && {
        let j = spaces_before(k - 2);
        j < k - 2 && day_ends_at(j)
    }
}

/// At a month's opening `i`: a full month name (capitalised or upper case),
/// not followed by `,` or spaces and a digit, after ASCII letters and white
/// space or `-` (the bare-month pattern's lead word).
fn bare_month(b: &[u8], i: usize) -> bool {
    let full_at = |name: &str| {
        let n = name.as_bytes();
        b.get(i..i + n.len())
            .is_some_and(|w| w == n || w.iter().zip(n).all(|(a, c)| *a == c.to_ascii_uppercase()))
    };
    let not_before_number = MONTHS.iter().any(|name| {
        full_at(name) && {
            let mut k = i + name.len();
            while b.get(k).is_some_and(|c| matches!(c, b',' | b' ')) {
                k += 1;
            }
            !b.get(k).is_some_and(u8::is_ascii_digit)
        }
    });
    if !not_before_number || i == 0 {
        return false;
    }
    let mut k = i;
    if b[k - 1] == b'-' {
        k -= 1;
    } else {
        if !may_be_space(b[k - 1]) {
            return false;
        }
        while k > 0 && may_be_space(b[k - 1]) {
            k -= 1;
        }
    }
    k > 0 && b[k - 1].is_ascii_alphabetic()
}

/// `Jan` or `JAN`, ... : how every month name and abbreviation the patterns
/// know opens (`Sept` too).
fn is_month_prefix(three: &[u8]) -> bool {
    // The first three letters of `MONTHS`, as written and in capitals (a
    // test checks them against the list).
    matches!(
        three,
        b"Jan"
            | b"Feb"
            | b"Mar"
            | b"Apr"
            | b"May"
            | b"Jun"
            | b"Jul"
            | b"Aug"
            | b"Sep"
            | b"Oct"
            | b"Nov"
            | b"Dec"
            | b"JAN"
            | b"FEB"
            | b"MAR"
            | b"APR"
            | b"MAY"
            | b"JUN"
            | b"JUL"
            | b"AUG"
            | b"SEP"
            | b"OCT"
            | b"NOV"
            | b"DEC"
    )
}

/// A pattern match as a candidate, or `None` when it is not a date after all.
fn candidate(s: &str, caps: &Caps, shape: Shape, pub_year: Option<i32>) -> Option<Candidate> {
    let whole = caps.get(0)?;
    let (start, end) = match shape {
        // Only the month is the phrase; the lead word just licenses it.
        Shape::BareMonth => caps.name(G::M).map(|m| (m.start(), m.end()))?,
        _ => (whole.start(), whole.end()),
    };
    let start = lead_trimmed_start(s, caps).unwrap_or(start);
    if matches!(shape, Shape::Year | Shape::YearSpan) && !year_context_ok(s, start, end) {
        return None;
    }
    let periods = periods(s, caps, shape, pub_year)?;
    Some(Candidate {
        start,
        end,
        periods,
    })
}

/// "from" belongs to the phrase only when paired with "to" (`from 3 to 5
/// March`); before a dash range (`from 29-31 January`) it is just a preposition.
fn lead_trimmed_start(s: &str, caps: &Caps) -> Option<usize> {
    let (lead, conn) = (caps.name(G::Lead)?, caps.name(G::Conn)?);
    if conn.as_str().chars().any(char::is_alphabetic) {
        return None;
    }
    let rest = s.get(lead.end()..)?;
    Some(lead.end() + rest.len() - rest.trim_start().len())
}

fn periods(s: &str, caps: &Caps, shape: Shape, pub_year: Option<i32>) -> Option<Vec<Period>> {
    let text = |name: G| caps.name(name).map(|m| m.as_str());
    let num = |name: G| text(name).and_then(|t| t.parse::<u8>().ok());
    let month = |name: G| text(name).and_then(month_from_name);
    let written_year = |name: G| match text(name) {
        Some(y) => y
            .parse::<i32>()
            .ok()
            .filter(|y| YEARS.contains(y))
            .map(Some),
        None => Some(None),
    };
    // "and" joins a range only after "between"; otherwise it lists two dates.
    let lead = text(G::Lead).map(str::to_lowercase);
    let conn = text(G::Conn)
        .map(|c| c.trim().to_lowercase())
        .unwrap_or_default();
    let is_list = conn == "and" && lead.as_deref() != Some("between");
    let join = |a: PartialDate, b: PartialDate| -> Option<Vec<Period>> {
        if is_list {
            (a.first_day() < b.first_day()).then(|| vec![Period::single(a), Period::single(b)])
        } else {
            Period::range(a, b).map(|p| vec![p])
        }
    };
    match shape {
        Shape::DayRange => {
            let y = written_year(G::Y)?.or(pub_year)?;
            let m = month(G::M)?;
            join(
                PartialDate::of_day(y, m, num(G::D1)?)?,
                PartialDate::of_day(y, m, num(G::D2)?)?,
            )
        }
        Shape::CrossMonthRange => {
            let (m1, m2) = (month(G::M1)?, month(G::M2)?);
            let y2 = written_year(G::Y2)?.or(pub_year)?;
            let y1 = written_year(G::Y1)?.unwrap_or(if m1 > m2 { y2 - 1 } else { y2 });
            join(
                PartialDate::of_day(y1, m1, num(G::D1)?)?,
                PartialDate::of_day(y2, m2, num(G::D2)?)?,
            )
        }
        Shape::MonthRange => {
            let (m1, m2) = (month(G::M1)?, month(G::M2)?);
            let y2 = written_year(G::Y2)?.or(pub_year)?;
            let y1 = written_year(G::Y1)?.unwrap_or(if m1 > m2 { y2 - 1 } else { y2 });
            join(
                PartialDate::of_month(y1, m1)?,
                PartialDate::of_month(y2, m2)?,
            )
        }
        Shape::Day => {
            let y = written_year(G::Y)?.or(pub_year)?;
            Some(vec![Period::single(PartialDate::of_day(
                y,
                month(G::M)?,
                num(G::D)?,
            )?)])
        }
        Shape::MonthYear => {
            let y = written_year(G::Y)??;
            Some(vec![Period::single(PartialDate::of_month(
                y,
                month(G::M)?,
            )?)])
        }
        Shape::Iso => {
            let y = written_year(G::Y)??;
            Some(vec![Period::single(PartialDate::of_day(
                y,
                num(G::Mo)?,
                num(G::D)?,
            )?)])
        }
        Shape::YearSpan => {
            // "2018 and 2019" lists two years: each is found on its own.
            if is_list {
                return None;
            }
            let y1 = written_year(G::Y1)??;
            let y2 = span_end(y1, text(G::Y2)?)?;
            join(PartialDate::of_year(y1)?, PartialDate::of_year(y2)?)
        }
        Shape::Year => Some(vec![Period::single(PartialDate::of_year(written_year(
            G::Y,
        )??)?)]),
        Shape::BareMonth => {
            let lead = lead?;
            let m = caps.name(G::M)?;
            let followed_by_number = s
                .get(m.end()..)?
                .trim_start_matches([',', ' '])
                .starts_with(|c: char| c.is_ascii_digit());
            if followed_by_number || !tables().lead.contains(&lead) {
                return None;
            }
            Some(vec![Period::single(PartialDate::of_month(
                pub_year?,
                month_from_name(m.as_str())?,
            )?)])
        }
    }
}

/// The end year of a span written `2018-2022` or `2018/19`: within a century
/// after the start.
fn span_end(start: i32, written: &str) -> Option<i32> {
    let n: i32 = written.parse().ok()?;
    let end = if written.len() == 2 {
        start - start % 100 + n
    } else {
        n
    };
    (end > start && end - start <= 100 && YEARS.contains(&end)).then_some(end)
}

/// Whether a four-digit number (or span) at `start..end` stands where a year can:
/// not glued to other tokens (S/2019/123, A-2100, COVID-2019), not part of a
/// phone number (+43 1 26060 2019) or postal address (, 2100 Copenhagen), not
/// an amount (USD 2019, 2000 euros), not a count (2000 people), not a name
/// (2030 Agenda) and not a reference number (resolution 2250).
fn year_context_ok(s: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (s.get(..start), s.get(end..)) else {
        return false;
    };
    let tables = tables();
    let postal_code = before.ends_with(", ")
        && after.starts_with(' ')
        && next_word(after).starts_with(char::is_uppercase);
    let not_a_year = glued_before(before)
        || glued_after(after)
        || between_numbers(before, after)
        || postal_code
        || super::money::has_currency_before(before)
        || super::money::currency_after_len(after).is_some()
        || tables
            .before
            .contains(&previous_word(before).to_lowercase())
        || tables.after.contains(&next_word(after).to_lowercase())
        || after.starts_with(['%', '°']);
    !not_a_year
}

/// The character before is part of another token. A prefix such as `mid-` or
/// `pre-` keeps the year (mid-2020).
fn glued_before(before: &str) -> bool {
    let Some(c) = before.chars().next_back() else {
        return false;
    };
    if matches!(c, '-' | '–') {
        let word = previous_word(
            before
                .get(..before.len() - c.len_utf8())
                .unwrap_or_default(),
        );
        let prefixes = ["mid", "pre", "post", "early", "late", "end"];
        return !prefixes.iter().any(|p| word.eq_ignore_ascii_case(p));
    }
    c.is_alphanumeric() || "/_.+#@&$€£¥:,".contains(c)
}

/// The character after continues the token (2019s, 2019/123, 2019-nCoV, 2.019,5).
fn glued_after(after: &str) -> bool {
    let mut chars = after.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    let then_alnum = chars.next().is_some_and(char::is_alphanumeric);
    c.is_alphanumeric() || "/_+@".contains(c) || ("-–.,".contains(c) && then_alnum)
}

/// Digits on both or either side across spaces: a phone number or a number list.
fn between_numbers(before: &str, after: &str) -> bool {
    let b = before.trim_end_matches(' ');
    let a = after.trim_start_matches(' ');
    b.len() < before.len() && b.ends_with(|c: char| c.is_ascii_digit())
        || a.len() < after.len() && a.starts_with(|c: char| c.is_ascii_digit())
}

/// The word just before (letters only, trailing dot dropped): `No.` → `No`.
fn previous_word(before: &str) -> &str {
    let t = before.trim_end().trim_end_matches('.');
    let start = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(t.len(), |(i, _)| i);
    t.get(start..).unwrap_or_default()
}

/// The word just after (letters only), or `%`-like signs.
fn next_word(after: &str) -> &str {
    let t = after.trim_start();
    let end = t
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(t.len(), |(i, _)| i);
    t.get(..end).unwrap_or_default()
}

/// An embargo line's dates ("Embargoed until 17 April 2019") are not events:
/// "embargo" earlier in the same sentence, close before the date.
fn under_embargo(s: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(EMBARGO_WINDOW);
    while !s.is_char_boundary(from) {
        from -= 1;
    }
    let Some(window) = s.get(from..start) else {
        return false;
    };
    // No `embargo` in the window without ASCII case: none in its sentence
    // lowercased either (only `K` and `İ` lowercase to ASCII letters, `k`
    // and `i` with a combining dot), and most dates are far from one.
    let w = window.as_bytes();
    let near = w.iter().enumerate().any(|(i, &b)| {
        (b | 0x20) == b'e'
            && w.get(i..i + 7)
                .is_some_and(|e| e.eq_ignore_ascii_case(b"embargo"))
    });
    if !near {
        return false;
    }
    let sentence = [". ", "; ", "\n"]
        .iter()
        .filter_map(|end| window.rfind(end).map(|i| i + end.len()))
        .max()
        .and_then(|i| window.get(i..))
        .unwrap_or(window);
    sentence.to_lowercase().contains("embargo")
}

/// `since 2015`, `from 2015 onwards`: a single point becomes an open period and
/// the phrase takes the words in.
fn open_if_since(s: &str, mut c: Candidate) -> Candidate {
    let period = match c.periods.as_slice() {
        [only] if only.is_single() => *only,
        _ => return c,
    };
    let before = s.get(..c.start).unwrap_or_default();
    let after = s.get(c.end..).unwrap_or_default();
    let word = previous_word(before);
    let word_start = before.trim_end().len() - word.len();
    let onwards = ["onwards", "onward"]
        .iter()
        .find(|w| next_word(after).eq_ignore_ascii_case(w));
    let opens = word.eq_ignore_ascii_case("since")
        || (word.eq_ignore_ascii_case("from") && onwards.is_some());
    let open_start = opens.then_some(word_start);
    if let Some(start) = open_start {
        c.periods = vec![Period {
            start: period.start,
            end: None,
        }];
        c.start = start;
        if let Some(w) = onwards {
            let skipped = after.len() - after.trim_start().len();
            c.end += skipped + w.len();
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_prefixes_are_the_months_openings() {
        let mut all = Vec::new();
        for m in MONTHS {
            let three = &m.as_bytes()[..3];
            all.push(three.to_vec());
            all.push(three.to_ascii_uppercase());
        }
        for a in b'A'..=b'z' {
            for b in b'A'..=b'z' {
                for c in [
                    b'a', b'b', b'c', b'e', b'g', b'l', b'n', b'p', b'r', b't', b'v', b'y',
                ] {
                    for c in [c, c.to_ascii_uppercase()] {
                        let t = [a, b, c];
                        assert_eq!(is_month_prefix(&t), all.contains(&t.to_vec()), "{t:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_date_gate_lets_every_dated_text_through_and_skips_the_rest() {
        for dated in [
            "on 3 March",
            "in MARCH",
            "Sept. talks",
            "the 2019 report",
            "from Jan to Feb",
            "By December, all of it",
        ] {
            assert!(may_hold_a_date(dated), "{dated}");
        }
        for plain in [
            "The market may march on.",
            "",
            "Ministers met; no dates here.",
            "A decision, in summary, to separate the markets.",
        ] {
            assert!(!may_hold_a_date(plain), "{plain}");
        }
    }

    /// Where `needs_unicode` leaves a text with a non-ASCII word character
    /// to the ASCII form, both forms give the same candidates; next to a
    /// possible match, it does not.
    #[test]
    fn the_ascii_form_reads_what_the_unicode_form_reads_where_it_is_used() {
        let texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "São Paulo, 12 March 2020 – Côte d’Ivoire and Türkiye, 2018–2022",
            "Mérida, Yucatán 5 March 2021; Société Générale in 2020",
            "é2020, 2020é, 12thé, 12éMarch, Marché 5 March, Januaryé 5",
            "Saé March 2020, déjà vu from 5 March, sé-March, sé of March",
            "é from 2020, é between 2019 and 2020, éfrom 2020, éMarch 2020",
            "Москва 5 March 2020, ٢٠٢٠ March, March ٢٠٢٠, 12 Sept. 2020 Ж",
            "ſ March 2020, K 2020, Monday é, é Monday 5 March",
        ]);
        let mut ascii_read = 0;
        for t in &texts {
            let before = super::super::word_regex::needs_unicode(t);
            if !before || needs_unicode(t) {
                continue;
            }
            ascii_read += 1;
            for pub_year in [None, Some(2019)] {
                let ascii = candidates_in_form(t, pub_year, |_| true, false);
                let unicode = candidates_in_form(t, pub_year, |_| true, true);
                assert_eq!(format!("{ascii:?}"), format!("{unicode:?}"), "{t:?}");
            }
        }
        assert!(ascii_read > 100, "{ascii_read}");
        for t in [
            "é2020",
            "2020é",
            "12thé",
            "Marché",
            "éMarch",
            "é2 March",
            "éfrom",
        ] {
            assert!(needs_unicode(t), "{t:?}");
        }
        for t in [
            "São Paulo, 12 March 2020",
            "Côte d’Ivoire, 2018–2022",
            "Société 5",
        ] {
            assert!(!needs_unicode(t), "{t:?}");
        }
    }

    #[test]
    fn the_clues_hold_wherever_a_pattern_matches() {
        let texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "the decision of 3 March 2020",
            "xMarch 3",
            "_May 5, 2020",
            "éMarch 5 2020",
            "(March) 5",
            "2March 2020",
            "MARCH 2020 to MAY 2021",
            "Sept. 5-7",
            "JUNE 2, 2020",
            "in Juneau 2020",
            "from Feb to Mar",
            "end of Decembre 2020",
            "in March, and in mid-April; the 5th of May; 5 OF JUNE",
            "March\u{a0}5 and 7 \u{2003}of\u{a0}July, 2020-01-02, 2020-1",
            "between 3rd and 5 th of March, by Sept. 2021",
            "since early-June and until late July 2020, then August",
            "2 March 2014 \u{2013} from 2-5 March 2014 in Cairo",
            "Maria, June, JULY: no dates, nor Mayor nor Marching 5",
        ]);
        // Every shape's candidates (with and without a publication year:
        // some shapes take the year from it).
        let mut matched = 0;
        for t in &texts {
            let clues = Clues::of(t);
            for pub_year in [None, Some(2019)] {
                for (re, shape, groups) in &tables().patterns {
                    let given = re
                        .for_text(t)
                        .captures_iter(t)
                        .filter(|caps| {
                            if whole_match_groups(*shape) {
                                for m in caps.iter().flatten() {
                                    assert_eq!(
                                        Some(m.range()),
                                        caps.get(0).map(|w| w.range()),
                                        "{shape:?} in {t:?}"
                                    );
                                }
                            }
                            let caps = Caps {
                                caps: Found::Captures(caps),
                                groups: *groups,
                            };
                            candidate(t, &caps, *shape, pub_year).is_some()
                        })
                        .count();
                    if given > 0 {
                        matched += 1;
                        assert!(clues.allow(*shape), "{shape:?} in {t:?}");
                    }
                }
                // And so the events are those of every pattern run.
                let gated = chosen(t, candidates(t, pub_year, |shape| clues.allow(shape)));
                let all = chosen(t, candidates(t, pub_year, |_| true));
                assert_eq!(gated, all, "{t:?}");
            }
        }
        assert!(matched > 100, "{matched}");
    }

    #[test]
    fn the_lazy_choice_is_the_choice_among_every_candidate() {
        let cases = CASES.iter().map(|(text, _)| *text).chain([
            "2-3 October 2006, from 2 to 5 March 2014, since 2015 and 2016-2018",
            "from 29-31 January to 3 February 2020; between 3 and 5 May, 2021",
            "Embargoed until 5 March 2020. Met 4 March 2020 and MARCH 2021-APRIL 2022",
            "in March, April and May 2019; 2019-04-17; 5 March 2020 onwards",
        ]);
        let texts = crate::sample_texts::with_paragraphs_and_lines(&cases.collect::<Vec<_>>());
        let mut chosen_some = 0;
        for t in &texts {
            for pub_year in [None, Some(2019)] {
                for unicode in [false, true] {
                    let every = chosen(t, candidates_in_form(t, pub_year, |_| true, unicode));
                    let found = matches_in_form(t, |_| true, unicode);
                    let lazy = chosen_lazily(t, &found, |f| f.candidate(t, pub_year, unicode));
                    assert_eq!(lazy, every, "{t:?} {pub_year:?} {unicode}");
                    chosen_some += usize::from(!every.is_empty());
                }
            }
        }
        assert!(chosen_some > 1000, "{chosen_some}");
    }

    fn events(body: &str, date: Option<PartialDate>) -> Vec<(String, Option<String>, String)> {
        let body = vec![body.to_string()];
        let text = Text {
            title: "",
            body: &body,
            footer: &[],
            dateline: None,
            date,
        };
        extract(&text)
            .into_iter()
            .map(|e| (e.start.to_string(), e.end.map(|d| d.to_string()), e.text))
            .collect()
    }

    fn published() -> Option<PartialDate> {
        PartialDate::of_day(2019, 4, 17)
    }

    /// Expected (start, end or "" for an open period, text).
    type Expected = (&'static str, &'static str, &'static str);

    const CASES: &[(&str, &[Expected])] = &[
        // Single days.
        (
            "met on 17 April 2018.",
            &[("2018-04-17", "2018-04-17", "17 April 2018")],
        ),
        (
            "met on April 17, 2018.",
            &[("2018-04-17", "2018-04-17", "April 17, 2018")],
        ),
        (
            "the 17th of April 2018",
            &[("2018-04-17", "2018-04-17", "17th of April 2018")],
        ),
        (
            "on Monday, 3 March 2021 at",
            &[("2021-03-03", "2021-03-03", "Monday, 3 March 2021")],
        ),
        ("on 3 March", &[("2019-03-03", "2019-03-03", "3 March")]),
        (
            "ON 3 MARCH 2021",
            &[("2021-03-03", "2021-03-03", "3 MARCH 2021")],
        ),
        (
            "on 2021-03-03",
            &[("2021-03-03", "2021-03-03", "2021-03-03")],
        ),
        // Day ranges.
        (
            "from 29-31 January 2019.",
            &[("2019-01-29", "2019-01-31", "29-31 January 2019")],
        ),
        (
            "from 3 to 5 March",
            &[("2019-03-03", "2019-03-05", "from 3 to 5 March")],
        ),
        (
            "held 3–5 March 2021",
            &[("2021-03-03", "2021-03-05", "3–5 March 2021")],
        ),
        (
            "30 June - 2 July 2021",
            &[("2021-06-30", "2021-07-02", "30 June - 2 July 2021")],
        ),
        (
            "between 3 and 5 March",
            &[("2019-03-03", "2019-03-05", "between 3 and 5 March")],
        ),
        (
            "March 3-5, 2021",
            &[("2021-03-03", "2021-03-05", "March 3-5, 2021")],
        ),
        (
            "30 December 2020 - 2 January 2021",
            &[(
                "2020-12-30",
                "2021-01-02",
                "30 December 2020 - 2 January 2021",
            )],
        ),
        (
            "on 3 and 4 March 2021",
            &[
                ("2021-03-03", "2021-03-03", "3 and 4 March 2021"),
                ("2021-03-04", "2021-03-04", "3 and 4 March 2021"),
            ],
        ),
        (
            "June 30 - July 2, 2021",
            &[("2021-06-30", "2021-07-02", "June 30 - July 2, 2021")],
        ),
        (
            "from 3 March to 5 April 2021",
            &[("2021-03-03", "2021-04-05", "from 3 March to 5 April 2021")],
        ),
        (
            "on Sept. 5, 2019",
            &[("2019-09-05", "2019-09-05", "Sept. 5, 2019")],
        ),
        // Months.
        (
            "between January and March 2018",
            &[("2018-01", "2018-03", "between January and March 2018")],
        ),
        (
            "December 2018 - February 2019",
            &[("2018-12", "2019-02", "December 2018 - February 2019")],
        ),
        (
            "in March and April 2021",
            &[
                ("2021-03", "2021-03", "March and April 2021"),
                ("2021-04", "2021-04", "March and April 2021"),
            ],
        ),
        (
            "in January 2019,",
            &[("2019-01", "2019-01", "January 2019")],
        ),
        ("in March the group", &[("2019-03", "2019-03", "March")]),
        ("by mid-June", &[("2019-06", "2019-06", "June")]),
        (
            "from March to May 2020",
            &[("2020-03", "2020-05", "from March to May 2020")],
        ),
        // Years and spans.
        ("a law (2004), which", &[("2004", "2004", "2004")]),
        ("in 2019 the office", &[("2019", "2019", "2019")]),
        (
            "a four-year (2018-2022) plan",
            &[("2018", "2022", "2018-2022")],
        ),
        ("a 2018–2022 plan", &[("2018", "2022", "2018–2022")]),
        (
            "between 2018 and 2022",
            &[("2018", "2022", "between 2018 and 2022")],
        ),
        (
            "from 2018 to 2022",
            &[("2018", "2022", "from 2018 to 2022")],
        ),
        ("the 2018/19 season", &[("2018", "2019", "2018/19")]),
        ("in GLO.ACT 2015-2019 and", &[("2015", "2019", "2015-2019")]),
        ("the 2019-20 biennium", &[("2019", "2020", "2019-20")]),
        (
            "in 2017 and 2018",
            &[("2017", "2017", "2017"), ("2018", "2018", "2018")],
        ),
        ("in mid-2020", &[("2020", "2020", "2020")]),
        // Open periods.
        ("since 2015, the office", &[("2015", "", "since 2015")]),
        ("since March 2015", &[("2015-03", "", "since March 2015")]),
        ("from 2015 onwards", &[("2015", "", "from 2015 onwards")]),
        // The publication date (17 April 2019) is never an event.
        ("on 17 April 2019 and April 17", &[]),
        // Embargo dates are not events.
        ("EMBARGOED until 18 April 2019, 00:01 GMT", &[]),
        (
            "Embargoed until 18 April 2019. The meeting on 20 April 2019",
            &[("2019-04-20", "2019-04-20", "20 April 2019")],
        ),
        // Identical pairs appear once, in order of position.
        (
            "2004, then 2010 and again 2004",
            &[("2004", "2004", "2004"), ("2010", "2010", "2010")],
        ),
        // Not events.
        (
            "last week, this year, next month, yesterday, last March",
            &[],
        ),
        ("a four-year plan, a 10-year strategy", &[]),
        ("call +43 1 26060 2019 now", &[]),
        ("A-1400 Vienna, 2100 Copenhagen", &[]),
        ("some 2,000 victims, 2000 people, 1500 km", &[]),
        ("USD 2019 and 2000 euros", &[]),
        ("document S/2019/123 and UNIS/CP/2019", &[]),
        ("the COVID-19 pandemic", &[]),
        (
            "the 2030 Agenda for Sustainable Development and Agenda 2030",
            &[],
        ),
        ("in 1850 and 2150", &[]),
        ("resolution 2019 and No. 2001", &[]),
        ("we may march on", &[]),
        ("in the 1990s and 2000s", &[]),
        ("a rise of 2020% and 2021 per cent", &[]),
    ];

    #[test]
    fn calendar_expressions() {
        for (input, expected) in CASES {
            let want: Vec<(String, Option<String>, String)> = expected
                .iter()
                .map(|(s, e, t)| {
                    (
                        s.to_string(),
                        (!e.is_empty()).then(|| e.to_string()),
                        t.to_string(),
                    )
                })
                .collect();
            assert_eq!(events(input, published()), want, "input: {input}");
        }
    }

    #[test]
    fn days_and_months_without_a_year_need_a_publication_date() {
        assert!(events("on 3 March and in June", None).is_empty());
        assert_eq!(events("on 3 March 2021", None).len(), 1);
    }

    #[test]
    fn seed_release() {
        let body: Vec<String> = [
            "UNODC hosted a delegation for a three-day meeting in Vienna from 29-31 January 2019.",
            "including through a dedicated anti-human trafficking law (2004), which is in revision.",
            "The Global Action (GLO.ACT Asia and the Middle East) is a four-year (2018-2022), €12 million joint initiative.",
            "The project builds on a community of practice set in motion in GLO.ACT 2015-2019 and assists.",
        ]
        .map(String::from)
        .to_vec();
        let footer = vec![
            "Twitter: @glo_act".to_string(),
            "Tel: +43 1 26060 2019".to_string(),
        ];
        let text = Text {
            title: "Islamic Republic of Iran and UNODC to increase cooperation",
            body: &body,
            footer: &footer,
            dateline: None,
            date: published(),
        };
        let got: Vec<(String, Option<String>)> = extract(&text)
            .into_iter()
            .map(|e| (e.start.to_string(), e.end.map(|d| d.to_string())))
            .collect();
        let want = [
            ("2019-01-29", "2019-01-31"),
            ("2004", "2004"),
            ("2018", "2022"),
            ("2015", "2019"),
        ]
        .map(|(s, e)| (s.to_string(), Some(e.to_string())));
        assert_eq!(got, want);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let mixed = "Ünïcode€ 12 million — from 3–5 März, 30 June - 2 July 2021 (2018–2022) US$ 1.5bn ¥ 2019/20 since 2015 Rs. 5";
        for (i, _) in mixed.char_indices() {
            for s in [&mixed[..i], &mixed[i..]] {
                let _ = events(s, published());
            }
        }
        for s in [
            "",
            "2019",
            "since",
            "ü2019ü",
            "31 February 2019",
            "from 5 to 3 March",
            "2022-2018",
            "€—2019",
        ] {
            let _ = events(s, published());
            let _ = events(s, None);
        }
    }
}
