//! The connection settings: TDLib's proxies (use one, connect directly, ping, edit,
//! remove) and a form to add one, filled by hand or from a pasted proxy link. Opened from
//! the login screen, the console's connection hint and Settings; shown over the screen it
//! was opened from, which keeps its state.
//!
//! What flows in: its widgets' messages, TDLib's replies (`Request`/`Reply`), the keyring's
//! answers (blocking work on `Secrets`), and from the app `Open` and `Apply` (a session
//! started: have TDLib use the config's `[proxy]`). What flows out: TDLib requests (they
//! apply to the running session at once), keyring writes, and `Event::Configured` with the
//! `[proxy]` section the app saves in the config (never a password or secret), `Notice`,
//! `Closed`.
//!
//! `status.rs` is the state line and hint the login screen and the console show.

mod form;
pub mod status;
mod view;

use std::collections::HashMap;
use std::sync::Arc;

use crate::proxy::link::{self, LinkError};
use crate::proxy::secret::{SecretError, Secrets};
use crate::proxy::{AddedProxy, Proxy, ProxyConfig, ProxyType, Secret};
use crate::telegram::{Session, TgError};
use crate::ui::effect::{Effects, telegram, work};
use crate::ui::feature::{Ctx, Feature, ViewCtx};
use i18n::t;
use iced::Element;
use iced::keyboard::{Key, Modifiers, key::Named};

pub use form::Form;
pub use status::Status;

pub const LINK: &str = "proxy-link";
pub const SERVER: &str = "proxy-server";
pub const PORT: &str = "proxy-port";
pub const USERNAME: &str = "proxy-username";
pub const PASSWORD: &str = "proxy-password";
pub const SECRET: &str = "proxy-secret";

#[derive(Debug, Clone)]
pub enum Message {
    /// From the app: the screen opens; TDLib's list is read.
    Open,
    Back,
    /// From the app: a session started; TDLib uses the config's `[proxy]`.
    Apply,
    Kind(ProxyType),
    Server(String),
    Port(String),
    Username(String),
    Password(String),
    Secret(String),
    /// A pasted link.
    Link(String),
    /// Empties the form for a new proxy.
    Clear,
    /// Adds (or edits) the form's proxy and uses it.
    Save,
    /// Pings the form's proxy.
    Ping,
    PingEntry(i32),
    Use(i32),
    Edit(i32),
    Remove(i32),
    /// Connects directly.
    Stop,
    Replied(Reply),
    /// The keyring kept (or failed to keep) the secret of a proxy now in use.
    Kept {
        proxy: Proxy,
        result: Result<(), SecretError>,
    },
    /// The keyring's answer for the config's proxy (`Apply`).
    SecretRead(Result<Option<Secret>, SecretError>),
    /// The keyring forgot a removed proxy's secret (or could not).
    Forgot(Result<(), SecretError>),
}

/// What the screen reports to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Closed,
    /// The `[proxy]` section the config must now hold (`None`: none).
    Configured(Option<ProxyConfig>),
    /// For the banner: the config's proxy could not be used.
    Notice(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    List,
    /// Adds the proxy, or edits TDLib's entry `id`, and uses it.
    Save {
        id: Option<i32>,
        proxy: Proxy,
    },
    Stop,
    Remove(i32),
    /// `entry`: the list's proxy pinged, `None` for the form's.
    Ping {
        entry: Option<i32>,
        proxy: Proxy,
    },
    /// The config's proxy at start: added (or found) and used.
    Apply(Proxy),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Listed(Result<Vec<AddedProxy>, TgError>),
    Saved(Result<AddedProxy, TgError>),
    Stopped(Result<(), TgError>),
    Removed {
        id: i32,
        result: Result<(), TgError>,
    },
    Pinged {
        entry: Option<i32>,
        result: Result<f64, TgError>,
    },
    Applied(Result<AddedProxy, TgError>),
}

impl telegram::Request for Request {
    type Reply = Reply;

    async fn perform(self, session: Session) -> Reply {
        match self {
            Request::List => Reply::Listed(session.proxies().await),
            Request::Save { id: None, proxy } => {
                Reply::Saved(session.add_proxy(&proxy, true).await)
            }
            Request::Save {
                id: Some(id),
                proxy,
            } => Reply::Saved(session.edit_proxy(id, &proxy, true).await),
            Request::Stop => Reply::Stopped(session.disable_proxy().await),
            Request::Remove(id) => Reply::Removed {
                id,
                result: session.remove_proxy(id).await,
            },
            Request::Ping { entry, proxy } => Reply::Pinged {
                entry,
                result: session.ping_proxy(Some(&proxy)).await,
            },
            Request::Apply(proxy) => Reply::Applied(session.add_proxy(&proxy, true).await),
        }
    }
}

/// A ping's outcome, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ping {
    Running,
    /// Milliseconds.
    Answered(u32),
    Failed(String),
}

pub struct Connection {
    open: bool,
    secrets: Arc<dyn Secrets>,
    proxies: Vec<AddedProxy>,
    form: Form,
    /// TDLib's entry the form edits; `None`: the form adds a proxy.
    editing: Option<i32>,
    link: String,
    /// What the pasted link gave: filled in, or what is wrong with it.
    link_note: Option<Result<(), String>>,
    ping: Option<Ping>,
    pings: HashMap<i32, Ping>,
    error: Option<String>,
    /// Under the error, in small type: the keyring library's own words.
    details: Option<String>,
    /// A save is under way: its button waits.
    busy: bool,
}

fn ask(request: Request) -> Effects<Message> {
    Effects::telegram(request, Message::Replied)
}

impl Feature for Connection {
    type Message = Message;
    type Event = Event;

    fn update(&mut self, message: Message, ctx: Ctx<'_>) -> (Effects<Message>, Option<Event>) {
        let effects = match message {
            Message::Open => {
                self.open = true;
                self.error = None;
                ask(Request::List)
            }
            Message::Back => {
                self.open = false;
                return (Effects::none(), Some(Event::Closed));
            }
            Message::Apply => return self.apply(ctx.config.proxy.as_ref()),
            Message::SecretRead(answer) => {
                return self.secret_read(ctx.config.proxy.as_ref(), answer);
            }
            Message::Kind(_)
            | Message::Server(_)
            | Message::Port(_)
            | Message::Username(_)
            | Message::Password(_)
            | Message::Secret(_)
            | Message::Link(_)
            | Message::Clear => {
                self.edit_form(message);
                Effects::none()
            }
            Message::Save => self.save(),
            Message::Ping => match self.form.proxy() {
                Ok(proxy) => {
                    self.ping = Some(Ping::Running);
                    ask(Request::Ping { entry: None, proxy })
                }
                Err(rule) => {
                    self.ping = Some(Ping::Failed(rule.to_string()));
                    Effects::none()
                }
            },
            Message::PingEntry(id) => match self.entry(id) {
                Some(added) => {
                    let proxy = added.proxy.clone();
                    self.pings.insert(id, Ping::Running);
                    ask(Request::Ping {
                        entry: Some(id),
                        proxy,
                    })
                }
                None => Effects::none(),
            },
            // Using an entry is saving it as it is: the same path to TDLib, keyring, config.
            Message::Use(id) => match self.entry(id) {
                Some(added) => {
                    let proxy = added.proxy.clone();
                    self.busy = true;
                    ask(Request::Save {
                        id: Some(id),
                        proxy,
                    })
                }
                None => Effects::none(),
            },
            Message::Edit(id) => {
                if let Some(added) = self.entry(id) {
                    self.form = Form::of(&added.proxy);
                    self.editing = Some(id);
                    self.ping = None;
                    self.error = None;
                }
                Effects::none()
            }
            Message::Remove(id) => ask(Request::Remove(id)),
            Message::Stop => ask(Request::Stop),
            Message::Replied(reply) => return self.replied(reply, ctx.config.proxy.as_ref()),
            // TDLib uses the proxy either way (and keeps it across restarts); the config
            // names it only once the keyring holds its secret, or a restart would apply
            // it without one.
            Message::Kept { proxy, result } => {
                self.busy = false;
                let event = match result {
                    Ok(()) => {
                        // Saved: the link it came from has served.
                        self.link.clear();
                        self.link_note = None;
                        Some(Event::Configured(Some(ProxyConfig::of(&proxy, true))))
                    }
                    Err(e) => {
                        self.error = Some(t!("connection-not-kept"));
                        self.details = Some(e.reason);
                        None
                    }
                };
                return (ask(Request::List), event);
            }
            Message::Forgot(result) => {
                if let Err(e) = result {
                    self.error = Some(t!("connection-not-forgotten"));
                    self.details = Some(e.reason);
                }
                Effects::none()
            }
        };
        (effects, None)
    }

    fn view<'a>(&'a self, ctx: ViewCtx<'a>) -> Element<'a, Message> {
        view::view(self, ctx)
    }

    fn shortcut(&self, key: &Key, _modifiers: Modifiers) -> Option<Message> {
        (*key == Key::Named(Named::Escape)).then_some(Message::Back)
    }
}

impl Connection {
    /// `secrets`: where proxies' passwords and secrets are kept (the OS keyring in the app).
    pub fn new(secrets: Arc<dyn Secrets>) -> Connection {
        Connection {
            open: false,
            secrets,
            proxies: Vec::new(),
            form: Form::default(),
            editing: None,
            link: String::new(),
            link_note: None,
            ping: None,
            pings: HashMap::new(),
            error: None,
            details: None,
            busy: false,
        }
    }

    /// Whether the screen is shown (over the screen it was opened from).
    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn set_secrets(&mut self, secrets: Arc<dyn Secrets>) {
        self.secrets = secrets;
    }

    /// TDLib's proxies, as last read.
    pub fn proxies(&self) -> &[AddedProxy] {
        &self.proxies
    }

    pub fn form(&self) -> &Form {
        &self.form
    }

    /// The error under the form, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The form's last ping.
    pub fn ping(&self) -> Option<&Ping> {
        self.ping.as_ref()
    }

    fn entry(&self, id: i32) -> Option<&AddedProxy> {
        self.proxies.iter().find(|p| p.id == id)
    }

    fn edit_form(&mut self, message: Message) {
        let f = &mut self.form;
        match message {
            Message::Kind(kind) => f.kind = kind,
            Message::Server(v) => f.server = v,
            Message::Port(v) => f.port = v,
            Message::Username(v) => f.username = v,
            Message::Password(v) => f.password = v,
            Message::Secret(v) => f.secret = v,
            Message::Link(text) => {
                self.link_note = match link::parse(&text) {
                    Ok(proxy) => {
                        self.form = Form::of(&proxy);
                        self.editing = None;
                        Some(Ok(()))
                    }
                    Err(LinkError::NotAProxyLink) if text.trim().is_empty() => None,
                    Err(e) => Some(Err(e.to_string())),
                };
                self.link = text;
            }
            Message::Clear => {
                *f = Form::default();
                self.editing = None;
                self.link.clear();
                self.link_note = None;
            }
            _ => return,
        }
        self.ping = None;
        self.error = None;
        self.details = None;
    }

    fn save(&mut self) -> Effects<Message> {
        if self.busy {
            return Effects::none();
        }
        match self.form.proxy() {
            Ok(proxy) => {
                self.error = None;
                self.details = None;
                self.busy = true;
                ask(Request::Save {
                    id: self.editing,
                    proxy,
                })
            }
            Err(rule) => {
                self.error = Some(t!("connection-form-refused", problem = rule.to_string()));
                Effects::none()
            }
        }
    }

    fn replied(
        &mut self,
        reply: Reply,
        configured: Option<&ProxyConfig>,
    ) -> (Effects<Message>, Option<Event>) {
        let refused = |e: TgError| t!("connection-telegram-refused", error = e.message);
        match reply {
            Reply::Listed(Ok(list)) => self.proxies = list,
            Reply::Listed(Err(e)) => self.error = Some(refused(e)),
            // TDLib uses it now; the keyring keeps its secret (and forgets the one it had
            // under another name when an edit renamed it), then the config names it.
            Reply::Saved(Ok(added)) => {
                self.editing = Some(added.id);
                let before = self.entry(added.id).map(|p| p.proxy.keyring_entry());
                return (self.keep(added.proxy, before), None);
            }
            Reply::Saved(Err(e)) => {
                self.busy = false;
                self.error = Some(refused(e));
            }
            Reply::Stopped(Ok(())) => {
                let config = configured.cloned().map(|mut c| {
                    c.enabled = false;
                    c
                });
                return (
                    ask(Request::List),
                    config.map(|c| Event::Configured(Some(c))),
                );
            }
            Reply::Removed { id, result: Ok(()) } => {
                let removed = self.entry(id).map(|p| p.proxy.clone());
                self.pings.remove(&id);
                if self.editing == Some(id) {
                    self.editing = None;
                }
                let list = ask(Request::List);
                let configured = configured.is_some_and(|c| {
                    removed
                        .as_ref()
                        .is_some_and(|p| p.same_place(&c.proxy(Secret::default())))
                });
                if let (true, Some(proxy)) = (configured, removed) {
                    return (list.and(self.forget(proxy)), Some(Event::Configured(None)));
                }
                return (list, None);
            }
            Reply::Stopped(Err(e)) | Reply::Removed { result: Err(e), .. } => {
                self.error = Some(refused(e));
            }
            Reply::Applied(Ok(added)) => {
                if let Some(p) = self.proxies.iter_mut().find(|p| p.id == added.id) {
                    *p = added;
                }
            }
            Reply::Applied(Err(e)) => {
                let e = refused(e);
                return (
                    Effects::none(),
                    Some(Event::Notice(t!("connection-apply-failed", error = e))),
                );
            }
            Reply::Pinged { entry, result } => {
                let ping = match result {
                    Ok(seconds) => Ping::Answered((seconds * 1000.0).round() as u32),
                    Err(e) => Ping::Failed(e.message),
                };
                match entry {
                    Some(id) => {
                        self.pings.insert(id, ping);
                    }
                    None => self.ping = Some(ping),
                }
            }
        }
        (Effects::none(), None)
    }

    /// Keeps the secret of the proxy now in use in the keyring (blocking work).
    fn keep(&self, proxy: Proxy, before: Option<String>) -> Effects<Message> {
        let secrets = self.secrets.clone();
        let entry = proxy.keyring_entry();
        let lost = (proxy.clone(), entry.clone());
        let job = work::Job::new(
            "keep the proxy's secret in the keyring",
            move || {
                let mut result = secrets.set(&entry, proxy.secret());
                if let Some(old) = before.filter(|old| *old != entry) {
                    result = result.and(secrets.set(&old, &Secret::default()));
                }
                Message::Kept { proxy, result }
            },
            move |reason| Message::Kept {
                proxy: lost.0,
                result: Err(SecretError {
                    entry: lost.1,
                    reason,
                }),
            },
        );
        Effects::work(job)
    }

    fn forget(&self, proxy: Proxy) -> Effects<Message> {
        let secrets = self.secrets.clone();
        let entry = proxy.keyring_entry();
        let job = work::Job::new(
            "forget a removed proxy's secret",
            move || Message::Forgot(secrets.set(&entry, &Secret::default())),
            |e| {
                Message::Forgot(Err(SecretError {
                    entry: String::new(),
                    reason: e,
                }))
            },
        );
        Effects::work(job)
    }

    /// A session started: TDLib uses the config's proxy (its secret read from the keyring
    /// first), or connects directly if the config says `enabled = false`. TDLib keeps its
    /// list across restarts; adding a proxy it has is using its entry.
    fn apply(&mut self, configured: Option<&ProxyConfig>) -> (Effects<Message>, Option<Event>) {
        let Some(config) = configured else {
            return (Effects::none(), None);
        };
        if !config.enabled {
            return (ask(Request::Stop), None);
        }
        // A proxy without a user and no secret of its kind needs no keyring (which may
        // prompt to be unlocked).
        if config.proxy_type != ProxyType::Mtproto && config.username.is_empty() {
            return self.secret_read(configured, Ok(None));
        }
        let secrets = self.secrets.clone();
        let entry = config.keyring_entry();
        let job = work::Job::new(
            "read the proxy's secret from the keyring",
            move || Message::SecretRead(secrets.get(&entry)),
            |e| {
                Message::SecretRead(Err(SecretError {
                    entry: String::new(),
                    reason: e,
                }))
            },
        );
        (Effects::work(job), None)
    }

    fn secret_read(
        &mut self,
        configured: Option<&ProxyConfig>,
        answer: Result<Option<Secret>, SecretError>,
    ) -> (Effects<Message>, Option<Event>) {
        let Some(config) = configured else {
            return (Effects::none(), None);
        };
        let notice = |text: String| (Effects::none(), Some(Event::Notice(text)));
        let secret = match answer {
            Ok(secret) => secret.unwrap_or_default(),
            Err(e) => return notice(t!("connection-apply-failed", error = e.to_string())),
        };
        if config.proxy_type == ProxyType::Mtproto && secret.is_empty() {
            return notice(t!("connection-no-secret", entry = config.keyring_entry()));
        }
        (ask(Request::Apply(config.proxy(secret))), None)
    }
}
