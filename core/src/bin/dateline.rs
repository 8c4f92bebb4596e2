//! The `dateline` command-line tool: a thin shell over `dateline_core::ingest`.
//!
//! Arguments are parsed with `lexopt` (`args.rs`); `stats` renders in
//! `stats.rs`. Every message about a file is `path:line: error|warning: ...`
//! (or `path: ...` when no line applies) with the path as the user gave it;
//! messages about the run itself start with `dateline: `.

#[path = "dateline/args.rs"]
mod args;

// Extraction allocates many small strings: mimalloc makes ingest faster than
// the system allocator (measured in BENCHMARKS.md, "Build").
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: dateline_core::alloc::Mimalloc = dateline_core::alloc::Mimalloc;

#[path = "dateline/append.rs"]
mod append;
#[path = "dateline/stats.rs"]
mod stats;

use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dateline_core::ingest::cache::{self, Cache};
use dateline_core::ingest::corpus::{self, Corpus};
use dateline_core::ingest::ids::Previous;
use dateline_core::ingest::spill::{Place, Spill};
use dateline_core::ingest::{Diagnostic, IngestError, Severity};
use dateline_core::pack::Outline;
use dateline_core::{PartialDate, Release};

use args::{Command, PackSource, UsageError};

const USAGE: &str = "\
dateline: press releases into structured records

USAGE:
    dateline ingest PATHS... [--json] [--pretty]
        Print the records as a JSON array on stdout (--pretty: indented);
        without --json, one `id<TAB>date<TAB>title` line per release.
        Warnings and errors go to stderr; exit 1 when a file was rejected.
    dateline check PATHS... [--previous DIR [--strict]]
        Print every problem as `file:line: error|warning: message` and a
        summary; exit 1 when there are errors. --previous DIR (the data
        folder of an earlier `dateline pack`) warns for each release whose
        id changed since that build; --strict makes that an error.
    dateline stats PATHS...
        Summarise a corpus: releases, releases per year, top countries,
        organisations, people and topics.
    dateline generate --count N [--seed S] --out DIR [--force]
        Write N synthetic releases (deterministic for a given seed) into
        DIR, which must be new or empty; --force first removes the releases
        an earlier `generate` wrote there (other files are left alone).
    dateline feed PATHS... --base URL --out FILE
        Write the Atom feed of the newest releases; links are URL + release/ID.
        URL is an absolute http(s) URL; --out - writes to standard output.
    dateline pack PATHS... --out DIR [--feed FILE] [--sitemap DIR2] [--base URL]
                  [--previous DIR] [--cache FILE]
    dateline pack --records FILE.json --out DIR [--feed FILE] [--sitemap DIR2] [--base URL]
        Write the data folder the app downloads: index.bin, l/N.bin (the
        list records, 512 releases per file past 5,000), r/N.bin (full
        records, 64 per file), t/N.bin and p/N.bin (the postings and the
        word positions, in pieces), replacing what DIR held.
        PATHS are ingested (exit 1 when a file is rejected); --records reads
        records already ingested (`dateline ingest --json`). --feed also
        writes the Atom feed from the same ingest (--base: an absolute
        http(s) URL, or the site's path such as /dateline/). --sitemap DIR2
        writes robots.txt there and, when --base is an absolute URL,
        sitemap.xml (an index of sitemap-N.xml past 50,000 URLs). --previous DIR
        (an earlier build's data folder, possibly DIR itself) keeps the id
        each release had there. --cache FILE keeps each file's extracted
        records, keyed by a hash of its path and bytes: a rebuild extracts
        only new and changed files (FILE is rewritten with the current
        files; a cache from another build of dateline is ignored).
    dateline add PATHS... --out DIR [--feed FILE --base URL]
        Append the releases of PATHS to the data folder DIR that `dateline
        pack` wrote (of more than 5,000 releases), without packing it again:
        they are numbered after the others, and only the files they change
        are written (index.bin, d/, f/, ta/ and pa/, the last l/ and r/
        files and those after them). A new release with the date and title
        of one in DIR gets a twin's id, with a warning; one whose explicit
        id DIR has already is refused, and nothing is written. The next
        whole pack numbers every release afresh. --feed writes the Atom feed
        again, as pack's. `pack --cache` appends by itself when files were
        only added since its last build into DIR, and leaves DIR as it is
        when none was added, changed or removed.
    dateline --help | --version

PATHS are files or folders (walked recursively, symbolic links followed,
hidden entries skipped). Only .txt, .md, .markdown and .json files (any case)
are read; others are named in a warning and skipped. An output (--out,
--feed) inside an input folder is refused. Usage errors exit with status 2.";

/// Report progress every this many files (when stderr is a terminal or the corpus is large).
const PROGRESS_EVERY: usize = 1000;

fn main() -> ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    dateline_core::alloc::return_freed_memory_soon();
    match args::parse(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("dateline {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(command) => run(command),
        Err(UsageError(message)) => {
            eprintln!("dateline: {message}\nTry `dateline --help`.");
            ExitCode::from(2)
        }
    }
}

/// `1 release`, `2 releases`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

fn run(command: Command) -> ExitCode {
    match command {
        Command::Help | Command::Version => ExitCode::SUCCESS,
        Command::Ingest {
            paths,
            json,
            pretty,
        } => run_ingest(&paths, json, pretty),
        Command::Check {
            paths,
            previous,
            strict,
        } => run_check(&paths, previous.as_deref(), strict),
        Command::Stats { paths } => run_stats(&paths),
        Command::Generate {
            count,
            seed,
            out,
            force,
        } => run_generate(count, seed, &out, force),
        Command::Pack {
            source,
            out,
            feed,
            sitemap,
            previous,
            cache,
        } => run_pack(source, &out, feed, sitemap, previous.as_deref(), cache),
        Command::Feed { paths, base, out } => run_feed(&paths, &base, &out),
        Command::Add { paths, out, feed } => append::run_add(&paths, &out, feed),
    }
}

/// `robots.txt` in `dir`, and the sitemap files when `base` is an absolute
/// URL (a sitemap lists absolute URLs only).
fn write_sitemap<'a>(
    releases: impl IntoIterator<Item = (&'a str, Option<PartialDate>)>,
    dir: &Path,
    base: &str,
) -> std::io::Result<()> {
    use dateline_core::sitemap;
    let absolute = base.starts_with("https://") || base.starts_with("http://");
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join("robots.txt"),
        sitemap::robots(absolute.then_some(base)),
    )?;
    if absolute {
        for (name, xml) in sitemap::sitemaps(releases, base) {
            std::fs::write(dir.join(name), xml)?;
        }
    }
    Ok(())
}

fn run_feed(paths: &[PathBuf], base: &str, out: &Path) -> ExitCode {
    let corpus = load(paths, None, None, None);
    print_diagnostics(&corpus.diagnostics);
    if corpus.rejected > 0 {
        return rejected(corpus.rejected);
    }
    let xml = dateline_core::feed::atom(
        &corpus.releases,
        dateline_core::feed::FEED_TITLE,
        base,
        None,
        dateline_core::feed::FEED_LIMIT,
    );
    let n = xml.matches("<entry>").count();
    if let Err(e) = dateline_core::feed::write_output(out, xml.as_bytes()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("{}: error: cannot write: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let to = if out == Path::new("-") {
        "standard output".to_string()
    } else {
        out.display().to_string()
    };
    eprintln!("dateline: wrote {} to {to}", plural(n, "entry", "entries"));
    ExitCode::SUCCESS
}

/// The message after files were rejected; exit 1.
fn rejected(n: usize) -> ExitCode {
    let (what, them) = if n == 1 {
        ("1 release file or folder could not be read", "it")
    } else {
        ("release files or folders could not be read", "them")
    };
    let count = if n == 1 {
        String::new()
    } else {
        format!("{n} ")
    };
    eprintln!("dateline: {count}{what}; fix {them} or remove {them}");
    ExitCode::FAILURE
}

/// The ids of an earlier build, or the error printed.
fn previous_build(dir: &Path) -> Result<Previous, ExitCode> {
    corpus::read_previous(dir).map_err(|e| {
        eprintln!("{e}");
        ExitCode::FAILURE
    })
}

fn run_pack(
    source: PackSource,
    out: &Path,
    feed: Option<(PathBuf, String)>,
    sitemap: Option<(PathBuf, String)>,
    previous: Option<&Path>,
    cache: Option<PathBuf>,
) -> ExitCode {
    // The build cache keeps files' records: of use to releases read from files.
    let cache = cache.filter(|_| matches!(source, PackSource::Paths(_)));
    let cache = match cache.map(|file| build_cache(&file)).transpose() {
        Ok(cache) => cache,
        Err(code) => return code,
    };
    // Files only added since the build the cache's record is of: appended
    // to its data rather than every release packed again (the releases
    // there keep their ids: no previous build is read).
    let mut walked = None;
    if let (PackSource::Paths(paths), Some(cache)) = (&source, &cache) {
        let sitemap = sitemap.as_ref();
        match append::pack_by_appending(paths, out, cache, feed.as_ref(), sitemap) {
            Ok(code) => return code,
            Err(inputs) => walked = inputs,
        }
    }
    let previous = match previous.map(previous_build).transpose() {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut stats = Vec::new();
    // Records read from files wait on disk, beside the output, until packed;
    // memory holds their summaries (see `ingest::spill`).
    let spill = match &source {
        PackSource::Paths(_) => match spill_beside(out) {
            Ok(spill) => Some(spill),
            Err(e) => {
                eprintln!(
                    "{}: warning: cannot write beside it: {e}: the records are kept in memory",
                    out.display()
                );
                None
            }
        },
        PackSource::Records(_) => None,
    };
    let releases = match source {
        PackSource::Paths(paths) => {
            let inputs = walked.unwrap_or_else(|| corpus::collect(&paths));
            let mut corpus = load_inputs(inputs, previous.as_ref(), cache.as_ref(), spill.as_ref());
            stats = std::mem::take(&mut corpus.stats);
            print_diagnostics(&corpus.diagnostics);
            if cache.is_some() {
                eprintln!(
                    "dateline: {} of {} from the build cache; {} read to compare with it",
                    corpus.cached,
                    plural(corpus.files, "file", "files"),
                    corpus.compared
                );
            }
            if corpus.rejected > 0 {
                return rejected(corpus.rejected);
            }
            corpus.releases
        }
        PackSource::Records(file) => match read_records(&file) {
            Ok(releases) => releases,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let places = match spill.as_ref().map(Spill::places).transpose() {
        Ok(places) => places.unwrap_or_default(),
        Err(e) => {
            eprintln!("dateline: error: cannot write the records to disk: {e}");
            return ExitCode::FAILURE;
        }
    };
    if spill.is_some() && places.len() != releases.len() {
        // Every kept release passed through the spill: a mismatch would pair
        // summaries with other releases' records.
        eprintln!(
            "dateline: error: {} records on disk for {} releases; nothing written",
            places.len(),
            releases.len()
        );
        return ExitCode::FAILURE;
    }
    // The summaries (or whole records) newest first, as numbers: sorting
    // them paired with their places copied every one (0.5 GB at a million).
    let mut releases = releases;
    // Sorted as keys side by side, on every core: the ids are unique by
    // now, so the order is total and needs no stable sort.
    let order: Vec<usize> = {
        use rayon::slice::ParallelSliceMut;
        let mut keys: Vec<(_, usize)> = releases
            .iter()
            .enumerate()
            .map(|(i, r)| (dateline_core::pack::newest_first_key(r), i))
            .collect();
        keys.par_sort_unstable();
        keys.into_iter().map(|(_, i)| i).collect()
    };
    // From here on, what packing needs before each whole record (the
    // outline), and each release's id and place: a summary is let go as
    // soon as it is read (a million of them were 1.1 GB of the peak).
    let mut outline = Outline::default();
    let kept: Vec<Kept> = order
        .into_iter()
        .map(|i| {
            let release = std::mem::take(&mut releases[i]);
            outline.push(&release);
            Kept::new(release, places.get(i).copied().unwrap_or(Place::Memory))
        })
        .collect();
    drop(releases);
    if let Some((dir, base)) = &sitemap {
        let pages = kept.iter().map(Kept::id).zip(outline.dates.iter().copied());
        if let Err(e) = write_sitemap(pages, dir, base) {
            eprintln!("{}: error: cannot write: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    let n = kept.len();
    let feed_file = feed.as_ref().map(|(file, _)| file.as_path());
    let feed_base = feed.as_ref().map(|(_, base)| base.as_str());
    let mut reader = match spill.as_ref().map(Spill::reader).transpose() {
        Ok(reader) => reader,
        Err(e) => {
            eprintln!("dateline: error: cannot read the records back from disk: {e}");
            return ExitCode::FAILURE;
        }
    };
    let full = |i: usize| match (&kept[i], &mut reader) {
        (Kept::Whole(release), _) => Ok(Cow::Borrowed(&**release)),
        (Kept::Spilled { id, place }, Some(reader)) => reader
            .full(*place, id)
            .map(Cow::Owned)
            .map_err(WriteError::ReadBack),
        (Kept::Spilled { .. }, None) => Err(WriteError::ReadBack(std::io::Error::other(
            "a record on disk with no spill file",
        ))),
    };
    match write_site(outline, full, out, feed_file.zip(feed_base)) {
        Ok(bytes) => {
            eprintln!(
                "dateline: packed {} into {} ({})",
                plural(n, "release", "releases"),
                out.display(),
                plural(bytes, "byte", "bytes")
            );
            if let Some(cache) = &cache {
                append::record(out, cache, stats);
            }
            ExitCode::SUCCESS
        }
        Err(WriteError::File(path, e)) => {
            eprintln!("{}: error: cannot write: {e}", path.display());
            ExitCode::FAILURE
        }
        Err(WriteError::ReadBack(e)) => {
            eprintln!("dateline: error: cannot read the records back from disk: {e}");
            ExitCode::FAILURE
        }
        Err(WriteError::WriterStopped) => {
            eprintln!("dateline: error: the writing of the files stopped");
            ExitCode::FAILURE
        }
    }
}

/// A release while `dateline pack` packs it: its id (given after ingest)
/// and its record's place on disk, or its whole record where it was not
/// spilled.
enum Kept {
    Spilled { id: Box<str>, place: Place },
    Whole(Box<Release>),
}

impl Kept {
    fn new(release: Release, place: Place) -> Kept {
        match place {
            Place::Disk { .. } => Kept::Spilled {
                id: release.id.into_boxed_str(),
                place,
            },
            Place::Memory => Kept::Whole(Box::new(release)),
        }
    }

    fn id(&self) -> &str {
        match self {
            Kept::Spilled { id, .. } => id,
            Kept::Whole(release) => &release.id,
        }
    }
}

/// A spill file in the folder that holds `out` (created if need be).
fn spill_beside(out: &Path) -> std::io::Result<Spill> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    Spill::create(dir)
}

/// The build cache at `file`, for the extractors of this very binary.
fn build_cache(file: &Path) -> Result<Cache, ExitCode> {
    let exe = std::env::current_exe().and_then(|exe| cache::fingerprint_of(&exe));
    match exe {
        Ok(fingerprint) => Ok(Cache {
            path: file.to_path_buf(),
            fingerprint,
        }),
        Err(e) => {
            eprintln!("dateline: error: cannot read its own binary to key the cache: {e}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// Records as `dateline ingest --json` prints them; a mistake names its line.
fn read_records(file: &Path) -> Result<Vec<Release>, IngestError> {
    let shown = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|e| IngestError {
        file: shown.clone(),
        line: 0,
        message: format!("cannot read: {e}"),
    })?;
    serde_json::from_str(&text).map_err(|e| IngestError {
        file: shown,
        line: e.line().max(1),
        message: format!("expected an array of release records: {e}"),
    })
}

/// Replaces the data folder `out` with the packed files, and writes the
/// feed to its file (`feed`: file, base URL): the files of
/// [`dateline_core::pack::site_files_sorted`] for the corpus of `outline`
/// (newest first) and `full(i)` (the whole record of the i-th),
/// each written as soon as it is made. Returns the bytes written to the
/// data folder, or why it stopped.
fn write_site<'a>(
    outline: Outline,
    full: impl FnMut(usize) -> Result<Cow<'a, Release>, WriteError> + Send,
    out: &Path,
    feed: Option<(&Path, &str)>,
) -> Result<usize, WriteError> {
    use dateline_core::pack::{DATA_FOLDER, FEED_FILE};
    let at = |path: &Path| {
        let path = path.to_path_buf();
        move |e| WriteError::File(path, e)
    };
    for old in ["list.bin", "index.bin", "positions.bin"] {
        match std::fs::remove_file(out.join(old)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(WriteError::File(out.join(old), e))
            }
            _ => {}
        }
    }
    // `positions.bin` and `list.bin` are the files the pieces replaced; the
    // folders hold the chunks, the list's, the dictionary's, the postings'
    // and the positions' pieces, and the facets.
    // The appended documents' pieces (`dateline add`, `ta` and `pa`) go
    // too: this build has none.
    for dir in ["r", "l", "d", "t", "p", "f", "ta", "pa"] {
        match std::fs::remove_dir_all(out.join(dir)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(WriteError::File(out.join(dir), e))
            }
            _ => {}
        }
    }
    for dir in ["r", "l", "d", "t", "p", "f"] {
        std::fs::create_dir_all(out.join(dir)).map_err(at(out))?;
    }
    let mut bytes = 0;
    let data_prefix = format!("{DATA_FOLDER}/");
    let gzip = dateline_core::pack::Encoding::Gzip;
    let base = feed.map(|(_, base)| base);
    std::thread::scope(|scope| {
        let (to_writer, writer) = file_writer(scope);
        let packed = dateline_core::pack::site_files_sorted(outline, full, base, gzip, |file| {
            if let Some(rel) = file.path.strip_prefix(&data_prefix) {
                bytes += file.bytes.len();
                let path = out.join(rel);
                // A send fails only once the writer has stopped at an error,
                // which `join` below returns in this one's place.
                to_writer
                    .send((path, file.bytes))
                    .map_err(|_| WriteError::WriterStopped)
            } else if let (Some((feed_file, _)), FEED_FILE) = (feed, file.path.as_str()) {
                dateline_core::feed::write_output(feed_file, &file.bytes).map_err(at(feed_file))
            } else {
                Ok(())
            }
        });
        drop(to_writer);
        let written = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        // The first cause: packing's own error, unless it stopped because
        // the writer had.
        match packed {
            Err(WriteError::WriterStopped) | Ok(()) => written.and(packed),
            Err(e) => Err(e),
        }
    })?;
    Ok(bytes)
}

/// A file's path and bytes.
type FileToWrite = (PathBuf, Vec<u8>);

/// Files written on a thread of their own, in the order sent: creating a
/// file costs the packing thread, whose work bounds the build's, 0.2 to 0.4
/// ms each (ext4 looks past the inodes of the files just deleted), about
/// 2,000 files at 100k. Stops at the first file that cannot be written.
fn file_writer<'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
) -> (
    std::sync::mpsc::SyncSender<FileToWrite>,
    std::thread::ScopedJoinHandle<'scope, Result<(), WriteError>>,
) {
    // Files waiting at most: pieces of at most a few MB each.
    const WAITING: usize = 8;
    let (send, files) = std::sync::mpsc::sync_channel::<FileToWrite>(WAITING);
    let writer = scope.spawn(move || {
        for (path, bytes) in files {
            if let Err(e) = std::fs::write(&path, &bytes) {
                return Err(WriteError::File(path, e));
            }
        }
        Ok(())
    });
    (send, writer)
}

/// Why `write_site` stopped: a file that could not be written, or records
/// that could not be read back from the spill file.
enum WriteError {
    File(PathBuf, std::io::Error),
    ReadBack(std::io::Error),
    /// The files' writer stopped (at a `File` error, which is reported).
    WriterStopped,
}

fn run_ingest(paths: &[PathBuf], json: bool, pretty: bool) -> ExitCode {
    let corpus = load(paths, None, None, None);
    print_diagnostics(&corpus.diagnostics);
    let written = if json {
        write_json(&corpus.releases, pretty)
    } else {
        write_lines(&corpus.releases)
    };
    if let Err(e) = written {
        // A closed pipe (`| head`) is not a failure of ours.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("dateline: cannot write output: {e}");
            return ExitCode::FAILURE;
        }
    }
    let ok = corpus.rejected == 0;
    // The process ends next, which frees the releases at once: freeing them
    // one string at a time took 0.7 % of ingest's instructions.
    std::mem::forget(corpus);
    exit_status(ok)
}

fn write_json(releases: &[Release], pretty: bool) -> std::io::Result<()> {
    // The export's writer: one home for the record's JSON, the app's download's too.
    let mut out = std::io::BufWriter::new(raw_stdout()?);
    dateline_core::export::write_json_to(&mut out, releases, pretty)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Standard output for a writer that buffers itself: `Stdout` looks for the
/// last newline in every write (`memrchr` over all of `ingest --json`'s
/// output, 0.3 % of its instructions), so its file is written directly.
#[cfg(unix)]
fn raw_stdout() -> std::io::Result<Box<dyn Write>> {
    use std::os::fd::AsFd;
    let mut stdout = std::io::stdout().lock();
    // Nothing written before may be left behind in its buffer.
    stdout.flush()?;
    let fd = stdout.as_fd().try_clone_to_owned()?;
    Ok(Box::new(std::fs::File::from(fd)))
}

#[cfg(not(unix))]
fn raw_stdout() -> std::io::Result<Box<dyn Write>> {
    Ok(Box::new(std::io::stdout().lock()))
}

fn write_lines(releases: &[Release]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in releases {
        writeln!(
            out,
            "{}\t{}\t{}",
            r.id,
            r.date.map_or_else(|| "-".to_string(), |d| d.to_string()),
            r.title
        )?;
    }
    out.flush()
}

fn run_check(paths: &[PathBuf], previous: Option<&Path>, strict: bool) -> ExitCode {
    let previous = match previous.map(previous_build).transpose() {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut corpus = load(paths, None, None, None);
    if let Some(previous) = &previous {
        let severity = if strict {
            Severity::Error
        } else {
            Severity::Warning
        };
        corpus
            .diagnostics
            .extend(id_changes(&corpus, previous, severity));
    }
    let mut out = std::io::stdout().lock();
    for d in &corpus.diagnostics {
        // Ignore write failures (closed pipe): the exit status still tells.
        let _ = writeln!(out, "{d}");
    }
    let errors = count_severity(&corpus.diagnostics, Severity::Error);
    let warnings = count_severity(&corpus.diagnostics, Severity::Warning);
    let skipped = if corpus.skipped.is_empty() {
        String::new()
    } else {
        format!(
            ", {} skipped",
            plural(corpus.skipped.len(), "file", "files")
        )
    };
    let _ = writeln!(
        out,
        "{} checked, {} rejected{skipped}: {}, {}",
        plural(corpus.releases.len(), "release", "releases"),
        plural(corpus.rejected, "file", "files"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
    );
    exit_status(errors == 0)
}

/// A diagnostic for each release whose id (by the id rule, without the
/// previous build) differs from the id it had in `previous`.
fn id_changes(corpus: &Corpus, previous: &Previous, severity: Severity) -> Vec<Diagnostic> {
    previous
        .ids_of(&corpus.releases)
        .into_iter()
        .zip(&corpus.releases)
        .zip(&corpus.origins)
        .filter_map(|((old, r), origin)| {
            let old = old.filter(|old| *old != r.id)?;
            Some(Diagnostic {
                file: origin.file.clone(),
                line: origin.line,
                severity,
                message: format!(
                    "id changed since the previous build: was `{old}`, now `{}` (its permalink moves; `dateline pack --previous` keeps `{old}`, and `id: {old}` in front matter keeps it for good)",
                    r.id
                ),
            })
        })
        .collect()
}

fn count_severity(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

fn run_stats(paths: &[PathBuf]) -> ExitCode {
    let corpus = load(paths, None, None, None);
    print_diagnostics(&corpus.diagnostics);
    let _ = std::io::stdout()
        .lock()
        .write_all(stats::render_stats(&corpus).as_bytes());
    exit_status(corpus.rejected == 0)
}

fn run_generate(count: usize, seed: u64, out: &Path, force: bool) -> ExitCode {
    match dateline_core::generate::write(out, count, seed, force) {
        Ok(done) => {
            let mut note = String::new();
            if done.removed > 0 {
                note = format!(
                    " (removed {} of an earlier run first",
                    plural(done.removed, "release", "releases")
                );
            }
            if done.kept > 0 {
                note = format!(
                    "{}{} left as they were",
                    if note.is_empty() { " (" } else { "; " },
                    plural(done.kept, "other file", "other files")
                );
            }
            if !note.is_empty() {
                note.push(')');
            }
            eprintln!(
                "dateline: wrote {} to {}{note}",
                plural(done.written, "release", "releases"),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(err, "{d}");
    }
}

fn exit_status(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Ingests `paths`, with a progress line on stderr every `PROGRESS_EVERY`
/// files when the corpus is large or stderr is a terminal.
fn load(
    paths: &[PathBuf],
    previous: Option<&Previous>,
    cache: Option<&Cache>,
    spill: Option<&Spill>,
) -> Corpus {
    load_inputs(corpus::collect(paths), previous, cache, spill)
}

/// [`load`] of the files walked already.
fn load_inputs(
    inputs: corpus::Inputs,
    previous: Option<&Previous>,
    cache: Option<&Cache>,
    spill: Option<&Spill>,
) -> Corpus {
    let show_progress = inputs.files.len() > PROGRESS_EVERY || std::io::stderr().is_terminal();
    let progress = |done, total| {
        if show_progress && done % PROGRESS_EVERY == 0 {
            eprintln!("dateline: {done} / {total} files");
        }
    };
    corpus::ingest_inputs(
        inputs,
        previous,
        cache.map(cache::Use::Every),
        &progress,
        spill,
    )
}
