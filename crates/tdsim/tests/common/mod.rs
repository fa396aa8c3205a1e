//! Helpers: drive one simulated client through its own queue (Control::receive), so tests
//! running in parallel in this process never take each other's objects.
#![allow(dead_code)]

use serde_json::{Value, json};
use tdsim::{Control, Scenario, WorldConfig, WorldId};

pub struct Client {
    pub id: i32,
    pub control: Control,
    next_extra: u64,
}

impl Client {
    pub fn new(config: WorldConfig) -> Client {
        let id = tdsim::create_client_with(config);
        Client {
            id,
            control: tdsim::control(id).expect("control"),
            next_extra: 1,
        }
    }

    pub fn basic() -> Client {
        Client::new(WorldConfig::default())
    }

    /// A new client of an existing world (not logged in yet).
    pub fn join(world: WorldId) -> Client {
        let id = tdsim::create_client_in(world).expect("a known world");
        Client {
            id,
            control: tdsim::control(id).expect("control"),
            next_extra: 1,
        }
    }

    /// A new client of `world`, logged in with `phone` and with its main list loaded.
    pub fn member(world: WorldId, phone: &str) -> Client {
        let mut c = Client::join(world);
        c.login_as(phone);
        c.load_all_chats();
        c.drain();
        c
    }

    /// Sends a request and returns (updates received before the reply, the reply).
    pub fn request(&mut self, mut req: Value) -> (Vec<Value>, Value) {
        let extra = self.next_extra;
        self.next_extra += 1;
        req["@extra"] = json!(extra);
        tdsim::send(self.id, &req.to_string());
        let mut updates = Vec::new();
        loop {
            let raw = self.control.receive(5.0).expect("a reply within 5 s");
            let v: Value = serde_json::from_str(&raw).expect("valid JSON");
            assert_eq!(
                v["@client_id"],
                json!(self.id),
                "every object carries @client_id: {raw}"
            );
            if v.get("@extra") == Some(&json!(extra)) {
                return (updates, v);
            }
            assert!(v.get("@extra").is_none(), "unexpected reply {raw}");
            updates.push(v);
        }
    }

    pub fn call(&mut self, req: Value) -> Value {
        self.request(req).1
    }

    pub fn drain(&self) -> Vec<Value> {
        self.control
            .drain()
            .iter()
            .map(|s| serde_json::from_str(s).expect("valid JSON"))
            .collect()
    }

    /// setTdlibParameters, phone, code: ends logged in. Returns every update seen.
    pub fn login(&mut self) -> Vec<Value> {
        self.login_as("+1 555 0100")
    }

    /// As login, with another phone number (a colleague's logs in as that colleague).
    pub fn login_as(&mut self, phone: &str) -> Vec<Value> {
        let mut seen = Vec::new();
        for req in [
            json!({"@type":"setTdlibParameters","database_directory":"/tmp/x","api_id":1,"api_hash":"h",
                   "system_language_code":"en","device_model":"test","application_version":"1"}),
            json!({"@type":"setAuthenticationPhoneNumber","phone_number":phone}),
            json!({"@type":"checkAuthenticationCode","code":tdsim::LOGIN_CODE}),
        ] {
            let (updates, reply) = self.request(req);
            assert_eq!(reply["@type"], "ok", "{reply}");
            seen.extend(updates);
        }
        seen.extend(self.drain());
        seen
    }

    /// loadChats until 404; returns every update seen.
    pub fn load_all_chats(&mut self) -> Vec<Value> {
        let mut seen = Vec::new();
        loop {
            let (updates, reply) = self.request(
                json!({"@type":"loadChats","chat_list":{"@type":"chatListMain"},"limit":20}),
            );
            seen.extend(updates);
            if reply["@type"] == "error" {
                assert_eq!(reply["code"], 404, "{reply}");
                assert_eq!(reply["message"], "Not Found");
                return seen;
            }
            assert_eq!(reply["@type"], "ok");
        }
    }
}

pub fn types(updates: &[Value]) -> Vec<&str> {
    updates
        .iter()
        .map(|u| u["@type"].as_str().unwrap_or(""))
        .collect()
}

pub fn text(t: &str) -> Value {
    json!({"@type":"inputMessageText","text":{"@type":"formattedText","text":t,"entities":[]}})
}

pub fn find<'a>(updates: &'a [Value], ty: &str) -> Option<&'a Value> {
    updates.iter().find(|u| u["@type"] == ty)
}

pub fn all<'a>(updates: &'a [Value], ty: &str) -> Vec<&'a Value> {
    updates.iter().filter(|u| u["@type"] == ty).collect()
}

pub const DANA: &str = "+15550100";
pub const LENA: &str = "+15550000001";
pub const SAM: &str = "+15550000002";
pub const KIM: &str = "+15550000003";

pub fn basic_world() -> WorldId {
    tdsim::create_world(WorldConfig::default())
}

pub fn world_with(change: impl FnOnce(&mut Scenario)) -> WorldId {
    let mut scenario = Scenario::builtin("basic").expect("shipped");
    change(&mut scenario);
    tdsim::create_world(WorldConfig {
        scenario,
        ..WorldConfig::default()
    })
}

/// The updateNewMessage carrying message `id`, if the client got one.
pub fn new_message(updates: &[Value], id: i64) -> Option<&Value> {
    all(updates, "updateNewMessage")
        .into_iter()
        .map(|u| &u["message"])
        .find(|m| m["id"] == id)
}
