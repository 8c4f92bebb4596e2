//! The one tokenizer every extractor reads text with.
//!
//! Tokens cover every character of the text but whitespace:
//! - words: runs of letters and digits, joined across `-`, `'`, `’` and `.`
//!   between them (`Jean-Paul`, `O'Brien`, `GLO.ACT`, `2018-2022`); a full stop
//!   that belongs to an abbreviation (`Dr.`, `H.E.`, an initial `J.`) stays on
//!   the word, so a bare `.` token ends a sentence;
//! - a possessive `'s` split off a word (`UNODC` + `'s`);
//! - single punctuation marks.
//!
//! Extractors read the same tokens in the grain they need: people and quotes
//! token by token; countries and organisations by the letter-and-digit
//! `Token::parts` of whitespace-separated `chunks` (`Guinea-Bissau` is two
//! words there; `countries::words` reads those straight from the text, which
//! gives the same words faster); programmes by chunks (`R&D` is one word there).

use std::sync::OnceLock;

use crate::text::{bytes_before_flag, bytes_between, word_at, WordSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits (numbers included).
    Word,
    /// `'s` split off a word (`UNODC's`): part of a role, never of a name.
    Possessive,
    /// One punctuation mark or symbol.
    Punct,
}

/// A word or punctuation mark, with its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl<'a> Token<'a> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Punctuation: one of `marks`.
    pub fn is_mark(&self, marks: &[&str]) -> bool {
        self.kind == Kind::Punct && marks.contains(&self.text)
    }

    /// The runs of letters and digits inside the token, as byte ranges of the
    /// text: `Jean-Paul` → `Jean`, `Paul`; `H.E.` → `H`, `E`; `'s` → `s`.
    #[cfg(test)]
    pub fn parts(&self) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
        let base = self.start;
        let mut rest = self.text.char_indices().peekable();
        std::iter::from_fn(move || {
            while rest.next_if(|(_, c)| !c.is_alphanumeric()).is_some() {}
            let (from, c) = rest.next()?;
            let mut to = from + c.len_utf8();
            while let Some((i, c)) = rest.next_if(|(_, c)| c.is_alphanumeric()) {
                to = i + c.len_utf8();
            }
            Some(base + from..base + to)
        })
    }
}

/// Characters that join two alphanumeric runs into one word (`Jean-Paul`, `O'Brien`, `H.E`).
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '\u{2010}' | '\u{2011}')
}

/// The character at byte `pos` (a character boundary) and its length; ASCII
/// is read without decoding. The tokenizer reads every byte of every
/// paragraph for several extractors: its loops are written for speed.
#[inline(always)]
fn char_at(s: &str, pos: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(pos)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    let c = s.get(pos..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Words, possessives and single punctuation marks of `s`, in order.
pub(crate) fn tokenize(s: &str) -> Vec<Token<'_>> {
    // About one token per five bytes of English text: sized once, not grown.
    let mut out = Vec::with_capacity(s.len() / 5 + 4);
    let bytes = s.as_bytes();
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        let start = pos;
        // ASCII by its class (most bytes), other characters decoded.
        match TOKEN_CLASSES[usize::from(b)] {
            ASCII_SPACE => {
                pos += 1;
                continue;
            }
            ASCII_MARK => {
                pos += 1;
                push_punct(&mut out, s, start, pos);
                continue;
            }
            ASCII_WORD => pos += 1,
            _ => {
                let Some((c, len)) = char_at(s, pos) else {
                    break;
                };
                pos += len;
                if c.is_whitespace() {
                    continue;
                }
                if !c.is_alphanumeric() {
                    push_punct(&mut out, s, start, pos);
                    continue;
                }
            }
        }
        pos = word_end(s, pos);
        if bytes.get(pos) == Some(&b'.') && keeps_period(&s[start..pos]) {
            pos += 1;
        }
        push_word(&mut out, s, start, pos);
    }
    out
}

/// One punctuation mark, `s[start..end]`.
fn push_punct<'a>(out: &mut Vec<Token<'a>>, s: &'a str, start: usize, end: usize) {
    out.push(Token {
        text: &s[start..end],
        start,
        end,
        kind: Kind::Punct,
    });
}

/// [`TOKEN_CLASSES`]: an ASCII white space (`char::is_whitespace`: space,
/// \t, \n, \x0B, \x0C, \r), letter or digit, or other ASCII; a byte
/// beyond ASCII is decoded.
const ASCII_SPACE: u8 = 1;
const ASCII_WORD: u8 = 2;
const ASCII_MARK: u8 = 3;
const WIDE: u8 = 0;

/// The class of each byte, read once per byte by [`tokenize`].
static TOKEN_CLASSES: [u8; 256] = {
    let mut table = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if matches!(c, b' ' | b'\t'..=b'\r') {
            ASCII_SPACE
        } else if c.is_ascii_alphanumeric() {
            ASCII_WORD
        } else {
            ASCII_MARK
        };
        b += 1;
    }
    table
};

/// Whether each byte is an ASCII letter or digit: one load per byte in the
/// tokenizer's inner loop, where `u8::is_ascii_alphanumeric` costs three
/// range checks and a bounds check.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

fn word_end(s: &str, mut pos: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        // A run of ASCII letters and digits, the common case, byte by byte.
        let run = bytes.get(pos..).unwrap_or_default().iter();
        pos += run
            .take_while(|&&b| ASCII_ALPHANUMERIC[usize::from(b)])
            .count();
        // An ASCII space or mark other than a joiner ends the word, undecoded.
        if bytes
            .get(pos)
            .is_some_and(|b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.'))
        {
            return pos;
        }
        let Some((c, len)) = char_at(s, pos) else {
            return pos;
        };
        let next_alphanumeric = || char_at(s, pos + len).is_some_and(|(n, _)| n.is_alphanumeric());
        if c.is_alphanumeric() || (is_joiner(c) && next_alphanumeric()) {
            pos += len;
        } else {
            return pos;
        }
    }
}

/// Pushes a word, splitting a possessive `'s` off it.
fn push_word<'a>(out: &mut Vec<Token<'a>>, s: &'a str, start: usize, end: usize) {
    let word = &s[start..end];
    match possessive_stem(word) {
        Some(stem) if !stem.is_empty() => {
            let split = start + stem.len();
            out.push(Token {
                text: stem,
                start,
                end: split,
                kind: Kind::Word,
            });
            out.push(Token {
                text: &s[split..end],
                start: split,
                end,
                kind: Kind::Possessive,
            });
        }
        _ => out.push(Token {
            text: word,
            start,
            end,
            kind: Kind::Word,
        }),
    }
}

/// `word` without a possessive `'s` or `’s` it ends with. Both end in `s`:
/// that one byte turns away most words before the suffixes are compared.
fn possessive_stem(word: &str) -> Option<&str> {
    if !word.ends_with('s') {
        return None;
    }
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// Whether the full stop after `word` belongs to it: a single capital (an
/// initial), a dotted word (`H.E`, `U.S`), or a dotted honorific of
/// `core/data/honorifics.txt` (`Dr`, `Prof`).
fn keeps_period(word: &str) -> bool {
    let mut chars = word.chars();
    let single_initial =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_initial || word.contains('.') || is_abbreviation(word)
}

/// Whether `word` (without a period) is one of [`abbreviations`].
fn is_abbreviation(word: &str) -> bool {
    with_norm([word], |key| abbreviations().contains(key))
}

/// The honorifics written with a trailing period, normalised (see [`norm`]).
fn abbreviations() -> &'static WordSet<String> {
    static SET: OnceLock<WordSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        data_file!("honorifics.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .flat_map(|line| {
                line.rsplit_once('\t')
                    .map_or(line, |(form, _)| form)
                    .split_whitespace()
            })
            .filter(|w| w.ends_with('.'))
            .map(norm)
            .collect()
    })
}

/// Runs of tokens with no whitespace between them (`(GLO.ACT`, `info@unodc.org`,
/// `€12`): the text's whitespace-separated chunks, as token index ranges.
#[cfg(test)]
pub(crate) fn chunks(tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    for i in 1..=tokens.len() {
        let joined = tokens.get(i).is_some_and(|t| tokens[i - 1].end == t.start);
        if !joined {
            out.push(from..i);
            from = i;
        }
    }
    out
}

/// Lowercase, without a trailing period: how list entries are compared.
pub(crate) fn norm(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// Longest key [`with_norm`] builds on the stack; longer keys are allocated.
const STACK_KEY: usize = 48;

/// Calls `f` with the [`norm`] of each of `words`, joined by single spaces:
/// the key of a (multi-word) list entry. People and quotes ask the word
/// lists about every word, so an ASCII key is lowercased on the stack
/// rather than allocated; other keys are built as [`norm`] does.
pub(crate) fn with_norm<'w, I, R>(words: I, f: impl FnOnce(&str) -> R) -> R
where
    I: IntoIterator<Item = &'w str> + Clone,
{
    let mut single = words.clone().into_iter();
    if let (Some(word), None) = (single.next(), single.next()) {
        // One word already in lower-case ASCII, without a full stop: its own key.
        let plain = word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase());
        if plain && !word.ends_with('.') {
            return f(word);
        }
    }
    let mut buf = [0u8; STACK_KEY];
    let mut len = 0;
    for (i, word) in words.clone().into_iter().enumerate() {
        let word = word.trim_end_matches('.');
        let from = len + usize::from(i > 0);
        let Some(dst) = buf
            .get_mut(len..from + word.len())
            .filter(|_| word.is_ascii())
        else {
            let key: Vec<String> = words.into_iter().map(norm).collect();
            return f(&key.join(" "));
        };
        dst[0..from - len].fill(b' ');
        dst[from - len..].copy_from_slice(word.as_bytes());
        dst.make_ascii_lowercase();
        len = from + word.len();
    }
    // ASCII bytes: always UTF-8.
    f(std::str::from_utf8(&buf[..len]).unwrap_or_default())
}

/// Whitespace runs (line breaks included) become single spaces.
pub(crate) fn squash(s: &str) -> String {
    // Most names and phrases are squashed already: copied whole, without
    // splitting (a third of the calls' cost was the Unicode split).
    if is_squashed(s) {
        return s.to_string();
    }
    squash_words(s)
}

/// [`squash`] by splitting at white space.
fn squash_words(s: &str) -> String {
    // Into one string sized once: collecting the words into a vector to
    // join them was two allocations more per call.
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `squash` would give `s` back: ASCII (so no white space beyond
/// it), its only white space single spaces between words.
fn is_squashed(s: &str) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b = s.as_bytes();
    // A space at the start is as a second space in a row.
    let mut after_space = true;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        // Up to eight bytes at a time past printable ASCII other than a
        // space (most of a name), to the next byte that is not.
        if let Some(word) = word_at(b, i) {
            let skip = bytes_before_flag(!bytes_between(word, b' ', 0x80) & HIGH);
            if skip > 0 {
                after_space = false;
                i += skip;
                continue;
            }
        }
        if !c.is_ascii() || matches!(c, b'\t'..=b'\r') {
            return false;
        }
        let space = c == b' ';
        if space && after_space {
            return false;
        }
        after_space = space;
        i += 1;
    }
    !after_space
}

pub(crate) fn is_sentence_end(t: &Token) -> bool {
    t.is_mark(&[".", "!", "?"])
}

/// No capital letter.
pub(crate) fn is_lowercase(w: &str) -> bool {
    !w.chars().any(char::is_uppercase)
}

/// First letter upper case and some lower case: `Waly`, `McDonald`, not `UNODC`.
pub(crate) fn is_title_case(w: &str) -> bool {
    // Asked about most words: one opening on an ASCII byte other than a
    // capital (lower case, a digit) is told without decoding.
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() && !b.is_ascii_uppercase() => return false,
        Some(b) if b.is_ascii() => {
            // An ASCII capital (most capitals): the bytes after it read
            // without decoding up to the first beyond ASCII, from where the
            // characters are (it opens one).
            for (i, b) in w.bytes().enumerate().skip(1) {
                if b.is_ascii_lowercase() {
                    return true;
                }
                if !b.is_ascii() {
                    return w[i..].chars().any(char::is_lowercase);
                }
            }
            return false;
        }
        _ => {}
    }
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
}

/// Two or more letters, none lower case: `UNODC`, `GLO.ACT`, `IRAN`.
pub(crate) fn is_all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Two or more capitals, at least as many as lower-case letters or dotted:
/// `GLO.ACT`, `GPML`, `E4J`, `goAML`, `EU-ACT`, `SDGs`, `UN.GIFT`.
pub(crate) fn acronym_like(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    upper >= 2 && (upper >= lower || word.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessive_stem_is_the_suffixes_taken_off() {
        let mut words: Vec<String> = ["UNODC's", "Girls’s", "'s", "’s", "s", "", "is", "x's'", "’"]
            .map(str::to_string)
            .to_vec();
        for t in crate::sample_texts::with_paragraphs_and_lines(&[]) {
            words.extend(t.split_whitespace().map(str::to_string));
        }
        for w in &words {
            let reference = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
            assert_eq!(possessive_stem(w), reference, "{w:?}");
        }
    }

    /// Whatever `is_squashed` lets through whole, splitting gives back as is;
    /// and it turns away every kind of white space that splitting changes.
    #[test]
    fn a_squashed_text_is_its_own_squash() {
        let texts = [
            "",
            " ",
            "a",
            "a b",
            "United Nations Children's Fund",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\nb",
            "a\rb",
            "a\x0bb",
            "a\x0cb",
            "a\x1cb",
            "a\u{a0}b",
            "a\u{2003}b",
            "a\u{85}b",
            "Côte d'Ivoire",
            "Office of the High Commissioner  for Human Rights",
            "Office of the High\tCommissioner",
            "Office of the High Commissioner ",
            "  Office of the High Commissioner",
            "Office of the High Commissioner for Human Rights in Côte d'Ivoire",
            "x\u{3000}",
        ];
        for text in texts {
            if is_squashed(text) {
                assert_eq!(squash_words(text), text, "{text:?}");
            }
            assert_eq!(squash(text), squash_words(text), "{text:?}");
        }
        assert!(is_squashed("a b") && is_squashed("a\x1cb"));
        assert!(!is_squashed("a  b") && !is_squashed("a\tb") && !is_squashed(" a"));
    }

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_abbreviation_periods_and_splits_possessives() {
        let tokens = tokenize("H.E. Ms. Waly, UNODC's chief. Done.");
        let texts: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            vec!["H.E.", "Ms.", "Waly", ",", "UNODC", "'s", "chief", ".", "Done", "."]
        );
        assert_eq!(tokens[5].kind, Kind::Possessive);
        assert_eq!(tokens[7].kind, Kind::Punct);
    }

    #[test]
    fn joins_words_across_inner_marks_only() {
        assert_eq!(
            texts("Jean-Paul O'Brien (GLO.ACT) 2018-2022 €12 R&D 'quoted'"),
            vec![
                "Jean-Paul",
                "O'Brien",
                "(",
                "GLO.ACT",
                ")",
                "2018-2022",
                "€",
                "12",
                "R",
                "&",
                "D",
                "'",
                "quoted",
                "'"
            ]
        );
    }

    #[test]
    fn parts_are_letter_and_digit_runs() {
        let s = "Guinea-Bissau’s U.S. I.R.Iran";
        let parts: Vec<&str> = tokenize(s)
            .iter()
            .flat_map(|t| t.parts())
            .map(|r| &s[r])
            .collect();
        assert_eq!(
            parts,
            vec!["Guinea", "Bissau", "s", "U", "S", "I", "R", "Iran"]
        );
    }

    #[test]
    fn chunks_follow_whitespace() {
        let s = "see (GLO.ACT), info@unodc.org now";
        let tokens = tokenize(s);
        let chunks: Vec<&str> = chunks(&tokens)
            .into_iter()
            .map(|r| &s[tokens[r.start].start..tokens[r.end - 1].end])
            .collect();
        assert_eq!(chunks, vec!["see", "(GLO.ACT),", "info@unodc.org", "now"]);
        assert!(super::chunks(&[]).is_empty());
    }

    #[test]
    fn case_helpers() {
        assert!(is_title_case("Waly") && is_title_case("McDonald") && !is_title_case("UNODC"));
        assert!(is_all_caps("UNODC") && is_all_caps("GLO.ACT") && !is_all_caps("A"));
        assert!(acronym_like("goAML") && acronym_like("UN.GIFT") && !acronym_like("Global"));
    }

    #[test]
    fn title_case_reads_as_by_characters() {
        let by_chars = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
        };
        let words = [
            "",
            "A",
            "a",
            "1",
            "Waly",
            "UNODC",
            "UNODCé",
            "Ué",
            "UÉ",
            "ÉU",
            "Éu",
            "UN-É-x",
            "U’s",
            "O'Brien",
            "D\u{2c65}",
            "X\u{1d2c}",
            "Ǆ",
            "ǅa",
            "K\u{212a}",
        ];
        for w in words {
            assert_eq!(is_title_case(w), by_chars(w), "{w:?}");
        }
    }

    #[test]
    fn with_norm_keys_as_norm_does() {
        let long = "Abcdefghijklmnopqrstuvwxyz-Abcdefghijklmnopqrstuvwxyz";
        let cases: [&[&str]; 11] = [
            &[],
            &["said"],
            &["état"],
            &["dr."],
            &["Dr."],
            &["H.E.", "Mr"],
            &["His", "Excellency"],
            &["Ministre", "d’État"],
            &["ÉTAT."],
            &[long],
            &["...", "A", ""],
        ];
        for words in cases {
            let expected = words.iter().map(|w| norm(w)).collect::<Vec<_>>().join(" ");
            assert_eq!(with_norm(words.iter().copied(), str::to_string), expected);
        }
    }

    #[test]
    fn odd_input_never_panics() {
        for s in ["", " ", "’s", "é’s é", "U.", ".U.S", "a\u{a0}b", "--", "'s"] {
            let tokens = tokenize(s);
            let _ = chunks(&tokens);
            let _: Vec<_> = tokens.iter().flat_map(|t| t.parts()).collect();
        }
    }
}
