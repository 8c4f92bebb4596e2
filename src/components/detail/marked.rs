use yew::prelude::*;
use yew_router::prelude::*;

use super::Mark;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct MarkedParagraphProps {
    pub text: AttrValue,
    /// Non-overlapping, in text order.
    #[prop_or_default]
    pub marks: Vec<Mark>,
}

/// One paragraph, verbatim, with its mentions linked to entity pages. Only
/// text nodes and links are created: release text never becomes HTML.
#[function_component(MarkedParagraph)]
pub fn marked_paragraph(props: &MarkedParagraphProps) -> Html {
    let text = props.text.as_str();
    let mut parts: Vec<Html> = Vec::new();
    let mut at = 0;
    for m in &props.marks {
        let (Some(before), Some(name)) = (text.get(at..m.start), text.get(m.start..m.end)) else {
            continue;
        };
        if !before.is_empty() {
            parts.push(html! { { before.to_string() } });
        }
        let classes = classes!("mention", format!("mention-{}", m.kind));
        parts.push(html! {
            <Link<Route> to={m.target.clone()} {classes}>{ name.to_string() }</Link<Route>>
        });
        at = m.end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        parts.push(html! { { rest.to_string() } });
    }
    html! { <p>{ for parts }</p> }
}
