//! Start in the browser: download and decode the corpus, then mount the app,
//! or take over (hydrate) the page that the build pre-rendered for this
//! address, keeping its DOM.

use std::rc::Rc;

use dateline_core::import::{FromWorker, Set, ToWorker};
use dateline_core::pack::{frame, ListPiece};
use dateline_core::page::PAGE_MARK;
use dateline_core::query::Facet;
use web_sys::{Document, Element};
use yew::platform::spawn_local;

use crate::app::{App, AppProps, SiteUrl, ViewportWidth, PHONE_WIDTH};
use crate::components::keep_typed_before_start;
use crate::corpus::{Corpus, CorpusError, Lookup};
use crate::fetch::{add_facets, add_list_pieces, facet_downloads, list_downloads, mark, Download};
use crate::history::{base_url, History};
use crate::hooks::document_base;
use crate::pages::RELATED;
use crate::route::Route;
use crate::worker;

/// The attribute of the app's root that names the route a pre-rendered page
/// shows (`/release/a/`); absent in the plain shell (index.html, 404.html).
pub const PRERENDERED_ROUTE: &str = "data-route";
/// The attribute of a pre-rendered page's root that names the data it was
/// rendered from (`pack::data_mark`).
pub const DATA_MARK: &str = "data-build";

/// Pieces of the list that a release page's address may download before
/// the app mounts (the releases of its date, side by side).
const START_LIST_PIECES: usize = 4;

/// Mounts the app on `<div id="app">` once the corpus is loaded.
pub fn start() {
    spawn_local(boot());
}

/// The first piece of the list records and the prebuilt index, downloaded
/// side by side, then decoded (no indexing in the browser).
/// Also the data's mark (`pack::data_mark`).
async fn load(list: Download, index: Download) -> Result<(Rc<Corpus>, String), CorpusError> {
    let file = list.file().to_string();
    let (list, index) = (list.bytes().await?, index.bytes().await?);
    mark("dateline-fetched");
    let data_mark = dateline_core::pack::data_mark(&list, &index);
    let list = dateline_browser::unpack(&frame::LIST, &list)
        .await
        .map_err(|e| CorpusError::Decode {
            file,
            offset: e.offset,
            expected: e.expected,
        })?;
    let corpus = Corpus::from_pack(list, index)?;
    mark("dateline-decoded");
    Ok((Rc::new(corpus), data_mark))
}

/// The route at a path of the page's address, under the router's basename.
fn route_at(path: &str, basename: Option<&str>) -> Route {
    let path = basename.and_then(|b| path.strip_prefix(b)).unwrap_or(path);
    Route::recognize(if path.is_empty() { "/" } else { path })
}

async fn boot() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(root) = document
        .get_element_by_id("app")
        .or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    let basename = base_url();
    let location = window.location();
    let here = route_at(
        &location.pathname().unwrap_or_default(),
        basename.as_deref(),
    );
    let prerendered = root.get_attribute(PRERENDERED_ROUTE);
    let (list, index) = (
        Download::start(&Corpus::list_piece_file(ListPiece::FIRST)),
        Download::start("data/index.bin"),
    );
    // A pre-rendered page other than the home page shows what the facets'
    // relations say, and is taken over once they are here: they download
    // beside the first files rather than after them.
    let early_facets: Vec<(Facet, Download)> = match &prerendered {
        Some(_) if here != Route::Home => Facet::ALL
            .into_iter()
            .map(|f| (f, Download::start(&Corpus::facet_file(f))))
            .collect(),
        _ => Vec::new(),
    };
    // Releases kept on this device, when they were shown last: the worker
    // reads them while this site's data downloads.
    let kept = match worker::stored_set() {
        Set::Site => None,
        set => open_kept(set).await,
    };
    let (corpus, data_mark) = match load(list, index).await {
        Ok(loaded) => loaded,
        Err(error) if prerendered.is_some() => return keep_page_with(&document, &error),
        Err(error) => return show_start_error(&document, &root, &error),
    };
    // Every pre-rendered page but the home page (whose counts are the whole
    // corpus's, in index.bin) shows what the facets' relations say: they
    // come before the first render, and before anything read from them (a
    // release's related releases, whose list records it then needs).
    let mut whole = true;
    if prerendered.is_some() && here != Route::Home {
        let downloads = facet_downloads(&corpus, early_facets);
        whole &= add_facets(&corpus, downloads).await.is_none();
    }
    // A release page's full record, and the list records of the releases it
    // links to, come before the first render, so that the page is whole at
    // once, as the build rendered it.
    if let Route::Release { id } = &here {
        // Its list record first, when the first piece does not hold it and
        // its date places it in a few others (an id of its own may need
        // every piece: the page then loads them itself, after mounting).
        if let Lookup::Needs(pieces) = corpus.lookup(id) {
            whole &= pieces.len() <= START_LIST_PIECES
                && add_list_pieces(&corpus, list_downloads(&corpus, pieces)).await;
        }
        let doc = corpus.position(id).and_then(|d| u32::try_from(d).ok());
        if let Some(doc) = doc {
            let shown = corpus.index().related(doc, RELATED);
            let (newer, older) = corpus.index().neighbours(doc);
            let shown = newer
                .into_iter()
                .chain(older)
                .chain(shown.into_iter().map(|(d, _)| d));
            let downloads = list_downloads(&corpus, corpus.missing_records(shown));
            whole &= add_list_pieces(&corpus, downloads).await;
        }
        if let Some((doc, file)) = doc.and_then(|d| Some((d, corpus.chunk_file(d)?))) {
            let bytes = Download::of(&corpus, &file).chunk_body().await;
            whole &= bytes
                .and_then(|bytes| corpus.add_chunk(doc, &bytes))
                .is_ok();
        }
    }
    // Other pages show releases from anywhere in the archive: they are
    // taken over only when every list record is here (else rendered afresh).
    whole &= corpus.has_every_record() || matches!(here, Route::Home | Route::Release { .. });
    // Hydrate only what was rendered for this very address, from this very
    // data (a page cached from an older build, or data swapped after the
    // build, would not match the DOM, and Yew panics on that): a host that
    // rewrites unknown paths to a pre-rendered page, or a query (filters)
    // the build did not render, gets a fresh render instead.
    let same_page = whole
        && kept.is_none()
        && root.get_attribute(DATA_MARK).as_deref() == Some(data_mark.as_str())
        && location.search().unwrap_or_default().is_empty()
        && prerendered.is_some_and(|p| route_at(&p, None) == here);
    // The page's JSON-LD and citation tags: the app adds its own for each page.
    if let Ok(marked) = document.query_selector_all(&format!("head [{PAGE_MARK}]")) {
        for i in 0..marked.length() {
            if let Some(el) = marked
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
            {
                el.remove();
            }
        }
    }
    let width = match same_page {
        true => PHONE_WIDTH,
        false => window
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(PHONE_WIDTH),
    };
    let props = AppProps {
        corpus,
        history: History::browser(),
        basename: basename.map(Into::into),
        site_url: SiteUrl(document_base().into()),
        width: ViewportWidth(width),
        kept,
    };
    let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
    if same_page {
        keep_typed_before_start(&document);
        renderer.hydrate();
    } else {
        root.set_inner_html("");
        renderer.render();
    }
}

/// The set kept on this device, from the worker; none when nothing is kept
/// or it cannot be read (this site's releases are shown, and the choice is
/// forgotten so that the next visit starts plainly).
async fn open_kept(set: Set) -> Option<(Set, Rc<Corpus>)> {
    let site = worker::site_data_url();
    let answer = worker::ask(ToWorker::Open { set, site }).await;
    worker::end_when_idle();
    let files = match answer {
        FromWorker::Ready { files, .. } => files,
        _ => {
            worker::store_set(Set::Site);
            return None;
        }
    };
    match Corpus::from_files(files) {
        Ok(corpus) => Some((set, Rc::new(corpus))),
        Err(_) => {
            worker::store_set(Set::Site);
            None
        }
    }
}

/// In place of the app when the data cannot load (and no page was
/// pre-rendered): what went wrong, instead of a blank page. Written with the
/// DOM by hand, for size: as a component it was a second yew root, with its
/// own renderer, in the wasm.
///
/// ```html
/// <main id="main" class="error-view">
///     <h1>Dateline could not start</h1>
///     <p role="alert">{error}</p>
/// </main>
/// ```
fn show_start_error(document: &Document, root: &Element, error: &CorpusError) {
    root.set_inner_html("");
    let element = |tag: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        Some(element)
    };
    let (Ok(main), Some(heading), Some(alert)) = (
        document.create_element("main"),
        element("h1", "Dateline could not start"),
        element("p", &error.to_string()),
    ) else {
        return;
    };
    main.set_id("main");
    main.set_class_name("error-view");
    let _ = alert.set_attribute("role", "alert");
    let _ = main.append_child(&heading);
    let _ = main.append_child(&alert);
    let _ = root.append_child(&main);
}

/// A pre-rendered page stays readable when the data cannot load: it says
/// what search and filters lack, in text, at the top of the main landmark.
fn keep_page_with(document: &Document, error: &CorpusError) {
    let Some(main) = document.get_element_by_id("main") else {
        return;
    };
    let Ok(alert) = document.create_element("p") else {
        return;
    };
    let _ = alert.set_attribute("role", "alert");
    let _ = alert.set_attribute("class", "load-error");
    alert.set_text_content(Some(&format!(
        "Search and filters are unavailable: {error}. Try reloading the page."
    )));
    let _ = main.prepend_with_node_1(&alert);
}
