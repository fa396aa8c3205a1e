//! The documented errors for a missing TDLib and for one that reports another version,
//! both as a library call and as the user sees them from the command line.

mod common;

use std::process::Command;

use dutydesk::telegram::{LibraryError, NativeLibrary, native};

#[test]
fn a_missing_library_says_which_version_is_needed_and_how_to_get_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("libtdjson.so");
    let err = native::locate(Some(&missing), dir.path()).unwrap_err();
    assert!(
        matches!(err, LibraryError::NotFound { ref searched } if searched == &vec![missing.clone()])
    );
    let text = err.to_string();
    assert!(text.contains("TDLib 1.8.61 was not found"), "{text}");
    assert!(text.contains(&missing.display().to_string()), "{text}");
    assert!(text.contains("dutydesk fetch-tdlib"), "{text}");
}

#[test]
fn a_file_that_is_not_a_library_is_a_load_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("libtdjson.so");
    std::fs::write(&bogus, b"not a shared library").unwrap();
    let err = NativeLibrary::load(&bogus).unwrap_err();
    assert!(matches!(err, LibraryError::LoadFailed { .. }), "{err}");
    assert!(err.to_string().contains("dutydesk fetch-tdlib"), "{err}");
}

fn dutydesk(home: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dutydesk"));
    // The messages below are checked in English, whatever the machine's language.
    cmd.env("DUTYDESK_HOME", home)
        .env("DUTYDESK_LANGUAGE", "en")
        .env_remove("DUTYDESK_API_ID")
        .env_remove("DUTYDESK_API_HASH");
    cmd
}

#[test]
fn the_command_line_reports_a_missing_library() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("nowhere").join("libtdjson.so");
    let out = dutydesk(home.path())
        .args(["doctor", "--login-probe"])
        .env("DUTYDESK_TDJSON", &missing)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("TDLib 1.8.61 was not found"), "{stderr}");
    assert!(stderr.contains("dutydesk fetch-tdlib"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_library_reporting_another_version_is_refused_with_the_documented_error() {
    // The simulator's cdylib can be told to claim another version, standing in for a
    // libtdjson of the wrong release.
    let home = tempfile::tempdir().unwrap();
    let out = dutydesk(home.path())
        .args(["doctor", "--login-probe"])
        .env("DUTYDESK_TDJSON", common::sim_cdylib())
        .env("TDSIM_REPORT_VERSION", "1.8.60")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("is TDLib 1.8.60, but DutyDesk needs TDLib 1.8.61"),
        "{stderr}"
    );
    assert!(stderr.contains("dutydesk fetch-tdlib"), "{stderr}");
}

#[test]
fn a_malformed_config_names_file_line_and_key() {
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("config");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        "[ui]\ntheme = \"dark\"\nscale = \"big\"\n",
    )
    .unwrap();
    let out = dutydesk(home.path()).arg("doctor").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = format!(
        "{}:3: key `ui.scale`",
        config_dir.join("config.toml").display()
    );
    assert!(stdout.contains(&expected), "{stdout}");
}
