use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{ErrorView, Layout, PositionsNotice};
use crate::corpus::{Corpus, CorpusError};
use crate::fetch::{mark, Download};
use crate::pages::{EntityPage, HomePage, NotFoundPage, ReleasePage};
use crate::route::{EntityKind, Route};

/// Renders the page for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Release { id } => html! { <ReleasePage {id} /> },
        Route::Country { code } => html! { <EntityPage kind={EntityKind::Country} key_={code} /> },
        Route::Organisation { id } => {
            html! { <EntityPage kind={EntityKind::Organisation} key_={id} /> }
        }
        Route::Person { id } => html! { <EntityPage kind={EntityKind::Person} key_={id} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// Bumped when more of the corpus arrives after start (the word positions):
/// what was computed from the corpus is computed again.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DataGeneration(pub u32);

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub corpus: Rc<Corpus>,
    #[prop_or_default]
    pub generation: DataGeneration,
    /// Why the word positions could not be used, if they could not.
    #[prop_or_default]
    pub positions_error: Option<CorpusError>,
    #[prop_or_default]
    pub children: Html,
}

/// Provides the corpus and the page layout around routed content; the router
/// itself comes from the caller (browser history in the app, memory in tests).
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    let notice = match &props.positions_error {
        Some(error) => html! { <PositionsNotice error={error.clone()} /> },
        None => html! {},
    };
    html! {
        <ContextProvider<Rc<Corpus>> context={props.corpus.clone()}>
            <ContextProvider<DataGeneration> context={props.generation}>
                <Layout {notice}>{ props.children.clone() }</Layout>
            </ContextProvider<DataGeneration>>
        </ContextProvider<Rc<Corpus>>>
    }
}

/// Where the corpus is while the app starts.
#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Rc<Corpus>),
    Failed(CorpusError),
}

/// Downloads the list records and the prebuilt index side by side, then
/// decodes them (no indexing in the browser).
async fn load() -> Result<Rc<Corpus>, CorpusError> {
    let list = Download::start("data/list.bin");
    let index = Download::start("data/index.bin");
    let (list, index) = (list.bytes().await?, index.bytes().await?);
    mark("dateline-fetched");
    let corpus = Corpus::from_pack(list, index)?;
    mark("dateline-decoded");
    Ok(Rc::new(corpus))
}

/// The app: loads the corpus once, then routes. The router reads
/// `<base href>` (Trunk's public URL), so the app works under any sub-path.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_state(|| Load::Loading);
    {
        let state = state.setter();
        use_effect_with((), move |_| {
            spawn_local(async move {
                state.set(match load().await {
                    Ok(corpus) => Load::Ready(corpus),
                    Err(e) => Load::Failed(e),
                })
            })
        });
    }
    let generation = use_state(DataGeneration::default);
    let positions_error = use_state(|| None::<CorpusError>);
    let ready = matches!(*state, Load::Ready(_));
    // Effects run once the DOM is updated: the search box is there to use.
    // Then the word positions (exact phrases) come in the background.
    {
        let (state, generation) = (state.clone(), generation.setter());
        let positions_error = positions_error.setter();
        use_effect_with(ready, move |&ready| {
            if let (true, Load::Ready(corpus)) = (ready, &*state) {
                mark("dateline-usable");
                let corpus = corpus.clone();
                spawn_local(async move {
                    let positions = Download::start("data/positions.bin").bytes().await;
                    // Without them a quoted phrase matches all its words: still
                    // useful, and the page says so.
                    match positions.and_then(|bytes| {
                        corpus
                            .index()
                            .add_positions(bytes)
                            .map_err(CorpusError::Damaged)
                    }) {
                        Ok(()) => {
                            mark("dateline-positions");
                            generation.set(DataGeneration(1));
                        }
                        Err(error) => positions_error.set(Some(error)),
                    }
                });
            }
        });
    }
    match &*state {
        Load::Loading => html! {
            <main id="main" class="loading">
                <p role="status">{ "Loading releases…" }</p>
            </main>
        },
        Load::Ready(corpus) => html! {
            <BrowserRouter>
                <Shell corpus={corpus.clone()} generation={*generation} positions_error={(*positions_error).clone()}>
                    <Switch<Route> render={switch} />
                </Shell>
            </BrowserRouter>
        },
        Load::Failed(error) => html! { <ErrorView error={error.clone()} /> },
    }
}
