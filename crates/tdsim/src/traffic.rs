//! Scenario events on the virtual clock: customers writing at working-hours rates, colleagues
//! answering, the lead's alarms, channel posts, storms and faults. Events run strictly in
//! (time, sequence) order, so a seed replays exactly.

use std::cmp::Ordering;

use crate::model::*;
use crate::world::World;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    CustomerMessage,
    StaffReply {
        chat: usize,
        after: MessageId,
    },
    CustomerEdit {
        chat: usize,
        id: MessageId,
    },
    CustomerDelete {
        chat: usize,
        id: MessageId,
    },
    Alarm,
    /// The lead clears the alarm on this chat.
    ClearAlarm {
        chat: usize,
    },
    ChannelPost,
    Storm,
    DropConnection,
    Reconnect,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scheduled {
    pub at: i64,
    pub seq: u64,
    pub event: Event,
}

// BinaryHeap is a max-heap: invert so the earliest (then first scheduled) pops first.
impl Ord for Scheduled {
    fn cmp(&self, other: &Self) -> Ordering {
        (other.at, other.seq).cmp(&(self.at, self.seq))
    }
}

impl PartialOrd for Scheduled {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

pub fn schedule_initial(w: &mut World) {
    let s = w.scenario.clone();
    if s.traffic.messages_per_hour > 0.0 {
        let at = w.now + next_customer_gap(w);
        w.schedule(at, Event::CustomerMessage);
    }
    if s.traffic.alarm_mean_interval > 0.0 {
        let at = w.now + w.rng.exp(s.traffic.alarm_mean_interval).ceil() as i64;
        w.schedule(at, Event::Alarm);
    }
    if let Some(ch) = &s.channel
        && ch.post_mean_interval > 0.0
    {
        let at = w.now + w.rng.exp(ch.post_mean_interval).ceil() as i64;
        w.schedule(at, Event::ChannelPost);
    }
    if s.storm.is_some() {
        w.schedule(w.now + 1, Event::Storm);
    }
    if s.faults.drop_mean_interval > 0.0 {
        let at = w.now + w.rng.exp(s.faults.drop_mean_interval).ceil() as i64;
        w.schedule(at, Event::DropConnection);
    }
}

/// Seconds to the next customer message, at the rate in force now (working hours vs. not).
fn next_customer_gap(w: &mut World) -> i64 {
    let t = &w.scenario.traffic;
    let hour = (w.now.rem_euclid(86_400) / 3600) as u32;
    let [start, end] = t.working_hours;
    let working = if start <= end {
        hour >= start && hour < end
    } else {
        hour >= start || hour < end
    };
    let rate = t.messages_per_hour * if working { 1.0 } else { t.off_hours_factor };
    if rate <= 0.0 {
        return 3600;
    }
    (w.rng.exp(3600.0 / rate).round() as i64).max(1)
}

impl World {
    pub fn schedule(&mut self, at: i64, event: Event) {
        self.event_seq += 1;
        self.events.push(Scheduled {
            at,
            seq: self.event_seq,
            event,
        });
    }

    /// Runs every event due up to `target`, then sets the clock there and reports it.
    pub fn advance_to(&mut self, target: i64) {
        while let Some(next) = self.events.peek() {
            if next.at > target {
                break;
            }
            let Some(ev) = self.events.pop() else { break };
            if ev.at > self.now {
                self.now = ev.at;
            }
            self.run(ev.event);
        }
        if target > self.now {
            self.now = target;
        }
        self.announce_time(false);
    }

    /// updateOption unix_time to every client when the virtual second moved (or `force`,
    /// once per wall second in running mode), so apps can follow the virtual clock.
    pub fn announce_time(&mut self, force: bool) {
        if self.now == self.announced_time && !force {
            return;
        }
        self.announced_time = self.now;
        self.announced_wall = std::time::Instant::now();
        for s in 0..self.sessions.len() {
            self.announce_time_to(s);
        }
    }

    /// updateOption unix_time to one client (started and not closed).
    pub fn announce_time_to(&mut self, s: usize) {
        let session = &self.sessions[s];
        if !session.started || session.auth == crate::session::Auth::Closed {
            return;
        }
        let now = self.now;
        self.emit(s, "updateOption", |w, _| {
            w.str("name", "unix_time");
            w.obj("value", "optionValueInteger", |w| w.long("value", now));
        });
    }

    fn run(&mut self, event: Event) {
        match event {
            Event::CustomerMessage => {
                self.customer_message();
                let at = self.now + next_customer_gap(self);
                self.schedule(at, Event::CustomerMessage);
            }
            Event::StaffReply { chat, after } => self.staff_reply(chat, after),
            Event::CustomerEdit { chat, id } => {
                let edited = self.chats[chat]
                    .message(id)
                    .map(|m| format!("{} (edited)", m.content.text()));
                if let Some(text) = edited {
                    self.edit_content(chat, id, Content::Text(text));
                }
            }
            Event::CustomerDelete { chat, id } => {
                self.delete_messages(chat, &[id]);
            }
            Event::ClearAlarm { chat } => {
                self.lead_clears_alarm(chat);
            }
            Event::Alarm => {
                self.alarm();
                let at = self.now
                    + self
                        .rng
                        .exp(self.scenario.traffic.alarm_mean_interval)
                        .ceil()
                        .max(1.0) as i64;
                self.schedule(at, Event::Alarm);
            }
            Event::ChannelPost => {
                if let Some(idx) = self.channel_chat {
                    let id = self.chats[idx].id;
                    let text = format!(
                        "Status update: all systems operational ({})",
                        self.now % 1000
                    );
                    self.incoming(idx, Sender::Chat(id), Content::Text(text), self.now, None);
                    let mean = self
                        .scenario
                        .channel
                        .as_ref()
                        .map_or(3600.0, |c| c.post_mean_interval);
                    let at = self.now + self.rng.exp(mean).ceil().max(1.0) as i64;
                    self.schedule(at, Event::ChannelPost);
                }
            }
            Event::Storm => {
                self.storm_second();
                self.schedule(self.now + 1, Event::Storm);
            }
            Event::DropConnection => {
                self.set_server_for_all(false);
                let [lo, hi] = self.scenario.faults.drop_duration;
                let back = self.now + self.rng.range(lo, hi).max(1);
                self.schedule(back, Event::Reconnect);
            }
            Event::Reconnect => {
                self.set_server_for_all(true);
                let at = self.now
                    + self
                        .rng
                        .exp(self.scenario.faults.drop_mean_interval)
                        .ceil()
                        .max(1.0) as i64;
                self.schedule(at, Event::DropConnection);
            }
        }
    }

    /// Customer chats someone who can log in is still in (traffic elsewhere reaches nobody).
    fn customer_chats(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.chats.len())
            .filter(|&i| self.chats[i].is_customer && !self.chats[i].reads.is_empty())
    }

    fn random_content(&mut self) -> Content {
        let s = self.scenario.clone();
        let t = &s.traffic;
        let mut text = self.rng.pick(&t.phrases).cloned().unwrap_or_default();
        if self.rng.chance(t.mention_chance) {
            let me = self
                .user(crate::world::ME)
                .map(|u| u.username.clone())
                .unwrap_or_default();
            text = format!("@{me} {text}");
        }
        if !self.rng.chance(t.media_chance) {
            return Content::Text(text);
        }
        match self.rng.below(4) {
            0 => Content::Photo { caption: text },
            1 => Content::Document {
                file_name: "error.log".into(),
                caption: text,
            },
            2 => Content::Voice {
                duration: self.rng.range(3, 90) as i32,
                caption: String::new(),
            },
            _ => Content::Sticker {
                emoji: "👍".into()
            },
        }
    }

    /// `customers` customer messages now, in chats picked as the scenario's traffic picks
    /// them (colleagues may answer later, as they do); a trainer's burst.
    pub fn burst(&mut self, customers: usize) {
        for _ in 0..customers {
            self.customer_message();
        }
    }

    fn customer_message(&mut self) {
        let chats: Vec<usize> = self.customer_chats().collect();
        let Some(&idx) = self.rng.pick(&chats) else {
            return;
        };
        let customers: Vec<UserId> = self.chats[idx]
            .members
            .iter()
            .copied()
            .filter(|u| !self.is_staff(*u))
            .collect();
        let Some(&who) = self.rng.pick(&customers) else {
            return;
        };
        let content = self.random_content();
        let f = self.scenario.faults.clone();
        let date = if self.rng.chance(f.late_chance) {
            self.now - self.rng.range(f.late_delay[0], f.late_delay[1])
        } else {
            self.now
        };
        let id = self.incoming(idx, Sender::User(who), content, date, None);
        let t = self.scenario.traffic.clone();
        if self.chats[idx].is_group() && self.rng.chance(t.staff_reply_chance) {
            let at = self.now
                + self
                    .rng
                    .range(t.staff_reply_delay[0], t.staff_reply_delay[1]);
            self.schedule(
                at,
                Event::StaffReply {
                    chat: idx,
                    after: id,
                },
            );
        }
        if self.rng.chance(t.edit_chance) {
            let at = self.now + self.rng.range(10, 120);
            self.schedule(at, Event::CustomerEdit { chat: idx, id });
        } else if self.rng.chance(t.delete_chance) {
            let at = self.now + self.rng.range(5, 60);
            self.schedule(at, Event::CustomerDelete { chat: idx, id });
        }
    }

    /// A colleague answers, unless staff already answered since that customer message.
    fn staff_reply(&mut self, idx: usize, after: MessageId) {
        let answered = self.chats[idx]
            .messages
            .iter()
            .any(|m| m.id > after && matches!(m.sender, Sender::User(u) if self.is_staff(u)));
        if answered {
            return;
        }
        let staff: Vec<UserId> = self.chats[idx]
            .members
            .iter()
            .copied()
            .filter(|u| self.staff.contains(u))
            .collect();
        let Some(&who) = self.rng.pick(&staff) else {
            return;
        };
        let text = self
            .rng
            .pick(&self.scenario.traffic.replies)
            .cloned()
            .unwrap_or_default();
        let reply_to = self.chats[idx].message(after).map(|m| m.id);
        self.incoming(
            idx,
            Sender::User(who),
            Content::Text(text),
            self.now,
            reply_to,
        );
    }

    /// The lead raises an alarm in the duty group about the chat waiting longest (with
    /// DutyDesk's protocol), and clears it a while later.
    fn alarm(&mut self) {
        let waiting = self
            .customer_chats()
            .filter(|&i| matches!(self.chats[i].last_message(), Some(m) if matches!(m.sender, Sender::User(u) if !self.is_staff(u))))
            .min_by_key(|&i| self.chats[i].last_message().map_or(i64::MAX, |m| m.date));
        let Some(target) = waiting else { return };
        self.lead_raises_alarm(target);
        let [lo, hi] = self.scenario.traffic.alarm_clear_after;
        if hi > 0 {
            let at = self.now + self.rng.range(lo, hi).max(1);
            self.schedule(at, Event::ClearAlarm { chat: target });
        }
    }

    /// One virtual second of storm: customer messages round-robin over the customer chats until
    /// the configured number of updates has been generated.
    fn storm_second(&mut self) {
        let Some(target) = self
            .scenario
            .storm
            .as_ref()
            .map(|s| s.updates_per_second as u64)
        else {
            return;
        };
        let chats: Vec<usize> = self.customer_chats().collect();
        if chats.is_empty() {
            return;
        }
        // Counted as the busiest client receives them; before login nothing is emitted, so the
        // work is bounded by messages instead.
        let start: Vec<u64> = self.sessions.iter().map(|s| s.emitted).collect();
        let emitted = |w: &World| {
            w.sessions
                .iter()
                .zip(&start)
                .map(|(s, a)| s.emitted - a)
                .max()
                .unwrap_or(0)
        };
        let mut k = self.rng.below(chats.len() as u64) as usize;
        let mut steps = 0u64;
        while emitted(self) < target && steps < target {
            let idx = chats[k % chats.len()];
            k += 1;
            steps += 1;
            let customers: Vec<UserId> = self.chats[idx]
                .members
                .iter()
                .copied()
                .filter(|u| *u >= 3_000_001)
                .collect();
            let Some(&who) = customers.get(steps as usize % customers.len().max(1)) else {
                continue;
            };
            let content = self.random_content();
            self.incoming(idx, Sender::User(who), content, self.now, None);
        }
    }
}
