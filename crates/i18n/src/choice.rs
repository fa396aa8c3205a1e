//! Which language DutyDesk speaks: the config's `[ui] language`, or with `"auto"` the first
//! of the OS's preferred languages that the catalog has. A wish the catalog cannot meet
//! gives English and a notice for the log, never an error: the window must open.

use crate::Language;

/// Where the language came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// `[ui] language` (or `DUTYDESK_LANGUAGE`) named it.
    Setting,
    /// `"auto"`: the OS's preferred languages.
    #[default]
    Os,
}

/// The language to show, and what was asked for when it could not be had.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choice {
    pub language: Language,
    pub origin: Origin,
    /// The language asked for (the setting, or the OS's first preference) when no shipped
    /// language matched it and English is shown instead.
    pub unmatched: Option<String>,
}

impl Choice {
    /// Chooses for `setting` (`"auto"`, or a language tag such as `"ru"`), given the OS's
    /// preferred languages in order.
    pub fn from_setting(setting: &str, os_locales: &[String]) -> Choice {
        let setting = setting.trim();
        if !setting.is_empty() && !setting.eq_ignore_ascii_case("auto") {
            return match Language::from_tag(setting) {
                Some(language) => Choice {
                    language,
                    origin: Origin::Setting,
                    unmatched: None,
                },
                None => Choice {
                    language: Language::En,
                    origin: Origin::Setting,
                    unmatched: Some(setting.to_string()),
                },
            };
        }
        // "C" and "POSIX" say nothing about a language: English without a notice.
        let wishes: Vec<&String> = os_locales
            .iter()
            .filter(|l| {
                let primary = l.split(['-', '_', '.']).next().unwrap_or("");
                !primary.is_empty() && primary != "C" && primary != "POSIX"
            })
            .collect();
        match wishes.iter().find_map(|l| Language::from_tag(l)) {
            Some(language) => Choice {
                language,
                origin: Origin::Os,
                unmatched: None,
            },
            None => Choice {
                language: Language::En,
                origin: Origin::Os,
                unmatched: wishes.first().map(|l| l.to_string()),
            },
        }
    }

    /// Logs the notice, if English stands in for a language the catalog does not have.
    pub fn log(&self) {
        let Some(wish) = &self.unmatched else {
            return;
        };
        match self.origin {
            Origin::Setting => tracing::warn!(
                "[ui] language = \"{wish}\": DutyDesk has no catalog for it; showing English"
            ),
            Origin::Os => tracing::info!(
                "the OS prefers \"{wish}\", which DutyDesk has no catalog for; showing English"
            ),
        }
    }
}

/// Whether `setting` can stand in `[ui] language`: `"auto"`, or a language tag (`"ru"`,
/// `"pt-BR"`). A well-formed tag without a catalog is allowed (it falls back to English,
/// with a notice); a value that is not a tag at all is a config error.
pub fn valid_setting(setting: &str) -> bool {
    if setting.eq_ignore_ascii_case("auto") || Language::from_tag(setting).is_some() {
        return true;
    }
    let mut parts = setting.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Chooses the language for `setting` with the OS's preferred languages, without making it
/// the process-wide language (the window keeps its own, and sets it when it draws).
pub fn choose(setting: &str) -> Choice {
    let os: Vec<String> = sys_locale::get_locales().collect();
    Choice::from_setting(setting, &os)
}

/// Chooses the language for `setting` with the OS's preferred languages, makes it the
/// process-wide language, and returns the choice (call [`Choice::log`] once logging is up).
pub fn use_setting(setting: &str) -> Choice {
    let choice = choose(setting);
    crate::set_language(choice.language);
    choice
}
