use dateline_core::import::Problem;
use yew::prelude::*;

use crate::hooks::{ImportStatus, Outcome, Phase};

/// (`Properties`: the component tests render the view alone, in a component.)
#[derive(Properties, PartialEq)]
pub struct ImportStatusViewProps {
    pub status: ImportStatus,
    pub on_cancel: Callback<()>,
}

/// Progress (a bar and a live sentence), Cancel, the outcome, and each
/// file's problems in the CLI's `path:line: error: …` form. A plain
/// function, not a component (one fewer in the wasm): the import panel
/// renders it.
pub fn import_status_view(props: &ImportStatusViewProps) -> Html {
    let status = &props.status;
    let sentence = match status.phase {
        Phase::Reading { done, total } => format!("Reading files: {done} of {total}…"),
        Phase::Saving => "Keeping the releases on this device…".to_string(),
        Phase::Busy => "Working…".to_string(),
        Phase::Idle => match &status.outcome {
            Some(Outcome::Done(text)) => text.clone(),
            _ => String::new(),
        },
    };
    let progress = match status.phase {
        Phase::Reading { done, total } => {
            let cancel = props.on_cancel.reform(|_: MouseEvent| ());
            html! {
                <div class="import-progress">
                    <progress max={total.max(1).to_string()} value={done.to_string()}
                        aria-label="Files read"></progress>
                    <button type="button" class="export-button" onclick={cancel}>{ "Cancel import" }</button>
                </div>
            }
        }
        _ => html! {},
    };
    let failure = match (&status.phase, &status.outcome) {
        (Phase::Idle, Some(Outcome::Failed(text))) => {
            html! { <p class="import-failed" role="alert">{ text.clone() }</p> }
        }
        _ => html! {},
    };
    html! {
        <>
            { progress }
            <p class="import-status" role="status">{ sentence }</p>
            { failure }
            { problems(&ProblemsProps { problems: status.problems.clone(), count: status.problem_count }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ProblemsProps {
    problems: Vec<Problem>,
    count: usize,
}

fn problems(props: &ProblemsProps) -> Html {
    if props.count == 0 {
        return html! {};
    }
    let errors = props.problems.iter().filter(|p| p.error).count();
    let summary = match props.count {
        1 => "1 problem".to_string(),
        n if n > props.problems.len() => {
            format!("{n} problems (the first {} listed)", props.problems.len())
        }
        n => format!("{n} problems"),
    };
    html! {
        <details class="import-problems" open={errors > 0}>
            <summary>{ summary }</summary>
            <ul>
                { for props.problems.iter().map(|p| html! {
                    <li class={if p.error { "problem-error" } else { "problem-warning" }}>
                        <code>{ p.text.clone() }</code>
                    </li>
                }) }
            </ul>
        </details>
    }
}
