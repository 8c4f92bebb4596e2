//! The `dateline` command-line tool: a thin shell over `dateline_core::ingest`.
//!
//! Arguments are parsed by hand (std only) to keep build times small.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use dateline_core::ingest::corpus::{self, Corpus};
use dateline_core::ingest::{ids, ingest_bytes, Diagnostic, IngestError, Severity};
use dateline_core::Release;

const USAGE: &str = "\
dateline: press releases into structured records

USAGE:
    dateline ingest PATHS... [--json] [--pretty]
        Print the records as a JSON array on stdout (--pretty: indented);
        without --json, one `id<TAB>date<TAB>title` line per release.
        Warnings and errors go to stderr; exit 1 when a file was rejected.
    dateline check PATHS...
        Print every problem as `file:line: error|warning: message` and a
        summary; exit 1 when there are errors.
    dateline stats PATHS...
        Summarise a corpus: releases, releases per year, top countries,
        organisations, people and topics.
    dateline generate --count N --seed S --out DIR
        Write N synthetic releases (deterministic for a given seed) into DIR.
    dateline feed PATHS... --base URL --out FILE
        Write the Atom feed of the newest releases; links are URL + release/ID.
    dateline pack PATHS... --out DIR [--feed FILE --base URL]
    dateline pack --records FILE.json --out DIR
        Write the data folder the app downloads: list.bin, index.bin,
        positions.bin and r/N.json (full records, 64 per file), replacing
        what DIR held.
        PATHS are ingested (exit 1 when a file is rejected); --records reads
        records already ingested (`dateline ingest --json`). --feed also
        writes the Atom feed from the same ingest.
    dateline --help

PATHS are files or folders (walked recursively, hidden entries skipped).
Usage errors exit with status 2.";

/// Report progress every this many files (when stderr is a terminal or the corpus is large).
const PROGRESS_EVERY: usize = 1000;

/// A mistake in the command line: printed with the usage hint, exit 2.
struct UsageError(String);

enum Command {
    Help,
    Ingest {
        paths: Vec<PathBuf>,
        json: bool,
        pretty: bool,
    },
    Check {
        paths: Vec<PathBuf>,
    },
    Stats {
        paths: Vec<PathBuf>,
    },
    Generate {
        count: usize,
        seed: u64,
        out: PathBuf,
    },
    Feed {
        paths: Vec<PathBuf>,
        base: String,
        out: PathBuf,
    },
    Pack {
        source: PackSource,
        out: PathBuf,
        /// (feed file, base URL)
        feed: Option<(PathBuf, String)>,
    },
}

enum PackSource {
    Paths(Vec<PathBuf>),
    Records(PathBuf),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(command) => run(command),
        Err(UsageError(message)) => {
            eprintln!("dateline: {message}\nTry `dateline --help`.");
            ExitCode::from(2)
        }
    }
}

fn parse_args(args: &[String]) -> Result<Command, UsageError> {
    let Some((command, rest)) = args.split_first() else {
        return Err(UsageError("missing command".into()));
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Command::Help);
    }
    match command.as_str() {
        "--help" | "-h" | "help" => Ok(Command::Help),
        "ingest" => {
            let (paths, flags) = split_paths_and_flags(rest, &["--json", "--pretty"])?;
            Ok(Command::Ingest {
                paths: require_paths(paths)?,
                json: flags.contains(&"--json"),
                pretty: flags.contains(&"--pretty"),
            })
        }
        "check" => {
            let (paths, _) = split_paths_and_flags(rest, &[])?;
            Ok(Command::Check {
                paths: require_paths(paths)?,
            })
        }
        "stats" => {
            let (paths, _) = split_paths_and_flags(rest, &[])?;
            Ok(Command::Stats {
                paths: require_paths(paths)?,
            })
        }
        "generate" => parse_generate(rest),
        "feed" => parse_feed(rest),
        "pack" => parse_pack(rest),
        other => Err(UsageError(format!("unknown command `{other}`"))),
    }
}

/// Separates positional paths from the boolean flags a command accepts.
fn split_paths_and_flags(
    args: &[String],
    allowed: &[&'static str],
) -> Result<(Vec<PathBuf>, Vec<&'static str>), UsageError> {
    let mut paths = Vec::new();
    let mut flags = Vec::new();
    for arg in args {
        if let Some(flag) = allowed.iter().find(|f| **f == arg.as_str()) {
            flags.push(*flag);
        } else if arg.starts_with("--") {
            return Err(UsageError(format!("unknown option `{arg}`")));
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    Ok((paths, flags))
}

fn require_paths(paths: Vec<PathBuf>) -> Result<Vec<PathBuf>, UsageError> {
    if paths.is_empty() {
        Err(UsageError("expected at least one file or folder".into()))
    } else {
        Ok(paths)
    }
}

fn parse_generate(args: &[String]) -> Result<Command, UsageError> {
    let mut count = None;
    let mut seed = None;
    let mut out = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| UsageError(format!("`{arg}` needs a value")))
        };
        match arg.as_str() {
            "--count" => count = Some(parse_number(arg, &value()?)?),
            "--seed" => seed = Some(parse_number(arg, &value()?)?),
            "--out" => out = Some(PathBuf::from(value()?)),
            other => {
                return Err(UsageError(format!(
                    "unknown argument `{other}` for generate"
                )))
            }
        }
    }
    Ok(Command::Generate {
        count: count.ok_or_else(|| UsageError("generate needs --count N".into()))? as usize,
        seed: seed.unwrap_or(0),
        out: out.ok_or_else(|| UsageError("generate needs --out DIR".into()))?,
    })
}

fn parse_feed(args: &[String]) -> Result<Command, UsageError> {
    let mut paths = Vec::new();
    let mut base = None;
    let mut out = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--base" | "--out" => {
                let value = it
                    .next()
                    .cloned()
                    .ok_or_else(|| UsageError(format!("`{arg}` needs a value")))?;
                if arg == "--base" {
                    base = Some(value);
                } else {
                    out = Some(PathBuf::from(value));
                }
            }
            other if other.starts_with("--") => {
                return Err(UsageError(format!("unknown option `{other}` for feed")))
            }
            path => paths.push(PathBuf::from(path)),
        }
    }
    Ok(Command::Feed {
        paths: require_paths(paths)?,
        base: base.ok_or_else(|| UsageError("feed needs --base URL".into()))?,
        out: out.ok_or_else(|| UsageError("feed needs --out FILE".into()))?,
    })
}

fn parse_pack(args: &[String]) -> Result<Command, UsageError> {
    let mut paths = Vec::new();
    let (mut records, mut out, mut feed, mut base) = (None, None, None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let slot = match arg.as_str() {
            "--records" => &mut records,
            "--out" => &mut out,
            "--feed" => &mut feed,
            "--base" => &mut base,
            other if other.starts_with("--") => {
                return Err(UsageError(format!("unknown option `{other}` for pack")))
            }
            path => {
                paths.push(PathBuf::from(path));
                continue;
            }
        };
        let value = it
            .next()
            .cloned()
            .ok_or_else(|| UsageError(format!("`{arg}` needs a value")))?;
        *slot = Some(value);
    }
    let source = match (records, paths.is_empty()) {
        (Some(file), true) => PackSource::Records(PathBuf::from(file)),
        (None, false) => PackSource::Paths(paths),
        (Some(_), false) => {
            return Err(UsageError(
                "pack takes either PATHS or --records FILE, not both".into(),
            ))
        }
        (None, true) => return Err(UsageError("expected at least one file or folder".into())),
    };
    let feed = match (feed, base) {
        (Some(f), Some(b)) => Some((PathBuf::from(f), b)),
        (None, None) => None,
        _ => return Err(UsageError("--feed and --base go together".into())),
    };
    Ok(Command::Pack {
        source,
        out: PathBuf::from(out.ok_or_else(|| UsageError("pack needs --out DIR".into()))?),
        feed,
    })
}

fn parse_number(flag: &str, value: &str) -> Result<u64, UsageError> {
    value.parse().map_err(|_| {
        UsageError(format!(
            "`{flag}` expects a non-negative integer, got `{value}`"
        ))
    })
}

fn run(command: Command) -> ExitCode {
    match command {
        Command::Help => ExitCode::SUCCESS,
        Command::Ingest {
            paths,
            json,
            pretty,
        } => run_ingest(&paths, json, pretty),
        Command::Check { paths } => run_check(&paths),
        Command::Stats { paths } => run_stats(&paths),
        Command::Generate { count, seed, out } => run_generate(count, seed, &out),
        Command::Pack { source, out, feed } => run_pack(source, &out, feed),
        Command::Feed { paths, base, out } => {
            match dateline_core::feed::write_feed(&paths, &base, &out) {
                Ok(n) => {
                    eprintln!("dateline: wrote {n} entries to {}", out.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("dateline: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn run_pack(
    source: PackSource,
    out: &std::path::Path,
    feed: Option<(PathBuf, String)>,
) -> ExitCode {
    let releases = match source {
        PackSource::Paths(paths) => {
            let corpus = load(&paths);
            print_diagnostics(&corpus.diagnostics);
            if corpus.rejected > 0 {
                eprintln!(
                    "dateline: {} release file(s) could not be read; fix them or remove them",
                    corpus.rejected
                );
                return ExitCode::FAILURE;
            }
            corpus.releases
        }
        PackSource::Records(file) => match read_records(&file) {
            Ok(releases) => releases,
            Err(e) => {
                eprintln!("dateline: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    if let Some((file, base)) = &feed {
        let xml = dateline_core::feed::atom(
            &releases,
            dateline_core::feed::FEED_TITLE,
            base,
            None,
            dateline_core::feed::FEED_LIMIT,
        );
        if let Err(e) = std::fs::write(file, xml) {
            eprintln!("dateline: cannot write {}: {e}", file.display());
            return ExitCode::FAILURE;
        }
    }
    let n = releases.len();
    let written = dateline_core::pack::pack(releases)
        .map_err(|e| e.to_string())
        .and_then(|packed| {
            write_pack(&packed, out).map_err(|e| format!("cannot write {}: {e}", out.display()))
        });
    match written {
        Ok(bytes) => {
            eprintln!(
                "dateline: packed {n} releases into {} ({bytes} bytes)",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Records as `dateline ingest --json` prints them; a mistake names its line.
fn read_records(file: &std::path::Path) -> Result<Vec<Release>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}: error: expected an array of release records: {e}",
            file.display(),
            e.line()
        )
    })
}

/// Replaces the data folder with the packed files; returns the bytes written.
fn write_pack(
    packed: &dateline_core::pack::Packed,
    out: &std::path::Path,
) -> std::io::Result<usize> {
    for old in ["list.bin", "index.bin", "positions.bin"] {
        match std::fs::remove_file(out.join(old)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    match std::fs::remove_dir_all(out.join("r")) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    std::fs::create_dir_all(out.join("r"))?;
    std::fs::write(out.join("list.bin"), &packed.list)?;
    std::fs::write(out.join("index.bin"), &packed.index)?;
    std::fs::write(out.join("positions.bin"), &packed.positions)?;
    let mut bytes = packed.list.len() + packed.index.len() + packed.positions.len();
    for (name, chunk) in &packed.chunks {
        std::fs::write(out.join(name), chunk)?;
        bytes += chunk.len();
    }
    Ok(bytes)
}

fn run_ingest(paths: &[PathBuf], json: bool, pretty: bool) -> ExitCode {
    let corpus = load(paths);
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
    exit_status(corpus.rejected == 0)
}

fn write_json(releases: &[Release], pretty: bool) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if pretty {
        serde_json::to_writer_pretty(&mut out, releases)?;
    } else {
        serde_json::to_writer(&mut out, releases)?;
    }
    writeln!(out)?;
    out.flush()
}

fn write_lines(releases: &[Release]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in releases {
        writeln!(
            out,
            "{}\t{}\t{}",
            r.id,
            r.date.as_deref().unwrap_or("-"),
            r.title
        )?;
    }
    out.flush()
}

fn run_check(paths: &[PathBuf]) -> ExitCode {
    let corpus = load(paths);
    let mut out = std::io::stdout().lock();
    for d in &corpus.diagnostics {
        // Ignore write failures (closed pipe): the exit status still tells.
        let _ = writeln!(out, "{d}");
    }
    let errors = count_severity(&corpus.diagnostics, Severity::Error);
    let warnings = count_severity(&corpus.diagnostics, Severity::Warning);
    let _ = writeln!(
        out,
        "{} releases checked, {} files rejected: {} errors, {} warnings",
        corpus.releases.len(),
        corpus.rejected,
        errors,
        warnings
    );
    exit_status(errors == 0)
}

fn count_severity(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

fn run_stats(paths: &[PathBuf]) -> ExitCode {
    let corpus = load(paths);
    print_diagnostics(&corpus.diagnostics);
    let _ = std::io::stdout()
        .lock()
        .write_all(render_stats(&corpus).as_bytes());
    exit_status(corpus.rejected == 0)
}

/// Counts how many releases mention each key (a release counts once per key).
fn tally<'a, I>(releases: &'a [Release], keys: impl Fn(&'a Release) -> I) -> Vec<(String, usize)>
where
    I: IntoIterator<Item = String>,
{
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for r in releases {
        let mut seen: Vec<String> = keys(r).into_iter().collect();
        seen.sort();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let mut sorted: Vec<(String, usize)> = counts.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sorted
}

fn render_stats(corpus: &Corpus) -> String {
    let releases = &corpus.releases;
    let mut s = String::new();
    let undated = releases.iter().filter(|r| r.date.is_none()).count();
    s.push_str(&format!(
        "releases: {} ({} undated, {} files rejected)\n",
        releases.len(),
        undated,
        corpus.rejected
    ));
    let mut years = tally(releases, |r| {
        r.date
            .as_deref()
            .and_then(|d| d.get(..4))
            .map(str::to_string)
    });
    years.sort();
    s.push_str("\nreleases per year:\n");
    for (year, n) in &years {
        s.push_str(&format!("  {year}  {n}\n"));
    }
    let sections: [(&str, Vec<(String, usize)>); 4] = [
        (
            "countries",
            tally(releases, |r| {
                r.countries
                    .iter()
                    .map(|c| format!("{} {}", c.code, c.name))
                    .collect::<Vec<_>>()
            }),
        ),
        (
            "organisations",
            tally(releases, |r| {
                r.organisations
                    .iter()
                    .map(|o| o.label().to_string())
                    .collect::<Vec<_>>()
            }),
        ),
        (
            "people",
            tally(releases, |r| {
                r.people.iter().map(|p| p.name.clone()).collect::<Vec<_>>()
            }),
        ),
        ("topics", tally(releases, |r| r.topics.clone())),
    ];
    for (name, counts) in sections {
        s.push_str(&format!("\ntop {name} ({} distinct):\n", counts.len()));
        for (key, n) in counts.iter().take(10) {
            s.push_str(&format!("  {n:>6}  {key}\n"));
        }
    }
    s
}

fn run_generate(count: usize, seed: u64, out: &std::path::Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("{}: error: cannot create folder: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let releases = dateline_core::generate::generate(count, seed);
    for (name, text) in &releases {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{}: error: cannot write: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    eprintln!("wrote {} releases to {}", releases.len(), out.display());
    ExitCode::SUCCESS
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

/// Ingests `paths`. Small corpora go straight through `ingest_paths`; large
/// ones (or any, on a terminal) go file by file with the same steps so that
/// progress can be shown on stderr.
fn load(paths: &[PathBuf]) -> Corpus {
    let files = match corpus::collect_files(paths) {
        Ok(files) => files,
        Err(_) => return corpus::ingest_paths(paths), // reports the same error
    };
    let show_progress = files.len() > PROGRESS_EVERY || std::io::stderr().is_terminal();
    if !show_progress {
        return corpus::ingest_paths(paths);
    }
    ingest_with_progress(files)
}

/// The steps of `ingest_paths`, with a progress line every `PROGRESS_EVERY` files.
fn ingest_with_progress(files: Vec<(PathBuf, String)>) -> Corpus {
    let total = files.len();
    let mut result = Corpus::default();
    for (done, (path, source)) in files.into_iter().enumerate() {
        let read = std::fs::read(&path).map_err(|e| IngestError {
            file: path.display().to_string(),
            line: 0,
            message: format!("cannot read: {e}"),
        });
        match read.and_then(|bytes| ingest_bytes(&source, &path, &bytes)) {
            Ok(items) => {
                for item in items {
                    result.diagnostics.extend(item.diagnostics);
                    result.releases.push(item.release);
                }
            }
            Err(e) => {
                result.diagnostics.push(Diagnostic {
                    file: e.file,
                    line: e.line,
                    severity: Severity::Error,
                    message: e.message,
                });
                result.rejected += 1;
            }
        }
        if (done + 1) % PROGRESS_EVERY == 0 {
            eprintln!("dateline: {} / {} files", done + 1, total);
        }
    }
    ids::assign_ids(&mut result.releases);
    result
}
