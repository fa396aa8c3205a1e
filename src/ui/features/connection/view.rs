//! The connection settings screen: the state, TDLib's proxies with their actions, and the
//! form (a pasted link, kind, server, port, username and password or secret).

use i18n::t;
use iced::widget::{Column, Space, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length, Padding};

use super::{Connection, LINK, Message, PASSWORD, PORT, Ping, SECRET, SERVER, USERNAME};
use crate::proxy::{AddedProxy, ProxyType};
use crate::ui::feature::ViewCtx;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, SMALL, TEXT};

pub fn view<'a>(c: &'a Connection, ctx: ViewCtx<'a>) -> Element<'a, Message> {
    let p = ctx.palette;
    let state: Element<'a, Message> = match ctx.connection.and_then(|s| s.line(ctx.now)) {
        Some(line) => text(line).size(TEXT).color(p.waiting).into(),
        None if ctx.connection.is_some() => text(t!("connection-ready"))
            .size(TEXT)
            .color(p.muted)
            .into(),
        None => Space::new().into(),
    };
    let mut body = column![text(t!("connection-title")).size(20), state].spacing(10);
    if let Some(hint) = ctx.connection.and_then(|s| s.hint(ctx.now)) {
        body = body.push(text(hint).size(SMALL).color(p.muted));
    }
    body = body.push(in_use(c, p)).push(list(c, p)).push(form(c, p));
    body = body.push(
        button(text(t!("connection-back")).size(TEXT))
            .padding(Padding::from([5, 14]))
            .style(style::flat(p, false))
            .on_press(Message::Back),
    );
    let card = container(body.width(560))
        .padding(24)
        .style(style::card(p.surface, p.border));
    container(scrollable(
        container(card).center_x(Length::Fill).padding(20),
    ))
    .width(Length::Fill)
    .height(Length::Fill)
    .style(style::window(p))
    .into()
}

/// Which proxy TDLib uses, and the way back to a direct connection.
fn in_use(c: &Connection, p: Palette) -> Element<'_, Message> {
    match c.proxies.iter().find(|a| a.enabled) {
        Some(added) => row![
            text(t!("connection-through", proxy = added.proxy.label()))
                .size(TEXT)
                .width(Length::Fill),
            small_button(t!("connection-stop"), p, Message::Stop),
        ]
        .spacing(8)
        .align_y(Alignment::Center)
        .into(),
        None => text(t!("connection-direct")).size(TEXT).into(),
    }
}

fn list(c: &Connection, p: Palette) -> Column<'_, Message> {
    let mut list = column![text(t!("connection-list-title")).size(15)].spacing(6);
    if c.proxies.is_empty() {
        return list.push(text(t!("connection-list-empty")).size(SMALL).color(p.muted));
    }
    for added in &c.proxies {
        list = list.push(entry(c, added, p));
    }
    list
}

fn entry<'a>(c: &'a Connection, added: &'a AddedProxy, p: Palette) -> Element<'a, Message> {
    let id = added.id;
    let mut name = row![text(added.proxy.label()).size(TEXT)].spacing(6);
    if added.enabled {
        name = name.push(text(t!("connection-in-use")).size(SMALL).color(p.primary));
    }
    let mut actions = row![small_button(
        t!("connection-ping"),
        p,
        Message::PingEntry(id)
    )]
    .spacing(4)
    .align_y(Alignment::Center);
    if !added.enabled {
        actions = actions.push(small_button(t!("connection-use"), p, Message::Use(id)));
    }
    actions = actions
        .push(small_button(t!("connection-edit"), p, Message::Edit(id)))
        .push(small_button(
            t!("connection-remove"),
            p,
            Message::Remove(id),
        ));
    let mut line = column![
        row![name.width(Length::Fill), actions]
            .spacing(8)
            .align_y(Alignment::Center)
    ]
    .spacing(2);
    if let Some(ping) = c.pings.get(&id) {
        line = line.push(ping_text(ping, p));
    }
    line.into()
}

fn form(c: &Connection, p: Palette) -> Column<'_, Message> {
    let f = &c.form;
    let title = match c.editing.and_then(|id| c.entry(id)) {
        Some(added) => t!("connection-form-edit", proxy = added.proxy.label()),
        None => t!("connection-form-add"),
    };
    let link_placeholder = t!("connection-link");
    let mut form = column![
        row![
            text(title).size(15).width(Length::Fill),
            small_button(t!("connection-form-clear"), p, Message::Clear),
        ]
        .align_y(Alignment::Center),
        text_input(&link_placeholder, &c.link)
            .id(LINK)
            .size(TEXT)
            .padding(Padding::from([5, 8]))
            .style(style::input(p))
            .on_input(Message::Link),
    ]
    .spacing(8);
    match &c.link_note {
        Some(Ok(())) => form = form.push(note(t!("connection-link-filled"), p.muted)),
        Some(Err(e)) => form = form.push(note(e.clone(), p.red)),
        None => {}
    }
    let kinds = ProxyType::ALL.iter().fold(row![].spacing(2), |r, &kind| {
        r.push(
            button(text(kind.name()).size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::flat(p, f.kind == kind))
                .on_press(Message::Kind(kind)),
        )
    });
    // Labels above the fields: a filled field has no placeholder left to say what it is.
    let server = input(&f.server, SERVER, Message::Server, false, p);
    let port = input(&f.port, PORT, Message::Port, false, p);
    form = form.push(kinds).push(
        row![
            labelled(t!("connection-server"), server, p).width(Length::FillPortion(3)),
            labelled(t!("connection-port"), port, p).width(Length::FillPortion(1)),
        ]
        .spacing(8),
    );
    form = match f.kind {
        ProxyType::Mtproto => {
            let secret = input(&f.secret, SECRET, Message::Secret, true, p);
            form.push(labelled(t!("connection-secret"), secret, p))
        }
        ProxyType::Socks5 | ProxyType::Http => {
            let username = input(&f.username, USERNAME, Message::Username, false, p);
            let password = input(&f.password, PASSWORD, Message::Password, true, p);
            form.push(
                row![
                    labelled(t!("connection-username"), username, p),
                    labelled(t!("connection-password"), password, p),
                ]
                .spacing(8),
            )
        }
    };
    form = form.push(note(t!("connection-keyring-note"), p.muted));
    if let Some(error) = &c.error {
        form = form.push(text(error.as_str()).size(TEXT).color(p.red));
    }
    // The library's own words, smaller, under the plain ones.
    if let Some(details) = &c.details {
        form = form.push(note(details.clone(), p.muted));
    }
    let mut buttons = row![
        button(text(t!("connection-save")).size(TEXT + 1.0))
            .padding(Padding::from([6, 18]))
            .style(style::primary(p))
            .on_press_maybe((!c.busy).then_some(Message::Save)),
        button(text(t!("connection-ping")).size(TEXT + 1.0))
            .padding(Padding::from([6, 14]))
            .style(style::outline(p))
            .on_press(Message::Ping),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    if let Some(ping) = &c.ping {
        buttons = buttons.push(ping_text(ping, p));
    }
    form.push(buttons)
}

fn note<'a>(words: String, color: iced::Color) -> Element<'a, Message> {
    text(words).size(SMALL).color(color).into()
}

fn ping_text<'a>(ping: &Ping, p: Palette) -> Element<'a, Message> {
    let (words, color) = match ping {
        Ping::Running => (t!("connection-pinging"), p.muted),
        Ping::Answered(ms) => (t!("connection-ping-ms", ms = *ms), p.text),
        Ping::Failed(error) => (t!("connection-ping-failed", error = error.as_str()), p.red),
    };
    note(words, color)
}

/// A field with its label above it.
fn labelled<'a>(
    label: String,
    field: iced::widget::TextInput<'a, Message>,
    p: Palette,
) -> Column<'a, Message> {
    column![text(label).size(SMALL).color(p.muted), field]
        .spacing(3)
        .width(Length::Fill)
}

fn input<'a>(
    value: &'a str,
    id: &'static str,
    on: fn(String) -> Message,
    secure: bool,
    p: Palette,
) -> iced::widget::TextInput<'a, Message> {
    text_input("", value)
        .id(id)
        .secure(secure)
        .size(TEXT)
        .padding(Padding::from([5, 8]))
        .style(style::input(p))
        .on_input(on)
        .on_submit(Message::Save)
}

fn small_button<'a>(label: String, p: Palette, on: Message) -> Element<'a, Message> {
    button(text(label).size(SMALL))
        .padding(Padding::from([3, 8]))
        .style(style::outline(p))
        .on_press(on)
        .into()
}
