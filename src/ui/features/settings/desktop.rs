//! Settings for the desktop around the window: the sounds (red, breach; the alarm's switch
//! is above them), their volume and quiet hours, under Notifications; the tray, closing
//! into it and starting at login, in a Desktop section after Appearance.
//!
//! The sounds and the tray are config (`[notifications]`, `[desktop]`), saved with the
//! rest. Starting at login is the system's own setting (`crate::autostart`): the switch
//! shows whether an entry is there when the screen opens, and Save writes or removes it as
//! blocking work whose failure the app shows in the banner.

use super::focus::Control;
use super::{Draft, LABEL_WIDTH, Labelled, Message};
use crate::autostart::{Method, Unavailable};
use crate::ui::effect::work;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use i18n::t;
use iced::widget::{checkbox, pick_list, row, text, text_input};
use iced::{Alignment, Element, Padding};

/// The quiet-hours field's widget id.
pub const QUIET_HOURS_ID: &str = "quiet-hours";

/// The volumes offered, in percent.
pub const VOLUMES: [u8; 11] = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/// The start-at-login switch: the system's way (or why there is none), whether an entry
/// was there when the screen opened, and what the admin wants.
#[derive(Debug, Clone, PartialEq)]
pub struct AutostartSwitch {
    method: Result<Method, Unavailable>,
    was: bool,
    pub wanted: bool,
}

impl AutostartSwitch {
    pub fn new(method: Result<Method, Unavailable>) -> AutostartSwitch {
        let was = method.as_ref().is_ok_and(Method::enabled);
        AutostartSwitch {
            method,
            was,
            wanted: was,
        }
    }

    /// Save's work: the entry written or removed, if the switch moved.
    pub fn save_job(&self) -> Option<work::Job<Message>> {
        let method = self.method.clone().ok()?;
        let on = self.wanted;
        (on != self.was).then(|| {
            work::Job::new(
                "the login entry written or removed",
                move || {
                    let done = crate::autostart::program()
                        .map_err(|e| e.to_string())
                        .and_then(|program| method.set(on, &program).map_err(|e| e.to_string()));
                    Message::AutostartApplied(done)
                },
                |e| Message::AutostartApplied(Err(e)),
            )
        })
    }
}

impl Draft {
    /// The sound controls, under the alarm sound's switch.
    pub(super) fn sound_controls(&self, p: Palette) -> Vec<Element<'_, Message>> {
        let n = &self.config.notifications;
        let volumes: Vec<Labelled> = VOLUMES
            .iter()
            .map(|v| Labelled::plain(&v.to_string()))
            .collect();
        let volume = pick_list(
            volumes.clone(),
            volumes
                .into_iter()
                .find(|v| v.value == n.volume.to_string()),
            |v: Labelled| Message::Volume(v.value.parse().unwrap_or(70)),
        )
        .text_size(TEXT);
        let quiet = text_input(&t!("desktop-quiet-hours-placeholder"), &n.quiet_hours)
            .id(QUIET_HOURS_ID)
            .size(TEXT)
            .width(160)
            .padding(Padding::from([4, 8]))
            .style(style::input(p))
            .on_input(Message::QuietHours)
            .on_submit(Message::Save);
        vec![
            self.check(
                p,
                t!("desktop-sound-red"),
                n.red_sound,
                Control::RedSound,
                Message::RedSound,
            ),
            self.check(
                p,
                t!("desktop-sound-breach"),
                n.breach_sound,
                Control::BreachSound,
                Message::BreachSound,
            ),
            labelled(t!("desktop-volume"), self.ring(Control::Volume, p, volume))
                .push(text("%").size(SMALL).color(p.muted))
                .into(),
            labelled(
                t!("desktop-quiet-hours"),
                self.ring(Control::QuietHours, p, quiet),
            )
            .into(),
        ]
    }

    /// The Desktop section: the tray, closing into it, starting at login.
    pub(super) fn desktop_controls(&self, p: Palette) -> Vec<Element<'_, Message>> {
        let d = &self.config.desktop;
        let mut controls = vec![
            text(t!("desktop-section")).size(15).color(p.primary).into(),
            self.check(p, t!("desktop-tray"), d.tray, Control::Tray, Message::Tray),
            self.check(
                p,
                t!("desktop-close-to-tray"),
                d.close_to_tray,
                Control::CloseToTray,
                Message::CloseToTray,
            ),
        ];
        match &self.autostart.method {
            Ok(_) => controls.push(self.check(
                p,
                t!("desktop-autostart"),
                self.autostart.wanted,
                Control::Autostart,
                Message::Autostart,
            )),
            Err(why) => {
                let off = checkbox(false)
                    .label(t!("desktop-autostart"))
                    .size(14)
                    .text_size(TEXT);
                controls.push(self.ring(Control::Autostart, p, off));
                controls.push(text(why.explain()).size(SMALL).color(p.muted).into());
            }
        }
        controls
    }

    fn check<'a>(
        &self,
        p: Palette,
        label: String,
        value: bool,
        c: Control,
        on: fn(bool) -> Message,
    ) -> Element<'a, Message> {
        let check = checkbox(value)
            .label(label)
            .size(14)
            .text_size(TEXT)
            .on_toggle(on);
        self.ring(c, p, check)
    }

    /// Whether the start-at-login switch can move (there is a way on this system).
    pub(super) fn autostart_available(&self) -> bool {
        self.autostart.method.is_ok()
    }
}

fn labelled<'a>(label: String, control: Element<'a, Message>) -> iced::widget::Row<'a, Message> {
    row![text(label).size(TEXT).width(LABEL_WIDTH), control]
        .spacing(8)
        .align_y(Alignment::Center)
}
