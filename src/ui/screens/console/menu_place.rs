//! Keeps the chat context menu next to the row it belongs to. A menu opened at the pointer
//! stays where the pointer was: if the list scrolls, or the chat's row moves (a message
//! re-sorts the list, a filter changes it), the menu would point at another chat's row
//! while acting on its own, so it closes. A menu opened from the keyboard follows its row
//! (see `list_pane::row_anchor`) and closes only when a scroll takes the row out of view.

use super::Console;
use crate::desk::Desk;
use crate::ui::widgets::chat_list::ROW_HEIGHT;

/// Where the list was when the menu opened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Place {
    /// The chat's row index in the list (None: not listed, e.g. filtered out).
    row: Option<usize>,
    /// The list's scroll offset.
    offset_y: f32,
}

/// Scroll offsets this close are the same position (float noise from the scrollable).
const SAME_OFFSET: f32 = 0.5;

impl Console {
    /// Notes where the list is as the menu opens (call right after setting `menu`).
    pub(super) fn place_menu(&mut self, desk: &Desk) {
        self.menu_place = self.menu.map(|chat| Place {
            row: desk.position(&self.list_filter(), chat),
            offset_y: self.offset_y,
        });
    }

    /// Closes the menu if the row it was opened on is no longer where it was (see the
    /// module's notes). Cheap (one O(log n) lookup): the app calls it after every message.
    pub fn keep_menu_in_place(&mut self, desk: &Desk) {
        let (Some(chat), Some(place)) = (self.menu, self.menu_place) else {
            return;
        };
        let scrolled = (self.offset_y - place.offset_y).abs() > SAME_OFFSET;
        let row = desk.position(&self.list_filter(), chat);
        let stays = if self.menu_at.is_some() {
            !scrolled && row == place.row
        } else {
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
