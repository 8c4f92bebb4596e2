//! Component tests of the timeline (home page) in a real browser: search with
//! highlight, facets (OR within, AND across), the histogram's date range, and
//! the URL as the state. The corpus is hand-made so that counts are known.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use dateline_app::history::History;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

mod common;

wasm_bindgen_test_configure!(run_in_browser);

/// Four releases: two in Iran (2019, 2020), one in Switzerland (Zürich),
/// one in Afghanistan and Iran (2021). Two mention 2018–2022, one a meeting
/// in April 2019.
const CORPUS: &str = r#"[
 {"id":"a","source":"a.txt","title":"Iran and UNODC meet on trafficking","date":"2019-04-17",
  "dateline":{"raw":"Vienna","city":"Vienna","country":"AT"},
  "body":["Officials from Iran met UNODC experts on human trafficking."],
  "countries":[{"code":"IR","name":"Iran","mentions":2}],
  "organisations":[{"name":"United Nations Office on Drugs and Crime","acronym":"UNODC"}],
  "people":[{"name":"Loide Aryee","role":"Chief, UNODC"}],
  "programmes":[{"name":"Global Action against Trafficking in Persons","acronym":"GLO.ACT","start":"2018","end":"2022"}],
  "topics":["trafficking-in-persons"],
  "events":[{"start":"2019-04-16","end":"2019-04-18","text":"16-18 April"},{"start":"2018","end":"2022","text":"2018-2022"}]},
 {"id":"b","source":"b.txt","title":"Border cooperation in Iran","date":"2020-06-02",
  "dateline":{"raw":"Tehran","city":"Tehran","country":"IR"},
  "body":["A workshop on border management took place."],
  "countries":[{"code":"IR","name":"Iran","mentions":1}],
  "topics":["organized-crime"]},
 {"id":"c","source":"c.txt","title":"Conference opens in Zürich","date":"2020-09-10",
  "dateline":{"raw":"Zürich","city":"Zürich","country":"CH"},
  "body":["Delegates gathered in Zürich for a conference on cybercrime."],
  "countries":[{"code":"CH","name":"Switzerland","mentions":1}],
  "topics":["cybercrime"]},
 {"id":"d","source":"d.txt","title":"Afghanistan and Iran sign drug control plan","date":"2021-01-05",
  "dateline":null,
  "body":["The plan covers drug trafficking routes."],
  "countries":[{"code":"AF","name":"Afghanistan","mentions":1},{"code":"IR","name":"Iran","mentions":1}],
  "organisations":[{"name":"United Nations Office on Drugs and Crime","acronym":"UNODC"}],
  "topics":["drugs","trafficking-in-persons"],
  "events":[{"start":"2018","end":"2022","text":"2018 to 2022"}]}
]"#;

/// Waits for the next animation frame.
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
}

struct Page {
    root: Element,
    history: History,
}

async fn open(path: &str) -> Page {
    let history = History::memory(path);
    let corpus = Rc::new(common::corpus_from_json(CORPUS).expect("test corpus decodes"));
    let root = common::mount(history.clone(), corpus).await;
    Page { root, history }
}

impl Page {
    fn titles(&self) -> Vec<String> {
        self.all(".release-list .release-title")
    }

    fn all(&self, selector: &str) -> Vec<String> {
        let nodes = self.root.query_selector_all(selector).unwrap();
        (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .map(|n| n.text_content().unwrap_or_default())
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
        let q = self.history.location().query;
        if q == "?" {
            String::new()
        } else {
            q
        }
    }

    fn count(&self) -> String {
        self.all(".result-count").join("")
    }

    async fn type_search(&self, text: &str) {
        let input: HtmlInputElement = self.el("#search-input");
        input.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        let event = Event::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&event).unwrap();
        // The search box runs the search in the task after the next frame
        // (keystrokes coalesce).
        next_frame().await;
        gloo_timers::future::TimeoutFuture::new(0).await;
        yew::scheduler::flush().await;
    }

    /// Input events as fast as keys queue up: no task runs between them.
    fn type_keys_at_once(&self, texts: &[&str]) {
        let input: HtmlInputElement = self.el("#search-input");
        for text in texts {
            input.set_value(text);
            let init = EventInit::new();
            init.set_bubbles(true);
            let event = Event::new_with_event_init_dict("input", &init).unwrap();
            input.dispatch_event(&event).unwrap();
        }
    }

    async fn click(&self, selector: &str) {
        self.el::<HtmlElement>(selector).click();
        yew::scheduler::flush().await;
    }
}

#[wasm_bindgen_test]
async fn queued_keystrokes_search_only_the_last_text() {
    let page = open("/").await;
    page.type_keys_at_once(&["z", "zu", "zur", "zuri"]);
    yew::scheduler::flush().await;
    // Nothing searched yet: the superseded texts never run.
    assert_eq!(page.query(), "");
    assert_eq!(page.titles().len(), 4);
    next_frame().await;
    // The typed text is painted, the search not yet run.
    assert_eq!(page.query(), "");
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
    assert_eq!(page.query(), "?q=zuri");
    assert_eq!(
        page.titles(),
        vec!["Conference opens in Zürich".to_string()]
    );
}

#[wasm_bindgen_test]
async fn search_prefix_is_diacritic_insensitive_and_highlighted() {
    let page = open("/").await;
    assert_eq!(page.titles().len(), 4);
    page.type_search("zuri").await;
    assert_eq!(
        page.titles(),
        vec!["Conference opens in Zürich".to_string()]
    );
    assert_eq!(page.all(".release-title mark"), vec!["Zürich".to_string()]);
    assert!(page.count().contains("1 of 4"), "{}", page.count());
    assert_eq!(page.query(), "?q=zuri");
}

#[wasm_bindgen_test]
async fn quoted_phrase_matches_only_the_phrase() {
    let page = open("/?q=%22drug%20trafficking%22").await;
    assert_eq!(
        page.titles(),
        vec!["Afghanistan and Iran sign drug control plan".to_string()]
    );
}

#[wasm_bindgen_test]
async fn facets_or_within_and_across() {
    let page = open("/").await;
    page.click("#facet-country-CH").await;
    assert_eq!(
        page.titles(),
        vec!["Conference opens in Zürich".to_string()]
    );
    assert_eq!(page.query(), "?country=CH");
    // OR within a facet: Switzerland or Afghanistan.
    page.click("#facet-country-AF").await;
    assert_eq!(page.titles().len(), 2, "{:?}", page.titles());
    // AND across facets: ... and about drugs.
    page.click("#facet-topic-drugs").await;
    assert_eq!(
        page.titles(),
        vec!["Afghanistan and Iran sign drug control plan".to_string()]
    );
    // Live counts: Switzerland still offered with the count it would add.
    let labels = page.all("fieldset.facet label").join(" | ");
    assert!(labels.contains("Iran (1)"), "{labels}");
    // Remove one filter, then clear all.
    page.click("button[aria-label='Remove Topic: Drugs']").await;
    assert_eq!(page.titles().len(), 2);
    let clear: HtmlElement = page
        .root
        .query_selector_all(".active-filters .link-button")
        .unwrap()
        .item(0)
        .unwrap()
        .dyn_into()
        .unwrap();
    clear.click();
    yew::scheduler::flush().await;
    assert_eq!(page.titles().len(), 4);
    assert_eq!(page.query(), "");
}

#[wasm_bindgen_test]
async fn histogram_bar_selects_its_year() {
    let page = open("/").await;
    let bars = page.root.query_selector_all(".histogram .bar").unwrap();
    assert_eq!(bars.length(), 3, "2019, 2020, 2021");
    page.click(".histogram .bar[aria-label^='2020']").await;
    assert_eq!(page.query(), "?from=2020&to=2020");
    assert_eq!(page.titles().len(), 2, "{:?}", page.titles());
    // Zoomed in: the bars are now the months of 2020.
    assert_eq!(
        page.root
            .query_selector_all(".histogram .bar")
            .unwrap()
            .length(),
        12
    );
}

#[wasm_bindgen_test]
async fn url_restores_the_view_and_bad_queries_fall_back() {
    let page = open("/?country=IR&sort=oldest&from=20x9&q=").await;
    assert_eq!(
        page.titles(),
        vec![
            "Iran and UNODC meet on trafficking".to_string(),
            "Border cooperation in Iran".to_string(),
            "Afghanistan and Iran sign drug control plan".to_string(),
        ]
    );
    let sort: web_sys::HtmlSelectElement = page.el(".sort select");
    assert_eq!(sort.value(), "oldest");
    let checked: HtmlInputElement = page.el("#facet-country-IR");
    assert!(checked.checked());
    let garbage = open("/?country=&sort=sideways&year=20x9,&from=2019-13").await;
    assert_eq!(garbage.titles().len(), 4);
}

#[wasm_bindgen_test]
async fn every_facet_filters_by_its_value() {
    for (selector, query, expected) in [
        ("#facet-year-2020", "?year=2020", 2),
        ("#facet-org-unodc", "?org=unodc", 2),
        ("#facet-person-loide-aryee", "?person=loide-aryee", 1),
        (
            "#facet-programme-global-action-against-trafficking-in-persons",
            "?programme=global-action-against-trafficking-in-persons",
            1,
        ),
        ("#facet-topic-cybercrime", "?topic=cybercrime", 1),
        ("#facet-country-AF", "?country=AF", 1),
    ] {
        let page = open("/").await;
        page.click(selector).await;
        assert_eq!(page.query(), query, "{selector}");
        assert_eq!(
            page.titles().len(),
            expected,
            "{selector}: {:?}",
            page.titles()
        );
    }
}

#[wasm_bindgen_test]
async fn entity_page_shows_releases_and_who_appears_with_it() {
    let page = open("/country/IR").await;
    assert_eq!(page.all("h1"), vec!["Iran".to_string()]);
    assert_eq!(page.titles().len(), 3);
    let with = page.all(".appears-with li").join(" | ");
    assert!(with.contains("Afghanistan (1)"), "{with}");
    assert!(with.contains("UNODC (2)"), "{with}");
    assert!(
        !with.contains("Iran ("),
        "an entity does not appear with itself: {with}"
    );
    let unknown = open("/organisation/no-such-org").await;
    assert_eq!(unknown.all("h1"), vec!["Page not found".to_string()]);
}

#[wasm_bindgen_test]
async fn events_lane_filters_to_the_releases_that_mention_an_event() {
    let page = open("/").await;
    let names = |page: &Page| {
        let nodes = page.root.query_selector_all(".events-lane .event").unwrap();
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
            .map(|e| e.get_attribute("aria-label").unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&page),
        [
            "2018 – 2022: 2 releases",
            "16 April 2019 – 18 April 2019: 1 release"
        ]
    );
    page.click(".events-lane .event").await;
    assert_eq!(
        page.titles(),
        [
            "Afghanistan and Iran sign drug control plan",
            "Iran and UNODC meet on trafficking"
        ]
    );
    assert_eq!(page.query(), "?event=2018%2F2022");
    assert!(page.count().contains("2 of 4"), "{}", page.count());
    let pressed: Element = page.el(".events-lane .event[aria-pressed='true']");
    assert_eq!(pressed.text_content().as_deref(), Some("2018 – 2022"));
    assert_eq!(page.all(".active-filters .removable").len(), 1);
    // Pressed again: all releases.
    page.click(".events-lane .event[aria-pressed='true']").await;
    assert_eq!(page.titles().len(), 4);
    assert_eq!(page.query(), "");
}

#[wasm_bindgen_test]
async fn the_chart_opens_as_a_table() {
    let page = open("/").await;
    assert!(page.root.query_selector("table").unwrap().is_none());
    let toggle: HtmlElement = page.el(".histogram button[aria-expanded]");
    assert_eq!(toggle.text_content().as_deref(), Some("Show as table"));
    toggle.click();
    yew::scheduler::flush().await;
    assert_eq!(page.all(".chart-table caption"), ["Releases per year"]);
    assert_eq!(page.all(".chart-table thead th"), ["Period", "Releases"]);
    assert_eq!(page.all(".chart-table tbody th"), ["2019", "2020", "2021"]);
    assert_eq!(page.all(".chart-table tbody td"), ["1", "2", "1"]);
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn the_events_lane_opens_as_a_table_that_picks_as_the_bars_do() {
    let page = open("/").await;
    let toggle: HtmlElement = page.el(".timeline > button[aria-expanded]");
    assert_eq!(
        toggle.text_content().as_deref(),
        Some("Show the events as a table")
    );
    assert!(page.root.query_selector(".events-table").unwrap().is_none());
    toggle.click();
    yew::scheduler::flush().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        toggle.get_attribute("aria-controls").as_deref(),
        Some("events-table")
    );
    let region: Element = page.el("#events-table");
    assert_eq!(region.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(
        page.all(".events-table caption"),
        ["Events and periods the releases in view mention"]
    );
    assert_eq!(
        page.all(".events-table thead th"),
        ["Event or period", "From", "To", "Releases", "Filter"]
    );
    let rows = |page: &Page| {
        let trs = page
            .root
            .query_selector_all(".events-table tbody tr")
            .unwrap();
        (0..trs.length())
            .filter_map(|i| trs.item(i)?.dyn_into::<Element>().ok())
            .map(|tr| {
                let cells = tr.query_selector_all("th, td").unwrap();
                let mut row: Vec<String> = (0..cells.length())
                    .filter_map(|i| cells.item(i)?.text_content())
                    .collect();
                let button = tr.query_selector("button").unwrap().unwrap();
                row.push(button.get_attribute("aria-label").unwrap_or_default());
                row.push(button.get_attribute("aria-pressed").unwrap_or_default());
                row.push(tr.class_name());
                row
            })
            .collect::<Vec<_>>()
    };
    // As the lane's bars: the events in time order with their releases, none selected.
    assert_eq!(
        rows(&page),
        [
            [
                "2018 – 2022",
                "2018",
                "2022",
                "2",
                "Show releases",
                "Show releases that mention 2018 – 2022",
                "false",
                ""
            ],
            [
                "16 April 2019 – 18 April 2019",
                "16 April 2019",
                "18 April 2019",
                "1",
                "Show releases",
                "Show releases that mention 16 April 2019 – 18 April 2019",
                "false",
                ""
            ]
        ]
    );

    // A row's button filters as the lane's bar does: the same URL, the same releases.
    page.click(".events-table tbody tr:nth-child(2) button")
        .await;
    let by_bar = open("/").await;
    by_bar.click(".events-lane .event:nth-child(2)").await;
    assert_eq!(page.query(), by_bar.query());
    assert_eq!(page.query(), "?event=2019-04-16%2F2019-04-18");
    assert_eq!(page.titles(), ["Iran and UNODC meet on trafficking"]);
    assert_eq!(page.titles(), by_bar.titles());
    // The table stays open; the picked row is marked, as its bar is pressed.
    let marked = rows(&page);
    let picked = marked
        .iter()
        .find(|r| r[0] == "16 April 2019 – 18 April 2019")
        .expect("the picked event stays in the table");
    assert_eq!(
        (picked[6].as_str(), picked[7].as_str()),
        ("true", "selected")
    );
    assert_eq!(
        marked.iter().filter(|r| r[6] == "true").count(),
        1,
        "{marked:?}"
    );
    let pressed: Element = page.el(".events-lane .event[aria-pressed='true']");
    assert_eq!(
        pressed.text_content().as_deref(),
        Some("16 April 2019 – 18 April 2019")
    );
    // Picked again from the table: all releases, as pressing its bar again.
    page.click(".events-table button[aria-pressed='true']")
        .await;
    assert_eq!(page.query(), "");
    assert_eq!(page.titles().len(), 4);
    assert!(page.all(".events-table tbody tr.selected").is_empty());
    // Closed, the table leaves the DOM.
    toggle.click();
    yew::scheduler::flush().await;
    assert!(page.root.query_selector(".events-table").unwrap().is_none());
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
}

thread_local! {
    /// The search box's host: `None` renders it again (its callback new, its
    /// value the same), `Some(text)` sets the text searched from elsewhere
    /// (back, a link).
    static HOST: std::cell::RefCell<Option<yew::Callback<Option<String>>>> = const { std::cell::RefCell::new(None) };
    /// Changes what the host's search callback carries besides the text (as
    /// the timeline's carries the rest of the filter: a facet ticked).
    static HOST_FACET: std::cell::RefCell<Option<yew::Callback<String>>> = const { std::cell::RefCell::new(None) };
}

/// The search box as the timeline holds it: its value is the text last
/// searched, and the page renders again when other things change.
#[yew::function_component(SearchHost)]
fn search_host() -> yew::Html {
    use yew::prelude::*;
    let searched = use_state(AttrValue::default);
    let renders = use_state(|| 0u32);
    let facet = use_state(String::new);
    let searched_with = use_state(String::new);
    {
        let facet = facet.clone();
        HOST_FACET.with(|host| {
            *host.borrow_mut() = Some(Callback::from(move |value: String| facet.set(value)));
        });
    }
    {
        let (renders, searched) = (renders.clone(), searched.clone());
        HOST.with(|host| {
            *host.borrow_mut() = Some(Callback::from(move |text: Option<String>| match text {
                Some(text) => searched.set(text.into()),
                None => renders.set(*renders + 1),
            }));
        });
    }
    let on_change = {
        let (searched, searched_with) = (searched.clone(), searched_with.clone());
        let facet = (*facet).clone();
        Callback::from(move |text: String| {
            searched.set(text.into());
            searched_with.set(facet.clone());
        })
    };
    html! {
        <>
            <dateline_app::components::SearchBox value={(*searched).clone()} {on_change} />
            <output>{ (*searched).clone() }</output>
            <output class="facet">{ (*searched_with).clone() }</output>
        </>
    }
}

#[wasm_bindgen_test]
async fn a_key_typed_before_its_search_survives_a_render_of_the_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<SearchHost>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let input: HtmlInputElement = root
        .query_selector("#search-input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let searched = || {
        root.query_selector("output")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let key = |text: &str| {
        input.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
    };
    let host = |text: Option<&str>| {
        HOST.with(|host| host.borrow().clone().unwrap().emit(text.map(str::to_owned)))
    };
    let search_runs = || async {
        next_frame().await;
        gloo_timers::future::TimeoutFuture::new(0).await;
        yew::scheduler::flush().await;
    };

    // A key, then the page renders before its search has run.
    key("zu");
    host(None);
    yew::scheduler::flush().await;
    assert_eq!(input.value(), "zu", "the key stays in the box");
    assert_eq!(searched(), "");
    search_runs().await;
    assert_eq!(searched(), "zu");

    // Keys typed while renders come in: each is kept, and the next key
    // is typed after it.
    key("zur");
    host(None);
    yew::scheduler::flush().await;
    key(&format!("{}i", input.value()));
    host(None);
    yew::scheduler::flush().await;
    search_runs().await;
    assert_eq!(searched(), "zuri");
    assert_eq!(input.value(), "zuri");

    // The text searched set from elsewhere, no key waiting: the box follows.
    host(Some("iran"));
    yew::scheduler::flush().await;
    assert_eq!(input.value(), "iran");
    host(None);
    yew::scheduler::flush().await;
    assert_eq!(input.value(), "iran");

    // A facet ticked between a key and its search: the search keeps it.
    key("iraq");
    HOST_FACET.with(|f| f.borrow().clone().unwrap().emit("country:iq".into()));
    yew::scheduler::flush().await;
    search_runs().await;
    assert_eq!(searched(), "iraq");
    let facet = root.query_selector("output.facet").unwrap().unwrap();
    assert_eq!(
        facet.text_content().as_deref(),
        Some("country:iq"),
        "the search is made with the page as it is when it runs"
    );
}
