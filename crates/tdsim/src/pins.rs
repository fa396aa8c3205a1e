//! Pinned messages, as TDLib 1.8.61 has them: pinChatMessage, unpinChatMessage,
//! unpinAllChatMessages (owner and administrators in groups; anyone in a private chat) and
//! getChatPinnedMessage (the newest pinned message, 404 without one). There is no
//! updateChatPinnedMessage in 1.8.61: clients hear updateMessageIsPinned, the messagePinMessage
//! service message, and find pins with getChatPinnedMessage or searchMessagesFilterPinned.

use crate::json::W;
use crate::req::{Fail, Request, bad};
use crate::requests::chat_of;
use crate::world::World;

pub fn pin_chat_message(world: &mut World, s: usize, r: &Request) -> Result<(), Fail> {
    let idx = chat_of(world, s, r)?;
    let id = r.int("message_id")?;
    r.bool("disable_notification")?;
    r.bool("only_for_self")?;
    let actor = world.viewer(s);
    world.pin(idx, id, actor).map_err(bad)
}

pub fn unpin_chat_message(world: &mut World, s: usize, r: &Request) -> Result<(), Fail> {
    let idx = chat_of(world, s, r)?;
    let id = r.int("message_id")?;
    let actor = world.viewer(s);
    world.unpin(idx, Some(id), actor).map_err(bad)
}

pub fn unpin_all_chat_messages(world: &mut World, s: usize, r: &Request) -> Result<(), Fail> {
    let idx = chat_of(world, s, r)?;
    let actor = world.viewer(s);
    world.unpin(idx, None, actor).map_err(bad)
}

pub fn get_chat_pinned_message(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, s, r)?;
    let id = world.chats[idx]
        .newest_pinned()
        .map(|m| m.id)
        .ok_or((404, "Not Found".to_string()))?;
    world.ensure_chat(s, idx);
    world.announce_refs(s, idx, id);
    let mut w = W::new();
    if let Some(m) = world.chats[idx].message(id) {
        world.write_message(&mut w, s, idx, m);
    }
    w.reopen();
    Ok(w)
}
