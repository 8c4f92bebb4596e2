//! Deterministic, seeded generator of realistic synthetic releases.
//!
//! Used for benchmarks and load tests: UN-style plain-text releases in the
//! layout of `releases/` (title, dateline paragraph, body, contact block), with
//! varied dateline forms and a long-tailed vocabulary read from
//! `core/data/generator-vocabulary.txt`. Same `(count, seed)`, same output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::date::{days_in_month, MONTHS};

const VOCABULARY: &str = data_file!("generator-vocabulary.txt");

/// Sections of the vocabulary file: name → entries (each a list of TAB-separated fields).
type Vocabulary = BTreeMap<String, Vec<Vec<String>>>;

fn vocabulary() -> &'static Vocabulary {
    static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
    VOCAB.get_or_init(|| parse_vocabulary(VOCABULARY))
}

fn parse_vocabulary(text: &str) -> Vocabulary {
    let mut vocab = Vocabulary::new();
    let mut section = String::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_string();
            continue;
        }
        let fields = line.split('\t').map(str::to_string).collect();
        vocab.entry(section.clone()).or_default().push(fields);
    }
    vocab
}

/// splitmix64: tiny, fast, good enough for test data, and stable across platforms.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0; returns 0 for 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// Index in `0..n` skewed to the front (u³), giving a long tail.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u * n as f64) as usize).min(n.saturating_sub(1))
    }
}

/// Picks an entry of a vocabulary section, long-tailed.
fn pick<'v>(rng: &mut Rng, section: &str) -> &'v [String] {
    let entries = vocabulary().get(section).map(Vec::as_slice).unwrap_or(&[]);
    entries
        .get(rng.skewed(entries.len()))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn field(entry: &[String], i: usize) -> &str {
    entry.get(i).map(String::as_str).unwrap_or("")
}

fn word(rng: &mut Rng, section: &str) -> String {
    field(pick(rng, section), 0).to_string()
}

/// One synthetic release's ingredients, chosen once and reused across paragraphs.
struct Scene {
    city: String,
    country: String,
    org: (String, String),
    partner: (String, String),
    topic: String,
    year: u32,
    month: usize,
    day: u32,
}

/// `count` releases as `(file name, text)`, identical for identical `(count, seed)`.
pub fn generate(count: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    (0..count)
        .map(|i| {
            let text = release(&mut rng);
            let name = format!("{i:06}_{:016x}.txt", rng.next_u64());
            (name, text)
        })
        .collect()
}

/// Why [`write`] wrote nothing (or not everything).
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error(
        "{dir}: error: folder is not empty ({entries} {}): expected a new or empty folder \
         (--force removes the releases an earlier `dateline generate` wrote there first)",
        if *entries == 1 { "entry" } else { "entries" }
    )]
    NotEmpty { dir: String, entries: usize },
    #[error("{path}: error: {what}: {source}")]
    Io {
        path: String,
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
}

/// What [`write`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Releases written.
    pub written: usize,
    /// Releases of an earlier run removed first (`force`).
    pub removed: usize,
    /// Other files left in the folder (`force`).
    pub kept: usize,
}

/// A file name [`generate`] gives: `NNNNNN_XXXXXXXXXXXXXXXX.txt`.
pub fn is_generated_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".txt") else {
        return false;
    };
    let Some((number, hash)) = stem.split_once('_') else {
        return false;
    };
    number.len() >= 6
        && number.bytes().all(|b| b.is_ascii_digit())
        && hash.len() == 16
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Writes `count` releases for `seed` into `out` (created if missing). A
/// folder that is not empty is refused, so that two sets never mix; with
/// `force`, the files an earlier run wrote (see [`is_generated_name`]) are
/// removed first and any other file is left alone.
pub fn write(out: &Path, count: usize, seed: u64, force: bool) -> Result<Written, GenerateError> {
    let io = |path: &Path, what: &'static str| {
        let path = path.display().to_string();
        move |source| GenerateError::Io { path, what, source }
    };
    std::fs::create_dir_all(out).map_err(io(out, "cannot create folder"))?;
    let mut entries: Vec<(PathBuf, bool)> = Vec::new();
    for entry in std::fs::read_dir(out).map_err(io(out, "cannot read folder"))? {
        let entry = entry.map_err(io(out, "cannot read folder"))?;
        let generated = entry.file_type().is_ok_and(|t| t.is_file())
            && is_generated_name(&entry.file_name().to_string_lossy());
        entries.push((entry.path(), generated));
    }
    if !entries.is_empty() && !force {
        return Err(GenerateError::NotEmpty {
            dir: out.display().to_string(),
            entries: entries.len(),
        });
    }
    let mut done = Written {
        written: 0,
        removed: 0,
        kept: 0,
    };
    for (path, generated) in entries {
        if generated {
            std::fs::remove_file(&path).map_err(io(&path, "cannot remove"))?;
            done.removed += 1;
        } else {
            done.kept += 1;
        }
    }
    for (name, text) in generate(count, seed) {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(io(&path, "cannot write"))?;
        done.written += 1;
    }
    Ok(done)
}

fn release(rng: &mut Rng) -> String {
    let scene = scene(rng);
    let mut paragraphs = vec![title(rng, &scene), opening(rng, &scene)];
    paragraphs.push(filler(rng, &scene, 3));
    paragraphs.push(quote_paragraph(rng, &scene));
    paragraphs.push(programme_paragraph(rng, &scene));
    if rng.chance(60) {
        paragraphs.push(quote_paragraph(rng, &scene));
    }
    paragraphs.push(filler(rng, &scene, 2));
    paragraphs.push(contact_block(rng, &scene));
    let mut text = paragraphs.join("\n\n");
    text.push('\n');
    text
}

fn scene(rng: &mut Rng) -> Scene {
    let city = pick(rng, "cities");
    let org = pick(rng, "organisations");
    let partner = pick(rng, "organisations");
    let year = rng.range(1995, 2026);
    let month = rng.below(12);
    let day = rng.range(
        1,
        u32::from(days_in_month(year as i32, month as u8 + 1)).max(1),
    );
    Scene {
        city: field(city, 0).to_string(),
        country: field(city, 1).to_string(),
        org: (field(org, 0).to_string(), field(org, 1).to_string()),
        partner: (field(partner, 0).to_string(), field(partner, 1).to_string()),
        topic: word(rng, "topics"),
        year,
        month,
        day,
    }
}

fn title(rng: &mut Rng, s: &Scene) -> String {
    let topic = capitalise(&s.topic);
    match rng.below(4) {
        0 => format!(
            "{} and {} to increase cooperation on {}",
            s.country, s.org.1, s.topic
        ),
        1 => format!(
            "{topic}: {} {} new support for {}",
            s.org.1,
            verb_present(rng),
            s.country
        ),
        2 => format!(
            "{} {} {} in {}",
            s.org.1,
            word(rng, "verbs"),
            word(rng, "events"),
            s.city
        ),
        _ => format!("{topic} in focus as experts meet in {}", s.city),
    }
}

fn verb_present(rng: &mut Rng) -> &'static str {
    ["announces", "launches", "pledges", "welcomes"][rng.below(4)]
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The dateline, in one of the forms real archives use.
fn dateline(rng: &mut Rng, s: &Scene) -> String {
    let month = MONTHS.get(s.month).copied().unwrap_or("January");
    let (d, y) = (s.day, s.year);
    match rng.below(6) {
        0 => format!("{}, {} - {d} {month} {y} - ", s.city, s.country),
        1 => format!("{}, {month} {d}, {y} — ", s.city.to_uppercase()),
        2 => format!("{}, {d} {month} {y}: ", s.city),
        3 => format!("{} ({}), {d} {month} {y} – ", s.city, s.country),
        4 => format!(
            "{}, {d} {month} {y} (UN Information Service) - ",
            s.city.to_uppercase()
        ),
        _ => format!("{}, {d} {month} {y} - ", s.city),
    }
}

fn opening(rng: &mut Rng, s: &Scene) -> String {
    let start = s.day.min(25);
    let month = MONTHS.get(s.month).copied().unwrap_or("January");
    let countries: Vec<String> = (0..rng.range(2, 4))
        .map(|_| field(pick(rng, "cities"), 1).to_string())
        .collect();
    format!(
        "{}The {} ({}) {} a {} on {} in {} from {}-{} {month} {}, bringing together {} {} from {}.",
        dateline(rng, s),
        s.org.0,
        s.org.1,
        word(rng, "verbs"),
        word(rng, "events"),
        s.topic,
        s.city,
        start,
        start + rng.range(1, 3),
        s.year,
        rng.range(12, 180),
        word(rng, "participants"),
        countries.join(", "),
    )
}

fn fill(template: &str, s: &Scene) -> String {
    template
        .replace("{topic}", &s.topic)
        .replace("{country}", &s.country)
        .replace("{org}", &s.org.1)
}

fn filler(rng: &mut Rng, s: &Scene, sentences: u32) -> String {
    (0..sentences)
        .map(|_| fill(&word(rng, "sentences"), s))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A person's name; one in four gets a rare, syllable-built surname (long tail).
fn person_name(rng: &mut Rng) -> String {
    let first = word(rng, "first_names");
    let last = if rng.chance(25) {
        let syllables: String = (0..rng.range(2, 4))
            .map(|_| word(rng, "syllables"))
            .collect();
        capitalise(&syllables)
    } else {
        word(rng, "last_names")
    };
    format!("{first} {last}")
}

fn quote_paragraph(rng: &mut Rng, s: &Scene) -> String {
    let name = person_name(rng);
    let honorific = word(rng, "honorifics");
    let role = fill(&word(rng, "roles"), s);
    let (first, second) = (word(rng, "quotes"), word(rng, "quotes"));
    match rng.below(3) {
        0 => format!("{honorific} {name}, {role}, said: \"{first} {second}\""),
        1 => format!(
            "\u{201C}{first}\u{201D} said {honorific} {name}, {role}. \u{201C}{second}\u{201D}"
        ),
        _ => format!("According to {honorific} {name}, {role}, \"{first}\""),
    }
}

fn money(rng: &mut Rng) -> String {
    let amount = rng.range(1, 950);
    match rng.below(5) {
        0 => format!("€{amount} million"),
        1 => format!("US${amount} million"),
        2 => format!("${amount},000"),
        3 => format!("{amount} million euros"),
        _ => format!("CHF {amount}.5 million"),
    }
}

fn programme_paragraph(rng: &mut Rng, s: &Scene) -> String {
    let programme = pick(rng, "programmes");
    let (name, acronym) = (field(programme, 0), field(programme, 1));
    let named = if acronym.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({acronym})")
    };
    let start = s.year.saturating_sub(rng.range(0, 2));
    let end = start + rng.range(2, 5);
    format!(
        "The {named} is a {}-year ({start}-{end}), {} initiative funded by the {} ({}) and implemented in partnership with national authorities in {}.",
        end - start,
        money(rng),
        s.partner.0,
        s.partner.1,
        s.country,
    )
}

fn contact_block(rng: &mut Rng, s: &Scene) -> String {
    let handle = s.org.1.to_lowercase().replace([' ', '.'], "_");
    let domain = format!("{}.org", handle.replace('_', ""));
    let name = person_name(rng);
    let user = name.to_lowercase().replace([' ', '\''], ".");
    format!(
        "For more information, please contact:\n\n{name}\nCommunications Officer, {}\nEmail: {user}@{domain}\nPhone: +{} {} {}\nTwitter: @{handle}\nhttps://www.{domain}/news/{}",
        s.org.1,
        rng.range(1, 99),
        rng.range(1, 999),
        rng.range(100_000, 9_999_999),
        s.year,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_gives_identical_output() {
        assert_eq!(generate(50, 7), generate(50, 7));
    }

    #[test]
    fn different_seeds_differ() {
        assert_ne!(generate(5, 1), generate(5, 2));
    }

    #[test]
    fn count_and_unique_names() {
        let out = generate(200, 42);
        assert_eq!(out.len(), 200);
        let mut names: Vec<&String> = out.iter().map(|(n, _)| n).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 200);
        assert!(out.iter().all(|(n, _)| n.ends_with(".txt")));
    }

    #[test]
    fn releases_have_the_seed_layout_and_size() {
        for (name, text) in generate(100, 3) {
            let paragraphs: Vec<&str> = text.split("\n\n").collect();
            assert!(paragraphs.len() >= 6, "{name}: too few paragraphs");
            assert!(!paragraphs[0].contains('\n'), "{name}: title on one line");
            assert!(
                text.contains("For more information, please contact:"),
                "{name}"
            );
            assert!(text.contains('@'), "{name}: contact e-mail or handle");
            assert!(
                (1000..4000).contains(&text.len()),
                "{name}: {} bytes",
                text.len()
            );
        }
    }

    #[test]
    fn years_stay_in_range_and_datelines_vary() {
        let out = generate(300, 11);
        let years: Vec<u32> = out
            .iter()
            .filter_map(|(_, t)| {
                let opening = t.split("\n\n").nth(1)?;
                opening
                    .split(|c: char| !c.is_ascii_digit())
                    .filter_map(|w| w.parse().ok())
                    .find(|y| (1900..3000).contains(y))
            })
            .collect();
        assert_eq!(years.len(), 300);
        assert!(years.iter().all(|y| (1995..=2026).contains(y)));
        let unis = out
            .iter()
            .filter(|(_, t)| t.contains("(UN Information Service)"))
            .count();
        let us_style = out.iter().filter(|(_, t)| t.contains(" — ")).count();
        assert!(unis > 10 && us_style > 10, "unis {unis}, us {us_style}");
    }

    #[test]
    fn vocabulary_is_long_tailed() {
        let out = generate(500, 5);
        let text: String = out.iter().map(|(_, t)| t.as_str()).collect();
        // Rare entries do appear, but much less often than common ones.
        let common = text.matches("UNODC").count();
        let rare = text.matches("(IMO)").count() + text.matches("(ICAO)").count();
        assert!(common > rare * 5, "common {common}, rare {rare}");
        assert!(vocabulary().get("cities").map_or(0, Vec::len) > 50);
    }

    #[test]
    fn rng_is_stable() {
        let mut rng = Rng(0);
        // splitmix64 reference value for seed 0.
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn generated_names() {
        for (name, _) in generate(3, 1) {
            assert!(is_generated_name(&name), "{name}");
        }
        assert!(is_generated_name("1234567_0123456789abcdef.txt"));
        for other in [
            "000_34e2bc8e785f3bd9.txt",
            "000000_0123456789ABCDEF.txt",
            "000000_0123.txt",
            "notes.txt",
            "000000_0123456789abcdef.md",
        ] {
            assert!(!is_generated_name(other), "{other}");
        }
    }

    #[test]
    fn write_refuses_a_full_folder_and_force_replaces_the_earlier_set() {
        let dir = std::env::temp_dir().join(format!("dateline-generate-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let first = write(&dir, 5, 1, false).unwrap();
        assert_eq!(first.written, 5);
        let e = write(&dir, 3, 2, false).unwrap_err();
        assert!(
            e.to_string().contains("folder is not empty (5 entries)"),
            "{e}"
        );
        std::fs::write(dir.join("mine.txt"), "kept").unwrap();
        let again = write(&dir, 3, 2, true).unwrap();
        assert_eq!((again.written, again.removed, again.kept), (3, 5, 1));
        let n = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(n, 4);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
