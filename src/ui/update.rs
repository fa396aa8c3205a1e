//! How the app changes: Telegram events into the desk, replies to requests, screen
//! messages. `handle` returns the Telegram requests as data, so tests can run them with a
//! blocking executor; `update` hands them to iced as tasks.

use crate::desk::{ChatId, Transition};
use crate::telegram::{AuthState, TgEvent};
use crate::ui::app::{App, Message, Screen};
use crate::ui::notifications::{self, Outcome};
use crate::ui::requests::{self, Reply, Request};
use crate::ui::screens::console::{self, Ctx};
use crate::ui::screens::login::Stage;
use crate::ui::screens::settings::{self, Draft};
use crate::ui::{start, theme};
use iced::Task;

mod login_flow;

/// What one message asks of the outside world.
pub struct Effects {
    pub requests: Vec<Request>,
    pub task: Task<Message>,
    /// A keyring read to run off the window's thread (`update` makes it a task; tests run
    /// it by hand and send its answer back as `Message::KeyRead`).
    pub key_read: Option<start::KeyRead>,
}

impl Effects {
    pub fn none() -> Effects {
        Effects::task(Task::none())
    }
    pub fn request(r: Request) -> Effects {
        Effects {
            requests: vec![r],
            ..Effects::none()
        }
    }
    pub fn task(task: Task<Message>) -> Effects {
        Effects {
            requests: Vec::new(),
            task,
            key_read: None,
        }
    }
    fn key_read(read: Option<start::KeyRead>) -> Effects {
        Effects {
            key_read: read,
            ..Effects::none()
        }
    }
}

/// Transitions after the account is ready for this long are announced; earlier ones are
/// the initial sync catching up.
const SYNC_GRACE_SECS: i64 = 15;
/// At most this many desktop notifications per batch; the rest are summarized.
const NOTIFY_BURST: usize = 3;

impl App {
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let Effects {
            requests,
            task,
            key_read,
        } = self.handle(message);
        let task = match key_read {
            Some(read) => Task::batch([task, read.task()]),
            None => task,
        };
        let Some(session) = self.session.clone() else {
            return task;
        };
        let calls = requests
            .into_iter()
            .map(|r| Task::perform(requests::perform(session.clone(), r), Message::Reply));
        Task::batch(std::iter::once(task).chain(calls))
    }

    pub fn handle(&mut self, message: Message) -> Effects {
        let effects = match message {
            Message::Tg(batch) => self.on_telegram(batch),
            Message::Reply(reply) => self.on_reply(reply),
            Message::Login(msg) => self.on_login(msg),
            Message::Console(msg) => self.on_console(msg),
            Message::Settings(msg) => self.on_settings(msg),
            Message::OpenSettings => {
                let themes = theme::available(&self.paths.themes_dir);
                let mut draft = Draft::new(self.desk.settings(), &self.config, themes);
                draft.refresh_candidates(self.desk.groups(), self.desk.folders());
                self.screen = Screen::Settings(Box::new(draft));
                Effects::none()
            }
            Message::Key(key, modifiers) => self.on_key(key, modifiers),
            Message::Resized(height) => {
                // An upper bound of the list's height; the first scroll gives the exact one.
                self.console.viewport = height;
                Effects::none()
            }
            Message::FocusNext(forward) => Effects::task(if forward {
                iced::widget::operation::focus_next()
            } else {
                iced::widget::operation::focus_previous()
            }),
            Message::Focus(focused) => {
                self.focused = focused;
                Effects::none()
            }
            Message::SystemDark(dark) => {
                self.os_dark = dark;
                self.apply_theme();
                Effects::none()
            }
            Message::Tick => {
                let transitions = self.desk.tick(self.clock.now());
                self.announce(&transitions)
            }
            Message::Notified(outcome) => match outcome {
                Outcome::Shown => Effects::none(),
                Outcome::Clicked(chat) => self.on_console(console::Msg::GlobalPick(chat)),
                Outcome::Unavailable { text, error } => {
                    self.notify_in_app = true;
                    self.banner = Some(format!(
                        "{text} (desktop notifications unavailable: {error})"
                    ));
                    Effects::none()
                }
            },
            Message::DismissBanner => {
                self.banner = None;
                Effects::none()
            }
            Message::KeyRead(answer) => {
                self.key_answered(answer);
                Effects::none()
            }
        };
        // A scroll, a re-sorting batch or a filter may have moved the menu's row.
        self.console.keep_menu_in_place(&self.desk);
        self.persist();
        effects
    }

    fn apply_theme(&mut self) {
        let (theme, warning) =
            theme::resolve(&self.config.ui.theme, &self.paths.themes_dir, self.os_dark);
        self.theme = theme;
        if warning.is_some() {
            self.banner = warning;
        }
    }

    /// Writes what the desk changed (local marks, statistics) to the store.
    fn persist(&mut self) {
        let changes = self.desk.drain_local_changes();
        let stats = self.desk.drain_stats();
        let Some(store) = &mut self.store else { return };
        let result = store
            .apply_changes(&changes)
            .and_then(|_| store.append_stats(&stats).map(|_| ()));
        if let Err(e) = result {
            self.banner = Some(format!("Could not save to {}: {e}", store.path().display()));
        }
    }

    fn on_telegram(&mut self, batch: Vec<TgEvent>) -> Effects {
        let mut effects = Effects::none();
        let mut transitions = Vec::new();
        // Whether the settings pickers' candidates (group chats, folders) may have changed.
        let mut names_changed = false;
        for event in batch {
            match event {
                TgEvent::Clock(unix) => self.clock.set(unix),
                TgEvent::Desk(event) => {
                    names_changed |= settings::changes_candidates(&event);
                    if let Some(group) = self.demo_duty_group(&event) {
                        effects.requests.push(Request::DutyMembers(group));
                    }
                    self.console.observe(&event);
                    transitions.extend(self.desk.apply(event, self.clock.now()));
                }
                TgEvent::Auth(state) => effects.requests.extend(self.on_auth(state)),
                TgEvent::Connection(state) => self.connection = Some(state),
                TgEvent::SendSucceeded {
                    chat,
                    old_id,
                    new_id,
                } => {
                    if let Some(open) = self.console.open_if(chat) {
                        open.history.succeeded(old_id, new_id);
                    }
                }
                TgEvent::SendFailed {
                    chat,
                    temp_id,
                    error,
                } => {
                    match self.console.open_if(chat) {
                        Some(open) => open.history.failed(temp_id, error),
                        // Not on screen: the admin must still learn the reply did not go out.
                        None => {
                            let title = self.desk.row(chat).map(|r| r.title).unwrap_or_default();
                            self.banner =
                                Some(format!("A message to {title} was not sent: {error}"));
                        }
                    }
                }
                TgEvent::Error(e) => match &mut self.screen {
                    Screen::Login(login) => {
                        login.error = Some(e.to_string());
                        login.busy = false;
                    }
                    _ => self.banner = Some(format!("Telegram: {e}")),
                },
            }
        }
        // Settings open while chats load (a big account's first minutes): the pickers
        // offer what arrived without the admin reopening the screen.
        if let Screen::Settings(draft) = &mut self.screen
            && names_changed
        {
            draft.refresh_candidates(self.desk.groups(), self.desk.folders());
        }
        let announce = self.announce(&transitions);
        effects.requests.extend(announce.requests);
        effects.task = Task::batch([effects.task, announce.task]);
        effects
    }

    fn on_auth(&mut self, state: AuthState) -> Vec<Request> {
        let stage = match state {
            AuthState::WaitParameters => Stage::Starting,
            AuthState::WaitPhoneNumber => Stage::Phone,
            AuthState::WaitCode { phone } => Stage::Code { phone },
            AuthState::WaitPassword { hint } => Stage::Password { hint },
            AuthState::Ready => {
                if matches!(self.screen, Screen::Login(_)) {
                    self.screen = Screen::Console;
                }
                self.ready_at = Some(self.clock.now());
                let mut requests = vec![Request::Bootstrap];
                if let Some(group) = self.desk.settings().staff.duty_group {
                    requests.push(Request::DutyMembers(group));
                }
                return requests;
            }
            AuthState::LoggingOut | AuthState::Closing => Stage::Starting,
            AuthState::Closed => Stage::NoLibrary(
                "Telegram closed this session. Restart DutyDesk to log in again.".into(),
            ),
            AuthState::Other(name) => Stage::NoLibrary(format!(
                "Telegram asks for a step DutyDesk cannot do yet ({name})."
            )),
        };
        if let Screen::Login(login) = &mut self.screen
            && login.stage != stage
        {
            login.error = None;
        }
        self.set_stage(stage);
        Vec::new()
    }

    fn on_reply(&mut self, reply: Reply) -> Effects {
        match reply {
            Reply::Auth(Ok(())) => {}
            Reply::Auth(Err(e)) => {
                if let Screen::Login(login) = &mut self.screen {
                    login.error = Some(e.message);
                    login.busy = false;
                }
            }
            Reply::Me(Ok(user)) => {
                self.own_user = Some(user);
                let transitions = self
                    .desk
                    .apply(crate::desk::Event::OwnUser { user }, self.clock.now());
                return self.announce(&transitions);
            }
            Reply::Me(Err(e)) => self.banner = Some(format!("Could not read this account: {e}")),
            Reply::Sent {
                chat,
                local,
                result,
            } => {
                if let Some(open) = self.console.open_if(chat) {
                    match result {
                        Ok(temp) => open.history.sent(local, temp),
                        Err(e) => open.history.failed_local(local, e.message),
                    }
                } else if let Err(e) = result {
                    self.banner = Some(format!("A message was not sent: {e}"));
                }
            }
            Reply::History { chat, from, result } => {
                let requests =
                    self.console
                        .history_loaded(chat, from, result.map_err(|e| e.to_string()));
                return Effects {
                    requests,
                    ..Effects::none()
                };
            }
            Reply::ChatSearch {
                chat,
                query,
                result,
            } => match result {
                Ok(hits) => self.console.chat_search_done(chat, query, hits),
                Err(e) => self.banner = Some(format!("Search failed: {e}")),
            },
            Reply::GlobalSearch { query, result } => self
                .console
                .global_search_done(query, result.map_err(|e| e.to_string())),
            Reply::Members { chat, result } => match result {
                Ok(added) => {
                    let event = crate::desk::Event::MembersChanged {
                        chat,
                        added,
                        removed: Vec::new(),
                    };
                    self.desk.apply(event, self.clock.now());
                    // Replies by colleagues seen before they were known as staff counted
                    // as customers' messages: re-read the waiting chats to set that right.
                    let waiting = crate::desk::ListFilter::new(crate::desk::Filter::Waiting);
                    let chats = self.desk.chat_ids(&waiting, 0..self.desk.len(&waiting));
                    return Effects::request(Request::Resync(chats));
                }
                Err(e) => {
                    self.banner = Some(format!("Could not read the duty group's members: {e}"))
                }
            },
            Reply::Resync(chats) => {
                use crate::desk::{Event, Message};
                fn message(e: &Event) -> Option<&Message> {
                    match e {
                        Event::HistoryMessage(m) | Event::MessageArrived(m) => Some(m),
                        _ => None,
                    }
                }
                let mut events = Vec::new();
                for (chat, mut replay) in chats {
                    replay.sort_by_key(|e| message(e).map(|m| m.id));
                    // A staff message once taken for a customer's is still pending itself (a
                    // reply answers only what came before it): forget it, then replay. A send
                    // still in flight is forgotten too and comes back in flight.
                    let ids = replay
                        .iter()
                        .filter_map(message)
                        .filter(|m| {
                            self.desk.role_of(m.sender, m.outgoing) == crate::desk::Role::Staff
                        })
                        .map(|m| m.id)
                        .collect();
                    events.push(Event::MessagesDeleted { chat, ids });
                    events.extend(replay);
                }
                let transitions = self.desk.apply_all(events, self.clock.now());
                return self.announce(&transitions);
            }
            Reply::Done { result: Ok(()), .. } => {}
            Reply::Done {
                what,
                result: Err(e),
            } => self.banner = Some(format!("{what} failed: {e}")),
        }
        Effects::none()
    }

    fn on_console(&mut self, msg: console::Msg) -> Effects {
        let ctx = Ctx {
            desk: &mut self.desk,
            now: self.clock.now(),
            link_previews: self.config.messages.link_previews,
            own: self.own_user,
            send_typing: self.config.messages.send_typing,
        };
        let out = self.console.update(msg, ctx);
        Effects {
            requests: out.requests,
            task: out
                .task
                .map_or_else(Task::none, |t| t.map(Message::Console)),
            key_read: None,
        }
    }

    fn on_settings(&mut self, msg: settings::Msg) -> Effects {
        let Screen::Settings(draft) = &mut self.screen else {
            return Effects::none();
        };
        // A navigation key moves the focus, or becomes the edit it makes (a toggle, a
        // choice, Save or Cancel), handled as if clicked.
        if let settings::Msg::Key(nav, field) = msg {
            let (edit, task) = draft.navigate(nav, field);
            let mut effects = edit.map_or_else(Effects::none, |m| self.on_settings(m));
            effects.task = Task::batch([effects.task, task.map(Message::Settings)]);
            return effects;
        }
        let save = matches!(msg, settings::Msg::Save);
        if !draft.edit(msg) {
            return Effects::none();
        }
        if !save {
            self.screen = Screen::Console;
            return Effects::none();
        }
        match draft.build(self.desk.settings()) {
            Ok((settings, config)) => {
                let group_changed =
                    settings.staff.duty_group != self.desk.settings().staff.duty_group;
                let transitions = self.desk.set_settings(settings.clone());
                // Whatever the picker shows when saved (a guess left as it was, "None") is
                // the admin's choice from now on: the demo floor stops guessing.
                self.duty_group_chosen = true;
                if let Some(store) = &mut self.store
                    && let Err(e) = store
                        .save_settings(&settings)
                        .and_then(|()| store.set_duty_group_chosen())
                {
                    self.banner = Some(format!("Settings apply now but were not saved: {e}"));
                }
                if config != self.config {
                    self.config = config;
                    if let Err(e) = self.config.save(&self.paths) {
                        self.banner = Some(format!("Settings apply now but were not saved: {e}"));
                    }
                    self.apply_theme();
                }
                self.screen = Screen::Console;
                let mut effects = self.announce(&transitions);
                if let Some(group) = settings.staff.duty_group.filter(|_| group_changed) {
                    effects.requests.push(Request::DutyMembers(group));
                }
                effects
            }
            Err(e) => {
                draft.error = Some(e);
                Effects::none()
            }
        }
    }

    /// Notifications for what the desk reports, as the config allows.
    fn announce(&mut self, transitions: &[Transition]) -> Effects {
        let n = &self.config.notifications;
        let now = self.clock.now();
        let settled = self.ready_at.is_some_and(|t| now - t >= SYNC_GRACE_SECS);
        if !n.enabled || !settled || transitions.is_empty() {
            return Effects::none();
        }
        let mut notes: Vec<(ChatId, String, String)> = Vec::new();
        for t in transitions {
            let (chat, summary) = match *t {
                Transition::CustomerMessage { chat, .. } if n.new_message && !self.focused => {
                    (chat, "New customer message")
                }
                Transition::TurnedRed { chat } if n.turned_red => {
                    (chat, "Customer waiting too long")
                }
                Transition::Breached { chat } if n.breach => (chat, "SLA breached"),
                _ => continue,
            };
            let Some(row) = self.desk.row(chat) else {
                continue;
            };
            if notes.iter().any(|(c, _, _)| *c == chat) {
                continue;
            }
            let body = if summary == "New customer message" {
                format!("{}: {}", row.title, row.preview)
            } else {
                row.title
            };
            notes.push((chat, summary.to_string(), body));
        }
        if self.notify_in_app {
            if let Some((_, summary, body)) = notes.first() {
                let more = match notes.len() - 1 {
                    0 => String::new(),
                    n => format!(" (and {n} more)"),
                };
                self.banner = Some(format!("{summary}: {body}{more}"));
            }
            return Effects::none();
        }
        if notes.len() > NOTIFY_BURST {
            let more = notes.len() - NOTIFY_BURST + 1;
            notes.truncate(NOTIFY_BURST - 1);
            notes.push((
                0,
                "DutyDesk".into(),
                format!("{more} more chats need attention"),
            ));
        }
        let tasks = notes.into_iter().map(|(chat, summary, body)| {
            Task::perform(notifications::show(chat, summary, body), Message::Notified)
        });
        Effects::task(Task::batch(tasks))
    }
}
