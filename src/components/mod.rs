//! Reusable parts of pages.
//!
//! A part with no hooks whose parent re-renders it anyway is a plain
//! function returning `Html` (`sort_select(&SortSelectProps { .. })`), not
//! a component: each component type costs about 370 B brotli of runner,
//! props comparison and scope (BENCHMARKS.md, "App code size: twiggy pass
//! on the app's wasm").
//!
//! A flag's state starts from `bool::default` (`use_state(bool::default)`),
//! not a closure of its own: yew's state hooks are generic over the
//! function that makes the first value, so each `|| false` was another copy
//! of the hook in the wasm.

mod active_filters;
mod add_series;
mod chart_table;
mod compare_lines;
mod compare_panel;
pub mod detail;
mod entity_chart;
mod events_lane;
mod export_buttons;
mod facet_group;
mod highlighted;
mod histogram;
mod import_controls;
mod import_panel;
mod import_status;
mod layout;
mod pieces_notice;
mod release_card;
mod result_list;
mod route_link;
mod router;
mod scale_toggle;
mod search_box;
mod series_legend;
mod set_switch;
mod sort_select;
mod zoom_controls;

pub use active_filters::{active_filters, facet_title, ActiveFiltersProps};
pub use add_series::AddSeries;
pub use chart_table::{ChartTable, TableData};
pub use compare_lines::{compare_lines, CompareLinesProps};
pub use compare_panel::{compare_panel, ComparePanelProps};
pub use entity_chart::EntityChart;
pub use events_lane::EventsLane;
pub use export_buttons::{download, ExportButtons};
pub use facet_group::FacetGroup;
pub use highlighted::{highlighted, HighlightedProps};
pub use histogram::Histogram;
pub use import_controls::ImportControls;
pub use import_panel::ImportPanel;
pub use import_status::{import_status_view, ImportStatusViewProps};
pub use layout::{layout, LayoutProps};
pub use pieces_notice::{pieces_notice, PiecesNoticeProps};
pub use release_card::{facet_link, ReleaseCard};
pub use result_list::{Hits, ResultList};
pub use route_link::RouteLink;
pub use router::Router;
pub use scale_toggle::{scale_toggle, ScaleToggleProps};
pub use search_box::{keep_typed_before_start, SearchBox};
pub use series_legend::{series_legend, SeriesLegendProps};
pub use set_switch::{set_switch, SetSwitchProps};
pub use sort_select::{sort_select, SortSelectProps};
pub use zoom_controls::{zoom_controls, ZoomControlsProps};
