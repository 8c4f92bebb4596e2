use dateline_core::Release;
use yew::prelude::*;

use crate::components::RouteLink;

use super::EntityLinks;
use crate::route::person_route;

#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    pub release: Release,
    pub links: EntityLinks,
}

/// The quotations of a release, each set apart with its speaker and the
/// speaker's role.
pub fn quotes(props: &QuotesProps) -> Html {
    let r = &props.release;
    if r.quotes.is_empty() {
        return html! {};
    }
    let speaker = |name: &str| -> Html {
        if let Some(p) = r.people.iter().find(|p| p.name == name) {
            return html! {
                <>
                    <RouteLink to={person_route(&p.name)} classes="speaker">{ &p.name }</RouteLink>
                    if let Some(role) = &p.role {
                        { ", " }<span class="role">{ role }</span>
                    }
                </>
            };
        }
        match props.links.organisation(name) {
            Some(o) => {
                html! { <RouteLink to={o.route()} classes="speaker">{ name }</RouteLink> }
            }
            None => html! { <span class="speaker">{ name }</span> },
        }
    };
    html! {
        <section class="quotes" aria-labelledby="quotes-heading">
            <h2 id="quotes-heading">{ "Quotes" }</h2>
            { for r.quotes.iter().map(|q| html! {
                <figure class="quote">
                    <blockquote><p>{ &q.text }</p></blockquote>
                    <figcaption>
                        { "— " }
                        { q.speaker.as_deref().map_or_else(|| html! { "Unnamed speaker" }, speaker) }
                    </figcaption>
                </figure>
            }) }
        </section>
    }
}
