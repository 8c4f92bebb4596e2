use yew::prelude::*;

use crate::components::RouteLink;

use crate::route::Route;

#[derive(Properties, PartialEq, Default)]
pub struct NotFoundProps {
    /// What was looked for, when known (a release id).
    #[prop_or_default]
    pub what: Option<AttrValue>,
}

/// Unknown paths and unknown release ids.
pub fn not_found_page(props: &NotFoundProps) -> Html {
    html! {
        <section class="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">{ "Page not found" }</h1>
            if let Some(what) = &props.what {
                <p>{ format!("There is no release with the id “{what}”.") }</p>
            } else {
                <p>{ "There is nothing at this address." }</p>
            }
            <p><RouteLink to={Route::Home}>{ "Back to all releases" }</RouteLink></p>
        </section>
    }
}
