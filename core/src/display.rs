//! Human-readable forms of record values, shared by the app and the CLI.

use crate::date::PartialDate;

/// `2019-04-17` → `17 April 2019`, `2019-01` → `January 2019`, `2018` → `2018`
/// ([`PartialDate::long`]). Anything else is returned as given.
pub fn long_date(iso: &str) -> String {
    PartialDate::parse(iso).map_or_else(|| iso.to_string(), PartialDate::long)
}

/// A period as a reader writes it: `17 April 2019`, `2018 – 2022`,
/// `since 2015`, `until March 2020`; None without either end.
pub fn period(start: Option<PartialDate>, end: Option<PartialDate>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) if s == e => Some(s.long()),
        (Some(s), Some(e)) => Some(format!("{} – {}", s.long(), e.long())),
        (Some(s), None) => Some(format!("since {}", s.long())),
        (None, Some(e)) => Some(format!("until {}", e.long())),
        (None, None) => None,
    }
}

/// A period as an ISO 8601 interval, for exports: `2019-01-29/2019-01-31`; a
/// single date alone; an open period `2015/..`.
pub fn iso_interval(start: PartialDate, end: Option<PartialDate>) -> String {
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
        let d = |s: &str| PartialDate::parse(s);
        let p = |s: Option<&str>, e: Option<&str>| period(s.and_then(d), e.and_then(d));
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
        let i = |s: &str, e: Option<&str>| d(s).map(|s| iso_interval(s, e.and_then(d)));
        assert_eq!(
            i("2019-01-29", Some("2019-01-31")).as_deref(),
            Some("2019-01-29/2019-01-31")
        );
        assert_eq!(i("2019", Some("2019")).as_deref(), Some("2019"));
        assert_eq!(i("2015", None).as_deref(), Some("2015/.."));
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
