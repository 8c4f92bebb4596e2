use std::rc::Rc;

use dateline_core::query::{compare, series_docs, Compare, Filter, Results};
use yew::prelude::*;

use super::{use_corpus, use_generation};

/// The filter's series counted over the bars of its results (see
/// `dateline_core::query::compare`). Each series is searched once while only
/// the rest of the filter changes; only the per-bucket counting follows
/// every keystroke.
#[hook]
pub fn use_compare(filter: &Filter, results: Rc<Results>) -> Rc<Compare> {
    let corpus = use_corpus();
    let generation = use_generation();
    let docs = {
        let corpus = corpus.clone();
        use_memo((filter.series.clone(), generation), move |(series, _)| {
            series_docs(corpus.index(), series)
        })
    };
    use_memo((results, docs, filter.scale), move |(r, docs, scale)| {
        // Every release matches: no set to build.
        let within = (r.total < corpus.len()).then_some(&r.hits[..]);
        compare(corpus.index(), docs, within, &r.histogram, *scale)
    })
}
