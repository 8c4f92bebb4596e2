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
            ("date", r.date.map(|d| d.to_string())),
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
            .map(|e| (e.start.to_string(), e.end.map(|d| d.to_string())))
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

// ---------------------------------------------------------------------------
// Scoring: precision, recall and F1 per field over the fixtures that give a
// complete gold set for it (`organisations_all`, `people_all`, `quotes_all`,
// `programmes_all`; `countries_all` or else the exact `countries`).
// ---------------------------------------------------------------------------

/// Folds case, curly quotes and apostrophes, dashes and runs of whitespace.
fn fold(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            '\u{00A0}' => ' ',
            c => c,
        })
        .collect();
    mapped
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A label as compared: folded, leading "the" dropped.
fn label(s: &str) -> String {
    let f = fold(s);
    f.strip_prefix("the ").map(str::to_string).unwrap_or(f)
}

/// Labels of one gold entity: a string, or `{name, acronym, alt: [...]}`.
fn gold_labels(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![label(s)],
        v => ["name", "acronym"]
            .iter()
            .filter_map(|k| v.get(*k).and_then(Value::as_str))
            .chain(
                v.get("alt")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str),
            )
            .map(label)
            .collect(),
    }
}

/// Counts of one field: gold items, items found, true positives.
#[derive(Default, Clone, Copy)]
struct Score {
    gold: usize,
    found: usize,
    tp: usize,
}

impl Score {
    fn add(&mut self, other: Score) {
        self.gold += other.gold;
        self.found += other.found;
        self.tp += other.tp;
    }
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.tp as f64 / self.found as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// One-to-one greedy matching of found items against gold items; returns the
/// score and, for the detail listing, the gold items missed and the items
/// found in excess.
fn match_sets<G, F>(
    gold: &[G],
    found: &[F],
    matches: impl Fn(&G, &F) -> bool,
) -> (Score, Vec<usize>, Vec<usize>) {
    let mut used = vec![false; found.len()];
    let mut missed = Vec::new();
    let mut tp = 0;
    for (gi, g) in gold.iter().enumerate() {
        match (0..found.len()).find(|&fi| !used[fi] && matches(g, &found[fi])) {
            Some(fi) => {
                used[fi] = true;
                tp += 1;
            }
            None => missed.push(gi),
        }
    }
    let extra = (0..found.len()).filter(|&i| !used[i]).collect();
    (
        Score {
            gold: gold.len(),
            found: found.len(),
            tp,
        },
        missed,
        extra,
    )
}

/// The scored fields, in table order.
const SCORED: [&str; 6] = [
    "countries",
    "organisations",
    "people",
    "programmes",
    "quotes",
    "quote_speakers",
];

/// Scores of one release against its row: field → (score, misses, extras).
fn score_release(release: &Release, expected: &Value) -> Vec<(&'static str, Score, Vec<String>)> {
    let mut out = Vec::new();
    let show = |v: &Value| match v {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    };

    let countries = expected
        .get("countries_all")
        .or_else(|| expected.get("countries"));
    if let Some(gold) = countries.and_then(Value::as_array) {
        let found: Vec<&str> = release.countries.iter().map(|c| c.code.as_str()).collect();
        let (s, missed, extra) = match_sets(gold, &found, |g, f| g.as_str() == Some(*f));
        let mut notes: Vec<String> = missed
            .iter()
            .map(|&i| format!("- {}", show(&gold[i])))
            .collect();
        notes.extend(extra.iter().map(|&i| format!("+ {}", found[i])));
        out.push(("countries", s, notes));
    }

    let entity_labels = |name: Option<&str>, acronym: Option<&str>| -> Vec<String> {
        [name, acronym].into_iter().flatten().map(label).collect()
    };
    let gold_orgs = expected.get("organisations_all").and_then(Value::as_array);
    if let Some(gold) = gold_orgs {
        let found: Vec<Vec<String>> = release
            .organisations
            .iter()
            .map(|o| entity_labels(o.name.as_deref(), o.acronym.as_deref()))
            .collect();
        let gl: Vec<Vec<String>> = gold.iter().map(gold_labels).collect();
        let (s, missed, extra) = match_sets(&gl, &found, |g, f| f.iter().any(|l| g.contains(l)));
        let mut notes: Vec<String> = missed
            .iter()
            .map(|&i| format!("- {}", show(&gold[i])))
            .collect();
        notes.extend(extra.iter().map(|&i| {
            let o = &release.organisations[i];
            format!(
                "+ {:?} ({:?})",
                o.name.as_deref().unwrap_or("-"),
                o.acronym.as_deref().unwrap_or("-")
            )
        }));
        out.push(("organisations", s, notes));
    }

    if let Some(gold) = expected.get("people_all").and_then(Value::as_array) {
        let gl: Vec<Vec<String>> = gold.iter().map(gold_labels).collect();
        let (s, missed, extra) =
            match_sets(&gl, &release.people, |g, p| g.contains(&fold(&p.name)));
        let mut notes: Vec<String> = missed
            .iter()
            .map(|&i| format!("- {}", show(&gold[i])))
            .collect();
        notes.extend(
            extra
                .iter()
                .map(|&i| format!("+ {:?}", release.people[i].name)),
        );
        out.push(("people", s, notes));
    }

    if let Some(gold) = expected.get("programmes_all").and_then(Value::as_array) {
        let found: Vec<Vec<String>> = release
            .programmes
            .iter()
            .map(|p| entity_labels(Some(&p.name), p.acronym.as_deref()))
            .collect();
        let gl: Vec<Vec<String>> = gold.iter().map(gold_labels).collect();
        let (s, missed, extra) = match_sets(&gl, &found, |g, f| f.iter().any(|l| g.contains(l)));
        let mut notes: Vec<String> = missed
            .iter()
            .map(|&i| format!("- {}", show(&gold[i])))
            .collect();
        notes.extend(
            extra
                .iter()
                .map(|&i| format!("+ {:?}", release.programmes[i].name)),
        );
        out.push(("programmes", s, notes));
    }

    if let Some(gold) = expected.get("quotes_all").and_then(Value::as_array) {
        let text_of =
            |q: &str| fold(q.trim_start_matches(['"', '\'', '\u{201C}', '\u{2018}', ' ']));
        let starts = |g: &Value, q: &dateline_core::Quote| {
            let want = text_of(
                g.get("text_start")
                    .and_then(Value::as_str)
                    .unwrap_or_default(),
            );
            !want.is_empty() && text_of(&q.text).starts_with(&want)
        };
        // Every label of the gold organisation a speaker names, so that
        // "UNHCR" and "the UN Refugee Agency" are one speaker.
        let speaker_labels = |want: &str| -> Vec<String> {
            let w = label(want);
            let mut labels = vec![w.clone()];
            for g in gold_orgs.into_iter().flatten() {
                let gl = gold_labels(g);
                if gl.contains(&w) {
                    labels.extend(gl);
                }
            }
            labels
        };
        // `speaker` is a name, null (unnamed), or a list of acceptable names
        // where an editor could fairly credit either (spokesperson or office).
        let same_speaker = |g: &Value, q: &dateline_core::Quote| {
            let wants: Vec<&str> = match g.get("speaker") {
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                Some(Value::String(s)) => vec![s.as_str()],
                _ => Vec::new(),
            };
            match q.speaker.as_deref() {
                None => wants.is_empty(),
                Some(got) => wants.iter().any(|want| {
                    fold(want) == fold(got) || speaker_labels(want).contains(&label(got))
                }),
            }
        };
        let (s, missed, extra) = match_sets(gold, &release.quotes, |g, q| starts(g, q));
        let clip = |t: &str| t.chars().take(48).collect::<String>();
        let mut notes: Vec<String> = missed
            .iter()
            .map(|&i| format!("- {}", show(&gold[i])))
            .collect();
        notes.extend(extra.iter().map(|&i| {
            let q = &release.quotes[i];
            format!("+ {:?} by {:?}", clip(&q.text), q.speaker)
        }));
        out.push(("quotes", s, notes));
        let (s, missed, extra) = match_sets(gold, &release.quotes, |g, q| {
            starts(g, q) && same_speaker(g, q)
        });
        let mut notes: Vec<String> = missed
            .iter()
            .map(|&i| format!("- {}", show(&gold[i])))
            .collect();
        notes.extend(extra.iter().map(|&i| {
            let q = &release.quotes[i];
            format!("+ {:?} by {:?}", clip(&q.text), q.speaker)
        }));
        out.push(("quote_speakers", s, notes));
    }
    out
}

/// Scores summed per field, for the fixtures whose key `keep` accepts, and
/// the per-fixture notes of what was missed (-) or found in excess (+).
fn score_corpus(
    keep: impl Fn(&str) -> bool,
) -> (BTreeMap<&'static str, (Score, usize)>, Vec<String>) {
    let (releases, _) = ingest_fixtures();
    let mut totals: BTreeMap<&'static str, (Score, usize)> = BTreeMap::new();
    let mut notes = Vec::new();
    for (key, expected) in expected_table() {
        let Some(release) = releases.get(&key).filter(|_| keep(&key)) else {
            continue;
        };
        for (field, s, field_notes) in score_release(release, &expected) {
            let entry = totals.entry(field).or_default();
            entry.0.add(s);
            entry.1 += 1;
            if !field_notes.is_empty() {
                notes.push(format!("{key} {field}: {}", field_notes.join("; ")));
            }
        }
    }
    (totals, notes)
}

fn score_table(totals: &BTreeMap<&'static str, (Score, usize)>) -> String {
    let mut t = String::from(
        "| field          | fixtures | gold | found |  TP | precision | recall |   F1 |\n\
         |----------------|---------:|-----:|------:|----:|----------:|-------:|-----:|\n",
    );
    for field in SCORED {
        if let Some((s, n)) = totals.get(field) {
            t.push_str(&format!(
                "| {field:<14} | {n:>8} | {:>4} | {:>5} | {:>3} | {:>9.2} | {:>6.2} | {:>4.2} |\n",
                s.gold,
                s.found,
                s.tp,
                s.precision(),
                s.recall(),
                s.f1()
            ));
        }
    }
    t
}

/// The fixture's number (`50_foo.txt` → 50).
fn fixture_number(key: &str) -> u32 {
    key.split('_')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Prints the P/R/F1 table, always (run with `-- --nocapture` to see it);
/// `DATELINE_SCORE_DETAIL=1` adds what each fixture missed or added.
#[test]
fn extraction_scores_table() {
    let (all, notes) = score_corpus(|_| true);
    let (old, _) = score_corpus(|k| fixture_number(k) < 50);
    let (new, _) = score_corpus(|k| fixture_number(k) >= 50);
    let (tuned, _) = score_corpus(|k| !held_out(k) && later_held_out_set(k).is_none());
    let (held_out, _) = score_corpus(held_out);
    let later: Vec<_> = (0..LATER_HELD_OUT.len())
        .map(|set| score_corpus(|k| later_held_out_set(k) == Some(set)).0)
        .collect();
    let (floored, _) = score_corpus(in_floors);
    let (first_floored, _) = score_corpus(|k| fixture_number(k) < FLOORS_SET_BEFORE);
    println!(
        "\nExtraction on the fixtures, all with gold sets:\n\n{}",
        score_table(&all)
    );
    println!("Fixtures 01-49 only:\n\n{}", score_table(&old));
    println!("Fixtures 50 and up only:\n\n{}", score_table(&new));
    println!(
        "Fixtures 01-89, {HELD_OUT_TO}-{}, 289-294 and 303-310 (tuned):\n\n{}",
        LATER_HELD_OUT[0].1.start - 1,
        score_table(&tuned)
    );
    println!(
        "Fixtures 90-{} only (held out):\n\n{}",
        HELD_OUT_TO - 1,
        score_table(&held_out)
    );
    for (set, scores) in later.iter().enumerate() {
        let (name, range) = &LATER_HELD_OUT[set];
        let to = match range.end {
            u32::MAX => " and up".to_string(),
            end => format!("-{}", end - 1),
        };
        println!(
            "Fixtures {}{to} only (the {name} held-out set):\n\n{}",
            range.start,
            score_table(scores)
        );
    }
    println!("The `_floors` set:\n\n{}", score_table(&floored));
    println!(
        "Fixtures 01-{} only (the set `_floors` was first set on):\n\n{}",
        FLOORS_SET_BEFORE - 1,
        score_table(&first_floored)
    );
    if std::env::var_os("DATELINE_SCORE_DETAIL").is_some() {
        println!(
            "Misses (-) and extras (+) per fixture:\n\n{}\n",
            notes.join("\n")
        );
    }
}

/// The first held-out fixture: fixtures from here to [`HELD_OUT_TO`] are never tuned to.
const HELD_OUT_FROM: u32 = 90;

/// One past the last held-out fixture: fixtures from here on were written to
/// develop rules against (tuned), like 01-89.
const HELD_OUT_TO: u32 = 126;

/// The first fixture added after `_floors` was set: `_floors` holds over the
/// fixtures before it and the tuned fixtures from [`HELD_OUT_TO`] (adding
/// fixtures is a new measurement, not a fall), and `_floors_held_out` over the
/// whole held-out set.
const FLOORS_SET_BEFORE: u32 = 110;

/// The fixtures of each later held-out set, the second on: each set was
/// written before one pass of extractor work (issue 12's second to
/// seventeenth passes, session 30's quotes and people pass, sessions 31's
/// and 32's organisations and programmes passes, session 33's
/// organisations, programmes and people pass, sessions 34's and 35's
/// passes, and the pass after it),
/// without tuning on it, measured once before and once after that pass;
/// the set before it became development text in that pass. They are in no
/// floor set. The fixtures 289-294 were written to develop session 30's
/// rules against, and 303-310 session 31's (tuned), like 01-89.
const LATER_HELD_OUT: [(&str, std::ops::Range<u32>); 23] = [
    ("second", 135..147),
    ("third", 147..159),
    ("fourth", 159..171),
    ("fifth", 171..183),
    ("sixth", 183..191),
    ("seventh", 191..201),
    ("eighth", 201..211),
    ("ninth", 211..217),
    ("tenth", 217..225),
    ("eleventh", 225..233),
    ("twelfth", 233..241),
    ("thirteenth", 241..249),
    ("fourteenth", 249..257),
    ("fifteenth", 257..265),
    ("sixteenth", 265..277),
    ("seventeenth", 277..289),
    ("eighteenth", 295..303),
    ("nineteenth", 311..319),
    ("twentieth", 319..327),
    ("twenty-first", 327..335),
    ("twenty-second", 335..343),
    ("twenty-third", 343..351),
    ("twenty-fourth", 351..u32::MAX),
];

fn held_out(key: &str) -> bool {
    (HELD_OUT_FROM..HELD_OUT_TO).contains(&fixture_number(key))
}

/// Which later held-out set (0 for the second) holds a fixture, if any.
fn later_held_out_set(key: &str) -> Option<usize> {
    let n = fixture_number(key);
    LATER_HELD_OUT.iter().position(|(_, set)| set.contains(&n))
}

fn in_floors(key: &str) -> bool {
    !(FLOORS_SET_BEFORE..HELD_OUT_TO).contains(&fixture_number(key))
        && later_held_out_set(key).is_none()
}

/// Fails when a field's F1 falls below its floor in `_floors` (fixtures
/// before `FLOORS_SET_BEFORE`) or in `_floors_held_out` (fixtures from
/// `HELD_OUT_FROM`): raise the floors when the extractors improve, so that
/// the gains are kept; never lower them.
#[test]
fn extraction_scores_meet_floors() {
    let text = std::fs::read_to_string(fixtures_dir().with_file_name("fixtures-expected.json"))
        .expect("fixtures-expected.json");
    let table: Value = serde_json::from_str(&text).expect("fixtures-expected.json parses");
    let mut below = Vec::new();
    let mut tables = Vec::new();
    for (key, keep) in [
        ("_floors", in_floors as fn(&str) -> bool),
        ("_floors_held_out", held_out),
    ] {
        let floors = table
            .get(key)
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("{key} in fixtures-expected.json"));
        let (all, _) = score_corpus(keep);
        check_floors(key, floors, &all, &mut below);
        tables.push(format!("{key}:\n{}", score_table(&all)));
    }
    assert!(
        below.is_empty(),
        "extraction fell below its floors:\n{}\n\n{}",
        below.join("\n"),
        tables.join("\n")
    );
}

fn check_floors(
    key: &str,
    floors: &serde_json::Map<String, Value>,
    all: &BTreeMap<&'static str, (Score, usize)>,
    below: &mut Vec<String>,
) {
    for (field, floor) in floors {
        let floor = floor.as_f64().expect("floor is a number");
        let f1 = all.get(field.as_str()).map(|(s, _)| s.f1()).unwrap_or(0.0);
        if f1 + 1e-9 < floor {
            below.push(format!("{key} {field}: F1 {f1:.3} < floor {floor:.2}"));
        }
    }
}
