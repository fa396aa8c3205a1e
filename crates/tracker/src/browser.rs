//! Browser mode: the tracker's own "new issue" form, pre-filled through its URL.
//!
//! In: a config and a draft. Out: a [`PrefillUrl`] — the app opens it (the `open` crate) and
//! the admin submits the form in the tracker, signed in as themselves; no token is involved.
//!
//! Every value is percent-encoded (`encode.rs`). A URL longer than [`url_limit`] keeps the
//! title and as much of the description as fits, and ends the description with a line the
//! caller words (the app's catalog: "[shortened: N characters left out]").
//!
//! The forms and their parameters, as documented:
//! - Jira: `<base>/secure/CreateIssueDetails!init.jspa?pid=&issuetype=&summary=&description=`
//!   ("Creating issues via direct HTML links", Atlassian's Jira documentation since 3.5:
//!   `pid` and `issuetype` are numeric ids).
//! - GitHub: `<base>/<owner>/<repo>/issues/new?title=&body=&assignees=` (docs.github.com,
//!   "About automation for issues and pull requests with query parameters"; a URL past the
//!   server limit gets 414 URI Too Long).
//! - GitLab: `<base>/<group>/<project>/-/issues/new?issue[title]=&issue[description]=`
//!   (docs.gitlab.com, user/project/issues/create_issues, "Using a URL with prefilled values").
//! - YouTrack: `<base>/newIssue?project=&summary=&description=` (the link JetBrains' own
//!   projects publish, e.g. youtrack.jetbrains.com/newIssue?project=KT; YouTrack's
//!   "Create issue" link in the UI carries the same parameters).
//! - Redmine: `<base>/projects/<identifier>/issues/new?issue[subject]=&issue[description]=`
//!   (the form's own field names; IssuesController#new builds the issue from `params[:issue]`).
//! - Linear: `<base>/team/<KEY>/new?title=&description=&assignee=` or `<base>/new?...`
//!   (developers.linear.app, "How to create new issues using linear.new").
//! - Generic: the configured template, `{title}`, `{description}`, `{chat}`, `{link}`,
//!   `{author}`, `{date}` replaced by encoded values.

use crate::config::{ConfigProblem, PLACEHOLDERS, TrackerConfig, TrackerKind};
use crate::draft::Draft;
use crate::encode::{component, query, segments};
use crate::error::{Fault, TrackerError};
use crate::http::BaseUrl;
use crate::rules::Rule;

/// A pre-filled form address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrefillUrl {
    pub url: String,
    /// How many characters of the description were left out to fit [`url_limit`].
    pub left_out: Option<usize>,
}

/// The longest URL built for a tracker, in bytes.
///
/// GitHub answers 414 past about 8 KB (its documentation above). The self-hosted ones sit
/// behind servers whose request line or header buffer is 8 KB by default: nginx
/// `large_client_header_buffers 4 8k` (GitLab's bundled nginx, Redmine deployments), Tomcat's
/// `maxHttpHeaderSize` 8 KB (Jira), Jetty's `requestHeaderSize` 8 KB (YouTrack), Apache's
/// `LimitRequestLine 8190`. Linear documents no limit: the same 8,000. A generic tracker is
/// unknown: 4,000 leaves room for proxies in front of it.
pub fn url_limit(kind: TrackerKind) -> usize {
    match kind {
        TrackerKind::Generic => 4_000,
        _ => 8_000,
    }
}

/// The pre-filled form for `draft`. `shortened` words the description's last line when
/// `n` characters had to be left out.
pub fn prefill_url(
    config: &TrackerConfig,
    draft: &Draft,
    shortened: &dyn Fn(usize) -> String,
) -> Result<PrefillUrl, TrackerError> {
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
    if !config.kind.has_browser_form() {
        return Err(fail(Fault::Config(ConfigProblem::new(
            "mode",
            Rule::NoForm,
        ))));
    }
    let form = Form::new(config, draft).map_err(fail)?;
    fit(
        &form,
        &draft.title,
        &draft.description,
        url_limit(config.kind),
        shortened,
    )
    .ok_or_else(|| {
        fail(Fault::Config(ConfigProblem::new(
            "base_url",
            Rule::UrlTooLong,
        )))
    })
}

/// Everything but the title and description, fixed before the fitting starts.
struct Form<'a> {
    config: &'a TrackerConfig,
    base: String,
    project: Option<String>,
    assignee: Option<String>,
    draft: &'a Draft,
}

impl<'a> Form<'a> {
    fn new(config: &'a TrackerConfig, draft: &'a Draft) -> Result<Form<'a>, Fault> {
        let base = BaseUrl::parse(&config.base_url)
            .map_err(|p| Fault::Config(ConfigProblem::new("base_url", Rule::Url(p))))?
            .as_text();
        let project = draft
            .project
            .as_deref()
            .or(config.default_project.as_deref())
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string);
        let needs_project = matches!(
            config.kind,
            TrackerKind::JiraCloud
                | TrackerKind::JiraServer
                | TrackerKind::GitHub
                | TrackerKind::GitLab
                | TrackerKind::Redmine
        );
        if needs_project && project.is_none() {
            return Err(Fault::NoProject);
        }
        if let Some(p) = &project {
            config
                .validate_project(p)
                .map_err(|rule| Fault::Config(ConfigProblem::new("project", rule)))?;
        }
        let assignee = draft
            .assignee
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string);
        Ok(Form {
            config,
            base,
            project,
            assignee,
            draft,
        })
    }

    fn url(&self, title: &str, description: &str) -> String {
        let base = &self.base;
        let project = self.project.as_deref().unwrap_or_default();
        let assignee = self.assignee.as_deref().unwrap_or_default();
        match self.config.kind {
            TrackerKind::JiraCloud | TrackerKind::JiraServer => {
                let issue_type = self.config.issue_type.as_deref().unwrap_or_default();
                format!(
                    "{base}/secure/CreateIssueDetails!init.jspa?{}",
                    query(&[
                        ("pid", project),
                        ("issuetype", issue_type),
                        ("summary", title),
                        ("description", description),
                    ])
                )
            }
            TrackerKind::GitHub => format!(
                "{base}/{}/issues/new?{}",
                segments(project),
                query(&[
                    ("title", title),
                    ("body", description),
                    ("assignees", assignee)
                ])
            ),
            TrackerKind::GitLab => format!(
                "{base}/{}/-/issues/new?{}",
                segments(project),
                query(&[("issue[title]", title), ("issue[description]", description)])
            ),
            TrackerKind::YouTrack => format!(
                "{base}/newIssue?{}",
                query(&[
                    ("project", project),
                    ("summary", title),
                    ("description", description)
                ])
            ),
            TrackerKind::Redmine => format!(
                "{base}/projects/{}/issues/new?{}",
                component(project),
                query(&[
                    ("issue[subject]", title),
                    ("issue[description]", description),
                    ("issue[assigned_to_id]", assignee),
                ])
            ),
            TrackerKind::Linear => {
                let q = query(&[
                    ("title", title),
                    ("description", description),
                    ("assignee", assignee),
                ]);
                match &self.project {
                    Some(team) => format!("{base}/team/{}/new?{q}", component(team)),
                    None => format!("{base}/new?{q}"),
                }
            }
            TrackerKind::Generic => self.generic(title, description),
            TrackerKind::Bitrix24 => String::new(),
        }
    }

    fn generic(&self, title: &str, description: &str) -> String {
        let first = self.draft.quotes.first();
        let value = |placeholder: &str| -> String {
            match placeholder {
                "{title}" => title.to_string(),
                "{description}" => description.to_string(),
                "{chat}" => first.map(|q| q.chat_title.clone()).unwrap_or_default(),
                "{link}" => first.and_then(|q| q.link.clone()).unwrap_or_default(),
                "{author}" => first.map(|q| q.author.clone()).unwrap_or_default(),
                "{date}" => first.map(|q| q.time_text()).unwrap_or_default(),
                _ => String::new(),
            }
        };
        let template = self.config.template.as_deref().unwrap_or_default();
        let mut out = String::with_capacity(template.len() + title.len() + description.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let tail = &rest[open..];
            match PLACEHOLDERS.iter().find(|p| tail.starts_with(**p)) {
                Some(p) => {
                    out.push_str(&component(&value(p)));
                    rest = &tail[p.len()..];
                }
                None => {
                    out.push('{');
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// The URL with the whole description if it fits `limit`; else with the longest start of the
/// description that fits, followed by the caller's note; else with a shortened title too.
fn fit(
    form: &Form,
    title: &str,
    description: &str,
    limit: usize,
    shortened: &dyn Fn(usize) -> String,
) -> Option<PrefillUrl> {
    let title = title.trim();
    let url = form.url(title, description);
    if url.len() <= limit {
        return Some(PrefillUrl {
            url,
            left_out: None,
        });
    }
    let total = description.chars().count();
    let cut = |keep: usize| -> String {
        let end = description
            .char_indices()
            .nth(keep)
            .map_or(description.len(), |(i, _)| i);
        let head = description[..end].trim_end();
        let note = shortened(total - keep);
        if head.is_empty() {
            note
        } else {
            format!("{head}\n\n{note}")
        }
    };
    let fits = |keep: usize| form.url(title, &cut(keep)).len() <= limit;
    if let Some(keep) = largest(total, fits) {
        return Some(PrefillUrl {
            url: form.url(title, &cut(keep)),
            left_out: Some(total - keep),
        });
    }
    // Not even the note fits beside the title: shorten the title as well.
    let note = cut(0);
    let chars: Vec<char> = title.chars().collect();
    let short = |keep: usize| format!("{}…", chars[..keep].iter().collect::<String>());
    let keep = largest(chars.len(), |k| form.url(&short(k), &note).len() <= limit)?;
    Some(PrefillUrl {
        url: form.url(&short(keep), &note),
        left_out: Some(total),
    })
}

/// The largest `k` in `0..=n` for which `fits(k)`, assuming `fits` turns false once as `k`
/// grows; checked, so a non-monotonic `fits` can only cost characters, never overshoot.
fn largest(n: usize, fits: impl Fn(usize) -> bool) -> Option<usize> {
    if !fits(0) {
        return None;
    }
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Some(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_finds_the_boundary() {
        assert_eq!(largest(100, |k| k <= 37), Some(37));
        assert_eq!(largest(100, |_| true), Some(100));
        assert_eq!(largest(100, |_| false), None);
        assert_eq!(largest(0, |_| true), Some(0));
    }
}
