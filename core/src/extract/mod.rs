//! Extractors: each reads the release text and returns one field of the record.
//! Reference data lives in `core/data/` as data files, not in code.

pub mod contacts;
pub mod countries;
pub mod events;
pub mod money;
pub mod organisations;
pub mod people;
pub mod programmes;
pub mod quotes;
pub(crate) mod tokens;
pub mod topics;
pub(crate) mod word_regex;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{dfa::DFA, Anchored};

use crate::date::PartialDate;
use crate::model::Dateline;
use tokens::{tokenize, Token};

/// The text of one release as the extractors see it.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub title: &'a str,
    /// Paragraphs, dateline prefix removed from the first.
    pub body: &'a [String],
    /// The closing contact block.
    pub footer: &'a [String],
    pub dateline: Option<&'a Dateline>,
    /// The publication date: never an event; gives the year to dates without one.
    pub date: Option<PartialDate>,
}

/// The tokens of each body paragraph: what people, quotes and programmes
/// read, tokenized once for the three (`extract_from` of each).
pub(crate) fn body_tokens<'a>(text: &Text<'a>) -> Vec<Vec<Token<'a>>> {
    text.body.iter().map(|p| tokenize(p)).collect()
}

/// The keys of an Aho-Corasick DFA (built without a prefilter) in `bytes`,
/// in the order and overlapping as `find_overlapping_iter` finds them:
/// `found(start, end, key)` for each, until it returns true (then so does
/// this). The DFA's states are walked by hand: the crate's searches kept
/// their loop's values on the stack, about 18 instructions a byte against
/// 10, and cost a call per match.
pub(crate) fn overlapping_keys(
    dfa: &DFA,
    bytes: &[u8],
    mut found: impl FnMut(usize, usize, usize) -> bool,
) -> bool {
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return false;
    };
    let mut at = 0;
    while let Some((end, special)) = next_special(dfa, bytes, at, sid) {
        (at, sid) = (end, special);
        if dfa.is_dead(sid) {
            break;
        }
        if !dfa.is_match(sid) {
            continue;
        }
        for k in 0..dfa.match_len(sid) {
            let key = dfa.match_pattern(sid, k);
            if found(end - dfa.pattern_len(key), end, key.as_usize()) {
                return true;
            }
        }
    }
    false
}

/// From state `sid` before byte `at`, the first special state (a match,
/// most) the bytes lead to and the end of the byte that leads there; `None`
/// at the end. Out of line, the loop alone: inlined, its values were kept
/// on the stack.
#[inline(never)]
fn next_special(
    dfa: &DFA,
    bytes: &[u8],
    mut at: usize,
    mut sid: StateID,
) -> Option<(usize, StateID)> {
    while let Some(&b) = bytes.get(at) {
        sid = dfa.next_state(Anchored::No, sid, b);
        at += 1;
        if dfa.is_special(sid) {
            return Some((at, sid));
        }
    }
    None
}

/// Helpers shared by the extractors' unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    /// The seed release as the pipeline hands it over: title, body with the
    /// dateline removed, and the contact block as footer.
    pub fn seed_text_parts() -> (String, Vec<String>, Vec<String>) {
        let raw = include_str!("../../../releases/000_34e2bc8e785f3bd9.txt");
        let paragraphs: Vec<String> = raw
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        let title = paragraphs.first().cloned().unwrap_or_default();
        let footer_at = paragraphs
            .iter()
            .position(|p| p.starts_with("For more information"))
            .unwrap_or(paragraphs.len());
        let mut body: Vec<String> = paragraphs[1..footer_at].to_vec();
        if let Some((_, rest)) = body[0].clone().split_once("2019 - ") {
            body[0] = rest.to_string();
        }
        (title, body, paragraphs[footer_at..].to_vec())
    }
}
