//! Component tests in a real browser (headless Chromium and Firefox, see
//! scripts/test.sh): the list, the detail view and not-found, rendered from
//! the releases folder's records (tests/data/releases.json, kept current by a
//! core test), given whole or packed as the app downloads them.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use dateline_app::Corpus;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod common;
use common::render_with;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_TITLE: &str = "Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters";

const RECORDS: &str = include_str!("data/releases.json");

fn corpus() -> Rc<Corpus> {
    Rc::new(common::corpus_from_json(RECORDS).expect("the records decode"))
}

/// The same records as list records and a prebuilt index, as downloaded.
fn packed_corpus() -> Rc<Corpus> {
    let records: Vec<dateline_core::Release> = serde_json::from_str(RECORDS).unwrap();
    let packed = dateline_core::pack::pack(records);
    use dateline_core::pack::frame;
    let list =
        frame::unpack(&frame::LIST, &packed.lists[0].1).expect("the list's first piece is stored");
    let corpus = Corpus::from_pack(list, packed.index).expect("the packed files decode");
    // The facets' relations, as the app adds them once a view needs them.
    for (name, bytes) in packed.facets {
        let facet = dateline_core::query::Facet::from_file(&name).expect("a facet's file");
        let body = frame::unpack(&frame::FACETS, &bytes).expect("stored");
        corpus
            .add_facet(facet, body)
            .expect("a facet of this build");
    }
    Rc::new(corpus)
}

/// Flushes renders until `selector` matches (downloads are real), at most ~5 s.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        yew::scheduler::flush().await;
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
    }
    panic!("nothing matched {selector}: {}", root.inner_html());
}

async fn render(path: &str) -> Element {
    render_with(path, corpus()).await
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn seed_id() -> String {
    let corpus = corpus();
    let seed = (0..corpus.len() as u32)
        .filter_map(|d| corpus.doc(d))
        .find(|r| r.title == SEED_TITLE);
    seed.expect("the seed release is in the corpus").id
}

#[wasm_bindgen_test]
async fn list_shows_the_seed_with_date_and_place() {
    let root = render("/").await;
    let titles = texts(&root, ".release-list .release-title a");
    assert!(titles.iter().any(|t| t == SEED_TITLE), "titles: {titles:?}");
    let meta = texts(&root, ".release-list .release-meta").join(" | ");
    assert!(meta.contains("17 April 2019"), "meta: {meta}");
    assert!(meta.contains("Vienna"), "meta: {meta}");
    let time = root.query_selector(".release-list time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2019-04-17")
    );
}

#[wasm_bindgen_test]
async fn detail_shows_every_paragraph_verbatim() {
    let corpus = corpus();
    let id = seed_id();
    let seed = corpus.get(&id).unwrap();
    let root = render(&format!("/release/{id}")).await;
    assert_eq!(texts(&root, "h1"), vec![SEED_TITLE.to_string()]);
    let paragraphs = texts(&root, ".release-body p");
    assert_eq!(paragraphs, seed.body, "body paragraphs differ");
    assert!(
        paragraphs.len() >= 8,
        "only {} paragraphs",
        paragraphs.len()
    );
    assert!(paragraphs[0].starts_with("UNODC hosted a high-level delegation"));
}

#[wasm_bindgen_test]
async fn packed_corpus_lists_like_the_full_records() {
    let root = render_with("/", packed_corpus()).await;
    let titles = texts(&root, ".release-list .release-title a");
    assert!(titles.iter().any(|t| t == SEED_TITLE), "titles: {titles:?}");
    let meta = texts(&root, ".release-list .release-meta").join(" | ");
    assert!(
        meta.contains("17 April 2019") && meta.contains("Vienna"),
        "{meta}"
    );
    let chips = texts(&root, ".release-list .chips a");
    assert!(chips.iter().any(|c| c == "Iran"), "chips: {chips:?}");
}

#[wasm_bindgen_test]
async fn packed_detail_downloads_its_text_and_says_when_it_cannot() {
    // The test server has no data/ folder: the chunk download fails (404),
    // and the page says so under the title instead of showing nothing.
    let root = render_with(&format!("/release/{}", seed_id()), packed_corpus()).await;
    assert_eq!(texts(&root, "h1"), vec![SEED_TITLE.to_string()]);
    let status = texts(&root, "[role=status]").join(" ");
    assert!(status.contains("Loading the full text"), "{status}");
    let alert = wait_for(&root, "[role=alert]").await;
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("data/r/0.bin"), "{text}");
    assert!(text.contains("404"), "{text}");
}

#[wasm_bindgen_test]
async fn clicking_a_title_opens_its_detail() {
    let root = render("/").await;
    let link: HtmlElement = root
        .query_selector(".release-list .release-title a")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    link.click();
    yew::scheduler::flush().await;
    assert!(root.query_selector(".release-body p").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn unknown_release_id_renders_not_found() {
    let root = render("/release/no-such-release").await;
    assert_eq!(texts(&root, "h1"), vec!["Page not found".to_string()]);
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("no-such-release"), "{text}");
    assert!(root.query_selector(".release-body").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn unknown_path_renders_not_found() {
    let root = render("/no/such/page").await;
    assert_eq!(texts(&root, "h1"), vec!["Page not found".to_string()]);
}

#[wasm_bindgen_test]
async fn release_text_is_never_html() {
    let json = r#"[{"id":"x","source":"x.txt","title":"<script>alert(1)</script> Title","date":"2020-01-01","dateline":null,"body":["<b>bold</b> <img src=x onerror=alert(1)>"]}]"#;
    let corpus = Rc::new(common::corpus_from_json(json).expect("decodes"));
    let root = render_with("/release/x", corpus).await;
    assert_eq!(
        texts(&root, "h1"),
        vec!["<script>alert(1)</script> Title".to_string()]
    );
    assert_eq!(
        texts(&root, ".release-body p"),
        vec!["<b>bold</b> <img src=x onerror=alert(1)>".to_string()]
    );
    for tag in ["script", "b", "img"] {
        assert!(
            root.query_selector(tag).unwrap().is_none(),
            "<{tag}> was injected"
        );
    }
}

/// Resource entries of the page whose URL contains `part` (downloads made so far).
fn downloads_of(part: &str) -> usize {
    let performance = web_sys::window().unwrap().performance().unwrap();
    let entries = performance.get_entries_by_type("resource");
    (0..entries.length())
        .filter_map(|i| js_sys::Reflect::get(&entries.get(i), &"name".into()).ok())
        .filter_map(|name| name.as_string())
        .filter(|name| name.contains(part))
        .count()
}

#[wasm_bindgen_test]
fn chunk_files_exist_only_for_documents_of_the_corpus() {
    let corpus = packed_corpus();
    assert_eq!(corpus.chunk_file(0).as_deref(), Some("data/r/0.bin"));
    let last = corpus.len() as u32 - 1;
    assert!(corpus.chunk_file(last).is_some());
    assert_eq!(corpus.chunk_file(last + 1), None);
    assert_eq!(corpus.chunk_file(u32::MAX), None);
    assert!(corpus.add_chunk(u32::MAX, &[]).is_err());
}

#[wasm_bindgen_test]
async fn unknown_release_id_downloads_nothing() {
    let before = downloads_of("/data/r/");
    let root = render_with("/release/no-such-release", packed_corpus()).await;
    assert_eq!(texts(&root, "h1"), vec!["Page not found".to_string()]);
    let pause = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 300);
    });
    wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        downloads_of("/data/r/"),
        before,
        "a chunk file was requested"
    );
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
}

#[derive(yew::Properties, PartialEq)]
struct WithNoticeProps {
    corpus: Rc<Corpus>,
    failed: dateline_app::PieceFailed,
}

#[yew::function_component(WithNotice)]
fn with_notice(props: &WithNoticeProps) -> yew::Html {
    use dateline_app::components::Router;
    let history = dateline_app::history::History::memory("/");
    yew::html! {
        <Router {history}>
            <dateline_app::app::Shell corpus={props.corpus.clone()} piece_failed={Some(props.failed.clone())} />
        </Router>
    }
}

#[wasm_bindgen_test]
async fn pieces_that_cannot_be_used_are_reported_and_the_rest_works() {
    use dateline_app::Part;
    for (part, file, says) in [
        (Part::Positions, "data/p/0.bin", "contain all its words"),
        (Part::Postings, "data/t/0.bin", "may be incomplete"),
        (Part::Facets, "data/f/person.bin", "searching works"),
    ] {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let error = dateline_app::CorpusError::Unavailable {
            file: file.into(),
            reason: "the server answered 404 Not Found".into(),
        };
        let props = WithNoticeProps {
            corpus: packed_corpus(),
            failed: dateline_app::PieceFailed { part, error },
        };
        yew::Renderer::<WithNotice>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let alert = texts(&root, "main [role=alert]").join(" ");
        assert!(alert.contains(file), "{alert}");
        assert!(alert.contains("404 Not Found"), "{alert}");
        assert!(alert.contains(says), "{alert}");
        assert!(
            !texts(&root, ".release-list .release-title").is_empty(),
            "the timeline still shows"
        );
        root.remove();
    }
}

/// Cards of records without a lede (as a corpus of more than
/// `LEDE_LIMIT` releases lists them) have no snippet and shorter rows; many
/// chips end with a "+N" link named for what it leaves out.
#[wasm_bindgen_test]
async fn cards_fit_their_content() {
    let countries: Vec<String> = [
        ("CD", "Democratic Republic of the Congo"),
        ("CF", "Central African Republic"),
        ("KE", "Kenya"),
        ("UG", "Uganda"),
        ("RW", "Rwanda"),
    ]
    .iter()
    .map(|(c, n)| format!(r#"{{"code":"{c}","name":"{n}","mentions":1}}"#))
    .collect();
    let json = format!(
        r#"[{{"id":"with-lede","source":"a.txt","title":"With a lede","date":"2020-01-02","dateline":null,"body":["The lede."]}},
            {{"id":"no-lede","source":"b.txt","title":"Without one","date":"2020-01-01","dateline":null,"body":[],
              "countries":[{}],"topics":["climate-change","trafficking-in-persons"]}}]"#,
        countries.join(",")
    );
    let corpus = Rc::new(common::corpus_from_json(&json).expect("decodes"));
    // Both in January 2020: the month heading tops the first row only.
    let root = render_with("/", corpus).await;
    let item = |id: &str| {
        let link = format!(".release-item:has(.release-title a[href$='/release/{id}'])");
        root.query_selector(&link).unwrap().expect(id)
    };
    let (lede, bare) = (item("with-lede"), item("no-lede"));
    assert!(lede.query_selector(".snippet").unwrap().is_some());
    assert!(
        bare.query_selector(".snippet").unwrap().is_none(),
        "no empty lede"
    );
    let height = |e: &Element| e.get_attribute("style").unwrap_or_default();
    assert!(height(&lede).contains("height: 236px"), "{}", height(&lede));
    assert!(height(&bare).contains("height: 132px"), "{}", height(&bare));
    let chips = texts(&bare, ".chips a:not(.chip-more)");
    let more = bare
        .query_selector(".chips a.chip-more")
        .unwrap()
        .expect("a +N chip");
    let hidden = 7 - chips.len();
    assert!(hidden > 0, "{chips:?}");
    let name = more.query_selector(".visually-hidden").unwrap().unwrap();
    assert!(
        name.text_content()
            .unwrap()
            .starts_with(&format!("{}", hidden - 2)),
        "{:?} after {chips:?}",
        name.text_content()
    );
    assert_eq!(
        more.text_content().unwrap(),
        format!("+{hidden}{}", name.text_content().unwrap())
    );
    assert!(more
        .get_attribute("href")
        .unwrap()
        .ends_with("/release/no-lede"));
}
