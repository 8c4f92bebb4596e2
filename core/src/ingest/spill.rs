//! Records kept on disk while `dateline pack` reads a corpus, so that memory
//! holds a summary of each release and not the whole record: as `Release`
//! values a million releases take about 10 GB, their summaries a tenth.
//!
//! Files are ingested on every core; each file's records are written to one
//! spill file as they come ([`Spill::keep`]), in the chunks' own codec, and
//! the corpus keeps their summaries ([`summary`]). Packing then reads each
//! record back once, in document order ([`SpillReader::full`]). The spill
//! file sits beside the output and is removed when the `Spill` is dropped.
//! A failed write stops the spill (records after it stay whole in memory)
//! and [`Spill::places`] returns its error: records written before it may
//! still sit in the lost buffer, so the build stops rather than pack them.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{FileResult, Ingested};
use crate::model::Release;
use crate::pack::records;

/// Where a release's full record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// In the spill file, at this offset and length.
    Disk { at: u64, len: u32 },
    /// Its summary is the whole record (not spilled).
    Memory,
}

/// The spill file of one build.
pub struct Spill {
    path: PathBuf,
    file: Mutex<Writing>,
    /// Per input file (by its number), its records' places in order.
    places: Mutex<BTreeMap<usize, Vec<Place>>>,
}

struct Writing {
    out: Option<BufWriter<File>>,
    at: u64,
    /// The first write that failed.
    failed: Option<std::io::Error>,
}

/// What ids and packing need of a release: id, source and title (for the
/// ids), date, and the organisations named with an acronym (for
/// [`crate::pack::Outline`]).
pub fn summary(r: &mut Release) -> Release {
    let mut organisations = std::mem::take(&mut r.organisations);
    organisations.retain(|o| o.name.is_some() && o.acronym.is_some());
    organisations.shrink_to_fit();
    Release {
        id: r.id.clone(),
        source: std::mem::take(&mut r.source),
        title: std::mem::take(&mut r.title),
        date: r.date,
        organisations,
        ..Release::default()
    }
}

impl Spill {
    /// A new spill file in `dir`, named after this process.
    pub fn create(dir: &Path) -> std::io::Result<Spill> {
        let path = dir.join(format!(".dateline-spill-{}", std::process::id()));
        let out = BufWriter::with_capacity(1 << 20, File::create(&path)?);
        Ok(Spill {
            path,
            file: Mutex::new(Writing {
                out: Some(out),
                at: 0,
                failed: None,
            }),
            places: Mutex::new(BTreeMap::new()),
        })
    }

    /// Writes the records of input file number `file` to disk and returns
    /// the result with each release replaced by its summary. Called from any
    /// thread, once per file.
    pub fn keep(&self, file: usize, result: FileResult) -> FileResult {
        let Ok(items) = result else { return result };
        let mut places = Vec::with_capacity(items.len());
        let items = items
            .into_iter()
            .map(|mut item| {
                let bytes = records::write(std::slice::from_ref(&item.release));
                let place = self.write(&bytes);
                places.push(place);
                if place != Place::Memory {
                    item.release = summary(&mut item.release);
                }
                item
            })
            .collect::<Vec<Ingested>>();
        if let Ok(mut all) = self.places.lock() {
            all.insert(file, places);
        }
        Ok(items)
    }

    fn write(&self, bytes: &[u8]) -> Place {
        let Ok(mut w) = self.file.lock() else {
            return Place::Memory;
        };
        let (Some(out), Ok(len)) = (w.out.as_mut(), u32::try_from(bytes.len())) else {
            return Place::Memory;
        };
        match out.write_all(bytes) {
            Ok(()) => {
                let at = w.at;
                w.at += u64::from(len);
                Place::Disk { at, len }
            }
            Err(e) => {
                // Later writes stop too; `places` reports the error.
                w.out = None;
                w.failed = Some(e);
                Place::Memory
            }
        }
    }

    /// The places of every record kept, in input order: the order in which
    /// the corpus adds them (see `corpus::add_result`). Finishes writing; the
    /// error of a write that failed, naming the spill file.
    pub fn places(&self) -> std::io::Result<Vec<Place>> {
        let mut w = self.file.lock().map_err(|_| poisoned())?;
        if let Some(out) = w.out.as_mut() {
            out.flush()?;
        }
        if let Some(e) = w.failed.take() {
            let why = format!("{}: {e}", self.path.display());
            return Err(std::io::Error::new(e.kind(), why));
        }
        let places = self.places.lock().map_err(|_| poisoned())?;
        Ok(places.values().flatten().copied().collect())
    }

    /// A reader of the records written (after [`Spill::places`]).
    pub fn reader(&self) -> std::io::Result<SpillReader> {
        Ok(SpillReader {
            file: File::open(&self.path)?,
            buf: Vec::new(),
        })
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Reads records back from a spill file.
pub struct SpillReader {
    file: File,
    buf: Vec<u8>,
}

impl SpillReader {
    /// The whole record kept at `place`, with the id `id` (ids are given
    /// after ingest). A record kept in memory is no record of the file.
    pub fn full(&mut self, place: Place, id: &str) -> std::io::Result<Release> {
        let Place::Disk { at, len } = place else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "a record kept in memory, not in the spill file",
            ));
        };
        self.buf.resize(len as usize, 0);
        self.file.seek(SeekFrom::Start(at))?;
        self.file.read_exact(&mut self.buf)?;
        let mut release = records::read(&self.buf)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?
            .pop()
            .ok_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, "an empty spilled record")
            })?;
        id.clone_into(&mut release.id);
        Ok(release)
    }
}

fn poisoned() -> std::io::Error {
    std::io::Error::other("a thread writing the spill file panicked")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(n: usize) -> Release {
        Release {
            source: format!("f{n}.txt"),
            title: format!("Title {n}"),
            body: vec![format!("Body {n}"), "Second".into()],
            topics: vec!["drugs".into()],
            ..Release::default()
        }
    }

    fn ingested(n: usize) -> Ingested {
        Ingested {
            release: release(n),
            diagnostics: Vec::new(),
            line: 1,
        }
    }

    /// A disk that fills up: the build gets the error, not records that
    /// were buffered and lost.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_write_that_fails_is_an_error_of_places() {
        let dir = std::env::temp_dir().join(format!("dateline-spill-full-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let spill = Spill::create(&dir).unwrap();
        if let Ok(mut w) = spill.file.lock() {
            w.out = Some(BufWriter::new(File::create("/dev/full").unwrap()));
        }
        // One small record (buffered) and one larger than the buffer.
        let mut big = ingested(1);
        big.release.body = vec!["x".repeat(2 << 20)];
        let kept = spill.keep(0, Ok(vec![ingested(0), big])).unwrap();
        assert_eq!(
            kept[1].release.body.len(),
            1,
            "kept whole after the failure"
        );
        let error = spill.places().unwrap_err();
        assert!(error.to_string().contains(".dateline-spill-"), "{error}");
        drop(spill);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn records_come_back_whole_in_input_order_with_the_id_given() {
        let dir = std::env::temp_dir().join(format!("dateline-spill-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let spill = Spill::create(&dir).unwrap();
        // Files finish out of order, as on several cores.
        let two = spill.keep(2, Ok(vec![ingested(3)])).unwrap();
        let zero = spill.keep(0, Ok(vec![ingested(0), ingested(1)])).unwrap();
        let rejected = spill.keep(
            1,
            Err(crate::ingest::IngestError {
                file: "bad".into(),
                line: 0,
                message: "no".into(),
            }),
        );
        assert!(rejected.is_err());
        assert!(
            zero[0].release.body.is_empty(),
            "only the summary stays in memory"
        );
        assert_eq!(zero[1].release.title, "Title 1");
        let places = spill.places().unwrap();
        assert_eq!(places.len(), 3);
        let mut reader = spill.reader().unwrap();
        assert_eq!(two[0].release.title, "Title 3");
        for (place, n) in places.into_iter().zip([0, 1, 3]) {
            let full = reader.full(place, &format!("id-{n}")).unwrap();
            assert_eq!(
                full,
                Release {
                    id: format!("id-{n}"),
                    ..release(n)
                }
            );
        }
        assert!(reader.full(Place::Memory, "id-0").is_err());
        let path = spill.path.clone();
        drop(spill);
        assert!(!path.exists(), "the spill file is removed");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
