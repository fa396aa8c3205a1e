//! The duty group through TDLib: who is in it and with what standing, its team messages
//! since a checkpoint, its pinned team messages, and posting, editing and pinning the
//! messages the team layer builds (`desk::team::protocol`). In: a duty group's chat id and,
//! for catching up, the checkpoint's last message. Out: desk types only (`MemberStatus`,
//! `TeamMessage`), read through `translate::duty_member` and `translate::team_message`, so
//! nothing above this module sees TDLib's members or messages.

use tdlib_rs::enums::{
    self, ChatType, InputMessageContent, SearchMessagesFilter, SupergroupMembersFilter,
};
use tdlib_rs::{functions, types};

use super::events::TgError;
use super::session::Session;
use super::translate;
use crate::desk::{ChatId, MemberStatus, MessageId, TeamMessage, UnixTime, UserId};

/// Members asked for per page (TDLib's limit for `getSupergroupMembers`).
const MEMBERS_PAGE: i32 = 200;
/// Messages asked for per page of the duty group's history.
const HISTORY_PAGE: i32 = 100;
/// At most this many duty-group messages are read back in one catch-up: a year of a busy
/// team is ~400,000, far past what a client offline for a weekend missed. Older state comes
/// from the stored checkpoint.
pub const HISTORY_MAX: usize = 20_000;
/// Without a checkpoint, history is read back this far (the open alarms and assignments of
/// the last month; a team settings message older than this is read as the pinned one).
pub const HORIZON_SECS: i64 = 30 * 24 * 3600;
/// Pinned messages looked at for team settings (the pinned one Telegram shows first may be
/// another message).
const PINS_MAX: i32 = 20;

/// The duty group's team messages read back, with whether the read reached what it was
/// asked for (false: it stopped at `HISTORY_MAX`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyHistory {
    /// Oldest first, as the group wrote them.
    pub messages: Vec<TeamMessage>,
    pub complete: bool,
}

impl Session {
    /// The duty group's members with their standing (owner, administrator, member): every
    /// page of `getSupergroupMembers` (the recent members, then the administrators, whom a
    /// big group's recent list may leave out), or `getBasicGroupFullInfo`'s list.
    pub async fn duty_members(&self, chat: ChatId) -> Result<Vec<(UserId, MemberStatus)>, TgError> {
        let enums::Chat::Chat(found) = functions::get_chat(chat, self.client_id()).await?;
        let mut members = match found.r#type {
            ChatType::Supergroup(s) if !s.is_channel => {
                let mut all = self
                    .supergroup_members(s.supergroup_id, SupergroupMembersFilter::Recent)
                    .await?;
                let admins = self
                    .supergroup_members(s.supergroup_id, SupergroupMembersFilter::Administrators)
                    .await?;
                all.extend(admins);
                all
            }
            ChatType::BasicGroup(g) => {
                let enums::BasicGroupFullInfo::BasicGroupFullInfo(info) =
                    functions::get_basic_group_full_info(g.basic_group_id, self.client_id())
                        .await?;
                info.members
                    .iter()
                    .filter_map(translate::duty_member)
                    .collect()
            }
            _ => {
                return Err(TgError::local(format!(
                    "chat {chat} is not a group: a duty group must be a group or supergroup"
                )));
            }
        };
        // One entry per person: the administrators' page repeats some recent members.
        members.sort_by_key(|m| m.0);
        members.dedup_by_key(|m| m.0);
        Ok(members)
    }

    async fn supergroup_members(
        &self,
        supergroup: i64,
        filter: SupergroupMembersFilter,
    ) -> Result<Vec<(UserId, MemberStatus)>, TgError> {
        let mut out = Vec::new();
        let mut offset = 0;
        loop {
            let enums::ChatMembers::ChatMembers(page) = functions::get_supergroup_members(
                supergroup,
                Some(filter.clone()),
                offset,
                MEMBERS_PAGE,
                self.client_id(),
            )
            .await?;
            let got = page.members.len() as i32;
            out.extend(page.members.iter().filter_map(translate::duty_member));
            offset += got;
            if got == 0 || offset >= page.total_count {
                return Ok(out);
            }
        }
    }

    /// The duty group's team messages after `after` (the checkpoint's last message; `None`:
    /// no checkpoint, so back to `since`), oldest first. Reads `getChatHistory` from the
    /// newest message back, so a message edited since it was sent comes with its new text.
    pub async fn duty_history(
        &self,
        chat: ChatId,
        after: Option<MessageId>,
        since: UnixTime,
    ) -> Result<DutyHistory, TgError> {
        let mut messages = Vec::new();
        let mut from = 0;
        let mut read = 0usize;
        let complete = 'pages: loop {
            let enums::Messages::Messages(page) =
                functions::get_chat_history(chat, from, 0, HISTORY_PAGE, false, self.client_id())
                    .await?;
            let page: Vec<types::Message> = page.messages.into_iter().flatten().collect();
            let Some(oldest) = page.last().map(|m| m.id).filter(|&id| id != from) else {
                break true;
            };
            for m in page.iter().filter(|m| m.id != from) {
                if after.is_some_and(|a| m.id <= a)
                    || (after.is_none() && i64::from(m.date) < since)
                {
                    break 'pages true;
                }
                read += 1;
                if read > HISTORY_MAX {
                    break 'pages false;
                }
                messages.extend(translate::team_message(m));
            }
            from = oldest;
        };
        messages.reverse();
        Ok(DutyHistory { messages, complete })
    }

    /// The group's pinned team messages (the team settings among them): the one
    /// `getChatPinnedMessage` names, and the other pins `searchChatMessages` finds.
    pub async fn duty_pins(&self, chat: ChatId) -> Result<Vec<TeamMessage>, TgError> {
        let mut out = Vec::new();
        match functions::get_chat_pinned_message(chat, self.client_id()).await {
            Ok(enums::Message::Message(m)) => out.extend(translate::team_message(&m)),
            // No pinned message at all.
            Err(e) if e.code == 404 => return Ok(out),
            Err(e) => return Err(e.into()),
        }
        let enums::FoundChatMessages::FoundChatMessages(found) = functions::search_chat_messages(
            chat,
            None,
            String::new(),
            None,
            0,
            0,
            PINS_MAX,
            Some(SearchMessagesFilter::Pinned),
            self.client_id(),
        )
        .await?;
        for m in &found.messages {
            if out.iter().all(|t| t.id != m.id) {
                out.extend(translate::team_message(m));
            }
        }
        out.sort_by_key(|m| m.id);
        Ok(out)
    }

    /// Posts a team action's message (built by `desk::team::protocol::build`) without a
    /// link preview; returns its temporary id. It counts, here as on every other client,
    /// once the server confirms it.
    pub async fn post_team_message(
        &self,
        chat: ChatId,
        text: String,
    ) -> Result<MessageId, TgError> {
        self.send_text(chat, text, None, false).await
    }

    /// Replaces the text of a message this account sent (the team settings it published).
    pub async fn edit_team_message(
        &self,
        chat: ChatId,
        message: MessageId,
        text: String,
    ) -> Result<(), TgError> {
        let content = InputMessageContent::InputMessageText(types::InputMessageText {
            text: types::FormattedText {
                text,
                entities: vec![],
            },
            link_preview_options: Some(types::LinkPreviewOptions {
                is_disabled: true,
                ..Default::default()
            }),
            clear_draft: false,
        });
        functions::edit_message_text(chat, message, content, self.client_id()).await?;
        Ok(())
    }

    /// Pins a message in the group, quietly (the team settings: every client reads them
    /// from the pin; nobody needs a notification about it).
    pub async fn pin_team_message(&self, chat: ChatId, message: MessageId) -> Result<(), TgError> {
        Ok(functions::pin_chat_message(chat, message, true, false, self.client_id()).await?)
    }
}
