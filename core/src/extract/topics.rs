//! Topics: slugs from the taxonomy in `core/data/topics.tsv`.
//!
//! Each topic has strong phrases (specific: "human trafficking") and weak
//! keywords (suggestive: "exploitation"). A topic counts when the title or
//! body holds one strong phrase, or title and body together hold two or more
//! weak keyword hits (a lone weak word, even in the title, is too often
//! incidental: "port", "online"). Slugs come out in taxonomy (file) order, so
//! the output is stable and the same for equal texts.
//!
//! Before matching, organisation names that merely contain topic words
//! (`United Nations Office on Drugs and Crime`) are blanked out; the list is
//! `core/data/topics_ignore.txt`.

use std::sync::OnceLock;

use regex::{RegexSet, RegexSetBuilder};

use super::word_regex::WordRegex;
use super::Text;

/// Weak keyword hits (title and body) that make a topic count.
const WEAK_HITS_NEEDED: usize = 2;

pub fn extract(text: &Text) -> Vec<String> {
    let title = blank_ignored(text.title);
    let body = blank_ignored(&text.body.join("\n\n"));
    let taxonomy = taxonomy();
    // One pass of each prefilter set over the whole text picks the few topics
    // worth counting exactly (a set cannot count or check Unicode boundaries).
    let whole = format!("{title}\n\n{body}");
    let strong = taxonomy.strong.matches(&whole);
    let weak = taxonomy.weak.matches(&whole);
    taxonomy
        .topics
        .iter()
        .enumerate()
        .filter(|(i, topic)| {
            let strong = strong.matched(*i) && topic.strong_hits(&title, &body) > 0;
            strong || (weak.matched(*i) && topic.weak_hits(&title, &body) >= WEAK_HITS_NEEDED)
        })
        .map(|(_, topic)| topic.slug.clone())
        .collect()
}

struct Topic {
    slug: String,
    strong: Option<WordRegex>,
    weak: Option<WordRegex>,
}

impl Topic {
    fn strong_hits(&self, title: &str, body: &str) -> usize {
        hits(&self.strong, title, 1) + hits(&self.strong, body, 1)
    }

    /// Weak hits in title and body, counted only up to what is needed.
    fn weak_hits(&self, title: &str, body: &str) -> usize {
        let in_title = hits(&self.weak, title, WEAK_HITS_NEEDED);
        in_title + hits(&self.weak, body, WEAK_HITS_NEEDED.saturating_sub(in_title))
    }
}

/// Non-overlapping matches in `s`, at most `limit`.
fn hits(re: &Option<WordRegex>, s: &str, limit: usize) -> usize {
    re.as_ref()
        .map_or(0, |re| re.for_text(s).find_iter(s).take(limit).count())
}

struct Taxonomy {
    topics: Vec<Topic>,
    /// The ASCII forms of every topic's strong (weak) regex, indexed like
    /// `topics` (a topic without phrases gets a never-matching pattern).
    strong: RegexSet,
    weak: RegexSet,
}

fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| {
        let topics = parse_taxonomy(include_str!("../../data/topics.tsv"));
        let set = |pick: fn(&Topic) -> &Option<WordRegex>| {
            let patterns = topics.iter().map(|t| {
                pick(t)
                    .as_ref()
                    .map_or(NEVER.to_string(), |re| re.ascii().as_str().to_string())
            });
            // A larger lazy-DFA cache than the default keeps the set on the DFA.
            RegexSetBuilder::new(patterns)
                .dfa_size_limit(SET_DFA_BYTES)
                .build()
                .unwrap_or_else(|e| panic!("bad topic regex set: {e}"))
        };
        Taxonomy {
            strong: set(|t| &t.strong),
            weak: set(|t| &t.weak),
            topics,
        }
    })
}

/// Lazy-DFA cache for each prefilter set.
const SET_DFA_BYTES: usize = 32 << 20;

/// A pattern that matches nothing.
const NEVER: &str = r"[^\s\S]";

/// Rows `slug<TAB>label<TAB>strong|...<TAB>weak|...`; malformed rows are skipped.
fn parse_taxonomy(tsv: &str) -> Vec<Topic> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|row| {
            let cols: Vec<&str> = row.split('\t').collect();
            let slug = cols.first()?.trim();
            (!slug.is_empty()).then(|| Topic {
                slug: slug.to_string(),
                strong: cols.get(2).and_then(|c| phrases_regex(c)),
                weak: cols.get(3).and_then(|c| phrases_regex(c)),
            })
        })
        .collect()
}

/// One regex matching any of the `|`-separated phrases on word boundaries.
/// Every phrase starts and ends with an ASCII letter or digit (or `*`), so the
/// ASCII form is a valid prefilter (see `WordRegex::ascii`).
fn phrases_regex(column: &str) -> Option<WordRegex> {
    let alternatives: Vec<String> = column
        .split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(phrase_pattern)
        .collect();
    if alternatives.is_empty() {
        return None;
    }
    WordRegex::build(|b| format!(r"{b}(?:{}){b}", alternatives.join("|"))).ok()
}

/// The pattern for one phrase: acronyms (no lower-case letter) keep their
/// case; spaces and hyphens are interchangeable; `*` is any word ending;
/// otherwise a plural ending is allowed.
fn phrase_pattern(phrase: &str) -> String {
    let is_acronym = !phrase.chars().any(char::is_lowercase);
    let (stem, open_ending) = match phrase.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (phrase, false),
    };
    let mut pattern = String::from(if is_acronym { "(?-i:" } else { "(?i:" });
    for c in stem.chars() {
        match c {
            ' ' => pattern.push_str(r"[\s\-]+"),
            '-' => pattern.push_str(r"[\s\-]?"),
            '\'' | '’' => pattern.push_str("['’]"),
            _ => pattern.push_str(&regex::escape(&c.to_string())),
        }
    }
    pattern.push_str(match (open_ending, is_acronym) {
        (true, _) => r"\w*",
        (false, true) => "s?",
        (false, false) => "(?:s|es)?",
    });
    pattern.push(')');
    pattern
}

/// The text with ignored organisation names replaced by a separator, so no
/// phrase can match inside them or across the gap.
fn blank_ignored(s: &str) -> String {
    static IGNORED: OnceLock<Option<WordRegex>> = OnceLock::new();
    let ignored = IGNORED.get_or_init(|| {
        let names: Vec<String> = include_str!("../../data/topics_ignore.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|name| {
                name.split_whitespace()
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        WordRegex::build(|b| format!(r"(?i){b}(?:{}){b}", names.join("|"))).ok()
    });
    match ignored {
        Some(re) => re.for_text(s).replace_all(s, " ; ").into_owned(),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn topics(title: &str, body: &[&str]) -> Vec<String> {
        let body: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let text = Text {
            title,
            body: &body,
            footer: &[],
            dateline: None,
            date: None,
        };
        extract(&text)
    }

    const SEED_TITLE: &str = "Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters";
    const SEED_BODY: &[&str] = &[
        "UNODC hosted a high-level delegation from the Islamic Republic of Iran for a three-day specialized Technical Meeting on Exchange of Views on Cooperation Mechanisms for Effective Prevention and Combat of Transnational Organized Crime at its Headquarters in Vienna from 29-31 January 2019.",
        "In a first for both counterparts, a senior level delegation comprised of officials from the Ministries of Foreign Affairs, Interior, Economic Affairs and Finance, as well as from the Judiciary of the Islamic Republic of Iran, discussed at length with UNODC specialised experts technical cooperation mechanisms available within the framework of UN Convention against Transnational Organized Crime (UNTOC) and its Protocols, such as criminalization of organized crime offences, international judicial and law enforcement cooperation, money-laundering and seizure, as well as confiscation of proceeds of crimes, as well as new trends and emerging crimes, such as cybercrime, piracy and trafficking in cultural property.",
        "Iran's geographic position makes it an important transit point for both crimes, and it is also confronted by the significant numbers of refugees from neighbouring countries such as Afghanistan, as well as Iraq. Iran has been making continuous efforts to work on criminal justice and law enforcement responses to human trafficking and migrant smuggling.",
        "The Global Action against Trafficking in Persons and the Smuggling of Migrants - Asia and the Middle East (GLO.ACT Asia and the Middle East) is a four-year (2018-2022), €12 million joint initiative by the European Union (EU) and the United Nations Office on Drugs and Crime (UNODC) being implemented in partnership with the International Organization for Migration (IOM).",
        "The project also provides direct assistance to victims of human trafficking and vulnerable migrants through the strengthening of identification, referral, and protection mechanisms.",
    ];

    #[test]
    fn seed_topics() {
        assert_eq!(
            topics(SEED_TITLE, SEED_BODY),
            [
                "trafficking-in-persons",
                "smuggling-of-migrants",
                "organized-crime",
                "cybercrime",
                "money-laundering",
                "maritime-crime-and-piracy",
                "criminal-justice",
                "refugees-and-migration",
            ]
        );
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str], &[&str])] = &[
            ("strong phrase in body", "News", &["Victims of trafficking were assisted."], &["trafficking-in-persons"]),
            ("migrant smuggling", "News", &["Migrant smuggling networks were dismantled."], &["smuggling-of-migrants"]),
            ("drug words", "News", &["Seizures of cocaine, heroin and methamphetamine rose; opioids too."], &["drugs"]),
            ("one weak hit is not enough", "News", &["A drug was found."], &[]),
            ("two weak hits are", "News", &["A drug was found. More drugs followed."], &["drugs"]),
            ("strong title hit counts alone", "Drug seizure at port", &["Nothing else."], &["drugs"]),
            ("weak title hit adds to body", "Drugs", &["One more drug."], &["drugs"]),
            ("org name is not a topic", "News", &["The United Nations Office on Drugs and Crime met the World Health Organization."], &[]),
            ("corruption", "News", &["Bribery cases and the UNCAC review."], &["corruption"]),
            ("anticorruption without hyphen", "News", &["An anticorruption agency."], &["corruption"]),
            ("acronym keeps case", "News", &["Funding aids the effort."], &[]),
            ("online child sexual abuse", "News", &["Online child sexual abuse is rising."], &["cybercrime"]),
            ("illicit financial flows", "News", &["Illicit financial flows drain budgets."], &["money-laundering"]),
            ("piracy once", "News", &["Piracy off the coast."], &["maritime-crime-and-piracy"]),
            ("terrorism", "News", &["Counter-terrorism and violent extremism."], &["terrorism"]),
            ("firearms", "News", &["Illicit arms and firearms flows."], &["firearms"]),
            ("wildlife", "News", &["Trafficking in ivory and pangolin scales."], &["wildlife-crime"]),
            ("prisons", "News", &["Prison reform and the judiciary."], &["criminal-justice"]),
            ("law enforcement alone is weak", "News", &["Law enforcement officers attended."], &[]),
            ("asylum", "News", &["Asylum seekers and displacement."], &["refugees-and-migration"]),
            ("health", "News", &["HIV and COVID-19 services during the pandemic."], &["health"]),
            ("gender", "News", &["Gender-based violence against women and girls."], &["gender-and-women"]),
            ("sdgs", "News", &["The Sustainable Development Goals."], &["development"]),
        ];
        for (name, title, body, expected) in cases {
            assert_eq!(topics(title, body), *expected, "case {name}");
        }
    }

    #[test]
    fn taxonomy_is_complete_and_unique() {
        let slugs: Vec<&str> = taxonomy().topics.iter().map(|t| t.slug.as_str()).collect();
        assert!(slugs.len() >= 25, "{slugs:?}");
        let mut sorted = slugs.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), slugs.len());
        assert!(taxonomy()
            .topics
            .iter()
            .all(|t| t.strong.is_some() && t.weak.is_some()));
    }

    #[test]
    fn phrase_patterns() {
        let re = |p: &str| Regex::new(&format!(r"\b{}\b", phrase_pattern(p))).unwrap();
        assert!(re("money laundering").is_match("anti-money-laundering"));
        assert!(re("traffick*").is_match("Traffickers"));
        assert!(re("refugee").is_match("refugees"));
        assert!(!re("AIDS").is_match("it aids farmers"));
        assert!(re("women's rights").is_match("women’s rights"));
        assert!(!re("drug").is_match("drugstore"));
    }

    #[test]
    fn seed_file() {
        let (title, body, footer) = crate::extract::test_support::seed_text_parts();
        let text = Text {
            title: &title,
            body: &body,
            footer: &footer,
            dateline: None,
            date: None,
        };
        assert_eq!(
            extract(&text),
            [
                "trafficking-in-persons",
                "smuggling-of-migrants",
                "organized-crime",
                "cybercrime",
                "money-laundering",
                "maritime-crime-and-piracy",
                "criminal-justice",
                "refugees-and-migration",
            ]
        );
    }
}
