//! The desk driven from the simulator through the real path: tdsim's td_json output parsed
//! into tdlib-rs updates, translated by src/telegram/translate.rs into desk events, applied
//! at the simulator's virtual time. A customer writes, ten virtual minutes pass and the chat
//! is red; a colleague replies and it clears. Then the admin's reply fails to send (still
//! red) and its retry clears it.

use dutydesk::desk::{Event, Filter, ListFilter, Role, StatEvent, Status, Transition};
use dutydesk::telegram::translate;
use serde_json::json;

mod sim_desk;
use sim_desk::Sim;

impl Sim {
    /// Sends a text as the admin and lets tdsim settle the send (succeeded or failed).
    fn send(&mut self, chat: i64, text: &str) {
        self.send_text(chat, text);
        self.pump();
        let now = self.control.now();
        self.desk.tick(now);
    }

    /// The first-reply statistics logged since the last drain.
    fn first_replies(&mut self) -> Vec<StatEvent> {
        self.desk
            .drain_stats()
            .into_iter()
            .filter(|s| matches!(s, StatEvent::FirstReply { .. }))
            .collect()
    }

    fn status(&self, chat: i64) -> Status {
        self.desk.row(chat).expect("chat is on the desk").status
    }
}

#[test]
fn a_customer_waits_ten_virtual_minutes_turns_red_and_a_colleague_clears_it() {
    let mut sim = Sim::start();
    let layout = sim.control.layout();

    let chat = sim.chat_with_a_colleague();
    let (customer, colleague) = (chat.customers[0], chat.staff[0]);
    assert!(
        sim.desk.is_support(chat.chat_id),
        "customer chats are support chats"
    );
    assert!(
        !sim.desk.is_support(layout.duty_group_chat_id),
        "the duty group is not"
    );
    // Start from a clear chat whatever the scenario left in it.
    sim.control
        .write(chat.chat_id, colleague, "Good morning!")
        .expect("colleague writes");
    sim.pump();
    assert_eq!(sim.status(chat.chat_id), Status::Normal);
    sim.transitions.clear();

    let start = sim.control.now();
    sim.control
        .write(chat.chat_id, customer, "Our site is down, please help")
        .expect("customer writes");
    sim.pump();
    assert_eq!(sim.status(chat.chat_id), Status::Waiting);
    assert!(
        sim.transitions.iter().any(|t| matches!(t,
            Transition::CustomerMessage { chat: c, .. } if *c == chat.chat_id)),
        "a new customer message is announced"
    );
    let waiting = ListFilter::new(Filter::Waiting);
    assert!(
        sim.desk
            .chat_ids(&waiting, 0..sim.desk.len(&waiting))
            .contains(&chat.chat_id)
    );

    sim.control.advance(599);
    sim.pump();
    let t = sim.desk.tick(sim.control.now());
    assert!(!t.contains(&Transition::TurnedRed { chat: chat.chat_id }));
    assert_eq!(sim.status(chat.chat_id), Status::Waiting);

    sim.control.advance(1);
    sim.pump();
    let t = sim.desk.tick(sim.control.now());
    assert_eq!(sim.control.now() - start, 600);
    assert!(
        t.contains(&Transition::TurnedRed { chat: chat.chat_id })
            || sim
                .transitions
                .contains(&Transition::TurnedRed { chat: chat.chat_id }),
        "turning red is announced"
    );
    let row = sim.desk.row(chat.chat_id).unwrap();
    assert_eq!(row.status, Status::Red);
    assert_eq!(row.waiting_secs, Some(600));
    assert!(sim.desk.counters().red >= 1);

    sim.control
        .write(chat.chat_id, colleague, "Looking into it now")
        .expect("colleague replies");
    sim.pump();
    let row = sim.desk.row(chat.chat_id).unwrap();
    assert_eq!(row.status, Status::Normal, "a colleague's reply clears it");
    assert_eq!(row.waiting_since, None);
    let stats = sim.desk.drain_stats();
    assert!(stats.iter().any(|s| matches!(s,
        StatEvent::FirstReply { chat: c, waited_secs: 600, .. } if *c == chat.chat_id)));

    // The customer writes again and waits 11 minutes; the admin's reply fails to send.
    let asked = sim.control.now();
    sim.control
        .write(chat.chat_id, customer, "Still down!")
        .expect("customer writes");
    sim.control.advance(660);
    sim.pump();
    sim.desk.tick(sim.control.now());
    assert_eq!(sim.status(chat.chat_id), Status::Red);
    sim.control.fail_next_send(400, "CHAT_WRITE_FORBIDDEN");
    sim.send(chat.chat_id, "On it");
    let row = sim.desk.row(chat.chat_id).unwrap();
    assert_eq!(row.status, Status::Red, "the failed reply answers nothing");
    assert_eq!(row.waiting_since, Some(asked));
    assert!(
        !sim.desk
            .drain_stats()
            .iter()
            .any(|s| matches!(s, StatEvent::FirstReply { .. }))
    );
    // The retry goes out: cleared, and logged once as the first reply.
    let sent_at = sim.control.now();
    sim.send(chat.chat_id, "On it");
    assert_eq!(sim.status(chat.chat_id), Status::Normal);
    let replies = sim.first_replies();
    assert!(
        matches!(replies[..], [StatEvent::FirstReply { chat: c, waited_secs, .. }]
            if c == chat.chat_id && waited_secs == sent_at - asked),
        "{replies:?}"
    );

    // A reply from the admin's phone (another device) arrives already sent: it answers and
    // is logged, without waiting for a confirmation that never comes.
    let asked = sim.control.now();
    sim.control
        .write(chat.chat_id, customer, "And the mail?")
        .expect("customer writes");
    sim.control.advance(120);
    sim.control
        .write(chat.chat_id, layout.me, "Fixed from my phone")
        .expect("the account writes from another device");
    sim.pump();
    assert_eq!(sim.status(chat.chat_id), Status::Normal);
    let replies = sim.first_replies();
    assert!(
        matches!(replies[..], [StatEvent::FirstReply { chat: c, waited_secs, .. }]
            if c == chat.chat_id && waited_secs == sim.control.now() - asked),
        "{replies:?}"
    );
}

#[test]
fn chat_folder_names_reach_the_desk_at_login() {
    let sim = Sim::start();
    let folders = sim.control.layout().folders;
    assert!(!folders.is_empty(), "the scenario has a chat folder");
    let names: Vec<(i32, String)> = sim
        .desk
        .folders()
        .iter()
        .map(|f| (f.id, f.name.clone()))
        .collect();
    assert_eq!(names, folders, "updateChatFolders, by id and name");
}

#[test]
fn a_send_the_desk_first_meets_still_pending_is_logged_once_when_confirmed() {
    let mut sim = Sim::start();
    let layout = sim.control.layout();
    let chat = sim.customer_chat();
    // A clear chat (the account answers from another device), then a customer asks.
    sim.control
        .write(chat.chat_id, layout.me, "Good morning!")
        .expect("the account writes");
    sim.pump();
    let asked = sim.control.now();
    sim.control
        .write(chat.chat_id, chat.customers[0], "Is the server down?")
        .expect("customer writes");
    sim.control.advance(120);
    sim.pump();
    assert_eq!(sim.status(chat.chat_id), Status::Waiting);

    // Offline, the admin answers; this desk misses the announcement, as a desk started
    // after it would (TDLib keeps a pending send across restarts and delivers it again).
    sim.control.drop_connection();
    sim.deaf = true;
    let sent = sim.call(json!({"@type":"sendMessage","chat_id":chat.chat_id,
        "input_message_content":{"@type":"inputMessageText",
            "text":{"@type":"formattedText","text":"Checking"}}}));
    let temp = sent["id"].as_i64().expect("a temporary id");
    sim.pump();
    sim.deaf = false;
    sim.desk.drain_stats();

    // The desk reads the chat's history, as the app's resync does: the reply is there,
    // still pending, and arrives as a send in flight.
    let page = sim.call(json!({"@type":"getChatHistory","chat_id":chat.chat_id,
        "from_message_id":0,"offset":0,"limit":10,"only_local":false}));
    let tdlib_rs::enums::Messages::Messages(page) =
        serde_json::from_value(page).expect("tdlib-rs parses the page");
    let events: Vec<Event> = page
        .messages
        .into_iter()
        .flatten()
        .filter_map(translate::redelivered)
        .collect();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::MessageArrived(m) if m.id == temp)),
        "{events:?}"
    );
    let now = sim.control.now();
    for e in events {
        sim.desk.apply(e, now);
    }
    assert_eq!(
        sim.status(chat.chat_id),
        Status::Normal,
        "the reply in flight clears the wait at once"
    );
    let early = sim.desk.drain_stats();
    assert!(
        !early.iter().any(|s| matches!(s,
            StatEvent::Message { message, .. } | StatEvent::FirstReply { message, .. }
                if *message == temp)),
        "nothing is logged under the temporary id: {early:?}"
    );

    // Back online, TDLib confirms it: logged once, under the server's id and date.
    sim.control.advance(30);
    sim.control.restore_connection();
    sim.pump();
    let replied = sim.control.now();
    let stats = sim.desk.drain_stats();
    // The chat's new last message (history) repeats its row; the store keeps one per id.
    let mut staff_rows: Vec<(i64, i64)> = stats
        .iter()
        .filter_map(|s| match *s {
            StatEvent::Message {
                message,
                role: Role::Staff,
                date,
                ..
            } => Some((message, date)),
            _ => None,
        })
        .collect();
    staff_rows.dedup();
    let [(server_id, date)] = staff_rows[..] else {
        panic!("one staff message: {stats:?}");
    };
    assert_ne!(server_id, temp, "the server's id");
    assert_eq!(date, replied, "the server's date");
    let replies: Vec<_> = stats
        .iter()
        .filter(|s| matches!(s, StatEvent::FirstReply { .. }))
        .collect();
    assert!(
        matches!(replies[..], [StatEvent::FirstReply { message, waited_secs, .. }]
            if *message == server_id && *waited_secs == replied - asked),
        "{stats:?}"
    );
    assert!(
        !stats
            .iter()
            .any(|s| matches!(s, StatEvent::MessageIdChanged { .. })),
        "nothing logged earlier to move: {stats:?}"
    );
    assert_eq!(sim.status(chat.chat_id), Status::Normal);
}
