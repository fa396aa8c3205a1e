//! A span's open intervals with running totals: business seconds between any two instants
//! of the span by two binary searches, for measuring many waits against one calendar.

use super::BusinessCalendar;
use crate::model::UnixTime;

/// The open intervals of `[from, to)` (see `BusinessCalendar::timeline`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    from: UnixTime,
    to: UnixTime,
    opens: Vec<UnixTime>,
    closes: Vec<UnixTime>,
    /// Open seconds before interval `i`.
    before: Vec<i64>,
}

impl Timeline {
    pub(super) fn build(cal: &BusinessCalendar, from: UnixTime, to: UnixTime) -> Timeline {
        let mut t = Timeline {
            from,
            to: to.max(from),
            opens: Vec::new(),
            closes: Vec::new(),
            before: Vec::new(),
        };
        if to <= from || cal.week().is_closed() {
            return t;
        }
        let mut day = Vec::new();
        let last = cal.zone().local(to).date;
        let mut date = cal.zone().local(from).date;
        let mut total = 0i64;
        loop {
            day.clear();
            cal.intervals_on(date, &mut day);
            for &(open, close) in &day {
                let (a, b) = (open.max(from), close.min(to));
                if b > a {
                    t.opens.push(a);
                    t.closes.push(b);
                    t.before.push(total);
                    total += b - a;
                }
            }
            let next = date.next();
            if date >= last || next == date {
                return t;
            }
            date = next;
        }
    }

    /// Open seconds in `[from, t)` given the number of intervals opening at or before `t`.
    fn until_at(&self, t: UnixTime, opened: usize) -> i64 {
        if opened == 0 {
            return 0;
        }
        let i = opened - 1;
        self.before[i] + t.min(self.closes[i]) - self.opens[i]
    }

    /// Open seconds in `[a, b)`; instants outside the span count as its nearest edge, so
    /// build the timeline over every instant you ask about.
    pub fn business_secs(&self, a: UnixTime, b: UnixTime) -> i64 {
        if b <= a {
            return 0;
        }
        let (a, b) = (a.clamp(self.from, self.to), b.clamp(self.from, self.to));
        let opened_a = self.opens.partition_point(|&open| open <= a);
        // A wait mostly ends within a few openings of its start: look there first.
        let near = (opened_a + 4).min(self.opens.len());
        let opened_b = if near == self.opens.len() || self.opens[near] > b {
            opened_a + self.opens[opened_a..near].partition_point(|&open| open <= b)
        } else {
            near + self.opens[near..].partition_point(|&open| open <= b)
        };
        self.until_at(b, opened_b) - self.until_at(a, opened_a)
    }

    /// The span this timeline covers.
    pub fn span(&self) -> (UnixTime, UnixTime) {
        (self.from, self.to)
    }
}
