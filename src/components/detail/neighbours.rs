use dateline_core::Release;
use yew::prelude::*;

use crate::components::RouteLink;

use crate::route::Route;

fn release_link(r: &Release) -> Html {
    html! {
        <>
            <RouteLink to={Route::Release { id: r.id.clone() }}>{ &r.title }</RouteLink>
            if let Some(date) = &r.date {
                { " " }<time datetime={date.to_string()}>{ date.long() }</time>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct RelatedReleasesProps {
    /// Best first.
    pub releases: Vec<Release>,
}

/// Releases that share countries, organisations, people, programmes or topics.
pub fn related_releases(props: &RelatedReleasesProps) -> Html {
    if props.releases.is_empty() {
        return html! {};
    }
    html! {
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{ "Related releases" }</h2>
            <ol>{ for props.releases.iter().map(|r| html! { <li>{ release_link(r) }</li> }) }</ol>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct NeighboursProps {
    /// The release published before this one.
    #[prop_or_default]
    pub older: Option<Release>,
    /// The release published after this one.
    #[prop_or_default]
    pub newer: Option<Release>,
}

/// Previous (older) and next (newer) releases in time.
pub fn neighbours(props: &NeighboursProps) -> Html {
    if props.older.is_none() && props.newer.is_none() {
        return html! {};
    }
    html! {
        <nav class="neighbours" aria-labelledby="neighbours-heading">
            <h2 id="neighbours-heading">{ "Previous and next" }</h2>
            <ul>
                if let Some(r) = &props.older {
                    <li class="previous">{ "Previous: " }{ release_link(r) }</li>
                }
                if let Some(r) = &props.newer {
                    <li class="next">{ "Next: " }{ release_link(r) }</li>
                }
            </ul>
        </nav>
    }
}
