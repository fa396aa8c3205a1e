//! The contract every feature of the window keeps (login, the console, settings; the duty
//! group, tasks, statistics and the toolkit after them). A feature is a module that owns
//! its state, its `Message`, its `view`, and an `update` that returns its effects, typed by
//! backend (`ui::effect`), and at most one `Event`: its typed report to the app ("saved
//! these settings", "open settings", "these credentials"). The app routes messages to
//! features and reacts to their events; it does no feature's work.
//!
//! What flows in: the feature's own messages (its widgets', its replies', and the few the
//! app sends it, such as a window resize), and a `Ctx` with the desk and what the app
//! holds for everyone. What flows out: `Effects<Message>` (the app lifts them with
//! `Effects::map`) and the `Event`.

use crate::config::Config;
use crate::desk::{Desk, UnixTime, UserId};
use crate::paths::Paths;
use crate::ui::effect::Effects;
use crate::ui::features::connection::Status;
use crate::ui::theme::Palette;
use iced::Element;
use iced::keyboard::{Key, Modifiers};

pub trait Feature {
    type Message: Clone + std::fmt::Debug + Send + 'static;
    /// What the feature reports to the app.
    type Event;

    fn update(
        &mut self,
        message: Self::Message,
        ctx: Ctx<'_>,
    ) -> (Effects<Self::Message>, Option<Self::Event>);

    fn view<'a>(&'a self, ctx: ViewCtx<'a>) -> Element<'a, Self::Message>;

    /// What a key press means while the feature is on screen, if anything.
    fn shortcut(&self, _key: &Key, _modifiers: Modifiers) -> Option<Self::Message> {
        None
    }
}

/// What an update may read and change beyond the feature's own state.
pub struct Ctx<'a> {
    /// The duty desk: local marks and settings change here; the store follows (the app
    /// writes what the desk drained after every message).
    pub desk: &'a mut Desk,
    /// The time waiting is measured at (Telegram's clock).
    pub now: UnixTime,
    pub config: &'a Config,
    pub paths: &'a Paths,
    /// This account, once Telegram said who it is.
    pub own_user: Option<UserId>,
}

impl Ctx<'_> {
    /// The same context lent to a nested update, this one usable again after it.
    pub fn reborrow(&mut self) -> Ctx<'_> {
        Ctx {
            desk: &mut *self.desk,
            now: self.now,
            config: self.config,
            paths: self.paths,
            own_user: self.own_user,
        }
    }
}

/// What a view may read beyond the feature's own state.
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    pub desk: &'a Desk,
    /// The time the view draws waiting times at.
    pub now: UnixTime,
    pub palette: Palette,
    pub own_user: Option<UserId>,
    /// Telegram's connection and since when; `None` until the first report.
    pub connection: Option<Status>,
}
