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
        self.business_secs_after(0, a, b)
    }

    /// How many openings come at or before `t`: a hint for `business_secs_after`.
    pub fn opened_by(&self, t: UnixTime) -> usize {
        self.opens.partition_point(|&open| open <= t)
    }

    /// `business_secs(a, b)` for an `a` at or after an instant whose `opened_by` is
    /// `hint`: the search starts there and walks a few openings before it bisects, which
    /// is what measuring a day's waits one after another needs.
    pub fn business_secs_after(&self, hint: usize, a: UnixTime, b: UnixTime) -> i64 {
        if b <= a {
            return 0;
        }
        let (a, b) = (a.clamp(self.from, self.to), b.clamp(self.from, self.to));
        let opened_a = self.opened_from(hint.min(self.opens.len()), a);
        let opened_b = self.opened_from(opened_a, b);
        self.until_at(b, opened_b) - self.until_at(a, opened_a)
    }

    /// `opened_by(t)`, knowing that at least `from` openings come at or before `t`.
    fn opened_from(&self, from: usize, t: UnixTime) -> usize {
        let rest = &self.opens[from..];
        match rest.iter().take(4).position(|&open| open > t) {
            Some(i) => from + i,
            None => from + rest.partition_point(|&open| open <= t),
        }
    }

    /// The span this timeline covers.
    pub fn span(&self) -> (UnixTime, UnixTime) {
        (self.from, self.to)
    }
}
