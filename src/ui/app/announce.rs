//! Notifications for what the desk reports (a customer writes, a chat turns red or
//! breaches), as the config allows: desktop notifications, or the banner where the
//! platform has none. Told apart by `Alert`, whose words are built in one place
//! (`Alert::text`).

use super::{App, Message};
use crate::desk::{ChatId, RowView, Transition};
use crate::ui::effect::Effects;
use crate::ui::notifications;
use iced::Task;

/// Transitions after the account is ready for this long are announced; earlier ones are
/// the initial sync catching up.
const SYNC_GRACE_SECS: i64 = 15;
/// At most this many desktop notifications per batch; the rest are summarized.
const NOTIFY_BURST: usize = 3;

/// What one notification is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alert {
    /// A customer wrote while the window was in the background.
    NewMessage {
        chat: ChatId,
        title: String,
        preview: String,
    },
    TurnedRed {
        chat: ChatId,
        title: String,
    },
    Breached {
        chat: ChatId,
        title: String,
    },
    /// The chats beyond one burst of notifications.
    More {
        chats: usize,
    },
}

impl Alert {
    fn new(transition: Transition, row: RowView) -> Alert {
        let RowView {
            chat,
            title,
            preview,
            ..
        } = row;
        match transition {
            Transition::CustomerMessage { .. } => Alert::NewMessage {
                chat,
                title,
                preview,
            },
            Transition::TurnedRed { .. } => Alert::TurnedRed { chat, title },
            Transition::Breached { .. } => Alert::Breached { chat, title },
        }
    }

    /// The chat a click opens (`None` for the summary).
    fn chat(&self) -> Option<ChatId> {
        match self {
            Alert::NewMessage { chat, .. }
            | Alert::TurnedRed { chat, .. }
            | Alert::Breached { chat, .. } => Some(*chat),
            Alert::More { .. } => None,
        }
    }

    /// The notification's summary and body.
    pub fn text(&self) -> (String, String) {
        match self {
            Alert::NewMessage { title, preview, .. } => {
                ("New customer message".into(), format!("{title}: {preview}"))
            }
            Alert::TurnedRed { title, .. } => ("Customer waiting too long".into(), title.clone()),
            Alert::Breached { title, .. } => ("SLA breached".into(), title.clone()),
            Alert::More { chats } => (
                "DutyDesk".into(),
                format!("{chats} more chats need attention"),
            ),
        }
    }
}

impl App {
    /// Notifications for `transitions`, one per chat, as the config allows.
    pub(super) fn announce(&mut self, transitions: &[Transition]) -> Effects<Message> {
        let n = &self.shell.config.notifications;
        let now = self.core.clock.now();
        let settled = self
            .link
            .ready_at
            .is_some_and(|t| now - t >= SYNC_GRACE_SECS);
        if !n.enabled || !settled || transitions.is_empty() {
            return Effects::none();
        }
        let mut alerts: Vec<Alert> = Vec::new();
        for &t in transitions {
            let chat = match t {
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
                let more = match alerts.len() - 1 {
                    0 => String::new(),
                    n => format!(" (and {n} more)"),
                };
                self.notices.banner = Some(format!("{summary}: {body}{more}"));
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
