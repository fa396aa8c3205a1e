//! Proxies, as TDLib 1.8.61 keeps them per client: addProxy (identical proxies are one entry;
//! ids start at 2), editProxy, enableProxy (one at a time), disableProxy, removeProxy,
//! getProxies, pingProxy and testProxy, with TDLib's validation messages. Whether a proxy
//! answers is the world's to say (WorldControl::set_proxy_reachable); offline, none does,
//! and pinging one fails as the real library fails without a network. Links
//! (getInternalLink, getInternalLinkType) live in proxy/link.rs.

mod link;
mod secret;

pub use link::{get_internal_link, get_internal_link_type};

use serde_json::{Map, Value};

use crate::json::W;
use crate::objects;
use crate::req::{self, Fail, Obj, Request, bad};
use crate::world::World;

#[derive(Clone, Debug, PartialEq)]
pub enum ProxyKind {
    Socks5 {
        username: String,
        password: String,
    },
    Http {
        username: String,
        password: String,
        http_only: bool,
    },
    /// The secret as TDLib stores it: hex, or base64url for fake-TLS ("ee") secrets.
    Mtproto {
        secret: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Proxy {
    pub server: String,
    pub port: i32,
    pub kind: ProxyKind,
}

impl Proxy {
    pub fn is_mtproto(&self) -> bool {
        matches!(self.kind, ProxyKind::Mtproto { .. })
    }
}

#[derive(Clone, Debug)]
pub struct AddedProxy {
    pub id: i32,
    pub last_used_date: i64,
    pub is_enabled: bool,
    pub proxy: Proxy,
}

/// One client's proxies.
#[derive(Clone, Debug, Default)]
pub struct Proxies {
    pub list: Vec<AddedProxy>,
    last_id: i32,
}

impl Proxies {
    pub fn enabled(&self) -> Option<&AddedProxy> {
        self.list.iter().find(|p| p.is_enabled)
    }

    fn next_id(&mut self) -> i32 {
        // TDLib's first proxy gets id 2.
        self.last_id = self.last_id.max(1) + 1;
        self.last_id
    }

    fn enable(&mut self, id: i32) {
        for p in &mut self.list {
            p.is_enabled = p.id == id;
        }
    }

    fn position(&self, id: i64) -> Option<usize> {
        self.list.iter().position(|p| p.id as i64 == id)
    }
}

fn field<'a>(m: &'a Map<String, Value>, k: &str) -> Option<&'a Value> {
    m.get(k).filter(|v| !v.is_null())
}

/// A proxy from a request, checked as TDLib checks it, in TDLib's order.
pub fn parse_proxy(v: Option<Obj<'_>>) -> Result<Proxy, Fail> {
    let Some((_, m)) = v else {
        return Err(bad("Proxy must be non-empty"));
    };
    let server = req::str_of(field(m, "server"))?;
    let port = field(m, "port").map_or(Ok(0), req::int_of)?;
    let Some((ty, t)) = req::obj_of(field(m, "type"))? else {
        return Err(bad("Proxy type must be non-empty"));
    };
    if server.is_empty() {
        return Err(bad("Server name must be non-empty"));
    }
    if server.len() > 255 {
        return Err(bad("Server name is too long"));
    }
    if !(1..=65535).contains(&port) {
        return Err(bad("Wrong port number"));
    }
    let kind = match ty {
        "proxyTypeSocks5" => ProxyKind::Socks5 {
            username: req::str_of(field(t, "username"))?,
            password: req::str_of(field(t, "password"))?,
        },
        "proxyTypeHttp" => ProxyKind::Http {
            username: req::str_of(field(t, "username"))?,
            password: req::str_of(field(t, "password"))?,
            http_only: req::bool_of(field(t, "http_only"))?,
        },
        "proxyTypeMtproto" => {
            let given = req::str_of(field(t, "secret"))?;
            let secret = secret::normalize(&given).map_err(bad)?;
            ProxyKind::Mtproto { secret }
        }
        other => {
            return Err(bad(format!(
                "{}Unknown class \"{other}\"",
                req::PARSE_PREFIX
            )));
        }
    };
    Ok(Proxy {
        server,
        port: port as i32,
        kind,
    })
}

fn added(world: &World, s: usize, i: usize) -> W {
    let mut w = W::new();
    objects::added_proxy(&mut w, &world.sessions[s].proxies.list[i]);
    w.reopen();
    w
}

pub fn add_proxy(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let proxy = parse_proxy(r.obj("proxy")?)?;
    let enable = r.bool("enable")?;
    let proxies = &mut world.sessions[s].proxies;
    let i = match proxies.list.iter().position(|p| p.proxy == proxy) {
        Some(i) => i,
        None => {
            let id = proxies.next_id();
            proxies.list.push(AddedProxy {
                id,
                last_used_date: 0,
                is_enabled: false,
                proxy,
            });
            proxies.list.len() - 1
        }
    };
    if enable {
        let id = proxies.list[i].id;
        proxies.enable(id);
    }
    Ok(added(world, s, i))
}

pub fn edit_proxy(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let proxy = parse_proxy(r.obj("proxy")?)?;
    let enable = r.bool("enable")?;
    let proxies = &mut world.sessions[s].proxies;
    let i = proxies
        .position(r.int("proxy_id")?)
        .ok_or_else(|| bad("Proxy not found"))?;
    proxies.list[i].proxy = proxy;
    if enable {
        let id = proxies.list[i].id;
        proxies.enable(id);
    }
    Ok(added(world, s, i))
}

pub fn enable_proxy(world: &mut World, s: usize, r: &Request) -> Result<(), Fail> {
    let proxies = &mut world.sessions[s].proxies;
    let i = proxies
        .position(r.int("proxy_id")?)
        .ok_or_else(|| bad("Unknown proxy identifier"))?;
    let id = proxies.list[i].id;
    proxies.enable(id);
    Ok(())
}

pub fn disable_proxy(world: &mut World, s: usize) {
    for p in &mut world.sessions[s].proxies.list {
        p.is_enabled = false;
    }
}

pub fn remove_proxy(world: &mut World, s: usize, r: &Request) -> Result<(), Fail> {
    let proxies = &mut world.sessions[s].proxies;
    let i = proxies
        .position(r.int("proxy_id")?)
        .ok_or_else(|| bad("Unknown proxy identifier"))?;
    proxies.list.remove(i);
    Ok(())
}

pub fn get_proxies(world: &World, s: usize) -> W {
    let mut w = W::new();
    w.open("addedProxies");
    w.arr("proxies", &world.sessions[s].proxies.list, |w, p| {
        objects::added_proxy(w, p)
    });
    w
}

/// pingProxy: the proxy's ping when it answers; otherwise the error the real library gives
/// when nothing answers (without a proxy: Telegram's own servers, reachable while online).
pub fn ping_proxy(world: &World, s: usize, r: &Request) -> Result<W, Fail> {
    let ping = match r.obj("proxy")? {
        None => {
            let link = &world.sessions[s].link;
            (link.network && link.server)
                .then_some(DIRECT_PING)
                .ok_or_else(|| bad("No route to host"))?
        }
        Some(p) => reach(world, s, &parse_proxy(Some(p))?)?,
    };
    let mut w = W::new();
    w.open("seconds");
    w.f64("seconds", ping);
    Ok(w)
}

/// testProxy: ok when the proxy answers.
pub fn test_proxy(world: &World, s: usize, r: &Request) -> Result<(), Fail> {
    reach(world, s, &parse_proxy(r.obj("proxy")?)?).map(|_| ())
}

/// A ping to Telegram without a proxy, in seconds.
const DIRECT_PING: f64 = 0.05;

fn reach(world: &World, s: usize, p: &Proxy) -> Result<f64, Fail> {
    if !world.sessions[s].link.network {
        return Err(bad("No route to host"));
    }
    world.proxy_ping(p).ok_or_else(|| bad("Connection refused"))
}

impl World {
    /// The proxy's ping if it answers in this world.
    pub fn proxy_ping(&self, p: &Proxy) -> Option<f64> {
        self.proxy_pings
            .iter()
            .find(|(server, port, _)| *server == p.server && *port == p.port)
            .map(|(_, _, ping)| *ping)
    }

    /// The enabled proxy was used to connect just now (addedProxy.last_used_date).
    pub fn note_proxy_used(&mut self, s: usize) {
        let now = self.now;
        if let Some(p) = self.sessions[s]
            .proxies
            .list
            .iter_mut()
            .find(|p| p.is_enabled)
        {
            p.last_used_date = now;
        }
    }
}
