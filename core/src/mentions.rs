//! Finding the countries, organisations and people a release names in its
//! paragraphs: case-sensitive, on word boundaries, longest match first and
//! never inside another match. Knows entity keys (as the search index files
//! them), never routes: the app maps `(facet, key)` to a page.

use crate::demonyms;
use crate::query::Facet;
use crate::text::slug;
use crate::Release;

/// A name to look for, and the entity it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needle {
    pub text: String,
    /// `Country`, `Organisation` or `Person`.
    pub facet: Facet,
    /// The entity's key in `facet` (see [`country_key`], [`person_key`]).
    pub key: String,
    /// Needles of one entity share a group.
    pub group: usize,
    /// Counts only after the group's first other mention (a surname alone).
    pub follow_up: bool,
}

/// An organisation to look for: `(key, name, acronym)`, the key as the index
/// resolves it.
pub type OrgNames<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

/// A found mention: `text[start..end]` of one paragraph names entity `key` of `facet`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub facet: Facet,
    pub key: String,
}

/// The key of a country's page: its code, upper-cased.
pub fn country_key(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

/// The key of a person's page: the slug of their name.
pub fn person_key(name: &str) -> String {
    slug(name)
}

/// Spellings of a country: its name, long forms and its demonyms from
/// `core/data/demonyms.tsv` with their plurals (only those the text really
/// contains ever match).
fn country_spellings(code: &str, name: &str) -> Vec<String> {
    let mut bases = vec![name];
    if let Some((short, _)) = name.split_once(" (") {
        bases.push(short);
    }
    let mut out = Vec::new();
    for b in bases {
        out.push(format!("Islamic Republic of {b}"));
        out.push(format!("Republic of {b}"));
        out.push(b.to_string());
    }
    for demonym in demonyms::of(code).all() {
        out.push(demonyms::plural(demonym));
        out.push(demonym.to_string());
    }
    out
}

/// Everything to look for in a release's paragraphs.
pub fn needles(release: &Release, organisations: &[OrgNames]) -> Vec<Needle> {
    let mut out = Vec::new();
    let mut group = 0;
    let mut push = |text: String, facet, key: &str, group, follow_up| {
        if text.chars().count() >= 2 && !out.iter().any(|n: &Needle| n.text == text) {
            out.push(Needle {
                text,
                facet,
                key: key.to_string(),
                group,
                follow_up,
            });
        }
    };
    for c in &release.countries {
        let key = country_key(&c.code);
        for s in country_spellings(&c.code, &c.name) {
            push(s, Facet::Country, &key, group, false);
        }
        group += 1;
    }
    for &(key, name, acronym) in organisations {
        for s in [name, acronym].into_iter().flatten() {
            push(s.to_string(), Facet::Organisation, key, group, false);
        }
        group += 1;
    }
    for p in &release.people {
        let key = person_key(&p.name);
        push(p.name.clone(), Facet::Person, &key, group, false);
        let words: Vec<&str> = p.name.split_whitespace().collect();
        if let [_, .., surname] = words.as_slice() {
            if surname.chars().next().is_some_and(char::is_uppercase) && surname.len() > 2 {
                push(surname.to_string(), Facet::Person, &key, group, true);
            }
        }
        group += 1;
    }
    out
}

/// The mentions in each paragraph, in text order. One `match_indices` pass
/// per needle and paragraph, then a sort of what was found.
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
    crate::order::sort_by_key(&mut found, |&(p, start, end, _)| {
        (std::cmp::Reverse(end - start), p, start)
    });
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
            facet: n.facet,
            key: n.key.clone(),
        });
    }
    for m in &mut marks {
        crate::order::sort_by_key(m, |m| m.start);
    }
    marks
}

const FUNDING: [&str; 6] = [
    "funded by",
    "financed by",
    "funding from",
    "funding of",
    "financial support of",
    "financial support from",
];

/// The phrases naming who pays: what follows "funded by" (and the like) up
/// to the end of its sentence or an "implemented by".
pub fn funder_names(release: &Release) -> Vec<String> {
    let mut out = Vec::new();
    for p in &release.body {
        for keyword in FUNDING {
            for (at, _) in p.match_indices(keyword) {
                let rest = &p[at + keyword.len()..];
                let end = [". ", ".\n", "; ", " implemented", " and implemented"]
                    .iter()
                    .filter_map(|stop| rest.find(stop))
                    .min()
                    .unwrap_or(rest.len());
                out.push(rest[..end].trim_end_matches('.').to_string());
            }
        }
    }
    out
}

/// Whether `needle` occurs in `text` on word boundaries.
pub fn contains_word(text: &str, needle: &str) -> bool {
    !needle.is_empty()
        && text
            .match_indices(needle)
            .any(|(at, _)| is_boundary(text, at, at + needle.len()))
}

/// Neither side of `text[start..end]` continues a word.
pub fn is_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CountryMention, Person};

    fn release(countries: &[(&str, &str)], people: &[&str], body: &[&str]) -> Release {
        Release {
            countries: countries
                .iter()
                .map(|&(code, name)| CountryMention {
                    code: code.to_string(),
                    name: name.to_string(),
                    mentions: 1,
                })
                .collect(),
            people: people
                .iter()
                .map(|&name| Person {
                    name: name.to_string(),
                    role: None,
                })
                .collect(),
            body: body.iter().map(|s| s.to_string()).collect(),
            ..Release::default()
        }
    }

    const ORGS: [OrgNames; 2] = [
        (
            "unodc",
            Some("United Nations Office on Drugs and Crime"),
            Some("UNODC"),
        ),
        ("eu", Some("European Union"), None),
    ];

    /// The marked text of each paragraph with facet and key.
    fn marked(r: &Release) -> Vec<Vec<(String, Facet, String)>> {
        let found = find_mentions(&r.body, &needles(r, &ORGS));
        assert_eq!(found.len(), r.body.len());
        r.body
            .iter()
            .zip(found)
            .map(|(p, marks)| {
                marks
                    .into_iter()
                    .map(|m| (p[m.start..m.end].to_string(), m.facet, m.key))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn finds_mentions() {
        use Facet::{Country, Organisation as Org, Person as Who};
        let ir = [("ir", "Iran (Islamic Republic of)")];
        let af = [("AF", "Afghanistan")];
        type Case<'a> = (
            &'a [(&'a str, &'a str)],
            &'a [&'a str],
            &'a str,
            &'a [(&'a str, Facet, &'a str)],
        );
        #[rustfmt::skip]
        let cases: &[Case] = &[
            // A country by name, and by demonym.
            (&af, &[], "Afghanistan and Afghan farmers.",
             &[("Afghanistan", Country, "AF"), ("Afghan", Country, "AF")]),
            // The long form wins over the short name inside it.
            (&ir, &[], "The Islamic Republic of Iran said.",
             &[("Islamic Republic of Iran", Country, "IR")]),
            // "Iranian" is a spelling of Iran: one mark, not "Iran" inside it.
            (&ir, &[], "Iranian officials met.", &[("Iranian", Country, "IR")]),
            // "Iran" inside a word that is no spelling of it: no mark.
            (&ir, &[], "Iranx and Irans.", &[]),
            // An organisation by acronym and by name.
            (&[], &[], "UNODC, the United Nations Office on Drugs and Crime, and the European Union.",
             &[("UNODC", Org, "unodc"),
               ("United Nations Office on Drugs and Crime", Org, "unodc"),
               ("European Union", Org, "eu")]),
            // A person, then their surname alone.
            (&[], &["Ghada Waly"], "Ghada Waly spoke. Waly added.",
             &[("Ghada Waly", Who, "ghada-waly"), ("Waly", Who, "ghada-waly")]),
            // A surname before the full name counts for nothing.
            (&[], &["Ghada Waly"], "Waly spoke, said Ghada Waly.",
             &[("Ghada Waly", Who, "ghada-waly")]),
            // Word boundaries: no match inside a longer word.
            (&[], &[], "UNODCs and EUROPEAN Union.", &[]),
        ];
        for (countries, people, text, want) in cases {
            let r = release(countries, people, &[text]);
            let want: Vec<_> = want
                .iter()
                .map(|&(s, f, k)| (s.to_string(), f, k.to_string()))
                .collect();
            assert_eq!(marked(&r), vec![want], "{text}");
        }
    }

    #[test]
    fn surname_follows_first_mention_across_paragraphs() {
        let r = release(
            &[],
            &["Ghada Waly"],
            &["Waly first.", "Ghada Waly then.", "Waly again."],
        );
        let keys: Vec<Vec<String>> = marked(&r)
            .into_iter()
            .map(|p| p.into_iter().map(|(s, _, _)| s).collect())
            .collect();
        assert_eq!(
            keys,
            [
                vec![],
                vec!["Ghada Waly".to_string()],
                vec!["Waly".to_string()]
            ]
        );
    }

    #[test]
    fn overlapping_names_longest_wins() {
        // Names overlapping in the text: the longer takes it, the other is dropped.
        let r = release(
            &[("NZ", "New Zealand")],
            &["Zealand Smith"],
            &["New Zealand Smith"],
        );
        assert_eq!(
            marked(&r),
            [vec![(
                "Zealand Smith".to_string(),
                Facet::Person,
                "zealand-smith".to_string()
            )]]
        );
        // One name inside another: only the longer one is marked.
        let orgs = [
            ("un", Some("United Nations"), Some("UN")),
            (
                "unodc",
                Some("United Nations Office on Drugs and Crime"),
                None,
            ),
        ];
        let r = release(
            &[],
            &[],
            &["The United Nations Office on Drugs and Crime and the UN."],
        );
        let m = find_mentions(&r.body, &needles(&r, &orgs));
        let got: Vec<(&str, &str)> = m[0]
            .iter()
            .map(|m| (&r.body[0][m.start..m.end], m.key.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("United Nations Office on Drugs and Crime", "unodc"),
                ("UN", "un")
            ]
        );
    }

    #[test]
    fn demonyms_come_from_the_data() {
        use Facet::Country;
        let r = release(
            &[
                ("AF", "Afghanistan"),
                ("PH", "Philippines"),
                ("NL", "Netherlands"),
                ("CI", "Côte d'Ivoire"),
                ("IR", "Iran (Islamic Republic of)"),
                ("IN", "India"),
            ],
            &[],
            &[
                "Afghan, Filipino, Dutch and Ivorian experts met Iranian officials.",
                "Afghans and Filipinos travelled from Indiana, not India.",
                // Guessed spellings that are no demonym: no mark.
                "Afghanistani, Irani and Philippinian are not words here.",
            ],
        );
        let want = |marks: &[(&str, &str)]| -> Vec<(String, Facet, String)> {
            marks
                .iter()
                .map(|&(s, k)| (s.to_string(), Country, k.to_string()))
                .collect()
        };
        assert_eq!(
            marked(&r),
            vec![
                want(&[
                    ("Afghan", "AF"),
                    ("Filipino", "PH"),
                    ("Dutch", "NL"),
                    ("Ivorian", "CI"),
                    ("Iranian", "IR"),
                ]),
                want(&[("Afghans", "AF"), ("Filipinos", "PH"), ("India", "IN")]),
                want(&[]),
            ]
        );
    }

    #[test]
    fn keys_and_needles() {
        assert_eq!(country_key(" ir "), "IR");
        assert_eq!(person_key("Zürich Çay"), "zurich-cay");
        let r = release(&[("AF", "Afghanistan")], &["Li"], &[]);
        let n = needles(&r, &[]);
        // Names and demonyms, once each; a two-letter name but no one-letter surname.
        assert!(n.iter().any(|n| n.text == "Afghan" && n.key == "AF"));
        assert!(n.iter().any(|n| n.text == "Li" && n.facet == Facet::Person));
        let texts: Vec<&str> = n.iter().map(|n| n.text.as_str()).collect();
        let mut unique = texts.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(texts.len(), unique.len());
    }

    #[test]
    fn funders() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            ("The project is funded by the European Union. It runs.", &[" the European Union"]),
            ("With financial support from Japan and Norway; UNODC leads.", &[" Japan and Norway"]),
            // Case-sensitive: a capitalised keyword is not seen.
            ("Funding from Canada implemented by UNODC.", &[]),
            ("It was financed by Germany and implemented by UNODC.", &[" Germany"]),
            ("With funding from Canada", &[" Canada"]),
            ("No money here.", &[]),
        ];
        for (text, want) in cases {
            // As the text runs on: the space after the keyword is kept.
            let r = release(&[], &[], &[text]);
            assert_eq!(funder_names(&r), *want, "{text}");
        }
    }

    #[test]
    fn words() {
        assert!(contains_word("the European Union", "European Union"));
        assert!(!contains_word("Iranian", "Iran"));
        assert!(contains_word("Iran, today", "Iran"));
        assert!(!contains_word("anything", ""));
        assert!(is_boundary("a UNODC.", 2, 7));
        assert!(!is_boundary("UNODCs", 0, 5));
    }
}
