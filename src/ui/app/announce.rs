//! Notifications for what the desk reports (a customer writes, a chat turns red or
//! breaches), as the config allows: desktop notifications, or the banner where the
//! platform has none. Told apart by `notifications::Kind`, never by their words, which
//! `notifications` builds from the catalog.

use super::{App, Message};
use crate::desk::{ChatId, RowView, Transition};
use crate::ui::effect::Effects;
use crate::ui::notifications::{self, Kind};
use iced::Task;

/// Transitions after the account is ready for this long are announced; earlier ones are
/// the initial sync catching up.
const SYNC_GRACE_SECS: i64 = 15;
/// At most this many desktop notifications per batch; the rest are summarized.
const NOTIFY_BURST: usize = 3;

/// One notification to show.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Alert {
    /// About one chat.
    Chat {
        kind: Kind,
        chat: ChatId,
        title: String,
        preview: String,
    },
    /// The chats beyond one burst of notifications.
    More { chats: usize },
}

impl Alert {
    fn new(transition: Transition, row: RowView) -> Alert {
        let kind = match transition {
            Transition::CustomerMessage { .. } => Kind::CustomerMessage,
            Transition::TurnedRed { .. } => Kind::TurnedRed,
            Transition::Breached { .. } => Kind::Breached,
            Transition::ReminderDue { .. } => Kind::Reminder,
        };
        // A reminder's notification says its note where a message's says the message.
        let preview = match kind {
            Kind::Reminder => row.reminder.map(|r| r.note).unwrap_or_default(),
            _ => row.preview,
        };
        Alert::Chat {
            kind,
            chat: row.chat,
            title: row.title,
            preview,
        }
    }

    /// The chat a click opens (`None` for the summary).
    fn chat(&self) -> Option<ChatId> {
        match self {
            Alert::Chat { chat, .. } => Some(*chat),
            Alert::More { .. } => None,
        }
    }

    /// The notification's summary and body: a new message shows what the customer wrote,
    /// the others the chat's title.
    fn text(&self) -> (String, String) {
        match self {
            Alert::Chat {
                kind: Kind::CustomerMessage,
                title,
                preview,
                ..
            } => (
                Kind::CustomerMessage.summary(),
                notifications::message_body(title, preview),
            ),
            Alert::Chat {
                kind: Kind::Reminder,
                title,
                preview,
                ..
            } => (
                Kind::Reminder.summary(),
                notifications::reminder_body(title, preview),
            ),
            Alert::Chat { kind, title, .. } => (kind.summary(), title.clone()),
            // The app's name, in every language.
            Alert::More { chats } => ("DutyDesk".into(), notifications::more_chats(*chats)),
        }
    }
}

impl App {
    /// What `transitions` tell the admin once the account has settled: the red and breach
    /// sounds and attention (`desktop.rs`), and notifications as the config allows.
    /// A reminder is said even before then: one due while the app was closed fires at the
    /// start.
    pub(super) fn announce(&mut self, transitions: &[Transition]) -> Effects<Message> {
        if transitions.is_empty() {
            return Effects::none();
        }
        let settled = self.settled();
        let sounds = if settled {
            self.alert_transitions(transitions)
        } else {
            Effects::none()
        };
        sounds.and(self.notify(transitions, settled))
    }

    /// Past the initial sync's grace.
    fn settled(&self) -> bool {
        let now = self.core.clock.now();
        self.link
            .ready_at
            .is_some_and(|t| now - t >= SYNC_GRACE_SECS)
    }

    /// Notifications for `transitions`, one per chat, as the config allows.
    fn notify(&mut self, transitions: &[Transition], settled: bool) -> Effects<Message> {
        let n = &self.shell.config.notifications;
        if !n.enabled {
            return Effects::none();
        }
        let mut alerts: Vec<Alert> = Vec::new();
        // What the admin asked to be reminded of comes first.
        let reminders = transitions
            .iter()
            .filter(|t| matches!(t, Transition::ReminderDue { .. }));
        let others = transitions
            .iter()
            .filter(|t| !matches!(t, Transition::ReminderDue { .. }));
        for &t in reminders.chain(others) {
            let chat = match t {
                // What the admin asked to be reminded of is said even during the sync:
                // a reminder due while the app was closed fires at the start.
                Transition::ReminderDue { chat } => chat,
                _ if !settled => continue,
                Transition::CustomerMessage { chat, .. }
                    if n.new_message && !self.notices.focused =>
                {
                    chat
                }
                Transition::TurnedRed { chat } if n.turned_red => chat,
                Transition::Breached { chat } if n.breach => chat,
                _ => continue,
            };
            if alerts.iter().any(|a| a.chat() == Some(chat)) {
                continue;
            }
            if let Some(row) = self.core.desk.row(chat) {
                alerts.push(Alert::new(t, row));
            }
        }
        if self.notices.in_app {
            if let Some(first) = alerts.first() {
                let (summary, body) = first.text();
                let banner = notifications::banner(&summary, &body, alerts.len() - 1);
                self.notices.banner = Some(banner);
            }
            return Effects::none();
        }
        if alerts.len() > NOTIFY_BURST {
            let more = alerts.len() - NOTIFY_BURST + 1;
            alerts.truncate(NOTIFY_BURST - 1);
            alerts.push(Alert::More { chats: more });
        }
        let tasks = alerts.into_iter().map(|alert| {
            let (summary, body) = alert.text();
            let chat = alert.chat().unwrap_or(0);
            Task::perform(notifications::show(chat, summary, body), Message::Notified)
        });
        Effects::task(Task::batch(tasks))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::{ChatKind, Desk, Event, Settings};
    use i18n::{Language, with_language};

    fn row() -> RowView {
        let mut desk = Desk::new(Settings::default());
        desk.apply(
            Event::ChatAdded {
                chat: 7,
                kind: ChatKind::Private,
                title: "Acme".into(),
            },
            0,
        );
        desk.row(7).unwrap()
    }

    #[test]
    fn a_new_message_shows_what_was_written_the_others_the_chat() {
        let mut with_preview = row();
        with_preview.preview = "Mail is down".into();
        let texts = with_language(Language::En, || {
            let new = Alert::new(
                Transition::CustomerMessage {
                    chat: 7,
                    message: 1,
                },
                with_preview,
            );
            let red = Alert::new(Transition::TurnedRed { chat: 7 }, row());
            (new.text(), red.text(), Alert::More { chats: 4 }.text())
        });
        assert_eq!(
            texts.0,
            ("New customer message".into(), "Acme: Mail is down".into())
        );
        assert_eq!(texts.1, ("Customer waiting too long".into(), "Acme".into()));
        assert_eq!(
            texts.2,
            ("DutyDesk".into(), "4 more chats need attention".into())
        );
    }
}
