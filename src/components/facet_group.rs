use dateline_core::query::{Facet, FacetValue};
use yew::prelude::*;

/// How many values a facet shows before "Show all": the sidebar stays within
/// the page's element budget (two elements per value shown).
pub const COLLAPSED: usize = 5;

/// The most values a facet shows expanded: a broad search over a large
/// archive names tens of thousands of people, and the page stays bounded.
pub const EXPANDED: usize = dateline_core::query::LISTED_VALUES;

#[derive(Properties, PartialEq)]
pub struct FacetGroupProps {
    pub facet: Facet,
    pub title: AttrValue,
    pub values: Vec<FacetValue>,
    /// How many values the set has, listed or not (the home page of a
    /// large archive lists the most frequent until the facet's file is here).
    pub total: usize,
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

/// "Show all 32 years", or, when not every value can be listed, "Show the
/// top 256 of 128,153 people".
fn show_more(props: &FacetGroupProps) -> String {
    let listed = EXPANDED.min(props.values.len());
    let total = props.total.max(props.values.len());
    match listed < total {
        true => format!(
            "Show the top {listed} of {} {}",
            dateline_core::display::amount(total as f64),
            plural(props.facet)
        ),
        false => format!("Show all {total} {}", plural(props.facet)),
    }
}

/// One facet as a group of checkboxes with live counts (OR within the facet).
/// Each value is one label holding its checkbox and its text: two elements.
/// Its props compare cheaply, so a group whose counts did not change is not
/// rendered again (the home page passes a callback that never changes).
#[function_component(FacetGroup)]
pub fn facet_group(props: &FacetGroupProps) -> Html {
    let expanded = use_state(bool::default);
    if props.values.is_empty() {
        return html! {};
    }
    let shown = if *expanded {
        EXPANDED.min(props.values.len())
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
                    { if *expanded { "Show fewer".to_string() } else { show_more(props) } }
                </button>
            }
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(n: usize, total: usize) -> FacetGroupProps {
        let value = |i: usize| FacetValue {
            key: i.to_string().into(),
            label: i.to_string().into(),
            detail: None,
            count: 1,
            selected: false,
        };
        FacetGroupProps {
            facet: Facet::Person,
            title: "Person".into(),
            values: (0..n).map(value).collect(),
            total,
            on_toggle: Callback::noop(),
        }
    }

    #[test]
    fn the_button_says_how_many_values_it_shows() {
        assert_eq!(show_more(&props(32, 32)), "Show all 32 people");
        // A total below the list (an old link's selected key) is the list.
        assert_eq!(show_more(&props(32, 0)), "Show all 32 people");
        assert_eq!(
            show_more(&props(EXPANDED, 128_153)),
            format!("Show the top {EXPANDED} of 128,153 people")
        );
        assert_eq!(
            show_more(&props(EXPANDED + 5, EXPANDED + 5)),
            format!("Show the top {EXPANDED} of {} people", EXPANDED + 5)
        );
    }
}
