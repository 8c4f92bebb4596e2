//! Countries the release names: short, official, former and abbreviated names
//! from `core/data/countries.tsv`, demonyms from `core/data/demonyms.tsv`
//! (through [`crate::demonyms`]); context rules (geographic
//! features, US states, currencies, person names) from
//! `core/data/countries_context.tsv`.
//!
//! Every piece is read in order: title, dateline (as written), body, footer.
//! At each word the longest known phrase wins, so `Papua New Guinea` is not
//! `Guinea` and `Democratic People's Republic of Korea` is not `Republic of
//! Korea`. Output is ordered by first appearance; `mentions` counts every match.

use std::sync::OnceLock;

use super::Text;
use crate::demonyms::{self, plural};
use crate::model::CountryMention;
use crate::text::{WordFilter, WordMap, WordSet};

pub(crate) mod phrases;
pub(crate) mod words;

use super::tokens::is_title_case;
use phrases::PhraseTable;
use words::{in_caps_context, is_title_cased, Words};

const COUNTRIES: &str = data_file!("countries.tsv");
const CONTEXT: &str = data_file!("countries_context.tsv");

/// Countries the text names, the dateline included, with mention counts, in
/// order of first appearance.
#[inline(never)] // Out of line so that profiles show each extractor's share.
pub fn extract(text: &Text) -> Vec<CountryMention> {
    extract_from(&piece_words(text))
}

/// The words of each piece of the text, in reading order (title, dateline
/// as written, body, footer): what the countries and the organisations
/// read, read once for both ([`extract_from`], `organisations::extract_from`).
pub(crate) fn piece_words<'a>(text: &Text<'a>) -> Vec<Words<'a>> {
    pieces(text).map(Words::new).collect()
}

/// The text's pieces in ASCII lower case, for [`piece_words_lowered`].
pub(crate) fn lowered_pieces(text: &Text) -> Vec<String> {
    pieces(text).map(str::to_ascii_lowercase).collect()
}

/// [`piece_words`], the words' keys borrowed from `lowered`, the pieces as
/// [`lowered_pieces`] gives them (see [`Words::with_lowered`]).
pub(crate) fn piece_words_lowered<'a>(text: &Text<'a>, lowered: &'a [String]) -> Vec<Words<'a>> {
    pieces(text)
        .zip(lowered)
        .map(|(piece, lowered)| Words::with_lowered(piece, lowered))
        .collect()
}

/// [`extract`] from the words of the text's pieces ([`piece_words`]).
#[inline(never)] // Out of line so that profiles show each extractor's share.
pub(crate) fn extract_from(pieces: &[Words]) -> Vec<CountryMention> {
    tally(pieces)
}

/// [`extract_from`], adding the countries that a front matter `place`
/// names (`Warsaw, Poland`) when the dateline read from the text is
/// another (`WARSAW (Frontex) –`): the place is the publisher's own
/// dateline. A city alone names no country there either.
pub(crate) fn extract_with_place(pieces: &[Words], place: Option<&str>) -> Vec<CountryMention> {
    let place = place.map(Words::new);
    tally(pieces.iter().chain(place.as_ref()))
}

fn tally<'w, 'a: 'w>(pieces: impl IntoIterator<Item = &'w Words<'a>>) -> Vec<CountryMention> {
    let data = data();
    let mut tally: Vec<(usize, u32)> = Vec::new();
    for tokens in pieces {
        for country in scan(data, tokens) {
            match tally.iter_mut().find(|(c, _)| *c == country) {
                Some((_, n)) => *n += 1,
                None => tally.push((country, 1)),
            }
        }
    }
    tally
        .into_iter()
        .filter_map(|(i, mentions)| {
            let c = data.countries.get(i)?;
            Some(CountryMention {
                code: c.code.to_string(),
                name: c.name.to_string(),
                mentions,
            })
        })
        .collect()
}

/// ISO 3166-1 alpha-2 code and common English name for a country name as
/// written anywhere (`Austria`, `AUSTRIA`, `I.R.Iran`, `Islamic Republic of Iran`,
/// `Côte d'Ivoire`, `UK`): used by the dateline parser. Exact match of the whole
/// name, ignoring case, diacritics and punctuation; demonyms are not names.
pub fn lookup_name(name: &str) -> Option<(&'static str, &'static str)> {
    let data = data();
    // Most texts asked about name no country, and most open with a plain
    // word that opens no name: told from that word, without reading the
    // text's words (long texts cost thousands of instructions).
    if plain_first_word(name, |first| {
        first != b"the" && !data.name_openers.may_contain(first)
    }) {
        return None;
    }
    let key = Words::new(name).lookup_key();
    let c = data.countries.get(*data.names.get(&key)?)?;
    Some((c.code, c.name))
}

/// `f` of the first word of `text`, folded, when that word is plain: ASCII
/// letters and digits up to white space or the end (so [`Words::new`] reads
/// it as the text's first word, neither joined nor in an address, with
/// its key lowercase); false when it is not.
fn plain_first_word(text: &str, f: impl FnOnce(&[u8]) -> bool) -> bool {
    let b = text.as_bytes();
    let len = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    let mut folded = [0u8; 32];
    let (Some(word), Some(key)) = (b.get(..len), folded.get_mut(..len)) else {
        return false;
    };
    if len == 0
        || b.get(len)
            .is_some_and(|c| !matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        return false;
    }
    key.copy_from_slice(word);
    key.make_ascii_lowercase();
    f(key)
}

/// The pieces of a release in reading order.
fn pieces<'a>(text: &Text<'a>) -> impl Iterator<Item = &'a str> {
    let text = *text;
    std::iter::once(text.title)
        .chain(text.dateline.map(|d| d.raw.as_str()))
        .chain(text.body.iter().map(String::as_str))
        .chain(text.footer.iter().map(String::as_str))
}

struct Country {
    code: &'static str,
    name: &'static str,
    /// Also a common first or last name (Jordan, Chad, Georgia).
    person: bool,
}

/// What a matched phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    /// A name or abbreviation of country `usize`.
    Name(usize),
    /// A demonym (`Iranian`).
    Demonym(usize),
    /// A demonym that is also a language (`French`): counts before a state
    /// noun, or before another word that is no language's (`the French
    /// shipyard`, `Chinese lending`, `the Danish Refugee Council`).
    Language(usize),
    /// Not a mention; words `from..to` of the phrase are suppressed.
    Block { to: usize },
}

struct Data {
    countries: Vec<Country>,
    table: PhraseTable<Hit>,
    /// Folded name → country index, for `lookup_name`.
    names: WordMap<String, usize>,
    /// The first words of `names`' keys.
    name_openers: WordFilter,
    currency: WordSet<&'static str>,
    state_nouns: WordSet<&'static str>,
    language_words: WordSet<&'static str>,
    language_before: WordSet<&'static str>,
    name_before: WordSet<&'static str>,
    name_after: WordSet<&'static str>,
    caps_words: WordSet<&'static str>,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(load)
}

fn load() -> Data {
    let set = |kind| words::context_lines(CONTEXT, kind).collect::<WordSet<_>>();
    let mut data = Data {
        countries: Vec::new(),
        table: PhraseTable::default(),
        names: WordMap::default(),
        name_openers: WordFilter::default(),
        currency: set("currency"),
        state_nouns: set("state_noun"),
        language_words: set("language_word"),
        language_before: set("language_before"),
        name_before: set("name_before"),
        name_after: set("name_after"),
        caps_words: set("caps_word"),
    };
    // Blocks first: on equal length they win over names.
    for phrase in words::context_lines(CONTEXT, "block") {
        add_block(&mut data.table, phrase);
    }
    for line in COUNTRIES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        add_country(&mut data, line);
    }
    for key in data.names.keys() {
        data.name_openers
            .insert(key.split(' ').next().unwrap_or(""));
    }
    data
}

/// `state of [Georgia]`: the bracketed words are suppressed, the others are context.
fn add_block(table: &mut PhraseTable<Hit>, phrase: &str) {
    let (before, rest) = phrase.split_once('[').unwrap_or(("", phrase));
    let (inside, after) = rest.split_once(']').unwrap_or((rest, ""));
    let to = Words::new(before).len() + Words::new(inside).len();
    table.insert_any_case(&format!("{before} {inside} {after}"), Hit::Block { to });
}

fn add_country(data: &mut Data, line: &'static str) {
    let mut cols = line.split('\t').map(str::trim);
    let (Some(code), Some(name)) = (cols.next(), cols.next()) else {
        return;
    };
    let list = |col: Option<&'static str>| {
        col.unwrap_or("")
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let aliases = list(cols.next());
    let person = cols
        .next()
        .unwrap_or("")
        .split(',')
        .any(|f| f.trim() == "person");
    let index = data.countries.len();
    data.countries.push(Country { code, name, person });
    for written in std::iter::once(name).chain(aliases) {
        data.table.insert(written, Hit::Name(index));
        data.names
            .entry(Words::new(written).lookup_key())
            .or_insert(index);
    }
    let spoken = demonyms::of(code);
    for demonym in spoken.demonyms {
        data.table.insert(demonym, Hit::Demonym(index));
        data.table.insert(&plural(demonym), Hit::Demonym(index));
    }
    for language in spoken.languages {
        data.table.insert(language, Hit::Language(index));
        // "Germans", "Russians" are people, not a language.
        data.table.insert(&plural(language), Hit::Demonym(index));
    }
}

/// Country indices of every mention in one piece, in order.
fn scan(data: &Data, tokens: &Words) -> Vec<usize> {
    let title_cased = is_title_cased(tokens);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((len, hit)) = data.table.longest_at(tokens, i) else {
            i += 1;
            continue;
        };
        let country = match *hit {
            Hit::Block { to } => {
                i += to.max(1);
                continue;
            }
            Hit::Name(c) | Hit::Demonym(c) => Some(c),
            Hit::Language(c) => {
                let state = names_state(data, tokens, i + len - 1)
                    || describes(data, tokens, i, i + len - 1, title_cased);
                state.then_some(c)
            }
        };
        let span = Span { start: i, len };
        if let Some(c) = country.filter(|&c| counts(data, tokens, span, c, title_cased)) {
            found.push(c);
        }
        i += len;
    }
    found
}

#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    len: usize,
}

impl Span {
    fn last(self) -> usize {
        self.start + self.len - 1
    }
}

/// The context checks a matched country name must pass.
fn counts(data: &Data, tokens: &Words, span: Span, country: usize, title_cased: bool) -> bool {
    let single = span.len == 1;
    let word = tokens.get(span.start).map_or("", |t| t.surface.as_str());
    if is_currency(data, tokens, span.last()) {
        return false;
    }
    if single && data.caps_words.contains(word) && in_caps_context(tokens, span.start) {
        return false;
    }
    let person = data.countries.get(country).is_some_and(|c| c.person);
    !(person && single && !title_cased && beside_a_name(data, tokens, span.start))
}

/// `US dollars`, `US$`, `Pakistani rupees`: a currency, not the country.
fn is_currency(data: &Data, tokens: &Words, last: usize) -> bool {
    let gap = tokens.gap_after(last);
    gap.trim_start().starts_with('$')
        || (tokens.adjacent(last)
            && tokens
                .get(last + 1)
                .is_some_and(|t| data.currency.contains(t.key.as_str())))
}

/// `French Government`, `Russian authorities`: a language demonym naming the state.
fn names_state(data: &Data, tokens: &Words, last: usize) -> bool {
    tokens.adjacent(last)
        && tokens
            .get(last + 1)
            .is_some_and(|t| data.state_nouns.contains(t.surface.as_str()))
}

/// `the French shipyard`, `a French manufacturer`, `Chinese lending`, `the
/// Danish Refugee Council`, `Chinese-made`: a language demonym (words
/// `first..=last`) as an adjective before a word of its own, not the
/// language. The language is read when a word such as `in`, `speak` or
/// `translated` comes before it (`language_before`), when the next word is a
/// language's (`version`, `speaking`, `text`) or a function word (`French
/// and Arabic`, `French only`; `language_word`), when another language
/// follows, and when nothing follows on the line. A capitalised word after it
/// counts only outside a Title Case headline.
fn describes(data: &Data, tokens: &Words, first: usize, last: usize, title_cased: bool) -> bool {
    let gap = tokens.gap_after(last);
    if !(tokens.adjacent(last) || gap == "-") {
        return false;
    }
    let before_language = first > 0
        && tokens.adjacent(first - 1)
        && tokens
            .get(first - 1)
            .is_some_and(|t| data.language_before.contains(t.key.as_str()));
    let Some(next) = tokens.get(last + 1) else {
        return false;
    };
    let word = next.surface.as_str();
    let letters = word.chars().count() >= 3 && word.chars().all(char::is_alphabetic);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let another_language = matches!(
        data.table.longest_at(tokens, last + 1),
        Some((_, Hit::Language(_)))
    );
    let language = before_language
        || !letters
        || data.language_words.contains(next.key.as_str())
        || another_language
        || capitalised && title_cased;
    !language
}

/// `Michael Jordan`, `Chad Smith`, `Mr. Jordan`: a capitalised name right
/// before or after, which is not a sentence opener or a word that commonly
/// follows a country name.
fn beside_a_name(data: &Data, tokens: &Words, i: usize) -> bool {
    let name_like = |t: &words::Word, allowed: &WordSet<&str>| {
        is_title_case(&t.surface) && !allowed.contains(t.surface.as_str())
    };
    let before = i
        .checked_sub(1)
        .filter(|&p| tokens.adjacent(p) || tokens.gap_after(p).trim() == ".")
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| name_like(t, &data.name_before));
    let after = tokens.adjacent(i)
        && tokens
            .get(i + 1)
            .is_some_and(|t| name_like(t, &data.name_after));
    before || after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dateline;
    use std::collections::HashSet;

    #[test]
    fn every_demonym_belongs_to_a_country() {
        let codes: HashSet<&str> = data().countries.iter().map(|c| c.code).collect();
        let rows = data_file!("demonyms.tsv");
        for line in rows.lines().filter(|l| !l.starts_with('#')) {
            let code = line.split('\t').next().unwrap_or("");
            assert!(codes.contains(code), "{line}");
        }
    }

    fn codes_in(title: &str, body: &[&str]) -> Vec<(String, u32)> {
        let body: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let text = Text {
            title,
            body: &body,
            footer: &[],
            dateline: None,
            date: None,
        };
        extract(&text)
            .into_iter()
            .map(|c| (c.code, c.mentions))
            .collect()
    }

    fn codes(body: &str) -> Vec<String> {
        codes_in("", &[body]).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn data_covers_all_iso_codes_once() {
        let data = data();
        let mut seen = HashSet::new();
        for c in &data.countries {
            assert!(seen.insert(c.code), "duplicate {}", c.code);
            assert_eq!(c.code.len(), 2, "{}", c.code);
        }
        assert_eq!(data.countries.len(), 250, "249 ISO codes plus XK");
    }

    #[test]
    fn plain_first_words_read_as_the_words_do() {
        let first = |text: &str| {
            let mut word = None;
            plain_first_word(text, |w| {
                word = Some(String::from_utf8_lossy(w).into_owned());
                true
            });
            word
        };
        assert_eq!(first("Kenya Power"), Some("kenya".to_string()));
        assert_eq!(first("UNDP"), Some("undp".to_string()));
        for text in [
            "",
            " Kenya",
            "U.S. aid",
            "Kenya,",
            "Côte",
            "x@y.org",
            "Kenya\u{a0}Power",
        ] {
            assert_eq!(first(text), None, "{text}");
        }
        for text in [
            "Kenya Power",
            "UNDP",
            "The Gambia",
            "the Netherlands",
            "Republic of Korea",
        ] {
            let key = Words::new(text).list.first().map(|w| w.key.to_string());
            if let Some(word) = first(text) {
                assert_eq!(Some(word), key, "{text}");
            }
        }
        assert_eq!(lookup_name("The Gambia").map(|(c, _)| c), Some("GM"));
        assert_eq!(lookup_name("Kenya Power"), None);
    }

    #[test]
    fn lookup_name_finds_written_names() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Austria", Some("AT")),
            ("AUSTRIA", Some("AT")),
            ("I.R.Iran", Some("IR")),
            ("I.R. Iran", Some("IR")),
            ("Islamic Republic of Iran", Some("IR")),
            ("Iran (Islamic Republic of)", Some("IR")),
            ("Türkiye", Some("TR")),
            ("Turkey", Some("TR")),
            ("Czechia", Some("CZ")),
            ("Czech Republic", Some("CZ")),
            ("Eswatini", Some("SZ")),
            ("Swaziland", Some("SZ")),
            ("Myanmar", Some("MM")),
            ("Burma", Some("MM")),
            ("Côte d'Ivoire", Some("CI")),
            ("Cote d’Ivoire", Some("CI")),
            ("Ivory Coast", Some("CI")),
            ("North Macedonia", Some("MK")),
            ("FYROM", Some("MK")),
            ("Lao PDR", Some("LA")),
            ("Laos", Some("LA")),
            ("DRC", Some("CD")),
            ("Democratic Republic of the Congo", Some("CD")),
            ("Congo-Kinshasa", Some("CD")),
            ("Republic of the Congo", Some("CG")),
            ("UK", Some("GB")),
            ("U.K.", Some("GB")),
            ("Great Britain", Some("GB")),
            ("United Kingdom", Some("GB")),
            ("US", Some("US")),
            ("U.S.", Some("US")),
            ("USA", Some("US")),
            ("United States of America", Some("US")),
            ("Russian Federation", Some("RU")),
            ("Syrian Arab Republic", Some("SY")),
            ("Viet Nam", Some("VN")),
            ("Vietnam", Some("VN")),
            ("Republic of Korea", Some("KR")),
            ("South Korea", Some("KR")),
            ("DPRK", Some("KP")),
            ("North Korea", Some("KP")),
            ("Holy See", Some("VA")),
            ("State of Palestine", Some("PS")),
            ("Kosovo", Some("XK")),
            ("Bolivia (Plurinational State of)", Some("BO")),
            ("Venezuela (Bolivarian Republic of)", Some("VE")),
            ("Republic of Moldova", Some("MD")),
            ("United Republic of Tanzania", Some("TZ")),
            ("the Netherlands", Some("NL")),
            ("The Gambia", Some("GM")),
            ("Vienna", None),
            ("Iranian", None),
            ("UN Information Service", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(lookup_name(name).map(|(c, _)| c), *want, "{name}");
        }
        assert_eq!(lookup_name("AUSTRIA"), Some(("AT", "Austria")));
    }

    #[test]
    fn extracts_names_demonyms_and_long_forms() {
        let cases: &[(&str, &[&str])] = &[
            ("Iran's position and Iranian experts", &["IR"]),
            ("Afghan refugees and Afghans", &["AF"]),
            ("Islamic Republic of Afghanistan, Republic of Iraq and Islamic Republic of Pakistan", &["AF", "IQ", "PK"]),
            ("Iraqi and Pakistani officials met Colombian and Guinean experts", &["IQ", "PK", "CO", "GN"]),
            ("Nigerien and Nigerian delegates", &["NE", "NG"]),
            ("Papua New Guinea, Guinea-Bissau, Equatorial Guinea", &["PG", "GW", "GQ"]),
            ("Niger is not Nigeria", &["NE", "NG"]),
            ("the Dominican Republic and Dominica", &["DO", "DM"]),
            ("Republic of Korea and Democratic People's Republic of Korea", &["KR", "KP"]),
            ("South Sudan and Sudan", &["SS", "SD"]),
            ("Ministry of Foreign Affairs of the Islamic Republic of Iran", &["IR"]),
            ("the United States Department of State", &["US"]),
            ("the U.S. and the UK", &["US", "GB"]),
            ("officials from the DRC and Lao PDR", &["CD", "LA"]),
            ("Türkiye, Czechia and Côte d’Ivoire", &["TR", "CZ", "CI"]),
            ("Cote d'Ivoire and Ivory Coast", &["CI"]),
            ("Jordan has ratified it; Chad too", &["JO", "TD"]),
            ("Amman, Jordan", &["JO"]),
            ("the Government of Georgia", &["GE"]),
            ("Tbilisi, Georgia", &["GE"]),
            ("St. Lucia and Saint Kitts and Nevis", &["LC", "KN"]),
            ("the French Government and Russian authorities", &["FR", "RU"]),
            ("panels built by the French shipyard Piriou", &["FR"]),
            ("Nutriset, a French manufacturer, and Chinese lending", &["FR", "CN"]),
            ("funded by the Danish Refugee Council", &["DK"]),
            ("Chinese-made drones and Latvian officers", &["CN", "LV"]),
            ("Germans and Italians", &["DE", "IT"]),
            ("Viet Nam and the Syrian Arab Republic", &["VN", "SY"]),
        ];
        for (text, want) in cases {
            assert_eq!(codes(text), *want, "{text}");
        }
    }

    #[test]
    fn ignores_false_friends() {
        let cases: &[(&str, &[&str])] = &[
            ("He moved to Atlanta, Georgia last year", &[]),
            ("a firm in Georgia, USA", &["US"]),
            ("the state of Georgia passed a law", &[]),
            ("Michael Jordan and Chad Smith spoke", &[]),
            ("Mr. Jordan said", &[]),
            ("piracy in the Gulf of Guinea", &[]),
            ("Guinea worm cases fell in Chad", &["TD"]),
            ("GUINEA WORM ERADICATION and guinea pigs", &[]),
            ("Guinea-worm disease", &[]),
            ("Guinea and the Guinea worm", &["GN"]),
            ("Brazil nuts from Brazil", &["BR"]),
            ("oil in the Niger Delta", &[]),
            ("the shrinking Lake Chad", &[]),
            ("along the Niger River", &[]),
            ("the report is available in French, Arabic and Spanish", &[]),
            ("the French version and the Spanish text", &[]),
            ("translated into French by volunteers", &[]),
            ("she speaks Swedish fluently", &[]),
            ("French-speaking schools", &[]),
            ("a course in Portuguese for nurses", &[]),
            ("Greek and Latin words", &[]),
            ("Greek, Latin and Hebrew", &[]),
            ("in English and French only", &[]),
            ("ferries across the Irish Sea", &[]),
            ("the Somali Region and the Afar Region", &[]),
            ("French Lessons For Nurses In Dakar", &[]),
            ("European and sub-Saharan partners", &[]),
            ("a grant of US$ 5 million", &[]),
            ("paid in US dollars", &[]),
            ("UNODC CALLS ON ALL OF US TO ACT", &[]),
            ("roast turkey and guinea pigs from china", &[]),
            ("the Vienna Declaration", &[]),
            ("Contact info@iran.org or www.austria.info", &[]),
            ("Latin America and the Indian Ocean", &[]),
            ("Nigeria's Niger Delta", &["NG"]),
        ];
        for (text, want) in cases {
            assert_eq!(codes(text), *want, "{text}");
        }
    }

    #[test]
    fn all_caps_headline_still_names_countries() {
        assert_eq!(codes("IRAN AND UNODC TO INCREASE COOPERATION"), vec!["IR"]);
        assert_eq!(
            codes("Jordan Hosts Regional Meeting On Trafficking"),
            vec!["JO"]
        );
    }

    #[test]
    fn dateline_country_counts_but_city_alone_does_not() {
        let dateline = |raw: &str| Dateline {
            raw: raw.to_string(),
            city: Some("Vienna".into()),
            country: Some("AT".into()),
        };
        let body = vec!["Text.".to_string()];
        for (raw, want) in [
            ("Vienna, Austria - 17 April 2019", vec!["AT"]),
            ("VIENNA, 14 September (UN Information Service)", vec![]),
            ("Tehran (I.R.Iran), 2 November 2020", vec!["IR"]),
        ] {
            let d = dateline(raw);
            let text = Text {
                title: "",
                body: &body,
                footer: &[],
                dateline: Some(&d),
                date: None,
            };
            let got: Vec<String> = extract(&text).into_iter().map(|c| c.code).collect();
            assert_eq!(got, want, "{raw}");
        }
    }

    #[test]
    fn seed_release_gives_its_five_countries() {
        let seed = include_str!("../../../../releases/000_34e2bc8e785f3bd9.txt");
        let mut paragraphs = seed.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
        let title = paragraphs.next().unwrap_or_default();
        let body: Vec<String> = paragraphs
            .map(|p| p.replacen("Vienna, Austria - 17 April 2019 - ", "", 1))
            .collect();
        let d = Dateline {
            raw: "Vienna, Austria - 17 April 2019".into(),
            city: Some("Vienna".into()),
            country: Some("AT".into()),
        };
        let text = Text {
            title,
            body: &body,
            footer: &[],
            dateline: Some(&d),
            date: None,
        };
        let got = extract(&text);
        let mut codes: Vec<&str> = got.iter().map(|c| c.code.as_str()).collect();
        codes.sort_unstable();
        assert_eq!(codes, ["AF", "AT", "IQ", "IR", "PK"]);
        assert_eq!(
            got.first().map(|c| c.code.as_str()),
            Some("IR"),
            "ordered by first appearance"
        );
        let at = got.iter().find(|c| c.code == "AT");
        assert_eq!(at.map(|c| c.mentions), Some(1));
        let ir = got.iter().find(|c| c.code == "IR");
        assert!(
            ir.is_some_and(|c| c.mentions >= 9 && c.name == "Iran"),
            "{ir:?}"
        );
    }

    #[test]
    fn mentions_are_counted_across_pieces() {
        assert_eq!(
            codes_in("Iran and UNODC", &["Iran's role", "Iranian experts"]),
            vec![("IR".to_string(), 3)]
        );
    }
}
