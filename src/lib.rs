//! Dateline's browser app: a thin Yew shell over `dateline_core`. The corpus is
//! packed at build time (`dateline pack`, run by scripts/post-build.sh) and
//! downloaded and decoded once at start. The same components pre-render each
//! release's page at build time (`dateline-prerender`, feature `ssr`), and the
//! browser takes those pages over without replacing them.

#[cfg(feature = "alloc-probe")]
mod alloc_probe;
pub mod app;
pub mod components;
pub mod corpus;
pub mod fetch;
pub mod history;
pub mod hooks;
pub mod pages;
pub mod picked;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod route;
pub mod start;
pub mod worker;

pub use app::App;
pub use corpus::{Corpus, CorpusError, Part, PieceFailed};
pub use route::Route;
pub use start::start;
