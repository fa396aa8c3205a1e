//! Linear GraphQL against a stand-in holding each request to Linear's documented contract
//! (linear.app/developers/graphql):
//! - Endpoint `POST /graphql`, `Content-Type: application/json`, body `{"query", "variables"}`.
//! - Personal API keys go as `Authorization: <API_KEY>`, without `Bearer`.
//! - `issueCreate(input: IssueCreateInput!)` needs `teamId` (a team's id, found from its key
//!   through `teams(filter: {key: {eq}})`) and `title`; returns `success` and `issue`.
//! - `issue(id:)` accepts the identifier (`ENG-12`); `viewer` is the key's user.
//! - Errors follow the GraphQL format, `errors[].extensions.code`/`type` and
//!   `userPresentableMessage`, with HTTP 200 or 400.

mod support;

use serde_json::{Value, json};
use support::*;
use tracker::{Client, Fault, Token, TrackerKind};

fn linear(base: &str) -> tracker::TrackerConfig {
    let mut c = config(TrackerKind::Linear, base);
    c.default_project = Some("ENG".into());
    c
}

/// The request's query and variables, after the documented transport rules.
fn graphql(s: &Seen) -> Result<(String, Value), String> {
    rule(
        s.method == "POST" && s.path() == "/graphql",
        "POST /graphql",
    )?;
    rule(
        s.header("authorization") == Some(TOKEN),
        "Authorization: <API_KEY>, no Bearer",
    )?;
    rule(
        s.header("content-type") == Some("application/json"),
        "JSON body",
    )?;
    let body = s.json()?;
    let query = body["query"]
        .as_str()
        .ok_or("query must be a string")?
        .to_string();
    let variables = body["variables"].clone();
    rule(variables.is_object(), "variables must be an object")?;
    Ok((query, variables))
}

fn data(v: Value) -> Answer {
    answer(200, &json!({ "data": v }).to_string())
}

fn teams(variables: &Value) -> Result<Answer, String> {
    json_str(variables, "/key", "ENG")?;
    Ok(data(
        json!({"teams": {"nodes": [{"id": "team-uuid-1", "key": "ENG", "name": "Engineering"}]}}),
    ))
}

#[test]
fn create_finds_the_team_then_creates_the_issue() {
    let srv = Server::start(|s| {
        let (query, variables) = graphql(s)?;
        if query.contains("teams(") {
            return teams(&variables);
        }
        rule(
            query.contains("issueCreate(input: $input)"),
            "an issueCreate mutation",
        )?;
        json_str(&variables, "/input/teamId", "team-uuid-1")?;
        json_str(
            &variables,
            "/input/title",
            "Сайт не открывается 🙂 & \"500\" #1 100% +1",
        )?;
        json_str(&variables, "/input/assigneeId", "user-uuid-9")?;
        rule(
            variables["input"]["description"].is_string(),
            "description is Markdown text",
        )?;
        Ok(data(json!({"issueCreate": {"success": true, "issue": {
            "id": "issue-uuid", "identifier": "ENG-12", "title": "Сайт",
            "url": "https://linear.app/acme/issue/ENG-12/sajt"}}})))
    });
    let config = linear(&srv.url());
    let mut draft = draft(&config);
    draft.assignee = Some("user-uuid-9".into());
    let task = client(&config).create(&draft).unwrap();
    assert_eq!(task.key, "ENG-12");
    // The reply's address is not under base_url here, so the built one is used.
    assert_eq!(task.url, format!("{}/issue/ENG-12", srv.url()));
    assert_eq!(srv.finish().len(), 2);
}

#[test]
fn the_token_goes_to_the_api_host_only() {
    let c = Client::new(&linear("https://linear.app"), Token::new("lin_api_x")).unwrap();
    assert_eq!(c.api_origin(), "https://api.linear.app");
}

#[test]
fn status_and_check_use_queries_only() {
    let srv = Server::start(|s| {
        let (query, variables) = graphql(s)?;
        rule(!query.trim_start().starts_with("mutation"), "read-only")?;
        if query.contains("teams(") {
            return teams(&variables);
        }
        if query.contains("viewer") {
            return Ok(data(
                json!({"viewer": {"id": "u1", "name": "Jane", "email": "j@x"}}),
            ));
        }
        json_str(&variables, "/id", "ENG-12")?;
        Ok(data(
            json!({"issue": {"identifier": "ENG-12", "title": "Site",
            "url": "https://linear.app/acme/issue/ENG-12", "state": {"name": "Done", "type": "completed"}}}),
        ))
    });
    let c = client(&linear(&srv.url()));
    let status = c.status("ENG-12").unwrap();
    assert_eq!(
        (status.status.as_str(), status.closed),
        ("Done", Some(true))
    );
    let report = c.check().unwrap();
    assert_eq!(
        (report.account.as_str(), report.project.as_deref()),
        ("Jane", Some("Engineering"))
    );
    srv.finish();
}

#[test]
fn graphql_errors_become_faults() {
    let config = linear("http://127.0.0.1:1");
    let create = |c: &tracker::Client| c.create(&draft(&config)).map(drop);
    let no_team = data(json!({"teams": {"nodes": []}}));
    assert_eq!(
        fault_for(&config, no_team, create),
        Fault::UnknownProject {
            project: "ENG".into()
        }
    );
    let auth = answer(
        400,
        r#"{"errors":[{"message":"Authentication required, not authenticated",
        "extensions":{"type":"authentication error","code":"AUTHENTICATION_ERROR",
        "userPresentableMessage":"You need to authenticate to access this operation."}}]}"#,
    );
    assert_eq!(fault_for(&config, auth, create), Fault::Unauthorized);
    let invalid = answer(
        400,
        r#"{"data":null,"errors":[{"message":"Argument Validation Error",
        "extensions":{"code":"INVALID_INPUT","type":"invalid input",
        "userPresentableMessage":"title must be shorter than or equal to 255 characters"}}]}"#,
    );
    assert_eq!(
        fault_for(&config, invalid, create),
        Fault::Validation {
            messages: vec!["title must be shorter than or equal to 255 characters".into()]
        }
    );
    let missing = answer(
        200,
        r#"{"data":null,"errors":[{"message":"Entity not found: Issue",
        "extensions":{"code":"INVALID_INPUT","userPresentableMessage":"Could not find referenced Issue."}}]}"#,
    );
    assert_eq!(
        fault_for(&config, missing, |c| c.status("ENG-99").map(drop)),
        Fault::UnknownTask {
            key: "ENG-99".into()
        }
    );
}

#[test]
fn shared_faults_for_every_call() {
    let config = linear("http://127.0.0.1:1");
    shared_faults(&config, |c| c.create(&draft(&config)).map(drop));
    shared_faults(&config, |c| c.status("ENG-1").map(drop));
    shared_faults(&config, |c| c.check().map(drop));
}
