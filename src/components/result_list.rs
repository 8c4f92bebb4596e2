use dateline_core::display::long_date;
use yew::prelude::*;

use super::ReleaseCard;
use crate::hooks::use_corpus;

/// Rows rendered at first, and added by "Show more".
const PAGE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// Document ids in result order.
    pub hits: Vec<u32>,
    pub terms: Vec<String>,
    /// Group under year and month headings (date orders only).
    pub grouped: bool,
}

/// The matching releases, under year and month headings when sorted by date.
#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let corpus = use_corpus();
    let shown = use_state(|| PAGE);
    {
        // A new result set starts again at one page.
        let shown = shown.clone();
        use_effect_with(props.hits.clone(), move |_| shown.set(PAGE));
    }
    if props.hits.is_empty() {
        return html! { <p class="empty">{ "No releases match. Remove a filter or try other words." }</p> };
    }
    let mut items = Vec::new();
    let mut last_group: Option<String> = None;
    for &doc in props.hits.iter().take(*shown) {
        let Some(r) = corpus.doc(doc) else { continue };
        if props.grouped {
            let group = r
                .date
                .as_deref()
                .map(|d| d.get(..7).unwrap_or(d).to_string())
                .unwrap_or_default();
            if last_group.as_deref() != Some(group.as_str()) {
                let year_changed =
                    last_group.as_deref().map(|g| g.get(..4)) != Some(group.get(..4));
                let label = if group.is_empty() {
                    "Undated".to_string()
                } else {
                    long_date(&group)
                };
                items.push(html! {
                    <li class="group-heading" key={format!("g-{group}")} aria-hidden="true">
                        if year_changed && !group.is_empty() { <span class="year">{ group.get(..4).unwrap_or_default().to_string() }</span> }
                        <span class="month">{ label }</span>
                    </li>
                });
                last_group = Some(group);
            }
        }
        items.push(html! {
            <li class="release-item" key={r.id.clone()}><ReleaseCard release={r.clone()} terms={props.terms.clone()} /></li>
        });
    }
    let more = props.hits.len().saturating_sub(*shown);
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE))
    };
    html! {
        <>
            <ol class="release-list" aria-label="Matching releases">{ for items }</ol>
            if more > 0 {
                <button type="button" class="more" onclick={show_more}>
                    { format!("Show {} more of {more}", PAGE.min(more)) }
                </button>
            }
        </>
    }
}
