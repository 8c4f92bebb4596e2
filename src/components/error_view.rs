use yew::prelude::*;

use crate::corpus::CorpusError;

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub error: CorpusError,
}

/// A typed error shown to the reader instead of a blank page.
#[function_component(ErrorView)]
pub fn error_view(props: &ErrorViewProps) -> Html {
    html! {
        <main id="main" class="error-view">
            <h1>{ "Dateline could not start" }</h1>
            <p role="alert">{ props.error.to_string() }</p>
        </main>
    }
}
