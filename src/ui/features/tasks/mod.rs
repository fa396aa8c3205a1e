//! Tasks in the team's tracker, from the chat view: an account manager turns one customer
//! message, or a selection of several, into a task, and the chat keeps a list of its tasks
//! with their status.
//!
//! What it owns: the selection of messages in the open chat (`selection`), the task form
//! (`form`), the tasks linked to each chat and each chat's project (`book`, loaded from the
//! store at start-up), and on the demo floor its simulated tracker (`crate::demo_tracker`).
//!
//! What flows in: clicks and actions from the chat view (`Pick`, resolved by the console
//! against the open chat's history into `Start` or `Clicked`), the modifier keys, the form's
//! edits, Telegram's message links, the trackers' answers, the browser's, and `ChatOpened`
//! from the console. What flows out: a Telegram request (the quoted messages' `t.me` links),
//! tracker calls (create; statuses when a chat opens — never on the window's thread, never
//! through the Telegram session), addresses for the browser (the pre-filled form, a task's
//! page), store writes (a task, its status, a chat's project), and `Event::Compose`: the
//! "Task … created" line for the console's composer, to edit before sending.
//!
//! API mode creates the task and links it at once. Browser mode opens the tracker's form
//! pre-filled and waits for the key or address to be pasted back. A failure keeps the form
//! as typed; Retry is offered when trying again may help (`CallError::is_transient`).

mod book;
mod flow;
pub mod form;
mod form_view;
pub mod panel;
mod pick;
pub mod requests;
pub mod selection;

use std::collections::HashMap;

use crate::config::Config;
use crate::demo_tracker::DemoTracker;
use crate::desk::{ChatId, MessageId};
use crate::store::Store;
use crate::ui::effect::{Effects, tracker as calls};
use crate::ui::feature::{Ctx, Feature, ViewCtx};
use iced::Element;
use iced::keyboard::Modifiers;
use tracker::TrackerConfig;

pub use book::Book;
pub use form::{Edit, Form, Stage};
pub use pick::{Picked, picked, resolve};
pub use requests::{Reply, Request};
pub use selection::Selection;

/// Field ids, for the keyboard focus and the tests.
pub const TITLE_ID: &str = "task-title";
pub const PROJECT_ID: &str = "task-project";
pub const ASSIGNEE_ID: &str = "task-assignee";
pub const DESCRIPTION_ID: &str = "task-description";
pub const PASTE_ID: &str = "task-pasted";

/// What the chat view asks for; the console resolves it against the open chat.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    /// A click on a message (selection with Ctrl or Shift, or while selecting).
    Click(MessageId),
    /// "Task" on one message.
    Message(MessageId),
    /// "Create task from N messages".
    Selection,
    /// Ctrl+T: the selection, else the chat's last message from a customer.
    Shortcut,
}

#[derive(Debug, Clone)]
pub enum Message {
    Pick(Pick),
    /// From the app: the modifier keys held now (for Ctrl+click and Shift+click).
    Modifiers(Modifiers),
    /// A click on message `id`, with the chat's messages on screen, oldest first.
    Clicked {
        chat: ChatId,
        id: MessageId,
        shown: Vec<MessageId>,
    },
    ClearSelection,
    /// A task from these messages: their links are asked for, then the form opens.
    Start {
        chat: ChatId,
        picked: Vec<Picked>,
    },
    Replied(Reply),
    Form(Edit),
    Submit,
    Retry,
    Cancel,
    /// Browser mode: link the task whose key or address was pasted.
    Link,
    /// The browser's outcome for the pre-filled form.
    FormOpened(Result<(), String>),
    /// The tracker's answer to Create.
    Created {
        chat: ChatId,
        tracker: String,
        messages: Vec<MessageId>,
        project: Option<String>,
        answer: calls::Answer,
    },
    /// The tracker's answer to a status refresh of a chat's tasks.
    Statuses {
        chat: ChatId,
        tracker: String,
        answer: calls::Answer,
    },
    /// From the console: a chat was opened (its tasks' statuses are read anew).
    ChatOpened(ChatId),
    /// Puts "Task … created: <link>" into the chat's composer.
    Post {
        chat: ChatId,
        tracker: String,
        key: String,
    },
    /// Opens a task's page in the browser.
    OpenPage {
        chat: ChatId,
        url: String,
    },
    PageOpened {
        chat: ChatId,
        url: String,
        result: Result<(), String>,
    },
    DismissNote(ChatId),
}

/// What the tasks feature reports to the console.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Text for the chat's composer, to edit and send.
    Compose { chat: ChatId, text: String },
}

#[derive(Default)]
pub struct Tasks {
    book: Book,
    selection: Selection,
    modifiers: Modifiers,
    form: Option<Form>,
    /// Messages picked for a form, waiting for their links.
    pending: Option<(ChatId, Vec<Picked>)>,
    /// A line under a chat's tasks: created, linked, a refresh or the browser failed.
    notes: HashMap<ChatId, String>,
    /// The demo floor's simulated tracker (kept running while the feature lives).
    demo: Option<DemoTracker>,
    demo_trackers: Vec<TrackerConfig>,
}

impl Tasks {
    /// The feature with the tasks and projects the store holds.
    pub fn load(store: Option<&Store>) -> (Tasks, Option<String>) {
        let (book, warning) = match store.map(Book::load) {
            Some(Ok(book)) => (book, None),
            Some(Err(e)) => (Book::default(), Some(e.to_string())),
            None => (Book::default(), None),
        };
        let tasks = Tasks {
            book,
            ..Tasks::default()
        };
        (tasks, warning)
    }

    /// The demo floor without trackers of its own: the simulated tracker, in both modes.
    pub fn with_demo(mut self, demo: DemoTracker) -> Tasks {
        self.demo_trackers = vec![demo.api_config(), demo.browser_config()];
        self.demo = Some(demo);
        self
    }

    pub fn demo_tracker(&self) -> Option<&DemoTracker> {
        self.demo.as_ref()
    }

    /// Every tracker a task can go to: the config's, then the demo floor's.
    pub fn trackers<'a>(&'a self, config: &'a Config) -> Vec<&'a TrackerConfig> {
        config.trackers.iter().chain(&self.demo_trackers).collect()
    }

    fn tracker<'a>(&'a self, config: &'a Config, name: &str) -> Option<&'a TrackerConfig> {
        self.trackers(config).into_iter().find(|t| t.name == name)
    }

    pub fn form(&self) -> Option<&Form> {
        self.form.as_ref()
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn book(&self) -> &Book {
        &self.book
    }

    pub fn note(&self, chat: ChatId) -> Option<&str> {
        self.notes.get(&chat).map(String::as_str)
    }

    /// Esc, first of all: the form closes, unless a task is being created (its answer
    /// brings the form back to the admin). Whether it was open.
    pub fn close_form(&mut self) -> bool {
        match &self.form {
            Some(form) if !form.busy() => {
                self.form = None;
                true
            }
            Some(_) => true,
            None => false,
        }
    }

    /// Esc, before the chat itself closes: the selection ends. Whether there was one.
    pub fn clear_selection(&mut self) -> bool {
        self.selection.clear()
    }

    /// The form over the console, if one is open.
    pub fn form_view(&self, p: crate::ui::theme::Palette) -> Option<Element<'_, Message>> {
        self.form.as_ref().map(|form| form_view::view(form, p))
    }
}

impl Feature for Tasks {
    type Message = Message;
    type Event = Event;

    fn update(&mut self, message: Message, ctx: Ctx<'_>) -> (Effects<Message>, Option<Event>) {
        match message {
            Message::Modifiers(m) => self.modifiers = m,
            Message::Clicked { chat, id, shown } => {
                self.selection.click(chat, id, self.modifiers, &shown);
            }
            Message::ClearSelection => {
                self.selection.clear();
            }
            // The console resolves these before they come here.
            Message::Pick(_) => {}
            Message::DismissNote(chat) => {
                self.notes.remove(&chat);
            }
            Message::Post { chat, tracker, key } => {
                return (Effects::none(), self.post(chat, &tracker, &key));
            }
            other => return (self.flow(other, ctx), None),
        }
        (Effects::none(), None)
    }

    /// The tasks show inside the console's chat view (`panel`) and over it (`form_view`).
    fn view<'a>(&'a self, _ctx: ViewCtx<'a>) -> Element<'a, Message> {
        iced::widget::Space::new().into()
    }
}
