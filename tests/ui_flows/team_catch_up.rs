//! Catching up after a restart when an update arrives before the history is read: at login
//! Telegram hands the app the duty group's newest message (the chat list's last message)
//! before the members' reply starts the catch-up. The catch-up must read from the stored
//! checkpoint, not from that newer message, or everything between is never read.

use super::*;
use dutydesk::desk::{Event, MemberStatus, Sender, TeamMessage};
use dutydesk::telegram::TgEvent;
use dutydesk::ui::app::LinkReply;

#[test]
fn the_catch_up_reads_from_the_stored_checkpoint_not_from_a_newer_update() {
    let (world, w) = team_world();
    let duty = w.layout().duty_group_chat_id;
    let [x, y] = [groups(&w)[0].clone(), groups(&w)[1].clone()];
    let (mut lead, _a) = member(world, LEAD);
    let sam_home = tempfile::tempdir().unwrap();
    let sam = member_at(world, SAM, sam_home.path());
    let stored = sam
        .app
        .store()
        .unwrap()
        .load_team_checkpoint(duty)
        .unwrap()
        .expect("caught up, Sam's DutyDesk stored its checkpoint");
    sam.close();

    // While Sam's DutyDesk is closed: an alarm, then a take, the group's newest message.
    raise(&mut lead, x.chat_id, "site down");
    lead.send(Message::Console(console::Message::Act(
        y.chat_id,
        console::ChatAction::Take,
    )));
    lead.pump_until("the take back from the duty group", |app| {
        app.desk().assignee(y.chat_id).is_some()
    });
    let take = lead
        .app
        .desk()
        .team_checkpoint()
        .and_then(|c| c.last_message)
        .unwrap();

    // Sam's DutyDesk again, in the window's order: the newest message first...
    let mut app = App::offline(dutydesk::ui::RunOptions {
        demo: false,
        config: Config::default(),
        paths: dutydesk::paths::Paths::portable(sam_home.path()),
    });
    let newest = TeamMessage {
        chat: duty,
        id: take,
        sender: Sender::User(user(&w, LEAD)),
        date: 1_772_442_100,
        text: protocol::build("Lena takes it", &Action::Take { chat: y.chat_id }),
        forwarded: false,
        pinned: false,
    };
    let _ = app.handle(Message::Tg(vec![TgEvent::Desk(Event::TeamMessage(newest))]));
    assert!(
        app.desk().assignee(y.chat_id).is_some(),
        "the newest action is folded"
    );
    // ...then the members, whose reply starts the catch-up.
    let members: Vec<(i64, MemberStatus)> = app
        .desk()
        .team_members()
        .iter()
        .map(|m| (m.user, m.status))
        .collect();
    let effects = app.handle(Message::Link(LinkReply::Members {
        chat: duty,
        result: Ok(members),
    }));
    let after = effects
        .telegram_calls()
        .iter()
        .find_map(|call| match call.request::<team::Request>() {
            Some(team::Request::CatchUp { after, .. }) => Some(*after),
            _ => None,
        })
        .expect("the members' reply starts the catch-up");
    assert_eq!(
        after, stored.last_message,
        "read from the stored checkpoint, not from the newer take ({take})"
    );
    // Nothing is stored before the history is read: a stored checkpoint past the gap
    // would skip the alarm on the next start too.
    assert!(
        effects
            .store_writes()
            .iter()
            .all(|w| !format!("{w:?}").contains("TeamCheckpoint"))
    );
}
