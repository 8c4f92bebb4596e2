use dateline_core::cite::{reference, Style};
use dateline_core::Release;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::RouteLink;

use super::cite_files;
use crate::route::Route;

#[wasm_bindgen]
extern "C" {
    /// A text field (`<textarea>`), for `select()`.
    type Selectable;
    #[wasm_bindgen(method)]
    fn select(this: &Selectable);
}

#[derive(Properties, PartialEq)]
pub struct CitationProps {
    pub release: Release,
    /// The release's permalink, absolute.
    pub url: AttrValue,
}

/// The permalink, the reference in the style the reader picks (APA 7 first)
/// and a "Copy citation" button; without a clipboard the citation is shown
/// selected in a read-only field instead. BibTeX and RIS files below.
#[function_component(Citation)]
pub fn citation(props: &CitationProps) -> Html {
    let style = use_state(Style::default);
    let cited = reference(&props.release, *style, &props.url);
    let text = cited.text();
    let onchange = {
        let style = style.setter();
        Callback::from(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            style.set(Style::from_key(&key).unwrap_or_default());
        })
    };
    let status = use_state(String::new);
    let fallback = use_state(bool::default);
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(*fallback, move |shown| {
            if let (true, Some(el)) = (*shown, field.cast::<HtmlElement>()) {
                let _ = el.focus();
                el.unchecked_ref::<Selectable>().select();
            }
        });
    }
    let onclick = {
        let (status, fallback) = (status.setter(), fallback.setter());
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(String::new());
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            let Some(clipboard) = clipboard.filter(|c| !c.is_undefined() && !c.is_null()) else {
                fallback.set(true);
                status.set("Copying is not available here: the citation is selected below".into());
                return;
            };
            let ok = {
                let status = status.clone();
                Closure::<dyn FnMut(JsValue)>::new(move |_| status.set("Citation copied".into()))
            };
            let failed = {
                let (status, fallback) = (status.clone(), fallback.clone());
                Closure::<dyn FnMut(JsValue)>::new(move |_| {
                    fallback.set(true);
                    status.set("Could not copy: the citation is selected below".into());
                })
            };
            let _ = clipboard.write_text(&text).then2(&ok, &failed);
            ok.forget();
            failed.forget();
        })
    };
    html! {
        <section class="cite" aria-labelledby="cite-heading">
            <h2 id="cite-heading">{ "Cite this release" }</h2>
            <p>
                <RouteLink to={Route::Release { id: props.release.id.clone() }} classes="permalink">
                    { "Permalink to this release" }
                </RouteLink>
            </p>
            <p class="cite-style">
                <label for="cite-style">{ "Citation style" }</label>
                <select id="cite-style" {onchange}>
                    { for Style::ALL.into_iter().map(|s| html! {
                        <option value={s.key()} selected={s == *style}>{ s.label() }</option>
                    }) }
                </select>
            </p>
            <p class="citation-text">
                { cited.before }
                if cited.italic { <i class="cite-title">{ cited.title }</i> } else { { cited.title } }
                { cited.after }
            </p>
            <button type="button" class="copy-citation" {onclick}>{ "Copy citation" }</button>
            <p class="copy-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            if *fallback {
                <label for="citation-field">{ "Citation" }</label>
                <textarea id="citation-field" class="citation-field" readonly=true rows="3"
                    ref={field} value={text} />
            }
            { cite_files(&props.release, &props.url) }
        </section>
    }
}
