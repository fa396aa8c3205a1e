//! Backfilling 30 days of 500 support chats from the simulator, through the app's real
//! path: td_json → tdlib-rs → the hub's receive thread → `Session` → `telegram::backfill`
//! → the store. Unpaced (the pace exists for Telegram's servers, not for this measure).
//! Prints messages/s and the total time. Asserts nothing about time.
//!
//! Run: `cargo bench --bench backfill_sim`

use std::time::{Duration, Instant};

use dutydesk::store::Store;
use dutydesk::telegram::backfill::{self, BackfillEvent, BackfillPlan, TokioPacer};
use dutydesk::telegram::{self, AuthState, Session, SessionConfig, TgEvent, hub};

const SCENARIO: &str = r#"
name = "month"
[duty_group]
title = "Duty team"
staff = ["Lena Lead", "Sam Support", "Kim Keeper"]
[customers]
groups = 450
private_chats = 50
members = [1, 3]
staff_per_group = 2
[history]
messages_per_chat = [150, 250]
span_hours = 720
"#;

#[tokio::main]
async fn main() {
    let config = tdsim::WorldConfig {
        scenario: tdsim::Scenario::parse(SCENARIO, "month.toml").expect("scenario"),
        ..tdsim::WorldConfig::default()
    };
    telegram::init_backend(telegram::Backend::Simulated(config)).expect("backend");
    let dir = tempfile::tempdir().expect("temporary directory");
    let session = Session::start(SessionConfig {
        api_id: 1,
        api_hash: "0123456789abcdef0123456789abcdef".into(),
        database_dir: dir.path().join("td"),
        encryption_key: telegram::keys::random_key(),
        demo: true,
    })
    .expect("session");
    let mut events = hub::take_events(session.client_id()).expect("events");
    while let Some(e) = events.recv().await {
        if matches!(e, TgEvent::Auth(AuthState::Ready)) {
            break;
        }
    }
    session.load_all_chats().await.expect("chats");
    // Drain what loading sent, off to the side.
    tokio::spawn(async move { while events.recv().await.is_some() {} });
    let control = tdsim::control(session.client_id()).expect("control");
    let layout = control.layout();
    let chats: Vec<i64> = layout.customer_chats.iter().map(|c| c.chat_id).collect();
    let mut store = Store::open(&dir.path().join("backfill.sqlite3")).expect("store");
    let plan = BackfillPlan {
        own_user: Some(layout.me),
        staff: layout.staff.clone(),
        pace: Duration::ZERO,
        ..BackfillPlan::new(chats, control.now())
    };
    let start = Instant::now();
    let mut floods = 0;
    let progress = backfill::run(&session, &mut store, &plan, &mut TokioPacer, &mut |e| {
        if matches!(e, BackfillEvent::FloodWait { .. }) {
            floods += 1;
        }
    })
    .await
    .expect("backfill");
    let took = start.elapsed().as_secs_f64();
    println!(
        "backfill_sim: {} chats, {} messages read, {} rows logged in {took:.1} s = {:.0} messages/s ({floods} FLOOD_WAITs, {} chats failed)",
        progress.chats_done,
        progress.messages_read,
        progress.rows_logged,
        progress.messages_read as f64 / took,
        progress.chats_failed
    );
    let paced = plan.chats.len() as f64
        * (progress.messages_read as f64 / plan.chats.len() as f64 / f64::from(plan.page)).ceil()
        * BackfillPlan::new(Vec::new(), 0).pace.as_secs_f64();
    println!(
        "backfill_sim: at the default pace of one request per {:?}, Telegram itself would take about {:.0} s for these requests",
        BackfillPlan::new(Vec::new(), 0).pace,
        paced
    );
    let start = Instant::now();
    let again = backfill::run(&session, &mut store, &plan, &mut TokioPacer, &mut |_| {})
        .await
        .expect("backfill again");
    println!(
        "backfill_sim: a second run (every chat marked): {} messages read, {} rows logged in {:.2} s",
        again.messages_read,
        again.rows_logged,
        start.elapsed().as_secs_f64()
    );
}
