use dateline_core::query::Filter;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::{router_query, timeline_href};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct TimelineLinkProps {
    pub filter: Filter,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link to the timeline with a filter, navigating in the app like the
/// router's `Link`. Not `Link` with a query: that reads and parses the whole
/// address of the page (`location.href`) for every link it renders, so that
/// a page opened with a very long URL took a quarter of a second more to show
/// its results. The href here is the router's base path and the filter's
/// canonical query string, made without looking at the address.
#[function_component(TimelineLink)]
pub fn timeline_link(props: &TimelineLinkProps) -> Html {
    let navigator = use_navigator();
    let base = navigator
        .as_ref()
        .and_then(|n| n.basename().map(str::to_string))
        .unwrap_or_default();
    let href = format!(
        "{base}{}{}",
        Route::Home.to_path(),
        timeline_href(&props.filter)
    );
    let onclick = {
        let query = router_query(&props.filter);
        Callback::from(move |e: MouseEvent| {
            // A new tab or window (modifier keys, middle button) is the browser's.
            let modified = e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key();
            if let (false, 0, Some(navigator)) = (modified, e.button(), &navigator) {
                e.prevent_default();
                let _ = navigator.push_with_query(&Route::Home, query.clone());
            }
        })
    };
    html! {
        <a class={props.classes.clone()} {href} {onclick}>{ props.children.clone() }</a>
    }
}
