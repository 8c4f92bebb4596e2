//! Marking query terms in the original text, and picking the passage of a
//! body to show under a result.

use std::collections::HashSet;
use std::ops::Range;

use crate::text::for_each_word;

/// The terms to mark: a word (normal form) matches an exact term, or begins
/// with a term written with a trailing `*`. `Results::terms` lists
/// completions and corrections in full, so it needs no `*`. A set, because a
/// search may return a couple of thousand terms and a body has thousands of
/// words.
struct Terms<'a> {
    exact: HashSet<&'a str>,
    prefixes: Vec<&'a str>,
}

impl<'a> Terms<'a> {
    fn new(terms: &'a [String]) -> Self {
        let (mut exact, mut prefixes) = (HashSet::new(), Vec::new());
        for t in terms {
            match t.strip_suffix('*') {
                Some(p) if !p.is_empty() => prefixes.push(p),
                Some(_) => {}
                None => {
                    exact.insert(t.as_str());
                }
            }
        }
        Terms { exact, prefixes }
    }

    fn matches(&self, word: &str) -> bool {
        self.exact.contains(word) || self.prefixes.iter().any(|p| word.starts_with(p))
    }
}

/// Byte ranges (on char boundaries of `text`) of the words matching `terms`.
fn matching_words(text: &str, terms: &Terms<'_>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !terms.exact.is_empty() || !terms.prefixes.is_empty() {
        for_each_word(text, |w, range| {
            if terms.matches(w) {
                out.push(range);
            }
        });
    }
    out
}

/// Splits `text` into consecutive segments covering all of it; `true` marks
/// a word matching one of `terms` (case and diacritics ignored).
pub fn highlight(text: &str, terms: &[String]) -> Vec<(bool, Range<usize>)> {
    let mut segments = Vec::new();
    let mut at = 0;
    for range in matching_words(text, &Terms::new(terms)) {
        if range.start > at {
            segments.push((false, at..range.start));
        }
        at = range.end;
        segments.push((true, range));
    }
    if at < text.len() {
        segments.push((false, at..text.len()));
    }
    segments
}

/// The passage of `body` that shows the most query terms, at most
/// `max_chars` characters, cut at word boundaries with `…`; the opening of
/// the body when there are no terms or none occurs.
pub fn snippet(body: &[String], terms: &[String], max_chars: usize) -> String {
    let terms = Terms::new(terms); // once for the whole body
    let best = body
        .iter()
        .filter_map(|p| {
            let hits = matching_words(p, &terms);
            best_window(p, &hits, max_chars).map(|(start, score)| (p, start, score))
        })
        .max_by_key(|&(_, _, score)| score);
    match best {
        Some((p, start, _)) => cut(p, start, max_chars),
        None => {
            let lede = body.iter().find(|p| !p.trim().is_empty());
            lede.map(|p| cut(p, 0, max_chars)).unwrap_or_default()
        }
    }
}

/// Start (byte) of the window of `paragraph` holding the most matches, with its
/// score: distinct words first, then all matches. The window opens a little
/// before its first match, so the match reads in context.
fn best_window(
    paragraph: &str,
    hits: &[Range<usize>],
    max_chars: usize,
) -> Option<(usize, (usize, usize))> {
    let mut best: Option<(usize, (usize, usize))> = None;
    for (i, first) in hits.iter().enumerate() {
        let end = byte_after_chars(paragraph, first.start, max_chars);
        let inside: Vec<&str> = hits[i..]
            .iter()
            .take_while(|h| h.end <= end)
            .filter_map(|h| paragraph.get(h.clone()))
            .collect();
        let mut distinct: Vec<String> = inside.iter().map(|w| w.to_lowercase()).collect();
        crate::order::sort_by(&mut distinct, String::cmp);
        distinct.dedup();
        let score = (distinct.len(), inside.len());
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((lead_in(paragraph, first.start, max_chars / 4), score));
        }
    }
    best
}

/// Byte offset `n` characters after `from` (or the end).
fn byte_after_chars(s: &str, from: usize, n: usize) -> usize {
    s.get(from..)
        .and_then(|rest| rest.char_indices().nth(n))
        .map_or(s.len(), |(i, _)| from + i)
}

/// A word start at most `chars` characters before `at` (0 when close to the start).
fn lead_in(s: &str, at: usize, chars: usize) -> usize {
    let before = s.get(..at).unwrap_or("");
    let n = before.chars().count();
    if n <= chars {
        return 0;
    }
    let from = before.char_indices().nth(n - chars).map_or(0, |(i, _)| i);
    let window = before.get(from..).unwrap_or("");
    match window.find(char::is_whitespace) {
        Some(space) => from + space + window[space..].chars().next().map_or(0, char::len_utf8),
        None => at,
    }
}

/// At most `max_chars` characters of `p` from byte `start`, ending at a word
/// boundary, with `…` where text was left out.
fn cut(p: &str, start: usize, max_chars: usize) -> String {
    let rest = p.get(start..).unwrap_or("").trim_start();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    if rest.chars().count() <= max_chars {
        out.push_str(rest.trim_end());
        return out;
    }
    let end = byte_after_chars(rest, 0, max_chars);
    let head = rest.get(..end).unwrap_or("");
    // Back off to the last space unless the window is one long word.
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > 0 => &head[..space],
        _ => head,
    };
    out.push_str(head.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c)));
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    fn marked<'a>(text: &'a str, t: &[&str]) -> Vec<&'a str> {
        highlight(text, &terms(t))
            .into_iter()
            .filter(|s| s.0)
            .map(|s| &text[s.1])
            .collect()
    }

    #[test]
    fn marks_words_ignoring_case_and_diacritics() {
        for (text, t, want) in [
            (
                "Zürich and ZURICH",
                vec!["zurich"],
                vec!["Zürich", "ZURICH"],
            ),
            (
                "Côte d’Ivoire",
                vec!["cote", "ivoire"],
                vec!["Côte", "Ivoire"],
            ),
            ("São Paulo, São", vec!["sao"], vec!["São", "São"]),
            (
                "trafficking traffic",
                vec!["traff*"],
                vec!["trafficking", "traffic"],
            ),
            ("crime crimes", vec!["crime"], vec!["crime"]),
            ("Москва", vec!["москва"], vec!["Москва"]),
            ("nothing here", vec![], vec![]),
            ("stars", vec!["*"], vec![]),
        ] {
            assert_eq!(marked(text, &t), want, "{text}");
        }
    }

    #[test]
    fn segments_cover_the_text_on_char_boundaries() {
        for text in ["Zürich, São Paulo — ZÜRICH!", "Zürich", "", "  é "] {
            let segs = highlight(text, &terms(&["zurich", "sao"]));
            let mut at = 0;
            for (_, r) in &segs {
                assert_eq!(r.start, at);
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                at = r.end;
            }
            assert_eq!(at, text.len(), "{text}");
        }
        let segs = highlight("Zürich, São", &terms(&["zurich", "sao"]));
        assert_eq!(segs, [(true, 0..7), (false, 7..9), (true, 9..13)]);
    }

    #[test]
    fn snippet_shows_the_passage_with_the_most_terms() {
        let body = terms(&[
            "UNODC hosted a delegation in Vienna for three days of meetings.",
            "Earlier text that goes on for a while about unrelated things. Then organized crime \
             and cybercrime were discussed at length with experts from many countries.",
        ]);
        let s = snippet(&body, &terms(&["cybercrime", "organized"]), 60);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("organized crime and cybercrime"), "{s}");
        assert!(s.chars().count() <= 62, "{s}");
        assert!(!s.contains("Earlier"), "{s}");
    }

    #[test]
    fn snippet_falls_back_to_the_lede() {
        let body = terms(&[
            "",
            "Première phrase du communiqué, assez longue pour être coupée.",
        ]);
        for t in [vec![], terms(&["absent"])] {
            let s = snippet(&body, &t, 20);
            assert_eq!(s, "Première phrase du…");
        }
        assert_eq!(snippet(&terms(&["Short lede."]), &[], 100), "Short lede.");
        assert_eq!(snippet(&[], &terms(&["x"]), 10), "");
        assert_eq!(snippet(&terms(&["Überlangeswort"]), &[], 4), "Über…");
    }

    #[test]
    fn snippet_at_paragraph_start_has_no_leading_ellipsis() {
        let body = terms(&["Zürich hosts the meeting on cybercrime today."]);
        assert_eq!(
            snippet(&body, &terms(&["zurich"]), 200),
            "Zürich hosts the meeting on cybercrime today."
        );
    }
}
