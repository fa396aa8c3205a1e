//! The left pane: the title filter, the virtualized chat list, the per-chat context menu
//! (at the pointer, or at the row from the keyboard) and the results of a search across
//! chats (grouped by chat).

use super::{ChatAction, Console, GLOBAL_SEARCH_ID, GlobalSearch, Message};
use crate::desk::{ChatId, Desk};
use crate::ui::format;
use crate::ui::theme::Palette;
use crate::ui::widgets::backdrop::backdrop;
use crate::ui::widgets::chat_list::{self, List, ROW_HEIGHT};
use crate::ui::widgets::popup::{Anchor, anchored, right_click_at};
use crate::ui::widgets::style::{self, SMALL, TEXT};
use i18n::t;
use iced::widget::text::Wrapping;
use iced::widget::{
    Space, button, column, container, opaque, row, scrollable, stack, text, text_input,
};
use iced::{Alignment, Element, Length, Padding};

pub const TITLE_FILTER_ID: &str = "title-filter";
/// The title filter's height above the list, padding included.
const FILTER_HEIGHT: f32 = 40.0;
/// A menu opened from the keyboard starts here, clear of the row's marks.
const MENU_INDENT: f32 = 40.0;
/// The context menu's container, for tests that check where it opened.
pub const MENU_ID: &str = "chat-menu";

pub fn view<'a>(
    console: &'a Console,
    desk: &'a Desk,
    rows: Vec<crate::desk::RowView>,
    first: usize,
    total: usize,
    now: i64,
    p: Palette,
) -> Element<'a, Message> {
    let filter = text_input(&t!("console-filter-placeholder"), &console.title_filter)
        .id(TITLE_FILTER_ID)
        .size(TEXT)
        .padding(Padding::from([4, 8]))
        .style(style::input(p))
        .on_input(Message::TitleFilter);
    let list = List {
        rows,
        first,
        total,
        selected: console.open_chat(),
        now,
        palette: p,
        tags: &desk.toolkit().tags,
    }
    .view(Message::List);
    let list: Element<'a, Message> = if total == 0 {
        let hint = if desk.is_empty() {
            t!("console-loading-chats")
        } else {
            t!("console-no-match")
        };
        container(text(hint).size(TEXT).color(p.muted))
            .padding(16)
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    } else {
        list
    };
    let mut layers = stack![column![container(filter).padding(6), list]]
        .width(Length::Fill)
        .height(Length::Fill);
    if let Some(chat) = console.menu
        && let Some(menu) = menu(chat, desk, p)
    {
        let anchor = match console.menu_at {
            Some(pointer) => Anchor::at(pointer),
            None => row_anchor(console, desk, chat),
        };
        // Only the menu itself is opaque: a click beside it reaches the list (and, like a
        // click anywhere else, closes the menu).
        layers = layers.push(anchored(opaque(menu), anchor).on_press_outside(Message::CloseMenu));
    }
    if let Some(global) = &console.global {
        layers = layers.push(opaque(global_search(global, desk, now, p)));
    }
    // The pane's own coordinates are the menu layer's: a right click is reported in them.
    backdrop(
        container(right_click_at(layers, Message::RightClickAt)).style(style::ink(p.text)),
        p.surface,
    )
    .into()
}

/// Under the chat's row (over it near the bottom), for a menu opened from the keyboard;
/// at the top of the list when the row is filtered out or scrolled away.
fn row_anchor(console: &Console, desk: &Desk, chat: ChatId) -> Anchor {
    let top = desk
        .position(&console.list_filter(), chat)
        .map_or(-ROW_HEIGHT, |i| i as f32 * ROW_HEIGHT - console.offset_y)
        .clamp(-ROW_HEIGHT, console.viewport - ROW_HEIGHT);
    Anchor {
        x: MENU_INDENT,
        below: FILTER_HEIGHT + top + ROW_HEIGHT,
        above: FILTER_HEIGHT + top,
    }
}

/// The context menu of one chat. Every item also has a key (shown beside it).
fn menu<'a>(chat: ChatId, desk: &Desk, p: Palette) -> Option<Element<'a, Message>> {
    let r = desk.row(chat)?;
    let item = |label: String, keys: &'a str, action: ChatAction| {
        button(
            row![
                text(label).size(TEXT).width(Length::Fill),
                text(keys).size(SMALL).color(p.muted)
            ]
            .spacing(16)
            .align_y(Alignment::Center),
        )
        .width(Length::Fill)
        .padding(Padding::from([4, 10]))
        .style(style::flat(p, false))
        .on_press(Message::Act(chat, action))
    };
    let mut items = column![
        container(
            text(r.title.clone())
                .size(SMALL)
                .color(p.muted)
                .wrapping(Wrapping::None)
        )
        .padding(Padding::from([4, 10]))
        .clip(true),
        item(
            if r.pinned {
                t!("console-unpin")
            } else {
                t!("console-pin")
            },
            "Ctrl+P",
            ChatAction::TogglePin
        ),
    ];
    if r.pinned {
        items = items
            .push(item(
                t!("console-move-pin-up"),
                "Alt+Shift+Up",
                ChatAction::PinUp,
            ))
            .push(item(
                t!("console-move-pin-down"),
                "Alt+Shift+Down",
                ChatAction::PinDown,
            ));
    }
    items = items.push(item(
        if r.alarm {
            t!("console-clear-alarm")
        } else {
            t!("console-raise-alarm")
        },
        "Ctrl+E",
        ChatAction::ToggleAlarm,
    ));
    if desk.settings().staff.duty_group.is_some() {
        for (label, keys, action) in team_items(&r, desk) {
            items = items.push(item(label, keys, action));
        }
    }
    items = items
        .push(item(
            if r.starred {
                t!("console-unstar")
            } else {
                t!("console-star")
            },
            "Ctrl+S",
            ChatAction::ToggleStar,
        ))
        .push(item(
            if r.has_note {
                t!("console-edit-note")
            } else {
                t!("console-add-note")
            },
            "Ctrl+N",
            ChatAction::EditNote,
        ))
        .push(item(
            t!("console-mark-read"),
            "Ctrl+R",
            ChatAction::MarkRead,
        ))
        .push(item(
            t!("console-no-reply-needed"),
            "Ctrl+D",
            ChatAction::NoReplyNeeded,
        ))
        .push(item(
            if r.support {
                t!("console-not-support")
            } else {
                t!("console-treat-as-support")
            },
            "",
            ChatAction::ToggleSupport,
        ))
        .push(
            button(text(t!("console-close")).size(TEXT).color(p.muted))
                .padding(Padding::from([4, 10]))
                .style(style::flat(p, false))
                .on_press(Message::CloseMenu),
        );
    Some(
        container(items.width(240))
            .id(MENU_ID)
            .padding(4)
            .style(style::card(p.surface, p.border))
            .into(),
    )
}

/// The team's items of a chat's menu (with a duty group): Take, or Release when it is
/// this account's; Assign to…; Release someone else's; the shared note.
fn team_items(r: &crate::desk::RowView, desk: &Desk) -> Vec<(String, &'static str, ChatAction)> {
    let mine = r
        .assignee
        .as_ref()
        .is_some_and(|a| desk.own_user() == Some(a.user));
    let mut items = vec![if mine {
        (i18n::t!("team-menu-release"), "Ctrl+G", ChatAction::Take)
    } else {
        (i18n::t!("team-menu-take"), "Ctrl+G", ChatAction::Take)
    }];
    items.push((
        i18n::t!("team-menu-assign"),
        "Ctrl+Shift+G",
        ChatAction::AssignTo,
    ));
    if r.assignee.is_some() && !mine {
        items.push((i18n::t!("team-menu-release"), "", ChatAction::Release));
    }
    items.push((
        i18n::t!("team-menu-shared-note"),
        "",
        ChatAction::SharedNote,
    ));
    items
}

fn global_search<'a>(
    global: &'a GlobalSearch,
    desk: &'a Desk,
    now: i64,
    p: Palette,
) -> Element<'a, Message> {
    let input = text_input(&t!("console-search-all-placeholder"), &global.query)
        .id(GLOBAL_SEARCH_ID)
        .size(TEXT)
        .padding(Padding::from([4, 8]))
        .style(style::input(p))
        .on_input(Message::GlobalQuery)
        .on_submit(Message::GlobalSubmit);
    let mut results = column![].spacing(8).width(Length::Fill);
    for (chat, hits) in &global.groups {
        let title = desk
            .row(*chat)
            .map(|r| r.title)
            .unwrap_or_else(|| t!("console-chat-fallback", chat = *chat));
        let mut group = column![
            button(
                row![
                    text(title).size(TEXT),
                    text(t!("console-search-found", count = hits.len()))
                        .size(SMALL)
                        .color(p.muted)
                ]
                .spacing(8)
            )
            .padding(Padding::from([2, 6]))
            .style(style::flat(p, false))
            .on_press(Message::GlobalPick(*chat)),
        ];
        for hit in hits.iter().take(5) {
            group = group.push(
                row![
                    text(format::time(hit.date, now))
                        .size(SMALL)
                        .color(p.muted)
                        .width(70),
                    container(
                        text(hit.preview.lines().next().unwrap_or("").to_string())
                            .size(SMALL)
                            .wrapping(Wrapping::None)
                    )
                    .width(Length::Fill)
                    .clip(true),
                ]
                .padding(Padding {
                    left: 14.0,
                    ..Padding::ZERO
                }),
            );
        }
        results = results.push(group);
    }
    let status: Element<'a, Message> = match (&global.error, &global.searched) {
        (Some(e), _) => text(t!("console-search-failed", error = e.as_str()))
            .size(SMALL)
            .color(p.red)
            .into(),
        (None, Some(q)) if global.groups.is_empty() => {
            text(t!("console-search-nothing", query = q.as_str()))
                .size(SMALL)
                .color(p.muted)
                .into()
        }
        (None, Some(_)) => text(t!(
            "console-search-chats-found",
            count = global.groups.len()
        ))
        .size(SMALL)
        .color(p.muted)
        .into(),
        (None, None) => text(t!("console-search-hint"))
            .size(SMALL)
            .color(p.muted)
            .into(),
    };
    container(
        column![
            row![
                input,
                button(text(t!("console-close")).size(TEXT))
                    .style(style::flat(p, false))
                    .on_press(Message::Escape)
            ]
            .spacing(6)
            .align_y(Alignment::Center),
            status,
            scrollable(results).height(Length::Fill),
            Space::new().height(4),
        ]
        .spacing(6),
    )
    .padding(8)
    .width(Length::Fill)
    .height(Length::Fill)
    .style(style::card(p.surface, p.border))
    .into()
}

/// The rows to build for the current scroll position.
pub fn visible(console: &Console, desk: &Desk) -> (Vec<crate::desk::RowView>, usize, usize) {
    let filter = console.list_filter();
    let total = desk.len(&filter);
    let (first, count) = chat_list::window(console.offset_y, console.viewport, total);
    let rows = desk.rows(&filter, first..first + count);
    (rows, first, total)
}
