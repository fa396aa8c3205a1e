//! Keyboard shortcuts. Combinations with Ctrl or Alt act even while a text field has focus
//! (they never type anything); Esc always closes the innermost open thing.

use crate::ui::features::console::{ChatAction, Message};
use crate::ui::features::settings::focus::Nav;
use crate::ui::features::tasks;
use i18n::t;
use iced::keyboard::key::Named;
use iced::keyboard::{Key, Modifiers};

/// What a key press means in the console, if anything.
#[derive(Debug, Clone)]
pub enum Shortcut {
    Console(Message),
    /// A per-chat action on the open chat.
    Open(ChatAction),
    FocusFilter,
    Settings,
    /// The Statistics screen (F9).
    Statistics,
}

pub fn console(key: &Key, m: Modifiers) -> Option<Shortcut> {
    use Shortcut::*;
    let ctrl = m.command();
    let step = |s: i32| Some(Console(Message::Step(s)));
    match key {
        Key::Named(Named::Escape) => Some(Console(Message::Escape)),
        Key::Named(Named::ArrowUp) if m.alt() && m.shift() => Some(Open(ChatAction::PinUp)),
        Key::Named(Named::ArrowDown) if m.alt() && m.shift() => Some(Open(ChatAction::PinDown)),
        Key::Named(Named::ArrowUp) if m.alt() => step(-1),
        Key::Named(Named::ArrowDown) if m.alt() => step(1),
        Key::Named(Named::PageUp) if m.alt() => step(-20),
        Key::Named(Named::PageDown) if m.alt() => step(20),
        Key::Named(Named::Tab) if ctrl && m.shift() => step(-1),
        Key::Named(Named::Tab) if ctrl => step(1),
        Key::Named(Named::ContextMenu) => Some(Console(Message::MenuForOpen)),
        Key::Named(Named::F10) if m.shift() => Some(Console(Message::MenuForOpen)),
        Key::Named(Named::F9) => Some(Statistics),
        Key::Character(c) if ctrl => match (c.as_str(), m.shift()) {
            ("f" | "F", false) => Some(Console(Message::SearchOpen)),
            ("f" | "F", true) => Some(Console(Message::GlobalOpen)),
            ("j" | "J", _) => Some(Console(Message::NextWaiting)),
            ("p" | "P", _) => Some(Open(ChatAction::TogglePin)),
            ("s" | "S", _) => Some(Open(ChatAction::ToggleStar)),
            // E for "emergency": A would also select all in the composer (iced binds Ctrl+A).
            ("e" | "E", _) => Some(Open(ChatAction::ToggleAlarm)),
            ("n" | "N", _) => Some(Open(ChatAction::EditNote)),
            ("r" | "R", true) => Some(Console(Message::MarkAllRead)),
            ("r" | "R", false) => Some(Open(ChatAction::MarkRead)),
            ("d" | "D", _) => Some(Open(ChatAction::NoReplyNeeded)),
            ("l" | "L", _) => Some(FocusFilter),
            ("t" | "T", _) => Some(Console(Message::Tasks(tasks::Message::Pick(
                tasks::Pick::Shortcut,
            )))),
            (",", _) => Some(Settings),
            ("1", _) => Some(Console(Message::Filter(crate::desk::Filter::All))),
            ("2", _) => Some(Console(Message::Filter(crate::desk::Filter::Support))),
            ("3", _) => Some(Console(Message::Filter(crate::desk::Filter::Waiting))),
            ("4", _) => Some(Console(Message::Filter(crate::desk::Filter::Starred))),
            ("5", _) => Some(Console(Message::Filter(crate::desk::Filter::Mine))),
            // The team's: G for "grab" the chat (or release one's own), Shift to assign it
            // to a colleague (Ctrl+T is the task's).
            ("g" | "G", false) => Some(Open(ChatAction::Take)),
            ("g" | "G", true) => Some(Open(ChatAction::AssignTo)),
            _ => None,
        },
        _ => None,
    }
}

/// What a key the settings screen's controls left unused does to its focus (a focused text
/// field keeps Space, Left, Right and Enter for itself). Esc and Ctrl+S are `App::on_key`'s.
pub fn settings(key: &Key, m: Modifiers) -> Option<Nav> {
    if m.command() || m.alt() {
        return None;
    }
    match key {
        Key::Named(Named::Tab) if m.shift() => Some(Nav::Previous),
        Key::Named(Named::Tab) => Some(Nav::Next),
        Key::Named(Named::ArrowDown) => Some(Nav::Down),
        Key::Named(Named::ArrowUp) => Some(Nav::Up),
        Key::Named(Named::ArrowLeft) => Some(Nav::Back),
        Key::Named(Named::ArrowRight) => Some(Nav::Forward),
        Key::Named(Named::Space | Named::Enter) => Some(Nav::Activate),
        Key::Character(c) if c.as_str() == " " => Some(Nav::Activate),
        _ => None,
    }
}

/// The shortcuts and what they do, for the console's overview. Key names stay as printed
/// on the keys; what they do is in the admin's language.
pub fn help() -> Vec<(&'static str, String)> {
    vec![
        ("Alt+Up / Alt+Down", t!("console-keys-step")),
        ("Ctrl+Tab / Ctrl+Shift+Tab", t!("console-keys-cycle")),
        ("Ctrl+J", t!("console-keys-next-waiting")),
        ("Ctrl+F / Ctrl+Shift+F", t!("console-keys-search")),
        ("Ctrl+P, Alt+Shift+Up/Down", t!("console-keys-pin")),
        ("Ctrl+S", t!("console-keys-star")),
        ("Ctrl+E", t!("console-keys-alarm")),
        ("Ctrl+N", t!("console-keys-note")),
        ("Ctrl+R / Ctrl+Shift+R", t!("console-keys-read")),
        ("Ctrl+D", t!("console-keys-no-reply")),
        ("Ctrl+1..4", t!("console-keys-filters")),
        ("Ctrl+5", t!("team-keys-mine")),
        ("Ctrl+G / Ctrl+Shift+G", t!("team-keys-take")),
        ("Ctrl+L", t!("console-keys-title-filter")),
        ("Ctrl+T, Ctrl/Shift+click", t!("console-keys-task")),
        (
            "Ctrl+K, / first in the composer",
            t!("toolkit-keys-quick-replies"),
        ),
        ("Shift+F10, Menu", t!("console-keys-menu")),
        ("F9", t!("console-keys-statistics")),
        ("Enter / Shift+Enter", t!("console-keys-send")),
        ("Esc", t!("console-keys-escape")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combos_map() {
        let alt = Modifiers::ALT;
        assert!(matches!(
            console(&Key::Named(Named::ArrowDown), alt),
            Some(Shortcut::Console(Message::Step(1)))
        ));
        assert!(matches!(
            console(&Key::Character("j".into()), Modifiers::CTRL),
            Some(Shortcut::Console(Message::NextWaiting))
        ));
        assert!(console(&Key::Character("j".into()), Modifiers::empty()).is_none());
        assert!(matches!(
            console(&Key::Character("e".into()), Modifiers::CTRL),
            Some(Shortcut::Open(ChatAction::ToggleAlarm))
        ));
    }

    #[test]
    fn settings_keys_map() {
        let tab = Key::Named(Named::Tab);
        assert_eq!(settings(&tab, Modifiers::empty()), Some(Nav::Next));
        assert_eq!(settings(&tab, Modifiers::SHIFT), Some(Nav::Previous));
        assert_eq!(
            settings(&tab, Modifiers::CTRL),
            None,
            "Ctrl+Tab is not ours"
        );
        // The arrows are not Tab: inside a list they move within it.
        let down = Key::Named(Named::ArrowDown);
        assert_eq!(settings(&down, Modifiers::empty()), Some(Nav::Down));
        let space = Key::Character(" ".into());
        assert_eq!(settings(&space, Modifiers::empty()), Some(Nav::Activate));
        let s = Key::Character("s".into());
        assert_eq!(
            settings(&s, Modifiers::CTRL),
            None,
            "Ctrl+S saves in on_key"
        );
    }
}
