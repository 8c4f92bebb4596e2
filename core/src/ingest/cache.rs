//! The build cache: each file's ingest result, keyed by a hash of its source
//! and bytes, so that a rebuild extracts only the files that changed.
//!
//! One file of lines: a header `dateline-cache <version> <fingerprint>`, then
//! per file `<key: 32 hex digits>\t<its releases as JSON>`. The fingerprint
//! names the build of the extractors (the CLI passes a hash of its own
//! binary): a cache written by another build is ignored as a whole. Files
//! that were rejected are not cached, so their errors are reported on every
//! build. A cache that cannot be read or written never fails a build: the
//! files are ingested afresh and a warning says why.
//!
//! The old cache is streamed once and the new one written beside it, then
//! renamed over it: memory holds the records being built, never the cache.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::corpus::InputFile;
use super::read::MAX_FILE_BYTES;
use super::{Diagnostic, Ingested};

const HEADER: &str = "dateline-cache";
/// Bump when the line layout changes.
const VERSION: u32 = 1;
/// Files extracted at once before their lines are written: the lines of a
/// batch are held (a few MB), never all of them.
const BATCH_FILES: usize = 4096;
/// Cache lines read at once before their entries are decoded, on every core.
const BATCH_LINES: usize = 4096;

pub use super::FileResult;

/// A build cache at `path`, valid for the extractors named by `fingerprint`.
#[derive(Debug, Clone)]
pub struct Cache {
    pub path: PathBuf,
    pub fingerprint: String,
}

/// What a cached run did: the results in input order, how many files came
/// from the cache, and the problems met with the cache itself.
#[derive(Debug, Default)]
pub struct CachedRun {
    pub results: Vec<FileResult>,
    pub hits: usize,
    pub warnings: Vec<Diagnostic>,
}

/// The cache key of a file: its record's `source` and its bytes.
pub fn key(source: &str, bytes: &[u8]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(source.as_bytes());
    h.update(&[0]);
    h.update(bytes);
    h.digest128()
}

impl Cache {
    /// Every file's result: from the cache when its key is there, from
    /// `ingest(file)` (run on every core) otherwise; then the cache is
    /// rewritten with exactly the current files. `progress(done, total)` is
    /// called as files finish, from any thread; `keep(i, result)` is what
    /// the run holds of file `i`'s result (see `corpus::ingest_inputs`).
    pub fn run(
        &self,
        files: &[InputFile],
        ingest: &(dyn Fn(&InputFile) -> FileResult + Sync),
        progress: &(dyn Fn(usize, usize) + Sync),
        keep: &(dyn Fn(usize, FileResult) -> FileResult + Sync),
    ) -> CachedRun {
        let total = files.len();
        let done = AtomicUsize::new(0);
        // A file above the size limit gets no key: `ingest` refuses it unread.
        let keys: Vec<Option<u128>> = files
            .par_iter()
            .map(|f| {
                let len = std::fs::metadata(&f.path).ok()?.len();
                if len > MAX_FILE_BYTES as u64 {
                    return None;
                }
                std::fs::read(&f.path).ok().map(|b| key(&f.source, &b))
            })
            .collect();
        let mut wanted: HashMap<u128, Vec<usize>> = HashMap::with_capacity(total);
        for (i, k) in keys.iter().enumerate() {
            if let Some(k) = k {
                wanted.entry(*k).or_default().push(i);
            }
        }
        let mut run = CachedRun::default();
        let mut slots: Vec<Option<FileResult>> = (0..total).map(|_| None).collect();
        let tmp = self.path.with_extension("new");
        let mut out = match std::fs::File::create(&tmp) {
            Ok(f) => Some(BufWriter::new(f)),
            Err(e) => {
                run.warnings
                    .push(self.warning(0, format!("cannot write the cache: {e}")));
                None
            }
        };
        let write = |out: &mut Option<BufWriter<std::fs::File>>, line: &str| {
            if let Some(w) = out {
                if w.write_all(line.as_bytes())
                    .and_then(|_| w.write_all(b"\n"))
                    .is_err()
                {
                    *out = None;
                }
            }
        };
        write(
            &mut out,
            &format!("{HEADER} {VERSION} {}", self.fingerprint),
        );
        self.reuse(&wanted, &mut slots, &mut run, keep, &mut |line| {
            write(&mut out, line)
        });
        run.hits = slots.iter().filter(|s| s.is_some()).count();
        done.fetch_add(run.hits, Ordering::Relaxed);
        if run.hits > 0 {
            progress(run.hits, total);
        }
        // The rest, on every core, a batch of files at a time: each result's
        // line is made on its thread and written, in input order, as its
        // batch ends. Collected whole, the lines of a first build of a
        // million files held 3 GB (the build's peak was 5 GB).
        let fresh: Vec<usize> = (0..total).filter(|&i| slots[i].is_none()).collect();
        for batch in fresh.chunks(BATCH_FILES) {
            let extracted: Vec<(usize, FileResult, Option<String>)> = batch
                .par_iter()
                .map(|&i| {
                    let file = &files[i];
                    let result = ingest(file);
                    // Files of one key (the same source and bytes) write
                    // one line: the first's.
                    let first =
                        keys[i].filter(|k| wanted.get(k).and_then(|w| w.first()) == Some(&i));
                    let line = match (&result, first) {
                        (Ok(items), Some(k)) => serde_json::to_string(items)
                            .ok()
                            .map(|json| format!("{k:032x}\t{json}")),
                        _ => None,
                    };
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                    (i, keep(i, result), line)
                })
                .collect();
            for (i, result, line) in extracted {
                if let Some(line) = line {
                    write(&mut out, &line);
                }
                slots[i] = Some(result);
            }
        }
        let finished = out.map(|w| w.into_inner().map_err(|e| e.into_error()));
        match finished {
            Some(Ok(file)) => {
                if let Err(e) = file
                    .sync_all()
                    .and_then(|_| std::fs::rename(&tmp, &self.path))
                {
                    run.warnings
                        .push(self.warning(0, format!("cannot write the cache: {e}")));
                }
            }
            Some(Err(e)) => {
                run.warnings
                    .push(self.warning(0, format!("cannot write the cache: {e}")));
                let _ = std::fs::remove_file(&tmp);
            }
            None => {
                let _ = std::fs::remove_file(&tmp);
            }
        }
        run.results = slots
            .into_iter()
            .map(|s| s.unwrap_or_else(|| Ok(Vec::new())))
            .collect();
        run
    }

    /// Streams the old cache: each wanted entry fills its files' slots and is
    /// copied, as it is, into the new cache. Read a batch of lines at a time,
    /// whose entries are decoded on every core: one core decoded a million
    /// entries' JSON in turn.
    fn reuse(
        &self,
        wanted: &HashMap<u128, Vec<usize>>,
        slots: &mut [Option<FileResult>],
        run: &mut CachedRun,
        keep: &(dyn Fn(usize, FileResult) -> FileResult + Sync),
        copy: &mut dyn FnMut(&str),
    ) {
        let Ok(file) = std::fs::File::open(&self.path) else {
            return; // No cache yet: every file is new.
        };
        let mut lines = BufReader::new(file).lines();
        let expected = format!("{HEADER} {VERSION} {}", self.fingerprint);
        match lines.next() {
            Some(Ok(header)) if header == expected => {}
            // Another build of the extractors, or not a cache: start afresh.
            _ => return,
        }
        let mut claimed: HashSet<u128> = HashSet::new();
        let mut line_no = 1;
        let mut batch: Vec<(usize, String)> = Vec::with_capacity(BATCH_LINES);
        loop {
            let mut ended = true;
            for line in lines.by_ref() {
                line_no += 1;
                match line {
                    Ok(line) => batch.push((line_no, line)),
                    Err(e) => {
                        run.warnings
                            .push(self.warning(line_no, format!("cannot read the cache: {e}")));
                        break;
                    }
                }
                if batch.len() == BATCH_LINES {
                    ended = false;
                    break;
                }
            }
            // Which lines are wanted, in order: the first entry of a key is kept.
            let mut chosen: Vec<(usize, u128, &str, &str, &[usize])> = Vec::new();
            for (n, line) in &batch {
                let Some((key, json)) = parse_line(line) else {
                    run.warnings.push(self.warning(
                        *n,
                        "expected a cache entry (32 hex digits, a tab, JSON): ignored",
                    ));
                    continue;
                };
                let Some(indexes) = wanted.get(&key) else {
                    continue; // A file that is gone or changed.
                };
                if claimed.insert(key) {
                    chosen.push((*n, key, line, json, indexes));
                }
            }
            let decoded: Vec<Result<Vec<FileResult>, serde_json::Error>> = chosen
                .par_iter()
                .map(|&(_, _, _, json, indexes)| {
                    let mut items = serde_json::from_str::<Vec<Ingested>>(json)?;
                    // Decoded with room for four releases (serde grows the
                    // vector from empty), it is kept until packing: 2 KB
                    // more per file, 1.9 GB at a million.
                    items.shrink_to_fit();
                    let mut results = Vec::with_capacity(indexes.len());
                    if let Some((&last, rest)) = indexes.split_last() {
                        for &i in rest {
                            results.push(keep(i, Ok(items.clone())));
                        }
                        results.push(keep(last, Ok(items)));
                    }
                    Ok(results)
                })
                .collect();
            for ((n, key, line, _, indexes), decoded) in chosen.into_iter().zip(decoded) {
                match decoded {
                    Ok(results) => {
                        copy(line);
                        for (&i, result) in indexes.iter().zip(results) {
                            slots[i] = Some(result);
                        }
                    }
                    Err(e) => {
                        // Ingested afresh: the key is free for a later entry.
                        claimed.remove(&key);
                        run.warnings.push(self.warning(
                            n,
                            format!(
                                "expected the releases of one file as JSON: {e}: ingested afresh"
                            ),
                        ));
                    }
                }
            }
            batch.clear();
            if ended {
                return;
            }
        }
    }

    fn warning(&self, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.path.display().to_string(), line, message)
    }
}

fn parse_line(line: &str) -> Option<(u128, &str)> {
    let (key, json) = line.split_once('\t')?;
    if key.len() != 32 {
        return None;
    }
    Some((u128::from_str_radix(key, 16).ok()?, json))
}

/// The fingerprint of a build: a hash of the file at `exe` (the running
/// binary), so that any change to the extractors invalidates the cache.
pub fn fingerprint_of(exe: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(exe)?;
    Ok(format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes)))
}
