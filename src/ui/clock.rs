//! The desk's notion of "now": the last server (or simulator) time plus the wall time
//! elapsed since it arrived, so waiting times follow Telegram's clock, not the PC's.

use std::time::Instant;

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    base: i64,
    at: Instant,
    /// Tests and snapshots: time moves only when told.
    frozen: bool,
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

    /// A running clock reading `unix` now.
    pub fn at(unix: i64) -> Clock {
        Clock {
            base: unix,
            at: Instant::now(),
            frozen: false,
        }
    }

    /// A clock that stands still at `unix` until `set` moves it.
    pub fn frozen(unix: i64) -> Clock {
        Clock {
            frozen: true,
            ..Clock::at(unix)
        }
    }

    pub fn set(&mut self, unix: i64) {
        *self = Clock {
            frozen: self.frozen,
            ..Clock::at(unix)
        };
    }

    /// The moment `now()` first reads `unix` (already past if it does now), for timers;
    /// `None` on a frozen clock, whose time moves only when told.
    pub fn instant_at(&self, unix: i64) -> Option<Instant> {
        if self.frozen {
            return None;
        }
        let ahead = unix.saturating_sub(self.base).max(0) as u64;
        Some(self.at + std::time::Duration::from_secs(ahead))
    }

    pub fn now(&self) -> i64 {
        if self.frozen {
            self.base
        } else {
            self.base + self.at.elapsed().as_secs() as i64
        }
    }
}
