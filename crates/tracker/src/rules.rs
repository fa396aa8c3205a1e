//! The config rules a tracker entry can break, as types; their words are the catalog's
//! (`crates/i18n/locales/*/tracker.ftl`), said in the user's language.

use std::fmt;

use i18n::t;

use crate::config::PLACEHOLDERS;

/// What is wrong with one field of a `[[trackers]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    NoName,
    /// `base_url`, or the address part of a generic `template`.
    Url(UrlProblem),
    /// `mode = "api"` for a generic tracker, which has no API.
    GenericHasNoApi,
    /// `mode = "browser"` for Bitrix24, which has no pre-filled form.
    NoForm,
    /// Jira Cloud's API needs the account e-mail (`user`).
    CloudUser,
    /// Bitrix24 needs the webhook's user id (`user`).
    WebhookUser,
    /// Jira's form takes the issue type's numeric id.
    IssueTypeId,
    /// Redmine assigns by numeric user id.
    AssigneeId,
    NoTemplate,
    UnknownPlaceholder {
        word: String,
    },
    /// A template with neither `{title}` nor `{description}`.
    TemplateEmpty,
    /// A `[trackers.projects]` key that is not a chat id.
    ChatId,
    ProjectName,
    /// Jira's form takes the project's numeric id (pid).
    JiraProjectId,
    OwnerRepo,
    GroupProject,
    WorkgroupId,
    /// The base URL alone is longer than the tracker accepts in a URL.
    UrlTooLong,
}

/// What is wrong with an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    Scheme,
    QueryOrFragment,
    UserInfo,
    Spaces,
    /// `http://` for a host other than this machine.
    NotHttps,
    Ipv6Unclosed,
    Ipv6Invalid,
    Ipv6Trailing,
    Host,
    Port,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Rule::NoName => t!("tracker-rule-no-name"),
            Rule::Url(p) => return p.fmt(f),
            Rule::GenericHasNoApi => t!("tracker-rule-generic-no-api"),
            Rule::NoForm => t!("tracker-rule-no-form"),
            Rule::CloudUser => t!("tracker-rule-cloud-user"),
            Rule::WebhookUser => t!("tracker-rule-webhook-user"),
            Rule::IssueTypeId => t!("tracker-rule-issue-type-id"),
            Rule::AssigneeId => t!("tracker-rule-assignee-id"),
            // The placeholders are written as in the config, in every language.
            Rule::NoTemplate => t!(
                "tracker-rule-no-template",
                title = "{title}",
                description = "{description}"
            ),
            Rule::UnknownPlaceholder { word } => t!(
                "tracker-rule-unknown-placeholder",
                word = word.as_str(),
                placeholders = PLACEHOLDERS.join(", ")
            ),
            Rule::TemplateEmpty => t!(
                "tracker-rule-template-empty",
                title = "{title}",
                description = "{description}"
            ),
            Rule::ChatId => t!("tracker-rule-chat-id"),
            Rule::ProjectName => t!("tracker-rule-project-name"),
            Rule::JiraProjectId => t!("tracker-rule-jira-project-id"),
            Rule::OwnerRepo => t!("tracker-rule-owner-repo"),
            Rule::GroupProject => t!("tracker-rule-group-project"),
            Rule::WorkgroupId => t!("tracker-rule-workgroup-id"),
            Rule::UrlTooLong => t!("tracker-rule-url-too-long"),
        };
        f.write_str(&text)
    }
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            UrlProblem::Scheme => t!("tracker-url-scheme"),
            UrlProblem::QueryOrFragment => t!("tracker-url-query"),
            UrlProblem::UserInfo => t!("tracker-url-user"),
            UrlProblem::Spaces => t!("tracker-url-spaces"),
            UrlProblem::NotHttps => t!("tracker-url-not-https"),
            UrlProblem::Ipv6Unclosed => t!("tracker-url-ipv6-unclosed"),
            UrlProblem::Ipv6Invalid => t!("tracker-url-ipv6-invalid"),
            UrlProblem::Ipv6Trailing => t!("tracker-url-ipv6-trailing"),
            UrlProblem::Host => t!("tracker-url-host"),
            UrlProblem::Port => t!("tracker-url-port"),
        };
        f.write_str(&text)
    }
}
