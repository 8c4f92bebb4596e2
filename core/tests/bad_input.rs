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

    /// A file of the corpus as messages name it: the folder as given, then the file.
    fn shown(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(path, bytes).expect("write temp file");
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
        .map(ToString::to_string)
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
        let dir = TempCorpus::new(case, &[(name, bytes)]);
        let corpus = dir.ingest();
        let error = only_error(&corpus);
        assert!(
            corpus.releases.is_empty(),
            "{case}: nothing kept from a rejected file"
        );
        assert!(
            error.starts_with(&format!("{}:{line}: error: ", dir.shown(name))),
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
    let dir = TempCorpus::new(
        "title-only",
        &[("title-only.txt", b"UNODC opens office in Dakar\n")],
    );
    let corpus = dir.ingest();
    match corpus.releases.as_slice() {
        [release] => {
            assert_eq!(release.title, "UNODC opens office in Dakar");
            assert!(release.body.is_empty());
            assert!(!release.warnings.is_empty(), "a release with no body warns");
            assert!(corpus
                .diagnostics
                .iter()
                .all(|d| d.file == dir.shown("title-only.txt") && d.line >= 1));
        }
        [] => {
            let error = only_error(&corpus);
            assert!(error.starts_with(&dir.shown("title-only.txt")), "{error}");
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
    let dir = TempCorpus::new("huge", &[("huge.txt", text.as_bytes())]);
    let corpus = dir.ingest();
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
            // About the whole file: `path: error: ...`, no line 0.
            assert!(
                error.starts_with(&format!("{}: error: ", dir.shown("huge.txt"))),
                "{error}"
            );
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
    let dir = TempCorpus::new("badjson", &[("bad.json", bad)]);
    let error = only_error(&dir.ingest());
    assert!(
        error.starts_with(&format!("{}:4: error: ", dir.shown("bad.json"))),
        "{error}"
    );
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

#[test]
fn no_message_has_line_zero() {
    let dir = TempCorpus::new(
        "line-zero",
        &[
            ("a.txt", b"Same title\n\nVienna, 17 April 2019 - Body."),
            ("b.txt", b"\nSame title\n\nVienna, 17 April 2019 - Body."),
            ("pic.png", b"\x89PNG"),
        ],
    );
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    dir.write("big.txt", &big);
    let corpus = dir.ingest();
    let messages: Vec<String> = corpus.diagnostics.iter().map(ToString::to_string).collect();
    assert!(messages.iter().all(|m| !m.contains(":0:")), "{messages:?}");
    let dup = |name: &str| {
        messages
            .iter()
            .find(|m| m.contains("duplicate id") && m.starts_with(&dir.shown(name)))
            .cloned()
            .unwrap_or_default()
    };
    assert!(
        dup("a.txt").starts_with(&format!("{}:1: warning: ", dir.shown("a.txt"))),
        "{messages:?}"
    );
    assert!(
        dup("b.txt").starts_with(&format!("{}:2: warning: ", dir.shown("b.txt"))),
        "{messages:?}"
    );
    assert!(
        messages.contains(&format!(
            "{}: warning: not a release file (expected .txt, .md, .markdown, .json): skipped",
            dir.shown("pic.png")
        )),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with(&format!("{}: error: file is", dir.shown("big.txt")))),
        "{messages:?}"
    );
}

#[test]
fn ids_do_not_move_when_other_files_come_and_go() {
    let twin = b"Same title\n\nVienna, 17 April 2019 - Body.";
    let dir = TempCorpus::new("stable-ids", &[("m.txt", twin), ("n.txt", twin)]);
    let ids = |c: &Corpus| -> Vec<(String, String)> {
        c.releases
            .iter()
            .map(|r| (r.source.clone(), r.id.clone()))
            .collect()
    };
    let before = ids(&dir.ingest());
    // Files that sort before and after, a third twin, an unrelated release.
    dir.write("a.txt", twin);
    dir.write("z.txt", b"Other\n\nGeneva, 1 May 2020 - Body.");
    let after = ids(&dir.ingest());
    for pair in &before {
        assert!(after.contains(pair), "{pair:?} moved: {after:?}");
    }
    // Renaming another twin does not move m.txt or n.txt either.
    std::fs::rename(dir.0.join("a.txt"), dir.0.join("0.txt")).expect("rename");
    let renamed = ids(&dir.ingest());
    for pair in &before {
        assert!(renamed.contains(pair), "{pair:?} moved: {renamed:?}");
    }
}

#[test]
fn a_minimal_json_record_is_read_and_a_bad_date_named() {
    let dir = TempCorpus::new(
        "json-minimal",
        &[
            ("ok.json", b"{\"title\": \"Minimal\", \"date\": \"2019\", \"body\": [\"Text.\"]}"),
            (
                "bad.json",
                b"[\n  {\"title\": \"A\", \"body\": []},\n  {\"title\": \"B\",\n   \"date\": \"yesterday\",\n   \"body\": []}\n]",
            ),
        ],
    );
    let corpus = dir.ingest();
    assert_eq!(corpus.releases.len(), 1, "{:?}", corpus.diagnostics);
    let r = &corpus.releases[0];
    assert_eq!(
        (
            r.title.as_str(),
            r.date.map(|d| d.to_string()).as_deref(),
            r.source.as_str()
        ),
        ("Minimal", Some("2019"), "ok.json")
    );
    assert_eq!(r.id, "2019-minimal");
    let error = only_error(&corpus);
    assert!(
        error.starts_with(&format!(
            "{}:4: error: \"date\" `yesterday` is not a date: expected an ISO date",
            dir.shown("bad.json")
        )),
        "{error}"
    );
}

#[test]
fn front_matter_problems_are_warnings_with_lines() {
    let md = b"---\ntitle: \"Unclosed\ntags: [a, b\nplace: Atlantis\n---\nBody.\n";
    let dir = TempCorpus::new("front", &[("f.md", md)]);
    let corpus = dir.ingest();
    assert_eq!(corpus.releases.len(), 1);
    assert_eq!(corpus.rejected, 0);
    let lines: Vec<usize> = corpus
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("front matter"))
        .map(|d| d.line)
        .collect();
    assert_eq!(lines, [2, 3, 4], "{:?}", corpus.diagnostics);
    assert!(corpus
        .diagnostics
        .iter()
        .all(|d| d.severity == Severity::Warning));
    let bad_id = TempCorpus::new(
        "front-id",
        &[("g.md", b"---\nid: Not/A Slug\n---\nT\n\nBody.")],
    );
    let error = only_error(&bad_id.ingest());
    assert!(
        error.starts_with(&format!(
            "{}:2: error: front matter `id`",
            bad_id.shown("g.md")
        )),
        "{error}"
    );
    let given = TempCorpus::new(
        "front-id-ok",
        &[("h.md", b"---\nid: my-own-id\n---\nT\n\nBody.")],
    );
    assert_eq!(given.ingest().releases[0].id, "my-own-id");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_read_once_with_a_warning() {
    let dir = TempCorpus::new(
        "symlink-loop",
        &[("r.txt", b"T\n\nVienna, 1 May 2020 - Body.")],
    );
    std::os::unix::fs::symlink(&dir.0, dir.0.join("again")).expect("symlink");
    std::fs::create_dir_all(dir.0.join("sub")).expect("sub");
    std::os::unix::fs::symlink(&dir.0, dir.0.join("sub/up")).expect("symlink");
    let corpus = dir.ingest();
    assert_eq!(
        corpus.releases.len(),
        1,
        "{:?}",
        corpus
            .releases
            .iter()
            .map(|r| &r.source)
            .collect::<Vec<_>>()
    );
    let loops = corpus
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("symbolic link loop"))
        .count();
    assert_eq!(loops, 2, "{:?}", corpus.diagnostics);
    assert_eq!(corpus.rejected, 0);
}
