//! Keeps the chat context menu with the chat it belongs to. The menu names its chat and
//! acts on it, whatever row is under it now.
//! - A menu opened at the pointer stays where the pointer was. When the admin scrolls the
//!   list, it closes: they moved on. When the list re-sorts under it (a message in another
//!   chat, on a busy floor every few seconds), it stays. Closing then would turn the click
//!   meant for the menu into a click on whatever row slid under the pointer.
//! - A menu opened from the keyboard follows its row (see `list_pane::row_anchor`) and
//!   closes only when a scroll takes the row out of view.
//! - Either closes when its chat leaves the desk.

use super::Console;
use crate::desk::{ChatId, Desk};
use crate::ui::widgets::chat_list::ROW_HEIGHT;
use iced::Point;

/// Where the list was when the menu opened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Place {
    /// The list's scroll offset.
    offset_y: f32,
}

/// Scroll offsets this close are the same position (float noise from the scrollable).
const SAME_OFFSET: f32 = 0.5;

impl Console {
    /// Opens the menu of `chat` (none: nothing to open) at the pointer's `at`, or at the
    /// chat's row; notes where the list is as it opens.
    pub(super) fn open_menu(&mut self, chat: Option<ChatId>, at: Option<Point>) {
        self.menu = chat;
        self.menu_at = at;
        self.menu_place = chat.map(|_| Place {
            offset_y: self.offset_y,
        });
    }

    /// Closes the menu when the admin scrolled away from it or its chat is gone (see the
    /// module's notes). Cheap (one O(log n) lookup): the app calls it after every message.
    pub fn keep_menu_in_place(&mut self, desk: &Desk) {
        let (Some(chat), Some(place)) = (self.menu, self.menu_place) else {
            return;
        };
        let scrolled = (self.offset_y - place.offset_y).abs() > SAME_OFFSET;
        let stays = if desk.row(chat).is_none() {
            false
        } else if self.menu_at.is_some() {
            !scrolled
        } else {
            let row = desk.position(&self.list_filter(), chat);
            !scrolled || row.is_some_and(|i| self.row_in_view(i))
        };
        if !stays {
            self.menu = None;
            self.menu_place = None;
        }
    }

    /// Whether row `index` is wholly inside the list's viewport.
    fn row_in_view(&self, index: usize) -> bool {
        let top = index as f32 * ROW_HEIGHT;
        top >= self.offset_y - SAME_OFFSET
            && top + ROW_HEIGHT <= self.offset_y + self.viewport + SAME_OFFSET
    }
}
