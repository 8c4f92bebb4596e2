//! People named in the title and body, without honorifics, with roles as written.
//!
//! A name is a run of 2-4 capitalised words (particles such as `de`, `van der`,
//! `bin` allowed inside) made of none of the organisation, place, date, role
//! or function words listed in `core/data/`, and carrying a sign that it names
//! a person: an honorific before it, a role before or after it, or a speech verb
//! next to it. Persons named only in the contact block are contacts, not people,
//! so the footer is never read here.
//!
//! Text is read with the shared tokenizer (`extract::tokens`); the word lists
//! (`lexicon`) are shared with the quotes extractor.
//!
//! - `lexicon`: the word lists of `core/data/people_*.txt` and honorifics;
//! - `names`: runs of name words;
//! - `roles`: the evidence around a run, and the role written with it.

mod lexicon;
mod names;
mod roles;
#[cfg(test)]
mod tests;

use foldhash::{HashMap, HashSet};
use std::borrow::Cow;

use super::countries;
use super::Text;
use crate::extract::tokens::{tokenize, Token};
use crate::model::{Organisation, Person};
pub(crate) use lexicon::{data_lines, lexicon};
use lexicon::{Honorific, Lexicon};
use names::Run;
use roles::Passage;

impl Lexicon {
    /// Full names with their roles, in the order first met.
    fn find_people(&self, p: &mut Passage, people: &mut People, organisations: &HashSet<String>) {
        let runs: Vec<Run> = p
            .runs
            .iter()
            .filter(|r| (2..=4).contains(&r.words))
            .copied()
            .collect();
        for run in runs {
            if self.names_no_person(p, run) {
                continue;
            }
            let ev = self.evidence(p, run);
            let last = self.suffix_end(&p.tokens, run.end) - 1;
            let mut name = p.slice(run.start, last);
            // `Alibaba founder Jack Ma.`: a surname that is also a given
            // name's abbreviation, at a sentence's end, has no full stop.
            if last + 1 == run.end
                && run.words >= 2
                && name.ends_with('.')
                && p.tokens
                    .get(last)
                    .is_some_and(|t| self.is_given_abbreviation(t))
            {
                name.pop();
            }
            if ev.is_person()
                && countries::lookup_name(&name).is_none()
                && !organisations.contains(&name.to_lowercase())
            {
                add_person(people, name, ev.role());
                p.mark_name(run);
            }
        }
    }

    /// `Waly, the head of UNODC, said`: a later mention by surname alone gives
    /// a role to a person who has none yet.
    fn enrich_by_surname(&self, p: &mut Passage, people: &mut People, surnames: &mut Surnames) {
        for run in p.runs.clone() {
            if run.words < 2 {
                continue;
            }
            let name = p.slice(run.start, run.end.saturating_sub(1));
            if people.by_name.contains_key(&name) {
                p.mark_name(run);
            }
        }
        for &run in p.runs.iter().filter(|r| r.words == 1) {
            let word = p.tokens[run.start].text;
            let Some(i) = surnames.first_without_role(word, &people.list) else {
                continue;
            };
            let role = self.evidence(p, run).role();
            if let Some(person) = people.list.get_mut(i) {
                person.role = role;
            }
        }
    }
}

/// The people found so far, in order, with an index by name.
#[derive(Default)]
struct People {
    list: Vec<Person>,
    by_name: HashMap<String, usize>,
}

fn add_person(people: &mut People, name: String, role: Option<String>) {
    // `Ruiz de la Vega said` after `Antonio Ruiz de la Vega Morales`: a
    // shorter form of a person already found is that person.
    if !people.by_name.contains_key(&name)
        && people
            .list
            .iter()
            .any(|p| is_part_of_name(&name, &p.name) || is_initialled_form(&name, &p.name))
    {
        return;
    }
    match people.by_name.get(&name) {
        Some(&i) => {
            if let Some(known) = people.list.get_mut(i).filter(|k| k.role.is_none()) {
                known.role = role;
            }
        }
        None => {
            people.by_name.insert(name.clone(), people.list.len());
            people.list.push(Person { name, role });
        }
    }
}

/// Whether `short` (two words or more) is a run of the words of the longer
/// `name` that leaves out its first word: `Ruiz de la Vega` of `Antonio Ruiz
/// de la Vega Morales`, `Sousa e Brito` of `José Manuel Sousa e Brito`.
pub(crate) fn is_part_of_name(short: &str, name: &str) -> bool {
    let short: Vec<&str> = short.split_whitespace().collect();
    let long: Vec<&str> = name.split_whitespace().collect();
    short.len() >= 2
        && short.len() < long.len()
        && long[1..]
            .windows(short.len())
            .any(|w| w == short.as_slice())
}

/// Whether `short` is `name` with its given name written as an initial: `A.
/// Toktogulov` of `Aibek Toktogulov`, `J.-P. Mukendi` of `Jean-Pierre
/// Mukendi` (the initial's letters are the given names' first letters, the
/// other words are the same).
pub(crate) fn is_initialled_form(short: &str, name: &str) -> bool {
    let short: Vec<&str> = short.split_whitespace().collect();
    let long: Vec<&str> = name.split_whitespace().collect();
    let (Some(initial), Some(given)) = (short.first(), long.first()) else {
        return false;
    };
    let letters: Vec<char> = initial
        .split(['.', '-'])
        .filter(|s| !s.is_empty())
        .map(|s| s.chars().next().unwrap_or(' '))
        .collect();
    let is_initial = initial.ends_with('.')
        && initial
            .split(['.', '-'])
            .filter(|s| !s.is_empty())
            .all(|s| s.chars().count() == 1 && s.chars().all(char::is_uppercase));
    let firsts: Vec<char> = given.split('-').filter_map(|s| s.chars().next()).collect();
    is_initial
        && !letters.is_empty()
        && letters == firsts
        && short.len() >= 2
        && short.len() == long.len()
        && short[1..] == long[1..]
}

/// People by surname, in order, each list with a cursor on the first person
/// without a role: roles are only ever given, never taken away, so the cursor
/// only moves forward.
struct Surnames(HashMap<String, (Vec<usize>, usize)>);

impl Surnames {
    pub(super) fn new(people: &[Person]) -> Self {
        let mut map: HashMap<String, (Vec<usize>, usize)> = HashMap::default();
        for (i, person) in people.iter().enumerate() {
            if let Some(last) = surname(&person.name) {
                map.entry(last.to_string()).or_default().0.push(i);
            }
        }
        Surnames(map)
    }

    /// The first person with this surname and no role.
    pub(super) fn first_without_role(&mut self, word: &str, people: &[Person]) -> Option<usize> {
        let (list, cursor) = self.0.get_mut(word)?;
        while list
            .get(*cursor)
            .is_some_and(|&i| people.get(i).is_none_or(|p| p.role.is_some()))
        {
            *cursor += 1;
        }
        list.get(*cursor).copied()
    }
}

/// The last word of a name, its suffix aside: how later mentions refer to it.
pub(crate) fn surname(name: &str) -> Option<&str> {
    let lex = lexicon();
    let is_suffix = |t: &Token| lex.honorific(std::slice::from_ref(t)) == Some(Honorific::Suffix);
    tokenize(name)
        .into_iter()
        .rev()
        .find(|t| t.is_word() && !is_suffix(t) && !lex.is_particle(t))
        .map(|t| t.text)
}

/// A headline in title case capitalises ordinary words (`Ghada Waly Visits
/// Pakistan`), so name runs cannot be told apart there: such a title is not
/// read. One lower-case word of four letters or more that title case would
/// capitalise (`Statement by UNICEF Executive Director Catherine Russell on
/// children in Sudan`) shows a sentence-case title, however many names it has.
fn is_headline_case(title: &str) -> bool {
    // Words that title case leaves in lower case however long.
    const MINOR: [&str; 14] = [
        "with", "from", "into", "onto", "over", "upon", "amid", "than", "that", "after", "among",
        "under", "until", "within",
    ];
    let words: Vec<&str> = title
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let sentence_word = words.iter().any(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().all(char::is_alphabetic)
            && !MINOR.contains(w)
    });
    !words.is_empty() && capitalised * 10 > words.len() * 6 && !sentence_word
}

/// Persons named in the title and body (never the footer), one entry each.
/// A name found in `organisations` (by name or acronym) is never a person.
pub fn extract(text: &Text, organisations: &[Organisation]) -> Vec<Person> {
    extract_from(text, &super::body_tokens(text), organisations)
}

/// [`extract`] with the body paragraphs' tokens ([`super::body_tokens`]).
#[inline(never)] // Out of line so that profiles show each extractor's share.
pub(crate) fn extract_from(
    text: &Text,
    body: &[Vec<Token>],
    organisations: &[Organisation],
) -> Vec<Person> {
    let lex = lexicon();
    let mut people = People::default();
    let title = (!is_headline_case(text.title)).then_some(text.title);
    // `Dala Power said` after `Dala Power JSC`: a company without its legal
    // form is still that company.
    let without_form = |name: &str| {
        name.rsplit_once(' ')
            .filter(|(_, form)| crate::extract::organisations::is_legal_form(form))
            .map(|(short, _)| short.to_string())
    };
    let organisations: HashSet<String> = organisations
        .iter()
        .flat_map(|o| {
            let short = o.name.as_deref().and_then(without_form);
            [o.name.clone(), o.acronym.clone(), short]
        })
        .flatten()
        .map(|n| n.to_lowercase())
        .collect();
    // Each paragraph is tokenized and its name runs found once, for both readings.
    let mut passages: Vec<Passage> = text
        .body
        .iter()
        .zip(body)
        .map(|(para, tokens)| Passage::with_tokens(lex, para, Cow::Borrowed(tokens)))
        .chain(title.map(|para| Passage::new(lex, para)))
        .collect();
    // `Media contact: Kim Sreyneang, Senior Communications Officer`: a
    // contact block left in the body (a JSON record's last paragraph) names
    // contacts, not people.
    let contact_block: Vec<bool> = text
        .body
        .iter()
        .map(|p| crate::ingest::read::is_footer_heading(p))
        .chain(title.map(|_| false))
        .collect();
    for (p, _) in passages.iter_mut().zip(&contact_block).filter(|(_, &c)| !c) {
        lex.find_people(p, &mut people, &organisations);
    }
    let mut surnames = Surnames::new(&people.list);
    for p in &mut passages {
        p.clear_names();
        lex.enrich_by_surname(p, &mut people, &mut surnames);
    }
    people.list
}
