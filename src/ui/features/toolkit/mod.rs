//! The support toolkit in the window: the quick-reply picker over the composer, the guard
//! prompt under it, the open chat's tools (tags, SLA tier, alerts chat, reminder), and the
//! bar under the console's header (tag filter, alerts chats' unread count, the reminders
//! list). The rules are `desk::toolkit`; this module is what the admin clicks.
//!
//! What flows in: its messages (routed by the console, which owns the open chat and its
//! composer), the desk through `Ctx` (marks go straight into it; the store follows as for
//! every mark), and the open chat's facts for filling templates (`Fill`). What flows out:
//! an `Outcome` the console acts on (insert a filled reply into the composer, send the
//! text a guard warned about, open a chat) and iced operations (focus).

pub mod bar;
pub mod guard;
pub mod picker;
pub mod tools;

use crate::desk::toolkit::reminders::{When, parse_clock};
use crate::desk::{ChatId, Desk, TagId};
use crate::ui::feature::Ctx;
use crate::ui::format;
use iced::Task;
use iced::widget::operation;

pub use guard::GuardPrompt;
pub use picker::{Fill, Picker};

/// The picker's search field.
pub const PICKER_ID: &str = "quick-reply-search";
/// The reminder's time and note fields in the tools.
pub const REMIND_AT_ID: &str = "remind-at";
pub const REMIND_NOTE_ID: &str = "remind-note";

/// The id of the picker's n-th free field.
pub fn field_id(n: usize) -> iced::widget::Id {
    iced::widget::Id::from(format!("quick-reply-field-{n}"))
}

#[derive(Debug, Clone)]
pub enum Message {
    /// Ctrl+K, or `/` typed at the start of the composer.
    OpenPicker,
    PickerQuery(String),
    /// Up (-1) or Down (+1) in the matches.
    PickerMove(i32),
    /// A match clicked (its place in the matches).
    PickerChoose(usize),
    PickerField(usize, String),
    /// Tab (true) or Shift+Tab: the next or previous free field.
    NextField(bool),
    /// Enter in the search or a field, or the Insert button.
    PickerSubmit,
    ClosePicker,
    /// "Send anyway" on a warning.
    SendAnyway,
    DismissGuard,
    ToggleTools,
    ToggleTag(String),
    SetTier(Option<String>),
    ToggleAlerts,
    Remind(When),
    RemindTime(String),
    RemindNote(String),
    /// "At" with the typed time.
    RemindAt,
    CancelReminder(ChatId),
    FilterTag(Option<TagId>),
    ToggleReminders,
    OpenReminder(ChatId),
}

/// What the console does after a toolkit message.
#[derive(Debug)]
pub enum Outcome {
    Nothing,
    Task(Task<Message>),
    /// Put this text into the composer (a filled quick reply).
    Insert(String),
    /// Send this text now: the admin chose "send anyway" after a warning.
    Send(String),
    /// Open this chat (from the reminders list).
    Open(ChatId),
    /// The list shows another set of chats: back to its top.
    Refiltered,
}

/// The toolkit's state in the console.
#[derive(Debug, Default)]
pub struct State {
    pub picker: Option<Picker>,
    pub guard: Option<GuardPrompt>,
    /// The open chat's tools are shown.
    pub tools_open: bool,
    pub remind_time: String,
    pub remind_note: String,
    /// The typed time did not read as HH:MM.
    pub remind_bad_time: bool,
    /// Only chats with this tag are listed.
    pub tag_filter: Option<TagId>,
    /// The reminders list is shown in place of the open chat.
    pub reminders_open: bool,
}

impl State {
    /// What belongs to one open chat goes when another opens.
    pub fn chat_changed(&mut self) {
        self.picker = None;
        self.guard = None;
        self.remind_time.clear();
        self.remind_note.clear();
        self.remind_bad_time = false;
    }

    /// The composer changed: a guard's prompt was about the text as it was.
    pub fn composer_edited(&mut self) {
        self.guard = None;
    }

    pub fn update(
        &mut self,
        message: Message,
        ctx: &mut Ctx<'_>,
        chat: Option<ChatId>,
        fill: Option<&Fill>,
    ) -> Outcome {
        match message {
            Message::OpenPicker
            | Message::PickerQuery(_)
            | Message::PickerMove(_)
            | Message::PickerChoose(_)
            | Message::PickerField(..)
            | Message::NextField(_)
            | Message::PickerSubmit
            | Message::ClosePicker => self.picker(message, ctx.desk, chat, fill),
            Message::SendAnyway => match self.guard.take() {
                Some(prompt) if prompt.may_send_anyway() => Outcome::Send(prompt.text),
                other => {
                    self.guard = other;
                    Outcome::Nothing
                }
            },
            Message::DismissGuard => {
                self.guard = None;
                Outcome::Task(operation::focus(crate::ui::features::console::COMPOSER_ID))
            }
            Message::FilterTag(tag) => {
                self.tag_filter = if self.tag_filter == tag { None } else { tag };
                Outcome::Refiltered
            }
            Message::ToggleReminders => {
                self.reminders_open = !self.reminders_open;
                Outcome::Nothing
            }
            Message::OpenReminder(chat) => {
                self.reminders_open = false;
                Outcome::Open(chat)
            }
            Message::CancelReminder(chat) => {
                ctx.desk.cancel_reminder(chat);
                Outcome::Nothing
            }
            other => {
                if let Some(chat) = chat {
                    self.tools(other, ctx, chat);
                }
                Outcome::Nothing
            }
        }
    }

    /// The open chat's tags, tier, alerts mark and reminder.
    fn tools(&mut self, message: Message, ctx: &mut Ctx<'_>, chat: ChatId) {
        let desk: &mut Desk = ctx.desk;
        match message {
            Message::ToggleTools => self.tools_open = !self.tools_open,
            Message::ToggleTag(tag) => {
                let on = !desk.has_own_tag(chat, &tag);
                desk.set_tag(chat, &tag, on);
            }
            Message::SetTier(tier) => {
                desk.set_chat_tier(chat, tier.as_deref());
            }
            Message::ToggleAlerts => {
                let on = !desk.is_own_alerts(chat);
                desk.set_alerts(chat, on);
            }
            Message::RemindTime(text) => {
                self.remind_time = text;
                self.remind_bad_time = false;
            }
            Message::RemindNote(text) => self.remind_note = text,
            Message::RemindAt => match parse_clock(&self.remind_time) {
                Some((h, m)) => self.remind(desk, chat, When::At(h, m), ctx.now),
                None => self.remind_bad_time = true,
            },
            Message::Remind(when) => self.remind(desk, chat, when, ctx.now),
            _ => {}
        }
    }

    fn remind(&mut self, desk: &mut Desk, chat: ChatId, when: When, now: i64) {
        let due = when.due(now, format::utc_offset(now));
        desk.set_reminder(chat, due, &self.remind_note);
        self.remind_note.clear();
        self.remind_time.clear();
        self.remind_bad_time = false;
    }
}
