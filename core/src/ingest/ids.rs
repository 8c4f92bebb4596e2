//! Stable, unique slugs: date plus title words; collisions get a suffix.

use crate::model::Release;

/// Assigns `id` to every release that has none, unique across the slice.
pub fn assign_ids(releases: &mut [Release]) {
    let mut seen = std::collections::HashSet::new();
    for r in releases.iter_mut() {
        if r.id.is_empty() {
            r.id = slug(r.date.as_deref(), &r.title);
        }
        let base = r.id.clone();
        let mut n = 2;
        while !seen.insert(r.id.clone()) {
            r.id = format!("{base}-{n}");
            n += 1;
        }
    }
}

/// `2019-04-17-islamic-republic-of-iran-and-unodc-to-increase`.
pub fn slug(date: Option<&str>, title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| w.to_lowercase())
        .collect();
    let mut s = date.unwrap_or("undated").to_string();
    for w in words {
        s.push('-');
        s.push_str(&w);
    }
    s
}
