//! The window's features, each a module keeping the contract of `ui::feature`: login, the
//! console, settings, the connection settings (proxies), statistics, tasks (inside the
//! console's chat view), and the team.

pub mod connection;
pub mod console;
pub mod login;
pub mod settings;
pub mod statistics;
pub mod tasks;
pub mod team;
pub mod toolkit;
