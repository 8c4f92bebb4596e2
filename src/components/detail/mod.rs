//! Parts of the release detail view.

mod citation;
mod cite_files;
mod entities;
mod fact_box;
mod marked;
mod neighbours;
mod quotes;

pub use citation::Citation;
pub use cite_files::cite_files;
pub use entities::{EntityLinks, OrgLink};
pub use fact_box::{fact_box, FactBoxProps};
pub use marked::{marked_paragraph, MarkedParagraphProps};
pub use neighbours::{neighbours, related_releases, NeighboursProps, RelatedReleasesProps};
pub use quotes::{quotes, QuotesProps};
