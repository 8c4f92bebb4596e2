//! The plain text reader: header boilerplate, title, paragraphs, closing block.

use super::layout::{layout, lines};
use super::IngestError;
use crate::ingest::Document;

/// Reads a plain text release (see `layout` for the rules).
pub fn read(source: &str, text: &str) -> Result<Document, IngestError> {
    layout(source, lines(text), None, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../../releases/000_34e2bc8e785f3bd9.txt");

    #[test]
    fn the_seed() {
        let d = read("000_34e2bc8e785f3bd9.txt", SEED).unwrap();
        assert_eq!(
            d.title,
            "Islamic Republic of Iran and UNODC to increase cooperation on trafficking in persons and smuggling of migrants matters"
        );
        assert_eq!(d.title_line, 1);
        assert!(d.header.is_empty());
        assert_eq!(d.paragraphs.len(), 9);
        assert!(d.paragraphs[0]
            .text
            .starts_with("Vienna, Austria - 17 April 2019 - UNODC hosted"));
        assert_eq!(d.paragraphs[0].line, 3);
        assert_eq!(
            d.paragraphs[8].text,
            "This project is funded by the European Union."
        );
        let footer: Vec<&str> = d.footer.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            footer,
            ["For more information, please contact:", "Twitter: @glo_act"]
        );
        assert!(d.diagnostics.is_empty());
        // Every paragraph is verbatim: a line of the file.
        for p in &d.paragraphs {
            assert!(SEED.lines().any(|l| l == p.text), "{}", p.text);
        }
    }
}
