use dateline_core::display::period;
use dateline_core::{Contact, ContactKind, Money, Release};
use yew::prelude::*;

use crate::components::RouteLink;

use super::OrgLink;
use crate::route::country_route;

#[derive(Properties, PartialEq)]
pub struct FactBoxProps {
    pub release: Release,
    pub organisations: Vec<OrgLink>,
}

fn money(m: &Money) -> Html {
    html! { <>{ &m.text }{ format!(" ({} {})", m.currency, dateline_core::display::amount(m.amount)) }</> }
}

/// A contact as a link where it is one (only http(s), mail and phone links).
fn contact(c: &Contact) -> Html {
    let v = c.value.trim();
    let href = match c.kind {
        ContactKind::Email if v.contains('@') && !v.contains(':') => Some(format!("mailto:{v}")),
        ContactKind::Phone => Some(format!(
            "tel:{}",
            v.replace(|ch: char| ch != '+' && !ch.is_ascii_digit(), "")
        )),
        ContactKind::Twitter => Some(format!("https://twitter.com/{}", v.trim_start_matches('@'))),
        ContactKind::Url if v.starts_with("https://") || v.starts_with("http://") => {
            Some(v.to_string())
        }
        ContactKind::Url if v.starts_with("www.") => Some(format!("https://{v}")),
        _ => None,
    };
    match href {
        Some(href) => html! { <a {href}>{ v }</a> },
        None => html! { { v } },
    }
}

fn org_links<'a>(orgs: impl Iterator<Item = &'a OrgLink>) -> Html {
    html! {
        <ul>
            { for orgs.map(|o| html! {
                <li>
                    <RouteLink to={o.route()}>{ &o.label }</RouteLink>
                    if let (Some(name), Some(_)) = (&o.name, &o.acronym) { { format!(" ({name})") } }
                </li>
            }) }
        </ul>
    }
}

/// The facts of a release as a description list; empty fields are left out.
pub fn fact_box(props: &FactBoxProps) -> Html {
    let r = &props.release;
    let funders: Vec<&OrgLink> = props.organisations.iter().filter(|o| o.funder).collect();
    html! {
        <dl class="fact-box">
            if let Some(date) = &r.date {
                <dt>{ "Date" }</dt>
                <dd><time datetime={date.to_string()}>{ date.long() }</time></dd>
            }
            if let Some(d) = &r.dateline {
                <dt>{ "Dateline" }</dt>
                <dd>{ &d.raw }</dd>
            }
            if !r.events.is_empty() {
                <dt>{ "Event dates" }</dt>
                <dd><ul>{ for r.events.iter().map(|e| html! {
                    <li>
                        <time datetime={e.start.to_string()}>{ &e.text }</time>
                        if let Some(p) = period(Some(e.start), e.end) { { format!(" ({p})") } }
                    </li>
                }) }</ul></dd>
            }
            if !r.programmes.is_empty() {
                <dt>{ "Programmes" }</dt>
                <dd><ul>{ for r.programmes.iter().map(|p| html! {
                    <li>
                        { &p.name }
                        if let Some(a) = &p.acronym { { format!(" ({a})") } }
                        if let Some(when) = period(p.start, p.end) { { format!(", {when}") } }
                    </li>
                }) }</ul></dd>
            }
            if !r.money.is_empty() {
                <dt>{ "Budget" }</dt>
                <dd><ul>{ for r.money.iter().map(|m| html! { <li>{ money(m) }</li> }) }</ul></dd>
            }
            if !funders.is_empty() {
                <dt>{ "Funded by" }</dt>
                <dd>{ org_links(funders.into_iter()) }</dd>
            }
            if !props.organisations.is_empty() {
                <dt>{ "Partner organisations" }</dt>
                <dd>{ org_links(props.organisations.iter()) }</dd>
            }
            if !r.countries.is_empty() {
                <dt>{ "Countries" }</dt>
                <dd><ul>{ for r.countries.iter().map(|c| html! {
                    <li><RouteLink to={country_route(&c.code)}>{ &c.name }</RouteLink></li>
                }) }</ul></dd>
            }
            if !r.contacts.is_empty() {
                <dt>{ "Contacts" }</dt>
                <dd><ul>{ for r.contacts.iter().map(|c| html! { <li>{ contact(c) }</li> }) }</ul></dd>
            }
        </dl>
    }
}
