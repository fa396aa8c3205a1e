//! The task form's one Telegram request: each quoted message's `t.me` link, where Telegram
//! has one (supergroups and channels). A message without one is quoted without a link.

use crate::desk::{ChatId, MessageId};
use crate::telegram::Session;
use crate::ui::effect::telegram;

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Links {
        chat: ChatId,
        messages: Vec<MessageId>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// Each message's link, in the order asked; `None` where Telegram has none.
    Links {
        chat: ChatId,
        links: Vec<(MessageId, Option<String>)>,
    },
}

impl telegram::Request for Request {
    type Reply = Reply;

    async fn perform(self, session: Session) -> Reply {
        let Request::Links { chat, messages } = self;
        let mut links = Vec::with_capacity(messages.len());
        for id in messages {
            // A private chat or a basic group has no message links: an error, not a fault.
            links.push((id, session.message_link(chat, id).await.ok()));
        }
        Reply::Links { chat, links }
    }
}
