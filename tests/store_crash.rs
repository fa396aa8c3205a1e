//! Crash test: a child process (`dutydesk __store-writer <db>`) writes statistics batches
//! forever and acknowledges each commit on stdout; we kill -9 it at random moments, reopen
//! the database, and check that it opens, passes SQLite's integrity check and holds every
//! acknowledged batch — whole batches only, no gaps.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use dutydesk::store::{CRASH_BATCH, CRASH_CHAT, Store};

const ROUNDS: usize = 12;

/// xorshift64*: enough randomness for kill timing; the seed is printed to reproduce a run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

/// Starts a writer, kills it at a random moment, returns the last acknowledged message id.
fn run_and_kill(db: &Path, home: &Path, rng: &mut Rng) -> Option<i64> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .arg("__store-writer")
        .arg(db)
        .env("DUTYDESK_HOME", home)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the store writer");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(n) = line.strip_prefix("committed ") {
                tx.send(n.trim().parse::<i64>().expect("numeric ack")).ok();
            }
        }
    });
    // Some rounds die while opening or writing the first batch; most after a few commits.
    let mut first = None;
    if rng.below(4) == 0 {
        std::thread::sleep(Duration::from_millis(rng.below(40)));
    } else {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(ack) => first = Some(ack),
            Err(_) => {
                let _ = child.kill();
                let out = child.wait_with_output().expect("collect writer output");
                panic!(
                    "the writer acknowledged nothing in 60 s; stderr: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(200_000)));
    }
    // std's kill is SIGKILL on Unix: no destructors, no SQLite cleanup.
    child.kill().expect("kill -9 the writer");
    let status = child.wait().expect("reap the writer");
    assert!(!status.success(), "the writer never stops by itself");
    reader.join().expect("reader thread");
    first.into_iter().chain(rx.try_iter()).max()
}

#[test]
fn kill_9_during_writes_loses_nothing_acknowledged() {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    println!("crash test seed {seed}");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    let home = dir.path().join("home");
    let mut acknowledged = 0i64;
    for round in 0..ROUNDS {
        if let Some(last) = run_and_kill(&db, &home, &mut rng) {
            assert!(last > acknowledged, "acks only grow (round {round})");
            acknowledged = last;
        }
        if !db.exists() {
            println!("round {round}: killed before the file existed");
            continue;
        }
        let store = Store::open(&db)
            .unwrap_or_else(|e| panic!("round {round}: reopening after kill -9: {e}"));
        store.check_integrity().unwrap();
        let conn = rusqlite::Connection::open(&db).unwrap();
        let (count, max): (i64, i64) = conn
            .query_row(
                "SELECT count(*), coalesce(max(message), 0) FROM stat_messages WHERE chat = ?1",
                [CRASH_CHAT],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(
            max >= acknowledged,
            "round {round}: acknowledged up to {acknowledged} but only {max} survived"
        );
        println!("round {round}: acknowledged {acknowledged}, on disk {max}");
        assert_eq!(count, max, "round {round}: ids 1..={max} without gaps");
        assert_eq!(max % CRASH_BATCH, 0, "round {round}: whole batches only");
        // The note (its own transaction, after the batch's) names a batch that is on disk
        // and at least the acknowledged one; it may lag the data when a writer died between
        // the two commits, more than once across rounds.
        let note = store
            .load_local()
            .unwrap()
            .notes
            .into_iter()
            .find(|(chat, _)| *chat == CRASH_CHAT)
            .map(|(_, text)| text);
        if let Some(note) = note {
            let n: i64 = note.strip_prefix("last ").unwrap().parse().unwrap();
            assert!(
                n >= acknowledged,
                "round {round}: note {n} < ack {acknowledged}"
            );
            assert!(
                n <= max && n % CRASH_BATCH == 0,
                "round {round}: note {n}, data {max}"
            );
        } else {
            assert_eq!(acknowledged, 0, "round {round}: acknowledged note lost");
        }
    }
    assert!(acknowledged > 0, "no round got as far as a commit");
}
