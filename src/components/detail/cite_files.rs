use dateline_core::cite::{bibtex, file_stem, ris};
use dateline_core::Release;
use yew::prelude::*;

use crate::components::download;

#[derive(Properties, PartialEq)]
pub struct CiteFilesProps {
    pub release: Release,
    /// The release's permalink, absolute.
    pub url: AttrValue,
}

/// "Download BibTeX" and "Download RIS" of the release, for reference
/// managers; made in the browser from the core's text.
#[function_component(CiteFiles)]
pub fn cite_files(props: &CiteFilesProps) -> Html {
    let stem = file_stem(&props.release);
    let button = |label: &'static str, ext: &'static str, mime: &'static str, text: String| {
        let name = format!("{stem}.{ext}");
        let onclick = Callback::from(move |_: MouseEvent| {
            // Nothing useful to show if the browser refuses: the click does nothing.
            let _ = download(&name, mime, &text);
        });
        html! {
            <button type="button" class="export-button" {onclick}>{ format!("Download {label}") }</button>
        }
    };
    html! {
        <p class="export cite-files" role="group" aria-label="Citation files">
            { button("BibTeX", "bib", "application/x-bibtex;charset=utf-8", bibtex(&props.release, &props.url)) }
            { button("RIS", "ris", "application/x-research-info-systems;charset=utf-8", ris(&props.release, &props.url)) }
        </p>
    }
}
