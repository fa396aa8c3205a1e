//! The toolkit's rules through the desk: SLA tiers by tag and by chat (the list, counters,
//! transitions and the statistics' map agree), the tag filter, alerts chats above alarms
//! with their own unread count and no SLA, reminders (at a time, when the customer writes,
//! lifted until opened, loaded from the store), masking of what the desk hands out, the
//! team's document merged with the admin's own, and guards.

mod team_common;

use desk::toolkit::document::{Origin, parse};
use desk::toolkit::guards::GuardAction;
use desk::toolkit::masking::{MaskWords, pseudonym};
use desk::toolkit::{StoredReminder, reminders::Reminder};
use desk::{
    ChatKind, Due, Event, Filter, ListFilter, LocalChange, LocalState, Status, Thresholds,
    ToolkitChange, ToolkitLocal, Transition,
};
use team_common::*;

const PERSONAL: &str = r#"
[toolkit]
alerts_chats = []

[toolkit.sla_tiers.vip]
label = "VIP"
red_minutes = 4
breach_minutes = 5

[toolkit.sla_tiers.expert]
red_minutes = 20
breach_minutes = 30

[toolkit.tags.vip]
label = "VIP"
colour = "gold"
tier = "vip"

[toolkit.tags.billing]
colour = "blue"

[[toolkit.guards]]
name = "Secrets"
words = ["password:"]
action = "block"

[[toolkit.guards]]
name = "Hosts"
patterns = ["*.corp.acme.com"]
action = "warn"
"#;

fn toolkit_desk() -> desk::Desk {
    let mut d = team_desk();
    d.set_personal_toolkit(parse(PERSONAL, Origin::Config).unwrap());
    d
}

#[test]
fn a_vip_chat_is_red_at_four_minutes_a_regular_one_is_not() {
    let mut d = toolkit_desk();
    assert!(d.set_tag(ACME, "vip", true));
    assert!(!d.set_tag(ACME, "vip", true), "already tagged");
    assert_eq!(d.thresholds(ACME), Thresholds::new(240, 300));
    assert_eq!(d.thresholds(INITECH), Thresholds::new(600, 900));
    customer_says(&mut d, ACME, 10, T0, "hello");
    customer_says(&mut d, INITECH, 10, T0, "hello");
    assert_eq!(d.tick(T0 + 239), vec![]);
    assert_eq!(d.tick(T0 + 240), vec![Transition::TurnedRed { chat: ACME }]);
    assert_eq!(d.row(ACME).unwrap().status, Status::Red);
    assert_eq!(d.row(INITECH).unwrap().status, Status::Waiting);
    assert_eq!(d.counters().red, 1);
    assert_eq!(d.next_deadline(), Some(T0 + 300));
    assert_eq!(d.tick(T0 + 300), vec![Transition::Breached { chat: ACME }]);
    assert_eq!(d.tier_of(ACME).map(|t| t.label.as_str()), Some("VIP"));
    let tags = d.row(ACME).unwrap().tags;
    let chips: Vec<String> = d.tag_chips(tags).into_iter().map(|t| t.label).collect();
    assert_eq!(chips, ["VIP"]);
    // Statistics judge with the same thresholds.
    let map = d.sla_map();
    assert_eq!(map.of(ACME), Thresholds::new(240, 300));
    assert_eq!(map.of(INITECH), d.default_thresholds());
    // Untagged, ACME is judged by the default again: no longer red at 300 s.
    d.set_tag(ACME, "vip", false);
    assert_eq!(d.row(ACME).unwrap().status, Status::Waiting);
    assert_eq!(d.counters().red, 0);
    let changes = d.drain_local_changes();
    assert!(changes.contains(&LocalChange::Toolkit(ToolkitChange::Tag {
        chat: ACME,
        tag: "vip".into(),
        on: true
    })));
}

#[test]
fn a_chat_tier_outranks_its_tags_and_the_strictest_tag_wins() {
    let mut d = toolkit_desk();
    d.set_tag(ACME, "vip", true);
    d.set_chat_tier(ACME, Some("expert"));
    assert_eq!(d.thresholds(ACME), Thresholds::new(1200, 1800));
    d.set_chat_tier(ACME, None);
    assert_eq!(d.thresholds(ACME), Thresholds::new(240, 300));
    assert_eq!(d.tier_of(INITECH), None);
}

#[test]
fn the_tag_filter_lists_tagged_chats_in_list_order() {
    let mut d = toolkit_desk();
    d.set_tag(INITECH, "billing", true);
    d.set_tag(ACME, "billing", true);
    d.set_tag(ACME, "vip", true);
    let billing = d.toolkit().tag_index("billing");
    let vip = d.toolkit().tag_index("vip");
    let f = ListFilter::new(Filter::All).with_tag(billing);
    let all = ListFilter::new(Filter::All);
    let in_order: Vec<i64> = d
        .chat_ids(&all, 0..d.len(&all))
        .into_iter()
        .filter(|c| [ACME, INITECH].contains(c))
        .collect();
    assert_eq!(d.chat_ids(&f, 0..10), in_order);
    assert_eq!(d.len(&f), 2);
    let f = ListFilter::new(Filter::All).with_tag(vip);
    assert_eq!(d.chat_ids(&f, 0..10), [ACME]);
    assert_eq!(d.position(&f, ACME), Some(0));
    assert_eq!(d.position(&f, INITECH), None);
    let f = ListFilter::with_title(Filter::All, "init").with_tag(billing);
    assert_eq!(d.chat_ids(&f, 0..10), [INITECH]);
}

#[test]
fn an_alerts_chat_sits_above_an_alarmed_chat_with_its_own_unread_count() {
    let mut d = toolkit_desk();
    d.raise_alarm(ACME);
    d.pin(INITECH);
    customer_says(&mut d, ALERTS, 5, T0, "disk full on db1");
    d.apply(
        Event::ReadInbox {
            chat: ALERTS,
            last_read_inbox_message_id: 0,
            unread_count: 3,
        },
        T0,
    );
    assert!(
        d.row(ALERTS).unwrap().support,
        "a group with a customer writing"
    );
    assert_eq!(d.counters().waiting, 1);
    assert!(d.set_alerts(ALERTS, true));
    let top = order(&d, Filter::All);
    assert_eq!(&top[..3], [ALERTS, INITECH, ACME]);
    let row = d.row(ALERTS).unwrap();
    assert!(row.alerts && !row.support);
    assert_eq!(row.status, Status::Normal, "no SLA for alerts");
    let k = d.counters();
    assert_eq!((k.waiting, k.alerts_unread, k.unread_chats), (0, 1, 0));
    assert_eq!(d.tick(T0 + 10_000), vec![], "never red");
    // The team's alerts chats count too.
    d.set_alerts(ALERTS, false);
    publish(&mut d, 1, OWNER, "[alerts]\nchats = [-1000000001003]\n");
    assert!(d.is_alerts(ALERTS));
    assert_eq!(order(&d, Filter::All)[0], ALERTS);
}

#[test]
fn a_reminder_fires_lifts_its_chat_until_opened() {
    let mut d = toolkit_desk();
    d.tick(T0);
    assert!(
        d.set_reminder(INITECH, Due::At(T0 + 1800), " call back ")
            .is_empty()
    );
    assert_eq!(d.row(INITECH).unwrap().reminder.unwrap().note, "call back");
    assert_eq!(d.next_deadline(), Some(T0 + 1800));
    assert_eq!(d.tick(T0 + 1799), vec![]);
    assert_eq!(
        d.tick(T0 + 1800),
        vec![Transition::ReminderDue { chat: INITECH }]
    );
    let row = d.row(INITECH).unwrap();
    assert!(row.reminder.as_ref().unwrap().fired);
    assert_eq!(
        order(&d, Filter::Waiting),
        [INITECH],
        "listed like a waiting chat"
    );
    assert_eq!(d.counters().reminders_due, 1);
    assert_eq!(d.counters().waiting, 0, "not a customer's wait");
    assert_eq!(d.reminders()[0].fired_at, Some(T0 + 1800));
    assert_eq!(d.reminders()[0].note, "call back");
    d.chat_opened(INITECH);
    assert!(d.row(INITECH).unwrap().reminder.is_none());
    assert!(order(&d, Filter::Waiting).is_empty());
    assert!(d.reminders().is_empty());
    let changes = d.drain_local_changes();
    assert!(matches!(
        changes.last(),
        Some(LocalChange::Toolkit(ToolkitChange::Reminder {
            chat: INITECH,
            reminder: None
        }))
    ));
}

#[test]
fn a_reminder_waits_for_the_customer() {
    let mut d = toolkit_desk();
    d.set_reminder(ACME, Due::CustomerWrites, "");
    assert_eq!(d.next_deadline(), None);
    let out = customer_says(&mut d, ACME, 20, T0 + 60, "any news?");
    assert!(out.contains(&Transition::ReminderDue { chat: ACME }));
    assert!(d.row(ACME).unwrap().reminder.unwrap().fired);
}

#[test]
fn a_reminder_due_while_closed_fires_at_start_and_a_fired_one_stays_lifted() {
    let mut d = desk::Desk::new(settings());
    let stored = |chat, due, fired_at| StoredReminder {
        reminder: Reminder {
            chat,
            due: Due::At(due),
            note: "renewal".into(),
            set_at: T0 - 7200,
        },
        fired_at,
    };
    d.load_local(LocalState {
        toolkit: ToolkitLocal {
            reminders: vec![
                stored(ACME, T0 - 60, None),
                stored(INITECH, T0 - 3600, Some(T0 - 3600)),
            ],
            ..ToolkitLocal::default()
        },
        ..LocalState::default()
    });
    let out = d.apply(
        Event::ChatAdded {
            chat: ACME,
            kind: ChatKind::Supergroup,
            title: "ACME".into(),
        },
        T0,
    );
    assert_eq!(
        out,
        vec![Transition::ReminderDue { chat: ACME }],
        "fires at the first time it sees"
    );
    d.apply(
        Event::ChatAdded {
            chat: INITECH,
            kind: ChatKind::Supergroup,
            title: "Initech".into(),
        },
        T0,
    );
    assert!(
        d.row(INITECH).unwrap().reminder.unwrap().fired,
        "fired before, still lifted"
    );
    assert_eq!(d.counters().reminders_due, 2);
}

#[test]
fn masking_hides_customers_not_staff() {
    let mut d = toolkit_desk();
    d.apply(
        Event::UserUpdated {
            user: CUSTOMER,
            name: "Alice Smith".into(),
        },
        T0,
    );
    d.apply(
        Event::ChatAdded {
            chat: CUSTOMER,
            kind: ChatKind::Private,
            title: "Alice Smith".into(),
        },
        T0,
    );
    customer_says(
        &mut d,
        CUSTOMER,
        7,
        T0,
        "I am Alice, call +1 555 010 9999 or alice@example.com",
    );
    assert_eq!(d.row(CUSTOMER).unwrap().title, "Alice Smith");
    let mut doc = parse(PERSONAL, Origin::Config).unwrap();
    doc.mask_customers = true;
    d.set_personal_toolkit(doc);
    d.set_mask_words(MaskWords::default());
    assert!(d.masking_active());
    let row = d.row(CUSTOMER).unwrap();
    let p = pseudonym(&MaskWords::default(), CUSTOMER);
    assert_eq!(row.title, p);
    assert_eq!(row.preview, format!("I am {p}, call [phone] or [e-mail]"));
    assert_eq!(d.user_name(CUSTOMER).unwrap(), p);
    assert_eq!(
        d.user_name(COLLEAGUE).unwrap(),
        "Anna Petrova",
        "staff stay visible"
    );
    assert_eq!(d.masked("ask Anna"), "ask Anna");
}

#[test]
fn the_contractor_role_masks_too() {
    let mut d = toolkit_desk();
    d.apply(
        Event::UserUpdated {
            user: CUSTOMER,
            name: "Bob Jones".into(),
        },
        T0,
    );
    assert!(!d.masking_active());
    publish(
        &mut d,
        1,
        OWNER,
        &format!("[roster]\n{ME} = [\"contractor\"]\n"),
    );
    assert!(d.masking_active());
    assert_ne!(d.user_name(CUSTOMER).unwrap(), "Bob Jones");
}

#[test]
fn the_team_document_s_toolkit_comes_first_and_its_errors_say_where() {
    let mut d = toolkit_desk();
    publish(
        &mut d,
        1,
        OWNER,
        "[sla_tiers.vip]\nred_minutes = 2\nbreach_minutes = 3\n\n[tags.vip]\ncolour = \"red\"\ntier = \"vip\"\nchats = [-1000000001002]\n",
    );
    assert_eq!(d.toolkit_team_error(), None);
    assert_eq!(
        d.thresholds(INITECH),
        Thresholds::new(120, 180),
        "the team's tag and tier"
    );
    assert_eq!(
        d.toolkit().tags.len(),
        2,
        "vip is the team's, billing the admin's"
    );
    publish(
        &mut d,
        2,
        OWNER,
        "[[quick_replies]]\nname = \"Hi\"\ntext = \"Hi {custmer_first_name}\"\n",
    );
    let e = d
        .toolkit_team_error()
        .expect("the bad template is reported");
    assert_eq!((e.line, e.key.as_str()), (3, "quick_replies[1].text"));
    assert_eq!(
        d.thresholds(INITECH),
        Thresholds::new(120, 180),
        "the last good one stays"
    );
}

#[test]
fn guards_check_what_is_sent() {
    let d = toolkit_desk();
    let hits = d.check_guards("my Password: x on db.corp.acme.com");
    let actions: Vec<GuardAction> = hits.iter().map(|h| h.action).collect();
    assert_eq!(actions, [GuardAction::Block, GuardAction::Warn]);
    assert!(d.check_guards("all fine").is_empty());
}
