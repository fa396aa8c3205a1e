//! Opening a chat at a message (the statistics' drill-down from a long wait): the chat
//! opens as when clicked, but its history is read from the newest message back to that
//! one and a few before it (`Request::LoadUntil`), so the open chat stays one unbroken run
//! of messages; the message is marked, and the history scrolls to put it at the top.
//! A message no longer in the chat (deleted) leaves the chat open and says so.

use super::requests::{Request, ask};
use super::{Console, Event, HISTORY_ID, Message};
use crate::desk::{ChatId, Desk, MessageId};
use crate::ui::effect::Effects;
use iced::Rectangle;
use iced::advanced::widget::operation::{Operation, Outcome, Scrollable};
use iced::advanced::widget::{Id, operate};
use iced::widget::operation::AbsoluteOffset;

/// Messages read before the one jumped to, for what led up to it.
pub const CONTEXT: i32 = 10;
/// The most messages read back to it (further back, the chat opens without it).
pub const CAP: usize = 3_000;
/// The marked message's container in the chat view.
pub const FOCUS_ID: &str = "history-focus";

impl Console {
    /// Opens `chat` (if it is not open already) at `message`.
    pub(super) fn open_at(
        &mut self,
        chat: ChatId,
        message: Option<MessageId>,
        desk: &Desk,
    ) -> Effects<Message> {
        let Some(message) = message else {
            return self.select(chat, desk);
        };
        if self.open_chat() != Some(chat) {
            let effects = self.select_reading(chat, desk, Some(message));
            if let Some(open) = self.open_if(chat) {
                open.focus = Some(message);
                open.jumping = true;
            }
            return effects;
        }
        let Some(open) = self.open_if(chat) else {
            return Effects::none();
        };
        open.focus = Some(message);
        if open.history.find(message).is_some() {
            return Effects::task(scroll_to_focus());
        }
        open.jumping = true;
        open.history.loading = true;
        ask(Request::LoadUntil { chat, message })
    }

    /// After a page of history: if the chat was opened at a message, where it is.
    pub(super) fn jumped(&mut self, chat: ChatId) -> (Effects<Message>, Option<Event>) {
        let Some(open) = self.open_if(chat).filter(|o| o.jumping) else {
            return (Effects::none(), None);
        };
        let Some(focus) = open.focus else {
            return (Effects::none(), None);
        };
        open.jumping = false;
        if open.history.find(focus).is_some() {
            (Effects::task(scroll_to_focus()), None)
        } else {
            open.focus = None;
            let words = i18n::t!("console-jump-missing", message = focus.to_string());
            (Effects::none(), Some(Event::Notice(words)))
        }
    }
}

/// Scrolls the history so that the marked message is at its top.
fn scroll_to_focus() -> iced::Task<Message> {
    operate(ScrollToFocus::default()).discard()
}

/// Finds the history's scrollable and the marked message's bounds, then (chained) scrolls.
#[derive(Default)]
struct ScrollToFocus {
    history: Option<(Rectangle, Rectangle)>,
    focus: Option<Rectangle>,
}

impl Operation<()> for ScrollToFocus {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<()>)) {
        operate(self);
    }

    fn container(&mut self, id: Option<&Id>, bounds: Rectangle) {
        if id == Some(&Id::new(FOCUS_ID)) {
            self.focus = Some(bounds);
        }
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        content: Rectangle,
        _translation: iced::Vector,
        _state: &mut dyn Scrollable,
    ) {
        if id == Some(&Id::new(HISTORY_ID)) {
            self.history = Some((bounds, content));
        }
    }

    fn finish(&self) -> Outcome<()> {
        let (Some((viewport, content)), Some(focus)) = (self.history, self.focus) else {
            return Outcome::None;
        };
        Outcome::Chain(Box::new(ScrollHistory {
            offset: offset_from_bottom(viewport, content, focus),
        }))
    }
}

/// The history is anchored at its bottom (new messages keep it there), so its offset is
/// counted from the bottom: the one that puts `focus` a few pixels under the top.
pub fn offset_from_bottom(viewport: Rectangle, content: Rectangle, focus: Rectangle) -> f32 {
    let scrollable = (content.height - viewport.height).max(0.0);
    let from_top = (focus.y - content.y - 8.0).clamp(0.0, scrollable);
    scrollable - from_top
}

struct ScrollHistory {
    offset: f32,
}

impl Operation<()> for ScrollHistory {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<()>)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        _bounds: Rectangle,
        _content: Rectangle,
        _translation: iced::Vector,
        state: &mut dyn Scrollable,
    ) {
        if id == Some(&Id::new(HISTORY_ID)) {
            state.scroll_to(AbsoluteOffset {
                x: None,
                y: Some(self.offset),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::offset_from_bottom;
    use iced::Rectangle;

    #[test]
    fn the_marked_message_goes_to_the_top_of_a_bottom_anchored_history() {
        let viewport = Rectangle::new((0.0, 100.0).into(), (400.0, 300.0).into());
        let content = Rectangle::new((0.0, 100.0).into(), (400.0, 2000.0).into());
        // 500 px into the content: 1,700 scrollable, 492 from the top, 1,208 from the end.
        let focus = Rectangle::new((0.0, 600.0).into(), (400.0, 40.0).into());
        assert_eq!(offset_from_bottom(viewport, content, focus), 1208.0);
        // Near the end: as far down as it goes (offset 0 is the bottom).
        let late = Rectangle::new((0.0, 2080.0).into(), (400.0, 20.0).into());
        assert_eq!(offset_from_bottom(viewport, content, late), 0.0);
        // A history shorter than its pane does not scroll.
        let short = Rectangle::new((0.0, 100.0).into(), (400.0, 200.0).into());
        assert_eq!(offset_from_bottom(viewport, short, focus), 0.0);
    }
}
