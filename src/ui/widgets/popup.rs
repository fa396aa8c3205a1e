//! Popups where the admin asked for them: the chat context menu opens at the pointer when
//! right-clicked, at the row when opened from the keyboard, and always inside the pane.
//!
//! Two small wrappers, both delegating everything else to their content:
//! - [`right_click_at`] reports where a right click landed, in its own coordinates, just
//!   before its content sees the click (so the row's "menu" message follows it). It sends
//!   nothing on mouse moves: tracking the pointer would rebuild the view on every move.
//! - [`anchored`] fills its parent and lays its content out at an [`Anchor`], flipped or
//!   shifted to stay inside; a press outside the content can dismiss it.

use super::forward::forward_to_content;
use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{Tree, Widget};
use iced::advanced::{Clipboard, Shell, mouse, renderer};
use iced::{Element, Event, Length, Point, Rectangle, Size};

/// Where a popup goes, in its area's coordinates: its left edge at `x`, its top at `below`
/// if it fits there, else its bottom at `above` (a pointer has both at its tip; a row
/// opens the menu under itself, or over itself near the bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    pub x: f32,
    pub below: f32,
    pub above: f32,
}

impl Anchor {
    /// At the pointer: the popup hangs down and right from it, like every desktop menu.
    pub fn at(point: Point) -> Anchor {
        Anchor {
            x: point.x,
            below: point.y,
            above: point.y,
        }
    }

    /// The top-left corner of a popup of `size` inside `area`: flipped to the pointer's
    /// left or above it when it would cross the right or bottom edge; when neither side
    /// has room, against the far edge (a popup larger than the area keeps its top-left
    /// corner in view).
    pub fn place(&self, size: Size, area: Size) -> Point {
        let fit = |after: f32, before: f32, len: f32, room: f32| {
            if after + len <= room {
                after.max(0.0)
            } else if before - len >= 0.0 {
                before - len
            } else {
                (room - len).max(0.0)
            }
        };
        Point::new(
            fit(self.x, self.x, size.width, area.width),
            fit(self.below, self.above, size.height, area.height),
        )
    }
}

pub struct Anchored<'a, Message, Theme = iced::Theme, Renderer = iced::Renderer> {
    content: Element<'a, Message, Theme, Renderer>,
    anchor: Anchor,
    on_outside: Option<Message>,
}

/// Lays `content` out at `anchor` inside the space this widget fills.
pub fn anchored<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
    anchor: Anchor,
) -> Anchored<'a, Message, Theme, Renderer> {
    Anchored {
        content: content.into(),
        anchor,
        on_outside: None,
    }
}

impl<Message, Theme, Renderer> Anchored<'_, Message, Theme, Renderer> {
    /// Sent when a mouse button is pressed anywhere outside the content. The press is not
    /// captured: a click on another row still selects it.
    pub fn on_press_outside(mut self, message: Message) -> Self {
        self.on_outside = Some(message);
        self
    }
}

impl<Message: Clone, Theme, Renderer> Widget<Message, Theme, Renderer>
    for Anchored<'_, Message, Theme, Renderer>
where
    Renderer: renderer::Renderer,
{
    forward_to_content!(layout = content_layout);

    fn size(&self) -> Size<Length> {
        Size::new(Length::Fill, Length::Fill)
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let area = limits.width(Length::Fill).height(Length::Fill).max();
        let child = self.content.as_widget_mut().layout(
            &mut tree.children[0],
            renderer,
            &layout::Limits::new(Size::ZERO, area),
        );
        let at = self.anchor.place(child.size(), area);
        layout::Node::with_children(area, vec![child.move_to(at)])
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let inner = content_layout(layout);
        if let (Event::Mouse(mouse::Event::ButtonPressed(_)), Some(message), Some(at)) =
            (event, &self.on_outside, cursor.position())
            && !inner.bounds().contains(at)
        {
            shell.publish(message.clone());
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            inner,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }
}

fn content_layout(layout: Layout<'_>) -> Layout<'_> {
    layout.children().next().expect("the content's layout")
}

impl<'a, Message, Theme, Renderer> From<Anchored<'a, Message, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
where
    Message: Clone + 'a,
    Theme: 'a,
    Renderer: renderer::Renderer + 'a,
{
    fn from(anchored: Anchored<'a, Message, Theme, Renderer>) -> Self {
        Element::new(anchored)
    }
}

type OnRight<'a, Message> = Box<dyn Fn(Point) -> Message + 'a>;

pub struct RightClickAt<'a, Message, Theme = iced::Theme, Renderer = iced::Renderer> {
    content: Element<'a, Message, Theme, Renderer>,
    on_right: OnRight<'a, Message>,
}

/// Wraps `content`; a right press over it first sends `on_right` with the pointer's
/// position relative to this widget's top-left corner, then goes on to the content.
pub fn right_click_at<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
    on_right: impl Fn(Point) -> Message + 'a,
) -> RightClickAt<'a, Message, Theme, Renderer> {
    RightClickAt {
        content: content.into(),
        on_right: Box::new(on_right),
    }
}

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer>
    for RightClickAt<'_, Message, Theme, Renderer>
where
    Renderer: renderer::Renderer,
{
    forward_to_content!();

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        if let Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Right)) = event
            && let Some(at) = cursor.position_in(layout.bounds())
        {
            shell.publish((self.on_right)(at));
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }
}

impl<'a, Message, Theme, Renderer> From<RightClickAt<'a, Message, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
where
    Message: 'a,
    Theme: 'a,
    Renderer: renderer::Renderer + 'a,
{
    fn from(widget: RightClickAt<'a, Message, Theme, Renderer>) -> Self {
        Element::new(widget)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: Size = Size::new(500.0, 700.0);
    const MENU: Size = Size::new(250.0, 300.0);

    #[test]
    fn a_menu_hangs_from_the_pointer_when_it_fits() {
        let at = Anchor::at(Point::new(100.0, 200.0)).place(MENU, AREA);
        assert_eq!(at, Point::new(100.0, 200.0));
    }

    #[test]
    fn near_the_right_and_bottom_edges_it_flips() {
        let at = Anchor::at(Point::new(400.0, 650.0)).place(MENU, AREA);
        assert_eq!(at, Point::new(150.0, 350.0));
    }

    #[test]
    fn a_row_anchor_opens_above_the_row_near_the_bottom() {
        let row = Anchor {
            x: 40.0,
            below: 626.0,
            above: 600.0,
        };
        assert_eq!(row.place(MENU, AREA), Point::new(40.0, 300.0));
    }

    #[test]
    fn it_never_leaves_the_area() {
        // Flipping would cross the top or left edge: shift instead.
        let at = Anchor::at(Point::new(200.0, 250.0)).place(MENU, Size::new(300.0, 400.0));
        assert_eq!(at, Point::new(50.0, 100.0));
        // Larger than the area: its top-left corner stays in view.
        let at = Anchor::at(Point::new(10.0, 10.0)).place(MENU, Size::new(100.0, 100.0));
        assert_eq!(at, Point::ORIGIN);
    }
}
