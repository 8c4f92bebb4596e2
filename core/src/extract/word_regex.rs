//! Regexes with word boundaries that stay on the regex crate's fast path.
//!
//! A Unicode `\b` keeps the regex crate off its DFA as soon as the haystack
//! holds one non-ASCII byte (a curly quote, a dash, a euro sign), and the
//! fallback engines are tens of times slower. An ASCII `\b` gives exactly the
//! same matches on any text whose non-ASCII characters are not word
//! characters, which is nearly every English release; so each pattern is
//! compiled twice and the ASCII form is used unless the text holds a
//! non-ASCII word character (`é`, `ü`), keeping behaviour identical.

use std::sync::OnceLock;

use regex::Regex;

/// The same pattern with ASCII and with Unicode word boundaries; the Unicode
/// form is compiled on first use (few texts need it).
#[derive(Debug)]
pub struct WordRegex {
    ascii: Regex,
    /// The pattern with Unicode `\b` (and `\d`), as given.
    pub(crate) unicode_pattern: String,
    unicode: OnceLock<Regex>,
}

/// The ASCII word boundary, for patterns built by `WordRegex::build`.
pub const ASCII_B: &str = r"(?-u:\b)";
/// The Unicode word boundary.
pub const UNICODE_B: &str = r"\b";

impl WordRegex {
    /// Builds the pattern twice: `pattern(b)` must use `b` for every `\b`.
    pub fn build(pattern: impl Fn(&str) -> String) -> Result<Self, regex::Error> {
        Ok(WordRegex {
            ascii: Regex::new(&pattern(ASCII_B))?,
            unicode_pattern: pattern(UNICODE_B),
            unicode: OnceLock::new(),
        })
    }

    /// `pattern` written with Unicode `\b` (and no `\\b` or `[\b]`).
    pub fn new(pattern: &str) -> Result<Self, regex::Error> {
        Self::build(|b| pattern.replace(UNICODE_B, b))
    }

    /// `pattern` written with Unicode `\b` and `\d` (and no `\\b`, `\\d`,
    /// `[\b]`), whose ASCII form also reads `\d` as `[0-9]`: that form runs
    /// only on texts without a non-ASCII word character, so without a
    /// non-ASCII digit, and the smaller automaton finds captures several
    /// times faster. Its [`WordRegex::ascii`] is no prefilter for other texts.
    pub fn with_ascii_digits(pattern: &str) -> Result<Self, regex::Error> {
        Self::build(|b| {
            let bounded = pattern.replace(UNICODE_B, b);
            if b == ASCII_B {
                bounded.replace(r"\d", "[0-9]")
            } else {
                bounded
            }
        })
    }

    /// The form that gives Unicode-`\b` results on `haystack`, fastest first.
    pub fn for_text(&self, haystack: &str) -> &Regex {
        self.for_unicode(needs_unicode(haystack))
    }

    /// The form for a text that holds a non-ASCII word character
    /// (`unicode`, as [`needs_unicode`] tells) or not: for a caller running
    /// several patterns over one text, which asks once.
    pub fn for_unicode(&self, unicode: bool) -> &Regex {
        if !unicode {
            return &self.ascii;
        }
        self.unicode.get_or_init(|| {
            // Differs from the compiled ASCII form only in `\b`, so it
            // compiles too; should it not, the ASCII form is the closest.
            Regex::new(&self.unicode_pattern).unwrap_or_else(|_| self.ascii.clone())
        })
    }

    /// The ASCII form. On any text it matches wherever the Unicode form does
    /// (perhaps with a shorter extent) as long as the pattern starts and ends
    /// with ASCII word characters or `\w*`: good as a prefilter only.
    pub fn ascii(&self) -> &Regex {
        &self.ascii
    }
}

/// An ASCII byte that `\w` matches (a letter, a digit or `_`).
pub fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A non-ASCII word character.
fn non_ascii_word() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[\w&&[^\x00-\x7F]]").ok())
        .as_ref()
}

/// True when the text holds a non-ASCII word character, where ASCII and
/// Unicode word boundaries can differ.
pub fn needs_unicode(haystack: &str) -> bool {
    if haystack.is_ascii() {
        return false;
    }
    match non_ascii_word() {
        Some(re) => re.is_match(haystack),
        // Cannot happen (a fixed pattern); the Unicode form is always correct.
        None => true,
    }
}

/// The byte ranges of the non-ASCII word characters of `haystack`, where
/// ASCII and Unicode word boundaries can differ (next to them, and only
/// there); `None` if they cannot be told (cannot happen: a fixed pattern).
pub fn non_ascii_word_chars(
    haystack: &str,
) -> Option<impl Iterator<Item = std::ops::Range<usize>> + '_> {
    let re = non_ascii_word()?;
    Some(
        (!haystack.is_ascii())
            .then(|| re.find_iter(haystack).map(|m| m.range()))
            .into_iter()
            .flatten(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_unicode_only_for_non_ascii_word_characters() {
        let cases: &[(&str, bool)] = &[
            ("plain ASCII text", false),
            ("curly “quotes” and – dashes, €12", false),
            ("Côte d’Ivoire", true),
            ("São Paulo", true),
            ("Ankara, Türkiye", true),
            ("", false),
        ];
        for (text, expected) in cases {
            assert_eq!(needs_unicode(text), *expected, "{text}");
        }
    }

    #[test]
    fn both_forms_agree_through_for_text() {
        let re = WordRegex::build(|b| format!(r"(?i){b}port{b}")).unwrap();
        let cases: &[(&str, usize)] = &[
            ("the port – and “port”", 2),
            ("Portão and port", 1),
            ("ports, airport, port.", 1),
            ("éport portá port", 1),
        ];
        let unicode = Regex::new(r"(?i)\bport\b").unwrap();
        for (text, expected) in cases {
            assert_eq!(unicode.find_iter(text).count(), *expected, "{text}");
            assert_eq!(
                re.for_text(text).find_iter(text).count(),
                *expected,
                "{text}"
            );
        }
        // The ASCII form alone over-matches beside non-ASCII letters: prefilter only.
        assert_eq!(re.ascii().find_iter("Portão").count(), 1);
    }
}
