use yew::prelude::*;

use super::import_panel::UseImportProp;
use super::{set_switch, ImportPanel, SetSwitchProps};
use crate::app::ShellContext;
use crate::hooks::{use_import, Phase};

/// The header's import controls: which releases are shown, and a button that
/// opens the import panel. Absent where no set can be switched (tests).
#[function_component(ImportControls)]
pub fn import_controls() -> Html {
    let shown = use_context::<ShellContext>().and_then(|c| c.shown);
    let import = use_import();
    let open = use_state(bool::default);
    let Some(shown) = shown else {
        return html! {};
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let busy = import.status.phase != Phase::Idle;
    html! {
        <>
            <div class="import-controls">
                { set_switch(&SetSwitchProps { value: shown.set, on_change: import.show.clone(), disabled: busy }) }
                <button type="button" class="import-toggle" aria-expanded={open.to_string()}
                    aria-controls="import-panel" onclick={toggle}>
                    { "Import releases" }
                </button>
            </div>
            if *open {
                <ImportPanel import={UseImportProp(import)} />
            }
        </>
    }
}
