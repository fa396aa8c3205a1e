//! Bitrix24 through an incoming webhook (it has no pre-filled task form).
//!
//! Contract, from Bitrix24's REST documentation (apidocs.bitrix24.com; github.com/bitrix24/
//! b24restdocs: api-reference/tasks/tasks-task-add.md, tasks-task-get.md, fields.md,
//! common/system/scope.md, _includes/system-errors.md):
//! - A webhook is called as `POST <portal>/rest/<user id>/<webhook code>/<method>` with a JSON
//!   body; the code is the token, so it sits in the path and every error text is redacted.
//! - Create: `tasks.task.add` with `{"fields": {"TITLE", "DESCRIPTION", "RESPONSIBLE_ID",
//!   "GROUP_ID"}}` (RESPONSIBLE_ID is required: the assignee, else the webhook's user);
//!   200 `{"result": {"task": {"id": "3711", "title", ...}}}`. Descriptions are BBCode.
//! - Status: `tasks.task.get` with `{"taskId", "select": ["ID", "TITLE", "STATUS"]}`;
//!   `result.task.status` is a code (2 pending, 3 in progress, 4 awaiting control,
//!   5 completed, 6 deferred); `"result": []` when the task is unknown or hidden.
//! - Check: `scope` lists the webhook's permissions; `task` must be among them.
//! - Errors: `{"error", "error_description"}` — 400 `ERROR_CORE` (validation), 401
//!   `INVALID_CREDENTIALS` (wrong code), 401 `insufficient_scope`, 404
//!   `ERROR_METHOD_NOT_FOUND` (also a method hidden by a missing scope).

use i18n::t;
use serde_json::{Value, json};

use super::{CheckReport, CreatedTask, Ctx, TaskStatus};
use crate::config::is_digits;
use crate::draft::Draft;
use crate::encode::component;
use crate::error::Fault;
use crate::http::{Method, Reply, Request};
use crate::reply::{id_at, is_success, json, opt_text, status_fault};

const SCOPE: &str = "task";

fn call(c: &Ctx, method: &str, body: &Value, not_found: Fault) -> Result<Value, Fault> {
    let user = c.config.user.as_deref().unwrap_or_default();
    let path = c.http.base.at(&format!(
        "/rest/{}/{}/{method}",
        component(user),
        component(c.token.expose())
    ));
    let reply = c.send(&Request::json(Method::Post, path, body))?;
    if !is_success(&reply) {
        return Err(fault(&reply, not_found));
    }
    json(&reply)
}

pub(super) fn fault(reply: &Reply, not_found: Fault) -> Fault {
    let error = serde_json::from_slice::<Value>(&reply.body)
        .ok()
        .and_then(|v| opt_text(&v, "/error"))
        .unwrap_or_default();
    match error.as_str() {
        "insufficient_scope" | "ERROR_METHOD_NOT_FOUND" => Fault::MissingScope {
            scope: SCOPE.into(),
        },
        "QUERY_LIMIT_EXCEEDED" | "OPERATION_TIME_LIMIT" => Fault::RateLimited,
        _ => status_fault(reply, not_found, messages),
    }
}

pub(super) fn messages(v: &Value) -> Vec<String> {
    opt_text(v, "/error_description")
        .or_else(|| opt_text(v, "/error"))
        .map(|m| vec![m.replace("<br>", " ")])
        .unwrap_or_default()
}

pub(super) fn create(c: &Ctx, draft: &Draft, project: Option<&str>) -> Result<CreatedTask, Fault> {
    let responsible = draft
        .assignee
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .or(c.config.user.as_deref())
        .unwrap_or_default();
    if !is_digits(responsible) {
        return Err(Fault::UnknownAssignee {
            assignee: responsible.into(),
        });
    }
    let mut fields = json!({
        "TITLE": draft.title.trim(),
        "DESCRIPTION": draft.description,
        "RESPONSIBLE_ID": responsible,
    });
    if let Some(group) = project {
        if !is_digits(group) {
            return Err(Fault::UnknownProject {
                project: group.into(),
            });
        }
        fields["GROUP_ID"] = json!(group);
    }
    let unknown = Fault::Unexpected { status: 404 };
    let v = call(c, "tasks.task.add", &json!({ "fields": fields }), unknown)?;
    read_created(c, &v, draft)
}

pub(super) fn read_created(c: &Ctx, v: &Value, draft: &Draft) -> Result<CreatedTask, Fault> {
    let id = id_at(v, "/result/task/id")?;
    if !is_digits(&id) {
        return Err(Fault::malformed("result.task.id is not a number"));
    }
    let user = c.config.user.as_deref().unwrap_or_default();
    Ok(CreatedTask {
        url: format!(
            "{}/company/personal/user/{user}/tasks/task/view/{id}/",
            c.web.as_text()
        ),
        title: opt_text(v, "/result/task/title").unwrap_or_else(|| draft.title.trim().to_string()),
        key: id,
    })
}

pub(super) fn status(c: &Ctx, key: &str) -> Result<TaskStatus, Fault> {
    let id = key.strip_prefix('#').unwrap_or(key);
    let unknown = Fault::UnknownTask {
        key: crate::error::bounded(key),
    };
    if !is_digits(id) {
        return Err(unknown);
    }
    let body = json!({ "taskId": id, "select": ["ID", "TITLE", "STATUS"] });
    let v = call(c, "tasks.task.get", &body, unknown.clone())?;
    read_status(&v, id)?.ok_or(unknown)
}

/// `None` for `"result": []`, Bitrix24's answer for a task that is unknown or hidden.
pub(super) fn read_status(v: &Value, id: &str) -> Result<Option<TaskStatus>, Fault> {
    match v.get("result") {
        Some(Value::Array(a)) if a.is_empty() => return Ok(None),
        Some(Value::Object(_)) => {}
        _ => return Err(Fault::malformed("no result")),
    }
    let code = id_at(v, "/result/task/status")?;
    // Bitrix24 answers with a code; its documented meaning, in the user's language.
    let (status, closed) = match code.as_str() {
        "1" => (t!("tracker-bitrix-status-new"), false),
        "2" => (t!("tracker-bitrix-status-pending"), false),
        "3" => (t!("tracker-bitrix-status-in-progress"), false),
        "4" => (t!("tracker-bitrix-status-awaiting-control"), false),
        "5" => (t!("tracker-bitrix-status-completed"), true),
        "6" => (t!("tracker-bitrix-status-deferred"), false),
        "7" => (t!("tracker-bitrix-status-declined"), true),
        _ => return Err(Fault::malformed("result.task.status is not a known code")),
    };
    Ok(Some(TaskStatus {
        key: id.to_string(),
        title: opt_text(v, "/result/task/title"),
        status,
        closed: Some(closed),
    }))
}

pub(super) fn check(c: &Ctx) -> Result<CheckReport, Fault> {
    let v = call(c, "scope", &json!({}), Fault::Unexpected { status: 404 })?;
    let scopes = read_scopes(&v)?;
    if !scopes.iter().any(|s| s == SCOPE) {
        return Err(Fault::MissingScope {
            scope: SCOPE.into(),
        });
    }
    Ok(CheckReport {
        account: c.config.user.clone().unwrap_or_default(),
        project: None,
    })
}

pub(super) fn read_scopes(v: &Value) -> Result<Vec<String>, Fault> {
    let list = v
        .get("result")
        .and_then(Value::as_array)
        .ok_or_else(|| Fault::malformed("result is not a list of scopes"))?;
    Ok(list
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect())
}
