//! The window's features, each a module keeping the contract of `ui::feature`: login, the
//! console, settings, and the connection settings (proxies).

pub mod connection;
pub mod console;
pub mod login;
pub mod settings;
