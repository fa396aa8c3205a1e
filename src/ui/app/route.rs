//! The router: every message goes to the feature it belongs to, every feature's event
//! gets the app's reaction, and the effects come back typed by backend. `handle` returns
//! them as data (tests look at them, the headless harness runs them one by one); `update`
//! hands them to their executors in the window.
//!
//! A new feature plugs in with its field (or `Screen` variant), its `Message` variant, one
//! `route` line in `handle`, and a reaction to its `Event`.

use super::{App, Message, Screen, key_job};
use crate::store::StatsWriter;
use crate::ui::effect::{Effects, Parts, store};
use crate::ui::feature::{Ctx, Feature};
use crate::ui::features::{connection, console, login, settings, team};
use crate::ui::notifications::Outcome;
use crate::ui::theme;
use i18n::t;
use iced::{Task, keyboard};

/// Runs a feature's update with the app's context, its effects lifted by `wrap`.
macro_rules! route {
    ($app:expr, $feature:expr, $message:expr, $wrap:path) => {{
        let ctx = Ctx {
            desk: &mut $app.core.desk,
            now: $app.core.clock.now(),
            config: &$app.shell.config,
            paths: &$app.shell.paths,
            own_user: $app.link.own_user,
        };
        let (effects, event) = Feature::update($feature, $message, ctx);
        (effects.map($wrap), event)
    }};
}
pub(super) use route;

impl App {
    /// The window's update: the message handled, its effects handed to their executors.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        self.note_message(&message, std::time::Instant::now());
        let effects = self.handle(message);
        if crate::ui::report::enabled() {
            let screen = match &self.screen {
                Screen::Login(login) => match login.stage() {
                    login::Stage::Phone => "login-phone",
                    login::Stage::Code { .. } => "login-code",
                    _ => "login",
                },
                Screen::Console => "console",
                Screen::Settings(_) => "settings",
                Screen::Statistics => "statistics",
            };
            crate::ui::report::write(&self.core.desk, screen);
        }
        let task = self.run(effects);
        // What runs off the window's thread (Telegram's replies, the keyring) speaks the
        // process's language: the window's, once Settings changed it.
        i18n::set_language(self.shell.language);
        task
    }

    /// Handles one message in the app's language; what it asks of the outside world comes
    /// back as data.
    pub fn handle(&mut self, message: Message) -> Effects<Message> {
        i18n::with_language(self.shell.language, || self.dispatch(message))
    }

    fn dispatch(&mut self, message: Message) -> Effects<Message> {
        let effects = match message {
            Message::Tg(batch) => {
                crate::ui::frame_trace::batch_applied(batch.len());
                self.on_telegram(batch)
            }
            Message::Link(reply) => self.on_link_reply(reply),
            Message::Backfilled(reply) => self.backfilled(reply),
            Message::Login(message) => self.route_login(message),
            Message::Console(message) => self.route_console(message),
            Message::Settings(message) => self.route_settings(message),
            Message::Statistics(message) => self.route_statistics(message),
            Message::Connection(message) => self.route_connection(message),
            Message::Team(message) => self.route_team(message),
            Message::Key(key, modifiers) => {
                crate::ui::frame_trace::key_received();
                self.on_key(&key, modifiers)
            }
            Message::Resized(height) => self.route_console(console::Message::Resized(height)),
            // Tab in the quick replies moves between their free fields.
            Message::FocusNext(forward)
                if matches!(self.screen, Screen::Console) && self.console.picker_open() =>
            {
                let next = crate::ui::features::toolkit::Message::NextField(forward);
                self.route_console(console::Message::Toolkit(next))
            }
            Message::FocusNext(forward) => Effects::task(if forward {
                iced::widget::operation::focus_next()
            } else {
                iced::widget::operation::focus_previous()
            }),
            Message::Focus(focused) => {
                self.notices.focused = focused;
                Effects::none()
            }
            Message::SystemDark(dark) => {
                self.shell.os_dark = dark;
                self.apply_theme();
                Effects::none()
            }
            Message::Tick => {
                let transitions = self.core.desk.tick(self.core.clock.now());
                self.announce(&transitions).and(self.statistics_tick())
            }
            Message::Notified(outcome) => self.notified(outcome),
            Message::DismissBanner => {
                self.notices.banner = None;
                Effects::none()
            }
            Message::KeyRead(answer) => {
                self.key_answered(answer);
                Effects::none()
            }
            Message::Tray(event) => self.on_tray(event),
            Message::WindowOpened(id) => self.window_opened(id),
            Message::CloseRequested(id) => self.close_requested(id),
        };
        // A scroll, a re-sorting batch or a filter may have moved the menu's row.
        self.console.keep_menu_in_place(&self.core.desk);
        let effects = effects.and(self.core.drained()).and(self.team_drained());
        self.desktop_after();
        effects
    }

    /// Hands effects to the window's executors: store writes now, in order; Telegram
    /// calls, HTTP calls, tracker calls, addresses for the browser and blocking work as
    /// tasks.
    pub fn run(&mut self, effects: Effects<Message>) -> Task<Message> {
        let Parts {
            task,
            telegram,
            store,
            http,
            tracker,
            browser,
            work,
        } = effects.into_parts();
        self.write(store);
        let mut tasks = vec![task];
        // No session yet (still at the login's first steps): nothing to ask Telegram.
        if let Some(session) = &self.link.session {
            tasks.extend(telegram.into_iter().map(|c| c.task(session.clone())));
        }
        tasks.extend(http.into_iter().map(|c| c.task()));
        let tokens = &self.core.tokens;
        tasks.extend(tracker.into_iter().map(|c| c.task(tokens.clone())));
        tasks.extend(browser.into_iter().map(|c| c.task()));
        tasks.extend(work.into_iter().map(|j| j.task()));
        Task::batch(tasks)
    }

    /// The store's executor (the window's and the headless harness's): writes in order;
    /// the statistics log's go to its writer thread. A failure goes to the banner.
    pub fn write(&mut self, writes: Vec<store::Write>) {
        let Some(store) = &mut self.core.store else {
            return;
        };
        for write in writes {
            match (write, &self.core.stats) {
                (store::Write::Stats(events), Some(writer)) => writer.append(events),
                (write, _) => {
                    if let Err(e) = i18n::with_language(self.shell.language, || write.run(store)) {
                        self.notices.banner = Some(e);
                    }
                }
            }
        }
        if let Some(e) = self.core.stats.as_ref().and_then(StatsWriter::take_error) {
            self.notices.banner = Some(e);
        }
    }

    pub(super) fn route_console(&mut self, message: console::Message) -> Effects<Message> {
        let message = self.masked_console(message);
        let (effects, event) = route!(self, &mut self.console, message, Message::Console);
        // Opening a chat is what ends a reminder that fired there.
        if let Some(chat) = self.console.open_chat() {
            self.core.desk.chat_opened(chat);
        }
        let reaction = match event {
            Some(console::Event::OpenSettings) => self.open_settings(),
            Some(console::Event::OpenStatistics) => self.open_statistics(),
            Some(console::Event::ConnectionSettings) => self.open_connection(),
            Some(console::Event::Notice(text)) => {
                self.notices.banner = Some(text);
                Effects::none()
            }
            Some(console::Event::Team(chat, action)) => {
                self.route_team(team::Message::Chat(chat, action))
            }
            None => Effects::none(),
        };
        effects.and(reaction)
    }

    pub(super) fn route_team(&mut self, message: team::Message) -> Effects<Message> {
        let (effects, event) = route!(self, &mut self.team.feature, message, Message::Team);
        match event {
            Some(team::Event::Notice(text)) => self.notices.banner = Some(text),
            Some(team::Event::CaughtUp) => self.team_caught_up(),
            None => {}
        }
        effects
    }

    pub(super) fn route_settings(&mut self, message: settings::Message) -> Effects<Message> {
        // Save's blocking work answers after the screen closed.
        if let settings::Message::AutostartApplied(Err(error)) = &message {
            self.notices.banner = Some(t!("desktop-autostart-failed", error = error.as_str()));
            return Effects::none();
        }
        let Screen::Settings(draft) = &mut self.screen else {
            return Effects::none();
        };
        let (effects, event) = route!(self, draft.as_mut(), message, Message::Settings);
        let reaction = match event {
            Some(settings::Event::Saved(settings, config)) => self.settings_saved(settings, config),
            Some(settings::Event::Cancelled) => {
                self.screen = Screen::Console;
                Effects::none()
            }
            Some(settings::Event::ConnectionSettings) => self.open_connection(),
            Some(settings::Event::OpenTeamSettings) => {
                self.screen = Screen::Console;
                self.route_team(team::Message::OpenEditor)
            }
            None => Effects::none(),
        };
        effects.and(reaction)
    }

    pub(super) fn route_login(&mut self, message: login::Message) -> Effects<Message> {
        let Screen::Login(login) = &mut self.screen else {
            return Effects::none();
        };
        let (effects, event) = route!(self, login.as_mut(), message, Message::Login);
        let read = match event {
            Some(login::Event::Credentials(credentials)) => {
                let telegram = &mut self.shell.config.telegram;
                telegram.api_id = Some(credentials.api_id);
                telegram.api_hash = Some(credentials.api_hash);
                if let Err(e) = self.shell.config.save(&self.shell.paths) {
                    self.notices.banner = Some(t!("app-api-key-not-saved", error = e.to_string()));
                }
                self.start_session(None)
            }
            Some(login::Event::Passphrase(passphrase)) => self.start_session(Some(&passphrase)),
            // Ignored while a read is under way (`start_session`).
            Some(login::Event::Retry | login::Event::Installed) => self.start_session(None),
            Some(login::Event::ConnectionSettings) => return effects.and(self.open_connection()),
            None => None,
        };
        match key_job(read) {
            Some(job) => effects.and(Effects::work(job)),
            None => effects,
        }
    }

    /// The connection settings, over the screen shown; TDLib's list is read (there is a
    /// session whenever the way here is offered).
    fn open_connection(&mut self) -> Effects<Message> {
        self.route_connection(connection::Message::Open)
    }

    pub(super) fn route_connection(&mut self, message: connection::Message) -> Effects<Message> {
        let (effects, event) = route!(self, &mut self.connection, message, Message::Connection);
        match event {
            Some(connection::Event::Configured(proxy)) if proxy != self.shell.config.proxy => {
                self.shell.config.proxy = proxy;
                if let Err(e) = self.shell.config.save(&self.shell.paths) {
                    self.notices.banner = Some(e.to_string());
                }
            }
            Some(connection::Event::Notice(text)) => self.notices.banner = Some(text),
            Some(connection::Event::Configured(_) | connection::Event::Closed) | None => {}
        }
        effects
    }

    /// A key press goes to the feature on screen, as one of its messages.
    fn on_key(&mut self, key: &keyboard::Key, modifiers: keyboard::Modifiers) -> Effects<Message> {
        if self.connection.is_open() {
            return match self.connection.shortcut(key, modifiers) {
                Some(message) => self.route_connection(message),
                None => Effects::none(),
            };
        }
        match &self.screen {
            // A team dialog or the team settings screen has the keys while it is open.
            Screen::Console if self.team.feature.captures_keys() => {
                match self.team.feature.shortcut(key, modifiers) {
                    Some(message) => self.route_team(message),
                    None => Effects::none(),
                }
            }
            Screen::Console => match self.console.shortcut(key, modifiers) {
                Some(message) => self.route_console(message),
                None => Effects::none(),
            },
            Screen::Settings(draft) => match draft.shortcut(key, modifiers) {
                Some(message) => self.route_settings(message),
                None => Effects::none(),
            },
            Screen::Login(login) => match login.shortcut(key, modifiers) {
                Some(message) => self.route_login(message),
                None => Effects::none(),
            },
            Screen::Statistics => match self.statistics.shortcut(key, modifiers) {
                Some(message) => self.route_statistics(message),
                None => Effects::none(),
            },
        }
    }

    fn open_settings(&mut self) -> Effects<Message> {
        let themes = theme::available(&self.shell.paths.themes_dir);
        let mut draft = settings::Draft::open(&self.core.desk, &self.shell.config, themes);
        draft.set_tokens(self.core.tokens.clone());
        draft.set_autostart(self.desktop.autostart.clone());
        self.screen = Screen::Settings(Box::new(draft));
        Effects::none()
    }

    /// Saved settings apply at once: the desk's thresholds and rules, the config file and
    /// the theme; a new duty group's members are fetched. (The settings screen wrote them
    /// to the store itself.)
    fn settings_saved(
        &mut self,
        settings: crate::desk::Settings,
        config: crate::config::Config,
    ) -> Effects<Message> {
        let group_changed = settings.staff.duty_group != self.core.desk.settings().staff.duty_group;
        let mut transitions = self.core.desk.set_settings(settings.clone());
        self.core.duty_group_chosen = true;
        if config != self.shell.config {
            if config.business_hours != self.shell.config.business_hours {
                transitions.extend(self.core.desk.set_wait_clock(config.wait_clock()));
            }
            if config.toolkit != self.shell.config.toolkit {
                let personal = crate::toolkit::personal(&config, self.shell.demo);
                self.core.desk.set_personal_toolkit(personal);
            }
            let language_changed = config.ui.language != self.shell.config.ui.language;
            self.shell.config = config;
            if language_changed {
                // At once: the next view speaks it (the window's other threads follow in
                // `update`).
                let choice = i18n::choose(&self.shell.config.ui.language);
                choice.log();
                self.shell.language = choice.language;
            }
            // The language may have changed: masking writes its words in it.
            self.core.desk.set_mask_words(crate::toolkit::mask_words());
            if let Err(e) = self.shell.config.save(&self.shell.paths) {
                self.notices.banner = Some(t!("app-settings-not-saved", error = e.to_string()));
            }
            self.apply_theme();
            self.desktop_settings_saved();
        }
        self.screen = Screen::Console;
        let effects = self.announce(&transitions);
        match settings.staff.duty_group.filter(|_| group_changed) {
            Some(group) => effects.and(self.duty_group_changed(group)),
            None => effects,
        }
    }

    fn notified(&mut self, outcome: Outcome) -> Effects<Message> {
        match outcome {
            Outcome::Shown => Effects::none(),
            Outcome::Clicked(chat) => self.route_console(console::Message::GlobalPick(chat)),
            Outcome::Unavailable { text, error } => {
                self.notices.in_app = true;
                self.notices.banner = Some(t!(
                    "app-notifications-unavailable",
                    text = text,
                    error = error
                ));
                Effects::none()
            }
        }
    }

    pub(super) fn apply_theme(&mut self) {
        let shell = &mut self.shell;
        let (theme, warning) = theme::resolve(
            &shell.config.ui.theme,
            &shell.paths.themes_dir,
            shell.os_dark,
        );
        shell.theme = theme;
        if warning.is_some() {
            self.notices.banner = warning;
        }
    }
}
