use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
    pub on_change: Callback<String>,
}

/// The full-text search field; results update as you type.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let oninput = props
        .on_change
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="search-input">{ "Search releases" }</label>
            <input
                id="search-input"
                type="search"
                value={props.value.clone()}
                {oninput}
                placeholder="Words, names or \"a phrase\""
                autocomplete="off"
                spellcheck="false"
            />
        </form>
    }
}
