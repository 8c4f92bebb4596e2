//! Dateline's import worker: releases picked or dropped on the page are read,
//! extracted and packed here, off the main thread, by the same core as the
//! CLI (`dateline_core::ingest::memory`, `pack::pack_files`), and "my
//! releases" are kept on the device (IndexedDB, `store`).
//!
//! Each message is one buffer of `dateline_core::import` (`ToWorker` in,
//! `FromWorker` out, the reply's `ArrayBuffer` transferred). Messages are
//! handled one at a time, in order, even across the awaits of storage and
//! fetches. Replies:
//! - `Begin`: none (the first `Files` follows); `Files`: `Progress` with the
//!   problems of that batch's files (one bad file never stops the others);
//! - `Finish`: `Ready` for the set asked, and `Failed` after it when my
//!   releases could not be kept (the releases are still shown);
//! - `Open`: `Ready`, or `Empty` when no releases are kept (`Mine`, `Both`);
//! - `Cancel`: `Cancelled`; `Forget`: `Forgotten`; `Zip`: `Zip`;
//! - anything that goes wrong: `Failed` with a sentence, never a panic.

mod archive;
mod site;
mod store;

use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};

use dateline_core::import::{self, FromWorker, Problem, Set, ToWorker};
use dateline_core::ingest::memory::{self, Import};
use dateline_core::ingest::{Diagnostic, Severity};
use dateline_core::pack;
use dateline_core::Release;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The import under way.
struct Pending {
    import: Import,
    total: u32,
    /// The problems already sent with `Progress`, so that `Ready` adds only new ones.
    reported: HashSet<String>,
}

thread_local! {
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    /// Messages not handled yet, and whether a handler is running.
    static QUEUE: RefCell<(VecDeque<Vec<u8>>, bool)> = const { RefCell::new((VecDeque::new(), false)) };
}

/// What the worker sends: a message, or one already encoded (my releases as stored).
enum Reply {
    Message(FromWorker),
    Encoded(Vec<u8>),
}

impl From<FromWorker> for Reply {
    fn from(m: FromWorker) -> Reply {
        Reply::Message(m)
    }
}

fn failed(message: impl Into<String>) -> Reply {
    Reply::Message(FromWorker::Failed {
        message: message.into(),
    })
}

fn main() {
    // With panic = "abort" a panic would end the worker silently: say so first.
    std::panic::set_hook(Box::new(|info| {
        post(&Reply::Message(FromWorker::Failed {
            message: format!("The import worker stopped: {info}"),
        }));
    }));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let bytes = Uint8Array::new(&event.data()).to_vec();
        let start = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            q.0.push_back(bytes);
            !std::mem::replace(&mut q.1, true)
        });
        if start {
            wasm_bindgen_futures::spawn_local(drain());
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that came before the handler was set are lost: the app waits for this.
    post(&Reply::Message(FromWorker::Started));
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Handles queued messages in order until none is left.
async fn drain() {
    loop {
        let next = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            let next = q.0.pop_front();
            if next.is_none() {
                q.1 = false;
            }
            next
        });
        let Some(bytes) = next else { return };
        for reply in handle(&bytes).await {
            post(&reply);
        }
    }
}

/// Posts a reply as a `Uint8Array`, its buffer transferred (not copied).
fn post(reply: &Reply) {
    let bytes = match reply {
        Reply::Message(m) => Uint8Array::from(m.encode().as_slice()),
        Reply::Encoded(b) => Uint8Array::from(b.as_slice()),
    };
    let transfer = Array::of1(&bytes.buffer());
    let _ = scope().post_message_with_transfer(&bytes, &transfer);
}

async fn handle(bytes: &[u8]) -> Vec<Reply> {
    let message = match ToWorker::decode(bytes) {
        Ok(m) => m,
        Err(e) => {
            return vec![failed(format!(
                "The import worker got a message it cannot read: {e}."
            ))]
        }
    };
    match message {
        ToWorker::Begin { total } => {
            PENDING.with(|p| *p.borrow_mut() = Some(pending(total)));
            Vec::new()
        }
        ToWorker::Files(files) => vec![add_files(files).into()],
        ToWorker::Cancel => {
            PENDING.with(|p| p.borrow_mut().take());
            vec![FromWorker::Cancelled.into()]
        }
        ToWorker::Finish { set, site } => finish(set, &site).await,
        ToWorker::Open { set, site } => vec![open(set, &site).await],
        ToWorker::Forget => {
            PENDING.with(|p| p.borrow_mut().take());
            match store::save(None).await {
                Ok(()) => vec![FromWorker::Forgotten.into()],
                Err(e) => vec![failed(e.0)],
            }
        }
        ToWorker::Zip { set, site } => vec![zip(set, &site).await],
    }
}

fn pending(total: u32) -> Pending {
    Pending {
        import: Import::default(),
        total,
        reported: HashSet::new(),
    }
}

/// Reads one batch of files (an import starts if `Begin` was not sent).
fn add_files(files: Vec<dateline_core::import::ImportFile>) -> FromWorker {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let n = count(files.len());
        let pending = p.get_or_insert_with(|| pending(n));
        let mut problems = Vec::new();
        for file in files {
            for d in pending.import.add(file) {
                let problem = problem(&d);
                pending.reported.insert(problem.text.clone());
                problems.push(problem);
            }
        }
        let done = count(pending.import.len());
        pending.total = pending.total.max(done);
        FromWorker::Progress {
            done,
            total: pending.total,
            problems,
        }
    })
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A problem as the CLI prints it.
fn problem(d: &Diagnostic) -> Problem {
    Problem {
        error: d.severity == Severity::Error,
        text: d.to_string(),
    }
}

/// This import added to my releases (a file of the same source replaces the
/// one kept), kept on the device, and the set asked for.
async fn finish(set: Set, site: &str) -> Vec<Reply> {
    let Pending {
        import, reported, ..
    } = PENDING
        .with(|p| p.borrow_mut().take())
        .unwrap_or_else(|| pending(0));
    let mut later = Vec::new();
    // Kept releases that cannot be read must not be written over.
    let (kept, can_keep) = match mine().await {
        Ok(kept) => (kept.unwrap_or_default(), true),
        Err(message) => {
            later.push(failed(message));
            (Vec::new(), false)
        }
    };
    let corpus = import.finish(kept);
    let mut problems: Vec<Problem> = corpus
        .diagnostics
        .iter()
        .map(problem)
        .filter(|p| !reported.contains(&p.text))
        .collect();
    let mine = corpus.releases;
    let ready_mine = ready(Set::Mine, mine.clone(), Vec::new());
    if can_keep {
        if let Err(e) = store::save(Some(&ready_mine.encode())).await {
            later.push(failed(e.0));
        }
    }
    let reply = match set {
        Set::Mine => match ready_mine {
            FromWorker::Ready {
                set,
                releases,
                files,
                ..
            } => Ok(FromWorker::Ready {
                set,
                releases,
                files,
                problems,
            }),
            other => Ok(other),
        },
        Set::Both | Set::Site => {
            drop(ready_mine);
            match releases_of(set, site, mine).await {
                Ok((releases, mut more)) => {
                    problems.append(&mut more);
                    Ok(ready(set, releases, problems))
                }
                Err(message) => Err(message),
            }
        }
    };
    let mut replies = vec![match reply {
        Ok(ready) => ready.into(),
        Err(message) => failed(message),
    }];
    replies.append(&mut later);
    replies
}

/// The data files of `set`: my releases as stored, or packed afresh.
async fn open(set: Set, site: &str) -> Reply {
    if set == Set::Mine {
        return match store::load().await {
            Ok(Some(stored)) if !import::kept_as_json(&stored) => Reply::Encoded(stored),
            Ok(Some(stored)) => match import::kept_releases(&stored) {
                Ok(mine) => repack(mine).await,
                Err(why) => failed(unreadable(why)),
            },
            Ok(None) => FromWorker::Empty.into(),
            Err(e) => failed(e.0),
        };
    }
    let mine = match mine().await {
        Ok(Some(mine)) => mine,
        Ok(None) if set == Set::Both => return FromWorker::Empty.into(),
        Ok(None) => Vec::new(),
        Err(message) => return failed(message),
    };
    let made = match releases_of(set, site, mine).await {
        Ok((releases, problems)) => Ok(ready(set, releases, problems)),
        Err(message) => Err(message),
    };
    made.map_or_else(failed, Reply::from)
}

/// My releases as an older worker kept them, packed again in today's format
/// and kept so (nothing is lost on an upgrade).
async fn repack(mine: Vec<Release>) -> Reply {
    let bytes = ready(Set::Mine, mine, Vec::new()).encode();
    match store::save(Some(&bytes)).await {
        Ok(()) => Reply::Encoded(bytes),
        Err(e) => failed(e.0),
    }
}

/// The zip of what `dateline pack` writes for `set`.
async fn zip(set: Set, site: &str) -> Reply {
    let mine = match mine().await {
        Ok(Some(mine)) => mine,
        Ok(None) if set != Set::Site => {
            return failed("No releases are kept on this device: import some first.")
        }
        Ok(None) => Vec::new(),
        Err(message) => return failed(message),
    };
    let releases = match releases_of(set, site, mine).await {
        Ok((releases, _)) => releases,
        Err(message) => return failed(message),
    };
    match archive::zip(pack::site_files(releases, Some(archive::FEED_BASE))) {
        Ok(bytes) => FromWorker::Zip {
            name: format!("dateline-{}.zip", zip_name(set)),
            bytes,
        }
        .into(),
        Err(message) => failed(message),
    }
}

fn zip_name(set: Set) -> &'static str {
    match set {
        Set::Site => "site-releases",
        Set::Mine => "my-releases",
        Set::Both => "all-releases",
    }
}

/// The releases of `set` given mine, and the problems of merging them (ids
/// renamed in "both", by the CLI's id rule: this site's ids stay).
async fn releases_of(
    set: Set,
    site: &str,
    mine: Vec<Release>,
) -> Result<(Vec<Release>, Vec<Problem>), String> {
    match set {
        Set::Mine => Ok((mine, Vec::new())),
        Set::Site => Ok((site::records(site).await?, Vec::new())),
        Set::Both => {
            let merged = memory::merge(site::records(site).await?, mine);
            let problems = merged.diagnostics.iter().map(problem).collect();
            Ok((merged.releases, problems))
        }
    }
}

/// `Ready` for `set`: the data folder's files, as `dateline pack` writes them.
fn ready(set: Set, releases: Vec<Release>, problems: Vec<Problem>) -> FromWorker {
    FromWorker::Ready {
        set,
        releases: count(releases.len()),
        files: pack::pack_files(releases),
        problems,
    }
}

/// My releases kept on the device (their full records), or None. Releases
/// stored by another version of the worker that cannot be read are an
/// error, not lost silently.
async fn mine() -> Result<Option<Vec<Release>>, String> {
    let Some(stored) = store::load().await.map_err(|e| e.0)? else {
        return Ok(None);
    };
    import::kept_releases(&stored).map(Some).map_err(unreadable)
}

fn unreadable(why: String) -> String {
    format!("The releases kept on this device could not be read ({why}): forget them and import them again.")
}
