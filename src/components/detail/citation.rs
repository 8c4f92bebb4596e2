use dateline_core::Release;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

#[wasm_bindgen]
extern "C" {
    /// A text field (`<textarea>`), for `select()`.
    type Selectable;
    #[wasm_bindgen(method)]
    fn select(this: &Selectable);
}

/// `Organisation/Title. Place, 17 April 2019. <URL>`; missing parts are left out.
pub fn citation_text(r: &Release, url: &str) -> String {
    let mut out = String::new();
    if let Some(org) = r
        .organisations
        .first()
        .map(|o| o.label())
        .filter(|l| !l.is_empty())
    {
        out.push_str(org);
        out.push('/');
    }
    out.push_str(r.title.trim_end_matches('.'));
    out.push_str(". ");
    let place = r.dateline.as_ref().and_then(|d| d.city.as_deref());
    let date = r.date.map(|d| d.long());
    let when: Vec<&str> = [place, date.as_deref()].into_iter().flatten().collect();
    if !when.is_empty() {
        out.push_str(&when.join(", "));
        out.push_str(". ");
    }
    out.push_str(&format!("<{url}>"));
    out
}

#[derive(Properties, PartialEq)]
pub struct CitationProps {
    pub id: AttrValue,
    pub citation: AttrValue,
}

/// The permalink and a "Copy citation" button; without a clipboard the
/// citation is shown selected in a read-only field instead.
#[function_component(Citation)]
pub fn citation(props: &CitationProps) -> Html {
    let status = use_state(String::new);
    let fallback = use_state(|| false);
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
        let text = props.citation.to_string();
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
                <Link<Route> to={Route::Release { id: props.id.to_string() }} classes="permalink">
                    { "Permalink to this release" }
                </Link<Route>>
            </p>
            <p class="citation-text">{ props.citation.clone() }</p>
            <button type="button" class="copy-citation" {onclick}>{ "Copy citation" }</button>
            <p class="copy-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            if *fallback {
                <label for="citation-field">{ "Citation" }</label>
                <textarea id="citation-field" class="citation-field" readonly=true rows="3"
                    ref={field} value={props.citation.clone()} />
            }
        </section>
    }
}
