//! The task form's state: what the admin sees and edits before a task exists, and where it
//! stands (editing, creating, failed with or without Retry, open in the browser waiting for
//! the key). Nothing typed is ever cleared by a failure: only Cancel or success closes it.

use crate::desk::{ChatId, MessageId};
use iced::widget::text_editor;
use tracker::{Draft, Markup, Mode, Quote, TrackerConfig, TrackerKind, describe};

/// The form's edits.
#[derive(Debug, Clone)]
pub enum Edit {
    Tracker(String),
    Title(String),
    Description(text_editor::Action),
    Project(String),
    Assignee(String),
    /// Browser mode: the key or address pasted back.
    Pasted(String),
}

/// Where the form stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    Editing,
    /// The tracker is being asked (API mode).
    Creating,
    /// The tracker (or the keyring) said no: what to tell, and whether Retry may help.
    Failed {
        error: String,
        retry: bool,
    },
    /// Browser mode: the pre-filled form was handed to the browser.
    Opened {
        url: String,
        /// Characters of the description left out to fit the address.
        left_out: Option<usize>,
        /// Why the browser did not open, if it did not (the address is then shown).
        browser_error: Option<String>,
        /// Why the pasted text names no task.
        problem: Option<String>,
    },
}

pub struct Form {
    pub chat: ChatId,
    pub chat_title: String,
    /// The quoted messages, oldest first.
    pub messages: Vec<MessageId>,
    pub quotes: Vec<Quote>,
    /// The trackers to choose from, by name, and the chosen one.
    pub trackers: Vec<String>,
    pub tracker: String,
    /// The chosen tracker's mode, and whether it takes an assignee from the form.
    pub mode: Mode,
    pub assignee_field: bool,
    pub title: String,
    pub description: text_editor::Content,
    /// The admin changed the description: another tracker keeps it instead of rewriting it
    /// in its own markup.
    description_edited: bool,
    pub project: String,
    pub assignee: String,
    pub pasted: String,
    pub stage: Stage,
}

impl Form {
    /// The form's first state: title and description from the quotes, the chat's project
    /// (`remembered` from use, else the config's per-chat or default project), the
    /// tracker's default assignee.
    pub fn new(
        chat: ChatId,
        chat_title: String,
        messages: Vec<MessageId>,
        quotes: Vec<Quote>,
        trackers: Vec<String>,
        config: &TrackerConfig,
        remembered: Option<&str>,
    ) -> Form {
        let draft = Draft::from_quotes(config, Some(chat), quotes);
        let mut form = Form {
            chat,
            chat_title,
            messages,
            trackers,
            tracker: config.name.clone(),
            mode: config.mode(),
            assignee_field: takes_assignee(config),
            title: draft.title,
            description: text_editor::Content::with_text(&draft.description),
            description_edited: false,
            project: String::new(),
            assignee: draft.assignee.unwrap_or_default(),
            pasted: String::new(),
            stage: Stage::Editing,
            quotes: draft.quotes,
        };
        form.project = remembered
            .map(str::to_string)
            .or(draft.project)
            .unwrap_or_default();
        form
    }

    /// Another tracker chosen: its project and assignee; its markup unless the admin
    /// already edited the description.
    pub fn retarget(&mut self, config: &TrackerConfig, remembered: Option<&str>) {
        self.tracker = config.name.clone();
        self.mode = config.mode();
        self.assignee_field = takes_assignee(config);
        self.project = remembered
            .or(config.project_for(self.chat))
            .unwrap_or_default()
            .to_string();
        self.assignee = config.assignee.clone().unwrap_or_default();
        if !self.description_edited {
            let text = describe(&self.quotes, Markup::for_kind(config.kind));
            self.description = text_editor::Content::with_text(&text);
        }
        self.stage = Stage::Editing;
    }

    /// Applies an edit; an edit after a failure keeps the failure's text until the next try.
    pub fn edit(&mut self, edit: Edit) {
        match edit {
            Edit::Tracker(_) => {}
            Edit::Title(v) => self.title = v,
            Edit::Description(action) => {
                self.description_edited |= action.is_edit();
                self.description.perform(action);
            }
            Edit::Project(v) => self.project = v,
            Edit::Assignee(v) => self.assignee = v,
            Edit::Pasted(v) => {
                self.pasted = v;
                if let Stage::Opened { problem, .. } = &mut self.stage {
                    *problem = None;
                }
            }
        }
    }

    /// The task as the form describes it now.
    pub fn draft(&self) -> Draft {
        let filled = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Draft {
            title: self.title.trim().to_string(),
            description: self.description.text().trim_end().to_string(),
            project: filled(&self.project),
            assignee: filled(&self.assignee),
            quotes: self.quotes.clone(),
        }
    }

    pub fn busy(&self) -> bool {
        self.stage == Stage::Creating
    }
}

/// Whether the tracker takes an assignee from the form: its API, or its pre-filled form
/// where that form has a field for it (GitHub, Redmine, Linear).
pub fn takes_assignee(config: &TrackerConfig) -> bool {
    match config.mode() {
        Mode::Api => config.kind.has_api(),
        Mode::Browser => matches!(
            config.kind,
            TrackerKind::GitHub | TrackerKind::Redmine | TrackerKind::Linear
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str) -> Quote {
        Quote {
            author: "Anna".into(),
            unix_time: 1_772_442_000,
            utc_offset_minutes: 0,
            chat_title: "ACME".into(),
            link: None,
            text: text.into(),
        }
    }

    fn tracker(name: &str, kind: TrackerKind) -> TrackerConfig {
        let mut c = TrackerConfig::new(name, kind, "https://t.example.com");
        c.default_project = Some("acme/support".into());
        c
    }

    #[test]
    fn the_remembered_project_wins_and_another_tracker_brings_its_own() {
        let gitlab = tracker("GitLab", TrackerKind::GitLab);
        let mut form = Form::new(
            -5,
            "ACME".into(),
            vec![1],
            vec![quote("Mail is down\nsince 9")],
            vec![],
            &gitlab,
            Some("acme/vip"),
        );
        assert_eq!(form.title, "Mail is down");
        assert_eq!(form.project, "acme/vip");
        assert!(form.description.text().contains("> Mail is down"));
        let mut jira = tracker("Jira", TrackerKind::JiraServer);
        jira.default_project = Some("SUP".into());
        form.retarget(&jira, None);
        assert_eq!(form.project, "SUP");
        assert!(
            form.description.text().contains("{quote}"),
            "rewritten in Jira's markup"
        );
    }

    #[test]
    fn an_edited_description_survives_a_tracker_change() {
        let gitlab = tracker("GitLab", TrackerKind::GitLab);
        let mut form = Form::new(
            -5,
            "ACME".into(),
            vec![1],
            vec![quote("x")],
            vec![],
            &gitlab,
            None,
        );
        form.edit(Edit::Description(text_editor::Action::Edit(
            text_editor::Edit::Paste(std::sync::Arc::new("typed ".into())),
        )));
        let typed = form.description.text();
        form.retarget(&tracker("Jira", TrackerKind::JiraServer), None);
        assert_eq!(form.description.text(), typed);
        assert_eq!(form.draft().description, typed.trim_end());
    }
}
