//! The link to Telegram: starting the session (the keyring, a passphrase), Telegram's
//! batches into the desk and the features, the authorization states into the login
//! screen, and the link's own requests: who we are and the chat list once logged in
//! (`Bootstrap`), the duty group's members with their standing (then the team feature
//! catches the group's history up), and re-reading waiting chats once they are known
//! (`Resync`, replayed by `Desk::resync`).

use super::{App, Message, Screen, duty_guess};
use crate::desk::{ChatId, Event, MemberStatus, UserId};
use crate::telegram::{AuthState, Session, TgError, TgEvent};
use crate::ui::effect::{Effects, telegram};
use crate::ui::features::connection::{self, Status};
use crate::ui::features::console;
use crate::ui::features::login::Stage;
use crate::ui::features::settings;
use crate::ui::start::{self, Begun, Inputs};
use i18n::t;

/// Messages re-read per waiting chat when staff become known.
const RESYNC_DEPTH: i32 = 20;

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// After login: who we are and the whole main list.
    Bootstrap,
    DutyMembers(ChatId),
    /// Re-reads waiting chats' recent messages after staff became known, so replies that
    /// were taken for a customer's count as staff's.
    Resync(Vec<ChatId>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Bootstrapped {
        me: Result<i64, TgError>,
        chats: Result<(), TgError>,
    },
    Members {
        chat: ChatId,
        result: Result<Vec<(UserId, MemberStatus)>, TgError>,
    },
    /// Each chat's recent messages as desk events (`translate::redelivered`: a send still
    /// pending stays in flight); chats whose history failed to load are left out.
    Resync(Vec<(ChatId, Vec<Event>)>),
}

impl telegram::Request for Request {
    type Reply = Reply;

    async fn perform(self, session: Session) -> Reply {
        match self {
            Request::Bootstrap => {
                let me = session.me().await;
                let chats = session.load_all_chats().await;
                Reply::Bootstrapped { me, chats }
            }
            Request::DutyMembers(chat) => Reply::Members {
                chat,
                result: session.duty_members(chat).await,
            },
            Request::Resync(chats) => {
                // One chat at a time: thousands of histories in flight at once would all
                // be parsed and held together.
                let mut out = Vec::with_capacity(chats.len());
                for chat in chats {
                    if let Ok(events) = session.load_history_events(chat, 0, RESYNC_DEPTH).await {
                        out.push((chat, events));
                    }
                }
                Reply::Resync(out)
            }
        }
    }
}

fn ask(request: Request) -> Effects<Message> {
    Effects::telegram(request, Message::Link)
}

/// Fetches the duty group's members with their standing (they count as staff, and are who
/// acts in the team).
pub(super) fn duty_members(group: ChatId) -> Effects<Message> {
    ask(Request::DutyMembers(group))
}

impl App {
    /// Tries to start the session; on failure the login screen shows the stage needed.
    /// When the key must come from the keyring, returns the read for the caller to run off
    /// the window's thread (a `work::Job`; tests run it by hand) and hand back as
    /// `Message::KeyRead`. Nothing while a read is already under way.
    #[must_use]
    pub fn start_session(&mut self, passphrase: Option<&str>) -> Option<start::KeyRead> {
        if self.link.key_pending.is_some() {
            return None;
        }
        let inputs = Inputs {
            demo: self.shell.demo,
            config: &self.shell.config,
            paths: &self.shell.paths,
            passphrase,
            keyring: self.link.keyring.as_ref(),
        };
        match start::begin(inputs) {
            Begun::Session(session) => {
                self.link.session = Some(session);
                self.set_stage(Stage::Starting);
            }
            Begun::Stage(stage) => self.set_stage(stage),
            Begun::Keyring(read, plan) => {
                self.link.key_pending = Some(plan);
                match &mut self.screen {
                    Screen::Login(login) => login.keyring_asked(),
                    _ => self.set_stage(Stage::CheckingKeyring),
                }
                return Some(read);
            }
        }
        None
    }

    /// The keyring's answer to the read `start_session` began: the session starts, or the
    /// login screen shows why not. An answer nobody waits for is dropped.
    pub(super) fn key_answered(&mut self, answer: start::KeyAnswer) {
        let Some(plan) = self.link.key_pending.take() else {
            return;
        };
        match start::finish(plan, answer) {
            Ok(session) => {
                self.link.session = Some(session);
                self.set_stage(Stage::Starting);
            }
            Err(stage) => match &mut self.screen {
                Screen::Login(login) => login.keyring_answered(stage),
                _ => self.set_stage(stage),
            },
        }
    }

    /// One batch of Telegram's events: into the desk (and the open chat), the login
    /// screen, the console's sends; what changed is announced once for the batch.
    pub(super) fn on_telegram(&mut self, batch: Vec<TgEvent>) -> Effects<Message> {
        let mut effects = Effects::none();
        let mut transitions = Vec::new();
        // Whether the settings pickers' candidates (group chats, folders) may have changed.
        let mut names_changed = false;
        for event in batch {
            match event {
                TgEvent::Clock(unix) => self.core.clock.set(unix),
                TgEvent::Desk(event) => {
                    names_changed |= settings::changes_candidates(&event);
                    let core = &mut self.core;
                    let chosen = core.duty_group_chosen;
                    if let Some(group) =
                        duty_guess::guess(&mut core.desk, &event, self.shell.demo, chosen)
                    {
                        effects = effects.and(self.duty_group_changed(group));
                    }
                    let shown = self.masked_event(&event);
                    self.console.observe(&shown);
                    let group = self.core.desk.settings().staff.duty_group;
                    if let Some(message) = self.team.feature.observe(&event, group) {
                        effects = effects.and(self.route_team(message));
                    }
                    let now = self.core.clock.now();
                    self.core.desk.apply_into(event, now, &mut transitions);
                }
                TgEvent::Auth(state) => {
                    // The session's first report: TDLib takes the config's proxy now, so
                    // that the login itself goes through it.
                    if !self.link.proxy_applied {
                        self.link.proxy_applied = true;
                        effects = effects.and(self.route_connection(connection::Message::Apply));
                    }
                    effects = effects.and(self.on_auth(state));
                }
                TgEvent::Connection(state) => {
                    let now = self.core.clock.now();
                    self.link.connection = Some(Status::next(self.link.connection, state, now));
                    effects = effects
                        .and(self.connection_changed(state))
                        .and(self.backfill_connection(state));
                }
                // The console saw it as the desk's MessageIdChanged, in the same stream.
                TgEvent::SendSucceeded { .. } => {}
                TgEvent::SendFailed {
                    chat,
                    temp_id,
                    error,
                } => {
                    let failed = console::Message::SendFailed {
                        chat,
                        temp_id,
                        error,
                    };
                    effects = effects.and(self.route_console(failed));
                }
                TgEvent::Error(e) => match &mut self.screen {
                    Screen::Login(login) => login.fail(e.to_string()),
                    _ => {
                        self.notices.banner = Some(t!("app-telegram-error", error = e.to_string()))
                    }
                },
            }
        }
        // Settings open while chats load (a big account's first minutes): the pickers
        // offer what arrived without the admin reopening the screen.
        if names_changed && matches!(self.screen, Screen::Settings(_)) {
            effects = effects.and(self.route_settings(settings::Message::ChatsChanged));
        }
        self.toolkit_error_to_banner();
        effects
            .and(self.announce(&transitions))
            .and(self.backfill_ready())
    }

    fn on_auth(&mut self, state: AuthState) -> Effects<Message> {
        let stage = match state {
            AuthState::WaitParameters => Stage::Starting,
            AuthState::WaitPhoneNumber => Stage::Phone,
            AuthState::WaitCode { phone } => Stage::Code { phone },
            AuthState::WaitPassword { hint } => Stage::Password { hint },
            AuthState::Ready => {
                if matches!(self.screen, Screen::Login(_)) {
                    self.screen = Screen::Console;
                }
                self.link.ready_at = Some(self.core.clock.now());
                let effects = ask(Request::Bootstrap);
                return match self.core.desk.settings().staff.duty_group {
                    Some(group) => effects.and(duty_members(group)),
                    None => effects,
                };
            }
            AuthState::LoggingOut | AuthState::Closing => Stage::Starting,
            AuthState::Closed => Stage::NoLibrary(t!("app-session-closed")),
            AuthState::Other(name) => Stage::NoLibrary(t!("app-unknown-step", step = name)),
        };
        let phone_step = stage == Stage::Phone;
        match &mut self.screen {
            Screen::Login(login) => login.advance(stage),
            _ => self.set_stage(stage),
        }
        if phone_step {
            // Who the backend offers to log in as (a team floor's free members).
            return self.route_login(crate::ui::features::login::Message::AskOffer);
        }
        Effects::none()
    }

    pub(super) fn on_link_reply(&mut self, reply: Reply) -> Effects<Message> {
        let now = self.core.clock.now();
        match reply {
            Reply::Bootstrapped { me, chats } => {
                if let Err(e) = chats {
                    self.notices.banner = Some(t!("app-chats-failed", error = e.to_string()));
                }
                match me {
                    Ok(user) => {
                        self.link.own_user = Some(user);
                        let transitions = self.core.desk.apply(Event::OwnUser { user }, now);
                        let backfill = self.backfill_chats_known();
                        return self.announce(&transitions).and(backfill);
                    }
                    Err(e) => {
                        self.notices.banner = Some(t!("app-account-failed", error = e.to_string()))
                    }
                }
            }
            Reply::Members {
                chat,
                result: Ok(members),
            } => {
                let event = Event::DutyGroupMembers {
                    chat,
                    members,
                    complete: true,
                };
                self.core.desk.apply(event, now);
                // Replies by colleagues seen before they were known as staff counted as
                // customers' messages: re-read the waiting chats to set that right. The
                // team's messages since the checkpoint can be checked now too, and the
                // backfill knows who is staff.
                return ask(Request::Resync(self.core.desk.waiting_chats()))
                    .and(self.catch_up_team())
                    .and(self.backfill_staff_known());
            }
            Reply::Members { result: Err(e), .. } => {
                self.notices.banner = Some(t!("app-duty-members-failed", error = e.to_string()))
            }
            Reply::Resync(chats) => {
                let transitions = self.core.desk.resync(chats, now);
                return self.announce(&transitions);
            }
        }
        Effects::none()
    }
}
