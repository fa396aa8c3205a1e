//! Logging in: the TDLib download when no library is found, the api_id/api_hash form, a
//! keyring that did not give the database key (passphrase, or Retry), then phone, code and
//! 2FA password, each with its error inline; or the demo floor.
//!
//! The feature owns the form, its checks (api_id and api_hash are validated here) and the
//! Telegram login steps (phone, code, password: `Request`, answered as `Replied`). It tells
//! the app what only the app can do, starting the session: `Event::Credentials` (checked),
//! `Passphrase`, `Retry` (ask the keyring again), `Installed` (TDLib downloaded). The app
//! tells it which stage Telegram or start-up reached (`advance`, `keyring_asked`, …).

use crate::telegram::{Session, TgError};
use crate::ui::effect::{Effects, telegram};
use crate::ui::feature::{Ctx, Feature, ViewCtx};
use crate::ui::features::connection::{Status, status};
use crate::ui::start;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use i18n::t;
use iced::widget::{Space, button, column, container, progress_bar, row, text, text_input};
use iced::{Alignment, Element, Length, Padding, Task};

pub const API_ID: &str = "api-id";
pub const API_HASH: &str = "api-hash";
pub const PHONE: &str = "phone";
pub const CODE: &str = "code";
pub const PASSWORD: &str = "password";
pub use passphrase::{NoKeyring, PASSPHRASE, PASSPHRASE_REPEAT};

mod offer;
mod passphrase;
/// Shown while the keyring is asked for the database key.
pub fn checking_keyring() -> String {
    t!("login-checking-keyring")
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// No libtdjson 1.8.61 was found; offer the download.
    NoLibrary(String),
    /// The user's own api_id / api_hash are needed (never shipped with the app).
    Credentials,
    /// No OS keyring: the database key comes from a passphrase (typed twice when chosen).
    Passphrase(NoKeyring),
    /// The keyring is there but did not open (locked, or access refused): unlock it, then
    /// Retry. No passphrase is offered: it cannot open a database that was encrypted with
    /// the keyring's key.
    KeyringLocked(String),
    /// The account's keyring entry is not a valid key. Never overwritten, and no passphrase
    /// is offered for the account: its database was encrypted with the key the entry held.
    KeyDamaged {
        service: String,
        entry: String,
        reason: String,
        /// The account's Telegram database, to delete when starting afresh.
        folder: std::path::PathBuf,
    },
    /// The OS keyring is being asked for the database key (off the window's thread: it may
    /// be waiting for the user to answer its unlock prompt).
    CheckingKeyring,
    /// TDLib is starting; waiting for its first authorization state.
    Starting,
    Phone,
    Code {
        phone: String,
    },
    Password {
        hint: String,
    },
    Ready,
}

#[derive(Debug, Clone)]
pub enum Message {
    ApiId(String),
    ApiHash(String),
    Passphrase(String),
    PassphraseRepeat(String),
    /// Shows or hides the keyring library's own error under the explanation.
    PassphraseDetails,
    Phone(String),
    Code(String),
    Password(String),
    Submit,
    /// Asks the keyring again (after unlocking it, or repairing its entry).
    Retry,
    Demo,
    Download,
    Progress(u64, u64),
    Downloaded(Result<std::path::PathBuf, String>),
    /// Telegram's answer to a login step (`Request`).
    Replied(Result<(), TgError>),
    /// Opens the connection settings (proxies).
    ConnectionSettings,
    /// The phone step came: ask who the backend offers to log in as.
    AskOffer,
    Offered(crate::telegram::offer::Offer),
    /// Log in as the offered member with this phone.
    UseMember(String),
}

/// What the login screen reports to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The API key, checked: save it and start the session with it.
    Credentials(Credentials),
    /// The database passphrase typed where no keyring exists.
    Passphrase(String),
    /// Ask the keyring again.
    Retry,
    /// TDLib was downloaded: start again.
    Installed,
    ConnectionSettings,
}

/// The user's own API key from my.telegram.org (never shipped with the app).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub api_id: i32,
    pub api_hash: String,
}

impl Credentials {
    /// The key as typed, or what is wrong with it.
    pub fn parse(api_id: &str, api_hash: &str) -> Result<Credentials, String> {
        let Some(api_id) = api_id.parse::<i32>().ok().filter(|id| *id > 0) else {
            return Err(t!("login-api-id-invalid"));
        };
        if api_hash.len() != 32 || !api_hash.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(t!("login-api-hash-invalid"));
        }
        Ok(Credentials {
            api_id,
            api_hash: api_hash.to_string(),
        })
    }
}

/// The login steps the screen asks Telegram for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    SetPhone(String),
    CheckCode(String),
    CheckPassword(String),
}

impl telegram::Request for Request {
    /// A failed step is shown inline, on the same step.
    type Reply = Result<(), TgError>;

    async fn perform(self, session: Session) -> Self::Reply {
        match self {
            Request::SetPhone(phone) => session.set_phone(phone).await,
            Request::CheckCode(code) => session.check_code(code).await,
            Request::CheckPassword(password) => session.check_password(password).await,
        }
    }
}

pub struct Login {
    stage: Stage,
    api_id: String,
    api_hash: String,
    passphrase: passphrase::Form,
    phone: String,
    code: String,
    password: String,
    error: Option<String>,
    /// A request is in flight: the submit button waits.
    busy: bool,
    /// Bytes done / total of a running download.
    download: Option<(u64, u64)>,
    /// Who the backend offers to log in as (a team floor's free members).
    offer: crate::telegram::offer::Offer,
}

impl Feature for Login {
    type Message = Message;
    type Event = Event;

    fn update(&mut self, message: Message, ctx: Ctx<'_>) -> (Effects<Message>, Option<Event>) {
        match message {
            Message::ApiId(v) => self.api_id = v.trim().to_string(),
            Message::ApiHash(v) => self.api_hash = v.trim().to_string(),
            Message::Passphrase(v) => self.passphrase.passphrase = v,
            Message::PassphraseRepeat(v) => self.passphrase.repeat = v,
            Message::PassphraseDetails => {
                self.passphrase.details_open = !self.passphrase.details_open;
            }
            Message::Phone(v) => self.phone = v,
            Message::Code(v) => self.code = v.trim().to_string(),
            Message::Password(v) => self.password = v,
            Message::Progress(done, total) => self.download = Some((done, total)),
            Message::Submit if !self.busy => return self.submit(),
            Message::Submit => {}
            // Asks the keyring again (a desktop keyring shows its unlock prompt again); the
            // app ignores it while a read is under way.
            Message::Retry => return (Effects::none(), Some(Event::Retry)),
            Message::Demo => {
                if let Err(e) = start::launch_demo() {
                    self.error = Some(t!("login-demo-failed", error = e));
                }
            }
            Message::Download => {
                self.download = Some((0, 0));
                return (Effects::task(download(ctx.paths.tdlib_dir.clone())), None);
            }
            Message::Downloaded(Ok(_)) => {
                self.download = None;
                return (Effects::none(), Some(Event::Installed));
            }
            Message::Downloaded(Err(e)) => {
                self.download = None;
                self.error = Some(t!("login-download-failed", error = e));
            }
            Message::ConnectionSettings => {
                return (Effects::none(), Some(Event::ConnectionSettings));
            }
            Message::Replied(Ok(())) => {}
            Message::Replied(Err(e)) => self.fail(e.message),
            Message::AskOffer => return (offer::ask(std::time::Duration::ZERO), None),
            Message::Offered(o) => {
                let again = offer::again(&o, self.stage == Stage::Phone);
                // An unanswered ask (the floor gone a moment) keeps the list shown.
                if o.answered {
                    self.offer = o;
                }
                return (again, None);
            }
            Message::UseMember(phone) if self.stage == Stage::Phone && !self.busy => {
                self.phone = phone;
                return self.submit();
            }
            Message::UseMember(_) => {}
        }
        (Effects::none(), None)
    }

    fn view<'a>(&'a self, ctx: ViewCtx<'a>) -> Element<'a, Message> {
        let link = Link {
            status: ctx.connection,
            now: ctx.now,
        };
        self.form(true, link, ctx.palette)
    }
}

impl Login {
    pub fn new(stage: Stage) -> Login {
        Login {
            stage,
            api_id: String::new(),
            api_hash: String::new(),
            passphrase: passphrase::Form::default(),
            phone: String::new(),
            code: String::new(),
            password: String::new(),
            error: None,
            busy: false,
            download: None,
            offer: Default::default(),
        }
    }

    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// The error shown under the form, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Shows `stage`; the button no longer waits.
    pub fn show(&mut self, stage: Stage) {
        self.stage = stage;
        self.busy = false;
    }

    /// Telegram asks for a step: an error from an earlier step goes.
    pub fn advance(&mut self, stage: Stage) {
        if self.stage != stage {
            self.error = None;
        }
        self.show(stage);
    }

    /// A step failed: the error is shown, the button can be pressed again.
    pub fn fail(&mut self, error: String) {
        self.error = Some(error);
        self.busy = false;
    }

    /// The keyring is being asked. On Retry the explanation stays and its button waits
    /// (a second press would stack a second unlock prompt); otherwise the screen says so.
    pub fn keyring_asked(&mut self) {
        if matches!(
            self.stage,
            Stage::KeyringLocked(_) | Stage::KeyDamaged { .. }
        ) {
            self.busy = true;
            self.error = None;
        } else {
            self.show(Stage::CheckingKeyring);
        }
    }

    /// The keyring answered with what leads to `stage`. An unchanged screen says the
    /// keyring was asked again, or Retry would look dead.
    pub fn keyring_answered(&mut self, stage: Stage) {
        let same = self.stage == stage;
        self.show(stage);
        self.error = same.then(|| t!("login-keyring-same-answer"));
    }

    fn submit(&mut self) -> (Effects<Message>, Option<Event>) {
        self.error = None;
        let request = match &self.stage {
            Stage::Credentials => {
                return match Credentials::parse(&self.api_id, &self.api_hash) {
                    Ok(credentials) => (Effects::none(), Some(Event::Credentials(credentials))),
                    Err(e) => {
                        self.error = Some(e);
                        (Effects::none(), None)
                    }
                };
            }
            Stage::Passphrase(why) => {
                // A refused passphrase stays typed: the admin corrects it.
                return match self.passphrase.check(why) {
                    Ok(passphrase) => (Effects::none(), Some(Event::Passphrase(passphrase))),
                    Err(refused) => {
                        self.error = Some(refused.say());
                        (Effects::none(), None)
                    }
                };
            }
            Stage::Phone if !self.phone.trim().is_empty() => {
                Request::SetPhone(self.phone.trim().to_string())
            }
            Stage::Code { .. } if !self.code.is_empty() => Request::CheckCode(self.code.clone()),
            Stage::Password { .. } if !self.password.is_empty() => {
                Request::CheckPassword(self.password.clone())
            }
            _ => return (Effects::none(), None),
        };
        self.busy = true;
        (Effects::telegram(request, Message::Replied), None)
    }

    fn form(&self, demo_available: bool, link: Link, p: Palette) -> Element<'_, Message> {
        let field = |placeholder: String,
                     value: &str,
                     id: &'static str,
                     on: fn(String) -> Message,
                     secure: bool| {
            text_input(&placeholder, value)
                .id(id)
                .secure(secure)
                .size(TEXT + 1.0)
                .padding(Padding::from([6, 10]))
                .style(style::input(p))
                .on_input(on)
                .on_submit(Message::Submit)
        };
        // The form's button; it waits while a request (or a keyring read) is under way.
        let action = |label: String, msg: Message| {
            button(text(label).size(TEXT + 1.0))
                .padding(Padding::from([6, 18]))
                .style(style::primary(p))
                .on_press_maybe((!self.busy).then_some(msg))
        };
        let submit = |label: String| action(label, Message::Submit);
        if let Stage::Passphrase(why) = &self.stage {
            let mut form = self.passphrase.view(why, self.busy, p).width(360);
            if let Some(error) = &self.error {
                form = form.push(text(error.as_str()).size(TEXT).color(p.red));
            }
            form = form.push(self.passphrase.details(why, p));
            return self.card(form, demo_available, link, p);
        }
        let mut form = column![].spacing(10).width(360);
        let (title, hint) = self.explanation();
        form = form.push(text(title).size(20));
        if !hint.is_empty() {
            form = form.push(text(hint).size(TEXT).color(p.muted));
        }
        match &self.stage {
            Stage::NoLibrary(_) => {
                if let Some((done, total)) = self.download {
                    let fraction = if total > 0 {
                        done as f32 / total as f32
                    } else {
                        0.0
                    };
                    form = form.push(progress_bar(0.0..=1.0, fraction).girth(8));
                    form = form.push(
                        text(t!(
                            "login-download-progress",
                            done = mb(done),
                            total = mb(total)
                        ))
                        .size(SMALL)
                        .color(p.muted),
                    );
                } else {
                    form = form.push(
                        button(
                            text(t!(
                                "login-download",
                                version = crate::telegram::native::TDLIB_VERSION
                            ))
                            .size(TEXT + 1.0),
                        )
                        .padding(Padding::from([6, 18]))
                        .style(style::primary(p))
                        .on_press(Message::Download),
                    );
                }
            }
            Stage::Credentials => {
                form = form
                    .push(field(
                        "api_id".into(),
                        &self.api_id,
                        API_ID,
                        Message::ApiId,
                        false,
                    ))
                    .push(field(
                        "api_hash".into(),
                        &self.api_hash,
                        API_HASH,
                        Message::ApiHash,
                        false,
                    ))
                    .push(submit(t!("login-continue")));
            }
            Stage::KeyringLocked(_) | Stage::KeyDamaged { .. } => {
                // While the keyring is asked again, Retry waits: a second press would stack
                // a second unlock prompt.
                form = form.push(action(t!("login-retry"), Message::Retry));
                if self.busy {
                    form = form.push(text(checking_keyring()).size(TEXT).color(p.muted));
                }
            }
            Stage::Phone => {
                form = form
                    .push(field(
                        "+1 555 010 0000".into(),
                        &self.phone,
                        PHONE,
                        Message::Phone,
                        false,
                    ))
                    .push(submit(t!("login-send-code")));
                if let Some(members) = offer::members(&self.offer, p) {
                    form = form.push(members);
                }
            }
            Stage::Code { .. } => {
                form = form
                    .push(field(
                        t!("login-code-placeholder"),
                        &self.code,
                        CODE,
                        Message::Code,
                        false,
                    ))
                    .push(submit(t!("login-log-in")));
                if let Some(hint) = offer::code_hint(&self.offer, p) {
                    form = form.push(hint);
                }
            }
            Stage::Password { .. } => {
                form = form
                    .push(field(
                        t!("login-password-placeholder"),
                        &self.password,
                        PASSWORD,
                        Message::Password,
                        true,
                    ))
                    .push(submit(t!("login-log-in")));
            }
            Stage::CheckingKeyring | Stage::Starting | Stage::Ready | Stage::Passphrase(_) => {}
        }
        if let Some(error) = &self.error {
            form = form.push(text(error.as_str()).size(TEXT).color(p.red));
        }
        self.card(form, demo_available, link, p)
    }

    /// The form in its card, centred, with the demo floor offered under it.
    fn card<'a>(
        &'a self,
        mut form: iced::widget::Column<'a, Message>,
        demo_available: bool,
        link: Link,
        p: Palette,
    ) -> Element<'a, Message> {
        // TDLib reports its connection once the session runs: from then on the screen says
        // how it is going (a login step waits for it) and offers the proxy settings, from
        // the start (the hint repeats the button when it comes).
        if let Some(state) = status::view(link.status, link.now, p, Message::ConnectionSettings) {
            form = form.push(state);
        }
        if link.status.is_some_and(|s| s.hint(link.now).is_none()) {
            form = form.push(status::settings_button(p, Message::ConnectionSettings));
        }
        if demo_available {
            form = form.push(Space::new().height(16)).push(
                row![
                    text(t!("login-demo-invitation"))
                        .size(SMALL)
                        .color(p.muted)
                        .width(Length::Fill),
                    button(text(t!("login-demo-button")).size(TEXT))
                        .padding(Padding::from([5, 12]))
                        .style(style::outline(p))
                        .on_press(Message::Demo),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        container(
            container(form)
                .padding(28)
                .style(style::card(p.surface, p.border)),
        )
        .center(Length::Fill)
        .style(style::window(p))
        .into()
    }

    /// The stage's title and the explanation under it (empty when the title says it all).
    fn explanation(&self) -> (String, String) {
        match &self.stage {
            Stage::NoLibrary(why) => (t!("login-tdlib-needed"), why.clone()),
            Stage::Credentials => (t!("login-credentials-title"), t!("login-credentials-hint")),
            // Drawn by the passphrase step (`passphrase.rs`).
            Stage::Passphrase(_) => (String::new(), String::new()),
            Stage::KeyringLocked(why) => (
                t!("login-keyring-locked-title"),
                t!("login-keyring-locked-hint", reason = why.as_str()),
            ),
            Stage::KeyDamaged {
                service,
                entry,
                reason,
                folder,
            } => (
                t!("login-key-damaged-title"),
                t!(
                    "login-key-damaged-hint",
                    entry = entry.as_str(),
                    service = service.as_str(),
                    reason = reason.as_str(),
                    folder = folder.display().to_string()
                ),
            ),
            Stage::CheckingKeyring => (checking_keyring(), t!("login-checking-keyring-hint")),
            Stage::Starting => (t!("login-starting"), String::new()),
            Stage::Phone => (t!("login-phone-title"), t!("login-phone-hint")),
            Stage::Code { phone } => (
                t!("login-code-title"),
                t!("login-code-hint", phone = phone.as_str()),
            ),
            Stage::Password { hint } if hint.is_empty() => {
                (t!("login-password-title"), t!("login-password-hint"))
            }
            Stage::Password { hint } => (
                t!("login-password-title"),
                t!("login-password-hint-with", hint = hint.as_str()),
            ),
            Stage::Ready => (t!("login-loading-chats"), String::new()),
        }
    }
}

/// The connection as the login screen shows it.
#[derive(Clone, Copy)]
struct Link {
    status: Option<Status>,
    now: crate::desk::UnixTime,
}

/// Megabytes to one decimal, as the progress line shows them.
fn mb(bytes: u64) -> f64 {
    (bytes as f64 / 1_048_576.0 * 10.0).round() / 10.0
}

/// Downloads TDLib on a worker thread, reporting progress as messages.
fn download(dir: std::path::PathBuf) -> Task<Message> {
    use iced::futures::StreamExt;
    use iced::futures::channel::mpsc;
    let (tx, rx) = mpsc::unbounded();
    let progress = tx.clone();
    std::thread::spawn(move || {
        let result = crate::telegram::fetch::fetch_tdlib(&dir, |done, total| {
            let _ = progress.unbounded_send(Message::Progress(done, total));
        });
        let _ = tx.unbounded_send(Message::Downloaded(result.map_err(|e| e.to_string())));
    });
    Task::run(rx.boxed(), std::convert::identity)
}
