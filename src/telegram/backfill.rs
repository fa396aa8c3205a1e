//! Backfill: complete statistics even for the time nobody had DutyDesk open. For each
//! support chat, history is read back page by page (newest first) to where the chat's
//! last completed backfill got (`store::BackfillMark`), or the first time to a horizon
//! (default 30 days); it is then replayed oldest first into a desk of its own, which logs
//! messages and first replies exactly as the live desk does, through the same idempotent
//! `Store` path: a message the live desk logged already is not counted twice.
//!
//! The rules it keeps:
//! - **Context**: a staff message in the gap may answer a customer who wrote before it, so
//!   when the gap holds one, reading goes on past the mark to the first staff message at or
//!   below it (within the horizon): the replay then knows every unanswered question the
//!   gap's replies ended. A chat with nothing new since its mark costs one request.
//! - **One chat, one transaction**: a chat's rows and its new mark commit together. A crash
//!   mid-backfill leaves each chat done or untouched; the next run reads the untouched ones
//!   again from their old marks: nothing twice, nothing missing.
//! - **Pacing**: at most one history request per `BackfillPlan::pace`; a FLOOD_WAIT
//!   (429 "retry after N") is honoured by waiting N seconds and asking again.
//! - **Only what reached the server**: pending and failed sends are skipped (the live desk
//!   logs a send when it is confirmed).
//!
//! In: a `HistorySource` (the `Session`, or a test's simulator), a `Store`, the plan
//! (chats, who is staff, "no reply needed" marks, horizon, pace) and a `Pacer` (tokio's
//! sleep in the app). Out: `BackfillEvent`s for a progress display, and the final tally.

use std::future::Future;
use std::time::Duration;

use tdlib_rs::enums::{self, MessageSendingState};
use tdlib_rs::{functions, types};

use super::events::TgError;
use super::session::Session;
use super::translate;
use crate::desk::{
    ChatId, ChatKind, Desk, Event, LocalState, MessageId, Role, Settings, StaffRules, SupportFlag,
    UnixTime, UserId,
};
use crate::store::{BackfillMark, Store, StoreError};

/// The first backfill of a chat reads this far back unless told otherwise.
pub const DEFAULT_HORIZON_DAYS: u32 = 30;
/// A FLOOD_WAIT is retried this many times before the chat is given up for this run.
const FLOOD_RETRIES: usize = 8;

/// What to backfill and how.
#[derive(Debug, Clone)]
pub struct BackfillPlan {
    /// The support chats, in the order to fill them.
    pub chats: Vec<ChatId>,
    /// This account (its messages are staff).
    pub own_user: Option<UserId>,
    /// Everyone else who is staff: the duty group's members and the extra staff.
    pub staff: Vec<UserId>,
    /// "No reply needed" marks (`Store::load_local().dismissed`).
    pub dismissed: Vec<(ChatId, MessageId)>,
    /// "Now", for the horizon.
    pub now: UnixTime,
    /// A first backfill reads back this many seconds (and context never further).
    pub horizon_secs: i64,
    /// Messages per history request (TDLib returns at most 100).
    pub page: i32,
    /// At least this long between two history requests.
    pub pace: Duration,
}

impl BackfillPlan {
    pub fn new(chats: Vec<ChatId>, now: UnixTime) -> BackfillPlan {
        BackfillPlan {
            chats,
            own_user: None,
            staff: Vec::new(),
            dismissed: Vec::new(),
            now,
            horizon_secs: i64::from(DEFAULT_HORIZON_DAYS) * 86_400,
            page: 100,
            // TDLib answers from its own database when it can; for the server, a few
            // requests a second stay well clear of FLOOD_WAIT.
            pace: Duration::from_millis(300),
        }
    }
}

/// How far the backfill has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BackfillProgress {
    pub chats_done: usize,
    pub chats_total: usize,
    /// History messages read from Telegram.
    pub messages_read: u64,
    /// Rows the store did not have yet.
    pub rows_logged: u64,
    /// Chats given up in this run (an error other than FLOOD_WAIT); tried again next run.
    pub chats_failed: usize,
}

/// What the window shows while a backfill runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackfillEvent {
    /// After each chat (done or failed).
    Progress(BackfillProgress),
    /// Telegram asked to wait: the backfill sleeps this long, then asks again.
    FloodWait {
        chat: ChatId,
        secs: u64,
    },
    /// A chat could not be read this time.
    ChatFailed {
        chat: ChatId,
        error: TgError,
    },
    Finished(BackfillProgress),
}

/// Where history pages come from.
pub trait HistorySource {
    /// Up to `limit` messages older than `from_message_id` (0: the newest), newest first,
    /// as TDLib's getChatHistory returns them (possibly fewer).
    fn history_page(
        &self,
        chat: ChatId,
        from_message_id: MessageId,
        limit: i32,
    ) -> impl Future<Output = Result<Vec<types::Message>, TgError>>;
}

impl HistorySource for Session {
    async fn history_page(
        &self,
        chat: ChatId,
        from_message_id: MessageId,
        limit: i32,
    ) -> Result<Vec<types::Message>, TgError> {
        let enums::Messages::Messages(page) =
            functions::get_chat_history(chat, from_message_id, 0, limit, false, self.client_id())
                .await?;
        Ok(page.messages.into_iter().flatten().collect())
    }
}

/// How the backfill waits (pacing, FLOOD_WAIT).
pub trait Pacer {
    fn sleep(&mut self, d: Duration) -> impl Future<Output = ()>;
}

/// Waits on tokio's clock (the app).
#[derive(Debug, Default, Clone, Copy)]
pub struct TokioPacer;

impl Pacer for TokioPacer {
    async fn sleep(&mut self, d: Duration) {
        tokio::time::sleep(d).await;
    }
}

/// Backfills every chat of the plan; store errors end the run (they are not Telegram's).
pub async fn run(
    source: &impl HistorySource,
    store: &mut Store,
    plan: &BackfillPlan,
    pacer: &mut impl Pacer,
    report: &mut impl FnMut(BackfillEvent),
) -> Result<BackfillProgress, StoreError> {
    let mut progress = BackfillProgress {
        chats_total: plan.chats.len(),
        ..BackfillProgress::default()
    };
    let mut first_request = true;
    for &chat in &plan.chats {
        let mark = store.backfill_mark(chat)?;
        let read = read_gap(source, plan, chat, mark, pacer, report, &mut first_request).await;
        match read {
            Ok(messages) => {
                progress.messages_read += messages.len() as u64;
                let newest = messages.iter().max_by_key(|m| m.id).map(|m| BackfillMark {
                    chat,
                    message: m.id,
                    date: m.date,
                });
                let events = replay(plan, chat, messages);
                progress.rows_logged += store.append_backfill(&events, newest)? as u64;
            }
            Err(error) => {
                progress.chats_failed += 1;
                report(BackfillEvent::ChatFailed { chat, error });
            }
        }
        progress.chats_done += 1;
        report(BackfillEvent::Progress(progress));
    }
    report(BackfillEvent::Finished(progress));
    Ok(progress)
}

/// A desk that sees only this chat, as a support chat, with the team's staff.
fn replay_desk(plan: &BackfillPlan, chat: ChatId) -> Desk {
    let mut extra_staff = plan.staff.clone();
    extra_staff.extend(plan.own_user);
    let mut desk = Desk::new(Settings {
        own_user: plan.own_user,
        staff: StaffRules {
            duty_group: None,
            extra_staff,
        },
        ..Settings::default()
    });
    desk.load_local(LocalState {
        support_flags: vec![(chat, SupportFlag::Include)],
        dismissed: plan
            .dismissed
            .iter()
            .copied()
            .filter(|d| d.0 == chat)
            .collect(),
        ..LocalState::default()
    });
    desk.apply(
        Event::ChatAdded {
            chat,
            kind: ChatKind::Private,
            title: String::new(),
        },
        plan.now,
    );
    desk
}

/// Replays a chat's gap, oldest first, and returns what the desk logs for it.
fn replay(
    plan: &BackfillPlan,
    chat: ChatId,
    mut messages: Vec<crate::desk::Message>,
) -> Vec<crate::desk::StatEvent> {
    let mut desk = replay_desk(plan, chat);
    messages.sort_by_key(|m| m.id);
    for m in messages {
        desk.apply(Event::HistoryMessage(m), plan.now);
    }
    desk.drain_stats()
}

/// Reads a chat's history back to its mark (plus context) or the horizon, newest first.
async fn read_gap(
    source: &impl HistorySource,
    plan: &BackfillPlan,
    chat: ChatId,
    mark: Option<BackfillMark>,
    pacer: &mut impl Pacer,
    report: &mut impl FnMut(BackfillEvent),
    first_request: &mut bool,
) -> Result<Vec<crate::desk::Message>, TgError> {
    let horizon = plan.now.saturating_sub(plan.horizon_secs);
    let roles = replay_desk(plan, chat);
    let mut out = Vec::new();
    let mut from = 0;
    // Context is needed only if the gap holds a reply.
    let mut gap_has_staff = false;
    loop {
        if !std::mem::take(first_request) {
            pacer.sleep(plan.pace).await;
        }
        let page = request(source, chat, from, plan.page, pacer, report).await?;
        let Some(oldest) = page.last().map(|m| m.id).filter(|&id| id != from) else {
            return Ok(out);
        };
        for m in page.into_iter().filter(|m| m.id != from) {
            if i64::from(m.date) < horizon {
                return Ok(out);
            }
            // Pending and failed sends never reached the server (yet).
            if matches!(
                m.sending_state,
                Some(MessageSendingState::Pending(_) | MessageSendingState::Failed(_))
            ) {
                continue;
            }
            let m = translate::message(m);
            let past_mark = mark.is_some_and(|k| m.id <= k.message);
            let staff = roles.role_of(m.sender, m.outgoing) == Role::Staff;
            if past_mark && !gap_has_staff {
                return Ok(out);
            }
            gap_has_staff |= staff;
            out.push(m);
            if past_mark && staff {
                return Ok(out);
            }
        }
        from = oldest;
    }
}

/// One history request, waiting out FLOOD_WAIT as often as Telegram asks (up to a limit).
async fn request(
    source: &impl HistorySource,
    chat: ChatId,
    from: MessageId,
    limit: i32,
    pacer: &mut impl Pacer,
    report: &mut impl FnMut(BackfillEvent),
) -> Result<Vec<types::Message>, TgError> {
    let mut tries = 0;
    loop {
        match source.history_page(chat, from, limit).await {
            Err(e) if e.code == 429 && tries < FLOOD_RETRIES => {
                let secs = e.retry_after().unwrap_or(1).max(1);
                report(BackfillEvent::FloodWait { chat, secs });
                pacer.sleep(Duration::from_secs(secs)).await;
                tries += 1;
            }
            other => return other,
        }
    }
}

/// The backfill on tokio with a `Session` is a `Send` future: the app can spawn it.
#[allow(dead_code)]
fn spawnable(session: Session, mut store: Store, plan: BackfillPlan) {
    fn send<T: Send>(_: T) {}
    send(async move {
        let mut report = |_: BackfillEvent| {};
        run(&session, &mut store, &plan, &mut TokioPacer, &mut report).await
    });
}
