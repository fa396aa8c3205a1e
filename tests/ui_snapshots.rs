//! Snapshots of the console in each built-in theme, rendered headless
//! (ICED_TEST_BACKEND=tiny-skia) and compared with the hashes committed under
//! tests/snapshots/. The floor is the hand-written fixture (src/ui/fixture.rs), so only a
//! change in how the window looks changes a hash. After an intended change, run with
//! DUTYDESK_UPDATE_SNAPSHOTS=1 after deleting the old hashes; set DUTYDESK_SNAPSHOT_PNG to
//! a directory to look at the images.

use dutydesk::ui::theme::Theme;
use dutydesk::ui::{WINDOW_SIZE, fixture};
use iced_test::Simulator;

#[test]
fn console_snapshots_per_theme() {
    let home = tempfile::tempdir().unwrap();
    let mut app = fixture::app(home.path());
    assert!(app.console().open_chat().is_some());
    let tiny_skia = std::env::var("ICED_TEST_BACKEND").is_ok_and(|b| b == "tiny-skia");
    for name in ["light", "dark", "high-contrast"] {
        app.set_theme(Theme::builtin(name).unwrap());
        let theme = app.theme().iced();
        let mut ui = Simulator::with_size(iced::Settings::default(), WINDOW_SIZE, app.view());
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
