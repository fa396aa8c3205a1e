//! A task before it exists: title, description, project, assignee, and the customer's
//! messages it quotes.
//!
//! The description is built from the quotes in the markup the tracker renders: each quote is
//! a header line (author, time, chat title, the message's `t.me` link where there is one) and
//! the message quoted below it. Times are written with the UTC offset the caller passes — no
//! clock, no time zone database, the same text on every machine. The admin edits the result
//! before it is sent; nothing here is translated (names, dates and links only).

use crate::config::{TrackerConfig, TrackerKind};

/// One quoted customer message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub author: String,
    /// The message's own date, seconds since the Unix epoch.
    pub unix_time: i64,
    /// The admin's UTC offset at that moment, in minutes (+180 for Moscow).
    pub utc_offset_minutes: i32,
    pub chat_title: String,
    /// `https://t.me/<chat>/<id>` or `https://t.me/c/<id>/<id>`, where Telegram has one.
    pub link: Option<String>,
    pub text: String,
}

impl Quote {
    /// `2025-03-14 09:26 +03:00`: the message's local time with its offset.
    pub fn time_text(&self) -> String {
        let offset = i64::from(self.utc_offset_minutes.clamp(-18 * 60, 18 * 60));
        let local = self.unix_time.saturating_add(offset * 60);
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let sign = if offset < 0 { '-' } else { '+' };
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02} {sign}{:02}:{:02}",
            secs / 3600,
            secs % 3600 / 60,
            offset.abs() / 60,
            offset.abs() % 60
        )
    }
}

/// Year, month, day of a day count since 1970-01-01 (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The markup a tracker renders in a description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// GitHub, GitLab, Linear, YouTrack; Redmine renders its `**` and `>` in Textile too.
    Markdown,
    /// Jira Server/Data Center (REST v2 and its form).
    JiraWiki,
    /// Jira Cloud (turned into its document format for the API) and generic templates.
    Plain,
    /// Bitrix24 task descriptions.
    BbCode,
}

impl Markup {
    pub fn for_kind(kind: TrackerKind) -> Markup {
        match kind {
            TrackerKind::GitHub
            | TrackerKind::GitLab
            | TrackerKind::Linear
            | TrackerKind::YouTrack
            | TrackerKind::Redmine => Markup::Markdown,
            TrackerKind::JiraServer => Markup::JiraWiki,
            TrackerKind::JiraCloud | TrackerKind::Generic => Markup::Plain,
            TrackerKind::Bitrix24 => Markup::BbCode,
        }
    }
}

/// A task as the form shows it; every field is the admin's to edit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub title: String,
    pub description: String,
    /// `None`: the tracker's default project (or none, and the tracker asks).
    pub project: Option<String>,
    pub assignee: Option<String>,
    /// The messages the task quotes, for the generic template's `{chat}`, `{link}`,
    /// `{author}`, `{date}` and for the app to link the task to them.
    pub quotes: Vec<Quote>,
}

impl Draft {
    /// The form's first state for `quotes` from `chat_id`: title from the first message,
    /// description from all of them, the chat's project, the default assignee.
    pub fn from_quotes(config: &TrackerConfig, chat_id: Option<i64>, quotes: Vec<Quote>) -> Draft {
        let project = match chat_id {
            Some(chat) => config.project_for(chat),
            None => config.default_project.as_deref(),
        };
        Draft {
            title: title_from(&quotes),
            description: describe(&quotes, Markup::for_kind(config.kind)),
            project: project.map(str::to_string),
            assignee: config.assignee.clone(),
            quotes,
        }
    }
}

/// The longest title taken from a message, in characters; the admin can type a longer one.
const TITLE_CHARS: usize = 120;

/// The first non-empty line of the first message, spaces collapsed, at most 120 characters
/// (cut at a word where one is near, ending with "…"). Empty when the message has no text.
pub fn title_from(quotes: &[Quote]) -> String {
    let Some(line) = quotes
        .first()
        .and_then(|q| q.text.lines().map(str::trim).find(|l| !l.is_empty()))
    else {
        return String::new();
    };
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= TITLE_CHARS {
        return line;
    }
    let cut: String = line.chars().take(TITLE_CHARS - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if cut[..space].chars().count() > TITLE_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

/// The description quoting every message, in `markup`.
pub fn describe(quotes: &[Quote], markup: Markup) -> String {
    quotes
        .iter()
        .map(|q| describe_one(q, markup))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn describe_one(q: &Quote, markup: Markup) -> String {
    let time = q.time_text();
    let text = q.text.trim_end_matches(['\n', '\r', ' ']);
    match markup {
        Markup::Markdown => {
            let mut head = format!(
                "**{}** · {time} · {}",
                escape_markdown(&q.author),
                escape_markdown(&q.chat_title)
            );
            if let Some(link) = &q.link {
                head.push_str(&format!(" · {link}"));
            }
            format!("{head}\n{}", quoted_lines(text, "> ", ">"))
        }
        Markup::Plain => {
            let mut head = format!("{} · {time} · {}", q.author, q.chat_title);
            if let Some(link) = &q.link {
                head.push_str(&format!(" · {link}"));
            }
            format!("{head}\n{}", quoted_lines(text, "> ", ">"))
        }
        Markup::JiraWiki => {
            let mut head = format!(
                "*{}* · {time} · {}",
                escape_jira(&q.author),
                escape_jira(&q.chat_title)
            );
            if let Some(link) = &q.link {
                head.push_str(&format!(" · [{link}]"));
            }
            format!("{head}\n{{quote}}\n{}\n{{quote}}", escape_jira(text))
        }
        Markup::BbCode => {
            let mut head = format!(
                "[B]{}[/B] · {time} · {}",
                escape_bbcode(&q.author),
                escape_bbcode(&q.chat_title)
            );
            if let Some(link) = &q.link {
                head.push_str(&format!(" · [URL={link}]{link}[/URL]"));
            }
            format!("{head}\n[QUOTE]{}[/QUOTE]", escape_bbcode(text))
        }
    }
}

fn quoted_lines(text: &str, prefix: &str, empty: &str) -> String {
    if text.is_empty() {
        return empty.to_string();
    }
    text.lines()
        .map(|l| {
            if l.trim().is_empty() {
                empty.to_string()
            } else {
                format!("{prefix}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Names and chat titles are shown as written, not as formatting.
fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A customer's `{quote}` or `*` must not close or open Jira's markup.
fn escape_jira(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '{' | '}' | '[' | ']' | '*' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// BBCode has no escape; breaking the bracket of a closing tag keeps the quote whole.
fn escape_bbcode(s: &str) -> String {
    s.replace("[/", "[\u{200B}/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str) -> Quote {
        Quote {
            author: "Anna *K*".into(),
            unix_time: 1_741_933_560, // 2025-03-14 06:26 UTC
            utc_offset_minutes: 180,
            chat_title: "ACME support".into(),
            link: Some("https://t.me/acme/42".into()),
            text: text.into(),
        }
    }

    #[test]
    fn time_is_written_with_the_given_offset() {
        let mut q = quote("x");
        assert_eq!(q.time_text(), "2025-03-14 09:26 +03:00");
        q.utc_offset_minutes = -330;
        assert_eq!(q.time_text(), "2025-03-14 00:56 -05:30");
        q.unix_time = 0;
        q.utc_offset_minutes = 0;
        assert_eq!(q.time_text(), "1970-01-01 00:00 +00:00");
        q.unix_time = -1;
        assert_eq!(q.time_text(), "1969-12-31 23:59 +00:00");
        q.unix_time = 951_782_400; // leap day
        assert_eq!(q.time_text(), "2000-02-29 00:00 +00:00");
    }

    #[test]
    fn title_is_the_first_line_cut_at_a_word() {
        assert_eq!(
            title_from(&[quote("\n  Site   is down \nsince 9")]),
            "Site is down"
        );
        let long = "word ".repeat(40);
        let title = title_from(&[quote(&long)]);
        assert!(title.ends_with("word…"), "{title}");
        assert!(title.chars().count() <= TITLE_CHARS);
        assert_eq!(title_from(&[quote("  \n ")]), "");
        assert_eq!(title_from(&[]), "");
    }

    #[test]
    fn markdown_quotes_every_line_and_escapes_the_header() {
        let d = describe(&[quote("line 1\n\nline 3")], Markup::Markdown);
        assert_eq!(
            d,
            "**Anna \\*K\\*** · 2025-03-14 09:26 +03:00 · ACME support · https://t.me/acme/42\n\
             > line 1\n>\n> line 3"
        );
    }

    #[test]
    fn jira_wiki_keeps_a_customer_quote_tag_inside_the_quote() {
        let d = describe(&[quote("a {quote} b")], Markup::JiraWiki);
        assert!(d.contains("{quote}\na \\{quote\\} b\n{quote}"), "{d}");
        assert!(d.contains("[https://t.me/acme/42]"), "{d}");
    }

    #[test]
    fn bbcode_cannot_be_closed_early() {
        let d = describe(&[quote("x [/QUOTE] y")], Markup::BbCode);
        assert_eq!(d.matches("[/QUOTE]").count(), 1, "{d}");
    }
}
