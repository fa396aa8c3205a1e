//! Style closures shared by the screens. Each takes the theme's palette by value (it is
//! Copy) so a view can hand them to widgets without borrowing the app.

use crate::desk::Status;
use crate::ui::theme::Palette;
use iced::widget::{button, container, text_editor, text_input};
use iced::{Background, Border, Color, Font};

/// The compact list and chat text size; iced's default 16 px would waste the duty screen.
pub const TEXT: f32 = 13.0;
pub const SMALL: f32 = 11.5;

pub const BOLD: Font = crate::ui::fonts::SEMIBOLD;

pub fn status_color(p: Palette, status: Status) -> Option<Color> {
    match status {
        Status::Normal => None,
        Status::Waiting => Some(p.waiting),
        Status::Red => Some(p.red),
        Status::Breach => Some(p.breach),
        Status::Alarm => Some(p.alarm),
    }
}

pub fn panel(p: Palette) -> impl Fn(&iced::Theme) -> container::Style {
    move |_| container::Style {
        background: Some(p.surface.into()),
        text_color: Some(p.text),
        ..container::Style::default()
    }
}

/// Text colour only, for a container whose background a `backdrop` paints (the window and
/// the panes: see `widgets/backdrop.rs` for why).
pub fn ink(color: Color) -> impl Fn(&iced::Theme) -> container::Style {
    move |_| container::Style {
        text_color: Some(color),
        ..container::Style::default()
    }
}

pub fn bar(p: Palette) -> impl Fn(&iced::Theme) -> container::Style {
    move |_| container::Style {
        background: Some(p.raised.into()),
        text_color: Some(p.text),
        border: Border {
            color: p.border,
            width: 0.0,
            radius: 0.0.into(),
        },
        ..container::Style::default()
    }
}

pub fn window(p: Palette) -> impl Fn(&iced::Theme) -> container::Style {
    move |_| container::Style {
        background: Some(p.background.into()),
        text_color: Some(p.text),
        ..container::Style::default()
    }
}

/// A one-pixel rule: a container of the border colour.
pub fn rule(p: Palette) -> impl Fn(&iced::Theme) -> container::Style {
    move |_| container::Style {
        background: Some(p.border.into()),
        ..container::Style::default()
    }
}

pub fn fill(color: Color) -> impl Fn(&iced::Theme) -> container::Style {
    move |_| container::Style {
        background: Some(color.into()),
        ..container::Style::default()
    }
}

/// A rounded box: message bubbles, the context menu, banners.
/// A card's border width and corner radius: `card`'s, and `backdrop::card`'s, which draws
/// the same look in strips.
pub const CARD_BORDER: f32 = 1.0;
pub const CARD_RADIUS: f32 = 4.0;

pub fn card(background: Color, border: Color) -> impl Fn(&iced::Theme) -> container::Style {
    move |_| container::Style {
        background: Some(background.into()),
        border: Border {
            color: border,
            width: CARD_BORDER,
            radius: CARD_RADIUS.into(),
        },
        ..container::Style::default()
    }
}

/// Flat buttons: text only until hovered; `active` marks the chosen filter.
pub fn flat(p: Palette, active: bool) -> impl Fn(&iced::Theme, button::Status) -> button::Style {
    move |_, status| {
        let background = match (active, status) {
            (true, _) => Some(Background::Color(p.selection)),
            (false, button::Status::Hovered | button::Status::Pressed) => {
                Some(Background::Color(p.raised))
            }
            _ => None,
        };
        button::Style {
            background,
            text_color: if matches!(status, button::Status::Disabled) {
                p.muted
            } else {
                p.text
            },
            border: Border {
                color: p.border,
                width: 0.0,
                radius: 3.0.into(),
            },
            ..button::Style::default()
        }
    }
}

/// The one strong button on a screen (Send, Log in).
pub fn primary(p: Palette) -> impl Fn(&iced::Theme, button::Status) -> button::Style {
    move |_, status| {
        let mut background = p.primary;
        if matches!(status, button::Status::Hovered | button::Status::Pressed) {
            background.a = 0.85;
        }
        if matches!(status, button::Status::Disabled) {
            background.a = 0.4;
        }
        button::Style {
            background: Some(background.into()),
            text_color: p.surface,
            border: Border {
                radius: 3.0.into(),
                ..Border::default()
            },
            ..button::Style::default()
        }
    }
}

/// A bordered button for secondary actions.
pub fn outline(p: Palette) -> impl Fn(&iced::Theme, button::Status) -> button::Style {
    move |_, status| button::Style {
        background: Some(
            if matches!(status, button::Status::Hovered | button::Status::Pressed) {
                p.raised
            } else {
                p.surface
            }
            .into(),
        ),
        text_color: p.text,
        border: Border {
            color: p.border,
            width: 1.0,
            radius: 3.0.into(),
        },
        ..button::Style::default()
    }
}

/// The keyboard focus ring around a control (drawn transparent while unfocused, so
/// moving the focus never shifts the layout). The primary colour stands out against the
/// surface in the light, dark and high-contrast themes alike.
pub fn focus_ring(p: Palette, focused: bool) -> impl Fn(&iced::Theme) -> container::Style {
    move |_| container::Style {
        border: Border {
            color: if focused {
                p.primary
            } else {
                Color::TRANSPARENT
            },
            width: 2.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

pub fn input(p: Palette) -> impl Fn(&iced::Theme, text_input::Status) -> text_input::Style {
    move |_, status| text_input::Style {
        background: p.surface.into(),
        border: Border {
            color: if matches!(status, text_input::Status::Focused { .. }) {
                p.primary
            } else {
                p.border
            },
            width: 1.0,
            radius: 3.0.into(),
        },
        icon: p.muted,
        placeholder: p.muted,
        value: p.text,
        selection: p.selection,
    }
}

pub fn editor(p: Palette) -> impl Fn(&iced::Theme, text_editor::Status) -> text_editor::Style {
    move |_, status| text_editor::Style {
        background: p.surface.into(),
        border: Border {
            color: if matches!(status, text_editor::Status::Focused { .. }) {
                p.primary
            } else {
                p.border
            },
            width: 1.0,
            radius: 3.0.into(),
        },
        placeholder: p.muted,
        value: p.text,
        selection: p.selection,
    }
}
