use yew::prelude::*;

use crate::components::ReleaseList;
use crate::hooks::use_corpus;

/// The archive: every release, newest first.
#[function_component(HomePage)]
pub fn home_page() -> Html {
    let corpus = use_corpus();
    let count = corpus.len();
    html! {
        <section class="home" aria-labelledby="home-heading">
            <h1 id="home-heading">{ "Press releases" }</h1>
            <p class="result-count" role="status">
                { format!("{count} {}", if count == 1 { "release" } else { "releases" }) }
            </p>
            <ReleaseList releases={corpus.releases().to_vec()} />
        </section>
    }
}
