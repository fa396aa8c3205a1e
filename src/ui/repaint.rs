//! Which frames the software renderer redraws whole, and which only where they changed.
//!
//! - Whole: the frame after a person's input (a key, a click, a scroll: anything but the
//!   clock's tick and Telegram's batches), and every frame while Telegram's batches are
//!   large (a storm, a reconnect's backlog) and for a second after.
//! - Where it changed: the clock's tick and a calm stream's small batches (a wait label,
//!   a row turning red, a new message), and the redraws widgets ask for on their own (the
//!   caret's blink, a chart's hover).
//!
//! Why: iced_tiny_skia 0.14 redraws a frame's damaged rectangles one by one, and for each
//! it rebuilds a window-sized clip mask per layer and fills every quad that reaches the
//! rectangle through that mask. A storm's batch moves rows, counters and cards all over
//! the window: iced's grouping left 35 to 200 rectangles, 28 ms a frame at the median and
//! up to 260 ms to rasterize, against 11 ms and at most 42 ms for the whole 1280×820 window
//! as one rectangle. A letter typed into the list's filter changes the list: up to 145
//! rectangles, 24 ms at the median and 114 ms at most, against 12 ms and 30 ms whole. But
//! the once-a-second tick of 5,000 waiting chats changes a few labels: drawn whole, the
//! idle window took 2.6 % of a core instead of 0.4 %. (Measured with the storm and launch
//! benches and a counting build of iced_tiny_skia, not committed.)
//!
//! How: iced's compositor redraws the whole window when the window's background colour
//! differs from the last frame's (`iced_tiny_skia::window::compositor::present`); iced
//! reads the background (the program's `style`) after every message it handles. A message
//! whose frame is drawn whole gives the background a new value that differs from the
//! theme's below what an 8-bit pixel can show, so the pixels stay the theme's. (A GPU
//! renderer redraws every frame anyway; the colour is the same to it.)

use iced::Color;
use std::time::{Duration, Instant};

/// A batch carrying at least this many events marks the window busy: a few hundred events
/// a second or more, which the pacer hands on in batches of this size or larger. A desk's
/// ordinary traffic comes as batches of a few events.
pub const BUSY_EVENTS: usize = 64;

/// How long the window stays busy after its last large batch: the ticks and the smaller
/// batches of a storm that thins out are drawn whole too, and a storm that pauses for
/// less than this does not switch back and forth.
pub const BUSY_FOR: Duration = Duration::from_secs(1);

/// Distinct background values cycled through: a frame is drawn whole when its value
/// differs from the previous frame's, so any fewer than this many whole-frame messages
/// between two frames keeps them apart.
const STEPS: u32 = 64;

/// Step between two background values: far below one 8-bit level (1/255), so all of them
/// round to the same pixel; far above an f32's precision near 1.0 (about 6e-8).
const STEP: f32 = 1.0 / (1 << 20) as f32;

/// What a message is, as far as drawing goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Telegram's batch of this many events.
    Batch(usize),
    /// The window's timer: wait labels, red and breach.
    Tick,
    /// Anything else: a person's input, or a reply to what they asked.
    Input,
}

/// The window's busy state and the background value of the next frame.
#[derive(Debug, Clone, Default)]
pub struct Repaint {
    /// Until when every frame is drawn whole.
    busy_until: Option<Instant>,
    /// Bumped for every message whose frame is drawn whole; 0 before the first.
    generation: u32,
}

impl Repaint {
    /// A message of `kind` reaches the window at `now`.
    pub fn message(&mut self, now: Instant, kind: Kind) {
        if matches!(kind, Kind::Batch(events) if events >= BUSY_EVENTS) {
            self.busy_until = Some(now + BUSY_FOR);
        }
        if self.busy_until.is_some_and(|until| now >= until) {
            self.busy_until = None;
        }
        if self.busy_until.is_some() || kind == Kind::Input {
            // 1..=STEPS: never the starting value 0, so the first such frame differs too.
            self.generation = self.generation % STEPS + 1;
        }
    }

    /// Whether every frame is drawn whole now (a storm).
    pub fn busy(&self) -> bool {
        self.busy_until.is_some()
    }

    /// The window's background for the next frame: the theme's `base`, as an 8-bit pixel
    /// shows it, moved by less than one level for each message drawn whole.
    pub fn background(&self, base: Color) -> Color {
        let snapped = Color {
            r: snap(base.r),
            ..base
        };
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

    const BASE: Color = Color::from_rgb8(236, 238, 241);

    /// How tiny-skia stores a colour channel in a pixel (`color_f32_to_u8`).
    fn pixel(value: f32) -> u8 {
        (value * 255.0 + 0.5) as u8
    }

    /// The backgrounds of `batches` storm frames a refresh period apart.
    fn storm(repaint: &mut Repaint, base: Color, batches: u32) -> Vec<Color> {
        let t0 = Instant::now();
        (0..batches)
            .map(|i| {
                repaint.message(t0 + Duration::from_millis(125) * i, Kind::Batch(5000));
                repaint.background(base)
            })
            .collect()
    }

    #[test]
    fn ticks_and_small_batches_keep_the_themes_background() {
        let mut repaint = Repaint::default();
        let t0 = Instant::now();
        assert_eq!(repaint.background(BASE), BASE);
        let kinds = [
            Kind::Batch(1),
            Kind::Tick,
            Kind::Batch(BUSY_EVENTS - 1),
            Kind::Tick,
        ];
        for (i, kind) in kinds.into_iter().enumerate() {
            repaint.message(t0 + Duration::from_secs(i as u64), kind);
            assert!(!repaint.busy());
            assert_eq!(repaint.background(BASE), BASE, "{kind:?}");
        }
    }

    #[test]
    fn each_input_gives_the_next_frame_a_background_of_its_own() {
        let mut repaint = Repaint::default();
        let t0 = Instant::now();
        let mut last = repaint.background(BASE);
        for i in 0..200 {
            repaint.message(t0 + Duration::from_secs(i), Kind::Input);
            let color = repaint.background(BASE);
            assert_ne!(color, last, "input {i} is drawn whole");
            assert_eq!(pixel(color.r), 236);
            last = color;
        }
        // A tick after it redraws only what changed: the background stays.
        repaint.message(t0 + Duration::from_secs(300), Kind::Tick);
        assert_eq!(repaint.background(BASE), last);
    }

    #[test]
    fn every_frame_of_a_storm_gets_a_background_of_its_own_with_the_same_pixels() {
        let mut repaint = Repaint::default();
        let calm = repaint.background(BASE);
        let frames = storm(&mut repaint, BASE, 200);
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
    fn while_busy_ticks_are_drawn_whole_and_calm_returns_after_busy_for() {
        let mut repaint = Repaint::default();
        let t0 = Instant::now();
        repaint.message(t0, Kind::Batch(BUSY_EVENTS));
        let batch = repaint.background(BASE);
        repaint.message(t0 + Duration::from_millis(40), Kind::Tick);
        assert!(repaint.busy());
        assert_ne!(repaint.background(BASE), batch);
        // Still busy just before BUSY_FOR has passed, calm from then on.
        repaint.message(t0 + BUSY_FOR - Duration::from_millis(1), Kind::Batch(3));
        assert!(repaint.busy());
        let last_busy = repaint.background(BASE);
        repaint.message(t0 + BUSY_FOR, Kind::Tick);
        assert!(!repaint.busy());
        assert_eq!(
            repaint.background(BASE),
            last_busy,
            "the tick is drawn in part"
        );
    }

    #[test]
    fn fewer_than_steps_messages_between_two_frames_keep_them_apart() {
        let t0 = Instant::now();
        for between in 1..STEPS {
            let mut repaint = Repaint::default();
            repaint.message(t0, Kind::Input);
            let first = repaint.background(BASE);
            for _ in 0..between {
                repaint.message(t0, Kind::Input);
            }
            assert_ne!(repaint.background(BASE), first, "{between} messages");
        }
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
