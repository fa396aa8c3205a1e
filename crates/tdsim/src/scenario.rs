//! Scenarios as data: TOML files describing the world and its traffic. Shipped ones live in
//! crates/tdsim/scenarios/ and are embedded; others load by path. Errors name file, line, key.

use serde::Deserialize;
use std::fmt;
use std::path::Path;

mod colleague;
mod validate;

pub use colleague::Colleague;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub account: Account,
    #[serde(default)]
    pub duty_group: DutyGroup,
    #[serde(default)]
    pub customers: Customers,
    #[serde(default)]
    pub history: History,
    #[serde(default)]
    pub traffic: Traffic,
    #[serde(default)]
    pub storm: Option<Storm>,
    #[serde(default)]
    pub faults: Faults,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub folders: Vec<FolderSpec>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Account {
    pub first_name: String,
    pub last_name: String,
    pub username: String,
    pub phone: String,
    /// A 2FA password; when set, login passes through authorizationStateWaitPassword.
    pub password: Option<String>,
    pub password_hint: String,
    /// The account's custom title in the duty group.
    pub title: String,
    /// Whether the account is an administrator of the duty group.
    pub admin: bool,
}

impl Default for Account {
    fn default() -> Self {
        Account {
            first_name: "Dana".into(),
            last_name: "Duty".into(),
            username: "dana_duty".into(),
            phone: "+15550100".into(),
            password: None,
            password_hint: String::new(),
            title: String::new(),
            admin: true,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DutyGroup {
    pub title: String,
    /// Staff colleagues; the first one is the team lead, who owns the duty group.
    pub staff: Vec<Colleague>,
    /// Whether colleagues without their own `admin` are administrators of the duty group.
    pub staff_are_admins: bool,
    /// The lead has pinned DutyDesk team settings in the group: the colleagues' `roles`,
    /// the starting stop words.
    pub team_settings: bool,
}

impl Default for DutyGroup {
    fn default() -> Self {
        DutyGroup {
            title: "Duty team".into(),
            staff: ["Lena Lead", "Sam Support", "Kim Keeper"]
                .into_iter()
                .map(Colleague::named)
                .collect(),
            staff_are_admins: true,
            team_settings: false,
        }
    }
}

impl DutyGroup {
    /// The phone number the `i`-th colleague logs in with: their own, or +1 555 000 000N.
    pub fn phone_of(&self, i: usize) -> String {
        self.staff
            .get(i)
            .and_then(|c| c.phone.clone())
            .unwrap_or_else(|| default_staff_phone(i))
    }

    /// Whether the `i`-th colleague administers the duty group (the lead owns it).
    pub fn is_admin(&self, i: usize) -> bool {
        self.staff
            .get(i)
            .and_then(|c| c.admin)
            .unwrap_or(self.staff_are_admins)
    }
}

/// The default login phone of the `i`-th colleague (0-based): "+15550000001" for the lead.
pub fn default_staff_phone(i: usize) -> String {
    format!("+1555{:07}", (i + 1) % 10_000_000)
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Customers {
    pub groups: u32,
    pub private_chats: u32,
    /// Customers per group, inclusive range.
    pub members: [u32; 2],
    /// Every n-th customer group is a supergroup (0 = none).
    pub supergroup_every: u32,
    /// Staff colleagues (besides the account itself) in each customer group.
    pub staff_per_group: u32,
    pub companies: Vec<String>,
    pub first_names: Vec<String>,
    pub last_names: Vec<String>,
}

impl Default for Customers {
    fn default() -> Self {
        Customers {
            groups: 3,
            private_chats: 1,
            members: [1, 2],
            supergroup_every: 2,
            staff_per_group: 2,
            companies: vec![
                "Acme".into(),
                "Globex".into(),
                "Initech".into(),
                "Umbrella".into(),
            ],
            first_names: vec!["Alice".into(), "Bob".into(), "Carol".into(), "Dave".into()],
            last_names: vec![
                "Smith".into(),
                "Jones".into(),
                "Brown".into(),
                "Taylor".into(),
            ],
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct History {
    /// Messages per chat before the start time, inclusive range.
    pub messages_per_chat: [u32; 2],
    /// How far back the history reaches, in hours.
    pub span_hours: u32,
    /// If set, the share of customer chats left waiting at the start, their last customer
    /// message within `unanswered_within_minutes`; every other chat ends on a staff reply.
    /// Unset: turns simply alternate, so about half the chats end on a customer's message.
    pub unanswered_share: Option<f64>,
    pub unanswered_within_minutes: u32,
    /// Days of the `[traffic]`'s past load before each customer chat's history (customers
    /// writing at its rates, every question answered after its reply delays, a night's
    /// from the next working hour), for clients that read history back (statistics).
    /// 0: none.
    pub traffic_days: u32,
}

impl Default for History {
    fn default() -> Self {
        History {
            messages_per_chat: [1, 3],
            span_hours: 48,
            unanswered_share: None,
            unanswered_within_minutes: 25,
            traffic_days: 0,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Traffic {
    /// Customer messages per hour across all customer chats at the working-hours peak (0 = none).
    pub messages_per_hour: f64,
    /// Working hours in UTC, [start, end).
    pub working_hours: [u32; 2],
    /// Rate multiplier outside working hours.
    pub off_hours_factor: f64,
    /// Chance that a staff colleague answers a customer message, and the delay range (s).
    pub staff_reply_chance: f64,
    pub staff_reply_delay: [i64; 2],
    /// Chance that a customer message mentions the account, or is media.
    pub mention_chance: f64,
    pub media_chance: f64,
    pub edit_chance: f64,
    pub delete_chance: f64,
    /// Mean seconds between the team lead's alarms in the duty group (0 = never).
    pub alarm_mean_interval: f64,
    /// The readable text of the lead's alarm (DutyDesk's machine line follows it); {chat}
    /// is replaced by the chat title.
    pub alarm_text: String,
    /// The lead clears an alarm this many seconds after raising it ([low, high]; [0, 0]:
    /// never), with this readable text ({chat} as above).
    pub alarm_clear_after: [i64; 2],
    pub alarm_clear_text: String,
    pub phrases: Vec<String>,
    pub replies: Vec<String>,
}

impl Default for Traffic {
    fn default() -> Self {
        Traffic {
            messages_per_hour: 0.0,
            working_hours: [9, 18],
            off_hours_factor: 0.2,
            staff_reply_chance: 0.0,
            staff_reply_delay: [60, 900],
            mention_chance: 0.05,
            media_chance: 0.1,
            edit_chance: 0.0,
            delete_chance: 0.0,
            alarm_mean_interval: 0.0,
            alarm_text: "ALARM: {chat} needs attention now".into(),
            alarm_clear_after: [600, 1800],
            alarm_clear_text: "All clear: {chat}".into(),
            phrases: vec![
                "Hello, our server is down".into(),
                "Any news on my ticket?".into(),
            ],
            replies: vec!["Looking into it now".into(), "Fixed, please check".into()],
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Storm {
    /// Updates generated per virtual second, spread over the customer chats.
    pub updates_per_second: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Faults {
    /// Mean seconds between connection drops (0 = never) and the outage length range (s).
    pub drop_mean_interval: f64,
    pub drop_duration: [i64; 2],
    pub send_failure_chance: f64,
    pub flood_wait_chance: f64,
    pub flood_wait_seconds: [i64; 2],
    /// Chance that a history or search request is refused with FLOOD_WAIT (429).
    pub request_flood_wait_chance: f64,
    /// The first getChatHistory of a chat returns one message only, as TDLib often does.
    pub short_history_pages: bool,
    /// Chance that a customer message arrives late, and by how much (s).
    pub late_chance: f64,
    pub late_delay: [i64; 2],
}

impl Default for Faults {
    fn default() -> Self {
        Faults {
            drop_mean_interval: 0.0,
            drop_duration: [5, 60],
            send_failure_chance: 0.0,
            flood_wait_chance: 0.0,
            flood_wait_seconds: [5, 30],
            request_flood_wait_chance: 0.0,
            short_history_pages: false,
            late_chance: 0.0,
            late_delay: [120, 600],
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub title: String,
    /// Mean seconds between posts (0 = none).
    #[serde(default)]
    pub post_mean_interval: f64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FolderSpec {
    pub id: i32,
    pub title: String,
    #[serde(default = "default_icon")]
    pub icon: String,
    /// Which chats: "customer_groups", "private", "duty", "all_customers".
    pub include: Vec<String>,
}

fn default_icon() -> String {
    "Custom".into()
}

const FOLDER_INCLUDES: [&str; 4] = ["customer_groups", "private", "duty", "all_customers"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    pub file: String,
    pub line: usize,
    pub key: String,
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: key `{}`: {}",
            self.file, self.line, self.key, self.message
        )
    }
}

impl std::error::Error for ScenarioError {}

const BUILTINS: [(&str, &str); 4] = [
    ("basic", include_str!("../scenarios/basic.toml")),
    ("floor", include_str!("../scenarios/floor.toml")),
    ("storm", include_str!("../scenarios/storm.toml")),
    ("faults", include_str!("../scenarios/faults.toml")),
];

impl Scenario {
    /// The shipped scenarios: "basic", "floor", "storm", "faults".
    pub fn builtin_names() -> Vec<&'static str> {
        BUILTINS.iter().map(|(n, _)| *n).collect()
    }

    /// A shipped scenario by name; None for an unknown name.
    pub fn builtin(name: &str) -> Option<Scenario> {
        let (_, src) = BUILTINS.iter().find(|(n, _)| *n == name)?;
        // Shipped files are checked by tests; a broken one is a build defect.
        Some(
            Scenario::parse(src, &format!("scenarios/{name}.toml"))
                .expect("shipped scenario is valid"),
        )
    }

    pub fn load(path: impl AsRef<Path>) -> Result<Scenario, ScenarioError> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|e| ScenarioError {
            file: file.clone(),
            line: 0,
            key: String::new(),
            message: format!("cannot read: {e}"),
        })?;
        Scenario::parse(&src, &file)
    }

    /// Parses TOML text; `file` names the source in errors.
    pub fn parse(src: &str, file: &str) -> Result<Scenario, ScenarioError> {
        let scenario: Scenario = toml::from_str(src).map_err(|e| {
            let (line, key) = match e.span() {
                Some(span) => locate_span(src, span.start),
                None => (0, String::new()),
            };
            ScenarioError {
                file: file.into(),
                line,
                key,
                message: e.message().trim().to_string(),
            }
        })?;
        scenario
            .validate()
            .map_err(|(table, key, message)| ScenarioError {
                file: file.into(),
                line: find_key_line(src, table, key),
                key: if table.is_empty() {
                    key.to_string()
                } else {
                    format!("{table}.{key}")
                },
                message,
            })?;
        Ok(scenario)
    }
}

/// The 1-based line of a byte offset, and the key written on that line (or the table header).
fn locate_span(src: &str, offset: usize) -> (usize, String) {
    let offset = offset.min(src.len());
    let line = src[..offset].matches('\n').count() + 1;
    let text = src.lines().nth(line - 1).unwrap_or("").trim();
    let key = if let Some(header) = text.strip_prefix('[') {
        header
            .trim_matches(|c| c == '[' || c == ']')
            .trim()
            .to_string()
    } else {
        let bare = text.split('=').next().unwrap_or("").trim();
        let table = current_table(src, line);
        match (table.is_empty(), bare.is_empty()) {
            (_, true) => table,
            (true, false) => bare.to_string(),
            (false, false) => format!("{table}.{bare}"),
        }
    };
    (line, key)
}

/// The table header in force at a line.
fn current_table(src: &str, line: usize) -> String {
    src.lines()
        .take(line)
        .filter_map(|l| l.trim().strip_prefix('['))
        .last()
        .map(|h| h.trim_matches(|c| c == '[' || c == ']').trim().to_string())
        .unwrap_or_default()
}

/// The line where `key` is set inside `[table]` (the first match; 0 when absent).
fn find_key_line(src: &str, table: &str, key: &str) -> usize {
    let mut in_table = table.is_empty();
    let mut table_line = 0;
    for (i, l) in src.lines().enumerate() {
        let t = l.trim();
        if let Some(h) = t.strip_prefix('[') {
            in_table = h.trim_matches(|c| c == '[' || c == ']').trim() == table;
            if in_table && table_line == 0 {
                table_line = i + 1;
            }
            continue;
        }
        if in_table && t.split('=').next().map(str::trim) == Some(key) {
            return i + 1;
        }
    }
    table_line
}
