//! The team feature's Telegram requests, as data (tests read them before they run) and how
//! each is performed on the session (`telegram::duty`).

use crate::desk::{ChatId, MessageId, TeamMessage, UnixTime};
use crate::telegram::duty::DutyHistory;
use crate::telegram::{Session, TgError};
use crate::ui::effect::{Effects, telegram};

use super::Message;

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// A team action's message (readable text and machine line) into the duty group.
    Post {
        group: ChatId,
        text: String,
    },
    /// Team settings: the message in force edited in place when this account sent it
    /// (`edit`), else a new message (pinned once the server confirms it).
    Publish {
        group: ChatId,
        text: String,
        edit: Option<MessageId>,
    },
    Pin {
        group: ChatId,
        message: MessageId,
    },
    /// The pinned team messages, then the history after the checkpoint (`after`; without
    /// one, back to `since`).
    CatchUp {
        group: ChatId,
        after: Option<MessageId>,
        since: UnixTime,
    },
    /// The pinned team messages again (a pin changed in the group).
    ReadPins {
        group: ChatId,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Posted(Result<MessageId, TgError>),
    /// `Ok(Some(temporary id))`: sent anew, to be pinned once confirmed; `Ok(None)`: edited
    /// in place.
    Published {
        group: ChatId,
        result: Result<Option<MessageId>, TgError>,
    },
    Pinned(Result<(), TgError>),
    CaughtUp {
        group: ChatId,
        pins: Result<Vec<TeamMessage>, TgError>,
        history: Result<DutyHistory, TgError>,
    },
    Pins {
        group: ChatId,
        result: Result<Vec<TeamMessage>, TgError>,
    },
}

impl telegram::Request for Request {
    type Reply = Reply;

    async fn perform(self, session: Session) -> Reply {
        match self {
            Request::Post { group, text } => {
                Reply::Posted(session.post_team_message(group, text).await)
            }
            Request::Publish { group, text, edit } => {
                // Telegram lets only the sender edit a message: a document another
                // administrator pinned is replaced by a new one.
                if let Some(message) = edit
                    && session
                        .edit_team_message(group, message, text.clone())
                        .await
                        .is_ok()
                {
                    return Reply::Published {
                        group,
                        result: Ok(None),
                    };
                }
                let result = session.post_team_message(group, text).await.map(Some);
                Reply::Published { group, result }
            }
            Request::Pin { group, message } => {
                Reply::Pinned(session.pin_team_message(group, message).await)
            }
            Request::CatchUp {
                group,
                after,
                since,
            } => {
                let pins = session.duty_pins(group).await;
                let history = session.duty_history(group, after, since).await;
                Reply::CaughtUp {
                    group,
                    pins,
                    history,
                }
            }
            Request::ReadPins { group } => Reply::Pins {
                group,
                result: session.duty_pins(group).await,
            },
        }
    }
}

pub fn ask(request: Request) -> Effects<Message> {
    Effects::telegram(request, Message::Replied)
}
