//! The Statistics screen (F9, or the console header's button): the team's load and
//! response times for a period, drawn in the window, exportable as CSV.
//!
//! What it owns: the period picked (today, yesterday, 7 or 30 days, a custom range checked
//! as typed), the last answer with its charts' data and its tables, the live last hour,
//! the admin whose days are shown, the pages of the long tables, and what the export did.
//!
//! What flows in: its widgets' messages; from the app `Opened` (with the store's file),
//! `Tick` (the window's wake-up: the live hour turns over each minute) and `Backfill` (how
//! far reading history has got; when it ends the figures are read again). Answers come
//! back from blocking work (`work::Job`): the query runs on a store of its own
//! (`statistics::query_file`) off the window's thread, so a year never stalls a frame.
//!
//! What flows out: the query, the live hour's query and the CSV export as blocking work;
//! "Open folder" as a browser effect (the `open` crate hands the folder to the desktop);
//! `Event::Back` and `Event::OpenChat` (drill-down: the console opens the chat at the
//! waiting customer's message). The numbers on screen and in every CSV file are the ones
//! `dutydesk stats` prints (`statistics::report::tables`), so they cannot disagree.

mod charts;
pub mod period;
mod tables;
pub mod view;

use crate::desk::calendar::CivilDate;
use crate::desk::figures::{MinuteRow, Period};
use crate::desk::{ChatId, MessageId, Sender, UnixTime};
use crate::statistics::report::{self, Table};
use crate::statistics::{self, StatsAnswer, StatsQuery};
use crate::store::StoreFile;
use crate::telegram::backfill::BackfillProgress;
use crate::ui::effect::{Effects, work};
use crate::ui::feature::{Ctx, Feature, ViewCtx};
use charts::ChartData;
use iced::Element;
use iced::keyboard::key::Named;
use iced::keyboard::{Key, Modifiers};
pub use period::Choice;
use std::path::PathBuf;

pub const FROM_ID: &str = "statistics-from";
pub const TO_ID: &str = "statistics-to";
/// Rows of the per-day tables shown at once (a month; the rest by Earlier / Later).
pub const PAGE_ROWS: usize = 31;

#[derive(Debug, Clone)]
pub enum Message {
    /// From the app: the screen is shown; the store the figures are read from.
    Opened {
        store: Option<StoreFile>,
    },
    Period(Choice),
    From(String),
    To(String),
    Refresh,
    Answered {
        asked: u64,
        result: Result<Box<StatsAnswer>, String>,
    },
    /// From the app: the window woke (the live hour may have turned over a minute).
    Tick,
    LiveAnswered {
        asked: u64,
        result: Result<Vec<MinuteRow>, String>,
    },
    /// Whose days the response chart and the per-admin-day table show (`None`: the team).
    Admin(Option<Sender>),
    /// Earlier (-1) or later (+1) pages of the per-day tables.
    DaysPage(i32),
    AdminDaysPage(i32),
    Export,
    Exported(Result<Vec<PathBuf>, String>),
    OpenFolder,
    FolderOpened(Result<(), String>),
    /// A longest wait clicked: its chat, at the message that started it.
    OpenWait {
        chat: ChatId,
        message: Option<MessageId>,
    },
    Back,
    /// From the app: how far reading history has got.
    Backfill(BackfillStatus),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Back,
    OpenChat {
        chat: ChatId,
        message: Option<MessageId>,
    },
}

/// Reading history in the background (the app's backfill), as shown here and in the
/// window's header line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BackfillStatus {
    pub progress: BackfillProgress,
    /// Telegram asked to wait this long (seconds) before the next page.
    pub flood_secs: Option<u64>,
    pub running: bool,
}

/// One answer, with what the screen draws from it.
pub struct Loaded {
    pub asked: u64,
    pub query: StatsQuery,
    pub days: (CivilDate, CivilDate),
    pub answer: StatsAnswer,
    /// The tables shown whole, as `dutydesk stats` prints them.
    pub summary: Table,
    pub admins: Table,
    pub longest: Table,
    /// The per-day tables' columns. Their rows are built a page at a time when drawn
    /// (`report::day_row`, `report::admin_day_row`): a year has thousands.
    pub day_columns: Vec<(&'static str, String)>,
    pub admin_day_columns: Vec<(&'static str, String)>,
    pub charts: ChartData,
}

/// What the export did last.
#[derive(Debug, Clone, PartialEq)]
pub enum Export {
    Saved { folder: PathBuf, files: usize },
    Failed(String),
}

#[derive(Default)]
pub struct Statistics {
    choice: Choice,
    from: String,
    to: String,
    store: Option<StoreFile>,
    /// Bumped by every query: an answer to an older one is dropped.
    asked: u64,
    /// The newest query and its days, while its answer is awaited.
    pending: Option<(StatsQuery, (CivilDate, CivilDate))>,
    loaded: Option<Box<Loaded>>,
    error: Option<String>,
    live: Vec<MinuteRow>,
    live_asked: u64,
    /// The minute the live hour was last read for.
    live_minute: Option<UnixTime>,
    admin: Option<Sender>,
    days_page: Option<usize>,
    admin_days_page: Option<usize>,
    export: Option<Export>,
    folder_error: Option<String>,
    backfill: BackfillStatus,
}

impl Feature for Statistics {
    type Message = Message;
    type Event = Event;

    fn update(&mut self, message: Message, ctx: Ctx<'_>) -> (Effects<Message>, Option<Event>) {
        let effects = match message {
            Message::Back => return (Effects::none(), Some(Event::Back)),
            Message::OpenWait { chat, message } => {
                return (Effects::none(), Some(Event::OpenChat { chat, message }));
            }
            Message::Opened { store } => {
                self.store = store;
                self.ask(&ctx)
            }
            Message::Period(choice) => {
                self.choice = choice;
                self.ask(&ctx)
            }
            Message::From(text) => {
                self.from = text;
                self.ask_custom(&ctx)
            }
            Message::To(text) => {
                self.to = text;
                self.ask_custom(&ctx)
            }
            Message::Refresh => self.ask(&ctx),
            Message::Answered { asked, result } => {
                self.answered(asked, result);
                Effects::none()
            }
            Message::Tick => self.live_due(ctx.now),
            Message::LiveAnswered { asked, result } => {
                if asked == self.live_asked
                    && let Ok(rows) = result
                {
                    self.live = rows;
                    if let Some(loaded) = &mut self.loaded {
                        loaded.charts.set_live(&self.live, self.live_asked);
                    }
                }
                Effects::none()
            }
            Message::Admin(admin) => {
                self.admin = admin;
                self.admin_days_page = None;
                if let Some(loaded) = &mut self.loaded {
                    loaded.charts.set_response(&loaded.answer.figures, admin);
                }
                Effects::none()
            }
            Message::DaysPage(step) => {
                self.days_page = self.page(self.days_page, step, tables::day_rows(self));
                Effects::none()
            }
            Message::AdminDaysPage(step) => {
                let total = tables::admin_day_rows(self).len();
                self.admin_days_page = self.page(self.admin_days_page, step, total);
                Effects::none()
            }
            Message::Export => self.export(&ctx),
            Message::Exported(result) => {
                self.export = Some(match result {
                    Ok(files) => Export::Saved {
                        folder: exports_folder(&ctx),
                        files: files.len(),
                    },
                    Err(e) => Export::Failed(e),
                });
                Effects::none()
            }
            Message::OpenFolder => {
                self.folder_error = None;
                let folder = exports_folder(&ctx).display().to_string();
                Effects::browser(folder, Message::FolderOpened)
            }
            Message::FolderOpened(result) => {
                self.folder_error = result.err();
                Effects::none()
            }
            Message::Backfill(status) => {
                let finished = self.backfill.running && !status.running;
                self.backfill = status;
                // What history added is in the figures only once read again.
                if finished && self.store.is_some() {
                    self.ask(&ctx)
                } else {
                    Effects::none()
                }
            }
        };
        (effects, None)
    }

    fn view<'a>(&'a self, ctx: ViewCtx<'a>) -> Element<'a, Message> {
        view::view(self, ctx)
    }

    fn shortcut(&self, key: &Key, modifiers: Modifiers) -> Option<Message> {
        match key {
            Key::Named(Named::Escape | Named::F9) => Some(Message::Back),
            Key::Named(Named::F5) => Some(Message::Refresh),
            Key::Character(c) if modifiers.command() && c.as_str().eq_ignore_ascii_case("r") => {
                Some(Message::Refresh)
            }
            _ => None,
        }
    }
}

impl Statistics {
    pub fn new() -> Statistics {
        Statistics::default()
    }

    pub fn choice(&self) -> Choice {
        self.choice
    }

    /// The answer shown, if any.
    pub fn loaded(&self) -> Option<&Loaded> {
        self.loaded.as_deref()
    }

    /// A query is out and its answer not in yet.
    pub fn loading(&self) -> bool {
        self.pending.is_some()
    }

    /// The period of the query whose answer is awaited.
    pub fn pending_period(&self) -> Option<Period> {
        self.pending.as_ref().map(|(q, _)| q.period)
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn export_state(&self) -> Option<&Export> {
        self.export.as_ref()
    }

    pub fn backfill(&self) -> BackfillStatus {
        self.backfill
    }

    pub fn live(&self) -> &[MinuteRow] {
        &self.live
    }

    /// What is wrong with the custom range as typed, if anything.
    pub fn range_error(&self) -> Option<period::RangeError> {
        (self.choice == Choice::Custom)
            .then(|| period::custom(&self.from, &self.to).err())
            .flatten()
    }

    /// The query for the period chosen, as of now; `None` while a custom range is
    /// incomplete or wrong.
    pub fn query(&self, ctx: &Ctx<'_>) -> Option<(StatsQuery, (CivilDate, CivilDate))> {
        let mut settings = statistics::figure_settings(ctx.config, ctx.desk.settings(), None);
        // Each chat held to its own tier's thresholds, as the desk holds it (and as
        // `dutydesk stats` reads them from the store).
        settings.sla = ctx.desk.sla_map().into();
        // The team's business hours when its settings give them, else the config's.
        settings.calendar = ctx.desk.business_calendar();
        let today = period::today(&settings.zone, ctx.now);
        let days = period::days(self.choice, today, &self.from, &self.to)?;
        Some((
            StatsQuery {
                period: period::period(&settings.zone, days),
                as_of: ctx.now,
                settings,
            },
            days,
        ))
    }

    fn ask_custom(&mut self, ctx: &Ctx<'_>) -> Effects<Message> {
        if self.choice == Choice::Custom {
            self.ask(ctx)
        } else {
            Effects::none()
        }
    }

    /// Reads the figures of the period chosen (and the live hour) off the window's thread.
    fn ask(&mut self, ctx: &Ctx<'_>) -> Effects<Message> {
        let Some(store) = self.store.clone() else {
            self.error = Some(i18n::t!("statistics-no-store"));
            return Effects::none();
        };
        let Some((query, days)) = self.query(ctx) else {
            return Effects::none();
        };
        self.asked += 1;
        self.error = None;
        self.live_minute = Some(minute(ctx.now));
        self.pending = Some((query.clone(), days));
        let asked = self.asked;
        let run = move || Message::Answered {
            asked,
            result: statistics::query_file(&store, &query)
                .map(Box::new)
                .map_err(|e| e.to_string()),
        };
        Effects::work(work::Job::new("statistics query", run, move |e| {
            Message::Answered {
                asked,
                result: Err(e),
            }
        }))
    }

    /// An answer to the newest query: shown, with its tables and charts' data built once.
    fn answered(&mut self, asked: u64, result: Result<Box<StatsAnswer>, String>) {
        if asked != self.asked {
            return;
        }
        let Some((query, days)) = self.pending.take() else {
            return;
        };
        match result {
            Ok(answer) => {
                let answer = *answer;
                let (f, zone) = (&answer.figures, &query.settings.zone);
                let summary = report::summary(f, zone, query.settings.sla.default);
                let admins = report::admins(f, &answer.names);
                let longest = report::longest(f, zone, &answer.names);
                self.live.clone_from(&answer.last_hour);
                // The admin picked stays if they are in this period too.
                let admin = self
                    .admin
                    .filter(|a| answer.figures.admins.iter().any(|r| r.responder == *a));
                self.admin = admin;
                let mut charts =
                    ChartData::new(&answer.figures, &query.settings.zone, admin, asked);
                // The answer's own last hour, drawn at once (not only a minute later).
                charts.set_live(&self.live, self.live_asked);
                self.days_page = None;
                self.admin_days_page = None;
                self.loaded = Some(Box::new(Loaded {
                    asked,
                    query,
                    days,
                    answer,
                    summary,
                    admins,
                    longest,
                    day_columns: report::day_columns(),
                    admin_day_columns: report::admin_day_columns(),
                    charts,
                }));
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// The live hour, read again once a minute has turned over since it was last read.
    fn live_due(&mut self, now: UnixTime) -> Effects<Message> {
        let (Some(store), Some(_)) = (self.store.clone(), &self.loaded) else {
            return Effects::none();
        };
        if self.live_minute.is_some_and(|m| m >= minute(now)) {
            return Effects::none();
        }
        self.live_minute = Some(minute(now));
        self.live_asked += 1;
        let asked = self.live_asked;
        let run = move || Message::LiveAnswered {
            asked,
            result: statistics::last_hour_file(&store, now).map_err(|e| e.to_string()),
        };
        Effects::work(work::Job::new("statistics live hour", run, move |e| {
            Message::LiveAnswered {
                asked,
                result: Err(e),
            }
        }))
    }

    /// A table page moved by `step` (`None`: the last page, where the newest days are).
    fn page(&self, page: Option<usize>, step: i32, rows: usize) -> Option<usize> {
        let pages = rows.div_ceil(PAGE_ROWS).max(1);
        let current = page.unwrap_or(pages - 1) as i64;
        let next = (current + i64::from(step)).clamp(0, pages as i64 - 1) as usize;
        (next != pages - 1).then_some(next)
    }

    /// Writes every table of the answer shown as CSV into the data folder's `exports/`.
    fn export(&mut self, ctx: &Ctx<'_>) -> Effects<Message> {
        let Some(loaded) = &self.loaded else {
            return Effects::none();
        };
        let (first, last) = loaded.days;
        let base = exports_folder(ctx).join(format!("dutydesk-stats-{first}-{last}.csv"));
        // Every row of every table, built on the worker: the screen holds only what it shows.
        let figures = loaded.answer.figures.clone();
        let names = loaded.answer.names.clone();
        let zone = loaded.query.settings.zone.clone();
        let thresholds = loaded.query.settings.sla.default;
        let run = move || {
            let tables = report::tables(&figures, &zone, thresholds, &names);
            Message::Exported(
                report::write_csv(&base, &tables)
                    .map_err(|e| i18n::t!("statistics-export-failed", error = e.to_string())),
            )
        };
        Effects::work(work::Job::new("statistics export", run, |e| {
            Message::Exported(Err(e))
        }))
    }
}

fn minute(t: UnixTime) -> UnixTime {
    t - t.rem_euclid(60)
}

fn exports_folder(ctx: &Ctx<'_>) -> PathBuf {
    ctx.paths.data_dir.join("exports")
}
