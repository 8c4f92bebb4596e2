//! Contacts: every e-mail, phone number, @handle and http(s)/www URL anywhere in
//! the release (title, body, footer), plus persons named in the closing contact
//! block. One entry per distinct value, in order of appearance.
//!
//! Never reported: `javascript:` URLs, defanged addresses (`hxxp://`, `[.]`,
//! `[at]`), hashtags, and the domain of an e-mail read as a handle.
//! Word lists (honorifics, words that mark a non-person) live in
//! `core/data/contacts.tsv`.

use foldhash::{HashMap, HashSet};
use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use super::word_regex::WordRegex;
use super::{overlapping_keys, Text};
use crate::extract::tokens::squash;
use crate::model::{Contact, ContactKind};
use crate::text::{bytes_before_flag, bytes_between, word_at, WordSet};
use aho_corasick::dfa::DFA;

/// Markers that a token was deliberately broken so it would not be clickable.
const DEFANG_MARKERS: [&str; 11] = [
    "[.]", "(.)", "{.}", "[dot]", "(dot)", "[at]", "(at)", "[@]", "hxxp", "[:]", "[//]",
];

/// Longest handle X/Twitter allows.
const MAX_HANDLE_LEN: usize = 15;

// Kept out of line (one call per release): profiles show each extractor.
#[inline(never)]
pub fn extract(text: &Text) -> Vec<Contact> {
    let mut out = Collected::default();
    let segments = std::iter::once(text.title)
        .chain(text.body.iter().map(String::as_str))
        .chain(text.footer.iter().map(String::as_str));
    for segment in segments {
        for found in scan(segment) {
            out.push(found.contact);
        }
    }
    for paragraph in text.footer {
        for line in paragraph.lines() {
            for name in names_in_line(line) {
                out.push(Contact {
                    kind: ContactKind::Name,
                    value: name,
                });
            }
        }
    }
    out.list
}

/// Distinct contacts in order of first appearance.
#[derive(Default)]
struct Collected {
    seen: HashSet<(ContactKind, String)>,
    list: Vec<Contact>,
}

impl Collected {
    fn push(&mut self, contact: Contact) {
        if self.seen.insert((contact.kind, dedup_key(&contact))) {
            self.list.push(contact);
        }
    }
}

/// What makes two values the same contact: e-mails, handles and names ignore
/// case; phone numbers compare by their digits only.
fn dedup_key(contact: &Contact) -> String {
    match contact.kind {
        ContactKind::Phone => contact.value.chars().filter(char::is_ascii_digit).collect(),
        ContactKind::Url => contact.value.trim_end_matches('/').to_string(),
        _ => contact.value.to_lowercase(),
    }
}

/// One contact found in a segment, with its byte span there.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    contact: Contact,
}

impl Found {
    fn new(start: usize, end: usize, kind: ContactKind, value: String) -> Found {
        Found {
            start,
            end,
            contact: Contact { kind, value },
        }
    }

    fn overlaps(&self, other: &Found) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Every machine-readable contact in one paragraph, in text order.
fn scan(segment: &str) -> Vec<Found> {
    scan_with(segment, &Marks::of(segment))
}

fn scan_with(segment: &str, marks: &Marks) -> Vec<Found> {
    let tokens = SpaceTokens::new(segment);
    let (urls, schemed) = urls(segment, &tokens, marks);
    // Two runs (schemed, then bare URLs), each in text order without overlaps.
    let (schemed_urls, bare_urls) = urls.split_at(schemed);
    let inside_url = |f: &Found| overlaps_any(schemed_urls, f) || overlaps_any(bare_urls, f);
    let mut found: Vec<Found> = emails(segment, &tokens, marks)
        .into_iter()
        .chain(handles(segment, &tokens, marks))
        .chain(phones(segment, &tokens, marks))
        .filter(|f| !inside_url(f))
        .collect();
    found.extend(urls.iter().cloned());
    found.extend(urls.iter().filter_map(handle_of_profile_url));
    // Stable: a profile URL stays ahead of the handle read from it.
    found.sort_by_key(|f| f.start);
    found
}

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in regex: {e}")))
}

/// A pattern with `\b`, in the form that stays on the regex crate's DFA for
/// `s` (see `word_regex`).
fn word_regex(cell: &'static OnceLock<WordRegex>, pattern: &str, s: &str) -> &'static Regex {
    cell.get_or_init(|| {
        WordRegex::new(pattern).unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
    })
    .for_text(s)
}

// Cheap tests that a segment may hold a match, run before each regex: most
// paragraphs hold no contact at all, and every regex pass reads the whole
// paragraph. Each is implied by its regex.

/// What one pass over a segment's bytes tells the regexes (written by hand:
/// it replaces eight searches of every paragraph, one per mark).
struct Marks {
    /// `@`: e-mails and handles.
    at: bool,
    /// `://` or `www.` (any case): schemed URLs.
    url: bool,
    /// `.com/` (any case): bare profile URLs.
    profile: bool,
    /// `+`: international phone numbers.
    plus: bool,
    /// A decimal digit (`\d`, Unicode): every phone number holds one.
    digit: bool,
    /// At least seven ASCII digits: a phone number's fewest (`phone_at`).
    seven_digits: bool,
    /// `:` or a label word (`tel`, `Phone`, ...; as a substring): a
    /// labelled phone number.
    label: bool,
    /// `(` and two to five digits and `)`, or `ddd.ddd.`/`ddd-ddd-`, or a
    /// digit beyond ASCII: how a national phone number opens.
    national: bool,
}

/// Where `phones`' labelled form can find a label word (`tel`, `telephone`,
/// `phone`, `mobile`, `mob`, `cell`, `cellphone`, `fax`, `ph`; without case):
/// each holds one of these. None of their letters has a case form beyond
/// ASCII (as `k` and `s` have), so ASCII case-insensitivity finds all.
fn phone_labels() -> Option<&'static DFA> {
    static LABELS: OnceLock<Option<DFA>> = OnceLock::new();
    LABELS
        .get_or_init(|| {
            // Walked by hand (`overlapping_keys`), without a prefilter.
            DFA::builder()
                .ascii_case_insensitive(true)
                .prefilter(false)
                .build(["tel", "ph", "mob", "cell", "fax"])
                .ok()
        })
        .as_ref()
}

/// Byte classes of [`Marks::of`]: most bytes (lower-case letters, spaces)
/// ask for nothing.
const NONE: u8 = 0;
const DIGIT: u8 = 1;
/// A byte of a character beyond ASCII.
const WIDE: u8 = 2;
/// `@ + : . - / (`.
const MARK: u8 = 4;

static MARK_CLASSES: [u8; 256] = {
    let mut table = [NONE; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        table[i] = match c {
            b'0'..=b'9' => DIGIT,
            b'@' | b'+' | b':' | b'.' | b'-' | b'/' | b'(' => MARK,
            _ if !c.is_ascii() => WIDE,
            _ => NONE,
        };
        i += 1;
    }
    table
};

impl Marks {
    /// Every mark: each regex runs.
    #[cfg(test)]
    fn all() -> Marks {
        Marks {
            at: true,
            url: true,
            profile: true,
            plus: true,
            digit: true,
            seven_digits: true,
            label: true,
            national: true,
        }
    }

    fn of(s: &str) -> Marks {
        let b = s.as_bytes();
        let mut m = Marks {
            at: false,
            url: false,
            profile: false,
            plus: false,
            digit: false,
            seven_digits: false,
            label: false,
            national: false,
        };
        let (mut ascii_digits, mut non_ascii) = (0usize, false);
        let digits = |from: usize, n: usize| {
            b.get(from..from + n)
                .is_some_and(|w| w.iter().all(u8::is_ascii_digit))
        };
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            // Up to eight bytes at a time past bytes that are no mark and no
            // digit (lower case, spaces: most text), to the next one that
            // is; the bytes beyond ASCII among them (all are the text's)
            // tell `non_ascii` as the byte loop would.
            if let Some(word) = word_at(b, i) {
                let skip = bytes_before_flag(bytes_between(word, b'(' - 1, b'@' + 1));
                if skip > 0 {
                    non_ascii |= word & 0x8080_8080_8080_8080 != 0;
                    i += skip;
                    continue;
                }
            }
            match MARK_CLASSES[usize::from(c)] {
                NONE => {}
                DIGIT => {
                    ascii_digits += 1;
                    // `0113 378 6007`: a trunk `0` opening a word, two to
                    // four digits, a space, a digit.
                    if c == b'0'
                        && !m.national
                        && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
                    {
                        let n = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
                        m.national |= (2..=4).contains(&n)
                            && b.get(i + 1 + n) == Some(&b' ')
                            && b.get(i + 2 + n).is_some_and(u8::is_ascii_digit);
                    }
                }
                WIDE => non_ascii = true,
                _ => match c {
                    b'@' => m.at = true,
                    b'+' => m.plus = true,
                    b':' => {
                        m.label = true;
                        m.url |= b.get(i + 1..i + 3) == Some(b"//");
                    }
                    b'.' | b'-' => {
                        m.url |= c == b'.' && i >= 3 && b[i - 3..i].eq_ignore_ascii_case(b"www");
                        // `\d{3}[.\-]\d{3}[.\-]`
                        m.national |= i >= 3
                            && digits(i - 3, 3)
                            && digits(i + 1, 3)
                            && matches!(b.get(i + 4), Some(b'.' | b'-'));
                    }
                    b'/' => {
                        m.profile |= i >= 4 && b[i - 4..i].eq_ignore_ascii_case(b".com");
                    }
                    b'(' => {
                        // `\(\d{2,5}\)`
                        let n = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
                        m.national |= (2..=5).contains(&n) && b.get(i + 1 + n) == Some(&b')');
                    }
                    _ => {}
                },
            }
            i += 1;
        }
        // A digit beyond ASCII is a `\d` the byte tests above do not see.
        let other_digit = non_ascii && s.chars().any(|c| !c.is_ascii() && c.is_numeric());
        m.digit = ascii_digits > 0 || other_digit;
        m.seven_digits = ascii_digits >= 7;
        m.national |= other_digit;
        // Without a `:`, a labelled number needs a label word: looked for
        // only where a number can be (a substring is enough).
        if !m.label && m.digit && m.seven_digits {
            m.label = phone_labels().is_none_or(|dfa| overlapping_keys(dfa, b, |_, _, _| true));
        }
        m
    }
}

/// Whether a span overlaps one of `spans`, which are in text order and do not
/// overlap (so their ends are in order too).
fn overlaps_any(spans: &[Found], f: &Found) -> bool {
    let k = spans.partition_point(|u| u.end <= f.start);
    spans.get(k).is_some_and(|u| u.overlaps(f))
}

/// The whitespace-delimited tokens of one segment, for `token_around`: where
/// its whitespace is, found once (searching back and forth from every match
/// was quadratic in a long token full of matches), and which tokens were
/// found unusable.
struct SpaceTokens<'a> {
    s: &'a str,
    /// Byte ranges of the whitespace characters (U+00A0 is two bytes).
    spaces: std::cell::OnceCell<Vec<(usize, usize)>>,
    unusable: std::cell::RefCell<HashMap<(usize, usize), bool>>,
}

impl<'a> SpaceTokens<'a> {
    fn new(s: &'a str) -> Self {
        SpaceTokens {
            s,
            spaces: std::cell::OnceCell::new(),
            unusable: std::cell::RefCell::new(HashMap::default()),
        }
    }

    /// The byte range of the whitespace-delimited token around a byte span.
    fn around(&self, start: usize, end: usize) -> (usize, usize) {
        let spaces = self.spaces.get_or_init(|| {
            // ASCII bytes as bytes (`char::is_whitespace` on ASCII: space,
            // \t, \n, \x0B, \x0C, \r), other characters decoded.
            let b = self.s.as_bytes();
            let mut spaces = Vec::new();
            let mut i = 0;
            while let Some(&c) = b.get(i) {
                if c.is_ascii() {
                    if matches!(c, b' ' | b'\t'..=b'\r') {
                        spaces.push((i, i + 1));
                    }
                    i += 1;
                    continue;
                }
                let Some(ch) = self.s[i..].chars().next() else {
                    break;
                };
                if ch.is_whitespace() {
                    spaces.push((i, i + ch.len_utf8()));
                }
                i += ch.len_utf8();
            }
            spaces
        });
        // As `s[..start].rfind(char::is_whitespace)`, past that character.
        let before = spaces.partition_point(|&(i, _)| i < start);
        let from = before
            .checked_sub(1)
            .and_then(|k| spaces.get(k))
            .map_or(0, |&(_, next)| next);
        let after = spaces.partition_point(|&(i, _)| i < end);
        let to = spaces.get(after).map_or(self.s.len(), |&(i, _)| i);
        (from, to)
    }

    /// `is_unusable_token` of the token around a byte span.
    fn unusable(&self, start: usize, end: usize) -> bool {
        let (from, to) = self.around(start, end);
        if let Some(&known) = self.unusable.borrow().get(&(from, to)) {
            return known;
        }
        let verdict = is_unusable_token(&self.s[from..to]);
        self.unusable.borrow_mut().insert((from, to), verdict);
        verdict
    }
}

/// A token that was defanged or is a script link must not yield contacts.
///
/// The markers are ASCII, and read in the token without ASCII case, which
/// finds what lowercasing it finds: the only characters beyond ASCII whose
/// lower case holds ASCII are `K` (the Kelvin sign, to `k`, in no marker)
/// and `İ` (to `i` and a combining dot, which no marker follows `i` with).
/// One automaton pass instead of a lowercased copy and a dozen searches.
fn is_unusable_token(token: &str) -> bool {
    static MARKERS: OnceLock<Option<DFA>> = OnceLock::new();
    let markers = MARKERS.get_or_init(|| {
        // Walked by hand (`overlapping_keys`), without a prefilter.
        DFA::builder()
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(DEFANG_MARKERS.iter().copied().chain(["javascript:"]))
            .ok()
    });
    match markers {
        Some(dfa) => overlapping_keys(dfa, token.as_bytes(), |_, _, _| true),
        None => {
            let lower = token.to_lowercase();
            lower.contains("javascript:") || DEFANG_MARKERS.iter().any(|m| lower.contains(m))
        }
    }
}

fn char_before(s: &str, at: usize) -> Option<char> {
    s[..at].chars().next_back()
}

fn char_after(s: &str, at: usize) -> Option<char> {
    s[at..].chars().next()
}

fn emails(s: &str, tokens: &SpaceTokens, marks: &Marks) -> Vec<Found> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}",
    );
    if !marks.at {
        return Vec::new();
    }
    re.find_iter(s)
        .filter(|m| !tokens.unusable(m.start(), m.end()))
        .map(|m| {
            Found::new(
                m.start(),
                m.end(),
                ContactKind::Email,
                m.as_str().to_string(),
            )
        })
        .collect()
}

/// URLs in text order of the schemed ones, then the bare ones; and how many
/// schemed ones come first.
fn urls(s: &str, tokens: &SpaceTokens, marks: &Marks) -> (Vec<Found>, usize) {
    static SCHEMED: OnceLock<WordRegex> = OnceLock::new();
    static BARE_TWITTER: OnceLock<WordRegex> = OnceLock::new();
    let schemed = marks.url.then(|| {
        word_regex(
            &SCHEMED,
            r#"(?i)\b(?:https?://|www\.)[^\s<>"'“”‘’\[\]{}|\\^`]+"#,
            s,
        )
    });
    // `twitter.com/handle` written without scheme or www is still a link.
    let bare = marks.profile.then(|| {
        word_regex(
            &BARE_TWITTER,
            r"(?i)\b(?:twitter|x)\.com/@?[A-Za-z0-9_]{1,15}\b",
            s,
        )
    });
    let mut found: Vec<Found> = Vec::new();
    // Matches of one regex do not overlap, so only a schemed URL can hold a
    // bare one; those are in text order: the last one starting at or before
    // the match is the only one that can hold it.
    let mut schemed_count = None;
    let schemed_matches = schemed
        .into_iter()
        .flat_map(|re| re.find_iter(s))
        .map(|m| (true, m));
    let bare_matches = bare
        .into_iter()
        .flat_map(|re| re.find_iter(s))
        .map(|m| (false, m));
    for (is_schemed, m) in schemed_matches.chain(bare_matches) {
        if !is_schemed && schemed_count.is_none() {
            schemed_count = Some(found.len());
        }
        let schemed_found = &found[..schemed_count.unwrap_or(found.len())];
        let k = schemed_found.partition_point(|f| f.start <= m.start());
        let held = k
            .checked_sub(1)
            .and_then(|k| schemed_found.get(k))
            .is_some_and(|f| f.start <= m.start() && m.end() <= f.end);
        if held {
            continue;
        }
        if matches!(char_before(s, m.start()), Some('@' | '/' | '.' | '-')) {
            continue;
        }
        if tokens.unusable(m.start(), m.end()) {
            continue;
        }
        let value = trim_url(m.as_str());
        if value.len() > "www.".len() + 2 && value.contains('.') {
            let end = m.start() + value.len();
            found.push(Found::new(
                m.start(),
                end,
                ContactKind::Url,
                value.to_string(),
            ));
        }
    }
    let schemed_count = schemed_count.unwrap_or(found.len());
    (found, schemed_count)
}

/// Drops sentence punctuation after a URL, and a closing bracket that does
/// not close one opened inside the URL.
fn trim_url(url: &str) -> &str {
    let mut url = url;
    // Brackets counted once: punctuation trimming leaves them, and each round
    // removes at most one `)` (counting again every round was quadratic in a
    // URL ending in many brackets).
    let opening = url.matches('(').count();
    let mut closing = url.matches(')').count();
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '*']);
        let trimmed = if trimmed.ends_with(')') && opening < closing {
            closing -= 1;
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            return url;
        }
        url = trimmed;
    }
}

/// `twitter.com/UNODC` (any scheme, www or not, x.com too) also names a handle.
fn handle_of_profile_url(url: &Found) -> Option<Found> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        r"(?i)^(?:https?://)?(?:www\.|mobile\.)?(?:twitter|x)\.com/@?([A-Za-z0-9_]{1,15})(?:[/?#]|$)",
    );
    let handle = re.captures(&url.contact.value)?.get(1)?.as_str();
    if data().twitter_paths.contains(&handle.to_lowercase()) {
        return None;
    }
    Some(Found::new(
        url.start,
        url.end,
        ContactKind::Twitter,
        format!("@{handle}"),
    ))
}

fn handles(s: &str, tokens: &SpaceTokens, marks: &Marks) -> Vec<Found> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(&RE, r"@[A-Za-z0-9_]+");
    if !marks.at {
        return Vec::new();
    }
    re.find_iter(s)
        .filter(|m| is_handle(s, m.start(), m.end(), tokens))
        .map(|m| {
            Found::new(
                m.start(),
                m.end(),
                ContactKind::Twitter,
                m.as_str().to_string(),
            )
        })
        .collect()
}

/// An `@word` is a handle unless it is part of an e-mail address, a URL path
/// or a defanged token, or is not a legal handle.
fn is_handle(s: &str, start: usize, end: usize, tokens: &SpaceTokens) -> bool {
    let name = &s[start + 1..end];
    let stuck_before =
        char_before(s, start).is_some_and(|c| c.is_alphanumeric() || "._-/@+%".contains(c));
    // `@unodc.org` is a mangled e-mail domain, not a handle.
    let domain_after =
        s[end..].starts_with('.') && s[end + 1..].starts_with(|c: char| c.is_ascii_alphanumeric());
    let stuck_after = char_after(s, end).is_some_and(|c| c == '@' || c == '[' || c == '(');
    name.len() <= MAX_HANDLE_LEN
        && name.chars().any(|c| c.is_ascii_alphabetic())
        && !stuck_before
        && !domain_after
        && !stuck_after
        && !tokens.unusable(start, end)
}

fn phones(s: &str, tokens: &SpaceTokens, marks: &Marks) -> Vec<Found> {
    static INTERNATIONAL: OnceLock<Regex> = OnceLock::new();
    static LABELLED: OnceLock<WordRegex> = OnceLock::new();
    static NATIONAL: OnceLock<WordRegex> = OnceLock::new();
    // Every form holds a digit, and every number kept seven ASCII digits.
    if !marks.digit || !marks.seven_digits {
        return Vec::new();
    }
    // `+43 1 26060 5629`, `(+1) 212 963 1234`, `+1 (212) 963-1234`
    let international = regex(
        &INTERNATIONAL,
        r"(?:\(\s?\+\s?\d{1,4}\s?\)|\+\s?\d{1,4})(?:[ \t\u{a0}.\-/]{0,3}(?:\(\d{1,5}\)|\d{1,6}))+",
    );
    // `Tel.: 26060 5629`, `Mobile: ...`, `T: ...`. Both word regexes are
    // taken only where their mark is, so their Unicode forms are compiled
    // only for a text that holds one.
    let labelled = || {
        word_regex(
            &LABELLED,
            r"(?i)\b(?:(?:tel(?:ephone)?|phone|mobile|mob|cell(?:phone)?|fax|ph)\b\.?\s*(?:no\.?\s*)?:?|[tmf]\s*:)\s*(\(?\+?\s?\d[\d \t\u{a0}().\-/]{5,}\d)",
            s,
        )
    };
    // Common national layouts without a label: `(212) 963-1234`,
    // `212-963-1234`, and with a trunk `0` (`0113 378 6007`, `020 7501 8920`).
    let national = || {
        word_regex(
            &NATIONAL,
            r"\(\d{2,5}\)\s?\d{2,4}[\s.\-]\d{3,4}(?:[\s.\-]\d{2,4})?|\b\d{3}[.\-]\d{3}[.\-]\d{4}\b|\b0\d{2,4} \d{3,4} \d{3,4}\b",
            s,
        )
    };
    let mut found = Spans::default();
    // The international form opens with `+`.
    let spans = marks
        .plus
        .then(|| international.find_iter(s))
        .into_iter()
        .flatten()
        .map(|m| (m.start(), m.end()))
        .chain(
            marks
                .label
                .then(|| labelled().captures_iter(s))
                .into_iter()
                .flatten()
                .filter_map(|c| c.get(1))
                .map(|m| (m.start(), m.end())),
        )
        .chain(
            marks
                .national
                .then(|| national().find_iter(s))
                .into_iter()
                .flatten()
                .map(|m| (m.start(), m.end())),
        );
    for (start, end) in spans {
        if char_before(s, start).is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let Some(candidate) = phone_at(s, start, end, tokens) else {
            continue;
        };
        match found.first_overlapping(&candidate) {
            Some(i) if span_len(&found.list[i]) < span_len(&candidate) => {
                found.replace(i, candidate)
            }
            Some(_) => {}
            None => found.push(candidate),
        }
    }
    found.list
}

/// Phone numbers found so far, with their starts indexed: finding the first
/// one overlapping a candidate looks only at those starting within the
/// longest span before it, not at every number found.
#[derive(Default)]
struct Spans {
    list: Vec<Found>,
    /// Start → indexes into `list`.
    starts: BTreeMap<usize, Vec<usize>>,
    /// The longest span ever indexed.
    longest: usize,
}

impl Spans {
    fn push(&mut self, f: Found) {
        self.index(self.list.len(), &f);
        self.list.push(f);
    }

    fn replace(&mut self, i: usize, f: Found) {
        if let Some(old) = self.list.get(i) {
            if let Some(at) = self.starts.get_mut(&old.start) {
                at.retain(|&k| k != i);
            }
        }
        self.index(i, &f);
        self.list[i] = f;
    }

    fn index(&mut self, i: usize, f: &Found) {
        self.longest = self.longest.max(span_len(f));
        self.starts.entry(f.start).or_default().push(i);
    }

    /// The first (in `list` order) span overlapping `c`.
    fn first_overlapping(&self, c: &Found) -> Option<usize> {
        let from = c.start.saturating_sub(self.longest);
        self.starts
            .range(from..c.end)
            .flat_map(|(_, at)| at)
            .copied()
            .filter(|&i| self.list.get(i).is_some_and(|f| f.overlaps(c)))
            .min()
    }
}

fn span_len(f: &Found) -> usize {
    f.end - f.start
}

/// A phone number as written, whitespace collapsed, if its digit count is
/// plausible (7 to 15, the E.164 maximum).
fn phone_at(s: &str, start: usize, end: usize, tokens: &SpaceTokens) -> Option<Found> {
    let raw = s[start..end].trim_end_matches([' ', '\t', '\u{a0}', '.', '-', '/', '(']);
    let digits = raw.chars().filter(char::is_ascii_digit).count();
    if !(7..=15).contains(&digits) || tokens.unusable(start, end) {
        return None;
    }
    let value = squash(raw);
    Some(Found::new(
        start,
        start + raw.len(),
        ContactKind::Phone,
        value,
    ))
}

// ---------------------------------------------------------------------------
// Persons named in the contact block

/// Reference words: hashed with [`WordHasher`](crate::text::WordHasher)
/// (SipHash was 1 % of ingest, under the names in contact blocks).
struct Lists {
    honorifics: WordSet<String>,
    particles: WordSet<String>,
    not_names: WordSet<String>,
    twitter_paths: WordSet<String>,
}

fn data() -> &'static Lists {
    static DATA: OnceLock<Lists> = OnceLock::new();
    DATA.get_or_init(|| parse_lists(data_file!("contacts.tsv")))
}

fn parse_lists(tsv: &str) -> Lists {
    let mut lists = Lists {
        honorifics: WordSet::default(),
        particles: WordSet::default(),
        not_names: WordSet::default(),
        twitter_paths: WordSet::default(),
    };
    let rows = tsv
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    for row in rows {
        let Some((kind, value)) = row.split_once('\t') else {
            continue;
        };
        let value = value.trim().to_lowercase();
        let set = match kind.trim() {
            "honorific" => &mut lists.honorifics,
            "particle" => &mut lists.particles,
            "not_name" => &mut lists.not_names,
            "twitter_path" => &mut lists.twitter_paths,
            _ => continue,
        };
        set.insert(value);
    }
    lists
}

/// Persons in one contact-block line. The line is cut at separators into
/// chunks (`Jane Doe, Spokesperson, UNIS Vienna`); a person is a run of 2-4
/// capitalised name words that starts a chunk, follows an honorific, or
/// follows `contact`/`and`/`or`, and contains no label, role, organisation
/// or place word.
fn names_in_line(line: &str) -> Vec<String> {
    chunks(line).into_iter().flat_map(names_in_chunk).collect()
}

/// `line` split as `[,;:|()\[\]/•·\t]|\s[-–—]\s` splits it (leftmost
/// first: a tab is a separator of its own), by hand: a regex pass per footer
/// line cost more than the names read from it.
fn chunks(line: &str) -> Vec<&str> {
    let is_sep = |c: char| ",;:|()[]/•·\t".contains(c);
    let is_dash = |c: char| matches!(c, '-' | '–' | '—');
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = if is_sep(c) {
            i + c.len_utf8()
        } else if c.is_whitespace() {
            let mut ahead = line[i + c.len_utf8()..].chars();
            match (ahead.next(), ahead.next()) {
                (Some(d), Some(w)) if is_dash(d) && w.is_whitespace() => {
                    chars.next();
                    chars.next();
                    i + c.len_utf8() + d.len_utf8() + w.len_utf8()
                }
                _ => continue,
            }
        } else {
            continue;
        };
        out.push(&line[start..i]);
        start = end;
    }
    out.push(&line[start..]);
    out
}

fn names_in_chunk(chunk: &str) -> Vec<String> {
    // A name opens on a capital (`is_name_word`, `is_initial`): a chunk
    // without one (an address, a number, a URL's parts) holds none, and
    // its words are not read.
    let capital = chunk.bytes().any(|b| b.is_ascii_uppercase())
        || (!chunk.is_ascii() && chunk.chars().any(char::is_uppercase));
    if !capital {
        return Vec::new();
    }
    let words: Vec<&str> = chunk.split_whitespace().collect();
    let mut names = Vec::new();
    let mut may_start = true;
    let mut after_honorific = false;
    let mut i = 0;
    while i < words.len() {
        // A run is read only where a name may start (it was read at every
        // word, and dropped where none may).
        let run = if may_start {
            name_run(&words[i..])
        } else {
            Vec::new()
        };
        if !run.is_empty() {
            let long_enough = run.len() >= 2 || (after_honorific && run.len() == 1);
            if long_enough && run.len() <= 4 {
                names.push(run.join(" ").trim_end_matches(['.', ',']).to_string());
            }
            i += run.len();
            may_start = false;
            after_honorific = false;
            continue;
        }
        // Compared without ASCII case, as lowercased: no character beyond
        // ASCII lowercases to these words (only `K` and `İ` lowercase to
        // ASCII letters, `k` and `i` with a combining dot).
        let bare = words[i].trim_matches(|c: char| !c.is_alphanumeric());
        after_honorific = is_honorific(words[i]);
        may_start = after_honorific
            || ["contact", "contacting", "and", "or"]
                .iter()
                .any(|w| bare.eq_ignore_ascii_case(w));
        i += 1;
    }
    names
}

fn is_honorific(word: &str) -> bool {
    // The case test first: most words are not capitalised, and then nothing
    // is allocated.
    word.chars().next().is_some_and(char::is_uppercase) && {
        if word.is_ascii() {
            // Its letters lowercased on the stack (most words are ASCII).
            let mut buf = [0u8; STACK_WORD];
            let mut len = 0;
            for b in word.bytes().filter(u8::is_ascii_alphabetic) {
                let Some(slot) = buf.get_mut(len) else {
                    return holds_lowercased(&data().honorifics, &ascii_letters(word));
                };
                *slot = b.to_ascii_lowercase();
                len += 1;
            }
            return std::str::from_utf8(&buf[..len])
                .is_ok_and(|key| data().honorifics.contains(key));
        }
        let bare: String = word
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        data().honorifics.contains(&bare)
    }
}

/// The ASCII letters of `word`.
fn ascii_letters(word: &str) -> String {
    word.chars().filter(char::is_ascii_alphabetic).collect()
}

/// Longest ASCII word [`holds_lowercased`] lowercases on the stack.
const STACK_WORD: usize = 32;

/// Whether `set` holds `word` lowercased: an ASCII word is lowercased on
/// the stack, not allocated (the contact block asks for every word).
fn holds_lowercased(set: &WordSet<String>, word: &str) -> bool {
    let mut buf = [0u8; STACK_WORD];
    if let Some(key) = buf.get_mut(..word.len()).filter(|_| word.is_ascii()) {
        key.copy_from_slice(word.as_bytes());
        key.make_ascii_lowercase();
        return std::str::from_utf8(key).is_ok_and(|k| set.contains(k));
    }
    set.contains(&word.to_lowercase())
}

/// The longest prefix of `words` that reads as a person's name: capitalised
/// words and initials, lower-case particles only between them.
fn name_run<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut run: Vec<&'a str> = Vec::new();
    for word in words {
        let is_particle = !run.is_empty() && holds_lowercased(&data().particles, word);
        if !(is_name_word(word) || is_particle) {
            break;
        }
        run.push(word);
        if word.ends_with('.') && !is_initial(word) {
            break; // sentence end
        }
    }
    while run
        .last()
        .is_some_and(|w| holds_lowercased(&data().particles, w))
    {
        run.pop();
    }
    run
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// A capitalised word with lower-case letters (not an acronym), no digits or
/// address characters, not a possessive, and not on the not-a-name list.
fn is_name_word(word: &str) -> bool {
    if is_initial(word) {
        return true;
    }
    let bare = word.trim_end_matches(['.', ',']);
    let starts_upper = bare.chars().next().is_some_and(char::is_uppercase);
    let has_lower = bare.chars().any(char::is_lowercase);
    let letters_only = bare.chars().all(|c| c.is_alphabetic() || "-'’".contains(c));
    let possessive = bare.ends_with("'s") || bare.ends_with("’s");
    starts_upper
        && has_lower
        && letters_only
        && !possessive
        && !is_honorific(bare)
        && !holds_lowercased(&data().not_names, bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marks_skip_only_segments_without_contacts() {
        let texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "Tel: 26060 5629",
            "TEL.: +43 1 26060 5629, fax 26060-5630",
            "call (212) 963-1234 or 212.963.1234 or 212-963-1234",
            "Mobile +1 (212) 963-1234; ph 555 1234 567",
            "cellphone\u{a0}0044 20 7946 0000",
            "m: 0770 123 4567, t : 0161 555 0000",
            "(٠١٢) ٣٤٥-٦٧٨٩ 0123456",
            "Tel\u{e9}phone 26060 5629",
            "ext. 123.456.7890 and (12345) 67 890 1234",
            "on 0113 378 6007 or (020 7501 8920), not 01234 567 890",
            "see www.unodc.org and https://x.com/UNODC and twitter.com/@who",
            "mail a.b@who.int, @handle_1",
            "JAVASCRIPT:alert(1) hxxp://evil[.]com",
        ]);
        let mut found = 0;
        for t in &texts {
            let all = scan_with(t, &Marks::all());
            found += all.len();
            let gated = scan(t);
            let show = |f: &[Found]| format!("{f:?}");
            assert_eq!(show(&gated), show(&all), "{t:?}");
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn unusable_tokens_read_as_lowercased() {
        let old = |token: &str| {
            let lower = token.to_lowercase();
            lower.contains("javascript:") || DEFANG_MARKERS.iter().any(|m| lower.contains(m))
        };
        let mut tokens: Vec<String> = [
            "JavaScript:void(0)",
            "HXXPS://x",
            "a[AT]b(DOT)c",
            "x{.}y",
            "javascr\u{130}pt:",
            "\u{212a}[\u{212a}]",
            "[//]",
            "plain@who.int",
            "",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for text in crate::sample_texts::release_files() {
            tokens.extend(text.split_whitespace().map(str::to_string));
        }
        for t in &tokens {
            assert_eq!(is_unusable_token(t), old(t), "{t:?}");
        }
    }
    use crate::model::ContactKind::{Email, Name, Phone, Twitter, Url};

    #[test]
    fn chunks_are_what_the_separator_regex_splits() {
        let re = Regex::new(r"[,;:|()\[\]/•·\t]|\s[-–—]\s").unwrap();
        let mut lines: Vec<String> = [
            "",
            "a - b",
            "a -b",
            "a\t-\tb",
            " - - x",
            "a -\u{a0}b",
            "a\u{2003}—\u{3000}b",
            "x  -  y",
            "(a)[b]/c•d·e|f;g:h,",
            " -",
            "- ",
            "a –\tb",
            "\t- x",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for text in crate::sample_texts::release_files() {
            lines.extend(text.lines().map(str::to_string));
        }
        for line in &lines {
            assert_eq!(chunks(line), re.split(line).collect::<Vec<_>>(), "{line:?}");
        }
    }

    fn run(body: &[&str], footer: &[&str]) -> Vec<(ContactKind, String)> {
        let body: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let footer: Vec<String> = footer.iter().map(|s| s.to_string()).collect();
        let text = Text {
            title: "",
            body: &body,
            footer: &footer,
            dateline: None,
            date: None,
        };
        extract(&text)
            .into_iter()
            .map(|c| (c.kind, c.value))
            .collect()
    }

    type Case<'a> = (&'a str, &'a [&'a str], &'a [(ContactKind, &'a str)]);

    fn pairs(expected: &[(ContactKind, &str)]) -> Vec<(ContactKind, String)> {
        expected.iter().map(|(k, v)| (*k, v.to_string())).collect()
    }

    #[test]
    fn multibyte_whitespace_before_a_contact() {
        let footer = ["Mail:\u{a0}david.dadge@un.org\u{2003}or\u{3000}@glo_act"];
        assert_eq!(
            run(&[], &footer),
            pairs(&[(Email, "david.dadge@un.org"), (Twitter, "@glo_act")])
        );
    }

    #[test]
    fn seed_gives_exactly_the_twitter_handle() {
        let body = ["UNODC hosted a high-level delegation from the Islamic Republic of Iran in Vienna from 29-31 January 2019.",
            "The project builds on a global community of practice set in motion in GLO.ACT 2015-2019."];
        let footer = ["For more information, please contact:", "Twitter: @glo_act"];
        assert_eq!(run(&body, &footer), pairs(&[(Twitter, "@glo_act")]));
    }

    #[test]
    fn table() {
        let cases: &[Case] = &[
            (
                "email",
                &["Write to unodc-press@un.org."],
                &[(Email, "unodc-press@un.org")],
            ),
            (
                "email domain is no handle",
                &["Mail x@unodc.org today"],
                &[(Email, "x@unodc.org")],
            ),
            (
                "international phone",
                &["Tel.: +43 1 26060 5629"],
                &[(Phone, "+43 1 26060 5629")],
            ),
            (
                "national number with a trunk 0",
                &["contact the press office on 0113 378 6007 or 020 7501 8920"],
                &[(Phone, "0113 378 6007"), (Phone, "020 7501 8920")],
            ),
            (
                "bracketed country code",
                &["Phone: (+1) 212 963 1234"],
                &[(Phone, "(+1) 212 963 1234")],
            ),
            (
                "mobile label",
                &["Mobile: +43  699 1459 5629"],
                &[(Phone, "+43 699 1459 5629")],
            ),
            (
                "label without plus",
                &["Tel: 26060 5629"],
                &[(Phone, "26060 5629")],
            ),
            (
                "twitter label",
                &["Twitter: @glo_act"],
                &[(Twitter, "@glo_act")],
            ),
            (
                "bare handle",
                &["Follow @UNODC for news"],
                &[(Twitter, "@UNODC")],
            ),
            (
                "x label",
                &["X: @UN_News_Centre"],
                &[(Twitter, "@UN_News_Centre")],
            ),
            (
                "twitter url",
                &["See twitter.com/glo_act."],
                &[(Url, "twitter.com/glo_act"), (Twitter, "@glo_act")],
            ),
            (
                "x.com url",
                &["https://x.com/UNODC"],
                &[(Url, "https://x.com/UNODC"), (Twitter, "@UNODC")],
            ),
            (
                "twitter intent is no handle",
                &["https://twitter.com/intent/tweet"],
                &[(Url, "https://twitter.com/intent/tweet")],
            ),
            (
                "https url trailing dot",
                &["Read more at https://www.unodc.org/glo-act/."],
                &[(Url, "https://www.unodc.org/glo-act/")],
            ),
            (
                "www url in brackets",
                &["(www.unodc.org)"],
                &[(Url, "www.unodc.org")],
            ),
            (
                "url keeps balanced brackets",
                &["https://en.wikipedia.org/wiki/GLO_(x)"],
                &[(Url, "https://en.wikipedia.org/wiki/GLO_(x)")],
            ),
            (
                "javascript url",
                &["<a href=javascript:void(0)>x</a> javascript:window.open('http://evil.org')"],
                &[],
            ),
            (
                "defanged url",
                &["hxxp://evil[.]com and www.evil[.]com"],
                &[],
            ),
            ("defanged email", &["jane[at]un.org and jane@un[.]org"], &[]),
            ("hashtag", &["#EndTrafficking #GLOACT"], &[]),
            (
                "handle inside url is not separate",
                &["https://medium.com/@unodc"],
                &[(Url, "https://medium.com/@unodc")],
            ),
            (
                "years are no phone",
                &["from 2018-2022 and 29-31 January 2019"],
                &[],
            ),
            (
                "duplicates once",
                &["@UNODC and @unodc; a@b.org, A@B.org"],
                &[(Twitter, "@UNODC"), (Email, "a@b.org")],
            ),
            (
                "email inside url",
                &["https://x.org/?to=a@b.org"],
                &[(Url, "https://x.org/?to=a@b.org")],
            ),
        ];
        for (name, body, expected) in cases {
            assert_eq!(run(body, &[]), pairs(expected), "case {name}");
        }
    }

    #[test]
    fn contact_block_names() {
        let cases: &[Case] = &[
            (
                "inline lead-in",
                &["For more information, please contact: Jane Doe, Spokesperson, UNIS Vienna"],
                &[(Name, "Jane Doe")],
            ),
            (
                "stacked lines",
                &["For more information, please contact:\nMs. Jane Doe\nPublic Information Officer\nUnited Nations Information Service\nTel.: +43 1 26060 5629\nEmail: jane.doe@un.org"],
                &[(Phone, "+43 1 26060 5629"), (Email, "jane.doe@un.org"), (Name, "Jane Doe")],
            ),
            (
                "two people and particles",
                &["Media contacts: Jan van der Berg or Maria de la Cruz (maria.cruz@un.org)"],
                &[(Email, "maria.cruz@un.org"), (Name, "Jan van der Berg"), (Name, "Maria de la Cruz")],
            ),
            ("contact without colon", &["Please contact Jane Doe at jane@un.org"], &[(Email, "jane@un.org"), (Name, "Jane Doe")]),
            ("honorific with surname", &["Contact: Mr. Smith"], &[(Name, "Smith")]),
            ("organisations and places are not names", &["UNODC Communications Unit, Vienna International Centre, New York"], &[]),
            ("labels are not names", &["Follow Us", "Notes to Editors"], &[]),
            (
                "an organisation's head word makes no name",
                &["Media contact:\nCorporate Communications\nEthiopian Airlines Group", "Media enquiries: Communications Unit, Statistics Botswana"],
                &[],
            ),
        ];
        for (name, footer, expected) in cases {
            assert_eq!(run(&[], footer), pairs(expected), "case {name}");
        }
    }

    #[test]
    fn title_urls_count() {
        let body: Vec<String> = Vec::new();
        let text = Text {
            title: "See www.unodc.org",
            body: &body,
            footer: &[],
            dateline: None,
            date: None,
        };
        assert_eq!(
            extract(&text),
            vec![Contact {
                kind: Url,
                value: "www.unodc.org".into()
            }]
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for s in [
            "@", "+", "(+", "Tel:", "www.", "http://", "é@ü.ö", "ä@b", "Ms.", "+ä1 2 3", "@é", "x@",
        ] {
            let _ = run(&[s], &[s]);
        }
    }

    #[test]
    fn seed_file() {
        let (title, body, footer) = crate::extract::test_support::seed_text_parts();
        let text = Text {
            title: &title,
            body: &body,
            footer: &footer,
            dateline: None,
            date: None,
        };
        assert_eq!(
            extract(&text),
            vec![Contact {
                kind: Twitter,
                value: "@glo_act".into()
            }]
        );
    }
}
