use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Rows kept in the DOM beyond each edge of the viewport, so that scrolling and
/// tabbing always land on rendered rows (three rows or more); kept small
/// for the timeline page's element budget (400 in all).
const OVERSCAN_PX: f64 = 600.0;

/// The pixel band of a list (from its top) that is on screen, widened by an
/// overscan, updated on scroll and resize. The list's rows are positioned
/// absolutely, so a windowed list renders only the rows inside this band.
/// Returns `(top, bottom)` in list pixels; before the first measure, a band
/// from the top of the list.
#[hook]
pub fn use_visible_range(list: NodeRef) -> (f64, f64) {
    // `_eq`: a scroll that keeps the same band does not re-render.
    let band = use_state_eq(|| (0.0, 2.0 * OVERSCAN_PX));
    {
        let band = band.clone();
        use_effect_with(list, move |list| {
            let list = list.clone();
            let measure = move || {
                let (Some(window), Some(el)) = (web_sys::window(), list.cast::<web_sys::Element>())
                else {
                    return;
                };
                let top = el.get_bounding_client_rect().top();
                let height = window
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(800.0);
                // Quantised so that small scrolls do not re-render the list.
                let step = OVERSCAN_PX / 4.0;
                let from = ((-top - OVERSCAN_PX) / step).floor() * step;
                let to = ((-top + height + OVERSCAN_PX) / step).ceil() * step;
                // A list below the fold still renders its first rows, ready for the scroll.
                band.set((from.max(0.0), to.max(2.0 * OVERSCAN_PX)));
            };
            measure();
            let closure = Closure::<dyn Fn()>::new(measure);
            let window = web_sys::window();
            if let Some(w) = &window {
                let f = closure.as_ref().unchecked_ref();
                let _ = w.add_event_listener_with_callback("scroll", f);
                let _ = w.add_event_listener_with_callback("resize", f);
            }
            move || {
                if let Some(w) = window {
                    let f = closure.as_ref().unchecked_ref();
                    let _ = w.remove_event_listener_with_callback("scroll", f);
                    let _ = w.remove_event_listener_with_callback("resize", f);
                }
            }
        });
    }
    *band
}
