//! The TOML config file: account credentials (the user's own api_id/api_hash), UI
//! preferences and message settings. Desk settings (SLA, damping, support rules, staff)
//! live in the store, per account.
//!
//! Unknown keys are errors, not warnings: the app must never run on a setting the user
//! believes is active but that was silently ignored.
//!
//! `[[trackers]]` entries are the tracker crate's `TrackerConfig`; their checks are the
//! crate's, their errors are placed here like every other key (`trackers[2].base_url`,
//! counted from 1 in the file's order).

use std::path::{Path, PathBuf};

use i18n::t;
use serde::{Deserialize, Serialize};

use crate::desk;
use crate::paths::Paths;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub telegram: TelegramConfig,
    pub ui: UiConfig,
    pub notifications: NotificationConfig,
    pub messages: MessageConfig,
    /// The tray and what closing the window does.
    pub desktop: DesktopConfig,
    /// The proxy TDLib connects through (its password or secret is in the OS keyring).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy: Option<crate::proxy::ProxyConfig>,
    /// The team's task trackers, in the file's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trackers: Vec<tracker::TrackerConfig>,
    pub statistics: StatisticsConfig,
    /// The team's business hours; without them waits count around the clock. (Moves to the
    /// team settings in the duty group once those exist.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_hours: Option<BusinessHoursConfig>,
    /// This admin's own toolkit (quick replies, tags, tiers, guards, alerts chats, the
    /// masking switch), merged after the team's; read by `desk::toolkit::document`.
    #[serde(skip_serializing_if = "toml::Table::is_empty")]
    pub toolkit: toml::Table,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StatisticsConfig {
    /// The zone the statistics' days and hours are in (an IANA name); the business
    /// hours' zone, else UTC, when unset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// How far back the first backfill of a support chat reads, in days.
    pub backfill_days: u32,
    /// Read support chats' history in the background after login and on reconnect, so
    /// statistics cover the time DutyDesk was closed.
    pub backfill: bool,
    /// At least this long between two history requests of the backfill, in milliseconds.
    pub backfill_pace_ms: u64,
}

impl Default for StatisticsConfig {
    fn default() -> Self {
        StatisticsConfig {
            time_zone: None,
            backfill_days: 30,
            backfill: true,
            backfill_pace_ms: 300,
        }
    }
}

/// `[business_hours]`: a zone, ranges per weekday (`["09:00-13:00", "14:00-18:00"]`; a day
/// left out is closed) and holidays (`["2026-12-25"]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BusinessHoursConfig {
    pub time_zone: String,
    pub monday: Vec<String>,
    pub tuesday: Vec<String>,
    pub wednesday: Vec<String>,
    pub thursday: Vec<String>,
    pub friday: Vec<String>,
    pub saturday: Vec<String>,
    pub sunday: Vec<String>,
    pub holidays: Vec<String>,
}

/// The weekday keys of `[business_hours]`, Monday first.
const WEEKDAY_KEYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl BusinessHoursConfig {
    /// The calendar, or the first problem and its key.
    pub fn calendar(&self) -> Result<desk::BusinessCalendar, (String, Problem)> {
        let key = |k: &str| format!("business_hours.{k}");
        let zone = desk::Zone::named(&self.time_zone).ok_or_else(|| {
            (
                key("time_zone"),
                Problem::NotATimeZone(self.time_zone.clone()),
            )
        })?;
        let days = [
            &self.monday,
            &self.tuesday,
            &self.wednesday,
            &self.thursday,
            &self.friday,
            &self.saturday,
            &self.sunday,
        ];
        let mut week = desk::WeekHours::closed();
        for (i, (ranges, name)) in days.into_iter().zip(WEEKDAY_KEYS).enumerate() {
            let parsed = ranges
                .iter()
                .map(|r| {
                    desk::calendar::parse_hours(r)
                        .map_err(|_| (key(name), Problem::NotARange(r.clone())))
                })
                .collect::<Result<Vec<_>, _>>()?;
            week.set(i, parsed)
                .map_err(|_| (key(name), Problem::RangesOverlap(ranges.join(", "))))?;
        }
        if week.is_closed() {
            return Err((key("monday"), Problem::NoOpeningHours));
        }
        let holidays = self
            .holidays
            .iter()
            .map(|d| {
                desk::calendar::parse_date(d)
                    .map_err(|_| (key("holidays"), Problem::NotADate(d.clone())))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(desk::BusinessCalendar::new(zone, week, holidays))
    }
}

impl Config {
    /// The business-hours calendar, if configured (the config was validated on load).
    pub fn business_calendar(&self) -> Option<desk::BusinessCalendar> {
        self.business_hours.as_ref().and_then(|b| b.calendar().ok())
    }

    /// How the live list measures waits for red and breach: in business hours when they
    /// are configured, else around the clock.
    pub fn wait_clock(&self) -> desk::WaitClock {
        match self.business_calendar() {
            Some(calendar) => desk::WaitClock::Business(std::sync::Arc::new(calendar)),
            None => desk::WaitClock::AroundTheClock,
        }
    }

    /// The statistics' zone: `[statistics] time_zone`, else the business hours' zone,
    /// else UTC.
    pub fn statistics_zone(&self) -> desk::Zone {
        self.statistics
            .time_zone
            .as_deref()
            .and_then(desk::Zone::named)
            .or_else(|| self.business_calendar().map(|c| c.zone().clone()))
            .unwrap_or_else(desk::Zone::utc)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TelegramConfig {
    /// From my.telegram.org; `DUTYDESK_API_ID` overrides it.
    pub api_id: Option<i32>,
    /// From my.telegram.org; `DUTYDESK_API_HASH` overrides it.
    pub api_hash: Option<String>,
    /// An explicit libtdjson path; `DUTYDESK_TDJSON` overrides it.
    pub tdjson: Option<PathBuf>,
    /// The phone number last logged in with, naming the account folder.
    pub account: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UiConfig {
    /// "auto" follows the OS; "light", "dark", "high-contrast", or a user theme's file stem.
    pub theme: String,
    pub scale: f32,
    /// "auto" follows the OS's preferred languages; else a language code ("en", "ru").
    /// A code without a catalog shows English, with a notice in the log.
    /// `DUTYDESK_LANGUAGE` overrides it.
    pub language: String,
}

impl TelegramConfig {
    /// The account's name, for its data folder and its keyring entry: the phone number
    /// last logged in with, or "main" until there is one. Start-up and `doctor` must agree
    /// on it, or `doctor` would check another account's key.
    pub fn account_name(&self) -> String {
        self.account.clone().unwrap_or_else(|| "main".into())
    }
}

impl Default for UiConfig {
    fn default() -> Self {
        UiConfig {
            theme: "auto".into(),
            scale: 1.0,
            language: "auto".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NotificationConfig {
    pub enabled: bool,
    pub new_message: bool,
    pub turned_red: bool,
    pub breach: bool,
    /// A team alarm plays the alarm sound (`crate::sound`).
    pub alarm_sound: bool,
    /// A chat turning red plays the red sound.
    pub red_sound: bool,
    /// A breach plays the breach sound.
    pub breach_sound: bool,
    /// The sounds' loudness, 0–100.
    pub volume: u8,
    /// `"22:00-07:00"`: no sound between these local times; empty: none.
    pub quiet_hours: String,
}

impl Default for NotificationConfig {
    fn default() -> Self {
        NotificationConfig {
            enabled: true,
            new_message: true,
            turned_red: true,
            breach: true,
            alarm_sound: true,
            red_sound: true,
            breach_sound: true,
            volume: 70,
            quiet_hours: String::new(),
        }
    }
}

/// `[desktop]`: the tray icon, and what closing the window does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DesktopConfig {
    /// Show a tray icon where the desktop has a tray.
    pub tray: bool,
    /// Closing the window keeps DutyDesk running in the tray (when there is one).
    pub close_to_tray: bool,
}

impl Default for DesktopConfig {
    fn default() -> Self {
        DesktopConfig {
            tray: true,
            close_to_tray: false,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MessageConfig {
    /// Off by default: the original client's "don't create link previews".
    pub link_previews: bool,
    /// Off by default: DutyDesk never sends "typing…" unless the admin enables it.
    pub send_typing: bool,
}

/// A config file that could not be used, with where the problem is. Said in the current
/// language when shown (file, line and key are the same in every language).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Invalid {
        path: PathBuf,
        line: usize,
        key: String,
        problem: Problem,
    },
    /// An environment variable that overrides a key (`DUTYDESK_API_ID`).
    Environment { name: String, problem: Problem },
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The TOML parser's own description (a syntax error, a wrong type, an unknown key),
    /// which it gives in English.
    Syntax(String),
    ScaleOutOfRange(f32),
    NoTheme,
    NotALanguage,
    ApiHash,
    ApiId,
    NotANumber(String),
    /// A `[[trackers]]` entry's field breaks one of the tracker crate's rules.
    Tracker(tracker::Rule),
    /// Two trackers with the same name (it names a tracker's keyring entry).
    TrackerNameTaken(String),
    /// A `[proxy]` key breaks one of the proxy's rules.
    Proxy(crate::proxy::Rule),
    /// `[statistics]` or `[business_hours]`: not an IANA zone name.
    NotATimeZone(String),
    /// `[business_hours]`: not an `HH:MM-HH:MM` range of one day.
    NotARange(String),
    /// `[business_hours]`: a weekday's ranges overlap.
    RangesOverlap(String),
    /// `[business_hours]`: not a `YYYY-MM-DD` date.
    NotADate(String),
    /// `[business_hours]` with no weekday open.
    NoOpeningHours,
    /// `[notifications] volume` above 100.
    Volume(u8),
    /// `[notifications] quiet_hours` not `HH:MM-HH:MM`.
    QuietHours(String),
    /// A `[toolkit]` key (a template naming an unknown variable, a bad colour, …).
    Toolkit(crate::desk::toolkit::document::ToolkitProblem),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ConfigError::Read { path, source } => t!(
                "config-error-read",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            ConfigError::Invalid {
                path,
                line,
                key,
                problem,
            } => t!(
                "config-error-at",
                path = path.display().to_string(),
                line = *line,
                key = key.as_str(),
                problem = problem.to_string()
            ),
            ConfigError::Environment { name, problem } => t!(
                "config-error-environment",
                name = name.as_str(),
                problem = problem.to_string()
            ),
            ConfigError::Write { path, source } => t!(
                "config-error-write",
                path = path.display().to_string(),
                error = source.to_string()
            ),
        };
        f.write_str(&text)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Problem::Syntax(message) => return f.write_str(message),
            // As written in the file: "9", "0.25".
            Problem::ScaleOutOfRange(scale) => {
                t!("config-problem-scale", scale = scale.to_string())
            }
            Problem::NoTheme => t!("config-problem-theme"),
            Problem::NotALanguage => t!("config-problem-language"),
            Problem::ApiHash => t!("config-problem-api-hash"),
            Problem::ApiId => t!("config-problem-api-id"),
            Problem::NotANumber(value) => {
                t!("config-problem-not-a-number", value = value.as_str())
            }
            Problem::Tracker(rule) => return rule.fmt(f),
            Problem::TrackerNameTaken(name) => {
                t!("config-problem-tracker-name-taken", name = name.as_str())
            }
            Problem::Proxy(rule) => return rule.fmt(f),
            Problem::NotATimeZone(value) => {
                t!("config-problem-time-zone", value = value.as_str())
            }
            Problem::NotARange(value) => t!("config-problem-hours", value = value.as_str()),
            Problem::RangesOverlap(value) => {
                t!("config-problem-hours-overlap", value = value.as_str())
            }
            Problem::NotADate(value) => t!("config-problem-date", value = value.as_str()),
            Problem::NoOpeningHours => t!("config-problem-no-hours"),
            Problem::Volume(value) => t!("config-problem-volume", value = *value),
            Problem::QuietHours(value) => {
                t!("config-problem-quiet-hours", value = value.as_str())
            }
            Problem::Toolkit(problem) => crate::toolkit::describe(problem),
        };
        f.write_str(&text)
    }
}

impl Config {
    /// Loads the config file; a missing file is the default config.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.into(),
                    source,
                });
            }
        };
        Config::parse(&text, path)
    }

    /// Parses config text; `path` is only used to name the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            let (line, key) = locate(text, offset);
            ConfigError::Invalid {
                path: path.into(),
                line,
                key,
                problem: Problem::Syntax(e.message().trim().to_string()),
            }
        })?;
        config.validate(text, path)?;
        Ok(config)
    }

    fn validate(&self, text: &str, path: &Path) -> Result<(), ConfigError> {
        let invalid = |key: &str, problem: Problem| {
            let line = line_of_key(text, key).unwrap_or(1);
            ConfigError::Invalid {
                path: path.into(),
                line,
                key: key.into(),
                problem,
            }
        };
        if !(0.5..=3.0).contains(&self.ui.scale) {
            return Err(invalid("ui.scale", Problem::ScaleOutOfRange(self.ui.scale)));
        }
        if self.ui.theme.trim().is_empty() {
            return Err(invalid("ui.theme", Problem::NoTheme));
        }
        if !i18n::valid_setting(self.ui.language.trim()) {
            return Err(invalid("ui.language", Problem::NotALanguage));
        }
        if let Some(hash) = &self.telegram.api_hash
            && (hash.len() != 32 || !hash.chars().all(|c| c.is_ascii_hexdigit()))
        {
            return Err(invalid("telegram.api_hash", Problem::ApiHash));
        }
        if let Some(id) = self.telegram.api_id
            && id <= 0
        {
            return Err(invalid("telegram.api_id", Problem::ApiId));
        }
        if let Some(Err((key, rule))) = self.proxy.as_ref().map(|p| p.validate()) {
            return Err(invalid(&format!("proxy.{key}"), Problem::Proxy(rule)));
        }
        if let Some(zone) = &self.statistics.time_zone
            && desk::Zone::named(zone).is_none()
        {
            return Err(invalid(
                "statistics.time_zone",
                Problem::NotATimeZone(zone.clone()),
            ));
        }
        let n = &self.notifications;
        if n.volume > 100 {
            return Err(invalid("notifications.volume", Problem::Volume(n.volume)));
        }
        if let Err(e) = crate::sound::QuietHours::parse(&n.quiet_hours) {
            return Err(invalid(
                "notifications.quiet_hours",
                Problem::QuietHours(e.0),
            ));
        }
        if let Some(Err((key, problem))) = self.business_hours.as_ref().map(|b| b.calendar()) {
            return Err(invalid(&key, problem));
        }
        if !self.toolkit.is_empty() {
            crate::toolkit::validate(text, path)?;
        }
        self.validate_trackers(text, path)
    }

    /// Each tracker's own checks, then names that are unique (they name keyring entries).
    fn validate_trackers(&self, text: &str, path: &Path) -> Result<(), ConfigError> {
        let invalid = |index: usize, field: &str, problem: Problem| ConfigError::Invalid {
            path: path.into(),
            line: line_of_array_key(text, "trackers", index, field).unwrap_or(1),
            key: format!("trackers[{}].{field}", index + 1),
            problem,
        };
        for (i, t) in self.trackers.iter().enumerate() {
            t.validate()
                .map_err(|p| invalid(i, &p.field, Problem::Tracker(p.rule)))?;
            if self.trackers[..i]
                .iter()
                .any(|other| other.name.trim().eq_ignore_ascii_case(t.name.trim()))
            {
                let taken = Problem::TrackerNameTaken(t.name.trim().to_string());
                return Err(invalid(i, "name", taken));
            }
        }
        Ok(())
    }

    /// Loads the config for `paths`, then applies the environment overrides.
    pub fn load_with_env(paths: &Paths) -> Result<Config, ConfigError> {
        let mut config = Config::load(&paths.config_file)?;
        let env_err = |name: &str, problem: Problem| ConfigError::Environment {
            name: name.into(),
            problem,
        };
        if let Ok(id) = std::env::var("DUTYDESK_API_ID") {
            let id = id
                .trim()
                .parse::<i32>()
                .map_err(|_| env_err("DUTYDESK_API_ID", Problem::NotANumber(id.clone())))?;
            config.telegram.api_id = Some(id);
        }
        // Scripts and tests that read DutyDesk's output pin its language with this.
        if let Ok(language) = std::env::var("DUTYDESK_LANGUAGE") {
            let language = language.trim().to_string();
            if !i18n::valid_setting(&language) {
                return Err(env_err("DUTYDESK_LANGUAGE", Problem::NotALanguage));
            }
            config.ui.language = language;
        }
        if let Ok(hash) = std::env::var("DUTYDESK_API_HASH") {
            config.telegram.api_hash = Some(hash.trim().to_string());
        }
        if let Some(lib) = std::env::var_os("DUTYDESK_TDJSON").filter(|v| !v.is_empty()) {
            config.telegram.tdjson = Some(PathBuf::from(lib));
        }
        Ok(config)
    }

    /// Writes the config atomically (a temporary file renamed over the old one), so a
    /// crash mid-write never leaves a truncated config behind.
    pub fn save(&self, paths: &Paths) -> Result<(), ConfigError> {
        let path = &paths.config_file;
        let write_err = |source| ConfigError::Write {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(&paths.config_dir).map_err(write_err)?;
        let text = toml::to_string_pretty(self).expect("config serializes to TOML");
        let tmp = path.with_extension("toml.tmp");
        std::fs::write(&tmp, text).map_err(write_err)?;
        std::fs::rename(&tmp, path).map_err(write_err)
    }
}

/// The 1-based line of `offset` and the dotted key written there (`table.key`).
fn locate(text: &str, offset: usize) -> (usize, String) {
    let offset = offset.min(text.len());
    let line = text[..offset].matches('\n').count() + 1;
    let mut table = String::new();
    let mut key = String::new();
    let mut arrays = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if let Some(name) = header(l, &mut arrays) {
            table = name;
            key.clear();
        } else if let Some((k, _)) = l.split_once('=') {
            key = k.trim().trim_matches('"').to_string();
        }
        if i + 1 == line {
            if l.starts_with('[') {
                key.clear();
            }
            break;
        }
    }
    let dotted = match (table.is_empty(), key.is_empty()) {
        (true, _) => key,
        (false, true) => table,
        (false, false) => format!("{table}.{key}"),
    };
    (line, dotted)
}

/// The table a header line opens; arrays of tables are numbered from 1 in the file's order:
/// `[[trackers]]` → `trackers[2]`, and `[trackers.projects]` below it → `trackers[2].projects`.
fn header(line: &str, arrays: &mut Vec<(String, usize)>) -> Option<String> {
    if !line.starts_with('[') {
        return None;
    }
    let line = line.split('#').next().unwrap_or_default().trim_end();
    if let Some(name) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
        let name = name.trim().to_string();
        let n = match arrays.iter_mut().find(|(a, _)| *a == name) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                arrays.push((name.clone(), 1));
                1
            }
        };
        return Some(format!("{name}[{n}]"));
    }
    let name = line.strip_prefix('[')?.strip_suffix(']')?.trim();
    for (array, n) in arrays.iter() {
        if let Some(rest) = name
            .strip_prefix(array.as_str())
            .and_then(|r| r.strip_prefix('.'))
        {
            return Some(format!("{array}[{n}].{rest}"));
        }
    }
    Some(name.to_string())
}

/// The line of `field` (`base_url`, or `projects."-100"` in a sub-table) in the `index`-th
/// (from 0) `[[array]]` entry; the entry's header line when the field is not written there.
fn line_of_array_key(text: &str, array: &str, index: usize, field: &str) -> Option<usize> {
    let entry = format!("{array}[{}]", index + 1);
    let (table, key) = match field.split_once('.') {
        Some((sub, key)) => (format!("{entry}.{sub}"), key.trim_matches('"')),
        None => (entry.clone(), field),
    };
    let mut arrays = Vec::new();
    let mut current = String::new();
    let mut entry_line = None;
    for (i, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if let Some(name) = header(l, &mut arrays) {
            if name == entry {
                entry_line = Some(i + 1);
            }
            current = name;
        } else if current == table
            && l.split_once('=')
                .is_some_and(|(k, _)| k.trim().trim_matches('"') == key)
        {
            return Some(i + 1);
        }
    }
    entry_line
}

/// The line where a dotted key (`table.key`) is written, if it is.
fn line_of_key(text: &str, dotted: &str) -> Option<usize> {
    let (table, key) = dotted.rsplit_once('.').unwrap_or(("", dotted));
    let mut current = String::new();
    for (i, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if let Some(name) = l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.trim().to_string();
        } else if current == table
            && l.split_once('=')
                .is_some_and(|(k, _)| k.trim().trim_matches('"') == key)
        {
            return Some(i + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    use i18n::{Language, with_language};

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/cfg/config.toml"))
    }

    /// The error of `parse`, said in English.
    fn english(parse: impl FnOnce() -> Result<Config, ConfigError>) -> String {
        with_language(Language::En, || parse().unwrap_err().to_string())
    }

    #[test]
    fn missing_file_is_the_default() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::load(&dir.path().join("none.toml")).unwrap();
        assert_eq!(config, Config::default());
        assert!(!config.messages.link_previews && !config.messages.send_typing);
    }

    #[test]
    fn round_trips_through_save() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        let mut config = Config::default();
        config.telegram.api_id = Some(42);
        config.ui.theme = "dark".into();
        config.save(&paths).unwrap();
        assert_eq!(Config::load(&paths.config_file).unwrap(), config);
    }

    #[test]
    fn wrong_type_names_file_line_and_key() {
        let text = "[ui]\ntheme = \"dark\"\n\n[telegram]\napi_id = \"abc\"\n";
        let err = parse(text).unwrap_err().to_string();
        assert!(
            err.starts_with("/cfg/config.toml:5: key `telegram.api_id`"),
            "{err}"
        );
    }

    #[test]
    fn unknown_key_is_an_error_not_ignored() {
        let err = parse("[messages]\nlink_preview = true\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains(":2: key `messages.link_preview`"), "{err}");
        assert!(err.contains("unknown field"), "{err}");
    }

    #[test]
    fn bad_value_names_its_key_and_line() {
        let err = parse("[ui]\ntheme = \"light\"\nscale = 9.0\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains(":3: key `ui.scale`"), "{err}");
        let err = parse("[telegram]\napi_hash = \"xyz\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains(":2: key `telegram.api_hash`"), "{err}");
    }

    #[test]
    fn the_language_is_auto_a_code_or_an_error_naming_its_line() {
        assert_eq!(parse("").unwrap().ui.language, "auto");
        assert_eq!(
            parse("[ui]\nlanguage = \"ru\"\n").unwrap().ui.language,
            "ru"
        );
        // A code without a catalog is not an error: it shows English, with a notice.
        assert_eq!(
            parse("[ui]\nlanguage = \"fr\"\n").unwrap().ui.language,
            "fr"
        );
        let err = english(|| parse("[ui]\ntheme = \"dark\"\nlanguage = \"русский\"\n"));
        assert!(
            err.starts_with("/cfg/config.toml:3: key `ui.language`: must be \"auto\""),
            "{err}"
        );
        let err = english(|| parse("[ui]\nlanguages = \"ru\"\n"));
        assert!(err.contains(":2: key `ui.languages`"), "{err}");
        assert!(err.contains("unknown field"), "{err}");
    }

    #[test]
    fn errors_are_said_in_the_current_language_with_the_same_place() {
        let err = parse("[ui]\nscale = 9.0\n").unwrap_err();
        let ru = with_language(Language::Ru, || err.to_string());
        assert_eq!(
            ru,
            "/cfg/config.toml:2: ключ `ui.scale`: 9 — вне диапазона от 0.5 до 3.0"
        );
        let en = with_language(Language::En, || err.to_string());
        assert_eq!(
            en,
            "/cfg/config.toml:2: key `ui.scale`: 9 is outside 0.5 to 3.0"
        );
    }

    #[test]
    fn business_hours_build_a_calendar_and_bad_ones_name_their_key() {
        let text = "[business_hours]\ntime_zone = \"Europe/Berlin\"\nmonday = [\"09:00-18:00\"]\n\
                    friday = [\"09:00-13:00\", \"14:00-17:00\"]\nholidays = [\"2026-12-25\"]\n";
        let config = parse(text).unwrap();
        let cal = config.business_calendar().unwrap();
        assert_eq!(cal.zone().name(), "Europe/Berlin");
        assert_eq!(
            cal.week().on(4),
            &[(9 * 3600, 13 * 3600), (14 * 3600, 17 * 3600)]
        );
        assert_eq!(config.statistics_zone().name(), "Europe/Berlin");
        // The live list measures waits on the same calendar; without one, around the clock.
        assert_eq!(
            config.wait_clock(),
            desk::WaitClock::Business(std::sync::Arc::new(cal.clone()))
        );
        assert_eq!(
            parse("").unwrap().wait_clock(),
            desk::WaitClock::AroundTheClock
        );
        for (bad, line, key) in [
            (
                "time_zone = \"Mars/Base\"\nmonday = [\"09:00-18:00\"]\n",
                2,
                "business_hours.time_zone",
            ),
            (
                "time_zone = \"UTC\"\ntuesday = [\"18:00-09:00\"]\n",
                3,
                "business_hours.tuesday",
            ),
            (
                "time_zone = \"UTC\"\n\nmonday = [\"09:00-12:00\", \"11:00-13:00\"]\n",
                4,
                "business_hours.monday",
            ),
            (
                "time_zone = \"UTC\"\nmonday = [\"09:00-18:00\"]\nholidays = [\"2026-02-30\"]\n",
                4,
                "business_hours.holidays",
            ),
        ] {
            let err = english(|| parse(&format!("[business_hours]\n{bad}")));
            assert!(err.contains(&format!(":{line}: key `{key}`")), "{err}");
        }
        let err = english(|| parse("[statistics]\ntime_zone = \"Nowhere\"\n"));
        assert!(err.contains(":2: key `statistics.time_zone`"), "{err}");
        assert!(err.contains("`Nowhere` is not a time zone"), "{err}");
        assert_eq!(Config::default().statistics_zone().name(), "UTC");
        assert_eq!(Config::default().statistics.backfill_days, 30);
    }

    #[test]
    fn syntax_error_names_the_line() {
        let err = parse("[ui]\ntheme = \n").unwrap_err().to_string();
        assert!(err.starts_with("/cfg/config.toml:2:"), "{err}");
    }

    const TRACKERS: &str = "[ui]\ntheme = \"dark\"\n\n\
        [[trackers]]\nname = \"Jira\"\nkind = \"jira-cloud\"\nbase_url = \"https://a.atlassian.net\"\n\
        default_project = \"10001\"\n\n\
        [[trackers]]  # the second\nname = \"Redmine\"\nkind = \"redmine\"\n\
        base_url = \"https://redmine.example.com\"\nmode = \"api\"\n\
        [trackers.projects]\n\"-1001\" = \"vip\"\n";

    #[test]
    fn trackers_are_read_in_order() {
        let config = parse(TRACKERS).unwrap();
        let names: Vec<_> = config.trackers.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Jira", "Redmine"]);
        assert_eq!(config.trackers[1].project_for(-1001), Some("vip"));
        assert_eq!(config.trackers[1].mode(), tracker::Mode::Api);
    }

    #[test]
    fn a_tracker_mistake_names_entry_line_and_key() {
        let text = TRACKERS.replace("https://redmine.example.com", "http://redmine.example.com");
        let err = parse(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("/cfg/config.toml:13: key `trackers[2].base_url`"),
            "{err}"
        );
        assert!(err.contains("only localhost may use http://"), "{err}");
        let text = TRACKERS.replace("\"-1001\"", "\"general\"");
        let err = parse(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("/cfg/config.toml:16: key `trackers[2].projects.\"general\"`"),
            "{err}"
        );
        let text = TRACKERS.replace("default_project = \"10001\"", "default_project = \"SUP\"");
        let err = parse(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("/cfg/config.toml:8: key `trackers[1].default_project`"),
            "{err}"
        );
    }

    #[test]
    fn tracker_type_errors_and_unknown_keys_name_the_entry() {
        let text = TRACKERS.replace("kind = \"redmine\"", "kind = \"redmin\"");
        let err = parse(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("/cfg/config.toml:12: key `trackers[2].kind`"),
            "{err}"
        );
        let text = TRACKERS.replace("mode = \"api\"", "token = \"s3cr3t\"");
        let err = parse(&text).unwrap_err().to_string();
        assert!(err.contains("key `trackers[2].token`"), "{err}");
        assert!(err.contains("unknown field"), "{err}");
    }

    #[test]
    fn tracker_names_are_unique() {
        let text = TRACKERS.replace("name = \"Redmine\"", "name = \"jira\"");
        let err = parse(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("/cfg/config.toml:11: key `trackers[2].name`"),
            "{err}"
        );
    }

    #[test]
    fn trackers_round_trip_through_save() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        let config = parse(TRACKERS).unwrap();
        config.save(&paths).unwrap();
        assert_eq!(Config::load(&paths.config_file).unwrap(), config);
    }
}
