//! What the chat view's clicks and actions mean, read against the open chat's history: the
//! console owns the history and hands it here (`resolve`), so the tasks feature gets the
//! messages themselves (author, date, text), not ids it could not read.

use super::{Message, Pick, Tasks};
use crate::desk::{Desk, MessageId, Role, Sender};
use crate::ui::features::console::history::{History, Line, SendState};
use crate::ui::widgets::chat_list::media_label;

/// A message quoted in a task, as the chat view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picked {
    pub id: MessageId,
    pub author: String,
    /// The message's own date.
    pub date: i64,
    pub text: String,
}

/// The message a `Pick` stands for, with the open chat's history; `None` when it names
/// nothing (no chat open, nothing selected, no message yet).
pub fn resolve(
    tasks: &Tasks,
    pick: Pick,
    history: Option<&History>,
    desk: &Desk,
    own_name: &str,
) -> Option<Message> {
    let history = history?;
    let chat = history.chat;
    let ids = match pick {
        Pick::Click(id) => {
            let shown = delivered(history)
                .map(|l| l.id.unwrap_or_default())
                .collect();
            return Some(Message::Clicked { chat, id, shown });
        }
        Pick::Message(id) => vec![id],
        Pick::Selection => tasks.selection.ids(chat),
        Pick::Shortcut => match tasks.selection.ids(chat) {
            ids if !ids.is_empty() => ids,
            _ => {
                let customer = |l: &&Line| desk.role_of(l.sender, l.outgoing) == Role::Customer;
                let last = delivered(history)
                    .filter(customer)
                    .last()
                    .or_else(|| delivered(history).last())?;
                vec![last.id?]
            }
        },
    };
    let picked = picked(history, &ids, desk, own_name);
    (!picked.is_empty()).then_some(Message::Start { chat, picked })
}

/// The messages the server has (a send still pending has no link and may yet fail).
fn delivered(history: &History) -> impl Iterator<Item = &Line> {
    history
        .lines
        .iter()
        .filter(|l| l.id.is_some() && l.state == SendState::Delivered)
}

/// `ids` as quoted messages, oldest first; ids not in the history are left out.
pub fn picked(history: &History, ids: &[MessageId], desk: &Desk, own_name: &str) -> Vec<Picked> {
    let mut lines: Vec<&Line> = delivered(history)
        .filter(|l| l.id.is_some_and(|id| ids.contains(&id)))
        .collect();
    lines.sort_by_key(|l| l.id);
    lines
        .into_iter()
        .map(|l| Picked {
            id: l.id.unwrap_or_default(),
            author: author(l, desk, own_name),
            date: l.date,
            text: text(l),
        })
        .collect()
}

fn author(line: &Line, desk: &Desk, own_name: &str) -> String {
    match line.sender {
        _ if line.outgoing => own_name.to_string(),
        Sender::User(u) => desk
            .user_name(u)
            .map_or_else(|| u.to_string(), |n| n.into_owned()),
        Sender::Chat(c) => desk.row(c).map_or_else(|| c.to_string(), |r| r.title),
    }
}

/// The message's text; a photo or file is named in brackets before its caption.
fn text(line: &Line) -> String {
    match media_label(line.content) {
        Some(label) if line.text.is_empty() => format!("[{label}]"),
        Some(label) => format!("[{label}] {}", line.text),
        None => line.text.clone(),
    }
}
