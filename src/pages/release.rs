use dateline_core::display::long_date;
use yew::prelude::*;
use yew_router::prelude::*;

use super::NotFoundPage;
use crate::hooks::use_corpus;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ReleasePageProps {
    pub id: AttrValue,
}

/// One release: title, date and place, and its full text as paragraphs.
/// Text is rendered as text nodes only: release text is never HTML.
#[function_component(ReleasePage)]
pub fn release_page(props: &ReleasePageProps) -> Html {
    let corpus = use_corpus();
    let Some(release) = corpus.get(&props.id) else {
        return html! { <NotFoundPage what={props.id.clone()} /> };
    };
    let dateline = release.dateline.as_ref();
    let place = dateline.and_then(|d| d.city.clone());
    html! {
        <article class="release-detail" aria-labelledby="release-title">
            <p class="back"><Link<Route> to={Route::Home}>{ "← All releases" }</Link<Route>></p>
            <h1 id="release-title">{ &release.title }</h1>
            <p class="release-meta">
                if let Some(date) = &release.date {
                    <time datetime={date.clone()}>{ long_date(date) }</time>
                }
                if let Some(place) = place {
                    <span class="place">{ place }</span>
                }
            </p>
            <div class="release-body">
                { for release.body.iter().map(|p| html! { <p>{ p }</p> }) }
            </div>
            if !release.footer.is_empty() {
                <footer class="release-footer">
                    { for release.footer.iter().map(|p| html! { <p>{ p }</p> }) }
                </footer>
            }
        </article>
    }
}
