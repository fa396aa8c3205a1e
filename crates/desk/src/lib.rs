//! The pure duty-desk core: no iced, no TDLib types, no I/O; time is passed in.
//!
//! src/telegram/ translates TDLib updates into [`Event`]s and feeds them to [`Desk::apply`]
//! with the current time; the UI reads [`Desk::rows`] / [`Desk::len`] / [`Desk::counters`]
//! and calls the local actions (pin, star, note, alarm, "no reply needed"); the app
//! persists [`Desk::drain_stats`] and [`Desk::drain_local_changes`] through `store`.
//!
//! The rules it keeps:
//! - **Support chats**: private chats and groups in the main list, except the duty group,
//!   narrowed by `Settings::support` (folder, title glob); per-chat flags override.
//! - **Staff**: this account (and anything it sends), the duty group's members, and
//!   `Settings::staff.extra_staff`. Everyone else is a customer.
//! - **Order**: pins (admin order), then alarms, then (with `float_waiting`) waiting support
//!   chats oldest wait first, then the rest by damped activity: a message moves its chat up
//!   only if more than `damping_secs` passed since the chat's previous message date.
//!   Ties break by chat id.
//! - **Waiting**: a support chat waits while it has customer messages whose id is above the
//!   last staff reply (or "no reply needed"); the wait counts from the oldest such message's
//!   own date. Red at `red_after_secs`, breach at `breach_after_secs`. A staff message
//!   answers what came before it; deleting a waiting message un-counts it; edits change
//!   only the preview; a reply that is later deleted still counts as an answer.
//! - **Sends in flight**: this account's new message is pending from `MessageArrived` until
//!   `MessageIdChanged` (sent) or `MessageSendFailed` / deletion (not sent). Pending, it
//!   clears the wait it answers, but only provisionally and with no statistics; if it
//!   fails, the wait (its start, level, counters) is exactly as if it had never been sent.
//!   It still counts as activity for the damped order: the admin did write there.
//! - **Staff learned late**: the duty group's members may arrive after the history they
//!   wrote in, where their replies were taken for customers'. `resync` replays the waiting
//!   chats' recent messages with the staff as it is now (`waiting_chats` names them); a send
//!   in flight stays in flight, and replaying twice changes nothing more.
//! - **The team** (`team`): alarms, assignments and shared notes are the fold of the duty
//!   group's messages (`Event::TeamMessage`); a team alarm or a customer's stop word puts a
//!   chat in the alarm band beside this client's local alarm; "Mine" lists what is assigned
//!   to this account; roles may hide support chats (see `team::roles`).
//! - **The toolkit** (`toolkit`): tags and SLA tiers decide each chat's thresholds (one
//!   seam, `Desk::thresholds`); alerts chats sit above every other chat with their own
//!   unread count and never count toward customer SLA; a reminder that fires lifts its chat
//!   like a waiting one until it is opened; for a contractor the rows, names and texts the
//!   desk hands out are masked.

mod actions;
pub mod calendar;
mod chat;
mod core;
pub mod figures;
mod hash;
mod model;
mod query;
mod resync;
mod sending;
mod settings;
pub mod team;
pub mod toolkit;
mod tree;
mod view;

pub use self::calendar::{BusinessCalendar, CivilDate, WaitClock, WeekHours, Zone};
pub use self::core::Desk;
pub use model::{
    ChatFolder, ChatId, ChatKind, ContentKind, Event, LATE_AFTER_SECS, Message, MessageId, Role,
    Sender, UnixTime, UserId,
};
pub use settings::{Settings, StaffRules, SupportRules, glob_match};
pub use team::protocol::Action;
pub use team::roles::{MemberStatus, Roles, TeamRole};
pub use team::settings::{SettingsError, SettingsProblem, TeamSettings};
pub use team::state::TeamCheckpoint;
pub use team::{AlarmView, Assignee, Ignored, SharedNote, TeamMember, TeamMessage, TeamNotice};
pub use toolkit::reminders::{Due, When};
pub use toolkit::tags::{Colour, TagChip, TagId, TagSet};
pub use toolkit::tiers::{SlaMap, Thresholds};
pub use toolkit::{ReminderView, RowReminder, ToolkitChange, ToolkitLocal, ToolkitSettings};
pub use view::{
    Counters, Filter, ListFilter, LocalChange, LocalState, RowView, StatEvent, Status, SupportFlag,
    Transition,
};
