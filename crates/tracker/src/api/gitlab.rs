//! GitLab REST v4 (gitlab.com and self-managed).
//!
//! Contract, from docs.gitlab.com/api/ (rest/index, issues, users):
//! - Auth: a personal, project or group access token in the `PRIVATE-TOKEN` header.
//! - A project is its numeric id or its URL-encoded path (`group%2Fproject`).
//! - Create: `POST /api/v4/projects/:id/issues` with `title`, `description`, `assignee_ids`
//!   (user ids; a user name is looked up with `GET /api/v4/users?username=`); 201 with the
//!   issue, `iid` its number in the project, `web_url` its page.
//! - Status: `GET /api/v4/projects/:id/issues/:iid`, `state` `opened` or `closed`.
//! - Check: `GET /api/v4/user`; project: `GET /api/v4/projects/:id` (404
//!   `{"message": "404 Project Not Found"}`).
//! - Errors: `{"message": text | {field: [texts]}}` or `{"error": text}`; 400 for missing or
//!   invalid fields, 401, 403, 404.

use serde_json::{Value, json};

use super::{CheckReport, CreatedTask, Ctx, TaskStatus, own_url, split_numbered_key};
use crate::config::is_digits;
use crate::draft::Draft;
use crate::encode::{component, query, segments};
use crate::error::Fault;
use crate::http::{Method, Reply, Request};
use crate::reply::{self, is_success, json, number_at, opt_text, status_fault, text_at};

fn authorized(c: &Ctx, request: Request) -> Request {
    request.header("PRIVATE-TOKEN", c.token.expose().to_string())
}

pub(super) fn messages(v: &Value) -> Vec<String> {
    ["message", "error"]
        .iter()
        .filter_map(|k| v.get(*k))
        .flat_map(reply::strings)
        .collect()
}

fn project_path(c: &Ctx, project: &str) -> String {
    c.http
        .base
        .at(&format!("/api/v4/projects/{}", component(project)))
}

fn assignee_id(c: &Ctx, assignee: &str) -> Result<u64, Fault> {
    if is_digits(assignee) {
        return assignee.parse().map_err(|_| Fault::UnknownAssignee {
            assignee: assignee.into(),
        });
    }
    let path = c.http.base.at(&format!(
        "/api/v4/users?{}",
        query(&[("username", assignee)])
    ));
    let reply = c.send(&authorized(c, Request::get(path)))?;
    if !is_success(&reply) {
        let not_gitlab = Fault::Unexpected {
            status: reply.status,
        };
        return Err(status_fault(&reply, not_gitlab, messages));
    }
    match json(&reply)?.as_array().and_then(|users| users.first()) {
        Some(user) => number_at(user, "/id"),
        None => Err(Fault::UnknownAssignee {
            assignee: assignee.into(),
        }),
    }
}

pub(super) fn create(c: &Ctx, draft: &Draft, project: &str) -> Result<CreatedTask, Fault> {
    let mut body = json!({
        "title": draft.title.trim(),
        "description": draft.description,
    });
    if let Some(a) = draft
        .assignee
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        body["assignee_ids"] = json!([assignee_id(c, a)?]);
    }
    let path = format!("{}/issues", project_path(c, project));
    let reply = c.send(&authorized(c, Request::json(Method::Post, path, &body)))?;
    read_created(c, &reply, project, draft)
}

pub(super) fn read_created(
    c: &Ctx,
    reply: &Reply,
    project: &str,
    draft: &Draft,
) -> Result<CreatedTask, Fault> {
    if !is_success(reply) {
        let unknown = Fault::UnknownProject {
            project: project.into(),
        };
        return Err(status_fault(reply, unknown, messages));
    }
    let v = json(reply)?;
    let iid = number_at(&v, "/iid")?;
    let built = format!("{}/{}/-/issues/{iid}", c.web.as_text(), segments(project));
    Ok(CreatedTask {
        key: format!("{project}#{iid}"),
        title: opt_text(&v, "/title").unwrap_or_else(|| draft.title.trim().to_string()),
        url: own_url(c.web, opt_text(&v, "/web_url"), built),
    })
}

pub(super) fn status(c: &Ctx, key: &str) -> Result<TaskStatus, Fault> {
    let (project, iid) = split_numbered_key(key, c.config.default_project.as_deref())?;
    let path = format!("{}/issues/{iid}", project_path(c, project));
    let reply = c.send(&authorized(c, Request::get(path)))?;
    if !is_success(&reply) {
        return Err(status_fault(
            &reply,
            Fault::UnknownTask { key: key.into() },
            messages,
        ));
    }
    read_status(&json(&reply)?, &format!("{project}#{iid}"))
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
    let path = c.http.base.at("/api/v4/user");
    let reply = c.send(&authorized(c, Request::get(path)))?;
    if !is_success(&reply) {
        let not_gitlab = Fault::Unexpected {
            status: reply.status,
        };
        return Err(status_fault(&reply, not_gitlab, messages));
    }
    let me = json(&reply)?;
    let account = opt_text(&me, "/username")
        .or_else(|| opt_text(&me, "/name"))
        .ok_or_else(|| Fault::malformed("no username"))?;
    let project = match project {
        Some(p) => {
            let reply = c.send(&authorized(c, Request::get(project_path(c, p))))?;
            if !is_success(&reply) {
                let unknown = Fault::UnknownProject { project: p.into() };
                return Err(status_fault(&reply, unknown, messages));
            }
            let v = json(&reply)?;
            Some(match opt_text(&v, "/name_with_namespace") {
                Some(name) => name,
                None => text_at(&v, "/name")?,
            })
        }
        None => None,
    };
    Ok(CheckReport { account, project })
}
