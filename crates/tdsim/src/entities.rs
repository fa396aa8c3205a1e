//! Text entities: automatic detection (mentions, hashtags, bot commands, URLs) as TDLib does for
//! incoming messages and getTextEntities, and the Markdown/HTML parsing of parseTextEntities.
//! Offsets and lengths count UTF-16 code units, as in TDLib.

use crate::json::W;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Mention,
    Hashtag,
    BotCommand,
    Url,
    Bold,
    Italic,
    Underline,
    Strikethrough,
    Code,
    Pre,
    TextUrl(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub offset: i32,
    pub length: i32,
    pub kind: Kind,
}

pub fn write_all(w: &mut W, k: &str, entities: &[Entity]) {
    w.arr(k, entities, |w, e| {
        w.open("textEntity");
        w.int("offset", e.offset as i64);
        w.int("length", e.length as i64);
        match &e.kind {
            Kind::TextUrl(url) => w.obj("type", "textEntityTypeTextUrl", |w| w.str("url", url)),
            kind => w.unit("type", type_name(kind)),
        }
        w.close();
    });
}

fn type_name(kind: &Kind) -> &'static str {
    match kind {
        Kind::Mention => "textEntityTypeMention",
        Kind::Hashtag => "textEntityTypeHashtag",
        Kind::BotCommand => "textEntityTypeBotCommand",
        Kind::Url => "textEntityTypeUrl",
        Kind::Bold => "textEntityTypeBold",
        Kind::Italic => "textEntityTypeItalic",
        Kind::Underline => "textEntityTypeUnderline",
        Kind::Strikethrough => "textEntityTypeStrikethrough",
        Kind::Code => "textEntityTypeCode",
        Kind::Pre => "textEntityTypePre",
        Kind::TextUrl(_) => "textEntityTypeTextUrl",
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Finds the entities TDLib recognises in plain text.
pub fn detect(text: &str) -> Vec<Entity> {
    let mut out = Vec::new();
    // Fast path: most storm messages contain none of the trigger characters.
    if !text.bytes().any(|b| matches!(b, b'@' | b'#' | b'/' | b':')) {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut utf16 = Vec::with_capacity(chars.len() + 1);
    let mut pos = 0i32;
    for &(_, c) in &chars {
        utf16.push(pos);
        pos += c.len_utf16() as i32;
    }
    utf16.push(pos);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let boundary = i == 0 || !is_word(chars[i - 1].1);
        let word_end = |from: usize| {
            let mut j = from;
            while j < chars.len() && is_word(chars[j].1) {
                j += 1;
            }
            j
        };
        let found = match c {
            '@' if boundary => {
                let j = word_end(i + 1);
                (j - i > 3).then_some((j, Kind::Mention))
            }
            '#' if boundary => {
                let j = word_end(i + 1);
                let has_letter = chars[i + 1..j].iter().any(|(_, c)| !c.is_ascii_digit());
                (j > i + 1 && has_letter).then_some((j, Kind::Hashtag))
            }
            '/' if i == 0 || chars[i - 1].1.is_whitespace() => {
                let j = word_end(i + 1);
                (j > i + 1).then_some((j, Kind::BotCommand))
            }
            'h' if boundary
                && (text[chars[i].0..].starts_with("https://")
                    || text[chars[i].0..].starts_with("http://")) =>
            {
                let mut j = i;
                while j < chars.len() && !chars[j].1.is_whitespace() {
                    j += 1;
                }
                while j > i && matches!(chars[j - 1].1, '.' | ',' | '!' | '?' | ')' | ';' | ':') {
                    j -= 1;
                }
                Some((j, Kind::Url))
            }
            _ => None,
        };
        match found {
            Some((j, kind)) => {
                out.push(Entity {
                    offset: utf16[i],
                    length: utf16[j] - utf16[i],
                    kind,
                });
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// A parse error in TDLib's wording.
pub type ParseError = String;

/// Telegram MarkdownV2 (the subset apps use: bold, italic, underline, strikethrough, code, pre,
/// links, backslash escapes).
pub fn parse_markdown(src: &str) -> Result<(String, Vec<Entity>), ParseError> {
    let mut text = String::new();
    let mut len16 = 0i32;
    let mut entities = Vec::new();
    let mut open: Vec<(Kind, i32, usize)> = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < src.len() {
        let c = src[i..].chars().next().unwrap_or(' ');
        let push = |s: &str, text: &mut String, len16: &mut i32| {
            text.push_str(s);
            *len16 += s.encode_utf16().count() as i32;
        };
        if c == '\\' && i + 1 < src.len() {
            let n = src[i + 1..].chars().next().unwrap_or(' ');
            push(&n.to_string(), &mut text, &mut len16);
            i += 1 + n.len_utf8();
            continue;
        }
        if src[i..].starts_with("```") {
            let body_start = i + 3;
            let Some(end) = src[body_start..].find("```") else {
                return Err(format!("Can't find end of pre entity at byte offset {i}"));
            };
            let body = &src[body_start..body_start + end];
            let body = body.strip_prefix('\n').unwrap_or(body);
            let start = len16;
            push(body, &mut text, &mut len16);
            entities.push(Entity {
                offset: start,
                length: len16 - start,
                kind: Kind::Pre,
            });
            i = body_start + end + 3;
            continue;
        }
        if c == '`' {
            let Some(end) = src[i + 1..].find('`') else {
                return Err(format!("Can't find end of Code entity at byte offset {i}"));
            };
            let start = len16;
            push(&src[i + 1..i + 1 + end], &mut text, &mut len16);
            entities.push(Entity {
                offset: start,
                length: len16 - start,
                kind: Kind::Code,
            });
            i += end + 2;
            continue;
        }
        if c == '[' {
            open.push((Kind::TextUrl(String::new()), len16, i));
            i += 1;
            continue;
        }
        if c == ']' && matches!(open.last(), Some((Kind::TextUrl(_), _, _))) {
            let (_, start, at) = open.pop().unwrap_or((Kind::Bold, 0, 0));
            if bytes.get(i + 1) != Some(&b'(') {
                return Err(format!("Can't find end of a URL at byte offset {at}"));
            }
            let Some(end) = src[i + 2..].find(')') else {
                return Err(format!("Can't find end of a URL at byte offset {at}"));
            };
            let url = src[i + 2..i + 2 + end].to_string();
            if len16 > start {
                entities.push(Entity {
                    offset: start,
                    length: len16 - start,
                    kind: Kind::TextUrl(url),
                });
            }
            i += end + 3;
            continue;
        }
        let (kind, width) = match c {
            '*' => (Some(Kind::Bold), 1),
            '_' if src[i..].starts_with("__") => (Some(Kind::Underline), 2),
            '_' => (Some(Kind::Italic), 1),
            '~' => (Some(Kind::Strikethrough), 1),
            _ => (None, 0),
        };
        if let Some(kind) = kind {
            if let Some(pos) = open.iter().rposition(|(k, _, _)| *k == kind) {
                let (kind, start, _) = open.remove(pos);
                if len16 > start {
                    entities.push(Entity {
                        offset: start,
                        length: len16 - start,
                        kind,
                    });
                }
            } else {
                open.push((kind, len16, i));
            }
            i += width;
            continue;
        }
        if matches!(
            c,
            '>' | '#' | '+' | '-' | '=' | '|' | '{' | '}' | '.' | '!' | '(' | ')' | ']'
        ) {
            return Err(format!(
                "Character '{c}' is reserved and must be escaped with the preceding '\\'"
            ));
        }
        push(&src[i..i + c.len_utf8()], &mut text, &mut len16);
        i += c.len_utf8();
    }
    if let Some((kind, _, at)) = open.first() {
        let name = match kind {
            Kind::Bold => "Bold",
            Kind::Italic => "Italic",
            Kind::Underline => "Underline",
            Kind::Strikethrough => "Strikethrough",
            _ => "TextUrl",
        };
        return Err(format!(
            "Can't find end of {name} entity at byte offset {at}"
        ));
    }
    entities.sort_by_key(|e| (e.offset, -e.length));
    Ok((text, entities))
}

/// Telegram HTML: <b> <strong> <i> <em> <u> <ins> <s> <strike> <del> <code> <pre> <a href>.
pub fn parse_html(src: &str) -> Result<(String, Vec<Entity>), ParseError> {
    let mut text = String::new();
    let mut len16 = 0i32;
    let mut entities = Vec::new();
    let mut open: Vec<(String, Kind, i32)> = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        if rest.starts_with('<') {
            let Some(end) = rest.find('>') else {
                return Err(format!("Unclosed start tag at byte offset {i}"));
            };
            let tag = &rest[1..end];
            i += end + 1;
            if let Some(name) = tag.strip_prefix('/') {
                let name = name.trim().to_ascii_lowercase();
                match open.pop() {
                    Some((open_name, kind, start)) if open_name == name => {
                        if len16 > start {
                            entities.push(Entity {
                                offset: start,
                                length: len16 - start,
                                kind,
                            });
                        }
                    }
                    _ => {
                        return Err(format!(
                            "Unmatched end tag at byte offset {}, expected \"</{name}>\"",
                            i - end - 1
                        ));
                    }
                }
                continue;
            }
            let name = tag
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let kind = match name.as_str() {
                "b" | "strong" => Kind::Bold,
                "i" | "em" => Kind::Italic,
                "u" | "ins" => Kind::Underline,
                "s" | "strike" | "del" => Kind::Strikethrough,
                "code" => Kind::Code,
                "pre" => Kind::Pre,
                "a" => {
                    let href = tag
                        .split_once("href=")
                        .map(|(_, v)| v.trim_matches(|c| c == '"' || c == '\''));
                    Kind::TextUrl(href.unwrap_or("").to_string())
                }
                _ => {
                    return Err(format!(
                        "Unsupported start tag \"{name}\" at byte offset {}",
                        i - end - 1
                    ));
                }
            };
            open.push((name, kind, len16));
            continue;
        }
        let (piece, width) = if rest.starts_with("&lt;") {
            ("<", 4)
        } else if rest.starts_with("&gt;") {
            (">", 4)
        } else if rest.starts_with("&amp;") {
            ("&", 5)
        } else if rest.starts_with("&quot;") {
            ("\"", 6)
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            (&rest[..c.len_utf8()], c.len_utf8())
        };
        text.push_str(piece);
        len16 += piece.encode_utf16().count() as i32;
        i += width;
    }
    if let Some((name, _, _)) = open.last() {
        return Err(format!(
            "Can't find end tag corresponding to start tag \"{name}\""
        ));
    }
    entities.sort_by_key(|e| (e.offset, -e.length));
    Ok((text, entities))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_like_tdlib() {
        let e = detect("hi @user http://x.com #tag");
        let got: Vec<_> = e
            .iter()
            .map(|e| (e.offset, e.length, e.kind.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, 5, Kind::Mention),
                (9, 12, Kind::Url),
                (22, 4, Kind::Hashtag)
            ]
        );
    }

    #[test]
    fn offsets_are_utf16() {
        let e = detect("😀 @dana_duty");
        assert_eq!((e[0].offset, e[0].length), (3, 10));
    }

    #[test]
    fn markdown_bold_and_errors() {
        let (text, e) = parse_markdown("*bold* x").unwrap();
        assert_eq!(text, "bold x");
        assert_eq!(
            e,
            vec![Entity {
                offset: 0,
                length: 4,
                kind: Kind::Bold
            }]
        );
        assert!(parse_markdown("*open").is_err());
        assert!(parse_markdown("a.b").is_err());
        let (text, e) = parse_markdown("[site](http://x.y) \\.").unwrap();
        assert_eq!(text, "site .");
        assert_eq!(e[0].kind, Kind::TextUrl("http://x.y".into()));
    }

    #[test]
    fn html_tags() {
        let (text, e) = parse_html("<b>a</b> &lt;<i>é</i>").unwrap();
        assert_eq!(text, "a <é");
        assert_eq!(e.len(), 2);
        assert!(parse_html("<b>a").is_err());
        assert!(parse_html("<blink>a</blink>").is_err());
    }
}
