//! Desktop notifications through notify-rust, on a worker thread: D-Bus can block or be
//! missing entirely, and neither may stall or crash the window. When the platform has no
//! notification service the caller shows an in-app banner instead.

use crate::desk::ChatId;
use iced::futures::channel::oneshot;

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
    let (tx, rx) = oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("notification".into())
        .spawn(move || {
            let _ = tx.send(show_blocking(chat, &summary, &body));
        });
    if let Err(e) = spawned {
        return Outcome::Unavailable {
            text: String::new(),
            error: e.to_string(),
        };
    }
    rx.await.unwrap_or(Outcome::Shown)
}

fn show_blocking(chat: ChatId, summary: &str, body: &str) -> Outcome {
    let mut note = notify_rust::Notification::new();
    note.appname("DutyDesk").summary(summary).body(body);
    #[cfg(all(unix, not(target_os = "macos")))]
    note.action("default", "Open chat");
    let text = if body.is_empty() {
        summary.to_string()
    } else {
        format!("{summary}: {body}")
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
