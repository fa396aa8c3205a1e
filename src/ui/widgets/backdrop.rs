//! A solid background for a large area (the window, a pane), painted as horizontal strips
//! instead of one quad, so a frame that redraws a small part of the window redraws a small
//! part of the background.
//!
//! Why: iced_tiny_skia redraws only the damaged rectangles of a frame, but a quad that is
//! not wholly inside the rectangle being redrawn is filled over its whole area through a
//! clip mask (tiny-skia's `mask_u8` stage). One pane-sized background quad therefore cost a
//! pane's worth of masked pixels for every damaged rectangle, which was most of the
//! window's time under a storm of updates. Strips outside a rectangle are skipped, and the
//! strips inside it are small.
//!
//! The pixels are the same as one quad's: the strips keep the area's own left, right, top
//! and bottom edges, and each overlaps the next by `OVERLAP`, so where a strip's edge
//! falls inside a pixel the next strip (same opaque colour) covers it fully.

use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{Operation, Tree, Widget};
use iced::advanced::{Clipboard, Shell, mouse, overlay, renderer};
use iced::{Background, Color, Element, Event, Length, Rectangle, Size, Vector};

/// Height of a strip, in logical pixels.
const STRIP: f32 = 32.0;
/// How far a strip reaches into the next: more than a physical pixel at any scale.
const OVERLAP: f32 = 2.0;

pub struct Backdrop<'a, Message, Theme = iced::Theme, Renderer = iced::Renderer> {
    content: Element<'a, Message, Theme, Renderer>,
    color: Color,
}

/// `content` over a background of `color` filling its bounds (an opaque colour: the strips
/// overlap).
pub fn backdrop<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
    color: Color,
) -> Backdrop<'a, Message, Theme, Renderer> {
    Backdrop {
        content: content.into(),
        color,
    }
}

/// The strips covering `bounds`: `STRIP` high, each reaching `OVERLAP` into the next, the
/// first and last on the area's own edges.
pub fn strips(bounds: Rectangle) -> impl Iterator<Item = Rectangle> {
    let bottom = bounds.y + bounds.height;
    let count = (bounds.height / STRIP).ceil().max(1.0) as usize;
    (0..count).map(move |i| {
        let y = bounds.y + i as f32 * STRIP;
        let end = (y + STRIP + OVERLAP).min(bottom);
        Rectangle {
            x: bounds.x,
            y,
            width: bounds.width,
            height: end - y,
        }
    })
}

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer>
    for Backdrop<'_, Message, Theme, Renderer>
where
    Renderer: renderer::Renderer,
{
    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
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

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        for bounds in strips(layout.bounds()) {
            renderer.fill_quad(
                renderer::Quad {
                    bounds,
                    ..renderer::Quad::default()
                },
                Background::Color(self.color),
            );
        }
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

impl<'a, Message, Theme, Renderer> From<Backdrop<'a, Message, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
where
    Message: 'a,
    Theme: 'a,
    Renderer: renderer::Renderer + 'a,
{
    fn from(backdrop: Backdrop<'a, Message, Theme, Renderer>) -> Self {
        Element::new(backdrop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_cover_the_area_exactly_and_overlap() {
        let area = Rectangle {
            x: 3.5,
            y: 40.25,
            width: 575.55,
            height: 700.4,
        };
        let strips: Vec<Rectangle> = strips(area).collect();
        assert_eq!(strips.len(), 22);
        assert_eq!(strips[0].y, area.y);
        let last = strips.last().unwrap();
        assert!((last.y + last.height - (area.y + area.height)).abs() < 1e-3);
        for s in &strips {
            assert_eq!((s.x, s.width), (area.x, area.width));
            assert!(s.height > 0.0);
        }
        for pair in strips.windows(2) {
            assert!(pair[0].y + pair[0].height >= pair[1].y + OVERLAP - 1e-3);
        }
        // A small area is one strip, its own size.
        let small = Rectangle::new(iced::Point::new(1.0, 2.0), Size::new(10.0, 5.0));
        assert_eq!(strips_of(small), vec![small]);
    }

    fn strips_of(area: Rectangle) -> Vec<Rectangle> {
        strips(area).collect()
    }
}
