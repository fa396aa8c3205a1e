//! Messages selected in the open chat, for one task quoting several of them.
//!
//! Ctrl+click (⌘ on macOS) adds or removes a message and starts selecting; Shift+click
//! selects every message shown between the last one clicked and this one; while a
//! selection is on, a plain click adds or removes a message; with none on, a plain click is
//! only a click (reading never selects by accident). A selection belongs to one chat: it
//! ends when another chat opens.

use std::collections::BTreeSet;

use crate::desk::{ChatId, MessageId};
use iced::keyboard::Modifiers;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Selection {
    chat: Option<ChatId>,
    /// Message ids grow with time, so this is oldest first.
    ids: BTreeSet<MessageId>,
    /// The message a Shift+click measures from.
    anchor: Option<MessageId>,
}

impl Selection {
    /// The selected messages of `chat`, oldest first.
    pub fn ids(&self, chat: ChatId) -> Vec<MessageId> {
        if self.chat == Some(chat) {
            self.ids.iter().copied().collect()
        } else {
            Vec::new()
        }
    }

    pub fn count(&self, chat: ChatId) -> usize {
        if self.chat == Some(chat) {
            self.ids.len()
        } else {
            0
        }
    }

    pub fn contains(&self, chat: ChatId, id: MessageId) -> bool {
        self.chat == Some(chat) && self.ids.contains(&id)
    }

    /// Ends the selection; whether there was one.
    pub fn clear(&mut self) -> bool {
        let had = !self.ids.is_empty();
        *self = Selection::default();
        had
    }

    /// A click on message `id` of `chat`, whose messages on screen are `shown`, oldest first.
    pub fn click(
        &mut self,
        chat: ChatId,
        id: MessageId,
        modifiers: Modifiers,
        shown: &[MessageId],
    ) {
        if self.chat != Some(chat) {
            *self = Selection {
                chat: Some(chat),
                ..Selection::default()
            };
        }
        if modifiers.shift() {
            let from = self.anchor.unwrap_or(id);
            let (low, high) = (from.min(id), from.max(id));
            self.ids
                .extend(shown.iter().copied().filter(|m| (low..=high).contains(m)));
            self.ids.insert(id);
            self.anchor = Some(id);
        } else if modifiers.command() || !self.ids.is_empty() {
            if !self.ids.remove(&id) {
                self.ids.insert(id);
            }
            self.anchor = Some(id);
        }
    }

    /// Forgets messages no longer in the chat (deleted).
    pub fn retain(&mut self, keep: impl Fn(MessageId) -> bool) {
        self.ids.retain(|id| keep(*id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOWN: [MessageId; 6] = [10, 20, 30, 40, 50, 60];

    #[test]
    fn a_plain_click_selects_nothing_until_a_selection_is_on() {
        let mut s = Selection::default();
        s.click(1, 20, Modifiers::empty(), &SHOWN);
        assert_eq!(s.count(1), 0);
        s.click(1, 20, Modifiers::COMMAND, &SHOWN);
        s.click(1, 40, Modifiers::empty(), &SHOWN);
        assert_eq!(s.ids(1), [20, 40]);
        s.click(1, 20, Modifiers::empty(), &SHOWN);
        assert_eq!(s.ids(1), [40], "a second click takes it out");
    }

    #[test]
    fn shift_selects_the_range_from_the_last_click_either_way() {
        let mut s = Selection::default();
        s.click(1, 50, Modifiers::COMMAND, &SHOWN);
        s.click(1, 20, Modifiers::SHIFT, &SHOWN);
        assert_eq!(s.ids(1), [20, 30, 40, 50]);
        let mut s = Selection::default();
        s.click(1, 30, Modifiers::SHIFT, &SHOWN);
        assert_eq!(s.ids(1), [30], "a first Shift+click selects the one");
        s.click(1, 60, Modifiers::SHIFT, &SHOWN);
        assert_eq!(s.ids(1), [30, 40, 50, 60]);
    }

    #[test]
    fn a_selection_belongs_to_one_chat() {
        let mut s = Selection::default();
        s.click(1, 20, Modifiers::COMMAND, &SHOWN);
        assert_eq!(s.ids(2), Vec::<MessageId>::new());
        assert!(!s.contains(2, 20));
        s.click(2, 30, Modifiers::COMMAND, &SHOWN);
        assert_eq!((s.ids(1).len(), s.ids(2)), (0, vec![30]));
        assert!(s.clear());
        assert!(!s.clear());
    }
}
