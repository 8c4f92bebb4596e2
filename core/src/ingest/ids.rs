//! Permalink ids: stable, unique slugs.
//!
//! # The id rule
//!
//! A release's id depends on that release alone, never on which other files
//! exist, what they are called or how they sort:
//!
//! 1. **Explicit.** Markdown front matter `id:` or a JSON record's `"id"` is
//!    used as written. It must be a slug (see [`validate`]): 1 to
//!    [`MAX_ID_CHARS`] characters of `a-z`, `0-9` and `-`, starting with a
//!    letter or digit; anything else rejects the file with `path:line: error`.
//! 2. **Previous build.** When a previous build is given
//!    (`dateline pack --previous DIR`), a release that had an id there keeps
//!    it (unless an explicit id says otherwise). A release is recognised by
//!    its `source`; when a source holds several releases (a JSON array), by
//!    its source and natural id.
//! 3. **Natural.** Otherwise the id is [`release_slug`]`(date, title)`: the date (or
//!    `undated`) and up to eight title words, e.g.
//!    `2019-04-17-islamic-republic-of-iran-and-unodc-to-increase`.
//! 4. **Twins.** When several releases would get the same natural id (same
//!    date, same title words), or it is already an explicit or kept id, each
//!    of them gets `natural-xxxxxxxx` instead: eight hex digits of the 64-bit
//!    FNV-1a hash of its own `source` (`source#n` for the n-th record, n ≥ 1,
//!    of a file holding several). Each twin gets a warning naming the others.
//!    The hash is of the release's own path, so renaming, adding or removing
//!    any other file never changes it; only the pair itself decides that it
//!    is a pair. To keep a twin's old id when its twin appears, give the
//!    previous build (rule 2) or set an explicit id (rule 1).
//! 5. **Last resort.** An id still taken after that (an explicit id equal to
//!    a hashed one, or one file holding the same record twice under the same
//!    source) gets `-2`, `-3`, ... with a warning. Ordinary corpora never get
//!    there.

use foldhash::{HashMap, HashSet};

use crate::model::Release;
use crate::text::release_slug;

/// Longest explicit id accepted.
pub const MAX_ID_CHARS: usize = 128;

/// A release that could not keep the id it wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// Index of the release in the slice given to [`assign_ids`].
    pub index: usize,
    /// The id the release wanted.
    pub id: String,
    /// Source of another release that has or wanted `id`.
    pub first: String,
    /// Source of this release.
    pub second: String,
    /// The id this release got.
    pub renamed: String,
}

/// Checks an explicit id; the error says what was expected.
pub fn validate(id: &str) -> Result<(), String> {
    let expected = "expected a slug of lower-case letters a-z, digits and `-`, starting with a letter or digit";
    if id.is_empty() {
        return Err(format!("empty id: {expected}"));
    }
    if id.len() > MAX_ID_CHARS {
        return Err(format!(
            "id is {} characters long: expected at most {MAX_ID_CHARS}",
            id.chars().count()
        ));
    }
    if let Some(bad) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!("id `{id}` holds `{bad}`: {expected}"));
    }
    if id.starts_with('-') {
        return Err(format!("id `{id}` starts with `-`: {expected}"));
    }
    Ok(())
}

/// The ids of a previous build, to keep permalinks where they were (rule 2).
#[derive(Debug, Clone, Default)]
pub struct Previous {
    /// source → (natural id, id) of each release the build had from it.
    by_source: HashMap<String, Vec<(String, String)>>,
}

impl Previous {
    /// From the full records of a previous build (any order).
    pub fn from_records(records: &[Release]) -> Previous {
        let mut by_source: HashMap<String, Vec<(String, String)>> = HashMap::default();
        for r in records {
            by_source
                .entry(r.source.clone())
                .or_default()
                .push((release_slug(r.date, &r.title), r.id.clone()));
        }
        Previous { by_source }
    }

    /// How many releases the previous build had.
    pub fn len(&self) -> usize {
        self.by_source.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_source.is_empty()
    }

    /// For each release, the id it had in the previous build, if it was there:
    /// the only release of a source matches the only one of the same source
    /// (its title or date may have been edited); where a source holds several,
    /// they match by natural id.
    pub fn ids_of(&self, releases: &[Release]) -> Vec<Option<String>> {
        let mut per_source: HashMap<&str, usize> = HashMap::default();
        for r in releases {
            *per_source.entry(r.source.as_str()).or_default() += 1;
        }
        let mut used: HashSet<(&str, usize)> = HashSet::default();
        releases
            .iter()
            .map(|r| {
                let old = self.by_source.get(&r.source)?;
                if old.len() == 1 && per_source.get(r.source.as_str()) == Some(&1) {
                    return old.first().map(|(_, id)| id.clone());
                }
                let natural = release_slug(r.date, &r.title);
                let at = old.iter().enumerate().position(|(i, (n, _))| {
                    *n == natural && !used.contains(&(r.source.as_str(), i))
                })?;
                used.insert((r.source.as_str(), at));
                old.get(at).map(|(_, id)| id.clone())
            })
            .collect()
    }
}

/// Assigns ids by the rule of this module (without a previous build);
/// returns the releases that could not have the id they wanted.
pub fn assign_ids(releases: &mut [Release]) -> Vec<Duplicate> {
    assign_ids_with(releases, None)
}

/// Assigns ids by the rule of this module; `previous` keeps the ids of a
/// previous build (rule 2). Releases with an id already set keep it (rule 1),
/// except where two of them hold the same one.
pub fn assign_ids_with(releases: &mut [Release], previous: Option<&Previous>) -> Vec<Duplicate> {
    let kept = previous.map(|p| p.ids_of(releases)).unwrap_or_default();
    let mut duplicates = Vec::new();
    // Who holds each id so far: index of the release.
    let mut owner: HashMap<String, usize> =
        HashMap::with_capacity_and_hasher(releases.len(), Default::default());
    // Rule 1: explicit ids, then rule 2: ids kept from the previous build.
    let mut pending: Vec<usize> = Vec::new();
    let mut clashed: Vec<(usize, String)> = Vec::new();
    for (i, r) in releases.iter().enumerate() {
        if r.id.is_empty() {
            continue;
        }
        if owner.contains_key(&r.id) {
            clashed.push((i, r.id.clone()));
        } else {
            owner.insert(r.id.clone(), i);
        }
    }
    for (i, r) in releases.iter_mut().enumerate() {
        if !r.id.is_empty() {
            continue;
        }
        match kept.get(i).cloned().flatten() {
            Some(id) if !owner.contains_key(&id) => {
                owner.insert(id.clone(), i);
                r.id = id;
            }
            _ => pending.push(i),
        }
    }
    // Rule 3: natural ids, unless shared (rule 4).
    let naturals = natural_ids(releases, &pending);
    // Each natural id: how many releases want it, the first two of them.
    let mut wanted: HashMap<&str, (usize, usize, usize)> =
        HashMap::with_capacity_and_hasher(naturals.len(), Default::default());
    for (&i, natural) in pending.iter().zip(&naturals) {
        wanted
            .entry(natural)
            .and_modify(|(n, _, second)| {
                if *n == 1 {
                    *second = i;
                }
                *n += 1;
            })
            .or_insert((1, i, i));
    }
    // Of each release whose natural id is shared, another that wants it.
    let others: Vec<Option<usize>> = pending
        .iter()
        .zip(&naturals)
        .map(|(&i, natural)| {
            let &(n, first, second) = wanted.get(natural.as_str())?;
            (n > 1).then_some(if first == i { second } else { first })
        })
        .collect();
    drop(wanted);
    let mut twins: Vec<(usize, String, Option<usize>)> =
        clashed.into_iter().map(|(i, id)| (i, id, None)).collect();
    for ((&i, natural), other) in pending.iter().zip(naturals).zip(others) {
        if other.is_some() || owner.contains_key(&natural) {
            twins.push((i, natural, other));
        } else if let Some(r) = releases.get_mut(i) {
            owner.insert(natural.clone(), i);
            r.id = natural;
        }
    }
    // Rule 4 (then 5): the hash of the release's own source.
    let nth = match twins.is_empty() {
        true => Vec::new(),
        false => record_numbers(releases),
    };
    twins.sort_unstable();
    for (i, base, wanting) in twins {
        let Some(source) = releases.get(i).map(|r| r.source.clone()) else {
            continue;
        };
        let n = nth.get(i).copied().unwrap_or(0);
        let renamed = twin_id(&base, &source, n, |id| owner.contains_key(id));
        // Another release that has or wanted the same id, for the message.
        let other = owner
            .get(&base)
            .copied()
            .or(wanting)
            .and_then(|j| releases.get(j))
            .map(|r| r.source.clone())
            .unwrap_or_default();
        owner.insert(renamed.clone(), i);
        if let Some(r) = releases.get_mut(i) {
            r.id = renamed.clone();
        }
        duplicates.push(Duplicate {
            index: i,
            id: base,
            first: other,
            second: source,
            renamed,
        });
    }
    duplicates
}

/// Rules 4 and 5: a twin's id (its natural id and the hash of its own
/// source), then `-2`, `-3`, … while `taken` says the id is someone's.
fn twin_id(natural: &str, source: &str, n: usize, taken: impl Fn(&str) -> bool) -> String {
    let hashed = crate::text::twin_slug(natural, source, n);
    match taken(&hashed) {
        false => hashed,
        true => (2..)
            .map(|k| format!("{hashed}-{k}"))
            .find(|c| !taken(c))
            .unwrap_or_default(),
    }
}

/// Ids for releases joining a corpus whose releases keep theirs (`dateline
/// add`): `taken` holds the ids they may collide with (the corpus's of the
/// same dates), and gets theirs. One whose natural id is taken becomes a
/// twin (rules 4 and 5), as with a previous build (rule 2) that keeps the
/// other's; one whose explicit id is taken is refused: `Err((source, id))`.
/// Says which were renamed: (source, new id).
pub fn assign_joining(
    added: &mut [Release],
    taken: &mut HashSet<String>,
) -> Result<Vec<(String, String)>, (String, String)> {
    let nth = record_numbers(added);
    let mut renamed = Vec::new();
    for (r, n) in added.iter_mut().zip(nth) {
        if taken.insert(r.id.clone()) {
            continue;
        }
        let natural = release_slug(r.date, &r.title);
        if r.id != natural && !r.id.starts_with(&format!("{natural}-")) {
            return Err((r.source.clone(), r.id.clone()));
        }
        let id = twin_id(&natural, &r.source, n, |id| taken.contains(id));
        taken.insert(id.clone());
        r.id = id.clone();
        renamed.push((r.source.clone(), id));
    }
    Ok(renamed)
}

/// The natural id (rule 3) of each release of `pending`, made once, on
/// every core where the build has threads: at a million releases, made twice
/// on one core they were about two seconds of the build.
fn natural_ids(releases: &[Release], pending: &[usize]) -> Vec<String> {
    crate::pack::on_every_core(pending, |&i| {
        releases
            .get(i)
            .map(|r| release_slug(r.date, &r.title))
            .unwrap_or_default()
    })
}

/// For each release, how many releases of the same source come before it.
fn record_numbers(releases: &[Release]) -> Vec<usize> {
    let mut seen: HashMap<&str, usize> = HashMap::default();
    releases
        .iter()
        .map(|r| {
            let n = seen.entry(r.source.as_str()).or_default();
            *n += 1;
            *n - 1
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(source: &str, date: Option<&str>, title: &str) -> Release {
        Release {
            source: source.into(),
            title: title.into(),
            date: date.map(|d| d.parse().unwrap()),
            ..Release::default()
        }
    }

    fn ids(rs: &[Release]) -> Vec<&str> {
        rs.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn twins_get_the_hash_of_their_own_source_and_are_reported() {
        let mut rs = vec![
            release("a.txt", Some("2020-01-02"), "Same title"),
            release("b.txt", Some("2020-01-02"), "Same title"),
            release("d.txt", Some("2020-01-03"), "Other"),
        ];
        let dups = assign_ids(&mut rs);
        let a = crate::text::twin_slug("2020-01-02-same-title", "a.txt", 0);
        let b = crate::text::twin_slug("2020-01-02-same-title", "b.txt", 0);
        assert_eq!(ids(&rs), [a.as_str(), b.as_str(), "2020-01-03-other"]);
        assert_eq!(dups.len(), 2);
        assert_eq!((dups[0].index, dups[0].first.as_str()), (0, "b.txt"));
        assert_eq!((dups[1].index, dups[1].first.as_str()), (1, "a.txt"));
        assert_eq!(dups[1].renamed, b);
    }

    #[test]
    fn an_id_depends_on_its_release_alone() {
        // Whatever other files exist, and however they sort, b.txt keeps its id.
        let base = vec![
            release("b.txt", Some("2020-01-02"), "Same title"),
            release("z.txt", Some("2020-01-02"), "Same title"),
        ];
        let mut one = base.clone();
        assign_ids(&mut one);
        for other in ["a.txt", "c.txt", "zz/y.txt"] {
            let mut more = base.clone();
            more.insert(0, release(other, Some("2021-01-01"), "Unrelated"));
            more.push(release(
                &format!("{other}.2"),
                Some("2021-01-01"),
                "Unrelated too",
            ));
            assign_ids(&mut more);
            assert_eq!(more[1].id, one[0].id, "{other}");
            assert_eq!(more[2].id, one[1].id, "{other}");
        }
        // A third twin changes neither of the first two.
        let mut three = base.clone();
        three.insert(0, release("a.txt", Some("2020-01-02"), "Same title"));
        assign_ids(&mut three);
        assert_eq!(
            (three[1].id.as_str(), three[2].id.as_str()),
            (one[0].id.as_str(), one[1].id.as_str())
        );
    }

    #[test]
    fn given_ids_win_and_clashes_are_made_unique() {
        let mut rs = vec![
            release("a.json", None, "T"),
            release("a.json", None, "T"),
            release("c.json", Some("2020-01-01"), "X"),
            release("d.txt", Some("2020-01-01"), "X"),
        ];
        rs[0].id = "x".into();
        rs[1].id = "x".into();
        rs[2].id = "2020-01-01-x".into();
        let dups = assign_ids(&mut rs);
        assert_eq!(rs[0].id, "x");
        assert_eq!(rs[1].id, crate::text::twin_slug("x", "a.json", 1));
        assert_eq!(rs[2].id, "2020-01-01-x");
        assert!(rs[3].id.starts_with("2020-01-01-x-"), "{}", rs[3].id);
        assert_eq!(dups.len(), 2);
        assert_eq!(dups[1].first, "c.json");
        let all: HashSet<&str> = ids(&rs).into_iter().collect();
        assert_eq!(all.len(), 4);
    }

    #[test]
    fn a_previous_build_keeps_its_ids() {
        let mut old = vec![release("b.txt", Some("2020-01-02"), "Same title")];
        assign_ids(&mut old);
        assert_eq!(old[0].id, "2020-01-02-same-title");
        let previous = Previous::from_records(&old);
        let mut now = vec![
            release("a.txt", Some("2020-01-02"), "Same title"),
            release("b.txt", Some("2020-01-02"), "Same title, edited"),
        ];
        assert_eq!(
            previous.ids_of(&now),
            [None, Some("2020-01-02-same-title".into())]
        );
        now[1].title = "Same title".into();
        let dups = assign_ids_with(&mut now, Some(&previous));
        assert_eq!(now[1].id, "2020-01-02-same-title");
        assert!(
            now[0].id.starts_with("2020-01-02-same-title-"),
            "{}",
            now[0].id
        );
        assert_eq!(dups.len(), 1);
        assert_eq!(dups[0].index, 0);
    }

    #[test]
    fn explicit_ids_are_validated() {
        for good in ["a", "2019-04-17-x", "abc-123"] {
            assert_eq!(validate(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("", "empty"),
            ("Hello", "`H`"),
            ("a b", "` `"),
            ("-a", "starts with"),
            ("é", "`é`"),
        ] {
            let e = validate(bad).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
        assert!(validate(&"a".repeat(MAX_ID_CHARS + 1)).is_err());
    }
}
