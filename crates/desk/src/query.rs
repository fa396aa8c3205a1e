//! Reading the list for a virtualized view: its length, the rows in a visible range, and
//! where a chat sits. Without a title or tag filter every call is O(log n) per row
//! returned; with one, the list is scanned once per change of the desk (cached).

use std::ops::Range;
use std::sync::Arc;

use super::chat::{Chat, Key};
use super::core::{CAT_MINE, CAT_STARRED, CAT_SUPPORT, CAT_WAITING, Desk, TitleCache};
use super::model::{ChatFolder, ChatId, ChatKind, UnixTime};
use super::toolkit::tags::TagSet;
use super::view::{Counters, Filter, ListFilter, RowView, Status};

impl Desk {
    /// Header counters as of the desk's latest time.
    pub fn counters(&self) -> Counters {
        self.counters
    }

    /// Number of rows the list shows under `filter`.
    pub fn len(&self, filter: &ListFilter) -> usize {
        let cat = self.category(filter.filter);
        if !filter.scans() {
            self.tree.count(cat)
        } else {
            self.scanned(cat, filter).len()
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
        if !filter.scans() {
            for i in range {
                let Some(key) = self.tree.nth(cat, i) else {
                    break;
                };
                rows.push(self.row_of(&self.chats[&key.chat]));
            }
        } else {
            let ids = self.scanned(cat, filter);
            let end = range.end.min(ids.len());
            let start = range.start.min(end);
            rows.extend(
                ids[start..end]
                    .iter()
                    .map(|id| self.row_of(&self.chats[id])),
            );
        }
        rows
    }

    /// The chat ids in `range` under `filter` (cheaper than `rows` when only ids are needed).
    pub fn chat_ids(&self, filter: &ListFilter, range: Range<usize>) -> Vec<ChatId> {
        if filter.scans() {
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
        if !filter.scans() {
            Some(self.tree.rank(cat, &key))
        } else {
            self.scanned(cat, filter).iter().position(|&id| id == chat)
        }
    }

    /// One chat's row, whether or not the current filter shows it.
    pub fn row(&self, chat: ChatId) -> Option<RowView> {
        self.chats.get(&chat).map(|c| self.row_of(c))
    }

    /// When the chat's customer started waiting: its row's `waiting_since`, without
    /// building the row (the window's timer asks after every update).
    pub fn waiting_since(&self, chat: ChatId) -> Option<UnixTime> {
        let c = self.chats.get(&chat)?;
        c.waiting.filter(|_| c.support).map(|w| w.date)
    }

    /// Whether the chat is known (added and not removed).
    pub fn contains(&self, chat: ChatId) -> bool {
        self.chats.contains_key(&chat)
    }

    /// Every known basic group and supergroup, by id and title, whether the list shows it
    /// or not: the duty group is never a support chat (hidden from "All" when only support
    /// chats are shown) and may be archived, yet the settings must offer it. O(n), for
    /// when the settings open.
    pub fn groups(&self) -> Vec<(ChatId, String)> {
        self.chats
            .values()
            .filter(|c| matches!(c.kind, ChatKind::BasicGroup | ChatKind::Supergroup))
            .map(|c| (c.id, self.shown_title(c)))
            .collect()
    }

    /// The account's chat folders as Telegram last listed them (empty until it has).
    pub fn folders(&self) -> &[ChatFolder] {
        &self.folders
    }

    /// The support chat waiting longest, if any: for "jump to the next waiting chat".
    pub fn longest_waiting(&self) -> Option<ChatId> {
        self.longest_waits(1)
            .next()
            .and_then(|(since, chat)| since.map(|_| chat))
    }

    /// The chats listed under "Waiting", longest wait first, with when each wait started;
    /// a chat listed there only for a fired reminder comes after them with `None`. O(log n)
    /// to start, O(1) a chat: the overview asks for it on every frame.
    pub fn longest_waits(&self, n: usize) -> impl Iterator<Item = (Option<UnixTime>, ChatId)> + '_ {
        self.waits
            .iter()
            .take(n)
            .map(|&(since, chat)| ((since != UnixTime::MAX).then_some(since), chat))
    }

    /// The earliest time after `now()` at which a support chat turns red or breaches, or
    /// `None` if no chat is waiting below breach: the UI can sleep until then and `tick`.
    /// O(log n).
    pub fn next_deadline(&self) -> Option<UnixTime> {
        // Every call that moves time fires what came due, so what is left is after `now`.
        let sla = self.deadlines.first().map(|&(due, _)| due);
        match (sla, self.next_reminder()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn category(&self, filter: Filter) -> usize {
        match filter {
            Filter::All if self.settings.support.support_only => CAT_SUPPORT,
            Filter::All => 0,
            Filter::Support => CAT_SUPPORT,
            Filter::Waiting => CAT_WAITING,
            Filter::Starred => CAT_STARRED,
            Filter::Mine => CAT_MINE,
        }
    }

    /// The chats of category `cat` whose title contains the filter's title and that carry
    /// its tag, in list order. Neither has an index, so this scans the list; the result is
    /// cached until the desk changes, so one frame's `len`, `rows` and `position` share one
    /// scan.
    fn scanned(&self, cat: usize, filter: &ListFilter) -> Arc<[ChatId]> {
        let needle = filter.title.to_lowercase();
        let tag = filter.tag;
        let mut cache = self.title_cache.lock();
        if let Some(c) = cache.as_ref()
            && c.generation == self.generation
            && c.cat == cat
            && c.needle == needle
            && c.tag == tag
        {
            return Arc::clone(&c.ids);
        }
        // Walk the chat table (contiguous) rather than the tree (a hash lookup per node),
        // then sort the few matches into list order.
        let bit = 1u8 << cat;
        let mut keys: Vec<Key> = self
            .chats
            .values()
            .filter(|c| c.mask & bit != 0 && c.title_lower.contains(&needle))
            .filter(|c| tag.is_none_or(|t| self.toolkit.of(c.id).tags.contains(t)))
            .filter_map(|c| c.key)
            .collect();
        keys.sort_unstable();
        let ids: Vec<ChatId> = keys.into_iter().map(|k| k.chat).collect();
        let ids: Arc<[ChatId]> = ids.into();
        *cache = Some(TitleCache {
            needle,
            tag,
            cat,
            generation: self.generation,
            ids: Arc::clone(&ids),
        });
        ids
    }

    pub(crate) fn row_of(&self, c: &Chat) -> RowView {
        let local_alarm = self.alarms.contains(&c.id);
        let team_alarm = self.team_alarm(c.id);
        let alarm = local_alarm || team_alarm.is_some();
        let status = if alarm { Status::Alarm } else { c.level };
        let waiting = c.waiting.filter(|_| c.support);
        let mut row = RowView {
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
            team_alarm,
            local_alarm,
            assignee: self.assignee(c.id),
            support: c.support,
            has_note: self.notes.contains_key(&c.id),
            has_shared_note: self
                .team
                .state
                .notes
                .get(&c.id)
                .is_some_and(|n| n.value.is_some()),
            tags: TagSet::default(),
            alerts: false,
            reminder: None,
        };
        self.toolkit_row(c, &mut row);
        row
    }
}
