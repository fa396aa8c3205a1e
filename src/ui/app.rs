//! The application: it owns the desk core, the store and the Telegram session, and routes
//! every message to the screen it belongs to.

use crate::config::Config;
use crate::desk::{Desk, Settings};
use crate::paths::Paths;
use crate::store::Store;
use crate::telegram::{self, ConnectionState, Session};
use crate::ui::clock::Clock;
use crate::ui::notifications;
use crate::ui::requests::Reply;
use crate::ui::screens::console::{self, Console, chat_view, header::Header, list_pane};
use crate::ui::screens::login::{self, Login, Stage};
use crate::ui::screens::settings::{self, Draft};
use crate::ui::start::{self, Begun, Inputs};
use crate::ui::theme::{self, Theme};
use crate::ui::update::Effects;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use crate::ui::{RunOptions, keys, timer};
use iced::widget::{Space, button, column, container, row, text};
use iced::{Alignment, Element, Length, Padding, Subscription, Task, event, keyboard, window};

#[derive(Debug, Clone)]
pub enum Message {
    Tg(Vec<telegram::TgEvent>),
    Reply(Reply),
    Login(login::Msg),
    Console(console::Msg),
    Settings(settings::Msg),
    OpenSettings,
    Key(keyboard::Key, keyboard::Modifiers),
    Focus(bool),
    /// The window's new height: the list builds enough rows to fill it even before the
    /// first scroll reports the list's own height.
    Resized(f32),
    /// Tab (true) or Shift+Tab (false): the next or previous field.
    FocusNext(bool),
    SystemDark(bool),
    Tick,
    Notified(notifications::Outcome),
    DismissBanner,
    /// The keyring answered a read started by `start_session` (off the window's thread).
    KeyRead(start::KeyAnswer),
}

pub enum Screen {
    Login(Box<Login>),
    Console,
    Settings(Box<Draft>),
}

pub struct App {
    pub paths: Paths,
    pub config: Config,
    pub demo: bool,
    pub theme: Theme,
    pub os_dark: bool,
    pub session: Option<Session>,
    /// Where start-up gets the database key: `None` is the OS keyring; tests put a
    /// stand-in here (see `start::Keyring`).
    pub keyring: Option<start::Keyring>,
    /// A keyring read is under way: what starting the session needs once it answers. One
    /// at a time: a second Retry would stack a second unlock prompt.
    pub key_pending: Option<start::Plan>,
    pub screen: Screen,
    pub desk: Desk,
    pub store: Option<Store>,
    pub clock: Clock,
    pub console: Console,
    pub banner: Option<String>,
    pub focused: bool,
    pub connection: Option<ConnectionState>,
    pub own_user: Option<i64>,
    /// When the account became ready: transitions during the initial sync are not
    /// announced (every old waiting chat would "turn red" at once).
    pub ready_at: Option<i64>,
    /// Notifications go to the in-app banner (no notification service here).
    pub notify_in_app: bool,
    /// The admin has saved a duty-group choice (kept in the store): the demo floor no
    /// longer guesses the group, which would override a saved "None".
    pub duty_group_chosen: bool,
    /// DUTYDESK_TRACE_STARTUP: say on stderr when the first view is built (the launch
    /// benchmark times it); the cell keeps it to once.
    trace_startup: std::cell::Cell<bool>,
    trace_console: std::cell::Cell<bool>,
}

impl App {
    /// Builds the app without the iced runtime (tests, benches): a keyring read, if start-up
    /// needs one, runs here and blocks. The window uses `boot`, which runs it off-thread.
    pub fn new(opts: RunOptions) -> App {
        let mut app = App::offline(opts);
        if let Some(read) = app.start_session(None) {
            let answer = read.read();
            app.key_answered(answer);
        }
        app
    }

    /// The app with its store and desk but no Telegram session (benches, fixtures).
    pub fn offline(opts: RunOptions) -> App {
        let RunOptions {
            demo,
            config,
            paths,
        } = opts;
        let mut banner = None;
        let store_path = if demo {
            paths.data_dir.join("demo.sqlite3")
        } else {
            paths.store_file.clone()
        };
        if demo {
            let _ = std::fs::remove_file(&store_path);
        }
        let store = match Store::open(&store_path) {
            Ok(store) => Some(store),
            Err(e) => {
                banner = Some(format!("Pins, stars and notes will not be saved: {e}"));
                None
            }
        };
        let settings = store
            .as_ref()
            .and_then(|s| s.load_settings().ok().flatten())
            .unwrap_or_else(Settings::default);
        let duty_group_chosen = store
            .as_ref()
            .is_some_and(|s| s.duty_group_chosen().unwrap_or(false));
        let mut desk = Desk::new(settings);
        if let Some(local) = store.as_ref().and_then(|s| s.load_local().ok()) {
            desk.load_local(local);
        }
        let (theme, warning) = theme::resolve(&config.ui.theme, &paths.themes_dir, false);
        banner = banner.or(warning);
        App {
            paths,
            config,
            demo,
            theme,
            os_dark: false,
            session: None,
            keyring: None,
            key_pending: None,
            screen: Screen::Login(Box::new(Login::new(Stage::Starting))),
            desk,
            store,
            clock: Clock::system(),
            console: Console::new(),
            banner,
            focused: true,
            connection: None,
            own_user: None,
            ready_at: None,
            notify_in_app: false,
            duty_group_chosen,
            trace_startup: std::cell::Cell::new(
                std::env::var_os("DUTYDESK_TRACE_STARTUP").is_some(),
            ),
            trace_console: std::cell::Cell::new(
                std::env::var_os("DUTYDESK_TRACE_STARTUP").is_some(),
            ),
        }
    }

    /// The app as the window starts it: the keyring, if it must be asked, is read by a
    /// task, so the window draws "Checking the keyring…" while an unlock prompt is open.
    pub fn boot(opts: RunOptions) -> (App, Task<Message>) {
        let mut app = App::offline(opts);
        let read = app.start_session(None);
        let theme =
            iced::system::theme().map(|mode| Message::SystemDark(mode == iced::theme::Mode::Dark));
        let key = read.map_or_else(Task::none, start::KeyRead::task);
        (app, Task::batch([theme, key]))
    }

    /// Tries to start the session; on failure the login screen shows the stage needed.
    /// When the key must come from the keyring, returns the read for the caller to run off
    /// the window's thread (`KeyRead::task`; tests run it by hand) and hand back as
    /// `Message::KeyRead`. Nothing while a read is already under way.
    #[must_use]
    pub fn start_session(&mut self, passphrase: Option<&str>) -> Option<start::KeyRead> {
        if self.key_pending.is_some() {
            return None;
        }
        let inputs = Inputs {
            demo: self.demo,
            config: &self.config,
            paths: &self.paths,
            passphrase,
            keyring: self.keyring.as_ref(),
        };
        match start::begin(inputs) {
            Begun::Session(session) => {
                self.session = Some(session);
                self.set_stage(Stage::Starting);
            }
            Begun::Stage(stage) => self.set_stage(stage),
            Begun::Keyring(read, plan) => {
                self.key_pending = Some(plan);
                match &mut self.screen {
                    // Retry: the explanation stays, its button waits (see `login::Login`).
                    Screen::Login(login)
                        if matches!(
                            login.stage,
                            Stage::KeyringLocked(_) | Stage::KeyDamaged { .. }
                        ) =>
                    {
                        login.busy = true;
                        login.error = None;
                    }
                    _ => self.set_stage(Stage::CheckingKeyring),
                }
                return Some(read);
            }
        }
        None
    }

    /// The keyring's answer to the read `start_session` began: the session starts, or the
    /// login screen shows why not. On Retry an unchanged screen says the keyring was asked
    /// again, or Retry would look dead. An answer nobody waits for is dropped.
    pub fn key_answered(&mut self, answer: start::KeyAnswer) {
        let Some(plan) = self.key_pending.take() else {
            return;
        };
        let before = match &self.screen {
            Screen::Login(login) => Some(login.stage.clone()),
            _ => None,
        };
        match start::finish(plan, answer) {
            Ok(session) => {
                self.session = Some(session);
                self.set_stage(Stage::Starting);
            }
            Err(stage) => {
                let same = before.as_ref() == Some(&stage);
                self.set_stage(stage);
                if let Screen::Login(login) = &mut self.screen {
                    login.error =
                        same.then(|| "Tried again: the keyring gave the same answer.".to_string());
                }
            }
        }
    }

    pub fn set_stage(&mut self, stage: Stage) {
        match &mut self.screen {
            Screen::Login(login) => {
                login.stage = stage;
                login.busy = false;
            }
            _ => self.screen = Screen::Login(Box::new(Login::new(stage))),
        }
    }

    pub fn palette(&self) -> theme::Palette {
        self.theme.colors
    }

    pub fn title(&self) -> String {
        let k = self.desk.counters();
        let floor = if self.demo { " (demo floor)" } else { "" };
        match self.screen {
            Screen::Login(_) => format!("DutyDesk{floor}"),
            _ if k.waiting > 0 => format!("DutyDesk{floor} — {} waiting, {} red", k.waiting, k.red),
            _ => format!("DutyDesk{floor}"),
        }
    }

    pub fn iced_theme(&self) -> iced::Theme {
        self.theme.iced()
    }

    pub fn scale(&self) -> f32 {
        self.config.ui.scale.clamp(0.5, 3.0)
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let mut subs = vec![event::listen_with(on_event)];
        if let Some(session) = &self.session {
            subs.push(
                Subscription::run_with(session.client_id(), |id| telegram::event_stream(*id))
                    .map(Message::Tg),
            );
        }
        // A running clock only: a frozen one (tests) moves when told, and they tick.
        if let Some(at) = self.next_wake().and_then(|t| self.clock.instant_at(t)) {
            subs.push(timer::at(at).map(|()| Message::Tick));
        }
        if self.config.ui.theme == "auto" {
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
        let shown = match self.screen {
            Screen::Login(_) => return None,
            Screen::Settings(_) => Vec::new(),
            Screen::Console => self.shown_waits(),
        };
        // The time the view draws with.
        let now = self.desk.now().max(self.clock.now());
        timer::next_wake(&self.desk, shown, now)
    }

    /// The dates the waiting times on screen count from: the list's rows in view, and the
    /// open chat's header or, with no chat open, the overview's longest waits.
    fn shown_waits(&self) -> Vec<i64> {
        let (rows, _, _) = list_pane::visible(&self.console, &self.desk);
        let mut since: Vec<i64> = rows.iter().filter_map(|r| r.waiting_since).collect();
        match self.console.open_chat() {
            Some(chat) => since.extend(self.desk.row(chat).and_then(|r| r.waiting_since)),
            None => since.extend(
                console::overview::longest_wait_dates(&self.desk)
                    .into_iter()
                    .filter_map(|(since, _)| since),
            ),
        }
        since
    }

    pub fn view(&self) -> Element<'_, Message> {
        if self.trace_startup.replace(false) {
            eprintln!("dutydesk: first view");
        }
        let p = self.palette();
        let body: Element<'_, Message> = match &self.screen {
            Screen::Login(login) => login.view(true, p).map(Message::Login),
            Screen::Settings(draft) => draft.view(p).map(Message::Settings),
            Screen::Console => {
                if self.trace_console.replace(false) {
                    eprintln!("dutydesk: first console view");
                }
                self.console_view()
            }
        };
        let Some(banner) = &self.banner else {
            return body;
        };
        let bar = container(
            row![
                text(banner.as_str())
                    .size(TEXT)
                    .color(p.text)
                    .width(Length::Fill),
                button(text("Dismiss").size(SMALL))
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

    fn console_view(&self) -> Element<'_, Message> {
        let p = self.palette();
        let now = self.desk.now().max(self.clock.now());
        let connection = match self.connection {
            Some(ConnectionState::Ready) | None => None,
            Some(ConnectionState::WaitingForNetwork) => Some("Waiting for network…"),
            Some(ConnectionState::ConnectingToProxy) => Some("Connecting to proxy…"),
            Some(ConnectionState::Connecting) => Some("Connecting…"),
            Some(ConnectionState::Updating) => Some("Updating…"),
        };
        let header = Header {
            counters: self.desk.counters(),
            filter: self.console.filter,
            palette: p,
            connection,
        }
        .view(Message::Console, Message::OpenSettings);
        let (rows, first, total) = list_pane::visible(&self.console, &self.desk);
        let list = list_pane::view(&self.console, &self.desk, rows, first, total, now, p)
            .map(Message::Console);
        let own_name = self
            .own_user
            .and_then(|u| self.desk.user_name(u))
            .unwrap_or("You");
        let right: Element<'_, Message> = match &self.console.open {
            Some(open) => chat_view::view(open, &self.desk, now, own_name, p).map(Message::Console),
            None => console::overview::view(&self.desk, now, p).map(Message::Console),
        };
        let divider = container(Space::new())
            .width(1)
            .height(Length::Fill)
            .style(style::rule(p));
        let panes = row![
            container(list).width(Length::FillPortion(9)),
            divider,
            container(right).width(Length::FillPortion(11))
        ];
        container(column![
            header,
            container(Space::new())
                .height(1)
                .width(Length::Fill)
                .style(style::rule(p)),
            panes
        ])
        .style(style::window(p))
        .into()
    }

    pub fn on_key(&mut self, key: keyboard::Key, modifiers: keyboard::Modifiers) -> Effects {
        match &self.screen {
            Screen::Console => {}
            Screen::Settings(_) if key == keyboard::Key::Named(keyboard::key::Named::Escape) => {
                return self.handle(Message::Settings(settings::Msg::Cancel));
            }
            Screen::Settings(_)
                if modifiers.command() && key == keyboard::Key::Character("s".into()) =>
            {
                return self.handle(Message::Settings(settings::Msg::Save));
            }
            _ => return Effects::none(),
        }
        match keys::console(&key, modifiers) {
            Some(keys::Shortcut::Console(msg)) => self.handle(Message::Console(msg)),
            Some(keys::Shortcut::Open(action)) => match self.console.open_chat() {
                Some(chat) => self.handle(Message::Console(console::Msg::Act(chat, action))),
                None => Effects::none(),
            },
            Some(keys::Shortcut::FocusFilter) => {
                Effects::task(iced::widget::operation::focus(list_pane::TITLE_FILTER_ID))
            }
            Some(keys::Shortcut::Settings) => self.handle(Message::OpenSettings),
            None => Effects::none(),
        }
    }
}

/// Runtime events the app listens to: key presses (captured or not: shortcuts use Ctrl or
/// Alt, which never type text) and window focus, for notifications.
fn on_event(event: iced::Event, status: event::Status, _window: window::Id) -> Option<Message> {
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
        iced::Event::Window(window::Event::Resized(size)) => Some(Message::Resized(size.height)),
        iced::Event::Window(window::Event::Focused) => Some(Message::Focus(true)),
        iced::Event::Window(window::Event::Unfocused) => Some(Message::Focus(false)),
        _ => None,
    }
}
