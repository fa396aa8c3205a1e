//! Snapshots of the console in each built-in theme, in English and in Russian, rendered
//! headless (ICED_TEST_BACKEND=tiny-skia) and compared with the hashes committed under
//! tests/snapshots/ (`console-<theme>`, `console-ru-<theme>`). The floor is the hand-written fixture (src/ui/fixture.rs), so only a
//! change in how the window looks changes a hash. After an intended change, delete the old
//! hashes and run `console_snapshots_per_theme` alone with DUTYDESK_UPDATE_SNAPSHOTS=1 (the
//! font test beside it would compare against hashes not yet written); set
//! DUTYDESK_SNAPSHOT_PNG to a directory to look at the images.
//!
//! The hashes must not depend on the fonts a machine has: the window draws with bundled
//! fonts (src/ui/fonts.rs). On Linux `snapshots_do_not_depend_on_installed_fonts` proves it
//! by running the snapshot test again in child processes whose fontconfig file (the only
//! thing that tells fontdb which folders to load) names one temporary folder: empty, then
//! holding fonts that impersonate every family involved. Both must give the committed
//! hashes.

use dutydesk::ui::theme::Theme;
use dutydesk::ui::{WINDOW_SIZE, fixture, fonts};
use i18n::Language;
use iced::widget::text;
use iced_test::Simulator;
use std::path::Path;

/// A directory the snapshot test writes what fonts it drew with into (set by the parent).
const FONT_REPORT: &str = "DUTYDESK_FONT_REPORT";

#[test]
fn console_snapshots_per_theme() {
    let home = tempfile::tempdir().unwrap();
    let mut app = fixture::app(home.path());
    assert!(app.console().open_chat().is_some());
    let tiny_skia = std::env::var("ICED_TEST_BACKEND").is_ok_and(|b| b == "tiny-skia");
    if let Ok(dir) = std::env::var(FONT_REPORT) {
        report_fonts(Path::new(&dir));
    }
    // Each language in each theme: Russian's longer words are laid out as they are drawn.
    let shots = [(Language::En, "console"), (Language::Ru, "console-ru")]
        .into_iter()
        .flat_map(|shot| ["light", "dark", "high-contrast"].map(|name| (shot, name)));
    for ((language, prefix), name) in shots {
        app.set_language(language);
        app.set_theme(Theme::builtin(name).unwrap());
        let theme = app.theme().iced();
        let mut ui = Simulator::with_size(iced::Settings::default(), WINDOW_SIZE, app.view());
        let snapshot = ui.snapshot(&theme).unwrap();
        if let Ok(dir) = std::env::var("DUTYDESK_SNAPSHOT_PNG") {
            snapshot
                .matches_image(format!("{dir}/{prefix}-{name}"))
                .unwrap();
        }
        let path = format!("tests/snapshots/{prefix}-{name}");
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
            "the {name} console ({language:?}) changed; see {path}"
        );
    }
}

/// The Statistics screen over the fixture's week (src/ui/fixture/statistics.rs), the last 7
/// days, in each theme, English and Russian (`statistics-<theme>`, `statistics-ru-<theme>`).
/// Regenerate like the console's.
#[test]
fn statistics_snapshots_per_theme() {
    let home = tempfile::tempdir().unwrap();
    let mut app = fixture::statistics::app(home.path());
    let loaded = app.statistics().loaded().expect("the week's figures");
    assert!(!loaded.answer.figures.is_empty());
    let shots = [
        (Language::En, "statistics"),
        (Language::Ru, "statistics-ru"),
    ]
    .into_iter()
    .flat_map(|shot| ["light", "dark", "high-contrast"].map(|name| (shot, name)));
    for ((language, prefix), name) in shots {
        app.set_language(language);
        app.set_theme(Theme::builtin(name).unwrap());
        assert_snapshot(&app, prefix, name);
        // To look at: the whole screen, tables included, in a window tall enough for it.
        if let Ok(dir) = std::env::var("DUTYDESK_SNAPSHOT_PNG") {
            let tall = iced::Size::new(WINDOW_SIZE.width, 3000.0);
            let mut ui = Simulator::with_size(iced::Settings::default(), tall, app.view());
            let snapshot = ui.snapshot(&app.theme().iced()).unwrap();
            let _ = snapshot.matches_image(format!("{dir}/{prefix}-whole-{name}"));
        }
    }
}

/// Renders the app's view and compares it with the committed hash (see the module docs).
fn assert_snapshot(app: &dutydesk::ui::App, prefix: &str, name: &str) {
    let theme = app.theme().iced();
    let mut ui = Simulator::with_size(iced::Settings::default(), WINDOW_SIZE, app.view());
    let snapshot = ui.snapshot(&theme).unwrap();
    if let Ok(dir) = std::env::var("DUTYDESK_SNAPSHOT_PNG") {
        snapshot
            .matches_image(format!("{dir}/{prefix}-{name}"))
            .unwrap();
    }
    let path = format!("tests/snapshots/{prefix}-{name}");
    let tiny_skia = std::env::var("ICED_TEST_BACKEND").is_ok_and(|b| b == "tiny-skia");
    if tiny_skia && std::env::var("DUTYDESK_UPDATE_SNAPSHOTS").is_err() {
        let committed = format!("{path}-tiny-skia.sha256");
        assert!(
            Path::new(&committed).exists(),
            "{committed} is not committed"
        );
    }
    assert!(
        snapshot.matches_hash(&path).unwrap(),
        "the {prefix} screen in {name} changed; see {path}"
    );
}

/// Writes the faces iced's font system holds (`faces.tsv`: families, weight, file) and
/// the hash of a control text drawn in "Open Sans", the family cosmic-text gave iced's
/// `Font::DEFAULT` before src/ui/fonts.rs: the parent compares it across environments.
fn report_fonts(dir: &Path) {
    let lines: Vec<String> = fonts::faces()
        .into_iter()
        .map(|face| {
            let file = face.path.map(|p| p.display().to_string());
            format!(
                "{}\t{}\t{}",
                face.families.join("|"),
                face.weight,
                file.unwrap_or_else(|| "embedded".into())
            )
        })
        .collect();
    std::fs::write(dir.join("faces.tsv"), lines.join("\n")).unwrap();
    let control = text("Acme support ★ 🙏").font(iced::Font::with_name("Open Sans"));
    let mut ui = Simulator::<()>::with_size(iced::Settings::default(), (240.0, 40.0), control);
    let snapshot = ui.snapshot(&iced::Theme::Light).unwrap();
    // Writes control-<renderer>.sha256 there: the parent reads it.
    assert!(snapshot.matches_hash(dir.join("control")).unwrap());
}

#[cfg(target_os = "linux")]
#[test]
fn snapshots_do_not_depend_on_installed_fonts() {
    let root = tempfile::tempdir().unwrap();
    let none = render_in_child(root.path(), "none", &[]);
    let impostors = [
        Path::new("tests/fonts/Impostor-Regular.ttf"),
        Path::new("tests/fonts/Impostor-SemiBold.ttf"),
    ];
    let impostor = render_in_child(root.path(), "impostor", &impostors);

    // The environment took effect: no font of this machine was loaded in either child,
    // and the impostors were loaded in the second.
    let system = |run: &Run| -> Vec<String> {
        run.faces
            .iter()
            .filter(|f| !f.ends_with("\tembedded") && !f.contains(&*run.fonts.to_string_lossy()))
            .cloned()
            .collect()
    };
    assert_eq!(
        system(&none),
        Vec::<String>::new(),
        "installed fonts leaked in"
    );
    assert_eq!(
        system(&impostor),
        Vec::<String>::new(),
        "installed fonts leaked in"
    );
    assert!(none.faces.iter().all(|f| f.ends_with("\tembedded")));
    let loaded = impostor.faces.iter().filter(|f| !f.ends_with("\tembedded"));
    assert_eq!(
        loaded.count(),
        2,
        "both impostors loaded: {:?}",
        impostor.faces
    );
    // ... and they were drawable: the same control text in "Open Sans" (what Font::DEFAULT
    // meant before the fix) came out differently, so before the fix the console's titles
    // would have too.
    assert_ne!(
        none.control, impostor.control,
        "the impostor font changed nothing the renderer draws"
    );
}

#[cfg(target_os = "linux")]
struct Run {
    fonts: std::path::PathBuf,
    faces: Vec<String>,
    control: String,
}

/// Runs both screens' `*_snapshots_per_theme` in a child whose only font folder holds `fonts`:
/// FONTCONFIG_FILE replaces every fontconfig file fontdb would read (/etc/fonts, the
/// user's), HOME and the XDG folders point into the temporary directory in case fontdb
/// falls back to its built-in folders, and nothing else of this environment is passed on
/// (locale, time zone, DUTYDESK_UPDATE_SNAPSHOTS).
#[cfg(target_os = "linux")]
fn render_in_child(root: &Path, name: &str, fonts: &[&Path]) -> Run {
    let dir = root.join(name);
    let folder = dir.join("fonts");
    let report = dir.join("report");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir_all(&report).unwrap();
    for font in fonts {
        std::fs::copy(font, folder.join(font.file_name().unwrap())).unwrap();
    }
    // An empty <dir> list would make fontdb fall back to /usr/share/fonts: name one folder.
    let config = dir.join("fonts.conf");
    std::fs::write(
        &config,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n\
             <fontconfig>\n  <dir>{}</dir>\n</fontconfig>\n",
            folder.display()
        ),
    )
    .unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap());
    child
        // Both screens' snapshots (console_… and statistics_…), nothing else.
        .args(["snapshots_per_theme", "--nocapture"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_clear()
        .env("FONTCONFIG_FILE", &config)
        .env("HOME", dir.join("home"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("LANG", "C.UTF-8")
        .env("TZ", "UTC")
        .env("ICED_TEST_BACKEND", "tiny-skia")
        .env("RUST_BACKTRACE", "1")
        .env(FONT_REPORT, &report);
    if let Ok(png) = std::env::var("DUTYDESK_SNAPSHOT_PNG") {
        child.env("DUTYDESK_SNAPSHOT_PNG", Path::new(&png).join(name));
    }
    let out = child.output().unwrap();
    assert!(
        out.status.success(),
        "with {name} fonts installed the snapshots differ:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |file: &str| std::fs::read_to_string(report.join(file)).unwrap();
    Run {
        fonts: folder.clone(),
        faces: read("faces.tsv").lines().map(str::to_string).collect(),
        control: read("control-tiny-skia.sha256"),
    }
}
