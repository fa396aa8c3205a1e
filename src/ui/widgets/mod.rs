//! Widgets and styles shared by the screens.

pub mod chat_list;
pub mod style;
