//! A floor on a free loopback port, and TDLib clients joined to it over TCP.
#![allow(dead_code)]

use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use floor::{Connection, Notice, Server, ServerConfig};
use serde_json::{Value, json};

pub fn server(change: impl FnOnce(&mut ServerConfig)) -> (Server, Receiver<Notice>) {
    let mut config = ServerConfig::new(
        tdsim::WorldConfig::default(),
        "127.0.0.1:0".parse().unwrap(),
    );
    change(&mut config);
    Server::start(config).expect("the floor listens")
}

/// The next notice within 10 s.
pub fn notice(rx: &Receiver<Notice>) -> Notice {
    rx.recv_timeout(Duration::from_secs(10))
        .expect("a notice within 10 s")
}

/// One client over one connection.
pub struct Remote {
    pub conn: Connection,
    pub id: i32,
    extra: u64,
}

impl Remote {
    pub fn join(server: &Server, token: Option<&str>) -> Remote {
        let conn = Connection::connect(&server.addr().to_string(), token, "test").expect("joins");
        let id = conn.create_client();
        assert!(id > 0, "a client id");
        Remote { conn, id, extra: 0 }
    }

    /// Sends a request and waits for its reply (objects before it are returned too).
    pub fn call(&mut self, mut req: Value) -> (Vec<Value>, Value) {
        self.extra += 1;
        req["@extra"] = json!(self.extra);
        self.conn.send(self.id, &req.to_string());
        let mut seen = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            assert!(Instant::now() < deadline, "no reply to {req}");
            let Some(raw) = self.conn.receive(1.0) else {
                continue;
            };
            let v: Value = serde_json::from_str(&raw).expect("JSON");
            assert_eq!(v["@client_id"], json!(self.id), "{raw}");
            if v["@extra"] == json!(self.extra) {
                return (seen, v);
            }
            seen.push(v);
        }
    }

    pub fn login(&mut self, phone: &str) {
        for req in [
            json!({"@type":"setTdlibParameters","database_directory":"/tmp/x","api_id":1,"api_hash":"h",
                   "system_language_code":"en","device_model":"test","application_version":"1"}),
            json!({"@type":"setAuthenticationPhoneNumber","phone_number":phone}),
            json!({"@type":"checkAuthenticationCode","code":tdsim::LOGIN_CODE}),
        ] {
            let (_, reply) = self.call(req);
            assert_eq!(reply["@type"], "ok", "{reply}");
        }
    }

    /// Objects until one satisfies `f` (within 10 s).
    pub fn wait_for(&self, what: &str, f: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            assert!(Instant::now() < deadline, "never saw {what}");
            if let Some(raw) = self.conn.receive(0.5) {
                let v: Value = serde_json::from_str(&raw).expect("JSON");
                if f(&v) {
                    return v;
                }
            }
        }
    }

    /// The floor's team request, as td_execute answers it.
    pub fn team(&self) -> Value {
        let raw = self
            .conn
            .execute(r#"{"@type":"tdsimGetTeam","@extra":"t"}"#)
            .expect("the floor answers");
        serde_json::from_str(&raw).unwrap()
    }
}

pub fn is_free(team: &Value, phone: &str) -> bool {
    team["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["phone"] == phone)
        .unwrap_or_else(|| panic!("{phone} in {team}"))["is_free"]
        == json!(true)
}

/// Waits until `f` holds (within 10 s).
pub fn eventually(what: &str, f: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !f() {
        assert!(Instant::now() < deadline, "never: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}
