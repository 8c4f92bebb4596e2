use super::Text;
pub fn extract(_text: &Text) -> Vec<String> { Vec::new() }
