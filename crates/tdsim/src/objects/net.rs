//! Proxies as TDLib 1.8.61 shapes them: proxy (server, port, type) and addedProxy.

use crate::json::W;
use crate::proxy::{AddedProxy, Proxy, ProxyKind};

/// The proxy object's fields after its "@type" (TDLib writes "@type":"proxy" here too).
pub fn proxy_fields(w: &mut W, p: &Proxy) {
    w.str("server", &p.server);
    w.int("port", p.port as i64);
    match &p.kind {
        ProxyKind::Socks5 { username, password } => w.obj("type", "proxyTypeSocks5", |w| {
            w.str("username", username);
            w.str("password", password);
        }),
        ProxyKind::Http {
            username,
            password,
            http_only,
        } => w.obj("type", "proxyTypeHttp", |w| {
            w.str("username", username);
            w.str("password", password);
            w.bool("http_only", *http_only);
        }),
        ProxyKind::Mtproto { secret } => {
            w.obj("type", "proxyTypeMtproto", |w| w.str("secret", secret))
        }
    }
}

pub fn added_proxy(w: &mut W, a: &AddedProxy) {
    w.open("addedProxy");
    w.int("id", a.id as i64);
    w.int("last_used_date", a.last_used_date);
    w.bool("is_enabled", a.is_enabled);
    w.obj("proxy", "proxy", |w| proxy_fields(w, &a.proxy));
    w.close();
}
