//! Finding the countries, organisations and people a release names in its
//! paragraphs: case-sensitive, on word boundaries, longest match first and
//! never inside another match.

use dateline_core::Release;

use super::entities::{country_route, is_boundary, person_route, EntityLinks};
use crate::route::Route;

/// A name to look for, and the page it links to.
#[derive(Clone, Debug, PartialEq)]
pub struct Needle {
    pub text: String,
    pub target: Route,
    /// `country`, `organisation` or `person`.
    pub kind: &'static str,
    /// Needles of one entity share a group.
    pub group: usize,
    /// Counts only after the group's first other mention (a surname alone).
    pub follow_up: bool,
}

/// A found mention: `text[start..end]` of one paragraph links to `target`.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub target: Route,
    pub kind: &'static str,
}

/// Spellings of a country: its name, long forms and demonyms (only those the
/// text really contains ever match).
fn country_spellings(name: &str) -> Vec<String> {
    let mut bases = vec![name.to_string()];
    if let Some((short, _)) = name.split_once(" (") {
        bases.push(short.to_string());
    }
    let mut out = Vec::new();
    for b in bases {
        out.push(format!("Islamic Republic of {b}"));
        out.push(format!("Republic of {b}"));
        out.push(format!("{b}n"));
        out.push(format!("{b}ian"));
        out.push(format!("{b}i"));
        if let Some(stem) = b.strip_suffix("istan") {
            out.push(stem.to_string());
        }
        if let Some(stem) = b.strip_suffix('y') {
            out.push(format!("{stem}ian"));
        }
        out.push(b);
    }
    out
}

/// Everything to look for in a release's paragraphs.
pub fn needles(release: &Release, links: &EntityLinks) -> Vec<Needle> {
    let mut out = Vec::new();
    let mut group = 0;
    let mut push = |text: String, target: &Route, kind, group, follow_up| {
        if text.chars().count() >= 2 && !out.iter().any(|n: &Needle| n.text == text) {
            out.push(Needle {
                text,
                target: target.clone(),
                kind,
                group,
                follow_up,
            });
        }
    };
    for c in &release.countries {
        let target = country_route(&c.code);
        for s in country_spellings(&c.name) {
            push(s, &target, "country", group, false);
        }
        group += 1;
    }
    for o in &links.organisations {
        let target = o.route();
        for s in [&o.name, &o.acronym].into_iter().flatten() {
            push(s.clone(), &target, "organisation", group, false);
        }
        group += 1;
    }
    for p in &release.people {
        let target = person_route(&p.name);
        push(p.name.clone(), &target, "person", group, false);
        let words: Vec<&str> = p.name.split_whitespace().collect();
        if let [_, .., surname] = words.as_slice() {
            if surname.chars().next().is_some_and(char::is_uppercase) && surname.len() > 2 {
                push(surname.to_string(), &target, "person", group, true);
            }
        }
        group += 1;
    }
    out
}

/// The mentions in each paragraph, in text order.
pub fn find_mentions(paragraphs: &[String], needles: &[Needle]) -> Vec<Vec<Mark>> {
    // (paragraph, start, end, needle), longest first, then in reading order.
    let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (i, n) in needles.iter().enumerate() {
        for (p, text) in paragraphs.iter().enumerate() {
            for (at, _) in text.match_indices(n.text.as_str()) {
                let end = at + n.text.len();
                if is_boundary(text, at, end) {
                    found.push((p, at, end, i));
                }
            }
        }
    }
    found.sort_by_key(|&(p, start, end, _)| (std::cmp::Reverse(end - start), p, start));
    let mut first: Vec<Option<(usize, usize)>> = Vec::new();
    let mut marks: Vec<Vec<Mark>> = vec![Vec::new(); paragraphs.len()];
    for (p, start, end, i) in found {
        let n = &needles[i];
        if first.len() <= n.group {
            first.resize(n.group + 1, None);
        }
        if n.follow_up && first[n.group].is_none_or(|f| f >= (p, start)) {
            continue;
        }
        if marks[p].iter().any(|m| m.start < end && start < m.end) {
            continue;
        }
        if !n.follow_up {
            let slot = &mut first[n.group];
            *slot = Some(slot.map_or((p, start), |f| f.min((p, start))));
        }
        marks[p].push(Mark {
            start,
            end,
            target: n.target.clone(),
            kind: n.kind,
        });
    }
    for m in &mut marks {
        m.sort_by_key(|m| m.start);
    }
    marks
}
