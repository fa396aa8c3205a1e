//! Which frames the software renderer redraws whole: every frame while Telegram's batches
//! are large (a storm, a reconnect's backlog), only what changed otherwise.
//!
//! Why: iced_tiny_skia 0.14 redraws a frame's damaged rectangles one by one, and for each
//! it rebuilds a window-sized clip mask per layer and fills every quad that reaches the
//! rectangle through that mask. A frame that shows a storm's batch changes rows, counters
//! and cards all over the window: iced's grouping leaves some 35 rectangles, up to 200 when
//! the list moves, and such a frame took 28 ms at the median and up to 260 ms to rasterize
//! (the storm bench, a counting build of iced_tiny_skia). The whole 1280×820 window in one
//! rectangle took 11 ms at the median and 42 ms at most, under the same storm. When little
//! changes (a key, a hover, a wait label) the damaged rectangles are few and cheaper. But
//! not during a storm: a key's frame drawn in part between two whole ones took up to
//! 320 ms (the filter changes the list while the storm moves it), drawn whole 12 ms.
//!
//! How: iced's compositor redraws the whole window when the window's background colour
//! differs from the last frame's (`iced_tiny_skia::window::compositor::present`). While
//! busy, every message the window handles gives the background a new value that differs
//! from the theme's below what an 8-bit pixel can show, so the pixels stay the theme's.
//! (A GPU renderer redraws every frame anyway; the colour is the same to it.)

use iced::Color;
use std::time::{Duration, Instant};

/// A batch carrying at least this many events marks the window busy: a few hundred events
/// a second or more, which the pacer hands on in batches of this size or larger. A desk's
/// ordinary traffic comes as batches of a few events.
pub const BUSY_EVENTS: usize = 64;

/// How long the window stays busy after its last large batch: the frames between a
/// storm's batches (a key press, the clock's tick) and the smaller batches of a storm that
/// thins out are drawn whole too, and a storm that pauses for less than this does not
/// switch back and forth.
pub const BUSY_FOR: Duration = Duration::from_secs(1);

/// Distinct background values cycled through while busy: a frame is drawn whole when its
/// value differs from the previous frame's, so any fewer than this many messages between
/// two frames keeps them apart.
const STEPS: u32 = 64;

/// Step between two background values: far below one 8-bit level (1/255), so all of them
/// round to the same pixel; far above an f32's precision near 1.0 (about 6e-8).
const STEP: f32 = 1.0 / (1 << 20) as f32;

/// The window's busy state and the background value of the next frame.
#[derive(Debug, Clone, Default)]
pub struct Repaint {
    /// Until when frames are drawn whole.
    busy_until: Option<Instant>,
    /// Bumped for every message handled while busy; 0 while calm.
    generation: u32,
}

impl Repaint {
    /// A message reaches the window at `now`; `batch` is the number of Telegram events it
    /// carries, if it is a Telegram batch.
    pub fn message(&mut self, now: Instant, batch: Option<usize>) {
        if batch.is_some_and(|events| events >= BUSY_EVENTS) {
            self.busy_until = Some(now + BUSY_FOR);
        }
        if self.busy_until.is_some_and(|until| now < until) {
            // 1..=STEPS: never the calm value 0, so the first busy frame differs too.
            self.generation = self.generation % STEPS + 1;
        } else {
            self.busy_until = None;
            self.generation = 0;
        }
    }

    /// Whether the frames drawn now are drawn whole.
    pub fn busy(&self) -> bool {
        self.generation != 0
    }

    /// The window's background for the next frame: the theme's `base`, as an 8-bit pixel
    /// shows it, moved by less than one level while busy.
    pub fn background(&self, base: Color) -> Color {
        let snapped = Color {
            r: snap(base.r),
            ..base
        };
        if self.generation == 0 {
            return snapped;
        }
        let nudge = self.generation as f32 * STEP;
        // Towards the middle, so the value stays within 0..=1 (tiny-skia refuses others).
        let r = if snapped.r >= 0.5 {
            snapped.r - nudge
        } else {
            snapped.r + nudge
        };
        Color { r, ..snapped }
    }
}

/// `value` at the 8-bit level a pixel would show, exactly, so a nudge below half a level
/// never crosses a rounding boundary.
fn snap(value: f32) -> f32 {
    (value.clamp(0.0, 1.0) * 255.0).round() / 255.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How tiny-skia stores a colour channel in a pixel (`color_f32_to_u8`).
    fn pixel(value: f32) -> u8 {
        (value * 255.0 + 0.5) as u8
    }

    /// The backgrounds of `batches` storm frames a refresh period apart.
    fn storm(repaint: &mut Repaint, base: Color, batches: u32) -> Vec<Color> {
        let t0 = Instant::now();
        (0..batches)
            .map(|i| {
                repaint.message(t0 + Duration::from_millis(125) * i, Some(5000));
                repaint.background(base)
            })
            .collect()
    }

    #[test]
    fn calm_frames_keep_the_themes_background() {
        let mut repaint = Repaint::default();
        let t0 = Instant::now();
        let base = Color::from_rgb8(236, 238, 241);
        for (i, batch) in [Some(1), None, Some(BUSY_EVENTS - 1), None]
            .into_iter()
            .enumerate()
        {
            repaint.message(t0 + Duration::from_secs(i as u64), batch);
            assert!(!repaint.busy());
            assert_eq!(repaint.background(base), base);
        }
    }

    #[test]
    fn every_frame_of_a_storm_gets_a_background_of_its_own_with_the_same_pixels() {
        let mut repaint = Repaint::default();
        let base = Color::from_rgb8(236, 238, 241);
        let calm = repaint.background(base);
        let frames = storm(&mut repaint, base, 200);
        assert!(repaint.busy());
        assert_ne!(frames[0], calm, "the first busy frame is drawn whole");
        for pair in frames.windows(2) {
            assert_ne!(pair[0], pair[1], "consecutive frames differ");
        }
        for color in &frames {
            assert_eq!(pixel(color.r), 236);
            assert_eq!((color.g, color.b, color.a), (calm.g, calm.b, calm.a));
        }
    }

    #[test]
    fn a_key_between_storm_batches_is_drawn_whole_and_calm_returns_after_busy_for() {
        let mut repaint = Repaint::default();
        let t0 = Instant::now();
        let base = Color::from_rgb8(30, 30, 30);
        repaint.message(t0, Some(BUSY_EVENTS));
        let batch = repaint.background(base);
        assert_ne!(batch, base);
        // A key's frame between two batches is drawn whole too.
        repaint.message(t0 + Duration::from_millis(40), None);
        assert!(repaint.busy());
        assert_ne!(repaint.background(base), batch);
        // A small batch of a thinning storm is still drawn whole, until BUSY_FOR has
        // passed since the last large one.
        repaint.message(t0 + BUSY_FOR - Duration::from_millis(1), Some(3));
        assert!(repaint.busy());
        assert_ne!(repaint.background(base), batch);
        repaint.message(t0 + BUSY_FOR, Some(3));
        assert!(!repaint.busy());
        assert_eq!(repaint.background(base), base);
        repaint.message(t0 + BUSY_FOR * 2, None);
        assert!(!repaint.busy());
    }

    #[test]
    fn the_nudge_never_changes_a_pixel_nor_leaves_the_unit_range() {
        for level in 0..=255u8 {
            let base = Color::from_rgb8(level, 0, 0);
            let mut repaint = Repaint::default();
            for color in storm(&mut repaint, base, STEPS * 2 + 3) {
                assert!((0.0..=1.0).contains(&color.r), "level {level}: {}", color.r);
                assert_eq!(pixel(color.r), level, "level {level}");
            }
        }
        // A colour between two levels is shown at the nearest one, nudged or not.
        let between = Color::from_rgb(0.5, 0.2, 0.9);
        let mut repaint = Repaint::default();
        for color in storm(&mut repaint, between, 10) {
            assert_eq!(pixel(color.r), pixel(between.r));
        }
    }
}
