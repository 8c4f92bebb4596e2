//! A small JSON writer, compact or pretty, whose output is byte for byte what
//! serde_json writes for the same values: strings escaped as serde_json
//! escapes them, pretty output laid out as its `PrettyFormatter` lays it out
//! (two-space indent, `": "`, `[]` and `{}` when empty), floats as it prints
//! them (its `zmij`, formerly `ryu`: shortest round-trip digits).
//!
//! Hand-written: the app ships every byte it links, and serde_json's writer
//! (its `Value`, zmij, the model's derived `Serialize` code) was 13.6 kB of
//! the shipped wasm, 4.6 kB brotli (measured), for two outputs of a few
//! lines each. serde_json stays the reference in the tests and the parser of
//! native code.

use std::fmt::Write as _;

/// JSON text being written: values one after another, in arrays and objects
/// opened with [`Json::array`] and [`Json::object`]; in an object each value
/// follows its [`Json::key`].
///
/// ```
/// use dateline_core::json::Json;
/// let mut j = Json::new(false);
/// j.object(|o| {
///     o.field("a", "x").key("b").array(|a| {
///         a.int(1).null();
///     });
/// });
/// assert_eq!(j.finish(), r#"{"a":"x","b":[1,null]}"#);
/// ```
pub struct Json {
    out: String,
    pretty: bool,
    /// Arrays and objects open.
    depth: usize,
    /// The innermost array or object has no value yet.
    first: bool,
    /// A key was just written: its value follows without a separator.
    keyed: bool,
}

/// Whether any of the eight bytes of `word` is `"`, `\\` or below 0x20 (the
/// bytes a JSON string escapes). `below(x, n)` tells whether a byte of `x` is
/// below `n` (at most 0x80): such a byte sets its high bit in `(x - ONES * n)
/// & !x`, and a borrow that could set another's starts only at such a byte.
fn needs_escape(word: u64) -> bool {
    escape_bits(word) & HIGH != 0
}

/// The high bits of [`needs_escape`]'s three tests, before they are asked
/// (joined, for one branch, not three; and of two words at once).
fn escape_bits(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x;
    below(word, 0x20)
        | below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1)
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// Whether no byte of `s` needs an escape ([`needs_escape`], a word at a
/// time).
fn is_plain(s: &[u8]) -> bool {
    let mut words = s.chunks_exact(8);
    let word = |w: &[u8]| u64::from_le_bytes(w.try_into().unwrap_or_default());
    if words.by_ref().any(|w| needs_escape(word(w))) {
        return false;
    }
    let rest = words.remainder();
    rest.is_empty() || !needs_escape(tail_word(rest))
}

/// One to seven bytes as a word for [`needs_escape`], the rest spaces
/// (which need none).
fn tail_word(rest: &[u8]) -> u64 {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    crate::text::le_bytes_padded(rest) | SPACES << (8 * rest.len())
}

impl Json {
    /// Compact (`pretty` false: no whitespace at all) or pretty JSON.
    pub fn new(pretty: bool) -> Json {
        Json::with_buffer(pretty, String::new())
    }

    /// A writer into `out`, emptied first: a buffer kept from the last text
    /// written spares growing a new one (its reallocations were 1 % of ingest).
    pub fn with_buffer(pretty: bool, mut out: String) -> Json {
        out.clear();
        Json {
            out,
            pretty,
            depth: 0,
            first: true,
            keyed: false,
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    /// An array of the values `items` writes.
    pub fn array(&mut self, items: impl FnOnce(&mut Json)) -> &mut Json {
        self.open('[');
        items(self);
        self.close(']')
    }

    /// An object of the keys and values `fields` writes.
    pub fn object(&mut self, fields: impl FnOnce(&mut Json)) -> &mut Json {
        self.open('{');
        fields(self);
        self.close('}')
    }

    /// An object's key: the next value written is its value.
    // `inline(never)` on the writer's steps, for size: at the core's
    // opt-level 3 each was copied into every field of the export (in the
    // app's wasm the JSON export was 19 kB, now 13.5); the calls cost nothing
    // next to the text they write.
    #[inline(never)]
    pub fn key(&mut self, key: &str) -> &mut Json {
        if is_plain(key.as_bytes()) {
            // A key needing no escape (every key of the export: a name) is
            // copied whole, without `str`'s scan; its closing quote and
            // colon in one push.
            self.value();
            self.out.reserve(key.len() + 4);
            self.out.push('"');
            self.out.push_str(key);
            self.out.push_str(if self.pretty { "\": " } else { "\":" });
        } else {
            self.str(key);
            self.out.push_str(if self.pretty { ": " } else { ":" });
        }
        self.keyed = true;
        self
    }

    /// A key and its string value.
    pub fn field(&mut self, key: &str, value: &str) -> &mut Json {
        self.key(key).str(value)
    }

    #[inline(never)]
    pub fn str(&mut self, s: &str) -> &mut Json {
        self.value();
        self.out.reserve(s.len() + 2);
        self.out.push('"');
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Sixteen, then eight bytes at a time past runs that need no
            // escape (most text): the byte-by-byte match was 1.4 % of ingest.
            if let Some(block) = bytes.get(i..i + 16) {
                let (a, b) = block.split_at(8);
                let a = u64::from_le_bytes(a.try_into().unwrap_or_default());
                let b = u64::from_le_bytes(b.try_into().unwrap_or_default());
                if (escape_bits(a) | escape_bits(b)) & HIGH == 0 {
                    i += 16;
                    continue;
                }
            }
            if let Some(word) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
                if !needs_escape(word) {
                    i += 8;
                    continue;
                }
            } else if !needs_escape(tail_word(&bytes[i..])) {
                // The last one to seven bytes (all of a short string, keys
                // among them), read at once, padded with spaces.
                break;
            }
            let b = bytes[i];
            i += 1;
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\t' => "\\t",
                b'\r' => "\\r",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // `b` is ASCII: `i - 1` is a character boundary.
            self.out.push_str(&s[start..i - 1]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(HEX[usize::from(b >> 4)] as char);
                self.out.push(HEX[usize::from(b & 15)] as char);
            } else {
                self.out.push_str(escape);
            }
            start = i;
        }
        self.out.push_str(&s[start..]);
        self.out.push('"');
        self
    }

    /// A string, or `null`.
    pub fn opt_str(&mut self, s: Option<&str>) -> &mut Json {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    /// An array of strings.
    pub fn strs(&mut self, items: &[String]) -> &mut Json {
        self.array(|a| {
            for s in items {
                a.str(s);
            }
        })
    }

    #[inline(never)]
    pub fn null(&mut self) -> &mut Json {
        self.value();
        self.out.push_str("null");
        self
    }

    #[inline(never)]
    pub fn int(&mut self, n: i64) -> &mut Json {
        self.value();
        let _ = write!(self.out, "{n}");
        self
    }

    /// A float as serde_json writes it (shortest round-trip digits: `1.5`,
    /// `0.1`, `12.0`, `1e+16`, `1.5e-7`); `null` when not finite.
    pub fn float(&mut self, x: f64) -> &mut Json {
        self.value();
        if !x.is_finite() {
            self.out.push_str("null");
            return self;
        }
        if x.is_sign_negative() {
            self.out.push('-');
        }
        let (digits, exp) = shortest(x.abs());
        // Laid out as zmij lays them out: positional from 1e-5 to below
        // 1e16, else with an exponent (`1e+16`, `1.5e-7`).
        let len = digits.len() as i32;
        let kk = exp + 1; // the point goes after `kk` digits
        let zeros = |n: i32| "0".repeat(n.max(0) as usize);
        let text = if len <= kk && kk <= 16 {
            format!("{digits}{}.0", zeros(kk - len))
        } else if 0 < kk && kk <= 16 {
            let (int, frac) = digits.split_at(kk as usize);
            format!("{int}.{frac}")
        } else if -5 < kk && kk <= 0 {
            format!("0.{}{digits}", zeros(-kk))
        } else {
            let (first, rest) = digits.split_at(1);
            let point = if rest.is_empty() { "" } else { "." };
            let sign = if exp > 0 { "+" } else { "" };
            format!("{first}{point}{rest}e{sign}{exp}")
        };
        self.out.push_str(&text);
        self
    }

    /// Before a value: the separator from the one before, and in pretty
    /// output its line and indent.
    #[inline(never)]
    fn value(&mut self) {
        if self.keyed {
            self.keyed = false;
        } else if self.depth > 0 {
            if !self.first {
                self.out.push(',');
            }
            self.first = false;
            self.line();
        }
    }

    fn line(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    #[inline(never)]
    fn open(&mut self, bracket: char) {
        self.value();
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    #[inline(never)]
    fn close(&mut self, bracket: char) -> &mut Json {
        self.depth -= 1;
        if !self.first {
            self.line();
        }
        // The enclosing array or object holds this one.
        self.first = false;
        self.out.push(bracket);
        self
    }
}

/// The shortest digits that read back as `x` (positive, finite) as zmij
/// finds them, and the power of ten of the first: `{}`'s digits (the app
/// links its code already; it writes them positionally, `1e300` as 301
/// characters), with a tie rounded as zmij rounds it.
fn shortest(x: f64) -> (String, i32) {
    let text = x.to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let all = format!("{int}{frac}");
    let lead = all.len() - all.trim_start_matches('0').len();
    let exp = int.len() as i32 - 1 - lead as i32;
    match all.trim_matches('0') {
        "" => ("0".to_owned(), 0),
        digits => (tie_to_even(x, digits, exp), exp),
    }
}

/// zmij rounds a tie half to even where Rust's shortest digits round half
/// up. A tie: `x` is exactly halfway between the two closest decimals of the
/// length of `digits`, `(2d + 1) / 2` units of the last digit (only possible
/// with that unit below 1), and the even one reads back as `x`.
fn tie_to_even(x: f64, digits: &str, exp: i32) -> String {
    let k = digits.len() as i32 - 1 - exp; // the last digit is worth 10^-k
    if let (Ok(d), 1..=27) = (digits.parse::<u64>(), k) {
        // 2x in units of the last digit is 2^(k+1) x 5^k (times exact).
        let y = x * f64::from_bits(((1023 + k + 1) as u64) << 52);
        if y.fract() == 0.0 && y < 1e19 {
            let twice = u128::from(y as u64) * 5u128.pow(k as u32);
            // Below a power of two the next float is nearer: the lower
            // candidate reads back as `x` only with a unit of 10^-24 or less.
            let power_of_two = x.to_bits() & ((1 << 52) - 1) == 0;
            for low in [d - 1, d] {
                let even = low + low % 2;
                if twice == u128::from(2 * low + 1)
                    && even != d
                    && even.to_string().len() == digits.len()
                    && !(power_of_two && even < d && k < 24)
                {
                    return even.to_string();
                }
            }
        }
    }
    digits.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_serde_json_escapes_them_at_every_offset() {
        let specials: Vec<char> = (0u8..0x20)
            .map(char::from)
            .chain(['"', '\\', '/', 'é', '€', '\u{7f}', '\u{2028}', '😀'])
            .collect();
        for len in 0..20 {
            for &c in &specials {
                for at in 0..=len {
                    let text: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                    let mut j = Json::new(false);
                    j.str(&text);
                    assert_eq!(
                        j.finish(),
                        serde_json::to_string(&text).unwrap(),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn keys_escape_as_serde_json_escapes_them_at_every_offset() {
        for len in 0..20 {
            for c in ['"', '\\', '\n', '\u{1}', 'é', '/'] {
                for at in 0..=len {
                    let key: String = (0..len).map(|i| if i == at { c } else { 'k' }).collect();
                    let value = serde_json::json!({ key.clone(): 1 });
                    both(&value, |j| {
                        j.object(|o| {
                            o.key(&key).int(1);
                        });
                    });
                }
            }
        }
    }

    use serde_json::{json, Value};

    fn both(value: &Value, write: impl Fn(&mut Json)) {
        for pretty in [false, true] {
            let mut j = Json::new(pretty);
            write(&mut j);
            let expected = if pretty {
                serde_json::to_string_pretty(value).unwrap()
            } else {
                serde_json::to_string(value).unwrap()
            };
            assert_eq!(j.finish(), expected, "pretty: {pretty}");
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é €😀 \u{2028}\u{7f}</script><!-- \\\" \\u0041");
        for s in [
            all.as_str(),
            "",
            "plain",
            "\"",
            "\\",
            "a\nb",
            "\u{0}",
            "\u{1f}",
        ] {
            both(&json!(s), |j| {
                j.str(s);
            });
        }
    }

    #[test]
    fn nesting_and_empty_containers_are_laid_out_as_serde_json_does() {
        let value = json!({
            "a": [],
            "b": {},
            "c": [[], {}, [1, [2, []]], {"d": {"e": null}}],
            "f": "x",
            "g": [{"h": -3, "i": 1.5}],
        });
        both(&value, |j| {
            j.object(|o| {
                o.key("a").array(|_| {});
                o.key("b").object(|_| {});
                o.key("c").array(|a| {
                    a.array(|_| {}).object(|_| {});
                    a.array(|a| {
                        a.int(1).array(|a| {
                            a.int(2).array(|_| {});
                        });
                    });
                    a.object(|o| {
                        o.key("d").object(|o| {
                            o.key("e").null();
                        });
                    });
                });
                o.field("f", "x");
                o.key("g").array(|a| {
                    a.object(|o| {
                        o.key("h").int(-3).key("i").float(1.5);
                    });
                });
            });
        });
        both(&json!([]), |j| {
            j.array(|_| {});
        });
        both(&json!({}), |j| {
            j.object(|_| {});
        });
        both(&json!("top"), |j| {
            j.str("top");
        });
        both(&json!(["a", "b"]), |j| {
            j.strs(&["a".into(), "b".into()]);
        });
    }

    #[test]
    fn integers_are_written_whole() {
        for n in [0, 1, -1, 42, i64::MAX, i64::MIN, 9_007_199_254_740_993] {
            both(&json!(n), |j| {
                j.int(n);
            });
        }
    }

    fn float_matches(x: f64) {
        let expected = serde_json::to_string(&x).unwrap();
        let mut j = Json::new(false);
        j.float(x);
        assert_eq!(j.finish(), expected, "{x:e} (bits {:#x})", x.to_bits());
    }

    #[test]
    fn floats_are_written_as_serde_json_writes_them() {
        let cases = [
            0.0,
            -0.0,
            1.0,
            1.5,
            0.1,
            -0.1,
            12.0,
            1234.5678,
            0.3,
            2.0 / 3.0,
            1e15,
            1e16,
            1e17,
            1.5e16,
            9_007_199_254_740_992.0,
            9_007_199_254_740_993.0,
            18_446_744_073_709_551_616.0,
            1e21,
            1e22,
            1.5e300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            1e-4,
            1e-5,
            1.5e-5,
            0.00012345,
            1e-7,
            -1.25e-7,
            123_456_789.123_456_79,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for x in cases {
            float_matches(x);
        }
        // Powers of two (zmij's irregular case, and the only ones where the
        // lower of a tie may not read back) and their neighbours.
        let powers = (1..2047u64).map(|e| e << 52).chain((0..52).map(|i| 1 << i));
        for bits in powers {
            for bits in [bits - 1, bits, bits + 1] {
                float_matches(f64::from_bits(bits));
            }
        }
        // Powers of ten at every exponent, and values near them.
        for e in -330..=310 {
            let x: f64 = format!("1e{e}").parse().unwrap();
            float_matches(x);
            float_matches(-x * 1.7);
            float_matches(x * 9.999_999_999_999_999);
        }
    }

    #[test]
    fn floats_of_random_bits_are_written_as_serde_json_writes_them() {
        // xorshift64*: many values of every exponent, the same on every run.
        let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            s ^= s >> 12;
            s ^= s << 25;
            s ^= s >> 27;
            float_matches(f64::from_bits(s.wrapping_mul(0x2545_F491_4F6C_DD1D)));
        }
        // Near 1e15, where a value can lie halfway between two 17-digit
        // decimals (Rust rounds such a tie up, serde_json to even).
        for i in 0..100_000u64 {
            let m = (1u64 << 52) | (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 12);
            for eighths in [2.0, 4.0, 8.0] {
                float_matches(m as f64 / eighths);
            }
        }
        // 1394865425023536.25 and -3296031479033.53125.
        float_matches(f64::from_bits(0x4313_d27d_a8ac_08c1));
        float_matches(f64::from_bits(0xc287_fb56_48a7_cc40));
        // Dyadic fractions of every size: ties need a short binary fraction.
        let mut s: u64 = 1;
        for _ in 0..100_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let bits = 1 + s % 53;
            let m = (s >> 11) & ((1 << bits) - 1);
            float_matches(m as f64 / f64::powi(2.0, (s >> 3) as i32 % 40));
        }
        // Short decimals, as amounts are written.
        for cents in (-100_000..100_000).step_by(7) {
            float_matches(cents as f64 / 100.0);
            float_matches(cents as f64 / 1000.0 * 1e6);
        }
    }
}
