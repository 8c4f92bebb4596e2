use dateline_core::query::{over_archive, ticks, Filter, Series};
use yew::prelude::*;

use super::{compare_lines, ChartTable, CompareLinesProps, RouteLink, TableData};

use crate::hooks::{use_corpus, use_generation};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct EntityChartProps {
    /// The entity as a series (`country:IR`).
    pub series: Series,
}

/// An entity's releases over time as a small line chart, on the timeline's
/// axis over the whole archive (so that two entities' charts line up), with
/// its table and a link that compares it on the timeline.
#[function_component(EntityChart)]
pub fn entity_chart(props: &EntityChartProps) -> Html {
    let corpus = use_corpus();
    let generation = use_generation();
    let chart = use_memo((props.series.clone(), generation), move |(series, _)| {
        let (histogram, lines) = over_archive(corpus.index(), series);
        (ticks(&histogram), std::rc::Rc::new(lines))
    });
    let (ticks, lines) = &*chart;
    let Some(line) = lines.lines.first() else {
        return html! {};
    };
    if lines.periods.is_empty() {
        return html! {};
    }
    let n = lines.periods.len();
    let compare = Filter {
        series: vec![props.series.clone()],
        ..Filter::default()
    };
    html! {
        <section class="entity-chart" aria-labelledby="entity-chart-heading">
            <h2 id="entity-chart-heading">{ "Releases over time" }</h2>
            <p class="visually-hidden">{ line.summary.clone() }</p>
            <div class="chart small">
                <div class="y-scale" aria-hidden="true">
                    <span class="y-top">{ lines.top.clone() }</span>
                    if let Some(h) = &lines.half { <span class="y-half">{ h.clone() }</span> }
                </div>
                <div class="plot"><div class="plot-inner">
                    <div class={classes!("line-area", lines.half.as_ref().map(|_| "halves"))}>{ compare_lines(&CompareLinesProps { compare: lines.clone() }) }</div>
                    <div class="ticks" aria-hidden="true">
                        { for ticks.iter().map(|t| html! {
                            <span style={format!("left:{}%", t.at * 100 / n)}>{ t.label.clone() }</span>
                        }) }
                    </div>
                </div></div>
            </div>
            <ChartTable data={TableData::Series { compare: lines.clone(), id: AttrValue::Static("entity-chart-table") }} />
            <p><RouteLink to={Route::Home} filter={compare}>{ "Compare it with others over time" }</RouteLink></p>
        </section>
    }
}
