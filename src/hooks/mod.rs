//! Hooks shared by pages and components.

mod use_corpus;

pub use use_corpus::use_corpus;
