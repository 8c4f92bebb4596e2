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

#[cfg(test)]
mod tests {
    use super::long_date;

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
