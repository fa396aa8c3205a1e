//! Redmine REST (JSON) against a stand-in holding each request to Redmine's documented
//! contract (redmine.org/projects/redmine/wiki):
//! - Rest_api "Authentication": the API key in the `X-Redmine-API-Key` header.
//! - Rest_Issues "Creating an issue": `POST /issues.json`, `{"issue": {"project_id",
//!   "subject", "description", "assigned_to_id"}}`, `Content-Type: application/json`; 201 with
//!   the issue; 422 `{"errors": [..]}` on validation failure.
//! - Rest_Issues "Showing an issue", Rest_Projects "Showing a project" (404 when unknown),
//!   Rest_Users "/users/current".
//!
//! The real Redmine behind `tests/redmine_real.rs` answers the same shapes.

mod support;

use support::*;
use tracker::{Fault, TrackerKind};

fn redmine(base: &str) -> tracker::TrackerConfig {
    let mut c = config(TrackerKind::Redmine, base);
    c.default_project = Some("support".into());
    c
}

fn keyed(s: &Seen) -> Result<(), String> {
    rule(
        s.header("x-redmine-api-key") == Some(TOKEN),
        "X-Redmine-API-Key header",
    )?;
    rule(
        s.header("authorization").is_none(),
        "the key goes in X-Redmine-API-Key only",
    )
}

#[test]
fn create_posts_an_issue_under_a_prefix() {
    let srv = Server::start(|s| {
        keyed(s)?;
        rule(
            s.method == "POST" && s.target == "/redmine/issues.json",
            "POST /issues.json",
        )?;
        rule(
            s.header("content-type") == Some("application/json"),
            "JSON body",
        )?;
        let body = s.json()?;
        json_str(&body, "/issue/project_id", "support")?;
        json_str(
            &body,
            "/issue/subject",
            "Сайт не открывается 🙂 & \"500\" #1 100% +1",
        )?;
        rule(
            body.pointer("/issue/assigned_to_id") == Some(&7.into()),
            "assigned_to_id is a number",
        )?;
        rule(
            body.pointer("/issue/description")
                .is_some_and(|d| d.is_string()),
            "description",
        )?;
        Ok(answer(
            201,
            r#"{"issue":{"id":56,"project":{"id":1,"name":"Support"},"subject":"Сайт не открывается",
               "status":{"id":1,"name":"New","is_closed":false}}}"#,
        ))
    });
    let config = redmine(&format!("{}/redmine", srv.url()));
    let mut draft = draft(&config);
    draft.assignee = Some("7".into());
    let task = client(&config).create(&draft).unwrap();
    assert_eq!(task.key, "#56");
    assert_eq!(task.url, format!("{}/redmine/issues/56", srv.url()));
    srv.finish();
}

#[test]
fn a_422_for_an_unknown_project_is_told_from_other_validation_errors() {
    let srv = Server::start(|s| match (s.method.as_str(), s.target.as_str()) {
        ("POST", "/issues.json") => Ok(answer(
            422,
            r#"{"errors":["Project cannot be blank","Tracker cannot be blank"]}"#,
        )),
        ("GET", "/projects/nope.json") => Ok(answer(404, "")),
        ("GET", "/projects/support.json") => {
            Ok(answer(200, r#"{"project":{"id":1,"name":"Support"}}"#))
        }
        _ => Err("unexpected request".into()),
    });
    let config = redmine(&srv.url());
    let mut draft = draft(&config);
    draft.project = Some("nope".into());
    let e = client(&config).create(&draft).unwrap_err();
    assert_eq!(
        e.fault,
        Fault::UnknownProject {
            project: "nope".into()
        }
    );
    draft.project = Some("support".into());
    let e = client(&config).create(&draft).unwrap_err();
    assert_eq!(
        e.fault,
        Fault::Validation {
            messages: vec![
                "Project cannot be blank".into(),
                "Tracker cannot be blank".into()
            ]
        }
    );
    srv.finish();
}

#[test]
fn an_assignee_must_be_a_user_id() {
    let config = redmine("http://127.0.0.1:1");
    let mut draft = draft(&config);
    draft.assignee = Some("jane".into());
    let e = client(&config).create(&draft).unwrap_err();
    assert_eq!(
        e.fault,
        Fault::UnknownAssignee {
            assignee: "jane".into()
        }
    );
}

#[test]
fn status_and_check_only_read() {
    let srv = Server::start(|s| {
        keyed(s)?;
        rule(s.method == "GET", "read-only")?;
        match s.target.as_str() {
            "/issues/56.json" => Ok(answer(
                200,
                r#"{"issue":{"id":56,"subject":"Site","status":{"id":5,"name":"Closed","is_closed":true}}}"#,
            )),
            "/users/current.json" => Ok(answer(200, r#"{"user":{"id":1,"login":"admin"}}"#)),
            "/projects/support.json" => Ok(answer(200, r#"{"project":{"id":1,"name":"Support"}}"#)),
            _ => Err("unexpected request".into()),
        }
    });
    let c = client(&redmine(&srv.url()));
    for key in ["#56", "56"] {
        let status = c.status(key).unwrap();
        assert_eq!(
            (status.key.as_str(), status.status.as_str()),
            ("#56", "Closed")
        );
        assert_eq!(status.closed, Some(true));
    }
    let report = c.check().unwrap();
    assert_eq!(
        (report.account.as_str(), report.project.as_deref()),
        ("admin", Some("Support"))
    );
    assert!(
        c.status("#5a").is_err(),
        "not an issue number: nothing is sent"
    );
    assert_eq!(srv.finish().len(), 4);
}

#[test]
fn shared_faults_for_every_call() {
    let config = redmine("http://127.0.0.1:1");
    shared_faults(&config, |c| c.create(&draft(&config)).map(drop));
    shared_faults(&config, |c| c.status("#1").map(drop));
    shared_faults(&config, |c| c.check().map(drop));
}
