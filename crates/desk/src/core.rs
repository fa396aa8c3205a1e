//! The `Desk`: all chats, the list order, SLA timers, and how events change them.
//!
//! Every change to a chat goes through `snapshot` / `commit`: the chat's key, filter mask
//! and counter contribution before and after are compared, so the order tree and the
//! counters are touched only when something visible moved (O(log n) when they are).

use std::collections::BTreeSet;

use super::hash::{IdMap, IdSet};

use super::actions::{support_of, title_matches};
use super::chat::{
    BAND_ALARM, BAND_ALERTS, BAND_PINNED, BAND_REST, BAND_WAITING, COUNTED, Chat, Key, Sending,
};
use super::model::{
    ChatFolder, ChatId, Event, LATE_AFTER_SECS, Message, MessageId, Role, Sender, UnixTime, UserId,
};
use super::sending::promote;
use super::settings::Settings;
use super::team::fold::Team;
use super::toolkit::desk::ToolkitState;
use super::tree::OrderTree;
use super::view::{Counters, LocalChange, StatEvent, Status, SupportFlag, Transition};
use crate::calendar::WaitClock;

/// Filter categories counted in the order tree (category 0 is every listed chat).
pub(crate) const CAT_SUPPORT: usize = 1;
pub(crate) const CAT_WAITING: usize = 2;
pub(crate) const CAT_STARRED: usize = 3;
/// Assigned to this account by the team ("Mine").
pub(crate) const CAT_MINE: usize = 4;

/// The duty desk's state. See the module docs of `desk` for the rules it keeps.
#[derive(Debug, Clone)]
pub struct Desk {
    pub(crate) settings: Settings,
    pub(crate) pattern: Vec<char>,
    pub(crate) chats: IdMap<ChatId, Chat>,
    pub(crate) tree: OrderTree<Key>,
    pub(crate) pins: Vec<ChatId>,
    pub(crate) pin_index: IdMap<ChatId, usize>,
    pub(crate) stars: IdSet<ChatId>,
    pub(crate) notes: IdMap<ChatId, String>,
    pub(crate) flags: IdMap<ChatId, SupportFlag>,
    pub(crate) dismissed: IdMap<ChatId, MessageId>,
    pub(crate) alarms: IdSet<ChatId>,
    pub(crate) own_user: Option<UserId>,
    pub(crate) extra_staff: IdSet<UserId>,
    pub(crate) duty_members: IdSet<UserId>,
    pub(crate) users: IdMap<UserId, String>,
    /// The account's chat folders, for choosing the support folder by name.
    pub(crate) folders: Vec<ChatFolder>,
    pub(crate) deadlines: BTreeSet<(UnixTime, ChatId)>,
    /// The chats listed under "Waiting", longest wait first (see `Chat::wait_entry`): the
    /// overview and "jump to the longest wait" read its head instead of scanning.
    pub(crate) waits: BTreeSet<(UnixTime, ChatId)>,
    pub(crate) now: UnixTime,
    pub(crate) counters: Counters,
    pub(crate) stats: Vec<StatEvent>,
    pub(crate) changes: Vec<LocalChange>,
    /// Bumped by every change to any chat; stamps the title-filter cache.
    pub(crate) generation: u64,
    pub(crate) title_cache: CacheCell,
    /// The duty group's shared state (see `team`).
    pub(crate) team: Team,
    pub(crate) team_revision: u64,
    /// Tags, tiers, alerts chats, reminders, masking (see `toolkit`).
    pub(crate) toolkit: ToolkitState,
    /// How waits are measured for red and breach: around the clock, or in business hours.
    pub(crate) wait_clock: WaitClock,
}

/// The last title-filter result (see `Desk::titled`).
#[derive(Debug)]
pub(crate) struct TitleCache {
    pub needle: String,
    pub tag: Option<crate::toolkit::tags::TagId>,
    pub cat: usize,
    pub generation: u64,
    pub ids: std::sync::Arc<[ChatId]>,
}

/// A lock so `Desk` stays `Sync` while `&self` queries fill the cache; cloning a desk
/// starts with an empty cache.
#[derive(Debug, Default)]
pub(crate) struct CacheCell(std::sync::Mutex<Option<TitleCache>>);

impl CacheCell {
    pub(crate) fn lock(&self) -> std::sync::MutexGuard<'_, Option<TitleCache>> {
        // A panic while holding it can only leave a stale cache entry: clear and go on.
        self.0.lock().unwrap_or_else(|poisoned| {
            let mut guard = poisoned.into_inner();
            *guard = None;
            guard
        })
    }
}

impl Clone for CacheCell {
    fn clone(&self) -> Self {
        Self::default()
    }
}

// The desk moves between threads (receive side, UI) and may be shared for reading.
const _: fn() = || {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Desk>();
};

/// What of a chat is visible outside it, to diff before and after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Snapshot {
    key: Option<Key>,
    mask: u8,
    level: Status,
    contrib: [bool; COUNTED],
}

impl Desk {
    pub fn new(settings: Settings) -> Self {
        let mut desk = Self {
            pattern: Vec::new(),
            settings: Settings::default(),
            chats: IdMap::default(),
            tree: OrderTree::new(),
            pins: Vec::new(),
            pin_index: IdMap::default(),
            stars: IdSet::default(),
            notes: IdMap::default(),
            flags: IdMap::default(),
            dismissed: IdMap::default(),
            alarms: IdSet::default(),
            own_user: None,
            extra_staff: IdSet::default(),
            duty_members: IdSet::default(),
            users: IdMap::default(),
            folders: Vec::new(),
            deadlines: BTreeSet::new(),
            waits: BTreeSet::new(),
            now: i64::MIN,
            counters: Counters::default(),
            stats: Vec::new(),
            changes: Vec::new(),
            generation: 0,
            title_cache: CacheCell::default(),
            team: Team::default(),
            team_revision: 0,
            toolkit: ToolkitState::default(),
            wait_clock: WaitClock::default(),
        };
        desk.set_settings(settings);
        desk
    }

    /// Applies one event at time `now`; returns what the UI may announce (new customer
    /// messages, chats that turned red or breached, including timers that came due).
    pub fn apply(&mut self, event: Event, now: UnixTime) -> Vec<Transition> {
        let mut out = Vec::new();
        self.apply_into(event, now, &mut out);
        out
    }

    /// Like `apply`, appending transitions to `out`: for feeding batches without an
    /// allocation per event.
    pub fn apply_into(&mut self, event: Event, now: UnixTime, out: &mut Vec<Transition>) {
        self.now = self.now.max(now);
        match event {
            Event::ChatAdded { chat, kind, title } => {
                if let Some(c) = self.chats.get(&chat) {
                    let before = self.snapshot(c);
                    let c = self.chats.get_mut(&chat).expect("present");
                    c.kind = kind;
                    c.set_title(title);
                    self.commit(chat, before, out);
                } else {
                    let mut c = Chat::new(chat, kind, title);
                    if let Some(&up_to) = self.dismissed.get(&chat) {
                        c.answered_up_to = up_to.saturating_add(1);
                    }
                    self.chats.insert(chat, c);
                    let before = Snapshot {
                        key: None,
                        mask: 0,
                        level: Status::Normal,
                        contrib: [false; COUNTED],
                    };
                    self.commit(chat, before, out);
                }
            }
            Event::ChatRenamed { chat, title } => {
                self.update(chat, out, |c, _| c.set_title(title));
            }
            Event::ChatListsChanged {
                chat,
                in_main_list,
                folders,
            } => {
                self.update(chat, out, |c, _| {
                    c.in_main_list = in_main_list;
                    c.folders = folders;
                });
            }
            // Names only: which chats a folder holds comes per chat, in `ChatListsChanged`.
            Event::ChatFolders(folders) => self.folders = folders,
            Event::ChatRemoved { chat } => self.remove_chat(chat),
            Event::MessageArrived(m) => self.message(m, true, out),
            Event::HistoryMessage(m) => self.message(m, false, out),
            Event::MessageEdited { chat, id, preview } => {
                if Some(chat) == self.team.group {
                    let touched = self.team.edited(chat, id, &preview);
                    self.touch(touched, out);
                }
                // An edit changes the text only: the wait still counts from the date.
                self.update(chat, out, |c, _| {
                    if c.last_id == Some(id) {
                        c.preview = preview;
                    }
                });
            }
            Event::MessagesDeleted { chat, ids } => {
                let mut withdrawn = Vec::new();
                self.update(chat, out, |c, _| {
                    for id in ids {
                        c.remove_pending(id);
                        // A send deleted before it was confirmed never reached anyone: as
                        // if it failed. Only one taken as sent was logged already.
                        if c.untake(id) {
                            if c.support {
                                withdrawn.push(id);
                            }
                        } else {
                            c.finish_sending(id);
                        }
                        if c.last_id == Some(id) {
                            // The new last message comes as a HistoryMessage.
                            c.last_id = None;
                            c.last_date = None;
                            c.preview.clear();
                            c.content = None;
                        }
                    }
                });
                let not_sent = withdrawn
                    .into_iter()
                    .map(|message| StatEvent::NotSent { chat, message });
                self.stats.extend(not_sent);
            }
            Event::MessageIdChanged {
                chat,
                old,
                new,
                date,
            } => self.id_changed(chat, old, new, date, out),
            Event::MessageSendFailed { chat, id } => self.send_failed(chat, id, out),
            Event::ReadInbox {
                chat, unread_count, ..
            } => {
                self.update(chat, out, |c, _| c.unread_count = unread_count.max(0));
            }
            Event::MarkedAsUnread { chat, marked } => {
                self.update(chat, out, |c, _| c.marked_unread = marked);
            }
            Event::MembersChanged {
                chat,
                added,
                removed,
            } => {
                if Some(chat) == self.settings.staff.duty_group {
                    self.duty_members_joined_left(&added, &removed, out);
                    self.duty_members.extend(added);
                    for u in removed {
                        self.duty_members.remove(&u);
                    }
                }
            }
            Event::UserUpdated { user, name } => {
                self.toolkit.names.add(user, &name);
                self.users.insert(user, name);
            }
            Event::OwnUser { user } => {
                self.own_user = Some(user);
                let touched = self.team.set_own_user(Some(user));
                self.touch(touched, out);
            }
            team @ (Event::TeamMessage(_)
            | Event::MessagePinned { .. }
            | Event::DutyGroupMembers { .. }) => self.team_event(team, out),
        }
        self.run_timers(out);
    }

    /// Advances the desk's time: chats whose wait crosses `red_after` / `breach_after` are
    /// returned (and their rows change status).
    pub fn tick(&mut self, now: UnixTime) -> Vec<Transition> {
        self.now = self.now.max(now);
        let mut out = Vec::new();
        self.run_timers(&mut out);
        out
    }

    /// The latest time the desk was given.
    pub fn now(&self) -> UnixTime {
        self.now
    }

    /// Statistics records produced since the last call, in order, for the store.
    pub fn drain_stats(&mut self) -> Vec<StatEvent> {
        // Same capacity again: the next batch fills it without regrowing.
        let capacity = self.stats.capacity();
        std::mem::replace(&mut self.stats, Vec::with_capacity(capacity))
    }

    /// Appends the statistics records produced since the last call to `out`, keeping this
    /// desk's buffer: for a writer that reuses its own batch buffer.
    pub fn drain_stats_into(&mut self, out: &mut Vec<StatEvent>) {
        out.append(&mut self.stats);
    }

    /// Local marks changed since the last call (pins, stars, notes, flags, dismissals, alarms).
    pub fn drain_local_changes(&mut self) -> Vec<LocalChange> {
        std::mem::take(&mut self.changes)
    }

    /// Staff or customer, for a message from `sender` (`outgoing`: sent by this account).
    pub fn role_of(&self, sender: Sender, outgoing: bool) -> Role {
        let staff = outgoing
            || match sender {
                Sender::User(u) => {
                    Some(u) == self.own_user
                        || self.extra_staff.contains(&u)
                        || self.duty_members.contains(&u)
                }
                Sender::Chat(_) => false,
            };
        if staff { Role::Staff } else { Role::Customer }
    }

    fn message(&mut self, m: Message, arrived: bool, out: &mut Vec<Transition>) {
        let Some(c) = self.chats.get(&m.chat) else {
            return;
        };
        if m.outgoing && arrived && c.settled.contains(&m.id) {
            // A send no longer in flight, from a history page read while it was pending:
            // stale, and no new send (`Chat::settled`).
            return;
        }
        let role = self.role_of(m.sender, m.outgoing);
        let damping = self.settings.damping_secs;
        let late = arrived && self.now.saturating_sub(m.date) > LATE_AFTER_SECS;
        let before = self.snapshot(c);
        let c = self.chats.get_mut(&m.chat).expect("present");
        c.note_activity(m.date, damping);
        c.max_id = Some(c.max_id.map_or(m.id, |x| x.max(m.id)));
        // A new outgoing message is a send in flight: no reply (nor statistic) until the
        // server confirms it; re-deliveries of it (`updateChatLastMessage`) change nothing,
        // nor do those of one taken as sent past the limit.
        let known = m.outgoing && (c.is_sending(m.id) || c.is_taken(m.id));
        if m.outgoing && arrived && !known {
            let s = Sending {
                id: m.id,
                date: m.date,
                sender: m.sender,
                answers: c.support,
            };
            if let Some(oldest) = c.start_sending(s) {
                promote(c, oldest, &mut self.stats);
            }
        }
        let in_flight = known || (m.outgoing && arrived);
        let customer_wrote = arrived && role == Role::Customer;
        // A stop word in an unanswered customer message raises the team's alarm here, as
        // on every client that sees the message.
        if role == Role::Customer && c.support && m.id >= c.answered_up_to && self.team.is_active()
        {
            self.team.customer_message(m.chat, m.id, m.date, &m.preview);
        }
        if c.last_id.is_none_or(|l| m.id >= l) {
            c.last_id = Some(m.id);
            c.last_date = Some(m.date);
            c.preview = m.preview;
            c.content = Some(m.content);
        }
        if c.support && !in_flight {
            self.stats.push(StatEvent::Message {
                chat: m.chat,
                message: m.id,
                role,
                date: m.date,
            });
            match role {
                Role::Customer => {
                    c.add_pending(m.id, m.date, late);
                    if arrived && m.id >= c.answered_up_to {
                        out.push(Transition::CustomerMessage {
                            chat: m.chat,
                            message: m.id,
                        });
                    }
                }
                Role::Staff => {
                    if let Some(oldest) = c.answer_below(m.id) {
                        let reply = oldest.first_reply(m.chat, m.id, m.date, m.sender);
                        self.stats.push(reply);
                    }
                }
            }
        }
        let (chat, date) = (m.chat, m.date);
        self.commit(chat, before, out);
        if customer_wrote && !self.toolkit.reminders.is_empty() {
            self.customer_wrote(chat, date, out);
        }
    }

    fn remove_chat(&mut self, chat: ChatId) {
        let Some(c) = self.chats.remove(&chat) else {
            return;
        };
        self.generation = self.generation.wrapping_add(1);
        if let Some(key) = c.key {
            self.tree.remove(&key);
        }
        if let Some(d) = c.deadline {
            self.deadlines.remove(&(d, chat));
        }
        if let Some(w) = c.wait_entry {
            self.waits.remove(&(w, chat));
        }
        add_counts(&mut self.counters, c.counted, -1);
    }

    /// Runs `f` on a known chat and commits the change; unknown chats are ignored (TDLib
    /// always announces a chat before anything happens in it).
    pub(crate) fn update(
        &mut self,
        chat: ChatId,
        out: &mut Vec<Transition>,
        f: impl FnOnce(&mut Chat, &Settings),
    ) {
        let Some(c) = self.chats.get(&chat) else {
            return;
        };
        let before = self.snapshot(c);
        let c = self.chats.get_mut(&chat).expect("present");
        f(c, &self.settings);
        self.commit(chat, before, out);
    }

    pub(crate) fn snapshot(&self, c: &Chat) -> Snapshot {
        Snapshot {
            key: c.key,
            mask: c.mask,
            level: c.level,
            contrib: c.counted,
        }
    }

    /// Recomputes the chat's derived state (support, level, key, mask) and moves it in the
    /// tree, the deadlines and the counters if any of them changed.
    pub(crate) fn commit(&mut self, chat: ChatId, before: Snapshot, out: &mut Vec<Transition>) {
        self.generation = self.generation.wrapping_add(1);
        let now = self.now;
        let kit = self.toolkit.of(chat);
        let thresholds = self.thresholds_of(kit);
        let fired = self.toolkit.fired_at(chat);
        let float = self.settings.float_waiting;
        let pin = self.pin_index.get(&chat).copied();
        let alarm = self.alarms.contains(&chat) || self.team.alarm_raised(chat);
        let mine = self.team.is_mine(chat);
        let starred = self.stars.contains(&chat);
        let flag = self.flags.get(&chat).copied();
        // The team's business hours, when its settings give them, else this admin's.
        let team_clock = (self.team.settings.business_hours.clone()).map(WaitClock::Business);
        let clock = team_clock.as_ref().unwrap_or(&self.wait_clock);
        let Some(c) = self.chats.get_mut(&chat) else {
            return;
        };
        if c.title_match.is_none() {
            c.title_match = Some(title_matches(&self.pattern, &c.title_lower));
        }
        // An alerts chat is never a customer's: it never counts toward customer SLA.
        let support = !kit.alerts && support_of(c, flag, &self.settings, &self.pattern);
        if c.support != support {
            c.support = support;
            // Pending messages are only tracked for support chats: this bounds memory in
            // busy non-support groups, and a chat that becomes support starts fresh.
            c.clear_pending();
        }
        let (level, deadline) = match c.waiting {
            Some(w) if c.support => thresholds.level_on(clock, w.date, now),
            _ => (Status::Normal, None),
        };
        if c.deadline != deadline {
            if let Some(d) = c.deadline {
                self.deadlines.remove(&(d, chat));
            }
            if let Some(d) = deadline {
                self.deadlines.insert((d, chat));
            }
            c.deadline = deadline;
        }
        if level > before.level {
            match level {
                Status::Red => out.push(Transition::TurnedRed { chat }),
                Status::Breach => out.push(Transition::Breached { chat }),
                _ => {}
            }
        }
        c.level = level;
        let waiting = c.support && c.waiting.is_some();
        // A reminder that fired lifts the chat like a waiting one until it is opened.
        let lifted = waiting || fired.is_some();
        // Role visibility: a support chat this account's roles do not cover is not listed.
        let hidden = c.support && self.team.hides(chat, pin.is_some());
        let key = (c.in_main_list && !hidden).then(|| {
            let since = match (c.waiting.filter(|_| waiting), fired) {
                (Some(w), Some(f)) => w.date.min(f),
                (Some(w), None) => w.date,
                (None, f) => f.unwrap_or(0),
            };
            let (band, primary) = if kit.alerts {
                (BAND_ALERTS, c.jump.saturating_neg())
            } else if let Some(i) = pin {
                (BAND_PINNED, i as i64)
            } else if alarm {
                (BAND_ALARM, c.jump.saturating_neg())
            } else if float && lifted {
                (BAND_WAITING, since)
            } else if let Some(f) = fired {
                // Risen to the top of the rest, as a new message would have moved it.
                (BAND_REST, c.jump.max(f).saturating_neg())
            } else {
                (BAND_REST, c.jump.saturating_neg())
            };
            Key {
                band,
                primary,
                chat,
            }
        });
        let mut mask = 1u8;
        if c.support {
            mask |= 1 << CAT_SUPPORT;
        }
        if lifted {
            mask |= 1 << CAT_WAITING;
        }
        if starred {
            mask |= 1 << CAT_STARRED;
        }
        if mine {
            mask |= 1 << CAT_MINE;
        }
        let mask = if key.is_some() { mask } else { 0 };
        if key != before.key {
            if let Some(k) = before.key {
                self.tree.remove(&k);
            }
            if let Some(k) = key {
                self.tree.insert(k, mask);
            }
        } else if mask != before.mask
            && let Some(k) = key
        {
            // Same place, other filters (e.g. started waiting): adjust counts in place.
            self.tree.set_mask(&k, mask);
        }
        c.key = key;
        c.mask = mask;
        let wait_entry = (mask & (1 << CAT_WAITING) != 0).then(|| {
            c.waiting
                .filter(|_| waiting)
                .map_or(UnixTime::MAX, |w| w.date)
        });
        if c.wait_entry != wait_entry {
            if let Some(w) = c.wait_entry {
                self.waits.remove(&(w, chat));
            }
            if let Some(w) = wait_entry {
                self.waits.insert((w, chat));
            }
            c.wait_entry = wait_entry;
        }
        let after = contrib_of(c, alarm, kit.alerts, fired.is_some());
        c.counted = after;
        if after != before.contrib {
            add_counts(&mut self.counters, before.contrib, -1);
            add_counts(&mut self.counters, after, 1);
        }
    }

    /// Fires due SLA timers: each due chat is recommitted, which raises its level.
    fn run_timers(&mut self, out: &mut Vec<Transition>) {
        while let Some(&(due, chat)) = self.deadlines.first() {
            if due > self.now {
                break;
            }
            // Commit only ever schedules deadlines after `now`, so this loop ends.
            self.deadlines.pop_first();
            if let Some(c) = self.chats.get_mut(&chat) {
                c.deadline = None;
            }
            self.update(chat, out, |_, _| {});
        }
        if !self.toolkit.deadlines.is_empty() {
            self.fire_due_reminders(out);
        }
    }
}

/// What a chat adds to each header counter: support, waiting, red, breach, alarm, unread
/// (customer and colleague chats), unread alerts chats, reminders that fired.
fn contrib_of(c: &Chat, alarm: bool, alerts: bool, fired: bool) -> [bool; COUNTED] {
    let listed = c.key.is_some();
    let support = listed && c.support;
    [
        support,
        support && c.level >= Status::Waiting,
        support && c.level >= Status::Red,
        support && c.level >= Status::Breach,
        listed && alarm,
        listed && !alerts && c.unread(),
        listed && alerts && c.unread(),
        listed && fired,
    ]
}

fn add_counts(k: &mut Counters, contrib: [bool; COUNTED], sign: isize) {
    let fields = [
        &mut k.support_chats,
        &mut k.waiting,
        &mut k.red,
        &mut k.breach,
        &mut k.alarms,
        &mut k.unread_chats,
        &mut k.alerts_unread,
        &mut k.reminders_due,
    ];
    for (field, on) in fields.into_iter().zip(contrib) {
        if on {
            *field = field.wrapping_add_signed(sign);
        }
    }
}
