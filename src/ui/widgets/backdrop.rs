//! A solid background for a large area (the window, a pane, a card), painted as strips
//! instead of one quad, so a frame that redraws a small part of the window redraws a small
//! part of the background.
//!
//! Why: iced_tiny_skia redraws only the damaged rectangles of a frame, but a quad that is
//! not wholly inside the rectangle being redrawn is filled over its whole area through a
//! clip mask (tiny-skia's `mask_u8` stage), and it is filled again for every damaged
//! rectangle it reaches. Under a storm of updates a frame has some 35 of them; one
//! card-sized quad cost nine windows' worth of masked pixels a frame. Strips outside a
//! rectangle are skipped, and the strips it reaches are small. (Strips, not tiles: cutting
//! them in columns as well made every full redraw dearer, by a hundred quads more a
//! window, and a debug build's alarm reached a colleague's window late.)
//!
//! The pixels are a quad's: the strips keep the area's own edges, and each overlaps the
//! next by `OVERLAP`, so where a strip's edge falls inside a pixel the next strip (same
//! opaque colour) covers it fully. A card ([`card`], the look of `style::card`) keeps its
//! rounded corners and border: its top and bottom `2 × RADIUS` are drawn as quads with
//! them, the strips fill between, and the sides' border is drawn over the strips.

use super::style::{CARD_BORDER as BORDER, CARD_RADIUS as RADIUS};
use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{Operation, Tree, Widget};
use iced::advanced::{Clipboard, Shell, mouse, overlay, renderer};
use iced::border::Radius;
use iced::{Background, Border, Color, Element, Event, Length, Rectangle, Size, Vector};

/// Height of a strip, in logical pixels.
const STRIP: f32 = 32.0;
/// How far a strip reaches into the next: more than a physical pixel at any scale.
const OVERLAP: f32 = 2.0;

pub struct Backdrop<'a, Message, Theme = iced::Theme, Renderer = iced::Renderer> {
    content: Element<'a, Message, Theme, Renderer>,
    color: Color,
    /// A card's border colour.
    border: Option<Color>,
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
        border: None,
    }
}

/// `content` on a card: `background` with a rounded `border`, as `style::card` draws it,
/// for cards that stay on screen while what is around them changes.
pub fn card<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
    background: Color,
    border: Color,
) -> Backdrop<'a, Message, Theme, Renderer> {
    Backdrop {
        content: content.into(),
        color: background,
        border: Some(border),
    }
}

/// Strips of `STRIP` high covering `bounds`, each reaching `OVERLAP` into the next, the
/// first and last on the area's own edges.
pub fn strips(bounds: Rectangle) -> impl Iterator<Item = Rectangle> {
    let bottom = bounds.y + bounds.height;
    let count = (bounds.height / STRIP).ceil().max(1.0) as usize;
    (0..count).map(move |i| {
        let y = bounds.y + i as f32 * STRIP;
        Rectangle {
            y,
            height: (y + STRIP + OVERLAP).min(bottom) - y,
            ..bounds
        }
    })
}

/// The quads a card of `bounds` is drawn with, in order: `(bounds, background or None
/// for the border colour, radius, border)`.
fn card_parts(bounds: Rectangle) -> Vec<(Rectangle, bool, Radius, bool)> {
    let r = RADIUS;
    if bounds.width < 4.0 * r || bounds.height < 4.0 * r {
        return vec![(bounds, true, Radius::from(r), true)];
    }
    let cap = |y: f32, radius: Radius| {
        (
            Rectangle {
                y,
                height: 2.0 * r,
                ..bounds
            },
            true,
            radius,
            true,
        )
    };
    let top = Radius {
        top_left: r,
        top_right: r,
        bottom_right: 0.0,
        bottom_left: 0.0,
    };
    let bottom = Radius {
        top_left: 0.0,
        top_right: 0.0,
        bottom_right: r,
        bottom_left: r,
    };
    let inside = Rectangle {
        x: bounds.x + BORDER,
        y: bounds.y + r,
        width: bounds.width - 2.0 * BORDER,
        height: bounds.height - 2.0 * r,
    };
    let side = |x: f32| Rectangle {
        x,
        width: BORDER,
        ..inside
    };
    let mut parts = vec![
        cap(bounds.y, top),
        cap(bounds.y + bounds.height - 2.0 * r, bottom),
    ];
    parts.extend(strips(inside).map(|t| (t, true, Radius::from(0.0), false)));
    parts.push((side(bounds.x), false, Radius::from(0.0), false));
    parts.push((
        side(bounds.x + bounds.width - BORDER),
        false,
        Radius::from(0.0),
        false,
    ));
    parts
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
        match self.border {
            None => {
                for bounds in strips(layout.bounds()) {
                    renderer.fill_quad(
                        renderer::Quad {
                            bounds,
                            ..renderer::Quad::default()
                        },
                        Background::Color(self.color),
                    );
                }
            }
            Some(border) => {
                for (bounds, background, radius, edged) in card_parts(layout.bounds()) {
                    let quad = renderer::Quad {
                        bounds,
                        border: Border {
                            color: border,
                            width: if edged { BORDER } else { 0.0 },
                            radius,
                        },
                        ..renderer::Quad::default()
                    };
                    let fill = if background { self.color } else { border };
                    renderer.fill_quad(quad, Background::Color(fill));
                }
            }
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

    fn covered(parts: &[Rectangle], x: f32, y: f32) -> bool {
        parts
            .iter()
            .any(|r| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)
    }

    #[test]
    fn strips_cover_the_area_exactly_and_overlap() {
        let area = Rectangle {
            x: 3.5,
            y: 40.25,
            width: 575.55,
            height: 700.4,
        };
        let pieces: Vec<Rectangle> = strips(area).collect();
        assert_eq!(pieces.len(), 22);
        for t in &pieces {
            assert!(t.width > 0.0 && t.height > 0.0);
            assert!(t.x >= area.x && t.y >= area.y);
            assert!(t.x + t.width <= area.x + area.width + 1e-3);
            assert!(t.y + t.height <= area.y + area.height + 1e-3);
        }
        // Every point of the area, corners and edges included, is under a strip, and the
        // strips meet with room to spare (a strip's edge is never a pixel's only cover).
        let step = 0.37;
        let mut y = area.y;
        while y < area.y + area.height {
            let mut x = area.x;
            while x < area.x + area.width {
                assert!(covered(&pieces, x, y), "({x}, {y}) uncovered");
                x += step * 7.0;
            }
            y += step;
        }
        for pair in pieces.windows(2) {
            assert!(pair[0].y + pair[0].height >= pair[1].y + OVERLAP - 1e-3);
        }
        // A small area is one strip, its own size.
        let small = Rectangle::new(iced::Point::new(1.0, 2.0), Size::new(10.0, 5.0));
        assert_eq!(strips(small).collect::<Vec<_>>(), vec![small]);
    }

    #[test]
    fn a_card_is_its_caps_strips_and_sides() {
        let card = Rectangle {
            x: 594.55,
            y: 107.8,
            width: 667.45,
            height: 262.7,
        };
        let parts = card_parts(card);
        let (caps, rest) = parts.split_at(2);
        // The caps: the card's width, the top and bottom 2 × RADIUS, with their corners.
        assert_eq!(
            caps[0].0,
            Rectangle {
                height: 8.0,
                ..card
            }
        );
        assert_eq!(caps[1].0.y + caps[1].0.height, card.y + card.height);
        assert_eq!((caps[0].2.top_left, caps[0].2.bottom_left), (RADIUS, 0.0));
        assert_eq!((caps[1].2.top_left, caps[1].2.bottom_left), (0.0, RADIUS));
        assert!(caps.iter().all(|c| c.1 && c.3));
        // The sides last, in the border's colour, over the strips' edges.
        let sides = &rest[rest.len() - 2..];
        assert!(sides.iter().all(|s| !s.1 && s.0.width == BORDER));
        assert_eq!(sides[0].0.x, card.x);
        assert_eq!(sides[1].0.x + BORDER, card.x + card.width);
        // Every point inside the border is under a cap or a strip; no strip is taller than
        // a strip, and none reaches into the border.
        let pieces: Vec<Rectangle> = rest[..rest.len() - 2].iter().map(|t| t.0).collect();
        let cover: Vec<Rectangle> = caps.iter().map(|c| c.0).chain(pieces.clone()).collect();
        let mut y = card.y;
        while y < card.y + card.height {
            let mut x = card.x + BORDER;
            while x < card.x + card.width - BORDER {
                assert!(covered(&cover, x, y), "({x}, {y}) uncovered");
                x += 3.1;
            }
            y += 0.5;
        }
        for t in &pieces {
            assert!(t.height <= STRIP + OVERLAP + 1e-3);
            assert!(t.x >= card.x + BORDER && t.x + t.width <= card.x + card.width - BORDER + 1e-3);
        }
        // A card too small to split is one quad, as style::card draws it.
        let small = Rectangle::new(iced::Point::new(1.0, 2.0), Size::new(40.0, 12.0));
        let parts = card_parts(small);
        assert_eq!(parts.len(), 1);
        assert_eq!((parts[0].0, parts[0].2.top_left), (small, RADIUS));
    }
}
