//! Privacy masking for contractors: customers' names, usernames, phone numbers and e-mail
//! addresses never reach a contractor's screen; stable pseudonyms ("Customer 7F3A") keep a
//! conversation readable. Staff names stay visible.
//!
//! In: the words to mask with (the app's catalog gives them, in the admin's language), the
//! customers' display names as Telegram announced them (`NameIndex`), and a text or an id.
//! Out: the pseudonym of a customer (the same for the same customer, on every client and
//! after every restart), and a text with every e-mail address, `@username`, `t.me/` handle,
//! phone-like run of digits (seven or more, with the usual separators) and customer name
//! word replaced. Masking never panics and is linear in the text.
//!
//! Where it is applied (one boundary, `toolkit::desk`): the desk's view models — rows,
//! user names, group titles, notes, alarm reasons — and `Desk::masked` for texts that pass
//! from Telegram to the window without living in the desk (history pages, search hits).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::UserId;

/// The words masking writes, in the admin's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskWords {
    /// Before the pseudonym's code: "Customer" → "Customer 7F3A".
    pub customer: String,
    pub phone: String,
    pub email: String,
    pub username: String,
}

impl Default for MaskWords {
    fn default() -> Self {
        MaskWords {
            customer: "Customer".into(),
            phone: "[phone]".into(),
            email: "[e-mail]".into(),
            username: "[username]".into(),
        }
    }
}

/// Name words shorter than this (in chars) are not masked inside texts: two-letter words
/// are too often ordinary words.
pub const MIN_NAME_WORD: usize = 3;
/// A run with this many digits is taken for a phone number.
pub const MIN_PHONE_DIGITS: usize = 7;

/// The four hex digits of a customer's pseudonym: a fixed mix of the id, so every client
/// names the same customer alike.
pub fn code(id: i64) -> u16 {
    let mut z = (id as u64) ^ 0x6475_7479_6465_736b; // "dutydesk"
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z >> 48) as u16
}

/// "Customer 7F3A".
pub fn pseudonym(words: &MaskWords, id: i64) -> String {
    format!("{} {:04X}", words.customer, code(id))
}

/// Customers' name words (lowercased), each to the users whose names hold it.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    words: HashMap<String, Vec<UserId>>,
}

impl NameIndex {
    /// Notes a user's display name (staff included: whether someone is staff is decided
    /// when a text is masked, since the duty group's members may be learned later).
    pub fn add(&mut self, user: UserId, name: &str) {
        for word in name_words(name) {
            let users = self.words.entry(word).or_default();
            if !users.contains(&user) {
                users.push(user);
            }
        }
    }

    fn customer(&self, word: &str, is_staff: &dyn Fn(UserId) -> bool) -> Option<UserId> {
        self.words
            .get(word)?
            .iter()
            .copied()
            .find(|&u| !is_staff(u))
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_NAME_WORD)
        .map(str::to_lowercase)
}

/// Masks texts with the words, the names and who is staff.
pub struct Masker<'a> {
    pub words: &'a MaskWords,
    pub names: &'a NameIndex,
    pub is_staff: &'a dyn Fn(UserId) -> bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Email,
    Username,
    Phone,
    Name(UserId),
}

impl Masker<'_> {
    /// The text with every e-mail, username, phone number and customer name replaced;
    /// borrowed when there is nothing to mask.
    pub fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut spans: Vec<(usize, usize, Kind)> = Vec::new();
        emails_and_usernames(&chars, &mut spans);
        phones(&chars, &mut spans);
        if !self.names.is_empty() {
            self.names_in(&chars, &mut spans);
        }
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
        let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
        let mut out = String::with_capacity(text.len());
        let mut at = 0; // chars
        let mut last: Option<Kind> = None;
        for (start, end, kind) in spans {
            if start < at {
                // Overlapping what is masked already: the mask covers both.
                at = at.max(end);
                continue;
            }
            let between = &text[byte(at)..byte(start)];
            // "Alice Smith": one pseudonym for the person, not one per word.
            let same_person = matches!(kind, Kind::Name(_))
                && last == Some(kind)
                && !between.is_empty()
                && between.chars().all(char::is_whitespace);
            if !same_person {
                out.push_str(between);
                out.push_str(&self.replacement(kind));
            }
            at = end;
            last = Some(kind);
        }
        out.push_str(&text[byte(at)..]);
        Cow::Owned(out)
    }

    fn replacement(&self, kind: Kind) -> Cow<'_, str> {
        match kind {
            Kind::Email => Cow::Borrowed(&self.words.email),
            Kind::Username => Cow::Borrowed(&self.words.username),
            Kind::Phone => Cow::Borrowed(&self.words.phone),
            Kind::Name(user) => Cow::Owned(pseudonym(self.words, user)),
        }
    }

    /// Words that are a customer's name word.
    fn names_in(&self, chars: &[(usize, char)], spans: &mut Vec<(usize, usize, Kind)>) {
        let mut i = 0;
        let mut word = String::new();
        while i < chars.len() {
            if !chars[i].1.is_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            word.clear();
            while i < chars.len() && chars[i].1.is_alphanumeric() {
                word.extend(chars[i].1.to_lowercase());
                i += 1;
            }
            if i - start >= MIN_NAME_WORD
                && let Some(user) = self.names.customer(&word, self.is_staff)
            {
                spans.push((start, i, Kind::Name(user)));
            }
        }
    }
}

fn is_local(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_handle(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `local@domain.tld` and `@username`, and the handle of a `t.me/handle` link.
fn emails_and_usernames(chars: &[(usize, char)], spans: &mut Vec<(usize, usize, Kind)>) {
    for (i, &(_, c)) in chars.iter().enumerate() {
        if c == '@' {
            let mut start = i;
            while start > 0 && is_local(chars[start - 1].1) {
                start -= 1;
            }
            let mut end = i + 1;
            while end < chars.len()
                && (chars[end].1.is_alphanumeric() || matches!(chars[end].1, '.' | '-' | '_'))
            {
                end += 1;
            }
            while end > i + 1 && matches!(chars[end - 1].1, '.' | '-') {
                end -= 1;
            }
            let domain: String = chars[i + 1..end].iter().map(|c| c.1).collect();
            let dotted = domain
                .rsplit_once('.')
                .is_some_and(|(host, tld)| !host.is_empty() && tld.chars().count() >= 2);
            if start < i && dotted {
                spans.push((start, end, Kind::Email));
            } else if start == i {
                let mut end = i + 1;
                while end < chars.len() && is_handle(chars[end].1) {
                    end += 1;
                }
                if end - i > 3 {
                    spans.push((i, end, Kind::Username));
                }
            }
        } else if c == '/' && i >= 4 {
            let before: String = chars[i - 4..i]
                .iter()
                .map(|c| c.1.to_ascii_lowercase())
                .collect();
            if before == "t.me" {
                let mut end = i + 1;
                while end < chars.len() && is_handle(chars[end].1) {
                    end += 1;
                }
                if end - i > 3 {
                    spans.push((i + 1, end, Kind::Username));
                }
            }
        }
    }
}

/// Runs of digits with spaces, dashes, dots and brackets between them (and a leading `+`)
/// holding at least `MIN_PHONE_DIGITS` digits.
fn phones(chars: &[(usize, char)], spans: &mut Vec<(usize, usize, Kind)>) {
    let separator = |c: char| matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}');
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let opens = c.is_ascii_digit()
            || (matches!(c, '+' | '(')
                && chars
                    .get(i + 1)
                    .is_some_and(|n| n.1.is_ascii_digit() || n.1 == '('));
        if !opens {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = 0;
        let mut end = i; // one past the last digit (or closing bracket)
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_ascii_digit() {
                digits += 1;
                end = j + 1;
            } else if c == ')' && digits > 0 {
                end = j + 1;
            } else if !(separator(c) || (c == '+' && j == start)) {
                break;
            }
            // A separator counts only between digits: two spaces end the number.
            if separator(c)
                && c != '('
                && c != ')'
                && chars
                    .get(j + 1)
                    .is_some_and(|n| separator(n.1) && n.1 != '(')
            {
                break;
            }
            j += 1;
        }
        if digits >= MIN_PHONE_DIGITS {
            spans.push((start, end, Kind::Phone));
        }
        i = j.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masker_with<'a>(words: &'a MaskWords, names: &'a NameIndex) -> Masker<'a> {
        Masker {
            words,
            names,
            is_staff: &|u| u == 99,
        }
    }

    #[test]
    fn contacts_are_masked() {
        let words = MaskWords::default();
        let names = NameIndex::default();
        let m = masker_with(&words, &names);
        assert_eq!(
            m.text("mail me at alice.smith+x@example.co.uk, or call +7 (912) 345-67-89."),
            "mail me at [e-mail], or call [phone]."
        );
        assert_eq!(
            m.text("ask @alice_s or t.me/bob_the_builder"),
            "ask [username] or t.me/[username]"
        );
        assert_eq!(m.text("order 12345 at 10:30"), "order 12345 at 10:30");
        assert!(matches!(m.text("nothing here"), Cow::Borrowed(_)));
    }

    #[test]
    fn customer_names_not_staff() {
        let words = MaskWords::default();
        let mut names = NameIndex::default();
        names.add(5, "Alice Smith");
        names.add(99, "Sam Support");
        let m = masker_with(&words, &names);
        let p = pseudonym(&words, 5);
        assert_eq!(
            m.text("Alice Smith wrote to Sam"),
            format!("{p} wrote to Sam")
        );
        assert_eq!(m.text("hi alice!"), format!("hi {p}!"));
        assert_eq!(m.text("Smithsonian"), "Smithsonian");
    }

    #[test]
    fn pseudonyms_are_stable_codes() {
        let words = MaskWords::default();
        assert_eq!(pseudonym(&words, 42), pseudonym(&words, 42));
        assert!(pseudonym(&words, 42).starts_with("Customer "));
        assert_eq!(pseudonym(&words, 42).len(), "Customer ".len() + 4);
        assert_ne!(code(42), code(43));
    }
}
