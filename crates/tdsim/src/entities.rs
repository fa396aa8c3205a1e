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
    Email,
    Bold,
    Italic,
    Underline,
    Strikethrough,
    Spoiler,
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
        Kind::Email => "textEntityTypeEmailAddress",
        Kind::Bold => "textEntityTypeBold",
        Kind::Italic => "textEntityTypeItalic",
        Kind::Underline => "textEntityTypeUnderline",
        Kind::Strikethrough => "textEntityTypeStrikethrough",
        Kind::Spoiler => "textEntityTypeSpoiler",
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
            // Usernames of at least 4 characters, as TDLib detects them.
            '@' if boundary => {
                let j = word_end(i + 1);
                (j - i > 4).then_some((j, Kind::Mention))
            }
            '#' if boundary => {
                let j = word_end(i + 1);
                let has_letter = chars[i + 1..j].iter().any(|(_, c)| !c.is_ascii_digit());
                let glued = chars.get(j).is_some_and(|c| c.1 == '#');
                (j > i + 1 && has_letter && !glued).then_some((j, Kind::Hashtag))
            }
            '/' if i == 0 || chars[i - 1].1.is_whitespace() => {
                let mut j = word_end(i + 1);
                // "/cmd@bot" addresses one bot: the suffix belongs to the command.
                if j > i + 1 && j + 1 < chars.len() && chars[j].1 == '@' && is_word(chars[j + 1].1)
                {
                    j = word_end(j + 1);
                }
                let glued = chars.get(j).is_some_and(|c| c.1 == '/');
                (j > i + 1 && !glued).then_some((j, Kind::BotCommand))
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
                let url = &text[chars[i].0..chars.get(j).map_or(text.len(), |c| c.0)];
                valid_host(url.split_once("://").map_or("", |(_, rest)| rest))
                    .then_some((j, Kind::Url))
            }
            c if boundary && is_word(c) && text[chars[i].0..].contains('@') => {
                email_end(&chars, i).map(|j| (j, Kind::Email))
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

/// The host of a URL must end in a top-level domain of two or more letters ("a.b" is no URL
/// for TDLib, which checks a list; this is its cheap approximation).
fn valid_host(rest: &str) -> bool {
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host
        .rsplit('@')
        .next()
        .unwrap_or(host)
        .split(':')
        .next()
        .unwrap_or("");
    match host.rsplit_once('.') {
        Some((name, tld)) => {
            !name.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_alphabetic())
        }
        None => false,
    }
}

/// user@host.tld starting at `i`: the end index, if it is an address.
fn email_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let local = |c: char| c.is_alphanumeric() || matches!(c, '_' | '%' | '+' | '-');
    let mut j = i;
    while j < chars.len() && local(chars[j].1) {
        j += 1;
    }
    if j == i || chars.get(j).map(|c| c.1) != Some('@') {
        return None;
    }
    let start = j + 1;
    let mut k = start;
    while k < chars.len() && (chars[k].1.is_alphanumeric() || matches!(chars[k].1, '.' | '-')) {
        k += 1;
    }
    while k > start && chars[k - 1].1 == '.' {
        k -= 1;
    }
    let host: String = chars[start..k].iter().map(|c| c.1).collect();
    valid_host(&host).then_some(k)
}

/// TDLib writes a bare host with a trailing slash: "http://x.y" -> "http://x.y/".
fn normalize_url(url: &str) -> String {
    match url.split_once("://") {
        Some((_, rest)) if !rest.contains('/') && !rest.is_empty() => format!("{url}/"),
        _ => url.to_string(),
    }
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
            let (_, start, _) = open.pop().unwrap_or((Kind::Bold, 0, 0));
            if bytes.get(i + 1) != Some(&b'(') {
                // "[a]b": brackets without a URL are plain text.
                i += 1;
                continue;
            }
            let Some(end) = src[i + 2..].find(')') else {
                return Err(format!("Can't find end of a URL at byte offset {}", i + 2));
            };
            let url = normalize_url(&src[i + 2..i + 2 + end]);
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
            '|' if src[i..].starts_with("||") => (Some(Kind::Spoiler), 2),
            _ => (None, 0),
        };
        if let Some(kind) = kind {
            if let Some(pos) = open.iter().rposition(|(k, _, _)| *k == kind) {
                // Closing an outer entity drops the unclosed inner ones, as TDLib does.
                open.truncate(pos + 1);
                let (kind, start, _) = open.pop().unwrap_or((kind, len16, i));
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
            Kind::Spoiler => "Spoiler",
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
        if let Some(after) = rest.strip_prefix('<') {
            // The tag name is read before the closing '>', as TDLib does ("a < b" fails on it).
            if !after.starts_with('/') {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect::<String>()
                    .to_ascii_lowercase();
                const TAGS: [&str; 13] = [
                    "a",
                    "b",
                    "strong",
                    "i",
                    "em",
                    "u",
                    "ins",
                    "s",
                    "strike",
                    "del",
                    "code",
                    "pre",
                    "tg-spoiler",
                ];
                if !TAGS.contains(&name.as_str()) {
                    return Err(format!(
                        "Unsupported start tag \"{name}\" at byte offset {i}"
                    ));
                }
            }
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
                    Some((open_name, _, _)) => {
                        return Err(format!(
                            "Unmatched end tag at byte offset {}, expected \"</{open_name}>\", found \"</{name}>\"",
                            i - end - 1
                        ));
                    }
                    None => {
                        return Err(format!("Unexpected end tag at byte offset {}", i - end - 1));
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
                "tg-spoiler" => Kind::Spoiler,
                "code" => Kind::Code,
                "pre" => Kind::Pre,
                "a" => {
                    let href = tag
                        .split_once("href=")
                        .map(|(_, v)| v.trim_matches(|c| c == '"' || c == '\''));
                    Kind::TextUrl(normalize_url(href.unwrap_or("")))
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
        assert_eq!(e[0].kind, Kind::TextUrl("http://x.y/".into()));
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
