use yew::prelude::*;

use crate::components::RouteLink;

use dateline_core::mentions::Mark;
use dateline_core::query::Facet;

use crate::route::{entity_route, EntityKind};

/// The class naming a mention's kind of entity.
fn kind_class(facet: Facet) -> &'static str {
    match facet {
        Facet::Country => "mention-country",
        Facet::Organisation => "mention-organisation",
        Facet::Person => "mention-person",
        _ => "mention-other",
    }
}

#[derive(Properties, PartialEq)]
pub struct MarkedParagraphProps {
    pub text: AttrValue,
    /// Non-overlapping, in text order.
    #[prop_or_default]
    pub marks: Vec<Mark>,
}

/// One paragraph, verbatim, with its mentions linked to entity pages. Only
/// text nodes and links are created: release text never becomes HTML.
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
        let classes = classes!("mention", kind_class(m.facet));
        match EntityKind::of(m.facet) {
            Some(kind) => parts.push(html! {
                <RouteLink to={entity_route(kind, &m.key)} {classes}>{ name.to_string() }</RouteLink>
            }),
            None => parts.push(html! { { name.to_string() } }),
        }
        at = m.end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        parts.push(html! { { rest.to_string() } });
    }
    html! { <p>{ for parts }</p> }
}
