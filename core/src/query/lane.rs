//! The events lane: the periods and event days that the releases in view
//! mention (`2018 – 2022`, `17 April 2019`), as bars under the histogram on
//! its x scale, laid out in a few rows. Which events, where and how many is
//! decided here; the app only draws the bars. An event is named in the URL
//! by its [`EventKey`] (`event=2018/2022`), and filters to the releases that
//! mention it ([`docs_mentioning`]).
//!
//! Work is bounded: the caller gives the events of at most a few hundred
//! releases, at most [`MAX_MENTIONS`] are read, and at most
//! [`MAX_LANE_EVENTS`] bars come out.

use super::histogram::Histogram;
use crate::date::PartialDate;
use crate::display::period;
use crate::model::Event;

/// Bars in the lane at most, whatever the releases mention.
pub const MAX_LANE_EVENTS: usize = 12;
/// Rows of bars at most; an event that fits in none is left out.
pub const LANE_ROWS: u8 = 3;
/// Event mentions read at most for one lane.
pub const MAX_MENTIONS: usize = 4000;
/// Distinct events considered at most for one lane (the first met).
const MAX_DISTINCT: usize = 256;
/// The narrowest bar, in percent of the axis: a day on a 30-year axis stays
/// visible and clickable.
const MIN_WIDTH: f64 = 3.0;
/// Space kept between two bars of a row, in percent of the axis.
const GAP: f64 = 0.5;

/// An event as a filter names it: its first and last period as written
/// (`end` equal to `start` for one day, month or year; None for an open
/// period, `since 2015`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventKey {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
}

impl EventKey {
    pub fn of(e: &Event) -> EventKey {
        EventKey {
            start: e.start,
            end: e.end,
        }
    }

    /// The URL form: `2019-04-17`, `2018/2022`, `2015/..` (an ISO 8601
    /// interval, as the exports write it).
    pub fn to_param(self) -> String {
        crate::display::iso_interval(self.start, self.end)
    }

    /// Reads [`to_param`](Self::to_param)'s form; None for anything else,
    /// an end before the start included. Bounded: at most two dates are read.
    pub fn parse(s: &str) -> Option<EventKey> {
        let s = s.trim();
        if s.len() > 24 {
            return None;
        }
        let (start, end) = match s.split_once('/') {
            None => {
                let d = PartialDate::parse(s)?;
                (d, Some(d))
            }
            Some((a, "..")) => (PartialDate::parse(a)?, None),
            Some((a, b)) => (PartialDate::parse(a)?, Some(PartialDate::parse(b)?)),
        };
        if end.is_some_and(|e| e.last_day() < start.first_day()) {
            return None;
        }
        Some(EventKey { start, end })
    }

    /// As a reader writes it: `17 April 2019`, `2018 – 2022`, `since 2015`.
    pub fn label(self) -> String {
        period(Some(self.start), self.end).unwrap_or_default()
    }

    pub fn matches(self, e: &Event) -> bool {
        EventKey::of(e) == self
    }
}

/// One bar of the lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaneItem {
    pub key: EventKey,
    /// Releases (of those read) that mention it.
    pub releases: u32,
    /// 0 is the top row.
    pub row: u8,
    /// Left edge and width in hundredths of a percent of the axis (0 to
    /// 10000), on the histogram's scale: integers, so that the app formats
    /// no floats (float formatting is kilobytes of wasm).
    pub left: u16,
    pub width: u16,
    /// The bar's accessible name: `2018 – 2022: 3 releases`.
    pub name: String,
    /// The event the filter selects.
    pub selected: bool,
}

/// A distinct event met: its days on the axis, its releases, the last counted.
struct Seen {
    key: EventKey,
    a: i32,
    b: i32,
    releases: u32,
    last: u32,
}

/// The lane: its bars in time order, and how many events in view it leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lane {
    pub items: Vec<LaneItem>,
    pub rows: u8,
    /// Events in view that have no bar (beyond the cap, or no room in the rows).
    pub left_out: usize,
}

/// Lays out the events of `mentions` (`(doc, event)` pairs, a document's
/// together: a document mentioning an event twice counts once) that overlap
/// the histogram's span, on its bars' scale: the most mentioned first (the
/// `selected` one always), at most [`MAX_LANE_EVENTS`], in at most
/// [`LANE_ROWS`] rows.
pub fn lane(
    mentions: impl IntoIterator<Item = (u32, EventKey)>,
    histogram: &Histogram,
    selected: Option<EventKey>,
) -> Lane {
    let Some((lo, hi)) = histogram.span() else {
        return Lane::default();
    };
    let (lo, hi) = (lo.day_number(), hi.day_number());
    // At least one bar's share of the axis: a bar keeps its 24 px touch
    // target on any screen (the plot scrolls rather than shrink it), so a
    // lane bar this wide keeps its own without covering its neighbour.
    let min_width = MIN_WIDTH.max(100.0 / histogram.buckets.len().max(1) as f64);
    // Days covered, clipped to the view; an open period runs to its end.
    let days = |k: EventKey| {
        let a = k.start.first_day().day_number();
        let b = k.end.map_or(hi, |e| e.last_day().day_number());
        (a.max(lo), b.min(hi))
    };
    // Each distinct event in view, with its releases. A short list searched
    // in place rather than sorted or hashed: this runs in the browser, where
    // every sort or map type is its own copy of code (kilobytes of wasm).
    let mut seen: Vec<Seen> = Vec::new();
    for (doc, key) in mentions.into_iter().take(MAX_MENTIONS) {
        if let Some(s) = seen.iter_mut().find(|s| s.key == key) {
            if s.last != doc {
                s.releases += 1;
                s.last = doc;
            }
        } else if seen.len() < MAX_DISTINCT || Some(key) == selected {
            let (a, b) = days(key);
            if a <= b {
                let (releases, last) = (1, doc);
                seen.push(Seen {
                    key,
                    a,
                    b,
                    releases,
                    last,
                });
            }
        }
    }
    let in_view = seen.len();
    // Rank: the selected one, then the most mentioned, the longer, the earlier.
    let rank = |s: &Seen| {
        (
            Some(s.key) == selected,
            s.releases,
            s.b - s.a,
            std::cmp::Reverse(s.key),
        )
    };

    // Taken in rank order, each placed in the first row where it overlaps no
    // bar; kept in time order (inserted in place: at most 12 bars).
    let x = |day: i32| axis_x(histogram, day);
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut items: Vec<LaneItem> = Vec::new();
    for _ in 0..MAX_LANE_EVENTS {
        let best = (0..seen.len()).reduce(|i, j| {
            if rank(&seen[j]) > rank(&seen[i]) {
                j
            } else {
                i
            }
        });
        let Some(best) = best else { break };
        let Seen {
            key,
            a,
            b,
            releases,
            ..
        } = seen.swap_remove(best);
        let (l, r) = (x(a), x(b + 1));
        let width = within(r - l, min_width, 100.0);
        let left = within(l, 0.0, 100.0 - width);
        let free = |row: &Vec<(f64, f64)>| {
            row.iter()
                .all(|&(l2, r2)| left + width + GAP <= l2 || r2 + GAP <= left)
        };
        let row = match rows.iter().position(free) {
            Some(row) => row,
            None if rows.len() < usize::from(LANE_ROWS) => {
                rows.push(Vec::new());
                rows.len() - 1
            }
            None => continue,
        };
        rows[row].push((left, left + width));
        let hundredths = |p: f64| (p * 100.0).round() as u16;
        let s = if releases == 1 { "" } else { "s" };
        let at = items.partition_point(|it| it.key < key);
        items.insert(
            at,
            LaneItem {
                key,
                releases,
                row: row as u8,
                left: hundredths(left),
                width: hundredths(width),
                name: format!("{}: {releases} release{s}", key.label()),
                selected: Some(key) == selected,
            },
        );
    }
    Lane {
        left_out: in_view - items.len(),
        rows: rows.len() as u8,
        items,
    }
}

/// `x` kept between `lo` and `hi` (`lo` <= `hi`). Not `f64::clamp`: its
/// assertion formats floats with `Debug`, kilobytes of wasm for a check that
/// cannot fail here.
#[allow(clippy::manual_clamp)]
fn within(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

/// Where a day falls on the histogram's axis, in percent: bars are equally
/// wide whatever their length (a February as wide as a March), so a day is
/// placed within its bar, as the tick labels are.
fn axis_x(h: &Histogram, day: i32) -> f64 {
    let n = h.buckets.len();
    if n == 0 {
        return 0.0;
    }
    let first = |i: usize| h.buckets[i].key.first_day().day_number();
    let i = h
        .buckets
        .partition_point(|b| b.key.first_day().day_number() <= day);
    if i == 0 {
        return 0.0;
    }
    let i = i - 1;
    let start = first(i);
    let end = h.buckets[i].end.last_day().day_number() + 1;
    let frac = within((day - start) as f64 / (end - start).max(1) as f64, 0.0, 1.0);
    (i as f64 + frac) * 100.0 / n as f64
}

/// The documents, among `docs` (doc id and the events it mentions), that
/// mention `key`, in doc order: what an `event=` filter narrows to.
pub fn docs_mentioning(
    key: EventKey,
    docs: impl IntoIterator<Item = (u32, Vec<Event>)>,
) -> Vec<u32> {
    let mut out: Vec<u32> = docs
        .into_iter()
        .filter(|(_, events)| events.iter().any(|e| key.matches(e)))
        .map(|(d, _)| d)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::histogram_between;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn key(s: &str) -> EventKey {
        EventKey::parse(s).unwrap()
    }

    fn axis(from: &str, to: &str) -> Histogram {
        histogram_between(std::iter::empty(), Some(d(from)), Some(d(to)))
    }

    #[test]
    fn keys_round_trip_through_the_url() {
        for s in [
            "2019-04-17",
            "2018/2022",
            "2015/..",
            "2019-01-29/2019-01-31",
        ] {
            assert_eq!(key(s).to_param(), s);
        }
        assert_eq!(key("2019").end, Some(d("2019")));
        assert_eq!(key("2019/2019").to_param(), "2019");
        for bad in [
            "",
            "2022/2018",
            "2019-13",
            "x/2019",
            "2019/",
            "/..",
            &"9".repeat(10_000),
        ] {
            assert_eq!(EventKey::parse(bad), None, "{bad}");
        }
        assert_eq!(key("2018/2022").label(), "2018 – 2022");
        assert_eq!(key("2015/..").label(), "since 2015");
    }

    #[test]
    fn bars_sit_on_the_histogram_scale() {
        // Years 2010–2019: ten bars; 2018–2022 starts at 80% and is clipped at the end.
        let h = axis("2010", "2019");
        let l = lane([(0, key("2018/2022")), (1, key("2012"))], &h, None);
        assert_eq!(l.items.len(), 2);
        let (a, b) = (&l.items[0], &l.items[1]);
        assert_eq!(a.key, key("2012"));
        assert_eq!((a.left, a.width), (2000, 1000), "{a:?}");
        assert_eq!((b.left, b.width), (8000, 2000), "{b:?}");
        assert_eq!((a.row, b.row), (0, 0));
        assert_eq!(b.name, "2018 – 2022: 1 release");
        // Months of 2019: mid-February is in the middle of the second bar.
        let h = axis("2019", "2019");
        let l = lane([(0, key("2019-02-15"))], &h, None);
        let x = l.items[0].left;
        assert!(x > 10000 / 12 && x < 20000 / 12, "{x}");
        assert_eq!(l.items[0].width, 833, "a day is drawn one bar wide");
        // Thirty years: a day is drawn at the minimum width; on a long axis
        // (each bar a small share), one bar wide, so that its 24 px touch
        // target never covers a neighbour when the plot scrolls.
        let l = lane([(0, key("2019-02-15"))], &axis("1990", "2019"), None);
        assert_eq!(l.items[0].width, 333);
        let l = lane([(0, key("2005-02-15"))], &axis("2000", "2009"), None);
        assert_eq!(l.items[0].width, 1000);
    }

    #[test]
    fn events_out_of_view_are_left_out_and_open_periods_run_on() {
        let h = axis("2010", "2019");
        let l = lane(
            [(0, key("2060")), (0, key("1990")), (1, key("2015/.."))],
            &h,
            None,
        );
        assert_eq!(l.items.len(), 1);
        assert_eq!(l.left_out, 0, "out of view is not left out");
        assert_eq!(l.items[0].left + l.items[0].width, 10000);
    }

    #[test]
    fn counts_releases_once_and_ranks_the_most_mentioned() {
        let h = axis("2000", "2019");
        let mut m: Vec<(u32, EventKey)> =
            vec![(0, key("2019")), (0, key("2019")), (1, key("2019"))];
        // Twenty single years mentioned once each, overlapping nothing else.
        m.extend((2000..2019).map(|y| (9, key(&y.to_string()))));
        let l = lane(m, &h, None);
        assert!(l.items.len() <= MAX_LANE_EVENTS);
        assert_eq!(l.left_out, 20 - l.items.len());
        let top = l.items.iter().find(|i| i.key == key("2019")).expect("kept");
        assert_eq!(top.releases, 2);
        // In time order.
        assert!(l.items.windows(2).all(|w| w[0].key < w[1].key));
    }

    #[test]
    fn overlaps_stack_in_rows_and_the_rest_is_left_out() {
        let h = axis("2010", "2019");
        let m = (0..6).map(|i| (i, key(&format!("201{i}/2019"))));
        let l = lane(m, &h, None);
        assert_eq!(l.rows, LANE_ROWS);
        assert_eq!(l.items.len(), usize::from(LANE_ROWS));
        assert_eq!(l.left_out, 3);
        let rows: Vec<u8> = l.items.iter().map(|i| i.row).collect();
        assert_eq!(rows, [0, 1, 2]);
        // The selected event always has a bar.
        let l = lane(
            (0..6).map(|i| (i, key(&format!("201{i}/2019")))),
            &h,
            Some(key("2015/2019")),
        );
        assert!(l
            .items
            .iter()
            .any(|i| i.selected && i.key == key("2015/2019")));
    }

    #[test]
    fn bounded_for_any_input() {
        let h = axis("0000", "9999");
        let m = (0..1_000_000u32).map(|i| (i, key(&format!("{:04}", i % 10_000))));
        let l = lane(m, &h, None);
        assert!(l.items.len() <= MAX_LANE_EVENTS);
        assert!(l.items.iter().all(|i| i.left + i.width <= 10000));
        // The selected event has its bar, however late it is met.
        let m = (0..1_000_000u32).map(|i| (i, key(&format!("{:04}", i % 10_000))));
        let l = lane(m, &h, Some(key("3999")));
        assert!(l.items.iter().any(|i| i.selected && i.key == key("3999")));
        assert_eq!(
            lane([(0, key("2019"))], &Histogram::default(), None),
            Lane::default()
        );
    }

    #[test]
    fn filters_to_the_releases_that_mention_it() {
        let e = |s: &str, text: &str| {
            let k = key(s);
            Event {
                start: k.start,
                end: k.end,
                text: text.into(),
            }
        };
        let docs = vec![
            (3, vec![e("2018/2022", "2018-2022")]),
            (1, vec![e("2019", "2019"), e("2018/2022", "2018 to 2022")]),
            (2, vec![e("2018/2021", "2018-2021")]),
        ];
        assert_eq!(docs_mentioning(key("2018/2022"), docs), [1, 3]);
    }
}
