//! One line of text that fills its width and ends in "…" when it does not fit: a chat
//! row's title and preview.
//!
//! Why not a text widget in a clipping container: iced_tiny_skia draws a paragraph that
//! reaches past its clip rectangle through a clip mask, clearing and filling a mask the
//! size of the window for each such text and blending every glyph through it, out to the
//! window's edge (`Engine::draw_text`). A list of long previews paid that on every row of
//! every frame: under a storm it was most of the window's drawing time. A fitted line lies
//! within its bounds and is drawn without a mask, and a person sees where it was cut.
//!
//! The line is fitted in `layout` and kept in the widget's state with what it was fitted
//! from, so an unchanged row is not shaped again. Operations read the whole text, as they
//! read a text widget's, so tests and selectors find a chat by what it says.

use iced::advanced::layout::{self, Layout};
use iced::advanced::mouse;
use iced::advanced::renderer;
use iced::advanced::text::{self, Hit, LineHeight, Paragraph, Shaping, Wrapping};
use iced::advanced::widget::{self, Tree, Widget, tree};
use iced::alignment::Vertical;
use iced::{Color, Element, Font, Length, Pixels, Point, Rectangle, Size};
use std::borrow::Cow;

/// What a cut line ends with.
pub const ELLIPSIS: &str = "…";

/// No glyph a row draws is narrower than this many pixels at its sizes, so a line of
/// `width` pixels never shows more than `width / NARROWEST` characters: the rest of a long
/// message is not shaped at all.
const NARROWEST: f32 = 2.0;

pub struct OneLine<'a> {
    content: Cow<'a, str>,
    size: f32,
    font: Font,
    color: Color,
}

/// `content`'s first line, cut to the width it is given.
pub fn one_line<'a>(
    content: impl Into<Cow<'a, str>>,
    size: f32,
    font: Font,
    color: Color,
) -> OneLine<'a> {
    let content = match content.into() {
        Cow::Borrowed(s) => Cow::Borrowed(first_line(s)),
        Cow::Owned(mut s) => {
            s.truncate(first_line(&s).len());
            Cow::Owned(s)
        }
    };
    OneLine {
        content,
        size,
        font,
        color,
    }
}

struct State<P: Paragraph> {
    /// What the line was fitted from: the text, the width, size and font.
    content: String,
    width: f32,
    size: f32,
    font: Font,
    /// What is drawn: the text, or its longest start that fits with the ellipsis.
    fitted: P,
}

/// The paragraph `content` is drawn as in `width` pixels: itself when it fits, else its
/// longest start (cut between characters, trailing spaces dropped) followed by
/// [`ELLIPSIS`], or nothing when not even the ellipsis fits. Shapes the text, the
/// ellipsis, and a cut or two: the cut is found with a hit test, then moved left until the
/// line fits.
pub fn fit<P: Paragraph<Font = Font>>(content: &str, width: f32, size: f32, font: Font) -> P {
    let shape = |content: &str| {
        P::with_text(text::Text {
            content,
            bounds: Size::INFINITE,
            size: Pixels(size),
            line_height: LineHeight::default(),
            font,
            align_x: text::Alignment::Left,
            align_y: Vertical::Top,
            shaping: Shaping::Advanced,
            wrapping: Wrapping::None,
        })
    };
    let content = first_line(content);
    let longest = ((width.max(0.0) / NARROWEST) as usize).saturating_add(1);
    let content = match content.char_indices().nth(longest) {
        Some((end, _)) => &content[..end],
        None => content,
    };
    let whole = shape(content);
    if whole.min_width() <= width {
        return whole;
    }
    let ellipsis = shape(ELLIPSIS);
    if ellipsis.min_width() > width {
        return shape("");
    }
    let room = width - ellipsis.min_width();
    let middle = whole.min_height() / 2.0;
    let mut cut = match whole.hit_test(Point::new(room, middle)) {
        Some(Hit::CharOffset(at)) => floor_boundary(content, at),
        None => 0,
    };
    let mut line = String::with_capacity(cut + ELLIPSIS.len());
    loop {
        line.clear();
        line.push_str(content[..cut].trim_end());
        line.push_str(ELLIPSIS);
        let shaped = shape(&line);
        if shaped.min_width() <= width || cut == 0 {
            return shaped;
        }
        cut = floor_boundary(content, cut - 1);
    }
}

/// Up to the first line break, as cosmic-text breaks lines (`\n`, `\r`).
fn first_line(s: &str) -> &str {
    s.split(['\r', '\n']).next().unwrap_or("")
}

/// The nearest character boundary at or before byte `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer> for OneLine<'_>
where
    Renderer: text::Renderer<Font = Font>,
{
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State<Renderer::Paragraph>>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::<Renderer::Paragraph> {
            content: String::new(),
            width: f32::NAN,
            size: 0.0,
            font: self.font,
            fitted: Renderer::Paragraph::default(),
        })
    }

    fn size(&self) -> Size<Length> {
        Size::new(Length::Fill, Length::Shrink)
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        _renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let state = tree.state.downcast_mut::<State<Renderer::Paragraph>>();
        let width = limits.max().width;
        let same = state.width == width
            && state.size == self.size
            && state.font == self.font
            && state.content == *self.content;
        if !same {
            state.fitted = fit(&self.content, width, self.size, self.font);
            self.content.as_ref().clone_into(&mut state.content);
            state.width = width;
            state.size = self.size;
            state.font = self.font;
        }
        // The line's height even when nothing fits: rows keep their layout.
        let height = LineHeight::default().to_absolute(Pixels(self.size)).0;
        let size = Size::new(width, height.max(state.fitted.min_height()));
        layout::Node::new(limits.resolve(Length::Fill, Length::Shrink, size))
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
        if !bounds.intersects(viewport) {
            return;
        }
        let top = bounds.y + (bounds.height - state.fitted.min_height()) / 2.0;
        // The viewport, not the line's bounds, as the clip: the fitted line lies within
        // them, and a clip rectangle it touches would cost a mask.
        renderer.fill_paragraph(
            &state.fitted,
            Point::new(bounds.x, top),
            self.color,
            *viewport,
        );
    }

    fn operate(
        &mut self,
        _tree: &mut Tree,
        layout: Layout<'_>,
        _renderer: &Renderer,
        operation: &mut dyn widget::Operation,
    ) {
        operation.text(None, layout.bounds(), &self.content);
    }
}

impl<'a, Message, Theme, Renderer> From<OneLine<'a>> for Element<'a, Message, Theme, Renderer>
where
    Renderer: text::Renderer<Font = Font> + 'a,
{
    fn from(line: OneLine<'a>) -> Self {
        Element::new(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::advanced::graphics::text::Paragraph as Shaped;
    use proptest::prelude::*;

    fn width_of(s: &str) -> f32 {
        fit::<Shaped>(s, f32::INFINITY, 14.0, crate::ui::fonts::TEXT).min_width()
    }

    fn text_of(p: &Shaped) -> String {
        // The shaped buffer's text, line by line (one line here).
        p.buffer()
            .lines
            .iter()
            .map(|l| l.text())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_line_that_fits_is_drawn_whole() {
        crate::ui::fonts::install();
        let line = fit::<Shaped>("server down", 400.0, 14.0, crate::ui::fonts::TEXT);
        assert_eq!(text_of(&line), "server down");
    }

    #[test]
    fn a_long_line_is_cut_at_a_word_with_an_ellipsis_and_fits() {
        crate::ui::fonts::install();
        let long = "please check ticket #4521 and tell me when the orders come back";
        let width = width_of("please check ticket") + 1.0;
        let line = fit::<Shaped>(long, width, 14.0, crate::ui::fonts::TEXT);
        let shown = text_of(&line);
        assert!(line.min_width() <= width, "{shown:?} is wider than {width}");
        assert!(shown.ends_with(ELLIPSIS), "{shown:?}");
        let kept = shown.trim_end_matches(ELLIPSIS);
        assert!(long.starts_with(kept), "{kept:?}");
        // The longest start that fits: one more character would not.
        let next = &long[..kept.len() + long[kept.len()..].chars().next().unwrap().len_utf8()];
        assert!(
            width_of(&format!("{}{ELLIPSIS}", next.trim_end())) > width || next.trim_end() == kept
        );
    }

    #[test]
    fn nothing_is_drawn_where_not_even_the_ellipsis_fits() {
        crate::ui::fonts::install();
        let line = fit::<Shaped>("server down", 2.0, 14.0, crate::ui::fonts::TEXT);
        assert_eq!(text_of(&line), "");
        assert_eq!(line.min_width(), 0.0);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Whatever a customer writes, the line fits its width, and what it shows is the
        /// text or a start of it with the ellipsis.
        #[test]
        fn any_text_fits_and_is_a_start_of_itself(
            s in "[\\PC\n]{0,80}",
            width in 0.0f32..400.0,
        ) {
            crate::ui::fonts::install();
            let line = fit::<Shaped>(&s, width, 14.0, crate::ui::fonts::TEXT);
            let shown = text_of(&line);
            let s = first_line(&s);
            prop_assert!(line.min_width() <= width || shown.is_empty(), "{shown:?} wider than {width}");
            if shown != s {
                prop_assert!(shown.is_empty() || shown.ends_with(ELLIPSIS), "{shown:?}");
                prop_assert!(s.starts_with(shown.trim_end_matches(ELLIPSIS)), "{shown:?} of {s:?}");
            }
        }
    }
}
