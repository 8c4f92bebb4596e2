//! Money: every amount written with a currency (symbol, code or word), as a
//! number in units and an ISO 4217 code. A range gives two entries, a
//! conversion in brackets is its own entry, the same amount twice is one.
//!
//! Reference data: `core/data/currencies.tsv` (how currencies are written) and
//! `core/data/money_scales.tsv` (million, bn, k, ...).

use super::word_regex::WordRegex;
use super::{overlapping_keys, Text};
use crate::model::Money;
use aho_corasick::dfa::DFA;
use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

/// Where a currency token may stand and how it is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// ISO code, exact case, before or after the number.
    Code,
    /// Symbol, exact case, before or after the number.
    Symbol,
    /// Word, any case, after the number.
    Word,
}

#[derive(Debug)]
struct Currency {
    token: String,
    code: String,
    kind: Kind,
}

struct Tables {
    /// Longest token first, so `US$` wins over `$` and `Swiss francs` over `francs`.
    currencies: Vec<Currency>,
    /// Indexes into `currencies` (in its order) by the token's first
    /// character, ASCII-lowercased: only those can start a match after a number.
    by_first: HashMap<char, Vec<usize>>,
    /// Indexes of the codes and symbols (in order) by the token's last
    /// character: only those can end right before a number.
    by_last: HashMap<char, Vec<usize>>,
    /// A number, optionally followed by a scale word. Its `\b` keeps a
    /// plain regex off the DFA on any paragraph with a curly quote or a dash.
    amount: WordRegex,
    scales: Vec<(String, f64)>,
    /// Every currency token, in ASCII case-insensitive search (pattern `i`
    /// is `currencies[i]`), for [`may_hold_money`]; `None` if it failed to
    /// build, and then every paragraph is read.
    tokens: Option<DFA>,
}

/// Data lines without comments or blanks, split on tabs.
fn data_rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut currencies: Vec<Currency> = data_rows(data_file!("currencies.tsv"))
            .filter_map(|row| {
                let kind = match *row.get(2)? {
                    "code" => Kind::Code,
                    "symbol" => Kind::Symbol,
                    "word" => Kind::Word,
                    _ => return None,
                };
                Some(Currency {
                    token: row.first()?.to_string(),
                    code: row.get(1)?.to_string(),
                    kind,
                })
            })
            .collect();
        currencies.sort_by_key(|c| std::cmp::Reverse(c.token.len()));
        let mut scales: Vec<(String, f64)> = data_rows(data_file!("money_scales.tsv"))
            .filter_map(|row| Some((row.first()?.to_lowercase(), row.get(1)?.parse().ok()?)))
            .collect();
        scales.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let scale_alt = scales
            .iter()
            .map(|(w, _)| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|");
        // Thousands groups (1,500,000 / 1.500.000 / 1 500 000 / 1'500'000) with an
        // optional decimal part, or a plain number with an optional decimal part.
        let number = r"\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3}){2,}|(?:[ \u{a0}\u{202f}]\d{3})+|(?:'\d{3})+)(?:[.,]\d+)?|\d+(?:[.,]\d+)?";
        let pattern = format!(r"(?P<num>{number})(?:[ \u{{a0}}]?-?(?P<scale>(?i:{scale_alt}))\b)?");
        let amount = WordRegex::with_ascii_digits(&pattern)
            .unwrap_or_else(|_| WordRegex::new(r"\d+").expect("literal regex"));
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::default();
        let mut by_last: HashMap<char, Vec<usize>> = HashMap::default();
        for (i, c) in currencies.iter().enumerate() {
            if let Some(first) = c.token.chars().next() {
                by_first.entry(first.to_ascii_lowercase()).or_default().push(i);
            }
            if let Some(last) = c.token.chars().next_back().filter(|_| c.kind != Kind::Word) {
                by_last.entry(last).or_default().push(i);
            }
        }
        // Walked by hand (`overlapping_keys`), without a prefilter.
        let tokens = DFA::builder()
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(currencies.iter().map(|c| &c.token))
            .ok();
        Tables {
            currencies,
            by_first,
            by_last,
            amount,
            scales,
            tokens,
        }
    })
}

/// One number in the text, with what is written around it.
#[derive(Debug, Clone)]
struct Amount {
    /// Byte span of the number and its scale word.
    start: usize,
    end: usize,
    value: f64,
    scale: Option<f64>,
    /// ISO code and the byte span of the whole phrase, currency included.
    currency: Option<String>,
    phrase_start: usize,
    phrase_end: usize,
    /// Preceded by "between": then "and" joins a range.
    after_between: bool,
}

/// Amounts with a currency, in the order written, each amount+currency once.
// Kept out of line (one call per release): profiles show each extractor.
#[inline(never)]
pub fn extract(text: &Text) -> Vec<Money> {
    let mut out: Vec<Money> = Vec::new();
    // (currency, amount bits): amounts are never NaN and never -0.0 (no sign
    // is parsed), so equal bits are exactly equal amounts.
    let mut seen: HashSet<(String, u64)> = HashSet::default();
    let sources = std::iter::once(text.title).chain(text.body.iter().map(String::as_str));
    for source in sources {
        for money in extract_from(source) {
            if seen.insert((money.currency.clone(), amount_key(money.amount))) {
                out.push(money);
            }
        }
    }
    out
}

/// The bits of an amount as a hash key, `0.0` and `-0.0` alike (they are equal).
fn amount_key(amount: f64) -> u64 {
    if amount == 0.0 {
        0.0f64.to_bits()
    } else {
        amount.to_bits()
    }
}

/// Money in one paragraph.
fn extract_from(s: &str) -> Vec<Money> {
    if !may_hold_money(s) {
        return Vec::new();
    }
    read_money(s)
}

/// Money in one paragraph, read number by number.
fn read_money(s: &str) -> Vec<Money> {
    let mut amounts: Vec<Amount> = tables()
        .amount
        .for_text(s)
        .find_iter(s)
        .filter_map(|m| amount_at(s, &Found::of(s, m.start(), m.end())))
        .collect();
    link_ranges(s, &mut amounts);
    amounts
        .into_iter()
        .filter_map(|a| {
            let currency = a.currency?;
            let multiplier = a.scale.unwrap_or(1.0);
            Some(Money {
                amount: round_cents(a.value * multiplier),
                currency,
                text: s.get(a.phrase_start..a.phrase_end)?.trim().to_string(),
            })
        })
        .collect()
}

/// How far (bytes) an amount's last or first ASCII digit can stand from
/// its currency token: a scale word (`thouſand`, 9 bytes) and its `[ \u{a0}]?-?`,
/// two bytes of spaces and `of `; or the two bytes of spaces before a number.
const CURRENCY_REACH: usize = 32;

/// Whether `s` can give money: every amount with a currency has a currency
/// token (codes and symbols as written, words in any ASCII case, as
/// [`currency_before`] and [`currency_after`] compare them) with the
/// number's ASCII digits close before or after it (a number with another
/// digit does not parse). Most paragraphs with numbers hold no currency:
/// they were read number by number (money was 3 % of ingest).
fn may_hold_money(s: &str) -> bool {
    let b = s.as_bytes();
    if !crate::text::has_ascii_digit(b) {
        return false;
    }
    let tables = tables();
    let Some(tokens) = &tables.tokens else {
        return true;
    };
    let digit_in = |from: usize, to: usize| {
        b.get(from..to.min(b.len()))
            .is_some_and(|w| w.iter().any(u8::is_ascii_digit))
    };
    overlapping_keys(tokens, b, |start, end, key| {
        let as_written = tables.currencies.get(key).is_some_and(|c| {
            c.kind == Kind::Word || s.as_bytes().get(start..end) == Some(c.token.as_bytes())
        });
        as_written
            && (digit_in(start.saturating_sub(CURRENCY_REACH), start)
                || digit_in(end, end + CURRENCY_REACH))
    })
}

/// Floating-point scaling (1.1 × 10⁶) must not leave 1100000.0000000002.
fn round_cents(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A match of the amount pattern, as byte spans: the number, the scale word
/// (if any) and the whole match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    num: (usize, usize),
    scale: Option<(usize, usize)>,
    end: usize,
}

impl Found {
    /// The groups of the match at `start..end`, read off its text: the
    /// number ends in a digit and the scale part is `[ \u{a0}]?-?` and a
    /// scale word, all letters (`K` and `ſ` too, as `(?i)` matches them), so
    /// the scale word is the letters at the end. Cheaper than asking the
    /// regex for its groups (a backtracking pass over every number).
    fn of(s: &str, start: usize, end: usize) -> Found {
        let text = s.get(start..end).unwrap_or_default();
        let unscaled = text.trim_end_matches(char::is_alphabetic);
        let num_text = unscaled.strip_suffix('-').unwrap_or(unscaled);
        let num_text = num_text.strip_suffix([' ', '\u{a0}']).unwrap_or(num_text);
        Found {
            num: (start, start + num_text.len()),
            scale: (unscaled.len() < text.len()).then_some((start + unscaled.len(), end)),
            end,
        }
    }
}

/// The amount a regex match stands for, with any currency around it.
fn amount_at(s: &str, found: &Found) -> Option<Amount> {
    let (num_start, num_end) = found.num;
    let num_text = s.get(num_start..num_end)?;
    let whole_end = found.end;
    let before = s.get(..num_start)?;
    let after = s.get(whole_end..)?;
    // Followed by a digit: a misread grouping (€5 2019), not an amount.
    if after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let prefix = currency_before(before);
    // Glued to a letter or digit (A1500, 12.5): part of another token, unless
    // that is the currency itself (USD5, Rs.500).
    let glued = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',');
    let currency_touches = prefix
        .as_ref()
        .is_some_and(|(c, start)| start + c.token.len() == before.len());
    if glued && !currency_touches {
        return None;
    }
    if is_percentage(after) {
        return None;
    }
    let scale_word = found
        .scale
        .and_then(|(start, end)| s.get(start..end))
        .map(str::to_lowercase);
    let scale = scale_word.and_then(|w| {
        tables()
            .scales
            .iter()
            .find(|(word, _)| *word == w)
            .map(|(_, m)| *m)
    });
    let suffix = currency_after(after);
    let (currency, phrase_start, phrase_end) = match (prefix, suffix) {
        (Some((c, start)), _) => (Some(c.code.clone()), start, whole_end),
        (None, Some((c, len))) => (Some(c.code.clone()), num_start, whole_end + len),
        (None, None) => (None, num_start, whole_end),
    };
    Some(Amount {
        start: num_start,
        end: whole_end,
        value: parse_number(num_text)?,
        scale,
        currency,
        phrase_start,
        phrase_end,
        after_between: s
            .get(..phrase_start)
            .is_some_and(|b| ends_with_word(b, "between")),
    })
}

/// `50%`, `50 per cent`, `50 percent`.
fn is_percentage(after: &str) -> bool {
    // Only the first few characters can matter: lowercasing the whole rest of
    // the paragraph for every number made long paragraphs quadratic. Every
    // character lowercases to at least one, so the first eight characters of
    // the lowercased rest come from its first eight characters.
    let rest = after.trim_start();
    let head = rest.char_indices().nth(8).map_or(rest, |(i, _)| &rest[..i]);
    let rest = head.to_lowercase();
    rest.starts_with('%') || rest.starts_with("per cent") || rest.starts_with("percent")
}

/// Whether `s`, ignoring trailing spaces, ends with `word` as a whole word (any case).
fn ends_with_word(s: &str, word: &str) -> bool {
    let t = s.trim_end();
    let Some(cut) = t.len().checked_sub(word.len()) else {
        return false;
    };
    let (head, tail) = match (t.get(..cut), t.get(cut..)) {
        (Some(h), Some(tl)) => (h, tl),
        _ => return false,
    };
    tail.eq_ignore_ascii_case(word) && !head.ends_with(|c: char| c.is_alphanumeric())
}

/// The currency code or symbol written just before a number, and where it starts.
fn currency_before(before: &str) -> Option<(&'static Currency, usize)> {
    let trimmed = before.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    // More than a couple of spaces between currency and number is not one phrase.
    if before.len() - trimmed.len() > 2 {
        return None;
    }
    let tables = tables();
    let last = trimmed.chars().next_back()?;
    tables
        .by_last
        .get(&last)?
        .iter()
        .filter_map(|&i| tables.currencies.get(i))
        .find_map(|c| {
            let start = trimmed.len().checked_sub(c.token.len())?;
            let token_starts_word = c.token.starts_with(|ch: char| ch.is_alphanumeric());
            let left_clear = !token_starts_word
                || !trimmed
                    .get(..start)?
                    .ends_with(|ch: char| ch.is_alphanumeric());
            (trimmed.get(start..)? == c.token && left_clear).then_some((c, start))
        })
}

/// The currency written just after a number (`euros`, `EUR`, `of US dollars`),
/// and how many bytes of `after` it takes.
pub(crate) fn currency_after_len(after: &str) -> Option<usize> {
    currency_after(after).map(|(_, len)| len)
}

fn currency_after(after: &str) -> Option<(&'static Currency, usize)> {
    let rest = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let spaces = after.len() - rest.len();
    if spaces > 2 {
        return None;
    }
    let (rest, skipped) = match rest.get(..3) {
        Some(of) if of.eq_ignore_ascii_case("of ") => (rest.get(3..)?, spaces + 3),
        _ => (rest, spaces),
    };
    let after_of = skipped > spaces;
    let tables = tables();
    let first = rest.chars().next()?.to_ascii_lowercase();
    let candidates = tables.by_first.get(&first)?;
    candidates
        .iter()
        .filter_map(|&i| tables.currencies.get(i))
        .find_map(|c| {
            // "5 of US$ 10" is not 5 dollars: after "of" only a word counts.
            if after_of && c.kind != Kind::Word {
                return None;
            }
            let head = rest.get(..c.token.len())?;
            let same = match c.kind {
                Kind::Word => head.eq_ignore_ascii_case(&c.token),
                Kind::Code | Kind::Symbol => head == c.token,
            };
            let token_ends_word = c.token.ends_with(|ch: char| ch.is_alphanumeric());
            let right_clear = !token_ends_word
                || !rest
                    .get(c.token.len()..)?
                    .starts_with(|ch: char| ch.is_alphanumeric());
            (same && right_clear).then_some((c, skipped + c.token.len()))
        })
}

/// Whether a currency code or symbol is written right before this point
/// (used by the events extractor: `USD 2019` is not a year).
pub(crate) fn has_currency_before(before: &str) -> bool {
    currency_before(before).is_some()
}

/// A number as written, with thousands separators and a decimal point or comma.
/// One `.` is a decimal point (1.500 = 1.5); one `,` before exactly three
/// digits is a thousands separator (300,000); otherwise the last separator of
/// a mixed number is the decimal one (1.500.000,50).
fn parse_number(written: &str) -> Option<f64> {
    let plain: String = written
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let commas = plain.matches(',').count();
    let dots = plain.matches('.').count();
    let normal = match (commas, dots) {
        (0, 0) => plain,
        (_, 0) => {
            let decimals = plain.rsplit(',').next().map_or(0, str::len);
            if commas == 1 && decimals != 3 {
                plain.replace(',', ".")
            } else {
                plain.replace(',', "")
            }
        }
        (0, 1) => plain,
        (0, _) => plain.replace('.', ""),
        _ => {
            let last_comma = plain.rfind(',')?;
            let last_dot = plain.rfind('.')?;
            if last_comma > last_dot {
                plain.replace('.', "").replace(',', ".")
            } else {
                plain.replace(',', "")
            }
        }
    };
    normal.parse().ok()
}

/// Joins ranges (`$2-3 million`, `between €1 and €2 million`, `2 to 3 million
/// euros`): each bound takes the currency the other has, and a lower bound
/// without a scale takes the upper bound's scale.
fn link_ranges(s: &str, amounts: &mut [Amount]) {
    for i in 1..amounts.len() {
        let (head, tail) = amounts.split_at_mut(i);
        let (Some(low), Some(high)) = (head.last_mut(), tail.first_mut()) else {
            continue;
        };
        let gap_end = if high.currency.is_some() && high.phrase_start < high.start {
            high.phrase_start
        } else {
            high.start
        };
        let Some(gap) = s.get(low.phrase_end.max(low.end)..gap_end) else {
            continue;
        };
        if !is_range_connector(gap, low.after_between) {
            continue;
        }
        // A lower bound takes a currency written after the upper one (2-3
        // million euros), not one written before it ("from 2019 to $5 million").
        let high_suffix = high.phrase_start >= high.start;
        if low.currency.is_none() && high_suffix {
            low.currency = high.currency.clone();
        } else if high.currency.is_none() {
            high.currency = low.currency.clone();
        }
        if low.scale.is_none() && high.scale.is_some() && low.value < high.value {
            low.scale = high.scale;
        }
        let (start, end) = (low.phrase_start, high.phrase_end);
        low.phrase_end = end;
        high.phrase_start = start;
    }
}

/// `-`, `–`, `to`, or `and` after "between".
fn is_range_connector(gap: &str, after_between: bool) -> bool {
    match gap.trim().to_lowercase().as_str() {
        "-" | "–" | "—" | "to" => true,
        "and" => after_between,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn money_in(body: &str) -> Vec<(f64, String)> {
        let body = vec![body.to_string()];
        let text = Text {
            title: "",
            body: &body,
            footer: &[],
            dateline: None,
            date: None,
        };
        extract(&text)
            .into_iter()
            .map(|m| (m.amount, m.currency))
            .collect()
    }

    /// Expected (amount, ISO code).
    type Expected = (f64, &'static str);

    #[test]
    fn amounts_with_a_currency() {
        let cases: &[(&str, &[Expected])] = &[
            // The seed.
            (
                "is a four-year (2018-2022), €12 million joint initiative",
                &[(12e6, "EUR")],
            ),
            ("a budget of EUR 1.5 billion", &[(1.5e9, "EUR")]),
            ("US$ 5.2 million was pledged", &[(5.2e6, "USD")]),
            ("USD 300,000 in grants", &[(300_000.0, "USD")]),
            ("some 5 million euros", &[(5e6, "EUR")]),
            ("£200,000 for training", &[(200_000.0, "GBP")]),
            ("CHF 40,000", &[(40_000.0, "CHF")]),
            ("$3.4 million", &[(3.4e6, "USD")]),
            ("¥500 million", &[(5e8, "JPY")]),
            ("Rs 25,000 each", &[(25_000.0, "INR")]),
            ("Rs.500", &[(500.0, "INR")]),
            ("A$2 million", &[(2e6, "AUD")]),
            ("AUD 750,000", &[(750_000.0, "AUD")]),
            ("C$1.2 million", &[(1.2e6, "CAD")]),
            ("NOK 2 million", &[(2e6, "NOK")]),
            ("EUR 1.2 bn", &[(1.2e9, "EUR")]),
            ("$500k", &[(500_000.0, "USD")]),
            ("$5m", &[(5e6, "USD")]),
            ("500k people", &[]),
            ("10 million US dollars", &[(1e7, "USD")]),
            ("2 million Swiss francs", &[(2e6, "CHF")]),
            ("40 million kroner", &[(4e7, "NOK")]),
            ("40 million Danish kroner", &[(4e7, "DKK")]),
            ("300 million yen", &[(3e8, "JPY")]),
            ("50,000 rupees", &[(50_000.0, "INR")]),
            ("EUR 1 500 000", &[(1_500_000.0, "EUR")]),
            ("1 500 000 euros", &[(1_500_000.0, "EUR")]),
            ("1.500.000 EUR", &[(1_500_000.0, "EUR")]),
            ("1.500.000,50 EUR", &[(1_500_000.5, "EUR")]),
            ("€1,5 million", &[(1.5e6, "EUR")]),
            // Ranges: two entries, the upper bound inheriting the currency.
            ("$2-3 million", &[(2e6, "USD"), (3e6, "USD")]),
            ("$2–3 million", &[(2e6, "USD"), (3e6, "USD")]),
            ("between €1 and €2 million", &[(1e6, "EUR"), (2e6, "EUR")]),
            (
                "between $500,000 and $2 million",
                &[(500_000.0, "USD"), (2e6, "USD")],
            ),
            ("2 to 3 million euros", &[(2e6, "EUR"), (3e6, "EUR")]),
            // A conversion in brackets is its own entry.
            (
                "€1 million (US$1.1 million)",
                &[(1e6, "EUR"), (1.1e6, "USD")],
            ),
            // The same amount twice is one entry.
            ("$5 million now and $5 million later", &[(5e6, "USD")]),
            // Not money.
            ("2,000 people and 1500 km", &[]),
            ("millions of dollars were lost", &[]),
            ("a rise of 15 per cent, 20% more", &[]),
            ("in 2019 and 2020", &[]),
            ("$ 5", &[(5.0, "USD")]),
            (
                "between 1 and 2 million euros",
                &[(1e6, "EUR"), (2e6, "EUR")],
            ),
            ("USD5 million", &[(5e6, "USD")]),
            ("€1.1bn and $5M", &[(1.1e9, "EUR"), (5e6, "USD")]),
            ("KSh 1,000", &[(1000.0, "KES")]),
            ("20 million CFA francs", &[(2e7, "XOF")]),
            ("UNODC2 million", &[]),
            ("from 2019 to $5 million", &[(5e6, "USD")]),
            ("5 of US$ 10 spent", &[(10.0, "USD")]),
            ("5 million of US dollars", &[(5e6, "USD")]),
            (
                "300,000 to 500,000 Kenyan shillings",
                &[(300_000.0, "KES"), (500_000.0, "KES")],
            ),
            ("5 and 10 million euros", &[(1e7, "EUR")]),
            // Plurals of currency words.
            ("850 million soms", &[(8.5e8, "KGS")]),
            ("4.2 billion tenge", &[(4.2e9, "KZT")]),
        ];
        for (input, expected) in cases {
            let got = money_in(input);
            let want: Vec<(f64, String)> =
                expected.iter().map(|(a, c)| (*a, c.to_string())).collect();
            assert_eq!(got, want, "input: {input}");
        }
    }

    #[test]
    fn text_is_the_phrase_as_written() {
        let body = vec!["a €12 million joint initiative and $2-3 million more".to_string()];
        let text = Text {
            title: "",
            body: &body,
            footer: &[],
            dateline: None,
            date: None,
        };
        let texts: Vec<String> = extract(&text).into_iter().map(|m| m.text).collect();
        assert_eq!(texts, ["€12 million", "$2-3 million", "$2-3 million"]);
    }

    #[test]
    fn numbers_parse_with_either_separator() {
        let cases = [
            ("300,000", 300_000.0),
            ("1,5", 1.5),
            ("1.5", 1.5),
            ("1.500.000", 1_500_000.0),
            ("1,500,000.25", 1_500_000.25),
            ("1.500.000,25", 1_500_000.25),
            ("1 500 000", 1_500_000.0),
            ("1'500'000", 1_500_000.0),
        ];
        for (written, value) in cases {
            assert_eq!(parse_number(written), Some(value), "{written}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let mixed = "Ünïcode€ 12 million — from 3–5 März, 30 June - 2 July 2021 (2018–2022) US$ 1.5bn ¥ 2019/20 since 2015 Rs. 5";
        for (i, _) in mixed.char_indices() {
            for s in [&mixed[..i], &mixed[i..]] {
                let _ = money_in(s);
            }
        }
        for s in [
            "$", "€", "1.", ",5 €", "US$ ", "ü€1ü", "between", "-$-", "Rs.",
        ] {
            let _ = money_in(s);
        }
    }

    #[test]
    fn the_money_gate_lets_every_paragraph_with_money_through() {
        let texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "5 thouſand euros, 3\u{212a} of EUROS, 7 billionſ  Swiss francs",
            "USD\u{a0}5, €5, Rs.500, US$ 1.5bn, 1 500 000 k US dollars",
            "between €1 and €2 million; 2-3 million euros; 5 million of rand",
            "5 usd, ٣ USD, 12\u{202f}000\u{202f}EUR, 9'000'000 crore yen",
            "a grand total of 5 brands, some 12 people, won 3 awards",
        ]);
        assert!(tables().tokens.is_some());
        let mut with_money = 0;
        for t in &texts {
            if !read_money(t).is_empty() {
                with_money += 1;
                assert!(may_hold_money(t), "{t:?}");
            }
        }
        assert!(with_money > 10, "{with_money}");
        // And most paragraphs with numbers are skipped.
        assert!(!may_hold_money("in 2019, 12 people met there"));
    }

    #[test]
    fn found_reads_the_groups_the_pattern_captures() {
        let mut texts: Vec<String> = [
            "USD 5 million",
            "5-million",
            "5 -bn",
            "5\u{a0}bn",
            "1,500,000.50 euros",
            "1 500 000 k",
            "2 MILLIONS",
            "3 \u{212a}",
            "7 billionſ",
            "4 lakhs.",
            "12.5",
            "1.500.000,50 bn",
            "9'000'000 crore",
            "5 - million",
            "5  m",
            "٣ mn",
            "1\u{202f}000 m",
            "5 mé and 6 m",
            "Côte: 5 million “quoted” – 3 bn",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.extend(crate::sample_texts::release_files());
        let re = Regex::new(&tables().amount.unicode_pattern).unwrap();
        let mut seen = 0;
        for t in &texts {
            let ours: Vec<(usize, usize)> = tables()
                .amount
                .for_text(t)
                .find_iter(t)
                .map(|m| (m.start(), m.end()))
                .collect();
            let theirs: Vec<(usize, usize)> =
                re.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(ours, theirs, "{t:?}");
            for caps in re.captures_iter(t) {
                let (whole, num) = (caps.get(0).unwrap(), caps.name("num").unwrap());
                let expected = Found {
                    num: (num.start(), num.end()),
                    scale: caps.name("scale").map(|m| (m.start(), m.end())),
                    end: whole.end(),
                };
                assert_eq!(Found::of(t, whole.start(), whole.end()), expected, "{t:?}");
                seen += usize::from(expected.scale.is_some());
            }
        }
        assert!(seen > 10, "{seen}");
    }
}
