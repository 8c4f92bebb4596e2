//! Hooks shared by pages and components.

mod use_compare;
mod use_corpus;
mod use_document_title;
mod use_facets;
mod use_filter;
mod use_full_release;
mod use_head_data;
mod use_import;
mod use_pieces;
mod use_records;
mod use_release_url;
mod use_route;
mod use_viewport_width;
mod use_visible_range;

pub use use_compare::use_compare;
pub use use_corpus::{use_corpus, use_generation};
pub use use_document_title::use_document_title;
pub use use_facets::use_facets;
pub use use_filter::{timeline_href, use_filter, UseFilter};
pub use use_full_release::{use_full_release, FullRelease};
pub use use_head_data::use_head_data;
pub use use_import::{use_import, ImportStatus, Outcome, Phase, UseImport};
pub use use_pieces::use_pieces;
pub use use_records::use_records;
pub use use_release_url::{document_base, use_release_url};
pub use use_route::{use_location, use_navigator, use_route};
pub use use_viewport_width::use_viewport_width;
pub use use_visible_range::use_visible_range;
