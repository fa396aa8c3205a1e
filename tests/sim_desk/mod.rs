//! A logged-in simulated account whose updates reach a desk the way the app's do: tdsim's
//! td_json parsed into tdlib-rs updates, translated by src/telegram/translate.rs, applied
//! at the simulator's virtual time. Shared by the desk and statistics tests.
#![allow(dead_code)]

use dutydesk::desk::{Desk, Settings, StaffRules, Transition};
use dutydesk::telegram::TgEvent;
use dutydesk::telegram::translate::Translator;
use serde_json::{Value, json};

pub struct Sim {
    pub id: i32,
    pub control: tdsim::Control,
    extra: u64,
    translator: Translator,
    /// Updates are dropped instead of fed to the desk: a desk that missed them.
    pub deaf: bool,
    pub desk: Desk,
    pub transitions: Vec<Transition>,
}

impl Sim {
    /// A fresh default world, logged in with its main list loaded, on a desk that knows
    /// the account, the duty group and the staff.
    pub fn start() -> Sim {
        Sim::start_with(tdsim::WorldConfig::default())
    }

    /// Like `start`, in a world of this config (scenario, seed, start time).
    pub fn start_with(config: tdsim::WorldConfig) -> Sim {
        let id = tdsim::create_client_with(config);
        let control = tdsim::control(id).expect("world just created");
        let layout = control.layout();
        let settings = Settings {
            own_user: Some(layout.me),
            staff: StaffRules {
                duty_group: Some(layout.duty_group_chat_id),
                extra_staff: layout.staff.clone(),
            },
            ..Settings::default()
        };
        let mut sim = Sim {
            id,
            control,
            extra: 0,
            translator: Translator::default(),
            deaf: false,
            desk: Desk::new(settings),
            transitions: Vec::new(),
        };
        sim.call(json!({"@type":"setTdlibParameters","database_directory":"db","api_id":1,
            "api_hash":"h","system_language_code":"en","device_model":"test","application_version":"1"}));
        sim.call(json!({"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100"}));
        let code = sim.call(json!({"@type":"checkAuthenticationCode","code":tdsim::LOGIN_CODE}));
        assert_eq!(code["@type"], "ok", "login: {code}");
        while sim
            .call(json!({"@type":"loadChats","chat_list":{"@type":"chatListMain"},"limit":100}))["@type"]
            == "ok"
        {}
        sim.pump();
        sim
    }

    /// The app restarted: a fresh desk that knows the chats (as after loading the chat
    /// list) but nothing of their waits, with the same settings.
    pub fn restart_desk(&mut self) {
        let settings = self.desk.settings().clone();
        self.desk = Desk::new(settings);
        let now = self.control.now();
        for c in self.control.layout().customer_chats {
            let kind = if c.is_private {
                dutydesk::desk::ChatKind::Private
            } else {
                dutydesk::desk::ChatKind::Supergroup
            };
            self.desk.apply(
                dutydesk::desk::Event::ChatAdded {
                    chat: c.chat_id,
                    kind,
                    title: c.title,
                },
                now,
            );
        }
    }

    /// Feeds one td_json object to the desk if it is an update.
    pub fn feed(&mut self, raw: &str) {
        let v: Value = serde_json::from_str(raw).expect("tdsim emits JSON");
        let is_update = v["@type"].as_str().is_some_and(|t| t.starts_with("update"));
        if !is_update || self.deaf {
            return;
        }
        let update: tdlib_rs::enums::Update =
            serde_json::from_str(raw).unwrap_or_else(|e| panic!("tdlib-rs parses {raw}: {e}"));
        let mut events = Vec::new();
        self.translator.translate(update, &mut |e| {
            if let TgEvent::Desk(e) = e {
                events.push(e);
            }
        });
        let now = self.control.now();
        for e in events {
            self.desk.apply_into(e, now, &mut self.transitions);
        }
    }

    /// Feeds every update tdsim has produced so far.
    pub fn pump(&mut self) {
        for raw in self.control.drain() {
            self.feed(&raw);
        }
    }

    /// Sends a request and returns its reply, feeding every update before it to the desk.
    pub fn call(&mut self, mut req: Value) -> Value {
        self.extra += 1;
        req["@extra"] = json!(self.extra);
        tdsim::send(self.id, &req.to_string());
        loop {
            let raw = self.control.receive(5.0).expect("tdsim answers");
            let v: Value = serde_json::from_str(&raw).expect("tdsim emits JSON");
            if v.get("@extra") == Some(&json!(self.extra)) {
                return v;
            }
            self.feed(&raw);
        }
    }

    /// A customer chat with a customer in it.
    pub fn customer_chat(&self) -> tdsim::CustomerChat {
        self.control
            .layout()
            .customer_chats
            .into_iter()
            .find(|c| !c.customers.is_empty())
            .expect("a customer chat")
    }

    /// A customer chat with a customer and a staff colleague in it.
    pub fn chat_with_a_colleague(&self) -> tdsim::CustomerChat {
        self.control
            .layout()
            .customer_chats
            .into_iter()
            .find(|c| !c.staff.is_empty() && !c.customers.is_empty())
            .expect("a customer chat with a colleague in it")
    }

    /// Sends a text as the admin; the reply is TDLib's pending message.
    pub fn send_text(&mut self, chat: i64, text: &str) -> Value {
        let reply = self.call(json!({"@type":"sendMessage","chat_id":chat,
            "input_message_content":{"@type":"inputMessageText",
                "text":{"@type":"formattedText","text":text}}}));
        assert_eq!(reply["@type"], "message", "sendMessage: {reply}");
        reply
    }
}
