//! The task form as drawn over the console: tracker, project, assignee, title, description,
//! then what the chosen mode does next — Create (API) or Open in browser, and after the
//! browser, the field for the key pasted back. A failure is said above the buttons, naming
//! the tracker, with Retry when trying again may help.

use i18n::t;
use iced::widget::{
    Space, button, column, container, pick_list, row, scrollable, text, text_editor, text_input,
};
use iced::{Alignment, Element, Length, Padding};
use tracker::Mode;

use super::form::{Edit, Form, Stage};
use super::{ASSIGNEE_ID, DESCRIPTION_ID, Message, PASTE_ID, PROJECT_ID, TITLE_ID};
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, BOLD, SMALL, TEXT};

pub fn view<'a>(form: &'a Form, p: Palette) -> Element<'a, Message> {
    let busy = form.busy();
    let heading = text(t!(
        "tasks-form-heading",
        count = form.messages.len(),
        chat = form.chat_title.as_str()
    ))
    .size(16)
    .font(BOLD);
    let mut body = column![heading].spacing(8);

    if form.trackers.len() > 1 {
        let choice = pick_list(form.trackers.as_slice(), Some(&form.tracker), |n| {
            Message::Form(Edit::Tracker(n))
        })
        .text_size(TEXT);
        body = body.push(labelled(t!("tasks-form-tracker"), choice.into()));
    }
    let tracker = form.tracker.as_str();
    let mode = match form.mode {
        Mode::Api => t!("tasks-form-mode-api", tracker = tracker),
        Mode::Browser => t!("tasks-form-mode-browser", tracker = tracker),
    };
    body = body.push(text(mode).size(SMALL).color(p.muted));
    let field = |id: &'static str, value: &'a str, on: fn(String) -> Edit| {
        let input = text_input("", value)
            .id(id)
            .size(TEXT)
            .padding(Padding::from([4, 8]))
            .style(style::input(p));
        let input = if busy {
            input
        } else {
            input
                .on_input(move |v| Message::Form(on(v)))
                .on_submit(Message::Submit)
        };
        Element::from(input)
    };
    body = body.push(labelled(
        t!("tasks-form-project"),
        field(PROJECT_ID, &form.project, Edit::Project),
    ));
    if form.assignee_field {
        body = body.push(labelled(
            t!("tasks-form-assignee"),
            field(ASSIGNEE_ID, &form.assignee, Edit::Assignee),
        ));
    }
    body = body.push(labelled(
        t!("tasks-form-title"),
        field(TITLE_ID, &form.title, Edit::Title),
    ));
    let mut description = text_editor(&form.description)
        .id(DESCRIPTION_ID)
        .size(TEXT)
        .height(220)
        .padding(Padding::from([6, 8]))
        .style(style::editor(p));
    if !busy {
        description = description.on_action(|a| Message::Form(Edit::Description(a)));
    }
    body = body.push(
        column![
            text(t!("tasks-form-description"))
                .size(SMALL)
                .color(p.muted),
            description
        ]
        .spacing(2),
    );
    body = body.push(next_step(form, p));

    let card = container(scrollable(body.padding(Padding {
        right: 12.0,
        ..Padding::ZERO
    })))
    .padding(16)
    .max_width(640)
    .style(style::card(p.surface, p.border));
    container(card)
        .center(Length::Fill)
        .padding(24)
        .style(style::fill(iced::Color {
            a: 0.45,
            ..iced::Color::BLACK
        }))
        .into()
}

fn labelled<'a>(label: String, control: Element<'a, Message>) -> Element<'a, Message> {
    row![text(label).size(TEXT).width(110), control]
        .spacing(8)
        .align_y(Alignment::Center)
        .into()
}

/// What happens next: the buttons, a failure, or the field for the pasted key.
fn next_step(form: &Form, p: Palette) -> Element<'_, Message> {
    let submit_label = if form.mode == Mode::Api {
        t!("tasks-form-create")
    } else {
        t!("tasks-form-open-browser")
    };
    let mut submit = button(text(submit_label).size(TEXT))
        .padding(Padding::from([5, 16]))
        .style(style::primary(p));
    if !form.busy() {
        submit = submit.on_press(Message::Submit);
    }
    let mut cancel = button(text(t!("tasks-form-cancel")).size(TEXT))
        .padding(Padding::from([5, 16]))
        .style(style::outline(p));
    if !form.busy() {
        cancel = cancel.on_press(Message::Cancel);
    }
    let mut buttons = row![submit].spacing(8).align_y(Alignment::Center);
    let mut lines = column![].spacing(6);
    match &form.stage {
        Stage::Editing => {}
        Stage::Creating => {
            let creating = t!("tasks-form-creating", tracker = form.tracker.as_str());
            lines = lines.push(text(creating).size(TEXT).color(p.muted));
        }
        Stage::Failed { error, retry } => {
            lines = lines.push(text(error.as_str()).size(TEXT).color(p.red));
            if *retry {
                buttons = buttons.push(
                    button(text(t!("tasks-form-retry")).size(TEXT))
                        .padding(Padding::from([5, 16]))
                        .style(style::outline(p))
                        .on_press(Message::Retry),
                );
            }
        }
        Stage::Opened {
            url,
            left_out,
            browser_error,
            problem,
        } => {
            lines = lines.push(text(t!("tasks-form-opened")).size(TEXT));
            if let Some(n) = left_out {
                let note = t!("tasks-form-shortened-note", count = *n);
                lines = lines.push(text(note).size(SMALL).color(p.muted));
            }
            if let Some(e) = browser_error {
                let note = t!(
                    "tasks-open-failed",
                    problem = e.as_str(),
                    url = url.as_str()
                );
                lines = lines.push(text(note).size(SMALL).color(p.red));
            }
            let paste = text_input(&t!("tasks-form-paste-placeholder"), &form.pasted)
                .id(PASTE_ID)
                .size(TEXT)
                .padding(Padding::from([4, 8]))
                .style(style::input(p))
                .on_input(|v| Message::Form(Edit::Pasted(v)))
                .on_submit(Message::Link);
            lines = lines.push(
                row![
                    paste,
                    button(text(t!("tasks-form-link")).size(TEXT))
                        .padding(Padding::from([5, 12]))
                        .style(style::primary(p))
                        .on_press(Message::Link),
                ]
                .spacing(6)
                .align_y(Alignment::Center),
            );
            if let Some(problem) = problem {
                lines = lines.push(text(problem.as_str()).size(SMALL).color(p.red));
            }
        }
    }
    buttons = buttons.push(Space::new().width(Length::Fill)).push(cancel);
    column![lines, buttons].spacing(10).into()
}
