//! The one routing table of the app.

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/release/:id")]
    Release { id: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}
