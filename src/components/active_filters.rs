use std::rc::Rc;

use dateline_core::query::{Facet, Filter};
use dateline_core::PartialDate;
use yew::prelude::*;

use crate::corpus::Corpus;

pub struct ActiveFiltersProps {
    /// Names the facet values.
    pub corpus: Rc<Corpus>,
    pub filter: Filter,
    pub on_change: Callback<Filter>,
}

/// Name of a facet as shown to readers.
pub fn facet_title(facet: Facet) -> &'static str {
    match facet {
        Facet::Year => "Year",
        Facet::Country => "Country",
        Facet::Organisation => "Organisation",
        Facet::Person => "Person",
        Facet::Programme => "Programme",
        Facet::Topic => "Topic",
    }
}

/// The filters in force, each removable, and "Clear all". A plain function,
/// not a component: the timeline renders it again on every change of the
/// filter (and its `on_change` is new each time) anyway.
pub fn active_filters(props: &ActiveFiltersProps) -> Html {
    let (corpus, filter) = (&props.corpus, &props.filter);
    let mut chips: Vec<(String, Filter)> = Vec::new();
    for facet in Facet::ALL {
        for key in filter.keys(facet) {
            let label = corpus
                .index()
                .value(facet, &key)
                .map(|v| v.label.to_string())
                .unwrap_or_else(|| key.clone());
            let mut next = filter.clone();
            next.toggle(facet, &key);
            chips.push((format!("{}: {label}", facet_title(facet)), next));
        }
    }
    if let Some(event) = filter.event {
        let next = Filter {
            event: None,
            ..filter.clone()
        };
        chips.push((format!("Event: {}", event.label()), next));
    }
    if filter.from.is_some() || filter.to.is_some() {
        let show = |d: Option<PartialDate>| d.map_or_else(|| "…".into(), PartialDate::long);
        let next = Filter {
            from: None,
            to: None,
            ..filter.clone()
        };
        chips.push((
            format!("Dates: {} – {}", show(filter.from), show(filter.to)),
            next,
        ));
    }
    if !filter.text.is_empty() {
        let next = Filter {
            text: String::new(),
            ..filter.clone()
        };
        chips.push((format!("Search: {}", filter.text), next));
    }
    if chips.is_empty() {
        return html! {};
    }
    let clear_all = {
        let on_change = props.on_change.clone();
        let mut next = filter.clone();
        next.clear_all();
        Callback::from(move |_| on_change.emit(next.clone()))
    };
    html! {
        <div class="active-filters" aria-label="Active filters" role="group">
            { for chips.into_iter().map(|(label, next)| {
                let on_change = props.on_change.clone();
                let onclick = Callback::from(move |_| on_change.emit(next.clone()));
                html! {
                    <button type="button" class="chip removable" aria-label={format!("Remove {label}")} {onclick}>
                        { label }<span aria-hidden="true">{ " ×" }</span>
                    </button>
                }
            }) }
            <button type="button" class="link-button" onclick={clear_all}>{ "Clear all filters" }</button>
        </div>
    }
}
