//! Shared by the fuzz targets: the fixture corpus packed once (the valid files
//! the structure-aware target mutates, and the index the list and positions
//! decoders need), and what the app does with decoded data (searches, facet
//! reads, records on screen, exports), so a target drives the same paths.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dateline_core::pack::{self, List, Packed};
use dateline_core::query::{highlight, snippet, Facet, Filter, Index, Zoom};
use dateline_core::Release;

/// `core/tests/fixtures` and `releases/`, ingested and sorted as `dateline pack` does.
pub fn fixtures() -> &'static [Release] {
    static RELEASES: OnceLock<Vec<Release>> = OnceLock::new();
    RELEASES.get_or_init(|| {
        let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let paths: Vec<PathBuf> = vec![core.join("tests/fixtures"), core.join("../releases")];
        let mut releases = dateline_core::ingest::corpus::ingest_paths(&paths).releases;
        assert!(
            releases.len() > 30,
            "fixtures not found from {}",
            core.display()
        );
        pack::sort_newest_first(&mut releases);
        releases
    })
}

/// The fixtures as `dateline pack` writes them.
pub fn packed() -> &'static Packed {
    static PACKED: OnceLock<Packed> = OnceLock::new();
    PACKED.get_or_init(|| pack::pack(fixtures().to_vec()))
}

/// The fixtures' list, decoded from its pieces for [`fixture_index`].
pub fn fixture_list() -> &'static List {
    static LIST: OnceLock<List> = OnceLock::new();
    LIST.get_or_init(|| {
        List::from_files(packed().lists.clone(), fixture_index().len())
            .expect("fixture l/0.bin decodes")
    })
}

/// The fixtures' index, decoded from its file with every piece (never mutated).
pub fn fixture_index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let p = packed();
        let index = Index::from_bytes(p.index.clone()).expect("fixture index.bin decodes");
        index
            .add_pieces([p.pieces.clone(), p.facets.clone()].concat())
            .expect("fixture pieces decode");
        index
    })
}

/// Searches as the app runs them (URL query strings): words, the word being
/// typed (prefix), typos, phrases (positions), facet selections, dates, sorts.
pub const QUERIES: &[&str] = &[
    "",
    "q=traff",
    "q=t",
    "q=cybercrime+",
    "q=trafficing",
    "q=cybercrme+",
    "q=%22organized+crime%22",
    "q=%22united+nations+office%22",
    "q=%22the+of%22+a",
    "q=unodc&country=IR,AT&sort=relevance",
    "country=IR&topic=trafficking-in-persons",
    "org=unodc&year=2019,2020",
    "year=2019&from=2019-01&to=2019-06-30&sort=oldest",
    "from=2018&sort=newest",
    "person=abbas-bagherpour&programme=glo-act",
];

/// Phrase queries made of the first words of each fixture title (they exist
/// in the index, so phrase matching reads the positions).
pub fn phrase_queries() -> &'static [String] {
    static PHRASES: OnceLock<Vec<String>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        fixtures()
            .iter()
            .take(12)
            .filter_map(|r| {
                let words: Vec<&str> = r.title.split_whitespace().take(3).collect();
                (words.len() > 1).then(|| {
                    let phrase = Filter {
                        text: format!("\"{}\"", words.join(" ")),
                        ..Filter::default()
                    };
                    phrase.to_query()
                })
            })
            .collect()
    })
}

/// What the app does with an index: searches (text, facets, dates, sorts),
/// facet reads per document, related releases, histograms at every zoom.
/// `pick` chooses a few of the standard queries (all of them every run would
/// halve the executions); `extra` is one more query string (fuzz-chosen).
/// Work is bounded by the index's size (bounded by its file's).
pub fn exercise_index(index: &Index, pick: usize, extra: Option<&str>) {
    let phrases = phrase_queries();
    let mut filters: Vec<Filter> = vec![
        Filter::default(),
        Filter::from_query(QUERIES[pick % QUERIES.len()]),
        Filter::from_query(QUERIES[(pick / QUERIES.len() + 7) % QUERIES.len()]),
    ];
    if let Some(q) = phrases.get(pick % phrases.len().max(1)) {
        filters.push(Filter::from_query(q));
    }
    if let Some(q) = extra {
        filters.push(Filter::from_query(q));
    }
    // Select the first values the index itself offers (facet keys from the file).
    let all = index.search(&Filter::default());
    let mut own = Filter::from_query("q=e");
    for facet in Facet::ALL {
        if let Some(v) = all.facets.get(facet).first() {
            own.toggle(facet, &v.key);
            let _ = index.value(facet, &v.key);
            let _ = index.docs(facet, &v.key);
        }
    }
    filters.push(own);
    for filter in &filters {
        let results = index.search(filter);
        assert!(
            results.hits.len() <= index.len(),
            "more hits than documents"
        );
        assert_eq!(results.total, results.hits.len());
        if let Some(&doc) = results.hits.first() {
            let _ = index.related(doc, 5);
        }
        let zoom = [Zoom::Years, Zoom::Months(2019), Zoom::Days(2019, 2)][pick % 3];
        let _ = index.histogram(&results.hits, zoom);
    }
    let n = index.len().min(256) as u32;
    for doc in 0..n {
        for facet in Facet::ALL {
            let _ = index.values_of(facet, doc);
        }
        let _ = index.date_key(doc);
    }
    let _ = index.related(index.len() as u32, 3);
    let _ = index.values_of(Facet::Country, u32::MAX);
}

/// What the timeline does with the list: every record, id and events, and
/// the lookup of each id.
pub fn exercise_list(list: &List, index: &Index) {
    let n = list.len() as u32;
    for doc in 0..n.saturating_add(1) {
        let _ = list.id(doc, index);
        let _ = list.events(doc);
        let _ = list.has_lede(doc);
        if let Some(r) = list.get(doc, index) {
            let _ = list.candidates(&r.id, index);
            show(&r, &[]);
        }
    }
}

/// One record on screen (date, highlighted title, snippet) and exported.
pub fn show(r: &Release, terms: &[String]) {
    if let Some(d) = &r.date {
        let _ = d.long();
        let _ = dateline_core::display::long_date(&d.to_string());
    }
    for e in &r.events {
        let _ = e.start.long();
        let _ = dateline_core::display::long_date(&e.start.to_string());
    }
    let _ = highlight(&r.title, terms);
    let text = snippet(&r.body, terms, 240);
    let _ = highlight(&text, terms);
}

/// A full record set as the detail view and the export buttons use it.
pub fn exercise_records(records: &[Release]) {
    let terms: Vec<String> = ["crime", "trafficking", "unodc", "e"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for r in records {
        show(r, &terms);
    }
    let refs: Vec<&Release> = records.iter().collect();
    let _ = dateline_core::export::to_json(&refs);
    let _ = dateline_core::export::to_csv(&refs);
}

/// The chunk check of the app (`Corpus::add_chunk` in src/corpus.rs): the
/// records must be the list's documents `first..`, by id.
pub fn chunk_matches(records: &[Release], first: usize, list: &List, index: &Index) -> bool {
    let expected = list.len().saturating_sub(first).min(pack::CHUNK_SIZE);
    records.len() == expected
        && (first as u32..)
            .zip(records)
            .all(|(d, full)| list.id(d, index).as_deref() == Some(full.id.as_str()))
}

/// Reads a varint the way the packed files write them (for peeking at counts).
pub fn peek_varint(bytes: &[u8], at: usize) -> Option<u32> {
    let mut n = 0u32;
    for (i, &b) in bytes.get(at..)?.iter().take(5).enumerate() {
        n |= u32::from(b & 0x7F) << (7 * i);
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}
