//! Words as the countries and organisations extractors match them: the
//! letter-and-digit parts of the shared tokens (`extract::tokens`), folded for
//! lookup, with the gaps between them kept for context rules.
//!
//! Matching works on words, never on substrings, so `Niger` cannot match inside
//! `Nigeria` and `Dominica` not inside `Dominican`. Keys are folded (lowercase,
//! no diacritics), dotted abbreviations are joined (`U.S.` and `US` are one
//! word), and e-mail addresses, URLs, handles and hashtags are skipped.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use crate::extract::tokens::is_title_case;
use crate::text::{fold_case_and_marks, FilterBit, WordFilter, WordSet};

const CONTEXT: &str = data_file!("countries_context.tsv");

/// Characters in the gap between two words that end a sentence or clause: a
/// phrase never runs across them.
const HARD: &[char] = &['.', ';', ':', '!', '?', '…', '\n', '\r'];

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// As written; a dotted abbreviation without its dots (`U.S.` → `US`).
    pub surface: WordStr<'a>,
    /// Folded for lookup: lowercase, diacritics removed.
    pub key: WordStr<'a>,
    /// Byte range in the source text.
    pub start: usize,
    pub end: usize,
    /// The key's [`WordFilter::word_bit`], worked out once: the phrase
    /// tables and cue lists ask their filters about every word's key, some
    /// several times.
    pub key_bit: FilterBit,
}

impl<'a> Word<'a> {
    fn new(surface: WordStr<'a>, key: WordStr<'a>, start: usize, end: usize) -> Self {
        let key_bit = WordFilter::word_bit(key.as_bytes());
        Word {
            surface,
            key,
            start,
            end,
            key_bit,
        }
    }
}

/// A word's text: borrowed from the source where it is written so (most
/// words, and the keys of lower-case ASCII words), owned only where folding
/// or joining changed it. Reading a paragraph's words allocated two strings
/// per word before.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct WordStr<'a>(Cow<'a, str>);

impl WordStr<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for WordStr<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for WordStr<'_> {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for WordStr<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for WordStr<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for WordStr<'_> {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl From<WordStr<'_>> for String {
    fn from(w: WordStr<'_>) -> String {
        w.0.into_owned()
    }
}

impl fmt::Debug for WordStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

/// The words of one piece of text (a title, a paragraph), with the source kept
/// so the gaps between words can be inspected.
#[derive(Debug)]
pub struct Words<'a> {
    pub src: &'a str,
    pub list: Vec<Word<'a>>,
    /// `in_caps_context`, worked out on first use: it reads every word, so
    /// asking it again for each match made all-caps-word texts quadratic.
    caps_context: std::cell::OnceCell<bool>,
    /// `is_title_cased`, worked out on first use: countries and
    /// organisations both ask it of every piece.
    title_cased: std::cell::OnceCell<bool>,
}

impl<'a> Words<'a> {
    /// The words of `src`. Whitespace-separated chunks that are e-mail
    /// addresses, URLs, @handles or #hashtags are skipped: a name seen only
    /// inside them is not a mention.
    ///
    /// The shared tokens' chunks are the text's whitespace-separated runs and
    /// their parts the letter-and-digit runs inside them, so both are read
    /// here straight from the text, without building the tokens (equal to
    /// the tokens' reading: `reads_as_the_shared_tokens` below).
    pub fn new(src: &'a str) -> Self {
        Self::read(src, None)
    }

    /// [`Words::new`], the keys of words with capitals (ASCII) borrowed from
    /// `lowered`, `src.to_ascii_lowercase()`, where `new` copies each: one
    /// copy of a paragraph costs less than a string per capitalised word.
    pub fn with_lowered(src: &'a str, lowered: &'a str) -> Self {
        debug_assert_eq!(src.len(), lowered.len());
        Self::read(src, Some(lowered).filter(|l| l.len() == src.len()))
    }

    fn read(src: &'a str, lowered: Option<&'a str>) -> Self {
        let mut parts = Vec::with_capacity(src.len() / 6 + 1);
        // One pass over the bytes, ASCII classed by a table without
        // decoding, with a tight loop per run (written by hand for speed:
        // this reads every byte of every paragraph, twice).
        let bytes = src.as_bytes();
        let mut pos = 0;
        loop {
            while let Some(&b) = bytes.get(pos) {
                let class = CLASSES[usize::from(b)];
                if class & SPACE != 0 {
                    pos += 1;
                    continue;
                }
                match wide_char_at(src, pos, class) {
                    Some(c) if c.is_whitespace() => pos += c.len_utf8(),
                    _ => break,
                }
            }
            if pos >= bytes.len() {
                break;
            }
            // A whitespace-separated chunk from `from`.
            let (from, first) = (pos, parts.len());
            // Every address form needs one of `@#.:` (see `is_address`).
            let mut marker = false;
            while let Some(&b) = bytes.get(pos) {
                let class = CLASSES[usize::from(b)];
                if class & (PLAIN | UPPER) != 0 {
                    pos = push_run(src, lowered, pos, &mut parts);
                    continue;
                }
                if class & SPACE != 0 {
                    break;
                }
                if class & WIDE == 0 {
                    marker |= class & MARKER != 0;
                    pos += 1;
                    continue;
                }
                let Some(c) = char_at(src, pos) else { break };
                if c.is_whitespace() {
                    break;
                }
                if c.is_alphanumeric() {
                    pos = push_run(src, lowered, pos, &mut parts);
                    continue;
                }
                pos += c.len_utf8();
            }
            // A chunk that is an e-mail address, URL, @handle or #hashtag
            // gives no words.
            if marker && is_address(&src[from..pos]) {
                parts.truncate(first);
            }
        }
        let list = join_dotted(src, parts);
        Words {
            src,
            list,
            caps_context: std::cell::OnceCell::new(),
            title_cased: std::cell::OnceCell::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&Word<'a>> {
        self.list.get(i)
    }

    /// The text between word `i - 1` and word `i` (from the start for `i == 0`).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let from = if i == 0 {
            0
        } else {
            self.list.get(i - 1).map_or(0, |t| t.end)
        };
        let to = self.list.get(i).map_or(self.src.len(), |t| t.start);
        self.src.get(from..to).unwrap_or("")
    }

    /// The text after word `i` up to the next word (or the end).
    pub fn gap_after(&self, i: usize) -> &'a str {
        self.gap_before(i + 1)
    }

    /// True when words `i` and `i + 1` are separated by spaces only (same line).
    pub fn adjacent(&self, i: usize) -> bool {
        let (Some(word), Some(next)) = (self.list.get(i), self.list.get(i + 1)) else {
            return false;
        };
        // Most gaps are one space: compared as bytes, without the text
        // slice's character boundary checks or reading characters.
        if self.src.as_bytes().get(word.end..next.start) == Some(b" ") {
            return true;
        }
        let gap = self.src.get(word.end..next.start).unwrap_or("");
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
    }

    /// True when a sentence or clause ends between word `i` and word `i + 1`.
    pub fn hard_break_after(&self, i: usize) -> bool {
        let gap = self.gap_after(i);
        // Most gaps are a space: read as bytes when ASCII (`HARD`'s ASCII
        // characters), the characters otherwise.
        let hard = if gap.is_ascii() {
            gap.bytes()
                .any(|b| matches!(b, b'.' | b';' | b':' | b'!' | b'?' | b'\n' | b'\r'))
        } else {
            gap.contains(HARD)
        };
        if !hard {
            return false;
        }
        // "St. Lucia", "Mr. Jordan": the full stop belongs to the abbreviation.
        let abbreviation = self
            .get(i)
            .is_some_and(|t| abbreviations().contains(t.surface.as_str()));
        !(abbreviation
            && gap.trim_start_matches('.').chars().all(char::is_whitespace)
            && gap.starts_with('.'))
    }

    /// The whole piece's keys joined with spaces, leading `the` dropped: the
    /// lookup form of a name written on its own.
    pub fn lookup_key(&self) -> String {
        let keys: Vec<&str> = self.list.iter().map(|t| t.key.as_str()).collect();
        let keys = match keys.split_first() {
            Some((&"the", rest)) if !rest.is_empty() => rest,
            _ => &keys[..],
        };
        keys.join(" ")
    }
}

fn abbreviations() -> &'static WordSet<&'static str> {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| context_lines(CONTEXT, "abbrev").collect())
}

/// The phrases of one `kind` in a `kind<TAB>phrase` context file.
pub fn context_lines<'d>(data: &'d str, kind: &'d str) -> impl Iterator<Item = &'d str> + 'd {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(move |(k, _)| k.trim() == kind)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// Byte classes of [`Words::new`], bits of [`CLASSES`].
/// `a`-`z` and `0`-`9`: letters and digits folding to themselves.
const PLAIN: u8 = 1;
/// `A`-`Z`.
const UPPER: u8 = 2;
/// `char::is_whitespace` on ASCII: space, \t, \n, \x0B, \x0C, \r.
const SPACE: u8 = 4;
/// `@`, `#`, `.`, `:`: every address form needs one (see [`is_address`]).
const MARKER: u8 = 8;
/// A byte of a character beyond ASCII: decoded.
const WIDE: u8 = 16;

/// The class of each byte.
static CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = if !b.is_ascii() {
            WIDE
        } else if b.is_ascii_lowercase() || b.is_ascii_digit() {
            PLAIN
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if matches!(b, b' ' | b'\t'..=b'\r') {
            SPACE
        } else if matches!(b, b'@' | b'#' | b'.' | b':') {
            MARKER
        } else {
            0
        };
        i += 1;
    }
    table
};

/// The character at byte `at`.
fn char_at(src: &str, at: usize) -> Option<char> {
    src.get(at..)?.chars().next()
}

/// The character at byte `at` when its byte's `class` is `WIDE`, else
/// `None`: the test comes first, so the ASCII byte ending most runs and
/// gaps is not decoded.
#[inline(always)]
fn wide_char_at(src: &str, at: usize, class: u8) -> Option<char> {
    if class & WIDE == 0 {
        return None;
    }
    char_at(src, at)
}

/// Pushes the letter-and-digit run (the tokens' `parts`) that starts at
/// byte `from` as a word; returns where it ends. Its key is borrowed when
/// folding leaves it as it is (lower-case ASCII and digits: most words).
#[inline(always)]
fn push_run<'a>(
    src: &'a str,
    lowered: Option<&'a str>,
    from: usize,
    parts: &mut Vec<Word<'a>>,
) -> usize {
    let bytes = src.as_bytes();
    let mut pos = from;
    // The classes seen: plain while no bit but `PLAIN`.
    let mut seen = 0;
    while let Some(&b) = bytes.get(pos) {
        let class = CLASSES[usize::from(b)];
        if class & (PLAIN | UPPER) != 0 {
            seen |= class;
            pos += 1;
            continue;
        }
        match wide_char_at(src, pos, class) {
            Some(c) if c.is_alphanumeric() => {
                seen |= WIDE;
                pos += c.len_utf8();
            }
            _ => break,
        }
    }
    let surface = &src[from..pos];
    let key = if seen & !PLAIN == 0 {
        Cow::Borrowed(surface)
    } else if seen & WIDE == 0 {
        // ASCII with a capital: what `fold_case_and_marks` gives it.
        match lowered.and_then(|l| l.get(from..pos)) {
            Some(key) => Cow::Borrowed(key),
            None => Cow::Owned(surface.to_ascii_lowercase()),
        }
    } else {
        Cow::Owned(fold_case_and_marks(surface))
    };
    parts.push(Word::new(
        WordStr(Cow::Borrowed(surface)),
        WordStr(key),
        from,
        pos,
    ));
    pos
}

/// Top-level domains that make a chunk an address (see [`is_address`]).
const DOMAINS: [&str; 6] = [".org", ".int", ".com", ".net", ".gov", ".edu"];

/// An e-mail address, URL, @handle or #hashtag. Every form needs one of
/// `@#.:` ([`Words::new`] asks only of a chunk holding one).
///
/// As `is_address_lowered` reads the chunk lowercased, comparing its bytes
/// without ASCII case instead (the check runs on every word before a full
/// stop): the forms' characters are ASCII, and no character beyond ASCII
/// lowercases to one of them (only `K` and `İ` lowercase to ASCII letters,
/// `k` and `i` with a combining dot), so a chunk with such characters reads
/// alike without lowercasing a copy.
fn is_address(chunk: &str) -> bool {
    let hashtag = chunk
        .trim_start_matches(['(', '[', '"', '“'])
        .strip_prefix('#')
        .is_some_and(|t| t.starts_with(char::is_alphanumeric));
    let b = chunk.as_bytes();
    // `@`, `://` and the full stops in one pass over the bytes: chunks are
    // a word or two, where each `contains` and `match_indices` cost more
    // in setting up than in searching.
    let is_domain = |at: usize| {
        b.get(at..at + 4)
            .is_some_and(|w| DOMAINS.iter().any(|d| d.as_bytes().eq_ignore_ascii_case(w)))
    };
    let (mut marked, mut dotted) = (hashtag, false);
    for (at, &c) in b.iter().enumerate() {
        match c {
            b'@' => marked = true,
            b':' => marked |= b.get(at + 1..at + 3) == Some(b"//"),
            b'.' => {
                dotted |= (at >= 3 && b[at - 3..at].eq_ignore_ascii_case(b"www"))
                    || (is_domain(at) && b.get(at + 4) == Some(&b'/'));
            }
            _ => {}
        }
    }
    if marked {
        return true;
    }
    let trimmed = chunk.trim_end_matches(['.', ',', ')', ';']);
    dotted || trimmed.len().checked_sub(4).is_some_and(is_domain)
}

/// An e-mail address, URL, @handle or #hashtag, read from the chunk
/// lowercased: what [`is_address`] answers.
#[cfg(test)]
fn is_address_lowered(chunk: &str) -> bool {
    let lower = chunk.to_lowercase();
    let hashtag = chunk
        .trim_start_matches(['(', '[', '"', '“'])
        .strip_prefix('#')
        .is_some_and(|t| t.starts_with(char::is_alphanumeric));
    let trimmed = lower.trim_end_matches(['.', ',', ')', ';']);
    hashtag
        || chunk.contains('@')
        || lower.contains("://")
        || lower.contains("www.")
        || DOMAINS.iter().any(|tld| {
            lower.match_indices(tld).any(|(at, _)| {
                lower
                    .get(at + tld.len()..)
                    .is_some_and(|r| r.starts_with('/'))
            }) || trimmed.ends_with(tld)
        })
}

/// The word `surface` at `start..end`, as [`Words::new`] reads it.
#[cfg(test)]
fn word(surface: &str, start: usize, end: usize) -> Word<'_> {
    Word::new(WordStr(Cow::Borrowed(surface)), key_of(surface), start, end)
}

/// The folded key of `surface`, borrowed when folding leaves it as it is
/// (lower-case ASCII: most words).
#[cfg(test)]
fn key_of(surface: &str) -> WordStr<'_> {
    if surface
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return WordStr(Cow::Borrowed(surface));
    }
    WordStr(Cow::Owned(fold_case_and_marks(surface)))
}

/// Whether `word` is one alphabetic character. A word that opens with an
/// ASCII byte (most) is one character exactly when it is one byte: told
/// without decoding.
fn is_one_letter(word: &str) -> bool {
    match word.as_bytes() {
        [b] => b.is_ascii_alphabetic(),
        [b, _, ..] if b.is_ascii() => false,
        _ => {
            let mut chars = word.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        }
    }
}

/// `U.S.`, `I.R.`, `U.N.O.D.C.`: single letters joined by full stops become
/// one word, the final full stop included.
fn join_dotted<'a>(src: &'a str, words: Vec<Word<'a>>) -> Vec<Word<'a>> {
    let single = |t: &Word| is_one_letter(&t.surface);
    // Runs `i..=j` (j > i) to join; most texts have none, and then the words
    // are returned as they are, without copying.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j + 1 < words.len()
            && single(&words[j])
            && single(&words[j + 1])
            && src.get(words[j].end..words[j + 1].start) == Some(".")
        {
            j += 1;
        }
        if j > i {
            runs.push((i, j));
        }
        i = j + 1;
    }
    if runs.is_empty() {
        return words;
    }
    let mut out: Vec<Word<'a>> = Vec::with_capacity(words.len());
    let mut runs = runs.into_iter().peekable();
    let mut it = words.into_iter().enumerate();
    while let Some((k, first)) = it.next() {
        let Some(&(i, j)) = runs.peek().filter(|(i, _)| *i == k) else {
            out.push(first);
            continue;
        };
        runs.next();
        let start = first.start;
        let mut surface = String::from(first.surface);
        let mut end = first.end;
        for _ in i..j {
            let Some((_, next)) = it.next() else { break };
            surface.push_str(&next.surface);
            end = next.end;
        }
        if src.get(end..end + 1) == Some(".") {
            end += 1;
        }
        let key = WordStr(Cow::Owned(fold_case_and_marks(&surface)));
        out.push(Word::new(WordStr(Cow::Owned(surface)), key, start, end));
    }
    out
}

/// True when the piece is written in capitals (an all-caps headline), where
/// `US` may be the pronoun and `WHO` the question word. A list of acronyms
/// ("UNHCR, WHO and IOM") has lowercase words around it and is not.
pub fn in_caps_context(tokens: &Words, _i: usize) -> bool {
    *tokens.caps_context.get_or_init(|| caps_context(tokens))
}

fn caps_context(tokens: &Words) -> bool {
    if tokens.is_empty() {
        return false;
    }
    // Counted in one pass, without collecting the words. At most every word
    // is wordy, so the answer is no once a tenth of them are lower case
    // (most text: a few words in).
    let (mut wordy, mut lower) = (0, 0);
    for t in &tokens.list {
        if t.surface.chars().any(char::is_alphabetic) {
            wordy += 1;
            lower += usize::from(t.surface.chars().any(char::is_lowercase));
            if lower * 10 > tokens.len() {
                return false;
            }
        }
    }
    wordy >= 3 && lower * 10 <= wordy
}

/// Most longer words capitalised: a Title Case Headline.
pub fn is_title_cased(tokens: &Words) -> bool {
    *tokens.title_cased.get_or_init(|| title_cased(tokens))
}

fn title_cased(tokens: &Words) -> bool {
    // Counted in one pass, characters only where bytes cannot tell. At most
    // every word is long, so the answer is no once more than a tenth of
    // them are long and not capitalised (most text: a few words in).
    let (mut long, mut capital) = (0, 0);
    for t in &tokens.list {
        let w = t.surface.as_str();
        if w.len() > 3 && (w.is_ascii() || w.chars().count() > 3) {
            long += 1;
            capital += usize::from(is_title_case(w));
            if (long - capital) * 10 > tokens.len() {
                return false;
            }
        }
    }
    long >= 3 && capital * 10 >= long * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(text: &str) -> Vec<String> {
        Words::new(text)
            .list
            .into_iter()
            .map(|t| t.surface.into())
            .collect()
    }

    #[test]
    fn tokenises_words_and_dotted_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            ("Iran's position", &["Iran", "s", "position"]),
            ("Tehran (I.R.Iran), 2", &["Tehran", "IR", "Iran", "2"]),
            ("the U.S. and U.N.O.D.C.", &["the", "US", "and", "UNODC"]),
            ("Guinea-Bissau", &["Guinea", "Bissau"]),
            ("a US official", &["a", "US", "official"]),
            (
                "write to info@unodc.org or see www.unodc.org/iran now",
                &["write", "to", "or", "see", "now"],
            ),
            ("follow @UNODC_Iran and #Afghanistan", &["follow", "and"]),
            ("Côte d’Ivoire", &["Côte", "d", "Ivoire"]),
        ];
        for (text, want) in cases {
            assert_eq!(surfaces(text), *want, "{text}");
        }
    }

    /// The words as first built: from the shared tokens' chunks and parts.
    fn reference(src: &str) -> Vec<Word<'_>> {
        use crate::extract::tokens::{chunks, tokenize};
        let tokens = tokenize(src);
        let mut parts = Vec::new();
        for chunk in chunks(&tokens) {
            let chunk = &tokens[chunk];
            let (Some(first), Some(last)) = (chunk.first(), chunk.last()) else {
                continue;
            };
            if is_address(&src[first.start..last.end]) {
                continue;
            }
            parts.extend(
                chunk
                    .iter()
                    .flat_map(|t| t.parts())
                    .map(|r| word(&src[r.clone()], r.start, r.end)),
            );
        }
        join_dotted(src, parts)
    }

    #[test]
    fn reads_as_the_shared_tokens() {
        let odd = [
            "",
            "(U. .U.S é.ü. @ # www.",
            "a\u{a0}b a\u{b}b\u{85}c\u{2028}d",
            "UNODC’s Jean-Paul O'Brien (GLO.ACT) 2018–2022 €12 R&D 'quoted' Dr. J. Smith",
            "write to info@unodc.org or see www.unodc.org/iran now, #Tag ½ Ⅻ x²",
        ];
        let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok());
        for text in odd.iter().map(|s| s.to_string()).chain(files) {
            for piece in text.split("\n\n").chain([text.as_str()]) {
                assert_eq!(Words::new(piece).list, reference(piece), "{piece}");
                let lowered = piece.to_ascii_lowercase();
                let words = Words::with_lowered(piece, &lowered);
                assert_eq!(words.list, reference(piece), "{piece}");
            }
        }
    }

    #[test]
    fn addresses_read_alike_with_and_without_lowercasing() {
        for chunk in [
            "info@unodc.org",
            "#Tag",
            "(#Tag)",
            "#",
            "http://x",
            "WWW.UNODC.ORG",
            "www.",
            "unodc.org/iran",
            "UNODC.ORG/IRAN",
            "unodc.org.",
            "unodc.org),",
            "x.com",
            "X.COM;",
            "a.int/b",
            "a.intx",
            ".gov",
            "gov.",
            "U.S.",
            "officials.",
            "12:30",
            "e.g.",
            "w.ww.org",
            "a.edu/",
            ".e",
            "ww.",
            "www",
            "(\"#x",
            "“#Tag”",
            "“#é",
            "#é",
            "info@ünodc.org",
            "Ü.ORG/x",
            "www.é",
            "WWW.É",
            "é.com",
            "é.COM).",
            "\u{212a}.com",
            ".\u{130}NT/x",
            "x.\u{130}nt",
            "ünodc.org",
            "São.",
            "Côte:",
            "é://x",
        ] {
            assert_eq!(is_address(chunk), is_address_lowered(chunk), "{chunk}");
        }
    }

    /// One alphabetic character, told by reading the characters.
    fn one_letter_by_chars(word: &str) -> bool {
        let mut chars = word.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
    }

    #[test]
    fn one_letter_and_adjacent_read_as_by_characters() {
        let texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "U.S. and É.U. officials, a b\u{a0}c d\te  f\ng, Ω ΩΩ é ée x1 1 -",
        ]);
        let (mut letters, mut adjacent) = (0, 0);
        for text in &texts {
            let words = Words::new(text);
            for (i, w) in words.list.iter().enumerate() {
                let letter = one_letter_by_chars(&w.surface);
                assert_eq!(is_one_letter(&w.surface), letter, "{w:?}");
                letters += usize::from(letter);
                let gap = words.gap_after(i);
                let spaces = i + 1 < words.len()
                    && !gap.is_empty()
                    && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}');
                assert_eq!(words.adjacent(i), spaces, "{i} in {text:?}");
                adjacent += usize::from(spaces);
            }
            for piece in text.split_whitespace() {
                assert_eq!(
                    is_one_letter(piece),
                    one_letter_by_chars(piece),
                    "{piece:?}"
                );
            }
        }
        assert!(letters > 10 && adjacent > 1000, "{letters} {adjacent}");
    }

    #[test]
    fn a_words_key_bit_is_its_keys_bit() {
        let texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "U.S. and É.U. officials, ÉTAPE, Côte d'Ivoire, UNODC's GLO.ACT",
        ]);
        let mut filter = WordFilter::default();
        filter.insert("united");
        let mut words = 0;
        for text in &texts {
            for w in Words::new(text).list {
                words += 1;
                assert_eq!(w.key_bit, WordFilter::word_bit(w.key.as_bytes()), "{w:?}");
                assert_eq!(
                    filter.may_contain_bit(w.key_bit),
                    filter.may_contain(w.key.as_bytes()),
                    "{w:?}"
                );
            }
        }
        assert!(words > 1000, "{words}");
    }

    #[test]
    fn hard_breaks_stop_phrases_but_not_abbreviations() {
        let t = Words::new("in Niger. Delta flights, St. Lucia");
        assert!(t.hard_break_after(1));
        assert!(!t.hard_break_after(3));
        assert!(!t.hard_break_after(4));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "", " ", "(", "U.", ".U.S", "é.ü.", "@", "#", "a\u{a0}b", "www.",
        ] {
            let t = Words::new(text);
            for i in 0..=t.len() + 1 {
                let _ = (
                    t.gap_before(i),
                    t.gap_after(i),
                    t.adjacent(i),
                    t.hard_break_after(i),
                );
                let _ = in_caps_context(&t, i);
            }
        }
    }
}
