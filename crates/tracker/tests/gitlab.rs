//! GitLab REST v4 against a stand-in holding each request to GitLab's documented contract
//! (docs.gitlab.com/api):
//! - rest/authentication: a personal/project/group access token in the `PRIVATE-TOKEN` header.
//! - rest/index "Namespaced paths": a project path in the URL is URL-encoded (`/` → `%2F`).
//! - issues "New issue": `POST /projects/:id/issues` with `title` (required), `description`,
//!   `assignee_ids` (array of integers); 201 with `iid`, `title`, `web_url`.
//! - users "List users": `GET /users?username=` returns a list.
//! - issues "Single project issue": `GET /projects/:id/issues/:issue_iid`, `state`.
//! - 400 `{"message": {field: [..]}}` or `{"error": ".."}`; 404 `{"message": "404 Project Not Found"}`.

mod support;

use support::*;
use tracker::{Fault, TrackerKind};

fn gitlab(base: &str) -> tracker::TrackerConfig {
    let mut c = config(TrackerKind::GitLab, base);
    c.default_project = Some("acme/support/web-site".into());
    c
}

fn authorized(s: &Seen) -> Result<(), String> {
    rule(
        s.header("private-token") == Some(TOKEN),
        "PRIVATE-TOKEN header",
    )?;
    rule(
        s.header("authorization").is_none(),
        "the token goes in PRIVATE-TOKEN only",
    )
}

#[test]
fn create_encodes_the_project_path_and_looks_up_the_assignee() {
    let srv = Server::start(|s| {
        authorized(s)?;
        match (s.method.as_str(), s.target.as_str()) {
            ("GET", "/api/v4/users?username=jane") => {
                Ok(answer(200, r#"[{"id":42,"username":"jane"}]"#))
            }
            ("POST", "/api/v4/projects/acme%2Fsupport%2Fweb-site/issues") => {
                rule(
                    s.header("content-type") == Some("application/json"),
                    "JSON body",
                )?;
                let body = s.json()?;
                json_str(
                    &body,
                    "/title",
                    "Сайт не открывается 🙂 & \"500\" #1 100% +1",
                )?;
                rule(body["description"].is_string(), "description is a string")?;
                rule(
                    body["assignee_ids"] == serde_json::json!([42]),
                    "assignee_ids is [42]",
                )?;
                Ok(answer(
                    201,
                    &format!(
                        r#"{{"id":901,"iid":12,"project_id":3,"title":"Сайт","state":"opened",
                            "web_url":"{}/acme/support/web-site/-/issues/12"}}"#,
                        "http://127.0.0.1:PORT"
                    ),
                ))
            }
            _ => Err("unexpected request".into()),
        }
    });
    let config = gitlab(&srv.url());
    let mut draft = draft(&config);
    draft.assignee = Some("jane".into());
    let task = client(&config).create(&draft).unwrap();
    assert_eq!(task.key, "acme/support/web-site#12");
    assert_eq!(task.title, "Сайт");
    // The reply's web_url names another address than base_url: the built one is used.
    assert_eq!(
        task.url,
        format!("{}/acme/support/web-site/-/issues/12", srv.url())
    );
    assert_eq!(srv.finish().len(), 2);
}

#[test]
fn an_unknown_user_is_not_sent() {
    let srv = Server::start(|s| {
        rule(s.method == "GET", "no issue without its assignee")?;
        Ok(answer(200, "[]"))
    });
    let config = gitlab(&srv.url());
    let mut draft = draft(&config);
    draft.assignee = Some("nobody".into());
    let e = client(&config).create(&draft).unwrap_err();
    assert_eq!(
        e.fault,
        Fault::UnknownAssignee {
            assignee: "nobody".into()
        }
    );
    srv.finish();
}

#[test]
fn status_and_check_only_read() {
    let srv = Server::start(|s| {
        authorized(s)?;
        rule(s.method == "GET", "read-only")?;
        match s.target.as_str() {
            "/api/v4/projects/acme%2Fsupport%2Fweb-site/issues/12" => {
                Ok(answer(200, r#"{"iid":12,"title":"Site","state":"closed"}"#))
            }
            "/api/v4/user" => Ok(answer(200, r#"{"id":1,"username":"jane","name":"Jane"}"#)),
            "/api/v4/projects/acme%2Fsupport%2Fweb-site" => Ok(answer(
                200,
                r#"{"id":3,"name":"web site","name_with_namespace":"ACME / web site"}"#,
            )),
            _ => Err("unexpected request".into()),
        }
    });
    let c = client(&gitlab(&srv.url()));
    let status = c.status("acme/support/web-site#12").unwrap();
    assert_eq!(
        (status.status.as_str(), status.closed),
        ("closed", Some(true))
    );
    assert_eq!(
        c.status("#12").unwrap().key,
        "acme/support/web-site#12",
        "a bare number is the default project's"
    );
    let report = c.check().unwrap();
    assert_eq!(report.account, "jane");
    assert_eq!(report.project.as_deref(), Some("ACME / web site"));
    srv.finish();
}

#[test]
fn documented_error_shapes() {
    let config = gitlab("http://127.0.0.1:1");
    let create = |c: &tracker::Client| c.create(&draft(&config)).map(drop);
    assert_eq!(
        fault_for(
            &config,
            answer(404, r#"{"message":"404 Project Not Found"}"#),
            create
        ),
        Fault::UnknownProject {
            project: "acme/support/web-site".into()
        }
    );
    assert_eq!(
        fault_for(
            &config,
            answer(400, r#"{"message":{"title":["can't be blank"]}}"#),
            create
        ),
        Fault::Validation {
            messages: vec!["title: can't be blank".into()]
        }
    );
    assert_eq!(
        fault_for(
            &config,
            answer(400, r#"{"error":"title is missing"}"#),
            create
        ),
        Fault::Validation {
            messages: vec!["title is missing".into()]
        }
    );
}

#[test]
fn shared_faults_for_every_call() {
    let config = gitlab("http://127.0.0.1:1");
    shared_faults(&config, |c| c.create(&draft(&config)).map(drop));
    shared_faults(&config, |c| c.status("acme/support/web-site#1").map(drop));
    shared_faults(&config, |c| c.check().map(drop));
}
