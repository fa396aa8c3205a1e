//! Browser mode's way back: the admin created the task in the tracker's own form and pastes
//! its key or its page's address into DutyDesk, which links it to the chat.
//!
//! In: the config and what was pasted (outside text: never a panic). Out: a [`PastedTask`]
//! — the key as the tracker writes it and the task's page — or a [`PasteProblem`]. An
//! address must lie under the configured base URL: it is posted into a customer's chat, so
//! only the tracker's own pages are taken. The key is read from each tracker's documented
//! page paths, the same the API clients build.

use std::fmt;

use i18n::t;

use crate::config::{TrackerConfig, TrackerKind, is_digits};
use crate::encode::{component, segments};
use crate::http::BaseUrl;

/// A task the admin pasted back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedTask {
    pub key: String,
    /// The task's page; empty when only a key was pasted for a generic tracker.
    pub url: String,
}

/// Why a pasted text names no task of this tracker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasteProblem {
    Empty,
    /// An address outside the tracker's base URL.
    OtherAddress {
        base: String,
    },
    /// Neither a key of this tracker nor one of its task pages.
    NotATask {
        example: &'static str,
    },
}

impl fmt::Display for PasteProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            PasteProblem::Empty => t!("tracker-paste-empty"),
            PasteProblem::OtherAddress { base } => {
                t!("tracker-paste-other-address", base = base.as_str())
            }
            PasteProblem::NotATask { example } => {
                t!("tracker-paste-not-a-task", example = *example)
            }
        })
    }
}

impl std::error::Error for PasteProblem {}

/// The longest text read as a key or an address.
const MAX_CHARS: usize = 2000;

/// The task `text` names in `config`'s tracker: a key (`SUP-12`, `#12`, `owner/repo#12`) or
/// the address of its page.
pub fn read_pasted(config: &TrackerConfig, text: &str) -> Result<PastedTask, PasteProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(PasteProblem::Empty);
    }
    let not_a_task = PasteProblem::NotATask {
        example: example(config.kind),
    };
    if text.chars().count() > MAX_CHARS || text.chars().any(|c| c.is_control()) {
        return Err(not_a_task);
    }
    let web = BaseUrl::parse(&config.base_url).map_err(|_| not_a_task.clone())?;
    let base = web.as_text();
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let rest = under(&base, text).ok_or(PasteProblem::OtherAddress { base: base.clone() })?;
        if text.chars().any(char::is_whitespace) {
            return Err(not_a_task);
        }
        let path = rest.split(['?', '#']).next().unwrap_or_default();
        let key = key_from_path(config, path).ok_or(not_a_task)?;
        return Ok(PastedTask {
            key,
            url: text.to_string(),
        });
    }
    key_to_task(config, &base, text).ok_or(not_a_task)
}

/// The part of `url` after `base` and a slash, if `url` lies under it (scheme and host
/// compared without case).
fn under<'u>(base: &str, url: &'u str) -> Option<&'u str> {
    let head = url.get(..base.len())?;
    if !head.eq_ignore_ascii_case(base) {
        return None;
    }
    url[base.len()..].strip_prefix('/')
}

/// An example key of each kind, for the problem's text.
fn example(kind: TrackerKind) -> &'static str {
    match kind {
        TrackerKind::JiraCloud | TrackerKind::JiraServer | TrackerKind::YouTrack => "SUP-12",
        TrackerKind::GitLab => "group/project#12",
        TrackerKind::GitHub => "owner/repo#12",
        TrackerKind::Redmine => "#12",
        TrackerKind::Linear => "ENG-12",
        TrackerKind::Bitrix24 => "123",
        TrackerKind::Generic => "https://…",
    }
}

/// `ABC-12`: a project key, a dash, a number (Jira, YouTrack, Linear).
fn is_project_key(key: &str) -> bool {
    let Some((project, number)) = key.rsplit_once('-') else {
        return false;
    };
    project
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && project
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
        && is_digits(number)
        && number.len() <= 12
}

/// `n`, with an optional `#`, a positive number of at most 12 digits.
fn number(text: &str) -> Option<&str> {
    let digits = text.strip_prefix('#').unwrap_or(text);
    (is_digits(digits) && digits.len() <= 12 && !digits.trim_start_matches('0').is_empty())
        .then_some(digits)
}

/// A project path (`group/sub/project`, `owner/repo`): plain segments only.
fn is_project_path(path: &str) -> bool {
    !path.is_empty()
        && path.split('/').all(|s| {
            !s.is_empty()
                && s != "."
                && s != ".."
                && s.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

fn key_to_task(config: &TrackerConfig, base: &str, key: &str) -> Option<PastedTask> {
    let task = |key: String, url: String| Some(PastedTask { key, url });
    match config.kind {
        TrackerKind::JiraCloud | TrackerKind::JiraServer if is_project_key(key) => {
            task(key.into(), format!("{base}/browse/{}", component(key)))
        }
        TrackerKind::YouTrack if is_project_key(key) => {
            task(key.into(), format!("{base}/issue/{}", component(key)))
        }
        TrackerKind::Linear if is_project_key(key) => {
            task(key.into(), format!("{base}/issue/{}", component(key)))
        }
        TrackerKind::Redmine => {
            let n = number(key)?;
            task(format!("#{n}"), format!("{base}/issues/{n}"))
        }
        TrackerKind::Bitrix24 => {
            let n = number(key)?;
            let user = config.user.as_deref().filter(|u| is_digits(u))?;
            task(
                n.into(),
                format!("{base}/company/personal/user/{user}/tasks/task/view/{n}/"),
            )
        }
        TrackerKind::GitHub | TrackerKind::GitLab => {
            let (project, n) = match key.rsplit_once('#') {
                Some((p, n)) if !p.is_empty() => (p, n),
                _ => (config.default_project.as_deref()?, key),
            };
            let n = number(n)?;
            if !is_project_path(project) {
                return None;
            }
            let url = if config.kind == TrackerKind::GitHub {
                format!("{base}/{}/issues/{n}", segments(project))
            } else {
                format!("{base}/{}/-/issues/{n}", segments(project))
            };
            task(format!("{project}#{n}"), url)
        }
        TrackerKind::Generic if crate::reply::is_token_text(key) => task(key.into(), String::new()),
        _ => None,
    }
}

/// The key a task page's path names (the path after the base URL, without query).
fn key_from_path(config: &TrackerConfig, path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let after = |word: &str| {
        parts
            .iter()
            .position(|p| *p == word)
            .and_then(|i| parts.get(i + 1))
            .copied()
    };
    match config.kind {
        TrackerKind::JiraCloud | TrackerKind::JiraServer => after("browse")
            .filter(|k| is_project_key(k))
            .map(str::to_string),
        TrackerKind::YouTrack | TrackerKind::Linear => after("issue")
            .filter(|k| is_project_key(k))
            .map(str::to_string),
        TrackerKind::Redmine => match parts.as_slice() {
            ["issues", n] => number(n).map(|n| format!("#{n}")),
            _ => None,
        },
        TrackerKind::Bitrix24 => after("view").and_then(number).map(str::to_string),
        TrackerKind::GitHub => match parts.as_slice() {
            [owner, repo, "issues", n] => {
                let project = format!("{owner}/{repo}");
                is_project_path(&project)
                    .then(|| number(n).map(|n| format!("{project}#{n}")))
                    .flatten()
            }
            _ => None,
        },
        TrackerKind::GitLab => {
            let dash = parts.iter().position(|p| *p == "-")?;
            match &parts[dash..] {
                ["-", "issues", n] => {
                    let project = parts[..dash].join("/");
                    is_project_path(&project)
                        .then(|| number(n).map(|n| format!("{project}#{n}")))
                        .flatten()
                }
                _ => None,
            }
        }
        TrackerKind::Generic => parts
            .last()
            .filter(|k| crate::reply::is_token_text(k))
            .map(|k| k.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn config(kind: TrackerKind, base: &str) -> TrackerConfig {
        let mut c = TrackerConfig::new("T", kind, base);
        c.default_project = Some("acme/site".into());
        c.user = Some("7".into());
        c
    }

    fn pasted(kind: TrackerKind, base: &str, text: &str) -> Result<(String, String), PasteProblem> {
        read_pasted(&config(kind, base), text).map(|t| (t.key, t.url))
    }

    #[test]
    fn keys_become_each_trackers_task_page() {
        let r = |kind, text| pasted(kind, "https://t.example.com/x", text).unwrap();
        assert_eq!(
            r(TrackerKind::JiraCloud, " SUP-12 "),
            (
                "SUP-12".into(),
                "https://t.example.com/x/browse/SUP-12".into()
            )
        );
        assert_eq!(
            r(TrackerKind::Redmine, "#34"),
            ("#34".into(), "https://t.example.com/x/issues/34".into())
        );
        assert_eq!(r(TrackerKind::Redmine, "34").0, "#34");
        assert_eq!(
            r(TrackerKind::GitHub, "#5"),
            (
                "acme/site#5".into(),
                "https://t.example.com/x/acme/site/issues/5".into()
            )
        );
        assert_eq!(
            r(TrackerKind::GitLab, "grp/sub/proj#5").1,
            "https://t.example.com/x/grp/sub/proj/-/issues/5"
        );
        assert_eq!(
            r(TrackerKind::Bitrix24, "120").1,
            "https://t.example.com/x/company/personal/user/7/tasks/task/view/120/"
        );
        assert_eq!(
            r(TrackerKind::Generic, "TICKET-9"),
            ("TICKET-9".into(), String::new())
        );
    }

    #[test]
    fn addresses_give_their_key_and_stay_as_pasted() {
        let base = "https://redmine.example.com";
        assert_eq!(
            pasted(
                TrackerKind::Redmine,
                base,
                "https://REDMINE.example.com/issues/12?tab=history#note-3"
            ),
            Ok((
                "#12".into(),
                "https://REDMINE.example.com/issues/12?tab=history#note-3".into()
            ))
        );
        let gh = "https://github.com";
        assert_eq!(
            pasted(
                TrackerKind::GitHub,
                gh,
                "https://github.com/acme/site/issues/77"
            )
            .unwrap()
            .0,
            "acme/site#77"
        );
        assert_eq!(
            pasted(TrackerKind::GitLab, gh, "https://github.com/a/b/-/issues/3")
                .unwrap()
                .0,
            "a/b#3"
        );
        assert_eq!(
            pasted(
                TrackerKind::Linear,
                "https://linear.app",
                "https://linear.app/acme/issue/ENG-4/mail-down"
            )
            .unwrap()
            .0,
            "ENG-4"
        );
        assert_eq!(
            pasted(
                TrackerKind::YouTrack,
                "https://yt.example.com",
                "https://yt.example.com/issue/SUP-3"
            )
            .unwrap()
            .0,
            "SUP-3"
        );
    }

    #[test]
    fn other_hosts_and_non_tasks_are_refused_with_what_to_paste() {
        let base = "https://redmine.example.com";
        assert_eq!(
            pasted(
                TrackerKind::Redmine,
                base,
                "https://evil.example.com/issues/12"
            ),
            Err(PasteProblem::OtherAddress { base: base.into() })
        );
        assert_eq!(
            pasted(
                TrackerKind::Redmine,
                base,
                "https://redmine.example.com.evil.io/issues/12"
            ),
            Err(PasteProblem::OtherAddress { base: base.into() })
        );
        for text in [
            "SUP-12",
            "#0",
            "https://redmine.example.com/projects/x",
            "#12 and more",
        ] {
            assert_eq!(
                pasted(TrackerKind::Redmine, base, text),
                Err(PasteProblem::NotATask { example: "#12" }),
                "{text}"
            );
        }
        assert_eq!(
            pasted(TrackerKind::Redmine, base, "  "),
            Err(PasteProblem::Empty)
        );
        let text = i18n::with_language(i18n::Language::En, || {
            PasteProblem::NotATask { example: "#12" }.to_string()
        });
        assert!(text.contains("#12"), "{text}");
    }

    proptest! {
        #[test]
        fn any_text_is_a_task_or_a_problem(text in "\\PC{0,120}", kind in 0usize..9) {
            let kind = TrackerKind::ALL[kind];
            let _ = pasted(kind, "https://t.example.com", &text);
        }

        #[test]
        fn a_keys_page_reads_back_as_the_same_key(n in 1u64..1_000_000, kind in 0usize..9) {
            let kind = TrackerKind::ALL[kind];
            let key = match kind {
                TrackerKind::Redmine => format!("#{n}"),
                TrackerKind::GitHub | TrackerKind::GitLab => format!("acme/site#{n}"),
                TrackerKind::Bitrix24 => n.to_string(),
                TrackerKind::Generic => return Ok(()),
                _ => format!("SUP-{n}"),
            };
            let (k, url) = pasted(kind, "https://t.example.com/p", &key).unwrap();
            prop_assert_eq!(&k, &key);
            let (again, _) = pasted(kind, "https://t.example.com/p", &url).unwrap();
            prop_assert_eq!(again, key);
        }
    }
}
