//! A fixed, hand-written duty floor for snapshots: every chat, message and time is spelled
//! out here, so a snapshot changes only when the window's look does (not when the
//! simulator's world generation does).

use crate::config::Config;
use crate::desk::{ChatKind, ContentKind, Event, Message as DeskMessage, Sender};
use crate::paths::Paths;
use crate::telegram::TgEvent;
use crate::ui::app::{App, Message, Screen};
use crate::ui::clock::Clock;
use crate::ui::features::console;
use crate::ui::widgets::chat_list;
use std::path::Path;

pub mod statistics;

/// Monday 2026-03-02 10:30 UTC.
pub const NOW: i64 = 1_772_447_400;
const DUTY: i64 = -100_900;
const ME: i64 = 1;
const STAFF: [(i64, &str); 3] = [(11, "Lena Lead"), (12, "Sam Support"), (13, "Kim Keeper")];

/// (title, kind, customer name, last customer text, minutes ago, answered, unread)
const CHATS: &[(&str, ChatKind, &str, &str, i64, bool, i32)] = &[
    (
        "Acme support",
        ChatKind::Supergroup,
        "Alice Smith",
        "Our checkout page returns 502 since 10:05",
        24,
        false,
        3,
    ),
    (
        "Globex support",
        ChatKind::Supergroup,
        "Bob Jones",
        "Can you raise the disk quota to 200 GB?",
        12,
        false,
        1,
    ),
    (
        "Initech hosting",
        ChatKind::BasicGroup,
        "Peter Gibbons",
        "The TPS report server is down again",
        8,
        false,
        2,
    ),
    (
        "Carol Brown",
        ChatKind::Private,
        "Carol Brown",
        "🙏 Is the maintenance window still tonight?",
        4,
        false,
        1,
    ),
    (
        "Umbrella support",
        ChatKind::Supergroup,
        "Erin Taylor",
        "Backups failed on db-3, please check",
        2,
        false,
        1,
    ),
    (
        "Hooli support",
        ChatKind::Supergroup,
        "Gavin Belson",
        "Thanks, all works now!",
        31,
        true,
        0,
    ),
    (
        "Soylent support",
        ChatKind::Supergroup,
        "Heidi Wilson",
        "DNS changes are not applied yet",
        47,
        true,
        0,
    ),
    (
        "Stark support",
        ChatKind::Supergroup,
        "Pepper Potts",
        "Please extend our plan for another year",
        55,
        true,
        0,
    ),
    (
        "Wayne support",
        ChatKind::BasicGroup,
        "Lucius Fox",
        "SSL certificate renewed, thank you",
        63,
        true,
        0,
    ),
    (
        "Ivan Davies",
        ChatKind::Private,
        "Ivan Davies",
        "How do I reset the admin password?",
        70,
        true,
        0,
    ),
    (
        "Wonka support",
        ChatKind::Supergroup,
        "Charlie Bucket",
        "Mail to gmail is delivered again",
        84,
        true,
        0,
    ),
    (
        "Cyberdyne support",
        ChatKind::Supergroup,
        "Miles Dyson",
        "The control panel is slow today",
        96,
        true,
        0,
    ),
    (
        "Tyrell support",
        ChatKind::Supergroup,
        "Rachael Tyrell",
        "We see timeouts on the API",
        110,
        true,
        0,
    ),
    (
        "Judy Evans",
        ChatKind::Private,
        "Judy Evans",
        "Got it, thanks",
        125,
        true,
        0,
    ),
    (
        "Aperture support",
        ChatKind::Supergroup,
        "Cave Johnson",
        "Any update on ticket 4471?",
        140,
        true,
        0,
    ),
    (
        "Vandelay imports",
        ChatKind::BasicGroup,
        "Art Vandelay",
        "Invoice for February, please",
        160,
        true,
        0,
    ),
    (
        "Pied Piper support",
        ChatKind::Supergroup,
        "Richard Hendricks",
        "Compression job finished",
        190,
        true,
        0,
    ),
    (
        "Dunder support",
        ChatKind::Supergroup,
        "Pam Beesly",
        "Printer queue is stuck",
        220,
        true,
        0,
    ),
    (
        "Oscorp support",
        ChatKind::Supergroup,
        "Harry Osborn",
        "Two new mailboxes, please",
        260,
        true,
        0,
    ),
    (
        "Nakatomi support",
        ChatKind::Supergroup,
        "Holly Gennero",
        "Firewall rule for 30th floor",
        300,
        true,
        0,
    ),
    (
        "Gringotts support",
        ChatKind::Supergroup,
        "Griphook",
        "Vault backup verified",
        340,
        true,
        0,
    ),
    (
        "Mallory Hall",
        ChatKind::Private,
        "Mallory Hall",
        "Can I pay by bank transfer?",
        380,
        true,
        0,
    ),
    (
        "Blue Sun support",
        ChatKind::Supergroup,
        "Mal Reynolds",
        "Migration done, all green",
        420,
        true,
        0,
    ),
    (
        "Monsters Inc support",
        ChatKind::Supergroup,
        "Mike Wazowski",
        "Scream meter dashboard is back",
        470,
        true,
        0,
    ),
    (
        "Buy n Large support",
        ChatKind::Supergroup,
        "Shelby Forthright",
        "Quota warning emails stopped",
        520,
        true,
        0,
    ),
    (
        "Olivia Green",
        ChatKind::Private,
        "Olivia Green",
        "Perfect, closing the ticket",
        600,
        true,
        0,
    ),
    (
        "Massive Dynamic",
        ChatKind::Supergroup,
        "Nina Sharp",
        "Rotated the API keys",
        680,
        true,
        0,
    ),
    (
        "Weyland support",
        ChatKind::Supergroup,
        "Peter Weyland",
        "Storage expanded, thanks",
        760,
        true,
        0,
    ),
    (
        "Prestige support",
        ChatKind::Supergroup,
        "Mary Ellen",
        "Cron job runs fine now",
        840,
        true,
        0,
    ),
    (
        "Rupert Wood",
        ChatKind::Private,
        "Rupert Wood",
        "Speak tomorrow",
        960,
        true,
        0,
    ),
    (
        "Virtucon support",
        ChatKind::Supergroup,
        "Number Two",
        "Latency is back to normal",
        1100,
        true,
        0,
    ),
    (
        "Duff support",
        ChatKind::BasicGroup,
        "Duffman",
        "Webshop is fast again",
        1300,
        true,
        0,
    ),
];

fn id(chat: usize) -> i64 {
    -100_000 - chat as i64
}

fn msg(
    chat: i64,
    id: i64,
    sender: i64,
    minutes_ago: i64,
    text: &str,
    content: ContentKind,
) -> DeskMessage {
    DeskMessage {
        chat,
        id,
        sender: Sender::User(sender),
        date: NOW - minutes_ago * 60,
        outgoing: sender == ME,
        preview: text.into(),
        content,
    }
}

/// The fixture app: the console with the fixed floor, the first chat open, clock frozen.
pub fn app(home: &Path) -> App {
    crate::ui::fonts::install();
    crate::ui::format::use_utc(true);
    let paths = Paths::portable(home);
    let _ = paths.create_dirs();
    let mut app = App::offline(crate::ui::RunOptions {
        demo: false,
        config: Config::default(),
        paths,
    });
    app.set_clock(Clock::frozen(NOW));
    let mut settings = app.desk().settings().clone();
    settings.staff.duty_group = Some(DUTY);
    settings.own_user = Some(ME);
    app.desk_mut().set_settings(settings);
    app.set_own_user(ME);
    app.set_screen(Screen::Console);

    let mut events = vec![
        Event::OwnUser { user: ME },
        Event::UserUpdated {
            user: ME,
            name: "Dana Duty".into(),
        },
        Event::ChatAdded {
            chat: DUTY,
            kind: ChatKind::Supergroup,
            title: "Support duty".into(),
        },
        Event::MembersChanged {
            chat: DUTY,
            added: STAFF.iter().map(|s| s.0).collect(),
            removed: vec![],
        },
    ];
    for (user, name) in STAFF {
        events.push(Event::UserUpdated {
            user,
            name: name.into(),
        });
    }
    // Oldest activity first, so the list's damped order comes out as written.
    for (i, &(title, kind, customer, text, ago, answered, unread)) in CHATS.iter().enumerate().rev()
    {
        let chat = id(i);
        let user = 1000 + i as i64;
        events.push(Event::UserUpdated {
            user,
            name: customer.into(),
        });
        events.push(Event::ChatAdded {
            chat,
            kind,
            title: title.into(),
        });
        events.push(Event::HistoryMessage(msg(
            chat,
            10,
            user,
            ago + 30,
            "Hello, we have a question",
            ContentKind::Text,
        )));
        events.push(Event::HistoryMessage(msg(
            chat,
            11,
            STAFF[i % 3].0,
            ago + 20,
            "Sure, looking into it",
            ContentKind::Text,
        )));
        events.push(Event::HistoryMessage(msg(
            chat,
            12,
            user,
            ago,
            text,
            ContentKind::Text,
        )));
        if answered {
            events.push(Event::HistoryMessage(msg(
                chat,
                13,
                STAFF[(i + 1) % 3].0,
                ago - 1,
                text_reply(i),
                ContentKind::Text,
            )));
        }
        if unread > 0 {
            events.push(Event::ReadInbox {
                chat,
                last_read_inbox_message_id: 11,
                unread_count: unread,
            });
        }
    }
    let _ = app.handle(Message::Tg(events.into_iter().map(TgEvent::Desk).collect()));
    let desk = app.desk_mut();
    desk.pin(id(5));
    desk.star(id(1));
    // A lead's alarm on a chat nobody waits in: the row shows the mark right under the pin.
    desk.raise_alarm(id(6));
    desk.set_note(id(0), "VIP: call Alice before any change");

    // The chat waiting longest, open with its history.
    let open = id(0);
    let _ = app.handle(Message::Console(console::Message::List(
        chat_list::Event::Select(open),
    )));
    let user = 1000;
    let history = vec![
        msg(
            open,
            10,
            user,
            54,
            "Hello 👋 we have a question",
            ContentKind::Text,
        ),
        msg(open, 11, 12, 44, "Sure, looking into it", ContentKind::Text),
        msg(
            open,
            12,
            user,
            30,
            "Here is the error we see",
            ContentKind::Photo,
        ),
        msg(
            open,
            13,
            user,
            24,
            "Our checkout page returns 502 since 10:05",
            ContentKind::Text,
        ),
    ];
    // As Telegram answers the history request the selection made.
    let _ = app.handle(Message::Console(console::Message::Replied(
        console::Reply::History {
            chat: open,
            from: 0,
            result: Ok(history.into_iter().rev().collect()),
        },
    )));
    app
}

fn text_reply(i: usize) -> &'static str {
    [
        "Done, the quota is raised",
        "Fixed, please check again",
        "Escalated to the second line, will update you",
    ][i % 3]
}
