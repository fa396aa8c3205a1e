//! Jira Cloud (REST v3) and Jira Server/Data Center (REST v2) against a stand-in that holds
//! each request to Atlassian's documented contract:
//! - developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post
//!   (POST /rest/api/3/issue; `fields.project.key`, `fields.summary`, `fields.issuetype.name`,
//!   `fields.description` as an ADF document `{"type": "doc", "version": 1, "content"}`,
//!   `fields.assignee.id`; 201 `{"id", "key", "self"}`; 400 `{"errorMessages", "errors"}`).
//! - developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis (Cloud: Basic
//!   base64(email:api_token)); Server/DC personal access tokens: `Authorization: Bearer`.
//! - developer.atlassian.com/server/jira/platform/jira-rest-api-examples (v2: `description`
//!   is a string, `assignee.name`).
//! - GET /rest/api/{v}/issue/{key}, /myself, /project/{key} (same references).

mod support;

use serde_json::Value;
use support::*;
use tracker::{Fault, TrackerKind};

/// base64("agent@acme.test:" + TOKEN), worked out by hand (RFC 4648).
const CLOUD_AUTH: &str = "Basic YWdlbnRAYWNtZS50ZXN0OnRvay0zZjlhLVNFQ1JFVA==";

fn cloud(base: &str) -> tracker::TrackerConfig {
    let mut c = config(TrackerKind::JiraCloud, base);
    c.user = Some("agent@acme.test".into());
    c.default_project = Some("SUP".into());
    c
}

fn server(base: &str) -> tracker::TrackerConfig {
    let mut c = config(TrackerKind::JiraServer, base);
    c.default_project = Some("SUP".into());
    c.issue_type = Some("Bug".into());
    c
}

fn json_request(s: &Seen, method: &str, path: &str, auth: &str) -> Result<Value, String> {
    rule(s.method == method, "wrong method")?;
    rule(s.path() == path, "wrong path")?;
    rule(
        s.header("authorization") == Some(auth),
        "wrong Authorization",
    )?;
    rule(
        s.header("accept") == Some("application/json"),
        "Accept must be application/json",
    )?;
    if method == "POST" {
        rule(
            s.header("content-type") == Some("application/json"),
            "Content-Type must be application/json",
        )?;
        s.json()
    } else {
        Ok(Value::Null)
    }
}

#[test]
fn cloud_create_sends_an_adf_description_and_reads_the_key() {
    let srv = Server::start(|s| {
        let body = json_request(s, "POST", "/rest/api/3/issue", CLOUD_AUTH)?;
        json_str(&body, "/fields/project/key", "SUP")?;
        json_str(
            &body,
            "/fields/summary",
            "Сайт не открывается 🙂 & \"500\" #1 100% +1",
        )?;
        json_str(&body, "/fields/issuetype/name", "Task")?;
        json_str(&body, "/fields/description/type", "doc")?;
        rule(
            body.pointer("/fields/description/version") == Some(&1.into()),
            "ADF version 1",
        )?;
        let content = body
            .pointer("/fields/description/content")
            .and_then(Value::as_array);
        rule(
            content.is_some_and(|c| !c.is_empty()),
            "ADF content must be a non-empty list",
        )?;
        rule(
            body.to_string().contains("\"type\":\"blockquote\""),
            "the quoted message is a blockquote",
        )?;
        json_str(&body, "/fields/assignee/id", "5b10a2844c20165700ede21g")?;
        Ok(answer(
            201,
            r#"{"id":"10000","key":"SUP-24","self":"https://x/rest/api/3/issue/10000"}"#,
        ))
    });
    let config = cloud(&srv.url());
    let mut draft = draft(&config);
    draft.assignee = Some("5b10a2844c20165700ede21g".into());
    let task = client(&config).create(&draft).unwrap();
    assert_eq!(task.key, "SUP-24");
    assert_eq!(task.url, format!("{}/browse/SUP-24", srv.url()));
    assert_eq!(task.title, draft.title);
    assert_eq!(srv.finish().len(), 1);
}

#[test]
fn server_create_sends_wiki_markup_with_a_bearer_token() {
    let srv = Server::start(|s| {
        let body = json_request(s, "POST", "/rest/api/2/issue", &format!("Bearer {TOKEN}"))?;
        json_str(&body, "/fields/project/key", "OPS")?;
        json_str(&body, "/fields/issuetype/name", "Bug")?;
        let description = body.pointer("/fields/description").and_then(Value::as_str);
        rule(
            description.is_some_and(|d| d.contains("{quote}\nСайт")),
            "v2 description is a wiki markup string",
        )?;
        json_str(&body, "/fields/assignee/name", "fred")?;
        Ok(answer(201, r#"{"id":"7","key":"OPS-7","self":"x"}"#))
    });
    let config = server(&srv.url());
    let mut draft = draft(&config);
    draft.project = Some("OPS".into());
    draft.assignee = Some("fred".into());
    let task = client(&config).create(&draft).unwrap();
    assert_eq!(task.key, "OPS-7");
    srv.finish();
}

#[test]
fn status_reads_the_state_and_its_category() {
    let srv = Server::start(|s| {
        json_request(s, "GET", "/rest/api/3/issue/SUP-24", CLOUD_AUTH)?;
        rule(
            s.query_value("fields")?.as_deref() == Some("status,summary"),
            "fields=status,summary",
        )?;
        Ok(answer(
            200,
            r#"{"key":"SUP-24","fields":{"summary":"Site down",
                "status":{"name":"Done","statusCategory":{"key":"done"}}}}"#,
        ))
    });
    let status = client(&cloud(&srv.url())).status("SUP-24").unwrap();
    assert_eq!(status.status, "Done");
    assert_eq!(status.closed, Some(true));
    assert_eq!(status.title.as_deref(), Some("Site down"));
    srv.finish();
}

#[test]
fn check_reads_the_account_and_the_project_without_writing() {
    let srv = Server::start(|s| {
        let auth = format!("Bearer {TOKEN}");
        json_request(s, "GET", s.path(), &auth)?;
        match s.path() {
            "/rest/api/2/myself" => Ok(answer(200, r#"{"name":"fred","displayName":"Fred F."}"#)),
            "/rest/api/2/project/SUP" => {
                Ok(answer(200, r#"{"id":"1","key":"SUP","name":"Support"}"#))
            }
            other => Err(format!("check must not call {other}")),
        }
    });
    let report = client(&server(&srv.url())).check().unwrap();
    assert_eq!(report.account, "Fred F.");
    assert_eq!(report.project.as_deref(), Some("Support"));
    assert!(srv.finish().iter().all(|s| s.method == "GET"));
}

#[test]
fn an_unknown_project_and_validation_errors_are_told_apart() {
    let config = cloud("http://127.0.0.1:1");
    let create = |c: &tracker::Client| c.create(&draft(&config)).map(drop);
    let unknown = answer(
        400,
        r#"{"errorMessages":[],"errors":{"project":"valid project is required"}}"#,
    );
    assert_eq!(
        fault_for(&config, unknown, create),
        Fault::UnknownProject {
            project: "SUP".into()
        }
    );
    let invalid = answer(
        400,
        r#"{"errorMessages":["Issue type is required"],"errors":{"summary":"You must specify a summary of the issue."}}"#,
    );
    assert_eq!(
        fault_for(&config, invalid, create),
        Fault::Validation {
            messages: vec![
                "Issue type is required".into(),
                "summary: You must specify a summary of the issue.".into()
            ]
        }
    );
    let missing = answer(
        404,
        r#"{"errorMessages":["No project could be found with key 'SUP'."],"errors":{}}"#,
    );
    let srv = Server::start(move |s| match s.path() {
        "/rest/api/3/myself" => Ok(answer(200, r#"{"displayName":"A"}"#)),
        _ => Ok(missing.clone()),
    });
    let e = client(&cloud(&srv.url())).check().unwrap_err();
    assert_eq!(
        e.fault,
        Fault::UnknownProject {
            project: "SUP".into()
        }
    );
    let gone = answer(
        404,
        r#"{"errorMessages":["Issue does not exist"],"errors":{}}"#,
    );
    let status = |c: &tracker::Client| c.status("SUP-999").map(drop);
    assert_eq!(
        fault_for(&config, gone, status),
        Fault::UnknownTask {
            key: "SUP-999".into()
        }
    );
}

#[test]
fn shared_faults_for_every_call() {
    let config = cloud("http://127.0.0.1:1");
    shared_faults(&config, |c| c.create(&draft(&config)).map(drop));
    shared_faults(&config, |c| c.status("SUP-1").map(drop));
    shared_faults(&server("http://127.0.0.1:1"), |c| c.check().map(drop));
}
