//! Proxies as DutyDesk keeps them: SOCKS5, HTTP and MTProto, as TDLib takes them
//! (`addProxy`), with their password or secret held apart from everything that may be
//! written or logged.
//!
//! What flows in: the `[proxy]` section of the config (`config.rs`, no password or secret
//! there), a pasted `tg://proxy?…` / `https://t.me/socks?…` link (`link.rs`), the login and
//! settings screens' form, and the secret from the OS keyring (`secret.rs`). What flows out:
//! a `Proxy` for `telegram::Session::add_proxy`, a config section, a keyring entry.

pub mod config;
pub mod link;
pub mod secret;

pub use config::ProxyConfig;
pub use secret::Secret;

use serde::{Deserialize, Serialize};

/// The kinds TDLib connects through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProxyType {
    Socks5,
    Http,
    Mtproto,
}

impl ProxyType {
    pub const ALL: [ProxyType; 3] = [ProxyType::Socks5, ProxyType::Http, ProxyType::Mtproto];

    /// As written in the config and shown in the list.
    pub fn name(self) -> &'static str {
        match self {
            ProxyType::Socks5 => "SOCKS5",
            ProxyType::Http => "HTTP",
            ProxyType::Mtproto => "MTProto",
        }
    }

    fn key(self) -> &'static str {
        match self {
            ProxyType::Socks5 => "socks5",
            ProxyType::Http => "http",
            ProxyType::Mtproto => "mtproto",
        }
    }
}

/// One proxy server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proxy {
    pub server: String,
    pub port: u16,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Socks5 {
        username: String,
        password: Secret,
    },
    Http {
        username: String,
        password: Secret,
        /// The proxy forwards only HTTP requests (no `CONNECT`).
        http_only: bool,
    },
    /// The secret in hexadecimal, or base64 as Telegram's links give fake-TLS ones.
    Mtproto {
        secret: Secret,
    },
}

impl Proxy {
    pub fn proxy_type(&self) -> ProxyType {
        match self.kind {
            Kind::Socks5 { .. } => ProxyType::Socks5,
            Kind::Http { .. } => ProxyType::Http,
            Kind::Mtproto { .. } => ProxyType::Mtproto,
        }
    }

    pub fn username(&self) -> &str {
        match &self.kind {
            Kind::Socks5 { username, .. } | Kind::Http { username, .. } => username,
            Kind::Mtproto { .. } => "",
        }
    }

    /// The password (SOCKS5, HTTP) or secret (MTProto): what goes to the keyring.
    pub fn secret(&self) -> &Secret {
        match &self.kind {
            Kind::Socks5 { password, .. } | Kind::Http { password, .. } => password,
            Kind::Mtproto { secret } => secret,
        }
    }

    /// The same proxy, whatever its secret: TDLib stores MTProto secrets in its own form,
    /// and a proxy is found again in TDLib's list by what the config names.
    pub fn same_place(&self, other: &Proxy) -> bool {
        self.proxy_type() == other.proxy_type()
            && self.server.eq_ignore_ascii_case(&other.server)
            && self.port == other.port
            && self.username() == other.username()
    }

    /// Where the keyring keeps this proxy's password or secret. Part of the user's stored
    /// data: renaming it orphans the secrets already kept.
    pub fn keyring_entry(&self) -> String {
        keyring_entry(self.proxy_type(), &self.server, self.port, self.username())
    }

    /// "SOCKS5 proxy.example.com:1080"
    pub fn label(&self) -> String {
        format!("{} {}:{}", self.proxy_type().name(), self.server, self.port)
    }
}

pub fn keyring_entry(kind: ProxyType, server: &str, port: u16, username: &str) -> String {
    format!(
        "proxy:{}:{}:{port}:{username}",
        kind.key(),
        server.to_ascii_lowercase()
    )
}

/// A proxy TDLib has in its list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedProxy {
    pub id: i32,
    /// Unix time it was last used to connect; 0 if never.
    pub last_used_date: i64,
    pub enabled: bool,
    pub proxy: Proxy,
}

/// What is wrong with a proxy's fields, said to the admin (in the form) or in a config
/// error (naming the key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    ServerEmpty,
    ServerTooLong,
    Port,
    /// A username on an MTProto proxy (it has none).
    NoUsername,
    /// `http_only` on anything but an HTTP proxy.
    HttpOnly,
    /// Not an MTProto secret (hexadecimal or base64 of 16 bytes, `dd` + 16 or `ee` + 16 + a
    /// domain).
    Secret,
    /// A password or secret written in the config: it belongs in the OS keyring.
    SecretInConfig,
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use i18n::t;
        f.write_str(&match self {
            Rule::ServerEmpty => t!("connection-rule-server-empty"),
            Rule::ServerTooLong => t!("connection-rule-server-too-long"),
            Rule::Port => t!("connection-rule-port"),
            Rule::NoUsername => t!("connection-rule-no-username"),
            Rule::HttpOnly => t!("connection-rule-http-only"),
            Rule::Secret => t!("connection-rule-secret"),
            Rule::SecretInConfig => t!("connection-rule-secret-in-config"),
        })
    }
}

/// The server as TDLib takes it: not empty, at most 255 bytes.
pub fn check_server(server: &str) -> Result<(), Rule> {
    if server.trim().is_empty() {
        return Err(Rule::ServerEmpty);
    }
    if server.len() > 255 {
        return Err(Rule::ServerTooLong);
    }
    Ok(())
}

/// A port as written: 1 to 65535.
pub fn parse_port(port: &str) -> Result<u16, Rule> {
    port.trim()
        .parse::<u16>()
        .ok()
        .filter(|p| *p > 0)
        .ok_or(Rule::Port)
}

/// Whether `secret` is an MTProto proxy secret TDLib accepts: hexadecimal or base64
/// (either alphabet, padded or not) of 16 bytes, of 17 starting 0xdd, or of 0xee, 16 bytes
/// and a domain (fake TLS).
pub fn check_secret(secret: &str) -> Result<(), Rule> {
    let bytes = hex(secret).or_else(|| base64(secret)).ok_or(Rule::Secret)?;
    let tls = bytes.len() >= 18 && bytes[0] == 0xee && bytes.len() <= 17 + 255;
    if bytes.len() == 16 || (bytes.len() == 17 && bytes[0] == 0xdd) || tls {
        Ok(())
    } else {
        Err(Rule::Secret)
    }
}

fn hex(s: &str) -> Option<Vec<u8>> {
    if s.is_empty() || !s.len().is_multiple_of(2) || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

fn base64(s: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
    let s = s.trim_end_matches('=');
    STANDARD_NO_PAD
        .decode(s)
        .or_else(|_| URL_SAFE_NO_PAD.decode(s))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_checked_as_tdlib_checks_them() {
        let plain = "0123456789abcdef0123456789abcdef";
        assert_eq!(check_secret(plain), Ok(()));
        assert_eq!(check_secret(&plain.to_uppercase()), Ok(()));
        assert_eq!(check_secret(&format!("dd{plain}")), Ok(()));
        assert_eq!(
            check_secret(&format!("ee{plain}676f6f676c652e636f6d")),
            Ok(())
        );
        assert_eq!(check_secret("7gEjRWeJq83vASNFZ4mrze9nb29nbGUuY29t"), Ok(()));
        for bad in ["", "zz", "0123456789abcdef", "ее", &format!("ee{plain}")] {
            assert_eq!(check_secret(bad), Err(Rule::Secret), "{bad}");
        }
    }

    #[test]
    fn ports_and_servers() {
        assert_eq!(parse_port(" 1080 "), Ok(1080));
        for bad in ["0", "65536", "-1", "http", ""] {
            assert_eq!(parse_port(bad), Err(Rule::Port), "{bad}");
        }
        assert_eq!(check_server(" "), Err(Rule::ServerEmpty));
        assert_eq!(check_server(&"a".repeat(256)), Err(Rule::ServerTooLong));
        assert_eq!(check_server("proxy.example.com"), Ok(()));
    }
}
