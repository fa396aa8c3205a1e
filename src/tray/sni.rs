//! The tray as a StatusNotifierItem (KDE, GNOME with AppIndicator, Xfce, Cinnamon, MATE,
//! LXQt, sway's bars): ksni's service on its own thread, our icon drawn with its badge, the
//! tooltip and menu from `TrayState`, menu clicks sent back as `Event::Action`.

use iced::futures::channel::mpsc::UnboundedSender;
use ksni::blocking::TrayMethods;

use super::{Action, Event, Link, TrayState};
use crate::ui::icon::{self, Badge};

struct DeskTray {
    state: TrayState,
    events: UnboundedSender<Event>,
}

impl DeskTray {
    fn send(&self, event: Event) {
        let _ = self.events.unbounded_send(event);
    }
}

/// The icon at the sizes hosts ask for, as ARGB32 in network byte order.
fn pixmaps(badge: Option<Badge>) -> Vec<ksni::Icon> {
    [22, 32, 48]
        .into_iter()
        .map(|size| {
            let rgba = icon::pixels(size, badge);
            let data = rgba
                .chunks_exact(4)
                .flat_map(|p| [p[3], p[0], p[1], p[2]])
                .collect();
            ksni::Icon {
                width: size as i32,
                height: size as i32,
                data,
            }
        })
        .collect()
}

impl ksni::Tray for DeskTray {
    fn id(&self) -> String {
        crate::APP_ID.into()
    }

    fn title(&self) -> String {
        "DutyDesk".into()
    }

    fn category(&self) -> ksni::Category {
        ksni::Category::Communications
    }

    fn status(&self) -> ksni::Status {
        if self.state.needs_attention() {
            ksni::Status::NeedsAttention
        } else {
            ksni::Status::Active
        }
    }

    fn icon_pixmap(&self) -> Vec<ksni::Icon> {
        pixmaps(self.state.badge())
    }

    fn attention_icon_pixmap(&self) -> Vec<ksni::Icon> {
        pixmaps(Some(Badge::Red))
    }

    fn tool_tip(&self) -> ksni::ToolTip {
        ksni::ToolTip {
            title: "DutyDesk".into(),
            description: self.state.tooltip().join("\n"),
            ..Default::default()
        }
    }

    fn activate(&mut self, _x: i32, _y: i32) {
        self.send(Event::Action(Action::Open));
    }

    fn menu(&self) -> Vec<ksni::MenuItem<Self>> {
        let mut items = Vec::new();
        for (action, label) in self.state.menu() {
            if action == Action::Quit {
                items.push(ksni::MenuItem::Separator);
            }
            items.push(
                ksni::menu::StandardItem {
                    // An underscore would mark an access key.
                    label: label.replace('_', "__"),
                    activate: Box::new(move |tray: &mut Self| tray.send(Event::Action(action))),
                    ..Default::default()
                }
                .into(),
            );
        }
        items
    }

    fn watcher_offline(&self, reason: ksni::OfflineReason) -> bool {
        tracing::info!(?reason, "the desktop's tray went away");
        self.send(Event::Gone);
        // Keep the item: the tray usually comes back (a panel restarting).
        true
    }

    fn watcher_online(&self) {
        self.send(Event::Back);
    }
}

/// Runs the tray until the app drops its link: registers the item (a Flatpak may not own
/// a D-Bus name of its own, so there it goes without), hands the app the link, then shows
/// each state the app sends.
pub(super) fn run(events: UnboundedSender<Event>) {
    let (link, received) = Link::pair();
    let tray = DeskTray {
        state: TrayState::new(&Default::default(), None, i18n::language()),
        events: events.clone(),
    };
    let sandboxed = std::path::Path::new("/.flatpak-info").exists();
    let handle = match tray.disable_dbus_name(sandboxed).spawn() {
        Ok(handle) => handle,
        Err(e) => {
            let _ = events.unbounded_send(Event::Unavailable(e.to_string()));
            return;
        }
    };
    if events.unbounded_send(Event::Ready(link)).is_err() {
        handle.shutdown().wait();
        return;
    }
    // The app holds the sender; when it drops it (tray switched off, the app quitting)
    // the loop ends and the item goes.
    for state in received {
        if handle.update(|tray| tray.state = state).is_none() {
            break;
        }
    }
    handle.shutdown().wait();
}
