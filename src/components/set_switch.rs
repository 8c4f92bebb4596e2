use dateline_core::import::Set;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// (`Properties`: the component tests render the switch alone, in a component.)
#[derive(Properties, PartialEq)]
pub struct SetSwitchProps {
    pub value: Set,
    pub on_change: Callback<Set>,
    /// While an import or a set is on its way.
    #[prop_or_default]
    pub disabled: bool,
}

/// Which releases the explorer shows: this site's, mine (imported on this
/// device) or both merged. In the header, so every page says which it is.
/// A plain function, not a component (one fewer in the wasm): the import
/// controls render it.
pub fn set_switch(props: &SetSwitchProps) -> Html {
    let onchange = props.on_change.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Set::from_key(&value).unwrap_or_default()
    });
    html! {
        <label class="set-switch">
            { "Releases shown " }
            <select {onchange} disabled={props.disabled}>
                { for Set::ALL.into_iter().map(|set| html! {
                    <option value={set.key()} selected={props.value == set}>{ set.label() }</option>
                }) }
            </select>
        </label>
    }
}
