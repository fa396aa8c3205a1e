//! Statistics events into the store in batched transactions. Target: at least 100,000
//! events/s. Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench --bench store_events`

use std::time::{Duration, Instant};

use dutydesk::desk::{Role, Sender, StatEvent};
use dutydesk::store::Store;

const EVENTS: usize = 1_000_000;
const CHATS: i64 = 20_000;
const T0: i64 = 1_700_000_000;

/// A desk-like stream: messages spread over 20,000 chats with growing ids and dates, and a
/// first reply for about one message in six.
fn events(n: usize) -> Vec<StatEvent> {
    let mut next_id = vec![0i64; CHATS as usize];
    let mut out = Vec::with_capacity(n + n / 5);
    let mut i = 0usize;
    while out.len() < n {
        let chat = (i as i64).wrapping_mul(7919) % CHATS;
        let id = &mut next_id[chat as usize];
        *id += 1 << 20;
        let date = T0 + (i / 100) as i64;
        let staff = i.is_multiple_of(3);
        out.push(StatEvent::Message {
            chat,
            message: *id,
            role: if staff { Role::Staff } else { Role::Customer },
            date,
        });
        if staff && i.is_multiple_of(2) {
            out.push(StatEvent::FirstReply {
                chat,
                message: *id,
                date,
                waited_secs: (i % 900) as i64,
                responder: Sender::User(2),
            });
        }
        i += 1;
    }
    out.truncate(n);
    out
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let all = events(EVENTS);
    for batch in [1_000usize, 10_000] {
        let path = dir.path().join(format!("bench-{batch}.sqlite3"));
        let mut store = Store::open(&path).expect("open the store");
        let mut elapsed = Duration::ZERO;
        let mut added = 0;
        for chunk in all.chunks(batch) {
            let start = Instant::now();
            added += store.append_stats(chunk).expect("append statistics");
            elapsed += start.elapsed();
        }
        let rate = all.len() as f64 / elapsed.as_secs_f64();
        println!(
            "store_events: {} events in batches of {batch}: {:.3} s = {:.0} events/s \
             ({} rows added, {} transactions, WAL, synchronous=FULL)",
            all.len(),
            elapsed.as_secs_f64(),
            rate,
            added,
            all.len().div_ceil(batch)
        );
        println!(
            "store_events: target >= 100,000 events/s: {}",
            if rate >= 1e5 { "met" } else { "NOT met" }
        );
        // Replaying the same events (a restart re-reads history) must add nothing.
        let start = Instant::now();
        let again: usize = all
            .chunks(batch)
            .map(|c| store.append_stats(c).expect("append statistics"))
            .sum();
        println!(
            "store_events: replay of the same events: {again} rows added in {:.3} s",
            start.elapsed().as_secs_f64()
        );
        let start = Instant::now();
        let hour = store
            .messages_between(T0, T0 + 3600)
            .expect("read statistics");
        println!(
            "store_events: one hour of messages read back: {} rows in {:.1} ms",
            hour.len(),
            start.elapsed().as_secs_f64() * 1e3
        );
    }
}
