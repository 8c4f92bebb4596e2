//! One component per route.

mod entity;
mod home;
mod not_found;
mod release;

pub use entity::EntityPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use release::{ReleasePage, RELATED};
