//! The team in the app: what no feature owns of the duty group. The stored checkpoint is
//! restored when the group becomes known (start, Settings, the demo floor's guess) and
//! saved whenever the desk's team revision moves; the group's members are read again on a
//! reconnect (their reply catches the history up); refused duty-group messages are logged;
//! a team alarm newly raised (by anyone: through the group, from its history, or by a
//! customer's stop word) gets an urgent desktop notification, the alarm sound and the
//! window asks for the user's attention (`desktop.rs`; the sound is off with
//! `[notifications] alarm_sound = false`, Settings).

use super::{App, Message};
use crate::desk::{ChatId, Desk, MessageId};
use crate::sound::Sound;
use crate::store::Store;
use crate::telegram::ConnectionState;
use crate::ui::effect::{Effects, store};
use crate::ui::features::team::{Team, words};
use crate::ui::notifications;
use iced::Task;

/// Team alarms announced at most per batch; the rest are summed up in one.
const ALARM_BURST: usize = 3;
/// Announced alarms the app remembers (for tests and the log), newest last.
const ANNOUNCED_MAX: usize = 256;

/// The team feature and what the app keeps beside it.
pub(super) struct TeamPart {
    pub feature: Team,
    /// The team revision last saved as a checkpoint.
    saved_revision: u64,
    /// Whether the desk's team state is complete up to its newest message: the group's
    /// history since `resume_after` has been folded, and the connection has not dropped
    /// since. Only then is a checkpoint stored: a live update folded before the catch-up
    /// (a colleague's take at login) would otherwise move the stored resume point past
    /// the messages still to be read, and they would never be.
    synced: bool,
    /// Where the next catch-up reads the group's history from: the last message of the
    /// checkpoint restored or last stored.
    resume_after: Option<MessageId>,
    /// Telegram's connection dropped since the account was ready: when it is back, the
    /// duty group is read again.
    dropped: bool,
    /// Team alarms announced, newest last (at most `ANNOUNCED_MAX`).
    announced: Vec<ChatId>,
}

impl TeamPart {
    pub fn new(desk: &Desk) -> TeamPart {
        TeamPart {
            feature: Team::new(),
            saved_revision: desk.team_revision(),
            synced: false,
            // Built right after the stored checkpoint was restored, before any update.
            resume_after: desk.team_checkpoint().and_then(|c| c.last_message),
            dropped: false,
            announced: Vec::new(),
        }
    }
}

/// Restores the duty group's stored checkpoint into the desk, if there is one: the last
/// message it had folded (where the group's history is read from next), or a warning when
/// it no longer reads (the group's history is read instead).
pub(super) fn restore_checkpoint(
    desk: &mut Desk,
    store: Option<&Store>,
) -> Result<Option<MessageId>, String> {
    let (Some(group), Some(store)) = (desk.settings().staff.duty_group, store) else {
        return Ok(None);
    };
    match store.load_team_checkpoint(group) {
        Ok(Some(checkpoint)) => {
            let after = checkpoint.last_message;
            Ok(desk.restore_team(checkpoint).then_some(after).flatten())
        }
        Ok(None) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

impl App {
    /// The team feature, for tests and the view.
    pub fn team(&self) -> &Team {
        &self.team.feature
    }

    /// Team alarms announced so far (notification, sound, attention), newest last.
    pub fn team_alerts(&self) -> &[ChatId] {
        &self.team.announced
    }

    /// After every message: the checkpoint saved if the team moved, refused duty-group
    /// messages logged, newly raised team alarms announced.
    pub(super) fn team_drained(&mut self) -> Effects<Message> {
        for notice in self.core.desk.drain_team_notices() {
            tracing::warn!("{notice}");
        }
        let mut effects = Effects::none();
        let revision = self.core.desk.team_revision();
        if self.team.synced && revision != self.team.saved_revision {
            self.team.saved_revision = revision;
            if let Some(checkpoint) = self.core.desk.team_checkpoint() {
                self.team.resume_after = checkpoint.last_message;
                effects = effects.and(Effects::store(store::Write::TeamCheckpoint(checkpoint)));
            }
        }
        let raised = self.core.desk.drain_raised_alarms();
        effects.and(self.announce_alarms(raised))
    }

    /// A duty group became known or changed: its stored checkpoint, then its members (whose
    /// reply re-reads waiting chats and catches the group's history up).
    pub(super) fn duty_group_changed(&mut self, group: ChatId) -> Effects<Message> {
        self.team.synced = false;
        self.team.resume_after =
            match restore_checkpoint(&mut self.core.desk, self.core.store.as_ref()) {
                Ok(after) => after,
                Err(warning) => {
                    self.notices.banner = Some(warning);
                    None
                }
            };
        self.team.saved_revision = self.core.desk.team_revision();
        super::link::duty_members(group)
    }

    /// Reads the duty group's history since the stored resume point.
    pub(super) fn catch_up_team(&mut self) -> Effects<Message> {
        let after = self.team.resume_after;
        self.route_team(crate::ui::features::team::Message::CatchUp { after })
    }

    /// The history since the resume point is folded: the state is complete, so it is
    /// stored now and from now on as it moves (until the connection drops).
    pub(super) fn team_caught_up(&mut self) {
        self.team.synced = true;
        // Stored at the end of this message's handling, whatever the revision.
        self.team.saved_revision = self.core.desk.team_revision().wrapping_sub(1);
    }

    /// Telegram's connection changed: back after a drop (once logged in), the duty group's
    /// members and history are read again: what happened meanwhile may not all come as
    /// updates.
    pub(super) fn connection_changed(&mut self, state: ConnectionState) -> Effects<Message> {
        if self.link.ready_at.is_none() {
            return Effects::none();
        }
        match state {
            ConnectionState::Ready | ConnectionState::Updating => {}
            _ => {
                self.team.dropped = true;
                // Updates missed while offline: nothing is stored until the history since
                // the last stored checkpoint has been read again.
                self.team.synced = false;
            }
        }
        if state != ConnectionState::Ready || !std::mem::take(&mut self.team.dropped) {
            return Effects::none();
        }
        match self.core.desk.settings().staff.duty_group {
            Some(group) => super::link::duty_members(group),
            None => Effects::none(),
        }
    }

    /// A desktop notification with the alarm sound per newly raised team alarm (a burst
    /// summed up), and the window asks for attention.
    fn announce_alarms(&mut self, mut chats: Vec<ChatId>) -> Effects<Message> {
        // This admin's own alarm needs no telling.
        let me = self.link.own_user;
        let desk = &self.core.desk;
        chats.retain(|&c| {
            desk.team_alarm(c)
                .is_some_and(|a| me.is_none() || a.raised_by != me)
        });
        if chats.is_empty() {
            return Effects::none();
        }
        self.team.announced.extend(&chats);
        let excess = self.team.announced.len().saturating_sub(ANNOUNCED_MAX);
        self.team.announced.drain(..excess);
        let alert = self.alert(&[Sound::Alarm], true);
        let n = &self.shell.config.notifications;
        if !n.enabled {
            return alert;
        }
        let mut texts: Vec<(ChatId, String, String)> = chats
            .iter()
            .filter_map(|&chat| {
                let alarm = self.core.desk.team_alarm(chat)?;
                let title = self
                    .core
                    .desk
                    .row(chat)
                    .map(|r| r.title)
                    .unwrap_or_else(|| words::unknown_chat(chat));
                let (summary, body) = words::notification(&title, &alarm);
                Some((chat, summary, body))
            })
            .collect();
        if self.notices.in_app {
            if let Some((_, summary, body)) = texts.first() {
                let more = texts.len() - 1;
                self.notices.banner = Some(notifications::banner(summary, body, more));
            }
            return alert;
        }
        if texts.len() > ALARM_BURST {
            let more = texts.len() - ALARM_BURST + 1;
            texts.truncate(ALARM_BURST - 1);
            let summary = i18n::t!("team-notify-alarm");
            texts.push((0, summary, notifications::more_chats(more)));
        }
        let shown = texts.into_iter().map(move |(chat, summary, body)| {
            Task::perform(
                notifications::show_alarm(chat, summary, body),
                Message::Notified,
            )
        });
        alert.and(Effects::task(Task::batch(shown)))
    }
}
