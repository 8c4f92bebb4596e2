//! The entity pages a release links to: keys as the search index files them.

use dateline_core::mentions::{contains_word, funder_names, OrgNames};
use dateline_core::query::{organisation_key, Facet};
use dateline_core::Release;

use crate::corpus::Corpus;
use crate::route::{entity_route, EntityKind, Route};

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

    /// `(key, name, acronym)` of each organisation, for `mentions::needles`.
    pub fn names(&self) -> Vec<OrgNames<'_>> {
        self.organisations
            .iter()
            .map(|o| (o.key.as_str(), o.name.as_deref(), o.acronym.as_deref()))
            .collect()
    }
}
