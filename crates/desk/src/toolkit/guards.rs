//! Keyword guards on outgoing messages: words and patterns the team never wants sent to a
//! customer (internal host names, "password:", card numbers).
//!
//! In: the guards from the toolkit settings and a message about to be sent (typed, or a
//! quick reply filled in). Out: every match, with its byte range in the text and whether
//! its guard warns ("send anyway?") or blocks. Checking never panics; a pattern runs as a
//! small state machine from each place a match could start (no backtracking), so its cost
//! grows with the text times the longest run of characters it can match there.
//!
//! - `words`: matched anywhere, any case (`password:` also in `Password: x`).
//! - `patterns`: a word-like shape: `*` is any run of characters other than spaces (also
//!   none), `?` one such character, `#` one digit, `\` takes the next character literally;
//!   anything else matches itself in any case. `*.corp.example.com`, `10.0.#*.#*`.
//! - `cards`: 13 to 19 digits, single spaces or dashes between them allowed, passing the
//!   Luhn check (so order numbers of the same length rarely trip it).

use std::ops::Range;

/// At most this many characters in a pattern (a longer one is an error where written).
pub const MAX_PATTERN_CHARS: usize = 128;

/// What a guard does when it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GuardAction {
    /// The admin is asked "send anyway?".
    Warn,
    /// The message is not sent.
    Block,
}

/// A guard as the settings define it (`[[guards]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guard {
    pub name: String,
    pub action: GuardAction,
    /// Lowercased.
    pub words: Vec<Vec<char>>,
    pub patterns: Vec<Pattern>,
    pub cards: bool,
}

/// One match of a guard in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardHit {
    /// The guard's index in the settings.
    pub guard: usize,
    pub action: GuardAction,
    /// Bytes of the message.
    pub range: Range<usize>,
}

/// What a message's check says overall.
pub fn verdict(hits: &[GuardHit]) -> Option<GuardAction> {
    hits.iter().map(|h| h.action).max()
}

/// A compiled pattern (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub source: String,
    atoms: Vec<Atom>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Atom {
    /// Lowercased.
    Char(char),
    AnyRun,
    AnyOne,
    Digit,
}

/// What is wrong with a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternProblem {
    Empty,
    TooLong,
    /// Only `*`: it would match every word.
    MatchesEverything,
    /// A `\` at the end.
    DanglingEscape,
}

impl Pattern {
    pub fn new(source: &str) -> Result<Pattern, PatternProblem> {
        if source.chars().count() > MAX_PATTERN_CHARS {
            return Err(PatternProblem::TooLong);
        }
        let mut atoms = Vec::new();
        let mut chars = source.chars();
        while let Some(c) = chars.next() {
            let atom = match c {
                '*' if atoms.last() == Some(&Atom::AnyRun) => continue,
                '*' => Atom::AnyRun,
                '?' => Atom::AnyOne,
                '#' => Atom::Digit,
                '\\' => Atom::Char(fold(chars.next().ok_or(PatternProblem::DanglingEscape)?)),
                c => Atom::Char(fold(c)),
            };
            atoms.push(atom);
        }
        if atoms.is_empty() {
            return Err(PatternProblem::Empty);
        }
        if atoms.iter().all(|a| *a == Atom::AnyRun) {
            return Err(PatternProblem::MatchesEverything);
        }
        Ok(Pattern {
            source: source.to_owned(),
            atoms,
        })
    }

    /// Leftmost-longest matches, not overlapping, as char ranges of `text`.
    fn find(&self, text: &[char], out: &mut Vec<Range<usize>>) {
        let mut cur = vec![false; self.atoms.len() + 1];
        let mut next = cur.clone();
        let mut s = 0;
        while s < text.len() {
            match self.longest_at(text, s, &mut cur, &mut next) {
                Some(end) if end > s => {
                    out.push(s..end);
                    s = end;
                }
                _ => s += 1,
            }
        }
    }

    /// The end of the longest match starting at `s`: the states run side by side (no
    /// backtracking), and stop as soon as none is alive.
    fn longest_at(
        &self,
        text: &[char],
        s: usize,
        cur: &mut Vec<bool>,
        next: &mut Vec<bool>,
    ) -> Option<usize> {
        let m = self.atoms.len();
        if let Atom::Char(first) = self.atoms[0]
            && text[s] != first
        {
            return None;
        }
        cur.fill(false);
        cur[0] = true;
        self.close(cur);
        let mut best = cur[m].then_some(s);
        for (i, &c) in text.iter().enumerate().skip(s) {
            next.fill(false);
            for k in 0..m {
                if !cur[k] {
                    continue;
                }
                match self.atoms[k] {
                    Atom::AnyRun if !c.is_whitespace() => next[k] = true,
                    Atom::AnyOne if !c.is_whitespace() => next[k + 1] = true,
                    Atom::Digit if c.is_ascii_digit() => next[k + 1] = true,
                    Atom::Char(p) if p == c => next[k + 1] = true,
                    _ => {}
                }
            }
            self.close(next);
            std::mem::swap(cur, next);
            if cur[m] {
                best = Some(i + 1);
            }
            if !cur.iter().any(|&alive| alive) {
                break;
            }
        }
        best
    }

    /// A `*` may match nothing: a state before one is also the state after it.
    fn close(&self, states: &mut [bool]) {
        for k in 0..self.atoms.len() {
            if states[k] && self.atoms[k] == Atom::AnyRun {
                states[k + 1] = true;
            }
        }
    }
}

/// Case folding as the guards compare: the first char of the lowercase form.
fn fold(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Every match of every guard in `text`, by position.
pub fn check(guards: &[Guard], text: &str) -> Vec<GuardHit> {
    if guards.is_empty() || text.is_empty() {
        return Vec::new();
    }
    // Char positions to byte offsets: folding may change byte lengths, chars do not.
    let (chars, offsets): (Vec<char>, Vec<usize>) =
        text.char_indices().map(|(at, c)| (fold(c), at)).unzip();
    let byte = |i: usize| offsets.get(i).copied().unwrap_or(text.len());
    let mut hits = Vec::new();
    let mut ranges = Vec::new();
    for (g, guard) in guards.iter().enumerate() {
        ranges.clear();
        for word in &guard.words {
            find_word(word, &chars, &mut ranges);
        }
        for pattern in &guard.patterns {
            pattern.find(&chars, &mut ranges);
        }
        if guard.cards {
            find_cards(&chars, &mut ranges);
        }
        hits.extend(ranges.iter().map(|r| GuardHit {
            guard: g,
            action: guard.action,
            range: byte(r.start)..byte(r.end),
        }));
    }
    hits.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.action), h.guard));
    hits
}

/// Non-overlapping occurrences of `word` (already folded) in `text`.
fn find_word(word: &[char], text: &[char], out: &mut Vec<Range<usize>>) {
    if word.is_empty() || word.len() > text.len() {
        return;
    }
    let mut i = 0;
    while i + word.len() <= text.len() {
        if text[i..i + word.len()] == *word {
            out.push(i..i + word.len());
            i += word.len();
        } else {
            i += 1;
        }
    }
}

/// Runs of 13–19 digits (single spaces or dashes between digits) that pass the Luhn check.
fn find_cards(text: &[char], out: &mut Vec<Range<usize>>) {
    let mut i = 0;
    while i < text.len() {
        if !text[i].is_ascii_digit() || (i > 0 && text[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = Vec::new();
        let mut end = i;
        let mut j = i;
        while j < text.len() {
            let c = text[j];
            if c.is_ascii_digit() {
                digits.push(c as u8 - b'0');
                j += 1;
                end = j;
            } else if (c == ' ' || c == '-') && text.get(j + 1).is_some_and(char::is_ascii_digit) {
                j += 1;
            } else {
                break;
            }
        }
        if (13..=19).contains(&digits.len()) && luhn(&digits) {
            out.push(start..end);
        }
        i = end.max(i + 1);
    }
}

/// The Luhn checksum of a number's digits, most significant first.
pub fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    !digits.is_empty() && sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(action: GuardAction, words: &[&str], patterns: &[&str], cards: bool) -> Guard {
        Guard {
            name: "g".into(),
            action,
            words: words
                .iter()
                .map(|w| w.chars().map(fold).collect())
                .collect(),
            patterns: patterns.iter().map(|p| Pattern::new(p).unwrap()).collect(),
            cards,
        }
    }

    fn matched<'a>(text: &'a str, hits: &[GuardHit]) -> Vec<&'a str> {
        hits.iter().map(|h| &text[h.range.clone()]).collect()
    }

    #[test]
    fn words_any_case() {
        let g = [guard(GuardAction::Block, &["password:"], &[], false)];
        let text = "Your PASSWORD: hunter2 and password: x";
        assert_eq!(matched(text, &check(&g, text)), ["PASSWORD:", "password:"]);
        let text = "Ваш ПАРОЛЬ: тут";
        let g = [guard(GuardAction::Warn, &["пароль:"], &[], false)];
        assert_eq!(matched(text, &check(&g, text)), ["ПАРОЛЬ:"]);
    }

    #[test]
    fn patterns_match_words_longest() {
        let g = [guard(GuardAction::Block, &[], &["*.corp.acme.com"], false)];
        let text = "ssh to db1.corp.acme.com, or web.corp.acme.com now";
        assert_eq!(
            matched(text, &check(&g, text)),
            ["db1.corp.acme.com", "web.corp.acme.com"]
        );
        let g = [guard(GuardAction::Warn, &[], &["10.0.#*.#*"], false)];
        let text = "host 10.0.12.7 and 10.1.2.3";
        assert_eq!(matched(text, &check(&g, text)), ["10.0.12.7"]);
        let g = [guard(GuardAction::Warn, &[], &["k?y"], false)];
        assert_eq!(matched("a kEy k y", &check(&g, "a kEy k y")), ["kEy"]);
        assert_eq!(
            Pattern::new("**").unwrap_err(),
            PatternProblem::MatchesEverything
        );
        assert_eq!(
            Pattern::new("a\\").unwrap_err(),
            PatternProblem::DanglingEscape
        );
        assert!(Pattern::new("\\*").is_ok());
    }

    #[test]
    fn cards_need_luhn() {
        let g = [guard(GuardAction::Block, &[], &[], true)];
        let text = "card 4111 1111 1111 1111, order 4111 1111 1111 1112, 5500-0000-0000-0004";
        assert_eq!(
            matched(text, &check(&g, text)),
            ["4111 1111 1111 1111", "5500-0000-0000-0004"]
        );
    }

    #[test]
    fn block_outranks_warn() {
        let g = [
            guard(GuardAction::Warn, &["secret"], &[], false),
            guard(GuardAction::Block, &["secret"], &[], false),
        ];
        let hits = check(&g, "the secret");
        assert_eq!(verdict(&hits), Some(GuardAction::Block));
        assert_eq!(hits[0].action, GuardAction::Block);
        assert_eq!(verdict(&[]), None);
    }
}
