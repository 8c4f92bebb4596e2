use dateline_core::query::Filter;
use yew::prelude::*;

use crate::hooks::{timeline_href, use_navigator};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct RouteLinkProps {
    pub to: Route,
    /// The timeline's filter, as the link's query string (with `Route::Home`).
    #[prop_or_default]
    pub filter: Option<Filter>,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link to a page of the app, navigating in the app, or to the timeline
/// with a filter. The href is the router's base path, the route's path and
/// the filter's canonical query string, made without looking at the address
/// (yew-router's `Link` with a query read and parsed `location.href` for
/// every link it rendered: a page opened with a very long URL took a
/// quarter of a second more to show its results).
#[function_component(RouteLink)]
pub fn route_link(props: &RouteLinkProps) -> Html {
    let navigator = use_navigator();
    let base = navigator.as_ref().map_or("", |n| n.base());
    let query = props
        .filter
        .as_ref()
        .map(|f| (timeline_href(f), f.to_query()));
    let href = format!(
        "{base}{}{}",
        props.to.to_path(),
        query.as_ref().map_or("", |(href, _)| href.as_str())
    );
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            // A new tab or window (modifier keys, middle button) is the browser's.
            let modified = e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key();
            if let (false, 0, Some(navigator)) = (modified, e.button(), &navigator) {
                e.prevent_default();
                navigator.go(&to, query.as_ref().map(|(_, q)| q.as_str()), false);
            }
        })
    };
    html! {
        <a class={props.classes.clone()} {href} {onclick}>{ props.children.clone() }</a>
    }
}
