//! This site's releases, for "both merged" and its zip: the full records of
//! its data folder (`index.bin` says how many, `r/N.bin` holds them),
//! fetched from the same origin the worker was loaded from.

use dateline_core::pack::{Chunk, CHUNK_SIZE};
use dateline_core::query::Index;
use dateline_core::Release;
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Response, WorkerGlobalScope};

/// Every full record of the site whose data folder is at `site` (ending in `/`).
pub async fn records(site: &str) -> Result<Vec<Release>, String> {
    let url = format!("{site}index.bin");
    let index = fetch(&url, request(&url)).await?;
    let n_docs = Index::from_bytes(index)
        .map_err(|e| format!("This site's releases could not be read: {e}."))?
        .len();
    let urls: Vec<String> = (0..n_docs.div_ceil(CHUNK_SIZE))
        .filter_map(|n| Chunk::of((n * CHUNK_SIZE) as u32, n_docs))
        .map(|chunk| format!("{site}{}", chunk.file()))
        .collect();
    let mut records = Vec::with_capacity(n_docs);
    // Several requests in flight at once, read in order: one after another,
    // a large site's hundreds of chunks waited a round trip each.
    for group in urls.chunks(IN_FLIGHT) {
        let started: Vec<JsFuture> = group.iter().map(|url| request(url)).collect();
        for (url, response) in group.iter().zip(started) {
            let bytes = fetch(url, response).await?;
            let unreadable = |e| format!("This site's releases could not be read: {url}: {e}.");
            let body = dateline_browser::chunk_body(&bytes)
                .await
                .map_err(unreadable)?;
            let part = dateline_core::pack::records::read_body(&body).map_err(unreadable)?;
            records.extend(part);
        }
    }
    Ok(records)
}

/// Chunk files requested at once.
const IN_FLIGHT: usize = 8;

fn request(url: &str) -> JsFuture {
    let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
    JsFuture::from(scope.fetch_with_str(url))
}

/// The bytes at `url`, once `response` (its request) answers; an error names it.
async fn fetch(url: &str, response: JsFuture) -> Result<Vec<u8>, String> {
    let failed = |why: String| format!("This site's releases could not be fetched: {url}: {why}.");
    let response: Response = response
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
