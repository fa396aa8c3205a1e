//! The trainer's summary: each trainee's first-response times and SLA share, from what the
//! world saw (every message in a customer chat, `tdsim::Post`).
//!
//! The definitions are the app's statistics' (`src/store/stats.rs`, `desk::Pending`): a
//! wait runs from a customer chat's oldest unanswered customer message (its own date, even
//! if it arrived late) to the first staff message after it, which answers every customer
//! message before it; the wait belongs to whoever sent that reply. Median and P90 are
//! nearest-rank; the SLA share is the share of answered waits shorter than the desk's
//! breach threshold (`desk::Settings::default().breach_after_secs`, 15 minutes). A reply
//! counts for a trainee when a client sent it; the scenario's simulated colleagues answer
//! too (their replies end waits) and are summed apart. Waits still open at the end are
//! nobody's and are counted for the floor.

use std::collections::HashMap;

use tdsim::Post;

/// Who answered: a person at a client, or the scenario's simulated colleague.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Responder {
    pub user: i64,
    pub from_client: bool,
}

/// The waits one responder ended, in seconds, in the order they ended.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Waits(pub Vec<i64>);

impl Waits {
    pub fn count(&self) -> usize {
        self.0.len()
    }

    /// The nearest-rank percentile (0 < p ≤ 100) of the waits.
    pub fn percentile(&self, p: u32) -> Option<i64> {
        if self.0.is_empty() {
            return None;
        }
        let mut v = self.0.clone();
        v.sort_unstable();
        let rank = (u64::from(p.clamp(1, 100)) * v.len() as u64).div_ceil(100) as usize;
        Some(v[rank.max(1) - 1])
    }

    pub fn average(&self) -> Option<f64> {
        (!self.0.is_empty()).then(|| self.0.iter().sum::<i64>() as f64 / self.0.len() as f64)
    }

    /// The share (0..=1) of waits shorter than `breach_secs`.
    pub fn sla_share(&self, breach_secs: i64) -> Option<f64> {
        (!self.0.is_empty()).then(|| {
            self.0.iter().filter(|w| **w < breach_secs).count() as f64 / self.0.len() as f64
        })
    }
}

/// The fold of the posts so far.
#[derive(Debug, Default)]
pub struct Tally {
    /// Per customer chat, the oldest unanswered customer message's date.
    open: HashMap<i64, i64>,
    by: HashMap<Responder, Waits>,
    /// Posts the world dropped before they were read (a storm outran the summary).
    pub dropped: u64,
    pub customer_messages: u64,
}

impl Tally {
    pub fn fold(&mut self, posts: &[Post]) {
        for p in posts {
            if p.from_customer {
                self.customer_messages += 1;
                let oldest = self.open.entry(p.chat_id).or_insert(p.date);
                *oldest = (*oldest).min(p.date);
            } else if let Some(user) = p.sender
                && let Some(start) = self.open.remove(&p.chat_id)
            {
                let who = Responder {
                    user,
                    from_client: p.from_client,
                };
                self.by
                    .entry(who)
                    .or_default()
                    .0
                    .push((p.date - start).max(0));
            }
        }
    }

    /// The waits each responder ended, by responder.
    pub fn responders(&self) -> Vec<(Responder, &Waits)> {
        let mut v: Vec<_> = self.by.iter().map(|(r, w)| (*r, w)).collect();
        v.sort_by_key(|(r, _)| (!r.from_client, r.user));
        v
    }

    /// Waits not answered yet, as of `now`: (how many, the longest in seconds).
    pub fn open_waits(&self, now: i64) -> (usize, Option<i64>) {
        let longest = self.open.values().map(|start| (now - start).max(0)).max();
        (self.open.len(), longest)
    }
}

/// The SLA threshold the summary measures against: the desk's default breach.
pub fn breach_secs() -> i64 {
    desk::Settings::default().breach_after_secs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(chat: i64, sender: i64, customer: bool, client: bool, date: i64) -> Post {
        Post {
            chat_id: chat,
            message_id: date,
            sender: Some(sender),
            from_customer: customer,
            from_client: client,
            date,
        }
    }

    #[test]
    fn a_wait_runs_from_the_oldest_unanswered_message_to_the_first_staff_reply() {
        let mut t = Tally::default();
        t.fold(&[
            post(1, 30, true, false, 100),
            post(1, 31, true, false, 160),
            // A late customer message dated before the first still starts the wait.
            post(1, 32, true, false, 90),
            post(1, 7, false, true, 400),
            // A second staff message answers nothing.
            post(1, 8, false, true, 500),
            post(2, 30, true, false, 1000),
            post(2, 9, false, false, 2000),
            post(3, 30, true, false, 1500),
        ]);
        let r = t.responders();
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0],
            (
                Responder {
                    user: 7,
                    from_client: true
                },
                &Waits(vec![310])
            )
        );
        assert_eq!(r[1].1, &Waits(vec![1000]));
        assert!(!r[1].0.from_client, "the scenario's colleague is apart");
        assert_eq!(t.open_waits(1600), (1, Some(100)));
        assert_eq!(t.customer_messages, 5);
    }

    #[test]
    fn figures_are_nearest_rank_and_shares_strictly_under_the_breach() {
        let w = Waits(vec![900, 10, 300, 20, 899]);
        assert_eq!(w.percentile(50), Some(300));
        assert_eq!(w.percentile(90), Some(900));
        assert_eq!(w.percentile(100), Some(900));
        assert_eq!(w.sla_share(900), Some(0.8));
        assert_eq!(Waits::default().percentile(50), None);
        assert_eq!(Waits::default().sla_share(900), None);
        assert_eq!(Waits(vec![5]).percentile(1), Some(5));
        assert_eq!(breach_secs(), 900);
    }
}
