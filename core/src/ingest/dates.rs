//! Calendar helpers shared by the dateline and event extractors.

use std::fmt;

/// A full calendar date (the publication date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid Gregorian date, or `None` (31 April, 29 February 2019).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12).contains(&month)
            .then(|| days_in_month(year, month))
            .filter(|&max| day >= 1 && day <= max)
            .map(|_| Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Month number from an English month name or abbreviation, any case
/// (`January`, `JAN`, `Jan.`, `Sept`).
pub fn month_from_name(word: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ];
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(w.as_str())))
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_name_and_abbreviation() {
        assert_eq!(month_from_name("January"), Some(1));
        assert_eq!(month_from_name("SEPT."), Some(9));
        assert_eq!(month_from_name("dec"), Some(12));
        assert_eq!(month_from_name("Ma"), None);
        assert_eq!(month_from_name("Mayday"), None);
    }

    #[test]
    fn invalid_days_are_rejected() {
        assert!(Date::new(2019, 2, 29).is_none());
        assert!(Date::new(2020, 2, 29).is_some());
        assert!(Date::new(2019, 4, 31).is_none());
        assert_eq!(Date::new(2019, 4, 17).unwrap().to_string(), "2019-04-17");
    }
}
