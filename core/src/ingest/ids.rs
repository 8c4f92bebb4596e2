//! Stable, unique slugs: date plus title words; collisions get a suffix.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::model::Release;

/// Most title words a slug takes.
const MAX_WORDS: usize = 8;
/// Most characters the title part of a slug takes (whole words only, but at
/// least one word, cut if it alone is longer).
const MAX_TITLE_CHARS: usize = 60;

/// A release whose natural id was taken by an earlier one and got a suffix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The id both releases wanted.
    pub id: String,
    /// Source of the release that kept `id`.
    pub first: String,
    /// Source of the release that was renamed.
    pub second: String,
    /// The id the second release got (`id-2`, `id-3`, ...).
    pub renamed: String,
}

/// Assigns `id` to every release that has none, unique across the slice.
/// Returns the collisions, so that callers can report them (never a silent overwrite).
pub fn assign_ids(releases: &mut [Release]) -> Vec<Duplicate> {
    let mut owner: HashMap<String, String> = HashMap::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut duplicates = Vec::new();
    for r in releases.iter_mut() {
        if r.id.is_empty() {
            r.id = slug(r.date.as_deref(), &r.title);
        }
        if taken.insert(r.id.clone()) {
            owner.insert(r.id.clone(), r.source.clone());
            continue;
        }
        let base = r.id.clone();
        let renamed = (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_default();
        taken.insert(renamed.clone());
        owner.insert(renamed.clone(), r.source.clone());
        duplicates.push(Duplicate {
            first: owner.get(&base).cloned().unwrap_or_default(),
            second: r.source.clone(),
            id: base,
            renamed: renamed.clone(),
        });
        r.id = renamed;
    }
    duplicates
}

/// `2019-04-17-islamic-republic-of-iran-and-unodc-to-increase`: the date (or
/// `undated`), then up to eight title words, lower-case ASCII.
pub fn slug(date: Option<&str>, title: &str) -> String {
    let mut s = date
        .filter(|d| !d.is_empty())
        .unwrap_or("undated")
        .to_string();
    let words = slug_words(title);
    if words.is_empty() {
        s.push_str("-untitled");
        return s;
    }
    let mut title_len = 0;
    for (i, w) in words.iter().take(MAX_WORDS).enumerate() {
        let add = w.len() + usize::from(i > 0);
        if i > 0 && title_len + add > MAX_TITLE_CHARS {
            break;
        }
        s.push('-');
        // Slug words are ASCII, so any byte index is a char boundary.
        s.push_str(w.get(..MAX_TITLE_CHARS).unwrap_or(w));
        title_len += add;
    }
    s
}

/// Title words folded to lower-case ASCII; apostrophes join (`Iran's` → `irans`).
fn slug_words(title: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in title.chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        let folded = fold_char(c);
        match folded {
            Some(f) if !f.is_empty() => word.push_str(f),
            Some(_) => {} // a letter with no ASCII form: dropped, the word goes on
            None => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A character folded to lower-case ASCII: `Some("e")` for `É`, `Some("")` for
/// letters without an ASCII form, `None` for separators.
fn fold_char(c: char) -> Option<&'static str> {
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower.is_ascii_alphanumeric() {
        let i = ASCII.find(lower)?;
        return ASCII.get(i..i + 1);
    }
    if let Some(f) = fold_table().get(&lower) {
        return Some(f);
    }
    c.is_alphanumeric().then_some("")
}

/// Folds a whole string to lower-case ASCII, keeping separators as single
/// spaces: the key for matching names whatever their accents (`Genève` → `geneve`).
pub fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_char(c) {
            Some(f) => out.push_str(f),
            None if !out.ends_with(' ') && !out.is_empty() => out.push(' '),
            None => {}
        }
    }
    out.trim_end().to_string()
}

/// `core/data/ascii_fold.tsv`, loaded once.
fn fold_table() -> &'static HashMap<char, &'static str> {
    static TABLE: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/ascii_fold.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .flat_map(|(ascii, letters)| letters.trim().chars().map(move |c| (c, ascii.trim())))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(source: &str, date: Option<&str>, title: &str) -> Release {
        Release {
            source: source.into(),
            title: title.into(),
            date: date.map(String::from),
            ..Release::default()
        }
    }

    #[test]
    fn slugs() {
        let cases = [
            (
                Some("2019-04-17"),
                "Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters",
                "2019-04-17-islamic-republic-of-iran-and-unodc-to-increase",
            ),
            (None, "Côte d'Ivoire joins São Tomé", "undated-cote-divoire-joins-sao-tome"),
            (Some("2020-01-02"), "Iran's  ratification: UNTOC!", "2020-01-02-irans-ratification-untoc"),
            (Some("2020-01-02"), "Straße Œuvre Łódź", "2020-01-02-strasse-oeuvre-lodz"),
            (Some("2020-01-02"), "", "2020-01-02-untitled"),
            (Some("2020-01-02"), "Новости", "2020-01-02-untitled"),
            (
                Some("2020-01-02"),
                "Internationalisation counterterrorism interdepartmentalisation multistakeholderism",
                "2020-01-02-internationalisation-counterterrorism",
            ),
        ];
        for (date, title, want) in cases {
            assert_eq!(slug(date, title), want, "{title}");
        }
        let long = "x".repeat(100);
        assert_eq!(
            slug(Some("2020-01-02"), &long).len(),
            "2020-01-02-".len() + MAX_TITLE_CHARS
        );
    }

    #[test]
    fn collisions_get_suffixes_and_are_reported() {
        let mut rs = vec![
            release("a.txt", Some("2020-01-02"), "Same title"),
            release("b.txt", Some("2020-01-02"), "Same title"),
            release("c.txt", Some("2020-01-02"), "Same title"),
            release("d.txt", Some("2020-01-03"), "Other"),
        ];
        let dups = assign_ids(&mut rs);
        let ids: Vec<&str> = rs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "2020-01-02-same-title",
                "2020-01-02-same-title-2",
                "2020-01-02-same-title-3",
                "2020-01-03-other"
            ]
        );
        assert_eq!(dups.len(), 2);
        assert_eq!(dups[0].first, "a.txt");
        assert_eq!(dups[0].second, "b.txt");
        assert_eq!(dups[1].renamed, "2020-01-02-same-title-3");
    }

    #[test]
    fn given_ids_are_kept_and_suffixes_skip_taken_ids() {
        let mut rs = vec![
            release("a.json", None, "T"),
            release("b.json", None, "T"),
            release("c.json", None, "T"),
        ];
        rs[0].id = "x".into();
        rs[1].id = "x-2".into();
        rs[2].id = "x".into();
        let dups = assign_ids(&mut rs);
        assert_eq!(rs[2].id, "x-3");
        assert_eq!(dups[0].first, "a.json");
    }

    #[test]
    fn folding_for_matching() {
        assert_eq!(fold_ascii("Genève"), "geneve");
        assert_eq!(fold_ascii("NEW  YORK"), "new york");
        assert_eq!(fold_ascii("Port-au-Prince"), "port au prince");
    }
}
