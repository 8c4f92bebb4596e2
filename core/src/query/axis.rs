//! The timeline's axes and moves: tick labels that suit the bars shown
//! (decades, years, quarters, months, days), a y scale, the bars' names, and
//! the date range a zoom or a pan leads to. The app only draws them.

use super::histogram::{unit_for, Bucket, Histogram, Unit};
use crate::date::PartialDate;

/// At most this many tick labels: the finest round spacing that keeps below it.
pub const MAX_TICKS: usize = 8;

/// A label under the bar `at` (its left edge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub at: usize,
    pub label: String,
}

/// Tick labels for the histogram's bars, 8 at most, at round periods: years
/// ending in 0 (or 5, 2…) for long spans, every year, every quarter or month,
/// a few days of each month. The first label and each new year's carry the year.
pub fn ticks(h: &Histogram) -> Vec<Tick> {
    let Some(first) = h.buckets.first() else {
        return Vec::new();
    };
    let year_step = match h.unit {
        Unit::YearGroups(s) => s as i32,
        _ => 1,
    };
    // Each candidate says which bar starts at a tick; the first that gives few enough wins.
    let at = |b: &Bucket, every: i32| -> bool {
        match h.unit {
            Unit::Years | Unit::YearGroups(_) => b.key.year() % every == 0,
            Unit::Months => (i32::from(b.key.month().unwrap_or(1)) - 1) % every == 0,
            Unit::Days => match every {
                1 => true,
                2 => b.key.day().is_some_and(|d| d % 2 == 1 && d < 31),
                5 => b
                    .key
                    .day()
                    .is_some_and(|d| d == 1 || (d % 5 == 0 && d < 30)),
                7 => matches!(b.key.day(), Some(1 | 8 | 15 | 22)),
                14 => matches!(b.key.day(), Some(1 | 15)),
                _ => b.key.day() == Some(1),
            },
        }
    };
    let candidates: &[i32] = match h.unit {
        Unit::Days => &[1, 2, 5, 7, 14, 31],
        Unit::Months => &[1, 3, 6, 12],
        _ => &[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
    };
    let count = |every: i32| h.buckets.iter().filter(|b| at(b, every)).count();
    let every = candidates
        .iter()
        .copied()
        .filter(|e| e % year_step == 0 || h.unit == Unit::Days || h.unit == Unit::Months)
        .find(|&e| count(e) <= MAX_TICKS)
        .unwrap_or(candidates[candidates.len() - 1]);
    let mut ticks: Vec<Tick> = Vec::new();
    for (i, b) in h.buckets.iter().enumerate().filter(|(_, b)| at(b, every)) {
        let first = ticks.is_empty();
        ticks.push(Tick {
            at: i,
            label: tick_label(b.key, h.unit, every, first),
        });
    }
    if ticks.is_empty() {
        // Too short a span for a round period: name the first bar.
        ticks.push(Tick {
            at: 0,
            label: tick_label(first.key, h.unit, 1, true),
        });
    }
    ticks
}

fn tick_label(d: PartialDate, unit: Unit, every: i32, first: bool) -> String {
    let short = |d: PartialDate| d.month_name().map_or("", |m| &m[..3]);
    let new_year = d.month() == Some(1) && d.day().is_none_or(|day| day == 1);
    let year = if first || new_year {
        format!(" {}", d.year())
    } else {
        String::new()
    };
    match unit {
        Unit::Years | Unit::YearGroups(_) => d.year().to_string(),
        Unit::Months if every == 12 => d.year().to_string(),
        Unit::Months => format!("{}{year}", short(d)),
        Unit::Days if first || d.day() == Some(1) => {
            format!("{} {}{year}", d.day().unwrap_or(1), short(d))
        }
        Unit::Days => d.day().unwrap_or(1).to_string(),
    }
}

/// The y axis: its top value (at least the highest bar) and, above 1, a
/// gridline at half of it: `14` and `7` for a highest bar of 13 or 14.
pub fn y_scale(max: u32) -> (u32, Option<u32>) {
    match max {
        0 | 1 => (1, None),
        n => {
            let half = n.div_ceil(2);
            (2 * half, Some(half))
        }
    }
}

/// A bar's name: `March 2019: 14 releases`.
pub fn bar_label(b: &Bucket) -> String {
    let s = if b.count == 1 { "" } else { "s" };
    format!("{}: {} release{s}", b.period(), b.count)
}

/// A move of the timeline's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Half the span, about its middle.
    In,
    /// Twice the span; the whole archive once it covers it.
    Out,
    /// A quarter of the span earlier.
    Earlier,
    Later,
}

/// The `from`/`to` a move leads to from the view `(first day, last day)`,
/// at the precision of the bars it will show; None when it cannot move (a
/// single day zooms in no further, a view at the archive's end pans no
/// further that way). `extent` is the first and last day of the archive:
/// zooming out to cover it clears the range (`Some((None, None))`), and
/// zooming out or panning stays inside it.
pub fn move_view(
    view: (PartialDate, PartialDate),
    extent: Option<(PartialDate, PartialDate)>,
    step: Move,
) -> Option<(Option<PartialDate>, Option<PartialDate>)> {
    let (lo, hi) = (view.0.day_number(), view.1.day_number());
    let span = hi - lo + 1;
    let (x, y) = extent.map_or((i32::MIN / 4, i32::MAX / 4), |(a, b)| {
        (a.day_number(), b.day_number())
    });
    let (lo2, hi2) = match step {
        Move::In if span <= 1 => return None,
        Move::In => {
            let start = lo + (span - span / 2) / 2;
            (start, start + span / 2 - 1)
        }
        Move::Out => {
            let (a, b) = (lo - span / 2 - 1, hi + span / 2 + 1);
            match () {
                _ if extent.is_some() && a <= x && b >= y => return Some((None, None)),
                // Kept inside the archive where it fits.
                _ if a < x => (x, (x + b - a).min(y)),
                _ if b > y => ((y - (b - a)).max(x), y),
                _ => (a, b),
            }
        }
        Move::Earlier => {
            let shift = (span / 4).max(1).min(lo - x);
            (shift > 0).then_some((lo - shift, hi - shift))?
        }
        Move::Later => {
            let shift = (span / 4).max(1).min(y - hi);
            (shift > 0).then_some((lo + shift, hi + shift))?
        }
    };
    if step == Move::Out && extent.is_some() && lo2 <= x && hi2 >= y {
        return Some((None, None));
    }
    let first = PartialDate::of_day(0, 1, 1)?.day_number();
    let last = PartialDate::of_day(9999, 12, 31)?.day_number();
    let day = |n: i32| PartialDate::from_day_number(n.clamp(first, last));
    let moved = snap(day(lo2)?, day(hi2)?);
    (moved != snap(view.0, view.1)).then_some(moved)
}

/// The range from the day `a` to the day `b` at the precision of the bars
/// that would show it (whole years, months or days).
fn snap(a: PartialDate, b: PartialDate) -> (Option<PartialDate>, Option<PartialDate>) {
    match unit_for(a, b) {
        Unit::Days => (Some(a), Some(b)),
        Unit::Months => (Some(a.whole_month()), Some(b.whole_month())),
        _ => (Some(a.whole_year()), Some(b.whole_year())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{histogram_between, Zoom};

    fn d(s: &str) -> Option<PartialDate> {
        PartialDate::parse(s)
    }

    fn labels(from: &str, to: &str) -> Vec<String> {
        let key = d(from).map(PartialDate::key);
        let h = histogram_between(key.into_iter(), d(from), d(to));
        let t = ticks(&h);
        assert!(t.len() <= MAX_TICKS, "{from}..{to}: {t:?}");
        assert!(t.windows(2).all(|w| w[0].at < w[1].at));
        t.into_iter().map(|t| t.label).collect()
    }

    #[test]
    fn decades_for_long_spans() {
        assert_eq!(
            labels("1995", "2026"),
            ["1995", "2000", "2005", "2010", "2015", "2020", "2025"]
        );
        assert_eq!(
            labels("1960", "2026"),
            ["1960", "1970", "1980", "1990", "2000", "2010", "2020"]
        );
        assert_eq!(labels("1900", "2150")[..3], ["1900", "1950", "2000"]);
        let all = labels("0000", "9999");
        assert_eq!(all, ["0", "2000", "4000", "6000", "8000"]);
    }

    #[test]
    fn years_for_a_few() {
        assert_eq!(
            labels("2015", "2022"),
            (2015..=2022).map(|y| y.to_string()).collect::<Vec<_>>()
        );
        assert_eq!(
            labels("2003", "2018"),
            ["2004", "2006", "2008", "2010", "2012", "2014", "2016", "2018"]
        );
    }

    #[test]
    fn quarters_and_months() {
        assert_eq!(labels("2019", "2019"), ["Jan 2019", "Apr", "Jul", "Oct"]);
        assert_eq!(
            labels("2018-11", "2019-04"),
            ["Nov 2018", "Dec", "Jan 2019", "Feb", "Mar", "Apr"]
        );
        assert_eq!(
            labels("2016", "2019"),
            ["Jan 2016", "Jul", "Jan 2017", "Jul", "Jan 2018", "Jul", "Jan 2019", "Jul"]
        );
    }

    #[test]
    fn days_crossing_a_year() {
        assert_eq!(
            labels("2019-04", "2019-04"),
            ["1 Apr 2019", "5", "10", "15", "20", "25"]
        );
        assert_eq!(
            labels("2018-12-20", "2019-01-10"),
            ["20 Dec 2018", "25", "1 Jan 2019", "5", "10"]
        );
        assert_eq!(
            labels("2019-04-17", "2019-04-19"),
            ["17 Apr 2019", "18", "19"]
        );
        assert_eq!(
            labels("2019-01", "2019-03"),
            ["1 Jan 2019", "15", "1 Feb", "15", "1 Mar", "15"]
        );
    }

    #[test]
    fn one_bar_and_none() {
        assert_eq!(labels("2019-04-17", "2019-04-17"), ["17 Apr 2019"]);
        assert!(ticks(&Histogram::default()).is_empty());
        let one = crate::query::histogram::histogram([20190000].into_iter(), Zoom::Years);
        assert_eq!(
            ticks(&one),
            [Tick {
                at: 0,
                label: "2019".into()
            }]
        );
    }

    #[test]
    fn y_scale_halves() {
        assert_eq!(y_scale(14), (14, Some(7)));
        assert_eq!(y_scale(13), (14, Some(7)));
        assert_eq!(y_scale(1), (1, None));
        assert_eq!(y_scale(0), (1, None));
        assert_eq!(y_scale(2), (2, Some(1)));
    }

    #[test]
    fn bars_are_named() {
        let b = Bucket {
            key: d("2019-03").unwrap(),
            end: d("2019-03").unwrap(),
            count: 14,
        };
        assert_eq!(bar_label(&b), "March 2019: 14 releases");
        let b = Bucket {
            key: d("1990").unwrap(),
            end: d("1999").unwrap(),
            count: 1,
        };
        assert_eq!(bar_label(&b), "1990–1999: 1 release");
    }

    fn mv(from: &str, to: &str, step: Move) -> (String, String) {
        let ext = Some((d("1995-01-01").unwrap(), d("2026-06-30").unwrap()));
        let (a, b) = (d(from).unwrap().first_day(), d(to).unwrap().last_day());
        let Some((x, y)) = move_view((a, b), ext, step) else {
            return pair(from, to);
        };
        let s = |p: Option<PartialDate>| p.map_or(String::new(), |p| p.to_string());
        (s(x), s(y))
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn zoom_in_halves_down_to_a_day() {
        assert_eq!(mv("1995", "2026", Move::In), pair("2003", "2018"));
        assert_eq!(mv("2019", "2019", Move::In), pair("2019-04", "2019-09"));
        assert_eq!(
            mv("2019-04", "2019-04", Move::In),
            pair("2019-04-08", "2019-04-22")
        );
        let (mut a, mut b) = pair("1995", "2026");
        for _ in 0..30 {
            (a, b) = mv(&a, &b, Move::In);
        }
        assert_eq!(a, b, "a day at most");
        assert_eq!(a.len(), 10);
        assert_eq!(mv(&a, &b, Move::In), (a.clone(), b.clone()), "no further");
    }

    #[test]
    fn zoom_out_doubles_up_to_the_whole_archive() {
        assert_eq!(
            mv("2019-04", "2019-04", Move::Out),
            pair("2019-03-16", "2019-05-16")
        );
        assert_eq!(mv("2003", "2018", Move::Out), pair("", ""));
        assert_eq!(
            mv("1996", "2011", Move::Out),
            pair("", ""),
            "clamped onto the whole archive"
        );
        // At the archive's start, the wider view stays inside it.
        assert_eq!(mv("1995", "1996", Move::Out), pair("1995", "1999"));
        let (mut a, mut b) = pair("2019-04-17", "2019-04-17");
        for _ in 0..20 {
            if a.is_empty() {
                break;
            }
            (a, b) = mv(&a, &b, Move::Out);
        }
        assert_eq!((a, b), pair("", ""));
    }

    #[test]
    fn pans_by_a_quarter_and_stop_at_the_ends() {
        assert_eq!(mv("2003", "2018", Move::Earlier), pair("1999", "2014"));
        assert_eq!(mv("2003", "2018", Move::Later), pair("2007", "2022"));
        assert_eq!(mv("1996", "2003", Move::Earlier), pair("1995", "2002"));
        assert_eq!(
            mv("2019-04", "2019-04", Move::Later),
            pair("2019-04-08", "2019-05-07")
        );
        assert_eq!(mv("2024", "2026", Move::Later), pair("2024", "2026"));
        assert_eq!(mv("1995", "2002", Move::Earlier), pair("1995", "2002"));
        assert_eq!(mv("1990", "2030", Move::Later), pair("1990", "2030"));
        // A year-long view moves by whole months.
        assert_eq!(mv("2019", "2019", Move::Later), pair("2019-04", "2020-03"));
    }
}
