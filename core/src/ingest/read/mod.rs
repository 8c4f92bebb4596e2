//! Readers for the three input forms: plain text, Markdown with front matter, JSON.
//!
//! Every reader starts from the same checks (size, binary content, UTF-8) so
//! that bad input gives one clear error naming the file and the line.

mod json;
mod layout;
mod markdown;
mod text;

use std::path::Path;

use super::{Document, IngestError};
use crate::model::Release;

pub use crate::files::MAX_FILE_BYTES;
/// The heading that opens a closing contact block (`Media contact:`), for
/// extractors reading a body that holds one (a JSON record's last paragraph).
pub(crate) use layout::is_footer_heading;

/// What reading one file yields: documents to extract from, or records given whole (JSON).
#[derive(Debug, Clone)]
pub enum ReadOutcome {
    Document(Document),
    /// A record given in JSON, with the 1-based line its JSON object starts
    /// on. `absent` names the extracted fields it does not give (the key is
    /// missing, not null): they are extracted from its text.
    Record {
        release: Box<Release>,
        line: usize,
        absent: Vec<&'static str>,
    },
}

/// The reader a file's extension picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

pub use crate::files::RELEASE_EXTENSIONS;

impl Format {
    /// `.json` and `.md`/`.markdown` (any case); anything else is plain text.
    pub fn of(path: &Path) -> Format {
        Format::of_release(path).unwrap_or(Format::Text)
    }

    /// The reader of a release file: `.txt`, `.md`, `.markdown` or `.json`
    /// in any case (`.TXT`); `None` for any other file (images, PDFs, ...).
    pub fn of_release(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// Reads one file; the extension (`.json`, `.md`, anything else as text) picks the reader.
pub fn read(source: &str, path: &Path, bytes: &[u8]) -> Result<Vec<ReadOutcome>, IngestError> {
    let text = decode(source, bytes)?;
    let format = Format::of(path);
    if text.trim().is_empty() {
        let what = if text.is_empty() {
            "empty file"
        } else {
            "file holds only whitespace"
        };
        let expected = match format {
            Format::Json => "a JSON release record or an array of them",
            _ => "a title line",
        };
        return Err(error(source, 1, format!("{what}: expected {expected}")));
    }
    match format {
        Format::Json => json::read(source, text),
        Format::Markdown => markdown::read(source, text).map(|d| vec![ReadOutcome::Document(d)]),
        Format::Text => text::read(source, text).map(|d| vec![ReadOutcome::Document(d)]),
    }
}

/// The file's text: at most `MAX_FILE_BYTES`, no NUL bytes, valid UTF-8, BOM removed.
fn decode<'a>(source: &str, bytes: &'a [u8]) -> Result<&'a str, IngestError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(source, bytes.len() as u64));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(error(source, 1, "UTF-16 text: expected UTF-8"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // `contains` searches a word at a time: files without a NUL (all but a
    // binary) are read once quickly, and a NUL's place only then.
    if let Some(at) = bytes
        .contains(&0)
        .then(|| bytes.iter().position(|&b| b == 0))
        .flatten()
    {
        let line = line_at(bytes, at);
        return Err(error(
            source,
            line,
            format!("binary file (NUL byte at byte {at}): expected UTF-8 text"),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        error(
            source,
            line_at(bytes, at),
            format!("invalid UTF-8 at byte {at}: expected UTF-8 text"),
        )
    })
}

/// The error for a file above `MAX_FILE_BYTES` (about the whole file: no line).
pub fn too_large(source: &str, len: u64) -> IngestError {
    error(
        source,
        0,
        format!(
            "file is {len} bytes, larger than the {} MB limit: expected a single press release",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// 1-based line of byte offset `at`.
fn line_at(bytes: &[u8], at: usize) -> usize {
    bytes.iter().take(at).filter(|&&b| b == b'\n').count() + 1
}

fn error(source: &str, line: usize, message: impl Into<String>) -> IngestError {
    IngestError {
        file: source.to_string(),
        line,
        message: message.into(),
    }
}

/// Splits a front matter `tags` value: `[a, b]`, `a, b` or `- a` lists
/// (the Markdown reader stores those as `[a, b]`); quoted tags may hold commas.
pub fn split_tags(value: &str) -> Vec<String> {
    let inner = value.trim();
    let inner = inner
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or(inner);
    let mut tags = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in inner.chars() {
        match (quote, c) {
            (None, '"' | '\'') if current.trim().is_empty() => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ',') => tags.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    tags.push(current);
    tags.into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_err(name: &str, bytes: &[u8]) -> IngestError {
        match read(name, Path::new(name), bytes) {
            Err(e) => e,
            Ok(r) => panic!("{name}: expected an error, got {r:?}"),
        }
    }

    #[test]
    fn bad_input_gives_clear_errors() {
        let cases: &[(&str, &[u8], usize, &str)] = &[
            ("empty.txt", b"", 1, "empty file: expected a title line"),
            ("blank.txt", b"  \n\t\r\n \n", 1, "only whitespace"),
            ("empty.json", b"", 1, "expected a JSON release record"),
            (
                "bad.txt",
                b"Title\n\nBody \xFF here\n",
                3,
                "invalid UTF-8 at byte 12",
            ),
            (
                "bin.txt",
                b"Title\nab\x00cd",
                2,
                "binary file (NUL byte at byte 8)",
            ),
            ("utf16.txt", b"\xFF\xFET\x00i\x00", 1, "UTF-16"),
        ];
        for (name, bytes, line, message) in cases {
            let e = read_err(name, bytes);
            assert_eq!(e.file, *name);
            assert_eq!(e.line, *line, "{name}: {e}");
            assert!(e.message.contains(message), "{name}: {e}");
        }
    }

    #[test]
    fn enormous_files_are_rejected() {
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        let e = read_err("big.txt", &big);
        assert!(e.message.contains("larger than the 10 MB limit"), "{e}");
    }

    #[test]
    fn a_bom_is_skipped() {
        let out = read("b.txt", Path::new("b.txt"), b"\xEF\xBB\xBFTitle\n\nBody.").unwrap();
        match &out[0] {
            ReadOutcome::Document(d) => assert_eq!(d.title, "Title"),
            other => panic!("{other:?}"),
        }
    }

    /// A BOM (one, or two from a file saved twice, or one before a pasted-in
    /// dateline) and CRLF line ends change nothing: title, dateline, date and body.
    #[test]
    fn a_bom_and_crlf_change_nothing() {
        let plain = "Title of the release\n\nVienna, Austria - 17 April 2019 - UNODC hosted a meeting.\n\nSecond paragraph.\n";
        let crlf = plain.replace('\n', "\r\n");
        let variants = [
            format!("\u{feff}{plain}"),
            format!("\u{feff}{crlf}"),
            format!("\u{feff}\u{feff}{crlf}"),
            plain.replace("Vienna", "\u{feff}Vienna"),
            crlf.replace("Vienna", "\u{feff}Vienna"),
            "\u{feff}---\r\ntitle: Title of the release\r\n---\r\n\u{feff}Vienna, Austria - 17 April 2019 - UNODC hosted a meeting.\r\n\r\nSecond paragraph.\r\n".to_string(),
        ];
        for (i, text) in variants.iter().enumerate() {
            let name = if i == 5 { "b.md" } else { "b.txt" };
            let out = crate::ingest::ingest_bytes(name, Path::new(name), text.as_bytes())
                .unwrap_or_else(|e| panic!("{i}: {e}"));
            let r = &out[0].release;
            assert_eq!(r.title, "Title of the release", "{i}");
            let d = r
                .dateline
                .as_ref()
                .unwrap_or_else(|| panic!("{i}: no dateline"));
            assert_eq!(d.raw, "Vienna, Austria - 17 April 2019", "{i}");
            assert_eq!(
                (d.city.as_deref(), d.country.as_deref()),
                (Some("Vienna"), Some("AT")),
                "{i}"
            );
            assert_eq!(
                r.date.map(|d| d.to_string()).as_deref(),
                Some("2019-04-17"),
                "{i}"
            );
            assert_eq!(
                r.body,
                ["UNODC hosted a meeting.", "Second paragraph."],
                "{i}"
            );
            assert!(r.warnings.is_empty(), "{i}: {:?}", r.warnings);
        }
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.JSON")), Format::Json);
        assert_eq!(Format::of(Path::new("b.md")), Format::Markdown);
        assert_eq!(Format::of(Path::new("b.markdown")), Format::Markdown);
        assert_eq!(Format::of(Path::new("b.txt")), Format::Text);
        assert_eq!(Format::of(Path::new("README")), Format::Text);
        assert_eq!(Format::of_release(Path::new("a/B.TXT")), Some(Format::Text));
        assert_eq!(
            Format::of_release(Path::new("b.MarkDown")),
            Some(Format::Markdown)
        );
        for other in ["a.png", "a.pdf", "README", "a.txt.bak", "a.\u{e9}"] {
            assert_eq!(Format::of_release(Path::new(other)), None, "{other}");
        }
    }

    #[test]
    fn tags() {
        let cases: &[(&str, &[&str])] = &[
            ("[a, b]", &["a", "b"]),
            ("a, b ,", &["a", "b"]),
            ("[\"x, y\", 'z']", &["x, y", "z"]),
            ("single", &["single"]),
            ("[]", &[]),
        ];
        for (value, want) in cases {
            assert_eq!(split_tags(value), *want, "{value}");
        }
    }

    /// Random text built from the pieces datelines and layouts are made of:
    /// reading and resolving must never panic.
    #[test]
    fn no_panic_on_generated_input() {
        const PIECES: [&str; 24] = [
            "Vienna",
            "VIENNA",
            ", ",
            " - ",
            "—",
            "–",
            ":",
            "(",
            ")",
            "17",
            " April ",
            "2019",
            "\n",
            "\n\n",
            "\r\n",
            "\t",
            "é",
            "東京",
            "---\n",
            "# ",
            "For more information",
            "/",
            "2019-04-17",
            "\u{a0}",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..800 {
            let mut text = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 59) as usize + 1;
            for _ in 0..len {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            for name in ["g.txt", "g.md", "g.json"] {
                let _ = crate::ingest::ingest_bytes(name, Path::new(name), text.as_bytes());
            }
        }
    }
}
