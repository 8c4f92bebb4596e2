//! The app's own router over the History API, in place of yew-router: the
//! routes are matched by hand already (`crate::route`), and yew-router
//! brought gloo-history, serde and serde-wasm-bindgen (its history state),
//! getrandom (the state's ids) and a hash and a memory history into the wasm
//! (BENCHMARKS.md, "App code size: a third pass"). Addresses are written as
//! yew-router wrote them: the base path, then the route's path, then the
//! query string.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::route::Route;

/// Where the app is: the address's path (with the base path) and its query
/// string as `location.search` has it (`?q=x`, or empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub query: String,
}

/// The history the router follows: the browser's, or one kept in memory
/// (the component tests, and pre-rendering, where nothing navigates).
/// Clones are the same history.
#[derive(Clone)]
pub struct History(Rc<Inner>);

struct Inner {
    /// The address of a memory history; `None` for the browser's.
    memory: Option<RefCell<Location>>,
    /// The router that follows this history (there is one per history).
    listener: RefCell<Option<Rc<dyn Fn()>>>,
}

impl PartialEq for History {
    fn eq(&self, other: &History) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl History {
    /// The browser's history.
    pub fn browser() -> History {
        History::with(None)
    }

    /// A history in memory at `address`, a path with an optional query
    /// string (`/release/a`, `/?q=iran`).
    pub fn memory(address: &str) -> History {
        let (path, query) = match address.split_once('?') {
            Some((path, query)) => (path, format!("?{query}")),
            None => (address, String::new()),
        };
        let location = Location {
            path: path.to_string(),
            query,
        };
        History::with(Some(RefCell::new(location)))
    }

    fn with(memory: Option<RefCell<Location>>) -> History {
        History(Rc::new(Inner {
            memory,
            listener: RefCell::new(None),
        }))
    }

    /// Where the history is now.
    pub fn location(&self) -> Location {
        match &self.0.memory {
            Some(location) => location.borrow().clone(),
            None => {
                let location = web_sys::window().map(|w| w.location());
                let read = |part: fn(&web_sys::Location) -> Result<String, JsValue>| {
                    location
                        .as_ref()
                        .and_then(|l| part(l).ok())
                        .unwrap_or_default()
                };
                Location {
                    path: read(web_sys::Location::pathname),
                    query: read(web_sys::Location::search),
                }
            }
        }
    }

    /// Goes to `path` (absolute, with the base path), with `query` (without
    /// `?`) when given, in a new history entry or in place of this one; the
    /// router follows at once. A query replaces the address's; without one,
    /// a memory history keeps none and the browser's address is `path`.
    pub fn go(&self, path: &str, query: Option<&str>, replace: bool) {
        match &self.0.memory {
            Some(location) => {
                *location.borrow_mut() = Location {
                    path: path.to_string(),
                    query: query.map(|q| format!("?{q}")).unwrap_or_default(),
                };
            }
            None => {
                let Some(window) = web_sys::window() else {
                    return;
                };
                // With a query, the whole address, resolved against this one.
                let url = match query {
                    Some(query) => {
                        let here = window.location().href().unwrap_or_default();
                        let Ok(url) = web_sys::Url::new_with_base(path, &here) else {
                            return;
                        };
                        url.set_search(query);
                        url.href()
                    }
                    None => path.to_string(),
                };
                let Ok(history) = window.history() else {
                    return;
                };
                let _ = match replace {
                    true => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
                    false => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
                };
            }
        }
        self.notify();
    }

    fn notify(&self) {
        let listener = self.0.listener.borrow().clone();
        if let Some(listener) = listener {
            listener();
        }
    }

    /// Calls `f` after every move of this history (and, in the browser, on
    /// back and forward) until the returned guard is dropped.
    pub fn listen(&self, f: impl Fn() + 'static) -> Listening {
        let f: Rc<dyn Fn()> = Rc::new(f);
        *self.0.listener.borrow_mut() = Some(f.clone());
        let popstate = match self.0.memory {
            Some(_) => None,
            None => web_sys::window().map(|window| {
                let closure = Closure::<dyn Fn()>::new(move || f());
                let _ = window
                    .add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
                (window, closure)
            }),
        };
        Listening {
            history: self.clone(),
            popstate,
        }
    }
}

/// A router following a history; it stops when this is dropped.
pub struct Listening {
    history: History,
    popstate: Option<(web_sys::Window, Closure<dyn Fn()>)>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        *self.history.0.listener.borrow_mut() = None;
        if let Some((window, closure)) = &self.popstate {
            let _ = window
                .remove_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
        }
    }
}

/// A history and the base path the app's routes are under (`/dateline`,
/// without the last slash; none at the host's root).
#[derive(Clone, PartialEq)]
pub struct Navigator {
    pub history: History,
    pub basename: Option<String>,
}

impl Navigator {
    pub fn new(history: History, basename: Option<&str>) -> Navigator {
        let basename = basename.map(|b| b.strip_suffix('/').unwrap_or(b).to_string());
        Navigator { history, basename }
    }

    /// The base path; empty at the host's root.
    pub fn base(&self) -> &str {
        self.basename.as_deref().unwrap_or("")
    }

    /// Goes to a route; with `query` (without `?`), the address's query
    /// string becomes it. See [`History::go`].
    pub fn go(&self, route: &Route, query: Option<&str>, replace: bool) {
        let path = self.prefix(&route.to_path());
        self.history.go(&path, query, replace);
    }

    fn prefix(&self, path: &str) -> String {
        format!("{}{path}", self.base())
    }

    /// A path of the address without the base path, from its `/`.
    pub fn strip(&self, path: &str) -> String {
        let Some(base) = &self.basename else {
            return path.to_string();
        };
        let path = path.strip_prefix(base.as_str()).unwrap_or(path);
        match path.starts_with('/') {
            true => path.to_string(),
            false => format!("/{path}"),
        }
    }

    /// The route at an address's path.
    pub fn route(&self, path: &str) -> Route {
        Route::recognize(&self.strip(path))
    }

    /// Puts the address under the base path when it is not (a host that
    /// served the app at `/dateline` for `/dateline/`), in place, keeping
    /// its query string: the router's first step.
    pub fn settle(&self) {
        let location = self.history.location();
        let prefixed = self.prefix(&self.strip(&location.path));
        if prefixed != location.path {
            let query = location.query.strip_prefix('?').unwrap_or(&location.query);
            self.history.go(&prefixed, Some(query), true);
        }
    }
}

/// The path of the document's base URL (`<base href>`) without its last
/// slash: the app's base path. None without a `<base href>` or at the
/// host's root.
pub fn base_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector("base[href]").ok()??;
    let base = web_sys::Url::new(&document.base_uri().ok()??).ok()?;
    let path = base.pathname();
    let path = path.strip_suffix('/').unwrap_or(&path);
    (!path.is_empty()).then(|| path.to_string())
}

/// The router's location, as its context holds it: a move of the history
/// tells its readers even when the address is the same.
#[derive(Clone, Debug, Default)]
pub struct LocationState {
    pub location: Location,
    moves: u32,
}

impl PartialEq for LocationState {
    fn eq(&self, other: &LocationState) -> bool {
        self.moves == other.moves
    }
}

impl LocationState {
    pub fn new(location: Location) -> LocationState {
        LocationState { location, moves: 0 }
    }
}

impl yew::Reducible for LocationState {
    type Action = Location;

    fn reduce(self: Rc<Self>, location: Location) -> Rc<Self> {
        Rc::new(LocationState {
            location,
            moves: self.moves + 1,
        })
    }
}
