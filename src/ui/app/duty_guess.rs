//! The demo floor's guess of the duty group: the group chat with "duty" in its title, so
//! colleagues count as staff without a trip to the settings. A real account configures it;
//! on the demo floor the guess stops once the admin has saved a duty-group choice, even
//! "None", which a later guess would otherwise silently undo.

use crate::desk::{ChatId, ChatKind, Desk, Event};

/// Sets the guessed duty group when `event` announces it and the floor may still guess
/// (`demo`, no saved choice: `chosen` false); returns it, so the caller fetches its members.
pub(super) fn guess(desk: &mut Desk, event: &Event, demo: bool, chosen: bool) -> Option<ChatId> {
    let Event::ChatAdded { chat, kind, title } = event else {
        return None;
    };
    let group = matches!(kind, ChatKind::BasicGroup | ChatKind::Supergroup);
    if !demo
        || chosen
        || !group
        || desk.settings().staff.duty_group.is_some()
        || !title.to_lowercase().contains("duty")
    {
        return None;
    }
    let mut settings = desk.settings().clone();
    settings.staff.duty_group = Some(*chat);
    desk.set_settings(settings);
    Some(*chat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::Settings;

    fn duty_added(chat: ChatId) -> Event {
        Event::ChatAdded {
            chat,
            kind: ChatKind::Supergroup,
            title: "Support duty".into(),
        }
    }

    #[test]
    fn only_the_demo_floor_guesses_and_only_until_a_choice_is_saved() {
        let mut real = Desk::new(Settings::default());
        assert_eq!(
            guess(&mut real, &duty_added(-7), false, false),
            None,
            "a real account"
        );
        assert_eq!(real.settings().staff.duty_group, None);

        let mut demo = Desk::new(Settings::default());
        let private = Event::ChatAdded {
            chat: 5,
            kind: ChatKind::Private,
            title: "Duty Dan".into(),
        };
        assert_eq!(guess(&mut demo, &private, true, false), None, "groups only");
        assert_eq!(guess(&mut demo, &duty_added(-7), true, false), Some(-7));
        assert_eq!(demo.settings().staff.duty_group, Some(-7));

        // Saved "None": the group announced again is not guessed back.
        let mut settings = demo.settings().clone();
        settings.staff.duty_group = None;
        demo.set_settings(settings);
        assert_eq!(guess(&mut demo, &duty_added(-7), true, true), None);
        assert_eq!(demo.settings().staff.duty_group, None);
    }
}
