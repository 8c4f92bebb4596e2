//! Partial dates: a year (`2019`), a month (`2019-04`) or a day
//! (`2019-04-17`), at the precision a text gives. The one home of calendar
//! arithmetic (month lengths, leap years), of the English month names and of
//! the ISO and long written forms: records, events, programmes, filters, the
//! timeline and the packed files all use [`PartialDate`].
//!
//! Records carry dates as ISO strings: serde reads and writes the ISO form,
//! so the record JSON is the same as when the fields were strings.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize, Serializer};

/// English month names, January first: the only month table.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days in `month` (1–12) of `year` in the Gregorian calendar; 0 for a month
/// that does not exist.
// `#[inline]` here and on `new` and `from_key`: the search decodes every
// hit's date key (the histogram), and the app builds the core at "s", where
// LLVM inlines these only on the hint (Cargo.toml, `[profile.app]`).
#[inline]
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// The years a four-digit ISO year can spell.
const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

/// A calendar year, month or day; always a real one (no 31 April, no
/// 29 February 2019, years 0000–9999).
///
/// Order is chronological by first day, and a coarser date comes before the
/// finer ones it contains: `2019` < `2019-01` < `2019-01-01` < `2019-01-02`
/// < `2019-02`. This is the order of the ISO strings and of [`key`](Self::key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct PartialDate {
    // Field order gives the derived order (None before Some).
    year: i32,
    month: Option<u8>,
    /// Only with a month.
    day: Option<u8>,
}

/// A string that is not a partial date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar day)")]
pub struct DateError(pub String);

impl PartialDate {
    /// A valid date at the precision given (a day needs a month), or None.
    #[inline]
    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
        let valid = YEARS.contains(&year)
            && match (month, day) {
                (None, None) => true,
                (Some(m), None) => (1..=12).contains(&m),
                (Some(m), Some(d)) => d >= 1 && d <= days_in_month(year, m),
                (None, Some(_)) => false,
            };
        valid.then_some(PartialDate { year, month, day })
    }

    /// A whole year.
    pub fn of_year(year: i32) -> Option<PartialDate> {
        PartialDate::new(year, None, None)
    }

    /// A whole month (1–12).
    pub fn of_month(year: i32, month: u8) -> Option<PartialDate> {
        PartialDate::new(year, Some(month), None)
    }

    /// One day.
    pub fn of_day(year: i32, month: u8, day: u8) -> Option<PartialDate> {
        PartialDate::new(year, Some(month), Some(day))
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1–12, where known.
    pub fn month(self) -> Option<u8> {
        self.month
    }

    pub fn day(self) -> Option<u8> {
        self.day
    }

    /// True for a single day (`2019-04-17`), false for a month or a year.
    pub fn is_day(self) -> bool {
        self.day.is_some()
    }

    /// Strict ISO: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, nothing around it.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let b = s.as_bytes();
        let number = |at: usize, len: usize| -> Option<u16> {
            let digits = b.get(at..at + len)?;
            digits
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| digits.iter().fold(0, |n, d| n * 10 + u16::from(d - b'0')))
        };
        let dash = |at: usize| b.get(at) == Some(&b'-');
        let year = i32::from(number(0, 4)?);
        let (month, day) = match b.len() {
            4 => (None, None),
            7 if dash(4) => (Some(number(5, 2)?), None),
            10 if dash(4) && dash(7) => (Some(number(5, 2)?), Some(number(8, 2)?)),
            _ => return None,
        };
        // Two digits: always below 100, so the casts are exact.
        PartialDate::new(year, month.map(|m| m as u8), day.map(|d| d as u8))
    }

    /// `yyyymmdd` as a number, missing parts 0: `20190417`, `20190400`,
    /// `20190000`. Keys order as dates do.
    pub fn key(self) -> u32 {
        // `YEARS` keeps the year non-negative.
        self.year as u32 * 10_000
            + u32::from(self.month.unwrap_or(0)) * 100
            + u32::from(self.day.unwrap_or(0))
    }

    /// The date a [`key`](Self::key) spells; None for 0 (no date) or a key no
    /// date has.
    #[inline]
    pub fn from_key(key: u32) -> Option<PartialDate> {
        if key == 0 {
            return None;
        }
        let year = i32::try_from(key / 10_000).ok()?;
        let (month, day) = ((key / 100 % 100) as u8, (key % 100) as u8);
        match (month, day) {
            (0, 0) => PartialDate::of_year(year),
            (0, _) => None,
            (m, 0) => PartialDate::of_month(year, m),
            (m, d) => PartialDate::of_day(year, m, d),
        }
    }

    /// The year the date falls in (`2019-04-17` → `2019`).
    pub fn whole_year(self) -> PartialDate {
        PartialDate {
            year: self.year,
            month: None,
            day: None,
        }
    }

    /// The month the date falls in (`2019-04-17` → `2019-04`); a month or a
    /// year stays as it is.
    pub fn whole_month(self) -> PartialDate {
        PartialDate { day: None, ..self }
    }

    /// The first day of the period (the day itself for a day).
    pub fn first_day(self) -> PartialDate {
        PartialDate {
            year: self.year,
            month: Some(self.month.unwrap_or(1)),
            day: Some(self.day.unwrap_or(1)),
        }
    }

    /// The last day of the period (`2020-02` → `2020-02-29`).
    pub fn last_day(self) -> PartialDate {
        let month = self.month.unwrap_or(12);
        PartialDate {
            year: self.year,
            month: Some(month),
            day: Some(self.day.unwrap_or_else(|| days_in_month(self.year, month))),
        }
    }

    /// Whether every day of `other` lies in this period (`2019` contains
    /// `2019-04` and `2019-04-17`; a date contains itself).
    pub fn contains(self, other: PartialDate) -> bool {
        self.first_day() <= other.first_day() && other.last_day() <= self.last_day()
    }

    /// As a reader writes it: `17 April 2019`, `April 2019`, `2019`.
    pub fn long(self) -> String {
        let y = self.year;
        match (self.month_name(), self.day) {
            (Some(m), Some(d)) => format!("{d} {m} {y}"),
            (Some(m), None) => format!("{m} {y}"),
            _ => format!("{y:04}"),
        }
    }

    /// Days since 1970-01-01 of the period's first day (negative before):
    /// consecutive days have consecutive numbers.
    pub fn day_number(self) -> i32 {
        // Howard Hinnant's days_from_civil, years counted from March.
        let d = self.first_day();
        let (m, day) = (
            i32::from(d.month.unwrap_or(1)),
            i32::from(d.day.unwrap_or(1)),
        );
        let y = d.year - i32::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    /// The day a [`day_number`](Self::day_number) names; None outside years 0–9999.
    pub fn from_day_number(n: i32) -> Option<PartialDate> {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i32::from(month <= 2);
        PartialDate::of_day(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// The English name of the month, where known.
    pub fn month_name(self) -> Option<&'static str> {
        MONTHS
            .get(usize::from(self.month?).checked_sub(1)?)
            .copied()
    }
}

/// The ISO form: `2019`, `2019-04`, `2019-04-17`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Built on the stack and written once: the JSON export writes every
        // date, and three padded `write!`s cost about 400 instructions. A
        // year or part beyond its usual digits is written as below.
        let short = |part: Option<u8>| part.is_none_or(|p| p < 100);
        if let (Ok(year @ 0..=9999), true, true) =
            (u32::try_from(self.year), short(self.month), short(self.day))
        {
            let mut buf = [b'-'; 10];
            put_digits(&mut buf[..4], year);
            let mut len = 4;
            for part in [self.month, self.day].into_iter().flatten() {
                put_digits(&mut buf[len + 1..len + 3], u32::from(part));
                len += 3;
            }
            return f.write_str(std::str::from_utf8(&buf[..len]).unwrap_or_default());
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// `n`'s lowest decimal digits, one per byte of `to`, zero-padded.
fn put_digits(to: &mut [u8], mut n: u32) {
    for slot in to.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<PartialDate, DateError> {
        PartialDate::parse(s).ok_or_else(|| DateError(s.to_string()))
    }
}

impl TryFrom<String> for PartialDate {
    type Error = DateError;

    fn try_from(s: String) -> Result<PartialDate, DateError> {
        PartialDate::parse(&s).ok_or(DateError(s))
    }
}

impl From<PartialDate> for String {
    fn from(d: PartialDate) -> String {
        d.to_string()
    }
}

/// The ISO string, as the records have always carried it.
impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap_or_else(|| panic!("{s} is a date"))
    }

    #[test]
    fn display_writes_what_padded_writes_write() {
        let padded = |d: PartialDate| {
            let mut s = format!("{:04}", d.year());
            s.extend(d.month().map(|m| format!("-{m:02}")));
            s.extend(d.day().map(|d| format!("-{d:02}")));
            s
        };
        let years = [
            i32::MIN,
            -10_000,
            -1,
            0,
            7,
            99,
            999,
            2019,
            9999,
            10_000,
            i32::MAX,
        ];
        let mut dates = 0;
        for y in years {
            let days = (1..=12).flat_map(|m| (1..=31).map(move |d| (m, d)));
            let all = std::iter::once(PartialDate::of_year(y))
                .chain((1..=12).map(|m| PartialDate::of_month(y, m)))
                .chain(days.map(|(m, d)| PartialDate::of_day(y, m, d)));
            for d in all.flatten() {
                assert_eq!(d.to_string(), padded(d));
                dates += 1;
            }
        }
        assert!(dates > 2000, "{dates}");
    }

    #[test]
    fn parse_accepts_only_strict_iso() {
        for (s, ok) in [
            ("2019", true),
            ("2019-04", true),
            ("2019-04-17", true),
            ("0000", true),
            ("9999-12-31", true),
            ("2020-02-29", true),
            ("2000-02-29", true),
            ("2019-02-29", false),
            ("1900-02-29", false),
            ("2019-04-31", false),
            ("2019-13", false),
            ("2019-00", false),
            ("2019-04-00", false),
            ("2019-04-32", false),
            ("19-04-17", false),
            ("2019-4", false),
            ("2019-4-17", false),
            ("2019-04-7", false),
            ("2019/04/17", false),
            ("2019-04-17T00", false),
            ("2019-04-17-1", false),
            ("2019-04-", false),
            ("2019-", false),
            (" 2019", false),
            ("2019 ", false),
            ("+201", false),
            ("-201", false),
            ("2019--01", false),
            ("19", false),
            ("", false),
            ("２０１９", false),
            ("soon", false),
        ] {
            assert_eq!(PartialDate::parse(s).is_some(), ok, "{s}");
            assert_eq!(s.parse::<PartialDate>().is_ok(), ok, "{s}");
            if ok {
                assert_eq!(d(s).to_string(), s, "round trip of {s}");
            }
        }
    }

    #[test]
    fn constructors_validate() {
        assert!(PartialDate::of_day(2019, 2, 29).is_none());
        assert!(PartialDate::of_day(2020, 2, 29).is_some());
        assert!(PartialDate::of_day(2019, 4, 31).is_none());
        assert!(PartialDate::of_month(2019, 0).is_none());
        assert!(PartialDate::of_month(2019, 13).is_none());
        assert!(PartialDate::of_year(10_000).is_none());
        assert!(PartialDate::of_year(-1).is_none());
        assert!(PartialDate::new(2019, None, Some(1)).is_none());
        assert_eq!(PartialDate::of_day(2019, 4, 17), Some(d("2019-04-17")));
        assert_eq!(
            PartialDate::of_year(7).map(|y| y.to_string()).as_deref(),
            Some("0007")
        );
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2019, 13), 0);
    }

    #[test]
    fn order_is_chronological_coarser_first() {
        let sorted = [
            "2018-12-31",
            "2019",
            "2019-01",
            "2019-01-01",
            "2019-01-02",
            "2019-01-31",
            "2019-02",
            "2019-12-31",
            "2020",
        ];
        for w in sorted.windows(2) {
            assert!(d(w[0]) < d(w[1]), "{} < {}", w[0], w[1]);
            // The same order as the ISO strings and the keys.
            assert!(w[0] < w[1]);
            assert!(d(w[0]).key() < d(w[1]).key());
        }
    }

    #[test]
    fn keys_round_trip() {
        for s in ["2019", "2019-04", "2019-04-17", "0000-01"] {
            assert_eq!(PartialDate::from_key(d(s).key()), Some(d(s)), "{s}");
        }
        assert_eq!(d("2019-04-17").key(), 20190417);
        assert_eq!(d("2019-04").key(), 20190400);
        assert_eq!(d("2019").key(), 20190000);
        for bad in [0, 20190017, 20191300, 20190431, 100_000_000] {
            assert_eq!(PartialDate::from_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn ranges() {
        assert_eq!(d("2019").first_day(), d("2019-01-01"));
        assert_eq!(d("2019").last_day(), d("2019-12-31"));
        assert_eq!(d("2020-02").first_day(), d("2020-02-01"));
        assert_eq!(d("2020-02").last_day(), d("2020-02-29"));
        assert_eq!(d("2019-02").last_day(), d("2019-02-28"));
        assert_eq!(d("2019-04-17").first_day(), d("2019-04-17"));
        assert_eq!(d("2019-04-17").last_day(), d("2019-04-17"));
        assert_eq!(d("2019-04-17").whole_year(), d("2019"));
        assert_eq!(d("2019-04-17").whole_month(), d("2019-04"));
        assert_eq!(d("2019").whole_month(), d("2019"));
        assert!(d("2019").contains(d("2019-04")));
        assert!(d("2019").contains(d("2019-12-31")));
        assert!(d("2019-04").contains(d("2019-04-30")));
        assert!(d("2019-04").contains(d("2019-04")));
        assert!(!d("2019-04").contains(d("2019")));
        assert!(!d("2019-04").contains(d("2019-05-01")));
        assert!(!d("2019-04-17").contains(d("2019-04-18")));
    }

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(d("1970").day_number(), 0);
        assert_eq!(
            d("2000-03-01").day_number() - d("2000-02-28").day_number(),
            2
        );
        assert_eq!(
            d("2019-03-01").day_number() - d("2019-02-28").day_number(),
            1
        );
        for s in [
            "0000-01-01",
            "1969-12-31",
            "2020-02-29",
            "9999-12-31",
            "2019-04-17",
        ] {
            assert_eq!(
                PartialDate::from_day_number(d(s).day_number()),
                Some(d(s)),
                "{s}"
            );
        }
        assert_eq!(
            PartialDate::from_day_number(d("9999-12-31").day_number() + 1),
            None
        );
        assert_eq!(
            PartialDate::from_day_number(d("0000-01-01").day_number() - 1),
            None
        );
    }

    #[test]
    fn long_forms() {
        assert_eq!(d("2019-04-17").long(), "17 April 2019");
        assert_eq!(d("2019-04-07").long(), "7 April 2019");
        assert_eq!(d("2019-01").long(), "January 2019");
        assert_eq!(d("2018").long(), "2018");
        assert_eq!(d("0999").long(), "0999");
        assert_eq!(d("2019-12").month_name(), Some("December"));
        assert_eq!(d("2019").month_name(), None);
    }

    #[test]
    fn serde_is_the_iso_string() {
        for s in ["2019", "2019-04", "2019-04-17"] {
            let json = serde_json::to_string(&d(s)).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), d(s));
        }
        let dates: Vec<Option<PartialDate>> =
            serde_json::from_str(r#"[null, "2019-04", "2019-04-17"]"#).unwrap();
        assert_eq!(dates, [None, Some(d("2019-04")), Some(d("2019-04-17"))]);
        for bad in [r#""2019-02-29""#, r#""17 April 2019""#, "2019", r#""""#] {
            assert!(serde_json::from_str::<PartialDate>(bad).is_err(), "{bad}");
        }
        let err = serde_json::from_str::<PartialDate>(r#""2019-13""#).unwrap_err();
        assert!(err.to_string().contains("`2019-13` is not a date"), "{err}");
    }

    /// A record with every kind of date reads and writes byte for byte as
    /// when its dates were strings.
    #[test]
    fn release_json_round_trips_unchanged() {
        let json = r#"{"id":"2019-04-17-a","source":"a.md","title":"A","date":"2019-04-17","dateline":null,"body":["One."],"countries":[],"organisations":[],"people":[],"quotes":[],"events":[{"start":"2018","end":"2022","text":"2018-2022"},{"start":"2019-03","end":null,"text":"since March 2019"},{"start":"2019-05-02","end":"2019-05-02","text":"2 May 2019"}],"money":[],"programmes":[{"name":"P","acronym":null,"start":"2003-03","end":null}],"topics":[],"contacts":[],"warnings":[]}"#;
        let r: crate::Release = serde_json::from_str(json).unwrap();
        assert_eq!(r.date, Some(d("2019-04-17")));
        assert_eq!(r.events[1].start, d("2019-03"));
        assert_eq!(r.programmes[0].start, Some(d("2003-03")));
        assert_eq!(serde_json::to_string(&r).unwrap(), json);
        let month_only = json.replace(r#""date":"2019-04-17""#, r#""date":"2019-04""#);
        let r: crate::Release = serde_json::from_str(&month_only).unwrap();
        assert_eq!(serde_json::to_string(&r).unwrap(), month_only);
        let bad = json.replace(r#""date":"2019-04-17""#, r#""date":"2019-4-17""#);
        assert!(serde_json::from_str::<crate::Release>(&bad).is_err());
    }
}
