//! Dateline's browser app: a thin Yew shell over `dateline_core`. The corpus is
//! embedded at build time (see build.rs) and decoded once at start.

pub mod app;
pub mod components;
pub mod corpus;
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
