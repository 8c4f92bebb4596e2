//! Reference lists: the word lists of `core/data/programmes.tsv`, read once.

use std::collections::HashSet;
use std::sync::OnceLock;

pub(super) struct Lists {
    pub(super) heads: HashSet<String>,
    pub(super) hints: Vec<Vec<String>>,
    excludes: Vec<String>,
    pub(super) not_programme: HashSet<String>,
    pub(super) owners: HashSet<String>,
    pub(super) function_words: HashSet<String>,
    pub(super) connectors: HashSet<String>,
    pub(super) in_after: HashSet<String>,
}

pub(super) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| parse_lists(include_str!("../../../data/programmes.tsv")))
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
pub(super) fn is_excluded(name: &str) -> bool {
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lists().excludes.iter().any(|e| {
        let opens =
            e.contains(' ') && lower.starts_with(e.as_str()) && lower[e.len()..].starts_with(' ');
        lower == e || opens
    })
}

pub(super) fn is_hint(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    lists().hints.iter().any(|h| hint_matches(h, &words))
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
