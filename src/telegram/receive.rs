//! What the receive thread does with each string td_receive hands it, before any of it
//! is parsed: most of a storm is updates the desk never reads (unread totals, typing,
//! users' online status...), and parsing them into tdlib-rs types was most of the
//! thread's time. So the update's "@type" is peeked at first (TDLib writes it first);
//! an update `translate` does not read is dropped unparsed, one it reads is parsed
//! straight into its tdlib-rs type (no `serde_json::Value` in between, as
//! `tdlib_rs::receive` has), and anything that is not an update (replies to requests,
//! carrying "@extra") goes back to tdlib-rs, which completes the request's future.

use serde::Deserialize;
use tdlib_rs::enums::Update;
use tdlib_rs::types;

use super::translate;

/// One string from td_receive, sorted.
#[derive(Debug)]
pub enum Received {
    /// An update `translate` reads, for this client.
    Update { client_id: i32, update: Box<Update> },
    /// An update `translate` ignores: not parsed.
    Skipped,
    /// Not an update (a request's reply): for tdlib-rs, which hands it to the request.
    Other,
    /// Not what TDLib sends: why.
    Unreadable(String),
}

/// Sorts one string from td_receive, parsing only what the desk reads.
pub fn read(text: &str) -> Received {
    let head;
    let kind = match peek_kind(text) {
        Some(kind) => kind,
        None => match serde_json::from_str::<Head<'_>>(text) {
            Ok(h) => {
                head = h;
                &*head.kind
            }
            Err(e) => return Received::Unreadable(e.to_string()),
        },
    };
    if !is_update(kind) {
        return Received::Other;
    }
    if !translate::reads(kind) {
        return Received::Skipped;
    }
    let Some(client_id) = client_id(text) else {
        return Received::Unreadable(format!("{kind} without @client_id"));
    };
    match parse(kind, text) {
        Ok(update) => Received::Update {
            client_id,
            update: Box::new(update),
        },
        Err(e) => Received::Unreadable(format!("{kind}: {e}")),
    }
}

/// The fields every object from td_receive may carry, the rest skipped unread.
#[derive(Deserialize)]
struct Head<'a> {
    #[serde(rename = "@type", borrow)]
    kind: std::borrow::Cow<'a, str>,
    #[serde(rename = "@client_id", default)]
    client_id: Option<i32>,
}

/// The "@type" when it opens the object, as TDLib (and the simulator) write it.
fn peek_kind(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(r#"{"@type":""#)?;
    let end = rest.find('"')?;
    Some(&rest[..end])
}

/// Whether `kind` names an update (`updateNewMessage`, not the reply type `updates`).
fn is_update(kind: &str) -> bool {
    kind.strip_prefix("update")
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_ascii_uppercase())
}

/// The "@client_id" TDLib appends last; read from the tail, or from the whole object.
fn client_id(text: &str) -> Option<i32> {
    const KEY: &str = r#""@client_id":"#;
    let tail = text.trim_end().strip_suffix('}')?;
    if let Some(at) = tail.rfind(KEY)
        && let Ok(id) = tail[at + KEY.len()..].trim().parse()
    {
        return Some(id);
    }
    serde_json::from_str::<Head<'_>>(text).ok()?.client_id
}

/// The update, straight into its type: the storm's kinds without the enum's detour
/// through serde's buffered content, the others through `Update`.
fn parse(kind: &str, text: &str) -> serde_json::Result<Update> {
    use serde_json::from_str;
    Ok(match kind {
        "updateNewMessage" => Update::NewMessage(from_str::<types::UpdateNewMessage>(text)?),
        "updateChatLastMessage" => {
            Update::ChatLastMessage(from_str::<types::UpdateChatLastMessage>(text)?)
        }
        "updateChatReadInbox" => {
            Update::ChatReadInbox(from_str::<types::UpdateChatReadInbox>(text)?)
        }
        "updateChatPosition" => Update::ChatPosition(from_str::<types::UpdateChatPosition>(text)?),
        _ => from_str::<Update>(text)?,
    })
}

#[cfg(test)]
#[path = "receive_tests.rs"]
mod tests;
