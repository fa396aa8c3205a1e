//! What the right pane shows while no chat is open: the customers waiting longest (one
//! click or Ctrl+J away) and the keyboard shortcuts.

use super::Message;
use crate::desk::{ChatId, Desk, RowView, UnixTime};
use crate::ui::features::team::marks as team_marks;
use crate::ui::fonts;
use crate::ui::format;
use crate::ui::keys;
use crate::ui::theme::Palette;
use crate::ui::widgets::backdrop::{backdrop, card};
use crate::ui::widgets::chat_list;
use crate::ui::widgets::one_line::one_line;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use i18n::t;
use iced::widget::{Space, button, column, container, row, text};
use iced::{Alignment, Element, Length, Padding};

const SHOWN: usize = 8;

pub fn longest_waits(desk: &Desk) -> Vec<RowView> {
    desk.longest_waits(SHOWN)
        .filter_map(|(_, chat)| desk.row(chat))
        .collect()
}

/// The chats `longest_waits` lists, oldest wait first, with when each started waiting.
/// Reads the desk's index of waits only: the timer asks for it after every update, and
/// building the rows (titles and previews cloned) each time is what the view does once.
pub fn longest_wait_dates(desk: &Desk) -> Vec<(Option<UnixTime>, ChatId)> {
    desk.longest_waits(SHOWN).collect()
}

pub fn view<'a>(desk: &Desk, now: i64, p: Palette) -> Element<'a, Message> {
    let mut waits = column![text(t!("console-waiting-longest")).size(15)].spacing(2);
    let rows = longest_waits(desk);
    if rows.is_empty() {
        waits = waits.push(text(t!("console-nobody-waiting")).size(TEXT).color(p.muted));
    }
    for r in rows {
        let color = style::status_color(p, r.status).unwrap_or(p.muted);
        let since = r.waiting_since.unwrap_or(now);
        let line = row![
            text(format::waiting(now - since))
                .size(TEXT)
                .color(color)
                .width(52),
            // Fitted with "…" rather than clipped: a clipped line is drawn through a
            // window-sized mask, and these rows change with every message.
            container(one_line(r.title.clone(), TEXT, fonts::TEXT, p.text))
                .width(Length::FillPortion(2)),
            container(one_line(
                chat_list::preview_line(&r),
                TEXT,
                fonts::TEXT,
                p.muted
            ))
            .width(Length::FillPortion(3)),
        ]
        .spacing(10)
        .align_y(Alignment::Center);
        waits = waits.push(
            button(line)
                .width(Length::Fill)
                .padding(Padding::from([4, 8]))
                .style(style::flat(p, false))
                .on_press(Message::List(chat_list::Event::Select(r.chat))),
        );
    }
    let mut help = column![text(t!("console-keyboard")).size(15)].spacing(4);
    for (combo, what) in keys::help() {
        help = help.push(
            row![
                text(combo).size(SMALL).width(190),
                text(what).size(SMALL).color(p.muted)
            ]
            .spacing(8),
        );
    }
    // In strips (widgets/backdrop.rs): these cards stay while the rows in them change.
    let card = |content| {
        card(
            container(content).padding(14).width(Length::Fill),
            p.surface,
            p.border,
        )
    };
    let alarms = team_marks::overview_alarms(desk, now, p, |chat| {
        Message::List(chat_list::Event::Select(chat))
    });
    let pane = container(
        column![]
            .extend(alarms)
            .push(card(waits))
            .push(card(help))
            .push(Space::new().height(Length::Fill))
            .spacing(14)
            .max_width(720),
    )
    .padding(18)
    .width(Length::Fill)
    .height(Length::Fill)
    .style(style::ink(p.text));
    backdrop(pane, p.background).into()
}
