//! An independent, naive computation of the statistics figures straight from the log's
//! rows, written from the definitions in `desk::figures` without its digests, grid,
//! timeline or selection: every local hour found by walking the period minute by minute,
//! every wait measured on its own, percentiles by sorting. Slow and obvious on purpose.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dutydesk::desk::calendar::{BusinessCalendar, CivilDate};
use dutydesk::desk::figures::{
    AdminDay, AdminRow, DayRow, FigureSettings, Figures, HourRow, LongWait, MessageRecord, Period,
    ReplyRecord, SlaShare, WaitStats,
};
use dutydesk::desk::{ChatId, MessageId, Role, Sender, UnixTime};

/// A local hour: its date, hour and UTC offset (the offset tells a repeated hour's two
/// occurrences apart).
type HourKey = (CivilDate, u32, i32);

struct Waited {
    chat: ChatId,
    message: Option<MessageId>,
    start: UnixTime,
    len: i64,
    open: bool,
    responder: Option<Sender>,
}

pub fn figures(
    period: Period,
    as_of: UnixTime,
    messages: &[MessageRecord],
    replies: &[ReplyRecord],
    dismissed: &[(ChatId, MessageId)],
    settings: &FigureSettings,
) -> Figures {
    let zone = &settings.zone;
    // Every local hour and day of the period, minute by minute.
    let mut hour_keys: Vec<(HourKey, UnixTime)> = Vec::new();
    let mut day_keys: Vec<(CivilDate, UnixTime)> = Vec::new();
    let key_of = |t: UnixTime| {
        let l = zone.local(t);
        (l.date, l.hour(), zone.offset_secs(t))
    };
    let mut t = period.from;
    while t < period.to {
        let k = key_of(t);
        if hour_keys.last().is_none_or(|(last, _)| *last != k) {
            hour_keys.push((k, t));
        }
        if day_keys.last().is_none_or(|(d, _)| *d != k.0) {
            day_keys.push((k.0, t));
        }
        t += 60;
    }
    let hour_index: HashMap<HourKey, usize> = hour_keys
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (*k, i))
        .collect();
    let day_index: HashMap<CivilDate, usize> = day_keys
        .iter()
        .enumerate()
        .map(|(i, (d, _))| (*d, i))
        .collect();

    let mut hours: Vec<HourRow> = hour_keys
        .iter()
        .map(|&(_, start)| HourRow {
            start,
            local: zone.local(start),
            active_chats: 0,
            customer: 0,
            staff: 0,
        })
        .collect();
    let mut hour_chats: Vec<BTreeSet<ChatId>> = vec![BTreeSet::new(); hours.len()];
    let mut day_chats: Vec<BTreeSet<ChatId>> = vec![BTreeSet::new(); day_keys.len()];
    let mut days: Vec<DayRow> = day_keys
        .iter()
        .map(|&(date, start)| DayRow {
            date,
            start,
            active_chats: 0,
            customer: 0,
            staff: 0,
            waits: WaitStats::default(),
        })
        .collect();
    let mut heatmap = [[0u32; 24]; 7];
    let (mut customer_messages, mut staff_messages) = (0u64, 0u64);
    for m in messages
        .iter()
        .filter(|m| period.from <= m.date && m.date < period.to)
    {
        let k = key_of(m.date);
        let h = hour_index[&k];
        let d = day_index[&k.0];
        hour_chats[h].insert(m.chat);
        day_chats[d].insert(m.chat);
        match m.role {
            Role::Customer => {
                hours[h].customer += 1;
                days[d].customer += 1;
                heatmap[k.0.weekday()][k.1 as usize] += 1;
                customer_messages += 1;
            }
            Role::Staff => {
                hours[h].staff += 1;
                days[d].staff += 1;
                staff_messages += 1;
            }
        }
    }
    for (h, chats) in hours.iter_mut().zip(&hour_chats) {
        h.active_chats = chats.len() as u32;
    }
    for (d, chats) in days.iter_mut().zip(&day_chats) {
        d.active_chats = chats.len() as u32;
    }

    let measure = |a: UnixTime, b: UnixTime| match &settings.calendar {
        Some(cal) => business(cal, a, b),
        None => (b - a).max(0),
    };
    let mut waits: Vec<Waited> = Vec::new();
    for r in replies {
        let start = r.date - r.waited_secs;
        if !(period.from <= start && start < period.to) {
            continue;
        }
        waits.push(Waited {
            chat: r.chat,
            message: waiting_message(messages, r),
            start,
            len: measure(start, r.date),
            open: false,
            responder: Some(r.responder),
        });
    }
    for (chat, message, start) in open_waits(messages, dismissed) {
        if period.from <= start && start < period.to {
            waits.push(Waited {
                chat,
                message: Some(message),
                start,
                len: measure(start, as_of),
                open: true,
                responder: None,
            });
        }
    }

    let stats = |group: &[&Waited]| summarize(group, settings);
    let all: Vec<&Waited> = waits.iter().collect();
    let team = stats(&all);
    for (i, d) in days.iter_mut().enumerate() {
        let of_day: Vec<&Waited> = waits
            .iter()
            .filter(|w| day_index[&zone.local(w.start).date] == i)
            .collect();
        d.waits = stats(&of_day);
    }
    let mut by_admin: BTreeMap<(u8, i64), Vec<&Waited>> = BTreeMap::new();
    for w in waits.iter().filter(|w| !w.open) {
        by_admin
            .entry(parts(w.responder.unwrap()))
            .or_default()
            .push(w);
    }
    let mut admins: Vec<AdminRow> = by_admin
        .iter()
        .map(|(&p, ws)| AdminRow {
            responder: sender(p),
            waits: stats(ws),
        })
        .collect();
    admins.sort_by_key(|a| (std::cmp::Reverse(a.waits.answered), parts(a.responder)));
    let mut admin_days: Vec<AdminDay> = Vec::new();
    for (i, d) in days.iter().enumerate() {
        let mut of_day: Vec<AdminDay> = by_admin
            .iter()
            .filter_map(|(&p, ws)| {
                let ws: Vec<&Waited> = ws
                    .iter()
                    .copied()
                    .filter(|w| day_index[&zone.local(w.start).date] == i)
                    .collect();
                (!ws.is_empty()).then(|| AdminDay {
                    responder: sender(p),
                    date: d.date,
                    waits: stats(&ws),
                })
            })
            .collect();
        of_day.sort_by_key(|a| (std::cmp::Reverse(a.waits.answered), parts(a.responder)));
        admin_days.extend(of_day);
    }
    let mut longest: Vec<LongWait> = waits
        .iter()
        .map(|w| LongWait {
            chat: w.chat,
            message: w.message,
            start: w.start,
            wait_secs: w.len,
            open: w.open,
            responder: w.responder,
        })
        .collect();
    longest.sort_by_key(|w| (std::cmp::Reverse(w.wait_secs), w.start, w.chat, w.message));
    longest.truncate(settings.longest);

    Figures {
        period,
        as_of,
        zone: zone.name().to_string(),
        business_hours: settings.calendar.is_some(),
        hours,
        days,
        team,
        admins,
        admin_days,
        heatmap,
        longest,
        customer_messages,
        staff_messages,
    }
}

fn summarize(group: &[&Waited], settings: &FigureSettings) -> WaitStats {
    let mut answered: Vec<i64> = group.iter().filter(|w| !w.open).map(|w| w.len).collect();
    answered.sort_unstable();
    let n = answered.len();
    let mut sla = SlaShare::default();
    for w in group {
        let th = settings.sla.for_chat(w.chat);
        if w.open {
            if w.len >= th.red_secs {
                sla.decided_red += 1;
            }
            if w.len >= th.breach_secs {
                sla.decided_breach += 1;
            }
        } else {
            sla.decided_red += 1;
            sla.decided_breach += 1;
            if w.len < th.red_secs {
                sla.within_red += 1;
            }
            if w.len < th.breach_secs {
                sla.within_breach += 1;
            }
        }
    }
    let rank = |q: f64| answered[((q * n as f64).ceil() as usize).max(1) - 1];
    WaitStats {
        answered: n as u32,
        avg_secs: (n > 0)
            .then(|| answered.iter().map(|&x| x as i128).sum::<i128>() as f64 / n as f64),
        median_secs: (n > 0).then(|| rank(0.5)),
        p90_secs: (n > 0).then(|| rank(0.9)),
        max_secs: answered.last().copied(),
        open: group.iter().filter(|w| w.open).count() as u32,
        sla,
    }
}

/// Business seconds by walking the span minute by minute where that is exact (instants
/// on minutes) and second by second at the ragged ends.
fn business(cal: &BusinessCalendar, a: UnixTime, b: UnixTime) -> i64 {
    let open = |t: UnixTime| {
        let l = cal.zone().local(t);
        !cal.holidays().any(|h| h == l.date)
            && cal
                .week()
                .on(l.date.weekday())
                .iter()
                .any(|&(s, e)| s <= l.secs_of_day && l.secs_of_day < e)
    };
    let mut total = 0;
    let mut t = a;
    while t < b {
        if t % 60 == 0 && t + 60 <= b {
            total += if open(t) { 60 } else { 0 };
            t += 60;
        } else {
            total += i64::from(open(t));
            t += 1;
        }
    }
    total
}

/// The definition of a wait's first message, over all rows.
fn waiting_message(messages: &[MessageRecord], r: &ReplyRecord) -> Option<MessageId> {
    let start = r.date - r.waited_secs;
    let mut below: Vec<&MessageRecord> = messages
        .iter()
        .filter(|m| m.chat == r.chat && m.message < r.message)
        .collect();
    below.sort_by_key(|m| m.message);
    let last_staff = below
        .iter()
        .filter(|m| m.role == Role::Staff)
        .map(|m| m.message)
        .max()
        .unwrap_or(i64::MIN);
    let candidates: Vec<&&MessageRecord> = below
        .iter()
        .filter(|m| m.role == Role::Customer && m.date == start)
        .collect();
    candidates
        .iter()
        .find(|m| m.message > last_staff)
        .or(candidates.last())
        .map(|m| m.message)
}

/// Per chat: the oldest customer message at or above the answer line.
fn open_waits(
    messages: &[MessageRecord],
    dismissed: &[(ChatId, MessageId)],
) -> Vec<(ChatId, MessageId, UnixTime)> {
    let chats: BTreeSet<ChatId> = messages.iter().map(|m| m.chat).collect();
    let mut out = Vec::new();
    for chat in chats {
        let mut line = messages
            .iter()
            .filter(|m| m.chat == chat && m.role == Role::Staff)
            .map(|m| m.message)
            .max()
            .unwrap_or(i64::MIN);
        for &(c, up_to) in dismissed {
            if c == chat {
                line = line.max(up_to + 1);
            }
        }
        if let Some(m) = messages
            .iter()
            .filter(|m| m.chat == chat && m.role == Role::Customer && m.message >= line)
            .min_by_key(|m| (m.date, m.message))
        {
            out.push((chat, m.message, m.date));
        }
    }
    out
}

fn parts(s: Sender) -> (u8, i64) {
    match s {
        Sender::User(u) => (0, u),
        Sender::Chat(c) => (1, c),
    }
}

fn sender((kind, id): (u8, i64)) -> Sender {
    if kind == 0 {
        Sender::User(id)
    } else {
        Sender::Chat(id)
    }
}
