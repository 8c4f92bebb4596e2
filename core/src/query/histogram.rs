//! Releases per year, month or day over the matching set, for the timeline.
//! Dates travel as `yyyymmdd` numbers ([`PartialDate::key`]: `20190417`;
//! `20190400` for a month only; 0 for no date): one u32 per release, cheap to
//! compare and bucket.

use crate::date::{days_in_month, PartialDate};

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// `2019`, `2019-04` or `2019-04-17`.
    pub key: PartialDate,
    pub count: u32,
}

/// Contiguous buckets, empty ones included: for `Years` from the first to the
/// last year with a match; for `Months` and `Days` the whole year or month.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Histogram {
    /// The zoom used (`Auto` resolved).
    pub zoom: Zoom,
    pub buckets: Vec<Bucket>,
}

/// Inclusive `yyyymmdd` bounds of a filter's `from`/`to` at their precision
/// (`to=2019-06` runs to the last day of June); a missing bound is open.
pub fn date_bounds(from: Option<PartialDate>, to: Option<PartialDate>) -> (u32, u32) {
    let low = from.map_or(0, PartialDate::key);
    let high = to.map_or(u32::MAX, |d| d.last_day().key());
    (low, high)
}

/// Buckets the given date keys (0 = undated, skipped).
pub fn histogram(keys: impl Iterator<Item = u32> + Clone, zoom: Zoom) -> Histogram {
    let dated = keys.filter_map(PartialDate::from_key);
    let zoom = match zoom {
        Zoom::Auto => auto_zoom(dated.clone()),
        z => z,
    };
    let buckets = match zoom {
        Zoom::Auto | Zoom::Years => year_buckets(dated),
        Zoom::Months(y) => {
            let labels = (1..=12).filter_map(|m| PartialDate::of_month(y, m));
            let months = dated
                .filter(|d| d.year() == y)
                .filter_map(PartialDate::month);
            fill(labels, months, 1)
        }
        Zoom::Days(y, m) => {
            let month = u8::try_from(m).unwrap_or(0);
            let labels =
                (1..=days_in_month(y, month)).filter_map(|d| PartialDate::of_day(y, month, d));
            let in_month = dated.filter(|d| d.year() == y && d.month() == Some(month));
            fill(labels, in_month.filter_map(PartialDate::day), 1)
        }
    };
    Histogram { zoom, buckets }
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

fn year_buckets(dates: impl Iterator<Item = PartialDate> + Clone) -> Vec<Bucket> {
    let years = dates.map(PartialDate::year);
    let (Some(first), Some(last)) = (years.clone().min(), years.clone().max()) else {
        return Vec::new();
    };
    let labels = (first..=last).filter_map(PartialDate::of_year);
    fill(labels, years, first)
}

/// Counts `values` into the buckets named by `labels`, bucket `i` holding value `first + i`.
fn fill<T>(
    labels: impl Iterator<Item = PartialDate>,
    values: impl Iterator<Item = T>,
    first: T,
) -> Vec<Bucket>
where
    T: Copy + TryInto<usize> + std::ops::Sub<Output = T> + PartialOrd,
{
    let mut buckets: Vec<Bucket> = labels.map(|key| Bucket { key, count: 0 }).collect();
    for v in values.filter(|&v| v >= first) {
        if let Some(b) = (v - first).try_into().ok().and_then(|i| buckets.get_mut(i)) {
            b.count += 1;
        }
    }
    buckets
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
        assert_eq!(h.zoom, Zoom::Years);
        assert_eq!(
            counts(&h),
            [("2016", 1), ("2017", 0), ("2018", 0), ("2019", 2)].map(|(k, n)| (k.to_string(), n))
        );
    }

    #[test]
    fn auto_zooms_in_to_months_and_days() {
        let months = histogram(keys(&["2019-04-17", "2019-06-02"]).into_iter(), Zoom::Auto);
        assert_eq!(months.zoom, Zoom::Months(2019));
        assert_eq!(months.buckets.len(), 12);
        assert_eq!(
            months.buckets[3],
            Bucket {
                key: PartialDate::of_month(2019, 4).unwrap(),
                count: 1
            }
        );
        assert_eq!(months.buckets[4].count, 0);
        let days = histogram(
            keys(&["2020-02-03", "2020-02-29", "2020-02-29"]).into_iter(),
            Zoom::Auto,
        );
        assert_eq!(days.zoom, Zoom::Days(2020, 2));
        assert_eq!(days.buckets.len(), 29);
        assert_eq!(
            days.buckets[28],
            Bucket {
                key: PartialDate::of_day(2020, 2, 29).unwrap(),
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
}
