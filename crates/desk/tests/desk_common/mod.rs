//! The desk the rule tests start from: this account, a colleague and a customer, a duty
//! group, and helpers to add chats and messages.
#![allow(dead_code)]

use desk::{
    ChatKind, ContentKind, Desk, Event, Filter, ListFilter, Message, Sender, Settings, Transition,
};

pub const ME: i64 = 1;
pub const COLLEAGUE: i64 = 2;
pub const CUSTOMER: i64 = 100;
pub const DUTY: i64 = -900;
pub const T0: i64 = 1_700_000_000;

pub fn settings() -> Settings {
    let mut s = Settings::default();
    s.staff.duty_group = Some(DUTY);
    s
}

pub fn desk() -> Desk {
    let mut d = Desk::new(settings());
    d.apply(Event::OwnUser { user: ME }, T0);
    d.apply(group(DUTY, "Duty"), T0);
    d.apply(
        Event::MembersChanged {
            chat: DUTY,
            added: vec![ME, COLLEAGUE],
            removed: vec![],
        },
        T0,
    );
    d
}

pub fn group(chat: i64, title: &str) -> Event {
    Event::ChatAdded {
        chat,
        kind: ChatKind::Supergroup,
        title: title.into(),
    }
}

/// A channel: the desk ignores it (no customer waits in a channel).
pub fn channel(chat: i64, title: &str) -> Event {
    Event::ChatAdded {
        chat,
        kind: ChatKind::Channel,
        title: title.into(),
    }
}

pub fn message(chat: i64, id: i64, from: i64, date: i64) -> Message {
    Message {
        chat,
        id,
        sender: Sender::User(from),
        date,
        outgoing: from == ME,
        preview: format!("m{id}"),
        content: ContentKind::Text,
    }
}

pub fn arrive(d: &mut Desk, chat: i64, id: i64, from: i64, date: i64, now: i64) -> Vec<Transition> {
    d.apply(Event::MessageArrived(message(chat, id, from, date)), now)
}

pub fn order(d: &Desk, filter: Filter) -> Vec<i64> {
    let f = ListFilter::new(filter);
    d.chat_ids(&f, 0..d.len(&f))
}
