use std::rc::Rc;

use dateline_core::query::{Compare, Series};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SeriesLegendProps {
    pub compare: Rc<Compare>,
    /// Called with the series whose remove button was pressed.
    pub on_remove: Callback<Series>,
}

/// The legend: a list that a screen reader reads as it is ("“smuggling”: 12
/// releases, most in 2019 (5)"), each with a sample of its line (colour and
/// dash) and a button "Remove “smuggling”".
pub fn series_legend(props: &SeriesLegendProps) -> Html {
    html! {
        <ul class="series-legend" aria-label="Series compared">
            { for props.compare.lines.iter().map(|l| {
                let series = l.series.clone();
                let onclick = props.on_remove.reform(move |_| series.clone());
                html! {
                    <li key={l.series.to_param()}>
                        <svg class="swatch" viewBox="0 0 32 8" aria-hidden="true" focusable="false">
                            <path class={format!("s{}", l.style)} d="M0 4H32" />
                        </svg>
                        { l.summary.clone() }
                        <button type="button" class="remove-series" aria-label={format!("Remove {}", l.label)}
                            title={format!("Remove {}", l.label)} {onclick}>{ "×" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
