//! The iced window: login, the duty console and settings, over the desk core.
//!
//! Data flows one way: Telegram events (a subscription) go into the desk; the views read
//! the desk; user actions change the desk's local marks or become effects typed by
//! backend (`effect`: Telegram requests, store writes, HTTP calls, blocking work), which
//! the window runs as tasks. Every feature (`features/`) keeps one contract (`feature`);
//! `app` routes between them.

pub mod app;
pub mod clock;
pub mod effect;
pub mod feature;
pub mod features;
#[cfg(feature = "test-support")]
pub mod fixture;
pub mod fonts;
pub mod format;
pub mod frame_trace;
#[cfg(feature = "test-support")]
pub mod harness;
pub mod icon;
pub mod keys;
pub mod notifications;
pub mod repaint;
pub mod report;
pub mod start;
pub mod theme;
pub mod timer;
pub mod widgets;

pub use app::{App, Message, Screen};

use crate::config::Config;
use crate::paths::Paths;

/// What the command line hands the window.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The simulated floor (the backend must already be the simulator).
    pub demo: bool,
    pub config: Config,
    pub paths: Paths,
}

/// The window's initial size: room for ~30 one-line rows beside the open chat.
pub const WINDOW_SIZE: iced::Size = iced::Size::new(1280.0, 820.0);

/// The window: its size, icon and, on Linux, the app id docks match it to the desktop
/// entry by. Closing it is the app's decision (into the tray, or quit), not iced's.
pub fn window_settings() -> iced::window::Settings {
    iced::window::Settings {
        size: WINDOW_SIZE,
        // Below this the two panes and the header no longer fit side by side.
        min_size: Some(iced::Size::new(900.0, 480.0)),
        icon: icon::window_icon(),
        exit_on_close_request: false,
        #[cfg(target_os = "linux")]
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: crate::APP_ID.into(),
            ..Default::default()
        },
        ..iced::window::Settings::default()
    }
}

/// Runs the app until it quits: an iced daemon, so the window may close into the tray
/// while DutyDesk keeps watching (`App::boot` opens the window).
pub fn run(opts: RunOptions) -> Result<(), Box<dyn std::error::Error>> {
    fonts::install();
    frame_trace::start_from_env();
    iced::daemon(move || App::boot(opts.clone()), App::update, view)
        .title(title)
        .theme(theme)
        .style(style)
        .subscription(App::subscription)
        .scale_factor(scale)
        .default_font(fonts::TEXT)
        .run()?;
    Ok(())
}

// One window: the daemon's per-window functions ask the app.
fn view(app: &App, _: iced::window::Id) -> iced::Element<'_, Message> {
    app.view()
}

fn title(app: &App, _: iced::window::Id) -> String {
    app.title()
}

fn theme(app: &App, _: iced::window::Id) -> iced::Theme {
    app.iced_theme()
}

fn style(app: &App, theme: &iced::Theme) -> iced::theme::Style {
    app.window_style(theme)
}

fn scale(app: &App, _: iced::window::Id) -> f32 {
    app.scale()
}
