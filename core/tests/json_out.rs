//! The JSON the core writes by hand (`export::to_json`, `page::json_ld`)
//! against serde_json, the reference, over every fixture release: the export
//! byte for byte as serde_json writes the model, the JSON-LD byte for byte as
//! the `json!` builder it replaced wrote it.

use std::path::{Path, PathBuf};

use dateline_core::export::{to_json, to_json_compact};
use dateline_core::ingest::{ids, ingest_bytes};
use dateline_core::page::{json_ld, json_ld_script};
use dateline_core::Release;
use serde_json::{json, Value};

/// Every fixture release, in file order (as `tests/fixtures.rs` reads them).
fn fixture_releases() -> Vec<Release> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut releases = Vec::new();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).expect("read fixture");
        if let Ok(items) = ingest_bytes(&name, &path, &bytes) {
            let mut records: Vec<Release> = items.into_iter().map(|i| i.release).collect();
            ids::assign_ids(&mut records);
            releases.extend(records);
        }
    }
    assert!(releases.len() > 100, "{} fixture releases", releases.len());
    releases
}

#[test]
fn the_export_is_serde_jsons_byte_for_byte() {
    let releases = fixture_releases();
    let all: Vec<&Release> = releases.iter().collect();
    // The fixtures hold what the hand-made records of `export`'s tests may miss.
    assert!(releases.iter().any(|r| !r.money.is_empty()));
    assert!(releases.iter().any(|r| !r.footer.is_empty()));
    assert!(releases.iter().any(|r| r.url.is_some()));
    assert!(releases.iter().any(|r| !r.tags.is_empty()));
    assert!(releases.iter().any(|r| r.date.is_none()));
    for r in &all {
        let one = [*r];
        assert_eq!(
            to_json(&one),
            serde_json::to_string_pretty(&one).unwrap(),
            "{}",
            r.source
        );
        assert_eq!(
            to_json_compact(&one),
            serde_json::to_string(&one).unwrap(),
            "{}",
            r.source
        );
    }
    assert_eq!(to_json(&all), serde_json::to_string_pretty(&all).unwrap());
    assert_eq!(to_json_compact(&all), serde_json::to_string(&all).unwrap());
    assert_eq!(to_json(&[]), "[]");
    assert_eq!(to_json_compact(&[]), "[]");
}

/// The JSON-LD as `page::json_ld` built it with serde_json's `json!`, before
/// it was written by hand: the reference.
fn json_ld_reference(r: &Release, url: &str) -> Value {
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "identifier": r.id,
        "headline": r.title,
        "articleBody": r.body.join("\n\n"),
        "url": url,
        "mainEntityOfPage": url,
    });
    if let Some(date) = &r.date {
        article["datePublished"] = json!(date);
    }
    if let Some(d) = &r.dateline {
        article["dateline"] = json!(d.raw);
        if let Some(city) = &d.city {
            article["contentLocation"] = json!({ "@type": "Place", "name": city });
        }
    }
    let places: Vec<Value> = r
        .countries
        .iter()
        .map(|c| json!({ "@type": "Country", "name": c.name, "identifier": c.code }))
        .collect();
    let mut mentions: Vec<Value> = r
        .organisations
        .iter()
        .filter(|o| o.name.is_some() || o.acronym.is_some())
        .map(|o| {
            let mut org =
                json!({ "@type": "Organization", "name": o.name.as_deref().unwrap_or(o.label()) });
            if let (Some(acronym), Some(_)) = (&o.acronym, &o.name) {
                org["alternateName"] = json!(acronym);
            }
            org
        })
        .collect();
    mentions.extend(r.people.iter().map(|p| {
        let mut person = json!({ "@type": "Person", "name": p.name });
        if let Some(role) = &p.role {
            person["jobTitle"] = json!(role);
        }
        person
    }));
    article["about"] = Value::Array(places.clone());
    mentions.extend(places);
    article["mentions"] = Value::Array(mentions);
    if !r.topics.is_empty() {
        article["keywords"] = json!(r.topics);
    }
    article
}

fn assert_json_ld_is_the_reference(r: &Release, url: &str) {
    let reference = json_ld_reference(r, url);
    let text = json_ld(r, url);
    let parsed: Value = serde_json::from_str(&text).expect("JSON-LD parses");
    assert_eq!(parsed, reference, "{}", r.source);
    // Byte for byte too: the pre-rendered pages keep their text.
    assert_eq!(
        text,
        serde_json::to_string(&reference).unwrap(),
        "{}",
        r.source
    );
    let script = json_ld_script(r, url);
    assert!(!script.contains('<'), "{script}");
    let parsed: Value = serde_json::from_str(&script).expect("script text parses");
    assert_eq!(parsed, reference, "{}", r.source);
}

#[test]
fn the_json_ld_is_the_json_builders() {
    let releases = fixture_releases();
    assert!(releases
        .iter()
        .any(|r| r.people.iter().any(|p| p.role.is_some())));
    for r in &releases {
        for url in [
            "https://example.org/dateline/release/a/",
            "/dateline/release/a/",
        ] {
            assert_json_ld_is_the_reference(r, url);
        }
    }
}

#[test]
fn the_json_ld_of_hostile_text_is_the_json_builders() {
    let mut r = fixture_releases()
        .into_iter()
        .find(|r| r.dateline.as_ref().is_some_and(|d| d.city.is_some()) && !r.topics.is_empty())
        .expect("a release with a city and topics");
    let nasty = "</script><script>alert(\"x\")</script><!-- \\ \u{1}\n\t😀";
    r.title = nasty.into();
    r.body.push(nasty.into());
    r.topics.push(nasty.into());
    r.people[0].name = nasty.into();
    r.dateline.as_mut().unwrap().city = Some(nasty.into());
    // An organisation known by its acronym alone, one by nothing at all.
    for (name, acronym) in [(None, Some("UNX")), (None, None), (Some(nasty), None)] {
        r.organisations.push(dateline_core::Organisation {
            name: name.map(String::from),
            acronym: acronym.map(String::from),
        });
    }
    let url = "https://example.org/</script>\"";
    assert_json_ld_is_the_reference(&r, url);
    assert!(json_ld(&r, url).contains("</script>"));
    let script = json_ld_script(&r, url);
    assert!(!script.contains("</"), "{script}");
    assert!(script.contains("\\u003c/script>"), "{script}");
}
