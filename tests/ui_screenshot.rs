//! The real binary on the demo floor, in a real (virtual) X display: it must open its
//! window and draw the console, and its log must stay readable (no other crate's INFO:
//! winit alone once wrote ~16,000 lines of the icon's pixels at every start). The
//! screenshot goes to the target directory, never into the tree (`docs/screenshots/refresh`
//! refreshes the README's pictures on purpose). Needs Xvfb and ImageMagick's `import` (the
//! CI installs both).

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
            .env("DUTYDESK_LANGUAGE", "en")
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
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("console.png");
    let spread = grab(&display, &out).expect("a screenshot");
    assert!(spread > 0.05, "the console is drawn (spread {spread})");

    let logs = home.path().join("data/logs");
    let mut lines = Vec::new();
    for file in std::fs::read_dir(&logs).expect("the log folder").flatten() {
        let text = std::fs::read_to_string(file.path()).unwrap_or_default();
        lines.extend(text.lines().map(str::to_string));
    }
    assert!(
        !lines.is_empty(),
        "the app logged its start in {}",
        logs.display()
    );
    let foreign: Vec<&String> = lines
        .iter()
        .filter(|l| {
            l.contains(" INFO ")
                && !l.contains(" INFO dutydesk")
                && !l.contains(" INFO desk")
                && !l.contains(" INFO tdsim")
        })
        .collect();
    assert!(
        foreign.is_empty(),
        "{} INFO lines from other crates, e.g. {:?}",
        foreign.len(),
        foreign
            .first()
            .map(|l| l.chars().take(200).collect::<String>())
    );
    assert!(lines.len() < 2_000, "{} lines logged at start", lines.len());
}
