//! A chat row's tags as one widget: coloured chips with their labels, laid out in a line.
//! One widget per row instead of a container and a text per tag keeps the list's view and
//! layout within a few percent of a row without tags (`cargo bench --bench ui_view`); each
//! label keeps its shaped paragraph between frames, so only a changed label is shaped again.
//! The labels are reported as text to operations, so tests and selectors read them as they
//! read any text widget.

use iced::advanced::layout::{self, Layout};
use iced::advanced::mouse;
use iced::advanced::renderer;
use iced::advanced::text::{self, LineHeight, Paragraph, Shaping, Wrapping, paragraph};
use iced::advanced::widget::{self, Tree, Widget, tree};
use iced::alignment::Vertical;
use iced::{Border, Color, Element, Font, Length, Pixels, Point, Rectangle, Size};

/// Room on either side of a label inside its chip, between chips, and a chip's height.
const PAD_X: f32 = 4.0;
const GAP: f32 = 4.0;
const HEIGHT: f32 = 16.0;

/// At most this many chips on a row (its line stays one line).
pub const MAX_CHIPS: usize = 2;

/// Chips for these labels, each on its colour; the labels are borrowed from the tag
/// definitions, so a row allocates nothing for them.
pub struct TagChips<'a> {
    pub chips: [Option<(&'a str, Color)>; MAX_CHIPS],
    pub text_color: Color,
    pub size: f32,
    pub font: Font,
}

struct State<P: Paragraph> {
    labels: Vec<paragraph::Plain<P>>,
}

impl<'a> TagChips<'a> {
    fn chips(&self) -> impl Iterator<Item = &(&'a str, Color)> {
        self.chips.iter().flatten()
    }

    fn label<'t>(&self, content: &'t str) -> text::Text<&'t str, Font> {
        text::Text {
            content,
            bounds: Size::INFINITE,
            size: Pixels(self.size),
            line_height: LineHeight::default(),
            font: self.font,
            align_x: text::Alignment::Default,
            align_y: Vertical::Top,
            shaping: Shaping::Advanced,
            wrapping: Wrapping::None,
        }
    }
}

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer> for TagChips<'_>
where
    Renderer: text::Renderer<Font = Font>,
{
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State<Renderer::Paragraph>>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::<Renderer::Paragraph> { labels: Vec::new() })
    }

    fn size(&self) -> Size<Length> {
        Size::new(Length::Shrink, Length::Shrink)
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        _renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let state = tree.state.downcast_mut::<State<Renderer::Paragraph>>();
        state
            .labels
            .resize_with(self.chips().count(), paragraph::Plain::default);
        let mut width: f32 = 0.0;
        for (plain, (label, _)) in state.labels.iter_mut().zip(self.chips()) {
            let _ = plain.update(self.label(label));
            width += plain.min_width() + 2.0 * PAD_X + GAP;
        }
        let size = Size::new((width - GAP).max(0.0), HEIGHT);
        layout::Node::new(limits.resolve(Length::Shrink, Length::Shrink, size))
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        _theme: &Theme,
        _style: &renderer::Style,
        layout: Layout<'_>,
        _cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        let state = tree.state.downcast_ref::<State<Renderer::Paragraph>>();
        let bounds = layout.bounds();
        let Some(clip) = bounds.intersection(viewport) else {
            return;
        };
        let mut x = bounds.x;
        for (plain, (_, colour)) in state.labels.iter().zip(self.chips()) {
            let width = plain.min_width() + 2.0 * PAD_X;
            let chip = Rectangle {
                x,
                y: bounds.y,
                width,
                height: HEIGHT,
            };
            renderer.fill_quad(
                renderer::Quad {
                    bounds: chip,
                    border: Border {
                        radius: 3.0.into(),
                        ..Border::default()
                    },
                    ..renderer::Quad::default()
                },
                *colour,
            );
            let top = bounds.y + (HEIGHT - plain.min_height()) / 2.0;
            renderer.fill_paragraph(
                plain.raw(),
                Point::new(x + PAD_X, top),
                self.text_color,
                clip,
            );
            x += width + GAP;
        }
    }

    fn operate(
        &mut self,
        _tree: &mut Tree,
        layout: Layout<'_>,
        _renderer: &Renderer,
        operation: &mut dyn widget::Operation,
    ) {
        for (label, _) in self.chips() {
            operation.text(None, layout.bounds(), label);
        }
    }
}

impl<'a, Message, Theme, Renderer> From<TagChips<'a>> for Element<'a, Message, Theme, Renderer>
where
    Renderer: text::Renderer<Font = Font> + 'a,
{
    fn from(chips: TagChips<'a>) -> Self {
        Element::new(chips)
    }
}
