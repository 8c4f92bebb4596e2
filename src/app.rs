use std::rc::Rc;

use yew::prelude::*;

use dateline_core::import::Set;
use dateline_core::pack::ListPiece;
use dateline_core::query::Filter;

use crate::components::{layout, pieces_notice, LayoutProps, PiecesNoticeProps, Router};
use crate::corpus::{Corpus, PieceFailed};
use crate::fetch::{fetch_facets, fetch_list_pieces, fetch_pieces, mark};
use crate::history::History;
use crate::hooks::{use_document_title, use_filter, use_pieces, use_route};
use crate::pages::{not_found_page, EntityPage, HomePage, NotFoundProps, ReleasePage};
use crate::route::{EntityKind, Route};

/// Renders the page for a route; a page of another `key` is mounted afresh.
pub fn switch(route: Route, key: u32) -> Html {
    match route {
        Route::Home => html! { <HomePage {key} /> },
        Route::Release { id } => html! { <ReleasePage {key} {id} /> },
        Route::Country { code } => {
            html! { <EntityPage {key} kind={EntityKind::Country} key_={code} /> }
        }
        Route::Organisation { id } => {
            html! { <EntityPage {key} kind={EntityKind::Organisation} key_={id} /> }
        }
        Route::Person { id } => html! { <EntityPage {key} kind={EntityKind::Person} key_={id} /> },
        Route::NotFound => not_found_page(&NotFoundProps::default()),
    }
}

/// Bumped when more of the corpus arrives after start, or a piece of it
/// failed (pieces of the postings and the word positions): what was
/// computed from the corpus is computed again.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DataGeneration(pub u32);

impl Reducible for DataGeneration {
    type Action = ();

    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(DataGeneration(self.0 + 1))
    }
}

/// Asks for the pieces of the index that a filter's query needs
/// (`crate::fetch::fetch_pieces`). None in component tests and when
/// pre-rendering, whose corpora have every piece or search no text.
#[derive(Clone, PartialEq)]
pub struct PiecesLoader(pub Callback<Filter>);

/// Asks for pieces of the list records (`crate::fetch::fetch_list_pieces`):
/// rows, neighbours and related releases whose records are not here yet.
/// None in component tests and when pre-rendering, whose corpora have
/// every record.
#[derive(Clone, PartialEq)]
pub struct RecordsLoader(pub Callback<Vec<ListPiece>>);

/// Asks for every facet's relation that is missing
/// (`crate::fetch::fetch_facets`). None in component tests and when
/// pre-rendering, whose corpora have them all.
#[derive(Clone, PartialEq)]
pub struct FacetsLoader(pub Callback<()>);

/// The URL of the site's root (`https://example.org/dateline/`), absolute in
/// the browser, and as the build knows it when pre-rendering: permalinks in
/// citations and schema.org data start with it.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteUrl(pub AttrValue);

/// What the shell gives the pages, as one context: yew makes each context
/// provider a component of its own (about 3.5 kB of wasm each). Its readers
/// render again when any of it changes: most often the data generation
/// (more of the corpus arrived), which nearly all of them read anyway (the
/// import controls, which do not, are a few elements); the loaders, the
/// site's URL and the set shown change only when another set is shown (the
/// pages are then mounted afresh), the width once, when the app has taken a
/// pre-rendered page over. Release cards, which are many, do not read it:
/// the result list gives them the width.
#[derive(Clone, Default, PartialEq)]
pub struct ShellContext {
    pub corpus: Rc<Corpus>,
    pub generation: DataGeneration,
    pub load_records: Option<RecordsLoader>,
    pub load_facets: Option<FacetsLoader>,
    pub site_url: Option<SiteUrl>,
    pub shown: Option<ShownSet>,
    pub width: Option<ViewportWidth>,
}

/// The width of the viewport in CSS pixels, for what is laid out by estimate
/// (a card's chips). Pre-rendered pages assume a phone's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewportWidth(pub f64);

/// The width pages are pre-rendered for, and the app's first render when it
/// takes a pre-rendered page over.
pub const PHONE_WIDTH: f64 = 360.0;

/// Which releases the explorer shows (this site's, those imported on this
/// device, or both), and how to show others: the import controls use it.
#[derive(Clone, PartialEq)]
pub struct ShownSet {
    pub set: Set,
    /// Shows a set with its corpus; `(Set::Site, None)` goes back to this site's.
    pub show: Callback<(Set, Option<Rc<Corpus>>)>,
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub corpus: Rc<Corpus>,
    #[prop_or_default]
    pub generation: DataGeneration,
    /// The first piece of the index that could not be used, if one could not.
    #[prop_or_default]
    pub piece_failed: Option<PieceFailed>,
    #[prop_or_default]
    pub load_pieces: Option<PiecesLoader>,
    #[prop_or_default]
    pub load_records: Option<RecordsLoader>,
    #[prop_or_default]
    pub load_facets: Option<FacetsLoader>,
    /// Without it, permalinks are made from the document's base URL.
    #[prop_or_default]
    pub site_url: Option<SiteUrl>,
    /// Without it, components read the window's width.
    #[prop_or_default]
    pub width: Option<ViewportWidth>,
    /// Without it, there are no import controls (component tests).
    #[prop_or_default]
    pub shown: Option<ShownSet>,
    /// The page's key: a page of another key is mounted afresh.
    #[prop_or_default]
    pub page_key: u32,
}

/// Provides the corpus and the page layout around the route's page, and
/// asks for the pieces of the index that the URL's query needs; the router
/// itself comes from the caller (browser history in the app, memory in tests
/// and when pre-rendering). It renders the page itself, as it renders again
/// on every move of the router anyway (the filter, the title): no
/// component of its own for the switch.
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    // On every page: the URL's filter is the timeline's, wherever it is read.
    let filter = use_filter().filter;
    let route = use_route();
    use_document_title(&props.corpus, route.as_ref());
    use_pieces(
        &props.corpus,
        &filter,
        props.generation,
        props.load_pieces.clone(),
    );
    let notice = match &props.piece_failed {
        Some(failed) => pieces_notice(&PiecesNoticeProps {
            failed: failed.clone(),
        }),
        None => html! {},
    };
    let context = ShellContext {
        corpus: props.corpus.clone(),
        generation: props.generation,
        load_records: props.load_records.clone(),
        load_facets: props.load_facets.clone(),
        site_url: props.site_url.clone(),
        shown: props.shown.clone(),
        width: props.width,
    };
    let children = route.map_or_else(Html::default, |r| switch(r, props.page_key));
    html! {
        <ContextProvider<ShellContext> {context}>
            { layout(&LayoutProps { notice, children }) }
        </ContextProvider<ShellContext>>
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The corpus, downloaded and decoded before the app is mounted (see
    /// `crate::start`), or read from `dist/data` when pre-rendering.
    pub corpus: Rc<Corpus>,
    /// The browser's history, or a memory history at the pre-rendered page.
    pub history: History,
    /// The public URL's path (`/dateline`); none at the host's root.
    #[prop_or_default]
    pub basename: Option<AttrValue>,
    pub site_url: SiteUrl,
    /// The width of the first render.
    pub width: ViewportWidth,
    /// Releases kept on this device to show at start instead of this site's
    /// (the set chosen last time).
    #[prop_or_default]
    pub kept: Option<(Set, Rc<Corpus>)>,
}

/// The app over a loaded corpus: the same component tree in the browser and
/// when pre-rendering, so that the browser can take a pre-rendered page over
/// (hydrate it) without replacing its DOM. Once mounted it reads the real
/// viewport width; the pieces of the index come when a query needs them.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let generation = use_reducer(DataGeneration::default);
    let piece_failed = use_state(|| None::<PieceFailed>);
    let width = use_state_eq(|| props.width);
    let kept = use_state(|| props.kept.clone());
    // Bumped when another set is shown: the pages are mounted afresh, so
    // that nothing derived from the corpus they had outlives it.
    let sets_shown = use_state(|| 0u32);
    // A new callback only when another set is shown: the shell's context
    // (which holds it) is not new on every render.
    let show = {
        let (kept, sets_shown_to) = (kept.setter(), sets_shown.setter());
        use_callback(
            *sets_shown,
            move |(set, corpus): (Set, Option<Rc<Corpus>>), &shown| {
                kept.set(corpus.filter(|_| set != Set::Site).map(|c| (set, c)));
                sets_shown_to.set(shown + 1);
            },
        )
    };
    let shown = ShownSet {
        set: kept.as_ref().map_or(Set::Site, |(set, _)| *set),
        show,
    };
    let corpus = kept
        .as_ref()
        .map_or_else(|| props.corpus.clone(), |(_, c)| c.clone());
    let load_pieces = {
        let bump = generation.dispatcher();
        let piece_failed = piece_failed.setter();
        use_callback(corpus.clone(), move |filter: Filter, corpus| {
            let (bump, piece_failed) = (bump.clone(), piece_failed.clone());
            fetch_pieces(corpus.clone(), filter, move |fetched| {
                // Pieces that came are used even when another failed, and a
                // search waiting for a failed one stops waiting.
                if let Some(failed) = fetched.error {
                    piece_failed.set(Some(failed));
                }
                bump.dispatch(());
            });
        })
    };
    let load_records = {
        let bump = generation.dispatcher();
        use_callback(corpus.clone(), move |pieces: Vec<ListPiece>, corpus| {
            let bump = bump.clone();
            fetch_list_pieces(corpus.clone(), pieces, move || bump.dispatch(()));
        })
    };
    let load_facets = {
        let bump = generation.dispatcher();
        let piece_failed = piece_failed.setter();
        use_callback(corpus.clone(), move |(), corpus| {
            let (bump, piece_failed) = (bump.clone(), piece_failed.clone());
            fetch_facets(corpus.clone(), move |failed| {
                if let Some(failed) = failed {
                    piece_failed.set(Some(failed));
                }
                bump.dispatch(());
            });
        })
    };
    {
        let width = width.setter();
        // Effects run once the DOM is there: the search box is ready to use.
        use_effect_with((), move |_| {
            mark("dateline-usable");
            if let Some(w) = web_sys::window().and_then(|w| w.inner_width().ok()?.as_f64()) {
                width.set(ViewportWidth(w));
            }
        });
    }
    html! {
        <Router history={props.history.clone()} basename={props.basename.clone()}>
            <Shell {corpus} generation={*generation}
                piece_failed={(*piece_failed).clone()}
                load_pieces={Some(PiecesLoader(load_pieces))}
                load_records={Some(RecordsLoader(load_records))}
                load_facets={Some(FacetsLoader(load_facets))}
                site_url={Some(props.site_url.clone())} width={Some(*width)}
                shown={Some(shown)} page_key={*sets_shown} />
        </Router>
    }
}
