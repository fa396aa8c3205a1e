//! The proxy form as typed: kind, server, port, username, password or secret. Filled from
//! a pasted link or a proxy in TDLib's list; checked into a `Proxy` (the rule broken, if
//! not). What was typed stays when a check or a save fails.

use crate::proxy::{Kind, Proxy, ProxyType, Rule, Secret, check_secret, check_server, parse_port};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub kind: ProxyType,
    pub server: String,
    pub port: String,
    pub username: String,
    /// SOCKS5 and HTTP.
    pub password: String,
    /// MTProto.
    pub secret: String,
    /// HTTP: kept from the config or TDLib's list (no switch on the form).
    pub http_only: bool,
}

impl Default for Form {
    fn default() -> Form {
        Form {
            kind: ProxyType::Socks5,
            server: String::new(),
            port: String::new(),
            username: String::new(),
            password: String::new(),
            secret: String::new(),
            http_only: false,
        }
    }
}

impl Form {
    /// The form showing `proxy`.
    pub fn of(proxy: &Proxy) -> Form {
        let mut form = Form {
            kind: proxy.proxy_type(),
            server: proxy.server.clone(),
            port: proxy.port.to_string(),
            username: proxy.username().to_string(),
            ..Form::default()
        };
        match &proxy.kind {
            Kind::Socks5 { password, .. } => form.password = password.expose().to_string(),
            Kind::Http {
                password,
                http_only,
                ..
            } => {
                form.password = password.expose().to_string();
                form.http_only = *http_only;
            }
            Kind::Mtproto { secret } => form.secret = secret.expose().to_string(),
        }
        form
    }

    /// The proxy typed, or the first rule it breaks (server, port, secret, in the form's
    /// order).
    pub fn proxy(&self) -> Result<Proxy, Rule> {
        let server = self.server.trim().to_string();
        check_server(&server)?;
        let port = parse_port(&self.port)?;
        let username = self.username.trim().to_string();
        let kind = match self.kind {
            ProxyType::Socks5 => Kind::Socks5 {
                username,
                password: Secret::new(self.password.clone()),
            },
            ProxyType::Http => Kind::Http {
                username,
                password: Secret::new(self.password.clone()),
                http_only: self.http_only,
            },
            ProxyType::Mtproto => {
                let secret = self.secret.trim();
                check_secret(secret)?;
                Kind::Mtproto {
                    secret: Secret::new(secret),
                }
            }
        };
        Ok(Proxy { server, port, kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_checks_what_was_typed_and_shows_a_proxy_back() {
        let mut form = Form {
            server: " proxy.example.com ".into(),
            port: "1080".into(),
            username: "duty".into(),
            password: "p w".into(),
            ..Form::default()
        };
        let proxy = form.proxy().unwrap();
        assert_eq!(proxy.server, "proxy.example.com");
        assert_eq!(Form::of(&proxy).proxy(), Ok(proxy));
        form.port = "99999".into();
        assert_eq!(form.proxy(), Err(Rule::Port));
        form.port = "443".into();
        form.kind = ProxyType::Mtproto;
        assert_eq!(form.proxy(), Err(Rule::Secret));
        form.secret = "0123456789abcdef0123456789abcdef".into();
        assert_eq!(
            form.proxy().unwrap().username(),
            "",
            "MTProto has no username"
        );
        form.server.clear();
        assert_eq!(form.proxy(), Err(Rule::ServerEmpty));
    }
}
