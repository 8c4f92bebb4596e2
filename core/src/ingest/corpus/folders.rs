//! The native half of [`super`]: release files found under folders
//! (walkdir) and read from disk, on every core (rayon).

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use super::super::cache::Use as CacheUse;
use super::super::ids::Previous;
use super::super::read::{too_large, Format, MAX_FILE_BYTES, RELEASE_EXTENSIONS};
use super::super::spill::Spill;
use super::super::{ingest_bytes, Diagnostic, FileResult, IngestError, Ingested, Severity};
use super::{add_result, assign_ids, skipped_warning, Corpus, InputFile, Inputs};
use crate::model::Release;

/// Finds the release files under `paths` (files, or folders walked recursively).
pub fn collect(paths: &[PathBuf]) -> Inputs {
    let mut inputs = Inputs::default();
    let canonical: Vec<Option<PathBuf>> = paths.iter().map(|p| p.canonicalize().ok()).collect();
    let labels = labels(paths, &canonical);
    let several = paths.len() > 1;
    // Each file's identity → the path it was shown as, to read each file once.
    let mut seen: HashMap<FileId, String> = HashMap::new();
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
            let id = file_id(root);
            add_input(root, id, shown, label, &mut inputs, &mut seen);
        }
    }
    inputs
}

/// The release files under one folder, sorted by source.
fn walk(root: &Path, prefix: &str, inputs: &mut Inputs, seen: &mut HashMap<FileId, String>) {
    use rayon::prelude::*;
    // Unsorted: the files are sorted below, once, and so are the walk's own
    // messages. walkdir's `sort_by_file_name` parsed both paths at every
    // comparison: at a million files in one folder, about a second on one core.
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut found: Vec<(PathBuf, String, String)> = Vec::new();
    // Messages of the walk itself, by the path they name.
    let mut problems: Vec<(String, Problem)> = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => {
                let path = entry.into_path();
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                let source = format!("{prefix}{rel}");
                let shown = path.display().to_string();
                found.push((path, shown, source));
            }
            Err(e) => {
                let shown = e.path().unwrap_or(root).display().to_string();
                let problem = if let Some(ancestor) = e.loop_ancestor() {
                    Problem::Loop(ancestor.display().to_string())
                } else if e
                    .path()
                    .is_some_and(|p| Format::of_release(p).is_none() && !p.is_dir())
                {
                    Problem::Skipped
                } else {
                    Problem::Unreadable(
                        e.io_error()
                            .map_or_else(|| e.to_string(), ToString::to_string),
                    )
                };
                problems.push((shown, problem));
            }
        }
    }
    problems.sort_by(|a, b| a.0.cmp(&b.0));
    for (shown, problem) in problems {
        match problem {
            Problem::Loop(ancestor) => inputs.diagnostics.push(Diagnostic::warning(
                &shown,
                0,
                format!("symbolic link loop: leads back to {ancestor}, not followed"),
            )),
            Problem::Skipped => {
                inputs.diagnostics.push(skipped_warning(&shown));
                inputs.skipped.push(shown);
            }
            Problem::Unreadable(why) => {
                inputs
                    .diagnostics
                    .push(error(&shown, format!("cannot read: {why}")));
                inputs.unreadable += 1;
            }
        }
    }
    found.par_sort_unstable_by(|a, b| a.2.cmp(&b.2).then_with(|| a.0.cmp(&b.0)));
    // One `stat` per file, on every core: at a million files, finding out
    // which were reached twice took seven seconds on one.
    let ids: Vec<Option<FileId>> = found.par_iter().map(|(path, ..)| file_id(path)).collect();
    for ((path, shown, source), id) in found.into_iter().zip(ids) {
        add_input(&path, id, shown, source, inputs, seen);
    }
}

/// What the walk met besides release files and folders.
enum Problem {
    /// A symbolic link back to this ancestor folder.
    Loop(String),
    /// A file that is not a release.
    Skipped,
    /// A path that could not be read, and why.
    Unreadable(String),
}

/// What tells one file from another however it was reached (through links,
/// or under two of the paths given).
#[derive(Clone, PartialEq, Eq, Hash)]
enum FileId {
    /// Its device and inode, from one `stat`: `canonicalize` cost four
    /// `readlink` calls per file, each failing where no link was involved.
    #[cfg(unix)]
    Inode(u64, u64),
    /// Its canonical path, where the system has no inodes to compare.
    #[cfg(not(unix))]
    Canonical(PathBuf),
}

/// `path`'s identity, or `None` when it cannot be read (the reading then
/// says why).
fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        Some(FileId::Inode(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        path.canonicalize().ok().map(FileId::Canonical)
    }
}

/// Adds one file: a release file read once, or a skipped one.
fn add_input(
    path: &Path,
    id: Option<FileId>,
    shown: String,
    source: String,
    inputs: &mut Inputs,
    seen: &mut HashMap<FileId, String>,
) {
    if Format::of_release(path).is_none() {
        inputs.diagnostics.push(skipped_warning(&shown));
        inputs.skipped.push(shown);
        return;
    }
    if let Some(id) = id {
        if let Some(first) = seen.get(&id) {
            inputs.diagnostics.push(Diagnostic::warning(
                &shown,
                0,
                format!("the same file as {first}: read once"),
            ));
            return;
        }
        seen.insert(id, shown.clone());
    }
    inputs.files.push(InputFile {
        path: path.to_path_buf(),
        display: shown,
        source,
    });
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
    ingest_inputs(collect(paths), None, None, &|_, _| {}, None)
}

/// Ingests the files found by [`collect`] on every core (rayon), in input
/// order; `previous` keeps the ids of a previous build; with a `cache`, files
/// whose source and bytes are unchanged are not extracted again (and new
/// files' records are kept there: see [`CacheUse`]);
/// `progress(done, total)` is called as files finish, from any thread; with
/// a `spill`, each file's records go to disk as it finishes and the corpus
/// holds their summaries ([`crate::ingest::spill`]).
pub fn ingest_inputs(
    inputs: Inputs,
    previous: Option<&Previous>,
    cache: Option<CacheUse>,
    progress: &(dyn Fn(usize, usize) + Sync),
    spill: Option<&Spill>,
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
    let keep = |i: usize, result: FileResult| match spill {
        Some(spill) => spill.keep(i, result),
        None => result,
    };
    let results = match cache {
        Some(cache) => {
            let extract =
                |file: &InputFile, bytes: &[u8]| ingest_bytes(&file.source, &file.path, bytes);
            let run = match cache {
                CacheUse::Every(cache) => cache.run(&inputs.files, &extract, progress, &keep),
                CacheUse::Added(cache) => cache.run_added(&inputs.files, &extract, progress, &keep),
            };
            corpus.diagnostics.extend(run.warnings);
            corpus.cached = run.hits;
            corpus.compared = run.compared;
            corpus.stats = run.stats;
            run.results
        }
        None => {
            let done = std::sync::atomic::AtomicUsize::new(0);
            inputs
                .files
                .par_iter()
                .enumerate()
                .map(|(i, file)| {
                    let result = keep(i, ingest(file));
                    let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    progress(n, total);
                    result
                })
                .collect()
        }
    };
    // Room for every release at once: grown by doubling, the list's last
    // copy held its old and new buffers beside every file's results (about
    // 0.75 GB at a million releases, the top of the build's peak).
    let releases = results.iter().map(|r| r.as_ref().map_or(0, Vec::len)).sum();
    corpus.releases.reserve_exact(releases);
    corpus.origins.reserve_exact(releases);
    for (file, result) in inputs.files.iter().zip(results) {
        add_result(&mut corpus, file, result);
    }
    assign_ids(&mut corpus, previous);
    corpus
}

/// One file's releases; files above the size limit are refused before reading.
pub fn ingest_file(path: &Path, source: &str) -> Result<Vec<Ingested>, IngestError> {
    ingest_bytes(source, path, &read_file(path, source)?)
}

/// One release file's bytes; files above the size limit are refused before
/// reading.
pub fn read_file(path: &Path, source: &str) -> Result<Vec<u8>, IngestError> {
    use std::io::Read;
    // Opened once, its size asked of the open file: a `stat` by path before
    // `fs::read` looked the path up twice.
    let mut file = std::fs::File::open(path).map_err(|e| io_error(path, &e))?;
    let len = file.metadata().map_err(|e| io_error(path, &e))?.len();
    if len > MAX_FILE_BYTES as u64 {
        return Err(too_large(source, len));
    }
    // The limit bounds what is read even if the file grows meanwhile.
    let mut bytes = Vec::with_capacity(len as usize);
    (&mut file)
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, &e))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(source, bytes.len() as u64));
    }
    Ok(bytes)
}

/// The ids of a previous build: the full records `dateline pack` wrote in
/// `dir/r/N.bin`.
pub fn read_previous(dir: &Path) -> Result<Previous, IngestError> {
    let chunks = dir.join("r");
    let entries = std::fs::read_dir(&chunks).map_err(|e| IngestError {
        file: dir.display().to_string(),
        line: 0,
        message: format!(
            "cannot read {}: {e}: expected the data folder of a previous `dateline pack` (holding r/0.bin)",
            chunks.display()
        ),
    })?;
    let mut records = Vec::new();
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        // `.json`: the chunks of builds before the packed `r/N.bin`.
        .filter(|p| p.extension().is_some_and(|e| e == "bin" || e == "json"))
        .collect();
    files.sort();
    for file in files {
        let bytes = std::fs::read(&file).map_err(|e| io_error(&file, &e))?;
        let error = |line, why: String| IngestError {
            file: file.display().to_string(),
            line,
            message: format!("expected full records as `dateline pack` writes them: {why}"),
        };
        let chunk: Vec<Release> = match file.extension().is_some_and(|e| e == "json") {
            true => serde_json::from_slice(&bytes).map_err(|e| error(e.line(), e.to_string()))?,
            false => crate::pack::records::read(&bytes).map_err(|e| error(0, e.to_string()))?,
        };
        records.extend(chunk);
    }
    Ok(Previous::from_records(&records))
}

fn error(file: &str, message: String) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        line: 0,
        severity: Severity::Error,
        message,
    }
}
