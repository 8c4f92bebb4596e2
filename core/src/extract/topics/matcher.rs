//! The topics extractor's fast path: every phrase of every topic and every
//! ignored name found in one Aho-Corasick pass, then each candidate checked
//! by hand against exactly what its regex (`phrase_pattern`, `blank_ignored`)
//! would match, with the regex crate's leftmost-first semantics where counts
//! matter. The results equal the regex method's on every text without the two
//! non-ASCII characters that fold to ASCII letters (`K` Kelvin, `ſ` long s);
//! the caller sends those few texts to the regex method.

use crate::extract::overlapping_keys;
use crate::extract::word_regex::is_ascii_word;
use aho_corasick::dfa::DFA;
use std::collections::HashMap;

/// One element of a phrase or name, in the order the regex matches them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Elem {
    /// An ASCII byte; lower-cased unless the phrase is case-sensitive.
    Lit(u8),
    /// `[\s\-]+` (a space in a phrase).
    Space,
    /// `[\s\-]?` (a hyphen in a phrase).
    Hyphen,
    /// `['’]`.
    Quote,
    /// `\s+` (between the words of an ignored name).
    Blank,
}

/// What may follow the last element, before the closing word boundary.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ending {
    /// `\w*` (a phrase ending in `*`).
    Open,
    /// `s?`, case-sensitive (an acronym).
    AcronymPlural,
    /// `(?:s|es)?`, case-insensitive.
    Plural,
    /// Nothing (an ignored name).
    Exact,
}

#[derive(Debug)]
struct Pattern {
    elems: Vec<Elem>,
    ending: Ending,
    case_sensitive: bool,
    /// How many elements open it as literals: its Aho-Corasick key.
    literals: usize,
}

#[derive(Debug, Clone, Copy)]
enum Target {
    /// An ignored name, by its line order.
    Name(u32),
    Strong(u32),
    /// A weak keyword: topic and its order among the topic's keywords.
    Weak(u32, u32),
}

#[derive(Debug)]
struct Entry {
    target: Target,
    pattern: Pattern,
}

#[derive(Debug)]
pub(super) struct Matcher {
    dfa: DFA,
    /// The entries whose literal prefix is each Aho-Corasick pattern.
    entries: Vec<Vec<Entry>>,
    topics: usize,
}

/// A topic row's phrase columns, as `parse_rows` gives them.
pub(super) type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

impl Matcher {
    /// None when a phrase or name falls outside the grammar checked by hand
    /// (then the regex method is used for every text).
    pub(super) fn build(rows: &[Row], ignored: &[&str]) -> Option<Matcher> {
        let mut keys: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut add = |target: Target, pattern: Pattern| -> Option<()> {
            let key: Vec<u8> = pattern.elems[..pattern.literals]
                .iter()
                .filter_map(|e| match e {
                    Elem::Lit(b) => Some(b.to_ascii_lowercase()),
                    _ => None,
                })
                .collect();
            if key.is_empty() {
                return None;
            }
            let id = *keys.entry(key).or_insert_with(|| {
                entries.push(Vec::new());
                entries.len() - 1
            });
            entries[id].push(Entry { target, pattern });
            Some(())
        };
        for (i, name) in ignored.iter().enumerate() {
            add(Target::Name(i as u32), name_pattern(name)?)?;
        }
        for (t, (_, strong, weak)) in rows.iter().enumerate() {
            for p in phrases(*strong) {
                add(Target::Strong(t as u32), phrase_pattern(p)?)?;
            }
            for (k, p) in phrases(*weak).enumerate() {
                add(Target::Weak(t as u32, k as u32), phrase_pattern(p)?)?;
            }
        }
        let mut by_id: Vec<(&Vec<u8>, &usize)> = keys.iter().collect();
        by_id.sort_by_key(|(_, id)| **id);
        // A full DFA: the overlapping search walks every byte of every body,
        // and the default (a contiguous NFA at this size) took twice as long.
        // No prefilter: walked by hand (`overlapping_keys`), without one.
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(by_id.iter().map(|(k, _)| k.as_slice()))
            .ok()?;
        Some(Matcher {
            dfa,
            entries,
            topics: rows.len(),
        })
    }

    /// Which topics count, by row index: a strong phrase in title or body, or
    /// at least `weak_needed` weak matches (counted as `find_iter` would).
    pub(super) fn topics(&self, title: &str, body: &str, weak_needed: usize) -> Vec<bool> {
        let (strong, weak) = self.counts(title, body);
        strong
            .into_iter()
            .zip(weak)
            .map(|(strong, weak)| strong || weak >= weak_needed)
            .collect()
    }

    /// Per topic: a strong phrase in title or body, and the number of weak
    /// matches in title plus body.
    pub(super) fn counts(&self, title: &str, body: &str) -> (Vec<bool>, Vec<usize>) {
        let mut strong = vec![false; self.topics];
        let mut weak = vec![0usize; self.topics];
        let mut scratch = Scratch::default();
        for text in [title, body] {
            self.scan(text, &mut scratch, &mut strong, &mut weak);
        }
        (strong, weak)
    }

    fn scan(&self, text: &str, s: &mut Scratch, strong: &mut [bool], weak: &mut [usize]) {
        let bytes = text.as_bytes();
        s.hits.clear();
        // Every key at a word start; their order does not matter (sorted).
        overlapping_keys(&self.dfa, bytes, |start, _, key| {
            if word_start(text, start) {
                s.hits.push((start, key));
            }
            false
        });
        if s.hits.is_empty() {
            return;
        }
        s.hits.sort_unstable();
        // Ignored names, leftmost-first and non-overlapping (`replace_all`).
        s.barriers.clear();
        let mut pos = 0;
        let mut i = 0;
        while i < s.hits.len() {
            let start = s.hits[i].0;
            let mut j = i;
            let mut best: Option<(u32, usize)> = None;
            while j < s.hits.len() && s.hits[j].0 == start {
                if start >= pos {
                    for e in &self.entries[s.hits[j].1] {
                        if let Target::Name(order) = e.target {
                            if best.is_some_and(|(o, _)| o < order) {
                                continue;
                            }
                            if let Some(end) = e.pattern.matches(bytes, text, start, bytes.len()) {
                                best = Some((order, end));
                            }
                        }
                    }
                }
                j += 1;
            }
            if let Some((_, end)) = best {
                s.barriers.push((start, end));
                pos = end;
            }
            i = j;
        }
        // Phrases, never inside or across an ignored name.
        s.weak.clear();
        let mut barrier = 0;
        for &(start, id) in &s.hits {
            while barrier < s.barriers.len() && s.barriers[barrier].1 <= start {
                barrier += 1;
            }
            let limit = match s.barriers.get(barrier) {
                Some(&(b, _)) if b <= start => continue,
                Some(&(b, _)) => b,
                None => bytes.len(),
            };
            for e in &self.entries[id] {
                match e.target {
                    Target::Name(_) => {}
                    Target::Strong(t) => {
                        if !strong[t as usize]
                            && e.pattern.matches(bytes, text, start, limit).is_some()
                        {
                            strong[t as usize] = true;
                        }
                    }
                    Target::Weak(t, k) => {
                        if let Some(end) = e.pattern.matches(bytes, text, start, limit) {
                            s.weak.push((t, start, k, end));
                        }
                    }
                }
            }
        }
        // Weak matches per topic as `find_iter` counts them: the leftmost
        // start, there the first keyword, then on from its end.
        s.weak.sort_unstable();
        let mut topic = u32::MAX;
        let mut pos = 0;
        for &(t, start, _, end) in &s.weak {
            if t != topic {
                topic = t;
                pos = 0;
            }
            if start >= pos {
                weak[t as usize] += 1;
                pos = end;
            }
        }
    }
}

#[derive(Default)]
struct Scratch {
    /// (start, Aho-Corasick pattern) at word starts.
    hits: Vec<(usize, usize)>,
    /// Byte ranges of ignored names.
    barriers: Vec<(usize, usize)>,
    /// (topic, start, keyword order, end) of weak matches.
    weak: Vec<(u32, usize, u32, usize)>,
}

impl Pattern {
    /// The end of this pattern's preferred match at `start` (a word start
    /// where the search found its key), the text being cut at `limit` (an
    /// ignored name, a non-word separator).
    fn matches(&self, bytes: &[u8], text: &str, start: usize, limit: usize) -> Option<usize> {
        // The key's bytes are there without ASCII case (the search's own
        // test): only a case-sensitive pattern reads them again.
        let mut i = start + self.literals;
        if i > limit {
            return None;
        }
        if self.case_sensitive {
            let written = bytes.get(start..i)?;
            let mut literals = self.elems[..self.literals].iter().zip(written);
            if !literals.all(|(e, b)| *e == Elem::Lit(*b)) {
                return None;
            }
        }
        for elem in &self.elems[self.literals..] {
            match *elem {
                Elem::Lit(c) => {
                    let b = *bytes.get(i).filter(|_| i < limit)?;
                    let same = if self.case_sensitive {
                        b == c
                    } else {
                        b.to_ascii_lowercase() == c
                    };
                    if !same {
                        return None;
                    }
                    i += 1;
                }
                // Greedy runs: the next element is a literal that is neither
                // a space nor a hyphen, so the longest run is the only one.
                Elem::Space | Elem::Blank => {
                    let hyphen = *elem == Elem::Space;
                    let from = i;
                    while let Some(len) = separator(text, i, limit, hyphen) {
                        i += len;
                    }
                    if i == from {
                        return None;
                    }
                }
                Elem::Hyphen => {
                    if let Some(len) = separator(text, i, limit, true) {
                        i += len;
                    }
                }
                Elem::Quote => {
                    if i < limit && bytes[i] == b'\'' {
                        i += 1;
                    } else if i + 3 <= limit && text[i..].starts_with('’') {
                        i += 3;
                    } else {
                        return None;
                    }
                }
            }
        }
        let boundary = |j: usize| j == limit || !is_word_at(text, j);
        let byte_is = |j: usize, lower: u8| {
            j < limit
                && if self.case_sensitive {
                    bytes[j] == lower
                } else {
                    bytes[j].to_ascii_lowercase() == lower
                }
        };
        match self.ending {
            Ending::Open => {
                while i < limit && is_word_at(text, i) {
                    i += char_len(text, i);
                }
                Some(i)
            }
            Ending::AcronymPlural | Ending::Plural => {
                if byte_is(i, b's') && boundary(i + 1) {
                    Some(i + 1)
                } else if self.ending == Ending::Plural
                    && byte_is(i, b'e')
                    && byte_is(i + 1, b's')
                    && boundary(i + 2)
                {
                    Some(i + 2)
                } else {
                    boundary(i).then_some(i)
                }
            }
            Ending::Exact => boundary(i).then_some(i),
        }
    }
}

/// The `|`-separated phrases of a column, trimmed, empty ones dropped.
pub(super) fn phrases(column: Option<&str>) -> impl Iterator<Item = &str> {
    column
        .into_iter()
        .flat_map(|c| c.split('|'))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// `super::phrase_pattern` as elements; None outside the grammar.
fn phrase_pattern(phrase: &str) -> Option<Pattern> {
    let case_sensitive = !phrase.chars().any(char::is_lowercase);
    let (stem, open) = match phrase.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (phrase, false),
    };
    let elems = stem
        .chars()
        .map(|c| match c {
            ' ' => Some(Elem::Space),
            '-' => Some(Elem::Hyphen),
            '\'' | '’' => Some(Elem::Quote),
            c if c.is_ascii() => {
                let b = c as u8;
                Some(Elem::Lit(if case_sensitive {
                    b
                } else {
                    b.to_ascii_lowercase()
                }))
            }
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    let ending = match (open, case_sensitive) {
        (true, _) => Ending::Open,
        (false, true) => Ending::AcronymPlural,
        (false, false) => Ending::Plural,
    };
    checked(Pattern {
        elems,
        ending,
        case_sensitive,
        literals: 0,
    })
}

/// `blank_ignored`'s pattern for one name as elements; None outside the grammar.
fn name_pattern(name: &str) -> Option<Pattern> {
    let mut elems = Vec::new();
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            elems.push(Elem::Blank);
        }
        for b in word.bytes() {
            if !b.is_ascii() {
                return None;
            }
            elems.push(Elem::Lit(b.to_ascii_lowercase()));
        }
    }
    checked(Pattern {
        elems,
        ending: Ending::Exact,
        case_sensitive: false,
        literals: 0,
    })
}

/// The pattern if the hand check is exact for it: it starts and ends with an
/// ASCII letter or digit (so both `\b` sit between a word and a non-word
/// character), and every separator is followed by a literal that no
/// separator matches (so the greedy runs never backtrack). Its leading
/// literals are counted here.
fn checked(mut p: Pattern) -> Option<Pattern> {
    p.literals = p
        .elems
        .iter()
        .take_while(|e| matches!(e, Elem::Lit(_)))
        .count();
    let word = |e: Option<&Elem>| matches!(e, Some(Elem::Lit(b)) if b.is_ascii_alphanumeric());
    if !word(p.elems.first()) || !word(p.elems.last()) {
        return None;
    }
    let ok = p.elems.windows(2).all(|w| match w {
        [Elem::Space | Elem::Hyphen | Elem::Blank, next] => {
            matches!(next, Elem::Lit(b) if *b != b'-' && !(*b as char).is_whitespace())
        }
        _ => true,
    });
    ok.then_some(p)
}

/// The length of a separator (`\s`, or `-` when `hyphen`) at `i`, if any.
fn separator(text: &str, i: usize, limit: usize, hyphen: bool) -> Option<usize> {
    if i >= limit {
        return None;
    }
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return ((b as char).is_whitespace() || (hyphen && b == b'-')).then_some(1);
    }
    let c = text[i..].chars().next()?;
    (i + c.len_utf8() <= limit && c.is_whitespace()).then_some(c.len_utf8())
}

fn char_len(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(1, char::len_utf8)
}

/// Unicode `\w` for the character at `i` (a character boundary).
fn is_word_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => is_ascii_word(*b),
        Some(_) => text[i..].chars().next().is_some_and(is_word),
    }
}

/// Unicode `\b` before the character at `i`, which is a word character.
fn word_start(text: &str, i: usize) -> bool {
    match text.as_bytes()[..i].last() {
        None => true,
        Some(b) if b.is_ascii() => !is_ascii_word(*b),
        Some(_) => !text[..i].chars().next_back().is_some_and(is_word),
    }
}

/// The regex crate's Unicode `\w`.
pub(super) fn is_word(c: char) -> bool {
    regex_syntax::try_is_word_character(c).unwrap_or(false)
}
