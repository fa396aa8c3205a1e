//! Per-chat actions (pins, stars, notes, alarms, read, no reply needed, support flag) and sending
//! from the composer, with the placeholder that keeps a message visible until it is sent.

use super::requests::{Request, ask};
use super::{ChatAction, Console, HISTORY_ID, Message, NOTE_ID};
use crate::desk::{ChatId, Desk, MessageId, Sender, SupportFlag};
use crate::ui::effect::Effects;
use crate::ui::feature::Ctx;
use crate::ui::features::toolkit::{GuardPrompt, picker};
use iced::widget::{operation, text_editor};

impl Console {
    pub(super) fn act(
        &mut self,
        chat: ChatId,
        action: ChatAction,
        desk: &mut Desk,
    ) -> Effects<Message> {
        match action {
            ChatAction::TogglePin => {
                if !desk.unpin(chat) {
                    desk.pin(chat);
                }
            }
            ChatAction::PinUp | ChatAction::PinDown => {
                if let Some(i) = desk.pins().iter().position(|&c| c == chat) {
                    let to = if action == ChatAction::PinUp {
                        i.saturating_sub(1)
                    } else {
                        i + 1
                    };
                    desk.move_pin(chat, to.min(desk.pins().len().saturating_sub(1)));
                }
            }
            ChatAction::ToggleStar => {
                if !desk.unstar(chat) {
                    desk.star(chat);
                }
            }
            ChatAction::ToggleAlarm => {
                if !desk.clear_alarm(chat) {
                    desk.raise_alarm(chat);
                }
            }
            ChatAction::EditNote => {
                let mut effects = Effects::none();
                if self.open_chat() != Some(chat) {
                    effects = self.select(chat, desk);
                }
                if let Some(open) = &mut self.open {
                    open.note = Some(desk.note(chat).unwrap_or_default().to_string());
                }
                // The note's field takes the focus the composer would have had.
                return effects.replace_task(operation::focus(NOTE_ID));
            }
            ChatAction::MarkRead => return ask(Request::MarkChatRead(chat)),
            ChatAction::NoReplyNeeded => {
                desk.no_reply_needed(chat);
            }
            // The team feature's (`team::takes`); without a duty group, nothing.
            ChatAction::Take
            | ChatAction::AssignTo
            | ChatAction::Release
            | ChatAction::SharedNote
            | ChatAction::ClearSharedNote => {}
            ChatAction::ToggleSupport => {
                let flag = if desk.is_support(chat) {
                    SupportFlag::Exclude
                } else {
                    SupportFlag::Include
                };
                desk.set_support_flag(chat, Some(flag));
            }
        }
        Effects::none()
    }

    pub(super) fn send(&mut self, ctx: Ctx<'_>) -> Effects<Message> {
        let Some(open) = &mut self.open else {
            return Effects::none();
        };
        let text = open.composer.text();
        let text = text.trim_end_matches('\n').to_string();
        if text.trim().is_empty() {
            return Effects::none();
        }
        // A keyword guard holds the message back: it stays in the composer.
        if let Some(prompt) = GuardPrompt::check(ctx.desk, &text) {
            self.toolkit.guard = Some(prompt);
            return Effects::none();
        }
        let reply_to = open.reply_to.take();
        open.composer = text_editor::Content::new();
        self.send_text(text, reply_to, ctx)
    }

    pub(super) fn send_text(
        &mut self,
        text: String,
        reply_to: Option<MessageId>,
        ctx: Ctx<'_>,
    ) -> Effects<Message> {
        let Some(open) = &mut self.open else {
            return Effects::none();
        };
        self.next_local += 1;
        let local = self.next_local;
        let own = Sender::User(ctx.own_user.unwrap_or(0));
        // A contractor's placeholders become the customer's name and the chat's title only
        // in what leaves; the history (and a Retry) keeps the placeholders.
        let customer = super::kit::customer_of(open, ctx.desk);
        let outgoing = picker::outgoing(&text, ctx.desk, open.history.chat, customer);
        open.history.push_local(local, own, text, reply_to, ctx.now);
        let chat = open.history.chat;
        let request = Request::SendText {
            chat,
            text: outgoing,
            reply_to,
            local,
            link_previews: ctx.config.messages.link_previews,
        };
        ask(request).with_task(operation::snap_to_end(HISTORY_ID))
    }
}
