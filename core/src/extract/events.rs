use super::Text;
use crate::model::Event;
pub fn extract(_text: &Text) -> Vec<Event> { Vec::new() }
