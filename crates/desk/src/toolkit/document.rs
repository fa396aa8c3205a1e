//! The toolkit's settings as written: the team's in the sections of the duty group's pinned
//! settings document, the admin's own under `[toolkit]` in the config file. One reader for
//! both, so a key means the same in either and every error names its line and dotted key.
//!
//! In: the document's text (and, for the config file, that its sections sit under
//! `toolkit.`). Out: `ToolkitDoc`, or the first `ToolkitError` in the order written.
//!
//! ```toml
//! [[quick_replies]]
//! name = "Password reset"
//! text = "Hello {customer_first_name}, the reset link is on its way (ETA {eta})."
//! fields = ["ticket"]          # free fields beyond eta and id, optional
//!
//! [tags.vip]
//! label = "VIP"                # optional, the key otherwise
//! colour = "gold"              # #rgb, #rrggbb or a name (red, orange, gold, …)
//! tier = "vip"                 # optional, a tier of this document
//! chats = [-1001234567890]     # optional: chats this document tags
//!
//! [sla_tiers.vip]
//! label = "VIP"
//! red_minutes = 4
//! breach_minutes = 5
//! chats = []                   # optional: chats held to this tier whatever their tags
//!
//! [[guards]]
//! name = "Secrets"
//! words = ["password:"]
//! patterns = ["*.corp.example.com"]
//! cards = true                 # card numbers (Luhn-checked)
//! action = "block"             # or "warn"
//! ```
//!
//! The config file's `[toolkit]` also takes `alerts_chats = [...]` (this admin's alerts
//! chats, beside the team's `[alerts] chats`) and `mask_customers = true` (the local
//! switch that masks customers as for a contractor).

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::guards::{Guard, GuardAction, Pattern, PatternProblem};
use super::tags::{Colour, MAX_TAGS, TagDef};
use super::template::{Template, TemplateProblem};
use super::tiers::{Thresholds, Tier};
use crate::model::ChatId;

/// The most templates, tiers and guards one document defines.
pub const MAX_TEMPLATES: usize = 2000;
pub const MAX_TIERS: usize = 32;
pub const MAX_GUARDS: usize = 64;
/// A longer config document is refused unread.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;
const MAX_MINUTES: i64 = 7 * 24 * 60;

/// The toolkit sections of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ToolkitDoc {
    pub templates: Vec<Template>,
    pub tags: Vec<TagDef>,
    pub tiers: Vec<Tier>,
    pub guards: Vec<Guard>,
    /// The config file's own (the team's are `TeamSettings::alerts_chats`).
    pub alerts_chats: Vec<ChatId>,
    /// The config file's local switch.
    pub mask_customers: bool,
}

/// Where a document comes from: it decides which sections it holds and how keys are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The team settings document: the toolkit's sections at its top level, beside the
    /// team's own (which this reader leaves to `team::settings`).
    Team,
    /// The config file: everything under `[toolkit]`; keys are named `toolkit.…`.
    Config,
}

/// What is wrong in a toolkit section, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolkitError {
    /// 1-based line in the document.
    pub line: usize,
    /// Dotted key (`quick_replies[2].text`, `toolkit.tags.vip.colour`); empty for syntax.
    pub key: String,
    pub problem: ToolkitProblem,
}

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolkitProblem {
    /// The TOML parser's own words (English).
    Syntax(String),
    TooLong,
    UnknownKey {
        known: &'static [&'static str],
    },
    WrongType {
        expected: Expected,
        found: &'static str,
    },
    Missing,
    Empty,
    NumberOutOfRange,
    MinutesOutOfRange {
        max: i64,
    },
    BreachBeforeRed,
    Template(TemplateProblem),
    Pattern(PatternProblem),
    NotAColour,
    /// A tag names a tier this document does not define.
    UnknownTier(String),
    NotAnAction,
    TooMany {
        max: usize,
    },
    /// A second template or guard of the same name.
    Duplicate(String),
}

/// What a key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Table,
    ListOfTables,
    Text,
    WholeNumber,
    TrueOrFalse,
    ListOfText,
    ListOfChatIds,
}

impl std::fmt::Display for ToolkitProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Syntax(m) => f.write_str(m),
            Self::TooLong => write!(f, "the document is too long"),
            Self::UnknownKey { known } => write!(f, "unknown key (known: {})", known.join(", ")),
            Self::WrongType { expected, found } => {
                write!(f, "expected {expected:?}, found {found}")
            }
            Self::Missing => write!(f, "missing"),
            Self::Empty => write!(f, "must not be empty"),
            Self::NumberOutOfRange => write!(f, "number out of range"),
            Self::MinutesOutOfRange { max } => write!(f, "expected 1 to {max} minutes"),
            Self::BreachBeforeRed => write!(f, "must not be before red_minutes"),
            Self::Template(p) => write!(f, "template: {p:?}"),
            Self::Pattern(p) => write!(f, "pattern: {p:?}"),
            Self::NotAColour => write!(f, "not a colour (#rgb, #rrggbb or a name)"),
            Self::UnknownTier(t) => write!(f, "no tier `{t}` in [sla_tiers]"),
            Self::NotAnAction => write!(f, "expected \"warn\" or \"block\""),
            Self::TooMany { max } => write!(f, "more than {max}"),
            Self::Duplicate(name) => write!(f, "`{name}` is defined twice"),
        }
    }
}

impl std::fmt::Display for ToolkitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.key.is_empty() {
            write!(f, "line {}: {}", self.line, self.problem)
        } else {
            write!(
                f,
                "line {}, key `{}`: {}",
                self.line, self.key, self.problem
            )
        }
    }
}

impl std::error::Error for ToolkitError {}

type Table<'i> = DeTable<'i>;
type Value<'i> = Spanned<DeValue<'i>>;

const CONFIG_KEYS: &[&str] = &[
    "quick_replies",
    "tags",
    "sla_tiers",
    "guards",
    "alerts_chats",
    "mask_customers",
];

/// Reads the toolkit sections of a document.
pub fn parse(document: &str, origin: Origin) -> Result<ToolkitDoc, ToolkitError> {
    let doc = Doc {
        text: document,
        prefix: match origin {
            Origin::Team => "",
            Origin::Config => "toolkit.",
        },
    };
    if document.len() > MAX_DOCUMENT_BYTES {
        return Err(doc.error(0, "", ToolkitProblem::TooLong));
    }
    let root = DeTable::parse(document).map_err(|e| ToolkitError {
        line: doc.line(e.span().map_or(0, |s| s.start)),
        key: String::new(),
        problem: ToolkitProblem::Syntax(e.message().lines().next().unwrap_or("").trim().into()),
    })?;
    let mut out = ToolkitDoc::default();
    let sections: &Table<'_> = match origin {
        Origin::Team => root.get_ref(),
        Origin::Config => match root.get_ref().get("toolkit") {
            Some(v) => doc.table("toolkit", v)?,
            None => return Ok(out),
        },
    };
    // Tiers first: tags name them wherever they are written.
    if let Some(tiers) = sections.get("sla_tiers") {
        doc.tiers(doc.table(&doc.key("sla_tiers"), tiers)?, &mut out)?;
    }
    for (key, value) in in_order(sections) {
        let name: &str = key.get_ref().as_ref();
        match name {
            "quick_replies" => doc.templates(value, &mut out)?,
            "tags" => doc.tags(doc.table(&doc.key(name), value)?, &mut out)?,
            "guards" => doc.guards(value, &mut out)?,
            "sla_tiers" => {}
            "alerts_chats" if origin == Origin::Config => {
                out.alerts_chats = doc.chat_ids(&doc.key(name), value)?;
            }
            "mask_customers" if origin == Origin::Config => {
                out.mask_customers = doc.boolean(&doc.key(name), value)?;
            }
            _ if origin == Origin::Team => {}
            _ => {
                let problem = ToolkitProblem::UnknownKey { known: CONFIG_KEYS };
                return Err(doc.error(key.span().start, &doc.key(name), problem));
            }
        }
    }
    Ok(out)
}

/// A table's entries in the order written, so the first error reported is the first one
/// in the document.
fn in_order<'t, 'i>(
    table: &'t Table<'i>,
) -> Vec<(&'t Spanned<std::borrow::Cow<'i, str>>, &'t Value<'i>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

/// The document's text, for lines, and how its keys are named.
struct Doc<'a> {
    text: &'a str,
    prefix: &'static str,
}

impl Doc<'_> {
    fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    fn error(&self, offset: usize, key: &str, problem: ToolkitProblem) -> ToolkitError {
        ToolkitError {
            line: self.line(offset),
            key: key.to_owned(),
            problem,
        }
    }

    fn wrong(&self, key: &str, value: &Value<'_>, expected: Expected) -> ToolkitError {
        let found = value.get_ref().type_str();
        self.error(
            value.span().start,
            key,
            ToolkitProblem::WrongType { expected, found },
        )
    }

    fn table<'t, 'i>(
        &self,
        key: &str,
        value: &'t Value<'i>,
    ) -> Result<&'t Table<'i>, ToolkitError> {
        value
            .get_ref()
            .as_table()
            .ok_or_else(|| self.wrong(key, value, Expected::Table))
    }

    fn string(&self, key: &str, value: &Value<'_>) -> Result<String, ToolkitError> {
        match value.get_ref() {
            DeValue::String(s) => Ok(s.to_string()),
            _ => Err(self.wrong(key, value, Expected::Text)),
        }
    }

    /// A string that is not blank.
    fn text(&self, key: &str, value: &Value<'_>) -> Result<String, ToolkitError> {
        let s = self.string(key, value)?;
        if s.trim().is_empty() {
            return Err(self.error(value.span().start, key, ToolkitProblem::Empty));
        }
        Ok(s)
    }

    fn boolean(&self, key: &str, value: &Value<'_>) -> Result<bool, ToolkitError> {
        value
            .get_ref()
            .as_bool()
            .ok_or_else(|| self.wrong(key, value, Expected::TrueOrFalse))
    }

    fn int(&self, key: &str, value: &Value<'_>) -> Result<i64, ToolkitError> {
        match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .map_err(|_| self.error(value.span().start, key, ToolkitProblem::NumberOutOfRange)),
            _ => Err(self.wrong(key, value, Expected::WholeNumber)),
        }
    }

    fn list<'t, 'i>(
        &self,
        key: &str,
        value: &'t Value<'i>,
        of: Expected,
    ) -> Result<&'t [Value<'i>], ToolkitError> {
        match value.get_ref() {
            DeValue::Array(a) => Ok(a.as_ref()),
            _ => Err(self.wrong(key, value, of)),
        }
    }

    fn strings(&self, key: &str, value: &Value<'_>) -> Result<Vec<String>, ToolkitError> {
        self.list(key, value, Expected::ListOfText)?
            .iter()
            .map(|v| self.text(key, v))
            .collect()
    }

    fn chat_ids(&self, key: &str, value: &Value<'_>) -> Result<Vec<ChatId>, ToolkitError> {
        self.list(key, value, Expected::ListOfChatIds)?
            .iter()
            .map(|v| match v.get_ref() {
                DeValue::Integer(_) => self.int(key, v),
                _ => Err(self.wrong(key, v, Expected::ListOfChatIds)),
            })
            .collect()
    }

    /// Each `key = value` of an entry, checked against the keys it may have.
    fn entries<'t, 'i>(
        &self,
        at: &str,
        table: &'t Table<'i>,
        known: &'static [&'static str],
    ) -> Result<Vec<(String, &'t str, &'t Value<'i>)>, ToolkitError> {
        let mut out = Vec::new();
        for (key, value) in in_order(table) {
            let name: &'t str = key.get_ref().as_ref();
            let dotted = format!("{at}.{name}");
            if !known.contains(&name) {
                let problem = ToolkitProblem::UnknownKey { known };
                return Err(self.error(key.span().start, &dotted, problem));
            }
            out.push((dotted, name, value));
        }
        Ok(out)
    }

    /// The tables of an array of tables (`[[quick_replies]]`), with their dotted keys.
    fn array_of_tables<'t, 'i>(
        &self,
        name: &str,
        value: &'t Value<'i>,
        max: usize,
    ) -> Result<Vec<(String, &'t Value<'i>, &'t Table<'i>)>, ToolkitError> {
        let section = self.key(name);
        let items = self.list(&section, value, Expected::ListOfTables)?;
        if items.len() > max {
            return Err(self.error(
                value.span().start,
                &section,
                ToolkitProblem::TooMany { max },
            ));
        }
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let at = format!("{section}[{}]", i + 1);
                match item.get_ref().as_table() {
                    Some(t) => Ok((at, item, t)),
                    None => Err(self.wrong(&at, item, Expected::ListOfTables)),
                }
            })
            .collect()
    }

    fn templates(&self, value: &Value<'_>, out: &mut ToolkitDoc) -> Result<(), ToolkitError> {
        const KNOWN: &[&str] = &["name", "text", "fields"];
        for (at, item, table) in self.array_of_tables("quick_replies", value, MAX_TEMPLATES)? {
            let (mut name, mut text, mut fields) = (None, None, Vec::new());
            for (key, field, v) in self.entries(&at, table, KNOWN)? {
                match field {
                    "name" => name = Some((self.text(&key, v)?, key, v)),
                    "text" => text = Some((self.text(&key, v)?, key, v)),
                    _ => fields = self.strings(&key, v)?,
                }
            }
            let missing = |k: &str| {
                self.error(
                    item.span().start,
                    &format!("{at}.{k}"),
                    ToolkitProblem::Missing,
                )
            };
            let (name, name_key, name_value) = name.ok_or_else(|| missing("name"))?;
            let (text, text_key, text_value) = text.ok_or_else(|| missing("text"))?;
            if out.templates.iter().any(|t| t.name == name) {
                let problem = ToolkitProblem::Duplicate(name);
                return Err(self.error(name_value.span().start, &name_key, problem));
            }
            let template = Template::new(&name, &text, &fields).map_err(|e| ToolkitError {
                line: self.template_line(text_value, &text, e.offset),
                key: text_key.clone(),
                problem: ToolkitProblem::Template(e.problem),
            })?;
            out.templates.push(template);
        }
        Ok(())
    }

    /// The line of byte `offset` of a string value's text: found in the value's source
    /// (what is written there may be escaped), else counted from where the value starts.
    fn template_line(&self, value: &Value<'_>, text: &str, offset: usize) -> usize {
        let span = value.span();
        let source = self.text.get(span.clone()).unwrap_or("");
        let piece = text.get(offset..).map(|rest| {
            let end = rest.find('}').map_or(rest.len(), |e| e + 1);
            &rest[..end.min(rest.len())]
        });
        if let Some(at) = piece.filter(|p| !p.is_empty()).and_then(|p| source.find(p)) {
            return self.line(span.start + at);
        }
        let lines_before = text.get(..offset).map_or(0, |t| t.matches('\n').count());
        let opens_a_line = source.starts_with("\"\"\"\n")
            || source.starts_with("'''\n")
            || source.starts_with("\"\"\"\r\n")
            || source.starts_with("'''\r\n");
        self.line(span.start) + lines_before + usize::from(opens_a_line)
    }

    fn tiers(&self, table: &Table<'_>, out: &mut ToolkitDoc) -> Result<(), ToolkitError> {
        const KNOWN: &[&str] = &["label", "red_minutes", "breach_minutes", "chats"];
        let section = self.key("sla_tiers");
        if table.len() > MAX_TIERS {
            return Err(self.error(0, &section, ToolkitProblem::TooMany { max: MAX_TIERS }));
        }
        for (key, value) in in_order(table) {
            let tier_key: &str = key.get_ref().as_ref();
            let at = format!("{section}.{tier_key}");
            let entry = self.table(&at, value)?;
            let (mut label, mut red, mut breach, mut chats) = (None, None, None, Vec::new());
            for (dotted, field, v) in self.entries(&at, entry, KNOWN)? {
                match field {
                    "label" => label = Some(self.text(&dotted, v)?),
                    "chats" => chats = self.chat_ids(&dotted, v)?,
                    _ => {
                        let minutes = self.int(&dotted, v)?;
                        if !(1..=MAX_MINUTES).contains(&minutes) {
                            let problem = ToolkitProblem::MinutesOutOfRange { max: MAX_MINUTES };
                            return Err(self.error(v.span().start, &dotted, problem));
                        }
                        if field == "red_minutes" {
                            red = Some(minutes * 60);
                        } else {
                            breach = Some((minutes * 60, dotted, v.span().start));
                        }
                    }
                }
            }
            let missing = |k: &str| {
                self.error(
                    value.span().start,
                    &format!("{at}.{k}"),
                    ToolkitProblem::Missing,
                )
            };
            let red = red.ok_or_else(|| missing("red_minutes"))?;
            let (breach, breach_key, breach_at) =
                breach.ok_or_else(|| missing("breach_minutes"))?;
            if breach < red {
                return Err(self.error(breach_at, &breach_key, ToolkitProblem::BreachBeforeRed));
            }
            out.tiers.push(Tier {
                key: tier_key.to_owned(),
                label: label.unwrap_or_else(|| tier_key.to_owned()),
                thresholds: Thresholds::new(red, breach),
                chats,
            });
        }
        Ok(())
    }

    fn tags(&self, table: &Table<'_>, out: &mut ToolkitDoc) -> Result<(), ToolkitError> {
        const KNOWN: &[&str] = &["label", "colour", "color", "tier", "chats"];
        let section = self.key("tags");
        for (key, value) in in_order(table) {
            let tag_key: &str = key.get_ref().as_ref();
            let at = format!("{section}.{tag_key}");
            if out.tags.len() >= MAX_TAGS {
                return Err(self.error(
                    key.span().start,
                    &at,
                    ToolkitProblem::TooMany { max: MAX_TAGS },
                ));
            }
            let entry = self.table(&at, value)?;
            let mut tag = TagDef {
                key: tag_key.to_owned(),
                label: tag_key.to_owned(),
                colour: Colour::rgb(0x7a, 0x80, 0x88),
                tier: None,
                chats: Vec::new(),
            };
            for (dotted, field, v) in self.entries(&at, entry, KNOWN)? {
                match field {
                    "label" => tag.label = self.text(&dotted, v)?,
                    "colour" | "color" => {
                        tag.colour = Colour::parse(&self.string(&dotted, v)?).ok_or_else(|| {
                            self.error(v.span().start, &dotted, ToolkitProblem::NotAColour)
                        })?;
                    }
                    "tier" => {
                        let tier = self.text(&dotted, v)?;
                        if !out.tiers.iter().any(|t| t.key == tier) {
                            let problem = ToolkitProblem::UnknownTier(tier);
                            return Err(self.error(v.span().start, &dotted, problem));
                        }
                        tag.tier = Some(tier);
                    }
                    _ => tag.chats = self.chat_ids(&dotted, v)?,
                }
            }
            out.tags.push(tag);
        }
        Ok(())
    }

    fn guards(&self, value: &Value<'_>, out: &mut ToolkitDoc) -> Result<(), ToolkitError> {
        const KNOWN: &[&str] = &["name", "words", "patterns", "cards", "action"];
        for (at, item, table) in self.array_of_tables("guards", value, MAX_GUARDS)? {
            let mut guard = Guard {
                name: String::new(),
                action: GuardAction::Warn,
                words: Vec::new(),
                patterns: Vec::new(),
                cards: false,
            };
            let mut named = false;
            for (dotted, field, v) in self.entries(&at, table, KNOWN)? {
                match field {
                    "name" => {
                        guard.name = self.text(&dotted, v)?;
                        named = true;
                    }
                    "words" => {
                        guard.words = self
                            .strings(&dotted, v)?
                            .iter()
                            .map(|w| w.chars().flat_map(char::to_lowercase).collect())
                            .collect();
                    }
                    "patterns" => {
                        for p in self.list(&dotted, v, Expected::ListOfText)? {
                            let source = self.text(&dotted, p)?;
                            let pattern = Pattern::new(&source).map_err(|problem| {
                                self.error(
                                    p.span().start,
                                    &dotted,
                                    ToolkitProblem::Pattern(problem),
                                )
                            })?;
                            guard.patterns.push(pattern);
                        }
                    }
                    "cards" => guard.cards = self.boolean(&dotted, v)?,
                    _ => {
                        guard.action = match self.string(&dotted, v)?.as_str() {
                            "warn" => GuardAction::Warn,
                            "block" => GuardAction::Block,
                            _ => {
                                return Err(self.error(
                                    v.span().start,
                                    &dotted,
                                    ToolkitProblem::NotAnAction,
                                ));
                            }
                        };
                    }
                }
            }
            if !named {
                return Err(self.error(
                    item.span().start,
                    &format!("{at}.name"),
                    ToolkitProblem::Missing,
                ));
            }
            if guard.words.is_empty() && guard.patterns.is_empty() && !guard.cards {
                return Err(self.error(
                    item.span().start,
                    &format!("{at}.words"),
                    ToolkitProblem::Missing,
                ));
            }
            out.guards.push(guard);
        }
        Ok(())
    }
}
