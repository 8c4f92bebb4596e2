use dateline_core::query::Sort;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SortSelectProps {
    pub value: Sort,
    pub on_change: Callback<Sort>,
}

/// Newest, oldest or most relevant first.
pub fn sort_select(props: &SortSelectProps) -> Html {
    let onchange = props.on_change.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Sort::parse(&value).unwrap_or_default()
    });
    let option = |sort: Sort, label: &'static str| {
        html! { <option value={sort.as_str()} selected={props.value == sort}>{ label }</option> }
    };
    html! {
        <label class="sort">
            { "Sort by " }
            <select {onchange}>
                { option(Sort::Newest, "Newest first") }
                { option(Sort::Oldest, "Oldest first") }
                { option(Sort::Relevance, "Relevance") }
            </select>
        </label>
    }
}
