//! Human-readable forms of record values, shared by the app and the CLI.

/// English month names, January first.
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

/// `2019-04-17` → `17 April 2019`, `2019-01` → `January 2019`, `2018` → `2018`.
/// Anything else is returned as given.
pub fn long_date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    let month = parts
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .filter(|m| (1..=12).contains(m));
    let day = parts
        .next()
        .and_then(|d| d.parse::<u8>().ok())
        .filter(|d| (1..=31).contains(d));
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{d} {} {y}", MONTHS[m - 1]),
        (Some(y), Some(m), None) if iso.len() == 7 => format!("{} {y}", MONTHS[m - 1]),
        (Some(y), None, None) if iso.len() == 4 => y.to_string(),
        _ => iso.to_string(),
    }
}

/// A period as a reader writes it: `17 April 2019`, `2018 – 2022`,
/// `since 2015`, `until March 2020`; None without either end.
pub fn period(start: Option<&str>, end: Option<&str>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) if s == e => Some(long_date(s)),
        (Some(s), Some(e)) => Some(format!("{} – {}", long_date(s), long_date(e))),
        (Some(s), None) => Some(format!("since {}", long_date(s))),
        (None, Some(e)) => Some(format!("until {}", long_date(e))),
        (None, None) => None,
    }
}

/// A period as an ISO 8601 interval, for exports: `2019-01-29/2019-01-31`; a
/// single date alone; an open period `2015/..`.
pub fn iso_interval(start: &str, end: Option<&str>) -> String {
    match end {
        Some(end) if end == start => start.to_string(),
        Some(end) => format!("{start}/{end}"),
        None => format!("{start}/.."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let p = |s: Option<&str>, e: Option<&str>| period(s, e);
        assert_eq!(
            p(Some("2019-04-17"), Some("2019-04-17")).as_deref(),
            Some("17 April 2019")
        );
        assert_eq!(
            p(Some("2018"), Some("2022")).as_deref(),
            Some("2018 – 2022")
        );
        assert_eq!(p(Some("2015"), None).as_deref(), Some("since 2015"));
        assert_eq!(
            p(None, Some("2020-03")).as_deref(),
            Some("until March 2020")
        );
        assert_eq!(p(None, None), None);
        assert_eq!(
            iso_interval("2019-01-29", Some("2019-01-31")),
            "2019-01-29/2019-01-31"
        );
        assert_eq!(iso_interval("2019", Some("2019")), "2019");
        assert_eq!(iso_interval("2015", None), "2015/..");
    }

    #[test]
    fn dates_read_as_written_in_a_dateline() {
        for (iso, want) in [
            ("2019-04-17", "17 April 2019"),
            ("2019-01", "January 2019"),
            ("2018", "2018"),
            ("2019-13-01", "2019-13-01"),
            ("soon", "soon"),
            ("", ""),
        ] {
            assert_eq!(long_date(iso), want, "{iso}");
        }
    }
}
