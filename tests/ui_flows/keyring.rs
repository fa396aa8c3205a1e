//! Start-up when the OS keyring does not give the database key. Only "no keyring" asks for
//! a passphrase; a locked keyring shows Retry, a damaged entry is named. The keyring is a
//! stand-in (`App::set_keyring`): the simulator itself needs no key. The keyring is read
//! off the window's thread (an unlock prompt may wait for the user): `start_session` and
//! Retry hand the read back as data (Retry's as a blocking `work::Job`), and these tests
//! run it by hand, seeing the screen meanwhile.

use super::*;
use dutydesk::telegram::keys::{self, KeyError};
use dutydesk::ui::RunOptions;
use dutydesk::ui::effect::work::Job;
use dutydesk::ui::start::Keyring;
use std::sync::{Arc, Mutex};

/// What the stand-in keyring answers; a test changes it between tries.
type Answer = Arc<Mutex<Result<String, KeyError>>>;

/// The window's start-up with API credentials and a keyring answering `answer`; there is
/// no session yet if the key did not come.
fn start_with(home: &tempfile::TempDir, answer: &Answer) -> App {
    dutydesk::ui::harness::simulated_backend();
    let paths = dutydesk::paths::Paths::portable(home.path());
    let _ = paths.create_dirs();
    let mut app = App::offline(RunOptions {
        demo: false,
        config: credentials(),
        paths,
    });
    let answer = answer.clone();
    let keyring: Keyring = Arc::new(move |_account| answer.lock().unwrap().clone());
    app.set_keyring(keyring);
    let read = app
        .start_session(None)
        .expect("the key comes from the keyring, read off the window's thread");
    // Until the keyring answers, the window says what it waits for.
    assert_eq!(stage(&app), Some(&Stage::CheckingKeyring));
    assert!(ui(&app).find(login::checking_keyring()).is_ok());
    assert!(app.session().is_none());
    let _ = app.handle(Message::KeyRead(read.read()));
    app
}

/// Runs `f` against the app's view, then feeds the messages it produced to the app (the
/// login screens make no Telegram requests, so none are left to run). Returns the keyring
/// read they started, not yet run.
fn interact_app(
    app: &mut App,
    f: impl FnOnce(&mut Simulator<'_, Message>),
) -> Option<Job<Message>> {
    let mut read = None;
    for m in messages_from(app, f) {
        let effects = app.handle(m);
        assert!(effects.telegram_calls().is_empty());
        for job in effects.into_parts().work {
            assert!(read.is_none(), "one keyring read at a time");
            read = Some(job);
        }
    }
    read
}

/// Presses Retry and lets the keyring answer.
fn retry(app: &mut App) {
    let read = interact_app(app, |sim| {
        sim.click("Retry").unwrap();
    })
    .expect("Retry asks the keyring again");
    let _ = app.handle(read.run());
}

/// A text widget whose content includes every one of `parts`.
fn text_with(parts: &[&str]) -> impl FnMut(Candidate<'_>) -> Option<Target> + Send {
    let parts: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
    move |candidate| match candidate {
        Candidate::Text { content, .. } if parts.iter().all(|p| content.contains(p)) => {
            Some(Target::from(candidate))
        }
        _ => None,
    }
}

#[test]
fn a_locked_keyring_offers_retry_not_a_passphrase_and_retry_proceeds() {
    let home = tempfile::tempdir().unwrap();
    let answer: Answer = Arc::new(Mutex::new(Err(KeyError::Locked {
        reason: "the unlock prompt was dismissed".into(),
    })));
    let mut app = start_with(&home, &answer);
    assert!(app.session().is_none());
    assert!(
        matches!(stage(&app), Some(Stage::KeyringLocked(_))),
        "{:?}",
        stage(&app)
    );
    {
        let mut sim = ui(&app);
        assert!(sim.find("Your keyring is locked").is_ok());
        assert!(
            sim.find(text_with(&["the unlock prompt was dismissed", "Retry"]))
                .is_ok(),
            "the reason and what to do"
        );
        // A passphrase cannot open a database encrypted with the keyring's key.
        assert!(sim.find(id(login::PASSPHRASE)).is_err());
    }

    // Still locked: the same screen, saying the keyring was asked again.
    retry(&mut app);
    assert!(matches!(stage(&app), Some(Stage::KeyringLocked(_))));
    assert!(ui(&app).find(text_with(&["the same answer"])).is_ok());

    // Unlocked: Retry asks the keyring again and the session starts, on to the login.
    *answer.lock().unwrap() = Ok(keys::random_key());
    retry(&mut app);
    assert!(app.session().is_some(), "{:?}", stage(&app));
    let mut h = Harness::attach(app);
    h.pump_until("the phone step", |app| stage(app) == Some(&Stage::Phone));
    assert!(visible(&h, "Log in to Telegram"));
}

#[test]
fn a_damaged_entry_is_named_and_no_passphrase_is_offered_for_it() {
    let home = tempfile::tempdir().unwrap();
    let answer: Answer = Arc::new(Mutex::new(Err(KeyError::Damaged {
        entry: "tdlib-database-key:main".into(),
        reason: "not 256 bits in base64".into(),
    })));
    let app = start_with(&home, &answer);
    assert!(app.session().is_none());
    assert!(matches!(stage(&app), Some(Stage::KeyDamaged { .. })));
    let folder = dutydesk::paths::Paths::portable(home.path()).account_dir("main");
    let mut sim = ui(&app);
    assert!(
        sim.find(text_with(&[
            "\"tdlib-database-key:main\" of service \"dutydesk\"",
            "not 256 bits in base64",
            "delete the entry",
            &folder.display().to_string(),
        ]))
        .is_ok(),
        "the entry, the reason and what to do"
    );
    assert!(sim.find(id(login::PASSPHRASE)).is_err());
    assert!(sim.find("Retry").is_ok());
}

#[test]
fn only_no_keyring_at_all_asks_for_a_passphrase() {
    let home = tempfile::tempdir().unwrap();
    let answer: Answer = Arc::new(Mutex::new(Err(KeyError::NoKeyring {
        reason: "no Secret Service".into(),
    })));
    let mut app = start_with(&home, &answer);
    assert!(matches!(stage(&app), Some(Stage::Passphrase(_))));
    let read = interact_app(&mut app, |sim| {
        sim.click(id(login::PASSPHRASE)).unwrap();
        sim.typewrite("correct horse");
        sim.click(id(login::PASSPHRASE_REPEAT)).unwrap();
        sim.typewrite("correct horse");
        sim.click("Continue").unwrap();
    });
    assert!(read.is_none(), "a passphrase needs no keyring");
    assert!(app.session().is_some(), "{:?}", stage(&app));
}

/// A passphrase that will encrypt a new database is typed twice; a mismatch says so, starts
/// nothing and keeps what was typed.
#[test]
fn a_new_passphrase_is_typed_twice_and_a_mismatch_keeps_what_was_typed() {
    let home = tempfile::tempdir().unwrap();
    let answer: Answer = Arc::new(Mutex::new(Err(KeyError::NoKeyring {
        reason: "no Secret Service".into(),
    })));
    let mut app = start_with(&home, &answer);
    interact_app(&mut app, |sim| {
        sim.click(id(login::PASSPHRASE)).unwrap();
        sim.typewrite("correct horse");
        sim.click(id(login::PASSPHRASE_REPEAT)).unwrap();
        sim.typewrite("correct hrose");
        sim.click("Continue").unwrap();
    });
    assert!(app.session().is_none(), "nothing starts on a mismatch");
    assert!(ui(&app).find(text_with(&["not the same"])).is_ok());
    // What was typed stays: correcting the repeat is enough.
    interact_app(&mut app, |sim| {
        sim.click(id(login::PASSPHRASE_REPEAT)).unwrap();
        for _ in 0.."correct hrose".len() {
            sim.tap_key(Key::Named(Named::Backspace));
        }
        sim.typewrite("correct horse");
        sim.tap_key(Key::Named(Named::Enter));
    });
    assert!(app.session().is_some(), "{:?}", login_error(&app));
}

/// An account whose database already exists: its passphrase is typed once.
#[test]
fn an_existing_database_asks_for_its_passphrase_once() {
    let home = tempfile::tempdir().unwrap();
    let folder = dutydesk::paths::Paths::portable(home.path()).account_dir("main");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("td.binlog"), b"").unwrap();
    let answer: Answer = Arc::new(Mutex::new(Err(KeyError::NoKeyring {
        reason: "no Secret Service".into(),
    })));
    let mut app = start_with(&home, &answer);
    assert!(ui(&app).find(id(login::PASSPHRASE_REPEAT)).is_err());
    assert!(ui(&app).find("Enter your passphrase").is_ok());
    interact_app(&mut app, |sim| {
        sim.click(id(login::PASSPHRASE)).unwrap();
        sim.typewrite("correct horse");
        sim.tap_key(Key::Named(Named::Enter));
    });
    assert!(app.session().is_some(), "{:?}", login_error(&app));
}

/// "No keyring" says what happened and what to do in plain words; the library's own error
/// is under Details, not the headline.
#[test]
fn no_keyring_is_said_in_plain_words_with_the_raw_error_under_details() {
    let home = tempfile::tempdir().unwrap();
    let raw = "Platform secure storage failure: DBus error: The name org.freedesktop.secrets was not provided";
    let answer: Answer = Arc::new(Mutex::new(Err(KeyError::NoKeyring { reason: raw.into() })));
    let mut app = start_with(&home, &answer);
    {
        let mut sim = ui(&app);
        assert!(
            sim.find("Choose a passphrase for your Telegram data")
                .is_ok()
        );
        assert!(
            sim.find(text_with(&["password store", "restart DutyDesk"]))
                .is_ok(),
            "what happened and what to do"
        );
        assert!(
            sim.find(text_with(&["DBus error"])).is_err(),
            "no raw error up front"
        );
    }
    interact_app(&mut app, |sim| {
        sim.click("Details").unwrap();
    });
    assert!(ui(&app).find(raw).is_ok(), "the raw error under Details");
}

fn login_error(app: &App) -> Option<String> {
    app.login().and_then(|l| l.error().map(str::to_string))
}

#[test]
fn while_the_keyring_is_asked_again_retry_waits_and_the_screen_says_so() {
    let home = tempfile::tempdir().unwrap();
    let answer: Answer = Arc::new(Mutex::new(Err(KeyError::Locked {
        reason: "the unlock prompt was dismissed".into(),
    })));
    let mut app = start_with(&home, &answer);
    // The user unlocks the keyring, then presses Retry; its unlock prompt may be open a
    // while: the read is not run yet.
    *answer.lock().unwrap() = Ok(keys::random_key());
    let read = interact_app(&mut app, |sim| {
        sim.click("Retry").unwrap();
    })
    .expect("Retry asks the keyring again");
    assert!(
        app.session().is_none(),
        "nothing starts before the keyring answers"
    );
    {
        let mut sim = ui(&app);
        assert!(sim.find(login::checking_keyring()).is_ok(), "in progress");
        assert!(
            sim.find("Your keyring is locked").is_ok(),
            "what to do stays on screen"
        );
    }

    // A second press does nothing: the button waits, and a Retry that still arrives (a
    // message queued before it was disabled) starts no second read.
    let second = interact_app(&mut app, |sim| {
        let _ = sim.click("Retry");
    });
    assert!(
        second.is_none(),
        "Retry is disabled while the keyring is read"
    );
    let effects = app.handle(Message::Login(login::Message::Retry));
    assert!(effects.jobs().is_empty(), "one keyring read at a time");

    // The keyring answers the first read: the session starts, once.
    let answer_now = read.run();
    let _ = app.handle(answer_now.clone());
    let session = app.session().expect("the key came").client_id();
    let _ = app.handle(answer_now);
    assert_eq!(
        app.session().map(|s| s.client_id()),
        Some(session),
        "an answer nobody waits for starts nothing"
    );
    assert!(ui(&app).find(login::checking_keyring()).is_err());
}
