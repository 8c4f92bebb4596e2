//! This site's releases, for "both merged" and its zip: the full records of
//! its data folder (`index.bin` says how many, `r/N.bin` holds them),
//! fetched from the same origin the worker was loaded from.

use dateline_core::pack::Chunk;
use dateline_core::query::Index;
use dateline_core::Release;
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Response, WorkerGlobalScope};

/// Every full record of the site whose data folder is at `site` (ending in `/`).
pub async fn records(site: &str) -> Result<Vec<Release>, String> {
    let index = fetch(&format!("{site}index.bin")).await?;
    let n_docs = Index::from_bytes(index)
        .map_err(|e| format!("This site's releases could not be read: {e}."))?
        .len();
    let mut records = Vec::with_capacity(n_docs);
    let mut doc = 0;
    while let Some(chunk) = Chunk::of(doc, n_docs) {
        let url = format!("{site}{}", chunk.file());
        let bytes = fetch(&url).await?;
        let part = dateline_core::pack::records::read(&bytes)
            .map_err(|e| format!("This site's releases could not be read: {url}: {e}."))?;
        records.extend(part);
        doc += chunk.len(n_docs) as u32;
    }
    Ok(records)
}

/// The bytes at `url`; an error names it.
async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let failed = |why: String| format!("This site's releases could not be fetched: {url}: {why}.");
    let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
    let response: Response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(|e| failed(describe(&e)))?
        .unchecked_into();
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    let buffer = response.array_buffer().map_err(|e| failed(describe(&e)))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|e| failed(describe(&e)))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A thrown JavaScript value in words.
pub fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}
