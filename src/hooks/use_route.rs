use yew::prelude::*;

use crate::history::{Location, LocationState, Navigator};
use crate::route::Route;

/// The router's history and base path; none outside a `Router`.
#[hook]
pub fn use_navigator() -> Option<Navigator> {
    use_context::<Navigator>()
}

/// Where the router is; none outside a `Router`. The reader renders again
/// on every move of the history.
#[hook]
pub fn use_location() -> Option<Location> {
    Some(use_context::<LocationState>()?.location.clone())
}

/// The route shown; none outside a `Router`.
#[hook]
pub fn use_route() -> Option<Route> {
    let navigator = use_navigator()?;
    let location = use_location()?;
    Some(navigator.route(&location.path))
}
