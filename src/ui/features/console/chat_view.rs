//! The open chat: its header and actions, the note, search in the chat, the chat's tasks
//! (`tasks::panel`), the history with staff and customers told apart (each message
//! selectable for a task), and the composer with its send states; the toolkit's parts
//! (`features::toolkit`) where they belong: the tools under the header, the quick-reply
//! picker over the composer, a guard's prompt under it.

use super::history::{Line, SendState};
use super::{COMPOSER_ID, ChatAction, HISTORY_ID, Message, NOTE_ID, OpenChat, SEARCH_ID};
use crate::desk::{Desk, Role, Sender, Status};
use crate::ui::features::tasks::Tasks;
use crate::ui::features::team::marks as team_marks;
use crate::ui::features::toolkit;
use crate::ui::format;
use crate::ui::theme::Palette;
use crate::ui::widgets::backdrop::backdrop;
use crate::ui::widgets::chat_list::media_label;
use crate::ui::widgets::spread::spread;
use crate::ui::widgets::style::{self, BOLD, SMALL, TEXT};
use i18n::t;
use iced::keyboard::{Key, key::Named};
use iced::widget::text::Wrapping;
use iced::widget::text_editor::{Binding, KeyPress};
use iced::widget::{
    Space, button, column, container, row, scrollable, text, text_editor, text_input,
};
use iced::{Alignment, Element, Length, Padding};

pub fn view<'a>(
    open: &'a OpenChat,
    kit: &'a toolkit::State,
    desk: &'a Desk,
    now: i64,
    own_name: &str,
    tasks: &'a Tasks,
    p: Palette,
) -> Element<'a, Message> {
    let chat = open.history.chat;
    let row_view = desk.row(chat);
    let title = row_view
        .as_ref()
        .map(|r| r.title.clone())
        .unwrap_or_default();
    let mut status_line = row![].spacing(10).align_y(Alignment::Center);
    if let Some(r) = &row_view {
        if let (Some(since), true) = (r.waiting_since, r.status > Status::Normal) {
            let color = style::status_color(p, r.status).unwrap_or(p.muted);
            let waiting = format::waiting(now - since);
            let status = match r.status {
                Status::Breach => t!("console-status-breach", waiting = waiting),
                Status::Red => t!("console-status-red", waiting = waiting),
                Status::Alarm => t!("console-status-alarm", waiting = waiting),
                _ => t!("console-status-waiting", waiting = waiting),
            };
            status_line = status_line.push(text(status).size(SMALL).color(color));
        } else if r.alarm {
            status_line = status_line.push(text(t!("console-alarm")).size(SMALL).color(p.alarm));
        }
        if !r.support {
            status_line = status_line.push(
                text(t!("console-not-a-support-chat"))
                    .size(SMALL)
                    .color(p.muted),
            );
        }
        if let Some(team) = team_marks::chat_status(r, now, p) {
            status_line = status_line.push(team);
        }
        if let Some(tier) = desk.tier_of(chat) {
            let t = tier.thresholds;
            status_line = status_line.push(
                text(t!(
                    "toolkit-tier-line",
                    tier = tier.label.as_str(),
                    red = t.red_after_secs / 60,
                    breach = t.breach_after_secs / 60
                ))
                .size(SMALL)
                .color(p.muted),
            );
        }
    }
    let action = |label: String, a: ChatAction| {
        button(text(label).size(SMALL))
            .padding(Padding::from([3, 8]))
            .style(style::flat(p, false))
            .on_press(Message::Act(chat, a))
    };
    let pinned = row_view.as_ref().is_some_and(|r| r.pinned);
    let starred = row_view.as_ref().is_some_and(|r| r.starred);
    // The title and status at the left, the actions at the right; the actions go below
    // when a long title or longer words leave no room beside it.
    let header = container(spread(
        column![text(title).size(15).wrapping(Wrapping::None), status_line].spacing(2),
        row![
            action(
                if pinned {
                    t!("console-unpin")
                } else {
                    t!("console-pin")
                },
                ChatAction::TogglePin
            ),
            action(
                if starred {
                    t!("console-unstar")
                } else {
                    t!("console-star")
                },
                ChatAction::ToggleStar
            ),
            action(t!("console-note"), ChatAction::EditNote),
            action(t!("console-mark-read"), ChatAction::MarkRead),
            action(t!("console-no-reply-needed"), ChatAction::NoReplyNeeded),
            button(text(t!("console-find")).size(SMALL))
                .padding(Padding::from([3, 8]))
                .style(style::flat(p, false))
                .on_press(Message::SearchOpen),
            button(text(t!("toolkit-tools")).size(SMALL))
                .padding(Padding::from([3, 8]))
                .style(style::flat(p, kit.tools_open))
                .on_press(Message::Toolkit(toolkit::Message::ToggleTools)),
        ]
        .extend(team_marks::note_button(
            desk,
            p,
            Message::Act(chat, ChatAction::SharedNote),
        ))
        .spacing(4)
        .align_y(Alignment::Center)
        .wrap()
        .align_x(Alignment::End),
        8.0,
    ))
    .padding(Padding::from([6, 10]))
    .style(style::bar(p));

    let mut body = column![header];
    if kit.tools_open {
        body = body.push(toolkit::tools::view(kit, chat, desk, now, p).map(Message::Toolkit));
    }
    match (&open.note, desk.note(chat)) {
        (Some(draft), _) => {
            body = body.push(
                container(
                    row![
                        text_input(&t!("console-note-placeholder"), draft)
                            .id(NOTE_ID)
                            .size(TEXT)
                            .padding(Padding::from([4, 8]))
                            .style(style::input(p))
                            .on_input(Message::NoteChanged)
                            .on_submit(Message::NoteSave),
                        button(text(t!("console-save-note")).size(SMALL))
                            .style(style::outline(p))
                            .on_press(Message::NoteSave),
                    ]
                    .spacing(6)
                    .align_y(Alignment::Center),
                )
                .padding(Padding::from([4, 10])),
            );
        }
        (None, Some(note)) => {
            body = body.push(
                container(
                    text(t!("console-note-shown", note = note))
                        .size(SMALL)
                        .color(p.text),
                )
                .padding(Padding::from([4, 10]))
                .width(Length::Fill)
                .style(style::fill(p.selection)),
            );
        }
        (None, None) => {}
    }
    if let Some(shared) = team_marks::shared_note(
        desk,
        chat,
        now,
        p,
        Message::Act(chat, ChatAction::SharedNote),
        Message::Act(chat, ChatAction::ClearSharedNote),
    ) {
        body = body.push(shared);
    }
    let highlighted = open
        .search
        .as_ref()
        .and_then(|s| s.hits.get(s.current))
        .map(|m| m.id);
    if let Some(search) = &open.search {
        let count = match (&search.searched, search.hits.len()) {
            (None, _) => String::new(),
            (Some(_), 0) => t!("console-search-no-results"),
            (Some(_), n) => t!(
                "console-search-position",
                current = search.current + 1,
                total = n
            ),
        };
        let mut bar = column![
            row![
                text_input(&t!("console-search-chat-placeholder"), &search.query)
                    .id(SEARCH_ID)
                    .size(TEXT)
                    .padding(Padding::from([4, 8]))
                    .style(style::input(p))
                    .on_input(Message::SearchQuery)
                    .on_submit(Message::SearchSubmit),
                text(count).size(SMALL).color(p.muted),
                button(text(t!("console-search-older")).size(SMALL))
                    .style(style::flat(p, false))
                    .on_press(Message::SearchJump(1)),
                button(text(t!("console-search-newer")).size(SMALL))
                    .style(style::flat(p, false))
                    .on_press(Message::SearchJump(-1)),
            ]
            .spacing(6)
            .align_y(Alignment::Center)
        ];
        if let Some(hit) = search.hits.get(search.current) {
            bar = bar.push(
                text(format!(
                    "{} · {}",
                    format::time(hit.date, now),
                    hit.preview.lines().next().unwrap_or("")
                ))
                .size(SMALL)
                .color(p.text)
                .wrapping(Wrapping::None),
            );
        }
        body = body.push(container(bar.spacing(4)).padding(Padding::from([4, 10])));
    }

    if let Some(panel) = tasks.panel(chat, p) {
        body = body.push(panel.map(Message::Tasks));
    }
    let mut lines = column![].spacing(4).padding(Padding::from([8, 12]));
    if open.history.loading {
        lines = lines.push(
            text(t!("console-history-loading"))
                .size(SMALL)
                .color(p.muted),
        );
    } else if open.history.complete && !open.history.lines.is_empty() {
        lines = lines.push(text(t!("console-history-start")).size(SMALL).color(p.muted));
    }
    for line in &open.history.lines {
        let card = message(line, open, desk, now, own_name, highlighted, p);
        let id = line.id.filter(|_| line.state == SendState::Delivered);
        lines = lines.push(tasks.selectable(chat, id, card, p, Message::Tasks));
    }
    let history = scrollable(lines)
        .id(HISTORY_ID)
        .anchor_bottom()
        .height(Length::Fill)
        .width(Length::Fill)
        .on_scroll(|v| Message::HistoryScrolled {
            from_top: v.absolute_offset_reversed().y,
        });
    body = body.push(history);
    if let Some(picker) = &kit.picker {
        let fill = super::kit::fill(open, desk, now, own_name);
        body = body.push(
            container(toolkit::picker::view(picker, desk, &fill, p).map(Message::Toolkit))
                .padding(Padding::from([0, 10])),
        );
    }
    body = body.push(composer(open, p));
    if let Some(prompt) = &kit.guard {
        body = body.push(
            container(toolkit::guard::view(prompt, desk, p).map(Message::Toolkit)).padding(
                Padding {
                    top: 0.0,
                    right: 10.0,
                    bottom: 6.0,
                    left: 10.0,
                },
            ),
        );
    }
    backdrop(
        container(body)
            .width(Length::Fill)
            .height(Length::Fill)
            .style(style::ink(p.text)),
        p.surface,
    )
    .into()
}

fn sender_name(sender: Sender, outgoing: bool, desk: &Desk, own_name: &str) -> String {
    match sender {
        _ if outgoing => own_name.to_string(),
        Sender::User(u) => desk
            .user_name(u)
            .map(|n| n.into_owned())
            .unwrap_or_else(|| t!("console-user-fallback", user = u)),
        Sender::Chat(c) => desk
            .row(c)
            .map(|r| r.title)
            .unwrap_or_else(|| t!("console-channel")),
    }
}

fn message<'a>(
    line: &'a Line,
    open: &'a OpenChat,
    desk: &'a Desk,
    now: i64,
    own_name: &str,
    highlighted: Option<i64>,
    p: Palette,
) -> Element<'a, Message> {
    let role = desk.role_of(line.sender, line.outgoing);
    let (name_color, background) = match role {
        Role::Staff => (p.success, p.staff),
        Role::Customer => (p.primary, p.customer),
    };
    let is_hit = line.id.is_some() && (line.id == highlighted || line.id == open.focus);
    let mut head = row![
        text(sender_name(line.sender, line.outgoing, desk, own_name))
            .size(SMALL)
            .font(BOLD)
            .color(name_color),
        text(if role == Role::Staff {
            t!("console-role-staff")
        } else {
            t!("console-role-customer")
        })
        .size(SMALL)
        .color(p.muted),
        text(format::time(line.date, now))
            .size(SMALL)
            .color(p.muted),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    match &line.state {
        SendState::Delivered => {}
        SendState::Pending => {
            head = head.push(text(t!("console-sending")).size(SMALL).color(p.muted))
        }
        SendState::Failed(error) => {
            head = head.push(
                text(t!("console-not-sent", error = error.as_str()))
                    .size(SMALL)
                    .color(p.red),
            );
            if let Some(local) = line.local {
                head = head.push(
                    button(text(t!("console-retry")).size(SMALL))
                        .padding(Padding::from([1, 8]))
                        .style(style::outline(p))
                        .on_press(Message::Retry(local)),
                );
            }
        }
    }
    if let Some(id) = line.id.filter(|_| line.state == SendState::Delivered) {
        head = head.push(Space::new().width(Length::Fill));
        head = head.push(
            button(text(t!("console-reply")).size(SMALL).color(p.muted))
                .padding(Padding::from([0, 6]))
                .style(style::flat(p, false))
                .on_press(Message::ReplyTo(id)),
        );
        head = head.push(Tasks::action(id, p).map(Message::Tasks));
    }
    let mut content = column![head].spacing(2);
    if let Some(target) = line.reply_to.and_then(|id| open.history.find(id)) {
        content = content.push(
            text(format!("↪ {}", target.text.lines().next().unwrap_or("")))
                .size(SMALL)
                .color(p.muted)
                .wrapping(Wrapping::None),
        );
    }
    if let Some(label) = media_label(line.content) {
        content = content.push(
            container(
                text(t!("console-preview-media", media = label))
                    .size(SMALL)
                    .color(p.muted),
            )
            .padding(Padding::from([2, 6]))
            .style(style::card(p.raised, p.border)),
        );
    }
    if !line.text.is_empty() {
        content = content.push(text(line.text.as_str()).size(TEXT));
    }
    let border = if is_hit {
        p.star
    } else if role == Role::Staff {
        p.staff
    } else {
        p.border
    };
    let card = container(content)
        .padding(Padding::from([4, 8]))
        .width(Length::Fill)
        .style(style::card(background, border));
    // The message the chat was opened at: the history scrolls to it (`console::jump`).
    if line.id.is_some() && line.id == open.focus {
        card.id(super::jump::FOCUS_ID).into()
    } else {
        card.into()
    }
}

fn composer(open: &OpenChat, p: Palette) -> Element<'_, Message> {
    let mut col = column![].spacing(4);
    if let Some(id) = open.reply_to {
        let quoted = open
            .history
            .find(id)
            .map(|l| l.text.lines().next().unwrap_or("").to_string())
            .unwrap_or_default();
        col = col.push(
            row![
                text(t!("console-replying-to", text = quoted))
                    .size(SMALL)
                    .color(p.muted)
                    .wrapping(Wrapping::None)
                    .width(Length::Fill),
                button(text(t!("console-cancel")).size(SMALL))
                    .style(style::flat(p, false))
                    .on_press(Message::CancelReply),
            ]
            .align_y(Alignment::Center),
        );
    }
    let editor = text_editor(&open.composer)
        .id(COMPOSER_ID)
        .placeholder(t!("console-composer-placeholder"))
        .size(TEXT)
        .height(Length::Shrink)
        .max_height(140)
        .padding(Padding::from([6, 8]))
        .style(style::editor(p))
        .on_action(Message::Composer)
        .key_binding(composer_keys);
    col = col.push(
        row![
            editor,
            button(text(t!("console-send")).size(TEXT))
                .padding(Padding::from([6, 14]))
                .style(style::primary(p))
                .on_press(Message::Send)
        ]
        .spacing(6)
        .align_y(Alignment::End),
    );
    container(col)
        .padding(Padding::from([6, 10]))
        .style(style::bar(p))
        .into()
}

/// Enter sends; Shift+Enter is a new line; everything else as usual.
fn composer_keys(press: KeyPress) -> Option<Binding<Message>> {
    if press.key == Key::Named(Named::Enter)
        && !press.modifiers.shift()
        && matches!(press.status, text_editor::Status::Focused { .. })
    {
        return Some(Binding::Custom(Message::Send));
    }
    Binding::from_key_press(press)
}
