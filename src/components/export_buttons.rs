use dateline_core::export::{to_csv, to_json};
use dateline_core::Release;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Array;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

use super::Hits;
use crate::fetch::load_full;
use crate::hooks::use_corpus;

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    /// The releases to export, in display order: shared with the list (a
    /// copy per render was 4 MB at a million releases).
    pub hits: Hits,
}

#[derive(Clone, Copy)]
enum Format {
    Json,
    Csv,
}

impl Format {
    fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
        }
    }
}

/// "Download JSON" and "Download CSV" of the matching releases, built in the
/// browser: nothing is sent anywhere.
#[function_component(ExportButtons)]
pub fn export_buttons(props: &ExportButtonsProps) -> Html {
    let corpus = use_corpus();
    let status = use_state(String::new);
    let n = props.hits.len();
    let what = format!("the {n} matching release{}", if n == 1 { "" } else { "s" });
    let button = |format: Format| {
        let onclick = {
            let (corpus, hits) = (corpus.clone(), props.hits.clone());
            let status = status.setter();
            Callback::from(move |_: MouseEvent| {
                let (corpus, hits, status) = (corpus.clone(), hits.clone(), status.clone());
                // Full records may need downloading first (large corpora).
                if hits.iter().any(|&d| !corpus.has_full(d)) {
                    status.set(format!("Preparing {} releases…", hits.len()));
                }
                yew::platform::spawn_local(async move {
                    if let Err(e) = load_full(corpus.clone(), &hits).await {
                        status.set(format!("Could not export: {e}"));
                        return;
                    }
                    let releases: Vec<Release> =
                        hits.iter().filter_map(|&d| corpus.full(d)).collect();
                    let releases: Vec<&Release> = releases.iter().collect();
                    let (name, mime, text) = match format {
                        Format::Json => (
                            "dateline-releases.json",
                            "application/json",
                            to_json(&releases),
                        ),
                        // The byte-order mark makes Excel read the file as UTF-8.
                        Format::Csv => (
                            "dateline-releases.csv",
                            "text/csv;charset=utf-8",
                            format!("\u{FEFF}{}", to_csv(&releases)),
                        ),
                    };
                    status.set(String::new());
                    // Nothing useful to show if the browser refuses: the click does nothing.
                    let _ = download(name, mime, &text.into());
                });
            })
        };
        let label = format.label();
        html! {
            <button
                type="button"
                class="export-button"
                aria-label={format!("Download {label} of {what}")}
                disabled={n == 0}
                {onclick}
            >
                { format!("Download {label}") }
            </button>
        }
    };
    html! {
        <div class="export" role="group" aria-label="Export">
            { button(Format::Json) }
            { button(Format::Csv) }
            <span class="export-status" role="status">{ (*status).clone() }</span>
        </div>
    }
}

/// Saves `content` (a string or bytes) as a file named `name`: a Blob behind
/// an object URL, clicked through a temporary `<a download>`.
pub fn download(name: &str, mime: &str, content: &JsValue) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_blob_sequence_and_options(&Array::of1(content), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoking at once can cancel the download in some browsers: wait a little.
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::from_secs(10)).await;
        let _ = Url::revoke_object_url(&url);
    });
    Ok(())
}
