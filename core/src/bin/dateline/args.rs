//! The command line, parsed with `lexopt`: `--flag value`, `--flag=value`
//! and `--` (everything after it is a path) all work.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use lexopt::prelude::*;

/// A mistake in the command line: printed with the usage hint, exit 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

impl From<lexopt::Error> for UsageError {
    fn from(e: lexopt::Error) -> UsageError {
        UsageError(e.to_string())
    }
}

impl From<dateline_core::feed::BadBase> for UsageError {
    fn from(e: dateline_core::feed::BadBase) -> UsageError {
        UsageError(e.to_string())
    }
}

#[derive(Debug)]
pub enum Command {
    Help,
    Version,
    Ingest {
        paths: Vec<PathBuf>,
        json: bool,
        pretty: bool,
    },
    Check {
        paths: Vec<PathBuf>,
        previous: Option<PathBuf>,
        strict: bool,
    },
    Stats {
        paths: Vec<PathBuf>,
    },
    Generate {
        count: usize,
        seed: u64,
        out: PathBuf,
        force: bool,
    },
    Feed {
        paths: Vec<PathBuf>,
        base: String,
        out: PathBuf,
    },
    /// `dateline add PATHS... --out DIR`: releases appended to a packed corpus.
    Add {
        paths: Vec<PathBuf>,
        out: PathBuf,
        /// (feed file, base URL)
        feed: Option<(PathBuf, String)>,
    },
    Pack {
        source: PackSource,
        out: PathBuf,
        /// (feed file, base URL)
        feed: Option<(PathBuf, String)>,
        /// (folder for sitemap.xml and robots.txt, base URL)
        sitemap: Option<(PathBuf, String)>,
        previous: Option<PathBuf>,
        /// The build cache file (`--cache`).
        cache: Option<PathBuf>,
    },
}

#[derive(Debug)]
pub enum PackSource {
    Paths(Vec<PathBuf>),
    Records(PathBuf),
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut parser = lexopt::Parser::from_args(args);
    let command = match parser.next()? {
        None => return Err(UsageError("missing command".into())),
        Some(Long("help") | Short('h')) => return Ok(Command::Help),
        Some(Long("version") | Short('V')) => return Ok(Command::Version),
        Some(Value(command)) => command.string()?,
        Some(other) => return Err(other.unexpected().into()),
    };
    let command = match command.as_str() {
        "help" => Command::Help,
        "ingest" => parse_ingest(&mut parser)?,
        "check" => parse_check(&mut parser)?,
        "stats" => parse_stats(&mut parser)?,
        "generate" => parse_generate(&mut parser)?,
        "feed" => parse_feed(&mut parser)?,
        "pack" => parse_pack(&mut parser)?,
        "add" => parse_add(&mut parser)?,
        other => return Err(UsageError(format!("unknown command `{other}`"))),
    };
    check_outputs(&command)?;
    Ok(command)
}

/// `--help` anywhere asks for help.
fn is_help(arg: &lexopt::Arg) -> bool {
    matches!(arg, Long("help") | Short('h'))
}

fn parse_ingest(parser: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let (mut paths, mut json, mut pretty) = (Vec::new(), false, false);
    while let Some(arg) = parser.next()? {
        match arg {
            a if is_help(&a) => return Ok(Command::Help),
            Long("json") => json = true,
            Long("pretty") => pretty = true,
            Value(path) => paths.push(PathBuf::from(path)),
            other => return Err(other.unexpected().into()),
        }
    }
    Ok(Command::Ingest {
        paths: require_paths(paths)?,
        json,
        pretty,
    })
}

fn parse_check(parser: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let (mut paths, mut previous, mut strict) = (Vec::new(), None, false);
    while let Some(arg) = parser.next()? {
        match arg {
            a if is_help(&a) => return Ok(Command::Help),
            Long("previous") => previous = Some(PathBuf::from(parser.value()?)),
            Long("strict") => strict = true,
            Value(path) => paths.push(PathBuf::from(path)),
            other => return Err(other.unexpected().into()),
        }
    }
    if strict && previous.is_none() {
        return Err(UsageError(
            "--strict goes with --previous DIR (it makes a changed id an error)".into(),
        ));
    }
    Ok(Command::Check {
        paths: require_paths(paths)?,
        previous,
        strict,
    })
}

fn parse_stats(parser: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let mut paths = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            a if is_help(&a) => return Ok(Command::Help),
            Value(path) => paths.push(PathBuf::from(path)),
            other => return Err(other.unexpected().into()),
        }
    }
    Ok(Command::Stats {
        paths: require_paths(paths)?,
    })
}

fn parse_generate(parser: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let (mut count, mut seed, mut out, mut force) = (None, None, None, false);
    while let Some(arg) = parser.next()? {
        match arg {
            a if is_help(&a) => return Ok(Command::Help),
            Long("count") => count = Some(number("--count", parser.value()?)?),
            Long("seed") => seed = Some(number("--seed", parser.value()?)?),
            Long("out") => out = Some(PathBuf::from(parser.value()?)),
            Long("force") => force = true,
            other => return Err(other.unexpected().into()),
        }
    }
    let count = count.ok_or_else(|| UsageError("generate needs --count N".into()))?;
    Ok(Command::Generate {
        count: usize::try_from(count)
            .map_err(|_| UsageError(format!("--count {count} is too large")))?,
        seed: seed.unwrap_or(0),
        out: out.ok_or_else(|| UsageError("generate needs --out DIR".into()))?,
        force,
    })
}

fn parse_add(parser: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let (mut paths, mut out, mut feed, mut base) = (Vec::new(), None, None, None);
    while let Some(arg) = parser.next()? {
        match arg {
            a if is_help(&a) => return Ok(Command::Help),
            Long("out") => out = Some(PathBuf::from(parser.value()?)),
            Long("feed") => feed = Some(PathBuf::from(parser.value()?)),
            Long("base") => base = Some(parser.value()?.string()?),
            Value(path) => paths.push(PathBuf::from(path)),
            other => return Err(other.unexpected().into()),
        }
    }
    let feed = match (feed, base) {
        (Some(file), Some(base)) => {
            dateline_core::feed::check_base(&base, true)?;
            Some((file, base))
        }
        (Some(_), None) => return Err(UsageError("add --feed needs --base URL".into())),
        (None, Some(_)) => return Err(UsageError("add --base is for --feed FILE".into())),
        (None, None) => None,
    };
    Ok(Command::Add {
        feed,
        paths: require_paths(paths)?,
        out: out.ok_or_else(|| {
            UsageError("add needs --out DIR (a data folder `dateline pack` wrote)".into())
        })?,
    })
}

fn parse_feed(parser: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let (mut paths, mut base, mut out) = (Vec::new(), None, None);
    while let Some(arg) = parser.next()? {
        match arg {
            a if is_help(&a) => return Ok(Command::Help),
            Long("base") => base = Some(parser.value()?.string()?),
            Long("out") => out = Some(PathBuf::from(parser.value()?)),
            Value(path) => paths.push(PathBuf::from(path)),
            other => return Err(other.unexpected().into()),
        }
    }
    let base = base.ok_or_else(|| UsageError("feed needs --base URL".into()))?;
    dateline_core::feed::check_base(&base, false)?;
    Ok(Command::Feed {
        paths: require_paths(paths)?,
        base,
        out: out.ok_or_else(|| {
            UsageError("feed needs --out FILE (or --out - for standard output)".into())
        })?,
    })
}

fn parse_pack(parser: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let mut paths = Vec::new();
    let (mut records, mut out, mut feed, mut base, mut previous) = (None, None, None, None, None);
    let (mut sitemap, mut cache) = (None, None);
    while let Some(arg) = parser.next()? {
        match arg {
            a if is_help(&a) => return Ok(Command::Help),
            Long("records") => records = Some(PathBuf::from(parser.value()?)),
            Long("out") => out = Some(PathBuf::from(parser.value()?)),
            Long("feed") => feed = Some(PathBuf::from(parser.value()?)),
            Long("sitemap") => sitemap = Some(PathBuf::from(parser.value()?)),
            Long("base") => base = Some(parser.value()?.string()?),
            Long("previous") => previous = Some(PathBuf::from(parser.value()?)),
            Long("cache") => cache = Some(PathBuf::from(parser.value()?)),
            Value(path) => paths.push(PathBuf::from(path)),
            other => return Err(other.unexpected().into()),
        }
    }
    if cache.is_some() && records.is_some() {
        return Err(UsageError(
            "--cache goes with PATHS: --records are already ingested".into(),
        ));
    }
    let source = match (records, paths.is_empty()) {
        (Some(file), true) => PackSource::Records(file),
        (None, false) => PackSource::Paths(paths),
        (Some(_), false) => {
            return Err(UsageError(
                "pack takes either PATHS or --records FILE, not both".into(),
            ))
        }
        (None, true) => return Err(UsageError("expected at least one file or folder".into())),
    };
    if let Some(b) = &base {
        dateline_core::feed::check_base(b, true)?;
    }
    let (feed, sitemap) = match (feed, sitemap, base) {
        (None, None, None) => (None, None),
        (f, s, Some(b)) if f.is_some() || s.is_some() => {
            (f.map(|f| (f, b.clone())), s.map(|s| (s, b)))
        }
        _ => {
            return Err(UsageError(
                "--base goes with --feed FILE or --sitemap DIR, and they need it".into(),
            ))
        }
    };
    Ok(Command::Pack {
        source,
        out: out.ok_or_else(|| UsageError("pack needs --out DIR".into()))?,
        feed,
        sitemap,
        previous,
        cache,
    })
}

fn require_paths(paths: Vec<PathBuf>) -> Result<Vec<PathBuf>, UsageError> {
    if paths.is_empty() {
        Err(UsageError("expected at least one file or folder".into()))
    } else {
        Ok(paths)
    }
}

fn number(flag: &str, value: OsString) -> Result<u64, UsageError> {
    let text = value.to_string_lossy();
    text.parse().map_err(|_| {
        UsageError(format!(
            "`{flag}` expects a non-negative integer, got `{text}`"
        ))
    })
}

/// Refuses an output (`--out`, `--feed`) inside an input folder (or equal
/// to an input file): it would be read as input by the next run, or
/// overwrite a release.
fn check_outputs(command: &Command) -> Result<(), UsageError> {
    let (inputs, outputs): (&[PathBuf], Vec<(&str, &Path)>) = match command {
        Command::Feed { paths, out, .. } => (paths, vec![("--out", out.as_path())]),
        Command::Add { paths, out, feed } => {
            let mut outputs = vec![("--out", out.as_path())];
            if let Some((file, _)) = feed {
                outputs.push(("--feed", file.as_path()));
            }
            (paths, outputs)
        }
        Command::Pack {
            source,
            out,
            feed,
            sitemap,
            cache,
            ..
        } => {
            let mut outputs = vec![("--out", out.as_path())];
            if let Some(file) = cache {
                outputs.push(("--cache", file.as_path()));
            }
            if let Some((file, _)) = feed {
                outputs.push(("--feed", file.as_path()));
            }
            if let Some((dir, _)) = sitemap {
                outputs.push(("--sitemap", dir.as_path()));
            }
            let inputs: &[PathBuf] = match source {
                PackSource::Paths(paths) => paths,
                PackSource::Records(file) => std::slice::from_ref(file),
            };
            (inputs, outputs)
        }
        _ => return Ok(()),
    };
    for (flag, out) in outputs {
        if out == Path::new("-") {
            continue;
        }
        let Some(resolved) = resolve(out) else {
            continue;
        };
        for input in inputs {
            let Ok(folder) = input.canonicalize() else {
                continue;
            };
            let inside = if folder.is_dir() {
                resolved.starts_with(&folder)
            } else {
                resolved == folder
            };
            if inside {
                let what = if folder.is_dir() {
                    "is inside the input folder"
                } else {
                    "is the input file"
                };
                return Err(UsageError(format!(
                    "{flag} `{}` {what} `{}`: the next run would read it as input; write it elsewhere",
                    out.display(),
                    input.display()
                )));
            }
        }
    }
    Ok(())
}

/// The absolute form of `path`, whether or not it exists yet: its deepest
/// existing ancestor resolved (links too), then the rest as written.
fn resolve(path: &Path) -> Option<PathBuf> {
    let mut rest: Vec<&std::ffi::OsStr> = Vec::new();
    let mut existing = path;
    loop {
        let probe = if existing.as_os_str().is_empty() {
            Path::new(".")
        } else {
            existing
        };
        if let Ok(found) = probe.canonicalize() {
            return Some(rest.iter().rev().fold(found, |acc, part| acc.join(part)));
        }
        rest.push(existing.file_name()?);
        existing = existing.parent()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn flags_and_values() {
        match parse_strs(&[
            "pack",
            "a",
            "--out=x",
            "--feed",
            "f.xml",
            "--base",
            "/",
            "--previous",
            "old",
        ]) {
            Ok(Command::Pack {
                source: PackSource::Paths(p),
                out,
                feed: Some((f, b)),
                sitemap: None,
                previous: Some(old),
                ..
            }) => {
                assert_eq!(p, [PathBuf::from("a")]);
                assert_eq!(
                    (out, f, b, old),
                    ("x".into(), "f.xml".into(), "/".into(), "old".into())
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse_strs(&["--version"]), Ok(Command::Version)));
        assert!(matches!(
            parse_strs(&["check", "a", "--help"]),
            Ok(Command::Help)
        ));
        assert!(matches!(
            parse_strs(&["ingest", "--", "--json"]),
            Ok(Command::Ingest { json: false, .. })
        ));
    }

    #[test]
    fn mistakes_are_usage_errors() {
        for (args, message) in [
            (
                &["feed", "a", "--base", "not a url", "--out", "f"][..],
                "expected an absolute http(s) URL",
            ),
            (
                &[
                    "pack", "a", "--out", "d", "--feed", "f", "--base", "dateline",
                ][..],
                "or a path such as /dateline/",
            ),
            (
                &["check", "a", "--strict"][..],
                "--strict goes with --previous",
            ),
            (
                &["generate", "--count", "-3", "--out", "x"][..],
                "non-negative integer",
            ),
            (&["ingest", "--jsn", "x"][..], "--jsn"),
        ] {
            match parse_strs(args) {
                Err(UsageError(m)) => assert!(m.contains(message), "{args:?}: {m}"),
                Ok(c) => panic!("{args:?}: {c:?}"),
            }
        }
    }

    #[test]
    fn resolve_paths_not_yet_made() {
        let here = std::env::current_dir().unwrap().canonicalize().unwrap();
        assert_eq!(
            resolve(Path::new("no/such/dir")),
            Some(here.join("no/such/dir"))
        );
        assert_eq!(resolve(Path::new(".")), Some(here.clone()));
    }
}
