//! Dateline's browser app: a thin Yew shell over `dateline_core`. The corpus is
//! packed at build time (`dateline pack`, run by scripts/post-build.sh) and
//! downloaded and decoded once at start.

pub mod app;
pub mod components;
pub mod corpus;
pub mod fetch;
pub mod hooks;
pub mod pages;
pub mod route;

pub use app::App;
pub use corpus::{Corpus, CorpusError};
pub use route::Route;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
