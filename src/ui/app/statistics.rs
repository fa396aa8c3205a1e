//! The Statistics screen in the app: opening it (the store's file handed over, the figures
//! read), its events (back to the console; a long wait's chat opened at its message), and
//! the window's wake-ups passed on while it is shown (the live hour turns over each minute).

use super::route::route;
use super::{App, Message, Screen};
use crate::ui::effect::Effects;
use crate::ui::feature::{Ctx, Feature};
use crate::ui::features::console;
use crate::ui::features::statistics::{self, Event};

impl App {
    pub(super) fn open_statistics(&mut self) -> Effects<Message> {
        self.screen = Screen::Statistics;
        let store = self.store_file();
        self.route_statistics(statistics::Message::Opened { store })
    }

    pub(super) fn route_statistics(&mut self, message: statistics::Message) -> Effects<Message> {
        let (effects, event) = route!(self, &mut self.statistics, message, Message::Statistics);
        let reaction = match event {
            Some(Event::Back) => {
                self.screen = Screen::Console;
                Effects::none()
            }
            Some(Event::OpenChat { chat, message }) => {
                self.screen = Screen::Console;
                self.route_console(console::Message::OpenAt { chat, message })
            }
            None => Effects::none(),
        };
        effects.and(reaction)
    }

    /// The window woke: on the Statistics screen, the live hour may be due.
    pub(super) fn statistics_tick(&mut self) -> Effects<Message> {
        if matches!(self.screen, Screen::Statistics) {
            self.route_statistics(statistics::Message::Tick)
        } else {
            Effects::none()
        }
    }
}
