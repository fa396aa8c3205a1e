//! The open chat's tools, under its header: its tags (the team's and the admin's, each a
//! toggle in its colour), the SLA tier it is held to, whether it is an alerts chat, and its
//! reminder (in 30 minutes, in 2 hours, tomorrow 09:00, at a time, when the customer
//! writes; with an optional note).

use super::{Message, REMIND_AT_ID, REMIND_NOTE_ID, State};
use crate::desk::toolkit::reminders::{Due, When};
use crate::desk::{ChatId, Desk, Thresholds};
use crate::ui::format;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, BOLD, SMALL};
use i18n::t;
use iced::widget::{button, column, container, row, text, text_input};
use iced::{Alignment, Color, Element, Length, Padding};

/// A tag's colour for iced.
pub fn colour(c: crate::desk::Colour) -> Color {
    Color::from_rgb8(c.r, c.g, c.b)
}

/// "VIP (4 / 5 min)".
fn tier_label(label: &str, t: Thresholds) -> String {
    t!(
        "toolkit-tier-option",
        label = label,
        red = t.red_after_secs / 60,
        breach = t.breach_after_secs / 60
    )
}

/// When a reminder is due, as the admin reads it.
pub fn due_words(due: Due, now: i64) -> String {
    match due {
        Due::At(at) => format::time(at, now),
        Due::CustomerWrites => t!("toolkit-when-customer"),
    }
}

pub fn view<'a>(
    state: &'a State,
    chat: ChatId,
    desk: &'a Desk,
    now: i64,
    p: Palette,
) -> Element<'a, Message> {
    let kit = desk.toolkit();
    let label = |s: String| text(s).size(SMALL).color(p.muted).width(90);
    // Tags: a toggle each, in its colour; the team's tagging shows but is the team's.
    let carried = desk.tags_of(chat);
    let mut tags = row![label(t!("toolkit-tags"))]
        .spacing(4)
        .align_y(Alignment::Center);
    for (i, tag) in kit.tags.iter().enumerate() {
        let on = carried.contains(i as u8);
        let c = colour(tag.colour);
        let chip =
            button(
                text(tag.label.clone())
                    .size(SMALL)
                    .color(if on { p.surface } else { c }),
            )
            .padding(Padding::from([1, 8]))
            .style(move |_theme, status| {
                let mut s = button::Style {
                    background: on.then_some(iced::Background::Color(c)),
                    text_color: if on { p.surface } else { c },
                    border: iced::Border {
                        color: c,
                        width: 1.0,
                        radius: 8.0.into(),
                    },
                    ..button::Style::default()
                };
                if matches!(status, button::Status::Hovered) && !on {
                    s.background = Some(iced::Background::Color(p.selection));
                }
                s
            })
            .on_press(Message::ToggleTag(tag.key.clone()));
        tags = tags.push(chip);
    }
    if kit.tags.is_empty() {
        tags = tags.push(text(t!("toolkit-tags-none")).size(SMALL).color(p.muted));
    }
    // Tier: the default, then each tier.
    let own = desk.own_tier(chat);
    let in_force = desk.tier_of(chat).map(|t| t.key.as_str());
    let mut tiers = row![label(t!("toolkit-tier"))]
        .spacing(4)
        .align_y(Alignment::Center);
    let default = desk.default_thresholds();
    tiers = tiers.push(
        button(
            text(t!(
                "toolkit-tier-default",
                red = default.red_after_secs / 60,
                breach = default.breach_after_secs / 60
            ))
            .size(SMALL),
        )
        .padding(Padding::from([1, 8]))
        .style(style::flat(p, in_force.is_none()))
        .on_press(Message::SetTier(None)),
    );
    for tier in &kit.tiers {
        let chosen = in_force == Some(tier.key.as_str());
        let mut b = button(text(tier_label(&tier.label, tier.thresholds)).size(SMALL))
            .padding(Padding::from([1, 8]))
            .style(style::flat(p, chosen));
        if own != Some(tier.key.as_str()) {
            b = b.on_press(Message::SetTier(Some(tier.key.clone())));
        }
        tiers = tiers.push(b);
    }
    let alerts = if desk.is_own_alerts(chat) {
        t!("toolkit-alerts-unmark")
    } else {
        t!("toolkit-alerts-mark")
    };
    let alerts = row![
        label(t!("toolkit-alerts")),
        button(text(alerts).size(SMALL))
            .padding(Padding::from([1, 8]))
            .style(style::outline(p))
            .on_press(Message::ToggleAlerts),
    ]
    .spacing(4)
    .align_y(Alignment::Center);
    container(
        column![tags, tiers, alerts, reminder(state, chat, desk, now, p)]
            .spacing(4)
            .width(Length::Fill),
    )
    .padding(Padding::from([6, 10]))
    .width(Length::Fill)
    .style(style::fill(p.raised))
    .into()
}

fn reminder<'a>(
    state: &'a State,
    chat: ChatId,
    desk: &'a Desk,
    now: i64,
    p: Palette,
) -> Element<'a, Message> {
    let label = text(t!("toolkit-remind"))
        .size(SMALL)
        .color(p.muted)
        .width(90);
    if let Some(r) = desk.row(chat).and_then(|r| r.reminder) {
        let when = due_words(r.due, now);
        let line = if r.fired {
            t!("toolkit-reminder-fired", when = when)
        } else {
            t!("toolkit-reminder-set", when = when)
        };
        let mut row = row![label, text(line).size(SMALL).font(BOLD)]
            .spacing(6)
            .align_y(Alignment::Center);
        if !r.note.is_empty() {
            row = row.push(text(format!("· {}", r.note)).size(SMALL).color(p.muted));
        }
        return row
            .push(
                button(text(t!("toolkit-reminder-cancel")).size(SMALL))
                    .padding(Padding::from([1, 8]))
                    .style(style::flat(p, false))
                    .on_press(Message::CancelReminder(chat)),
            )
            .into();
    }
    let choice = |words: String, when: When| {
        button(text(words).size(SMALL))
            .padding(Padding::from([1, 8]))
            .style(style::flat(p, false))
            .on_press(Message::Remind(when))
    };
    let time = text_input(&t!("toolkit-remind-at-placeholder"), &state.remind_time)
        .id(REMIND_AT_ID)
        .size(SMALL)
        .width(64)
        .padding(Padding::from([2, 6]))
        .style(style::input(p))
        .on_input(Message::RemindTime)
        .on_submit(Message::RemindAt);
    let note = text_input(&t!("toolkit-remind-note"), &state.remind_note)
        .id(REMIND_NOTE_ID)
        .size(SMALL)
        .width(Length::Fill)
        .padding(Padding::from([2, 6]))
        .style(style::input(p))
        .on_input(Message::RemindNote);
    let mut col = column![
        row![
            label,
            choice(t!("toolkit-remind-30m"), When::InMinutes(30)),
            choice(t!("toolkit-remind-2h"), When::InMinutes(120)),
            choice(t!("toolkit-remind-tomorrow"), When::Tomorrow(9, 0)),
            choice(t!("toolkit-remind-customer"), When::CustomerWrites),
        ]
        .spacing(4)
        .align_y(Alignment::Center),
        row![
            text("").width(90),
            time,
            button(text(t!("toolkit-remind-at")).size(SMALL))
                .padding(Padding::from([1, 8]))
                .style(style::flat(p, false))
                .on_press(Message::RemindAt),
            note,
        ]
        .spacing(4)
        .align_y(Alignment::Center),
    ]
    .spacing(4);
    if state.remind_bad_time {
        col = col.push(text(t!("toolkit-remind-bad-time")).size(SMALL).color(p.red));
    }
    col.into()
}
