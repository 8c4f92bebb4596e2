//! A longest-match phrase table over [`Words`], with a case rule per phrase
//! word taken from how the data file writes it.

use super::words::{Word, Words};
use crate::text::{WordFilter, WordMap, WordSet};

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
    map: WordMap<String, Vec<Phrase<T>>>,
    /// First word's key → the phrases starting with it.
    starts: WordMap<String, Start>,
    /// The keys of `starts`: most words start no phrase (nine in ten, on
    /// generated releases), and are turned away before the lookup.
    openers: WordFilter,
    /// The keys of the words after the first: most words after one that
    /// starts a phrase (`the`, `of`) go on none, and are turned away before
    /// the keys are joined and looked up.
    followers: WordFilter,
    /// The keys of the first two or more words of each phrase: a run of
    /// words is read on only while its keys begin some phrase.
    prefixes: WordSet<String>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            map: WordMap::default(),
            starts: WordMap::default(),
            openers: WordFilter::default(),
            followers: WordFilter::default(),
            prefixes: WordSet::default(),
        }
    }
}

impl<T> PhraseTable<T> {
    /// Adds `written` with case rules taken from how it is written. Earlier
    /// insertions win over later ones with the same words.
    pub fn insert(&mut self, written: &str, value: T) {
        let words = Words::new(written).list;
        let rules = words.iter().map(|t| CaseRule::of(&t.surface)).collect();
        self.add(&words, rules, value);
    }

    /// Adds `written` matching in any case.
    pub fn insert_any_case(&mut self, written: &str, value: T) {
        let words = Words::new(written).list;
        let rules = vec![CaseRule::Any; words.len()];
        self.add(&words, rules, value);
    }

    fn add(&mut self, words: &[Word], rules: Vec<CaseRule>, value: T) {
        if words.is_empty() {
            return;
        }
        let key = words
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(first) = words.first() {
            self.openers.insert(first.key.as_bytes());
            let start = self
                .starts
                .entry(first.key.as_str().to_string())
                .or_default();
            start.most = start.most.max(words.len());
            start.alone |= words.len() == 1;
        }
        for w in words.iter().skip(1) {
            self.followers.insert(w.key.as_bytes());
        }
        let mut prefix = String::new();
        for (n, w) in words.iter().enumerate() {
            if n > 0 {
                prefix.push(' ');
            }
            prefix.push_str(&w.key);
            if n > 0 {
                self.prefixes.insert(prefix.clone());
            }
        }
        self.map
            .entry(key)
            .or_default()
            .push(Phrase { rules, value });
    }

    /// The longest phrase starting at word `i`: its length in words and value.
    pub fn longest_at(&self, tokens: &Words, i: usize) -> Option<(usize, &T)> {
        let first = tokens
            .get(i)
            .filter(|t| self.openers.may_contain_bit(t.key_bit))?;
        let start = self.starts.get(first.key.as_str())?;
        let most = start.most.min(tokens.len().saturating_sub(i));
        let follows = |j: usize| {
            tokens
                .get(j)
                .is_some_and(|t| self.followers.may_contain_bit(t.key_bit))
        };
        let found = |len: usize, key: &str| {
            let words = tokens.list.get(i..i + len)?;
            self.map.get(key)?.iter().find_map(|p| {
                let ok = p
                    .rules
                    .iter()
                    .zip(words)
                    .all(|(r, w)| r.accepts(&w.surface));
                ok.then_some((len, &p.value))
            })
        };
        if most <= 1 || !follows(i + 1) {
            return if start.alone {
                found(1, &first.key)
            } else {
                None
            };
        }
        // The keys of words `i..` joined with spaces, built in a buffer kept
        // for the next call, while they begin some phrase; the key of `len`
        // words is the part before `ends[len - 1]`.
        KEY.with_borrow_mut(|(key, ends)| {
            key.clear();
            ends.clear();
            key.push_str(&first.key);
            ends.push(key.len());
            for j in i + 1..i + most {
                // A phrase never runs across a hard break.
                if !follows(j) || tokens.hard_break_after(j - 1) {
                    break;
                }
                key.push(' ');
                key.push_str(&tokens.get(j)?.key);
                if !self.prefixes.contains(key.as_str()) {
                    break;
                }
                ends.push(key.len());
            }
            (1..=ends.len())
                .rev()
                .find_map(|len| found(len, key.get(..*ends.get(len - 1)?)?))
        })
    }
}

/// The phrases starting with one word.
#[derive(Debug, Default)]
struct Start {
    /// The most words of one.
    most: usize,
    /// One is the word alone.
    alone: bool,
}

thread_local! {
    /// [`PhraseTable::longest_at`]'s key buffer and word ends (a string and
    /// a vector allocated per word before).
    static KEY: std::cell::RefCell<(String, Vec<usize>)> = const {
        std::cell::RefCell::new((String::new(), Vec::new()))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_table_prefers_longest_and_respects_case() {
        let mut table = PhraseTable::default();
        table.insert("Guinea", 1);
        table.insert("Papua New Guinea", 2);
        table.insert("US", 3);
        let t = Words::new("Papua New Guinea and Guinea help us and the US");
        assert_eq!(table.longest_at(&t, 0), Some((3, &2)));
        assert_eq!(table.longest_at(&t, 4), Some((1, &1)));
        assert_eq!(table.longest_at(&t, 6), None);
        assert_eq!(table.longest_at(&t, 9), Some((1, &3)));
    }
}
