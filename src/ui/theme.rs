//! Themes: the three built-in TOML themes (embedded) and user themes from the config
//! directory, named by file stem. "auto" follows the OS light/dark setting.

use iced::Color;
use serde::Deserialize;
use std::path::Path;

/// The built-in themes, by the stem the config names them with.
const BUILTIN: &[(&str, &str)] = &[
    ("light", include_str!("../../themes/light.toml")),
    ("dark", include_str!("../../themes/dark.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

/// Every colour the console paints with. iced's own palette is derived from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub background: Color,
    pub surface: Color,
    pub raised: Color,
    pub border: Color,
    pub text: Color,
    pub muted: Color,
    pub primary: Color,
    pub selection: Color,
    pub waiting: Color,
    pub red: Color,
    pub breach: Color,
    pub alarm: Color,
    pub success: Color,
    pub staff: Color,
    pub customer: Color,
    pub pin: Color,
    pub star: Color,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub dark: bool,
    pub colors: Palette,
    iced: iced::Theme,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: String,
    mode: String,
    colors: ColorsFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColorsFile {
    background: String,
    surface: String,
    raised: String,
    border: String,
    text: String,
    muted: String,
    primary: String,
    selection: String,
    waiting: String,
    red: String,
    breach: String,
    alarm: String,
    success: String,
    staff: String,
    customer: String,
    pin: String,
    star: String,
}

impl Theme {
    /// Parses a theme file; the error names the offending key.
    pub fn parse(source: &str) -> Result<Theme, String> {
        let file: ThemeFile = toml::from_str(source).map_err(|e| e.to_string())?;
        let c = &file.colors;
        let get = |key: &str, value: &str| {
            hex(value).ok_or_else(|| i18n::t!("app-theme-color", key = key, value = value))
        };
        let colors = Palette {
            background: get("background", &c.background)?,
            surface: get("surface", &c.surface)?,
            raised: get("raised", &c.raised)?,
            border: get("border", &c.border)?,
            text: get("text", &c.text)?,
            muted: get("muted", &c.muted)?,
            primary: get("primary", &c.primary)?,
            selection: get("selection", &c.selection)?,
            waiting: get("waiting", &c.waiting)?,
            red: get("red", &c.red)?,
            breach: get("breach", &c.breach)?,
            alarm: get("alarm", &c.alarm)?,
            success: get("success", &c.success)?,
            staff: get("staff", &c.staff)?,
            customer: get("customer", &c.customer)?,
            pin: get("pin", &c.pin)?,
            star: get("star", &c.star)?,
        };
        let dark = match file.mode.as_str() {
            "dark" => true,
            "light" => false,
            other => return Err(i18n::t!("app-theme-mode", value = other)),
        };
        let iced = iced::Theme::custom(
            file.name.clone(),
            iced::theme::Palette {
                background: colors.surface,
                text: colors.text,
                primary: colors.primary,
                success: colors.success,
                warning: colors.waiting,
                danger: colors.red,
            },
        );
        Ok(Theme {
            name: file.name,
            dark,
            colors,
            iced,
        })
    }

    /// A built-in theme by stem ("light", "dark", "high-contrast").
    pub fn builtin(stem: &str) -> Option<Theme> {
        BUILTIN
            .iter()
            .find(|(name, _)| *name == stem)
            // The embedded files are tested to parse; a failure here is a build defect.
            .and_then(|(_, source)| Theme::parse(source).ok())
    }

    pub fn light() -> Theme {
        Theme::builtin("light").unwrap_or_else(fallback)
    }

    pub fn iced(&self) -> iced::Theme {
        self.iced.clone()
    }
}

/// The last resort if an embedded theme failed to parse: never crash over colours.
fn fallback() -> Theme {
    let black = Color::BLACK;
    let white = Color::WHITE;
    let colors = Palette {
        background: white,
        surface: white,
        raised: Color::from_rgb8(0xee, 0xee, 0xee),
        border: Color::from_rgb8(0xcc, 0xcc, 0xcc),
        text: black,
        muted: Color::from_rgb8(0x66, 0x66, 0x66),
        primary: Color::from_rgb8(0x25, 0x63, 0xc9),
        selection: Color::from_rgb8(0xdc, 0xe7, 0xf8),
        waiting: Color::from_rgb8(0xb7, 0x79, 0x1f),
        red: Color::from_rgb8(0xd1, 0x3b, 0x34),
        breach: Color::from_rgb8(0x8f, 0x1d, 0x17),
        alarm: Color::from_rgb8(0xb3, 0x13, 0x8f),
        success: Color::from_rgb8(0x2f, 0x7d, 0x4a),
        staff: Color::from_rgb8(0xe9, 0xf3, 0xec),
        customer: white,
        pin: black,
        star: Color::from_rgb8(0xd4, 0x9a, 0x00),
    };
    Theme {
        name: "Fallback".into(),
        dark: false,
        colors,
        iced: iced::Theme::Light,
    }
}

fn hex(value: &str) -> Option<Color> {
    let digits = value.strip_prefix('#')?;
    if digits.len() != 6 || !digits.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
    Some(Color::from_rgb8(byte(0)?, byte(2)?, byte(4)?))
}

/// Resolves the configured theme name. "auto" picks light or dark from the OS mode;
/// a name that is neither built in nor a readable user theme falls back to light, with a
/// warning for the banner (a bad theme file must not keep the console from opening).
pub fn resolve(choice: &str, themes_dir: &Path, os_dark: bool) -> (Theme, Option<String>) {
    let stem = match choice {
        "" | "auto" => {
            return (
                Theme::builtin(if os_dark { "dark" } else { "light" }).unwrap_or_else(fallback),
                None,
            );
        }
        other => other,
    };
    if let Some(theme) = Theme::builtin(stem) {
        return (theme, None);
    }
    let path = themes_dir.join(format!("{stem}.toml"));
    match std::fs::read_to_string(&path) {
        Ok(source) => match Theme::parse(&source) {
            Ok(theme) => (theme, None),
            Err(e) => (Theme::light(), Some(unusable(&path, &e))),
        },
        Err(e) => (Theme::light(), Some(unusable(&path, &e))),
    }
}

/// The banner's words for a user theme that could not be used.
fn unusable(path: &Path, error: &dyn std::fmt::Display) -> String {
    i18n::t!(
        "app-theme-unusable",
        path = path.display().to_string(),
        error = error.to_string()
    )
}

/// Theme names offered in settings: "auto", the built-ins, then user theme stems.
pub fn available(themes_dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::iter::once("auto")
        .chain(BUILTIN.iter().map(|(stem, _)| *stem))
        .map(String::from)
        .collect();
    let mut user: Vec<String> = std::fs::read_dir(themes_dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            (path.extension()? == "toml").then_some(())?;
            Some(path.file_stem()?.to_str()?.to_string())
        })
        .filter(|stem| !names.contains(stem))
        .collect();
    user.sort();
    names.extend(user);
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_themes_parse() {
        for (stem, source) in BUILTIN {
            Theme::parse(source).unwrap_or_else(|e| panic!("{stem}: {e}"));
        }
    }

    #[test]
    fn bad_colour_names_key() {
        let source = include_str!("../../themes/light.toml").replace("\"#d13b34\"", "\"red\"");
        let err = Theme::parse(&source).unwrap_err();
        assert!(err.contains("colors.red"), "{err}");
    }

    #[test]
    fn user_theme_by_stem_and_fallback() {
        let dir = tempfile::tempdir().unwrap();
        let source =
            include_str!("../../themes/dark.toml").replace("name = \"Dark\"", "name = \"Night\"");
        std::fs::write(dir.path().join("night.toml"), source).unwrap();
        std::fs::write(dir.path().join("broken.toml"), "name = 1").unwrap();
        assert_eq!(resolve("night", dir.path(), false).0.name, "Night");
        let (theme, warning) = resolve("broken", dir.path(), false);
        assert_eq!(theme.name, "Light");
        assert!(warning.is_some());
        assert!(resolve("auto", dir.path(), true).0.dark);
        assert!(available(dir.path()).contains(&"night".to_string()));
    }
}
