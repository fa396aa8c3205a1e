//! YouTrack REST (Cloud and Server, `<base_url>/api`).
//!
//! Contract, from JetBrains' developer portal (jetbrains.com/help/youtrack/devportal):
//! - Auth: a permanent token as `Authorization: Bearer perm:...`; `Accept` and
//!   `Content-Type: application/json` ("Create an Issue", api-howto-create-issue.html).
//! - Projects are addressed by entity id, not short name: `GET /api/admin/projects?fields=id,
//!   name,shortName&query=<name>` lists `[{"id", "name", "shortName"}]`
//!   (api-usecase-get-project-id.html); a short name not listed is an unknown project.
//! - Create: `POST /api/issues?fields=idReadable,summary` with `{"project": {"id"}, "summary",
//!   "description"}`; the assignee is the `Assignee` custom field,
//!   `{"name": "Assignee", "$type": "SingleUserIssueCustomField", "value": {"login"}}`.
//!   The reply holds the fields asked for (`idReadable`, `summary`).
//! - Status: `GET /api/issues/{idReadable}?fields=idReadable,summary,resolved,
//!   customFields(name,value(name))`; the state is the `State` field, `resolved` is the
//!   timestamp of resolution or null (api-entity-Issue).
//! - Check: `GET /api/users/me?fields=login,name`.
//! - Errors: `{"error", "error_description"}` with 400/401/403/404.

use i18n::t;
use serde_json::{Value, json};

use super::{CheckReport, CreatedTask, Ctx, TaskStatus, checked_key};
use crate::draft::Draft;
use crate::encode::{component, query};
use crate::error::Fault;
use crate::http::{Method, Request};
use crate::reply::{self, id_at, is_success, json, opt_text, status_fault, text_at};

fn authorized(c: &Ctx, request: Request) -> Request {
    request.header("Authorization", format!("Bearer {}", c.token.expose()))
}

pub(super) fn messages(v: &Value) -> Vec<String> {
    match opt_text(v, "/error_description") {
        Some(d) => vec![d],
        None => v.get("error").map(reply::strings).unwrap_or_default(),
    }
}

/// The entity id of the project whose short name is `project`, and its name.
fn find_project(c: &Ctx, project: &str) -> Result<(String, String), Fault> {
    let path = c.http.base.at(&format!(
        "/api/admin/projects?{}",
        query(&[("fields", "id,name,shortName"), ("query", project)])
    ));
    let reply = c.send(&authorized(c, Request::get(path)))?;
    let unknown = Fault::UnknownProject {
        project: project.into(),
    };
    if !is_success(&reply) {
        return Err(status_fault(&reply, unknown, messages));
    }
    pick_project(&json(&reply)?, project)?.ok_or(unknown)
}

pub(super) fn pick_project(list: &Value, project: &str) -> Result<Option<(String, String)>, Fault> {
    let items = list
        .as_array()
        .ok_or_else(|| Fault::malformed("the project list is not a list"))?;
    for item in items {
        let short = opt_text(item, "/shortName");
        if short.is_some_and(|s| s.eq_ignore_ascii_case(project)) {
            let id = id_at(item, "/id")?;
            let name = opt_text(item, "/name").unwrap_or_else(|| project.to_string());
            return Ok(Some((id, name)));
        }
    }
    Ok(None)
}

pub(super) fn create(c: &Ctx, draft: &Draft, project: &str) -> Result<CreatedTask, Fault> {
    let (project_id, _) = find_project(c, project)?;
    let mut body = json!({
        "project": {"id": project_id},
        "summary": draft.title.trim(),
        "description": draft.description,
    });
    if let Some(a) = draft.assignee.as_deref().filter(|a| !a.trim().is_empty()) {
        body["customFields"] = json!([{
            "name": "Assignee",
            "$type": "SingleUserIssueCustomField",
            "value": {"login": a.trim()},
        }]);
    }
    let path = c.http.base.at(&format!(
        "/api/issues?{}",
        query(&[("fields", "idReadable,summary")])
    ));
    let reply = c.send(&authorized(c, Request::json(Method::Post, path, &body)))?;
    if !is_success(&reply) {
        let unknown = Fault::UnknownProject {
            project: project.into(),
        };
        return Err(status_fault(&reply, unknown, messages));
    }
    let v = json(&reply)?;
    let key = created_key(&v)?;
    Ok(CreatedTask {
        url: format!("{}/issue/{}", c.web.as_text(), component(&key)),
        title: opt_text(&v, "/summary").unwrap_or_else(|| draft.title.trim().to_string()),
        key,
    })
}

pub(super) fn created_key(v: &Value) -> Result<String, Fault> {
    let key = text_at(v, "/idReadable")?;
    checked_key(&key).map(str::to_string)
}

pub(super) fn status(c: &Ctx, key: &str) -> Result<TaskStatus, Fault> {
    let key = checked_key(key)?;
    let path = c.http.base.at(&format!(
        "/api/issues/{}?{}",
        component(key),
        query(&[(
            "fields",
            "idReadable,summary,resolved,customFields(name,value(name))"
        )])
    ));
    let reply = c.send(&authorized(c, Request::get(path)))?;
    if !is_success(&reply) {
        return Err(status_fault(
            &reply,
            Fault::UnknownTask { key: key.into() },
            messages,
        ));
    }
    read_status(&json(&reply)?, key)
}

pub(super) fn read_status(v: &Value, key: &str) -> Result<TaskStatus, Fault> {
    let resolved = match v.get("resolved") {
        None | Some(Value::Null) => false,
        Some(Value::Number(_)) => true,
        Some(_) => return Err(Fault::malformed("resolved is not a timestamp")),
    };
    let state = v
        .get("customFields")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find(|f| f.get("name").and_then(Value::as_str) == Some("State"))
        .and_then(|f| opt_text(f, "/value/name"));
    // A project without a State field: YouTrack's own words for resolution.
    let status = state.unwrap_or_else(|| match resolved {
        true => t!("tracker-youtrack-resolved"),
        false => t!("tracker-youtrack-unresolved"),
    });
    let read_key = text_at(v, "/idReadable")?;
    if !read_key.eq_ignore_ascii_case(key) {
        return Err(Fault::malformed(format!("asked for {key}, got {read_key}")));
    }
    Ok(TaskStatus {
        key: read_key,
        title: opt_text(v, "/summary"),
        status,
        closed: Some(resolved),
    })
}

pub(super) fn check(c: &Ctx, project: Option<&str>) -> Result<CheckReport, Fault> {
    let path = c.http.base.at(&format!(
        "/api/users/me?{}",
        query(&[("fields", "login,name")])
    ));
    let reply = c.send(&authorized(c, Request::get(path)))?;
    if !is_success(&reply) {
        let not_youtrack = Fault::Unexpected {
            status: reply.status,
        };
        return Err(status_fault(&reply, not_youtrack, messages));
    }
    let me = json(&reply)?;
    let account = opt_text(&me, "/name")
        .or_else(|| opt_text(&me, "/login"))
        .ok_or_else(|| Fault::malformed("no login"))?;
    let project = match project {
        Some(p) => Some(find_project(c, p)?.1),
        None => None,
    };
    Ok(CheckReport { account, project })
}
