//! Team settings: the pinned document from the group's owner or an administrator is in
//! force; a member's, an unpinned one, or a bad one is not, and a bad one names line and
//! key while the last good settings stay.

use desk::team::settings::SettingsProblem;
use desk::{Action, Event, Ignored, MemberStatus, Status, TeamRole};

use super::team_common::*;

const ROSTER: &str = "[roster]\n1 = [\"alerts_admin\"]\n3 = [\"lead\"]\n";

#[test]
fn settings_count_from_admins_when_pinned() {
    let mut d = team_desk();
    publish(
        &mut d,
        10,
        LEAD,
        "[sla]\nred_minutes = 3\nbreach_minutes = 5\n",
    );
    assert_eq!(d.team_settings().red_after_secs, Some(180));
    assert_eq!(d.team_settings_error(), None);
    // The owner publishes newer ones.
    publish(&mut d, 11, OWNER, "[sla]\nred_minutes = 4\n");
    assert_eq!(d.team_settings().red_after_secs, Some(240));
    assert_eq!(ignored(&mut d), vec![]);
}

#[test]
fn a_members_settings_or_an_unpinned_document_do_not_count() {
    let mut d = team_desk();
    publish(&mut d, 10, COLLEAGUE, "[sla]\nred_minutes = 1\n");
    assert_eq!(d.team_settings().red_after_secs, None);
    assert_eq!(
        ignored(&mut d),
        vec![Ignored::NotAllowed(
            desk::team::Refusal::SettingsAreForAdmins
        )]
    );
    let unpinned = action_message(
        11,
        LEAD,
        &Action::PublishSettings {
            document: "[sla]\nred_minutes = 2\n".into(),
        },
    );
    d.apply(Event::TeamMessage(unpinned), T0);
    assert_eq!(d.team_settings().red_after_secs, None, "not pinned yet");
    d.apply(
        Event::MessagePinned {
            chat: DUTY,
            id: 11,
            pinned: true,
        },
        T0,
    );
    assert_eq!(d.team_settings().red_after_secs, Some(120), "pinned now");
}

#[test]
fn a_member_made_administrator_has_their_pinned_settings_count() {
    let mut d = team_desk();
    publish(&mut d, 10, COLLEAGUE, "[sla]\nred_minutes = 1\n");
    assert_eq!(d.team_settings().red_after_secs, None);
    d.apply(
        Event::DutyGroupMembers {
            chat: DUTY,
            members: vec![(COLLEAGUE, MemberStatus::Administrator)],
            complete: false,
        },
        T0,
    );
    assert_eq!(d.team_settings().red_after_secs, Some(60));
}

#[test]
fn a_bad_document_names_line_and_key_and_the_last_good_stays() {
    let mut d = team_desk();
    publish(&mut d, 10, LEAD, "[sla]\nred_minutes = 3\n");
    publish(
        &mut d,
        11,
        LEAD,
        "[sla]\nred_minutes = 4\n\n[alarms]\nclear = \"everyone\"\n",
    );
    let e = d.team_settings_error().expect("the banner's error");
    assert_eq!((e.line, e.key.as_str()), (5, "alarms.clear"));
    assert_eq!(
        e.to_string(),
        "team settings, line 5, key `alarms.clear`: expected \"staff\" or \"leads\""
    );
    assert_eq!(d.team_settings().red_after_secs, Some(180), "the last good");
    publish(
        &mut d,
        12,
        LEAD,
        "[sla]\nred_minutes = 4\nbreach_minuets = 9\n",
    );
    let e = d.team_settings_error().unwrap();
    assert_eq!((e.line, e.key.as_str()), (3, "sla.breach_minuets"));
    assert_eq!(
        e.problem,
        SettingsProblem::UnknownKey {
            known: &["red_minutes", "breach_minutes"]
        }
    );
    // Fixed by editing the pinned message in place.
    d.apply(
        Event::MessageEdited {
            chat: DUTY,
            id: 12,
            preview: desk::team::protocol::build(
                "Team settings",
                &Action::PublishSettings {
                    document: "[sla]\nred_minutes = 4\nbreach_minutes = 9\n".into(),
                },
            ),
        },
        T0,
    );
    assert_eq!(d.team_settings_error(), None);
    assert_eq!(d.team_settings().breach_after_secs, Some(540));
}

#[test]
fn a_bad_newest_document_leaves_an_older_good_one_in_force_for_a_new_client() {
    // A client that starts now sees both pinned documents at once.
    let mut d = team_desk();
    publish(&mut d, 11, LEAD, "[sla]\nred_minutes = x\n");
    publish(&mut d, 10, LEAD, "[sla]\nred_minutes = 3\n");
    assert_eq!(d.team_settings().red_after_secs, Some(180));
    assert_eq!(d.team_settings_error().map(|e| e.line), Some(2));
}

#[test]
fn reserved_sections_parse_and_unknown_ones_do_not() {
    let mut d = team_desk();
    publish(
        &mut d,
        10,
        LEAD,
        "[[quick_replies]]\nname = \"reset\"\ntext = \"Hi {customer_first_name}\"\n\
         [tags.vip]\ncolour = \"gold\"\nsla_tier = \"vip\"\n[masking]\nmon = \"09-18\"\n",
    );
    assert_eq!(d.team_settings_error(), None);
    assert_eq!(
        d.team_settings().reserved,
        ["quick_replies", "tags", "masking"]
    );
    publish(
        &mut d,
        11,
        LEAD,
        "[sla]\nred_minutes = 3\n[weather]\nsun = true\n",
    );
    let e = d.team_settings_error().unwrap();
    assert_eq!((e.line, e.key.as_str()), (3, "weather"));
}

#[test]
fn the_teams_sla_overrides_the_local_one_and_local_fills_the_rest() {
    let mut d = team_desk();
    // Local: red at 10 min, breach at 15 (the defaults).
    customer_says(&mut d, ACME, 1, T0, "hello");
    d.tick(T0 + 4 * 60);
    assert_eq!(d.row(ACME).unwrap().status, Status::Waiting);
    publish(&mut d, 10, LEAD, "[sla]\nred_minutes = 3\n");
    assert_eq!(
        d.row(ACME).unwrap().status,
        Status::Red,
        "the team's 3 minutes"
    );
    assert_eq!(
        d.team_settings().effective_sla(d.settings()),
        (180, 900),
        "breach from the local settings"
    );
    // The local settings cannot loosen the team's red minutes.
    let mut s = d.settings().clone();
    s.red_after_secs = 20 * 60;
    d.set_settings(s);
    assert_eq!(d.row(ACME).unwrap().status, Status::Red);
}

#[test]
fn leads_only_clearing() {
    let mut d = team_desk();
    publish(
        &mut d,
        5,
        OWNER,
        &format!("{ROSTER}[alarms]\nclear = \"leads\"\n"),
    );
    post(&mut d, 10, COLLEAGUE, &alarm(ACME, "x"));
    post(&mut d, 11, COLLEAGUE, &clear(ACME));
    assert_eq!(d.row(ACME).unwrap().status, Status::Alarm);
    assert_eq!(
        ignored(&mut d),
        vec![Ignored::NotAllowed(desk::team::Refusal::ClearIsForLeads)]
    );
    assert!(!d.team_allows(&clear(ACME)), "this account is no lead");
    // The lead role clears; so would the group's owner and administrators.
    post(&mut d, 12, LEAD, &clear(ACME));
    assert_eq!(d.row(ACME).unwrap().status, Status::Normal);
    post(&mut d, 13, COLLEAGUE, &alarm(ACME, "x"));
    post(&mut d, 14, OWNER, &clear(ACME));
    assert_eq!(d.row(ACME).unwrap().status, Status::Normal);
}

#[test]
fn with_a_roster_only_leads_and_account_managers_assign_others() {
    let mut d = team_desk();
    publish(
        &mut d,
        5,
        OWNER,
        "[roster]\n2 = [\"account_manager\"]\n1 = [\"task_admin\"]\n",
    );
    assert!(d.my_roles().has(TeamRole::TaskAdmin));
    // This account may take an unassigned chat but not hand it to someone else.
    post(
        &mut d,
        10,
        ME,
        &Action::Assign {
            chat: ACME,
            user: COLLEAGUE,
        },
    );
    assert_eq!(d.assignee(ACME), None);
    post(&mut d, 11, ME, &Action::Take { chat: ACME });
    assert_eq!(d.assignee(ACME).map(|a| a.user), Some(ME));
    // The account manager reassigns it; this account cannot take it back.
    post(
        &mut d,
        12,
        COLLEAGUE,
        &Action::Assign {
            chat: ACME,
            user: LEAD,
        },
    );
    post(&mut d, 13, ME, &Action::Take { chat: ACME });
    post(&mut d, 14, ME, &Action::Release { chat: ACME });
    assert_eq!(d.assignee(ACME).map(|a| a.user), Some(LEAD));
    let refused = Ignored::NotAllowed(desk::team::Refusal::AssignIsForLeadsAndManagers);
    assert_eq!(
        ignored(&mut d),
        vec![refused.clone(), refused.clone(), refused]
    );
}

/// Tuesday 2026-12-01 00:00 UTC.
const TUESDAY: i64 = 1_796_083_200;

#[test]
fn the_teams_business_hours_decide_red_for_everyone_over_an_admins_own() {
    let mut d = team_desk();
    // This admin counts around the clock; the team publishes its office hours.
    publish(
        &mut d,
        10,
        LEAD,
        "[business_hours]\ntime_zone = \"UTC\"\nmonday = [\"09:00-18:00\"]\n\
         tuesday = [\"09:00-13:00\", \"14:00-18:00\"]\n",
    );
    assert_eq!(d.team_settings_error(), None);
    let calendar = d.business_calendar().expect("the team's calendar");
    assert_eq!(
        calendar.week().on(1),
        &[(9 * 3600, 13 * 3600), (14 * 3600, 18 * 3600)]
    );
    // Monday 23:00: the night is not waited; red ten open minutes after 09:00 Tuesday.
    customer_says(&mut d, ACME, 1, TUESDAY - 3600, "hello?");
    assert_eq!(d.row(ACME).unwrap().status, Status::Waiting);
    assert_eq!(d.next_deadline(), Some(TUESDAY + 9 * 3600 + 600));
    assert!(d.tick(TUESDAY + 8 * 3600).is_empty(), "closed at night");
    // A document without the section: around the clock again, so the night's wait counts.
    publish(&mut d, 11, LEAD, "[sla]\nred_minutes = 10\n");
    assert_eq!(d.business_calendar(), None);
    assert_eq!(d.row(ACME).unwrap().status, Status::Breach);
}

#[test]
fn bad_business_hours_name_their_line_and_key_and_change_nothing() {
    for (doc, line, key, problem) in [
        (
            "[business_hours]\ntime_zone = \"Mars/Base\"\nmonday = [\"09:00-18:00\"]\n",
            2,
            "business_hours.time_zone",
            SettingsProblem::NotATimeZone("Mars/Base".into()),
        ),
        (
            "[business_hours]\nmonday = [\"09:00-18:00\"]\n\nfriday = [\"9-5\"]\n",
            4,
            "business_hours.friday",
            SettingsProblem::NotARange("9-5".into()),
        ),
        (
            "[business_hours]\nmonday = [\"09:00-13:00\", \"12:00-18:00\"]\n",
            2,
            "business_hours.monday",
            SettingsProblem::RangesOverlap("09:00-13:00, 12:00-18:00".into()),
        ),
        (
            "[business_hours]\nmonday = [\"09:00-18:00\"]\nholidays = [\"25.12.2026\"]\n",
            3,
            "business_hours.holidays",
            SettingsProblem::NotADate("25.12.2026".into()),
        ),
        (
            "[business_hours]\ntime_zone = \"UTC\"\nmonday = []\n",
            3,
            "business_hours.monday",
            SettingsProblem::NoOpeningHours,
        ),
        (
            "[business_hours]\nmonday = \"09:00-18:00\"\n",
            2,
            "business_hours.monday",
            SettingsProblem::WrongType {
                expected: desk::team::settings::Expected::ListOfHours,
                found: "string",
            },
        ),
    ] {
        let e = desk::team::settings::parse_settings(doc).unwrap_err();
        assert_eq!(
            (e.line, e.key.as_str(), &e.problem),
            (line, key, &problem),
            "{doc}"
        );
        let mut d = team_desk();
        publish(&mut d, 10, LEAD, doc);
        assert!(d.team_settings_error().is_some(), "{doc}");
        assert_eq!(d.business_calendar(), None, "{doc}");
    }
}
