//! The desk's notion of "now": the last server (or simulator) time plus the wall time
//! elapsed since it arrived, so waiting times follow Telegram's clock, not the PC's.

use std::time::Instant;

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    base: i64,
    at: Instant,
}

impl Clock {
    /// Starts from the system time until the server tells us its own.
    pub fn system() -> Clock {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Clock::at(secs)
    }

    /// A clock reading `unix` now; tests use it for a fixed time.
    pub fn at(unix: i64) -> Clock {
        Clock {
            base: unix,
            at: Instant::now(),
        }
    }

    pub fn set(&mut self, unix: i64) {
        *self = Clock::at(unix);
    }

    pub fn now(&self) -> i64 {
        self.base + self.at.elapsed().as_secs() as i64
    }
}
