//! What can go wrong with a tracker, and what the admin should do about it.
//!
//! A [`TrackerError`] names the tracker (the admin's name for it) and carries a typed
//! [`Fault`]; the app matches on the fault (to keep the form filled and offer Retry, or to
//! translate). The English sentences below are this crate's only user-visible words besides
//! product names: they live here, in one `Display`, so the app's catalog can replace them.
//!
//! Anything a tracker sent back (a redirect's address, validation messages) passes through
//! [`Fault::redact`] before it is shown, so a token echoed by a server never reaches a screen.

use std::fmt;

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
        match self {
            Fault::Config(p) => write!(f, "fix {p} in its [[trackers]] entry"),
            Fault::NotHttps { url } => write!(
                f,
                "{url} is not an https:// address; only a tracker on this machine (localhost) \
                 may use http://, so a token never crosses the network unencrypted"
            ),
            Fault::NoProject => write!(
                f,
                "no project chosen and no default_project configured; choose a project"
            ),
            Fault::EmptyTitle => write!(f, "the task has no title; type one"),
            Fault::NoToken => write!(
                f,
                "no token is stored for this tracker; create one in the tracker and store it"
            ),
            Fault::Unreachable { detail } => write!(
                f,
                "cannot reach the tracker ({detail}); check its address and the network, then Retry"
            ),
            Fault::Timeout { seconds } => write!(
                f,
                "no answer within {seconds} s; the tracker may be busy or unreachable, Retry"
            ),
            Fault::Unauthorized => write!(
                f,
                "the token was refused (401); create a new token in the tracker and store it again"
            ),
            Fault::Forbidden { detail } => {
                write!(f, "the token's account may not do this (403)")?;
                if let Some(d) = detail {
                    write!(f, ": {d}")?;
                }
                write!(
                    f,
                    "; check the account's permissions and the token's scopes"
                )
            }
            Fault::MissingScope { scope } => write!(
                f,
                "the token lacks the \"{scope}\" permission; add it to the token (webhook) in \
                 the tracker"
            ),
            Fault::UnknownProject { project } => write!(
                f,
                "project \"{project}\" does not exist or the token's account cannot see it; \
                 choose another project or fix the config"
            ),
            Fault::UnknownTask { key } => write!(
                f,
                "task {key} does not exist or the token's account cannot see it"
            ),
            Fault::UnknownAssignee { assignee } => write!(
                f,
                "the tracker has no user \"{assignee}\"; choose another assignee"
            ),
            Fault::Validation { messages } if messages.is_empty() => write!(
                f,
                "the tracker did not accept the task; check the form and Retry"
            ),
            Fault::Validation { messages } => write!(
                f,
                "the tracker did not accept the task: {}; correct the form and Retry",
                messages.join("; ")
            ),
            Fault::RedirectElsewhere { location } => write!(
                f,
                "the tracker redirects to another host ({location}); DutyDesk does not send the \
                 token there. If the tracker moved, set base_url to its new address"
            ),
            Fault::Redirected { location } => write!(
                f,
                "the tracker redirects to {location}; set base_url to that address"
            ),
            Fault::RateLimited => write!(f, "too many requests (429); wait a minute and Retry"),
            Fault::Server { status } => {
                write!(f, "the tracker failed (HTTP {status}); Retry later")
            }
            Fault::Unexpected { status } => write!(
                f,
                "unexpected answer (HTTP {status}); check that base_url and kind name this tracker"
            ),
            Fault::OversizeReply { limit } => write!(
                f,
                "the reply is larger than {limit} bytes; check that base_url points at the tracker"
            ),
            Fault::MalformedReply { detail } => write!(
                f,
                "the reply is not what this tracker sends ({detail}); check that base_url and \
                 kind name this tracker"
            ),
        }
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
}
