//! The trainer's summary: each trainee's first-response times and SLA share, computed by the
//! app's own statistics (`desk::figures`) from what the world saw (every message in a
//! customer chat, `tdsim::Post`).
//!
//! The tally keeps what the figures need and no more: each customer chat's open wait (its
//! oldest unanswered customer message) and every first reply (`ReplyRecord`: the staff
//! message that ended a wait, how long the wait was, who sent it). A reply counts for a
//! trainee when a client sent it; the scenario's simulated colleagues answer too (their
//! replies end waits) and are figured apart. Definitions are `desk::figures`' (nearest-rank
//! median and P90; SLA shares of decided waits; open waits nobody's), with the desk's
//! default thresholds (red at 10 minutes, breach at 15), in UTC.

use std::collections::HashMap;

use desk::figures::{
    FigureSettings, Figures, Inputs, OpenWait, Period, QUARTER_SECS, ReplyRecord, Sla,
};
use desk::{Sender, Zone};
use tdsim::Post;

/// The fold of the posts so far.
#[derive(Debug, Default)]
pub struct Tally {
    /// Per customer chat, the oldest unanswered customer message: (date, message id).
    open: HashMap<i64, (i64, i64)>,
    /// First replies by a client (a trainee) and by the scenario's traffic.
    trainees: Vec<ReplyRecord>,
    scripted: Vec<ReplyRecord>,
    /// Posts the world dropped before they were read (a storm outran the summary).
    pub dropped: u64,
    pub customer_messages: u64,
}

/// The summary's figures: trainees' and the simulated colleagues'.
#[derive(Debug)]
pub struct Summary {
    pub trainees: Figures,
    pub scripted: Figures,
}

impl Tally {
    pub fn fold(&mut self, posts: &[Post]) {
        for p in posts {
            if p.from_customer {
                self.customer_messages += 1;
                let oldest = self.open.entry(p.chat_id).or_insert((p.date, p.message_id));
                if (p.date, p.message_id) < *oldest {
                    *oldest = (p.date, p.message_id);
                }
            } else if let Some(user) = p.sender
                && let Some((start, _)) = self.open.remove(&p.chat_id)
            {
                let reply = ReplyRecord {
                    chat: p.chat_id,
                    message: p.message_id,
                    date: p.date,
                    waited_secs: (p.date - start).max(0),
                    responder: Sender::User(user),
                };
                if p.from_client {
                    self.trainees.push(reply);
                } else {
                    self.scripted.push(reply);
                }
            }
        }
    }

    /// The figures as of `now` (virtual time), over every wait the floor saw.
    pub fn figures(&self, now: i64) -> Summary {
        let open: Vec<OpenWait> = {
            let mut v: Vec<OpenWait> = self
                .open
                .iter()
                .map(|(&chat, &(start, message))| OpenWait {
                    start,
                    chat,
                    message,
                })
                .collect();
            v.sort_unstable();
            v
        };
        // Every wait started in the period: from the first one to now.
        let first = self
            .trainees
            .iter()
            .chain(&self.scripted)
            .map(|r| r.date - r.waited_secs)
            .chain(open.iter().map(|o| o.start))
            .min()
            .unwrap_or(now);
        let period = Period::new(first, now + QUARTER_SECS);
        let defaults = desk::Settings::default();
        let settings = FigureSettings::new(
            Zone::utc(),
            Sla::team(defaults.red_after_secs, defaults.breach_after_secs),
        );
        let compute = |replies: &[ReplyRecord]| {
            let mut inputs = Inputs::from_rows(period, now, &[], replies, &[]);
            inputs.open = open.clone();
            Figures::compute(&inputs, &settings)
        };
        Summary {
            trainees: compute(&self.trainees),
            scripted: compute(&self.scripted),
        }
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

    const T: i64 = 1_772_442_000;

    #[test]
    fn a_wait_runs_from_the_oldest_unanswered_message_to_the_first_staff_reply() {
        let mut t = Tally::default();
        t.fold(&[
            post(1, 30, true, false, T + 100),
            post(1, 31, true, false, T + 160),
            // A late customer message dated before the first still starts the wait.
            post(1, 32, true, false, T + 90),
            post(1, 7, false, true, T + 400),
            // A second staff message answers nothing.
            post(1, 8, false, true, T + 500),
            post(2, 30, true, false, T + 1000),
            post(2, 9, false, false, T + 2000),
            post(3, 30, true, false, T + 1500),
        ]);
        let s = t.figures(T + 1600);
        assert_eq!(s.trainees.admins.len(), 1);
        let sam = &s.trainees.admins[0];
        assert_eq!(sam.responder, Sender::User(7));
        assert_eq!(sam.waits.answered, 1);
        assert_eq!(sam.waits.median_secs, Some(310));
        assert_eq!(s.scripted.admins.len(), 1);
        assert_eq!(s.scripted.admins[0].waits.median_secs, Some(1000));
        assert_eq!(s.trainees.team.open, 1, "chat 3 waits still");
        assert_eq!(t.customer_messages, 5);
    }

    #[test]
    fn figures_are_the_statistics_nearest_rank_and_shares_under_the_breach() {
        let mut t = Tally::default();
        for (chat, wait) in [(1, 900), (2, 10), (3, 300), (4, 20), (5, 899)] {
            t.fold(&[
                post(chat, 30, true, false, T),
                post(chat, 7, false, true, T + wait),
            ]);
        }
        let s = t.figures(T + 2000);
        let w = &s.trainees.admins[0].waits;
        assert_eq!(w.answered, 5);
        assert_eq!(w.median_secs, Some(300));
        assert_eq!(w.p90_secs, Some(900));
        assert_eq!(w.max_secs, Some(900));
        // A wait of exactly the breach threshold is a breach, as on the list.
        assert_eq!(w.sla.breach_share(), Some(0.8));
        assert_eq!(breach_secs(), 900);
        assert!(Tally::default().figures(T).trainees.admins.is_empty());
    }
}
