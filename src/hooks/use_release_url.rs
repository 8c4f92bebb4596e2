use dateline_core::page::release_path;
use yew::prelude::*;

use crate::app::{ShellContext, SiteUrl};

/// The URL of a release's own page (`https://example.org/dateline/release/a/`):
/// the site's URL as the app was given it, else the document's base URL.
#[hook]
pub fn use_release_url(id: &str) -> String {
    let site = use_context::<ShellContext>().and_then(|c| c.site_url);
    let root = match site {
        Some(SiteUrl(url)) => url.to_string(),
        None => document_base(),
    };
    let slash = if root.ends_with('/') { "" } else { "/" };
    format!("{root}{slash}{}", release_path(id))
}

/// The document's base URL (`<base href>`, made absolute), in the browser.
pub fn document_base() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(base) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
    {
        return base;
    }
    "/".into()
}
