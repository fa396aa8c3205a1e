//! TDSIM_FLOOR: the drop-in library joins a floor server instead of making a world of its
//! own, so any TDLib client logs in beside the DutyDesks there. One test in this binary: the
//! library reads the variable once, at its first client.

mod common;

use common::{TdJson, simulator_path};
use serde_json::{Value, json};

#[test]
fn the_library_joins_the_floor_named_by_the_environment() {
    let mut config = floor::ServerConfig::new(
        tdsim::WorldConfig::default(),
        "127.0.0.1:0".parse().unwrap(),
    );
    config.token = Some("T0KEN".into());
    let (server, _notices) = floor::Server::start(config).unwrap();
    // SAFETY: this binary runs a single test that reads the environment.
    unsafe {
        std::env::set_var("TDSIM_FLOOR", server.addr().to_string());
        std::env::set_var("TDSIM_FLOOR_TOKEN", "T0KEN");
    }
    let td = TdJson::load(&simulator_path());
    let id = td.create_client_id();
    assert!(id > 0);
    let team = td
        .execute(r#"{"@type":"tdsimGetTeam"}"#)
        .expect("the floor answers");
    assert_eq!(team["@type"], "tdsimTeam");
    let reply = |td: &TdJson, req: Value| {
        td.send(id, &req.to_string());
        let extra = req["@extra"].clone();
        let seen = td.collect_until(id, 10.0, |v| v["@extra"] == extra);
        seen.last().cloned().expect("a reply")
    };
    for (n, req) in [
        json!({"@type":"setTdlibParameters","database_directory":"/tmp/x","api_id":1,"api_hash":"h",
               "system_language_code":"en","device_model":"t","application_version":"1"}),
        json!({"@type":"setAuthenticationPhoneNumber","phone_number":"+15550000003"}),
        json!({"@type":"checkAuthenticationCode","code":tdsim::LOGIN_CODE}),
    ]
    .into_iter()
    .enumerate()
    {
        let mut req = req;
        req["@extra"] = json!(n);
        assert_eq!(reply(&td, req)["@type"], "ok");
    }
    let me = reply(&td, json!({"@type": "getMe", "@extra": "me"}));
    assert_eq!(me["first_name"], "Kim");
    // The server's world has Kim logged in, by this library's client.
    let kim = server
        .seats()
        .into_iter()
        .find(|s| s.member.phone == "+15550000003")
        .unwrap();
    assert_eq!(kim.clients, vec![id]);
    // Synchronous requests other than the floor's stay this process's.
    let entities = td
        .execute(r#"{"@type":"getTextEntities","text":"@kim"}"#)
        .unwrap();
    assert_eq!(entities["@type"], "textEntities");
}
