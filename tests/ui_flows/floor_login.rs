//! The login screen on a team floor: the members the backend offers (free ones only) are
//! buttons under the phone field; a click logs in as that member, and the code step says
//! the simulator's code. On a backend that offers nobody (a real TDLib, the in-process
//! simulator) there is no list.

use super::*;
use dutydesk::telegram::offer::{Offer, OfferedLogin};

fn phone_step() -> (Harness, tempfile::TempDir) {
    dutydesk::ui::harness::simulated_backend();
    let home = tempfile::tempdir().unwrap();
    let paths = dutydesk::paths::Paths::portable(home.path());
    let _ = paths.create_dirs();
    let mut app = App::offline(dutydesk::ui::RunOptions {
        demo: false,
        config: credentials(),
        paths,
    });
    assert!(
        app.start_session(None).is_none(),
        "no keyring on the simulator"
    );
    let mut h = Harness::attach(app);
    h.pump_until("the phone step", |app| stage(app) == Some(&Stage::Phone));
    h.settle();
    (h, home)
}

fn member(name: &str, phone: &str, title: &str) -> OfferedLogin {
    OfferedLogin {
        name: name.into(),
        phone: phone.into(),
        title: title.into(),
        is_lead: !title.is_empty(),
    }
}

#[test]
fn a_floor_s_free_members_are_a_click_away_and_its_code_is_said() {
    let (mut h, _home) = phone_step();
    assert!(
        !visible(&h, "Free on this floor"),
        "the in-process simulator offers nobody"
    );
    h.send(Message::Login(login::Message::Offered(Offer {
        answered: true,
        free: vec![
            member("Lena Lead", "+15550000001", "Team lead"),
            member("Kim Keeper", "+15550000003", ""),
        ],
        code: Some("22222".into()),
    })));
    assert!(visible(&h, "Free on this floor"));
    assert!(visible(&h, "Lena Lead — +15550000001 · Team lead"));
    assert!(
        !visible(&h, "Sam Support — +15550000002"),
        "only who is free"
    );
    interact(&mut h, |sim| {
        sim.click("Kim Keeper — +15550000003").unwrap();
    });
    h.pump_until(
        "the code step",
        |app| matches!(stage(app), Some(Stage::Code { phone }) if phone.contains("15550000003")),
    );
    assert!(visible(&h, "The simulator's login code is 22222."));
    assert!(
        !visible(&h, "Free on this floor"),
        "the list belongs to the phone step"
    );
}
