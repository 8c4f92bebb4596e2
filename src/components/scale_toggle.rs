use dateline_core::query::Scale;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScaleToggleProps {
    pub scale: Scale,
    pub on_change: Callback<Scale>,
}

/// Counts or share of releases: a radio group (arrow keys move between the
/// two, as for any radio group).
pub fn scale_toggle(props: &ScaleToggleProps) -> Html {
    let option = |scale: Scale, text: &'static str| {
        let onchange = props.on_change.reform(move |_: Event| scale);
        html! {
            <label>
                <input type="radio" name="compare-scale" value={scale.as_str()}
                    checked={props.scale == scale} {onchange} />
                { text }
            </label>
        }
    };
    html! {
        <fieldset class="scale-toggle">
            <legend>{ "Lines show" }</legend>
            { option(Scale::Counts, "Counts") }
            { option(Scale::Share, "Share of releases") }
        </fieldset>
    }
}
