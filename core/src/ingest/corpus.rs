//! A corpus folder (or several paths) into records: walk, read, extract, assign ids.

use std::path::{Path, PathBuf};

use super::read::{too_large, MAX_FILE_BYTES};
use super::{ids, ingest_bytes, Diagnostic, IngestError, Ingested, Severity};
use crate::model::Release;

/// The result of ingesting many files: the records kept, and every problem met.
#[derive(Debug, Default)]
pub struct Corpus {
    pub releases: Vec<Release>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files rejected outright (their errors are also in `diagnostics`).
    pub rejected: usize,
}

impl Corpus {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Files under `paths` (folders recursively, hidden entries skipped), sorted,
/// each with the path a record's `source` shows: relative to the folder given.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, IngestError> {
    let mut out = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| io_error(root, &e))?;
        if meta.is_dir() {
            walk(root, root, &mut out)?;
        } else {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| root.display().to_string());
            out.push((root.clone(), name));
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) -> Result<(), IngestError> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))?;
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, out)?;
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((path, rel));
        }
    }
    Ok(())
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
    let mut corpus = Corpus::default();
    for root in paths {
        match collect_files(std::slice::from_ref(root)) {
            Ok(files) => {
                for (path, source) in files {
                    add_file(&mut corpus, &path, &source);
                }
            }
            Err(e) => {
                corpus.diagnostics.push(error_diagnostic(e));
                corpus.rejected += 1;
            }
        }
    }
    assign_ids(&mut corpus);
    corpus
}

/// Reads and ingests one file into `corpus`, recording its warnings or its error.
pub fn add_file(corpus: &mut Corpus, path: &Path, source: &str) {
    match ingest_file(path, source) {
        Ok(items) => {
            for item in items {
                corpus.diagnostics.extend(item.diagnostics);
                corpus.releases.push(item.release);
            }
        }
        Err(e) => {
            corpus.diagnostics.push(error_diagnostic(e));
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

/// Gives every release a unique id; a release whose id was taken gets a suffix
/// and a warning naming both files.
pub fn assign_ids(corpus: &mut Corpus) {
    for dup in ids::assign_ids(&mut corpus.releases) {
        corpus.diagnostics.push(Diagnostic::warning(
            &dup.second,
            0,
            format!(
                "duplicate id `{}` (also given to {}): this release is `{}`",
                dup.id, dup.first, dup.renamed
            ),
        ));
    }
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
        dir.write("b.txt", release);
        dir.write("c.txt", b"");
        dir.write(".hidden.txt", b"ignored");
        let missing = dir.0.join("missing.txt");
        let corpus = ingest_paths(&[dir.0.clone(), missing]);
        let ids: Vec<&str> = corpus.releases.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["2019-04-17-same-title", "2019-04-17-same-title-2"]);
        assert_eq!(corpus.rejected, 2);
        assert!(corpus.has_errors());
        let dup = corpus
            .diagnostics
            .iter()
            .find(|d| d.message.contains("duplicate id"))
            .unwrap();
        assert_eq!(dup.severity, Severity::Warning);
        assert_eq!(dup.file, "b.txt");
        assert!(dup.message.contains("a.txt"), "{dup}");
        let empty = corpus
            .diagnostics
            .iter()
            .find(|d| d.file == "c.txt")
            .unwrap();
        assert!(empty.message.contains("empty file"), "{empty}");
        assert!(corpus
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("cannot read")));
    }
}
