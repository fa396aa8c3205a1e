//! Reading history in the running app (`telegram::backfill`), so statistics cover the
//! time DutyDesk was closed or offline.
//!
//! When: once the account is ready, the chat list is in and who is staff is known (the
//! duty group's members, or no duty group), and again whenever the connection comes back
//! after being lost. One run at a time: a reconnect during a run starts another after it.
//! How: one Telegram call per support chat (`Request::Chat`), each on a store of its own
//! (the window's keeps writing live traffic; SQLite's WAL and the log's keys keep both
//! exact), paced by `[statistics] backfill_pace_ms` between chats and between pages, a
//! FLOOD_WAIT waited out as Telegram asks. After each chat the progress goes to the
//! window's header line and the Statistics screen, which reads its figures again when the
//! run ends.

use std::collections::{HashSet, VecDeque};
use std::time::{Duration, Instant};

use super::{App, Message};
use crate::desk::ChatId;
use crate::store::StoreFile;
use crate::telegram::backfill::{self, BackfillEvent, BackfillPlan, BackfillProgress, Pacer};
use crate::telegram::{ConnectionState, Session};
use crate::ui::effect::{Effects, telegram};
use crate::ui::features::statistics::{self, BackfillStatus};

/// How often (at most) a running backfill reports its progress.
const PROGRESS_EVERY: Duration = Duration::from_secs(1);

/// The backfill's state in the app.
#[derive(Debug, Default)]
pub(super) struct Backfill {
    /// Chats still to read in this run.
    queue: VecDeque<ChatId>,
    /// Chats read (or given up) in this run: support chats that turn up while it runs (the
    /// chat list still loading) are read after the others.
    done: HashSet<ChatId>,
    /// What every chat of this run is read with (its `chats` empty).
    plan: Option<BackfillPlan>,
    store: Option<StoreFile>,
    status: BackfillStatus,
    /// The chat list is in; the duty group's members are (staff are known once they are,
    /// or at once with no duty group).
    chats_known: bool,
    members_known: bool,
    /// This session's first run has begun (later ones follow reconnects).
    begun: bool,
    /// A reconnect came during a run: another follows it.
    again: bool,
    /// The connection was lost since the last run began.
    lost: bool,
}

#[derive(Debug, Clone)]
pub struct Request {
    pub store: StoreFile,
    /// The chats still to read, in order; as many are read as fit in `budget`.
    pub chats: Vec<ChatId>,
    /// What each chat is read with (its `chats` ignored).
    pub plan: BackfillPlan,
    /// Waited before the first chat (pacing between calls).
    pub pause: Duration,
    /// After this long no further chat is begun: the progress is reported and the app asks
    /// for the rest. The window hears of progress about this often.
    pub budget: Duration,
}

#[derive(Debug, Clone)]
pub struct Reply {
    /// Chats read (or given up) from the front of the request's list.
    pub done: usize,
    pub progress: BackfillProgress,
    /// The store failed: the run ends here.
    pub error: Option<String>,
    /// The longest FLOOD_WAIT Telegram asked for during the call.
    pub flood_secs: Option<u64>,
}

impl telegram::Request for Request {
    type Reply = Reply;

    async fn perform(self, session: Session) -> Reply {
        let mut pacer = AnyPacer;
        let mut reply = Reply {
            done: 0,
            progress: BackfillProgress::default(),
            error: None,
            flood_secs: None,
        };
        if !self.pause.is_zero() {
            pacer.sleep(self.pause).await;
        }
        let mut store = match self.store.open() {
            Ok(store) => store,
            Err(e) => {
                reply.error = Some(e.to_string());
                return reply;
            }
        };
        let started = Instant::now();
        for &chat in &self.chats {
            if reply.done > 0 {
                if started.elapsed() >= self.budget {
                    break;
                }
                pacer.sleep(self.plan.pace).await;
            }
            let plan = BackfillPlan {
                chats: vec![chat],
                ..self.plan.clone()
            };
            let mut flood = None;
            let mut report = |event: BackfillEvent| {
                if let BackfillEvent::FloodWait { secs, .. } = event {
                    flood = flood.max(Some(secs));
                }
            };
            let result = backfill::run(&session, &mut store, &plan, &mut pacer, &mut report).await;
            reply.flood_secs = reply.flood_secs.max(flood);
            match result {
                Ok(one) => {
                    let p = &mut reply.progress;
                    p.chats_done += one.chats_done;
                    p.chats_failed += one.chats_failed;
                    p.messages_read += one.messages_read;
                    p.rows_logged += one.rows_logged;
                    reply.done += 1;
                }
                Err(e) => {
                    reply.error = Some(e.to_string());
                    break;
                }
            }
        }
        reply
    }
}

/// Sleeps on tokio's clock in the window; blocks the thread where there is no runtime (the
/// headless harness runs Telegram calls to completion on its own thread).
#[derive(Debug, Clone, Copy)]
struct AnyPacer;

impl Pacer for AnyPacer {
    async fn sleep(&mut self, d: Duration) {
        if tokio::runtime::Handle::try_current().is_ok() {
            tokio::time::sleep(d).await;
        } else {
            std::thread::sleep(d);
        }
    }
}

impl App {
    /// The chat list is in (and who we are).
    pub(super) fn backfill_chats_known(&mut self) -> Effects<Message> {
        self.backfill.chats_known = true;
        self.backfill_ready()
    }

    /// The duty group's members are in: colleagues' replies count as staff's.
    pub(super) fn backfill_staff_known(&mut self) -> Effects<Message> {
        self.backfill.members_known = true;
        self.backfill_ready()
    }

    /// Starts this session's first run once the chats and the staff are known and the
    /// first support chats are in (the list's updates and the reply saying it is loaded
    /// reach the window by different paths: this is asked again after each batch).
    pub(super) fn backfill_ready(&mut self) -> Effects<Message> {
        let b = &self.backfill;
        // Asked when the question is, not when the chats came: the duty group may be
        // chosen (or guessed, on the demo floor) in between.
        let staff_known = b.members_known || self.core.desk.settings().staff.duty_group.is_none();
        if b.begun || !b.chats_known || !staff_known {
            return Effects::none();
        }
        if self.core.desk.support_chats().is_empty() {
            return Effects::none();
        }
        self.start_backfill()
    }

    /// The connection's new state: back after being lost, history is read again.
    pub(super) fn backfill_connection(&mut self, state: ConnectionState) -> Effects<Message> {
        match state {
            ConnectionState::Ready => {}
            ConnectionState::Updating => return Effects::none(),
            ConnectionState::WaitingForNetwork
            | ConnectionState::Connecting
            | ConnectionState::ConnectingToProxy => {
                self.backfill.lost = true;
                return Effects::none();
            }
        }
        if !self.backfill.begun || !std::mem::take(&mut self.backfill.lost) {
            return Effects::none();
        }
        if self.backfill.status.running {
            self.backfill.again = true;
            return Effects::none();
        }
        self.start_backfill()
    }

    fn start_backfill(&mut self) -> Effects<Message> {
        let config = &self.shell.config.statistics;
        let Some(store) = self.store_file() else {
            return Effects::none();
        };
        if !config.backfill || self.link.session.is_none() {
            return Effects::none();
        }
        let desk = &self.core.desk;
        let now = self.core.clock.now();
        let dismissed = self
            .core
            .store
            .as_ref()
            .and_then(|s| s.load_local().ok())
            .map(|l| l.dismissed)
            .unwrap_or_default();
        let plan = BackfillPlan {
            own_user: self.link.own_user,
            staff: desk.staff_users(),
            dismissed,
            horizon_secs: i64::from(config.backfill_days) * 86_400,
            // The demo floor's Telegram is the simulator in this process: nothing to spare.
            pace: if self.shell.demo {
                Duration::ZERO
            } else {
                Duration::from_millis(config.backfill_pace_ms)
            },
            ..BackfillPlan::new(Vec::new(), now)
        };
        self.backfill.begun = true;
        self.backfill.lost = false;
        self.backfill.status = BackfillStatus {
            progress: BackfillProgress::default(),
            flood_secs: None,
            running: true,
        };
        self.backfill.queue.clear();
        self.backfill.done.clear();
        self.backfill.plan = Some(plan);
        self.backfill.store = Some(store);
        tracing::info!("backfill starts");
        self.next_backfill(true)
    }

    /// The next chats' call, or the end of the run.
    fn next_backfill(&mut self, first: bool) -> Effects<Message> {
        if self.backfill.plan.is_none() {
            return Effects::none();
        }
        if self.backfill.queue.is_empty() {
            // Support chats not read in this run yet (all of them at its start).
            let done = &self.backfill.done;
            let more: Vec<ChatId> = self
                .core
                .desk
                .support_chats()
                .into_iter()
                .filter(|c| !done.contains(c))
                .collect();
            self.backfill.status.progress.chats_total += more.len();
            self.backfill.queue.extend(more);
        }
        if self.backfill.queue.is_empty() {
            return self.backfill_finished();
        }
        let told = if first {
            self.backfill_told()
        } else {
            Effects::none()
        };
        let (Some(plan), Some(store)) = (&self.backfill.plan, &self.backfill.store) else {
            return told;
        };
        let request = Request {
            store: store.clone(),
            chats: self.backfill.queue.iter().copied().collect(),
            plan: plan.clone(),
            pause: if first { Duration::ZERO } else { plan.pace },
            budget: PROGRESS_EVERY,
        };
        told.and(Effects::telegram(request, Message::Backfilled))
    }

    /// Some chats read.
    pub(super) fn backfilled(&mut self, reply: Reply) -> Effects<Message> {
        let status = &mut self.backfill.status;
        let p = &mut status.progress;
        p.chats_done += reply.progress.chats_done;
        p.chats_failed += reply.progress.chats_failed;
        p.messages_read += reply.progress.messages_read;
        p.rows_logged += reply.progress.rows_logged;
        status.flood_secs = reply.flood_secs;
        let queue = &mut self.backfill.queue;
        let read = queue.drain(..reply.done.min(queue.len()));
        self.backfill.done.extend(read);
        if let Some(e) = reply.error {
            // The store is what failed: the other chats would fail alike.
            tracing::warn!(error = %e, "backfill: the store failed");
            p.chats_failed += queue.len();
            p.chats_done += queue.len();
            self.backfill.done.extend(queue.drain(..));
        }
        self.backfill_told().and(self.next_backfill(false))
    }

    fn backfill_finished(&mut self) -> Effects<Message> {
        let progress = self.backfill.status.progress;
        tracing::info!(
            chats = progress.chats_done,
            failed = progress.chats_failed,
            read = progress.messages_read,
            logged = progress.rows_logged,
            "backfill done"
        );
        self.backfill.status.running = false;
        self.backfill.status.flood_secs = None;
        self.backfill.plan = None;
        let told = self.backfill_told();
        if std::mem::take(&mut self.backfill.again) {
            return told.and(self.start_backfill());
        }
        told
    }

    /// The Statistics screen learns how far the backfill has got.
    fn backfill_told(&mut self) -> Effects<Message> {
        let status = self.backfill.status;
        self.route_statistics(statistics::Message::Backfill(status))
    }

    /// How far reading history has got (for the header line and tests).
    pub fn backfill_status(&self) -> BackfillStatus {
        self.backfill.status
    }
}
