//! The figures being gathered, one day digest at a time: message counts, active chats and
//! the heatmap from the quarter hours; response times, SLA shares and the longest waits
//! from the waits. `finish` ranks every row's waits in one pass for medians and P90s.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::calendar::{BusinessCalendar, Timeline};
use crate::hash::IdMap;
use crate::model::{ChatId, Sender, UnixTime};

use super::compute::{AdminDay, AdminRow, DayRow, Figures, HourRow, LongWait, Ranked};
use super::digest::{QUARTERS_PER_DAY, sender_parts};
use super::grid::Grid;
use super::summary::Group;
use super::{DayDigest, FigureSettings, OpenWait, Period, QUARTER_SECS, WaitStats};

/// How a wait's length is measured.
enum Measure<'a> {
    Wall,
    /// Business time: the timeline covers the period up to "now"; a wait ending later (a
    /// reply after `as_of`) is measured on the calendar itself.
    Business(Timeline, &'a BusinessCalendar),
}

impl Measure<'_> {
    /// A hint for measuring waits that start at or after `t` (see `Timeline::opened_by`).
    fn hint(&self, t: UnixTime) -> usize {
        match self {
            Measure::Wall => 0,
            Measure::Business(tl, _) => tl.opened_by(t),
        }
    }

    fn secs(&self, hint: usize, from: UnixTime, to: UnixTime) -> i64 {
        match self {
            Measure::Wall => (to - from).max(0),
            Measure::Business(tl, _) if to <= tl.span().1 => tl.business_secs_after(hint, from, to),
            Measure::Business(_, cal) => cal.business_secs(from, to),
        }
    }
}

pub(super) struct Tally<'a> {
    f: Figures,
    grid: Grid,
    settings: &'a FigureSettings,
    measure: Measure<'a>,
    /// Per chat, the last hour and day it was counted active in (both only grow).
    last_active: IdMap<ChatId, (usize, usize)>,
    team: Group,
    days: Vec<Group>,
    /// Admins by first appearance; their days at `admin * days + day`.
    admin_index: IdMap<Sender, u32>,
    admins: Vec<(Sender, Group)>,
    admin_days: Vec<Group>,
    ranked: Vec<Ranking>,
    longest: Longest,
}

impl<'a> Tally<'a> {
    /// A tally of the waits (and, with `day_messages`, of the messages too).
    pub fn new(period: Period, as_of: UnixTime, settings: &'a FigureSettings) -> Tally<'a> {
        let measure = match &settings.calendar {
            Some(cal) => Measure::Business(cal.timeline(period.from, as_of.max(period.to)), cal),
            None => Measure::Wall,
        };
        Tally::with_measure(period, as_of, settings, measure)
    }

    /// A tally of the messages alone: it never measures a wait, so it builds no business
    /// timeline.
    pub fn counting(period: Period, as_of: UnixTime, settings: &'a FigureSettings) -> Tally<'a> {
        Tally::with_measure(period, as_of, settings, Measure::Wall)
    }

    fn with_measure(
        period: Period,
        as_of: UnixTime,
        settings: &'a FigureSettings,
        measure: Measure<'a>,
    ) -> Tally<'a> {
        let grid = Grid::new(&settings.zone, period);
        let f = Figures {
            period,
            as_of,
            zone: settings.zone.name().to_string(),
            business_hours: settings.calendar.is_some(),
            hours: grid
                .hours
                .iter()
                .map(|h| HourRow {
                    start: h.start,
                    local: h.local,
                    active_chats: 0,
                    customer: 0,
                    staff: 0,
                })
                .collect(),
            days: grid
                .days
                .iter()
                .map(|d| DayRow {
                    date: d.date,
                    start: d.start,
                    active_chats: 0,
                    customer: 0,
                    staff: 0,
                    waits: WaitStats::default(),
                })
                .collect(),
            team: WaitStats::default(),
            admins: Vec::new(),
            admin_days: Vec::new(),
            heatmap: [[0; 24]; 7],
            longest: Vec::new(),
            customer_messages: 0,
            staff_messages: 0,
        };
        let n_days = f.days.len();
        Tally {
            f,
            grid,
            settings,
            measure,
            last_active: IdMap::default(),
            team: Group::default(),
            days: vec![Group::default(); n_days],
            admin_index: IdMap::default(),
            admins: Vec::new(),
            admin_days: Vec::new(),
            ranked: Vec::new(),
            longest: Longest::new(settings.longest),
        }
    }

    /// Messages, active chats and the heatmap, from a UTC day's quarter hours (days in
    /// order). `finish` takes them from the tally that counted them.
    pub fn day_messages(&mut self, d: &DayDigest) {
        let base = d.day * 86_400;
        let mut place = [None; QUARTERS_PER_DAY];
        for (q, slot) in place.iter_mut().enumerate() {
            let t = base + q as i64 * QUARTER_SECS;
            if let (Some(h), Some(day)) = (self.grid.hour_of(t), self.grid.day_of(t)) {
                *slot = Some((h, day));
            }
        }
        let f = &mut self.f;
        for c in &d.quarters {
            let Some((h, day)) = place[c.quarter as usize % QUARTERS_PER_DAY] else {
                continue;
            };
            let row = &mut f.hours[h];
            row.customer += c.customer;
            row.staff += c.staff;
            let local = row.local;
            f.days[day].customer += c.customer;
            f.days[day].staff += c.staff;
            f.heatmap[local.date.weekday()][local.hour() as usize] += c.customer;
            f.customer_messages += u64::from(c.customer);
            f.staff_messages += u64::from(c.staff);
        }
        for &(chat, mask) in &d.chats {
            let (last_hour, last_day) = self
                .last_active
                .entry(chat)
                .or_insert((usize::MAX, usize::MAX));
            // A chat is active in a few quarter hours a day: visit only those.
            let mut bits = mask;
            while bits != 0 {
                let q = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let Some(&Some((h, day))) = place.get(q) else {
                    continue;
                };
                if *last_hour != h {
                    f.hours[h].active_chats += 1;
                    *last_hour = h;
                }
                if *last_day != day {
                    f.days[day].active_chats += 1;
                    *last_day = day;
                }
            }
        }
    }

    /// A UTC day's answered waits that started in the period (days in order).
    pub fn day_waits(&mut self, d: &DayDigest) {
        let period = self.f.period;
        let n_days = self.days.len();
        // They all start this UTC day: one hint for their business time.
        let hint = self.measure.hint(d.day * 86_400);
        if self.ranked.capacity() == 0 {
            // Sized from the first day for the whole period: a year's 1.4 million waits
            // grown by doubling cost copies and page faults of twice their size.
            // Capped: a first day unlike the rest must not reserve gigabytes.
            let guess = d.waits.len().saturating_mul(n_days + n_days / 8);
            self.ranked.reserve(guess.min(1 << 23));
        }
        for w in d.waits.iter().filter(|w| period.contains(w.start)) {
            let len = self.measure.secs(hint, w.start, w.end);
            let th = self.settings.sla.for_chat(w.chat);
            let day = self
                .grid
                .day_of(w.start)
                .expect("a start in the period has a day");
            let a = self.admin(w.responder, n_days);
            self.team.answered(len, th);
            self.days[day].answered(len, th);
            self.admins[a as usize].1.answered(len, th);
            self.admin_days[a as usize * n_days + day].answered(len, th);
            self.ranked.push(Ranking {
                // Capped at 136 years: a longer "wait" is a clock gone wrong.
                wait: u32::try_from(len.max(0)).unwrap_or(u32::MAX),
                admin_day: a * n_days as u32 + day as u32,
            });
            self.longest.offer(LongWait {
                chat: w.chat,
                message: w.message,
                start: w.start,
                wait_secs: len,
                open: false,
                responder: Some(w.responder),
            });
        }
    }

    /// The admin's index, added on first sight. A team has a few dozen admins: a scan
    /// beats hashing an enum, with the map for larger ones.
    fn admin(&mut self, responder: Sender, n_days: usize) -> u32 {
        if self.admins.len() <= 32 {
            if let Some(i) = self.admins.iter().position(|a| a.0 == responder) {
                return i as u32;
            }
        } else if let Some(&i) = self.admin_index.get(&responder) {
            return i;
        }
        self.admins.push((responder, Group::default()));
        self.admin_days
            .resize(self.admins.len() * n_days, Group::default());
        let i = (self.admins.len() - 1) as u32;
        if self.admins.len() == 33 {
            for (j, a) in self.admins.iter().enumerate() {
                self.admin_index.insert(a.0, j as u32);
            }
        } else if self.admins.len() > 33 {
            self.admin_index.insert(responder, i);
        }
        i
    }

    /// The open waits that started in the period, waiting so far at `as_of`.
    pub fn open(&mut self, open: &[OpenWait]) {
        let (period, as_of) = (self.f.period, self.f.as_of);
        for o in open.iter().filter(|o| period.contains(o.start)) {
            let so_far = self.measure.secs(0, o.start, as_of);
            let th = self.settings.sla.for_chat(o.chat);
            let day = self
                .grid
                .day_of(o.start)
                .expect("a start in the period has a day");
            self.team.open(so_far, th);
            self.days[day].open(so_far, th);
            self.longest.offer(LongWait {
                chat: o.chat,
                message: Some(o.message),
                start: o.start,
                wait_secs: so_far,
                open: true,
                responder: None,
            });
        }
    }

    /// The figures: this tally's waits with `counts`' messages and active chats (the two
    /// may be one tally's work, or two tallies' of the same period).
    pub fn finish(mut self, counts: Tally) -> Figures {
        let c = counts.f;
        for (row, counted) in self.f.hours.iter_mut().zip(c.hours) {
            (row.customer, row.staff) = (counted.customer, counted.staff);
            row.active_chats = counted.active_chats;
        }
        for (row, counted) in self.f.days.iter_mut().zip(c.days) {
            (row.customer, row.staff) = (counted.customer, counted.staff);
            row.active_chats = counted.active_chats;
        }
        self.f.heatmap = c.heatmap;
        self.f.customer_messages = c.customer_messages;
        self.f.staff_messages = c.staff_messages;
        let n_days = self.days.len();
        // Every row sees its waits in increasing order: medians and P90s in one pass.
        sort_by_wait(&mut self.ranked);
        for r in &self.ranked {
            let (wait, i) = (i64::from(r.wait), r.admin_day as usize);
            self.team.ranked(wait);
            self.days[i % n_days].ranked(wait);
            self.admins[i / n_days].1.ranked(wait);
            self.admin_days[i].ranked(wait);
        }
        let mut f = self.f;
        f.team = self.team.finish();
        for (row, g) in f.days.iter_mut().zip(&self.days) {
            row.waits = g.finish();
        }
        let admins = &self.admins;
        let mut per_day: Vec<(usize, AdminDay)> = self
            .admin_days
            .iter()
            .enumerate()
            .filter(|(_, g)| g.has_answered())
            .map(|(i, g)| {
                let day = i % n_days;
                let responder = admins[i / n_days].0;
                let date = f.days[day].date;
                let waits = g.finish();
                (
                    day,
                    AdminDay {
                        responder,
                        date,
                        waits,
                    },
                )
            })
            .collect();
        per_day
            .sort_by_key(|(day, a)| (*day, Reverse(a.waits.answered), sender_parts(a.responder)));
        f.admin_days = per_day.into_iter().map(|(_, a)| a).collect();
        f.admins = admins
            .iter()
            .map(|(responder, g)| AdminRow {
                responder: *responder,
                waits: g.finish(),
            })
            .collect();
        f.admins
            .sort_by_key(|a| (Reverse(a.waits.answered), sender_parts(a.responder)));
        f.longest = self.longest.into_sorted();
        f
    }
}

/// An answered wait and the rows it counts in, for the ranking pass: 8 bytes, as a year
/// holds over a million of them (sorted twice over).
#[derive(Debug, Clone, Copy)]
struct Ranking {
    wait: u32,
    /// Its admin-day's index (`admin * days + day`), which names the admin and the day.
    admin_day: u32,
}

/// LSD radix sort by wait (waits are never negative), a byte at a time over the bytes the
/// longest wait needs: a few linear passes instead of a comparison sort of a year's waits.
fn sort_by_wait(v: &mut Vec<Ranking>) {
    let max = v.iter().map(|r| r.wait).max().unwrap_or(0);
    let bytes = (32 - max.leading_zeros()).div_ceil(8);
    let mut from = std::mem::take(v);
    let mut to = Vec::with_capacity(from.len());
    for b in 0..bytes {
        let shift = b * 8;
        let digit = |r: &Ranking| ((r.wait >> shift) & 0xff) as usize;
        let mut counts = [0usize; 257];
        for r in &from {
            counts[digit(r) + 1] += 1;
        }
        for i in 1..257 {
            counts[i] += counts[i - 1];
        }
        to.clear();
        to.resize(
            from.len(),
            Ranking {
                wait: 0,
                admin_day: 0,
            },
        );
        for r in &from {
            let d = digit(r);
            to[counts[d]] = *r;
            counts[d] += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    *v = from;
}

/// The N longest waits seen, kept in a min-heap of N.
struct Longest {
    n: usize,
    heap: BinaryHeap<Reverse<Ranked>>,
}

impl Longest {
    fn new(n: usize) -> Longest {
        Longest {
            n,
            heap: BinaryHeap::with_capacity(n + 1),
        }
    }

    fn offer(&mut self, w: LongWait) {
        if self.heap.len() == self.n {
            // Most waits are shorter than the shortest kept: one comparison, no push.
            match self.heap.peek() {
                Some(Reverse(least)) if w.rank() > least.0.rank() => {}
                _ => return,
            }
        }
        self.heap.push(Reverse(Ranked(w)));
        if self.heap.len() > self.n {
            self.heap.pop();
        }
    }

    fn into_sorted(self) -> Vec<LongWait> {
        let mut top: Vec<LongWait> = self.heap.into_iter().map(|Reverse(Ranked(w))| w).collect();
        top.sort_by_key(|w| Reverse(w.rank()));
        top
    }
}
