//! Times index building and typical keystroke searches over synthetic releases.
//! `cargo run --release -p dateline-core --example query_bench [count]`

#[cfg(feature = "ingest")]
fn main() {
    use std::time::Instant;

    use dateline_core::query::{Facet, Filter, Index};
    use dateline_core::Release;

    let count = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let start = Instant::now();
    // Ingesting is slower than indexing: QUERY_BENCH_CACHE=file.json keeps the releases between runs.
    let cache = std::env::var("QUERY_BENCH_CACHE").ok();
    let cached: Option<Vec<Release>> = cache
        .as_ref()
        .and_then(|path| std::fs::read(path).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .filter(|r: &Vec<Release>| r.len() == count);
    let releases = cached.unwrap_or_else(|| {
        let releases = generated(count);
        if let Some(path) = &cache {
            let json = serde_json::to_vec(&releases).unwrap_or_default();
            if let Err(e) = std::fs::write(path, json) {
                eprintln!("cannot write {path}: {e}");
            }
        }
        releases
    });
    println!("{} releases ready in {:?}", releases.len(), start.elapsed());

    let start = Instant::now();
    let index = Index::new(&releases);
    println!("built the index in {:?}", start.elapsed());
    let all = index.search(&Filter::default());
    for facet in Facet::ALL {
        println!("{facet:?}: {} values", all.facets.get(facet).len());
    }

    let queries = [
        "",
        "q=t",
        "q=tr",
        "q=traff",
        "q=trafficking",
        "q=trafficking+in+pers",
        "q=%22organized+crime%22",
        "q=cybercrme+",
        "q=the+",
        "country=IR,AF&topic=cybercrime",
        "q=crime&year=2019,2020&sort=relevance",
        "from=2019-01&to=2019-06-30",
    ];
    for qs in queries {
        let filter = Filter::from_query(qs);
        let runs = 20;
        let start = Instant::now();
        let mut total = 0;
        for _ in 0..runs {
            total = index.search(&filter).total;
        }
        let per = start.elapsed() / runs;
        println!("{qs:45} {total:7} hits  {per:?}");
    }
}

#[cfg(feature = "ingest")]
fn generated(count: usize) -> Vec<dateline_core::Release> {
    dateline_core::generate::generate(count, 1)
        .into_iter()
        .filter_map(|(name, text)| {
            let path = std::path::Path::new(&name);
            dateline_core::ingest::ingest_bytes(&name, path, text.as_bytes()).ok()
        })
        .flatten()
        .map(|i| i.release)
        .collect()
}

#[cfg(not(feature = "ingest"))]
fn main() {
    eprintln!("query_bench needs the `ingest` feature (to generate releases)");
}
