//! Against the real libtdjson 1.8.61, through DutyDesk's own native backend.

mod common;

use dutydesk::telegram::{self, AuthState, NativeLibrary, TDLIB_VERSION};
use tdlib_rs::enums::{FormattedText, TextEntityType};

fn init() {
    let lib = NativeLibrary::load(&common::real_tdjson()).expect("the real TDLib loads");
    telegram::init_backend(telegram::Backend::Native(lib)).expect("one native backend per process");
}

#[test]
fn the_version_check_passes_for_the_real_library() {
    let lib = NativeLibrary::load(&common::real_tdjson()).unwrap();
    assert_eq!(lib.version(), TDLIB_VERSION);
    assert_eq!(lib.version(), "1.8.61");
}

#[test]
fn parameters_in_a_temporary_directory_reach_wait_phone_number() {
    init();
    let state = dutydesk::doctor::probe().expect("the probe runs");
    assert_eq!(state, AuthState::WaitPhoneNumber);
    assert_eq!(state.tdlib_name(), "authorizationStateWaitPhoneNumber");
}

#[test]
fn execute_round_trips_through_tdlib_rs_types() {
    init();
    let reply = telegram::execute(
        r#"{"@type":"parseTextEntities","text":"*duty* now","parse_mode":{"@type":"textParseModeMarkdown","version":2}}"#,
    )
    .expect("td_execute answers");
    let FormattedText::FormattedText(parsed) = serde_json::from_str::<FormattedText>(&reply)
        .unwrap_or_else(|e| panic!("not a formattedText ({e}): {reply}"));
    assert_eq!(parsed.text, "duty now");
    assert_eq!(parsed.entities.len(), 1);
    assert_eq!(
        (parsed.entities[0].offset, parsed.entities[0].length),
        (0, 4)
    );
    assert!(matches!(parsed.entities[0].r#type, TextEntityType::Bold));

    // A request TDLib refuses to execute synchronously comes back as an error object.
    let reply = telegram::execute(r#"{"@type":"getMe"}"#).expect("td_execute answers");
    let err: tdlib_rs::types::Error = serde_json::from_str(&reply).unwrap();
    assert_eq!(err.code, 400, "{reply}");
}

#[test]
fn commands_that_only_load_tdlib_exit_cleanly() {
    // Loading TDLib and asking its version starts TDLib threads; unloading the library
    // under them used to crash the process on the way out (exit code 139).
    let home = tempfile::tempdir().unwrap();
    for _ in 0..3 {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dutydesk"))
            .arg("doctor")
            .env("DUTYDESK_HOME", home.path())
            .env("DUTYDESK_LANGUAGE", "en")
            .env("DUTYDESK_TDJSON", common::real_tdjson())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "doctor exited with {}: {stdout}",
            out.status
        );
        assert!(stdout.contains("(version 1.8.61)"), "{stdout}");
    }
}
