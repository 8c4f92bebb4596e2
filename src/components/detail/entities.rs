//! The entity pages a release links to: keys as the search index files them.

use dateline_core::query::{organisation_key, slug, Facet};
use dateline_core::Release;

use crate::corpus::Corpus;
use crate::pages::{entity_route, EntityKind};
use crate::route::Route;

/// An organisation of the release with the key of its entity page.
#[derive(Clone, Debug, PartialEq)]
pub struct OrgLink {
    pub key: String,
    /// Acronym where known, else the name.
    pub label: String,
    pub name: Option<String>,
    pub acronym: Option<String>,
    /// Named as paying for the work ("funded by ...").
    pub funder: bool,
}

impl OrgLink {
    pub fn route(&self) -> Route {
        entity_route(EntityKind::Organisation, &self.key)
    }
}

/// Routes of a release's countries, organisations and people.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityLinks {
    pub organisations: Vec<OrgLink>,
}

impl EntityLinks {
    /// Resolves organisation keys through the index, which files a name-only
    /// organisation under the acronym other releases give it.
    pub fn new(corpus: &Corpus, release: &Release) -> EntityLinks {
        let indexed = corpus
            .position(&release.id)
            .map(|doc| corpus.index().values_of(Facet::Organisation, doc as u32))
            .unwrap_or_default();
        let funders = funder_names(release);
        let organisations = release
            .organisations
            .iter()
            .map(|o| {
                let known = indexed.iter().find(|v| match (&o.acronym, &o.name) {
                    (Some(a), _) => &*v.label == a.as_str(),
                    (None, Some(n)) => v.detail.as_deref() == Some(n.as_str()),
                    _ => false,
                });
                let key = known.map_or_else(|| organisation_key(o), |v| v.key.to_string());
                let funder = [&o.name, &o.acronym]
                    .into_iter()
                    .flatten()
                    .any(|n| funders.iter().any(|f| contains_word(f, n)));
                OrgLink {
                    key,
                    label: o.label().to_string(),
                    name: o.name.clone(),
                    acronym: o.acronym.clone(),
                    funder,
                }
            })
            .filter(|o| !o.key.is_empty())
            .collect();
        EntityLinks { organisations }
    }

    /// The organisation whose name or acronym is `name`.
    pub fn organisation(&self, name: &str) -> Option<&OrgLink> {
        self.organisations
            .iter()
            .find(|o| o.name.as_deref() == Some(name) || o.acronym.as_deref() == Some(name))
    }
}

/// The route of a person's page.
pub fn person_route(name: &str) -> Route {
    entity_route(EntityKind::Person, &slug(name))
}

/// The route of a country's page.
pub fn country_route(code: &str) -> Route {
    entity_route(EntityKind::Country, &code.trim().to_ascii_uppercase())
}

const FUNDING: [&str; 6] = [
    "funded by",
    "financed by",
    "funding from",
    "funding of",
    "financial support of",
    "financial support from",
];

/// The phrases naming who pays: what follows "funded by" (and the like) up
/// to the end of its sentence or an "implemented by".
pub fn funder_names(release: &Release) -> Vec<String> {
    let mut out = Vec::new();
    for p in &release.body {
        for keyword in FUNDING {
            for (at, _) in p.match_indices(keyword) {
                let rest = &p[at + keyword.len()..];
                let end = [". ", ".\n", "; ", " implemented", " and implemented"]
                    .iter()
                    .filter_map(|stop| rest.find(stop))
                    .min()
                    .unwrap_or(rest.len());
                out.push(rest[..end].trim_end_matches('.').to_string());
            }
        }
    }
    out
}

/// Whether `needle` occurs in `text` on word boundaries.
pub fn contains_word(text: &str, needle: &str) -> bool {
    !needle.is_empty()
        && text
            .match_indices(needle)
            .any(|(at, _)| is_boundary(text, at, at + needle.len()))
}

/// Neither side of `text[start..end]` continues a word.
pub fn is_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}
