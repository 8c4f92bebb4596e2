use yew::prelude::*;

use crate::history::{History, LocationState, Navigator};

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    /// The browser's history, or one in memory (tests, pre-rendering).
    pub history: History,
    /// The public URL's path (`/dateline`); none at the host's root.
    #[prop_or_default]
    pub basename: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// Gives its children the history with the base path (`use_navigator`) and
/// where it is (`use_location`, `use_route`), rendered again on every move
/// of the history, back and forward included. At first it puts the address
/// under the base path if it is not (as yew-router's router did).
#[function_component(Router)]
pub fn router(props: &RouterProps) -> Html {
    let navigator = Navigator::new(props.history.clone(), props.basename.as_deref());
    let location = use_reducer(|| {
        navigator.settle();
        LocationState::new(props.history.location())
    });
    {
        let moved = location.dispatcher();
        use_effect_with(props.history.clone(), move |history| {
            // Where it is once mounted, then after every move.
            moved.dispatch(history.location());
            let follow = history.clone();
            let listening = history.listen(move || moved.dispatch(follow.location()));
            move || drop(listening)
        });
    }
    html! {
        <ContextProvider<Navigator> context={navigator}>
            <ContextProvider<LocationState> context={(*location).clone()}>
                { props.children.clone() }
            </ContextProvider<LocationState>>
        </ContextProvider<Navigator>>
    }
}
