//! Finding mentions: way 1 (a name around a head noun) and way 4 (a known
//! programme alone), and the pass over a paragraph that gathers every way.

use super::acronyms::{
    bracket_acronym, bracketed_mention, initials_mention, quoted_mention, romance_mention,
};
use crate::date::PartialDate;

use super::lists::{hint_matches, is_excluded, is_excluded_whole, is_hint, lists};
use super::periods::add_period;
use super::words::{with_ascii_lower, words, Kind, Tok};
use crate::extract::tokens::{acronym_like, squash, Token};

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) name: String,
    pub(super) acronym: Option<String>,
    pub(super) start_year: Option<PartialDate>,
    pub(super) end_year: Option<PartialDate>,
    /// A weak-head name (`X Framework`) with no sign yet that it is a
    /// programme: kept only if a period is found for it.
    pub(super) needs_period: bool,
}

/// Every programme mention in one paragraph, in text order, without overlaps,
/// each with the period written near it.
/// `tokens`: the paragraph's tokens (`tokens::tokenize`).
pub(super) fn mentions<'a>(s: &'a str, tokens: &[Token<'a>]) -> Vec<Mention> {
    let toks = words(s, tokens);
    let mut found: Vec<Mention> = Vec::new();
    // Most finders find nothing at a token: `found.extend` with their
    // `Option` reserved room and moved the whole `Mention` even for `None`.
    let mut keep = |m: Option<Mention>| {
        if let Some(m) = m {
            found.push(m);
        }
    };
    let extensions = Extensions::default();
    // Quote tokens before token `i`.
    let mut quotes_before = 0;
    for i in 0..toks.len() {
        if !may_open(&toks, i) {
            continue;
        }
        keep(head_mention(s, &toks, i, &extensions));
        // Ways 2 and 6 read an acronym in the bracket opening at `i`.
        if toks[i].kind == Kind::Open {
            keep(bracketed_mention(s, &toks, i));
            keep(initials_mention(s, &toks, i));
            keep(romance_mention(s, &toks, i));
        }
        keep(quoted_mention(s, &toks, i, quotes_before));
        keep(hint_mention(s, &toks, i));
        keep(cue_mention(s, &toks, i));
        keep(named_after_lowercase_head(s, &toks, i));
        keep(named_before_year_range(s, &toks, i));
        if toks[i].text.starts_with('O') {
            keep(operation_mention(s, &toks, i));
        }
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
    drop_translations(s, &mut kept);
    join_dashed(s, &mut kept);
    let limits: Vec<usize> = kept
        .iter()
        .skip(1)
        .map(|m| m.start)
        .chain([s.len()])
        .collect();
    for (m, limit) in kept.iter_mut().zip(limits) {
        add_period(s, m, limit);
    }
    kept.retain(|m| !m.needs_period || m.start_year.is_some());
    kept
}

/// Whether some finder of [`mentions`] may find a mention opening at token
/// `i`: each asks one of these of the token first, and most tokens
/// (lower-case words that are no head, closing brackets, commas) are none.
fn may_open(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.is_cap()
            || t.is_head()
            || matches!(t.kind, Kind::Open | Kind::Quote)
            || t.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
            || t.is_word() && lists().may_open_hint(t.lower_bit)
            || t.text.eq_ignore_ascii_case("under")
    })
}

/// `the Programa Andino de ... (PACCA), the Andean Climate Change Adaptation
/// Programme, with ...`: a name without acronym in apposition right after a
/// name defined with one (`, the` between them, a comma or a full stop
/// after it, so not a list going on with `and`) is the same programme
/// translated: it is dropped.
fn drop_translations(s: &str, kept: &mut Vec<Mention>) {
    let mut i = 1;
    while i < kept.len() {
        let (a, b) = (&kept[i - 1], &kept[i]);
        let between = s.get(a.end..b.start).unwrap_or_default().trim();
        let after = s.get(b.end..).unwrap_or_default().trim_start();
        let apposition = a.acronym.is_some()
            && b.acronym.is_none()
            && matches!(between, ", the" | ", The")
            && (after.is_empty() || after.starts_with([',', '.', ';']));
        if apposition {
            kept.remove(i);
        } else {
            i += 1;
        }
    }
}

/// `the Internal Security Fund – Border Management and Visa Instrument`: two
/// names joined by a dash alone are one programme and its strand.
fn join_dashed(s: &str, kept: &mut Vec<Mention>) {
    let mut i = 1;
    while i < kept.len() {
        let (a, b) = (&kept[i - 1], &kept[i]);
        let between = s.get(a.end..b.start).unwrap_or_default().trim();
        if a.acronym.is_none() && matches!(between, "–" | "—" | "-") {
            let (end, acronym) = (b.end, b.acronym.clone());
            let a = &mut kept[i - 1];
            a.end = end;
            a.acronym = acronym;
            a.name = s[a.start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            kept.remove(i);
        } else {
            i += 1;
        }
    }
}

pub(super) fn mention(s: &str, toks: &[Tok], first: usize, last: usize) -> Option<Mention> {
    let (a, b) = (toks.get(first)?, toks.get(last)?);
    let name = squash(s.get(a.start..b.end)?);
    Some(Mention {
        start: a.start,
        end: b.end,
        name,
        acronym: None,
        start_year: None,
        end_year: None,
        needs_period: false,
    })
}

/// Index of the first of the capitalised words that run up to (not
/// including) `i`; `i` itself when there are none.
pub(super) fn cap_run_start(toks: &[Tok], i: usize, through_connectors: bool) -> usize {
    let mut j = i;
    while let Some(prev) = j.checked_sub(1).and_then(|p| toks.get(p)) {
        // `the Uzbekistan 2030 Strategy`: a year between capitalised words.
        let year_inside = is_plain_year(prev.text)
            && j.checked_sub(2)
                .and_then(|p| toks.get(p))
                .is_some_and(|b| b.is_cap() && !b.sentence_end && !b.possessive);
        let joins = prev.is_cap()
            || year_inside
            || (through_connectors && (prev.is_connector() || prev.kind == Kind::Dash));
        if !joins || prev.sentence_end || prev.possessive {
            break;
        }
        j -= 1;
    }
    j
}

/// `2030`: four digits from 1900 to 2099.
fn is_plain_year(text: &str) -> bool {
    text.len() == 4
        && (text.starts_with("19") || text.starts_with("20"))
        && text.bytes().all(|b| b.is_ascii_digit())
}

/// Skips leading function words (`The`, `Under`) and organisation acronyms
/// (`UNODC Global Programme`) while at least `keep` tokens remain before `end`.
pub(super) fn skip_leading(toks: &[Tok], mut first: usize, end: usize, keep: usize) -> usize {
    while first + keep < end {
        let Some(t) = toks.get(first) else { break };
        let function = lists().function_words.contains(t.lower().as_ref()) || t.is_connector();
        let owner = t.is_acronym() && is_excluded(t.text) && !lists().keep_prefix.contains(t.text);
        if !(function || owner) {
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
    // `Border Management Programme in Central Asia`: a region after `in`
    // is part of the name (a country is where it runs).
    let opens = toks
        .get(i + 1)
        .is_some_and(|t| matches!(t.text, "on" | "for" | "against" | "to" | "of"))
        || toks.get(i + 1).is_some_and(|t| t.text == "in")
            && (region_at(toks, i + 2) || place_then_acronym(toks, i + 2));
    let to_place = toks.get(i + 1).is_some_and(|t| t.text == "to") && place_or_amount(toks, i + 2);
    if !opens || to_place || owner_after_of(toks, i) || toks.get(i).is_none_or(|t| t.sentence_end) {
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

/// Most capitalised words of a place [`place_then_acronym`] reads.
const PLACE_WORDS: usize = 4;

/// `Support Project in the Far North (PAEN)`, `Trust Fund for the Aral Sea
/// Region in Uzbekistan (MPHSTF)`: a place after `in` (from token `k`, `the`
/// allowed first) that the name's acronym follows is part of the name.
fn place_then_acronym(toks: &[Tok], k: usize) -> bool {
    let k = k + usize::from(toks.get(k).is_some_and(|t| t.text == "the"));
    let words = toks
        .iter()
        .skip(k)
        .take(PLACE_WORDS)
        .take_while(|t| t.is_cap() && !t.is_acronym() && !t.sentence_end && !t.possessive)
        .count();
    let open = k + words;
    words > 0
        && toks.get(open).is_some_and(|t| t.kind == Kind::Open)
        && toks.get(open + 1).is_some_and(Tok::is_acronym)
        && toks.get(open + 2).is_some_and(|t| t.kind == Kind::Close)
}

/// Most tokens [`owner_after_of`] reads.
const OWNER_REACH: usize = 12;

/// `Global Maritime Crime Programme of the United Nations Office on Drugs and
/// Crime`: `of the` after the head (token `i`), then capitalised words with an
/// organisation's head noun, names the owner, not more of the name.
fn owner_after_of(toks: &[Tok], i: usize) -> bool {
    let at = |n: usize| toks.get(n);
    if at(i + 1).is_none_or(|t| t.text != "of") {
        return false;
    }
    // `Project of UNDP`: an organisation's acronym the exclude list holds.
    if at(i + 2).is_some_and(|t| t.is_acronym() && is_excluded(t.text)) {
        return true;
    }
    if at(i + 2).is_none_or(|t| t.lower() != "the") {
        return false;
    }
    // `Project of the United Nations Development Programme`: a name the
    // exclude list holds, read to the end of its capitalised words.
    let owner_named = |from: usize, to: usize| {
        to > from
            && toks.get(from..to).is_some_and(|words| {
                let name: Vec<&str> = words.iter().map(|t| t.text).collect();
                is_excluded_whole(&name.join(" "))
            })
    };
    for (k, t) in toks.iter().enumerate().skip(i + 3).take(OWNER_REACH) {
        if t.is_cap() && lists().org_heads.contains(t.lower().as_ref()) {
            return true;
        }
        if !(t.is_cap() || t.is_connector()) {
            return owner_named(i + 3, k);
        }
        if t.sentence_end {
            return owner_named(i + 3, k + 1);
        }
    }
    false
}

/// Scans the words after `on/for/...` from token `from`: the token the scan
/// stops at (`toks.len()` at the end) and the last capitalised word taken.
fn scan_extension(toks: &[Tok], from: usize) -> (usize, Option<usize>) {
    let mut last = None;
    for (k, t) in toks.iter().enumerate().skip(from) {
        // `in` joins `Trafficking in Persons` but ends `... Programme on
        // Cybercrime in Nigeria`: it continues a name only after listed words.
        // A region after `in` is part of the name (`... in West Africa`).
        let place_in = t.text == "in"
            && k.checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_none_or(|p| !lists().in_after.contains(p.lower().as_ref()))
            && !region_at(toks, k + 1)
            && !named_area_at(toks, k + 1)
            && !common_plural_at(toks, k + 1)
            && !place_then_acronym(toks, k + 1);
        // `Programme to The Gambia`: a country after `to` is where it goes.
        let place_to = t.text == "to" && place_or_amount(toks, k + 1);
        // `Protection of Children from Sexual Exploitation`, but not money
        // `from Japan`, `from UNDP` or `from the European Union`.
        let source = t.text == "from"
            && (place_or_amount(toks, k + 1)
                || toks
                    .get(k + 1)
                    .is_none_or(|n| !n.is_cap() || n.is_acronym()));
        // `for Peace, Security and Development`: a comma inside a list of
        // capitalised items that ends with `and` + capitalised words.
        let list_comma = t.kind == Kind::Break
            && t.text == ","
            && last.is_some_and(|l| l + 1 == k)
            && (list_continues(toks, k + 1) || list_to_bracket(toks, k + 1));
        // `... against Money Laundering and WHO's Global ...`: an owner's
        // acronym (or an owner after `and`) opens another name.
        let owner = t.possessive
            && (t.is_acronym()
                || k.checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_some_and(|p| p.text == "and"));
        // `... Livelihoods Programme on Thursday`: a date ends the name.
        if owner || date_word_at(toks, k) {
            return (k, last);
        }
        if t.is_cap() {
            last = Some(k);
        } else if !list_comma
            && (place_in
                || place_to
                || source
                || another_name_after(toks, k)
                || !(t.is_connector() || t.kind == Kind::Dash))
        {
            return (k, last);
        }
        if t.sentence_end || t.possessive {
            return (k, last);
        }
    }
    (toks.len(), last)
}

/// Most capitalised words [`another_name_after`] reads after `and the`.
const NEXT_NAME_REACH: usize = 8;

/// `... Drug Demand Reduction and the Global Fund for ...`: `and the` (at
/// token `k`) followed by capitalised words holding a head noun of their own
/// opens a second name, not the end of this one.
fn another_name_after(toks: &[Tok], k: usize) -> bool {
    let at = |n: usize| toks.get(n);
    if at(k).is_none_or(|t| t.text != "and") || at(k + 1).is_none_or(|t| t.lower() != "the") {
        return false;
    }
    for t in toks.iter().skip(k + 2).take(NEXT_NAME_REACH) {
        if !(t.is_cap() || t.kind == Kind::Open || t.kind == Kind::Close || t.is_acronym()) {
            return false;
        }
        if t.is_cap() && t.is_head() {
            return true;
        }
        if t.sentence_end {
            return false;
        }
    }
    false
}

/// Longest list `scan_extension` looks through after a comma, in tokens.
const LIST_REACH: usize = 16;

/// Whether the tokens from `from` finish a list of capitalised items (not
/// acronyms) with `and`/`&` + capitalised words: `Security and Development`,
/// `Mobility, and Employment`, `Fair Recruitment and Migrant Worker Protection`.
fn list_continues(toks: &[Tok], from: usize) -> bool {
    let item_word = |t: &Tok| t.is_cap() && !t.is_acronym() && !t.possessive;
    let mut k = from;
    let end = toks.len().min(from + LIST_REACH);
    while k < end {
        let Some(t) = toks.get(k) else { return false };
        if matches!(t.text, "and" | "&") {
            // The last item: one capitalised word at least.
            return toks.get(k + 1).is_some_and(item_word);
        }
        // An item: capitalised words, then `,` or `and`.
        let start = k;
        while toks
            .get(k)
            .is_some_and(|w| item_word(w) && (k == start || !toks[k - 1].sentence_end))
        {
            k += 1;
        }
        let ended = toks.get(k.wrapping_sub(1)).is_some_and(|w| w.sentence_end);
        if k == start || ended {
            return false;
        }
        match toks.get(k) {
            Some(n) if n.kind == Kind::Break && n.text == "," => k += 1,
            Some(n) if matches!(n.text, "and" | "&") => {}
            _ => return false,
        }
    }
    false
}

/// Whether the tokens from `from` finish a list whose items hold inner
/// connectors (`Money Laundering, Proceeds of Crime and the Financing of
/// Terrorism (GPML)`) right up to a bracket: capitalised words (no acronym,
/// owner or head noun), `of/the/for/on/in`, commas, and one `and` before
/// the last item, with the bracket right after a capitalised word.
fn list_to_bracket(toks: &[Tok], from: usize) -> bool {
    let mut seen_and = false;
    let mut prev_cap = false;
    for t in toks.iter().skip(from).take(LIST_REACH) {
        if t.kind == Kind::Open {
            return seen_and && prev_cap;
        }
        let item = t.is_cap()
            && !t.is_acronym()
            && !t.possessive
            && !t.is_head()
            && !lists().org_heads.contains(t.lower().as_ref());
        let joiner = matches!(t.text, "of" | "the" | "for" | "on" | "in" | ",");
        if matches!(t.text, "and" | "&") {
            if seen_and || !prev_cap {
                return false;
            }
            seen_and = true;
        } else if !(item || joiner) || t.sentence_end {
            return false;
        }
        prev_cap = item;
    }
    false
}

/// `to The Gambia`, `to CHF 40 million`, `to US$42.5 million`: a country or an amount after `to`
/// (from token `k`) is where a programme goes or what it raises, not its name.
fn place_or_amount(toks: &[Tok], k: usize) -> bool {
    let currency = toks
        .get(k)
        .is_some_and(|c| c.text.len() == 3 && c.text.chars().all(|ch| ch.is_ascii_uppercase()));
    // `to US$42.5 million`, `to NZ$3 million`: one word.
    let dollars = toks.get(k).is_some_and(|c| {
        c.text
            .trim_start_matches(|ch: char| ch.is_ascii_uppercase())
            .starts_with(['$', '€', '£', '¥'])
    });
    country_at(toks, k) || dollars || (currency && toks.get(k + 1).is_some_and(Tok::is_year))
}

/// Longest country name, in words, [`country_at`] tries.
const COUNTRY_WORDS: usize = 4;

/// Whether a country's name (`Kenya`, `The Gambia`, `Sierra Leone`) opens at
/// token `k`.
fn country_at(toks: &[Tok], k: usize) -> bool {
    let mut name = String::new();
    for t in toks.iter().skip(k).take(COUNTRY_WORDS) {
        if !t.is_cap() {
            return false;
        }
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(t.text);
        if crate::extract::countries::lookup_name(&name).is_some() {
            return true;
        }
        if t.sentence_end {
            return false;
        }
    }
    false
}

/// `the Drylands`, `the Highlands`, `the Northern Corridor` at token `k`:
/// `the` and one or two capitalised words that end the name (what follows is
/// no capitalised word or `of`/`and`), no acronym, organisation head or
/// country (`in the Philippines` is where a programme runs).
fn named_area_at(toks: &[Tok], k: usize) -> bool {
    if toks
        .get(k)
        .is_none_or(|t| t.text != "the" || t.sentence_end)
    {
        return false;
    }
    let area =
        |t: &Tok| t.is_cap() && !t.is_acronym() && !lists().org_heads.contains(t.lower().as_ref());
    let mut n = 0;
    while n < 2 && toks.get(k + 1 + n).is_some_and(area) {
        n += 1;
        if toks.get(k + n).is_some_and(|t| t.sentence_end) {
            break;
        }
    }
    let ended = toks.get(k + n).is_some_and(|t| t.sentence_end)
        || toks
            .get(k + 1 + n)
            .is_none_or(|t| !t.is_cap() && !matches!(t.text, "of" | "and" | "for"));
    if n == 0 || !ended {
        return false;
    }
    let words: Vec<&str> = (k + 1..=k + n)
        .filter_map(|q| toks.get(q).map(|t| t.text))
        .collect();
    super::super::countries::lookup_name(&words.join(" ")).is_none()
}

/// `Radical Inclusion in Schools`: a capitalised plural common noun that
/// ends the name at token `k` (what follows is no capitalised word), no
/// acronym, country, demonym or city: a name's own word, written
/// capitalised only because it is in the name.
fn common_plural_at(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    let ended = t.sentence_end || toks.get(k + 1).is_none_or(|n| !n.is_cap());
    let plural = t.text.len() >= 5
        && t.text.ends_with('s')
        && !t.text.ends_with("ss")
        && t.text.chars().skip(1).all(char::is_lowercase);
    ended
        && plural
        && t.is_cap()
        && !t.possessive
        && !country_at(toks, k)
        && !is_demonym(t.text)
        && crate::ingest::dateline::city_country(t.text).is_none()
        && !lists().org_heads.contains(t.lower().as_ref())
}

/// Whether a listed region (`West Africa`, `the Sahel`) opens at token `k`.
fn region_at(toks: &[Tok], k: usize) -> bool {
    let k = if toks.get(k).is_some_and(|t| t.text == "the") {
        k + 1
    } else {
        k
    };
    lists().regions.iter().any(|region| {
        region.iter().enumerate().all(|(n, w)| {
            toks.get(k + n).is_some_and(|t| {
                t.is_word() && t.lower() == *w && (n + 1 == region.len() || !t.sentence_end)
            })
        })
    })
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
    // `Strategic Plan V`: a numeral ends the name.
    let numeral = next.is_some_and(|n| n.is_roman() && n.text != "I")
        && toks.get(i + 2).is_none_or(|n| !n.is_cap());
    // `the Pentagonal Strategy–Phase I`, `Strategic Plan Phase II`: a
    // phase and its number end the name.
    let dash = usize::from(next.is_some_and(|n| n.kind == Kind::Dash));
    let phase_number = |t: &Tok| t.is_roman() || t.text.bytes().all(|b| b.is_ascii_digit());
    let joined_phase =
        super::words::strip_phase(head.text).is_some() && next.is_some_and(&phase_number);
    let dash = if joined_phase { 0 } else { dash };
    let phase = !head.sentence_end
        && !joined_phase
        && toks.get(i + 1 + dash).is_some_and(|t| t.text == "Phase")
        && toks.get(i + 2 + dash).is_some_and(phase_number);
    if !head.sentence_end
        && !head.possessive
        && next.is_some_and(|n| n.is_cap())
        && !numeral
        && !phase
        && !joined_phase
    {
        return None;
    }
    let run = left_extension(toks, cap_run_start(toks, i, false));
    let mut first = skip_leading(toks, run, i + 1, 1);
    // `the 2050 Strategy for ...`, `its 2024 Emergency Appeal`: a year after
    // a determiner opens the name.
    let year = first
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()));
    let determiner = first
        .checked_sub(2)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| matches!(t.lower().as_ref(), "the" | "its" | "their" | "a"));
    if year && determiner && first < i + 1 {
        first -= 1;
    }
    let last = if phase {
        i + 2 + dash
    } else if numeral || joined_phase {
        i + 1
    } else {
        right_extension(toks, i, extensions)
    };
    if first == last || led_by_chief(toks, first) {
        return None; // a bare "Programme" is unnamed
    }
    let mut m = mention(s, toks, first, last)?;
    m.needs_period = head.is_weak_head() && !weak_head_signal(toks, first, last);
    Some(m)
}

/// `Executive Director of the Stop TB Partnership`, `Secretary-General of
/// the X`: a chief executive heads an organisation, not a programme.
fn led_by_chief(toks: &[Tok], first: usize) -> bool {
    let at = |back: usize| {
        first
            .checked_sub(back)
            .and_then(|k| toks.get(k))
            .map(|t| t.lower().into_owned())
    };
    if at(1).as_deref() != Some("the") || at(2).as_deref() != Some("of") {
        return false;
    }
    match at(3).as_deref() {
        Some("director-general" | "secretary-general" | "ceo") => true,
        Some("director") => at(4).as_deref() == Some("executive"),
        _ => false,
    }
}

/// `(SAMS) Initiative for Peace`: the last token of a capitalised head noun
/// (and its `for/on/...` words) right after the bracket closing at `close`.
/// Up to two capitalised words may come before the head: `(FOLUR) Impact
/// Program`, `(RPAS) Services programme`.
pub(super) fn head_after_bracket(toks: &[Tok], close: usize) -> Option<usize> {
    // `(ANSES). The pilot`: a bracket that ends a sentence ends the name.
    if toks.get(close)?.sentence_end {
        return None;
    }
    let at = (close + 1..close + 4).find(|&k| {
        toks.get(k)
            .is_some_and(|t| t.is_head() && t.is_cap() || !t.is_cap() || t.sentence_end)
    })?;
    if toks
        .get(close + 1..at)?
        .iter()
        .any(|t| t.sentence_end || t.possessive || t.is_acronym())
    {
        return None;
    }
    // `(RPAS) Services programme`: after capitalised words the head may be
    // lower-case (not a weak one).
    let head = toks
        .get(at)
        .filter(|t| t.is_head() && (t.is_cap() || at > close + 1 && !t.is_weak_head()))?;
    if !head.sentence_end && !head.possessive && toks.get(at + 1).is_some_and(|n| n.is_cap()) {
        return None;
    }
    let memo = Extensions::default();
    Some(right_extension(toks, at, &memo))
}

/// Longest run of `and`/`of`-joined word groups `left_extension` looks through.
const LEFT_GROUPS: usize = 4;

/// `the Safe and Fair Migration Partnership`, `the Horn of Africa
/// Initiative`, `the Women, Peace and Security Programme`: capitalised words
/// joined by `and`, `&`, `of`, `for` (or a comma before such an `and`) before the
/// run starting at `first` belong to the name when a determiner opens them
/// all and none is an owner (`the Ministry of Health ...`) or an acronym.
/// Returns the new start of the run (`first` when nothing joins).
fn left_extension(toks: &[Tok], first: usize) -> usize {
    const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "our", "his", "her"];
    let mut j = first;
    let mut start = first;
    let mut seen_and = false;
    for _ in 0..LEFT_GROUPS {
        let Some(conn) = j.checked_sub(1).and_then(|p| toks.get(p)) else {
            break;
        };
        let prev = j.checked_sub(2).and_then(|p| toks.get(p));
        // `the Women, Peace and Security Programme`: a comma joins a list
        // that an `and` already closed.
        let list_comma = conn.text == "," && seen_and;
        // `the Smallholder Irrigation and Seed Systems for Climate
        // Resilience Programme`: `for` joins too, and `to` (`the Desert to
        // Power Initiative`).
        // `UNICEF's Learning in Displacement Initiative`: `in` too, when a
        // determiner or a possessive opens the words before it.
        let joins = (matches!(conn.text, "and" | "&" | "of" | "for" | "to" | "in") || list_comma)
            && prev.is_some_and(|p| p.is_cap() && !p.sentence_end && !p.possessive);
        if !joins {
            break;
        }
        seen_and |= matches!(conn.text, "and" | "&");
        let mut k = cap_run_start(toks, j - 1, false);
        while k + 1 < j - 1
            && toks
                .get(k)
                .is_some_and(|t| lists().function_words.contains(t.lower().as_ref()))
        {
            k += 1;
        }
        // An owner's word ends no group (`the European Union and ...`), but
        // may open one (`the Police Accountability and Community Safety
        // Project`).
        let after_determiner = k
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|t| DETERMINERS.contains(&t.lower().as_ref()));
        let plain = toks.get(k..j - 1).is_some_and(|group| {
            group.iter().enumerate().all(|(n, t)| {
                let lower = t.lower();
                // `the Free Wi-Fi for All Program`: a word written in mixed
                // case is no owner's acronym.
                // `the EU Drugs Strategy and Action Plan`: an acronym opening
                // a group of several words is its modifier, not an owner.
                let owner_acronym = t.is_acronym()
                    && !(n == 0 && group.len() > 1 && after_determiner)
                    && t.text
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                !owner_acronym
                    && (n + 1 < group.len() || !lists().owners.contains(lower.as_ref()))
                    && !lists().function_words.contains(lower.as_ref())
            })
        });
        if !plain {
            break;
        }
        j = k;
        // An owner's possessive opens the name as a determiner does
        // (`Peru's National Competitiveness and Productivity Plan`), and so
        // does a scope adjective after one (`a new Landing Beach Sanitation,
        // Cold Chain and Market Access Facility`).
        let before = |back: usize| k.checked_sub(back).and_then(|p| toks.get(p));
        let determiner = |t: &Tok| DETERMINERS.contains(&t.lower().as_ref());
        // A dash opens a strand after a programme's name (`Fund – Border
        // Management and Visa Instrument`).
        let opened = before(1)
            .is_some_and(|t| determiner(t) || t.possessive || t.kind == Kind::Dash)
            || (before(1).is_some_and(|t| SCOPE_ADJECTIVES.contains(&t.text))
                && before(2).is_some_and(determiner));
        if opened {
            start = k;
        }
    }
    start
}

/// Words after a weak-head name searched for `signal_after`.
const SIGNAL_AFTER_REACH: usize = 6;

/// Whether the text shows that the weak-head name from token `first` to
/// `last` is a programme: it opens with `National`, follows `adopted the`,
/// `under the`, `the launch of the`, or is followed within a few words by
/// `funded`, `which will run` (a period is checked later).
pub(super) fn weak_head_signal(toks: &[Tok], first: usize, last: usize) -> bool {
    let l = lists();
    let national = toks.get(first).is_some_and(|t| t.text == "National");
    let at = |k: Option<usize>| k.and_then(|k| toks.get(k)).map(Tok::lower);
    let mut before = first.checked_sub(1);
    if at(before).is_some_and(|w| matches!(w.as_ref(), "the" | "its" | "their" | "a")) {
        before = before.and_then(|b| b.checked_sub(1));
    }
    let verb = at(before).is_some_and(|w| l.signal_before.contains(w.as_ref()));
    let of_noun = at(before).as_deref() == Some("of")
        && at(before.and_then(|b| b.checked_sub(1)))
            .is_some_and(|w| l.signal_of.contains(w.as_ref()));
    // `a EUR 45 million grant from the Western Balkans Investment
    // Framework`: money that comes from it.
    let from_money = at(before).as_deref() == Some("from")
        && at(before.and_then(|b| b.checked_sub(1)))
            .is_some_and(|w| MONEY_FROM.contains(&w.as_ref()));
    let mut after = false;
    if !toks.get(last).is_some_and(|t| t.sentence_end) {
        for t in toks.iter().skip(last + 1).take(SIGNAL_AFTER_REACH) {
            if t.is_word() && l.signal_after.contains(t.lower().as_ref()) {
                after = true;
                break;
            }
            if t.sentence_end {
                break;
            }
        }
    }
    national || verb || of_noun || from_money || after
}

/// Nouns of money before `from the <name>` ([`weak_head_signal`]).
const MONEY_FROM: &[&str] = &[
    "grant",
    "grants",
    "loan",
    "loans",
    "funding",
    "funds",
    "financing",
    "contribution",
    "money",
];

/// `the UN.GIFT initiative`, `the Blue Heart campaign` (not a weak head:
/// `the Paris framework`).
fn lowercase_head(s: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    if toks.get(i)?.is_weak_head() {
        return None;
    }
    // `Viet Nam's One Million Hectares of High-Quality and Low-Emission
    // Rice programme`: joined groups before the run, as for a capitalised head.
    let first = skip_leading(
        toks,
        left_extension(toks, cap_run_start(toks, i, false)),
        i,
        1,
    );
    let run = toks.get(first..i).filter(|r| !r.is_empty())?;
    let run_text = s.get(run.first()?.start..run.last()?.end)?;
    let owner = run
        .iter()
        .any(|t| lists().owners.contains(t.lower().as_ref()) || is_excluded(t.text));
    if is_hint(run_text) && run.len() == 1 && run.first()?.is_acronym() {
        let mut m = mention(s, toks, first, i - 1)?;
        m.acronym = Some(m.name.clone());
        m.end = toks.get(i)?.end;
        return Some(m);
    }
    if is_hint(run_text) || (run.len() >= 2 && !owner) {
        return mention(s, toks, first, i);
    }
    // `the PESCAO-2 programme`: an acronym with its phase number names it.
    if let [t] = run {
        if !owner && versioned_acronym(t.text) {
            return mention(s, toks, first, i - 1);
        }
    }
    named_before_lowercase_head(s, toks, i)
}

/// `PESCAO-2`, `SWIOFish-3`: an acronym, a hyphen and a one-digit phase
/// number (`COVID-19` is no phase).
fn versioned_acronym(text: &str) -> bool {
    text.rsplit_once('-').is_some_and(|(name, phase)| {
        (1..=2).contains(&phase.len())
            && phase.bytes().all(|b| b.is_ascii_digit())
            && name.len() >= 3
            && super::super::tokens::acronym_like(name)
    })
}

/// One lower-case adjective that may stand between a determiner and a
/// name (`the national Early Warning for All initiative`, `the earlier
/// Bangladesh Rural Water, Sanitation and Hygiene for Human Capital
/// Development Project`).
const SCOPE_ADJECTIVES: &[&str] = &[
    "national",
    "regional",
    "global",
    "new",
    "joint",
    "flagship",
    "international",
    "local",
    "earlier",
    "former",
    "previous",
    "current",
    "existing",
    "ongoing",
];

/// `the Desert to Power initiative`, `the Rays of Hope initiative`, `its
/// Wolbito programme`: capitalised words (with `to`, `of`, `for`, `and`
/// between them) after a determiner, then a lower-case head. One word alone
/// counts when it is not an owner, an acronym, a country or a demonym.
fn named_before_lowercase_head(s: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    const DETERMINERS: &[&str] = &["the", "its", "their", "our", "his", "her"];
    let first = short_cap_run_start(toks, i, &["to", "of", "for", "and"]);
    let run = toks.get(first..i).filter(|r| !r.is_empty())?;
    let before = |back: usize| first.checked_sub(back).and_then(|p| toks.get(p));
    let is_determiner = |t: &Tok| DETERMINERS.contains(&t.lower().as_ref());
    let opened = before(1).is_some_and(is_determiner)
        || before(1).is_some_and(|t| SCOPE_ADJECTIVES.contains(&t.text))
            && before(2).is_some_and(is_determiner);
    let plain = run.iter().all(|t| {
        let lower = t.lower();
        !t.is_acronym()
            && !lists().owners.contains(lower.as_ref())
            && !lists().function_words.contains(lower.as_ref())
            || matches!(t.text, "to" | "of" | "for" | "and")
    });
    let one = run.len() == 1;
    let place = one
        && run.first().is_some_and(|t| {
            crate::extract::countries::lookup_name(t.text).is_some() || is_demonym(t.text)
        });
    (opened && plain && !place && !is_excluded(s.get(run.first()?.start..run.last()?.end)?))
        .then(|| mention(s, toks, first, i))?
}

/// Longest name [`named_after_lowercase_head`] reads, in words.
const NAME_AFTER_HEAD: usize = 5;

/// `the community project Mikoko Pamoja in Gazi Bay`, `the initiative Blue
/// Skies, which ...`: a lower-case head noun right before capitalised words
/// that end the clause (punctuation, `in`, `which`, `that`, `and`). Not an
/// owner, a place, a person's title, a time word or an organisation's
/// acronym (`the project UNODC leads`).
fn named_after_lowercase_head(s: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    let head = toks.get(i)?;
    if !head.is_head() || head.is_cap() || head.is_weak_head() || head.sentence_end {
        return None;
    }
    if toks
        .get(i + 1)
        .is_some_and(|t| t.kind == Kind::Break && t.text == ",")
    {
        return named_in_apposition(s, toks, i);
    }
    let first = i + 1;
    let mut last = None;
    for k in first..toks.len().min(first + NAME_AFTER_HEAD) {
        let t = toks.get(k)?;
        if !t.is_cap() || t.possessive {
            break;
        }
        last = Some(k);
        if t.sentence_end {
            break;
        }
    }
    let last = last?;
    let ends_clause = toks.get(last).is_some_and(|t| t.sentence_end)
        || toks.get(last + 1).is_none_or(|n| {
            matches!(n.kind, Kind::Break | Kind::Close)
                || (n.is_word() && matches!(n.text, "in" | "which" | "that" | "and"))
        });
    let run = toks.get(first..=last)?;
    let l = lists();
    let blocked = run.iter().any(|t| {
        let lower = t.lower();
        t.is_acronym()
            || t.is_head()
            || l.owners.contains(lower.as_ref())
            || l.not_programme.contains(lower.as_ref())
            || l.not_cue.contains(lower.as_ref())
            || l.function_words.contains(lower.as_ref())
            || WEEKDAYS.contains(&lower.as_ref())
    });
    let text = s.get(run.first()?.start..run.last()?.end)?;
    let place = crate::extract::countries::lookup_name(text).is_some()
        || run.iter().any(|t| is_demonym(t.text));
    if !ends_clause || blocked || place || is_excluded(text) {
        return None;
    }
    mention(s, toks, first, last)
}

/// `The campaign, Clean Rivers Clean Lives, runs until 2030`, `The
/// project, Safe Yards, Safe Homes, is funded ...`: a lower-case head noun
/// (token `i`) after a determiner, then a comma and capitalised words (a
/// comma between capitalised words allowed) closed by a comma and a
/// lower-case word. Not an owner, a place or an acronym.
fn named_in_apposition(s: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    let det = i.checked_sub(1).and_then(|p| toks.get(p))?;
    if !matches!(
        det.lower().as_ref(),
        "the" | "this" | "its" | "their" | "our"
    ) {
        return None;
    }
    let first = i + 2;
    let mut last = None;
    let mut k = first;
    while let Some(t) = toks.get(k) {
        if k > first + NAME_AFTER_HEAD + 3 {
            return None;
        }
        if t.is_cap() && !t.possessive {
            last = Some(k);
            if t.sentence_end {
                return None;
            }
        } else if !(t.text == ","
            && last == Some(k - 1)
            && toks.get(k + 1).is_some_and(|n| n.is_cap()))
        {
            break;
        }
        k += 1;
    }
    let last = last?;
    let closed = toks.get(last + 1).is_some_and(|t| t.text == ",")
        && toks
            .get(last + 2)
            .is_some_and(|t| t.is_word() && !t.is_cap() && t.text != "and");
    // `The campaign, Clean Rivers, Safe Homes and Green Parks, ...`: a list.
    let two_words = last > first;
    if !closed || !two_words {
        return None;
    }
    let run = toks.get(first..=last)?;
    let l = lists();
    let blocked = run.iter().filter(|t| t.is_word()).any(|t| {
        let lower = t.lower();
        t.is_acronym()
            || t.is_head()
            || l.owners.contains(lower.as_ref())
            || l.not_programme.contains(lower.as_ref())
            || l.not_cue.contains(lower.as_ref())
            || is_demonym(t.text)
    });
    let text = s.get(run.first()?.start..run.last()?.end)?;
    if blocked || crate::extract::countries::lookup_name(text).is_some() || is_excluded(text) {
        return None;
    }
    mention(s, toks, first, last)
}

/// Lower-case words inside a name that ends before a year range.
const YEAR_INNER: &[&str] = &[
    "of", "on", "for", "to", "and", "in", "de", "del", "para", "y", "la", "el", "et", "du", "des",
    "a", "e", "do", "da", "dos", "das",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A weekday, or a month with a day or year after it (`on Thursday`, `in
/// March 2027`): when something happened, never a word of a name.
fn date_word_at(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    // Compared without lowering: every word of an extension is asked.
    let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(t.text));
    is(WEEKDAYS)
        || is(MONTHS)
            && toks
                .get(k + 1)
                .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()))
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Way 8: capitalised words (with `for`, `and`, `in`, `para`, `do`, ...
/// between them) that `the`, `a new` or an owner's possessive opens and a
/// year range closes, or that follow a lower-case head and a comma: `the
/// North Sea Hydrogen Import Corridor 2027–2035`,
/// `the Digital Skills for Youth and Women in Central Asia 2026–2030`,
/// `the Plano Director para a Redução do Risco de Desastres 2017–2030`. A
/// name with a head noun is way 1's; not a place, a month, an owner or an
/// acronym alone.
fn named_before_year_range(s: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    let range = toks.get(i)?;
    // A range opens with a year's digit: most words are passed over unsplit.
    if !range.text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (a, b) = range.text.split_once(['–', '-'])?;
    let year = |y: &str| y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit());
    if !year(a) || !year(b) || a >= b {
        return None;
    }
    let last = i.checked_sub(1)?;
    let end = toks.get(last)?;
    if !end.is_cap() || end.sentence_end || end.possessive {
        return None;
    }
    let mut first = last;
    while let Some(prev) = first.checked_sub(1).and_then(|p| toks.get(p)) {
        let inner = prev.is_word() && YEAR_INNER.contains(&prev.text);
        if prev.sentence_end || prev.possessive || !(prev.is_cap() || inner) || first + 12 < last {
            break;
        }
        first -= 1;
    }
    // Connectors do not open a name.
    while toks.get(first).is_some_and(|t| !t.is_cap()) && first < last {
        first += 1;
    }
    let opener = first.checked_sub(1).and_then(|p| toks.get(p))?;
    let before_opener = first.checked_sub(2).and_then(|p| toks.get(p));
    // `a new programme, Digital Skills for ... 2026–2030,`: an apposition
    // to a lower-case head.
    let apposition = opener.kind == Kind::Break
        && opener.text == ","
        && before_opener.is_some_and(|h| h.is_head() && !h.is_cap());
    let opens = matches!(opener.text, "the" | "The")
        || opener.possessive
        || apposition
        || (opener.text == "new"
            && first
                .checked_sub(2)
                .and_then(|p| toks.get(p))
                .is_some_and(|t| t.text == "a"));
    let run = toks.get(first..=last)?;
    let caps = run.iter().filter(|t| t.is_cap()).count();
    let l = lists();
    let blocked = run.iter().any(|t| {
        let lower = t.lower();
        t.is_head()
            || l.owners.contains(lower.as_ref())
            || l.not_programme.contains(lower.as_ref())
            || MONTHS.contains(&lower.as_ref())
    }) || run.iter().all(|t| t.is_acronym() || !t.is_cap());
    let text = s.get(run.first()?.start..run.last()?.end)?;
    let place = crate::extract::countries::lookup_name(text).is_some()
        || (caps == 1 && run.iter().any(|t| is_demonym(t.text)));
    if !opens || caps < 2 || blocked || place || is_excluded(text) {
        return None;
    }
    mention(s, toks, first, last)
}

/// A demonym of `core/data/demonyms.tsv` (`European` is not among them, so
/// the continent's adjectives are listed here too).
fn is_demonym(word: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        data_file!("demonyms.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .flat_map(|c| c.split('|'))
            .map(|d| d.trim().to_lowercase())
            .chain(
                [
                    "european", "african", "asian", "american", "arab", "pacific", "global",
                    "national", "regional",
                ]
                .map(String::from),
            )
            .collect()
    })
    .contains(&word.to_lowercase())
}

/// Words inside a name without a head noun, between capitalised words.
/// Like [`cap_run_start`], for a name of at most 9 words whose only joining
/// words are `inner` ones between two capitalised words.
fn short_cap_run_start(toks: &[Tok], i: usize, inner: &[&str]) -> usize {
    let mut first = i;
    while let Some(prev) = first.checked_sub(1).and_then(|p| toks.get(p)) {
        let joins = inner.contains(&prev.text)
            && first
                .checked_sub(2)
                .and_then(|p| toks.get(p))
                .is_some_and(|w| w.is_cap());
        if prev.sentence_end || prev.possessive || !(prev.is_cap() || joins) || first + 8 < i {
            break;
        }
        first -= 1;
    }
    first
}

const CUE_INNER: &[&str] = &[
    "of", "on", "for", "to", "and", "de", "del", "para", "y", "la", "el", "et", "du", "des",
];

/// Way 5: a name without a head noun, introduced as a programme by its
/// context: `under (the) X` (`under Global Gateway`, `under the Mekong MOU on
/// Drug Control`, `under the programme Agua Segura ...`) or `X, the ...
/// strategy` (an apposition ending on a lower-case head noun). The name is
/// a run of capitalised words and acronyms (with `of`, `on`, `for`, `de`, ...
/// between them); not a name holding a head noun (way 1 reads those), an
/// owner, a place, a person's title or a treaty.
fn cue_mention(s: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    let t = toks.get(i)?;
    if t.text.eq_ignore_ascii_case("under") && !t.sentence_end {
        let mut from = i + 1;
        if toks.get(from).is_some_and(|t| t.lower() == "the") {
            from += 1;
        }
        // `under the programme Agua Segura`: the head noun before the name.
        if toks
            .get(from)
            .is_some_and(|t| t.is_head() && !t.is_cap() && !t.sentence_end)
        {
            from += 1;
        }
        let last = cue_run(toks, from)?;
        return cue_name(s, toks, from, last);
    }
    // `runs Clean Shores until 2030`: the object of `run` with a period.
    if t.is_cap() && !t.sentence_end {
        let prev_runs = i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| matches!(p.text, "runs" | "run" | "ran" | "running"));
        if prev_runs {
            if let Some(last) = cue_run(toks, i) {
                if run_until(toks, i, last) {
                    return cue_name(s, toks, i, last);
                }
            }
        }
    }
    // `X, the EU's investment strategy`: X ends at token `i`, a comma follows.
    let comma = toks.get(i + 1)?;
    let comma_after_name = comma.kind == Kind::Break && comma.text == "," && t.is_cap();
    if !comma_after_name || t.sentence_end {
        return None;
    }
    let det = toks.get(i + 2)?;
    let funded =
        which_funds(toks, i + 2) || funded_by(toks, i + 2) || described_as_funded(toks, i + 2);
    if runs_for_a_period(toks, i + 2) || funded {
        // `Bosques Vivos, which will run from 2026 to 2031`: a name said to
        // run for a period is a programme's; so is one said to be funded
        // (`Cashback for Communities, which the Scottish Government funds`).
        let first = short_cap_run_start(toks, i, CUE_INNER);
        // `Clean Rivers for Health, Tourism and Fisheries, which ...
        // finance`: a closed comma list is read back to its connector.
        let first = if funded {
            comma_list_start(toks, first)
        } else {
            first
        };
        let before = |d: usize| first.checked_sub(d).and_then(|p| toks.get(p));
        let opened = before(1).is_some_and(|p| p.is_word() && !p.is_cap() && !p.sentence_end);
        // `... Pollution Control with Means of Implementation, which runs to
        // 2030`: a connector between capitalised words leaves only the tail
        // of a longer name.
        let tail = before(1).is_some_and(|p| {
            matches!(
                p.text,
                "with" | "of" | "for" | "and" | "on" | "to" | "against" | "towards" | "in"
            )
        }) && before(2).is_some_and(|p| p.is_cap());
        // `a centre in Puerto Princesa, funded by Japan`: a place is funded
        // only as the seat of something else.
        let place = funded && before(1).is_some_and(|p| matches!(p.text, "in" | "at" | "near"));
        return if opened && !tail && !place {
            cue_name(s, toks, first, i)
        } else {
            None
        };
    }
    if !matches!(det.lower().as_ref(), "the" | "a" | "an" | "its" | "their") {
        return None;
    }
    let head = (i + 3..toks.len().min(i + 7))
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|w| w.is_word() && !w.sentence_end || w.is_head())
        })
        .find(|&k| toks.get(k).is_some_and(|w| w.is_head() && !w.is_cap()))?;
    toks.get(head)?;
    let first = short_cap_run_start(toks, i, CUE_INNER);
    // The run must open after a lower-case word: a whole name, not a sentence start.
    let opened = first
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| p.is_word() && !p.is_cap() && !p.sentence_end);
    if !opened {
        return None;
    }
    cue_name(s, toks, first, i)
}

/// Verbs that say a name is funded: `which the EU funds`.
const FUND_VERBS: &[&str] = &[
    "fund",
    "funds",
    "funded",
    "finance",
    "finances",
    "financed",
    "co-finance",
    "co-finances",
    "co-financed",
    "co-fund",
    "co-funds",
    "co-funded",
];

/// `funded by` / `financed by` at token `k`: `Kids Read, funded by the
/// British Council,`.
fn funded_by(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.is_word()
            && !t.sentence_end
            && matches!(t.text, "funded" | "financed" | "co-funded" | "co-financed")
    }) && toks
        .get(k + 1)
        .is_some_and(|t| t.text == "by" || t.text == "with" && funder_follows(toks, k + 2))
}

/// Most tokens between `funded with` and `by` (an amount: `USD 7.5 million`).
const AMOUNT_REACH: usize = 5;

/// `funded with EUR 2 million by Norway`: an amount and then `by`, at most
/// [`AMOUNT_REACH`] tokens on, no comma between.
fn funder_follows(toks: &[Tok], k: usize) -> bool {
    toks.iter()
        .skip(k)
        .take(AMOUNT_REACH + 1)
        .take_while(|t| t.is_word() && !t.sentence_end || t.text == "by")
        .any(|t| t.text == "by")
}

/// `Bright Steps, a three-year effort funded by the EU`: `a` or `an` at
/// token `k`, then lower-case words and a funding participle within
/// [`AMOUNT_REACH`] tokens (`funded by` / `financed with ... by`).
fn described_as_funded(toks: &[Tok], k: usize) -> bool {
    if !toks.get(k).is_some_and(|t| matches!(t.text, "a" | "an")) {
        return false;
    }
    (k + 2..k + 2 + AMOUNT_REACH)
        .take_while(|&n| {
            toks.get(n - 1)
                .is_some_and(|t| t.is_word() && !t.is_cap() && !t.sentence_end)
        })
        .any(|n| funded_by(toks, n))
}

/// `runs Clean Shores until 2030`: a form of `run` before token `k`, and
/// after the capitalised words ending at `last` a period (`until`/`to`/
/// `through` + a year, or `from` + a year).
fn run_until(toks: &[Tok], k: usize, last: usize) -> bool {
    let verb = k
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| matches!(t.text, "runs" | "run" | "ran" | "running"));
    let period = toks.get(last + 1).is_some_and(|t| {
        !toks.get(last).is_some_and(|l| l.sentence_end)
            && matches!(t.text, "until" | "till" | "through" | "from" | "to")
    }) && toks.get(last + 2).is_some_and(Tok::is_year);
    verb && period
}

/// Most tokens between `which` and its funding verb.
const FUNDER_REACH: usize = 14;

/// `which (the X and the Y) (will / agreed to) fund(s)/finance(s)` at
/// token `k`: a funder, no comma or sentence end, then the verb.
fn which_funds(toks: &[Tok], k: usize) -> bool {
    if toks.get(k).is_none_or(|t| t.text != "which") {
        return false;
    }
    for (n, t) in toks.iter().enumerate().skip(k + 1).take(FUNDER_REACH) {
        if t.is_word() && FUND_VERBS.contains(&t.text) {
            return true;
        }
        // `which the UK Foreign, Commonwealth and Development Office has
        // funded`: a comma between capitalised words is inside a funder's name.
        let in_name = t.text == ","
            && n.checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.is_cap())
            && toks.get(n + 1).is_some_and(|q| q.is_cap());
        if t.sentence_end || t.text == "," && !in_name {
            return false;
        }
    }
    false
}

/// `Health, Tourism and Fisheries` from its last group at `first`: back
/// over `, Group` items to a connector with capitalised words before it
/// (`Clean Rivers for Health, ...`). `first` itself when no `and` closes the
/// list.
fn comma_list_start(toks: &[Tok], first: usize) -> usize {
    let closed = toks
        .get(first..)
        .into_iter()
        .flatten()
        .take_while(|t| t.is_cap() || t.is_connector())
        .any(|t| t.text == "and");
    if !closed {
        return first;
    }
    let mut j = first;
    for _ in 0..4 {
        let comma = j.checked_sub(1).and_then(|p| toks.get(p));
        let prev = j.checked_sub(2).and_then(|p| toks.get(p));
        if !(comma.is_some_and(|c| c.text == ",")
            && prev.is_some_and(|p| p.is_cap() && !p.sentence_end))
        {
            return j;
        }
        let k = cap_run_start(toks, j - 2, false);
        let conn = k.checked_sub(1).and_then(|p| toks.get(p));
        if conn.is_some_and(|c| matches!(c.text, "for" | "of" | "on" | "in"))
            && k.checked_sub(2)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.is_cap() && !p.sentence_end && !p.possessive)
        {
            return short_cap_run_start(toks, k, CUE_INNER);
        }
        j = k;
    }
    first
}

/// `which (will) run(s) from/until/to/between/through` at token `k`.
fn runs_for_a_period(toks: &[Tok], k: usize) -> bool {
    let is = |n: usize, words: &[&str]| {
        toks.get(n)
            .is_some_and(|t| words.iter().any(|w| t.text.eq_ignore_ascii_case(w)))
    };
    if !is(k, &["which"]) {
        return false;
    }
    // `which has run since 2023`, `which has been running since`.
    let verb = if is(k + 1, &["has", "have", "had"]) && is(k + 2, &["been"]) {
        k + 3
    } else if is(k + 1, &["will", "is", "was", "has", "have", "had"]) {
        k + 2
    } else {
        k + 1
    };
    is(verb, &["run", "runs", "ran", "running"])
        && toks.get(verb).is_some_and(|t| !t.sentence_end)
        && is(
            verb + 1,
            &["from", "until", "till", "to", "between", "through", "since"],
        )
}

/// The last token of a run of capitalised words from `from` (inner words
/// allowed between them), ending before a lower-case word or punctuation.
fn cue_run(toks: &[Tok], from: usize) -> Option<usize> {
    let mut last = None;
    let mut k = from;
    while let Some(t) = toks.get(k) {
        if k > from + 10 {
            return None;
        }
        if t.is_cap() {
            last = Some(k);
            if t.sentence_end || t.possessive {
                break;
            }
        } else if !(CUE_INNER.contains(&t.text) && toks.get(k + 1).is_some_and(|n| n.is_cap())) {
            break;
        }
        k += 1;
    }
    last
}

fn cue_name(s: &str, toks: &[Tok], first: usize, last: usize) -> Option<Mention> {
    let run = toks.get(first..=last)?;
    let l = lists();
    let words: Vec<String> = run.iter().map(|t| t.lower().into_owned()).collect();
    let has_head = run.iter().any(|t| t.is_head());
    // `Girls Learn and Lead`: a role word (`Lead`) joined by `and` to a
    // verb is no role.
    let role = |n: usize, w: &String| {
        l.not_cue.contains(w) && !(n >= 2 && words.get(n - 1).is_some_and(|p| p == "and"))
    };
    let blocked = words
        .iter()
        .enumerate()
        .any(|(n, w)| l.owners.contains(w) || l.not_programme.contains(w) || role(n, w));
    let one = run.len() == 1;
    // One word: an acronym (`EMPACT`), not an owner's (`UNODC's`).
    let single_ok = one
        && run
            .first()
            .is_some_and(|t| t.is_acronym() && t.text.len() >= 4 && !t.possessive);
    let text = s.get(run.first()?.start..run.last()?.end)?;
    let place = crate::extract::countries::lookup_name(text).is_some()
        || (one && run.first().is_some_and(|t| is_demonym(t.text)));
    if has_head || blocked || place || (one && !single_ok) || is_excluded(text) {
        return None;
    }
    mention(s, toks, first, last)
}

/// Way 4: a known programme written on its own (`GLO.ACT 2015-2019`).
fn hint_mention(s: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    let first = toks.get(i).filter(|t| t.is_word())?;
    // A hint opens with a word of the same length in bytes and first byte,
    // whatever the case.
    if !lists().may_open_hint(first.lower_bit) {
        return None;
    }
    // The hints that open with this word, whatever its ASCII case, in order.
    let candidates = with_ascii_lower(first.text, |key| lists().hints_by_first.get(key))?;
    candidates.iter().find_map(|&h| {
        let hint = lists().hints.get(h)?;
        let h = hint.first()?;
        let opens = if hint.len() == 1 {
            h == first.text
        } else {
            h.eq_ignore_ascii_case(first.text)
        };
        if !opens {
            return None;
        }
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

/// Most words a named operation takes after `Operation`.
const OPERATION_WORDS: usize = 4;

/// Way 8: a named operation, `Operation Safe Dose`, `Joint Operation
/// Poseidon`, `Op Tiris 3.0`: `Operation` or `Op` opening a run (no
/// capitalised word before it but `Joint`), then capitalised words or
/// numbers, none of them a head noun (`Operation Centre` is a place).
#[inline(never)] // Rarely called: kept out of the per-token loop.
fn operation_mention(s: &str, toks: &[Tok], i: usize) -> Option<Mention> {
    let t = toks.get(i).filter(|t| t.is_word())?;
    if !matches!(t.text, "Operation" | "Op") || t.sentence_end || t.possessive {
        return None;
    }
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let joint = prev.is_some_and(|p| p.text == "Joint" && !p.sentence_end);
    if prev.is_some_and(|p| p.is_cap() && !p.sentence_end && !joint) {
        return None;
    }
    let numeral = |w: &Tok| w.text.starts_with(|c: char| c.is_ascii_digit());
    let mut last = i;
    for (k, w) in toks.iter().enumerate().skip(i + 1).take(OPERATION_WORDS) {
        let word = w.is_word() && (w.is_cap() || numeral(w));
        let lower = w.lower();
        let l = lists();
        if !word
            || w.is_head()
            || l.org_heads.contains(lower.as_ref())
            // `Operation Commander` is a role, not an operation.
            || crate::extract::people::lexicon().is_role_noun(w.text)
        {
            break;
        }
        last = k;
        if w.sentence_end || w.possessive {
            break;
        }
    }
    if last == i {
        return None;
    }
    let mut m = mention(s, toks, if joint { i - 1 } else { i }, last)?;
    // `Op Tiris 3.0.`: a number keeps the sentence's full stop.
    if m.name.ends_with('.') {
        m.name.pop();
        m.end -= 1;
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{rows, run, Row};
    use super::*;
    use crate::extract::tokens::tokenize;

    /// No finder finds a mention at a token `may_open` passes over.
    #[test]
    fn the_finders_find_nothing_where_may_open_says_none_opens() {
        let texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "under the programme Agua Segura, runs Clean Shores until 2030, the 2024–2030 plan",
            "the “Not for Sale” campaign, GLO.ACT (GLO.ACT), Operation Safe Dose and the project Mikoko Pamoja",
        ]);
        let (mut skipped, mut seen) = (0, 0);
        for s in &texts {
            let toks = words(s, &tokenize(s));
            let extensions = Extensions::default();
            let mut quotes_before = 0;
            for i in 0..toks.len() {
                seen += 1;
                if !may_open(&toks, i) {
                    skipped += 1;
                    let found = [
                        head_mention(s, &toks, i, &extensions),
                        bracketed_mention(s, &toks, i),
                        initials_mention(s, &toks, i),
                        romance_mention(s, &toks, i),
                        quoted_mention(s, &toks, i, quotes_before),
                        hint_mention(s, &toks, i),
                        cue_mention(s, &toks, i),
                        named_after_lowercase_head(s, &toks, i),
                        named_before_year_range(s, &toks, i),
                        operation_mention(s, &toks, i),
                    ];
                    assert!(found.iter().all(Option::is_none), "{s:?} at {i}");
                }
                if toks[i].kind == Kind::Quote {
                    quotes_before += 1;
                }
            }
        }
        assert!(skipped * 2 > seen, "{skipped} of {seen}");
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str], &[Row])] = &[
            ("acronym after head name", &["UNODC's Global Programme against Money Laundering (GPML) trains analysts."],
                &[("Global Programme against Money Laundering", Some("GPML"), None, None)]),
            ("plain head name", &["The Container Control Programme seized cocaine."], &[("Container Control Programme", None, None, None)]),
            ("campaign", &["Supporters of the Blue Heart Campaign wore blue."], &[("Blue Heart Campaign", None, None, None)]),
            ("maritime programme", &["The Global Maritime Crime Programme supports coast guards."], &[("Global Maritime Crime Programme", None, None, None)]),
            ("owner after of the", &["Officers were trained by the Airport Communication Programme of the World Customs Organization in May."], &[("Airport Communication Programme", None, None, None)]),
            ("of the without an owner's head", &["It follows the Programme of the Decade of Ocean Science."], &[("Programme of the Decade of Ocean Science", None, None, None)]),
            ("two names joined by a dash", &["It came from the Internal Security Fund – Border Management and Visa Instrument."], &[("Internal Security Fund – Border Management and Visa Instrument", None, None, None)]),
            ("instrument head", &["The pilot is funded by the Neighbourhood Investment Instrument and by Sweden."], &[("Neighbourhood Investment Instrument", None, None, None)]),
            ("lower-case head after hint", &["Through the UN.GIFT initiative, partners met."], &[("UN.GIFT", Some("UN.GIFT"), None, None)]),
            ("lower-case head after two words", &["Through the Blue Heart campaign, people wore blue."], &[("Blue Heart campaign", None, None, None)]),
            ("owner before lower-case head", &["The European Union project and the UNODC programme ended."], &[]),
            ("partnership facility", &["The Partnership for Integrity Facility opened."], &[("Partnership for Integrity Facility", None, None, None)]),
            ("trust fund", &["Grants from the UN Trust Fund for Victims of Trafficking helped."], &[("UN Trust Fund for Victims of Trafficking", None, None, None)]),
            ("unnamed project", &["The project builds capacity. The Project also trains. The programme ends."], &[]),
            ("observance and report", &["On International Anti-Corruption Day and World Day against Trafficking in Persons, the World Drug Report was launched."], &[]),
            ("organisations with programme", &["UNDP, the United Nations Development Programme (UNDP), the World Food Programme and the United Nations Environment Programme (UNEP) met."], &[]),
            ("role after head", &["The Project Coordinator and the Programme Manager spoke."], &[]),
            ("strategy", &["Kenya adopted its National Anti-Corruption Strategy in May."], &[("National Anti-Corruption Strategy", None, None, None)]),
            ("and before the run", &["Donors back the Clean Rivers and Healthy Coasts Partnership."], &[("Clean Rivers and Healthy Coasts Partnership", None, None, None)]),
            ("owner before and", &["Funding from the Ministry of Labour and Youth Employment Programme arrived."], &[("Youth Employment Programme", None, None, None)]),
            ("of before the run", &["Leaders endorsed the Gulf of Aden Initiative for Blue Jobs."], &[("Gulf of Aden Initiative for Blue Jobs", None, None, None)]),
            ("comma list", &["It joined the Partnership for Trade, Skills and Innovation last year."], &[("Partnership for Trade, Skills and Innovation", None, None, None)]),
            ("oxford comma list", &["It joined the Partnership for Trade, Skills, and Innovation."], &[("Partnership for Trade, Skills, and Innovation", None, None, None)]),
            ("comma then clause", &["Under the Programme on Water, Kenya trained 40 officers."], &[("Programme on Water", None, None, None)]),
            ("comma list with inner connectors up to a bracket", &["It follows UNODC's Global Programme against Money Laundering, Proceeds of Crime and the Financing of Terrorism (GPML) closely."],
                &[("Global Programme against Money Laundering, Proceeds of Crime and the Financing of Terrorism", Some("GPML"), None, None)]),
            ("comma list with inner connectors, no bracket", &["Under the Programme on Water, Ministry of Health and the Police trained officers."], &[("Programme on Water", None, None, None)]),
            ("a plural possessive inside a name", &["Girls join the Young Farmers' Enterprise and Savings Programme this year."], &[("Young Farmers' Enterprise and Savings Programme", None, None, None)]),
            ("named operations", &["It was seized in Operation Safe Dose, under Joint Operation Poseidon and Op Tiris 3.0."],
                &[("Operation Safe Dose", None, None, None), ("Joint Operation Poseidon", None, None, None), ("Op Tiris 3.0", None, None, None)]),
            ("an operation's role or office", &["The Operation Commander met the Operation Office staff."], &[]),
            ("comma then acronyms", &["Under the Programme on Water, UNODC and WHO trained officers."], &[("Programme on Water", None, None, None)]),
            ("a phased acronym before a lower-case head", &["It is paid through the SAFIRE-2 programme (Safer Fisheries in Eastern Africa)."], &[("SAFIRE-2", None, None, None)]),
            ("funded, said with which", &["Money will go to Cashback for Communities, which the Scottish Government funds until 2029."], &[("Cashback for Communities", None, None, None)]),
            ("funded, a comma list read back to its connector", &["It is part of Clean Danube and Sava Rivers for Health, Tourism and Fisheries, which the European Commission and the Government of Serbia agreed to finance for the years 2028 to 2034."], &[("Clean Danube and Sava Rivers for Health, Tourism and Fisheries", None, None, None)]),
            ("funded, said with which is funded by", &["Pupils join Soma Nasi, which is funded by the European Union, this year."], &[("Soma Nasi", None, None, None)]),
            ("funded, said with which has funded", &["The money comes from Bright Futures for Refugee Youth, which Norway has funded since 2022."], &[("Bright Futures for Refugee Youth", None, None, None)]),
            ("funded by, an apposition", &["Farmers are paid through Seeds of Hope and Harvest, financed by the African Development Bank, this year."], &[("Seeds of Hope and Harvest", None, None, None)]),
            ("a weak head after a grant from", &["The loan is backed by a EUR 45 million grant from the Western Balkans Investment Framework and is signed."], &[("Western Balkans Investment Framework", None, None, None)]),
            ("a weak head after from, no money", &["Experts from the Western Balkans Investment Framework met."], &[]),
            ("funded, not a place after in", &["They opened a centre in Puerto Princesa, funded by the Government of Japan."], &[]),
            ("funded, not after a sentence start", &["Nairobi, which the county funds, grew."], &[]),
            ("a named area after in the", &["It started the Joint Programme on Youth Jobs in the Highlands, which runs to 2030."], &[("Joint Programme on Youth Jobs in the Highlands", None, None, None)]),
            ("a country after in the ends the name", &["It started the Programme on Coastal Jobs in the Philippines, which runs to 2030."], &[("Programme on Coastal Jobs", None, None, None)]),
            ("region after in", &["Grants came from the Trust Fund for Resilience in the Sahel."], &[("Trust Fund for Resilience in the Sahel", None, None, None)]),
            ("compass region after in", &["Grants came from the Facility for Clean Ports in West Africa."], &[("Facility for Clean Ports in West Africa", None, None, None)]),
            ("country after in", &["The Programme on Fisheries in Ghana started."], &[("Programme on Fisheries", None, None, None)]),
            ("region right after the head", &["Officers joined the Border Management Programme in Central Asia (BOMCA) last year."], &[("Border Management Programme in Central Asia", Some("BOMCA"), None, None)]),
            ("a capitalised plural after in", &["It backs the National Policy on Radical Inclusion in Schools and more."], &[("National Policy on Radical Inclusion in Schools", None, None, None)]),
            ("a city after in ends the name", &["It backs the National Policy on Youth in Lagos and more."], &[("National Policy on Youth", None, None, None)]),
            ("a country ending in s after in ends the name", &["It backs the Programme on Fisheries in Comoros and more."], &[("Programme on Fisheries", None, None, None)]),
            ("funded, a funder with a comma in its name", &["The work extends Leh Wi Learn, which the UK Foreign, Commonwealth and Development Office has funded since 2021."], &[("Leh Wi Learn", None, None, None)]),
            ("an apposition, a role word after and", &["The ministry adds Girls Learn and Lead, a four-year programme of Plan International."], &[("Girls Learn and Lead", None, None, None)]),
            ("a name in apposition to a lower-case head", &["The campaign, Clean Rivers Clean Lives, runs until 2030."], &[("Clean Rivers Clean Lives", None, None, None)]),
            ("a name with a comma in apposition", &["The project, Safe Yards, Safe Homes, is funded by Wellcome."], &[("Safe Yards, Safe Homes", None, None, None)]),
            ("a person in apposition is no name", &["The project, Kenya's first, is funded by Wellcome."], &[]),
            ("a list in apposition is no name", &["The project, Kenya and Uganda, is funded by Wellcome."], &[]),
            ("an apposition said to be funded", &["Teachers joined Bright Steps, a three-year effort funded by the European Union."], &[("Bright Steps", None, None, None)]),
            ("funded with an amount by", &["Farmers joined Green Valleys, funded with EUR 2 million by Norway, last year."], &[("Green Valleys", None, None, None)]),
            ("funded with, no funder", &["They visited Green Valleys, funded with care, last year."], &[]),
            ("run until a year", &["The Lake Basin Authority runs Clean Shores until 2030."], &[("Clean Shores", None, None, None)]),
            ("run, no period", &["The Lake Basin Authority runs Clean Shores with Kenya."], &[]),
            ("a role word alone is no name", &["It was run by the Project Lead, a programme officer."], &[]),
            ("kept prefix", &["The EU Emergency Trust Fund for Africa paid."], &[("EU Emergency Trust Fund for Africa", None, None, None)]),
            ("owner acronym prefix", &["The UNODC Global Programme on Cybercrime met."], &[("Global Programme on Cybercrime", None, None, None)]),
            ("weak head funded", &["The Coastal Jobs Compact, funded by Norway, opens."], &[("Coastal Jobs Compact", None, None, None)]),
            ("weak head with period", &["The Urban Safety Framework 2022-2025 was adopted."], &[("Urban Safety Framework", None, Some("2022"), Some("2025"))]),
            ("weak head without signal", &["The Digital Rights Framework is discussed by experts."], &[]),
            ("weak head adopted", &["Parliament adopted the Open Data Policy."], &[("Open Data Policy", None, None, None)]),
            ("weak head funded under", &["Clinics are funded under the Rural Clinics Support Contract."], &[("Rural Clinics Support Contract", None, None, None)]),
            ("weak head launch of", &["Since the launch of the Andean Firearms Roadmap, police traced guns."], &[("Andean Firearms Roadmap", None, None, None)]),
            ("national weak head", &["Victims go to the National Victim Referral Mechanism (NVRM) first."], &[("National Victim Referral Mechanism", Some("NVRM"), None, None)]),
            ("lower-case weak head", &["Experts debated the Paris Agreement framework and the Blue Ocean roadmap."], &[]),
            ("roman numeral", &["Under the Education Sector Plan IV, schools opened."], &[("Education Sector Plan IV", None, None, None)]),
            ("pronoun is no numeral", &["The Strategy I drafted, she said, is gone."], &[]),
            ("exact exclusion", &["The Global Fund paid, and the Global Fund for Coral Reefs helped."], &[("Global Fund for Coral Reefs", None, None, None)]),
            ("known organisation with a weak head", &["Police cooperate through the African Union Mechanism for Police Cooperation."], &[]),
            ("lower-case head after connected words", &["Power reaches villages under the Desert to Power initiative, which aims high."], &[("Desert to Power initiative", None, None, None)]),
            ("lower-case head after one word", &["Results of its Wolbito programme were published."], &[("Wolbito programme", None, None, None)]),
            ("scope adjective after the determiner", &["It supports the national Early Warning for All initiative."], &[("Early Warning for All initiative", None, None, None)]),
            ("a scope adjective opens a joined name", &["It builds on the earlier Coastal Water, Sanitation and Hygiene for Healthy Schools Project."], &[("Coastal Water, Sanitation and Hygiene for Healthy Schools Project", None, None, None)]),
            ("no determiner before the scope adjective", &["Money went to national Early Warning for All initiative work."], &[]),
            ("country before lower-case head", &["Results of the Kenya programme were published."], &[]),
            ("year before the name", &["Leaders met under the 2050 Strategy for the Blue Pacific Continent last year."], &[("2050 Strategy for the Blue Pacific Continent", None, None, None)]),
            ("under a name without head", &["Data were shared under the Mekong MOU on Drug Control."], &[("Mekong MOU on Drug Control", None, None, None)]),
            ("under an acronym", &["It was carried out under the EMPACT priority on smuggling."], &[("EMPACT", None, None, None)]),
            ("under the head then a name", &["Committees are trained under the programme Agua Segura para Comunidades Rurales."], &[("Agua Segura para Comunidades Rurales", None, None, None)]),
            ("apposition with a head", &["Funds flow under Global Gateway, the EU's investment strategy."], &[("Global Gateway", None, None, None)]),
            ("under a title or an owner", &["It was signed under President Ruto and under UNODC's guidance, under the chairmanship of Chile."], &[]),
            ("appeal head with year", &["The agency launched its 2025 Emergency Appeal for the Coastal Floods today."], &[("2025 Emergency Appeal for the Coastal Floods", None, None, None)]),
            ("amount after to ends the name", &["It raised its Flash Appeal for the Delta Floods to USD 40 million."], &[("Flash Appeal for the Delta Floods", None, None, None)]),
            ("toward joins a name", &["They launched the Regional Initiative against Hate Speech toward Migrants last week."], &[("Regional Initiative against Hate Speech toward Migrants", None, None, None)]),
            ("hindi scheme head", &["Funds were released for the Gramin Awas Yojana this year."], &[("Gramin Awas Yojana", None, None, None)]),
            ("statutory fund is an institution", &["Workers register with the National Social Security Fund and the Workers Pension Fund."], &[]),
            ("chief executive heads an organisation", &["The Executive Director of the Clean Air Partnership spoke."], &[]),
            ("weak network head with signal", &["The Coastal Drug Detection Network will be run by police."], &[("Coastal Drug Detection Network", None, None, None)]),
            ("name after a lower-case head", &["It builds on the community project Mikoko Pamoja in Gazi Bay, which sells credits."], &[("Mikoko Pamoja", None, None, None)]),
            ("role, time or actor after a lower-case head", &["The project Coordinator, the programme Manager and the initiative Monday, as the campaign Parliament adopted, ended."], &[]),
            ("place after a lower-case head", &["They visited the project Kenya, and the programme Kenyan officials run."], &[]),
            ("organisation-headed name", &["The Intergovernmental Authority on Development (IGAD) is a regional initiative."], &[]),
            ("and the opens a second name", &["Money came from the National Policy and Action Framework on Water Reuse and the Global Fund for Survivors of Floods, Fires and Storms."],
                &[("National Policy and Action Framework on Water Reuse", None, None, None), ("Global Fund for Survivors of Floods, Fires and Storms", None, None, None)]),
            ("and the without a head goes on", &["It funds the Programme for Peace and the Rule of Law in Guinea."], &[("Programme for Peace and the Rule of Law", None, None, None)]),
            ("comma list before the head", &["The Women, Peace and Security Programme for the Great Lakes runs on."], &[("Women, Peace and Security Programme for the Great Lakes", None, None, None)]),
            ("comma without and is no list", &["In Ghana, Clean Water Programme staff met."], &[("Clean Water Programme", None, None, None)]),
            ("for before the run", &["The money funds the Smallholder Irrigation and Seed Systems for Climate Resilience Programme, which runs on."],
                &[("Smallholder Irrigation and Seed Systems for Climate Resilience Programme", None, None, None)]),
            ("possessive opens the run", &["It supports Peru's National Competitiveness and Productivity Plan 2019–2030, which sets targets."],
                &[("National Competitiveness and Productivity Plan", None, Some("2019"), Some("2030"))]),
            ("new after a determiner opens the run", &["Loans come from a new Coastal Sanitation, Cold Chain and Market Access Facility for processors."],
                &[("Coastal Sanitation, Cold Chain and Market Access Facility", None, None, None)]),
            ("joined groups before a lower-case head", &["It supports Viet Nam's One Million Hectares of High-Quality and Low-Emission Rice programme, which pays."],
                &[("One Million Hectares of High-Quality and Low-Emission Rice programme", None, None, None)]),
            ("year range closes a name without head", &["It is part of the North Sea Hydrogen Import Corridor 2027–2035, a partnership."],
                &[("North Sea Hydrogen Import Corridor", None, Some("2027"), Some("2035"))]),
            ("year range with connectors", &["Grants go to the Digital Skills for Youth and Women in Central Asia 2026–2030 scheme of Team Europe."],
                &[("Digital Skills for Youth and Women in Central Asia", None, Some("2026"), Some("2030"))]),
            ("apposition before a year range", &["A €45 million programme, Digital Skills for Youth in Central Asia 2026–2030, will train people."],
                &[("Digital Skills for Youth in Central Asia", None, Some("2026"), Some("2030"))]),
            ("portuguese name before a year range", &["It follows the Plano Director para a Redução do Risco de Desastres 2017–2030."],
                &[("Plano Director para a Redução do Risco de Desastres", None, Some("2017"), Some("2030"))]),
            ("no name before a year range", &["It ran in the Sahel 2018–2020, in the European Union 2019–2021 and through March 2021–2022."], &[]),
            ("a weekday after on ends the name", &["It launched the Fisheries Recovery and Livelihoods Programme on Thursday, a plan."],
                &[("Fisheries Recovery and Livelihoods Programme", None, None, None)]),
            ("a date after on ends a longer name", &["It joined the Programme on Coastal Jobs on Monday and the Facility for Youth on 3 May."],
                &[("Programme on Coastal Jobs", None, None, None), ("Facility for Youth", None, None, None)]),
            ("a month with no number stays a word", &["It backs the Initiative for May Day Workers."], &[("Initiative for May Day Workers", None, None, None)]),
            ("in before the head, opened by a possessive", &["It extends UNICEF's Learning in Displacement Initiative to Chad."],
                &[("Learning in Displacement Initiative", None, None, None)]),
            ("in before the head, not opened", &["Staff in Kenya Programme offices met."], &[("Kenya Programme", None, None, None)]),
            ("a lower-case letter before a capital opens the name", &["It joined the mRNA Technology Transfer Programme in 2025."],
                &[("mRNA Technology Transfer Programme", None, None, None)]),
            ("an accelerator", &["Gavi's African Vaccine Manufacturing Accelerator (AVMA) will buy doses."],
                &[("African Vaccine Manufacturing Accelerator", Some("AVMA"), None, None)]),
            ("for after an owner stays out", &["Funds from the Ministry for Youth and Sports Development Programme came."], &[("Sports Development Programme", None, None, None)]),
        ];
        for (name, body, expected) in cases {
            assert_eq!(run(body), rows(expected), "case {name}");
        }
    }
}
