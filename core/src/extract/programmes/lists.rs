//! Reference lists: the word lists of `core/data/programmes.tsv`, read once.

use super::words::with_ascii_lower;
use crate::text::{FilterBit, WordFilter, WordMap, WordSet};
use std::sync::OnceLock;

pub(super) struct Lists {
    pub(super) heads: WordSet<String>,
    pub(super) hints: Vec<Vec<String>>,
    /// A hint's first word, in ASCII lower case → the indices of the hints
    /// it opens, in order: asked of every word, so a word that opens none
    /// is passed over with one lookup.
    pub(super) hints_by_first: WordMap<Vec<u8>, Vec<usize>>,
    /// The keys of `hints_by_first`.
    hint_firsts: WordFilter,
    /// Each hint's last word, in ASCII lower case: a text whose last word
    /// is none of them is no hint.
    hint_lasts: WordSet<Vec<u8>>,
    /// The longest of `hint_lasts`, in bytes: a longer word ends no hint.
    pub(super) longest_hint_last: usize,
    /// `heads` and `weak_heads` (lower case) → whether weak: one lookup
    /// tells both of every word.
    pub(super) head_kinds: WordMap<Vec<u8>, bool>,
    /// The keys of `head_kinds`.
    head_filter: WordFilter,
    excludes: Vec<String>,
    /// The first space-separated part of each of `excludes` → its indices:
    /// a name is compared only with the excludes that open as it does.
    excludes_by_first: WordMap<String, Vec<usize>>,
    pub(super) not_programme: WordSet<String>,
    pub(super) owners: WordSet<String>,
    pub(super) function_words: WordSet<String>,
    pub(super) connectors: WordSet<String>,
    pub(super) in_after: WordSet<String>,
    pub(super) weak_heads: WordSet<String>,
    /// Lower-case names excluded only as a whole (`exact`, and the short
    /// names of known organisations).
    exact: WordSet<String>,
    pub(super) keep_prefix: WordSet<String>,
    /// Region names, lower-case words without a leading `the`.
    pub(super) regions: Vec<Vec<String>>,
    pub(super) signal_before: WordSet<String>,
    pub(super) signal_of: WordSet<String>,
    pub(super) signal_after: WordSet<String>,
    /// Lower-case words that open organisations' names (`united nations`).
    pub(super) org_openers: Vec<String>,
    /// Lower-case head words of organisations' names (`authority`, `forces`).
    pub(super) org_heads: WordSet<String>,
    /// Words right before `Fund` that make it an institution (`Social Security`).
    pub(super) fund_orgs: Vec<String>,
    /// Lower-case words that keep a run after `under` from being a programme
    /// (`under President X`, `under Article 5`).
    pub(super) not_cue: WordSet<String>,
}

impl Lists {
    /// Whether some hint's first word could be a word whatever its ASCII
    /// case, by its `WordFilter::ascii_lowercase_bit` (asked of every word,
    /// before its hints are looked up).
    pub(super) fn may_open_hint(&self, bit: FilterBit) -> bool {
        self.hint_firsts.may_contain_bit(bit)
    }

    /// Whether `word` may be the last word of a text [`is_hint`] accepts
    /// (some hint ends with it, whatever its ASCII case).
    pub(super) fn may_end_hint(&self, word: &str) -> bool {
        with_ascii_lower(word, |lower| self.hint_lasts.contains(lower))
    }

    /// Whether `word` (of `WordFilter::ascii_lowercase_bit` `bit`) may be a
    /// key of `head_kinds` once lowercased. Asked of every word before the
    /// lookup, which most words would fail (a test checks it against the
    /// lookup on all sample texts).
    pub(super) fn may_be_head(&self, word: &str, bit: FilterBit) -> bool {
        // Beyond ASCII, lowercasing may change the bytes and the length.
        !word.is_ascii() || self.head_filter.may_contain_bit(bit)
    }
}

pub(super) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut l = parse_lists(data_file!("programmes.tsv"));
        add_known_organisations(&mut l, data_file!("organisations.tsv"));
        for (i, hint) in l.hints.iter().enumerate() {
            if let Some(first) = hint.first() {
                let key = first.to_ascii_lowercase().into_bytes();
                l.hint_firsts.insert(&key);
                l.hints_by_first.entry(key).or_default().push(i);
            }
            if let Some(last) = hint.last() {
                l.longest_hint_last = l.longest_hint_last.max(last.len());
                l.hint_lasts.insert(last.to_ascii_lowercase().into_bytes());
            }
        }
        for (i, e) in l.excludes.iter().enumerate() {
            let first = e.split(' ').next().unwrap_or_default().to_string();
            l.excludes_by_first.entry(first).or_default().push(i);
        }
        for h in &l.heads {
            l.head_kinds.insert(h.clone().into_bytes(), false);
        }
        for w in &l.weak_heads {
            l.head_kinds.insert(w.clone().into_bytes(), true);
        }
        for key in l.head_kinds.keys() {
            l.head_filter.insert(key);
        }
        l
    })
}

/// Known organisations (`core/data/organisations.tsv`, read only here) whose
/// name or variants hold a programme head noun (`United Nations Development
/// Programme`, `International Fund for Agricultural Development`): their
/// names, variants and acronyms are not programmes. Names of three words or
/// more also exclude longer names they open; shorter ones only themselves.
fn add_known_organisations(l: &mut Lists, tsv: &str) {
    let rows = tsv
        .lines()
        .filter(|r| !r.trim().is_empty() && !r.starts_with('#'));
    for row in rows {
        let mut cols = row.split('\t');
        let acronym = cols.next().unwrap_or_default().trim();
        let name = cols.next().unwrap_or_default().trim();
        let variants = cols.next().unwrap_or_default();
        let names: Vec<&str> = std::iter::once(name)
            .chain(variants.split('|').map(str::trim))
            .filter(|n| !n.is_empty())
            .collect();
        let headed = names.iter().any(|n| {
            n.split_whitespace().any(|w| {
                let w = w.to_lowercase();
                l.heads.contains(&w) || l.weak_heads.contains(&w)
            })
        });
        if !headed {
            continue;
        }
        for n in names {
            let lower = n.to_lowercase();
            if lower.split_whitespace().count() >= 3 {
                l.excludes.push(lower);
            } else {
                l.exact.insert(lower);
            }
        }
        if acronym != "-" && !acronym.is_empty() {
            l.exact.insert(acronym.to_lowercase());
        }
    }
}

fn parse_lists(tsv: &str) -> Lists {
    let mut l = Lists {
        heads: WordSet::default(),
        hints: Vec::new(),
        hints_by_first: WordMap::default(),
        hint_firsts: WordFilter::default(),
        hint_lasts: WordSet::default(),
        longest_hint_last: 0,
        head_kinds: WordMap::default(),
        head_filter: WordFilter::default(),
        excludes: Vec::new(),
        excludes_by_first: WordMap::default(),
        not_programme: WordSet::default(),
        owners: WordSet::default(),
        function_words: WordSet::default(),
        connectors: WordSet::default(),
        in_after: WordSet::default(),
        weak_heads: WordSet::default(),
        exact: WordSet::default(),
        keep_prefix: WordSet::default(),
        regions: Vec::new(),
        signal_before: WordSet::default(),
        signal_of: WordSet::default(),
        signal_after: WordSet::default(),
        org_openers: Vec::new(),
        org_heads: WordSet::default(),
        fund_orgs: Vec::new(),
        not_cue: WordSet::default(),
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
            "org_head" => {
                l.org_heads.insert(lower);
            }
            "fund_org" => l.fund_orgs.push(lower),
            "not_cue" => {
                l.not_cue.insert(lower);
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
            "weak_head" => {
                l.weak_heads.insert(lower);
            }
            "exact" => {
                l.exact.insert(lower);
            }
            "keep_prefix" => {
                l.keep_prefix.insert(value.to_string());
            }
            "region" => {
                let lower = lower.strip_prefix("the ").unwrap_or(&lower);
                l.regions
                    .push(lower.split_whitespace().map(str::to_string).collect());
            }
            "signal_before" => {
                l.signal_before.insert(lower);
            }
            "signal_of" => {
                l.signal_of.insert(lower);
            }
            "org_opener" => l.org_openers.push(lower),
            "signal_after" => {
                l.signal_after.insert(lower);
            }
            _ => {}
        }
    }
    l
}

/// An excluded organisation or goal, alone or (names of several words)
/// opening a longer name (`United Nations Development Programme in Iran`).
pub(super) fn is_excluded(name: &str) -> bool {
    excluded(name, false)
}

/// An excluded organisation or goal written whole, not opening a longer
/// name: `Stop TB Partnership` (but not `Stop TB Partnership Challenge Fund`).
pub(super) fn is_excluded_whole(name: &str) -> bool {
    excluded(name, true)
}

/// `name` is an exclude, or (unless `whole`) opens with one of several words.
fn excluded(name: &str, whole: bool) -> bool {
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    if lists().exact.contains(lower) {
        return true;
    }
    // An exclude equal to the name or opening it, before a space, has the
    // name's first space-separated part as its own.
    let first = lower.split(' ').next().unwrap_or_default();
    let Some(candidates) = lists().excludes_by_first.get(first) else {
        return false;
    };
    candidates.iter().any(|&i| {
        lists().excludes.get(i).is_some_and(|e| {
            let opens = !whole
                && e.contains(' ')
                && lower.starts_with(e.as_str())
                && lower[e.len()..].starts_with(' ');
            lower == e || opens
        })
    })
}

pub(super) fn is_hint(text: &str) -> bool {
    // A hint matching opens with the first word, whatever its ASCII case.
    let Some(first) = text.split_whitespace().next() else {
        return lists().hints.iter().any(|h| hint_matches(h, &[]));
    };
    let key = first.to_ascii_lowercase().into_bytes();
    // The words are collected only when some hint opens with the first
    // (most texts asked open none).
    lists().hints_by_first.get(&key).is_some_and(|hs| {
        let words: Vec<&str> = text.split_whitespace().collect();
        hs.iter().any(|&h| {
            lists()
                .hints
                .get(h)
                .is_some_and(|h| hint_matches(h, &words))
        })
    })
}

/// One-word hints (acronyms) keep their case; longer ones ignore it.
pub(super) fn hint_matches(hint: &[String], words: &[&str]) -> bool {
    hint.len() == words.len()
        && hint.iter().zip(words).all(|(h, w)| {
            if hint.len() == 1 {
                h == w
            } else {
                h.eq_ignore_ascii_case(w)
            }
        })
}
