//! How Telegram's events reach the window: in batches, at once when the stream has been
//! quiet, and at most once a refresh period while it streams.
//!
//! iced 0.14 builds the view, lays it out and redraws the window after every batch of
//! messages it handles (iced_winit's event loop: `update`, then `view` for every window,
//! then `request_redraw`; no message can skip that). So the number of batches handed to
//! the window is the number of frames drawn, and a storm of 20,000 updates a second
//! delivered as fast as they come meant a software redraw of the window for nearly every
//! batch. A person cannot read a list that changes more than a few times a second, so
//! under load the batches are held for up to `REFRESH` and go out together: every event
//! still reaches the desk, in order, none dropped; only the drawing is coalesced.
//!
//! What is not paced: anything a person does (key presses, clicks, scrolls are iced
//! events, not Telegram's, and draw the next frame at once), the window's own timer (a
//! chat turning red wakes it on time), and replies to requests (they complete their
//! futures on the receive thread). An alarm or a new message waits at most one period.
//!
//! `Pacer` holds the rule, with the time passed in; `batches` runs it over a `Source`:
//! `telegram::event_stream` on the real clock, the UI tests on a virtual one.

use std::time::{Duration, Instant};

/// The longest a Telegram event waits for the window while the stream is busy: about 8
/// refreshes a second under a storm, at most one period of delay for an alarm or a new
/// message.
pub const REFRESH: Duration = Duration::from_millis(125);

/// Most events handed on at once: applying a batch holds the window's thread (about 1 µs
/// an event in the desk, more for events the open chat shows), and a key press waits
/// for it. A full batch is followed at once by the next, so a backlog (the initial sync,
/// a reconnect) drains as fast as the desk takes it.
pub const MAX_BATCH: usize = 8192;

/// When the next batch may go out.
#[derive(Debug, Clone)]
pub struct Pacer {
    period: Duration,
    /// When the last batch went out, unless it was full (a backlog: the next goes at once).
    last: Option<Instant>,
}

impl Pacer {
    pub fn new(period: Duration) -> Pacer {
        Pacer { period, last: None }
    }

    /// When events waiting at `now` may be handed on: at once when no batch went out
    /// within the last period (a quiet stream, or a backlog), else one period after the
    /// last batch.
    pub fn due(&self, now: Instant) -> Instant {
        match self.last {
            Some(last) => now.max(last + self.period),
            None => now,
        }
    }

    /// Takes the events waiting, up to `MAX_BATCH`, as the batch that goes out at `now`:
    /// `first` (the event that was waited for) and whatever `next` hands over.
    pub fn take<T>(
        &mut self,
        now: Instant,
        first: T,
        mut next: impl FnMut() -> Option<T>,
    ) -> Vec<T> {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match next() {
                Some(event) => batch.push(event),
                None => break,
            }
        }
        self.last = (batch.len() < MAX_BATCH).then_some(now);
        batch
    }
}

impl Default for Pacer {
    fn default() -> Pacer {
        Pacer::new(REFRESH)
    }
}

/// Where events come from and how time passes: the receive thread's channel and the
/// real clock in the window (`telegram::event_stream`), a script on a virtual clock in
/// tests.
pub trait Source<T> {
    /// Waits for the next event; `None` when the stream has ended.
    fn next(&mut self) -> impl Future<Output = Option<T>> + Send;
    /// An event already waiting, if any, without waiting.
    fn ready(&mut self) -> Option<T>;
    fn now(&self) -> Instant;
    fn sleep_until(&mut self, at: Instant) -> impl Future<Output = ()> + Send;
}

/// The batches the window gets from `source`: what `telegram::event_stream` hands to
/// iced, and what the UI tests drive on a virtual clock.
pub fn batches<T, S>(source: S) -> impl futures::Stream<Item = Vec<T>> + Send + 'static
where
    T: Send + 'static,
    S: Source<T> + Send + 'static,
{
    futures::stream::unfold(
        (source, Pacer::default()),
        |(mut source, mut pacer)| async move {
            let batch = next_batch(&mut pacer, &mut source).await?;
            Some((batch, (source, pacer)))
        },
    )
}

/// The next batch: waits for an event, then until the pacer lets it go, and takes it
/// with everything that arrived meanwhile (up to `MAX_BATCH`). `None` when the stream
/// has ended.
pub async fn next_batch<T, S: Source<T>>(pacer: &mut Pacer, source: &mut S) -> Option<Vec<T>> {
    let first = source.next().await?;
    let due = pacer.due(source.now());
    if due > source.now() {
        source.sleep_until(due).await;
    }
    let now = source.now();
    Some(pacer.take(now, first, || source.ready()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn a_quiet_stream_is_handed_on_at_once() {
        let t0 = Instant::now();
        let mut pacer = Pacer::default();
        assert_eq!(pacer.due(t0), t0);
        let batch = pacer.take(t0, 1, || None);
        assert_eq!(batch, vec![1]);
        // Quiet for longer than a period: the next event goes at once too.
        let later = t0 + REFRESH + MS;
        assert_eq!(pacer.due(later), later);
    }

    #[test]
    fn a_busy_stream_waits_for_the_period() {
        let t0 = Instant::now();
        let mut pacer = Pacer::default();
        pacer.take(t0, 1, || None);
        assert_eq!(pacer.due(t0 + MS), t0 + REFRESH);
        assert_eq!(pacer.due(t0 + REFRESH - MS), t0 + REFRESH);
    }

    #[test]
    fn everything_waiting_goes_in_one_batch_and_in_order() {
        let t0 = Instant::now();
        let mut pacer = Pacer::default();
        let mut waiting = 2..100;
        let batch = pacer.take(t0, 1, || waiting.next());
        assert_eq!(batch, (1..100).collect::<Vec<_>>());
    }

    #[test]
    fn a_full_batch_is_followed_at_once() {
        let t0 = Instant::now();
        let mut pacer = Pacer::default();
        let mut waiting = 1..(3 * MAX_BATCH);
        let batch = pacer.take(t0, 0, || waiting.next());
        assert_eq!(batch.len(), MAX_BATCH);
        assert_eq!(
            pacer.due(t0 + MS),
            t0 + MS,
            "a backlog drains without waiting"
        );
        let batch = pacer.take(t0 + MS, MAX_BATCH, || waiting.next());
        assert_eq!(batch[0], MAX_BATCH);
        assert_eq!(batch.len(), MAX_BATCH);
    }
}
