//! Files the user picked or dropped, each with its path as picked
//! (`folder/sub/a.txt` for a folder, else the file's name): the import
//! worker derives each record's `source` from these as the CLI does.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry, HtmlInputElement,
};

/// Files taken from one drop or pick, at most: bounded work for any folder.
pub const MAX_FILES: usize = 200_000;

/// A picked file and its path.
pub type Picked = (String, File);

/// The files of a file input (`webkitRelativePath` for a picked folder).
pub fn from_input(input: &HtmlInputElement) -> Vec<Picked> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length().min(MAX_FILES as u32))
        .filter_map(|i| list.item(i))
        .map(|file| {
            let relative = Reflect::get(&file, &"webkitRelativePath".into())
                .ok()
                .and_then(|p| p.as_string())
                .filter(|p| !p.is_empty());
            (relative.unwrap_or_else(|| file.name()), file)
        })
        .collect()
}

/// The entries of a drop: read at once, while the drop event lasts (the
/// browser empties the transfer afterwards); walk them with [`walk`].
pub fn dropped_entries(transfer: &DataTransfer) -> Vec<FileSystemEntry> {
    let items = transfer.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect()
}

/// Every file under the dropped entries, folders walked (hidden entries
/// skipped, as the CLI's walk skips them).
pub async fn walk(entries: Vec<FileSystemEntry>) -> Vec<Picked> {
    let mut stack = entries;
    let mut files = Vec::new();
    while let Some(entry) = stack.pop() {
        if files.len() >= MAX_FILES {
            break;
        }
        if entry.name().starts_with('.') {
            continue;
        }
        let path = entry.full_path().trim_start_matches('/').to_string();
        if entry.is_directory() {
            let reader = entry
                .unchecked_into::<FileSystemDirectoryEntry>()
                .create_reader();
            // readEntries gives a batch per call until it gives none.
            while let Some(batch) = read_entries(&reader).await.filter(|b| b.length() > 0) {
                stack.extend(
                    batch
                        .iter()
                        .filter_map(|e| e.dyn_into::<FileSystemEntry>().ok()),
                );
            }
        } else if let Some(file) = file_of(entry.unchecked_into()).await {
            files.push((path, file));
        }
    }
    // In the order found: the worker sorts them as the CLI does.
    files
}

/// A promise around a callback API: `call(resolve, reject)`.
async fn callback(call: impl FnOnce(&Function, &Function)) -> Option<wasm_bindgen::JsValue> {
    let mut call = Some(call);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take() {
            call(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await.ok()
}

async fn read_entries(reader: &FileSystemDirectoryReader) -> Option<Array> {
    callback(|resolve, reject| {
        if reader
            .read_entries_with_callback_and_callback(resolve, reject)
            .is_err()
        {
            let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
        }
    })
    .await?
    .dyn_into()
    .ok()
}

async fn file_of(entry: FileSystemFileEntry) -> Option<File> {
    callback(|resolve, reject| entry.file_with_callback_and_callback(resolve, reject))
        .await?
        .dyn_into()
        .ok()
}
