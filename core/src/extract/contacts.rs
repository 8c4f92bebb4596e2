use super::Text;
use crate::model::Contact;
pub fn extract(_text: &Text) -> Vec<Contact> { Vec::new() }
