//! The team's words, from the catalog (`team.ftl`): the readable part of a team action's
//! message (in the team's language when its settings name one the catalog has, else the
//! app's), why an action was refused, what is wrong with a settings document, and how a
//! team alarm or a shared note reads on screen. One `t!` per variant; nothing glues words.

use crate::desk::TeamRole;
use crate::desk::team::settings::{Expected, RESERVED_SECTIONS, SECTIONS, SettingsProblem};
use crate::desk::{Action, AlarmView, SettingsError, SharedNote};
use crate::ui::format;
use i18n::{Language, t};

/// Who did it and which chat, as the readable text names them.
pub struct Names<'a> {
    pub who: &'a str,
    pub chat: &'a str,
    /// The colleague a chat is assigned to (`Action::Assign`).
    pub assignee: &'a str,
}

/// The readable part of `action`'s message: one sentence, then the link to the customer's
/// message on its own line where the chat has one (phones open it with a tap).
pub fn readable(
    action: &Action,
    names: &Names<'_>,
    link: Option<&str>,
    language: Language,
) -> String {
    let (who, chat) = (names.who, names.chat);
    let sentence = i18n::with_language(language, || match action {
        Action::RaiseAlarm { reason: None, .. } => {
            t!("team-readable-alarm", who = who, chat = chat)
        }
        Action::RaiseAlarm {
            reason: Some(reason),
            ..
        } => t!(
            "team-readable-alarm-reason",
            who = who,
            chat = chat,
            reason = reason.as_str()
        ),
        Action::ClearAlarm { .. } => t!("team-readable-clear", who = who, chat = chat),
        Action::Take { .. } => t!("team-readable-take", who = who, chat = chat),
        Action::Assign { .. } => t!(
            "team-readable-assign",
            who = who,
            chat = chat,
            assignee = names.assignee
        ),
        Action::Release { .. } => t!("team-readable-release", who = who, chat = chat),
        Action::SetNote { text, .. } => t!(
            "team-readable-note",
            who = who,
            chat = chat,
            text = text.as_str()
        ),
        Action::ClearNote { .. } => t!("team-readable-clear-note", who = who, chat = chat),
        Action::PublishSettings { .. } => t!("team-readable-settings", who = who),
    });
    match link {
        Some(link) => format!("{sentence}\n{link}"),
        None => sentence,
    }
}

/// A chat with no title known yet.
pub fn unknown_chat(chat: i64) -> String {
    t!("team-unknown-chat", chat = chat)
}

/// A colleague with no name known yet.
pub fn unknown_user(user: i64) -> String {
    t!("team-unknown-user", user = user)
}

/// A settings document's problem, with line and key: the editor's check.
pub fn settings_error(e: &SettingsError) -> String {
    let problem = problem(&e.problem);
    if e.key.is_empty() {
        t!(
            "team-settings-error-no-key",
            line = e.line,
            problem = problem
        )
    } else {
        t!(
            "team-settings-error",
            line = e.line,
            key = e.key.as_str(),
            problem = problem
        )
    }
}

/// The banner for a bad pinned document: line, key, what is wrong, and that the last good
/// settings stay in force.
pub fn settings_banner(e: &SettingsError) -> String {
    let problem = problem(&e.problem);
    if e.key.is_empty() {
        t!(
            "team-settings-banner-no-key",
            line = e.line,
            problem = problem
        )
    } else {
        t!(
            "team-settings-banner",
            line = e.line,
            key = e.key.as_str(),
            problem = problem
        )
    }
}

/// What is wrong with a value of the document, in the user's language (TOML's own syntax
/// message stays in English: the parser gives no other).
pub fn problem(p: &SettingsProblem) -> String {
    match p {
        SettingsProblem::Syntax(detail) => t!("team-problem-syntax", detail = detail.as_str()),
        SettingsProblem::TooLong { bytes } => t!("team-problem-too-long", bytes = *bytes),
        SettingsProblem::UnknownSection => {
            t!("team-problem-unknown-section", known = known_sections())
        }
        SettingsProblem::UnknownKey { known } => {
            t!("team-problem-unknown-key", known = known.join(", "))
        }
        SettingsProblem::WrongType { expected, found } => t!(
            "team-problem-wrong-type",
            expected = expected_text(*expected),
            found = *found
        ),
        SettingsProblem::NumberOutOfRange => t!("team-problem-number-out-of-range"),
        SettingsProblem::NotAUserId => t!("team-problem-not-a-user-id"),
        SettingsProblem::UnknownRole(role) => t!(
            "team-problem-unknown-role",
            role = role.as_str(),
            known = known_roles()
        ),
        SettingsProblem::MinutesOutOfRange { max } => t!("team-problem-minutes", max = *max),
        SettingsProblem::BreachBeforeRed => t!("team-problem-breach-before-red"),
        SettingsProblem::NotAClearPolicy => t!("team-problem-clear-policy"),
        // The same words as the config file's `[business_hours]`.
        SettingsProblem::NotATimeZone(v) => t!("config-problem-time-zone", value = v.as_str()),
        SettingsProblem::NotARange(v) => t!("config-problem-hours", value = v.as_str()),
        SettingsProblem::RangesOverlap(v) => {
            t!("config-problem-hours-overlap", value = v.as_str())
        }
        SettingsProblem::NotADate(v) => t!("config-problem-date", value = v.as_str()),
        SettingsProblem::NoOpeningHours => t!("config-problem-no-hours"),
    }
}

/// The sections a document may have, as TOML names them (the same in every language).
fn known_sections() -> String {
    SECTIONS
        .iter()
        .chain(RESERVED_SECTIONS.iter())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

fn known_roles() -> String {
    TeamRole::ALL
        .iter()
        .map(|r| r.name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn expected_text(e: Expected) -> String {
    match e {
        Expected::Table => t!("team-expected-table"),
        Expected::Text => t!("team-expected-text"),
        Expected::WholeNumber => t!("team-expected-number"),
        Expected::ListOfRoles => t!("team-expected-roles"),
        Expected::ListOfWords => t!("team-expected-words"),
        Expected::ListOfChatIds => t!("team-expected-chats"),
        Expected::ListOfHours => t!("team-expected-hours"),
        Expected::ListOfDates => t!("team-expected-dates"),
    }
}

/// Who raised a team alarm and when (and why, or which stop word): the row's tooltip, the
/// chat view's status line and the overview say this.
pub fn alarm_line(alarm: &AlarmView, now: i64) -> String {
    let time = format::time(alarm.at, now);
    match (&alarm.raised_by, &alarm.reason, &alarm.stop_word) {
        (None, _, Some(word)) => t!("team-alarm-stop-word", word = word.as_str(), time = time),
        (by, reason, _) => {
            let who = alarm
                .raised_by_name
                .clone()
                .unwrap_or_else(|| unknown_user(by.unwrap_or_default()));
            match reason {
                Some(reason) => t!(
                    "team-alarm-by-reason",
                    who = who,
                    time = time,
                    reason = reason.as_str()
                ),
                None => t!("team-alarm-by", who = who, time = time),
            }
        }
    }
}

/// The team's shared note as the chat view shows it: the text, who wrote it, when.
pub fn note_line(note: &SharedNote, by: &str, now: i64) -> String {
    t!(
        "team-note-line",
        text = note.text.as_str(),
        by = by,
        time = format::time(note.at, now)
    )
}

/// A team alarm's desktop notification: its summary and body.
pub fn notification(chat: &str, alarm: &AlarmView) -> (String, String) {
    let body = match (&alarm.raised_by_name, &alarm.reason, &alarm.stop_word) {
        (None, _, Some(word)) if alarm.raised_by.is_none() => {
            t!("team-notify-stop-word", chat = chat, word = word.as_str())
        }
        (name, reason, _) => {
            let who = name
                .clone()
                .unwrap_or_else(|| unknown_user(alarm.raised_by.unwrap_or_default()));
            match reason {
                Some(reason) => t!(
                    "team-notify-alarm-body-reason",
                    chat = chat,
                    who = who,
                    reason = reason.as_str()
                ),
                None => t!("team-notify-alarm-body", chat = chat, who = who),
            }
        }
    };
    (t!("team-notify-alarm"), body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::team::settings::parse_settings;

    fn names() -> Names<'static> {
        Names {
            who: "Lena Lead",
            chat: "Acme support",
            assignee: "Kim Keeper",
        }
    }

    #[test]
    fn readable_texts_say_who_what_which_chat_and_link_in_the_teams_language() {
        let alarm = Action::RaiseAlarm {
            chat: -1,
            message: None,
            reason: Some("site down".into()),
        };
        let link = Some("https://t.me/c/1/2");
        assert_eq!(
            readable(&alarm, &names(), link, Language::En),
            "Lena Lead raised an alarm on «Acme support»: site down\nhttps://t.me/c/1/2"
        );
        assert_eq!(
            readable(&alarm, &names(), None, Language::Ru),
            "Lena Lead объявил(а) тревогу в «Acme support»: site down"
        );
        assert_eq!(
            readable(&alarm, &names(), None, Language::De),
            "Lena Lead hat einen Alarm für „Acme support“ ausgelöst: site down"
        );
        assert_eq!(
            readable(&alarm, &names(), None, Language::Pl),
            "Lena Lead podnosi alarm w „Acme support”: site down"
        );
        let assign = Action::Assign { chat: -1, user: 9 };
        assert_eq!(
            readable(&assign, &names(), None, Language::En),
            "Lena Lead assigned «Acme support» to Kim Keeper."
        );
        assert_eq!(
            readable(&assign, &names(), None, Language::Pl),
            "Lena Lead przydziela „Acme support” osobie Kim Keeper."
        );
    }

    #[test]
    fn a_settings_problem_names_line_key_and_what_in_each_language() {
        let e = parse_settings("[sla]\nred_minutes = 0\n").unwrap_err();
        let en = i18n::with_language(Language::En, || settings_error(&e));
        assert_eq!(
            en,
            "Line 2, key sla.red_minutes: expected 1 to 10080 minutes"
        );
        let ru = i18n::with_language(Language::Ru, || settings_banner(&e));
        assert!(
            ru.starts_with(
                "Закреплённые настройки команды не действуют (строка 2, ключ sla.red_minutes"
            ),
            "{ru}"
        );
        let e = parse_settings("[roster]\n5 = [\"boss\"]\n").unwrap_err();
        let en = i18n::with_language(Language::En, || settings_error(&e));
        assert!(
            en.contains("unknown role “boss” (known: lead, account_manager"),
            "{en}"
        );
    }
}
