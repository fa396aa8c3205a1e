//! `[proxy]` in the config: the proxy DutyDesk has TDLib use, without its password or
//! secret (those are in the OS keyring, under `Proxy::keyring_entry`).
//!
//! ```toml
//! [proxy]
//! type = "socks5"            # "socks5", "http" or "mtproto"
//! server = "proxy.example.com"
//! port = 1080
//! username = "duty"          # SOCKS5 and HTTP only; optional
//! enabled = true             # false: keep it, connect directly
//! http_only = false          # HTTP only: the proxy forwards HTTP requests only
//! ```

use serde::{Deserialize, Serialize};

use super::{Kind, Proxy, ProxyType, Rule, Secret, check_server};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProxyConfig {
    #[serde(rename = "type")]
    pub proxy_type: ProxyType,
    pub server: String,
    /// Wider than a port so that a wrong number is our error naming the key, not the
    /// TOML parser's.
    pub port: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub username: String,
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub http_only: bool,
    /// Read only to refuse it: a password belongs in the keyring.
    #[serde(default, skip_serializing)]
    pub password: Option<toml::Value>,
    /// Read only to refuse it: a secret belongs in the keyring.
    #[serde(default, skip_serializing)]
    pub secret: Option<toml::Value>,
}

fn yes() -> bool {
    true
}

impl ProxyConfig {
    /// The section for `proxy` (its secret goes to the keyring, not here).
    pub fn of(proxy: &Proxy, enabled: bool) -> ProxyConfig {
        ProxyConfig {
            proxy_type: proxy.proxy_type(),
            server: proxy.server.clone(),
            port: i64::from(proxy.port),
            username: proxy.username().to_string(),
            enabled,
            http_only: matches!(
                proxy.kind,
                Kind::Http {
                    http_only: true,
                    ..
                }
            ),
            password: None,
            secret: None,
        }
    }

    /// The first key that breaks a rule, and the rule.
    pub fn validate(&self) -> Result<(), (&'static str, Rule)> {
        check_server(&self.server).map_err(|r| ("server", r))?;
        if !(1..=65535).contains(&self.port) {
            return Err(("port", Rule::Port));
        }
        if self.proxy_type == ProxyType::Mtproto && !self.username.is_empty() {
            return Err(("username", Rule::NoUsername));
        }
        if self.http_only && self.proxy_type != ProxyType::Http {
            return Err(("http_only", Rule::HttpOnly));
        }
        if self.password.is_some() {
            return Err(("password", Rule::SecretInConfig));
        }
        if self.secret.is_some() {
            return Err(("secret", Rule::SecretInConfig));
        }
        Ok(())
    }

    /// Where the keyring keeps this proxy's password or secret.
    pub fn keyring_entry(&self) -> String {
        super::keyring_entry(self.proxy_type, &self.server, self.port(), &self.username)
    }

    fn port(&self) -> u16 {
        u16::try_from(self.port).unwrap_or(0)
    }

    /// The proxy with its secret from the keyring (empty if the keyring had none).
    pub fn proxy(&self, secret: Secret) -> Proxy {
        let username = self.username.clone();
        let kind = match self.proxy_type {
            ProxyType::Socks5 => Kind::Socks5 {
                username,
                password: secret,
            },
            ProxyType::Http => Kind::Http {
                username,
                password: secret,
                http_only: self.http_only,
            },
            ProxyType::Mtproto => Kind::Mtproto { secret },
        };
        Proxy {
            server: self.server.clone(),
            port: self.port(),
            kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, ConfigError};
    use i18n::{Language, with_language};
    use std::path::Path;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/cfg/config.toml"))
    }

    /// The error of `parse`, said in English.
    fn english(parse: impl FnOnce() -> Result<Config, ConfigError>) -> String {
        with_language(Language::En, || parse().unwrap_err().to_string())
    }

    const PROXY: &str = "[ui]\ntheme = \"dark\"\n\n[proxy]\ntype = \"socks5\"\n\
        server = \"proxy.example.com\"\nport = 1080\nusername = \"duty\"\n";

    #[test]
    fn the_proxy_is_read_and_saved_without_its_password() {
        let config = parse(PROXY).unwrap();
        let proxy = config.proxy.clone().expect("[proxy]");
        assert_eq!(proxy.proxy_type, ProxyType::Socks5);
        assert_eq!(
            (proxy.server.as_str(), proxy.port),
            ("proxy.example.com", 1080)
        );
        assert!(proxy.enabled, "enabled unless it says otherwise");
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::paths::Paths::portable(dir.path());
        config.save(&paths).unwrap();
        assert_eq!(
            crate::config::Config::load(&paths.config_file).unwrap(),
            config
        );
    }

    #[test]
    fn a_proxy_mistake_names_file_line_and_key() {
        let err = english(|| parse(&PROXY.replace("1080", "70000")));
        assert!(
            err.starts_with("/cfg/config.toml:7: key `proxy.port`: "),
            "{err}"
        );
        let err = english(|| parse(&PROXY.replace("\"socks5\"", "\"socks\"")));
        assert!(
            err.starts_with("/cfg/config.toml:5: key `proxy.type`"),
            "{err}"
        );
        let err = english(|| parse(&PROXY.replace("\"socks5\"", "\"mtproto\"")));
        assert!(
            err.starts_with("/cfg/config.toml:8: key `proxy.username`"),
            "{err}"
        );
        let err = english(|| parse(&format!("{PROXY}password = \"hunter2\"\n")));
        assert!(
            err.starts_with("/cfg/config.toml:9: key `proxy.password`"),
            "{err}"
        );
        assert!(err.contains("keyring") && !err.contains("hunter2"), "{err}");
        let err = english(|| parse(&PROXY.replace("server = \"proxy.example.com\"\n", "")));
        assert!(err.contains("`proxy`") && err.contains("server"), "{err}");
    }
}
