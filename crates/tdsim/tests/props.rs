//! Outside text never panics the simulator: scenario files (colleagues' tables included),
//! proxy links and proxy fields sent by any client. And for every proxy TDLib accepts, reading
//! back its link gives the same proxy (parse(build(x)) == x).

mod common;

use common::Client;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};
use tdsim::Scenario;

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: 512,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn scenario_text_never_panics_the_parser() {
    let entry = prop_oneof![
        "[ -~]{0,12}".prop_map(|n| format!("{n:?}")),
        (
            "[ -~]{0,8}",
            proptest::option::of("[+0-9 a-z]{0,14}"),
            any::<bool>()
        )
            .prop_map(|(name, phone, admin)| {
                let phone = phone.map_or(String::new(), |p| format!(", phone = {p:?}"));
                format!("{{ name = {name:?}{phone}, admin = {admin} }}")
            }),
        "[ -~]{0,16}",
    ];
    let staff = proptest::collection::vec(entry, 0..5).prop_map(|v| v.join(", "));
    let strategy = (staff, "[ -~\n]{0,80}");
    runner()
        .run(&strategy, |(staff, tail)| {
            let text = format!("name = \"x\"\n[duty_group]\nstaff = [{staff}]\n{tail}");
            if let Err(e) = Scenario::parse(&text, "p.toml") {
                prop_assert!(e.to_string().starts_with("p.toml:"), "{e}");
            }
            Ok(())
        })
        .unwrap();
}

fn proxy_json() -> impl Strategy<Value = Value> {
    let server = "[ -~]{0,20}";
    let port = prop_oneof![0i64..70_000, any::<i64>()];
    let secret = prop_oneof![
        "[0-9a-fA-F]{0,70}",
        "(dd|ee)[0-9a-f]{32}[0-9a-f]{0,30}",
        "[A-Za-z0-9_=+/-]{0,50}",
    ];
    let kind = prop_oneof![
        ("[ -~]{0,8}", "[ -~]{0,8}")
            .prop_map(|(u, p)| json!({"@type":"proxyTypeSocks5","username":u,"password":p})),
        secret.prop_map(|s| json!({"@type":"proxyTypeMtproto","secret":s})),
        any::<bool>().prop_map(
            |h| json!({"@type":"proxyTypeHttp","username":"","password":"","http_only":h})
        ),
    ];
    (server, port, kind).prop_map(
        |(server, port, kind)| json!({"@type":"proxy","server":server,"port":port,"type":kind}),
    )
}

#[test]
fn proxies_and_links_from_any_client_never_panic_and_round_trip() {
    let mut client = Client::basic();
    client.login();
    // The runner takes a Fn: one client, borrowed per case.
    let c = std::cell::RefCell::new(client);
    runner()
        .run(&proxy_json(), |proxy| {
            let c = &mut *c.borrow_mut();
            let added = c.call(json!({"@type":"addProxy","proxy":proxy,"enable":false}));
            prop_assert!(
                added["@type"] == "addedProxy" || added["code"] == 400,
                "{added}"
            );
            if added["@type"] != "addedProxy" {
                return Ok(());
            }
            let stored = added["proxy"].clone();
            let link = c.call(json!({"@type":"getInternalLink",
                "type":{"@type":"internalLinkTypeProxy","proxy":stored},"is_http":true}));
            if link["@type"] == "httpUrl" {
                let back = c.call(json!({"@type":"getInternalLinkType","link":link["url"]}));
                prop_assert_eq!(&back["proxy"], &stored, "{}", link["url"]);
            }
            Ok(())
        })
        .unwrap();
    runner()
        .run(&"[ -~]{0,60}", |link| {
            let reply = c
                .borrow_mut()
                .call(json!({"@type":"getInternalLinkType","link":link}));
            prop_assert!(
                reply["@type"] == "internalLinkTypeProxy" || reply["code"] == 404,
                "{reply}"
            );
            Ok(())
        })
        .unwrap();
}
