//! What the admin does locally (pins, stars, notes, alarms, "no reply needed", support
//! flags, settings) and loading those marks back from the store.

use super::chat::Chat;
use super::core::Desk;
use super::model::{ChatId, ChatKind, Event, UnixTime};
use super::settings::{Settings, glob_match_lower};
use super::view::{LocalChange, LocalState, SupportFlag, Transition};

impl Desk {
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Replaces the settings and re-derives every chat (support, staff, order, levels).
    /// Returns transitions if lower thresholds made chats red or breached.
    pub fn set_settings(&mut self, settings: Settings) -> Vec<Transition> {
        if settings.own_user.is_some() {
            self.own_user = settings.own_user;
        }
        // Another duty group is another team: its state starts from nothing.
        self.team.set_group(settings.staff.duty_group);
        self.team.set_own_user(self.own_user);
        if settings.staff.duty_group != self.settings.staff.duty_group {
            // Members of the previous duty group are no longer staff; the lead sends the
            // new group's members as a MembersChanged.
            self.duty_members.clear();
        }
        self.extra_staff = settings.staff.extra_staff.iter().copied().collect();
        self.pattern = settings
            .support
            .title_pattern
            .chars()
            .flat_map(char::to_lowercase)
            .collect();
        self.settings = settings;
        self.sync_team_toolkit();
        for c in self.chats.values_mut() {
            c.title_match = None;
        }
        self.recommit_all()
    }

    /// Restores the local marks saved in the store; call before or after chats arrive.
    pub fn load_local(&mut self, state: LocalState) {
        self.pins.clear();
        self.pin_index.clear();
        for chat in state.pins {
            if !self.pin_index.contains_key(&chat) {
                self.pin_index.insert(chat, self.pins.len());
                self.pins.push(chat);
            }
        }
        self.stars = state.stars.into_iter().collect();
        self.notes = state
            .notes
            .into_iter()
            .filter(|(_, t)| !t.is_empty())
            .collect();
        self.flags = state.support_flags.into_iter().collect();
        self.dismissed = state.dismissed.into_iter().collect();
        self.alarms = state.alarms.into_iter().collect();
        self.load_toolkit(state.toolkit);
        for (&chat, &up_to) in &self.dismissed {
            if let Some(c) = self.chats.get_mut(&chat) {
                c.answer_below(up_to.saturating_add(1));
            }
        }
        self.recommit_all();
    }

    /// Pins a chat at the end of the pins (no limit). Returns false if already pinned.
    pub fn pin(&mut self, chat: ChatId) -> bool {
        if self.pin_index.contains_key(&chat) {
            return false;
        }
        self.pins.push(chat);
        self.reindex_pins(self.pins.len() - 1);
        true
    }

    pub fn unpin(&mut self, chat: ChatId) -> bool {
        let Some(i) = self.pin_index.remove(&chat) else {
            return false;
        };
        self.pins.remove(i);
        self.recommit(chat);
        self.reindex_pins(i);
        true
    }

    /// Moves a pinned chat to position `to` among the pins (clamped to the last place).
    pub fn move_pin(&mut self, chat: ChatId, to: usize) -> bool {
        let Some(&from) = self.pin_index.get(&chat) else {
            return false;
        };
        let to = to.min(self.pins.len() - 1);
        if from == to {
            return true;
        }
        let c = self.pins.remove(from);
        self.pins.insert(to, c);
        self.reindex_pins(from.min(to));
        true
    }

    /// Pinned chats, first to last (including pinned chats not currently known).
    pub fn pins(&self) -> &[ChatId] {
        &self.pins
    }

    fn reindex_pins(&mut self, from: usize) {
        for i in from..self.pins.len() {
            let chat = self.pins[i];
            self.pin_index.insert(chat, i);
            self.recommit(chat);
        }
        self.changes.push(LocalChange::Pins(self.pins.clone()));
    }

    pub fn star(&mut self, chat: ChatId) -> bool {
        self.set_star(chat, true)
    }

    pub fn unstar(&mut self, chat: ChatId) -> bool {
        self.set_star(chat, false)
    }

    fn set_star(&mut self, chat: ChatId, starred: bool) -> bool {
        let changed = if starred {
            self.stars.insert(chat)
        } else {
            self.stars.remove(&chat)
        };
        if changed {
            self.recommit(chat);
            self.changes.push(LocalChange::Star { chat, starred });
        }
        changed
    }

    pub fn is_starred(&self, chat: ChatId) -> bool {
        self.stars.contains(&chat)
    }

    /// Sets the private note on a chat; an empty (or blank) text deletes it.
    pub fn set_note(&mut self, chat: ChatId, text: &str) {
        let text = text.trim_end();
        if text.trim().is_empty() {
            if self.notes.remove(&chat).is_none() {
                return;
            }
        } else if self.notes.get(&chat).map(String::as_str) == Some(text) {
            return;
        } else {
            self.notes.insert(chat, text.to_owned());
        }
        self.changes.push(LocalChange::Note {
            chat,
            text: self.notes.get(&chat).cloned().unwrap_or_default(),
        });
    }

    pub fn note(&self, chat: ChatId) -> Option<&str> {
        self.notes.get(&chat).map(String::as_str)
    }

    /// "No reply needed": every message that has arrived so far counts as answered, here
    /// only (nothing is sent). Returns false if nothing was waiting.
    pub fn no_reply_needed(&mut self, chat: ChatId) -> bool {
        let Some(c) = self.chats.get(&chat) else {
            return false;
        };
        let Some(up_to) = c.max_id else {
            return false;
        };
        let was_waiting = c.waiting.is_some();
        let before = self.snapshot(c);
        let c = self.chats.get_mut(&chat).expect("present");
        c.answer_below(up_to.saturating_add(1));
        let mut out = Vec::new();
        self.commit(chat, before, &mut out);
        let entry = self.dismissed.entry(chat).or_insert(up_to);
        *entry = (*entry).max(up_to);
        self.changes.push(LocalChange::Dismissed { chat, up_to });
        was_waiting
    }

    /// Raises an alarm: the chat sits above everything but pins, for this admin. (Sharing
    /// it through the duty group is the telegram layer's job.)
    pub fn raise_alarm(&mut self, chat: ChatId) -> bool {
        self.set_alarm(chat, true)
    }

    pub fn clear_alarm(&mut self, chat: ChatId) -> bool {
        self.set_alarm(chat, false)
    }

    fn set_alarm(&mut self, chat: ChatId, raised: bool) -> bool {
        let changed = if raised {
            self.alarms.insert(chat)
        } else {
            self.alarms.remove(&chat)
        };
        if changed {
            self.recommit(chat);
            // Kept like the other marks, so an alarm outlives a restart of this client.
            self.changes.push(LocalChange::Alarm { chat, raised });
        }
        changed
    }

    pub fn has_alarm(&self, chat: ChatId) -> bool {
        self.alarms.contains(&chat)
    }

    /// Overrides the support rules for one chat (`None` goes back to the rules).
    pub fn set_support_flag(&mut self, chat: ChatId, flag: Option<SupportFlag>) {
        let changed = match flag {
            Some(f) => self.flags.insert(chat, f) != Some(f),
            None => self.flags.remove(&chat).is_some(),
        };
        if changed {
            self.recommit(chat);
            self.changes.push(LocalChange::SupportFlag { chat, flag });
        }
    }

    pub fn support_flag(&self, chat: ChatId) -> Option<SupportFlag> {
        self.flags.get(&chat).copied()
    }

    /// Whether the rules and flags make `chat` a support chat (false for unknown chats).
    pub fn is_support(&self, chat: ChatId) -> bool {
        self.chats.get(&chat).is_some_and(|c| {
            support_of(
                c,
                self.flags.get(&chat).copied(),
                &self.settings,
                &self.pattern,
            )
        })
    }

    /// A user's display name, if `UserUpdated` told it; for a contractor a customer's is
    /// their pseudonym (see `toolkit::masking`).
    pub fn user_name(&self, user: super::model::UserId) -> Option<std::borrow::Cow<'_, str>> {
        self.shown_user_name(user)
    }

    /// Every support chat, the most recently active first (hidden ones too: the team's
    /// statistics count every support chat, whoever may see it).
    pub fn support_chats(&self) -> Vec<ChatId> {
        let mut chats: Vec<(UnixTime, ChatId)> = self
            .chats
            .values()
            .filter(|c| c.support)
            .map(|c| (c.max_date.unwrap_or(UnixTime::MIN), c.id))
            .collect();
        chats.sort_unstable_by(|a, b| b.cmp(a));
        chats.into_iter().map(|(_, chat)| chat).collect()
    }

    /// Everyone the desk takes for staff: this account, the extra staff and the duty
    /// group's members, by id.
    pub fn staff_users(&self) -> Vec<super::model::UserId> {
        let mut users: Vec<_> = self
            .own_user
            .iter()
            .chain(&self.extra_staff)
            .chain(&self.duty_members)
            .copied()
            .collect();
        users.sort_unstable();
        users.dedup();
        users
    }

    /// Feeds many events at once (same `now`); transitions are concatenated.
    pub fn apply_all(
        &mut self,
        events: impl IntoIterator<Item = Event>,
        now: UnixTime,
    ) -> Vec<Transition> {
        let mut out = Vec::new();
        for e in events {
            out.extend(self.apply(e, now));
        }
        out
    }

    /// How waits are measured for red and breach.
    pub fn wait_clock(&self) -> &crate::calendar::WaitClock {
        &self.wait_clock
    }

    /// The business hours waits are measured in: the team's (its settings'
    /// `[business_hours]`), else this admin's (`set_wait_clock`); `None`: around the clock.
    pub fn business_calendar(&self) -> Option<std::sync::Arc<crate::calendar::BusinessCalendar>> {
        match (&self.team.settings.business_hours, &self.wait_clock) {
            (Some(team), _) => Some(team.clone()),
            (None, crate::calendar::WaitClock::Business(own)) => Some(own.clone()),
            (None, crate::calendar::WaitClock::AroundTheClock) => None,
        }
    }

    /// Measures waits on `clock` from now on (business hours, or around the clock; the
    /// team's business hours, when its settings give them, still win) and
    /// re-derives every chat's level and deadline; transitions for chats it makes red or
    /// breached.
    pub fn set_wait_clock(&mut self, clock: crate::calendar::WaitClock) -> Vec<Transition> {
        if self.wait_clock == clock {
            return Vec::new();
        }
        self.wait_clock = clock;
        self.recommit_all()
    }

    pub(crate) fn recommit(&mut self, chat: ChatId) {
        let mut out = Vec::new();
        self.update(chat, &mut out, |_, _| {});
    }

    fn recommit_all(&mut self) -> Vec<Transition> {
        let ids: Vec<ChatId> = self.chats.keys().copied().collect();
        let mut out = Vec::new();
        for chat in ids {
            self.update(chat, &mut out, |_, _| {});
        }
        out
    }
}

/// The support rule for one chat; a free function so `commit` can call it while holding
/// the chat mutably.
pub(crate) fn support_of(
    c: &Chat,
    flag: Option<SupportFlag>,
    settings: &Settings,
    pattern: &[char],
) -> bool {
    if !c.in_main_list || c.kind == ChatKind::Channel || Some(c.id) == settings.staff.duty_group {
        return false;
    }
    match flag {
        Some(SupportFlag::Include) => true,
        Some(SupportFlag::Exclude) => false,
        None => {
            settings
                .support
                .folder
                .is_none_or(|f| c.folders.contains(&f))
                && c.title_match
                    .unwrap_or_else(|| title_matches(pattern, &c.title_lower))
        }
    }
}

/// The title-pattern rule alone (its result is cached per chat by `commit`).
pub(crate) fn title_matches(pattern: &[char], title_lower: &str) -> bool {
    if pattern.is_empty() {
        return true;
    }
    let title: Vec<char> = title_lower.chars().collect();
    glob_match_lower(pattern, &title)
}
