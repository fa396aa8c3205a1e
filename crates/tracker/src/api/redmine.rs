//! Redmine REST, JSON format.
//!
//! Contract, from redmine.org/projects/redmine/wiki (Rest_api, Rest_Issues, Rest_Projects,
//! Rest_Users), checked against a real Redmine 5.0 in `tests/redmine_real.rs`:
//! - Auth: the user's API key in `X-Redmine-API-Key`; the REST API must be enabled by an
//!   administrator (otherwise 403). A wrong key is a 401.
//! - Create: `POST /issues.json` with `{"issue": {"project_id" (id or identifier), "subject",
//!   "description", "assigned_to_id" (numeric)}}`; 201 with `{"issue": {"id", "subject", ...}}`.
//! - Validation: 422 `{"errors": [texts]}` in the admin's language. An unknown project is a
//!   422 too ("Project cannot be blank"), so a 422 is followed by `GET /projects/<p>.json` to
//!   tell an unknown project (404) from other validation errors.
//! - Status: `GET /issues/<id>.json`, `issue.status.name` and `issue.status.is_closed`.
//! - Check: `GET /users/current.json`; project: `GET /projects/<p>.json` (404 unknown).

use serde_json::{Value, json};

use super::{CheckReport, CreatedTask, Ctx, TaskStatus};
use crate::config::is_digits;
use crate::draft::Draft;
use crate::encode::component;
use crate::error::Fault;
use crate::http::{Method, Reply, Request};
use crate::reply::{self, is_success, json, number_at, opt_text, status_fault, text_at};

fn authorized(c: &Ctx, request: Request) -> Request {
    request.header("X-Redmine-API-Key", c.token.expose().to_string())
}

pub(super) fn messages(v: &Value) -> Vec<String> {
    v.get("errors").map(reply::strings).unwrap_or_default()
}

fn project_path(c: &Ctx, project: &str) -> String {
    c.http
        .base
        .at(&format!("/projects/{}.json", component(project)))
}

pub(super) fn create(c: &Ctx, draft: &Draft, project: &str) -> Result<CreatedTask, Fault> {
    let mut issue = json!({
        "project_id": project,
        "subject": draft.title.trim(),
        "description": draft.description,
    });
    if let Some(a) = draft
        .assignee
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        if !is_digits(a) {
            return Err(Fault::UnknownAssignee { assignee: a.into() });
        }
        issue["assigned_to_id"] = json!(
            a.parse::<u64>()
                .map_err(|_| { Fault::UnknownAssignee { assignee: a.into() } })?
        );
    }
    let path = c.http.base.at("/issues.json");
    let body = json!({ "issue": issue });
    let reply = c.send(&authorized(c, Request::json(Method::Post, path, &body)))?;
    let unknown = Fault::UnknownProject {
        project: project.into(),
    };
    if reply.status == 422 && project_is_unknown(c, project)? {
        return Err(unknown);
    }
    read_created(c, &reply, unknown, draft)
}

pub(super) fn read_created(
    c: &Ctx,
    reply: &Reply,
    unknown: Fault,
    draft: &Draft,
) -> Result<CreatedTask, Fault> {
    if !is_success(reply) {
        return Err(status_fault(reply, unknown, messages));
    }
    let v = json(reply)?;
    let id = number_at(&v, "/issue/id")?;
    Ok(CreatedTask {
        key: format!("#{id}"),
        title: opt_text(&v, "/issue/subject").unwrap_or_else(|| draft.title.trim().to_string()),
        url: format!("{}/issues/{id}", c.web.as_text()),
    })
}

fn project_is_unknown(c: &Ctx, project: &str) -> Result<bool, Fault> {
    let reply = c.send(&authorized(c, Request::get(project_path(c, project))))?;
    Ok(reply.status == 404)
}

/// `#12` or `12`.
fn issue_id(key: &str) -> Result<u64, Fault> {
    let digits = key.strip_prefix('#').unwrap_or(key);
    match digits.parse::<u64>() {
        Ok(id) if is_digits(digits) => Ok(id),
        _ => Err(Fault::UnknownTask {
            key: crate::error::bounded(key),
        }),
    }
}

pub(super) fn status(c: &Ctx, key: &str) -> Result<TaskStatus, Fault> {
    let id = issue_id(key)?;
    let path = c.http.base.at(&format!("/issues/{id}.json"));
    let reply = c.send(&authorized(c, Request::get(path)))?;
    if !is_success(&reply) {
        let unknown = Fault::UnknownTask {
            key: format!("#{id}"),
        };
        return Err(status_fault(&reply, unknown, messages));
    }
    read_status(&json(&reply)?, id)
}

pub(super) fn read_status(v: &Value, id: u64) -> Result<TaskStatus, Fault> {
    Ok(TaskStatus {
        key: format!("#{id}"),
        title: opt_text(v, "/issue/subject"),
        status: text_at(v, "/issue/status/name")?,
        closed: v
            .pointer("/issue/status/is_closed")
            .and_then(Value::as_bool),
    })
}

pub(super) fn check(c: &Ctx, project: Option<&str>) -> Result<CheckReport, Fault> {
    let reply = c.send(&authorized(
        c,
        Request::get(c.http.base.at("/users/current.json")),
    ))?;
    if !is_success(&reply) {
        let not_redmine = Fault::Unexpected {
            status: reply.status,
        };
        return Err(status_fault(&reply, not_redmine, messages));
    }
    let account = text_at(&json(&reply)?, "/user/login")?;
    let project = match project {
        Some(p) => {
            let reply = c.send(&authorized(c, Request::get(project_path(c, p))))?;
            if !is_success(&reply) {
                let unknown = Fault::UnknownProject { project: p.into() };
                return Err(status_fault(&reply, unknown, messages));
            }
            Some(text_at(&json(&reply)?, "/project/name")?)
        }
        None => None,
    };
    Ok(CheckReport { account, project })
}
