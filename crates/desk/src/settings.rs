//! The desk's settings: SLA thresholds, damping, which chats are support chats and who is staff.

use serde::{Deserialize, Serialize};

use super::model::{ChatId, UserId};

/// Desk settings; every field has a default so older saved settings still load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// A waiting chat turns red after this many seconds.
    pub red_after_secs: i64,
    /// The SLA: a waiting chat is in breach after this many seconds.
    pub breach_after_secs: i64,
    /// A new message moves its chat to the top only if more than this many seconds passed
    /// since the chat's previous message.
    pub damping_secs: i64,
    /// Float waiting support chats just below alarms, oldest wait first.
    pub float_waiting: bool,
    pub support: SupportRules,
    pub staff: StaffRules,
    /// This account's user id, if known before `Event::OwnUser` arrives.
    pub own_user: Option<UserId>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            red_after_secs: 10 * 60,
            breach_after_secs: 15 * 60,
            damping_secs: 5 * 60,
            float_waiting: false,
            support: SupportRules::default(),
            staff: StaffRules::default(),
            own_user: None,
        }
    }
}

/// Which chats are support chats. By default: every private chat and group in the main
/// list except the duty group. Per-chat include/exclude flags are local marks
/// (`Desk::set_support_flag`, kept in the store) and override these rules.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportRules {
    /// Only chats in this Telegram chat folder.
    pub folder: Option<i32>,
    /// Only chats whose title matches this case-insensitive glob (`*` any run, `?` one
    /// character). Empty means no pattern.
    pub title_pattern: String,
    /// Show only support chats in the "All" list.
    pub support_only: bool,
}

/// Who counts as staff besides this account.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffRules {
    /// The duty group every admin is in: its members are staff; it is never a support chat.
    pub duty_group: Option<ChatId>,
    /// Further staff user ids.
    pub extra_staff: Vec<UserId>,
}

/// Case-insensitive glob match: `*` matches any run of characters, `?` exactly one.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().flat_map(char::to_lowercase).collect();
    let t: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    glob_match_lower(&p, &t)
}

/// Iterative matcher with single-star backtracking: linear in practice, no recursion.
pub(crate) fn glob_match_lower(p: &[char], t: &[char]) -> bool {
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_basics() {
        assert!(glob_match("", ""));
        assert!(!glob_match("", "a"));
        assert!(glob_match("*", ""));
        assert!(glob_match("*", "anything"));
        assert!(glob_match("Support*", "support: ACME"));
        assert!(glob_match("*acme*", "Support: ACME Ltd"));
        assert!(!glob_match("*acme*", "Support: Initech"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match("a?c", "ac"));
        assert!(glob_match("*a*b*c", "xxaybzzc"));
        assert!(!glob_match("*a*b*c", "xxaybzz"));
        assert!(glob_match("ПОДДЕРЖКА*", "поддержка клиентов"));
    }

    #[test]
    fn settings_defaults_and_partial_json() {
        let s = Settings::default();
        assert_eq!(s.red_after_secs, 600);
        assert_eq!(s.breach_after_secs, 900);
        assert_eq!(s.damping_secs, 300);
        let partial: Settings = serde_json::from_str(r#"{"damping_secs": 60}"#).unwrap();
        assert_eq!(partial.damping_secs, 60);
        assert_eq!(partial.red_after_secs, 600);
    }
}
