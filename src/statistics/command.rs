//! `dutydesk stats --from DATE --to DATE [--csv FILE] [--tz ZONE]`: the figures of the
//! Statistics screen for local days `--from..=--to`, printed as tables; with `--csv`, each
//! table also as `<FILE stem>-<table>.csv` beside FILE (summary, admins, days, admin-days,
//! hours, heatmap, longest).

use std::io::Write;
use std::path::PathBuf;

use i18n::t;

use super::{StatsQuery, figure_settings, report, words};
use crate::config::Config;
use crate::desk::calendar::{Zone, parse_date};
use crate::desk::figures::Figures;
use crate::paths::Paths;
use crate::store::Store;

#[derive(Debug, Clone, clap::Args)]
pub struct StatsArgs {
    /// First day, YYYY-MM-DD, in the statistics' time zone.
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Last day, YYYY-MM-DD, included.
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// Also write every table as CSV, one file each: FILE's stem + -summary.csv, -admins.csv,
    /// -days.csv, -admin-days.csv, -hours.csv, -heatmap.csv, -longest.csv, beside FILE.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// The zone days and hours are in (IANA name, e.g. Europe/Berlin). Default: the
    /// config's [statistics] or [business_hours] time_zone, else UTC.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// How many of the longest waits to list.
    #[arg(long, default_value_t = 20)]
    pub longest: usize,
    /// The store to read instead of the data directory's (tests, copies).
    #[arg(long, hide = true)]
    pub store: Option<PathBuf>,
    /// "Now" in unix seconds instead of the clock (tests).
    #[arg(long, hide = true)]
    pub now: Option<i64>,
}

/// Everything the command computed, for tests: the figures and the tables printed.
pub struct StatsRun {
    pub figures: Figures,
    pub tables: Vec<report::Table>,
    pub text: String,
    pub csv_files: Vec<PathBuf>,
}

/// Computes and writes the statistics; the text goes to `out`.
pub fn run(
    paths: &Paths,
    args: &StatsArgs,
    out: &mut dyn Write,
) -> Result<StatsRun, Box<dyn std::error::Error>> {
    let config = Config::load_with_env(paths)?;
    let zone = match &args.tz {
        Some(name) => {
            Some(Zone::named(name).ok_or_else(|| t!("stats-error-tz", value = name.as_str()))?)
        }
        None => None,
    };
    let from =
        parse_date(&args.from).map_err(|_| t!("stats-error-from", value = args.from.as_str()))?;
    let to = parse_date(&args.to).map_err(|_| t!("stats-error-to", value = args.to.as_str()))?;
    if to < from {
        let (from, to) = (from.to_string(), to.to_string());
        return Err(t!("stats-error-order", from = from, to = to).into());
    }
    let path = args
        .store
        .clone()
        .unwrap_or_else(|| paths.store_file.clone());
    if !path.exists() {
        return Err(t!("stats-error-no-store", path = path.display().to_string()).into());
    }
    let mut store = Store::open(&path)?;
    let desk = store.load_settings()?.unwrap_or_default();
    let mut settings = figure_settings(&config, &desk, zone);
    let stored = super::stored_desk(&config, &desk, &store)?;
    settings.sla = stored.sla_map().into();
    // The team's business hours (its stored settings) win over the config's, as on screen.
    settings.calendar = stored.business_calendar();
    settings.longest = args.longest;
    let q = StatsQuery {
        period: super::days(&settings.zone, from, to),
        as_of: args.now.unwrap_or_else(|| chrono::Utc::now().timestamp()),
        settings,
    };
    let answer = super::query(&mut store, &q)?;
    let tables = report::tables(
        &answer.figures,
        &q.settings.zone,
        q.settings.sla.default,
        &answer.names,
    );
    let text = report::render_text(&answer.figures, &tables);
    out.write_all(text.as_bytes())?;
    let mut csv_files = Vec::new();
    if let Some(base) = &args.csv {
        csv_files = report::write_csv(base, &tables).map_err(|e| {
            t!(
                "stats-error-csv",
                path = base.display().to_string(),
                error = e.to_string()
            )
        })?;
        for f in &csv_files {
            writeln!(out, "{}", words::wrote_csv(f))?;
        }
    }
    Ok(StatsRun {
        figures: answer.figures,
        tables,
        text,
        csv_files,
    })
}
