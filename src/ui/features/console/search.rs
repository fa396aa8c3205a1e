//! Search in the open chat (Ctrl+F, Enter for the next hit) and across chats (Ctrl+Shift+F,
//! results grouped by chat).

use super::requests::{Request, ask};
use super::{ChatSearch, Console, GLOBAL_SEARCH_ID, GlobalSearch, Message, SEARCH_ID};
use crate::desk::{ChatId, Message as DeskMessage};
use crate::ui::effect::Effects;
use iced::widget::operation;

impl Console {
    pub(super) fn search(&mut self, message: Message) -> Effects<Message> {
        match message {
            Message::SearchOpen => {
                let Some(open) = &mut self.open else {
                    return Effects::none();
                };
                open.search.get_or_insert_with(|| ChatSearch {
                    query: String::new(),
                    hits: Vec::new(),
                    current: 0,
                    searched: None,
                });
                Effects::task(operation::focus(SEARCH_ID))
            }
            Message::SearchQuery(query) => {
                if let Some(search) = self.open.as_mut().and_then(|o| o.search.as_mut()) {
                    search.query = query;
                }
                Effects::none()
            }
            Message::SearchSubmit => self.search_submit(),
            Message::SearchJump(step) => {
                if let Some(search) = self.open.as_mut().and_then(|o| o.search.as_mut())
                    && !search.hits.is_empty()
                {
                    let n = search.hits.len() as i32;
                    search.current = (search.current as i32 + step).rem_euclid(n) as usize;
                }
                Effects::none()
            }
            Message::GlobalOpen => {
                self.global.get_or_insert_with(|| GlobalSearch {
                    query: String::new(),
                    searched: None,
                    groups: Vec::new(),
                    error: None,
                });
                Effects::task(operation::focus(GLOBAL_SEARCH_ID))
            }
            Message::GlobalQuery(query) => {
                if let Some(global) = &mut self.global {
                    global.query = query;
                }
                Effects::none()
            }
            Message::GlobalSubmit => {
                let Some(global) = &self.global else {
                    return Effects::none();
                };
                let query = global.query.trim().to_string();
                if query.is_empty() {
                    return Effects::none();
                }
                ask(Request::SearchAll { query })
            }
            _ => Effects::none(),
        }
    }

    fn search_submit(&mut self) -> Effects<Message> {
        let Some(open) = &mut self.open else {
            return Effects::none();
        };
        let Some(search) = &mut open.search else {
            return Effects::none();
        };
        let query = search.query.trim().to_string();
        if query.is_empty() {
            return Effects::none();
        }
        if search.searched.as_deref() == Some(&query) && !search.hits.is_empty() {
            // Enter again: the next (older) result, like a browser's find.
            search.current = (search.current + 1) % search.hits.len();
            return Effects::none();
        }
        ask(Request::SearchChat {
            chat: open.history.chat,
            query,
        })
    }

    pub(super) fn chat_search_done(&mut self, chat: ChatId, query: String, hits: Vec<DeskMessage>) {
        if let Some(open) = self.open_if(chat)
            && let Some(search) = &mut open.search
        {
            search.hits = hits;
            search.current = 0;
            search.searched = Some(query);
        }
    }

    pub(super) fn global_search_done(
        &mut self,
        query: String,
        result: Result<Vec<DeskMessage>, String>,
    ) {
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
fn group_by_chat(hits: Vec<DeskMessage>) -> Vec<(ChatId, Vec<DeskMessage>)> {
    let mut groups: Vec<(ChatId, Vec<DeskMessage>)> = Vec::new();
    for hit in hits {
        match groups.iter_mut().find(|(chat, _)| *chat == hit.chat) {
            Some((_, list)) => list.push(hit),
            None => groups.push((hit.chat, vec![hit])),
        }
    }
    groups
}
