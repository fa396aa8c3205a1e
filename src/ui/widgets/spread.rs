//! Two groups at either end of one line, or, when their words need more room than the
//! window has (a longer language, a narrow window), the second group on a line of its own
//! below, still at the right. The console's header keeps one line in English and Russian
//! at the window's size and never cuts a label off in a language with longer words.

use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{Operation, Tree, Widget};
use iced::advanced::{Clipboard, Shell, mouse, overlay, renderer};
use iced::{Element, Event, Length, Point, Rectangle, Size, Vector};

pub struct Spread<'a, Message, Theme, Renderer> {
    /// The left group, then the right one.
    groups: [Element<'a, Message, Theme, Renderer>; 2],
    /// The least room between the groups on one line, and between the two lines.
    spacing: f32,
}

/// `left` at the start of the line, `right` at its end, at least `spacing` apart.
pub fn spread<'a, Message, Theme, Renderer>(
    left: impl Into<Element<'a, Message, Theme, Renderer>>,
    right: impl Into<Element<'a, Message, Theme, Renderer>>,
    spacing: f32,
) -> Spread<'a, Message, Theme, Renderer> {
    Spread {
        groups: [left.into(), right.into()],
        spacing,
    }
}

/// Where the groups go in `width`: on one line, both centred on its height; else the right
/// group on a second line. Returns the two positions and the height.
fn place(left: Size, right: Size, width: f32, spacing: f32) -> (Point, Point, f32) {
    if left.width + spacing + right.width <= width {
        let height = left.height.max(right.height);
        (
            Point::new(0.0, (height - left.height) / 2.0),
            Point::new(width - right.width, (height - right.height) / 2.0),
            height,
        )
    } else {
        let below = left.height + spacing;
        (
            Point::ORIGIN,
            Point::new((width - right.width).max(0.0), below),
            below + right.height,
        )
    }
}

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer>
    for Spread<'_, Message, Theme, Renderer>
where
    Renderer: iced::advanced::Renderer,
{
    fn children(&self) -> Vec<Tree> {
        self.groups.iter().map(Tree::new).collect()
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(&self.groups);
    }

    fn size(&self) -> Size<Length> {
        Size::new(Length::Fill, Length::Shrink)
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let width = limits.max().width;
        // Each group at the width its words need, up to the whole line.
        let loose = limits.loose();
        let [left, right] = &mut self.groups;
        let left = left
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, &loose);
        let right = right
            .as_widget_mut()
            .layout(&mut tree.children[1], renderer, &loose);
        let (at_left, at_right, height) = place(left.size(), right.size(), width, self.spacing);
        layout::Node::with_children(
            limits.resolve(Length::Fill, Length::Shrink, Size::new(width, height)),
            vec![left.move_to(at_left), right.move_to(at_right)],
        )
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        operation.container(None, layout.bounds());
        operation.traverse(&mut |operation| {
            for ((group, state), layout) in self
                .groups
                .iter_mut()
                .zip(&mut tree.children)
                .zip(layout.children())
            {
                group
                    .as_widget_mut()
                    .operate(state, layout, renderer, operation);
            }
        });
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
        for ((group, state), layout) in self
            .groups
            .iter_mut()
            .zip(&mut tree.children)
            .zip(layout.children())
        {
            group.as_widget_mut().update(
                state, event, layout, cursor, renderer, clipboard, shell, viewport,
            );
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.groups
            .iter()
            .zip(&tree.children)
            .zip(layout.children())
            .map(|((group, state), layout)| {
                group
                    .as_widget()
                    .mouse_interaction(state, layout, cursor, viewport, renderer)
            })
            .max()
            .unwrap_or_default()
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
        for ((group, state), layout) in self
            .groups
            .iter()
            .zip(&tree.children)
            .zip(layout.children())
        {
            group
                .as_widget()
                .draw(state, renderer, theme, style, layout, cursor, viewport);
        }
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, Renderer>> {
        overlay::from_children(
            &mut self.groups,
            tree,
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

impl<'a, Message, Theme, Renderer> From<Spread<'a, Message, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
where
    Message: 'a,
    Theme: 'a,
    Renderer: iced::advanced::Renderer + 'a,
{
    fn from(spread: Spread<'a, Message, Theme, Renderer>) -> Self {
        Element::new(spread)
    }
}

#[cfg(test)]
mod tests {
    use super::place;
    use iced::{Point, Size};

    #[test]
    fn one_line_when_both_fit_else_the_right_group_below() {
        let (left, right) = (Size::new(300.0, 20.0), Size::new(500.0, 30.0));
        assert_eq!(
            place(left, right, 1000.0, 12.0),
            (Point::new(0.0, 5.0), Point::new(500.0, 0.0), 30.0)
        );
        assert_eq!(
            place(left, right, 700.0, 12.0),
            (Point::ORIGIN, Point::new(200.0, 32.0), 62.0)
        );
    }
}
