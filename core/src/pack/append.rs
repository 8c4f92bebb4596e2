//! Releases appended to a packed corpus (`dateline add`, and `dateline
//! pack --cache` when files were only added), without
//! packing it again: the new releases are numbered after the others, and
//! only what they change is written. That is the dictionary, the facets'
//! relations, `index.bin`, the appended documents' own postings and
//! positions (`ta/`, `pa/`), and the last piece of the list and the last
//! chunk file, with the pieces and chunks after them. The first build's
//! postings, positions, list pieces and chunk files stay as they are: at a
//! million releases, nearly all of the data folder.
//!
//! Releases appended before are appended again with the new ones (their
//! text is indexed afresh from their chunk files), so an index has one
//! appended part at most, and it grows until the next full pack.

use super::list::{self, ListPiece, ListWriter};
use super::{
    chunk_file, encode_chunks, on_every_core, records, sort_newest_first, Encoding, CHUNK_SIZE,
};
use crate::codec::DecodeError;
use crate::import::DataFile;
use crate::query::{Aliases, Facet, Index, IndexBuilder, IndexedDoc, Piece, Stream};
use crate::Release;

/// Why releases could not be appended.
#[derive(Debug, thiserror::Error)]
pub enum AppendError {
    /// A file of the data folder could not be read or written.
    #[error("{path}: {error}")]
    Io { path: String, error: std::io::Error },
    /// A file of the data folder is not what this build writes.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The corpus is one that is packed whole.
    #[error("{0}")]
    Refused(&'static str),
    /// A new release has the id of one the corpus has.
    #[error("{file}: error: the corpus has a release with the id {id} already: give this one an id of its own (`id:` in its front matter), or pack the whole corpus again")]
    TakenId { file: String, id: String },
}

/// What was appended.
#[derive(Debug, Clone)]
pub struct Appended {
    /// Releases before, and after.
    pub before: usize,
    pub after: usize,
    /// Files written.
    pub files: usize,
    /// The newest releases dated to the day, newest first, as many as
    /// asked for: what the Atom feed lists (`dateline add --feed`).
    pub newest: Vec<Release>,
    /// New releases whose natural id the corpus had: (source, the id each
    /// got instead).
    pub renamed: Vec<(String, String)>,
}

/// Appends `added` to the corpus whose data folder `read` reads (a file by
/// its path there, as written), handing each file that changes to `write`
/// (`index.bin` last, so that a reader never sees an index whose pieces
/// are not written yet). Refused for a corpus of at most
/// [`super::LEDE_LIMIT`] releases, before or after (its list is one
/// piece with ledes): pack it whole, which takes a second or two.
/// `newest`: how many of the newest releases to give back whole (the
/// feed's).
pub fn append_files(
    mut read: impl FnMut(&str) -> Result<Vec<u8>, AppendError>,
    mut added: Vec<Release>,
    newest: usize,
    encoding: Encoding,
    mut write: impl FnMut(DataFile) -> Result<(), AppendError>,
) -> Result<Appended, AppendError> {
    let index = Index::from_bytes(read("index.bin")?)?;
    let before = index.len();
    if list::has_ledes(before) {
        return Err(AppendError::Refused(
            "a corpus of at most 5,000 releases is packed whole (its list holds the ledes): pack it again",
        ));
    }
    for piece in index.pieces() {
        if piece.stream == Stream::Dictionary {
            index.add_piece(piece, read(&piece.file())?)?;
        }
    }
    for facet in Facet::ALL {
        index.add_facet(facet, &read(&facet.file())?)?;
    }
    // The records read back: the releases appended before (indexed again)
    // and those of the last list piece and chunk (written again with the
    // new ones).
    let base = index.first_appended() as usize;
    let list_from = before - before % list::LIST_PIECE_DOCS;
    let chunk_from = before - before % CHUNK_SIZE;
    let from = base.min(list_from);
    let mut old: Vec<Release> = Vec::new();
    for first in (from - from % CHUNK_SIZE..before).step_by(CHUNK_SIZE) {
        let path = chunk_file(first as u32);
        let records = records::read(&read(&path)?)?;
        let skip = from.saturating_sub(first);
        old.extend(records.into_iter().skip(skip));
    }
    if old.len() != before - from {
        return Err(AppendError::Decode(DecodeError {
            file: "r/N.bin",
            offset: 0,
            expected: "as many records as index.bin counts (files from one build)",
        }));
    }

    let appended_before = &old[base - from..];
    let renamed = rename_twins(&index, appended_before, &mut added, &mut read)?;
    let mut aliases = Aliases::of_index(&index);
    sort_newest_first(&mut added);
    appended_before
        .iter()
        .chain(&added)
        .for_each(|r| aliases.add(r));
    let mut builder = IndexBuilder::after(&index).ok_or(AppendError::Refused(
        "every piece of the dictionary and every facet's relation (files from one build)",
    ))?;
    for r in appended_before {
        builder.add_text(&IndexedDoc::of(r, &aliases));
    }
    for r in &added {
        builder.add(IndexedDoc::of(r, &aliases));
    }
    let mut pieces: Vec<(Piece, Vec<u8>)> = Vec::new();
    let appended = builder.finish_appended(&index, |piece, bytes| {
        pieces.push((piece, bytes));
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(appended) = appended;
    let after = appended.len();
    let mut files = 0;
    let mut write = |path: String, bytes: Vec<u8>| {
        files += 1;
        write(DataFile { path, bytes })
    };

    let bodies = on_every_core(&pieces, |(piece, bytes)| {
        Index::piece_file(*piece, bytes, encoding)
    });
    for ((piece, _), bytes) in pieces.iter().zip(bodies) {
        write(piece.file(), bytes)?;
    }
    let bodies = on_every_core(&Facet::ALL, |&f| appended.facet_to_bytes(f, encoding));
    for (facet, bytes) in Facet::ALL.iter().zip(bodies) {
        write(facet.file(), bytes)?;
    }
    let tail = |start: usize| old[start - from..].iter().chain(&added);
    let first_piece = ListPiece((list_from / list::LIST_PIECE_DOCS) as u32);
    let mut list = ListWriter::starting_at(after, encoding, first_piece);
    for r in tail(list_from) {
        if let Some((name, bytes)) = list.push(r) {
            write(name, bytes)?;
        }
    }
    if let Some((name, bytes)) = list.finish() {
        write(name, bytes)?;
    }
    let bodies = encode_chunks(&tail(chunk_from).collect::<Vec<_>>(), encoding);
    for (i, bytes) in bodies.into_iter().enumerate() {
        write(chunk_file((chunk_from + i * CHUNK_SIZE) as u32), bytes)?;
    }
    write("index.bin".to_string(), appended.to_bytes())?;
    // The newest releases dated to the day: from the new ones, the records
    // read back, or their chunk files (the first one or two).
    let at_hand = |d: usize| match (d.checked_sub(before), d.checked_sub(from)) {
        (Some(i), _) => added.get(i),
        (None, Some(i)) => old.get(i),
        (None, None) => None,
    };
    let whole = newest_dated(&appended, newest, at_hand, &mut read)?;
    Ok(Appended {
        before,
        after,
        files,
        newest: whole,
        renamed,
    })
}

/// The `count` newest releases of the data folder that `read` reads (its
/// `index`, read already), dated to the day, newest first, as
/// [`append_files`] gives them back: what the Atom feed lists, for a build
/// that changed nothing.
pub fn newest_in(
    index: &Index,
    mut read: impl FnMut(&str) -> Result<Vec<u8>, AppendError>,
    count: usize,
) -> Result<Vec<Release>, AppendError> {
    newest_dated(index, count, |_| None, &mut read)
}

/// The `count` newest releases of `index` dated to the day, newest first:
/// `at_hand` gives those in memory, the others are read from their chunk
/// files (the first one or two).
fn newest_dated<'a>(
    index: &Index,
    count: usize,
    at_hand: impl Fn(usize) -> Option<&'a Release>,
    read: &mut impl FnMut(&str) -> Result<Vec<u8>, AppendError>,
) -> Result<Vec<Release>, AppendError> {
    let day = |d: u32| index.date(d).is_some_and(crate::date::PartialDate::is_day);
    let mut whole = Vec::new();
    let mut chunk: Option<(String, Vec<Release>)> = None;
    for doc in index.newest_first().filter(|&d| day(d)).take(count) {
        if let Some(r) = at_hand(doc as usize) {
            whole.push(r.clone());
            continue;
        }
        let path = chunk_file(doc);
        if chunk.as_ref().is_none_or(|(p, _)| *p != path) {
            chunk = Some((path.clone(), records::read(&read(&path)?)?));
        }
        let in_chunk = chunk
            .as_ref()
            .and_then(|(_, rs)| rs.get(doc as usize % CHUNK_SIZE));
        whole.extend(in_chunk.cloned());
    }
    Ok(whole)
}

/// Ids for the new releases beside the corpus's, which keep theirs
/// (`ingest::ids::assign_joining`: a new twin of a release gets a twin's
/// id; an explicit id taken is refused): the ids they may collide with are
/// those of the releases of the same dates (a twin's id begins as its
/// natural id; every release for an id without a date), read from their
/// list pieces, and of those appended before. Says which were renamed.
fn rename_twins(
    index: &Index,
    appended_before: &[Release],
    added: &mut [Release],
    read: &mut impl FnMut(&str) -> Result<Vec<u8>, AppendError>,
) -> Result<Vec<(String, String)>, AppendError> {
    let list = list::List::new(index.len());
    let candidates: Vec<_> = added
        .iter()
        .map(|r| list.candidates(&r.id, index))
        .collect();
    for piece in list.missing(candidates.iter().flat_map(|c| c.iter())) {
        list.add_piece(piece, &read(&piece.file())?)?;
    }
    let mut taken: foldhash::HashSet<String> = candidates
        .iter()
        .flat_map(|c| c.iter())
        .filter_map(|d| list.id(d, index))
        .chain(appended_before.iter().map(|r| r.id.clone()))
        .collect();
    crate::ingest::ids::assign_joining(added, &mut taken)
        .map_err(|(file, id)| AppendError::TakenId { file, id })
}

#[cfg(all(test, feature = "ingest"))]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::import::ImportFile;
    use crate::query::Filter;

    /// More releases than a corpus packed whole holds: generated ones, and
    /// copies of them a day later with titles of their own.
    fn corpus() -> Vec<Release> {
        let files = crate::generate::generate(300, 5)
            .into_iter()
            .map(|(name, text)| ImportFile::new(name, text.into_bytes()))
            .collect();
        let seed = crate::ingest::memory::ingest_files(files, Vec::new()).releases;
        let mut out = Vec::new();
        for copy in 0..18 {
            for r in &seed {
                let mut r = r.clone();
                r.title = format!("{} (part {copy})", r.title);
                r.id = format!("{}-{copy}", r.id);
                r.source = format!("{copy}/{}", r.source);
                out.push(r);
            }
        }
        out
    }

    type Folder = BTreeMap<String, Vec<u8>>;

    fn packed(releases: Vec<Release>) -> Folder {
        super::super::pack_files(releases)
            .into_iter()
            .map(|f| (f.path, f.bytes))
            .collect()
    }

    fn add(folder: &mut Folder, added: Vec<Release>) -> Result<Appended, AppendError> {
        let read_from = folder.clone();
        let read = |path: &str| {
            read_from.get(path).cloned().ok_or_else(|| AppendError::Io {
                path: path.to_string(),
                error: std::io::ErrorKind::NotFound.into(),
            })
        };
        append_files(read, added, 10, Encoding::Stored, |f| {
            folder.insert(f.path, f.bytes);
            Ok(())
        })
    }

    /// The releases and index of a data folder, every piece read.
    fn open(folder: &Folder) -> (Vec<Release>, Index) {
        let (lists, rest): (Vec<_>, Vec<_>) = folder
            .iter()
            .filter(|(p, _)| *p != "index.bin" && !p.starts_with("r/"))
            .map(|(p, b)| (p.clone(), b.clone()))
            .partition(|(p, _)| p.starts_with("l/"));
        super::super::unpack(lists, folder["index.bin"].clone(), rest).expect("unpacks")
    }

    /// Ids of hits, sorted (appended documents are not numbered by date,
    /// so ties of date fall otherwise).
    fn ids(index: &Index, releases: &[Release], filter: &Filter) -> Vec<String> {
        let results = index.search(filter);
        let mut ids: Vec<String> = results
            .hits
            .iter()
            .map(|&d| releases[d as usize].id.clone())
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn appended_releases_are_found_as_in_a_corpus_packed_whole() {
        let all = corpus();
        assert!(all.len() > 5_300, "{}", all.len());
        let (first, rest) = all.split_at(all.len() - 130);
        let mut folder = packed(first.to_vec());
        let untouched: Vec<String> = folder
            .keys()
            .filter(|p| p.starts_with("t/") || p.starts_with("p/"))
            .cloned()
            .collect();
        let kept = folder.clone();
        let done = add(&mut folder, rest[..50].to_vec()).expect("appends");
        assert_eq!((done.before, done.after), (first.len(), first.len() + 50));
        let done = add(&mut folder, rest[50..].to_vec()).expect("appends again");
        assert_eq!(done.after, all.len());
        for path in &untouched {
            assert!(folder[path] == kept[path], "{path} was written again");
        }
        let whole = packed(all.clone());
        let (a_releases, a) = open(&folder);
        let (w_releases, w) = open(&whole);
        assert_eq!(a_releases.len(), w_releases.len());
        let words = [
            "drug",
            "traffick",
            "\"organized crime\"",
            "part 3",
            "unodc",
            "smugling",
        ];
        let mut queries: Vec<Filter> = words
            .iter()
            .map(|q| Filter::from_query(&format!("q={q}")))
            .collect();
        queries.push(Filter::from_query("country=IR&from=2018"));
        queries.push(Filter::default());
        for filter in &queries {
            let (ra, rw) = (a.search(filter), w.search(filter));
            assert_eq!(ra.total, rw.total, "{}", filter.to_query());
            assert_eq!(ra.facets, rw.facets, "{}", filter.to_query());
            assert_eq!(ra.histogram, rw.histogram, "{}", filter.to_query());
            assert_eq!(ids(&a, &a_releases, filter), ids(&w, &w_releases, filter));
        }
        // Every release is where its id says, its full record in its chunk.
        let list = list::List::from_files(
            folder
                .iter()
                .filter(|(p, _)| p.starts_with("l/"))
                .map(|(p, b)| (p.clone(), b.clone())),
            a.len(),
        )
        .expect("list");
        for (doc, r) in (0u32..).zip(&a_releases).skip(first.len() - 600) {
            assert!(
                list.candidates(&r.id, &a).iter().any(|d| d == doc),
                "{}",
                r.id
            );
            let chunk = records::read(&folder[&chunk_file(doc)]).expect("chunk");
            assert_eq!(chunk[doc as usize % CHUNK_SIZE].id, r.id);
        }
        // The feed's releases: the newest dated to the day, as in the whole
        // (ties of a day may fall otherwise: compared by date).
        let newest: Vec<_> = w
            .search(&Filter::default())
            .hits
            .iter()
            .filter_map(|&d| w_releases[d as usize].date)
            .filter(|d| d.is_day())
            .take(10)
            .collect();
        let ours: Vec<_> = done.newest.iter().map(|r| r.date).collect();
        assert_eq!(ours, newest.into_iter().map(Some).collect::<Vec<_>>());
        assert!(
            done.newest.iter().all(|r| !r.body.is_empty()),
            "whole records"
        );
        // The newest release now is one appended, first when sorted by date.
        let newest = rest.iter().max_by_key(|r| r.date).expect("some");
        if newest.date > first.iter().map(|r| r.date).max().flatten() {
            let hit = a.search(&Filter::default()).hits[0];
            assert_eq!(a_releases[hit as usize].date, newest.date);
        }
    }

    #[test]
    fn a_corpus_packed_whole_is_refused() {
        let mut folder = packed(corpus()[..200].to_vec());
        let e = add(&mut folder, corpus()[200..210].to_vec()).unwrap_err();
        assert!(e.to_string().contains("packed whole"), "{e}");
    }

    #[test]
    fn a_release_whose_explicit_id_the_corpus_has_is_refused_and_nothing_is_written() {
        let mut all = corpus();
        all[100].id = "statement-of-the-executive-director".into();
        let mut folder = packed(all[..5_200].to_vec());
        let before = folder.clone();
        let mut twin = all[101].clone();
        twin.id = all[100].id.clone();
        twin.source = "new/twin.txt".into();
        let e = add(&mut folder, vec![all[5_300].clone(), twin]).unwrap_err();
        assert!(
            matches!(&e, AppendError::TakenId { id, .. } if *id == all[100].id),
            "{e}"
        );
        assert!(e.to_string().starts_with("new/twin.txt: error:"), "{e}");
        assert!(folder == before);
    }

    #[test]
    fn a_new_twin_of_a_release_gets_a_twin_id_and_the_release_keeps_its_own() {
        let mut all = corpus();
        // A release of the corpus with its natural id, and two new ones of
        // the same date and title (one file each).
        let natural = crate::text::release_slug(all[7].date, &all[7].title);
        all[7].id = natural.clone();
        let mut folder = packed(all[..5_200].to_vec());
        let twins: Vec<Release> = ["new/twin.txt", "new/twin2.txt"]
            .into_iter()
            .map(|source| Release {
                source: source.into(),
                ..all[7].clone()
            })
            .collect();
        let done = add(&mut folder, twins).expect("appends");
        let hashed = |source| crate::text::twin_slug(&natural, source, 0);
        let mut renamed = done.renamed.clone();
        renamed.sort();
        assert_eq!(
            renamed,
            [
                ("new/twin.txt".to_string(), hashed("new/twin.txt")),
                ("new/twin2.txt".to_string(), hashed("new/twin2.txt"))
            ]
        );
        let (releases, _) = open(&folder);
        let count = |id: &str| releases.iter().filter(|r| r.id == id).count();
        assert_eq!(count(&natural), 1, "the corpus's keeps its id");
        assert_eq!(count(&hashed("new/twin.txt")), 1);
        assert_eq!(count(&hashed("new/twin2.txt")), 1);
    }
}
