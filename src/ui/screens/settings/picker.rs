//! The duty-group picker: a filter field over the group chats the desk knows and a short
//! list of the matches, so an admin chooses the group by its title instead of typing a
//! Telegram chat id nobody knows. The list holds at most `SHOWN` groups and, last, "None";
//! the arrows walk it (see `focus`), Space or Enter picks, a click picks.

use super::focus::Control;
use super::{DUTY_GROUP_ID, Draft, Msg};
use crate::desk::ChatId;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use iced::widget::{Column, button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Padding};

/// Matches listed at once: enough to choose among similar titles, few enough that walking
/// past the picker with the arrows stays short. Typing narrows the rest.
pub const SHOWN: usize = 5;
/// The label of the choice that clears the duty group.
pub const NONE_LABEL: &str = "None (no duty group)";

#[derive(Debug, Clone, Default)]
pub struct GroupPicker {
    /// (id, title, lowercase title), sorted by title: the candidates, as of opening.
    groups: Vec<(ChatId, String, String)>,
    pub chosen: Option<ChatId>,
    pub filter: String,
    /// The option the arrows are on (an index into `options`); None while the keyboard is
    /// in the filter field (or elsewhere).
    pub highlight: Option<usize>,
}

/// Where an arrow key left the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Back in the filter field.
    Field,
    /// On an option.
    Option,
    /// Past either end: the focus moves to the neighbouring control.
    Out,
}

impl GroupPicker {
    pub fn new(chosen: Option<ChatId>) -> GroupPicker {
        GroupPicker {
            chosen,
            ..GroupPicker::default()
        }
    }

    /// Sets the candidates (any order; titles may repeat, ids tell them apart).
    pub fn set_groups(&mut self, groups: Vec<(ChatId, String)>) {
        let mut groups: Vec<_> = groups
            .into_iter()
            .map(|(id, title)| {
                let lower = title.to_lowercase();
                (id, title, lower)
            })
            .collect();
        groups.sort_by(|a, b| a.2.cmp(&b.2).then(a.0.cmp(&b.0)));
        self.groups = groups;
        self.highlight = None;
    }

    /// The title of a known group.
    pub fn title(&self, chat: ChatId) -> Option<&str> {
        self.groups
            .iter()
            .find(|g| g.0 == chat)
            .map(|g| g.1.as_str())
    }

    /// The groups whose title contains the filter (case-insensitive), titles starting with
    /// it first, then alphabetical; and how many there are in all.
    fn matches(&self) -> (Vec<(ChatId, &str)>, usize) {
        let needle = self.filter.trim().to_lowercase();
        let hits = self.groups.iter().filter(|g| g.2.contains(&needle));
        let (mut first, rest): (Vec<_>, Vec<_>) = hits.partition(|g| g.2.starts_with(&needle));
        first.extend(rest);
        let total = first.len();
        let shown = first
            .into_iter()
            .take(SHOWN)
            .map(|g| (g.0, g.1.as_str()))
            .collect();
        (shown, total)
    }

    /// The listed choices, top to bottom: the shown matches, then None.
    pub fn options(&self) -> Vec<Option<ChatId>> {
        let (shown, _) = self.matches();
        shown
            .into_iter()
            .map(|(id, _)| Some(id))
            .chain([None])
            .collect()
    }

    /// Types into the filter; the keyboard is in the field again.
    pub fn set_filter(&mut self, filter: String) {
        self.filter = filter;
        self.highlight = None;
    }

    /// Chooses; the highlight follows the choice so Space again changes nothing.
    pub fn pick(&mut self, chosen: Option<ChatId>) {
        self.chosen = chosen;
        self.highlight = self.options().iter().position(|o| *o == chosen);
    }

    /// Down (`down`) or Up from where the keyboard is in the picker.
    pub fn step(&mut self, down: bool) -> Step {
        let last = self.options().len() - 1;
        let (highlight, step) = match (self.highlight, down) {
            (None, true) => (Some(0), Step::Option),
            (None, false) => (None, Step::Out),
            (Some(i), true) if i >= last => (None, Step::Out),
            (Some(i), true) => (Some(i + 1), Step::Option),
            (Some(0), false) => (None, Step::Field),
            (Some(i), false) => (Some(i - 1), Step::Option),
        };
        self.highlight = highlight;
        step
    }

    /// Up from the next control enters the picker at its bottom, so Up retraces Down.
    pub fn enter_from_below(&mut self) {
        self.highlight = Some(self.options().len() - 1);
    }

    /// The option the arrows are on.
    pub fn highlighted(&self) -> Option<Option<ChatId>> {
        self.highlight.and_then(|i| self.options().get(i).copied())
    }

    /// What Enter in the filter field does: picks the best match once something is typed
    /// (typing then Enter is the quickest way to choose), otherwise saves like every
    /// other field.
    fn submit(&self) -> Msg {
        if self.filter.trim().is_empty() {
            return Msg::Save;
        }
        match self.matches().0.first() {
            Some(&(id, _)) => Msg::DutyPick(Some(id)),
            None => Msg::Save,
        }
    }

    /// The current choice in words: its title, or its id when the chat is not (yet) known,
    /// so a choice made before the chats loaded is shown rather than lost.
    pub fn chosen_label(&self) -> String {
        match self.chosen {
            None => "none".into(),
            Some(id) => match self.title(id) {
                Some(title) => title.to_string(),
                None => format!("{id} (not loaded)"),
            },
        }
    }
}

impl Draft {
    /// The picker's row: label, filter field, the current choice, the options.
    pub(super) fn duty_group_view(&self, p: Palette) -> Element<'_, Msg> {
        let picker = &self.duty_group;
        let here = self.focus == Some(Control::DutyGroup);
        let field = text_input("type part of the group's title", &picker.filter)
            .id(DUTY_GROUP_ID)
            .size(TEXT)
            .width(320)
            .padding(Padding::from([4, 8]))
            .style(style::input(p))
            .on_input(Msg::DutyFilter)
            .on_submit(picker.submit());
        let field = self.ring_if(here && picker.highlight.is_none(), p, field);
        let (shown, total) = picker.matches();
        let choices = shown
            .iter()
            .map(|&(id, title)| (Some(id), title))
            .chain([(None, NONE_LABEL)]);
        let mut list = Column::new().spacing(0);
        for (i, (choice, title)) in choices.enumerate() {
            let chosen = choice == picker.chosen;
            let mut line = row![text(title).size(TEXT).width(Length::Fill)]
                .align_y(Alignment::Center)
                .spacing(8);
            if chosen {
                line = line.push(text("chosen").size(SMALL).color(p.primary));
            }
            let option = button(line)
                .width(320)
                .padding(Padding::from([3, 8]))
                .style(style::flat(p, chosen))
                .on_press(Msg::DutyPick(choice));
            list = list.push(self.ring_if(here && picker.highlight == Some(i), p, option));
        }
        let more = match total.saturating_sub(shown.len()) {
            0 if total == 0 && !picker.filter.trim().is_empty() => {
                Some("No group chat matches".to_string())
            }
            0 => None,
            n => Some(format!("…and {n} more: type to narrow")),
        };
        // Texts line up with the field and the options inside their rings.
        let note = |s: String| container(text(s).size(SMALL).color(p.muted)).padding([0, 4]);
        let mut control = column![
            field,
            note(format!("Chosen: {}", picker.chosen_label())),
            list
        ]
        .spacing(4);
        if let Some(more) = more {
            control = control.push(note(more));
        }
        // The label's top padding centres it on the field, as on the other rows.
        let label = container(text("Duty group (members are staff)").size(TEXT))
            .padding([8, 0])
            .width(220);
        row![label, control].spacing(8).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker() -> GroupPicker {
        let mut p = GroupPicker::new(Some(-3));
        p.set_groups(vec![
            (-1, "Acme support".into()),
            (-2, "Support duty".into()),
            (-3, "Duty team".into()),
            (-4, "Globex support".into()),
        ]);
        p
    }

    #[test]
    fn filters_by_title_prefix_first_and_ends_with_none() {
        let mut p = picker();
        assert_eq!(
            p.options(),
            vec![Some(-1), Some(-3), Some(-4), Some(-2), None],
            "alphabetical"
        );
        p.set_filter("DUTY".into());
        assert_eq!(p.options(), vec![Some(-3), Some(-2), None], "prefix first");
        assert!(matches!(p.submit(), Msg::DutyPick(Some(-3))));
        p.set_filter("nothing like it".into());
        assert_eq!(p.options(), vec![None]);
        assert!(
            matches!(p.submit(), Msg::Save),
            "nothing to pick: Enter saves"
        );
    }

    #[test]
    fn arrows_walk_the_options_and_leave_at_either_end() {
        let mut p = picker();
        p.set_filter("support".into());
        // Support duty (the prefix match), Acme, Globex, None.
        assert_eq!(p.step(false), Step::Out, "Up from the field leaves");
        assert_eq!(p.step(true), Step::Option);
        assert_eq!(p.highlighted(), Some(Some(-2)));
        for _ in 0..3 {
            assert_eq!(p.step(true), Step::Option);
        }
        assert_eq!(p.highlighted(), Some(None), "None is last");
        assert_eq!(p.step(true), Step::Out);
        assert_eq!(p.highlight, None);
        p.enter_from_below();
        assert_eq!(p.highlighted(), Some(None));
        for _ in 0..3 {
            p.step(false);
        }
        assert_eq!(p.step(false), Step::Field);
    }

    #[test]
    fn an_unknown_choice_keeps_its_id() {
        let mut p = picker();
        assert_eq!(p.chosen_label(), "Duty team");
        p.pick(Some(-99));
        assert_eq!(p.chosen_label(), "-99 (not loaded)");
        assert_eq!(p.highlight, None, "not listed, nothing to highlight");
        p.pick(None);
        assert_eq!(p.chosen_label(), "none");
        assert_eq!(p.highlighted(), Some(None));
    }
}
