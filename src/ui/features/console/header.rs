//! The console's top bar: counters, filters, Mark all read, search across chats, statistics,
//! settings.

use super::Message;
use crate::desk::{Counters, Filter};
use crate::ui::theme::Palette;
use crate::ui::widgets::spread::spread;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use i18n::t;
use iced::widget::{Row, Space, button, container, row, text};
use iced::{Alignment, Element, Length, Padding};

pub struct Header {
    pub counters: Counters,
    pub filter: Filter,
    pub palette: Palette,
    /// The connection's state and how long it has lasted, unless ready.
    pub connection: Option<String>,
    /// A duty group is set: the "Mine" filter (chats the team assigned to this account).
    pub team: bool,
}

impl Header {
    pub fn view<'a, M: Clone + 'a>(
        self,
        map: impl Fn(Message) -> M + Copy + 'a,
        settings: M,
    ) -> Element<'a, M> {
        let p = self.palette;
        let k = self.counters;
        // The catalog says the whole counter ("13 waiting", "13 ждут"); the number is drawn
        // larger and in the counter's colour wherever the language puts it.
        let counter = |sentence: String, value: usize, color: iced::Color| {
            let number = value.to_string();
            let (before, after) = around(&sentence, &number);
            let words = |s: &str| text(s.to_string()).size(SMALL).color(p.muted);
            let mut parts: Row<'a, M> = Row::new().spacing(4).align_y(Alignment::Center);
            if !before.is_empty() {
                parts = parts.push(words(before));
            }
            parts =
                parts.push(
                    text(number)
                        .size(TEXT)
                        .color(if value > 0 { color } else { p.muted }),
                );
            if !after.is_empty() {
                parts = parts.push(words(after));
            }
            parts
        };
        let filter = |label: String, f: Filter| {
            button(text(label).size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::flat(p, self.filter == f))
                .on_press(map(Message::Filter(f)))
        };
        let counters = row![
            counter(
                t!("console-counter-support", count = k.support_chats),
                k.support_chats,
                p.text
            ),
            counter(
                t!("console-counter-waiting", count = k.waiting),
                k.waiting,
                p.waiting
            ),
            counter(t!("console-counter-red", count = k.red), k.red, p.red),
            counter(
                t!("console-counter-breach", count = k.breach),
                k.breach,
                p.breach
            ),
            counter(
                t!("console-counter-unread", count = k.unread_chats),
                k.unread_chats,
                p.primary
            ),
        ]
        .spacing(14)
        .align_y(Alignment::Center);
        let filters = row![
            filter(t!("console-filter-all"), Filter::All),
            filter(t!("console-filter-support"), Filter::Support),
            filter(t!("console-filter-waiting"), Filter::Waiting),
            filter(t!("console-filter-starred"), Filter::Starred),
        ]
        .spacing(2);
        let filters = if self.team {
            filters.push(
                button(text(i18n::t!("team-filter-mine")).size(TEXT))
                    .padding(Padding::from([3, 10]))
                    .style(style::flat(p, self.filter == Filter::Mine))
                    .on_press(map(Message::Filter(Filter::Mine))),
            )
        } else {
            filters
        };
        let connection: Element<'a, M> = match self.connection {
            Some(state) => text(state).size(SMALL).color(p.waiting).into(),
            None => Space::new().into(),
        };
        let left = row![
            // The product's name, in every language.
            text("DutyDesk").size(TEXT).color(p.muted),
            filters,
        ]
        .spacing(12)
        .align_y(Alignment::Center);
        let right = row![
            connection,
            counters,
            button(text(t!("console-mark-all-read")).size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::outline(p))
                .on_press(map(Message::MarkAllRead)),
            button(text(t!("console-search-chats")).size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::outline(p))
                .on_press(map(Message::GlobalOpen)),
            button(text(t!("console-statistics")).size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::flat(p, false))
                .on_press(map(Message::OpenStatistics)),
            button(text(t!("console-settings")).size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::flat(p, false))
                .on_press(settings),
        ]
        .spacing(12)
        .align_y(Alignment::Center)
        // Past the window's width even on a line of their own: on as many as they need.
        .wrap()
        .vertical_spacing(6)
        .align_x(Alignment::End);
        // One line while the words fit; the counters and buttons below the filters when not.
        container(spread(left, right, 12.0))
            .padding(Padding::from([6, 10]))
            .width(Length::Fill)
            .style(style::bar(p))
            .into()
    }
}

/// The words before and after `number` in `sentence`, trimmed (the row spaces them). A
/// translation without the number leaves it after the words.
fn around<'s>(sentence: &'s str, number: &str) -> (&'s str, &'s str) {
    match sentence.find(number) {
        Some(at) => (
            sentence[..at].trim_end(),
            sentence[at + number.len()..].trim_start(),
        ),
        None => (sentence.trim(), ""),
    }
}

#[cfg(test)]
mod tests {
    use super::around;

    #[test]
    fn the_number_splits_the_sentence_wherever_it_stands() {
        assert_eq!(around("13 waiting", "13"), ("", "waiting"));
        assert_eq!(around("ждут: 13", "13"), ("ждут:", ""));
        assert_eq!(around("[13 ŵåîţîñĝ]", "13"), ("[", "ŵåîţîñĝ]"));
        assert_eq!(around("waiting", "13"), ("waiting", ""));
    }
}
