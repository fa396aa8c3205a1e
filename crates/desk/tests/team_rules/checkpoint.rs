//! The checkpoint: serializable, and a checkpoint plus the history after it gives what a
//! full replay gives.

use desk::{Action, Event, Status, TeamCheckpoint};

use super::team_common::*;

/// A morning in the duty group.
fn history() -> Vec<desk::TeamMessage> {
    vec![
        action_message(
            1,
            OWNER,
            &Action::PublishSettings {
                document: "[sla]\nred_minutes = 7\n".into(),
            },
        ),
        action_message(2, COLLEAGUE, &alarm(ACME, "site down")),
        action_message(3, ME, &Action::Take { chat: ACME }),
        action_message(4, OUTSIDER, &alarm(INITECH, "spam")),
        action_message(
            5,
            LEAD,
            &Action::SetNote {
                chat: ACME,
                text: "VIP".into(),
            },
        ),
        action_message(6, LEAD, &clear(ACME)),
        action_message(7, COLLEAGUE, &alarm(INITECH, "KYC")),
        action_message(
            8,
            LEAD,
            &Action::Assign {
                chat: INITECH,
                user: COLLEAGUE,
            },
        ),
    ]
    .into_iter()
    .map(|mut m| {
        m.pinned = m.id == 1;
        m
    })
    .collect()
}

fn fold(d: &mut desk::Desk, messages: &[desk::TeamMessage]) {
    for m in messages {
        d.apply(Event::TeamMessage(m.clone()), m.date);
    }
}

#[test]
fn a_checkpoint_and_the_history_after_it_give_the_full_replay() {
    let h = history();
    let mut full = team_desk();
    fold(&mut full, &h);
    for k in 0..=h.len() {
        let mut early = team_desk();
        fold(&mut early, &h[..k]);
        let json = serde_json::to_string(&early.team_checkpoint().unwrap()).unwrap();
        let cp: TeamCheckpoint = serde_json::from_str(&json).unwrap();
        assert_eq!(cp.last_message, h[..k].last().map(|m| m.id));
        let mut later = bare_desk();
        assert!(later.restore_team(cp));
        fold(&mut later, &h[k..]);
        assert_eq!(later.team_checkpoint(), full.team_checkpoint(), "after {k}");
        assert_eq!(later.row(INITECH), full.row(INITECH));
        assert_eq!(later.team_settings().red_after_secs, Some(420));
    }
}

#[test]
fn folding_the_history_twice_gives_the_same_state() {
    let h = history();
    let mut d = team_desk();
    fold(&mut d, &h);
    let once = d.team_checkpoint();
    let rows = d.rows(&desk::ListFilter::default(), 0..10);
    fold(&mut d, &h);
    assert_eq!(d.team_checkpoint(), once);
    assert_eq!(d.rows(&desk::ListFilter::default(), 0..10), rows);
    assert_eq!(d.row(INITECH).unwrap().status, Status::Alarm);
    assert_eq!(d.row(ACME).unwrap().assignee.unwrap().user, ME);
}

#[test]
fn a_checkpoint_of_another_group_is_refused() {
    let mut d = team_desk();
    fold(&mut d, &history());
    let mut cp = d.team_checkpoint().unwrap();
    cp.group = -1_000_000_000_901;
    let mut other = team_desk();
    assert!(!other.restore_team(cp));
    assert_eq!(other.row(INITECH).unwrap().status, Status::Normal);
}

#[test]
fn the_checkpoint_writes_the_same_text_for_the_same_state() {
    let h = history();
    let mut a = team_desk();
    fold(&mut a, &h);
    let mut b = team_desk();
    let mut reversed = h.clone();
    reversed.reverse();
    fold(&mut b, &reversed);
    assert_eq!(
        serde_json::to_string(&a.team_checkpoint()).unwrap(),
        serde_json::to_string(&b.team_checkpoint()).unwrap()
    );
}
