use dateline_core::Release;
use yew::prelude::*;

use super::ReleaseItem;

#[derive(Properties, PartialEq)]
pub struct ReleaseListProps {
    pub releases: Vec<Release>,
}

/// The releases as a list, or a message when there are none.
#[function_component(ReleaseList)]
pub fn release_list(props: &ReleaseListProps) -> Html {
    if props.releases.is_empty() {
        return html! { <p class="empty">{ "No releases yet." }</p> };
    }
    html! {
        <ol class="release-list" aria-label="Releases">
            { for props.releases.iter().map(|r| html! { <ReleaseItem key={r.id.clone()} release={r.clone()} /> }) }
        </ol>
    }
}
