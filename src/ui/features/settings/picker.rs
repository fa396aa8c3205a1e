//! A picker: a filter field over named choices and a short list of the matches, so an
//! admin chooses by name instead of typing a Telegram id nobody knows. Used for the duty
//! group (the group chats the desk knows, by title) and the support folder (the account's
//! chat folders, by name). The list holds at most `SHOWN` matches and, last, the choice of
//! none; the arrows walk it (see `focus`), Space or Enter picks, a click picks.

use super::focus::Control;
use super::{Draft, Message};
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use i18n::t;
use iced::widget::{Column, button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Padding};
use std::fmt::Display;

/// Matches listed at once: enough to choose among similar names, few enough that walking
/// past the picker with the arrows stays short. Typing narrows the rest.
pub const SHOWN: usize = 5;
/// The duty-group picker's choice of no duty group.
pub fn none_label() -> String {
    t!("settings-duty-group-none")
}

/// The support-folder picker's choice of no folder.
pub fn all_chats_label() -> String {
    t!("settings-folder-none")
}

/// What one picker says, in the current language.
#[derive(Debug)]
pub struct Words {
    /// The row's label.
    pub label: String,
    pub placeholder: String,
    /// The listed choice of none (last in the list).
    pub none_option: String,
    /// The current choice, when it is none.
    pub none_chosen: String,
    /// Shown when the filter matches nothing.
    pub no_match: String,
}

impl Words {
    pub fn duty_group() -> Words {
        Words {
            label: t!("settings-duty-group"),
            placeholder: t!("settings-duty-group-placeholder"),
            none_option: none_label(),
            none_chosen: t!("settings-duty-group-none-chosen"),
            no_match: t!("settings-duty-group-no-match"),
        }
    }

    pub fn folder() -> Words {
        Words {
            label: t!("settings-folder"),
            placeholder: t!("settings-folder-placeholder"),
            none_option: all_chats_label(),
            none_chosen: t!("settings-folder-none-chosen"),
            no_match: t!("settings-folder-no-match"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Picker<K> {
    /// (id, name, lowercase name), sorted by name: the candidates.
    items: Vec<(K, String, String)>,
    pub chosen: Option<K>,
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

/// The keyboard's walk through a picker, whatever its ids: `focus` drives every picker
/// through this.
pub trait Walk {
    /// Down (`down`) or Up from where the keyboard is in the picker.
    fn step(&mut self, down: bool) -> Step;
    /// Up from the next control enters the picker at its bottom, so Up retraces Down.
    fn enter_from_below(&mut self);
    /// The keyboard is in the filter field again (or left the picker).
    fn to_field(&mut self);
}

impl<K: Copy + Ord + Display> Picker<K> {
    pub fn new(chosen: Option<K>) -> Picker<K> {
        Picker {
            items: Vec::new(),
            chosen,
            filter: String::new(),
            highlight: None,
        }
    }

    /// Sets the candidates (any order; names may repeat, ids tell them apart).
    fn set_items(&mut self, items: impl IntoIterator<Item = (K, String)>) {
        let mut items: Vec<_> = items
            .into_iter()
            .map(|(id, name)| {
                let lower = name.to_lowercase();
                (id, name, lower)
            })
            .collect();
        items.sort_by(|a, b| a.2.cmp(&b.2).then(a.0.cmp(&b.0)));
        self.items = items;
        self.highlight = None;
    }

    /// New candidates (on opening, and chats or folders that loaded while it is open):
    /// the filter and the choice stay, and the highlight stays on the same option, wherever
    /// it moved to. If that option is gone, the keyboard is back in the filter field rather
    /// than on whatever slid into its place.
    pub fn refresh_items(&mut self, items: impl IntoIterator<Item = (K, String)>) {
        let highlighted = self.highlighted();
        self.set_items(items);
        self.highlight =
            highlighted.and_then(|option| self.options().iter().position(|o| *o == option));
    }

    /// The name of a known candidate.
    pub fn name(&self, id: K) -> Option<&str> {
        self.items.iter().find(|g| g.0 == id).map(|g| g.1.as_str())
    }

    /// The candidates whose name contains the filter (case-insensitive), names starting
    /// with it first, then alphabetical; and how many there are in all.
    fn matches(&self) -> (Vec<(K, &str)>, usize) {
        let needle = self.filter.trim().to_lowercase();
        let hits = self.items.iter().filter(|g| g.2.contains(&needle));
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

    /// The listed choices, top to bottom: the shown matches, then none.
    pub fn options(&self) -> Vec<Option<K>> {
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
    pub fn pick(&mut self, chosen: Option<K>) {
        self.chosen = chosen;
        self.highlight = self.options().iter().position(|o| *o == chosen);
    }

    /// The option the arrows are on.
    pub fn highlighted(&self) -> Option<Option<K>> {
        self.highlight.and_then(|i| self.options().get(i).copied())
    }

    /// What Enter in the filter field picks: the best match once something is typed
    /// (typing then Enter is the quickest way to choose); None: Enter saves, as in every
    /// other field.
    fn submit(&self) -> Option<K> {
        if self.filter.trim().is_empty() {
            return None;
        }
        self.matches().0.first().map(|&(id, _)| id)
    }

    /// The current choice in words: its name, or its id when it is not (yet) known, so a
    /// choice made before the chats or folders loaded is shown rather than lost.
    pub fn chosen_label(&self, words: &Words) -> String {
        match self.chosen {
            None => words.none_chosen.clone(),
            Some(id) => match self.name(id) {
                Some(name) => name.to_string(),
                None => t!("settings-picker-not-loaded", id = id.to_string()),
            },
        }
    }
}

impl<K: Copy + Ord + Display> Walk for Picker<K> {
    fn step(&mut self, down: bool) -> Step {
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

    fn enter_from_below(&mut self) {
        self.highlight = Some(self.options().len() - 1);
    }

    fn to_field(&mut self) {
        self.highlight = None;
    }
}

/// How a picker is wired into the screen.
pub(super) struct Wiring<K> {
    pub control: Control,
    /// The filter field's widget id.
    pub field_id: &'static str,
    pub on_filter: fn(String) -> Message,
    pub on_pick: fn(Option<K>) -> Message,
}

impl Draft {
    /// A picker's row: label, filter field, the current choice, the options.
    pub(super) fn picker_view<'a, K: Copy + Ord + Display>(
        &self,
        picker: &'a Picker<K>,
        words: Words,
        wiring: Wiring<K>,
        p: Palette,
    ) -> Element<'a, Message> {
        let here = self.focus == Some(wiring.control);
        let submit = picker
            .submit()
            .map_or(Message::Save, |id| (wiring.on_pick)(Some(id)));
        let field = text_input(&words.placeholder, &picker.filter)
            .id(wiring.field_id)
            .size(TEXT)
            .width(320)
            .padding(Padding::from([4, 8]))
            .style(style::input(p))
            .on_input(wiring.on_filter)
            .on_submit(submit);
        let field = self.ring_if(here && picker.highlight.is_none(), p, field);
        let (shown, total) = picker.matches();
        let choices = shown
            .iter()
            .map(|&(id, name)| (Some(id), name))
            .chain([(None, words.none_option.as_str())]);
        let mut list = Column::new().spacing(0);
        for (i, (choice, name)) in choices.enumerate() {
            let chosen = choice == picker.chosen;
            let mut line = row![text(name.to_string()).size(TEXT).width(Length::Fill)]
                .align_y(Alignment::Center)
                .spacing(8);
            if chosen {
                line = line.push(
                    text(t!("settings-picker-chosen-mark"))
                        .size(SMALL)
                        .color(p.primary),
                );
            }
            let option = button(line)
                .width(320)
                .padding(Padding::from([3, 8]))
                .style(style::flat(p, chosen))
                .on_press((wiring.on_pick)(choice));
            list = list.push(self.ring_if(here && picker.highlight == Some(i), p, option));
        }
        let more = match total.saturating_sub(shown.len()) {
            0 if total == 0 && !picker.filter.trim().is_empty() => Some(words.no_match.clone()),
            0 => None,
            n => Some(t!("settings-picker-more", count = n)),
        };
        // Texts line up with the field and the options inside their rings.
        let note = |s: String| container(text(s).size(SMALL).color(p.muted)).padding([0, 4]);
        let mut control = column![
            field,
            note(t!(
                "settings-picker-chosen",
                choice = picker.chosen_label(&words)
            )),
            list
        ]
        .spacing(4);
        if let Some(more) = more {
            control = control.push(note(more));
        }
        // The label's top padding centres it on the field, as on the other rows.
        let label = container(text(words.label).size(TEXT))
            .padding([8, 0])
            .width(super::LABEL_WIDTH);
        row![label, control].spacing(8).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker() -> Picker<i64> {
        let mut p = Picker::new(Some(-3));
        p.set_items(vec![
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
        assert_eq!(p.submit(), Some(-3));
        p.set_filter("nothing like it".into());
        assert_eq!(p.options(), vec![None]);
        assert_eq!(p.submit(), None, "nothing to pick: Enter saves");
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
    fn new_candidates_keep_the_filter_the_choice_and_the_highlighted_option() {
        let mut p = picker();
        p.set_filter("duty".into());
        p.step(true);
        assert_eq!(
            p.highlighted(),
            Some(Some(-3)),
            "Duty team, the prefix match"
        );
        p.refresh_items(vec![
            (-1, "Acme support".into()),
            (-2, "Support duty".into()),
            (-3, "Duty team".into()),
            (-5, "Duty desk".into()),
        ]);
        assert_eq!(p.filter, "duty");
        assert_eq!(p.chosen, Some(-3));
        assert_eq!(p.options(), vec![Some(-5), Some(-3), Some(-2), None]);
        assert_eq!(p.highlighted(), Some(Some(-3)), "followed to its new place");
        // The highlighted option gone: back in the field, not on its neighbour.
        p.refresh_items(vec![(-2, "Support duty".into())]);
        assert_eq!(p.highlight, None);
        assert_eq!(p.chosen_label(&Words::duty_group()), "-3 (not loaded)");
    }

    #[test]
    fn an_unknown_choice_keeps_its_id() {
        let mut p = picker();
        assert_eq!(p.chosen_label(&Words::duty_group()), "Duty team");
        p.pick(Some(-99));
        assert_eq!(p.chosen_label(&Words::duty_group()), "-99 (not loaded)");
        assert_eq!(p.highlight, None, "not listed, nothing to highlight");
        p.pick(None);
        assert_eq!(p.chosen_label(&Words::duty_group()), "none");
        assert_eq!(p.highlighted(), Some(None));
    }
}
