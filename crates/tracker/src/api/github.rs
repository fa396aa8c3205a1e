//! GitHub REST (github.com through api.github.com; GitHub Enterprise Server at `/api/v3`).
//!
//! Contract, from docs.github.com/en/rest:
//! - Headers: `Authorization: Bearer <token>` (fine-grained or classic personal access
//!   token), `Accept: application/vnd.github+json`, `X-GitHub-Api-Version: 2022-11-28`
//!   (about-the-rest-api/api-versions), and a `User-Agent` — requests without one are refused
//!   (using-the-rest-api/getting-started-with-the-rest-api#user-agent).
//! - Create: `POST /repos/{owner}/{repo}/issues` with `title`, `body`, `assignees` (logins);
//!   201 with `number`, `title`, `html_url` (issues/issues#create-an-issue). 410 when the
//!   repository has issues turned off; 404 when the repository is unknown or hidden.
//! - Validation: 422 `{"message": "Validation Failed", "errors": [{"resource", "field",
//!   "code", "message"?}]}` (using-the-rest-api/troubleshooting-the-rest-api).
//! - Status: `GET /repos/{owner}/{repo}/issues/{number}`, `state` `open` or `closed`.
//! - Check: `GET /user`; repository: `GET /repos/{owner}/{repo}`.

use serde_json::{Value, json};

use super::{CheckReport, CreatedTask, Ctx, TaskStatus, own_url, split_numbered_key};
use crate::draft::Draft;
use crate::encode::segments;
use crate::error::Fault;
use crate::http::{Method, Reply, Request};
use crate::reply::{is_success, json, number_at, opt_text, status_fault, text_at};

pub(super) const API_VERSION: &str = "2022-11-28";

fn authorized(c: &Ctx, request: Request) -> Request {
    let mut request = request
        .header("Authorization", format!("Bearer {}", c.token.expose()))
        .header("X-GitHub-Api-Version", API_VERSION.into());
    for (name, value) in &mut request.headers {
        if *name == "Accept" {
            *value = "application/vnd.github+json".into();
        }
    }
    request
}

/// `message`, then each of `errors` as its own `message` or `resource.field: code`.
pub(super) fn messages(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let details = v.get("errors").and_then(Value::as_array);
    for e in details.into_iter().flatten() {
        if let Some(m) = opt_text(e, "/message") {
            out.push(m);
        } else if let Some(s) = e.as_str() {
            out.push(s.to_string());
        } else {
            let part = |k: &str| opt_text(e, &format!("/{k}")).unwrap_or_default();
            out.push(format!(
                "{}.{}: {}",
                part("resource"),
                part("field"),
                part("code")
            ));
        }
    }
    if out.is_empty()
        && let Some(m) = opt_text(v, "/message")
    {
        out.push(m);
    }
    out
}

fn repo_path(c: &Ctx, project: &str) -> String {
    c.http.base.at(&format!("/repos/{}", segments(project)))
}

pub(super) fn create(c: &Ctx, draft: &Draft, project: &str) -> Result<CreatedTask, Fault> {
    let mut body = json!({
        "title": draft.title.trim(),
        "body": draft.description,
    });
    if let Some(a) = draft
        .assignee
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        body["assignees"] = json!([a]);
    }
    let path = format!("{}/issues", repo_path(c, project));
    let reply = c.send(&authorized(c, Request::json(Method::Post, path, &body)))?;
    read_created(c, &reply, project, draft)
}

pub(super) fn read_created(
    c: &Ctx,
    reply: &Reply,
    project: &str,
    draft: &Draft,
) -> Result<CreatedTask, Fault> {
    if reply.status == 410 {
        // The repository has issues turned off: its message says so.
        let said = serde_json::from_slice::<Value>(&reply.body).map(|v| messages(&v));
        return Err(Fault::validation(said.unwrap_or_default()));
    }
    if !is_success(reply) {
        let unknown = Fault::UnknownProject {
            project: project.into(),
        };
        return Err(status_fault(reply, unknown, messages));
    }
    let v = json(reply)?;
    let number = number_at(&v, "/number")?;
    let repo = segments(project);
    let built = format!("{}/{repo}/issues/{number}", c.web.as_text());
    Ok(CreatedTask {
        key: format!("{repo}#{number}"),
        title: opt_text(&v, "/title").unwrap_or_else(|| draft.title.trim().to_string()),
        url: own_url(c.web, opt_text(&v, "/html_url"), built),
    })
}

pub(super) fn status(c: &Ctx, key: &str) -> Result<TaskStatus, Fault> {
    let (project, number) = split_numbered_key(key, c.config.default_project.as_deref())?;
    let path = format!("{}/issues/{number}", repo_path(c, project));
    let reply = c.send(&authorized(c, Request::get(path)))?;
    if !is_success(&reply) {
        return Err(status_fault(
            &reply,
            Fault::UnknownTask { key: key.into() },
            messages,
        ));
    }
    read_status(&json(&reply)?, &format!("{project}#{number}"))
}

pub(super) fn read_status(v: &Value, key: &str) -> Result<TaskStatus, Fault> {
    let state = text_at(v, "/state")?;
    Ok(TaskStatus {
        key: key.to_string(),
        title: opt_text(v, "/title"),
        closed: Some(state == "closed"),
        status: state,
    })
}

pub(super) fn check(c: &Ctx, project: Option<&str>) -> Result<CheckReport, Fault> {
    let reply = c.send(&authorized(c, Request::get(c.http.base.at("/user"))))?;
    if !is_success(&reply) {
        let not_github = Fault::Unexpected {
            status: reply.status,
        };
        return Err(status_fault(&reply, not_github, messages));
    }
    let account = text_at(&json(&reply)?, "/login")?;
    let project = match project {
        Some(p) => {
            let reply = c.send(&authorized(c, Request::get(repo_path(c, p))))?;
            if !is_success(&reply) {
                let unknown = Fault::UnknownProject { project: p.into() };
                return Err(status_fault(&reply, unknown, messages));
            }
            Some(text_at(&json(&reply)?, "/full_name")?)
        }
        None => None,
    };
    Ok(CheckReport { account, project })
}
