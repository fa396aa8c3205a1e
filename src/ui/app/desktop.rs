//! The desktop around the window: the tray (its state after every message, its menu), the
//! window closed into the tray and opened again, the alert sounds, and asking for the
//! user's attention (taskbar flash, urgency hint) on an alarm or a breach.
//!
//! What flows in: the desk's counters, the transitions and team alarms the app announces,
//! the tray's events, the window's close requests, `[notifications]` (sounds) and
//! `[desktop]` (tray, close to tray). What flows out: tray states through its link, sounds
//! to the `Player`, and window tasks (open, close, focus, attention, exit).

use super::{App, Message};
use crate::autostart;
use crate::desk::Transition;
use crate::sound::{self, Player, Sound};
use crate::tray::{self, TrayState};
use crate::ui::effect::Effects;
use iced::window;

/// How long "Mute sounds" in the tray's menu lasts.
pub const MUTE_SECS: i64 = 30 * 60;

/// What the app keeps of the desktop.
pub(super) struct DesktopPart {
    /// The window while it is open; `None` once closed into the tray (and in the headless
    /// harness, which has no window).
    pub window: Option<window::Id>,
    /// The tray's link, while it runs.
    tray: Option<tray::Link>,
    /// A tray host is there to show it: only then may closing the window keep DutyDesk
    /// running (else there would be no way back to it).
    tray_shown: bool,
    /// The state last handed to the tray.
    shown: Option<TrayState>,
    /// Sounds are muted until this time (Telegram's clock), from the tray's menu.
    muted_until: Option<i64>,
    player: Player,
    /// Times the window asked for attention, for tests.
    attention: usize,
    /// This system's way to start at login, for Settings.
    pub autostart: Result<autostart::Method, autostart::Unavailable>,
    /// DutyDesk asked iced to end (Quit, or the window closed without a tray).
    quitting: bool,
}

impl DesktopPart {
    pub fn new() -> DesktopPart {
        DesktopPart {
            window: None,
            tray: None,
            tray_shown: false,
            shown: None,
            muted_until: None,
            player: Player::device(),
            attention: 0,
            autostart: autostart::method(),
            quitting: false,
        }
    }
}

impl App {
    /// What the tray shows now.
    pub fn tray_state(&self) -> TrayState {
        let now = self.core.clock.now();
        let muted = self
            .desktop
            .muted_until
            .filter(|&until| until > now)
            .map(local_time);
        TrayState::new(&self.core.desk.counters(), muted, self.shell.language)
    }

    /// Times the window asked for the user's attention (an alarm, a breach).
    pub fn attention_requests(&self) -> usize {
        self.desktop.attention
    }

    /// Where sounds go (the headless harness records them).
    pub fn player(&self) -> &Player {
        &self.desktop.player
    }

    /// The window is open (not closed into the tray).
    pub fn window_open(&self) -> bool {
        self.desktop.window.is_some()
    }

    /// DutyDesk asked to end: Quit from the tray, or the window closed with no tray to
    /// keep running in.
    pub fn quitting(&self) -> bool {
        self.desktop.quitting
    }

    /// Sounds muted from the tray: until when (Telegram's clock).
    pub fn muted_until(&self) -> Option<i64> {
        let now = self.core.clock.now();
        self.desktop.muted_until.filter(|&until| until > now)
    }

    /// After every message: the tray gets the state if it changed.
    pub(super) fn desktop_after(&mut self) {
        let Some(link) = &self.desktop.tray else {
            return;
        };
        let state = self.tray_state();
        if self.desktop.shown.as_ref() != Some(&state) {
            if link.show(state.clone()) {
                self.desktop.shown = Some(state);
            } else {
                self.desktop.tray = None;
                self.desktop.tray_shown = false;
            }
        }
    }

    /// The tray's events.
    pub(super) fn on_tray(&mut self, event: tray::Event) -> Effects<Message> {
        match event {
            tray::Event::Ready(link) => {
                self.desktop.tray = Some(link);
                self.desktop.tray_shown = true;
                self.desktop.shown = None;
                Effects::none()
            }
            tray::Event::Unavailable(why) => {
                tracing::info!("no tray: {why}");
                self.desktop.tray = None;
                self.desktop.tray_shown = false;
                Effects::none()
            }
            tray::Event::Gone => {
                self.desktop.tray_shown = false;
                // Closed into a tray that is no more: the window is the only way back.
                match self.desktop.window {
                    None => self.show_window(),
                    Some(_) => Effects::none(),
                }
            }
            tray::Event::Back => {
                self.desktop.tray_shown = true;
                self.desktop.shown = None;
                Effects::none()
            }
            tray::Event::Action(action) => self.on_tray_action(action),
        }
    }

    fn on_tray_action(&mut self, action: tray::Action) -> Effects<Message> {
        match action {
            tray::Action::Open => self.show_window(),
            tray::Action::Mute => {
                self.desktop.muted_until = Some(self.core.clock.now() + MUTE_SECS);
                Effects::none()
            }
            tray::Action::Unmute => {
                self.desktop.muted_until = None;
                Effects::none()
            }
            tray::Action::Quit => self.quit(),
        }
    }

    /// The window to the front, opened again if it was closed into the tray.
    fn show_window(&mut self) -> Effects<Message> {
        match self.desktop.window {
            Some(id) => Effects::task(iced::Task::batch([
                window::minimize(id, false),
                window::gain_focus(id),
            ])),
            None => {
                let (id, opened) = window::open(crate::ui::window_settings());
                self.desktop.window = Some(id);
                Effects::task(opened.map(Message::WindowOpened))
            }
        }
    }

    /// The window asks to close: into the tray when the admin chose that and a tray is
    /// there to come back from; else DutyDesk quits.
    pub(super) fn close_requested(&mut self, id: window::Id) -> Effects<Message> {
        if self.shell.config.desktop.close_to_tray && self.desktop.tray_shown {
            self.desktop.window = None;
            Effects::task(window::close(id))
        } else {
            self.quit()
        }
    }

    fn quit(&mut self) -> Effects<Message> {
        self.desktop.quitting = true;
        Effects::task(iced::exit())
    }

    pub(super) fn window_opened(&mut self, id: window::Id) -> Effects<Message> {
        self.desktop.window = Some(id);
        Effects::task(window::gain_focus(id))
    }

    /// The tray setting changed in Settings: off drops the link (its thread removes the
    /// item; the subscription ends too).
    pub(super) fn desktop_settings_saved(&mut self) {
        if !self.shell.config.desktop.tray {
            self.desktop.tray = None;
            self.desktop.tray_shown = false;
            self.desktop.shown = None;
        }
    }

    /// When a mute ends (the tray's text changes then), for the wake-up timer.
    pub(super) fn desktop_wake(&self) -> Option<i64> {
        self.muted_until()
    }

    /// Desk transitions the admin should hear or see: the red and breach sounds, and a
    /// breach asks for attention.
    pub(super) fn alert_transitions(&mut self, transitions: &[Transition]) -> Effects<Message> {
        let mut sounds = Vec::new();
        let mut breached = false;
        for t in transitions {
            match t {
                Transition::TurnedRed { .. } => sounds.push(Sound::Red),
                Transition::Breached { .. } => {
                    sounds.push(Sound::Breach);
                    breached = true;
                }
                // A reminder is a notification, not an alarm sound.
                Transition::CustomerMessage { .. } | Transition::ReminderDue { .. } => {}
            }
        }
        self.alert(&sounds, breached)
    }

    /// Plays the most urgent of `sounds` the settings allow, and asks for attention.
    pub(super) fn alert(&mut self, sounds: &[Sound], attention: bool) -> Effects<Message> {
        let now = self.core.clock.now();
        let policy = sound::Policy::new(&self.shell.config.notifications);
        let muted = self.muted_until().is_some();
        if let Some((sound, amplitude)) = policy.pick(sounds, sound::local_minute(now), muted) {
            self.desktop.player.play(sound, amplitude);
        }
        if !attention {
            return Effects::none();
        }
        self.desktop.attention += 1;
        match self.desktop.window {
            Some(id) => Effects::task(window::request_user_attention(
                id,
                Some(window::UserAttention::Critical),
            )),
            // Closed into the tray: the tray's own status asks for attention.
            None => Effects::none(),
        }
    }
}

/// A time as the admin reads it: local `HH:MM`.
fn local_time(unix: i64) -> String {
    use chrono::TimeZone;
    chrono::Local
        .timestamp_opt(unix, 0)
        .single()
        .map_or_else(String::new, |t| t.format("%H:%M").to_string())
}

/// What tests set up by hand.
#[cfg(feature = "test-support")]
impl App {
    /// Sounds go to `player` (the harness records them instead of playing).
    pub fn set_player(&mut self, player: Player) {
        self.desktop.player = player;
    }

    /// Starting at login writes its entry here instead of the system's place.
    pub fn set_autostart(&mut self, method: autostart::Method) {
        self.desktop.autostart = Ok(method);
    }

    /// As on a system (a Flatpak) with no way to start at login.
    pub fn no_autostart(&mut self, why: autostart::Unavailable) {
        self.desktop.autostart = Err(why);
    }

    /// Where the config lives (the harness puts the test's login entry beside it).
    pub fn config_dir(&self) -> &std::path::Path {
        &self.shell.paths.config_dir
    }
}
