//! The console's top bar: counters, filters, Mark all read, search across chats, settings.

use super::Message;
use crate::desk::{Counters, Filter};
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};
use iced::widget::{Space, button, container, row, text};
use iced::{Alignment, Element, Length, Padding};

pub struct Header {
    pub counters: Counters,
    pub filter: Filter,
    pub palette: Palette,
    /// The connection's state and how long it has lasted, unless ready.
    pub connection: Option<String>,
}

impl Header {
    pub fn view<'a, M: Clone + 'a>(
        self,
        map: impl Fn(Message) -> M + Copy + 'a,
        settings: M,
    ) -> Element<'a, M> {
        let p = self.palette;
        let k = self.counters;
        let counter = |label: &'a str, value: usize, color: iced::Color| {
            row![
                text(value.to_string())
                    .size(TEXT)
                    .color(if value > 0 { color } else { p.muted }),
                text(label).size(SMALL).color(p.muted),
            ]
            .spacing(4)
            .align_y(Alignment::Center)
        };
        let filter = |label: &'a str, f: Filter| {
            button(text(label).size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::flat(p, self.filter == f))
                .on_press(map(Message::Filter(f)))
        };
        let counters = row![
            counter("support", k.support_chats, p.text),
            counter("waiting", k.waiting, p.waiting),
            counter("red", k.red, p.red),
            counter("breach", k.breach, p.breach),
            counter("unread chats", k.unread_chats, p.primary),
        ]
        .spacing(14)
        .align_y(Alignment::Center);
        let filters = row![
            filter("All", Filter::All),
            filter("Support", Filter::Support),
            filter("Waiting", Filter::Waiting),
            filter("Starred", Filter::Starred),
        ]
        .spacing(2);
        let connection: Element<'a, M> = match self.connection {
            Some(state) => text(state).size(SMALL).color(p.waiting).into(),
            None => Space::new().into(),
        };
        let bar = row![
            text("DutyDesk").size(TEXT).color(p.muted),
            filters,
            Space::new().width(Length::Fill),
            connection,
            counters,
            button(text("Mark all read").size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::outline(p))
                .on_press(map(Message::MarkAllRead)),
            button(text("Search chats").size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::outline(p))
                .on_press(map(Message::GlobalOpen)),
            button(text("Settings").size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::flat(p, false))
                .on_press(settings),
        ]
        .spacing(12)
        .align_y(Alignment::Center);
        container(bar)
            .padding(Padding::from([6, 10]))
            .width(Length::Fill)
            .style(style::bar(p))
            .into()
    }
}
