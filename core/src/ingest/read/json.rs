//! The JSON reader: one record or an array of records in the output shape, so
//! that output fed back in comes out unchanged.

use super::{error, IngestError, ReadOutcome};
use crate::model::Release;

/// Reads `text` as one release record or an array of them.
pub fn read(source: &str, text: &str) -> Result<Vec<ReadOutcome>, IngestError> {
    let is_array = text.trim_start().starts_with('[');
    let parsed = if is_array {
        serde_json::from_str::<Vec<Release>>(text)
    } else {
        serde_json::from_str::<Release>(text).map(|r| vec![r])
    };
    let records = parsed.map_err(|e| json_error(source, &e))?;
    Ok(records
        .into_iter()
        .map(|mut r| {
            if r.source.is_empty() {
                r.source = source.to_string();
            }
            ReadOutcome::Record(Box::new(r))
        })
        .collect())
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
    error(source, e.line(), format!("{what}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest_bytes;
    use std::path::Path;

    fn records(out: Vec<ReadOutcome>) -> Vec<Release> {
        out.into_iter()
            .map(|o| match o {
                ReadOutcome::Record(r) => *r,
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
            ("[\n{\"id\": \"a\"}\n]", 2, "missing field"),
            ("42", 1, "expected struct Release"),
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
}
