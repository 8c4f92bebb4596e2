use yew::prelude::*;

use crate::components::RouteLink;

use super::ImportControls;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    #[prop_or_default]
    pub children: Html,
    /// Shown at the top of the main landmark on every page (a data notice).
    #[prop_or_default]
    pub notice: Html,
}

/// Skip link, banner, main landmark and footer around every page.
pub fn layout(props: &LayoutProps) -> Html {
    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            <header class="site-header">
                <RouteLink to={Route::Home} classes="brand">{ "Dateline" }</RouteLink>
                <span class="tagline">{ "Press release explorer" }</span>
                <ImportControls />
            </header>
            <main id="main" tabindex="-1">{ props.notice.clone() }{ props.children.clone() }</main>
            <footer class="site-footer">
                <p>{ "Built with Dateline. All data comes with this site or from your own device; nothing you do is sent anywhere." }</p>
            </footer>
        </>
    }
}
