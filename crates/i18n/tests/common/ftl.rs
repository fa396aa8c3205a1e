//! The `.ftl` files on disk, read with Fluent's own parser: per language, its files, its
//! messages, the variables each message uses, and anything that did not parse.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
};

/// One message as written in one language.
#[derive(Debug, Clone)]
pub struct Message {
    pub file: String,
    /// `$name`s the message itself uses (selectors included).
    pub variables: BTreeSet<String>,
    /// Other messages it includes (`{ time-today }`).
    pub references: BTreeSet<String>,
    pub has_value: bool,
}

/// One language's folder.
#[derive(Debug, Default)]
pub struct Locale {
    /// File name -> its text.
    pub files: BTreeMap<String, String>,
    pub messages: BTreeMap<String, Message>,
    /// Syntax errors, junk and duplicate ids, each naming its file.
    pub errors: Vec<String>,
}

impl Locale {
    /// The variables a call must pass for `id`: its own and those of the messages it
    /// includes, which see the same arguments.
    pub fn variables(&self, id: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut out = BTreeSet::new();
        let mut todo = vec![id.to_string()];
        while let Some(id) = todo.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            if let Some(m) = self.messages.get(&id) {
                out.extend(m.variables.iter().cloned());
                todo.extend(m.references.iter().cloned());
            }
        }
        out
    }
}

/// Every folder under `crates/i18n/locales`, by name.
pub fn locales() -> BTreeMap<String, Locale> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("locales/ exists").flatten() {
        if !entry.path().is_dir() {
            continue;
        }
        let code = entry.file_name().to_string_lossy().to_string();
        let mut locale = Locale::default();
        for file in std::fs::read_dir(entry.path())
            .expect("a locale folder reads")
            .flatten()
        {
            let name = file.file_name().to_string_lossy().to_string();
            if name.ends_with(".ftl") {
                let text = std::fs::read_to_string(file.path()).expect("an .ftl file reads");
                locale.files.insert(name, text);
            }
        }
        let files: Vec<(String, String)> = locale
            .files
            .iter()
            .map(|(n, t)| (n.clone(), t.clone()))
            .collect();
        for (name, text) in files {
            read_file(&mut locale, &code, &name, &text);
        }
        out.insert(code, locale);
    }
    out
}

fn read_file(locale: &mut Locale, code: &str, name: &str, text: &str) {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for e in errors {
                let line = text[..e.pos.start.min(text.len())].matches('\n').count() + 1;
                locale
                    .errors
                    .push(format!("{code}/{name}:{line}: {:?}", e.kind));
            }
            resource
        }
    };
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut message = Message {
                    file: name.to_string(),
                    variables: BTreeSet::new(),
                    references: BTreeSet::new(),
                    has_value: m.value.is_some(),
                };
                if let Some(value) = &m.value {
                    pattern(value, &mut message);
                }
                for attribute in &m.attributes {
                    pattern(&attribute.value, &mut message);
                }
                let id = m.id.name.to_string();
                if let Some(first) = locale.messages.get(&id) {
                    locale.errors.push(format!(
                        "{code}/{name}: `{id}` is also in {code}/{}",
                        first.file
                    ));
                } else {
                    locale.messages.insert(id, message);
                }
            }
            Entry::Junk { content } => locale
                .errors
                .push(format!("{code}/{name}: did not parse: {content:?}")),
            _ => {}
        }
    }
}

fn pattern(p: &Pattern<&str>, m: &mut Message) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            self::expression(expression, m);
        }
    }
}

fn expression(e: &Expression<&str>, m: &mut Message) {
    match e {
        Expression::Select { selector, variants } => {
            inline(selector, m);
            for v in variants {
                pattern(&v.value, m);
            }
        }
        Expression::Inline(i) => inline(i, m),
    }
}

fn inline(i: &InlineExpression<&str>, m: &mut Message) {
    match i {
        InlineExpression::VariableReference { id } => {
            m.variables.insert(id.name.to_string());
        }
        InlineExpression::MessageReference { id, .. } => {
            m.references.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => call(arguments, m),
        // A term's variables are its own parameters, given in the call's arguments.
        InlineExpression::TermReference { arguments, .. } => {
            if let Some(arguments) = arguments {
                call(arguments, m);
            }
        }
        InlineExpression::Placeable { expression } => self::expression(expression, m),
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
    }
}

fn call(arguments: &CallArguments<&str>, m: &mut Message) {
    for p in &arguments.positional {
        inline(p, m);
    }
    for n in &arguments.named {
        inline(&n.value, m);
    }
}
