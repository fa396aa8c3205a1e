//! Bitrix24 incoming webhook against a stand-in holding each request to Bitrix24's documented
//! contract (github.com/bitrix24/b24restdocs, published at apidocs.bitrix24.com):
//! - local-integrations/local-webhooks: `https://<portal>/rest/<user id>/<code>/<method>`,
//!   JSON body (`curl -H "Content-Type: application/json"` in every example).
//! - api-reference/tasks/tasks-task-add.md: `{"fields": {"TITLE", "DESCRIPTION",
//!   "RESPONSIBLE_ID", "GROUP_ID"}}`; 200 `{"result": {"task": {"id": "3711", ...}}}`;
//!   400 `{"error": "ERROR_CORE", "error_description": "Task title not specified<br>"}`.
//! - tasks-task-get.md: `{"taskId", "select"}`; `"result": []` for an unknown task;
//!   fields.md: `status` codes 2..6.
//! - common/system/scope.md: `scope` lists the webhook's scopes.
//! - _includes/system-errors.md: 401 `INVALID_CREDENTIALS`, 401 `insufficient_scope`,
//!   404 `ERROR_METHOD_NOT_FOUND`, 503 `QUERY_LIMIT_EXCEEDED`.

mod support;

use serde_json::{Value, json};
use support::*;
use tracker::{Fault, TrackerKind};

fn bitrix(base: &str) -> tracker::TrackerConfig {
    let mut c = config(TrackerKind::Bitrix24, base);
    c.user = Some("1".into());
    c
}

/// The method called, after the webhook address rules; the body as JSON.
fn webhook(s: &Seen) -> Result<(String, Value), String> {
    rule(s.method == "POST", "webhook methods are POSTed")?;
    let prefix = format!("/rest/1/{TOKEN}/");
    let method = s
        .path()
        .strip_prefix(&prefix)
        .ok_or("path is /rest/<user>/<code>/<method>")?;
    rule(
        s.header("content-type") == Some("application/json"),
        "JSON body",
    )?;
    rule(
        s.header("authorization").is_none(),
        "the code is in the path, not a header",
    )?;
    Ok((method.to_string(), s.json()?))
}

#[test]
fn create_adds_a_task_in_the_chats_group() {
    let srv = Server::start(|s| {
        let (method, body) = webhook(s)?;
        rule(method == "tasks.task.add", "tasks.task.add")?;
        json_str(
            &body,
            "/fields/TITLE",
            "Сайт не открывается 🙂 & \"500\" #1 100% +1",
        )?;
        json_str(&body, "/fields/RESPONSIBLE_ID", "1")?;
        json_str(&body, "/fields/GROUP_ID", "12")?;
        let description = body.pointer("/fields/DESCRIPTION").and_then(Value::as_str);
        rule(
            description.is_some_and(|d| d.contains("[QUOTE]")),
            "BBCode description",
        )?;
        Ok(answer(
            200,
            r#"{"result":{"task":{"id":"3711","title":"Сайт","status":"2"}},"time":{}}"#,
        ))
    });
    let mut config = bitrix(&srv.url());
    config.projects.insert("-100777".into(), "12".into());
    let draft = tracker::Draft::from_quotes(
        &config,
        Some(-100777),
        vec![quote("Сайт не открывается 🙂 & \"500\" #1 100% +1")],
    );
    let task = client(&config).create(&draft).unwrap();
    assert_eq!(task.key, "3711");
    assert_eq!(
        task.url,
        format!(
            "{}/company/personal/user/1/tasks/task/view/3711/",
            srv.url()
        )
    );
    srv.finish();
}

#[test]
fn status_reads_the_code_and_an_empty_result_is_unknown() {
    let srv = Server::start(|s| {
        let (method, body) = webhook(s)?;
        rule(method == "tasks.task.get", "tasks.task.get")?;
        rule(
            body["select"] == json!(["ID", "TITLE", "STATUS"]),
            "select names the fields",
        )?;
        match body["taskId"].as_str() {
            Some("3711") => Ok(answer(
                200,
                r#"{"result":{"task":{"id":"3711","title":"Site","status":"5"}}}"#,
            )),
            _ => Ok(answer(200, r#"{"result":[]}"#)),
        }
    });
    let c = client(&bitrix(&srv.url()));
    let status = c.status("3711").unwrap();
    assert_eq!(
        (status.status.as_str(), status.closed),
        ("Completed", Some(true))
    );
    assert_eq!(
        c.status("99").unwrap_err().fault,
        Fault::UnknownTask { key: "99".into() }
    );
    srv.finish();
}

#[test]
fn check_needs_the_task_scope() {
    let config = bitrix("http://127.0.0.1:1");
    let check = |c: &tracker::Client| c.check().map(drop);
    let srv = Server::start(|s| {
        let (method, _) = webhook(s)?;
        rule(method == "scope", "check calls scope only")?;
        Ok(answer(200, r#"{"result":["task","user"]}"#))
    });
    let report = client(&bitrix(&srv.url())).check().unwrap();
    assert_eq!(report.account, "1");
    srv.finish();
    assert_eq!(
        fault_for(&config, answer(200, r#"{"result":["crm"]}"#), check),
        Fault::MissingScope {
            scope: "task".into()
        }
    );
}

#[test]
fn documented_errors() {
    let config = bitrix("http://127.0.0.1:1");
    let create = |c: &tracker::Client| c.create(&draft(&config)).map(drop);
    let invalid = answer(
        400,
        r#"{"error":"ERROR_CORE","error_description":"Task title not specified<br>"}"#,
    );
    assert_eq!(
        fault_for(&config, invalid, create),
        Fault::Validation {
            messages: vec!["Task title not specified".into()]
        }
    );
    let wrong = answer(
        401,
        r#"{"error":"INVALID_CREDENTIALS","error_description":"Invalid request credentials"}"#,
    );
    assert_eq!(fault_for(&config, wrong, create), Fault::Unauthorized);
    let scope = answer(
        401,
        r#"{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the webhook token"}"#,
    );
    assert_eq!(
        fault_for(&config, scope, create),
        Fault::MissingScope {
            scope: "task".into()
        }
    );
    let limit = answer(
        503,
        r#"{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}"#,
    );
    assert_eq!(fault_for(&config, limit, create), Fault::RateLimited);
}

#[test]
fn shared_faults_for_every_call() {
    let config = bitrix("http://127.0.0.1:1");
    shared_faults(&config, |c| c.create(&draft(&config)).map(drop));
    shared_faults(&config, |c| c.status("1").map(drop));
    shared_faults(&config, |c| c.check().map(drop));
}
