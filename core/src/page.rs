//! What a release's own page tells machines about it: its path under the
//! site, its title and description, and the `<head>` elements that search
//! engines, link previews and reference managers read (canonical URL, Open
//! Graph, Twitter card, Highwire `citation_*`, schema.org JSON-LD). The app's
//! detail view and the pre-rendered pages call the same functions.

use crate::cite::meta_tags;
use crate::json::Json;
use crate::markup::escape;
use crate::query::snippet;
use crate::Release;

/// The site's name in page titles and link previews.
pub const SITE_NAME: &str = "Dateline";

/// The title of the pages that have no title of their own.
pub const HOME_TITLE: &str = "Dateline — press release explorer";

/// Characters of lede in a description: about what search results show.
const DESCRIPTION_CHARS: usize = 160;

/// Marks the `<head>` elements that belong to one release's page (its JSON-LD
/// and citation tags): the app removes them when it takes the page over, and
/// adds its own for whatever page it shows.
pub const PAGE_MARK: &str = "data-dateline-page";

/// A release page's path under the site's root. A folder, so that every
/// static host serves its `index.html` without a redirect.
pub fn release_path(id: &str) -> String {
    format!("release/{id}/")
}

/// The document title of a page about `heading`.
pub fn page_title(heading: &str) -> String {
    format!("{heading} — {SITE_NAME}")
}

/// A release's description: the opening of its text, cut at a word.
pub fn description(r: &Release) -> String {
    snippet(&r.body, &[], DESCRIPTION_CHARS)
}

/// schema.org NewsArticle of a release published at `url`, as compact JSON.
/// Keys in alphabetical order, as the pages have always had them (they were
/// written through serde_json's sorted maps).
pub fn json_ld(r: &Release, url: &str) -> String {
    let country = |j: &mut Json, c: &crate::CountryMention| {
        j.object(|o| {
            o.field("@type", "Country")
                .field("identifier", &c.code)
                .field("name", &c.name);
        });
    };
    let mut j = Json::new(false);
    j.object(|o| {
        o.field("@context", "https://schema.org")
            .field("@type", "NewsArticle");
        o.key("about")
            .array(|a| r.countries.iter().for_each(|c| country(a, c)));
        o.field("articleBody", &r.body.join("\n\n"));
        let dateline = r.dateline.as_ref();
        if let Some(city) = dateline.and_then(|d| d.city.as_deref()) {
            o.key("contentLocation").object(|o| {
                o.field("@type", "Place").field("name", city);
            });
        }
        if let Some(date) = &r.date {
            o.field("datePublished", &date.to_string());
        }
        if let Some(d) = dateline {
            o.field("dateline", &d.raw);
        }
        o.field("headline", &r.title).field("identifier", &r.id);
        if !r.topics.is_empty() {
            o.key("keywords").strs(&r.topics);
        }
        o.field("mainEntityOfPage", url);
        o.key("mentions").array(|a| {
            for org in &r.organisations {
                let Some(name) = org.name.as_deref().or(org.acronym.as_deref()) else {
                    continue;
                };
                a.object(|o| {
                    o.field("@type", "Organization");
                    if let (Some(acronym), Some(_)) = (&org.acronym, &org.name) {
                        o.field("alternateName", acronym);
                    }
                    o.field("name", name);
                });
            }
            for p in &r.people {
                a.object(|o| {
                    o.field("@type", "Person");
                    if let Some(role) = &p.role {
                        o.field("jobTitle", role);
                    }
                    o.field("name", &p.name);
                });
            }
            r.countries.iter().for_each(|c| country(a, c));
        });
        o.field("url", url);
    });
    j.finish()
}

/// The JSON-LD of a release published at `url`, for the text of a `<script>`
/// element: `<` is written `\u003c`, so that no release text can close the
/// element or open a comment. The pre-rendered head and the app's own
/// element both hold this text.
pub fn json_ld_script(r: &Release, url: &str) -> String {
    script_json(&json_ld(r, url))
}

/// JSON text made safe for a `<script>` element (`<` only occurs in its
/// strings, where `\u003c` means the same).
fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The `<head>` elements of a release's page at `url`, as HTML, every value
/// escaped: the page's own tags (see [`page_head`]), then the citation tags
/// and the JSON-LD.
pub fn release_head(r: &Release, url: &str) -> String {
    let published = r.date.filter(|d| d.is_day()).map(|d| d.to_string());
    let mut head = own_head(
        &r.title,
        &description(r),
        "article",
        published.as_deref(),
        url,
    );
    for (name, content) in meta_tags(r, url) {
        head.push_str(&format!(
            "<meta name=\"{name}\" content=\"{}\" {PAGE_MARK} />\n",
            escape(&content)
        ));
    }
    head.push_str(&format!(
        "<script type=\"application/ld+json\" {PAGE_MARK}>{}</script>\n",
        json_ld_script(r, url)
    ));
    head
}

/// The `<head>` elements of another page (a country's, an organisation's, a
/// person's): its title, description and link-preview tags, and its
/// canonical link when `url` is absolute.
pub fn page_head(heading: &str, description: &str, url: &str) -> String {
    own_head(heading, description, "website", None, url)
}

/// Title, description, Open Graph and Twitter card tags of a page about
/// `heading`. The canonical link and `og:url` need an absolute URL: with a
/// rooted one (`/dateline/release/a/`, no site URL known) they are left out,
/// as a relative canonical misleads crawlers.
fn own_head(
    heading: &str,
    description: &str,
    og_type: &str,
    published: Option<&str>,
    url: &str,
) -> String {
    let mut head = format!("<title>{}</title>\n", escape(&page_title(heading)));
    let mut meta = |attr: &str, key: &str, value: &str| {
        head.push_str(&format!(
            "<meta {attr}=\"{key}\" content=\"{}\" />\n",
            escape(value)
        ));
    };
    meta("name", "description", description);
    meta("property", "og:type", og_type);
    meta("property", "og:site_name", SITE_NAME);
    meta("property", "og:title", heading);
    meta("property", "og:description", description);
    if let Some(day) = published {
        meta("property", "article:published_time", day);
    }
    meta("name", "twitter:card", "summary");
    meta("name", "twitter:title", heading);
    meta("name", "twitter:description", description);
    if url.starts_with("https://") || url.starts_with("http://") {
        let url = escape(url);
        head.push_str(&format!("<link rel=\"canonical\" href=\"{url}\" />\n"));
        head.push_str(&format!("<meta property=\"og:url\" content=\"{url}\" />\n"));
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PartialDate;

    fn release(title: &str, body: &[&str]) -> Release {
        Release {
            id: "a".into(),
            title: title.into(),
            date: PartialDate::parse("2019-04-17"),
            body: body.iter().map(|p| p.to_string()).collect(),
            ..Release::default()
        }
    }

    #[test]
    fn the_head_names_the_release_and_escapes_its_text() {
        let r = release(
            "Iran & UNODC \"meet\" <b>",
            &["VIENNA, 17 April 2019 – A <script>alert(1)</script> lede."],
        );
        let head = release_head(&r, "https://example.org/dateline/release/a/");
        assert!(head
            .starts_with("<title>Iran &amp; UNODC &quot;meet&quot; &lt;b&gt; — Dateline</title>"));
        assert!(head.contains("<meta property=\"og:title\" content=\"Iran &amp; UNODC &quot;meet&quot; &lt;b&gt;\" />"));
        assert!(head.contains("<meta name=\"description\" content=\"VIENNA, 17 April 2019 – A &lt;script&gt;alert(1)&lt;/script&gt; lede.\" />"));
        assert!(head.contains(
            "<link rel=\"canonical\" href=\"https://example.org/dateline/release/a/\" />"
        ));
        assert!(
            head.contains("<meta property=\"article:published_time\" content=\"2019-04-17\" />")
        );
        assert!(head.contains("name=\"citation_title\""));
        // The body's `</script>` cannot end the JSON-LD element early.
        let script = head.split("application/ld+json").nth(1).unwrap();
        assert_eq!(script.matches("</script>").count(), 1, "{script}");
        assert!(script.contains("\\u003cscript>alert(1)\\u003c/script>"));
    }

    #[test]
    fn another_page_gets_its_title_description_and_canonical() {
        let head = page_head("Iran & co", "12 releases", "https://e.org/country/IR/");
        assert!(head.starts_with("<title>Iran &amp; co — Dateline</title>"));
        assert!(head.contains("<meta name=\"description\" content=\"12 releases\" />"));
        assert!(head.contains("<link rel=\"canonical\" href=\"https://e.org/country/IR/\" />"));
        assert!(!page_head("T", "d", "/country/IR/").contains("canonical"));
    }

    #[test]
    fn a_rooted_url_gets_no_canonical_link() {
        let head = release_head(&release("T", &["Text."]), "/dateline/release/a/");
        assert!(!head.contains("canonical"), "{head}");
        assert!(!head.contains("og:url"), "{head}");
        assert!(head.contains("og:title"));
    }

    #[test]
    fn the_description_is_the_lede_cut_at_a_word() {
        let long = "word ".repeat(100);
        let d = description(&release("T", &["", &long]));
        assert!(d.chars().count() <= DESCRIPTION_CHARS + 1, "{d}");
        assert!(d.starts_with("word word"));
        assert!(d.ends_with('…'), "{d}");
        assert_eq!(release_path("2019-04-17-a"), "release/2019-04-17-a/");
    }
}
