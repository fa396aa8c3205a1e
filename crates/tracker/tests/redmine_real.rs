//! The API path end to end against a real Redmine (Debian's `redmine` package, SQLite),
//! started by `.ci/redmine` on 127.0.0.1 with the REST API enabled:
//!
//! ```sh
//! eval "$(.ci/redmine start)" && cargo test -p tracker --test redmine_real
//! ```
//!
//! The instance comes from `DUTYDESK_REDMINE_URL`, `DUTYDESK_REDMINE_KEY` (an administrator's
//! API key) and `DUTYDESK_REDMINE_PROJECT`. Without them the test says so and passes — unless
//! `DUTYDESK_REDMINE_REQUIRED=1`, which CI sets: then a missing instance fails the test.

use serde_json::Value;
use tracker::{Client, Draft, Fault, Mode, Quote, Token, TrackerConfig, TrackerKind};

struct Instance {
    url: String,
    key: String,
    project: String,
}

fn instance() -> Option<Instance> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    Some(Instance {
        url: var("DUTYDESK_REDMINE_URL")?,
        key: var("DUTYDESK_REDMINE_KEY")?,
        project: var("DUTYDESK_REDMINE_PROJECT")?,
    })
}

/// Redmine's own answer for `path`, read with the key, bypassing the crate.
fn redmine_get(i: &Instance, path: &str) -> Value {
    let mut reply = ureq::get(&format!("{}{path}", i.url))
        .header("X-Redmine-API-Key", &i.key)
        .call()
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    serde_json::from_slice(&reply.body_mut().read_to_vec().unwrap()).unwrap()
}

/// Changes the issue's status through Redmine's API (Rest_Issues "Updating an issue").
fn set_status(i: &Instance, id: u64, status_id: u64) {
    let body =
        serde_json::json!({"issue": {"status_id": status_id, "notes": "closed by the test"}});
    ureq::put(&format!("{}/issues/{id}.json", i.url))
        .header("X-Redmine-API-Key", &i.key)
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .unwrap_or_else(|e| panic!("PUT /issues/{id}.json: {e}"));
}

#[test]
fn a_real_redmine_creates_reads_follows_a_status_change_and_refuses_a_wrong_key() {
    let Some(i) = instance() else {
        assert_ne!(
            std::env::var("DUTYDESK_REDMINE_REQUIRED").as_deref(),
            Ok("1"),
            "DUTYDESK_REDMINE_REQUIRED=1 but no Redmine is configured: run \
             `eval \"$(.ci/redmine start)\"` (it sets DUTYDESK_REDMINE_URL, _KEY, _PROJECT)"
        );
        eprintln!("no Redmine configured (DUTYDESK_REDMINE_URL/_KEY/_PROJECT): nothing checked");
        return;
    };
    let mut config = TrackerConfig::new("CI Redmine", TrackerKind::Redmine, &i.url);
    config.mode = Some(Mode::Api);
    config.default_project = Some(i.project.clone());
    let client = Client::new(&config, Token::new(i.key.clone())).unwrap();

    // doctor: reachable, key valid, project visible — and nothing created.
    let before = redmine_get(&i, "/issues.json?status_id=*&limit=1")["total_count"].clone();
    let report = client.check().unwrap();
    assert_eq!(report.account, "admin");
    assert_eq!(report.project.as_deref(), Some("DutyDesk CI"));
    assert_eq!(
        redmine_get(&i, "/issues.json?status_id=*&limit=1")["total_count"],
        before
    );

    // A task from a customer's message, read back through Redmine's own API.
    let quote = Quote {
        author: "Анна".into(),
        unix_time: 1_741_933_560,
        utc_offset_minutes: 180,
        chat_title: "ACME support".into(),
        link: Some("https://t.me/acme_support/42".into()),
        text: "Сайт не открывается 🙂 & \"500\" #1 100% +1\nс 9:00".into(),
    };
    let draft = Draft::from_quotes(&config, Some(-1001), vec![quote]);
    let task = client.create(&draft).unwrap();
    let id: u64 = task.key.strip_prefix('#').unwrap().parse().unwrap();
    assert_eq!(task.url, format!("{}/issues/{id}", i.url));
    let issue = &redmine_get(&i, &format!("/issues/{id}.json"))["issue"];
    assert_eq!(
        issue["subject"],
        "Сайт не открывается 🙂 & \"500\" #1 100% +1"
    );
    // Redmine stores text with CRLF line ends (its forms do); the words are the draft's.
    let stored = issue["description"].as_str().unwrap().replace("\r\n", "\n");
    assert_eq!(stored, draft.description);
    assert_eq!(issue["project"]["name"], "DutyDesk CI");

    let status = client.status(&task.key).unwrap();
    assert_eq!(
        (status.status.as_str(), status.closed),
        ("New", Some(false))
    );

    // Someone closes it in Redmine; the status read follows.
    let statuses = redmine_get(&i, "/issue_statuses.json");
    let closed = statuses["issue_statuses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["is_closed"] == true)
        .expect("Redmine's default data has a closed status");
    set_status(&i, id, closed["id"].as_u64().unwrap());
    let status = client.status(&task.key).unwrap();
    assert_eq!(status.status, closed["name"].as_str().unwrap());
    assert_eq!(status.closed, Some(true));

    // An unknown project and a wrong key, as doctor and the form would see them.
    let mut elsewhere = draft.clone();
    elsewhere.project = Some("no-such-project".into());
    assert_eq!(
        client.create(&elsewhere).unwrap_err().fault,
        Fault::UnknownProject {
            project: "no-such-project".into()
        }
    );
    let wrong = Client::new(&config, Token::new("0".repeat(40))).unwrap();
    let e = wrong.check().unwrap_err();
    assert_eq!(e.fault, Fault::Unauthorized);
    assert!(!e.to_string().contains(&i.key));
}
