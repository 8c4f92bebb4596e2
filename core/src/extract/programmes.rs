use super::Text;
use crate::model::Programme;
pub fn extract(_text: &Text) -> Vec<Programme> { Vec::new() }
