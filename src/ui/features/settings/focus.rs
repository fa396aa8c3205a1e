//! Keyboard focus on the settings screen. iced focuses only text fields, so the screen
//! keeps its own ordered list of controls and which one has the focus: Tab / Shift+Tab
//! and Down / Up move it through every control, Space or Enter toggles a checkbox or
//! presses a button, Left / Right (or Space) cycles a choice. A text field also gets iced's
//! focus, so typing goes there; the focused control is drawn with a ring.
//!
//! A picker (the support folder, the duty group) is one control for Tab, which steps over
//! its options; Down / Up walk into them and through them (the filter field gives up
//! iced's focus while an option is highlighted, so Space and Enter reach the screen and
//! pick), and leave at either end, so Down alone still reaches every control.

use super::picker::{Step, Walk};
use super::{Draft, Message, SCALES};
use crate::ui::theme::Palette;
use crate::ui::widgets::style;
use iced::widget::{Id, container, operation};
use iced::{Element, Task};

/// The controls, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Red,
    Breach,
    Damping,
    FloatWaiting,
    SupportOnly,
    Folder,
    Pattern,
    DutyGroup,
    Staff,
    Notifications,
    NotifyNew,
    NotifyRed,
    NotifyBreach,
    AlarmSound,
    RedSound,
    BreachSound,
    Volume,
    QuietHours,
    LinkPreviews,
    SendTyping,
    Language,
    Theme,
    Scale,
    Tray,
    CloseToTray,
    Autostart,
    Save,
    Cancel,
    /// "Connection settings" (proxies), beside Save and Cancel.
    Connection,
    /// "Team settings…", beside them.
    TeamSettings,
}

pub const ORDER: [Control; 30] = {
    use Control::*;
    [
        Red,
        Breach,
        Damping,
        FloatWaiting,
        SupportOnly,
        Folder,
        Pattern,
        DutyGroup,
        Staff,
        Notifications,
        NotifyNew,
        NotifyRed,
        NotifyBreach,
        AlarmSound,
        RedSound,
        BreachSound,
        Volume,
        QuietHours,
        LinkPreviews,
        SendTyping,
        Language,
        Theme,
        Scale,
        Tray,
        CloseToTray,
        Autostart,
        Save,
        Cancel,
        Connection,
        TeamSettings,
    ]
};

/// The controls inside the scrolled body (the buttons below it are always in view).
const IN_BODY: usize = 26;

/// What a key asks of the focus (see `keys::settings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// Tab: the next control.
    Next,
    /// Shift+Tab: the previous control.
    Previous,
    /// Down: the next control, or the next option inside a picker.
    Down,
    /// Up: the previous control, or the previous option inside a picker.
    Up,
    /// Space, Enter: toggle, press, or the next choice.
    Activate,
    /// Left: the previous choice.
    Back,
    /// Right: the next choice.
    Forward,
}

impl Control {
    /// The text field's widget id, for a text field.
    pub fn field_id(self) -> Option<&'static str> {
        Some(match self {
            Control::Red => super::RED_ID,
            Control::Breach => super::BREACH_ID,
            Control::Damping => super::DAMPING_ID,
            Control::Folder => super::FOLDER_ID,
            Control::Pattern => super::PATTERN_ID,
            Control::DutyGroup => super::DUTY_GROUP_ID,
            Control::Staff => super::STAFF_ID,
            Control::QuietHours => super::desktop::QUIET_HOURS_ID,
            _ => return None,
        })
    }

    /// The text field with this widget id.
    pub fn of_field(id: &Id) -> Option<Control> {
        ORDER
            .into_iter()
            .find(|c| c.field_id().is_some_and(|f| Id::new(f) == *id))
    }

    /// The control an edit came from (a click or typing moves the focus there).
    pub fn of(msg: &Message) -> Option<Control> {
        Some(match msg {
            Message::Red(_) => Control::Red,
            Message::Breach(_) => Control::Breach,
            Message::Damping(_) => Control::Damping,
            Message::FloatWaiting(_) => Control::FloatWaiting,
            Message::SupportOnly(_) => Control::SupportOnly,
            Message::FolderFilter(_) | Message::FolderPick(_) => Control::Folder,
            Message::Pattern(_) => Control::Pattern,
            Message::DutyFilter(_) | Message::DutyPick(_) => Control::DutyGroup,
            Message::Staff(_) => Control::Staff,
            Message::Notifications(_) => Control::Notifications,
            Message::NotifyNew(_) => Control::NotifyNew,
            Message::NotifyRed(_) => Control::NotifyRed,
            Message::NotifyBreach(_) => Control::NotifyBreach,
            Message::AlarmSound(_) => Control::AlarmSound,
            Message::RedSound(_) => Control::RedSound,
            Message::BreachSound(_) => Control::BreachSound,
            Message::Volume(_) => Control::Volume,
            Message::QuietHours(_) => Control::QuietHours,
            Message::Tray(_) => Control::Tray,
            Message::CloseToTray(_) => Control::CloseToTray,
            Message::Autostart(_) => Control::Autostart,
            Message::LinkPreviews(_) => Control::LinkPreviews,
            Message::SendTyping(_) => Control::SendTyping,
            Message::Language(_) => Control::Language,
            Message::Theme(_) => Control::Theme,
            Message::Scale(_) => Control::Scale,
            Message::Save
            | Message::Cancel
            | Message::ConnectionSettings
            | Message::TeamSettings
            | Message::Key(..)
            | Message::ChatsChanged
            | Message::Trackers(_)
            | Message::AutostartApplied(_) => {
                return None;
            }
        })
    }

    fn index(self) -> usize {
        ORDER.iter().position(|c| *c == self).unwrap_or(0)
    }
}

impl Draft {
    /// Acts on a navigation key. `field` is the text field iced has focused (the admin may
    /// have clicked into one). Returns the edit the key makes, if any (a toggle, a choice,
    /// Save or Cancel), and the task that moves iced's focus and scrolls the control into
    /// view.
    pub fn navigate(
        &mut self,
        nav: Nav,
        field: Option<Control>,
    ) -> (Option<Message>, Task<Message>) {
        if let Some(c) = field {
            self.focus = field;
            if let Some(picker) = self.picker(c) {
                // The cursor is in the picker's filter (maybe clicked back into): the
                // arrows start from there, not from an option highlighted before.
                picker.to_field();
            }
        }
        if matches!(nav, Nav::Down | Nav::Up)
            && let Some(c) = self.focus
            && let Some(picker) = self.picker(c)
        {
            match picker.step(nav == Nav::Down) {
                Step::Field => {
                    return (None, operation::focus(c.field_id().unwrap_or_default()));
                }
                Step::Option => return (None, unfocus()),
                Step::Out => {}
            }
        }
        let len = ORDER.len();
        let next = match (nav, self.focus) {
            (Nav::Next | Nav::Down, Some(c)) => ORDER[(c.index() + 1) % len],
            (Nav::Previous | Nav::Up, Some(c)) => ORDER[(c.index() + len - 1) % len],
            (Nav::Next | Nav::Down, None) => ORDER[0],
            (Nav::Previous | Nav::Up, None) => ORDER[len - 1],
            (Nav::Activate, c) => return (c.and_then(|c| self.activate(c)), Task::none()),
            (Nav::Back, c) => return (c.and_then(|c| self.cycle(c, -1)), Task::none()),
            (Nav::Forward, c) => return (c.and_then(|c| self.cycle(c, 1)), Task::none()),
        };
        self.focus = Some(next);
        self.folder.to_field();
        self.duty_group.to_field();
        if nav == Nav::Up
            && let Some(picker) = self.picker(next)
        {
            picker.enter_from_below();
            return (None, reveal(next, false));
        }
        (None, reveal(next, true))
    }

    /// The picker a control is, to walk with the arrows.
    fn picker(&mut self, c: Control) -> Option<&mut dyn Walk> {
        match c {
            Control::Folder => Some(&mut self.folder),
            Control::DutyGroup => Some(&mut self.duty_group),
            _ => None,
        }
    }

    /// Space or Enter on a control.
    fn activate(&self, c: Control) -> Option<Message> {
        let n = &self.config.notifications;
        let m = &self.config.messages;
        Some(match c {
            Control::FloatWaiting => Message::FloatWaiting(!self.float_waiting),
            Control::SupportOnly => Message::SupportOnly(!self.support_only),
            Control::Notifications => Message::Notifications(!n.enabled),
            Control::NotifyNew => Message::NotifyNew(!n.new_message),
            Control::NotifyRed => Message::NotifyRed(!n.turned_red),
            Control::NotifyBreach => Message::NotifyBreach(!n.breach),
            Control::AlarmSound => Message::AlarmSound(!n.alarm_sound),
            Control::RedSound => Message::RedSound(!n.red_sound),
            Control::BreachSound => Message::BreachSound(!n.breach_sound),
            Control::Tray => Message::Tray(!self.config.desktop.tray),
            Control::CloseToTray => Message::CloseToTray(!self.config.desktop.close_to_tray),
            Control::Autostart if self.autostart_available() => {
                Message::Autostart(!self.autostart.wanted)
            }
            Control::LinkPreviews => Message::LinkPreviews(!m.link_previews),
            Control::SendTyping => Message::SendTyping(!m.send_typing),
            Control::Language | Control::Theme | Control::Scale | Control::Volume => {
                return self.cycle(c, 1);
            }
            // An option the arrows are on; in the filter field Space types instead.
            Control::Folder => return self.folder.highlighted().map(Message::FolderPick),
            Control::DutyGroup => return self.duty_group.highlighted().map(Message::DutyPick),
            Control::Save => Message::Save,
            Control::Cancel => Message::Cancel,
            Control::Connection => Message::ConnectionSettings,
            Control::TeamSettings => Message::TeamSettings,
            _ => return None,
        })
    }

    /// The neighbouring choice of the theme or the scale, wrapping around.
    fn cycle(&self, c: Control, by: isize) -> Option<Message> {
        let next = |choices: &[String], current: &str| {
            let len = choices.len() as isize;
            let i = match choices.iter().position(|s| s == current) {
                Some(i) => (i as isize + by).rem_euclid(len),
                // An unlisted value steps to the first (or, backwards, the last) choice.
                None if by > 0 => 0,
                None => len - 1,
            };
            choices.get(usize::try_from(i).ok()?).cloned()
        };
        match c {
            Control::Language => {
                let setting = &self.config.ui.language;
                let values: Vec<String> = super::Labelled::languages(setting)
                    .into_iter()
                    .map(|l| l.value)
                    .collect();
                next(&values, &super::Labelled::language_value(setting)).map(Message::Language)
            }
            Control::Theme => next(&self.themes, &self.config.ui.theme).map(Message::Theme),
            Control::Scale => next(&SCALES.map(String::from), &self.scale).map(Message::Scale),
            Control::Volume => {
                let volumes = super::desktop::VOLUMES.map(|v| v.to_string());
                let current = self.config.notifications.volume.to_string();
                next(&volumes, &current)
                    .and_then(|v| v.parse().ok())
                    .map(Message::Volume)
            }
            _ => None,
        }
    }

    /// The ring around a control, drawn while it has the focus.
    pub(super) fn ring<'a>(
        &self,
        c: Control,
        p: Palette,
        content: impl Into<Element<'a, Message>>,
    ) -> Element<'a, Message> {
        self.ring_if(self.focus == Some(c), p, content)
    }

    /// A ring drawn while `focused`: for the parts of a control (the picker's field and
    /// options) that hold the focus in turn.
    pub(super) fn ring_if<'a>(
        &self,
        focused: bool,
        p: Palette,
        content: impl Into<Element<'a, Message>>,
    ) -> Element<'a, Message> {
        // The ring is 2 px wide with 2 px of air inside it, so it stays apart from a
        // button of the same colour.
        container(content)
            .padding(4)
            .style(style::focus_ring(p, focused))
            .into()
    }
}

/// Takes iced's focus from any text field, so keys come to the screen.
fn unfocus() -> Task<Message> {
    iced::advanced::widget::operate(iced::advanced::widget::operation::focusable::unfocus::<()>())
        .discard()
}

/// Gives a text field iced's focus when `field` (anything else takes it away) and scrolls
/// the body so the control is in view.
fn reveal(c: Control, field: bool) -> Task<Message> {
    let focus = match c.field_id().filter(|_| field) {
        Some(id) => operation::focus(id),
        None => unfocus(),
    };
    let i = c.index();
    if i >= IN_BODY {
        return focus;
    }
    // Controls are about evenly spaced: snapping to the same fraction of the body keeps
    // the control inside the viewport.
    let y = i as f32 / (IN_BODY - 1) as f32;
    Task::batch([
        focus,
        operation::snap_to(super::BODY_ID, operation::RelativeOffset { x: 0.0, y }),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::desk::Settings;

    fn draft() -> Draft {
        let themes = vec!["auto".into(), "light".into(), "dark".into()];
        Draft::new(&Settings::default(), &Config::default(), themes)
    }

    /// A key with no text field focused in iced; the edit it makes.
    fn key(d: &mut Draft, nav: Nav) -> Option<Message> {
        d.navigate(nav, None).0
    }

    #[test]
    fn tab_walks_every_control_and_wraps() {
        let mut d = draft();
        let mut seen = Vec::new();
        for _ in 0..ORDER.len() {
            assert!(key(&mut d, Nav::Next).is_none(), "moving edits nothing");
            seen.push(d.focus.unwrap());
        }
        assert_eq!(seen, ORDER);
        key(&mut d, Nav::Next);
        assert_eq!(d.focus, Some(Control::Red), "wraps to the first");
        key(&mut d, Nav::Previous);
        assert_eq!(d.focus, Some(Control::TeamSettings), "and back to the last");
        let mut fresh = draft();
        key(&mut fresh, Nav::Previous);
        assert_eq!(fresh.focus, Some(Control::TeamSettings));
    }

    #[test]
    fn tab_goes_on_from_a_clicked_field_and_an_edited_control() {
        let mut d = draft();
        key(&mut d, Nav::Next);
        let clicked = Control::of_field(&Id::new(super::super::PATTERN_ID));
        assert_eq!(clicked, Some(Control::Pattern));
        let _ = d.navigate(Nav::Next, clicked);
        assert_eq!(d.focus, Some(Control::DutyGroup));
        d.edit(Message::SendTyping(true));
        assert_eq!(
            d.focus,
            Some(Control::SendTyping),
            "a click moves the focus"
        );
    }

    #[test]
    fn down_walks_through_the_duty_group_picker_and_tab_steps_over_it() {
        let groups = vec![(-1, "Acme support".into()), (-2, "Support duty".into())];
        let mut d = draft();
        d.refresh_candidates(groups, &[]);
        d.focus = Some(Control::Pattern);
        key(&mut d, Nav::Down);
        assert_eq!(d.focus, Some(Control::DutyGroup));
        assert_eq!(d.duty_group.highlight, None, "in the filter field");
        assert!(key(&mut d, Nav::Activate).is_none(), "Space types there");
        key(&mut d, Nav::Down);
        assert_eq!(d.duty_group.highlighted(), Some(Some(-1)));
        assert!(matches!(
            key(&mut d, Nav::Activate),
            Some(Message::DutyPick(Some(-1)))
        ));
        key(&mut d, Nav::Down);
        key(&mut d, Nav::Down);
        assert_eq!(d.duty_group.highlighted(), Some(None), "None, last");
        assert!(matches!(
            key(&mut d, Nav::Activate),
            Some(Message::DutyPick(None))
        ));
        key(&mut d, Nav::Down);
        assert_eq!(d.focus, Some(Control::Staff), "on past the last option");
        key(&mut d, Nav::Up);
        assert_eq!(d.focus, Some(Control::DutyGroup));
        assert_eq!(d.duty_group.highlighted(), Some(None), "Up retraces Down");
        key(&mut d, Nav::Next);
        assert_eq!(d.focus, Some(Control::Staff), "Tab steps over the options");
        key(&mut d, Nav::Previous);
        assert_eq!(d.focus, Some(Control::DutyGroup));
        assert_eq!(d.duty_group.highlight, None, "Shift+Tab lands in the field");
        key(&mut d, Nav::Up);
        assert_eq!(d.focus, Some(Control::Pattern), "Up from the field leaves");
    }

    #[test]
    fn the_folder_picker_walks_like_the_duty_group_picker() {
        let folders = [crate::desk::ChatFolder {
            id: 4,
            name: "Customers".into(),
        }];
        let mut d = draft();
        d.refresh_candidates(Vec::new(), &folders);
        d.focus = Some(Control::SupportOnly);
        key(&mut d, Nav::Down);
        assert_eq!(d.focus, Some(Control::Folder));
        key(&mut d, Nav::Down);
        assert_eq!(d.folder.highlighted(), Some(Some(4)));
        assert!(matches!(
            key(&mut d, Nav::Activate),
            Some(Message::FolderPick(Some(4)))
        ));
        key(&mut d, Nav::Down);
        assert_eq!(d.folder.highlighted(), Some(None), "All chats, last");
        assert!(matches!(
            key(&mut d, Nav::Activate),
            Some(Message::FolderPick(None))
        ));
        key(&mut d, Nav::Down);
        assert_eq!(d.focus, Some(Control::Pattern), "on past the last option");
        assert_eq!(d.folder.highlight, None);
        key(&mut d, Nav::Up);
        assert_eq!(d.folder.highlighted(), Some(None), "Up retraces Down");
    }

    #[test]
    fn keys_toggle_cycle_and_press() {
        let mut d = draft();
        d.focus = Some(Control::LinkPreviews);
        let before = d.config.messages.link_previews;
        assert!(
            matches!(key(&mut d, Nav::Activate), Some(Message::LinkPreviews(v)) if v != before)
        );
        // A checkbox ignores Left and Right; a field ignores Space (it types).
        assert!(key(&mut d, Nav::Forward).is_none());
        d.focus = Some(Control::Red);
        assert!(key(&mut d, Nav::Activate).is_none());

        d.focus = Some(Control::Language);
        assert!(matches!(key(&mut d, Nav::Forward), Some(Message::Language(l)) if l == "en"));
        assert!(matches!(key(&mut d, Nav::Back), Some(Message::Language(l)) if l == "pl"));
        d.config.ui.language = "ru-RU".into();
        assert!(
            matches!(key(&mut d, Nav::Activate), Some(Message::Language(l)) if l == "de"),
            "ru-RU is Russian: the next is German"
        );
        d.config.ui.language = "pl-PL".into();
        assert!(
            matches!(key(&mut d, Nav::Activate), Some(Message::Language(l)) if l == "auto"),
            "pl-PL is Polish, the last in the list: the next wraps to the system's"
        );

        d.focus = Some(Control::Theme);
        assert!(matches!(key(&mut d, Nav::Forward), Some(Message::Theme(t)) if t == "light"));
        assert!(matches!(key(&mut d, Nav::Back), Some(Message::Theme(t)) if t == "dark"));
        d.focus = Some(Control::Scale);
        assert!(matches!(key(&mut d, Nav::Activate), Some(Message::Scale(s)) if s == "1.1"));
        d.scale = "1.5".into();
        assert!(matches!(key(&mut d, Nav::Forward), Some(Message::Scale(s)) if s == "0.8"));
        d.scale = "1.3".into();
        assert!(matches!(key(&mut d, Nav::Back), Some(Message::Scale(s)) if s == "1.5"));

        d.focus = Some(Control::Save);
        assert!(matches!(key(&mut d, Nav::Activate), Some(Message::Save)));
        d.focus = Some(Control::Cancel);
        assert!(matches!(key(&mut d, Nav::Activate), Some(Message::Cancel)));
    }
}
