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
    let cases: [&[&str]; 9] = [
        &[],
        &["frobnicate"],
        &["ingest"],
        &["ingest", "--jsn", "x"],
        &["generate", "--count", "many", "--out", "x"],
        &["generate", "--count", "3"],
        &["stats", "--seed"],
        &["add", "x"],
        &["add", "x", "--out", "d", "--feed", "f.xml"],
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

/// Runs `dateline` in `dir`, so that paths can be given as a user types them.
fn dateline_in(dir: &TempDir, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(&dir.0)
        .output()
        .expect("run dateline")
}

/// `dateline_in` that must succeed: its standard error.
fn succeeds_in(dir: &TempDir, args: &[&str]) -> String {
    let out = dateline_in(dir, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stderr(&out)
}

const RELEASE: &[u8] =
    b"UNODC opens office in Dakar\n\nDakar, 2 March 2020 - UNODC opened an office.\n";

#[test]
fn messages_and_sources_keep_the_folder_given() {
    let dir = TempDir::new("two-folders");
    dir.write("a/empty.txt", b"");
    dir.write("b/empty.txt", b"");
    dir.write("a/x.txt", RELEASE);
    dir.write("b/x.txt", RELEASE);
    let out = dateline_in(&dir, &["check", "a", "b/"]);
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("a/empty.txt:1: error: ")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("b/empty.txt:1: error: ")),
        "{text}"
    );
    let json = dateline_in(&dir, &["ingest", "a", "b", "--json"]);
    let records: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let sources: Vec<&str> = records
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["source"].as_str())
        .collect();
    assert_eq!(sources, ["a/x.txt", "b/x.txt"]);
    // Two twins in two folders: two ids, neither with a builder's path.
    let ids: Vec<&str> = records
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_ne!(ids[0], ids[1]);
    // One folder: sources relative to it, as before.
    let one = dateline_in(&dir, &["ingest", "a", "--json"]);
    let records: Value = serde_json::from_slice(&one.stdout).expect("JSON");
    assert_eq!(records[0]["source"], "x.txt");
    assert!(
        stderr(&one).starts_with("a/empty.txt:1: error: "),
        "{}",
        stderr(&one)
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_ingests_each_file_once() {
    let dir = TempDir::new("loop");
    dir.write("corpus/sub/r.txt", RELEASE);
    std::os::unix::fs::symlink("..", dir.0.join("corpus/sub/up")).expect("symlink");
    let out = dateline_in(&dir, &["ingest", "corpus"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    assert!(
        stderr(&out).starts_with("corpus/sub/up: warning: symbolic link loop"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn only_release_files_are_read_and_the_rest_named() {
    let dir = TempDir::new("extensions");
    dir.write("in/a.TXT", RELEASE);
    dir.write("in/photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    dir.write("in/doc.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    let out = dateline_in(&dir, &["check", "in"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    for skipped in ["in/photo.png", "in/doc.pdf"] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{skipped}: warning: not a release file"))),
            "{text}"
        );
    }
    assert!(
        text.lines().last().is_some_and(
            |l| l.starts_with("1 release checked, 0 files rejected, 2 files skipped: 0 errors")
        ),
        "{text}"
    );
    dir.write("empty/notes.rtf", b"x");
    let empty = dateline_in(&dir, &["check", "empty"]);
    assert!(
        stdout(&empty).contains("empty: warning: no release files in this folder"),
        "{}",
        stdout(&empty)
    );
}

#[test]
fn outputs_inside_an_input_folder_are_refused() {
    let dir = TempDir::new("out-inside");
    dir.write("rel/a.txt", RELEASE);
    let cases: [&[&str]; 4] = [
        &["pack", "rel", "--out", "rel/data"],
        &["pack", "rel", "--out", "rel"],
        &[
            "pack",
            "rel",
            "--out",
            "data",
            "--feed",
            "rel/feed.xml",
            "--base",
            "/",
        ],
        &[
            "feed",
            "rel",
            "--base",
            "https://e.org/",
            "--out",
            "rel/sub/feed.xml",
        ],
    ];
    for args in cases {
        let out = dateline_in(&dir, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("inside the input folder `rel`"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert!(!dir.0.join("rel/data").exists());
    let ok = dateline_in(&dir, &["pack", "rel", "--out", "data"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(
        stderr(&ok).starts_with("dateline: packed 1 release into data ("),
        "{}",
        stderr(&ok)
    );
}

#[test]
fn feed_writes_to_stdout_checks_its_base_and_prints_plain_errors() {
    let dir = TempDir::new("feed");
    dir.write("rel/a.txt", RELEASE);
    let out = dateline_in(
        &dir,
        &["feed", "rel", "--base", "https://e.org/", "--out", "-"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("<?xml"), "{}", stdout(&out));
    assert!(!dir.0.join("-").exists(), "no file named `-`");
    assert_eq!(stderr(&out), "dateline: wrote 1 entry to standard output\n");

    for base in ["not a url", "example.org", "/dateline/"] {
        let bad = dateline_in(&dir, &["feed", "rel", "--base", base, "--out", "f.xml"]);
        assert_eq!(bad.status.code(), Some(2), "{base}");
        assert!(
            stderr(&bad).contains("expected an absolute http(s) URL"),
            "{base}: {}",
            stderr(&bad)
        );
    }

    dir.write("rel/empty.txt", b"");
    let rejected = dateline_in(
        &dir,
        &["feed", "rel", "--base", "https://e.org/", "--out", "f.xml"],
    );
    assert_eq!(rejected.status.code(), Some(1));
    assert!(
        stderr(&rejected).starts_with("rel/empty.txt:1: error: "),
        "{}",
        stderr(&rejected)
    );
    assert!(!dir.0.join("f.xml").exists());
}

#[test]
fn generate_refuses_a_folder_in_use_unless_forced() {
    let dir = TempDir::new("generate-full");
    let first = dateline_in(
        &dir,
        &["generate", "--count", "1", "--seed", "1", "--out", "g"],
    );
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(stderr(&first), "dateline: wrote 1 release to g\n");
    let again = dateline_in(
        &dir,
        &["generate", "--count", "3", "--seed", "2", "--out", "g"],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).starts_with("g: error: folder is not empty (1 entry)"),
        "{}",
        stderr(&again)
    );
    let forced = dateline_in(
        &dir,
        &[
            "generate", "--count", "3", "--seed", "2", "--out", "g", "--force",
        ],
    );
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_eq!(std::fs::read_dir(dir.0.join("g")).expect("g").count(), 3);
}

#[test]
fn version_is_printed() {
    let out = dateline(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!("dateline {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn json_input_needs_only_title_and_body_and_real_dates() {
    let dir = TempDir::new("json-input");
    dir.write(
        "in/min.json",
        br#"{"title": "Minimal record", "date": "2021-06", "body": ["Text."]}"#,
    );
    let ok = dateline_in(&dir, &["stats", "in"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("\n  2021  1\n"), "{}", stdout(&ok));
    dir.write(
        "in/bad.json",
        b"{\"title\": \"T\",\n \"date\": \"yesterday\",\n \"body\": []}",
    );
    let bad = dateline_in(&dir, &["check", "in"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stdout(&bad).contains("in/bad.json:2: error: \"date\" `yesterday` is not a date"),
        "{}",
        stdout(&bad)
    );
    let stats = dateline_in(&dir, &["stats", "in"]);
    assert!(!stdout(&stats).contains("yest"), "{}", stdout(&stats));
}

/// The ids `dateline ingest` gives, by source.
fn ids_by_source(dir: &TempDir, args: &[&str]) -> Vec<(String, String)> {
    let out = dateline_in(dir, args);
    let records: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    records
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            (
                r["source"].as_str().unwrap_or_default().to_string(),
                r["id"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The (source, id) pairs of a packed data folder.
fn packed_ids(dir: &TempDir, data: &str) -> Vec<(String, String)> {
    let chunk = std::fs::read(dir.0.join(data).join("r/0.bin")).expect("r/0.bin");
    let records = dateline_core::pack::records::read(&chunk).expect("full records");
    let mut ids: Vec<(String, String)> = records.into_iter().map(|r| (r.source, r.id)).collect();
    ids.sort();
    ids
}

#[test]
fn adding_a_twin_keeps_the_published_id_with_previous() {
    let dir = TempDir::new("previous");
    dir.write("rel/m.txt", RELEASE);
    let first = dateline_in(&dir, &["pack", "rel", "--out", "v1"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let published = packed_ids(&dir, "v1");
    assert_eq!(
        published,
        [(
            "m.txt".to_string(),
            "2020-03-02-unodc-opens-office-in-dakar".to_string()
        )]
    );

    // A new file with the same title and date sorts first: before, it took
    // the id and m.txt became `...-2`.
    dir.write("rel/a.txt", RELEASE);
    let check = dateline_in(&dir, &["check", "rel", "--previous", "v1"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        stdout(&check).lines().any(|l| l.starts_with("rel/m.txt:1: warning: id changed since the previous build: was `2020-03-02-unodc-opens-office-in-dakar`")),
        "{}",
        stdout(&check)
    );
    let strict = dateline_in(&dir, &["check", "rel", "--previous", "v1", "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stdout(&strict));
    assert!(
        stdout(&strict).contains("rel/m.txt:1: error: id changed"),
        "{}",
        stdout(&strict)
    );

    let second = dateline_in(&dir, &["pack", "rel", "--out", "v2", "--previous", "v1"]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let now = packed_ids(&dir, "v2");
    assert!(now.contains(&published[0]), "{now:?}");
    assert_eq!(now.len(), 2);
    assert!(
        now[0]
            .1
            .starts_with("2020-03-02-unodc-opens-office-in-dakar-"),
        "{now:?}"
    );
    // A previous build from before the packed chunks (`r/N.json`) still counts.
    let chunk = std::fs::read(dir.0.join("v1/r/0.bin")).expect("r/0.bin");
    let records = dateline_core::pack::records::read(&chunk).expect("full records");
    std::fs::remove_file(dir.0.join("v1/r/0.bin")).expect("removed");
    dir.write("v1/r/0.json", &serde_json::to_vec(&records).expect("JSON"));
    let from_json = dateline_in(&dir, &["pack", "rel", "--out", "v3", "--previous", "v1"]);
    assert_eq!(from_json.status.code(), Some(0), "{}", stderr(&from_json));
    assert_eq!(packed_ids(&dir, "v3"), now);
    // Packing again over the same folder, from itself, changes nothing.
    let third = dateline_in(&dir, &["pack", "rel", "--out", "v2", "--previous", "v2"]);
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    assert_eq!(packed_ids(&dir, "v2"), now);

    // Without a previous build, ids still never depend on other files' names.
    let before = ids_by_source(&dir, &["ingest", "rel", "--json"]);
    dir.write("rel/0.txt", b"Another one\n\nDakar, 3 March 2020 - Text.\n");
    let after = ids_by_source(&dir, &["ingest", "rel", "--json"]);
    for pair in &before {
        assert!(after.contains(pair), "{pair:?}: {after:?}");
    }
    let missing = dateline_in(&dir, &["check", "rel", "--previous", "nowhere"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).starts_with("nowhere: error: cannot read"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn front_matter_problems_are_located_warnings() {
    let dir = TempDir::new("front");
    dir.write(
        "in/a.md",
        b"---\ntitle: \"Unclosed quote\ntags: [a, b\nplace: Atlantis\n---\n\nBody text.\n",
    );
    let out = dateline_in(&dir, &["check", "in"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    for line in [
        "in/a.md:2: warning: front matter `title`: the quote",
        "in/a.md:3: warning: front matter `tags`: the list",
        "in/a.md:4: warning: front matter place `Atlantis` is not a known city or country",
    ] {
        assert!(text.lines().any(|l| l.starts_with(line)), "{line}\n{text}");
    }
}

#[test]
fn pack_writes_robots_and_a_sitemap_for_an_absolute_site_url() {
    let dir = TempDir::new("sitemap");
    dir.write("rel/a.txt", RELEASE);
    let out = dateline_in(
        &dir,
        &[
            "pack",
            "rel",
            "--out",
            "site/data",
            "--sitemap",
            "site",
            "--base",
            "https://e.org/dl/",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let read =
        |name: &str| std::fs::read_to_string(dir.0.join("site").join(name)).unwrap_or_default();
    assert!(read("robots.txt").ends_with("Sitemap: https://e.org/dl/sitemap.xml\n"));
    let sitemap = read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://e.org/dl/</loc>"),
        "{sitemap}"
    );
    assert_eq!(
        sitemap.matches("<loc>https://e.org/dl/release/").count(),
        1,
        "{sitemap}"
    );

    // A path as the base: robots.txt names no sitemap, and none is written.
    let dir = TempDir::new("sitemap-path");
    dir.write("rel/a.txt", RELEASE);
    let out = dateline_in(
        &dir,
        &[
            "pack",
            "rel",
            "--out",
            "site/data",
            "--sitemap",
            "site",
            "--base",
            "/dl/",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        read_in(&dir, "site/robots.txt"),
        "User-agent: *\nAllow: /\n"
    );
    assert!(!dir.0.join("site/sitemap.xml").exists());

    let usage = dateline_in(&dir, &["pack", "rel", "--out", "o", "--sitemap", "s"]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(stderr(&usage).contains("--base"), "{}", stderr(&usage));
}

fn read_in(dir: &TempDir, name: &str) -> String {
    std::fs::read_to_string(dir.0.join(name)).unwrap_or_default()
}

/// Every file of a packed data folder, by relative path.
fn data_files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read data folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .display()
                    .to_string();
                files.insert(rel, std::fs::read(&path).expect("read file"));
            }
        }
    }
    files
}

#[test]
fn the_build_cache_reuses_unchanged_files_and_never_changes_the_output() {
    let dir = TempDir::new("cache");
    let seed = std::fs::read(Path::new(&releases_dir()).join("000_34e2bc8e785f3bd9.txt"))
        .expect("seed release");
    dir.write("in/a.txt", &seed);
    dir.write(
        "in/b.md",
        b"---\ndate: 2020-02-03\n---\n# Ministers meet in Nairobi\n\nNAIROBI, 3 February 2020 - Kenya and UNODC met.\n",
    );
    let pack_reporting = |out: &str, cache: Option<&str>| {
        let mut args = vec!["pack", "in", "--out", out];
        if let Some(c) = cache {
            args.extend(["--cache", c]);
        }
        let o = dateline_in(&dir, &args);
        assert!(o.status.success(), "{}", stderr(&o));
        (data_files(&dir.0.join(out)), stderr(&o))
    };
    let pack = |out: &str, cache: Option<&str>| pack_reporting(out, cache).0;
    let cached_line = |key_count: usize| {
        let text = read_in(&dir, "build.cache");
        assert!(text.starts_with("dateline-cache 2 "), "{text:.40}");
        assert_eq!(text.lines().count(), 1 + key_count, "one line per file");
        text
    };
    // Each entry without its stat key (the files' metadata, which a slow
    // run may find old enough to write).
    let entries = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| match (l.get(..33), l.get(65..)) {
                (Some(content), Some(rest)) if !l.starts_with("dateline-cache") => {
                    format!("{content}{rest}")
                }
                _ => l.to_string(),
            })
            .collect()
    };

    let (cold, said) = pack_reporting("cold", Some("build.cache"));
    assert!(said.contains("0 of 2 files from the build cache"), "{said}");
    let first = cached_line(2);
    // Nothing changed: the cache is used, its entries stay the same, and the
    // output is byte for byte the output of a build without it. Files written
    // within the last seconds are read to compare (their times may not yet
    // stand for their bytes): see the unit tests of `ingest::cache`.
    let (warm, said) = pack_reporting("warm", Some("build.cache"));
    assert!(said.contains("2 of 2 files from the build cache"), "{said}");
    assert_eq!(entries(&read_in(&dir, "build.cache")), entries(&first));
    assert_eq!(cold, warm);
    assert_eq!(cold, pack("plain", None));

    // A changed file is extracted again; a removed file leaves the cache.
    dir.write(
        "in/b.md",
        b"---\ndate: 2020-02-04\n---\n# Ministers meet in Mombasa\n\nMOMBASA, 4 February 2020 - Kenya and UNODC met.\n",
    );
    let (changed, said) = pack_reporting("changed", Some("build.cache"));
    assert!(said.contains("1 of 2 files from the build cache"), "{said}");
    assert_eq!(changed, pack("changed-plain", None));
    assert_ne!(changed, cold);
    std::fs::remove_file(dir.0.join("in/a.txt")).expect("remove");
    pack("removed", Some("build.cache"));
    cached_line(1);

    // A damaged entry is a warning naming the cache's line; the build goes on
    // and still matches a build without the cache.
    let damaged = read_in(&dir, "build.cache").replace("\t[", "\t[{\"oops\":");
    dir.write("build.cache", damaged.as_bytes());
    let o = dateline_in(
        &dir,
        &["pack", "in", "--out", "again", "--cache", "build.cache"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("build.cache:2: warning: expected the releases of one file as JSON"),
        "{}",
        stderr(&o)
    );
    assert_eq!(data_files(&dir.0.join("again")), pack("again-plain", None));

    // A cache from another build of dateline is not used, and not an error.
    let other = read_in(&dir, "build.cache").replacen("dateline-cache 2 ", "dateline-cache 2 0", 1);
    dir.write("build.cache", other.as_bytes());
    assert_eq!(
        pack("other", Some("build.cache")),
        pack("other-plain", None)
    );

    // A file above the size limit is refused unread, with or without the cache.
    dir.write("in/huge.txt", &vec![b'a'; 10 * 1024 * 1024 + 1]);
    let o = dateline_in(
        &dir,
        &["pack", "in", "--out", "y", "--cache", "build.cache"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("huge.txt: error: file is 10485761 bytes, larger than the 10 MB limit"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(dir.0.join("in/huge.txt")).expect("remove");

    // A cache inside an input folder would be read as a release: refused.
    let o = dateline_in(&dir, &["pack", "in", "--out", "x", "--cache", "in/c.json"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = dateline_in(
        &dir,
        &["pack", "--records", "r.json", "--out", "x", "--cache", "c"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// What `dateline pack` writes is `pack::site_files` of the same records, file
/// for file; and importing the same folder in memory (the import worker)
/// gives those records, so the worker's zip is pack's output.
#[test]
fn pack_writes_exactly_the_site_files_of_an_import_of_the_same_folder() {
    use dateline_core::import::ImportFile;
    let dir = TempDir::new("site-files");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let base = "https://example.org/dateline/";
    let out = dateline_in(
        &dir,
        &[
            "pack",
            &fixtures.display().to_string(),
            "--out",
            "site/data",
            "--feed",
            "site/feed.xml",
            "--base",
            base,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Every file under site/, hidden ones included: the records spilled
    // beside data/ while packing are gone.
    let written = data_files(&dir.0.join("site"));

    let files: Vec<ImportFile> = data_files(&fixtures)
        .into_iter()
        .map(|(path, bytes)| ImportFile::new(format!("fixtures/{path}"), bytes))
        .collect();
    let corpus = dateline_core::ingest::memory::ingest_files(files, Vec::new());
    let made: std::collections::BTreeMap<String, Vec<u8>> =
        dateline_core::pack::site_files(corpus.releases, Some(base))
            .into_iter()
            .map(|f| (f.path, f.bytes))
            .collect();
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        made.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &written {
        assert!(made.get(path) == Some(bytes), "{path} differs");
    }
}

/// `dateline add`: releases appended to a packed archive, only what they
/// change written; a new twin of a release gets a twin's id with a warning;
/// an archive packed whole (at most 5,000) is refused with its folder named.
#[test]
fn add_appends_releases_and_writes_only_what_they_change() {
    let dir = TempDir::new("add");
    let run = |args: &[&str]| succeeds_in(&dir, args);
    run(&["generate", "--count", "5010", "--seed", "3", "--out", "in"]);
    run(&["pack", "in", "--out", "data"]);
    let read = |path: &str| std::fs::read(dir.0.join(path)).expect("read");
    let postings = read("data/t/0.bin");
    let index = read("data/index.bin");
    // A copy of a packed release under another name: its twin.
    let first = std::fs::read_dir(dir.0.join("in"))
        .expect("in")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("a release");
    dir.write("more/twin.txt", &std::fs::read(first).expect("read"));
    dir.write(
        "more/dakar.txt",
        b"UNODC opens office in Dakar\n\nDakar, 30 November 2026 - UNODC opened an office.\n",
    );
    let said = run(&[
        "add",
        "more",
        "--out",
        "data",
        "--feed",
        "feed.xml",
        "--base",
        "https://example.org/",
    ]);
    assert!(
        said.contains("appended 2 releases to data (5012 in all;"),
        "{said}"
    );
    assert!(
        said.contains(
            "twin.txt: warning: the archive has a release of this date and title already"
        ),
        "{said}"
    );
    assert_eq!(
        read("data/t/0.bin"),
        postings,
        "the first build's postings stay"
    );
    assert_ne!(read("data/index.bin"), index);
    assert!(dir.0.join("data/ta/0.bin").is_file());
    let feed = String::from_utf8(read("feed.xml")).expect("utf-8");
    assert!(
        feed.contains("UNODC opens office in Dakar"),
        "the newest release in the feed"
    );

    // Packed whole: refused, and nothing is written.
    let small = TempDir::new("add-small");
    let run_small = |args: &[&str]| dateline_in(&small, args);
    assert_eq!(
        run_small(&["pack", &releases_dir(), "--out", "data"])
            .status
            .code(),
        Some(0)
    );
    small.write("more/dakar.txt", RELEASE);
    let before = std::fs::read(small.0.join("data/index.bin")).expect("read");
    let out = run_small(&["add", "more", "--out", "data"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("data: error: a corpus of at most 5,000 releases is packed whole"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(small.0.join("data/index.bin")).expect("read"),
        before
    );
}

/// `dateline pack --cache` appends the files added since its last build
/// (the cache's record says which files that was) and packs every release
/// again after any other change.
#[test]
fn pack_with_the_cache_appends_files_only_added_and_packs_whole_after_a_change() {
    let dir = TempDir::new("pack-appends");
    let run = |args: &[&str]| succeeds_in(&dir, args);
    let pack = ["pack", "in", "--out", "data", "--cache", "build.cache"];
    run(&["generate", "--count", "5010", "--seed", "4", "--out", "in"]);
    // The metadata of files changed within two seconds is not trusted.
    let settle = || std::thread::sleep(std::time::Duration::from_millis(2100));
    settle();
    let said = run(&pack);
    assert!(said.contains("packed 5010 releases"), "{said}");
    assert!(dir.0.join("build.cache.built").is_file());
    let postings = std::fs::read(dir.0.join("data/t/0.bin")).expect("read");
    dir.write("in/zz-dakar.txt", RELEASE);
    settle();
    let said = run(&pack);
    assert!(
        said.contains("1 file added since the build of data"),
        "{said}"
    );
    assert!(
        said.contains("appended 1 release to data (5011 in all;"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(dir.0.join("data/t/0.bin")).expect("read"),
        postings
    );
    assert!(dir.0.join("data/ta/0.bin").is_file());
    // Nothing changed: the data stays as it is, and the feed and the
    // sitemap asked for are the ones a whole pack writes.
    let data = data_files(&dir.0.join("data"));
    let with_outputs = |feed: &str, sitemap: &str| {
        let mut args = pack.to_vec();
        args.extend([
            "--feed",
            feed,
            "--sitemap",
            sitemap,
            "--base",
            "https://example.org/news/",
        ]);
        run(&args)
    };
    let said = with_outputs("feed.xml", "site");
    assert!(
        said.contains("no file added, changed or removed since the build of data")
            && said.contains("its 5011 releases kept as they are"),
        "{said}"
    );
    assert!(!said.contains("packed"), "{said}");
    assert_eq!(data_files(&dir.0.join("data")), data);
    let said = run(&[
        "pack",
        "in",
        "--out",
        "whole",
        "--feed",
        "whole.xml",
        "--sitemap",
        "whole-site",
        "--base",
        "https://example.org/news/",
    ]);
    assert!(said.contains("packed 5011 releases"), "{said}");
    assert!(read_in(&dir, "feed.xml").contains("<entry>"));
    assert!(read_in(&dir, "feed.xml") == read_in(&dir, "whole.xml"));
    // The same pages; an appended release is listed after the others.
    let lines = |file: &str| {
        let mut lines: Vec<String> = read_in(&dir, file).lines().map(str::to_string).collect();
        lines.sort_unstable();
        lines
    };
    assert!(lines("site/sitemap.xml").len() > 5011);
    assert!(lines("site/sitemap.xml") == lines("whole-site/sitemap.xml"));
    assert_eq!(
        read_in(&dir, "site/robots.txt"),
        read_in(&dir, "whole-site/robots.txt")
    );
    // The appended file's records joined the cache: packed whole (its
    // record removed), nothing is extracted, and the appended pieces go.
    assert_eq!(read_in(&dir, "build.cache").lines().count(), 1 + 5011);
    std::fs::remove_file(dir.0.join("build.cache.built")).expect("remove");
    let said = run(&pack);
    assert!(
        said.contains("5011 of 5011 files from the build cache"),
        "{said}"
    );
    assert!(said.contains("packed 5011 releases"), "{said}");
    assert!(!dir.0.join("data/ta").exists());
    // A file changed: packed whole.
    dir.write(
        "in/zz-dakar.txt",
        b"UNODC opens office in Dakar\n\nDakar, 2 March 2020 - UNODC opened two offices.\n",
    );
    settle();
    let said = run(&pack);
    assert!(said.contains("packed 5011 releases"), "{said}");
    assert!(
        said.contains("5010 of 5011 files from the build cache"),
        "{said}"
    );
}
