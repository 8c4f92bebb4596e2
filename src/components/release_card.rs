use dateline_core::query::{slug_to_words, snippet, Facet, Filter};
use dateline_core::Release;
use yew::prelude::*;
use yew_router::prelude::*;

use super::{Highlighted, TimelineLink};
use crate::route::Route;

/// Characters of lede or matching passage under a title.
const SNIPPET_CHARS: usize = 220;

#[derive(Properties, PartialEq)]
pub struct ReleaseCardProps {
    pub release: Release,
    #[prop_or_default]
    pub terms: Vec<String>,
}

/// A link to the timeline filtered by one facet value.
pub fn facet_link(facet: Facet, key: &str, label: String) -> Html {
    let mut filter = Filter::default();
    filter.toggle(facet, key);
    html! { <TimelineLink {filter} classes="chip">{ label }</TimelineLink> }
}

/// One result: date, highlighted title, place, snippet, country and topic chips.
#[function_component(ReleaseCard)]
pub fn release_card(props: &ReleaseCardProps) -> Html {
    let r = &props.release;
    let place = r.dateline.as_ref().and_then(|d| d.city.clone());
    let text = snippet(&r.body, &props.terms, SNIPPET_CHARS);
    html! {
        <article class="release-card">
            <h3 class="release-title">
                <Link<Route> to={Route::Release { id: r.id.clone() }}>
                    <Highlighted text={r.title.clone()} terms={props.terms.clone()} />
                </Link<Route>>
            </h3>
            <p class="release-meta">
                if let Some(date) = &r.date {
                    <time datetime={date.to_string()}>{ date.long() }</time>
                } else {
                    <span>{ "Undated" }</span>
                }
                if let Some(place) = place {
                    <span class="place">{ place }</span>
                }
            </p>
            <p class="snippet"><Highlighted text={text} terms={props.terms.clone()} /></p>
            if !r.countries.is_empty() || !r.topics.is_empty() {
                <ul class="chips" aria-label="Countries and topics">
                    { for r.countries.iter().map(|c| html! { <li>{ facet_link(Facet::Country, &c.code, c.name.clone()) }</li> }) }
                    { for r.topics.iter().map(|t| html! { <li>{ facet_link(Facet::Topic, t, slug_to_words(t)) }</li> }) }
                </ul>
            }
        </article>
    }
}
