//! The reference word lists people are read with, and the tests on single
//! words they give (honorific, role word, particle, name word).

use std::sync::OnceLock;

use crate::extract::tokens::{is_lowercase, is_title_case, norm, with_norm, Kind, Token};
use crate::text::{WordFilter, WordMap, WordSet};

/// What an honorific does to the name next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Honorific {
    /// Mr., Dr., H.E.: dropped, never a role.
    Courtesy,
    /// Ambassador, Minister: dropped from the name, a role when nothing better is written.
    Title,
    /// PhD, OBE after the name: dropped.
    PostNominal,
    /// Jr.: kept in the name.
    Suffix,
    /// Ma. (María): a given name's abbreviation, kept in the name.
    Given,
}

/// What the word lists keyed by normalised words (see [`norm`]) say about
/// one word or honorific: a word is looked up once for all of them.
#[derive(Debug, Default, Clone, Copy)]
struct Listed {
    honorific: Option<Honorific>,
    common: bool,
    non_name: bool,
    role: bool,
}

/// Reference word lists, parsed once.
pub(crate) struct Lexicon {
    /// Key: a word of the common, non-name and role lists, or an
    /// honorific's words, normalised (see [`norm`]) and joined by a space.
    listed: WordMap<String, Listed>,
    longest_honorific: usize,
    /// The first and the last words of the honorifics, normalised: a run of
    /// tokens is looked up as one only when its first and last may be, so
    /// the honorifics starting or ending at a token (up to
    /// `longest_honorific` keys built and looked up) are mostly turned
    /// away by one bit.
    honorific_first: WordFilter,
    honorific_last: WordFilter,
    speech_verbs: WordSet<String>,
    apposition_stops: WordSet<String>,
    particles: WordSet<String>,
    /// Particles written against the name: all end on a hyphen (`al-`).
    particle_prefixes: Vec<String>,
    /// The first bytes of `particle_prefixes`: a word opening otherwise is
    /// not tried against them.
    prefix_starts: [bool; 256],
    /// Word sequences after which a capitalised run names a person (`chaired by`).
    pub(super) person_cues: Vec<Vec<String>>,
}

/// The non-empty, non-comment lines of a data file.
pub(crate) fn data_lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn word_set(src: &str) -> WordSet<String> {
    data_lines(src).map(norm).collect()
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

impl Lexicon {
    fn load() -> Self {
        let mut listed: WordMap<String, Listed> = WordMap::default();
        let mut longest_honorific = 1;
        let (mut honorific_first, mut honorific_last) =
            (WordFilter::default(), WordFilter::default());
        for line in data_lines(data_file!("honorifics.txt")) {
            let (form, kind) = line.rsplit_once('\t').unwrap_or((line, "courtesy"));
            let kind = match kind.trim() {
                "title" => Honorific::Title,
                "post" => Honorific::PostNominal,
                "suffix" => Honorific::Suffix,
                "given" => Honorific::Given,
                _ => Honorific::Courtesy,
            };
            let words: Vec<&str> = form.split_whitespace().collect();
            longest_honorific = longest_honorific.max(words.len());
            let key: Vec<String> = words.iter().map(|w| norm(w)).collect();
            if let (Some(first), Some(last)) = (key.first(), key.last()) {
                honorific_first.insert(first);
                honorific_last.insert(last);
            }
            listed.entry(key.join(" ")).or_default().honorific = Some(kind);
        }
        for word in word_set(data_file!("people_common_words.txt")) {
            listed.entry(word).or_default().common = true;
        }
        for word in word_set(data_file!("people_nonname_words.txt")) {
            listed.entry(word).or_default().non_name = true;
        }
        for word in word_set(data_file!("people_role_nouns.txt")) {
            listed.entry(word).or_default().role = true;
        }
        let (particle_prefixes, particles): (Vec<String>, Vec<String>) =
            data_lines(data_file!("people_particles.txt"))
                .map(str::to_string)
                .partition(|p| p.ends_with('-'));
        let speech_verbs = word_set(data_file!("people_speech_verbs.txt"));
        let mut apposition_stops = word_set(data_file!("people_apposition_stops.txt"));
        apposition_stops.extend(speech_verbs.iter().cloned());
        let mut prefix_starts = [false; 256];
        for p in &particle_prefixes {
            if let Some(&b) = p.as_bytes().first() {
                prefix_starts[usize::from(b)] = true;
            }
        }
        Lexicon {
            listed,
            longest_honorific,
            honorific_first,
            honorific_last,
            speech_verbs,
            apposition_stops,
            particles: particles.into_iter().collect(),
            particle_prefixes,
            prefix_starts,
            person_cues: data_lines(data_file!("people_cues.txt"))
                .map(|l| l.split_whitespace().map(str::to_string).collect())
                .collect(),
        }
    }

    /// What the lists say about a word (or honorific), as [`norm`] keys it.
    fn listed(&self, key: &str) -> Listed {
        self.listed.get(key).copied().unwrap_or_default()
    }

    /// What the lists say about a word as written.
    fn listed_word(&self, word: &str) -> Listed {
        with_norm([word], |key| self.listed(key))
    }

    /// The honorific spelled by exactly these tokens.
    pub(super) fn honorific(&self, tokens: &[Token]) -> Option<Honorific> {
        if tokens.is_empty() || tokens.iter().any(|t| t.kind != Kind::Word) {
            return None;
        }
        // Most words open and close no honorific: told by a bit each.
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return None;
        };
        if !may_be_listed(&self.honorific_first, first)
            || !may_be_listed(&self.honorific_last, last)
        {
            return None;
        }
        let found = with_norm(tokens.iter().map(|t| t.text), |key| {
            self.listed(key).honorific
        });
        // Post-nominals are written in capitals (`MBA`, `PhD`, `Esq.`): a
        // title-case word without a full stop is a name (`Jean Mba`).
        let name_like = |t: &Token| is_capitalised_word(t.text);
        match found {
            Some(Honorific::PostNominal) if tokens.iter().any(name_like) => None,
            other => other,
        }
    }

    /// A hyphenated compound with a role or title part: `Prosecutor-General`,
    /// `Vice-Minister`.
    fn is_role_compound(&self, w: &str) -> bool {
        w.contains('-')
            && w.split('-').any(|part| {
                let listed = self.listed_word(part);
                listed.role || listed.honorific == Some(Honorific::Title)
            })
    }

    /// The longest honorific ending just before token `end`: its first token and kind.
    pub(super) fn honorific_ending_at(
        &self,
        tokens: &[Token],
        end: usize,
    ) -> Option<(usize, Honorific)> {
        if !may_be_listed(&self.honorific_last, tokens.get(end.checked_sub(1)?)?) {
            return None;
        }
        (1..=self.longest_honorific.min(end)).rev().find_map(|len| {
            self.honorific(tokens.get(end - len..end)?)
                .map(|h| (end - len, h))
        })
    }

    /// The longest honorific starting at token `start`: the token after it and its kind.
    pub(super) fn honorific_starting_at(
        &self,
        tokens: &[Token],
        start: usize,
    ) -> Option<(usize, Honorific)> {
        if !may_be_listed(&self.honorific_first, tokens.get(start)?) {
            return None;
        }
        (1..=self.longest_honorific).rev().find_map(|len| {
            self.honorific(tokens.get(start..start + len)?)
                .map(|h| (start + len, h))
        })
    }

    /// A verb of speech as written in running text (lowercase: `Said` is a name).
    pub(crate) fn is_speech_verb(&self, t: &Token) -> bool {
        t.is_word() && is_lowercase(t.text) && self.speech_verbs.contains(t.text)
    }

    /// A speech verb at token `k`, or `put it` (`as Ana Ruiz put it:`).
    pub(crate) fn is_speech_at(&self, tokens: &[Token], k: usize) -> bool {
        let before = |d: usize, words: &[&str]| {
            k.checked_sub(d)
                .and_then(|j| tokens.get(j))
                .is_some_and(|p| words.contains(&p.text))
        };
        tokens.get(k).is_some_and(|t| {
            self.is_speech_verb(t)
                || t.text == "put" && tokens.get(k + 1).is_some_and(|n| n.text == "it")
                // `calling it "a first step"`, `described the work as "..."`:
                // the words that hand over to the quoted words.
                || t.text == "it" && before(1, &["calling", "called", "calls"])
                // `called the factory "a victory of ..."`: a short object, then the quote.
                || matches!(t.text, "calling" | "called" | "calls") && object_then_quote(tokens, k)
                || t.text == "as"
                    && (1..=4).any(|d| before(d, &["describing", "described", "describes"]))
        })
    }

    pub(super) fn is_apposition_stop(&self, t: &Token) -> bool {
        t.is_word() && is_lowercase(t.text) && self.apposition_stops.contains(t.text)
    }

    /// A role noun of `core/data/people_role_nouns.txt` (`Commander`).
    pub(crate) fn is_role_noun(&self, word: &str) -> bool {
        self.listed_word(word).role
    }

    pub(crate) fn is_role_word(&self, t: &Token) -> bool {
        t.is_word()
            && (self.listed_word(t.text).role
                || self.honorific(std::slice::from_ref(t)) == Some(Honorific::Title)
                || self.is_role_compound(t.text))
    }

    /// `Ma.`: a given name's abbreviation (kind `given`), its full stop kept.
    pub(super) fn is_given_abbreviation(&self, t: &Token) -> bool {
        t.text.ends_with('.') && self.listed_word(t.text).honorific == Some(Honorific::Given)
    }

    pub(super) fn is_courtesy(&self, t: &Token) -> bool {
        self.honorific(std::slice::from_ref(t)) == Some(Honorific::Courtesy)
    }

    pub(crate) fn is_common(&self, t: &Token) -> bool {
        self.listed_word(t.text).common
    }

    /// A word of institutions and programmes (`Framework`, `Foundation`),
    /// not a month or weekday (`said Ana Ruiz Monday`).
    pub(super) fn is_institution_word(&self, t: &Token) -> bool {
        with_norm([t.text], |key| {
            self.listed(key).non_name && !is_calendar_word(key)
        })
    }

    pub(super) fn is_particle(&self, t: &Token) -> bool {
        t.is_word() && (self.particles.contains(t.text) || is_patronymic(t))
    }

    /// How many tokens the particle at `k` spans: 1 for a word of
    /// [`Self::is_particle`], 2 for `St.` (`Jean-Marc St. Pierre`), whose full
    /// stop the tokenizer splits off; 0 if no particle starts at `k`.
    pub(super) fn particle_len(&self, tokens: &[Token], k: usize) -> usize {
        let Some(t) = tokens.get(k) else { return 0 };
        if self.is_particle(t) {
            // `wa` (of) joins a father's name after a given name and a
            // surname (`Jean-Pierre Mukendi wa Kalala`), not after one word,
            // which is more often a Swahili body's (`Muungano wa Wanavijiji`).
            let two_before = k >= 2
                && tokens[k - 2..k]
                    .iter()
                    .all(|w| w.is_word() && w.text.starts_with(char::is_uppercase));
            return usize::from(t.text != "wa" || two_before);
        }
        // Only a full stop written against the word (`St.`, not `St .`) is
        // read as the abbreviation's; a name word must follow (checked by
        // the caller), so `St.` never ends a name.
        let dotted = tokens
            .get(k + 1)
            .is_some_and(|d| d.is_mark(&["."]) && d.start == t.end);
        if t.is_word() && matches!(t.text, "St" | "Ste") && dotted {
            2
        } else {
            0
        }
    }

    /// A word that can be part of a person's name.
    pub(super) fn is_name_word(&self, t: &Token) -> bool {
        if t.kind != Kind::Word {
            return false;
        }
        let w = t.text;
        // An initial ends on its full stop: other words skip the decoding.
        // Initials written together (`J.R.R.`) spell an honorific (`H.E.`)
        // or a country (`U.S.`) as well.
        if w.ends_with('.') && is_initial(w) {
            return w.len() <= 3
                || self.listed_word(w).honorific.is_none()
                    && crate::extract::countries::lookup_name(w).is_none();
        }
        // `Ma. Teresa Dizon-Abad`: a given name's abbreviation.
        if self.is_given_abbreviation(t) {
            return true;
        }
        // Prefixes end on a hyphen: only words opening as one does and
        // holding a hyphen (a byte loop, shorter than `memchr` for a word)
        // are tried against them.
        let first = w.as_bytes().first().copied();
        let after_prefix = (first.is_some_and(|b| self.prefix_starts[usize::from(b)])
            && w.bytes().any(|b| b == b'-'))
        .then(|| {
            self.particle_prefixes
                .iter()
                .find_map(|p| w.strip_prefix(p.as_str()))
        })
        .flatten();
        // Lower-case words, the most common, leave here: one opening on an
        // ASCII byte other than a capital is not title case (as
        // `is_title_case` tells first), told without asking it.
        if after_prefix.is_none()
            && (first.is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase()) || !is_title_case(w))
        {
            return false;
        }
        if w.chars().any(|c| c.is_numeric()) {
            return false;
        }
        if let Some(rest) = after_prefix {
            return rest.chars().next().is_some_and(char::is_uppercase);
        }
        with_norm([w], |key| {
            // `Partnerships`, `Operations`: plural and abstract nouns, never names.
            let noun = ["tions", "ments", "ships", "ship", "ities", "ness"]
                .iter()
                .any(|s| key.len() > s.len() + 2 && key.ends_with(s));
            if noun {
                return false;
            }
            let l = self.listed(key);
            let post_nominal =
                l.honorific == Some(Honorific::PostNominal) && is_capitalised_word(w);
            // `Jack Ma`: `Ma.` abbreviates a given name, `Ma` is a name too.
            let given = l.honorific == Some(Honorific::Given);
            let listed = l.honorific.is_some() && !post_nominal && !given
                || self.is_role_compound(w)
                || l.common
                || l.non_name
                || l.role;
            !listed
        })
    }
}

/// Whether word token `t` may be in `filter` as [`norm`] keys it: its bit
/// read without lowercasing an ASCII word; a word beyond ASCII (which
/// `norm` lowercases otherwise) always may.
fn may_be_listed(filter: &WordFilter, t: &Token) -> bool {
    let w = t.text.trim_end_matches('.');
    t.kind == Kind::Word
        && (!w.is_ascii() || filter.may_contain_bit(WordFilter::ascii_lowercase_bit(w)))
}

/// Lower-case patronymic words written apart from the father's name: Kyrgyz
/// and Kazakh `uulu`/`kyzy`/`uly` (`Azamat Toktogul uulu`), which end a name,
/// and Azerbaijani and Turkmen `oglu`/`qizi`/`ogly`/`gyzy` (`Ilham Heydar
/// oglu Aliyev`), which may stand inside it. Particles, so never a surname.
const PATRONYMICS: &[&str] = &[
    "uulu", "kyzy", "uly", "ogly", "gyzy", "oglu", "oğlu", "qizi", "qızı",
];

/// A patronymic of [`PATRONYMICS`], as written (lower case).
pub(super) fn is_patronymic(t: &Token) -> bool {
    t.is_word() && PATRONYMICS.contains(&t.text)
}

/// One capital, then only lower-case letters: `Mba`, not `MBA`, `PhD` or `Esq.`.
fn is_capitalised_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// A middle or first initial, or initials written together: `J.`, `J.R.R.`.
pub(super) fn is_initial(w: &str) -> bool {
    let mut chars = w.chars();
    let mut initials = 0;
    loop {
        match (chars.next(), chars.next()) {
            (Some(c), Some('.')) if c.is_uppercase() => initials += 1,
            (None, _) => return initials > 0,
            _ => return false,
        }
    }
}

pub(super) fn is_connector(t: &Token) -> bool {
    t.is_word()
        && matches!(
            t.text,
            "of" | "for" | "on" | "the" | "at" | "to" | "and" | "in"
        )
}

pub(super) fn is_article(t: &Token) -> bool {
    t.is_word() && matches!(t.text, "the" | "The" | "a" | "A" | "an" | "An")
}

pub(super) fn is_punct(t: Option<&Token>, marks: &[&str]) -> bool {
    t.is_some_and(|t| t.is_mark(marks))
}

fn is_calendar_word(key: &str) -> bool {
    matches!(
        key,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Most words of the object between `called` and the quote it names.
const CALLED_OBJECT_WORDS: usize = 3;

/// `called the factory "`: after token `k`, a determiner and at most
/// [`CALLED_OBJECT_WORDS`] lowercase words in all, then an opening quote mark.
fn object_then_quote(tokens: &[Token], k: usize) -> bool {
    let determiner = tokens.get(k + 1).is_some_and(|t| {
        matches!(
            t.text,
            "the" | "this" | "that" | "its" | "their" | "his" | "her"
        )
    });
    if !determiner {
        return false;
    }
    for t in tokens.iter().skip(k + 2).take(CALLED_OBJECT_WORDS) {
        if t.is_mark(&["\"", "“", "«"]) {
            return true;
        }
        if !t.is_word() || !t.text.chars().all(char::is_lowercase) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    #[test]
    fn honorifics_at_a_token_read_as_without_the_word_filters() {
        let lex = lexicon();
        let texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "H.E. Mr. Smith, His Excellency DR. Ana Ruiz Jr., PhD; Ms Él, Sr. Ümit, ministre d’État",
        ]);
        let (mut tokens_read, mut found) = (0, 0);
        for text in &texts {
            let tokens = tokenize(text);
            for at in 0..=tokens.len() {
                tokens_read += 1;
                let ending = (1..=lex.longest_honorific.min(at)).rev().find_map(|len| {
                    lex.honorific(tokens.get(at - len..at)?)
                        .map(|h| (at - len, h))
                });
                let starting = (1..=lex.longest_honorific).rev().find_map(|len| {
                    lex.honorific(tokens.get(at..at + len)?)
                        .map(|h| (at + len, h))
                });
                found += usize::from(ending.is_some()) + usize::from(starting.is_some());
                assert_eq!(
                    lex.honorific_ending_at(&tokens, at),
                    ending,
                    "{at} in {text:?}"
                );
                assert_eq!(
                    lex.honorific_starting_at(&tokens, at),
                    starting,
                    "{at} in {text:?}"
                );
            }
        }
        assert!(tokens_read > 10_000 && found > 100, "{tokens_read} {found}");
    }
}
