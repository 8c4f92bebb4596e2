//! The packed corpus (`dateline pack`, read by the app) against the records it
//! was made from: every list field, the chunk files, and the same answers
//! from the decoded index as from one built in place.

use std::path::{Path, PathBuf};

use dateline_core::ingest::corpus::{ingest_paths, Corpus};
use dateline_core::pack::{self, chunk_file, sort_newest_first, CHUNK_SIZE};
use dateline_core::query::{Facet, Filter, Index, Piece, Stream};
use dateline_core::Release;

/// The fixtures, the seed release and 300 synthetic releases (ingested once).
fn corpus() -> Vec<Release> {
    static CORPUS: std::sync::OnceLock<Vec<Release>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(ingest).clone()
}

fn ingest() -> Vec<Release> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let synthetic = std::env::temp_dir().join(format!("dateline-pack-{}", std::process::id()));
    std::fs::create_dir_all(&synthetic).expect("temp dir");
    for (name, text) in dateline_core::generate::generate(300, 7) {
        std::fs::write(synthetic.join(name), text).expect("write");
    }
    let paths: Vec<PathBuf> = vec![
        root.join("tests/fixtures"),
        root.join("../releases"),
        synthetic.clone(),
    ];
    let Corpus { releases, .. } = ingest_paths(&paths);
    let _ = std::fs::remove_dir_all(&synthetic);
    assert!(releases.len() > 330, "{} releases", releases.len());
    releases
}

/// Every file back, as the app has them once every piece arrived.
fn unpack_all(packed: &pack::Packed) -> (Vec<Release>, Index) {
    pack::unpack(
        packed.lists.clone(),
        packed.index.clone(),
        [packed.pieces.clone(), packed.facets.clone()].concat(),
    )
    .expect("unpacks")
}

/// The list of a packed corpus, every piece added.
fn list_of(packed: &pack::Packed, n_docs: usize) -> pack::List {
    pack::List::from_files(packed.lists.clone(), n_docs).expect("the list's pieces decode")
}

/// The pieces of one stream, of a packed corpus.
fn pieces_of(packed: &pack::Packed, stream: Stream) -> Vec<(String, Vec<u8>)> {
    packed
        .pieces
        .iter()
        .filter(|(name, _)| Piece::from_file(name).is_some_and(|p| p.stream == stream))
        .cloned()
        .collect()
}

#[test]
fn chunks_cover_every_document_once_and_nothing_else() {
    use dateline_core::pack::Chunk;
    for n_docs in [
        0,
        1,
        CHUNK_SIZE - 1,
        CHUNK_SIZE,
        CHUNK_SIZE + 1,
        3 * CHUNK_SIZE + 5,
    ] {
        let mut seen = 0;
        let mut d = 0u32;
        while let Some(chunk) = Chunk::of(d, n_docs) {
            assert_eq!(chunk.first_doc(), d, "{n_docs}");
            assert_eq!(chunk.file(), chunk_file(d));
            for doc in d..d + chunk.len(n_docs) as u32 {
                assert_eq!(Chunk::of(doc, n_docs), Some(chunk));
                assert_eq!(Chunk::slot(doc), (doc - d) as usize);
            }
            seen += chunk.len(n_docs);
            d += CHUNK_SIZE as u32;
        }
        assert_eq!(seen, n_docs);
        assert_eq!(Chunk::of(n_docs as u32, n_docs), None);
        assert_eq!(
            Chunk::of(u32::MAX, n_docs),
            None,
            "an unknown id's u32::MAX"
        );
    }
}

#[test]
fn list_pieces_cover_every_document_once_and_nothing_else() {
    use dateline_core::pack::{list::docs_per_piece, ListPiece, LEDE_LIMIT};
    for n_docs in [
        0,
        1,
        700,
        LEDE_LIMIT,
        LEDE_LIMIT + 1,
        3 * 512 + LEDE_LIMIT + 5,
    ] {
        let count = ListPiece::count(n_docs);
        assert!(count >= 1, "an empty corpus still has its first piece");
        let mut next = 0;
        for k in 0..count as u32 {
            let piece = ListPiece(k);
            let docs = piece.docs(n_docs);
            assert_eq!(docs.start, next, "{n_docs}: piece {k} follows the last");
            assert!(docs.len() <= docs_per_piece(n_docs));
            for doc in docs.clone() {
                assert_eq!(ListPiece::of(doc, n_docs), Some(piece));
            }
            assert_eq!(ListPiece::from_file(&piece.file()), Some(piece));
            next = docs.end;
        }
        assert_eq!(next as usize, n_docs);
        assert_eq!(ListPiece::of(n_docs as u32, n_docs), None);
        assert_eq!(ListPiece::of(u32::MAX, n_docs), None);
    }
    assert_eq!(
        ListPiece::count(LEDE_LIMIT),
        1,
        "ledes: one piece, read at start"
    );
    assert_eq!(
        ListPiece::count(LEDE_LIMIT + 1),
        (LEDE_LIMIT + 1).div_ceil(512)
    );
    for name in [
        "l/.bin",
        "l/-1.bin",
        "l/1.json",
        "t/1.bin",
        "l/ 1.bin",
        "l/99999999999.bin",
    ] {
        assert_eq!(ListPiece::from_file(name), None, "{name}");
    }
}

#[test]
fn a_release_is_found_by_its_id_with_only_the_pieces_its_date_points_to() {
    use dateline_core::pack::ListPiece;
    // Past the lede limit, so that the list is in many pieces.
    let one = corpus();
    let many: Vec<Release> = (0..pack::LEDE_LIMIT + 600)
        .map(|i| {
            let mut r = one[i % one.len()].clone();
            r.title = format!("{} number {i}", r.title);
            r.id = dateline_core::text::release_slug(r.date, &r.title);
            if i % 97 == 0 {
                // An id of its own: found by reading every piece.
                r.id = format!("own-{i}");
            }
            r
        })
        .collect();
    let packed = pack::pack(many);
    let index = Index::from_bytes(packed.index.clone()).expect("decodes");
    let list = list_of(&packed, index.len());
    assert!(ListPiece::count(index.len()) > 5);
    let (mut narrowed, mut own) = (0, 0);
    for doc in (0..index.len() as u32).step_by(7) {
        let id = list.id(doc, &index).expect("every piece is here");
        let range = list.candidates(&id, &index);
        assert!(
            range.iter().any(|d| d == doc),
            "{id}: {range:?} misses {doc}"
        );
        if id.starts_with("own-") {
            own += 1;
            assert_eq!(range.len(), index.len(), "{id}");
        } else if range.len() < index.len() {
            narrowed += 1;
            // The releases of its date only, not the archive's.
            assert!(range
                .iter()
                .all(|d| index.date_key(d) == index.date_key(doc)));
        }
    }
    assert!(
        narrowed > 100 && own > 0,
        "{narrowed} narrowed, {own} own ids"
    );
    // An id with a date the archive does not have, or no date: every document.
    assert_eq!(
        list.candidates("1066-10-14-hastings", &index).len(),
        index.len()
    );
    assert_eq!(list.candidates("not-an-id", &index).len(), index.len());
}

#[test]
fn natural_ids_are_left_out_of_the_list_and_derived_again() {
    let mut releases = corpus();
    let natural = dateline_core::text::release_slug;
    let seed = releases[1..]
        .iter()
        .find(|r| r.id == natural(r.date, &r.title))
        .expect("a release with its natural id")
        .id
        .clone();
    // One release with an id of its own, which must be stored.
    releases[0].id = "an-explicit-id".into();
    let packed = pack::pack(releases.clone());
    let contains = |needle: &str| {
        packed
            .lists
            .iter()
            .any(|(_, bytes)| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
    };
    assert!(!contains(&seed), "{seed} is derived, not stored");
    assert!(contains("an-explicit-id"));
    let (list, _) = unpack_all(&packed);
    let ids: std::collections::HashSet<&str> = list.iter().map(|r| r.id.as_str()).collect();
    assert!(ids.contains(seed.as_str()) && ids.contains("an-explicit-id"));
}

#[test]
fn list_records_keep_what_the_timeline_shows() {
    let mut releases = corpus();
    let packed = pack::pack(releases.clone());
    let (list, index) = unpack_all(&packed);
    sort_newest_first(&mut releases);
    assert_eq!(list.len(), releases.len());
    let parsed = list_of(&packed, index.len());
    for (doc, (got, want)) in list.iter().zip(&releases).enumerate() {
        assert_eq!(
            parsed.has_lede(doc as u32),
            got.body.first().is_some_and(|l| !l.trim().is_empty()),
            "{}",
            want.id
        );
        assert_eq!(got.id, want.id);
        assert_eq!(got.title, want.title);
        assert_eq!(got.date, want.date, "{}", want.id);
        assert_eq!(
            got.dateline.as_ref().and_then(|d| d.city.clone()),
            want.dateline.as_ref().and_then(|d| d.city.clone())
        );
        assert_eq!(got.events, want.events, "{}", want.id);
        // Small corpus: the lede comes along.
        assert_eq!(
            got.body.first(),
            want.body.first().filter(|l| !l.is_empty())
        );
        let codes = |r: &Release| {
            let mut c: Vec<String> = r.countries.iter().map(|c| c.code.clone()).collect();
            c.sort();
            c.dedup();
            c
        };
        assert_eq!(codes(got), codes(want), "{}", want.id);
        let mut topics = want.topics.clone();
        topics.sort();
        topics.dedup();
        let mut got_topics = got.topics.clone();
        got_topics.sort();
        assert_eq!(got_topics, topics, "{}", want.id);
    }
    assert_eq!(index.len(), releases.len());
}

#[test]
fn chunks_hold_the_full_records_in_document_order() {
    let mut releases = corpus();
    let packed = pack::pack(releases.clone());
    sort_newest_first(&mut releases);
    assert_eq!(packed.chunks.len(), releases.len().div_ceil(CHUNK_SIZE));
    for (doc, want) in releases.iter().enumerate() {
        let name = chunk_file(doc as u32);
        let (_, bytes) = packed
            .chunks
            .iter()
            .find(|(n, _)| *n == name)
            .expect("chunk exists");
        let chunk = pack::records::read(bytes).expect("chunk decodes");
        assert_eq!(&chunk[doc % CHUNK_SIZE], want);
    }
}

#[test]
fn the_decoded_index_answers_like_one_built_in_place() {
    let mut releases = corpus();
    let packed = pack::pack(releases.clone());
    let (_, decoded) = unpack_all(&packed);
    sort_newest_first(&mut releases);
    let built = Index::new(&releases);
    for query in [
        "",
        "q=drug",
        "q=tra",
        "q=%22organized+crime%22",
        "q=traffiking",
        "q=unodc&sort=oldest",
        "country=IR",
        "q=cooperation&country=IR,AF&from=2010&to=2024-06",
        "topic=health&sort=newest",
    ] {
        let filter = Filter::from_query(query);
        assert_eq!(decoded.search(&filter), built.search(&filter), "{query}");
    }
    for facet in Facet::ALL {
        for doc in [0u32, 1, 100, releases.len() as u32 - 1] {
            assert_eq!(decoded.values_of(facet, doc), built.values_of(facet, doc));
        }
    }
    assert_eq!(decoded.related(3, 5), built.related(3, 5));
}

#[test]
fn words_wait_for_their_postings_and_phrases_match_all_their_words_until_positions_arrive() {
    let packed = pack::pack(corpus());
    let (_, index) =
        pack::unpack(packed.lists.clone(), packed.index.clone(), Vec::new()).expect("unpacks");
    assert!(!index.has_all_pieces());
    let words = Filter::from_query("q=crime+organized+");
    let phrase = Filter::from_query("q=%22crime+organized%22");
    // No dictionary yet: the words match nothing, and name the pieces of
    // the dictionary their lookups read; with those, their postings.
    assert_eq!(index.search(&words).total, 0);
    let needed = index.missing_pieces(&words);
    assert!(!needed.is_empty() && needed.iter().all(|p| p.stream == Stream::Dictionary));
    // Nothing to wait for without text.
    assert!(index.missing_pieces(&Filter::default()).is_empty());
    index
        .add_pieces(pieces_of(&packed, Stream::Dictionary))
        .expect("the dictionary fits");
    assert_eq!(index.search(&words).total, 0);
    let needed = index.missing_pieces(&words);
    assert!(!needed.is_empty() && needed.iter().all(|p| p.stream == Stream::Postings));
    index
        .add_pieces(pieces_of(&packed, Stream::Postings))
        .expect("postings fit");
    assert!(index.missing_pieces(&words).is_empty());
    let before = index.search(&phrase);
    assert_eq!(before.hits.len(), index.search(&words).hits.len());
    assert!(before.total > 0);
    assert!(index
        .missing_pieces(&phrase)
        .iter()
        .all(|p| p.stream == Stream::Positions));
    // Another build's positions are refused; this build's make phrases exact.
    let other = pack::pack(corpus().into_iter().take(20).collect());
    let e = index
        .add_pieces(pieces_of(&other, Stream::Positions))
        .unwrap_err();
    assert_eq!(e.file, "p/N.bin's body (unpacked)");
    index
        .add_pieces(pieces_of(&packed, Stream::Positions))
        .expect("positions fit");
    assert!(index.has_all_pieces());
    let after = index.search(&phrase);
    assert!(
        after.total < before.total,
        "{} vs {}",
        after.total,
        before.total
    );
}

#[test]
fn a_series_counts_nothing_until_what_it_reads_is_here_and_says_so() {
    use dateline_core::query::{compare, series_docs, Scale, Series};
    let packed = pack::pack(corpus());
    let (_, index) =
        pack::unpack(packed.lists.clone(), packed.index.clone(), Vec::new()).expect("unpacks");
    let add_words = |index: &Index| {
        index
            .add_pieces(
                [Stream::Dictionary, Stream::Postings]
                    .into_iter()
                    .flat_map(|s| pieces_of(&packed, s)),
            )
            .expect("fits")
    };
    let built = Index::from_bytes(packed.index.clone()).expect("decodes");
    add_words(&built);
    built
        .add_pieces(packed.facets.iter().cloned())
        .expect("fits");
    let series = [
        Series::parse("crime").expect("a word"),
        Series::parse("country:IR").expect("a country"),
    ];
    let lines = |index: &Index| {
        let histogram = index.search(&Filter::default()).histogram;
        compare(
            index,
            &series_docs(index, &series),
            None,
            &histogram,
            Scale::Counts,
        )
        .lines
    };
    // Neither is here: both wait, with no line and no zeros.
    for line in lines(&index) {
        assert!(line.pending, "{}", line.summary);
        assert!(line.summary.ends_with(": counting…"), "{}", line.summary);
        assert!(line.path.is_empty() && line.cells.iter().all(|c| c == "…"));
    }
    // The word's pieces, then the country's relation: each counts as the
    // whole index does once its own data is here.
    add_words(&index);
    let (half, want) = (lines(&index), lines(&built));
    assert_eq!(half[0], want[0]);
    assert!(want[0].total > 0 && !want[0].pending);
    assert!(half[1].pending);
    index
        .add_pieces(packed.facets.iter().cloned())
        .expect("fits");
    assert_eq!(lines(&index), want);
    assert!(want[1].total > 0);
}

#[test]
fn piece_files_are_named_one_way() {
    for (name, piece) in [
        ("t/0.bin", Some((Stream::Postings, 0))),
        ("d/3.bin", Some((Stream::Dictionary, 3))),
        ("d/03.bin", None),
        ("p/17.bin", Some((Stream::Positions, 17))),
        ("t/017.bin", None),
        ("t/.bin", None),
        ("r/0.bin", None),
        ("t/1.json", None),
        ("t/99999999999.bin", None),
        ("index.bin", None),
    ] {
        let piece = piece.map(|(stream, k)| Piece { stream, k });
        assert_eq!(Piece::from_file(name), piece, "{name}");
        if let Some(p) = piece {
            assert_eq!(p.file(), name);
        }
    }
}

/// Phrase queries of the search benchmark's kind, common and rare words.
const PHRASES: [&str; 8] = [
    "\"organized crime\"",
    "\"migrant smuggling\" kenya",
    "\"the united nations\"",
    "\"of the\"",
    "\"human trafficking\" \"money laundering\"",
    "\"press release\"",
    "\"no such phrase anywhere\"",
    "\"vienna",
];

/// An index whose postings and positions come in many small pieces, and its files.
fn in_pieces(
    releases: &[Release],
    piece_bytes: u32,
) -> (Index, Vec<u8>, std::collections::HashMap<Piece, Vec<u8>>) {
    let aliases = dateline_core::query::Aliases::of(releases);
    let mut builder = dateline_core::query::IndexBuilder::default().piece_bytes(piece_bytes);
    releases
        .iter()
        .for_each(|r| builder.add(dateline_core::query::IndexedDoc::of(r, &aliases)));
    let built = builder.finish();
    let bytes = built.to_bytes();
    let pieces = built
        .pieces()
        .into_iter()
        .map(|p| (p, built.piece_to_bytes(p, pack::Encoding::Stored)))
        .collect();
    (built, bytes, pieces)
}

/// Adds every piece of the dictionary of `pieces` to `index`: what a
/// query's words read first.
fn add_dictionary(index: &Index, pieces: &std::collections::HashMap<Piece, Vec<u8>>) {
    for (&p, bytes) in pieces {
        if p.stream == Stream::Dictionary {
            index
                .add_piece(p, bytes.clone())
                .expect("a piece of this build");
        }
    }
}

/// Adds every facet's relation, as `built` writes it, to `index`.
fn add_facets(index: &Index, built: &Index) {
    for facet in Facet::ALL {
        let file = built.facet_to_bytes(facet, pack::Encoding::Stored);
        index
            .add_facet(facet, &file)
            .expect("a facet of this build");
    }
}

/// Queries of the search benchmark's kind: words being typed, typos,
/// facets, a date range.
const QUERIES: [&str; 8] = [
    "q=t",
    "q=traff",
    "q=smuggling+migr&country=KE",
    "q=trafficing",
    "q=unodc+viena+",
    "q=crime&from=2015&sort=date",
    "q=zzzz+nothing",
    "country=IR",
];

#[test]
fn a_query_needs_only_the_pieces_of_its_terms_and_then_answers_as_the_whole_index() {
    let releases = corpus();
    let (built, bytes, pieces) = in_pieces(&releases, 512);
    let count = |stream| built.pieces().iter().filter(|p| p.stream == stream).count();
    let (postings, positions) = (count(Stream::Postings), count(Stream::Positions));
    assert!(
        postings > 100 && positions > 100,
        "{postings} and {positions} pieces"
    );
    let phrases = PHRASES.map(|q| format!("q={}", q.replace(' ', "+")));
    for query in QUERIES
        .iter()
        .copied()
        .chain(phrases.iter().map(String::as_str))
    {
        let filter = Filter::from_query(query);
        // A fresh reader for each query: only what this query asks for.
        let index = Index::from_bytes(bytes.clone()).expect("decodes");
        // Asked again as pieces arrive: the dictionary's say which
        // postings (a typo's, which neighbours' pieces of the dictionary).
        let mut needed = Vec::new();
        for round in 0.. {
            let missing = index.missing_pieces(&filter);
            assert!(missing.windows(2).all(|w| w[0] < w[1]), "{missing:?}");
            if missing.is_empty() {
                break;
            }
            assert!(round < 3, "{query}: still {missing:?}");
            for &p in &missing {
                index
                    .add_piece(p, pieces[&p].clone())
                    .expect("a piece of this build");
            }
            needed.extend(missing);
        }
        assert!(index.has_pieces_for(&filter));
        // The facets it selects: the matches are the whole index's, and
        // the counts of a narrowed set wait for every facet.
        let want = built.search(&filter);
        for facet in index.missing_facets_for(&filter) {
            let file = built.facet_to_bytes(facet, pack::Encoding::Stored);
            index
                .add_facet(facet, &file)
                .expect("a facet of this build");
        }
        let first = index.search(&filter);
        assert_eq!(
            (&first.hits, &first.histogram),
            (&want.hits, &want.histogram),
            "{query}"
        );
        assert_eq!(
            first.counting,
            !index.missing_facets().is_empty(),
            "{query}"
        );
        add_facets(&index, &built);
        assert_eq!(index.search(&filter), want, "{query}");
        let reads = |stream| needed.iter().filter(|p| p.stream == stream).count();
        if filter.has_text() && !query.contains("zzzz") && !query.contains("no+such") {
            assert!(reads(Stream::Postings) > 0, "{query} needs postings");
        }
        if filter.has_text() {
            assert!(
                reads(Stream::Dictionary) > 0,
                "{query} needs the dictionary"
            );
        }
        assert!(
            reads(Stream::Postings) < postings / 2,
            "{query}: {} of {postings} pieces",
            reads(Stream::Postings)
        );
        if query.matches('"').count() >= 2 && !query.contains("no+such") {
            assert!(reads(Stream::Positions) > 0, "{query} needs positions");
            assert!(
                reads(Stream::Positions) < positions / 2,
                "{query}: {} of {positions} pieces",
                reads(Stream::Positions)
            );
        }
    }
    // Words alone need no positions; a phrase drawn as a series over time does.
    let index = Index::from_bytes(bytes.clone()).expect("decodes");
    add_dictionary(&index, &pieces);
    assert!(index
        .missing_pieces(&Filter::from_query("q=organized+crime"))
        .iter()
        .all(|p| p.stream == Stream::Postings));
    let series = Filter {
        series: vec![dateline_core::query::Series {
            kind: dateline_core::query::SeriesKind::Text,
            key: "\"organized crime\"".into(),
        }],
        ..Filter::default()
    };
    let phrase = Filter::from_query("q=%22organized+crime%22");
    assert_eq!(index.missing_pieces(&series), index.missing_pieces(&phrase));
    assert!(index
        .missing_pieces(&series)
        .iter()
        .any(|p| p.stream == Stream::Positions));
}

#[test]
fn pieces_read_longest_ago_are_let_go_past_the_budget_and_answers_stay_the_same() {
    let releases = corpus();
    let (built, bytes, pieces) = in_pieces(&releases, 512);
    let index = Index::from_bytes(bytes.clone()).expect("decodes");
    add_facets(&index, &built);
    let budget = 8 << 10;
    let phrases = PHRASES.map(|q| format!("q={}", q.replace(' ', "+")));
    let queries: Vec<&str> = QUERIES
        .iter()
        .copied()
        .chain(phrases.iter().map(String::as_str))
        .collect();
    let mut fetched = Vec::new();
    for round in 0..2 {
        let mut fetched_now = 0;
        for query in &queries {
            let filter = Filter::from_query(query);
            // What the app does per query: trim, then fetch what is missing.
            index.trim_pieces_to(&filter, budget);
            let mut needed = 0;
            for _ in 0..4 {
                let missing = index.missing_pieces(&filter);
                for &p in &missing {
                    index
                        .add_piece(p, pieces[&p].clone())
                        .expect("a piece of this build");
                    if p.stream != Stream::Dictionary {
                        fetched_now += 1;
                    }
                }
                needed += missing.len();
            }
            assert!(index.has_pieces_for(&filter), "{query}");
            assert_eq!(
                index.search(&filter),
                built.search(&filter),
                "{query}, round {round}"
            );
            // Past the budget, only what this query reads stays.
            index.trim_pieces_to(&filter, budget);
            assert!(
                index.has_pieces_for(&filter),
                "{query}: its own pieces stay"
            );
            let fresh = Index::from_bytes(bytes.clone()).expect("decodes");
            add_dictionary(&fresh, &pieces);
            let own: usize = fresh
                .missing_pieces(&filter)
                .iter()
                .map(|p| pieces[p].len())
                .sum();
            assert!(
                index.held_piece_bytes() <= budget + own,
                "{query}: {} bytes held, {own} its own, {needed} pieces asked for",
                index.held_piece_bytes()
            );
        }
        fetched.push(fetched_now);
    }
    // Pieces let go in the first round were fetched again in the second.
    assert!(fetched[0] > 0 && fetched[1] > 0, "{fetched:?}");
}

#[test]
fn a_phrase_with_a_piece_missing_matches_all_its_words_and_a_wrong_piece_is_refused() {
    let releases = corpus();
    let (built, bytes, pieces) = in_pieces(&releases, 512);
    let index = Index::from_bytes(bytes).expect("decodes");
    add_facets(&index, &built);
    add_dictionary(&index, &pieces);
    let phrase = Filter::from_query("q=%22organized+crime%22");
    let words = Filter::from_query("q=organized+crime+");
    let needed = index.missing_pieces(&phrase);
    let (postings, positions): (Vec<Piece>, Vec<Piece>) =
        needed.iter().partition(|p| p.stream == Stream::Postings);
    assert!(positions.len() >= 2, "{needed:?}");
    for p in postings.iter().chain(&positions[1..]) {
        index.add_piece(*p, pieces[p].clone()).expect("fits");
    }
    assert_eq!(index.missing_pieces(&phrase), positions[..1]);
    assert_eq!(index.search(&phrase).total, index.search(&words).total);
    assert!(built.search(&phrase).total < index.search(&words).total);
    // A piece's file under another number, or another build's piece, is refused.
    let p = positions[0];
    let other = Piece {
        k: (p.k + 1) % 100,
        ..p
    };
    let e = index.add_piece(p, pieces[&other].clone()).unwrap_err();
    assert_eq!(
        (e.file, e.expected),
        (
            "p/N.bin's body (unpacked)",
            "the piece that the file's name says"
        )
    );
    let postings_piece = Piece {
        stream: Stream::Postings,
        k: p.k,
    };
    let e = index
        .add_piece(p, pieces[&postings_piece].clone())
        .unwrap_err();
    assert_eq!(e.file, "p/N.bin", "a postings file is no positions file");
    let (_, _, others) = in_pieces(&releases[..40], 512);
    if let Some(bytes) = others.get(&p) {
        if bytes.len() != pieces[&p].len() {
            assert!(index.add_piece(p, bytes.clone()).is_err());
        }
    }
    let mut damaged = pieces[&p].clone();
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0x10;
    assert!(index.add_piece(p, damaged).is_err());
    // The build's form: the piece's body gzip-compressed inside.
    let gzip = built.piece_to_bytes(p, pack::Encoding::Gzip);
    assert!(
        gzip.len() < pieces[&p].len(),
        "{} vs {}",
        gzip.len(),
        pieces[&p].len()
    );
    index.add_piece(p, gzip).expect("fits");
    assert_eq!(index.search(&phrase), built.search(&phrase));
}

#[test]
fn large_corpora_leave_the_lede_to_the_chunks() {
    let one = corpus().into_iter().next().expect("a release");
    let many: Vec<Release> = (0..pack::LEDE_LIMIT + 1)
        .map(|i| Release {
            id: format!("r-{i}"),
            ..one.clone()
        })
        .collect();
    let packed = pack::pack(many);
    let (list, index) = unpack_all(&packed);
    assert!(list.iter().all(|r| r.body.is_empty()));
    // The cards know they have no lede to leave room for.
    let parsed = list_of(&packed, index.len());
    assert!((0..list.len() as u32).all(|d| !parsed.has_lede(d)));
    // Cut every 512 releases past the limit: two pieces here.
    assert_eq!(
        packed
            .lists
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        (0..pack::ListPiece::count(pack::LEDE_LIMIT + 1))
            .map(|k| format!("l/{k}.bin"))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        list[7].id, "r-1003",
        "ids kept when they are not the title's slug"
    );
}

#[test]
fn damaged_files_are_errors_not_panics() {
    let packed = pack::pack(corpus());
    let [(name, list)] = &packed.lists[..] else {
        panic!("one piece of the list");
    };
    let with_list = |bytes: &[u8]| vec![(name.clone(), bytes.to_vec())];
    // Every truncation of the list, and a sample of the index, fails cleanly.
    for cut in (0..list.len()).step_by(97) {
        assert!(pack::unpack(with_list(&list[..cut]), packed.index.clone(), Vec::new()).is_err());
    }
    for cut in (0..packed.index.len()).step_by(packed.index.len() / 200 + 1) {
        assert!(pack::unpack(with_list(list), packed.index[..cut].to_vec(), Vec::new()).is_err());
    }
    // Flipped bytes: an error or a readable corpus, never a panic.
    for at in (8..packed.index.len()).step_by(packed.index.len() / 300 + 1) {
        let mut bytes = packed.index.clone();
        bytes[at] ^= 0x5A;
        let _ = pack::unpack(with_list(list), bytes, Vec::new());
    }
    // A missing piece is an error too.
    assert!(pack::unpack(Vec::new(), packed.index.clone(), Vec::new()).is_err());
    let e = pack::unpack(with_list(&packed.index), list.clone(), Vec::new())
        .err()
        .expect("swapped files");
    assert_eq!(e.file, "index.bin");
    assert!(
        e.to_string().contains("expected a Dateline packed file"),
        "{e}"
    );
}

#[test]
fn app_test_records_are_the_releases_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let Corpus { releases, .. } = ingest_paths(&[root.join("releases")]);
    let snapshot =
        std::fs::read_to_string(root.join("tests/data/releases.json")).expect("snapshot");
    let snapshot: Vec<Release> = serde_json::from_str(&snapshot).expect("snapshot parses");
    assert!(
        snapshot == releases,
        "tests/data/releases.json is stale: regenerate it with\n  \
         cargo run -p dateline-core --bin dateline -- ingest releases --json --pretty > tests/data/releases.json"
    );
}

#[test]
fn streamed_chunks_are_the_chunks_in_order_and_a_writer_error_stops_the_pack() {
    let whole = pack::pack(corpus());
    let mut streamed = Vec::new();
    let rest = pack::pack_with(corpus(), pack::Encoding::Stored, |name, bytes| {
        streamed.push((name, bytes));
        Ok::<(), std::io::Error>(())
    })
    .expect("packs");
    assert!(rest.chunks.is_empty() && rest.pieces.is_empty() && rest.lists.is_empty());
    // The chunks, then the pieces of the dictionary, the postings and the
    // positions, each once, in order.
    assert!(whole.pieces.len() >= 3);
    assert_eq!(whole.pieces[0].0, "d/0.bin");
    assert!(whole.pieces.iter().any(|p| p.0 == "t/0.bin"));
    let (lists, rest_of): (Vec<_>, Vec<_>) = streamed
        .into_iter()
        .partition(|(name, _)| pack::ListPiece::from_file(name).is_some());
    assert_eq!(lists, whole.lists);
    assert_eq!(rest_of, [whole.chunks, whole.pieces, whole.facets].concat());
    assert_eq!(rest.index, whole.index);
    // The writer's error is the pack's error, and no chunk follows it.
    let mut calls = 0;
    let failed = pack::pack_with(corpus(), pack::Encoding::Stored, |_, _| {
        calls += 1;
        Err(std::io::Error::other("disk full"))
    });
    assert_eq!(
        failed.err().map(|e| e.to_string()),
        Some("disk full".into())
    );
    assert_eq!(calls, 1);
}

#[test]
fn facets_relations_come_in_their_own_files_and_whole_corpus_counts_need_none() {
    let releases = corpus();
    let packed = pack::pack(releases.clone());
    let names: Vec<&str> = packed.facets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "f/year.bin",
            "f/country.bin",
            "f/org.bin",
            "f/person.bin",
            "f/programme.bin",
            "f/topic.bin"
        ]
    );
    let built = Index::new(&{
        let mut sorted = releases.clone();
        sort_newest_first(&mut sorted);
        sorted
    });
    let index = Index::from_bytes(packed.index.clone()).expect("decodes");
    assert_eq!(index.missing_facets(), Facet::ALL.to_vec());
    // The home page: every count is over the whole corpus, in index.bin.
    let home = index.search(&Filter::default());
    assert!(!home.counting);
    let whole = built.search(&Filter::default());
    assert_eq!(home.hits, whole.hits);
    // Every facet whole in index.bin; the larger list their most frequent
    // values until their file is here (`a_facets_rarer_values_come_with_its_file`).
    let small = |f: &Facet| built.value_count(*f) <= dateline_core::query::HEAD_VALUES;
    for facet in Facet::ALL.into_iter().filter(small) {
        assert!(
            home.facets.get(facet) == whole.facets.get(facet),
            "{facet:?}"
        );
    }
    // A selection waits for its facet; the others' counts for theirs.
    let chosen = Filter::from_query("country=IR");
    assert_eq!(index.missing_facets_for(&chosen), [Facet::Country]);
    assert_eq!(index.search(&chosen).total, 0, "no relation, no match yet");
    let country = &packed.facets[1];
    index
        .add_pieces([country.clone()])
        .expect("the country facet");
    assert!(index.missing_facets_for(&chosen).is_empty());
    let partial = index.search(&chosen);
    let want = built.search(&chosen);
    assert_eq!(partial.hits, want.hits);
    assert!(partial.counting, "the other facets count a narrowed set");
    // Country counts ignore its own selection: the whole corpus, exact.
    assert_eq!(
        partial.facets.get(Facet::Country),
        want.facets.get(Facet::Country)
    );
    index
        .add_pieces(packed.facets.clone())
        .expect("every facet");
    assert_eq!(index.search(&chosen), want);
    assert_eq!(index.related(3, 5), built.related(3, 5));

    // Damaged, misnamed or from another build: an error, never a panic.
    let fresh = || Index::from_bytes(packed.index.clone()).expect("decodes");
    let (_, person) = &packed.facets[3];
    for cut in (0..person.len()).step_by(person.len() / 50 + 1) {
        assert!(fresh().add_facet(Facet::Person, &person[..cut]).is_err());
    }
    let e = fresh().add_facet(Facet::Country, person).unwrap_err();
    assert!(
        e.to_string()
            .contains("the facet that the file's name says"),
        "{e}"
    );
    let other = pack::pack(releases[..40].to_vec());
    let e = fresh()
        .add_facet(Facet::Person, &other.facets[3].1)
        .unwrap_err();
    assert!(
        e.to_string().contains("every document") || e.to_string().contains("index.bin says"),
        "{e}"
    );
    assert!(fresh()
        .add_pieces([("f/nope.bin".to_string(), Vec::new())])
        .is_err());
}

/// A list of one piece (read at start) is stored, for the host's brotli;
/// the pieces of a larger list are gzip inside, as the build asks.
#[cfg(feature = "gzip")]
#[test]
fn a_list_of_one_piece_is_stored_and_a_longer_one_gzip() {
    let one = corpus().into_iter().next().expect("a release");
    let encodings = |n: usize| {
        let releases: Vec<Release> = (0..n)
            .map(|i| Release {
                id: format!("r-{i}"),
                ..one.clone()
            })
            .collect();
        let mut found = Vec::new();
        let Ok(()) = pack::pack_files_with(releases, pack::Encoding::Gzip, |f| {
            if pack::ListPiece::from_file(&f.path).is_some() {
                let body = pack::frame::open(&pack::frame::LIST, &f.bytes).expect("a list piece");
                found.push(body.encoding);
            }
            Ok::<(), std::convert::Infallible>(())
        });
        found
    };
    assert_eq!(encodings(3), [pack::Encoding::Stored]);
    let many = encodings(pack::LEDE_LIMIT + 1);
    assert_eq!(many.len(), 10);
    assert!(many.iter().all(|&e| e == pack::Encoding::Gzip), "{many:?}");
}

/// `index.bin` holds each facet's most frequent values (the home page's
/// counts); the others come with the facet's file, and then every answer
/// is the whole index's.
#[test]
fn a_facets_rarer_values_come_with_its_file() {
    use dateline_core::query::HEAD_VALUES;
    let releases = corpus();
    let packed = pack::pack(releases.clone());
    let built = Index::new(&{
        let mut sorted = releases.clone();
        sort_newest_first(&mut sorted);
        sorted
    });
    let index = Index::from_bytes(packed.index.clone()).expect("decodes");
    let people = built.value_count(Facet::Person);
    assert!(people > HEAD_VALUES, "{people} people: too few to test");
    assert_eq!(index.value_count(Facet::Person), people);
    assert_eq!(index.values(Facet::Person).count(), HEAD_VALUES);
    // The home page lists the head, the most frequent, with exact counts.
    let (home, whole) = (
        index.search(&Filter::default()),
        built.search(&Filter::default()),
    );
    assert_eq!(home.hits, whole.hits);
    let (listed, all) = (
        home.facets.get(Facet::Person),
        whole.facets.get(Facet::Person),
    );
    assert_eq!(listed.len(), HEAD_VALUES);
    assert_eq!(home.facets.total(Facet::Person), people);
    assert_eq!(whole.facets.total(Facet::Person), people);
    // The whole index lists as many (the most frequent), and counts them all.
    assert_eq!(all.len(), HEAD_VALUES);
    let least_listed = listed.iter().map(|v| v.count).min().expect("values");
    let unlisted: Vec<String> = built
        .values(Facet::Person)
        .map(|v| v.key.to_string())
        .filter(|k| !listed.iter().any(|l| *l.key == **k))
        .collect();
    assert_eq!(unlisted.len(), people - HEAD_VALUES);
    assert!(unlisted
        .iter()
        .all(|k| built.docs(Facet::Person, k).len() as u32 <= least_listed));
    // Both list the 256 largest counts (ties at the last count may list
    // other values: the head breaks them by key, the counts by label).
    let counts =
        |l: &[dateline_core::query::FacetValue]| l.iter().map(|v| v.count).collect::<Vec<_>>();
    assert_eq!(counts(listed), counts(all));
    for v in listed {
        assert_eq!(v.count as usize, built.docs(Facet::Person, &v.key).len());
        if let Some(want) = all.iter().find(|w| w.key == v.key) {
            assert_eq!(v, want);
        }
    }
    // A rarer value is unknown until the file is here; then found.
    let rare = unlisted.last().expect("a rarer person").clone();
    assert!(index.value(Facet::Person, &rare).is_none());
    let filter = Filter::from_query(&format!("person={rare}"));
    assert_eq!(index.missing_facets_for(&filter), [Facet::Person]);
    index
        .add_pieces(packed.facets.clone())
        .expect("every facet");
    assert_eq!(
        index.value(Facet::Person, &rare),
        built.value(Facet::Person, &rare)
    );
    assert_eq!(index.values(Facet::Person).count(), people);
    assert_eq!(index.search(&Filter::default()), whole);
    assert_eq!(index.search(&filter), built.search(&filter));
    assert_eq!(
        index.key_named(
            Facet::Person,
            &built.value(Facet::Person, &rare).unwrap().label
        ),
        Some(rare.clone())
    );
    // Small facets are whole in index.bin.
    let fresh = Index::from_bytes(packed.index.clone()).expect("decodes");
    for facet in [Facet::Year, Facet::Topic] {
        assert!(built.value_count(facet) <= HEAD_VALUES);
        assert_eq!(fresh.values(facet).count(), built.value_count(facet));
        assert_eq!(
            fresh.search(&Filter::default()).facets.get(facet),
            whole.facets.get(facet)
        );
    }
}
