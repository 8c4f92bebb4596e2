//! Names and acronyms: way 2 (a name with its acronym in brackets) and
//! way 3 (a quoted name next to a head noun).

use std::sync::OnceLock;

use regex::Regex;

use super::lists::{is_excluded, is_hint, lists};
use super::mentions::{
    cap_run_start, head_after_bracket, mention, skip_leading, weak_head_signal, Mention,
};
use super::words::{Kind, Tok};
use crate::extract::tokens::{acronym_like, squash};

/// Tokens scanned after `is a` for the head noun that makes a name a programme.
const PREDICATE_REACH: usize = 14;
/// Longest bracket that can hold an acronym.
const MAX_BRACKET_TOKENS: usize = 8;
/// Longest quoted name, in tokens.
const MAX_QUOTED_TOKENS: usize = 25;

/// The acronym in a bracket opening at `open`: its first word when that is
/// an acronym (`(GLO.ACT Asia and the Middle East)` gives `GLO.ACT`), else a
/// short bracket holding an acronym (`(Global SMART)`). Returns the index of
/// the closing bracket too.
pub(super) fn bracket_acronym(s: &str, toks: &[Tok], open: usize) -> Option<(usize, String)> {
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
pub(super) fn bracketed_mention(s: &str, toks: &[Tok], open: usize) -> Option<Mention> {
    let before = open
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .filter(|t| t.is_cap())?;
    if before.is_head() {
        return None; // way 1 has it
    }
    let (close, acronym) = bracket_acronym(s, toks, open)?;
    let run_start = list_start(toks, cap_run_start(toks, open, true), open);
    // `the West African Police Information System (WAPIS) Programme`: a head
    // noun after the bracket says what the name is.
    let head_after = head_after_bracket(toks, close);
    // The signals that need no name first: most brackets have none, and
    // then the name is read only if a signal of the name's own may hold.
    let signalled_after = is_hint(&acronym)
        || head_after.is_some()
        || called_programme(toks, close)
        || signal_after_bracket(toks, close);
    if !signalled_after && !name_may_signal(s, toks, run_start, open) {
        return None;
    }
    let first = name_start(toks, run_start, open, &acronym)?;
    let mut m = mention(s, toks, first, open - 1)?;
    // `the ILO's project Accelerating Action for ... (ACCEL Africa)`: a
    // lower-case head noun right before the name says what it is.
    let head_before = first
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| t.is_head() && !t.is_cap() && !t.is_weak_head());
    if !(signalled_after || head_before || is_hint(&m.name)) {
        return None;
    }
    let words: Vec<String> = m.name.split_whitespace().map(str::to_lowercase).collect();
    let not_programme = words.len() < 2
        || (head_after.is_none() && head_words(&words).any(|w| lists().not_programme.contains(w)));
    if not_programme || is_excluded(&m.name) || is_excluded(&acronym) {
        return None;
    }
    m.end = toks.get(close)?.end;
    m.acronym = Some(acronym);
    // `the Southern Africa Maritime Security (SAMS) Initiative`: the head
    // after the bracket ends the name; the acronym is dropped from it.
    if let Some(last) = head_after {
        let tail = mention(s, toks, close + 1, last)?;
        m.name = format!("{} {}", m.name, tail.name);
        m.end = tail.end;
        m.needs_period =
            toks.get(close + 1)?.is_weak_head() && !weak_head_signal(toks, first, last);
    }
    Some(m)
}

/// Whether a name ending before the bracket at `open`, opening at some
/// token from `run_start` on, may be signalled by itself ([`bracketed_mention`]):
/// a lower-case head noun right before it, or the whole name a hint, whose
/// last word is then a hint's last word.
fn name_may_signal(s: &str, toks: &[Tok], run_start: usize, open: usize) -> bool {
    let head_before = toks
        .get(run_start.saturating_sub(1)..open.saturating_sub(1))
        .unwrap_or_default()
        .iter()
        .any(|t| t.is_head() && !t.is_cap() && !t.is_weak_head());
    let Some(last) = open.checked_sub(1).and_then(|l| toks.get(l)) else {
        return head_before;
    };
    // The name's last word is the text's last word before the bracket, or,
    // when the name has no space, the name whole: text from a token's start.
    // Only as long as a hint's last word can be, so that a long unspaced run
    // is not read again from each of its tokens.
    let before = s.get(..last.end).unwrap_or_default();
    let last_word = before.split_whitespace().next_back().unwrap_or_default();
    let unspaced = (run_start..open)
        .rev()
        .filter_map(|k| before.get(toks.get(k)?.start..))
        .take_while(|w| w.len() <= lists().longest_hint_last && !w.contains(char::is_whitespace));
    head_before
        || lists().may_end_hint(last_word)
        || unspaced.into_iter().any(|w| lists().may_end_hint(w))
}

/// Tokens after a bracketed acronym searched for `signal_after`.
const SIGNAL_AFTER_BRACKET: usize = 4;

/// `X (ABC), funded with £3 million`, `X (ABC), which is funded by Japan`:
/// the words right after the bracket say the name is funded or runs.
fn signal_after_bracket(toks: &[Tok], close: usize) -> bool {
    let after = toks.get(close + 1..).unwrap_or_default();
    if after.first().is_none_or(|t| t.text != ",") {
        return false;
    }
    after
        .iter()
        .skip(1)
        .take(SIGNAL_AFTER_BRACKET)
        .take_while(|t| t.is_word() && !t.is_cap())
        .any(|t| lists().signal_after.contains(t.lower().as_ref()))
}

/// Longest name, in tokens, that [`initials_mention`] reads before a bracket.
const INITIALS_REACH: usize = 10;

/// `Programme élargi de vaccination (PEV)`, `Fondo de Cooperación para Agua
/// y Saneamiento (FCAS)`: a capitalised head noun opening words (lower-case
/// ones too) whose initials (short joining words aside) spell the
/// bracketed acronym.
pub(super) fn initials_mention(s: &str, toks: &[Tok], open: usize) -> Option<Mention> {
    let (close, acronym) = bracket_acronym(s, toks, open)?;
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .filter_map(fold_initial)
        .collect();
    if letters.len() < 2 {
        return None;
    }
    let lowest = open.saturating_sub(INITIALS_REACH);
    let mut k = open;
    let first = loop {
        k = k.checked_sub(1).filter(|&k| k >= lowest)?;
        let t = toks.get(k)?;
        if !t.is_word() || (t.sentence_end && k + 1 < open) || t.possessive {
            return None;
        }
        if t.is_cap() && t.is_head() && !t.is_weak_head() {
            break k;
        }
    };
    if toks.get(first + 1..open)?.first()?.is_cap() {
        return None; // `Programme X ...`: the other ways read it
    }
    let run = toks.get(first..open)?;
    let joining = |t: &Tok| {
        let lower = t.lower();
        lower.chars().count() <= 4 && (t.is_connector() || JOINING.contains(&lower.as_ref()))
    };
    let initials: Vec<char> = run
        .iter()
        .filter(|t| !joining(t))
        .filter_map(|t| t.text.chars().next().and_then(fold_initial))
        .collect();
    if initials != letters {
        return None;
    }
    let mut m = mention(s, toks, first, open - 1)?;
    m.end = toks.get(close)?.end;
    m.acronym = Some(acronym);
    (!is_excluded(&m.name)).then_some(m)
}

/// Short words that join the words of a name in other languages.
const JOINING: &[&str] = &[
    "de", "del", "des", "du", "la", "le", "les", "el", "y", "e", "et", "para", "pour", "da", "do",
    "dos", "das", "of", "and", "for", "on", "the", "to", "in",
];

/// Longest Romance-language name [`romance_mention`] reads, in tokens.
const ROMANCE_REACH: usize = 14;

/// Joining words of Spanish, French and Portuguese names (`Programa
/// Nacional Integral de Sustitución de Cultivos`).
const ROMANCE_JOINING: &[&str] = &[
    "de", "del", "des", "du", "la", "le", "les", "el", "los", "las", "y", "e", "et", "para",
    "pour", "da", "do", "dos", "das", "à", "au", "aux", "en",
];

/// Way 6, for names too long for their initials to spell the acronym: a
/// capitalised head noun opening a Spanish, French or Portuguese name that
/// runs, without punctuation, to a bracketed acronym (`the Programa Nacional
/// Integral de Sustitución de Cultivos de Uso Ilícito (PNIS)`, `Programa
/// Integral Amazónico de ... (PROAmazonía)`). The name holds a Romance
/// joining word and no English one; the acronym opens with the head's
/// initial and its capitals appear in the name in order.
pub(super) fn romance_mention(s: &str, toks: &[Tok], open: usize) -> Option<Mention> {
    let (close, acronym) =
        bracket_acronym(s, toks, open).or_else(|| blended_acronym(toks, open))?;
    let lowest = open.saturating_sub(ROMANCE_REACH);
    let mut k = open;
    let first = loop {
        k = k.checked_sub(1).filter(|&k| k >= lowest)?;
        let t = toks.get(k)?;
        if !t.is_word() || (t.sentence_end && k + 1 < open) || t.possessive {
            return None;
        }
        if t.is_cap() && t.is_head() && !t.is_weak_head() {
            break k;
        }
    };
    // The head opens the name: no capitalised word right before it.
    if first
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| p.is_cap() && !p.sentence_end)
    {
        return None;
    }
    let run = toks.get(first..open)?;
    let lower: Vec<String> = run.iter().map(|t| t.lower().into_owned()).collect();
    let romance = lower.iter().any(|w| {
        ROMANCE_JOINING.contains(&w.as_str())
            || w.starts_with("d'")
            || w.starts_with("d’")
            || w.starts_with("l'")
            || w.starts_with("l’")
    });
    let english = lower
        .iter()
        .any(|w| matches!(w.as_str(), "of" | "for" | "and" | "the" | "on" | "to"));
    if !romance || english || run.len() < 3 {
        return None;
    }
    let capitals: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_uppercase())
        .filter_map(fold_initial)
        .collect();
    let head_initial = run.first()?.text.chars().next().and_then(fold_initial);
    if capitals.len() < 2 || capitals.first().copied() != head_initial {
        return None;
    }
    let mut letters = run
        .iter()
        .flat_map(|t| t.text.chars())
        .filter_map(fold_initial);
    if !capitals.iter().all(|c| letters.any(|l| l == *c)) {
        return None;
    }
    let mut m = mention(s, toks, first, open - 1)?;
    m.end = toks.get(close)?.end;
    m.acronym = Some(acronym);
    (!is_excluded(&m.name)).then_some(m)
}

/// `the Food Systems, Land Use and Restoration (FOLUR)`: a run that an
/// `and` closes takes in the capitalised items listed before it with commas.
/// Returns the new start of the run (`run_start` when nothing joins).
fn list_start(toks: &[Tok], mut run_start: usize, open: usize) -> usize {
    let closed = toks
        .get(run_start..open)
        .is_some_and(|run| run.iter().any(|t| matches!(t.text, "and" | "&")));
    while closed && run_start >= 2 {
        let comma = toks.get(run_start - 1).is_some_and(|t| t.text == ",");
        let item = toks
            .get(run_start - 2)
            .is_some_and(|t| t.is_cap() && !t.is_acronym() && !t.possessive && !t.sentence_end);
        if !comma || !item {
            break;
        }
        run_start = cap_run_start(toks, run_start - 1, false);
    }
    run_start
}

/// `(PROAmazonía)`: a bracket holding one word that opens with three
/// capitals, an acronym blended with a word.
fn blended_acronym(toks: &[Tok], open: usize) -> Option<(usize, String)> {
    let (word, close) = (toks.get(open + 1)?, toks.get(open + 2)?);
    let blended = toks.get(open)?.kind == Kind::Open
        && close.kind == Kind::Close
        && word.is_word()
        && word.text.chars().take(3).all(char::is_uppercase)
        && word.text.chars().count() > 3;
    blended.then(|| (open + 2, word.text.to_string()))
}

/// The lower-case letter a word's first character stands for, accents
/// dropped (`é` → `e`).
fn fold_initial(c: char) -> Option<char> {
    let c = c.to_lowercase().next()?;
    let folded = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c if c.is_alphabetic() => c,
        _ => return None,
    };
    Some(folded)
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
            // As `lower() == "the"` (no other character lowercases to
            // these letters), and asked first: most words follow none, and
            // lowercasing a capitalised word allocates.
            let after_the = k
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.text.eq_ignore_ascii_case("the"));
            (k == run_start || after_the)
                && toks.get(k).is_some_and(|t| {
                    t.is_cap() && !lists().function_words.contains(t.lower().as_ref())
                })
        })
        .collect();
    let fallback = skip_leading(toks, run_start, end, 1);
    // `the Sahel and the Southern Africa Maritime Security (SAMS)`: the start
    // whose capitalised words' initials spell the acronym wins.
    let letters: String = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let spelled = |k: usize| {
        let initials: String = toks
            .get(k..end)
            .unwrap_or_default()
            .iter()
            .filter(|t| t.is_cap())
            .filter_map(|t| t.text.chars().find(|c| c.is_alphabetic()))
            .flat_map(char::to_lowercase)
            .collect();
        initials == letters
    };
    if let Some(k) = starts.iter().copied().find(|&k| spelled(k)) {
        return Some(k);
    }
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
        .is_some_and(|t| matches!(t.lower().as_ref(), "is" | "was" | "remains"));
    if !is_verb {
        return false;
    }
    for t in after.iter().skip(1).take(PREDICATE_REACH) {
        if t.is_head() {
            return true;
        }
        let stops = matches!(
            t.lower().as_ref(),
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
            .is_some_and(|t| matches!(t.lower().as_ref(), "a" | "an" | "the"));
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
pub(super) fn quoted_mention(
    s: &str,
    toks: &[Tok],
    open: usize,
    quotes_before: usize,
) -> Option<Mention> {
    toks.get(open).filter(|t| t.kind == Kind::Quote)?;
    let close = (open + 1..toks.len().min(open + MAX_QUOTED_TOKENS))
        .find(|&k| toks.get(k).is_some_and(|t| t.kind == Kind::Quote))?;
    let inner = toks.get(open + 1..close).filter(|r| !r.is_empty())?;
    let before = open.checked_sub(1).and_then(|p| toks.get(p));
    let labelled = before.is_some_and(|t| {
        matches!(
            t.lower().as_ref(),
            "entitled" | "called" | "named" | "titled"
        )
    });
    let head_before = if labelled {
        open.checked_sub(2).and_then(|p| toks.get(p))
    } else {
        before
    };
    // Only spaces between the head and the quote: `... Programme. "Vaccines
    // work," Gavi said` is speech after a sentence that ends on a head.
    let spaces = |from: usize, to: usize| s.get(from..to).is_some_and(|g| g.trim().is_empty());
    let open_tok = toks.get(open)?;
    let close_tok = toks.get(close)?;
    let head_left =
        head_before.is_some_and(|h| h.is_head() && (labelled || spaces(h.end, open_tok.start)));
    let head_right = toks
        .get(close + 1)
        .is_some_and(|h| h.is_head() && spaces(close_tok.end, h.start));
    // A quotation that ends with a comma or a full stop inside the marks is
    // speech, not a name.
    let spoken = s
        .get(inner.last()?.end..close_tok.start)
        .is_some_and(|g| g.contains([',', '.', '!', '?']));
    let next_to_head = (head_left || head_right) && !spoken;
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
        needs_period: false,
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
    let name = squash(&name);
    (name, acronym.map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{rows, run, Row};
    use super::super::words::words;
    use super::*;
    use crate::extract::tokens::tokenize;

    /// `name_may_signal` turns a bracket away only when no start of the name
    /// has a lower-case head before it or makes the name a hint.
    #[test]
    fn the_name_signal_gate_passes_every_signalled_name() {
        let texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "the project Accelerating Action for Migrants (ACCEL Africa) and GLO.ACT (GLO.ACT)",
            "the “Global SMART (SMART), the Blue Heart Campaign (BHC) and UN.GIFT (GIFT)",
            "It joined–Paris Pact (PPI) and the paris pact (PPI) (GLO.ACT) (X)",
        ]);
        let hint_words: Vec<String> = lists().hints.iter().map(|h| h.join(" ")).collect();
        let mut texts = texts;
        texts.extend(
            hint_words
                .iter()
                .map(|h| format!("the {h} (ABC) and the programme {h} (ABC)")),
        );
        let (mut signalled, mut opens, mut turned_away) = (0, 0, 0);
        for t in &texts {
            let toks = words(t, &tokenize(t));
            for open in 1..toks.len() {
                if toks[open].kind != Kind::Open {
                    continue;
                }
                opens += 1;
                let run_start = list_start(toks.as_slice(), cap_run_start(&toks, open, true), open);
                let gate = name_may_signal(t, &toks, run_start, open);
                turned_away += usize::from(!gate);
                for first in run_start..open {
                    let head_before = first
                        .checked_sub(1)
                        .and_then(|p| toks.get(p))
                        .is_some_and(|t| t.is_head() && !t.is_cap() && !t.is_weak_head());
                    let hint = mention(t, &toks, first, open - 1).is_some_and(|m| is_hint(&m.name));
                    if head_before || hint {
                        signalled += 1;
                        assert!(gate, "{t:?} at {open}, name from {first}");
                    }
                }
            }
        }
        assert!(signalled > 10, "{signalled}");
        assert!(turned_away * 2 > opens, "{turned_away} of {opens}");
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str], &[Row])] = &[
            ("bracket then head, the initials choose the start", &["It paid for the Fund for Stability in the Sahel and the Southern Africa Maritime Security (SAMS) Initiative."],
                &[("Fund for Stability in the Sahel", None, None, None), ("Southern Africa Maritime Security Initiative", Some("SAMS"), None, None)]),
            ("bracket then head noun, law in the complement", &["It is part of the Training Against Hate Crimes for Law Enforcement (TAHCLE) programme, run since 2012."],
                &[("Training Against Hate Crimes for Law Enforcement", Some("TAHCLE"), None, None)]),
            ("appositive head noun", &["Both joined the Global Health Security Agenda (GHSA), an initiative supported by WHO."],
                &[("Global Health Security Agenda", Some("GHSA"), None, None)]),
            ("treaty head stays out", &["States parties to the Convention against Corruption (UNCAC), a treaty, met."], &[]),
            ("quoted project name", &["Under the EU-funded project \"Strengthening Border Management (SBM) in Libya\", officers were trained."],
                &[("Strengthening Border Management in Libya", Some("SBM"), None, None)]),
            ("curly quoted name", &["The campaign “Not for Sale” ran online."], &[("Not for Sale", None, None, None)]),
            ("treaty with acronym", &["The United Nations Convention against Corruption (UNCAC) is a legally binding initiative instrument."], &[]),
            ("sdgs are not programmes", &["It supports the Sustainable Development Goals (SDGs) of the 2030 Agenda."], &[]),
            ("acronym initiative by sentence", &["The EU Action against Drugs and Organised Crime (EU-ACT) is a regional initiative."],
                &[("EU Action against Drugs and Organised Crime", Some("EU-ACT"), None, None)]),
            ("head after the bracket", &["Partners met under the Lake Victoria Fisheries Safety (LVFS) Initiative."],
                &[("Lake Victoria Fisheries Safety Initiative", Some("LVFS"), None, None)]),
            ("head with words after the bracket", &["Partners met under the Lake Victoria Fisheries Safety (LVFS) Initiative for Fair Markets."],
                &[("Lake Victoria Fisheries Safety Initiative for Fair Markets", Some("LVFS"), None, None)]),
            ("police word before head after bracket, country after to", &["They extended the East Coast Police Records System (ECPRS) Programme to The Gambia and Ghana."],
                &[("East Coast Police Records System Programme", Some("ECPRS"), None, None)]),
            ("acronym name funded", &["Data came from the Lake Basin Nutrition Study (LBNS), funded with £2 million by donors."],
                &[("Lake Basin Nutrition Study", Some("LBNS"), None, None)]),
            ("acronym name without signal", &["Data came from the Lake Basin Nutrition Study (LBNS) last year."], &[]),
            ("initials with lower-case words", &["Children are vaccinated through the Programme national de santé (PNS), with doses from UNICEF."],
                &[("Programme national de santé", Some("PNS"), None, None)]),
            ("initials of a foreign fund", &["Money comes from the Fondo de Agua para Ciudades (FAC), created in 2008."],
                &[("Fondo de Agua para Ciudades", Some("FAC"), Some("2008"), None)]),
            ("initials not matching", &["Children are vaccinated through the Programme national de santé (XYZ) today."], &[]),
            ("romance name longer than its initials", &["It tracks the Programa Nacional Integral de Sustitución de Cultivos de Uso Ilícito (PNIS), under which families are paid."],
                &[("Programa Nacional Integral de Sustitución de Cultivos de Uso Ilícito", Some("PNIS"), None, None)]),
            ("romance name with a blended acronym", &["It continues the Programa Integral Amazónico de Conservación de Bosques (PROAmazonía), which ended."],
                &[("Programa Integral Amazónico de Conservación de Bosques", Some("PROAmazonía"), None, None)]),
            ("romance name with an english apposition", &["It renewed its support for the Programa Andino de Adaptación al Cambio Climático (PACCA), the Andean Climate Change Adaptation Programme, with CHF 9 million."],
                &[("Programa Andino de Adaptación al Cambio Climático", Some("PACCA"), None, None)]),
            ("comma list before the bracket", &["It is part of the Food Systems, Land Use and Restoration (FOLUR) Impact Program, and more."],
                &[("Food Systems, Land Use and Restoration Impact Program", Some("FOLUR"), None, None)]),
            ("words then a lower-case head after the bracket", &["It ran under EMSA's Remotely Piloted Aircraft Systems (RPAS) Services programme, which lends drones."],
                &[("Remotely Piloted Aircraft Systems Services programme", Some("RPAS"), None, None)]),
            ("romance name, acronym of another initial", &["It follows the Programa Nacional de Salud Rural (UNDP) today."], &[]),
            ("owner before bracketed name", &["UNODC and the Global Action to Prevent and Address Trafficking in Persons (GLO.ACT) met."],
                &[("Global Action to Prevent and Address Trafficking in Persons", Some("GLO.ACT"), None, None)]),
        ];
        for (name, body, expected) in cases {
            assert_eq!(run(body), rows(expected), "case {name}");
        }
    }
}
