use std::rc::Rc;

use dateline_core::query::{Compare, VIEW};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareLinesProps {
    /// Laid out by the core (`dateline_core::query::compare`) on the bars' scale.
    pub compare: Rc<Compare>,
}

/// The series compared, one SVG path each, drawn over the histogram's bars
/// (or alone, on an entity page) with their own scale at the right. Hidden
/// from assistive technology: the legend and the table say the same.
/// Colours and dash patterns are per series (`.s0` to `.s3` in style.css).
pub fn compare_lines(props: &CompareLinesProps) -> Html {
    let c = &props.compare;
    if c.lines.is_empty() {
        return html! {};
    }
    html! {
        <div class="compare-lines" aria-hidden="true">
            <svg viewBox={format!("0 0 {VIEW} {VIEW}")} preserveAspectRatio="none" focusable="false">
                { for c.lines.iter().map(|l| html! {
                    <path key={l.series.to_param()} class={format!("s{}", l.style)} d={l.path.clone()} />
                }) }
            </svg>
            <span class="lines-top">{ format!("Lines: 0 to {}", c.top) }</span>
        </div>
    }
}
