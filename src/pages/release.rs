use dateline_core::mentions::{find_mentions, needles};
use dateline_core::Release;
use yew::prelude::*;

use crate::components::RouteLink;

use super::{not_found_page, NotFoundProps};
use crate::components::detail::{
    fact_box, marked_paragraph, neighbours, quotes, related_releases, Citation, EntityLinks,
    FactBoxProps, MarkedParagraphProps, NeighboursProps, QuotesProps, RelatedReleasesProps,
};
use crate::corpus::Lookup;
use crate::hooks::{
    use_corpus, use_facets, use_full_release, use_head_data, use_records, use_release_url,
    FullRelease,
};
use crate::route::Route;

/// Related releases listed under a release.
pub const RELATED: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ReleasePageProps {
    pub id: AttrValue,
}

/// One release: title, a fact box, its text with the countries, organisations
/// and people it names linked to their pages, quotes, citation, related and
/// neighbouring releases, and schema.org data. Release text is rendered as
/// text nodes and links only: it is never HTML. The full record may need a
/// download first (see `use_full_release`); until then the heading shows.
#[function_component(ReleasePage)]
pub fn release_page(props: &ReleasePageProps) -> Html {
    let corpus = use_corpus();
    let lookup = corpus.lookup(&props.id);
    // An id the records at hand do not place: the pieces of the list that can.
    use_records(match &lookup {
        Lookup::Needs(pieces) => pieces.clone(),
        _ => Vec::new(),
    });
    let doc = match &lookup {
        Lookup::Found(doc) => Some(*doc),
        _ => None,
    };
    let full = use_full_release(doc);
    if let Lookup::Needs(_) = lookup {
        return html! {
            <article class="release-detail" aria-busy="true">
                <p class="back"><RouteLink to={Route::Home}>{ "← All releases" }</RouteLink></p>
                <p role="status">{ "Loading this release…" }</p>
            </article>
        };
    }
    let (Some(doc), Some(full)) = (doc, full) else {
        return not_found_page(&NotFoundProps {
            what: Some(props.id.clone()),
        });
    };
    let (Some(listed), doc) = (corpus.doc(doc), doc as usize) else {
        return not_found_page(&NotFoundProps {
            what: Some(props.id.clone()),
        });
    };
    match full {
        FullRelease::Ready(release) => html! { <ReleaseDetail release={*release} {doc} /> },
        FullRelease::Loading => html! {
            <article class="release-detail" aria-labelledby="release-title" aria-busy="true">
                <p class="back"><RouteLink to={Route::Home}>{ "← All releases" }</RouteLink></p>
                <h1 id="release-title">{ &listed.title }</h1>
                <p role="status">{ "Loading the full text…" }</p>
            </article>
        },
        FullRelease::Failed(error) => html! {
            <article class="release-detail" aria-labelledby="release-title">
                <p class="back"><RouteLink to={Route::Home}>{ "← All releases" }</RouteLink></p>
                <h1 id="release-title">{ &listed.title }</h1>
                <p role="alert">{ format!("The full text could not be shown: {error}. Try reloading the page.") }</p>
            </article>
        },
    }
}

#[derive(Properties, PartialEq)]
struct ReleaseDetailProps {
    release: Release,
    doc: usize,
}

#[function_component(ReleaseDetail)]
fn release_detail(props: &ReleaseDetailProps) -> Html {
    let corpus = use_corpus();
    let (release, doc) = (&props.release, props.doc);
    let url = use_release_url(&release.id);
    use_head_data(release, &url);
    // Related releases and the links to its organisations' pages read the
    // facets' relations.
    use_facets(true);
    let links = EntityLinks::new(&corpus, release);
    let marks = find_mentions(&release.body, &needles(release, &links.names()));
    let related = corpus.index().related(doc as u32, RELATED);
    // The records of the releases it links to, when their pieces are not here.
    let (newer, older) = corpus.index().neighbours(doc as u32);
    let linked = newer.into_iter().chain(older);
    let linked = linked.chain(related.iter().map(|&(d, _)| d));
    use_records(corpus.missing_records(linked));
    let related: Vec<_> = related
        .into_iter()
        .filter_map(|(d, _)| corpus.doc(d))
        .collect();
    let older = older.and_then(|d| corpus.doc(d));
    let newer = newer.and_then(|d| corpus.doc(d));
    let place = release.dateline.as_ref().and_then(|d| d.city.clone());
    html! {
        <article class="release-detail" aria-labelledby="release-title">
            <p class="back"><RouteLink to={Route::Home}>{ "← All releases" }</RouteLink></p>
            <h1 id="release-title">{ &release.title }</h1>
            <p class="release-meta">
                if let Some(date) = &release.date {
                    <time datetime={date.to_string()}>{ date.long() }</time>
                }
                if let Some(place) = place {
                    <span class="place">{ place }</span>
                }
            </p>
            <div class="detail-columns">
                <section class="facts" aria-labelledby="facts-heading">
                    <h2 id="facts-heading">{ "Key facts" }</h2>
                    { fact_box(&FactBoxProps { release: release.clone(), organisations: links.organisations.clone() }) }
                </section>
                <section class="release-text" aria-labelledby="text-heading">
                    <h2 id="text-heading" class="visually-hidden">{ "Full text" }</h2>
                    <div class="release-body">
                        { for release.body.iter().zip(marks).map(|(p, marks)| html! {
                            { marked_paragraph(&MarkedParagraphProps { text: p.clone().into(), marks }) }
                        }) }
                    </div>
                    if !release.footer.is_empty() {
                        <footer class="release-footer">
                            { for release.footer.iter().map(|p| html! { <p>{ p }</p> }) }
                        </footer>
                    }
                </section>
            </div>
            { quotes(&QuotesProps { release: release.clone(), links: links.clone() }) }
            <Citation release={release.clone()} url={url} />
            { related_releases(&RelatedReleasesProps { releases: related }) }
            { neighbours(&NeighboursProps { older, newer }) }
        </article>
    }
}
