//! The build cache: each file's ingest result, so that a rebuild extracts
//! only the files that changed, and reads only the files whose metadata
//! changed.
//!
//! One file of lines: a header `dateline-cache <version> <fingerprint>`, then
//! per file `<content key>\t<stat key>\t<its releases as JSON>`, each key 32
//! hex digits. The content key hashes the file's `source` and bytes; the stat
//! key its `source` and metadata (size, modification and change times,
//! device, inode), as git's index does. A file whose stat key is in the cache
//! is taken from it unread: reading a million files only to hash them was a
//! fifth of a rebuild's time. A stat key is written only for a file last
//! changed at least [`RACY`] before the build began, otherwise 32 zeros: a
//! file written again within one tick of the clock keeps its times, and is
//! then compared by its bytes. The fingerprint names the build of the
//! extractors (the CLI passes a hash of its own binary): a cache written by
//! another build is ignored as a whole. Files that were rejected are not
//! cached, so their errors are reported on every build. A cache that cannot
//! be read or written never fails a build: the files are ingested afresh and
//! a warning says why.
//!
//! The old cache is streamed once. When every entry in it is still used as
//! it is, new entries are appended to it (and nothing is written when
//! nothing changed); otherwise the cache is written afresh beside it and
//! renamed over it. Memory holds the records being built and each old
//! entry's place, never the cache.

use std::collections::{HashMap, HashSet};
use std::fs::{File, Metadata};
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use super::corpus::{read_file, InputFile};
use super::read::MAX_FILE_BYTES;
use super::{Diagnostic, Ingested};

const HEADER: &str = "dateline-cache";
/// Bump when the line layout changes.
const VERSION: u32 = 2;
/// Files extracted at once before their lines are written: the lines of a
/// batch are held (a few MB), never all of them.
const BATCH_FILES: usize = 4096;
/// Cache lines read at once before their entries are decoded, on every core.
const BATCH_LINES: usize = 4096;
/// How long before a build a file must have last changed for its metadata to
/// stand for its bytes: file times move in ticks of the kernel's clock (a few
/// milliseconds), so a file changed twice within one keeps the same times.
pub const RACY: Duration = Duration::from_secs(2);
/// The stat key written for a file changed too recently to be trusted.
pub const NO_STAT: u128 = 0;
/// The stat key of a file that is not read here: its metadata cannot be
/// read, or it is above the size limit (`ingest` reports it, or refuses it
/// unread).
pub const UNREAD: u128 = u128::MAX;

pub use super::FileResult;

/// A build cache at `path`, valid for the extractors named by `fingerprint`.
#[derive(Debug, Clone)]
pub struct Cache {
    pub path: PathBuf,
    pub fingerprint: String,
}

/// What a run does with a file read afresh: `extract(file, bytes)`.
pub type Extract<'a> = &'a (dyn Fn(&InputFile, &[u8]) -> FileResult + Sync);
/// `progress(done, total)`, called as files finish, from any thread.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);
/// `keep(i, result)`: what the run holds of file `i`'s result.
pub type Keep<'a> = &'a (dyn Fn(usize, FileResult) -> FileResult + Sync);

/// How a build uses its cache.
#[derive(Debug, Clone, Copy)]
pub enum Use<'a> {
    /// For every file of the build ([`Cache::run`]): the cache then holds
    /// exactly these.
    Every(&'a Cache),
    /// For files new to the cache, whose other entries are the rest of the
    /// build's files ([`Cache::run_added`]).
    Added(&'a Cache),
}

/// What a cached run did: the results in input order, how many files came
/// from the cache, how many files were read to compare their bytes with it,
/// and the problems met with the cache itself.
#[derive(Debug, Default)]
pub struct CachedRun {
    pub results: Vec<FileResult>,
    pub hits: usize,
    pub compared: usize,
    pub warnings: Vec<Diagnostic>,
    /// Each file's stat key ([`stat_keys`]).
    pub stats: Vec<u128>,
}

/// Now, less [`RACY`]: files last changed before it have metadata that
/// stands for their bytes.
pub fn trusted_before_now() -> SystemTime {
    SystemTime::now().checked_sub(RACY).unwrap_or(UNIX_EPOCH)
}

/// Each file's stat key, on every core: [`NO_STAT`] for a file changed at
/// or after `trusted_before`, [`UNREAD`] for one that cannot be looked at
/// or is above the size limit (`ingest` reports it or refuses it unread).
pub fn stat_keys(files: &[InputFile], trusted_before: SystemTime) -> Vec<u128> {
    files
        .par_iter()
        .map(|f| match std::fs::metadata(&f.path) {
            Ok(m) if m.len() <= MAX_FILE_BYTES as u64 => {
                stat_key(&f.source, &m, trusted_before).unwrap_or(NO_STAT)
            }
            _ => UNREAD,
        })
        .collect()
}

/// The content key of a file: its record's `source` and its bytes.
pub fn key(source: &str, bytes: &[u8]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(source.as_bytes());
    h.update(&[0]);
    h.update(bytes);
    h.digest128()
}

/// The stat key of a file: its record's `source` and its metadata; `None`
/// when the file changed at or after `trusted_before`, or its times are not
/// known.
pub fn stat_key(source: &str, meta: &Metadata, trusted_before: SystemTime) -> Option<u128> {
    let nanos = |t: SystemTime| {
        t.duration_since(UNIX_EPOCH)
            .ok()
            .map(|d| d.as_nanos() as i128)
    };
    let before = nanos(trusted_before)?;
    let modified = nanos(meta.modified().ok()?)?;
    if modified >= before {
        return None;
    }
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(source.as_bytes());
    h.update(&[0]);
    h.update(&meta.len().to_le_bytes());
    h.update(&modified.to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // The change time cannot be set by hand: it moves on every write,
        // including one that puts the modification time back.
        let changed = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
        if changed >= before {
            return None;
        }
        h.update(&changed.to_le_bytes());
        h.update(&meta.dev().to_le_bytes());
        h.update(&meta.ino().to_le_bytes());
    }
    Some(h.digest128()).filter(|&k| k != NO_STAT && k != UNREAD)
}

/// One entry of the old cache: where its line is, and what this run made of
/// it (16 bytes: a million of them are held).
struct OldLine {
    /// Its offset in the old cache, and its length without the newline.
    at: u64,
    len: u32,
    used: Used,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Used {
    No,
    /// As it is.
    AsItIs,
    /// With another stat key (in [`OldCache::restamped`]).
    Restamped,
}

impl Cache {
    /// Every file's result: from the cache when its stat key or its content
    /// key is there, otherwise read once and `extract(file, bytes)` (run on
    /// every core); then the cache holds exactly the current files. `progress(done, total)` is
    /// called as files finish, from any thread; `keep(i, result)` is what
    /// the run holds of file `i`'s result (see `corpus::ingest_inputs`).
    pub fn run(
        &self,
        files: &[InputFile],
        extract: Extract<'_>,
        progress: Progress<'_>,
        keep: Keep<'_>,
    ) -> CachedRun {
        self.run_trusting(files, extract, progress, keep, trusted_before_now())
    }

    /// [`Cache::run`], trusting the metadata of files last changed before
    /// `trusted_before`.
    pub(crate) fn run_trusting(
        &self,
        files: &[InputFile],
        extract: Extract<'_>,
        progress: Progress<'_>,
        keep: Keep<'_>,
        trusted_before: SystemTime,
    ) -> CachedRun {
        let total = files.len();
        let done = AtomicUsize::new(0);
        let stats = stat_keys(files, trusted_before);
        let mut by_stat: HashMap<u128, usize> = HashMap::with_capacity(total);
        for (i, &s) in stats.iter().enumerate() {
            if s != NO_STAT && s != UNREAD {
                by_stat.entry(s).or_insert(i);
            }
        }
        let mut run = CachedRun::default();
        let mut slots: Vec<Option<FileResult>> = (0..total).map(|_| None).collect();
        let mut old = self.reuse_by_stat(&by_stat, &mut slots, &mut run, keep);
        drop(by_stat);
        // Where old entries are left that no file claimed by its stat key, the
        // other files are read and hashed, on every core: an entry of the same
        // bytes may still be theirs. Where none are left (a first build, or
        // files only added), a file is read once, when it is extracted.
        if let Some(old) = old.as_mut().filter(|o| !o.unclaimed.is_empty()) {
            let unread: Vec<usize> = (0..total)
                .filter(|&i| slots[i].is_none() && stats[i] != UNREAD)
                .collect();
            let contents: Vec<(usize, u128)> = unread
                .par_iter()
                .filter_map(|&i| {
                    let bytes = read_file(&files[i].path, &files[i].source).ok()?;
                    Some((i, key(&files[i].source, &bytes)))
                })
                .collect();
            run.compared = unread.len();
            let mut wanted: HashMap<u128, Vec<usize>> = HashMap::with_capacity(contents.len());
            for (i, k) in contents {
                wanted.entry(k).or_default().push(i);
            }
            self.reuse_by_content(old, &wanted, &stats, &mut slots, &mut run, keep);
        }
        run.hits = slots.iter().filter(|s| s.is_some()).count();
        done.fetch_add(run.hits, Ordering::Relaxed);
        if run.hits > 0 {
            progress(run.hits, total);
        }
        let mut writing = self.start_writing(old.as_ref());
        let fresh: Vec<usize> = (0..total).filter(|&i| slots[i].is_none()).collect();
        let fresh_run = Fresh {
            files,
            stats: &stats,
            extract,
            progress,
            keep,
            done,
        };
        fresh_run.extract(&fresh, &mut slots, &mut writing);
        self.finish(writing, &mut run);
        run.finish(slots, stats);
        run
    }

    /// Every file's result, for files new to this cache, which holds the
    /// entries of the other files of the build already (the build's record,
    /// `ingest::built`, says so): each file is read once and extracted, on
    /// every core, and its entry appended. The cache is not read, only its
    /// header checked: a cache of another build, or none, is left as it is.
    pub fn run_added(
        &self,
        files: &[InputFile],
        extract: Extract<'_>,
        progress: Progress<'_>,
        keep: Keep<'_>,
    ) -> CachedRun {
        let stats = stat_keys(files, trusted_before_now());
        let mut run = CachedRun::default();
        let mut slots: Vec<Option<FileResult>> = (0..files.len()).map(|_| None).collect();
        let mut writing = Writing {
            to: To::End(self.path.clone()),
            out: None,
            failed: self.appendable().err(),
        };
        let fresh_run = Fresh {
            files,
            stats: &stats,
            extract,
            progress,
            keep,
            done: AtomicUsize::new(0),
        };
        let all: Vec<usize> = (0..files.len()).collect();
        fresh_run.extract(&all, &mut slots, &mut writing);
        self.finish(writing, &mut run);
        run.finish(slots, stats);
        run
    }

    /// Whether entries may be appended to the cache: its header is this
    /// build's, and its last line is ended.
    fn appendable(&self) -> std::io::Result<()> {
        let mut file = File::open(&self.path)?;
        let mut header = String::new();
        BufReader::new(&mut file).read_line(&mut header)?;
        let mut last = [0u8];
        file.seek(SeekFrom::End(-1))?;
        file.read_exact(&mut last)?;
        match header == format!("{HEADER} {VERSION} {}\n", self.fingerprint) && last == *b"\n" {
            true => Ok(()),
            false => Err(std::io::Error::other(
                "it is not the cache of the build it is beside the record of",
            )),
        }
    }

    /// Streams the old cache: each entry whose stat key is a file's fills
    /// that file's slot. Read a batch of lines at a time, whose entries are
    /// decoded on every core. Returns every entry's place and what became of
    /// it; `None` when there is no cache of this build to use.
    fn reuse_by_stat(
        &self,
        by_stat: &HashMap<u128, usize>,
        slots: &mut [Option<FileResult>],
        run: &mut CachedRun,
        keep: Keep<'_>,
    ) -> Option<OldCache> {
        let file = File::open(&self.path).ok()?; // No cache yet: every file is new.
        let mut reader = BufReader::new(file);
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        if header != format!("{HEADER} {VERSION} {}\n", self.fingerprint) {
            return None; // Another build of the extractors, or not a cache.
        }
        let mut old = OldCache {
            lines: Vec::new(),
            unclaimed: HashMap::new(),
            restamped: HashMap::new(),
            whole: true,
        };
        let mut at = header.len() as u64;
        // The files claimed so far: a second entry of one stat key stays unused.
        let mut taken = vec![false; slots.len()];
        let mut batch: Vec<(usize, String)> = Vec::with_capacity(BATCH_LINES);
        loop {
            let mut ended = true;
            loop {
                let mut text = String::new();
                match reader.read_line(&mut text) {
                    Ok(0) => break,
                    Ok(n) => {
                        if text.ends_with('\n') {
                            text.pop();
                        } else {
                            old.whole = false; // Cut short: never appended to.
                        }
                        old.lines.push(OldLine {
                            at,
                            len: text.len() as u32,
                            used: Used::No,
                        });
                        at += n as u64;
                        batch.push((old.lines.len() - 1, text));
                    }
                    Err(e) => {
                        let line_no = old.lines.len() + 2;
                        run.warnings
                            .push(self.warning(line_no, format!("cannot read the cache: {e}")));
                        old.whole = false;
                        break;
                    }
                }
                if batch.len() == BATCH_LINES {
                    ended = false;
                    break;
                }
            }
            // The entries that files claim by their stat keys.
            let mut chosen: Vec<(usize, &str, usize)> = Vec::new();
            for (line, text) in &batch {
                let Some((content, stat, json)) = parse_line(text) else {
                    run.warnings.push(self.warning(
                        line_no(*line),
                        "expected a cache entry (32 hex digits, a tab, 32 hex digits, a tab, JSON): ignored",
                    ));
                    continue;
                };
                match by_stat.get(&stat) {
                    Some(&i) if !taken[i] => {
                        taken[i] = true;
                        chosen.push((*line, json, i));
                    }
                    _ => {
                        old.unclaimed.entry(content).or_insert(*line);
                    }
                }
            }
            let decoded: Vec<Result<FileResult, serde_json::Error>> = chosen
                .par_iter()
                .map(|&(_, json, i)| Ok(keep(i, Ok(decode(json)?))))
                .collect();
            for ((line, _, i), decoded) in chosen.into_iter().zip(decoded) {
                match decoded {
                    Ok(result) => {
                        old.lines[line].used = Used::AsItIs;
                        slots[i] = Some(result);
                    }
                    // The file is read and extracted afresh.
                    Err(e) => run.warnings.push(self.warning(
                        line_no(line),
                        format!("expected the releases of one file as JSON: {e}: ingested afresh"),
                    )),
                }
            }
            batch.clear();
            if ended {
                return Some(old);
            }
        }
    }

    /// Fills the slots of the files read and hashed (`wanted`, by content
    /// key) from the old entries of the same key that no file claimed by
    /// its stat key, each read where it lies and decoded on every core.
    fn reuse_by_content(
        &self,
        old: &mut OldCache,
        wanted: &HashMap<u128, Vec<usize>>,
        stats: &[u128],
        slots: &mut [Option<FileResult>],
        run: &mut CachedRun,
        keep: Keep<'_>,
    ) {
        let mut chosen: Vec<(usize, &[usize])> = wanted
            .iter()
            .filter_map(|(k, files)| Some((*old.unclaimed.get(k)?, files.as_slice())))
            .collect();
        if chosen.is_empty() {
            return;
        }
        chosen.sort_unstable_by_key(|c| c.0);
        let mut texts = Vec::with_capacity(chosen.len());
        let read = File::open(&self.path).and_then(|mut f| {
            for &(line, _) in &chosen {
                let OldLine { at, len, .. } = old.lines[line];
                let mut text = vec![0; len as usize];
                f.seek(SeekFrom::Start(at))?;
                f.read_exact(&mut text)?;
                texts.push(String::from_utf8(text).unwrap_or_default());
            }
            Ok(())
        });
        if let Err(e) = read {
            run.warnings
                .push(self.warning(0, format!("cannot read the cache: {e}")));
            return;
        }
        let decoded: Vec<Result<(u128, Vec<FileResult>), serde_json::Error>> = chosen
            .par_iter()
            .zip(&texts)
            .map(|(&(_, files), text)| {
                let (stat, json) = parse_line(text).map_or((NO_STAT, ""), |(_, s, j)| (s, j));
                let items = decode(json)?;
                let mut results = Vec::with_capacity(files.len());
                if let Some((&last, rest)) = files.split_last() {
                    for &i in rest {
                        results.push(keep(i, Ok(items.clone())));
                    }
                    results.push(keep(last, Ok(items)));
                }
                Ok((stat, results))
            })
            .collect();
        for ((line, files), decoded) in chosen.into_iter().zip(decoded) {
            match decoded {
                Ok((stat, results)) => {
                    // Written again with the first file's metadata.
                    let now = stats[files[0]];
                    old.lines[line].used = if now == stat {
                        Used::AsItIs
                    } else {
                        old.restamped.insert(line, now);
                        Used::Restamped
                    };
                    for (&i, result) in files.iter().zip(results) {
                        slots[i] = Some(result);
                    }
                }
                Err(e) => run.warnings.push(self.warning(
                    line_no(line),
                    format!("expected the releases of one file as JSON: {e}: ingested afresh"),
                )),
            }
        }
    }

    /// Where the new lines go: appended to the old cache when all of it
    /// stays as it is, else a new cache that starts with the header and the
    /// old entries still used.
    fn start_writing(&self, old: Option<&OldCache>) -> Writing {
        if old.is_some_and(OldCache::stays_as_it_is) {
            return Writing {
                to: To::End(self.path.clone()),
                out: None,
                failed: None,
            };
        }
        let tmp = self.path.with_extension("new");
        let started = File::create(&tmp).and_then(|f| {
            let mut w = BufWriter::new(f);
            writeln!(w, "{HEADER} {VERSION} {}", self.fingerprint)?;
            if let Some(old) = old {
                old.copy_used(&self.path, &mut w)?;
            }
            Ok(w)
        });
        match started {
            Ok(w) => Writing {
                to: To::Beside(tmp),
                out: Some(w),
                failed: None,
            },
            Err(e) => Writing {
                to: To::Beside(tmp),
                out: None,
                failed: Some(e),
            },
        }
    }

    fn finish(&self, writing: Writing, run: &mut CachedRun) {
        let Writing { to, out, failed } = writing;
        let done = match failed {
            Some(e) => Err(e),
            None => out.map_or(Ok(()), |w| {
                w.into_inner()
                    .map_err(|e| e.into_error())
                    .and_then(|f| f.sync_all())
                    .and_then(|_| match &to {
                        To::Beside(tmp) => std::fs::rename(tmp, &self.path),
                        To::End(_) => Ok(()),
                    })
            }),
        };
        if let Err(e) = done {
            if let To::Beside(tmp) = &to {
                let _ = std::fs::remove_file(tmp);
            }
            run.warnings
                .push(self.warning(0, format!("cannot write the cache: {e}")));
        }
    }

    fn warning(&self, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.path.display().to_string(), line, message)
    }
}

/// The files of a run that are extracted afresh, and what their extraction
/// needs.
struct Fresh<'a> {
    files: &'a [InputFile],
    stats: &'a [u128],
    extract: Extract<'a>,
    progress: Progress<'a>,
    keep: Keep<'a>,
    /// Files done so far, of every kind.
    done: AtomicUsize,
}

impl Fresh<'_> {
    /// Extracts the files `fresh`, on every core, a batch of files at a
    /// time: each result's line is made on its thread and written, in input
    /// order, as its batch ends. Collected whole, the lines of a first build
    /// of a million files held 3 GB (the build's peak was 5 GB).
    fn extract(&self, fresh: &[usize], slots: &mut [Option<FileResult>], writing: &mut Writing) {
        let (files, stats, total) = (self.files, self.stats, self.files.len());
        let (extract, progress, keep, done) = (self.extract, self.progress, self.keep, &self.done);
        // Files of one key (the same source and bytes) write one line: the first's.
        let mut written: HashSet<u128> = HashSet::new();
        for batch in fresh.chunks(BATCH_FILES) {
            let extracted: Vec<Extracted> = batch
                .par_iter()
                .map(|&i| {
                    let file = &files[i];
                    let (result, k) = match read_file(&file.path, &file.source) {
                        Ok(bytes) => (extract(file, &bytes), Some(key(&file.source, &bytes))),
                        Err(e) => (Err(e), None),
                    };
                    let line = match (&result, k) {
                        (Ok(items), Some(k)) => serde_json::to_string(items)
                            .ok()
                            .map(|json| (k, format!("{k:032x}\t{:032x}\t{json}", stats[i]))),
                        _ => None,
                    };
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                    (i, keep(i, result), line)
                })
                .collect();
            for (i, result, line) in extracted {
                if let Some((k, line)) = line {
                    if written.insert(k) {
                        write_line(writing, line.as_bytes());
                    }
                }
                slots[i] = Some(result);
            }
        }
    }
}

impl CachedRun {
    /// The results in input order (a slot never filled: no releases), and
    /// the files' stat keys.
    fn finish(&mut self, slots: Vec<Option<FileResult>>, stats: Vec<u128>) {
        self.results = slots
            .into_iter()
            .map(|s| s.unwrap_or_else(|| Ok(Vec::new())))
            .collect();
        self.stats = stats;
    }
}

/// A file extracted afresh: its number, its result, and its cache line with
/// the content key it starts with.
type Extracted = (usize, FileResult, Option<(u128, String)>);

/// The line number of the old cache's entry `line` (the header is line 1).
fn line_no(line: usize) -> usize {
    line + 2
}

/// The old cache as this run found it.
struct OldCache {
    lines: Vec<OldLine>,
    /// The entries that no file claimed by its stat key, by content key: a
    /// file changed in its metadata only may claim one by its bytes.
    unclaimed: HashMap<u128, usize>,
    /// The new stat keys of the entries [`Used::Restamped`].
    restamped: HashMap<usize, u128>,
    /// Read to its end, and its last line ended: new lines may follow it.
    whole: bool,
}

impl OldCache {
    /// Every entry is used as it is.
    fn stays_as_it_is(&self) -> bool {
        self.whole && self.lines.iter().all(|l| l.used == Used::AsItIs)
    }

    /// Copies the entries still used into `w`, in their order, each with the
    /// stat key this run found for its file.
    fn copy_used(&self, path: &Path, w: &mut impl Write) -> std::io::Result<()> {
        let mut reader = BufReader::new(File::open(path)?);
        let mut text = Vec::new();
        reader.read_until(b'\n', &mut text)?; // The header.
        for (n, line) in self.lines.iter().enumerate() {
            text.clear();
            reader.read_until(b'\n', &mut text)?;
            let text = text.strip_suffix(b"\n").unwrap_or(&text);
            if text.len() != line.len as usize {
                return Err(std::io::Error::other("the cache changed while it was read"));
            }
            match (line.used, self.restamped.get(&n)) {
                (Used::No, _) => continue,
                (Used::Restamped, Some(stat)) if text.len() > 66 => {
                    w.write_all(&text[..33])?;
                    write!(w, "{stat:032x}")?;
                    w.write_all(&text[65..])?;
                }
                _ => w.write_all(text)?,
            }
            w.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// Where this run writes its new lines.
enum To {
    /// At the end of the old cache, every entry of which stays (opened with
    /// the first new line: nothing is written when nothing changed).
    End(PathBuf),
    /// A new cache beside the old one, renamed over it at the end.
    Beside(PathBuf),
}

struct Writing {
    to: To,
    out: Option<BufWriter<File>>,
    /// The first write that failed: nothing is written after it, and the
    /// new cache is not renamed over the old.
    failed: Option<std::io::Error>,
}

fn write_line(writing: &mut Writing, line: &[u8]) {
    if writing.failed.is_some() {
        return;
    }
    if writing.out.is_none() {
        if let To::End(path) = &writing.to {
            match std::fs::OpenOptions::new().append(true).open(path) {
                Ok(f) => writing.out = Some(BufWriter::new(f)),
                Err(e) => writing.failed = Some(e),
            }
        }
    }
    if let Some(w) = writing.out.as_mut() {
        if let Err(e) = w.write_all(line).and_then(|_| w.write_all(b"\n")) {
            writing.failed = Some(e);
        }
    }
}

/// One file's releases, from their JSON in the cache.
fn decode(json: &str) -> Result<Vec<Ingested>, serde_json::Error> {
    let mut items = serde_json::from_str::<Vec<Ingested>>(json)?;
    // Decoded with room for four releases (serde grows the vector from
    // empty), it is kept until packing: 2 KB more per file, 1.9 GB at a
    // million.
    items.shrink_to_fit();
    Ok(items)
}

/// `(content key, stat key, JSON)` of a cache line.
fn parse_line(line: &str) -> Option<(u128, u128, &str)> {
    let (content, rest) = line.split_once('\t')?;
    let (stat, json) = rest.split_once('\t')?;
    if content.len() != 32 || stat.len() != 32 {
        return None;
    }
    let hex = |s: &str| u128::from_str_radix(s, 16).ok();
    Some((hex(content)?, hex(stat)?, json))
}

/// The fingerprint of a build: a hash of the file at `exe` (the running
/// binary), so that any change to the extractors invalidates the cache.
pub fn fingerprint_of(exe: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(exe)?;
    Ok(format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::corpus::ingest_file;
    use crate::ingest::ingest_bytes;
    use crate::ingest::temp_dir::TempDir;

    /// The inputs `names` in `dir`, each its own source.
    fn inputs(dir: &TempDir, names: &[&str]) -> Vec<InputFile> {
        names
            .iter()
            .map(|n| InputFile {
                path: dir.0.join(n),
                display: n.to_string(),
                source: n.to_string(),
            })
            .collect()
    }

    /// A folder holding a release per `(file, place)`, and a cache in it.
    fn folder(name: &str, releases: &[(&str, &str)]) -> (TempDir, Cache) {
        let dir = TempDir::new(&format!("cache-{name}"));
        for (file, place) in releases {
            dir.write(file, &release(place));
        }
        let cache = Cache {
            path: dir.0.join("build.cache"),
            fingerprint: "test".into(),
        };
        (dir, cache)
    }

    fn release(place: &str) -> Vec<u8> {
        format!("Ministers meet in {place}\n\n{place}, 3 February 2020 - Kenya and UNODC met.\n")
            .into_bytes()
    }

    /// One run that meets no problem with the cache: (files from the cache,
    /// files read to compare, files extracted).
    fn run(
        cache: &Cache,
        files: &[InputFile],
        trusted_before: SystemTime,
    ) -> (usize, usize, usize) {
        let (counts, warnings) = run_warned(cache, files, trusted_before);
        assert!(warnings.is_empty(), "{warnings:?}");
        counts
    }

    /// One run, and the problems it met with the cache; its results are
    /// those of extraction, file for file.
    fn run_warned(
        cache: &Cache,
        files: &[InputFile],
        trusted_before: SystemTime,
    ) -> ((usize, usize, usize), Vec<Diagnostic>) {
        let extracted = AtomicUsize::new(0);
        let extract = |f: &InputFile, bytes: &[u8]| {
            extracted.fetch_add(1, Ordering::Relaxed);
            ingest_bytes(&f.source, &f.path, bytes)
        };
        let run = cache.run_trusting(files, &extract, &|_, _| {}, &|_, r| r, trusted_before);
        let titles: Vec<String> = run
            .results
            .iter()
            .map(|r| r.as_ref().unwrap()[0].release.title.clone())
            .collect();
        let fresh: Vec<String> = files
            .iter()
            .map(|f| {
                ingest_file(&f.path, &f.source).unwrap()[0]
                    .release
                    .title
                    .clone()
            })
            .collect();
        assert_eq!(titles, fresh, "the cache gives what extraction gives");
        (
            (run.hits, run.compared, extracted.into_inner()),
            run.warnings,
        )
    }

    fn set_modified(path: &Path, seconds_ago: u64) {
        let file = File::options().write(true).open(path).unwrap();
        let when = SystemTime::now() - Duration::from_secs(seconds_ago);
        file.set_modified(when).unwrap();
    }

    #[test]
    fn files_added_join_a_cache_of_this_build_unread_and_leave_any_other_alone() {
        let (dir, cache) = folder("added", &[("a.txt", "Nairobi"), ("b.txt", "Vienna")]);
        let trusted = SystemTime::now() + Duration::from_secs(3600);
        assert_eq!(run(&cache, &inputs(&dir, &["a.txt"]), trusted), (0, 0, 1));
        let first = std::fs::read_to_string(&cache.path).unwrap();
        let extract = |f: &InputFile, bytes: &[u8]| ingest_bytes(&f.source, &f.path, bytes);
        let added = |cache: &Cache| {
            cache.run_added(&inputs(&dir, &["b.txt"]), &extract, &|_, _| {}, &|_, r| r)
        };
        // b's entry follows a's, which is neither read nor written again;
        // b's result is its extraction's.
        let run = added(&cache);
        assert!(run.warnings.is_empty(), "{:?}", run.warnings);
        let title = |run: &CachedRun| run.results[0].as_ref().unwrap()[0].release.title.clone();
        assert_eq!(title(&run), "Ministers meet in Vienna");
        let now = std::fs::read_to_string(&cache.path).unwrap();
        assert!(now.starts_with(&first) && now.lines().count() == 3, "{now}");
        // A full run then takes both from the cache (b by its bytes: its
        // times are not trusted at the first run's moment).
        let ab = inputs(&dir, &["a.txt", "b.txt"]);
        assert_eq!(self::run(&cache, &ab, trusted).2, 0);

        // A cache of another build, a cut-short one, or none: left as it
        // is, with a warning; the results are still the files'.
        let other = Cache {
            fingerprint: "another".into(),
            ..cache.clone()
        };
        let cut = now.trim_end_matches('\n');
        for (what, text) in [
            ("another build's", Some(now.as_str())),
            ("cut short", Some(cut)),
            ("none", None),
        ] {
            let cache = if what == "another build's" {
                &other
            } else {
                &cache
            };
            match text {
                Some(text) => std::fs::write(&cache.path, text).unwrap(),
                None => std::fs::remove_file(&cache.path).unwrap(),
            }
            let run = added(cache);
            assert_eq!(title(&run), "Ministers meet in Vienna", "{what}");
            assert_eq!(run.warnings.len(), 1, "{what}: {:?}", run.warnings);
            assert_eq!(
                std::fs::read_to_string(&cache.path).ok().as_deref(),
                text,
                "{what}"
            );
        }
    }

    #[test]
    fn files_whose_metadata_is_unchanged_are_taken_unread_and_new_entries_appended() {
        let (dir, cache) = folder("stat", &[("a.txt", "Nairobi"), ("b.txt", "Vienna")]);
        // Every file's times are trusted: as if the files were old.
        let trusted = SystemTime::now() + Duration::from_secs(3600);
        let ab = inputs(&dir, &["a.txt", "b.txt"]);
        // A first build reads each file once, to extract it: nothing to compare.
        assert_eq!(run(&cache, &ab, trusted), (0, 0, 2));
        let first = std::fs::read_to_string(&cache.path).unwrap();
        assert_eq!(first.lines().count(), 3);
        assert!(first.lines().skip(1).all(|l| l[33..65] != "0".repeat(32)));

        // Nothing changed: nothing read, nothing extracted, nothing written.
        assert_eq!(run(&cache, &ab, trusted), (2, 0, 0));
        assert_eq!(std::fs::read_to_string(&cache.path).unwrap(), first);

        // A new file is read and extracted (every entry being taken, there is
        // none it could match); its entry follows the others.
        dir.write("c.txt", &release("Lima"));
        let abc = inputs(&dir, &["a.txt", "b.txt", "c.txt"]);
        assert_eq!(run(&cache, &abc, trusted), (2, 0, 1));
        let appended = std::fs::read_to_string(&cache.path).unwrap();
        assert!(appended.starts_with(&first), "appended, not rewritten");
        assert_eq!(appended.lines().count(), 4);

        // Touched (new times, same bytes): read, found by its bytes, not
        // extracted; its entry is written again with its new times.
        set_modified(&dir.0.join("a.txt"), 60);
        assert_eq!(run(&cache, &abc, trusted), (3, 1, 0));
        let touched = std::fs::read_to_string(&cache.path).unwrap();
        assert_eq!(touched.lines().count(), 4);
        let a_line = |text: &str| text.lines().nth(1).unwrap().to_string();
        assert_eq!(a_line(&touched)[..33], a_line(&appended)[..33]);
        assert_ne!(a_line(&touched)[33..65], a_line(&appended)[33..65]);
        assert_eq!(a_line(&touched)[65..], a_line(&appended)[65..]);
        assert_eq!(run(&cache, &abc, trusted), (3, 0, 0));

        // Changed bytes: extracted again; the old entry leaves the cache, as
        // does a removed file's.
        dir.write("b.txt", &release("Quito"));
        assert_eq!(run(&cache, &abc, trusted), (2, 1, 1));
        assert_eq!(
            std::fs::read_to_string(&cache.path)
                .unwrap()
                .lines()
                .count(),
            4
        );
        let ac = inputs(&dir, &["a.txt", "c.txt"]);
        assert_eq!(run(&cache, &ac, trusted), (2, 0, 0));
        let text = std::fs::read_to_string(&cache.path).unwrap();
        assert_eq!(text.lines().count(), 3);
        assert!(
            !text.contains("Vienna") && !text.contains("Quito"),
            "{text}"
        );
    }

    #[test]
    fn a_file_changed_too_recently_is_compared_by_its_bytes() {
        let (dir, cache) = folder("racy", &[("a.txt", "Nairobi")]);
        let a = inputs(&dir, &["a.txt"]);
        // Changed after the moment from which times are trusted: no stat key.
        let racy = SystemTime::now() - Duration::from_secs(3600);
        assert_eq!(run(&cache, &a, racy), (0, 0, 1));
        let first = std::fs::read_to_string(&cache.path).unwrap();
        assert_eq!(&first.lines().nth(1).unwrap()[33..65], "0".repeat(32));
        // So it is read every time, and its entry still serves.
        assert_eq!(run(&cache, &a, racy), (1, 1, 0));
        assert_eq!(std::fs::read_to_string(&cache.path).unwrap(), first);
        // Rewritten within the same tick of the clock with its old times, a
        // file keeps its stat key; written with no stat key, it is never
        // taken unread.
        dir.write("a.txt", &release("Nakuru"));
        assert_eq!(run(&cache, &a, racy), (0, 1, 1));
        // Once its times can be trusted, it gets its stat key, and is then
        // taken unread.
        let trusted = SystemTime::now() + Duration::from_secs(3600);
        assert_eq!(run(&cache, &a, trusted), (1, 1, 0));
        assert_eq!(run(&cache, &a, trusted), (1, 0, 0));
    }

    #[test]
    fn a_cut_or_damaged_cache_is_written_afresh() {
        let (dir, cache) = folder("cut", &[("a.txt", "Nairobi"), ("b.txt", "Vienna")]);
        let trusted = SystemTime::now() + Duration::from_secs(3600);
        let ab = inputs(&dir, &["a.txt", "b.txt"]);
        run(&cache, &ab, trusted);
        let whole = std::fs::read_to_string(&cache.path).unwrap();
        // The last entry cut short (a build stopped while appending it).
        std::fs::write(&cache.path, &whole[..whole.len() - 10]).unwrap();
        let ((hits, _, extracted), warnings) = run_warned(&cache, &ab, trusted);
        assert_eq!((hits, extracted), (1, 1));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0]
                .message
                .contains("expected the releases of one file as JSON"),
            "{warnings:?}"
        );
        assert_eq!(warnings[0].line, 3);
        assert_eq!(std::fs::read_to_string(&cache.path).unwrap(), whole);
    }
}
