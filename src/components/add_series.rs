use dateline_core::query::{Filter, Series, MAX_SERIES, MAX_SERIES_CHARS};
use yew::prelude::*;

use crate::hooks::use_corpus;

#[derive(Properties, PartialEq)]
pub struct AddSeriesProps {
    /// The series compared so far (a duplicate or a fifth is refused here).
    pub series: Vec<Series>,
    pub on_add: Callback<Series>,
}

/// The labelled field "Add a series": a word or phrase, or a country,
/// organisation or person by name. A series that cannot be added says why,
/// in an alert tied to the field.
#[function_component(AddSeries)]
pub fn add_series(props: &AddSeriesProps) -> Html {
    let corpus = use_corpus();
    let input = use_node_ref();
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (input, error) = (input.clone(), error.clone());
        let (current, on_add) = (props.series.clone(), props.on_add.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(field) = input.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let added = Series::from_typed(corpus.index(), &field.value()).and_then(|s| {
                // The filter's own rule: no duplicate, at most four.
                let mut f = Filter {
                    series: current.clone(),
                    ..Filter::default()
                };
                f.add_series(s.clone()).map(|_| s)
            });
            match added {
                Ok(series) => {
                    field.set_value("");
                    error.set(None);
                    on_add.emit(series);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        })
    };
    let describedby = match *error {
        Some(_) => "add-series-hint add-series-error",
        None => "add-series-hint",
    };
    html! {
        <form class="add-series" {onsubmit}>
            <label for="add-series">{ "Add a series" }</label>
            <input id="add-series" type="text" ref={input} autocomplete="off"
                maxlength={MAX_SERIES_CHARS.to_string()} aria-describedby={describedby}
                aria-invalid={error.is_some().then_some("true")} />
            <button type="submit">{ "Add" }</button>
            <p id="add-series-hint" class="hint">
                { format!("A word or phrase, or a country, organisation or person by name (Iran, UNODC); up to {MAX_SERIES}.") }
            </p>
            if let Some(message) = &*error {
                <p id="add-series-error" class="series-error" role="alert">{ message.clone() }</p>
            }
        </form>
    }
}
