//! Files already in memory into records (the import worker: files picked or
//! dropped on the page), by the same steps as [`corpus`](super::corpus) for
//! a folder on disk: the same readers and extractors per file, the same
//! skipped files and messages, the same order, the same ids.
//!
//! Paths are as the browser gives them: `fixtures/sub/a.txt` for a folder
//! picked or dropped (`webkitRelativePath`), `a.txt` for a file. When every
//! path starts with one top folder, that folder is the corpus folder given
//! to the CLI: `source` is relative to it (`sub/a.txt`). Otherwise each path
//! is an input of its own, as for the CLI given several: `source` is the
//! path itself. Messages name the path as given, as the CLI's do.
//!
//! An import also adds to the releases kept from earlier imports ("my
//! releases"): a file with the `source` of an earlier one replaces its
//! records, and every kept release keeps its id.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::corpus::{add_result, assign_ids, skipped_warning, Corpus, InputFile, Origin};
use super::ids::Previous;
use super::read::{too_large, Format, MAX_FILE_BYTES, RELEASE_EXTENSIONS};
use super::{ingest_bytes, Diagnostic, FileResult};
use crate::import::ImportFile;
use crate::model::Release;

/// An import under way: each file is read and extracted as it arrives (so
/// that the worker's work per message is bounded), and put in the CLI's
/// order by [`Import::finish`], once every path is known.
#[derive(Debug, Default)]
pub struct Import {
    /// Release files read so far: (path as given, its result). The result is
    /// read with the path as its `source`; `finish` makes it relative.
    read: Vec<(String, FileResult)>,
    /// Paths seen, to read a path given twice once.
    seen: HashSet<String>,
    /// Paths that are not release files.
    skipped: Vec<String>,
    /// Paths given again after their first.
    repeated: Vec<String>,
}

impl Import {
    /// Reads one file; returns its problems (as the CLI prints them), for the
    /// progress the app shows. Never fails: a bad file is an error in its result.
    pub fn add(&mut self, file: ImportFile) -> Vec<Diagnostic> {
        let ImportFile { path, size, bytes } = file;
        if is_hidden(&path) {
            return Vec::new();
        }
        if !self.seen.insert(path.clone()) {
            self.repeated.push(path.clone());
            return vec![given_twice(&path)];
        }
        if Format::of_release(Path::new(&path)).is_none() {
            let warning = skipped_warning(&path);
            self.skipped.push(path);
            return vec![warning];
        }
        // The app does not read a file above the limit: its size says why.
        let result = match size > MAX_FILE_BYTES as u64 {
            true => Err(too_large(&path, size)),
            false => ingest_bytes(&path, Path::new(&path), &bytes),
        };
        let problems = match &result {
            Ok(items) => items
                .iter()
                .flat_map(|i| i.diagnostics.iter().cloned())
                .collect(),
            Err(e) => vec![Diagnostic::from(e.clone())],
        };
        self.read.push((path, result));
        problems
    }

    /// Files taken so far (release files, skipped and repeated ones).
    pub fn len(&self) -> usize {
        self.read.len() + self.skipped.len() + self.repeated.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The records of this import added to `kept` (the releases of earlier
    /// imports, with their ids): a file that gave records replaces the kept
    /// records of its `source`; kept releases keep their ids, and the new
    /// records of a replaced file take its old ids where they can (the
    /// previous-build rule of [`ids`](super::ids)).
    pub fn finish(self, kept: Vec<Release>) -> Corpus {
        let Import {
            mut read,
            mut skipped,
            repeated,
            ..
        } = self;
        let top = top_folder(
            read.iter()
                .map(|(p, _)| p)
                .chain(&skipped)
                .map(String::as_str),
        );
        let source_of = |path: &str| match &top {
            Some(top) => path
                .strip_prefix(top.as_str())
                .and_then(|p| p.strip_prefix('/'))
                .unwrap_or(path)
                .to_string(),
            None => path.to_string(),
        };
        // The CLI's order: by source (and path, for equal sources).
        read.sort_by_cached_key(|(path, _)| (source_of(path), path.clone()));
        skipped.sort_by_cached_key(|path| (source_of(path), path.clone()));

        let mut corpus = Corpus {
            files: read.len(),
            ..Corpus::default()
        };
        corpus
            .diagnostics
            .extend(repeated.iter().map(|p| given_twice(p)));
        corpus
            .diagnostics
            .extend(skipped.iter().map(|p| skipped_warning(p)));
        if let (Some(top), true) = (&top, read.is_empty()) {
            corpus.diagnostics.push(no_release_files(top));
        }
        corpus.skipped = skipped;

        let replaced: HashSet<String> = read
            .iter()
            .filter(|(_, result)| result.is_ok())
            .map(|(path, _)| source_of(path))
            .collect();
        let previous = (!kept.is_empty()).then(|| Previous::from_records(&kept));
        for release in kept {
            if !replaced.contains(&release.source) {
                keep(&mut corpus, release);
            }
        }
        for (path, mut result) in read {
            let source = source_of(&path);
            // Read with the path as its source: the records take the source
            // relative to the folder (a record giving its own keeps it).
            if let Ok(items) = &mut result {
                for item in items.iter_mut().filter(|i| i.release.source == path) {
                    item.release.source.clone_from(&source);
                }
            }
            let file = InputFile {
                path: PathBuf::from(&path),
                display: path,
                source,
            };
            add_result(&mut corpus, &file, result);
        }
        assign_ids(&mut corpus, previous.as_ref());
        corpus
    }
}

/// Ingests files in memory at once (see the module documentation).
pub fn ingest_files(files: Vec<ImportFile>, kept: Vec<Release>) -> Corpus {
    let mut import = Import::default();
    for file in files {
        import.add(file);
    }
    import.finish(kept)
}

/// Two sets of records already ingested as one (this site's and mine):
/// `first` keeps its ids; a release of `then` whose id is taken gets another
/// by the id rule (the hash of its source), with a warning naming it.
pub fn merge(first: Vec<Release>, then: Vec<Release>) -> Corpus {
    let mut corpus = Corpus::default();
    for release in first.into_iter().chain(then) {
        keep(&mut corpus, release);
    }
    assign_ids(&mut corpus, None);
    corpus
}

/// Adds a record ingested before, named in messages by its source.
fn keep(corpus: &mut Corpus, release: Release) {
    corpus.origins.push(Origin {
        file: release.source.clone(),
        line: 0,
    });
    corpus.releases.push(release);
}

/// The one folder every path starts with (`fixtures` for
/// `fixtures/a.txt` and `fixtures/sub/b.md`), if there is one.
fn top_folder<'a>(paths: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut top: Option<&str> = None;
    for path in paths {
        let (first, _) = path.split_once('/')?;
        match top {
            Some(t) if t != first => return None,
            _ => top = Some(first),
        }
    }
    top.map(str::to_string)
}

/// Hidden entries (`.git/…`, `.DS_Store`) under a folder are skipped
/// silently, as the folder walk skips them; the top folder itself may be
/// hidden, as a folder given to the CLI may be.
fn is_hidden(path: &str) -> bool {
    path.split('/').skip(1).any(|part| part.starts_with('.'))
}

fn given_twice(path: &str) -> Diagnostic {
    Diagnostic::warning(path, 0, "given twice: read once")
}

/// As the CLI says of a folder without release files.
fn no_release_files(folder: &str) -> Diagnostic {
    Diagnostic::warning(
        folder,
        0,
        format!(
            "no release files in this folder: expected files ending in .{}",
            RELEASE_EXTENSIONS.join(", .")
        ),
    )
}

#[cfg(all(test, feature = "ingest"))]
mod tests {
    use super::*;
    use crate::ingest::corpus::ingest_paths;

    fn file(path: &str, bytes: &[u8]) -> ImportFile {
        ImportFile::new(path, bytes.to_vec())
    }

    /// The fixtures folder as the browser gives it: `fixtures/<relative path>`.
    fn fixtures() -> Vec<ImportFile> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut files = Vec::new();
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    let rel = path.strip_prefix(&root).unwrap().to_string_lossy();
                    files.push(file(
                        &format!("fixtures/{}", rel.replace('\\', "/")),
                        &std::fs::read(&path).unwrap(),
                    ));
                }
            }
        }
        // The browser's order is not the CLI's: the import sorts.
        files.reverse();
        files
    }

    #[test]
    fn the_fixtures_in_memory_are_the_cli_records_field_for_field() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let cli = ingest_paths(std::slice::from_ref(&root));
        let mut import = Import::default();
        let mut problems = 0;
        // In batches, as the worker gets them.
        let files = fixtures();
        let total = files.len();
        for batch in files.chunks(10) {
            for f in batch {
                problems += import.add(f.clone()).len();
            }
        }
        assert_eq!(import.len(), total);
        let mine = import.finish(Vec::new());
        assert!(!cli.releases.is_empty());
        assert_eq!(
            serde_json::to_value(&mine.releases).unwrap(),
            serde_json::to_value(&cli.releases).unwrap()
        );
        // The same messages, each naming the file as given (`fixtures/…`
        // here, the folder's path on the command line).
        let prefix = format!("{}/", root.display());
        let cli_text: Vec<String> = cli
            .diagnostics
            .iter()
            .map(|d| d.to_string().replace(&prefix, "fixtures/"))
            .collect();
        let mine_text: Vec<String> = mine.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(mine_text, cli_text);
        // Progress reported every file's problems (ids come at the end).
        assert!(problems > 0 && problems <= mine.diagnostics.len());
        assert_eq!(
            (mine.files, mine.rejected, mine.skipped.len()),
            (cli.files, cli.rejected, cli.skipped.len())
        );
    }

    #[test]
    fn files_not_in_one_folder_are_inputs_of_their_own() {
        let text = b"A title\n\nVienna, 17 April 2019 - Body.";
        let corpus = ingest_files(
            vec![
                file("b.txt", text),
                file("x/a.md", b"Another\n\nGeneva, 2 May 2020 - Body."),
                file("notes.pdf", b"%PDF"),
                file("x/.git/c.txt", text),
            ],
            Vec::new(),
        );
        let sources: Vec<&str> = corpus.releases.iter().map(|r| r.source.as_str()).collect();
        assert_eq!(sources, ["b.txt", "x/a.md"]);
        assert_eq!(corpus.skipped, ["notes.pdf"]);
        assert_eq!(
            corpus.diagnostics[0].to_string(),
            "notes.pdf: warning: not a release file (expected .txt, .md, .markdown, .json): skipped"
        );
        // One folder: sources relative to it.
        let corpus = ingest_files(vec![file("top/sub/b.txt", text)], Vec::new());
        assert_eq!(corpus.releases[0].source, "sub/b.txt");
        assert_eq!(corpus.origins[0].file, "top/sub/b.txt");
    }

    #[test]
    fn a_file_of_the_same_source_replaces_the_one_kept_and_ids_stay() {
        let first = ingest_files(
            vec![
                file("mine/a.txt", b"Alpha\n\nVienna, 17 April 2019 - One."),
                file("mine/b.txt", b"Beta\n\nVienna, 18 April 2019 - Two."),
            ],
            Vec::new(),
        );
        let ids: Vec<String> = first.releases.iter().map(|r| r.id.clone()).collect();
        assert_eq!(ids, ["2019-04-17-alpha", "2019-04-18-beta"]);
        // Another folder: a.txt edited (new title), c.txt new and wanting b's id.
        let second = ingest_files(
            vec![
                file(
                    "other/a.txt",
                    b"Alpha, edited\n\nVienna, 17 April 2019 - One again.",
                ),
                file("other/c.txt", b"Beta\n\nGeneva, 18 April 2019 - Three."),
            ],
            first.releases,
        );
        let by_source = |s: &str| second.releases.iter().find(|r| r.source == s).unwrap();
        assert_eq!(second.releases.len(), 3);
        assert_eq!(by_source("a.txt").id, "2019-04-17-alpha");
        assert_eq!(by_source("a.txt").title, "Alpha, edited");
        assert_eq!(by_source("b.txt").id, "2019-04-18-beta");
        let c = &by_source("c.txt").id;
        assert!(c.starts_with("2019-04-18-beta-"), "{c}");
        assert!(second
            .diagnostics
            .iter()
            .any(|d| d.file == "other/c.txt" && d.message.contains("duplicate id")));
    }

    #[test]
    fn a_bad_file_among_good_ones_is_an_error_and_the_others_are_kept() {
        let good = b"Good\n\nVienna, 17 April 2019 - Body.";
        let mut import = Import::default();
        assert!(import.add(file("f/a.txt", good)).is_empty());
        let problems = import.add(file("f/b.txt", b"bad \0 bytes"));
        assert_eq!(
            problems[0].to_string(),
            "f/b.txt:1: error: binary file (NUL byte at byte 4): expected UTF-8 text"
        );
        let big = vec![b'a'; crate::ingest::read::MAX_FILE_BYTES + 1];
        let problems = import.add(file("f/c.txt", &big));
        assert!(problems[0]
            .to_string()
            .starts_with("f/c.txt: error: file is "));
        // The app does not read a file above the limit: it sends its size alone.
        let unread = ImportFile {
            path: "f/video.txt".into(),
            size: 3_000_000_000,
            bytes: Vec::new(),
        };
        assert_eq!(
            import.add(unread)[0].to_string(),
            "f/video.txt: error: file is 3000000000 bytes, larger than the 10 MB limit: expected a single press release"
        );
        import.add(file("f/d.json", b"{\"title\": "));
        import.add(file("f/e.txt", good));
        let corpus = import.finish(Vec::new());
        assert_eq!(corpus.releases.len(), 2);
        assert_eq!(corpus.rejected, 4);
        assert!(corpus.has_errors());
        // A bad file replaces nothing kept.
        let again = ingest_files(vec![file("g/a.txt", b"")], corpus.releases);
        assert_eq!(again.releases.len(), 2);
    }

    #[test]
    fn merged_sets_keep_the_first_ids_and_rename_the_others() {
        let site = ingest_files(
            vec![file("s/a.txt", b"Alpha\n\nVienna, 17 April 2019 - One.")],
            Vec::new(),
        );
        let mine = ingest_files(
            vec![file("m/x.txt", b"Alpha\n\nGeneva, 17 April 2019 - Other.")],
            Vec::new(),
        );
        let both = merge(site.releases, mine.releases);
        assert_eq!(both.releases[0].id, "2019-04-17-alpha");
        assert!(both.releases[1].id.starts_with("2019-04-17-alpha-"));
        assert_eq!(both.diagnostics.len(), 1);
        assert!(both.diagnostics[0]
            .to_string()
            .starts_with("x.txt: warning: duplicate id"));
    }
}
