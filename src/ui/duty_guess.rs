//! The demo floor's guess of the duty group: the group chat with "duty" in its title, so
//! colleagues count as staff without a trip to the settings. A real account configures it;
//! on the demo floor the guess stops once the admin has saved a duty-group choice, even
//! "None", which a later guess would otherwise silently undo.

use crate::desk::{ChatId, ChatKind, Event};
use crate::ui::app::App;

impl App {
    /// Sets the guessed duty group when `event` announces it; returns it, so the caller
    /// fetches its members.
    pub(crate) fn demo_duty_group(&mut self, event: &Event) -> Option<ChatId> {
        let Event::ChatAdded { chat, kind, title } = event else {
            return None;
        };
        let group = matches!(kind, ChatKind::BasicGroup | ChatKind::Supergroup);
        if !self.demo
            || self.duty_group_chosen
            || !group
            || self.desk.settings().staff.duty_group.is_some()
            || !title.to_lowercase().contains("duty")
        {
            return None;
        }
        let mut settings = self.desk.settings().clone();
        settings.staff.duty_group = Some(*chat);
        self.desk.set_settings(settings);
        Some(*chat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::paths::Paths;
    use crate::ui::RunOptions;

    fn app(demo: bool, home: &std::path::Path) -> App {
        let paths = Paths::portable(home);
        paths.create_dirs().unwrap();
        App::offline(RunOptions {
            demo,
            config: Config::default(),
            paths,
        })
    }

    fn duty_added(chat: ChatId) -> Event {
        Event::ChatAdded {
            chat,
            kind: ChatKind::Supergroup,
            title: "Support duty".into(),
        }
    }

    #[test]
    fn only_the_demo_floor_guesses_and_only_until_a_choice_is_saved() {
        let home = tempfile::tempdir().unwrap();
        let mut real = app(false, home.path());
        assert_eq!(
            real.demo_duty_group(&duty_added(-7)),
            None,
            "a real account"
        );
        assert_eq!(real.desk.settings().staff.duty_group, None);

        let mut demo = app(true, home.path());
        let private = Event::ChatAdded {
            chat: 5,
            kind: ChatKind::Private,
            title: "Duty Dan".into(),
        };
        assert_eq!(demo.demo_duty_group(&private), None, "groups only");
        assert_eq!(demo.demo_duty_group(&duty_added(-7)), Some(-7));
        assert_eq!(demo.desk.settings().staff.duty_group, Some(-7));

        // Saved "None": the group announced again is not guessed back.
        let mut settings = demo.desk.settings().clone();
        settings.staff.duty_group = None;
        demo.desk.set_settings(settings);
        demo.duty_group_chosen = true;
        assert_eq!(demo.demo_duty_group(&duty_added(-7)), None);
        assert_eq!(demo.desk.settings().staff.duty_group, None);
    }
}
