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
//!
//! The regexes below define the matching; `topics/matcher.rs` gives the same
//! results in one Aho-Corasick pass with the rules checked by hand (unit tests
//! compare the two), and the regexes serve only texts it cannot take.

use std::sync::OnceLock;

use regex::{RegexSet, RegexSetBuilder};

use super::word_regex::WordRegex;
use super::Text;

mod matcher;
use matcher::Matcher;

const TOPICS_TSV: &str = data_file!("topics.tsv");

/// Weak keyword hits (title and body) that make a topic count.
const WEAK_HITS_NEEDED: usize = 2;

// Kept out of line (one call per release): profiles show each extractor.
#[inline(never)]
pub fn extract(text: &Text) -> Vec<String> {
    let body = text.body.join("\n\n");
    match matcher() {
        Some((slugs, m)) if !folds_to_ascii(text.title) && !folds_to_ascii(&body) => m
            .topics(text.title, &body, WEAK_HITS_NEEDED)
            .into_iter()
            .zip(slugs)
            .filter(|(hit, _)| *hit)
            .map(|(_, slug)| slug.clone())
            .collect(),
        _ => regex_extract(text.title, &body),
    }
}

/// The slugs in file order and the one-pass matcher (`matcher.rs`), or None
/// should the data outgrow what the matcher checks by hand.
fn matcher() -> Option<&'static (Vec<String>, Matcher)> {
    static MATCHER: OnceLock<Option<(Vec<String>, Matcher)>> = OnceLock::new();
    MATCHER
        .get_or_init(|| {
            let rows = parse_rows(TOPICS_TSV);
            let m = Matcher::build(&rows, &ignored_names())?;
            Some((rows.iter().map(|r| r.0.to_string()).collect(), m))
        })
        .as_ref()
}

/// True when the text holds a character that case-insensitive regexes match
/// as an ASCII letter (`K` Kelvin sign for k, `ſ` long s for s): the matcher
/// compares ASCII only, so such texts take the regex method.
fn folds_to_ascii(s: &str) -> bool {
    // Two substring searches (vectorised by the standard library) rather
    // than one for a set of characters, which decodes every character.
    !s.is_ascii() && (s.contains("\u{212A}") || s.contains("\u{17F}"))
}

/// The regex method: the reference the matcher must equal, and the path for
/// texts `folds_to_ascii` rejects. `body` is the paragraphs joined by blank lines.
fn regex_extract(title: &str, body: &str) -> Vec<String> {
    let title = blank_ignored(title);
    let body = blank_ignored(body);
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
        let topics = parse_taxonomy(TOPICS_TSV);
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

/// Rows `slug<TAB>label<TAB>strong|...<TAB>weak|...`; malformed rows are
/// skipped. Gives slug and the strong and weak columns.
fn parse_rows(tsv: &str) -> Vec<matcher::Row<'_>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|row| {
            let cols: Vec<&str> = row.split('\t').collect();
            let slug = cols.first()?.trim();
            (!slug.is_empty()).then(|| (slug, cols.get(2).copied(), cols.get(3).copied()))
        })
        .collect()
}

fn parse_taxonomy(tsv: &str) -> Vec<Topic> {
    parse_rows(tsv)
        .into_iter()
        .map(|(slug, strong, weak)| Topic {
            slug: slug.to_string(),
            strong: strong.and_then(phrases_regex),
            weak: weak.and_then(phrases_regex),
        })
        .collect()
}

/// One regex matching any of the `|`-separated phrases on word boundaries.
/// Every phrase starts and ends with an ASCII letter or digit (or `*`), so the
/// ASCII form is a valid prefilter (see `WordRegex::ascii`).
fn phrases_regex(column: &str) -> Option<WordRegex> {
    let alternatives: Vec<String> = matcher::phrases(Some(column)).map(phrase_pattern).collect();
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
        let names: Vec<String> = ignored_names()
            .into_iter()
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

/// The names of `topics_ignore.txt`, in file order.
fn ignored_names() -> Vec<&'static str> {
    data_file!("topics_ignore.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
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

    /// The regex method's exact answer per topic: a strong match in the
    /// blanked title or body, and all weak `find_iter` matches in both.
    fn regex_counts(title: &str, body: &str) -> (Vec<bool>, Vec<usize>) {
        let (title, body) = (blank_ignored(title), blank_ignored(body));
        let count = |re: &Option<WordRegex>, s: &str| hits(re, s, usize::MAX);
        taxonomy()
            .topics
            .iter()
            .map(|t| {
                let strong = count(&t.strong, &title) + count(&t.strong, &body) > 0;
                (strong, count(&t.weak, &title) + count(&t.weak, &body))
            })
            .unzip()
    }

    /// The matcher against the regex method on one text: exact counts, and
    /// the extractor's output through both paths.
    fn assert_same(title: &str, body: &str) {
        let (_, m) = matcher().expect("the shipped data fits the matcher");
        assert!(!folds_to_ascii(title) && !folds_to_ascii(body));
        assert_eq!(
            m.counts(title, body),
            regex_counts(title, body),
            "title {title:?} body {body:?}"
        );
        let body_paragraphs = vec![body.to_string()];
        let text = Text {
            title,
            body: &body_paragraphs,
            footer: &[],
            dateline: None,
            date: None,
        };
        assert_eq!(
            extract(&text),
            regex_extract(title, body),
            "{title:?} {body:?}"
        );
    }

    #[test]
    fn matcher_equals_regex_method_on_tricky_texts() {
        let texts: &[&str] = &[
            "",
            "drug drugs drugses druges DRUGS Drug-free drug_x drug2 drugé édrug drug’s",
            "trafficking in persons, Trafficking  in\n\npersons, trafficking-in-persons, trafficking -in persons",
            "trafficking\u{A0}in\u{2003}persons and trafficking\u{2013}in persons",
            "anti-corruption anticorruption anti corruption anti--corruption anti- corruption anti -corruption",
            "women's rights, women’s rights, women`s rights, womens rights, women''s rights",
            "AIDS aids Aids AIDSs AIDS's HIV hiv HIVs UN.GIFT UN.GIFTs un.gift UNxGIFT",
            "COVID-19 COVID19 COVID 19 covid-19 COVID-19s COVID--19",
            "IDPs idps IDPS IDPses goAML GOAML goamls",
            "traffick trafficking Traffickers trafficked_x traffické traffickü— traffic",
            "sea seas seaes SEAS sea-port port ports portes port’s research seasons",
            "“drugs” and «drugs» — drugs… (drugs) [drugs] drugs/drugs drugs.drugs",
            "Côte d’Ivoire: piracy piracyé épiracy São Paulo drugs Ankara, Türkiye drugs",
            "the United Nations Office on Drugs and Crime and the UN Office on Drugs and Crime",
            "united nations office on drugs and crime drugs; Office  on\nDrugs and Crime drugs",
            "United Nations Office on Drugs and Crimes drugs Office on Drugs and Crime-drugs",
            "World Health Organization health World Health Organisations health",
            "Ministry of Health care, Ministry of Healthcare, health Ministry of Health",
            "United Nations Children's Fund children and United Nations Children’s Fund children",
            "United Nations Educational, Scientific and Cultural Organization youth",
            "International Organization for Migration migrants migration IOM",
            "World Drug Report World Health Organization World Drug Reports",
            "money laundering money-laundering anti-money laundering anti-money-laundering moneylaundering",
            "forced labour forced labor forced-labour forcedlabour exploitation exploitations",
            "cyber cybercrime cyber-crime cyber crime cyber-attack cyberattack cyber_x",
            "child children child’s children's child-protection child protection",
            "law enforcement law  enforcement, rule of law, the rule-of-law",
            "asylum-seeker asylum seekers asylumseeker asylum-seekers displaced persons",
            "gangs gangsters gang_land gang-land mafia mafiosi cartel",
            "illicit trafficking illicit trade trafficking in cultural property",
            "Blue Heart blue hearts Blue-Heart Blue  Heart",
            "K\u{212A}",
        ];
        for t in texts {
            if folds_to_ascii(t) {
                continue;
            }
            assert_same(t, "");
            assert_same("", t);
            assert_same(t, t);
        }
        for (title, body) in [
            ("Drugs", "drug"),
            ("News", "A drug was found. More drugs followed."),
            (SEED_TITLE, SEED_BODY.join("\n\n").as_str()),
            ("World Health", "Organization and health"),
            ("", "human\n\ntrafficking"),
            ("", "United Nations\n\nOffice on Drugs and Crime drugs"),
        ] {
            assert_same(title, body);
        }
    }

    /// Texts stitched from the taxonomy's phrases, the ignored names, their
    /// pieces and awkward neighbours, against the regex method.
    #[test]
    fn matcher_equals_regex_method_on_generated_texts() {
        let mut pieces: Vec<String> = Vec::new();
        for (_, strong, weak) in parse_rows(TOPICS_TSV) {
            pieces.extend(matcher::phrases(strong).map(|p| p.trim_end_matches('*').to_string()));
            pieces.extend(matcher::phrases(weak).map(|p| p.trim_end_matches('*').to_string()));
        }
        pieces.extend(ignored_names().into_iter().map(str::to_string));
        let words: Vec<String> = pieces
            .iter()
            .flat_map(|p| p.split([' ', '-']).map(str::to_string).collect::<Vec<_>>())
            .collect();
        pieces.extend(words);
        let glue = [
            " ", "  ", "-", "--", "\n\n", "\u{A0}", "\u{2009}", "s ", "es ", "S ", "’s ", "'s ",
            "é ", "ü", "_", "2 ", ", ", ". ", "“", "” ", "–", "(", ") ", "ed ", "ing ", "er ",
            "; ", "x", "",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..1500 {
            let mut text = String::new();
            for _ in 0..1 + next(12) {
                let mut piece = pieces[next(pieces.len())].clone();
                match next(6) {
                    0 => piece = piece.to_uppercase(),
                    1 => piece = piece.to_lowercase(),
                    2 => piece = piece.replace(' ', "-"),
                    3 => piece = piece.replace(['-', ' '], ""),
                    4 => piece = piece.replace('\'', "’"),
                    _ => {}
                }
                text.push_str(&piece);
                text.push_str(glue[next(glue.len())]);
            }
            let cut = text.char_indices().nth(next(text.chars().count() + 1));
            let (title, body) = text.split_at(cut.map_or(text.len(), |(i, _)| i));
            assert_same(title, body);
            assert_same("", &text);
        }
    }

    #[test]
    fn kelvin_and_long_s_take_the_regex_method() {
        // `(?i)k` matches the Kelvin sign and `(?i)s` the long s: the
        // matcher compares ASCII only, so `extract` hands these to the regexes.
        let kelvin = "human traffic\u{212A}ing";
        assert_eq!(topics("News", &[kelvin]), ["trafficking-in-persons"]);
        let (_, m) = matcher().unwrap();
        assert!(m
            .topics("News", kelvin, WEAK_HITS_NEEDED)
            .iter()
            .all(|hit| !hit));
        assert_eq!(topics("Drug\u{17F}", &["drug"]), ["drugs"]);
        assert!(folds_to_ascii("traffic\u{212A}ing") && !folds_to_ascii("Côte d’Ivoire"));
    }

    /// The matcher's character classes equal the regex crate's: Unicode `\w`
    /// and `\s`, and the only non-ASCII characters `(?i)` matches as an ASCII
    /// letter or digit are the two `folds_to_ascii` looks for.
    #[test]
    fn character_classes_match_the_regex_crate() {
        let word = Regex::new(r"\A\w\z").unwrap();
        let space = Regex::new(r"\A\s\z").unwrap();
        let ascii_fold = Regex::new(r"(?i)\A[a-z0-9]\z").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(matcher::is_word(c), word.is_match(s), "{c:?}");
            assert_eq!(c.is_whitespace(), space.is_match(s), "{c:?}");
            if !c.is_ascii() && ascii_fold.is_match(s) {
                assert!(folds_to_ascii(s), "{c:?}");
            }
        }
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
