//! The one routing table of the app.

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
