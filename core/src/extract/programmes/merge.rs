//! Merging: one entry per programme and period.

use foldhash::HashMap;

use super::mentions::Mention;
use crate::model::Programme;

/// The entries so far, with an index of what `same_programme` compares, so
/// a mention is compared with the few entries that may be the same
/// programme, not with every entry.
#[derive(Default)]
pub(super) struct Merged {
    pub(super) entries: Vec<Programme>,
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
    use std::hash::{BuildHasher, Hash, Hasher};
    // Fixed keys, and fast: a collision only adds a candidate that is checked.
    let mut hasher = foldhash::fast::FixedState::default().build_hasher();
    name.split_whitespace()
        .enumerate()
        .map(|(k, w)| {
            w.to_lowercase().hash(&mut hasher);
            (hasher.clone().finish(), k + 1)
        })
        .collect()
}

impl Merged {
    pub(super) fn merge(&mut self, m: Mention) {
        let same = self.same(&m);
        let entries = &self.entries;
        let period = (m.start_year, m.end_year);
        let target = if period.0.is_none() {
            same.first().copied()
        } else {
            let same_period = same
                .iter()
                .copied()
                .find(|&i| entries.get(i).is_some_and(|e| (e.start, e.end) == period));
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

#[cfg(test)]
mod tests {
    use super::super::tests::{rows, run, Row};

    #[test]
    fn table() {
        let cases: &[(&str, &[&str], &[Row])] = &[
            ("same programme twice merges", &["The Global Programme on Cybercrime (GPC) works. The GPC helps. The Global Programme on Cybercrime trains."],
                &[("Global Programme on Cybercrime", Some("GPC"), None, None)]),
        ];
        for (name, body, expected) in cases {
            assert_eq!(run(body), rows(expected), "case {name}");
        }
    }
}
