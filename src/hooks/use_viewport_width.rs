use yew::prelude::*;

use crate::app::{ShellContext, ViewportWidth, PHONE_WIDTH};

/// The viewport's width in CSS pixels: as the app provides it (a phone's
/// while it takes a pre-rendered page over, then the window's), else the
/// window's.
#[hook]
pub fn use_viewport_width() -> f64 {
    match use_context::<ShellContext>().and_then(|c| c.width) {
        Some(ViewportWidth(width)) => width,
        None => window_width().unwrap_or(PHONE_WIDTH),
    }
}

fn window_width() -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window().and_then(|w| w.inner_width().ok()?.as_f64());
    #[cfg(not(target_arch = "wasm32"))]
    None
}
