//! GitHub REST against a stand-in (as GitHub Enterprise Server, `<base>/api/v3`) holding each
//! request to GitHub's documented contract (docs.github.com/en/rest):
//! - about-the-rest-api/api-versions: `X-GitHub-Api-Version: 2022-11-28`;
//!   using-the-rest-api/getting-started-with-the-rest-api: `Accept: application/vnd.github+json`,
//!   `Authorization: Bearer <token>`, and a `User-Agent` on every request.
//! - issues/issues#create-an-issue: `POST /repos/{owner}/{repo}/issues`, `title` (required),
//!   `body`, `assignees` (array of logins); 201 with `number`, `title`, `html_url`; 404, 410
//!   (issues disabled), 422 "Validation Failed" with `errors[]` of `resource`, `field`, `code`.
//! - issues/issues#get-an-issue: `state` `open`/`closed`; users#get-the-authenticated-user;
//!   repos/repos#get-a-repository.

mod support;

use support::*;
use tracker::{Client, Fault, Token, TrackerKind};

fn github(base: &str) -> tracker::TrackerConfig {
    let mut c = config(TrackerKind::GitHub, base);
    c.default_project = Some("acme/site".into());
    c
}

fn documented_headers(s: &Seen) -> Result<(), String> {
    rule(
        s.header("authorization") == Some(&format!("Bearer {TOKEN}")),
        "Bearer token",
    )?;
    rule(
        s.header("accept") == Some("application/vnd.github+json"),
        "Accept: application/vnd.github+json",
    )?;
    rule(
        s.header("x-github-api-version") == Some("2022-11-28"),
        "X-GitHub-Api-Version",
    )?;
    rule(
        s.header("user-agent").is_some_and(|u| !u.is_empty()),
        "User-Agent is required",
    )
}

#[test]
fn create_posts_title_body_and_assignees() {
    let srv = Server::start(|s| {
        documented_headers(s)?;
        rule(
            s.method == "POST" && s.path() == "/api/v3/repos/acme/site/issues",
            "POST /repos/{owner}/{repo}/issues",
        )?;
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
        rule(
            body["body"]
                .as_str()
                .is_some_and(|b| b.contains("https://t.me/acme_support/42")),
            "body quotes the link",
        )?;
        rule(
            body["assignees"] == serde_json::json!(["octocat"]),
            "assignees is a list of logins",
        )?;
        Ok(answer(
            201,
            r#"{"number":34,"title":"Сайт","state":"open","html_url":"HTML_URL"}"#,
        ))
    });
    let config = github(&srv.url());
    let mut draft = draft(&config);
    draft.assignee = Some("octocat".into());
    let task = client(&config).create(&draft).unwrap();
    assert_eq!(task.key, "acme/site#34");
    assert_eq!(task.url, format!("{}/acme/site/issues/34", srv.url()));
    srv.finish();
}

#[test]
fn the_token_goes_to_the_api_host_only() {
    let c = Client::new(&github("https://github.com"), Token::new("t")).unwrap();
    assert_eq!(c.api_origin(), "https://api.github.com");
    let c = Client::new(&github("https://git.acme.example:8443"), Token::new("t")).unwrap();
    assert_eq!(c.api_origin(), "https://git.acme.example:8443");
}

#[test]
fn status_and_check_only_read() {
    let srv = Server::start(|s| {
        documented_headers(s)?;
        rule(s.method == "GET", "read-only")?;
        match s.path() {
            "/api/v3/repos/acme/site/issues/34" => Ok(answer(
                200,
                r#"{"number":34,"title":"Site","state":"open"}"#,
            )),
            "/api/v3/user" => Ok(answer(200, r#"{"login":"octocat","id":1}"#)),
            "/api/v3/repos/acme/site" => Ok(answer(200, r#"{"full_name":"acme/site"}"#)),
            _ => Err("unexpected request".into()),
        }
    });
    let c = client(&github(&srv.url()));
    let status = c.status("acme/site#34").unwrap();
    assert_eq!(
        (status.status.as_str(), status.closed),
        ("open", Some(false))
    );
    let report = c.check().unwrap();
    assert_eq!(
        (report.account.as_str(), report.project.as_deref()),
        ("octocat", Some("acme/site"))
    );
    srv.finish();
}

#[test]
fn documented_error_shapes() {
    let config = github("http://127.0.0.1:1");
    let create = |c: &tracker::Client| c.create(&draft(&config)).map(drop);
    let missing = answer(
        422,
        r#"{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}],
            "documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue"}"#,
    );
    assert_eq!(
        fault_for(&config, missing, create),
        Fault::Validation {
            messages: vec!["Issue.title: missing_field".into()]
        }
    );
    let custom = answer(
        422,
        r#"{"message":"Validation Failed","errors":[{"resource":"Issue","field":"assignees","code":"custom","message":"ghost is not assignable"}]}"#,
    );
    assert_eq!(
        fault_for(&config, custom, create),
        Fault::Validation {
            messages: vec!["ghost is not assignable".into()]
        }
    );
    assert_eq!(
        fault_for(&config, answer(404, r#"{"message":"Not Found"}"#), create),
        Fault::UnknownProject {
            project: "acme/site".into()
        }
    );
    assert_eq!(
        fault_for(
            &config,
            answer(410, r#"{"message":"Issues are disabled for this repo"}"#),
            create
        ),
        Fault::Validation {
            messages: vec!["Issues are disabled for this repo".into()]
        }
    );
}

#[test]
fn shared_faults_for_every_call() {
    let config = github("http://127.0.0.1:1");
    shared_faults(&config, |c| c.create(&draft(&config)).map(drop));
    shared_faults(&config, |c| c.status("acme/site#1").map(drop));
    shared_faults(&config, |c| c.check().map(drop));
}
