//! A team the team tests start from: this account (ME) and a colleague as members of the
//! duty group, a lead who administers it, its owner, a customer chat or two, and helpers to
//! post team actions as Telegram would deliver them.
#![allow(dead_code)]

use desk::team::protocol::build;
use desk::{
    Action, ChatKind, Desk, Event, Ignored, MemberStatus, Sender, Settings, TeamMessage, Transition,
};

pub const ME: i64 = 1;
pub const COLLEAGUE: i64 = 2;
pub const LEAD: i64 = 3;
pub const OWNER: i64 = 4;
pub const OUTSIDER: i64 = 50;
pub const CUSTOMER: i64 = 100;
pub const DUTY: i64 = -1_000_000_000_900;
pub const ACME: i64 = -1_000_000_001_001;
pub const INITECH: i64 = -1_000_000_001_002;
pub const ALERTS: i64 = -1_000_000_001_003;
pub const T0: i64 = 1_700_000_000;

pub fn settings() -> Settings {
    let mut s = Settings::default();
    s.staff.duty_group = Some(DUTY);
    s
}

/// The desk with the duty group's members known and two customer chats.
pub fn team_desk() -> Desk {
    let mut d = bare_desk();
    d.apply(members(), T0);
    d
}

/// Like `team_desk` but the member list has not arrived yet.
pub fn bare_desk() -> Desk {
    let mut d = Desk::new(settings());
    d.apply(Event::OwnUser { user: ME }, T0);
    for (chat, title) in [
        (DUTY, "Duty"),
        (ACME, "ACME support"),
        (INITECH, "Initech"),
        (ALERTS, "Monitoring"),
    ] {
        d.apply(
            Event::ChatAdded {
                chat,
                kind: ChatKind::Supergroup,
                title: title.into(),
            },
            T0,
        );
    }
    for (user, name) in [
        (ME, "Me Myself"),
        (COLLEAGUE, "Anna Petrova"),
        (LEAD, "Лев Толстой"),
        (OWNER, "Olga"),
    ] {
        d.apply(
            Event::UserUpdated {
                user,
                name: name.into(),
            },
            T0,
        );
    }
    d
}

pub fn members() -> Event {
    Event::DutyGroupMembers {
        chat: DUTY,
        members: vec![
            (ME, MemberStatus::Member),
            (COLLEAGUE, MemberStatus::Member),
            (LEAD, MemberStatus::Administrator),
            (OWNER, MemberStatus::Owner),
        ],
        complete: true,
    }
}

/// A message in the duty group from `from`, dated `T0 + id` (ids grow with dates).
pub fn team_message(id: i64, from: i64, text: &str) -> TeamMessage {
    TeamMessage {
        chat: DUTY,
        id,
        sender: Sender::User(from),
        date: T0 + id,
        text: text.into(),
        forwarded: false,
        pinned: false,
    }
}

/// The message a DutyDesk client posts for `action`.
pub fn action_message(id: i64, from: i64, action: &Action) -> TeamMessage {
    team_message(id, from, &build("Someone did something", action))
}

pub fn post(d: &mut Desk, id: i64, from: i64, action: &Action) -> Vec<Transition> {
    d.apply(
        Event::TeamMessage(action_message(id, from, action)),
        T0 + id,
    )
}

pub fn alarm(chat: i64, reason: &str) -> Action {
    Action::RaiseAlarm {
        chat,
        message: None,
        reason: Some(reason.into()),
    }
}

pub fn clear(chat: i64) -> Action {
    Action::ClearAlarm { chat }
}

/// The settings action, pinned, from `from`.
pub fn publish(d: &mut Desk, id: i64, from: i64, document: &str) {
    let mut m = action_message(
        id,
        from,
        &Action::PublishSettings {
            document: document.into(),
        },
    );
    m.pinned = true;
    d.apply(Event::TeamMessage(m), T0 + id);
}

/// Why the messages since the last call were refused.
pub fn ignored(d: &mut Desk) -> Vec<Ignored> {
    d.drain_team_notices()
        .into_iter()
        .map(|n| n.ignored)
        .collect()
}

/// A customer message in a customer chat.
pub fn customer_says(d: &mut Desk, chat: i64, id: i64, date: i64, text: &str) -> Vec<Transition> {
    d.apply(
        Event::MessageArrived(desk::Message {
            chat,
            id,
            sender: Sender::User(CUSTOMER),
            date,
            outgoing: false,
            preview: text.into(),
            content: desk::ContentKind::Text,
        }),
        date,
    )
}

pub fn order(d: &Desk, filter: desk::Filter) -> Vec<i64> {
    let f = desk::ListFilter::new(filter);
    d.chat_ids(&f, 0..d.len(&f))
}
