//! Documents appended to a packed index (`IndexBuilder::after`) answer
//! every query as a whole build of the same documents, numbered alike, does:
//! the same hits in the same order, scores, facet counts, histogram and
//! matched terms, read back from the files either way.

use std::convert::Infallible;

use super::{Aliases, Facet, Filter, Index, IndexBuilder, IndexedDoc, Piece, Stream};
use crate::import::ImportFile;
use crate::pack::{sort_newest_first, Encoding};
use crate::Release;

type Files = Vec<(String, Vec<u8>)>;

/// Generated releases, newest first.
fn releases(count: usize, seed: u64) -> Vec<Release> {
    let files = crate::generate::generate(count, seed)
        .into_iter()
        .map(|(name, text)| ImportFile::new(name, text.into_bytes()))
        .collect();
    let mut releases = crate::ingest::memory::ingest_files(files, Vec::new()).releases;
    sort_newest_first(&mut releases);
    releases
}

/// An index's files as the build writes them (bodies stored).
fn files(index: &Index, pieces: &[(Piece, Vec<u8>)]) -> Files {
    let mut out = vec![("index.bin".to_string(), index.to_bytes())];
    for (piece, bytes) in pieces {
        out.push((
            piece.file(),
            Index::piece_file(*piece, bytes, Encoding::Stored),
        ));
    }
    for facet in Facet::ALL {
        out.push((facet.file(), index.facet_to_bytes(facet, Encoding::Stored)));
    }
    out
}

/// The index of `files`, every piece added, as the app has it in the end.
fn read(files: &Files) -> Index {
    let (index, rest): (Files, Files) = files.iter().cloned().partition(|(n, _)| n == "index.bin");
    let index = Index::from_bytes(index.into_iter().next().expect("index.bin").1).expect("reads");
    index.add_pieces(rest).expect("pieces read");
    index
}

fn collect(
    pieces: &mut Vec<(Piece, Vec<u8>)>,
) -> impl FnMut(Piece, Vec<u8>) -> Result<(), Infallible> + '_ {
    |piece, bytes| {
        pieces.push((piece, bytes));
        Ok(())
    }
}

/// A whole build of `docs`, its impacts taking `mean_len` when given.
fn build(docs: &[Release], aliases: &Aliases, mean_len: Option<f32>) -> Files {
    let mut builder = IndexBuilder::default().piece_bytes(512);
    if let Some(mean_len) = mean_len {
        builder = builder.mean_len(mean_len);
    }
    docs.iter()
        .for_each(|r| builder.add(IndexedDoc::of(r, aliases)));
    let mut pieces = Vec::new();
    let Ok(index) = builder.finish_with(collect(&mut pieces));
    files(&index, &pieces)
}

/// `main`'s files with `new` appended (and `again`, its appended
/// documents, given again first): its postings and positions as they were,
/// the rest written afresh.
fn append(main: &Files, again: &[Release], new: &[Release], aliases: &Aliases) -> Files {
    let index = read(main);
    let mut builder = IndexBuilder::after(&index).expect("every piece is here");
    again
        .iter()
        .for_each(|r| builder.add_text(&IndexedDoc::of(r, aliases)));
    new.iter()
        .for_each(|r| builder.add(IndexedDoc::of(r, aliases)));
    let mut pieces = Vec::new();
    let Ok(appended) = builder.finish_appended(&index, collect(&mut pieces));
    assert!(pieces
        .iter()
        .all(|(p, _)| !matches!(p.stream, Stream::Postings | Stream::Positions)));
    let kept = main.iter().filter(|(name, _)| {
        Piece::from_file(name)
            .is_some_and(|p| matches!(p.stream, Stream::Postings | Stream::Positions))
    });
    let mut out: Files = kept.cloned().collect();
    out.extend(files(&appended, &pieces));
    out
}

/// Queries of every kind, made from the corpus's own words and values.
fn queries(docs: &[Release], index: &Index) -> Vec<Filter> {
    let mut queries = vec![
        String::new(),
        "sort=oldest".into(),
        "from=2015&to=2019-06".into(),
    ];
    for r in docs.iter().step_by(17).take(12) {
        let words: Vec<String> = crate::text::words(&r.title).into_iter().collect();
        let Some(first) = words.iter().find(|w| w.chars().count() >= 6) else {
            continue;
        };
        let typo: String = first.chars().skip(1).collect();
        let prefix: String = first.chars().take(3).collect();
        queries.push(format!("q={first}"));
        queries.push(format!("q={first}&sort=relevance"));
        queries.push(format!("q={prefix}&sort=relevance"));
        queries.push(format!("q={typo}+&sort=relevance"));
        if let [a, b, ..] = &words[..] {
            queries.push(format!("q=%22{a}+{b}%22&sort=relevance"));
            queries.push(format!("q={a}+{b}&sort=oldest"));
        }
    }
    for facet in Facet::ALL {
        for value in index.values(facet).step_by(5).take(3) {
            queries.push(format!("{}={}", facet.param(), value.key));
            queries.push(format!(
                "{}={}&q=the&sort=relevance",
                facet.param(),
                value.key
            ));
        }
    }
    queries.iter().map(|q| Filter::from_query(q)).collect()
}

fn same_answers(appended: &Index, whole: &Index, docs: &[Release]) {
    assert_eq!(appended.len(), whole.len());
    let queries = queries(docs, whole);
    assert!(queries.len() > 60, "{} queries", queries.len());
    let mut hits = 0;
    for filter in &queries {
        let (a, w) = (appended.search(filter), whole.search(filter));
        hits += w.total;
        assert_eq!(a, w, "{}", filter.to_query());
    }
    assert!(hits > 1000, "the queries find something: {hits}");
    for facet in Facet::ALL {
        for doc in 0..whole.len() as u32 {
            assert_eq!(appended.values_of(facet, doc), whole.values_of(facet, doc));
        }
    }
    assert_eq!(appended.date_extent(), whole.date_extent());
}

#[test]
fn appended_documents_answer_as_a_whole_build_does() {
    let docs = releases(420, 11);
    let aliases = Aliases::of(&docs);
    // Newest first, then the appended ones in another order: the date
    // order is no longer the numbering.
    let (first, rest) = docs.split_at(300);
    let mut added: Vec<Release> = rest.to_vec();
    added.reverse();
    let main = build(first, &aliases, None);
    let mean = read(&main).text.mean_len();
    let order: Vec<Release> = first.iter().chain(&added).cloned().collect();

    let once = append(&main, &[], &added, &aliases);
    let whole = read(&build(&order, &aliases, Some(mean)));
    same_answers(&read(&once), &whole, &order);

    // Appended again: the first appended part is rebuilt with the new one.
    let (a, b) = added.split_at(70);
    let twice = append(&append(&main, &[], a, &aliases), a, b, &aliases);
    same_answers(&read(&twice), &whole, &order);
    let names = |f: &Files| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&twice), names(&once));
}

/// A reader that loaded `index.bin` and then fetches a piece written by
/// another build (the data folder packed or appended to again meanwhile)
/// is told so: every piece's checksum is in `index.bin`, and a piece of the
/// same length but other bytes is refused, naming its file's body and where
/// its bytes start. Before, only the length was checked (wrong hits).
#[test]
fn a_piece_of_another_build_of_the_same_length_is_refused() {
    let docs = releases(120, 5);
    let aliases = Aliases::of(&docs);
    let (first, rest) = docs.split_at(100);
    let files = append(&build(first, &aliases, None), &[], rest, &aliases);
    let index = |files: &Files| {
        let bytes = files
            .iter()
            .find(|(n, _)| n == "index.bin")
            .expect("index.bin");
        Index::from_bytes(bytes.1.clone()).expect("reads")
    };
    let mut checked = Vec::new();
    for (name, bytes) in &files {
        let Some(piece) = Piece::from_file(name).filter(|p| p.stream != Stream::Dictionary) else {
            continue;
        };
        // The piece as written is taken; with its last byte changed (the
        // file's own checksum made anew: a whole file of another build), not.
        assert!(
            index(&files).add_piece(piece, bytes.clone()).is_ok(),
            "{name}"
        );
        let body = crate::pack::frame::unpack(crate::pack::frame::of(piece.stream), bytes)
            .expect("unpacks");
        let mut other = body.clone();
        *other.last_mut().expect("a body") ^= 1;
        let e = index(&files)
            .add_piece_body(piece, other)
            .expect_err("another build's piece");
        assert!(e.expected.contains("checksum"), "{name}: {e}");
        assert!(
            e.file.starts_with(name.split('/').next().unwrap()),
            "{name}: {e}"
        );
        assert!(e.offset > 0 && e.offset < body.len(), "{name}: {e}");
        checked.push(piece.stream);
    }
    checked.dedup();
    for stream in [
        Stream::Postings,
        Stream::Positions,
        Stream::AddedPostings,
        Stream::AddedPositions,
    ] {
        assert!(checked.contains(&stream), "{stream:?} checked");
    }
}
