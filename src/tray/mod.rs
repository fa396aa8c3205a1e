//! The tray icon: who waits at a glance while the window is behind others or closed, and a
//! menu (open, mute sounds for 30 minutes, quit).
//!
//! What flows in: the desk's counters and the mute, as a `TrayState` the app computes
//! after every message (`TrayState::new`, a pure function tested here) and hands to the
//! tray when it changed. What flows out: `Event`s through `subscription()`: the tray is up
//! (`Ready`, with the `Link` the app sends states through), there is none here
//! (`Unavailable`, so closing the window quits), the desktop's tray went away or came back,
//! or the admin picked a menu item (`Action`).
//!
//! Linux and the BSDs: a StatusNotifierItem through D-Bus (`sni.rs`, the ksni crate: pure
//! Rust, the zbus the tree already has), on a thread of its own, so the window's event
//! loop is untouched. GNOME shows it with the AppIndicator extension. Windows and macOS
//! have no tray yet (`Unavailable`): their toolkits want the tray on the window's own
//! thread and event loop, which needs building and testing on those systems.

#[cfg(all(unix, not(target_os = "macos")))]
mod sni;

use crate::desk::Counters;
use crate::ui::icon::Badge;
use i18n::{Language, t};

/// What the tray shows: the counters, and whether sounds are muted (until when, as the
/// admin reads the time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrayState {
    pub waiting: usize,
    /// Waiting past the red threshold, breaches included.
    pub red: usize,
    pub breach: usize,
    pub alarms: usize,
    /// Sounds muted from the tray until this local time (`14:30`).
    pub muted_until: Option<String>,
    /// The language the texts are in (the window's).
    pub language: Language,
}

/// A menu item the admin picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the window (open it again if it was closed into the tray).
    Open,
    /// No sounds for 30 minutes.
    Mute,
    Unmute,
    Quit,
}

impl TrayState {
    pub fn new(counters: &Counters, muted_until: Option<String>, language: Language) -> TrayState {
        TrayState {
            waiting: counters.waiting,
            red: counters.red,
            breach: counters.breach,
            alarms: counters.alarms,
            muted_until,
            language,
        }
    }

    /// The mark on the icon: red for an alarm, a breach or a chat in red, amber while
    /// anyone waits, none when nobody does.
    pub fn badge(&self) -> Option<Badge> {
        if self.alarms > 0 || self.red > 0 {
            Some(Badge::Red)
        } else if self.waiting > 0 {
            Some(Badge::Waiting)
        } else {
            None
        }
    }

    /// An alarm or a breach: the tray asks for attention (hosts blink or highlight it).
    pub fn needs_attention(&self) -> bool {
        self.alarms > 0 || self.breach > 0
    }

    /// The tooltip, a line per count that is not zero (or that nobody waits), then the mute.
    pub fn tooltip(&self) -> Vec<String> {
        i18n::with_language(self.language, || {
            let mut lines = Vec::new();
            if self.waiting == 0 && self.alarms == 0 {
                lines.push(t!("desktop-tray-nobody"));
            }
            if self.waiting > 0 {
                lines.push(t!("desktop-tray-waiting", waiting = self.waiting));
            }
            if self.red > 0 {
                lines.push(t!("desktop-tray-red", red = self.red));
            }
            if self.breach > 0 {
                lines.push(t!("desktop-tray-breach", breach = self.breach));
            }
            if self.alarms > 0 {
                lines.push(t!("desktop-tray-alarms", alarms = self.alarms));
            }
            if let Some(time) = &self.muted_until {
                lines.push(t!("desktop-tray-muted", time = time.as_str()));
            }
            lines
        })
    }

    /// The menu: open, mute (or unmute), quit.
    pub fn menu(&self) -> Vec<(Action, String)> {
        i18n::with_language(self.language, || {
            let mute = match &self.muted_until {
                None => (Action::Mute, t!("desktop-tray-mute")),
                Some(time) => (
                    Action::Unmute,
                    t!("desktop-tray-unmute", time = time.as_str()),
                ),
            };
            vec![
                (Action::Open, t!("desktop-tray-open")),
                mute,
                (Action::Quit, t!("desktop-tray-quit")),
            ]
        })
    }
}

/// Where the app sends the tray's new states (the tray's own thread shows them).
#[derive(Clone)]
pub struct Link(std::sync::mpsc::Sender<TrayState>);

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("tray::Link")
    }
}

impl Link {
    /// A link and the end a tray reads states from (the tray's thread; tests).
    pub fn pair() -> (Link, std::sync::mpsc::Receiver<TrayState>) {
        let (tx, rx) = std::sync::mpsc::channel();
        (Link(tx), rx)
    }

    /// Shows `state`; false once the tray has stopped.
    pub fn show(&self, state: TrayState) -> bool {
        self.0.send(state).is_ok()
    }
}

/// What the tray reports to the app.
#[derive(Debug, Clone)]
pub enum Event {
    /// The tray is up; send it states through the link.
    Ready(Link),
    /// No tray here (why, for the log).
    Unavailable(String),
    /// The desktop's tray went away (a panel restarted, the extension turned off)…
    Gone,
    /// …and came back.
    Back,
    Action(Action),
}

/// The tray, for as long as the app subscribes (the window runs it; the headless harness
/// runs no subscriptions, so tests never touch the desktop's tray).
pub fn subscription() -> iced::Subscription<Event> {
    iced::Subscription::run(events)
}

fn events() -> impl iced::futures::Stream<Item = Event> {
    iced::stream::channel(16, async |mut output| {
        use iced::futures::{SinkExt, StreamExt};
        let (events, mut received) = iced::futures::channel::mpsc::unbounded();
        start(events);
        while let Some(event) = received.next().await {
            if output.send(event).await.is_err() {
                break;
            }
        }
    })
}

/// Starts the tray on a thread of its own; everything it has to say comes through
/// `events` (first `Ready` or `Unavailable`).
fn start(events: iced::futures::channel::mpsc::UnboundedSender<Event>) {
    let spawned = std::thread::Builder::new().name("tray".into()).spawn({
        let events = events.clone();
        move || run(events)
    });
    if let Err(e) = spawned {
        let _ = events.unbounded_send(Event::Unavailable(e.to_string()));
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn run(events: iced::futures::channel::mpsc::UnboundedSender<Event>) {
    sni::run(events);
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn run(events: iced::futures::channel::mpsc::UnboundedSender<Event>) {
    let _ = events.unbounded_send(Event::Unavailable("no tray on this system yet".into()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(waiting: usize, red: usize, breach: usize, alarms: usize) -> TrayState {
        let counters = Counters {
            waiting,
            red,
            breach,
            alarms,
            ..Counters::default()
        };
        TrayState::new(&counters, None, Language::En)
    }

    #[test]
    fn the_counters_decide_the_badge_and_attention() {
        assert_eq!(state(0, 0, 0, 0).badge(), None);
        assert_eq!(state(3, 0, 0, 0).badge(), Some(Badge::Waiting));
        assert_eq!(state(3, 1, 0, 0).badge(), Some(Badge::Red));
        assert_eq!(state(0, 0, 0, 1).badge(), Some(Badge::Red));
        assert!(
            !state(3, 1, 0, 0).needs_attention(),
            "red alone does not blink"
        );
        assert!(state(3, 1, 1, 0).needs_attention());
        assert!(state(0, 0, 0, 1).needs_attention());
    }

    #[test]
    fn the_tooltip_names_each_count_in_the_windows_language() {
        assert_eq!(state(0, 0, 0, 0).tooltip(), ["Nobody is waiting"]);
        assert_eq!(
            state(5, 2, 1, 1).tooltip(),
            [
                "5 customers waiting",
                "2 waited too long",
                "1 past the SLA",
                "1 alarm"
            ]
        );
        let mut ru = state(5, 2, 0, 3);
        ru.language = Language::Ru;
        ru.muted_until = Some("14:30".into());
        assert_eq!(
            ru.tooltip(),
            [
                "5 клиентов ждут",
                "2 ждут слишком долго",
                "3 тревоги",
                "Звуки выключены до 14:30"
            ]
        );
    }

    #[test]
    fn the_menu_offers_to_unmute_while_muted() {
        let mut s = state(1, 0, 0, 0);
        let actions: Vec<Action> = s.menu().into_iter().map(|(a, _)| a).collect();
        assert_eq!(actions, [Action::Open, Action::Mute, Action::Quit]);
        s.muted_until = Some("09:15".into());
        assert_eq!(
            s.menu()[1],
            (Action::Unmute, "Unmute sounds (muted until 09:15)".into())
        );
        assert_eq!(s.menu()[2].1, "Quit DutyDesk");
    }
}
