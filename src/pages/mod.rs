//! One component per route.

mod entity;
mod home;
mod not_found;
mod release;

pub use entity::EntityPage;
pub use home::HomePage;
pub use not_found::{not_found_page, NotFoundProps};
pub use release::{ReleasePage, RELATED};
