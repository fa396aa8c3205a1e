//! How the team reaches the `Desk`. In: the team events of `Desk::apply` (team messages,
//! edits and pins in the duty group, the group's members, this account's id) and customer
//! messages for stop words. Out: what a row shows (the team's alarm with who, when and why;
//! the assignee's initials; a shared note), the "Mine" filter, role visibility, the SLA in
//! force, and the team queries the app calls (settings, their error, refused messages,
//! alarms newly raised, members for "Assign to…", whether an action would count, the
//! checkpoint).
//!
//! A team alarm puts its chat in the alarm band, as the local alarm does; the local alarm
//! (`Desk::raise_alarm`, kept in the store) stays this client's own, the fallback when no
//! duty group is set. A row tells them apart (`RowView::team_alarm`, `local_alarm`).

use super::TeamNotice;
use super::fold::{Team, Touched};
use super::protocol::Action;
use super::roles::{MemberStatus, Roles};
use super::settings::{SettingsError, TeamSettings};
use super::state::{AlarmSlot, TeamCheckpoint};
use crate::core::Desk;
use crate::model::{ChatId, Event, MessageId, UnixTime, UserId};
use crate::settings::Settings;
use crate::view::Transition;

/// A team alarm as a row shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlarmView {
    /// Who raised it through the duty group (`None`: a stop word raised it by itself).
    pub raised_by: Option<UserId>,
    pub raised_by_name: Option<String>,
    /// When: the duty-group message's date, or the customer message's for a stop word.
    pub at: UnixTime,
    pub reason: Option<String>,
    /// The stop word a customer wrote, if one raised (or also holds) the alarm.
    pub stop_word: Option<String>,
    /// The customer message it is about, if known.
    pub message: Option<MessageId>,
}

/// Who a chat is assigned to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignee {
    pub user: UserId,
    pub name: Option<String>,
    /// One or two letters from the name ("Anna Petrova" → "AP").
    pub initials: String,
}

/// The team's shared note on a chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedNote {
    pub text: String,
    pub by: UserId,
    pub at: UnixTime,
}

/// A member of the duty group, for "Assign to…".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMember {
    pub user: UserId,
    pub name: Option<String>,
    pub status: MemberStatus,
    pub roles: Roles,
}

/// The initials of a display name: the first letter of the first and last words (one for
/// a one-word name, uppercased in any script), or "?" for a name with no letter or digit.
pub fn initials(name: &str) -> String {
    let mut words = name
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()));
    let first = words.next();
    let last = words.next_back();
    let out: String = first
        .into_iter()
        .chain(last)
        .flat_map(char::to_uppercase)
        .collect();
    if out.is_empty() { "?".to_owned() } else { out }
}

impl Team {
    pub(crate) fn alarm_raised(&self, chat: ChatId) -> bool {
        !self.state.alarms.is_empty()
            && self
                .state
                .alarms
                .get(&chat)
                .is_some_and(AlarmSlot::is_raised)
    }

    /// Assigned to this account.
    pub(crate) fn is_mine(&self, chat: ChatId) -> bool {
        match self.own_user {
            Some(me) if !self.state.assignments.is_empty() => self.state.assignee(chat) == Some(me),
            _ => false,
        }
    }

    /// Whether role visibility hides this support chat from this account.
    pub(crate) fn hides(&self, chat: ChatId, pinned: bool) -> bool {
        self.restricted && !pinned && !self.alerts.contains(&chat) && !self.is_mine(chat)
    }

    /// The SLA in force (see `TeamSettings::effective_sla`).
    pub(crate) fn sla(&self, local: &Settings) -> (i64, i64) {
        self.settings.effective_sla(local)
    }
}

impl Desk {
    /// Re-derives what a team change touched.
    pub(crate) fn touch(&mut self, touched: Touched, out: &mut Vec<Transition>) {
        match touched {
            Touched::Nothing => return,
            Touched::Chat(chat) => self.update(chat, out, |_, _| {}),
            Touched::All => {
                self.sync_team_toolkit();
                let ids: Vec<ChatId> = self.chats.keys().copied().collect();
                for chat in ids {
                    self.update(chat, out, |_, _| {});
                }
            }
        }
        self.team_revision = self.team_revision.wrapping_add(1);
    }

    /// The team's own events (`Event::TeamMessage`, `MessagePinned`, `DutyGroupMembers`).
    pub(crate) fn team_event(&mut self, event: Event, out: &mut Vec<Transition>) {
        let touched = match event {
            Event::TeamMessage(m) => self.team.receive(m),
            Event::MessagePinned { chat, id, pinned } => self.team.pinned(chat, id, pinned),
            Event::DutyGroupMembers {
                chat,
                members,
                complete,
            } => return self.duty_members(chat, members, complete, out),
            _ => Touched::Nothing,
        };
        self.touch(touched, out);
    }

    /// The duty group's members with their standing: staff, and who may act in the team.
    fn duty_members(
        &mut self,
        chat: ChatId,
        members: Vec<(UserId, MemberStatus)>,
        complete: bool,
        out: &mut Vec<Transition>,
    ) {
        if Some(chat) != self.settings.staff.duty_group {
            return;
        }
        if complete {
            self.duty_members.clear();
        }
        for &(user, status) in &members {
            if status.is_member() {
                self.duty_members.insert(user);
            } else {
                self.duty_members.remove(&user);
            }
        }
        let touched = self.team.members_changed(&members, complete);
        self.touch(touched, out);
    }

    /// `Event::MembersChanged` for the duty group: joins count as plain members (a known
    /// standing is kept), departures as leaving.
    pub(crate) fn duty_members_joined_left(
        &mut self,
        added: &[UserId],
        removed: &[UserId],
        out: &mut Vec<Transition>,
    ) {
        let members: Vec<(UserId, MemberStatus)> = added
            .iter()
            .map(|&u| {
                let known = self.team.members.get(&u).copied();
                (u, known.unwrap_or(MemberStatus::Member))
            })
            .chain(removed.iter().map(|&u| (u, MemberStatus::NotMember)))
            .collect();
        let touched = self.team.members_changed(&members, false);
        self.touch(touched, out);
    }

    /// The team's alarm on a chat, as its row shows it.
    pub fn team_alarm(&self, chat: ChatId) -> Option<AlarmView> {
        let slot = self.team.state.alarms.get(&chat)?;
        let stop_word = slot.stop.as_ref().map(|s| s.word.clone());
        if let Some(a) = &slot.raised {
            return Some(AlarmView {
                raised_by: Some(a.stamp.by),
                raised_by_name: self.user_name(a.stamp.by).map(|n| n.into_owned()),
                at: a.stamp.at,
                reason: a.reason.as_deref().map(|r| self.masked(r).into_owned()),
                stop_word,
                message: a.about,
            });
        }
        let s = slot.stop.as_ref()?;
        Some(AlarmView {
            raised_by: None,
            raised_by_name: None,
            at: s.at,
            reason: None,
            stop_word,
            message: Some(s.message),
        })
    }

    /// Who the team assigned the chat to.
    pub fn assignee(&self, chat: ChatId) -> Option<Assignee> {
        let user = self.team.state.assignee(chat)?;
        let name = self.user_name(user).map(|n| n.into_owned());
        let initials = name.as_deref().map_or_else(|| "?".to_owned(), initials);
        Some(Assignee {
            user,
            name,
            initials,
        })
    }

    /// The team's shared note on a chat.
    pub fn shared_note(&self, chat: ChatId) -> Option<SharedNote> {
        let r = self.team.state.notes.get(&chat)?;
        Some(SharedNote {
            text: self.masked(r.value.as_deref()?).into_owned(),
            by: r.stamp.by,
            at: r.stamp.at,
        })
    }

    /// The team settings in force (the defaults, with no stop words, until a good document
    /// is pinned).
    pub fn team_settings(&self) -> &TeamSettings {
        &self.team.settings
    }

    /// The pinned settings document's problem (line and key), while the last good settings
    /// stay in force: for the banner.
    pub fn team_settings_error(&self) -> Option<&SettingsError> {
        self.team.settings_error.as_ref().map(|(_, e)| e)
    }

    /// The duty-group messages refused since the last call, for the log.
    pub fn drain_team_notices(&mut self) -> Vec<TeamNotice> {
        std::mem::take(&mut self.team.notices)
    }

    /// Chats whose team alarm went up since the last call, in order: raised through the
    /// duty group (live, or caught up from its history) or by a customer's stop word; not
    /// this client's local alarm. For the notification, the sound and the taskbar.
    pub fn drain_raised_alarms(&mut self) -> Vec<ChatId> {
        std::mem::take(&mut self.team.raised)
    }

    /// Bumped by every change to team state or settings: save a checkpoint when it moved.
    pub fn team_revision(&self) -> u64 {
        self.team_revision
    }

    /// The duty group's members, for "Assign to…" (by name, then id).
    pub fn team_members(&self) -> Vec<TeamMember> {
        let mut out: Vec<TeamMember> = self
            .team
            .members
            .iter()
            .map(|(&user, &status)| TeamMember {
                user,
                name: self.user_name(user).map(|n| n.into_owned()),
                status,
                roles: self.team.settings.roles_of(user),
            })
            .collect();
        out.sort_by(|a, b| (&a.name, a.user).cmp(&(&b.name, b.user)));
        out
    }

    /// This account, once Telegram said who it is (`Event::OwnUser`).
    pub fn own_user(&self) -> Option<UserId> {
        self.own_user
    }

    /// This account's roles in the team.
    pub fn my_roles(&self) -> Roles {
        self.own_user
            .map(|u| self.team.settings.roles_of(u))
            .unwrap_or_default()
    }

    /// Whether the team would count `action` if this account posted it now (for greying
    /// out a menu item; the fold decides again on every client).
    pub fn team_allows(&self, action: &Action) -> bool {
        let Some(me) = self.own_user else {
            return false;
        };
        self.team.is_active() && self.team.is_member(me) && self.team.allows(action, me)
    }

    /// The duty-group message whose settings are in force (the lead's Settings screen edits
    /// it in place when this account sent it).
    pub fn team_settings_message(&self) -> Option<MessageId> {
        self.team.settings_source.as_ref().map(|s| s.message)
    }

    /// The customer message an alarm on `chat` points at: the oldest one still waiting for
    /// an answer, else the chat's last message (for the readable text's link).
    pub fn message_to_point_at(&self, chat: ChatId) -> Option<MessageId> {
        let c = self.chats.get(&chat)?;
        let waiting = c
            .pending
            .iter()
            .find(|(id, _)| *id >= c.sending_up_to)
            .map(|(id, _)| *id);
        waiting.or(c.last_id)
    }

    /// The checkpoint to store, if a duty group is set.
    pub fn team_checkpoint(&self) -> Option<TeamCheckpoint> {
        self.team.checkpoint()
    }

    /// Restores a stored checkpoint of the current duty group (false for another group's);
    /// then feed the group's history after `TeamCheckpoint::last_message`.
    pub fn restore_team(&mut self, checkpoint: TeamCheckpoint) -> bool {
        if !self.team.restore(checkpoint) {
            return false;
        }
        self.touch(Touched::All, &mut Vec::new());
        true
    }

    /// Whether role visibility shows `chat` to this account (true for unknown chats).
    pub fn visible(&self, chat: ChatId) -> bool {
        self.chats.get(&chat).is_none_or(|c| {
            !(c.support && self.team.hides(chat, self.pin_index.contains_key(&chat)))
        })
    }
}
