//! A corpus folder (or several paths) into records: walk, read, extract, assign ids.
//!
//! Folders are walked with `walkdir`: symbolic links are followed, a link
//! leading back to one of its own parent folders (a loop) is reported as a
//! warning and not followed, and a file reached twice (through a link, or a
//! path given twice) is read once. Hidden entries (`.name`) are skipped; so
//! are files that are not releases (see [`RELEASE_EXTENSIONS`]), each named
//! in a warning.
//!
//! Every message names the file by the path the user gave (`a/empty.txt`
//! for the folder `a`). A record's `source` never carries the builder's
//! absolute paths: with one path on the command line it is relative to that
//! folder (`sub/x.txt`), or the file's name; with several it starts with the
//! folder's own name (`a/empty.txt`, `b/empty.txt`), with as many parent
//! folder names as it takes to tell two inputs apart (`one/releases/x.txt`,
//! `two/releases/x.txt`).

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use super::cache::{Cache, FileResult};
use super::ids::{self, Previous};
use super::read::{too_large, Format, MAX_FILE_BYTES, RELEASE_EXTENSIONS};
use super::{ingest_bytes, Diagnostic, IngestError, Ingested, Severity};
use crate::model::Release;

/// The result of ingesting many files: the records kept, and every problem met.
#[derive(Debug, Default)]
pub struct Corpus {
    pub releases: Vec<Release>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files rejected outright (their errors are also in `diagnostics`).
    pub rejected: usize,
    /// Where each release of `releases` comes from (same order).
    pub origins: Vec<Origin>,
    /// Files skipped as not releases, by the path shown in messages.
    pub skipped: Vec<String>,
    /// Release files found (read, from the cache, or rejected).
    pub files: usize,
    /// Files whose records came from the build cache.
    pub cached: usize,
}

/// Where a release was read: the file as the user named it, and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl Corpus {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// One release file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Where to read it.
    pub path: PathBuf,
    /// The path messages show: as the user gave it (`a/empty.txt`).
    pub display: String,
    /// The record's `source` (see the module documentation).
    pub source: String,
}

/// What [`collect`] found under the paths given.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Release files, in order: path by path as given, each sorted by source.
    pub files: Vec<InputFile>,
    /// Files that are not releases, by the path shown in messages.
    pub skipped: Vec<String>,
    /// Warnings (loops, files reached twice, skipped files, empty inputs)
    /// and errors (paths that cannot be read).
    pub diagnostics: Vec<Diagnostic>,
    /// Paths (or sub-folders) that could not be read at all.
    pub unreadable: usize,
}

/// Finds the release files under `paths` (files, or folders walked recursively).
pub fn collect(paths: &[PathBuf]) -> Inputs {
    let mut inputs = Inputs::default();
    let canonical: Vec<Option<PathBuf>> = paths.iter().map(|p| p.canonicalize().ok()).collect();
    let labels = labels(paths, &canonical);
    let several = paths.len() > 1;
    // Canonical file → the path it was shown as, to read each file once.
    let mut seen: HashMap<PathBuf, String> = HashMap::new();
    let mut roots_seen: HashSet<PathBuf> = HashSet::new();
    for (i, root) in paths.iter().enumerate() {
        let shown = root.display().to_string();
        let meta = match std::fs::metadata(root) {
            Ok(meta) => meta,
            Err(e) => {
                inputs
                    .diagnostics
                    .push(error(&shown, format!("cannot read: {e}")));
                inputs.unreadable += 1;
                continue;
            }
        };
        if let Some(Some(c)) = canonical.get(i) {
            if !roots_seen.insert(c.clone()) {
                inputs
                    .diagnostics
                    .push(Diagnostic::warning(&shown, 0, "given twice: read once"));
                continue;
            }
        }
        let label = labels.get(i).cloned().unwrap_or_default();
        let before = inputs.files.len();
        if meta.is_dir() {
            let prefix = if several {
                format!("{label}/")
            } else {
                String::new()
            };
            walk(root, &prefix, &mut inputs, &mut seen);
            if inputs.files.len() == before {
                inputs.diagnostics.push(Diagnostic::warning(
                    &shown,
                    0,
                    format!(
                        "no release files in this folder: expected files ending in .{}",
                        RELEASE_EXTENSIONS.join(", .")
                    ),
                ));
            }
        } else {
            add_input(root, shown, label, &mut inputs, &mut seen);
        }
    }
    inputs
}

/// The release files under one folder, sorted by source.
fn walk(root: &Path, prefix: &str, inputs: &mut Inputs, seen: &mut HashMap<PathBuf, String>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut found: Vec<(PathBuf, String, String)> = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => {
                let path = entry.path().to_path_buf();
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                found.push((
                    path.clone(),
                    path.display().to_string(),
                    format!("{prefix}{rel}"),
                ));
            }
            Err(e) => {
                let shown = e.path().unwrap_or(root).display().to_string();
                if let Some(ancestor) = e.loop_ancestor() {
                    inputs.diagnostics.push(Diagnostic::warning(
                        &shown,
                        0,
                        format!(
                            "symbolic link loop: leads back to {}, not followed",
                            ancestor.display()
                        ),
                    ));
                } else if e
                    .path()
                    .is_some_and(|p| Format::of_release(p).is_none() && !p.is_dir())
                {
                    inputs.skipped.push(shown.clone());
                    inputs.diagnostics.push(skipped_warning(&shown));
                } else {
                    let why = e
                        .io_error()
                        .map_or_else(|| e.to_string(), ToString::to_string);
                    inputs
                        .diagnostics
                        .push(error(&shown, format!("cannot read: {why}")));
                    inputs.unreadable += 1;
                }
            }
        }
    }
    found.sort_by(|a, b| a.2.cmp(&b.2).then_with(|| a.0.cmp(&b.0)));
    for (path, shown, source) in found {
        add_input(&path, shown, source, inputs, seen);
    }
}

/// Adds one file: a release file read once, or a skipped one.
fn add_input(
    path: &Path,
    shown: String,
    source: String,
    inputs: &mut Inputs,
    seen: &mut HashMap<PathBuf, String>,
) {
    if Format::of_release(path).is_none() {
        inputs.diagnostics.push(skipped_warning(&shown));
        inputs.skipped.push(shown);
        return;
    }
    if let Ok(canonical) = path.canonicalize() {
        if let Some(first) = seen.get(&canonical) {
            inputs.diagnostics.push(Diagnostic::warning(
                &shown,
                0,
                format!("the same file as {first}: read once"),
            ));
            return;
        }
        seen.insert(canonical, shown.clone());
    }
    inputs.files.push(InputFile {
        path: path.to_path_buf(),
        display: shown,
        source,
    });
}

fn skipped_warning(shown: &str) -> Diagnostic {
    Diagnostic::warning(
        shown,
        0,
        format!(
            "not a release file (expected .{}): skipped",
            RELEASE_EXTENSIONS.join(", .")
        ),
    )
}

/// Each path's label: the last components of its canonical path (the last
/// one as the user wrote it, not a link's target), as few as tell it from
/// the others (at least its own name).
fn labels(paths: &[PathBuf], canonical: &[Option<PathBuf>]) -> Vec<String> {
    let parts: Vec<Vec<String>> = paths
        .iter()
        .zip(canonical)
        .map(|(given, c)| {
            let mut parts: Vec<String> = c
                .iter()
                .flat_map(|p| p.components())
                .filter_map(|c| match c {
                    Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect();
            if let (Some(last), Some(name)) = (parts.last_mut(), given.file_name()) {
                *last = name.to_string_lossy().into_owned();
            }
            parts
        })
        .collect();
    let label = |p: &[String], k: usize| -> String {
        let from = p.len().saturating_sub(k);
        let l = p.get(from..).unwrap_or_default().join("/");
        if l.is_empty() {
            "root".to_string()
        } else {
            l
        }
    };
    let longest = parts.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut out: Vec<Option<String>> = vec![None; parts.len()];
    for k in 1..=longest {
        let at_k: Vec<String> = parts.iter().map(|p| label(p, k)).collect();
        for ((i, l), slot) in at_k.iter().enumerate().zip(out.iter_mut()) {
            let unique = at_k
                .iter()
                .enumerate()
                .all(|(j, other)| j == i || other != l || parts.get(j) == parts.get(i));
            if slot.is_none() && unique {
                *slot = Some(l.clone());
            }
        }
    }
    out.into_iter()
        .zip(&parts)
        .map(|(l, p)| l.unwrap_or_else(|| label(p, longest)))
        .collect()
}

/// Files under `paths` (folders recursively, hidden entries and files that
/// are not releases skipped), each with its record's `source`; the first
/// path that cannot be read is the error.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, IngestError> {
    let inputs = collect(paths);
    if let Some(d) = inputs
        .diagnostics
        .into_iter()
        .find(|d| d.severity == Severity::Error)
    {
        return Err(IngestError {
            file: d.file,
            line: d.line,
            message: d.message,
        });
    }
    Ok(inputs
        .files
        .into_iter()
        .map(|f| (f.path, f.source))
        .collect())
}

fn error(file: &str, message: String) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        line: 0,
        severity: Severity::Error,
        message,
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> IngestError {
    IngestError {
        file: path.display().to_string(),
        line: 0,
        message: format!("cannot read: {e}"),
    }
}

/// Ingests every file under `paths`. Unreadable files become errors in the
/// result; the rest are kept, with unique ids. A path that cannot be read does
/// not stop the others.
pub fn ingest_paths(paths: &[PathBuf]) -> Corpus {
    ingest_inputs(collect(paths), None, None, &|_, _| {})
}

/// Ingests the files found by [`collect`] on every core (rayon), in input
/// order; `previous` keeps the ids of a previous build; with a `cache`, files
/// whose source and bytes are unchanged are not extracted again;
/// `progress(done, total)` is called as files finish, from any thread.
pub fn ingest_inputs(
    inputs: Inputs,
    previous: Option<&Previous>,
    cache: Option<&Cache>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Corpus {
    use rayon::prelude::*;
    let mut corpus = Corpus {
        diagnostics: inputs.diagnostics,
        rejected: inputs.unreadable,
        skipped: inputs.skipped,
        ..Corpus::default()
    };
    let total = inputs.files.len();
    corpus.files = total;
    let ingest = |file: &InputFile| ingest_file(&file.path, &file.source);
    let results = match cache {
        Some(cache) => {
            let run = cache.run(&inputs.files, &ingest, progress);
            corpus.diagnostics.extend(run.warnings);
            corpus.cached = run.hits;
            run.results
        }
        None => {
            let done = std::sync::atomic::AtomicUsize::new(0);
            inputs
                .files
                .par_iter()
                .map(|file| {
                    let result = ingest(file);
                    let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    progress(n, total);
                    result
                })
                .collect()
        }
    };
    for (file, result) in inputs.files.iter().zip(results) {
        add_result(&mut corpus, file, result);
    }
    assign_ids(&mut corpus, previous);
    corpus
}

/// Adds one file's result to `corpus`: its releases and warnings, or its error.
fn add_result(corpus: &mut Corpus, file: &InputFile, result: FileResult) {
    let shown = |mut d: Diagnostic| {
        if d.file == file.source {
            d.file = file.display.clone();
        }
        d
    };
    match result {
        Ok(items) => {
            for Ingested {
                release,
                diagnostics,
                line,
            } in items
            {
                corpus
                    .diagnostics
                    .extend(diagnostics.into_iter().map(shown));
                corpus.releases.push(release);
                corpus.origins.push(Origin {
                    file: file.display.clone(),
                    line,
                });
            }
        }
        Err(e) => {
            corpus.diagnostics.push(shown(error_diagnostic(e)));
            corpus.rejected += 1;
        }
    }
}

/// One file's releases; files above the size limit are refused before reading.
pub fn ingest_file(path: &Path, source: &str) -> Result<Vec<Ingested>, IngestError> {
    let len = std::fs::metadata(path)
        .map_err(|e| io_error(path, &e))?
        .len();
    if len > MAX_FILE_BYTES as u64 {
        return Err(too_large(source, len));
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
    ingest_bytes(source, path, &bytes)
}

/// Gives every release a unique id (the rule of [`ids`]); a release that
/// could not have the id it wanted gets a warning on its own line.
pub fn assign_ids(corpus: &mut Corpus, previous: Option<&Previous>) {
    for dup in ids::assign_ids_with(&mut corpus.releases, previous) {
        let (file, line) = corpus
            .origins
            .get(dup.index)
            .map_or((dup.second.clone(), 0), |o| (o.file.clone(), o.line));
        let other = if dup.first.is_empty() {
            String::new()
        } else {
            format!(" (also wanted by {})", dup.first)
        };
        corpus.diagnostics.push(Diagnostic::warning(
            &file,
            line,
            format!(
                "duplicate id `{}`{other}: this release is `{}`; set an explicit `id` to choose its permalink",
                dup.id, dup.renamed
            ),
        ));
    }
}

/// The ids of a previous build: the full records `dateline pack` wrote in
/// `dir/r/N.json`.
pub fn read_previous(dir: &Path) -> Result<Previous, IngestError> {
    let chunks = dir.join("r");
    let entries = std::fs::read_dir(&chunks).map_err(|e| IngestError {
        file: dir.display().to_string(),
        line: 0,
        message: format!(
            "cannot read {}: {e}: expected the data folder of a previous `dateline pack` (holding r/0.json)",
            chunks.display()
        ),
    })?;
    let mut records = Vec::new();
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read(&file).map_err(|e| io_error(&file, &e))?;
        let chunk: Vec<Release> = serde_json::from_slice(&text).map_err(|e| IngestError {
            file: file.display().to_string(),
            line: e.line(),
            message: format!(
                "expected an array of full release records (as `dateline pack` writes them): {e}"
            ),
        })?;
        records.extend(chunk);
    }
    Ok(Previous::from_records(&records))
}

fn error_diagnostic(e: IngestError) -> Diagnostic {
    Diagnostic {
        file: e.file,
        line: e.line,
        severity: Severity::Error,
        message: e.message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let dir =
                std::env::temp_dir().join(format!("dateline-corpus-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }

        fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
            let path = self.0.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap();
            }
            std::fs::write(&path, bytes).unwrap();
            path
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn duplicates_are_renamed_and_reported_bad_files_rejected() {
        let dir = TempDir::new("dups");
        let release = b"Same title\n\nVienna, 17 April 2019 - Body.";
        dir.write("a.txt", release);
        dir.write("b.txt", b"\n\nSame title\n\nVienna, 17 April 2019 - Body.");
        dir.write("c.txt", b"");
        dir.write(".hidden.txt", b"ignored");
        let missing = dir.0.join("missing.txt");
        let corpus = ingest_paths(&[dir.0.clone(), missing.clone()]);
        let ids: Vec<&str> = corpus.releases.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), 2);
        assert!(
            ids.iter()
                .all(|id| id.starts_with("2019-04-17-same-title-")),
            "{ids:?}"
        );
        assert_ne!(ids[0], ids[1]);
        assert_eq!(corpus.rejected, 2);
        assert!(corpus.has_errors());
        let dups: Vec<&Diagnostic> = corpus
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("duplicate id"))
            .collect();
        assert_eq!(dups.len(), 2);
        let name = dir.0.display().to_string();
        assert_eq!(dups[1].severity, Severity::Warning);
        assert_eq!(
            (dups[1].file.clone(), dups[1].line),
            (format!("{name}/b.txt"), 3)
        );
        assert!(dups[1].message.contains("a.txt"), "{}", dups[1].message);
        let empty = corpus
            .diagnostics
            .iter()
            .find(|d| d.file == format!("{name}/c.txt"))
            .unwrap();
        assert!(empty.message.contains("empty file"), "{empty:?}");
        let unreadable = corpus
            .diagnostics
            .iter()
            .find(|d| d.message.starts_with("cannot read"))
            .unwrap();
        assert_eq!(unreadable.file, missing.display().to_string());
    }

    #[test]
    fn sources_and_messages_tell_two_folders_apart() {
        let dir = TempDir::new("two");
        dir.write("one/a/x.txt", b"T\n\nBody.");
        dir.write("two/a/x.txt", b"T\n\nBody.");
        dir.write("b/x.txt", b"T\n\nBody.");
        let paths = [dir.0.join("one/a"), dir.0.join("two/a"), dir.0.join("b")];
        let inputs = collect(&paths);
        let sources: Vec<&str> = inputs.files.iter().map(|f| f.source.as_str()).collect();
        assert_eq!(sources, ["one/a/x.txt", "two/a/x.txt", "b/x.txt"]);
        let one = collect(&paths[..1]);
        assert_eq!(one.files[0].source, "x.txt");
        assert_eq!(
            one.files[0].display,
            dir.0.join("one/a/x.txt").display().to_string()
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_once_and_loops_reported() {
        let dir = TempDir::new("loop");
        dir.write("a/r.txt", b"T\n\nBody.");
        std::os::unix::fs::symlink(dir.0.join("a"), dir.0.join("a/loop")).unwrap();
        std::os::unix::fs::symlink(dir.0.join("a/r.txt"), dir.0.join("a/same.txt")).unwrap();
        let inputs = collect(&[dir.0.join("a")]);
        assert_eq!(inputs.files.len(), 1, "{:?}", inputs.files);
        let messages: Vec<String> = inputs.diagnostics.iter().map(ToString::to_string).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("/a/loop: warning: symbolic link loop")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("/a/same.txt: warning: the same file as")),
            "{messages:?}"
        );
        assert_eq!(inputs.unreadable, 0);
    }

    #[test]
    fn only_release_files_are_read() {
        let dir = TempDir::new("exts");
        dir.write("a.TXT", b"T\n\nBody.");
        dir.write("b.Md", b"# T2\n\nBody.");
        dir.write("c.png", b"\x89PNG\r\n\x1a\n\x00");
        dir.write("d.pdf", b"%PDF-1.4");
        let inputs = collect(std::slice::from_ref(&dir.0));
        let sources: Vec<&str> = inputs.files.iter().map(|f| f.source.as_str()).collect();
        assert_eq!(sources, ["a.TXT", "b.Md"]);
        assert_eq!(inputs.skipped.len(), 2);
        assert!(inputs.skipped[0].ends_with("c.png"));
        let empty = TempDir::new("no-releases");
        empty.write("only.png", b"x");
        let inputs = collect(std::slice::from_ref(&empty.0));
        assert!(inputs
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("no release files")));
    }
}
