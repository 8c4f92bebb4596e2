//! Pre-rendering at build time (feature `ssr`, run by `dateline-prerender`):
//! a page is the app itself, rendered by Yew's server renderer over a memory
//! history at the page's route, put into a copy of the built `index.html`
//! with the page's own `<head>`. The browser takes it over (see
//! `crate::start`): same components, same DOM, no second set of templates.

use std::rc::Rc;

use dateline_core::markup::escape;
use yew::LocalServerRenderer;

use crate::app::{App, AppProps, SiteUrl, ViewportWidth, PHONE_WIDTH};
use crate::corpus::Corpus;
use crate::history::History;
use crate::route::Route;
use crate::start::{DATA_MARK, PRERENDERED_ROUTE};

/// Why the built `index.html` cannot hold pre-rendered pages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("index.html:{offset}: expected {expected}")]
pub struct TemplateError {
    /// Byte offset where the search started.
    pub offset: usize,
    pub expected: &'static str,
}

/// The built `index.html`, cut where a page's own parts go: the title and
/// description (replaced by a release's), the end of `<head>` (its other
/// tags), the `<noscript>` note, and the app's root element (the rendered
/// page). Trunk minifies the file, so attributes may come without quotes.
#[derive(Debug, Clone)]
pub struct Template {
    html: String,
    title: (usize, usize),
    description: (usize, usize),
    head_end: usize,
    noscript: (usize, usize),
    root: (usize, usize),
    /// What a page that starts the app late leaves out: the preload links
    /// (the app's code and data; its loader adds them when it starts).
    preloads: Vec<(usize, usize)>,
    /// The app loader's `<script>` tag, which such a page replaces with
    /// the loader's variant ([`AppStart::loader`]).
    loader: Option<((usize, usize), String)>,
    /// The data's mark (`pack::data_mark`) that every page's root carries;
    /// empty: none.
    pub data_mark: String,
}

/// When a pre-rendered page starts the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppStart {
    /// At once, its code and data preloaded from `<head>`, as the plain
    /// shell does.
    AtOnce,
    /// Once the page's first paint is on screen (a frame, then a task): the
    /// home page, whose search and zoom controls are the app's. Its code and
    /// data then load beside each other, but no longer share the line with
    /// the page's own first paint (Lighthouse's mobile estimate of the
    /// largest paint at 10,000 releases: 3.2 s → 0.95 s, BENCHMARKS.md).
    AfterFirstPaint,
    /// Once the page has loaded: release and entity pages, complete without
    /// the app.
    AfterLoad,
}

impl AppStart {
    /// The suffix that turns the loader's file (`start-<hash>.js`) into the
    /// variant that starts this late (written by scripts/post-build.mjs);
    /// none: the loader itself.
    fn loader(self) -> Option<&'static str> {
        match self {
            AppStart::AtOnce => None,
            AppStart::AfterFirstPaint => Some("-after-paint.js"),
            AppStart::AfterLoad => Some("-after-load.js"),
        }
    }
}

/// The start tags of `<link>` elements that preload, and the app loader's
/// `<script>` tag, in `head`.
type LoaderParts = (Vec<(usize, usize)>, Option<((usize, usize), String)>);

fn loader_parts(head: &str) -> LoaderParts {
    let mut preloads = Vec::new();
    let mut loader = None;
    let mut from = 0;
    while let Some(start) = head[from..].find('<').map(|i| from + i) {
        let Some(end) = head[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let tag = &head[start..end];
        let preload = [
            "rel=preload",
            "rel=\"preload\"",
            "rel=modulepreload",
            "rel=\"modulepreload\"",
        ];
        if tag.starts_with("<link") && preload.iter().any(|p| tag.contains(p)) {
            preloads.push((start, end));
        } else if tag.starts_with("<script") && tag.contains("/start-") && tag.contains(".js") {
            loader = Some(((start, end), tag.to_string()));
        }
        if tag.starts_with("<body") {
            break;
        }
        from = end;
    }
    (preloads, loader)
}

fn find(
    html: &str,
    from: usize,
    needle: &str,
    expected: &'static str,
) -> Result<usize, TemplateError> {
    html[from..]
        .find(needle)
        .map(|i| from + i)
        .ok_or(TemplateError {
            offset: from,
            expected,
        })
}

/// The span of the first element starting with `open` and ending with `close`.
fn span(
    html: &str,
    open: &str,
    close: &str,
    expected: &'static str,
) -> Result<(usize, usize), TemplateError> {
    let start = find(html, 0, open, expected)?;
    let end = find(html, start, close, expected)? + close.len();
    Ok((start, end))
}

/// The span of the first start tag `<tag …>` whose attributes contain one of `attrs`.
fn tag_with(
    html: &str,
    tag: &str,
    attrs: &[&str],
    expected: &'static str,
) -> Result<(usize, usize), TemplateError> {
    let open = format!("<{tag}");
    let mut from = 0;
    while let Ok(start) = find(html, from, &open, expected) {
        let end = find(html, start, ">", expected)? + 1;
        let inside = &html[start..end];
        if attrs.iter().any(|a| inside.contains(a)) {
            return Ok((start, end));
        }
        from = end;
    }
    Err(TemplateError {
        offset: 0,
        expected,
    })
}

impl Template {
    pub fn parse(html: &str) -> Result<Template, TemplateError> {
        let title = span(html, "<title>", "</title>", "a <title> element")?;
        let description = tag_with(
            html,
            "meta",
            &["name=description", "name=\"description\""],
            "a description <meta>",
        )?;
        let head_end = find(html, 0, "</head>", "</head>")?;
        let noscript = span(html, "<noscript>", "</noscript>", "a <noscript> element")?;
        let root_tag = tag_with(
            html,
            "div",
            &["id=app>", "id=app ", "id=\"app\""],
            "<div id=\"app\">",
        )?;
        // The shell's loading note holds no <div>: the first end tag closes the root.
        let root_end = find(html, root_tag.1, "</div>", "the app root's </div>")? + "</div>".len();
        let (preloads, loader) = loader_parts(&html[..head_end]);
        Ok(Template {
            preloads,
            loader,
            html: html.to_string(),
            title,
            description,
            head_end,
            noscript,
            root: (root_tag.0, root_end),
            data_mark: String::new(),
        })
    }

    /// A page: the template with `head` in place of the title and
    /// description (none: the site's own stay), `extra_head` before
    /// `</head>`, `noscript` as the note for readers without JavaScript (none:
    /// no note), and `body` in the root, marked with the route it shows.
    pub fn page(&self, page: &Page) -> String {
        let h = &self.html;
        let mut out = String::with_capacity(h.len() + page.head.len() + page.body.len() + 64);
        let mut at = 0;
        let mut cut = |out: &mut String, (start, end): (usize, usize), with: &str| {
            out.push_str(&h[at..start]);
            out.push_str(with);
            at = end;
        };
        // In document order: title, description, head end, noscript, root.
        let mut parts: Vec<((usize, usize), String)> = Vec::with_capacity(5);
        if page.replaces_title {
            parts.push((self.title, page.head.clone()));
            parts.push((self.description, String::new()));
        } else {
            parts.push(((self.head_end, self.head_end), page.head.clone()));
        }
        let noscript = match &page.noscript {
            Some(note) => format!("<noscript>{}</noscript>", escape(note)),
            None => String::new(),
        };
        parts.push((self.noscript, noscript));
        let mark = match self.data_mark.is_empty() {
            true => String::new(),
            false => format!(" {DATA_MARK}=\"{}\"", escape(&self.data_mark)),
        };
        let root = format!(
            "<div id=\"app\" {PRERENDERED_ROUTE}=\"{}\"{mark}>{}</div>",
            escape(&page.route.to_path()),
            page.body
        );
        parts.push((self.root, root));
        if let Some(suffix) = page.app_start.loader() {
            parts.extend(self.preloads.iter().map(|&span| (span, String::new())));
            if let Some((span, tag)) = &self.loader {
                parts.push((*span, tag.replacen(".js", suffix, 1)));
            }
        }
        parts.sort_by_key(|(span, _)| span.0);
        for (span, with) in parts {
            cut(&mut out, span, &with);
        }
        out.push_str(&h[at..]);
        out
    }
}

/// One pre-rendered page's parts.
pub struct Page {
    pub route: Route,
    /// HTML for `<head>`, made by `dateline_core::page`.
    pub head: String,
    /// Whether `head` has its own `<title>` and description.
    pub replaces_title: bool,
    pub noscript: Option<String>,
    /// When the app starts: late ones leave out the preloads, which would
    /// hold up the page's own first paint.
    pub app_start: AppStart,
    /// The rendered app.
    pub body: String,
}

/// Renders the app's pages over one corpus.
pub struct Renderer {
    pub corpus: Rc<Corpus>,
    /// The public URL's path without its last slash (`/dateline`); none at the root.
    pub basename: Option<String>,
    /// The site's URL: absolute when known, else the public URL's path.
    pub site_url: String,
}

impl Renderer {
    /// The app's HTML at `route`, as the browser's first render makes it.
    pub fn body(&self, route: &Route) -> String {
        let path = format!(
            "{}{}",
            self.basename.as_deref().unwrap_or(""),
            route.to_path()
        );
        let history = History::memory(&path);
        let props = AppProps {
            corpus: self.corpus.clone(),
            history,
            basename: self.basename.clone().map(Into::into),
            site_url: SiteUrl(self.site_url.clone().into()),
            width: ViewportWidth(PHONE_WIDTH),
            kept: None,
        };
        // Nothing in the app suspends or spawns while rendering: one poll
        // on this thread renders the whole page.
        futures::executor::block_on(LocalServerRenderer::<App>::with_props(props).render())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::{PartialDate, Release};

    /// Trunk's minified output, and the unminified form.
    const MINIFIED: &str = "<!doctype html><html lang=en><meta charset=utf-8><meta content=\"An explorer.\" name=description><title>Dateline — press release explorer</title></head><body><div id=app><main class=loading id=main><p role=status>Loading releases…</main></div><noscript>Needs JavaScript.</noscript></body></html>";
    const PLAIN: &str = "<!DOCTYPE html><html><head><title>T</title><meta name=\"description\" content=\"D\" /></head><body><div id=\"app\"><main id=\"main\"><p>Loading</p></main></div><noscript>N</noscript></body></html>";

    fn release(id: &str, title: &str, body: &[&str]) -> Release {
        Release {
            id: id.into(),
            title: title.into(),
            date: PartialDate::parse("2019-04-17"),
            body: body.iter().map(|p| p.to_string()).collect(),
            ..Release::default()
        }
    }

    fn page(route: Route, replaces_title: bool) -> Page {
        Page {
            route,
            head: "<title>Mine</title>".into(),
            replaces_title,
            noscript: None,
            app_start: AppStart::AtOnce,
            body: "<p>BODY</p>".into(),
        }
    }

    /// The root names the data the page was rendered from, so that the app
    /// takes over only a page made from the data it loaded.
    #[test]
    fn the_root_carries_the_data_mark() {
        let mut template = Template::parse(MINIFIED).unwrap();
        template.data_mark = "0a1b2c3d4e5f6071".into();
        let out = template.page(&page(Route::Release { id: "a".into() }, true));
        assert!(
            out.contains("<div id=\"app\" data-route=\"/release/a\" data-build=\"0a1b2c3d4e5f6071\"><p>BODY</p></div>"),
            "{out}"
        );
    }

    #[test]
    fn a_page_replaces_the_title_description_noscript_and_root() {
        for html in [MINIFIED, PLAIN] {
            let template = Template::parse(html).unwrap();
            let out = template.page(&page(Route::Release { id: "a".into() }, true));
            assert_eq!(out.matches("<title>").count(), 1, "{out}");
            assert!(out.contains("<title>Mine</title>"));
            assert!(!out.contains("description"), "{out}");
            assert!(
                !out.contains("noscript") && !out.contains("Loading"),
                "{out}"
            );
            assert!(out.contains("<div id=\"app\" data-route=\"/release/a\"><p>BODY</p></div>"));
            assert!(out.ends_with("</body></html>"));
        }
    }

    #[test]
    fn the_home_page_keeps_the_site_title_and_adds_its_head() {
        let template = Template::parse(MINIFIED).unwrap();
        let mut home = page(Route::Home, false);
        home.head = "<link rel=\"canonical\" href=\"https://e.org/\" />".into();
        home.noscript = Some("Search needs <JavaScript>.".into());
        let out = template.page(&home);
        assert!(out.contains("<title>Dateline — press release explorer</title>"));
        assert!(out.contains("name=description"));
        assert!(out.contains("<link rel=\"canonical\" href=\"https://e.org/\" /></head>"));
        assert!(out.contains("<noscript>Search needs &lt;JavaScript&gt;.</noscript>"));
    }

    #[test]
    fn a_page_that_starts_the_app_late_loses_its_preloads_and_takes_the_loaders_variant() {
        let html = MINIFIED.replace(
            "</head>",
            "<link as=fetch crossorigin href=data/index.bin rel=preload><link href=/d/style.css rel=stylesheet><script type=module src=\"/d/start-ab12.js\"></script><link crossorigin href=/d/app.js rel=modulepreload></head>",
        );
        let template = Template::parse(&html).unwrap();
        for (start, loader) in [
            (AppStart::AfterLoad, "/d/start-ab12-after-load.js"),
            (AppStart::AfterFirstPaint, "/d/start-ab12-after-paint.js"),
        ] {
            let mut late = page(Route::Release { id: "a".into() }, true);
            late.app_start = start;
            let out = template.page(&late);
            assert!(!out.contains("preload"), "{out}");
            let tag = format!("<script type=module src=\"{loader}\"></script>");
            assert!(out.contains(&tag), "{out}");
            assert!(out.contains("rel=stylesheet"));
        }
        let at_once = template.page(&page(Route::Home, false));
        assert_eq!(at_once.matches("preload").count(), 2, "{at_once}");
        assert!(at_once.contains("/d/start-ab12.js"));
    }

    #[test]
    fn a_template_without_its_parts_is_a_clear_error() {
        let no_root = MINIFIED.replace("id=app", "id=other");
        let error = Template::parse(&no_root).unwrap_err();
        assert_eq!(error.to_string(), "index.html:0: expected <div id=\"app\">");
        let error = Template::parse("<html><head></head></html>").unwrap_err();
        assert_eq!(
            error.to_string(),
            "index.html:0: expected a <title> element"
        );
    }

    #[test]
    fn the_release_page_is_the_apps_with_text_never_html() {
        let corpus = Corpus::new(vec![
            release(
                "a",
                "Iran and UNODC <meet>",
                &["A <script>alert(1)</script> lede.", "More text."],
            ),
            release("b", "Another release", &["Other text."]),
        ]);
        let renderer = Renderer {
            corpus: Rc::new(corpus),
            basename: Some("/dateline".into()),
            site_url: "https://example.org/dateline/".into(),
        };
        let body = renderer.body(&Route::Release { id: "a".into() });
        assert!(
            body.contains("<h1 id=\"release-title\">Iran and UNODC &lt;meet&gt;</h1>"),
            "{body}"
        );
        assert!(body.contains("A &lt;script&gt;alert(1)&lt;/script&gt; lede."));
        assert!(!body.contains("<script>"));
        assert!(
            body.contains("href=\"/dateline/\""),
            "links under the basename"
        );
        assert!(
            body.contains("https://example.org/dateline/release/a/"),
            "the permalink in the citation"
        );
        // Component markers let the browser match its components to the DOM.
        assert!(body.starts_with("<!--<["), "{}", &body[..40]);
        let home = renderer.body(&Route::Home);
        assert!(
            home.contains("href=\"/dateline/release/a\""),
            "the home page links the releases"
        );
        let missing = renderer.body(&Route::Release { id: "zz".into() });
        assert!(missing.contains("Page not found"));
    }
}
