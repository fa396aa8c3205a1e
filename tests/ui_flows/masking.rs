//! A contractor's console (`[toolkit] mask_customers = true`, the local switch; the team's
//! `contractor` role does the same): every text widget of every screen — the list, an open
//! chat, the task form, search results, the settings, the reminders list, the quick-reply
//! preview and the notification banner — is read, and no customer's name, username, phone
//! number or e-mail address is in any of them. Pseudonyms are, and staff names stay. (The
//! statistics and their CSV name chats by id and staff by name only.)

use super::*;
use dutydesk::ui::features::toolkit::{self, PICKER_ID};
use std::sync::{Arc, Mutex};

/// Every text the view draws: each text widget's content and each field's value (the
/// selector sees every widget and picks none, so the walk covers the whole tree).
fn all_texts(app: &App) -> Vec<String> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let mut sim = ui(app);
    let walked = sim.find(move |candidate: Candidate<'_>| {
        match candidate {
            Candidate::Text { content, .. } => sink.lock().unwrap().push(content.to_owned()),
            Candidate::TextInput { state, .. } => {
                sink.lock().unwrap().push(state.text().to_owned())
            }
            _ => {}
        }
        None::<Target>
    });
    assert!(walked.is_err(), "the walk picks nothing");
    drop(sim);
    let texts = seen.lock().unwrap().clone();
    assert!(!texts.is_empty());
    texts
}

/// Whether `word` stands in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

struct Secrets {
    names: Vec<String>,
    contacts: Vec<&'static str>,
}

impl Secrets {
    fn check(&self, screen: &str, texts: &[String]) {
        for text in texts {
            for name in &self.names {
                assert!(
                    !has_word(text, name),
                    "{screen}: a customer's name `{name}` in {text:?}"
                );
            }
            for contact in &self.contacts {
                assert!(!text.contains(contact), "{screen}: `{contact}` in {text:?}");
            }
        }
    }
}

const PHONE: &str = "+1 555 010 4477";
const EMAIL: &str = "olivia.w@example.com";
const USERNAME: &str = "@olivia_wood";

#[test]
fn a_contractor_sees_no_customer_on_any_screen() {
    let home = tempfile::tempdir().unwrap();
    // The demo floor's quick replies, and the switch.
    let mut config = Config::default();
    let demo: toml::Table = dutydesk::toolkit::DEMO_TOOLKIT.parse().unwrap();
    config.toolkit = demo["toolkit"].as_table().unwrap().clone();
    config
        .toolkit
        .insert("mask_customers".into(), toml::Value::Boolean(true));
    let mut h = Harness::start(true, home.path(), config);
    h.pump_until("the console", |app| matches!(app.screen(), Screen::Console));
    h.settle();
    h.freeze_clock();
    assert!(h.app.desk().masking_active());
    h.app.notify_in_window();
    h.app.set_ready_at(h.app.clock().now() - 3600);

    // Every customer's name words, from the floor's own lists and the private chats' titles.
    let floor = tdsim::Scenario::builtin("floor").unwrap();
    let mut names: Vec<String> = floor
        .customers
        .first_names
        .iter()
        .chain(&floor.customers.last_names)
        .cloned()
        .collect();
    let layout = h.control.layout();
    for c in layout.customer_chats.iter().filter(|c| c.is_private) {
        names.extend(c.title.split_whitespace().map(str::to_owned));
    }
    let secrets = Secrets {
        names,
        contacts: vec![
            PHONE,
            "5550104477",
            "555 010 4477",
            EMAIL,
            USERNAME,
            "olivia_wood",
        ],
    };

    // A customer in a group writes their contacts; another writes in a private chat.
    let group = customer_chats_where(&h, |c, r| !c.is_private && r.support)[0].clone();
    let private = customer_chats_where(&h, |c, r| c.is_private && r.support)[0].clone();
    h.send(Message::Focus(false));
    h.control
        .write(
            group.chat_id,
            group.customers[0],
            &format!(
                "This is {} — call {PHONE}, mail {EMAIL} or ask {USERNAME}",
                private.title
            ),
        )
        .unwrap();
    h.control
        .write(private.chat_id, private.customers[0], "Hello? Anyone?")
        .unwrap();
    h.settle();
    h.freeze_clock();

    // The notification (in the window here): the banner is part of the view.
    let banner = h
        .app
        .banner()
        .expect("the new messages are announced")
        .to_owned();
    secrets.check("notification", std::slice::from_ref(&banner));
    let console = all_texts(&h.app);
    secrets.check("console", &console);
    assert!(
        console.iter().any(|t| t.starts_with("Customer ")),
        "pseudonyms are shown"
    );

    // The group's chat, its history and the sender's pseudonym.
    filter_by_title(&mut h, &group.title);
    interact(&mut h, |sim| {
        sim.click(label(&group.title)).unwrap();
    });
    h.settle();
    let chat = all_texts(&h.app);
    secrets.check("chat view", &chat);
    assert!(
        chat.iter()
            .any(|t| t.contains("call [phone], mail [e-mail] or ask [username]")),
        "{chat:?}"
    );
    // The task form from that message: its title, quotes and description.
    let quoted = chat
        .iter()
        .find(|t| t.starts_with("This is ") && t.contains("call [phone]"))
        .unwrap()
        .clone();
    crate::tasks::click_task_of(&mut h, &quoted);
    let form = h.app.console().tasks().form().expect("the task form opens");
    let fields = [
        form.title.clone(),
        form.chat_title.clone(),
        form.description.text(),
        format!("{:?}", form.quotes),
    ];
    secrets.check("task form fields", &fields);
    assert!(fields[2].contains("[phone]"), "{fields:?}");
    let task_form = all_texts(&h.app);
    secrets.check("task form", &task_form);
    h.send(Message::Console(console::Message::Tasks(
        dutydesk::ui::features::tasks::Message::Cancel,
    )));
    assert!(h.app.console().tasks().form().is_none());

    // The quick replies' preview greets the customer by pseudonym.
    h.send(Message::Console(console::Message::Toolkit(
        toolkit::Message::OpenPicker,
    )));
    interact(&mut h, |sim| {
        sim.click(id(PICKER_ID)).unwrap();
        sim.typewrite("greeting");
    });
    let picker = all_texts(&h.app);
    secrets.check("quick replies", &picker);
    assert!(
        picker.iter().any(|t| t.starts_with("Hello Customer ")),
        "{picker:?}"
    );
    // Inserted, the composer holds the placeholder, not the name ...
    h.send(Message::Console(console::Message::Toolkit(
        toolkit::Message::PickerSubmit,
    )));
    let composer = h.app.console().open().unwrap().composer.text();
    assert!(composer.contains("{customer_first_name}"), "{composer}");
    secrets.check("composer", &[composer]);
    // ... and the customer gets their name: only what leaves carries it.
    let effects = h.app.handle(Message::Console(console::Message::Send));
    let sent: Vec<String> = effects
        .telegram_calls()
        .iter()
        .filter_map(|c| match c.request::<console::Request>() {
            Some(console::Request::SendText { text, .. }) => Some(text.clone()),
            _ => None,
        })
        .collect();
    let first = h
        .app
        .desk()
        .first_name_for_sending(group.customers[0])
        .unwrap();
    assert!(secrets.names.contains(&first));
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0].starts_with(&format!("Hello {first}! This is Dana Duty")),
        "{sent:?}"
    );
    h.run(effects);
    h.settle();
    secrets.check("chat view after sending", &all_texts(&h.app));
    h.send(Message::Console(console::Message::Escape));

    // The private chat: its title is the customer's name.
    filter_by_title(&mut h, "");
    h.send(Message::Console(console::Message::List(
        dutydesk::ui::widgets::chat_list::Event::Select(private.chat_id),
    )));
    h.settle();
    secrets.check("private chat", &all_texts(&h.app));

    // The tools, with a reminder listed.
    interact(&mut h, |sim| {
        sim.click("Tools").unwrap();
    });
    interact(&mut h, |sim| {
        sim.click("When the customer writes").unwrap();
    });
    secrets.check("tools", &all_texts(&h.app));
    h.send(Message::Console(console::Message::Toolkit(
        toolkit::Message::ToggleReminders,
    )));
    let reminders = all_texts(&h.app);
    secrets.check("reminders", &reminders);
    assert!(
        reminders.iter().any(|t| t.starts_with("Customer ")),
        "{reminders:?}"
    );
    h.send(Message::Console(console::Message::Toolkit(
        toolkit::Message::ToggleReminders,
    )));

    // Search across chats: the hit's chat and its text.
    h.send(Message::Console(console::Message::GlobalOpen));
    h.send(Message::Console(console::Message::GlobalQuery(
        "call".into(),
    )));
    h.send(Message::Console(console::Message::GlobalSubmit));
    let global = h.app.console().global().unwrap();
    assert!(!global.groups.is_empty(), "the search found the message");
    secrets.check("search results", &all_texts(&h.app));
    h.send(Message::Console(console::Message::Escape));

    // The settings (the duty-group picker lists group chats).
    h.send(Message::Console(console::Message::OpenSettings));
    assert!(matches!(h.app.screen(), Screen::Settings(_)));
    secrets.check("settings", &all_texts(&h.app));

    // Staff stay visible.
    let lead = layout.lead;
    assert_eq!(h.app.desk().user_name(lead).unwrap(), "Lena Lead");
}
