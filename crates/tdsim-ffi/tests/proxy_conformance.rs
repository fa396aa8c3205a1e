//! Conformance of proxies, in the style of conformance.rs: the same proxy requests against
//! the real libtdjson 1.8.61 (which answers them offline) and the simulator's cdylib; the
//! replies must be equal, ids, secrets as stored, links and error messages included. Nothing
//! answers on 127.0.0.1 port 1 on any machine, so pinging it fails alike in both; and both
//! report the connection state an unreachable SOCKS5 proxy and a lost network give.

mod common;

use common::{TdJson, parameters, real_path, simulator_path};
use serde_json::{Value, json};

fn socks(server: &str, port: i64) -> Value {
    json!({"@type":"proxy","server":server,"port":port,
        "type":{"@type":"proxyTypeSocks5","username":"","password":""}})
}

fn mtproto(secret: &str) -> Value {
    json!({"@type":"proxy","server":"10.0.0.2","port":443,
        "type":{"@type":"proxyTypeMtproto","secret":secret}})
}

fn add(proxy: Value) -> Value {
    json!({"@type":"addProxy","proxy":proxy,"enable":false})
}

fn link(proxy: Value, is_http: bool) -> Value {
    json!({"@type":"getInternalLink","type":{"@type":"internalLinkTypeProxy","proxy":proxy},"is_http":is_http})
}

fn link_type(link: &str) -> Value {
    json!({"@type":"getInternalLinkType","link":link})
}

fn requests() -> Vec<Value> {
    let plain = "0123456789abcdef0123456789abcdef";
    let http = json!({"@type":"proxy","server":"proxy.example.com","port":8080,
        "type":{"@type":"proxyTypeHttp","username":"a","password":"b","http_only":true}});
    let creds = |user: &str, pass: &str| {
        json!({"@type":"proxy","server":"10.0.0.1","port":1080,
            "type":{"@type":"proxyTypeSocks5","username":user,"password":pass}})
    };
    let long = "s".repeat(256);
    vec![
        json!({"@type":"getProxies"}),
        add(socks("127.0.0.1", 1)),
        add(socks("127.0.0.1", 1)),
        add(mtproto(&format!("DD{}", plain.to_uppercase()))),
        add(mtproto(&format!("ee{plain}676f6f676c652e636f6d"))),
        add(mtproto("ASNFZ4mrze8BI0VniavN7w")),
        add(http.clone()),
        add(socks("a b", 1080)),
        add(Value::Null),
        add(json!({"@type":"proxy","server":"x","port":1})),
        add(json!({"@type":"proxy","server":"","port":0})),
        add(socks("", 1080)),
        add(socks("", 0)),
        add(socks(&long, 1080)),
        add(socks("x", 0)),
        add(socks("x", 65536)),
        add(socks("x", -1)),
        add(mtproto("zz")),
        add(mtproto("")),
        add(mtproto("0123456789abcdef")),
        add(mtproto(&format!("ee{plain}"))),
        json!({"@type":"editProxy","proxy_id":99,"proxy":socks("x", 1),"enable":false}),
        json!({"@type":"editProxy","proxy_id":99,"proxy":socks("x", 0),"enable":false}),
        json!({"@type":"editProxy","proxy_id":3,"proxy":socks("10.0.0.9", 1081),"enable":true}),
        json!({"@type":"editProxy","proxy_id":3,"proxy":socks("10.0.0.9", 1082),"enable":false}),
        json!({"@type":"enableProxy","proxy_id":99}),
        json!({"@type":"removeProxy","proxy_id":99}),
        json!({"@type":"enableProxy","proxy_id":4}),
        json!({"@type":"disableProxy"}),
        json!({"@type":"disableProxy"}),
        json!({"@type":"removeProxy","proxy_id":5}),
        json!({"@type":"removeProxy","proxy_id":5}),
        json!({"@type":"getProxies"}),
        json!({"@type":"pingProxy","proxy":socks("127.0.0.1", 1)}),
        json!({"@type":"pingProxy","proxy":socks("x", 0)}),
        link(creds("u", "p w"), true),
        link(creds("", ""), false),
        link(creds("u", ""), true),
        link(mtproto(plain), true),
        link(mtproto(&format!("dd{plain}")), false),
        link(mtproto(&format!("ee{plain}676f6f676c652e636f6d")), true),
        link(socks("a b", 1), true),
        link(http, true),
        link_type(&format!(
            "tg://proxy?server=1.2.3.4&port=443&secret=dd{plain}"
        )),
        link_type(&format!(
            "https://t.me/proxy?server=1.2.3.4&port=443&secret={plain}"
        )),
        link_type(&format!(
            "t.me/proxy?server=1.2.3.4&port=443&secret=dd{plain}"
        )),
        link_type(&format!(
            "https://telegram.me/proxy?server=h&port=1&secret=dd{plain}"
        )),
        link_type("https://t.me/socks?server=1.2.3.4&port=1080&user=u&pass=p"),
        link_type("tg://socks?server=1.2.3.4&port=1080&user=u%20v&pass=p"),
        link_type("tg://socks?server=1.2.3.4&port=1080"),
        link_type("https://t.me/proxy?server=1.2.3.4&port=99999&secret=dd0123"),
        link_type("https://t.me/proxy?server=1.2.3.4&port=443&secret=zz"),
        link_type("tg://socks?server=1.2.3.4"),
        link_type("hello"),
        json!({"@type":"getProxies"}),
    ]
}

/// Each request's reply, without @client_id.
fn transcript(td: &TdJson) -> Vec<Value> {
    let dir = tempfile::tempdir().expect("temp dir");
    let client = td.create_client_id();
    assert_eq!(td.call(client, parameters(dir.path()), 1)["@type"], "ok");
    let replies = requests()
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut reply = td.call(client, r, i as u32 + 10);
            reply.as_object_mut().map(|o| o.remove("@client_id"));
            reply
        })
        .collect();
    // An unreachable SOCKS5 proxy, then no network: the states TDLib reports.
    let state = |want: &'static str| {
        move |v: &Value| v["@type"] == "updateConnectionState" && v["state"]["@type"] == want
    };
    td.send(client, r#"{"@type":"enableProxy","proxy_id":2}"#);
    let got = td.collect_until(client, 30.0, state("connectionStateConnectingToProxy"));
    assert!(got.iter().any(state("connectionStateConnectingToProxy")));
    td.send(
        client,
        r#"{"@type":"setNetworkType","type":{"@type":"networkTypeNone"}}"#,
    );
    let got = td.collect_until(client, 30.0, state("connectionStateWaitingForNetwork"));
    assert!(got.iter().any(state("connectionStateWaitingForNetwork")));
    td.close(client);
    replies
}

#[test]
fn proxies_answer_like_the_real_tdlib() {
    let _serial = common::serial();
    let real = transcript(&TdJson::load(&real_path()));
    let sim = transcript(&TdJson::load(&simulator_path()));
    for ((r, s), request) in real.iter().zip(&sim).zip(requests()) {
        assert_eq!(r, s, "{request}\n real: {r}\n  sim: {s}");
    }
    assert_eq!(real.len(), sim.len());
}
