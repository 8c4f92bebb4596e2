use std::rc::Rc;

use dateline_core::query::{Compare, EventKey, Lane, Scale};
use yew::prelude::*;

/// What a chart table shows.
#[derive(Clone, PartialEq)]
pub enum TableData {
    /// The events lane: a row per bar (the event or period, its first and
    /// last date, the releases that mention it) with a button that picks it
    /// as the bar does (`on_pick`, the lane's), pressed on the selected one.
    Events {
        /// The same `Rc` as the lane's.
        lane: Rc<Lane>,
        on_pick: Callback<EventKey>,
    },
    /// A comparison's lines: a row per period, a column per series.
    Series {
        compare: Rc<Compare>,
        /// Distinguishes the ids of two tables on one page.
        id: AttrValue,
    },
}

#[derive(Properties, PartialEq)]
pub struct ChartTableProps {
    pub data: TableData,
}

const EVENTS_CAPTION: &str = "Events and periods the releases in view mention";

/// A chart as a table, behind a button that shows and hides it; nothing
/// when the chart is empty. Mounted only while open: the page's element
/// budget. One component for the events lane's table and the lines' (each
/// component type costs about 370 B brotli of yew's machinery).
#[function_component(ChartTable)]
pub fn chart_table(props: &ChartTableProps) -> Html {
    let open = use_state(bool::default);
    let (id, class, caption, show, hide) = match &props.data {
        TableData::Events { lane, .. } if !lane.items.is_empty() => (
            AttrValue::Static("events-table"),
            "chart-table events-table",
            EVENTS_CAPTION,
            "Show the events as a table",
            "Hide the events' table",
        ),
        TableData::Series { compare, id } if !compare.lines.is_empty() => (
            id.clone(),
            "chart-table series-table",
            match compare.scale {
                Scale::Counts => "Releases per period, for each series",
                Scale::Share => "Share of releases per period, for each series",
            },
            "Show the lines as a table",
            "Hide the lines' table",
        ),
        _ => return html! {},
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <>
        <button type="button" class="link-button" aria-expanded={open.to_string()}
            aria-controls={open.then(|| id.clone())} onclick={toggle}>
            { if *open { hide } else { show } }
        </button>
        if *open {
            <div {id} {class} role="region" tabindex="0"
                aria-label={format!("{caption}, as a table")}>
                <table>
                    <caption>{ caption }</caption>
                    { match &props.data {
                        TableData::Events { lane, on_pick } => events_rows(lane, on_pick),
                        TableData::Series { compare, .. } => series_rows(compare),
                    } }
                </table>
            </div>
        }
        </>
    }
}

/// The events table's head and body.
fn events_rows(lane: &Lane, on_pick: &Callback<EventKey>) -> Html {
    html! {
        <>
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
                let onclick = on_pick.reform(move |_| key);
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
        </>
    }
}

/// The lines' table's head and body.
fn series_rows(c: &Compare) -> Html {
    html! {
        <>
        <thead><tr>
            <th scope="col">{ "Period" }</th>
            { for c.lines.iter().map(|l| html! { <th scope="col">{ l.label.clone() }</th> }) }
        </tr></thead>
        <tbody>
            { for c.periods.iter().enumerate().map(|(i, period)| html! {
                <tr>
                    <th scope="row">{ period.clone() }</th>
                    { for c.lines.iter().map(|l| html! { <td>{ l.cells.get(i).cloned().unwrap_or_default() }</td> }) }
                </tr>
            }) }
        </tbody>
        </>
    }
}
