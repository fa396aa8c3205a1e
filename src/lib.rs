//! DutyDesk: a desktop Telegram client for support duty administrators.
//!
//! Data flows one way (see ARCHITECTURE.md): TDLib or the simulator behind the td_json
//! boundary -> `telegram` (receive thread, auth, translation) -> `desk` (pure domain state)
//! -> `ui` (iced) and `store` (SQLite).

/// The application's id: the freedesktop desktop entry's and icons' name, the Wayland
/// app id and X11 class of the window, the Flatpak's and the AppStream component's id,
/// the macOS bundle identifier.
pub const APP_ID: &str = "io.github.dutydesk.DutyDesk";

pub mod autostart;
pub mod cli;
pub mod config;
pub mod demo;
pub mod demo_tracker;
/// The pure duty-desk core, its own crate so the compiler keeps it free of iced, TDLib,
/// SQLite and async runtimes; re-exported so the app reads it as `crate::desk`.
pub use ::desk;
pub mod doctor;
pub mod logging;
pub mod paths;
pub mod proxy;
pub mod shutdown;
pub mod sound;
pub mod statistics;
pub mod store;
pub mod team_floor;
pub mod telegram;
pub mod tokens;
pub mod toolkit;
pub mod tray;
pub mod ui;
mod window;

/// Whether desktop notifications can be shown here, for `doctor`.
pub fn notify_status() -> String {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        match notify_rust::get_server_information() {
            Ok(info) => i18n::t!(
                "doctor-notifications-server",
                name = info.name,
                version = info.version,
                vendor = info.vendor
            ),
            Err(e) => i18n::t!("doctor-notifications-none", error = e.to_string()),
        }
    }
    #[cfg(any(not(unix), target_os = "macos"))]
    {
        i18n::t!("doctor-notifications-platform")
    }
}
