//! A chart drawn on iced's canvas: one or more series over the same points (hours, minutes,
//! days) as bars or lines, with a y axis in the series' unit, x ticks the caller names, a
//! legend, and a readout of the point under the pointer (its label and every series' value).
//!
//! In: the series (borrowed from the screen's state), how to name a point and a value, the
//! theme's palette. Out: nothing but pixels; the pointer only redraws the readout. The axes,
//! bars and lines are drawn once into a `canvas::Cache` and redrawn when the data's `key`
//! or the size changes, so moving the pointer over a year of hours costs one small frame.
//! More points than pixels are drawn per pixel column (its highest value): a year of 8,760
//! hours fits any width and still shows each day's peak.

use crate::ui::fonts;
use crate::ui::theme::Palette;
use iced::advanced::text::Alignment as TextAlign;
use iced::alignment::Vertical;
use iced::mouse;
use iced::widget::canvas::{self, Action, Cache, Event, Frame, Geometry, Path, Stroke, Text};
use iced::{Color, Pixels, Point, Rectangle, Renderer, Size, Theme};
use std::cell::Cell;

/// Axis and legend text.
pub const LABEL_SIZE: f32 = 11.0;
/// Room left of the plot for the y axis' labels, below it for the x ticks, above for the
/// unit and legend.
const LEFT: f32 = 44.0;
const BOTTOM: f32 = 18.0;
const TOP: f32 = 26.0;
const RIGHT: f32 = 8.0;

/// How a chart draws its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Side by side within each point's slot.
    Bars,
    Lines,
}

/// One series: a value per point (`NaN`: none, e.g. a day without waits).
pub struct Series<'a> {
    pub name: String,
    pub color: Color,
    pub values: &'a [f64],
}

pub struct Chart<'a> {
    /// Changes whenever the data does (the static drawing is cached under it).
    pub key: u64,
    pub kind: Kind,
    pub series: Vec<Series<'a>>,
    /// The readout's heading for a point.
    pub label: Box<dyn Fn(usize) -> String + 'a>,
    /// Labelled x positions: point index and text.
    pub ticks: Vec<(usize, String)>,
    /// The values' unit, over the y axis.
    pub unit: String,
    /// A value as the axis and readout show it.
    pub value: fn(f64) -> String,
    /// The values are counts: the axis steps by whole numbers.
    pub whole: bool,
    pub palette: Palette,
}

/// The widget's state: the cached static drawing and what it was drawn for.
#[derive(Default)]
pub struct State {
    cache: Cache,
    key: Cell<Option<u64>>,
    hovering: bool,
}

impl Chart<'_> {
    fn points(&self) -> usize {
        self.series
            .iter()
            .map(|s| s.values.len())
            .max()
            .unwrap_or(0)
    }

    fn plot(size: Size) -> Rectangle {
        Rectangle {
            x: LEFT,
            y: TOP,
            width: (size.width - LEFT - RIGHT).max(1.0),
            height: (size.height - TOP - BOTTOM).max(1.0),
        }
    }

    /// The axis' top: four round steps at or above the highest value of any series.
    fn top(&self) -> f64 {
        let max = self
            .series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);
        4.0 * nice_step(max / 4.0, self.whole)
    }

    fn draw_static(&self, frame: &mut Frame) {
        let p = self.palette;
        let plot = Self::plot(frame.size());
        let top = self.top();
        let y_of = |v: f64| plot.y + plot.height - (v / top) as f32 * plot.height;
        // The y axis: four steps from zero to the top, a faint line at each.
        for i in 0..=4 {
            let v = top * f64::from(i) / 4.0;
            let y = y_of(v);
            let line = Path::line(Point::new(plot.x, y), Point::new(plot.x + plot.width, y));
            let color = if i == 0 { p.border } else { faint(p.border) };
            frame.stroke(&line, Stroke::default().with_color(color).with_width(1.0));
            frame.fill_text(label(
                (self.value)(v),
                Point::new(plot.x - 4.0, y),
                p.muted,
                TextAlign::Right,
                Vertical::Center,
            ));
        }
        frame.fill_text(label(
            self.unit.clone(),
            Point::new(2.0, 2.0),
            p.muted,
            TextAlign::Left,
            Vertical::Top,
        ));
        self.draw_legend(frame, plot);
        let n = self.points();
        if n == 0 {
            return;
        }
        let slot = plot.width / n as f32;
        for (i, text) in &self.ticks {
            let x = plot.x + (*i as f32 + 0.5) * slot;
            let tick = Path::line(
                Point::new(x, plot.y + plot.height),
                Point::new(x, plot.y + plot.height + 3.0),
            );
            frame.stroke(&tick, Stroke::default().with_color(p.border));
            frame.fill_text(label(
                text.clone(),
                Point::new(x, plot.y + plot.height + 4.0),
                p.muted,
                TextAlign::Center,
                Vertical::Top,
            ));
        }
        let columns = (plot.width.floor() as usize).clamp(1, n);
        let width = plot.width / columns as f32;
        let count = self.series.len().max(1) as f32;
        let peaks: Vec<Vec<f64>> = self
            .series
            .iter()
            .map(|s| per_column(s.values, columns))
            .collect();
        if self.kind == Kind::Bars {
            // Side by side while each bar gets a pixel; else over each other, the taller
            // behind, so a smaller series is never hidden by a larger one drawn after it.
            let side = width >= 2.0 * count;
            let bar = if side { width / count } else { width };
            let gap = if bar >= 4.0 { 1.0 } else { 0.0 };
            let mut order: Vec<usize> = (0..self.series.len()).collect();
            for (c, column) in (0..columns).map(|c| (c, plot.x + c as f32 * width)) {
                if !side {
                    order.sort_by(|&a, &b| peaks[b][c].total_cmp(&peaks[a][c]));
                }
                for &k in &order {
                    let v = peaks[k][c];
                    if !v.is_finite() || v <= 0.0 {
                        continue;
                    }
                    let x = column + if side { k as f32 * bar } else { 0.0 };
                    let y = y_of(v);
                    frame.fill_rectangle(
                        Point::new(x, y),
                        Size::new((bar - gap).max(1.0), plot.y + plot.height - y),
                        self.series[k].color,
                    );
                }
            }
            return;
        }
        // Lines: each series one path over the columns.
        for (s, peaks) in self.series.iter().zip(&peaks) {
            let path = Path::new(|b| {
                let mut pen_down = false;
                for (c, v) in peaks.iter().enumerate() {
                    if !v.is_finite() {
                        pen_down = false;
                        continue;
                    }
                    let at = Point::new(plot.x + (c as f32 + 0.5) * width, y_of(*v));
                    if pen_down {
                        b.line_to(at);
                    } else {
                        b.move_to(at);
                        pen_down = true;
                    }
                }
            });
            frame.stroke(&path, Stroke::default().with_color(s.color).with_width(1.5));
            // A lone point (a day between gaps) would not show as a line.
            for (c, v) in peaks.iter().enumerate() {
                if v.is_finite() && columns <= 120 {
                    let at = Point::new(plot.x + (c as f32 + 0.5) * width, y_of(*v));
                    frame.fill(&Path::circle(at, 2.0), s.color);
                }
            }
        }
    }

    /// Series' names at the top right, each after a square of its colour.
    fn draw_legend(&self, frame: &mut Frame, plot: Rectangle) {
        let mut x = plot.x + plot.width;
        for s in self.series.iter().rev() {
            let w = text_width(&s.name);
            x -= w;
            frame.fill_text(label(
                s.name.clone(),
                Point::new(x, 2.0),
                self.palette.muted,
                TextAlign::Left,
                Vertical::Top,
            ));
            x -= 12.0;
            frame.fill_rectangle(Point::new(x, 4.0), Size::new(8.0, 8.0), s.color);
            x -= 10.0;
        }
    }

    /// The point under the pointer: a guide line, and a box with its label and values.
    fn draw_readout(&self, frame: &mut Frame, at: Point) {
        let p = self.palette;
        let plot = Self::plot(frame.size());
        let n = self.points();
        if n == 0 || !plot.contains(at) {
            return;
        }
        let i = (((at.x - plot.x) / plot.width * n as f32) as usize).min(n - 1);
        let slot = plot.width / n as f32;
        let x = plot.x + (i as f32 + 0.5) * slot;
        let guide = Path::line(Point::new(x, plot.y), Point::new(x, plot.y + plot.height));
        frame.stroke(
            &guide,
            Stroke::default().with_color(p.muted).with_width(1.0),
        );
        let mut lines = vec![(self.label)(i)];
        for s in &self.series {
            let v = s.values.get(i).copied().unwrap_or(f64::NAN);
            let shown = if v.is_finite() {
                (self.value)(v)
            } else {
                "–".into()
            };
            lines.push(i18n::t!(
                "statistics-readout",
                series = s.name.as_str(),
                value = shown
            ));
        }
        let width = lines.iter().map(|l| text_width(l)).fold(0.0, f32::max) + 12.0;
        let line_h = LABEL_SIZE * 1.3;
        let height = line_h * lines.len() as f32 + 8.0;
        // Beside the guide, on whichever side has room.
        let left = if x + 8.0 + width <= frame.width() {
            x + 8.0
        } else {
            (x - 8.0 - width).max(0.0)
        };
        let top = plot.y;
        frame.fill_rectangle(Point::new(left, top), Size::new(width, height), p.raised);
        frame.stroke(
            &Path::rectangle(Point::new(left, top), Size::new(width, height)),
            Stroke::default().with_color(p.border).with_width(1.0),
        );
        for (k, line) in lines.into_iter().enumerate() {
            let color = match k {
                0 => p.text,
                _ => self.series[k - 1].color,
            };
            frame.fill_text(label(
                line,
                Point::new(left + 6.0, top + 4.0 + k as f32 * line_h),
                color,
                TextAlign::Left,
                Vertical::Top,
            ));
        }
    }
}

impl<M> canvas::Program<M> for Chart<'_> {
    type State = State;

    fn update(
        &self,
        state: &mut State,
        event: &Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<Action<M>> {
        redraw_on_hover(&mut state.hovering, event, bounds, cursor)
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

/// Asks for a redraw while the pointer moves over the canvas, and once as it leaves.
pub fn redraw_on_hover<M>(
    hovering: &mut bool,
    event: &Event,
    bounds: Rectangle,
    cursor: mouse::Cursor,
) -> Option<Action<M>> {
    let Event::Mouse(mouse::Event::CursorMoved { .. } | mouse::Event::CursorLeft) = event else {
        return None;
    };
    let over = cursor.is_over(bounds);
    if over || *hovering {
        *hovering = over;
        return Some(Action::request_redraw());
    }
    None
}

/// A label in the window's font.
pub fn label(
    content: String,
    position: Point,
    color: Color,
    align_x: TextAlign,
    align_y: Vertical,
) -> Text {
    Text {
        content,
        position,
        color,
        size: Pixels(LABEL_SIZE),
        font: fonts::TEXT,
        align_x,
        align_y,
        ..Text::default()
    }
}

/// About how wide a label is drawn (Fira Sans averages a little over half its size per
/// character); for placing boxes, never for clipping.
pub fn text_width(s: &str) -> f32 {
    s.chars().count() as f32 * LABEL_SIZE * 0.56
}

fn faint(c: Color) -> Color {
    Color { a: c.a * 0.45, ..c }
}

/// The highest value of each of `columns` equal runs of `values` (NaN when a run has none).
pub fn per_column(values: &[f64], columns: usize) -> Vec<f64> {
    let n = values.len();
    if n == 0 || columns == 0 {
        return Vec::new();
    }
    if columns >= n {
        return values.to_vec();
    }
    (0..columns)
        .map(|c| {
            let run = &values[c * n / columns..((c + 1) * n / columns).max(c * n / columns + 1)];
            run.iter()
                .copied()
                .filter(|v| v.is_finite())
                .fold(f64::NAN, f64::max)
        })
        .collect()
}

/// The smallest round step at or above `v`: 1, 2, 2.5, 3, 4, 5, 6 or 8 times a power of
/// ten; for counts (`whole`) a whole number of at least 1, never 2.5.
pub fn nice_step(v: f64, whole: bool) -> f64 {
    let v = if whole { v.max(1.0) } else { v.max(1e-3) };
    // Below 1 the power of ten divides: 3 × 0.1 is 0.30000000000000004, 3 / 10 is 0.3.
    let exponent = v.log10().floor() as i32;
    let scale = |m: f64| {
        if exponent >= 0 {
            m * 10f64.powi(exponent)
        } else {
            m / 10f64.powi(-exponent)
        }
    };
    let magnitude = scale(1.0);
    [1.0, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(scale)
        .filter(|s| !whole || (s.fract() == 0.0 && *s >= 1.0))
        .find(|&s| s >= v * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_steps_are_round() {
        // Counts step by whole numbers, at least one.
        assert_eq!(nice_step(0.0, true), 1.0);
        assert_eq!(nice_step(0.25, true), 1.0);
        assert_eq!(nice_step(5.5, true), 6.0);
        assert_eq!(nice_step(2.2, true), 3.0);
        assert_eq!(nice_step(21.0, true), 25.0);
        assert_eq!(nice_step(120.0, true), 200.0);
        // Minutes may step by fractions.
        assert_eq!(nice_step(0.3, false), 0.3);
        assert_eq!(nice_step(42.0, false), 50.0);
        assert_eq!(nice_step(1.7, false), 2.0);
    }

    #[test]
    fn more_points_than_pixels_keep_each_columns_peak() {
        let year: Vec<f64> = (0..8760).map(|h| f64::from(h % 24)).collect();
        let columns = per_column(&year, 365);
        assert_eq!(columns.len(), 365);
        assert!(columns.iter().all(|&v| v == 23.0), "each day's peak hour");
        let gaps = [f64::NAN, f64::NAN, 3.0, f64::NAN];
        let two = per_column(&gaps, 2);
        assert!(two[0].is_nan());
        assert_eq!(two[1], 3.0);
        assert_eq!(per_column(&[1.0, 2.0], 5), vec![1.0, 2.0]);
    }
}
