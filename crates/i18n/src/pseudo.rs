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
///
/// Each word grows by itself, as a translation's words do: padding the piece once at its
/// end would make one unbreakable word of a long sentence's padding, which no real language
/// has and no layout could wrap.
pub(crate) fn transform(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_alphabetic) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = 0;
    for c in text.chars() {
        if c.is_alphabetic() {
            word += 1;
        } else {
            pad(&mut out, word);
            word = 0;
        }
        out.push(accent(c));
    }
    pad(&mut out, word);
    Cow::Owned(out)
}

/// The padding after a word of `letters` letters: 40% more, rounded up.
fn pad(out: &mut String, letters: usize) {
    let padding = (letters * GROWTH.0).div_ceil(GROWTH.1);
    out.extend(PADDING.iter().cycle().take(padding));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_grow_by_forty_percent_and_punctuation_stays() {
        assert_eq!(transform("Open chat"), "Öpéñåé çĥåţåé");
        assert_eq!(transform(":"), ":");
        assert_eq!(transform(" "), " ");
        assert_eq!(transform(": key `"), ": ķéýåé `");
        let long = "Customer waiting too long";
        let grown = transform(long).chars().count();
        assert!(grown * 10 >= long.chars().count() * 14, "{grown}");
    }
}
