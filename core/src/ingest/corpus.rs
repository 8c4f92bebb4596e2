//! A corpus folder (or several paths) into records: walk, read, extract, assign ids.
//!
//! Folders are walked with `walkdir`: symbolic links are followed, a link
//! leading back to one of its own parent folders (a loop) is reported as a
//! warning and not followed, and a file reached twice (through a symbolic
//! or hard link, or a path given twice: the same device and inode) is read
//! once. Hidden entries (`.name`) are skipped; so
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

use std::path::PathBuf;

use super::ids::{self, Previous};
use super::read::RELEASE_EXTENSIONS;
use super::{Diagnostic, FileResult, Ingested, Severity};
use crate::model::Release;

// The folder walk and the reading of files from disk: native only.
#[cfg(feature = "ingest")]
mod folders;
#[cfg(feature = "ingest")]
pub use folders::{
    collect, collect_files, ingest_file, ingest_inputs, ingest_paths, read_file, read_previous,
};

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
    /// Files read to compare their bytes with the build cache: those whose
    /// metadata changed, or is too recent to stand for their bytes.
    pub compared: usize,
    /// Each release file's stat key, with the build cache
    /// ([`crate::ingest::cache::stat_keys`]); empty without it.
    pub stats: Vec<u128>,
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

pub(crate) fn skipped_warning(shown: &str) -> Diagnostic {
    Diagnostic::warning(
        shown,
        0,
        format!(
            "not a release file (expected .{}): skipped",
            RELEASE_EXTENSIONS.join(", .")
        ),
    )
}

/// Adds one file's result to `corpus`: its releases and warnings, or its error.
pub(crate) fn add_result(corpus: &mut Corpus, file: &InputFile, result: FileResult) {
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
            corpus.diagnostics.push(shown(Diagnostic::from(e)));
            corpus.rejected += 1;
        }
    }
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

#[cfg(all(test, feature = "ingest"))]
mod tests {
    use super::*;
    use crate::ingest::temp_dir::TempDir;

    #[test]
    fn duplicates_are_renamed_and_reported_bad_files_rejected() {
        let dir = TempDir::new("corpus-dups");
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
        let dir = TempDir::new("corpus-two");
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
        let dir = TempDir::new("corpus-loop");
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

    #[cfg(unix)]
    #[test]
    fn a_hard_link_is_the_same_file_and_a_copy_is_not() {
        let dir = TempDir::new("corpus-hard");
        dir.write("a/r.txt", b"T\n\nBody.");
        dir.write("b/copy.txt", b"T\n\nBody.");
        std::fs::hard_link(dir.0.join("a/r.txt"), dir.0.join("b/linked.txt")).unwrap();
        let inputs = collect(&[dir.0.join("a"), dir.0.join("b")]);
        let sources: Vec<&str> = inputs.files.iter().map(|f| f.source.as_str()).collect();
        assert_eq!(sources, ["a/r.txt", "b/copy.txt"]);
        let messages: Vec<String> = inputs.diagnostics.iter().map(ToString::to_string).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("/b/linked.txt: warning: the same file as")),
            "{messages:?}"
        );
    }

    #[test]
    fn only_release_files_are_read() {
        let dir = TempDir::new("corpus-exts");
        dir.write("a.TXT", b"T\n\nBody.");
        dir.write("b.Md", b"# T2\n\nBody.");
        dir.write("c.png", b"\x89PNG\r\n\x1a\n\x00");
        dir.write("d.pdf", b"%PDF-1.4");
        let inputs = collect(std::slice::from_ref(&dir.0));
        let sources: Vec<&str> = inputs.files.iter().map(|f| f.source.as_str()).collect();
        assert_eq!(sources, ["a.TXT", "b.Md"]);
        assert_eq!(inputs.skipped.len(), 2);
        assert!(inputs.skipped[0].ends_with("c.png"));
        let empty = TempDir::new("corpus-no-releases");
        empty.write("only.png", b"x");
        let inputs = collect(std::slice::from_ref(&empty.0));
        assert!(inputs
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("no release files")));
    }
}
