//! Stop words: words or phrases that raise an alarm on every client by themselves when a
//! customer writes them ("payment failed", "не работает"). Each client decides from the
//! same message, so nobody has to post anything.
//!
//! Matching is case-insensitive in any script (Unicode lowercase, so `НЕ РАБОТАЕТ` is `не
//! работает`), treats any run of whitespace as one space (a phrase matches across a line
//! break), and takes whole words only: "down" is not in "download" nor "countdown". A word
//! boundary lies between two characters unless both are word characters (letters, digits,
//! `_`, combining marks); ideographs, kana and the scripts written without spaces (Thai,
//! Lao, Khmer, Myanmar) count as a word each, so a stop word in Chinese matches inside a
//! sentence, as Unicode's word segmentation would have it.

/// The starting list: a team settings document that names no stop words gets these.
pub const DEFAULT_STOP_WORDS: [&str; 5] =
    ["payment failed", "security", "KYC", "не работает", "down"];

/// The team's stop words, ready to match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StopWords {
    words: Vec<Word>,
    /// Bit `b` set: some word's matching form starts with byte `b`. The text is scanned
    /// once; only where such a byte stands is any word compared.
    starts: [u64; 4],
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    /// Lowercased, whitespace runs as one space: compared against the same form of the text.
    norm: String,
    /// As the team wrote it: what the alarm says matched.
    original: String,
    first: char,
    last: char,
}

impl StopWords {
    /// Blank words are dropped, and a word whose matching form repeats an earlier one's.
    pub fn new<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut out = StopWords::default();
        let mut norm = String::new();
        for w in words {
            let original = w.as_ref().trim();
            normalize_into(original, &mut norm);
            let (Some(first), Some(last)) = (norm.chars().next(), norm.chars().next_back()) else {
                continue;
            };
            if out.words.iter().all(|x| x.norm != norm) {
                let b = norm.as_bytes()[0];
                out.starts[usize::from(b >> 6)] |= 1 << (b & 63);
                out.words.push(Word {
                    norm: norm.clone(),
                    original: original.to_owned(),
                    first,
                    last,
                });
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words as the team wrote them.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| w.original.as_str())
    }

    /// The stop word `text` contains, as whole words, earliest in the text (at one place,
    /// the first in the team's order). `scratch` is reused between calls so matching
    /// allocates nothing once warm. One pass over the text: a word is compared only where
    /// a byte it starts with stands, and since a word's first byte is never a UTF-8
    /// continuation byte, every match starts on a character boundary.
    pub fn find<'a>(&'a self, text: &str, scratch: &mut String) -> Option<&'a str> {
        if self.words.is_empty() {
            return None;
        }
        normalize_into(text, scratch);
        let hay = scratch.as_str();
        let bytes = hay.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if self.starts[usize::from(b >> 6)] >> (b & 63) & 1 == 0 {
                continue;
            }
            let rest = &bytes[i..];
            let hit = self
                .words
                .iter()
                .find(|w| rest.starts_with(w.norm.as_bytes()) && whole_at(hay, i, w));
            if let Some(w) = hit {
                return Some(&w.original);
            }
        }
        None
    }
}

/// Lowercases `text` into `out`, with every run of whitespace as one space and none at
/// the ends.
pub(crate) fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        // Most customer messages: bytes in, bytes out, no per-character decoding.
        let mut bytes = std::mem::take(out).into_bytes();
        let mut pending_space = false;
        for &b in text.as_bytes() {
            if b.is_ascii_whitespace() || b == 0x0B {
                pending_space = !bytes.is_empty();
                continue;
            }
            if pending_space {
                bytes.push(b' ');
                pending_space = false;
            }
            bytes.push(b.to_ascii_lowercase());
        }
        // Only ASCII was pushed.
        *out = String::from_utf8(bytes).unwrap_or_default();
    } else {
        normalize_chars(text, out);
    }
}

/// `normalize_into` for any text, a character at a time.
fn normalize_chars(text: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        push_lowercase(c, out);
    }
}

/// Appends `c` lowercased. ASCII and Cyrillic (the two scripts of most messages here) are
/// shifted directly; anything else goes through Unicode's tables.
fn push_lowercase(c: char, out: &mut String) {
    let direct = match c {
        'A'..='Z' | 'А'..='Я' => char::from_u32(c as u32 + 0x20),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50),
        '\0'..='\x7F' | 'а'..='я' | 'ѐ'..='џ' => Some(c),
        _ => None,
    };
    match direct {
        Some(lower) => out.push(lower),
        None => out.extend(c.to_lowercase()),
    }
}

/// Whether the occurrence of `w` at byte `start` of `hay` has a word boundary at both
/// ends. Every position is tried, so an occurrence that fails this never hides a later,
/// overlapping one that passes.
fn whole_at(hay: &str, start: usize, w: &Word) -> bool {
    let end = start + w.norm.len();
    let (Some(head), Some(tail)) = (hay.get(..start), hay.get(end..)) else {
        return false;
    };
    let before = head.chars().next_back();
    let after = tail.chars().next();
    before.is_none_or(|b| boundary(b, w.first)) && after.is_none_or(|a| boundary(w.last, a))
}

/// Whether a word boundary lies between `a` and `b`.
fn boundary(a: char, b: char) -> bool {
    !(is_word_char(a) && is_word_char(b)) || is_own_word(a) || is_own_word(b)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining_mark(c)
}

/// Combining marks of the common blocks: a lowercased `İ` becomes `i` plus U+0307, and a
/// decomposed accent must not split a word.
fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0900}'..='\u{0903}'
            | '\u{093A}'..='\u{094F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Characters that are a word by themselves: ideographs, kana, and scripts written
/// without spaces between words.
fn is_own_word(c: char) -> bool {
    matches!(
        c,
        '\u{0E00}'..='\u{0EFF}'
            | '\u{1000}'..='\u{109F}'
            | '\u{1780}'..='\u{17FF}'
            | '\u{3040}'..='\u{30FF}'
            | '\u{31F0}'..='\u{31FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF66}'..='\u{FF9F}'
            | '\u{20000}'..='\u{2FA1F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(words: &[&str], text: &str) -> Option<String> {
        StopWords::new(words)
            .find(text, &mut String::new())
            .map(str::to_owned)
    }

    #[test]
    fn the_direct_shifts_agree_with_unicode() {
        for c in ('\0'..='\u{52F}').chain(['İ', 'Σ', 'ẞ']) {
            let mut direct = String::new();
            push_lowercase(c, &mut direct);
            assert_eq!(direct, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn the_ascii_path_normalizes_as_the_general_one() {
        for text in [
            "  Site\x0BDOWN\r\n\t now ",
            "",
            " ",
            "a\x0Cb",
            "KYC_check-DOWN!",
        ] {
            let (mut fast, mut general) = (String::new(), String::new());
            normalize_into(text, &mut fast);
            normalize_chars(text, &mut general);
            assert_eq!(fast, general, "{text:?}");
        }
    }

    /// Every occurrence of every word at every position, checked the slow way.
    fn oracle(words: &StopWords, text: &str) -> bool {
        let mut hay = String::new();
        normalize_into(text, &mut hay);
        words.words.iter().any(|w| {
            (0..=hay.len()).any(|i| {
                hay.is_char_boundary(i) && hay[i..].starts_with(&w.norm) && whole_at(&hay, i, w)
            })
        })
    }

    proptest::proptest! {
        #[test]
        fn one_pass_finds_what_every_position_finds(
            words in proptest::collection::vec("[abé_ ]{1,4}", 1..4),
            text in "[abé_ .Б]{0,24}",
        ) {
            let words = StopWords::new(&words);
            let found = words.find(&text, &mut String::new()).is_some();
            proptest::prop_assert_eq!(found, oracle(&words, &text));
        }

        #[test]
        fn the_ascii_path_agrees_on_any_ascii(text in "[\\x00-\\x7F]{0,40}") {
            let (mut fast, mut general) = (String::new(), String::new());
            normalize_into(&text, &mut fast);
            normalize_chars(&text, &mut general);
            proptest::prop_assert_eq!(fast, general);
        }
    }

    #[test]
    fn whole_words_any_case_any_script() {
        let list = &DEFAULT_STOP_WORDS;
        assert_eq!(hit(list, "The site is DOWN!"), Some("down".into()));
        assert_eq!(hit(list, "please download the file"), None);
        assert_eq!(hit(list, "countdown"), None);
        assert_eq!(hit(list, "Сайт НЕ   РАБОТАЕТ"), Some("не работает".into()));
        assert_eq!(
            hit(list, "Payment\nfailed twice"),
            Some("payment failed".into())
        );
        assert_eq!(hit(list, "kyc-check pending"), Some("KYC".into()));
        assert_eq!(hit(list, "cybersecurity"), None);
        assert_eq!(hit(&["宕机"], "服务器宕机了"), Some("宕机".into()));
        // An occurrence that fails its boundary must not hide a later one that passes.
        assert_eq!(hit(&["x y x"], "zx y x y x"), Some("x y x".into()));
    }
}
