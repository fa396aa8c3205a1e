//! Settings → Task trackers: add, edit and remove the `[[trackers]]` entries (name, kind,
//! address, mode, default project; the account e-mail or webhook user where the kind needs
//! one, the address template of a generic tracker), store an API token in the OS keyring,
//! and Check a tracker with read-only calls. Keys the editor does not show (per-chat
//! projects, assignee, issue type) stay as the config file has them; per-chat projects are
//! remembered from use, in the store.
//!
//! In: the config's trackers when the screen opens, the editor's edits, the keyring's and
//! the tracker's answers. Out: the trackers for Save (checked as the config file is, each
//! problem naming the tracker and the key), token writes as blocking work on the token
//! store (never in the config, never in a message: the typed token is cleared once stored),
//! a tracker call for Check, and at Save the tokens of removed or renamed trackers forgotten
//! or moved.

use i18n::t;
use iced::widget::{Id, button, column, container, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length, Padding};
use tracker::{Mode, TrackerConfig, TrackerKind};

use crate::tokens::{TokenError, Tokens};
use crate::ui::effect::tracker::{self as calls, Answer};
use crate::ui::effect::{Effects, work};
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, BOLD, SMALL, TEXT};

#[derive(Debug, Clone)]
pub enum Message {
    Add,
    Remove(usize),
    Name(usize, String),
    Kind(usize, KindChoice),
    BaseUrl(usize, String),
    Mode(usize, ModeChoice),
    Project(usize, String),
    User(usize, String),
    Template(usize, String),
    Token(usize, String),
    StoreToken(usize),
    TokenStored {
        index: usize,
        entry: String,
        result: Result<(), TokenError>,
    },
    Check(usize),
    Checked {
        index: usize,
        answer: Answer,
    },
    /// Save's keyring work is done (best effort; the screen may be closed by then).
    TokensKept,
}

/// A kind in the pick list, shown by its product name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindChoice(pub TrackerKind);

impl std::fmt::Display for KindChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.label())
    }
}

/// A mode in the pick list, in the admin's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModeChoice(pub Mode);

impl std::fmt::Display for ModeChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Mode::Browser => t!("tasks-setup-mode-browser"),
            Mode::Api => t!("tasks-setup-mode-api"),
        })
    }
}

/// One tracker as edited.
#[derive(Debug, Clone)]
struct Entry {
    /// Its name when the screen opened (`None`: added here).
    original: Option<String>,
    /// The config entry it started from: the keys not edited here come from it.
    base: TrackerConfig,
    name: String,
    kind: TrackerKind,
    base_url: String,
    mode: Mode,
    project: String,
    user: String,
    template: String,
    /// A token typed and not yet stored; cleared once in the keyring.
    token: String,
    /// What the last Store or Check said, and whether it went wrong.
    note: Option<(String, bool)>,
}

impl Entry {
    fn from_config(t: &TrackerConfig) -> Entry {
        Entry {
            original: Some(t.name.clone()),
            base: t.clone(),
            name: t.name.clone(),
            kind: t.kind,
            base_url: t.base_url.clone(),
            mode: t.mode(),
            project: t.default_project.clone().unwrap_or_default(),
            user: t.user.clone().unwrap_or_default(),
            template: t.template.clone().unwrap_or_default(),
            token: String::new(),
            note: None,
        }
    }

    /// The config entry this describes.
    fn config(&self) -> TrackerConfig {
        let filled = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let mut c = self.base.clone();
        c.name = self.name.trim().to_string();
        c.kind = self.kind;
        c.base_url = self.base_url.trim().to_string();
        c.mode = Some(self.mode);
        c.default_project = filled(&self.project);
        c.user = filled(&self.user);
        c.template = filled(&self.template);
        c
    }

    /// The config entry, or what is wrong with it (naming the tracker and the key).
    fn checked(&self, number: usize) -> Result<TrackerConfig, String> {
        let c = self.config();
        c.validate().map_err(|p| {
            t!(
                "tasks-setup-invalid",
                number = number,
                name = c.name.as_str(),
                problem = p.to_string()
            )
        })?;
        Ok(c)
    }

    fn needs_user(&self) -> bool {
        self.kind == TrackerKind::Bitrix24
            || (self.kind == TrackerKind::JiraCloud && self.mode == Mode::Api)
    }
}

/// The editor: the trackers as edited, and where tokens go.
#[derive(Clone, Default)]
pub struct Editor {
    entries: Vec<Entry>,
    /// The names of the trackers when the screen opened.
    opened_with: Vec<String>,
    /// The OS keyring (or its stand-in); `None` where the screen was opened without one.
    tokens: Option<Tokens>,
}

impl std::fmt::Debug for Editor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Editor")
            .field("entries", &self.entries)
            .finish_non_exhaustive()
    }
}

/// A token to forget or move when the settings are saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenChange {
    Forget(String),
    Move { from: String, to: String },
}

impl Editor {
    pub fn new(trackers: &[TrackerConfig]) -> Editor {
        Editor {
            entries: trackers.iter().map(Entry::from_config).collect(),
            opened_with: trackers.iter().map(|t| t.name.clone()).collect(),
            tokens: None,
        }
    }

    /// Where Store puts tokens.
    pub fn set_tokens(&mut self, tokens: Tokens) {
        self.tokens = Some(tokens);
    }

    /// Whether `id` is one of the editor's text fields (they keep their keys to themselves).
    pub fn owns(&self, id: &Id) -> bool {
        (0..self.entries.len()).any(|i| {
            FIELDS
                .iter()
                .any(|field| Id::from(field_id(i, field)) == *id)
        })
    }

    /// The trackers for the config, or the first problem.
    pub fn build(&self) -> Result<Vec<TrackerConfig>, String> {
        let mut built: Vec<TrackerConfig> = Vec::with_capacity(self.entries.len());
        for (i, entry) in self.entries.iter().enumerate() {
            let c = entry.checked(i + 1)?;
            if built
                .iter()
                .any(|o| o.name.trim().eq_ignore_ascii_case(c.name.trim()))
            {
                return Err(t!(
                    "tasks-setup-name-taken",
                    number = i + 1,
                    name = c.name.as_str()
                ));
            }
            built.push(c);
        }
        Ok(built)
    }

    /// What Save does to the keyring: the tokens of removed trackers forgotten, those of
    /// renamed ones moved to the new name.
    pub fn token_changes(&self) -> Vec<TokenChange> {
        let mut changes = Vec::new();
        for old in &self.opened_with {
            match self
                .entries
                .iter()
                .find(|e| e.original.as_deref() == Some(old.as_str()))
            {
                None => changes.push(TokenChange::Forget(old.clone())),
                Some(e) if e.name.trim() != old.trim() => changes.push(TokenChange::Move {
                    from: old.clone(),
                    to: e.name.trim().to_string(),
                }),
                Some(_) => {}
            }
        }
        changes
    }

    /// Save's keyring work, if any: best effort (a token left behind opens nothing here).
    pub fn save_job<M: Clone + Send + 'static>(&self, done: M) -> Option<work::Job<M>> {
        let changes = self.token_changes();
        let tokens = self.tokens.clone()?;
        if changes.is_empty() {
            return None;
        }
        let lost = done.clone();
        Some(work::Job::new(
            "tracker tokens kept with their trackers",
            move || {
                for change in changes {
                    if let Err(e) = apply(tokens.as_ref(), &change) {
                        tracing::warn!(?change, error = %e, "a tracker token was not updated");
                    }
                }
                done
            },
            move |_| lost,
        ))
    }

    pub fn update(&mut self, message: Message) -> Effects<Message> {
        match message {
            Message::Add => self.entries.push(Entry::from_config(&TrackerConfig::new(
                &t!("tasks-setup-new-name"),
                TrackerKind::Redmine,
                "https://",
            ))),
            Message::Remove(i) if i < self.entries.len() => {
                self.entries.remove(i);
            }
            Message::StoreToken(i) => return self.store_token(i),
            Message::TokenStored {
                index,
                entry,
                result,
            } => {
                if let Some(e) = self.entries.get_mut(index) {
                    e.note = Some(match result {
                        Ok(()) => {
                            e.token.clear();
                            (
                                t!("tasks-setup-token-stored", entry = entry.as_str()),
                                false,
                            )
                        }
                        Err(error) => (error.to_string(), true),
                    });
                }
            }
            Message::Check(i) => return self.check(i),
            Message::Checked { index, answer } => {
                if let (Some(e), Answer::Checked(result)) = (self.entries.get_mut(index), answer) {
                    e.note = Some(match result {
                        Ok((origin, report)) => (checked_text(&origin, &report), false),
                        Err(error) => (error.to_string(), true),
                    });
                }
            }
            edit => self.edit(edit),
        }
        Effects::none()
    }

    fn edit(&mut self, message: Message) {
        let index = match &message {
            Message::Name(i, _)
            | Message::Kind(i, _)
            | Message::BaseUrl(i, _)
            | Message::Mode(i, _)
            | Message::Project(i, _)
            | Message::User(i, _)
            | Message::Template(i, _)
            | Message::Token(i, _) => *i,
            _ => return,
        };
        let Some(e) = self.entries.get_mut(index) else {
            return;
        };
        match message {
            Message::Name(_, v) => e.name = v,
            Message::Kind(_, KindChoice(kind)) => {
                e.kind = kind;
                // A mode the kind cannot work in becomes the kind's own.
                if (e.mode == Mode::Api && !kind.has_api())
                    || (e.mode == Mode::Browser && !kind.has_browser_form())
                {
                    e.mode = kind.default_mode();
                }
            }
            Message::BaseUrl(_, v) => e.base_url = v,
            Message::Mode(_, ModeChoice(m)) => e.mode = m,
            Message::Project(_, v) => e.project = v,
            Message::User(_, v) => e.user = v,
            Message::Template(_, v) => e.template = v,
            Message::Token(_, v) => e.token = v,
            _ => {}
        }
        e.note = None;
    }

    /// The typed token into the keyring, under the tracker's name as typed.
    fn store_token(&mut self, i: usize) -> Effects<Message> {
        let Some(entry) = self.entries.get_mut(i) else {
            return Effects::none();
        };
        let (name, secret) = (
            entry.name.trim().to_string(),
            entry.token.trim().to_string(),
        );
        let (Some(tokens), false, false) =
            (self.tokens.clone(), name.is_empty(), secret.is_empty())
        else {
            entry.note = Some((t!("tasks-setup-token-missing"), true));
            return Effects::none();
        };
        let key = crate::tokens::entry_name(&name);
        let lost_key = key.clone();
        Effects::work(work::Job::new(
            "tracker token write",
            move || Message::TokenStored {
                index: i,
                result: tokens.write(&name, &secret),
                entry: key,
            },
            move |reason| Message::TokenStored {
                index: i,
                entry: lost_key,
                result: Err(TokenError::Failed { reason }),
            },
        ))
    }

    /// Read-only calls to the tracker as edited, with its stored token.
    fn check(&mut self, i: usize) -> Effects<Message> {
        let Some(entry) = self.entries.get_mut(i) else {
            return Effects::none();
        };
        match entry.checked(i + 1) {
            Ok(config) if config.mode() == Mode::Api => {
                entry.note = Some((t!("tasks-setup-checking"), false));
                Effects::tracker(calls::Request::Check { config }, move |answer| {
                    Message::Checked { index: i, answer }
                })
            }
            Ok(_) => {
                entry.note = Some((t!("tasks-setup-browser-needs-no-check"), false));
                Effects::none()
            }
            Err(problem) => {
                entry.note = Some((problem, true));
                Effects::none()
            }
        }
    }

    pub fn view(&self, p: Palette) -> Element<'_, Message> {
        let mut list = column![
            text(t!("tasks-setup-section")).size(15).color(p.primary),
            text(t!("tasks-setup-hint")).size(SMALL).color(p.muted),
        ]
        .spacing(8);
        for (i, entry) in self.entries.iter().enumerate() {
            list = list.push(entry_view(i, entry, p));
        }
        list = list.push(
            button(text(t!("tasks-setup-add")).size(TEXT))
                .padding(Padding::from([4, 12]))
                .style(style::outline(p))
                .on_press(Message::Add),
        );
        list.into()
    }
}

const FIELDS: [&str; 6] = ["name", "url", "project", "user", "template", "token"];

pub fn field_id(index: usize, field: &str) -> String {
    format!("tracker-{index}-{field}")
}

fn apply(tokens: &dyn crate::tokens::TokenStore, change: &TokenChange) -> Result<(), TokenError> {
    match change {
        TokenChange::Forget(name) => tokens.delete(name),
        TokenChange::Move { from, to } => {
            if let Some(secret) = tokens.read_secret(from)? {
                tokens.write(to, &secret)?;
            }
            tokens.delete(from)
        }
    }
}

fn checked_text(origin: &str, report: &tracker::CheckReport) -> String {
    match &report.project {
        Some(project) => t!(
            "tasks-setup-checked-project",
            origin = origin,
            account = report.account.as_str(),
            project = project.as_str()
        ),
        None => t!(
            "tasks-setup-checked",
            origin = origin,
            account = report.account.as_str()
        ),
    }
}

fn entry_view<'a>(i: usize, e: &'a Entry, p: Palette) -> Element<'a, Message> {
    let input =
        |field: &str, value: &'a str, placeholder: String, on: fn(usize, String) -> Message| {
            text_input(&placeholder, value)
                .id(Id::from(field_id(i, field)))
                .size(TEXT)
                .padding(Padding::from([4, 8]))
                .style(style::input(p))
                .on_input(move |v| on(i, v))
        };
    let title = if e.name.trim().is_empty() {
        t!("tasks-setup-untitled", number = i + 1)
    } else {
        e.name.trim().to_string()
    };
    let mut rows: Vec<Element<'a, Message>> = vec![
        row![
            text(title).size(TEXT).font(BOLD).width(Length::Fill),
            button(text(t!("tasks-setup-remove")).size(SMALL))
                .padding(Padding::from([2, 8]))
                .style(style::flat(p, false))
                .on_press(Message::Remove(i)),
        ]
        .align_y(Alignment::Center)
        .into(),
    ];
    let mut add = |label: String, control: Element<'a, Message>| {
        rows.push(
            row![text(label).size(TEXT).width(160), control]
                .spacing(8)
                .align_y(Alignment::Center)
                .into(),
        );
    };
    add(
        t!("tasks-setup-name"),
        input("name", &e.name, String::new(), Message::Name).into(),
    );
    let kinds: Vec<KindChoice> = TrackerKind::ALL.into_iter().map(KindChoice).collect();
    add(
        t!("tasks-setup-kind"),
        pick_list(kinds, Some(KindChoice(e.kind)), move |k| {
            Message::Kind(i, k)
        })
        .text_size(TEXT)
        .into(),
    );
    add(
        t!("tasks-setup-url"),
        input("url", &e.base_url, "https://".into(), Message::BaseUrl).into(),
    );
    let modes: Vec<ModeChoice> = [Mode::Browser, Mode::Api]
        .into_iter()
        .filter(|m| match m {
            Mode::Browser => e.kind.has_browser_form(),
            Mode::Api => e.kind.has_api(),
        })
        .map(ModeChoice)
        .collect();
    add(
        t!("tasks-setup-mode"),
        pick_list(modes, Some(ModeChoice(e.mode)), move |m| {
            Message::Mode(i, m)
        })
        .text_size(TEXT)
        .into(),
    );
    add(
        t!("tasks-setup-project"),
        input("project", &e.project, String::new(), Message::Project).into(),
    );
    if e.needs_user() {
        let label = if e.kind == TrackerKind::Bitrix24 {
            t!("tasks-setup-user-bitrix")
        } else {
            t!("tasks-setup-user-jira")
        };
        add(
            label,
            input("user", &e.user, String::new(), Message::User).into(),
        );
    }
    if e.kind == TrackerKind::Generic {
        add(
            t!("tasks-setup-template"),
            input(
                "template",
                &e.template,
                "https://…?title={title}&body={description}".into(),
                Message::Template,
            )
            .into(),
        );
    }
    if e.mode == Mode::Api {
        let token = input(
            "token",
            &e.token,
            t!("tasks-setup-token-placeholder"),
            Message::Token,
        )
        .secure(true)
        .on_submit(Message::StoreToken(i));
        add(
            t!("tasks-setup-token"),
            row![
                token,
                button(text(t!("tasks-setup-store-token")).size(SMALL))
                    .padding(Padding::from([3, 10]))
                    .style(style::outline(p))
                    .on_press(Message::StoreToken(i)),
                button(text(t!("tasks-setup-check")).size(SMALL))
                    .padding(Padding::from([3, 10]))
                    .style(style::outline(p))
                    .on_press(Message::Check(i)),
            ]
            .spacing(6)
            .align_y(Alignment::Center)
            .into(),
        );
    }
    if let Some((note, failed)) = &e.note {
        let color = if *failed { p.red } else { p.muted };
        rows.push(text(note.as_str()).size(SMALL).color(color).into());
    }
    container(column(rows).spacing(6))
        .padding(10)
        .width(Length::Fill)
        .style(style::card(p.surface, p.border))
        .into()
}
