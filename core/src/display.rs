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

/// `x` with `places` decimals (at most 3), rounded half away from zero:
/// `fixed(12.345, 1)` is `12.3`. Integer arithmetic only, so the app links no
/// float formatting (Rust's is about 12 kB of wasm). Beyond 2^64 it saturates.
pub fn fixed(x: f64, places: u32) -> String {
    let places = places.min(3);
    let scale = 10u64.pow(places);
    let scaled = (x.abs() * scale as f64).round() as u64;
    let sign = if x < 0.0 && scaled > 0 { "-" } else { "" };
    match places {
        0 => format!("{sign}{scaled}"),
        p => format!(
            "{sign}{}.{:0width$}",
            scaled / scale,
            scaled % scale,
            width = p as usize
        ),
    }
}

/// An amount with thousands separators and cents where it has them:
/// `12000000` → `12,000,000`, `1234.5` → `1,234.50` (the sign is left to the text).
pub fn amount(amount: f64) -> String {
    let whole = (amount.trunc().abs() as u64).to_string();
    let mut out = String::with_capacity(whole.len() * 4 / 3 + 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match ((amount.fract().abs() * 100.0).round() as u64).min(99) {
        0 => out,
        cents => format!("{out}.{cents:02}"),
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

    #[test]
    fn fixed_point_text_matches_rusts_float_formatting() {
        for x in [
            0.0,
            1.0,
            4.0,
            12.345,
            99.95,
            100.0,
            0.05,
            7.25,
            -3.5,
            187.999,
            1e6 / 7.0,
        ] {
            assert_eq!(fixed(x, 0), format!("{:.0}", x.round()), "{x}");
            assert_eq!(
                fixed(x, 1),
                format!("{:.1}", (x * 10.0).round() / 10.0),
                "{x}"
            );
            assert_eq!(
                fixed(x, 2),
                format!("{:.2}", (x * 100.0).round() / 100.0),
                "{x}"
            );
        }
        assert_eq!(fixed(-0.001, 1), "0.0");
        assert_eq!(fixed(f64::NAN, 2), "0.00");
        assert_eq!(fixed(1e30, 0), u64::MAX.to_string());
        assert_eq!(fixed(2.5, 9), "2.500");
    }

    #[test]
    fn amounts_group_thousands_and_keep_cents() {
        assert_eq!(amount(12_000_000.0), "12,000,000");
        assert_eq!(amount(999.0), "999");
        assert_eq!(amount(1000.0), "1,000");
        assert_eq!(amount(1234.5), "1,234.50");
        assert_eq!(amount(0.05), "0.05");
        assert_eq!(amount(-2500.0), "2,500");
        assert_eq!(amount(0.999), "0.99");
        assert_eq!(amount(f64::NAN), "0");
    }
}
