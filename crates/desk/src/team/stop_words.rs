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
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    /// Lowercased, whitespace runs as one space: compared against the same form of the text.
    norm: String,
    /// As the team wrote it: what the alarm says matched.
    original: String,
}

impl StopWords {
    /// Blank words are dropped, and a word whose matching form repeats an earlier one's.
    pub fn new<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut out: Vec<Word> = Vec::new();
        let mut norm = String::new();
        for w in words {
            let original = w.as_ref().trim();
            normalize_into(original, &mut norm);
            if !norm.is_empty() && out.iter().all(|x| x.norm != norm) {
                out.push(Word {
                    norm: norm.clone(),
                    original: original.to_owned(),
                });
            }
        }
        StopWords { words: out }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words as the team wrote them.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| w.original.as_str())
    }

    /// The first stop word (in the team's order) that `text` contains as whole words.
    /// `scratch` is reused between calls so matching allocates nothing once warm.
    pub fn find<'a>(&'a self, text: &str, scratch: &mut String) -> Option<&'a str> {
        if self.words.is_empty() {
            return None;
        }
        normalize_into(text, scratch);
        self.words
            .iter()
            .find(|w| contains_whole(scratch, &w.norm))
            .map(|w| w.original.as_str())
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
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Whether `needle` occurs in `hay` with a word boundary at both ends. Every occurrence
/// is tried, overlapping ones too: an occurrence that fails its boundary check may hide
/// one that passes.
fn contains_whole(hay: &str, needle: &str) -> bool {
    let (Some(first), Some(last)) = (needle.chars().next(), needle.chars().next_back()) else {
        return false;
    };
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| h.find(needle)) {
        let start = from + i;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if before.is_none_or(|b| boundary(b, first)) && after.is_none_or(|a| boundary(last, a)) {
            return true;
        }
        from = start + first.len_utf8();
    }
    false
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

    proptest::proptest! {
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
