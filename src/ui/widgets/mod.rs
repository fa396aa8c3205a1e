//! Widgets and styles shared by the screens.

pub mod backdrop;
pub mod chart;
pub mod chart_heatmap;
pub mod chat_list;
mod forward;
pub mod key_nav;
pub mod one_line;
pub mod popup;
pub mod spread;
pub mod style;
pub mod tag_chips;
