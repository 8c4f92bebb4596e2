use std::rc::Rc;

use yew::prelude::*;

use crate::app::{DataGeneration, ShellContext};
use crate::corpus::Corpus;

/// The corpus provided by [`crate::App`] (or a test harness). Outside a provider
/// it is empty, so a component renders its empty state instead of failing.
/// The caller renders again when more of it arrives (a new data generation).
#[hook]
pub fn use_corpus() -> Rc<Corpus> {
    use_context::<ShellContext>()
        .map(|c| c.corpus)
        .unwrap_or_default()
}

/// The corpus's data generation (`DataGeneration`): bumped when more of
/// the corpus arrives, so that what was computed from it is computed again.
#[hook]
pub fn use_generation() -> DataGeneration {
    use_context::<ShellContext>()
        .map(|c| c.generation)
        .unwrap_or_default()
}
