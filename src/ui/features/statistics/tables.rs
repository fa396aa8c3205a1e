//! The screen's tables: first response and SLA per admin (the team first), per day, per
//! admin and day (the admin picked, or everyone), and the longest waits, each with a button
//! that opens its chat at the message it started with. Cells are the text forms of
//! `statistics::report`'s tables, the very numbers the CSV files and `dutydesk stats` carry;
//! the day tables show a month at a time (`PAGE_ROWS`), the newest first shown.

use super::view::section;
use super::{Loaded, Message, PAGE_ROWS, Statistics};
use crate::desk::Sender;
use crate::statistics::report::{self, Cell};
use crate::statistics::{Names, words};
use crate::ui::feature::ViewCtx;
use crate::ui::theme::Palette;
use crate::ui::widgets::style::{self, BOLD, SMALL};
use i18n::t;
use iced::widget::{Space, button, column, container, row, table, text};
use iced::{Alignment, Element, Length, Padding};
use std::rc::Rc;

/// An admin as the tables name them: the store's name, else the id in words.
pub fn admin_name(who: Sender, names: &Names) -> String {
    match who {
        Sender::User(u) => names.get(&u).cloned().unwrap_or_else(|| words::user(u)),
        Sender::Chat(c) => words::on_behalf_of_chat(c),
    }
}

/// Rows of cells under `columns`, those with a name on screen (as `dutydesk stats` prints):
/// a table's own rows (borrowed) or a page built for this view (`Rc`).
fn grid<'a, R>(columns: &'a [(&'static str, String)], rows: R, p: Palette) -> Element<'a, Message>
where
    R: AsRef<[Vec<Cell>]> + Clone + 'a,
{
    let shown: Vec<usize> = (0..columns.len())
        .filter(|&c| !columns[c].1.is_empty())
        .collect();
    let count = rows.as_ref().len();
    let columns = shown.into_iter().map(move |c| {
        let rows = rows.clone();
        table::column(
            text(columns[c].1.as_str())
                .size(SMALL)
                .font(BOLD)
                .color(p.muted),
            move |i: usize| text(rows.as_ref()[i][c].text.clone()).size(SMALL),
        )
    });
    table(columns, 0..count)
        .padding_x(8)
        .padding_y(3)
        .separator_x(0)
        .into()
}

pub fn admins<'a>(l: &'a Loaded, p: Palette) -> Element<'a, Message> {
    let t = &l.admins;
    section(
        t!("statistics-table-admins"),
        grid(&t.columns, t.rows.as_slice(), p),
        p,
    )
}

/// How many day rows the answer shown has.
pub fn day_rows(s: &Statistics) -> usize {
    s.loaded.as_ref().map_or(0, |l| l.answer.figures.days.len())
}

/// The per-admin-day rows of the admin picked (every admin's for the team).
pub fn admin_day_rows(s: &Statistics) -> Vec<usize> {
    let Some(l) = &s.loaded else {
        return Vec::new();
    };
    l.answer
        .figures
        .admin_days
        .iter()
        .enumerate()
        .filter(|(_, a)| s.admin.is_none_or(|who| a.responder == who))
        .map(|(i, _)| i)
        .collect()
}

/// The rows of one page (`None`: the last) and the line that moves between pages.
fn paged<'a>(
    rows: Vec<usize>,
    page: Option<usize>,
    step: fn(i32) -> Message,
    p: Palette,
) -> (Vec<usize>, Option<Element<'a, Message>>) {
    let total = rows.len();
    if total <= PAGE_ROWS {
        return (rows, None);
    }
    let pages = total.div_ceil(PAGE_ROWS);
    let page = page.unwrap_or(pages - 1).min(pages - 1);
    let first = page * PAGE_ROWS;
    let last = (first + PAGE_ROWS).min(total);
    let nav = |label: String, on: Option<Message>| {
        button(text(label).size(SMALL))
            .padding(Padding::from([1, 8]))
            .style(style::outline(p))
            .on_press_maybe(on)
    };
    let line = row![
        text(t!(
            "statistics-rows",
            first = first + 1,
            last = last,
            total = total
        ))
        .size(SMALL)
        .color(p.muted),
        nav(t!("statistics-earlier"), (page > 0).then(|| step(-1))),
        nav(t!("statistics-later"), (page + 1 < pages).then(|| step(1))),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    (rows[first..last].to_vec(), Some(line.into()))
}

pub fn days<'a>(l: &'a Loaded, s: &Statistics, p: Palette) -> Element<'a, Message> {
    let days = &l.answer.figures.days;
    let (rows, nav) = paged((0..days.len()).collect(), s.days_page, Message::DaysPage, p);
    let cells: Rc<[Vec<Cell>]> = rows
        .into_iter()
        .map(|i| report::day_row(&days[i]))
        .collect();
    let mut content = column![grid(&l.day_columns, cells, p)].spacing(6);
    if let Some(nav) = nav {
        content = content.push(nav);
    }
    section(t!("statistics-table-days"), content.into(), p)
}

pub fn admin_days<'a>(l: &'a Loaded, s: &Statistics, p: Palette) -> Element<'a, Message> {
    let (rows, nav) = paged(
        admin_day_rows(s),
        s.admin_days_page,
        Message::AdminDaysPage,
        p,
    );
    let mut content = column![].spacing(6);
    if rows.is_empty() {
        content = content.push(text(t!("statistics-no-waits")).size(SMALL).color(p.muted));
    } else {
        let admin_days = &l.answer.figures.admin_days;
        let names = &l.answer.names;
        let cells: Rc<[Vec<Cell>]> = rows
            .into_iter()
            .map(|i| report::admin_day_row(&admin_days[i], names))
            .collect();
        content = content.push(grid(&l.admin_day_columns, cells, p));
    }
    if let Some(nav) = nav {
        content = content.push(nav);
    }
    let title = match s.admin {
        Some(who) => format!(
            "{}: {}",
            t!("statistics-table-admin-days"),
            admin_name(who, &l.answer.names)
        ),
        None => t!("statistics-table-admin-days"),
    };
    section(title, content.into(), p)
}

/// The longest waits: the chat (its title as the desk shows it, masked where the toolkit
/// masks), when the wait started, how long, who answered (or "still waiting"), and Open.
pub fn longest<'a>(l: &'a Loaded, ctx: ViewCtx<'a>) -> Element<'a, Message> {
    let p = ctx.palette;
    let t = &l.longest;
    let waits = &l.answer.figures.longest;
    if waits.is_empty() {
        return section(
            t!("statistics-table-longest"),
            text(t!("statistics-no-waits"))
                .size(SMALL)
                .color(p.muted)
                .into(),
            p,
        );
    }
    let col = |name: &str| t.columns.iter().position(|c| c.0 == name).unwrap_or(0);
    let (started, wait, responder) = (col("started_local"), col("wait_secs"), col("responder"));
    let head = |s: String| text(s).size(SMALL).font(BOLD).color(p.muted);
    let columns = vec![
        table::column(head(words::chat()), move |i: usize| {
            let chat = waits[i].chat;
            let title = ctx
                .desk
                .row(chat)
                .map(|r| r.title)
                .unwrap_or_else(|| t!("statistics-chat-id", id = chat.to_string()));
            let e: Element<'a, Message> = text(title).size(SMALL).into();
            e
        }),
        table::column(head(words::started()), move |i: usize| {
            let e: Element<'a, Message> = text(t.rows[i][started].text.as_str()).size(SMALL).into();
            e
        }),
        table::column(head(words::wait()), move |i: usize| {
            let e: Element<'a, Message> = text(t.rows[i][wait].text.as_str()).size(SMALL).into();
            e
        }),
        table::column(head(words::admin()), move |i: usize| {
            let w = &waits[i];
            let e: Element<'a, Message> = if w.open {
                text(t!("statistics-waiting"))
                    .size(SMALL)
                    .color(p.red)
                    .into()
            } else {
                text(t.rows[i][responder].text.as_str()).size(SMALL).into()
            };
            e
        }),
        table::column(Space::new(), move |i: usize| {
            let w = &waits[i];
            let e: Element<'a, Message> = button(text(t!("statistics-open-chat")).size(SMALL))
                .padding(Padding::from([1, 8]))
                .style(style::outline(p))
                .on_press(Message::OpenWait {
                    chat: w.chat,
                    message: w.message,
                })
                .into();
            e
        }),
    ];
    let grid = table(columns, 0..waits.len())
        .padding_x(8)
        .padding_y(3)
        .separator_x(0);
    section(
        t!("statistics-table-longest"),
        container(grid).width(Length::Fill).into(),
        p,
    )
}
