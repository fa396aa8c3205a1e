//! DutyDesk's task trackers: turn customers' messages into a task in the team's own tracker.
//!
//! What this crate owns, and what flows in and out:
//!
//! - **Config** ([`TrackerConfig`]): one `[[trackers]]` entry of the app's config file — name,
//!   kind, base URL, default project, per-chat projects, browser or API mode, default assignee.
//!   [`TrackerConfig::validate`] names the field that is wrong. The token is never part of it:
//!   it comes from the OS keyring as a [`Token`], whose `Debug` prints `***`.
//! - **Drafts** ([`Draft`], [`Quote`]): the quoted messages (author, time with its UTC offset,
//!   chat title, `t.me` link) become a title and a description in the markup each tracker
//!   renders ([`Markup`]). Nothing here reads a clock or a time zone.
//! - **Browser mode** ([`prefill_url`]): the tracker's own "new issue" form, pre-filled through
//!   its documented URL parameters, every value percent-encoded. A URL longer than the tracker
//!   accepts gets a shortened description and a last line the caller words (the app's catalog).
//!   Opening the browser is the app's job.
//! - **API mode** ([`Client`]): blocking calls — create a task (key, title, URL), read a task's
//!   status, check reachability and the token without creating anything (`dutydesk doctor`).
//!   Every fault is a [`TrackerError`] naming the tracker and a [`Fault`] saying what to do.
//! - **Pasted back** ([`read_pasted`]): after browser mode, the task's key or page address the
//!   admin pastes, read as the tracker writes it (addresses only under the base URL).
//!
//! The rules it keeps: a token only ever goes to the origin derived from the configured base
//! URL (redirects are never followed to another host, and are followed on the same origin
//! only where that cannot change the request); base URLs are HTTPS except on the local machine;
//! a tracker's reply is outside text — no reply, however large or malformed, panics a parser;
//! a token never appears in an error, a `Debug` output or a log line.

mod api;
mod browser;
mod config;
mod draft;
mod encode;
mod error;
mod http;
mod pasted;
mod reply;
mod rules;

pub use api::{CheckReport, Client, CreatedTask, TaskStatus};
pub use browser::{PrefillUrl, prefill_url, url_limit};
pub use config::{ConfigProblem, Mode, Token, TrackerConfig, TrackerKind};
pub use draft::{Draft, Markup, Quote, describe, title_from};
pub use error::{Fault, TrackerError};
pub use http::DEFAULT_TIMEOUT;
pub use pasted::{PasteProblem, PastedTask, read_pasted};
pub use rules::{Rule, UrlProblem};
