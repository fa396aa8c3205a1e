//! The statistics log's writer: a thread with a connection of its own, so that the window
//! never waits on the disk. Under a storm the desk logs a batch of events after every
//! Telegram batch; written on the window's thread, a commit that met a checkpoint's fsync,
//! or the backfill's write lock, held the window for up to 0.8 s. The window hands batches
//! over (`append`, never blocking); the thread writes them in order, what has queued up
//! meanwhile in one transaction. Readers on other threads open the file through a
//! `StoreFile`, which first waits until everything handed over before is written, so a
//! query still sees every message the desk has logged.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use crate::desk::StatEvent;

use super::{Store, StoreError};

/// How far the writer is: batches handed over, batches written, the last failure.
#[derive(Debug, Default)]
struct Progress {
    queued: u64,
    written: u64,
    /// The writer has stopped (its thread ended): nothing queued will be written.
    stopped: bool,
    error: Option<String>,
}

#[derive(Debug, Default)]
struct Shared {
    progress: Mutex<Progress>,
    moved: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Progress> {
        // A panic elsewhere while holding the lock leaves plain counters: still usable.
        self.progress.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until every batch handed over until now is written (or the writer stopped).
    fn settle(&self) {
        let mut p = self.lock();
        let target = p.queued;
        while p.written < target && !p.stopped {
            p = self.moved.wait(p).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// The window's handle on the writer thread; dropping it writes what is queued and joins.
#[derive(Debug)]
pub struct StatsWriter {
    sender: Option<Sender<Vec<StatEvent>>>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
    path: PathBuf,
}

impl StatsWriter {
    /// Starts the writer on `store` (a connection of its own to the window's file). Its
    /// errors are worded in `language`.
    pub fn spawn(store: Store, language: i18n::Language) -> std::io::Result<StatsWriter> {
        let shared = Arc::new(Shared::default());
        let (sender, batches) = channel();
        let path = store.path().to_path_buf();
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("dutydesk-stats-writer".into())
                .spawn(move || i18n::with_language(language, || run(store, &batches, &shared)))?
        };
        Ok(StatsWriter {
            sender: Some(sender),
            shared,
            thread: Some(thread),
            path,
        })
    }

    /// Hands a batch over; returns at once.
    pub fn append(&self, events: Vec<StatEvent>) {
        if events.is_empty() {
            return;
        }
        let mut p = self.shared.lock();
        let sent = self.sender.as_ref().is_some_and(|s| s.send(events).is_ok());
        if sent {
            p.queued += 1;
        }
    }

    /// The last failure since asked, worded for the banner.
    pub fn take_error(&self) -> Option<String> {
        self.shared.lock().error.take()
    }

    /// Waits until every batch handed over is written.
    pub fn settle(&self) {
        self.shared.settle();
    }

    /// The file, as readers on other threads open it (after the writer has caught up).
    pub fn file(&self) -> StoreFile {
        StoreFile {
            path: self.path.clone(),
            writes: Some(Arc::clone(&self.shared)),
        }
    }
}

impl Drop for StatsWriter {
    fn drop(&mut self) {
        // The thread writes what is queued, sees the channel closed, and ends.
        self.sender = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Events a failed write keeps for the next try, at most (a storm's minute is about a
/// million); past it the oldest are given up (a backfill logs them again).
const CARRY_MAX: usize = 1 << 20;

fn run(mut store: Store, batches: &Receiver<Vec<StatEvent>>, shared: &Shared) {
    // Events a failed write left, tried again with the next batch (logging is idempotent).
    let mut carry: Vec<StatEvent> = Vec::new();
    while let Ok(first) = batches.recv() {
        let mut events = std::mem::take(&mut carry);
        events.extend(first);
        let mut taken = 1;
        // What queued up while the last batch was written goes in one transaction.
        while let Ok(more) = batches.try_recv() {
            events.extend(more);
            taken += 1;
        }
        let result = store.append_stats(&events);
        let mut p = shared.lock();
        p.written += taken;
        if let Err(e) = result {
            tracing::warn!(error = %e, "statistics not logged yet");
            let over = events.len().saturating_sub(CARRY_MAX);
            carry = events.split_off(over);
            p.error = Some(i18n::t!(
                "app-store-not-saved",
                path = store.path().display().to_string(),
                error = e.to_string()
            ));
        }
        drop(p);
        shared.moved.notify_all();
    }
    shared.lock().stopped = true;
    shared.moved.notify_all();
}

/// The store's file as a reader on another thread gets it: opening it first waits for the
/// window's statistics writer, where there is one, to write what it was handed.
#[derive(Debug, Clone)]
pub struct StoreFile {
    path: PathBuf,
    writes: Option<Arc<Shared>>,
}

impl StoreFile {
    /// A file no writer of this process feeds (the command line, tests).
    pub fn plain(path: impl Into<PathBuf>) -> StoreFile {
        StoreFile {
            path: path.into(),
            writes: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A connection of its own, once the writer has written everything handed over so far.
    pub fn open(&self) -> Result<Store, StoreError> {
        if let Some(w) = &self.writes {
            w.settle();
        }
        Store::open(&self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::{ChatId, Role};

    fn message(chat: ChatId, id: i64, date: i64) -> StatEvent {
        StatEvent::Message {
            chat,
            message: id,
            role: Role::Customer,
            date,
        }
    }

    #[test]
    fn a_reader_sees_every_batch_handed_over_before_it_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let writer = StatsWriter::spawn(Store::open(&path).unwrap(), i18n::Language::En).unwrap();
        let file = writer.file();
        for i in 0..200 {
            writer.append(vec![
                message(1, i + 1, 1_000 + i),
                message(2, i + 1, 1_000 + i),
            ]);
        }
        let reader = file.open().unwrap();
        let logged = reader.messages_between(0, i64::MAX).unwrap();
        assert_eq!(logged.len(), 400);
        // In the order handed over: ids rise with the dates.
        assert!(logged.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!(writer.take_error(), None);
    }

    #[test]
    fn dropping_the_writer_writes_what_is_queued() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let writer = StatsWriter::spawn(Store::open(&path).unwrap(), i18n::Language::En).unwrap();
        for i in 0..50 {
            writer.append(vec![message(7, i + 1, 5_000 + i)]);
        }
        drop(writer);
        let logged = Store::open(&path)
            .unwrap()
            .messages_between(0, i64::MAX)
            .unwrap();
        assert_eq!(logged.len(), 50);
    }

    #[test]
    fn a_failed_write_is_reported_once_and_readers_do_not_hang() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let writer = StatsWriter::spawn(Store::open(&path).unwrap(), i18n::Language::En).unwrap();
        // Another connection holds the write lock past the writer's busy timeout.
        let mut other = rusqlite::Connection::open(&path).unwrap();
        other.busy_timeout(std::time::Duration::ZERO).unwrap();
        let lock = other
            .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)
            .unwrap();
        writer.append(vec![message(3, 1, 10)]);
        writer.settle();
        let error = writer.take_error().expect("the write failed");
        assert!(error.contains("store.sqlite3"), "names the file: {error}");
        assert_eq!(writer.take_error(), None, "reported once");
        drop(lock);
        // Nothing is lost: the next batch writes the failed one too.
        writer.append(vec![message(3, 2, 20)]);
        let logged = writer
            .file()
            .open()
            .unwrap()
            .messages_between(0, 100)
            .unwrap();
        assert_eq!(logged.len(), 2);
        assert_eq!(writer.take_error(), None);
    }
}
