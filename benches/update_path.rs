//! The whole path from a TDLib JSON string to desk state, on one core: td_receive (the
//! simulator's queue) -> tdlib-rs parsing into its types (`tdlib_rs::receive`, exactly what
//! the receive thread calls) -> translation into desk events -> `Desk::apply`.
//! Target: at least 100,000 updates/s. Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench --bench update_path`

use std::time::{Duration, Instant};

use dutydesk::desk::{Desk, Settings};
use dutydesk::telegram::translate::Translator;
use dutydesk::telegram::{self, TgEvent, tdjson};

const CHATS: usize = 20_000;
const ROUNDS: usize = 5;
/// Virtual seconds of storm per round (the scenario sends 20,000 updates a second).
const ROUND_SECS: i64 = 10;

fn scenario_file() -> tempfile::NamedTempFile {
    let shipped = include_str!("../crates/tdsim/scenarios/storm.toml");
    let text = shipped
        .replace("groups = 450", &format!("groups = {}", CHATS - 50))
        .replace("name = \"storm\"", "name = \"storm-20k\"");
    let mut file = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    std::io::Write::write_all(&mut file, text.as_bytes()).unwrap();
    file
}

fn send(client: i32, request: &str) {
    let request = std::ffi::CString::new(request).unwrap();
    // SAFETY: a valid C string; td_send copies it.
    unsafe { tdjson::td_send(client, request.as_ptr()) };
}

/// Receives `n` objects through the real path, applying every desk event.
fn pump(n: u64, translator: &mut Translator, desk: &mut Desk, now: &mut i64) -> u64 {
    let mut events = 0;
    for _ in 0..n {
        if let Some((update, _)) = tdlib_rs::receive() {
            translator.translate(update, &mut |event| match event {
                TgEvent::Desk(e) => {
                    desk.apply(e, *now);
                    events += 1;
                }
                TgEvent::Clock(t) => *now = t,
                _ => {}
            });
        }
    }
    events
}

fn main() {
    let file = scenario_file();
    let scenario = tdsim::Scenario::load(file.path()).expect("the bench scenario loads");
    let config = tdsim::WorldConfig {
        scenario,
        seed: 7,
        speed: 0.0,
        start_time: 1_772_442_000,
    };
    telegram::init_backend(telegram::Backend::Simulated(config)).unwrap();

    let client = tdlib_rs::create_client();
    let control = tdsim::control(client).unwrap();
    let mut translator = Translator::default();
    let mut desk = Desk::new(Settings::default());
    let mut now = control.now();

    // Log in and load every chat; not measured.
    send(
        client,
        r#"{"@type":"setTdlibParameters","use_test_dc":false,"database_directory":"/tmp/x","files_directory":"","database_encryption_key":"","use_file_database":false,"use_chat_info_database":false,"use_message_database":false,"use_secret_chats":false,"api_id":1,"api_hash":"0123456789abcdef0123456789abcdef","system_language_code":"en","device_model":"bench","system_version":"","application_version":"1"}"#,
    );
    send(
        client,
        r#"{"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100"}"#,
    );
    send(
        client,
        &format!(
            r#"{{"@type":"checkAuthenticationCode","code":"{}"}}"#,
            tdsim::LOGIN_CODE
        ),
    );
    for _ in 0..(CHATS / 100 + 2) {
        send(
            client,
            r#"{"@type":"loadChats","chat_list":{"@type":"chatListMain"},"limit":100}"#,
        );
    }
    let setup = control.objects_emitted();
    pump(setup, &mut translator, &mut desk, &mut now);
    println!(
        "update_path: {} chats in the desk after login and loadChats",
        desk.len(&Default::default())
    );

    let mut total_updates = 0u64;
    let mut total_events = 0u64;
    let mut total_time = Duration::ZERO;
    for round in 0..ROUNDS {
        let before = control.objects_emitted();
        control.advance(ROUND_SECS); // generation is not measured: it fills the queue first
        let n = control.objects_emitted() - before;
        let start = Instant::now();
        let events = pump(n, &mut translator, &mut desk, &mut now);
        let elapsed = start.elapsed();
        total_updates += n;
        total_events += events;
        total_time += elapsed;
        println!(
            "update_path: round {round}: {n} updates ({events} desk events) in {:.1} ms = {:.0} updates/s",
            elapsed.as_secs_f64() * 1e3,
            n as f64 / elapsed.as_secs_f64()
        );
    }
    println!(
        "update_path: {:.0} updates/s from TDLib JSON to desk state ({} updates, {} desk events, {} chats; target >= 100000)",
        total_updates as f64 / total_time.as_secs_f64(),
        total_updates,
        total_events,
        CHATS
    );
}
