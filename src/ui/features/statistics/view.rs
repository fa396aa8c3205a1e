//! The Statistics screen as drawn: the bar (back, period, custom range, refresh, export),
//! the lines under it (history being read, a range's mistake, the export's result), and the
//! body: loading, an error in words, the empty state, or the figures — summary cards, the
//! charts (active chats per hour, the live hour, messages per hour, first response per day,
//! the weekday × hour heatmap) and the tables (`tables.rs`), in a scrollable column that
//! fits a 1280 × 800 window.

use super::period::Choice;
use super::{BackfillStatus, Export, FROM_ID, Loaded, Message, Statistics, TO_ID, tables};
use crate::desk::figures::Figures;
use crate::statistics::report;
use crate::ui::feature::ViewCtx;
use crate::ui::theme::Palette;
use crate::ui::widgets::chart::{Chart, Kind, Series};
use crate::ui::widgets::chart_heatmap::Heatmap;
use crate::ui::widgets::spread::spread;
use crate::ui::widgets::style::{self, BOLD, SMALL, TEXT};
use i18n::t;
use iced::widget::{
    Space, button, canvas, column, container, pick_list, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length, Padding};

/// Heights of the charts.
const CHART: f32 = 170.0;
const HEATMAP: f32 = 190.0;

pub fn view<'a>(s: &'a Statistics, ctx: ViewCtx<'a>) -> Element<'a, Message> {
    let p = ctx.palette;
    let mut page = column![bar(s, p)];
    for line in lines(s, p) {
        page = page.push(line);
    }
    page = page.push(body(s, ctx));
    container(page)
        .width(Length::Fill)
        .height(Length::Fill)
        .style(style::window(p))
        .into()
}

fn bar<'a>(s: &'a Statistics, p: Palette) -> Element<'a, Message> {
    let mut left = row![
        button(text(t!("statistics-back")).size(TEXT))
            .padding(Padding::from([3, 10]))
            .style(style::outline(p))
            .on_press(Message::Back),
        text(t!("statistics-title")).size(15).font(BOLD),
    ]
    .spacing(12)
    .align_y(Alignment::Center);
    let mut periods = row![].spacing(2);
    for choice in Choice::ALL {
        periods = periods.push(
            button(text(choice.label()).size(TEXT))
                .padding(Padding::from([3, 10]))
                .style(style::flat(p, s.choice == choice))
                .on_press(Message::Period(choice)),
        );
    }
    left = left.push(periods);
    if s.choice == Choice::Custom {
        let field = |id: &'static str, value: &'a str, on: fn(String) -> Message| {
            text_input(&t!("statistics-date-placeholder"), value)
                .id(id)
                .size(TEXT)
                .width(110)
                .padding(Padding::from([3, 6]))
                .style(style::input(p))
                .on_input(on)
        };
        left = left.push(
            row![
                text(t!("statistics-from")).size(TEXT),
                field(FROM_ID, &s.from, Message::From),
                text(t!("statistics-to")).size(TEXT),
                field(TO_ID, &s.to, Message::To),
            ]
            .spacing(6)
            .align_y(Alignment::Center),
        );
    }
    let export = button(text(t!("statistics-export")).size(TEXT))
        .padding(Padding::from([3, 10]))
        .style(style::outline(p))
        .on_press_maybe(s.loaded.as_ref().map(|_| Message::Export));
    let right = row![
        button(text(t!("statistics-refresh")).size(TEXT))
            .padding(Padding::from([3, 10]))
            .style(style::flat(p, false))
            .on_press(Message::Refresh),
        export,
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    container(spread(left.wrap().vertical_spacing(6), right, 12.0))
        .padding(Padding::from([6, 10]))
        .width(Length::Fill)
        .style(style::bar(p))
        .into()
}

/// The lines under the bar: history being read, the custom range's mistake, the export.
fn lines(s: &Statistics, p: Palette) -> Vec<Element<'_, Message>> {
    let line = |content: Element<'static, Message>, color| -> Element<'static, Message> {
        container(content)
            .padding(Padding::from([4, 10]))
            .width(Length::Fill)
            .style(style::fill(color))
            .into()
    };
    let mut out = Vec::new();
    if let Some(words) = backfill_words(s.backfill) {
        out.push(line(
            text(words).size(SMALL).color(p.text).into(),
            p.selection,
        ));
    }
    if let Some(e) = s.range_error() {
        out.push(line(
            text(e.words()).size(SMALL).color(p.red).into(),
            p.surface,
        ));
    }
    match &s.export {
        Some(Export::Saved { folder, files }) => {
            let saved = t!(
                "statistics-exported",
                count = *files,
                folder = folder.display().to_string()
            );
            let open = button(text(t!("statistics-open-folder")).size(SMALL))
                .padding(Padding::from([1, 8]))
                .style(style::outline(p))
                .on_press(Message::OpenFolder);
            let content = row![
                text(saved).size(SMALL).color(p.text).width(Length::Fill),
                open
            ]
            .spacing(8)
            .align_y(Alignment::Center);
            out.push(line(content.into(), p.selection));
        }
        Some(Export::Failed(e)) => {
            out.push(line(
                text(e.clone()).size(SMALL).color(p.red).into(),
                p.surface,
            ));
        }
        None => {}
    }
    if let (Some(e), Some(Export::Saved { folder, .. })) = (&s.folder_error, &s.export) {
        let words = t!(
            "statistics-open-folder-failed",
            folder = folder.display().to_string(),
            error = e.as_str()
        );
        out.push(line(text(words).size(SMALL).color(p.red).into(), p.surface));
    }
    out
}

/// "Reading history 120/500 chats" while the backfill runs; what failed once it ended.
pub fn backfill_words(b: BackfillStatus) -> Option<String> {
    let (done, total) = (b.progress.chats_done, b.progress.chats_total);
    if b.running {
        return Some(match b.flood_secs {
            Some(secs) => t!(
                "statistics-backfill-flood",
                secs = secs,
                done = done,
                total = total
            ),
            None => t!("statistics-backfill", done = done, total = total),
        });
    }
    (b.progress.chats_failed > 0).then(|| {
        t!(
            "statistics-backfill-failed",
            failed = b.progress.chats_failed
        )
    })
}

fn body<'a>(s: &'a Statistics, ctx: ViewCtx<'a>) -> Element<'a, Message> {
    let p = ctx.palette;
    let notice = |words: String, color| -> Element<'a, Message> {
        container(text(words).size(TEXT).color(color))
            .padding(24)
            .width(Length::Fill)
            .into()
    };
    let shown = s.loaded.as_deref().filter(|l| match s.pending_period() {
        // A different period asked: the old figures would mislead.
        Some(period) => l.query.period == period,
        None => true,
    });
    let content: Element<'a, Message> = match (shown, &s.error) {
        (_, Some(e)) if shown.is_none() || s.pending.is_none() => {
            notice(t!("statistics-failed", error = e.as_str()), p.red)
        }
        (None, _) if s.loading() => notice(t!("statistics-loading"), p.muted),
        (None, _) => Space::new().into(),
        (Some(l), _) if l.answer.figures.is_empty() => empty(l, s, p),
        (Some(l), _) => figures(l, s, ctx),
    };
    scrollable(container(content).padding(Padding::from([8, 12])))
        .height(Length::Fill)
        .width(Length::Fill)
        .into()
}

/// What period the figures are of, and as of when.
fn heading<'a>(l: &'a Loaded, s: &Statistics, p: Palette) -> Element<'a, Message> {
    let f = &l.answer.figures;
    let cell = |key: &str| {
        l.summary
            .rows
            .iter()
            .find(|r| r[0].csv == key)
            .map(|r| r[1].text.clone())
            .unwrap_or_default()
    };
    let (first, last) = l.days;
    let mut words = t!(
        "statistics-shown",
        from = first.to_string(),
        to = last.to_string(),
        zone = f.zone.as_str(),
        as_of = cell("as_of")
    );
    if f.business_hours {
        words = format!("{words}; {}", t!("statistics-business-hours"));
    }
    let mut line = row![text(words).size(SMALL).color(p.muted)]
        .spacing(10)
        .align_y(Alignment::Center);
    if s.loading() {
        line = line.push(text(t!("statistics-loading")).size(SMALL).color(p.muted));
    }
    line.into()
}

fn empty<'a>(l: &'a Loaded, s: &'a Statistics, p: Palette) -> Element<'a, Message> {
    column![
        heading(l, s, p),
        container(
            column![
                text(t!("statistics-empty")).size(15).font(BOLD),
                text(t!("statistics-empty-hint")).size(TEXT).color(p.muted),
            ]
            .spacing(6)
        )
        .padding(20)
        .width(Length::Fill)
        .style(style::card(p.surface, p.border)),
        live_chart(l, p),
    ]
    .spacing(12)
    .into()
}

fn figures<'a>(l: &'a Loaded, s: &'a Statistics, ctx: ViewCtx<'a>) -> Element<'a, Message> {
    let p = ctx.palette;
    let f = &l.answer.figures;
    let c = &l.charts;
    let active = Chart {
        key: c.active_key(),
        kind: Kind::Bars,
        series: vec![Series {
            name: t!("statistics-series-active"),
            color: p.primary,
            values: &c.active,
        }],
        label: Box::new(|i| c.hour_label(i)),
        ticks: c.hour_ticks(),
        unit: t!("statistics-unit-chats"),
        value: whole,
        whole: true,
        palette: p,
    };
    let hourly = Chart {
        key: c.hourly_key(),
        kind: Kind::Bars,
        series: vec![
            Series {
                name: t!("statistics-series-customer"),
                color: p.primary,
                values: &c.customer,
            },
            Series {
                name: t!("statistics-series-staff"),
                color: p.success,
                values: &c.staff,
            },
        ],
        label: Box::new(|i| c.hour_label(i)),
        ticks: c.hour_ticks(),
        unit: t!("statistics-unit-messages"),
        value: whole,
        whole: true,
        palette: p,
    };
    let [avg, median, p90] = &c.response;
    let response = Chart {
        key: c.response_key(),
        kind: Kind::Lines,
        series: vec![
            Series {
                name: t!("statistics-series-average"),
                color: p.muted,
                values: avg,
            },
            Series {
                name: t!("statistics-series-median"),
                color: p.primary,
                values: median,
            },
            Series {
                name: t!("statistics-series-p90"),
                color: p.red,
                values: p90,
            },
        ],
        label: Box::new(|i| c.day_label(i)),
        ticks: c.day_ticks(),
        unit: t!("statistics-unit-minutes"),
        value: minutes,
        whole: false,
        palette: p,
    };
    let weekdays = crate::statistics::words::weekdays();
    let heatmap = Heatmap {
        key: c.heatmap_key(),
        cells: &f.heatmap,
        weekdays,
        readout: heat_readout,
        palette: p,
    };
    column![
        heading(l, s, p),
        cards(f, p),
        section(t!("statistics-chart-active"), chart(active, CHART), p),
        row![
            container(live_chart(l, p)).width(Length::FillPortion(2)),
            container(section(
                t!("statistics-chart-hourly"),
                chart(hourly, CHART),
                p
            ))
            .width(Length::FillPortion(3)),
        ]
        .spacing(12),
        row![
            container(section_with(
                t!("statistics-chart-response"),
                admin_picker(l, s),
                chart(response, CHART),
                p
            ))
            .width(Length::FillPortion(3)),
            container(section(
                t!("statistics-chart-heatmap"),
                canvas(heatmap).width(Length::Fill).height(HEATMAP).into(),
                p
            ))
            .width(Length::FillPortion(2)),
        ]
        .spacing(12),
        tables::admins(l, p),
        tables::days(l, s, p),
        tables::admin_days(l, s, p),
        tables::longest(l, ctx),
    ]
    .spacing(14)
    .into()
}

fn live_chart<'a>(l: &'a Loaded, p: Palette) -> Element<'a, Message> {
    let c = &l.charts;
    let live = Chart {
        key: c.live_key(),
        kind: Kind::Bars,
        series: vec![
            Series {
                name: t!("statistics-series-customer"),
                color: p.primary,
                values: &c.live_customer,
            },
            Series {
                name: t!("statistics-series-staff"),
                color: p.success,
                values: &c.live_staff,
            },
        ],
        label: Box::new(|i| c.minute_label(i)),
        ticks: c.live_ticks(),
        unit: t!("statistics-unit-messages"),
        value: whole,
        whole: true,
        palette: p,
    };
    section(t!("statistics-chart-live"), chart(live, CHART), p)
}

fn chart<'a>(chart: Chart<'a>, height: f32) -> Element<'a, Message> {
    canvas(chart).width(Length::Fill).height(height).into()
}

/// A titled box.
pub fn section<'a>(
    title: String,
    content: Element<'a, Message>,
    p: Palette,
) -> Element<'a, Message> {
    section_with(title, Space::new().into(), content, p)
}

/// A titled box with a control at the title's right.
pub fn section_with<'a>(
    title: String,
    control: Element<'a, Message>,
    content: Element<'a, Message>,
    p: Palette,
) -> Element<'a, Message> {
    // Regular, a size up: SemiBold's Cyrillic is laid out narrower than the layout tests
    // can tell a title that fits from one cut off.
    let head = spread(text(title).size(TEXT + 1.0).color(p.text), control, 8.0);
    container(column![head, content].spacing(6))
        .padding(Padding::from([8, 10]))
        .width(Length::Fill)
        .style(style::card(p.surface, p.border))
        .into()
}

/// Whose first responses the per-day chart and table show.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminChoice {
    pub who: Option<crate::desk::Sender>,
    pub name: String,
}

impl std::fmt::Display for AdminChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

pub fn admin_choices(l: &Loaded) -> Vec<AdminChoice> {
    let team = AdminChoice {
        who: None,
        name: t!("statistics-team"),
    };
    let admins = l.answer.figures.admins.iter().map(|a| AdminChoice {
        who: Some(a.responder),
        name: tables::admin_name(a.responder, &l.answer.names),
    });
    std::iter::once(team).chain(admins).collect()
}

fn admin_picker<'a>(l: &'a Loaded, s: &'a Statistics) -> Element<'a, Message> {
    let choices = admin_choices(l);
    let selected = choices.iter().find(|c| c.who == s.admin).cloned();
    row![
        text(t!("statistics-admin-filter")).size(SMALL),
        pick_list(choices, selected, |c: AdminChoice| Message::Admin(c.who))
            .text_size(SMALL)
            .padding(Padding::from([2, 6])),
    ]
    .spacing(6)
    .align_y(Alignment::Center)
    .into()
}

fn cards(f: &Figures, p: Palette) -> Element<'static, Message> {
    let share = |part: u32, whole: u32| {
        if whole == 0 {
            "–".to_string()
        } else {
            format!("{:.1}%", 100.0 * f64::from(part) / f64::from(whole))
        }
    };
    let secs = |v: Option<i64>| v.map_or("–".to_string(), report::duration);
    let sla = f.team.sla;
    let items = [
        (
            t!("statistics-card-customer"),
            f.customer_messages.to_string(),
        ),
        (t!("statistics-card-staff"), f.staff_messages.to_string()),
        (t!("statistics-card-answered"), f.team.answered.to_string()),
        (t!("statistics-card-open"), f.team.open.to_string()),
        (t!("statistics-card-median"), secs(f.team.median_secs)),
        (t!("statistics-card-p90"), secs(f.team.p90_secs)),
        (
            t!("statistics-card-before-red"),
            share(sla.within_red, sla.decided_red),
        ),
        (
            t!("statistics-card-before-breach"),
            share(sla.within_breach, sla.decided_breach),
        ),
    ];
    let mut cards = row![].spacing(8);
    for (label, value) in items {
        cards = cards.push(
            container(
                column![
                    text(value).size(20).font(BOLD),
                    text(label).size(SMALL).color(p.muted),
                ]
                .spacing(2),
            )
            .padding(Padding::from([6, 10]))
            .style(style::card(p.surface, p.border)),
        );
    }
    cards.wrap().vertical_spacing(8).into()
}

fn whole(v: f64) -> String {
    format!("{}", v.round() as i64)
}

/// Minutes with one decimal under ten, whole above (and a bare 0 at an axis' foot).
fn minutes(v: f64) -> String {
    if v == 0.0 {
        "0".to_string()
    } else if v < 10.0 {
        format!("{v:.1}")
    } else {
        format!("{}", v.round() as i64)
    }
}

fn heat_readout(weekday: &str, hour: usize, count: u32) -> String {
    t!(
        "statistics-heatmap-readout",
        weekday = weekday,
        hour = format!("{hour:02}"),
        count = count
    )
}
