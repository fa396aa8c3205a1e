//! From a decision to a duty-group message: which action a chat action is, whether the
//! team would count it from this account (else why not), its readable text in the team's
//! language and its machine line (`desk::team::protocol::build`), and what comes back
//! (failures for the banner; the history and pins a catch-up read, folded into the desk).

use super::requests::{Reply, Request, ask};
use super::words::{self, Names};
use super::{ASSIGN_ID, Dialog, Event, Message, NOTE_ID, REASON_ID, Team};
use crate::desk::team::protocol::{self, MAX_MESSAGE_CHARS};
use crate::desk::team::{TeamMessage, message_link};
use crate::desk::{Action, ChatId, Desk, Event as DeskEvent, MessageId, UserId};
use crate::telegram::duty::HORIZON_SECS;
use crate::ui::effect::Effects;
use crate::ui::feature::Ctx;
use crate::ui::features::console::ChatAction;
use i18n::{Language, t};
use iced::widget::operation;

type Outcome = (Effects<Message>, Option<Event>);

fn notice(text: String) -> Outcome {
    (Effects::none(), Some(Event::Notice(text)))
}

impl Team {
    /// A team action on a chat, from the console.
    pub(super) fn chat_action(
        &mut self,
        chat: ChatId,
        action: ChatAction,
        ctx: Ctx<'_>,
    ) -> Outcome {
        let desk = &*ctx.desk;
        match action {
            ChatAction::ToggleAlarm if desk.team_alarm(chat).is_some() => {
                self.post(Action::ClearAlarm { chat }, &ctx)
            }
            ChatAction::ToggleAlarm => self.open(
                Dialog::Alarm {
                    chat,
                    reason: String::new(),
                },
                REASON_ID,
            ),
            ChatAction::Take => {
                let mine =
                    ctx.own_user.is_some() && desk.assignee(chat).map(|a| a.user) == ctx.own_user;
                let action = if mine {
                    Action::Release { chat }
                } else {
                    Action::Take { chat }
                };
                self.post(action, &ctx)
            }
            ChatAction::AssignTo => self.open(
                Dialog::Assign {
                    chat,
                    filter: String::new(),
                },
                ASSIGN_ID,
            ),
            ChatAction::Release => self.post(Action::Release { chat }, &ctx),
            ChatAction::SharedNote => {
                let draft = desk.shared_note(chat).map(|n| n.text).unwrap_or_default();
                self.open(Dialog::Note { chat, draft }, NOTE_ID)
            }
            ChatAction::ClearSharedNote => self.post(Action::ClearNote { chat }, &ctx),
            _ => (Effects::none(), None),
        }
    }

    fn open(&mut self, dialog: Dialog, focus: &'static str) -> Outcome {
        self.dialog = Some(dialog);
        (Effects::task(operation::focus(focus)), None)
    }

    /// The dialogs' fields and buttons.
    pub(super) fn dialog_message(&mut self, message: Message, ctx: Ctx<'_>) -> Outcome {
        let Some(dialog) = &mut self.dialog else {
            return (Effects::none(), None);
        };
        match (message, dialog) {
            (Message::Reason(text), Dialog::Alarm { reason, .. }) => *reason = text,
            (Message::AssignFilter(text), Dialog::Assign { filter, .. }) => *filter = text,
            (Message::Note(text), Dialog::Note { draft, .. }) => *draft = text,
            (Message::Raise, Dialog::Alarm { chat, reason }) => {
                let reason = reason.trim();
                let action = Action::RaiseAlarm {
                    chat: *chat,
                    message: ctx.desk.message_to_point_at(*chat),
                    reason: (!reason.is_empty()).then(|| reason.to_owned()),
                };
                self.dialog = None;
                return self.post(action, &ctx);
            }
            (Message::AssignFirst, Dialog::Assign { chat, filter }) => {
                let chat = *chat;
                let Some(user) = matching_members(ctx.desk, filter).first().map(|m| m.0) else {
                    return (Effects::none(), None);
                };
                self.dialog = None;
                return self.post(Action::Assign { chat, user }, &ctx);
            }
            (Message::AssignTo(user), Dialog::Assign { chat, .. }) => {
                let chat = *chat;
                self.dialog = None;
                return self.post(Action::Assign { chat, user }, &ctx);
            }
            (Message::NoteSave, Dialog::Note { chat, draft }) => {
                let (chat, text) = (*chat, draft.trim().to_owned());
                self.dialog = None;
                let action = if text.is_empty() {
                    Action::ClearNote { chat }
                } else {
                    Action::SetNote { chat, text }
                };
                return self.post(action, &ctx);
            }
            (Message::Close, _) => self.dialog = None,
            _ => {}
        }
        (Effects::none(), None)
    }

    /// Posts `action` to the duty group, or says why the team would not count it.
    pub(super) fn post(&mut self, action: Action, ctx: &Ctx<'_>) -> Outcome {
        let Some(group) = ctx.desk.settings().staff.duty_group else {
            return (Effects::none(), None);
        };
        if !ctx.desk.team_allows(&action) {
            return notice(refusal(&action, ctx.desk, ctx.own_user));
        }
        let text = message_text(&action, ctx.desk, ctx.own_user);
        if !protocol::fits_in_one_message(&text) {
            return notice(t!("team-refused-too-long", limit = MAX_MESSAGE_CHARS));
        }
        (ask(Request::Post { group, text }), None)
    }

    /// Save on the settings screen: the document published (edited in place or posted
    /// anew and pinned), or why not.
    pub(super) fn save_settings(&mut self, ctx: Ctx<'_>) -> Outcome {
        let Some(editor) = &mut self.editor else {
            return (Effects::none(), None);
        };
        let Some(group) = ctx.desk.settings().staff.duty_group else {
            return notice(t!("team-editor-no-group"));
        };
        if editor.problem().is_some() {
            return (Effects::none(), None);
        }
        let action = Action::PublishSettings {
            document: editor.document(),
        };
        if !ctx.desk.team_allows(&action) {
            return notice(refusal(&action, ctx.desk, ctx.own_user));
        }
        let text = message_text(&action, ctx.desk, ctx.own_user);
        if !protocol::fits_in_one_message(&text) {
            return notice(t!("team-refused-too-long", limit = MAX_MESSAGE_CHARS));
        }
        editor.saving = true;
        let edit = ctx.desk.team_settings_message();
        (ask(Request::Publish { group, text, edit }), None)
    }

    /// Reads the duty group's pins and its history after `after` (the stored checkpoint's
    /// last message, from the app).
    pub(super) fn catch_up(&self, after: Option<MessageId>, ctx: &Ctx<'_>) -> Effects<Message> {
        let Some(group) = ctx.desk.settings().staff.duty_group else {
            return Effects::none();
        };
        ask(Request::CatchUp {
            group,
            after,
            since: ctx.now - HORIZON_SECS,
        })
    }

    pub(super) fn replied(&mut self, reply: Reply, ctx: Ctx<'_>) -> Outcome {
        let failed =
            |e: &dyn std::fmt::Display| notice(t!("team-post-failed", error = e.to_string()));
        match reply {
            Reply::Posted(Ok(_)) | Reply::Pinned(Ok(())) => (Effects::none(), None),
            Reply::Posted(Err(e)) | Reply::Pinned(Err(e)) => failed(&e),
            Reply::Published { group, result } => {
                if let Some(editor) = &mut self.editor {
                    editor.saving = false;
                }
                match result {
                    Ok(sent) => {
                        self.pin_pending = sent.map(|temp| (group, temp));
                        self.editor = None;
                        (Effects::none(), None)
                    }
                    Err(e) => failed(&e),
                }
            }
            Reply::CaughtUp {
                group,
                pins,
                history,
            } => {
                let pins = fold(ctx.desk, ctx.now, group, pins);
                let history = history.map(|h| h.messages);
                match (pins, fold(ctx.desk, ctx.now, group, history)) {
                    (Err(e), _) | (_, Err(e)) => notice(t!("team-catch-up-failed", error = e)),
                    _ => (Effects::none(), Some(Event::CaughtUp)),
                }
            }
            Reply::Pins { group, result } => match fold(ctx.desk, ctx.now, group, result) {
                Err(e) => notice(t!("team-catch-up-failed", error = e)),
                Ok(()) => (Effects::none(), None),
            },
        }
    }
}

/// Folds team messages read from the duty group into the desk (if it is still the group).
fn fold(
    desk: &mut Desk,
    now: i64,
    group: ChatId,
    messages: Result<Vec<TeamMessage>, crate::telegram::TgError>,
) -> Result<(), String> {
    let messages = messages.map_err(|e| e.to_string())?;
    if desk.settings().staff.duty_group != Some(group) {
        return Ok(());
    }
    for m in messages {
        desk.apply(DeskEvent::TeamMessage(m), now);
    }
    Ok(())
}

/// The duty group's members whose name contains `filter` (any case), by name.
pub(super) fn matching_members(desk: &Desk, filter: &str) -> Vec<(UserId, String)> {
    let filter = filter.trim().to_lowercase();
    desk.team_members()
        .into_iter()
        .map(|m| {
            let name = m.name.unwrap_or_else(|| words::unknown_user(m.user));
            (m.user, name)
        })
        .filter(|(_, name)| filter.is_empty() || name.to_lowercase().contains(&filter))
        .collect()
}

/// The whole message: the readable text (who, what, which chat, the link), then the
/// machine line.
pub(super) fn message_text(action: &Action, desk: &Desk, me: Option<UserId>) -> String {
    let name = |user: UserId| {
        desk.user_name(user)
            .map(|n| n.into_owned())
            .unwrap_or_else(|| words::unknown_user(user))
    };
    let who = me.map(name).unwrap_or_default();
    let chat = action.chat();
    let title = chat.map(|c| {
        desk.row(c)
            .map(|r| r.title)
            .unwrap_or_else(|| words::unknown_chat(c))
    });
    let assignee = match action {
        Action::Assign { user, .. } => name(*user),
        _ => String::new(),
    };
    let link = chat.and_then(|c| {
        let message = match action {
            Action::RaiseAlarm { message, .. } => *message,
            _ => desk.message_to_point_at(c),
        };
        message_link(c, message?, None)
    });
    let names = Names {
        who: &who,
        chat: title.as_deref().unwrap_or_default(),
        assignee: &assignee,
    };
    let readable = words::readable(action, &names, link.as_deref(), team_language(desk));
    protocol::build(&readable, action)
}

/// The language of the team's messages: the team settings' `[team] language` when the
/// catalog has it, else the app's.
fn team_language(desk: &Desk) -> Language {
    desk.team_settings()
        .language
        .as_deref()
        .and_then(Language::from_tag)
        .filter(|l| *l != Language::Pseudo)
        .unwrap_or_else(i18n::language)
}

/// Why the team would not count `action` from this account.
fn refusal(action: &Action, desk: &Desk, me: Option<UserId>) -> String {
    let member = me.is_some_and(|me| desk.team_members().iter().any(|m| m.user == me));
    match action {
        _ if !member => t!("team-refused-not-member"),
        Action::ClearAlarm { .. } => t!("team-refused-clear"),
        Action::PublishSettings { .. } => t!("team-refused-settings"),
        Action::Assign { .. } | Action::Take { .. } | Action::Release { .. } => {
            t!("team-refused-assign")
        }
        _ => t!("team-refused-not-member"),
    }
}
