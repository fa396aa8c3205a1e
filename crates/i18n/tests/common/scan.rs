//! Every `t!` in the workspace's Rust code: its id (a string literal, or the text that
//! stands where one should), its argument names, where it is. Comments and string contents
//! are skipped by a small tokenizer, so a `t!` in a doc comment is not a use.

use std::path::{Path, PathBuf};

/// One `t!(...)` in the code.
#[derive(Debug, Clone)]
pub struct Call {
    pub file: PathBuf,
    pub line: usize,
    /// The id, when the first argument is a string literal.
    pub id: Option<String>,
    /// The named arguments' names, in the order written.
    pub args: Vec<String>,
    /// Arguments that are not `name = value` (or a first argument that is not a literal).
    pub malformed: Vec<String>,
}

impl Call {
    pub fn at(&self) -> String {
        format!("{}:{}", self.file.display(), self.line)
    }
}

/// What the scan found: the calls, and ways around `t!` used outside the i18n crate.
#[derive(Debug, Default)]
pub struct Scan {
    pub calls: Vec<Call>,
    pub bypasses: Vec<String>,
}

/// The folders of Rust code: the app, every crate, benches and integration tests.
const ROOTS: [&str; 4] = ["src", "crates", "benches", "tests"];

/// Names that format an id chosen at run time; only the i18n crate itself may use them.
const BYPASSES: [&str; 4] = ["__private", "FluentArgs", "try_format", "Catalog"];

pub fn workspace() -> Scan {
    let root = super::workspace_root();
    let own = root.join("crates/i18n");
    let mut scan = Scan::default();
    let mut files = Vec::new();
    for dir in ROOTS {
        rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file reads");
        let relative = file.strip_prefix(&root).unwrap_or(&file).to_path_buf();
        let tokens = tokenize(&text);
        scan.calls.extend(calls(&tokens, &relative));
        if !file.starts_with(&own) {
            for t in &tokens {
                if let Tok::Ident(name) = &t.tok
                    && BYPASSES.contains(&name.as_str())
                {
                    scan.bypasses
                        .push(format!("{}:{}: `{name}`", relative.display(), t.line));
                }
            }
        }
    }
    scan
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            // Build output and snapshots hold no code of ours.
            if name != "target" && name != "snapshots" {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Ident(String),
    Str(String),
    Punct(char),
    Other,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    pub line: usize,
}

/// Rust source as identifiers, string literals and punctuation; comments, whitespace, char
/// literals, lifetimes and numbers dropped or reduced to `Other`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        let start_line = line;
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(c[i] == '\n');
                    i += 1;
                }
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let s = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[s..i].iter().collect();
            let raw = matches!(word.as_str(), "r" | "br" | "cr")
                && (at(i) == '"' || (at(i) == '#' && matches!(at(i + 1), '"' | '#')));
            if raw {
                let mut hashes = 0;
                while at(i) == '#' {
                    hashes += 1;
                    i += 1;
                }
                i += 1; // the opening quote
                let s = i;
                loop {
                    if i >= c.len() {
                        break;
                    }
                    if c[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#') {
                        break;
                    }
                    line += usize::from(c[i] == '\n');
                    i += 1;
                }
                let content: String = c[s..i.min(c.len())].iter().collect();
                i += 1 + hashes;
                out.push(Token {
                    tok: Tok::Str(content),
                    line: start_line,
                });
            } else if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                let (content, next, lines) = quoted(&c, i);
                i = next;
                line += lines;
                out.push(Token {
                    tok: Tok::Str(content),
                    line: start_line,
                });
            } else if word == "b" && at(i) == '\'' {
                i = char_literal(&c, i);
                out.push(Token {
                    tok: Tok::Other,
                    line,
                });
            } else {
                out.push(Token {
                    tok: Tok::Ident(word),
                    line,
                });
            }
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Other,
                line,
            });
        } else if ch == '"' {
            let (content, next, lines) = quoted(&c, i);
            i = next;
            line += lines;
            out.push(Token {
                tok: Tok::Str(content),
                line: start_line,
            });
        } else if ch == '\'' {
            if at(i + 1) == '\\' || at(i + 2) == '\'' {
                i = char_literal(&c, i);
            } else {
                // A lifetime or a label.
                i += 1;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
            }
            out.push(Token {
                tok: Tok::Other,
                line,
            });
        } else {
            out.push(Token {
                tok: Tok::Punct(ch),
                line,
            });
            i += 1;
        }
    }
    out
}

/// A `"…"` literal starting at `i`: its raw content, the index after it, newlines inside.
fn quoted(c: &[char], mut i: usize) -> (String, usize, usize) {
    i += 1;
    let s = i;
    let mut lines = 0;
    while i < c.len() && c[i] != '"' {
        if c[i] == '\\' {
            i += 1;
        }
        if i < c.len() && c[i] == '\n' {
            lines += 1;
        }
        i += 1;
    }
    let content = c[s..i.min(c.len())].iter().collect();
    (content, i + 1, lines)
}

/// The index after a char literal starting at the quote `i`.
fn char_literal(c: &[char], mut i: usize) -> usize {
    i += 1;
    while i < c.len() && c[i] != '\'' {
        if c[i] == '\\' {
            i += 1;
        }
        i += 1;
    }
    i + 1
}

/// The `t!` calls among `tokens`.
pub fn calls(tokens: &[Token], file: &Path) -> Vec<Call> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let is_call = tokens[i].tok == Tok::Ident("t".into())
            && tokens.get(i + 1).is_some_and(|t| t.tok == Tok::Punct('!'))
            && tokens
                .get(i + 2)
                .is_some_and(|t| matches!(t.tok, Tok::Punct('(' | '[' | '{')));
        if !is_call {
            continue;
        }
        let segments = arguments(&tokens[i + 3..]);
        let mut call = Call {
            file: file.to_path_buf(),
            line: tokens[i].line,
            id: None,
            args: Vec::new(),
            malformed: Vec::new(),
        };
        let mut segments = segments.into_iter();
        match segments.next().as_deref() {
            Some(
                [
                    Token {
                        tok: Tok::Str(id), ..
                    },
                ],
            ) => call.id = Some(id.clone()),
            other => call.malformed.push(format!("first argument {other:?}")),
        }
        for segment in segments {
            match segment.as_slice() {
                [] => {}
                [
                    Token {
                        tok: Tok::Ident(name),
                        ..
                    },
                    Token {
                        tok: Tok::Punct('='),
                        ..
                    },
                    rest @ ..,
                ] if !rest.is_empty() && rest[0].tok != Tok::Punct('=') => {
                    call.args.push(name.clone())
                }
                other => call.malformed.push(format!("{other:?}")),
            }
        }
        out.push(call);
    }
    out
}

/// The top-level comma-separated arguments up to the delimiter closing the call.
fn arguments(tokens: &[Token]) -> Vec<Vec<Token>> {
    let mut segments = vec![Vec::new()];
    let mut depth = 0usize;
    for t in tokens {
        match t.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') if depth == 0 => break,
            Tok::Punct(')' | ']' | '}') => depth -= 1,
            Tok::Punct(',') if depth == 0 => {
                segments.push(Vec::new());
                continue;
            }
            _ => {}
        }
        segments
            .last_mut()
            .expect("one segment at least")
            .push(t.clone());
    }
    segments
}
