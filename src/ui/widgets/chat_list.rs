//! The virtualized one-line chat list. Only the rows in view (plus a small margin) are
//! built; fixed-height spacers above and below stand in for the rest, so the scrollable
//! keeps its true height and scrollbar with 20,000 chats (iced#1720: a full column of
//! thousands of rows stops responding).

use crate::desk::toolkit::tags::TagDef;
use crate::desk::{ChatId, ContentKind, RowView, Status};
use crate::ui::features::team::marks as team_marks;
use crate::ui::fonts;
use crate::ui::format;
use crate::ui::theme::Palette;
use crate::ui::widgets::one_line::one_line;
use crate::ui::widgets::style::{self, BOLD, SMALL, TEXT};
use crate::ui::widgets::tag_chips::{MAX_CHIPS, TagChips};
use i18n::t;
use iced::widget::{Row, Space, column, container, mouse_area, scrollable, text};
use iced::{Alignment, Element, Length, Padding};

/// One row's height. At most 28 px at the default font: twice Telegram Desktop's density.
pub const ROW_HEIGHT: f32 = 26.0;
/// The waiting column: a time ("1h05", "1 ч 05") or the alarm's word, which is longer in
/// some languages than any time.
const WAITING_WIDTH: f32 = 60.0;
/// Rows built beyond the visible ones on each side, so a scroll step never shows a gap.
pub const OVERSCAN: usize = 4;

pub const LIST_ID: &str = "chat-list";
/// A reminder on the chat, among the row's marks.
pub const REMINDER_MARK: char = '⏰';
/// What a row with an alarm and no wait shows in the waiting column.
pub fn alarm_label() -> String {
    t!("console-alarm")
}

/// Which rows to build for a scroll position: `first..first + count`.
pub fn window(offset_y: f32, viewport_height: f32, total: usize) -> (usize, usize) {
    let first = ((offset_y.max(0.0) / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
    let visible = (viewport_height.max(ROW_HEIGHT) / ROW_HEIGHT).ceil() as usize;
    let first = first.min(total);
    let count = (visible + 2 * OVERSCAN).min(total - first);
    (first, count)
}

/// What the list reports; the console maps these into its own messages.
#[derive(Debug, Clone)]
pub enum Event {
    Select(ChatId),
    Menu(ChatId),
    Scrolled { offset_y: f32, height: f32 },
}

pub struct List<'t> {
    /// The rows `first..first + rows.len()` of the filtered list.
    pub rows: Vec<RowView>,
    pub first: usize,
    pub total: usize,
    pub selected: Option<ChatId>,
    /// The desk's "now", for live waiting times.
    pub now: i64,
    pub palette: Palette,
    /// The tag definitions the rows' tags index (`Desk::toolkit().tags`).
    pub tags: &'t [TagDef],
}

impl<'t> List<'t> {
    pub fn view<'a, M: Clone + 'a>(self, on: impl Fn(Event) -> M + Copy + 'a) -> Element<'a, M>
    where
        't: 'a,
    {
        let p = self.palette;
        let above = self.first as f32 * ROW_HEIGHT;
        let below = self.total.saturating_sub(self.first + self.rows.len()) as f32 * ROW_HEIGHT;
        let mut items = column![Space::new().height(above)].width(Length::Fill);
        for r in self.rows {
            let selected = self.selected == Some(r.chat);
            items = items.push(row_view(r, selected, self.now, p, self.tags, on));
        }
        items = items.push(Space::new().height(below));
        scrollable(items)
            .id(LIST_ID)
            .height(Length::Fill)
            .on_scroll(move |v| {
                on(Event::Scrolled {
                    offset_y: v.absolute_offset().y,
                    height: v.bounds().height,
                })
            })
            .into()
    }
}

fn row_view<'a, M: Clone + 'a>(
    r: RowView,
    selected: bool,
    now: i64,
    p: Palette,
    tags: &'a [TagDef],
    on: impl Fn(Event) -> M + Copy + 'a,
) -> Element<'a, M> {
    let mark = team_marks::alarm_tooltip(status_mark(&r, p), &r, now, p);
    let assignee = team_marks::initials(&r, p);
    let mut flags = String::new();
    if r.pinned {
        flags.push(fonts::mark::PIN);
    }
    if r.starred {
        flags.push(fonts::mark::STAR);
    }
    if r.has_note {
        flags.push(fonts::mark::NOTE);
    }
    if r.reminder.is_some() {
        flags.push(REMINDER_MARK);
    }
    let title_color = if r.unread || r.status > Status::Normal {
        p.text
    } else {
        p.muted
    };
    let preview = preview_line(&r);
    let title = one_line(
        r.title,
        TEXT,
        if r.unread { BOLD } else { fonts::TEXT },
        title_color,
    );
    let waiting = match (r.waiting_since, r.status) {
        (Some(since), s) if s > Status::Normal => {
            let color = style::status_color(p, s).unwrap_or(p.muted);
            let label = format::waiting(now - since);
            text(if r.late { format!("{label}*") } else { label })
                .size(TEXT)
                .color(color)
        }
        // Nobody waits, yet a lead wants eyes on it: say so where the wait would be.
        (None, Status::Alarm) => text(alarm_label()).size(TEXT).color(p.alarm),
        _ => text(
            r.last_date
                .map(|d| format::time(d, now))
                .unwrap_or_default(),
        )
        .size(SMALL)
        .color(p.muted),
    };
    let unread = if r.unread {
        let label = if r.unread_count > 0 {
            r.unread_count.to_string()
        } else {
            String::new()
        };
        container(text(label).size(SMALL).color(p.surface))
            .padding(Padding::from([0, 5]))
            .height(16)
            .align_y(Alignment::Center)
            .style(style::card(p.primary, p.primary))
    } else {
        container(Space::new())
    };
    // Room for every cell at once: growing the row's children twice a row, every frame,
    // was a measurable part of the list's allocations.
    let mut line = Row::with_capacity(8).push(mark).push(
        container(text(flags).size(SMALL).font(fonts::MARKS).color(p.pin))
            .width(30)
            .align_x(Alignment::End),
    );
    // Only an assigned row gets the initials' column: the others keep their layout.
    if let Some(initials) = assignee {
        line = line.push(initials);
    }
    line = line.push(container(title).width(Length::FillPortion(4)));
    // Tags sit on the same line, between the title and the preview.
    if !r.tags.is_empty() {
        let mut chips = [None; MAX_CHIPS];
        let shown = r.tags.iter().filter_map(|t| tags.get(usize::from(t)));
        for (slot, tag) in chips.iter_mut().zip(shown) {
            let c = iced::Color::from_rgb8(tag.colour.r, tag.colour.g, tag.colour.b);
            *slot = Some((tag.label.as_str(), c));
        }
        line = line.push(TagChips {
            chips,
            text_color: p.surface,
            size: SMALL,
            font: fonts::TEXT,
        });
    }
    let line = line
        .push(
            container(one_line(preview, TEXT, fonts::TEXT, p.muted)).width(Length::FillPortion(5)),
        )
        .push(
            container(waiting)
                .width(WAITING_WIDTH)
                .align_x(Alignment::End),
        )
        .push(container(unread).width(34).align_x(Alignment::Center))
        .spacing(6)
        .align_y(Alignment::Center)
        .height(ROW_HEIGHT);
    let background = if selected { p.selection } else { p.surface };
    let chat = r.chat;
    mouse_area(
        container(line)
            .style(style::fill(background))
            .padding(Padding::from([0, 4])),
    )
    .on_press(on(Event::Select(chat)))
    .on_right_press(on(Event::Menu(chat)))
    .into()
}

/// A narrow coloured bar at the row's start: the status at a glance, even in peripheral view.
fn status_mark<'a, M: 'a>(r: &RowView, p: Palette) -> Element<'a, M> {
    let color = style::status_color(p, r.status);
    let bar = container(Space::new()).width(4).height(ROW_HEIGHT - 6.0);
    match color {
        Some(c) => bar.style(style::card(c, c)).into(),
        None => bar.into(),
    }
}

/// The last message, with media labelled so a photo without caption still says something.
pub fn preview_line(r: &RowView) -> String {
    let label = r.preview_content.and_then(media_label);
    match (label, r.preview.is_empty()) {
        (Some(label), true) => t!("console-preview-media", media = label),
        (Some(label), false) => t!(
            "console-preview-media-text",
            media = label,
            text = first_line(&r.preview)
        ),
        (None, _) => first_line(&r.preview).to_string(),
    }
}

/// What a message without text holds, in words; `None` for text.
pub fn media_label(kind: ContentKind) -> Option<String> {
    Some(match kind {
        ContentKind::Text => return None,
        ContentKind::Photo => t!("console-media-photo"),
        ContentKind::Document => t!("console-media-file"),
        ContentKind::Voice => t!("console-media-voice"),
        ContentKind::Sticker => t!("console-media-sticker"),
        ContentKind::Other => t!("console-media-other"),
    })
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_covers_view_and_clamps() {
        assert_eq!(window(0.0, 260.0, 20_000), (0, 18));
        let (first, count) = window(26_000.0, 520.0, 20_000);
        assert_eq!(first, 996);
        assert_eq!(count, 28);
        assert_eq!(window(0.0, 520.0, 5), (0, 5));
        assert_eq!(window(99_999.0, 520.0, 5), (5, 0));
    }
}
