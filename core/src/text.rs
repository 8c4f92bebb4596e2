//! The one text normalisation of Dateline, shared by the index, the query
//! parser, the highlighter, ids and name matching: lowercase, diacritics
//! folded, words split on anything that is not a letter or digit. The same
//! rules on every side is what makes "Zurich" find "Zürich", and a release's
//! id the same in the CLI and the app.

use std::borrow::Cow;
use std::ops::Range;

use crate::date::PartialDate;

/// Folds one lowercase Latin letter with a diacritic (or a ligature) to ASCII.
///
/// Hand-written instead of Unicode decomposition (NFD) because a normalisation
/// crate and its tables would add tens of kB to the WebAssembly bundle, while
/// the letters that occur in UN releases fit in this one match.
fn fold_latin(c: char) -> Option<&'static str> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ'
        | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' | 'ǟ' | 'ǡ' | 'ǻ' | 'ȁ' | 'ȃ' | 'ȧ' => {
            "a"
        }
        'æ' | 'ǣ' | 'ǽ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể'
        | 'ễ' | 'ệ' | 'ə' | 'ȅ' | 'ȇ' | 'ȩ' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' | 'ǵ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ỉ' | 'ị' | 'ȉ' | 'ȋ' => {
            "i"
        }
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' | 'ǩ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' | 'ǹ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ọ' | 'ỏ' | 'ố' | 'ồ'
        | 'ổ' | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' | 'ǫ' | 'ǭ' | 'ǿ' | 'ȍ' | 'ȏ' | 'ȫ'
        | 'ȭ' | 'ȯ' | 'ȱ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'ȑ' | 'ȓ' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ụ' | 'ủ' | 'ứ'
        | 'ừ' | 'ử' | 'ữ' | 'ự' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ȕ' | 'ȗ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    };
    Some(folded)
}

/// Combining diacritical marks (decomposed text, `u` + U+0308): part of the
/// word they sit on, but dropped from its normal form.
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Appends the normal form of `c` to `out`; false when `c` separates words.
fn push_folded(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        return false;
    }
    if is_combining_mark(c) {
        return true;
    }
    let mut word = false;
    for lower in c.to_lowercase() {
        if let Some(ascii) = fold_latin(lower) {
            out.push_str(ascii);
            word = true;
        } else if lower.is_alphanumeric() {
            out.push(lower);
            word = true;
        }
    }
    word
}

/// `s` lowercased with diacritics folded, every other character kept
/// (`Côte d’Ivoire` → `cote d’ivoire`): the fold of [`words`], for keys that
/// keep their punctuation (the extractors' word keys).
pub fn fold_case_and_marks(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| !is_combining_mark(c)) {
        for lower in c.to_lowercase() {
            match fold_latin(lower) {
                Some(ascii) => out.push_str(ascii),
                None => out.push(lower),
            }
        }
    }
    out
}

/// Calls `f(normal form, byte range in text)` for every word of `text`.
/// One buffer serves all words: indexing a large corpus allocates nothing per word.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, Range<usize>)) {
    let bytes = text.as_bytes();
    let mut word = String::new();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII letters and digits is taken whole (most of any
        // text): a fifth of the words' cost went in one char at a time.
        let run = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if run > 0 {
            start.get_or_insert(i);
            let at = word.len();
            word.push_str(&text[i..i + run]);
            word[at..].make_ascii_lowercase();
            i += run;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if push_folded(c, &mut word) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            if !word.is_empty() {
                f(&word, s..i);
            }
            word.clear();
        }
        i += c.len_utf8();
    }
    if let Some(s) = start {
        if !word.is_empty() {
            f(&word, s..text.len());
        }
    }
}

/// Release ids take at most this many title words...
const ID_MAX_WORDS: usize = 8;
/// ...and at most this many characters of title (whole words, except a
/// single word longer than this, which is cut).
const ID_MAX_TITLE_CHARS: usize = 60;

/// A twin's id (`ingest::ids`, rule 4): `natural` and eight hex digits of
/// the 64-bit FNV-1a hash of the release's own `source` (`source#n` for
/// the n-th record, n ≥ 1, of a file holding several).
pub fn twin_slug(natural: &str, source: &str, n: usize) -> String {
    let key = match n {
        0 => source.to_string(),
        _ => format!("{source}#{n}"),
    };
    // FNV-1a: stable across platforms and Rust versions, unlike the
    // standard library's hasher.
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{natural}-{:08x}", hash >> 32)
}

/// A release's natural id: `2019-04-17-islamic-republic-of-iran-and-unodc-to-increase`,
/// the date (or `undated`), then up to eight title words folded to lower-case
/// ASCII, apostrophes joining (`Iran's` → `irans`); `untitled` when the title
/// has no Latin letter or digit. The id rule around it is in `ingest::ids`.
pub fn release_slug(date: Option<PartialDate>, title: &str) -> String {
    let mut s = date.map_or_else(|| "undated".to_string(), |d| d.to_string());
    // Apostrophes join a word (`Iran's` → `irans`) rather than split it.
    // Most titles hold none (`’` opens with the byte 0xE2): kept as they are.
    let title = if title.bytes().any(|b| b == b'\'' || b == 0xE2) {
        Cow::Owned(title.replace(['\'', '’'], ""))
    } else {
        Cow::Borrowed(title)
    };
    let mut words: Vec<String> = Vec::new();
    for_each_word(&title, |w, _| {
        if words.len() == ID_MAX_WORDS {
            return;
        }
        // Most words are ASCII letters and digits already: copied whole,
        // not collected a character at a time.
        let ascii: String = if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
            w.to_string()
        } else {
            w.chars().filter(char::is_ascii_alphanumeric).collect()
        };
        if !ascii.is_empty() {
            words.push(ascii);
        }
    });
    let mut title_len = 0;
    for (i, w) in words.iter().enumerate() {
        let add = w.len() + usize::from(i > 0);
        if i > 0 && title_len + add > ID_MAX_TITLE_CHARS {
            break;
        }
        s.push('-');
        // ASCII, so any byte index is a char boundary.
        s.push_str(w.get(..ID_MAX_TITLE_CHARS).unwrap_or(w));
        title_len += add;
    }
    if words.is_empty() {
        s.push_str("-untitled");
    }
    s
}

/// A string folded to lower-case ASCII words separated by single spaces: the
/// key for matching names whatever their accents (`Genève` → `geneve`,
/// `Port-au-Prince` → `port au prince`); letters with no ASCII form are dropped.
pub fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_word(s, |w, _| {
        let before = out.len();
        if before > 0 {
            out.push(' ');
        }
        let start = out.len();
        out.extend(w.chars().filter(char::is_ascii_alphanumeric));
        if out.len() == start {
            out.truncate(before);
        }
    });
    out
}

/// The normal forms of the words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w, _| out.push(w.to_string()));
    out
}

/// Lowercase ASCII slug with diacritics folded: `Zürich Çay` → `zurich-cay`.
/// Used as entity ids in URLs. A name with no Latin letter or digit at all
/// (say, in Arabic script) gets its code points in hex, so it still has an id.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_word(s, |w, _| {
        let before = out.len();
        if before > 0 {
            out.push('-');
        }
        let after_dash = out.len();
        out.extend(w.chars().filter(char::is_ascii_alphanumeric));
        if out.len() == after_dash {
            out.truncate(before); // a word with no Latin letter: no empty part
        }
    });
    if out.is_empty() && s.chars().any(char::is_alphanumeric) {
        return hex_slug(s);
    }
    out
}

fn hex_slug(s: &str) -> String {
    let codes: Vec<String> = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| format!("{:x}", u32::from(c)))
        .collect();
    format!("u-{}", codes.join("-"))
}

/// `trafficking-in-persons` → `Trafficking in persons`: a topic slug as words.
pub fn slug_to_words(slug: &str) -> String {
    let spaced = slug.replace(['-', '_'], " ");
    let mut chars = spaced.trim().chars();
    match chars.next() {
        // Slugs are ASCII; `char::to_uppercase` would ship Unicode's case
        // tables to the browser (about 5 kB of brotli) for nothing.
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

/// The bytes of `word` (eight bytes) that lie strictly between `above` and
/// `below`, which are at most 0x80, as the high bit of each; a byte of 0x80
/// or more never does. For scans that skip past runs of bytes they do not
/// look at (lower-case letters and spaces, in most text), to the next byte
/// they do ([`bytes_before_flag`]). Each byte's seven low bits `x` are
/// compared by adding to them without carry (`x + 127 - above` sets the
/// high bit when `x > above`) and subtracting from `127 + below` without
/// borrow (its high bit is set when `x < below`): no byte's result reaches
/// another's.
pub fn bytes_between(word: u64, above: u8, below: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    debug_assert!(above <= 0x80 && below <= 0x80);
    let low7 = word & (ONES * 127);
    let less = (ONES * (127 + u64::from(below))).wrapping_sub(low7);
    let more = low7 + ONES * (127 - u64::from(above.min(127)));
    less & more & !word & HIGH
}

/// Whether a byte of `word` lies strictly between `above` and `below` (see
/// [`bytes_between`]).
pub fn has_byte_between(word: u64, above: u8, below: u8) -> bool {
    bytes_between(word, above, below) != 0
}

/// How many bytes of a word come before the first one flagged in `flags`
/// (as [`bytes_between`] flags them): 8 when none is.
pub fn bytes_before_flag(flags: u64) -> usize {
    (flags.trailing_zeros() / 8) as usize
}

/// The eight bytes of `bytes` from `i`, little-endian, if there are eight.
pub fn word_at(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// Whether `bytes` holds an ASCII digit: eight bytes at a time (`any`
/// byte by byte was 23 M instructions of 3,000 releases in money alone).
pub fn has_ascii_digit(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    let found = chunks.any(|c| {
        let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        has_byte_between(word, b'0' - 1, b'9' + 1)
    });
    found || chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// A hasher for the extractors' word lists: sets and maps built once from
/// reference data and asked about every word of every paragraph. The
/// standard SipHash costs about as much as the rest of such a lookup; this
/// is the multiply-rotate hash of rustc's `FxHasher`, written here (a dozen
/// lines) rather than added as a dependency. Not for maps keyed by input
/// text, where a crafted input could collide.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

/// The 1 to 7 bytes of `rest` as a little-endian number, zero-padded: two
/// overlapping reads whose shared bytes are the same (a `copy_from_slice`
/// of a variable length was a `memcpy` call per word, about 20 M
/// instructions of 3,000 releases).
pub(crate) fn le_bytes_padded(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!((1..8).contains(&n));
    match rest {
        [a, b, c, d, ..] if n >= 4 => {
            let low = u64::from(u32::from_le_bytes([*a, *b, *c, *d]));
            let tail = &rest[n - 4..];
            let high = u64::from(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]));
            low | high << (8 * (n - 4))
        }
        [first, ..] => {
            let middle = u64::from(rest[n / 2]) << (8 * (n / 2));
            let last = u64::from(rest[n - 1]) << (8 * (n - 1));
            u64::from(*first) | middle | last
        }
        [] => 0,
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(le_bytes_padded(rest));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of reference words hashed with [`WordHasher`].
#[cfg(not(target_arch = "wasm32"))]
pub type WordSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<WordHasher>>;
/// A map from reference words hashed with [`WordHasher`].
#[cfg(not(target_arch = "wasm32"))]
pub type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;
/// In the browser's import worker, the standard hasher: a second hasher
/// gives every set and map operation a second copy (about 5 kB of wasm,
/// twiggy), and the worker's size is budgeted (600 kB brotli) where the
/// build's speed is not.
#[cfg(target_arch = "wasm32")]
pub type WordSet<T> = std::collections::HashSet<T>;
#[cfg(target_arch = "wasm32")]
pub type WordMap<K, V> = std::collections::HashMap<K, V>;

/// A one-bit-per-signature filter over a word list, asked before the list's
/// hash look-up: most words of a text are in no list, and a clear bit turns
/// them away for a few instructions, where hashing and probing cost about a
/// hundred. A set bit only says the word may be in the list. 32,768 bits
/// (4 kB a list): with 4,096, the longer lists set enough of the bits to
/// let many words not in them through to the look-up.
#[derive(Debug, Clone)]
pub struct WordFilter([u64; 512]);

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter([0; 512])
    }
}

impl WordFilter {
    /// The word's bit: its length and its first, middle and last bytes,
    /// mixed by a multiply (no loop over the bytes).
    fn bit(word: &[u8]) -> usize {
        Self::bit_of(word, |b| b)
    }

    /// [`WordFilter::bit`] of `word` with each byte mapped by `map` (the
    /// bytes it reads only).
    #[inline(always)]
    fn bit_of(word: &[u8], map: impl Fn(u8) -> u8) -> usize {
        let b = word;
        let at = |i: usize| u32::from(b.get(i).copied().map_or(0, &map));
        let signature = at(0)
            | at(b.len() / 2) << 8
            | at(b.len().wrapping_sub(1)) << 16
            | (b.len() as u32) << 24;
        (signature.wrapping_mul(0x9e37_79b1) >> 17) as usize
    }

    pub fn insert(&mut self, word: impl AsRef<[u8]>) {
        let bit = Self::bit(word.as_ref());
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// False when `word` is surely not in the list.
    pub fn may_contain(&self, word: impl AsRef<[u8]>) -> bool {
        self.has(Self::bit(word.as_ref()))
    }

    /// The bit of `word` with its ASCII letters lowercased, read without
    /// lowercasing it: for lists of lower-case words asked about words in
    /// any case ([`WordFilter::may_contain_bit`]), worked out once for a
    /// word asked of several.
    pub fn ascii_lowercase_bit(word: impl AsRef<[u8]>) -> FilterBit {
        FilterBit(Self::bit_of(word.as_ref(), |b| b.to_ascii_lowercase()))
    }

    /// The bit of `word` as it is ([`WordFilter::may_contain`]'s), for a
    /// word asked of several filters, or of one several times.
    pub fn word_bit(word: impl AsRef<[u8]>) -> FilterBit {
        FilterBit(Self::bit(word.as_ref()))
    }

    /// False when the word of `bit` is surely not in the list.
    pub fn may_contain_bit(&self, bit: FilterBit) -> bool {
        self.has(bit.0)
    }

    fn has(&self, bit: usize) -> bool {
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A word's bit in a [`WordFilter`] ([`WordFilter::ascii_lowercase_bit`],
/// [`WordFilter::word_bit`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FilterBit(usize);

/// A [`WordSet`] asked through its [`WordFilter`]: for lists asked about
/// most words of a text, where most words are in none.
#[derive(Debug, Clone, Default)]
pub struct FilteredWordSet {
    set: WordSet<String>,
    filter: WordFilter,
}

impl FilteredWordSet {
    pub fn contains(&self, word: &str) -> bool {
        self.contains_with_bit(word, WordFilter::word_bit(word))
    }

    /// [`FilteredWordSet::contains`] for a word whose
    /// [`WordFilter::word_bit`] is `bit`.
    pub fn contains_with_bit(&self, word: &str, bit: FilterBit) -> bool {
        self.filter.may_contain_bit(bit) && self.set.contains(word)
    }
}

impl FromIterator<String> for FilteredWordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut list = FilteredWordSet::default();
        for w in words {
            list.filter.insert(&w);
            list.set.insert(w);
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `has_byte_between` against a byte-by-byte test: every byte value at
    /// every place of a word of other bytes, for the bounds the scans use
    /// and the extremes.
    #[test]
    fn a_byte_between_is_found_exactly() {
        let bounds = [
            (b'0' - 1, b'9' + 1),
            (0x2c, 0x54),
            (0x27, 0x41),
            (0, 0x80),
            (0x80, 0x80),
            (0x41, 0x42),
        ];
        let backgrounds = [
            0u64,
            0x2020_2020_2020_2020,
            0x6161_6161_6161_6161,
            0xe2e2_e2e2_e2e2_e2e2,
        ];
        for (above, below) in bounds {
            let naive = |word: u64| {
                word.to_le_bytes()
                    .iter()
                    .any(|&b| b < 0x80 && b > above && b < below)
            };
            for background in backgrounds {
                assert_eq!(
                    has_byte_between(background, above, below),
                    naive(background)
                );
                for place in 0..8 {
                    for b in 0..=255u8 {
                        let word =
                            background & !(0xff << (8 * place)) | u64::from(b) << (8 * place);
                        assert_eq!(
                            has_byte_between(word, above, below),
                            naive(word),
                            "{word:#x} in ({above:#x}, {below:#x})"
                        );
                    }
                }
            }
        }
        for place in 0..8 {
            let word = 0x6161_6161_6161_6161 & !(0xff << (8 * place)) | 0x37 << (8 * place);
            assert_eq!(
                bytes_before_flag(bytes_between(word, b'0' - 1, b'9' + 1)),
                place
            );
        }
        assert_eq!(
            bytes_before_flag(bytes_between(0x6161_6161_6161_6161, b'0' - 1, b'9' + 1)),
            8
        );
        let text = b"no digits here at all, none; but 7";
        assert!(has_ascii_digit(text));
        assert!(!has_ascii_digit(&text[..text.len() - 1]));
        assert!(has_ascii_digit(&text[text.len() - 9..]));
    }

    /// `le_bytes_padded` reads a word's last bytes as the zero-padded copy
    /// did, at every length and with every byte distinct and non-zero.
    #[test]
    fn a_short_tail_is_read_as_its_zero_padded_bytes() {
        let bytes: Vec<u8> = (0..7).map(|i| 0x91 + 17 * i).collect();
        for n in 1..8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(
                le_bytes_padded(&bytes[..n]),
                u64::from_le_bytes(padded),
                "{n} bytes"
            );
        }
    }

    /// `for_each_word` takes ASCII runs whole: the same words and ranges as
    /// folding one character at a time, on text mixing ASCII, Latin letters
    /// with diacritics, decomposed marks, other scripts and punctuation.
    #[test]
    fn words_taken_by_runs_are_those_taken_one_character_at_a_time() {
        fn one_at_a_time(text: &str) -> Vec<(String, Range<usize>)> {
            let (mut out, mut word, mut start) = (Vec::new(), String::new(), None);
            for (i, c) in text.char_indices() {
                if push_folded(c, &mut word) {
                    start.get_or_insert(i);
                } else if let Some(s) = start.take() {
                    if !word.is_empty() {
                        out.push((word.clone(), s..i));
                    }
                    word.clear();
                }
            }
            if let (Some(s), false) = (start, word.is_empty()) {
                out.push((word, s..text.len()));
            }
            out
        }
        let pieces = [
            "UNODC",
            "Zürich",
            "u\u{308}ber",
            "\u{301}",
            "Côte",
            "d’Ivoire",
            "İstanbul",
            "ß",
            "東京",
            "2019",
            "COVID-19",
            " ",
            ",",
            "--",
            "\n",
            "œuvre",
            "Ǆ",
            "x",
            "",
            "ÅSA1",
            "\u{300}\u{300}",
        ];
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for _ in 0..3000 {
            let text: String = (0..next() % 9)
                .map(|_| pieces[next() % pieces.len()])
                .collect();
            let mut got = Vec::new();
            for_each_word(&text, |w, r| got.push((w.to_string(), r)));
            assert_eq!(got, one_at_a_time(&text), "{text:?}");
        }
    }

    #[test]
    fn word_filter_never_turns_away_a_listed_word() {
        let listed = ["", "a", "the", "united", "nations", "côte", "ivoire", "x"];
        let mut filter = WordFilter::default();
        for w in listed {
            filter.insert(w);
        }
        assert!(listed.iter().all(|w| filter.may_contain(w)));
        let others = ["and", "of", "to", "in", "for", "with", "on", "by", "said"];
        assert!(others.iter().filter(|w| filter.may_contain(w)).count() < others.len());
    }

    #[test]
    fn words_are_folded_and_lowercased() {
        for (text, want) in [
            ("Zürich", vec!["zurich"]),
            ("São Paulo", vec!["sao", "paulo"]),
            ("Côte d’Ivoire", vec!["cote", "d", "ivoire"]),
            ("Cote d'Ivoire", vec!["cote", "d", "ivoire"]),
            ("GLO.ACT 2015-2019", vec!["glo", "act", "2015", "2019"]),
            ("Straße Œuvre Łódź", vec!["strasse", "oeuvre", "lodz"]),
            ("Hà Nội, Việt Nam", vec!["ha", "noi", "viet", "nam"]),
            ("Zu\u{0308}rich", vec!["zurich"]),
            ("Москва", vec!["москва"]),
            ("  -- !! ", vec![]),
            ("", vec![]),
        ] {
            assert_eq!(words(text), want, "{text}");
        }
    }

    #[test]
    fn word_ranges_are_byte_ranges_of_the_original() {
        let text = "Zürich, São Paulo";
        let mut got = Vec::new();
        for_each_word(text, |w, r| got.push((w.to_string(), &text[r])));
        assert_eq!(
            got,
            vec![
                ("zurich".to_string(), "Zürich"),
                ("sao".to_string(), "São"),
                ("paulo".to_string(), "Paulo")
            ]
        );
    }

    #[test]
    fn slugs() {
        for (text, want) in [
            ("Zürich Çay", "zurich-cay"),
            ("Abbas Bagherpour", "abbas-bagherpour"),
            ("UNODC", "unodc"),
            ("GLO.ACT", "glo-act"),
            ("trafficking-in-persons", "trafficking-in-persons"),
            ("  Côte d’Ivoire ", "cote-d-ivoire"),
            ("李", "u-674e"),
            ("", ""),
            ("--", ""),
        ] {
            assert_eq!(slug(text), want, "{text}");
        }
    }

    #[test]
    fn every_latin_letter_with_a_diacritic_folds_to_ascii() {
        // Latin-1 Supplement and Latin Extended-A letters, both cases, plus
        // the Extended-B letters with diacritics that occur in names.
        let letters = ('\u{00C0}'..='\u{017F}')
            .chain(
                "ǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǦǧǨǩǪǫǬǭǴǵǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȦȧȨȩȪȫȬȭȮȯȰȱ"
                    .chars(),
            )
            .filter(|c| c.is_alphabetic());
        for c in letters {
            let w = words(&c.to_string());
            assert!(
                w.len() == 1 && w[0].bytes().all(|b| b.is_ascii_lowercase()),
                "{c} (U+{:04X}) folds to {w:?}",
                u32::from(c)
            );
        }
        for (letter, ascii) in [
            ("É", "e"),
            ("ß", "ss"),
            ("Œ", "oe"),
            ("Þ", "th"),
            ("Ĳ", "ij"),
            ("ǽ", "ae"),
        ] {
            assert_eq!(words(letter), [ascii], "{letter}");
        }
    }

    #[test]
    fn release_slugs() {
        let cases = [
            (
                Some("2019-04-17"),
                "Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters",
                "2019-04-17-islamic-republic-of-iran-and-unodc-to-increase",
            ),
            (None, "Côte d'Ivoire joins São Tomé", "undated-cote-divoire-joins-sao-tome"),
            (Some("2020-01-02"), "Iran's  ratification: UNTOC!", "2020-01-02-irans-ratification-untoc"),
            (Some("2020-01-02"), "Straße Œuvre Łódź", "2020-01-02-strasse-oeuvre-lodz"),
            (Some("2020-01-02"), "", "2020-01-02-untitled"),
            (Some("2020-01-02"), "Новости", "2020-01-02-untitled"),
            (Some("2020-01-02"), "Новости UNODC", "2020-01-02-unodc"),
            (
                Some("2020-01-02"),
                "Internationalisation counterterrorism interdepartmentalisation multistakeholderism",
                "2020-01-02-internationalisation-counterterrorism",
            ),
        ];
        for (date, title, want) in cases {
            let date = date.map(|d| PartialDate::parse(d).unwrap());
            assert_eq!(release_slug(date, title), want, "{title}");
        }
        let long = "x".repeat(100);
        assert_eq!(
            release_slug(PartialDate::parse("2020-01-02"), &long),
            format!("2020-01-02-{}", "x".repeat(ID_MAX_TITLE_CHARS))
        );
    }

    #[test]
    fn folding_keeps_what_is_not_a_letter() {
        for (raw, want) in [
            ("Türkiye", "turkiye"),
            ("CÔTE d’Ivoire", "cote d’ivoire"),
            ("São Tomé", "sao tome"),
            ("Åland", "aland"),
            ("Zu\u{0308}rich", "zurich"),
            ("Москва", "москва"),
        ] {
            assert_eq!(fold_case_and_marks(raw), want, "{raw}");
        }
    }

    #[test]
    fn folding_for_matching() {
        assert_eq!(fold_ascii("Genève"), "geneve");
        assert_eq!(fold_ascii("NEW  YORK"), "new york");
        assert_eq!(fold_ascii("Port-au-Prince"), "port au prince");
        assert_eq!(fold_ascii("Москва, Vienna"), "vienna");
    }

    #[test]
    fn topic_slugs_read_as_words() {
        for (slug, want) in [
            ("trafficking-in-persons", "Trafficking in persons"),
            ("cybercrime", "Cybercrime"),
            ("", ""),
        ] {
            assert_eq!(slug_to_words(slug), want);
        }
    }
}
