use dateline_core::display::long_date;
use dateline_core::Release;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ReleaseItemProps {
    pub release: Release,
}

/// One row of the list: date, title (linking to the detail), dateline place.
#[function_component(ReleaseItem)]
pub fn release_item(props: &ReleaseItemProps) -> Html {
    let r = &props.release;
    let place = r.dateline.as_ref().and_then(|d| d.city.clone());
    html! {
        <li class="release-item">
            <article>
                <h2 class="release-title">
                    <Link<Route> to={Route::Release { id: r.id.clone() }}>{ &r.title }</Link<Route>>
                </h2>
                <p class="release-meta">
                    if let Some(date) = &r.date {
                        <time datetime={date.clone()}>{ long_date(date) }</time>
                    } else {
                        <span>{ "Undated" }</span>
                    }
                    if let Some(place) = place {
                        <span class="place">{ place }</span>
                    }
                </p>
            </article>
        </li>
    }
}
