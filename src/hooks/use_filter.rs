use dateline_core::query::Filter;
use yew::prelude::*;

use crate::hooks::{use_location, use_navigator};
use crate::route::Route;

/// The timeline's filter, read from the URL query string (the single source of
/// truth), and a callback that navigates to another filter.
#[derive(Clone, PartialEq)]
pub struct UseFilter {
    pub filter: Filter,
    /// Goes to the timeline with this filter. A change of the search text alone
    /// replaces the history entry (one entry per search, not per keystroke);
    /// anything else pushes, so back and forward step through filter changes.
    pub set: Callback<Filter>,
}

/// See [`UseFilter`]. Malformed query strings give the default filter.
#[hook]
pub fn use_filter() -> UseFilter {
    let location = use_location();
    let navigator = use_navigator();
    let filter = location
        .as_ref()
        .map(|l| Filter::from_query(&l.query))
        .unwrap_or_default();
    let current = filter.clone();
    let set = Callback::from(move |next: Filter| {
        let Some(navigator) = &navigator else { return };
        let query = next.to_query();
        let typing = !current.text.is_empty()
            && Filter {
                text: next.text.clone(),
                ..current.clone()
            } == next;
        navigator.go(&Route::Home, Some(&query), typing);
    });
    UseFilter { filter, set }
}

/// A path with query string for a link to the timeline with this filter.
pub fn timeline_href(filter: &Filter) -> String {
    let query = filter.to_query();
    if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    }
}
