//! Logging with tracing into `<data>/logs/`, one file a day (`dutydesk.YYYY-MM-DD.log`, UTC
//! dates like the lines' own timestamps), each day capped in size and a week of days kept.
//!
//! The filter: DutyDesk's own crates at INFO, everyone else at WARN. Other crates' INFO is
//! noise for a support admin's log (winit alone logs the window icon's raw pixels, ~16,000
//! lines, at every start). `DUTYDESK_LOG` replaces the filter (e.g. `debug`,
//! `dutydesk::telegram=trace`).

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

/// The default filter: our crates at INFO, the rest at WARN.
pub const DEFAULT_FILTER: &str = "warn,dutydesk=info,desk=info,tdsim=info,tracker=info,i18n=info";
/// One file's size limit; a day that outgrows it continues in `….1.log`, `….2.log`, …
pub const FILE_CAP: u64 = 10 * 1024 * 1024;
/// Files a day may have: past them the day's further lines are dropped (one line says so),
/// so a storm of errors cannot fill the disk.
pub const PARTS_PER_DAY: u32 = 5;
/// Days of logs kept; older files go when a day starts.
pub const DAYS_KEPT: i64 = 7;

/// Starts logging into `log_dir`. Failing to log is not a reason to refuse to run: the error
/// is returned for the caller to mention, and the app goes on without a log.
pub fn init(log_dir: &Path) -> Result<(), String> {
    let writer = DailyFiles::open(log_dir, Box::new(unix_now), FILE_CAP)
        .map_err(|e| format!("{}: {e}", log_dir.display()))?;
    tracing_subscriber::fmt()
        .with_env_filter(filter(std::env::var("DUTYDESK_LOG").ok().as_deref()))
        .with_ansi(false)
        .with_writer(Mutex::new(writer))
        .try_init()
        .map_err(|e| e.to_string())
}

/// `DUTYDESK_LOG` if it parses, else [`DEFAULT_FILTER`].
pub fn filter(env: Option<&str>) -> EnvFilter {
    env.and_then(|s| EnvFilter::try_new(s).ok())
        .unwrap_or_else(|| EnvFilter::new(DEFAULT_FILTER))
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Days since 1970-01-01 as a `YYYY-MM-DD` string (proleptic Gregorian, UTC).
fn day_name(day: i64) -> String {
    // Howard Hinnant's civil_from_days.
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The writer behind the log: today's file, the next part when it is full, a new file when
/// the day changes, old days removed.
pub struct DailyFiles {
    dir: PathBuf,
    clock: Box<dyn Fn() -> i64 + Send>,
    cap: u64,
    day: i64,
    part: u32,
    file: Option<File>,
    written: u64,
}

impl DailyFiles {
    /// Opens today's log in `dir` (created if missing), continuing its last part.
    pub fn open(
        dir: &Path,
        clock: Box<dyn Fn() -> i64 + Send>,
        cap: u64,
    ) -> io::Result<DailyFiles> {
        std::fs::create_dir_all(dir)?;
        let mut files = DailyFiles {
            dir: dir.to_path_buf(),
            clock,
            cap,
            day: i64::MIN,
            part: 0,
            file: None,
            written: 0,
        };
        files.start_day()?;
        Ok(files)
    }

    /// The file a part of the current day is written to.
    pub fn path(&self, part: u32) -> PathBuf {
        let day = day_name(self.day);
        let name = match part {
            0 => format!("dutydesk.{day}.log"),
            n => format!("dutydesk.{day}.{n}.log"),
        };
        self.dir.join(name)
    }

    fn start_day(&mut self) -> io::Result<()> {
        self.day = (self.clock)().div_euclid(86_400);
        self.remove_old_days();
        // A restart the same day continues where the last run stopped.
        self.part = (0..PARTS_PER_DAY)
            .take_while(|p| self.path(*p).exists())
            .last()
            .unwrap_or(0);
        self.open_part()
    }

    fn open_part(&mut self) -> io::Result<()> {
        let path = self.path(self.part);
        let file = OpenOptions::new().create(true).append(true).open(&path)?;
        self.written = file.metadata()?.len();
        self.file = Some(file);
        Ok(())
    }

    /// Removes `dutydesk.<day>…log` files older than a week; other files are left alone.
    fn remove_old_days(&self) {
        let oldest_kept = day_name(self.day - (DAYS_KEPT - 1));
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(day) = name
                .to_str()
                .and_then(|n| n.strip_prefix("dutydesk."))
                .filter(|n| n.ends_with(".log"))
                .and_then(|n| n.get(..10))
            else {
                continue;
            };
            let is_date = day.len() == 10
                && day.bytes().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                });
            // ISO dates order as strings do.
            if is_date && day < oldest_kept.as_str() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

impl Write for DailyFiles {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if (self.clock)().div_euclid(86_400) != self.day {
            self.start_day()?;
        }
        if self.written + buf.len() as u64 > self.cap && self.written > 0 {
            if self.part + 1 >= PARTS_PER_DAY {
                if self.file.is_some() {
                    let note = b"log: today's size cap is reached; further lines are dropped until tomorrow\n";
                    let mut file = self.file.take().expect("checked");
                    let _ = file.write_all(note);
                }
                // Dropped, but reported as written: a log must never fail the caller.
                return Ok(buf.len());
            }
            self.part += 1;
            self.open_part()?;
        }
        let Some(file) = &mut self.file else {
            return Ok(buf.len());
        };
        file.write_all(buf)?;
        self.written += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, Ordering};

    /// 2026-11-30 12:00 UTC.
    const NOON: i64 = 1_796_040_000;

    fn clock(at: &Arc<AtomicI64>) -> Box<dyn Fn() -> i64 + Send> {
        let at = at.clone();
        Box::new(move || at.load(Ordering::Relaxed))
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn day_names_are_utc_calendar_dates() {
        assert_eq!(day_name(0), "1970-01-01");
        assert_eq!(day_name(NOON.div_euclid(86_400)), "2026-11-30");
        assert_eq!(day_name(11_016), "2000-02-29");
        assert_eq!(day_name(-1), "1969-12-31");
    }

    #[test]
    fn a_new_day_starts_a_new_file_and_a_week_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        // Someone else's file in the folder is never removed.
        std::fs::write(dir.path().join("notes.txt"), "keep").unwrap();
        let at = Arc::new(AtomicI64::new(NOON));
        let mut log = DailyFiles::open(dir.path(), clock(&at), 1024).unwrap();
        for day in 0..9 {
            at.store(NOON + day * 86_400, Ordering::Relaxed);
            writeln!(log, "line of day {day}").unwrap();
        }
        let names = names(dir.path());
        assert_eq!(names.len(), DAYS_KEPT as usize + 1, "{names:?}");
        assert_eq!(names.first().unwrap(), "dutydesk.2026-12-02.log");
        assert_eq!(names[DAYS_KEPT as usize - 1], "dutydesk.2026-12-08.log");
        assert!(names.contains(&"notes.txt".to_string()));
        let last = std::fs::read_to_string(dir.path().join("dutydesk.2026-12-08.log")).unwrap();
        assert_eq!(last, "line of day 8\n");
    }

    #[test]
    fn a_full_file_continues_in_parts_then_the_day_is_capped() {
        let dir = tempfile::tempdir().unwrap();
        let at = Arc::new(AtomicI64::new(NOON));
        let mut log = DailyFiles::open(dir.path(), clock(&at), 100).unwrap();
        let line = [b'x'; 39];
        for _ in 0..100 {
            log.write_all(&line).unwrap();
            log.write_all(b"\n").unwrap();
        }
        let names = names(dir.path());
        assert_eq!(names.len(), PARTS_PER_DAY as usize, "{names:?}");
        let mut total = 0;
        for name in &names {
            let len = std::fs::metadata(dir.path().join(name)).unwrap().len();
            total += len;
        }
        assert!(total <= 100 * u64::from(PARTS_PER_DAY) + 100, "{total}");
        let last = std::fs::read_to_string(dir.path().join("dutydesk.2026-11-30.4.log")).unwrap();
        assert!(last.ends_with("dropped until tomorrow\n"), "{last}");
        // The next day writes again.
        at.store(NOON + 86_400, Ordering::Relaxed);
        log.write_all(b"tomorrow\n").unwrap();
        let next = std::fs::read_to_string(dir.path().join("dutydesk.2026-12-01.log")).unwrap();
        assert_eq!(next, "tomorrow\n");
    }

    #[test]
    fn a_restart_continues_the_days_last_part() {
        let dir = tempfile::tempdir().unwrap();
        let at = Arc::new(AtomicI64::new(NOON));
        {
            let mut log = DailyFiles::open(dir.path(), clock(&at), 16).unwrap();
            log.write_all(b"0123456789\n").unwrap();
            log.write_all(b"second\n").unwrap();
        }
        let mut log = DailyFiles::open(dir.path(), clock(&at), 16).unwrap();
        log.write_all(b"third\n").unwrap();
        let part1 = std::fs::read_to_string(dir.path().join("dutydesk.2026-11-30.1.log")).unwrap();
        assert_eq!(part1, "second\nthird\n");
    }

    #[test]
    fn other_crates_info_is_filtered_out_by_default() {
        use tracing::Level;
        use tracing_subscriber::layer::SubscriberExt;
        let dir = tempfile::tempdir().unwrap();
        let at = Arc::new(AtomicI64::new(NOON));
        let writer = DailyFiles::open(dir.path(), clock(&at), FILE_CAP).unwrap();
        let subscriber = tracing_subscriber::registry().with(filter(None)).with(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(Mutex::new(writer)),
        );
        tracing::subscriber::with_default(subscriber, || {
            tracing::event!(target: "winit::platform_impl::linux::x11::window", Level::INFO, "icon pixels 0xff00ff");
            tracing::event!(target: "winit::event_loop", Level::WARN, "a winit warning");
            tracing::event!(target: "dutydesk::telegram::hub", Level::INFO, "our own info");
            tracing::event!(target: "desk::core", Level::DEBUG, "our own debug");
        });
        let log = std::fs::read_to_string(dir.path().join("dutydesk.2026-11-30.log")).unwrap();
        assert!(!log.contains("icon pixels"), "{log}");
        assert!(log.contains("a winit warning"), "{log}");
        assert!(log.contains("our own info"), "{log}");
        assert!(!log.contains("our own debug"), "{log}");
        // DUTYDESK_LOG replaces the default.
        assert!(filter(Some("debug")).to_string().contains("debug"));
        assert_eq!(filter(Some("[[[")).to_string(), filter(None).to_string());
    }
}
