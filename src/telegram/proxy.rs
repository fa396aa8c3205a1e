//! Proxies through TDLib 1.8.61: `addProxy`, `editProxy`, `enableProxy`, `disableProxy`,
//! `removeProxy`, `getProxies`, `pingProxy`. The only place that reads TDLib's proxy types;
//! the rest of the app sees `crate::proxy::{Proxy, AddedProxy}`. All of them can be called
//! before authorization (the login screen's "Connection settings"), and apply to the
//! running session at once.

use tdlib_rs::{enums, functions, types};

use super::{Session, TgError};
use crate::proxy::{AddedProxy, Kind, Proxy, Secret};

impl Session {
    /// Adds a proxy (TDLib returns the existing entry for an identical one).
    pub async fn add_proxy(&self, proxy: &Proxy, enable: bool) -> Result<AddedProxy, TgError> {
        let enums::AddedProxy::AddedProxy(added) =
            functions::add_proxy(to_tdlib(proxy), enable, self.client_id()).await?;
        Ok(from_tdlib_added(added))
    }

    pub async fn edit_proxy(
        &self,
        id: i32,
        proxy: &Proxy,
        enable: bool,
    ) -> Result<AddedProxy, TgError> {
        let enums::AddedProxy::AddedProxy(added) =
            functions::edit_proxy(id, to_tdlib(proxy), enable, self.client_id()).await?;
        Ok(from_tdlib_added(added))
    }

    pub async fn enable_proxy(&self, id: i32) -> Result<(), TgError> {
        Ok(functions::enable_proxy(id, self.client_id()).await?)
    }

    /// Connects directly again.
    pub async fn disable_proxy(&self) -> Result<(), TgError> {
        Ok(functions::disable_proxy(self.client_id()).await?)
    }

    pub async fn remove_proxy(&self, id: i32) -> Result<(), TgError> {
        Ok(functions::remove_proxy(id, self.client_id()).await?)
    }

    /// TDLib's proxies, in its order.
    pub async fn proxies(&self) -> Result<Vec<AddedProxy>, TgError> {
        let enums::AddedProxies::AddedProxies(list) =
            functions::get_proxies(self.client_id()).await?;
        Ok(list.proxies.into_iter().map(from_tdlib_added).collect())
    }

    /// How long Telegram takes to answer through `proxy` (directly with `None`), in
    /// seconds; TDLib's error when it cannot be reached.
    pub async fn ping_proxy(&self, proxy: Option<&Proxy>) -> Result<f64, TgError> {
        let enums::Seconds::Seconds(s) =
            functions::ping_proxy(proxy.map(to_tdlib), self.client_id()).await?;
        Ok(s.seconds)
    }
}

fn to_tdlib(p: &Proxy) -> types::Proxy {
    let r#type = match &p.kind {
        Kind::Socks5 { username, password } => enums::ProxyType::Socks5(types::ProxyTypeSocks5 {
            username: username.clone(),
            password: password.expose().to_string(),
        }),
        Kind::Http {
            username,
            password,
            http_only,
        } => enums::ProxyType::Http(types::ProxyTypeHttp {
            username: username.clone(),
            password: password.expose().to_string(),
            http_only: *http_only,
        }),
        Kind::Mtproto { secret } => enums::ProxyType::Mtproto(types::ProxyTypeMtproto {
            secret: secret.expose().to_string(),
        }),
    };
    types::Proxy {
        server: p.server.clone(),
        port: i32::from(p.port),
        r#type,
    }
}

fn from_tdlib(p: types::Proxy) -> Proxy {
    let kind = match p.r#type {
        enums::ProxyType::Socks5(s) => Kind::Socks5 {
            username: s.username,
            password: Secret::new(s.password),
        },
        enums::ProxyType::Http(h) => Kind::Http {
            username: h.username,
            password: Secret::new(h.password),
            http_only: h.http_only,
        },
        enums::ProxyType::Mtproto(m) => Kind::Mtproto {
            secret: Secret::new(m.secret),
        },
    };
    Proxy {
        server: p.server,
        // TDLib keeps ports in 1..=65535.
        port: u16::try_from(p.port).unwrap_or(0),
        kind,
    }
}

fn from_tdlib_added(a: types::AddedProxy) -> AddedProxy {
    AddedProxy {
        id: a.id,
        last_used_date: i64::from(a.last_used_date),
        enabled: a.is_enabled,
        proxy: from_tdlib(a.proxy),
    }
}
