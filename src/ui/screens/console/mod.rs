//! The duty console: the chat list, the open chat, search and per-chat actions. Its state
//! is only what the desk does not hold (selection, scroll, open chat, search, editors);
//! the rows themselves are read from the desk on every view.

pub mod actions;
pub mod chat_view;
pub mod header;
pub mod history;
pub mod list_pane;
mod menu_place;
pub mod overview;

use crate::desk::{ChatId, Desk, Filter, ListFilter, Message as DeskMessage, MessageId};
use crate::ui::requests::Request;
use crate::ui::widgets::chat_list::{self, ROW_HEIGHT};
use history::History;
use iced::widget::{operation, text_editor};
use iced::{Point, Task};

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
    /// Raises the alarm on this chat, or clears it (local to this admin for now).
    ToggleAlarm,
}

#[derive(Debug, Clone)]
pub enum Msg {
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
        }
    }
}

#[derive(Default)]
pub struct Console {
    pub filter: Filter,
    pub title_filter: String,
    pub offset_y: f32,
    pub viewport: f32,
    pub open: Option<OpenChat>,
    pub menu: Option<ChatId>,
    /// Where the menu opens, in the list pane's coordinates: at the pointer when it was
    /// right-clicked, `None` at the chat's row (opened from the keyboard).
    pub menu_at: Option<Point>,
    /// The last right click, waiting for the row's `Menu` that comes right after it.
    right_click: Option<Point>,
    /// Where the list was when the menu opened (see `menu_place`).
    menu_place: Option<menu_place::Place>,
    pub global: Option<GlobalSearch>,
    next_local: u64,
}

/// What the console needs from the app for one update.
pub struct Ctx<'a> {
    pub desk: &'a mut Desk,
    pub now: i64,
    pub link_previews: bool,
    pub own: Option<i64>,
    /// `messages.send_typing`: off by default, so no chat action is ever sent.
    pub send_typing: bool,
}

/// What an update asks the app to do.
#[derive(Default)]
pub struct Out {
    pub requests: Vec<Request>,
    pub task: Option<Task<Msg>>,
}

impl Out {
    fn request(r: Request) -> Out {
        Out {
            requests: vec![r],
            task: None,
        }
    }
    /// Adds a task to run beside the one already asked for (focus and scroll together).
    fn also(&mut self, t: Task<Msg>) {
        self.task = Some(match self.task.take() {
            Some(first) => Task::batch([first, t]),
            None => t,
        });
    }
    fn task(t: Task<Msg>) -> Out {
        Out {
            requests: Vec::new(),
            task: Some(t),
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

    pub fn list_filter(&self) -> ListFilter {
        ListFilter::with_title(self.filter, self.title_filter.trim())
    }

    pub fn open_chat(&self) -> Option<ChatId> {
        self.open.as_ref().map(|o| o.history.chat)
    }

    /// The open chat's state, if `chat` is the one open.
    pub fn open_if(&mut self, chat: ChatId) -> Option<&mut OpenChat> {
        self.open.as_mut().filter(|o| o.history.chat == chat)
    }

    pub fn update(&mut self, msg: Msg, ctx: Ctx<'_>) -> Out {
        match msg {
            Msg::List(chat_list::Event::Select(chat)) => self.select(chat, ctx.desk),
            Msg::List(chat_list::Event::Menu(chat)) => {
                let at = self.right_click.take();
                self.open_menu(Some(chat), at);
                Out::default()
            }
            Msg::RightClickAt(at) => {
                self.right_click = Some(at);
                Out::default()
            }
            Msg::List(chat_list::Event::Scrolled { offset_y, height }) => {
                self.offset_y = offset_y;
                self.viewport = height;
                Out::default()
            }
            Msg::Filter(filter) => {
                self.filter = filter;
                self.offset_y = 0.0;
                Out::task(operation::snap_to(
                    chat_list::LIST_ID,
                    operation::RelativeOffset::START,
                ))
            }
            Msg::TitleFilter(title) => {
                self.title_filter = title;
                self.offset_y = 0.0;
                Out::task(operation::snap_to(
                    chat_list::LIST_ID,
                    operation::RelativeOffset::START,
                ))
            }
            Msg::MarkAllRead => Out::request(Request::MarkAllRead),
            Msg::Act(chat, action) => {
                self.menu = None;
                self.act(chat, action, ctx.desk)
            }
            Msg::CloseMenu => {
                self.menu = None;
                Out::default()
            }
            Msg::NoteChanged(text) => {
                if let Some(open) = &mut self.open {
                    open.note = Some(text);
                }
                Out::default()
            }
            Msg::NoteSave => {
                if let Some(open) = &mut self.open
                    && let Some(note) = open.note.take()
                {
                    ctx.desk.set_note(open.history.chat, note.trim());
                }
                Out::default()
            }
            Msg::Composer(action) => {
                let mut out = Out::default();
                if let Some(open) = &mut self.open {
                    let typed = action.is_edit();
                    open.composer.perform(action);
                    let due = open
                        .typing_sent_at
                        .is_none_or(|t| ctx.now - t >= TYPING_EVERY_SECS);
                    if typed && ctx.send_typing && due {
                        open.typing_sent_at = Some(ctx.now);
                        out.requests.push(Request::SendTyping(open.history.chat));
                    }
                }
                out
            }
            Msg::Send => self.send(ctx),
            Msg::ReplyTo(id) => {
                if let Some(open) = &mut self.open {
                    open.reply_to = Some(id);
                }
                Out::task(operation::focus(COMPOSER_ID))
            }
            Msg::CancelReply => {
                if let Some(open) = &mut self.open {
                    open.reply_to = None;
                }
                Out::default()
            }
            Msg::Retry(local) => {
                let Some(open) = &mut self.open else {
                    return Out::default();
                };
                let Some((text, reply_to)) = open.history.take_failed(local) else {
                    return Out::default();
                };
                self.send_text(text, reply_to, ctx)
            }
            Msg::HistoryScrolled { from_top } => {
                let Some(open) = &mut self.open else {
                    return Out::default();
                };
                if from_top < 60.0
                    && !open.history.complete
                    && !open.history.loading
                    && !open.history.lines.is_empty()
                {
                    open.history.loading = true;
                    let chat = open.history.chat;
                    return Out::request(Request::LoadHistory {
                        chat,
                        from: open.history.oldest_id(),
                        limit: HISTORY_PAGE,
                    });
                }
                Out::default()
            }
            Msg::SearchOpen => {
                let Some(open) = &mut self.open else {
                    return Out::default();
                };
                if open.search.is_none() {
                    open.search = Some(ChatSearch {
                        query: String::new(),
                        hits: Vec::new(),
                        current: 0,
                        searched: None,
                    });
                }
                Out::task(operation::focus(SEARCH_ID))
            }
            Msg::SearchQuery(query) => {
                if let Some(search) = self.open.as_mut().and_then(|o| o.search.as_mut()) {
                    search.query = query;
                }
                Out::default()
            }
            Msg::SearchSubmit => {
                let Some(open) = &mut self.open else {
                    return Out::default();
                };
                let Some(search) = &mut open.search else {
                    return Out::default();
                };
                let query = search.query.trim().to_string();
                if query.is_empty() {
                    return Out::default();
                }
                if search.searched.as_deref() == Some(&query) && !search.hits.is_empty() {
                    // Enter again: the next (older) result, like a browser's find.
                    search.current = (search.current + 1) % search.hits.len();
                    return Out::default();
                }
                Out::request(Request::SearchChat {
                    chat: open.history.chat,
                    query,
                })
            }
            Msg::SearchJump(step) => {
                if let Some(search) = self.open.as_mut().and_then(|o| o.search.as_mut())
                    && !search.hits.is_empty()
                {
                    let n = search.hits.len() as i32;
                    search.current = (search.current as i32 + step).rem_euclid(n) as usize;
                }
                Out::default()
            }
            Msg::GlobalOpen => {
                if self.global.is_none() {
                    self.global = Some(GlobalSearch {
                        query: String::new(),
                        searched: None,
                        groups: Vec::new(),
                        error: None,
                    });
                }
                Out::task(operation::focus(GLOBAL_SEARCH_ID))
            }
            Msg::GlobalQuery(query) => {
                if let Some(global) = &mut self.global {
                    global.query = query;
                }
                Out::default()
            }
            Msg::GlobalSubmit => {
                let Some(global) = &self.global else {
                    return Out::default();
                };
                let query = global.query.trim().to_string();
                if query.is_empty() {
                    return Out::default();
                }
                Out::request(Request::SearchAll { query })
            }
            Msg::GlobalPick(chat) => {
                self.global = None;
                self.select(chat, ctx.desk)
            }
            Msg::Step(step) => {
                let filter = self.list_filter();
                let total = ctx.desk.len(&filter);
                if total == 0 {
                    return Out::default();
                }
                let here = self.open_chat().and_then(|c| ctx.desk.position(&filter, c));
                let target = match here {
                    Some(i) => (i as i64 + step as i64).clamp(0, total as i64 - 1) as usize,
                    None if step < 0 => total - 1,
                    None => 0,
                };
                let Some(&chat) = ctx.desk.chat_ids(&filter, target..target + 1).first() else {
                    return Out::default();
                };
                let mut out = self.select(chat, ctx.desk);
                out.also(self.reveal(target));
                out
            }
            Msg::NextWaiting => match ctx.desk.longest_waiting() {
                Some(chat) => {
                    let mut out = self.select(chat, ctx.desk);
                    if let Some(i) = ctx.desk.position(&self.list_filter(), chat) {
                        out.also(self.reveal(i));
                    }
                    out
                }
                None => Out::default(),
            },
            Msg::Escape => {
                if self.menu.take().is_some() || self.global.take().is_some() {
                    return Out::default();
                }
                if let Some(open) = &mut self.open {
                    if open.search.take().is_some()
                        || open.note.take().is_some()
                        || open.reply_to.take().is_some()
                    {
                        return Out::default();
                    }
                    let chat = open.history.chat;
                    self.open = None;
                    return Out::request(Request::CloseChat(chat));
                }
                if !self.title_filter.is_empty() {
                    self.title_filter.clear();
                }
                Out::default()
            }
            Msg::MenuForOpen => {
                self.right_click = None;
                self.open_menu(self.open_chat(), None);
                Out::default()
            }
        }
    }

    /// Scrolls the list just enough to show row `index`.
    fn reveal(&mut self, index: usize) -> Task<Msg> {
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
    fn select(&mut self, chat: ChatId, desk: &Desk) -> Out {
        self.menu = None;
        if self.open_chat() == Some(chat) {
            return Out::default();
        }
        let mut requests = Vec::new();
        if let Some(previous) = self.open_chat() {
            requests.push(Request::CloseChat(previous));
        }
        let mut open = OpenChat::new(chat);
        open.history.loading = true;
        self.open = Some(open);
        requests.push(Request::OpenChat(chat));
        requests.push(Request::LoadHistory {
            chat,
            from: 0,
            limit: HISTORY_PAGE,
        });
        if desk.row(chat).is_some_and(|r| r.unread) {
            requests.push(Request::MarkChatRead(chat));
        }
        Out {
            requests,
            task: Some(operation::focus(COMPOSER_ID)),
        }
    }

    /// Feeds the open chat's history from the desk events the app applied.
    pub fn observe(&mut self, event: &crate::desk::Event) {
        use crate::desk::Event;
        let Some(open) = &mut self.open else { return };
        let h = &mut open.history;
        match event {
            Event::MessageArrived(m) if m.chat == h.chat => h.merge(std::slice::from_ref(m)),
            Event::MessageEdited { chat, id, preview } if *chat == h.chat => h.edited(*id, preview),
            Event::MessagesDeleted { chat, ids } if *chat == h.chat => h.deleted(ids),
            _ => {}
        }
    }

    pub fn history_loaded(
        &mut self,
        chat: ChatId,
        from: MessageId,
        messages: Result<Vec<DeskMessage>, String>,
    ) -> Vec<Request> {
        let Some(open) = &mut self.open else {
            return Vec::new();
        };
        if open.history.chat != chat {
            return Vec::new();
        }
        open.history.loading = false;
        match messages {
            Ok(messages) => {
                // TDLib may return fewer than asked even when more exist; only an empty
                // page means the start of the chat.
                if messages.is_empty() || (from != 0 && messages.iter().all(|m| m.id >= from)) {
                    open.history.complete = true;
                }
                open.history.merge(&messages);
                if from == 0 {
                    let ids: Vec<MessageId> = messages.iter().map(|m| m.id).take(1).collect();
                    if !ids.is_empty() {
                        return vec![Request::ViewMessages { chat, ids }];
                    }
                }
            }
            Err(_) => open.history.complete = true,
        }
        Vec::new()
    }

    pub fn chat_search_done(&mut self, chat: ChatId, query: String, hits: Vec<DeskMessage>) {
        if let Some(open) = &mut self.open
            && open.history.chat == chat
            && let Some(search) = &mut open.search
        {
            search.hits = hits;
            search.current = 0;
            search.searched = Some(query);
        }
    }

    pub fn global_search_done(&mut self, query: String, result: Result<Vec<DeskMessage>, String>) {
        let Some(global) = &mut self.global else {
            return;
        };
        global.searched = Some(query);
        match result {
            Ok(hits) => {
                global.error = None;
                global.groups = group_by_chat(hits);
            }
            Err(e) => global.error = Some(e),
        }
    }
}

/// Groups search hits by chat, keeping the order in which each chat first appears (TDLib
/// returns the newest hits first, so the chat with the newest hit leads).
pub fn group_by_chat(hits: Vec<DeskMessage>) -> Vec<(ChatId, Vec<DeskMessage>)> {
    let mut groups: Vec<(ChatId, Vec<DeskMessage>)> = Vec::new();
    for hit in hits {
        match groups.iter_mut().find(|(chat, _)| *chat == hit.chat) {
            Some((_, list)) => list.push(hit),
            None => groups.push((hit.chat, vec![hit])),
        }
    }
    groups
}
