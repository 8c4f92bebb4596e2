use dateline_core::Release;
use serde_json::{json, Value};
use yew::prelude::*;

/// schema.org NewsArticle of a release published at `url`.
pub fn json_ld(r: &Release, url: &str) -> Value {
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "identifier": r.id,
        "headline": r.title,
        "articleBody": r.body.join("\n\n"),
        "url": url,
        "mainEntityOfPage": url,
    });
    if let Some(date) = &r.date {
        article["datePublished"] = json!(date);
    }
    if let Some(d) = &r.dateline {
        article["dateline"] = json!(d.raw);
        if let Some(city) = &d.city {
            article["contentLocation"] = json!({ "@type": "Place", "name": city });
        }
    }
    let places: Vec<Value> = r
        .countries
        .iter()
        .map(|c| json!({ "@type": "Country", "name": c.name, "identifier": c.code }))
        .collect();
    let mut mentions: Vec<Value> = r
        .organisations
        .iter()
        .filter(|o| o.name.is_some() || o.acronym.is_some())
        .map(|o| {
            let mut org =
                json!({ "@type": "Organization", "name": o.name.as_deref().unwrap_or(o.label()) });
            if let (Some(acronym), Some(_)) = (&o.acronym, &o.name) {
                org["alternateName"] = json!(acronym);
            }
            org
        })
        .collect();
    mentions.extend(r.people.iter().map(|p| {
        let mut person = json!({ "@type": "Person", "name": p.name });
        if let Some(role) = &p.role {
            person["jobTitle"] = json!(role);
        }
        person
    }));
    article["about"] = Value::Array(places.clone());
    mentions.extend(places);
    article["mentions"] = Value::Array(mentions);
    if !r.topics.is_empty() {
        article["keywords"] = json!(r.topics);
    }
    article
}

#[derive(Properties, PartialEq)]
pub struct JsonLdProps {
    pub release: Release,
    pub url: AttrValue,
}

/// The article's structured data, as the text of a JSON-LD script element
/// (a text node: never parsed as HTML), placed in the document's `<head>`
/// for as long as the page is shown.
///
/// The element is made and removed by hand rather than with
/// `create_portal`: yew 0.23 never releases a portal's event subtree (its
/// `BSubtree::create_subroot` installs capture listeners on the host,
/// `<head>` here, that are `forget()`-ed and hold the subtree, whose
/// `mount_element` is this component's parent `<article>`), so every release
/// page shown left its whole detached DOM behind.
#[function_component(JsonLd)]
pub fn json_ld_script(props: &JsonLdProps) -> Html {
    let text = serde_json::to_string(&json_ld(&props.release, &props.url)).unwrap_or_default();
    use_effect_with(text, |text| {
        let script = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            let head = d.query_selector("head").ok().flatten()?;
            let script = d.create_element("script").ok()?;
            script.set_attribute("type", "application/ld+json").ok()?;
            script.set_text_content(Some(text));
            head.append_child(&script).ok()?;
            Some(script)
        });
        move || {
            if let Some(script) = script {
                script.remove();
            }
        }
    });
    Html::default()
}
