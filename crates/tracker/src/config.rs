//! One tracker's settings, as written in the app's config file (`[[trackers]]`), and the token.
//!
//! The config holds nothing secret: the token lives in the OS keyring and reaches the crate as
//! a [`Token`] parameter. [`TrackerConfig::validate`] checks what can be checked without the
//! network and names the field at fault, so the app can point at its file, line and key.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::http::BaseUrl;
use crate::rules::Rule;

/// Which tracker product answers at the base URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TrackerKind {
    #[serde(rename = "jira-cloud")]
    JiraCloud,
    #[serde(rename = "jira-server")]
    JiraServer,
    #[serde(rename = "youtrack")]
    YouTrack,
    #[serde(rename = "gitlab")]
    GitLab,
    #[serde(rename = "github")]
    GitHub,
    #[serde(rename = "redmine")]
    Redmine,
    #[serde(rename = "linear")]
    Linear,
    #[serde(rename = "bitrix24")]
    Bitrix24,
    /// Anything else with a "new issue" URL: a template with placeholders.
    #[serde(rename = "generic")]
    Generic,
}

impl TrackerKind {
    pub const ALL: [TrackerKind; 9] = [
        TrackerKind::JiraCloud,
        TrackerKind::JiraServer,
        TrackerKind::YouTrack,
        TrackerKind::GitLab,
        TrackerKind::GitHub,
        TrackerKind::Redmine,
        TrackerKind::Linear,
        TrackerKind::Bitrix24,
        TrackerKind::Generic,
    ];

    /// The product's own name (not translated).
    pub fn label(self) -> &'static str {
        match self {
            TrackerKind::JiraCloud => "Jira Cloud",
            TrackerKind::JiraServer => "Jira Server/Data Center",
            TrackerKind::YouTrack => "YouTrack",
            TrackerKind::GitLab => "GitLab",
            TrackerKind::GitHub => "GitHub",
            TrackerKind::Redmine => "Redmine",
            TrackerKind::Linear => "Linear",
            TrackerKind::Bitrix24 => "Bitrix24",
            TrackerKind::Generic => "generic URL template",
        }
    }

    /// Bitrix24 has no pre-filled form; a generic template has no API.
    pub fn default_mode(self) -> Mode {
        match self {
            TrackerKind::Bitrix24 => Mode::Api,
            _ => Mode::Browser,
        }
    }

    pub fn has_browser_form(self) -> bool {
        self != TrackerKind::Bitrix24
    }

    pub fn has_api(self) -> bool {
        self != TrackerKind::Generic
    }
}

/// How a task is created: the tracker's form opened pre-filled in the browser (no
/// credentials), or directly through its API with a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Browser,
    Api,
}

/// One `[[trackers]]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackerConfig {
    /// The admin's name for it ("Support Jira"); also names its keyring entry.
    pub name: String,
    pub kind: TrackerKind,
    /// The address the team opens in the browser: `https://acme.atlassian.net`,
    /// `https://gitlab.example.com`, `https://acme.bitrix24.ru`. HTTPS, except on this machine.
    pub base_url: String,
    /// `browser` or `api`; when absent, the kind's default (`api` for Bitrix24 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    /// Project for chats without one of their own: Jira key (numeric id in browser mode),
    /// YouTrack short name, `group/project`, `owner/repo`, Redmine identifier, Linear team key,
    /// Bitrix24 workgroup id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_project: Option<String>,
    /// Chat id (as written by Telegram, e.g. "-1001234567890") → project.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub projects: BTreeMap<String, String>,
    /// Default assignee where the API takes one: Jira Cloud account id, Jira Server user name,
    /// YouTrack login, GitLab user name or id, GitHub login, Redmine user id, Linear user id,
    /// Bitrix24 user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// Jira Cloud: the Atlassian account e-mail the API token belongs to. Bitrix24: the user id
    /// in the incoming webhook's address (`/rest/<user>/<code>/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Jira: issue type name for the API ("Task" when absent); numeric id in browser mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_type: Option<String>,
    /// Generic kind: the "new issue" URL with `{title}`, `{description}`, `{chat}`, `{link}`,
    /// `{author}`, `{date}` placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
}

/// A config field that cannot work, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The key inside the `[[trackers]]` entry (`base_url`, `projects."-100123"`, ...).
    pub field: String,
    pub rule: Rule,
}

impl ConfigProblem {
    pub(crate) fn new(field: &str, rule: Rule) -> ConfigProblem {
        ConfigProblem {
            field: field.into(),
            rule,
        }
    }
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: {}", self.field, self.rule)
    }
}

impl std::error::Error for ConfigProblem {}

/// The placeholders a generic template may use.
pub(crate) const PLACEHOLDERS: [&str; 6] = [
    "{title}",
    "{description}",
    "{chat}",
    "{link}",
    "{author}",
    "{date}",
];

impl TrackerConfig {
    /// A minimal config: everything optional left out.
    pub fn new(name: &str, kind: TrackerKind, base_url: &str) -> TrackerConfig {
        TrackerConfig {
            name: name.into(),
            kind,
            base_url: base_url.into(),
            mode: None,
            default_project: None,
            projects: BTreeMap::new(),
            assignee: None,
            user: None,
            issue_type: None,
            template: None,
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode.unwrap_or(self.kind.default_mode())
    }

    /// The project a new task from `chat_id` goes to: the chat's own, else the default.
    pub fn project_for(&self, chat_id: i64) -> Option<&str> {
        self.projects
            .get(&chat_id.to_string())
            .or(self.default_project.as_ref())
            .map(String::as_str)
    }

    /// Everything that can be checked without the network; the first problem found.
    pub fn validate(&self) -> Result<(), ConfigProblem> {
        if self.name.trim().is_empty() || self.name.chars().any(char::is_control) {
            return Err(ConfigProblem::new("name", Rule::NoName));
        }
        BaseUrl::parse(&self.base_url).map_err(|p| ConfigProblem::new("base_url", Rule::Url(p)))?;
        match (self.kind, self.mode()) {
            (TrackerKind::Generic, Mode::Api) => {
                return Err(ConfigProblem::new("mode", Rule::GenericHasNoApi));
            }
            (TrackerKind::Bitrix24, Mode::Browser) => {
                return Err(ConfigProblem::new("mode", Rule::NoForm));
            }
            _ => {}
        }
        self.validate_kind_fields()?;
        for (chat, project) in &self.projects {
            let field = format!("projects.\"{chat}\"");
            if chat.trim().parse::<i64>().is_err() {
                return Err(ConfigProblem::new(&field, Rule::ChatId));
            }
            self.validate_project(project)
                .map_err(|rule| ConfigProblem::new(&field, rule))?;
        }
        if let Some(project) = &self.default_project {
            self.validate_project(project)
                .map_err(|rule| ConfigProblem::new("default_project", rule))?;
        }
        Ok(())
    }

    fn validate_kind_fields(&self) -> Result<(), ConfigProblem> {
        let api = self.mode() == Mode::Api;
        let not_digits = |v: &Option<String>| v.as_deref().is_some_and(|v| !is_digits(v));
        let problem = match self.kind {
            TrackerKind::JiraCloud
                if api && !self.user.as_deref().is_some_and(|u| u.contains('@')) =>
            {
                Some(("user", Rule::CloudUser))
            }
            TrackerKind::JiraCloud | TrackerKind::JiraServer
                if !api && not_digits(&self.issue_type) =>
            {
                Some(("issue_type", Rule::IssueTypeId))
            }
            TrackerKind::Bitrix24 if !self.user.as_deref().is_some_and(is_digits) => {
                Some(("user", Rule::WebhookUser))
            }
            TrackerKind::Redmine if not_digits(&self.assignee) => {
                Some(("assignee", Rule::AssigneeId))
            }
            TrackerKind::Generic => return self.validate_template(),
            _ => None,
        };
        match problem {
            Some((field, rule)) => Err(ConfigProblem::new(field, rule)),
            None => Ok(()),
        }
    }

    fn validate_template(&self) -> Result<(), ConfigProblem> {
        let problem = |rule| ConfigProblem::new("template", rule);
        let Some(template) = &self.template else {
            return Err(problem(Rule::NoTemplate));
        };
        let address = template.split(['?', '#']).next().unwrap_or_default();
        let fixed = PLACEHOLDERS
            .iter()
            .fold(address.to_string(), |a, p| a.replace(p, "x"));
        BaseUrl::parse(&fixed).map_err(|p| problem(Rule::Url(p)))?;
        let mut rest = template.as_str();
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map(|c| open + c + 1);
            let word = close.map(|c| &rest[open..c]).unwrap_or(&rest[open..]);
            if !PLACEHOLDERS.contains(&word) {
                return Err(problem(Rule::UnknownPlaceholder { word: word.into() }));
            }
            rest = &rest[close.unwrap_or(rest.len())..];
        }
        if !template.contains("{title}") && !template.contains("{description}") {
            return Err(problem(Rule::TemplateEmpty));
        }
        Ok(())
    }

    /// The shape each tracker's project takes.
    pub(crate) fn validate_project(&self, project: &str) -> Result<(), Rule> {
        let p = project.trim();
        if p.is_empty() || p != project || p.chars().any(char::is_control) {
            return Err(Rule::ProjectName);
        }
        let browser = self.mode() == Mode::Browser;
        match self.kind {
            TrackerKind::JiraCloud | TrackerKind::JiraServer if browser && !is_digits(p) => {
                Err(Rule::JiraProjectId)
            }
            TrackerKind::GitHub if p.split('/').filter(|s| !s.is_empty()).count() != 2 => {
                Err(Rule::OwnerRepo)
            }
            TrackerKind::GitLab if !p.contains('/') && !is_digits(p) => Err(Rule::GroupProject),
            TrackerKind::Bitrix24 if !is_digits(p) => Err(Rule::WorkgroupId),
            _ => Ok(()),
        }
    }
}

pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A tracker token (API token, personal access token, webhook code). Kept out of `Debug`
/// and `Display` so it cannot reach a log line or an error message by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    pub fn new(secret: impl Into<String>) -> Token {
        Token(secret.into())
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}
