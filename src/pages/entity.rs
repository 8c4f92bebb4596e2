use dateline_core::order;
use std::collections::HashMap;
use std::rc::Rc;

use dateline_core::query::{Facet, Filter, Series, SeriesKind};
use yew::prelude::*;

use super::{not_found_page, NotFoundProps};
use crate::components::{facet_title, EntityChart, Hits, ResultList, RouteLink};
use crate::hooks::{use_corpus, use_facets};
use crate::route::{entity_route, EntityKind, Route};

/// Entities shown in each "appears with" list.
const CO_OCCURRING: usize = 10;

#[derive(Properties, PartialEq)]
pub struct EntityPageProps {
    pub kind: EntityKind,
    /// The facet key: country code, organisation or person key.
    pub key_: AttrValue,
}

/// A country, organisation or person: its releases over time and the
/// countries, organisations and people that appear with it most.
#[function_component(EntityPage)]
pub fn entity_page(props: &EntityPageProps) -> Html {
    let corpus = use_corpus();
    // Which releases have it, and what appears with it: every facet's relation.
    use_facets(true);
    let facet = props.kind.facet();
    let key = props.key_.to_string();
    let Some(info) = corpus.index().value(facet, &key) else {
        // Only the most frequent values are known before the facet's file
        // is here: a rarer one is looked for in it.
        if corpus.waits_for_facet(facet) {
            return html! {
                <article class="entity" aria-labelledby="entity-title" aria-busy="true">
                    <p class="kind">{ facet_title(facet) }</p>
                    <h1 id="entity-title">{ "Loading…" }</h1>
                    <p role="status">{ "Loading its releases…" }</p>
                </article>
            };
        }
        return not_found_page(&NotFoundProps {
            what: Some(props.key_.clone()),
        });
    };
    let mut filter = Filter::default();
    filter.toggle(facet, &key);
    if corpus.waits_for_facets(&filter) {
        return html! {
            <article class="entity" aria-labelledby="entity-title" aria-busy="true">
                <p class="kind">{ facet_title(facet) }</p>
                <h1 id="entity-title">{ info.label.to_string() }</h1>
                <p role="status">{ "Loading its releases…" }</p>
            </article>
        };
    }
    let results = Rc::new(corpus.index().search(&filter));
    let kind = match props.kind {
        EntityKind::Country => SeriesKind::Country,
        EntityKind::Organisation => SeriesKind::Organisation,
        EntityKind::Person => SeriesKind::Person,
    };
    let series = Series {
        kind,
        key: key.clone(),
    };
    html! {
        <article class="entity" aria-labelledby="entity-title">
            <p class="kind">{ facet_title(facet) }</p>
            <h1 id="entity-title">{ info.label.to_string() }</h1>
            if let Some(detail) = &info.detail {
                <p class="detail">{ detail.to_string() }</p>
            }
            <p>
                { format!("{} release{} · ", results.total, if results.total == 1 { "" } else { "s" }) }
                <RouteLink to={Route::Home} filter={filter.clone()}>{ "Explore them on the timeline" }</RouteLink>
            </p>
            <EntityChart {series} />
            <div class="co-occurring">
                { for [EntityKind::Country, EntityKind::Organisation, EntityKind::Person].into_iter().map(|other| {
                    let top = co_occurring(&corpus, other.facet(), &results.hits, facet, &key);
                    co_occurring_list(&CoOccurringProps { kind: other, top })
                }) }
            </div>
            <section aria-labelledby="entity-releases">
                <h2 id="entity-releases">{ "Releases" }</h2>
                <ResultList hits={Hits::new(results.clone())} terms={Vec::<String>::new()} grouped={true} />
            </section>
        </article>
    }
}

/// Values of `facet` over the documents, most frequent first, without the entity itself.
fn co_occurring(
    corpus: &crate::Corpus,
    facet: Facet,
    docs: &[u32],
    own_facet: Facet,
    own_key: &str,
) -> Vec<(String, String, u32)> {
    let mut counts: HashMap<(String, String), u32> = HashMap::new();
    for &doc in docs {
        for v in corpus.index().values_of(facet, doc) {
            if facet == own_facet && &*v.key == own_key {
                continue;
            }
            *counts
                .entry((v.key.to_string(), v.label.to_string()))
                .or_default() += 1;
        }
    }
    let mut top: Vec<_> = counts.into_iter().map(|((k, l), n)| (k, l, n)).collect();
    order::sort_by(&mut top, |a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    top.truncate(CO_OCCURRING);
    top
}

#[derive(Properties, PartialEq)]
struct CoOccurringProps {
    kind: EntityKind,
    top: Vec<(String, String, u32)>,
}

fn co_occurring_list(props: &CoOccurringProps) -> Html {
    if props.top.is_empty() {
        return html! {};
    }
    let title = match props.kind {
        EntityKind::Country => "Countries",
        EntityKind::Organisation => "Organisations",
        EntityKind::Person => "People",
    };
    html! {
        <section class="appears-with">
            <h2>{ format!("{title} that appear with it") }</h2>
            <ol>
                { for props.top.iter().map(|(key, label, n)| {
                    let to = entity_route(props.kind, key);
                    html! { <li><RouteLink {to}>{ label.clone() }</RouteLink>{ format!(" ({n})") }</li> }
                }) }
            </ol>
        </section>
    }
}
