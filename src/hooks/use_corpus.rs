use std::rc::Rc;

use yew::prelude::*;

use crate::corpus::Corpus;

/// The corpus provided by [`crate::App`] (or a test harness). Outside a provider
/// it is empty, so a component renders its empty state instead of failing.
#[hook]
pub fn use_corpus() -> Rc<Corpus> {
    use_context::<Rc<Corpus>>().unwrap_or_default()
}
