//! The storm scenario's throughput: updates generated, serialized to TDLib JSON and queued
//! for receive(), on one core. Prints the figure; asserts nothing (a benchmark, not a test).
//!
//! cargo bench -p tdsim --bench storm

use std::time::Instant;

use tdsim::{Scenario, WorldConfig};

fn login(id: i32, control: &tdsim::Control) {
    for req in [
        r#"{"@type":"setTdlibParameters","api_id":1,"api_hash":"h","system_language_code":"en","device_model":"bench","application_version":"1"}"#,
        r#"{"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100"}"#,
        r#"{"@type":"checkAuthenticationCode","code":"22222"}"#,
    ] {
        tdsim::send(id, req);
    }
    for _ in 0..100 {
        tdsim::send(id, r#"{"@type":"loadChats","limit":100}"#);
    }
    control.drain();
}

fn main() {
    let config = WorldConfig {
        scenario: Scenario::builtin("storm").expect("shipped"),
        ..WorldConfig::default()
    };
    let per_second = config
        .scenario
        .storm
        .as_ref()
        .map_or(0, |s| s.updates_per_second);
    let id = tdsim::create_client_with(config);
    let control = tdsim::control(id).expect("client");
    login(id, &control);

    let seconds = 30;
    let start = Instant::now();
    let mut count = 0u64;
    let mut bytes = 0usize;
    for _ in 0..seconds {
        control.advance(1);
        // Drain as the app's receive thread would, so the queue stays short.
        while let Some(s) = tdsim::receive(0.0) {
            count += 1;
            bytes += s.len();
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "storm: {count} updates ({} MB of JSON) for {seconds} virtual s at {per_second}/s in {elapsed:.3} s: {:.0} updates/s",
        bytes / 1_000_000,
        count as f64 / elapsed
    );
}
