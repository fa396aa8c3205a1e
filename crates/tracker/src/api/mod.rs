//! API mode: one blocking [`Client`] per configured tracker, with the token as a parameter.
//!
//! In: a [`Draft`] (create), a task key (status), nothing (check). Out: [`CreatedTask`],
//! [`TaskStatus`], [`CheckReport`], or a [`TrackerError`] whose texts never contain the token.
//! Each tracker's module builds its documented requests and reads its documented replies;
//! this one picks the module, the origin the token may go to, and the project.
//!
//! Where the token goes: the origin of `base_url`, except for two products whose API lives on
//! a fixed sibling host — `github.com` → `api.github.com`, `linear.app` → `api.linear.app`.
//! GitHub Enterprise answers at `<base_url>/api/v3`. Nothing a tracker replies can add a host.

mod adf;
mod bitrix;
mod github;
mod gitlab;
mod jira;
mod linear;
mod redmine;
mod youtrack;

#[cfg(test)]
mod proptests;

use std::time::Duration;

use crate::config::{ConfigProblem, Token, TrackerConfig, TrackerKind};
use crate::draft::Draft;
use crate::error::{Fault, TrackerError};
use crate::http::{BaseUrl, DEFAULT_TIMEOUT, Http, Request};
use crate::rules::Rule;

/// A task the tracker created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedTask {
    /// What people call it: `SUP-12`, `acme/site#34`, `#56`.
    pub key: String,
    pub title: String,
    /// The task's page, for the browser and for the message posted in the chat.
    pub url: String,
}

/// A task's state as the tracker names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskStatus {
    pub key: String,
    pub title: Option<String>,
    /// The tracker's own name for the state ("In Progress", "closed"). Bitrix24 answers with a
    /// number: its documented meaning, in the user's language.
    pub status: String,
    /// Whether the tracker counts the state as finished, where it says so.
    pub closed: Option<bool>,
}

/// What `dutydesk doctor` learns without creating anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// Who the token belongs to (name or login), or the webhook's scopes for Bitrix24.
    pub account: String,
    /// The default project's name, when one is configured and visible to the account.
    pub project: Option<String>,
}

/// A blocking client for one tracker's API.
pub struct Client {
    config: TrackerConfig,
    token: Token,
    http: Http,
    /// Where task pages live (the configured base URL).
    web: BaseUrl,
}

/// What a tracker module needs for one call.
pub(crate) struct Ctx<'a> {
    pub http: &'a Http,
    pub config: &'a TrackerConfig,
    pub token: &'a Token,
    pub web: &'a BaseUrl,
}

impl Ctx<'_> {
    pub fn send(&self, request: &Request) -> Result<crate::http::Reply, Fault> {
        self.http.send(request)
    }
}

impl Client {
    /// A client for `config` with the default timeout.
    pub fn new(config: &TrackerConfig, token: Token) -> Result<Client, TrackerError> {
        Client::with_timeout(config, token, DEFAULT_TIMEOUT)
    }

    /// A client whose calls each end after `timeout`.
    pub fn with_timeout(
        config: &TrackerConfig,
        token: Token,
        timeout: Duration,
    ) -> Result<Client, TrackerError> {
        let fail = |fault| TrackerError {
            tracker: config.name.clone(),
            fault,
        };
        if BaseUrl::is_insecure(&config.base_url) {
            return Err(fail(Fault::NotHttps {
                url: config.base_url.trim().to_string(),
            }));
        }
        config.validate().map_err(|p| fail(Fault::Config(p)))?;
        if !config.kind.has_api() {
            return Err(fail(Fault::Config(ConfigProblem::new(
                "kind",
                Rule::GenericHasNoApi,
            ))));
        }
        if token.is_empty() {
            return Err(fail(Fault::NoToken));
        }
        let web = BaseUrl::parse(&config.base_url)
            .map_err(|p| fail(Fault::Config(ConfigProblem::new("base_url", Rule::Url(p)))))?;
        let api = api_base(config.kind, &web);
        Ok(Client {
            config: config.clone(),
            token,
            http: Http::new(api, timeout),
            web,
        })
    }

    /// The one origin this client sends the token to.
    pub fn api_origin(&self) -> String {
        self.http.base.origin()
    }

    /// Creates the task; the draft's project, else the configured default.
    pub fn create(&self, draft: &Draft) -> Result<CreatedTask, TrackerError> {
        if draft.title.trim().is_empty() {
            return Err(self.fail(Fault::EmptyTitle));
        }
        let project = draft
            .project
            .as_deref()
            .or(self.config.default_project.as_deref())
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let c = self.ctx();
        let result = (|| match self.config.kind {
            TrackerKind::JiraCloud | TrackerKind::JiraServer => {
                jira::create(&c, draft, need(project)?)
            }
            TrackerKind::YouTrack => youtrack::create(&c, draft, need(project)?),
            TrackerKind::GitLab => gitlab::create(&c, draft, need(project)?),
            TrackerKind::GitHub => github::create(&c, draft, need(project)?),
            TrackerKind::Redmine => redmine::create(&c, draft, need(project)?),
            TrackerKind::Linear => linear::create(&c, draft, need(project)?),
            TrackerKind::Bitrix24 => bitrix::create(&c, draft, project),
            TrackerKind::Generic => Err(Fault::NoToken),
        })();
        result.map_err(|f| self.fail(f))
    }

    /// The task's current state.
    pub fn status(&self, key: &str) -> Result<TaskStatus, TrackerError> {
        let key = key.trim();
        let c = self.ctx();
        let result = match self.config.kind {
            TrackerKind::JiraCloud | TrackerKind::JiraServer => jira::status(&c, key),
            TrackerKind::YouTrack => youtrack::status(&c, key),
            TrackerKind::GitLab => gitlab::status(&c, key),
            TrackerKind::GitHub => github::status(&c, key),
            TrackerKind::Redmine => redmine::status(&c, key),
            TrackerKind::Linear => linear::status(&c, key),
            TrackerKind::Bitrix24 => bitrix::status(&c, key),
            TrackerKind::Generic => Err(Fault::NoToken),
        };
        result.map_err(|f| self.fail(f))
    }

    /// Reachability and the token, then the default project if one is configured; read-only
    /// calls only, nothing is created.
    pub fn check(&self) -> Result<CheckReport, TrackerError> {
        let project = self.config.default_project.as_deref();
        let c = self.ctx();
        let result = match self.config.kind {
            TrackerKind::JiraCloud | TrackerKind::JiraServer => jira::check(&c, project),
            TrackerKind::YouTrack => youtrack::check(&c, project),
            TrackerKind::GitLab => gitlab::check(&c, project),
            TrackerKind::GitHub => github::check(&c, project),
            TrackerKind::Redmine => redmine::check(&c, project),
            TrackerKind::Linear => linear::check(&c, project),
            TrackerKind::Bitrix24 => bitrix::check(&c),
            TrackerKind::Generic => Err(Fault::NoToken),
        };
        result.map_err(|f| self.fail(f))
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            http: &self.http,
            config: &self.config,
            token: &self.token,
            web: &self.web,
        }
    }

    /// The error for `fault`, with the token (and Jira Cloud's Basic form of it) blanked out.
    fn fail(&self, fault: Fault) -> TrackerError {
        let mut fault = fault.redact(self.token.expose());
        if let Some(user) = &self.config.user {
            fault = fault.redact(&jira::basic(user, self.token.expose()));
        }
        TrackerError {
            tracker: self.config.name.clone(),
            fault,
        }
    }
}

fn need(project: Option<&str>) -> Result<&str, Fault> {
    project.ok_or(Fault::NoProject)
}

/// The origin and prefix of the API for a tracker at `web`.
fn api_base(kind: TrackerKind, web: &BaseUrl) -> BaseUrl {
    let fixed = |host: &str| BaseUrl {
        https: true,
        host: host.into(),
        port: None,
        path: String::new(),
    };
    match kind {
        TrackerKind::GitHub if matches!(web.host.as_str(), "github.com" | "www.github.com") => {
            fixed("api.github.com")
        }
        TrackerKind::GitHub => BaseUrl {
            path: format!("{}/api/v3", web.path),
            ..web.clone()
        },
        TrackerKind::Linear if matches!(web.host.as_str(), "linear.app" | "www.linear.app") => {
            fixed("api.linear.app")
        }
        _ => web.clone(),
    }
}

/// A key read back from the admin or a tracker, checked before it goes into a URL.
pub(crate) fn checked_key(key: &str) -> Result<&str, Fault> {
    if crate::reply::is_token_text(key) {
        Ok(key)
    } else {
        Err(Fault::UnknownTask {
            key: crate::error::bounded(key),
        })
    }
}

/// A task page address from a reply, accepted only under the configured base URL (it is
/// posted into a customer's chat); otherwise the address built from the key.
pub(crate) fn own_url(web: &BaseUrl, from_reply: Option<String>, built: String) -> String {
    let prefix = format!("{}/", web.as_text());
    match from_reply {
        Some(url)
            if url.starts_with(&prefix)
                && url.len() <= 2000
                && !url.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            url
        }
        _ => built,
    }
}

/// `project#number` as GitHub and GitLab keys are written; a bare `#12` or `12` means the
/// default project.
pub(crate) fn split_numbered_key<'k>(
    key: &'k str,
    default_project: Option<&'k str>,
) -> Result<(&'k str, u64), Fault> {
    let unknown = || Fault::UnknownTask {
        key: crate::error::bounded(key),
    };
    let (project, number) = match key.rsplit_once('#') {
        Some((p, n)) if !p.is_empty() => (p, n),
        Some((_, n)) => (default_project.ok_or_else(unknown)?, n),
        None => (default_project.ok_or_else(unknown)?, key),
    };
    let number = number.parse::<u64>().map_err(|_| unknown())?;
    if !crate::reply::is_token_text(project) {
        return Err(unknown());
    }
    Ok((project, number))
}
