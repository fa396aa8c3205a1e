//! The child side of the crash test (tests/store_crash.rs): writes batches forever and
//! acknowledges each committed one on stdout, so the test can kill -9 it at any moment and
//! then check that every acknowledged batch survived.

use std::io::Write;
use std::path::Path;

use super::{Store, StoreError};
use crate::desk::{LocalChange, Role, StatEvent};

/// Chat the crash writer logs into.
pub const CRASH_CHAT: i64 = 42;
/// Messages per batch.
pub const CRASH_BATCH: i64 = 500;

/// Writes forever: each round appends `CRASH_BATCH` message statistics with consecutive ids
/// (continuing after what the file already holds) and then saves a note naming the last id,
/// and prints `committed <last id>` once both transactions have committed. Returns only on
/// an error.
pub fn crash_writer(db_path: &Path) -> Result<(), StoreError> {
    let mut store = Store::open(db_path)?;
    let mut next: i64 = store
        .conn
        .query_row(
            "SELECT coalesce(max(message), 0) FROM stat_messages WHERE chat = ?1",
            [CRASH_CHAT],
            |r| r.get(0),
        )
        .map_err(|e| store.sql("reading where the crash writer stopped", e))?;
    let mut out = std::io::stdout().lock();
    loop {
        let events: Vec<StatEvent> = (next + 1..=next + CRASH_BATCH)
            .map(|id| StatEvent::Message {
                chat: CRASH_CHAT,
                message: id,
                role: if id % 3 == 0 {
                    Role::Staff
                } else {
                    Role::Customer
                },
                date: 1_700_000_000 + id,
            })
            .collect();
        store.append_stats(&events)?;
        next += CRASH_BATCH;
        store.apply_changes(&[LocalChange::Note {
            chat: CRASH_CHAT,
            text: format!("last {next}"),
        }])?;
        writeln!(out, "committed {next}")
            .and_then(|()| out.flush())
            .map_err(|source| StoreError::Io {
                what: "acknowledging a committed batch on stdout".into(),
                source,
            })?;
    }
}
