//! The statistics as tables: what `dutydesk stats` prints and writes as CSV, built once
//! from `desk::figures::Figures` so the text and every CSV file carry the same numbers.
//! Each cell has a CSV form (plain numbers: seconds, counts; stable for scripts) and a
//! text form (durations as `1h 05m`, shares as percentages). Words live in `words.rs`.

use std::path::{Path, PathBuf};

use crate::desk::calendar::Zone;
use crate::desk::figures::{AdminDay, DayRow, Figures, SlaShare, Thresholds, WaitStats};
use crate::desk::{Sender, UnixTime};

use super::{Names, words};

/// One value, as CSV and as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub csv: String,
    pub text: String,
}

impl Cell {
    fn same(v: impl ToString) -> Cell {
        let s = v.to_string();
        Cell {
            csv: s.clone(),
            text: s,
        }
    }

    fn secs(v: Option<i64>) -> Cell {
        Cell {
            csv: v.map_or(String::new(), |s| s.to_string()),
            text: v.map_or("–".into(), duration),
        }
    }

    fn avg(v: Option<f64>) -> Cell {
        Cell {
            csv: v.map_or(String::new(), |s| format!("{s:.1}")),
            text: v.map_or("–".into(), |s| duration(s.round() as i64)),
        }
    }
}

/// A table: its CSV file suffix, title, column names (CSV and text) and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// `<base>-<name>.csv`.
    pub name: &'static str,
    pub title: String,
    pub columns: Vec<(&'static str, String)>,
    pub rows: Vec<Vec<Cell>>,
}

/// `1h 05m`, `12m 05s`, `45s`, `2d 03h`.
pub fn duration(secs: i64) -> String {
    let s = secs.max(0);
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m {:02}s", s / 60, s % 60),
        3600..86_400 => format!("{}h {:02}m", s / 3600, s % 3600 / 60),
        _ => format!("{}d {:02}h", s / 86_400, s % 86_400 / 3600),
    }
}

fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!(
            "{:.1}% ({part}/{whole})",
            100.0 * f64::from(part) / f64::from(whole)
        )
    }
}

/// An admin's cells: the stable id (`user:<id>`, `chat:<id>` for a message on behalf of a
/// chat) and the name, in CSV as its own column (empty when the store has none); in text,
/// the name or, without one, the id in words.
fn admin(s: Sender, names: &Names) -> [Cell; 2] {
    let name = match s {
        Sender::User(u) => names.get(&u).cloned(),
        Sender::Chat(_) => None,
    };
    let (csv, text) = match s {
        Sender::User(u) => (format!("user:{u}"), words::user(u)),
        Sender::Chat(c) => (format!("chat:{c}"), words::on_behalf_of_chat(c)),
    };
    [
        Cell {
            csv,
            text: name.clone().unwrap_or(text),
        },
        Cell {
            csv: name.unwrap_or_default(),
            text: String::new(),
        },
    ]
}

/// `2026-03-02 10:00 +01:00`: the offset tells a repeated hour's two occurrences apart.
fn local_time(zone: &Zone, t: UnixTime) -> String {
    let l = zone.local(t);
    let off = zone.offset_secs(t);
    let sign = if off < 0 { '-' } else { '+' };
    let off = off.unsigned_abs();
    format!(
        "{} {:02}:{:02} {sign}{:02}:{:02}",
        l.date,
        l.secs_of_day / 3600,
        l.secs_of_day % 3600 / 60,
        off / 3600,
        off % 3600 / 60
    )
}

/// `lead`, then the response-time and SLA columns shared by the admin and day tables.
fn with_wait_columns(
    lead: impl IntoIterator<Item = (&'static str, String)>,
) -> Vec<(&'static str, String)> {
    lead.into_iter()
        .chain([
            ("answered_waits", words::answered()),
            ("avg_secs", words::average()),
            ("median_secs", words::median()),
            ("p90_secs", words::p90()),
            ("max_secs", words::longest()),
            ("within_red", words::before_red()),
            ("decided_red", String::new()),
            ("within_breach", words::before_breach()),
            ("decided_breach", String::new()),
        ])
        .collect()
}

/// `lead`, then the cells of `with_wait_columns`.
fn with_wait_cells(lead: impl IntoIterator<Item = Cell>, w: &WaitStats) -> Vec<Cell> {
    let SlaShare {
        within_red,
        decided_red,
        within_breach,
        decided_breach,
    } = w.sla;
    let share = |part: u32, whole: u32| Cell {
        csv: part.to_string(),
        text: percent(part, whole),
    };
    let whole = |n: u32| Cell {
        csv: n.to_string(),
        text: String::new(),
    };
    let mut cells: Vec<Cell> = lead.into_iter().collect();
    cells.extend([
        Cell::same(w.answered),
        Cell::avg(w.avg_secs),
        Cell::secs(w.median_secs),
        Cell::secs(w.p90_secs),
        Cell::secs(w.max_secs),
        share(within_red, decided_red),
        whole(decided_red),
        share(within_breach, decided_breach),
        whole(decided_breach),
    ]);
    cells
}

/// Every table of the figures, in the order they are printed; admins named from `names`.
pub fn tables(f: &Figures, zone: &Zone, t: Thresholds, names: &Names) -> Vec<Table> {
    vec![
        summary(f, zone, t),
        admins(f, names),
        days(f),
        admin_days(f, names),
        hours(f, zone),
        heatmap(f),
        longest(f, zone, names),
    ]
}

/// The period, its zone, thresholds and totals: a metric and its value a row.
pub fn summary(f: &Figures, zone: &Zone, t: Thresholds) -> Table {
    let summary = vec![
        (
            "period_from",
            words::period(),
            Cell::same(local_time(zone, f.period.from)),
        ),
        (
            "period_to",
            String::new(),
            Cell::same(local_time(zone, f.period.to)),
        ),
        ("time_zone", words::zone(), Cell::same(&f.zone)),
        (
            "as_of",
            words::as_of(),
            Cell::same(local_time(zone, f.as_of)),
        ),
        (
            "business_hours",
            words::waits_measured(),
            Cell {
                csv: f.business_hours.to_string(),
                text: if f.business_hours {
                    words::business_hours()
                } else {
                    words::around_the_clock()
                },
            },
        ),
        (
            "red_secs",
            words::thresholds(),
            Cell {
                csv: t.red_secs.to_string(),
                text: format!("{} / {}", duration(t.red_secs), duration(t.breach_secs)),
            },
        ),
        ("breach_secs", String::new(), Cell::same(t.breach_secs)),
        (
            "customer_messages",
            words::customer_messages(),
            Cell::same(f.customer_messages),
        ),
        (
            "staff_messages",
            words::staff_messages(),
            Cell::same(f.staff_messages),
        ),
        ("open_waits", words::open(), Cell::same(f.team.open)),
    ];
    Table {
        name: "summary",
        title: words::summary(),
        columns: vec![("metric", String::new()), ("value", String::new())],
        rows: summary
            .into_iter()
            .map(|(key, label, value)| {
                vec![
                    Cell {
                        csv: key.into(),
                        text: label,
                    },
                    value,
                ]
            })
            .collect(),
    }
}

/// The team, then each admin: response times and SLA shares.
pub fn admins(f: &Figures, names: &Names) -> Table {
    let mut admins = Table {
        name: "admins",
        title: words::admins(),
        columns: with_wait_columns([("admin", words::admin()), ("admin_name", String::new())]),
        rows: vec![with_wait_cells(
            [
                Cell {
                    csv: "team".into(),
                    text: words::team(),
                },
                Cell::same(""),
            ],
            &f.team,
        )],
    };
    for a in &f.admins {
        admins
            .rows
            .push(with_wait_cells(admin(a.responder, names), &a.waits));
    }
    admins
}

/// The per-day table's columns; its rows are `day_row`s.
pub fn day_columns() -> Vec<(&'static str, String)> {
    with_wait_columns([
        ("date", words::date()),
        ("active_chats", words::active()),
        ("customer_messages", words::customer()),
        ("staff_messages", words::staff()),
        ("open_waits", words::open()),
    ])
}

/// One day's cells. The screen builds only the page it shows (a year has 365).
pub fn day_row(d: &DayRow) -> Vec<Cell> {
    with_wait_cells(
        [
            Cell::same(d.date),
            Cell::same(d.active_chats),
            Cell::same(d.customer),
            Cell::same(d.staff),
            Cell::same(d.waits.open),
        ],
        &d.waits,
    )
}

fn days(f: &Figures) -> Table {
    Table {
        name: "days",
        title: words::days(),
        columns: day_columns(),
        rows: f.days.iter().map(day_row).collect(),
    }
}

/// The per-admin-and-day table's columns; its rows are `admin_day_row`s.
pub fn admin_day_columns() -> Vec<(&'static str, String)> {
    with_wait_columns([
        ("date", words::date()),
        ("admin", words::admin()),
        ("admin_name", String::new()),
    ])
}

/// One admin's day, in cells. The screen builds only the page it shows: a busy team's year
/// has thousands, and their text took longer than the figures themselves.
pub fn admin_day_row(a: &AdminDay, names: &Names) -> Vec<Cell> {
    let [id, name] = admin(a.responder, names);
    with_wait_cells([Cell::same(a.date), id, name], &a.waits)
}

fn admin_days(f: &Figures, names: &Names) -> Table {
    Table {
        name: "admin-days",
        title: words::admin_days(),
        columns: admin_day_columns(),
        rows: f
            .admin_days
            .iter()
            .map(|a| admin_day_row(a, names))
            .collect(),
    }
}

fn hours(f: &Figures, zone: &Zone) -> Table {
    Table {
        name: "hours",
        title: words::hours(),
        columns: vec![
            ("start_unix", String::new()),
            ("local_time", words::hour()),
            ("active_chats", words::active()),
            ("customer_messages", words::customer()),
            ("staff_messages", words::staff()),
        ],
        rows: f
            .hours
            .iter()
            .map(|h| {
                vec![
                    Cell {
                        csv: h.start.to_string(),
                        text: String::new(),
                    },
                    Cell::same(local_time(zone, h.start)),
                    Cell::same(h.active_chats),
                    Cell::same(h.customer),
                    Cell::same(h.staff),
                ]
            })
            .collect(),
    }
}

fn heatmap(f: &Figures) -> Table {
    const HOUR_COLUMNS: [&str; 24] = [
        "h00", "h01", "h02", "h03", "h04", "h05", "h06", "h07", "h08", "h09", "h10", "h11", "h12",
        "h13", "h14", "h15", "h16", "h17", "h18", "h19", "h20", "h21", "h22", "h23",
    ];
    Table {
        name: "heatmap",
        title: words::heatmap(),
        columns: [("weekday", String::new())]
            .into_iter()
            .chain(HOUR_COLUMNS.iter().map(|&h| (h, h[1..].to_string())))
            .collect(),
        rows: f
            .heatmap
            .iter()
            .zip(words::weekdays())
            .enumerate()
            .map(|(i, (row, name))| {
                [Cell {
                    csv: (i + 1).to_string(),
                    text: name,
                }]
                .into_iter()
                .chain(row.iter().map(Cell::same))
                .collect()
            })
            .collect(),
    }
}

/// The longest waits of the period, the longest first.
pub fn longest(f: &Figures, zone: &Zone, names: &Names) -> Table {
    Table {
        name: "longest",
        title: words::longest_waits(),
        columns: vec![
            ("chat", words::chat()),
            ("message", words::message()),
            ("started_unix", String::new()),
            ("started_local", words::started()),
            ("wait_secs", words::wait()),
            ("open", String::new()),
            ("responder", words::admin()),
            ("responder_name", String::new()),
        ],
        rows: f
            .longest
            .iter()
            .map(|w| {
                let mut row = vec![
                    Cell::same(w.chat),
                    Cell::same(w.message.map_or(String::new(), |m| m.to_string())),
                    Cell {
                        csv: w.start.to_string(),
                        text: String::new(),
                    },
                    Cell::same(local_time(zone, w.start)),
                    Cell::secs(Some(w.wait_secs)),
                    Cell {
                        csv: w.open.to_string(),
                        text: if w.open {
                            words::still_open()
                        } else {
                            String::new()
                        },
                    },
                ];
                match w.responder {
                    Some(r) => row.extend(admin(r, names)),
                    None => row.extend([Cell::same(""), Cell::same("")]),
                }
                row
            })
            .collect(),
    }
}

/// The tables as aligned text, columns without a text name left out.
pub fn render_text(f: &Figures, tables: &[Table]) -> String {
    let mut out = format!("{}\n", words::title());
    if f.is_empty() {
        out.push_str(&words::no_data());
        out.push('\n');
    }
    for t in tables {
        let shown: Vec<usize> = (0..t.columns.len())
            .filter(|&i| t.name == "summary" || !t.columns[i].1.is_empty())
            .collect();
        let header: Vec<String> = shown.iter().map(|&i| t.columns[i].1.to_string()).collect();
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .filter(|r| t.name != "summary" || !r[0].text.is_empty())
            .map(|r| shown.iter().map(|&i| r[i].text.clone()).collect())
            .collect();
        let widths: Vec<usize> = (0..shown.len())
            .map(|c| {
                rows.iter()
                    .map(|r| r[c].chars().count())
                    .chain([header[c].chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        out.push_str(&format!("\n{}\n", t.title));
        let line = |cells: &[String]| {
            let mut s: String = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:<w$}  "))
                .collect();
            s.truncate(s.trim_end().len());
            s + "\n"
        };
        if t.name != "summary" {
            out.push_str(&line(&header));
        }
        for r in &rows {
            out.push_str(&line(r));
        }
    }
    out
}

/// The CSV text of one table (RFC 4180: a field with a comma, quote or newline is quoted).
pub fn csv(t: &Table) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = t
        .columns
        .iter()
        .map(|c| field(c.0))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for r in &t.rows {
        out.push_str(
            &r.iter()
                .map(|c| field(&c.csv))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

/// Where a table's CSV goes for `--csv <base>`: `<dir>/<stem>-<table>.csv`.
pub fn csv_path(base: &Path, table: &str) -> PathBuf {
    let stem = base
        .file_stem()
        .map_or_else(|| "stats".into(), |s| s.to_string_lossy().into_owned());
    base.with_file_name(format!("{stem}-{table}.csv"))
}

/// Writes every table's CSV beside `base`; returns the files written.
pub fn write_csv(base: &Path, tables: &[Table]) -> std::io::Result<Vec<PathBuf>> {
    if let Some(dir) = base.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    tables
        .iter()
        .map(|t| {
            let path = csv_path(base, t.name);
            std::fs::write(&path, csv(t)).map(|()| path)
        })
        .collect()
}
