//! What the console shows of the team, built here so the console's views stay as they
//! were: a row's assignee initials and its alarm's tooltip (who raised it, when, why), the
//! chat view's team line (the alarm's details, the assignee) and its shared note, and the
//! overview's list of open team alarms. Generic over the console's message type.

use super::words;
use crate::desk::{ChatId, Desk, RowView};
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use i18n::t;
use iced::widget::text::Wrapping;
use iced::widget::{Space, button, column, container, row, text, tooltip};
use iced::{Alignment, Element, Length, Padding};

/// The assignee's initials for a row's mark area (`None`: nobody has the chat).
pub fn initials<'a, M: 'a>(r: &RowView, p: Palette) -> Option<Element<'a, M>> {
    let a = r.assignee.as_ref()?;
    Some(
        container(
            text(a.initials.clone())
                .size(SMALL)
                .color(p.primary)
                .wrapping(Wrapping::None),
        )
        .width(20)
        .align_x(Alignment::Center)
        .into(),
    )
}

/// A row's alarm mark with who raised the alarm, when and why (or which stop word) on
/// hover; a local alarm says it is this screen's only. Other marks come back as they are.
pub fn alarm_tooltip<'a, M: 'a>(
    mark: Element<'a, M>,
    r: &RowView,
    now: i64,
    p: Palette,
) -> Element<'a, M> {
    let line = match (&r.team_alarm, r.local_alarm) {
        (Some(alarm), _) => words::alarm_line(alarm, now),
        (None, true) => t!("team-alarm-local"),
        (None, false) => return mark,
    };
    tooltip(
        mark,
        container(text(line).size(SMALL).color(p.text))
            .padding(Padding::from([3, 6]))
            .style(style::card(p.surface, p.border)),
        tooltip::Position::Right,
    )
    .into()
}

/// The chat view's team line: the alarm's details and who has the chat.
pub fn chat_status<'a, M: 'a>(r: &RowView, now: i64, p: Palette) -> Option<Element<'a, M>> {
    let mut parts = row![].spacing(10).align_y(Alignment::Center);
    let mut any = false;
    if let Some(alarm) = &r.team_alarm {
        parts = parts.push(
            text(words::alarm_line(alarm, now))
                .size(SMALL)
                .color(p.alarm),
        );
        any = true;
    } else if r.local_alarm {
        parts = parts.push(text(t!("team-alarm-local")).size(SMALL).color(p.alarm));
        any = true;
    }
    if let Some(a) = &r.assignee {
        let name = a
            .name
            .clone()
            .unwrap_or_else(|| words::unknown_user(a.user));
        parts = parts.push(
            text(t!("team-assigned-to", name = name))
                .size(SMALL)
                .color(p.primary),
        );
        any = true;
    }
    any.then(|| parts.into())
}

/// The team's shared note under the private one, with its Edit and Clear buttons; with a
/// duty group and no note, nothing (the header's "Team note" button writes one).
pub fn shared_note<'a, M: Clone + 'a>(
    desk: &Desk,
    chat: ChatId,
    now: i64,
    p: Palette,
    edit: M,
    clear: M,
) -> Option<Element<'a, M>> {
    let note = desk.shared_note(chat)?;
    let by = desk
        .user_name(note.by)
        .map(|n| n.into_owned())
        .unwrap_or_else(|| words::unknown_user(note.by));
    let small = |label: String, m: M| {
        button(text(label).size(SMALL))
            .padding(Padding::from([2, 8]))
            .style(style::flat(p, false))
            .on_press(m)
    };
    Some(
        container(
            row![
                text(words::note_line(&note, &by, now))
                    .size(SMALL)
                    .color(p.text)
                    .width(Length::Fill),
                small(t!("team-note-edit"), edit),
                small(t!("team-note-clear"), clear),
            ]
            .spacing(6)
            .align_y(Alignment::Center),
        )
        .padding(Padding::from([4, 10]))
        .width(Length::Fill)
        .style(style::fill(p.raised))
        .into(),
    )
}

/// The chat view header's "Team note" button (with a duty group).
pub fn note_button<'a, M: Clone + 'a>(desk: &Desk, p: Palette, edit: M) -> Option<Element<'a, M>> {
    desk.settings().staff.duty_group?;
    Some(
        button(text(t!("team-note-edit")).size(SMALL))
            .padding(Padding::from([3, 8]))
            .style(style::flat(p, false))
            .on_press(edit)
            .into(),
    )
}

/// The overview's card of open team alarms: the chat, who raised it, when, why; a click
/// opens the chat. `None` while no team alarm is up.
pub fn overview_alarms<'a, M: Clone + 'a>(
    desk: &Desk,
    now: i64,
    p: Palette,
    open: impl Fn(ChatId) -> M,
) -> Option<Element<'a, M>> {
    let alarms: Vec<(RowView, String)> = desk
        .rows(
            &crate::desk::ListFilter::default(),
            0..desk.pins().len() + ALARMS_SHOWN,
        )
        .into_iter()
        .filter_map(|r| {
            let line = words::alarm_line(r.team_alarm.as_ref()?, now);
            Some((r, line))
        })
        .take(ALARMS_SHOWN)
        .collect();
    if alarms.is_empty() {
        return None;
    }
    let mut card = column![text(t!("team-overview-alarms")).size(15).color(p.alarm)].spacing(2);
    for (r, line) in alarms {
        let entry = row![
            text(r.title.clone())
                .size(TEXT)
                .wrapping(Wrapping::None)
                .width(Length::FillPortion(2)),
            text(line)
                .size(TEXT)
                .color(p.muted)
                .wrapping(Wrapping::None)
                .width(Length::FillPortion(3)),
        ]
        .spacing(10);
        card = card.push(
            button(container(entry).clip(true))
                .width(Length::Fill)
                .padding(Padding::from([4, 8]))
                .style(style::flat(p, false))
                .on_press(open(r.chat)),
        );
    }
    Some(
        container(column![card, Space::new().height(2)])
            .padding(14)
            .width(Length::Fill)
            .style(style::card(p.surface, p.border))
            .into(),
    )
}

/// Team alarms listed at most in the overview (they sit right under the pins).
const ALARMS_SHOWN: usize = 8;
