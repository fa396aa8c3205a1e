//! The team in the window: what an admin decides for the whole duty group (raise or clear
//! an alarm, take, assign or release a chat, the shared note, the team settings) becomes a
//! message posted to the duty group, and what the group's history holds is caught up on.
//! The team's state itself is the desk's fold (`desk::team`): this feature owns only its
//! dialogs, the team settings screen, and a published document waiting to be pinned.
//!
//! What flows in: the console's team actions (`Message::Chat`, from its menu, its chat view
//! and Ctrl+E / Ctrl+G / Ctrl+Shift+G), its dialogs' and screen's widgets, from the app
//! `CatchUp` (logged in, reconnected, duty group changed) and the desk events `observe`
//! picks (a send confirmed, a pin changed), and the replies of its Telegram requests.
//! What flows out: `requests::Request`s (post, publish, pin, read pins and history), the
//! caught-up messages folded into the desk (`Ctx::desk`), and `Event::Notice` when an
//! action is refused or fails (the banner says why).

mod actions;
mod dialogs;
mod editor;
pub mod marks;
pub mod requests;
pub mod words;

use crate::desk::{ChatId, Event as DeskEvent, MessageId, UserId};
use crate::ui::effect::Effects;
use crate::ui::feature::{Ctx, Feature, ViewCtx};
use crate::ui::features::console::ChatAction;
use editor::Editor;
use iced::Element;
use iced::keyboard::key::Named;
use iced::keyboard::{Key, Modifiers};
use iced::widget::text_editor;
pub use requests::{Reply, Request};

/// The alarm dialog's reason field (it takes the focus when the dialog opens).
pub const REASON_ID: &str = "team-alarm-reason";
pub const ASSIGN_ID: &str = "team-assign-filter";
pub const NOTE_ID: &str = "team-note";
pub const EDITOR_ID: &str = "team-settings-editor";

/// A small dialog over the console, about one chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// Raise an alarm, with an optional reason.
    Alarm { chat: ChatId, reason: String },
    /// Assign to a colleague picked by name.
    Assign { chat: ChatId, filter: String },
    /// The team's shared note.
    Note { chat: ChatId, draft: String },
}

#[derive(Debug, Clone)]
pub enum Message {
    /// A team action on a chat, from the console.
    Chat(ChatId, ChatAction),
    Reason(String),
    /// Raise the alarm the dialog is about (its button, or Enter).
    Raise,
    AssignFilter(String),
    /// Enter in the name field: the first colleague listed.
    AssignFirst,
    AssignTo(UserId),
    Note(String),
    NoteSave,
    /// Esc or Cancel: the dialog closes.
    Close,
    OpenEditor,
    Edit(text_editor::Action),
    SaveSettings,
    CloseEditor,
    /// From the app: read the duty group's pins and its history after `after` (the last
    /// message of the stored checkpoint: what live updates folded since may have skipped a
    /// gap, so the desk's own newest message is not a safe resume point).
    CatchUp {
        after: Option<MessageId>,
    },
    /// A pin changed in the duty group: read its pinned team messages again.
    ReadPins,
    /// A published settings message reached the server under this id: pin it.
    PinConfirmed(ChatId, MessageId),
    Replied(Reply),
}

/// What the team feature reports to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Why an action was refused or did not go out: the banner.
    Notice(String),
    /// The group's history since the resume point is folded: from now on the desk's team
    /// state is complete up to the newest message, and may be stored as a checkpoint.
    CaughtUp,
}

#[derive(Default)]
pub struct Team {
    dialog: Option<Dialog>,
    editor: Option<Editor>,
    /// A settings message sent anew, waiting for its server id to be pinned.
    pin_pending: Option<(ChatId, MessageId)>,
}

impl Feature for Team {
    type Message = Message;
    type Event = Event;

    fn update(&mut self, message: Message, ctx: Ctx<'_>) -> (Effects<Message>, Option<Event>) {
        match message {
            Message::Chat(chat, action) => self.chat_action(chat, action, ctx),
            Message::Reason(_)
            | Message::Raise
            | Message::AssignFilter(_)
            | Message::AssignFirst
            | Message::AssignTo(_)
            | Message::Note(_)
            | Message::NoteSave
            | Message::Close => self.dialog_message(message, ctx),
            Message::OpenEditor => {
                self.editor = Some(Editor::open(ctx.desk));
                self.dialog = None;
                (
                    Effects::task(iced::widget::operation::focus(EDITOR_ID)),
                    None,
                )
            }
            Message::Edit(action) => {
                if let Some(editor) = &mut self.editor {
                    editor.perform(action);
                }
                (Effects::none(), None)
            }
            Message::SaveSettings => self.save_settings(ctx),
            Message::CloseEditor => {
                self.editor = None;
                (Effects::none(), None)
            }
            Message::CatchUp { after } => (self.catch_up(after, &ctx), None),
            Message::ReadPins => match ctx.desk.settings().staff.duty_group {
                Some(group) => (requests::ask(Request::ReadPins { group }), None),
                None => (Effects::none(), None),
            },
            Message::PinConfirmed(group, message) => {
                (requests::ask(Request::Pin { group, message }), None)
            }
            Message::Replied(reply) => self.replied(reply, ctx),
        }
    }

    /// The team settings screen (the app shows it instead of the console while it is open).
    fn view<'a>(&'a self, ctx: ViewCtx<'a>) -> Element<'a, Message> {
        match &self.editor {
            Some(editor) => editor.view(ctx),
            None => iced::widget::Space::new().into(),
        }
    }

    /// While a dialog or the settings screen is open, Esc closes it; the console's keys
    /// wait (`captures_keys`).
    fn shortcut(&self, key: &Key, _modifiers: Modifiers) -> Option<Message> {
        match key {
            Key::Named(Named::Escape) if self.dialog.is_some() => Some(Message::Close),
            Key::Named(Named::Escape) if self.editor.is_some() => Some(Message::CloseEditor),
            _ => None,
        }
    }
}

/// Whether the team feature does a chat action (through the duty group) rather than the
/// console: the team's own actions, and the alarm once a duty group is set (a local alarm
/// raised before still clears on the console).
pub fn takes(action: ChatAction, chat: ChatId, desk: &crate::desk::Desk) -> bool {
    let team = desk.settings().staff.duty_group.is_some();
    match action {
        ChatAction::Take
        | ChatAction::AssignTo
        | ChatAction::Release
        | ChatAction::SharedNote
        | ChatAction::ClearSharedNote => team,
        ChatAction::ToggleAlarm => team && !desk.has_alarm(chat),
        _ => false,
    }
}

impl Team {
    pub fn new() -> Team {
        Team::default()
    }

    /// The dialog open over the console, if any.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The team settings screen is open.
    pub fn editing(&self) -> bool {
        self.editor.is_some()
    }

    /// The settings screen's document and its check (`Err`: line, key and what is wrong).
    pub fn editor_state(&self) -> Option<(String, Option<String>)> {
        self.editor.as_ref().map(|e| (e.text(), e.problem()))
    }

    /// A dialog or the settings screen has the keyboard: the console's shortcuts wait.
    pub fn captures_keys(&self) -> bool {
        self.dialog.is_some() || self.editor.is_some()
    }

    /// What a desk event means to this feature, before the desk applies it: a published
    /// settings message confirmed (pin it now), a pin changed in the duty group (read the
    /// pins again).
    pub fn observe(&mut self, event: &DeskEvent, group: Option<ChatId>) -> Option<Message> {
        match *event {
            DeskEvent::MessageIdChanged { chat, old, new, .. }
                if self.pin_pending == Some((chat, old)) =>
            {
                self.pin_pending = None;
                Some(Message::PinConfirmed(chat, new))
            }
            DeskEvent::MessageSendFailed { chat, id } if self.pin_pending == Some((chat, id)) => {
                self.pin_pending = None;
                None
            }
            DeskEvent::MessagePinned { chat, .. } if Some(chat) == group => Some(Message::ReadPins),
            _ => None,
        }
    }

    /// The dialog over the console (the app stacks it there).
    pub fn overlay<'a>(&'a self, ctx: ViewCtx<'a>) -> Option<Element<'a, Message>> {
        self.dialog.as_ref().map(|d| dialogs::view(d, ctx))
    }

    /// The banner for a bad pinned settings document, while it is bad.
    pub fn banner<'a>(ctx: ViewCtx<'a>) -> Option<Element<'a, Message>> {
        dialogs::settings_banner(ctx)
    }
}
