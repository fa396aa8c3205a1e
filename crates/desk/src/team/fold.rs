//! The fold: which duty-group messages count, and what they change. In: team messages,
//! edits, pin changes, the group's members. Out: changes to `TeamState` and the settings in
//! force (reported as `Touched`, so the desk re-derives only what moved), and a
//! `TeamNotice` for every message refused.
//!
//! Who counts: only messages in the duty group, not forwarded, sent by a current member
//! (by a user: a message on behalf of a chat has nobody to hold to it); the action must be
//! one the sender's standing and roles allow (`roles`). Team settings come only from the
//! group's owner and administrators (the group itself, for an anonymous administrator); the
//! settings in force are those of the newest pinned such message whose document is good —
//! a bad one is reported with its line and key, and the last good settings stay.
//!
//! Edits: an action message edited to mean something else (or an ordinary message edited
//! into an action) changes nothing and is reported; only settings may be edited. A client
//! remembers the last `RECENT_MAX` messages' meaning for this; a client that first reads an
//! edited action from history has only its new text, which it folds like any other.
//!
//! Until the members are known nothing can be checked, so team messages wait (at most
//! `QUEUE_MAX`) and are folded when the member list arrives.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::protocol::{self, Action};
use super::roles::{Member, MemberStatus};
use super::settings::{SettingsError, TeamSettings, parse_settings};
use super::state::{
    CHECKPOINT_FORMAT, SettingsSource, Stamp, StopAlarm, TeamCheckpoint, TeamState, sorted,
};
use super::{Ignored, Refusal, TeamMessage, TeamNotice};
use crate::hash::{IdMap, IdSet};
use crate::model::{ChatId, MessageId, Sender, UnixTime, UserId};

/// How many recent messages' meanings are remembered, to recognise edits and duplicates.
const RECENT_MAX: usize = 4096;
/// How many settings messages are remembered (pinned or not), newest first.
const CANDIDATES_MAX: usize = 64;
/// How many team messages may wait for the member list.
const QUEUE_MAX: usize = 65_536;
/// How many refusals wait for the app to drain them; past it the newest are dropped (the
/// app drains once per batch, so only a client that never does reaches it).
const NOTICES_MAX: usize = 4096;

/// What a change touched, for the desk to re-derive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Touched {
    Nothing,
    Chat(ChatId),
    /// Settings or members changed: every chat.
    All,
}

/// A settings message seen in the group.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    sender: Sender,
    document: String,
    pinned: bool,
}

/// The team as this client has folded it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Team {
    /// The duty group; `None`: no team, everything here stays empty.
    pub group: Option<ChatId>,
    pub own_user: Option<UserId>,
    pub members: IdMap<UserId, MemberStatus>,
    pub members_known: bool,
    pub state: TeamState,
    pub settings: TeamSettings,
    pub settings_source: Option<SettingsSource>,
    /// The newest pinned settings message's problem, while it has one.
    pub settings_error: Option<(MessageId, SettingsError)>,
    /// Alerts chats, as a set for the per-event visibility check.
    pub alerts: IdSet<ChatId>,
    /// This account's roles see only assigned, alerts and pinned support chats.
    pub restricted: bool,
    candidates: BTreeMap<MessageId, Candidate>,
    recent: BTreeMap<MessageId, u64>,
    queue: Vec<TeamMessage>,
    pub notices: Vec<TeamNotice>,
    /// Chats whose team alarm went up since `Desk::drain_raised_alarms` (at most
    /// `NOTICES_MAX`: only a client that never drains them reaches it).
    pub raised: Vec<ChatId>,
    /// Reused by stop-word matching.
    pub scratch: String,
}

impl Team {
    /// A team for `group` (none: no team). A different group starts from nothing.
    pub fn set_group(&mut self, group: Option<ChatId>) {
        if group != self.group {
            let own_user = self.own_user;
            *self = Team {
                group,
                own_user,
                ..Team::default()
            };
            self.derive();
        }
    }

    pub fn set_own_user(&mut self, user: Option<UserId>) -> Touched {
        if user == self.own_user {
            return Touched::Nothing;
        }
        self.own_user = user;
        self.derive();
        Touched::All
    }

    pub fn is_active(&self) -> bool {
        self.group.is_some()
    }

    /// A message carrying a machine line, in any chat.
    pub fn receive(&mut self, m: TeamMessage) -> Touched {
        let Some(group) = self.group else {
            return Touched::Nothing;
        };
        if m.chat != group {
            self.notice(&m, Ignored::OutsideDutyGroup);
            return Touched::Nothing;
        }
        if !self.members_known {
            if self.queue.len() < QUEUE_MAX {
                self.queue.push(m);
            } else {
                self.notice(&m, Ignored::NoMemberList);
            }
            return Touched::Nothing;
        }
        self.fold(m)
    }

    fn fold(&mut self, m: TeamMessage) -> Touched {
        self.state.last_message = Some(self.state.last_message.map_or(m.id, |l| l.max(m.id)));
        let parsed = protocol::parse(&m.text);
        let print = fingerprint(&parsed);
        match self.recent.get(&m.id) {
            // The same message again: folded already.
            Some(&seen) if seen == print => {
                if let Some(c) = self.candidates.get_mut(&m.id)
                    && c.pinned != m.pinned
                {
                    c.pinned = m.pinned;
                    return self.pick_settings();
                }
                return Touched::Nothing;
            }
            // Its text changed since: an edit we learn of through a new delivery.
            Some(_) => {
                if let Some(c) = self.candidates.get_mut(&m.id) {
                    c.pinned = m.pinned;
                }
                return self.edited_text(m.id, Some(m.sender), &m.text);
            }
            None => self.remember(m.id, print),
        }
        if m.forwarded {
            self.notice(&m, Ignored::Forwarded);
            return Touched::Nothing;
        }
        let action = match parsed {
            Ok(action) => action,
            Err(e) => {
                self.notice(&m, Ignored::Malformed(e));
                return Touched::Nothing;
            }
        };
        if let Action::PublishSettings { document } = action {
            return self.settings_message(&m, document);
        }
        let user = match m.sender {
            Sender::User(u) if self.is_member(u) => u,
            Sender::User(_) => {
                self.notice(&m, Ignored::NotMember);
                return Touched::Nothing;
            }
            Sender::Chat(_) => {
                self.notice(&m, Ignored::AnonymousSender);
                return Touched::Nothing;
            }
        };
        if let Err(why) = self.permitted(&action, user) {
            self.notice(&m, why);
            return Touched::Nothing;
        }
        let stamp = Stamp {
            message: m.id,
            by: user,
            at: m.date,
        };
        let Some(chat) = action.chat() else {
            return Touched::Nothing;
        };
        let was_raised = self.alarm_up(chat);
        if !self.state.apply(&action, stamp) {
            return Touched::Nothing;
        }
        if !was_raised && self.alarm_up(chat) {
            self.note_raised(chat);
        }
        Touched::Chat(chat)
    }

    /// Whether the fold would apply `action` from `user` now (settings: from an admin).
    pub fn allows(&self, action: &Action, user: UserId) -> bool {
        match action {
            Action::PublishSettings { .. } => self.is_admin(Sender::User(user)),
            _ => self.permitted(action, user).is_ok(),
        }
    }

    /// The fold's permission rules (see `roles`).
    fn permitted(&self, action: &Action, user: UserId) -> Result<(), Ignored> {
        let me = self.member(user);
        let refuse = |r| Err(Ignored::NotAllowed(r));
        match *action {
            Action::ClearAlarm { .. } if !me.may_clear(self.settings.clear) => {
                refuse(Refusal::ClearIsForLeads)
            }
            Action::Assign { user: to, .. } if !self.is_member(to) => {
                Err(Ignored::AssigneeNotMember(to))
            }
            Action::Assign { user: to, .. } if to != user && !me.may_assign_others() => {
                refuse(Refusal::AssignIsForLeadsAndManagers)
            }
            // Taking or releasing a chat someone else holds is reassigning it.
            Action::Take { chat } | Action::Release { chat }
                if self.state.assignee(chat).is_some_and(|a| a != user)
                    && !me.may_assign_others() =>
            {
                refuse(Refusal::AssignIsForLeadsAndManagers)
            }
            _ => Ok(()),
        }
    }

    fn settings_message(&mut self, m: &TeamMessage, document: String) -> Touched {
        let admin = self.is_admin(m.sender);
        if !admin {
            let why = match m.sender {
                Sender::User(u) if !self.is_member(u) => Ignored::NotMember,
                _ => Ignored::NotAllowed(Refusal::SettingsAreForAdmins),
            };
            self.notice(m, why);
        }
        // Kept even from a non-admin: were they made an administrator, it would count.
        self.candidates.insert(
            m.id,
            Candidate {
                sender: m.sender,
                document,
                pinned: m.pinned,
            },
        );
        while self.candidates.len() > CANDIDATES_MAX {
            self.candidates.pop_first();
        }
        if admin && m.pinned {
            self.pick_settings()
        } else {
            Touched::Nothing
        }
    }

    /// A duty-group message's text changed (`updateMessageContent`).
    pub fn edited(&mut self, chat: ChatId, id: MessageId, text: &str) -> Touched {
        if Some(chat) != self.group {
            return Touched::Nothing;
        }
        match self.recent.get(&id) {
            Some(&seen) if seen == fingerprint(&protocol::parse(text)) => Touched::Nothing,
            Some(_) => self.edited_text(id, None, text),
            // Never a team message here: it stays none unless the edit made it one.
            None if protocol::has_marker(text) => self.edited_text(id, None, text),
            None => Touched::Nothing,
        }
    }

    fn edited_text(&mut self, id: MessageId, sender: Option<Sender>, text: &str) -> Touched {
        let chat = self.group.unwrap_or_default();
        if let Some(c) = self.candidates.get_mut(&id)
            && let Ok(Action::PublishSettings { document }) = protocol::parse(text)
        {
            // Settings are edited in place: the lead's Settings screen does just that.
            c.document = document;
            self.remember(id, fingerprint(&protocol::parse(text)));
            return self.pick_settings();
        }
        self.push_notice(TeamNotice {
            chat,
            message: id,
            sender,
            ignored: Ignored::Edited,
        });
        Touched::Nothing
    }

    /// A message was pinned or unpinned in the group.
    pub fn pinned(&mut self, chat: ChatId, id: MessageId, pinned: bool) -> Touched {
        if Some(chat) != self.group {
            return Touched::Nothing;
        }
        match self.candidates.get_mut(&id) {
            Some(c) if c.pinned != pinned => {
                c.pinned = pinned;
                self.pick_settings()
            }
            _ => Touched::Nothing,
        }
    }

    /// The group's members and their standing (`complete`: the whole list, replacing the
    /// one known). Waiting team messages are folded now.
    pub fn members_changed(
        &mut self,
        members: &[(UserId, MemberStatus)],
        complete: bool,
    ) -> Touched {
        if complete {
            self.members.clear();
        }
        for &(user, status) in members {
            if status.is_member() {
                self.members.insert(user, status);
            } else {
                self.members.remove(&user);
            }
        }
        self.members_known = true;
        let mut queue = std::mem::take(&mut self.queue);
        queue.sort_by_key(|m| m.id);
        for m in queue {
            self.fold(m);
        }
        self.pick_settings();
        Touched::All
    }

    /// A customer message in a support chat: raises a stop-word alarm if it has one.
    pub fn customer_message(
        &mut self,
        chat: ChatId,
        id: MessageId,
        date: UnixTime,
        text: &str,
    ) -> bool {
        if self.group.is_none() {
            return false;
        }
        let Some(word) = self.settings.stop_words.find(text, &mut self.scratch) else {
            return false;
        };
        let hit = StopAlarm {
            word: word.to_owned(),
            message: id,
            at: date,
        };
        let was_raised = self.alarm_up(chat);
        let raised = self.state.stop_word(chat, hit);
        if raised && !was_raised {
            self.note_raised(chat);
        }
        raised
    }

    fn note_raised(&mut self, chat: ChatId) {
        if self.raised.len() < NOTICES_MAX {
            self.raised.push(chat);
        }
    }

    fn alarm_up(&self, chat: ChatId) -> bool {
        self.state.alarms.get(&chat).is_some_and(|s| s.is_raised())
    }

    /// Chooses the settings in force: the newest pinned settings message from an admin
    /// whose document is good. The newest pinned one's error is kept for the banner.
    fn pick_settings(&mut self) -> Touched {
        let mut error = None;
        let mut chosen = None;
        for (&id, c) in self.candidates.iter().rev() {
            if !c.pinned || !self.is_admin(c.sender) {
                continue;
            }
            if self
                .settings_source
                .as_ref()
                .is_some_and(|s| s.message == id && s.document == c.document)
            {
                break;
            }
            match parse_settings(&c.document) {
                Ok(settings) => {
                    chosen = Some((id, c.document.clone(), settings));
                    break;
                }
                Err(e) if error.is_none() => error = Some((id, e)),
                Err(_) => {}
            }
        }
        self.settings_error = error;
        let Some((message, document, settings)) = chosen else {
            return Touched::Nothing;
        };
        self.settings = settings;
        self.settings_source = Some(SettingsSource { message, document });
        self.derive();
        Touched::All
    }

    /// Re-derives what the settings and this account decide.
    fn derive(&mut self) {
        self.alerts = self.settings.alerts_chats.iter().copied().collect();
        self.restricted = match self.own_user {
            Some(me) if self.group.is_some() && !self.settings.roster.is_empty() => {
                !self.settings.roles_of(me).sees_all()
            }
            _ => false,
        };
    }

    pub fn is_member(&self, user: UserId) -> bool {
        self.members.contains_key(&user)
    }

    /// Owner or administrator of the group; the group itself for an anonymous one.
    fn is_admin(&self, sender: Sender) -> bool {
        match sender {
            Sender::User(u) => self.members.get(&u).is_some_and(|s| s.is_admin()),
            Sender::Chat(c) => Some(c) == self.group,
        }
    }

    pub fn member(&self, user: UserId) -> Member {
        Member {
            status: self
                .members
                .get(&user)
                .copied()
                .unwrap_or(MemberStatus::NotMember),
            roles: self.settings.roles_of(user),
            no_roster: self.settings.roster.is_empty(),
        }
    }

    fn remember(&mut self, id: MessageId, print: u64) {
        self.recent.insert(id, print);
        if self.recent.len() > RECENT_MAX {
            self.recent.pop_first();
        }
    }

    fn notice(&mut self, m: &TeamMessage, ignored: Ignored) {
        self.push_notice(TeamNotice {
            chat: m.chat,
            message: m.id,
            sender: Some(m.sender),
            ignored,
        });
    }

    fn push_notice(&mut self, notice: TeamNotice) {
        if self.notices.len() < NOTICES_MAX {
            self.notices.push(notice);
        }
    }

    pub fn checkpoint(&self) -> Option<TeamCheckpoint> {
        let group = self.group?;
        let mut members: Vec<_> = self.members.iter().map(|(u, s)| (*u, *s)).collect();
        members.sort_unstable_by_key(|m| m.0);
        Some(TeamCheckpoint {
            format: CHECKPOINT_FORMAT,
            group,
            last_message: self.state.last_message,
            alarms: sorted(&self.state.alarms),
            assignments: sorted(&self.state.assignments),
            notes: sorted(&self.state.notes),
            settings: self.settings_source.clone(),
            members,
        })
    }

    /// Restores a checkpoint of this team's group. Returns false (changing nothing) for
    /// another group's or another format's.
    pub fn restore(&mut self, cp: TeamCheckpoint) -> bool {
        if Some(cp.group) != self.group || cp.format != CHECKPOINT_FORMAT {
            return false;
        }
        self.state = TeamState {
            alarms: cp.alarms.into_iter().collect(),
            assignments: cp.assignments.into_iter().collect(),
            notes: cp.notes.into_iter().collect(),
            last_message: cp.last_message,
        };
        self.settings = cp
            .settings
            .as_ref()
            .and_then(|s| parse_settings(&s.document).ok())
            .unwrap_or_default();
        self.settings_source = cp.settings;
        // The members as last known: they count until Telegram's fresh list replaces them.
        if !cp.members.is_empty() {
            self.members_changed(&cp.members, true);
        }
        self.derive();
        true
    }
}

/// What a message means, to tell an edit that changes it from a re-delivery.
fn fingerprint(parsed: &Result<Action, protocol::ProtocolError>) -> u64 {
    let mut h = DefaultHasher::new();
    parsed.hash(&mut h);
    h.finish()
}
