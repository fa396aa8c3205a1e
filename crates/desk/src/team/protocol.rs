//! The duty-group protocol: the one place that builds and parses a team action's message.
//!
//! A team action is one Telegram message in the duty group: readable text first (written by
//! the app from its catalog, in the team's language), then one machine line:
//!
//! ```text
//! Anna raised an alarm on «ACME»: site down — https://t.me/c/1234/5678
//! #dutydesk v1 alarm chat=-1001234 msg=5678 reason=site%20down
//! ```
//!
//! - The machine line is the first line whose text (after leading whitespace) starts with
//!   `#dutydesk` (ASCII case ignored) followed by a space or the end of the line. `build`
//!   defuses any readable line that would look like one, so readable text never hijacks it.
//! - Then `v<version>`, the action's name, and `key=value` fields separated by spaces.
//!   Values are percent-encoded UTF-8: everything but printable ASCII, and `%` and `=`
//!   themselves, is written `%XX`, so a value keeps spaces, newlines, `=` and Unicode.
//! - Unknown keys are skipped (a later version may add some); an unknown version or action,
//!   a missing or repeated key, or a bad value is a `ProtocolError` saying which.
//! - Team settings are the `settings` action; its TOML document follows the machine line,
//!   in a ```` ``` ```` code block (or bare, when a Telegram app turned the fence into
//!   formatting).
//!
//! Parsing is linear in the text and never panics; a machine line longer than
//! `MAX_LINE_BYTES` or with more than `MAX_FIELDS` fields is refused before anything is
//! decoded, so hostile text costs at most one pass over itself.

use std::fmt;

use crate::model::{ChatId, MessageId, UserId};

/// The hashtag that opens a machine line (Telegram shows it as a tappable hashtag, which
/// lists every team action in the group).
pub const MARKER: &str = "#dutydesk";
/// The protocol version this client writes and reads.
pub const VERSION: u32 = 1;
/// A machine line longer than this is refused unread.
pub const MAX_LINE_BYTES: usize = 16 * 1024;
/// At most this many `key=value` fields on a machine line.
pub const MAX_FIELDS: usize = 32;
/// Telegram's limit for one text message, in characters: a built message longer than this
/// cannot be sent as one (see `fits_in_one_message`).
pub const MAX_MESSAGE_CHARS: usize = 4096;

/// What a team member decided, as one duty-group message carries it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Action {
    /// Alarm on a customer chat, optionally pointing at one of its messages, with a reason.
    RaiseAlarm {
        chat: ChatId,
        message: Option<MessageId>,
        reason: Option<String>,
    },
    ClearAlarm {
        chat: ChatId,
    },
    /// The sender takes the chat.
    Take {
        chat: ChatId,
    },
    /// The chat is assigned to `user` (a member of the duty group).
    Assign {
        chat: ChatId,
        user: UserId,
    },
    /// The chat is no longer assigned to anyone.
    Release {
        chat: ChatId,
    },
    /// The team's shared note on a chat (replaces the previous one).
    SetNote {
        chat: ChatId,
        text: String,
    },
    ClearNote {
        chat: ChatId,
    },
    /// Team settings: a TOML document (see `team::settings`), in force while pinned.
    PublishSettings {
        document: String,
    },
}

impl Action {
    /// The action's name on the machine line.
    pub fn name(&self) -> &'static str {
        match self {
            Action::RaiseAlarm { .. } => "alarm",
            Action::ClearAlarm { .. } => "clear-alarm",
            Action::Take { .. } => "take",
            Action::Assign { .. } => "assign",
            Action::Release { .. } => "release",
            Action::SetNote { .. } => "note",
            Action::ClearNote { .. } => "clear-note",
            Action::PublishSettings { .. } => "settings",
        }
    }

    /// The customer chat the action is about (none for settings).
    pub fn chat(&self) -> Option<ChatId> {
        match *self {
            Action::RaiseAlarm { chat, .. }
            | Action::ClearAlarm { chat }
            | Action::Take { chat }
            | Action::Assign { chat, .. }
            | Action::Release { chat }
            | Action::SetNote { chat, .. }
            | Action::ClearNote { chat } => Some(chat),
            Action::PublishSettings { .. } => None,
        }
    }
}

/// Why a message's machine line could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ProtocolError {
    /// No line starts with `#dutydesk`.
    NoMachineLine,
    LineTooLong {
        bytes: usize,
    },
    TooManyFields,
    MissingVersion,
    /// A version this client does not read (as written, shortened).
    UnsupportedVersion(String),
    MissingAction,
    UnknownAction(String),
    /// A field that is not `key=value` (as written, shortened).
    MalformedField(String),
    DuplicateKey(String),
    MissingKey {
        action: &'static str,
        key: &'static str,
    },
    BadValue {
        key: &'static str,
        problem: &'static str,
    },
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoMachineLine => write!(f, "no line starts with {MARKER}"),
            Self::LineTooLong { bytes } => {
                write!(f, "machine line of {bytes} bytes (limit {MAX_LINE_BYTES})")
            }
            Self::TooManyFields => write!(f, "more than {MAX_FIELDS} fields"),
            Self::MissingVersion => write!(f, "no version after {MARKER}"),
            Self::UnsupportedVersion(v) => {
                write!(
                    f,
                    "version `{v}` is not supported (this client reads v{VERSION})"
                )
            }
            Self::MissingAction => write!(f, "no action after the version"),
            Self::UnknownAction(a) => write!(f, "unknown action `{a}`"),
            Self::MalformedField(t) => write!(f, "field `{t}` is not key=value"),
            Self::DuplicateKey(k) => write!(f, "key `{k}` given twice"),
            Self::MissingKey { action, key } => write!(f, "`{action}` needs `{key}=`"),
            Self::BadValue { key, problem } => write!(f, "`{key}=`: {problem}"),
        }
    }
}

impl std::error::Error for ProtocolError {}

/// The message text for `action`: `readable` (lines that would pass for a machine line are
/// defused with a full-width `＃`), then the machine line, then for settings the document in
/// a code block.
pub fn build(readable: &str, action: &Action) -> String {
    let mut out = String::with_capacity(readable.len() + 64);
    // Split at anything a Telegram app or server might turn into a line break, not only
    // at '\n': a readable line must never become a machine line on the way.
    for piece in readable.split_inclusive(is_line_break) {
        let rest = piece.trim_start();
        if starts_with_marker(rest) {
            out.push_str(&piece[..piece.len() - rest.len()]);
            out.push('＃');
            out.push_str(&rest[1..]);
        } else {
            out.push_str(piece);
        }
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&machine_line(action));
    if let Action::PublishSettings { document } = action {
        out.push_str("\n```toml\n");
        out.push_str(document);
        out.push_str("\n```");
    }
    out
}

/// The machine line alone (no readable text, no settings body).
pub fn machine_line(action: &Action) -> String {
    let mut line = format!("{MARKER} v{VERSION} {}", action.name());
    let mut field = |key: &str, value: &str| {
        line.push(' ');
        line.push_str(key);
        line.push('=');
        encode_into(value, &mut line);
    };
    match action {
        Action::RaiseAlarm {
            chat,
            message,
            reason,
        } => {
            field("chat", &chat.to_string());
            if let Some(m) = message {
                field("msg", &m.to_string());
            }
            if let Some(r) = reason {
                field("reason", r);
            }
        }
        Action::ClearAlarm { chat }
        | Action::Take { chat }
        | Action::Release { chat }
        | Action::ClearNote { chat } => field("chat", &chat.to_string()),
        Action::Assign { chat, user } => {
            field("chat", &chat.to_string());
            field("user", &user.to_string());
        }
        Action::SetNote { chat, text } => {
            field("chat", &chat.to_string());
            field("text", text);
        }
        Action::PublishSettings { .. } => {}
    }
    line
}

/// Whether a built message can go out as one Telegram message.
pub fn fits_in_one_message(text: &str) -> bool {
    text.chars().count() <= MAX_MESSAGE_CHARS
}

/// Whether `text` has a machine line at all: the cheap test the Telegram layer runs on
/// every group message before handing it to the desk as a team message.
pub fn has_marker(text: &str) -> bool {
    find_machine_line(text).is_some()
}

/// Reads the action a message carries.
pub fn parse(text: &str) -> Result<Action, ProtocolError> {
    let (line, rest) = find_machine_line(text).ok_or(ProtocolError::NoMachineLine)?;
    if line.len() > MAX_LINE_BYTES {
        return Err(ProtocolError::LineTooLong { bytes: line.len() });
    }
    let mut tokens = line.split_ascii_whitespace();
    tokens.next(); // the marker
    let version = tokens.next().ok_or(ProtocolError::MissingVersion)?;
    if version != "v1" {
        return Err(ProtocolError::UnsupportedVersion(shorten(version)));
    }
    let name = tokens.next().ok_or(ProtocolError::MissingAction)?;
    let mut fields = Fields::default();
    for token in tokens {
        if fields.seen == MAX_FIELDS {
            return Err(ProtocolError::TooManyFields);
        }
        fields.seen += 1;
        let (key, value) = token
            .split_once('=')
            .filter(|(k, _)| !k.is_empty())
            .ok_or_else(|| ProtocolError::MalformedField(shorten(token)))?;
        fields.put(key, value)?;
    }
    let action = match name {
        "alarm" => Action::RaiseAlarm {
            chat: fields.int("alarm", "chat")?,
            message: fields.opt_int("msg")?,
            reason: fields.opt_text("reason")?,
        },
        "clear-alarm" => Action::ClearAlarm {
            chat: fields.int("clear-alarm", "chat")?,
        },
        "take" => Action::Take {
            chat: fields.int("take", "chat")?,
        },
        "assign" => Action::Assign {
            chat: fields.int("assign", "chat")?,
            user: fields.int("assign", "user")?,
        },
        "release" => Action::Release {
            chat: fields.int("release", "chat")?,
        },
        "note" => Action::SetNote {
            chat: fields.int("note", "chat")?,
            text: fields.opt_text("text")?.ok_or(ProtocolError::MissingKey {
                action: "note",
                key: "text",
            })?,
        },
        "clear-note" => Action::ClearNote {
            chat: fields.int("clear-note", "chat")?,
        },
        "settings" => Action::PublishSettings {
            document: settings_body(rest).to_owned(),
        },
        other => return Err(ProtocolError::UnknownAction(shorten(other))),
    };
    Ok(action)
}

/// The first machine line and the text after it (from the next line on).
fn find_machine_line(text: &str) -> Option<(&str, &str)> {
    let mut start = 0;
    while start <= text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[start..end].trim_start();
        if starts_with_marker(line) {
            let rest = text.get(end + 1..).unwrap_or("");
            return Some((line.trim_end_matches('\r'), rest));
        }
        start = end + 1;
    }
    None
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn starts_with_marker(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.len() >= MARKER.len()
        && bytes[..MARKER.len()].eq_ignore_ascii_case(MARKER.as_bytes())
        && bytes
            .get(MARKER.len())
            .is_none_or(|b| b.is_ascii_whitespace())
}

/// The settings document after the machine line: the inside of the first code block
/// (from the line after its opening fence to the last closing fence), or the bare text.
fn settings_body(rest: &str) -> &str {
    let Some(open) = rest.find("```") else {
        return rest.trim_end();
    };
    let after_fence = &rest[open + 3..];
    let Some(nl) = after_fence.find('\n') else {
        return "";
    };
    let inner = &after_fence[nl + 1..];
    let inner = match inner.rfind("```") {
        Some(close) => &inner[..close],
        None => inner,
    };
    inner.strip_suffix('\n').unwrap_or(inner)
}

/// The known fields of one machine line, raw (still percent-encoded).
#[derive(Default)]
struct Fields<'a> {
    seen: usize,
    chat: Option<&'a str>,
    msg: Option<&'a str>,
    user: Option<&'a str>,
    reason: Option<&'a str>,
    text: Option<&'a str>,
}

impl<'a> Fields<'a> {
    fn put(&mut self, key: &str, value: &'a str) -> Result<(), ProtocolError> {
        let (slot, name) = match key {
            "chat" => (&mut self.chat, "chat"),
            "msg" => (&mut self.msg, "msg"),
            "user" => (&mut self.user, "user"),
            "reason" => (&mut self.reason, "reason"),
            "text" => (&mut self.text, "text"),
            // A later version's field: skipped, so old clients still read new messages.
            _ => return Ok(()),
        };
        if slot.replace(value).is_some() {
            return Err(ProtocolError::DuplicateKey(name.to_owned()));
        }
        Ok(())
    }

    fn raw(&self, key: &'static str) -> Option<&'a str> {
        match key {
            "chat" => self.chat,
            "msg" => self.msg,
            "user" => self.user,
            "reason" => self.reason,
            _ => self.text,
        }
    }

    fn int(&self, action: &'static str, key: &'static str) -> Result<i64, ProtocolError> {
        self.opt_int(key)?
            .ok_or(ProtocolError::MissingKey { action, key })
    }

    fn opt_int(&self, key: &'static str) -> Result<Option<i64>, ProtocolError> {
        let Some(raw) = self.raw(key) else {
            return Ok(None);
        };
        raw.parse().map(Some).map_err(|_| ProtocolError::BadValue {
            key,
            problem: "not a whole number",
        })
    }

    fn opt_text(&self, key: &'static str) -> Result<Option<String>, ProtocolError> {
        self.raw(key).map(|raw| decode(raw, key)).transpose()
    }
}

/// Appends `value` percent-encoded: printable ASCII stays, except `%` and `=`.
fn encode_into(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in value.as_bytes() {
        if b.is_ascii_graphic() && b != b'%' && b != b'=' {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

fn decode(raw: &str, key: &'static str) -> Result<String, ProtocolError> {
    let bad = |problem| ProtocolError::BadValue { key, problem };
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .ok_or(bad("`%` without two hex digits"))?;
            let digit = |b: u8| char::from(b).to_digit(16);
            let (Some(hi), Some(lo)) = (digit(hex[0]), digit(hex[1])) else {
                return Err(bad("`%` without two hex digits"));
            };
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad("not UTF-8 once decoded"))
}

/// A token quoted in an error, cut to a readable length on a character boundary.
fn shorten(token: &str) -> String {
    const MAX: usize = 40;
    match token.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &token[..i]),
        None => token.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alarm_reads_back() {
        let a = Action::RaiseAlarm {
            chat: -1001234,
            message: Some(5678),
            reason: Some("site down".into()),
        };
        let text = build("Anna raised an alarm", &a);
        assert_eq!(
            text,
            "Anna raised an alarm\n#dutydesk v1 alarm chat=-1001234 msg=5678 reason=site%20down"
        );
        assert_eq!(parse(&text), Ok(a));
    }

    #[test]
    fn errors_say_what() {
        let p = |s: &str| parse(s).unwrap_err().to_string();
        assert_eq!(p("hello"), "no line starts with #dutydesk");
        assert!(p("#dutydesk v2 alarm chat=1").contains("`v2` is not supported"));
        assert_eq!(p("#dutydesk v1 dance chat=1"), "unknown action `dance`");
        assert_eq!(p("#dutydesk v1 take"), "`take` needs `chat=`");
        assert_eq!(p("#dutydesk v1 take chat=x"), "`chat=`: not a whole number");
        assert_eq!(
            p("#dutydesk v1 take chat=1 chat=2"),
            "key `chat` given twice"
        );
        assert_eq!(p("#dutydesk v1 take chat"), "field `chat` is not key=value");
        assert_eq!(
            p("#dutydesk v1 note chat=1 text=%zz"),
            "`text=`: `%` without two hex digits"
        );
    }

    #[test]
    fn unknown_keys_are_skipped_and_the_marker_needs_a_word_break() {
        assert_eq!(
            parse("#DutyDesk v1 take chat=7 priority=high"),
            Ok(Action::Take { chat: 7 })
        );
        assert_eq!(
            parse("#dutydesks v1 take chat=7"),
            Err(ProtocolError::NoMachineLine)
        );
    }

    #[test]
    fn a_value_too_long_for_telegram_is_refused_whole() {
        // Found by the property test: 6,000 characters of Unicode encode past the limit.
        let long = Action::SetNote {
            chat: 0,
            text: "a-00%0a%=\u{800}\u{10000}".repeat(500),
        };
        let text = build("", &long);
        assert!(!fits_in_one_message(&text));
        assert!(matches!(
            parse(&text),
            Err(ProtocolError::LineTooLong { .. })
        ));
    }

    #[test]
    fn settings_body_comes_with_or_without_a_fence() {
        let a = Action::PublishSettings {
            document: "[sla]\nred_minutes = 5".into(),
        };
        assert_eq!(parse(&build("Team settings", &a)), Ok(a.clone()));
        let bare = "Team settings\n#dutydesk v1 settings\n[sla]\nred_minutes = 5\n";
        assert_eq!(parse(bare), Ok(a));
    }
}
