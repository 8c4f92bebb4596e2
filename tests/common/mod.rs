//! The browser tests' harness: the app's shell and routes over an in-memory
//! history, mounted in a fresh element of the test page.

// Each test file is its own crate and uses only part of this module.
#![allow(dead_code)]

use std::rc::Rc;

use dateline_app::app::Shell;
use dateline_app::components::Router;
use dateline_app::history::History;
use dateline_app::Corpus;
use web_sys::Element;
use yew::prelude::*;

/// A corpus of full records written as `dateline ingest --json` prints them.
pub fn corpus_from_json(json: &str) -> Result<Corpus, serde_json::Error> {
    serde_json::from_str(json).map(Corpus::new)
}

#[derive(Properties, PartialEq)]
pub struct HarnessProps {
    pub history: History,
    pub corpus: Rc<Corpus>,
}

#[function_component(Harness)]
pub fn harness(props: &HarnessProps) -> Html {
    html! {
        <Router history={props.history.clone()}>
            <Shell corpus={props.corpus.clone()} />
        </Router>
    }
}

/// Renders the app over `history` (so a test can read where it went).
pub async fn mount(history: History, corpus: Rc<Corpus>) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = HarnessProps { history, corpus };
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

/// Renders the app at `path`.
pub async fn render_with(path: &str, corpus: Rc<Corpus>) -> Element {
    mount(History::memory(path), corpus).await
}
