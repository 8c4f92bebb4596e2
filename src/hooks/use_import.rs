use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use dateline_core::files::{is_release_path, MAX_FILE_BYTES};
use dateline_core::import::{FromWorker, ImportFile, Problem, Set, ToWorker};
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::app::{ShellContext, ShownSet};
use crate::components::download;
use crate::corpus::Corpus;
use crate::worker;

/// Files sent to the worker per message, at most: the page stays
/// responsive, and Cancel takes effect within one batch.
const BATCH_FILES: usize = 64;
/// Batches in flight: the next is read here while the worker extracts one.
const AHEAD: u32 = 2;
/// Bytes per message, at most (a batch of large files is cut shorter).
const BATCH_BYTES: u64 = 1 << 20;
/// Problems listed, at most (the count says how many there were).
const PROBLEMS_SHOWN: usize = 200;

/// What the import controls are doing.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum Phase {
    #[default]
    Idle,
    /// Files read and extracted by the worker so far, of all.
    Reading { done: u32, total: u32 },
    /// The worker packs and keeps the releases.
    Saving,
    /// The worker reads a kept set, or makes a zip, or forgets.
    Busy,
}

/// How the last action ended, in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Done(String),
    Failed(String),
}

/// What the import controls show.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ImportStatus {
    pub phase: Phase,
    pub outcome: Option<Outcome>,
    /// The problems of the last import (at most [`PROBLEMS_SHOWN`]).
    pub problems: Vec<Problem>,
    /// How many problems there were in all.
    pub problem_count: usize,
}

/// The state behind the controls, shared with the worker's listener.
#[derive(Default)]
struct Importer {
    status: ImportStatus,
    queue: VecDeque<(String, web_sys::File)>,
    /// Files that could not be read here (counted as done).
    unread: u32,
    /// Batches sent (or being read) whose `Progress` has not come.
    in_flight: u32,
    /// Which import this is: a batch still being read for a cancelled one
    /// is not sent with the next.
    run: u32,
    importing: bool,
    shown: Option<ShownSet>,
}

/// The import controls' state and actions.
#[derive(Clone)]
pub struct UseImport {
    pub status: ImportStatus,
    /// Imports files, each with its path as picked (`folder/a.txt`).
    pub import: Callback<Vec<(String, web_sys::File)>>,
    pub cancel: Callback<()>,
    pub forget: Callback<()>,
    /// Downloads the set shown (my releases when this site's is shown) as a zip.
    pub download: Callback<()>,
    /// Shows a set (asking the worker for a kept one).
    pub show: Callback<Set>,
}

/// Drives the import worker (see `crate::worker`) for the import controls:
/// batches of files out, progress and sets back; the set made is shown.
#[hook]
pub fn use_import() -> UseImport {
    let shown = use_context::<ShellContext>().and_then(|c| c.shown);
    let importer = use_mut_ref(Importer::default);
    importer.borrow_mut().shown = shown.clone();
    let update = use_force_update();
    {
        let (importer, update) = (importer.clone(), update.clone());
        use_effect_with((), move |_| {
            worker::listen(move |message| {
                hear(&importer, message);
                update.force_update();
            });
        });
    }
    let act = |f: fn(&Rc<RefCell<Importer>>)| {
        let (importer, update) = (importer.clone(), update.clone());
        Callback::from(move |()| {
            f(&importer);
            update.force_update();
        })
    };
    let import = {
        let (importer, update) = (importer.clone(), update.clone());
        Callback::from(move |files: Vec<(String, web_sys::File)>| {
            start(&importer, files);
            update.force_update();
        })
    };
    let show = {
        let (importer, update) = (importer.clone(), update.clone());
        Callback::from(move |set: Set| {
            show_set(&importer, set);
            update.force_update();
        })
    };
    let status = importer.borrow().status.clone();
    UseImport {
        status,
        import,
        cancel: act(cancel),
        forget: act(forget),
        download: act(zip),
        show,
    }
}

fn busy(importer: &Importer) -> bool {
    importer.status.phase != Phase::Idle
}

fn set_shown(importer: &Importer) -> Set {
    importer.shown.as_ref().map_or(Set::Site, |s| s.set)
}

fn start(importer: &Rc<RefCell<Importer>>, files: Vec<(String, web_sys::File)>) {
    let mut state = importer.borrow_mut();
    if busy(&state) || files.is_empty() {
        return;
    }
    let total = u32::try_from(files.len()).unwrap_or(u32::MAX);
    state.status = ImportStatus {
        phase: Phase::Reading { done: 0, total },
        ..ImportStatus::default()
    };
    state.queue = files.into();
    state.unread = 0;
    state.importing = true;
    state.in_flight = AHEAD;
    state.run = state.run.wrapping_add(1);
    let run = state.run;
    drop(state);
    worker::send(&ToWorker::Begin { total });
    for _ in 0..AHEAD {
        spawn_local(send_batch(importer.clone(), run));
    }
}

/// Reads the next batch here and sends it; the worker's `Progress` asks for
/// the one after. Files that are not releases, or too large, are sent
/// unread: the worker reports them as the CLI does.
async fn send_batch(importer: Rc<RefCell<Importer>>, run: u32) {
    let mut batch = Vec::new();
    let mut bytes = 0u64;
    while batch.len() < BATCH_FILES && bytes < BATCH_BYTES {
        if importer.borrow().run != run {
            return;
        }
        let Some((path, file)) = importer.borrow_mut().queue.pop_front() else {
            break;
        };
        let size = file.size() as u64;
        let bytes_read = match is_release_path(&path) && size <= MAX_FILE_BYTES as u64 {
            true => match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    let mut state = importer.borrow_mut();
                    state.unread += 1;
                    add_problems(
                        &mut state.status,
                        vec![Problem {
                            error: true,
                            text: format!("{path}: error: this browser could not read the file"),
                        }],
                    );
                    continue;
                }
            },
            false => Vec::new(),
        };
        bytes += bytes_read.len() as u64;
        batch.push(ImportFile {
            path,
            size,
            bytes: bytes_read,
        });
    }
    let mut state = importer.borrow_mut();
    if !state.importing || state.run != run {
        return;
    }
    if batch.is_empty() {
        // Another batch took the last files: nothing to send, and the
        // worker will not answer for this one.
        state.in_flight = state.in_flight.saturating_sub(1);
        let finish = state.in_flight == 0;
        drop(state);
        if finish {
            finish_import(&importer);
        }
        return;
    }
    drop(state);
    worker::send(&ToWorker::Files(batch));
}

/// Every file is with the worker: it keeps them and sends the set.
fn finish_import(importer: &Rc<RefCell<Importer>>) {
    let mut state = importer.borrow_mut();
    if !state.importing {
        return;
    }
    state.importing = false;
    state.status.phase = Phase::Saving;
    let set = target(set_shown(&state));
    drop(state);
    let site = worker::site_data_url();
    worker::send(&ToWorker::Finish { set, site });
}

fn add_problems(status: &mut ImportStatus, problems: Vec<Problem>) {
    status.problem_count += problems.len();
    let room = PROBLEMS_SHOWN.saturating_sub(status.problems.len());
    status.problems.extend(problems.into_iter().take(room));
}

/// The set an import ends on: mine, or both when both were shown.
fn target(shown: Set) -> Set {
    match shown {
        Set::Both => Set::Both,
        _ => Set::Mine,
    }
}

/// A set to show once the importer is no longer borrowed: showing renders
/// the app, which reads the importer.
type Show = Option<(Callback<(Set, Option<Rc<Corpus>>)>, Set, Option<Rc<Corpus>>)>;

fn hear(importer: &Rc<RefCell<Importer>>, message: FromWorker) {
    let show = take_message(importer, message);
    if importer.borrow().status.phase == Phase::Idle {
        worker::end_when_idle();
    }
    if let Some((show, set, corpus)) = show {
        show.emit((set, corpus));
    }
}

fn show_for(state: &Importer, set: Set, corpus: Option<Rc<Corpus>>) -> Show {
    state.shown.as_ref().map(|s| (s.show.clone(), set, corpus))
}

fn take_message(importer: &Rc<RefCell<Importer>>, message: FromWorker) -> Show {
    let mut state = importer.borrow_mut();
    let mut show = None;
    match message {
        FromWorker::Progress {
            done,
            total,
            problems,
        } => {
            if !state.importing {
                return None;
            }
            add_problems(&mut state.status, problems);
            let done = done.saturating_add(state.unread).min(total);
            state.status.phase = Phase::Reading { done, total };
            state.in_flight = state.in_flight.saturating_sub(1);
            if !state.queue.is_empty() {
                state.in_flight += 1;
                let run = state.run;
                drop(state);
                spawn_local(send_batch(importer.clone(), run));
            } else if state.in_flight == 0 {
                drop(state);
                finish_import(importer);
            }
            return None;
        }
        FromWorker::Ready {
            set,
            releases,
            files,
            problems,
        } => {
            add_problems(&mut state.status, problems);
            state.status.phase = Phase::Idle;
            state.status.outcome = Some(match Corpus::from_files(files) {
                Ok(corpus) => {
                    show = show_for(&state, set, Some(Rc::new(corpus)));
                    worker::store_set(set);
                    Outcome::Done(format!(
                        "Showing {}: {releases} release{}.",
                        set.label().to_lowercase(),
                        if releases == 1 { "" } else { "s" }
                    ))
                }
                Err(e) => Outcome::Failed(format!("The imported releases could not be shown: {e}")),
            });
        }
        FromWorker::Empty => {
            state.status.phase = Phase::Idle;
            state.status.outcome = Some(Outcome::Failed(
                "No releases are kept on this device yet: import some first.".into(),
            ));
            worker::store_set(Set::Site);
        }
        FromWorker::Cancelled => {
            state.status.phase = Phase::Idle;
            state.status.outcome =
                Some(Outcome::Done("Import cancelled: nothing was added.".into()));
        }
        FromWorker::Forgotten => {
            state.status = ImportStatus {
                outcome: Some(Outcome::Done(
                    "Your releases were removed from this device.".into(),
                )),
                ..ImportStatus::default()
            };
            worker::store_set(Set::Site);
            if set_shown(&state) != Set::Site {
                show = show_for(&state, Set::Site, None);
            }
        }
        FromWorker::Zip { name, bytes } => {
            state.status.phase = Phase::Idle;
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            state.status.outcome = Some(match download(&name, "application/zip", &array) {
                Ok(()) => {
                    Outcome::Done(format!("Saved {name} ({} kB).", bytes.len().div_ceil(1000)))
                }
                Err(_) => Outcome::Failed("This browser refused the download.".into()),
            });
        }
        // The bridge keeps this one (it releases the messages it held).
        FromWorker::Started => {}
        FromWorker::Failed { message } => {
            state.importing = false;
            state.queue.clear();
            state.status.phase = Phase::Idle;
            state.status.outcome = Some(Outcome::Failed(message));
        }
    }
    show
}

fn cancel(importer: &Rc<RefCell<Importer>>) {
    let mut state = importer.borrow_mut();
    if !matches!(state.status.phase, Phase::Reading { .. }) {
        return;
    }
    state.importing = false;
    state.queue.clear();
    state.status.phase = Phase::Busy;
    drop(state);
    worker::send(&ToWorker::Cancel);
}

fn forget(importer: &Rc<RefCell<Importer>>) {
    let mut state = importer.borrow_mut();
    if busy(&state) {
        return;
    }
    state.status.phase = Phase::Busy;
    drop(state);
    worker::send(&ToWorker::Forget);
}

fn zip(importer: &Rc<RefCell<Importer>>) {
    let mut state = importer.borrow_mut();
    if busy(&state) {
        return;
    }
    state.status.phase = Phase::Busy;
    let set = target(set_shown(&state));
    drop(state);
    let site = worker::site_data_url();
    worker::send(&ToWorker::Zip { set, site });
}

fn show_set(importer: &Rc<RefCell<Importer>>, set: Set) {
    let mut state = importer.borrow_mut();
    if busy(&state) || set == set_shown(&state) {
        return;
    }
    if set == Set::Site {
        worker::store_set(Set::Site);
        state.status.outcome = Some(Outcome::Done(format!(
            "Showing {}.",
            set.label().to_lowercase()
        )));
        let show = show_for(&state, Set::Site, None);
        drop(state);
        if let Some((show, set, corpus)) = show {
            show.emit((set, corpus));
        }
        return;
    }
    state.status.phase = Phase::Busy;
    drop(state);
    let site = worker::site_data_url();
    worker::send(&ToWorker::Open { set, site });
}
