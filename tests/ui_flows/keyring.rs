//! Start-up when the OS keyring does not give the database key. Only "no keyring" asks for
//! a passphrase; a locked keyring shows Retry, a damaged entry is named. The keyring is a
//! stand-in (`App::keyring`): the simulator itself needs no key.

use super::*;
use dutydesk::telegram::keys::{self, KeyError};
use dutydesk::ui::RunOptions;
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
    app.keyring = Some(keyring);
    app.start_session(None);
    app
}

/// Runs `f` against the app's view, then feeds the messages it produced to the app (the
/// login screens make no Telegram requests, so none are left to run).
fn interact_app(app: &mut App, f: impl FnOnce(&mut Simulator<'_, Message>)) {
    let messages: Vec<Message> = {
        let mut sim = ui(app);
        f(&mut sim);
        sim.into_messages().collect()
    };
    for m in messages {
        let effects = app.handle(m);
        assert!(effects.requests.is_empty());
    }
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
    assert!(app.session.is_none());
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
    interact_app(&mut app, |sim| {
        sim.click("Retry").unwrap();
    });
    assert!(matches!(stage(&app), Some(Stage::KeyringLocked(_))));
    assert!(ui(&app).find(text_with(&["the same answer"])).is_ok());

    // Unlocked: Retry asks the keyring again and the session starts, on to the login.
    *answer.lock().unwrap() = Ok(keys::random_key());
    interact_app(&mut app, |sim| {
        sim.click("Retry").unwrap();
    });
    assert!(app.session.is_some(), "{:?}", stage(&app));
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
    assert!(app.session.is_none());
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
    interact_app(&mut app, |sim| {
        sim.click(id(login::PASSPHRASE)).unwrap();
        sim.typewrite("correct horse");
        sim.click("Continue").unwrap();
    });
    assert!(app.session.is_some(), "{:?}", stage(&app));
}
