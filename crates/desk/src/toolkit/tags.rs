//! Tags: labels on chats with a colour, and optionally an SLA tier. In: definitions from the
//! toolkit settings (the team's first, then the admin's own), which chats carry them (the
//! team document's `chats`, plus the admin's own marks). Out: each chat's `TagSet`, the
//! list's tag filter, the chips a row shows.
//!
//! A chat's tags are a bit set over the merged definitions (at most `MAX_TAGS`), so the
//! filter costs one AND per chat and a row's tags one word of memory.

use crate::model::ChatId;

/// At most this many tags are defined; more is an error where they are written.
pub const MAX_TAGS: usize = 64;

/// A colour as written in the settings: `#rgb`, `#rrggbb` or one of `Colour::NAMES`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    /// The names a document may use instead of hex.
    pub const NAMES: [(&'static str, Colour); 12] = [
        ("red", Colour::rgb(0xd9, 0x3f, 0x3f)),
        ("orange", Colour::rgb(0xe8, 0x8a, 0x1a)),
        ("gold", Colour::rgb(0xc9, 0x9a, 0x06)),
        ("yellow", Colour::rgb(0xd4, 0xb1, 0x06)),
        ("green", Colour::rgb(0x2e, 0x9d, 0x4f)),
        ("teal", Colour::rgb(0x13, 0x94, 0x8f)),
        ("blue", Colour::rgb(0x2f, 0x6f, 0xd6)),
        ("purple", Colour::rgb(0x8a, 0x4f, 0xd1)),
        ("pink", Colour::rgb(0xd4, 0x4f, 0x9a)),
        ("brown", Colour::rgb(0x8b, 0x5a, 0x2b)),
        ("grey", Colour::rgb(0x7a, 0x80, 0x88)),
        ("gray", Colour::rgb(0x7a, 0x80, 0x88)),
    ];

    pub const fn rgb(r: u8, g: u8, b: u8) -> Colour {
        Colour { r, g, b }
    }

    /// Reads `#rgb`, `#rrggbb` or a name (any case); `None` for anything else.
    pub fn parse(text: &str) -> Option<Colour> {
        let text = text.trim();
        if let Some(hex) = text.strip_prefix('#') {
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
            return match hex.len() {
                3 => Some(Colour::rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
                6 => {
                    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                    Some(Colour::rgb(byte(0)?, byte(2)?, byte(4)?))
                }
                _ => None,
            };
        }
        Colour::NAMES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(text))
            .map(|&(_, c)| c)
    }
}

/// A tag as the settings define it (`[tags.<key>]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagDef {
    /// The key in the document (`vip`): what chats and the store name.
    pub key: String,
    /// What a row shows; the key when the document gives none.
    pub label: String,
    pub colour: Colour,
    /// An SLA tier's key: chats with this tag are held to it (the strictest wins).
    pub tier: Option<String>,
    /// Chats the document tags (the team's shared tagging).
    pub chats: Vec<ChatId>,
}

/// The index of a tag among the merged definitions.
pub type TagId = u8;

/// Which of the merged tags a chat carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TagSet(pub u64);

impl TagSet {
    pub fn contains(self, tag: TagId) -> bool {
        usize::from(tag) < MAX_TAGS && self.0 >> tag & 1 == 1
    }

    pub fn with(self, tag: TagId) -> TagSet {
        if usize::from(tag) < MAX_TAGS {
            TagSet(self.0 | 1 << tag)
        } else {
            self
        }
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The tags in definition order.
    pub fn iter(self) -> impl Iterator<Item = TagId> {
        (0..MAX_TAGS as u8).filter(move |&t| self.contains(t))
    }
}

/// One tag on a row, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagChip {
    pub tag: TagId,
    pub label: String,
    pub colour: Colour,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read() {
        assert_eq!(Colour::parse("#fff"), Some(Colour::rgb(255, 255, 255)));
        assert_eq!(
            Colour::parse("#d4a017"),
            Some(Colour::rgb(0xd4, 0xa0, 0x17))
        );
        assert_eq!(
            Colour::parse("Gold"),
            Colour::NAMES.iter().find(|n| n.0 == "gold").map(|n| n.1)
        );
        assert_eq!(Colour::parse("#ggg"), None);
        assert_eq!(Colour::parse("#12345"), None);
        assert_eq!(Colour::parse("#é12"), None);
        assert_eq!(Colour::parse("mauve"), None);
    }

    #[test]
    fn sets() {
        let s = TagSet::default().with(0).with(5).with(63).with(64);
        assert_eq!(s.iter().collect::<Vec<_>>(), [0, 5, 63]);
        assert!(s.contains(5) && !s.contains(4) && !s.contains(200));
    }
}
