//! The layout of a release's text, shared by the text and Markdown readers:
//! header boilerplate, title, body paragraphs, closing contact block.
//!
//! Paragraphs are separated by blank lines. A paragraph's lines are joined with
//! a single space: files hard-wrap their prose, and the wrap is layout, not
//! text. Lines that open a list item (`- `, `• `, `1. `) keep their line break,
//! and so do all lines of the closing contact block, whose lines are separate
//! entries (a name, an e-mail, a phone number).

use std::sync::OnceLock;

use regex::Regex;

use super::super::dateline;
use super::super::document::{Diagnostic, Document, Paragraph};
use super::{error, IngestError};
use crate::text::{bytes_before_flag, bytes_between, word_at};

/// One line of the file, trimmed, with its 1-based number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub no: usize,
    pub text: String,
    /// Markdown heading level (0: not a heading). A heading is always a
    /// paragraph of its own.
    pub heading: u8,
}

/// Longest headline a wrapped continuation line may be joined into.
const MAX_TITLE_CHARS: usize = 250;
/// Longest line taken as the wrapped second line of a headline.
const MAX_TITLE_CONTINUATION_CHARS: usize = 150;

/// Splits text into trimmed lines: CRLF and lone CR end lines, tabs become
/// spaces, and a byte-order mark left at a line's start (a file saved twice
/// with one, files pasted together) is trimmed like a space.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let (line, next, has_tab) = first_line(rest);
        // Trimmed before the tabs become spaces (both are trimmed alike):
        // one copy of the line instead of two.
        let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        out.push(Line {
            no: out.len() + 1,
            text: if has_tab {
                trimmed.replace('\t', " ")
            } else {
                trimmed.to_string()
            },
            heading: 0,
        });
        match next {
            Some(next) => rest = next,
            None => return out,
        }
    }
}

/// The first line of `text` as `split('\n')`, a `\r` taken off the end of
/// each piece, then `split('\r')` read it; the text after its end, if
/// the line ends before the text does; and whether the line holds a tab.
/// Read eight bytes at a time past bytes above `\r` (most of a line): the
/// iterator adapters were 1.2 % of ingest.
fn first_line(text: &str) -> (&str, Option<&str>, bool) {
    let bytes = text.as_bytes();
    let mut has_tab = false;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = word_at(bytes, i) {
            let flags = bytes_between(word, b'\t' - 1, b'\r' + 1);
            if flags == 0 {
                i += 8;
                continue;
            }
            i += bytes_before_flag(flags);
        }
        match bytes[i] {
            b'\n' => return (&text[..i], Some(&text[i + 1..]), has_tab),
            // A `\r` before `\n` or at the very end is taken off its piece.
            b'\r' => {
                let after = match bytes.get(i + 1) {
                    Some(b'\n') => Some(&text[i + 2..]),
                    Some(_) => Some(&text[i + 1..]),
                    None => None,
                };
                return (&text[..i], after, has_tab);
            }
            b'\t' => has_tab = true,
            _ => {}
        }
        i += 1;
    }
    (text, None, has_tab)
}

/// Builds the document from the lines below any front matter. `title` is given
/// when front matter or a Markdown heading already decided it.
pub fn layout(
    source: &str,
    lines: Vec<Line>,
    title: Option<(String, usize)>,
    mut header: Vec<Paragraph>,
) -> Result<Document, IngestError> {
    let mut blocks = blocks(lines);
    let mut diagnostics = Vec::new();
    let (title, title_line) = match title {
        Some(t) => t,
        None => take_title(source, &mut blocks, &mut header, &mut diagnostics)?,
    };
    move_header_blocks(&mut blocks, &mut header);
    blocks.retain(|b| {
        b.iter().any(|l| l.text.chars().any(char::is_alphanumeric)) || is_end_marker(b)
    });
    let footer_start = footer_start(&blocks);
    let footer_blocks = blocks.split_off(footer_start);
    let paragraphs: Vec<Paragraph> = blocks.iter().map(|b| join_body(b)).collect();
    let footer: Vec<Paragraph> = footer_blocks.iter().map(|b| join_lines(b, "\n")).collect();
    if paragraphs.is_empty() {
        diagnostics.push(Diagnostic::warning(
            source,
            title_line,
            "a title but no body text: expected paragraphs after the title",
        ));
    }
    Ok(Document {
        source: source.to_string(),
        title,
        title_line,
        header,
        paragraphs,
        footer,
        diagnostics,
        ..Document::default()
    })
}

/// Runs of non-blank lines; a heading is a block of its own, and so is an
/// `About …` line opening a block (a company's boilerplate heading, `About
/// Ethiopian Airlines Group`, written straight above its text).
fn blocks(lines: Vec<Line>) -> Vec<Vec<Line>> {
    let mut out: Vec<Vec<Line>> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    for line in lines {
        if line.text.is_empty() || line.heading > 0 {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if line.heading > 0 {
                out.push(vec![line]);
            }
        } else if current.len() == 1 && is_about_heading(&current[0].text) {
            out.push(std::mem::replace(&mut current, vec![line]));
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Most words of the name in an `About …` heading.
const MAX_ABOUT_NAME_WORDS: usize = 8;

/// `About Ethiopian Airlines Group`, `About the IRC`: `About` and a name of
/// capitalised words (inner `of`, `the`, `and`, `for`, `&` allowed), nothing
/// else on the line.
fn is_about_heading(text: &str) -> bool {
    let Some(name) = text.strip_prefix("About ") else {
        return false;
    };
    let name = name.trim_end_matches(':');
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    (1..=MAX_ABOUT_NAME_WORDS).contains(&words.len())
        && words.last().is_some_and(capitalised)
        && words
            .iter()
            .all(|w| capitalised(w) || matches!(*w, "of" | "the" | "and" | "for" | "&"))
}

/// The headline: the first line that is not header boilerplate, joined with a
/// wrapped second line. Boilerplate above it goes to `header`; the rest of its
/// block becomes the first body block.
fn take_title(
    source: &str,
    blocks: &mut Vec<Vec<Line>>,
    header: &mut Vec<Paragraph>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(String, usize), IngestError> {
    // Blocks are taken from the front: `taken` of them so far, drained once at
    // the end (removing them one by one from the front was quadratic).
    let mut taken = 0;
    while taken < blocks.len() {
        let block = std::mem::take(&mut blocks[taken]);
        taken += 1;
        let mut lines = block.into_iter().peekable();
        while let Some(line) = lines.next_if(|l| is_header_line(&l.text)) {
            header.push(paragraph(&line));
        }
        let Some(first) = lines.next() else { continue };
        if dateline::parse(&first.text).is_some() {
            // No headline at all: the file opens with its dateline.
            diagnostics.push(Diagnostic::warning(
                source,
                first.no,
                "no title: the file opens with its dateline; expected a headline line first",
            ));
            let line = first.no;
            let rest: Vec<Line> = std::iter::once(first).chain(lines).collect();
            blocks[taken - 1] = rest;
            blocks.drain(..taken - 1);
            return Ok((String::new(), line));
        }
        let mut title = first.text.clone();
        while let Some(next) = lines.next_if(|l| continues_title(&title, l)) {
            title.push(' ');
            title.push_str(&next.text);
        }
        let rest: Vec<Line> = lines.collect();
        if rest.is_empty() {
            blocks.drain(..taken);
        } else {
            blocks[taken - 1] = rest;
            blocks.drain(..taken - 1);
        }
        return Ok((title, first.no));
    }
    blocks.clear();
    let line = header.first().map_or(1, |p| p.line);
    Err(error(
        source,
        line,
        "no title: only header lines (document symbol, date, notice); expected a headline",
    ))
}

/// A wrapped headline's second line: short, not a dateline, not boilerplate.
fn continues_title(title: &str, next: &Line) -> bool {
    let len = next.text.chars().count();
    next.heading == 0
        && len <= MAX_TITLE_CONTINUATION_CHARS
        && title.chars().count() + 1 + len <= MAX_TITLE_CHARS
        && !is_header_line(&next.text)
        && dateline::parse(&next.text).is_none()
}

/// Blocks right after the title made only of boilerplate (an embargo line, a
/// date line) belong to the header, not the body.
fn move_header_blocks(blocks: &mut Vec<Vec<Line>>, header: &mut Vec<Paragraph>) {
    let boilerplate = blocks
        .iter()
        .take_while(|b| b.iter().all(|l| is_header_line(&l.text)))
        .count();
    for block in blocks.drain(..boilerplate) {
        header.extend(block.iter().map(paragraph));
    }
    // Embargo lines directly below the title, in the first body block (never
    // its last line).
    if let Some(first) = blocks.first_mut() {
        let embargo = first
            .iter()
            .take(first.len().saturating_sub(1))
            .take_while(|l| is_header_line(&l.text))
            .count();
        header.extend(first.drain(..embargo).map(|line| paragraph(&line)));
    }
}

/// Index of the first block of the closing contact block (`blocks.len()` if
/// none): the first block opening with a contact heading or an end marker, and
/// any trailing blocks of bare contact or date lines (`Date of issue: ...`).
/// Never the first block.
fn footer_start(blocks: &[Vec<Line>]) -> usize {
    let marked = blocks
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, b)| is_end_marker(b) || b.first().is_some_and(|l| is_footer_heading(&l.text)))
        .map_or(blocks.len(), |(i, _)| i);
    let mut start = marked;
    while start > 1
        && blocks.get(start - 1).is_some_and(|b| {
            b.iter()
                .all(|l| is_contact_line(&l.text) || is_date_line(&l.text))
        })
    {
        start -= 1;
    }
    start
}

/// A short stand-alone date line (`Published 30 July 2021`).
fn is_date_line(text: &str) -> bool {
    text.chars().count() <= 80 && dateline::date_line(text).is_some()
}

fn paragraph(line: &Line) -> Paragraph {
    Paragraph {
        text: line.text.clone(),
        line: line.no,
    }
}

/// A body paragraph: wrapped lines joined with a space, list items kept on their own line.
fn join_body(block: &[Line]) -> Paragraph {
    let mut text = String::new();
    for line in block {
        if !text.is_empty() {
            text.push(if is_list_item(&line.text) { '\n' } else { ' ' });
        }
        text.push_str(&line.text);
    }
    Paragraph {
        text,
        line: block.first().map_or(0, |l| l.no),
    }
}

fn join_lines(block: &[Line], sep: &str) -> Paragraph {
    Paragraph {
        text: block
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(sep),
        line: block.first().map_or(0, |l| l.no),
    }
}

fn regex(cell: &'static OnceLock<Option<Regex>>, pattern: &str) -> Option<&'static Regex> {
    cell.get_or_init(|| Regex::new(pattern).ok()).as_ref()
}

fn matches(cell: &'static OnceLock<Option<Regex>>, pattern: &str, text: &str) -> bool {
    regex(cell, pattern).is_some_and(|re| re.is_match(text))
}

/// Archive boilerplate that is never the title: notices, document symbols,
/// bare date lines, embargo lines, punctuation-only rules.
pub fn is_header_line(text: &str) -> bool {
    static NOTICE: OnceLock<Option<Regex>> = OnceLock::new();
    static SYMBOL: OnceLock<Option<Regex>> = OnceLock::new();
    let notice = r"(?i)^\W*(for information only|not an official (document|record)|(strictly )?embargo(ed)?\b|under embargo|not for (publication|release|broadcast)|check against delivery|for (immediate|general) release|(date of issue|release date|issue date)\b|(press|news|media) release(\s*(no\.?|n°|#)?\s*[a-z0-9/.\-]*)?\s*$)";
    let symbol = r"^[A-Z][A-Z0-9.]*(/[A-Za-z0-9.\-]+)+$";
    let text = text.trim();
    !text.is_empty()
        && (matches(&NOTICE, notice, text)
            || (text.len() <= 40 && matches(&SYMBOL, symbol, text))
            || is_date_line(text)
            || !text.chars().any(char::is_alphanumeric))
}

/// The heading that opens the closing contact block.
const FOOTER_HEADING: &str = r"(?i)^\W*(for (more|further|additional) (information|details)|for (media|press) (enquiries|inquiries|queries|contacts?)|(media|press) (contacts?|enquiries|inquiries|queries)\b|contacts?\s*(:|$)|contact (information|details|persons?)\b|for interviews?\b|follow us\b)";

pub(crate) fn is_footer_heading(text: &str) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    // Every alternative opens, after the `\W*`, on `f`, `m`, `p` or `c`
    // (without case, and none has a case form beyond ASCII): a block
    // opening otherwise (most paragraphs) is told without the regex.
    let opens = text.chars().find(|&c| is_word_char(c));
    opens.is_some_and(|c| matches!(c, 'f' | 'F' | 'm' | 'M' | 'p' | 'P' | 'c' | 'C'))
        && matches(&RE, FOOTER_HEADING, text)
}

/// `* *** *`, `###`, `- END -`, `-ends-`: the end of the release text.
const END_MARKER: &str = r"(?i)^(\*[\s*]*|#{3,}|-+\s*ends?\s*-+|ends?)$";

fn is_end_marker(block: &[Line]) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    // Every alternative opens on `*`, `#`, `-` or `e` (without case): most
    // blocks are told without the regex.
    let opens = |t: &str| matches!(t.as_bytes().first(), Some(b'*' | b'#' | b'-' | b'e' | b'E'));
    block.len() == 1
        && block
            .first()
            .is_some_and(|l| opens(&l.text) && matches(&RE, END_MARKER, &l.text))
}

/// A bare contact line (`E-mail: ...`, `Tel: ...`, `Twitter: @x`, an address).
fn is_contact_line(text: &str) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = r"(?i)^(e-?mail|tel\.?|telephone|phone|mobile|cell|fax|twitter|facebook|instagram|linkedin|youtube|website|web|www\.|https?://|@\w|\+?\d[\d ()./-]{6,}$)";
    matches(&RE, pattern, text) || is_address_line(text)
}

/// A line that is one e-mail address, as `(?i)^[\w.+-]+@[\w-]+\.[\w.]+$`
/// reads it (Unicode `\w`, which case-insensitivity leaves as it is), told
/// by hand: that alternative of the contact line's pattern was two thirds of
/// compiling it (11 M instructions at every start). None of the classes
/// holds `@`, and the middle one no `.`: the address splits at the first `@`
/// and, after it, at the first `.`.
fn is_address_line(text: &str) -> bool {
    let all = |part: &str, marks: &[char]| {
        !part.is_empty() && part.chars().all(|c| is_word_char(c) || marks.contains(&c))
    };
    let Some((user, domain)) = text.split_once('@') else {
        return false;
    };
    let Some((host, rest)) = domain.split_once('.') else {
        return false;
    };
    all(user, &['.', '+', '-']) && all(host, &['-']) && all(rest, &['.'])
}

/// A character Unicode `\w` matches.
fn is_word_char(c: char) -> bool {
    regex_syntax::try_is_word_character(c).unwrap_or(false)
}

const LIST_ITEM: &str = r"^([-*•–·]\s|\d{1,2}[.)]\s|[a-z][.)]\s)";

fn is_list_item(text: &str) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    // Every alternative opens on a bullet, a digit or a lower-case ASCII
    // letter: a line opening otherwise (a capital, most) is told without
    // the regex.
    let opens = text.chars().next().is_some_and(|c| {
        matches!(c, '-' | '*' | '•' | '–' | '·') || c.is_numeric() || c.is_ascii_lowercase()
    });
    opens && matches(&RE, LIST_ITEM, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each regex's opening gate turns away only what the regex would.
    #[test]
    fn the_opening_gates_leave_the_regexes_answers() {
        let texts = crate::sample_texts::with_paragraphs_and_lines(&[
            "For more information",
            "— Contacts:",
            "¿for media enquiries",
            "* * *",
            "- ENDS -",
            "End",
            "ENDS",
            "###",
            "a) item",
            "٣. item",
            "• item",
            "· x",
            "«Follow us",
            "_contact us",
            "Media contact",
            "PRESS CONTACTS",
            "12) x",
        ]);
        let (heading, end, item) = (
            Regex::new(FOOTER_HEADING).unwrap(),
            Regex::new(END_MARKER).unwrap(),
            Regex::new(LIST_ITEM).unwrap(),
        );
        let mut matched = 0;
        for t in &texts {
            let block = [Line {
                no: 1,
                text: t.clone(),
                heading: 0,
            }];
            assert_eq!(is_footer_heading(t), heading.is_match(t), "{t:?}");
            assert_eq!(is_end_marker(&block), end.is_match(t), "{t:?}");
            assert_eq!(is_list_item(t), item.is_match(t), "{t:?}");
            matched += usize::from(heading.is_match(t) || end.is_match(t) || item.is_match(t));
        }
        assert!(matched > 20, "{matched}");
    }

    /// `lines` splits, trims and untabs as the iterators it replaced did,
    /// on every text of up to five pieces: line ends, tabs, the other
    /// control bytes the scan stops at, a byte-order mark, a wide letter,
    /// and a run long enough to be read eight bytes at a time.
    #[test]
    fn lines_are_the_split_lines() {
        let reference = |text: &str| -> Vec<Line> {
            text.split('\n')
                .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
                .enumerate()
                .map(|(i, l)| Line {
                    no: i + 1,
                    text: l
                        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                        .replace('\t', " "),
                    heading: 0,
                })
                .collect()
        };
        let pieces = [
            "a",
            "\r",
            "\n",
            "\t",
            " ",
            "\u{b}",
            "\u{feff}",
            "é",
            "a long\tline of text",
        ];
        for text in &crate::sample_texts::concatenations(&pieces, 5) {
            assert_eq!(lines(text), reference(text), "{text:?}");
        }
    }

    /// `is_address_line` reads a line as the pattern's e-mail alternative
    /// did: on sample lines, and each class character by character over all
    /// of Unicode (case-insensitive, as the pattern was).
    #[test]
    fn an_address_line_is_what_the_pattern_read() {
        let pattern = Regex::new(r"(?i)^[\w.+-]+@[\w-]+\.[\w.]+$").unwrap();
        let lines = [
            "press@un.org",
            "a.b+c-d@host-name.co.uk",
            "josé@café.fr",
            "@un.org",
            "a@.org",
            "a@org",
            "a@un.",
            "a@b@c.org",
            "a b@un.org",
            "a@un.org ",
            "a@un..org",
            "a@u_n.o_rg",
            "Ǆ@ǅ.ǆ",
            "ſ@K.k",
            "a@b.c\n",
            "press office: press@un.org",
            "",
        ];
        for line in lines {
            assert_eq!(is_address_line(line), pattern.is_match(line), "{line:?}");
        }
        let classes = [
            (r"(?i)^[\w.+-]$", &['.', '+', '-'][..]),
            (r"(?i)^[\w-]$", &['-'][..]),
            (r"(?i)^[\w.]$", &['.'][..]),
        ];
        let word = |c: char| regex_syntax::try_is_word_character(c).unwrap_or(false);
        for (class, marks) in classes {
            let class = Regex::new(class).unwrap();
            let mut buf = [0u8; 4];
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                let by_hand = word(c) || marks.contains(&c);
                assert_eq!(by_hand, class.is_match(c.encode_utf8(&mut buf)), "{c:?}");
            }
        }
    }

    fn doc(text: &str) -> Document {
        layout("r.txt", lines(text), None, Vec::new()).unwrap()
    }

    fn texts(ps: &[Paragraph]) -> Vec<&str> {
        ps.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn an_about_heading_is_a_paragraph_of_its_own() {
        let d = doc(
            "Airline orders aircraft\n\nADDIS ABABA, 3 March 2028 - The airline ordered.\n\n\
             About Ethiopian Airlines Group\nEthiopian Airlines Group is the largest\naviation group.\n\n\
             About twenty people\nwere there.\n",
        );
        assert_eq!(
            texts(&d.paragraphs)[1..],
            [
                "About Ethiopian Airlines Group",
                "Ethiopian Airlines Group is the largest aviation group.",
                "About twenty people were there."
            ]
        );
    }

    #[test]
    fn header_title_body_footer() {
        let d = doc(
            "For information only - not an official document\nUNIS/CP/488\n14 September 2009\n\n\
             Drug Control Meeting Opens\nin Vienna\n\n\
             VIENNA, 14 September (UN Information Service) - The meeting\nopened today.\n\n\
             - first point\n- second point\n\n\
             * *** *\n\nFor more information, please contact:\nJane Doe\nEmail: jane@example.org\n",
        );
        assert_eq!(
            texts(&d.header),
            [
                "For information only - not an official document",
                "UNIS/CP/488",
                "14 September 2009"
            ]
        );
        assert_eq!(d.title, "Drug Control Meeting Opens in Vienna");
        assert_eq!(d.title_line, 5);
        assert_eq!(
            texts(&d.paragraphs),
            [
                "VIENNA, 14 September (UN Information Service) - The meeting opened today.",
                "- first point\n- second point"
            ]
        );
        assert_eq!(d.paragraphs[0].line, 8);
        assert_eq!(
            texts(&d.footer),
            [
                "* *** *",
                "For more information, please contact:\nJane Doe\nEmail: jane@example.org"
            ]
        );
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn title_cases() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Title\nVienna, 17 April 2019 - Body.",
                "Title",
                "Vienna, 17 April 2019 - Body.",
            ),
            (
                "EMBARGOED until 17 April 2019, 00:01 GMT\nTitle here\n\nBody.",
                "Title here",
                "Body.",
            ),
            (
                "Title here\n\nEMBARGOED until 18:00 GMT\n\nBody.",
                "Title here",
                "Body.",
            ),
            (
                "Date of issue: 17 April 2019\n\nTitle\n\nBody.",
                "Title",
                "Body.",
            ),
            (
                "Press Release No. 12/2019\nTitle\n\nBody.",
                "Title",
                "Body.",
            ),
            (
                "Press release: UNODC and Iran sign a deal\n\nBody.",
                "Press release: UNODC and Iran sign a deal",
                "Body.",
            ),
            (
                "\r\n  Title  \r\n\r\n\tBody\t line\r\n",
                "Title",
                "Body  line",
            ),
            ("Old Mac\r\rBody.", "Old Mac", "Body."),
        ];
        for (text, title, body0) in cases {
            let d = doc(text);
            assert_eq!(d.title, *title, "{text:?}");
            assert_eq!(
                d.paragraphs.first().map(|p| p.text.as_str()),
                Some(*body0),
                "{text:?}"
            );
        }
    }

    #[test]
    fn no_title_line_and_no_body() {
        let d = doc("Vienna, 17 April 2019 - Body straight away.");
        assert_eq!(d.title, "");
        assert_eq!(d.paragraphs.len(), 1);
        assert!(d.diagnostics[0].message.contains("no title"));

        let d = doc("Only a title\n");
        assert_eq!(d.title, "Only a title");
        assert!(d.paragraphs.is_empty());
        assert_eq!(d.diagnostics.len(), 1);
        assert!(d.diagnostics[0].message.contains("no body"));
        assert_eq!(d.diagnostics[0].line, 1);

        let e = layout(
            "r.txt",
            lines("UNIS/CP/488\n\n17 April 2019"),
            None,
            Vec::new(),
        )
        .unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("no title"));
    }

    #[test]
    fn footer_forms() {
        let cases: &[(&str, usize, usize)] = &[
            (
                "T\n\nBody.\n\nMore body.\n\nMedia contact: Jane, +43 1 234",
                2,
                1,
            ),
            ("T\n\nBody.\n\nContact:\nJane Doe\n\nTwitter: @x", 1, 2),
            ("T\n\nBody.\n\nEmail: a@b.org\nTel: +43 1 26060", 1, 1),
            ("T\n\nBody.\n\nFor further information: www.unodc.org", 1, 1),
            ("T\n\nFor more information, the report is online.", 1, 0),
            ("T\n\nBody.\n\n###\n\nAbout the Office.", 1, 2),
            ("T\n\nBody.\n\nMore.\n\nPublished 30 July 2021", 2, 1),
        ];
        for (text, body, footer) in cases {
            let d = doc(text);
            assert_eq!(
                (d.paragraphs.len(), d.footer.len()),
                (*body, *footer),
                "{text:?}"
            );
        }
    }
}
