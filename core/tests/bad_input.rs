//! Bad input never panics and never silently drops text: each case here is
//! written to a temporary folder at test time (nothing large is committed).

use std::path::PathBuf;

use dateline_core::ingest::corpus::{ingest_paths, Corpus};
use dateline_core::ingest::Severity;

/// A fresh temporary folder holding `files`, removed when dropped.
struct TempCorpus(PathBuf);

impl TempCorpus {
    fn new(case: &str, files: &[(&str, &[u8])]) -> TempCorpus {
        let dir =
            std::env::temp_dir().join(format!("dateline-bad-input-{}-{case}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        for (name, bytes) in files {
            std::fs::write(dir.join(name), bytes).expect("write temp file");
        }
        TempCorpus(dir)
    }

    fn ingest(&self) -> Corpus {
        ingest_paths(std::slice::from_ref(&self.0))
    }
}

impl Drop for TempCorpus {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The single error of a corpus with one rejected file, printed as the CLI prints it.
fn only_error(corpus: &Corpus) -> String {
    let errors: Vec<String> = corpus
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(errors.len(), 1, "expected one error, got {errors:?}");
    assert_eq!(corpus.rejected, 1);
    errors.into_iter().next().unwrap_or_default()
}

/// (case, file name, bytes, line the error must point at, words the message must contain)
type RejectCase<'a> = (&'a str, &'a str, &'a [u8], usize, &'a [&'a str]);

#[test]
fn rejected_files_name_file_line_and_what_was_expected() {
    let cases: [RejectCase; 4] = [
        ("empty", "empty.txt", b"", 1, &["empty"]),
        ("blank", "blank.txt", b"  \n\n\t \r\n   \n", 1, &["title"]),
        (
            "utf8",
            "latin1.txt",
            b"Title\n\nBody \xff text\n",
            3,
            &["UTF-8", "byte 12"],
        ),
        (
            "binary",
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            3,
            &["binary"],
        ),
    ];
    for (case, name, bytes, line, words) in cases {
        let corpus = TempCorpus::new(case, &[(name, bytes)]).ingest();
        let error = only_error(&corpus);
        assert!(
            corpus.releases.is_empty(),
            "{case}: nothing kept from a rejected file"
        );
        assert!(
            error.starts_with(&format!("{name}:{line}: error: ")),
            "{case}: {error}"
        );
        for word in words {
            assert!(
                error.contains(word),
                "{case}: {error:?} should mention {word:?}"
            );
        }
    }
}

#[test]
fn binary_input_is_called_binary() {
    let corpus = TempCorpus::new(
        "nul",
        &[("data.txt", b"Title line\n\nSome \x00\x00\x00 bytes\n")],
    )
    .ingest();
    let error = only_error(&corpus).to_lowercase();
    assert!(error.contains("binary") || error.contains("nul"), "{error}");
}

#[test]
fn title_without_body_is_kept_or_rejected_clearly() {
    let corpus = TempCorpus::new(
        "title-only",
        &[("title-only.txt", b"UNODC opens office in Dakar\n")],
    )
    .ingest();
    match corpus.releases.as_slice() {
        [release] => {
            assert_eq!(release.title, "UNODC opens office in Dakar");
            assert!(release.body.is_empty());
            assert!(!release.warnings.is_empty(), "a release with no body warns");
            assert!(corpus
                .diagnostics
                .iter()
                .all(|d| d.file == "title-only.txt" && d.line >= 1));
        }
        [] => {
            let error = only_error(&corpus);
            assert!(error.starts_with("title-only.txt:"), "{error}");
        }
        more => panic!("one file gave {} releases", more.len()),
    }
}

#[test]
fn enormous_file_does_not_panic_or_lose_text() {
    let paragraph = "Vienna, 1 March 2020 - UNODC and the Government of Austria met to discuss \"cooperation\" on trafficking in persons, €1 million and 2019-2021 plans. ";
    let mut text = String::from("An enormous release\n\n");
    while text.len() < 11 * 1024 * 1024 {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    let corpus = TempCorpus::new("huge", &[("huge.txt", text.as_bytes())]).ingest();
    match corpus.releases.as_slice() {
        [release] => {
            let kept: usize = release
                .body
                .iter()
                .chain(&release.footer)
                .map(String::len)
                .sum();
            // Every paragraph is kept (the dateline prefix may be removed from the first).
            assert!(kept > 10 * 1024 * 1024, "text dropped: kept {kept} bytes");
        }
        [] => {
            let error = only_error(&corpus);
            assert!(error.starts_with("huge.txt:"), "{error}");
            assert!(error.contains("large") || error.contains("MB"), "{error}");
        }
        more => panic!("one file gave {} releases", more.len()),
    }
}

#[test]
fn duplicate_ids_are_made_unique_and_both_kept() {
    let record = r#"{"id": "2020-01-01-same", "source": "a.json", "title": "Same", "date": "2020-01-01",
        "dateline": null, "body": ["One."]}"#;
    let array = format!("[{record}, {record}]");
    let text = "UNODC opens office in Dakar\n\nDakar, 2 March 2020 - UNODC opened an office.\n";
    let corpus = TempCorpus::new(
        "dup",
        &[
            ("a.json", array.as_bytes()),
            ("b.txt", text.as_bytes()),
            ("c.txt", text.as_bytes()),
        ],
    )
    .ingest();
    assert_eq!(corpus.rejected, 0, "{:?}", corpus.diagnostics);
    assert_eq!(corpus.releases.len(), 4);
    let mut ids: Vec<&str> = corpus.releases.iter().map(|r| r.id.as_str()).collect();
    assert!(ids.contains(&"2020-01-01-same"), "{ids:?}");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 4, "ids must be unique: {ids:?}");
}

#[test]
fn malformed_json_names_the_line() {
    let bad = b"[\n  {\"id\": \"x\",\n   \"title\": \"T\"\n   \"body\": []}\n]\n";
    let corpus = TempCorpus::new("badjson", &[("bad.json", bad)]).ingest();
    let error = only_error(&corpus);
    assert!(error.starts_with("bad.json:4: error: "), "{error}");
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let good = b"UNODC opens office in Dakar\n\nDakar, 2 March 2020 - UNODC opened an office.\n";
    let corpus = TempCorpus::new(
        "mixed",
        &[("a.txt", b""), ("b.txt", good), ("c.txt", b"\xfe\xff")],
    )
    .ingest();
    assert_eq!(corpus.rejected, 2);
    assert_eq!(corpus.releases.len(), 1);
    assert_eq!(corpus.releases[0].source, "b.txt");
    assert!(corpus.has_errors());
}
