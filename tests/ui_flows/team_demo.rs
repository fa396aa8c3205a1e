//! The demo floor as a training ground for the team: the simulated lead's pinned team
//! settings are in force, the lead's alarms (DutyDesk's protocol) arrive and are cleared,
//! and an alarm the trainee raises reaches every app of the world.

use super::*;
use dutydesk::ui::features::team;

#[test]
fn on_the_demo_floor_the_leads_alarms_arrive_and_the_trainees_reach_every_app() {
    dutydesk::ui::format::use_utc(true);
    let mut scenario = tdsim::Scenario::builtin("floor").unwrap();
    // Quiet but for the lead: an alarm now and then, cleared five minutes later.
    scenario.traffic.messages_per_hour = 0.0;
    scenario.traffic.staff_reply_chance = 0.0;
    scenario.traffic.alarm_mean_interval = 1800.0;
    scenario.traffic.alarm_clear_after = [300, 300];
    let world = tdsim::create_world(tdsim::WorldConfig {
        scenario,
        seed: 5,
        speed: 0.0,
        start_time: 1_772_442_000,
    });
    let w = tdsim::world(world).unwrap();
    let lead = w.layout().lead;
    let trainee_home = tempfile::tempdir().unwrap();
    let mut trainee = Harness::demo_in(world, trainee_home.path());
    trainee.pump_until("the lead's team settings", |app| {
        app.desk().team_settings().roster.len() == 6
    });
    assert!(
        trainee.app.desk().my_roles().is_empty(),
        "the trainee has no role: sees every chat"
    );
    let lead_home = tempfile::tempdir().unwrap();
    let mut lena = Harness::start_in(world, "+15550000001", lead_home.path(), Config::default());

    // The lead's alarm arrives on the trainee's floor...
    let leads = |app: &App| {
        w.layout()
            .customer_chats
            .iter()
            .map(|c| c.chat_id)
            .find(|&c| {
                app.desk()
                    .team_alarm(c)
                    .is_some_and(|a| a.raised_by == Some(lead))
            })
    };
    let mut raised = None;
    for _ in 0..240 {
        trainee.advance(60);
        raised = leads(&trainee.app);
        if raised.is_some() {
            break;
        }
    }
    let chat = raised.expect("the lead raised an alarm");
    assert!(
        trainee.app.team_alerts().contains(&chat),
        "and is announced"
    );
    // ...and is cleared by the lead five minutes after it was raised.
    let at = trainee.app.desk().team_alarm(chat).unwrap().at;
    trainee.advance(at + 300 - w.now());
    assert!(
        trainee
            .app
            .desk()
            .team_alarm(chat)
            .is_none_or(|a| a.raised_by.is_none()),
        "cleared (a customer's stop word aside)"
    );

    // The trainee's own alarm reaches the lead's app.
    let calm = w
        .layout()
        .customer_chats
        .into_iter()
        .find(|c| !c.is_private && trainee.app.desk().team_alarm(c.chat_id).is_none())
        .unwrap();
    trainee.send(Message::Console(console::Message::Act(
        calm.chat_id,
        console::ChatAction::ToggleAlarm,
    )));
    trainee.send(Message::Team(team::Message::Reason("practice".into())));
    trainee.send(Message::Team(team::Message::Raise));
    lena.pump_until("the trainee's alarm", |app| {
        app.desk()
            .team_alarm(calm.chat_id)
            .is_some_and(|a| a.reason.as_deref() == Some("practice"))
    });
    trainee.pump_until("the trainee's own alarm", |app| {
        app.desk().team_alarm(calm.chat_id).is_some()
    });
}
