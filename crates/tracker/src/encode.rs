//! Percent-encoding of everything the crate puts into a URL.
//!
//! One strict rule (RFC 3986 §2.3): every byte but the unreserved `A-Z a-z 0-9 - . _ ~` is
//! encoded, in query keys and values and in path segments alike. `+`, `&`, `#`, `%`, `=`, `/`,
//! brackets and quotes therefore never keep a meaning of their own, whichever tracker parses
//! the URL; spaces become `%20`, which every tracker's form decodes like `+`.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

const STRICT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// One query key, query value or path segment.
pub(crate) fn component(s: &str) -> String {
    utf8_percent_encode(s, STRICT).to_string()
}

/// A path of several segments (`group/sub/project`): each encoded, the slashes kept.
pub(crate) fn segments(path: &str) -> String {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(component)
        .collect::<Vec<_>>()
        .join("/")
}

/// `k1=v1&k2=v2`, keys and values encoded; pairs with an empty value are left out.
pub(crate) fn query(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", component(k), component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unreserved_bytes_stay() {
        assert_eq!(
            component("a b+c&d#e%f=g/h"),
            "a%20b%2Bc%26d%23e%25f%3Dg%2Fh"
        );
        assert_eq!(component("Az09-._~"), "Az09-._~");
        assert_eq!(component("\"'[]"), "%22%27%5B%5D");
        assert_eq!(component("ж🙂"), "%D0%B6%F0%9F%99%82");
    }

    #[test]
    fn paths_keep_their_slashes() {
        assert_eq!(segments("group/sub group/p#1"), "group/sub%20group/p%231");
        assert_eq!(
            query(&[("issue[title]", "x y"), ("skip", "")]),
            "issue%5Btitle%5D=x%20y"
        );
    }
}
