//! The messages between the app and its import worker (releases dropped on
//! the page are read, extracted and packed off the main thread, by the same
//! core as the CLI). Each message is one buffer in the core's byte codec,
//! so that it crosses to the worker as one transferred `ArrayBuffer`: no
//! copy of the files on the way, and no serialisation crate in the app.
//!
//! The app drives an import: `Begin`, then `Files` in batches (the next
//! batch after the worker's `Progress`), then `Finish`; `Cancel` between
//! batches drops what the worker has read so far. The worker keeps "my
//! releases" on the device (IndexedDB) and answers `Ready` with the data
//! files of the set asked for, as `dateline pack` writes them.

use crate::codec::{DecodeError, Reader, Writer};

const MAGIC: &[u8; 4] = b"DLIM";
const VERSION: u32 = 1;
/// How the app names the buffers in errors.
const FILE: &str = "import message";

/// Which releases the explorer shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Set {
    /// The releases this site was built with.
    #[default]
    Site,
    /// The releases imported on this device.
    Mine,
    /// Both, merged into one archive.
    Both,
}

impl Set {
    pub const ALL: [Set; 3] = [Set::Site, Set::Mine, Set::Both];

    /// Its name in storage and messages.
    pub fn key(self) -> &'static str {
        match self {
            Set::Site => "site",
            Set::Mine => "mine",
            Set::Both => "both",
        }
    }

    pub fn from_key(key: &str) -> Option<Set> {
        Set::ALL.into_iter().find(|s| s.key() == key)
    }

    /// What the set switch calls it.
    pub fn label(self) -> &'static str {
        match self {
            Set::Site => "This site's releases",
            Set::Mine => "My releases",
            Set::Both => "Both, merged",
        }
    }

    fn code(self) -> u32 {
        self as u32
    }

    fn from_code(code: u32) -> Option<Set> {
        Set::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One file to import: its path as picked (`folder/sub/a.txt`, or the
/// file's name), its size, and its bytes: none for a file that is not a
/// release or is larger than [`crate::files::MAX_FILE_BYTES`] (the app does
/// not read those; the worker reports them as the CLI does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportFile {
    pub path: String,
    pub size: u64,
    pub bytes: Vec<u8>,
}

impl ImportFile {
    /// A file read whole: its size is its bytes' length.
    pub fn new(path: impl Into<String>, bytes: Vec<u8>) -> ImportFile {
        ImportFile {
            path: path.into(),
            size: bytes.len() as u64,
            bytes,
        }
    }
}

/// A problem with one file, as the CLI prints it (`path:line: error: …`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub error: bool,
    pub text: String,
}

/// From the app to the worker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToWorker {
    /// A new import of `total` files starts; anything pending is dropped.
    Begin { total: u32 },
    /// The next files of the import.
    Files(Vec<ImportFile>),
    /// All files are sent: add them to my releases (a file with the path of
    /// one imported before replaces it), keep them, and send the `set`.
    Finish { set: Set, site: String },
    /// Drop the files of this import read so far.
    Cancel,
    /// Send the data files of `set` (`site`: the URL of this site's data
    /// folder, ending in `/`, for `Both`).
    Open { set: Set, site: String },
    /// Remove my releases from the device.
    Forget,
    /// A `.zip` of the data folder and feed of `set`.
    Zip { set: Set, site: String },
}

/// A file of a set by its path: in the data folder in `Ready` (`list.bin`,
/// `r/0.bin`); from the site's root in what `dateline pack` writes
/// (`data/list.bin`, `feed.xml`: `pack::site_files`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// From the worker to the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FromWorker {
    /// Files read so far of this import, and the problems of the last batch.
    Progress {
        done: u32,
        total: u32,
        problems: Vec<Problem>,
    },
    /// The data files of `set`: `releases` of them, and problems met while
    /// making them (a site file that could not be fetched, ids renamed).
    Ready {
        set: Set,
        releases: u32,
        files: Vec<DataFile>,
        problems: Vec<Problem>,
    },
    /// No releases are kept on this device.
    Empty,
    Cancelled,
    Forgotten,
    Zip {
        name: String,
        bytes: Vec<u8>,
    },
    /// What went wrong (storage full, a site file missing…), in a sentence.
    Failed {
        message: String,
    },
    /// The worker listens: messages posted before this could be lost (a
    /// worker drops what arrives before its handler is set), so the app
    /// holds them until it comes.
    Started,
}

impl ToWorker {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.magic(MAGIC, VERSION);
        match self {
            ToWorker::Begin { total } => {
                w.varint(0);
                w.varint(*total);
            }
            ToWorker::Files(files) => {
                w.varint(1);
                w.len(files.len());
                for f in files {
                    w.str(&f.path);
                    w.varint(u32::try_from(f.size >> 32).unwrap_or(u32::MAX));
                    w.varint(f.size as u32);
                    w.bytes(&f.bytes);
                }
            }
            ToWorker::Finish { set, site } => {
                w.varint(2);
                w.varint(set.code());
                w.str(site);
            }
            ToWorker::Cancel => w.varint(3),
            ToWorker::Open { set, site } => {
                w.varint(4);
                w.varint(set.code());
                w.str(site);
            }
            ToWorker::Forget => w.varint(5),
            ToWorker::Zip { set, site } => {
                w.varint(6);
                w.varint(set.code());
                w.str(site);
            }
        }
        w.finish()
    }

    pub fn decode(buf: &[u8]) -> Result<ToWorker, DecodeError> {
        let mut r = open(buf)?;
        let message = match r.varint()? {
            0 => ToWorker::Begin { total: r.varint()? },
            1 => {
                let n = r.count(2)?;
                let mut files = Vec::with_capacity(n);
                for _ in 0..n {
                    let path = r.str()?.to_string();
                    let size = u64::from(r.varint()?) << 32 | u64::from(r.varint()?);
                    files.push(ImportFile {
                        path,
                        size,
                        bytes: r.bytes()?.to_vec(),
                    });
                }
                ToWorker::Files(files)
            }
            2 => ToWorker::Finish {
                set: set(&mut r)?,
                site: r.str()?.to_string(),
            },
            3 => ToWorker::Cancel,
            4 => ToWorker::Open {
                set: set(&mut r)?,
                site: r.str()?.to_string(),
            },
            5 => ToWorker::Forget,
            6 => ToWorker::Zip {
                set: set(&mut r)?,
                site: r.str()?.to_string(),
            },
            _ => return Err(r.error("a message to the import worker")),
        };
        r.done()?;
        Ok(message)
    }
}

impl FromWorker {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.magic(MAGIC, VERSION);
        match self {
            FromWorker::Progress {
                done,
                total,
                problems,
            } => {
                w.varint(0);
                w.varint(*done);
                w.varint(*total);
                write_problems(&mut w, problems);
            }
            FromWorker::Ready {
                set,
                releases,
                files,
                problems,
            } => {
                w.varint(1);
                w.varint(set.code());
                w.varint(*releases);
                w.len(files.len());
                for f in files {
                    w.str(&f.path);
                    w.bytes(&f.bytes);
                }
                write_problems(&mut w, problems);
            }
            FromWorker::Empty => w.varint(2),
            FromWorker::Cancelled => w.varint(3),
            FromWorker::Forgotten => w.varint(4),
            FromWorker::Zip { name, bytes } => {
                w.varint(5);
                w.str(name);
                w.bytes(bytes);
            }
            FromWorker::Failed { message } => {
                w.varint(6);
                w.str(message);
            }
            FromWorker::Started => w.varint(7),
        }
        w.finish()
    }

    pub fn decode(buf: &[u8]) -> Result<FromWorker, DecodeError> {
        let mut r = open(buf)?;
        let message = match r.varint()? {
            0 => FromWorker::Progress {
                done: r.varint()?,
                total: r.varint()?,
                problems: read_problems(&mut r)?,
            },
            1 => {
                let set = set(&mut r)?;
                let releases = r.varint()?;
                let n = r.count(2)?;
                let mut files = Vec::with_capacity(n);
                for _ in 0..n {
                    let path = r.str()?.to_string();
                    files.push(DataFile {
                        path,
                        bytes: r.bytes()?.to_vec(),
                    });
                }
                FromWorker::Ready {
                    set,
                    releases,
                    files,
                    problems: read_problems(&mut r)?,
                }
            }
            2 => FromWorker::Empty,
            3 => FromWorker::Cancelled,
            4 => FromWorker::Forgotten,
            5 => FromWorker::Zip {
                name: r.str()?.to_string(),
                bytes: r.bytes()?.to_vec(),
            },
            6 => FromWorker::Failed {
                message: r.str()?.to_string(),
            },
            7 => FromWorker::Started,
            _ => return Err(r.error("a message from the import worker")),
        };
        r.done()?;
        Ok(message)
    }
}

fn open(buf: &[u8]) -> Result<Reader<'_>, DecodeError> {
    let mut r = Reader::new(buf, FILE);
    r.magic(MAGIC, VERSION)?;
    r.checksummed()?;
    Ok(r)
}

fn set(r: &mut Reader<'_>) -> Result<Set, DecodeError> {
    let code = r.varint()?;
    Set::from_code(code).ok_or_else(|| r.error("a set: site, mine or both"))
}

fn write_problems(w: &mut Writer, problems: &[Problem]) {
    w.len(problems.len());
    for p in problems {
        w.varint(u32::from(p.error));
        w.str(&p.text);
    }
}

fn read_problems(r: &mut Reader<'_>) -> Result<Vec<Problem>, DecodeError> {
    let n = r.count(2)?;
    let mut problems = Vec::with_capacity(n);
    for _ in 0..n {
        let error = r.varint()? != 0;
        problems.push(Problem {
            error,
            text: r.str()?.to_string(),
        });
    }
    Ok(problems)
}

/// Whether a set kept on the device (a `Ready` the worker stored) holds its
/// full records as JSON (`r/N.json`), as workers kept them before the packed
/// `r/N.bin`: it is then packed again.
pub fn kept_as_json(stored: &[u8]) -> bool {
    matches!(FromWorker::decode(stored), Ok(FromWorker::Ready { files, .. })
        if files.iter().any(|f| f.path.starts_with("r/") && f.path.ends_with(".json")))
}

/// The releases of a set kept on the device: the full records of its chunk
/// files, in either format. An error says which file could not be read.
pub fn kept_releases(stored: &[u8]) -> Result<Vec<crate::Release>, String> {
    let files = match FromWorker::decode(stored) {
        Ok(FromWorker::Ready { files, .. }) => files,
        Ok(_) => return Err("not a set of releases".into()),
        Err(e) => return Err(e.to_string()),
    };
    let mut releases = Vec::new();
    for DataFile { path, bytes } in files.iter().filter(|f| f.path.starts_with("r/")) {
        let chunk = match path.ends_with(".json") {
            true => serde_json::from_slice(bytes).map_err(|e| e.to_string()),
            false => crate::pack::records::read(bytes).map_err(|e| e.to_string()),
        };
        releases.extend(chunk.map_err(|e| format!("{path}: {e}"))?);
    }
    Ok(releases)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, bytes: &[u8]) -> ImportFile {
        ImportFile::new(path, bytes.to_vec())
    }

    #[test]
    fn every_message_to_the_worker_survives_the_trip() {
        let site = "https://example.org/dateline/data/".to_string();
        for message in [
            ToWorker::Begin { total: 1_000 },
            ToWorker::Files(vec![file("a/b.txt", b"Title\n\nBody"), file("c.json", b"")]),
            ToWorker::Files(vec![ImportFile {
                path: "video.txt".into(),
                size: 5 << 32 | 7,
                bytes: Vec::new(),
            }]),
            ToWorker::Files(Vec::new()),
            ToWorker::Finish {
                set: Set::Both,
                site: site.clone(),
            },
            ToWorker::Cancel,
            ToWorker::Open {
                set: Set::Mine,
                site: site.clone(),
            },
            ToWorker::Forget,
            ToWorker::Zip {
                set: Set::Site,
                site,
            },
        ] {
            assert_eq!(ToWorker::decode(&message.encode()), Ok(message));
        }
    }

    #[test]
    fn every_message_from_the_worker_survives_the_trip() {
        let problem = Problem {
            error: true,
            text: "a.txt:3: error: expected a title".into(),
        };
        for message in [
            FromWorker::Progress {
                done: 5,
                total: 9,
                problems: vec![problem.clone()],
            },
            FromWorker::Ready {
                set: Set::Mine,
                releases: 2,
                files: vec![DataFile {
                    path: "list.bin".into(),
                    bytes: vec![1, 2, 3],
                }],
                problems: vec![problem],
            },
            FromWorker::Empty,
            FromWorker::Cancelled,
            FromWorker::Forgotten,
            FromWorker::Zip {
                name: "dateline-site.zip".into(),
                bytes: vec![0x50, 0x4b],
            },
            FromWorker::Failed {
                message: "storage is full".into(),
            },
            FromWorker::Started,
        ] {
            assert_eq!(FromWorker::decode(&message.encode()), Ok(message));
        }
    }

    #[test]
    fn a_damaged_or_foreign_buffer_is_an_error_with_its_offset() {
        let mut bytes = ToWorker::Begin { total: 3 }.encode();
        let last = bytes.len() - 5;
        bytes[last] ^= 0xFF;
        let error = ToWorker::decode(&bytes).unwrap_err();
        assert_eq!(error.file, FILE);
        assert!(FromWorker::decode(b"DLIX\x01").is_err());
        // A message the other way round is not mistaken for one of these.
        let unknown = {
            let mut w = Writer::default();
            w.magic(MAGIC, VERSION);
            w.varint(99);
            w.finish()
        };
        let error = FromWorker::decode(&unknown).unwrap_err();
        assert_eq!(error.expected, "a message from the import worker");
        assert_eq!(error.offset, 6);
    }

    #[test]
    fn sets_have_stable_keys() {
        for set in Set::ALL {
            assert_eq!(Set::from_key(set.key()), Some(set));
        }
        assert_eq!(Set::from_key("all"), None);
    }

    #[test]
    fn a_kept_set_reads_back_in_either_chunk_format() {
        let release = |id: &str| crate::Release {
            id: id.into(),
            title: format!("Title {id}"),
            body: vec!["Text.".into()],
            ..crate::Release::default()
        };
        let releases = vec![release("a"), release("b")];
        let ready = |files| {
            FromWorker::Ready {
                set: Set::Mine,
                releases: 2,
                files,
                problems: Vec::new(),
            }
            .encode()
        };
        let packed = crate::pack::pack_files(releases.clone());
        let mut got = kept_releases(&ready(packed.clone())).unwrap();
        got.sort_by(|x, y| x.id.cmp(&y.id));
        assert_eq!(got, releases);
        assert!(!kept_as_json(&ready(packed.clone())));
        // As an older worker kept it: the chunk as JSON.
        let older: Vec<DataFile> = packed
            .into_iter()
            .map(
                |f| match f.path.strip_suffix(".bin").filter(|p| p.starts_with("r/")) {
                    Some(stem) => DataFile {
                        path: format!("{stem}.json"),
                        bytes: serde_json::to_vec(&crate::pack::records::read(&f.bytes).unwrap())
                            .unwrap(),
                    },
                    None => f,
                },
            )
            .collect();
        let mut got = kept_releases(&ready(older.clone())).unwrap();
        got.sort_by(|x, y| x.id.cmp(&y.id));
        assert_eq!(got, releases);
        assert!(kept_as_json(&ready(older.clone())));
        // A damaged chunk names its file.
        let mut damaged = older;
        let chunk = damaged.iter_mut().find(|f| f.path == "r/0.json").unwrap();
        chunk.bytes.truncate(5);
        let e = kept_releases(&ready(damaged)).unwrap_err();
        assert!(e.starts_with("r/0.json: "), "{e}");
        assert!(kept_releases(&FromWorker::Empty.encode()).is_err());
    }
}
