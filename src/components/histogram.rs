use dateline_core::query::{Filter, Histogram as Buckets, Zoom};
use dateline_core::PartialDate;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HistogramProps {
    pub histogram: Buckets,
    pub filter: Filter,
    pub on_change: Callback<Filter>,
}

/// Release volume over time. Click a bar to zoom into it (year → months →
/// days); press on one bar and release on another to select that range.
/// Bars are buttons, so the keyboard selects a bar with Enter or Space.
#[function_component(Histogram)]
pub fn histogram(props: &HistogramProps) -> Html {
    let drag_start = use_state(|| None::<usize>);
    let buckets = &props.histogram.buckets;
    if buckets.is_empty() {
        return html! {};
    }
    let max = buckets.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let unit = match props.histogram.zoom {
        Zoom::Days(..) => "day",
        Zoom::Months(_) => "month",
        _ => "year",
    };
    let select = {
        let filter = props.filter.clone();
        let on_change = props.on_change.clone();
        let keys: Vec<PartialDate> = buckets.iter().map(|b| b.key).collect();
        move |a: usize, b: usize| {
            let (lo, hi) = (a.min(b), a.max(b));
            let mut next = filter.clone();
            next.from = keys.get(lo).copied();
            next.to = keys.get(hi).copied();
            on_change.emit(next);
        }
    };
    let zoomed = props.filter.from.is_some() || props.filter.to.is_some();
    let zoom_out = {
        let on_change = props.on_change.clone();
        let next = Filter {
            from: None,
            to: None,
            ..props.filter.clone()
        };
        Callback::from(move |_| on_change.emit(next.clone()))
    };
    html! {
        <section class="histogram" aria-labelledby="histogram-heading">
            <h2 id="histogram-heading" class="visually-hidden">{ format!("Releases per {unit}") }</h2>
            // Bars keep a 24 px touch target: narrow screens scroll the plot sideways.
            <div class="plot"><div class="plot-inner">
            <div class="bars" role="group" aria-label={format!("Releases per {unit}; choose a bar to zoom in")}>
                { for buckets.iter().enumerate().map(|(i, b)| {
                    let height = format!("height: {}%", (b.count as f64 / max as f64 * 100.0).max(if b.count > 0 { 4.0 } else { 0.0 }));
                    let label = format!("{}: {} release{}", b.key.long(), b.count, if b.count == 1 { "" } else { "s" });
                    let onpointerdown = { let d = drag_start.clone(); Callback::from(move |_| d.set(Some(i))) };
                    // Released on another bar: a dragged range. Released on the same bar, the click follows.
                    let onpointerup = {
                        let d = drag_start.clone();
                        let select = select.clone();
                        Callback::from(move |_| if let Some(start) = *d { if start != i { d.set(None); select(start, i); } })
                    };
                    // Mouse click, or Enter/Space on the focused bar.
                    let onclick = {
                        let d = drag_start.clone();
                        let select = select.clone();
                        Callback::from(move |_| { d.set(None); select(i, i); })
                    };
                    html! {
                        <button type="button" class="bar" title={label.clone()} aria-label={label}
                            {onpointerdown} {onpointerup} {onclick}>
                            <span class="fill" style={height}></span>
                        </button>
                    }
                }) }
            </div>
            <div class="axis" aria-hidden="true">
                <span>{ buckets.first().map(|b| b.key.long()).unwrap_or_default() }</span>
                <span>{ buckets.last().map(|b| b.key.long()).unwrap_or_default() }</span>
            </div>
            </div></div>
            if zoomed {
                <button type="button" class="link-button" onclick={zoom_out}>{ "Show all dates" }</button>
            }
        </section>
    }
}
