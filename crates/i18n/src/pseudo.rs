//! The pseudo-locale: English with accented letters and about 40% more characters, so a
//! layout that only fits English shows up in a test before a translator finds it.
//!
//! Applied by Fluent to the text of each pattern, never to its arguments: placeholders
//! come out as the caller passed them. The catalog adds brackets around each whole message.

use std::borrow::Cow;

/// How much longer each piece of text gets, in characters (2/5 = 40%).
const GROWTH: (usize, usize) = (2, 5);

/// Accented look-alikes from Latin-1 and Latin Extended-A, which every font DutyDesk ships
/// or finds on a desktop covers: a missing glyph would measure as something else.
fn accent(c: char) -> char {
    match c {
        'a' => 'å',
        'c' => 'ç',
        'd' => 'ð',
        'e' => 'é',
        'g' => 'ĝ',
        'h' => 'ĥ',
        'i' => 'î',
        'j' => 'ĵ',
        'k' => 'ķ',
        'l' => 'ļ',
        'n' => 'ñ',
        'o' => 'ö',
        'r' => 'ŕ',
        's' => 'š',
        't' => 'ţ',
        'u' => 'û',
        'w' => 'ŵ',
        'y' => 'ý',
        'z' => 'ž',
        'A' => 'Å',
        'C' => 'Ç',
        'D' => 'Ð',
        'E' => 'É',
        'G' => 'Ĝ',
        'H' => 'Ĥ',
        'I' => 'Î',
        'J' => 'Ĵ',
        'K' => 'Ķ',
        'L' => 'Ļ',
        'N' => 'Ñ',
        'O' => 'Ö',
        'R' => 'Ŕ',
        'S' => 'Š',
        'T' => 'Ţ',
        'U' => 'Û',
        'W' => 'Ŵ',
        'Y' => 'Ý',
        'Z' => 'Ž',
        other => other,
    }
}

/// The padding, cycled: vowels as wide as the letters around them on average.
const PADDING: [char; 5] = ['å', 'é', 'î', 'ö', 'û'];

/// One piece of a pattern's text, accented and padded. Text without letters (the ":" of
/// "14:05", a lone space) stays as it is: it is punctuation, not words to translate.
pub(crate) fn transform(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_alphabetic) {
        return Cow::Borrowed(text);
    }
    let length = text.chars().count();
    let padding = (length * GROWTH.0).div_ceil(GROWTH.1);
    // The padding follows the last word, not the punctuation after it: "key `" becomes
    // "ķéýåéî `", so quotes and colons stay where the sentence has them.
    let words_end = text
        .char_indices()
        .rfind(|(_, c)| c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut out = String::with_capacity(text.len() * 2 + padding * 2);
    out.extend(text[..words_end].chars().map(accent));
    out.extend(PADDING.iter().cycle().take(padding));
    out.extend(text[words_end..].chars().map(accent));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_grow_by_forty_percent_and_punctuation_stays() {
        assert_eq!(transform("Open chat"), "Öpéñ çĥåţåéîö");
        assert_eq!(transform(":"), ":");
        assert_eq!(transform(" "), " ");
        assert_eq!(transform(": key `"), ": ķéýåéî `");
        let long = "Customer waiting too long";
        let grown = transform(long).chars().count();
        assert!(grown * 10 >= long.chars().count() * 14, "{grown}");
    }
}
