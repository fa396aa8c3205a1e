//! The task flow end to end against a real Redmine (Debian's `redmine`, SQLite, REST API on,
//! started by `.ci/redmine`; `.ci/run` starts it and sets `DUTYDESK_REDMINE_REQUIRED=1`):
//! a customer's message in a simulated chat becomes a task through the window, Redmine's own
//! API reads it back, its key shows in the chat view and its link goes into the chat; its
//! status changed in Redmine shows when the chat is opened again.
//!
//! The instance comes from `DUTYDESK_REDMINE_URL`, `_KEY` and `_PROJECT`. Without them the
//! test says so and passes, unless `DUTYDESK_REDMINE_REQUIRED=1`: then it fails.

use super::tasks::{chat_tasks, click_task_of, floor_with, supergroup_writes};
use super::*;
use dutydesk::tokens::Memory;
use serde_json::Value;
use std::sync::Arc;
use tracker::{Mode, TrackerConfig, TrackerKind};

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

/// Redmine's own answer, read with the key, past DutyDesk.
fn redmine_get(i: &Instance, path: &str) -> Value {
    let mut reply = ureq::get(&format!("{}{path}", i.url))
        .header("X-Redmine-API-Key", &i.key)
        .call()
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    serde_json::from_slice(&reply.body_mut().read_to_vec().unwrap()).unwrap()
}

/// A colleague closes the task in Redmine (Rest_Issues, "Updating an issue").
fn close_in_redmine(i: &Instance, id: u64) -> String {
    let statuses = redmine_get(i, "/issue_statuses.json");
    let closed = statuses["issue_statuses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["is_closed"] == true)
        .expect("Redmine's default data has a closed status")
        .clone();
    let body = serde_json::json!({"issue": {"status_id": closed["id"], "notes": "done"}});
    ureq::put(&format!("{}/issues/{id}.json", i.url))
        .header("X-Redmine-API-Key", &i.key)
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .unwrap_or_else(|e| panic!("PUT /issues/{id}.json: {e}"));
    closed["name"].as_str().unwrap().to_string()
}

#[test]
fn a_task_created_in_the_window_lives_in_a_real_redmine_and_the_chat_view_follows_it() {
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
    let mut redmine = TrackerConfig::new("CI Redmine", TrackerKind::Redmine, &i.url);
    redmine.mode = Some(Mode::Api);
    redmine.default_project = Some(i.project.clone());
    let (mut h, _home) = floor_with(vec![redmine]);
    h.app
        .set_tokens(Arc::new(Memory::with("CI Redmine", &i.key)));
    let text = "Сайт не открывается 🙂 & \"500\" #1";
    let (chat, title) = supergroup_writes(&mut h, &[text]);

    click_task_of(&mut h, text);
    interact(&mut h, |sim| {
        sim.click("Create task").unwrap();
    });
    h.settle();
    assert!(h.app.console().tasks().form().is_none(), "created");
    let [task] = chat_tasks(&h, chat).try_into().unwrap();
    let number: u64 = task.key.strip_prefix('#').unwrap().parse().unwrap();
    assert_eq!(task.url, format!("{}/issues/{number}", i.url));

    // Redmine has it, as the form described it.
    let issue = &redmine_get(&i, &format!("/issues/{number}.json"))["issue"];
    assert_eq!(issue["subject"], text);
    let description = issue["description"].as_str().unwrap().replace("\r\n", "\n");
    assert!(description.contains(&format!("> {text}")), "{description}");
    assert!(description.contains(&title), "{description}");
    assert!(description.contains("https://t.me/c/"), "{description}");

    // The chat view shows its key and status; its link goes into the chat.
    assert!(visible(&h, &task.key));
    assert_eq!(task.status.as_deref(), Some("New"));
    interact(&mut h, |sim| {
        sim.click("Post in chat").unwrap();
    });
    interact(&mut h, |sim| {
        sim.click(id(COMPOSER_ID)).unwrap();
        sim.tap_key(Key::Named(Named::Enter));
    });
    let posted = format!("Task {} created: {}", task.key, task.url);
    h.pump_until("the link in the chat", |app| {
        app.console().open().is_some_and(|o| {
            o.history
                .lines
                .iter()
                .any(|l| l.text == posted && l.state == console::history::SendState::Delivered)
        })
    });

    // Closed in Redmine; the chat opened again shows it.
    let closed = close_in_redmine(&i, number);
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert_eq!(h.app.console().open_chat(), None);
    assert!(!visible(&h, &closed));
    open_by_click(&mut h, &title);
    let [task] = chat_tasks(&h, chat).try_into().unwrap();
    assert_eq!(
        (task.status.as_deref(), task.closed),
        (Some(closed.as_str()), Some(true))
    );
    assert!(visible(&h, &closed));
    let stored = h.app.store().unwrap().load_tasks().unwrap();
    assert_eq!(stored[0].status.as_deref(), Some(closed.as_str()));
}
