use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{ErrorView, Layout};
use crate::corpus::Corpus;
use crate::pages::{EntityKind, EntityPage, HomePage, NotFoundPage, ReleasePage};
use crate::route::Route;

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

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub corpus: Rc<Corpus>,
    #[prop_or_default]
    pub children: Html,
}

/// Provides the corpus and the page layout around routed content; the router
/// itself comes from the caller (browser history in the app, memory in tests).
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    html! {
        <ContextProvider<Rc<Corpus>> context={props.corpus.clone()}>
            <Layout>{ props.children.clone() }</Layout>
        </ContextProvider<Rc<Corpus>>>
    }
}

/// The app: decodes the embedded corpus once, then routes. The router reads
/// `<base href>` (Trunk's public URL), so the app works under any sub-path.
#[function_component(App)]
pub fn app() -> Html {
    let corpus = use_memo((), |_| Corpus::embedded());
    match &*corpus {
        Ok(corpus) => html! {
            <BrowserRouter>
                <Shell corpus={corpus.clone()}>
                    <Switch<Route> render={switch} />
                </Shell>
            </BrowserRouter>
        },
        Err(error) => html! { <ErrorView error={error.clone()} /> },
    }
}
