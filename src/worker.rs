//! The bridge to the import worker (`import/`, loaded only when releases are
//! imported or a kept set is opened). Messages are `dateline_core::import`
//! buffers, posted with their `ArrayBuffer` transferred. Written on
//! `web_sys::Worker` rather than gloo-worker: the app then links no
//! serialisation crate and no bridge registry, only what it sends.

use std::cell::RefCell;
use std::rc::Rc;

use dateline_core::import::{FromWorker, Set, ToWorker};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, MessageEvent, Worker};

/// The worker's loader, which Trunk writes beside the app (workers' file
/// names carry no hash), relative to the page's `<base href>`.
pub const WORKER_URL: &str = "dateline-import_loader.js";

struct Bridge {
    worker: Worker,
    /// Messages held until the worker says it listens (`Started`).
    held: Option<Vec<Vec<u8>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

type Listener = Rc<dyn Fn(FromWorker)>;

/// How long an idle worker is kept: its wasm memory (the records and files of
/// the last import, at its peak) only goes back when it ends.
const IDLE_MS: u32 = 3_000;

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
    static IDLE: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Who hears the worker's answers from now on (one listener at a time).
pub fn listen(listener: impl Fn(FromWorker) + 'static) {
    LISTENER.with(|l| *l.borrow_mut() = Some(Rc::new(listener)));
}

fn deliver(message: FromWorker) {
    let listener = LISTENER.with(|l| l.borrow().clone());
    if let Some(listener) = listener {
        listener(message);
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn spawn() -> Result<Bridge, JsValue> {
    let worker = Worker::new(WORKER_URL)?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let message = match event.data().dyn_into::<Uint8Array>() {
            Ok(array) => {
                FromWorker::decode(&array.to_vec()).unwrap_or_else(|e| FromWorker::Failed {
                    message: format!("The import worker's answer could not be read: {e}"),
                })
            }
            Err(_) => FromWorker::Failed {
                message: "The import worker answered something other than a message.".into(),
            },
        };
        if message == FromWorker::Started {
            release_held();
            return;
        }
        deliver(message);
    });
    let on_error = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        event.prevent_default();
        // The worker is gone (its files missing, or it failed): start afresh next time.
        BRIDGE.with(|b| b.borrow_mut().take());
        deliver(FromWorker::Failed {
            message: format!(
                "The import worker stopped or could not be loaded ({WORKER_URL}). Try again, or reload the page."
            ),
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Bridge {
        worker,
        held: Some(Vec::new()),
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn post(worker: &Worker, bytes: &[u8]) -> Result<(), JsValue> {
    let array = Uint8Array::from(bytes);
    worker.post_message_with_transfer(&array, &Array::of1(&array.buffer()))
}

/// Posts what was held for the worker, now that it listens.
fn release_held() {
    let failed = BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        let bridge = bridge.as_mut()?;
        let held = bridge.held.take()?;
        held.iter()
            .map(|bytes| post(&bridge.worker, bytes))
            .find_map(Result::err)
    });
    if let Some(error) = failed {
        deliver(FromWorker::Failed {
            message: format!(
                "The import worker could not be reached: {}",
                describe(&error)
            ),
        });
    }
}

/// Ends the worker once it has been idle a while (nothing sent since):
/// call when its answer is in; the next message starts a fresh one.
pub fn end_when_idle() {
    let timeout = gloo_timers::callback::Timeout::new(IDLE_MS, || {
        if let Some(bridge) = BRIDGE.with(|b| b.borrow_mut().take()) {
            bridge.worker.terminate();
        }
    });
    IDLE.with(|i| *i.borrow_mut() = Some(timeout));
}

/// Sends a message, starting the worker first if it is not running.
pub fn send(message: &ToWorker) {
    // Dropping the timeout cancels it: the worker is busy again.
    IDLE.with(|i| i.borrow_mut().take());
    let sent = BRIDGE.with(|b| -> Result<(), JsValue> {
        let mut bridge = b.borrow_mut();
        if bridge.is_none() {
            *bridge = Some(spawn()?);
        }
        let Some(bridge) = bridge.as_mut() else {
            return Ok(());
        };
        match &mut bridge.held {
            Some(held) => {
                held.push(message.encode());
                Ok(())
            }
            None => post(&bridge.worker, &message.encode()),
        }
    });
    // Told outside the borrow: the listener may send again.
    if let Err(error) = sent {
        deliver(FromWorker::Failed {
            message: format!("The import worker could not start: {}", describe(&error)),
        });
    }
}

/// How long [`ask`] waits: the app must start even if the worker never does.
const ASK_TIMEOUT_MS: u32 = 15_000;

/// Sends a message and waits for the worker's answer (progress aside), at
/// most [`ASK_TIMEOUT_MS`].
pub async fn ask(message: ToWorker) -> FromWorker {
    let answer: Rc<RefCell<Option<FromWorker>>> = Rc::default();
    let promise = {
        let answer = answer.clone();
        js_sys::Promise::new(&mut move |resolve, _| {
            let answer = answer.clone();
            let timeout = resolve.clone();
            gloo_timers::callback::Timeout::new(ASK_TIMEOUT_MS, move || {
                let _ = timeout.call0(&JsValue::NULL);
            })
            .forget();
            listen(move |m| {
                if !matches!(m, FromWorker::Progress { .. }) {
                    *answer.borrow_mut() = Some(m);
                    let _ = resolve.call0(&JsValue::NULL);
                }
            });
        })
    };
    send(&message);
    let _ = JsFuture::from(promise).await;
    let answer = answer.borrow_mut().take();
    answer.unwrap_or(FromWorker::Failed {
        message: "The import worker did not answer.".into(),
    })
}

/// Where the set shown last is remembered (this device only).
const SET_KEY: &str = "dateline-set";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The set shown last on this device (this site's when nothing is kept).
pub fn stored_set() -> Set {
    storage()
        .and_then(|s| s.get_item(SET_KEY).ok()?)
        .and_then(|key| Set::from_key(&key))
        .unwrap_or_default()
}

/// Remembers the set shown, for the next visit.
pub fn store_set(set: Set) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(SET_KEY, set.key());
    }
}

/// The URL of this site's data folder (`https://host/dateline/data/`), which
/// the worker fetches to merge this site's releases with mine.
pub fn site_data_url() -> String {
    format!("{}data/", crate::hooks::document_base())
}
