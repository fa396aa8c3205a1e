//! Logging in: the TDLib download when no library is found, the api_id/api_hash form, a
//! keyring that did not give the database key (passphrase, or Retry), then phone, code and
//! 2FA password, each with its error inline; or the demo floor.

use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use iced::widget::{Space, button, column, container, progress_bar, row, text, text_input};
use iced::{Alignment, Element, Length, Padding};

pub const API_ID: &str = "api-id";
pub const API_HASH: &str = "api-hash";
pub const PHONE: &str = "phone";
pub const CODE: &str = "code";
pub const PASSWORD: &str = "password";
pub const PASSPHRASE: &str = "passphrase";
/// Shown while the keyring is asked for the database key.
pub const CHECKING_KEYRING: &str = "Checking the keyring…";

#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// No libtdjson 1.8.61 was found; offer the download.
    NoLibrary(String),
    /// The user's own api_id / api_hash are needed (never shipped with the app).
    Credentials,
    /// No OS keyring: the database key comes from a passphrase.
    Passphrase(String),
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
pub enum Msg {
    ApiId(String),
    ApiHash(String),
    Passphrase(String),
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
}

pub struct Login {
    pub stage: Stage,
    pub api_id: String,
    pub api_hash: String,
    pub passphrase: String,
    pub phone: String,
    pub code: String,
    pub password: String,
    pub error: Option<String>,
    /// A request is in flight: the submit button waits.
    pub busy: bool,
    /// Bytes done / total of a running download.
    pub download: Option<(u64, u64)>,
}

impl Login {
    pub fn new(stage: Stage) -> Login {
        Login {
            stage,
            api_id: String::new(),
            api_hash: String::new(),
            passphrase: String::new(),
            phone: String::new(),
            code: String::new(),
            password: String::new(),
            error: None,
            busy: false,
            download: None,
        }
    }

    /// Edits the form; returns true when the message is not a field edit (the app acts).
    pub fn edit(&mut self, msg: &Msg) -> bool {
        match msg {
            Msg::ApiId(v) => self.api_id = v.trim().to_string(),
            Msg::ApiHash(v) => self.api_hash = v.trim().to_string(),
            Msg::Passphrase(v) => self.passphrase.clone_from(v),
            Msg::Phone(v) => self.phone.clone_from(v),
            Msg::Code(v) => self.code = v.trim().to_string(),
            Msg::Password(v) => self.password.clone_from(v),
            Msg::Progress(done, total) => self.download = Some((*done, *total)),
            _ => return true,
        }
        false
    }

    pub fn view(&self, demo_available: bool, p: Palette) -> Element<'_, Msg> {
        let field = |placeholder: &str,
                     value: &str,
                     id: &'static str,
                     on: fn(String) -> Msg,
                     secure: bool| {
            text_input(placeholder, value)
                .id(id)
                .secure(secure)
                .size(TEXT + 1.0)
                .padding(Padding::from([6, 10]))
                .style(style::input(p))
                .on_input(on)
                .on_submit(Msg::Submit)
        };
        // The form's button; it waits while a request (or a keyring read) is under way.
        let action = |label: &'static str, msg: Msg| {
            button(text(label).size(TEXT + 1.0))
                .padding(Padding::from([6, 18]))
                .style(style::primary(p))
                .on_press_maybe((!self.busy).then_some(msg))
        };
        let submit = |label: &'static str| action(label, Msg::Submit);
        let mut form = column![].spacing(10).width(360);
        let (title, hint): (&str, String) = match &self.stage {
            Stage::NoLibrary(why) => ("TDLib is needed", why.clone()),
            Stage::Credentials => (
                "Your Telegram API key",
                "Create an application on my.telegram.org and paste its api_id and api_hash. They stay in your config file.".into(),
            ),
            Stage::Passphrase(why) => ("Choose a database passphrase", why.clone()),
            Stage::KeyringLocked(why) => (
                "Your keyring is locked",
                format!(
                    "DutyDesk keeps the key of your Telegram database in the OS keyring, and \
                     the keyring did not open ({why}). Unlock it in your keyring app (e.g. \
                     Seahorse, Keychain Access or Credential Manager), then press Retry. A \
                     passphrase would not help: it cannot open a database encrypted with the \
                     keyring's key."
                ),
            ),
            Stage::KeyDamaged { service, entry, reason, folder } => (
                "The database key in your keyring is damaged",
                format!(
                    "The keyring entry \"{entry}\" of service \"{service}\" does not hold a \
                     valid database key ({reason}). DutyDesk leaves it untouched: your \
                     Telegram database was encrypted with the key it held. Restore the entry \
                     if you have a backup of it. Or, to start this account afresh, delete the \
                     entry in your keyring app (e.g. Seahorse, Keychain Access or Credential \
                     Manager) and the folder {}: you will log in again and Telegram sends your \
                     chats anew. Then press Retry.",
                    folder.display()
                ),
            ),
            Stage::CheckingKeyring => (
                CHECKING_KEYRING,
                "If your keyring asks to be unlocked, answer its prompt.".into(),
            ),
            Stage::Starting => ("Starting Telegram…", String::new()),
            Stage::Phone => ("Log in to Telegram", "Your phone number, with the country code.".into()),
            Stage::Code { phone } => ("Enter the code", format!("Telegram sent a login code to {phone}.")),
            Stage::Password { hint } if hint.is_empty() => ("Two-step verification", "Your cloud password.".into()),
            Stage::Password { hint } => ("Two-step verification", format!("Your cloud password (hint: {hint}).")),
            Stage::Ready => ("Loading your chats…", String::new()),
        };
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
                        text(format!("{:.1} of {:.1} MB", mb(done), mb(total)))
                            .size(SMALL)
                            .color(p.muted),
                    );
                } else {
                    form = form.push(
                        button(text("Download TDLib 1.8.61").size(TEXT + 1.0))
                            .padding(Padding::from([6, 18]))
                            .style(style::primary(p))
                            .on_press(Msg::Download),
                    );
                }
            }
            Stage::Credentials => {
                form = form
                    .push(field("api_id", &self.api_id, API_ID, Msg::ApiId, false))
                    .push(field(
                        "api_hash",
                        &self.api_hash,
                        API_HASH,
                        Msg::ApiHash,
                        false,
                    ))
                    .push(submit("Continue"));
            }
            Stage::Passphrase(_) => {
                form = form
                    .push(field(
                        "Passphrase",
                        &self.passphrase,
                        PASSPHRASE,
                        Msg::Passphrase,
                        true,
                    ))
                    .push(submit("Continue"));
            }
            Stage::KeyringLocked(_) | Stage::KeyDamaged { .. } => {
                // While the keyring is asked again, Retry waits: a second press would stack
                // a second unlock prompt.
                form = form.push(action("Retry", Msg::Retry));
                if self.busy {
                    form = form.push(text(CHECKING_KEYRING).size(TEXT).color(p.muted));
                }
            }
            Stage::Phone => {
                form = form
                    .push(field(
                        "+1 555 010 0000",
                        &self.phone,
                        PHONE,
                        Msg::Phone,
                        false,
                    ))
                    .push(submit("Send code"));
            }
            Stage::Code { .. } => {
                form = form
                    .push(field("Code", &self.code, CODE, Msg::Code, false))
                    .push(submit("Log in"));
            }
            Stage::Password { .. } => {
                form = form
                    .push(field(
                        "Password",
                        &self.password,
                        PASSWORD,
                        Msg::Password,
                        true,
                    ))
                    .push(submit("Log in"));
            }
            Stage::CheckingKeyring | Stage::Starting | Stage::Ready => {}
        }
        if let Some(error) = &self.error {
            form = form.push(text(error.as_str()).size(TEXT).color(p.red));
        }
        if demo_available {
            form = form.push(Space::new().height(16)).push(
                row![
                    text("New to duty? Practise on a simulated floor.")
                        .size(SMALL)
                        .color(p.muted)
                        .width(Length::Fill),
                    button(text("Try the demo floor").size(TEXT))
                        .padding(Padding::from([5, 12]))
                        .style(style::outline(p))
                        .on_press(Msg::Demo),
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
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}
