//! "My releases" on the device: one IndexedDB record, the packed data files
//! of my releases as the `Ready` message that opens them (the core's codec,
//! checksummed). Their full records are its `r/N.bin` files, so nothing is
//! kept twice, and a reload answers `Open { Mine }` with the stored buffer
//! as it is: no ingest, no pack.

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use js_sys::Uint8Array;
use wasm_bindgen::JsValue;

const DATABASE: &str = "dateline-import";
const VERSION: u32 = 1;
const STORE: &str = "mine";
/// The key of the `Ready { set: Mine }` buffer.
const PACKED: &str = "packed";

/// Why the device's storage failed, in a sentence for the page.
#[derive(Debug)]
pub struct StoreError(pub String);

impl StoreError {
    fn new(doing: &str, e: impl std::fmt::Display) -> StoreError {
        let detail = e.to_string();
        let why = if detail.contains("QuotaExceeded") || detail.contains("quota") {
            "the browser's storage for this site is full; free some space (or forget my releases) and import again".to_string()
        } else {
            format!("the browser refused ({detail})")
        };
        StoreError(format!(
            "Your releases could not be {doing} this device: {why}."
        ))
    }
}

async fn open() -> Result<Database, StoreError> {
    let fail = |e: idb::Error| StoreError::new("kept on", e);
    let factory = Factory::new().map_err(fail)?;
    let mut request = factory.open(DATABASE, Some(VERSION)).map_err(fail)?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|s| s == STORE) {
                let _ = db.create_object_store(STORE, ObjectStoreParams::new());
            }
        }
    });
    request.await.map_err(fail)
}

/// The stored `Ready { set: Mine }` buffer, if any.
pub async fn load() -> Result<Option<Vec<u8>>, StoreError> {
    let fail = |e: idb::Error| StoreError::new("read from", e);
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(fail)?;
    let store = tx.object_store(STORE).map_err(fail)?;
    let value = store
        .get(JsValue::from_str(PACKED))
        .map_err(fail)?
        .await
        .map_err(fail)?;
    db.close();
    Ok(value
        .filter(|v| !v.is_undefined() && !v.is_null())
        .map(|v| Uint8Array::new(&v).to_vec()))
}

/// Replaces the stored buffer (None: removes it).
pub async fn save(packed: Option<&[u8]>) -> Result<(), StoreError> {
    let doing = if packed.is_some() {
        "kept on"
    } else {
        "removed from"
    };
    let fail = |e: idb::Error| StoreError::new(doing, e);
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(fail)?;
    let store = tx.object_store(STORE).map_err(fail)?;
    match packed {
        Some(bytes) => {
            let value = Uint8Array::from(bytes);
            store
                .put(&value, Some(&JsValue::from_str(PACKED)))
                .map_err(fail)?
                .await
                .map_err(fail)?;
        }
        None => {
            store.clear().map_err(fail)?.await.map_err(fail)?;
        }
    }
    let done = tx.await.map_err(fail)?;
    db.close();
    if done.is_committed() {
        Ok(())
    } else {
        Err(StoreError(format!(
            "Your releases could not be {doing} this device: the browser stopped the write (its storage for this site may be full)."
        )))
    }
}
