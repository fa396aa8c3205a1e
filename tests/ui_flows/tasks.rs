//! Tasks from the chat view, on the demo floor with its simulated tracker (the real API path:
//! the tracker effect, the keyring stand-in, the tracker crate's client, over HTTP on
//! 127.0.0.1) and with browser-mode trackers whose address the harness records instead of
//! launching a browser.

use super::*;
use dutydesk::store::LinkedTask;
use dutydesk::tokens::Memory;
use dutydesk::ui::effect::tracker as calls;
use dutydesk::ui::features::tasks::{self, Edit, PASTE_ID, PROJECT_ID, Stage, TITLE_ID};
use iced::keyboard::Modifiers;
use std::sync::Arc;
use tracker::{Mode, TrackerConfig, TrackerKind};

pub(crate) fn tasks_message(m: tasks::Message) -> Message {
    Message::Console(console::Message::Tasks(m))
}

/// The text widget showing exactly `text` in the chat view (the right pane), not the list's
/// preview of it.
fn in_chat_view(text: &str) -> impl FnMut(Candidate<'_>) -> Option<Target> + Send {
    let text = text.to_string();
    move |candidate| match candidate {
        Candidate::Text {
            content, bounds, ..
        } if content == text && bounds.x > WINDOW_SIZE.width * 0.45 => {
            Some(Target::from(candidate))
        }
        _ => None,
    }
}

/// Clicks the "Task" action of the message showing exactly `text`.
pub(crate) fn click_task_of(h: &mut Harness, text: &str) {
    let message = ui(&h.app)
        .find(in_chat_view(text))
        .unwrap_or_else(|e| panic!("{text} in the chat view: {e}"))
        .bounds();
    interact(h, |sim| {
        sim.click(move |c: Candidate<'_>| match c {
            Candidate::Text {
                content, bounds, ..
            } if content == "Task" && bounds.y < message.y && bounds.y > message.y - 40.0 => {
                Some(Target::from(c))
            }
            _ => None,
        })
        .unwrap_or_else(|e| panic!("the Task action of {text:?}: {e}"));
    });
    h.settle();
}

/// Clicks the message showing `text` with `modifiers` held.
fn click_message(h: &mut Harness, text: &str, modifiers: Modifiers) {
    h.send(tasks_message(tasks::Message::Modifiers(modifiers)));
    interact(h, |sim| {
        sim.click(in_chat_view(text)).unwrap();
    });
    h.send(tasks_message(tasks::Message::Modifiers(Modifiers::empty())));
}

pub(crate) fn form_stage(h: &Harness) -> Option<Stage> {
    h.app.console().tasks().form().map(|f| f.stage.clone())
}

pub(crate) fn chat_tasks(h: &Harness, chat: i64) -> Vec<LinkedTask> {
    h.app.console().tasks().book().of_chat(chat).to_vec()
}

/// The demo floor's simulated tracker (API mode, and its browser-mode twin).
fn demo(h: &Harness) -> &dutydesk::demo_tracker::DemoTracker {
    h.app
        .console()
        .tasks()
        .demo_tracker()
        .expect("the demo floor's tracker")
}

/// A calm supergroup customer chat (its messages have t.me links), opened after its
/// customer wrote `texts`.
pub(crate) fn supergroup_writes(h: &mut Harness, texts: &[&str]) -> (i64, String) {
    // Supergroups' ids start with -100 (Telegram's Bot API form, which TDLib uses too).
    let chat = customer_chats_where(h, |c, r| {
        c.chat_id < -1_000_000_000_000 && r.support && r.status == Status::Normal
    })[0]
        .clone();
    for text in texts {
        h.control
            .write(chat.chat_id, chat.customers[0], text)
            .unwrap();
    }
    h.settle();
    h.freeze_clock();
    open_by_click(h, &chat.title);
    (chat.chat_id, chat.title)
}

#[test]
fn api_mode_creates_a_task_from_one_message_and_posts_its_link_in_the_chat() {
    let (mut h, _home) = floor();
    let (chat, title) = supergroup_writes(&mut h, &["Mail is down since 9"]);
    click_task_of(&mut h, "Mail is down since 9");
    let form = h.app.console().tasks().form().expect("the form opens");
    assert_eq!(form.title, "Mail is down since 9");
    assert_eq!(form.project, dutydesk::demo_tracker::PROJECT);
    assert_eq!(
        form.mode,
        Mode::Api,
        "the simulated API tracker comes first"
    );
    let description = form.description.text();
    assert!(
        description.contains("> Mail is down since 9"),
        "{description}"
    );
    assert!(
        description.contains(&title),
        "the chat's title: {description}"
    );
    assert!(
        description.contains("https://t.me/c/"),
        "the message's link: {description}"
    );
    assert!(visible(&h, &format!("New task from a message in {title}")));

    // Create is a tracker call, not a Telegram request.
    let effects = h.app.handle(tasks_message(tasks::Message::Submit));
    assert!(effects.telegram_calls().is_empty());
    let [call] = effects.tracker_calls() else {
        panic!("{effects:?}");
    };
    let calls::Request::Create { config, draft } = call.request() else {
        panic!("{:?}", call.request());
    };
    assert_eq!(config.name, "Demo tracker (simulated, API)");
    assert_eq!(draft.title, "Mail is down since 9");
    assert_eq!(form_stage(&h), Some(Stage::Creating));
    assert!(visible(
        &h,
        "Creating the task in Demo tracker (simulated, API)…"
    ));
    h.run(effects);

    let issues = demo(&h).issues();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].subject, "Mail is down since 9");
    assert!(h.app.console().tasks().form().is_none(), "the form closed");
    let [task] = chat_tasks(&h, chat).try_into().unwrap();
    assert_eq!(task.key, "#1");
    assert_eq!(task.url, format!("{}/issues/1", demo(&h).base_url()));
    assert_eq!(task.status.as_deref(), Some("New"), "read right after");
    assert_eq!(
        h.app.store().unwrap().load_tasks().unwrap(),
        vec![task.clone()]
    );
    assert!(visible(&h, "#1"));
    assert!(visible(&h, "New"));

    // Its link, into the reply box, then sent as the admin's message.
    interact(&mut h, |sim| {
        sim.click("Post in chat").unwrap();
    });
    let posted = format!("Task #1 created: {}", task.url);
    let composer = h.app.console().open().unwrap().composer.text();
    assert_eq!(composer.trim_end(), posted);
    interact(&mut h, |sim| {
        sim.click(id(COMPOSER_ID)).unwrap();
        sim.tap_key(Key::Named(Named::Enter));
    });
    h.pump_until("the link in the chat", |app| {
        app.console().open().is_some_and(|o| {
            o.history
                .lines
                .iter()
                .any(|l| l.text == posted && l.state == console::history::SendState::Delivered)
        })
    });
}

#[test]
fn a_selection_of_three_messages_becomes_one_task_quoting_them_all() {
    let (mut h, _home) = floor();
    let texts = [
        "The site is slow",
        "Now it returns 502",
        "Checkout fails too",
    ];
    let (chat, title) = supergroup_writes(&mut h, &texts);
    // A plain click while nothing is selected only reads.
    click_message(&mut h, texts[0], Modifiers::empty());
    assert_eq!(h.app.console().tasks().selection().count(chat), 0);
    click_message(&mut h, texts[0], Modifiers::CTRL);
    click_message(&mut h, texts[2], Modifiers::SHIFT);
    assert_eq!(h.app.console().tasks().selection().count(chat), 3);
    assert!(visible(&h, "3 messages selected"));

    interact(&mut h, |sim| {
        sim.click("Create task from 3 messages").unwrap();
    });
    h.settle();
    assert!(visible(&h, &format!("New task from 3 messages in {title}")));
    let form = h.app.console().tasks().form().unwrap();
    assert_eq!(form.title, texts[0], "the first message's first line");
    assert_eq!(form.messages.len(), 3);
    assert_eq!(
        h.app.console().tasks().selection().count(chat),
        0,
        "used up"
    );
    interact(&mut h, |sim| {
        sim.click("Create task").unwrap();
    });
    h.settle();

    let issue = &demo(&h).issues()[0];
    let quoted: Vec<usize> = texts
        .iter()
        .map(|t| issue.description.find(&format!("> {t}")).expect(t))
        .collect();
    assert!(quoted.windows(2).all(|w| w[0] < w[1]), "oldest first");
    assert_eq!(issue.description.matches("https://t.me/c/").count(), 3);
    let [task] = chat_tasks(&h, chat).try_into().unwrap();
    assert_eq!(task.messages, form_messages(&h, chat, &texts));
}

/// The ids of the open chat's messages showing `texts`.
fn form_messages(h: &Harness, chat: i64, texts: &[&str]) -> Vec<i64> {
    let open = h.app.console().open().unwrap();
    assert_eq!(open.history.chat, chat);
    texts
        .iter()
        .map(|t| {
            open.history
                .lines
                .iter()
                .find(|l| l.text == *t)
                .unwrap()
                .id
                .unwrap()
        })
        .collect()
}

#[test]
fn a_failure_keeps_the_form_as_typed_and_retry_creates_the_task() {
    let (mut h, _home) = floor();
    let (chat, _) = supergroup_writes(&mut h, &["Backups did not run"]);
    click_task_of(&mut h, "Backups did not run");
    interact(&mut h, |sim| {
        sim.click(id(TITLE_ID)).unwrap();
        sim.typewrite(" (urgent)");
    });

    // The tracker is down for a moment: a transient fault, with Retry.
    demo(&h).fail_next(503, "{}");
    interact(&mut h, |sim| {
        sim.click("Create task").unwrap();
    });
    h.settle();
    let Some(Stage::Failed { error, retry: true }) = form_stage(&h) else {
        panic!("{:?}", form_stage(&h));
    };
    assert!(
        error.starts_with("Demo tracker (simulated, API): "),
        "{error}"
    );
    assert!(error.contains("503") && error.contains("Retry"), "{error}");
    assert!(visible(&h, &error));
    assert_eq!(
        h.app.console().tasks().form().unwrap().title,
        "Backups did not run (urgent)",
        "nothing typed is lost"
    );

    // A project the tracker does not have: said, no Retry, still filled.
    h.send(tasks_message(tasks::Message::Form(Edit::Project(
        "nope".into(),
    ))));
    interact(&mut h, |sim| {
        sim.click("Create task").unwrap();
    });
    h.settle();
    let Some(Stage::Failed {
        error,
        retry: false,
    }) = form_stage(&h)
    else {
        panic!("{:?}", form_stage(&h));
    };
    assert!(error.contains("project \"nope\" does not exist"), "{error}");
    assert!(!visible(&h, "Retry"));

    // A token the tracker refuses (401).
    let name = "Demo tracker (simulated, API)";
    h.app.set_tokens(Arc::new(Memory::with(name, "wrong")));
    interact(&mut h, |sim| {
        sim.click(id(PROJECT_ID)).unwrap();
        sim.tap_key(Key::Named(Named::End));
        for _ in 0..4 {
            sim.tap_key(Key::Named(Named::Backspace));
        }
        sim.typewrite("demo");
        sim.click("Create task").unwrap();
    });
    h.settle();
    let Some(Stage::Failed {
        error,
        retry: false,
    }) = form_stage(&h)
    else {
        panic!("{:?}", form_stage(&h));
    };
    assert!(
        error.contains("refused (401)") && !error.contains("wrong"),
        "{error}"
    );
    assert!(demo(&h).issues().is_empty());

    // The token fixed, the tracker back: Retry after a transient fault creates it.
    let token = dutydesk::demo_tracker::TOKEN;
    h.app.set_tokens(Arc::new(Memory::with(name, token)));
    demo(&h).fail_next(503, "{}");
    interact(&mut h, |sim| {
        sim.click("Create task").unwrap();
    });
    h.settle();
    assert!(visible(&h, "Retry"));
    interact(&mut h, |sim| {
        sim.click("Retry").unwrap();
    });
    h.settle();
    assert!(h.app.console().tasks().form().is_none());
    assert_eq!(demo(&h).issues()[0].subject, "Backups did not run (urgent)");
    assert_eq!(chat_tasks(&h, chat).len(), 1);
}

/// A browser-mode tracker with a default project (no network is needed: the address is
/// recorded, never opened).
fn github(name: &str) -> TrackerConfig {
    let mut t = TrackerConfig::new(name, TrackerKind::GitHub, "https://github.com");
    t.default_project = Some("acme/support".into());
    t
}

pub(crate) fn floor_with(trackers: Vec<TrackerConfig>) -> (Harness, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    let config = Config {
        trackers,
        ..Config::default()
    };
    let mut h = Harness::start(true, home.path(), config);
    h.pump_until("the console", |app| matches!(app.screen(), Screen::Console));
    h.settle();
    h.freeze_clock();
    (h, home)
}

#[test]
fn the_second_task_from_a_chat_goes_to_the_project_the_first_went_to() {
    let (mut h, _home) = floor_with(vec![github("GitHub")]);
    assert!(
        h.app.console().tasks().demo_tracker().is_none(),
        "the floor's own trackers replace the simulated one"
    );
    let (chat, _) = supergroup_writes(&mut h, &["Invoice is wrong", "And the VAT too"]);
    click_task_of(&mut h, "Invoice is wrong");
    assert_eq!(
        h.app.console().tasks().form().unwrap().project,
        "acme/support"
    );
    interact(&mut h, |sim| {
        sim.click(id(PROJECT_ID)).unwrap();
        sim.tap_key(Key::Named(Named::End));
        for _ in 0.."support".len() {
            sim.tap_key(Key::Named(Named::Backspace));
        }
        sim.typewrite("billing");
        sim.click("Open in browser").unwrap();
    });
    assert!(h.opened[0].starts_with("https://github.com/acme/billing/issues/new?"));
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(h.app.console().tasks().form().is_none());

    click_task_of(&mut h, "And the VAT too");
    assert_eq!(
        h.app.console().tasks().form().unwrap().project,
        "acme/billing",
        "no choice needed the second time"
    );
    let projects = h.app.store().unwrap().load_projects().unwrap();
    assert_eq!(
        projects
            .iter()
            .map(|p| (p.tracker.as_str(), p.chat, p.project.as_str()))
            .collect::<Vec<_>>(),
        [("GitHub", chat, "acme/billing")]
    );
    // Another customer's chat still starts from the default.
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    let (_, other) = customer_writes(&mut h, 0, "Where is my order?");
    open_by_click(&mut h, &other);
    click_task_of(&mut h, "Where is my order?");
    assert_eq!(
        h.app.console().tasks().form().unwrap().project,
        "acme/support"
    );
}

#[test]
fn browser_mode_hands_the_browser_the_prefilled_form_and_links_the_key_pasted_back() {
    dutydesk::ui::format::use_utc(true);
    let (mut h, _home) = floor_with(vec![github("GitHub")]);
    let (chat, title) = supergroup_writes(&mut h, &["Site & shop are down #500"]);
    click_task_of(&mut h, "Site & shop are down #500");
    let link = h.app.console().tasks().form().unwrap().quotes[0]
        .link
        .clone()
        .expect("a supergroup message has a link");
    let quotes = h.app.console().tasks().form().unwrap().quotes.clone();
    assert!(quotes[0].time_text().ends_with("+00:00"), "UTC in tests");
    assert_eq!(quotes[0].chat_title, title);
    interact(&mut h, |sim| {
        sim.click("Open in browser").unwrap();
    });
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    let body = tracker::describe(&quotes, tracker::Markup::Markdown);
    assert!(body.contains(&link) && body.ends_with("\n> Site & shop are down #500"));
    assert_eq!(
        h.opened,
        [format!(
            "https://github.com/acme/support/issues/new?title={}&body={}",
            enc("Site & shop are down #500"),
            enc(&body)
        )]
    );
    assert!(matches!(form_stage(&h), Some(Stage::Opened { .. })));
    assert!(
        chat_tasks(&h, chat).is_empty(),
        "nothing is linked before the key"
    );

    // An address elsewhere is refused; the task's own page links it.
    interact(&mut h, |sim| {
        sim.click(id(PASTE_ID)).unwrap();
        sim.typewrite("https://gitlab.com/acme/support/-/issues/77");
        sim.tap_key(Key::Named(Named::Enter));
    });
    assert!(visible(
        &h,
        "that address is not under https://github.com; paste the address of the task's page in this tracker"
    ));
    h.send(tasks_message(tasks::Message::Form(Edit::Pasted(
        "https://github.com/acme/support/issues/77".into(),
    ))));
    interact(&mut h, |sim| {
        sim.click("Link task").unwrap();
    });
    let [task] = chat_tasks(&h, chat).try_into().unwrap();
    assert_eq!(
        (task.key.as_str(), task.url.as_str(), task.title.as_str()),
        (
            "acme/support#77",
            "https://github.com/acme/support/issues/77",
            "Site & shop are down #500"
        )
    );
    assert!(visible(&h, "acme/support#77"));
    assert!(visible(&h, "Task acme/support#77 linked to this chat."));
    interact(&mut h, |sim| {
        sim.click("Post in chat").unwrap();
    });
    assert_eq!(
        h.app.console().open().unwrap().composer.text().trim_end(),
        "Task acme/support#77 created: https://github.com/acme/support/issues/77"
    );
}

#[test]
fn the_demo_floor_trains_browser_mode_on_its_simulated_trackers_own_form() {
    let (mut h, _home) = floor();
    let (chat, _) = supergroup_writes(&mut h, &["Please add a mailbox"]);
    click_task_of(&mut h, "Please add a mailbox");
    let browser = "Demo tracker (simulated, browser)";
    assert_eq!(
        h.app.console().tasks().form().unwrap().trackers,
        ["Demo tracker (simulated, API)", browser]
    );
    h.send(tasks_message(tasks::Message::Form(Edit::Tracker(
        browser.into(),
    ))));
    interact(&mut h, |sim| {
        sim.click("Open in browser").unwrap();
    });
    let base = demo(&h).base_url();
    let [url] = h.opened.as_slice() else {
        panic!("{:?}", h.opened);
    };
    assert!(
        url.starts_with(&format!(
            "{base}/projects/demo/issues/new?issue%5Bsubject%5D=Please%20add%20a%20mailbox&"
        )),
        "{url}"
    );
    // What the admin does in the browser: the page shows the form filled in; Create.
    let page = ureq::get(url)
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    assert!(page.contains("value=\"Please add a mailbox\""), "{page}");
    assert!(page.contains("simulated"), "{page}");
    ureq::post(&format!("{base}/projects/demo/issues"))
        .content_type("application/x-www-form-urlencoded")
        .send("issue%5Bsubject%5D=Please+add+a+mailbox&issue%5Bdescription%5D=x")
        .unwrap();
    // Then pastes the key the page shows.
    interact(&mut h, |sim| {
        sim.click(id(PASTE_ID)).unwrap();
        sim.typewrite("#1");
        sim.click("Link task").unwrap();
    });
    let [task] = chat_tasks(&h, chat).try_into().unwrap();
    assert_eq!(
        (task.key.as_str(), task.url),
        ("#1", format!("{base}/issues/1"))
    );
}

#[test]
fn ctrl_t_takes_the_last_customer_message_and_esc_closes_the_form() {
    let (mut h, _home) = floor();
    supergroup_writes(&mut h, &["first question", "second question"]);
    h.send(Message::Key(Key::Character("t".into()), Modifiers::CTRL));
    h.settle();
    assert_eq!(
        h.app.console().tasks().form().unwrap().title,
        "second question"
    );
    // Ctrl+T again keeps the form as typed.
    h.send(tasks_message(tasks::Message::Form(Edit::Title(
        "typed".into(),
    ))));
    h.send(Message::Key(Key::Character("t".into()), Modifiers::CTRL));
    h.settle();
    assert_eq!(h.app.console().tasks().form().unwrap().title, "typed");
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(h.app.console().tasks().form().is_none());
    assert!(
        h.app.console().open_chat().is_some(),
        "Esc closed the form only"
    );
}
