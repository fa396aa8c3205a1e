//! The login entries DutyDesk writes, read by each format's own reference: the XDG
//! autostart entry by `desktop-file-validate` (Debian package desktop-file-utils), the
//! macOS LaunchAgent by Python's `plistlib` (what plutil reads, on a machine without
//! macOS), for program paths with spaces, quotes, `$`, `%`, backquotes, `&`, `<` and
//! Cyrillic. The Windows Run value's quoting is checked against Windows' command-line
//! rules in `src/autostart.rs` (there is no reg.exe here). Written only to a temporary
//! folder. Without the tools the test fails and names the package: a skipped test would
//! pass CI without checking anything.

use std::path::{Path, PathBuf};
use std::process::Command;

use dutydesk::autostart::{Method, desktop_entry, launch_agent};

const PATHS: [&str; 4] = [
    "/usr/lib/dutydesk/dutydesk",
    "/home/anna/Apps/Duty Desk (1)/100% \"duty\" $HOME `x`/DutyDesk.AppImage",
    "/home/анна/Загрузки/DutyDesk.AppImage",
    "/Applications/Duty & Desk <1>.app/Contents/MacOS/dutydesk",
];

fn tool(name: &str, package: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("`{name}` is not installed: apt-get install {package} (.ci/run does)")
        })
}

#[test]
fn the_xdg_entry_is_a_valid_desktop_file_for_any_path() {
    let validate = tool("desktop-file-validate", "desktop-file-utils");
    let dir = tempfile::tempdir().unwrap();
    for (i, program) in PATHS.iter().enumerate() {
        for &language in i18n::Language::SHIPPED {
            let file = dir
                .path()
                .join(format!("dutydesk-{i}-{}.desktop", language.code()));
            let entry = i18n::with_language(language, || desktop_entry(Path::new(program)));
            std::fs::write(&file, &entry).unwrap();
            let out = Command::new(&validate).arg(&file).output().unwrap();
            let said = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(out.status.success(), "{program}: {said}\n{entry}");
            assert!(!said.contains("error"), "{program}: {said}\n{entry}");
        }
    }
}

#[test]
fn the_written_entry_is_the_one_validated_and_switches_off() {
    let validate = tool("desktop-file-validate", "desktop-file-utils");
    let dir = tempfile::tempdir().unwrap();
    let place = dir.path().join("config/autostart/dutydesk.desktop");
    let method = Method::Xdg(place.clone());
    method.set(true, Path::new(PATHS[1])).unwrap();
    assert!(method.enabled());
    let out = Command::new(&validate).arg(&place).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    method.set(false, Path::new(PATHS[1])).unwrap();
    assert!(!place.exists());
    assert!(!method.enabled());
}

#[test]
fn the_launch_agent_is_a_property_list_that_runs_the_program_at_login() {
    let python = tool("python3", "python3");
    let dir = tempfile::tempdir().unwrap();
    for (i, program) in PATHS.iter().enumerate() {
        let file = dir.path().join(format!("agent-{i}.plist"));
        std::fs::write(&file, launch_agent(Path::new(program))).unwrap();
        // The property list as plistlib reads it, back as JSON.
        let out = Command::new(&python)
            .args([
                "-c",
                "import json, plistlib, sys\n\
                 with open(sys.argv[1], 'rb') as f:\n    print(json.dumps(plistlib.load(f)))",
            ])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{program}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(read["Label"], dutydesk::APP_ID, "{program}");
        assert_eq!(
            read["ProgramArguments"],
            serde_json::json!([program]),
            "{program}"
        );
        assert_eq!(read["RunAtLoad"], true, "{program}");
        assert_eq!(read["LimitLoadToSessionType"], "Aqua", "{program}");
    }
}
