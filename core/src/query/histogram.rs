//! Releases per year, month or day over the matching set, for the timeline.
//! Dates travel as `yyyymmdd` numbers ([`PartialDate::key`]: `20190417`;
//! `20190400` for a month only; 0 for no date): one u32 per release, cheap to
//! compare and bucket.
//!
//! Without a date range the buckets cover the matches ([`Zoom::Auto`]); with
//! one ([`histogram_between`]) they cover the range, at a unit chosen from its
//! length, so the bar count stays below [`MAX_BARS`] whatever the range.

use crate::date::PartialDate;

/// The most bars a histogram has (years are grouped beyond it).
pub const MAX_BARS: usize = 120;
/// A range of more months than this is shown in years.
const MAX_MONTHS: i32 = 48;
/// A range of more days than this is shown in months.
const MAX_DAYS: i32 = 92;

/// How fine the timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    /// Years when the matches span several years, else months, else days.
    #[default]
    Auto,
    Years,
    /// The twelve months of one year.
    Months(i32),
    /// The days of one month (year, month 1–12).
    Days(i32, u32),
}

/// What one bar counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    Days,
    Months,
    /// Years, this many per bar (1, 2, 5, 10, 20, 50…).
    #[default]
    Years,
    YearGroups(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// `2019`, `2019-04` or `2019-04-17`: the bar's first period.
    pub key: PartialDate,
    /// The bar's last period: `key` itself unless years are grouped
    /// (`1990` to `1999`).
    pub end: PartialDate,
    pub count: u32,
}

impl Bucket {
    /// The period as a reader names it: `March 2019`, `17 April 2019`, `1990–1999`.
    pub fn period(&self) -> String {
        match self.key == self.end {
            true => self.key.long(),
            false => format!("{}–{}", self.key.long(), self.end.long()),
        }
    }
}

/// Contiguous buckets, empty ones included: for `Years` from the first to the
/// last year with a match; for `Months` and `Days` the whole year or month;
/// for a range, the whole range.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Histogram {
    pub unit: Unit,
    pub buckets: Vec<Bucket>,
}

impl Histogram {
    /// The first and last day shown; None when there is no bar.
    pub fn span(&self) -> Option<(PartialDate, PartialDate)> {
        let first = self.buckets.first()?.key.first_day();
        Some((first, self.buckets.last()?.end.last_day()))
    }
}

/// Inclusive `yyyymmdd` bounds of a filter's `from`/`to` at their precision
/// (`to=2019-06` runs to the last day of June); a missing bound is open.
pub fn date_bounds(from: Option<PartialDate>, to: Option<PartialDate>) -> (u32, u32) {
    let low = from.map_or(0, PartialDate::key);
    let high = to.map_or(u32::MAX, |d| d.last_day().key());
    (low, high)
}

/// Buckets the given date keys (0 = undated, skipped).
pub fn histogram(keys: impl Iterator<Item = u32>, zoom: Zoom) -> Histogram {
    let runs = runs(keys);
    let dated = runs.iter().map(|&(d, _)| d);
    let zoom = match zoom {
        Zoom::Auto => auto_zoom(dated.clone()),
        z => z,
    };
    let span = match zoom {
        Zoom::Auto | Zoom::Years => {
            let years = dated.clone().map(PartialDate::year);
            years
                .clone()
                .min()
                .zip(years.max())
                .and_then(|(a, b)| Some((PartialDate::of_year(a)?, PartialDate::of_year(b)?)))
        }
        Zoom::Months(y) => PartialDate::of_year(y).map(|y| (y, y)),
        Zoom::Days(y, m) => u8::try_from(m)
            .ok()
            .and_then(|m| PartialDate::of_month(y, m))
            .map(|m| (m, m)),
    };
    let Some((lo, hi)) = span else {
        return Histogram::default();
    };
    let unit = match zoom {
        Zoom::Months(_) => Unit::Months,
        Zoom::Days(..) => Unit::Days,
        _ => years_unit(lo.year(), hi.year()),
    };
    buckets(&runs, unit, lo.first_day(), hi.last_day())
}

/// The dated keys as runs of one date and how many times it comes in a row:
/// matches in date order (the usual case) collapse to a run per day, so the
/// passes that follow read thousands of runs rather than a million keys.
fn runs(keys: impl Iterator<Item = u32>) -> Vec<(PartialDate, u32)> {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for key in keys.filter(|&k| k != 0) {
        match runs.last_mut() {
            Some((last, n)) if *last == key => *n += 1,
            _ => runs.push((key, 1)),
        }
    }
    runs.into_iter()
        .filter_map(|(key, n)| Some((PartialDate::from_key(key)?, n)))
        .collect()
}

/// Buckets the dates over a date range; a missing bound is the first or
/// last date given, and no dated key gives no bars. The unit follows the range's length: days up to about
/// three months, months up to four years, years (grouped past
/// [`MAX_BARS`]) beyond.
pub fn histogram_between(
    keys: impl Iterator<Item = u32>,
    from: Option<PartialDate>,
    to: Option<PartialDate>,
) -> Histogram {
    let runs = runs(keys);
    let dated = runs.iter().map(|&(d, _)| d);
    // No dated match: no bars (as without a range).
    let (min, max) = (dated.clone().min(), dated.clone().max());
    let (lo, hi) = (from.or(min), to.or(max));
    let Some((lo, hi)) = lo
        .zip(hi)
        .filter(|(lo, hi)| lo.first_day() <= hi.last_day())
    else {
        return Histogram::default();
    };
    let (lo, hi) = (lo.first_day(), hi.last_day());
    buckets(&runs, unit_for(lo, hi), lo, hi)
}

/// The unit that shows the days `lo` to `hi` in a readable number of bars.
pub fn unit_for(lo: PartialDate, hi: PartialDate) -> Unit {
    if month_number(hi) - month_number(lo) + 1 > MAX_MONTHS {
        years_unit(lo.year(), hi.year())
    } else if hi.day_number() - lo.day_number() + 1 > MAX_DAYS {
        Unit::Months
    } else {
        Unit::Days
    }
}

/// Years, grouped by 2, 5, 10, 20, 50… when there are more than [`MAX_BARS`].
fn years_unit(first: i32, last: i32) -> Unit {
    let years = (last - first + 1).max(1) as u32;
    let mut step = 1;
    for s in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] {
        step = s;
        // Aligned to the step, the range may start and end in partial groups.
        if (years + 2 * s - 2) / s <= MAX_BARS as u32 {
            break;
        }
    }
    match step {
        1 => Unit::Years,
        s => Unit::YearGroups(s),
    }
}

/// Consecutive numbers for consecutive months.
pub(crate) fn month_number(d: PartialDate) -> i32 {
    d.year() * 12 + i32::from(d.month().unwrap_or(1)) - 1
}

/// The bucket a date falls in, counted from the bucket holding `lo`; None
/// for a date coarser than the unit (a year-only date among months).
fn slot(d: PartialDate, unit: Unit, lo: PartialDate) -> Option<i32> {
    match unit {
        Unit::Days => d.is_day().then(|| d.day_number() - lo.day_number()),
        Unit::Months => d.month().map(|_| month_number(d) - month_number(lo)),
        Unit::Years => Some(d.year() - lo.year()),
        Unit::YearGroups(s) => {
            let s = s as i32;
            Some(d.year().div_euclid(s) - lo.year().div_euclid(s))
        }
    }
}

/// The period starting bucket `i` from `lo`'s, and its last period.
fn period(i: i32, unit: Unit, lo: PartialDate) -> Option<(PartialDate, PartialDate)> {
    let one = |d: Option<PartialDate>| d.map(|d| (d, d));
    match unit {
        Unit::Days => one(PartialDate::from_day_number(lo.day_number() + i)),
        Unit::Months => {
            let n = month_number(lo) + i;
            one(PartialDate::of_month(
                n.div_euclid(12),
                (n.rem_euclid(12) + 1) as u8,
            ))
        }
        Unit::Years => one(PartialDate::of_year(lo.year() + i)),
        Unit::YearGroups(s) => {
            let s = s as i32;
            let first = (lo.year().div_euclid(s) + i) * s;
            let a = PartialDate::of_year(first.max(0))?;
            let b = PartialDate::of_year((first + s - 1).min(9999))?;
            Some((a, b))
        }
    }
}

/// Counts the runs of dates between the days `lo` and `hi` into buckets of `unit`.
fn buckets(runs: &[(PartialDate, u32)], unit: Unit, lo: PartialDate, hi: PartialDate) -> Histogram {
    let n = slot(hi, unit, lo)
        .unwrap_or(0)
        .clamp(0, MAX_BARS as i32 * 2);
    let mut buckets: Vec<Bucket> = (0..=n)
        .filter_map(|i| period(i, unit, lo))
        .map(|(key, end)| Bucket { key, end, count: 0 })
        .collect();
    for &(d, n) in runs
        .iter()
        .filter(|(d, _)| lo <= d.first_day() && d.last_day() <= hi)
    {
        let i = slot(d, unit, lo).and_then(|i| usize::try_from(i).ok());
        if let Some(b) = i.and_then(|i| buckets.get_mut(i)) {
            b.count += n;
        }
    }
    Histogram { unit, buckets }
}

/// Years when the dates span several years, months of the year when they
/// span several months (or lack a month), days of the month otherwise.
fn auto_zoom(dates: impl Iterator<Item = PartialDate> + Clone) -> Zoom {
    let (Some(min), Some(max)) = (dates.clone().min(), dates.max()) else {
        return Zoom::Years;
    };
    match (min.month(), max.month()) {
        _ if min.year() != max.year() => Zoom::Years,
        (Some(m), Some(n)) if m == n => Zoom::Days(min.year(), u32::from(m)),
        _ => Zoom::Months(min.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(dates: &[&str]) -> Vec<u32> {
        dates
            .iter()
            .map(|d| PartialDate::parse(d).map_or(0, PartialDate::key))
            .collect()
    }

    fn counts(h: &Histogram) -> Vec<(String, u32)> {
        h.buckets
            .iter()
            .map(|b| (b.key.to_string(), b.count))
            .collect()
    }

    fn d(s: &str) -> Option<PartialDate> {
        PartialDate::parse(s)
    }

    #[test]
    fn date_bounds_run_to_the_last_day() {
        assert_eq!(
            date_bounds(d("2019-01"), d("2019-06")),
            (20190100, 20190630)
        );
        assert_eq!(date_bounds(d("2019"), d("2019")), (20190000, 20191231));
        assert_eq!(date_bounds(None, d("2019-06-30")), (0, 20190630));
        assert_eq!(date_bounds(None, d("2020-02")), (0, 20200229));
        assert_eq!(date_bounds(None, None), (0, u32::MAX));
    }

    #[test]
    fn year_buckets_are_contiguous() {
        let h = histogram(
            keys(&["2016-05-01", "2019-04-17", "2019-01-02", ""]).into_iter(),
            Zoom::Auto,
        );
        assert_eq!(h.unit, Unit::Years);
        assert_eq!(
            counts(&h),
            [("2016", 1), ("2017", 0), ("2018", 0), ("2019", 2)].map(|(k, n)| (k.to_string(), n))
        );
    }

    #[test]
    fn dates_count_whether_or_not_they_come_in_runs() {
        let k = keys(&[
            "2019-04-17",
            "2019-04-17",
            "",
            "2018",
            "2019-04-17",
            "2018",
            "2018",
        ]);
        let h = histogram(k.iter().copied(), Zoom::Auto);
        assert_eq!(
            counts(&h),
            [("2018", 3), ("2019", 3)].map(|(k, n)| (k.to_string(), n))
        );
        let h = histogram_between(k.iter().copied(), d("2019-04"), d("2019-04"));
        assert_eq!(h.buckets.iter().map(|b| b.count).sum::<u32>(), 3);
    }

    #[test]
    fn auto_zooms_in_to_months_and_days() {
        let months = histogram(keys(&["2019-04-17", "2019-06-02"]).into_iter(), Zoom::Auto);
        assert_eq!(months.unit, Unit::Months);
        assert_eq!(months.buckets.len(), 12);
        assert_eq!(
            months.buckets[3],
            Bucket {
                key: PartialDate::of_month(2019, 4).unwrap(),
                end: PartialDate::of_month(2019, 4).unwrap(),
                count: 1
            }
        );
        assert_eq!(months.buckets[4].count, 0);
        let days = histogram(
            keys(&["2020-02-03", "2020-02-29", "2020-02-29"]).into_iter(),
            Zoom::Auto,
        );
        assert_eq!(days.unit, Unit::Days);
        assert_eq!(days.buckets.len(), 29);
        assert_eq!(
            days.buckets[28],
            Bucket {
                key: PartialDate::of_day(2020, 2, 29).unwrap(),
                end: PartialDate::of_day(2020, 2, 29).unwrap(),
                count: 2
            }
        );
        assert_eq!(days.buckets.iter().map(|b| b.count).sum::<u32>(), 3);
    }

    #[test]
    fn explicit_zoom_ignores_other_periods() {
        let k = keys(&["2019-04-17", "2018-04-01", "2019-04"]);
        let h = histogram(k.iter().copied(), Zoom::Days(2019, 4));
        assert_eq!(h.buckets.len(), 30);
        assert_eq!(h.buckets.iter().map(|b| b.count).sum::<u32>(), 1);
        let m = histogram(k.iter().copied(), Zoom::Months(2019));
        assert_eq!(m.buckets[3].count, 2);
        assert!(histogram(std::iter::empty(), Zoom::Auto).buckets.is_empty());
        assert!(histogram(k.iter().copied(), Zoom::Days(2019, 13))
            .buckets
            .is_empty());
    }

    #[test]
    fn a_range_picks_its_unit() {
        let k = keys(&["2018-12-30", "2019-01-02", "2019-01", "2019", "1990-05-05"]);
        let between = |a: &str, b: &str| histogram_between(k.iter().copied(), d(a), d(b));
        // Crossing a year, in days: 2018-12-20 to 2019-01-10.
        let h = between("2018-12-20", "2019-01-10");
        assert_eq!((h.unit, h.buckets.len()), (Unit::Days, 22));
        assert_eq!(h.buckets.iter().map(|b| b.count).sum::<u32>(), 2);
        assert_eq!(h.buckets[10].key.to_string(), "2018-12-30");
        // Months: a year-only date is too coarse to place, a month-only one counts.
        let h = between("2018-10", "2019-03");
        assert_eq!(h.unit, Unit::Months);
        assert_eq!(counts(&h)[3], ("2019-01".to_string(), 2));
        assert_eq!(h.buckets.len(), 6);
        assert_eq!(between("2016", "2019").unit, Unit::Months);
        assert_eq!(between("2015", "2019").unit, Unit::Years);
        // An open bound is the first or last date.
        let h = histogram_between(k.iter().copied(), d("2018"), None);
        assert_eq!((h.unit, h.buckets.len()), (Unit::Months, 13));
        let h = histogram_between(k.iter().copied(), None, d("2018"));
        assert_eq!((h.unit, h.buckets.len()), (Unit::Years, 29));
        assert_eq!(h.buckets[0].count, 1);
        // One day, a reversed range, nothing at all.
        assert_eq!(between("2019-01-02", "2019-01-02").buckets.len(), 1);
        assert!(between("2019", "2018").buckets.is_empty());
        assert!(histogram_between(std::iter::empty(), None, None)
            .buckets
            .is_empty());
        assert!(histogram_between(std::iter::empty(), d("2019-04"), None)
            .buckets
            .is_empty());
        let one = keys(&["2019-04-17"]);
        let h = histogram_between(one.iter().copied(), d("2019-04"), None);
        assert_eq!((h.unit, h.buckets.len()), (Unit::Days, 17));
    }

    #[test]
    fn bars_stay_few_over_any_range() {
        let k = keys(&["0000-01-01", "9999-12-31", "1995-06-01"]);
        let h = histogram(k.iter().copied(), Zoom::Auto);
        assert!(h.buckets.len() <= MAX_BARS, "{}", h.buckets.len());
        assert_eq!(h.unit, Unit::YearGroups(100));
        assert_eq!(h.buckets.iter().map(|b| b.count).sum::<u32>(), 3);
        assert_eq!(h.buckets[19].period(), "1900–1999");
        let h = histogram_between(k.iter().copied(), d("1900"), d("2150"));
        assert_eq!(h.unit, Unit::YearGroups(5));
        assert!(h.buckets.len() <= MAX_BARS);
        assert_eq!(h.buckets[19].period(), "1995–1999");
        assert_eq!(h.buckets[19].count, 1);
        for (a, b) in [
            ("2019-01-01", "2019-04-02"),
            ("2015-01", "2019-12"),
            ("1000", "1119"),
        ] {
            let h = histogram_between(k.iter().copied(), d(a), d(b));
            assert!(h.buckets.len() <= MAX_BARS, "{a}..{b}");
            assert_eq!(
                h.span(),
                Some((d(a).unwrap().first_day(), d(b).unwrap().last_day()))
            );
        }
    }
}
