//! The one routing table of the app.

use dateline_core::mentions::{country_key, person_key};
use dateline_core::query::Facet;
use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    /// The timeline: search, facets, histogram and the matching releases.
    #[at("/")]
    Home,
    #[at("/release/:id")]
    Release { id: String },
    /// An ISO 3166-1 alpha-2 code.
    #[at("/country/:code")]
    Country { code: String },
    /// An organisation key (`unodc`).
    #[at("/organisation/:id")]
    Organisation { id: String },
    /// A person key (`abbas-bagherpour`).
    #[at("/person/:id")]
    Person { id: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The entity a route shows, if it shows one: its kind and key.
    pub fn entity(&self) -> Option<(EntityKind, &str)> {
        match self {
            Route::Country { code } => Some((EntityKind::Country, code)),
            Route::Organisation { id } => Some((EntityKind::Organisation, id)),
            Route::Person { id } => Some((EntityKind::Person, id)),
            _ => None,
        }
    }
}

/// The kinds of entity that have a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    Country,
    Organisation,
    Person,
}

impl EntityKind {
    pub fn facet(self) -> Facet {
        match self {
            EntityKind::Country => Facet::Country,
            EntityKind::Organisation => Facet::Organisation,
            EntityKind::Person => Facet::Person,
        }
    }

    /// The kind of entity a facet's keys name, if it has pages.
    pub fn of(facet: Facet) -> Option<EntityKind> {
        match facet {
            Facet::Country => Some(EntityKind::Country),
            Facet::Organisation => Some(EntityKind::Organisation),
            Facet::Person => Some(EntityKind::Person),
            _ => None,
        }
    }
}

/// The route of an entity page.
pub fn entity_route(kind: EntityKind, key: &str) -> Route {
    match kind {
        EntityKind::Country => Route::Country {
            code: key.to_string(),
        },
        EntityKind::Organisation => Route::Organisation {
            id: key.to_string(),
        },
        EntityKind::Person => Route::Person {
            id: key.to_string(),
        },
    }
}

/// The route of a person's page.
pub fn person_route(name: &str) -> Route {
    entity_route(EntityKind::Person, &person_key(name))
}

/// The route of a country's page.
pub fn country_route(code: &str) -> Route {
    entity_route(EntityKind::Country, &country_key(code))
}
