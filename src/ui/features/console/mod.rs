//! The duty console: the chat list, the open chat, search and per-chat actions. Its state
//! is only what the desk does not hold (selection, scroll, open chat, search, editors);
//! the rows themselves are read from the desk on every view.
//!
//! What flows in: its widgets' messages, its Telegram replies (`Message::Replied`), and
//! from the app the window's height and failed sends (`SendFailed`, with TDLib's error)
//! plus every desk event (`observe`, for the open chat's history and its confirmed sends). What flows out: local
//! marks straight into the desk (`Ctx::desk`), Telegram requests (`requests::Request`),
//! iced operations (focus, scroll), and `Event::OpenSettings` / `Event::Notice`.

pub mod actions;
pub mod chat_view;
pub mod header;
pub mod history;
pub mod jump;
mod kit;
pub mod list_pane;
mod menu_place;
pub mod overview;
mod replies;
pub mod requests;
mod search;

use crate::desk::{ChatId, Desk, Filter, ListFilter, Message as DeskMessage, MessageId};
use crate::ui::effect::Effects;
use crate::ui::feature::{Ctx, Feature, ViewCtx};
use crate::ui::features::connection::status;
use crate::ui::features::tasks::{self, Tasks};
use crate::ui::features::toolkit;
use crate::ui::keys::{self, Shortcut};
use crate::ui::widgets::backdrop::backdrop;
use crate::ui::widgets::chat_list::{self, ROW_HEIGHT};
use crate::ui::widgets::style;
use header::Header;
use history::History;
use i18n::t;
use iced::keyboard::{Key, Modifiers};
use iced::widget::{Space, column, container, opaque, operation, row, stack, text_editor};
use iced::{Element, Length, Point, Task};
use requests::ask;
pub use requests::{Reply, Request};

/// Rows of history asked for at a time.
pub const HISTORY_PAGE: i32 = 50;
pub const SEARCH_ID: &str = "chat-search";
pub const GLOBAL_SEARCH_ID: &str = "global-search";
pub const NOTE_ID: &str = "note";
pub const COMPOSER_ID: &str = "composer";
pub const HISTORY_ID: &str = "history";
/// How often "typing…" is repeated while the admin keeps typing (Telegram shows it ~5 s).
pub const TYPING_EVERY_SECS: i64 = 5;

/// A per-chat action, from the context menu, the chat header or a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatAction {
    TogglePin,
    PinUp,
    PinDown,
    ToggleStar,
    EditNote,
    MarkRead,
    NoReplyNeeded,
    /// Overrides the support rules for this chat (a local flag, kept in the store).
    ToggleSupport,
    /// Raises the alarm on this chat, or clears it: for the whole team through the duty
    /// group (the team feature), or on this screen only when no duty group is set.
    ToggleAlarm,
    /// The team's: take the chat (release it when it is this account's already).
    Take,
    /// The team's: "Assign to…" a colleague from the duty group.
    AssignTo,
    /// The team's: nobody has the chat any more.
    Release,
    /// The team's shared note: write it.
    SharedNote,
    ClearSharedNote,
}

#[derive(Debug, Clone)]
pub enum Message {
    List(chat_list::Event),
    Filter(Filter),
    TitleFilter(String),
    MarkAllRead,
    Act(ChatId, ChatAction),
    /// Where a right click landed in the list pane; the row's `Menu` follows it.
    RightClickAt(Point),
    CloseMenu,
    NoteChanged(String),
    NoteSave,
    Composer(text_editor::Action),
    Send,
    ReplyTo(MessageId),
    CancelReply,
    Retry(u64),
    HistoryScrolled {
        from_top: f32,
    },
    SearchOpen,
    SearchQuery(String),
    SearchSubmit,
    SearchJump(i32),
    GlobalOpen,
    GlobalQuery(String),
    GlobalSubmit,
    GlobalPick(ChatId),
    /// Move the selection by rows (Alt+Up/Down, Ctrl+Tab).
    Step(i32),
    NextWaiting,
    /// Esc: closes the innermost open thing.
    Escape,
    /// Opens the context menu of the open chat (Menu key, Shift+F10).
    MenuForOpen,
    /// The title filter takes the keyboard focus (Ctrl+L).
    FocusFilter,
    /// The header's Settings button, or Ctrl+,.
    OpenSettings,
    /// The header's Statistics button, or F9.
    OpenStatistics,
    /// From the app (the statistics' drill-down): opens `chat` at `message`, its history
    /// loaded back to it.
    OpenAt {
        chat: ChatId,
        message: Option<MessageId>,
    },
    /// The connection hint's button: the connection settings (proxies).
    ConnectionSettings,
    /// Telegram's answer to one of the console's requests.
    Replied(Reply),
    /// From the app: the window's new height, an upper bound of the list's until the
    /// first scroll reports the list's own.
    Resized(f32),
    /// Quick replies, guards, tags, tiers, alerts chats, reminders (`features::toolkit`).
    Toolkit(toolkit::Message),
    /// From the app: TDLib could not send a message.
    SendFailed {
        chat: ChatId,
        temp_id: MessageId,
        error: String,
    },
    /// Tasks in the team's tracker (the chat view's selection, the task form, its replies).
    Tasks(tasks::Message),
}

/// What the console reports to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    OpenSettings,
    OpenStatistics,
    ConnectionSettings,
    /// Something the admin must learn that the console cannot show where it happened (a
    /// reply to a chat no longer open did not go out, a search failed): the banner.
    Notice(String),
    /// A team action on a chat (`team::takes`): the team feature posts it.
    Team(ChatId, ChatAction),
}

pub struct ChatSearch {
    pub query: String,
    /// Newest first, as TDLib returns them.
    pub hits: Vec<DeskMessage>,
    pub current: usize,
    pub searched: Option<String>,
}

pub struct GlobalSearch {
    pub query: String,
    pub searched: Option<String>,
    /// Results grouped by chat, groups in the order of their newest hit.
    pub groups: Vec<(ChatId, Vec<DeskMessage>)>,
    pub error: Option<String>,
}

pub struct OpenChat {
    pub history: History,
    pub composer: text_editor::Content,
    pub reply_to: Option<MessageId>,
    pub search: Option<ChatSearch>,
    pub note: Option<String>,
    /// When "typing…" was last sent here (it lasts about 5 s in Telegram's clients).
    pub typing_sent_at: Option<i64>,
    /// The message the chat was opened at (drill-down), marked in the history.
    pub focus: Option<MessageId>,
    /// Its history is being read back to `focus` (see `jump.rs`).
    pub jumping: bool,
}

impl OpenChat {
    fn new(chat: ChatId) -> OpenChat {
        OpenChat {
            history: History::new(chat),
            composer: text_editor::Content::new(),
            reply_to: None,
            search: None,
            note: None,
            typing_sent_at: None,
            focus: None,
            jumping: false,
        }
    }
}

#[derive(Default)]
pub struct Console {
    filter: Filter,
    title_filter: String,
    offset_y: f32,
    viewport: f32,
    open: Option<OpenChat>,
    menu: Option<ChatId>,
    /// Where the menu opens, in the list pane's coordinates: at the pointer when it was
    /// right-clicked, `None` at the chat's row (opened from the keyboard).
    menu_at: Option<Point>,
    /// The last right click, waiting for the row's `Menu` that comes right after it.
    right_click: Option<Point>,
    /// Where the list was when the menu opened (see `menu_place`).
    menu_place: Option<menu_place::Place>,
    global: Option<GlobalSearch>,
    next_local: u64,
    /// Tasks from the open chat's messages; shown in the chat view and over it.
    tasks: Tasks,
    toolkit: toolkit::State,
}

impl Feature for Console {
    type Message = Message;
    type Event = Event;

    fn update(&mut self, message: Message, mut ctx: Ctx<'_>) -> (Effects<Message>, Option<Event>) {
        let before = self.open_chat();
        let effects = match message {
            Message::OpenSettings => return (Effects::none(), Some(Event::OpenSettings)),
            Message::OpenStatistics => return (Effects::none(), Some(Event::OpenStatistics)),
            Message::OpenAt { chat, message } => self.open_at(chat, message, ctx.desk),
            Message::ConnectionSettings => {
                return (Effects::none(), Some(Event::ConnectionSettings));
            }
            Message::Act(chat, action)
                if crate::ui::features::team::takes(action, chat, ctx.desk) =>
            {
                self.menu = None;
                return (Effects::none(), Some(Event::Team(chat, action)));
            }
            Message::Replied(reply) => return self.replied(reply),
            Message::SendFailed {
                chat,
                temp_id,
                error,
            } => {
                return (
                    Effects::none(),
                    self.send_failed(chat, temp_id, error, ctx.desk),
                );
            }
            Message::Resized(height) => {
                self.viewport = height;
                Effects::none()
            }
            Message::FocusFilter => Effects::task(operation::focus(list_pane::TITLE_FILTER_ID)),
            Message::SearchOpen
            | Message::SearchQuery(_)
            | Message::SearchSubmit
            | Message::SearchJump(_)
            | Message::GlobalOpen
            | Message::GlobalQuery(_)
            | Message::GlobalSubmit => self.search(message),
            Message::GlobalPick(chat) => {
                self.global = None;
                self.select(chat, ctx.desk)
            }
            Message::Toolkit(message) => self.kit(message, ctx.reborrow()),
            Message::Step(step) => self.step(step, ctx.desk),
            Message::NextWaiting => self.next_waiting(ctx.desk),
            Message::Escape => self.escape(),
            other => self.edit(other, ctx.reborrow()),
        };
        // A chat just opened: its tasks' statuses are read anew.
        let effects = match self.open_chat() {
            Some(chat) if before != Some(chat) => {
                effects.and(self.route_tasks(tasks::Message::ChatOpened(chat), ctx))
            }
            _ => effects,
        };
        (effects, None)
    }

    fn view<'a>(&'a self, ctx: ViewCtx<'a>) -> Element<'a, Message> {
        let p = ctx.palette;
        let connection = ctx.connection.and_then(|s| s.line(ctx.now));
        let hint = ctx.connection.and_then(|s| s.hint(ctx.now));
        let header = Header {
            counters: ctx.desk.counters(),
            filter: self.filter,
            palette: p,
            connection,
            team: ctx.desk.settings().staff.duty_group.is_some(),
        }
        .view(std::convert::identity, Message::OpenSettings);
        let (rows, first, total) = list_pane::visible(self, ctx.desk);
        let list = list_pane::view(self, ctx.desk, rows, first, total, ctx.now, p);
        let own_name: String = ctx
            .own_user
            .and_then(|u| ctx.desk.user_name(u))
            .map_or_else(|| t!("console-you"), |n| n.into_owned());
        let right = match &self.open {
            _ if self.toolkit.reminders_open => {
                toolkit::bar::reminders(ctx.desk, ctx.now, p).map(Message::Toolkit)
            }
            Some(open) => chat_view::view(
                open,
                &self.toolkit,
                ctx.desk,
                ctx.now,
                &own_name,
                &self.tasks,
                p,
            ),
            None => overview::view(ctx.desk, ctx.now, p),
        };
        let divider = container(Space::new())
            .width(1)
            .height(Length::Fill)
            .style(style::rule(p));
        let panes = row![
            container(list).width(Length::FillPortion(9)),
            divider,
            container(right).width(Length::FillPortion(11))
        ];
        let rule = || {
            container(Space::new())
                .height(1)
                .width(Length::Fill)
                .style(style::rule(p))
        };
        let mut top = column![header, rule()];
        if let Some(bar) = toolkit::bar::view(&self.toolkit, ctx.desk, p) {
            top = top.push(bar.map(Message::Toolkit));
        }
        // A connection that has not come back for a while: what to check, and the way to
        // the proxy settings, right under the header.
        if let Some(hint) = hint {
            let bar = row![
                iced::widget::text(hint)
                    .size(style::SMALL)
                    .color(p.text)
                    .width(Length::Fill),
                status::settings_button(p, Message::ConnectionSettings),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center);
            top = top.push(
                container(bar)
                    .padding(iced::Padding::from([4, 10]))
                    .width(Length::Fill)
                    .style(style::fill(p.selection)),
            );
            top = top.push(rule());
        }
        let console: Element<'_, Message> = backdrop(
            container(top.push(panes)).style(style::ink(p.text)),
            p.background,
        )
        .into();
        match self.tasks.form_view(p) {
            Some(form) => stack![console, opaque(form.map(Message::Tasks))].into(),
            None => console,
        }
    }

    fn shortcut(&self, key: &Key, modifiers: Modifiers) -> Option<Message> {
        if let Some(message) = self.kit_shortcut(key, modifiers) {
            return Some(message);
        }
        match keys::console(key, modifiers)? {
            Shortcut::Console(message) => Some(message),
            Shortcut::Open(action) => self.open_chat().map(|chat| Message::Act(chat, action)),
            Shortcut::FocusFilter => Some(Message::FocusFilter),
            Shortcut::Settings => Some(Message::OpenSettings),
            Shortcut::Statistics => Some(Message::OpenStatistics),
        }
    }
}

impl Console {
    pub fn new() -> Console {
        Console {
            viewport: crate::ui::WINDOW_SIZE.height,
            ..Console::default()
        }
    }

    pub fn filter(&self) -> Filter {
        self.filter
    }

    pub fn list_filter(&self) -> ListFilter {
        ListFilter::with_title(self.filter, self.title_filter.trim())
            .with_tag(self.toolkit.tag_filter)
    }

    /// The toolkit's state here (picker, guard prompt, tools, tag filter, reminders list).
    pub fn toolkit(&self) -> &toolkit::State {
        &self.toolkit
    }

    /// The list's scroll offset and the height it shows.
    pub fn scroll(&self) -> (f32, f32) {
        (self.offset_y, self.viewport)
    }

    pub fn open(&self) -> Option<&OpenChat> {
        self.open.as_ref()
    }

    pub fn open_chat(&self) -> Option<ChatId> {
        self.open.as_ref().map(|o| o.history.chat)
    }

    /// The chat whose context menu is open.
    pub fn menu(&self) -> Option<ChatId> {
        self.menu
    }

    pub fn global(&self) -> Option<&GlobalSearch> {
        self.global.as_ref()
    }

    pub fn tasks(&self) -> &Tasks {
        &self.tasks
    }

    /// The tasks feature as start-up loaded it (the store's tasks, the demo's tracker).
    pub fn set_tasks(&mut self, tasks: Tasks) {
        self.tasks = tasks;
    }

    /// The open chat's state, if `chat` is the one open.
    fn open_if(&mut self, chat: ChatId) -> Option<&mut OpenChat> {
        self.open.as_mut().filter(|o| o.history.chat == chat)
    }

    /// The list, the menu, notes, the composer and older history.
    fn edit(&mut self, message: Message, ctx: Ctx<'_>) -> Effects<Message> {
        match message {
            Message::List(chat_list::Event::Select(chat)) => self.select(chat, ctx.desk),
            Message::List(chat_list::Event::Menu(chat)) => {
                let at = self.right_click.take();
                self.open_menu(Some(chat), at);
                Effects::none()
            }
            Message::RightClickAt(at) => {
                self.right_click = Some(at);
                Effects::none()
            }
            Message::List(chat_list::Event::Scrolled { offset_y, height }) => {
                self.offset_y = offset_y;
                self.viewport = height;
                Effects::none()
            }
            Message::Filter(filter) => {
                self.filter = filter;
                self.scroll_to_top()
            }
            Message::TitleFilter(title) => {
                self.title_filter = title;
                self.scroll_to_top()
            }
            Message::MarkAllRead => ask(Request::MarkAllRead),
            Message::Act(chat, action) => {
                self.menu = None;
                self.act(chat, action, ctx.desk)
            }
            Message::CloseMenu => {
                self.menu = None;
                Effects::none()
            }
            Message::MenuForOpen => {
                self.right_click = None;
                self.open_menu(self.open_chat(), None);
                Effects::none()
            }
            Message::HistoryScrolled { from_top } => self.history_scrolled(from_top),
            Message::Tasks(message) => self.route_tasks(message, ctx),
            _ => self.compose(message, ctx),
        }
    }

    /// The note, the composer and replies.
    fn compose(&mut self, message: Message, ctx: Ctx<'_>) -> Effects<Message> {
        match message {
            Message::NoteChanged(text) => {
                if let Some(open) = &mut self.open {
                    open.note = Some(text);
                }
            }
            Message::NoteSave => {
                if let Some(open) = &mut self.open
                    && let Some(note) = open.note.take()
                {
                    ctx.desk.set_note(open.history.chat, note.trim());
                }
            }
            Message::Composer(action) => return self.typed(action, ctx),
            Message::Send => return self.send(ctx),
            Message::ReplyTo(id) => {
                if let Some(open) = &mut self.open {
                    open.reply_to = Some(id);
                }
                return Effects::task(operation::focus(COMPOSER_ID));
            }
            Message::CancelReply => {
                if let Some(open) = &mut self.open {
                    open.reply_to = None;
                }
            }
            Message::Retry(local) => {
                let Some(open) = &mut self.open else {
                    return Effects::none();
                };
                let Some((text, reply_to)) = open.history.take_failed(local) else {
                    return Effects::none();
                };
                return self.send_text(text, reply_to, ctx);
            }
            _ => {}
        }
        Effects::none()
    }

    /// An edit in the composer; "typing…" goes out at most every few seconds, and only
    /// with `messages.send_typing` on.
    fn typed(&mut self, action: text_editor::Action, ctx: Ctx<'_>) -> Effects<Message> {
        let Some(open) = &mut self.open else {
            return Effects::none();
        };
        let typed = action.is_edit();
        open.composer.perform(action);
        if typed {
            self.toolkit.composer_edited();
            // `/` as the first thing typed opens the quick replies.
            if open.composer.text().trim_end_matches('\n') == "/" {
                open.composer = text_editor::Content::new();
                return self.kit(toolkit::Message::OpenPicker, ctx);
            }
        }
        let due = open
            .typing_sent_at
            .is_none_or(|t| ctx.now - t >= TYPING_EVERY_SECS);
        if typed && ctx.config.messages.send_typing && due {
            open.typing_sent_at = Some(ctx.now);
            return ask(Request::SendTyping(open.history.chat));
        }
        Effects::none()
    }

    /// Near the top of the open chat's history: the next older page.
    fn history_scrolled(&mut self, from_top: f32) -> Effects<Message> {
        let Some(open) = &mut self.open else {
            return Effects::none();
        };
        if from_top < 60.0
            && !open.history.complete
            && !open.history.loading
            && !open.history.lines.is_empty()
        {
            open.history.loading = true;
            return ask(Request::LoadHistory {
                chat: open.history.chat,
                from: open.history.oldest_id(),
                limit: HISTORY_PAGE,
            });
        }
        Effects::none()
    }

    /// A new filter shows its list from the top.
    fn scroll_to_top(&mut self) -> Effects<Message> {
        self.offset_y = 0.0;
        Effects::task(operation::snap_to(
            chat_list::LIST_ID,
            operation::RelativeOffset::START,
        ))
    }

    /// Moves the selection by `step` rows of the list (from the ends when none is open).
    fn step(&mut self, step: i32, desk: &Desk) -> Effects<Message> {
        let filter = self.list_filter();
        let total = desk.len(&filter);
        if total == 0 {
            return Effects::none();
        }
        let here = self.open_chat().and_then(|c| desk.position(&filter, c));
        let target = match here {
            Some(i) => (i as i64 + step as i64).clamp(0, total as i64 - 1) as usize,
            None if step < 0 => total - 1,
            None => 0,
        };
        let Some(&chat) = desk.chat_ids(&filter, target..target + 1).first() else {
            return Effects::none();
        };
        let effects = self.select(chat, desk);
        effects.with_task(self.reveal(target))
    }

    fn next_waiting(&mut self, desk: &Desk) -> Effects<Message> {
        let Some(chat) = desk.longest_waiting() else {
            return Effects::none();
        };
        let effects = self.select(chat, desk);
        match desk.position(&self.list_filter(), chat) {
            Some(i) => effects.with_task(self.reveal(i)),
            None => effects,
        }
    }

    /// Esc: closes the innermost open thing.
    fn escape(&mut self) -> Effects<Message> {
        if self.tasks.close_form() {
            return Effects::none();
        }
        if self.menu.take().is_some() || self.global.take().is_some() {
            return Effects::none();
        }
        if self.toolkit.picker.take().is_some()
            || self.toolkit.guard.take().is_some()
            || std::mem::take(&mut self.toolkit.reminders_open)
        {
            return Effects::task(operation::focus(COMPOSER_ID));
        }
        if let Some(open) = &mut self.open {
            if open.search.take().is_some()
                || open.note.take().is_some()
                || open.reply_to.take().is_some()
            {
                return Effects::none();
            }
            if self.tasks.clear_selection() {
                return Effects::none();
            }
            let chat = open.history.chat;
            self.open = None;
            return ask(Request::CloseChat(chat));
        }
        self.title_filter.clear();
        Effects::none()
    }

    /// A tasks message, its chat-view picks read against the open chat's history first;
    /// "Task … created" goes into the composer.
    fn route_tasks(&mut self, message: tasks::Message, ctx: Ctx<'_>) -> Effects<Message> {
        let message = match message {
            tasks::Message::Pick(pick) => {
                let own = ctx.own_user.and_then(|u| ctx.desk.user_name(u));
                let own = own.map_or_else(|| i18n::t!("tasks-you"), |n| n.into_owned());
                let history = self.open.as_ref().map(|o| &o.history);
                match tasks::resolve(&self.tasks, pick, history, ctx.desk, &own) {
                    Some(message) => message,
                    None => return Effects::none(),
                }
            }
            other => other,
        };
        let (effects, event) = self.tasks.update(message, ctx);
        let effects = effects.map(Message::Tasks);
        match event {
            Some(tasks::Event::Compose { chat, text }) => match self.open_if(chat) {
                Some(open) => {
                    open.composer = text_editor::Content::with_text(&text);
                    let end = text_editor::Motion::DocumentEnd;
                    open.composer.perform(text_editor::Action::Move(end));
                    effects.with_task(operation::focus(COMPOSER_ID))
                }
                None => effects,
            },
            None => effects,
        }
    }

    /// Scrolls the list just enough to show row `index`.
    fn reveal(&mut self, index: usize) -> Task<Message> {
        let top = index as f32 * ROW_HEIGHT;
        let bottom = top + ROW_HEIGHT;
        let y = if top < self.offset_y {
            top
        } else if bottom > self.offset_y + self.viewport {
            bottom - self.viewport
        } else {
            return Task::none();
        };
        self.offset_y = y.max(0.0);
        operation::scroll_to(
            chat_list::LIST_ID,
            operation::AbsoluteOffset {
                x: 0.0,
                y: self.offset_y,
            },
        )
    }

    /// Opens a chat: its history is loaded and, as in Telegram, opening marks it read.
    fn select(&mut self, chat: ChatId, desk: &Desk) -> Effects<Message> {
        self.select_reading(chat, desk, None)
    }

    /// Opens a chat, its history read back to `until` when given (a drill-down), else its
    /// first page.
    fn select_reading(
        &mut self,
        chat: ChatId,
        desk: &Desk,
        until: Option<MessageId>,
    ) -> Effects<Message> {
        self.menu = None;
        if self.open_chat() == Some(chat) {
            return Effects::none();
        }
        let mut effects = Effects::none();
        if let Some(previous) = self.open_chat() {
            effects = ask(Request::CloseChat(previous));
        }
        self.toolkit.chat_changed();
        let mut open = OpenChat::new(chat);
        open.history.loading = true;
        self.open = Some(open);
        let first = match until {
            Some(message) => Request::LoadUntil { chat, message },
            None => Request::LoadHistory {
                chat,
                from: 0,
                limit: HISTORY_PAGE,
            },
        };
        effects = effects.and(ask(Request::OpenChat(chat))).and(ask(first));
        if desk.row(chat).is_some_and(|r| r.unread) {
            effects = effects.and(ask(Request::MarkChatRead(chat)));
        }
        effects.with_task(operation::focus(COMPOSER_ID))
    }
}
