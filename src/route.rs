//! The one routing table of the app.

use dateline_core::mentions::{country_key, person_key};
use dateline_core::query::Facet;

/// The pages, at `/`, `/release/:id`, `/country/:code`, `/organisation/:id`,
/// `/person/:id` and `/404` (any other path).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The timeline: search, facets, histogram and the matching releases.
    Home,
    Release {
        id: String,
    },
    /// An ISO 3166-1 alpha-2 code.
    Country {
        code: String,
    },
    /// An organisation key (`unodc`).
    Organisation {
        id: String,
    },
    /// A person key (`abbas-bagherpour`).
    Person {
        id: String,
    },
    NotFound,
}

impl Route {
    /// The route at a path (without the base path). Written by hand for
    /// size, matching as yew-router's `#[derive(Routable)]` matched (the
    /// test below compares the two): one trailing and then one leading `/`
    /// dropped, a parameter is one or more characters other than `/`,
    /// percent-decoded, and what matches nothing (or does not decode) is
    /// `NotFound`.
    pub fn recognize(pathname: &str) -> Route {
        let path = pathname.strip_suffix('/').unwrap_or(pathname);
        let path = path.strip_prefix('/').unwrap_or(path);
        let route = match path.split_once('/') {
            _ if path.is_empty() => Some(Route::Home),
            Some((kind, param)) if !param.is_empty() && !param.contains('/') => {
                let param = urlencoding::decode(param).ok().map(|p| p.into_owned());
                match kind {
                    "release" => param.map(|id| Route::Release { id }),
                    "country" => param.map(|code| Route::Country { code }),
                    "organisation" => param.map(|id| Route::Organisation { id }),
                    "person" => param.map(|id| Route::Person { id }),
                    _ => None,
                }
            }
            _ => None,
        };
        route.unwrap_or(Route::NotFound)
    }

    /// The route's path (without the base path), its parameter
    /// percent-encoded.
    pub fn to_path(&self) -> String {
        let (prefix, param) = match self {
            Route::Home => return "/".to_owned(),
            Route::NotFound => return "/404".to_owned(),
            Route::Release { id } => ("/release/", id),
            Route::Country { code } => ("/country/", code),
            Route::Organisation { id } => ("/organisation/", id),
            Route::Person { id } => ("/person/", id),
        };
        format!("{prefix}{}", urlencoding::encode(param))
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use yew_router::Routable;

    /// The same table through yew-router's derive, as the app had it.
    #[derive(Clone, Debug, PartialEq, Eq, Routable)]
    enum Derived {
        #[at("/")]
        Home,
        #[at("/release/:id")]
        Release { id: String },
        #[at("/country/:code")]
        Country { code: String },
        #[at("/organisation/:id")]
        Organisation { id: String },
        #[at("/person/:id")]
        Person { id: String },
        #[not_found]
        #[at("/404")]
        NotFound,
    }

    fn derived(route: Derived) -> Route {
        match route {
            Derived::Home => Route::Home,
            Derived::Release { id } => Route::Release { id },
            Derived::Country { code } => Route::Country { code },
            Derived::Organisation { id } => Route::Organisation { id },
            Derived::Person { id } => Route::Person { id },
            Derived::NotFound => Route::NotFound,
        }
    }

    #[test]
    fn paths_are_recognised_as_the_derive_recognises_them() {
        let mut paths = vec![String::new()];
        let pieces = [
            "/",
            "//",
            "release",
            "country",
            "organisation",
            "person",
            "404",
            "x",
            "r%C3%A9",
            "a.b",
            "%ff",
            "%2F",
            "%",
            ".",
            "é",
            "release2",
            "Release",
        ];
        for a in pieces {
            paths.push(a.to_owned());
            for b in pieces {
                paths.push(format!("{a}{b}"));
                paths.push(format!("/{a}/{b}"));
                paths.push(format!("/{a}/{b}/"));
                for c in pieces {
                    paths.push(format!("{a}{b}{c}"));
                    paths.push(format!("/{a}/{b}/{c}"));
                    paths.push(format!("/{a}/{b}{c}/"));
                }
            }
        }
        let mut found = 0;
        for path in &paths {
            found += usize::from(Route::recognize(path) != Route::NotFound);
            assert_eq!(
                Some(Route::recognize(path)),
                Derived::recognize(path).map(derived),
                "{path:?}"
            );
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn paths_are_written_as_the_derive_writes_them() {
        for key in ["", "abc", "a b", "a/b", "r\u{e9}sum\u{e9}", "%", "?#&="] {
            let k = key.to_owned();
            let pairs = [
                (
                    Route::Release { id: k.clone() },
                    Derived::Release { id: k.clone() },
                ),
                (
                    Route::Country { code: k.clone() },
                    Derived::Country { code: k.clone() },
                ),
                (
                    Route::Organisation { id: k.clone() },
                    Derived::Organisation { id: k.clone() },
                ),
                (
                    Route::Person { id: k.clone() },
                    Derived::Person { id: k.clone() },
                ),
                (Route::Home, Derived::Home),
                (Route::NotFound, Derived::NotFound),
            ];
            for (ours, theirs) in pairs {
                assert_eq!(ours.to_path(), theirs.to_path());
                assert_eq!(
                    Some(Route::recognize(&ours.to_path())),
                    Derived::recognize(&theirs.to_path()).map(derived)
                );
            }
        }
    }
}
