//! The result list is windowed: at any corpus size only rows near the viewport
//! are in the DOM, each with its position in the whole set.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use dateline_app::Corpus;
use wasm_bindgen_test::*;
use web_sys::Element;

mod common;

wasm_bindgen_test_configure!(run_in_browser);

const RELEASES: usize = 3000;

fn corpus() -> Rc<Corpus> {
    let records: Vec<String> = (0..RELEASES)
        .map(|i| {
            let (y, m, d) = (1995 + i % 30, 1 + i % 12, 1 + i % 28);
            format!(
                r#"{{"id":"r{i}","source":"r{i}.txt","title":"Release number {i}","date":"{y}-{m:02}-{d:02}","dateline":null,"body":["Body of release {i}."]}}"#
            )
        })
        .collect();
    Rc::new(common::corpus_from_json(&format!("[{}]", records.join(","))).expect("decodes"))
}

fn rows(root: &Element) -> Vec<(usize, usize)> {
    let nodes = root
        .query_selector_all(".release-list .release-item")
        .unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
        .map(|e| {
            let attr = |name: &str| {
                e.get_attribute(name)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0)
            };
            (attr("aria-posinset"), attr("aria-setsize"))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn only_rows_near_the_viewport_are_mounted() {
    let window = web_sys::window().unwrap();
    let root = common::render_with("/", corpus()).await;

    let first = rows(&root);
    assert!(!first.is_empty());
    assert!(first.len() <= 60, "{} rows mounted", first.len());
    assert!(first.iter().all(|&(_, size)| size == RELEASES));
    assert_eq!(first.first().map(|r| r.0), Some(1));

    // Scroll to the middle of the list: the rows there are mounted, the first are not.
    let list = root.query_selector(".release-list").unwrap().unwrap();
    let top = list.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
    let middle = top + list.get_bounding_client_rect().height() / 2.0;
    window.scroll_to_with_x_and_y(0.0, middle);
    yew::platform::time::sleep(Duration::from_millis(100)).await;
    yew::scheduler::flush().await;
    let later = rows(&root);
    assert!(later.len() <= 60, "{} rows mounted", later.len());
    let positions: Vec<usize> = later.iter().map(|r| r.0).collect();
    assert!(
        positions
            .iter()
            .any(|&p| p > RELEASES / 3 && p < 2 * RELEASES / 3),
        "middle rows mounted: {positions:?}"
    );
    assert!(!positions.contains(&1), "the first row was unmounted");
}
