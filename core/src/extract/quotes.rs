//! Quotations in the body and who said them.
//!
//! Quotation marks are paired within a paragraph (`"…"`, `“…”`, `«…»`, and
//! `‘…’` or `'…'` when attributed). One quotation is one quote even when interrupted by
//! its attribution (`"A," she said. "B."`) or carried into the next paragraph
//! (an unclosed quote followed by a paragraph opening with a quote mark). The
//! speaker comes from a speech verb in the same sentence: before the quote
//! (`X said, "…"`, `according to X, "…"`) or after it (`"…," X said`).
//! Scare quotes, labels, titles, slogans and HTML attribute values are skipped.

use foldhash::HashMap;
use std::sync::OnceLock;

use super::people::{data_lines, lexicon, surname};
use super::tokens::{
    is_sentence_end, is_title_case, norm, squash, tokenize, with_norm, Kind, Token,
};
use super::Text;
use crate::model::{Organisation, Person, Quote};
use crate::text::{bytes_before_flag, bytes_between, word_at, WordSet};

/// Words that make nearby quotation marks a label rather than speech.
fn label_markers() -> &'static WordSet<String> {
    static MARKERS: OnceLock<WordSet<String>> = OnceLock::new();
    MARKERS.get_or_init(|| {
        data_lines(data_file!("quotes_label_markers.txt"))
            .map(norm)
            .collect()
    })
}

/// Quoted text shorter than this needs its speech verb right next to it.
const SHORT_QUOTE_WORDS: usize = 4;
/// How many words may separate a speech verb from the quote it introduces.
const MAX_VERB_GAP_WORDS: usize = 6;
/// How far after a quote its speech verb may come (`"…", X, Head of Y at Z, said`).
const MAX_AFTER_WORDS: usize = 20;

/// One stretch of quoted text inside a paragraph (byte offsets).
#[derive(Debug, Clone, Copy)]
struct Segment {
    para: usize,
    open: usize,
    inner_start: usize,
    inner_end: usize,
    /// Byte after the closing mark; `None` when the quote runs to the paragraph end.
    close_end: Option<usize>,
    /// Single quotes (`‘…’`, `'…'`): only speech when attributed.
    single: bool,
}

/// Who is named where: a person, an organisation, or a pronoun to resolve.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    Speaker(String),
    Pronoun,
    Organisation(String),
    /// `a mother of four`, `one survivor`: a person left unnamed.
    Unnamed,
    /// `the agency`: the organisation that spoke last, else the one named
    /// last whose name holds the noun (lowercase).
    OrgAnaphor(String),
    /// `the commissioner`: the person named last whose role holds the noun.
    RoleAnaphor(String),
}

/// A speaker as it can be written: its words and the label it is reported under.
struct Name {
    words: Vec<String>,
    label: String,
    is_person: bool,
}

/// An attribution found next to a quote: the speaker (None when unnamed) and
/// whether the speech verb touches the quote.
#[derive(Debug, Clone)]
struct Attribution {
    speaker: Option<String>,
    adjacent: bool,
}

struct Reader<'a> {
    paras: Vec<&'a str>,
    tokens: &'a [Vec<Token<'a>>],
    /// In text order: by paragraph, then by position (the stretches of one
    /// paragraph never overlap).
    segments: Vec<Segment>,
    names: Vec<Name>,
    /// Indexes into `names` by first word, in `names` order.
    names_by_first: HashMap<String, Vec<usize>>,
    /// The first bytes of the keys of `names_by_first`: most tokens (lower
    /// case) are told they open no name without hashing them.
    name_first_bytes: [bool; 256],
    /// The first bytes a mention may open with ([`Reader::mention_at`]):
    /// a name's, one of [`PRONOUNS`] or of [`INDEFINITES`]; most tokens
    /// open with none.
    mention_first_bytes: [bool; 256],
    /// Some name has no words at all (matches everywhere with length 0).
    empty_name: bool,
    /// Person mentions outside quotes, in text order: (paragraph, byte,
    /// name); no name for a person left unnamed (`a young man`).
    person_mentions: Vec<(usize, usize, Option<String>)>,
    /// Organisations named as the subject of a speech verb (`Frontex said`),
    /// outside quotes, in text order: (paragraph, byte, label).
    org_speakers: Vec<(usize, usize, String)>,
    /// Every organisation named outside quotes, in text order: (paragraph,
    /// byte, label).
    org_mentions: Vec<(usize, usize, String)>,
    /// Each person's role, lowercased.
    roles: HashMap<String, String>,
    /// Each organisation's written forms (name, acronym) with its name, for
    /// `the bank said` (the noun read in the name).
    org_names: HashMap<String, String>,
    /// The speaker of a statement's unattributed quotations, when the title
    /// says the release is one (`statement_speaker`).
    statement: Option<Option<String>>,
}

/// Quotes in the body, each attributed to a `people[].name`, an organisation
/// name, or null.
pub fn extract(text: &Text, people: &[Person], organisations: &[Organisation]) -> Vec<Quote> {
    extract_from(text, &super::body_tokens(text), people, organisations)
}

/// [`extract`] with the body paragraphs' tokens ([`super::body_tokens`]).
#[inline(never)] // Out of line so that profiles show each extractor's share.
pub(crate) fn extract_from(
    text: &Text,
    body: &[Vec<Token>],
    people: &[Person],
    organisations: &[Organisation],
) -> Vec<Quote> {
    let segments: Vec<Segment> = text
        .body
        .iter()
        .enumerate()
        .flat_map(|(i, p)| find_segments(p, i))
        .collect();
    // No quotation mark, no quote.
    if segments.is_empty() {
        return Vec::new();
    }
    let mut reader = Reader::new(text.body, body, segments, people, organisations);
    reader.statement = statement_speaker(text.title, people, organisations);
    reader.quotes()
}

/// Title words that open a statement's speaker (`Statement by UNICEF
/// Executive Director Catherine Russell on …`, then paragraphs that each
/// open with a quote mark): a noun, then `by`, `from` or `of`, or
/// `attributable to` (`Statement attributable to the Spokesperson …`).
const STATEMENT_NOUNS: [&str; 4] = ["statement", "remarks", "message", "op-ed"];

/// What follows a statement's cue in `title` (see [`STATEMENT_NOUNS`]).
/// Read word by word: a substring search per cue cost more than the rest of
/// the quotes extractor on titles that have none.
fn statement_rest(title: &str) -> Option<&str> {
    let mut words = title
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start + w.len(), w))
        })
        .filter(|(_, w)| !w.is_empty());
    while let Some((_, word)) = words.next() {
        if !STATEMENT_NOUNS.iter().any(|n| word.eq_ignore_ascii_case(n)) {
            continue;
        }
        let mut ahead = words.clone();
        let end = match ahead.next() {
            Some((end, w))
                if ["by", "from", "of"]
                    .iter()
                    .any(|c| w.eq_ignore_ascii_case(c)) =>
            {
                end
            }
            Some((_, w)) if w.eq_ignore_ascii_case("attributable") => match ahead.next() {
                Some((end, w)) if w.eq_ignore_ascii_case("to") => end,
                _ => continue,
            },
            _ => continue,
        };
        return title.get(end..);
    }
    None
}

/// The speaker a statement's title names: `None` when the title is no
/// statement's, `Some(None)` when it names no one person or organisation
/// (`Statement by the Spokesperson for the Secretary-General`, a joint one).
fn statement_speaker(
    title: &str,
    people: &[Person],
    organisations: &[Organisation],
) -> Option<Option<String>> {
    let rest = statement_rest(title)?;
    let persons: Vec<&str> = people
        .iter()
        .map(|p| p.name.as_str())
        .filter(|name| names_word_run(rest, name))
        .collect();
    if !persons.is_empty() {
        return Some((persons.len() == 1).then(|| persons[0].to_string()));
    }
    // An organisation speaks under the form the title writes.
    let forms: Vec<&str> = organisations
        .iter()
        .filter_map(|o| {
            [o.acronym.as_deref(), o.name.as_deref()]
                .into_iter()
                .flatten()
                .find(|form| names_word_run(rest, form))
        })
        .collect();
    Some((forms.len() == 1).then(|| forms[0].to_string()))
}

/// Whether `text` holds `name` between non-word characters.
fn names_word_run(text: &str, name: &str) -> bool {
    !name.is_empty()
        && text.match_indices(name).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

impl<'a> Reader<'a> {
    fn new(
        body: &'a [String],
        tokens: &'a [Vec<Token<'a>>],
        segments: Vec<Segment>,
        people: &[Person],
        organisations: &[Organisation],
    ) -> Self {
        let paras: Vec<&str> = body.iter().map(String::as_str).collect();
        let names = speaker_names(people, organisations);
        let mut names_by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, name) in names.iter().enumerate() {
            if let Some(first) = name.words.first() {
                names_by_first.entry(first.clone()).or_default().push(k);
            }
        }
        let mut name_first_bytes = [false; 256];
        for first in names_by_first.keys() {
            if let Some(&b) = first.as_bytes().first() {
                name_first_bytes[usize::from(b)] = true;
            }
        }
        let mut mention_first_bytes = name_first_bytes;
        for word in PRONOUNS.iter().chain(&INDEFINITES) {
            if let Some(&b) = word.as_bytes().first() {
                mention_first_bytes[usize::from(b)] = true;
            }
        }
        let empty_name = names.iter().any(|n| n.words.is_empty());
        let mut reader = Reader {
            paras,
            tokens,
            segments,
            names,
            names_by_first,
            name_first_bytes,
            mention_first_bytes,
            empty_name,
            person_mentions: Vec::new(),
            org_speakers: Vec::new(),
            org_mentions: Vec::new(),
            roles: people
                .iter()
                .filter_map(|p| Some((p.name.clone(), p.role.as_deref()?.to_lowercase())))
                .collect(),
            org_names: organisations
                .iter()
                .filter_map(|o| {
                    let name = o.name.as_deref()?;
                    let forms = [Some(name), o.acronym.as_deref()];
                    Some(
                        forms
                            .into_iter()
                            .flatten()
                            .map(|f| (f.to_string(), name.to_string())),
                    )
                })
                .flatten()
                .collect(),
            statement: None,
        };
        (
            reader.person_mentions,
            reader.org_speakers,
            reader.org_mentions,
        ) = reader.find_mentions();
        reader
    }

    /// Person mentions (named or not) and organisations that speak, outside quotes.
    #[allow(clippy::type_complexity)]
    fn find_mentions(
        &self,
    ) -> (
        Vec<(usize, usize, Option<String>)>,
        Vec<(usize, usize, String)>,
        Vec<(usize, usize, String)>,
    ) {
        let mut people = Vec::new();
        let mut speakers = Vec::new();
        let mut mentioned = Vec::new();
        let lex = lexicon();
        for (p, tokens) in self.tokens.iter().enumerate() {
            // A person already named in this sentence: `Ana Ruiz, a mother of
            // three,` describes her, it names no one else.
            let mut named_in_sentence = false;
            for i in 0..tokens.len() {
                if is_sentence_end(&tokens[i]) {
                    named_in_sentence = false;
                }
                // Most tokens name no one: asked first, the quotes' segments
                // are searched only for those that do.
                let Some(mention) = self.mention_at(tokens, i) else {
                    continue;
                };
                if self.inside_quote(p, tokens[i].start) {
                    continue;
                }
                match mention {
                    (Who::Speaker(label), true) => {
                        named_in_sentence = true;
                        people.push((p, tokens[i].start, Some(label)));
                    }
                    (Who::Unnamed, _) if !named_in_sentence => {
                        people.push((p, tokens[i].start, None));
                    }
                    (Who::Organisation(label), _) => {
                        let end = i + self.mention_len(tokens, i);
                        let verb = tokens
                            .get(end)
                            .filter(|t| matches!(t.text, "also" | "has" | "have"))
                            .map_or(end, |_| end + 1);
                        if lex.is_speech_at(tokens, verb) {
                            speakers.push((p, tokens[i].start, label.clone()));
                        }
                        mentioned.push((p, tokens[i].start, label));
                    }
                    _ => {}
                }
            }
        }
        (people, speakers, mentioned)
    }

    fn inside_quote(&self, para: usize, at: usize) -> bool {
        // Segments are sorted by (paragraph, start) and those of one paragraph
        // do not overlap: only the last one starting at or before `at` can hold it.
        let after = self
            .segments
            .partition_point(|s| (s.para, s.inner_start) <= (para, at));
        after
            .checked_sub(1)
            .and_then(|k| self.segments.get(k))
            .is_some_and(|s| s.para == para && s.inner_start <= at && at < s.inner_end)
    }

    /// The names whose words are written at token `i`, in `names` order.
    fn names_at<'s>(&'s self, tokens: &'s [Token], i: usize) -> impl Iterator<Item = &'s Name> {
        let words_match = move |name: &&Name| {
            name.words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.text == w))
        };
        let candidates = tokens
            .get(i)
            .filter(|t| {
                let first = t.text.as_bytes().first();
                first.is_some_and(|&b| self.name_first_bytes[usize::from(b)])
            })
            .and_then(|t| self.names_by_first.get(t.text))
            .map_or(&[][..], Vec::as_slice);
        candidates
            .iter()
            .filter_map(|&k| self.names.get(k))
            .filter(words_match)
    }

    /// The speaker or pronoun named at token `i`, and whether it is a person.
    fn mention_at(&self, tokens: &[Token], i: usize) -> Option<(Who, bool)> {
        let t = tokens.get(i)?;
        if !t
            .text
            .as_bytes()
            .first()
            .is_some_and(|&b| self.mention_first_bytes[usize::from(b)])
        {
            return None;
        }
        if t.is_word() && PRONOUNS.contains(&t.text) {
            return Some((Who::Pronoun, false));
        }
        if is_unnamed_person(tokens, i) {
            // "a spokesperson for Frontex": the organisation speaks.
            let who = self
                .spokesperson_for(tokens, i)
                .map_or(Who::Unnamed, Who::Organisation);
            return Some((who, false));
        }
        let name = self.names_at(tokens, i).max_by_key(|n| n.words.len())?;
        let who = if name.is_person {
            Who::Speaker(name.label.clone())
        } else {
            Who::Organisation(name.label.clone())
        };
        Some((who, name.is_person))
    }

    /// `a spokesperson for Frontex`, `a spokeswoman of the EU`: the
    /// organisation named right after the spokesperson noun (token `i` is the
    /// article); None when the spokesperson is no organisation's.
    fn spokesperson_for(&self, tokens: &[Token], i: usize) -> Option<String> {
        let noun = (i + 1..i + 4).find(|&k| {
            tokens
                .get(k)
                .is_some_and(|t| matches!(t.text, "spokesperson" | "spokesman" | "spokeswoman"))
        })?;
        if !tokens
            .get(noun + 1)
            .is_some_and(|t| matches!(t.text, "for" | "of"))
        {
            return None;
        }
        let at = if tokens.get(noun + 2).is_some_and(is_determiner) {
            noun + 3
        } else {
            noun + 2
        };
        self.names_at(tokens, at)
            .filter(|n| !n.is_person)
            .max_by_key(|n| n.words.len())
            .map(|n| n.label.clone())
    }

    /// The person named most recently before a byte of a paragraph (none
    /// when that person was left unnamed).
    fn latest_person(&self, para: usize, at: usize) -> Option<String> {
        // In text order: the last one before (para, at).
        let before = self
            .person_mentions
            .partition_point(|(p, pos, _)| (*p, *pos) < (para, at));
        before
            .checked_sub(1)
            .and_then(|k| self.person_mentions.get(k))
            .and_then(|(_, _, name)| name.clone())
    }

    /// The organisation that spoke most recently before a byte of a
    /// paragraph, in the same or the previous paragraph (`Frontex said ...
    /// "...," the agency said`).
    fn latest_org_speaker(&self, para: usize, at: usize) -> Option<String> {
        let before = self
            .org_speakers
            .partition_point(|(p, pos, _)| (*p, *pos) < (para, at));
        before
            .checked_sub(1)
            .and_then(|k| self.org_speakers.get(k))
            .filter(|(p, _, _)| p + 1 >= para)
            .map(|(_, _, label)| label.clone())
    }

    /// The organisation named last before a byte of a paragraph, in the same
    /// paragraph (`The DEA welcomed the arrests. "...," the agency said`).
    fn latest_org_mention(&self, para: usize, at: usize) -> Option<String> {
        let before = self
            .org_mentions
            .partition_point(|(p, pos, _)| (*p, *pos) < (para, at));
        before
            .checked_sub(1)
            .and_then(|k| self.org_mentions.get(k))
            .filter(|(p, _, _)| *p == para)
            .map(|(_, _, label)| label.clone())
    }

    /// The organisation named first before a byte of a paragraph whose
    /// name holds `noun` (`the bank said` paragraphs after the
    /// Inter-American Development Bank was named): the release's own
    /// organisation is usually named first.
    fn first_org_named(&self, noun: &str, para: usize, at: usize) -> Option<String> {
        let before = self
            .org_mentions
            .partition_point(|(p, pos, _)| (*p, *pos) < (para, at));
        self.org_mentions[..before]
            .iter()
            .map(|(_, _, label)| label)
            .find(|label| self.is_kind(label, noun))
            .cloned()
    }

    /// `the charity said` in a paragraph naming no organisation, none of
    /// the release's names holding the noun: the organisation named first
    /// in the release (the release's own), for nouns any kind of body is
    /// called (charity, organisation, group, NGO).
    fn first_org_of_release(&self, noun: &str, para: usize, at: usize) -> Option<String> {
        if !matches!(
            noun,
            "charity" | "organisation" | "organization" | "group" | "ngo" | "non-profit"
        ) {
            return None;
        }
        let before = self
            .org_mentions
            .partition_point(|(p, pos, _)| (*p, *pos) < (para, at));
        self.org_mentions[..before]
            .first()
            .map(|(_, _, label)| label.clone())
    }

    /// The organisation named last before a byte of a paragraph, in that
    /// paragraph, that is what `noun` says.
    fn latest_org_mention_holding(&self, noun: &str, para: usize, at: usize) -> Option<String> {
        let before = self
            .org_mentions
            .partition_point(|(p, pos, _)| (*p, *pos) < (para, at));
        self.org_mentions[..before]
            .iter()
            .rev()
            .take_while(|(p, _, _)| *p == para)
            .map(|(_, _, label)| label)
            .find(|label| self.is_kind(label, noun))
            .cloned()
    }

    /// The organisation written `label` is a `noun`: its name holds the
    /// noun (`the bank`: the Inter-American Development Bank); an agency is
    /// also a body of the United Nations (`the agency`: the Food and
    /// Agriculture Organization of the United Nations, the UN Population Fund).
    fn is_kind(&self, label: &str, noun: &str) -> bool {
        self.org_names.get(label).is_some_and(|name| {
            let mut words = name.split(|c: char| !c.is_alphanumeric());
            let un =
                noun == "agency" && (name.contains("United Nations") || name.starts_with("UN "));
            // `the company`: a name ending on a company's legal form
            // (`Kestrel Commodities Holding AG`, `Acme Ltd`).
            let company = noun == "company"
                && name
                    .rsplit(' ')
                    .next()
                    .is_some_and(crate::extract::organisations::is_legal_form);
            un || company || words.any(|w| w.eq_ignore_ascii_case(noun))
        })
    }

    /// Token indexes of a paragraph lying within a byte range.
    fn token_range(&self, para: usize, from: usize, to: usize) -> std::ops::Range<usize> {
        // Tokens are in text order.
        let tokens = &self.tokens[para];
        let first = tokens.partition_point(|t| t.start < from);
        let last = tokens.partition_point(|t| t.start < to);
        first..last.max(first)
    }

    fn quotes(&self) -> Vec<Quote> {
        let mut quotes = Vec::new();
        // (last paragraph of the previous accepted quote, its speaker)
        let mut previous: Option<(usize, Option<String>)> = None;
        for group in self.groups() {
            let Some(quote) = self.quote(&group, previous.as_ref()) else {
                continue;
            };
            let last_para = group.last().map_or(0, |&i| self.segments[i].para);
            previous = Some((last_para, quote.speaker.clone()));
            quotes.push(quote);
        }
        quotes
    }

    /// Segments joined into quotations: interrupted or carried over paragraphs.
    fn groups(&self) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in 0..self.segments.len() {
            if let Some(group) = groups.last_mut() {
                if group.last().is_some_and(|&prev| self.continues(prev, i)) {
                    group.push(i);
                    continue;
                }
            }
            groups.push(vec![i]);
        }
        groups
    }

    fn continues(&self, prev: usize, next: usize) -> bool {
        let (a, b) = (self.segments[prev], self.segments[next]);
        match a.close_end {
            None => b.para == a.para + 1 && b.open == leading_space(self.paras[b.para]),
            Some(close) => b.para == a.para && self.is_interruption(a, close, b.open),
        }
    }

    /// `"A," X added. "B"` or `"A", she said, "B"`: the words between two
    /// quotes only attribute the first, which ended on a comma.
    fn is_interruption(&self, a: Segment, close: usize, open: usize) -> bool {
        let range = self.token_range(a.para, close, open);
        let gap = &self.tokens[a.para][range.clone()];
        let words = gap.iter().filter(|t| t.is_word()).count();
        let ends_on_comma =
            ends_on_comma(self.paras[a.para], a) || gap.first().is_some_and(|t| t.text == ",");
        let inner_stop = gap.iter().rev().skip(1).any(is_sentence_end);
        // `she said, "` or `Waly added. "`, not `adding that the so-called "`
        let hands_back = gap
            .last()
            .is_some_and(|t| matches!(t.text, "," | "." | ":" | ";" | "—" | "–"));
        ends_on_comma
            && hands_back
            && words <= MAX_AFTER_WORDS
            && !inner_stop
            && self.after(a.para, range, true).is_some()
    }

    fn quote(&self, group: &[usize], previous: Option<&(usize, Option<String>)>) -> Option<Quote> {
        let segs: Vec<Segment> = group.iter().map(|&i| self.segments[i]).collect();
        let first = *segs.first()?;
        if self.is_label(&segs) {
            return None;
        }
        let parts: Vec<String> = segs
            .iter()
            .map(|&s| inner_text(self.paras[s.para], s))
            .collect();
        let text = squash(&join_parts(&parts));
        // Counted only as far as the comparisons below read.
        let words = text.split_whitespace().take(SHORT_QUOTE_WORDS + 1).count();
        if words == 0 {
            return None;
        }
        let attribution = self.attribution(group);
        let speaker = match attribution {
            Some(a) if words > SHORT_QUOTE_WORDS || a.adjacent => {
                if looks_like_title(&text) && !a.adjacent {
                    return None;
                }
                a.speaker
            }
            Some(_) => return None, // a scare quote near an unrelated verb
            None => {
                // Classic press style: a paragraph made of a quote continues the
                // speaker of the quote just before it.
                let opens_para = first.open == leading_space(self.paras[first.para]);
                let follows =
                    previous.filter(|(para, _)| *para + 1 == first.para || *para == first.para);
                match follows {
                    Some((_, speaker))
                        if opens_para
                            && !segs.iter().any(|s| s.single)
                            && words > SHORT_QUOTE_WORDS =>
                    {
                        speaker.clone()
                    }
                    _ if !segs.iter().any(|s| s.single) && words > SHORT_QUOTE_WORDS => {
                        let reported = self.reported_before(first).or_else(|| {
                            opens_para
                                .then(|| self.reported_in_paragraph_before(first))
                                .flatten()
                        });
                        // A statement's paragraphs of quotation are its speaker's.
                        reported.or_else(|| self.statement.clone().filter(|_| opens_para))?
                    }
                    _ => return None,
                }
            }
        };
        Some(Quote { text, speaker })
    }

    /// `X said the roads would open in May. "We waited twenty years."`: a
    /// quotation opening a sentence right after a sentence whose speech verb
    /// has a subject is that subject's (an unnamed one gives `Some(None)`);
    /// None when the sentence before reports no one.
    fn reported_before(&self, first: Segment) -> Option<Option<String>> {
        let tokens = &self.tokens[first.para];
        let before = self.token_range(first.para, 0, first.open);
        let stop = before.end.checked_sub(1)?;
        if !is_sentence_end(tokens.get(stop)?) {
            return None;
        }
        self.reporter(first.para, stop)
    }

    /// The speaker of the sentence of paragraph `para` that ends at token
    /// `stop`: the subject of its first speech verb outside quotation marks
    /// (an unnamed one gives `Some(None)`).
    fn reporter(&self, para: usize, stop: usize) -> Option<Option<String>> {
        let tokens = &self.tokens[para];
        let start = tokens[..stop]
            .iter()
            .rposition(is_sentence_end)
            .map_or(0, |k| k + 1);
        let lex = lexicon();
        let verb = (start..stop).find(|&k| {
            lex.is_speech_verb(&tokens[k]) && !self.inside_quote(para, tokens[k].start)
        })?;
        let who = self.subject(para, start..verb)?;
        Some(self.resolve(who, para, tokens[verb].start))
    }

    /// `X says the victims were targeted over months.` closing a paragraph
    /// without quotation marks, then a paragraph that opens on a quotation
    /// (`“These are patient criminals. …`): the quotation is the reported
    /// sentence's subject's, as in [`Self::reported_before`].
    fn reported_in_paragraph_before(&self, first: Segment) -> Option<Option<String>> {
        let para = first.para.checked_sub(1)?;
        if self.segments.iter().any(|s| s.para == para) {
            return None;
        }
        let tokens = &self.tokens[para];
        let stop = tokens.len().checked_sub(1)?;
        if !is_sentence_end(tokens.get(stop)?) || tokens[stop].text != "." {
            return None;
        }
        // The paragraph holds no quotation: no verb of it is inside one.
        self.reporter(para, stop)
    }

    /// `the so-called "Balkan route"`, `the "Blue Heart" campaign`.
    fn is_label(&self, segs: &[Segment]) -> bool {
        let markers = label_markers();
        let is_marker = |t: &Token| t.is_word() && with_norm([t.text], |w| markers.contains(w));
        let Some(first) = segs.first() else {
            return false;
        };
        let before = self.token_range(first.para, 0, first.open);
        let tokens = &self.tokens[first.para];
        let word_before = tokens[before.clone()]
            .iter()
            .rposition(|t| !(t.text == "," || t.text == "(" || is_determiner(t)))
            .map(|k| before.start + k);
        // `described the work as "..."` hands over to speech, unlike `known as "..."`.
        let speech = word_before.is_some_and(|k| lexicon().is_speech_at(tokens, k));
        // `According to X, who heads the programme, "...`: the marker ends a
        // relative clause that a comma closes; it names no label.
        // `According to Dr X, the bank's leader for the operation, "...`: an
        // apposition that a comma closes after `according to` names none either.
        let relative = word_before.is_some_and(|k| {
            tokens.get(k + 1).is_some_and(|t| t.text == ",")
                && (tokens[..k]
                    .iter()
                    .rev()
                    .take_while(|t| t.text != "," && !is_sentence_end(t))
                    .any(|t| t.text == "who")
                    || {
                        let from = tokens[..k]
                            .iter()
                            .rposition(is_sentence_end)
                            .map_or(0, |s| s + 1);
                        (from..k).any(|j| is_according_to(tokens, j))
                    })
        });
        // `In her words, "...`: the marker opens an attribution.
        let in_words = word_before.is_some_and(|k| {
            tokens[k].text == "words"
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.text, "," | ":"))
                && tokens[..k]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|t| t.text.eq_ignore_ascii_case("in"))
        });
        // `X added that the operation "sends a clear message"`: a predicate
        // in lower case after a speech verb of the sentence is speech, not
        // the operation's name (asked last: it reads the sentence back).
        let predicate = |k: usize| {
            let inner = self.paras[first.para]
                .get(first.inner_start..first.inner_end)
                .unwrap_or_default();
            inner.starts_with(char::is_lowercase)
                && inner.split_whitespace().nth(SHORT_QUOTE_WORDS).is_some()
                && {
                    let from = tokens[..k]
                        .iter()
                        .rposition(is_sentence_end)
                        .map_or(0, |s| s + 1);
                    (from..k).any(|j| lexicon().is_speech_verb(&tokens[j]))
                }
        };
        if word_before.is_some_and(|k| is_marker(&tokens[k]) && !predicate(k))
            && !speech
            && !relative
            && !in_words
        {
            return true;
        }
        let Some(last) = segs.last() else {
            return false;
        };
        let Some(close) = last.close_end else {
            return false;
        };
        let after = self.token_range(last.para, close, usize::MAX);
        self.tokens[last.para][after].first().is_some_and(is_marker)
    }

    /// The attribution of a quotation: before its first segment, else after one
    /// of its segments.
    fn attribution(&self, group: &[usize]) -> Option<Attribution> {
        let first = self.segments[*group.first()?];
        if let Some(a) = self.before(group[0], first) {
            return Some(a);
        }
        let after = group.iter().find_map(|&i| {
            let seg = self.segments[i];
            let close = seg.close_end?;
            let next_open = self
                .segments
                .get(i + 1)
                .filter(|n| n.para == seg.para)
                .map(|n| n.open);
            let mut range = self.token_range(seg.para, close, next_open.unwrap_or(usize::MAX));
            let tokens = &self.tokens[seg.para];
            if let Some(stop) = tokens[range.clone()].iter().position(is_sentence_end) {
                range.end = range.start + stop;
            } else if next_open.is_some() && group.last().is_none_or(|&last| i >= last) {
                // (A group is a run of consecutive segments: it lacks `i + 1`
                // exactly when `i` is its last.)
                // `"A." X said, "B"`: the words introduce the next quote.
                let comma_after = ends_on_comma(self.paras[seg.para], seg)
                    || tokens.get(range.start).is_some_and(|t| t.text == ",");
                if !comma_after {
                    return None;
                }
            }
            self.after(seg.para, range, false)
        });
        after.or_else(|| self.introduced_by_previous_paragraph(first))
    }

    /// `X said, "`, `X confirmed that "`, `according to X, "`: the sentence
    /// before the opening mark, from its start or the previous quote.
    fn before(&self, index: usize, seg: Segment) -> Option<Attribution> {
        // Segments are grouped by paragraph: the one before, if in the same one.
        let previous_close = index
            .checked_sub(1)
            .and_then(|k| self.segments.get(k))
            .filter(|s| s.para == seg.para)
            .and_then(|s| s.close_end)
            .unwrap_or(0);
        self.before_in(seg.para, previous_close, seg.open)
    }

    /// The attribution in the sentence that ends at byte `to` of a paragraph,
    /// read from byte `from` at most.
    fn before_in(&self, para: usize, from: usize, to: usize) -> Option<Attribution> {
        let tokens = &self.tokens[para];
        let range = self.token_range(para, from, to);
        let sentence_start = tokens[range.clone()]
            .iter()
            .rposition(is_sentence_end)
            .map_or(range.start, |k| range.start + k + 1);
        let window = sentence_start..range.end;
        let lex = lexicon();
        if let Some(a) = self.in_words_attribution(para, window.clone()) {
            return Some(a);
        }
        let Some(verb) = window
            .clone()
            .rev()
            .find(|&k| lex.is_speech_at(tokens, k) || is_according_to(tokens, k))
        else {
            return self.colon_attribution(para, window);
        };
        let according = is_according_to(tokens, verb);
        let (speaker_from, gap_from) = if according {
            (verb + 2, verb + 2)
        } else {
            (verb + 1, verb + 1)
        };
        let gap = tokens.get(gap_from..window.end).unwrap_or_default();
        // `According to Dr X, who heads the programme, "`: a relative clause
        // after the name does not count.
        let mut in_relative = false;
        let gap_words = gap
            .iter()
            .enumerate()
            .filter(|(k, t)| {
                if t.text == "who" && *k > 0 && gap[k - 1].text == "," {
                    in_relative = according;
                } else if t.text == "," {
                    in_relative = false;
                }
                t.is_word() && !in_relative
            })
            .count();
        // `according to the Director of X, Dr Y, "`: the name and its role.
        let max_gap = if according {
            MAX_AFTER_WORDS
        } else {
            MAX_VERB_GAP_WORDS
        };
        // `told IOM staff:`, `said in a statement:`: a speech verb's phrase
        // ending on a colon hands over to the quote.
        let colon =
            window.end > window.start && tokens.get(window.end - 1).is_some_and(|t| t.text == ":");
        // `X said the radar would also find people lost in the forests: "`:
        // indirect speech handing over with a colon, however long, is the
        // speaker's (not adjacent: a short or title-like quote stays a label).
        let long_colon = gap_words > max_gap && colon && !according;
        if gap_words > max_gap && !long_colon {
            return None;
        }
        // `According to X, chief engineer at the board, "...`: the phrase
        // hands over to the quote with its comma, however long the name.
        let adjacent = (colon || gap.iter().all(|t| matches!(t.text, "," | ":" | "that")))
            && !long_colon
            || according
                && window.end > window.start
                && tokens
                    .get(window.end - 1)
                    .is_some_and(|t| matches!(t.text, "," | ":"));
        // `called it "`, `described the plan as "`: the verb opens before the
        // word that hands over to the quote.
        let verb_start = match tokens[verb].text {
            "it" | "as" => (window.start..verb)
                .rev()
                .take(4)
                .find(|&k| {
                    matches!(
                        tokens[k].text,
                        "calling" | "called" | "calls" | "describing" | "described" | "describes"
                    )
                })
                .unwrap_or(verb),
            _ => verb,
        };
        let speaker = if according {
            self.first_mention(para, speaker_from..window.end)
        } else {
            self.subject(para, window.start..verb_start).or_else(|| {
                // `told IOM staff`: whoever follows is the listener.
                (!is_listener_verb(&tokens[verb]))
                    .then(|| self.first_mention(para, speaker_from..window.end))
                    .flatten()
            })
        };
        Some(Attribution {
            speaker: speaker.and_then(|w| self.resolve(w, para, tokens[verb].start)),
            adjacent,
        })
    }

    /// `In her words, "…"`, `In his own words: "…"`, `In the words of Dr X,
    /// "…"`: the sentence before the quote is only that phrase. A pronoun is
    /// the person named last; `of X` names the speaker.
    fn in_words_attribution(
        &self,
        para: usize,
        window: std::ops::Range<usize>,
    ) -> Option<Attribution> {
        let tokens = &self.tokens[para];
        let w = tokens.get(window.clone())?;
        if !w.first()?.text.eq_ignore_ascii_case("in") {
            return None;
        }
        // The phrase ends with a comma or colon right before the quote.
        if !matches!(w.last()?.text, "," | ":") {
            return None;
        }
        let inner = &w[1..w.len() - 1];
        let texts: Vec<&str> = inner.iter().map(|t| t.text).collect();
        let (who, at) = match texts.as_slice() {
            ["his" | "her" | "their", "words" | "view"]
            | ["his" | "her" | "their", "own", "words"] => (Who::Pronoun, window.start + 1),
            // A long role may come first: `In the words of the Belgian
            // Federal Police's liaison officer in Quito, Inspector X, "...`.
            // The person may come after a role with a comma list in it
            // (`the Deputy Minister for Communications, Digital Technology
            // and Innovations, Hon. X,`): the whole phrase is read.
            ["the", "words" | "view", "of", ..] if texts.len() <= 3 + 24 => {
                self.first_mention_within(para, window.start + 4..window.end - 1, 24)?
            }
            _ => return None,
        };
        Some(Attribution {
            speaker: self.resolve((who, at), para, tokens[at].start),
            adjacent: true,
        })
    }

    /// `Dr X, an obstetrician, described conditions in the camps: "`: no
    /// speech verb, but a sentence opening on a person and handing over to
    /// the quote with a colon. Never adjacent, so short or title-like quoted
    /// text stays a label.
    fn colon_attribution(
        &self,
        para: usize,
        window: std::ops::Range<usize>,
    ) -> Option<Attribution> {
        let tokens = &self.tokens[para];
        let last = window.end.checked_sub(1)?;
        if window.start >= window.end || tokens.get(last)?.text != ":" {
            return None;
        }
        let opening = window.start..window.end.min(window.start + 6);
        let (who, k) = opening
            .filter_map(|k| self.mention_at(tokens, k).map(|(who, _)| (who, k)))
            .next()?;
        if !matches!(who, Who::Speaker(_) | Who::Pronoun) {
            return None;
        }
        Some(Attribution {
            speaker: self.resolve((who, k), para, tokens[k].start),
            adjacent: false,
        })
    }

    /// `X, Director of Y, said:` closing one paragraph, the quote opening the
    /// next.
    fn introduced_by_previous_paragraph(&self, first: Segment) -> Option<Attribution> {
        if first.open != leading_space(self.paras[first.para]) {
            return None;
        }
        let para = first.para.checked_sub(1)?;
        if self.tokens[para].last()?.text != ":" {
            return None;
        }
        // After the last quote closed in that paragraph, if any.
        let end = self.segments.partition_point(|s| s.para <= para);
        let from = end
            .checked_sub(1)
            .and_then(|k| self.segments.get(k))
            .filter(|s| s.para == para)
            .and_then(|s| s.close_end)
            .unwrap_or(0);
        let mut attribution = self.before_in(para, from, self.paras[para].len())?;
        attribution.adjacent = true;
        Some(attribution)
    }

    /// `", said X` / `", X said` / `", X, Head of Y, said`: the words after a
    /// closing mark up to the sentence end (`range`).
    fn after(
        &self,
        para: usize,
        range: std::ops::Range<usize>,
        interruption: bool,
    ) -> Option<Attribution> {
        let tokens = &self.tokens[para];
        let lex = lexicon();
        let mut words = 0;
        let mut verb = None;
        for k in range.clone() {
            if lex.is_speech_at(tokens, k) || is_according_to(tokens, k) {
                verb = Some(k);
                break;
            }
            if tokens[k].kind == Kind::Word {
                words += 1;
            }
            if words > MAX_AFTER_WORDS {
                return None;
            }
        }
        let verb = verb?;
        let lead = verb - range.start;
        let adjacent = lead <= 3 || interruption;
        let speaker_from = if is_according_to(tokens, verb) {
            verb + 2
        } else {
            verb + 1
        };
        let speaker = self.subject(para, range.start..verb).or_else(|| {
            (!is_listener_verb(&tokens[verb]))
                .then(|| self.first_mention(para, speaker_from..range.end))
                .flatten()
        });
        Some(Attribution {
            speaker: speaker.and_then(|w| self.resolve(w, para, tokens[verb].start)),
            adjacent,
        })
    }

    /// The subject of a speech verb among the tokens before it: the last person
    /// named, else a pronoun, else an organisation right before the verb.
    fn subject(&self, para: usize, range: std::ops::Range<usize>) -> Option<(Who, usize)> {
        let tokens = &self.tokens[para];
        let mentions: Vec<(Who, usize)> = range
            .clone()
            .filter(|&k| !self.inside_quote(para, tokens[k].start))
            .filter_map(|k| self.mention_at(tokens, k).map(|(who, _)| (who, k)))
            .collect();
        // `X, who came with the Minister of Health, Y, said`: a person named
        // in a relative clause after the subject is not the subject.
        let clause = (range.start + 1..range.end)
            .find(|&i| tokens[i].text == "who" && tokens[i - 1].text == ",");
        let persons = || {
            mentions
                .iter()
                .rev()
                .filter(|(w, _)| matches!(w, Who::Speaker(_)))
        };
        let last_person = persons()
            .find(|(_, k)| clause.is_some_and(|c| *k < c))
            .or_else(|| persons().next());
        // `A mother of four, waiting at the airport, told IOM staff`
        let unnamed = mentions.iter().find(|(w, _)| *w == Who::Unnamed);
        // `A volunteer with the Red Cross said`: a name after a preposition
        // that follows someone unnamed belongs to that description.
        let described = |k: usize| {
            // Back to the name's first word (a surname may be matched alone).
            let mut b = k;
            while b > 0
                && k - b < 4
                && tokens[b - 1].is_word()
                && tokens[b - 1].text.starts_with(char::is_uppercase)
            {
                b -= 1;
            }
            if b > 0 && tokens[b - 1].text == "the" {
                b -= 1;
            }
            b > 0
                && matches!(
                    tokens[b - 1].text,
                    "with" | "at" | "from" | "of" | "for" | "in" | "near"
                )
        };
        let last_person =
            last_person.filter(|(_, k)| unnamed.is_none_or(|(_, u)| u >= k) || !described(*k));
        // `the agency said`
        let anaphor = range
            .end
            .checked_sub(2)
            .filter(|&k| k >= range.start && is_org_anaphor(tokens, k))
            .map(|k| (Who::OrgAnaphor(tokens[k + 1].text.to_lowercase()), k));
        // `"...," it said`: `it` alone after a quote is a body, as `the
        // agency` is.
        let it = range
            .end
            .checked_sub(1)
            .filter(|&k| {
                k >= range.start
                    && tokens[k].text == "it"
                    && tokens[range.start..k].iter().all(|t| !t.is_word())
            })
            .map(|k| (Who::OrgAnaphor("it".to_string()), k));
        // `the commissioner said`, `the deputy minister said`
        let role = range.end.checked_sub(1).and_then(|noun| {
            let at = (1..=2).map(|d| noun.checked_sub(d)).find(|&k| {
                k.is_some_and(|k| k >= range.start && is_role_anaphor(tokens, k, noun))
            })??;
            Some((Who::RoleAnaphor(tokens[noun].text.to_string()), at))
        });
        let pronoun = mentions
            .iter()
            .rev()
            .find(|(w, k)| *w == Who::Pronoun && k + 2 >= range.end);
        let organisation = mentions.iter().rev().find(|(w, k)| {
            matches!(w, Who::Organisation(_)) && self.ends_near(para, *k, range.end)
        });
        last_person
            .or(unnamed)
            .or(pronoun)
            .cloned()
            .or(role)
            .or(anaphor)
            .or(it)
            .or_else(|| organisation.cloned())
    }

    /// Whether the name starting at token `k` ends right before token `end`
    /// (an `also` or `has` may stand between: `UNODC has said`).
    fn ends_near(&self, para: usize, k: usize, end: usize) -> bool {
        let tokens = &self.tokens[para];
        let len = self.mention_len(tokens, k);
        let mut from = k + len;
        // `The Financial Intelligence Unit (FIU) said`: the bracketed acronym
        // after the name is passed over.
        if tokens.get(from).is_some_and(|t| t.text == "(") {
            if let Some(close) = tokens
                .get(from + 1..end.min(from + 4))
                .and_then(|w| w.iter().position(|t| t.text == ")"))
            {
                from += close + 2;
            }
        }
        let between = tokens.get(from..end).unwrap_or_default();
        between.len() <= 1
            && between
                .iter()
                .all(|t| matches!(t.text, "also" | "has" | "have" | "further"))
    }

    fn mention_len(&self, tokens: &[Token], i: usize) -> usize {
        // A name without words matches anywhere with length 0.
        let empty = self.empty_name.then_some(0);
        self.names_at(tokens, i)
            .map(|n| n.words.len())
            .chain(empty)
            .max()
            .unwrap_or(1)
    }

    /// The speaker named after a speech verb (`said OSCE Secretary General
    /// Thomas Greminger`): a person within a role's length, else whoever is
    /// named right after the verb (`said UNODC`, `said the EU`).
    fn first_mention(&self, para: usize, range: std::ops::Range<usize>) -> Option<(Who, usize)> {
        self.first_mention_within(para, range, 12)
    }

    /// [`Self::first_mention`] among the first `reach` tokens of `range`.
    fn first_mention_within(
        &self,
        para: usize,
        range: std::ops::Range<usize>,
        reach: usize,
    ) -> Option<(Who, usize)> {
        let tokens = &self.tokens[para];
        let near = range.start..range.end.min(range.start + reach).min(tokens.len());
        let mentions: Vec<(Who, usize)> = near
            .filter_map(|k| self.mention_at(tokens, k).map(|(who, _)| (who, k)))
            .collect();
        let person = mentions.iter().find(|(w, _)| matches!(w, Who::Speaker(_)));
        let adjacent = mentions.first().filter(|(_, k)| {
            *k == range.start || *k == range.start + 1 && is_determiner(&tokens[range.start])
        });
        person
            .cloned()
            .or_else(|| adjacent.and_then(|a| self.person_after_long_role(para, a, &range)))
            .or_else(|| adjacent.cloned())
    }

    /// `said ADB Director for Agriculture, Food, Nature, and Rural
    /// Development in Southeast Asia, Aiko Morimoto`: a body opening a role
    /// too long for the usual reach, the person named after the role's
    /// closing comma, in the same sentence.
    fn person_after_long_role(
        &self,
        para: usize,
        (org, at): &(Who, usize),
        range: &std::ops::Range<usize>,
    ) -> Option<(Who, usize)> {
        let tokens = &self.tokens[para];
        if !matches!(org, Who::Organisation(_)) {
            return None;
        }
        let after = at + self.mention_len(tokens, *at);
        if !tokens.get(after).is_some_and(|t| lexicon().is_role_word(t)) {
            return None;
        }
        let end = range.end.min(after + LONG_ROLE_REACH).min(tokens.len());
        (after + 1..end)
            .take_while(|&k| tokens[k].is_word() || tokens[k].text == ",")
            .filter(|&k| tokens[k - 1].text == ",")
            .find_map(|k| match self.mention_at(tokens, k) {
                Some((who @ Who::Speaker(_), _)) => Some((who, k)),
                _ => None,
            })
    }

    /// The reported speaker for a mention: pronouns become the person named last.
    fn resolve(&self, (who, _): (Who, usize), para: usize, at: usize) -> Option<String> {
        match who {
            Who::Speaker(name) | Who::Organisation(name) => Some(name),
            Who::Pronoun => self.latest_person(para, at),
            Who::Unnamed => None,
            // An organisation that spoke, unless it is not what the noun
            // says and one named before is (`the consortium` after a
            // federation spoke); else one named in the paragraph that is
            // what the noun says (`the agency`, a name holding `Agency`, or
            // a UN body); else the first such one named before; else the
            // one named last in the paragraph.
            Who::OrgAnaphor(noun) => {
                let of_kind = || {
                    self.latest_org_mention_holding(&noun, para, at)
                        .or_else(|| self.first_org_named(&noun, para, at))
                };
                match self.latest_org_speaker(para, at) {
                    Some(spoke) if self.is_kind(&spoke, &noun) => Some(spoke),
                    Some(spoke) => of_kind().or(Some(spoke)),
                    None => of_kind()
                        .or_else(|| self.latest_org_mention(para, at))
                        .or_else(|| self.first_org_of_release(&noun, para, at)),
                }
            }
            Who::RoleAnaphor(noun) => self.latest_with_role(&noun, para, at),
        }
    }

    /// The person named last before (para, at) whose role holds `noun`.
    fn latest_with_role(&self, noun: &str, para: usize, at: usize) -> Option<String> {
        let before = self
            .person_mentions
            .partition_point(|(p, pos, _)| (*p, *pos) < (para, at));
        self.person_mentions[..before]
            .iter()
            .rev()
            .filter_map(|(_, _, name)| name.as_ref())
            .find(|name| {
                self.roles
                    .get(*name)
                    .is_some_and(|role| role.split(|c: char| !c.is_alphabetic()).any(|w| w == noun))
            })
            .cloned()
    }
}

fn is_according_to(tokens: &[Token], k: usize) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("according"))
        && tokens.get(k + 1).is_some_and(|t| t.text == "to")
}

/// Verbs whose object is the listener, never the speaker (`told IOM staff`).
fn is_listener_verb(t: &Token) -> bool {
    matches!(
        t.text,
        "told" | "tells" | "tell" | "telling" | "informed" | "assured" | "reminded"
    )
}

/// Nouns for a person described, not named (`a mother of four`, `one survivor`).
pub(crate) fn unnamed_nouns() -> &'static WordSet<String> {
    static NOUNS: OnceLock<WordSet<String>> = OnceLock::new();
    NOUNS.get_or_init(|| {
        data_lines(data_file!("people_unnamed_nouns.txt"))
            .map(norm)
            .collect()
    })
}

/// `a mother`, `A 19-year-old woman`, `another returnee`, `one survivor`: an
/// indefinite determiner, at most two lower-case words or numbers, then a
/// noun for a person.
/// The pronouns a speaker is named by (see [`Reader::mention_at`]).
const PRONOUNS: [&str; 4] = ["he", "she", "He", "She"];

/// The words an unnamed person's mention opens with (see [`is_unnamed_person`]).
const INDEFINITES: [&str; 8] = ["a", "A", "an", "An", "another", "Another", "one", "One"];

pub(crate) fn is_unnamed_person(tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i) else {
        return false;
    };
    if !(t.is_word() && INDEFINITES.contains(&t.text)) {
        return false;
    }
    // `A village headman from ...`, `One village chief, who ...`: a sentence
    // opening on an indefinite noun phrase is about someone not named.
    let opens_sentence = i == 0 || tokens.get(i - 1).is_some_and(is_sentence_end);
    let lowercase_next = tokens
        .get(i + 1)
        .is_some_and(|n| n.is_word() && n.text.chars().next().is_some_and(char::is_lowercase));
    if opens_sentence && t.text.starts_with(char::is_uppercase) && lowercase_next {
        return true;
    }
    let nouns = unnamed_nouns();
    for next in tokens.iter().skip(i + 1).take(3) {
        if !next.is_word() || next.text.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if nouns.contains(next.text) {
            return true;
        }
    }
    false
}

/// `the agency`, `the organisation` right before a speech verb.
/// Role nouns that name a person met before (`the minister said`).
const ROLE_ANAPHORS: [&str; 16] = [
    "minister",
    "commissioner",
    "director",
    "ambassador",
    "governor",
    "president",
    "secretary",
    "mayor",
    "chairman",
    "chairwoman",
    "chairperson",
    "commander",
    "admiral",
    "superintendent",
    "prosecutor",
    "representative",
];

/// `the` at token `k`, then at most one lowercase word, then the role noun at
/// token `noun`: `the commissioner`, `the deputy minister`.
fn is_role_anaphor(tokens: &[Token], k: usize, noun: usize) -> bool {
    let lower = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.is_word() && t.text.chars().all(char::is_lowercase))
    };
    tokens
        .get(k)
        .is_some_and(|t| matches!(t.text, "the" | "The"))
        && tokens
            .get(noun)
            .is_some_and(|t| ROLE_ANAPHORS.contains(&t.text))
        && (k + 1..noun).all(lower)
        && noun > k
}

fn is_org_anaphor(tokens: &[Token], k: usize) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| matches!(t.text, "the" | "The"))
        && tokens.get(k + 1).is_some_and(|t| {
            ORG_ANAPHORS.contains(&t.text.to_lowercase().as_str())
                && (t.text.chars().all(char::is_lowercase)
                    || t.text.chars().skip(1).all(char::is_lowercase))
        })
}

/// Most tokens a long role (see [`Reader::person_after_long_role`]) spans.
const LONG_ROLE_REACH: usize = 32;

/// Nouns for an organisation spoken of before: `the agency said`, `the
/// bank said`, `the Fund said`.
const ORG_ANAPHORS: [&str; 34] = [
    "federation",
    "consortium",
    "network",
    "institute",
    "secretariat",
    "union",
    "centre",
    "center",
    "coalition",
    "municipality",
    "unit",
    "association",
    "board",
    "bureau",
    "directorate",
    "navy",
    "university",
    "alliance",
    "corporation",
    "foundation",
    "council",
    "agency",
    "organisation",
    "organization",
    "ministry",
    "institution",
    "bank",
    "fund",
    "commission",
    "authority",
    "department",
    "office",
    "charity",
    "company",
];

fn is_determiner(t: &Token) -> bool {
    t.is_word()
        && matches!(
            t.text.to_lowercase().as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this"
        )
}

/// People under their full name and surname; organisations under their name
/// and acronym, each reported as written.
fn speaker_names(people: &[Person], organisations: &[Organisation]) -> Vec<Name> {
    let words = |s: &str| -> Vec<String> {
        tokenize(s)
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text.to_string())
            .collect()
    };
    let mut names = Vec::new();
    for p in people {
        names.push(Name {
            words: words(&p.name),
            label: p.name.clone(),
            is_person: true,
        });
        if let Some(last) = surname(&p.name) {
            names.push(Name {
                words: vec![last.to_string()],
                label: p.name.clone(),
                is_person: true,
            });
        }
        // `Ruiz de la Vega said` for `Antonio Ruiz de la Vega Morales`: a
        // run of two words or more after the first, opening and closing on
        // a capital.
        let all = words(&p.name);
        let capital = |w: &String| w.chars().next().is_some_and(char::is_uppercase);
        if all.len() >= 3 && all.len() <= 7 {
            for from in 1..all.len() {
                for to in from + 2..=all.len() {
                    let run = &all[from..to];
                    if run.first().is_some_and(capital) && run.last().is_some_and(capital) {
                        names.push(Name {
                            words: run.to_vec(),
                            label: p.name.clone(),
                            is_person: true,
                        });
                    }
                }
            }
        }
    }
    // `the Fiscalía said` after `the Fiscalía General de la Nación`: the
    // first word of a name written head first (a lower-case connector in
    // it) names that organisation when no other organisation's name opens
    // with it.
    let first_words: Vec<(String, &str)> = organisations
        .iter()
        .filter_map(|o| o.name.as_deref())
        .filter_map(|n| Some((short_form(n)?, n)))
        .collect();
    for (word, name) in &first_words {
        let unique = organisations
            .iter()
            .filter_map(|o| o.name.as_deref())
            .filter(|n| n.split_whitespace().next() == Some(word.as_str()))
            .count()
            == 1;
        if unique {
            names.push(Name {
                words: vec![word.clone()],
                label: name.to_string(),
                is_person: false,
            });
        }
    }
    // An organisation speaks under the name the text uses: `Europol said`
    // gives Europol, not its long name.
    for o in organisations {
        for form in [o.name.as_deref(), o.acronym.as_deref()]
            .into_iter()
            .flatten()
        {
            names.push(Name {
                words: words(form),
                label: form.to_string(),
                is_person: false,
            });
        }
        // `Interpol said` for INTERPOL, `Unicef said` for UNICEF: an
        // acronym of four letters or more is also written as a word.
        if let Some(word) = o.acronym.as_deref().and_then(acronym_as_word) {
            names.push(Name {
                words: vec![word],
                label: o.acronym.clone().unwrap_or_default(),
                is_person: false,
            });
        }
    }
    names
}

/// `INTERPOL` → `Interpol`: an all-caps acronym of four letters or more,
/// capitalised as a word.
fn acronym_as_word(acronym: &str) -> Option<String> {
    let letters = acronym.chars().count() >= 4 && acronym.chars().all(|c| c.is_ascii_uppercase());
    if !letters {
        return None;
    }
    let mut chars = acronym.chars();
    let first = chars.next()?;
    Some(
        std::iter::once(first)
            .chain(chars.map(|c| c.to_ascii_lowercase()))
            .collect(),
    )
}

/// Words that open many organisations' names: never a short form alone.
const NOT_SHORT_FORMS: &[&str] = &[
    "United",
    "National",
    "International",
    "World",
    "European",
    "African",
    "Asian",
    "Global",
    "Inter-American",
    "Federal",
    "Royal",
    "State",
    "Central",
    "Regional",
    "General",
    "Supreme",
    "Office",
    "Ministry",
    "Department",
    "Bureau",
    "Agency",
    "Commission",
    "Council",
    "Committee",
    "Directorate",
    "Service",
    "Authority",
    "Board",
    "Institute",
    "University",
    "Bank",
    "Fund",
    "Court",
    "Organisation",
    "Organization",
    "Association",
    "Federation",
    "Union",
    "Police",
];

/// The first word of a name written head first, `Fiscalía` of `Fiscalía
/// General de la Nación`: three words at least, a lower-case connector
/// among them, the first capitalised and not one that opens many names.
fn short_form(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = *words.first()?;
    let connector = words.iter().skip(1).any(|w| {
        matches!(
            *w,
            "de" | "del" | "de la" | "des" | "du" | "da" | "do" | "dos" | "das" | "di" | "della"
        )
    });
    let capitalised = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(char::is_lowercase)
        && first.chars().count() >= 4;
    (words.len() >= 3 && connector && capitalised && !NOT_SHORT_FORMS.contains(&first))
        .then(|| first.to_string())
}

/// Byte offset of the first non-space character.
/// Where a paragraph's own words open: after white space and the marks
/// that Markdown (or an e-mail) puts before a quoted paragraph, a
/// block-quote `>` and emphasis (`*“…”*`, `_“…”_`).
fn leading_space(para: &str) -> usize {
    para.len()
        - para
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '>' | '*' | '_'))
            .len()
}

/// The quoted words, trimmed, without the comma or colon that punctuates the
/// attribution (`"We will," she said`); a closing period stays as written.
/// The quoted words of a segment, with the comma, semicolon or colon that
/// hands over to an attribution still on (`join_parts` decides on it).
fn inner_text(para: &str, seg: Segment) -> String {
    let inner = para.get(seg.inner_start..seg.inner_end).unwrap_or_default();
    inner.trim().to_string()
}

/// `text` without the punctuation that handed over to an attribution.
fn without_handover(text: &str) -> &str {
    text.trim_end_matches([',', ';', ':']).trim_end()
}

/// Joins the parts of one interrupted quotation. `"It will help," she said.
/// "We are committed."` was two sentences: the comma that handed over to the
/// attribution stood for a full stop, so the join restores it before a
/// capital. Before a lower-case word the sentence goes on, and its comma is
/// kept (`"…in its implementation," she said, "including…"`).
fn join_parts(parts: &[String]) -> String {
    let mut out = String::new();
    for part in parts.iter().filter(|p| !without_handover(p).is_empty()) {
        if !out.is_empty() {
            let next_is_sentence = part.chars().next().is_some_and(char::is_uppercase);
            if next_is_sentence {
                out.truncate(without_handover(&out).len());
                if out.ends_with(|c: char| c.is_alphanumeric()) {
                    out.push('.');
                }
            }
            out.push(' ');
        }
        out.push_str(part);
    }
    out.truncate(without_handover(&out).len());
    out
}

/// `"We will,"`: the quote hands over to its attribution.
fn ends_on_comma(para: &str, seg: Segment) -> bool {
    para.get(seg.inner_start..seg.inner_end)
        .unwrap_or_default()
        .trim_end()
        .ends_with(',')
}

/// Mostly capitalised words without closing punctuation: a title or label.
fn looks_like_title(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| is_title_case(w) || w.chars().all(char::is_uppercase))
        .count();
    let closed = text.ends_with(['.', '!', '?']);
    !closed && !words.is_empty() && capitalised * 10 > words.len() * 6
}

// ---------------------------------------------------------------------------
// Quotation marks

/// Quoted stretches of one paragraph, in order. The last one may run to the
/// paragraph end (a quotation carried into the next paragraph).
fn find_segments(para: &str, index: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut closings = Closings::new(para);
    while let Some((open, mark)) = next_opening(para, pos) {
        let inner_start = open + mark.len_utf8();
        match closings.closing(inner_start, mark) {
            Some((close, len)) => {
                out.push(Segment {
                    para: index,
                    open,
                    inner_start,
                    inner_end: close,
                    close_end: Some(close + len),
                    single: is_single(mark),
                });
                pos = close + len;
            }
            None if is_single(mark) => pos = inner_start, // an apostrophe or stray mark
            None => {
                out.push(Segment {
                    para: index,
                    open,
                    inner_start,
                    inner_end: para.len(),
                    close_end: None,
                    single: false,
                });
                break;
            }
        }
    }
    out
}

/// A single quotation mark, curly or straight: it doubles as an apostrophe.
fn is_single(mark: char) -> bool {
    matches!(mark, '‘' | '\'')
}

/// The next opening quotation mark at or after byte `from`. A straight quote
/// after `=` opens an HTML attribute value, skipped with its closing quote; one
/// right after a letter or digit is an inch mark or stray, not an opening. A
/// single mark opens only after a space or an opening bracket, quote or dash;
/// a straight one also needs a non-space after it (`rock 'n' roll`, `the '90s`
/// are left to the pairing, which wants a closing mark after a non-space).
fn next_opening(para: &str, from: usize) -> Option<(usize, char)> {
    let mut pos = from;
    loop {
        para.as_bytes().get(pos..)?;
        pos = next_quote_byte(para.as_bytes(), pos);
        let Some(c) = para.get(pos..).and_then(|r| r.chars().next()) else {
            break;
        };
        let prev = para.get(..pos).and_then(|r| r.chars().next_back());
        match c {
            '"' if prev == Some('=') => {
                let value_end = para.get(pos + 1..)?.find('"')?;
                pos += 1 + value_end + 1;
                continue;
            }
            '"' if !prev.is_some_and(char::is_alphanumeric) => return Some((pos, c)),
            '“' | '„' | '«' => return Some((pos, c)),
            '‘' | '\''
                if prev.is_none_or(|p| {
                    p.is_whitespace() || matches!(p, '(' | '[' | '“' | '—' | '–')
                }) && (c == '‘'
                    || para[pos + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| !n.is_whitespace())) =>
            {
                return Some((pos, c))
            }
            _ => {}
        }
        pos += c.len_utf8();
    }
    None
}

/// Where the first byte at or after `i` that may open a quotation mark is
/// (`bytes.len()` if none): every opening mark is `"`, `'` or starts with
/// byte 0xC2 (`«`) or 0xE2 (`“`, `„`, `‘`). Eight bytes at a time past ASCII
/// bytes outside `"`..=`'` (most text): a byte loop was 0.7 % of ingest.
fn next_quote_byte(bytes: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while i < bytes.len() {
        if let Some(word) = word_at(bytes, i) {
            let flags = bytes_between(word, b'"' - 1, b'\'' + 1) | word & HIGH;
            if flags == 0 {
                i += 8;
                continue;
            }
            i += bytes_before_flag(flags);
        }
        if matches!(bytes[i], b'"' | b'\'' | 0xC2 | 0xE2) {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// Finds closing marks in one paragraph. Searches only move forward, so each
/// answer is remembered: a paragraph of many opening marks without their
/// closing one is read once, not once per opening mark.
struct Closings<'a> {
    para: &'a str,
    /// Mark → (searched from, first occurrence at or after it).
    found: HashMap<char, (usize, Option<usize>)>,
    /// Offsets of every `’` that can close a `‘`, and of every `'` that can
    /// close a `'` (see `closing`).
    single_closes: [Option<Vec<usize>>; 2],
}

impl<'a> Closings<'a> {
    fn new(para: &'a str) -> Self {
        Closings {
            para,
            found: HashMap::default(),
            single_closes: [None, None],
        }
    }

    /// The first `c` at or after byte `from`.
    fn find(&mut self, c: char, from: usize) -> Option<(usize, usize)> {
        let rest = self.para.get(from..)?;
        let at = match self.found.get(&c) {
            Some(&(searched, at)) if searched <= from && at.is_none_or(|a| a >= from) => at,
            _ => {
                let at = rest.find(c).map(|i| from + i);
                self.found.insert(c, (from, at));
                at
            }
        };
        at.map(|a| (a, c.len_utf8()))
    }

    /// The closing mark for an opening `mark`, searched from byte `from`: its
    /// byte offset and length. Mixed pairs (`“…"`) are accepted when the
    /// proper closing mark never comes.
    fn closing(&mut self, from: usize, mark: char) -> Option<(usize, usize)> {
        self.para.get(from..)?;
        match mark {
            '"' => self.find('"', from).or_else(|| self.find('”', from)),
            '“' | '„' => self.find('”', from).or_else(|| self.find('"', from)),
            '«' => self.find('»', from),
            '‘' => self.single_closing(from, '’'),
            '\'' => self.single_closing(from, '\''),
            _ => None,
        }
    }

    /// The first `mark` after byte `from` that closes a single quote: after
    /// a non-space (not right at `from`) and not before a letter or digit,
    /// so that the apostrophes of `don't` and `UNODC’s` are passed over.
    fn single_closing(&mut self, from: usize, mark: char) -> Option<(usize, usize)> {
        let para = self.para;
        let closes = self.single_closes[usize::from(mark == '\'')].get_or_insert_with(|| {
            para.match_indices(mark)
                .filter(|&(i, c)| {
                    let before = para[..i].chars().next_back();
                    let after = para[i + c.len()..].chars().next();
                    before.is_some_and(|b| !b.is_whitespace())
                        && !after.is_some_and(char::is_alphanumeric)
                })
                .map(|(i, _)| i)
                .collect()
        });
        let k = closes.partition_point(|&i| i <= from);
        closes.get(k).map(|&i| (i, mark.len_utf8()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `next_quote_byte` finds what a byte loop finds: every byte value at
    /// every place of a text of up to twenty other bytes, from every start.
    #[test]
    fn a_quote_byte_is_found_as_a_byte_loop_finds_it() {
        let by_loop = |bytes: &[u8], from: usize| {
            from + bytes[from..]
                .iter()
                .take_while(|&&b| !matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
                .count()
        };
        for len in 0..20 {
            for at in 0..len {
                for byte in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = byte;
                    for from in 0..=len {
                        assert_eq!(
                            next_quote_byte(&bytes, from),
                            by_loop(&bytes, from),
                            "{bytes:?} from {from}"
                        );
                    }
                }
            }
        }
    }

    fn person(name: &str) -> Person {
        Person {
            name: name.into(),
            role: None,
        }
    }

    fn quotes_in(
        body: &[&str],
        people: &[&str],
        organisations: &[(Option<&str>, Option<&str>)],
    ) -> Vec<(String, Option<String>)> {
        let people: Vec<Person> = people.iter().map(|n| person(n)).collect();
        let organisations: Vec<Organisation> = organisations
            .iter()
            .map(|(n, a)| Organisation {
                name: n.map(str::to_string),
                acronym: a.map(str::to_string),
            })
            .collect();
        quotes_with(body, &people, &organisations)
    }

    /// The quotes (text, speaker) of `body`, with these people and organisations found.
    fn quotes_with(
        body: &[&str],
        people: &[Person],
        organisations: &[Organisation],
    ) -> Vec<(String, Option<String>)> {
        quotes_titled("Title", body, people, organisations)
    }

    type Found = Vec<(String, Option<String>)>;

    /// The quotes (text, speaker) of a release titled `title`.
    fn quotes_titled(
        title: &str,
        body: &[&str],
        people: &[Person],
        organisations: &[Organisation],
    ) -> Vec<(String, Option<String>)> {
        let body: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let text = Text {
            title,
            body: &body,
            footer: &[],
            dateline: None,
            date: None,
        };
        extract(&text, people, organisations)
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    #[test]
    fn straight_single_quotes_are_speech_when_attributed() {
        let kavanagh = Some("Stephen Kavanagh");
        assert_eq!(
            quotes_in(
                &["Stephen Kavanagh said: 'Human traffickers continue to exploit the most vulnerable.'"],
                &["Stephen Kavanagh"],
                &[],
            ),
            one("Human traffickers continue to exploit the most vulnerable.", kavanagh)
        );
        // Interrupted by its attribution; apostrophes inside (`INTERPOL's`,
        // `don't`) neither open nor close it.
        assert_eq!(
            quotes_in(
                &["'We don't see INTERPOL's role ending,' he noted, 'which underlines the global nature of this crime.'"],
                &["Stephen Kavanagh"],
                &[],
            ),
            one(
                "We don't see INTERPOL's role ending, which underlines the global nature of this crime.",
                None
            )
        );
        // Unattributed, or apostrophes only: no quote.
        for body in [
            "The so-called 'ghost ships' carried migrants across the bay for years.",
            "The countries' leaders met in the '90s and the victims' families were there.",
        ] {
            assert_eq!(
                quotes_in(&[body], &["Stephen Kavanagh"], &[]),
                Vec::new(),
                "{body}"
            );
        }
    }

    #[test]
    fn a_statement_title_is_read_word_by_word() {
        let cases = [
            ("Statement by UNICEF on Sudan", Some(" UNICEF on Sudan")),
            ("STATEMENT FROM the Director", Some(" the Director")),
            (
                "Joint statement  of  WHO and UNICEF",
                Some("  WHO and UNICEF"),
            ),
            (
                "Statement attributable to the Spokesperson",
                Some(" the Spokesperson"),
            ),
            (
                "Remarks by the Secretary-General",
                Some(" the Secretary-General"),
            ),
            ("Statement attributable by", None),
            ("Statements by ministers", None),
            ("A statement on Sudan", None),
            ("Statement by", Some("")),
        ];
        for (title, rest) in cases {
            assert_eq!(statement_rest(title), rest, "{title}");
        }
    }

    #[test]
    fn a_predicate_after_a_marker_word_is_speech_not_a_label() {
        let stock = ["Jürgen Stock"];
        assert_eq!(
            quotes_in(
                &["Jürgen Stock, INTERPOL Secretary General, added that the operation \"sends a clear message to criminal networks\"."],
                &stock,
                &[],
            ),
            one("sends a clear message to criminal networks", Some("Jürgen Stock"))
        );
        // The operation's name stays a label.
        for body in [
            "Jürgen Stock said the operation \"Global Chain\" ran in June.",
            "The operation \"sends a clear message to criminal networks\", the report found.",
        ] {
            assert_eq!(quotes_in(&[body], &stock, &[]), Vec::new(), "{body}");
        }
    }

    #[test]
    fn a_statement_named_in_the_title_speaks_its_unattributed_paragraphs() {
        let body = [
            "\"Ten months into the war, children continue to bear the brunt of the violence.",
            "\"We call on all parties to protect children and to allow humanitarian access.\"",
        ];
        let text = "Ten months into the war, children continue to bear the brunt of the violence. We call on all parties to protect children and to allow humanitarian access.";
        let russell = "Catherine Russell";
        let title = "Statement by UNICEF Executive Director Catherine Russell on children in Sudan";
        assert_eq!(
            quotes_titled(title, &body, &[person(russell)], &[]),
            one(text, Some(russell))
        );
        // An organisation's statement speaks under the form the title writes.
        let unicef = Organisation {
            name: Some("United Nations Children's Fund".to_string()),
            acronym: Some("UNICEF".to_string()),
        };
        let title = "Statement from UNICEF on children in Sudan";
        assert_eq!(
            quotes_titled(title, &body, &[], std::slice::from_ref(&unicef)),
            one(text, Some("UNICEF"))
        );
        // A statement by no one named: the speaker is unnamed.
        let title = "Statement attributable to the Spokesperson for the Secretary-General on Sudan";
        assert_eq!(
            quotes_titled(title, &body, &[person(russell)], &[]),
            one(text, None)
        );
        // Not a statement: unattributed quotation is no quote.
        let title = "Children in Sudan bear the brunt of the war";
        assert_eq!(
            quotes_titled(title, &body, &[person(russell)], &[unicef]),
            Vec::new()
        );
    }

    fn one(text: &str, speaker: Option<&str>) -> Vec<(String, Option<String>)> {
        vec![(text.to_string(), speaker.map(str::to_string))]
    }

    const UNODC: (Option<&str>, Option<&str>) = (
        Some("United Nations Office on Drugs and Crime"),
        Some("UNODC"),
    );

    #[test]
    fn seed_release() {
        let body = [
            "In summing up the outcomes of the fruitful meeting, H.E. Ambassador Abbas Bagherpour, Director General of International Legal Affairs at the Ministry of Foreign Affairs of the Islamic Republic of Iran, confirmed that \"the process for further collaboration will involve establishing a framework to work with UNODC at a very important time. We will continue the discussion to shape that framework\".",
            "Ms. Loide Aryee, Chief of Organized Crime and Illicit Trafficking Branch at UNODC said, \"UNODC appreciates the exchange with the high-level delegation from the Islamic Republic of Iran on their existing efforts and challenges in combatting transnational organized crime. UNODC, as the guardian of UNTOC, looks forward to expanding partnership with the Islamic Republic of Iran in areas related to transnational organized crime and to offer its support and technical assistance in facilitating Iran's ratification of UNTOC\".",
        ];
        let found = quotes_in(
            &body,
            &["Abbas Bagherpour", "Loide Aryee"],
            &[UNODC, (Some("European Union"), Some("EU"))],
        );
        let expected = vec![
            (
                "the process for further collaboration will involve establishing a framework to work with UNODC at a very important time. We will continue the discussion to shape that framework".to_string(),
                Some("Abbas Bagherpour".to_string()),
            ),
            (
                "UNODC appreciates the exchange with the high-level delegation from the Islamic Republic of Iran on their existing efforts and challenges in combatting transnational organized crime. UNODC, as the guardian of UNTOC, looks forward to expanding partnership with the Islamic Republic of Iran in areas related to transnational organized crime and to offer its support and technical assistance in facilitating Iran's ratification of UNTOC".to_string(),
                Some("Loide Aryee".to_string()),
            ),
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn a_quote_under_said_colon_is_the_speakers_in_a_markdown_block_quote_or_emphasis() {
        for quoted in [
            "> “We go to the farms because the farms will not come to us.”",
            ">“We go to the farms because the farms will not come to us.”",
            "*\"We go to the farms because the farms will not come to us.\"*",
            "_“We go to the farms because the farms will not come to us.”_",
        ] {
            let body = ["Director-General Thandiwe Mokoena said:", quoted];
            assert_eq!(
                quotes_in(&body, &["Thandiwe Mokoena"], &[]),
                one(
                    "We go to the farms because the farms will not come to us.",
                    Some("Thandiwe Mokoena")
                ),
                "{quoted}"
            );
        }
        // Not after a colon: no speaker is taken from the paragraph before.
        let body = [
            "Director-General Thandiwe Mokoena visited the farms.",
            "> “We go to the farms because the farms will not come to us.”",
        ];
        assert_eq!(
            quotes_in(&body, &["Thandiwe Mokoena"], &[])
                .into_iter()
                .filter(|q| q.1.is_some())
                .count(),
            0
        );
    }

    #[test]
    fn a_spokesperson_for_an_organisation_gives_the_organisation() {
        let orgs = [UNODC, (Some("Frontex"), None)];
        let cases: &[(&[&str], Found)] = &[
            (
                &["\"The border stays open,\" said a spokesperson for Frontex."],
                one("The border stays open", Some("Frontex")),
            ),
            (
                &["\"We are ready,\" said a spokeswoman of the United Nations Office on Drugs and Crime."],
                one("We are ready", Some("United Nations Office on Drugs and Crime")),
            ),
            (
                &["\"We are afraid,\" said a spokesperson for the families."],
                one("We are afraid", None),
            ),
        ];
        for (body, want) in cases {
            assert_eq!(quotes_in(body, &[], &orgs), *want, "{body:?}");
        }
    }

    #[test]
    fn a_role_noun_names_the_person_with_that_role() {
        let body = [
            "Commissioner Ana Tora said the raids would go on, and John Brandolino said the boats were seized.",
            "\"We will be back next month,\" the commissioner said.",
            "\"Nothing changes,\" the minister said.",
        ];
        let people = [
            Person {
                name: "Ana Tora".into(),
                role: Some("Commissioner".into()),
            },
            person("John Brandolino"),
        ];
        let found = quotes_with(&body, &people, &[]);
        assert_eq!(
            found,
            [
                (
                    "We will be back next month".to_string(),
                    Some("Ana Tora".to_string())
                ),
                ("Nothing changes".to_string(), None),
            ]
        );
    }

    #[test]
    fn according_to_a_name_and_a_relative_clause() {
        assert_eq!(
            quotes_in(
                &["According to Dr Ousmane Faye Diallo, who heads the national programme, “a girl who is not in school is missed.”"],
                &["Ousmane Faye Diallo"],
                &[],
            ),
            one("a girl who is not in school is missed.", Some("Ousmane Faye Diallo"))
        );
    }

    #[test]
    fn an_organisation_under_its_first_word_or_as_the_agency() {
        let fiscalia = (Some("Fiscalía General de la Nación"), None);
        assert_eq!(
            quotes_in(
                &["The Fiscalía General de la Nación said it had charged 148 people. “Corruption is the door,” the Fiscalía said."],
                &[],
                &[fiscalia],
            ),
            one("Corruption is the door", Some("Fiscalía General de la Nación"))
        );
        // `the agency` with no organisation that spoke: the one named last
        // in the paragraph.
        let dea = (Some("Drug Enforcement Administration"), Some("DEA"));
        assert_eq!(
            quotes_in(
                &["The DEA welcomed the arrests in a statement. \"This will save lives,\" the agency said."],
                &[],
                &[dea],
            ),
            one("This will save lives", Some("DEA"))
        );
        // A word that opens many names is no short form.
        assert_eq!(short_form("National Institute of Health"), None);
        assert_eq!(
            short_form("Ministerio de Salud"),
            Some("Ministerio".to_string())
        );
        assert_eq!(short_form("Save the Children"), None);
    }

    #[test]
    fn attribution_patterns() {
        let people = ["Ghada Waly", "John Brandolino"];
        let orgs = [UNODC, (None, Some("IOM")), (Some("European Union"), None)];
        let w = Some("Ghada Waly");
        let cases: &[(&[&str], Found)] = &[
            (
                &["\"We must act together now,\" said Ghada Waly."],
                one("We must act together now", w),
            ),
            (
                &["\"We must act together now\", Ghada Waly said."],
                one("We must act together now", w),
            ),
            (
                &["Ghada Waly said \"we must act together now\"."],
                one("we must act together now", w),
            ),
            (
                &["Ghada Waly said, \"We must act together now.\""],
                one("We must act together now.", w),
            ),
            (
                &["Ghada Waly confirmed that \"we must act together now\"."],
                one("we must act together now", w),
            ),
            (
                &["According to Ghada Waly, \"we must act together now\"."],
                one("we must act together now", w),
            ),
            (
                &["\"We must act together now,\" according to Ghada Waly."],
                one("We must act together now", w),
            ),
            (
                &["“We must act together now,” Waly said."],
                one("We must act together now", w),
            ),
            (
                &["Ms. Waly stressed: «Nous devons agir ensemble maintenant.»"],
                one("Nous devons agir ensemble maintenant.", w),
            ),
            (
                &["« Nous devons agir ensemble maintenant », said Ghada Waly."],
                one("Nous devons agir ensemble maintenant", w),
            ),
            (
                &["« Nous devons agir ensemble maintenant », a déclaré Ghada Waly."],
                one("Nous devons agir ensemble maintenant", w),
            ),
            (
                &["« Nous devons agir ensemble », a souligné Mme Waly, directrice exécutive."],
                one("Nous devons agir ensemble", w),
            ),
            (
                &["Ghada Waly said: ‘We must act together now.’"],
                one("We must act together now.", w),
            ),
            (
                &["Ghada Waly, Executive Director of UNODC, said, \"We must act together now.\""],
                one("We must act together now.", w),
            ),
            (
                &["\"We must act together now,\" Ghada Waly, Executive Director of UNODC, said."],
                one("We must act together now", w),
            ),
            (&["\"No,\" said Ghada Waly."], one("No", w)),
            (
                &["Ghada Waly welcomed the plan, calling it \"a promise kept\" to the families."],
                one("a promise kept", w),
            ),
            (
                &["Ghada Waly described the work as \"the most practical help\"."],
                one("the most practical help", w),
            ),
            (
                &["The European Union called it \"a first step\", but said more was needed."],
                one("a first step", Some("European Union")),
            ),
            (
                &["Ghada Waly called the factory \"a victory of science and of public health\"."],
                one("a victory of science and of public health", w),
            ),
            (
                &["Ghada Waly called for \"urgent and sustained action by every state\"."],
                vec![],
            ),
            (
                &["The European Union described the plan as \"a first step\"."],
                one("a first step", Some("European Union")),
            ),
            (
                &[
                    "Ghada Waly spoke first.",
                    "A village headman from the north said roads were closed. \"They come back with nothing,\" he said.",
                ],
                one("They come back with nothing", None),
            ),
            (&["\"Act now,\" said UNODC Executive Director Ghada Waly."], one("Act now", w)),
            (
                &["\"We must act together now,\" Waly said, adding that the so-called \"Balkan route\" is open."],
                one("We must act together now", w),
            ),
            (
                // The organisation under the name the text uses.
                &["\"We must act together now,\" UNODC said."],
                one("We must act together now", Some("UNODC")),
            ),
            (
                &["\"We must act together now,\" IOM said."],
                one("We must act together now", Some("IOM")),
            ),
            (
                &["The European Union said: \"We must act together now.\""],
                one("We must act together now.", Some("European Union")),
            ),
            (
                &["\"We must act together now,\" a spokesperson said."],
                one("We must act together now", None),
            ),
            (
                &["\"We must act together now,\" said Jane Unknown."],
                one("We must act together now", None),
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(&quotes_in(body, &people, &orgs), expected, "{body:?}");
        }
    }

    #[test]
    fn pronouns_resolve_to_the_most_recent_person() {
        let body = [
            "John Brandolino opened the meeting. Ghada Waly thanked the donors.",
            "\"We must act together now,\" she said.",
            "Brandolino spoke next. He added: \"The work is only starting and we need partners.\"",
        ];
        let found = quotes_in(&body, &["Ghada Waly", "John Brandolino"], &[]);
        assert_eq!(
            found,
            vec![
                (
                    "We must act together now".to_string(),
                    Some("Ghada Waly".to_string())
                ),
                (
                    "The work is only starting and we need partners.".to_string(),
                    Some("John Brandolino".to_string())
                ),
            ]
        );
    }

    #[test]
    fn interrupted_quote_is_one_quote() {
        let cases = [
            (
                "\"We must act together now,\" Waly added. \"And we must act fast.\"",
                "We must act together now. And we must act fast.",
            ),
            // The sentence goes on: its comma is kept.
            (
                "\"We must act together now,\" she said, \"and we must act fast.\"",
                "We must act together now, and we must act fast.",
            ),
            (
                "“We must act together now,” said Ghada Waly, “and we must act fast.”",
                "We must act together now, and we must act fast.",
            ),
        ];
        for (body, text) in cases {
            let found = quotes_in(&["Ghada Waly spoke.", body], &["Ghada Waly"], &[]);
            assert_eq!(found, one(text, Some("Ghada Waly")), "{body}");
        }
    }

    #[test]
    fn quote_carried_into_next_paragraph_is_one_quote() {
        let body = [
            "Ghada Waly said: \"Trafficking is a crime that shames us all.",
            "\"We will work with every partner to end it.\"",
            "The meeting closed on Friday.",
        ];
        let found = quotes_in(&body, &["Ghada Waly"], &[]);
        assert_eq!(
            found,
            one("Trafficking is a crime that shames us all. We will work with every partner to end it.", Some("Ghada Waly"))
        );
    }

    #[test]
    fn following_quote_paragraph_keeps_the_speaker() {
        let body = [
            "\"We must act together now,\" said Ghada Waly.",
            "\"The work is only starting and we need partners.\"",
        ];
        let found = quotes_in(&body, &["Ghada Waly"], &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[1],
            (
                "The work is only starting and we need partners.".to_string(),
                Some("Ghada Waly".to_string())
            )
        );
    }

    #[test]
    fn not_quotes() {
        let people = ["Ghada Waly"];
        let cases: &[&str] = &[
            "Migrants use the so-called \"Balkan route\" to reach Europe, Ghada Waly said.",
            "Migrants use the \"Balkan route\" to reach Europe.",
            "The campaign \"Blue Heart\" was launched in Vienna.",
            "UNODC launched the \"Blue Heart\" campaign in Vienna, Ghada Waly said.",
            "The report, \"Global Report on Trafficking in Persons\", was presented by Ghada Waly.",
            "Participants chanted \"Stop trafficking now\" in the square.",
            "Ghada Waly said that all States must act together now to stop trafficking.",
            "Read more on <a href=\"https://www.unodc.org/\">the UNODC website</a>.",
            "The UNODC Executive Director’s visit to Iran’s capital was the first.",
            "He was 5' 11\" tall and spoke briefly.",
        ];
        for body in cases {
            assert_eq!(quotes_in(&[body], &people, &[UNODC]), vec![], "{body}");
        }
    }

    #[test]
    fn punctuation_inside_and_outside_the_marks() {
        let people = ["Ghada Waly"];
        let cases = [
            ("Ghada Waly said: \"We act now.\"", "We act now."),
            ("Ghada Waly said: \"We act now\".", "We act now"),
            (
                "\"We act now, together,\" said Ghada Waly.",
                "We act now, together",
            ),
            (
                "\"We act now, together\", said Ghada Waly.",
                "We act now, together",
            ),
            (
                "Ghada Waly said: \"  We act now, together  \"",
                "We act now, together",
            ),
        ];
        for (body, text) in cases {
            assert_eq!(
                quotes_in(&[body], &people, &[]),
                one(text, Some("Ghada Waly")),
                "{body}"
            );
        }
    }

    #[test]
    fn odd_input_never_panics() {
        for body in [
            "\"",
            "“",
            "‘",
            "«",
            "=\"",
            "a=\"b",
            "\"\"",
            "“”",
            "\" said",
            "said \"",
            "é\"é“é”‘’",
            "according to",
            "\"x,\" \"y\"",
        ] {
            let _ = quotes_in(&[body, body], &["A B"], &[(None, None), UNODC]);
        }
    }

    #[test]
    fn attribution_before_the_quote() {
        let people = ["Lena Varga", "Tomas Berglund"];
        let orgs = [UNODC];
        let cases: &[(&[&str], Found)] = &[
            (
                &["According to Tomas Berglund, Head of the Regional Office for Central Europe, “the numbers keep rising every year.”"],
                one("the numbers keep rising every year.", Some("Tomas Berglund")),
            ),
            (
                &["As Minister Lena Varga put it: “We cannot wait for another season of losses.”"],
                one("We cannot wait for another season of losses.", Some("Lena Varga")),
            ),
            (
                &["Lena Varga, Director of the Water Board, said:", "“We cannot wait for another season of losses.”"],
                one("We cannot wait for another season of losses.", Some("Lena Varga")),
            ),
            (
                &["Tomas Berglund met the press in the port on Monday. He said:", "“We cannot wait for another season of losses.”"],
                one("We cannot wait for another season of losses.", Some("Tomas Berglund")),
            ),
            (
                &["Dr Lena Varga, a surgeon at the clinic, described the wards: “Patients sleep in the corridors every night.”"],
                one("Patients sleep in the corridors every night.", Some("Lena Varga")),
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(&quotes_in(body, &people, &orgs), expected, "{body:?}");
        }
        // A colon with no person opening the sentence attributes nothing.
        let body = ["The agenda had one line: “Roads before ports, always and everywhere.”"];
        assert_eq!(quotes_in(&body, &people, &orgs), vec![]);
        // Two paragraphs joined only by a colon closing a speech sentence.
        let body = [
            "Tomas Berglund spoke first.",
            "“We cannot wait for another season of losses.”",
        ];
        assert_eq!(quotes_in(&body, &people, &orgs), vec![]);
    }

    #[test]
    fn unnamed_speakers_stay_unnamed() {
        let people = ["Lena Varga"];
        let orgs = [UNODC, (None, Some("IOM"))];
        let cases: &[&[&str]] = &[
            &["A mother of three, waiting at the station, told IOM staff: “I have not slept for days and the children are sick.”"],
            &["One survivor, aged 16, told UNODC counsellors: “I thought I was going to work in a hotel.”"],
            &["Lena Varga opened the centre. A young farmer from the valley spoke next. “We lost the whole harvest this year,” he said."],
            &["Lena Varga opened the centre. “We lost the whole harvest this year,” a fisherman told reporters."],
        ];
        for body in cases {
            let found = quotes_in(body, &people, &orgs);
            assert_eq!(found.len(), 1, "{body:?}");
            assert_eq!(found[0].1, None, "{body:?}");
        }
        // Described after being named, still the named person.
        let body = [
            "Lena Varga, a mother of two, opened the centre.",
            "“We will not close these doors again,” she said.",
        ];
        assert_eq!(
            quotes_in(&body, &people, &orgs)[0].1.as_deref(),
            Some("Lena Varga")
        );
    }

    #[test]
    fn a_short_quote_after_a_verb_phrase_and_a_colon_is_a_quote() {
        let body = ["A mother of three told IOM staff: “We left with nothing.”"];
        assert_eq!(
            quotes_in(&body, &[], &[]),
            one("We left with nothing.", None)
        );
        let people = ["Ana Ruiz"];
        let body = ["Ana Ruiz said in a statement: “We are ready.”"];
        assert_eq!(
            quotes_in(&body, &people, &[]),
            one("We are ready.", Some("Ana Ruiz"))
        );
    }

    #[test]
    fn in_her_words_attributes_to_the_person_named_last() {
        let people = ["Laurence Mbeki-Durand"];
        let body = ["IOM's Chief of Mission, Laurence Mbeki-Durand, said the centres were a first step. In her words, “no one should have to choose between a forest camp and a boat.”"];
        assert_eq!(
            quotes_in(&body, &people, &[]),
            one(
                "no one should have to choose between a forest camp and a boat.",
                Some("Laurence Mbeki-Durand")
            )
        );
        let body = ["In the words of Laurence Mbeki-Durand, “no one should have to choose between a forest camp and a boat.”"];
        assert_eq!(
            quotes_in(&body, &people, &[])[0].1.as_deref(),
            Some("Laurence Mbeki-Durand")
        );
        // A long role and a place before the name.
        let people = ["Lieve Van den Broeck"];
        let body = ["In the words of the Belgian Federal Police's liaison officer in Quito, Inspector Lieve Van den Broeck, “the containers were flagged in Antwerp.”"];
        assert_eq!(
            quotes_in(&body, &people, &[])[0].1.as_deref(),
            Some("Lieve Van den Broeck")
        );
        // A role with a comma list before the name.
        let people = ["Kwabena Oduro Asante"];
        let body = ["In the words of the Deputy Minister for Communications, Digital Technology and Innovations, Hon. Kwabena Oduro Asante, “no child should travel to sit an exam.”"];
        assert_eq!(
            quotes_in(&body, &people, &[])[0].1.as_deref(),
            Some("Kwabena Oduro Asante")
        );
        // `In his view,` and `In the view of X,` attribute like `In his words,`.
        let people = ["Kevin Kariuki"];
        let body = ["Dr. Kevin Kariuki stressed the role of storage. In his view, “a solar plant without batteries is a daytime plant.”"];
        assert_eq!(
            quotes_in(&body, &people, &[])[0].1.as_deref(),
            Some("Kevin Kariuki")
        );
        let body = [
            "In the view of Kevin Kariuki, “a solar plant without batteries is a daytime plant.”",
        ];
        assert_eq!(
            quotes_in(&body, &people, &[])[0].1.as_deref(),
            Some("Kevin Kariuki")
        );
        // Not an attribution: `in other words`.
        let body = ["Laurence Mbeki-Durand visited. In other words, “the camp” was closed."];
        assert!(quotes_in(&body, &people, &[]).is_empty());
    }

    #[test]
    fn a_compound_surname_names_the_person() {
        let people = ["Antonio Ruiz de la Vega Morales"];
        let body = ["Colonel Antonio Ruiz de la Vega Morales of the Guardia Civil spoke. “They thought small payments would hide a big business,” Ruiz de la Vega said."];
        assert_eq!(
            quotes_in(&body, &people, &[])[0].1.as_deref(),
            Some("Antonio Ruiz de la Vega Morales")
        );
    }

    #[test]
    fn the_bank_said_resolves_to_the_organisation_that_spoke() {
        let orgs = [(Some("European Investment Bank"), Some("EIB"))];
        let body = ["The EIB said it would lend the first €120 million this year. “Fibre is the railway of this century,” the bank said."];
        assert_eq!(
            quotes_in(&body, &[], &orgs),
            one("Fibre is the railway of this century", Some("EIB"))
        );
        let body =
            ["The EIB approved the loan. “Fibre is the railway of this century,” the Bank said."];
        assert_eq!(quotes_in(&body, &[], &orgs)[0].1.as_deref(), Some("EIB"));
    }

    #[test]
    fn a_quote_after_a_reported_sentence_is_its_subjects() {
        let people = ["Ana Ruiz Vega"];
        let body = ["Minister Ana Ruiz Vega said the roads would be finished in May. “We have waited twenty years for this road.”"];
        assert_eq!(
            quotes_in(&body, &people, &[]),
            one(
                "We have waited twenty years for this road.",
                Some("Ana Ruiz Vega")
            )
        );
        // An unnamed subject: a quote, speaker unnamed.
        let body = ["A farmer from Kitui, who asked not to be named, said she walks ten kilometres a day. “With a bicycle I could sell my milk.”"];
        assert_eq!(
            quotes_in(&body, &people, &[]),
            one("With a bicycle I could sell my milk.", None)
        );
        // No speech verb before: no quote.
        let body = ["The minister visited the site. “We have waited twenty years for this road.”"];
        assert!(quotes_in(&body, &people, &[]).is_empty());
    }

    #[test]
    fn a_quote_paragraph_after_a_reported_paragraph_is_its_subjects() {
        let people = ["Mereana Whaanga-Doyle"];
        let body = [
            "Detective Inspector Mereana Whaanga-Doyle says the victims were targeted over months.",
            "“These are patient, professional criminals. They will spend six months becoming someone's best friend.",
            "“If someone you have never met asks you for money, stop and talk to someone you trust.”",
        ];
        assert_eq!(
            quotes_in(&body, &people, &[]),
            one(
                "These are patient, professional criminals. They will spend six months becoming someone's best friend. If someone you have never met asks you for money, stop and talk to someone you trust.",
                Some("Mereana Whaanga-Doyle")
            )
        );
        // No speech verb in the paragraph before: no quote.
        let body = [
            "Detective Inspector Mereana Whaanga-Doyle visited the victims over months.",
            "“These are patient, professional criminals. They will spend six months becoming someone's best friend.”",
        ];
        assert!(quotes_in(&body, &people, &[]).is_empty());
    }

    #[test]
    fn the_bank_said_far_from_the_bank_resolves_to_the_one_named_bank() {
        let orgs = [
            (Some("Inter-American Development Bank"), Some("IDB")),
            (Some("World Wide Fund for Nature"), Some("WWF")),
            (Some("Gavi, the Vaccine Alliance"), Some("Gavi")),
        ];
        let body = [
            "The IDB approved the loan to Peru on Monday.",
            "Rangers will be hired. WWF will help.",
            "The loan has a 25-year term. “Parks pay for themselves,” the bank said.",
        ];
        assert_eq!(
            quotes_in(&body, &[], &orgs),
            one("Parks pay for themselves", Some("IDB"))
        );
        let body = [
            "Gavi will pay for the vaccine.",
            "It arrives in May. “Outbreaks are a warning light,” the alliance said.",
        ];
        assert_eq!(quotes_in(&body, &[], &orgs)[0].1.as_deref(), Some("Gavi"));
        // No organisation named with that noun: the speaker stays unnamed.
        let body = [
            "The IDB approved the loan.",
            "It ends in May. “Parks pay,” the foundation said.",
        ];
        assert_eq!(quotes_in(&body, &[], &orgs)[0].1, None);
    }

    #[test]
    fn a_name_inside_an_unnamed_speakers_description() {
        let people = ["Red Cross", "Ana Ruiz"];
        let body = [
            "A volunteer with the Red Cross said: “People walked for two days to reach the camp.”",
        ];
        assert_eq!(
            quotes_in(&body, &people, &[]),
            one("People walked for two days to reach the camp.", None)
        );
        // A named subject after an unnamed one still speaks.
        let body =
            ["A farmer met Ana Ruiz, who said: “People walked for two days to reach the camp.”"];
        assert_eq!(
            quotes_in(&body, &people, &[])[0].1.as_deref(),
            Some("Ana Ruiz")
        );
    }

    #[test]
    fn a_person_in_a_relative_clause_after_the_subject_does_not_speak() {
        let people = ["Rafael Mariano Grossi", "Elijah Muchima"];
        let body = ["IAEA Director General Rafael Mariano Grossi, who attended the ceremony with Zambia's Minister of Health, Elijah Muchima, said: “This is a milestone for the region.”"];
        assert_eq!(
            quotes_in(&body, &people, &[]),
            one(
                "This is a milestone for the region.",
                Some("Rafael Mariano Grossi")
            )
        );
    }

    #[test]
    fn a_short_quote_after_according_to_and_an_apposition() {
        let people = ["Li Wen Huang"];
        let body = ["According to Professor Li Wen Huang, chief engineer at the Water Board, “the dam is safe.”"];
        assert_eq!(
            quotes_in(&body, &people, &[]),
            one("the dam is safe.", Some("Li Wen Huang"))
        );
        // A label stays a label without `according to`.
        let body = ["Li Wen Huang, chief engineer at the Water Board, opened “Dam Safety”."];
        assert!(quotes_in(&body, &people, &[]).is_empty());
    }

    #[test]
    fn the_charity_is_the_release_s_first_organisation() {
        let orgs = [
            (Some("WaterAid Malawi"), None),
            (Some("Lilongwe Water Board"), None),
        ];
        let body = [
            "WaterAid Malawi and the Lilongwe Water Board connected 40 health centres.",
            "“Every connection is metered,” the charity said.",
        ];
        assert_eq!(
            quotes_in(&body, &[], &orgs)[0].1.as_deref(),
            Some("WaterAid Malawi")
        );
        // `the agency` is not any body.
        let body = [
            "WaterAid Malawi and the Lilongwe Water Board connected 40 health centres.",
            "“Every connection is metered,” the agency said.",
        ];
        assert_eq!(quotes_in(&body, &[], &orgs)[0].1, None);
    }

    #[test]
    fn it_said_is_the_organisation_that_spoke() {
        let orgs = [(Some("Anti-Slavery International"), None)];
        let body = [
            "Anti-Slavery International said the ratings were a start. “A rating that nobody acts on is a brochure,” it said.",
        ];
        assert_eq!(
            quotes_in(&body, &[], &orgs)[0].1.as_deref(),
            Some("Anti-Slavery International")
        );
        // No organisation spoke: `it` is nobody.
        let body = ["The report is short. “Read it,” it said."];
        assert_eq!(quotes_in(&body, &[], &orgs)[0].1, None);
    }

    #[test]
    fn an_acronym_written_as_a_word_speaks() {
        let orgs = [(
            Some("International Criminal Police Organization"),
            Some("INTERPOL"),
        )];
        let body = ["“Fewer boats, better boats,” Interpol said."];
        assert_eq!(
            quotes_in(&body, &[], &orgs)[0].1.as_deref(),
            Some("INTERPOL")
        );
        let body = ["Interpol said: “Fewer boats, better boats.”"];
        assert_eq!(
            quotes_in(&body, &[], &orgs)[0].1.as_deref(),
            Some("INTERPOL")
        );
        assert_eq!(acronym_as_word("EU"), None);
    }

    #[test]
    fn an_organisation_defined_with_its_acronym_speaks() {
        let orgs = [(Some("Financial Intelligence Unit"), Some("FIU"))];
        let body = [
            "The Financial Intelligence Unit (FIU) said:",
            "“Banks that ignore these transfers will be fined.”",
        ];
        assert_eq!(
            quotes_in(&body, &[], &orgs),
            one(
                "Banks that ignore these transfers will be fined.",
                Some("Financial Intelligence Unit")
            )
        );
        let body = ["“Banks that ignore these transfers will be fined, and their managers named,” the Financial Intelligence Unit (FIU) said."];
        assert_eq!(
            quotes_in(&body, &[], &orgs)[0].1.as_deref(),
            Some("Financial Intelligence Unit")
        );
    }

    #[test]
    fn the_federation_and_the_consortium_are_bodies_that_speak() {
        let orgs = [
            (
                Some("National Federation of Cocoa Growers"),
                Some("Fedecacao"),
            ),
            (
                Some("East African Sickle Cell Research Consortium"),
                Some("EASCReC"),
            ),
        ];
        let body = [
            "The EASCReC brings together four universities.",
            "Fedecacao said the guarantee was decisive. “A fixed price is what convinces a farmer,” the federation said.",
            "“The samples belong to the patients,” the consortium said.",
        ];
        assert_eq!(
            quotes_in(&body, &[], &orgs),
            [
                (
                    "A fixed price is what convinces a farmer".to_string(),
                    Some("Fedecacao".to_string())
                ),
                (
                    "The samples belong to the patients".to_string(),
                    Some("EASCReC".to_string())
                ),
            ]
        );
    }

    #[test]
    fn a_person_after_a_body_s_long_role_speaks() {
        let body = ["“Farmers have always lived with the lake,” said ADB Director for Agriculture, Food, Nature, and Rural Development in Southeast Asia, Aiko Morimoto."];
        assert_eq!(
            quotes_in(
                &body,
                &["Aiko Morimoto"],
                &[(Some("Asian Development Bank"), Some("ADB"))]
            ),
            one(
                "Farmers have always lived with the lake",
                Some("Aiko Morimoto")
            )
        );
    }

    #[test]
    fn the_agency_said_prefers_an_organisation_of_that_kind() {
        let orgs = [
            (
                Some("Food and Agriculture Organization of the United Nations"),
                Some("FAO"),
            ),
            (Some("Acme Drones"), None),
            (Some("Criminal Assets Bureau"), Some("CAB")),
            (Some("National Police"), None),
        ];
        // A UN body is an agency; a company named last in the paragraph is not.
        let body = [
            "FAO began the spraying in May.",
            "Acme Drones trained the pilots. “The drones guide the teams,” the agency said.",
        ];
        assert_eq!(
            quotes_in(&body, &[], &orgs),
            one("The drones guide the teams", Some("FAO"))
        );
        // `the bureau`: the one whose name holds the noun, not the one named last.
        let body = [
            "The CAB will seek to confiscate the cash. The National Police made the arrests.",
            "“Cash hurts these groups more than drugs do,” the bureau said.",
        ];
        assert_eq!(
            quotes_in(&body, &[], &orgs),
            one("Cash hurts these groups more than drugs do", Some("CAB"))
        );
    }

    #[test]
    fn indirect_speech_handing_over_with_a_colon() {
        let people = ["Rūta Kazlauskienė-Norkus"];
        let body = ["Interior Minister Rūta Kazlauskienė-Norkus said the radar would also be used to find people lost in the forests along the border: \"The same screen that shows a smuggler's drone shows a lost mushroom picker.\""];
        assert_eq!(
            quotes_in(&body, &people, &[]),
            one(
                "The same screen that shows a smuggler's drone shows a lost mushroom picker.",
                Some("Rūta Kazlauskienė-Norkus")
            )
        );
    }

    #[test]
    fn the_company_is_the_body_named_with_a_legal_form() {
        let orgs = [
            (Some("Kestrel Commodities Holding AG"), None),
            (Some("Public Eye"), None),
        ];
        let body = [
            "Kestrel Commodities Holding AG said on Wednesday that it had suspended purchases.",
            "Public Eye welcomed the decision.",
            "“We found children at three sites,” the company said in a statement.",
        ];
        assert_eq!(
            quotes_in(&body, &[], &orgs),
            one(
                "We found children at three sites",
                Some("Kestrel Commodities Holding AG")
            )
        );
    }

    #[test]
    fn organisation_speaks_and_the_agency_resolves_to_it() {
        let orgs = [UNODC, (Some("Frontex"), None)];
        let body = ["Frontex said its teams had worked at three airports. “The shared data made the arrests possible,” the agency said."];
        assert_eq!(
            quotes_in(&body, &[], &orgs),
            one("The shared data made the arrests possible", Some("Frontex"))
        );
        // No organisation spoke: the agency stays unnamed.
        let body = ["The teams worked at three airports. “The shared data made the arrests possible,” the agency said."];
        assert_eq!(
            quotes_in(&body, &[], &orgs),
            one("The shared data made the arrests possible", None)
        );
    }

    #[test]
    fn according_to_a_name_and_an_apposition_ending_on_a_marker() {
        assert_eq!(
            quotes_in(
                &["According to Dr. Ana Ruiz Vega, the bank's team leader for the operation, “the loan pays for rangers and for the farms around the parks.”"],
                &["Ana Ruiz Vega"],
                &[],
            ),
            one(
                "the loan pays for rangers and for the farms around the parks.",
                Some("Ana Ruiz Vega")
            )
        );
        // A label after the marker stays a label.
        assert_eq!(
            quotes_in(
                &["The navy ran the operation “Sea Shield” off the coast for three weeks this spring."],
                &[],
                &[],
            ),
            vec![]
        );
    }
}
