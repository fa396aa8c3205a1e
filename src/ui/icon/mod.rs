//! The DutyDesk icon, drawn in code (no image decoder, no icon files read at run time): a
//! blue tile with three list rows, the first marked red — the console at a glance.
//!
//! One geometry (`SHAPES`, in a square of 64 units) gives every form of it: the window
//! icon, the tray's (with a badge saying who waits), and the files packages install
//! (`files`: PNGs at each size, the scalable SVG, Windows' .ico, macOS' .icns under
//! `packaging/icons/`, checked against this code by the tests here).

pub mod files;

/// The side of the square the shapes are drawn in.
const UNITS: f32 = 64.0;

/// A colour, `#rrggbb` with full opacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub [u8; 3]);

const TILE: Colour = Colour([0x25, 0x63, 0xc9]);
const ROW: Colour = Colour([0xf4, 0xf5, 0xf7]);
const RED: Colour = Colour([0xd1, 0x3b, 0x34]);
const AMBER: Colour = Colour([0xe8, 0xa3, 0x3d]);
const RING: Colour = Colour([0xff, 0xff, 0xff]);

/// One filled shape, in units; later shapes paint over earlier ones.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// x, y, width, height, corner radius.
    Rect(f32, f32, f32, f32, f32, Colour),
    /// centre x, centre y, radius.
    Circle(f32, f32, f32, Colour),
}

/// The picture: the tile, then per row (tops at 14, 28 and 42; 8 high) a light bar, the
/// first with a red status mark before it.
const SHAPES: [Shape; 5] = [
    Shape::Rect(0.0, 0.0, UNITS, UNITS, 12.0, TILE),
    Shape::Rect(12.0, 14.0, 5.0, 8.0, 0.0, RED),
    Shape::Rect(20.0, 14.0, 32.0, 8.0, 0.0, ROW),
    Shape::Rect(20.0, 28.0, 32.0, 8.0, 0.0, ROW),
    Shape::Rect(20.0, 42.0, 32.0, 8.0, 0.0, ROW),
];

/// The tray's mark over the top right corner: amber while customers wait, red when one
/// waits too long, breached or an alarm is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Badge {
    Waiting,
    Red,
}

impl Badge {
    fn shapes(self) -> [Shape; 2] {
        let fill = match self {
            Badge::Waiting => AMBER,
            Badge::Red => RED,
        };
        [
            Shape::Circle(50.0, 14.0, 14.0, RING),
            Shape::Circle(50.0, 14.0, 10.5, fill),
        ]
    }
}

impl Shape {
    fn contains(&self, x: f32, y: f32) -> bool {
        match *self {
            Shape::Rect(left, top, width, height, radius, _) => {
                let (right, bottom) = (left + width, top + height);
                if x < left || x >= right || y < top || y >= bottom {
                    return false;
                }
                // Inside the rectangle; in a corner square, inside its quarter circle.
                let cx = x.clamp(left + radius, right - radius);
                let cy = y.clamp(top + radius, bottom - radius);
                (x - cx).powi(2) + (y - cy).powi(2) <= radius * radius
            }
            Shape::Circle(cx, cy, radius, _) => {
                (x - cx).powi(2) + (y - cy).powi(2) <= radius * radius
            }
        }
    }

    fn colour(&self) -> Colour {
        match *self {
            Shape::Rect(.., colour) | Shape::Circle(.., colour) => colour,
        }
    }
}

/// The icon as `size` × `size` RGBA pixels (straight alpha), each pixel the average of a
/// grid of samples, so edges are smooth at any size; `badge` adds the tray's mark.
pub fn pixels(size: u32, badge: Option<Badge>) -> Vec<u8> {
    let mut shapes: Vec<Shape> = SHAPES.to_vec();
    if let Some(badge) = badge {
        shapes.extend(badge.shapes());
    }
    // Enough samples that a curve is smooth; from 256 px up a pixel is so small a part of
    // the curve that 2 × 2 does.
    let grid: u32 = if size >= 256 { 2 } else { 4 };
    let step = UNITS / size as f32;
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    for py in 0..size {
        for px in 0..size {
            let mut sum = [0u32; 4];
            for sy in 0..grid {
                for sx in 0..grid {
                    let x = (px as f32 + (sx as f32 + 0.5) / grid as f32) * step;
                    let y = (py as f32 + (sy as f32 + 0.5) / grid as f32) * step;
                    if let Some(shape) = shapes.iter().rev().find(|s| s.contains(x, y)) {
                        let Colour([r, g, b]) = shape.colour();
                        sum[0] += u32::from(r);
                        sum[1] += u32::from(g);
                        sum[2] += u32::from(b);
                        sum[3] += 1;
                    }
                }
            }
            rgba.extend_from_slice(&average(sum, grid * grid));
        }
    }
    rgba
}

/// The covered samples' colour (every shape is opaque, so straight alpha is their mean)
/// and the share covered as alpha.
fn average([r, g, b, covered]: [u32; 4], samples: u32) -> [u8; 4] {
    if covered == 0 {
        return [0, 0, 0, 0];
    }
    let mean = |c: u32| ((c + covered / 2) / covered) as u8;
    let alpha = ((covered * 255 + samples / 2) / samples) as u8;
    [mean(r), mean(g), mean(b), alpha]
}

/// The scalable icon: the same shapes as SVG.
pub fn svg() -> String {
    let hex = |Colour([r, g, b]): Colour| format!("#{r:02x}{g:02x}{b:02x}");
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">\n\
         \x20 <title>DutyDesk</title>\n",
    );
    for shape in SHAPES {
        let line = match shape {
            Shape::Rect(x, y, w, h, r, colour) => {
                let corner = if r > 0.0 {
                    format!(" rx=\"{r}\"")
                } else {
                    String::new()
                };
                format!(
                    "  <rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\"{corner} fill=\"{}\"/>\n",
                    hex(colour)
                )
            }
            Shape::Circle(cx, cy, r, colour) => format!(
                "  <circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\" fill=\"{}\"/>\n",
                hex(colour)
            ),
        };
        out.push_str(&line);
    }
    out.push_str("</svg>\n");
    out
}

/// The window icon's side in pixels.
const WINDOW_ICON: u32 = 64;

pub fn window_icon() -> Option<iced::window::Icon> {
    iced::window::icon::from_rgba(pixels(WINDOW_ICON, None), WINDOW_ICON, WINDOW_ICON).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rgba: &[u8], size: u32, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * size + x) * 4) as usize;
        rgba[i..i + 4].try_into().unwrap()
    }

    #[test]
    fn the_window_icon_is_the_tile_with_three_rows_the_first_marked_red() {
        assert!(window_icon().is_some());
        let p = pixels(64, None);
        assert_eq!(at(&p, 64, 0, 0)[3], 0, "the rounded corner is transparent");
        assert_eq!(at(&p, 64, 14, 16), [0xd1, 0x3b, 0x34, 0xff], "the red mark");
        assert_eq!(
            at(&p, 64, 30, 30),
            [0xf4, 0xf5, 0xf7, 0xff],
            "the second row"
        );
        assert_eq!(
            at(&p, 64, 30, 25),
            [0x25, 0x63, 0xc9, 0xff],
            "the tile between rows"
        );
        // An edge of the corner's curve is partly covered.
        let edge = at(&p, 64, 3, 3)[3];
        assert!(0 < edge && edge < 255, "{edge}");
    }

    #[test]
    fn the_picture_scales_and_the_badge_marks_the_corner() {
        for size in [16, 22, 32, 128, 512] {
            let p = pixels(size, None);
            assert_eq!(p.len(), (size * size * 4) as usize);
            let middle = at(&p, size, size / 2, size * 3 / 8);
            assert_eq!(
                middle,
                [0x25, 0x63, 0xc9, 0xff],
                "{size}: the tile between rows"
            );
        }
        let (waiting, red) = (
            pixels(64, Some(Badge::Waiting)),
            pixels(64, Some(Badge::Red)),
        );
        assert_eq!(at(&waiting, 64, 50, 14), [0xe8, 0xa3, 0x3d, 0xff]);
        assert_eq!(at(&red, 64, 50, 14), [0xd1, 0x3b, 0x34, 0xff]);
        assert_eq!(at(&red, 64, 50, 2), [0xff, 0xff, 0xff, 0xff], "the ring");
        assert_eq!(at(&red, 64, 14, 40), at(&pixels(64, None), 64, 14, 40));
    }

    #[test]
    fn the_svg_draws_the_same_shapes() {
        let svg = svg();
        assert!(svg.contains(
            "<rect x=\"0\" y=\"0\" width=\"64\" height=\"64\" rx=\"12\" fill=\"#2563c9\"/>"
        ));
        assert!(
            svg.contains("<rect x=\"12\" y=\"14\" width=\"5\" height=\"8\" fill=\"#d13b34\"/>")
        );
        assert_eq!(svg.matches("fill=\"#f4f5f7\"").count(), 3);
        assert!(svg.ends_with("</svg>\n"));
    }
}
