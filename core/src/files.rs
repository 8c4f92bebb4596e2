//! Which files are releases, and how large one may be: the rules of the
//! CLI's folder walk and readers, which the browser's import applies too
//! before it reads a file (so a video dropped with a folder is never read).

/// The extensions read as releases (any case); the corpus walk skips other files.
pub const RELEASE_EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "json"];

/// The largest file read (a release is a few kilobytes): bounded work and
/// memory for any input.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// Whether a path (`folder/a.TXT`) names a release file by its extension.
pub fn is_release_path(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && RELEASE_EXTENSIONS
                .iter()
                .any(|e| e.eq_ignore_ascii_case(ext))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_paths_are_known_by_their_extension_in_any_case() {
        for path in ["a.txt", "dir/b.MD", "c.markdown", "x/y/z.Json", "a.b.txt"] {
            assert!(is_release_path(path), "{path}");
        }
        for path in [
            "a.pdf",
            "txt",
            "dir.txt/photo.jpg",
            "README",
            ".txt",
            "a.txt.gz",
        ] {
            assert!(!is_release_path(path), "{path}");
        }
    }
}
