//! The team settings screen: the TOML document pinned in the duty group, loaded as it is in
//! force (or a starting document naming the group's members), checked as the lead types
//! (`desk::team::settings::parse_settings`: line, key and what is wrong), published with
//! Save (see `actions::save_settings`).

use super::words;
use super::{EDITOR_ID, Message};
use crate::desk::team::settings::parse_settings;
use crate::desk::team::stop_words::DEFAULT_STOP_WORDS;
use crate::desk::{Action, Desk, MemberStatus};
use crate::ui::feature::ViewCtx;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use i18n::t;
use iced::widget::{Space, button, column, container, row, text, text_editor};
use iced::{Alignment, Element, Length, Padding};

pub struct Editor {
    content: text_editor::Content,
    /// What is wrong with the document as typed, worded for the screen.
    problem: Option<String>,
    /// Published, waiting for Telegram's answer.
    pub saving: bool,
}

impl Editor {
    /// The document in force, or a starting one when the team has none yet.
    pub fn open(desk: &Desk) -> Editor {
        let document = match desk.team_settings().document.as_str() {
            "" => starting_document(desk),
            current => current.to_owned(),
        };
        let mut editor = Editor {
            content: text_editor::Content::with_text(&document),
            problem: None,
            saving: false,
        };
        editor.check();
        editor
    }

    pub fn perform(&mut self, action: text_editor::Action) {
        let edits = action.is_edit();
        self.content.perform(action);
        if edits {
            self.check();
        }
    }

    fn check(&mut self) {
        self.problem = parse_settings(&self.document())
            .err()
            .map(|e| words::settings_error(&e));
    }

    pub fn text(&self) -> String {
        self.content.text()
    }

    /// The document as it would be published (no trailing blank lines).
    pub fn document(&self) -> String {
        self.content.text().trim_end().to_owned()
    }

    pub fn problem(&self) -> Option<String> {
        self.problem.clone()
    }

    pub fn view<'a>(&'a self, ctx: ViewCtx<'a>) -> Element<'a, Message> {
        let p = ctx.palette;
        let group = ctx.desk.settings().staff.duty_group;
        let may_publish = ctx.desk.team_allows(&Action::PublishSettings {
            document: String::new(),
        });
        let status: Element<'a, Message> = match (&self.problem, group, may_publish) {
            (Some(problem), _, _) => text(problem.clone()).size(TEXT).color(p.red).into(),
            (None, None, _) => text(t!("team-editor-no-group"))
                .size(TEXT)
                .color(p.muted)
                .into(),
            (None, Some(_), false) => text(t!("team-editor-not-admin"))
                .size(TEXT)
                .color(p.muted)
                .into(),
            (None, Some(_), true) => text(t!("team-editor-valid"))
                .size(TEXT)
                .color(p.success)
                .into(),
        };
        let can_save = self.problem.is_none() && group.is_some() && may_publish && !self.saving;
        let save = button(text(t!("team-editor-save")).size(TEXT))
            .padding(Padding::from([4, 12]))
            .style(style::primary(p))
            .on_press_maybe(can_save.then_some(Message::SaveSettings));
        let close = button(text(t!("team-editor-close")).size(TEXT))
            .padding(Padding::from([4, 12]))
            .style(style::flat(p, false))
            .on_press(Message::CloseEditor);
        let editor = text_editor(&self.content)
            .id(EDITOR_ID)
            .size(TEXT)
            .font(iced::Font::MONOSPACE)
            .height(Length::Fill)
            .padding(8)
            .style(style::editor(p))
            .on_action(Message::Edit);
        let body = column![
            text(t!("team-editor-title")).size(17),
            text(t!("team-editor-hint")).size(SMALL).color(p.muted),
            editor,
            row![status, Space::new().width(Length::Fill), close, save]
                .spacing(8)
                .align_y(Alignment::Center),
        ]
        .spacing(10)
        .max_width(900);
        container(body)
            .padding(18)
            .width(Length::Fill)
            .height(Length::Fill)
            .style(style::window(p))
            .into()
    }
}

/// A document to start from: the group's members listed (as comments, with their
/// standing) for the lead to give roles, the starting stop words, clearing by any staff.
fn starting_document(desk: &Desk) -> String {
    let mut doc = String::from("[team]\n# name = \"Support\"\n# language = \"en\"\n\n[roster]\n");
    for m in desk.team_members() {
        let name = m.name.unwrap_or_else(|| words::unknown_user(m.user));
        let role = match m.status {
            MemberStatus::Owner | MemberStatus::Administrator => "lead",
            _ => "duty_admin",
        };
        doc.push_str(&format!("# {} = [\"{role}\"]  # {name}\n", m.user));
    }
    let words: Vec<String> = DEFAULT_STOP_WORDS
        .iter()
        .map(|w| format!("{w:?}"))
        .collect();
    doc.push_str(&format!(
        "\n[sla]\n# red_minutes = 10\n# breach_minutes = 15\n\n[alarms]\nstop_words = [{}]\nclear = \"staff\"\n",
        words.join(", ")
    ));
    doc
}
