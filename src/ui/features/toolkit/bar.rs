//! The toolkit's bar under the console's header — the tags to filter the list by, the
//! alerts chats' own unread count, the reminders (how many, how many fired) — and the
//! reminders list it opens in place of the open chat: every reminder in one place.

use super::{Message, State, tools};
use crate::desk::Desk;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, BOLD, SMALL, TEXT};
use i18n::t;
use iced::widget::{Space, button, column, container, row, scrollable, text};
use iced::{Alignment, Element, Length, Padding};

/// The bar, or nothing when there are no tags, alerts chats or reminders to show.
pub fn view<'a>(state: &'a State, desk: &'a Desk, p: Palette) -> Option<Element<'a, Message>> {
    let kit = desk.toolkit();
    let k = desk.counters();
    let reminders = desk.reminder_count();
    if kit.tags.is_empty() && k.alerts_unread == 0 && reminders == 0 && !state.reminders_open {
        return None;
    }
    let mut bar = row![].spacing(4).align_y(Alignment::Center);
    if !kit.tags.is_empty() {
        bar = bar.push(text(t!("toolkit-bar-tags")).size(SMALL).color(p.muted));
        for (i, tag) in kit.tags.iter().enumerate() {
            let i = i as u8;
            let on = state.tag_filter == Some(i);
            let c = tools::colour(tag.colour);
            bar = bar.push(
                button(
                    text(tag.label.clone())
                        .size(SMALL)
                        .color(if on { p.surface } else { c }),
                )
                .padding(Padding::from([1, 8]))
                .style(move |_theme, _status| button::Style {
                    background: on.then_some(iced::Background::Color(c)),
                    text_color: if on { p.surface } else { c },
                    border: iced::Border {
                        color: c,
                        width: 1.0,
                        radius: 8.0.into(),
                    },
                    ..button::Style::default()
                })
                .on_press(Message::FilterTag(Some(i))),
            );
        }
    }
    bar = bar.push(Space::new().width(Length::Fill));
    if k.alerts_unread > 0 {
        bar = bar.push(
            text(t!("toolkit-bar-alerts-unread", count = k.alerts_unread))
                .size(SMALL)
                .color(p.alarm),
        );
    }
    let label = if k.reminders_due > 0 {
        t!(
            "toolkit-bar-reminders-due",
            count = reminders,
            due = k.reminders_due
        )
    } else {
        t!("toolkit-bar-reminders", count = reminders)
    };
    bar = bar.push(
        button(text(label).size(SMALL).color(if k.reminders_due > 0 {
            p.waiting
        } else {
            p.text
        }))
        .padding(Padding::from([1, 8]))
        .style(style::flat(p, state.reminders_open))
        .on_press(Message::ToggleReminders),
    );
    Some(
        container(bar)
            .padding(Padding::from([2, 10]))
            .width(Length::Fill)
            .style(style::bar(p))
            .into(),
    )
}

/// Every reminder: fired ones first, then by when they are due.
pub fn reminders<'a>(desk: &'a Desk, now: i64, p: Palette) -> Element<'a, Message> {
    let mut list = column![].spacing(6);
    let all = desk.reminders();
    if all.is_empty() {
        list = list.push(
            text(t!("toolkit-reminders-empty"))
                .size(TEXT)
                .color(p.muted),
        );
    }
    for r in all {
        let when = match r.fired_at {
            Some(at) => t!(
                "toolkit-reminders-fired",
                when = crate::ui::format::time(at, now)
            ),
            None => tools::due_words(r.due, now),
        };
        let mut line = row![
            text(r.title).size(TEXT).font(BOLD),
            text(when).size(SMALL).color(if r.fired_at.is_some() {
                p.waiting
            } else {
                p.muted
            }),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        if !r.note.is_empty() {
            line = line.push(text(r.note).size(SMALL));
        }
        line = line
            .push(Space::new().width(Length::Fill))
            .push(
                button(text(t!("toolkit-reminders-open")).size(SMALL))
                    .style(style::outline(p))
                    .on_press(Message::OpenReminder(r.chat)),
            )
            .push(
                button(text(t!("toolkit-reminders-cancel")).size(SMALL))
                    .style(style::flat(p, false))
                    .on_press(Message::CancelReminder(r.chat)),
            );
        list = list.push(line);
    }
    container(
        column![
            row![
                text(t!("toolkit-reminders-title"))
                    .size(15)
                    .font(BOLD)
                    .width(Length::Fill),
                button(text(t!("toolkit-reminders-close")).size(SMALL))
                    .style(style::flat(p, false))
                    .on_press(Message::ToggleReminders),
            ]
            .align_y(Alignment::Center),
            scrollable(list).height(Length::Fill),
        ]
        .spacing(8),
    )
    .padding(12)
    .width(Length::Fill)
    .height(Length::Fill)
    .style(style::panel(p))
    .into()
}
