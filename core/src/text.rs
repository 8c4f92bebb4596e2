//! Normalisation shared by the index, the query parser and the highlighter:
//! lowercase, diacritics folded, words split on anything that is not a letter
//! or digit. The same rules on both sides is what makes "Zurich" find "Zürich".

use std::ops::Range;

/// Folds one lowercase Latin letter with a diacritic (or a ligature) to ASCII.
///
/// Hand-written instead of Unicode decomposition (NFD) because a normalisation
/// crate and its tables would add tens of kB to the WebAssembly bundle, while
/// the letters that occur in UN releases fit in this one match.
fn fold_latin(c: char) -> Option<&'static str> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ'
        | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể'
        | 'ễ' | 'ệ' | 'ə' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ỉ' | 'ị' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ọ' | 'ỏ' | 'ố' | 'ồ'
        | 'ổ' | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ụ' | 'ủ' | 'ứ'
        | 'ừ' | 'ử' | 'ữ' | 'ự' => "u",
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

/// Calls `f(normal form, byte range in text)` for every word of `text`.
/// One buffer serves all words: indexing a large corpus allocates nothing per word.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, Range<usize>)) {
    let mut word = String::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if push_folded(c, &mut word) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            if !word.is_empty() {
                f(&word, s..i);
            }
            word.clear();
        }
    }
    if let Some(s) = start {
        if !word.is_empty() {
            f(&word, s..text.len());
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
