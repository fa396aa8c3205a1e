//! Proxy links, as TDLib builds and reads them: getInternalLink(internalLinkTypeProxy) gives
//! https://t.me/proxy?server=…&port=…&secret=… (MTProto) or https://t.me/socks?…&user=…&pass=…
//! (SOCKS5; HTTP proxies have no links), or the tg:// forms; getInternalLinkType reads those
//! back (a proxy link whose port or secret TDLib refuses gives internalLinkTypeProxy without a
//! proxy). Other internal links are not known to the simulator: 404, as for non-links.

use super::{Proxy, ProxyKind, parse_proxy, secret};
use crate::json::W;
use crate::objects;
use crate::req::{Fail, Request, bad};

/// Characters TDLib leaves as they are in a link's query.
fn url_encode(s: &str) -> String {
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

fn url_decode(s: &str) -> String {
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
            (b'+', _) => {
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

pub fn proxy_link(p: &Proxy, https: bool) -> Result<String, Fail> {
    let (path, extra) = match &p.kind {
        ProxyKind::Mtproto { secret } => ("proxy", format!("&secret={}", url_encode(secret))),
        ProxyKind::Socks5 { username, password } => {
            let creds = if username.is_empty() && password.is_empty() {
                String::new()
            } else {
                format!(
                    "&user={}&pass={}",
                    url_encode(username),
                    url_encode(password)
                )
            };
            ("socks", creds)
        }
        ProxyKind::Http { .. } => return Err(bad("HTTP proxies have no public links")),
    };
    let start = if https {
        format!("https://t.me/{path}?")
    } else {
        format!("tg://{path}?")
    };
    Ok(format!(
        "{start}server={}&port={}{extra}",
        url_encode(&p.server),
        p.port
    ))
}

/// Reads a proxy link: None if it is not one; Some(None) if TDLib would not accept its proxy.
pub fn parse_link(link: &str) -> Option<Option<Proxy>> {
    let link = link.trim();
    let (target, query) = link.split_once('?').unwrap_or((link, ""));
    let lower = target.to_ascii_lowercase();
    let path = if let Some(rest) = lower.strip_prefix("tg://").or(lower.strip_prefix("tg:")) {
        rest.trim_end_matches('/')
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
        path.trim_end_matches('/')
    };
    let socks = match path {
        "proxy" => false,
        "socks" => true,
        _ => return None,
    };
    let arg = |name: &str| {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .map_or(String::new(), |(_, v)| url_decode(v))
    };
    let server = arg("server");
    let port: i32 = arg("port").parse().unwrap_or(0);
    let kind = if socks {
        Some(ProxyKind::Socks5 {
            username: arg("user"),
            password: arg("pass"),
        })
    } else {
        secret::normalize(&arg("secret"))
            .ok()
            .map(|secret| ProxyKind::Mtproto { secret })
    };
    let valid = !server.is_empty() && server.len() <= 255 && (1..=65535).contains(&port);
    Some(
        kind.filter(|_| valid)
            .map(|kind| Proxy { server, port, kind }),
    )
}

/// getInternalLink for internalLinkTypeProxy.
pub fn get_internal_link(r: &Request) -> Result<W, Fail> {
    let url = match r.obj("type")? {
        Some(("internalLinkTypeProxy", m)) => {
            let proxy = crate::req::obj_of(m.get("proxy"))?;
            proxy_link(&parse_proxy(proxy)?, r.bool("is_http")?)?
        }
        Some((ty, _)) => {
            return Err(bad(format!(
                "Link type \"{ty}\" is not supported by the simulator"
            )));
        }
        None => return Err(bad("Link type must be non-empty")),
    };
    let mut w = W::new();
    w.open("httpUrl");
    w.str("url", &url);
    Ok(w)
}

pub fn get_internal_link_type(r: &Request) -> Result<W, Fail> {
    let parsed = parse_link(&r.str("link")?).ok_or((404, "Not Found".to_string()))?;
    let mut w = W::new();
    w.open("internalLinkTypeProxy");
    if let Some(p) = parsed {
        w.obj("proxy", "proxy", |w| objects::proxy_fields(w, &p));
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_round_trip() {
        let p = Proxy {
            server: "10.0.0.1".into(),
            port: 1080,
            kind: ProxyKind::Socks5 {
                username: "u".into(),
                password: "p w".into(),
            },
        };
        let link = proxy_link(&p, true).unwrap();
        assert_eq!(
            link,
            "https://t.me/socks?server=10.0.0.1&port=1080&user=u&pass=p%20w"
        );
        assert_eq!(parse_link(&link), Some(Some(p)));
        assert_eq!(parse_link("hello"), None);
        assert_eq!(parse_link("https://t.me/dana_duty"), None);
        assert_eq!(
            parse_link("tg://proxy?server=1.2.3.4&port=443&secret=zz"),
            Some(None)
        );
    }
}
