use std::rc::Rc;

use dateline_core::order;
use dateline_core::query::{
    docs_mentioning, lane, EventKey, Facet, FacetCounts, FacetValue, Filter, Results, Scale,
    Series, Sort, Zoom,
};
use yew::prelude::*;

use crate::components::{
    active_filters, compare_lines, compare_panel, facet_title, sort_select, ActiveFiltersProps,
    ChartTable, CompareLinesProps, ComparePanelProps, EventsLane, ExportButtons, FacetGroup,
    Histogram, Hits, ResultList, SearchBox, SortSelectProps, TableData,
};
use crate::hooks::{use_compare, use_corpus, use_facets, use_filter, use_generation, use_records};

/// Releases whose events the lane reads: bounded work per keystroke.
const LANE_FROM_HITS: usize = 400;

/// The timeline: search, histogram with the events the matches mention,
/// facets and the matching releases. Everything it shows is derived from the URL.
#[function_component(HomePage)]
pub fn home_page() -> Html {
    let corpus = use_corpus();
    let state = use_filter();
    let filter = state.filter.clone();
    let generation = use_generation();
    // The releases that mention the filter's event: the index does not hold
    // events, so they are read once per event chosen (one pass over the
    // list), once every piece of the list is here.
    let events_pending = filter.event.is_some() && !corpus.has_every_record();
    use_records(match events_pending {
        true => corpus.every_missing_record(),
        false => Vec::new(),
    });
    let within = {
        let corpus = corpus.clone();
        use_memo((filter.event, generation), move |(event, _)| {
            event.map(|key| {
                let docs = (0..corpus.len() as u32).map(|d| (d, corpus.events(d)));
                docs_mentioning(key, docs)
            })
        })
    };
    // None while the query's postings are on the way: the last results
    // stay, and the count says that it is searching.
    let fresh = {
        let corpus = corpus.clone();
        use_memo((filter.clone(), generation), move |(f, _)| {
            let events_pending = f.event.is_some() && !corpus.has_every_record();
            let waits = corpus.waits_for_pieces(f) || corpus.waits_for_facets(f);
            (!waits && !events_pending).then(|| {
                Rc::new(
                    corpus
                        .index()
                        .search_within(f, Zoom::Auto, within.as_ref().as_deref()),
                )
            })
        })
    };
    let shown = use_mut_ref(|| None::<Rc<Results>>);
    if let Some(fresh) = fresh.as_ref() {
        *shown.borrow_mut() = Some(fresh.clone());
    }
    let searching = fresh.is_none();
    let results = shown.borrow().clone().unwrap_or_default();
    // The facets' relations, once the counts of a narrowed set or the
    // filter's selection need them.
    use_facets(results.counting || corpus.waits_for_facets(&filter));
    // A facet that failed is not waited for (the notice says so).
    let counting = results.counting && !corpus.has_every_facet();
    // The events lane: what the top matches mention, on the histogram's axis.
    let lane = {
        let corpus = corpus.clone();
        // Read again as pieces of the list arrive (their events join the lane).
        use_memo(
            (results.clone(), filter.event, generation),
            move |(results, event, _)| {
                let mentions = results.hits.iter().take(LANE_FROM_HITS).flat_map(|&d| {
                    let events = corpus.events(d);
                    events.into_iter().map(move |e| (d, EventKey::of(&e)))
                });
                Rc::new(lane(mentions, &results.histogram, *event))
            },
        )
    };
    let compare = use_compare(&filter, results.clone());
    let hits = Hits::new(results.clone());
    let set = state.set.clone();
    let extent = {
        let corpus = corpus.clone();
        *use_memo(generation, move |_| corpus.index().date_extent())
    };

    let on_text = {
        let (set, filter) = (set.clone(), filter.clone());
        Callback::from(move |text: String| {
            set.emit(Filter {
                text,
                ..filter.clone()
            })
        })
    };
    let on_sort = {
        let (set, filter) = (set.clone(), filter.clone());
        Callback::from(move |sort: Sort| {
            set.emit(Filter {
                sort,
                ..filter.clone()
            })
        })
    };
    // The facet groups get one callback for the page's life, reading the
    // current filter when called: a group whose values did not change then
    // has equal props and is not rendered again on a keystroke.
    let latest = use_mut_ref(|| (filter.clone(), set.clone()));
    *latest.borrow_mut() = (filter.clone(), set.clone());
    let on_toggle = use_callback(latest.clone(), |(facet, key): (Facet, String), latest| {
        let (filter, set) = latest.borrow().clone();
        let mut next = filter;
        next.toggle(facet, &key);
        set.emit(next);
    });
    // Stable too: the lane is not rendered again unless its bars change.
    let on_event = use_callback(latest.clone(), |key: EventKey, latest| {
        let (filter, set) = latest.borrow().clone();
        let event = (filter.event != Some(key)).then_some(key);
        set.emit(Filter { event, ..filter });
    });
    // Stable too: the compare panel is rendered again only when its lines change.
    let on_series = use_callback(latest.clone(), |series: Vec<Series>, latest| {
        let (filter, set) = latest.borrow().clone();
        set.emit(Filter { series, ..filter });
    });
    let on_scale = use_callback(latest.clone(), |scale: Scale, latest| {
        let (filter, set) = latest.borrow().clone();
        set.emit(Filter { scale, ..filter });
    });
    let total = results.total;
    let count = match (total, corpus.len()) {
        _ if searching => "Searching…".to_string(),
        (n, all) if n == all => format!("{n} release{}", if n == 1 { "" } else { "s" }),
        (n, all) => format!("{n} of {all} releases match"),
    };
    let grouped = filter.sort != Sort::Relevance || !filter.has_text();
    html! {
        <div class="timeline">
            <h1 class="visually-hidden">{ "Press releases" }</h1>
            <div class="toolbar">
                <SearchBox value={filter.text.clone()} on_change={on_text} />
                { sort_select(&SortSelectProps { value: filter.sort, on_change: on_sort }) }
            </div>
            <p class="result-count" role="status" aria-live="polite">{ count }</p>
            <ExportButtons hits={hits.clone()} />
            { active_filters(&ActiveFiltersProps { corpus: corpus.clone(), filter: filter.clone(), on_change: set.clone() }) }
            <Histogram histogram={results.histogram.clone()} filter={filter.clone()} on_change={set.clone()} {extent}>
                { compare_lines(&CompareLinesProps { compare: compare.clone() }) }
                <EventsLane lane={(*lane).clone()} on_pick={on_event.clone()} />
            </Histogram>
            <ChartTable data={TableData::Events { lane: (*lane).clone(), on_pick: on_event }} />
            { compare_panel(&ComparePanelProps { compare, series: filter.series.clone(), scale: filter.scale, on_series, on_scale }) }
            <div class="columns">
                <aside class="facets" aria-label="Filters">
                    <h2>{ "Filter" }</h2>
                    if counting {
                        <p class="facets-status" aria-live="polite">{ "Counting…" }</p>
                    }
                    { for [Facet::Year, Facet::Country, Facet::Organisation, Facet::Person, Facet::Programme, Facet::Topic].into_iter().map(|facet| html! {
                        <FacetGroup
                            key={facet.param()}
                            {facet}
                            title={facet_title(facet)}
                            values={facet_values(&results.facets, facet, &filter)}
                            total={results.facets.total(facet)}
                            on_toggle={on_toggle.clone()}
                        />
                    }) }
                </aside>
                <section class="results" aria-labelledby="results-heading">
                    <h2 id="results-heading">{ "Releases" }</h2>
                    <ResultList {hits} terms={results.terms.clone()} {grouped} />
                </section>
            </div>
        </div>
    }
}

/// A facet's values as listed: years newest first (a timeline reads in order),
/// every other facet by count as the engine ranks them. Checked as the URL
/// says, even while the counts shown are the last search's (a search that
/// waits for its data): a box is never left checked by a click alone.
fn facet_values(counts: &FacetCounts, facet: Facet, filter: &Filter) -> Vec<FacetValue> {
    let chosen = filter.keys(facet);
    let mut values = counts.get(facet).to_vec();
    for v in &mut values {
        v.selected = chosen.iter().any(|k| **k == *v.key);
    }
    if facet == Facet::Year {
        order::sort_by(&mut values, |a, b| b.key.cmp(&a.key));
    }
    values
}
