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
