//! The toolkit's messages in the console (`features::toolkit` holds its state and views):
//! what they do to the open chat's composer, the keys they take while the picker is open,
//! and the open chat's values for filling a quick reply.

use super::{COMPOSER_ID, Console, Message, OpenChat};
use crate::desk::{ChatKind, Desk, Role, Sender, UserId};
use crate::ui::effect::Effects;
use crate::ui::feature::Ctx;
use crate::ui::features::toolkit::{self, Fill, Outcome};
use crate::ui::format;
use iced::keyboard::key::Named;
use iced::keyboard::{Key, Modifiers};
use iced::widget::{operation, text_editor};

impl Console {
    pub(super) fn kit(&mut self, message: toolkit::Message, mut ctx: Ctx<'_>) -> Effects<Message> {
        let chat = self.open_chat();
        let fill = self.open.as_ref().map(|open| {
            let me = my_name(ctx.desk, ctx.own_user);
            fill(open, ctx.desk, ctx.now, &me)
        });
        match self.toolkit.update(message, &mut ctx, chat, fill.as_ref()) {
            Outcome::Nothing => Effects::none(),
            Outcome::Task(task) => Effects::task(task.map(Message::Toolkit)),
            Outcome::Insert(text) => {
                if let Some(open) = &mut self.open {
                    open.composer = text_editor::Content::with_text(&text);
                    open.composer
                        .perform(text_editor::Action::Move(text_editor::Motion::DocumentEnd));
                }
                Effects::task(operation::focus(COMPOSER_ID))
            }
            Outcome::Send(text) => {
                let Some(open) = &mut self.open else {
                    return Effects::none();
                };
                open.composer = text_editor::Content::new();
                let reply_to = open.reply_to.take();
                self.send_text(text, reply_to, ctx)
            }
            Outcome::Open(chat) => self.select(chat, ctx.desk),
            Outcome::Refiltered => self.scroll_to_top(),
        }
    }

    /// Keys the toolkit takes first: Ctrl+K opens the quick replies; while they are open,
    /// Up and Down choose and Esc closes them.
    pub(super) fn kit_shortcut(&self, key: &Key, modifiers: Modifiers) -> Option<Message> {
        let kit = |m| Some(Message::Toolkit(m));
        if modifiers.command()
            && matches!(key, Key::Character(c) if c.as_str().eq_ignore_ascii_case("k"))
            && self.open.is_some()
        {
            return kit(toolkit::Message::OpenPicker);
        }
        self.toolkit.picker.as_ref()?;
        match key {
            Key::Named(Named::ArrowUp) if modifiers.is_empty() => {
                kit(toolkit::Message::PickerMove(-1))
            }
            Key::Named(Named::ArrowDown) if modifiers.is_empty() => {
                kit(toolkit::Message::PickerMove(1))
            }
            Key::Named(Named::Escape) => kit(toolkit::Message::ClosePicker),
            _ => None,
        }
    }

    /// Whether Tab belongs to the picker's free fields now.
    pub fn picker_open(&self) -> bool {
        self.toolkit.picker.is_some()
    }
}

/// The admin's own name, as a template's `{my_name}`.
pub(super) fn my_name(desk: &Desk, own_user: Option<UserId>) -> String {
    own_user
        .and_then(|u| desk.user_name(u))
        .map(|n| n.into_owned())
        .unwrap_or_default()
}

/// The customer a reply in this chat is for: the other side of a private chat, else the
/// customer who wrote last in what is loaded.
pub(super) fn customer_of(open: &OpenChat, desk: &Desk) -> Option<UserId> {
    let chat = open.history.chat;
    let customer = |u: UserId| desk.role_of(Sender::User(u), false) == Role::Customer;
    if desk.row(chat).is_some_and(|r| r.kind == ChatKind::Private) && customer(chat) {
        return Some(chat);
    }
    open.history
        .lines
        .iter()
        .rev()
        .find_map(|l| match l.sender {
            Sender::User(u) if !l.outgoing && customer(u) => Some(u),
            _ => None,
        })
}

/// The open chat's values for a quick reply. The task key is the tasks feature's to give
/// (`Fill::task`); until it keeps one per chat, `{task}` is marked as missing.
pub(super) fn fill(open: &OpenChat, desk: &Desk, now: i64, my_name: &str) -> Fill {
    let customer = customer_of(open, desk);
    let masked = desk.masking_active();
    let customer_first_name = customer.and_then(|u| desk.user_name(u)).map(|name| {
        if masked {
            // The pseudonym whole: its first word alone would say nothing.
            name.into_owned()
        } else {
            name.split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned()
        }
    });
    Fill {
        customer_first_name,
        customer_deferred: masked && customer.is_some(),
        title_deferred: masked,
        chat_title: desk.row(open.history.chat).map(|r| r.title),
        my_name: Some(my_name.to_owned()).filter(|n| !n.is_empty()),
        time: format::clock(now),
        date: format::date(now),
        task: None,
    }
}
