//! The support toolkit on the demo floor (its example templates, tags, VIP tier and guards):
//! a quick reply with a free field and a variable inserted and sent; the tag filter; a VIP
//! chat red at 4 minutes beside a regular one that is not; reminders that fire while
//! running and at start; an alerts chat above an alarmed one; a blocked and a warned
//! message that stay in the composer.

use super::*;
use dutydesk::desk::toolkit::reminders::{Due, Reminder};
use dutydesk::desk::toolkit::{StoredReminder, ToolkitChange};
use dutydesk::desk::{ChatKind, Event, LocalChange};
use dutydesk::paths::Paths;
use dutydesk::store::Store;
use dutydesk::telegram::TgEvent;
use dutydesk::ui::features::team;
use dutydesk::ui::features::toolkit::{self, PICKER_ID, field_id};
use dutydesk::ui::{RunOptions, format};

/// The `n`-th (from 0) text widget showing exactly `text`, in the tree's order.
fn nth_label(text: &str, n: usize) -> impl FnMut(Candidate<'_>) -> Option<Target> + Send {
    let text = text.to_string();
    let mut seen = 0;
    move |candidate| match candidate {
        Candidate::Text { content, .. } if content == text => {
            seen += 1;
            (seen == n + 1).then(|| Target::from(candidate))
        }
        _ => None,
    }
}

fn kit(message: toolkit::Message) -> Message {
    Message::Console(console::Message::Toolkit(message))
}

fn composer_text(h: &Harness) -> String {
    h.app.console().open().unwrap().composer.text()
}

/// The lines of the open chat's history that this account sent, texts only.
fn sent_lines(h: &Harness) -> Vec<String> {
    let open = h.app.console().open().unwrap();
    open.history
        .lines
        .iter()
        .filter(|l| l.outgoing)
        .map(|l| l.text.clone())
        .collect()
}

fn type_in_composer(h: &mut Harness, text: &str) {
    interact(h, |sim| {
        sim.click(id(console::COMPOSER_ID)).unwrap();
        sim.typewrite(text);
    });
}

/// Opens the open chat's tools and clicks the `n`-th control labelled `text` in them.
fn click_nth(h: &mut Harness, text: &str, n: usize) {
    interact(h, |sim| {
        sim.click(nth_label(text, n))
            .unwrap_or_else(|e| panic!("{text} #{n}: {e}"));
    });
}

fn open_tools(h: &mut Harness) {
    interact(h, |sim| {
        sim.click("Tools").unwrap();
    });
    assert!(h.app.console().toolkit().tools_open);
}

#[test]
fn a_quick_reply_with_a_free_field_and_a_variable_is_inserted_and_sent() {
    let (mut h, _home) = floor();
    let (_, title) = customer_writes(&mut h, 0, "When will it be fixed?");
    open_by_click(&mut h, &title);

    // `/` at the start of the composer opens the picker (and is not left behind).
    type_in_composer(&mut h, "/");
    assert!(
        h.app.console().toolkit().picker.is_some(),
        "the picker opened"
    );
    assert_eq!(composer_text(&h).trim(), "");
    interact(&mut h, |sim| {
        sim.click(id(PICKER_ID)).unwrap();
        sim.typewrite("eta");
    });
    let picker = h.app.console().toolkit().picker.clone().unwrap();
    let chosen = picker.chosen(h.app.desk()).unwrap();
    assert_eq!(chosen.name, "ETA");
    assert_eq!(chosen.fields, ["eta"]);
    // Not inserted while the free field is empty: Insert waits, and says what is missing.
    assert!(visible(&h, "Fill in “eta” to insert this reply."));
    h.send(kit(toolkit::Message::PickerSubmit));
    assert!(h.app.console().toolkit().picker.is_some(), "still open");
    // Tab goes to the free field.
    h.send(Message::FocusNext(true));
    assert_eq!(
        h.app.console().toolkit().picker.as_ref().unwrap().field,
        Some(0)
    );
    interact(&mut h, |sim| {
        sim.click(id(field_id(0))).unwrap();
        sim.typewrite("20 minutes");
    });
    let now = h.app.clock().now();
    let expected = format!(
        "We are on it: the fix should be live in 20 minutes. I will write again at {}.",
        format::clock(now)
    );
    assert!(visible(&h, &expected), "the preview shows it filled in");
    interact(&mut h, |sim| {
        sim.click("Insert").unwrap();
    });
    assert!(h.app.console().toolkit().picker.is_none());
    assert_eq!(composer_text(&h).trim_end(), expected);

    interact(&mut h, |sim| {
        sim.click("Send").unwrap();
    });
    h.pump_until("the reply sent", |app| {
        app.console().open().is_some_and(|o| {
            o.history.lines.iter().any(|l| {
                l.outgoing
                    && l.text == expected
                    && l.state == console::history::SendState::Delivered
            })
        })
    });
    assert!(composer_text(&h).trim().is_empty());
}

#[test]
fn quick_replies_filter_in_any_language_and_the_greeting_names_the_customer() {
    let (mut h, _home) = floor();
    let private = customer_chats_where(&h, |c, r| c.is_private && r.support);
    let chat = &private[0];
    let first = chat.title.split_whitespace().next().unwrap().to_owned();
    open_by_click(&mut h, &chat.title.clone());
    h.send(kit(toolkit::Message::OpenPicker));
    interact(&mut h, |sim| {
        sim.click(id(PICKER_ID)).unwrap();
        sim.typewrite("здравств");
    });
    let picker = h.app.console().toolkit().picker.clone().unwrap();
    assert_eq!(picker.chosen(h.app.desk()).unwrap().name, "Приветствие");
    assert!(visible(
        &h,
        &format!("Здравствуйте, {first}! Это Dana Duty из поддержки, уже смотрю.")
    ));
    h.send(kit(toolkit::Message::PickerSubmit));
    assert!(composer_text(&h).starts_with(&format!("Здравствуйте, {first}!")));
}

#[test]
fn the_tag_filter_lists_only_tagged_chats() {
    let (mut h, _home) = floor();
    let calm = customer_chats_where(&h, |_, r| r.support);
    let (a, b) = (calm[0].clone(), calm[1].clone());
    open_by_click(&mut h, &a.title);
    open_tools(&mut h);
    // "VIP": the bar's filter first, then the tools' toggle.
    click_nth(&mut h, "VIP", 1);
    let tags = h.app.desk().row(a.chat_id).unwrap().tags;
    assert_eq!(h.app.desk().tag_chips(tags)[0].label, "VIP");
    open_by_click(&mut h, &b.title);
    click_nth(&mut h, "Billing", 1);
    let tags = h.app.desk().row(b.chat_id).unwrap().tags;
    assert_eq!(h.app.desk().tag_chips(tags)[0].label, "Billing");
    // The tag sits on the row: the bar's, the row's and the tools' "VIP".
    filter_by_title(&mut h, &a.title);
    assert!(
        ui(&h.app).find(nth_label("VIP", 2)).is_ok(),
        "the row's chip"
    );

    click_nth(&mut h, "VIP", 0);
    let filter = h.app.console().list_filter();
    assert!(filter.tag.is_some());
    assert_eq!(h.app.desk().chat_ids(&filter, 0..100), [a.chat_id]);
    open_by_click(&mut h, &a.title);
    assert!(!visible(&h, &b.title), "the other chat is filtered out");
    // The same tag again: every chat.
    click_nth(&mut h, "VIP", 0);
    assert!(h.app.console().list_filter().tag.is_none());
    filter_by_title(&mut h, "");
    assert!(h.app.desk().len(&h.app.console().list_filter()) > 2);
}

#[test]
fn a_vip_chat_is_red_at_four_minutes_while_a_regular_one_is_not() {
    let (mut h, _home) = floor();
    let calm = customer_chats_where(&h, |_, r| r.support && r.status == Status::Normal);
    let (vip, regular) = (calm[0].clone(), calm[1].clone());
    open_by_click(&mut h, &vip.title);
    open_tools(&mut h);
    click_nth(&mut h, "VIP", 1);
    for chat in [&vip, &regular] {
        h.control
            .write(chat.chat_id, chat.customers[0], "Hello, anyone?")
            .unwrap();
    }
    h.settle();
    h.freeze_clock();
    let since = h
        .app
        .desk()
        .row(vip.chat_id)
        .unwrap()
        .waiting_since
        .unwrap();
    assert_eq!(
        h.app.desk().row(regular.chat_id).unwrap().waiting_since,
        Some(since)
    );
    // Wake as the window would until four minutes have passed.
    while h.app.clock().now() < since + 240 {
        h.wake().expect("a customer waits");
    }
    assert_eq!(
        h.app.clock().now(),
        since + 240,
        "woken at the VIP threshold"
    );
    assert_eq!(h.app.desk().row(vip.chat_id).unwrap().status, Status::Red);
    assert_eq!(
        h.app.desk().row(regular.chat_id).unwrap().status,
        Status::Waiting
    );
    assert!(
        visible(&h, "VIP: red at 4 min, breach at 5 min"),
        "the chat says its tier"
    );
    assert!(visible(&h, "Waiting too long · 4m"));
    assert_eq!(h.app.desk().thresholds(regular.chat_id).red_after_secs, 600);
}

#[test]
fn a_reminder_fires_while_running_and_lifts_its_chat_until_opened() {
    let (mut h, _home) = floor();
    h.app.notify_in_window();
    let calm = customer_chats_where(&h, |_, r| r.support && r.status == Status::Normal);
    let (chat, other) = (calm[0].clone(), calm[1].clone());
    open_by_click(&mut h, &chat.title);
    open_tools(&mut h);
    interact(&mut h, |sim| {
        sim.click(id(toolkit::REMIND_NOTE_ID)).unwrap();
        sim.typewrite("ask about the renewal");
    });
    interact(&mut h, |sim| {
        sim.click("In 30 minutes").unwrap();
    });
    let set_at = h.app.clock().now();
    let r = h.app.desk().row(chat.chat_id).unwrap().reminder.unwrap();
    assert_eq!(r.due, Due::At(set_at + 1800));
    assert!(!r.fired);
    assert!(visible(&h, "Reminders (1)"));
    // Another chat open meanwhile: the reminder's chat is not in view.
    open_by_click(&mut h, &other.title);
    while h.app.clock().now() < set_at + 1800 {
        h.wake().expect("the reminder wakes the window");
    }
    assert_eq!(h.app.clock().now(), set_at + 1800, "fired on time");
    let banner = h.app.banner().unwrap_or_default().to_owned();
    assert!(
        banner.contains("Reminder")
            && banner.contains(&chat.title)
            && banner.contains("ask about the renewal"),
        "{banner}"
    );
    let row = h.app.desk().row(chat.chat_id).unwrap();
    assert!(row.reminder.unwrap().fired);
    assert_eq!(h.app.desk().counters().reminders_due, 1);
    let waiting = ListFilter::new(Filter::Waiting);
    assert!(
        h.app
            .desk()
            .chat_ids(&waiting, 0..1000)
            .contains(&chat.chat_id),
        "lifted like a waiting chat"
    );
    // Listed in one place.
    interact(&mut h, |sim| {
        sim.click("Reminders (1, 1 due)").unwrap();
    });
    assert!(visible(&h, "ask about the renewal"));
    interact(&mut h, |sim| {
        sim.click("Open").unwrap();
    });
    assert_eq!(h.app.console().open_chat(), Some(chat.chat_id));
    assert!(
        h.app.desk().row(chat.chat_id).unwrap().reminder.is_none(),
        "done once opened"
    );
    assert_eq!(h.app.desk().counters().reminders_due, 0);
}

#[test]
fn a_reminder_due_while_the_app_was_closed_fires_at_start() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::portable(home.path());
    paths.create_dirs().unwrap();
    let t0 = 1_772_442_000;
    let chat = -1_000_000_000_777;
    {
        let mut store = Store::open(&paths.store_file).unwrap();
        let reminder = StoredReminder {
            reminder: Reminder {
                chat,
                due: Due::At(t0 - 600),
                note: "renewal call".into(),
                set_at: t0 - 7200,
            },
            fired_at: None,
        };
        store
            .apply_changes(&[LocalChange::Toolkit(ToolkitChange::Reminder {
                chat,
                reminder: Some(reminder),
            })])
            .unwrap();
    }
    let mut app = App::offline(RunOptions {
        demo: false,
        config: Config::default(),
        paths: paths.clone(),
    });
    app.notify_in_window();
    app.set_screen(Screen::Console);
    // The first batch after the start: the clock, then the chat (during the sync, when
    // nothing else is announced).
    let effects = app.handle(Message::Tg(vec![
        TgEvent::Clock(t0),
        TgEvent::Desk(Event::ChatAdded {
            chat,
            kind: ChatKind::Supergroup,
            title: "Renewals Ltd".into(),
        }),
    ]));
    // What the window's store executor does with the effects.
    app.write(effects.into_parts().store);
    let banner = app.banner().unwrap_or_default().to_owned();
    assert!(
        banner.contains("Reminder") && banner.contains("Renewals Ltd: renewal call"),
        "{banner}"
    );
    assert!(app.desk().row(chat).unwrap().reminder.unwrap().fired);
    let mut ui = Simulator::with_size(iced::Settings::default(), WINDOW_SIZE, app.view());
    assert!(ui.find("Reminders (1, 1 due)".to_string()).is_ok());
    drop(ui);
    drop(app);
    // Kept as fired: after another restart the chat is still lifted, and not announced again.
    let local = Store::open(&paths.store_file)
        .unwrap()
        .load_local()
        .unwrap();
    assert_eq!(local.toolkit.reminders[0].fired_at, Some(t0 - 600));
}

#[test]
fn an_alerts_chat_sits_above_an_alarmed_customer_chat() {
    let (mut h, _home) = floor();
    let calm = customer_chats_where(&h, |_, r| r.support && r.status == Status::Normal);
    let (alarmed, alerts) = (calm[0].clone(), calm[1].clone());
    h.send(Message::Console(console::Message::Act(
        alarmed.chat_id,
        console::ChatAction::ToggleAlarm,
    )));
    // The demo floor has a duty group: the alarm is the team's, raised with a reason.
    h.send(Message::Team(team::Message::Reason(
        "angry customer".into(),
    )));
    h.send(Message::Team(team::Message::Raise));
    h.control
        .write(alerts.chat_id, alerts.customers[0], "CPU 99% on web-3")
        .unwrap();
    h.settle();
    assert_eq!(
        h.app
            .desk()
            .position(&h.app.console().list_filter(), alarmed.chat_id),
        Some(0)
    );
    open_by_click(&mut h, &alerts.title);
    open_tools(&mut h);
    interact(&mut h, |sim| {
        sim.click("Mark as an alerts chat").unwrap();
    });
    filter_by_title(&mut h, "");
    let f = h.app.console().list_filter();
    assert_eq!(
        h.app.desk().chat_ids(&f, 0..2),
        [alerts.chat_id, alarmed.chat_id]
    );
    let row = h.app.desk().row(alerts.chat_id).unwrap();
    assert!(
        row.alerts && !row.support && row.status == Status::Normal,
        "no customer SLA"
    );
    // Drawn in that order too.
    let top = |title: &str| label_bounds(&h, title).y;
    assert!(top(&alerts.title) < top(&alarmed.title));
    // Its own unread count, beside the customers': closed, it gets news.
    h.send(Message::Console(console::Message::Escape));
    assert_eq!(h.app.console().open_chat(), None);
    let customers_unread = h.app.desk().counters().unread_chats;
    h.control
        .write(alerts.chat_id, alerts.customers[0], "Disk 95% on db-1")
        .unwrap();
    h.settle();
    assert!(h.app.desk().row(alerts.chat_id).unwrap().unread);
    assert_eq!(h.app.desk().counters().alerts_unread, 1);
    assert_eq!(h.app.desk().counters().unread_chats, customers_unread);
    assert!(visible(&h, "1 alerts chat unread"));
}

#[test]
fn a_blocked_and_a_warned_message_stay_in_the_composer() {
    let (mut h, _home) = floor();
    let (_, title) = customer_writes(&mut h, 0, "I forgot my password");
    open_by_click(&mut h, &title);
    let before = sent_lines(&h).len();

    type_in_composer(&mut h, "Your password: hunter2");
    interact(&mut h, |sim| {
        sim.click("Send").unwrap();
    });
    h.settle();
    assert_eq!(sent_lines(&h).len(), before, "blocked: nothing sent");
    assert_eq!(composer_text(&h).trim_end(), "Your password: hunter2");
    assert!(visible(
        &h,
        "Not sent: “Passwords” does not allow this in a message to a customer."
    ));
    assert!(visible(&h, "Matched: “password:”"));
    assert!(!visible(&h, "Send anyway"), "a block has no way around");
    let prompt = h.app.console().toolkit().guard.clone().unwrap();
    assert_eq!(&prompt.text[prompt.hits[0].range.clone()], "password:");

    // Edited into something only warned about.
    interact(&mut h, |sim| {
        sim.click("Edit the message").unwrap();
    });
    assert!(h.app.console().toolkit().guard.is_none());
    for action in [
        iced::widget::text_editor::Action::SelectAll,
        iced::widget::text_editor::Action::Edit(iced::widget::text_editor::Edit::Delete),
    ] {
        h.send(Message::Console(console::Message::Composer(action)));
    }
    assert_eq!(composer_text(&h).trim(), "");
    type_in_composer(&mut h, "Logs are on db1.corp.dutydesk.example");
    assert_eq!(
        composer_text(&h).trim_end(),
        "Logs are on db1.corp.dutydesk.example"
    );
    interact(&mut h, |sim| {
        sim.click("Send").unwrap();
    });
    h.settle();
    assert_eq!(sent_lines(&h).len(), before, "warned: not sent yet");
    assert!(visible(
        &h,
        "“Internal hosts” flags this message. Send it anyway?"
    ));
    assert!(visible(&h, "Matched: “db1.corp.dutydesk.example”"));
    assert_eq!(
        composer_text(&h).trim_end(),
        "Logs are on db1.corp.dutydesk.example"
    );
    interact(&mut h, |sim| {
        sim.click("Send anyway").unwrap();
    });
    h.pump_until("the warned message sent", |app| {
        app.console().open().is_some_and(|o| {
            o.history
                .lines
                .iter()
                .any(|l| l.outgoing && l.text == "Logs are on db1.corp.dutydesk.example")
        })
    });
    assert!(composer_text(&h).trim().is_empty());
}

#[test]
fn a_quick_reply_that_trips_a_guard_says_so_before_it_is_inserted() {
    let (mut h, _home) = floor();
    let (_, title) = customer_writes(&mut h, 0, "How do I reset the password?");
    open_by_click(&mut h, &title);
    h.send(kit(toolkit::Message::OpenPicker));
    h.send(kit(toolkit::Message::PickerQuery("password reset".into())));
    h.send(kit(toolkit::Message::PickerField(
        0,
        "4111 1111 1111 1111".into(),
    )));
    assert!(visible(
        &h,
        "Not sent: “Passwords” does not allow this in a message to a customer."
    ));
}
