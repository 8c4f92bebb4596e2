use dateline_core::cite::{bibtex, file_stem, ris};
use dateline_core::Release;
use yew::prelude::*;

use crate::components::download;

/// "Download BibTeX" and "Download RIS" of a release published at `url`, for
/// reference managers; made in the browser from the core's text. A function,
/// not a component: it renders inside `Citation`.
pub fn cite_files(release: &Release, url: &str) -> Html {
    let stem = file_stem(release);
    let button = |label: &str, ext: &str, mime: &'static str, text: String| {
        let name = format!("{stem}.{ext}");
        let onclick = Callback::from(move |_: MouseEvent| {
            // Nothing useful to show if the browser refuses: the click does nothing.
            let _ = download(&name, mime, &text.as_str().into());
        });
        html! {
            <button type="button" class="export-button" {onclick}>{ format!("Download {label}") }</button>
        }
    };
    html! {
        <p class="export cite-files" role="group" aria-label="Citation files">
            { button("BibTeX", "bib", "application/x-bibtex;charset=utf-8", bibtex(release, url)) }
            { button("RIS", "ris", "application/x-research-info-systems;charset=utf-8", ris(release, url)) }
        </p>
    }
}
