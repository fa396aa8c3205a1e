//! Role visibility and the "Mine" filter: an alerts admin sees the chats assigned to them,
//! alerts chats and their pins, not an unassigned customer chat until it is assigned to
//! them; leads and account managers see everything.

use desk::{Action, Filter, MemberStatus};

use super::team_common::*;

fn alerts_admin_desk() -> desk::Desk {
    let mut d = team_desk();
    publish(
        &mut d,
        5,
        OWNER,
        &format!(
            "[roster]\n1 = [\"alerts_admin\"]\n2 = [\"account_manager\"]\n3 = [\"lead\"]\n\
             [alerts]\nchats = [{ALERTS}]\n"
        ),
    );
    d
}

fn shown(d: &desk::Desk) -> Vec<i64> {
    let mut ids = order(d, Filter::All);
    ids.sort_unstable();
    ids
}

#[test]
fn an_alerts_admin_sees_a_chat_once_it_is_assigned_to_them() {
    let mut d = alerts_admin_desk();
    assert!(!d.visible(ACME));
    assert!(!shown(&d).contains(&ACME));
    assert!(shown(&d).contains(&ALERTS), "alerts chats stay");
    assert!(
        shown(&d).contains(&DUTY),
        "not a support chat: never hidden"
    );
    // Only what is shown counts, and an alerts chat is never a customer's.
    assert_eq!(d.counters().support_chats, 0);
    post(
        &mut d,
        10,
        COLLEAGUE,
        &Action::Assign {
            chat: ACME,
            user: ME,
        },
    );
    assert!(d.visible(ACME));
    assert!(shown(&d).contains(&ACME));
    assert_eq!(order(&d, Filter::Mine), vec![ACME]);
    // Reassigned to someone else: hidden again.
    post(
        &mut d,
        11,
        COLLEAGUE,
        &Action::Assign {
            chat: ACME,
            user: LEAD,
        },
    );
    assert!(!shown(&d).contains(&ACME));
    assert_eq!(order(&d, Filter::Mine), Vec::<i64>::new());
}

#[test]
fn an_alerts_admin_keeps_their_pins() {
    let mut d = alerts_admin_desk();
    d.pin(INITECH);
    assert!(shown(&d).contains(&INITECH));
    d.unpin(INITECH);
    assert!(!shown(&d).contains(&INITECH));
}

#[test]
fn leads_account_managers_and_members_without_a_role_see_every_support_chat() {
    for (roles, sees) in [
        ("[\"lead\"]", true),
        ("[\"account_manager\"]", true),
        ("[\"duty_admin\", \"alerts_admin\"]", true),
        ("[\"task_admin\"]", false),
    ] {
        let mut d = team_desk();
        publish(&mut d, 5, OWNER, &format!("[roster]\n1 = {roles}\n"));
        assert_eq!(shown(&d).contains(&ACME), sees, "{roles}");
    }
    // Not in the roster at all: a plain duty admin.
    let mut d = team_desk();
    publish(&mut d, 5, OWNER, "[roster]\n3 = [\"lead\"]\n");
    assert!(shown(&d).contains(&ACME));
    // No roster: nobody is restricted.
    assert!(shown(&team_desk()).contains(&ACME));
}

#[test]
fn mine_lists_what_is_assigned_to_this_account() {
    let mut d = team_desk();
    assert_eq!(order(&d, Filter::Mine), Vec::<i64>::new());
    post(&mut d, 10, ME, &Action::Take { chat: ACME });
    post(&mut d, 11, ME, &Action::Take { chat: INITECH });
    post(&mut d, 12, COLLEAGUE, &Action::Take { chat: ALERTS });
    let mut mine = order(&d, Filter::Mine);
    mine.sort_unstable();
    assert_eq!(mine, vec![INITECH, ACME]);
    assert_eq!(d.len(&desk::ListFilter::new(Filter::Mine)), 2);
    post(&mut d, 13, ME, &Action::Release { chat: INITECH });
    assert_eq!(order(&d, Filter::Mine), vec![ACME]);
    // Mine with a title filter too.
    let f = desk::ListFilter::with_title(Filter::Mine, "acme");
    assert_eq!(d.chat_ids(&f, 0..10), vec![ACME]);
}

#[test]
fn members_for_assign_to_come_with_names_and_roles() {
    let mut d = team_desk();
    publish(&mut d, 5, OWNER, "[roster]\n2 = [\"account_manager\"]\n");
    let members = d.team_members();
    let names: Vec<_> = members.iter().map(|m| m.name.clone().unwrap()).collect();
    assert_eq!(names, ["Anna Petrova", "Me Myself", "Olga", "Лев Толстой"]);
    assert_eq!(members[2].status, MemberStatus::Owner);
    assert!(members[0].roles.has(desk::TeamRole::AccountManager));
}
