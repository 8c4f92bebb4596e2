//! End-to-end extraction over the fixture corpus in `tests/fixtures/`, checked
//! against the table in `tests/fixtures-expected.json` (kept outside the folder,
//! so that the folder is a corpus the app's end-to-end tests can build too).
//!
//! Every mismatch of every fixture is collected and printed before the test
//! fails, so extractor authors see at once what is left to do.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dateline_core::ingest::{ids, ingest_bytes};
use dateline_core::{ContactKind, Release};
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn expected_table() -> BTreeMap<String, Value> {
    let text = std::fs::read_to_string(fixtures_dir().with_file_name("fixtures-expected.json"))
        .expect("fixtures-expected.json");
    let table: BTreeMap<String, Value> =
        serde_json::from_str(&text).expect("fixtures-expected.json parses");
    table
        .into_iter()
        .filter(|(k, _)| !k.starts_with('_'))
        .collect()
}

/// Every fixture release, keyed as in the table (`file` or `file#index`).
fn ingest_fixtures() -> (BTreeMap<String, Release>, Vec<String>) {
    let mut releases = BTreeMap::new();
    let mut problems = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n != "expected.json"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path).expect("read fixture");
        match ingest_bytes(&name, &path, &bytes) {
            Ok(items) => {
                let mut records: Vec<Release> = items.into_iter().map(|i| i.release).collect();
                ids::assign_ids(&mut records);
                let many = records.len() > 1
                    || name.ends_with(".json") && bytes.trim_ascii_start().starts_with(b"[");
                for (i, r) in records.into_iter().enumerate() {
                    let key = if many {
                        format!("{name}#{i}")
                    } else {
                        name.clone()
                    };
                    releases.insert(key, r);
                }
            }
            Err(e) => problems.push(format!("{name}: rejected: {e}")),
        }
    }
    (releases, problems)
}

fn norm(s: &str) -> String {
    let lower = s.trim().to_lowercase();
    lower
        .strip_prefix("the ")
        .map(str::to_string)
        .unwrap_or(lower)
}

fn strs(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Collects the mismatches of one fixture.
struct Check<'a> {
    release: &'a Release,
    expected: &'a Value,
    out: Vec<String>,
}

impl Check<'_> {
    fn field(&self, key: &str) -> Option<&Value> {
        self.expected.get(key)
    }

    fn miss(&mut self, field: &str, message: String) {
        self.out.push(format!("  {field}: {message}"));
    }

    fn scalars(&mut self) {
        let r = self.release;
        for (key, actual) in [
            ("id", Some(r.id.clone())),
            ("title", Some(r.title.clone())),
            ("date", r.date.clone()),
        ] {
            if let Some(want) = self.field(key) {
                let want = want.as_str().map(str::to_string);
                if want != actual {
                    self.miss(key, format!("expected {want:?}, got {actual:?}"));
                }
            }
        }
        if let Some(want) = self.field("dateline").cloned() {
            let got = r
                .dateline
                .as_ref()
                .map(|d| (d.city.clone(), d.country.clone()));
            let want = (!want.is_null()).then(|| {
                let s = |k: &str| want.get(k).and_then(Value::as_str).map(str::to_string);
                (s("city"), s("country"))
            });
            if want != got {
                self.miss(
                    "dateline",
                    format!("expected (city, country) {want:?}, got {got:?}"),
                );
            }
        }
        if self.field("warnings_nonempty").and_then(Value::as_bool) == Some(true)
            && r.warnings.is_empty()
        {
            self.miss("warnings", "expected a warning, got none".into());
        }
    }

    fn countries(&mut self) {
        let mut got: Vec<String> = self
            .release
            .countries
            .iter()
            .map(|c| c.code.clone())
            .collect();
        got.sort();
        if let Some(want) = self.field("countries") {
            let mut want = strs(Some(want));
            want.sort();
            if want != got {
                let missing: Vec<_> = want.iter().filter(|c| !got.contains(c)).collect();
                let extra: Vec<_> = got.iter().filter(|c| !want.contains(c)).collect();
                self.miss(
                    "countries",
                    format!("missing {missing:?}, unexpected {extra:?}"),
                );
            }
        }
        for absent in strs(self.field("countries_absent")) {
            if got.contains(&absent) {
                self.miss("countries", format!("{absent} must not be present"));
            }
        }
    }

    /// Names and acronyms of the organisations found, normalised.
    fn organisation_labels(&self) -> Vec<String> {
        self.release
            .organisations
            .iter()
            .flat_map(|o| [o.name.as_deref(), o.acronym.as_deref()])
            .flatten()
            .map(norm)
            .collect()
    }

    fn organisations(&mut self) {
        let labels = self.organisation_labels();
        for want in strs(self.field("organisations")) {
            if !labels.contains(&norm(&want)) {
                self.miss(
                    "organisations",
                    format!("missing {want:?} (got {labels:?})"),
                );
            }
        }
        for absent in strs(self.field("organisations_absent")) {
            if labels.contains(&norm(&absent)) {
                self.miss("organisations", format!("{absent:?} must not be present"));
            }
        }
    }

    fn people(&mut self) {
        let people = &self.release.people;
        for want in self
            .field("people")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
        {
            let (name, role) = match &want {
                Value::String(s) => (s.clone(), None),
                v => (
                    v.get("name")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string(),
                    v.get("role").and_then(Value::as_str).map(str::to_string),
                ),
            };
            match people.iter().find(|p| p.name == name) {
                None => {
                    let got: Vec<_> = people.iter().map(|p| &p.name).collect();
                    self.miss("people", format!("missing {name:?} (got {got:?})"));
                }
                Some(p) if role.is_some() && p.role != role => {
                    self.miss(
                        "people",
                        format!("{name:?}: role expected {role:?}, got {:?}", p.role),
                    );
                }
                Some(_) => {}
            }
        }
        for absent in strs(self.field("people_absent")) {
            if people.iter().any(|p| p.name == absent) {
                self.miss(
                    "people",
                    format!("{absent:?} must not be present (contact only)"),
                );
            }
        }
    }

    /// A speaker matches a name, or the other label of the same organisation.
    fn speaker_matches(&self, speaker: &str, want: &str) -> bool {
        speaker == want
            || self.release.organisations.iter().any(|o| {
                let labels: Vec<String> = [o.name.as_deref(), o.acronym.as_deref()]
                    .into_iter()
                    .flatten()
                    .map(norm)
                    .collect();
                labels.contains(&norm(speaker)) && labels.contains(&norm(want))
            })
    }

    fn quotes(&mut self) {
        let speakers: Vec<String> = self
            .release
            .quotes
            .iter()
            .filter_map(|q| q.speaker.clone())
            .collect();
        for want in strs(self.field("quote_speakers")) {
            if !speakers.iter().any(|s| self.speaker_matches(s, &want)) {
                self.miss(
                    "quotes",
                    format!("no quote by {want:?} (speakers {speakers:?})"),
                );
            }
        }
        if let Some(n) = self.field("quotes_count").and_then(Value::as_u64) {
            let got = self.release.quotes.len() as u64;
            if got != n {
                let texts: Vec<_> = self.release.quotes.iter().map(|q| &q.text).collect();
                self.miss(
                    "quotes",
                    format!("expected {n} quotes, got {got}: {texts:?}"),
                );
            }
        }
    }

    fn events(&mut self) {
        let got: Vec<(String, Option<String>)> = self
            .release
            .events
            .iter()
            .map(|e| (e.start.clone(), e.end.clone()))
            .collect();
        for want in self
            .field("events")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
        {
            let start = want
                .get("start")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let end = match want.get("end") {
                None => Some(start.clone()),
                Some(v) => v.as_str().map(str::to_string),
            };
            if !got.contains(&(start.clone(), end.clone())) {
                self.miss(
                    "events",
                    format!("missing {{start: {start}, end: {end:?}}} (got {got:?})"),
                );
            }
        }
        for absent in strs(self.field("events_absent")) {
            if got.iter().any(|(s, _)| *s == absent) {
                self.miss("events", format!("{absent} must not be an event"));
            }
        }
    }

    fn money(&mut self) {
        let Some(want) = self.field("money").and_then(Value::as_array).cloned() else {
            return;
        };
        let key = |amount: f64, currency: &str| format!("{amount:.2} {currency}");
        let mut want: Vec<String> = want
            .iter()
            .map(|m| {
                key(
                    m.get("amount").and_then(Value::as_f64).unwrap_or_default(),
                    m.get("currency")
                        .and_then(Value::as_str)
                        .unwrap_or_default(),
                )
            })
            .collect();
        let mut got: Vec<String> = self
            .release
            .money
            .iter()
            .map(|m| key(m.amount, &m.currency))
            .collect();
        want.sort();
        got.sort();
        if want != got {
            self.miss("money", format!("expected {want:?}, got {got:?}"));
        }
    }

    fn programmes(&mut self) {
        let labels: Vec<String> = self
            .release
            .programmes
            .iter()
            .flat_map(|p| [Some(p.name.as_str()), p.acronym.as_deref()])
            .flatten()
            .map(norm)
            .collect();
        for want in strs(self.field("programmes")) {
            if !labels.contains(&norm(&want)) {
                self.miss("programmes", format!("missing {want:?} (got {labels:?})"));
            }
        }
        for absent in strs(self.field("programmes_absent")) {
            if labels.contains(&norm(&absent)) {
                self.miss("programmes", format!("{absent:?} must not be present"));
            }
        }
    }

    fn topics(&mut self) {
        for want in strs(self.field("topics")) {
            if !self.release.topics.contains(&want) {
                self.miss(
                    "topics",
                    format!("missing {want:?} (got {:?})", self.release.topics),
                );
            }
        }
    }

    fn contacts(&mut self) {
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        let same = |kind: ContactKind, a: &str, b: &str| match kind {
            ContactKind::Phone => digits(a) == digits(b),
            _ => a
                .trim_end_matches('/')
                .eq_ignore_ascii_case(b.trim_end_matches('/')),
        };
        let contacts = &self.release.contacts;
        for want in self
            .field("contacts")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
        {
            let Ok(kind) = serde_json::from_value::<ContactKind>(
                want.get("kind").cloned().unwrap_or(Value::Null),
            ) else {
                self.miss("contacts", format!("bad expectation {want}"));
                continue;
            };
            let value = want
                .get("value")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if !contacts
                .iter()
                .any(|c| c.kind == kind && same(kind, &c.value, value))
            {
                let got: Vec<_> = contacts
                    .iter()
                    .map(|c| format!("{:?} {}", c.kind, c.value))
                    .collect();
                self.miss(
                    "contacts",
                    format!("missing {kind:?} {value:?} (got {got:?})"),
                );
            }
        }
        for absent in strs(self.field("contacts_absent")) {
            let needle = absent.to_lowercase();
            if let Some(c) = contacts
                .iter()
                .find(|c| c.value.to_lowercase().contains(&needle))
            {
                self.miss("contacts", format!("{:?} must not be a contact", c.value));
            }
        }
    }

    fn body(&mut self) {
        let body = self.release.body.join("\n\n");
        for want in strs(self.field("body_contains")) {
            if !body.contains(&want) {
                self.miss("body", format!("text lost: {want:?}"));
            }
        }
        if let Some(start) = self.field("body_first_starts").and_then(Value::as_str) {
            let first = self
                .release
                .body
                .first()
                .map(String::as_str)
                .unwrap_or_default();
            if !first.starts_with(start) {
                self.miss(
                    "body",
                    format!("first paragraph should start {start:?}, is {first:?}"),
                );
            }
        }
    }

    /// Shape rules every record must satisfy, whatever the fixture.
    fn invariants(&mut self) {
        let r = self.release;
        if r.title.trim().is_empty() {
            self.miss("title", "empty".into());
        }
        if r.title.contains('\r') || r.body.iter().any(|p| p.contains('\r')) {
            self.miss("body", "carriage return left in title or body".into());
        }
        if r.body.iter().any(|p| p.trim().is_empty()) {
            self.miss("body", "empty paragraph".into());
        }
        for c in &r.countries {
            if c.code.len() != 2 || !c.code.chars().all(|ch| ch.is_ascii_uppercase()) {
                self.miss("countries", format!("bad code {:?}", c.code));
            }
        }
        for m in &r.money {
            if m.currency.len() != 3
                || !m.currency.chars().all(|ch| ch.is_ascii_uppercase())
                || m.amount <= 0.0
            {
                self.miss("money", format!("bad entry {m:?}"));
            }
        }
    }

    fn run(mut self) -> Vec<String> {
        self.scalars();
        self.countries();
        self.organisations();
        self.people();
        self.quotes();
        self.events();
        self.money();
        self.programmes();
        self.topics();
        self.contacts();
        self.body();
        self.invariants();
        self.out
    }
}

#[test]
fn fixture_corpus_has_at_least_thirty_releases() {
    let (releases, problems) = ingest_fixtures();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        releases.len() >= 30,
        "only {} fixture releases",
        releases.len()
    );
    let table = expected_table();
    for key in releases.keys() {
        assert!(
            table.contains_key(key),
            "{key} has no row in fixtures-expected.json"
        );
    }
}

#[test]
fn fixtures_match_expected_table() {
    let (releases, mut report) = ingest_fixtures();
    let mut failing = 0;
    let table = expected_table();
    for (key, expected) in &table {
        let Some(release) = releases.get(key) else {
            report.push(format!("{key}: no such release ingested"));
            failing += 1;
            continue;
        };
        let mismatches = Check {
            release,
            expected,
            out: Vec::new(),
        }
        .run();
        if !mismatches.is_empty() {
            failing += 1;
            report.push(format!("{key}:\n{}", mismatches.join("\n")));
        }
    }
    if !report.is_empty() {
        panic!(
            "{failing} of {} fixtures mismatch the table:\n\n{}\n",
            table.len(),
            report.join("\n\n")
        );
    }
}
