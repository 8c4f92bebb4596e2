//! A corpus folder (or several paths) into records: walk, read, extract, assign ids.

use std::path::{Path, PathBuf};

use super::{ids, ingest_bytes, Diagnostic, IngestError, Severity};
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
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
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
/// result; the rest are kept, with unique ids.
pub fn ingest_paths(paths: &[PathBuf]) -> Corpus {
    let mut corpus = Corpus::default();
    let files = match collect_files(paths) {
        Ok(files) => files,
        Err(e) => {
            corpus.diagnostics.push(error_diagnostic(e));
            corpus.rejected += 1;
            return corpus;
        }
    };
    for (path, source) in files {
        let result = std::fs::read(&path)
            .map_err(|e| io_error(&path, &e))
            .and_then(|bytes| ingest_bytes(&source, &path, &bytes));
        match result {
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
    ids::assign_ids(&mut corpus.releases);
    corpus
}

fn error_diagnostic(e: IngestError) -> Diagnostic {
    Diagnostic {
        file: e.file,
        line: e.line,
        severity: Severity::Error,
        message: e.message,
    }
}
