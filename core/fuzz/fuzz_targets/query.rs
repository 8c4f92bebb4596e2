//! The URL query string → `Filter` (src/hooks/use_filter.rs:
//! `Filter::from_query(location.query_str())`), and back (`to_query`, which
//! the app pushes into the URL). Parsing never fails; the canonical form must
//! be stable: parse → serialise → parse gives the same filter and string.
#![no_main]

use dateline_core::date::PartialDate;
use dateline_core::query::{Facet, Filter, Series};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let qs = String::from_utf8_lossy(data);
    let filter = Filter::from_query(&qs);
    let canonical = filter.to_query();
    let again = Filter::from_query(&canonical);
    let expected = filter.clone();
    assert_eq!(
        again, expected,
        "from_query({qs:?}).to_query() = {canonical:?} parses differently"
    );
    assert_eq!(
        again.to_query(),
        canonical,
        "to_query not stable for {qs:?}"
    );
    assert_eq!(Filter::from_query(&format!("?{canonical}")), filter);
    assert_eq!(filter.is_default(), canonical.is_empty(), "{qs:?}");

    for facet in Facet::ALL {
        let keys = filter.keys(facet);
        let mut toggled = filter.clone();
        for key in &keys {
            assert!(
                filter.is_selected(facet, key),
                "{facet:?} {key:?} of {qs:?}"
            );
            toggled.toggle(facet, key);
        }
        assert!(
            toggled.keys(facet).is_empty(),
            "toggling every {facet:?} key off"
        );
        let _ = facet.normalise_key(&qs);
    }
    // The one date type (`from=`, `to=`): its ISO form gives it back, and so
    // does its key from year 1 (key 0 is "undated").
    if let Some(date) = PartialDate::parse(&qs) {
        if date.year() >= 1 {
            assert_eq!(PartialDate::from_key(date.key()), Some(date), "{qs:?}");
        }
        assert_eq!(PartialDate::parse(&date.to_string()), Some(date), "{qs:?}");
    }
    let mut cleared = filter.clone();
    cleared.clear_all();
    // The order and the series compared (a view, not a filter) are kept.
    assert_eq!(
        cleared.to_query().is_empty(),
        filter.sort == Default::default()
            && filter.series.is_empty()
            && filter.scale == Default::default()
    );
    for series in &filter.series {
        assert_eq!(Series::parse(&series.to_param()).as_ref(), Ok(series));
    }
});
