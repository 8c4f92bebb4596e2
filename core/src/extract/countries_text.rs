//! Word tokens and a longest-match phrase table, shared by the countries and
//! organisations extractors.
//!
//! Matching works on words, never on substrings, so `Niger` cannot match inside
//! `Nigeria` and `Dominica` not inside `Dominican`. Keys are folded (lowercase,
//! no diacritics), dotted abbreviations are joined (`U.S.` and `US` are one
//! word), and each phrase word keeps a case rule taken from how the data file
//! writes it, so `US` never matches `us` and `Iran` never matches `iran`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::text::fold_case_and_marks;

const CONTEXT: &str = include_str!("../../data/countries_context.tsv");

/// Characters in the gap between two words that end a sentence or clause: a
/// phrase never runs across them.
const HARD: &[char] = &['.', ';', ':', '!', '?', '…', '\n', '\r'];

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// As written; a dotted abbreviation without its dots (`U.S.` → `US`).
    pub surface: String,
    /// Folded for lookup: lowercase, diacritics removed.
    pub key: String,
    /// Byte range in the source text.
    pub start: usize,
    pub end: usize,
}

/// The words of one piece of text (a title, a paragraph), with the source kept
/// so the gaps between words can be inspected.
#[derive(Debug)]
pub struct Tokens<'a> {
    pub src: &'a str,
    pub list: Vec<Token>,
    /// `in_caps_context`, worked out on first use: it reads every word, so
    /// asking it again for each match made all-caps-word texts quadratic.
    caps_context: std::cell::OnceCell<bool>,
}

impl<'a> Tokens<'a> {
    /// Splits `src` into words. E-mail addresses, URLs, @handles and #hashtags
    /// are blanked first: a name seen only inside them is not a mention.
    pub fn new(src: &'a str) -> Self {
        let masked = mask_addresses(src);
        let list = join_dotted(&masked, raw_words(&masked));
        Tokens {
            src,
            list,
            caps_context: std::cell::OnceCell::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&Token> {
        self.list.get(i)
    }

    /// The text between word `i - 1` and word `i` (from the start for `i == 0`).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let from = if i == 0 {
            0
        } else {
            self.list.get(i - 1).map_or(0, |t| t.end)
        };
        let to = self.list.get(i).map_or(self.src.len(), |t| t.start);
        self.src.get(from..to).unwrap_or("")
    }

    /// The text after word `i` up to the next word (or the end).
    pub fn gap_after(&self, i: usize) -> &'a str {
        self.gap_before(i + 1)
    }

    /// True when words `i` and `i + 1` are separated by spaces only (same line).
    pub fn adjacent(&self, i: usize) -> bool {
        let gap = self.gap_after(i);
        i + 1 < self.len()
            && !gap.is_empty()
            && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
    }

    /// True when a sentence or clause ends between word `i` and word `i + 1`.
    pub fn hard_break_after(&self, i: usize) -> bool {
        let gap = self.gap_after(i);
        if !gap.contains(HARD) {
            return false;
        }
        // "St. Lucia", "Mr. Jordan": the full stop belongs to the abbreviation.
        let abbreviation = self
            .get(i)
            .is_some_and(|t| abbreviations().contains(t.surface.as_str()));
        !(abbreviation
            && gap.trim_start_matches('.').chars().all(char::is_whitespace)
            && gap.starts_with('.'))
    }

    /// The joined keys of words `i..i + len`, or None past the end or across a break.
    fn key(&self, i: usize, len: usize) -> Option<String> {
        let words = self.list.get(i..i + len)?;
        if (i..i + len - 1).any(|j| self.hard_break_after(j)) {
            return None;
        }
        Some(
            words
                .iter()
                .map(|t| t.key.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// The whole piece's keys joined with spaces, leading `the` dropped: the
    /// lookup form of a name written on its own.
    pub fn lookup_key(&self) -> String {
        let keys: Vec<&str> = self.list.iter().map(|t| t.key.as_str()).collect();
        let keys = match keys.split_first() {
            Some((&"the", rest)) if !rest.is_empty() => rest,
            _ => &keys[..],
        };
        keys.join(" ")
    }
}

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| context_lines(CONTEXT, "abbrev").collect())
}

/// The phrases of one `kind` in a `kind<TAB>phrase` context file.
pub fn context_lines<'d>(data: &'d str, kind: &'d str) -> impl Iterator<Item = &'d str> + 'd {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(move |(k, _)| k.trim() == kind)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// Replaces whitespace-separated chunks that are addresses with newlines (same
/// byte length, so offsets stay valid; a newline is also a hard break).
fn mask_addresses(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    while !rest.is_empty() {
        let ws = rest.len() - rest.trim_start().len();
        out.push_str(&rest[..ws]);
        rest = &rest[ws..];
        let chunk_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let chunk = &rest[..chunk_len];
        if is_address(chunk) {
            out.push_str(&"\n".repeat(chunk.len()));
        } else {
            out.push_str(chunk);
        }
        rest = &rest[chunk_len..];
    }
    out
}

fn is_address(chunk: &str) -> bool {
    // Every address form below needs one of these characters: most words
    // have none, so skip the lowercasing.
    if !chunk.contains(['@', '#', '.', ':']) {
        return false;
    }
    let lower = chunk.to_lowercase();
    let hashtag = chunk
        .trim_start_matches(['(', '[', '"', '“'])
        .strip_prefix('#')
        .is_some_and(|t| t.starts_with(char::is_alphanumeric));
    let trimmed = lower.trim_end_matches(['.', ',', ')', ';']);
    hashtag
        || chunk.contains('@')
        || lower.contains("://")
        || lower.contains("www.")
        || [".org", ".int", ".com", ".net", ".gov", ".edu"]
            .iter()
            .any(|tld| {
                lower.match_indices(tld).any(|(at, _)| {
                    lower
                        .get(at + tld.len()..)
                        .is_some_and(|r| r.starts_with('/'))
                }) || trimmed.ends_with(tld)
            })
}

/// Runs of letters and digits.
fn raw_words(src: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in src.char_indices().chain(std::iter::once((src.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(word(&src[s..i], s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn word(surface: &str, start: usize, end: usize) -> Token {
    Token {
        surface: surface.to_string(),
        key: fold_case_and_marks(surface),
        start,
        end,
    }
}

/// `U.S.`, `I.R.`, `U.N.O.D.C.`: single letters joined by full stops become
/// one word, the final full stop included.
fn join_dotted(src: &str, words: Vec<Token>) -> Vec<Token> {
    let single =
        |t: &Token| t.surface.chars().count() == 1 && t.surface.chars().all(char::is_alphabetic);
    let mut out: Vec<Token> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j + 1 < words.len()
            && single(&words[j])
            && single(&words[j + 1])
            && src.get(words[j].end..words[j + 1].start) == Some(".")
        {
            j += 1;
        }
        if j == i {
            out.push(words[i].clone());
        } else {
            let surface: String = words[i..=j].iter().map(|t| t.surface.as_str()).collect();
            let mut end = words[j].end;
            if src.get(end..end + 1) == Some(".") {
                end += 1;
            }
            out.push(word(&surface, words[i].start, end));
        }
        i = j + 1;
    }
    out
}

/// How a phrase word must be written in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CaseRule {
    /// Written in lowercase in the data (`of`, `the`, `d'`): any case.
    Any,
    /// Capitalised in the data (`Iran`): the text word starts with a capital.
    Capital,
    /// An abbreviation (`US`, `DRC`, `BiH`): exactly as in the data.
    Exact(String),
}

impl CaseRule {
    fn of(surface: &str) -> Self {
        let upper = surface.chars().filter(|c| c.is_uppercase()).count();
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && (upper == letters || (upper >= 2 && letters <= 4)) {
            CaseRule::Exact(surface.to_string())
        } else if surface.chars().next().is_some_and(char::is_uppercase) {
            CaseRule::Capital
        } else {
            CaseRule::Any
        }
    }

    fn accepts(&self, word: &str) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Capital => word
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
            CaseRule::Exact(s) => s == word,
        }
    }
}

#[derive(Debug)]
struct Phrase<T> {
    rules: Vec<CaseRule>,
    value: T,
}

/// Phrases (as token sequences) mapped to values, matched longest first.
#[derive(Debug)]
pub struct PhraseTable<T> {
    map: HashMap<String, Vec<Phrase<T>>>,
    /// First word's key → the most words of a phrase starting with it: most
    /// words start no phrase, and are rejected with one lookup.
    starts: HashMap<String, usize>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            map: HashMap::new(),
            starts: HashMap::new(),
        }
    }
}

impl<T> PhraseTable<T> {
    /// Adds `written` with case rules taken from how it is written. Earlier
    /// insertions win over later ones with the same words.
    pub fn insert(&mut self, written: &str, value: T) {
        let words = Tokens::new(written).list;
        let rules = words.iter().map(|t| CaseRule::of(&t.surface)).collect();
        self.add(&words, rules, value);
    }

    /// Adds `written` matching in any case.
    pub fn insert_any_case(&mut self, written: &str, value: T) {
        let words = Tokens::new(written).list;
        let rules = vec![CaseRule::Any; words.len()];
        self.add(&words, rules, value);
    }

    fn add(&mut self, words: &[Token], rules: Vec<CaseRule>, value: T) {
        if words.is_empty() {
            return;
        }
        let key = words
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(first) = words.first() {
            let most = self.starts.entry(first.key.clone()).or_insert(0);
            *most = (*most).max(words.len());
        }
        self.map
            .entry(key)
            .or_default()
            .push(Phrase { rules, value });
    }

    /// The longest phrase starting at word `i`: its length in words and value.
    pub fn longest_at(&self, tokens: &Tokens, i: usize) -> Option<(usize, &T)> {
        let first = tokens.get(i)?;
        let longest = *self.starts.get(&first.key)?;
        let most = longest.min(tokens.len().saturating_sub(i));
        (1..=most).rev().find_map(|len| {
            let key = tokens.key(i, len)?;
            let words = tokens.list.get(i..i + len)?;
            self.map.get(&key)?.iter().find_map(|p| {
                let ok = p
                    .rules
                    .iter()
                    .zip(words)
                    .all(|(r, w)| r.accepts(&w.surface));
                ok.then_some((len, &p.value))
            })
        })
    }
}

/// A word with a capital and then lowercase letters (`Michael`, not `UNODC`).
pub fn is_title_case(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// A word in capitals (`IRAN`), at least two letters.
pub fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// True when the piece is written in capitals (an all-caps headline), where
/// `US` may be the pronoun and `WHO` the question word. A list of acronyms
/// ("UNHCR, WHO and IOM") has lowercase words around it and is not.
pub fn in_caps_context(tokens: &Tokens, _i: usize) -> bool {
    *tokens.caps_context.get_or_init(|| caps_context(tokens))
}

fn caps_context(tokens: &Tokens) -> bool {
    if tokens.is_empty() {
        return false;
    }
    let wordy: Vec<&Token> = tokens
        .list
        .iter()
        .filter(|t| t.surface.chars().any(char::is_alphabetic))
        .collect();
    let lower = wordy
        .iter()
        .filter(|t| t.surface.chars().any(char::is_lowercase))
        .count();
    wordy.len() >= 3 && lower * 10 <= wordy.len()
}

/// Most longer words capitalised: a Title Case Headline.
pub fn is_title_cased(tokens: &Tokens) -> bool {
    let long: Vec<&Token> = tokens
        .list
        .iter()
        .filter(|t| t.surface.chars().count() > 3)
        .collect();
    let capital = long.iter().filter(|t| is_title_case(&t.surface)).count();
    long.len() >= 3 && capital * 10 >= long.len() * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(text: &str) -> Vec<String> {
        Tokens::new(text)
            .list
            .into_iter()
            .map(|t| t.surface)
            .collect()
    }

    #[test]
    fn tokenises_words_and_dotted_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            ("Iran's position", &["Iran", "s", "position"]),
            ("Tehran (I.R.Iran), 2", &["Tehran", "IR", "Iran", "2"]),
            ("the U.S. and U.N.O.D.C.", &["the", "US", "and", "UNODC"]),
            ("Guinea-Bissau", &["Guinea", "Bissau"]),
            ("a US official", &["a", "US", "official"]),
            (
                "write to info@unodc.org or see www.unodc.org/iran now",
                &["write", "to", "or", "see", "now"],
            ),
            ("follow @UNODC_Iran and #Afghanistan", &["follow", "and"]),
            ("Côte d’Ivoire", &["Côte", "d", "Ivoire"]),
        ];
        for (text, want) in cases {
            assert_eq!(surfaces(text), *want, "{text}");
        }
    }

    #[test]
    fn hard_breaks_stop_phrases_but_not_abbreviations() {
        let t = Tokens::new("in Niger. Delta flights, St. Lucia");
        assert!(t.hard_break_after(1));
        assert!(!t.hard_break_after(3));
        assert!(!t.hard_break_after(4));
    }

    #[test]
    fn phrase_table_prefers_longest_and_respects_case() {
        let mut table = PhraseTable::default();
        table.insert("Guinea", 1);
        table.insert("Papua New Guinea", 2);
        table.insert("US", 3);
        let t = Tokens::new("Papua New Guinea and Guinea help us and the US");
        assert_eq!(table.longest_at(&t, 0), Some((3, &2)));
        assert_eq!(table.longest_at(&t, 4), Some((1, &1)));
        assert_eq!(table.longest_at(&t, 6), None);
        assert_eq!(table.longest_at(&t, 9), Some((1, &3)));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "", " ", "(", "U.", ".U.S", "é.ü.", "@", "#", "a\u{a0}b", "www.",
        ] {
            let t = Tokens::new(text);
            for i in 0..=t.len() + 1 {
                let _ = (
                    t.gap_before(i),
                    t.gap_after(i),
                    t.adjacent(i),
                    t.hard_break_after(i),
                );
                let _ = in_caps_context(&t, i);
            }
        }
    }
}
