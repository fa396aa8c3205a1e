//! The statistics as the app asks for them: a period in the team's days, the settings the
//! figures are computed with (zone, thresholds, business hours), and the query that runs
//! them against a store — what the Statistics screen calls off the window thread and what
//! `dutydesk stats` prints (`command.rs`) as tables and CSV (`report.rs`, words in
//! `words.rs`). The figures themselves are `desk::figures`; the rollups `store::digests`.

pub mod command;
pub mod report;
pub mod words;

use std::collections::HashMap;
use std::sync::Arc;

use crate::config::Config;
use crate::desk::calendar::{CivilDate, Zone};
use crate::desk::figures::{FigureSettings, Figures, MinuteRow, Period, Sla};
use crate::desk::{Settings, UnixTime, UserId};
use crate::store::{Store, StoreError, StoreFile};

/// One request for figures.
#[derive(Debug, Clone)]
pub struct StatsQuery {
    pub period: Period,
    /// "Now": open waits are measured up to here.
    pub as_of: UnixTime,
    pub settings: FigureSettings,
}

/// Staff names by user id, as the store kept them (`Store::staff_names`).
pub type Names = HashMap<UserId, String>;

/// The figures of a query and the live last hour, as the screen shows them, with the names
/// of the admins in them.
#[derive(Debug, Clone)]
pub struct StatsAnswer {
    pub figures: Figures,
    pub last_hour: Vec<MinuteRow>,
    pub names: Names,
}

/// How figures are computed for this team: `zone` if given, else the config's statistics
/// zone; the desk's red and breach thresholds (each chat's tier: `tiered_sla`);
/// the config's business hours, if any (the team's, where its settings give them, are put
/// in by the callers from the desk: `Desk::business_calendar`).
pub fn figure_settings(config: &Config, desk: &Settings, zone: Option<Zone>) -> FigureSettings {
    FigureSettings {
        calendar: config.business_calendar().map(Arc::new),
        ..FigureSettings::new(
            zone.unwrap_or_else(|| config.statistics_zone()),
            Sla::team(desk.red_after_secs, desk.breach_after_secs),
        )
    }
}

/// Each chat's thresholds as the window would hold it to them: the desk settings' SLA,
/// tiers from the team document of the stored checkpoint and from the config's
/// `[toolkit]`, and this admin's tags and tiers on chats from the store (`Desk::sla_map`).
pub fn tiered_sla(config: &Config, desk: &Settings, store: &Store) -> Result<Sla, StoreError> {
    Ok(stored_desk(config, desk, store)?.sla_map().into())
}

/// A desk as the window would start with it: the store's marks and the team's stored
/// checkpoint, the config's toolkit and business hours. What the command line reads the
/// team's tiers and business hours from.
pub fn stored_desk(
    config: &Config,
    desk: &Settings,
    store: &Store,
) -> Result<crate::desk::Desk, StoreError> {
    let mut d = crate::desk::Desk::new(desk.clone());
    d.load_local(store.load_local()?);
    if let Some(group) = desk.staff.duty_group
        && let Some(checkpoint) = store.load_team_checkpoint(group)?
    {
        d.restore_team(checkpoint);
    }
    d.set_personal_toolkit(crate::toolkit::personal(config, false));
    d.set_wait_clock(config.wait_clock());
    Ok(d)
}

/// Local days `first..=last` in `zone`, as a period from the first's start to the start of
/// the day after the last.
pub fn days(zone: &Zone, first: CivilDate, last: CivilDate) -> Period {
    Period::new(zone.day_start(first), zone.day_start(last.next()))
}

/// Runs a query on an open store (it may rebuild the period's changed days first).
pub fn query(store: &mut Store, q: &StatsQuery) -> Result<StatsAnswer, StoreError> {
    Ok(StatsAnswer {
        figures: store.figures(q.period, q.as_of, &q.settings)?,
        last_hour: store.live_minutes(q.as_of)?,
        names: store.staff_names()?,
    })
}

/// Runs a query on a store of its own: for a worker thread (`spawn_blocking`), so the
/// window's store is never held while a year is read.
pub fn query_file(file: &StoreFile, q: &StatsQuery) -> Result<StatsAnswer, StoreError> {
    let mut store = file.open()?;
    query(&mut store, q)
}

/// The last hour alone (the screen refreshes it every minute while open), on a store of its
/// own.
pub fn last_hour_file(file: &StoreFile, as_of: UnixTime) -> Result<Vec<MinuteRow>, StoreError> {
    file.open()?.live_minutes(as_of)
}
