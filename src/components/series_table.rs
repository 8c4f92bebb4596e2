use std::rc::Rc;

use dateline_core::query::{Compare, Scale};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SeriesTableProps {
    pub compare: Rc<Compare>,
    /// Distinguishes the ids of two tables on one page.
    #[prop_or(AttrValue::Static("series-table"))]
    pub id: AttrValue,
}

/// The lines as a table (a row per period, a column per series), mounted
/// only while open: the page's element budget.
#[function_component(SeriesTable)]
pub fn series_table(props: &SeriesTableProps) -> Html {
    let open = use_state(bool::default);
    let c = &props.compare;
    if c.lines.is_empty() {
        return html! {};
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let caption = match c.scale {
        Scale::Counts => "Releases per period, for each series",
        Scale::Share => "Share of releases per period, for each series",
    };
    let id = props.id.clone();
    html! {
        <>
        <button type="button" class="link-button" aria-expanded={open.to_string()}
            aria-controls={open.then(|| id.clone())} onclick={toggle}>
            { if *open { "Hide the lines' table" } else { "Show the lines as a table" } }
        </button>
        if *open {
            <div id={id} class="chart-table series-table" role="region" tabindex="0"
                aria-label={format!("{caption}, as a table")}>
                <table>
                    <caption>{ caption }</caption>
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
                </table>
            </div>
        }
        </>
    }
}
