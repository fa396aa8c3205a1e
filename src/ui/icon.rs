//! The window icon, drawn in code (no image decoder needed): a blue tile with three list
//! rows, the first marked red — the console at a glance. assets/dutydesk.png is the same
//! picture for packaging.

use iced::window::Icon;

const SIZE: u32 = 64;

pub fn window_icon() -> Option<Icon> {
    iced::window::icon::from_rgba(pixels(), SIZE, SIZE).ok()
}

fn pixels() -> Vec<u8> {
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    for y in 0..SIZE {
        for x in 0..SIZE {
            rgba.extend_from_slice(&pixel(x as i32, y as i32));
        }
    }
    rgba
}

fn pixel(x: i32, y: i32) -> [u8; 4] {
    const CLEAR: [u8; 4] = [0, 0, 0, 0];
    const TILE: [u8; 4] = [0x25, 0x63, 0xc9, 0xff];
    const ROW: [u8; 4] = [0xf4, 0xf5, 0xf7, 0xff];
    const RED: [u8; 4] = [0xd1, 0x3b, 0x34, 0xff];
    // A tile with rounded corners (radius 12).
    let r = 12;
    let cx = x.clamp(r, SIZE as i32 - 1 - r);
    let cy = y.clamp(r, SIZE as i32 - 1 - r);
    if (x - cx).pow(2) + (y - cy).pow(2) > r * r {
        return CLEAR;
    }
    // Three rows, 8 px high, from y = 14, 28, 42; the first has a red status bar.
    for (i, top) in [14, 28, 42].into_iter().enumerate() {
        if (top..top + 8).contains(&y) {
            if i == 0 && (12..17).contains(&x) {
                return RED;
            }
            if (20..52).contains(&x) {
                return ROW;
            }
        }
    }
    TILE
}

#[cfg(test)]
mod tests {
    #[test]
    fn icon_is_valid() {
        assert!(super::window_icon().is_some());
        assert_eq!(super::pixel(0, 0)[3], 0, "rounded corner is transparent");
        assert_eq!(super::pixel(14, 16), [0xd1, 0x3b, 0x34, 0xff]);
    }
}
