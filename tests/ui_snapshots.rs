//! Snapshots of the console on the demo floor in each built-in theme, rendered headless
//! (ICED_TEST_BACKEND=tiny-skia) and compared with the hashes committed under
//! tests/snapshots/. Set DUTYDESK_SNAPSHOT_PNG to a directory to also get the images.

use dutydesk::config::Config;
use dutydesk::ui::harness::Harness;
use dutydesk::ui::theme::Theme;
use dutydesk::ui::{Message, Screen, WINDOW_SIZE};
use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::Simulator;

#[test]
fn console_snapshots_per_theme() {
    let home = tempfile::tempdir().unwrap();
    let mut h = Harness::start(true, home.path(), Config::default());
    h.pump_until("the console", |app| matches!(app.screen, Screen::Console));
    h.settle();
    // The first chat, open: rows, header, history and composer all show.
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    h.settle();
    assert!(h.app.console.open_chat().is_some());

    let tiny_skia = std::env::var("ICED_TEST_BACKEND").is_ok_and(|b| b == "tiny-skia");
    for name in ["light", "dark", "high-contrast"] {
        h.app.theme = Theme::builtin(name).unwrap();
        let theme = h.app.theme.iced();
        let mut ui = Simulator::with_size(iced::Settings::default(), WINDOW_SIZE, h.app.view());
        let snapshot = ui.snapshot(&theme).unwrap();
        if let Ok(dir) = std::env::var("DUTYDESK_SNAPSHOT_PNG") {
            snapshot
                .matches_image(format!("{dir}/console-{name}"))
                .unwrap();
        }
        let path = format!("tests/snapshots/console-{name}");
        if tiny_skia && std::env::var("DUTYDESK_UPDATE_SNAPSHOTS").is_err() {
            // The committed hash must exist: a missing file would silently pass.
            let committed = format!("{path}-tiny-skia.sha256");
            assert!(
                std::path::Path::new(&committed).exists(),
                "{committed} is not committed"
            );
        }
        assert!(
            snapshot.matches_hash(&path).unwrap(),
            "the {name} console changed; see {path}"
        );
    }
}
