//! The task's way from picked messages to a linked task: links asked, the form opened,
//! created through the API or opened in the browser and pasted back, stored, its status read
//! when its chat opens. Each step is a message in, effects out.

use i18n::t;
use tracker::{CreatedTask, Mode, Quote, prefill_url, read_pasted};

use super::{Event, Form, Message, Picked, Reply, Request, Stage, Tasks};
use crate::desk::{ChatId, MessageId};
use crate::store::LinkedTask;
use crate::ui::effect::tracker::{Answer, CallError};
use crate::ui::effect::{Effects, store, tracker as calls};
use crate::ui::feature::Ctx;
use crate::ui::format;

impl Tasks {
    /// Every message that moves a task along.
    pub(super) fn flow(&mut self, message: Message, ctx: Ctx<'_>) -> Effects<Message> {
        match message {
            Message::Start { chat, picked } => self.start(chat, picked, &ctx),
            Message::Replied(Reply::Links { chat, links }) => self.open_form(chat, links, &ctx),
            Message::Form(super::Edit::Tracker(name)) => {
                let chat = self.form.as_ref().map_or(0, |f| f.chat);
                let remembered = self.book.project(&name, chat).map(str::to_string);
                if let Some(config) = self.tracker(ctx.config, &name).cloned()
                    && let Some(form) = self.form.as_mut().filter(|f| !f.busy())
                {
                    form.retarget(&config, remembered.as_deref());
                }
                Effects::none()
            }
            Message::Form(edit) => {
                if let Some(form) = &mut self.form {
                    form.edit(edit);
                }
                Effects::none()
            }
            Message::Submit | Message::Retry => self.submit(&ctx),
            Message::Cancel => {
                if self.form.as_ref().is_some_and(|f| !f.busy()) {
                    self.form = None;
                }
                Effects::none()
            }
            Message::Link => self.link_pasted(&ctx),
            Message::FormOpened(result) => {
                if let Some(Form {
                    stage: Stage::Opened { browser_error, .. },
                    ..
                }) = &mut self.form
                {
                    *browser_error = result.err();
                }
                Effects::none()
            }
            Message::Created {
                chat,
                tracker,
                messages,
                project,
                answer: Answer::Created(result),
            } => self.created(chat, &tracker, messages, project, result, &ctx),
            Message::Statuses {
                chat,
                tracker,
                answer: Answer::Statuses(result),
            } => self.statuses(chat, &tracker, result),
            Message::ChatOpened(chat) => {
                if self.selection.count(chat) == 0 {
                    self.selection.clear();
                }
                self.refresh(chat, &ctx)
            }
            Message::OpenPage { chat, url } => {
                let reply_url = url.clone();
                Effects::browser(url, move |result| Message::PageOpened {
                    chat,
                    url: reply_url,
                    result,
                })
            }
            Message::PageOpened {
                chat,
                url,
                result: Err(problem),
            } => {
                let note = t!(
                    "tasks-open-failed",
                    problem = problem.as_str(),
                    url = url.as_str()
                );
                self.notes.insert(chat, note);
                Effects::none()
            }
            _ => Effects::none(),
        }
    }

    /// Picked messages: no tracker is a note; else their links are asked for.
    fn start(&mut self, chat: ChatId, picked: Vec<Picked>, ctx: &Ctx<'_>) -> Effects<Message> {
        if self.trackers(ctx.config).is_empty() {
            self.notes.insert(chat, t!("tasks-no-trackers"));
            return Effects::none();
        }
        // A form already open keeps what was typed in it.
        if self.form.is_some() {
            return Effects::none();
        }
        let messages = picked.iter().map(|p| p.id).collect();
        self.pending = Some((chat, picked));
        Effects::telegram(Request::Links { chat, messages }, Message::Replied)
    }

    /// The links are in: the form opens on the chat's last tracker (or the first), with the
    /// chat's project.
    fn open_form(
        &mut self,
        chat: ChatId,
        links: Vec<(MessageId, Option<String>)>,
        ctx: &Ctx<'_>,
    ) -> Effects<Message> {
        let Some((_, picked)) = self.pending.take().filter(|(c, _)| *c == chat) else {
            return Effects::none();
        };
        let chat_title = ctx.desk.row(chat).map(|r| r.title).unwrap_or_default();
        let quotes = picked
            .iter()
            .map(|p| Quote {
                author: p.author.clone(),
                unix_time: p.date,
                utc_offset_minutes: format::utc_offset_minutes(p.date),
                chat_title: chat_title.clone(),
                link: links
                    .iter()
                    .find(|(id, _)| *id == p.id)
                    .and_then(|(_, l)| l.clone()),
                text: p.text.clone(),
            })
            .collect();
        let trackers = self.trackers(ctx.config);
        let last = self.book.of_chat(chat).last().map(|t| t.tracker.as_str());
        let Some(config) = trackers
            .iter()
            .find(|t| Some(t.name.as_str()) == last)
            .or(trackers.first())
        else {
            return Effects::none();
        };
        let remembered = self.book.project(&config.name, chat);
        let messages = picked.iter().map(|p| p.id).collect();
        let names = trackers.iter().map(|t| t.name.clone()).collect();
        let form = Form::new(
            chat, chat_title, messages, quotes, names, config, remembered,
        );
        self.form = Some(form);
        self.selection.clear();
        Effects::task(iced::widget::operation::focus(super::TITLE_ID))
    }

    /// Create (API mode) or open the pre-filled form (browser mode).
    fn submit(&mut self, ctx: &Ctx<'_>) -> Effects<Message> {
        let Some(form) = &self.form else {
            return Effects::none();
        };
        if form.busy() {
            return Effects::none();
        }
        let Some(config) = self.tracker(ctx.config, &form.tracker).cloned() else {
            return Effects::none();
        };
        let draft = form.draft();
        let (chat, messages) = (form.chat, form.messages.clone());
        match config.mode() {
            Mode::Api => {
                if let Some(form) = &mut self.form {
                    form.stage = Stage::Creating;
                }
                let (tracker, project) = (config.name.clone(), draft.project.clone());
                let request = calls::Request::Create { config, draft };
                Effects::tracker(request, move |answer| Message::Created {
                    chat,
                    tracker,
                    messages,
                    project,
                    answer,
                })
            }
            Mode::Browser => {
                let shortened = |n: usize| t!("tasks-form-shortened", count = n);
                let opened = prefill_url(&config, &draft, &shortened);
                let Some(form) = &mut self.form else {
                    return Effects::none();
                };
                match opened {
                    Ok(prefill) => {
                        form.stage = Stage::Opened {
                            url: prefill.url.clone(),
                            left_out: prefill.left_out,
                            browser_error: None,
                            problem: None,
                        };
                        let remembered = draft
                            .project
                            .as_deref()
                            .and_then(|p| self.book.remember(&config.name, chat, p));
                        let effects = Effects::browser(prefill.url, Message::FormOpened)
                            .with_task(iced::widget::operation::focus(super::PASTE_ID));
                        match remembered {
                            Some(p) => effects.and(Effects::store(store::Write::ChatProject(p))),
                            None => effects,
                        }
                    }
                    Err(e) => {
                        form.stage = Stage::Failed {
                            error: CallError::Tracker(e).to_string(),
                            retry: false,
                        };
                        Effects::none()
                    }
                }
            }
        }
    }

    /// The tracker answered Create. A task that exists is linked even if the form was
    /// cancelled meanwhile; a failure goes back to the form, as typed.
    fn created(
        &mut self,
        chat: ChatId,
        tracker: &str,
        messages: Vec<MessageId>,
        project: Option<String>,
        result: Result<CreatedTask, CallError>,
        ctx: &Ctx<'_>,
    ) -> Effects<Message> {
        let ours = |f: &Form| f.chat == chat && f.tracker == tracker && f.busy();
        match result {
            Ok(task) => {
                if self.form.as_ref().is_some_and(ours) {
                    self.form = None;
                }
                let note = t!(
                    "tasks-created-note",
                    key = task.key.as_str(),
                    tracker = tracker
                );
                self.notes.insert(chat, note);
                let linked = LinkedTask {
                    chat,
                    tracker: tracker.to_string(),
                    key: task.key,
                    title: task.title,
                    url: task.url,
                    messages,
                    created_at: ctx.now,
                    status: None,
                    closed: None,
                };
                let mut effects = self.keep(linked);
                if let Some(p) = project.and_then(|p| self.book.remember(tracker, chat, &p)) {
                    effects = effects.and(Effects::store(store::Write::ChatProject(p)));
                }
                effects.and(self.refresh_tracker(chat, tracker, ctx))
            }
            Err(error) => {
                if let Some(form) = self.form.as_mut().filter(|f| ours(f)) {
                    form.stage = Stage::Failed {
                        error: error.to_string(),
                        retry: error.is_transient(),
                    };
                }
                Effects::none()
            }
        }
    }

    /// Browser mode: the pasted key or address becomes the chat's task.
    fn link_pasted(&mut self, ctx: &Ctx<'_>) -> Effects<Message> {
        let Some(form) = &self.form else {
            return Effects::none();
        };
        let Some(config) = self.tracker(ctx.config, &form.tracker) else {
            return Effects::none();
        };
        match read_pasted(config, &form.pasted) {
            Ok(pasted) => {
                let linked = LinkedTask {
                    chat: form.chat,
                    tracker: form.tracker.clone(),
                    key: pasted.key,
                    title: form.title.trim().to_string(),
                    url: pasted.url,
                    messages: form.messages.clone(),
                    created_at: ctx.now,
                    status: None,
                    closed: None,
                };
                let note = t!("tasks-linked-note", key = linked.key.as_str());
                self.notes.insert(form.chat, note);
                self.form = None;
                self.keep(linked)
            }
            Err(problem) => {
                if let Some(Form {
                    stage: Stage::Opened { problem: p, .. },
                    ..
                }) = &mut self.form
                {
                    *p = Some(problem.to_string());
                }
                Effects::none()
            }
        }
    }

    /// A task into the book and the store.
    fn keep(&mut self, task: LinkedTask) -> Effects<Message> {
        self.book.link(task.clone());
        Effects::store(store::Write::Task(task))
    }

    /// Every API tracker's tasks of `chat`, read anew (one call per tracker).
    fn refresh(&mut self, chat: ChatId, ctx: &Ctx<'_>) -> Effects<Message> {
        let mut trackers: Vec<String> = Vec::new();
        for task in self.book.of_chat(chat) {
            if !trackers.contains(&task.tracker) {
                trackers.push(task.tracker.clone());
            }
        }
        trackers.iter().fold(Effects::none(), |e, t| {
            e.and(self.refresh_tracker(chat, t, ctx))
        })
    }

    fn refresh_tracker(&self, chat: ChatId, tracker: &str, ctx: &Ctx<'_>) -> Effects<Message> {
        let Some(config) = self
            .tracker(ctx.config, tracker)
            .filter(|c| c.mode() == Mode::Api)
        else {
            return Effects::none();
        };
        let keys: Vec<String> = self
            .book
            .of_chat(chat)
            .iter()
            .filter(|t| t.tracker == tracker)
            .map(|t| t.key.clone())
            .collect();
        if keys.is_empty() {
            return Effects::none();
        }
        let tracker = tracker.to_string();
        let request = calls::Request::Statuses {
            config: config.clone(),
            keys,
        };
        Effects::tracker(request, move |answer| Message::Statuses {
            chat,
            tracker,
            answer,
        })
    }

    /// Statuses read: the changed ones stored; a failure is a note under the chat's tasks.
    fn statuses(
        &mut self,
        chat: ChatId,
        tracker: &str,
        result: Result<calls::Statuses, CallError>,
    ) -> Effects<Message> {
        let read = match result {
            Ok(read) => read,
            Err(error) => {
                let note = t!("tasks-refresh-failed", problem = error.to_string());
                self.notes.insert(chat, note);
                return Effects::none();
            }
        };
        let mut effects = Effects::none();
        for (key, status) in read {
            match status {
                Ok(s) => {
                    if self
                        .book
                        .set_status(chat, tracker, &key, &s.status, s.closed)
                    {
                        effects = effects.and(Effects::store(store::Write::TaskStatus {
                            chat,
                            tracker: tracker.to_string(),
                            key,
                            status: s.status,
                            closed: s.closed,
                        }));
                    }
                }
                Err(e) => {
                    let problem = CallError::Tracker(e).to_string();
                    let note = t!("tasks-refresh-failed", problem = problem);
                    self.notes.insert(chat, note);
                }
            }
        }
        effects
    }

    /// "Task … created: <link>" for the chat's composer.
    pub(super) fn post(&self, chat: ChatId, tracker: &str, key: &str) -> Option<Event> {
        let task = self
            .book
            .of_chat(chat)
            .iter()
            .find(|t| t.tracker == tracker && t.key == key)?;
        let text = if task.url.is_empty() {
            t!("tasks-posted-no-link", key = key)
        } else {
            t!("tasks-posted", key = key, url = task.url.as_str())
        };
        Some(Event::Compose { chat, text })
    }
}
