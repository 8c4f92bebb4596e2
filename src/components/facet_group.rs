use dateline_core::query::{Facet, FacetValue};
use yew::prelude::*;

/// How many values a facet shows before "Show all": the sidebar stays within
/// the page's element budget (two elements per value shown).
pub const COLLAPSED: usize = 5;

#[derive(Properties, PartialEq)]
pub struct FacetGroupProps {
    pub facet: Facet,
    pub title: AttrValue,
    pub values: Vec<FacetValue>,
    pub on_toggle: Callback<(Facet, String)>,
}

/// The plural of a facet's values, for "Show all 32 years".
fn plural(facet: Facet) -> &'static str {
    match facet {
        Facet::Year => "years",
        Facet::Country => "countries",
        Facet::Organisation => "organisations",
        Facet::Person => "people",
        Facet::Programme => "programmes",
        Facet::Topic => "topics",
    }
}

/// One facet as a group of checkboxes with live counts (OR within the facet).
/// Each value is one label holding its checkbox and its text: two elements.
/// Its props compare cheaply, so a group whose counts did not change is not
/// rendered again (the home page passes a callback that never changes).
#[function_component(FacetGroup)]
pub fn facet_group(props: &FacetGroupProps) -> Html {
    let expanded = use_state(|| false);
    if props.values.is_empty() {
        return html! {};
    }
    let shown = if *expanded {
        props.values.len()
    } else {
        COLLAPSED.min(props.values.len())
    };
    let param = props.facet.param();
    let toggle_all = {
        let expanded = expanded.clone();
        Callback::from(move |_| expanded.set(!*expanded))
    };
    html! {
        <fieldset class="facet">
            <legend>{ props.title.clone() }</legend>
            { for props.values.iter().take(shown).map(|v| {
                let key = v.key.to_string();
                let facet = props.facet;
                let onchange = props.on_toggle.reform(move |_| (facet, key.clone()));
                html! {
                    <label key={v.key.to_string()} title={v.detail.as_ref().map(|d| d.to_string())}>
                        <input type="checkbox" id={format!("facet-{param}-{}", v.key)} checked={v.selected} {onchange} />
                        { format!("{} ({})", v.label, v.count) }
                    </label>
                }
            }) }
            if props.values.len() > COLLAPSED {
                <button type="button" class="link-button" aria-expanded={expanded.to_string()} onclick={toggle_all}>
                    { if *expanded { "Show fewer".to_string() } else { format!("Show all {} {}", props.values.len(), plural(props.facet)) } }
                </button>
            }
        </fieldset>
    }
}
