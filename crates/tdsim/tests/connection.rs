//! The connection as TDLib reports it (updateConnectionState: waiting for network, connecting
//! to proxy, connecting, updating, ready), login waiting for the network, and proxies: the
//! requests, their validation, pings, links, and a proxy that answers only when the world says.

mod common;

use common::{Client, all, find};
use serde_json::{Value, json};

fn states(updates: &[Value]) -> Vec<String> {
    all(updates, "updateConnectionState")
        .iter()
        .map(|u| u["state"]["@type"].as_str().unwrap().to_string())
        .collect()
}

fn params() -> Value {
    json!({"@type":"setTdlibParameters","api_id":1,"api_hash":"h","system_language_code":"en",
        "device_model":"d","application_version":"1"})
}

fn ready() -> Client {
    let mut c = Client::basic();
    c.login();
    c.load_all_chats();
    c.drain();
    c
}

fn socks(server: &str, port: i64) -> Value {
    json!({"@type":"proxy","server":server,"port":port,
        "type":{"@type":"proxyTypeSocks5","username":"","password":""}})
}

fn mtproto(secret: &str) -> Value {
    json!({"@type":"proxy","server":"10.0.0.2","port":443,
        "type":{"@type":"proxyTypeMtproto","secret":secret}})
}

#[test]
fn without_a_network_the_client_waits_then_catches_up() {
    let c = ready();
    c.control.set_network(false);
    assert_eq!(states(&c.drain()), ["connectionStateWaitingForNetwork"]);
    assert_eq!(
        c.control.connection_state(),
        "connectionStateWaitingForNetwork"
    );
    let chat = c.control.layout().customer_chats[0].clone();
    let id = c
        .control
        .write(chat.chat_id, chat.customers[0], "anyone?")
        .unwrap();
    assert!(find(&c.drain(), "updateNewMessage").is_none());
    c.control.set_network(true);
    let back = c.drain();
    assert_eq!(
        states(&back),
        [
            "connectionStateConnecting",
            "connectionStateUpdating",
            "connectionStateReady"
        ]
    );
    assert_eq!(
        find(&back, "updateNewMessage").unwrap()["message"]["id"],
        id
    );
    let ready_at = back
        .iter()
        .position(|u| u["state"]["@type"] == "connectionStateReady")
        .unwrap();
    let new_at = back
        .iter()
        .position(|u| u["@type"] == "updateNewMessage")
        .unwrap();
    assert!(new_at < ready_at, "what was missed arrives before Ready");
}

#[test]
fn login_waits_for_the_network() {
    let mut c = Client::basic();
    c.control.set_network(false);
    let (updates, reply) = c.request(params());
    assert_eq!(reply["@type"], "ok");
    assert_eq!(states(&updates), ["connectionStateWaitingForNetwork"]);
    tdsim::send(
        c.id,
        r#"{"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100","@extra":"phone"}"#,
    );
    assert!(
        c.drain().iter().all(|v| v.get("@extra").is_none()),
        "no answer while there is no network"
    );
    c.control.set_network(true);
    let back = c.drain();
    assert_eq!(
        states(&back),
        ["connectionStateConnecting", "connectionStateReady"],
        "nothing to update before login"
    );
    let reply = back
        .iter()
        .find(|v| v["@extra"] == "phone")
        .expect("answered");
    assert_eq!(reply["@type"], "ok");
    assert_eq!(
        find(&back, "updateAuthorizationState").unwrap()["authorization_state"]["@type"],
        "authorizationStateWaitCode"
    );
}

#[test]
fn an_unreachable_socks_proxy_stalls_the_client_until_it_answers() {
    let mut c = ready();
    let (before, added) =
        c.request(json!({"@type":"addProxy","proxy":socks("10.0.0.1", 1080),"enable":true}));
    assert!(
        states(&before).is_empty(),
        "the state changes after the reply"
    );
    assert_eq!(
        (
            added["id"].as_i64(),
            &added["is_enabled"],
            &added["last_used_date"]
        ),
        (Some(2), &json!(true), &json!(0))
    );
    assert_eq!(states(&c.drain()), ["connectionStateConnectingToProxy"]);
    let refused = c.call(json!({"@type":"pingProxy","proxy":socks("10.0.0.1", 1080)}));
    assert_eq!(
        (refused["code"].as_i64(), refused["message"].as_str()),
        (Some(400), Some("Connection refused"))
    );
    let chat = c.control.layout().customer_chats[0].clone();
    c.control
        .write(chat.chat_id, chat.customers[0], "still there?")
        .unwrap();
    assert!(find(&c.drain(), "updateNewMessage").is_none());

    c.control
        .world()
        .set_proxy_reachable("10.0.0.1", 1080, Some(0.12));
    let back = c.drain();
    assert_eq!(
        states(&back),
        [
            "connectionStateConnecting",
            "connectionStateUpdating",
            "connectionStateReady"
        ]
    );
    assert!(find(&back, "updateNewMessage").is_some());
    let ping = c.call(json!({"@type":"pingProxy","proxy":socks("10.0.0.1", 1080)}));
    assert_eq!(
        (ping["@type"].as_str(), ping["seconds"].as_f64()),
        (Some("seconds"), Some(0.12))
    );
    let listed = c.call(json!({"@type":"getProxies"}));
    assert_eq!(listed["proxies"][0]["last_used_date"], c.control.now());

    c.control
        .world()
        .set_proxy_reachable("10.0.0.1", 1080, None);
    assert_eq!(states(&c.drain()), ["connectionStateConnectingToProxy"]);
    c.call(json!({"@type":"disableProxy"}));
    assert_eq!(
        states(&c.drain()),
        [
            "connectionStateConnecting",
            "connectionStateUpdating",
            "connectionStateReady"
        ],
        "without the proxy, straight to Telegram"
    );
}

#[test]
fn an_unreachable_mtproto_proxy_is_just_connecting() {
    let mut c = ready();
    c.call(json!({"@type":"addProxy","proxy":mtproto("dd0123456789abcdef0123456789abcdef"),"enable":true}));
    assert_eq!(states(&c.drain()), ["connectionStateConnecting"]);
    c.control.drop_connection();
    assert!(states(&c.drain()).is_empty(), "already connecting");
    c.control.restore_connection();
    c.call(json!({"@type":"removeProxy","proxy_id":2}));
    assert_eq!(
        states(&c.drain()),
        ["connectionStateUpdating", "connectionStateReady"]
    );
}

#[test]
fn proxy_requests_answer_as_tdlib() {
    let mut c = Client::basic();
    // Before the parameters, TDLib keeps proxy requests and answers them afterwards.
    tdsim::send(
        c.id,
        &json!({"@type":"getProxies","@extra":"early"}).to_string(),
    );
    assert!(c.drain().iter().all(|v| v["@extra"] != "early"));
    let (_, ok) = c.request(params());
    assert_eq!(ok["@type"], "ok");
    let early = c.drain();
    assert_eq!(
        early.iter().find(|v| v["@extra"] == "early").unwrap()["proxies"],
        json!([])
    );

    let add = |c: &mut Client, proxy: Value| {
        c.call(json!({"@type":"addProxy","proxy":proxy,"enable":false}))
    };
    assert_eq!(add(&mut c, socks("10.0.0.1", 1080))["id"], 2);
    assert_eq!(
        add(&mut c, mtproto("dd0123456789ABCDEF0123456789abcdef"))["id"],
        3
    );
    let same = add(&mut c, socks("10.0.0.1", 1080));
    assert_eq!(same["id"], 2, "the same proxy twice is one entry");
    let tls = add(
        &mut c,
        mtproto("ee0123456789abcdef0123456789abcdef676f6f676c652e636f6d"),
    );
    assert_eq!(
        tls["proxy"]["type"]["secret"],
        "7gEjRWeJq83vASNFZ4mrze9nb29nbGUuY29t"
    );
    let http = json!({"@type":"proxy","server":"proxy.example.com","port":8080,
        "type":{"@type":"proxyTypeHttp","username":"a","password":"b","http_only":true}});
    assert_eq!(add(&mut c, http)["proxy"]["type"]["http_only"], true);
    let errors = [
        (Value::Null, "Proxy must be non-empty"),
        (
            json!({"@type":"proxy","server":"x","port":1}),
            "Proxy type must be non-empty",
        ),
        (socks("", 1080), "Server name must be non-empty"),
        (socks("x", 0), "Wrong port number"),
        (socks("x", 65536), "Wrong port number"),
        (mtproto("zz"), "Wrong proxy secret"),
        (mtproto("0123456789abcdef"), "Wrong proxy secret"),
    ];
    for (proxy, message) in errors {
        assert_eq!(add(&mut c, proxy.clone())["message"], message, "{proxy}");
    }
    let edited = c.call(
        json!({"@type":"editProxy","proxy_id":3,"proxy":socks("10.0.0.9", 1081),"enable":true}),
    );
    assert_eq!(
        (edited["id"].as_i64(), &edited["is_enabled"]),
        (Some(3), &json!(true))
    );
    let kept = c.call(
        json!({"@type":"editProxy","proxy_id":3,"proxy":socks("10.0.0.9", 1082),"enable":false}),
    );
    assert_eq!(kept["is_enabled"], true, "editing does not disable");
    for (request, message) in [
        (
            json!({"@type":"editProxy","proxy_id":99,"proxy":socks("x", 1)}),
            "Proxy not found",
        ),
        (
            json!({"@type":"enableProxy","proxy_id":99}),
            "Unknown proxy identifier",
        ),
        (
            json!({"@type":"removeProxy","proxy_id":99}),
            "Unknown proxy identifier",
        ),
    ] {
        assert_eq!(c.call(request)["message"], message);
    }
    c.call(json!({"@type":"enableProxy","proxy_id":2}));
    let listed = c.call(json!({"@type":"getProxies"}));
    let enabled: Vec<i64> = listed["proxies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["is_enabled"] == true)
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    assert_eq!(enabled, [2], "one proxy enabled at a time");
    assert_eq!(
        c.call(json!({"@type":"removeProxy","proxy_id":2}))["@type"],
        "ok"
    );
    assert_eq!(
        c.call(json!({"@type":"getProxies"}))["proxies"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(c.call(json!({"@type":"disableProxy"}))["@type"], "ok");
}

#[test]
fn pings_and_links() {
    let mut c = ready();
    let direct = c.call(json!({"@type":"pingProxy"}));
    assert_eq!(direct["@type"], "seconds");
    c.control.drop_connection();
    assert_eq!(
        c.call(json!({"@type":"pingProxy"}))["message"],
        "No route to host"
    );
    c.control.restore_connection();
    assert_eq!(
        c.call(json!({"@type":"pingProxy","proxy":socks("x", 0)}))["message"],
        "Wrong port number"
    );
    let link = |c: &mut Client, proxy: Value, is_http: bool| {
        c.call(json!({"@type":"getInternalLink","type":{"@type":"internalLinkTypeProxy","proxy":proxy},"is_http":is_http}))
    };
    let creds = json!({"@type":"proxy","server":"10.0.0.1","port":1080,
        "type":{"@type":"proxyTypeSocks5","username":"u","password":"p w"}});
    let https = link(&mut c, creds.clone(), true);
    assert_eq!(
        https["url"],
        "https://t.me/socks?server=10.0.0.1&port=1080&user=u&pass=p%20w"
    );
    assert_eq!(
        link(&mut c, mtproto("dd0123456789abcdef0123456789abcdef"), false)["url"],
        "tg://proxy?server=10.0.0.2&port=443&secret=dd0123456789abcdef0123456789abcdef"
    );
    let http = json!({"@type":"proxy","server":"h","port":80,
        "type":{"@type":"proxyTypeHttp","username":"","password":"","http_only":false}});
    assert_eq!(
        link(&mut c, http, true)["message"],
        "HTTP proxies have no public links"
    );
    let parsed = c.call(json!({"@type":"getInternalLinkType","link":https["url"]}));
    assert_eq!(parsed["@type"], "internalLinkTypeProxy");
    assert_eq!(parsed["proxy"]["type"]["password"], "p w");
    let unsupported = c.call(json!({"@type":"getInternalLinkType",
        "link":"https://t.me/proxy?server=1.2.3.4&port=443&secret=zz"}));
    assert_eq!(unsupported["@type"], "internalLinkTypeProxy");
    assert!(
        unsupported.get("proxy").is_none(),
        "a proxy TDLib refuses is null"
    );
    assert_eq!(
        c.call(json!({"@type":"getInternalLinkType","link":"hello"}))["code"],
        404
    );
}

#[test]
fn proxies_are_per_client_and_reachability_per_world() {
    let world = tdsim::create_world(tdsim::WorldConfig::default());
    let mut a = Client::member(world, "+15550100");
    let mut b = Client::member(world, "+15550000002");
    a.call(json!({"@type":"addProxy","proxy":socks("10.0.0.1", 1080),"enable":true}));
    assert_eq!(states(&a.drain()), ["connectionStateConnectingToProxy"]);
    assert!(states(&b.drain()).is_empty(), "b has no proxy");
    assert_eq!(b.call(json!({"@type":"getProxies"}))["proxies"], json!([]));
    b.call(json!({"@type":"addProxy","proxy":socks("10.0.0.1", 1080),"enable":true}));
    b.drain();
    tdsim::world(world)
        .unwrap()
        .set_proxy_reachable("10.0.0.1", 1080, Some(0.3));
    for c in [&a, &b] {
        assert_eq!(
            states(&c.drain()).last().map(String::as_str),
            Some("connectionStateReady")
        );
    }
}
