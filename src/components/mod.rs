//! Reusable parts of pages.

mod active_filters;
pub mod detail;
mod document_title;
mod error_view;
mod events_lane;
mod export_buttons;
mod facet_group;
mod highlighted;
mod histogram;
mod layout;
mod positions_notice;
mod release_card;
mod result_list;
mod search_box;
mod sort_select;
mod timeline_link;
mod zoom_controls;

pub use active_filters::{facet_title, ActiveFilters};
pub use document_title::DocumentTitle;
pub use error_view::{ErrorView, ErrorViewProps};
pub use events_lane::EventsLane;
pub use export_buttons::{download, ExportButtons};
pub use facet_group::FacetGroup;
pub use highlighted::Highlighted;
pub use histogram::Histogram;
pub use layout::Layout;
pub use positions_notice::PositionsNotice;
pub use release_card::{facet_link, ReleaseCard};
pub use result_list::ResultList;
pub use search_box::SearchBox;
pub use sort_select::SortSelect;
pub use timeline_link::TimelineLink;
pub use zoom_controls::ZoomControls;
