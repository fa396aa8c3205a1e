//! What can be wrong with the config file, and where: said in the current language when
//! shown (file, line and key are the same in every language).

use std::path::PathBuf;

use i18n::t;

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
