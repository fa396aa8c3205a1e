//! The tasks' places in the chat view: each message clickable for selecting and its "Task"
//! action, the bar of a selection in progress, and the chat's tasks with their status, each
//! with "Post in chat" and "Open".

use i18n::t;
use iced::widget::text::Wrapping;
use iced::widget::{Space, button, column, container, mouse_area, row, text};
use iced::{Alignment, Element, Length, Padding};

use super::{Message, Pick, Tasks};
use crate::desk::{ChatId, MessageId};
use crate::store::LinkedTask;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, BOLD, SMALL};

/// How many of a chat's tasks are listed (the newest); the rest are counted.
const SHOWN_TASKS: usize = 5;

impl Tasks {
    /// A message card in the chat view: clicks select (see `selection`), a selected message
    /// is marked.
    pub fn selectable<'a, M: Clone + 'a>(
        &self,
        chat: ChatId,
        id: Option<MessageId>,
        card: Element<'a, M>,
        p: Palette,
        wrap: impl Fn(Message) -> M,
    ) -> Element<'a, M> {
        let Some(id) = id else {
            return card;
        };
        let selected = self.selection.contains(chat, id);
        let card = container(card)
            .padding(Padding::from([0, 0]).left(if selected { 4 } else { 0 }))
            .style(style::fill(if selected {
                p.primary
            } else {
                iced::Color::TRANSPARENT
            }));
        mouse_area(card)
            .on_press(wrap(Message::Pick(Pick::Click(id))))
            .into()
    }

    /// The "Task" action on one message.
    pub fn action(id: MessageId, p: Palette) -> Element<'static, Message> {
        button(text(t!("tasks-action-task")).size(SMALL).color(p.muted))
            .padding(Padding::from([0, 6]))
            .style(style::flat(p, false))
            .on_press(Message::Pick(Pick::Message(id)))
            .into()
    }

    /// Above the chat's history: a selection in progress, the chat's tasks, the last note.
    /// `None` when there is nothing to show.
    pub fn panel(&self, chat: ChatId, p: Palette) -> Option<Element<'_, Message>> {
        let mut lines = column![].spacing(3);
        let selected = self.selection.count(chat);
        if selected > 0 {
            lines = lines.push(
                row![
                    text(t!("tasks-selected", count = selected))
                        .size(SMALL)
                        .color(p.text),
                    button(text(t!("tasks-create-from-selection", count = selected)).size(SMALL))
                        .padding(Padding::from([2, 10]))
                        .style(style::primary(p))
                        .on_press(Message::Pick(Pick::Selection)),
                    button(text(t!("tasks-clear-selection")).size(SMALL))
                        .padding(Padding::from([2, 8]))
                        .style(style::flat(p, false))
                        .on_press(Message::ClearSelection),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        let tasks = self.book.of_chat(chat);
        let older = tasks.len().saturating_sub(SHOWN_TASKS);
        for task in tasks.iter().skip(older).rev() {
            lines = lines.push(task_line(chat, task, p));
        }
        if older > 0 {
            let more = t!("tasks-more", count = older);
            lines = lines.push(text(more).size(SMALL).color(p.muted));
        }
        if let Some(note) = self.note(chat) {
            lines = lines.push(
                row![
                    text(note).size(SMALL).color(p.muted).width(Length::Fill),
                    button(text("×").size(SMALL))
                        .padding(Padding::from([0, 6]))
                        .style(style::flat(p, false))
                        .on_press(Message::DismissNote(chat)),
                ]
                .align_y(Alignment::Center),
            );
        }
        if selected == 0 && tasks.is_empty() && self.note(chat).is_none() {
            return None;
        }
        Some(
            container(lines)
                .padding(Padding::from([4, 10]))
                .width(Length::Fill)
                .style(style::bar(p))
                .into(),
        )
    }
}

/// One task: key, title, status, and its actions.
fn task_line<'a>(chat: ChatId, task: &'a LinkedTask, p: Palette) -> Element<'a, Message> {
    let status = match &task.status {
        Some(s) => s.clone(),
        None => t!("tasks-status-unknown"),
    };
    let status_color = if task.closed == Some(true) {
        p.success
    } else {
        p.muted
    };
    let mut line = row![
        text(task.key.as_str())
            .size(SMALL)
            .font(BOLD)
            .color(p.primary),
        text(task.title.as_str())
            .size(SMALL)
            .wrapping(Wrapping::None)
            .width(Length::Fill),
        text(status).size(SMALL).color(status_color),
        button(text(t!("tasks-post")).size(SMALL))
            .padding(Padding::from([1, 8]))
            .style(style::outline(p))
            .on_press(Message::Post {
                chat,
                tracker: task.tracker.clone(),
                key: task.key.clone(),
            }),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    if !task.url.is_empty() {
        line = line.push(
            button(text(t!("tasks-open")).size(SMALL))
                .padding(Padding::from([1, 8]))
                .style(style::flat(p, false))
                .on_press(Message::OpenPage {
                    chat,
                    url: task.url.clone(),
                }),
        );
    } else {
        line = line.push(Space::new().width(0));
    }
    line.into()
}
