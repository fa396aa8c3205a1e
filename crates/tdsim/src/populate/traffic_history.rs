//! Days of past traffic for a customer chat (`[history] traffic_days`): what the scenario's
//! `[traffic]` would have produced had the floor been running, so a client that reads the
//! history (DutyDesk's statistics backfill) finds a week of load and answers to count.
//!
//! Customers write at the traffic's rate shared across the customer chats (higher in its
//! working hours, `off_hours_factor` outside them). Every question is answered: by a
//! colleague in the chat with `staff_reply_chance`, else by the account; after one of
//! `staff_reply_delay`, counted from the next working hour when asked outside them (a night
//! message waits for the morning). Only what falls before `end` is kept.

use crate::model::{Sender, UserId};
use crate::rng::Rng;
use crate::scenario::Traffic;
use crate::world::ME;

pub(super) struct Talk<'a> {
    /// The chat's staff members (the account among them) and its customers.
    pub staff: &'a [UserId],
    pub customers: &'a [UserId],
    pub traffic: &'a Traffic,
    /// Customer chats sharing the traffic.
    pub chats: usize,
}

impl Talk<'_> {
    /// The messages from `start` to before `end`, in no particular order.
    pub fn between(&self, start: i64, end: i64, rng: &mut Rng) -> Vec<(i64, Sender, String)> {
        let t = self.traffic;
        let peak = t.messages_per_hour / self.chats.max(1) as f64;
        let mut out = Vec::new();
        if peak <= 0.0 || self.customers.is_empty() || end <= start {
            return out;
        }
        let colleagues: Vec<UserId> = self.staff.iter().copied().filter(|&u| u != ME).collect();
        let mut at = start;
        loop {
            // At the peak rate, each arrival kept with the hour's share of it (thinning):
            // a gap drawn at the night's rate would run far into the morning.
            at += (rng.exp(3600.0 / peak).round() as i64).max(1);
            if at >= end {
                return out;
            }
            if !self.working(at) && !rng.chance(t.off_hours_factor) {
                continue;
            }
            let customer = *rng.pick(self.customers).unwrap_or(&ME);
            let ask = rng.pick(&t.phrases).cloned().unwrap_or_default();
            out.push((at, Sender::User(customer), ask));
            let who = match rng.pick(&colleagues) {
                Some(&c) if rng.chance(t.staff_reply_chance) => c,
                _ => ME,
            };
            let from = if self.working(at) {
                at
            } else {
                self.next_opening(at)
            };
            let reply_at = from + rng.range(t.staff_reply_delay[0], t.staff_reply_delay[1]);
            if reply_at < end {
                let text = rng.pick(&t.replies).cloned().unwrap_or_default();
                out.push((reply_at, Sender::User(who), text));
            }
        }
    }

    /// Within the traffic's working hours (UTC, `[start, end)`, possibly over midnight).
    fn working(&self, at: i64) -> bool {
        let hour = (at.rem_euclid(86_400) / 3600) as u32;
        let [start, end] = self.traffic.working_hours;
        if start <= end {
            (start..end).contains(&hour)
        } else {
            hour >= start || hour < end
        }
    }

    /// The next instant working hours begin (`at` itself within them).
    fn next_opening(&self, at: i64) -> i64 {
        let hour_start = at - at.rem_euclid(3600);
        (0..=24)
            .map(|h| hour_start + h * 3600)
            .find(|&t| self.working(t))
            .map_or(at, |t| t.max(at))
    }
}
