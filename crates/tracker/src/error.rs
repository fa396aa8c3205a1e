//! What can go wrong with a tracker, and what the admin should do about it.
//!
//! A [`TrackerError`] names the tracker (the admin's name for it) and carries a typed
//! [`Fault`]; the app matches on the fault (to keep the form filled and offer Retry). Its
//! `Display` says what happened and what to do, in the user's language (the catalog's
//! `tracker.ftl`); messages a tracker sent are passed through as it wrote them.
//!
//! Anything a tracker sent back (a redirect's address, validation messages) passes through
//! [`Fault::redact`] before it is shown, so a token echoed by a server never reaches a screen.

use std::fmt;

use i18n::t;

use crate::config::ConfigProblem;

/// A failed tracker operation: which tracker, and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{tracker}: {fault}")]
pub struct TrackerError {
    pub tracker: String,
    pub fault: Fault,
}

/// What went wrong, each with what to do in its `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// The tracker's config cannot work; nothing was sent.
    Config(ConfigProblem),
    /// An `http://` address for a host other than this machine; nothing was sent.
    NotHttps {
        url: String,
    },
    /// No project chosen and none configured.
    NoProject,
    /// The task has no title.
    EmptyTitle,
    /// API mode without a token stored for this tracker.
    NoToken,
    /// Unknown host, refused connection, TLS failure.
    Unreachable {
        detail: String,
    },
    /// No complete answer within the time allowed.
    Timeout {
        seconds: u64,
    },
    /// 401: the token is wrong, expired or revoked.
    Unauthorized,
    /// 403 (or the tracker's equivalent): the token's account may not do this.
    Forbidden {
        detail: Option<String>,
    },
    /// The token works but lacks a permission the call needs (Bitrix24 webhook scopes).
    MissingScope {
        scope: String,
    },
    UnknownProject {
        project: String,
    },
    UnknownTask {
        key: String,
    },
    /// No such user to assign the task to.
    UnknownAssignee {
        assignee: String,
    },
    /// The tracker refused the task's fields (422, Jira's `errors`, GitHub's `errors`, ...).
    Validation {
        messages: Vec<String>,
    },
    /// A redirect to another host: never followed, the token stays home.
    RedirectElsewhere {
        location: String,
    },
    /// A same-host redirect that cannot be followed without changing the request.
    Redirected {
        location: String,
    },
    /// 429.
    RateLimited,
    /// 5xx.
    Server {
        status: u16,
    },
    /// A status the tracker's API does not document for this call.
    Unexpected {
        status: u16,
    },
    /// The reply passed the size limit and was not read further.
    OversizeReply {
        limit: usize,
    },
    /// The reply is not what this tracker kind sends.
    MalformedReply {
        detail: String,
    },
}

/// At most this many of a tracker's messages, each at most this long, are kept: a reply is
/// outside text and the error ends up in a dialog.
const MAX_MESSAGES: usize = 5;
const MAX_MESSAGE_CHARS: usize = 300;

impl Fault {
    /// A validation fault from a tracker's messages, bounded and de-duplicated.
    pub(crate) fn validation(messages: impl IntoIterator<Item = String>) -> Fault {
        let mut kept: Vec<String> = Vec::new();
        for m in messages {
            let m = bounded(m.trim());
            if !m.is_empty() && !kept.contains(&m) && kept.len() < MAX_MESSAGES {
                kept.push(m);
            }
        }
        Fault::Validation { messages: kept }
    }

    pub(crate) fn malformed(detail: impl Into<String>) -> Fault {
        Fault::MalformedReply {
            detail: bounded(&detail.into()),
        }
    }

    /// The fault with every occurrence of `secret` in its text replaced by `***`.
    pub fn redact(self, secret: &str) -> Fault {
        if secret.is_empty() {
            return self;
        }
        let r = |s: String| s.replace(secret, "***");
        match self {
            Fault::NotHttps { url } => Fault::NotHttps { url: r(url) },
            Fault::Unreachable { detail } => Fault::Unreachable { detail: r(detail) },
            Fault::Forbidden { detail } => Fault::Forbidden {
                detail: detail.map(r),
            },
            Fault::UnknownProject { project } => Fault::UnknownProject {
                project: r(project),
            },
            Fault::UnknownTask { key } => Fault::UnknownTask { key: r(key) },
            Fault::UnknownAssignee { assignee } => Fault::UnknownAssignee {
                assignee: r(assignee),
            },
            Fault::Validation { messages } => Fault::Validation {
                messages: messages.into_iter().map(r).collect(),
            },
            Fault::RedirectElsewhere { location } => Fault::RedirectElsewhere {
                location: r(location),
            },
            Fault::Redirected { location } => Fault::Redirected {
                location: r(location),
            },
            Fault::MalformedReply { detail } => Fault::MalformedReply { detail: r(detail) },
            other => other,
        }
    }

    /// Whether trying the same request again later may succeed (the form offers Retry).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Fault::Unreachable { .. }
                | Fault::Timeout { .. }
                | Fault::RateLimited
                | Fault::Server { .. }
        )
    }
}

pub(crate) fn bounded(s: &str) -> String {
    let s: String = s.chars().filter(|c| !c.is_control() || *c == ' ').collect();
    if s.chars().count() <= MAX_MESSAGE_CHARS {
        return s;
    }
    let cut: String = s.chars().take(MAX_MESSAGE_CHARS - 1).collect();
    format!("{cut}…")
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Fault::Config(p) => t!(
                "tracker-fault-config",
                field = p.field.as_str(),
                problem = p.rule.to_string()
            ),
            Fault::NotHttps { url } => t!("tracker-fault-not-https", url = url.as_str()),
            Fault::NoProject => t!("tracker-fault-no-project"),
            Fault::EmptyTitle => t!("tracker-fault-empty-title"),
            Fault::NoToken => t!("tracker-fault-no-token"),
            Fault::Unreachable { detail } => {
                t!("tracker-fault-unreachable", detail = detail.as_str())
            }
            Fault::Timeout { seconds } => t!("tracker-fault-timeout", seconds = *seconds),
            Fault::Unauthorized => t!("tracker-fault-unauthorized"),
            Fault::Forbidden { detail: None } => t!("tracker-fault-forbidden"),
            Fault::Forbidden { detail: Some(d) } => {
                t!("tracker-fault-forbidden-detail", detail = d.as_str())
            }
            Fault::MissingScope { scope } => {
                t!("tracker-fault-missing-scope", scope = scope.as_str())
            }
            Fault::UnknownProject { project } => {
                t!("tracker-fault-unknown-project", project = project.as_str())
            }
            Fault::UnknownTask { key } => t!("tracker-fault-unknown-task", key = key.as_str()),
            Fault::UnknownAssignee { assignee } => {
                t!(
                    "tracker-fault-unknown-assignee",
                    assignee = assignee.as_str()
                )
            }
            Fault::Validation { messages } if messages.is_empty() => {
                t!("tracker-fault-validation")
            }
            Fault::Validation { messages } => {
                t!(
                    "tracker-fault-validation-messages",
                    messages = messages.join("; ")
                )
            }
            Fault::RedirectElsewhere { location } => {
                t!(
                    "tracker-fault-redirect-elsewhere",
                    location = location.as_str()
                )
            }
            Fault::Redirected { location } => {
                t!("tracker-fault-redirected", location = location.as_str())
            }
            Fault::RateLimited => t!("tracker-fault-rate-limited"),
            Fault::Server { status } => t!("tracker-fault-server", status = *status),
            Fault::Unexpected { status } => t!("tracker-fault-unexpected", status = *status),
            Fault::OversizeReply { limit } => t!("tracker-fault-oversize", limit = *limit),
            Fault::MalformedReply { detail } => {
                t!("tracker-fault-malformed", detail = detail.as_str())
            }
        };
        f.write_str(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_reaches_every_text_from_a_server() {
        let f = Fault::RedirectElsewhere {
            location: "https://evil.example/rest/1/s3cr3t/tasks".into(),
        }
        .redact("s3cr3t");
        assert_eq!(f.to_string().matches("s3cr3t").count(), 0, "{f}");
        let v = Fault::validation(["bad s3cr3t".to_string()]).redact("s3cr3t");
        assert_eq!(
            v,
            Fault::Validation {
                messages: vec!["bad ***".into()]
            }
        );
    }

    #[test]
    fn messages_are_bounded() {
        let f = Fault::validation((0..20).map(|i| format!("{i}{}", "x".repeat(1000))));
        let Fault::Validation { messages } = f else {
            panic!()
        };
        assert_eq!(messages.len(), MAX_MESSAGES);
        assert!(
            messages
                .iter()
                .all(|m| m.chars().count() <= MAX_MESSAGE_CHARS)
        );
    }

    #[test]
    fn faults_are_said_in_the_users_language() {
        use i18n::Language;
        let fault = Fault::OversizeReply { limit: 1 << 20 };
        let en = i18n::with_language(Language::En, || fault.to_string());
        assert!(en.contains("larger than 1048576 bytes"), "{en}");
        let ru = i18n::with_language(Language::Ru, || Fault::Unauthorized.to_string());
        assert!(ru.starts_with("токен отклонён (401)"), "{ru}");
        let config = Fault::Config(ConfigProblem::new(
            "base_url",
            crate::Rule::Url(crate::UrlProblem::NotHttps),
        ));
        let ru = i18n::with_language(Language::Ru, || config.to_string());
        assert_eq!(
            ru,
            "исправьте `base_url` в его записи [[trackers]]: не https://; http:// допустим только для localhost"
        );
    }
}
