//! Proxy links, as Telegram shares them and TDLib reads them: `tg://proxy?server=…&port=…
//! &secret=…` and `https://t.me/proxy?…` (MTProto), `tg://socks?server=…&port=…&user=…
//! &pass=…` and `https://t.me/socks?…` (SOCKS5; `user` and `pass` optional). Hosts
//! `t.me`, `telegram.me`, `telegram.dog`, with or without `www.` and the scheme. HTTP
//! proxies have no links.
//!
//! Outside text (pasted by the admin): never panics, says what is wrong (`LinkError`), and
//! `to_link` gives a link `parse` reads back as the same proxy.

use super::{Kind, Proxy, Rule, Secret, check_secret, check_server, parse_port};

/// Why a pasted text is not a proxy DutyDesk can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Not a `tg://proxy`, `tg://socks` or `t.me/proxy|socks` link at all.
    NotAProxyLink,
    /// A proxy link whose field breaks a rule (a port out of range, a bad secret).
    Field(&'static str, Rule),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use i18n::t;
        f.write_str(&match self {
            LinkError::NotAProxyLink => t!("connection-link-not-proxy"),
            LinkError::Field(field, rule) => t!(
                "connection-link-field",
                field = *field,
                problem = rule.to_string()
            ),
        })
    }
}

/// Reads a proxy link.
pub fn parse(text: &str) -> Result<Proxy, LinkError> {
    let text = text.trim();
    let (target, query) = text.split_once('?').unwrap_or((text, ""));
    let socks = match path(target).as_deref() {
        Some("proxy") => false,
        Some("socks") => true,
        _ => return Err(LinkError::NotAProxyLink),
    };
    // The query may end with a fragment; nothing there is ours.
    let query = query.split('#').next().unwrap_or_default();
    let arg = |name: &str, plus_is_space: bool| {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .map_or(String::new(), |(_, v)| decode(v, plus_is_space))
    };
    let server = arg("server", true);
    check_server(&server).map_err(|r| LinkError::Field("server", r))?;
    let port = parse_port(&arg("port", true)).map_err(|r| LinkError::Field("port", r))?;
    let kind = if socks {
        Kind::Socks5 {
            username: arg("user", true),
            password: Secret::new(arg("pass", true)),
        }
    } else {
        // Base64 secrets may hold '+', which is no space there.
        let secret = arg("secret", false);
        check_secret(&secret).map_err(|r| LinkError::Field("secret", r))?;
        Kind::Mtproto {
            secret: Secret::new(secret),
        }
    };
    Ok(Proxy { server, port, kind })
}

/// `proxy` or `socks` for a link's part before `?`, lowercased; `None` for anything else.
fn path(target: &str) -> Option<String> {
    let lower = target.to_ascii_lowercase();
    let rest = if let Some(rest) = lower.strip_prefix("tg://").or(lower.strip_prefix("tg:")) {
        rest
    } else {
        let rest = lower
            .strip_prefix("https://")
            .or(lower.strip_prefix("http://"))
            .unwrap_or(&lower);
        let rest = rest.strip_prefix("www.").unwrap_or(rest);
        let (host, path) = rest.split_once('/')?;
        if !matches!(host, "t.me" | "telegram.me" | "telegram.dog") {
            return None;
        }
        path
    };
    Some(rest.trim_end_matches('/').to_string())
}

/// The proxy's link as Telegram writes it (`https://t.me/…`); `None` for HTTP proxies.
pub fn to_link(p: &Proxy) -> Option<String> {
    let (path, extra) = match &p.kind {
        Kind::Mtproto { secret } => ("proxy", format!("&secret={}", encode(secret.expose()))),
        Kind::Socks5 { username, password } if username.is_empty() && password.is_empty() => {
            ("socks", String::new())
        }
        Kind::Socks5 { username, password } => (
            "socks",
            format!(
                "&user={}&pass={}",
                encode(username),
                encode(password.expose())
            ),
        ),
        Kind::Http { .. } => return None,
    };
    Some(format!(
        "https://t.me/{path}?server={}&port={}{extra}",
        encode(&p.server),
        p.port
    ))
}

/// Percent-encodes all but the characters a query keeps as they are.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `%XX` to its byte (a broken escape stays as written), `+` to a space if asked; bytes
/// that are no UTF-8 become U+FFFD.
fn decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', _) if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn reads_every_form_telegram_shares() {
        let mtproto = Proxy {
            server: "proxy.example.com".into(),
            port: 443,
            kind: Kind::Mtproto {
                secret: Secret::new(SECRET),
            },
        };
        for link in [
            format!("tg://proxy?server=proxy.example.com&port=443&secret={SECRET}"),
            format!("https://t.me/proxy?server=proxy.example.com&port=443&secret={SECRET}"),
            format!(" HTTPS://www.T.me/proxy/?server=proxy.example.com&port=443&secret={SECRET}\n"),
            format!("t.me/proxy?port=443&secret={SECRET}&server=proxy.example.com"),
            format!("tg:proxy?server=proxy.example.com&port=443&secret={SECRET}#x"),
        ] {
            assert_eq!(parse(&link), Ok(mtproto.clone()), "{link}");
        }
        let socks = Proxy {
            server: "10.0.0.1".into(),
            port: 1080,
            kind: Kind::Socks5 {
                username: "duty".into(),
                password: Secret::new("p w&x"),
            },
        };
        for link in [
            "tg://socks?server=10.0.0.1&port=1080&user=duty&pass=p%20w%26x",
            "https://t.me/socks?server=10.0.0.1&port=1080&user=duty&pass=p+w%26x",
            "https://telegram.me/socks?server=10.0.0.1&port=1080&user=duty&pass=p%20w%26x",
        ] {
            assert_eq!(parse(link), Ok(socks.clone()), "{link}");
        }
        assert_eq!(
            to_link(&socks).as_deref(),
            Some("https://t.me/socks?server=10.0.0.1&port=1080&user=duty&pass=p%20w%26x")
        );
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(parse("hello"), Err(LinkError::NotAProxyLink));
        assert_eq!(
            parse("https://t.me/dana_duty"),
            Err(LinkError::NotAProxyLink)
        );
        assert_eq!(
            parse("https://example.com/proxy?server=a&port=1"),
            Err(LinkError::NotAProxyLink)
        );
        assert_eq!(
            parse("tg://socks?server=a&port=70000"),
            Err(LinkError::Field("port", Rule::Port))
        );
        assert_eq!(
            parse("tg://proxy?server=a&port=443&secret=zz"),
            Err(LinkError::Field("secret", Rule::Secret))
        );
        assert_eq!(
            parse("tg://socks?port=1080"),
            Err(LinkError::Field("server", Rule::ServerEmpty))
        );
        let err = i18n::with_language(i18n::Language::En, || {
            parse("tg://socks?server=a&port=0").unwrap_err().to_string()
        });
        assert!(err.contains("port"), "{err}");
    }

    fn proxy() -> impl Strategy<Value = Proxy> {
        let server = "[a-z0-9][a-z0-9.-]{0,60}";
        let socks = (any::<String>(), any::<String>()).prop_map(|(u, p)| Kind::Socks5 {
            username: u,
            password: Secret::new(p),
        });
        let hex = proptest::collection::vec(any::<u8>(), 16)
            .prop_map(|b| b.iter().map(|x| format!("{x:02x}")).collect::<String>());
        let mtproto = prop_oneof![
            hex.clone(),
            hex.clone().prop_map(|h| format!("dd{h}")),
            (hex, "[a-z]{1,20}\\.[a-z]{2,5}").prop_map(|(h, domain)| {
                let d: String = domain.bytes().map(|x| format!("{x:02x}")).collect();
                format!("ee{h}{d}")
            }),
        ]
        .prop_map(|s| Kind::Mtproto {
            secret: Secret::new(s),
        });
        (server, 1..=u16::MAX, prop_oneof![socks, mtproto]).prop_map(|(server, port, kind)| Proxy {
            server,
            port,
            kind,
        })
    }

    proptest! {
        #[test]
        fn any_text_is_read_without_panicking(text in any::<String>()) {
            let _ = parse(&text);
        }

        #[test]
        fn link_like_text_is_read_without_panicking(
            start in prop_oneof![
                Just("tg://proxy?"), Just("tg://socks?"), Just("https://t.me/proxy?"),
                Just("https://t.me/socks?"), Just("t.me/"), Just("tg:")
            ],
            rest in "([a-z]{0,7}=?[%+&#a-zA-Z0-9é]{0,12}&?){0,6}",
        ) {
            let _ = parse(&format!("{start}{rest}"));
        }

        #[test]
        fn every_link_reads_back_as_its_proxy(p in proxy()) {
            let link = to_link(&p).expect("SOCKS5 and MTProto have links");
            prop_assert_eq!(parse(&link), Ok(p));
        }
    }
}
