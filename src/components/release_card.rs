use dateline_core::chips::{chip_budget, chips_shown, more_label};
use dateline_core::query::{slug_to_words, snippet, Facet, Filter};
use dateline_core::Release;
use yew::prelude::*;

use super::{highlighted, HighlightedProps, RouteLink};
use crate::route::Route;

/// Characters of lede or matching passage under a title.
const SNIPPET_CHARS: usize = 220;

#[derive(Properties, PartialEq)]
pub struct ReleaseCardProps {
    pub release: Release,
    #[prop_or_default]
    pub terms: Vec<String>,
    /// The viewport's width (`use_viewport_width`), which decides the chips
    /// that fit: given by the list, so that the cards read no context (they
    /// would render again whenever it changes).
    pub width: f64,
}

/// A link to the timeline filtered by one facet value.
pub fn facet_link(facet: Facet, key: &str, label: String) -> Html {
    let mut filter = Filter::default();
    filter.toggle(facet, key);
    html! { <RouteLink to={Route::Home} {filter} classes="chip">{ label }</RouteLink> }
}

/// One line of country and topic chips: as many as fit whole (estimated in
/// the core for the viewport's width), then a "+N" link to the release,
/// named for what it leaves out.
fn chip_line(r: &Release, width: f64) -> Html {
    let countries = r.countries.iter().map(|c| c.name.clone());
    let labels: Vec<String> = countries
        .chain(r.topics.iter().map(|t| slug_to_words(t)))
        .collect();
    let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let shown = chips_shown(&refs, chip_budget(width));
    let n = r.countries.len();
    let chips = r
        .countries
        .iter()
        .take(shown)
        .map(|c| facet_link(Facet::Country, &c.code, c.name.clone()));
    let topics = r
        .topics
        .iter()
        .zip(labels.iter().skip(n))
        .take(shown.saturating_sub(n));
    let chips = chips.chain(topics.map(|(t, l)| facet_link(Facet::Topic, t, l.clone())));
    let more = more_label(
        n.saturating_sub(shown),
        r.topics.len().min(labels.len() - shown),
    );
    // A group of links, not a list: one element per chip (the page's element budget).
    html! {
        <div class="chips" role="group" aria-label="Countries and topics">
            { for chips }
            if let Some(more) = more {
                <RouteLink to={Route::Release { id: r.id.clone() }} classes="chip chip-more">
                    <span aria-hidden="true">{ format!("+{}", labels.len() - shown) }</span>
                    <span class="visually-hidden">{ more }</span>
                </RouteLink>
            }
        </div>
    }
}

/// One result: date, highlighted title, place, snippet (when the record has
/// a lede: large corpora list none), country and topic chips.
#[function_component(ReleaseCard)]
pub fn release_card(props: &ReleaseCardProps) -> Html {
    let (r, width) = (&props.release, props.width);
    let place = r.dateline.as_ref().and_then(|d| d.city.clone());
    let text = snippet(&r.body, &props.terms, SNIPPET_CHARS);
    html! {
        <article class="release-card">
            <h3 class="release-title">
                <RouteLink to={Route::Release { id: r.id.clone() }}>
                    { highlighted(&HighlightedProps { text: r.title.clone().into(), terms: props.terms.clone() }) }
                </RouteLink>
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
            if !text.trim().is_empty() {
                <p class="snippet">{ highlighted(&HighlightedProps { text: text.into(), terms: props.terms.clone() }) }</p>
            }
            if !r.countries.is_empty() || !r.topics.is_empty() {
                { chip_line(r, width) }
            }
        </article>
    }
}
