//! Search, filters, facet counts and histogram over the records (shipped in the app).
//!
//! Pure std + serde: this module is compiled to WebAssembly and runs on every
//! keystroke, so it carries no dependency and allocates per value or per hit,
//! never per word of text.
//!
//! ```text
//! let index = Index::new(&releases);
//! let results = index.search(&Filter::from_query("q=traff&country=IR"));
//! highlight(&releases[results.hits[0] as usize].title, &results.terms);
//! ```

#[cfg(all(test, feature = "ingest"))]
mod appended_tests;
mod axis;
mod compare;
pub(crate) mod date_order;
mod dictionary;
pub(crate) mod facets;
mod filter;
mod highlight;
mod histogram;
pub(crate) mod index;
pub(crate) mod inverted;
mod lane;
mod search;

pub use crate::codec::DecodeError;
pub use crate::text::{slug, slug_to_words, words};
pub use axis::{bar_label, move_view, ticks, y_scale, Move, Tick, MAX_TICKS};
pub use compare::{
    compare, over_archive, series_docs, Compare, Line, Scale, Series, SeriesError, SeriesKind,
    MAX_SERIES, MAX_SERIES_CHARS, VIEW,
};
pub use dictionary::DICTIONARY_PIECE_BYTES;
pub use facets::{FacetCounts, FacetValue, ValueInfo, HEAD_VALUES, LISTED_VALUES};
pub use filter::{Facet, Filter, Sort};
pub use highlight::{highlight, snippet};
pub use histogram::{histogram_between, unit_for, Bucket, Histogram, Unit, Zoom, MAX_BARS};
pub use index::{organisation_key, Aliases, Index, IndexBuilder, IndexedDoc, Results};
pub use inverted::{Piece, Stream, HELD_PIECE_BYTES, POSITION_PIECE_BYTES, POSTING_PIECE_BYTES};
pub use lane::{docs_mentioning, lane, EventKey, Lane, LaneItem, LANE_ROWS, MAX_LANE_EVENTS};
pub use search::word_being_typed;
