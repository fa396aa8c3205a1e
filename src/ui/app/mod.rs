//! The application: a thin router. It holds what no feature owns, grouped by concern (the
//! shell, the link to Telegram, the core, the notices), routes every message to the
//! feature it belongs to (`route`), reacts to the features' events, and feeds Telegram's
//! batches to the desk (`link`). Tests read its state through the accessors below; the
//! few they must set up by hand are behind the `test-support` feature.

mod announce;
mod backfill;
mod desktop;
mod duty_guess;
mod link;
mod mask;
mod route;
mod statistics;
mod team;
mod view;

use crate::config::Config;
use crate::demo_tracker::{self, DemoTracker};
use crate::desk::{Desk, Settings, UserId};
use crate::paths::Paths;
use crate::proxy::secret::{OsKeyring, Secrets};
use crate::store::{StatsWriter, Store, StoreFile};
use crate::telegram::{self, Session};
use crate::tokens::{self, Tokens};
use crate::ui::RunOptions;
use crate::ui::clock::Clock;
use crate::ui::effect::{Effects, work};
use crate::ui::features::connection::{self, Connection, Status};
use crate::ui::features::console::{self, Console};
use crate::ui::features::login::{self, Login, Stage};
use crate::ui::features::settings::{self, Draft};
use crate::ui::features::statistics::{self as stats_screen, Statistics};
use crate::ui::features::tasks::Tasks;
use crate::ui::features::team as team_feature;
use crate::ui::notifications;
use crate::ui::repaint::Repaint;
use crate::ui::start;
use crate::ui::theme::{self, Theme};
use i18n::{Language, t};
use iced::Task;
use iced::keyboard;
use std::sync::Arc;

pub use backfill::{Reply as BackfillReply, Request as BackfillRequest};
pub use link::{Reply as LinkReply, Request as LinkRequest};

#[derive(Debug, Clone)]
pub enum Message {
    /// A batch of Telegram's events (one per receive batch, not one per update).
    Tg(Vec<telegram::TgEvent>),
    /// A reply to one of the link's own requests (who we are, the duty group's members).
    Link(LinkReply),
    /// Some support chats' history read (`backfill`).
    Backfilled(backfill::Reply),
    Login(login::Message),
    Console(console::Message),
    Settings(settings::Message),
    Statistics(stats_screen::Message),
    /// The connection settings (proxies), shown over any screen.
    Connection(connection::Message),
    Team(team_feature::Message),
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
    /// The tray: up, gone, or a menu item picked (`desktop.rs`).
    Tray(crate::tray::Event),
    /// The window opened (at start, or again from the tray).
    WindowOpened(iced::window::Id),
    /// The window's close button: into the tray, or quit (`desktop.rs`).
    CloseRequested(iced::window::Id),
}

/// The feature on screen. The console lives on behind the others (its open chat, scroll
/// and filters wait for the admin's return).
pub enum Screen {
    Login(Box<Login>),
    Console,
    Settings(Box<Draft>),
    /// The statistics (the feature lives on in `App`, keeping its period and figures).
    Statistics,
}

/// Where the app lives and how it looks.
struct Shell {
    paths: Paths,
    config: Config,
    /// The simulated floor.
    demo: bool,
    theme: Theme,
    os_dark: bool,
    /// The language the window speaks: the one chosen at start-up, then the one saved in
    /// Settings. Views, updates and the title format in it (`in_language`), so an app in a
    /// test speaks its own language whatever the process's is.
    language: Language,
    /// DUTYDESK_TRACE_STARTUP: say on stderr when the first view is built (the launch
    /// benchmark times it); the cells keep it to once.
    trace_startup: std::cell::Cell<bool>,
    trace_console: std::cell::Cell<bool>,
    /// Which frames iced redraws whole (a person's input, a storm's) and which in part.
    repaint: Repaint,
}

/// The link to Telegram: the session, how it starts, and what it reported.
struct Link {
    session: Option<Session>,
    /// Where start-up gets the database key: `None` is the OS keyring; tests put a
    /// stand-in here (see `start::Keyring`).
    keyring: Option<start::Keyring>,
    /// A keyring read is under way: what starting the session needs once it answers. One
    /// at a time: a second Retry would stack a second unlock prompt.
    key_pending: Option<start::Plan>,
    connection: Option<Status>,
    /// The config's proxy was handed to this session's TDLib (once, at its first report).
    proxy_applied: bool,
    own_user: Option<UserId>,
    /// When the account became ready: transitions during the initial sync are not
    /// announced (every old waiting chat would "turn red" at once).
    ready_at: Option<i64>,
}

/// The duty desk, its store, its clock, and where tracker tokens are kept.
struct Core {
    desk: Desk,
    store: Option<Store>,
    /// The statistics log's writer thread (on a connection of its own): a storm's batches
    /// never hold the window on the disk.
    stats: Option<StatsWriter>,
    clock: Clock,
    /// The OS keyring (an in-memory stand-in on the simulated tracker's demo floor and in
    /// tests): tracker calls read their token from it on their worker.
    tokens: Tokens,
    /// The admin has saved a duty-group choice (kept in the store): the demo floor no
    /// longer guesses the group, which would override a saved "None".
    duty_group_chosen: bool,
    /// Staff names as the store has them (statistics name admins from there).
    staff_named: std::collections::HashMap<UserId, String>,
}

/// What the window tells the admin beside the screens.
struct Notices {
    banner: Option<String>,
    /// The window has the focus: no desktop notification for a new message.
    focused: bool,
    /// Notifications go to the banner (no notification service here).
    in_app: bool,
    /// The team document's toolkit problem last put in the banner.
    toolkit_error: Option<String>,
}

pub struct App {
    shell: Shell,
    link: Link,
    core: Core,
    screen: Screen,
    console: Console,
    statistics: Statistics,
    /// Reading support chats' history in the background.
    backfill: backfill::Backfill,
    /// Over the screen while open; it keeps its list and form when closed.
    connection: Connection,
    /// The duty group's feature and what the app keeps of the team (`team.rs`).
    team: team::TeamPart,
    notices: Notices,
    /// The tray, the window's comings and goings, sounds and attention (`desktop.rs`).
    desktop: desktop::DesktopPart,
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
        // What the command line chose (or, in a test, this thread's language).
        let language = i18n::language();
        let (mut core, store_warning) = Core::open(&paths, demo);
        core.desk
            .set_personal_toolkit(crate::toolkit::personal(&config, demo));
        core.desk.set_mask_words(crate::toolkit::mask_words());
        // Red and breach on the list count business hours when the team has them.
        core.desk.set_wait_clock(config.wait_clock());
        let (theme, theme_warning) = theme::resolve(&config.ui.theme, &paths.themes_dir, false);
        let (tasks, tasks_warning) = core.tasks(demo, &config);
        let mut console = Console::new();
        console.set_tasks(tasks);
        let trace = std::env::var_os("DUTYDESK_TRACE_STARTUP").is_some();
        let team = team::TeamPart::new(&core.desk);
        App {
            shell: Shell {
                paths,
                config,
                demo,
                theme,
                os_dark: false,
                language,
                trace_startup: std::cell::Cell::new(trace),
                trace_console: std::cell::Cell::new(trace),
                repaint: Repaint::default(),
            },
            link: Link {
                session: None,
                keyring: None,
                key_pending: None,
                connection: None,
                proxy_applied: false,
                own_user: None,
                ready_at: None,
            },
            core,
            screen: Screen::Login(Box::new(Login::new(Stage::Starting))),
            console,
            statistics: Statistics::new(),
            backfill: backfill::Backfill::default(),
            connection: Connection::new(Arc::new(OsKeyring) as Arc<dyn Secrets>),
            team,
            notices: Notices {
                banner: store_warning.or(theme_warning).or(tasks_warning),
                focused: true,
                in_app: false,
                toolkit_error: None,
            },
            desktop: desktop::DesktopPart::new(),
        }
    }

    /// The app as the window starts it: the keyring, if it must be asked, is read by a
    /// task, so the window draws "Checking the keyring…" while an unlock prompt is open.
    pub fn boot(opts: RunOptions) -> (App, Task<Message>) {
        let mut app = App::offline(opts);
        let read = app.start_session(None);
        let theme =
            iced::system::theme().map(|mode| Message::SystemDark(mode == iced::theme::Mode::Dark));
        let key = key_job(read).map_or_else(Task::none, work::Job::task);
        // The window: the app runs as an iced daemon, so it may close into the tray.
        let (window, opened) = iced::window::open(crate::ui::window_settings());
        app.desktop.window = Some(window);
        let opened = opened.map(Message::WindowOpened);
        (app, Task::batch([theme, key, opened]))
    }

    pub fn desk(&self) -> &Desk {
        &self.core.desk
    }

    pub fn store(&self) -> Option<&Store> {
        self.core.store.as_ref()
    }

    /// The store's file for a reader on another thread: it opens once the statistics
    /// writer has written what the window handed it.
    pub fn store_file(&self) -> Option<StoreFile> {
        match (&self.core.stats, &self.core.store) {
            (Some(writer), _) => Some(writer.file()),
            (None, Some(store)) => Some(StoreFile::plain(store.path())),
            (None, None) => None,
        }
    }

    /// Waits until the statistics writer has written what it was handed: the headless
    /// harness does after every message, so a test reads the store as the window left it.
    pub fn settle_store(&self) {
        if let Some(writer) = &self.core.stats {
            writer.settle();
        }
    }

    pub fn clock(&self) -> &Clock {
        &self.core.clock
    }

    /// Where tracker tokens are kept (the executor of tracker calls reads them there).
    pub fn tokens(&self) -> Tokens {
        self.core.tokens.clone()
    }

    pub fn config(&self) -> &Config {
        &self.shell.config
    }

    pub fn theme(&self) -> &Theme {
        &self.shell.theme
    }

    /// The language the window speaks.
    pub fn language(&self) -> Language {
        self.shell.language
    }

    /// Runs `f` with the app's language as this thread's: `t!` inside speaks it.
    fn in_language<R>(&self, f: impl FnOnce() -> R) -> R {
        i18n::with_language(self.shell.language, f)
    }

    pub fn session(&self) -> Option<&Session> {
        self.link.session.as_ref()
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The login screen, if it is the one shown.
    pub fn login(&self) -> Option<&Login> {
        match &self.screen {
            Screen::Login(login) => Some(login),
            _ => None,
        }
    }

    /// The settings screen, if it is the one shown.
    pub fn settings(&self) -> Option<&Draft> {
        match &self.screen {
            Screen::Settings(draft) => Some(draft),
            _ => None,
        }
    }

    pub fn console(&self) -> &Console {
        &self.console
    }

    /// The statistics screen's state (shown or not).
    pub fn statistics(&self) -> &Statistics {
        &self.statistics
    }

    /// The connection settings (open or not).
    pub fn connection(&self) -> &Connection {
        &self.connection
    }

    /// TDLib's connection state and since when; `None` before its first report.
    pub fn connection_status(&self) -> Option<Status> {
        self.link.connection
    }

    pub fn banner(&self) -> Option<&str> {
        self.notices.banner.as_deref()
    }

    /// Sets the login screen to `stage` (a new one if another screen is shown).
    fn set_stage(&mut self, stage: Stage) {
        match &mut self.screen {
            Screen::Login(login) => login.show(stage),
            _ => self.screen = Screen::Login(Box::new(Login::new(stage))),
        }
    }
}

/// What tests and benches set up by hand, where the window would have waited for it.
#[cfg(feature = "test-support")]
impl App {
    pub fn desk_mut(&mut self) -> &mut Desk {
        &mut self.core.desk
    }

    pub fn config_mut(&mut self) -> &mut Config {
        &mut self.shell.config
    }

    pub fn set_clock(&mut self, clock: Clock) {
        self.core.clock = clock;
    }

    /// A stand-in for the OS keyring's tracker tokens.
    pub fn set_tokens(&mut self, tokens: Tokens) {
        self.core.tokens = tokens;
    }

    pub fn set_theme(&mut self, theme: Theme) {
        self.shell.theme = theme;
    }

    /// Speaks `language` from the next view on, as after choosing it in Settings.
    pub fn set_language(&mut self, language: Language) {
        self.shell.language = language;
    }

    pub fn set_screen(&mut self, screen: Screen) {
        self.screen = screen;
    }

    pub fn set_own_user(&mut self, user: UserId) {
        self.link.own_user = Some(user);
    }

    /// Where proxies' passwords and secrets are kept, instead of the OS keyring.
    pub fn set_secrets(&mut self, secrets: Arc<dyn Secrets>) {
        self.connection.set_secrets(secrets);
    }

    /// A keyring stand-in for start-up (see `start::Keyring`).
    pub fn set_keyring(&mut self, keyring: start::Keyring) {
        self.link.keyring = Some(keyring);
    }

    /// As after a failed desktop notification: news goes to the banner.
    pub fn notify_in_window(&mut self) {
        self.notices.in_app = true;
    }

    /// The account became ready at `at` (transitions after the sync's grace are announced).
    pub fn set_ready_at(&mut self, at: i64) {
        self.link.ready_at = Some(at);
    }
}

impl Core {
    /// The store (a fresh one for the demo floor) and the desk it remembers; a warning for
    /// the banner when the store cannot be opened.
    fn open(paths: &Paths, demo: bool) -> (Core, Option<String>) {
        let store_path = if demo {
            paths.data_dir.join("demo.sqlite3")
        } else {
            paths.store_file.clone()
        };
        if demo {
            let _ = std::fs::remove_file(&store_path);
        }
        let (store, warning) = match Store::open(&store_path) {
            Ok(store) => (Some(store), None),
            Err(e) => (
                None,
                Some(t!("app-store-unavailable", error = e.to_string())),
            ),
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
        let team_warning = team::restore_checkpoint(&mut desk, store.as_ref()).err();
        // Without its own connection or thread the log is written on the window's, as before.
        let stats = store.as_ref().and_then(|_| {
            let connection = Store::open(&store_path).ok()?;
            StatsWriter::spawn(connection, i18n::language()).ok()
        });
        let staff_named = store
            .as_ref()
            .and_then(|s| s.staff_names().ok())
            .unwrap_or_default();
        let core = Core {
            desk,
            store,
            stats,
            clock: Clock::system(),
            tokens: tokens::os(),
            duty_group_chosen,
            staff_named,
        };
        (core, warning.or(team_warning))
    }

    /// The tasks feature with the store's tasks. The demo floor without trackers of its own
    /// gets the simulated tracker, its token in memory (never the OS keyring).
    fn tasks(&mut self, demo: bool, config: &Config) -> (Tasks, Option<String>) {
        let (tasks, warning) = Tasks::load(self.store.as_ref());
        if !demo || !config.trackers.is_empty() {
            return (tasks, warning);
        }
        match DemoTracker::start() {
            Ok(tracker) => {
                let name = tracker.api_config().name;
                self.tokens = Arc::new(tokens::Memory::with(&name, demo_tracker::TOKEN));
                (tasks.with_demo(tracker), warning)
            }
            Err(e) => {
                tracing::warn!(error = %e, "the demo floor's tracker did not start");
                (tasks, warning)
            }
        }
    }

    /// What the desk changed since the last message, as store writes.
    fn drained(&mut self) -> Effects<Message> {
        use crate::ui::effect::store::Write;
        let changes = self.desk.drain_local_changes();
        let stats = self.desk.drain_stats();
        let mut effects = Effects::none();
        if !changes.is_empty() {
            effects = effects.and(Effects::store(Write::Marks(changes)));
        }
        if !stats.is_empty() {
            effects = effects.and(Effects::store(Write::Stats(stats)));
        }
        let names = self.new_staff_names();
        if !names.is_empty() {
            effects = effects.and(Effects::store(Write::StaffNames(names)));
        }
        effects
    }

    /// Staff names the desk knows and the store does not have yet (or has another for):
    /// a staff member's name arrived, or someone named became staff. Staff are a few dozen
    /// at most, so this looks at all of them after every message.
    fn new_staff_names(&mut self) -> Vec<(UserId, String)> {
        let mut out = Vec::new();
        for user in self.desk.staff_users() {
            let Some(name) = self.desk.user_name(user) else {
                continue;
            };
            if self.staff_named.get(&user).map(String::as_str) != Some(name.as_ref()) {
                let name = name.into_owned();
                self.staff_named.insert(user, name.clone());
                out.push((user, name));
            }
        }
        out
    }
}

/// A keyring read as blocking work: the window runs it off its thread, tests by hand.
fn key_job(read: Option<start::KeyRead>) -> Option<work::Job<Message>> {
    read.map(|read| {
        work::Job::new(
            "keyring read",
            move || Message::KeyRead(read.read()),
            |e| Message::KeyRead(start::KeyAnswer::stopped(e)),
        )
    })
}
