//! Programme words: the shared tokens (`extract::tokens`) of one paragraph as
//! the programme finder reads them: words, brackets, quotes, dashes and
//! breaks, with sentence stops and possessives folded into the word before.

use std::borrow::Cow;

use super::lists::lists;
use crate::extract::tokens::{self, Token};
use crate::text::{FilterBit, WordFilter};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Open,
    Close,
    Quote,
    Dash,
    /// Comma, semicolon, colon: nothing joins across it.
    Break,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    /// A full stop, `!` or `?` follows.
    pub(super) sentence_end: bool,
    /// `UNODC's`: the word names an owner (text has the `'s` removed).
    pub(super) possessive: bool,
    /// What [`Tok::is_cap`], [`Tok::is_head`] and [`Tok::is_weak_head`]
    /// answer, worked out once per token by [`words`]: the finders ask them
    /// of every token several times.
    cap: bool,
    head: bool,
    weak_head: bool,
    /// A word's bit in the lists' filters, asked by the head and hint gates.
    pub(super) lower_bit: FilterBit,
}

impl<'a> Tok<'a> {
    fn new(s: &'a str, start: usize, end: usize, kind: Kind) -> Tok<'a> {
        Tok {
            text: &s[start..end],
            start,
            end,
            kind,
            sentence_end: false,
            possessive: false,
            cap: false,
            head: false,
            weak_head: false,
            lower_bit: FilterBit::default(),
        }
    }

    /// Sets the answers kept on the token, once its text and kind are final.
    fn classify(&mut self) {
        self.cap = self.capitalised();
        if !self.is_word() {
            return;
        }
        self.lower_bit = WordFilter::ascii_lowercase_bit(self.text);
        let kind = |text: &str, bit| {
            lists()
                .may_be_head(text, bit)
                .then(|| with_lower(text, |lower| lists().head_kinds.get(lower).copied()))
                .flatten()
        };
        // `Counter-Strategy`: a capitalised compound ends on its head.
        let kind = kind(self.text, self.lower_bit).or_else(|| {
            if !self.cap {
                return None;
            }
            // `Strategy–Phase` (of `the Pentagonal Strategy–Phase I`): a
            // head joined to the phase that a number follows.
            if let Some(front) = strip_phase(self.text) {
                return kind(front, WordFilter::ascii_lowercase_bit(front));
            }
            let (_, tail) = self.text.rsplit_once('-')?;
            kind(tail, WordFilter::ascii_lowercase_bit(tail))
        });
        self.weak_head = kind == Some(true);
        self.head = kind.is_some();
    }

    /// Lowercase; borrowed when the text is ASCII without capitals (most words).
    pub(super) fn lower(&self) -> Cow<'a, str> {
        if self
            .text
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            Cow::Borrowed(self.text)
        } else if self.text.is_ascii() {
            // The same letters as `to_lowercase` gives ASCII text, without
            // its per-character case mapping.
            Cow::Owned(self.text.to_ascii_lowercase())
        } else {
            Cow::Owned(self.text.to_lowercase())
        }
    }

    pub(super) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub(super) fn is_year(&self) -> bool {
        self.is_word() && self.text.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Capitalised, and not a hyphenated participle (`EU-funded`, `UNODC-led`).
    pub(super) fn is_cap(&self) -> bool {
        self.cap
    }

    fn capitalised(&self) -> bool {
        self.capitalised_ascii()
            .unwrap_or_else(|| self.capitalised_by_chars())
    }

    /// [`Tok::capitalised`] read from the bytes alone, for most words: one
    /// opening with a lower-case ASCII letter (no capital after it) is not,
    /// one opening with an ASCII capital (no hyphen after it: no participle)
    /// is. `None` for the others.
    fn capitalised_ascii(&self) -> Option<bool> {
        if !self.is_word() {
            return None;
        }
        let bytes = self.text.as_bytes();
        match bytes.first() {
            Some(b) if b.is_ascii_lowercase() => {
                (!bytes.get(1).is_some_and(u8::is_ascii_uppercase)).then_some(false)
            }
            Some(b) if b.is_ascii_uppercase() => (!bytes.contains(&b'-')).then_some(true),
            _ => None,
        }
    }

    fn capitalised_by_chars(&self) -> bool {
        let first_upper = || {
            self.text
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        };
        let participle = || {
            // A one-character array: a `char` searches with `memrchr`,
            // dearer than reading a word's few bytes.
            self.text.rsplit_once(['-']).is_some_and(|(_, tail)| {
                tail.chars().all(char::is_lowercase)
                    && (tail.ends_with("ed") || matches!(tail, "led" | "run" | "wide" | "based"))
            })
        };
        // `mRNA`, `eHealth`, `iNTP`: one lower-case letter before a capital
        // is a technical word written as a name.
        let lower_then_upper = || {
            let mut chars = self.text.chars();
            chars.next().is_some_and(|c| c.is_ascii_lowercase())
                && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        };
        self.is_word() && (first_upper() || lower_then_upper()) && !participle() && !self.is_year()
    }

    pub(super) fn is_connector(&self) -> bool {
        self.is_word() && !self.is_cap() && lists().connectors.contains(self.lower().as_ref())
    }

    /// A head noun, strong (`Programme`) or weak (`Framework`, see [`Tok::is_weak_head`]).
    pub(super) fn is_head(&self) -> bool {
        self.head
    }

    /// `Framework`, `Roadmap`, `Contract`: a head that makes a name a
    /// programme only with a signal that it runs, is funded or adopted.
    pub(super) fn is_weak_head(&self) -> bool {
        self.weak_head
    }

    /// `II`, `IV`, `V`: a roman numeral that may end a name after its head
    /// (`Health Sector Strategic Plan V`).
    pub(super) fn is_roman(&self) -> bool {
        self.is_word()
            && self.text.len() <= 4
            && self.text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
    }

    /// `GLO.ACT`, `GPML`, `E4J`, `goAML`, `EU-ACT`, `SDGs`.
    pub(super) fn is_acronym(&self) -> bool {
        tokens::acronym_like(self.text)
    }
}

/// Calls `f` with the bytes of `text` lowercased: in a buffer on the stack
/// for short ASCII text (every word is looked up in the head lists: no
/// string allocated per capitalised word), else as [`Tok::lower`] does.
fn with_lower<R>(text: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    if text.is_ascii() {
        with_ascii_lower(text, f)
    } else {
        f(text.to_lowercase().as_bytes())
    }
}

/// Calls `f` with the bytes of `text`, ASCII letters lowercased
/// (`str::to_ascii_lowercase`), in a buffer on the stack when short.
pub(super) fn with_ascii_lower<R>(text: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..text.len()) {
        Some(lower) => {
            lower.copy_from_slice(text.as_bytes());
            lower.make_ascii_lowercase();
            f(lower)
        }
        None => f(text.to_ascii_lowercase().as_bytes()),
    }
}

/// Marks that end a word: a word runs from its first character to whitespace
/// or one of these, so `R&D`, `€12`, `2018–2022` and `GLO.ACT` are one word.
fn ends_word(t: &Token) -> bool {
    t.kind == tokens::Kind::Punct
        && matches!(
            t.text,
            "(" | ")" | "[" | "]" | "\"" | "“" | "”" | "«" | "»" | "," | ";" | ":" | "!" | "?"
        )
}

/// What a token that is one of the programme finder's marks is; `None`
/// for any other token.
enum Mark {
    Tok(Kind),
    /// `.`, `!`, `?`: ends the sentence of the word before.
    SentenceEnd,
}

fn mark(t: &Token) -> Option<Mark> {
    if t.kind != tokens::Kind::Punct {
        return None;
    }
    Some(match t.text {
        "(" | "[" => Mark::Tok(Kind::Open),
        ")" | "]" => Mark::Tok(Kind::Close),
        "\"" | "“" | "”" | "«" | "»" => Mark::Tok(Kind::Quote),
        "–" | "—" => Mark::Tok(Kind::Dash),
        "," | ";" | ":" => Mark::Tok(Kind::Break),
        "." | "!" | "?" => Mark::SentenceEnd,
        _ => return None,
    })
}

/// The programme words of paragraph `s`, from its tokens (`tokens::tokenize`).
pub(super) fn words<'a>(s: &'a str, tokens: &[Token<'a>]) -> Vec<Tok<'a>> {
    let mut toks: Vec<Tok> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while let Some(t) = tokens.get(i) {
        match mark(t) {
            Some(Mark::Tok(kind)) => {
                toks.push(Tok::new(s, t.start, t.end, kind));
                i += 1;
                continue;
            }
            Some(Mark::SentenceEnd) => {
                if let Some(last) = toks.last_mut() {
                    last.sentence_end = true;
                }
                i += 1;
                continue;
            }
            None => {}
        }
        let mut last = i;
        while tokens
            .get(last + 1)
            .is_some_and(|n| n.start == tokens[last].end && !ends_word(n))
        {
            last += 1;
        }
        push_word(&mut toks, s, t.start, tokens[last].end);
        i = last + 1;
    }
    for t in &mut toks {
        t.classify();
    }
    // `Joint Action on Pandemic Preparedness ...`: a capitalised `Action`
    // right after `Joint` names a co-funded action, a programme.
    for i in 1..toks.len() {
        // As `lower() == "joint"`: no other character lowercases to these letters.
        let joint = toks[i - 1].is_cap() && toks[i - 1].text.eq_ignore_ascii_case("joint");
        if joint && toks[i].is_cap() && toks[i].text.eq_ignore_ascii_case("action") {
            toks[i].head = true;
        }
    }
    toks
}

/// `Girls' Empowerment`, `Farmers’ Cooperative`: an apostrophe after a
/// plural's `s` (the word before it ends at `at`) with a capitalised word
/// right after, and no single quote open before the word, is a plural
/// possessive inside a name, not a closing quote.
fn plural_possessive(s: &str, start: usize, at: usize) -> bool {
    let plural = s[start..at].len() > 2
        && s[start..at].ends_with('s')
        && s[start..at].starts_with(|c: char| c.is_uppercase());
    let mut after = s[at..].chars().skip(1);
    let capital_next = after.next() == Some(' ') && after.next().is_some_and(char::is_uppercase);
    plural && capital_next && !single_quote_open(&s[..start])
}

/// Whether a single quote (`‘`, or `'` after a space) opens in `before`
/// with no closing one after it.
fn single_quote_open(before: &str) -> bool {
    let mut open = false;
    let mut prev = ' ';
    for c in before.chars() {
        match c {
            '‘' => open = true,
            '\'' if prev.is_whitespace() || prev == '(' => open = true,
            '’' | '\'' => open = false,
            _ => {}
        }
        prev = c;
    }
    open
}

/// Trims a word: quotes, a possessive and a final full stop come off it.
// The quotes are told by their UTF-8 bytes: every word is read here, and
// most open and end with a letter.
fn push_word<'a>(toks: &mut Vec<Tok<'a>>, s: &'a str, mut start: usize, mut end: usize) {
    let bytes = s.as_bytes();
    let (sentence_end, closing_quote) = if opens_and_ends_alphanumeric(&bytes[start..end]) {
        (false, None)
    } else {
        trim_word(toks, s, &mut start, &mut end)
    };
    if start == end {
        return;
    }
    let mut tok = Tok::new(
        s,
        start,
        end,
        if &bytes[start..end] == b"-" {
            Kind::Dash
        } else {
            Kind::Word
        },
    );
    if bytes[start..end].ends_with(b"s") {
        let w = tok.text;
        if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            tok.text = stem;
            tok.possessive = true;
        }
    }
    tok.sentence_end = sentence_end && closing_quote.is_none();
    toks.push(tok);
    if let Some(q) = closing_quote {
        let mut quote = Tok::new(
            s,
            q,
            s[q..].chars().next().map_or(q, |c| q + c.len_utf8()),
            Kind::Quote,
        );
        quote.sentence_end = sentence_end;
        toks.push(quote);
    }
}

/// Whether a word opens and ends with an ASCII letter or digit, as most do:
/// then [`trim_word`] finds nothing to take off (no quote's UTF-8 bytes, `'`
/// or `.` at either end), and is not called.
fn opens_and_ends_alphanumeric(word: &[u8]) -> bool {
    word.first().is_some_and(u8::is_ascii_alphanumeric)
        && word.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// Takes the quotes, a possessive's closing quote and a final full stop off
/// the word at `start..end` (pushing its opening quotes): whether a full stop
/// ended a sentence there, and where a closing quote was taken off.
fn trim_word<'a>(
    toks: &mut Vec<Tok<'a>>,
    s: &'a str,
    start: &mut usize,
    end: &mut usize,
) -> (bool, Option<usize>) {
    const OPENING: &[u8] = "‘".as_bytes();
    const CLOSING: &[u8] = "’".as_bytes();
    let bytes = s.as_bytes();
    loop {
        let w = &bytes[*start..*end];
        let q = if w.first() == Some(&b'\'') {
            1
        } else if w.starts_with(OPENING) {
            OPENING.len()
        } else {
            break;
        };
        toks.push(Tok::new(s, *start, *start + q, Kind::Quote));
        *start += q;
    }
    let mut sentence_end = false;
    let mut closing_quote = None;
    loop {
        let w = &bytes[*start..*end];
        let q = if w.last() == Some(&b'\'') {
            1
        } else if w.ends_with(CLOSING) {
            CLOSING.len()
        } else {
            0
        };
        if w.last() == Some(&b'.') && !is_abbreviation(&s[*start..*end]) {
            sentence_end = true;
            *end -= 1;
        } else if q > 0 {
            if plural_possessive(s, *start, *end - q) {
                // `Adolescent Girls' Empowerment ... Programme`: part of the word.
                break;
            }
            closing_quote = Some(*end - q);
            *end -= q;
        } else {
            break;
        }
    }
    (sentence_end, closing_quote)
}

/// `U.S.`, `J.`: a dot that ends an abbreviation, not a sentence.
fn is_abbreviation(word: &str) -> bool {
    word.trim_end_matches('.')
        .split('.')
        .all(|p| p.chars().count() == 1)
}

/// The head before `-Phase` or `–Phase` joined to it (`Strategy–Phase`).
pub(super) fn strip_phase(text: &str) -> Option<&str> {
    text.strip_suffix("Phase")
        .and_then(|front| front.strip_suffix(['-', '–']))
        .filter(|front| !front.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    /// The head lookup as it was before `Lists::may_be_head` gated it.
    fn looked_up(text: &str) -> Option<bool> {
        with_lower(text, |lower| lists().head_kinds.get(lower).copied())
    }

    #[test]
    fn the_head_gate_passes_every_head() {
        let mut texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "the PROGRAMME and the Programme, a Framework, Plan, İnitiative, ÉTAPE",
            "Programmes, Strategy-led, strategy, Roadmap’s and the Joint Action",
        ]);
        let lists = lists();
        for key in lists.head_kinds.keys() {
            let key = String::from_utf8_lossy(key).into_owned();
            texts.push(format!(
                "{key} {} {}",
                key.to_uppercase(),
                capitalised(&key)
            ));
        }
        let (mut heads, mut words_seen) = (0, 0);
        for t in &texts {
            for tok in words(t, &tokenize(t)) {
                if !tok.is_word() {
                    continue;
                }
                words_seen += 1;
                let found = looked_up(tok.text);
                if found.is_some() {
                    heads += 1;
                    assert!(
                        lists.may_be_head(tok.text, tok.lower_bit),
                        "{:?} in {t:?}",
                        tok.text
                    );
                }
            }
        }
        assert!(heads > 100, "{heads}");
        // And most words are passed over without the lookup.
        let skipped = texts
            .iter()
            .flat_map(|t| tokenize(t).into_iter().filter(|t| t.is_word()))
            .filter(|t| !lists.may_be_head(t.text, WordFilter::ascii_lowercase_bit(t.text)))
            .count();
        assert!(skipped * 2 > words_seen, "{skipped} of {words_seen}");
    }

    /// Words made of every string of up to three of these pieces, and the
    /// words of the sample texts.
    fn test_words() -> Vec<String> {
        const PIECES: [&str; 12] = ["a", "A", "0", "-", ".", "'", "‘", "’", "é", "É", "s", "ed"];
        let mut out = crate::sample_texts::concatenations(&PIECES, 3);
        for t in crate::sample_texts::with_paragraphs_and_lines(&[]) {
            out.extend(t.split_whitespace().map(str::to_string));
        }
        out
    }

    #[test]
    fn a_word_opening_and_ending_alphanumeric_has_nothing_to_trim() {
        let mut checked = 0;
        for w in test_words() {
            if !opens_and_ends_alphanumeric(w.as_bytes()) {
                continue;
            }
            checked += 1;
            // Text around the word, for the possessive's look before and after.
            let s = format!("the {w} Programme");
            let (mut start, mut end) = (4, 4 + w.len());
            let mut toks = Vec::new();
            let trimmed = trim_word(&mut toks, &s, &mut start, &mut end);
            assert_eq!(
                (trimmed, start, end),
                ((false, None), 4, 4 + w.len()),
                "{w:?}"
            );
            assert!(toks.is_empty(), "{w:?}");
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn capitals_read_from_bytes_are_those_read_by_characters() {
        let mut read = 0;
        for w in test_words() {
            let tok = Tok::new(&w, 0, w.len(), Kind::Word);
            if let Some(quick) = tok.capitalised_ascii() {
                read += 1;
                assert_eq!(quick, tok.capitalised_by_chars(), "{w:?}");
            }
        }
        assert!(read > 1000, "{read}");
    }

    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }
}
