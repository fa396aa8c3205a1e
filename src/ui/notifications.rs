//! Desktop notifications through notify-rust, on a worker thread: D-Bus can block or be
//! missing entirely, and neither may stall or crash the window. When the platform has no
//! notification service the caller shows an in-app banner instead.
//!
//! The words of both come from here (`notifications.ftl`): a notification's `Kind` gives
//! its summary, and the body, the "more chats" line and the banner are whole sentences
//! with the titles and counts as arguments.

use crate::desk::ChatId;
use i18n::t;
use iced::futures::channel::oneshot;

/// What a notification is about. Notifications are told apart by this, not by their text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    CustomerMessage,
    TurnedRed,
    Breached,
    /// A reminder the admin set fired.
    Reminder,
}

impl Kind {
    /// The notification's summary line.
    pub fn summary(self) -> String {
        match self {
            Kind::CustomerMessage => t!("notifications-customer-message"),
            Kind::TurnedRed => t!("notifications-turned-red"),
            Kind::Breached => t!("notifications-breached"),
            Kind::Reminder => t!("notifications-reminder"),
        }
    }
}

/// The body of a reminder's notification: the chat, and the note if there is one.
pub fn reminder_body(chat_title: &str, note: &str) -> String {
    if note.is_empty() {
        chat_title.to_owned()
    } else {
        t!(
            "notifications-reminder-body",
            chat_title = chat_title,
            note = note
        )
    }
}

/// The body of a new customer message's notification: the chat and the message.
pub fn message_body(chat_title: &str, preview: &str) -> String {
    t!(
        "notifications-message-body",
        chat_title = chat_title,
        preview = preview
    )
}

/// The last notification of a burst, standing for `count` more chats.
pub fn more_chats(count: usize) -> String {
    t!("notifications-more-chats", count = count)
}

/// The in-window banner when there is no notification service: the first notification,
/// and how many more there were.
pub fn banner(summary: &str, body: &str, more: usize) -> String {
    match more {
        0 => t!("notifications-banner", summary = summary, body = body),
        more => t!(
            "notifications-banner-more",
            summary = summary,
            body = body,
            more = more
        ),
    }
}

/// What became of one notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Shown; nothing else happened (or the platform cannot report clicks).
    Shown,
    /// The admin clicked it: open this chat.
    Clicked(ChatId),
    /// No notification service: show the text in the window instead.
    Unavailable { text: String, error: String },
}

/// Shows a notification and resolves when it is shown, clicked or failed.
pub async fn show(chat: ChatId, summary: String, body: String) -> Outcome {
    show_with(chat, summary, body, false).await
}

/// A team alarm's notification: urgent (its sound is DutyDesk's own, `crate::sound`).
pub async fn show_alarm(chat: ChatId, summary: String, body: String) -> Outcome {
    show_with(chat, summary, body, true).await
}

async fn show_with(chat: ChatId, summary: String, body: String, urgent: bool) -> Outcome {
    let (tx, rx) = oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("notification".into())
        .spawn(move || {
            let _ = tx.send(show_blocking(chat, &summary, &body, urgent));
        });
    if let Err(e) = spawned {
        return Outcome::Unavailable {
            text: String::new(),
            error: e.to_string(),
        };
    }
    rx.await.unwrap_or(Outcome::Shown)
}

fn show_blocking(chat: ChatId, summary: &str, body: &str, urgent: bool) -> Outcome {
    let mut note = notify_rust::Notification::new();
    note.appname("DutyDesk").summary(summary).body(body);
    #[cfg(all(unix, not(target_os = "macos")))]
    if urgent {
        note.urgency(notify_rust::Urgency::Critical);
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    let _ = urgent;
    #[cfg(all(unix, not(target_os = "macos")))]
    note.action("default", &t!("notifications-open-chat"));
    let text = if body.is_empty() {
        summary.to_string()
    } else {
        banner(summary, body, 0)
    };
    match note.show() {
        #[cfg(all(unix, not(target_os = "macos")))]
        Ok(handle) => {
            // Only freedesktop servers report which action was invoked.
            let mut clicked = false;
            handle.wait_for_action(|action| clicked = action == "default");
            if clicked {
                Outcome::Clicked(chat)
            } else {
                Outcome::Shown
            }
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        Ok(_) => Outcome::Shown,
        Err(e) => Outcome::Unavailable {
            text,
            error: e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use i18n::{Language, with_language};

    #[test]
    fn texts_in_english_and_russian() {
        let en = with_language(Language::En, || {
            (
                Kind::CustomerMessage.summary(),
                message_body("Acme", "hi"),
                more_chats(3),
                banner("SLA breached", "Acme", 2),
            )
        });
        assert_eq!(en.0, "New customer message");
        assert_eq!(en.1, "Acme: hi");
        assert_eq!(en.2, "3 more chats need attention");
        assert_eq!(en.3, "SLA breached: Acme (and 2 more)");
        let ru = with_language(Language::Ru, || {
            (
                Kind::Breached.summary(),
                more_chats(1),
                banner("Нарушен SLA", "Acme", 0),
            )
        });
        assert_eq!(ru.0, "Нарушен SLA");
        assert_eq!(ru.1, "Ещё 1 чат ждёт внимания");
        assert_eq!(ru.2, "Нарушен SLA: Acme");
        let de = with_language(Language::De, || {
            (Kind::Breached.summary(), more_chats(1), more_chats(4))
        });
        assert_eq!(de.0, "SLA verletzt");
        assert_eq!(de.1, "1 weiterer Chat braucht Aufmerksamkeit");
        assert_eq!(de.2, "4 weitere Chats brauchen Aufmerksamkeit");
        let pl = with_language(Language::Pl, || {
            (
                Kind::CustomerMessage.summary(),
                more_chats(3),
                more_chats(5),
            )
        });
        assert_eq!(pl.0, "Nowa wiadomość od klienta");
        assert_eq!(pl.1, "Jeszcze 3 czaty wymagają uwagi");
        assert_eq!(pl.2, "Jeszcze 5 czatów wymaga uwagi");
    }
}
