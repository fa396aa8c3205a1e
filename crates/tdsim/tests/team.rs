//! The simulated team speaks DutyDesk's protocol: the lead's alarms and clears carry the
//! machine line `desk::team::protocol` reads, and a scenario with `team_settings` has the
//! lead's team settings pinned in the duty group (the colleagues' roles, the starting stop
//! words), which DutyDesk's own settings parser accepts.

mod common;

use common::{Client, DANA, world_with};
use desk::team::protocol;
use desk::team::settings::parse_settings;
use desk::team::stop_words::DEFAULT_STOP_WORDS;
use desk::{Action, TeamRole};
use serde_json::{Value, json};

fn text_of(m: &Value) -> String {
    m["content"]["text"]["text"]
        .as_str()
        .unwrap_or("")
        .to_owned()
}

/// The duty group's messages, oldest first.
fn duty_history(c: &mut Client, duty: i64) -> Vec<Value> {
    let page = c.call(
        json!({"@type":"getChatHistory","chat_id":duty,"from_message_id":0,
        "offset":0,"limit":100,"only_local":false}),
    );
    let mut messages: Vec<Value> = page["messages"].as_array().unwrap().clone();
    messages.reverse();
    messages
}

#[test]
fn the_leads_alarm_is_a_team_action_and_is_cleared_later() {
    let world = world_with(|s| {
        s.traffic.alarm_mean_interval = 60.0;
        s.traffic.alarm_clear_after = [300, 300];
        s.traffic.alarm_text = "ALARM: {chat} needs attention".into();
        s.traffic.alarm_clear_text = "All clear: {chat}".into();
    });
    let mut dana = Client::member(world, DANA);
    let layout = dana.control.layout();
    let (duty, chat) = (layout.duty_group_chat_id, layout.customer_chats[0].clone());
    let asked = dana
        .control
        .write(chat.chat_id, chat.customers[0], "Nothing works!")
        .unwrap();
    // The alarm comes within minutes (an exponential wait of mean 60 s), about the chat
    // waiting longest; the clear five minutes after it.
    let mut raised = None;
    for _ in 0..120 {
        dana.control.advance(60);
        raised = duty_history(&mut dana, duty).into_iter().find_map(|m| {
            match protocol::parse(&text_of(&m)) {
                Ok(action @ Action::RaiseAlarm { .. }) => Some((m, action)),
                _ => None,
            }
        });
        if raised.is_some() {
            break;
        }
    }
    let (message, action) = raised.expect("the lead raised an alarm");
    assert_eq!(message["sender_id"]["user_id"], layout.lead);
    let Action::RaiseAlarm {
        chat: target,
        message: about,
        reason: None,
    } = action
    else {
        panic!("{action:?}");
    };
    let title = &layout
        .customer_chats
        .iter()
        .find(|c| c.chat_id == target)
        .expect("a customer chat")
        .title;
    assert!(text_of(&message).starts_with(&format!(
        "ALARM: {title} needs attention\n#dutydesk v1 alarm"
    )));
    if target == chat.chat_id {
        assert_eq!(about, Some(asked), "it points at the waiting message");
    }
    dana.control.advance(300);
    let cleared = duty_history(&mut dana, duty).into_iter().any(|m| {
        protocol::parse(&text_of(&m)) == Ok(Action::ClearAlarm { chat: target })
            && text_of(&m).starts_with(&format!("All clear: {title}\n"))
    });
    assert!(cleared, "the lead cleared it");
}

#[test]
fn the_floor_has_the_leads_team_settings_pinned() {
    let world = tdsim::create_world(tdsim::WorldConfig {
        scenario: tdsim::Scenario::builtin("floor").unwrap(),
        ..tdsim::WorldConfig::default()
    });
    let mut dana = Client::member(world, DANA);
    let layout = dana.control.layout();
    let duty = layout.duty_group_chat_id;
    let pinned = dana.call(json!({"@type":"getChatPinnedMessage","chat_id":duty}));
    assert_eq!(pinned["is_pinned"], true);
    assert_eq!(pinned["sender_id"]["user_id"], layout.lead);
    let Ok(Action::PublishSettings { document }) = protocol::parse(&text_of(&pinned)) else {
        panic!("not team settings: {}", text_of(&pinned));
    };
    let settings = parse_settings(&document).expect("DutyDesk reads them");
    let role_of = |name: &str| {
        let m = layout.team.iter().find(|m| m.name == name).unwrap();
        settings.roles_of(m.user_id)
    };
    assert!(role_of("Lena Lead").has(TeamRole::Lead));
    assert!(role_of("Kim Keeper").has(TeamRole::AccountManager));
    assert!(role_of("Omar Ops").has(TeamRole::AlertsAdmin));
    assert!(
        role_of("Dana Duty").is_empty(),
        "the trainee has no role: sees all"
    );
    let words: Vec<&str> = settings.stop_words.words().collect();
    assert_eq!(words, DEFAULT_STOP_WORDS);
    // Not the group's last message: its history came after.
    let last = duty_history(&mut dana, duty).pop().unwrap();
    assert_ne!(last["id"], pinned["id"]);
}

#[test]
fn a_colleague_with_an_unknown_role_is_an_error_naming_the_key() {
    let text = r#"name = "x"
[duty_group]
staff = [{ name = "Lena Lead", roles = ["boss"] }]
[customers]
staff_per_group = 1
"#;
    let e = tdsim::Scenario::parse(text, "x.toml").unwrap_err();
    assert_eq!(e.key, "duty_group.staff");
    assert!(
        e.message.contains("Lena Lead: unknown role \"boss\""),
        "{e}"
    );
}
