use yew::prelude::*;

use crate::app::switch;
use crate::hooks::use_route;

/// The page for the route shown (`crate::app::switch`), rendered again when
/// the router moves; nothing outside a `Router`.
#[function_component(RouteSwitch)]
pub fn route_switch() -> Html {
    use_route().map(switch).unwrap_or_default()
}
