//! `sitemap.xml` and `robots.txt` for search engines (sitemaps.org protocol).
//!
//! A sitemap lists absolute URLs: the site's home and each release's
//! permalink, with the publication day as `lastmod`. The protocol allows at
//! most [`MAX_URLS`] URLs per file, so a larger archive gets `sitemap-1.xml`,
//! `sitemap-2.xml`, ... and a `sitemap.xml` that is their index. Without an
//! absolute site URL there is no sitemap (relative URLs are not allowed), and
//! `robots.txt` names none.

use crate::date::PartialDate;
use crate::markup::escape;

/// URLs per sitemap file, as the protocol requires.
pub const MAX_URLS: usize = 50_000;

/// The sitemap files for the releases given as `(id, publication date)`
/// under the absolute `base` URL (`https://example.org/dateline/`):
/// `(file name, XML)`, `sitemap.xml` first.
pub fn sitemaps<'a>(
    releases: impl IntoIterator<Item = (&'a str, Option<PartialDate>)>,
    base: &str,
) -> Vec<(String, String)> {
    sitemaps_of(releases, base, MAX_URLS)
}

fn sitemaps_of<'a>(
    releases: impl IntoIterator<Item = (&'a str, Option<PartialDate>)>,
    base: &str,
    per_file: usize,
) -> Vec<(String, String)> {
    let base = with_slash(base);
    let home = std::iter::once(url_entry(&base, None));
    let pages = releases.into_iter().map(|(id, date)| {
        let day = date.filter(|d| d.is_day());
        url_entry(
            &format!("{base}{}", crate::page::release_path(id)),
            day.map(|d| d.to_string()),
        )
    });
    let entries: Vec<String> = home.chain(pages).collect();
    let per_file = per_file.max(1);
    if entries.len() <= per_file {
        return vec![("sitemap.xml".into(), urlset(&entries))];
    }
    let parts: Vec<(String, String)> = entries
        .chunks(per_file)
        .enumerate()
        .map(|(i, chunk)| (format!("sitemap-{}.xml", i + 1), urlset(chunk)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &parts {
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            escape(&format!("{base}{name}"))
        ));
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once(("sitemap.xml".to_string(), index))
        .chain(parts)
        .collect()
}

/// `robots.txt`: everything may be crawled; the sitemap is named when the
/// site's absolute URL is known.
pub fn robots(base: Option<&str>) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = base {
        out.push_str(&format!("\nSitemap: {}sitemap.xml\n", with_slash(base)));
    }
    out
}

fn with_slash(base: &str) -> String {
    match base.ends_with('/') {
        true => base.to_string(),
        false => format!("{base}/"),
    }
}

fn url_entry(loc: &str, lastmod: Option<String>) -> String {
    let lastmod = lastmod
        .map(|d| format!("<lastmod>{d}</lastmod>"))
        .unwrap_or_default();
    format!("  <url><loc>{}</loc>{lastmod}</url>\n", escape(loc))
}

fn urlset(entries: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    entries.iter().for_each(|e| out.push_str(e));
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Release;

    fn page(r: &Release) -> (&str, Option<PartialDate>) {
        (&r.id, r.date)
    }

    fn release(id: &str, date: &str) -> Release {
        Release {
            id: id.into(),
            title: id.into(),
            date: PartialDate::parse(date),
            ..Release::default()
        }
    }

    #[test]
    fn one_file_lists_the_home_and_every_release() {
        let rs = [release("a", "2019-04-17"), release("b", "2019-04")];
        let files = sitemaps(rs.iter().map(page), "https://example.org/dl");
        assert_eq!(files.len(), 1);
        let (name, xml) = &files[0];
        assert_eq!(name, "sitemap.xml");
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"));
        assert!(xml.contains("<url><loc>https://example.org/dl/</loc></url>"));
        assert!(xml.contains(
            "<url><loc>https://example.org/dl/release/a/</loc><lastmod>2019-04-17</lastmod></url>"
        ));
        // A month is no day: no lastmod.
        assert!(xml.contains("<url><loc>https://example.org/dl/release/b/</loc></url>"));
        assert_eq!(xml.matches("<url>").count(), 3);
    }

    #[test]
    fn past_the_limit_an_index_names_the_parts() {
        let rs: Vec<Release> = (0..5).map(|i| release(&format!("r{i}"), "2020")).collect();
        let files = sitemaps_of(rs.iter().map(page), "https://example.org/", 2);
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
        assert!(files[0].1.contains("<sitemapindex"));
        assert!(files[0]
            .1
            .contains("<sitemap><loc>https://example.org/sitemap-3.xml</loc></sitemap>"));
        let urls: usize = files[1..]
            .iter()
            .map(|f| f.1.matches("<url>").count())
            .sum();
        assert_eq!(urls, 6, "the home and five releases, each once");
        assert!(files[1..].iter().all(|f| f.1.matches("<url>").count() <= 2));
    }

    #[test]
    fn urls_are_escaped_and_robots_names_the_sitemap() {
        let files = sitemaps([], "https://example.org/a&b/");
        assert!(files[0]
            .1
            .contains("<loc>https://example.org/a&amp;b/</loc>"));
        assert_eq!(
            robots(Some("https://example.org/dl")),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/dl/sitemap.xml\n"
        );
        assert_eq!(robots(None), "User-agent: *\nAllow: /\n");
    }
}
