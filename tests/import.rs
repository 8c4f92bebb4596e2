//! Component tests of the import controls in a real browser: the progress
//! bar, Cancel and the problems list; the set switch; and a corpus made from
//! the data files an import produces, read locally rather than downloaded.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use dateline_app::components::{
    ImportStatusView, ImportStatusViewProps, SetSwitch, SetSwitchProps,
};
use dateline_app::fetch::Download;
use dateline_app::hooks::{ImportStatus, Outcome, Phase};
use dateline_app::Corpus;
use dateline_core::import::{DataFile, Problem, Set};
use dateline_core::pack;
use dateline_core::Release;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlSelectElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn render<C: BaseComponent>(props: C::Properties) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn problem(error: bool, text: &str) -> Problem {
    Problem {
        error,
        text: text.into(),
    }
}

#[wasm_bindgen_test]
async fn reading_shows_a_labelled_bar_a_live_sentence_and_a_working_cancel() {
    let cancelled = Rc::new(RefCell::new(0));
    let on_cancel = {
        let cancelled = cancelled.clone();
        Callback::from(move |()| *cancelled.borrow_mut() += 1)
    };
    let status = ImportStatus {
        phase: Phase::Reading { done: 3, total: 8 },
        ..ImportStatus::default()
    };
    let root = render::<ImportStatusView>(ImportStatusViewProps { status, on_cancel }).await;
    let bar = root
        .query_selector("progress[aria-label='Files read']")
        .unwrap()
        .unwrap();
    assert_eq!(bar.get_attribute("value").as_deref(), Some("3"));
    assert_eq!(bar.get_attribute("max").as_deref(), Some("8"));
    let status = root.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(status.text_content().unwrap(), "Reading files: 3 of 8…");
    let cancel = root.query_selector("button").unwrap().unwrap();
    assert_eq!(cancel.text_content().unwrap(), "Cancel import");
    cancel.unchecked_into::<HtmlElement>().click();
    assert_eq!(*cancelled.borrow(), 1);
}

#[wasm_bindgen_test]
async fn problems_are_listed_in_the_clis_form_and_a_failure_is_an_alert() {
    let status = ImportStatus {
        phase: Phase::Idle,
        outcome: Some(Outcome::Failed("Storage is full.".into())),
        problems: vec![
            problem(true, "a/bad.json:3: error: expected a JSON record"),
            problem(false, "a/photo.jpg: warning: not a release file"),
        ],
        problem_count: 5,
    };
    let root = render::<ImportStatusView>(ImportStatusViewProps {
        status,
        on_cancel: Callback::noop(),
    })
    .await;
    assert!(root.query_selector("progress").unwrap().is_none());
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert_eq!(alert.text_content().unwrap(), "Storage is full.");
    let summary = root.query_selector("details summary").unwrap().unwrap();
    assert_eq!(
        summary.text_content().unwrap(),
        "5 problems (the first 2 listed)"
    );
    let details = root.query_selector("details").unwrap().unwrap();
    assert!(details.has_attribute("open"), "errors open the list");
    let items = root.query_selector_all("details li").unwrap();
    assert_eq!(items.length(), 2);
    assert_eq!(
        items.item(0).unwrap().text_content().unwrap(),
        "a/bad.json:3: error: expected a JSON record"
    );
}

#[wasm_bindgen_test]
async fn the_set_switch_names_every_set_and_reports_the_choice() {
    let chosen = Rc::new(RefCell::new(None));
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |set: Set| *chosen.borrow_mut() = Some(set))
    };
    let root = render::<SetSwitch>(SetSwitchProps {
        value: Set::Mine,
        on_change,
        disabled: false,
    })
    .await;
    let label = root.query_selector("label").unwrap().unwrap();
    assert!(label.text_content().unwrap().starts_with("Releases shown"));
    let select: HtmlSelectElement = root
        .query_selector("select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.value(), "mine");
    let options: Vec<String> = (0..select.length())
        .filter_map(|i| select.item(i))
        .map(|o| o.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        options,
        ["This site's releases", "My releases", "Both, merged"]
    );
    select.set_value("both");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    assert_eq!(*chosen.borrow(), Some(Set::Both));
}

fn release(id: &str, date: &str, title: &str) -> Release {
    serde_json::from_value(serde_json::json!({
        "id": id, "source": format!("{id}.txt"), "title": title, "date": date,
        "body": [format!("{title}: the full text.")]
    }))
    .unwrap()
}

#[wasm_bindgen_test]
async fn a_corpus_from_imported_files_searches_and_reads_its_records_locally() {
    let releases: Vec<Release> = (0..70)
        .map(|n| {
            release(
                &format!("r{n}"),
                &format!("2020-01-{:02}", n % 28 + 1),
                &format!("Release {n} on wetlands"),
            )
        })
        .collect();
    let packed = pack::pack(releases);
    let mut files = vec![
        DataFile {
            path: "list.bin".into(),
            bytes: packed.list,
        },
        DataFile {
            path: "index.bin".into(),
            bytes: packed.index,
        },
        DataFile {
            path: "positions.bin".into(),
            bytes: packed.positions,
        },
    ];
    files.extend(
        packed
            .chunks
            .into_iter()
            .map(|(path, bytes)| DataFile { path, bytes }),
    );
    let corpus = Rc::new(Corpus::from_files(files).expect("the import's files decode"));
    assert_eq!(corpus.len(), 70);
    let filter = dateline_core::query::Filter::from_query("q=%22Release+12+on%22");
    assert_eq!(
        corpus.index().search(&filter).total,
        1,
        "phrases work: positions were added"
    );
    // Two chunk files; the second is read from the corpus, not the network
    // (there is no server for it here).
    let doc = 69;
    let file = corpus.chunk_file(doc).unwrap();
    assert_eq!(file, "data/r/1.bin");
    let bytes = Download::of(&corpus, &file)
        .bytes()
        .await
        .expect("read locally");
    corpus.add_chunk(doc, &bytes).unwrap();
    assert!(corpus
        .full(doc)
        .is_some_and(|r| r.body[0].ends_with("the full text.")));
    // A file is taken once: the corpus keeps the records, not the bytes.
    assert!(corpus.take_local(&file).is_none());
    let missing = Corpus::from_files(Vec::new()).unwrap_err();
    assert!(missing.to_string().contains("data/list.bin"), "{missing}");
}
