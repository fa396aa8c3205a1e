//! Settings → Task trackers: a tracker added, its token stored in the keyring (never in the
//! config file), checked with read-only calls, saved to the config; a wrong address refused
//! naming the tracker and the key; a removed tracker's token forgotten.

use super::settings::scroll_body;
use super::tasks::tasks_message;
use super::*;
use dutydesk::tokens::Memory;
use dutydesk::ui::features::settings::{self, trackers};
use dutydesk::ui::features::tasks;
use iced::keyboard::Modifiers;
use std::sync::Arc;
use tracker::{Mode, TrackerKind};

fn edit(h: &mut Harness, m: trackers::Message) {
    h.send(Message::Settings(settings::Message::Trackers(m)));
}

/// Scrolls to the end of the settings (the trackers' section) and clicks `label`.
fn click_in_trackers(h: &mut Harness, label: &str) {
    interact(h, |sim| {
        scroll_body(sim, 10_000.0);
        sim.click(label).unwrap_or_else(|e| panic!("{label}: {e}"));
    });
    h.settle();
}

#[test]
fn a_tracker_set_up_in_settings_keeps_its_token_in_the_keyring_and_works() {
    let (mut h, home) = floor();
    let keyring = Arc::new(Memory::new());
    h.app.set_tokens(keyring.clone());
    let demo = h.app.console().tasks().demo_tracker().unwrap().base_url();
    let secret = dutydesk::demo_tracker::TOKEN;

    h.send(Message::Key(Key::Character(",".into()), Modifiers::CTRL));
    click_in_trackers(&mut h, "Add a tracker");
    edit(&mut h, trackers::Message::Name(0, "Support Redmine".into()));
    edit(&mut h, trackers::Message::BaseUrl(0, demo.clone()));
    edit(
        &mut h,
        trackers::Message::Mode(0, trackers::ModeChoice(Mode::Api)),
    );
    edit(&mut h, trackers::Message::Project(0, "demo".into()));
    interact(&mut h, |sim| {
        scroll_body(sim, 10_000.0);
        sim.click(id(trackers::field_id(0, "token"))).unwrap();
        sim.typewrite(secret);
        sim.click("Store in keyring").unwrap();
    });
    h.settle();
    assert!(keyring.holds("Support Redmine", secret));
    assert!(visible(
        &h,
        "Token stored in the OS keyring (entry \"tracker-token:Support Redmine\")."
    ));
    click_in_trackers(&mut h, "Check");
    assert!(
        visible(
            &h,
            &format!(
                "Reachable at {demo}, token valid (account demo), project \"Demo project\" visible."
            )
        ),
        "checked with read-only calls"
    );
    assert!(
        h.app
            .console()
            .tasks()
            .demo_tracker()
            .unwrap()
            .issues()
            .is_empty()
    );

    // A wrong address is refused, naming the tracker and the key; nothing is saved.
    edit(
        &mut h,
        trackers::Message::BaseUrl(0, "http://redmine.example.com".into()),
    );
    h.send(Message::Settings(settings::Message::Save));
    assert!(matches!(h.app.screen(), Screen::Settings(_)));
    assert!(visible(
        &h,
        "Task tracker 1 (Support Redmine): `base_url`: is not https://; only localhost may use http://"
    ));
    edit(&mut h, trackers::Message::BaseUrl(0, demo.clone()));
    interact(&mut h, |sim| {
        sim.click("Save").unwrap();
    });
    assert!(matches!(h.app.screen(), Screen::Console));
    let saved = &h.app.config().trackers;
    assert_eq!(saved.len(), 1);
    assert_eq!(
        (saved[0].name.as_str(), saved[0].kind, saved[0].mode()),
        ("Support Redmine", TrackerKind::Redmine, Mode::Api)
    );
    let file =
        std::fs::read_to_string(dutydesk::paths::Paths::portable(home.path()).config_file).unwrap();
    assert!(file.contains("name = \"Support Redmine\""), "{file}");
    assert!(
        !file.contains(secret),
        "the token never reaches the config file"
    );

    // The form offers it at once, and it creates the task with the stored token.
    let (chat, _) = super::tasks::supergroup_writes(&mut h, &["Need a new mailbox"]);
    super::tasks::click_task_of(&mut h, "Need a new mailbox");
    h.send(tasks_message(tasks::Message::Form(tasks::Edit::Tracker(
        "Support Redmine".into(),
    ))));
    interact(&mut h, |sim| {
        sim.click("Create task").unwrap();
    });
    h.settle();
    assert_eq!(
        super::tasks::chat_tasks(&h, chat)[0].tracker,
        "Support Redmine"
    );

    // Removed: its token goes with it.
    h.send(Message::Key(Key::Character(",".into()), Modifiers::CTRL));
    click_in_trackers(&mut h, "Remove");
    interact(&mut h, |sim| {
        sim.click("Save").unwrap();
    });
    assert!(h.app.config().trackers.is_empty());
    assert!(keyring.names().is_empty(), "{:?}", keyring.names());
}

#[test]
fn a_renamed_trackers_token_moves_with_it() {
    let mut github =
        tracker::TrackerConfig::new("GitHub", TrackerKind::GitHub, "https://github.com");
    github.mode = Some(Mode::Api);
    github.default_project = Some("acme/site".into());
    let (mut h, _home) = super::tasks::floor_with(vec![github]);
    let keyring = Arc::new(Memory::with("GitHub", "ghp_secret"));
    h.app.set_tokens(keyring.clone());
    h.send(Message::Key(Key::Character(",".into()), Modifiers::CTRL));
    edit(&mut h, trackers::Message::Name(0, "Acme GitHub".into()));
    h.send(Message::Settings(settings::Message::Save));
    assert_eq!(h.app.config().trackers[0].name, "Acme GitHub");
    assert!(keyring.holds("Acme GitHub", "ghp_secret"));
    assert_eq!(keyring.names(), ["Acme GitHub"]);
}
