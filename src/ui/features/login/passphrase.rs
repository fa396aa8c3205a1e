//! The passphrase step, where no OS keyring can keep the database key: what happened and
//! what to do in plain words, the keyring library's own error under "Details", and the
//! passphrase itself — typed twice when it is first chosen (it will encrypt the account's
//! Telegram database, and a typo would lock the admin out of it).
//!
//! In: the login screen's messages for this step and the stage's `NoKeyring` (from
//! start-up). Out: the passphrase once it is checked (`Form::check`), or what is wrong.

use i18n::t;
use iced::widget::{Column, button, column, text, text_input};
use iced::{Element, Padding};

use super::Message;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};

pub const PASSPHRASE: &str = "passphrase";
pub const PASSPHRASE_REPEAT: &str = "passphrase-repeat";

/// Why the login asks for a passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoKeyring {
    /// No database exists yet for the account: the passphrase is being chosen.
    pub new: bool,
    /// The keyring library's own words, for "Details".
    pub details: String,
}

/// What was typed, kept as typed when a check fails.
#[derive(Debug, Default)]
pub struct Form {
    pub passphrase: String,
    pub repeat: String,
    pub details_open: bool,
}

/// Why the passphrase was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Empty,
    Mismatch,
}

impl Refused {
    pub fn say(self) -> String {
        match self {
            Refused::Empty => t!("keyring-passphrase-empty"),
            Refused::Mismatch => t!("keyring-passphrase-mismatch"),
        }
    }
}

impl Form {
    /// The passphrase to start with, or why not.
    pub fn check(&self, why: &NoKeyring) -> Result<String, Refused> {
        if self.passphrase.is_empty() {
            return Err(Refused::Empty);
        }
        if why.new && self.passphrase != self.repeat {
            return Err(Refused::Mismatch);
        }
        Ok(self.passphrase.clone())
    }

    /// The step's title, explanation, fields and details, before the form's button.
    pub fn view<'a>(&'a self, why: &'a NoKeyring, busy: bool, p: Palette) -> Column<'a, Message> {
        let field =
            |placeholder: String, value: &'a str, id: &'static str, on: fn(String) -> Message| {
                text_input(&placeholder, value)
                    .id(id)
                    .secure(true)
                    .size(TEXT + 1.0)
                    .padding(Padding::from([6, 10]))
                    .style(style::input(p))
                    .on_input(on)
                    .on_submit(Message::Submit)
            };
        let (title, explanation) = if why.new {
            (t!("keyring-none-choose-title"), t!("keyring-none-choose"))
        } else {
            (t!("keyring-none-enter-title"), t!("keyring-none-enter"))
        };
        let mut form = column![
            text(title).size(20),
            text(explanation).size(TEXT).color(p.muted),
            field(
                t!("keyring-passphrase"),
                &self.passphrase,
                PASSPHRASE,
                Message::Passphrase
            ),
        ]
        .spacing(10);
        if why.new {
            form = form.push(field(
                t!("keyring-passphrase-repeat"),
                &self.repeat,
                PASSPHRASE_REPEAT,
                Message::PassphraseRepeat,
            ));
        }
        form.push(
            button(text(t!("keyring-continue")).size(TEXT + 1.0))
                .padding(Padding::from([6, 18]))
                .style(style::primary(p))
                .on_press_maybe((!busy).then_some(Message::Submit)),
        )
    }

    /// "Details": the library's raw error, collapsed until asked for, in small type.
    pub fn details<'a>(&'a self, why: &'a NoKeyring, p: Palette) -> Element<'a, Message> {
        let label = if self.details_open {
            t!("keyring-details-hide")
        } else {
            t!("keyring-details-show")
        };
        let toggle = button(text(label).size(SMALL))
            .padding(Padding::from([2, 0]))
            .style(style::flat(p, false))
            .on_press(Message::PassphraseDetails);
        if self.details_open {
            column![
                toggle,
                text(why.details.as_str()).size(SMALL).color(p.muted)
            ]
            .spacing(4)
            .into()
        } else {
            toggle.into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_passphrase_must_be_typed_twice_alike() {
        let new = NoKeyring {
            new: true,
            details: String::new(),
        };
        let typed = |a: &str, b: &str| Form {
            passphrase: a.into(),
            repeat: b.into(),
            details_open: false,
        };
        assert_eq!(typed("", "").check(&new), Err(Refused::Empty));
        assert_eq!(typed("horse", "hrose").check(&new), Err(Refused::Mismatch));
        assert_eq!(typed("horse", "").check(&new), Err(Refused::Mismatch));
        assert_eq!(typed("horse", "horse").check(&new), Ok("horse".into()));
        // An existing database: typed once.
        let existing = NoKeyring { new: false, ..new };
        assert_eq!(typed("horse", "").check(&existing), Ok("horse".into()));
    }
}
