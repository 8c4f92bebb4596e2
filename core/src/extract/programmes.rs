//! Programmes: named projects, programmes, initiatives, facilities, trust
//! funds, campaigns, partnerships and national strategies or action plans,
//! with their acronym and period.
//!
//! A name is found in four ways (word lists in `core/data/programmes.tsv`):
//! 1. capitalised words around a capitalised head noun, with a trailing
//!    `of/on/for/against/to ...` phrase: `the Global Programme against Money
//!    Laundering (GPML)`, `National Action Plan against Trafficking in Persons`;
//!    a lower-case head counts after a known programme or two capitalised
//!    words that do not name an owner: `the UN.GIFT initiative`, `the Blue
//!    Heart campaign` (but not `the European Union project`);
//! 2. a name introduced with an acronym in brackets that the sentence then
//!    calls a programme (`X (ABC) is a four-year ... initiative`) or that is a
//!    known programme; where the bracket holds an acronym followed by a
//!    qualifier (`GLO.ACT Asia and the Middle East`), the acronym is its first
//!    word (`GLO.ACT`): the qualifier is already in the name;
//! 3. a quoted name next to a head noun: `the EU-funded project "X"`;
//! 4. a known programme alone: `GLO.ACT 2015-2019` (name = acronym = as written).
//!
//! The period comes from a year range right after the name or its acronym,
//! `(2018-2022)` in the same sentence's `is a ...` clause, `from 2018 to 2022`,
//! `launched in 2019` (start only) or a range just before the name.
//!
//! One entry per programme and period: mentions of the same programme (same
//! name or acronym, or a name that begins another) merge; a mention without
//! period merges into the first entry; one with a period fills an entry with
//! none or, if every entry already has another period, starts a new entry
//! (`GLO.ACT 2015-2019` beside `GLO.ACT ... (2018-2022)`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use regex::Regex;

use super::Text;
use crate::ingest::dates::month_from_name;
use crate::model::Programme;

/// Tokens scanned after `is a` for the head noun that makes a name a programme.
const PREDICATE_REACH: usize = 14;
/// Longest bracket that can hold an acronym.
const MAX_BRACKET_TOKENS: usize = 8;
/// Longest quoted name, in tokens.
const MAX_QUOTED_TOKENS: usize = 25;
/// Bytes after a name searched for its period (the sentence is cut earlier).
const PERIOD_WINDOW: usize = 240;

pub fn extract(text: &Text) -> Vec<Programme> {
    let title = (!is_title_case(text.title)).then_some(text.title);
    let mut merged = Merged::default();
    for paragraph in title
        .into_iter()
        .chain(text.body.iter().map(String::as_str))
    {
        for mention in mentions(paragraph) {
            merged.merge(mention);
        }
    }
    merged.entries
}

// ---------------------------------------------------------------------------
// Reference lists

struct Lists {
    heads: HashSet<String>,
    hints: Vec<Vec<String>>,
    excludes: Vec<String>,
    not_programme: HashSet<String>,
    owners: HashSet<String>,
    function_words: HashSet<String>,
    connectors: HashSet<String>,
    in_after: HashSet<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| parse_lists(include_str!("../../data/programmes.tsv")))
}

fn parse_lists(tsv: &str) -> Lists {
    let mut l = Lists {
        heads: HashSet::new(),
        hints: Vec::new(),
        excludes: Vec::new(),
        not_programme: HashSet::new(),
        owners: HashSet::new(),
        function_words: HashSet::new(),
        connectors: HashSet::new(),
        in_after: HashSet::new(),
    };
    let rows = tsv
        .lines()
        .filter(|r| !r.trim().is_empty() && !r.starts_with('#'));
    for (kind, value) in rows.filter_map(|r| r.split_once('\t')) {
        let value = value.trim();
        let lower = value.to_lowercase();
        match kind.trim() {
            "head" => {
                l.heads.insert(lower);
            }
            "hint" => l
                .hints
                .push(value.split_whitespace().map(str::to_string).collect()),
            "exclude" => l.excludes.push(lower),
            "not_programme" => {
                l.not_programme.insert(lower);
            }
            "owner" => {
                l.owners.insert(lower);
            }
            "function" => {
                l.function_words.insert(lower);
            }
            "connector" => {
                l.connectors.insert(lower);
            }
            "in_after" => {
                l.in_after.insert(lower);
            }
            _ => {}
        }
    }
    l
}

/// An excluded organisation or goal, alone or (names of several words)
/// opening a longer name (`United Nations Development Programme in Iran`).
fn is_excluded(name: &str) -> bool {
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lists().excludes.iter().any(|e| {
        let opens =
            e.contains(' ') && lower.starts_with(e.as_str()) && lower[e.len()..].starts_with(' ');
        lower == e || opens
    })
}

fn is_hint(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    lists().hints.iter().any(|h| hint_matches(h, &words))
}

/// One-word hints (acronyms) keep their case; longer ones ignore it.
fn hint_matches(hint: &[String], words: &[&str]) -> bool {
    hint.len() == words.len()
        && hint.iter().zip(words).all(|(h, w)| {
            if hint.len() == 1 {
                h == w
            } else {
                h.eq_ignore_ascii_case(w)
            }
        })
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Open,
    Close,
    Quote,
    Dash,
    /// Comma, semicolon, colon: nothing joins across it.
    Break,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: Kind,
    /// A full stop, `!` or `?` follows.
    sentence_end: bool,
    /// `UNODC's`: the word names an owner (text has the `'s` removed).
    possessive: bool,
}

impl<'a> Tok<'a> {
    fn new(s: &'a str, start: usize, end: usize, kind: Kind) -> Tok<'a> {
        Tok {
            text: &s[start..end],
            start,
            end,
            kind,
            sentence_end: false,
            possessive: false,
        }
    }

    fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    fn is_year(&self) -> bool {
        self.is_word() && self.text.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Capitalised, and not a hyphenated participle (`EU-funded`, `UNODC-led`).
    fn is_cap(&self) -> bool {
        let first_upper = self
            .text
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        let participle = self.text.rsplit_once('-').is_some_and(|(_, tail)| {
            tail.chars().all(char::is_lowercase)
                && (tail.ends_with("ed") || matches!(tail, "led" | "run" | "wide" | "based"))
        });
        self.is_word() && first_upper && !participle && !self.is_year()
    }

    fn is_connector(&self) -> bool {
        self.is_word() && !self.is_cap() && lists().connectors.contains(&self.lower())
    }

    fn is_head(&self) -> bool {
        self.is_word() && lists().heads.contains(&self.lower())
    }

    /// `GLO.ACT`, `GPML`, `E4J`, `goAML`, `EU-ACT`, `SDGs`.
    fn is_acronym(&self) -> bool {
        acronym_like(self.text)
    }
}

fn acronym_like(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    upper >= 2 && (upper >= lower || word.contains('.'))
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let kind = match c {
            _ if c.is_whitespace() => continue,
            '(' | '[' => Kind::Open,
            ')' | ']' => Kind::Close,
            '"' | '“' | '”' | '«' | '»' => Kind::Quote,
            '–' | '—' => Kind::Dash,
            ',' | ';' | ':' => Kind::Break,
            '.' | '!' | '?' => {
                if let Some(last) = toks.last_mut() {
                    last.sentence_end = true;
                }
                continue;
            }
            _ => {
                let mut word_end = end;
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_whitespace() || "()[]\"“”«»,;:!?".contains(d) {
                        break;
                    }
                    word_end = j + d.len_utf8();
                    chars.next();
                }
                push_word(&mut toks, s, i, word_end);
                continue;
            }
        };
        toks.push(Tok::new(s, i, end, kind));
    }
    toks
}

/// Splits quotes, a possessive and a final full stop off a word.
fn push_word<'a>(toks: &mut Vec<Tok<'a>>, s: &'a str, mut start: usize, mut end: usize) {
    while let Some(q) = s[start..end]
        .chars()
        .next()
        .filter(|c| matches!(c, '‘' | '\''))
    {
        toks.push(Tok::new(s, start, start + q.len_utf8(), Kind::Quote));
        start += q.len_utf8();
    }
    let mut sentence_end = false;
    let mut closing_quote = None;
    loop {
        let w = &s[start..end];
        if w.ends_with('.') && !is_abbreviation(w) {
            sentence_end = true;
            end -= 1;
        } else if let Some(q) = w.chars().next_back().filter(|c| matches!(c, '’' | '\'')) {
            closing_quote = Some(end - q.len_utf8());
            end -= q.len_utf8();
        } else {
            break;
        }
    }
    let w = &s[start..end];
    if w.is_empty() {
        return;
    }
    let mut tok = Tok::new(
        s,
        start,
        end,
        if w == "-" { Kind::Dash } else { Kind::Word },
    );
    if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
        tok.text = stem;
        tok.possessive = true;
    }
    tok.sentence_end = sentence_end && closing_quote.is_none();
    toks.push(tok);
    if let Some(q) = closing_quote {
        let mut quote = Tok::new(
            s,
            q,
            s[q..].chars().next().map_or(q, |c| q + c.len_utf8()),
            Kind::Quote,
        );
        quote.sentence_end = sentence_end;
        toks.push(quote);
    }
}

/// `U.S.`, `J.`: a dot that ends an abbreviation, not a sentence.
fn is_abbreviation(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    parts.iter().all(|p| p.chars().count() == 1)
}

// ---------------------------------------------------------------------------
// Mentions

#[derive(Debug, Clone, PartialEq)]
struct Mention {
    start: usize,
    end: usize,
    name: String,
    acronym: Option<String>,
    start_year: Option<String>,
    end_year: Option<String>,
}

/// Every programme mention in one paragraph, in text order, without overlaps,
/// each with the period written near it.
fn mentions(s: &str) -> Vec<Mention> {
    let toks = tokenize(s);
    let mut found: Vec<Mention> = Vec::new();
    let extensions = Extensions::default();
    // Quote tokens before token `i`.
    let mut quotes_before = 0;
    for i in 0..toks.len() {
        found.extend(head_mention(s, &toks, i, &extensions));
        found.extend(bracketed_mention(s, &toks, i));
        found.extend(quoted_mention(s, &toks, i, quotes_before));
        found.extend(hint_mention(s, &toks, i));
        if toks[i].kind == Kind::Quote {
            quotes_before += 1;
        }
    }
    found.sort_by_key(|m| (m.start, usize::MAX - m.end));
    let mut kept: Vec<Mention> = Vec::new();
    for m in found {
        if kept.last().is_none_or(|k| k.end <= m.start) {
            kept.push(m);
        }
    }
    let limits: Vec<usize> = kept
        .iter()
        .skip(1)
        .map(|m| m.start)
        .chain([s.len()])
        .collect();
    for (m, limit) in kept.iter_mut().zip(limits) {
        add_period(s, m, limit);
    }
    kept
}

fn mention(s: &str, toks: &[Tok], first: usize, last: usize) -> Option<Mention> {
    let (a, b) = (toks.get(first)?, toks.get(last)?);
    let name = s
        .get(a.start..b.end)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(Mention {
        start: a.start,
        end: b.end,
        name,
        acronym: None,
        start_year: None,
        end_year: None,
    })
}

/// Index of the first of the capitalised words that run up to (not
/// including) `i`; `i` itself when there are none.
fn cap_run_start(toks: &[Tok], i: usize, through_connectors: bool) -> usize {
    let mut j = i;
    while let Some(prev) = j.checked_sub(1).and_then(|p| toks.get(p)) {
        let joins = prev.is_cap()
            || (through_connectors && (prev.is_connector() || prev.kind == Kind::Dash));
        if !joins || prev.sentence_end || prev.possessive {
            break;
        }
        j -= 1;
    }
    j
}

/// Skips leading function words (`The`, `Under`) and organisation acronyms
/// (`UNODC Global Programme`) while at least `keep` tokens remain before `end`.
fn skip_leading(toks: &[Tok], mut first: usize, end: usize, keep: usize) -> usize {
    while first + keep < end {
        let Some(t) = toks.get(first) else { break };
        let function = lists().function_words.contains(&t.lower()) || t.is_connector();
        if !(function || (t.is_acronym() && is_excluded(t.text))) {
            break;
        }
        first += 1;
    }
    first
}

/// The last scan of `right_extension` in a paragraph: scanning from any
/// token up to where it stopped stops at the same token, so a run of heads
/// (`Programme on X Programme on Y ...`) is read once, not once per head.
#[derive(Default)]
struct Extensions {
    /// (first token scanned, token the scan stopped at, last capitalised
    /// word taken, if any).
    last: std::cell::Cell<Option<(usize, usize, Option<usize>)>>,
}

/// `on/for/against/to/of` + capitalised words after a head noun: the index of
/// the last capitalised word, or `i` when the name ends at the head.
fn right_extension(toks: &[Tok], i: usize, memo: &Extensions) -> usize {
    let opens = toks
        .get(i + 1)
        .is_some_and(|t| matches!(t.text, "on" | "for" | "against" | "to" | "of"));
    if !opens || toks.get(i).is_none_or(|t| t.sentence_end) {
        return i;
    }
    let from = i + 2;
    // Every token from `from` up to `stop` (excluded) only continued the earlier
    // scan, and the one at `stop` ends this scan as it ended that one.
    if let Some((first, stop, cap)) = memo.last.get() {
        if first <= from && from <= stop {
            return cap.filter(|&c| c >= from).unwrap_or(i);
        }
    }
    let (stop, cap) = scan_extension(toks, from);
    memo.last.set(Some((from, stop, cap)));
    cap.unwrap_or(i)
}

/// Scans the words after `on/for/...` from token `from`: the token the scan
/// stops at (`toks.len()` at the end) and the last capitalised word taken.
fn scan_extension(toks: &[Tok], from: usize) -> (usize, Option<usize>) {
    let mut last = None;
    for (k, t) in toks.iter().enumerate().skip(from) {
        // `in` joins `Trafficking in Persons` but ends `... Programme on
        // Cybercrime in Nigeria`: it continues a name only after listed words.
        let place_in = t.text == "in"
            && k.checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_none_or(|p| !lists().in_after.contains(&p.lower()));
        if t.is_cap() {
            last = Some(k);
        } else if place_in || !(t.is_connector() || t.kind == Kind::Dash) {
            return (k, last);
        }
        if t.sentence_end || t.possessive {
            return (k, last);
        }
    }
    (toks.len(), last)
}

/// Way 1: a name built around a head noun.
fn head_mention(s: &str, toks: &[Tok], i: usize, extensions: &Extensions) -> Option<Mention> {
    let head = toks.get(i).filter(|t| t.is_head())?;
    let mut m = if head.is_cap() {
        capitalised_head(s, toks, i, extensions)?
    } else {
        lowercase_head(s, toks, i)?
    };
    let last_end = m.end;
    // Tokens never overlap and are in text order: their ends increase.
    let last = toks.partition_point(|t| t.end < last_end);
    toks.get(last).filter(|t| t.end == last_end)?;
    if let Some((close, acronym)) = bracket_acronym(s, toks, last + 1) {
        m.end = toks.get(close)?.end;
        m.acronym = Some(acronym);
    }
    let rejected = is_excluded(&m.name) || m.acronym.as_deref().is_some_and(is_excluded);
    (!rejected).then_some(m)
}

fn capitalised_head(s: &str, toks: &[Tok], i: usize, extensions: &Extensions) -> Option<Mention> {
    let head = toks.get(i)?;
    let next = toks.get(i + 1);
    // `Trust Fund`, `Programme Facility`: the later head names it;
    // `Project Coordinator`, `Programme Office`: not a programme at all.
    if !head.sentence_end && !head.possessive && next.is_some_and(|n| n.is_cap()) {
        return None;
    }
    let first = skip_leading(toks, cap_run_start(toks, i, false), i + 1, 1);
    let last = right_extension(toks, i, extensions);
    if first == last {
        return None; // a bare "Programme" is unnamed
    }
    mention(s, toks, first, last)
}

/// `the UN.GIFT initiative`, `the Blue Heart campaign`.
fn lowercase_head(s: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    let first = skip_leading(toks, cap_run_start(toks, i, false), i, 1);
    let run = toks.get(first..i).filter(|r| !r.is_empty())?;
    let run_text = s.get(run.first()?.start..run.last()?.end)?;
    let owner = run
        .iter()
        .any(|t| lists().owners.contains(&t.lower()) || is_excluded(t.text));
    if is_hint(run_text) && run.len() == 1 && run.first()?.is_acronym() {
        let mut m = mention(s, toks, first, i - 1)?;
        m.acronym = Some(m.name.clone());
        m.end = toks.get(i)?.end;
        return Some(m);
    }
    (is_hint(run_text) || (run.len() >= 2 && !owner)).then(|| mention(s, toks, first, i))?
}

/// The acronym in a bracket opening at `open`: its first word when that is
/// an acronym (`(GLO.ACT Asia and the Middle East)` gives `GLO.ACT`), else a
/// short bracket holding an acronym (`(Global SMART)`). Returns the index of
/// the closing bracket too.
fn bracket_acronym(s: &str, toks: &[Tok], open: usize) -> Option<(usize, String)> {
    if toks.get(open)?.kind != Kind::Open {
        return None;
    }
    let close = (open + 1..toks.len().min(open + 2 + MAX_BRACKET_TOKENS))
        .find(|&k| toks.get(k).is_some_and(|t| t.kind == Kind::Close))?;
    let inner = toks.get(open + 1..close)?;
    if inner.is_empty()
        || inner
            .iter()
            .any(|t| !matches!(t.kind, Kind::Word | Kind::Dash))
    {
        return None;
    }
    let first = inner.first()?;
    if first.is_acronym() {
        return Some((close, first.text.to_string()));
    }
    let text = s.get(first.start..inner.last()?.end)?;
    (inner.len() <= 3 && inner.iter().any(Tok::is_acronym)).then(|| (close, text.to_string()))
}

/// Way 2: `Name (ACR)` where the sentence calls it a programme, or the name
/// or acronym is a known programme.
fn bracketed_mention(s: &str, toks: &[Tok], open: usize) -> Option<Mention> {
    let before = open
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .filter(|t| t.is_cap())?;
    if before.is_head() {
        return None; // way 1 has it
    }
    let (close, acronym) = bracket_acronym(s, toks, open)?;
    let run_start = cap_run_start(toks, open, true);
    let first = name_start(toks, run_start, open, &acronym)?;
    let mut m = mention(s, toks, first, open - 1)?;
    let signalled = is_hint(&acronym) || is_hint(&m.name) || called_programme(toks, close);
    let words: Vec<String> = m.name.split_whitespace().map(str::to_lowercase).collect();
    let not_programme =
        words.len() < 2 || head_words(&words).any(|w| lists().not_programme.contains(w));
    if !signalled || not_programme || is_excluded(&m.name) || is_excluded(&acronym) {
        return None;
    }
    m.end = toks.get(close)?.end;
    m.acronym = Some(acronym);
    Some(m)
}

/// The words that say what a name is: those before its first connector
/// (`Convention` in `Convention against Corruption`, `Training` in `Training
/// Against Hate Crimes for Law Enforcement`): a word in the complement
/// (`Law Enforcement`) says what it is about, not what it is.
fn head_words(words: &[String]) -> impl Iterator<Item = &String> {
    let connectors = &lists().connectors;
    let first_connector = words
        .iter()
        .skip(1)
        .position(|w| connectors.contains(w) && w != "and" && w != "&")
        .map_or(words.len(), |p| p + 1);
    words.iter().take(first_connector)
}

/// Where a name before a bracketed acronym begins: the run of capitalised
/// words and connectors may include an owner (`UNODC and the Global Action
/// ...`), so starts after each `the` are tried, preferring the leftmost
/// whose initial is the acronym's.
fn name_start(toks: &[Tok], run_start: usize, end: usize, acronym: &str) -> Option<usize> {
    let initial = acronym
        .chars()
        .find(|c| c.is_alphabetic())?
        .to_lowercase()
        .next()?;
    let starts: Vec<usize> = (run_start..end)
        .filter(|&k| {
            let t = toks.get(k);
            let after_the = k
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.lower() == "the");
            t.is_some_and(|t| t.is_cap() && !lists().function_words.contains(&t.lower()))
                && (k == run_start || after_the)
        })
        .collect();
    let fallback = skip_leading(toks, run_start, end, 1);
    let matching = starts.iter().copied().find(|&k| {
        toks.get(k)
            .and_then(|t| t.text.chars().find(|c| c.is_alphabetic()))
            .and_then(|c| c.to_lowercase().next())
            == Some(initial)
    });
    Some(matching.unwrap_or(fallback))
}

/// `(ACR) is a four-year (2018-2022), €12 million joint initiative` or
/// `(ACR) project`: the sentence itself says it is a programme.
fn called_programme(toks: &[Tok], close: usize) -> bool {
    let after = toks.get(close + 1..).unwrap_or_default();
    if after.first().is_some_and(Tok::is_head) || appositive_head(after) {
        return true;
    }
    let is_verb = after
        .first()
        .is_some_and(|t| matches!(t.lower().as_str(), "is" | "was" | "remains"));
    if !is_verb {
        return false;
    }
    for t in after.iter().skip(1).take(PREDICATE_REACH) {
        if t.is_head() {
            return true;
        }
        let stops = matches!(
            t.lower().as_str(),
            "to" | "of"
                | "for"
                | "by"
                | "with"
                | "in"
                | "on"
                | "that"
                | "which"
                | "who"
                | "where"
                | "and"
        );
        if t.sentence_end || (t.is_word() && stops) {
            return false;
        }
    }
    false
}

/// `, an initiative supported by ...`, `, a four-year project`: an appositive
/// right after the bracket whose noun (within a few words) is a head noun.
fn appositive_head(after: &[Tok]) -> bool {
    const REACH: usize = 4;
    let starts = after.first().is_some_and(|t| t.text == ",")
        && after
            .get(1)
            .is_some_and(|t| matches!(t.lower().as_str(), "a" | "an" | "the"));
    starts
        && after
            .iter()
            .skip(2)
            .take(REACH)
            .take_while(|t| t.is_word() || t.kind == Kind::Dash)
            .any(Tok::is_head)
}

/// Way 3: `the project "Name"`, `the project entitled "Name"`, `the "Name" campaign`.
/// `quotes_before`: how many quote tokens come before `open`.
fn quoted_mention(s: &str, toks: &[Tok], open: usize, quotes_before: usize) -> Option<Mention> {
    toks.get(open).filter(|t| t.kind == Kind::Quote)?;
    let close = (open + 1..toks.len().min(open + MAX_QUOTED_TOKENS))
        .find(|&k| toks.get(k).is_some_and(|t| t.kind == Kind::Quote))?;
    let inner = toks.get(open + 1..close).filter(|r| !r.is_empty())?;
    let before = open.checked_sub(1).and_then(|p| toks.get(p));
    let labelled = before.is_some_and(|t| {
        matches!(
            t.lower().as_str(),
            "entitled" | "called" | "named" | "titled"
        )
    });
    let head_before = if labelled {
        open.checked_sub(2).and_then(|p| toks.get(p))
    } else {
        before
    };
    let next_to_head =
        head_before.is_some_and(Tok::is_head) || toks.get(close + 1).is_some_and(Tok::is_head);
    // The opening quote must open: the previous quote closes an earlier span.
    let opening = quotes_before % 2 == 0;
    if !next_to_head || !opening || !inner.first()?.is_cap() {
        return None;
    }
    let raw = s.get(inner.first()?.start..inner.last()?.end)?;
    let (name, acronym) = split_inner_acronym(raw);
    Some(Mention {
        start: toks.get(open)?.start,
        end: toks.get(close)?.end,
        name,
        acronym,
        start_year: None,
        end_year: None,
    })
}

/// `Strengthening X (SX) in Y` → (`Strengthening X in Y`, `SX`).
fn split_inner_acronym(raw: &str) -> (String, Option<String>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\s*\(([^()\s]{2,20})\)").unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
    });
    let acronym = re
        .captures_iter(raw)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str())
        .find(|a| acronym_like(a));
    let name = match acronym {
        Some(a) => raw.replacen(&format!("({a})"), "", 1),
        None => raw.to_string(),
    };
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (name, acronym.map(str::to_string))
}

/// Way 4: a known programme written on its own (`GLO.ACT 2015-2019`).
fn hint_mention(s: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    lists().hints.iter().find_map(|hint| {
        let last = i + hint.len() - 1;
        let words: Vec<&str> = toks
            .get(i..=last)?
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text)
            .collect();
        if !hint_matches(hint, &words) {
            return None;
        }
        let mut m = mention(s, toks, i, last)?;
        m.acronym = (hint.len() == 1 && acronym_like(&m.name)).then(|| m.name.clone());
        Some(m)
    })
}

// ---------------------------------------------------------------------------
// Periods

/// The period written near a mention: after it (within its sentence and
/// before the next mention, `limit`) or as a year range just before it.
fn add_period(s: &str, m: &mut Mention, limit: usize) {
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

/// `(start, end)` as year strings; `end` None for a start-only phrase.
fn period_after(window: &str) -> Option<(String, Option<String>)> {
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

fn range_before(before: &str) -> Option<(String, Option<String>)> {
    let c = period_patterns().before.captures(before.trim_end())?;
    year_range(c.get(1)?.as_str(), c.get(2)?.as_str()).map(|(a, b)| (a, Some(b)))
}

/// `launched in March 2019` → `2019-03`; `launched in 2019` → `2019`.
fn launched(window: &str) -> Option<String> {
    let c = period_patterns().launched.captures(window)?;
    let year = c.get(2)?.as_str();
    plausible_year(year.parse().ok()?)?;
    let month = c.get(1).and_then(|m| month_from_name(m.as_str()));
    Some(match month {
        Some(month) => format!("{year}-{month:02}"),
        None => year.to_string(),
    })
}

/// Validates a written range; a two-digit end takes the start's century.
fn year_range(start: &str, end: &str) -> Option<(String, String)> {
    let a: i32 = plausible_year(start.parse().ok()?)?;
    let b: i32 = end.parse().ok()?;
    let b = if end.len() == 2 { a - a % 100 + b } else { b };
    (b >= a && b - a <= 50).then(|| (a.to_string(), b.to_string()))
}

fn plausible_year(y: i32) -> Option<i32> {
    (1945..=2100).contains(&y).then_some(y)
}

// ---------------------------------------------------------------------------
// Merging

/// The entries so far, with an index of what `same_programme` compares, so
/// a mention is compared with the few entries that may be the same
/// programme, not with every entry.
#[derive(Default)]
struct Merged {
    entries: Vec<Programme>,
    /// ASCII-lowercased name or acronym → entries.
    keys: HashMap<String, Vec<usize>>,
    /// Hash of a whole name's lower-case words (two or more) → entries.
    names: HashMap<WordsKey, Vec<usize>>,
    /// Hash of a proper prefix (two or more words) of a name → entries.
    prefixes: HashMap<WordsKey, Vec<usize>>,
}

/// A word sequence as (hash, number of words). Equal sequences have equal
/// keys; the rare collision only adds a candidate that is then checked.
type WordsKey = (u64, usize);

/// The key of each prefix of `name`'s lower-case words, shortest first.
fn prefix_keys(name: &str) -> Vec<WordsKey> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    name.split_whitespace()
        .enumerate()
        .map(|(k, w)| {
            w.to_lowercase().hash(&mut hasher);
            (hasher.clone().finish(), k + 1)
        })
        .collect()
}

impl Merged {
    fn merge(&mut self, m: Mention) {
        let same = self.same(&m);
        let entries = &self.entries;
        let period = (m.start_year.clone(), m.end_year.clone());
        let target = if period.0.is_none() {
            same.first().copied()
        } else {
            let same_period = same.iter().copied().find(|&i| {
                entries
                    .get(i)
                    .is_some_and(|e| (e.start.clone(), e.end.clone()) == period)
            });
            let periodless = same
                .iter()
                .copied()
                .find(|&i| entries.get(i).is_some_and(|e| e.start.is_none()));
            same_period.or(periodless)
        };
        let index = match target {
            Some(i) if i < self.entries.len() => {
                let e = &mut self.entries[i];
                let before = (e.name.clone(), e.acronym.clone());
                enrich(e, m);
                if (e.name.as_str(), e.acronym.as_deref())
                    == (before.0.as_str(), before.1.as_deref())
                {
                    return;
                }
                i
            }
            _ => {
                self.entries.push(Programme {
                    name: m.name,
                    acronym: m.acronym,
                    start: m.start_year,
                    end: m.end_year,
                });
                self.entries.len() - 1
            }
        };
        self.index(index);
    }

    /// Adds entry `i` under its current name and acronym (keys it had before
    /// a change stay: they only add candidates, which are checked).
    fn index(&mut self, i: usize) {
        let Some(e) = self.entries.get(i) else {
            return;
        };
        for key in std::iter::once(e.name.as_str()).chain(e.acronym.as_deref()) {
            let list = self.keys.entry(key.to_ascii_lowercase()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
        let prefixes = prefix_keys(&e.name);
        if let Some((&whole, proper)) = prefixes.split_last() {
            if whole.1 >= 2 {
                self.names.entry(whole).or_default().push(i);
            }
            for &key in proper.iter().skip(1) {
                self.prefixes.entry(key).or_default().push(i);
            }
        }
    }

    /// Indexes of the entries `same_programme` holds for, in order.
    fn same(&self, m: &Mention) -> Vec<usize> {
        let mut candidates: Vec<usize> = Vec::new();
        for key in std::iter::once(m.name.as_str()).chain(m.acronym.as_deref()) {
            candidates.extend(
                self.keys
                    .get(&key.to_ascii_lowercase())
                    .into_iter()
                    .flatten(),
            );
        }
        let prefixes = prefix_keys(&m.name);
        if let Some((&whole, proper)) = prefixes.split_last() {
            // An entry's whole name begins the mention's name...
            for key in proper.iter().skip(1) {
                candidates.extend(self.names.get(key).into_iter().flatten());
            }
            // ... or the mention's whole name begins an entry's name.
            if whole.1 >= 2 {
                candidates.extend(self.prefixes.get(&whole).into_iter().flatten());
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|&i| self.entries.get(i).is_some_and(|e| same_programme(e, m)));
        candidates
    }
}

fn enrich(e: &mut Programme, m: Mention) {
    let acronym_only = e.acronym.as_deref() == Some(e.name.as_str());
    let m_is_full = m.acronym.as_deref() != Some(m.name.as_str());
    if (acronym_only && m_is_full) || is_word_prefix(&e.name, &m.name) {
        e.name = m.name;
    }
    if e.acronym.is_none() {
        e.acronym = m.acronym;
    }
    if e.start.is_none() && m.start_year.is_some() {
        e.start = m.start_year;
        e.end = m.end_year;
    }
}

fn same_programme(e: &Programme, m: &Mention) -> bool {
    let eq = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let e_keys = std::iter::once(e.name.as_str()).chain(e.acronym.as_deref());
    let m_keys: Vec<&str> = std::iter::once(m.name.as_str())
        .chain(m.acronym.as_deref())
        .collect();
    let shared_key = e_keys
        .into_iter()
        .any(|k| m_keys.iter().any(|mk| eq(k, mk)));
    shared_key || is_word_prefix(&e.name, &m.name) || is_word_prefix(&m.name, &e.name)
}

/// `Global Programme` begins `Global Programme against Money Laundering`
/// (at least two words, so a lone word never swallows a longer name).
fn is_word_prefix(short: &str, long: &str) -> bool {
    // Word by word, stopping at the first difference: as cheap as the shorter name.
    let mut l = long.split_whitespace();
    let mut words = 0;
    for s in short.split_whitespace() {
        match l.next() {
            Some(w) if w.to_lowercase() == s.to_lowercase() => words += 1,
            _ => return false,
        }
    }
    words >= 2 && l.next().is_some()
}

/// Headlines In Title Case (every longer word capitalised) make every word
/// look like part of a name.
fn is_title_case(title: &str) -> bool {
    let long: Vec<&str> = title
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        .count();
    long.len() >= 3 && capitalised == long.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &[&str]) -> Vec<Owned> {
        run_with_title("", body)
    }

    fn run_with_title(title: &str, body: &[&str]) -> Vec<Owned> {
        let body: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let text = Text {
            title,
            body: &body,
            footer: &[],
            dateline: None,
            date: None,
        };
        extract(&text)
            .into_iter()
            .map(|p| (p.name, p.acronym, p.start, p.end))
            .collect()
    }

    type Owned = (String, Option<String>, Option<String>, Option<String>);
    type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

    fn rows(expected: &[Row]) -> Vec<Owned> {
        let own = |o: &Option<&str>| o.map(str::to_string);
        expected
            .iter()
            .map(|(n, a, s, e)| (n.to_string(), own(a), own(s), own(e)))
            .collect()
    }

    const GLO_ACT: &str = "The Global Action against Trafficking in Persons and the Smuggling of Migrants - Asia and the Middle East (GLO.ACT Asia and the Middle East) is a four-year (2018-2022), €12 million joint initiative by the European Union (EU) and the United Nations Office on Drugs and Crime (UNODC) being implemented in partnership with the International Organization for Migration (IOM) in four countries: Islamic Republic of Afghanistan, Islamic Republic of Iran, Republic of Iraq and Islamic Republic of Pakistan.";
    const GLO_ACT_NAME: &str = "Global Action against Trafficking in Persons and the Smuggling of Migrants - Asia and the Middle East";

    #[test]
    fn seed() {
        let body = [
            "UNODC hosted a high-level delegation from the Islamic Republic of Iran for a three-day specialized Technical Meeting on Exchange of Views on Cooperation Mechanisms for Effective Prevention and Combat of Transnational Organized Crime at its Headquarters in Vienna from 29-31 January 2019.",
            "In a first for both counterparts, a senior level delegation discussed mechanisms available within the framework of UN Convention against Transnational Organized Crime (UNTOC) and its Protocols.",
            GLO_ACT,
            "The project builds on a global community of practice set in motion in GLO.ACT 2015-2019 and assists governmental authorities and civil society organizations in targeted, innovative and demand-driven interventions.",
            "This project is funded by the European Union.",
        ];
        assert_eq!(
            run_with_title("Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters", &body),
            rows(&[
                (GLO_ACT_NAME, Some("GLO.ACT"), Some("2018"), Some("2022")),
                ("GLO.ACT", Some("GLO.ACT"), Some("2015"), Some("2019")),
            ])
        );
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str], &[Row])] = &[
            ("acronym after head name", &["UNODC's Global Programme against Money Laundering (GPML) trains analysts."],
                &[("Global Programme against Money Laundering", Some("GPML"), None, None)]),
            ("bracket then head noun, law in the complement", &["It is part of the Training Against Hate Crimes for Law Enforcement (TAHCLE) programme, run since 2012."],
                &[("Training Against Hate Crimes for Law Enforcement", Some("TAHCLE"), None, None)]),
            ("appositive head noun", &["Both joined the Global Health Security Agenda (GHSA), an initiative supported by WHO."],
                &[("Global Health Security Agenda", Some("GHSA"), None, None)]),
            ("treaty head stays out", &["States parties to the Convention against Corruption (UNCAC), a treaty, met."], &[]),
            ("plain head name", &["The Container Control Programme seized cocaine."], &[("Container Control Programme", None, None, None)]),
            ("campaign", &["Supporters of the Blue Heart Campaign wore blue."], &[("Blue Heart Campaign", None, None, None)]),
            ("action plan with trailing period", &["It adopted the National Action Plan against Trafficking in Persons 2020-2024 last week."],
                &[("National Action Plan against Trafficking in Persons", None, Some("2020"), Some("2024"))]),
            ("period before the name", &["It adopted the 2020-2024 National Action Plan on Drugs."],
                &[("National Action Plan on Drugs", None, Some("2020"), Some("2024"))]),
            ("quoted project name", &["Under the EU-funded project \"Strengthening Border Management (SBM) in Libya\", officers were trained."],
                &[("Strengthening Border Management in Libya", Some("SBM"), None, None)]),
            ("curly quoted name", &["The campaign “Not for Sale” ran online."], &[("Not for Sale", None, None, None)]),
            ("maritime programme", &["The Global Maritime Crime Programme supports coast guards."], &[("Global Maritime Crime Programme", None, None, None)]),
            ("lower-case head after hint", &["Through the UN.GIFT initiative, partners met."], &[("UN.GIFT", Some("UN.GIFT"), None, None)]),
            ("lower-case head after two words", &["Through the Blue Heart campaign, people wore blue."], &[("Blue Heart campaign", None, None, None)]),
            ("owner before lower-case head", &["The European Union project and the UNODC programme ended."], &[]),
            ("partnership facility", &["The Partnership for Integrity Facility opened."], &[("Partnership for Integrity Facility", None, None, None)]),
            ("trust fund", &["Grants from the UN Trust Fund for Victims of Trafficking helped."], &[("UN Trust Fund for Victims of Trafficking", None, None, None)]),
            ("running from", &["The Joint Programme on Youth, running from 2018 to 2022, ends."], &[("Joint Programme on Youth", None, Some("2018"), Some("2022"))]),
            ("launched in", &["The Blue Heart Campaign, launched in 2009, grows."], &[("Blue Heart Campaign", None, Some("2009"), None)]),
            ("launched in month", &["The Paris Pact Initiative was launched in March 2003 in Paris."], &[("Paris Pact Initiative", None, Some("2003-03"), None)]),
            ("two-digit end year", &["The Global Programme on Cybercrime (2019-23) grew."], &[("Global Programme on Cybercrime", None, Some("2019"), Some("2023"))]),
            ("unnamed project", &["The project builds capacity. The Project also trains. The programme ends."], &[]),
            ("observance and report", &["On International Anti-Corruption Day and World Day against Trafficking in Persons, the World Drug Report was launched."], &[]),
            ("treaty with acronym", &["The United Nations Convention against Corruption (UNCAC) is a legally binding initiative instrument."], &[]),
            ("organisations with programme", &["UNDP, the United Nations Development Programme (UNDP), the World Food Programme and the United Nations Environment Programme (UNEP) met."], &[]),
            ("sdgs are not programmes", &["It supports the Sustainable Development Goals (SDGs) of the 2030 Agenda."], &[]),
            ("role after head", &["The Project Coordinator and the Programme Manager spoke."], &[]),
            ("same programme twice merges", &["The Global Programme on Cybercrime (GPC) works. The GPC helps. The Global Programme on Cybercrime trains."],
                &[("Global Programme on Cybercrime", Some("GPC"), None, None)]),
            ("acronym initiative by sentence", &["The EU Action against Drugs and Organised Crime (EU-ACT) is a regional initiative."],
                &[("EU Action against Drugs and Organised Crime", Some("EU-ACT"), None, None)]),
            ("owner before bracketed name", &["UNODC and the Global Action to Prevent and Address Trafficking in Persons (GLO.ACT) met."],
                &[("Global Action to Prevent and Address Trafficking in Persons", Some("GLO.ACT"), None, None)]),
            ("strategy", &["Kenya adopted its National Anti-Corruption Strategy in May."], &[("National Anti-Corruption Strategy", None, None, None)]),
        ];
        for (name, body, expected) in cases {
            assert_eq!(run(body), rows(expected), "case {name}");
        }
    }

    #[test]
    fn title_case_headline_is_skipped() {
        assert!(run_with_title("UNODC And Partners Launch New Project In Nigeria", &[]).is_empty());
        assert_eq!(
            run_with_title(
                "UNODC launches the Global Programme on Cybercrime in Nigeria",
                &[]
            ),
            rows(&[("Global Programme on Cybercrime", None, None, None)])
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for s in [
            "(",
            ")",
            "\"",
            "“",
            "Programme",
            "the Programme (",
            "GLO.ACT",
            "X (ABC",
            "’s",
            "‘",
            "2019-",
            "launched in 20",
            "é Programme ü (ÉÜ) is a ",
            "The Ü.Ü (Ü.Ü) is a programme",
            "\"A\" project \"B",
        ] {
            let _ = run(&[s]);
        }
    }

    #[test]
    fn seed_file() {
        let (title, body, footer) = crate::extract::test_support::seed_text_parts();
        let text = Text {
            title: &title,
            body: &body,
            footer: &footer,
            dateline: None,
            date: None,
        };
        let got: Vec<_> = extract(&text)
            .into_iter()
            .map(|p| (p.name, p.acronym, p.start, p.end))
            .collect();
        assert_eq!(
            got,
            rows(&[
                (GLO_ACT_NAME, Some("GLO.ACT"), Some("2018"), Some("2022")),
                ("GLO.ACT", Some("GLO.ACT"), Some("2015"), Some("2019")),
            ])
        );
    }
}
