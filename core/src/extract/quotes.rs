use super::Text;
use crate::model::{Organisation, Person, Quote};
pub fn extract(_text: &Text, _people: &[Person], _organisations: &[Organisation]) -> Vec<Quote> { Vec::new() }
