//! Citations of one release as a press release: APA 7 and Chicago
//! (17th edition, author-date) reference entries, BibTeX and RIS records,
//! and the Highwire `citation_*` meta tags that Zotero reads.
//!
//! The author is the release's first organisation (its full name where known,
//! else its acronym); a release naming none has no author, and each style then
//! starts with the title, as its manual says. Titles are cited as given: APA
//! asks for sentence case, but lowercasing a headline cannot tell proper nouns
//! from other words (citeproc's APA style does not convert either); Chicago's
//! title case only capitalises, so it is applied.

use crate::{PartialDate, Release};

/// A reference style the reader can pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Style {
    /// APA 7th edition.
    #[default]
    Apa,
    /// Chicago Manual of Style, 17th edition, author-date reference list.
    Chicago,
}

impl Style {
    pub const ALL: [Style; 2] = [Style::Apa, Style::Chicago];

    /// What the reader sees in the style picker.
    pub fn label(self) -> &'static str {
        match self {
            Style::Apa => "APA 7",
            Style::Chicago => "Chicago (author-date)",
        }
    }

    /// A stable key (a select option's value).
    pub fn key(self) -> &'static str {
        match self {
            Style::Apa => "apa",
            Style::Chicago => "chicago",
        }
    }

    pub fn from_key(key: &str) -> Option<Style> {
        Style::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A reference in three runs, so that the title can be set in italics (APA)
/// where the page shows it; [`Reference::text`] is the plain text to copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub before: String,
    pub title: String,
    /// Whether the style sets the title in italics.
    pub italic: bool,
    pub after: String,
}

impl Reference {
    pub fn text(&self) -> String {
        format!("{}{}{}", self.before, self.title, self.after)
    }
}

/// The organisation cited as author: the first organisation's name, else its
/// acronym; none when the release names no organisation.
pub fn author(r: &Release) -> Option<String> {
    r.organisations
        .iter()
        .filter_map(|o| o.name.as_deref().or(o.acronym.as_deref()))
        .map(one_line)
        .find(|a| !a.is_empty())
}

/// Text on one line: every run of white space (line breaks included) and
/// control characters becomes one space; trimmed.
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title on one line, without a final full stop (the style adds its own).
fn clean_title(r: &Release) -> String {
    let t = one_line(&r.title);
    match t.strip_suffix('.') {
        Some(s) if !s.ends_with('.') => s.to_string(),
        _ => t,
    }
}

/// Whether a title ends in its own punctuation, which stands for the full stop.
fn ends_in_mark(t: &str) -> bool {
    t.ends_with(['?', '!', '.'])
}

/// The reference entry of a release published at `url`.
pub fn reference(r: &Release, style: Style, url: &str) -> Reference {
    let title = clean_title(r);
    let author = author(r);
    match style {
        Style::Apa => {
            // Author. (2019, April 17). Title [Press release]. URL
            let date = match r.date {
                None => "n.d.".to_string(),
                Some(d) => match (d.month_name(), d.day()) {
                    (Some(m), Some(day)) => format!("{:04}, {m} {day}", d.year()),
                    (Some(m), None) => format!("{:04}, {m}", d.year()),
                    _ => format!("{:04}", d.year()),
                },
            };
            match author {
                Some(a) => Reference {
                    before: format!("{}. ({date}). ", a.trim_end_matches('.')),
                    title,
                    italic: true,
                    after: format!(" [Press release]. {url}"),
                },
                // No author: the title moves to the author's place.
                None => Reference {
                    before: String::new(),
                    title,
                    italic: true,
                    after: format!(" [Press release]. ({date}). {url}"),
                },
            }
        }
        Style::Chicago => {
            // Author. 2019. "Title." Press release, April 17, 2019. URL.
            // "2019." or "n.d." (its own stop).
            let year = r
                .date
                .map_or("n.d.".to_string(), |d| format!("{:04}.", d.year()));
            let title = title_case(&title);
            let stop = if ends_in_mark(&title) { "" } else { "." };
            let when = r
                .date
                .map(us_date)
                .map_or(String::new(), |d| format!(", {d}"));
            let release = format!("Press release{when}. {url}.");
            match author {
                Some(a) => Reference {
                    before: format!("{}. {year} \u{201C}", a.trim_end_matches('.')),
                    title,
                    italic: false,
                    after: format!("{stop}\u{201D} {release}"),
                },
                None => Reference {
                    before: "\u{201C}".to_string(),
                    title,
                    italic: false,
                    after: format!("{stop}\u{201D} {year} {release}"),
                },
            }
        }
    }
}

/// `April 17, 2019`, `April 2019`, `2019`.
fn us_date(d: PartialDate) -> String {
    match (d.month_name(), d.day()) {
        (Some(m), Some(day)) => format!("{m} {day}, {:04}", d.year()),
        (Some(m), None) => format!("{m} {:04}", d.year()),
        _ => format!("{:04}", d.year()),
    }
}

/// Words Chicago keeps lowercase inside a title.
const MINOR: [&str; 22] = [
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "on", "to", "up", "via", "per", "vs", "from",
];

/// Chicago headline style, conservatively: a word in lowercase that starts
/// with an ASCII letter is capitalised unless it is a minor word inside the
/// title; words with any capital (acronyms, names, "eHealth") are left as
/// they are. (ASCII only: Unicode's uppercase table would add 10 kB to the
/// app for the odd "élan".)
pub fn title_case(title: &str) -> String {
    let words: Vec<&str> = title.split(' ').collect();
    let last = words.len().saturating_sub(1);
    let mut out = Vec::with_capacity(words.len());
    let mut starts = true; // first word, or after a colon, dash, ? or !
    for (i, w) in words.iter().enumerate() {
        let letters = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let bare: String = letters
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let minor = MINOR.contains(&bare.as_str()) && !starts && i != last;
        let lower = letters.chars().all(|c| c.to_lowercase().eq([c]));
        match letters.as_bytes().first() {
            Some(b) if b.is_ascii_lowercase() && lower && !minor => {
                let at = w.len() - letters.len();
                let head = char::from(b.to_ascii_uppercase());
                out.push(format!("{}{head}{}", &w[..at], &letters[1..]));
            }
            _ => out.push(w.to_string()),
        }
        starts = w.ends_with([':', '?', '!']) || matches!(*w, "\u{2014}" | "\u{2013}" | "-");
    }
    out.join(" ")
}

/// A BibTeX key, and the citation files' name, from the release id: its
/// letters, digits, `-`, `_` and `:`.
pub fn file_stem(r: &Release) -> String {
    let key: String =
        r.id.chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
            .collect();
    if key.is_empty() {
        "release".to_string()
    } else {
        key
    }
}

/// A field value for BibTeX: on one line, LaTeX's special characters
/// escaped. Braces become `\textbraceleft{}`/`\textbraceright{}`, as BibTeX
/// counts `\{` as an open brace and would read past the field's end.
pub fn bibtex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            _ => out.push(c),
        }
    }
    out
}

/// A URL for a BibTeX `url` field: characters that would end or unbalance
/// the field, or that LaTeX reads specially, percent-encoded.
fn bibtex_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' | '}' | '\\' | '%' | '#' | ' ' | '"' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_whitespace() || c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const BIBTEX_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A BibTeX `@misc` entry, `howpublished = {Press release}`.
pub fn bibtex(r: &Release, url: &str) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if let Some(a) = author(r) {
        // Double braces: an organisation, not a person's "Last, First".
        fields.push(("author", format!("{{{{{}}}}}", bibtex_escape(&a))));
    }
    fields.push((
        "title",
        format!("{{{{{}}}}}", bibtex_escape(&clean_title(r))),
    ));
    fields.push(("howpublished", "{Press release}".into()));
    if let Some(d) = r.date {
        fields.push(("year", format!("{{{:04}}}", d.year())));
        if let Some(m) = d.month() {
            let month = BIBTEX_MONTHS[usize::from(m.clamp(1, 12)) - 1];
            fields.push(("month", month.to_string()));
        }
        if d.is_day() {
            fields.push(("date", format!("{{{d}}}")));
        }
    }
    fields.push(("url", format!("{{{}}}", bibtex_url(url))));
    let mut out = format!("@misc{{{},\n", file_stem(r));
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {value},\n"));
    }
    out.push_str("}\n");
    out
}

/// An RIS record, `TY  - PRESS` to `ER  - `, CRLF line ends; every value on
/// one line, so no text can start a tag of its own.
pub fn ris(r: &Release, url: &str) -> String {
    let mut lines: Vec<(&str, String)> = vec![("TY", "PRESS".into())];
    let author = author(r);
    if let Some(a) = &author {
        lines.push(("AU", a.clone()));
    }
    lines.push(("TI", clean_title(r)));
    if let Some(d) = r.date {
        lines.push(("PY", format!("{:04}", d.year())));
        lines.push(("DA", slash_date(d)));
    }
    if let Some(a) = author {
        lines.push(("PB", a));
    }
    lines.push(("M3", "Press release".into()));
    lines.push(("UR", one_line(url)));
    let mut out = String::new();
    for (tag, value) in lines {
        out.push_str(&format!("{tag}  - {}\r\n", one_line(&value)));
    }
    out.push_str("ER  - \r\n");
    out
}

/// `2019/04/17`, `2019/04`, `2019`: the form of Highwire's
/// `citation_publication_date` and RIS's `DA`.
pub fn slash_date(d: PartialDate) -> String {
    d.to_string().replace('-', "/")
}

/// The Highwire Press meta tags Zotero reads, `(name, content)`, in order.
pub fn meta_tags(r: &Release, url: &str) -> Vec<(&'static str, String)> {
    let mut tags = vec![("citation_title", clean_title(r))];
    let author = author(r);
    if let Some(a) = &author {
        tags.push(("citation_author", a.clone()));
    }
    if let Some(d) = r.date {
        tags.push(("citation_publication_date", slash_date(d)));
    }
    if let Some(a) = author {
        tags.push(("citation_publisher", a));
    }
    tags.push(("citation_public_url", one_line(url)));
    tags.push(("citation_abstract_html_url", one_line(url)));
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Organisation;

    const URL: &str = "https://example.org/dateline/release/2019-04-17-wmo-and-wco";

    fn release(title: &str, org: Option<(&str, &str)>, date: &str) -> Release {
        Release {
            id: "2019-04-17-wmo-and-wco".into(),
            title: title.into(),
            date: PartialDate::parse(date),
            organisations: org
                .map(|(n, a)| Organisation {
                    name: (!n.is_empty()).then(|| n.into()),
                    acronym: (!a.is_empty()).then(|| a.into()),
                })
                .into_iter()
                .collect(),
            ..Release::default()
        }
    }

    fn wmo() -> Release {
        release(
            "WMO and WCO join forces to fight illicit trade",
            Some(("World Meteorological Organization", "WMO")),
            "2019-04-17",
        )
    }

    #[test]
    fn apa_press_release() {
        let r = reference(&wmo(), Style::Apa, URL);
        assert_eq!(
            r.text(),
            format!("World Meteorological Organization. (2019, April 17). WMO and WCO join forces to fight illicit trade [Press release]. {URL}")
        );
        assert!(r.italic);
        assert_eq!(r.title, "WMO and WCO join forces to fight illicit trade");
    }

    #[test]
    fn apa_partial_and_missing_dates_and_no_author() {
        let r = release("Annual report.", Some(("", "UNEP")), "2019-04");
        assert_eq!(
            reference(&r, Style::Apa, URL).text(),
            format!("UNEP. (2019, April). Annual report [Press release]. {URL}")
        );
        let r = release("Annual report", None, "");
        assert_eq!(
            reference(&r, Style::Apa, URL).text(),
            format!("Annual report [Press release]. (n.d.). {URL}")
        );
    }

    #[test]
    fn chicago_author_date() {
        assert_eq!(
            reference(&wmo(), Style::Chicago, URL).text(),
            format!("World Meteorological Organization. 2019. \u{201C}WMO and WCO Join Forces to Fight Illicit Trade.\u{201D} Press release, April 17, 2019. {URL}.")
        );
        let r = release("Who pays?", None, "2020");
        assert_eq!(
            reference(&r, Style::Chicago, URL).text(),
            format!("\u{201C}Who Pays?\u{201D} 2020. Press release, 2020. {URL}.")
        );
        let r = release("Report", Some(("Org", "")), "");
        assert_eq!(
            reference(&r, Style::Chicago, URL).text(),
            format!("Org. n.d. \u{201C}Report.\u{201D} Press release. {URL}.")
        );
    }

    #[test]
    fn title_case_only_capitalises() {
        assert_eq!(
            title_case("the state of the climate in 2019: a report on eHealth"),
            "The State of the Climate in 2019: A Report on eHealth"
        );
        assert_eq!(title_case("what it is for"), "What It Is For");
        assert_eq!(
            title_case("UNEP (\"clean seas\") and WMO"),
            "UNEP (\"Clean Seas\") and WMO"
        );
    }

    #[test]
    fn style_keys_round_trip() {
        for s in Style::ALL {
            assert_eq!(Style::from_key(s.key()), Some(s));
        }
        assert_eq!(Style::default(), Style::Apa);
    }

    #[test]
    fn bibtex_misc_entry() {
        assert_eq!(
            bibtex(&wmo(), URL),
            format!(
                "@misc{{2019-04-17-wmo-and-wco,\n  author = {{{{World Meteorological Organization}}}},\n  title = {{{{WMO and WCO join forces to fight illicit trade}}}},\n  howpublished = {{Press release}},\n  year = {{2019}},\n  month = apr,\n  date = {{2019-04-17}},\n  url = {{{URL}}},\n}}\n"
            )
        );
    }

    /// Braces in a field stay balanced however hostile the text.
    fn balanced(s: &str) -> bool {
        let mut depth = 0i32;
        for c in s.chars() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    #[test]
    fn bibtex_escapes_hostile_titles() {
        let r = release(
            "100% {unbalanced} } R&D_fund $5 #1 ~x^2 \\end\n@misc{evil,\n  title = {x}",
            Some(("A & B {Org}", "")),
            "2019-04-17",
        );
        let b = bibtex(&r, "https://example.org/a{b}%20c#d");
        assert!(balanced(&b), "{b}");
        assert_eq!(
            b.matches('@').count(),
            2,
            "only the entry type and the text's own @: {b}"
        );
        assert_eq!(b.lines().count(), 9, "every field on one line: {b}");
        assert!(b.contains(
            "title = {{100\\% \\textbraceleft{}unbalanced\\textbraceright{} \\textbraceright{} R\\&D\\_fund \\$5 \\#1 \\textasciitilde{}x\\textasciicircum{}2 \\textbackslash{}end @misc\\textbraceleft{}evil, title = \\textbraceleft{}x\\textbraceright{}}},"
        ), "{b}");
        assert!(b.contains("author = {{A \\& B \\textbraceleft{}Org\\textbraceright{}}},"));
        assert!(
            b.contains("url = {https://example.org/a%7Bb%7D%2520c%23d},"),
            "{b}"
        );
    }

    #[test]
    fn ris_press_record() {
        assert_eq!(
            ris(&wmo(), URL),
            format!("TY  - PRESS\r\nAU  - World Meteorological Organization\r\nTI  - WMO and WCO join forces to fight illicit trade\r\nPY  - 2019\r\nDA  - 2019/04/17\r\nPB  - World Meteorological Organization\r\nM3  - Press release\r\nUR  - {URL}\r\nER  - \r\n")
        );
    }

    #[test]
    fn ris_keeps_hostile_text_on_one_line() {
        let r = release(
            "Line one\nER  - \r\nTY  - JOUR\u{2028}{x} % & end",
            Some(("Org\r\nAU  - Evil", "")),
            "",
        );
        let text = ris(&r, URL);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines.len(), 8, "{text:?}");
        assert_eq!(lines[0], "TY  - PRESS");
        assert_eq!(lines[1], "AU  - Org AU - Evil");
        assert_eq!(lines[2], "TI  - Line one ER - TY - JOUR {x} % & end");
        assert_eq!(lines[6], "ER  - ");
        assert_eq!(text.matches("ER  - ").count(), 1);
        assert!(!text.replace("\r\n", "").contains(['\r', '\n']));
    }

    #[test]
    fn meta_tags_for_zotero() {
        let tags = meta_tags(&wmo(), URL);
        let get = |n: &str| tags.iter().find(|(k, _)| *k == n).map(|(_, v)| v.as_str());
        assert_eq!(
            get("citation_title"),
            Some("WMO and WCO join forces to fight illicit trade")
        );
        assert_eq!(
            get("citation_author"),
            Some("World Meteorological Organization")
        );
        assert_eq!(get("citation_publication_date"), Some("2019/04/17"));
        assert_eq!(
            get("citation_publisher"),
            Some("World Meteorological Organization")
        );
        assert_eq!(get("citation_public_url"), Some(URL));
        let bare = meta_tags(&release("T", None, "2019-04"), URL);
        assert!(bare.iter().all(|(k, _)| *k != "citation_author"));
        assert!(bare.contains(&("citation_publication_date", "2019/04".into())));
    }
}
