//! A weekday × hour heatmap on iced's canvas: one cell per local weekday (Monday first) and
//! hour, its colour from the panel's towards the theme's primary as the count grows, the
//! weekdays' names on the left, every third hour below, and a readout of the cell under the
//! pointer. The grid is cached like `chart`'s and redrawn when the data's `key` changes.

use super::chart::{self, LABEL_SIZE, label};
use crate::ui::theme::Palette;
use iced::advanced::text::Alignment as TextAlign;
use iced::alignment::Vertical;
use iced::mouse;
use iced::widget::canvas::{self, Action, Cache, Event, Frame, Geometry, Path, Stroke};
use iced::{Color, Point, Rectangle, Renderer, Size, Theme};
use std::cell::Cell;

const LEFT: f32 = 34.0;
const BOTTOM: f32 = 16.0;

pub struct Heatmap<'a> {
    pub key: u64,
    /// Counts by weekday (0 = Monday) and hour.
    pub cells: &'a [[u32; 24]; 7],
    /// Weekday names, Monday first.
    pub weekdays: Vec<String>,
    /// The readout for a weekday, an hour and its count.
    pub readout: fn(&str, usize, u32) -> String,
    pub palette: Palette,
}

#[derive(Default)]
pub struct State {
    cache: Cache,
    key: Cell<Option<u64>>,
    hovering: bool,
}

impl Heatmap<'_> {
    fn grid(size: Size) -> Rectangle {
        Rectangle {
            x: LEFT,
            y: 2.0,
            width: (size.width - LEFT - 4.0).max(24.0),
            height: (size.height - BOTTOM - 2.0).max(7.0),
        }
    }

    fn cell(&self, grid: Rectangle, day: usize, hour: usize) -> Rectangle {
        let w = grid.width / 24.0;
        let h = grid.height / 7.0;
        Rectangle {
            x: grid.x + hour as f32 * w,
            y: grid.y + day as f32 * h,
            width: w,
            height: h,
        }
    }

    fn draw_static(&self, frame: &mut Frame) {
        let p = self.palette;
        let grid = Self::grid(frame.size());
        let max = self
            .cells
            .iter()
            .flatten()
            .copied()
            .max()
            .unwrap_or(0)
            .max(1);
        for (day, hours) in self.cells.iter().enumerate() {
            for (hour, &count) in hours.iter().enumerate() {
                let c = self.cell(grid, day, hour);
                let share = count as f32 / max as f32;
                let color = mix(
                    p.surface,
                    p.primary,
                    if count > 0 { 0.12 + 0.88 * share } else { 0.0 },
                );
                frame.fill_rectangle(
                    Point::new(c.x + 0.5, c.y + 0.5),
                    Size::new(c.width - 1.0, c.height - 1.0),
                    color,
                );
            }
            let c = self.cell(grid, day, 0);
            let name = self.weekdays.get(day).cloned().unwrap_or_default();
            frame.fill_text(label(
                name,
                Point::new(grid.x - 4.0, c.y + c.height / 2.0),
                p.muted,
                TextAlign::Right,
                Vertical::Center,
            ));
        }
        for hour in (0..24).step_by(3) {
            let c = self.cell(grid, 6, hour);
            frame.fill_text(label(
                format!("{hour:02}"),
                Point::new(c.x + c.width / 2.0, grid.y + grid.height + 2.0),
                p.muted,
                TextAlign::Center,
                Vertical::Top,
            ));
        }
    }

    fn draw_readout(&self, frame: &mut Frame, at: Point) {
        let p = self.palette;
        let grid = Self::grid(frame.size());
        if !grid.contains(at) {
            return;
        }
        let hour = (((at.x - grid.x) / grid.width * 24.0) as usize).min(23);
        let day = (((at.y - grid.y) / grid.height * 7.0) as usize).min(6);
        let c = self.cell(grid, day, hour);
        frame.stroke(
            &Path::rectangle(Point::new(c.x, c.y), Size::new(c.width, c.height)),
            Stroke::default().with_color(p.text).with_width(1.5),
        );
        let name = self.weekdays.get(day).map_or("", String::as_str);
        let text = (self.readout)(name, hour, self.cells[day][hour]);
        let width = chart::text_width(&text) + 12.0;
        let height = LABEL_SIZE * 1.3 + 8.0;
        let left = if c.x + c.width + 6.0 + width <= frame.width() {
            c.x + c.width + 6.0
        } else {
            (c.x - 6.0 - width).max(0.0)
        };
        let top = (c.y - height - 2.0).max(0.0);
        frame.fill_rectangle(Point::new(left, top), Size::new(width, height), p.raised);
        frame.stroke(
            &Path::rectangle(Point::new(left, top), Size::new(width, height)),
            Stroke::default().with_color(p.border).with_width(1.0),
        );
        frame.fill_text(label(
            text,
            Point::new(left + 6.0, top + 4.0),
            p.text,
            TextAlign::Left,
            Vertical::Top,
        ));
    }
}

impl<M> canvas::Program<M> for Heatmap<'_> {
    type State = State;

    fn update(
        &self,
        state: &mut State,
        event: &Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<Action<M>> {
        chart::redraw_on_hover(&mut state.hovering, event, bounds, cursor)
    }

    fn draw(
        &self,
        state: &State,
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        if state.key.get() != Some(self.key) {
            state.cache.clear();
            state.key.set(Some(self.key));
        }
        let fixed = state
            .cache
            .draw(renderer, bounds.size(), |frame| self.draw_static(frame));
        match cursor.position_in(bounds) {
            Some(at) => {
                let mut frame = Frame::new(renderer, bounds.size());
                self.draw_readout(&mut frame, at);
                vec![fixed, frame.into_geometry()]
            }
            None => vec![fixed],
        }
    }
}

/// `a` moved towards `b` by `t` (0..=1).
fn mix(a: Color, b: Color, t: f32) -> Color {
    let t = t.clamp(0.0, 1.0);
    Color {
        r: a.r + (b.r - a.r) * t,
        g: a.g + (b.g - a.g) * t,
        b: a.b + (b.b - a.b) * t,
        a: a.a + (b.a - a.a) * t,
    }
}
