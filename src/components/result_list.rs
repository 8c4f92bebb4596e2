use std::rc::Rc;

use dateline_core::display::fixed;
use dateline_core::query::Results;
use dateline_core::PartialDate;
use yew::prelude::*;

use super::ReleaseCard;
use crate::hooks::{use_corpus, use_records, use_viewport_width, use_visible_range};
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

/// A result set's hits (document ids in result order), shared with the
/// results themselves: a million of them are neither copied per result set
/// nor compared per render (the same set is the same pointer).
#[derive(Clone)]
pub struct Hits(Rc<Results>);

impl Hits {
    pub fn new(results: Rc<Results>) -> Hits {
        Hits(results)
    }
}

impl std::ops::Deref for Hits {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.0.hits
    }
}

impl PartialEq for Hits {
    fn eq(&self, other: &Hits) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0.hits == other.0.hits
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub hits: Hits,
    pub terms: Vec<String>,
    /// Group under year and month headings (date orders only).
    pub grouped: bool,
}

/// Height of a document's card row, without its heading.
fn row_px(corpus: &Corpus, doc: u32) -> f64 {
    if corpus.has_lede(doc) {
        ROW_PX
    } else {
        ROW_NO_LEDE_PX
    }
}

/// The rows' layout: one pass per result set. Rows are grouped by month:
/// `yyyymm` of the date key (`yyyy00` for a year alone, 0 when undated).
fn layout(corpus: &Corpus, hits: &[u32], grouped: bool) -> Rows {
    let index = corpus.index();
    let mut last = None;
    Rows::new(hits.iter().map(|&doc| {
        let month = index.date_key(doc) / 100;
        let heading = (grouped && last != Some(month))
            .then(|| PartialDate::from_key(month * 100).map(PartialDate::whole_month));
        last = Some(month);
        (row_px(corpus, doc), heading)
    }))
}

/// Where the rows sit, as runs of rows of one height that open with at most
/// one heading: a million rows in date order are a run per month, so
/// scrolling is a binary search over a few hundred runs, not a million tops.
#[derive(Default)]
struct Rows {
    runs: Vec<Run>,
    rows: usize,
    height: f64,
}

#[derive(Clone, Copy)]
struct Run {
    first: usize,
    /// The top of its first row (its heading included).
    top: f64,
    /// Each row's height, without the heading.
    row: f64,
    /// The heading above its first row: its month (or year), or None for undated.
    heading: Option<Option<PartialDate>>,
}

impl Run {
    fn head(&self) -> f64 {
        if self.heading.is_some() {
            HEADING_PX
        } else {
            0.0
        }
    }

    /// The top of its `k`th row past the first.
    fn top_of(&self, k: usize) -> f64 {
        self.top + self.head() + k as f64 * self.row
    }
}

impl Rows {
    /// From each row's height and the heading above it.
    fn new(rows: impl Iterator<Item = (f64, Option<Option<PartialDate>>)>) -> Rows {
        let mut out = Rows::default();
        for (row, heading) in rows {
            let goes_on = heading.is_none() && out.runs.last().is_some_and(|r| r.row == row);
            if !goes_on {
                out.runs.push(Run {
                    first: out.rows,
                    top: out.height,
                    row,
                    heading,
                });
            }
            let head = if heading.is_some() { HEADING_PX } else { 0.0 };
            out.height += head + row;
            out.rows += 1;
        }
        out
    }

    fn run_of(&self, i: usize) -> Option<&Run> {
        let after = self.runs.partition_point(|r| r.first <= i);
        self.runs.get(after.checked_sub(1)?)
    }

    /// Row `i`'s top and height, its heading included.
    fn row(&self, i: usize) -> (f64, f64) {
        match self.run_of(i) {
            Some(r) if i == r.first => (r.top, r.head() + r.row),
            Some(r) => (r.top_of(i - r.first), r.row),
            None => (0.0, 0.0),
        }
    }

    /// The heading above row `i`, if it opens one.
    fn heading(&self, i: usize) -> Option<Option<PartialDate>> {
        self.run_of(i)
            .filter(|r| r.first == i)
            .and_then(|r| r.heading)
    }

    /// How many rows start above `y` (with `inclusive`, at `y` too).
    fn rows_above(&self, y: f64, inclusive: bool) -> usize {
        let above = |top: f64| if inclusive { top <= y } else { top < y };
        let after = self.runs.partition_point(|r| above(r.top));
        let Some(run) = after.checked_sub(1).and_then(|r| self.runs.get(r)) else {
            return 0;
        };
        let len = self.runs.get(after).map_or(self.rows, |next| next.first) - run.first;
        // Its rows past the first that start above `y`: an estimate, then
        // set right against the very tops `row` gives.
        let guess = ((y - run.top_of(0)) / run.row).floor();
        let mut k = if guess > 0.0 { guess as usize } else { 0 }.min(len.saturating_sub(1));
        while k > 0 && !above(run.top_of(k)) {
            k -= 1;
        }
        while k + 1 < len && above(run.top_of(k + 1)) {
            k += 1;
        }
        run.first + 1 + k
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
    let width = use_viewport_width();
    let layout = {
        let corpus = corpus.clone();
        use_memo(
            (props.hits.clone(), props.grouped),
            move |(hits, grouped)| layout(&corpus, hits, *grouped),
        )
    };
    let total = props.hits.len();
    let (first, last) = if total <= MOUNT_ALL {
        (0, total)
    } else {
        (
            layout.rows_above(top - ROW_PX - HEADING_PX, false),
            layout.rows_above(bottom, true),
        )
    };
    let shown = props.hits.get(first..last.min(total)).unwrap_or_default();
    // The rows' records that are not here yet: their pieces of the list.
    use_records(corpus.missing_records(shown.iter().copied()));
    if props.hits.is_empty() {
        return html! { <p class="empty">{ "No releases match. Remove a filter or try other words." }</p> };
    }
    let rows = (first..).zip(shown).map(|(i, &doc)| {
        let heading = layout.heading(i);
        let (y, height) = layout.row(i);
        let style = format!("top: {}px; height: {}px", fixed(y, 0), fixed(height, 0));
        let (setsize, posinset) = (total.to_string(), (i + 1).to_string());
        let heading =
            heading.map(|month| html! { <h3 class="group-heading">{ group_label(month) }</h3> });
        match corpus.doc(doc) {
            Some(r) => html! {
                <li class="release-item" key={r.id.clone()} {style}
                    aria-setsize={setsize} aria-posinset={posinset}>
                    { for heading }
                    <ReleaseCard release={r.clone()} terms={props.terms.clone()} {width} />
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_sit_where_their_heights_and_headings_put_them() {
        let month = |m: usize| PartialDate::of_month(2019, (m % 12 + 1) as u8);
        // Runs of equal rows, changes of height, month headings, undated ones.
        let rows: Vec<(f64, Option<Option<PartialDate>>)> = (0..500)
            .map(|i| {
                let row = if i % 97 < 60 { ROW_PX } else { ROW_NO_LEDE_PX };
                let heading = match i % 41 {
                    0 => Some(month(i / 41)),
                    7 if i % 2 == 1 => Some(None),
                    _ => None,
                };
                (row, heading)
            })
            .collect();
        let layout = Rows::new(rows.iter().copied());
        let (mut tops, mut y) = (Vec::new(), 0.0);
        for (i, &(row, heading)) in rows.iter().enumerate() {
            let height = row + if heading.is_some() { HEADING_PX } else { 0.0 };
            assert_eq!(layout.row(i), (y, height), "row {i}");
            assert_eq!(layout.heading(i), heading, "row {i}");
            tops.push(y);
            y += height;
        }
        assert_eq!(layout.height, y);
        assert!(
            layout.runs.len() < rows.len() / 4,
            "{} runs",
            layout.runs.len()
        );
        // Between the tops, and on each of them.
        let probes = (-100..y as i64 + 300).step_by(7).map(|v| v as f64);
        for y in probes.chain(tops.iter().copied()) {
            assert_eq!(
                layout.rows_above(y, false),
                tops.partition_point(|&t| t < y),
                "{y}"
            );
            assert_eq!(
                layout.rows_above(y, true),
                tops.partition_point(|&t| t <= y),
                "{y}"
            );
        }
        let empty = Rows::new(std::iter::empty());
        assert_eq!(
            (empty.rows_above(10.0, true), empty.row(0)),
            (0, (0.0, 0.0))
        );
    }
}
