use dateline_core::display::period;
use dateline_core::order;
use dateline_core::Event;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_corpus;
use crate::route::Route;

/// Events listed at most in the lane.
const MAX_EVENTS: usize = 40;
/// The lane reads the events of this many top matches: bounded work per keystroke.
const FROM_HITS: usize = 400;

#[derive(Properties, PartialEq)]
pub struct EventsLaneProps {
    pub hits: Vec<u32>,
}

/// The dates and periods the matching releases mention (a meeting, a
/// programme's years), in time order, each linked to its release: event dates
/// are a different fact from publication dates.
#[function_component(EventsLane)]
pub fn events_lane(props: &EventsLaneProps) -> Html {
    let corpus = use_corpus();
    let mut events: Vec<(Event, u32)> = props
        .hits
        .iter()
        .take(FROM_HITS)
        .flat_map(|&d| corpus.events(d).into_iter().map(move |e| (e, d)))
        .collect();
    if events.is_empty() {
        return html! {};
    }
    order::sort_by(&mut events, |a, b| b.0.start.cmp(&a.0.start));
    let total = events.len();
    html! {
        <section class="events-lane" aria-labelledby="events-heading">
            <h2 id="events-heading">{ "Events and periods mentioned" }</h2>
            <ol tabindex="0" aria-label="Events and periods, newest first">
                { for events.into_iter().take(MAX_EVENTS).filter_map(|(e, d)| Some((e, corpus.doc(d)?))).map(|(e, r)| {
                    let when = period(Some(e.start), e.end).unwrap_or_default();
                    html! {
                        <li>
                            <span class="when">{ when }</span>
                            <Link<Route> to={Route::Release { id: r.id.clone() }}>{ &r.title }</Link<Route>>
                            <span class="as-written">{ format!("“{}”", e.text) }</span>
                        </li>
                    }
                }) }
            </ol>
            if total > MAX_EVENTS {
                <p class="note">{ format!("{MAX_EVENTS} of {total} shown; narrow the filters to see the rest.") }</p>
            }
        </section>
    }
}
