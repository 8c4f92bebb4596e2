use std::rc::Rc;

use dateline_core::query::{Compare, Scale, Series};
use yew::prelude::*;

use super::{
    scale_toggle, series_legend, AddSeries, ChartTable, ScaleToggleProps, SeriesLegendProps,
    TableData,
};

#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    /// The lines, counted by the core over the histogram's bars.
    pub compare: Rc<Compare>,
    /// The series of the URL, in order.
    pub series: Vec<Series>,
    pub scale: Scale,
    /// Called with the series to compare from now on (one added or removed).
    pub on_series: Callback<Vec<Series>>,
    pub on_scale: Callback<Scale>,
}

/// Compare over time: the field that adds a series, and once there are
/// lines, the counts / share toggle, the legend and the table.
pub fn compare_panel(props: &ComparePanelProps) -> Html {
    let on_add = {
        let (series, on_series) = (props.series.clone(), props.on_series.clone());
        Callback::from(move |s: Series| {
            let mut next = series.clone();
            next.push(s);
            on_series.emit(next);
        })
    };
    let on_remove = {
        let (series, on_series) = (props.series.clone(), props.on_series.clone());
        Callback::from(move |s: Series| {
            on_series.emit(series.iter().filter(|x| **x != s).cloned().collect())
        })
    };
    let has_lines = !props.compare.lines.is_empty();
    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{ "Compare over time" }</h2>
            <AddSeries series={props.series.clone()} {on_add} />
            if has_lines {
                { scale_toggle(&ScaleToggleProps { scale: props.scale, on_change: props.on_scale.clone() }) }
                { series_legend(&SeriesLegendProps { compare: props.compare.clone(), on_remove }) }
                <ChartTable data={TableData::Series { compare: props.compare.clone(), id: AttrValue::Static("series-table") }} />
            }
        </section>
    }
}
