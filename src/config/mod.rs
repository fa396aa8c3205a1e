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

use serde::{Deserialize, Serialize};

use crate::desk;
use crate::paths::Paths;

mod business_hours;
mod errors;
mod locate;
#[cfg(test)]
mod tests;

pub use business_hours::BusinessHoursConfig;
pub use errors::{ConfigError, Problem};
use locate::{line_of_array_key, line_of_key, locate};

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
