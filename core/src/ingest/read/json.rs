//! The JSON reader: one record or an array of records in the output shape, so
//! that output fed back in comes out unchanged.
//!
//! Only `title` and `body` are required. A field left out is extracted from
//! the text when extraction gives it (`EXTRACTED`: the dateline is then read
//! from the first paragraph and cut from it) and defaults otherwise (`id` is
//! then assigned, `source` is the file's); a field given, even null, is kept. `body` may also be one string
//! (paragraphs separated by blank lines). `date`, where given, must be an ISO
//! date at the precision known (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a real
//! calendar day); `id`, where given, a slug (`ids::validate`). A mistake
//! rejects the file with the line of the record or of the field.

use serde_json::{Map, Value};

use super::{error, line_at, IngestError, ReadOutcome};
use crate::date::PartialDate;
use crate::ingest::ids;
use crate::model::Release;

/// Reads `text` as one release record or an array of them.
pub fn read(source: &str, text: &str) -> Result<Vec<ReadOutcome>, IngestError> {
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(source, &e))?;
    let (items, is_array) = match value {
        Value::Array(items) => (items, true),
        other => (vec![other], false),
    };
    let places = elements(text, is_array);
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| record(source, text, places.get(i), item))
        .collect()
}

/// Where a top-level value (or each element of a top-level array) starts, and
/// where each of its keys is: for error lines.
#[derive(Debug, Default)]
struct Element {
    start: usize,
    keys: Vec<(String, usize)>,
}

/// A small scan of (already valid) JSON text: strings, nesting, commas.
fn elements(text: &str, is_array: bool) -> Vec<Element> {
    let base = usize::from(is_array);
    let mut out: Vec<Element> = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut string_start = 0;
    let mut last_string: Option<(usize, usize)> = None;
    let mut expecting = !is_array;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                last_string = Some((string_start, i));
            }
            continue;
        }
        if b.is_ascii_whitespace() {
            continue;
        }
        if expecting && depth == base && b != b']' {
            out.push(Element {
                start: i,
                keys: Vec::new(),
            });
            expecting = false;
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i;
            }
            b'{' | b'[' => {
                depth += 1;
                if is_array && depth == 1 {
                    expecting = true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if is_array && depth == 1 => expecting = true,
            b':' if depth == base + 1 => {
                if let (Some((s, e)), Some(element)) = (last_string, out.last_mut()) {
                    let key = text.get(s + 1..e).unwrap_or_default().to_string();
                    element.keys.push((key, s));
                }
            }
            _ => {}
        }
    }
    out
}

/// One record: checked, defaults filled in, then read into the output shape.
fn record(
    source: &str,
    text: &str,
    place: Option<&Element>,
    item: Value,
) -> Result<ReadOutcome, IngestError> {
    let bytes = text.as_bytes();
    let line = place.map_or(1, |p| line_at(bytes, p.start));
    let key_line = |key: &str| {
        place
            .and_then(|p| p.keys.iter().find(|(k, _)| k == key))
            .map_or(line, |(_, at)| line_at(bytes, *at))
    };
    let Value::Object(mut map) = item else {
        return Err(error(
            source,
            line,
            format!(
                "{} where a release record was expected: expected an object with at least \"title\" and \"body\"",
                kind(&item)
            ),
        ));
    };
    let missing: Vec<&str> = ["title", "body"]
        .into_iter()
        .filter(|k| map.get(*k).is_none_or(Value::is_null))
        .collect();
    if !missing.is_empty() {
        return Err(error(
            source,
            line,
            format!(
                "release record without {}: expected at least \"title\" (a string) and \"body\" (a list of paragraphs)",
                missing
                    .iter()
                    .map(|k| format!("\"{k}\""))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
        ));
    }
    check_date(source, &map, key_line("date"))?;
    check_id(source, &map, key_line("id"))?;
    if let Some(Value::String(body)) = map.get("body") {
        let paragraphs = body
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| Value::String(p.to_string()))
            .collect();
        map.insert("body".into(), Value::Array(paragraphs));
    }
    let absent: Vec<&'static str> = EXTRACTED
        .into_iter()
        .filter(|k| !map.contains_key(*k))
        .collect();
    fill_default(&mut map, "id", String::new());
    fill_default(&mut map, "source", source.to_string());
    let release: Release = serde_json::from_value(Value::Object(map)).map_err(|e| {
        error(
            source,
            line,
            format!("JSON does not match the release record (expected the output shape): {e}"),
        )
    })?;
    Ok(ReadOutcome::Record {
        release: Box::new(release),
        line,
        absent,
    })
}

/// The fields extraction fills: a record that leaves one out gets it from
/// its text, as a text file would (the contract's rule for absent fields).
pub const EXTRACTED: [&str; 12] = [
    "date",
    "dateline",
    "countries",
    "organisations",
    "people",
    "quotes",
    "events",
    "money",
    "programmes",
    "topics",
    "contacts",
    "warnings",
];

/// A missing, null or empty string field takes `value`.
fn fill_default(map: &mut Map<String, Value>, key: &str, value: String) {
    let empty = match map.get(key) {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(_) => false,
    };
    if empty {
        map.insert(key.to_string(), Value::String(value));
    }
}

fn check_date(source: &str, map: &Map<String, Value>, line: usize) -> Result<(), IngestError> {
    const EXPECTED: &str =
        "expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD (a real calendar day), or null";
    match map.get("date") {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(d)) if PartialDate::parse(d).is_some() => Ok(()),
        Some(Value::String(d)) => Err(error(
            source,
            line,
            format!("\"date\" `{d}` is not a date: {EXPECTED}"),
        )),
        Some(other) => Err(error(
            source,
            line,
            format!("\"date\" is {}: {EXPECTED}", kind(other)),
        )),
    }
}

fn check_id(source: &str, map: &Map<String, Value>, line: usize) -> Result<(), IngestError> {
    match map.get("id") {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(id)) if id.is_empty() => Ok(()),
        Some(Value::String(id)) => {
            ids::validate(id).map_err(|m| error(source, line, format!("\"id\": {m}")))
        }
        Some(other) => Err(error(
            source,
            line,
            format!("\"id\" is {}: expected a string", kind(other)),
        )),
    }
}

/// What a JSON value is, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message already names the line and column; the kind of error
/// says what was expected.
fn json_error(source: &str, e: &serde_json::Error) -> IngestError {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Syntax => "JSON syntax error",
        Category::Eof => "JSON ends too early",
        Category::Data => "JSON does not match the release record (expected the output shape)",
        Category::Io => "cannot read JSON",
    };
    error(source, e.line().max(1), format!("{what}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest_bytes;
    use std::path::Path;

    fn records(out: Vec<ReadOutcome>) -> Vec<Release> {
        out.into_iter()
            .map(|o| match o {
                ReadOutcome::Record { release, .. } => *release,
                ReadOutcome::Document(d) => panic!("a document from JSON: {d:?}"),
            })
            .collect()
    }

    #[test]
    fn output_fed_back_comes_out_identical() {
        let seed = include_bytes!("../../../../releases/000_34e2bc8e785f3bd9.txt");
        let path = Path::new("000_34e2bc8e785f3bd9.txt");
        let mut first: Vec<Release> = ingest_bytes("000_34e2bc8e785f3bd9.txt", path, seed)
            .unwrap()
            .into_iter()
            .map(|i| i.release)
            .collect();
        crate::ingest::ids::assign_ids(&mut first);
        let json = serde_json::to_string_pretty(&first).unwrap();
        let again: Vec<Release> = ingest_bytes("out.json", Path::new("out.json"), json.as_bytes())
            .unwrap()
            .into_iter()
            .map(|i| i.release)
            .collect();
        assert_eq!(again, first);
        assert_eq!(serde_json::to_string_pretty(&again).unwrap(), json);

        let one = serde_json::to_string(&first[0]).unwrap();
        let single = records(read("one.json", &one).unwrap());
        assert_eq!(single, first);
    }

    #[test]
    fn errors_name_the_line_and_what_was_expected() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "[\n {\"id\": \"a\",\n  \"title\" \"x\"}\n]",
                3,
                "expected `:`",
            ),
            ("{\"id\": \"a\",\n", 2, "JSON ends too early"),
            ("[\n{\"id\": \"a\"}\n]", 2, "without \"title\" and \"body\""),
            ("42", 1, "a number where a release record was expected"),
            (
                "[{\"title\": \"a\", \"body\": []},\n {\"title\": \"b\",\n  \"date\": \"yesterday\", \"body\": []}]",
                3,
                "\"date\" `yesterday` is not a date: expected an ISO date",
            ),
            ("{\"title\": \"t\", \"body\": [], \"date\": \"2019-02-29\"}", 1, "not a date"),
            ("{\"title\": \"t\", \"body\": [], \"date\": 2019}", 1, "\"date\" is a number"),
            ("{\"title\": \"t\",\n\"body\": [],\n\"id\": \"Not A Slug\"}", 3, "\"id\": id `Not A Slug`"),
            ("{\"body\": []}", 1, "without \"title\":"),
        ];
        for (text, line, message) in cases {
            let e = read("bad.json", text).unwrap_err();
            assert_eq!(
                (e.file.as_str(), e.line),
                ("bad.json", *line),
                "{text}: {e}"
            );
            assert!(e.message.contains(message), "{text}: {e}");
        }
    }

    #[test]
    fn an_empty_array_is_no_records() {
        assert!(read("e.json", " [ ] ").unwrap().is_empty());
    }

    #[test]
    fn a_minimal_record_is_enough() {
        let text = "[\n {\"title\": \"Only a title\", \"body\": [\"One.\"]},\n {\"title\": \"T\", \"date\": \"2019-04\",\n  \"body\": \"First.\\n\\nSecond.\"}\n]";
        let out = read("m.json", text).unwrap();
        let lines: Vec<usize> = out
            .iter()
            .map(|o| match o {
                ReadOutcome::Record { line, .. } => *line,
                ReadOutcome::Document(_) => 0,
            })
            .collect();
        assert_eq!(lines, [2, 3]);
        let rs = records(out);
        assert_eq!(rs[0].title, "Only a title");
        assert_eq!(rs[0].source, "m.json");
        assert_eq!(rs[0].id, "");
        assert_eq!(rs[0].date, None);
        assert_eq!(rs[1].date, PartialDate::parse("2019-04"));
        assert_eq!(rs[1].body, ["First.", "Second."]);
    }

    #[test]
    fn iso_dates() {
        for good in ["2019", "2019-04", "2019-04-17", "2020-02-29", "0999-12-31"] {
            assert!(PartialDate::parse(good).is_some(), "{good}");
        }
        for bad in [
            "yesterday",
            "",
            "19",
            "2019-4",
            "2019-13",
            "2019-02-29",
            "2019-04-31",
            "2019-04-17T00:00",
            "2019-04-17-",
            "-2019",
            "２０１９",
        ] {
            assert!(PartialDate::parse(bad).is_none(), "{bad}");
        }
    }
}
