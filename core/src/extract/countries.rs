use super::Text;
use crate::model::CountryMention;

/// Countries the text names, the dateline included, with mention counts.
pub fn extract(_text: &Text) -> Vec<CountryMention> {
    Vec::new()
}

/// ISO 3166-1 alpha-2 code and common English name for a country name as
/// written anywhere (`Austria`, `AUSTRIA`, `I.R.Iran`, `Islamic Republic of Iran`,
/// `Côte d'Ivoire`, `UK`): used by the dateline parser.
pub fn lookup_name(_name: &str) -> Option<(&'static str, &'static str)> {
    None
}
