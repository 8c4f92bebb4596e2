use dateline_core::display::fixed;
use dateline_core::query::{
    bar_label, move_view, ticks, y_scale, Filter, Histogram as Buckets, Move, Unit,
};
use dateline_core::PartialDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{zoom_controls, ZoomControlsProps};

#[derive(Properties, PartialEq)]
pub struct HistogramProps {
    pub histogram: Buckets,
    pub filter: Filter,
    pub on_change: Callback<Filter>,
    /// First and last day of the archive: with it the chart zooms and pans.
    #[prop_or_default]
    pub extent: Option<(PartialDate, PartialDate)>,
    /// Drawn under the bars, on their scale: the events lane.
    #[prop_or_default]
    pub children: Html,
}

/// Release volume over time, with a date axis and a count scale. Click (or
/// Enter on) a bar to zoom into its period; press on one bar and release on
/// another to select that range. Bars are one tab stop: arrow keys move
/// between them; + and − zoom, Shift+arrows pan (see `zoom_controls`).
#[function_component(Histogram)]
pub fn histogram(props: &HistogramProps) -> Html {
    let drag_start = use_state(|| None::<usize>);
    // The chart as a table, mounted only while open (the page's element budget).
    let table_open = use_state(bool::default);
    let focus = use_state(|| usize::MAX);
    let bars_ref = use_node_ref();
    let refocus = use_mut_ref(bool::default);
    let last_wheel = use_mut_ref(|| 0.0_f64);
    let n = props.histogram.buckets.len();
    let current = (*focus).min(n.saturating_sub(1));
    {
        // After a keyboard move the bars change: keep focus on the bar at the same place.
        let (bars_ref, refocus) = (bars_ref.clone(), refocus.clone());
        use_effect(move || {
            if std::mem::take(&mut *refocus.borrow_mut()) {
                let bar = bars_ref
                    .cast::<web_sys::Element>()
                    .and_then(|b| b.children().item(current as u32));
                if let Some(bar) = bar.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = bar.focus();
                }
            }
        });
    }
    let buckets = &props.histogram.buckets;
    if buckets.is_empty() {
        return html! {};
    }
    let (top, half) = y_scale(buckets.iter().map(|b| b.count).max().unwrap_or(0));
    let unit = match props.histogram.unit {
        Unit::Days => "day".to_string(),
        Unit::Months => "month".to_string(),
        Unit::Years => "year".to_string(),
        Unit::YearGroups(s) => format!("{s} years"),
    };
    let set_range = {
        let (filter, on_change) = (props.filter.clone(), props.on_change.clone());
        move |from: Option<PartialDate>, to: Option<PartialDate>| {
            on_change.emit(Filter {
                from,
                to,
                ..filter.clone()
            })
        }
    };
    let select = {
        let (set_range, buckets) = (set_range.clone(), buckets.clone());
        move |a: usize, b: usize| {
            set_range(
                buckets.get(a.min(b)).map(|b| b.key),
                buckets.get(a.max(b)).map(|b| b.end),
            )
        }
    };
    let span = props.histogram.span().filter(|_| props.extent.is_some());
    let extent = props.extent;
    // A move that leads back to the URL's range is no move.
    let now = (props.filter.from, props.filter.to);
    let step = move |m: Move| {
        span.and_then(|view| move_view(view, extent, m))
            .filter(|r| *r != now)
    };
    let on_move = {
        let (set_range, refocus) = (set_range.clone(), refocus.clone());
        Callback::from(move |(m, keyboard): (Move, bool)| {
            if let Some((from, to)) = step(m) {
                *refocus.borrow_mut() = keyboard;
                set_range(from, to);
            }
        })
    };
    let onkeydown = {
        let (on_move, focus, refocus) = (on_move.clone(), focus.clone(), refocus.clone());
        Callback::from(move |e: KeyboardEvent| {
            let on_bar = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.matches(".bar").unwrap_or(false));
            let to = |i: usize| {
                *refocus.borrow_mut() = true;
                focus.set(i)
            };
            match (e.key().as_str(), e.shift_key()) {
                ("+" | "=", _) => on_move.emit((Move::In, true)),
                ("-" | "_" | "−", _) => on_move.emit((Move::Out, true)),
                ("ArrowLeft", true) => on_move.emit((Move::Earlier, true)),
                ("ArrowRight", true) => on_move.emit((Move::Later, true)),
                ("ArrowLeft", false) if on_bar => to(current.saturating_sub(1)),
                ("ArrowRight", false) if on_bar => to((current + 1).min(n - 1)),
                ("Home", false) if on_bar => to(0),
                ("End", false) if on_bar => to(n - 1),
                _ => return,
            }
            e.prevent_default();
        })
    };
    // Ctrl+wheel (a pinch on a touchpad) zooms; a plain wheel scrolls the page.
    let onwheel = {
        let on_move = on_move.clone();
        Callback::from(move |e: WheelEvent| {
            if !e.ctrl_key() || span.is_none() {
                return;
            }
            e.prevent_default();
            let now = js_sys::Date::now();
            if now - *last_wheel.borrow() > 250.0 {
                *last_wheel.borrow_mut() = now;
                on_move.emit((
                    if e.delta_y() < 0.0 {
                        Move::In
                    } else {
                        Move::Out
                    },
                    false,
                ));
            }
        })
    };
    let zoomed = props.filter.from.is_some() || props.filter.to.is_some();
    let show_all = {
        let set_range = set_range.clone();
        Callback::from(move |_| set_range(None, None))
    };
    let can = [Move::In, Move::Out, Move::Earlier, Move::Later].map(|m| step(m).is_some());
    let describedby = span.map(|_| "histogram-hint");
    let toggle_table = {
        let table_open = table_open.clone();
        Callback::from(move |_| table_open.set(!*table_open))
    };
    html! {
        <section class="histogram" aria-labelledby="histogram-heading" {onkeydown}>
            <h2 id="histogram-heading" class="visually-hidden">{ format!("Releases per {unit}") }</h2>
            if span.is_some() {
                { zoom_controls(&ZoomControlsProps { can, on_move: on_move.clone() }) }
            }
            <div class="chart" {onwheel}>
            <div class="y-scale" aria-hidden="true">
                <span class="y-top">{ top }</span>
                if let Some(h) = half { <span class="y-half">{ h }</span> }
            </div>
            // Bars keep a 24 px touch target: narrow screens scroll the plot sideways.
            <div class="plot"><div class="plot-inner">
            <div class={classes!("bars", half.map(|_| "halves"))} ref={bars_ref} role="group"
                aria-label={format!("Releases per {unit}; choose a bar to zoom in")} aria-describedby={describedby}>
                { for buckets.iter().enumerate().map(|(i, b)| {
                    let pct = (f64::from(b.count) / f64::from(top) * 100.0).max(if b.count > 0 { 4.0 } else { 0.0 });
                    let onpointerdown = { let d = drag_start.clone(); Callback::from(move |_| d.set(Some(i))) };
                    // Released on another bar: a dragged range. Released on the same bar, the click follows.
                    let onpointerup = {
                        let (d, select) = (drag_start.clone(), select.clone());
                        Callback::from(move |_| if let Some(start) = *d { if start != i { d.set(None); select(start, i); } })
                    };
                    // A click or Enter zooms into the bar; a double click's second click is ignored.
                    let onclick = {
                        let (d, select, refocus) = (drag_start.clone(), select.clone(), refocus.clone());
                        Callback::from(move |e: MouseEvent| {
                            d.set(None);
                            if e.detail() < 2 { *refocus.borrow_mut() = e.detail() == 0; select(i, i); }
                        })
                    };
                    let onfocus = { let f = focus.clone(); Callback::from(move |_| if *f != i { f.set(i) }) };
                    html! {
                        <button type="button" class={classes!("bar", (i * 2 >= n).then_some("end"))}
                            style={format!("--h:{}%", fixed(pct, 1))} aria-label={bar_label(b)}
                            tabindex={if i == current { "0" } else { "-1" }}
                            {onpointerdown} {onpointerup} {onclick} {onfocus}></button>
                    }
                }) }
            </div>
            <div class="ticks" aria-hidden="true">
                { for ticks(&props.histogram).into_iter().map(|t| html! {
                    <span style={format!("left:{}%", fixed(t.at as f64 * 100.0 / n as f64, 2))}>{ t.label }</span>
                }) }
            </div>
            { props.children.clone() }
            </div></div>
            </div>
            <button type="button" class="link-button" aria-expanded={table_open.to_string()}
                aria-controls={table_open.then_some("histogram-table")} onclick={toggle_table}>
                { if *table_open { "Hide the table" } else { "Show as table" } }
            </button>
            if *table_open {
                <div id="histogram-table" class="chart-table" role="region" tabindex="0"
                    aria-label={format!("Releases per {unit}, as a table")}>
                    <table>
                        <caption>{ format!("Releases per {unit}") }</caption>
                        <thead><tr><th scope="col">{ "Period" }</th><th scope="col">{ "Releases" }</th></tr></thead>
                        <tbody>
                            { for buckets.iter().map(|b| html! {
                                <tr><th scope="row">{ b.period() }</th><td>{ b.count }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if zoomed {
                <button type="button" class="link-button" onclick={show_all}>{ "Show all dates" }</button>
            }
        </section>
    }
}
