//! `dateline stats`: a corpus summarised as plain text.

use std::collections::BTreeMap;

use dateline_core::ingest::corpus::Corpus;
use dateline_core::Release;

use super::plural;

/// Counts how many releases mention each key (a release counts once per key).
fn tally<'a, I>(releases: &'a [Release], keys: impl Fn(&'a Release) -> I) -> Vec<(String, usize)>
where
    I: IntoIterator<Item = String>,
{
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for r in releases {
        let mut seen: Vec<String> = keys(r).into_iter().collect();
        seen.sort();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let mut sorted: Vec<(String, usize)> = counts.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sorted
}

/// The `dateline stats` report.
pub fn render_stats(corpus: &Corpus) -> String {
    let releases = &corpus.releases;
    let mut s = String::new();
    let undated = releases.iter().filter(|r| r.date.is_none()).count();
    s.push_str(&format!(
        "releases: {} ({} undated, {})\n",
        releases.len(),
        undated,
        plural(corpus.rejected, "file rejected", "files rejected")
    ));
    let mut years = tally(releases, |r| r.date.map(|d| d.whole_year().to_string()));
    years.sort();
    s.push_str("\nreleases per year:\n");
    for (year, n) in &years {
        s.push_str(&format!("  {year}  {n}\n"));
    }
    let sections: [(&str, Vec<(String, usize)>); 4] = [
        (
            "countries",
            tally(releases, |r| {
                r.countries
                    .iter()
                    .map(|c| format!("{} {}", c.code, c.name))
                    .collect::<Vec<_>>()
            }),
        ),
        (
            "organisations",
            tally(releases, |r| {
                r.organisations
                    .iter()
                    .map(|o| o.label().to_string())
                    .collect::<Vec<_>>()
            }),
        ),
        (
            "people",
            tally(releases, |r| {
                r.people.iter().map(|p| p.name.clone()).collect::<Vec<_>>()
            }),
        ),
        ("topics", tally(releases, |r| r.topics.clone())),
    ];
    for (name, counts) in sections {
        s.push_str(&format!("\ntop {name} ({} distinct):\n", counts.len()));
        for (key, n) in counts.iter().take(10) {
            s.push_str(&format!("  {n:>6}  {key}\n"));
        }
    }
    s
}
