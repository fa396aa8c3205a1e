//! Reading the list for a virtualized view: its length, the rows in a visible range, and
//! where a chat sits. Without a title filter every call is O(log n) per row returned.

use std::ops::Range;

use super::chat::{Chat, Key};
use super::core::{CAT_STARRED, CAT_SUPPORT, CAT_WAITING, Desk};
use super::model::ChatId;
use super::view::{Counters, Filter, ListFilter, RowView, Status};

impl Desk {
    /// Header counters as of the desk's latest time.
    pub fn counters(&self) -> Counters {
        self.counters
    }

    /// Number of rows the list shows under `filter`.
    pub fn len(&self, filter: &ListFilter) -> usize {
        let cat = self.category(filter.filter);
        if filter.title.is_empty() {
            self.tree.count(cat)
        } else {
            let mut n = 0;
            self.scan_titled(cat, &filter.title, |_| {
                n += 1;
                true
            });
            n
        }
    }

    /// True when no chat is listed at all.
    pub fn is_empty(&self) -> bool {
        self.tree.len() == 0
    }

    /// The rows in `range` (clamped to the list) under `filter`, top to bottom.
    pub fn rows(&self, filter: &ListFilter, range: Range<usize>) -> Vec<RowView> {
        let cat = self.category(filter.filter);
        let mut rows = Vec::with_capacity(range.len().min(1024));
        if filter.title.is_empty() {
            for i in range {
                let Some(key) = self.tree.nth(cat, i) else {
                    break;
                };
                rows.push(self.row_of(&self.chats[&key.chat]));
            }
        } else {
            // A title filter has no index: scan in order, stop after the last visible row.
            let mut i = 0;
            self.scan_titled(cat, &filter.title, |c| {
                if i >= range.end {
                    return false;
                }
                if i >= range.start {
                    rows.push(self.row_of(c));
                }
                i += 1;
                true
            });
        }
        rows
    }

    /// The chat ids in `range` under `filter` (cheaper than `rows` when only ids are needed).
    pub fn chat_ids(&self, filter: &ListFilter, range: Range<usize>) -> Vec<ChatId> {
        if !filter.title.is_empty() {
            return self
                .rows(filter, range)
                .into_iter()
                .map(|r| r.chat)
                .collect();
        }
        let cat = self.category(filter.filter);
        range
            .map_while(|i| self.tree.nth(cat, i).map(|k| k.chat))
            .collect()
    }

    /// The row index of `chat` under `filter`, if it is shown there.
    pub fn position(&self, filter: &ListFilter, chat: ChatId) -> Option<usize> {
        let c = self.chats.get(&chat)?;
        let key: Key = c.key?;
        let cat = self.category(filter.filter);
        if c.mask & (1 << cat) == 0 {
            return None;
        }
        if filter.title.is_empty() {
            Some(self.tree.rank(cat, &key))
        } else {
            let mut found = None;
            let mut i = 0;
            self.scan_titled(cat, &filter.title, |row| {
                if row.id == chat {
                    found = Some(i);
                    return false;
                }
                i += 1;
                true
            });
            found
        }
    }

    /// One chat's row, whether or not the current filter shows it.
    pub fn row(&self, chat: ChatId) -> Option<RowView> {
        self.chats.get(&chat).map(|c| self.row_of(c))
    }

    /// Whether the chat is known (added and not removed).
    pub fn contains(&self, chat: ChatId) -> bool {
        self.chats.contains_key(&chat)
    }

    /// The support chat waiting longest, if any: for "jump to the next waiting chat".
    pub fn longest_waiting(&self) -> Option<ChatId> {
        // O(n), but only on a key press; an index for it would cost every event.
        self.chats
            .values()
            .filter(|c| c.support && c.key.is_some())
            .filter_map(|c| c.waiting.map(|w| (w.date, c.id)))
            .min()
            .map(|(_, id)| id)
    }

    fn category(&self, filter: Filter) -> usize {
        match filter {
            Filter::All if self.settings.support.support_only => CAT_SUPPORT,
            Filter::All => 0,
            Filter::Support => CAT_SUPPORT,
            Filter::Waiting => CAT_WAITING,
            Filter::Starred => CAT_STARRED,
        }
    }

    fn scan_titled(&self, cat: usize, title: &str, mut f: impl FnMut(&Chat) -> bool) {
        let needle = title.to_lowercase();
        let bit = 1u8 << cat;
        self.tree.for_each(|key, mask| {
            if mask & bit == 0 {
                return true;
            }
            let c = &self.chats[&key.chat];
            if c.title_lower.contains(&needle) {
                f(c)
            } else {
                true
            }
        });
    }

    pub(crate) fn row_of(&self, c: &Chat) -> RowView {
        let alarm = self.alarms.contains(&c.id);
        let status = if alarm { Status::Alarm } else { c.level };
        let waiting = c.waiting.filter(|_| c.support);
        RowView {
            chat: c.id,
            kind: c.kind,
            title: c.title.clone(),
            preview: c.preview.clone(),
            preview_content: c.content,
            last_date: c.last_date,
            status,
            waiting_since: waiting.map(|w| w.date),
            waiting_secs: waiting.map(|w| self.now.saturating_sub(w.date).max(0)),
            late: waiting.is_some_and(|w| w.late),
            unread_count: c.unread_count,
            unread: c.unread(),
            pinned: self.pin_index.contains_key(&c.id),
            starred: self.stars.contains(&c.id),
            alarm,
            support: c.support,
            has_note: self.notes.contains_key(&c.id),
        }
    }
}
