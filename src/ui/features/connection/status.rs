//! The connection's state as the admin sees it: what TDLib reported (`updateConnectionState`)
//! and for how long, on the login screen and in the console's header; after
//! `HINT_AFTER_SECS` a hint of what to check, with the way to the connection settings.
//!
//! In: the state and the app time it began (`Status`, kept by the app's link), the time
//! now. Out: words and widgets, and when they next change (the window's wake-up).

use i18n::t;
use iced::widget::{button, column, row, text};
use iced::{Alignment, Element, Padding};

use crate::desk::UnixTime;
use crate::telegram::ConnectionState;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};

/// How long a state other than ready lasts before the hint shows.
pub const HINT_AFTER_SECS: i64 = 15;

/// TDLib's last reported connection state and since when (app time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub state: ConnectionState,
    pub since: UnixTime,
}

impl Status {
    /// The status after TDLib reported `state` at `now`: the same state keeps its start.
    pub fn next(previous: Option<Status>, state: ConnectionState, now: UnixTime) -> Status {
        match previous {
            Some(p) if p.state == state => p,
            _ => Status { state, since: now },
        }
    }

    pub fn ready(&self) -> bool {
        self.state == ConnectionState::Ready
    }

    /// "Connecting to Telegram · 23 s"; `None` once ready.
    pub fn line(&self, now: UnixTime) -> Option<String> {
        let lasted = lasted(now - self.since);
        let lasted = lasted.as_str();
        Some(match self.state {
            ConnectionState::Ready => return None,
            ConnectionState::WaitingForNetwork => {
                t!("connection-waiting-for-network", lasted = lasted)
            }
            ConnectionState::ConnectingToProxy => {
                t!("connection-connecting-to-proxy", lasted = lasted)
            }
            ConnectionState::Connecting => t!("connection-connecting", lasted = lasted),
            ConnectionState::Updating => t!("connection-updating", lasted = lasted),
        })
    }

    /// What to check, once the state has lasted `HINT_AFTER_SECS`. Updating is progress,
    /// not trouble: no hint.
    pub fn hint(&self, now: UnixTime) -> Option<String> {
        if now - self.since < HINT_AFTER_SECS {
            return None;
        }
        match self.state {
            ConnectionState::WaitingForNetwork => Some(t!("connection-hint-network")),
            ConnectionState::ConnectingToProxy => Some(t!("connection-hint-proxy")),
            ConnectionState::Connecting => Some(t!("connection-hint-telegram")),
            ConnectionState::Updating | ConnectionState::Ready => None,
        }
    }

    /// When the words next change (the shown duration, the hint); `None` once ready.
    pub fn next_change(&self, now: UnixTime) -> Option<UnixTime> {
        if self.ready() {
            return None;
        }
        let age = (now - self.since).max(0);
        // Seconds are shown for the first minute, then whole minutes.
        let step = if age < 60 { 1 } else { 60 - age % 60 };
        Some(now + step)
    }
}

/// "23 s", "4 min", "1 h 5 min".
fn lasted(secs: i64) -> String {
    let secs = secs.max(0);
    match secs {
        0..60 => t!("connection-lasted-seconds", seconds = secs),
        60..3600 => t!("connection-lasted-minutes", minutes = secs / 60),
        _ => t!(
            "connection-lasted-hours",
            hours = secs / 3600,
            minutes = secs % 3600 / 60
        ),
    }
}

/// The state, and after a while the hint with a "Connection settings" button that sends
/// `settings`; nothing once ready.
pub fn view<'a, M: Clone + 'a>(
    status: Option<Status>,
    now: UnixTime,
    p: Palette,
    settings: M,
) -> Option<Element<'a, M>> {
    let status = status?;
    let line = status.line(now)?;
    let mut shown = column![text(line).size(TEXT).color(p.waiting)].spacing(6);
    if let Some(hint) = status.hint(now) {
        shown = shown.push(
            row![
                text(hint)
                    .size(SMALL)
                    .color(p.muted)
                    .width(iced::Length::Fill),
                settings_button(p, settings),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
    }
    Some(shown.into())
}

/// "Connection settings", in the style of a secondary action.
pub fn settings_button<'a, M: Clone + 'a>(p: Palette, settings: M) -> Element<'a, M> {
    button(text(t!("connection-settings")).size(SMALL))
        .padding(Padding::from([4, 10]))
        .style(style::outline(p))
        .on_press(settings)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use i18n::{Language, with_language};

    #[test]
    fn the_line_counts_seconds_then_minutes_and_the_hint_comes_after_a_while() {
        with_language(Language::En, || {
            let s = Status::next(None, ConnectionState::WaitingForNetwork, 1000);
            assert_eq!(s.line(1000).unwrap(), "Waiting for network · 0 s");
            assert_eq!(s.hint(1014), None);
            assert!(s.hint(1015).unwrap().contains("offline"));
            assert_eq!(s.line(1000 + 125).unwrap(), "Waiting for network · 2 min");
            assert_eq!(
                s.line(1000 + 3725).unwrap(),
                "Waiting for network · 1 h 2 min"
            );
            // The same state again keeps its start; another starts anew.
            assert_eq!(Status::next(Some(s), s.state, 1200), s);
            let c = Status::next(Some(s), ConnectionState::Connecting, 1200);
            assert_eq!(c.since, 1200);
            assert!(c.hint(1215).unwrap().contains("proxy"));
            let u = Status::next(Some(c), ConnectionState::Updating, 1300);
            assert_eq!(u.hint(1400), None, "updating is progress");
            let r = Status::next(Some(u), ConnectionState::Ready, 1400);
            assert_eq!(r.line(1500), None);
        });
    }

    #[test]
    fn it_wakes_each_second_then_each_minute() {
        let s = Status::next(None, ConnectionState::Connecting, 1000);
        assert_eq!(s.next_change(1010), Some(1011));
        assert_eq!(s.next_change(1090), Some(1120));
        let r = Status::next(Some(s), ConnectionState::Ready, 1100);
        assert_eq!(r.next_change(1100), None);
    }
}
