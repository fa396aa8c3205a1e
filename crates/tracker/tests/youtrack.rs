//! YouTrack REST against a stand-in holding each request to JetBrains' documented contract
//! (jetbrains.com/help/youtrack/devportal):
//! - api-howto-create-issue.html: `Authorization: Bearer perm:...`, `Accept` and
//!   `Content-Type: application/json`; `POST /api/issues` with `project.id` and `summary`
//!   (required), `description`; the entity id of the project comes from
//!   `GET /api/admin/projects?fields=id,name,shortName&query=` (api-usecase-get-project-id).
//! - api-entity-Issue: `idReadable`, `summary`, `resolved`, `customFields`; the assignee is
//!   the `Assignee` custom field of `$type` `SingleUserIssueCustomField` with `value.login`.
//! - `GET /api/users/me` for the token's user; errors `{"error", "error_description"}`.

mod support;

use serde_json::Value;
use support::*;
use tracker::{Fault, TrackerKind};

const PROJECTS: &str = r#"[{"shortName":"SUPX","name":"Support X","id":"0-7","$type":"Project"},
    {"shortName":"SUP","name":"Support","id":"0-2","$type":"Project"}]"#;

fn youtrack(base: &str) -> tracker::TrackerConfig {
    let mut c = config(TrackerKind::YouTrack, base);
    c.default_project = Some("SUP".into());
    c
}

fn authorized(s: &Seen) -> Result<(), String> {
    rule(
        s.header("authorization") == Some(&format!("Bearer {TOKEN}")),
        "Authorization: Bearer <token>",
    )?;
    rule(
        s.header("accept") == Some("application/json"),
        "Accept: application/json",
    )
}

fn projects(s: &Seen) -> Result<Option<Answer>, String> {
    if !s.path().ends_with("/api/admin/projects") {
        return Ok(None);
    }
    rule(s.method == "GET", "projects are listed with GET")?;
    rule(
        s.query_value("fields")?.as_deref() == Some("id,name,shortName"),
        "fields=id,name,shortName",
    )?;
    rule(
        s.query_value("query")?.as_deref() == Some("SUP"),
        "query=<short name>",
    )?;
    Ok(Some(answer(200, PROJECTS)))
}

#[test]
fn create_finds_the_project_id_then_posts_the_issue() {
    let srv = Server::start(|s| {
        authorized(s)?;
        if let Some(a) = projects(s)? {
            return Ok(a);
        }
        rule(
            s.method == "POST" && s.path() == "/youtrack/api/issues",
            "POST /api/issues",
        )?;
        rule(
            s.query_value("fields")?.as_deref() == Some("idReadable,summary"),
            "fields=idReadable,summary",
        )?;
        rule(
            s.header("content-type") == Some("application/json"),
            "JSON body",
        )?;
        let body = s.json()?;
        json_str(&body, "/project/id", "0-2")?;
        json_str(
            &body,
            "/summary",
            "Сайт не открывается 🙂 & \"500\" #1 100% +1",
        )?;
        rule(
            body.pointer("/description")
                .and_then(Value::as_str)
                .is_some_and(|d| d.contains("> since 9:00")),
            "description in Markdown",
        )?;
        json_str(&body, "/customFields/0/name", "Assignee")?;
        json_str(&body, "/customFields/0/$type", "SingleUserIssueCustomField")?;
        json_str(&body, "/customFields/0/value/login", "jane")?;
        Ok(answer(
            200,
            r#"{"idReadable":"SUP-38","summary":"Сайт","$type":"Issue"}"#,
        ))
    });
    let config = youtrack(&format!("{}/youtrack/", srv.url()));
    let mut draft = draft(&config);
    draft.assignee = Some("jane".into());
    let task = client(&config).create(&draft).unwrap();
    assert_eq!(task.key, "SUP-38");
    assert_eq!(task.url, format!("{}/youtrack/issue/SUP-38", srv.url()));
    assert_eq!(srv.finish().len(), 2);
}

#[test]
fn an_unlisted_short_name_is_an_unknown_project() {
    let srv = Server::start(|s| {
        authorized(s)?;
        rule(s.method == "GET", "only the lookup is made")?;
        Ok(answer(
            200,
            r#"[{"shortName":"OTHER","name":"Other","id":"0-1"}]"#,
        ))
    });
    let e = client(&youtrack(&srv.url()))
        .create(&draft(&youtrack(&srv.url())))
        .unwrap_err();
    assert_eq!(
        e.fault,
        Fault::UnknownProject {
            project: "SUP".into()
        }
    );
    assert_eq!(
        srv.finish().len(),
        1,
        "nothing is created in another project"
    );
}

#[test]
fn status_reads_the_state_field() {
    let srv = Server::start(|s| {
        authorized(s)?;
        rule(
            s.path() == "/api/issues/SUP-38",
            "GET /api/issues/{idReadable}",
        )?;
        rule(
            s.query_value("fields")?.as_deref()
                == Some("idReadable,summary,resolved,customFields(name,value(name))"),
            "asks for the state",
        )?;
        Ok(answer(
            200,
            r#"{"idReadable":"SUP-38","summary":"Site","resolved":1700000000000,
               "customFields":[{"name":"Priority","value":{"name":"Major"}},
                               {"name":"State","value":{"name":"Fixed"}}]}"#,
        ))
    });
    let status = client(&youtrack(&srv.url())).status("SUP-38").unwrap();
    assert_eq!(status.status, "Fixed");
    assert_eq!(status.closed, Some(true));
    srv.finish();
}

#[test]
fn check_reads_the_user_and_the_project_without_writing() {
    let srv = Server::start(|s| {
        authorized(s)?;
        if let Some(a) = projects(s)? {
            return Ok(a);
        }
        rule(s.path() == "/youtrack/api/users/me", "GET /api/users/me")?;
        Ok(answer(200, r#"{"login":"jane","name":"Jane Doe"}"#))
    });
    let report = client(&youtrack(&format!("{}/youtrack", srv.url())))
        .check()
        .unwrap();
    assert_eq!(report.account, "Jane Doe");
    assert_eq!(report.project.as_deref(), Some("Support"));
    assert!(srv.finish().iter().all(|s| s.method == "GET"));
}

#[test]
fn validation_errors_are_shown() {
    let srv = Server::start(|s| {
        if let Some(a) = projects(s)? {
            return Ok(a);
        }
        Ok(answer(
            400,
            r#"{"error":"bad_request","error_description":"Summary is required"}"#,
        ))
    });
    let config = youtrack(&srv.url());
    let mut draft = draft(&config);
    draft.project = Some("SUP".into());
    let e = client(&config).create(&draft).unwrap_err();
    assert_eq!(
        e.fault,
        Fault::Validation {
            messages: vec!["Summary is required".into()]
        }
    );
    let gone = answer(
        404,
        r#"{"error":"Not Found","error_description":"Entity with id SUP-9 not found"}"#,
    );
    assert_eq!(
        fault_for(&config, gone, |c| c.status("SUP-9").map(drop)),
        Fault::UnknownTask {
            key: "SUP-9".into()
        }
    );
}

#[test]
fn shared_faults_for_every_call() {
    let config = youtrack("http://127.0.0.1:1");
    shared_faults(&config, |c| c.create(&draft(&config)).map(drop));
    shared_faults(&config, |c| c.status("SUP-1").map(drop));
    shared_faults(&config, |c| c.check().map(drop));
}
