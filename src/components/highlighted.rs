use dateline_core::query::highlight;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    /// Normalised query terms (`Results::terms`); none renders plain text.
    #[prop_or_default]
    pub terms: Vec<String>,
}

/// Text with the words that match the search in `<mark>`. Only text nodes are
/// created: release text never becomes HTML.
pub fn highlighted(props: &HighlightedProps) -> Html {
    if props.terms.is_empty() {
        return html! { { props.text.to_string() } };
    }
    let text = props.text.as_str();
    html! {
        { for highlight(text, &props.terms).into_iter().map(|(marked, range)| {
            let part = text.get(range).unwrap_or_default().to_string();
            if marked { html! { <mark>{ part }</mark> } } else { html! { { part } } }
        }) }
    }
}
