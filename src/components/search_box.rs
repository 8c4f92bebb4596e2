use std::cell::RefCell;

use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlInputElement};
use yew::prelude::*;

/// The search box's id, in pre-rendered pages too.
const INPUT_ID: &str = "search-input";

thread_local! {
    /// Text typed into a pre-rendered search box before the app took the
    /// page over: taking it over resets the field, so the box searches it
    /// once mounted.
    static TYPED_BEFORE_START: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps what `document`'s search box holds, before the app takes the
/// pre-rendered page over.
pub fn keep_typed_before_start(document: &Document) {
    let typed = document
        .get_element_by_id(INPUT_ID)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|input| input.value())
        .filter(|text| !text.is_empty());
    TYPED_BEFORE_START.with(|kept| *kept.borrow_mut() = typed);
}

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
    pub on_change: Callback<String>,
}

/// The full-text search field; results update as you type.
///
/// The search runs in the task after the frame that paints the typed text,
/// so a key is on screen before the search of a large archive starts.
/// Each keystroke replaces the search still waiting to run: keys that arrive
/// while a search is rendering are queued by the browser, and only the last
/// text of the queue is searched, never each superseded one in turn.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    let task = use_mut_ref(|| None::<Timeout>);
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let (on_change, task) = (on_change.clone(), task.clone());
            // Dropping what waits cancels it.
            task.borrow_mut().take();
            *frame.borrow_mut() = Some(request_animation_frame(move |_| {
                *task.borrow_mut() = Some(Timeout::new(0, move || on_change.emit(text)));
            }));
        })
    };
    {
        let (on_change, value) = (props.on_change.clone(), props.value.clone());
        use_effect_with((), move |_| {
            if let Some(typed) = TYPED_BEFORE_START.with(|kept| kept.borrow_mut().take()) {
                if *typed != *value {
                    on_change.emit(typed);
                }
            }
        });
    }
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for={INPUT_ID}>{ "Search releases" }</label>
            <input
                id={INPUT_ID}
                type="search"
                value={props.value.clone()}
                {oninput}
                placeholder="Words, names or \"a phrase\""
                autocomplete="off"
                spellcheck="false"
            />
        </form>
    }
}
