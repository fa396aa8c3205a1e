//! Every word `dutydesk stats` prints, in one place, to move into the Fluent catalog
//! (`locales/`) when it lands. CSV headers are not here: they are stable column names for
//! scripts and BI tools, never translated.

pub const TITLE: &str = "DutyDesk statistics";
pub const PERIOD: &str = "Period";
pub const ZONE: &str = "Time zone";
pub const AS_OF: &str = "As of";
pub const WAITS_MEASURED: &str = "Waits measured";
pub const BUSINESS_HOURS: &str = "in business hours";
pub const AROUND_THE_CLOCK: &str = "around the clock";
pub const THRESHOLDS: &str = "Red / breach after";
pub const NO_DATA: &str = "No messages and no waits in this period.";

pub const SUMMARY: &str = "Summary";
pub const CUSTOMER_MESSAGES: &str = "Customer messages";
pub const STAFF_MESSAGES: &str = "Staff messages";
pub const ANSWERED: &str = "Answered waits";
pub const OPEN: &str = "Open waits";
pub const AVERAGE: &str = "Average";
pub const MEDIAN: &str = "Median";
pub const P90: &str = "P90";
pub const LONGEST: &str = "Longest";
pub const BEFORE_RED: &str = "Before red";
pub const BEFORE_BREACH: &str = "Before breach";

pub const ADMINS: &str = "First response per admin";
pub const ADMIN: &str = "Admin";
pub const DAYS: &str = "Per day";
pub const ADMIN_DAYS: &str = "First response per admin and day";
pub const DATE: &str = "Date";
pub const ACTIVE: &str = "Active chats";
pub const CUSTOMER: &str = "Customer";
pub const STAFF: &str = "Staff";
pub const HOURS: &str = "Per hour";
pub const HOUR: &str = "Hour";
pub const HEATMAP: &str = "Customer messages by weekday and hour";
pub const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
pub const LONGEST_WAITS: &str = "Longest waits";
pub const CHAT: &str = "Chat";
pub const MESSAGE: &str = "Message";
pub const STARTED: &str = "Started";
pub const WAIT: &str = "Wait";
pub const STILL_OPEN: &str = "open";
pub const USER: &str = "user";
pub const ON_BEHALF_OF_CHAT: &str = "chat";
pub const WROTE_CSV: &str = "Wrote";
