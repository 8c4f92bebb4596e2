//! Dateline's pure core: the release model, and (feature `extract`, which
//! also builds for wasm32: the import worker) the readers and extractors that
//! turn release files into records; feature `ingest` adds the folder walk,
//! the build cache and the CLI (native only). No yew, no web-sys:
//! everything here is tested natively and runs at build time.

/// A reference data file of `data/`, as the build script copies it (comment
/// lines cut to `#`).
macro_rules! data_file {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $name))
    };
}

#[cfg(all(feature = "mimalloc", not(target_arch = "wasm32")))]
pub mod alloc;
pub mod chips;
pub mod cite;
pub mod codec;
pub mod date;
pub mod demonyms;
pub mod display;
pub mod export;
pub mod files;
pub mod import;
pub mod json;
pub mod markup;
pub mod mentions;
pub mod model;
pub mod order;
pub mod pack;
pub mod page;
pub mod query;
pub mod text;

#[cfg(feature = "extract")]
pub mod extract;
#[cfg(feature = "extract")]
pub mod feed;
#[cfg(feature = "ingest")]
pub mod generate;
#[cfg(feature = "extract")]
pub mod ingest;
#[cfg(all(test, feature = "extract"))]
mod sample_texts;
#[cfg(feature = "ingest")]
pub mod sitemap;

pub use date::PartialDate;
pub use model::*;
