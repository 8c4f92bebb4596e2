//! Component tests of "Compare over time" in a real browser: series from the
//! URL drawn as one path each with a legend and a table, added and removed
//! through the labelled controls, counts and shares, a hostile URL capped,
//! and an entity page's small chart.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use dateline_app::history::History;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

mod common;

wasm_bindgen_test_configure!(run_in_browser);

/// Four releases, 2019 to 2021: smuggling in two, trafficking in three,
/// Iran in three and Afghanistan in one.
const CORPUS: &str = r#"[
 {"id":"a","source":"a.txt","title":"Iran and UNODC meet on trafficking","date":"2019-04-17",
  "body":["Officials from Iran met UNODC experts on human trafficking and migrant smuggling."],
  "countries":[{"code":"IR","name":"Iran","mentions":2}]},
 {"id":"b","source":"b.txt","title":"Border cooperation in Iran","date":"2020-06-02",
  "body":["A workshop on smuggling of migrants took place."],
  "countries":[{"code":"IR","name":"Iran","mentions":1}]},
 {"id":"c","source":"c.txt","title":"Conference opens in Zürich","date":"2020-09-10",
  "body":["Delegates gathered for a conference on trafficking in persons."],
  "countries":[{"code":"CH","name":"Switzerland","mentions":1}]},
 {"id":"d","source":"d.txt","title":"Afghanistan and Iran sign drug control plan","date":"2021-01-05",
  "body":["The plan covers drug trafficking routes."],
  "countries":[{"code":"AF","name":"Afghanistan","mentions":1},{"code":"IR","name":"Iran","mentions":1}]}
]"#;

struct Page {
    root: Element,
    history: History,
}

async fn open(path: &str, pairs: &[(&str, &str)]) -> Page {
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(v)))
        .collect();
    let history = History::memory(&format!("{path}?{}", query.join("&")));
    let corpus = Rc::new(common::corpus_from_json(CORPUS).expect("test corpus decodes"));
    let root = common::mount(history.clone(), corpus).await;
    Page { root, history }
}

impl Page {
    fn all(&self, selector: &str) -> Vec<String> {
        let nodes = self.root.query_selector_all(selector).unwrap();
        (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .map(|n| n.text_content().unwrap_or_default())
            .collect()
    }

    fn attrs(&self, selector: &str, name: &str) -> Vec<String> {
        let nodes = self.root.query_selector_all(selector).unwrap();
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
            .map(|e| e.get_attribute(name).unwrap_or_default())
            .collect()
    }

    fn el<T: JsCast>(&self, selector: &str) -> T {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .dyn_into::<T>()
            .unwrap()
    }

    fn query(&self) -> String {
        js_sys::decode_uri_component(&self.history.location().query)
            .map(String::from)
            .unwrap_or_default()
    }

    async fn click(&self, selector: &str) {
        self.el::<HtmlElement>(selector).click();
        yew::scheduler::flush().await;
    }

    async fn add(&self, typed: &str) {
        self.el::<HtmlInputElement>("#add-series").set_value(typed);
        self.click(".add-series button[type=submit]").await;
    }
}

#[wasm_bindgen_test]
async fn series_in_the_url_are_lines_with_a_legend_and_a_table() {
    let page = open("/", &[("series", "trafficking"), ("series", "country:IR")]).await;
    // One path per series over the bars, out of the accessibility tree.
    assert_eq!(
        page.attrs(".histogram .compare-lines path", "class"),
        ["s0", "s1"]
    );
    let hidden = page.attrs(".histogram .compare-lines", "aria-hidden");
    assert_eq!(hidden, ["true"]);
    assert_eq!(
        page.all(".series-legend li"),
        [
            "“trafficking”: 3 releases, most in 2019 (1)×",
            "Iran: 3 releases, most in 2019 (1)×"
        ]
    );
    assert_eq!(
        page.attrs(".series-legend button", "aria-label"),
        ["Remove “trafficking”", "Remove Iran"]
    );
    assert!(page.root.query_selector(".series-table").unwrap().is_none());
    page.click(".compare button[aria-expanded]").await;
    assert_eq!(
        page.all(".series-table thead th"),
        ["Period", "“trafficking”", "Iran"]
    );
    assert_eq!(page.all(".series-table tbody th"), ["2019", "2020", "2021"]);
    assert_eq!(
        page.all(".series-table tbody td"),
        ["1", "1", "1", "1", "1", "1"]
    );
}

#[wasm_bindgen_test]
async fn series_are_added_and_removed_with_the_controls_and_kept_in_the_url() {
    let page = open("/", &[]).await;
    assert!(page.all(".series-legend li").is_empty());
    page.add("smuggling").await;
    assert_eq!(page.query(), "?series=smuggling");
    // A name the archive knows is that entity.
    page.add("Afghanistan").await;
    assert_eq!(page.query(), "?series=smuggling&series=country:AF");
    assert_eq!(page.attrs(".compare-lines path", "class"), ["s0", "s1"]);
    // A duplicate or a malformed series says why, in an alert; the URL stays.
    page.add("smuggling").await;
    assert_eq!(
        page.all(".series-error"),
        ["That series is already compared."]
    );
    let input: Element = page.el("#add-series");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    page.add("country:XYZ").await;
    assert!(page.all("[role=alert]")[0].contains("not a country code"));
    assert_eq!(page.query(), "?series=smuggling&series=country:AF");
    page.click(".series-legend button[aria-label='Remove “smuggling”']")
        .await;
    assert_eq!(page.query(), "?series=country:AF");
    assert_eq!(page.all(".series-legend li").len(), 1);
}

#[wasm_bindgen_test]
async fn counts_or_shares_of_the_releases() {
    let page = open("/", &[("series", "smuggling")]).await;
    let checked = |page: &Page| page.attrs(".scale-toggle input:checked", "value");
    assert_eq!(checked(&page), ["counts"]);
    page.click(".scale-toggle input[value=share]").await;
    assert_eq!(page.query(), "?series=smuggling&scale=share");
    assert_eq!(checked(&page), ["share"]);
    page.click(".compare button[aria-expanded]").await;
    // 2019: 1 of 1; 2020: 1 of 2; 2021: 0 of 1.
    assert_eq!(page.all(".series-table tbody td"), ["100%", "50%", "0%"]);
    assert_eq!(page.all(".lines-top"), ["Lines: 0 to 100%"]);
    // Within a search: among the releases that mention Iran only.
    let page = open("/", &[("series", "smuggling"), ("country", "AF")]).await;
    assert_eq!(page.all(".series-legend li"), ["“smuggling”: 0 releases×"]);
}

#[wasm_bindgen_test]
async fn a_hostile_url_is_capped() {
    let many: Vec<(String, String)> = (0..1000)
        .map(|i| ("series".to_string(), format!("w{i}")))
        .chain([("series".to_string(), "x".repeat(100_000))])
        .collect();
    let pairs: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let page = open("/", &pairs).await;
    assert_eq!(page.all(".series-legend li").len(), 4);
    assert_eq!(page.attrs(".compare-lines path", "class").len(), 4);
    page.add("one more").await;
    assert!(page.all(".series-error")[0].starts_with("At most 4 series"));
}

#[wasm_bindgen_test]
async fn an_entity_page_has_a_small_chart_on_the_archive_axis() {
    let page = open("/country/AF", &[]).await;
    assert_eq!(page.all(".entity-chart h2"), ["Releases over time"]);
    assert_eq!(
        page.attrs(".entity-chart .compare-lines path", "class"),
        ["s0"]
    );
    // The archive's months (April 2019 to January 2021), not only Afghanistan's.
    let ticks = page.all(".entity-chart .ticks span");
    assert_eq!(ticks.first().map(String::as_str), Some("Apr 2019"));
    assert_eq!(ticks.last().map(String::as_str), Some("Jan 2021"));
    let summary = &page.all(".entity-chart p")[0];
    assert_eq!(summary, "Afghanistan: 1 release, most in January 2021 (1)");
    page.click(".entity-chart button[aria-expanded]").await;
    let cells = page.all("#entity-chart-table tbody td");
    assert_eq!(cells.len(), 22);
    assert_eq!(cells.iter().filter(|c| *c == "1").count(), 1);
    assert_eq!(cells.last().map(String::as_str), Some("1"));
    let link: Element = page.el(".entity-chart a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/?series=country%3AAF")
    );
}
