//! When the window wakes by itself. Nothing on screen changes with time alone except the
//! waiting times (whole minutes) and the desk's red and breach levels, so the app sleeps
//! until the first of: the desk's next deadline (`Desk::next_deadline`, which also drives
//! notifications for chats off screen) and the next minute a waiting time on screen
//! turns over. With nobody waiting it never wakes.
//!
//! Deadlines are kept to the second. Label turnovers are rounded up to the next multiple
//! of `LABEL_GRAIN_SECS`: every wake redraws the whole window in software, and with many
//! waits on screen, each turning over at its own second, exact label wakes came up to once
//! a second (0.6 % of a core idle on a 5,000-chat floor). A minute label may lag by up to
//! the grain; a chat turning red never does.
//!
//! The timer is one subscription keyed by the instant it sleeps until. iced restarts a
//! subscription whose identity changes, so the key must change only when the wake time
//! does: between wakes every update recomputes the same instant (an absolute time, not
//! "in n seconds"), and the running timer is kept. Each wake moves the time on, so the
//! next timer replaces the one that just fired.

use crate::desk::{Desk, UnixTime};
use crate::ui::format;
use iced::Subscription;
use iced::futures::{Stream, stream};
use std::time::Instant;

/// Label-only wakes happen at multiples of this many seconds of app time (see above).
pub const LABEL_GRAIN_SECS: UnixTime = 10;

/// The app time at which the window must next wake, given `now` and the dates the waiting
/// times on screen count from; `None` when nothing would change.
pub fn next_wake(
    desk: &Desk,
    shown_waits: impl IntoIterator<Item = UnixTime>,
    now: UnixTime,
) -> Option<UnixTime> {
    let labels = shown_waits
        .into_iter()
        .map(|since| now + format::waiting_changes_in(now - since))
        .min()
        // Rounded up to the grain.
        .map(|t| t + (-t).rem_euclid(LABEL_GRAIN_SECS));
    desk.next_deadline().into_iter().chain(labels).min()
}

/// A timer that sleeps until `at` and then reports once.
pub fn at(at: Instant) -> Subscription<()> {
    Subscription::run_with(at, sleep)
}

fn sleep(at: &Instant) -> impl Stream<Item = ()> + use<> {
    let at = *at;
    stream::once(async move { tokio::time::sleep_until(at.into()).await })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::{ChatKind, Event, Message, Sender, Settings};
    use iced::futures::StreamExt;

    const T0: i64 = 1_000_000;

    fn desk_with_wait(since: i64) -> Desk {
        let mut desk = Desk::new(Settings::default());
        desk.apply(
            Event::ChatAdded {
                chat: 1,
                kind: ChatKind::Private,
                title: "Customer".into(),
            },
            since,
        );
        desk.apply(
            Event::MessageArrived(Message {
                chat: 1,
                id: 1,
                sender: Sender::User(99),
                date: since,
                outgoing: false,
                preview: "help".into(),
                content: crate::desk::ContentKind::Text,
            }),
            since,
        );
        desk
    }

    #[test]
    fn nothing_waiting_never_wakes() {
        let desk = Desk::new(Settings::default());
        assert_eq!(next_wake(&desk, [], T0), None);
    }

    #[test]
    fn off_screen_only_the_deadline_counts() {
        let desk = desk_with_wait(T0);
        let red = T0 + desk.settings().red_after_secs;
        assert_eq!(next_wake(&desk, [], T0 + 30), Some(red));
    }

    #[test]
    fn on_screen_the_next_minute_of_the_label_comes_first() {
        let desk = desk_with_wait(T0);
        assert_eq!(next_wake(&desk, [T0], T0 + 30), Some(T0 + 60));
        assert_eq!(next_wake(&desk, [T0], T0 + 60), Some(T0 + 120));
        // Another wait on screen with a different phase: whichever turns over first,
        // rounded up to the grain.
        assert_eq!(next_wake(&desk, [T0, T0 - 15], T0 + 30), Some(T0 + 50));
    }

    #[test]
    fn label_wakes_are_coalesced_but_deadlines_are_exact() {
        // Sixty waits on screen, one turning over at every second: one wake per grain, not
        // sixty a minute.
        let desk = desk_with_wait(T0);
        let shown: Vec<UnixTime> = (0..60).map(|s| T0 - s).collect();
        let mut now = T0 + 1;
        let mut wakes = 0;
        while now < T0 + 60 {
            now = next_wake(&desk, shown.iter().copied(), now).unwrap();
            assert_eq!(now % LABEL_GRAIN_SECS, 0, "{now}");
            wakes += 1;
        }
        assert_eq!(wakes as i64, 60 / LABEL_GRAIN_SECS);
        // A deadline between grains is still met to the second.
        let settings = Settings {
            red_after_secs: 9 * 60 + 33,
            ..Settings::default()
        };
        let mut desk = desk_with_wait(T0);
        desk.set_settings(settings);
        // Before it, the label's minute (on the grain); then the deadline, off the grain.
        assert_eq!(next_wake(&desk, [T0], T0 + 8 * 60 + 20), Some(T0 + 9 * 60));
        assert_eq!(
            next_wake(&desk, [T0], T0 + 9 * 60 + 1),
            Some(T0 + 9 * 60 + 33)
        );
    }

    #[test]
    fn the_timer_sleeps_until_its_instant_and_ticks_once() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let start = Instant::now();
        let due = start + std::time::Duration::from_millis(30);
        let ticks: Vec<()> = rt.block_on(sleep(&due).collect());
        assert_eq!(ticks.len(), 1);
        assert!(start.elapsed() >= std::time::Duration::from_millis(30));
    }
}
