//! Component tests of the release detail view in a real browser (see
//! scripts/test.sh), over a hand-made corpus of realistic records.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use dateline_app::Corpus;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod common;
use common::render_with;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function fake_clipboard() {
  window.__copied = null;
  Object.defineProperty(navigator, 'clipboard', { configurable: true,
    value: { writeText: (t) => { window.__copied = t; return Promise.resolve(); } } });
}
export function no_clipboard() {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
}
export function copied() { return window.__copied; }
export function field_value(el) { return el.value; }
export function field_readonly(el) { return el.readOnly; }
export function selection_length(el) { return el.selectionEnd - el.selectionStart; }
")]
extern "C" {
    fn fake_clipboard();
    fn no_clipboard();
    fn copied() -> Option<String>;
    fn field_value(el: &Element) -> String;
    fn field_readonly(el: &Element) -> bool;
    fn selection_length(el: &Element) -> u32;
}

const IRAN: &str = "2019-04-17-islamic-republic-of-iran-and-unodc";
const IRAN_TITLE: &str =
    "Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons";
const TEHRAN: &str = "2020-11-02-iran-and-unodc-sign-a-framework";
const KABUL: &str = "2018-06-01-afghanistan-border-liaison-offices-open";
const GENEVA: &str = "2021-03-03-health-ministers-meet-in-geneva";

fn release(id: &str, title: &str, date: &str, raw: &str, city: &str, cc: &str) -> Value {
    json!({ "id": id, "source": format!("{id}.txt"), "title": title, "date": date,
            "dateline": { "raw": raw, "city": city, "country": cc }, "body": [] })
}

fn corpus() -> Rc<Corpus> {
    let mut iran = release(
        IRAN,
        IRAN_TITLE,
        "2019-04-17",
        "Vienna, Austria - 17 April 2019",
        "Vienna",
        "AT",
    );
    iran["body"] = json!([
        "UNODC hosted a high-level delegation from the Islamic Republic of Iran in Vienna from 29-31 January 2019.",
        "Bagherpour was not yet named. H.E. Ambassador Abbas Bagherpour, Director General at the Ministry of Foreign Affairs of the Islamic Republic of Iran, confirmed it. Bagherpour said iran would continue.",
        "Iranian experts met UNODC. Iran's position makes it a transit point for refugees from Afghanistan and Iraq.",
        "Ms. Loide Aryee, Chief at UNODC said, \"UNODC appreciates the exchange with the delegation.\"",
        "GLO.ACT is a four-year (2018-2022), €12 million joint initiative by the European Union (EU) and the United Nations Office on Drugs and Crime (UNODC) with IOM.",
        "This project is funded by the European Union."
    ]);
    iran["footer"] = json!(["For more information, please contact:", "Twitter: @glo_act"]);
    iran["countries"] = json!([
        { "code": "IR", "name": "Iran", "mentions": 5 }, { "code": "AT", "name": "Austria", "mentions": 1 },
        { "code": "AF", "name": "Afghanistan", "mentions": 1 }, { "code": "IQ", "name": "Iraq", "mentions": 1 }]);
    iran["organisations"] = json!([
        { "name": "United Nations Office on Drugs and Crime", "acronym": "UNODC" },
        { "name": "European Union", "acronym": "EU" },
        { "name": "International Organization for Migration", "acronym": "IOM" },
        { "name": "Ministry of Foreign Affairs of the Islamic Republic of Iran", "acronym": null }]);
    iran["people"] = json!([
        { "name": "Abbas Bagherpour", "role": "Director General of International Legal Affairs" },
        { "name": "Loide Aryee", "role": "Chief of Organized Crime and Illicit Trafficking Branch" }]);
    iran["quotes"] = json!([
        { "text": "We will continue the discussion to shape that framework.", "speaker": "Abbas Bagherpour" },
        { "text": "UNODC appreciates the exchange with the delegation.", "speaker": "Loide Aryee" },
        { "text": "A statement from the Union.", "speaker": "European Union" }]);
    iran["events"] =
        json!([{ "start": "2019-01-29", "end": "2019-01-31", "text": "29-31 January 2019" }]);
    iran["money"] = json!([{ "amount": 12000000, "currency": "EUR", "text": "€12 million" }]);
    iran["programmes"] = json!([{ "name": "GLO.ACT Asia and the Middle East", "acronym": "GLO.ACT", "start": "2018", "end": "2022" }]);
    iran["topics"] = json!(["trafficking-in-persons"]);
    iran["contacts"] = json!([
        { "kind": "twitter", "value": "@glo_act" }, { "kind": "email", "value": "unodc-press@un.org" },
        { "kind": "url", "value": "javascript:alert(1)" }]);

    let mut tehran = release(
        TEHRAN,
        "Iran and UNODC sign a framework",
        "2020-11-02",
        "Tehran (I.R.Iran), 2 November 2020 –",
        "Tehran",
        "IR",
    );
    tehran["body"] = json!(["Iran and UNODC signed the framework Abbas Bagherpour announced."]);
    tehran["countries"] = json!([{ "code": "IR", "name": "Iran", "mentions": 1 }]);
    tehran["organisations"] = json!([{ "name": null, "acronym": "UNODC" }]);
    tehran["people"] = json!([{ "name": "Abbas Bagherpour", "role": null }]);
    let mut kabul = release(
        KABUL,
        "Afghanistan border liaison offices open",
        "2018-06-01",
        "Kabul, 1 June 2018 -",
        "Kabul",
        "AF",
    );
    kabul["body"] = json!(["UNODC and the EU opened offices in Afghanistan."]);
    kabul["countries"] = json!([{ "code": "AF", "name": "Afghanistan", "mentions": 1 }]);
    kabul["organisations"] = json!([{ "name": "European Union", "acronym": "EU" }, { "name": null, "acronym": "UNODC" }]);
    let mut geneva = release(
        GENEVA,
        "Health ministers meet in Geneva",
        "2021-03-03",
        "Geneva, 3 March 2021:",
        "Geneva",
        "CH",
    );
    geneva["body"] = json!(["Switzerland hosted the World Health Organization."]);
    geneva["countries"] = json!([{ "code": "CH", "name": "Switzerland", "mentions": 1 }]);
    geneva["organisations"] = json!([{ "name": "World Health Organization", "acronym": "WHO" }]);
    let json = serde_json::to_string(&json!([iran, tehran, kabul, geneva])).unwrap();
    Rc::new(common::corpus_from_json(&json).expect("the test corpus decodes"))
}

async fn render(id: &str) -> Element {
    render_with(&format!("/release/{id}"), corpus()).await
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

/// (text, href) of the links under `el`.
fn links(el: &Element) -> Vec<(String, String)> {
    all(el, "a")
        .iter()
        .map(|a| {
            (
                a.text_content().unwrap_or_default(),
                a.get_attribute("href").unwrap_or_default(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[wasm_bindgen_test]
async fn fact_box_lists_the_record() {
    let root = render(IRAN).await;
    let dl = one(&root, "dl.fact-box");
    let terms = texts(&dl, "dt");
    let want = [
        "Date",
        "Dateline",
        "Event dates",
        "Programmes",
        "Budget",
        "Funded by",
        "Partner organisations",
        "Countries",
        "Contacts",
    ];
    assert_eq!(terms, want.map(String::from).to_vec());
    let dd = texts(&dl, "dt + dd");
    assert_eq!(dd[0], "17 April 2019");
    assert_eq!(
        one(&dl, "time").get_attribute("datetime").as_deref(),
        Some("2019-04-17")
    );
    assert_eq!(dd[1], "Vienna, Austria - 17 April 2019");
    assert_eq!(
        dd[2],
        "29-31 January 2019 (29 January 2019 – 31 January 2019)"
    );
    assert_eq!(
        dd[3],
        "GLO.ACT Asia and the Middle East (GLO.ACT), 2018 – 2022"
    );
    assert_eq!(dd[4], "€12 million (EUR 12,000,000)");
    let dds = all(&dl, "dd");
    assert_eq!(
        links(&dds[5]),
        pairs(&[("EU", "/organisation/eu")]),
        "only the EU funds"
    );
    let partners = links(&dds[6]);
    assert_eq!(partners.len(), 4, "{partners:?}");
    assert_eq!(partners[0], ("UNODC".into(), "/organisation/unodc".into()));
    assert!(
        dd[6].contains("UNODC (United Nations Office on Drugs and Crime)"),
        "{}",
        dd[6]
    );
    let countries = links(&dds[7]);
    assert_eq!(countries[0], ("Iran".into(), "/country/IR".into()));
    assert_eq!(countries.len(), 4);
    assert_eq!(
        links(&dds[8]),
        pairs(&[
            ("@glo_act", "https://twitter.com/glo_act"),
            ("unodc-press@un.org", "mailto:unodc-press@un.org")
        ])
    );
    assert!(
        dd[8].contains("javascript:alert(1)"),
        "kept as text: {}",
        dd[8]
    );
}

#[wasm_bindgen_test]
async fn body_links_countries_organisations_and_people() {
    let corpus = corpus();
    let root = render_with(&format!("/release/{IRAN}"), corpus.clone()).await;
    let paragraphs = all(&root, ".release-body p");
    let body: Vec<String> = paragraphs
        .iter()
        .map(|p| p.text_content().unwrap())
        .collect();
    assert_eq!(
        body,
        corpus.get(IRAN).unwrap().body,
        "paragraphs stay verbatim"
    );
    let unodc = ("UNODC", "/organisation/unodc");
    let person = "/person/abbas-bagherpour";
    let ministry = "Ministry of Foreign Affairs of the Islamic Republic of Iran";
    let ministry_href = "/organisation/ministry-of-foreign-affairs-of-the-islamic-republic-of-iran";
    assert_eq!(
        links(&paragraphs[0]),
        pairs(&[unodc, ("Islamic Republic of Iran", "/country/IR")])
    );
    // The surname alone counts only after the full name; lower-case "iran" is no mention;
    // the country inside the ministry's name is not linked on its own.
    assert_eq!(
        links(&paragraphs[1]),
        pairs(&[
            ("Abbas Bagherpour", person),
            (ministry, ministry_href),
            ("Bagherpour", person)
        ])
    );
    assert!(body[1].starts_with("Bagherpour was not yet named"));
    assert_eq!(
        links(&paragraphs[2]),
        pairs(&[
            ("Iranian", "/country/IR"),
            unodc,
            ("Iran", "/country/IR"),
            ("Afghanistan", "/country/AF"),
            ("Iraq", "/country/IQ")
        ])
    );
    assert_eq!(
        links(&paragraphs[4]),
        pairs(&[
            ("European Union", "/organisation/eu"),
            ("EU", "/organisation/eu"),
            (
                "United Nations Office on Drugs and Crime",
                "/organisation/unodc"
            ),
            unodc,
            ("IOM", "/organisation/iom")
        ])
    );
    assert!(
        root.query_selector(".release-body a a").unwrap().is_none(),
        "no nested links"
    );
    assert_eq!(
        texts(&root, ".release-footer p"),
        vec!["For more information, please contact:", "Twitter: @glo_act"]
    );
}

#[wasm_bindgen_test]
async fn a_mention_link_opens_the_entity_page() {
    let root = render(IRAN).await;
    let link: HtmlElement = one(&root, ".release-body a.mention-country")
        .dyn_into()
        .unwrap();
    link.click();
    yew::scheduler::flush().await;
    assert_eq!(texts(&root, "h1"), vec!["Iran".to_string()]);
}

#[wasm_bindgen_test]
async fn quotes_are_set_apart_with_speaker_and_role() {
    let root = render(IRAN).await;
    let figures = all(&root, "section.quotes figure");
    assert_eq!(figures.len(), 3);
    assert_eq!(
        texts(&root, "figure blockquote")[0],
        "We will continue the discussion to shape that framework."
    );
    let captions = texts(&root, "figure figcaption");
    assert_eq!(
        captions[0],
        "— Abbas Bagherpour, Director General of International Legal Affairs"
    );
    assert_eq!(
        captions[1],
        "— Loide Aryee, Chief of Organized Crime and Illicit Trafficking Branch"
    );
    assert_eq!(
        links(&figures[0]),
        pairs(&[("Abbas Bagherpour", "/person/abbas-bagherpour")])
    );
    assert_eq!(
        links(&figures[2]),
        pairs(&[("European Union", "/organisation/eu")])
    );
}

#[wasm_bindgen_test]
async fn related_and_neighbouring_releases() {
    let root = render(IRAN).await;
    let related = links(&one(&root, "section.related"));
    let mut hrefs: Vec<&str> = related.iter().map(|(_, h)| h.as_str()).collect();
    hrefs.sort();
    assert_eq!(
        hrefs,
        vec![format!("/release/{KABUL}"), format!("/release/{TEHRAN}")]
    );
    assert_eq!(
        links(&one(&root, ".neighbours .previous"))[0].1,
        format!("/release/{KABUL}")
    );
    assert_eq!(
        links(&one(&root, ".neighbours .next"))[0].1,
        format!("/release/{TEHRAN}")
    );

    let newest = render(GENEVA).await;
    assert!(newest
        .query_selector(".neighbours .next")
        .unwrap()
        .is_none());
    assert_eq!(
        links(&one(&newest, ".neighbours .previous"))[0].1,
        format!("/release/{TEHRAN}")
    );
    assert!(
        newest.query_selector("section.related").unwrap().is_none(),
        "shares nothing"
    );
}

#[wasm_bindgen_test]
async fn structure_is_accessible() {
    let root = render(IRAN).await;
    assert_eq!(texts(&root, "h1"), vec![IRAN_TITLE.to_string()]);
    let headings = texts(&root, "h2");
    for h in [
        "Key facts",
        "Full text",
        "Quotes",
        "Cite this release",
        "Related releases",
        "Previous and next",
    ] {
        assert!(headings.iter().any(|x| x == h), "{h} in {headings:?}");
    }
    for section in all(&root, "article section, article nav") {
        let id = section.get_attribute("aria-labelledby").expect("labelled");
        assert!(
            section
                .query_selector(&format!("h2#{id}"))
                .unwrap()
                .is_some(),
            "{id}"
        );
    }
    let permalink = one(&root, "a.permalink");
    assert_eq!(
        permalink.text_content().unwrap(),
        "Permalink to this release"
    );
    assert_eq!(
        permalink.get_attribute("href").unwrap(),
        format!("/release/{IRAN}")
    );
    assert_eq!(
        one(&root, "button.copy-citation")
            .get_attribute("type")
            .as_deref(),
        Some("button")
    );
}

#[wasm_bindgen_test]
async fn json_ld_describes_the_article() {
    let corpus = corpus();
    let root = render_with(&format!("/release/{IRAN}"), corpus.clone()).await;
    let document = web_sys::window().unwrap().document().unwrap();
    let head = document.query_selector("head").unwrap().unwrap();
    assert!(
        root.query_selector("script").unwrap().is_none(),
        "no script in the page body"
    );
    let script = all(&head, "script[type='application/ld+json']")
        .into_iter()
        .find(|s| {
            s.text_content()
                .unwrap()
                .contains(&format!("\"identifier\":\"{IRAN}\""))
        })
        .expect("JSON-LD in <head>");
    assert!(script.children().length() == 0, "text only");
    let ld: Value = serde_json::from_str(&script.text_content().unwrap()).expect("parses");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], IRAN_TITLE);
    assert_eq!(ld["datePublished"], "2019-04-17");
    assert_eq!(ld["dateline"], "Vienna, Austria - 17 April 2019");
    assert_eq!(
        ld["articleBody"],
        corpus.get(IRAN).unwrap().body.join("\n\n")
    );
    assert!(ld["url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/release/{IRAN}/")));
    let names: Vec<&str> = ld["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["name"].as_str())
        .collect();
    for n in [
        "United Nations Office on Drugs and Crime",
        "Abbas Bagherpour",
        "Iran",
    ] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    assert_eq!(ld["about"][0]["@type"], "Country");
}

/// The APA 7 reference of the Iran release, up to its URL.
fn apa_start() -> String {
    format!("United Nations Office on Drugs and Crime. (2019, April 17). {IRAN_TITLE} [Press release]. http")
}

#[wasm_bindgen_test]
async fn citation_is_apa_first_and_follows_the_style_picked() {
    let root = render(IRAN).await;
    let text = one(&root, ".citation-text").text_content().unwrap();
    assert!(text.starts_with(&apa_start()), "{text}");
    assert_eq!(
        one(&root, ".citation-text i").text_content().unwrap(),
        IRAN_TITLE,
        "APA sets the title in italics"
    );
    let select: web_sys::HtmlSelectElement = one(&root, "select#cite-style").dyn_into().unwrap();
    assert_eq!(
        one(&root, "label[for=cite-style]").text_content().unwrap(),
        "Citation style"
    );
    assert_eq!(select.value(), "apa");
    select.set_value("chicago");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let text = one(&root, ".citation-text").text_content().unwrap();
    assert!(
        text.starts_with(
            "United Nations Office on Drugs and Crime. 2019. \u{201C}Islamic Republic of Iran and UNODC to Increase Cooperation on Trafficking in Persons.\u{201D} Press release, April 17, 2019. http"
        ),
        "{text}"
    );
    assert!(text.ends_with(&format!("/release/{IRAN}/.")), "{text}");
    assert!(root.query_selector(".citation-text i").unwrap().is_none());
    let buttons = texts(&root, ".cite-files button");
    assert_eq!(buttons, vec!["Download BibTeX", "Download RIS"]);
}

/// `content` of the `<head>`'s meta tags named `name`.
fn head_meta(name: &str) -> Vec<String> {
    let document = web_sys::window().unwrap().document().unwrap();
    let head = document.query_selector("head").unwrap().unwrap();
    all(&head, &format!("meta[name={name}]"))
        .iter()
        .filter_map(|m| m.get_attribute("content"))
        .collect()
}

#[wasm_bindgen_test]
async fn citation_meta_tags_come_and_go_with_the_page() {
    // Earlier tests' pages stay mounted: count this page's tags only.
    let before = head_meta("citation_title").len();
    let root = render(IRAN).await;
    let titles = head_meta("citation_title");
    assert_eq!(titles.len(), before + 1);
    assert_eq!(titles.last().map(String::as_str), Some(IRAN_TITLE));
    assert_eq!(
        head_meta("citation_publication_date")
            .last()
            .map(String::as_str),
        Some("2019/04/17")
    );
    assert_eq!(
        head_meta("citation_author").last().map(String::as_str),
        Some("United Nations Office on Drugs and Crime")
    );
    assert!(head_meta("citation_public_url")
        .last()
        .is_some_and(|u| u.ends_with(&format!("/release/{IRAN}/"))));
    let back: HtmlElement = one(&root, "p.back a").dyn_into().unwrap();
    back.click();
    yew::scheduler::flush().await;
    assert_eq!(
        head_meta("citation_title").len(),
        before,
        "removed on leaving"
    );
}

#[wasm_bindgen_test]
async fn copy_citation_writes_to_the_clipboard_and_announces_it() {
    fake_clipboard();
    let root = render(IRAN).await;
    assert_eq!(one(&root, "[role=status]").text_content().unwrap(), "");
    let button: HtmlElement = one(&root, "button.copy-citation").dyn_into().unwrap();
    button.click();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    yew::scheduler::flush().await;
    let text = copied().expect("written to the clipboard");
    assert!(text.starts_with(&apa_start()), "{text}");
    assert!(text.ends_with(&format!("/release/{IRAN}/")), "{text}");
    let status = one(&root, "[role=status]");
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(status.text_content().unwrap(), "Citation copied");
    assert!(root.query_selector("textarea").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn without_a_clipboard_the_citation_is_shown_selected() {
    no_clipboard();
    let root = render(IRAN).await;
    let button: HtmlElement = one(&root, "button.copy-citation").dyn_into().unwrap();
    button.click();
    yew::scheduler::flush().await;
    let field = one(&root, "textarea");
    let value = field_value(&field);
    assert!(value.starts_with(&apa_start()), "{value}");
    assert!(field_readonly(&field));
    assert_eq!(
        selection_length(&field),
        value.encode_utf16().count() as u32,
        "all selected"
    );
    let document = web_sys::window().unwrap().document().unwrap();
    assert!(
        document.active_element().is_some_and(|a| a == field),
        "focused"
    );
}

#[wasm_bindgen_test]
async fn unknown_id_and_html_in_names() {
    let root = render("no-such-release").await;
    assert_eq!(texts(&root, "h1"), vec!["Page not found".to_string()]);
    assert!(root
        .query_selector(".release-body, .fact-box")
        .unwrap()
        .is_none());

    let json = r#"[{"id":"x","source":"x.txt","title":"<i>T</i>","date":null,"dateline":null,
        "body":["<b>Evil Org</b> met <img src=x onerror=alert(1)>."],
        "organisations":[{"name":"<b>Evil Org</b>","acronym":null}],
        "quotes":[{"text":"<script>alert(1)</script>","speaker":"<b>Evil Org</b>"}]}]"#;
    let root = render_with(
        "/release/x",
        Rc::new(common::corpus_from_json(json).unwrap()),
    )
    .await;
    assert_eq!(
        texts(&root, ".release-body p"),
        vec!["<b>Evil Org</b> met <img src=x onerror=alert(1)>."]
    );
    assert_eq!(
        links(&one(&root, ".release-body p"))[0].0,
        "<b>Evil Org</b>"
    );
    assert!(root
        .query_selector(
            "b, img, i:not(.cite-title), article script:not([type='application/ld+json'])"
        )
        .unwrap()
        .is_none());
    // The citation's italics hold the title as text.
    assert_eq!(texts(&root, "i.cite-title"), vec!["<i>T</i>"]);
    assert_eq!(
        texts(&root, "blockquote"),
        vec!["<script>alert(1)</script>"]
    );
}
