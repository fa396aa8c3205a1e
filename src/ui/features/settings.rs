//! Settings: SLA thresholds, damping, which chats are support chats, staff and the duty
//! group, notifications, message options, theme and scale. Edits stay in a draft until
//! Save, which validates every number first. Every control is reachable from the keyboard
//! (`focus`).
//!
//! The feature owns the draft, its checks and the store write of the saved settings
//! (`effect::store::Write::Settings`). It reports `Event::Saved(settings, config)` for the
//! app to apply (the desk, the config file, the theme) or `Event::Cancelled`. The app tells
//! it when the pickers' candidates may have changed (`Message::ChatsChanged`).

pub mod desktop;
pub mod focus;
pub mod picker;
pub mod trackers;

use crate::config::Config;
use crate::desk::{ChatFolder, ChatId, Desk, Event as DeskEvent, Settings};
use crate::ui::effect::{Effects, store};
use crate::ui::feature::{Ctx, Feature, ViewCtx};
use crate::ui::keys;
use crate::ui::theme::Palette;
use crate::ui::widgets::key_nav::key_nav;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use focus::{Control, Nav};
use i18n::{Language, t};
use iced::keyboard::{self, Key, Modifiers};
use iced::widget::{
    Space, button, checkbox, column, container, pick_list, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length, Padding};
use picker::{Picker, Wiring, Words};

pub const RED_ID: &str = "red-minutes";
pub const BREACH_ID: &str = "breach-minutes";
pub const DAMPING_ID: &str = "damping-minutes";
/// The support-folder picker's filter field.
pub const FOLDER_ID: &str = "support-folder";
pub const PATTERN_ID: &str = "support-pattern";
/// The duty-group picker's filter field.
pub const DUTY_GROUP_ID: &str = "duty-group";
pub const STAFF_ID: &str = "extra-staff";
/// The scrolled body holding every control but the buttons.
pub const BODY_ID: &str = "settings-body";

#[derive(Debug, Clone)]
pub enum Message {
    Red(String),
    Breach(String),
    Damping(String),
    FloatWaiting(bool),
    SupportOnly(bool),
    /// Typing in the support-folder picker's filter.
    FolderFilter(String),
    /// A support folder chosen in the picker (None: all chats, no folder).
    FolderPick(Option<i32>),
    Pattern(String),
    /// Typing in the duty-group picker's filter.
    DutyFilter(String),
    /// A duty group chosen in the picker (None: no duty group).
    DutyPick(Option<ChatId>),
    Staff(String),
    Notifications(bool),
    NotifyNew(bool),
    NotifyRed(bool),
    NotifyBreach(bool),
    AlarmSound(bool),
    RedSound(bool),
    BreachSound(bool),
    /// `[notifications] volume`, percent.
    Volume(u8),
    QuietHours(String),
    LinkPreviews(bool),
    SendTyping(bool),
    /// `[ui] language`: "auto" (the system's) or a language's code.
    Language(String),
    Theme(String),
    Scale(String),
    Save,
    Cancel,
    /// Opens the connection settings (proxies); they apply at once, apart from Save.
    ConnectionSettings,
    /// The team settings screen (the draft is left as with Cancel).
    TeamSettings,
    /// A navigation key the controls left unused, with the text field iced has focused.
    Key(Nav, Option<Control>),
    /// From the app: group chats or folders may have come or gone (chats still loading).
    ChatsChanged,
    /// The task trackers' section (`trackers`).
    Trackers(trackers::Message),
    /// `[desktop] tray`.
    Tray(bool),
    /// `[desktop] close_to_tray`.
    CloseToTray(bool),
    /// Start at login (the system's own entry, written at Save).
    Autostart(bool),
    /// Save wrote or removed the login entry (the app shows a failure).
    AutostartApplied(Result<(), String>),
}

/// What the settings screen reports to the app.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "one per Save, moved once into the app"
)]
pub enum Event {
    /// Checked and written to the store: apply them (the desk, the config file, the theme).
    Saved(Settings, Config),
    Cancelled,
    ConnectionSettings,
    /// "Team settings…": the team feature's screen.
    OpenTeamSettings,
}

#[derive(Debug, Clone)]
pub struct Draft {
    red: String,
    breach: String,
    damping: String,
    float_waiting: bool,
    support_only: bool,
    folder: Picker<i32>,
    pattern: String,
    duty_group: Picker<ChatId>,
    staff: String,
    config: Config,
    scale: String,
    themes: Vec<String>,
    error: Option<String>,
    /// The control with the keyboard focus; None until the first Tab or click.
    focus: Option<Control>,
    trackers: trackers::Editor,
    autostart: desktop::AutostartSwitch,
}

/// The labels' column: the controls line up beside it.
pub(super) const LABEL_WIDTH: f32 = 220.0;

const SCALES: [&str; 6] = ["0.8", "0.9", "1.0", "1.1", "1.25", "1.5"];

impl Feature for Draft {
    type Message = Message;
    type Event = Event;

    fn update(&mut self, message: Message, ctx: Ctx<'_>) -> (Effects<Message>, Option<Event>) {
        match message {
            // A navigation key moves the focus, or becomes the edit it makes (a toggle, a
            // choice, Save or Cancel), handled as if clicked.
            Message::Key(nav, field) => {
                let (edit, task) = self.navigate(nav, field);
                let (effects, event) = match edit {
                    Some(edit) => self.update(edit, ctx),
                    None => (Effects::none(), None),
                };
                (effects.with_task(task), event)
            }
            Message::ChatsChanged => {
                self.refresh_candidates(ctx.desk.groups(), ctx.desk.folders());
                (Effects::none(), None)
            }
            Message::Save => self.save(ctx.desk.settings()),
            Message::AutostartApplied(_) => (Effects::none(), None),
            Message::Trackers(m) => (self.trackers.update(m).map(Message::Trackers), None),
            Message::Cancel => (Effects::none(), Some(Event::Cancelled)),
            Message::ConnectionSettings => (Effects::none(), Some(Event::ConnectionSettings)),
            Message::TeamSettings => (Effects::none(), Some(Event::OpenTeamSettings)),
            edit => {
                self.edit(edit);
                (Effects::none(), None)
            }
        }
    }

    fn view<'a>(&'a self, ctx: ViewCtx<'a>) -> Element<'a, Message> {
        self.screen(ctx.palette)
    }

    /// Esc cancels, Ctrl+S saves, from any control.
    fn shortcut(&self, key: &Key, modifiers: Modifiers) -> Option<Message> {
        match key {
            Key::Named(keyboard::key::Named::Escape) => Some(Message::Cancel),
            Key::Character(c) if modifiers.command() && c.as_str() == "s" => Some(Message::Save),
            _ => None,
        }
    }
}

impl Draft {
    /// The screen as it opens: the desk's settings and the config, the pickers filled
    /// with the desk's group chats and folders.
    pub fn open(desk: &Desk, config: &Config, themes: Vec<String>) -> Draft {
        let mut draft = Draft::new(desk.settings(), config, themes);
        draft.refresh_candidates(desk.groups(), desk.folders());
        draft
    }

    /// The control with the keyboard focus, if any yet.
    pub fn focus(&self) -> Option<Control> {
        self.focus
    }

    pub fn duty_group(&self) -> &Picker<ChatId> {
        &self.duty_group
    }

    pub fn folder(&self) -> &Picker<i32> {
        &self.folder
    }

    /// The title pattern as typed.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    pub fn new(settings: &Settings, config: &Config, themes: Vec<String>) -> Draft {
        Draft {
            red: minutes(settings.red_after_secs),
            breach: minutes(settings.breach_after_secs),
            damping: minutes(settings.damping_secs),
            float_waiting: settings.float_waiting,
            support_only: settings.support.support_only,
            folder: Picker::new(settings.support.folder),
            pattern: settings.support.title_pattern.clone(),
            duty_group: Picker::new(settings.staff.duty_group),
            staff: settings
                .staff
                .extra_staff
                .iter()
                .map(|u| u.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            scale: SCALES
                .iter()
                .find(|s| {
                    s.parse::<f32>()
                        .is_ok_and(|v| (v - config.ui.scale).abs() < 0.001)
                })
                .map_or_else(|| format!("{}", config.ui.scale), |s| s.to_string()),
            config: config.clone(),
            themes,
            error: None,
            focus: None,
            trackers: trackers::Editor::new(&config.trackers),
            autostart: desktop::AutostartSwitch::new(Err(
                crate::autostart::Unavailable::NoConfigDir,
            )),
        }
    }

    /// The system's way to start at login (`autostart::method()`, or a stand-in in tests);
    /// the switch reads whether an entry is there now.
    pub fn set_autostart(
        &mut self,
        method: Result<crate::autostart::Method, crate::autostart::Unavailable>,
    ) {
        self.autostart = desktop::AutostartSwitch::new(method);
    }

    /// Where the trackers' section stores API tokens (the OS keyring, or its stand-in).
    pub fn set_tokens(&mut self, tokens: crate::tokens::Tokens) {
        self.trackers.set_tokens(tokens);
    }

    /// What the pickers offer: the desk's group chats for the duty group, its chat folders
    /// for the support folder, by name. Called when the screen opens and again when they
    /// change while it is open (chats still loading): what the admin typed, highlighted
    /// and chose stays.
    pub fn refresh_candidates(&mut self, groups: Vec<(ChatId, String)>, folders: &[ChatFolder]) {
        self.duty_group.refresh_items(groups);
        self.folder
            .refresh_items(folders.iter().map(|f| (f.id, f.name.clone())));
    }

    /// Applies a field edit. Keys go to `navigate`, Save and Cancel to `update`.
    pub(crate) fn edit(&mut self, message: Message) {
        if let Some(control) = Control::of(&message) {
            self.focus = Some(control);
        }
        let n = &mut self.config.notifications;
        match message {
            Message::Red(v) => self.red = v,
            Message::Breach(v) => self.breach = v,
            Message::Damping(v) => self.damping = v,
            Message::FloatWaiting(v) => self.float_waiting = v,
            Message::SupportOnly(v) => self.support_only = v,
            Message::FolderFilter(v) => self.folder.set_filter(v),
            Message::FolderPick(v) => self.folder.pick(v),
            Message::Pattern(v) => self.pattern = v,
            Message::DutyFilter(v) => self.duty_group.set_filter(v),
            Message::DutyPick(v) => self.duty_group.pick(v),
            Message::Staff(v) => self.staff = v,
            Message::Notifications(v) => n.enabled = v,
            Message::NotifyNew(v) => n.new_message = v,
            Message::NotifyRed(v) => n.turned_red = v,
            Message::NotifyBreach(v) => n.breach = v,
            Message::AlarmSound(v) => n.alarm_sound = v,
            Message::RedSound(v) => n.red_sound = v,
            Message::BreachSound(v) => n.breach_sound = v,
            Message::Volume(v) => n.volume = v.min(100),
            Message::QuietHours(v) => n.quiet_hours = v,
            Message::Tray(v) => self.config.desktop.tray = v,
            Message::CloseToTray(v) => self.config.desktop.close_to_tray = v,
            Message::Autostart(v) if self.autostart_available() => self.autostart.wanted = v,
            Message::LinkPreviews(v) => self.config.messages.link_previews = v,
            Message::SendTyping(v) => self.config.messages.send_typing = v,
            Message::Language(v) => self.config.ui.language = v,
            Message::Theme(v) => self.config.ui.theme = v,
            Message::Scale(v) => self.scale = v,
            Message::Save
            | Message::Cancel
            | Message::ConnectionSettings
            | Message::TeamSettings
            | Message::Key(..)
            | Message::ChatsChanged
            | Message::Trackers(_)
            | Message::Autostart(_)
            | Message::AutostartApplied(_) => {}
        }
    }

    /// Save: the draft checked against `base` (the desk's settings now), written to the
    /// store and reported; or what is wrong with it, shown beside the buttons.
    fn save(&mut self, base: &Settings) -> (Effects<Message>, Option<Event>) {
        match self.build(base) {
            Ok((settings, config)) => {
                let mut effects = Effects::store(store::Write::Settings(settings.clone()));
                let kept = Message::Trackers(trackers::Message::TokensKept);
                if let Some(job) = self.trackers.save_job(kept) {
                    effects = effects.and(Effects::work(job));
                }
                if let Some(job) = self.autostart.save_job() {
                    effects = effects.and(Effects::work(job));
                }
                (effects, Some(Event::Saved(settings, config)))
            }
            Err(e) => {
                self.error = Some(e);
                (Effects::none(), None)
            }
        }
    }

    /// The settings and config this draft describes, or what is wrong with it.
    pub fn build(&self, base: &Settings) -> Result<(Settings, Config), String> {
        let mins = |field: String, v: &str| -> Result<i64, String> {
            let value: f64 = v.trim().parse().map_err(|_| {
                t!(
                    "settings-error-not-minutes",
                    field = field.as_str(),
                    value = v
                )
            })?;
            if !(0.0..=7.0 * 24.0 * 60.0).contains(&value) {
                return Err(t!(
                    "settings-error-minutes-range",
                    field = field,
                    value = value
                ));
            }
            Ok((value * 60.0).round() as i64)
        };
        let mut s = base.clone();
        s.red_after_secs = mins(t!("settings-red-after"), &self.red)?;
        s.breach_after_secs = mins(t!("settings-breach-after"), &self.breach)?;
        s.damping_secs = mins(t!("settings-damping"), &self.damping)?;
        if s.red_after_secs == 0 || s.breach_after_secs < s.red_after_secs {
            return Err(t!("settings-error-order"));
        }
        s.float_waiting = self.float_waiting;
        s.support.support_only = self.support_only;
        // A folder not (yet) listed keeps its id: it is still the admin's choice.
        s.support.folder = self.folder.chosen;
        s.support.title_pattern = self.pattern.trim().to_string();
        s.staff.duty_group = self.duty_group.chosen;
        s.staff.extra_staff = self
            .staff
            .split([',', ' '])
            .filter(|t| !t.trim().is_empty())
            .map(|t| {
                t.trim()
                    .parse::<i64>()
                    .map_err(|_| t!("settings-error-staff-id", value = t.trim()))
            })
            .collect::<Result<_, _>>()?;
        let mut config = self.config.clone();
        config.notifications.quiet_hours = config.notifications.quiet_hours.trim().to_string();
        let quiet = &config.notifications.quiet_hours;
        if crate::sound::QuietHours::parse(quiet).is_err() {
            return Err(t!("desktop-error-quiet-hours", value = quiet.as_str()));
        }
        config.trackers = self.trackers.build()?;
        config.ui.scale = self.scale.parse().map_err(|_| t!("settings-error-scale"))?;
        Ok((s, config))
    }

    fn screen(&self, p: Palette) -> Element<'_, Message> {
        let input = |c: Control,
                     value: &str,
                     placeholder: String,
                     width: f32,
                     on: fn(String) -> Message| {
            self.ring(
                c,
                p,
                text_input(&placeholder, value)
                    .id(c.field_id().unwrap_or_default())
                    .size(TEXT)
                    .width(width)
                    .padding(Padding::from([4, 8]))
                    .style(style::input(p))
                    .on_input(on)
                    .on_submit(Message::Save),
            )
        };
        let labelled = |label: String, control: Element<'static, Message>| {
            row![text(label).size(TEXT).width(LABEL_WIDTH), control]
                .spacing(8)
                .align_y(Alignment::Center)
        };
        let number =
            |label: String, value: &str, c: Control, on: fn(String) -> Message, unit: String| {
                labelled(label, input(c, value, String::new(), 80.0, on))
                    .push(text(unit).size(SMALL).color(p.muted))
            };
        let field = |label: String,
                     value: &str,
                     placeholder: String,
                     c: Control,
                     on: fn(String) -> Message| {
            labelled(label, input(c, value, placeholder, 320.0, on))
        };
        let check = |label: String, value: bool, c: Control, on: fn(bool) -> Message| {
            self.ring(
                c,
                p,
                checkbox(value)
                    .label(label)
                    .size(14)
                    .text_size(TEXT)
                    .on_toggle(on),
            )
        };
        let choice = |label: String,
                      c: Control,
                      options: Vec<Labelled>,
                      selected: &str,
                      on: fn(String) -> Message| {
            let selected = options.iter().find(|o| o.value == selected).cloned();
            let list = pick_list(options, selected, move |o: Labelled| on(o.value)).text_size(TEXT);
            labelled(label, self.ring(c, p, list))
        };
        let section = |title: String| text(title).size(15).color(p.primary);
        let n = &self.config.notifications;
        let m = &self.config.messages;
        let body = column![
            section(t!("settings-section-response-times")),
            number(
                t!("settings-red-after"),
                &self.red,
                Control::Red,
                Message::Red,
                t!("settings-minutes-of-waiting")
            ),
            number(
                t!("settings-breach-after"),
                &self.breach,
                Control::Breach,
                Message::Breach,
                t!("settings-minutes-of-waiting")
            ),
            number(
                t!("settings-damping"),
                &self.damping,
                Control::Damping,
                Message::Damping,
                t!("settings-damping-unit")
            ),
            check(
                t!("settings-float-waiting"),
                self.float_waiting,
                Control::FloatWaiting,
                Message::FloatWaiting
            ),
            section(t!("settings-section-support")),
            check(
                t!("settings-support-only"),
                self.support_only,
                Control::SupportOnly,
                Message::SupportOnly
            ),
            self.picker_view(
                &self.folder,
                Words::folder(),
                Wiring {
                    control: Control::Folder,
                    field_id: FOLDER_ID,
                    on_filter: Message::FolderFilter,
                    on_pick: Message::FolderPick,
                },
                p
            ),
            field(
                t!("settings-pattern"),
                &self.pattern,
                t!("settings-pattern-placeholder"),
                Control::Pattern,
                Message::Pattern
            ),
            section(t!("settings-section-staff")),
            self.picker_view(
                &self.duty_group,
                Words::duty_group(),
                Wiring {
                    control: Control::DutyGroup,
                    field_id: DUTY_GROUP_ID,
                    on_filter: Message::DutyFilter,
                    on_pick: Message::DutyPick,
                },
                p
            ),
            field(
                t!("settings-staff"),
                &self.staff,
                t!("settings-staff-placeholder"),
                Control::Staff,
                Message::Staff
            ),
            section(t!("settings-section-notifications")),
            check(
                t!("settings-notifications"),
                n.enabled,
                Control::Notifications,
                Message::Notifications
            ),
            check(
                t!("settings-notify-new"),
                n.new_message,
                Control::NotifyNew,
                Message::NotifyNew
            ),
            check(
                t!("settings-notify-red"),
                n.turned_red,
                Control::NotifyRed,
                Message::NotifyRed
            ),
            check(
                t!("settings-notify-breach"),
                n.breach,
                Control::NotifyBreach,
                Message::NotifyBreach
            ),
            check(
                t!("team-sound"),
                n.alarm_sound,
                Control::AlarmSound,
                Message::AlarmSound
            ),
        ]
        .extend(self.sound_controls(p))
        .push(section(t!("settings-section-messages")))
        .push(check(
            t!("settings-link-previews"),
            m.link_previews,
            Control::LinkPreviews,
            Message::LinkPreviews,
        ))
        .push(check(
            t!("settings-send-typing"),
            m.send_typing,
            Control::SendTyping,
            Message::SendTyping,
        ))
        .push(section(t!("settings-section-appearance")))
        .push(choice(
            t!("settings-language"),
            Control::Language,
            Labelled::languages(&self.config.ui.language),
            &Labelled::language_value(&self.config.ui.language),
            Message::Language,
        ))
        .push(choice(
            t!("settings-theme"),
            Control::Theme,
            self.themes.iter().map(|t| Labelled::theme(t)).collect(),
            &self.config.ui.theme,
            Message::Theme,
        ))
        .push(choice(
            t!("settings-scale"),
            Control::Scale,
            SCALES.map(Labelled::plain).to_vec(),
            &self.scale,
            Message::Scale,
        ))
        .extend(self.desktop_controls(p))
        .push(self.trackers.view(p).map(Message::Trackers))
        .spacing(10);
        let save = button(text(t!("settings-save")).size(TEXT))
            .padding(Padding::from([5, 16]))
            .style(style::primary(p))
            .on_press(Message::Save);
        let cancel = button(text(t!("settings-cancel")).size(TEXT))
            .padding(Padding::from([5, 16]))
            .style(style::outline(p))
            .on_press(Message::Cancel);
        let connection = button(text(i18n::t!("connection-settings")).size(TEXT))
            .padding(Padding::from([5, 16]))
            .style(style::outline(p))
            .on_press(Message::ConnectionSettings);
        let team = button(text(t!("team-editor-open")).size(TEXT))
            .padding(Padding::from([5, 16]))
            .style(style::outline(p))
            .on_press(Message::TeamSettings);
        let mut footer = row![
            self.ring(Control::Save, p, save),
            self.ring(Control::Cancel, p, cancel),
            self.ring(Control::Connection, p, connection),
            self.ring(Control::TeamSettings, p, team),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        if let Some(error) = &self.error {
            footer = footer.push(text(error.as_str()).size(TEXT).color(p.red));
        }
        let screen = container(
            column![
                text(t!("settings-title")).size(20),
                text(t!("settings-keys-hint")).size(SMALL).color(p.muted),
                scrollable(container(body).padding(Padding {
                    right: 16.0,
                    ..Padding::ZERO
                }))
                .id(BODY_ID)
                .height(Length::Fill),
                Space::new().height(4),
                footer,
            ]
            .spacing(12)
            .max_width(860),
        )
        .padding(20)
        .width(Length::Fill)
        .height(Length::Fill)
        .style(style::panel(p));
        key_nav(screen, |key, modifiers, focused| {
            // The trackers' fields keep their keys; Tab moves on through iced's own focus.
            if focused.as_ref().is_some_and(|id| self.trackers.owns(id)) {
                return None;
            }
            let field = focused.as_ref().and_then(Control::of_field);
            keys::settings(key, modifiers).map(|nav| Message::Key(nav, field))
        })
        .into()
    }
}

/// A choice in a list: the value kept in the config, and how the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Labelled {
    pub(super) value: String,
    label: String,
}

impl Labelled {
    pub(super) fn plain(value: &str) -> Labelled {
        Labelled {
            value: value.to_string(),
            label: value.to_string(),
        }
    }

    /// The languages to choose from, by their own names: the system's, every shipped one,
    /// and the one set now if it is none of those (the pseudo-locale, a language without a
    /// catalog), so the list always shows what is set.
    pub(super) fn languages(setting: &str) -> Vec<Labelled> {
        let mut choices = vec![Labelled {
            value: "auto".into(),
            label: t!("settings-language-system"),
        }];
        choices.extend(Language::SHIPPED.iter().map(|l| Labelled {
            value: l.code().into(),
            label: l.native_name().into(),
        }));
        let current = Labelled::language_value(setting);
        if !choices.iter().any(|c| c.value == current) {
            let label = match Language::from_tag(&current) {
                Some(language) => language.native_name().into(),
                None => current.clone(),
            };
            choices.push(Labelled {
                value: current,
                label,
            });
        }
        choices
    }

    /// The list's value for a `[ui] language` setting: "ru-RU" is Russian's "ru", "AUTO"
    /// is "auto"; a tag without a catalog stays as written.
    pub(super) fn language_value(setting: &str) -> String {
        let setting = setting.trim();
        if setting.is_empty() || setting.eq_ignore_ascii_case("auto") {
            return "auto".into();
        }
        match Language::from_tag(setting) {
            Some(Language::Pseudo) => "pseudo".into(),
            Some(language) => language.code().into(),
            None => setting.to_string(),
        }
    }

    /// A theme by its file stem: the built-in ones by name, a user's own by its stem.
    fn theme(stem: &str) -> Labelled {
        let label = match stem {
            "auto" => t!("settings-theme-auto"),
            "light" => t!("settings-theme-light"),
            "dark" => t!("settings-theme-dark"),
            "high-contrast" => t!("settings-theme-high-contrast"),
            other => other.to_string(),
        };
        Labelled {
            value: stem.to_string(),
            label,
        }
    }
}

impl std::fmt::Display for Labelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// Whether a desk event may change what the pickers offer: a chat appearing, renamed or
/// gone (the duty group's candidates), or the account's folders listed anew.
pub fn changes_candidates(event: &DeskEvent) -> bool {
    matches!(
        event,
        DeskEvent::ChatAdded { .. }
            | DeskEvent::ChatRenamed { .. }
            | DeskEvent::ChatRemoved { .. }
            | DeskEvent::ChatFolders(_)
    )
}

fn minutes(secs: i64) -> String {
    if secs % 60 == 0 {
        (secs / 60).to_string()
    } else {
        format!("{:.2}", secs as f64 / 60.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_round_trips_and_validates() {
        let settings = Settings::default();
        let mut d = Draft::new(&settings, &Config::default(), vec!["auto".into()]);
        assert_eq!(d.red, "10");
        d.edit(Message::Red("5".into()));
        d.edit(Message::Staff("12, 34".into()));
        let (s, _) = d.build(&settings).unwrap();
        assert_eq!(s.red_after_secs, 300);
        assert_eq!(s.staff.extra_staff, vec![12, 34]);
        d.edit(Message::Breach("3".into()));
        assert!(d.build(&settings).is_err());
        d.edit(Message::Breach("x".into()));
        assert!(d.build(&settings).unwrap_err().contains("SLA breach after"));
    }
}
