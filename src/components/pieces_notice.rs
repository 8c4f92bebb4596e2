use yew::prelude::*;

use crate::corpus::{Part, PieceFailed};

#[derive(Properties, PartialEq)]
pub struct PiecesNoticeProps {
    pub failed: PieceFailed,
}

/// Says that a piece of the index (`data/d/<k>.bin`, `data/t/<k>.bin`,
/// `data/p/<k>.bin`, `data/f/<facet>.bin`) could not be used, naming it and
/// why, and what the app does without it: it works on, with some words
/// unknown to searches (dictionary), some releases missing from searches
/// (postings), quoted phrases matched as all their words (positions), or
/// without that facet's filters and counts (facets).
pub fn pieces_notice(props: &PiecesNoticeProps) -> Html {
    let (what, meanwhile) = match props.failed.part {
        Part::Dictionary => (
            "Search results may be incomplete",
            "Words whose letters fall in that part of the index match nothing, and are not completed or corrected.",
        ),
        Part::Postings => (
            "Search results may be incomplete",
            "Releases whose words are stored there are missing from the results of searches that need it.",
        ),
        Part::Positions => (
            "Exact phrase search is unavailable",
            "Meanwhile a \"quoted phrase\" matches the releases that contain all its words.",
        ),
        Part::Facets => (
            "Some filters are unavailable",
            "Choosing one of its values matches no release, and its counts are not shown; searching works.",
        ),
    };
    html! {
        <div class="data-notice" role="alert">
            <p>
                { format!("{what}: {}. ", props.failed.error) }
                { meanwhile }
                { " Reloading the page may help." }
            </p>
        </div>
    }
}
