//! The charts' data, built once per answer (and per admin picked, per live minute): the
//! series as numbers, the x ticks and the keys under which each chart caches its drawing.
//! The view borrows them into `widgets::chart` each frame.

use crate::desk::calendar::{LocalTime, Zone};
use crate::desk::figures::{Figures, MinuteRow, WaitStats};
use crate::desk::{Sender, UnixTime};
use i18n::t;

/// Keys of the charts: the answer's number in the high bits, the chart in the low.
const ACTIVE: u64 = 1;
const HOURLY: u64 = 2;
const RESPONSE: u64 = 3;
const HEATMAP: u64 = 4;
const LIVE: u64 = 5;

pub struct ChartData {
    asked: u64,
    pub hour_starts: Vec<UnixTime>,
    pub active: Vec<f64>,
    pub customer: Vec<f64>,
    pub staff: Vec<f64>,
    /// Ticks under the hourly charts: where, and whether they name a time or a day.
    hour_ticks: Vec<(usize, LocalTime, bool)>,
    pub day_starts: Vec<UnixTime>,
    day_ticks: Vec<(usize, LocalTime, bool)>,
    /// First response per day, in minutes: average, median, P90 (NaN: no answered wait).
    pub response: [Vec<f64>; 3],
    response_key: u64,
    pub live_starts: Vec<UnixTime>,
    pub live_customer: Vec<f64>,
    pub live_staff: Vec<f64>,
    live_ticks: Vec<(usize, LocalTime, bool)>,
    live_key: u64,
    pub zone: Zone,
}

impl ChartData {
    pub fn new(f: &Figures, zone: &Zone, admin: Option<Sender>, asked: u64) -> ChartData {
        let hour_starts: Vec<UnixTime> = f.hours.iter().map(|h| h.start).collect();
        let mut data = ChartData {
            asked,
            active: f.hours.iter().map(|h| f64::from(h.active_chats)).collect(),
            customer: f.hours.iter().map(|h| f64::from(h.customer)).collect(),
            staff: f.hours.iter().map(|h| f64::from(h.staff)).collect(),
            hour_ticks: hour_ticks(&f.hours.iter().map(|h| h.local).collect::<Vec<_>>()),
            hour_starts,
            day_starts: f.days.iter().map(|d| d.start).collect(),
            day_ticks: day_ticks(zone, &f.days.iter().map(|d| d.start).collect::<Vec<_>>()),
            response: Default::default(),
            response_key: 0,
            live_starts: Vec::new(),
            live_customer: Vec::new(),
            live_staff: Vec::new(),
            live_ticks: Vec::new(),
            live_key: 0,
            zone: zone.clone(),
        };
        data.set_response(f, admin);
        data
    }

    /// The response chart for the team (`None`) or one admin.
    pub fn set_response(&mut self, f: &Figures, admin: Option<Sender>) {
        let waits: Vec<Option<WaitStats>> = match admin {
            None => f.days.iter().map(|d| Some(d.waits)).collect(),
            Some(who) => f
                .days
                .iter()
                .map(|d| {
                    f.admin_days
                        .iter()
                        .find(|a| a.responder == who && a.date == d.date)
                        .map(|a| a.waits)
                })
                .collect(),
        };
        let minutes = |v: Option<f64>| v.map_or(f64::NAN, |s| s / 60.0);
        let series = |pick: &dyn Fn(&WaitStats) -> Option<f64>| -> Vec<f64> {
            waits
                .iter()
                .map(|w| minutes(w.as_ref().and_then(pick)))
                .collect()
        };
        self.response = [
            series(&|w| w.avg_secs),
            series(&|w| w.median_secs.map(|s| s as f64)),
            series(&|w| w.p90_secs.map(|s| s as f64)),
        ];
        self.response_key += 1;
    }

    /// The last hour, minute by minute.
    pub fn set_live(&mut self, rows: &[MinuteRow], generation: u64) {
        self.live_starts = rows.iter().map(|r| r.start).collect();
        self.live_customer = rows.iter().map(|r| f64::from(r.customer)).collect();
        self.live_staff = rows.iter().map(|r| f64::from(r.staff)).collect();
        self.live_ticks = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| (r.start / 60).rem_euclid(10) == 0)
            .map(|(i, r)| (i, self.zone.local(r.start), true))
            .collect();
        self.live_key = generation;
    }

    /// A chart's cache key: the answer, the chart, its data's generation and the language
    /// (its labels are words).
    fn key(&self, chart: u64, generation: u64) -> u64 {
        let language = i18n::language() as u64;
        (self.asked << 40) ^ (generation << 8) ^ (language << 4) ^ chart
    }

    pub fn hour_ticks(&self) -> Vec<(usize, String)> {
        named(&self.hour_ticks)
    }

    pub fn day_ticks(&self) -> Vec<(usize, String)> {
        named(&self.day_ticks)
    }

    pub fn live_ticks(&self) -> Vec<(usize, String)> {
        named(&self.live_ticks)
    }

    pub fn active_key(&self) -> u64 {
        self.key(ACTIVE, 0)
    }

    pub fn hourly_key(&self) -> u64 {
        self.key(HOURLY, 0)
    }

    pub fn response_key(&self) -> u64 {
        self.key(RESPONSE, self.response_key)
    }

    pub fn heatmap_key(&self) -> u64 {
        self.key(HEATMAP, 0)
    }

    pub fn live_key(&self) -> u64 {
        self.key(LIVE, self.live_key)
    }

    /// "Mon, Mar 2 14:00": an hour's readout heading.
    pub fn hour_label(&self, i: usize) -> String {
        self.hour_starts
            .get(i)
            .map(|&t| {
                let l = self.zone.local(t);
                format!("{} {}", day_label(l, true), clock(l))
            })
            .unwrap_or_default()
    }

    pub fn day_label(&self, i: usize) -> String {
        self.day_starts
            .get(i)
            .map(|&t| day_label(self.zone.local(t), true))
            .unwrap_or_default()
    }

    pub fn minute_label(&self, i: usize) -> String {
        self.live_starts
            .get(i)
            .map(|&t| clock(self.zone.local(t)))
            .unwrap_or_default()
    }
}

/// Ticks in the admin's language: a time of day, or a date.
fn named(ticks: &[(usize, LocalTime, bool)]) -> Vec<(usize, String)> {
    ticks
        .iter()
        .map(|&(i, l, time)| (i, if time { clock(l) } else { day_label(l, false) }))
        .collect()
}

/// "14:05".
fn clock(l: LocalTime) -> String {
    format!(
        "{:02}:{:02}",
        l.secs_of_day / 3600,
        l.secs_of_day % 3600 / 60
    )
}

/// "Mar 2" (and "Mon, Mar 2" with the weekday), in the admin's language.
pub fn day_label(l: LocalTime, weekday: bool) -> String {
    let months: Vec<String> = t!("statistics-months")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let month = months
        .get(usize::from(l.date.month).saturating_sub(1))
        .cloned()
        .unwrap_or_default();
    let date = t!("statistics-day-month", month = month, day = l.date.day);
    if weekday {
        let days = crate::statistics::words::weekdays();
        let name = days.get(l.date.weekday()).cloned().unwrap_or_default();
        format!("{name} {date}")
    } else {
        date
    }
}

/// Ticks under an hourly chart: every 3 hours over a day or two, each day's midnight over
/// two weeks, Mondays over three months, months' first days beyond.
fn hour_ticks(hours: &[LocalTime]) -> Vec<(usize, LocalTime, bool)> {
    let days = hours.len() / 24;
    let mut out = Vec::new();
    let mut last_date = None;
    for (i, l) in hours.iter().enumerate() {
        let new_day = last_date != Some(l.date);
        last_date = Some(l.date);
        let tick = match days {
            0..=2 => l.secs_of_day % (3 * 3600) < 3600 && l.secs_of_day.is_multiple_of(3600),
            3..=14 => new_day,
            15..=92 => new_day && l.date.weekday() == 0,
            _ => new_day && l.date.day == 1,
        };
        if tick {
            out.push((i, *l, days <= 2));
        }
    }
    out
}

/// Ticks under a daily chart: each day up to two weeks, Mondays up to three months, the
/// months' first days beyond.
fn day_ticks(zone: &Zone, starts: &[UnixTime]) -> Vec<(usize, LocalTime, bool)> {
    let n = starts.len();
    starts
        .iter()
        .enumerate()
        .map(|(i, &t)| (i, zone.local(t)))
        .filter(|(_, l)| match n {
            0..=14 => true,
            15..=92 => l.date.weekday() == 0,
            _ => l.date.day == 1,
        })
        .map(|(i, l)| (i, l, false))
        .collect()
}
