use super::Text;
use crate::model::Organisation;
pub fn extract(_text: &Text) -> Vec<Organisation> { Vec::new() }
