use std::rc::Rc;

use dateline_core::query::{EventKey, Lane};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventsLaneProps {
    /// Laid out by the core (`dateline_core::query::lane`) on the histogram's scale.
    pub lane: Rc<Lane>,
    /// Called with the event chosen: the page filters to the releases that
    /// mention it, or drops that filter when it is the selected one.
    pub on_pick: Callback<EventKey>,
}

/// The periods and event days that the releases in view mention, as bars
/// under the histogram on the same axis. Clicking (or Enter on) one shows
/// only the releases that mention it; it is then pressed, and pressing it
/// again shows all. Its text is dates only (never release text).
#[function_component(EventsLane)]
pub fn events_lane(props: &EventsLaneProps) -> Html {
    let lane = &props.lane;
    if lane.items.is_empty() {
        return html! {};
    }
    let note = (lane.left_out > 0).then(|| {
        let s = if lane.left_out == 1 { "" } else { "s" };
        format!("{} more event{s} in view not shown", lane.left_out)
    });
    html! {
        <>
        <div class="events-lane" role="group" style={format!("--rows:{}", lane.rows)}
            aria-label="Events and periods the releases mention; choose one to show its releases">
            { for lane.items.iter().map(|item| {
                let key = item.key;
                let onclick = props.on_pick.reform(move |_| key);
                let pct = |h: u16| format!("{}.{:02}%", h / 100, h % 100);
                html! {
                    <button type="button" key={key.to_param()} class="event" aria-label={item.name.clone()}
                        aria-pressed={item.selected.to_string()} title={item.name.clone()}
                        style={format!("--row:{};left:{};width:{}", item.row, pct(item.left), pct(item.width))}
                        {onclick}>{ key.label() }</button>
                }
            }) }
        </div>
        if let Some(note) = note {
            <p class="lane-note">{ note }</p>
        }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct EventsTableProps {
    /// The lane whose events the table lists (the same `Rc` as the lane's).
    pub lane: Rc<Lane>,
    /// The lane's callback: a row's button picks its event as its bar does.
    pub on_pick: Callback<EventKey>,
}

/// The events lane as a table: a row per bar (the event or period, its first
/// and last date, the releases that mention it) with a button that picks it
/// as the bar does, pressed on the selected one. Mounted only while open:
/// the page's element budget.
#[function_component(EventsTable)]
pub fn events_table(props: &EventsTableProps) -> Html {
    let open = use_state(bool::default);
    let lane = &props.lane;
    if lane.items.is_empty() {
        return html! {};
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    const ID: &str = "events-table";
    const CAPTION: &str = "Events and periods the releases in view mention";
    html! {
        <>
        <button type="button" class="link-button" aria-expanded={open.to_string()}
            aria-controls={open.then_some(ID)} onclick={toggle}>
            { if *open { "Hide the events' table" } else { "Show the events as a table" } }
        </button>
        if *open {
            <div id={ID} class="chart-table events-table" role="region" tabindex="0"
                aria-label={format!("{CAPTION}, as a table")}>
                <table>
                    <caption>{ CAPTION }</caption>
                    <thead><tr>
                        <th scope="col">{ "Event or period" }</th>
                        <th scope="col">{ "From" }</th>
                        <th scope="col">{ "To" }</th>
                        <th scope="col">{ "Releases" }</th>
                        <th scope="col">{ "Filter" }</th>
                    </tr></thead>
                    <tbody>
                        { for lane.items.iter().map(|item| {
                            let key = item.key;
                            let label = key.label();
                            let onclick = props.on_pick.reform(move |_| key);
                            html! {
                                <tr key={key.to_param()} class={item.selected.then_some("selected")}>
                                    <th scope="row">{ label.clone() }</th>
                                    <td>{ key.start.long() }</td>
                                    <td>{ key.end.map_or_else(|| "open-ended".to_string(), |e| e.long()) }</td>
                                    <td class="count">{ item.releases }</td>
                                    <td><button type="button" class="event-pick" aria-pressed={item.selected.to_string()}
                                        aria-label={format!("Show releases that mention {label}")}
                                        {onclick}>{ "Show releases" }</button></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        }
        </>
    }
}
