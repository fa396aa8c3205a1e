//! Quick replies: templates with variables the app fills from the open chat and free fields
//! the admin types, and the picker's filter.
//!
//! In: a template's text as the settings write it. Out: its parts (text, variables, free
//! fields), or a `TemplateError` at the byte where it goes wrong; the filled-in text with
//! what is missing marked; the templates matching what the admin typed, best first.
//!
//! The syntax: `{name}` is a variable (`Variable::ALL`) or a free field (`eta`, `id`, and
//! any the template declares in `fields`); `{{` and `}}` are literal braces. Any other
//! name, an unclosed `{` or a lone `}` is an error where the template is defined, so a
//! broken template never reaches a customer.

use std::ops::Range;

/// The values DutyDesk fills in by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variable {
    /// The first word of the customer's display name (the one waiting, else the last to
    /// write).
    CustomerFirstName,
    ChatTitle,
    /// The admin's own display name.
    MyName,
    /// Local time, `HH:MM`.
    Time,
    /// Local date, `YYYY-MM-DD`.
    Date,
    /// The chat's latest task key (tracker issue), when the tasks feature stored one.
    Task,
}

impl Variable {
    pub const ALL: [Variable; 6] = [
        Variable::CustomerFirstName,
        Variable::ChatTitle,
        Variable::MyName,
        Variable::Time,
        Variable::Date,
        Variable::Task,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Variable::CustomerFirstName => "customer_first_name",
            Variable::ChatTitle => "chat_title",
            Variable::MyName => "my_name",
            Variable::Time => "time",
            Variable::Date => "date",
            Variable::Task => "task",
        }
    }

    pub fn from_name(name: &str) -> Option<Variable> {
        Variable::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// Free fields every template may use without declaring them.
pub const FREE_FIELDS: [&str; 2] = ["eta", "id"];
/// A field or variable name longer than this is refused (and not copied into the error).
const MAX_NAME: usize = 64;

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Var(Variable),
    /// The n-th of `Template::fields`.
    Field(usize),
}

/// What is wrong with a template's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateProblem {
    /// `{name}` that is neither a variable nor a free field.
    UnknownVariable(String),
    /// A `{` with no `}` after it on the way.
    Unclosed,
    /// A `}` that closes nothing (write `}}` for a brace).
    UnmatchedClose,
    /// `{}`, or a name with other characters than letters, digits and `_`.
    BadName,
}

/// Where a template's text goes wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset in the template's text.
    pub offset: usize,
    pub problem: TemplateProblem,
}

/// A quick reply as the settings define it, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub name: String,
    /// As written.
    pub text: String,
    pub parts: Vec<Part>,
    /// The free fields the text uses, in order of first use: what Tab moves between.
    pub fields: Vec<String>,
    /// Lowercased name and text, for the picker.
    haystack: String,
    name_lower: String,
}

impl Template {
    /// Parses `text`; `declared` are free fields beyond `FREE_FIELDS`.
    pub fn new(name: &str, text: &str, declared: &[String]) -> Result<Template, TemplateError> {
        let (parts, fields) = parse(text, declared)?;
        let name_lower = name.to_lowercase();
        Ok(Template {
            name: name.to_owned(),
            text: text.to_owned(),
            parts,
            fields,
            haystack: format!("{name_lower}\n{}", text.to_lowercase()),
            name_lower,
        })
    }

    /// The text with `values` and the admin's `fields` (by position in `self.fields`).
    pub fn fill(&self, values: &Values<'_>, fields: &[String]) -> Filled {
        let mut out = Filled::default();
        for part in &self.parts {
            let start = out.text.len();
            let missing = match part {
                Part::Text(t) => {
                    out.text.push_str(t);
                    None
                }
                Part::Var(v) => match values.get(*v) {
                    Some(value) if !value.is_empty() => {
                        out.text.push_str(value);
                        None
                    }
                    _ => Some(Missing::Variable(*v)),
                },
                Part::Field(i) => match fields.get(*i).map(|f| f.trim()) {
                    Some(value) if !value.is_empty() => {
                        out.text.push_str(value);
                        None
                    }
                    _ => Some(Missing::Field(*i)),
                },
            };
            if let Some(m) = missing {
                if !out.missing.iter().any(|(x, _)| *x == m) {
                    out.missing.push((m, start..start));
                }
            } else if !matches!(part, Part::Text(_)) {
                out.filled.push(start..out.text.len());
            }
        }
        out
    }

    /// Whether every free field has a value (a reply is inserted only then).
    pub fn complete(&self, fields: &[String]) -> bool {
        (0..self.fields.len()).all(|i| fields.get(i).is_some_and(|f| !f.trim().is_empty()))
    }
}

/// The values of the variables for one chat; `None` where there is none (no task yet).
#[derive(Debug, Clone, Copy, Default)]
pub struct Values<'a> {
    pub customer_first_name: Option<&'a str>,
    pub chat_title: Option<&'a str>,
    pub my_name: Option<&'a str>,
    pub time: Option<&'a str>,
    pub date: Option<&'a str>,
    pub task: Option<&'a str>,
}

impl Values<'_> {
    fn get(&self, v: Variable) -> Option<&str> {
        match v {
            Variable::CustomerFirstName => self.customer_first_name,
            Variable::ChatTitle => self.chat_title,
            Variable::MyName => self.my_name,
            Variable::Time => self.time,
            Variable::Date => self.date,
            Variable::Task => self.task,
        }
    }
}

/// What a filled template lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// A variable with no value here (left empty in the text).
    Variable(Variable),
    /// A free field not filled yet (by position in `Template::fields`).
    Field(usize),
}

/// A template filled in: the text to insert, where values went in, what is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filled {
    pub text: String,
    /// Byte ranges of `text` that came from variables and fields.
    pub filled: Vec<Range<usize>>,
    /// What is missing, each once, with the (empty) place it would have gone.
    pub missing: Vec<(Missing, Range<usize>)>,
}

/// Splits a template's text into parts; the free fields it uses, in order.
pub fn parse(text: &str, declared: &[String]) -> Result<(Vec<Part>, Vec<String>), TemplateError> {
    let mut parts = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut literal = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut run = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                literal.push_str(&text[run..i + 1]);
                i += 2;
                run = i;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                literal.push_str(&text[run..i + 1]);
                i += 2;
                run = i;
            }
            b'}' => {
                return Err(TemplateError {
                    offset: i,
                    problem: TemplateProblem::UnmatchedClose,
                });
            }
            b'{' => {
                literal.push_str(&text[run..i]);
                let open = i;
                let Some(len) = bytes[i + 1..].iter().position(|&b| b == b'}') else {
                    return Err(TemplateError {
                        offset: open,
                        problem: TemplateProblem::Unclosed,
                    });
                };
                let name = text[i + 1..i + 1 + len].trim();
                let error = |problem| TemplateError {
                    offset: open,
                    problem,
                };
                let well_formed = !name.is_empty()
                    && name.len() <= MAX_NAME
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                if !well_formed {
                    return Err(error(if name.contains('{') {
                        TemplateProblem::Unclosed
                    } else {
                        TemplateProblem::BadName
                    }));
                }
                let part = if let Some(v) = Variable::from_name(name) {
                    Part::Var(v)
                } else if FREE_FIELDS.contains(&name) || declared.iter().any(|d| d == name) {
                    let index = match fields.iter().position(|f| f == name) {
                        Some(index) => index,
                        None => {
                            fields.push(name.to_owned());
                            fields.len() - 1
                        }
                    };
                    Part::Field(index)
                } else {
                    return Err(error(TemplateProblem::UnknownVariable(name.to_owned())));
                };
                if !literal.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut literal)));
                }
                parts.push(part);
                i += len + 2;
                run = i;
            }
            _ => i += 1,
        }
    }
    literal.push_str(&text[run..]);
    if !literal.is_empty() {
        parts.push(Part::Text(literal));
    }
    Ok((parts, fields))
}

/// The templates matching `query`, best first: every word of it must appear in the name
/// or the text (any case, any script). Names starting with the query come first, then
/// names containing every word, then matches in the text; ties keep the settings' order.
pub fn pick(templates: &[Template], query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return (0..templates.len()).collect();
    }
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut ranked: Vec<(u8, usize)> = templates
        .iter()
        .enumerate()
        .filter(|(_, t)| words.iter().all(|w| t.haystack.contains(w)))
        .map(|(i, t)| {
            let rank = if t.name_lower.starts_with(&query) {
                0
            } else if words.iter().all(|w| t.name_lower.contains(w)) {
                1
            } else {
                2
            };
            (rank, i)
        })
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Template {
        Template::new("t", text, &[]).unwrap()
    }

    #[test]
    fn parts_and_fields() {
        let tpl = t("Hi {customer_first_name}, ETA {eta} for #{id}; again {eta}. {{x}}");
        assert_eq!(tpl.fields, ["eta", "id"]);
        assert_eq!(
            tpl.parts,
            [
                Part::Text("Hi ".into()),
                Part::Var(Variable::CustomerFirstName),
                Part::Text(", ETA ".into()),
                Part::Field(0),
                Part::Text(" for #".into()),
                Part::Field(1),
                Part::Text("; again ".into()),
                Part::Field(0),
                Part::Text(". {x}".into()),
            ]
        );
    }

    #[test]
    fn errors_say_where() {
        let e = Template::new("t", "Hello {custmer}!", &[]).unwrap_err();
        assert_eq!(e.offset, 6);
        assert_eq!(
            e.problem,
            TemplateProblem::UnknownVariable("custmer".into())
        );
        assert_eq!(
            parse("a { b", &[]).unwrap_err().problem,
            TemplateProblem::Unclosed
        );
        assert_eq!(
            parse("a } b", &[]).unwrap_err().problem,
            TemplateProblem::UnmatchedClose
        );
        assert_eq!(
            parse("{}", &[]).unwrap_err().problem,
            TemplateProblem::BadName
        );
        assert_eq!(
            parse("{a {b}", &[]).unwrap_err().problem,
            TemplateProblem::Unclosed
        );
        assert!(parse("{order}", &["order".into()]).is_ok());
    }

    #[test]
    fn filling_marks_what_is_missing() {
        let tpl = t("Hi {customer_first_name}, task {task}, ETA {eta}");
        let values = Values {
            customer_first_name: Some("Alice"),
            ..Values::default()
        };
        let f = tpl.fill(&values, &[]);
        assert_eq!(f.text, "Hi Alice, task , ETA ");
        assert_eq!(f.filled, vec![3..8_usize]);
        assert_eq!(
            f.missing,
            [
                (Missing::Variable(Variable::Task), 15..15),
                (Missing::Field(0), 21..21)
            ]
        );
        assert!(!tpl.complete(&[]));
        let f = tpl.fill(&values, &["20 minutes".into()]);
        assert_eq!(f.text, "Hi Alice, task , ETA 20 minutes");
        assert!(tpl.complete(&["20 minutes".into()]));
    }

    #[test]
    fn picking_by_name_and_text_in_any_language() {
        let all = vec![
            Template::new("Password reset", "Reset it at /reset", &[]).unwrap(),
            Template::new("Сброс пароля", "Откройте страницу сброса", &[]).unwrap(),
            Template::new("Greeting", "Hello! About your password…", &[]).unwrap(),
        ];
        assert_eq!(pick(&all, "pass"), [0, 2]);
        assert_eq!(pick(&all, "ПАРОЛ"), [1]);
        assert_eq!(pick(&all, "reset page"), Vec::<usize>::new());
        assert_eq!(pick(&all, "  "), [0, 1, 2]);
        assert_eq!(pick(&all, "your hello"), [2]);
    }
}
