//! The Markdown reader: a `---` front matter block of `key: value` lines, then
//! the body. Front matter wins: `title` over a `#` heading, `date` and `place`
//! over the dateline (applied in `dateline::resolve`).
//!
//! A value that opens a quote or a `[` list and never closes it, or a `place`
//! naming neither a known city nor a country, is kept as written with a
//! warning on its line; an `id` that is not a slug rejects the file.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use super::layout::{layout, lines, Line};
use super::{error, IngestError};
use crate::ingest::dates;
use crate::ingest::document::{Diagnostic, Document, Paragraph};
use crate::ingest::ids;
use crate::text::fold_ascii;

/// Front matter values with the line of each key.
#[derive(Debug, Default)]
struct FrontMatter {
    values: BTreeMap<String, String>,
    lines: BTreeMap<String, usize>,
    /// Warnings about values kept as written.
    diagnostics: Vec<Diagnostic>,
}

/// Reads a Markdown release.
pub fn read(source: &str, text: &str) -> Result<Document, IngestError> {
    let all = lines(text);
    let (mut front, body_from) = front_matter(source, &all)?;
    let mut body: Vec<Line> = all.get(body_from..).unwrap_or_default().to_vec();
    mark_headings(&mut body);
    let mut header = Vec::new();
    let title = match front.values.get("title").filter(|t| !t.is_empty()) {
        Some(t) => {
            drop_repeated_title(&mut body, t);
            Some((t.clone(), front.lines.get("title").copied().unwrap_or(1)))
        }
        None => take_h1(&mut body, &mut header),
    };
    check_front_id(source, &front)?;
    let mut doc = layout(source, body, title, header)?;
    doc.diagnostics.append(&mut front.diagnostics);
    check_front_date(source, &front, &mut doc.diagnostics);
    check_front_place(source, &front, &mut doc.diagnostics);
    doc.front = front.values;
    doc.front_lines = front.lines;
    Ok(doc)
}

/// Parses the front matter block if the file opens with `---`; returns it and
/// the index of the first body line.
fn front_matter(source: &str, lines: &[Line]) -> Result<(FrontMatter, usize), IngestError> {
    let mut front = FrontMatter::default();
    let Some(open) = lines.iter().position(|l| !l.text.is_empty()) else {
        return Ok((front, 0));
    };
    if lines.get(open).is_none_or(|l| l.text != "---") {
        return Ok((front, 0));
    }
    let open_no = lines.get(open).map_or(1, |l| l.no);
    let close = lines
        .iter()
        .skip(open + 1)
        .position(|l| l.text == "---" || l.text == "...")
        .map(|i| open + 1 + i)
        .ok_or_else(|| {
            error(
                source,
                open_no,
                "front matter opened here is never closed: expected a `---` line after the `key: value` lines",
            )
        })?;
    let mut list_key: Option<String> = None;
    for line in lines.get(open + 1..close).unwrap_or_default() {
        parse_front_line(source, line, &mut front, &mut list_key)?;
    }
    Ok((front, close + 1))
}

/// One front matter line: `key: value`, `- item` of a list opened by `key:`,
/// or a `#` comment.
fn parse_front_line(
    source: &str,
    line: &Line,
    front: &mut FrontMatter,
    list_key: &mut Option<String>,
) -> Result<(), IngestError> {
    let text = line.text.as_str();
    if text.is_empty() || text.starts_with('#') {
        return Ok(());
    }
    if let Some(item) = text.strip_prefix("- ").or((text == "-").then_some("")) {
        let key = list_key.as_ref().ok_or_else(|| {
            error(
                source,
                line.no,
                "front matter list item without a `key:` line above it",
            )
        })?;
        let value = front.values.entry(key.clone()).or_default();
        push_list_item(value, &unquote(item));
        return Ok(());
    }
    let (key, value) = text.split_once(':').ok_or_else(|| {
        error(
            source,
            line.no,
            format!("front matter line `{text}`: expected `key: value`"),
        )
    })?;
    let key = key.trim().to_lowercase();
    if key.is_empty() || key.contains(char::is_whitespace) {
        return Err(error(
            source,
            line.no,
            format!("front matter line `{text}`: expected `key: value`"),
        ));
    }
    let raw = value.trim();
    if let Some(problem) = unclosed(raw) {
        front.diagnostics.push(Diagnostic::warning(
            source,
            line.no,
            format!("front matter `{key}`: {problem}: the value is kept as written"),
        ));
    }
    let value = unquote(raw);
    *list_key = value.is_empty().then(|| key.clone());
    front.lines.insert(key.clone(), line.no);
    front.values.insert(key, value);
    Ok(())
}

/// Lists are kept as `[a, b]`, the form `split_tags` reads; items holding a
/// comma are quoted.
fn push_list_item(list: &mut String, item: &str) {
    let item = if item.contains(',') {
        format!("\"{item}\"")
    } else {
        item.to_string()
    };
    // Appended in place (a copy of the list per item would be quadratic in
    // a long list); a value written inline (`tags: [a]`) is extended alike.
    let trimmed = list.trim();
    let inner = trimmed
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .unwrap_or(trimmed);
    if inner.trim().is_empty() {
        *list = format!("[{item}]");
    } else if trimmed.len() == list.len() && trimmed.starts_with('[') && trimmed.ends_with(']') {
        list.pop();
        list.push_str(", ");
        list.push_str(&item);
        list.push(']');
    } else {
        *list = format!("[{inner}, {item}]");
    }
}

/// What is left open in a value: a quote or a `[` list.
fn unclosed(value: &str) -> Option<String> {
    let first = value.chars().next()?;
    match first {
        '"' | '\'' if !value.get(1..).unwrap_or_default().contains(first) => Some(format!(
            "the quote `{first}` is never closed: expected a closing `{first}` at the end of the line"
        )),
        '[' if !value.ends_with(']') => {
            Some("the list opened with `[` is never closed: expected `]` at the end of the line".into())
        }
        _ => None,
    }
}

fn unquote(value: &str) -> String {
    let v = value.trim();
    let quoted = v.len() >= 2
        && ((v.starts_with('"') && v.ends_with('"')) || (v.starts_with('\'') && v.ends_with('\'')));
    if quoted {
        v.get(1..v.len() - 1).unwrap_or(v).to_string()
    } else {
        v.to_string()
    }
}

/// Strips `#` markers (and setext `===`/`---` underlines), recording heading levels.
fn mark_headings(lines: &mut Vec<Line>) {
    static ATX: OnceLock<Option<Regex>> = OnceLock::new();
    if let Some(atx) = ATX
        .get_or_init(|| Regex::new(r"^(#{1,6})\s+(.*?)(\s+#+)?$").ok())
        .as_ref()
    {
        for line in lines.iter_mut() {
            if let Some(caps) = atx.captures(&line.text) {
                line.heading = caps.get(1).map_or(1, |m| m.len() as u8);
                line.text = caps.get(2).map_or("", |m| m.as_str()).trim().to_string();
            }
        }
    }
    // One pass into a new list: removing each underline in place would be
    // quadratic in a file of many headings.
    let mut kept: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines.drain(..) {
        if let (Some(level), Some(above)) = (setext_level(&line.text), kept.last_mut()) {
            if !above.text.is_empty() && above.heading == 0 {
                above.heading = level;
                continue;
            }
        }
        kept.push(line);
    }
    *lines = kept;
}

/// `===` underlines a level-one heading, `---` a level-two one.
fn setext_level(text: &str) -> Option<u8> {
    if text.len() < 3 {
        return None;
    }
    if text.chars().all(|c| c == '=') {
        Some(1)
    } else if text.chars().all(|c| c == '-') {
        Some(2)
    } else {
        None
    }
}

/// Without a front matter title, the first level-one heading is the title; any
/// text above it is header.
fn take_h1(lines: &mut Vec<Line>, header: &mut Vec<Paragraph>) -> Option<(String, usize)> {
    let i = lines.iter().position(|l| l.heading == 1)?;
    let above: Vec<Line> = lines.drain(..i).collect();
    header.extend(
        above
            .iter()
            .filter(|l| !l.text.is_empty())
            .map(|l| Paragraph {
                text: l.text.clone(),
                line: l.no,
            }),
    );
    let h1 = lines.remove(0);
    Some((h1.text, h1.no))
}

/// A body that repeats the front matter title as its first heading: the copy goes.
fn drop_repeated_title(lines: &mut Vec<Line>, title: &str) {
    let first = lines.iter().position(|l| !l.text.is_empty());
    if let Some(i) = first {
        let repeats = lines
            .get(i)
            .is_some_and(|l| l.heading > 0 && fold_ascii(&l.text) == fold_ascii(title));
        if repeats {
            lines.remove(i);
        }
    }
}

/// A front matter `date` that is not a date is reported; the text's date is used.
fn check_front_date(source: &str, front: &FrontMatter, diagnostics: &mut Vec<Diagnostic>) {
    let Some(date) = front.values.get("date").filter(|d| !d.is_empty()) else {
        return;
    };
    if dates::parse_full_date(date).is_none() {
        diagnostics.push(Diagnostic::warning(
            source,
            front.lines.get("date").copied().unwrap_or(1),
            format!(
                "front matter date `{date}` is not a date (expected YYYY-MM-DD or e.g. 17 April 2019): the text's date is used"
            ),
        ));
    }
}

/// An explicit `id` must be a slug: the file is rejected otherwise.
fn check_front_id(source: &str, front: &FrontMatter) -> Result<(), IngestError> {
    match front.values.get("id") {
        Some(id) => ids::validate(id).map_err(|message| {
            error(
                source,
                front.lines.get("id").copied().unwrap_or(1),
                format!("front matter `id`: {message}"),
            )
        }),
        None => Ok(()),
    }
}

/// A front matter `place` that names no known city or country is kept as
/// written (it still wins over the dateline's place), with a warning.
fn check_front_place(source: &str, front: &FrontMatter, diagnostics: &mut Vec<Diagnostic>) {
    let Some(place) = front.values.get("place").filter(|p| !p.trim().is_empty()) else {
        return;
    };
    if !place_is_known(place) {
        diagnostics.push(Diagnostic::warning(
            source,
            front.lines.get("place").copied().unwrap_or(1),
            format!(
                "front matter place `{place}` is not a known city or country (expected e.g. `Vienna, Austria`): kept as written, without a country"
            ),
        ));
    }
}

/// Some part of `place` (split at commas, slashes, dashes, parentheses) is a
/// city of the gazetteer or a country name.
fn place_is_known(place: &str) -> bool {
    place
        .split([',', '/', '(', ')', '–', '—'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .any(|p| {
            crate::ingest::dateline::city_country(p).is_some()
                || crate::extract::countries::lookup_name(p).is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::dateline::resolve;
    use crate::ingest::read::split_tags;

    fn texts(ps: &[Paragraph]) -> Vec<&str> {
        ps.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn front_matter_and_body() {
        let md = "---\ntitle: \"Front Title\"\ndate: 2019-04-17\nplace: 'Vienna, Austria'\n\
                  tags: [trafficking, \"smuggling, migrants\"]\nurl: https://example.org/a\n---\n\n\
                  # Heading Title\n\nNEW YORK, April 18, 2019 — Text of the release.\n\n## Background\n\nMore text.\n";
        let d = read("a.md", md).unwrap();
        assert_eq!(d.title, "Front Title");
        assert_eq!(d.title_line, 2);
        assert_eq!(
            texts(&d.paragraphs),
            [
                "Heading Title",
                "NEW YORK, April 18, 2019 — Text of the release.",
                "Background",
                "More text."
            ]
        );
        assert_eq!(
            d.front.get("url").map(String::as_str),
            Some("https://example.org/a")
        );
        assert_eq!(
            split_tags(d.front.get("tags").unwrap()),
            ["trafficking", "smuggling, migrants"]
        );
        assert_eq!(d.front_lines.get("date"), Some(&3));
        let mut diags = Vec::new();
        let r = resolve(&d, &mut diags);
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2019-04-17"));
        let dl = r.dateline.unwrap();
        assert_eq!(
            (dl.city.as_deref(), dl.country.as_deref()),
            (Some("Vienna"), Some("AT"))
        );
        assert_eq!(r.body[1], "Text of the release.");
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn heading_is_the_title_without_front_title() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("# The Title\n\nBody.", "The Title", &["Body."]),
            (
                "---\ndate: 17 April 2019\n---\n# The Title #\nBody.",
                "The Title",
                &["Body."],
            ),
            (
                "The Title\n=========\n\nBody.\n\n## Sub\n\nMore.",
                "The Title",
                &["Body.", "Sub", "More."],
            ),
            ("Plain first line\n\nBody.", "Plain first line", &["Body."]),
            ("---\ntitle: Same\n---\n# Same\n\nBody.", "Same", &["Body."]),
        ];
        for (md, title, body) in cases {
            let d = read("a.md", md).unwrap();
            assert_eq!(d.title, *title, "{md:?}");
            assert_eq!(texts(&d.paragraphs), *body, "{md:?}");
        }
    }

    #[test]
    fn yaml_lists_and_comments() {
        let md = "---\n# a comment\ntags:\n  - one\n  - 'two'\nplace: Geneva\n---\nTitle\n\nBody.";
        let d = read("a.md", md).unwrap();
        assert_eq!(split_tags(d.front.get("tags").unwrap()), ["one", "two"]);
        assert_eq!(d.front.get("place").map(String::as_str), Some("Geneva"));
    }

    #[test]
    fn long_lists_and_many_headings_are_read_in_one_pass() {
        // 100,000 list items and 50,000 setext headings: quadratic before.
        let items: String = (0..100_000).map(|i| format!("  - t{i}\n")).collect();
        let headings: String = (0..50_000)
            .map(|i| format!("H{i}\n===\n\nBody {i}.\n\n"))
            .collect();
        let md = format!("---\ntags:\n{items}tags2: [a]\n---\n{headings}");
        let d = read("a.md", &md).unwrap();
        let tags = split_tags(d.front.get("tags").unwrap());
        assert_eq!(tags.len(), 100_000);
        assert_eq!((tags[0].as_str(), tags[99_999].as_str()), ("t0", "t99999"));
        assert_eq!(d.title, "H0");
        let texts = texts(&d.paragraphs);
        assert_eq!(texts.len(), 2 * 50_000 - 1);
        assert!(!texts.iter().any(|t| t.contains("===")));
        assert_eq!(texts.last().copied(), Some("Body 49999."));
    }

    #[test]
    fn front_matter_errors() {
        let cases: &[(&str, usize, &str)] = &[
            ("---\ntitle: x\n\nBody text", 1, "never closed"),
            ("\n\n---\ntitle: x", 3, "never closed"),
            (
                "---\ntitle: x\njust words\n---\nBody",
                3,
                "expected `key: value`",
            ),
            ("---\n- orphan\n---\nBody", 2, "list item"),
        ];
        for (md, line, message) in cases {
            let e = read("a.md", md).unwrap_err();
            assert_eq!((e.file.as_str(), e.line), ("a.md", *line), "{md:?}: {e}");
            assert!(e.message.contains(message), "{md:?}: {e}");
        }
    }

    #[test]
    fn a_bad_front_date_is_a_warning() {
        let d = read("a.md", "---\ndate: someday\n---\nTitle\n\nBody.").unwrap();
        assert_eq!(d.diagnostics.len(), 1);
        assert_eq!(d.diagnostics[0].line, 2);
        assert!(d.diagnostics[0].message.contains("someday"));
    }

    #[test]
    fn unclosed_values_and_unknown_places_warn_on_their_line() {
        let md =
            "---\ntitle: \"Open quote\ntags: [a, b\nplace: Atlantis\nurl: 'x\n---\nBody text.\n";
        let d = read("w.md", md).unwrap();
        let got: Vec<(usize, &str)> = d
            .diagnostics
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(
            got[0].0 == 2 && got[0].1.contains("quote `\"` is never closed"),
            "{got:?}"
        );
        assert!(
            got[1].0 == 3 && got[1].1.contains("`[` is never closed"),
            "{got:?}"
        );
        assert!(got[2].0 == 5 && got[2].1.contains("quote `'`"), "{got:?}");
        assert!(
            got[3].0 == 4 && got[3].1.contains("`Atlantis` is not a known"),
            "{got:?}"
        );
        assert!(d.diagnostics.iter().all(|x| x.file == "w.md"));
        for known in [
            "Vienna",
            "Vienna, Austria",
            "Atlantis, Austria",
            "NEW YORK",
            "Kenya",
            "Nairobi/Kampala",
        ] {
            assert!(place_is_known(known), "{known}");
        }
        let quiet = read(
            "q.md",
            "---\ntitle: \"Fine\"\ntags: [a]\nplace: Geneva\n---\nBody.\n",
        )
        .unwrap();
        assert!(quiet.diagnostics.is_empty(), "{:?}", quiet.diagnostics);
    }

    #[test]
    fn an_explicit_id_must_be_a_slug() {
        let d = read("a.md", "---\nid: my-release-1\n---\nTitle\n\nBody.").unwrap();
        assert_eq!(d.front.get("id").map(String::as_str), Some("my-release-1"));
        let e = read("a.md", "---\ntitle: T\nid: My Release\n---\nBody.").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(
            e.message
                .contains("front matter `id`: id `My Release` holds `M`"),
            "{e}"
        );
    }
}
