//! Names in French, Spanish, Portuguese, Italian, German and Dutch, where the
//! words after the head are not all capitalised: `Office national de lutte
//! contre la fraude`, `Ministère de la Santé et de l'Hygiène publique`,
//! `Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung`,
//! `Bundesamt für Sicherheit in der Informationstechnik`; and German or Nordic
//! compounds that are a name in one word (`Bundeskriminalamt`, `Tullverket`:
//! a `compound_suffix` of `core/data/organisations_context.tsv` ends them).
//!
//! After the head come, joined by spaces or an elided article's apostrophe:
//! connectors (`de`, `des`, `pour`, `für`, `und`, ...) and articles, nouns
//! (any word right after a connector, or a capitalised word) and adjectives
//! (capitalised, or a lowercase `foreign_adjective`, or with a French or
//! Romance adjective ending or an accented letter). An English word that is
//! none of these ends the name (`said`, `and`, `officials`); a connector is
//! never its last word. English heads read this way only when a foreign
//! connector or adjective follows them (`Office national de ...`). One pass
//! forward over at most [`MAX_WORDS`] words.

use super::super::countries::words::Words;
use super::Data;

/// Most words after the head.
const MAX_WORDS: usize = 14;

/// Connectors and articles inside a name in another language.
const CONNECTORS: [&str; 44] = [
    "de", "des", "du", "d", "del", "della", "delle", "degli", "dei", "dello", "di", "da", "do",
    "dos", "das", "la", "le", "les", "l", "el", "los", "las", "et", "y", "e", "pour", "contre",
    "sur", "para", "contra", "au", "aux", "fur", "und", "der", "die", "dem", "den", "zur", "zum",
    "von", "vom", "van", "voor",
];

/// Connectors that begin a complement only in another language (not `e`, `la`, `die`).
const FOREIGN_ONLY: [&str; 12] = [
    "de", "des", "du", "d", "del", "pour", "contre", "para", "fur", "zur", "zum", "van",
];

/// Connectors told from English words by their accent (`à`, folded `a`).
const ACCENTED_CONNECTORS: [&str; 3] = ["à", "às", "ao"];

/// A connector that begins a complement only in another language.
fn is_foreign_only(t: &super::super::countries::words::Word) -> bool {
    FOREIGN_ONLY.contains(&t.key.as_str()) || ACCENTED_CONNECTORS.contains(&t.surface.as_str())
}

/// Articles after which English `in` is a connector (`in der Informationstechnik`).
const ARTICLES: [&str; 8] = ["der", "die", "das", "dem", "den", "la", "le", "el"];

/// Foreign adjectives that are English words too: they open a foreign name
/// only before a foreign connector.
const ENGLISH_TOO: [&str; 2] = ["national", "central"];

/// Endings of French and other Romance adjectives (`publique`, `ivoirienne`).
const ADJECTIVE_ENDINGS: [&str; 10] = [
    "ique", "iques", "ienne", "iennes", "aise", "aises", "aux", "ico", "ica", "icos",
];

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised one-word name ending in a `compound_suffix` longer than it
/// (`Bundespolizei`, not `Polizei`).
pub(super) fn is_compound(data: &Data, tokens: &Words, i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        let tail = t.key.len().checked_sub(data.compound_tail);
        tail.is_some_and(|at| data.compound_tails.may_contain(&t.key.as_bytes()[at..]))
            && capitalised(&t.surface)
            // The suffixes before the letters: few words end in one, and
            // every character of every capitalised word was read before.
            && data
                .compound_suffixes
                .iter()
                .any(|s| t.key.len() >= s.len() + 3 && t.key.ends_with(s.as_str()))
            && t.key.chars().all(char::is_alphabetic)
    })
}

/// Spaces, the apostrophe of an elided article (`l'Hygiène`,
/// `d'Électrification`), or a hyphen between capitalised words
/// (`Nordrhein-Westfalen`).
fn joined(tokens: &Words, i: usize) -> bool {
    let gap = tokens.gap_after(i);
    let cap = |j: usize| tokens.get(j).is_some_and(|t| capitalised(&t.surface));
    tokens.adjacent(i)
        || (matches!(gap, "'" | "’")
            && tokens
                .get(i)
                .is_some_and(|t| matches!(t.key.as_str(), "l" | "d")))
        || (matches!(gap, "-" | "‐") && cap(i) && cap(i + 1))
}

/// Endings of longer French adjectives that English words seldom have
/// (`sanitaire`, `professionnelle`, `éducatifs`): only in a word of at least
/// [`LONG_ADJECTIVE`] letters right after a noun of the name. Not `-ive`,
/// `-ects` or `-ale` (`executive`, `projects`, `female` follow names in
/// English text).
const LONG_ADJECTIVE_ENDINGS: [&str; 7] =
    ["aire", "aires", "elle", "elles", "ifs", "ecte", "ectes"];

/// Fewest letters of a word [`LONG_ADJECTIVE_ENDINGS`] may make an adjective.
const LONG_ADJECTIVE: usize = 6;

fn is_adjective(data: &Data, surface: &str, key: &str) -> bool {
    data.foreign_adjectives.contains(key)
        || ADJECTIVE_ENDINGS.iter().any(|e| key.ends_with(e))
        || surface.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// An adjective after a noun of a foreign name: `sécurité sanitaire`,
/// `droits indirects`.
fn is_long_adjective(key: &str) -> bool {
    key.chars().count() >= LONG_ADJECTIVE && LONG_ADJECTIVE_ENDINGS.iter().any(|e| key.ends_with(e))
}

/// One past the last word of the name whose head is word `h`, read as a name
/// in another language; `h + 1` when it is not one.
pub(super) fn complement_end(data: &Data, tokens: &Words, h: usize) -> usize {
    let Some(head) = tokens.get(h) else {
        return h + 1;
    };
    let foreign_head = data.heads_first.contains(head.key.as_str())
        || is_compound(data, tokens, h)
        || data.compound_suffixes.iter().any(|s| head.key == *s);
    // "Office national de", "Gendarmerie nationale", "Office central de":
    // a foreign connector, a foreign adjective, or any adjective before a
    // foreign connector ("national" and "central" are English words too).
    let foreign_next = |i: usize| tokens.get(i).is_some_and(is_foreign_only);
    let lower_opens = tokens.get(h + 1).is_some_and(|t| {
        !capitalised(&t.surface)
            && (is_foreign_only(t)
                || foreign_next(h + 2)
                || (data.foreign_adjectives.contains(t.key.as_str())
                    && !ENGLISH_TOO.contains(&t.key.as_str())))
    });
    // "Centre National de ...", "Centre Hospitalier Universitaire de ...":
    // capitalised words joined to the head, then a foreign connector.
    let capitalised_opens = (h + 1..h + 4)
        .take_while(|&j| {
            tokens.adjacent(j - 1)
                && tokens.get(j).is_some_and(|t| {
                    capitalised(&t.surface) && !data.name_stops.contains(t.key.as_str())
                })
        })
        .last()
        .is_some_and(|j| tokens.adjacent(j) && foreign_next(j + 1));
    let opens = lower_opens || capitalised_opens;
    if !foreign_head && !opens {
        return h + 1;
    }
    let mut end = h + 1;
    let mut after_connector = false;
    // The word before was a noun of the name (after a connector, or capitalised).
    let mut after_noun = false;
    let mut i = h + 1;
    while i < tokens.len() && i - h <= MAX_WORDS && joined(tokens, i - 1) {
        let Some(t) = tokens.get(i) else { break };
        let key = t.key.as_str();
        let lower = !capitalised(&t.surface);
        let before_article = tokens
            .get(i + 1)
            .is_some_and(|n| ARTICLES.contains(&n.key.as_str()));
        if lower
            && (CONNECTORS.contains(&key)
                || ACCENTED_CONNECTORS.contains(&t.surface.as_str())
                || (key == "in" && before_article))
        {
            after_connector = true;
            after_noun = false;
        } else if !t.key.chars().all(char::is_alphabetic)
            || data.name_stops.contains(key)
            || data.standalone.contains(key)
            || data.time_words.contains(key)
        {
            break;
        } else if !lower
            || after_connector
            || is_adjective(data, &t.surface, key)
            || (after_noun && is_long_adjective(key))
            || (tokens.adjacent(i) && foreign_next(i + 1))
        {
            after_noun = after_connector || !lower;
            after_connector = false;
            end = i + 1;
        } else {
            break;
        }
        i += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::super::pattern::tests::names;

    #[test]
    fn french_and_spanish_names_with_lowercase_words() {
        let cases: &[(&str, &[&str])] = &[
            (
                "agents of the Office national de lutte contre la fraude and the police",
                &["Office national de lutte contre la fraude"],
            ),
            (
                "said the Ministère de la Santé et de l'Hygiène publique on Thursday",
                &["Ministère de la Santé et de l'Hygiène publique"],
            ),
            (
                "samples went to the Institut national de santé publique, which found",
                &["Institut national de santé publique"],
            ),
            (
                "officers of the Direction générale des douanes seized the drugs",
                &["Direction générale des douanes"],
            ),
            (
                "funds of the Ministère de la Santé et de l'Action sociale and others",
                &["Ministère de la Santé et de l'Action sociale"],
            ),
            (
                "courses of the Office national de la formation professionnelle began",
                &["Office national de la formation professionnelle"],
            ),
            (
                "inspectors of the Haute Autorité à la Sûreté Nucléaire et à la Radioprotection came",
                &["Haute Autorité à la Sûreté Nucléaire et à la Radioprotection"],
            ),
            (
                "a report by the Agence nationale de la sécurité sanitaire said",
                &["Agence nationale de la sécurité sanitaire"],
            ),
            (
                "officers of the Direction générale des douanes executive officers",
                &["Direction générale des douanes"],
            ),
            (
                "a permit from the Autorité ivoirienne de régulation pharmaceutique was needed",
                &["Autorité ivoirienne de régulation pharmaceutique"],
            ),
            (
                "units of the Gendarmerie nationale and the Office central de répression du trafic illicite des stupéfiants met",
                &[
                    "Gendarmerie nationale",
                    "Office central de répression du trafic illicite des stupéfiants",
                ],
            ),
            (
                "trials at the Centre National de Recherche et de Formation sur le Paludisme and the Centre Hospitalier Universitaire de Treichville began",
                &[
                    "Centre National de Recherche et de Formation sur le Paludisme",
                    "Centre Hospitalier Universitaire de Treichville",
                ],
            ),
            (
                "the Fiscalía General de la Nación and Italy's Guardia di Finanza traced it",
                &["Fiscalía General de la Nación", "Guardia di Finanza"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn german_names_and_compounds() {
        let cases: &[(&str, &[&str])] = &[
            (
                "funds from the Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung will pay",
                &["Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung"],
            ),
            (
                "advice from the Bundesamt für Sicherheit in der Informationstechnik in Bonn",
                &["Bundesamt für Sicherheit in der Informationstechnik"],
            ),
            (
                "trainers from the Bundeskriminalamt and the Bundespolizei will teach",
                &["Bundeskriminalamt", "Bundespolizei"],
            ),
            ("visas from the Auswärtiges Amt were issued", &["Auswärtiges Amt"]),
            (
                "data from Tullverket and Tolletaten, and loans from the Deutsche Bundesbank",
                &["Tullverket", "Tolletaten", "Deutsche Bundesbank"],
            ),
            (
                "officers of the Landeskriminalamt Nordrhein-Westfalen and the Ministero degli Affari Esteri met",
                &["Landeskriminalamt Nordrhein-Westfalen", "Ministero degli Affari Esteri"],
            ),
            (
                "a note from the Ministerie van Buitenlandse Zaken and the Koninklijke Marechaussee said",
                &["Ministerie van Buitenlandse Zaken", "Koninklijke Marechaussee"],
            ),
            (
                "servers of the Bundesrechenzentrum in Vienna were used",
                &["Bundesrechenzentrum"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn english_words_end_the_name_and_english_heads_stay_english() {
        let cases: &[(&str, &[&str])] = &[
            (
                "the Ministerio de Salud announced a plan with the Makerere University public health school",
                &["Ministerio de Salud", "Makerere University"],
            ),
            ("an Amt official and Heinz Kammer spoke", &[]),
            (
                "the National Police national plan and the Central Office central unit",
                &[],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }
}
