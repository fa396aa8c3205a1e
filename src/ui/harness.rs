//! Drives the app without the iced runtime, for the UI tests and benches: Telegram events
//! are pumped from the session's stream by hand and every kind of effect runs on its
//! blocking executor (`Harness::run`), so a test sees exactly what the window would, one
//! step at a time.

use crate::config::Config;
use crate::desk::{
    ChatId, ChatKind, ContentKind, Desk, Event, Message as DeskMessage, Sender, Settings,
};
use crate::paths::Paths;
use crate::telegram::{self, Backend, Session, hub};
use crate::ui::app::{App, Message};
use crate::ui::clock::Clock;
use crate::ui::effect::{Effects, Parts, browser, http, tracker, work};
use std::path::Path;
use std::time::{Duration, Instant};

/// The simulated world every UI test in a process shares as its default: the demo floor's
/// chats and history on a manual clock, with no traffic of its own (no customers writing,
/// no colleagues answering, no alarms), so only what a test does happens.
pub fn simulated_backend() {
    let mut scenario = tdsim::Scenario::builtin("floor").expect("the floor scenario is shipped");
    let t = &mut scenario.traffic;
    t.messages_per_hour = 0.0;
    t.staff_reply_chance = 0.0;
    t.edit_chance = 0.0;
    t.delete_chance = 0.0;
    t.alarm_mean_interval = 1e12;
    // No team settings pinned: tests that want a team publish their own.
    scenario.duty_group.team_settings = false;
    // Nor a week of past traffic: tests that need history write it.
    scenario.history.traffic_days = 0;
    let config = tdsim::WorldConfig {
        scenario,
        seed: 7,
        speed: 0.0,
        start_time: 1_772_442_000,
    };
    // Tests share a process: a second install of the same kind is accepted.
    let _ = telegram::init_backend(Backend::Simulated(config));
}

pub struct Harness {
    pub app: App,
    pub session: Session,
    pub control: tdsim::Control,
    /// Every address the app asked the browser to open, in order (none is launched).
    pub opened: Vec<String>,
    events: hub::EventReceiver,
}

impl Harness {
    /// An app over a fresh simulated world, with config and data under `home`. It does not
    /// read support chats' history after login (`[statistics] backfill`): the harness runs
    /// every Telegram call to completion within the message that asked, so every test
    /// would first read the whole floor. Tests of it use `start_with_backfill`.
    pub fn start(demo: bool, home: &Path, mut config: Config) -> Harness {
        config.statistics.backfill = false;
        Harness::start_with_backfill(demo, home, config)
    }

    /// As `start`, with the backfill as `config` says.
    pub fn start_with_backfill(demo: bool, home: &Path, config: Config) -> Harness {
        simulated_backend();
        let paths = Paths::portable(home);
        let _ = paths.create_dirs();
        let mut app = App::new(crate::ui::RunOptions {
            demo,
            config,
            paths,
        });
        // Proxies' secrets go to a keyring in memory: a test never touches the machine's.
        // (Nothing reads it before the session's first event, pumped after this.)
        app.set_secrets(std::sync::Arc::new(
            crate::proxy::secret::MemoryKeyring::default(),
        ));
        Harness::attach(app)
    }

    /// An app logged in to a shared `world` as the member whose phone is `phone` (see
    /// tdsim's shared worlds), with config and data under `home`, its duty group the
    /// world's. Several in one process are several admins' DutyDesks: what one posts
    /// reaches the others through the simulated Telegram. Started again with the same
    /// `home`, it is the same admin's DutyDesk restarted (its store kept).
    pub fn start_in(
        world: tdsim::WorldId,
        phone: &str,
        home: &Path,
        mut config: Config,
    ) -> Harness {
        simulated_backend();
        config.telegram.api_id = Some(1);
        config.telegram.api_hash = Some("0".repeat(32));
        let paths = Paths::portable(home);
        let _ = paths.create_dirs();
        let world_control = tdsim::world(world).expect("the world exists");
        // As an admin who picked the duty group in Settings before.
        let group = world_control.layout().duty_group_chat_id;
        {
            let mut store = crate::store::Store::open(&paths.store_file).expect("the store opens");
            let mut settings = store.load_settings().ok().flatten().unwrap_or_default();
            settings.staff.duty_group = Some(group);
            store.save_settings(&settings).expect("settings saved");
            store.set_duty_group_chosen().expect("the choice saved");
        }
        let app = {
            // The session's client is created on this thread: it joins the world.
            let _joining = tdsim::joining(world);
            App::new(crate::ui::RunOptions {
                demo: false,
                config,
                paths,
            })
        };
        let mut h = Harness::attach(app);
        h.pump_until("the phone step", |app| {
            app.login()
                .is_some_and(|l| *l.stage() == crate::ui::features::login::Stage::Phone)
        });
        use iced::futures::executor::block_on;
        block_on(h.session.set_phone(phone.to_owned())).expect("the phone is accepted");
        block_on(h.session.check_code(tdsim::LOGIN_CODE.to_owned())).expect("the code");
        h.pump_until("the console", |app| {
            matches!(app.screen(), crate::ui::Screen::Console)
        });
        h.settle();
        h.freeze_clock();
        h
    }

    /// The demo floor's app (`--demo`: logs in by itself as the account, guesses the duty
    /// group) in a shared `world`, beside the colleagues' apps a test starts there.
    pub fn demo_in(world: tdsim::WorldId, home: &Path) -> Harness {
        simulated_backend();
        let paths = Paths::portable(home);
        let _ = paths.create_dirs();
        let app = {
            let _joining = tdsim::joining(world);
            App::new(crate::ui::RunOptions {
                demo: true,
                config: Config::default(),
                paths,
            })
        };
        let mut h = Harness::attach(app);
        h.pump_until("the console", |app| {
            matches!(app.screen(), crate::ui::Screen::Console)
        });
        h.settle();
        h.freeze_clock();
        h
    }

    /// Closes this app's Telegram session as quitting DutyDesk does (the store stays).
    pub fn close(self) {
        let client = self.session.client_id();
        let _ = iced::futures::executor::block_on(self.session.close());
        hub::wait_closed(Some(client), Duration::from_secs(10));
    }

    /// Drives an app whose session has started: one a test brought through start-up
    /// steps of its own (a keyring stand-in, a Retry) before there was a session to drive.
    pub fn attach(mut app: App) -> Harness {
        crate::ui::fonts::install();
        // Sounds are recorded, never played (`app.player().played()`); a login entry goes
        // beside the test's config, never into the machine's autostart folder.
        app.set_player(crate::sound::Player::recording());
        let entry = app.config_dir().join("autostart").join("dutydesk.desktop");
        app.set_autostart(crate::autostart::Method::Xdg(entry));
        let session = app
            .session()
            .cloned()
            .expect("the simulated session starts");
        let events = hub::take_events(session.client_id()).expect("the session's events");
        let control = tdsim::control(session.client_id()).expect("the simulated world");
        let mut harness = Harness {
            app,
            session,
            control,
            opened: Vec::new(),
            events,
        };
        // From the first event on: a wall-clock second must never tip a chat over a
        // threshold in a snapshot.
        harness.freeze_clock();
        harness
    }

    /// Handles a message as `update` would, running its effects to completion.
    pub fn send(&mut self, message: Message) {
        let effects = self.app.handle(message);
        self.run(effects);
    }

    /// Runs effects as the window would, each kind on its blocking executor, and feeds
    /// every reply back in: store writes in order, then Telegram calls, HTTP calls, tracker
    /// calls, browser addresses (recorded in `opened`, never launched) and blocking work one
    /// at a time. iced's own operations (focus, scroll) need the runtime and are dropped: a
    /// test clicks where the window would have moved the focus.
    pub fn run(&mut self, effects: Effects<Message>) {
        let Parts {
            task: _,
            telegram,
            store,
            http,
            tracker,
            browser,
            work,
        } = effects.into_parts();
        self.app.write(store);
        // The window does not wait for the statistics writer; a test reads what it wrote.
        self.app.settle_store();
        for call in telegram {
            let reply = call.block(self.session.clone());
            self.send(reply);
        }
        self.run_beside_telegram(http, tracker, browser, work);
    }

    /// HTTP calls, tracker calls, browser addresses and blocking work, one at a time.
    fn run_beside_telegram(
        &mut self,
        http: Vec<http::Call<Message>>,
        tracker: Vec<tracker::Call<Message>>,
        browser: Vec<browser::Call<Message>>,
        work: Vec<work::Job<Message>>,
    ) {
        for call in http {
            let reply = call.block();
            self.send(reply);
        }
        for call in tracker {
            let reply = call.block(self.app.tokens());
            self.send(reply);
        }
        for call in browser {
            let (url, reply) = call.pretend();
            self.opened.push(url);
            self.send(reply);
        }
        for job in work {
            let reply = job.run();
            self.send(reply);
        }
    }

    /// Handles a message as `send` does, except that its Telegram requests run on threads
    /// of their own and their replies are held until `deliver`. In the window a reply comes
    /// back as a task and the updates through the event stream, in either order: a test
    /// chooses which the app sees first. A request TDLib holds (login steps while offline)
    /// keeps its reply out until TDLib answers.
    pub fn send_holding_replies(&mut self, message: Message) -> Held {
        let Parts {
            task: _,
            telegram,
            store,
            http,
            tracker,
            browser,
            work,
        } = self.app.handle(message).into_parts();
        self.app.write(store);
        self.app.settle_store();
        let replies = telegram
            .into_iter()
            .map(|call| {
                let session = self.session.clone();
                std::thread::spawn(move || call.block(session))
            })
            .collect();
        self.run_beside_telegram(http, tracker, browser, work);
        Held { replies }
    }

    /// Hands held replies to the app, waiting for any TDLib has not answered yet.
    pub fn deliver(&mut self, held: Held) {
        for reply in held.replies {
            let reply = reply.join().expect("a held Telegram request");
            self.send(reply);
        }
    }

    /// Hands every Telegram event already queued to the app, in one batch.
    pub fn pump(&mut self) -> usize {
        let mut batch = Vec::new();
        while let Ok(event) = self.events.try_recv() {
            batch.push(event);
        }
        let n = batch.len();
        if n > 0 {
            self.send(Message::Tg(batch));
        }
        n
    }

    /// Hands the app only what queued that is not a chat's news (the connection's state,
    /// the clock, login): messages that arrived meanwhile are lost to it, as to a DutyDesk
    /// that was closed or whose updates TDLib could not deliver. Returns how many were lost.
    pub fn lose_news(&mut self) -> usize {
        let mut kept = Vec::new();
        let mut lost = 0;
        while let Ok(event) = self.events.try_recv() {
            match event {
                telegram::TgEvent::Desk(_) => lost += 1,
                other => kept.push(other),
            }
        }
        if !kept.is_empty() {
            self.send(Message::Tg(kept));
        }
        lost
    }

    /// Takes the Telegram events that arrive until nothing comes for a short while,
    /// without handing them to the app: a test paces them itself (`telegram::pace`).
    pub fn collect_events(&mut self) -> Vec<telegram::TgEvent> {
        let mut events = Vec::new();
        let mut quiet = 0;
        while quiet < 20 {
            match self.events.try_recv() {
                Ok(event) => {
                    events.push(event);
                    quiet = 0;
                }
                Err(_) => {
                    quiet += 1;
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
        }
        events
    }

    /// Pumps until `done` holds; panics with `what` after 10 seconds.
    pub fn pump_until(&mut self, what: &str, done: impl Fn(&App) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            self.pump();
            if done(&self.app) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Pumps until nothing arrives for a short while (the initial sync has settled).
    pub fn settle(&mut self) {
        let mut quiet = 0;
        while quiet < 20 {
            if self.pump() == 0 {
                quiet += 1;
                std::thread::sleep(Duration::from_millis(5));
            } else {
                quiet = 0;
            }
        }
    }

    /// Moves the simulated clock and lets the app see it.
    pub fn advance(&mut self, seconds: i64) {
        self.control.advance(seconds);
        self.settle();
        self.freeze_clock();
        self.send(Message::Tick);
    }

    /// Does what the window's timer does: moves the simulated clock to the time the app
    /// asked to wake at, and ticks. Returns that time, or `None` if the app would sleep.
    pub fn wake(&mut self) -> Option<i64> {
        let at = self.app.next_wake()?;
        self.control.advance(at - self.control.now());
        self.settle();
        self.freeze_clock();
        self.send(Message::Tick);
        Some(at)
    }

    /// Pins the app's clock to the world's, so views (and snapshots) do not depend on how
    /// long the test took.
    pub fn freeze_clock(&mut self) {
        self.app.set_clock(Clock::frozen(self.control.now()));
    }
}

/// Telegram replies `Harness::send_holding_replies` keeps back.
pub struct Held {
    replies: Vec<std::thread::JoinHandle<Message>>,
}

impl Held {
    /// Whether TDLib has answered every request (the replies are in, not yet delivered).
    pub fn answered(&self) -> bool {
        self.replies.iter().all(|r| r.is_finished())
    }

    /// Waits up to 10 seconds for TDLib to answer every request; panics naming `what`.
    pub fn wait_answered(&self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.answered() {
            assert!(Instant::now() < deadline, "no reply to {what}");
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    pub fn len(&self) -> usize {
        self.replies.len()
    }

    pub fn is_empty(&self) -> bool {
        self.replies.is_empty()
    }
}

/// A desk with `n` chats for benches: every fifth a waiting customer, some pinned and
/// starred, previews of realistic length.
pub fn synthetic_desk(n: usize, now: i64) -> Desk {
    let mut desk = Desk::new(Settings::default());
    let mut events = Vec::with_capacity(n * 3);
    for i in 0..n as i64 {
        let chat: ChatId = 1_000_000 + i;
        events.push(Event::ChatAdded {
            chat,
            kind: if i % 3 == 0 {
                ChatKind::Private
            } else {
                ChatKind::Supergroup
            },
            title: format!("Customer {i} support"),
        });
        events.push(Event::HistoryMessage(DeskMessage {
            chat,
            id: 10,
            sender: Sender::User(5_000_000 + i),
            date: now - (i % 3600) - 30,
            outgoing: i % 5 != 0,
            preview:
                "Hello, our site has been down since this morning, could you please have a look?"
                    .into(),
            content: if i % 11 == 0 {
                ContentKind::Photo
            } else {
                ContentKind::Text
            },
        }));
        if i % 7 == 0 {
            events.push(Event::ReadInbox {
                chat,
                last_read_inbox_message_id: 0,
                unread_count: 2,
            });
        }
    }
    desk.apply_all(events, now);
    for i in 0..5 {
        desk.pin(1_000_000 + i * 13);
        desk.star(1_000_000 + i * 17);
    }
    desk.drain_stats();
    desk.drain_local_changes();
    desk
}
