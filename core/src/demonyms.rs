//! Demonyms of countries (`Iranian`, `Afghan`; `French`, also a language), by
//! country code, from `core/data/demonyms.tsv`: the one list the countries
//! extractor matches and the app highlights. Small and regex-free, so the
//! wasm app carries it.

const DATA: &str = data_file!("demonyms.tsv");

/// The demonyms of one country.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Demonyms {
    /// Adjectives and nationals that name the country (`Iranian`, `Afghan`).
    pub demonyms: Vec<&'static str>,
    /// Demonyms that are also a language (`French`, `Dutch`).
    pub languages: Vec<&'static str>,
}

impl Demonyms {
    /// Every demonym, languages last.
    pub fn all(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.demonyms.iter().chain(&self.languages).copied()
    }
}

/// Each row's code and the columns after it, split once: the countries
/// extractor asks for every country at load, and reading every line of the
/// file for each was about 10 M instructions at every start.
fn rows() -> &'static [(&'static str, &'static str)] {
    static ROWS: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        DATA.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let (code, rest) = l.split_once('\t').unwrap_or((l, ""));
                (code.trim(), rest)
            })
            .collect()
    })
}

/// The demonyms of country `code` (ISO 3166-1 alpha-2, any case); none for an
/// unknown code.
pub fn of(code: &str) -> Demonyms {
    let code = code.trim();
    let row = rows()
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|&(_, rest)| rest.split(['\t']));
    let Some(mut cols) = row else {
        return Demonyms::default();
    };
    let list = |col: Option<&'static str>| -> Vec<&'static str> {
        col.unwrap_or("")
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    };
    let demonyms = list(cols.next());
    let languages = list(cols.next());
    Demonyms {
        demonyms,
        languages,
    }
}

/// `Afghan` → `Afghans`; words ending in -s, -sh, -x, -z (Swiss, French) are left alone.
pub fn plural(demonym: &str) -> String {
    if demonym.ends_with(['s', 'h', 'x', 'z']) {
        demonym.to_string()
    } else {
        format!("{demonym}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_code_in_any_case() {
        assert_eq!(of("IR").demonyms, vec!["Iranian"]);
        assert_eq!(of(" af ").demonyms, vec!["Afghan", "Afghani"]);
        assert_eq!(of("NL").languages, vec!["Dutch"]);
        assert_eq!(
            of("PH").all().collect::<Vec<_>>(),
            vec!["Philippine", "Filipino"]
        );
        assert_eq!(of("ZZ"), Demonyms::default());
        assert_eq!(of(""), Demonyms::default());
    }

    #[test]
    fn every_row_is_well_formed() {
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!((2..=3).contains(&cols.len()), "{line:?}");
            assert!(cols[0].len() == 2 && cols[0].chars().all(|c| c.is_ascii_uppercase()));
            assert!(!of(cols[0]).all().any(str::is_empty), "{line:?}");
        }
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("Afghan"), "Afghans");
        assert_eq!(plural("Swiss"), "Swiss");
        assert_eq!(plural("French"), "French");
    }
}
