use yew::prelude::*;

use crate::corpus::CorpusError;

#[derive(Properties, PartialEq)]
pub struct PositionsNoticeProps {
    pub error: CorpusError,
}

/// Says that a piece of the word positions (`data/p/<k>.bin`) could not be
/// used, naming it and why: the app works on, but a quoted phrase that needs
/// it matches every release with all its words instead of the exact phrase.
#[function_component(PositionsNotice)]
pub fn positions_notice(props: &PositionsNoticeProps) -> Html {
    html! {
        <div class="data-notice" role="alert">
            <p>
                { format!("Exact phrase search is unavailable: {}. ", props.error) }
                { "Meanwhile a \"quoted phrase\" matches the releases that contain all its words. Reloading the page may help." }
            </p>
        </div>
    }
}
