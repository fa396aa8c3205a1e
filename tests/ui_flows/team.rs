//! The team through the duty group, with several DutyDesks in one simulated world, each
//! logged in as a different member: what one admin decides reaches every other app through
//! the simulated Telegram, what does not count changes nothing, and an app that was away
//! catches up from the group's history and its stored checkpoint.

use super::*;
use dutydesk::desk::team::protocol;
use dutydesk::desk::{Action, TeamRole};
use dutydesk::ui::features::team::{self, Dialog, Reply};
use std::sync::Arc;
use tdsim::{WorldControl, WorldId};

// A restart whose duty group moved on past an action while it was closed.
#[path = "team_catch_up.rs"]
mod catch_up;

const LEAD: &str = "+15550000001";
const SAM: &str = "+15550000002";
const KIM: &str = "+15550000003";
const DANA: &str = "+15550100";

/// A quiet shared world (the basic scenario on a manual clock): Dana (the account), Lena
/// the lead who owns the duty group, Sam and Kim; three customer groups they are all in.
fn team_world() -> (WorldId, WorldControl) {
    dutydesk::ui::format::use_utc(true);
    let config = tdsim::WorldConfig {
        scenario: tdsim::Scenario::builtin("basic").unwrap(),
        seed: 11,
        speed: 0.0,
        start_time: 1_772_442_000,
    };
    let id = tdsim::create_world(config);
    (id, tdsim::world(id).unwrap())
}

/// A member's DutyDesk in the world, logged in and caught up.
fn member(world: WorldId, phone: &str) -> (Harness, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    let h = member_at(world, phone, home.path());
    (h, home)
}

fn member_at(world: WorldId, phone: &str, home: &std::path::Path) -> Harness {
    let mut h = Harness::start_in(world, phone, home, Config::default());
    h.pump_until("the duty group's members", |app| {
        app.desk().team_members().len() == 4
    });
    h
}

fn user(w: &WorldControl, phone: &str) -> i64 {
    w.layout()
        .team
        .into_iter()
        .find(|m| m.phone == phone)
        .unwrap()
        .user_id
}

/// The customer groups, supergroups first (their messages have t.me links).
fn groups(w: &WorldControl) -> Vec<tdsim::CustomerChat> {
    let mut chats: Vec<_> = w
        .layout()
        .customer_chats
        .into_iter()
        .filter(|c| !c.is_private)
        .collect();
    chats.sort_by_key(|c| c.chat_id > -1_000_000_000_000);
    chats
}

fn alarm_on(h: &Harness, chat: i64) -> bool {
    alarm_on_app(&h.app, chat)
}

fn alarm_on_app(app: &App, chat: i64) -> bool {
    app.desk().team_alarm(chat).is_some()
}

/// Raises the alarm on `chat` from `h` as an admin does: Ctrl+E's action, then the dialog.
fn raise(h: &mut Harness, chat: i64, reason: &str) {
    h.send(Message::Console(console::Message::Act(
        chat,
        console::ChatAction::ToggleAlarm,
    )));
    assert!(
        matches!(h.app.team().dialog(), Some(Dialog::Alarm { chat: c, .. }) if *c == chat),
        "the alarm dialog asks for a reason"
    );
    h.send(Message::Team(team::Message::Reason(reason.into())));
    h.send(Message::Team(team::Message::Raise));
    assert!(h.app.team().dialog().is_none());
    // It counts once the group has it: here too, when Telegram confirms the send.
    h.pump_until("the alarm back from the duty group", |app| {
        app.desk().team_alarm(chat).is_some()
    });
}

/// Clears the team's alarm on `chat` from `h` (Ctrl+E's action) and waits for the group.
fn clear(h: &mut Harness, chat: i64) {
    toggle_alarm(h, chat);
    h.pump_until("the clear back from the duty group", |app| {
        app.desk().team_alarm(chat).is_none()
    });
}

fn toggle_alarm(h: &mut Harness, chat: i64) {
    h.send(Message::Console(console::Message::Act(
        chat,
        console::ChatAction::ToggleAlarm,
    )));
}

/// Publishes team settings from `h`'s settings screen: the document typed over the one
/// loaded, then Save.
fn publish(h: &mut Harness, document: &str) {
    h.send(Message::Team(team::Message::OpenEditor));
    assert!(h.app.team().editing());
    replace_document(h, document);
    h.send(Message::Team(team::Message::SaveSettings));
    h.settle();
    assert!(!h.app.team().editing(), "Save closes the screen");
}

fn replace_document(h: &mut Harness, document: &str) {
    use iced::widget::text_editor::{Action as EditorAction, Edit};
    h.send(Message::Team(team::Message::Edit(EditorAction::SelectAll)));
    h.send(Message::Team(team::Message::Edit(EditorAction::Edit(
        Edit::Paste(Arc::new(document.to_owned())),
    ))));
}

/// A text widget whose content starts with `prefix`.
fn text_starting(prefix: &str) -> impl FnMut(Candidate<'_>) -> Option<Target> + Send {
    let prefix = prefix.to_string();
    move |candidate| match candidate {
        Candidate::Text { content, .. } if content.starts_with(&prefix) => {
            Some(Target::from(candidate))
        }
        _ => None,
    }
}

/// With DUTYDESK_SNAPSHOT_PNG set to a directory, saves what `h` shows there (to look at).
fn look(h: &Harness, name: &str) {
    if let Ok(dir) = std::env::var("DUTYDESK_SNAPSHOT_PNG") {
        let theme = h.app.theme().iced();
        let snapshot = ui(&h.app).snapshot(&theme).unwrap();
        snapshot
            .matches_image(format!("{dir}/team-{name}"))
            .unwrap();
    }
}

fn shows_text_starting(h: &Harness, prefix: &str) -> bool {
    ui(&h.app).find(text_starting(prefix)).is_ok()
}

#[test]
fn the_leads_alarm_reaches_every_app_in_the_same_virtual_second_and_clearing_too() {
    let (world, w) = team_world();
    let (mut lead, _a) = member(world, LEAD);
    let (mut dana, _b) = member(world, DANA);
    let (mut sam, _c) = member(world, SAM);
    let target = groups(&w)[0].clone();
    let pinned = groups(&w)[1].chat_id;
    dana.send(Message::Console(console::Message::Act(
        pinned,
        console::ChatAction::TogglePin,
    )));
    let second = w.now();

    raise(&mut lead, target.chat_id, "site down");
    for h in [&mut dana, &mut sam] {
        h.pump_until("the lead's alarm", |app| {
            app.desk().row(target.chat_id).is_some_and(|r| r.alarm)
        });
    }
    assert_eq!(w.now(), second, "within the same virtual second");
    let all = ListFilter::new(Filter::All);
    assert_eq!(
        dana.app.desk().chat_ids(&all, 0..2),
        vec![pinned, target.chat_id],
        "right under the pins"
    );
    let row = dana.app.desk().row(target.chat_id).unwrap();
    assert_eq!(row.status, Status::Alarm);
    assert!(!row.local_alarm, "a team alarm, not this screen's own");
    let alarm = row.team_alarm.unwrap();
    assert_eq!(alarm.raised_by, Some(user(&w, LEAD)));
    assert_eq!(alarm.raised_by_name.as_deref(), Some("Lena Lead"));
    assert_eq!(alarm.reason.as_deref(), Some("site down"));
    assert_eq!(alarm.at, second);
    // Each app announced it: notification, sound, the taskbar's attention.
    assert_eq!(dana.app.team_alerts(), &[target.chat_id]);
    assert_eq!(sam.app.team_alerts(), &[target.chat_id]);
    for app in [&dana.app, &sam.app] {
        let alarm = dutydesk::sound::Sound::Alarm;
        assert_eq!(app.player().played().last().map(|p| p.sound), Some(alarm));
        assert_eq!(app.attention_requests(), 1);
    }
    // Who raised it and why, on screen: the overview lists it.
    assert!(visible(&dana, "Team alarms"));
    assert!(shows_text_starting(&dana, "Alarm raised by Lena Lead, "));

    // What a phone shows in the duty group: who, what, which chat, the link; then the
    // machine line.
    let duty = w.layout().duty_group_chat_id;
    let posted = dana.app.desk().row(duty).unwrap().preview;
    let readable = format!(
        "Lena Lead raised an alarm on «{}»: site down\n",
        target.title
    );
    assert!(posted.starts_with(&readable), "{posted}");
    assert!(posted.contains("\nhttps://t.me/c/"), "{posted}");
    assert!(
        posted.contains(&format!(
            "\n#dutydesk v1 alarm chat={} msg=",
            target.chat_id
        )),
        "{posted}"
    );

    // Any staff clears it (the default), from the key; every app follows.
    sam.send(Message::Console(console::Message::List(
        dutydesk::ui::widgets::chat_list::Event::Select(target.chat_id),
    )));
    sam.send(Message::Key(Key::Character("e".into()), Modifiers::CTRL));
    for h in [&mut dana, &mut lead, &mut sam] {
        h.pump_until("the alarm cleared", |app| {
            app.desk().row(target.chat_id).is_some_and(|r| !r.alarm)
        });
    }
    assert_eq!(w.now(), second);
    assert_eq!(
        dana.app
            .desk()
            .position(&all, target.chat_id)
            .map(|p| p > 1),
        Some(true)
    );
}

#[test]
fn team_settings_reach_every_app_and_roles_decide_who_sees_clears_and_assigns() {
    let (world, w) = team_world();
    let duty = w.layout().duty_group_chat_id;
    // Sam and Kim are plain members of the duty group here (not administrators).
    for phone in [SAM, KIM] {
        w.set_admin(duty, user(&w, phone), None).unwrap();
    }
    let (mut lead, _a) = member(world, LEAD);
    let (mut sam, _b) = member(world, SAM);
    let (mut kim, _c) = member(world, KIM);
    let [x, y] = [groups(&w)[0].clone(), groups(&w)[1].clone()];
    assert!(
        kim.app.desk().visible(x.chat_id),
        "no roster: everyone sees all"
    );

    // The lead's settings screen: a starting document naming the members.
    lead.send(Message::Team(team::Message::OpenEditor));
    let (text, problem) = lead.app.team().editor_state().unwrap();
    assert!(
        text.contains(&format!(
            "{} = [\"duty_admin\"]  # Kim Keeper",
            user(&w, KIM)
        )),
        "{text}"
    );
    assert_eq!(problem, None);
    // Checked as typed: line and key.
    replace_document(&mut lead, "[sla]\nred_minutes = 5\nred_minute = 6\n");
    let (_, problem) = lead.app.team().editor_state().unwrap();
    assert_eq!(
        problem.as_deref(),
        Some("Line 3, key sla.red_minute: unknown key (known: red_minutes, breach_minutes)")
    );
    lead.send(Message::Team(team::Message::SaveSettings));
    assert!(lead.app.team().editing(), "a bad document is not published");
    lead.send(Message::Team(team::Message::CloseEditor));

    let document = format!(
        "[roster]\n{} = [\"lead\"]\n{} = [\"account_manager\"]\n{} = [\"alerts_admin\"]\n\n\
         [alarms]\nstop_words = [\"kaput\"]\nclear = \"leads\"\n",
        user(&w, LEAD),
        user(&w, SAM),
        user(&w, KIM)
    );
    publish(&mut lead, &document);
    for h in [&mut lead, &mut sam, &mut kim] {
        h.pump_until("the team settings", |app| {
            app.desk().team_settings().roster.len() == 3
        });
    }
    assert!(kim.app.desk().my_roles().has(TeamRole::AlertsAdmin));
    assert!(sam.app.desk().my_roles().has(TeamRole::AccountManager));

    // An alerts admin does not see an unassigned support chat...
    assert!(!kim.app.desk().visible(x.chat_id));
    assert_eq!(
        kim.app
            .desk()
            .position(&ListFilter::new(Filter::All), x.chat_id),
        None
    );
    // ...until the account manager assigns it, picked by name.
    sam.send(Message::Console(console::Message::Act(
        x.chat_id,
        console::ChatAction::AssignTo,
    )));
    sam.send(Message::Team(team::Message::AssignFilter("kim".into())));
    sam.send(Message::Team(team::Message::AssignFirst));
    kim.pump_until("the chat assigned", |app| app.desk().visible(x.chat_id));
    let mine = ListFilter::new(Filter::Mine);
    assert_eq!(kim.app.desk().chat_ids(&mine, 0..5), vec![x.chat_id]);
    lead.pump_until("the assignment", |app| {
        app.desk().assignee(x.chat_id).is_some()
    });
    let row = lead.app.desk().row(x.chat_id).unwrap();
    assert_eq!(row.assignee.unwrap().initials, "KK");
    filter_by_title(&mut lead, &x.title);
    assert!(visible_label(&lead, "KK"), "the row shows the initials");

    // Clearing is for leads here: Kim's clear is refused, with the reason.
    lead.send(Message::Console(console::Message::Act(
        x.chat_id,
        console::ChatAction::ToggleAlarm,
    )));
    look(&lead, "alarm-dialog");
    lead.send(Message::Team(team::Message::Close));
    raise(&mut lead, x.chat_id, "outage");
    look(&lead, "alarm-row");
    kim.pump_until("the alarm", |app| {
        app.desk().team_alarm(x.chat_id).is_some()
    });
    toggle_alarm(&mut kim, x.chat_id);
    assert!(
        kim.app
            .banner()
            .is_some_and(|b| b.starts_with("Only team leads clear alarms")),
        "{:?}",
        kim.app.banner()
    );
    sam.settle();
    assert!(alarm_on(&sam, x.chat_id), "nothing was posted");
    clear(&mut lead, x.chat_id);
    kim.pump_until("cleared by the lead", |app| {
        app.desk().team_alarm(x.chat_id).is_none()
    });

    // A stop word of the team raises the alarm on every app by itself.
    w.write(y.chat_id, y.customers[0], "Our server is KAPUT again")
        .unwrap();
    for h in [&mut lead, &mut sam] {
        h.pump_until("the stop word's alarm", |app| alarm_on_stop(app, y.chat_id));
    }
    let alarm = sam.app.desk().team_alarm(y.chat_id).unwrap();
    assert_eq!(alarm.stop_word.as_deref(), Some("kaput"));
    assert_eq!(alarm.raised_by, None);
}

fn alarm_on_stop(app: &App, chat: i64) -> bool {
    app.desk()
        .team_alarm(chat)
        .is_some_and(|a| a.stop_word.is_some())
}

#[test]
fn a_broken_settings_document_keeps_the_last_good_one_and_the_banner_names_line_and_key() {
    let (world, w) = team_world();
    let duty = w.layout().duty_group_chat_id;
    let lead_id = user(&w, LEAD);
    // Published from a phone: the settings message, pinned.
    let good = format!("[roster]\n{lead_id} = [\"lead\"]\n\n[sla]\nred_minutes = 7\n");
    let text = |document: &str| {
        protocol::build(
            "Team settings",
            &Action::PublishSettings {
                document: document.into(),
            },
        )
    };
    let id = w.write(duty, lead_id, &text(&good)).unwrap();
    w.pin(duty, lead_id, id).unwrap();
    let (mut dana, _a) = member(world, DANA);
    let (mut sam, _b) = member(world, SAM);
    for h in [&dana, &sam] {
        assert_eq!(h.app.desk().team_settings().red_after_secs, Some(420));
    }

    // Edited on the phone into something wrong on line 5.
    let broken = format!("[roster]\n{lead_id} = [\"lead\"]\n\n[sla]\nred_minute = 7\n");
    w.edit(duty, id, &text(&broken)).unwrap();
    for h in [&mut dana, &mut sam] {
        h.pump_until("the settings error", |app| {
            app.desk().team_settings_error().is_some()
        });
        let e = h.app.desk().team_settings_error().unwrap();
        assert_eq!((e.line, e.key.as_str()), (5, "sla.red_minute"));
        assert_eq!(
            h.app.desk().team_settings().red_after_secs,
            Some(420),
            "the last good settings stay in force"
        );
        assert!(shows_text_starting(
            h,
            "The pinned team settings are not in force (line 5, key sla.red_minute: unknown key"
        ));
    }

    // Fixed again: the banner goes.
    let fixed = format!("[roster]\n{lead_id} = [\"lead\"]\n\n[sla]\nred_minutes = 9\n");
    w.edit(duty, id, &text(&fixed)).unwrap();
    dana.pump_until("the fixed settings", |app| {
        app.desk().team_settings().red_after_secs == Some(540)
    });
    assert!(dana.app.desk().team_settings_error().is_none());
    assert!(!shows_text_starting(&dana, "The pinned team settings"));
}

#[test]
fn copies_that_do_not_count_change_nothing() {
    let (world, w) = team_world();
    let duty = w.layout().duty_group_chat_id;
    let [x, y, z] = [
        groups(&w)[0].clone(),
        groups(&w)[1].clone(),
        groups(&w)[2].clone(),
    ];
    let line = |chat: i64| {
        protocol::build(
            "ALARM",
            &Action::RaiseAlarm {
                chat,
                message: None,
                reason: Some("pwned".into()),
            },
        )
    };
    // Someone who is no member of the duty group any more: their alarm in its history.
    let outsider = z.customers[0];
    w.add_member(duty, outsider).unwrap();
    w.write(duty, outsider, &line(z.chat_id)).unwrap();
    w.remove_member(duty, outsider).unwrap();
    let (mut dana, _a) = member(world, DANA);
    let (mut sam, _b) = member(world, SAM);
    assert!(
        !alarm_on(&dana, z.chat_id),
        "an outsider's alarm does not count"
    );

    // A customer writes the machine line in their own chat.
    let copied = w
        .write(y.chat_id, y.customers[0], &line(y.chat_id))
        .unwrap();
    // A member forwards that message into the duty group.
    w.forward(duty, user(&w, SAM), y.chat_id, &[copied])
        .unwrap();
    // The lead's real alarm, cleared, then forwarded again by a member.
    let lead = user(&w, LEAD);
    let real = w.write(duty, lead, &line(x.chat_id)).unwrap();
    dana.pump_until("the lead's alarm", |app| {
        app.desk().team_alarm(x.chat_id).is_some()
    });
    w.write(
        duty,
        lead,
        &protocol::build("clear", &Action::ClearAlarm { chat: x.chat_id }),
    )
    .unwrap();
    dana.pump_until("cleared", |app| app.desk().team_alarm(x.chat_id).is_none());
    w.forward(duty, user(&w, SAM), duty, &[real]).unwrap();
    let marker = w.write(duty, lead, "end of test").unwrap();
    for h in [&mut dana, &mut sam] {
        h.pump_until("everything delivered", |app| {
            app.desk()
                .row(duty)
                .is_some_and(|r| r.preview == "end of test")
        });
        for chat in [x.chat_id, y.chat_id, z.chat_id] {
            assert!(!alarm_on(h, chat), "chat {chat}: a copy changed nothing");
        }
    }
    assert!(marker > real);
}

#[test]
fn an_app_away_catches_up_from_the_history_and_its_checkpoint() {
    let (world, w) = team_world();
    let duty = w.layout().duty_group_chat_id;
    let [x, y] = [groups(&w)[0].clone(), groups(&w)[1].clone()];
    let (mut lead, _a) = member(world, LEAD);
    let sam_home = tempfile::tempdir().unwrap();
    let mut sam = member_at(world, SAM, sam_home.path());

    raise(&mut lead, x.chat_id, "site down");
    sam.pump_until("the alarm", |app| {
        app.desk().team_alarm(x.chat_id).is_some()
    });
    // The group talks on: the alarm is no longer its last message.
    w.write(duty, user(&w, SAM), "on it").unwrap();
    // Started after the alarm went up: it reads it from the group's history.
    let (dana, _b) = member(world, DANA);
    assert_eq!(
        dana.app
            .desk()
            .team_alarm(x.chat_id)
            .unwrap()
            .reason
            .as_deref(),
        Some("site down")
    );
    assert_eq!(dana.app.team_alerts(), &[x.chat_id], "and says so");

    // Sam's DutyDesk is closed while the lead clears it; the checkpoint stays in its store.
    let saved = sam
        .app
        .store()
        .unwrap()
        .load_team_checkpoint(duty)
        .unwrap()
        .unwrap();
    assert!(
        saved
            .alarms
            .iter()
            .any(|(c, s)| *c == x.chat_id && s.is_raised())
    );
    sam.close();
    // Opened again, before Telegram says anything, it is where it stopped.
    let reopened = App::offline(dutydesk::ui::RunOptions {
        demo: false,
        config: Config::default(),
        paths: dutydesk::paths::Paths::portable(sam_home.path()),
    });
    assert!(
        alarm_on_app(&reopened, x.chat_id),
        "restored from its checkpoint"
    );
    assert_eq!(reopened.desk().team_checkpoint().as_ref(), Some(&saved));
    drop(reopened);
    clear(&mut lead, x.chat_id);
    w.write(duty, user(&w, LEAD), "all good again").unwrap();
    let sam = member_at(world, SAM, sam_home.path());
    assert!(
        !alarm_on(&sam, x.chat_id),
        "restarted, it folds the history after its checkpoint"
    );
    let after = sam
        .app
        .store()
        .unwrap()
        .load_team_checkpoint(duty)
        .unwrap()
        .unwrap();
    assert!(after.last_message > saved.last_message);

    // Offline while an alarm is raised and cleared elsewhere: back, it knows.
    let mut dana = dana;
    dana.control.drop_connection();
    raise(&mut lead, y.chat_id, "");
    lead.settle();
    dana.settle();
    assert!(!alarm_on(&dana, y.chat_id), "offline: nothing arrived yet");
    dana.control.restore_connection();
    dana.pump_until("caught up", |app| {
        app.desk().team_alarm(y.chat_id).is_some()
    });
    assert_eq!(dana.app.desk().team_alarm(y.chat_id).unwrap().reason, None);
}

#[test]
fn the_same_history_folded_twice_gives_the_same_state() {
    let (world, w) = team_world();
    let duty = w.layout().duty_group_chat_id;
    let [x, y] = [groups(&w)[0].clone(), groups(&w)[1].clone()];
    let (mut lead, _a) = member(world, LEAD);
    raise(&mut lead, x.chat_id, "one");
    raise(&mut lead, y.chat_id, "two");
    lead.send(Message::Console(console::Message::Act(
        y.chat_id,
        console::ChatAction::Take,
    )));
    clear(&mut lead, x.chat_id);

    let (mut dana, _b) = member(world, DANA);
    dana.pump_until("caught up", |app| app.desk().assignee(y.chat_id).is_some());
    let stored = |h: &Harness| h.app.store().unwrap().load_team_checkpoint(duty).unwrap();
    let first = stored(&dana).expect("the checkpoint is stored");
    assert_eq!(Some(&first), dana.app.desk().team_checkpoint().as_ref());

    // The whole history and the pins again, through the app's own path.
    use iced::futures::executor::block_on;
    let history = block_on(dana.session.duty_history(duty, None, 0)).unwrap();
    let pins = block_on(dana.session.duty_pins(duty)).unwrap();
    dana.send(Message::Team(team::Message::Replied(Reply::CaughtUp {
        group: duty,
        pins: Ok(pins),
        history: Ok(history),
    })));
    assert_eq!(dana.app.desk().team_checkpoint().as_ref(), Some(&first));
    assert_eq!(stored(&dana).as_ref(), Some(&first));

    // Another app folding the same history from nothing stores the same checkpoint.
    let (sam, _c) = member(world, SAM);
    assert_eq!(stored(&sam).as_ref(), Some(&first));
    assert!(alarm_on(&sam, y.chat_id) && !alarm_on(&sam, x.chat_id));
}
