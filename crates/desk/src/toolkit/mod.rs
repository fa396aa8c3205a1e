//! The support toolkit: quick replies, tags, SLA tiers, reminders, alerts chats first,
//! keyword guards and privacy masking — the pure rules; the window's half is
//! `ui::features::toolkit`.
//!
//! In: the toolkit sections of the team settings document (shared through the duty group)
//! and of the config file's `[toolkit]` (this admin's own), read by one parser
//! (`document`); this admin's marks from the store (tags, tiers, alerts chats, reminders).
//! Out: through the `Desk` (`desk`): each chat's tags and thresholds (the seam every SLA
//! judgement goes through, `Desk::thresholds`), alerts chats above the rest with their own
//! unread count and no SLA, reminders that fire and lift their chat, masked view models,
//! and the guards and templates the composer uses.
//!
//! **One rule merges the two sources** (`ToolkitSettings::merge`): the team's definitions
//! come first and win for what the team owns (a template, tag, tier or guard of the same
//! name or key); the admin's own are added after them. Chat assignments add up (a chat has
//! the team's tags and the admin's); a chat's tier is the team's when the team names one.
//!
//! - `document`: the TOML sections, errors by line and key.
//! - `template`: quick replies: variables, free fields, filling, the picker's filter.
//! - `tags`, `tiers`: labels with colours; red/breach thresholds and the level of a wait.
//! - `reminders`: when a reminder is due.
//! - `guards`: words, patterns and card numbers in outgoing messages.
//! - `masking`: pseudonyms and masked texts for contractors.
//! - `desk`: how all of it reaches the `Desk`; `remind`: reminders on the `Desk`.

pub(crate) mod desk;
pub mod document;
pub mod guards;
pub mod masking;
mod remind;
pub mod reminders;
pub mod tags;
pub mod template;
pub mod tiers;

use document::ToolkitDoc;
use guards::Guard;
use tags::TagDef;
use template::Template;
use tiers::Tier;

use crate::model::{ChatId, UnixTime};
use reminders::Reminder;

pub use desk::{ReminderView, RowReminder};

/// The toolkit in force: the team's definitions, then the admin's own (see the module
/// docs for the rule).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ToolkitSettings {
    pub templates: Vec<Template>,
    /// How many of `templates` (the first ones) are the team's.
    pub team_templates: usize,
    pub tags: Vec<TagDef>,
    pub tiers: Vec<Tier>,
    pub guards: Vec<Guard>,
    /// The admin's own alerts chats (the team's are in the team settings).
    pub alerts_chats: Vec<ChatId>,
    /// The admin's local switch: mask customers as for a contractor.
    pub mask_customers: bool,
}

impl ToolkitSettings {
    /// The team's document (if any) merged with the admin's own.
    pub fn merge(team: Option<&ToolkitDoc>, personal: &ToolkitDoc) -> ToolkitSettings {
        let empty = ToolkitDoc::default();
        let team = team.unwrap_or(&empty);
        let mut out = ToolkitSettings {
            templates: team.templates.clone(),
            team_templates: team.templates.len(),
            tags: team.tags.clone(),
            tiers: team.tiers.clone(),
            guards: team.guards.clone(),
            alerts_chats: personal.alerts_chats.clone(),
            mask_customers: personal.mask_customers,
        };
        add_missing(&mut out.templates, &personal.templates, |t| &t.name);
        add_missing(&mut out.tiers, &personal.tiers, |t| &t.key);
        add_missing(&mut out.guards, &personal.guards, |g| &g.name);
        let room = tags::MAX_TAGS.saturating_sub(out.tags.len());
        let before = out.tags.len();
        add_missing(&mut out.tags, &personal.tags, |t| &t.key);
        out.tags.truncate(before + room);
        out
    }

    pub fn tier(&self, key: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.key == key)
    }

    pub fn tag_index(&self, key: &str) -> Option<tags::TagId> {
        self.tags
            .iter()
            .position(|t| t.key == key)
            .map(|i| i as tags::TagId)
    }
}

fn add_missing<T: Clone>(into: &mut Vec<T>, from: &[T], name: impl Fn(&T) -> &String) {
    for item in from {
        if !into.iter().any(|x| name(x) == name(item)) {
            into.push(item.clone());
        }
    }
}

/// A toolkit mark this admin changed, for the store (`LocalChange::Toolkit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolkitChange {
    Tag {
        chat: ChatId,
        tag: String,
        on: bool,
    },
    /// `None`: the chat follows its tags and the default again.
    Tier {
        chat: ChatId,
        tier: Option<String>,
    },
    Alerts {
        chat: ChatId,
        on: bool,
    },
    /// `None`: the chat's reminder is gone (cancelled, or fired and opened).
    Reminder {
        chat: ChatId,
        reminder: Option<StoredReminder>,
    },
}

/// A reminder as the store keeps it: fired ones stay until the chat is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReminder {
    pub reminder: Reminder,
    pub fired_at: Option<UnixTime>,
}

/// This admin's toolkit marks as loaded from the store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ToolkitLocal {
    pub tags: Vec<(ChatId, String)>,
    pub tiers: Vec<(ChatId, String)>,
    pub alerts: Vec<ChatId>,
    pub reminders: Vec<StoredReminder>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use document::{Origin, parse};

    #[test]
    fn the_team_wins_and_the_admin_adds() {
        let team = parse(
            "[[quick_replies]]\nname = \"Hi\"\ntext = \"team\"\n[tags.vip]\ncolour = \"gold\"\n",
            Origin::Team,
        )
        .unwrap();
        let mine = parse(
            "[[toolkit.quick_replies]]\nname = \"Hi\"\ntext = \"mine\"\n[[toolkit.quick_replies]]\nname = \"Bye\"\ntext = \"bye\"\n\
             [toolkit.tags.vip]\ncolour = \"red\"\n[toolkit.tags.later]\ncolour = \"blue\"\n",
            Origin::Config,
        )
        .unwrap();
        let merged = ToolkitSettings::merge(Some(&team), &mine);
        let names: Vec<(&str, &str)> = merged
            .templates
            .iter()
            .map(|t| (t.name.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(names, [("Hi", "team"), ("Bye", "bye")]);
        assert_eq!(merged.team_templates, 1);
        assert_eq!(merged.tags[0].colour, tags::Colour::parse("gold").unwrap());
        assert_eq!(merged.tag_index("later"), Some(1));
        let alone = ToolkitSettings::merge(None, &mine);
        assert_eq!(alone.templates[0].text, "mine");
    }
}
