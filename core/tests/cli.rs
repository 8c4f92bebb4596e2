//! The `dateline` binary end to end: exit codes, output shape, the seed release.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const SEED_ID: &str = "2019-04-17-islamic-republic-of-iran-and-unodc-to-increase";

/// Fields of the release-record contract every output record carries.
const CONTRACT_FIELDS: [&str; 16] = [
    "id",
    "source",
    "title",
    "date",
    "dateline",
    "body",
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

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("run dateline")
}

fn releases_dir() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../releases")
        .display()
        .to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A temporary folder removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(case: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("dateline-cli-{}-{case}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self) -> String {
        self.0.display().to_string()
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(path, bytes).expect("write");
    }

    /// A path inside the folder.
    fn join(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn ingest_seed_prints_contract_records() {
    let out = dateline(&["ingest", &releases_dir(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let records: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let records = records.as_array().expect("a JSON array");
    let seed = records
        .iter()
        .find(|r| r["id"] == SEED_ID)
        .unwrap_or_else(|| panic!("no record {SEED_ID} in {records:?}"));
    for field in CONTRACT_FIELDS {
        assert!(seed.get(field).is_some(), "missing field {field}");
    }
    assert_eq!(seed["source"], "000_34e2bc8e785f3bd9.txt");
    assert_eq!(seed["date"], "2019-04-17");
    assert!(seed["body"].as_array().is_some_and(|b| !b.is_empty()));
}

#[test]
fn pretty_and_compact_json_agree() {
    let compact = dateline(&["ingest", &releases_dir(), "--json"]);
    let pretty = dateline(&["ingest", "--json", "--pretty", &releases_dir()]);
    assert_eq!(pretty.status.code(), Some(0));
    assert!(stdout(&pretty).lines().count() > stdout(&compact).lines().count());
    let a: Value = serde_json::from_slice(&compact.stdout).expect("compact JSON");
    let b: Value = serde_json::from_slice(&pretty.stdout).expect("pretty JSON");
    assert_eq!(a, b);
}

#[test]
fn json_output_can_be_fed_back_in() {
    let out = dateline(&["ingest", &releases_dir(), "--json"]);
    let dir = TempDir::new("roundtrip");
    dir.write("records.json", &out.stdout);
    let again = dateline(&["ingest", &dir.path(), "--json"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let first: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let second: Value = serde_json::from_slice(&again.stdout).expect("JSON");
    let ids = |v: &Value| -> Vec<Value> {
        v.as_array()
            .into_iter()
            .flatten()
            .map(|r| r["id"].clone())
            .collect()
    };
    assert_eq!(ids(&first), ids(&second));
}

#[test]
fn rejected_file_gives_exit_1_and_a_located_error() {
    let dir = TempDir::new("rejected");
    dir.write("empty.txt", b"");
    dir.write(
        "good.txt",
        b"UNODC opens office in Dakar\n\nDakar, 2 March 2020 - UNODC opened an office.\n",
    );
    let out = dateline(&["ingest", &dir.path(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("empty.txt:1: error: "),
        "{}",
        stderr(&out)
    );
    let records: Value = serde_json::from_slice(&out.stdout).expect("stdout still JSON");
    assert_eq!(
        records.as_array().map(Vec::len),
        Some(1),
        "the good file is kept"
    );
}

#[test]
fn check_reports_problems_and_summary() {
    let dir = TempDir::new("check");
    dir.write("empty.txt", b"");
    dir.write(
        "undated.txt",
        b"A release with no date\n\nSomething happened somewhere.\n",
    );
    let out = dateline(&["check", &dir.path()]);
    assert_ne!(out.status.code(), Some(0));
    let text = stdout(&out);
    let empty = format!("{}/empty.txt:1: error: ", dir.path());
    assert!(text.lines().any(|l| l.starts_with(&empty)), "{text}");
    let undated = format!("{}/undated.txt:", dir.path());
    assert!(
        text.lines()
            .any(|l| l.starts_with(&undated) && l.contains(": warning: ")),
        "{text}"
    );
    let summary = text.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("1 release checked, 1 file rejected: 1 error, "),
        "{summary}"
    );

    let clean = dateline(&["check", &releases_dir()]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
}

#[test]
fn generate_is_deterministic_and_stats_summarise() {
    let a = TempDir::new("gen-a");
    let b = TempDir::new("gen-b");
    for dir in [&a, &b] {
        let out = dateline(&[
            "generate",
            "--count",
            "25",
            "--seed",
            "9",
            "--out",
            &dir.path(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let listing = |d: &TempDir| {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&d.0)
            .expect("read dir")
            .filter_map(Result::ok)
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap_or_default(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let files = listing(&a);
    assert_eq!(files.len(), 25);
    assert_eq!(files, listing(&b));

    let stats = dateline(&["stats", &a.path()]);
    assert_eq!(stats.status.code(), Some(0), "{}", stderr(&stats));
    let text = stdout(&stats);
    assert!(text.starts_with("releases: 25 "), "{text}");
    for section in [
        "releases per year:",
        "top countries",
        "top organisations",
        "top people",
        "top topics",
    ] {
        assert!(text.contains(section), "missing {section}: {text}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let cases: [&[&str]; 7] = [
        &[],
        &["frobnicate"],
        &["ingest"],
        &["ingest", "--jsn", "x"],
        &["generate", "--count", "many", "--out", "x"],
        &["generate", "--count", "3"],
        &["stats", "--seed"],
    ];
    for args in cases {
        let out = dateline(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).starts_with("dateline: "),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let help = dateline(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("USAGE"));
}

#[test]
fn missing_path_is_an_error_not_a_panic() {
    let out = dateline(&["ingest", "/nonexistent/dateline/corpus", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/dateline/corpus"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("panicked"));
}
