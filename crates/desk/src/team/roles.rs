//! Who may do what in the team, and who sees which support chats.
//!
//! Two sources, both from Telegram's trust: a member's standing in the duty group (owner,
//! administrator, member: `MemberStatus`, from `getChatMember`/`getSupergroupMembers`) and
//! the roles the team settings give user ids (`Roles`). The rules:
//!
//! - **Acting**: only current members of the duty group act. Raising an alarm, taking a
//!   chat, writing the shared note and releasing one's own chat: any member.
//! - **Leads**: members with the `lead` role, and the group's owner and administrators.
//! - **Clearing an alarm**: any member, or leads only (`[alarms] clear = "leads"`).
//! - **Assigning to someone else, releasing someone else's chat**: leads and account
//!   managers; anyone while the team settings list no roster (a team that has not set roles
//!   up yet still works).
//! - **Team settings**: only from the group's owner and administrators.
//! - **Seeing support chats**: leads, account managers, duty admins, and members without a
//!   role (the plain duty admin) see every support chat. Members whose roles are only
//!   `alerts_admin` / `task_admin` see the chats assigned to them, the alerts chats and the
//!   chats they pinned; without a roster everyone sees everything. Chats that are not
//!   support chats (the duty group, colleagues) are never hidden.

use serde::{Deserialize, Serialize};

/// A member's standing in the duty group, as Telegram reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MemberStatus {
    /// `chatMemberStatusCreator` (and still a member).
    Owner,
    Administrator,
    /// A member, restricted or not.
    Member,
    /// Left, banned, or a creator who is not a member: does not act.
    NotMember,
}

impl MemberStatus {
    pub fn is_member(self) -> bool {
        self != MemberStatus::NotMember
    }

    /// Owner or administrator: may publish team settings, counts as a lead.
    pub fn is_admin(self) -> bool {
        matches!(self, MemberStatus::Owner | MemberStatus::Administrator)
    }
}

/// A role the team settings give a user id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TeamRole {
    /// Team lead: sees everything, clears alarms under "leads only", assigns.
    Lead,
    /// Decides who sees a customer's chat (by assigning it); sees every support chat.
    AccountManager,
    /// A duty admin answering customers: sees every support chat (as does a member with no
    /// role at all).
    DutyAdmin,
    /// The duty admin on alerts: sees alerts chats, pins and what is assigned to them.
    AlertsAdmin,
    /// Turns messages into tracker tasks: sees what is assigned to them, alerts and pins.
    TaskAdmin,
    /// Reserved for privacy masking (a later change); sees what a duty admin sees.
    Contractor,
}

impl TeamRole {
    pub const ALL: [TeamRole; 6] = [
        TeamRole::Lead,
        TeamRole::AccountManager,
        TeamRole::DutyAdmin,
        TeamRole::AlertsAdmin,
        TeamRole::TaskAdmin,
        TeamRole::Contractor,
    ];

    /// The name used in the team settings.
    pub fn name(self) -> &'static str {
        match self {
            TeamRole::Lead => "lead",
            TeamRole::AccountManager => "account_manager",
            TeamRole::DutyAdmin => "duty_admin",
            TeamRole::AlertsAdmin => "alerts_admin",
            TeamRole::TaskAdmin => "task_admin",
            TeamRole::Contractor => "contractor",
        }
    }

    pub fn from_name(name: &str) -> Option<TeamRole> {
        TeamRole::ALL.into_iter().find(|r| r.name() == name)
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Roles(u8);

impl Roles {
    pub fn with(self, role: TeamRole) -> Roles {
        Roles(self.0 | role.bit())
    }

    pub fn has(self, role: TeamRole) -> bool {
        self.0 & role.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = TeamRole> {
        TeamRole::ALL.into_iter().filter(move |r| self.has(*r))
    }

    /// Sees every support chat (see the module docs).
    pub fn sees_all(self) -> bool {
        self.is_empty()
            || self.has(TeamRole::Lead)
            || self.has(TeamRole::AccountManager)
            || self.has(TeamRole::DutyAdmin)
            || self.has(TeamRole::Contractor)
    }
}

impl FromIterator<TeamRole> for Roles {
    fn from_iter<I: IntoIterator<Item = TeamRole>>(iter: I) -> Self {
        iter.into_iter().fold(Roles::default(), Roles::with)
    }
}

/// Who clears alarms (`[alarms] clear`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ClearPolicy {
    /// Any member of the duty group.
    #[default]
    Staff,
    /// Leads only: the `lead` role, the group's owner and administrators.
    Leads,
}

/// One member as the permission rules see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    pub status: MemberStatus,
    pub roles: Roles,
    /// The team settings list no roster: nobody is restricted.
    pub no_roster: bool,
}

impl Member {
    pub fn is_lead(self) -> bool {
        self.status.is_admin() || self.roles.has(TeamRole::Lead)
    }

    pub fn may_clear(self, policy: ClearPolicy) -> bool {
        match policy {
            ClearPolicy::Staff => true,
            ClearPolicy::Leads => self.is_lead(),
        }
    }

    /// Assigning a chat to someone else, or releasing someone else's.
    pub fn may_assign_others(self) -> bool {
        self.no_roster || self.is_lead() || self.roles.has(TeamRole::AccountManager)
    }
}
