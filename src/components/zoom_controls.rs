use dateline_core::query::Move;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ZoomControlsProps {
    /// Whether zoom in, zoom out, earlier and later can move the view.
    pub can: [bool; 4],
    /// A move, and whether the keyboard asked for it.
    pub on_move: Callback<(Move, bool)>,
}

/// The timeline's zoom and pan buttons and the hint naming the keys.
pub fn zoom_controls(props: &ZoomControlsProps) -> Html {
    let button = |m: Move, text: &'static str, name: &'static str, i: usize| {
        let on_move = props.on_move.clone();
        // Enter or Space on a button clicks with detail 0: the keyboard.
        let onclick = Callback::from(move |e: MouseEvent| on_move.emit((m, e.detail() == 0)));
        html! {
            <button type="button" aria-label={name} title={name} disabled={!props.can[i]} {onclick}>{ text }</button>
        }
    };
    html! {
        <div class="zoom-controls">
            { button(Move::In, "+", "Zoom in", 0) }
            { button(Move::Out, "−", "Zoom out", 1) }
            { button(Move::Earlier, "‹", "Earlier", 2) }
            { button(Move::Later, "›", "Later", 3) }
            <p id="histogram-hint" class="hint">
                { "Keys: ← → between bars, Enter zooms into a bar, + and − zoom, Shift+← → pan; Ctrl+wheel zooms." }
            </p>
        </div>
    }
}
