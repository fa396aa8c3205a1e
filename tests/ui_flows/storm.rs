//! The window under a storm of updates (issue 16). While Telegram's events stream in they
//! reach the window at most once a refresh period (each batch is one update, one view and
//! one frame in iced), and every one of them reaches the desk; a person's key press is
//! answered by the next frame; a chat turning red and an alarm are drawn within a period.
//!
//! The events are the simulator's own, through the real receive thread and translation;
//! when each reaches the channel is a script on a virtual clock (`pace::Source`), so what
//! is asserted does not depend on how fast the machine is.

use super::*;
use dutydesk::desk::team::protocol::{self, Action};
use dutydesk::telegram::TgEvent;
use dutydesk::telegram::pace::{self, REFRESH};
use dutydesk::ui::repaint::{BUSY_EVENTS, BUSY_FOR};
use dutydesk::ui::widgets::chat_list::alarm_label;
use futures::{Stream, StreamExt};
use std::collections::{HashMap, VecDeque};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Events with the virtual moment each reaches the channel, and the virtual clock: shared
/// between the window's paced stream (`pace::batches`, which owns one handle) and the test.
#[derive(Clone)]
struct Script(Arc<Mutex<Timeline>>);

struct Timeline {
    arrivals: VecDeque<(Instant, TgEvent)>,
    now: Instant,
}

impl pace::Source<TgEvent> for Script {
    async fn next(&mut self) -> Option<TgEvent> {
        let mut t = self.0.lock().unwrap();
        let (at, event) = t.arrivals.pop_front()?;
        t.now = t.now.max(at);
        Some(event)
    }

    fn ready(&mut self) -> Option<TgEvent> {
        let mut t = self.0.lock().unwrap();
        match t.arrivals.front() {
            Some((at, _)) if *at <= t.now => t.arrivals.pop_front().map(|(_, e)| e),
            _ => None,
        }
    }

    fn now(&self) -> Instant {
        self.0.lock().unwrap().now
    }

    async fn sleep_until(&mut self, at: Instant) {
        let mut t = self.0.lock().unwrap();
        t.now = t.now.max(at);
    }
}

/// One frame the window drew for a Telegram batch: when, and how many events it applied.
struct Frame {
    at: Instant,
    events: usize,
}

/// The window's event stream over a script: each batch is one message to the app, so
/// one `update`, one `view` and one frame in iced.
struct Storm {
    script: Script,
    stream: Pin<Box<dyn Stream<Item = Vec<TgEvent>> + Send>>,
}

impl Storm {
    /// `events` spread evenly over `span` from `start`, through `pace::batches`.
    fn spread(events: Vec<TgEvent>, start: Instant, span: Duration) -> Storm {
        let n = events.len().max(1) as u32;
        let arrivals = events
            .into_iter()
            .enumerate()
            .map(|(i, e)| (start + span * i as u32 / n, e))
            .collect();
        let script = Script(Arc::new(Mutex::new(Timeline {
            arrivals,
            now: start,
        })));
        Storm {
            stream: Box::pin(pace::batches(script.clone())),
            script,
        }
    }

    /// The next batch into the app, then its frame (the view built and laid out, as the
    /// window does after every message); `None` once the stream has ended.
    fn deliver_next(&mut self, h: &mut Harness) -> Option<Frame> {
        let batch = futures::executor::block_on(self.stream.next())?;
        let events = batch.len();
        send_at(h, Message::Tg(batch), self.now());
        drop(ui(&h.app));
        Some(Frame {
            at: self.now(),
            events,
        })
    }

    fn now(&self) -> Instant {
        self.script.0.lock().unwrap().now
    }

    /// Lets `by` pass on the virtual clock without a batch going out.
    fn wait(&mut self, by: Duration) {
        self.script.0.lock().unwrap().now += by;
    }

    /// Whether an event that has arrived is still held back.
    fn holding(&self) -> bool {
        let t = self.script.0.lock().unwrap();
        t.arrivals.front().is_some_and(|(at, _)| *at <= t.now)
    }

    /// Events not handed to the app yet.
    fn left(&self) -> usize {
        self.script.0.lock().unwrap().arrivals.len()
    }

    fn drain(&mut self, h: &mut Harness) {
        while self.deliver_next(h).is_some() {}
        assert_eq!(self.left(), 0);
    }
}

/// Customer messages in the floor's support chats but `except`, round robin: (chat,
/// text) of each.
fn storm_messages(h: &mut Harness, count: usize, except: &[i64]) -> Vec<(i64, String)> {
    let chats = customer_chats_where(h, |c, r| r.support && !except.contains(&c.chat_id));
    (0..count)
        .map(|k| {
            let chat = &chats[k % chats.len()];
            let text = format!("storm message {k}");
            h.control
                .write(chat.chat_id, chat.customers[0], &text)
                .unwrap();
            (chat.chat_id, text)
        })
        .collect()
}

#[test]
fn under_a_storm_the_window_draws_at_the_refresh_rate_and_the_desk_takes_every_event() {
    let (mut h, _home) = floor();
    let written = storm_messages(&mut h, 1500, &[]);
    let events = h.collect_events();
    let total = events.len();
    assert!(
        total >= 1500,
        "every message comes as at least one event ({total})"
    );
    // Three seconds of a steady stream: a few hundred events a second.
    let t0 = Instant::now();
    let span = Duration::from_secs(3);
    let arrived: Vec<Instant> = (0..total as u32)
        .map(|i| t0 + span * i / total as u32)
        .collect();
    let mut storm = Storm::spread(events, t0, span);
    let mut frames = Vec::new();
    while let Some(frame) = storm.deliver_next(&mut h) {
        frames.push(frame);
    }

    // Every event applied, in order: each chat shows the last message written to it.
    assert_eq!(frames.iter().map(|f| f.events).sum::<usize>(), total);
    let last: HashMap<i64, &str> = written.iter().map(|(c, t)| (*c, t.as_str())).collect();
    for (chat, text) in last {
        assert_eq!(h.app.desk().row(chat).unwrap().preview, text, "chat {chat}");
    }
    // At most one frame a period, whichever second is looked at: 3 s of stream, about 8
    // a second instead of one per batch the receive thread could make.
    let per_second = (Duration::from_secs(1).as_secs_f64() / REFRESH.as_secs_f64()).ceil() as usize;
    for (i, frame) in frames.iter().enumerate() {
        let in_second = frames[i..]
            .iter()
            .take_while(|f| f.at < frame.at + Duration::from_secs(1))
            .count();
        assert!(
            in_second <= per_second + 1,
            "{in_second} frames within a second"
        );
    }
    for pair in frames.windows(2) {
        assert!(pair[1].at - pair[0].at >= REFRESH, "frames a period apart");
    }
    assert!(
        frames.len() <= 3 * per_second + 2,
        "{} frames",
        frames.len()
    );
    // And no event waits longer than a period for its frame.
    let mut next = 0;
    for frame in &frames {
        for at in &arrived[next..next + frame.events] {
            assert!(
                frame.at - *at <= REFRESH,
                "an event waited {:?}",
                frame.at - *at
            );
        }
        next += frame.events;
    }
}

#[test]
fn a_key_press_during_the_storm_is_answered_by_the_next_frame() {
    let (mut h, _home) = floor();
    storm_messages(&mut h, 300, &[]);
    let events = h.collect_events();
    let t0 = Instant::now();
    let mut storm = Storm::spread(events, t0, Duration::from_secs(1));
    storm.deliver_next(&mut h).unwrap();
    // A moment later, with the stream's next events held back for the period:
    storm.wait(Duration::from_millis(20));
    assert!(storm.holding(), "the storm's events wait for the period");
    assert_ne!(h.app.console().filter(), Filter::Waiting);
    // Ctrl+3 (the Waiting filter) is an iced event, not Telegram's: its message is handled
    // and drawn at once, ahead of the held batch.
    let held = storm.left();
    h.send(Message::Key(Key::Character("3".into()), Modifiers::CTRL));
    assert_eq!(
        storm.left(),
        held,
        "answered before the held batch went out"
    );
    assert_eq!(h.app.console().filter(), Filter::Waiting);
    let calm = customer_chats_where(&h, |_, r| r.waiting_since.is_none() && !r.pinned);
    assert!(
        !visible(&h, &calm[0].title),
        "the frame shows the Waiting filter"
    );
    // The storm goes on behind it.
    storm.drain(&mut h);
}

#[test]
fn a_chat_turning_red_during_the_storm_is_drawn_at_its_deadline() {
    let (mut h, _home) = floor();
    let (chat, title) = customer_writes(&mut h, 0, "Nobody answers");
    open_by_click(&mut h, &title);
    let red_at = h.app.desk().row(chat).unwrap().waiting_since.unwrap()
        + h.app.desk().settings().red_after_secs;
    h.control.advance(red_at - 1 - h.control.now());
    h.settle();
    h.freeze_clock();
    // One second before the threshold, a storm begins in other chats.
    storm_messages(&mut h, 600, &[chat]);
    let events = h.collect_events();
    let t0 = Instant::now();
    let mut storm = Storm::spread(events, t0, Duration::from_secs(3));
    storm.deliver_next(&mut h).unwrap();
    // The window's timer is set for the threshold, whatever the stream does.
    assert_eq!(h.app.next_wake(), Some(red_at));
    // It fires between two batches: the Tick is drawn at once.
    storm.wait(Duration::from_millis(40));
    assert!(storm.holding());
    h.control.advance(1);
    h.freeze_clock();
    h.send(Message::Tick);
    assert_eq!(h.app.desk().row(chat).unwrap().status, Status::Red);
    assert!(
        visible(&h, "Waiting too long · 10m"),
        "drawn in the frame of the tick"
    );
    storm.drain(&mut h);
}

#[test]
fn an_alarm_in_the_storm_is_drawn_within_one_period() {
    let (mut h, _home) = floor();
    let layout = h.control.layout();
    let target =
        customer_chats_where(&h, |_, r| r.support && r.status == Status::Normal)[3].clone();
    // A storm in the other chats, the lead's alarm in the middle of it.
    storm_messages(&mut h, 400, &[target.chat_id]);
    let before = h.collect_events();
    let alarm = protocol::build(
        &format!("Alarm on {}", target.title),
        &Action::RaiseAlarm {
            chat: target.chat_id,
            message: None,
            reason: None,
        },
    );
    h.control
        .write(layout.duty_group_chat_id, layout.lead, &alarm)
        .unwrap();
    let alarm_events = h.collect_events();
    assert!(!alarm_events.is_empty());
    storm_messages(&mut h, 400, &[target.chat_id]);
    let after = h.collect_events();
    // The alarm is in when the last of its events is (the message, then what it changes).
    let alarm_last = before.len() + alarm_events.len() - 1;
    let events: Vec<TgEvent> = before
        .into_iter()
        .chain(alarm_events)
        .chain(after)
        .collect();
    let t0 = Instant::now();
    let span = Duration::from_secs(2);
    let n = events.len() as u32;
    let alarm_arrives = t0 + span * alarm_last as u32 / n;
    let mut storm = Storm::spread(events, t0, span);
    let mut delivered = 0;
    let drawn = loop {
        let frame = storm.deliver_next(&mut h).expect("the alarm is delivered");
        delivered += frame.events;
        if delivered > alarm_last {
            break frame.at;
        }
    };
    assert!(
        drawn - alarm_arrives <= REFRESH,
        "the alarm waited {:?}",
        drawn - alarm_arrives
    );
    // That frame shows it: the chat raised, marked on its own row.
    let row = h.app.desk().row(target.chat_id).unwrap();
    assert_eq!(row.status, Status::Alarm, "{row:?}");
    filter_by_title(&mut h, &target.title);
    assert!(visible(&h, &target.title));
    assert!(visible(&h, &alarm_label()), "the row shows the alarm");
    storm.drain(&mut h);
}

/// The window's background for the next frame, and the 8-bit pixel it paints.
fn background(h: &Harness) -> (iced::Color, [u8; 4]) {
    let color = h.app.window_style(&h.app.iced_theme()).background_color;
    let pixel = |v: f32| (v * 255.0 + 0.5) as u8;
    (
        color,
        [
            pixel(color.r),
            pixel(color.g),
            pixel(color.b),
            pixel(color.a),
        ],
    )
}

/// `message` handled as the window's `update` does at `now`.
fn send_at(h: &mut Harness, message: Message, now: Instant) {
    h.app.note_message(&message, now);
    h.send(message);
}

#[test]
fn each_frame_of_the_storm_is_drawn_whole_and_a_calm_tick_in_part() {
    let (mut h, _home) = floor();
    storm_messages(&mut h, 600, &[]);
    let events = h.collect_events();
    let (calm, theme_pixel) = background(&h);
    let mut storm = Storm::spread(events, Instant::now(), Duration::from_secs(2));
    // iced's software compositor redraws the whole window when the background differs
    // from the last frame's: from the first large batch on, every frame's does.
    let mut last = calm;
    let mut busy_frames = 0;
    while let Some(frame) = storm.deliver_next(&mut h) {
        let (color, pixel) = background(&h);
        assert_eq!(pixel, theme_pixel, "the pixels stay the theme's");
        if frame.events >= BUSY_EVENTS {
            busy_frames += 1;
        }
        if busy_frames > 0 {
            assert!(h.app.repaint_busy());
            assert_ne!(color, last, "frame {busy_frames} is drawn whole");
        }
        last = color;
        // The clock's tick between two of the storm's batches is drawn whole too.
        if busy_frames == 3 {
            storm.wait(Duration::from_millis(20));
            send_at(&mut h, Message::Tick, storm.now());
            let (color, _) = background(&h);
            assert_ne!(color, last, "the tick's frame is drawn whole");
            last = color;
        }
    }
    assert!(busy_frames >= 5, "{busy_frames} large batches");
    // A second after the last large batch the window is calm: the tick changes a few
    // labels and is drawn in part; a key press is drawn whole.
    storm.wait(BUSY_FOR);
    send_at(&mut h, Message::Tick, storm.now());
    assert!(!h.app.repaint_busy());
    assert_eq!(background(&h).0, last, "the calm tick is drawn in part");
    let key = Message::Key(Key::Character("1".into()), Modifiers::CTRL);
    send_at(&mut h, key, storm.now());
    assert_ne!(background(&h).0, last, "the key is drawn whole");
    assert_eq!(background(&h).1, theme_pixel);
}
