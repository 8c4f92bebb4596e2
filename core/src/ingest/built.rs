//! What a data folder was built from: the stat key of every release file
//! ([`super::cache::stat_keys`]) and the data's mark ([`data_mark`]), kept
//! beside the build cache (`<cache>.built`). `dateline pack --cache` reads
//! it to tell a build that only adds files, and appends those
//! ([`crate::pack::append`]) instead of packing every release again.
//!
//! ```text
//! dateline-built 2 <mark> <fingerprint>\n  then 16 bytes (little-endian) per file, sorted
//! ```
//!
//! Anything unexpected in it (another version, a short file, another
//! mark) only means a whole pack.
//!
//! [`data_mark`]: crate::pack::data_mark

use std::path::{Path, PathBuf};

use super::cache::{NO_STAT, UNREAD};

const HEADER: &str = "dateline-built 2";

/// The files a data folder was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    /// The data's mark ([`crate::pack::data_mark`] of `l/0.bin` and
    /// `index.bin`): the record is of that very data.
    pub mark: String,
    /// The build of dateline that made the data (the cache's fingerprint,
    /// [`super::cache::fingerprint_of`]): another one's extractors may
    /// differ, so new files are not appended to its data.
    pub fingerprint: String,
    /// Each release file's stat key, sorted.
    pub keys: Vec<u128>,
}

impl Built {
    /// Where the record of a build with the cache `cache` is kept.
    pub fn beside(cache: &Path) -> PathBuf {
        let mut name = cache.as_os_str().to_owned();
        name.push(".built");
        PathBuf::from(name)
    }

    pub fn new(mark: String, fingerprint: String, mut keys: Vec<u128>) -> Built {
        keys.sort_unstable();
        Built {
            mark,
            fingerprint,
            keys,
        }
    }

    /// The record at `path`; None when there is none, or it is not one this
    /// build of dateline wrote.
    pub fn read(path: &Path) -> Option<Built> {
        let bytes = std::fs::read(path).ok()?;
        let line = bytes.iter().position(|&b| b == b'\n')?;
        let head = std::str::from_utf8(&bytes[..line]).ok()?;
        let (mark, fingerprint) = head
            .strip_prefix(HEADER)?
            .strip_prefix(' ')?
            .split_once(' ')?;
        let (mark, fingerprint) = (mark.to_string(), fingerprint.to_string());
        let body = &bytes[line + 1..];
        if body.len() % 16 != 0 {
            return None;
        }
        let keys: Vec<u128> = body
            .chunks_exact(16)
            .map(|c| u128::from_le_bytes(c.try_into().unwrap_or([0; 16])))
            .collect();
        keys.is_sorted().then_some(Built {
            mark,
            fingerprint,
            keys,
        })
    }

    /// Writes the record to `path` (through a file beside it, renamed:
    /// never half a record).
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let mut bytes = format!("{HEADER} {} {}\n", self.mark, self.fingerprint).into_bytes();
        bytes.reserve(self.keys.len() * 16);
        self.keys
            .iter()
            .for_each(|k| bytes.extend_from_slice(&k.to_le_bytes()));
        let mut temp = path.as_os_str().to_owned();
        temp.push(".new");
        std::fs::write(&temp, bytes)?;
        std::fs::rename(&temp, path)
    }

    /// The files of `stats` (each current file's stat key) that were not
    /// built from: Some when every file built from is among them, unchanged,
    /// and every current file's metadata can be trusted (none changed
    /// within [`super::cache::RACY`], none unreadable); None otherwise,
    /// when only a whole pack will do.
    pub fn added(&self, stats: &[u128]) -> Option<Vec<usize>> {
        if stats.iter().any(|&k| k == NO_STAT || k == UNREAD) {
            return None;
        }
        let mut found = 0;
        let mut added = Vec::new();
        for (i, k) in stats.iter().enumerate() {
            match self.keys.binary_search(k) {
                Ok(_) => found += 1,
                Err(_) => added.push(i),
            }
        }
        // Every file built from is there once (stat keys are of distinct
        // files: a key found twice would hide a file gone).
        let mut sorted = stats.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        (found == self.keys.len() && sorted.len() == stats.len()).then_some(added)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_only_added_are_told_apart_from_any_other_change() {
        let built = Built::new("ab12".into(), "f00d".into(), vec![30, 10, 20]);
        assert_eq!(built.added(&[10, 20, 30]), Some(vec![]));
        assert_eq!(built.added(&[40, 10, 20, 30, 5]), Some(vec![0, 4]));
        // Removed, changed (its key is another), racy, unreadable, twice.
        assert_eq!(built.added(&[10, 20]), None);
        assert_eq!(built.added(&[10, 20, 31]), None);
        assert_eq!(built.added(&[10, 20, 30, NO_STAT]), None);
        assert_eq!(built.added(&[10, 20, 30, UNREAD]), None);
        assert_eq!(built.added(&[10, 20, 30, 30]), None);
    }

    #[test]
    fn a_record_reads_back_and_anything_else_is_none() {
        let dir = std::env::temp_dir().join(format!("dateline-built-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = Built::beside(&dir.join("build.cache"));
        assert!(path.ends_with("build.cache.built"));
        assert_eq!(Built::read(&path), None);
        let built = Built::new(
            "00ff00ff00ff00ff".into(),
            "0123456789abcdef".into(),
            vec![u128::MAX - 1, 1, 1 << 100],
        );
        built.write(&path).expect("write");
        assert_eq!(Built::read(&path), Some(built));
        let mut bytes = std::fs::read(&path).expect("read");
        bytes.pop();
        std::fs::write(&path, &bytes).expect("write");
        assert_eq!(Built::read(&path), None, "a short record");
        std::fs::write(&path, b"dateline-built 1 00\n").expect("write");
        assert_eq!(Built::read(&path), None, "another version");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
