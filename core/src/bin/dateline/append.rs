//! Releases appended to a data folder without packing it again
//! (`dateline_core::pack::append`): `dateline add`, and `dateline pack
//! --cache` when the only change since the build is files added (the
//! build's record beside the cache, `ingest::built`, says which files it
//! was built from).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dateline_core::feed::{FEED_LIMIT, FEED_TITLE};
use dateline_core::import::DataFile;
use dateline_core::ingest::built::Built;
use dateline_core::ingest::cache::{self, Cache};
use dateline_core::ingest::corpus::{self, Inputs};
use dateline_core::pack::append::{append_files, newest_in, AppendError, Appended};
use dateline_core::pack::{data_mark, list, Encoding};
use dateline_core::query::Index;
use dateline_core::{PartialDate, Release};

use super::{plural, print_diagnostics, rejected, write_sitemap};

/// At most this share of an archive (a tenth) is appended before a build
/// packs it whole again: the appended documents' streams and the
/// dictionary and facets written each time grow with them.
const APPENDED_SHARE: usize = 10;

/// `dateline add PATHS --out DIR [--feed FILE --base URL]`.
pub fn run_add(paths: &[PathBuf], out: &Path, feed: Option<(PathBuf, String)>) -> ExitCode {
    let corpus = super::load(paths, None, None, None);
    print_diagnostics(&corpus.diagnostics);
    if corpus.rejected > 0 {
        return rejected(corpus.rejected);
    }
    match append_to(out, corpus.releases, feed.as_ref(), None) {
        Ok(done) => {
            said(&done, out);
            ExitCode::SUCCESS
        }
        Err(e) => failed(&e, out),
    }
}

/// What `dateline pack --cache` does before packing: the end of a build
/// that appended the files added since the last one, or, when every
/// release must be packed, the inputs if they were walked. An append that
/// fails for any reason (an id taken, a data folder not as recorded, a
/// file that cannot be written) falls back to packing every release, with
/// a warning: the record is removed before the first file is written.
pub fn pack_by_appending(
    paths: &[PathBuf],
    out: &Path,
    cache: &Cache,
    feed: Option<&(PathBuf, String)>,
    sitemap: Option<&(PathBuf, String)>,
) -> Result<ExitCode, Option<Inputs>> {
    let record = Built::beside(&cache.path);
    let built = Built::read(&record).ok_or(None)?;
    let index = read_in(out, "index.bin").map_err(|_| None)?;
    let list = read_in(out, "l/0.bin").map_err(|_| None)?;
    if data_mark(&list, &index) != built.mark || built.fingerprint != cache.fingerprint {
        return Err(None);
    }
    let index = Index::from_bytes(index).map_err(|_| None)?;
    let inputs = corpus::collect(paths);
    if inputs.unreadable > 0 {
        return Err(Some(inputs));
    }
    let stats = cache::stat_keys(&inputs.files, cache::trusted_before_now());
    let Some(added) = built.added(&stats) else {
        return Err(Some(inputs));
    };
    if added.is_empty() {
        return Ok(kept_as_built(out, &record, &index, feed, sitemap));
    }
    let new = Inputs {
        files: added.iter().map(|&i| inputs.files[i].clone()).collect(),
        ..Inputs::default()
    };
    // Their records join the cache (its entries are the other files', as
    // the record says), for the next build that packs every release.
    let added_to = Some(cache::Use::Added(cache));
    let mut corpus = corpus::ingest_inputs(new, None, added_to, &|_, _| {}, None);
    // Releases appended already (by earlier builds like this one) count too.
    let appended = index.len() - index.first_appended() as usize;
    let within = (appended + corpus.releases.len()).saturating_mul(APPENDED_SHARE) <= index.len();
    if corpus.rejected > 0 || !within {
        return Err(Some(inputs));
    }
    if let Err(e) = std::fs::remove_file(&record) {
        eprintln!("{}: warning: cannot remove: {e}", record.display());
        return Err(Some(inputs));
    }
    let releases = std::mem::take(&mut corpus.releases);
    print_diagnostics(&corpus.diagnostics);
    let done = match append_to(out, releases, feed, sitemap) {
        Ok(done) => done,
        Err(e) => {
            eprintln!("dateline: warning: cannot append the files added since the last build ({e}): packing every release");
            return Err(Some(inputs));
        }
    };
    eprintln!(
        "dateline: {} added since the build of {} (the cache's record {}), none changed or removed",
        plural(added.len(), "file", "files"),
        out.display(),
        record.display()
    );
    said(&done, out);
    let keys = built
        .keys
        .into_iter()
        .chain(added.iter().map(|&i| stats[i]));
    self::record(out, cache, keys.collect());
    Ok(ExitCode::SUCCESS)
}

/// The end of a build from the files that `out` was built from, unchanged:
/// its data stays as it is, and the feed and the sitemap are written again
/// from it when asked (the base URL may be another).
fn kept_as_built(
    out: &Path,
    record: &Path,
    index: &Index,
    feed: Option<&(PathBuf, String)>,
    sitemap: Option<&(PathBuf, String)>,
) -> ExitCode {
    let newest = match feed {
        Some(_) => newest_in(index, |name| read_in(out, name), FEED_LIMIT),
        None => Ok(Vec::new()),
    };
    if let Err(e) = newest.and_then(|newest| write_outputs(out, &newest, feed, sitemap)) {
        return failed(&e, out);
    }
    eprintln!(
        "dateline: no file added, changed or removed since the build of {} (the cache's record {}): its {} kept as they are",
        out.display(),
        record.display(),
        plural(index.len(), "release", "releases"),
    );
    ExitCode::SUCCESS
}

/// Records that `out` was built from the files of `stats` (after a whole
/// pack, or an appending one); a record that cannot be written only means
/// a whole pack next time.
pub fn record(out: &Path, cache: &Cache, stats: Vec<u128>) {
    let path = Built::beside(&cache.path);
    let written = match mark_of(out) {
        Some(mark) => Built::new(mark, cache.fingerprint.clone(), stats).write(&path),
        None => Err(std::io::Error::other(
            "the data just written cannot be read",
        )),
    };
    if let Err(e) = written {
        let _ = std::fs::remove_file(&path);
        eprintln!(
            "{}: warning: cannot write: {e}: the next build packs every release",
            path.display()
        );
    }
}

/// The mark of the data in `out` (`l/0.bin` and `index.bin`).
fn mark_of(out: &Path) -> Option<String> {
    let list = read_in(out, "l/0.bin").ok()?;
    let index = read_in(out, "index.bin").ok()?;
    Some(data_mark(&list, &index))
}

/// The file `name` of the data folder `out`.
fn read_in(out: &Path, name: &str) -> Result<Vec<u8>, AppendError> {
    let path = out.join(name);
    std::fs::read(&path).map_err(|error| io_error(&path, error))
}

/// Appends `releases` to the data folder `out`, then writes the feed and
/// the sitemap when asked.
fn append_to(
    out: &Path,
    releases: Vec<Release>,
    feed: Option<&(PathBuf, String)>,
    sitemap: Option<&(PathBuf, String)>,
) -> Result<Appended, AppendError> {
    let read = |name: &str| read_in(out, name);
    let write = |file: DataFile| {
        let path = out.join(&file.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
        }
        std::fs::write(&path, &file.bytes).map_err(|e| io_error(&path, e))
    };
    let newest = match feed {
        Some(_) => FEED_LIMIT,
        None => 0,
    };
    let done = append_files(read, releases, newest, Encoding::Gzip, write)?;
    for (source, id) in &done.renamed {
        eprintln!(
            "{source}: warning: the archive has a release of this date and title already: this one's id is {id}"
        );
    }
    write_outputs(out, &done.newest, feed, sitemap)?;
    Ok(done)
}

/// The feed of `newest` and the sitemap of every release in `out`, when
/// asked for.
fn write_outputs(
    out: &Path,
    newest: &[Release],
    feed: Option<&(PathBuf, String)>,
    sitemap: Option<&(PathBuf, String)>,
) -> Result<(), AppendError> {
    if let Some((file, base)) = feed {
        let xml = dateline_core::feed::atom(newest, FEED_TITLE, base, None, FEED_LIMIT);
        std::fs::write(file, xml).map_err(|e| io_error(file, e))?;
    }
    if let Some((dir, base)) = sitemap {
        let pages = every_id(out)?;
        let pages = pages.iter().map(|(id, date)| (id.as_str(), *date));
        write_sitemap(pages, dir, base).map_err(|e| io_error(dir, e))?;
    }
    Ok(())
}

/// Every release's id and date in `out`: its index and every piece of its
/// list (the sitemap names every release).
fn every_id(out: &Path) -> Result<Vec<(String, Option<PartialDate>)>, AppendError> {
    let index = Index::from_bytes(read_in(out, "index.bin")?)?;
    let n = index.len();
    let files: Result<Vec<(String, Vec<u8>)>, AppendError> = (0..list::ListPiece::count(n))
        .map(|k| {
            let name = list::ListPiece(k as u32).file();
            read_in(out, &name).map(|bytes| (name, bytes))
        })
        .collect();
    let list = list::List::from_files(files?, n)?;
    Ok((0..n as u32)
        .filter_map(|d| Some((list.id(d, &index)?, index.date(d))))
        .collect())
}

/// A file of `out`, or an output, that could not be read or written.
fn io_error(path: &Path, error: std::io::Error) -> AppendError {
    AppendError::Io {
        path: path.display().to_string(),
        error,
    }
}

/// The summary of an append.
fn said(done: &Appended, out: &Path) {
    eprintln!(
        "dateline: appended {} to {} ({} in all; {} written)",
        plural(done.after - done.before, "release", "releases"),
        out.display(),
        done.after,
        plural(done.files, "file", "files"),
    );
}

/// The message of a failed append; exit 1.
fn failed(e: &AppendError, out: &Path) -> ExitCode {
    match e {
        AppendError::Io { .. } | AppendError::TakenId { .. } => eprintln!("{e}"),
        _ => eprintln!("{}: error: {e}", out.display()),
    }
    ExitCode::FAILURE
}
