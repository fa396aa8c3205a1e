//! Team settings: the TOML document pinned in the duty group (the `settings` action's body).
//! In: the document's text. Out: `TeamSettings`, or a `SettingsError` naming line and key.
//!
//! ```toml
//! [team]
//! name = "ACME support"
//! language = "en"             # the language of the readable text of team messages
//!
//! [roster]                    # Telegram user id = roles
//! 111111111 = ["lead"]
//! 222222222 = ["account_manager"]
//! 333333333 = ["alerts_admin", "task_admin"]
//!
//! [sla]
//! red_minutes = 10
//! breach_minutes = 15
//!
//! [alarms]
//! stop_words = ["payment failed", "security", "KYC", "не работает", "down"]  # the default
//! clear = "staff"             # or "leads"
//!
//! [alerts]
//! chats = [-1001234567890]    # monitoring chats: everyone sees them
//!
//! [business_hours]            # waits count only open time, for everyone
//! time_zone = "Europe/Berlin"
//! monday = ["09:00-18:00"]    # a weekday left out is closed
//! holidays = ["2026-12-25"]
//! ```
//!
//! Sections reserved for later changes (`quick_replies`, `tags`, `sla_tiers`,
//! `reminders`, `guards`, `masking`) parse with any content and are kept
//! in `document` for those changes to read; any other section, and any unknown key in a
//! known section, is an error. A bad document changes nothing: the last good settings stay
//! in force (the fold keeps them).
//!
//! **What local settings may override** (`TeamSettings::effective_sla`): the team owns the
//! roster and roles, stop words, who clears alarms, alerts chats, and the SLA minutes when
//! the document gives them; an admin's own settings cannot change those. Local settings keep
//! what is personal: damping, floating waiting chats, which chats this admin treats as
//! support chats, the duty group itself, and the SLA minutes the team leaves out.

use std::collections::BTreeMap;
use std::fmt;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::roles::{ClearPolicy, Roles, TeamRole};
use super::stop_words::{DEFAULT_STOP_WORDS, StopWords};
use crate::calendar::{self, BusinessCalendar, WeekHours, Zone};
use crate::model::{ChatId, UserId};
use crate::settings::Settings;
use std::sync::Arc;

/// Sections later changes define; accepted with any content now.
pub const RESERVED_SECTIONS: [&str; 6] = [
    "quick_replies",
    "tags",
    "sla_tiers",
    "reminders",
    "guards",
    "masking",
];
/// A longer document is refused unread (Telegram allows 4,096 characters per message).
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024;
const MAX_MINUTES: i64 = 7 * 24 * 60;

/// The team's shared settings, as the pinned document says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamSettings {
    pub name: Option<String>,
    /// The language readable team messages are written in (`en`, `ru`, …).
    pub language: Option<String>,
    /// Roles by Telegram user id. Empty: no roster, nobody restricted.
    pub roster: BTreeMap<UserId, Roles>,
    pub red_after_secs: Option<i64>,
    pub breach_after_secs: Option<i64>,
    pub stop_words: StopWords,
    pub clear: ClearPolicy,
    pub alerts_chats: Vec<ChatId>,
    /// The team's business hours (`[business_hours]`): waits on the list and in the
    /// statistics count only their open seconds, for every admin alike.
    pub business_hours: Option<Arc<BusinessCalendar>>,
    /// Reserved sections the document has, in the order written.
    pub reserved: Vec<String>,
    /// The document as published: later changes read their reserved sections from it.
    pub document: String,
}

impl Default for TeamSettings {
    /// What a team has before anyone publishes settings: nothing of its own, and no stop
    /// words (picking a duty group alone raises no alarm nobody asked for). A published
    /// document that names no stop words gets the starting list.
    fn default() -> Self {
        Self {
            name: None,
            language: None,
            roster: BTreeMap::new(),
            red_after_secs: None,
            breach_after_secs: None,
            stop_words: StopWords::default(),
            clear: ClearPolicy::Staff,
            alerts_chats: Vec::new(),
            business_hours: None,
            reserved: Vec::new(),
            document: String::new(),
        }
    }
}

impl TeamSettings {
    pub fn roles_of(&self, user: UserId) -> Roles {
        self.roster.get(&user).copied().unwrap_or_default()
    }

    /// The SLA in force, (red, breach) in seconds: the team's minutes where the document
    /// gives them, the admin's own elsewhere; breach never before red.
    pub fn effective_sla(&self, local: &Settings) -> (i64, i64) {
        let red = self.red_after_secs.unwrap_or(local.red_after_secs);
        let breach = self.breach_after_secs.unwrap_or(local.breach_after_secs);
        (red, breach.max(red))
    }
}

/// What is wrong with a settings document, and where. The banner shows it in the user's
/// language: the app words each `SettingsProblem` through its catalog; `Display` is the
/// English for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    /// 1-based line in the document.
    pub line: usize,
    /// Dotted key (`sla.red_minutes`); empty for a syntax error.
    pub key: String,
    pub problem: SettingsProblem,
}

/// What is wrong with a value (or the document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsProblem {
    /// The TOML parser's own description, which it gives in English.
    Syntax(String),
    TooLong {
        bytes: usize,
    },
    UnknownSection,
    UnknownKey {
        known: &'static [&'static str],
    },
    /// A value of another TOML type (`found`: TOML's name for it).
    WrongType {
        expected: Expected,
        found: &'static str,
    },
    NumberOutOfRange,
    NotAUserId,
    UnknownRole(String),
    MinutesOutOfRange {
        max: i64,
    },
    BreachBeforeRed,
    NotAClearPolicy,
    /// `[business_hours]`: not an IANA zone name.
    NotATimeZone(String),
    /// Not `HH:MM-HH:MM` within one day.
    NotARange(String),
    /// A weekday's ranges overlap (the ranges as written).
    RangesOverlap(String),
    /// Not `YYYY-MM-DD`.
    NotADate(String),
    /// No weekday has opening hours.
    NoOpeningHours,
}

/// What a key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Table,
    Text,
    WholeNumber,
    ListOfRoles,
    ListOfWords,
    ListOfChatIds,
    /// Opening hours: `["09:00-13:00", "14:00-18:00"]`.
    ListOfHours,
    /// Holidays: `["2026-12-25"]`.
    ListOfDates,
}

/// The sections this version reads.
pub const SECTIONS: &[&str] = &[
    "team",
    "roster",
    "sla",
    "alarms",
    "alerts",
    "business_hours",
];

impl fmt::Display for SettingsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax(message) => f.write_str(message),
            Self::TooLong { bytes } => write!(f, "document of {bytes} bytes is too long"),
            Self::UnknownSection => write!(
                f,
                "unknown section (known: {}; reserved: {})",
                SECTIONS.join(", "),
                RESERVED_SECTIONS.join(", ")
            ),
            Self::UnknownKey { known } => write!(f, "unknown key (known: {})", known.join(", ")),
            Self::WrongType { expected, found } => {
                let expected = match expected {
                    Expected::Table => "a table ([section])",
                    Expected::Text => "a string",
                    Expected::WholeNumber => "a whole number",
                    Expected::ListOfRoles => "a list of roles",
                    Expected::ListOfWords => "a list of words",
                    Expected::ListOfChatIds => "a list of chat ids",
                    Expected::ListOfHours => "a list of ranges like \"09:00-18:00\"",
                    Expected::ListOfDates => "a list of dates like \"2026-12-25\"",
                };
                write!(f, "expected {expected}, found {found}")
            }
            Self::NumberOutOfRange => write!(f, "number out of range"),
            Self::NotAUserId => write!(f, "expected a Telegram user id"),
            Self::UnknownRole(name) => {
                let known: Vec<_> = TeamRole::ALL.iter().map(|r| r.name()).collect();
                write!(f, "unknown role `{name}` (known: {})", known.join(", "))
            }
            Self::MinutesOutOfRange { max } => write!(f, "expected 1 to {max} minutes"),
            Self::BreachBeforeRed => write!(f, "must not be before red_minutes"),
            Self::NotAClearPolicy => write!(f, "expected \"staff\" or \"leads\""),
            Self::NotATimeZone(v) => {
                write!(f, "`{v}` is not a time zone name like \"Europe/Berlin\"")
            }
            Self::NotARange(v) => write!(f, "`{v}` is not a range like 09:00-18:00 within one day"),
            Self::RangesOverlap(v) => write!(f, "the ranges {v} overlap"),
            Self::NotADate(v) => write!(f, "`{v}` is not a date like 2026-12-25"),
            Self::NoOpeningHours => write!(f, "no opening hours on any day"),
        }
    }
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "team settings, line {}: {}", self.line, self.problem)
        } else {
            write!(
                f,
                "team settings, line {}, key `{}`: {}",
                self.line, self.key, self.problem
            )
        }
    }
}

impl std::error::Error for SettingsError {}

type Table<'i> = DeTable<'i>;
type Value<'i> = Spanned<DeValue<'i>>;

/// Reads a settings document.
pub fn parse_settings(document: &str) -> Result<TeamSettings, SettingsError> {
    if document.len() > MAX_DOCUMENT_BYTES {
        return Err(SettingsError {
            line: 1,
            key: String::new(),
            problem: SettingsProblem::TooLong {
                bytes: document.len(),
            },
        });
    }
    let doc = Doc { text: document };
    let root = DeTable::parse(document).map_err(|e| SettingsError {
        line: doc.line(e.span().map_or(0, |s| s.start)),
        key: String::new(),
        problem: SettingsProblem::Syntax(first_line(e.message())),
    })?;
    let mut out = TeamSettings {
        document: document.to_owned(),
        stop_words: StopWords::new(DEFAULT_STOP_WORDS),
        ..TeamSettings::default()
    };
    for (key, value) in doc.in_order(root.get_ref()) {
        let name = key.get_ref().as_ref();
        let table = || doc.table(name, value);
        match name {
            "team" => doc.team(table()?, &mut out)?,
            "roster" => doc.roster(table()?, &mut out)?,
            "sla" => doc.sla(table()?, &mut out)?,
            "alarms" => doc.alarms(table()?, &mut out)?,
            "alerts" => doc.alerts(table()?, &mut out)?,
            "business_hours" => doc.business_hours(table()?, &mut out)?,
            _ if RESERVED_SECTIONS.contains(&name) => out.reserved.push(name.to_owned()),
            _ => {
                let problem = SettingsProblem::UnknownSection;
                return Err(doc.error(key.span().start, name, problem));
            }
        }
    }
    Ok(out)
}

/// The document text, for turning byte offsets into lines.
struct Doc<'a> {
    text: &'a str,
}

impl<'a> Doc<'a> {
    fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    fn error(&self, offset: usize, key: &str, problem: SettingsProblem) -> SettingsError {
        SettingsError {
            line: self.line(offset),
            key: key.to_owned(),
            problem,
        }
    }

    /// A table's entries in the order they are written, so the first error reported is
    /// the first in the document.
    fn in_order<'t, 'i>(
        &self,
        table: &'t Table<'i>,
    ) -> Vec<(&'t Spanned<std::borrow::Cow<'i, str>>, &'t Value<'i>)> {
        let mut entries: Vec<_> = table.iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        entries
    }

    fn table<'t, 'i>(
        &self,
        name: &str,
        value: &'t Value<'i>,
    ) -> Result<&'t Table<'i>, SettingsError> {
        value.get_ref().as_table().ok_or_else(|| {
            let problem = SettingsProblem::WrongType {
                expected: Expected::Table,
                found: value.get_ref().type_str(),
            };
            self.error(value.span().start, name, problem)
        })
    }

    /// Each `section.key` in order; unknown keys are errors listing the known ones.
    fn keys<'t, 'i>(
        &self,
        section: &str,
        table: &'t Table<'i>,
        known: &'static [&'static str],
    ) -> Result<Vec<(String, &'t Value<'i>)>, SettingsError> {
        let mut out = Vec::new();
        for (key, value) in self.in_order(table) {
            let dotted = format!("{section}.{}", key.get_ref());
            if !known.contains(&key.get_ref().as_ref()) {
                let problem = SettingsProblem::UnknownKey { known };
                return Err(self.error(key.span().start, &dotted, problem));
            }
            out.push((dotted, value));
        }
        Ok(out)
    }

    fn string(&self, key: &str, value: &Value<'_>) -> Result<String, SettingsError> {
        match value.get_ref() {
            DeValue::String(s) => Ok(s.to_string()),
            other => Err(self.wrong_type(key, value, other, Expected::Text)),
        }
    }

    fn int(&self, key: &str, value: &Value<'_>) -> Result<i64, SettingsError> {
        match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).map_err(|_| {
                self.error(value.span().start, key, SettingsProblem::NumberOutOfRange)
            }),
            other => Err(self.wrong_type(key, value, other, Expected::WholeNumber)),
        }
    }

    fn array<'t, 'i>(
        &self,
        key: &str,
        value: &'t Value<'i>,
        of: Expected,
    ) -> Result<&'t [Value<'i>], SettingsError> {
        match value.get_ref() {
            DeValue::Array(a) => Ok(a.as_ref()),
            other => Err(self.wrong_type(key, value, other, of)),
        }
    }

    fn wrong_type(
        &self,
        key: &str,
        value: &Value<'_>,
        found: &DeValue<'_>,
        expected: Expected,
    ) -> SettingsError {
        let problem = SettingsProblem::WrongType {
            expected,
            found: found.type_str(),
        };
        self.error(value.span().start, key, problem)
    }

    fn team(&self, table: &Table<'_>, out: &mut TeamSettings) -> Result<(), SettingsError> {
        for (key, value) in self.keys("team", table, &["name", "language"])? {
            let text = self.string(&key, value)?;
            match key.as_str() {
                "team.name" => out.name = Some(text),
                _ => out.language = Some(text),
            }
        }
        Ok(())
    }

    fn roster(&self, table: &Table<'_>, out: &mut TeamSettings) -> Result<(), SettingsError> {
        for (key, value) in self.in_order(table) {
            let dotted = format!("roster.{}", key.get_ref());
            let user: UserId = key
                .get_ref()
                .parse()
                .ok()
                .filter(|&u: &i64| u > 0)
                .ok_or_else(|| {
                    self.error(key.span().start, &dotted, SettingsProblem::NotAUserId)
                })?;
            let mut roles = Roles::default();
            for role in self.array(&dotted, value, Expected::ListOfRoles)? {
                let name = self.string(&dotted, role)?;
                let role = TeamRole::from_name(&name).ok_or_else(|| {
                    let problem = SettingsProblem::UnknownRole(name);
                    self.error(role.span().start, &dotted, problem)
                })?;
                roles = roles.with(role);
            }
            out.roster.insert(user, roles);
        }
        Ok(())
    }

    fn sla(&self, table: &Table<'_>, out: &mut TeamSettings) -> Result<(), SettingsError> {
        for (key, value) in self.keys("sla", table, &["red_minutes", "breach_minutes"])? {
            let minutes = self.int(&key, value)?;
            if !(1..=MAX_MINUTES).contains(&minutes) {
                let problem = SettingsProblem::MinutesOutOfRange { max: MAX_MINUTES };
                return Err(self.error(value.span().start, &key, problem));
            }
            match key.as_str() {
                "sla.red_minutes" => out.red_after_secs = Some(minutes * 60),
                _ => out.breach_after_secs = Some(minutes * 60),
            }
        }
        if let (Some(red), Some(breach)) = (out.red_after_secs, out.breach_after_secs)
            && breach < red
        {
            let at = table.get("breach_minutes").map_or(0, |v| v.span().start);
            let problem = SettingsProblem::BreachBeforeRed;
            return Err(self.error(at, "sla.breach_minutes", problem));
        }
        Ok(())
    }

    fn alarms(&self, table: &Table<'_>, out: &mut TeamSettings) -> Result<(), SettingsError> {
        for (key, value) in self.keys("alarms", table, &["stop_words", "clear"])? {
            if key == "alarms.clear" {
                out.clear = match self.string(&key, value)?.as_str() {
                    "staff" => ClearPolicy::Staff,
                    "leads" => ClearPolicy::Leads,
                    _ => {
                        let problem = SettingsProblem::NotAClearPolicy;
                        return Err(self.error(value.span().start, &key, problem));
                    }
                };
                continue;
            }
            let words = self.array(&key, value, Expected::ListOfWords)?;
            let words = words
                .iter()
                .map(|w| self.string(&key, w))
                .collect::<Result<Vec<_>, _>>()?;
            out.stop_words = StopWords::new(words);
        }
        Ok(())
    }

    fn alerts(&self, table: &Table<'_>, out: &mut TeamSettings) -> Result<(), SettingsError> {
        for (key, value) in self.keys("alerts", table, &["chats"])? {
            for chat in self.array(&key, value, Expected::ListOfChatIds)? {
                out.alerts_chats.push(self.int(&key, chat)?);
            }
        }
        Ok(())
    }
}

impl Doc<'_> {
    /// `[business_hours]`: `time_zone`, ranges per weekday (a day left out is closed),
    /// `holidays`; every problem names its key and line.
    fn business_hours(
        &self,
        table: &Table<'_>,
        out: &mut TeamSettings,
    ) -> Result<(), SettingsError> {
        const KEYS: [&str; calendar::WEEKDAYS + 2] = {
            let mut keys = ["time_zone"; calendar::WEEKDAYS + 2];
            let mut i = 0;
            while i < calendar::WEEKDAYS {
                keys[i + 1] = calendar::WEEKDAY_KEYS[i];
                i += 1;
            }
            keys[calendar::WEEKDAYS + 1] = "holidays";
            keys
        };
        let mut zone = Zone::utc();
        let mut week = WeekHours::closed();
        let mut holidays = Vec::new();
        let mut first_day: Option<(usize, String)> = None;
        for (key, value) in self.keys("business_hours", table, &KEYS)? {
            let at = value.span().start;
            let name = &key["business_hours.".len()..];
            if name == "time_zone" {
                let text = self.string(&key, value)?;
                zone = Zone::named(&text).ok_or_else(|| {
                    self.error(at, &key, SettingsProblem::NotATimeZone(text.clone()))
                })?;
            } else if name == "holidays" {
                for d in self.array(&key, value, Expected::ListOfDates)? {
                    let text = self.string(&key, d)?;
                    let date = calendar::parse_date(&text).map_err(|_| {
                        self.error(
                            d.span().start,
                            &key,
                            SettingsProblem::NotADate(text.clone()),
                        )
                    })?;
                    holidays.push(date);
                }
            } else if let Some(day) = calendar::WEEKDAY_KEYS.iter().position(|d| *d == name) {
                let mut ranges = Vec::new();
                let mut texts = Vec::new();
                for r in self.array(&key, value, Expected::ListOfHours)? {
                    let text = self.string(&key, r)?;
                    let range = calendar::parse_hours(&text).map_err(|_| {
                        self.error(
                            r.span().start,
                            &key,
                            SettingsProblem::NotARange(text.clone()),
                        )
                    })?;
                    ranges.push(range);
                    texts.push(text);
                }
                week.set(day, ranges).map_err(|_| {
                    self.error(at, &key, SettingsProblem::RangesOverlap(texts.join(", ")))
                })?;
                first_day.get_or_insert((at, key.clone()));
            }
        }
        if week.is_closed() {
            let (at, key) = first_day.unwrap_or((0, "business_hours".to_owned()));
            return Err(self.error(at, &key, SettingsProblem::NoOpeningHours));
        }
        out.business_hours = Some(Arc::new(BusinessCalendar::new(zone, week, holidays)));
        Ok(())
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or("").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_document_reads() {
        let s = parse_settings(
            "[team]\nname = \"ACME\"\n[roster]\n111 = [\"lead\"]\n222 = [\"alerts_admin\", \"task_admin\"]\n\
             [sla]\nred_minutes = 5\nbreach_minutes = 8\n[alarms]\nstop_words = [\"Outage\"]\nclear = \"leads\"\n\
             [alerts]\nchats = [-100500]\n[tags]\nvip = { colour = \"gold\" }\n",
        )
        .unwrap();
        assert_eq!(s.name.as_deref(), Some("ACME"));
        assert!(s.roles_of(111).has(TeamRole::Lead));
        assert!(!s.roles_of(222).sees_all());
        assert_eq!(
            (s.red_after_secs, s.breach_after_secs),
            (Some(300), Some(480))
        );
        assert_eq!(s.stop_words.words().collect::<Vec<_>>(), ["Outage"]);
        assert_eq!(s.clear, ClearPolicy::Leads);
        assert_eq!(s.alerts_chats, [-100500]);
        assert_eq!(s.reserved, ["tags"]);
    }

    #[test]
    fn errors_name_line_and_key() {
        let e = parse_settings("[sla]\nred_minutes = 5\nred_minute = 6\n").unwrap_err();
        assert_eq!((e.line, e.key.as_str()), (3, "sla.red_minute"));
        let e = parse_settings("[alarms]\n\nclear = \"all\"\n").unwrap_err();
        assert_eq!((e.line, e.key.as_str()), (3, "alarms.clear"));
        let e = parse_settings("[roster]\n42 = [\"boss\"]\n").unwrap_err();
        assert_eq!((e.line, e.key.as_str()), (2, "roster.42"));
        assert_eq!(e.problem, SettingsProblem::UnknownRole("boss".into()));
        assert!(
            e.to_string().contains("unknown role `boss` (known: lead,"),
            "{e}"
        );
        let e = parse_settings("[weather]\nsunny = true\n").unwrap_err();
        assert_eq!((e.line, e.key.as_str()), (1, "weather"));
        let e = parse_settings("[sla]\nred_minutes = = 5\n").unwrap_err();
        assert_eq!((e.line, e.key.as_str()), (2, ""));
    }
}
