//! The network part of the exercise: proxies (an unreachable SOCKS5 proxy, then one that
//! answers), pings, links, and the connection states that come with them.

use serde_json::{Value, json};

use super::Session;

fn socks(server: &str, port: i64) -> Value {
    json!({"@type":"proxy","server":server,"port":port,
        "type":{"@type":"proxyTypeSocks5","username":"u","password":"p"}})
}

pub fn run(s: &mut Session) {
    let proxy = socks("10.9.9.9", 1080);
    s.call(json!({"@type":"getProxies"}));
    s.call(json!({"@type":"addProxy","proxy":proxy,"enable":true}));
    s.call(json!({"@type":"pingProxy","proxy":proxy}));
    s.call(json!({"@type":"testProxy","proxy":proxy,"dc_id":2,"timeout":10.0}));
    s.call(json!({"@type":"addProxy","proxy":socks("", 0),"enable":false}));
    s.control
        .world()
        .set_proxy_reachable("10.9.9.9", 1080, Some(0.08));
    s.call(json!({"@type":"pingProxy","proxy":proxy}));
    s.call(json!({"@type":"pingProxy"}));
    let mtproto = json!({"@type":"proxy","server":"10.9.9.8","port":443,
        "type":{"@type":"proxyTypeMtproto","secret":"dd0123456789abcdef0123456789abcdef"}});
    s.call(json!({"@type":"editProxy","proxy_id":2,"proxy":mtproto,"enable":true}));
    s.call(json!({"@type":"getProxies"}));
    let url = s.call(json!({"@type":"getInternalLink",
        "type":{"@type":"internalLinkTypeProxy","proxy":mtproto},"is_http":true}));
    s.call(json!({"@type":"getInternalLinkType","link":url["url"]}));
    s.call(json!({"@type":"getInternalLinkType","link":"tg://proxy?server=x&port=1&secret=zz"}));
    s.call(json!({"@type":"getInternalLinkType","link":"not a link"}));
    s.call(json!({"@type":"disableProxy"}));
    s.call(json!({"@type":"removeProxy","proxy_id":2}));
    s.call(json!({"@type":"setNetworkType","type":{"@type":"networkTypeNone"}}));
    s.call(json!({"@type":"setNetworkType","type":{"@type":"networkTypeWiFi"}}));
    s.collect();
}
