//! Where Telegram's texts enter the window's features for a contractor: the one boundary
//! besides the desk's own view models (rows, names, titles, notes, which the desk masks
//! itself). Every history page, search hit and arrival a feature is handed passes here
//! first, so a feature — an existing screen or a new one — never holds a customer's name,
//! username, phone number or e-mail to show. With masking off nothing is copied. (And the
//! team document's toolkit problem for the banner, the toolkit's other app-level duty.)

use std::borrow::Cow;

use super::App;
use crate::desk::{Event, Message as DeskMessage};
use crate::ui::features::console::{self, Reply};

impl App {
    /// A newly published team document whose toolkit sections do not read: the banner
    /// says where, once per problem (the last good toolkit stays in force).
    pub(super) fn toolkit_error_to_banner(&mut self) {
        let error = self
            .core
            .desk
            .toolkit_team_error()
            .map(crate::toolkit::team_error);
        if error != self.notices.toolkit_error {
            if let Some(text) = &error {
                self.notices.banner = Some(text.clone());
            }
            self.notices.toolkit_error = error;
        }
    }

    /// A console message as the console may see it.
    pub(super) fn masked_console(&self, message: console::Message) -> console::Message {
        let desk = &self.core.desk;
        if !desk.masking_active() {
            return message;
        }
        let mask = |mut messages: Vec<DeskMessage>| {
            messages.iter_mut().for_each(|m| desk.mask_message(m));
            messages
        };
        match message {
            console::Message::Replied(Reply::History { chat, from, result }) => {
                console::Message::Replied(Reply::History {
                    chat,
                    from,
                    result: result.map(mask),
                })
            }
            console::Message::Replied(Reply::ChatSearch {
                chat,
                query,
                result,
            }) => console::Message::Replied(Reply::ChatSearch {
                chat,
                query,
                result: result.map(mask),
            }),
            console::Message::Replied(Reply::GlobalSearch { query, result }) => {
                console::Message::Replied(Reply::GlobalSearch {
                    query,
                    result: result.map(mask),
                })
            }
            other => other,
        }
    }

    /// A desk event as the features observing it may see it (arrivals and edits carry
    /// texts; the desk itself gets the event as it came).
    pub(super) fn masked_event<'e>(&self, event: &'e Event) -> Cow<'e, Event> {
        let desk = &self.core.desk;
        if !desk.masking_active() {
            return Cow::Borrowed(event);
        }
        match event {
            Event::MessageArrived(m) => {
                let mut m = m.clone();
                desk.mask_message(&mut m);
                Cow::Owned(Event::MessageArrived(m))
            }
            Event::MessageEdited { chat, id, preview } => Cow::Owned(Event::MessageEdited {
                chat: *chat,
                id: *id,
                preview: desk.masked(preview).into_owned(),
            }),
            other => Cow::Borrowed(other),
        }
    }
}
