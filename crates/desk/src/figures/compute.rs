//! `Figures::compute`: the period's digests and open waits in, every table of the
//! Statistics screen out (definitions in the module docs of `figures`).

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use crate::hash::IdMap;

use crate::calendar::{CivilDate, LocalTime, Timeline};
use crate::model::{ChatId, MessageId, Sender, UnixTime};

use super::digest::{QUARTERS_PER_DAY, sender_parts};
use super::grid::Grid;
use super::summary::Group;
use super::{FigureSettings, Inputs, Period, QUARTER_SECS, WaitStats};

/// One local hour of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HourRow {
    /// Its first instant in the period.
    pub start: UnixTime,
    pub local: LocalTime,
    pub active_chats: u32,
    pub customer: u32,
    pub staff: u32,
}

/// One local day of the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayRow {
    pub date: CivilDate,
    pub start: UnixTime,
    pub active_chats: u32,
    pub customer: u32,
    pub staff: u32,
    /// Waits that started this day.
    pub waits: WaitStats,
}

/// One admin's answered waits over the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdminRow {
    pub responder: Sender,
    pub waits: WaitStats,
}

/// One admin's answered waits that started on one day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdminDay {
    pub responder: Sender,
    pub date: CivilDate,
    pub waits: WaitStats,
}

/// One of the period's longest waits, for drill-down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LongWait {
    pub chat: ChatId,
    /// The customer message it started at (open it there), when known.
    pub message: Option<MessageId>,
    pub start: UnixTime,
    pub wait_secs: i64,
    /// No reply yet: `wait_secs` is so far.
    pub open: bool,
    pub responder: Option<Sender>,
}

impl LongWait {
    /// Longer first, then earlier, then by chat and message.
    fn rank(
        &self,
    ) -> (
        i64,
        Reverse<UnixTime>,
        Reverse<ChatId>,
        Reverse<Option<MessageId>>,
    ) {
        (
            self.wait_secs,
            Reverse(self.start),
            Reverse(self.chat),
            Reverse(self.message),
        )
    }
}

/// Ordered by rank, for the top-N heap.
struct Ranked(LongWait);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.0.rank() == other.0.rank()
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.rank().cmp(&other.0.rank())
    }
}

/// Everything the Statistics screen and `dutydesk stats` show for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub period: Period,
    pub as_of: UnixTime,
    /// The zone days and hours are in.
    pub zone: String,
    /// Waits were measured in business hours.
    pub business_hours: bool,
    pub hours: Vec<HourRow>,
    pub days: Vec<DayRow>,
    /// Every wait of the period.
    pub team: WaitStats,
    /// By answered waits, most first.
    pub admins: Vec<AdminRow>,
    /// By day, then as `admins`.
    pub admin_days: Vec<AdminDay>,
    /// Customer messages by local weekday (0 = Monday) and hour.
    pub heatmap: [[u32; 24]; 7],
    pub longest: Vec<LongWait>,
    pub customer_messages: u64,
    pub staff_messages: u64,
}

/// How a wait's length is measured.
enum Measure {
    Wall,
    Business(Timeline),
}

impl Measure {
    fn secs(&self, from: UnixTime, to: UnixTime) -> i64 {
        match self {
            Measure::Wall => (to - from).max(0),
            Measure::Business(t) => t.business_secs(from, to),
        }
    }
}

impl Figures {
    /// No message and no wait in the period.
    pub fn is_empty(&self) -> bool {
        self.customer_messages + self.staff_messages == 0
            && self.team.answered == 0
            && self.team.open == 0
    }

    pub fn compute(inputs: &Inputs, settings: &FigureSettings) -> Figures {
        let period = inputs.period;
        let grid = Grid::new(&settings.zone, period);
        let mut f = Figures {
            period,
            as_of: inputs.as_of,
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
        f.count_messages(inputs, &grid);
        f.count_waits(inputs, settings, &grid);
        f
    }

    /// Messages, active chats and the heatmap, from the digests' quarter hours.
    fn count_messages(&mut self, inputs: &Inputs, grid: &Grid) {
        // Per chat, the last hour and day it was counted active in (both only grow).
        let mut last: IdMap<ChatId, (usize, usize)> = IdMap::default();
        let mut hour_masks: Vec<(usize, u128)> = Vec::new();
        let mut day_masks: Vec<(usize, u128)> = Vec::new();
        for d in &inputs.days {
            let base = d.day * 86_400;
            let mut place = [None; QUARTERS_PER_DAY];
            hour_masks.clear();
            day_masks.clear();
            for (q, slot) in place.iter_mut().enumerate() {
                let t = base + q as i64 * QUARTER_SECS;
                let (Some(h), Some(day)) = (grid.hour_of(t), grid.day_of(t)) else {
                    continue;
                };
                *slot = Some((h, day));
                add_bit(&mut hour_masks, h, q);
                add_bit(&mut day_masks, day, q);
            }
            for c in &d.quarters {
                let Some((h, day)) = place[c.quarter as usize % QUARTERS_PER_DAY] else {
                    continue;
                };
                let row = &mut self.hours[h];
                row.customer += c.customer;
                row.staff += c.staff;
                let local = row.local;
                self.days[day].customer += c.customer;
                self.days[day].staff += c.staff;
                self.heatmap[local.date.weekday()][local.hour() as usize] += c.customer;
                self.customer_messages += u64::from(c.customer);
                self.staff_messages += u64::from(c.staff);
            }
            for &(chat, mask) in &d.chats {
                let (last_hour, last_day) = last.entry(chat).or_insert((usize::MAX, usize::MAX));
                for &(h, m) in &hour_masks {
                    if mask & m != 0 && *last_hour != h {
                        self.hours[h].active_chats += 1;
                        *last_hour = h;
                    }
                }
                for &(day, m) in &day_masks {
                    if mask & m != 0 && *last_day != day {
                        self.days[day].active_chats += 1;
                        *last_day = day;
                    }
                }
            }
        }
    }

    /// Response times, SLA shares and the longest waits.
    fn count_waits(&mut self, inputs: &Inputs, settings: &FigureSettings, grid: &Grid) {
        let period = self.period;
        let answered_in = || {
            inputs
                .days
                .iter()
                .flat_map(|d| &d.waits)
                .filter(|w| period.contains(w.start))
        };
        let last = answered_in()
            .map(|w| w.end)
            .fold(inputs.as_of.max(period.to), i64::max);
        let measure = match &settings.calendar {
            Some(cal) => Measure::Business(cal.timeline(period.from, last)),
            None => Measure::Wall,
        };
        let n_days = self.days.len();
        let mut team = Group::default();
        let mut days = vec![Group::default(); n_days];
        // Admins by first appearance; their days at `admin * n_days + day`.
        let mut admin_index: IdMap<Sender, u32> = IdMap::default();
        let mut admins: Vec<(Sender, Group)> = Vec::new();
        let mut admin_days: Vec<Group> = Vec::new();
        let mut ranked: Vec<Ranking> = Vec::new();
        let mut longest = Longest::new(settings.longest);
        for w in answered_in() {
            let len = measure.secs(w.start, w.end);
            let th = settings.sla.for_chat(w.chat);
            let day = grid
                .day_of(w.start)
                .expect("a start in the period has a day");
            let a = *admin_index.entry(w.responder).or_insert_with(|| {
                admins.push((w.responder, Group::default()));
                admin_days.resize(admins.len() * n_days, Group::default());
                (admins.len() - 1) as u32
            });
            team.answered(len, th);
            days[day].answered(len, th);
            admins[a as usize].1.answered(len, th);
            admin_days[a as usize * n_days + day].answered(len, th);
            ranked.push(Ranking {
                wait: len,
                day: day as u32,
                admin: a,
            });
            longest.offer(LongWait {
                chat: w.chat,
                message: w.message,
                start: w.start,
                wait_secs: len,
                open: false,
                responder: Some(w.responder),
            });
        }
        for o in inputs.open.iter().filter(|o| period.contains(o.start)) {
            let so_far = measure.secs(o.start, inputs.as_of);
            let th = settings.sla.for_chat(o.chat);
            let day = grid
                .day_of(o.start)
                .expect("a start in the period has a day");
            team.open(so_far, th);
            days[day].open(so_far, th);
            longest.offer(LongWait {
                chat: o.chat,
                message: Some(o.message),
                start: o.start,
                wait_secs: so_far,
                open: true,
                responder: None,
            });
        }
        // Every group sees its waits in increasing order: medians and P90s in one pass.
        sort_by_wait(&mut ranked);
        for r in &ranked {
            let (day, a) = (r.day as usize, r.admin as usize);
            team.ranked(r.wait);
            days[day].ranked(r.wait);
            admins[a].1.ranked(r.wait);
            admin_days[a * n_days + day].ranked(r.wait);
        }
        self.team = team.finish();
        for (row, g) in self.days.iter_mut().zip(&days) {
            row.waits = g.finish();
        }
        let mut per_day: Vec<(usize, AdminDay)> = admin_days
            .iter()
            .enumerate()
            .filter(|(_, g)| g.has_answered())
            .map(|(i, g)| {
                let day = i % n_days;
                let responder = admins[i / n_days].0;
                let date = self.days[day].date;
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
        self.admin_days = per_day.into_iter().map(|(_, a)| a).collect();
        self.admins = admins
            .iter()
            .map(|(responder, g)| AdminRow {
                responder: *responder,
                waits: g.finish(),
            })
            .collect();
        self.admins
            .sort_by_key(|a| (Reverse(a.waits.answered), sender_parts(a.responder)));
        self.longest = longest.into_sorted();
    }
}

/// An answered wait and the rows it counts in, for the ranking pass.
#[derive(Debug, Clone, Copy)]
struct Ranking {
    wait: i64,
    day: u32,
    admin: u32,
}

/// LSD radix sort by wait (waits are never negative), a byte at a time over the bytes the
/// longest wait needs: a few linear passes instead of a comparison sort of a year's waits.
fn sort_by_wait(v: &mut Vec<Ranking>) {
    let max = v.iter().map(|r| r.wait.max(0) as u64).max().unwrap_or(0);
    let bytes = (64 - max.leading_zeros()).div_ceil(8);
    let mut from = std::mem::take(v);
    let mut to = Vec::with_capacity(from.len());
    for b in 0..bytes {
        let shift = b * 8;
        let digit = |r: &Ranking| ((r.wait.max(0) as u64 >> shift) & 0xff) as usize;
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
                day: 0,
                admin: 0,
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
        top.sort_by(|a, b| b.rank().cmp(&a.rank()));
        top
    }
}

/// Sets bit `q` in the mask of `index` (indices arrive in order).
fn add_bit(masks: &mut Vec<(usize, u128)>, index: usize, q: usize) {
    match masks.last_mut() {
        Some((i, m)) if *i == index => *m |= 1 << q,
        _ => masks.push((index, 1 << q)),
    }
}
