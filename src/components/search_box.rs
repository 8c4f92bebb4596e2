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

/// The text typed into the box until the page shows it searched.
#[derive(Default)]
struct Typed {
    /// The box's text, typed here, while the `value` given may be older.
    text: Option<String>,
    /// Its search has not run yet.
    waiting: bool,
    /// The `value` given at the last render.
    seen: AttrValue,
}

impl Typed {
    /// What the box shows for the `value` given now: the typed text until
    /// `value` moves on with no search waiting (the typed text searched, or
    /// another address: back, a link).
    fn shown(&mut self, value: &AttrValue) -> AttrValue {
        if self.seen != *value {
            if !self.waiting {
                self.text = None;
            }
            self.seen = value.clone();
        }
        self.text
            .clone()
            .map_or_else(|| value.clone(), AttrValue::from)
    }
}

/// The full-text search field; results update as you type.
///
/// The search runs in the task after the frame that paints the typed text,
/// so a key is on screen before the search of a large archive starts.
/// Each keystroke replaces the search still waiting to run: keys that arrive
/// while a search is rendering are queued by the browser, and only the last
/// text of the queue is searched, never each superseded one in turn.
///
/// Until the page has the typed text, the box keeps showing it: Yew writes
/// an input's value whenever it differs from what the box holds, so a render
/// between a key and its search (a piece of the index arriving, the counts
/// done) put the older text back, and the next key was typed after it. At a
/// million releases 2 or 3 of the search benchmark's 14 queries lost a letter
/// that way ("trafficking" became "trafficing").
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    let task = use_mut_ref(|| None::<Timeout>);
    let typed = use_mut_ref(Typed::default);
    let shown = typed.borrow_mut().shown(&props.value);
    // The callback of the latest render: a search runs a frame after its
    // key, and one made with the key's render would undo what changed in
    // between (a facet ticked in that frame).
    let latest = use_mut_ref(|| props.on_change.clone());
    *latest.borrow_mut() = props.on_change.clone();
    let oninput = {
        let on_change = latest;
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            {
                let mut typed = typed.borrow_mut();
                typed.text = Some(text.clone());
                typed.waiting = true;
            }
            let (on_change, task, typed) = (on_change.clone(), task.clone(), typed.clone());
            // Dropping what waits cancels it.
            task.borrow_mut().take();
            *frame.borrow_mut() = Some(request_animation_frame(move |_| {
                *task.borrow_mut() = Some(Timeout::new(0, move || {
                    typed.borrow_mut().waiting = false;
                    let on_change = on_change.borrow().clone();
                    on_change.emit(text);
                }));
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
                value={shown}
                {oninput}
                placeholder="Words, names or \"a phrase\""
                autocomplete="off"
                spellcheck="false"
            />
        </form>
    }
}
