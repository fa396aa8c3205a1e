//! The real binary on the demo floor, in a real (virtual) X display: it must open its
//! window and draw the console. The screenshot is saved to docs/screenshots/console.png,
//! which the README shows. Needs Xvfb and ImageMagick's `import` (the CI installs both).

mod xvfb;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use xvfb::{Display, Guard};

fn tool(name: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Screenshot of the whole display; None until something is drawn.
fn grab(display: &str, out: &Path) -> Option<f64> {
    let ok = Command::new("import")
        .args(["-display", display, "-window", "root", out.to_str()?])
        .stderr(Stdio::null())
        .status()
        .ok()?
        .success();
    if !ok {
        return None;
    }
    // An empty display is one flat colour: its standard deviation is 0.
    let spread = Command::new("convert")
        .args([
            out.to_str()?,
            "-format",
            "%[fx:standard_deviation]",
            "info:",
        ])
        .output()
        .ok()?;
    String::from_utf8_lossy(&spread.stdout).trim().parse().ok()
}

#[test]
fn demo_floor_console_under_xvfb() {
    assert!(
        tool("Xvfb") && tool("import") && tool("convert"),
        "this test needs Xvfb and ImageMagick: apt-get install -y xvfb xauth imagemagick"
    );
    let home = tempfile::tempdir().unwrap();
    let xvfb = Display::start(60);
    let display = xvfb.name.clone();

    let log = home.path().join("stderr.log");
    let mut app = Guard(
        Command::new(env!("CARGO_BIN_EXE_dutydesk"))
            .arg("--demo")
            .env("DISPLAY", &display)
            .env("DUTYDESK_HOME", home.path())
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("dutydesk starts"),
    );
    let exited = |app: &mut Guard| match app.0.try_wait() {
        Ok(Some(status)) => Some(format!(
            "dutydesk exited with {status}: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        )),
        _ => None,
    };

    let shot = home.path().join("shot.png");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !grab(&display, &shot).is_some_and(|spread| spread > 0.05) {
        if let Some(why) = exited(&mut app) {
            panic!("{why}");
        }
        assert!(
            Instant::now() < deadline,
            "no window was drawn within a minute"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    // Let the floor's initial sync settle, then keep the picture for the README.
    std::thread::sleep(Duration::from_secs(5));
    if let Some(why) = exited(&mut app) {
        panic!("{why}");
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots/console.png");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let spread = grab(&display, &out).expect("a screenshot");
    assert!(spread > 0.05, "the console is drawn (spread {spread})");
}
