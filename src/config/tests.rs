//! The config file's reading, writing and errors.

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
