//! Tracker calls as data: create a task, read tasks' statuses. The request (`Debug`,
//! `PartialEq`: tests assert on it) names the tracker's config and the draft or keys; it
//! carries no token. The executor reads the token from the keyring (`tokens::TokenStore`)
//! and calls the tracker crate's blocking `Client`, both on a blocking worker in the window
//! (`Call::task`) and on the calling thread in the headless harness (`Call::block`), so
//! neither an unlock prompt nor a slow tracker ever holds the window's thread. Nothing here
//! goes through the Telegram session.

use super::MapFn;
use crate::tokens::{TokenError, Tokens};
use i18n::t;
use iced::Task;
use tracker::{
    CheckReport, Client, CreatedTask, Draft, Fault, TaskStatus, TrackerConfig, TrackerError,
};

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Creates the task the draft describes (its project, else the tracker's default).
    Create { config: TrackerConfig, draft: Draft },
    /// The current state of these tasks, one tracker call each, one token read for all.
    Statuses {
        config: TrackerConfig,
        keys: Vec<String>,
    },
    /// Reachability, the token and the default project, read-only (Settings' Check).
    Check { config: TrackerConfig },
}

/// Why a call did not get the tracker's answer: the tracker's fault, or the token's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    Tracker(TrackerError),
    /// The keyring could not give the tracker's token.
    Token {
        tracker: String,
        error: TokenError,
    },
}

impl CallError {
    /// Whether trying the same call again may work (the form offers Retry).
    pub fn is_transient(&self) -> bool {
        match self {
            CallError::Tracker(e) => e.fault.is_transient(),
            CallError::Token { error, .. } => error.is_transient(),
        }
    }

    pub fn tracker(&self) -> &str {
        match self {
            CallError::Tracker(e) => &e.tracker,
            CallError::Token { tracker, .. } => tracker,
        }
    }
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            CallError::Tracker(TrackerError {
                tracker,
                fault: Fault::NoToken,
            }) => t!("tasks-error-no-token", tracker = tracker.as_str()),
            CallError::Tracker(TrackerError { tracker, fault }) => t!(
                "tasks-error-tracker",
                tracker = tracker.as_str(),
                problem = fault.to_string()
            ),
            CallError::Token { tracker, error } => t!(
                "tasks-error-token",
                tracker = tracker.as_str(),
                problem = error.to_string()
            ),
        };
        f.write_str(&text)
    }
}

/// Each task's status, or why it could not be read.
pub type Statuses = Vec<(String, Result<TaskStatus, TrackerError>)>;

#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Created(Result<CreatedTask, CallError>),
    Statuses(Result<Statuses, CallError>),
    /// The origin the token went to, and what the tracker said.
    Checked(Result<(String, CheckReport), CallError>),
}

/// One tracker call and how its answer becomes a message.
pub struct Call<M> {
    request: Request,
    reply: Box<dyn FnOnce(Answer) -> M + Send>,
}

impl<M: Send + 'static> Call<M> {
    pub fn new(request: Request, reply: impl FnOnce(Answer) -> M + Send + 'static) -> Self {
        Call {
            request,
            reply: Box::new(reply),
        }
    }

    pub fn request(&self) -> &Request {
        &self.request
    }

    pub(crate) fn map<N: Send + 'static>(self, f: MapFn<M, N>) -> Call<N> {
        let Call { request, reply } = self;
        Call {
            request,
            reply: Box::new(move |a| f(reply(a))),
        }
    }

    /// The headless executor: the call on this thread, blocking until it is answered.
    pub fn block(self, tokens: Tokens) -> M {
        let answer = perform(self.request, tokens.as_ref());
        (self.reply)(answer)
    }

    /// The window's executor: token and call on a blocking worker, as an iced task.
    pub fn task(self, tokens: Tokens) -> Task<M> {
        let Call { request, reply } = self;
        let tracker = match &request {
            Request::Create { config, .. }
            | Request::Statuses { config, .. }
            | Request::Check { config } => config.name.clone(),
        };
        // The worker stopped (a panic): an answer all the same, never a wait.
        let lost: fn(CallError) -> Answer = match &request {
            Request::Create { .. } => |e| Answer::Created(Err(e)),
            Request::Statuses { .. } => |e| Answer::Statuses(Err(e)),
            Request::Check { .. } => |e| Answer::Checked(Err(e)),
        };
        Task::future(async move {
            let answer = tokio::task::spawn_blocking(move || perform(request, tokens.as_ref()))
                .await
                .unwrap_or_else(|e| {
                    lost(CallError::Token {
                        tracker,
                        error: TokenError::Failed {
                            reason: e.to_string(),
                        },
                    })
                });
            reply(answer)
        })
    }
}

impl<M> std::fmt::Debug for Call<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.request.fmt(f)
    }
}

/// Reads the token and makes the call, blocking.
pub fn perform(request: Request, tokens: &dyn crate::tokens::TokenStore) -> Answer {
    match request {
        Request::Create { config, draft } => Answer::Created(
            client(&config, tokens).and_then(|c| c.create(&draft).map_err(CallError::Tracker)),
        ),
        Request::Statuses { config, keys } => Answer::Statuses(client(&config, tokens).map(|c| {
            keys.into_iter()
                .map(|key| {
                    let status = c.status(&key);
                    (key, status)
                })
                .collect()
        })),
        Request::Check { config } => Answer::Checked(client(&config, tokens).and_then(|c| {
            let report = c.check().map_err(CallError::Tracker)?;
            Ok((c.api_origin(), report))
        })),
    }
}

fn client(
    config: &TrackerConfig,
    tokens: &dyn crate::tokens::TokenStore,
) -> Result<Client, CallError> {
    let token = tokens
        .read(&config.name)
        .map_err(|error| CallError::Token {
            tracker: config.name.clone(),
            error,
        })?;
    let token = token.unwrap_or_else(|| tracker::Token::new(""));
    Client::new(config, token).map_err(CallError::Tracker)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::Memory;
    use crate::ui::effect::Effects;
    use std::sync::Arc;
    use tracker::{Mode, TrackerKind};

    fn redmine(url: &str) -> TrackerConfig {
        let mut c = TrackerConfig::new("Support Redmine", TrackerKind::Redmine, url);
        c.mode = Some(Mode::Api);
        c.default_project = Some("support".into());
        c
    }

    fn draft() -> Draft {
        Draft {
            title: "Mail is down".into(),
            ..Draft::default()
        }
    }

    /// A port nothing listens on.
    fn closed_port() -> String {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    }

    #[derive(Debug, PartialEq)]
    enum Feature {
        Created(Result<CreatedTask, CallError>),
    }

    fn create(url: &str) -> Effects<Feature> {
        let request = Request::Create {
            config: redmine(url),
            draft: draft(),
        };
        Effects::tracker(request, |answer| match answer {
            Answer::Created(result) => Feature::Created(result),
            other => unreachable!("asked to create, answered {other:?}"),
        })
    }

    #[test]
    fn without_a_stored_token_nothing_is_sent_and_the_admin_is_told_where_to_enter_it() {
        let url = closed_port();
        let effects = create(&url);
        assert!(effects.telegram_calls().is_empty() && effects.http_calls().is_empty());
        let call = effects.into_parts().tracker.remove(0);
        assert_eq!(
            call.request(),
            &Request::Create {
                config: redmine(&url),
                draft: draft()
            }
        );
        let Feature::Created(Err(error)) = call.block(Arc::new(Memory::new())) else {
            panic!("created without a token");
        };
        assert!(
            matches!(&error, CallError::Tracker(e) if e.fault == Fault::NoToken),
            "{error:?}"
        );
        assert!(!error.is_transient());
        let text = i18n::with_language(i18n::Language::En, || error.to_string());
        assert!(text.starts_with("Support Redmine:"), "{text}");
        assert!(text.contains("Settings"), "{text}");
    }

    #[test]
    fn an_unreachable_tracker_is_a_transient_error_naming_it() {
        let tokens = Arc::new(Memory::with("Support Redmine", "s3cret"));
        let call = create(&closed_port()).into_parts().tracker.remove(0);
        let Feature::Created(Err(error)) = call.block(tokens) else {
            panic!("created on a closed port");
        };
        assert!(error.is_transient(), "{error:?}");
        assert_eq!(error.tracker(), "Support Redmine");
        assert!(!error.to_string().contains("s3cret"));
    }
}
