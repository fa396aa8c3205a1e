//! The window's screens: login, the console, settings.

pub mod console;
pub mod login;
pub mod settings;
