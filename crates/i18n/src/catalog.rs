//! The one reader of Fluent's types: bundles built from the embedded sources, a message
//! looked up and formatted, English as the fallback of every language.
//!
//! A bundle is built once per language, on first use, and kept for the life of the process:
//! `t!` on every frame costs a hash lookup and the formatting of one pattern into a string
//! sized for it, never a parse.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use fluent_syntax::ast::PatternElement;
use unic_langid::LanguageIdentifier;

use crate::Language;

/// One language's files, as embedded: its BCP 47 code and the text of each `.ftl` file.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    pub code: &'static str,
    pub files: &'static [&'static str],
}

/// Why a message could not be formatted as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// No language of the catalog, English included, has this id.
    Missing { id: String },
    /// The message exists but did not format cleanly (an argument the call did not pass, a
    /// reference to a message that does not exist); `text` is what came out anyway.
    Broken {
        id: String,
        text: String,
        errors: Vec<String>,
    },
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Missing { id } => write!(f, "no message `{id}` in the catalog"),
            FormatError::Broken { id, errors, .. } => {
                write!(f, "message `{id}` did not format: {}", errors.join("; "))
            }
        }
    }
}

impl std::error::Error for FormatError {}

type Bundle = FluentBundle<FluentResource>;

/// Languages' bundles, built on first use. Position `i` is `sources[i]`; position
/// `sources.len()` is the pseudo-locale, built from English (`sources[0]`).
pub struct Catalog {
    sources: &'static [Source],
    bundles: Box<[OnceLock<Bundle>]>,
    /// (position, id) pairs already logged, so a broken message on screen logs once, not
    /// once a frame.
    logged: Mutex<HashSet<(usize, String)>>,
}

/// What a lookup had to do beside formatting the message.
enum Problem {
    FellBack,
    Missing,
    Broken(Vec<FluentError>),
}

impl Catalog {
    /// A catalog of `sources`, English first: it is every other language's fallback.
    pub fn new(sources: &'static [Source]) -> Catalog {
        Catalog {
            sources,
            bundles: (0..=sources.len()).map(|_| OnceLock::new()).collect(),
            logged: Mutex::new(HashSet::new()),
        }
    }

    /// The catalog of the shipped languages, positions as in [`Language`]. For the
    /// catalog's own tests: everything else goes through `t!`.
    pub fn shipped() -> &'static Catalog {
        shipped()
    }

    /// Formats `id` in the language at `position` (English as fallback), logging any problem
    /// once. Never fails: a missing message comes out as its id.
    pub fn format(&self, position: usize, id: &str, args: Option<&FluentArgs>) -> String {
        let (text, problem) = self.resolve(position, id, args);
        if let Some(problem) = problem {
            self.log(position, id, &problem);
        }
        text
    }

    /// Formats `id` in the language at `position`; a message missing there comes from
    /// English. An error when English has no such message, or when it does not format.
    pub fn try_format(
        &self,
        position: usize,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, FormatError> {
        match self.resolve(position, id, args) {
            (text, None | Some(Problem::FellBack)) => Ok(text),
            (_, Some(Problem::Missing)) => Err(FormatError::Missing { id: id.into() }),
            (text, Some(Problem::Broken(errors))) => Err(FormatError::Broken {
                id: id.into(),
                text,
                errors: errors.iter().map(ToString::to_string).collect(),
            }),
        }
    }

    fn resolve(
        &self,
        position: usize,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> (String, Option<Problem>) {
        let position = position.min(self.sources.len());
        let (bundle, message, fell_back) = match self.bundle(position).get_message(id) {
            Some(message) => (self.bundle(position), message, false),
            None => match self.bundle(0).get_message(id) {
                Some(message) => (self.bundle(0), message, true),
                None => return (id.to_string(), Some(Problem::Missing)),
            },
        };
        let Some(pattern) = message.value() else {
            return (id.to_string(), Some(Problem::Missing));
        };
        let mut errors = Vec::new();
        let text = match pattern.elements.as_slice() {
            // Plain text: one allocation, the result's own.
            [PatternElement::TextElement { .. }] => bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
            elements => {
                let mut out = String::with_capacity(estimate(elements));
                // Writing into a String cannot fail.
                let _ = bundle.write_pattern(&mut out, pattern, args, &mut errors);
                out
            }
        };
        let text = if position == self.sources.len() {
            format!("[{text}]")
        } else {
            text
        };
        let problem = if !errors.is_empty() {
            Some(Problem::Broken(errors))
        } else if fell_back {
            Some(Problem::FellBack)
        } else {
            None
        };
        (text, problem)
    }

    fn bundle(&self, position: usize) -> &Bundle {
        self.bundles[position].get_or_init(|| self.build(position))
    }

    fn build(&self, position: usize) -> Bundle {
        let pseudo = position == self.sources.len();
        let source = if pseudo {
            &self.sources[0]
        } else {
            &self.sources[position]
        };
        let language: LanguageIdentifier = source.code.parse().unwrap_or_default();
        let mut bundle = Bundle::new_concurrent(vec![language]);
        // DutyDesk ships left-to-right languages only; the isolation marks Fluent puts around
        // arguments show as boxes in terminals and in fonts without them.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(if DECIMAL_COMMA.contains(&source.code) {
            format_number_comma
        } else {
            format_number
        }));
        if pseudo {
            bundle.set_transform(Some(crate::pseudo::transform));
        }
        if let Err(e) = bundle.add_builtins() {
            tracing::warn!("catalog {}: {e}", source.code);
        }
        for file in source.files {
            let resource = FluentResource::try_new((*file).to_string()).unwrap_or_else(
                |(resource, errors)| {
                    tracing::warn!("catalog {}: {errors:?}", source.code);
                    resource
                },
            );
            // A duplicate id keeps its first message; the catalog's tests forbid duplicates.
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::warn!("catalog {}: {errors:?}", source.code);
            }
        }
        bundle
    }

    fn log(&self, position: usize, id: &str, problem: &Problem) {
        let mut logged = self.logged.lock().unwrap_or_else(|e| e.into_inner());
        if !logged.insert((position, id.to_string())) {
            return;
        }
        let code = self.sources.get(position).map_or("en-XA", |s| s.code);
        match problem {
            Problem::FellBack => {
                tracing::warn!("catalog {code}: no message `{id}`; showing the English one")
            }
            Problem::Missing => {
                tracing::error!("catalog: no message `{id}` in any language; showing its id")
            }
            Problem::Broken(errors) => {
                tracing::error!("catalog {code}: message `{id}` did not format: {errors:?}")
            }
        }
    }
}

/// A capacity that holds most formatted patterns without growing: the text written plus
/// room for each argument.
fn estimate(elements: &[PatternElement<&str>]) -> usize {
    elements
        .iter()
        .map(|e| match e {
            PatternElement::TextElement { value } => value.len(),
            PatternElement::Placeable { .. } => 16,
        })
        .sum::<usize>()
        .max(32)
}

/// The shipped languages that write a decimal comma (CLDR): "5,0 МБ", not "5.0 МБ".
const DECIMAL_COMMA: &[&str] = &["ru", "de", "pl"];

/// Numbers as Fluent writes them, plus `minimumIntegerDigits` (fluent-bundle ignores it),
/// which time patterns use: `NUMBER($minute, minimumIntegerDigits: 2)` gives "05".
fn format_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let digits = number.options.minimum_integer_digits?;
    let n = number.value;
    if n.fract() != 0.0 || n.abs() >= 1e15 {
        return None;
    }
    let width = digits + usize::from(n < 0.0);
    Some(format!("{:0width$}", n as i64))
}

/// As `format_number`, with a decimal comma.
fn format_number_comma<M>(value: &FluentValue, memoizer: &M) -> Option<String> {
    if let Some(padded) = format_number(value, memoizer) {
        return Some(padded);
    }
    let FluentValue::Number(number) = value else {
        return None;
    };
    Some(number.as_string().replace('.', ","))
}

pub(crate) fn shipped() -> &'static Catalog {
    static SHIPPED: LazyLock<Catalog> = LazyLock::new(|| Catalog::new(crate::languages::SOURCES));
    &SHIPPED
}

impl Language {
    /// Formats `id` in this language, returning problems instead of logging them: for the
    /// catalog's tests, which feed it every id of every file.
    pub fn try_format(self, id: &str, args: Option<&FluentArgs>) -> Result<String, FormatError> {
        shipped().try_format(usize::from(self.index()), id, args)
    }
}
