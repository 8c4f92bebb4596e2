//! `dateline-prerender`: writes each release's page as HTML into a built
//! site, with the app's own components (see `dateline_app::prerender`), so
//! that a plain static host answers a permalink with the release itself.
//! Run by scripts/post-build.sh after `dateline pack`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Instant;

use dateline_app::prerender::{AppStart, Page, Renderer, Template};
use dateline_app::route::{entity_route, EntityKind};
use dateline_app::{Corpus, Route};
use dateline_core::markup::escape;
use dateline_core::pack::{frame, Chunk, ListPiece};
use dateline_core::page::{page_head, release_head, release_path};
use dateline_core::query::Facet;
use lexopt::prelude::*;

// Rendering allocates many small strings: as for the `dateline` CLI, mimalloc
// beats the system allocator (BENCHMARKS.md, "Pre-rendering").
#[global_allocator]
static ALLOCATOR: dateline_core::alloc::Mimalloc = dateline_core::alloc::Mimalloc;

const USAGE: &str = "\
usage: dateline-prerender --dist DIR --base PUBLIC_URL [--site URL] [--pages all|none|N]

Writes DIR/index.html (the home page, with the newest releases) and
DIR/release/ID/index.html for every release (--pages all, the default, which
also writes each country's, organisation's and person's page), the newest N
(--pages N) or none (--pages none: DIR is left as it is), from the site's
index.html and data/ that trunk build and dateline pack wrote.
  --base PUBLIC_URL  the path the site is served under (/dateline/)
  --site URL         its absolute URL (https://example.org/dateline/), for
                     canonical links; without it pages have none";

/// How many release pages to write.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pages {
    All,
    Newest(usize),
    None,
}

#[derive(Debug)]
struct Args {
    dist: PathBuf,
    base: String,
    site: Option<String>,
    pages: Pages,
}

fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Args, String> {
    let mut parser = lexopt::Parser::from_args(args);
    let (mut dist, mut base, mut site, mut pages) = (None, None, None, Pages::All);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("dist") => dist = Some(PathBuf::from(value(&mut parser)?)),
            Long("base") => base = Some(value(&mut parser)?),
            Long("site") => site = Some(value(&mut parser)?).filter(|s| !s.is_empty()),
            Long("pages") => {
                let v = value(&mut parser)?;
                pages = match v.as_str() {
                    "all" => Pages::All,
                    "none" => Pages::None,
                    n => n.parse().map(Pages::Newest).map_err(|_| {
                        format!("--pages: expected all, none or a number, found {n:?}")
                    })?,
                }
            }
            Long("help") | Short('h') => return Err(String::new()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok(Args {
        dist: dist.ok_or("missing --dist")?,
        base: base.ok_or("missing --base")?,
        site,
        pages,
    })
}

fn value(parser: &mut lexopt::Parser) -> Result<String, String> {
    parser
        .value()
        .map_err(|e| e.to_string())?
        .string()
        .map_err(|e| e.to_string())
}

/// The router's basename for a public URL: its path without the last slash.
fn basename(public_url: &str) -> Option<String> {
    let path = match public_url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => public_url,
    };
    let path = path.trim_end_matches('/');
    (!path.is_empty()).then(|| path.to_string())
}

/// Whether a release id can name a folder on every host: ids are slugs
/// (`core/src/ingest/ids.rs`), but the data files are input here.
fn is_folder_name(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b))
}

/// A chunk file's body, unpacked (the build compresses it).
fn unpack(bytes: &[u8], path: &Path) -> Result<Vec<u8>, String> {
    dateline_core::pack::records::unpack(bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: could not read: {e}", path.display()))
}

fn write(path: &Path, html: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: could not create: {e}", dir.display()))?;
    }
    std::fs::write(path, html).map_err(|e| format!("{}: could not write: {e}", path.display()))
}

/// Everything a worker thread needs; each decodes its own corpus (the
/// corpus and the app's components are single-threaded).
struct Site {
    args: Args,
    template: Template,
    /// Every piece of the list, unpacked, in order: pages link to releases
    /// anywhere in the archive.
    lists: Vec<Vec<u8>>,
    /// Every facet's relation, unpacked.
    facets: Vec<(Facet, Vec<u8>)>,
    index: Vec<u8>,
    site_url: String,
}

impl Site {
    /// What the app has when it takes the home page over: the first piece
    /// of the list and `index.bin` (so each facet's head of values, not the
    /// values its file adds). The page is rendered from the same, so that
    /// it matches at once.
    fn start_renderer(&self) -> Result<Renderer, String> {
        let data = self.args.dist.join("data");
        let first = self.lists.first().cloned().unwrap_or_default();
        let corpus = Corpus::from_pack(first, self.index.clone())
            .map_err(|e| format!("{}: {e}", data.display()))?;
        Ok(Renderer {
            corpus: Rc::new(corpus),
            basename: basename(&self.args.base),
            site_url: self.site_url.clone(),
        })
    }

    /// Everything: every facet's file and every piece of the list added to
    /// what the app has at start.
    fn renderer(&self) -> Result<Renderer, String> {
        let data = self.args.dist.join("data");
        let renderer = self.start_renderer()?;
        let corpus = &renderer.corpus;
        for (facet, body) in &self.facets {
            corpus
                .add_facet(*facet, body.clone())
                .map_err(|e| format!("{}: {e}", data.join(facet.file()).display()))?;
        }
        for (k, body) in (1..).zip(self.lists.iter().skip(1).cloned()) {
            let piece = ListPiece(k);
            corpus
                .add_list_piece(piece, body)
                .map_err(|e| format!("{}: {e}", data.join(piece.file()).display()))?;
        }
        Ok(renderer)
    }

    /// Writes the pages of the releases in `chunk` that are `wanted`.
    fn write_chunk(
        &self,
        renderer: &Renderer,
        chunk: Chunk,
        wanted: &[bool],
    ) -> Result<usize, String> {
        let corpus = &renderer.corpus;
        let file = self.args.dist.join("data").join(chunk.file());
        corpus
            .add_chunk(chunk.first_doc(), &unpack(&read(&file)?, &file)?)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        let first = chunk.first_doc() as usize;
        let end = first + chunk.len(corpus.len());
        let mut written = 0;
        for doc in (first..end).filter(|&d| wanted.get(d).copied().unwrap_or(false)) {
            written += 1;
            let Some(release) = corpus.full(doc as u32) else {
                return Err(format!("{}: expected release number {doc}", file.display()));
            };
            if !is_folder_name(&release.id) {
                return Err(format!(
                    "{}: release id {:?} cannot name a folder (expected letters, digits, '-', '_', '.', '~')",
                    file.display(),
                    release.id
                ));
            }
            let url = format!("{}{}", self.site_url, release_path(&release.id));
            let route = Route::Release {
                id: release.id.clone(),
            };
            let page = Page {
                head: release_head(&release, &url),
                replaces_title: true,
                noscript: None,
                app_start: AppStart::AfterLoad,
                body: renderer.body(&route),
                route,
            };
            let out = self
                .args
                .dist
                .join(release_path(&release.id))
                .join("index.html");
            write(&out, &self.template.page(&page))?;
        }
        corpus.forget_full();
        Ok(written)
    }
}

/// A country's, organisation's or person's page.
struct EntityPage {
    route: Route,
    heading: String,
    description: String,
}

/// Every entity page of the corpus, in facet order.
fn entity_pages(corpus: &Corpus) -> Vec<EntityPage> {
    let index = corpus.index();
    let mut pages = Vec::new();
    for kind in [
        EntityKind::Country,
        EntityKind::Organisation,
        EntityKind::Person,
    ] {
        for info in index.values(kind.facet()) {
            if !is_folder_name(&info.key) {
                continue; // a key no host can serve as a folder: the app shows it from 404.html
            }
            let n = index.docs(kind.facet(), &info.key).len();
            let plural = if n == 1 { "" } else { "s" };
            pages.push(EntityPage {
                route: entity_route(kind, &info.key),
                heading: info.label.to_string(),
                description: format!("{n} press release{plural} mentioning {}.", info.label),
            });
        }
    }
    pages
}

impl Site {
    fn write_entity(&self, renderer: &Renderer, entity: &EntityPage) -> Result<(), String> {
        let path = entity.route.to_path();
        let folder = path.trim_start_matches('/');
        let url = format!("{}{folder}/", self.site_url);
        let page = Page {
            head: page_head(&entity.heading, &entity.description, &url),
            replaces_title: true,
            noscript: None,
            app_start: AppStart::AfterLoad,
            body: renderer.body(&entity.route),
            route: entity.route.clone(),
        };
        write(
            &self.args.dist.join(folder).join("index.html"),
            &self.template.page(&page),
        )
    }
}

fn run(args: Args) -> Result<String, String> {
    if args.pages == Pages::None {
        return Ok("pre-rendered no pages (--pages none)".into());
    }
    let started = Instant::now();
    let index_html = args.dist.join("index.html");
    let template = String::from_utf8(read(&index_html)?)
        .map_err(|e| format!("{}: expected UTF-8: {e}", index_html.display()))?;
    let mut template =
        Template::parse(&template).map_err(|e| format!("{}: {e}", args.dist.display()))?;
    let data = args.dist.join("data");
    let index = read(&data.join("index.bin"))?;
    let n_docs = dateline_core::query::Index::from_bytes(index.clone())
        .map_err(|e| format!("{}: {e}", data.join("index.bin").display()))?
        .len();
    let mut lists = Vec::new();
    for piece in (0..ListPiece::count(n_docs) as u32).map(ListPiece) {
        let path = data.join(piece.file());
        let bytes = read(&path)?;
        if piece == ListPiece::FIRST {
            template.data_mark = dateline_core::pack::data_mark(&bytes, &index);
        }
        let body =
            frame::unpack(&frame::LIST, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        lists.push(body);
    }
    let mut site_url = args.site.clone().unwrap_or_else(|| args.base.clone());
    if !site_url.ends_with('/') {
        site_url.push('/');
    }
    let mut facets = Vec::new();
    for facet in Facet::ALL {
        let path = data.join(facet.file());
        let body = frame::unpack(&frame::FACETS, &read(&path)?)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        facets.push((facet, body));
    }
    let site = Site {
        facets,
        lists,
        index,
        template,
        site_url,
        args,
    };
    let renderer = site.renderer()?;
    let total = renderer.corpus.len();
    // The releases whose pages are written: the newest in date order (the
    // numbering's first ones, but for releases that `dateline add` appended).
    let newest = match site.args.pages {
        Pages::All => total,
        Pages::Newest(n) => n.min(total),
        Pages::None => 0,
    };
    let mut wanted = vec![newest == total; total];
    if newest < total {
        let order = renderer.corpus.index().search(&Default::default()).hits;
        for &d in order.iter().take(newest) {
            if let Some(w) = wanted.get_mut(d as usize) {
                *w = true;
            }
        }
    }
    // The home page: the newest releases as links, under the site's own head.
    let home_head = match site.site_url.starts_with("http") {
        true => format!(
            "<link rel=\"canonical\" href=\"{}\" />",
            escape(&site.site_url)
        ),
        false => String::new(),
    };
    let home = Page {
        route: Route::Home,
        head: home_head,
        replaces_title: false,
        // The home page's controls (search, zoom) do nothing until the app
        // has taken it over: it starts right after the first paint.
        app_start: AppStart::AfterFirstPaint,
        noscript: Some("Search, filters and the timeline need JavaScript; the newest releases are listed below.".into()),
        body: site.start_renderer()?.body(&Route::Home),
    };
    write(&index_html, &site.template.page(&home))?;
    let entities = match site.args.pages {
        Pages::All => entity_pages(&renderer.corpus),
        _ => Vec::new(),
    };
    drop(renderer);
    let chunks: Vec<Chunk> = (0..total as u32)
        .filter(|&d| wanted[d as usize])
        .filter_map(|d| Chunk::of(d, total))
        .fold(Vec::new(), |mut v, c| {
            if v.last() != Some(&c) {
                v.push(c);
            }
            v
        });
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min((chunks.len() + entities.len()).max(1));
    let written: Result<usize, String> = std::thread::scope(|scope| {
        let site = &site;
        let chunks = &chunks;
        let entities = &entities;
        let wanted = &wanted;
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || -> Result<usize, String> {
                    let renderer = site.renderer()?;
                    let mut n = 0;
                    for &chunk in chunks.iter().skip(t).step_by(threads) {
                        n += site.write_chunk(&renderer, chunk, wanted)?;
                    }
                    for entity in entities.iter().skip(t).step_by(threads) {
                        site.write_entity(&renderer, entity)?;
                    }
                    Ok(n)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("a rendering thread failed".into()))
            })
            .sum()
    });
    let written = written?;
    let seconds = started.elapsed().as_secs_f64();
    let pages = written + entities.len() + 1;
    Ok(format!(
        "pre-rendered the home page, {written} of {total} release pages and {} entity pages in {seconds:.1} s ({:.0} pages per second, {threads} threads)",
        entities.len(),
        pages as f64 / seconds.max(1e-9)
    ))
}

fn main() -> ExitCode {
    let args = match parse(std::env::args_os().skip(1)) {
        Ok(args) => args,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("dateline-prerender: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(summary) => {
            eprintln!("dateline-prerender: {summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dateline-prerender: error: {e}");
            ExitCode::FAILURE
        }
    }
}
