//! The Atom feed of the newest releases, written at build time.
//!
//! Atom 1.0 (RFC 4287). Everything is XML-escaped, characters XML 1.0 forbids
//! are dropped, and the output depends only on the input: the same corpus
//! gives the same bytes.

use std::fmt::Write as _;
#[cfg(feature = "ingest")]
use std::path::{Path, PathBuf};

use crate::date::PartialDate;
#[cfg(feature = "ingest")]
use crate::ingest::corpus::ingest_paths;
#[cfg(feature = "ingest")]
use crate::ingest::Severity;
use crate::markup::escape;
use crate::model::Release;

/// Entries in the feed written by [`write_feed`].
pub const FEED_LIMIT: usize = 50;
/// The feed title written by [`write_feed`].
pub const FEED_TITLE: &str = "Dateline releases";

/// Atom 1.0 of the newest `limit` dated releases (newest first, ties by id).
///
/// `base_url` is where the app is served (`https://example.org/dateline/`, or
/// a path such as `/dateline/`); a missing trailing slash is added. Entry links
/// are `{base_url}release/{id}`, the self link `{base_url}feed.xml`. Entry ids
/// are those links when `base_url` is absolute, else `tag:` URIs, which stay
/// stable wherever the site moves. The feed's `updated` is `updated` where
/// given (a date or a date-time), else the newest release's date.
pub fn atom(
    releases: &[Release],
    site_title: &str,
    base_url: &str,
    updated: Option<&str>,
    limit: usize,
) -> String {
    let base = if base_url.ends_with('/') {
        base_url.to_owned()
    } else {
        format!("{base_url}/")
    };
    let absolute = base.starts_with("https://") || base.starts_with("http://");

    let mut dated: Vec<&Release> = releases
        .iter()
        .filter(|r| r.date.is_some_and(PartialDate::is_day))
        .collect();
    // The packed files' order: `pack::site_files_sorted` takes the feed's entries from its head.
    dated.sort_by(|a, b| crate::pack::newest_first(a, b));
    dated.truncate(limit);

    let feed_updated = match updated {
        Some(u) => timestamp(u),
        None => dated
            .first()
            .and_then(|r| r.date)
            .map(midnight)
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned()),
    };
    let feed_id = if absolute {
        base.clone()
    } else {
        format!("tag:dateline,2019:{}", escape(&base))
    };

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(out, "  <id>{}</id>", escape(&feed_id));
    let _ = writeln!(out, "  <title>{}</title>", escape(site_title));
    let _ = writeln!(out, "  <updated>{feed_updated}</updated>");
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}feed.xml\"/>",
        escape(&base)
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&base)
    );
    let _ = writeln!(
        out,
        "  <author><name>{}</name></author>",
        escape(site_title)
    );
    out.push_str("  <generator>Dateline</generator>\n");

    for r in dated {
        let Some(date) = r.date else { continue };
        let when = midnight(date);
        let link = format!("{base}release/{}", r.id);
        let id = if absolute {
            link.clone()
        } else {
            format!("tag:dateline,{date}:release/{}", r.id)
        };
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <id>{}</id>", escape(&id));
        let _ = writeln!(out, "    <title>{}</title>", escape(&r.title));
        let _ = writeln!(out, "    <updated>{when}</updated>");
        let _ = writeln!(out, "    <published>{when}</published>");
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&link)
        );
        if let Some(lede) = r.body.first() {
            let _ = writeln!(out, "    <summary type=\"text\">{}</summary>", escape(lede));
        }
        for topic in &r.topics {
            let _ = writeln!(out, "    <category term=\"{}\"/>", escape(topic));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Why [`write_feed`] wrote nothing.
#[cfg(feature = "ingest")]
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    /// Files that could not be read, one `file:line: error: message` each.
    #[error("{}", .0.join("\n"))]
    Rejected(Vec<String>),
    /// The feed file could not be written.
    #[error("{path}: error: cannot write: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// A `--base` that is not a base URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("--base `{base}`: expected {expected}")]
pub struct BadBase {
    pub base: String,
    pub expected: &'static str,
}

/// Checks a feed's base URL: an absolute `http://` or `https://` URL with a
/// host and no spaces (`https://example.org/dateline/`); with `allow_path`,
/// also a path from the site's root (`/dateline/`), as the app's build gives
/// when no site URL is known.
pub fn check_base(base: &str, allow_path: bool) -> Result<(), BadBase> {
    let expected = if allow_path {
        "an absolute http(s) URL such as https://example.org/dateline/, or a path such as /dateline/"
    } else {
        "an absolute http(s) URL such as https://example.org/dateline/"
    };
    let bad = || BadBase {
        base: base.to_string(),
        expected,
    };
    if base
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>\"\\`{}|^".contains(c))
    {
        return Err(bad());
    }
    let lower = base.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            let host_ok = !host.is_empty()
                && !host.starts_with(':')
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || ".-_:[]@%".contains(c));
            if host_ok {
                Ok(())
            } else {
                Err(bad())
            }
        }
        None if allow_path && base.starts_with('/') && !base.starts_with("//") => Ok(()),
        None => Err(bad()),
    }
}

#[cfg(feature = "ingest")]
/// Ingests `paths` (as the app's build does) and writes their feed to `out`
/// (`-`: standard output) with [`FEED_TITLE`] and the newest [`FEED_LIMIT`]
/// releases. Returns the number of entries written; a file that cannot be
/// read is an error, as it is for the app's build.
pub fn write_feed(paths: &[PathBuf], base_url: &str, out: &Path) -> Result<usize, FeedError> {
    let corpus = ingest_paths(paths);
    let errors: Vec<String> = corpus
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        return Err(FeedError::Rejected(errors));
    }
    let xml = atom(&corpus.releases, FEED_TITLE, base_url, None, FEED_LIMIT);
    let entries = xml.matches("<entry>").count();
    write_output(out, xml.as_bytes()).map_err(|source| FeedError::Write {
        path: out.display().to_string(),
        source,
    })?;
    Ok(entries)
}

#[cfg(feature = "ingest")]
/// Writes `bytes` to the file `out`, or to standard output when `out` is `-`.
pub fn write_output(out: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if out == Path::new("-") {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(bytes)?;
        stdout.flush()
    } else {
        std::fs::write(out, bytes)
    }
}

/// A day as an RFC 3339 time: midnight UTC.
fn midnight(day: PartialDate) -> String {
    format!("{day}T00:00:00Z")
}

/// An RFC 3339 time: a bare `YYYY-MM-DD` is midnight UTC; anything else is kept.
fn timestamp(s: &str) -> String {
    match PartialDate::parse(s).filter(|d| d.is_day()) {
        Some(day) => midnight(day),
        None => escape(s),
    }
}

#[cfg(all(test, feature = "ingest"))]
mod tests {
    use super::*;

    fn release(id: &str, date: Option<&str>, title: &str) -> Release {
        Release {
            id: id.into(),
            source: format!("{id}.txt"),
            title: title.into(),
            date: date.map(|d| d.parse().unwrap()),
            dateline: None,
            body: vec![format!("Lede of {title}"), "More.".into()],
            countries: vec![],
            organisations: vec![],
            people: vec![],
            quotes: vec![],
            events: vec![],
            money: vec![],
            programmes: vec![],
            topics: vec!["cybercrime".into(), "trafficking-in-persons".into()],
            contacts: vec![],
            warnings: vec![],
            footer: vec![],
            url: None,
            tags: vec![],
        }
    }

    #[test]
    fn newest_dated_first_and_limited() {
        let rs = vec![
            release("a", Some("2019-04-17"), "A"),
            release("b", Some("2021-01-02"), "B"),
            release("undated", None, "U"),
            release("c", Some("2020-05-05"), "C"),
        ];
        let xml = atom(&rs, "Site", "https://example.org/dl/", None, 2);
        assert_eq!(xml.matches("<entry>").count(), 2);
        let b = xml.find("<title>B</title>").unwrap();
        let c = xml.find("<title>C</title>").unwrap();
        assert!(b < c);
        assert!(!xml.contains("<title>A</title>") && !xml.contains("<title>U</title>"));
        assert!(xml.contains("  <updated>2021-01-02T00:00:00Z</updated>\n"));
        assert!(xml.contains("<published>2020-05-05T00:00:00Z</published>"));
        assert!(xml.contains(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/dl/feed.xml\"/>"
        ));
        assert!(xml.contains("<id>https://example.org/dl/release/b</id>"));
        assert!(xml.contains("href=\"https://example.org/dl/release/b\""));
        assert!(xml.contains("<summary type=\"text\">Lede of B</summary>"));
        assert!(xml.contains("<category term=\"cybercrime\"/>"));
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(xml.ends_with("</feed>\n"));
    }

    #[test]
    fn path_base_gives_tag_ids_and_explicit_updated_wins() {
        let rs = vec![release("a", Some("2019-04-17"), "A")];
        let xml = atom(&rs, "Site", "/dateline", Some("2024-01-01"), 50);
        assert!(
            xml.contains("<id>tag:dateline,2019-04-17:release/a</id>"),
            "{xml}"
        );
        assert!(xml.contains("href=\"/dateline/release/a\""));
        assert!(xml.contains("href=\"/dateline/feed.xml\""));
        assert!(xml.contains("  <updated>2024-01-01T00:00:00Z</updated>\n"));
        let xml = atom(&rs, "Site", "/", Some("2024-01-01T12:00:00Z"), 50);
        assert!(xml.contains("  <updated>2024-01-01T12:00:00Z</updated>\n"));
    }

    #[test]
    fn everything_is_escaped() {
        let mut r = release(
            "x",
            Some("2020-01-01"),
            "<script>alert(1)</script> Tom & Jerry \"quoted\"",
        );
        r.body[0] = "a < b & c > d\u{0}\u{7}".into();
        r.topics = vec!["a\"b<c".into()];
        let xml = atom(&[r], "Site & <Co>", "https://e.org/?a=1&b=2", None, 50);
        assert!(!xml.contains("<script>"));
        assert!(xml.contains(
            "<title>&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry &quot;quoted&quot;</title>"
        ));
        assert!(xml.contains("<title>Site &amp; &lt;Co&gt;</title>"));
        assert!(xml.contains("<summary type=\"text\">a &lt; b &amp; c &gt; d</summary>"));
        assert!(xml.contains("<category term=\"a&quot;b&lt;c\"/>"));
        assert!(xml.contains("href=\"https://e.org/?a=1&amp;b=2/feed.xml\""));
        // No bare ampersand anywhere: every & starts an entity.
        for (i, _) in xml.match_indices('&') {
            let rest = &xml[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| rest.starts_with(e)),
                "bare & at {i}"
            );
        }
    }

    #[test]
    fn deterministic_and_empty() {
        let rs = vec![
            release("b", Some("2020-01-01"), "B"),
            release("a", Some("2020-01-01"), "A"),
        ];
        let one = atom(&rs, "S", "https://e.org/", None, 50);
        let reversed: Vec<Release> = rs.iter().rev().cloned().collect();
        assert_eq!(one, atom(&reversed, "S", "https://e.org/", None, 50));
        assert!(one.find("release/a").unwrap() < one.find("release/b").unwrap());
        let empty = atom(&[], "S", "https://e.org/", None, 50);
        assert!(empty.contains("<updated>1970-01-01T00:00:00Z</updated>"));
        assert!(!empty.contains("<entry>"));
    }

    #[test]
    fn write_feed_from_a_folder() {
        let dir = std::env::temp_dir().join(format!("dateline-feed-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("one.md"),
            "---\ntitle: Fish & <chips>\ndate: 2020-03-04\nplace: Vienna\n---\n\nA paragraph.\n",
        )
        .unwrap();
        let out = dir.join("feed.xml");
        let n = write_feed(std::slice::from_ref(&dir), "https://e.org/", &out).unwrap();
        assert_eq!(n, 1);
        let xml = std::fs::read_to_string(&out).unwrap();
        assert!(
            xml.contains("<title>Fish &amp; &lt;chips&gt;</title>"),
            "{xml}"
        );
        assert!(xml.contains("<title>Dateline releases</title>"));
        let missing = write_feed(&[dir.join("no-such-folder")], "https://e.org/", &out);
        assert!(missing.is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn bases_are_checked() {
        for good in [
            "https://example.org/",
            "http://127.0.0.1:8080/dateline/",
            "HTTPS://E.org",
            "https://e.org/?a=1&b=2",
        ] {
            assert_eq!(check_base(good, false), Ok(()), "{good}");
        }
        for bad in [
            "not a url",
            "example.org",
            "/dateline/",
            "ftp://e.org/",
            "https://",
            "https:///x",
            "https://e .org/",
        ] {
            let e = check_base(bad, false).unwrap_err();
            assert!(
                e.to_string().contains("expected an absolute http(s) URL"),
                "{bad}: {e}"
            );
        }
        assert_eq!(check_base("/dateline/", true), Ok(()));
        assert_eq!(check_base("/", true), Ok(()));
        assert!(check_base("//evil.org/", true).is_err());
        assert!(check_base("dateline", true).is_err());
    }
}
