//! The team's small dialogs over the console (the alarm's reason, "Assign to…", the shared
//! note) and the banner for a bad pinned settings document.

use super::actions::matching_members;
use super::words;
use super::{ASSIGN_ID, Dialog, Message, NOTE_ID, REASON_ID};
use crate::desk::{ChatId, Desk};
use crate::ui::feature::ViewCtx;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use i18n::t;
use iced::widget::text::Wrapping;
use iced::widget::{
    Space, button, center, column, container, opaque, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length, Padding};

/// Colleagues listed at most in "Assign to…" (the name field narrows them).
const ASSIGN_SHOWN: usize = 12;

pub fn view<'a>(dialog: &'a Dialog, ctx: ViewCtx<'a>) -> Element<'a, Message> {
    let p = ctx.palette;
    let body = match dialog {
        Dialog::Alarm { chat, reason } => column![
            title(t!("team-alarm-title", chat = chat_title(ctx.desk, *chat))),
            input(t!("team-alarm-reason"), reason, REASON_ID, p)
                .on_input(Message::Reason)
                .on_submit(Message::Raise),
            buttons(t!("team-alarm-raise"), Message::Raise, p),
        ],
        Dialog::Assign { chat, filter } => {
            let mut list = column![].spacing(2);
            let members = matching_members(ctx.desk, filter);
            if members.is_empty() {
                list = list.push(text(t!("team-assign-nobody")).size(SMALL).color(p.muted));
            }
            for (user, name) in members.into_iter().take(ASSIGN_SHOWN) {
                list = list.push(
                    button(text(name).size(TEXT).wrapping(Wrapping::None))
                        .width(Length::Fill)
                        .padding(Padding::from([3, 8]))
                        .style(style::flat(p, false))
                        .on_press(Message::AssignTo(user)),
                );
            }
            column![
                title(t!("team-assign-title", chat = chat_title(ctx.desk, *chat))),
                input(t!("team-assign-filter"), filter, ASSIGN_ID, p)
                    .on_input(Message::AssignFilter)
                    .on_submit(Message::AssignFirst),
                scrollable(list).height(Length::Shrink),
                row![Space::new().width(Length::Fill), cancel(p)],
            ]
        }
        Dialog::Note { chat, draft } => column![
            title(t!("team-note-title", chat = chat_title(ctx.desk, *chat))),
            input(t!("team-note-placeholder"), draft, NOTE_ID, p)
                .on_input(Message::Note)
                .on_submit(Message::NoteSave),
            buttons(t!("team-note-save"), Message::NoteSave, p),
        ],
    };
    let card = container(body.spacing(10).width(420))
        .padding(14)
        .style(style::card(p.surface, p.border));
    // Opaque: a click beside the dialog does not reach the list under it.
    opaque(center(card).style(style::fill(iced::Color {
        a: 0.35,
        ..iced::Color::BLACK
    })))
}

fn title<'a>(words: String) -> Element<'a, Message> {
    text(words).size(15).into()
}

fn input<'a>(
    placeholder: String,
    value: &'a str,
    id: &'static str,
    p: Palette,
) -> iced::widget::TextInput<'a, Message> {
    text_input(&placeholder, value)
        .id(id)
        .size(TEXT)
        .padding(Padding::from([5, 8]))
        .style(style::input(p))
}

fn buttons<'a>(label: String, confirm: Message, p: Palette) -> Element<'a, Message> {
    row![
        Space::new().width(Length::Fill),
        cancel(p),
        button(text(label).size(TEXT))
            .padding(Padding::from([4, 12]))
            .style(style::primary(p))
            .on_press(confirm),
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

fn cancel<'a>(p: Palette) -> Element<'a, Message> {
    button(text(t!("team-cancel")).size(TEXT))
        .padding(Padding::from([4, 12]))
        .style(style::flat(p, false))
        .on_press(Message::Close)
        .into()
}

fn chat_title(desk: &Desk, chat: ChatId) -> String {
    desk.row(chat)
        .map(|r| r.title)
        .unwrap_or_else(|| words::unknown_chat(chat))
}

/// The pinned settings document's problem while it has one: line, key, what is wrong, and
/// that the last good settings stay in force.
pub fn settings_banner<'a>(ctx: ViewCtx<'a>) -> Option<Element<'a, Message>> {
    let error = ctx.desk.team_settings_error()?;
    let p = ctx.palette;
    Some(
        container(
            text(words::settings_banner(error))
                .size(TEXT)
                .color(p.surface)
                .width(Length::Fill),
        )
        .padding(Padding::from([4, 10]))
        .width(Length::Fill)
        .style(style::fill(p.red))
        .into(),
    )
}
