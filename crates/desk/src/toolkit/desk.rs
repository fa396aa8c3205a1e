//! How the toolkit reaches the `Desk`. In: the merged toolkit settings (the team's document
//! whenever the team settings change, the admin's own from the app), this admin's marks
//! (tags, tiers, alerts chats, reminders), customer messages (for "when the customer writes
//! again") and the desk's time. Out: per chat what `Desk::commit` needs (its tags, its
//! thresholds, whether it is an alerts chat, whether a reminder fired), what a row shows,
//! the reminders list, guard checks, and masking of the desk's view models.
//!
//! Per-chat facts are derived once when their inputs change (`PerChat`), so the commit on
//! every event pays one hash lookup, and none while no chat has any.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::document::{Origin, ToolkitDoc, ToolkitError, parse};
use super::guards::{self, GuardHit};
use super::masking::{MaskWords, Masker, NameIndex, pseudonym};
use super::reminders::{Due, Reminder};
use super::tags::{TagChip, TagSet};
use super::tiers::{SlaMap, Thresholds, Tier};
use super::{ToolkitChange, ToolkitLocal, ToolkitSettings};
use crate::chat::Chat;
use crate::core::Desk;
use crate::hash::{IdMap, IdSet};
use crate::model::{ChatId, ChatKind, Message, Sender, UnixTime, UserId};
use crate::team::roles::TeamRole;
use crate::view::{LocalChange, RowView, Transition};

/// What the toolkit decides about one chat.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PerChat {
    pub tags: TagSet,
    /// Index in `ToolkitSettings::tiers`.
    pub tier: Option<u8>,
    pub alerts: bool,
}

/// The toolkit's part of the desk.
#[derive(Debug, Clone, Default)]
pub(crate) struct ToolkitState {
    pub settings: ToolkitSettings,
    pub personal: ToolkitDoc,
    pub team: Option<ToolkitDoc>,
    /// The team settings document `team` was read from.
    pub team_document: String,
    pub team_error: Option<ToolkitError>,
    pub local_tags: IdMap<ChatId, Vec<String>>,
    pub local_tiers: IdMap<ChatId, String>,
    pub local_alerts: IdSet<ChatId>,
    /// What the settings alone decide (the team's alerts chats, the documents' chat lists).
    pub from_settings: IdMap<ChatId, PerChat>,
    /// What is in force: settings and marks together; chats with nothing are absent.
    pub per_chat: IdMap<ChatId, PerChat>,
    pub reminders: IdMap<ChatId, Reminder>,
    pub deadlines: BTreeSet<(UnixTime, ChatId)>,
    /// Reminders that fired, until their chat is opened: when, and the note.
    pub fired: IdMap<ChatId, (UnixTime, String)>,
    pub names: NameIndex,
    pub words: MaskWords,
}

impl ToolkitState {
    pub(crate) fn of(&self, chat: ChatId) -> PerChat {
        if self.per_chat.is_empty() {
            return PerChat::default();
        }
        self.per_chat.get(&chat).copied().unwrap_or_default()
    }

    pub(crate) fn fired_at(&self, chat: ChatId) -> Option<UnixTime> {
        if self.fired.is_empty() {
            return None;
        }
        self.fired.get(&chat).map(|f| f.0)
    }

    /// Re-derives `from_settings` (after either document or the team's alerts changed).
    fn derive_settings(&mut self, team_alerts: &[ChatId]) {
        let s = &self.settings;
        let mut out: IdMap<ChatId, PerChat> = IdMap::default();
        for (i, tag) in s.tags.iter().enumerate() {
            for &chat in &tag.chats {
                let e = out.entry(chat).or_default();
                e.tags = e.tags.with(i as u8);
            }
        }
        for (i, tier) in s.tiers.iter().enumerate() {
            for &chat in &tier.chats {
                out.entry(chat).or_default().tier.get_or_insert(i as u8);
            }
        }
        for &chat in team_alerts.iter().chain(&s.alerts_chats) {
            out.entry(chat).or_default().alerts = true;
        }
        self.from_settings = out;
        let chats: Vec<ChatId> = self
            .from_settings
            .keys()
            .chain(self.local_tags.keys())
            .chain(self.local_tiers.keys())
            .chain(self.local_alerts.iter())
            .chain(self.per_chat.keys())
            .copied()
            .collect();
        self.per_chat.clear();
        for chat in chats {
            self.derive(chat);
        }
    }

    /// Re-derives one chat from the settings and the marks.
    fn derive(&mut self, chat: ChatId) {
        let s = &self.settings;
        let base = self.from_settings.get(&chat).copied().unwrap_or_default();
        let mut tags = base.tags;
        for key in self.local_tags.get(&chat).into_iter().flatten() {
            if let Some(i) = s.tag_index(key) {
                tags = tags.with(i);
            }
        }
        let own_tier = self
            .local_tiers
            .get(&chat)
            .and_then(|k| s.tiers.iter().position(|t| &t.key == k))
            .map(|i| i as u8);
        // The strictest tier among the chat's tags.
        let tag_tier = tags
            .iter()
            .filter_map(|t| s.tags[usize::from(t)].tier.as_deref())
            .filter_map(|k| s.tiers.iter().position(|t| t.key == k))
            .min_by_key(|&i| {
                (
                    s.tiers[i].thresholds.breach_after_secs,
                    s.tiers[i].thresholds.red_after_secs,
                )
            })
            .map(|i| i as u8);
        let facts = PerChat {
            tags,
            tier: base.tier.or(own_tier).or(tag_tier),
            alerts: base.alerts || self.local_alerts.contains(&chat),
        };
        if facts == PerChat::default() {
            self.per_chat.remove(&chat);
        } else {
            self.per_chat.insert(chat, facts);
        }
    }
}

/// A reminder as a row shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowReminder {
    pub due: Due,
    pub note: String,
    /// It fired (the chat is lifted until opened).
    pub fired: bool,
}

/// A reminder in the list of all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderView {
    pub chat: ChatId,
    /// The chat's title as its row shows it (masked for a contractor).
    pub title: String,
    pub due: Due,
    pub note: String,
    pub fired_at: Option<UnixTime>,
}

impl Desk {
    /// The toolkit in force (templates, tags, tiers, guards).
    pub fn toolkit(&self) -> &ToolkitSettings {
        &self.toolkit.settings
    }

    /// The admin's own toolkit (the config file's `[toolkit]`): merged after the team's.
    pub fn set_personal_toolkit(&mut self, doc: ToolkitDoc) -> Vec<Transition> {
        self.toolkit.personal = doc;
        self.remerge();
        self.recommit_everything()
    }

    /// The team document's toolkit problem (line and key), while its last good toolkit
    /// stays in force: for the banner.
    pub fn toolkit_team_error(&self) -> Option<&ToolkitError> {
        self.toolkit.team_error.as_ref()
    }

    /// Reads the team settings document's toolkit sections again if the document changed.
    pub(crate) fn sync_team_toolkit(&mut self) {
        if self.team.settings.document == self.toolkit.team_document {
            return;
        }
        self.toolkit.team_document = self.team.settings.document.clone();
        if self.toolkit.team_document.is_empty() {
            self.toolkit.team = None;
            self.toolkit.team_error = None;
        } else {
            match parse(&self.toolkit.team_document, Origin::Team) {
                Ok(doc) => {
                    self.toolkit.team = Some(doc);
                    self.toolkit.team_error = None;
                }
                // The last good toolkit stays, as the team's other settings do.
                Err(e) => self.toolkit.team_error = Some(e),
            }
        }
        self.remerge();
    }

    fn remerge(&mut self) {
        self.toolkit.settings =
            ToolkitSettings::merge(self.toolkit.team.as_ref(), &self.toolkit.personal);
        let team_alerts = self.team.settings.alerts_chats.clone();
        self.toolkit.derive_settings(&team_alerts);
    }

    fn recommit_everything(&mut self) -> Vec<Transition> {
        let mut out = Vec::new();
        let ids: Vec<ChatId> = self.chats.keys().copied().collect();
        for chat in ids {
            self.update(chat, &mut out, |_, _| {});
        }
        out
    }

    /// Restores this admin's toolkit marks from the store.
    pub(crate) fn load_toolkit(&mut self, local: ToolkitLocal) {
        let t = &mut self.toolkit;
        t.local_tags.clear();
        for (chat, tag) in local.tags {
            t.local_tags.entry(chat).or_default().push(tag);
        }
        t.local_tiers = local.tiers.into_iter().collect();
        t.local_alerts = local.alerts.into_iter().collect();
        t.reminders.clear();
        t.deadlines.clear();
        t.fired.clear();
        for stored in local.reminders {
            let chat = stored.reminder.chat;
            match stored.fired_at {
                Some(at) => {
                    t.fired.insert(chat, (at, stored.reminder.note));
                }
                None => {
                    if let Due::At(due) = stored.reminder.due {
                        t.deadlines.insert((due, chat));
                    }
                    t.reminders.insert(chat, stored.reminder);
                }
            }
        }
        let team_alerts = self.team.settings.alerts_chats.clone();
        self.toolkit.derive_settings(&team_alerts);
    }

    /// The thresholds a chat is held to: its tier (the team's for it, else the admin's, else
    /// the strictest of its tags'), else the team's SLA, else the admin's. The one seam for
    /// red and breach: list, counters, notifications and statistics all ask here.
    pub fn thresholds(&self, chat: ChatId) -> Thresholds {
        self.thresholds_of(self.toolkit.of(chat))
    }

    pub(crate) fn thresholds_of(&self, facts: PerChat) -> Thresholds {
        match facts
            .tier
            .and_then(|i| self.toolkit.settings.tiers.get(usize::from(i)))
        {
            Some(tier) => tier.thresholds,
            None => self.default_thresholds(),
        }
    }

    /// The thresholds of chats without a tier: the team's SLA, else the admin's.
    pub fn default_thresholds(&self) -> Thresholds {
        let (red, breach) = self.team.sla(&self.settings);
        Thresholds::new(red, breach)
    }

    /// Every chat's thresholds now, for statistics and exports (`SlaMap::of`).
    pub fn sla_map(&self) -> SlaMap {
        let chats = self
            .toolkit
            .per_chat
            .iter()
            .filter(|(_, f)| f.tier.is_some())
            .map(|(&chat, &f)| (chat, self.thresholds_of(f)))
            .collect();
        SlaMap {
            default: self.default_thresholds(),
            chats,
        }
    }

    /// The chat's tier, if it has one.
    pub fn tier_of(&self, chat: ChatId) -> Option<&Tier> {
        let i = self.toolkit.of(chat).tier?;
        self.toolkit.settings.tiers.get(usize::from(i))
    }

    /// The tier this admin gave the chat (beside the team's and the tags').
    pub fn own_tier(&self, chat: ChatId) -> Option<&str> {
        self.toolkit.local_tiers.get(&chat).map(String::as_str)
    }

    pub fn tags_of(&self, chat: ChatId) -> TagSet {
        self.toolkit.of(chat).tags
    }

    /// The tags of a set (a row's `tags`), named and coloured, in definition order.
    pub fn tag_chips(&self, tags: TagSet) -> Vec<TagChip> {
        let defs = &self.toolkit.settings.tags;
        tags.iter()
            .filter_map(|t| {
                let def = defs.get(usize::from(t))?;
                Some(TagChip {
                    tag: t,
                    label: def.label.clone(),
                    colour: def.colour,
                })
            })
            .collect()
    }

    /// Whether this admin tagged the chat with `tag` (the team's tagging is its own).
    pub fn has_own_tag(&self, chat: ChatId, tag: &str) -> bool {
        self.toolkit
            .local_tags
            .get(&chat)
            .is_some_and(|t| t.iter().any(|k| k == tag))
    }

    /// Tags or untags a chat (this admin's mark). Returns whether anything changed.
    pub fn set_tag(&mut self, chat: ChatId, tag: &str, on: bool) -> bool {
        let tags = self.toolkit.local_tags.entry(chat).or_default();
        let had = tags.iter().any(|k| k == tag);
        if had == on {
            return false;
        }
        if on {
            tags.push(tag.to_owned());
        } else {
            tags.retain(|k| k != tag);
            if tags.is_empty() {
                self.toolkit.local_tags.remove(&chat);
            }
        }
        self.mark_changed(
            chat,
            ToolkitChange::Tag {
                chat,
                tag: tag.to_owned(),
                on,
            },
        );
        true
    }

    /// Holds a chat to a tier (`None`: its tags' and the default again).
    pub fn set_chat_tier(&mut self, chat: ChatId, tier: Option<&str>) -> Vec<Transition> {
        match tier {
            Some(t) => self.toolkit.local_tiers.insert(chat, t.to_owned()),
            None => self.toolkit.local_tiers.remove(&chat),
        };
        let change = ToolkitChange::Tier {
            chat,
            tier: tier.map(str::to_owned),
        };
        self.mark_changed(chat, change)
    }

    /// Whether the chat is an alerts chat (the team's or this admin's).
    pub fn is_alerts(&self, chat: ChatId) -> bool {
        self.toolkit.of(chat).alerts
    }

    /// Whether this admin marked the chat as an alerts chat here.
    pub fn is_own_alerts(&self, chat: ChatId) -> bool {
        self.toolkit.local_alerts.contains(&chat)
    }

    /// Marks a chat as an alerts chat (above customer chats, no SLA) or not, here.
    pub fn set_alerts(&mut self, chat: ChatId, on: bool) -> bool {
        let changed = if on {
            self.toolkit.local_alerts.insert(chat)
        } else {
            self.toolkit.local_alerts.remove(&chat)
        };
        if changed {
            self.mark_changed(chat, ToolkitChange::Alerts { chat, on });
        }
        changed
    }

    pub(super) fn mark_changed(&mut self, chat: ChatId, change: ToolkitChange) -> Vec<Transition> {
        self.toolkit.derive(chat);
        self.changes.push(LocalChange::Toolkit(change));
        let mut out = Vec::new();
        self.update(chat, &mut out, |_, _| {});
        out
    }

    /// Every guard match in a message about to be sent (a quick reply's too).
    pub fn check_guards(&self, text: &str) -> Vec<GuardHit> {
        guards::check(&self.toolkit.settings.guards, text)
    }

    /// The words masking writes, in the admin's language (from the app's catalog).
    pub fn set_mask_words(&mut self, words: MaskWords) {
        self.toolkit.words = words;
    }

    /// Whether customers are masked here: this account has the team's `contractor` role,
    /// or the admin turned the local switch on.
    pub fn masking_active(&self) -> bool {
        self.toolkit.settings.mask_customers || self.my_roles().has(TeamRole::Contractor)
    }

    fn is_staff_user(&self, user: UserId) -> bool {
        self.role_of(Sender::User(user), false) == crate::model::Role::Staff
    }

    /// A text as this admin may see it: masked for a contractor, as is otherwise.
    pub fn masked<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if !self.masking_active() {
            return Cow::Borrowed(text);
        }
        let is_staff = |u: UserId| self.is_staff_user(u);
        Masker {
            words: &self.toolkit.words,
            names: &self.toolkit.names,
            is_staff: &is_staff,
        }
        .text(text)
    }

    /// A message from Telegram as this admin may see it (history pages, search hits: texts
    /// that reach the window without living in the desk).
    pub fn mask_message(&self, m: &mut Message) {
        if let Cow::Owned(text) = self.masked(&m.preview) {
            m.preview = text;
        }
    }

    /// A user's name as this admin may see it: a customer's pseudonym for a contractor.
    pub(crate) fn shown_user_name(&self, user: UserId) -> Option<Cow<'_, str>> {
        if self.masking_active() && !self.is_staff_user(user) {
            return Some(Cow::Owned(pseudonym(&self.toolkit.words, user)));
        }
        self.users.get(&user).map(|n| Cow::Borrowed(n.as_str()))
    }

    /// The first word of a user's real name, for what is sent to that customer (a
    /// contractor's quick reply greets them by name): never for anything shown.
    pub fn first_name_for_sending(&self, user: UserId) -> Option<String> {
        let name = self.users.get(&user)?;
        name.split_whitespace().next().map(str::to_owned)
    }

    /// A chat's real title, for what is sent there: never for anything shown.
    pub fn title_for_sending(&self, chat: ChatId) -> Option<String> {
        self.chats.get(&chat).map(|c| c.title.clone())
    }

    /// A chat's title as this admin may see it.
    pub(crate) fn shown_title(&self, c: &Chat) -> String {
        if !self.masking_active() {
            return c.title.clone();
        }
        if c.kind == ChatKind::Private && !self.is_staff_user(c.id) {
            return pseudonym(&self.toolkit.words, c.id);
        }
        self.masked(&c.title).into_owned()
    }

    /// Fills in what the toolkit adds to a row, and masks it for a contractor.
    pub(crate) fn toolkit_row(&self, c: &Chat, row: &mut RowView) {
        let facts = self.toolkit.of(c.id);
        row.tags = facts.tags;
        row.alerts = facts.alerts;
        let fired = self
            .toolkit
            .fired
            .get(&c.id)
            .filter(|_| !self.toolkit.fired.is_empty());
        row.reminder = match (self.toolkit.reminders.get(&c.id), fired) {
            (_, Some((at, note))) => Some(RowReminder {
                due: Due::At(*at),
                note: self.masked(note).into_owned(),
                fired: true,
            }),
            (Some(r), None) => Some(RowReminder {
                due: r.due,
                note: self.masked(&r.note).into_owned(),
                fired: false,
            }),
            (None, None) => None,
        };
        if self.masking_active() {
            row.title = self.shown_title(c);
            if let Cow::Owned(preview) = self.masked(&row.preview) {
                row.preview = preview;
            }
        }
    }
}
