use std::rc::Rc;

use dateline_core::display::fixed;
use dateline_core::PartialDate;
use yew::prelude::*;

use super::ReleaseCard;
use crate::hooks::{use_corpus, use_records, use_visible_range};
use crate::Corpus;

/// Height of one result row and of a year/month heading, in CSS pixels; the
/// stylesheet fixes `.release-item` and `.group-heading` to these heights so
/// that row positions are known without measuring (static/style.css).
pub const ROW_PX: f64 = 188.0;
/// A row whose card has no lede (list records of corpora above
/// `LEDE_LIMIT` releases carry none): the two lines of `.snippet` less.
pub const ROW_NO_LEDE_PX: f64 = 132.0;
pub const HEADING_PX: f64 = 48.0;
/// Result sets up to this size are mounted whole (find-in-page and every row
/// reachable at once); larger ones are windowed (about 8 rows mounted).
/// Kept small: on small corpora, mounting rows is most of a keystroke's cost
/// in the browser (scripts/bench-app.sh, keystroke to paint), and the
/// timeline page holds at most 400 elements (about 15 per row).
pub const MOUNT_ALL: usize = 8;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// Document ids in result order.
    pub hits: Vec<u32>,
    pub terms: Vec<String>,
    /// Group under year and month headings (date orders only).
    pub grouped: bool,
}

/// Where each row sits: its top in list pixels, and the heading it opens.
struct Layout {
    tops: Vec<f64>,
    /// Per row, the heading above it, if any: its month (or year), or None for undated.
    headings: Vec<Option<Option<PartialDate>>>,
    height: f64,
}

/// Height of a document's card row, without its heading.
fn row_px(corpus: &Corpus, doc: u32) -> f64 {
    if corpus.has_lede(doc) {
        ROW_PX
    } else {
        ROW_NO_LEDE_PX
    }
}

/// Positions of every row: O(n) once per result set, so scrolling is a binary search.
fn layout(corpus: &Corpus, hits: &[u32], grouped: bool) -> Layout {
    let mut tops = Vec::with_capacity(hits.len());
    let mut headings = Vec::with_capacity(hits.len());
    let mut y = 0.0;
    let mut last: Option<Option<PartialDate>> = None;
    for &doc in hits {
        // The date from the index (no record is made): rows are grouped by month.
        let month = corpus.index().date(doc).map(PartialDate::whole_month);
        let heading = (grouped && last != Some(month)).then_some(month);
        last = Some(month);
        tops.push(y);
        y += row_px(corpus, doc) + if heading.is_some() { HEADING_PX } else { 0.0 };
        headings.push(heading);
    }
    Layout {
        tops,
        headings,
        height: y,
    }
}

/// The matching releases, under year and month headings when sorted by date.
/// Windowed: only the rows near the viewport are in the DOM (about a hundred
/// at most), each with its position in the whole set for assistive technology.
#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let corpus = use_corpus();
    let list = use_node_ref();
    let (top, bottom) = use_visible_range(list.clone());
    let layout = {
        let corpus = corpus.clone();
        use_memo(
            (props.hits.clone(), props.grouped),
            move |(hits, grouped)| Rc::new(layout(&corpus, hits, *grouped)),
        )
    };
    let total = props.hits.len();
    let (first, last) = if total <= MOUNT_ALL {
        (0, total)
    } else {
        (
            layout
                .tops
                .partition_point(|&y| y + ROW_PX + HEADING_PX < top),
            layout.tops.partition_point(|&y| y <= bottom),
        )
    };
    let shown = props.hits.get(first..last.min(total)).unwrap_or_default();
    // The rows' records that are not here yet: their pieces of the list.
    use_records(corpus.missing_records(shown.iter().copied()));
    if props.hits.is_empty() {
        return html! { <p class="empty">{ "No releases match. Remove a filter or try other words." }</p> };
    }
    let rows = (first..).zip(shown).map(|(i, &doc)| {
        let heading = layout.headings.get(i).copied().flatten();
        let height = row_px(&corpus, doc) + if heading.is_some() { HEADING_PX } else { 0.0 };
        let y = layout.tops.get(i).copied().unwrap_or_default();
        let style = format!("top: {}px; height: {}px", fixed(y, 0), fixed(height, 0));
        let (setsize, posinset) = (total.to_string(), (i + 1).to_string());
        let heading =
            heading.map(|month| html! { <h3 class="group-heading">{ group_label(month) }</h3> });
        match corpus.doc(doc) {
            Some(r) => html! {
                <li class="release-item" key={r.id.clone()} {style}
                    aria-setsize={setsize} aria-posinset={posinset}>
                    { for heading }
                    <ReleaseCard release={r.clone()} terms={props.terms.clone()} />
                </li>
            },
            // Its piece of the list is on the way (or failed): the row
            // keeps its place and says so.
            None => {
                let failed = corpus.record_failed(doc);
                let text = failed.as_ref().map_or_else(
                    || "Loading this release…".to_string(),
                    |e| format!("This release could not be loaded: {e}"),
                );
                html! {
                    <li class="release-item pending" key={format!("doc-{doc}")} {style}
                        aria-setsize={setsize} aria-posinset={posinset}
                        aria-busy={failed.is_none().then_some("true")}>
                        { for heading }
                        <p class="pending-row">{ text }</p>
                    </li>
                }
            }
        }
    });
    html! {
        <ol class="release-list windowed" aria-label="Matching releases" ref={list}
            style={format!("height: {}px", fixed(layout.height, 0))}>
            { for rows }
        </ol>
    }
}

fn group_label(month: Option<PartialDate>) -> String {
    month.map_or_else(|| "Undated".to_string(), PartialDate::long)
}
