//! Jira Cloud (REST v3) and Jira Server/Data Center (REST v2).
//!
//! Contract, from Atlassian's documentation:
//! - Create: `POST /rest/api/{3|2}/issue` with `{"fields": {"project": {"key"}, "summary",
//!   "issuetype": {"name"}, "description", "assignee"}}`; 201 `{"id", "key", "self"}`.
//!   Cloud's description is an Atlassian Document Format document (`adf.rs`), Server's a wiki
//!   markup string (developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues,
//!   developer.atlassian.com/server/jira/platform/jira-rest-api-examples).
//! - Assignee: Cloud `{"id": accountId}`, Server `{"name": username}`.
//! - Errors: `{"errorMessages": [..], "errors": {field: message}}`; an unknown project is a
//!   400 with `errors.project`.
//! - Auth: Cloud, Basic with the account e-mail and an API token
//!   (developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis); Server/DC, a
//!   personal access token as `Authorization: Bearer` (Jira 8.14+,
//!   confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html).
//! - Status: `GET /rest/api/{v}/issue/{key}?fields=status,summary`, `fields.status.name` and
//!   `fields.status.statusCategory.key` (`done` is finished).
//! - Check: `GET /rest/api/{v}/myself`; project: `GET /rest/api/{v}/project/{key}` (404 unknown).

use serde_json::{Value, json};

use super::{CheckReport, CreatedTask, Ctx, TaskStatus, adf, checked_key};
use crate::config::TrackerKind;
use crate::draft::Draft;
use crate::encode::{component, query};
use crate::error::Fault;
use crate::http::{Method, Reply, Request};
use crate::reply::{self, is_success, json, opt_text, status_fault, text_at};

fn version(c: &Ctx) -> &'static str {
    if c.config.kind == TrackerKind::JiraCloud {
        "3"
    } else {
        "2"
    }
}

fn authorized(c: &Ctx, request: Request) -> Request {
    let value = match (&c.config.kind, &c.config.user) {
        (TrackerKind::JiraCloud, Some(user)) => basic(user, c.token.expose()),
        _ => format!("Bearer {}", c.token.expose()),
    };
    request.header("Authorization", value)
}

/// `Basic base64(user:token)` (RFC 7617).
pub(crate) fn basic(user: &str, token: &str) -> String {
    format!("Basic {}", base64(format!("{user}:{token}").as_bytes()))
}

/// Standard base64 with padding (RFC 4648 §4).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub(super) fn create(c: &Ctx, draft: &Draft, project: &str) -> Result<CreatedTask, Fault> {
    let request = authorized(c, create_request(c, draft, project));
    let reply = c.send(&request)?;
    read_created(c, &reply, project, draft)
}

fn create_request(c: &Ctx, draft: &Draft, project: &str) -> Request {
    let cloud = c.config.kind == TrackerKind::JiraCloud;
    let issue_type = c.config.issue_type.as_deref().unwrap_or("Task");
    let mut fields = json!({
        "project": {"key": project},
        "summary": draft.title.trim(),
        "issuetype": {"name": issue_type},
    });
    if !draft.description.trim().is_empty() {
        fields["description"] = if cloud {
            adf::document(&draft.description)
        } else {
            Value::String(draft.description.clone())
        };
    }
    if let Some(a) = draft.assignee.as_deref().filter(|a| !a.trim().is_empty()) {
        fields["assignee"] = if cloud {
            json!({"id": a.trim()})
        } else {
            json!({"name": a.trim()})
        };
    }
    let path = c.http.base.at(&format!("/rest/api/{}/issue", version(c)));
    Request::json(Method::Post, path, &json!({ "fields": fields }))
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
        if reply.status == 400 && names_field(reply, "project") {
            return Err(unknown);
        }
        return Err(status_fault(reply, unknown, messages));
    }
    let v = json(reply)?;
    let key = created_key(&v)?;
    Ok(CreatedTask {
        url: format!("{}/browse/{}", c.web.as_text(), component(&key)),
        key,
        title: draft.title.trim().to_string(),
    })
}

pub(super) fn created_key(v: &Value) -> Result<String, Fault> {
    let key = text_at(v, "/key")?;
    checked_key(&key).map(str::to_string)
}

/// Whether Jira's `errors` object has a message for `field`.
fn names_field(reply: &Reply, field: &str) -> bool {
    serde_json::from_slice::<Value>(&reply.body)
        .ok()
        .and_then(|v| v.get("errors").and_then(|e| e.get(field)).cloned())
        .is_some()
}

/// `errorMessages` then `errors` as `field: message`.
pub(super) fn messages(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .get("errorMessages")
        .map(reply::strings)
        .unwrap_or_default();
    if let Some(Value::Object(errors)) = v.get("errors") {
        for (field, message) in errors {
            if let Some(m) = message.as_str() {
                out.push(format!("{field}: {m}"));
            }
        }
    }
    out
}

pub(super) fn status(c: &Ctx, key: &str) -> Result<TaskStatus, Fault> {
    let key = checked_key(key)?;
    let path = c.http.base.at(&format!(
        "/rest/api/{}/issue/{}?{}",
        version(c),
        component(key),
        query(&[("fields", "status,summary")])
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
    Ok(TaskStatus {
        key: opt_text(v, "/key").unwrap_or_else(|| key.to_string()),
        title: opt_text(v, "/fields/summary"),
        status: text_at(v, "/fields/status/name")?,
        closed: opt_text(v, "/fields/status/statusCategory/key").map(|k| k == "done"),
    })
}

pub(super) fn check(c: &Ctx, project: Option<&str>) -> Result<CheckReport, Fault> {
    let path = c.http.base.at(&format!("/rest/api/{}/myself", version(c)));
    let reply = c.send(&authorized(c, Request::get(path)))?;
    if !is_success(&reply) {
        let not_jira = Fault::Unexpected {
            status: reply.status,
        };
        return Err(status_fault(&reply, not_jira, messages));
    }
    let me = json(&reply)?;
    let account = opt_text(&me, "/displayName")
        .or_else(|| opt_text(&me, "/name"))
        .or_else(|| opt_text(&me, "/accountId"))
        .ok_or_else(|| Fault::malformed("no displayName"))?;
    let project = match project {
        Some(p) => Some(check_project(c, p)?),
        None => None,
    };
    Ok(CheckReport { account, project })
}

fn check_project(c: &Ctx, project: &str) -> Result<String, Fault> {
    let path = c.http.base.at(&format!(
        "/rest/api/{}/project/{}",
        version(c),
        component(project)
    ));
    let reply = c.send(&authorized(c, Request::get(path)))?;
    if !is_success(&reply) {
        let unknown = Fault::UnknownProject {
            project: project.into(),
        };
        return Err(status_fault(&reply, unknown, messages));
    }
    text_at(&json(&reply)?, "/name")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(basic("a@b.c", "t"), "Basic YUBiLmM6dA==");
    }
}
