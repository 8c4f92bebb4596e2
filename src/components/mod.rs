//! Reusable parts of pages.

mod error_view;
mod layout;
mod release_item;
mod release_list;

pub use error_view::ErrorView;
pub use layout::Layout;
pub use release_item::ReleaseItem;
pub use release_list::ReleaseList;
