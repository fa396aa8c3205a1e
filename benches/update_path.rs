//! The whole path from a TDLib JSON string to desk state, on one core: td_receive (the
//! simulator's queue) -> tdlib-rs parsing into its types (`tdlib_rs::receive`, exactly what
//! the receive thread calls) -> translation into desk events -> `Desk::apply`.
//! Target: at least 100,000 updates/s. Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench --bench update_path`

use std::time::{Duration, Instant};

use dutydesk::desk::{Desk, Settings};
use dutydesk::telegram::translate::Translator;
use dutydesk::telegram::{self, TgEvent, receive, tdjson};

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
    breakdown(&control, &mut translator);
}

/// Where the receive thread's time goes, stage by stage, over one more round of storm
/// recorded first: the JSON parsed into a `serde_json::Value` and then into tdlib-rs'
/// `Update` (what `tdlib_rs::receive` does), the receive thread's own parse, translation,
/// the channel. CPU time of this thread (from /proc), so other work on the machine counts
/// little.
fn breakdown(control: &tdsim::Control, translator: &mut Translator) {
    control.advance(ROUND_SECS);
    let mut texts = Vec::new();
    while let Some(text) = tdsim::receive(0.0) {
        texts.push(text);
    }
    let n = texts.len() as f64;
    let mut kinds = std::collections::BTreeMap::<String, u64>::new();
    for text in &texts {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        *kinds
            .entry(value["@type"].as_str().unwrap_or("?").to_string())
            .or_default() += 1;
    }
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    let kinds: Vec<String> = kinds.iter().map(|(k, c)| format!("{k} {c}")).collect();
    println!(
        "update_path: breakdown over {n} updates: {}",
        kinds.join(", ")
    );
    let stage = |name: &str, f: &mut dyn FnMut() -> u64| {
        let cpu = thread_cpu();
        let start = Instant::now();
        let out = f();
        let (cpu, wall) = (thread_cpu() - cpu, start.elapsed().as_secs_f64());
        println!(
            "update_path:   {name:<48} {:6.2} µs/update CPU ({:6.2} wall) [{out}]",
            1e6 * cpu / n,
            1e6 * wall / n
        );
    };
    stage("JSON -> serde_json::Value", &mut || {
        texts
            .iter()
            .filter(|t| serde_json::from_str::<serde_json::Value>(t).is_ok())
            .count() as u64
    });
    stage("JSON -> Value -> Update (tdlib_rs::receive)", &mut || {
        texts
            .iter()
            .filter(|t| {
                let v: serde_json::Value = serde_json::from_str(t).unwrap();
                serde_json::from_value::<tdlib_rs::enums::Update>(v).is_ok()
            })
            .count() as u64
    });
    stage("JSON -> Update (serde_json::from_str)", &mut || {
        texts
            .iter()
            .filter(|t| serde_json::from_str::<tdlib_rs::enums::Update>(t).is_ok())
            .count() as u64
    });
    stage(
        "receive::read (peek, skip unread kinds, direct parse)",
        &mut || {
            texts
                .iter()
                .filter(|t| matches!(receive::read(t), receive::Received::Update { .. }))
                .count() as u64
        },
    );
    let mut updates: Vec<tdlib_rs::enums::Update> = texts
        .iter()
        .filter_map(|t| serde_json::from_str(t).ok())
        .collect();
    let mut events = Vec::new();
    stage("translate (Update -> TgEvents)", &mut || {
        for update in std::mem::take(&mut updates) {
            translator.translate(update, &mut |e| events.push(e));
        }
        events.len() as u64
    });
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    stage("the channel (send, then drain)", &mut || {
        let count = events.len() as u64;
        for e in events.drain(..) {
            let _ = tx.send(e);
        }
        while rx.try_recv().is_ok() {}
        count
    });
}

/// CPU-seconds of the calling thread.
fn thread_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, r)| r)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (ticks(11) + ticks(12)) as f64 / 100.0
}
