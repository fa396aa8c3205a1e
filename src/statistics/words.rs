//! Every word `dutydesk stats` prints, through the Fluent catalog (`crates/i18n`,
//! `locales/*/stats.ftl`). CSV headers are not here: they are stable column names for
//! scripts and BI tools, never translated.

use i18n::t;

pub fn title() -> String {
    t!("stats-title")
}

pub fn period() -> String {
    t!("stats-period")
}

pub fn zone() -> String {
    t!("stats-zone")
}

pub fn as_of() -> String {
    t!("stats-as-of")
}

pub fn waits_measured() -> String {
    t!("stats-waits-measured")
}

pub fn business_hours() -> String {
    t!("stats-business-hours")
}

pub fn around_the_clock() -> String {
    t!("stats-around-the-clock")
}

pub fn thresholds() -> String {
    t!("stats-thresholds")
}

pub fn no_data() -> String {
    t!("stats-no-data")
}

pub fn summary() -> String {
    t!("stats-summary")
}

pub fn customer_messages() -> String {
    t!("stats-customer-messages")
}

pub fn staff_messages() -> String {
    t!("stats-staff-messages")
}

pub fn answered() -> String {
    t!("stats-answered")
}

pub fn open() -> String {
    t!("stats-open")
}

pub fn average() -> String {
    t!("stats-average")
}

pub fn median() -> String {
    t!("stats-median")
}

pub fn longest() -> String {
    t!("stats-longest")
}

pub fn before_red() -> String {
    t!("stats-before-red")
}

pub fn before_breach() -> String {
    t!("stats-before-breach")
}

pub fn admins() -> String {
    t!("stats-admins")
}

pub fn admin() -> String {
    t!("stats-admin")
}

pub fn days() -> String {
    t!("stats-days")
}

pub fn admin_days() -> String {
    t!("stats-admin-days")
}

pub fn date() -> String {
    t!("stats-date")
}

pub fn active() -> String {
    t!("stats-active")
}

pub fn customer() -> String {
    t!("stats-customer")
}

pub fn staff() -> String {
    t!("stats-staff")
}

pub fn hours() -> String {
    t!("stats-hours")
}

pub fn hour() -> String {
    t!("stats-hour")
}

pub fn heatmap() -> String {
    t!("stats-heatmap")
}

/// Monday first.
pub fn weekdays() -> Vec<String> {
    t!("stats-weekdays")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

pub fn longest_waits() -> String {
    t!("stats-longest-waits")
}

pub fn chat() -> String {
    t!("stats-chat")
}

pub fn message() -> String {
    t!("stats-message")
}

pub fn started() -> String {
    t!("stats-started")
}

pub fn wait() -> String {
    t!("stats-wait")
}

pub fn still_open() -> String {
    t!("stats-still-open")
}

pub fn user(id: i64) -> String {
    t!("stats-user", id = id.to_string())
}

pub fn on_behalf_of_chat(id: i64) -> String {
    t!("stats-on-behalf-of-chat", id = id.to_string())
}

pub fn wrote_csv(path: &std::path::Path) -> String {
    t!("stats-wrote-csv", path = path.display().to_string())
}

pub fn team() -> String {
    t!("stats-team")
}

pub fn p90() -> String {
    t!("stats-p90")
}
