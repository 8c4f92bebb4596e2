use web_sys::{DragEvent, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::{import_status_view, ImportStatusViewProps};
use crate::hooks::{Phase, UseImport};
use crate::picked::{dropped_entries, from_input, walk};

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub import: UseImportProp,
}

/// [`UseImport`] as a prop: its callbacks compare by identity, its status by value.
#[derive(Clone)]
pub struct UseImportProp(pub UseImport);

impl PartialEq for UseImportProp {
    fn eq(&self, other: &Self) -> bool {
        self.0.status == other.0.status
    }
}

/// File and folder pickers, a drop zone, progress, and what to do with the
/// releases kept on this device.
#[function_component(ImportPanel)]
pub fn import_panel(props: &ImportPanelProps) -> Html {
    let import = &props.import.0;
    let over = use_state(bool::default);
    let idle = import.status.phase == Phase::Idle;
    let on_pick = import.import.reform(|e: Event| {
        let input = e.target_unchecked_into::<HtmlInputElement>();
        let files = from_input(&input);
        // Picking the same files again must fire `change` again.
        input.set_value("");
        files
    });
    let ondragover = {
        let over = over.setter();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.setter();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (over, start) = (over.setter(), import.import.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            let entries = e
                .data_transfer()
                .map(|t| dropped_entries(&t))
                .unwrap_or_default();
            let start = start.clone();
            spawn_local(async move { start.emit(walk(entries).await) });
        })
    };
    let act = |callback: &Callback<()>| callback.reform(|_: MouseEvent| ());
    html! {
        <section id="import-panel" class="import-panel" aria-labelledby="import-title">
            <h2 id="import-title">{ "Import releases" }</h2>
            <p class="import-intro">
                { "Explore your own press releases: .txt, .md and .json files, or whole folders. \
                   They are read in this browser and kept on this device only; nothing is sent anywhere." }
            </p>
            <div class="import-pickers">
                <label class="picker">
                    { "Choose files" }
                    <input type="file" class="visually-hidden" multiple=true
                        accept=".txt,.md,.markdown,.json" disabled={!idle} onchange={on_pick.clone()} />
                </label>
                <label class="picker">
                    { "Choose a folder" }
                    <input type="file" class="visually-hidden" webkitdirectory=true multiple=true
                        disabled={!idle} onchange={on_pick} />
                </label>
            </div>
            <div class={classes!("drop-zone", over.then_some("over"))}
                {ondragover} {ondragleave} {ondrop}>
                { "…or drop files and folders here." }
            </div>
            { import_status_view(&ImportStatusViewProps { status: import.status.clone(), on_cancel: import.cancel.clone() }) }
            <div class="import-actions">
                <button type="button" class="export-button" disabled={!idle} onclick={act(&import.download)}>
                    { "Download as a site" }
                </button>
                <button type="button" class="export-button" disabled={!idle} onclick={act(&import.forget)}>
                    { "Forget my releases" }
                </button>
            </div>
        </section>
    }
}
