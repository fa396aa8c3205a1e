//! What the window shows and listens to: the feature on screen under the banner, the
//! title, the theme and scale, and the subscriptions (Telegram's events, the wake-up
//! timer, the OS's dark mode, key presses and the window's focus).

use super::{App, Message, Screen};
use crate::telegram;
use crate::ui::feature::{Feature, ViewCtx};
use crate::ui::features::console;
use crate::ui::features::console::list_pane;
use crate::ui::features::statistics;
use crate::ui::features::tasks;
use crate::ui::features::team::Team;
use crate::ui::frame_trace;
use crate::ui::repaint;
use crate::ui::theme;
use crate::ui::timer;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use i18n::t;
use iced::widget::{button, column, container, row, stack, text};
use iced::{Alignment, Element, Length, Padding, Subscription, event, keyboard, window};

impl App {
    pub fn palette(&self) -> theme::Palette {
        self.shell.theme.colors
    }

    pub fn title(&self) -> String {
        self.in_language(|| {
            let k = self.core.desk.counters();
            let counting = !matches!(self.screen, Screen::Login(_)) && k.waiting > 0;
            match (self.shell.demo, counting) {
                (false, false) => t!("app-title"),
                (true, false) => t!("app-title-demo"),
                (false, true) => t!("app-title-waiting", waiting = k.waiting, red = k.red),
                (true, true) => t!("app-title-waiting-demo", waiting = k.waiting, red = k.red),
            }
        })
    }

    pub fn iced_theme(&self) -> iced::Theme {
        self.shell.theme.iced()
    }

    /// The window's background and text colour: the theme's, with the background nudged
    /// below a pixel's precision after a message whose frame is redrawn whole (`repaint`).
    pub fn window_style(&self, theme: &iced::Theme) -> iced::theme::Style {
        let base = iced::theme::Base::base(theme);
        iced::theme::Style {
            background_color: self.shell.repaint.background(base.background_color),
            ..base
        }
    }

    /// A message reaches the window at `now` (`update` calls this before handling it; a
    /// test driving `handle` calls it on its own clock), for `window_style`.
    pub fn note_message(&mut self, message: &Message, now: std::time::Instant) {
        let kind = match message {
            Message::Tg(batch) => repaint::Kind::Batch(batch.len()),
            Message::Tick => repaint::Kind::Tick,
            _ => repaint::Kind::Input,
        };
        self.shell.repaint.message(now, kind);
    }

    /// Whether every frame is redrawn whole now: a storm (`repaint`).
    pub fn repaint_busy(&self) -> bool {
        self.shell.repaint.busy()
    }

    pub fn scale(&self) -> f32 {
        self.shell.config.ui.scale.clamp(0.5, 3.0)
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let mut subs = vec![event::listen_with(on_event)];
        if frame_trace::is_on() {
            subs.push(event::listen_raw(frame_trace::on_runtime_event).map(|never| match never {}));
        }
        if let Some(session) = &self.link.session {
            subs.push(
                Subscription::run_with(session.client_id(), |id| telegram::event_stream(*id))
                    .map(Message::Tg),
            );
        }
        // A running clock only: a frozen one (tests) moves when told, and they tick.
        if let Some(at) = self.next_wake().and_then(|t| self.core.clock.instant_at(t)) {
            subs.push(timer::at(at).map(|()| Message::Tick));
        }
        if self.shell.config.desktop.tray {
            subs.push(crate::tray::subscription().map(Message::Tray));
        }
        if self.shell.config.ui.theme == "auto" {
            subs.push(
                iced::system::theme_changes()
                    .map(|mode| Message::SystemDark(mode == iced::theme::Mode::Dark)),
            );
        }
        Subscription::batch(subs)
    }

    /// When the window must next wake by itself (see `ui::timer`): the desk's next
    /// deadline on any screen past the login (its notifications), and on the console the
    /// next minute a waiting time on screen turns over. `None`: nothing changes by time.
    pub fn next_wake(&self) -> Option<i64> {
        let now = self.view_now();
        // The connection's state, how long it has lasted, and its hint, where shown.
        let shown = self.connection.is_open() || !matches!(self.screen, Screen::Settings(_));
        let connection = self
            .link
            .connection
            .filter(|_| shown)
            .and_then(|s| s.next_change(now));
        let desk = match self.screen {
            Screen::Login(_) => None,
            Screen::Settings(_) => timer::next_wake(&self.core.desk, Vec::new(), now),
            Screen::Console => timer::next_wake(&self.core.desk, self.shown_waits(), now),
            // The live hour turns over every minute.
            Screen::Statistics => timer::next_wake(&self.core.desk, Vec::new(), now)
                .into_iter()
                .chain([now - now.rem_euclid(60) + 60])
                .min(),
        };
        desk.into_iter()
            .chain(connection)
            .chain(self.desktop_wake())
            .min()
    }

    /// The time the view draws with.
    fn view_now(&self) -> i64 {
        self.core.desk.now().max(self.core.clock.now())
    }

    /// The dates the waiting times on screen count from: the list's rows in view, and the
    /// open chat's header or, with no chat open, the overview's longest waits.
    fn shown_waits(&self) -> Vec<i64> {
        let desk = &self.core.desk;
        let (rows, _, _) = list_pane::visible(&self.console, desk);
        let mut since: Vec<i64> = rows.iter().filter_map(|r| r.waiting_since).collect();
        match self.console.open_chat() {
            Some(chat) => since.extend(desk.row(chat).and_then(|r| r.waiting_since)),
            None => since.extend(
                console::overview::longest_wait_dates(desk)
                    .into_iter()
                    .filter_map(|(since, _)| since),
            ),
        }
        since
    }

    /// The window's content, in the app's language (see `App::in_language`).
    pub fn view(&self) -> Element<'_, Message> {
        frame_trace::view_built();
        self.in_language(|| self.content())
    }

    fn content(&self) -> Element<'_, Message> {
        if self.shell.trace_startup.replace(false) {
            eprintln!("dutydesk: first view");
        }
        let p = self.palette();
        let ctx = ViewCtx {
            desk: &self.core.desk,
            now: self.view_now(),
            palette: p,
            own_user: self.link.own_user,
            connection: self.link.connection,
        };
        let body: Element<'_, Message> = match &self.screen {
            _ if self.connection.is_open() => self.connection.view(ctx).map(Message::Connection),
            Screen::Login(login) => login.view(ctx).map(Message::Login),
            Screen::Settings(draft) => draft.view(ctx).map(Message::Settings),
            Screen::Statistics => self.statistics.view(ctx).map(Message::Statistics),
            Screen::Console if self.team.feature.editing() => {
                self.team.feature.view(ctx).map(Message::Team)
            }
            Screen::Console => {
                if self.shell.trace_console.replace(false) {
                    eprintln!("dutydesk: first console view");
                }
                let console = self.console.view(ctx).map(Message::Console);
                match self.team.feature.overlay(ctx) {
                    Some(dialog) => stack![console, dialog.map(Message::Team)].into(),
                    None => console,
                }
            }
        };
        // Reading history: a line over the console (the Statistics screen has its own).
        let body = match statistics::view::backfill_words(self.backfill_status()) {
            Some(words)
                if matches!(self.screen, Screen::Console) && self.backfill_status().running =>
            {
                let line = container(text(words).size(SMALL).color(p.muted))
                    .padding(Padding::from([2, 10]))
                    .width(Length::Fill)
                    .style(style::fill(p.surface));
                column![line, body].into()
            }
            _ => body,
        };
        // A bad pinned team settings document: named above everything but the banner.
        let body = match Team::banner(ctx) {
            Some(team) => column![team.map(Message::Team), body].into(),
            None => body,
        };
        let Some(banner) = &self.notices.banner else {
            return body;
        };
        let bar = container(
            row![
                text(banner.as_str())
                    .size(TEXT)
                    .color(p.text)
                    .width(Length::Fill),
                button(text(t!("app-banner-dismiss")).size(SMALL))
                    .style(style::flat(p, false))
                    .on_press(Message::DismissBanner),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        )
        .padding(Padding::from([4, 10]))
        .width(Length::Fill)
        .style(style::fill(p.selection));
        column![bar, body].into()
    }
}

/// Runtime events the app listens to: key presses (captured or not: shortcuts use Ctrl or
/// Alt, which never type text), the modifier keys (for selecting messages), window
/// focus, for notifications, and the close button (into the tray, or quit).
fn on_event(event: iced::Event, status: event::Status, window: window::Id) -> Option<Message> {
    match event {
        // Tab moves the focus between fields, unless a widget (the composer) used it.
        iced::Event::Keyboard(keyboard::Event::KeyPressed {
            key: keyboard::Key::Named(keyboard::key::Named::Tab),
            modifiers,
            ..
        }) if status == event::Status::Ignored && !modifiers.command() => {
            Some(Message::FocusNext(!modifiers.shift()))
        }
        iced::Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) => {
            Some(Message::Key(key, modifiers))
        }
        // Ctrl+click and Shift+click select messages for a task.
        iced::Event::Keyboard(keyboard::Event::ModifiersChanged(modifiers)) => {
            Some(Message::Console(console::Message::Tasks(
                tasks::Message::Modifiers(modifiers),
            )))
        }
        iced::Event::Window(window::Event::Resized(size)) => Some(Message::Resized(size.height)),
        iced::Event::Window(window::Event::Focused) => Some(Message::Focus(true)),
        iced::Event::Window(window::Event::Unfocused) => Some(Message::Focus(false)),
        iced::Event::Window(window::Event::CloseRequested) => Some(Message::CloseRequested(window)),
        _ => None,
    }
}
