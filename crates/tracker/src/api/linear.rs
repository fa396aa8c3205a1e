//! Linear GraphQL (`https://api.linear.app/graphql`).
//!
//! Contract, from linear.app/developers (graphql, "Getting started", "Creating issues"):
//! - `POST /graphql` with `{"query", "variables"}` and `Content-Type: application/json`;
//!   a personal API key goes as `Authorization: <API_KEY>` (no `Bearer`).
//! - Teams are addressed by id; the team key (`ENG`) is resolved with
//!   `teams(filter: {key: {eq: $key}}) { nodes { id key name } }`.
//! - Create: `issueCreate(input: {teamId, title, description, assigneeId})` returns
//!   `{success, issue {id identifier title url}}`.
//! - Status: `issue(id: $id)` takes the identifier (`ENG-12`) as well as the UUID;
//!   `state {name type}`, where types `completed` and `canceled` are finished.
//! - Check: `viewer {id name email}`.
//! - Errors follow GraphQL: `{"errors": [{"message", "extensions": {"code", "type",
//!   "userPresentableMessage"}}]}`, with HTTP 200 or 400; authentication errors may also come
//!   as HTTP 401.

use serde_json::{Value, json};

use super::{CheckReport, CreatedTask, Ctx, TaskStatus, checked_key, own_url};
use crate::draft::Draft;
use crate::encode::component;
use crate::error::Fault;
use crate::http::{Method, Request};
use crate::reply::{id_at, json, opt_text, status_fault, text_at};

const TEAM: &str = "query Team($key: String!) { teams(filter: { key: { eq: $key } }) \
                    { nodes { id key name } } }";
const CREATE: &str = "mutation Create($input: IssueCreateInput!) { issueCreate(input: $input) \
                      { success issue { id identifier title url } } }";
const ISSUE: &str = "query Issue($id: String!) { issue(id: $id) \
                     { identifier title url state { name type } } }";
const VIEWER: &str = "query Viewer { viewer { id name email } }";

/// One GraphQL call: its `data`, or the fault its `errors` describe.
fn call(c: &Ctx, query: &str, variables: Value, not_found: Fault) -> Result<Value, Fault> {
    let path = c.http.base.at("/graphql");
    let body = json!({ "query": query, "variables": variables });
    let request = Request::json(Method::Post, path, &body)
        .header("Authorization", c.token.expose().to_string());
    let reply = c.send(&request)?;
    if !matches!(reply.status, 200 | 400) {
        return Err(status_fault(&reply, not_found, messages));
    }
    read_data(&json(&reply)?, not_found)
}

pub(super) fn read_data(v: &Value, not_found: Fault) -> Result<Value, Fault> {
    if let Some(errors) = v.get("errors").and_then(Value::as_array)
        && !errors.is_empty()
    {
        return Err(errors_fault(errors, not_found));
    }
    match v.get("data") {
        Some(data) if data.is_object() => Ok(data.clone()),
        _ => Err(Fault::malformed("no data")),
    }
}

fn errors_fault(errors: &[Value], not_found: Fault) -> Fault {
    let kinds: Vec<String> = errors
        .iter()
        .flat_map(|e| {
            ["/extensions/code", "/extensions/type", "/message"]
                .into_iter()
                .filter_map(|p| opt_text(e, p))
        })
        .map(|k| k.to_ascii_lowercase())
        .collect();
    let any = |needle: &str| kinds.iter().any(|k| k.contains(needle));
    if any("authentication") {
        Fault::Unauthorized
    } else if any("forbidden") {
        Fault::Forbidden {
            detail: messages(&json!({ "errors": errors })).into_iter().next(),
        }
    } else if any("ratelimited") || any("rate limit") {
        Fault::RateLimited
    } else if any("entity not found") || any("entity_not_found") {
        not_found
    } else {
        Fault::validation(messages(&json!({ "errors": errors })))
    }
}

/// Each error's `userPresentableMessage`, else its `message`.
pub(super) fn messages(v: &Value) -> Vec<String> {
    v.get("errors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| {
            opt_text(e, "/extensions/userPresentableMessage").or_else(|| opt_text(e, "/message"))
        })
        .collect()
}

fn team_id(c: &Ctx, key: &str) -> Result<String, Fault> {
    let unknown = Fault::UnknownProject {
        project: key.into(),
    };
    let data = call(c, TEAM, json!({ "key": key }), unknown.clone())?;
    pick_team(&data)?.ok_or(unknown)
}

pub(super) fn pick_team(data: &Value) -> Result<Option<String>, Fault> {
    let nodes = data
        .pointer("/teams/nodes")
        .and_then(Value::as_array)
        .ok_or_else(|| Fault::malformed("no teams.nodes"))?;
    match nodes.first() {
        Some(team) => id_at(team, "/id").map(Some),
        None => Ok(None),
    }
}

pub(super) fn create(c: &Ctx, draft: &Draft, project: &str) -> Result<CreatedTask, Fault> {
    let team = team_id(c, project)?;
    let mut input = json!({
        "teamId": team,
        "title": draft.title.trim(),
        "description": draft.description,
    });
    if let Some(a) = draft
        .assignee
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        input["assigneeId"] = json!(a);
    }
    let unknown = Fault::UnknownProject {
        project: project.into(),
    };
    let data = call(c, CREATE, json!({ "input": input }), unknown)?;
    read_created(c, &data, draft)
}

pub(super) fn read_created(c: &Ctx, data: &Value, draft: &Draft) -> Result<CreatedTask, Fault> {
    if data
        .pointer("/issueCreate/success")
        .and_then(Value::as_bool)
        != Some(true)
    {
        return Err(Fault::validation(Vec::new()));
    }
    let key = text_at(data, "/issueCreate/issue/identifier")?;
    let key = checked_key(&key)?.to_string();
    let built = format!("{}/issue/{}", c.web.as_text(), component(&key));
    Ok(CreatedTask {
        title: opt_text(data, "/issueCreate/issue/title")
            .unwrap_or_else(|| draft.title.trim().to_string()),
        url: own_url(c.web, opt_text(data, "/issueCreate/issue/url"), built),
        key,
    })
}

pub(super) fn status(c: &Ctx, key: &str) -> Result<TaskStatus, Fault> {
    let key = checked_key(key)?;
    let unknown = Fault::UnknownTask { key: key.into() };
    let data = call(c, ISSUE, json!({ "id": key }), unknown.clone())?;
    if data.get("issue").is_none_or(Value::is_null) {
        return Err(unknown);
    }
    read_status(&data, key)
}

pub(super) fn read_status(data: &Value, key: &str) -> Result<TaskStatus, Fault> {
    let kind = opt_text(data, "/issue/state/type");
    Ok(TaskStatus {
        key: opt_text(data, "/issue/identifier").unwrap_or_else(|| key.to_string()),
        title: opt_text(data, "/issue/title"),
        status: text_at(data, "/issue/state/name")?,
        closed: kind.map(|k| k == "completed" || k == "canceled"),
    })
}

pub(super) fn check(c: &Ctx, project: Option<&str>) -> Result<CheckReport, Fault> {
    let data = call(c, VIEWER, json!({}), Fault::Unauthorized)?;
    let account = opt_text(&data, "/viewer/name")
        .or_else(|| opt_text(&data, "/viewer/email"))
        .ok_or_else(|| Fault::malformed("no viewer"))?;
    let project = match project {
        Some(key) => {
            let unknown = Fault::UnknownProject {
                project: key.into(),
            };
            let data = call(c, TEAM, json!({ "key": key }), unknown.clone())?;
            let nodes = data.pointer("/teams/nodes/0");
            Some(nodes.and_then(|t| opt_text(t, "/name")).ok_or(unknown)?)
        }
        None => None,
    };
    Ok(CheckReport { account, project })
}
