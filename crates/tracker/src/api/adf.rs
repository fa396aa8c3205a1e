//! The description as an Atlassian Document Format document, which Jira Cloud's REST v3
//! requires instead of text (developer.atlassian.com/cloud/jira/platform/apis/document/structure).
//!
//! The plain description (`Markup::Plain`) maps onto three nodes: paragraphs (separated by an
//! empty line; line breaks inside as `hardBreak`), `blockquote` for runs of `>` lines, and
//! `text` with a `link` mark for each http(s) address. ADF rejects empty text nodes and empty
//! paragraphs, so none are produced.

use serde_json::{Value, json};

/// `{"type": "doc", "version": 1, "content": [...]}` for `text`.
pub(super) fn document(text: &str) -> Value {
    let mut content = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut quote: Vec<&str> = Vec::new();
    for line in text.lines() {
        if let Some(quoted) = line.strip_prefix('>') {
            flush_paragraph(&mut paragraph, &mut content);
            quote.push(quoted.strip_prefix(' ').unwrap_or(quoted));
        } else if line.trim().is_empty() {
            flush_paragraph(&mut paragraph, &mut content);
            flush_quote(&mut quote, &mut content);
        } else {
            flush_quote(&mut quote, &mut content);
            paragraph.push(line);
        }
    }
    flush_paragraph(&mut paragraph, &mut content);
    flush_quote(&mut quote, &mut content);
    json!({"type": "doc", "version": 1, "content": content})
}

fn flush_paragraph(lines: &mut Vec<&str>, content: &mut Vec<Value>) {
    if let Some(p) = paragraph(lines) {
        content.push(p);
    }
    lines.clear();
}

/// A quote's empty lines separate its paragraphs.
fn flush_quote(lines: &mut Vec<&str>, content: &mut Vec<Value>) {
    let paragraphs: Vec<Value> = lines
        .split(|l| l.trim().is_empty())
        .filter_map(paragraph)
        .collect();
    if !paragraphs.is_empty() {
        content.push(json!({"type": "blockquote", "content": paragraphs}));
    }
    lines.clear();
}

fn paragraph(lines: &[&str]) -> Option<Value> {
    let mut inline = Vec::new();
    for line in lines.iter().filter(|l| !l.trim().is_empty()) {
        if !inline.is_empty() {
            inline.push(json!({"type": "hardBreak"}));
        }
        inline.extend(text_nodes(line));
    }
    (!inline.is_empty()).then(|| json!({"type": "paragraph", "content": inline}))
}

/// Text with each http(s) address as a link.
fn text_nodes(line: &str) -> Vec<Value> {
    let mut nodes = Vec::new();
    let mut rest = line;
    while let Some(start) = find_link(rest) {
        let end = rest[start..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |e| start + e);
        push_text(&mut nodes, &rest[..start], None);
        push_text(&mut nodes, &rest[start..end], Some(&rest[start..end]));
        rest = &rest[end..];
    }
    push_text(&mut nodes, rest, None);
    nodes
}

fn find_link(s: &str) -> Option<usize> {
    let https = s.find("https://");
    let http = s.find("http://");
    match (https, http) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn push_text(nodes: &mut Vec<Value>, text: &str, href: Option<&str>) {
    if text.is_empty() {
        return;
    }
    nodes.push(match href {
        Some(href) => json!({
            "type": "text",
            "text": text,
            "marks": [{"type": "link", "attrs": {"href": href}}],
        }),
        None => json!({"type": "text", "text": text}),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_paragraphs_and_links_become_nodes() {
        let doc = document(
            "Anna · 2025-03-14 09:26 +03:00 · ACME · https://t.me/acme/42\n> line 1\n>\n> line 3\n\nend",
        );
        assert_eq!(doc["type"], "doc");
        assert_eq!(doc["version"], 1);
        let content = doc["content"].as_array().unwrap();
        assert_eq!(content.len(), 3);
        assert_eq!(content[0]["type"], "paragraph");
        let head = content[0]["content"].as_array().unwrap();
        assert_eq!(
            head.last().unwrap()["marks"][0]["attrs"]["href"],
            "https://t.me/acme/42"
        );
        assert_eq!(content[1]["type"], "blockquote");
        assert_eq!(content[1]["content"].as_array().unwrap().len(), 2);
        assert_eq!(content[1]["content"][1]["content"][0]["text"], "line 3");
        assert_eq!(content[2]["content"][0]["text"], "end");
    }

    #[test]
    fn no_empty_nodes() {
        let doc = document("\n\n>\n \n");
        assert_eq!(doc["content"], json!([]));
        let doc = document("a\nb");
        assert_eq!(doc["content"][0]["content"][1]["type"], "hardBreak");
    }
}
