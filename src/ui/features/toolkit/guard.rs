//! The guard prompt: a message a keyword guard matched stays in the composer and this
//! shows, under it, the text with the matching parts highlighted, which guard said what,
//! and — for a warning only — "Send anyway".

use super::Message;
use crate::desk::Desk;
use crate::desk::toolkit::guards::{GuardAction, GuardHit, verdict};
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, BOLD, SMALL, TEXT};
use i18n::t;
use iced::widget::text::Span;
use iced::widget::{button, column, container, rich_text, row, span, text};
use iced::{Alignment, Element, Length, Padding};

/// A message some guard matched, held back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardPrompt {
    /// The text as it would have been sent.
    pub text: String,
    pub hits: Vec<GuardHit>,
    pub action: GuardAction,
}

impl GuardPrompt {
    /// The prompt for `text`, if any guard matches it.
    pub fn check(desk: &Desk, text: &str) -> Option<GuardPrompt> {
        let hits = desk.check_guards(text);
        let action = verdict(&hits)?;
        Some(GuardPrompt {
            text: text.to_owned(),
            hits,
            action,
        })
    }

    pub fn may_send_anyway(&self) -> bool {
        self.action == GuardAction::Warn
    }

    /// The matched parts, each once, in order.
    pub fn matched(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for h in &self.hits {
            if let Some(part) = self.text.get(h.range.clone())
                && !out.contains(&part)
            {
                out.push(part);
            }
        }
        out
    }

    /// What the prompt says first: which guard, and whether it blocks or warns.
    pub fn headline(&self, desk: &Desk) -> String {
        let guards = &desk.toolkit().guards;
        let name = self
            .hits
            .iter()
            .find(|h| h.action == self.action)
            .and_then(|h| guards.get(h.guard))
            .map(|g| g.name.as_str())
            .unwrap_or("");
        match self.action {
            GuardAction::Block => t!("toolkit-guard-blocked", guard = name),
            GuardAction::Warn => t!("toolkit-guard-warned", guard = name),
        }
    }
}

/// The prompt under the composer.
pub fn view<'a>(prompt: &'a GuardPrompt, desk: &Desk, p: Palette) -> Element<'a, Message> {
    let colour = match prompt.action {
        GuardAction::Block => p.red,
        GuardAction::Warn => p.waiting,
    };
    // The text with each match on a coloured ground.
    let mut spans: Vec<Span<'a, ()>> = Vec::new();
    let mut at = 0;
    for h in &prompt.hits {
        if h.range.start < at {
            continue;
        }
        if let Some(before) = prompt.text.get(at..h.range.start) {
            spans.push(span(before));
        }
        if let Some(part) = prompt.text.get(h.range.clone()) {
            spans.push(span(part).color(p.surface).background(colour).font(BOLD));
        }
        at = h.range.end;
    }
    if let Some(rest) = prompt.text.get(at..) {
        spans.push(span(rest));
    }
    let matched = prompt
        .matched()
        .iter()
        .map(|m| format!("“{m}”"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut buttons = row![].spacing(6).align_y(Alignment::Center);
    if prompt.may_send_anyway() {
        buttons = buttons.push(
            button(text(t!("toolkit-guard-send-anyway")).size(SMALL))
                .style(style::outline(p))
                .on_press(Message::SendAnyway),
        );
    }
    buttons = buttons.push(
        button(text(t!("toolkit-guard-edit")).size(SMALL))
            .style(style::primary(p))
            .on_press(Message::DismissGuard),
    );
    container(
        column![
            text(prompt.headline(desk))
                .size(TEXT)
                .font(BOLD)
                .color(colour),
            rich_text(spans).size(TEXT),
            row![
                text(t!("toolkit-guard-matched", parts = matched))
                    .size(SMALL)
                    .color(p.muted)
                    .width(Length::Fill),
                buttons,
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        ]
        .spacing(4),
    )
    .padding(Padding::from([6, 8]))
    .width(Length::Fill)
    .style(style::card(p.raised, colour))
    .into()
}
