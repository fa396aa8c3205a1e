//! A scripted session that touches every supported request and every kind of update, used by
//! the schema test (tests/tdsim_schema.rs at the workspace root checks each object against
//! tdlib-rs) and by the determinism tests. Not part of the simulator itself.

mod network;
mod team;

use serde_json::{Value, json};

use crate::{Control, WorldConfig};

/// Everything one client produced during the session, in order.
pub struct Transcript {
    pub objects: Vec<String>,
}

struct Session {
    id: i32,
    control: Control,
    extra: u64,
    objects: Vec<String>,
}

impl Session {
    /// A new client of the same world as `other`.
    fn join(other: &Session) -> Session {
        let id = other.control.world().create_client();
        Session {
            id,
            control: crate::control(id).expect("just joined"),
            extra: 0,
            objects: Vec::new(),
        }
    }

    fn login(&mut self, phone: &str) {
        self.call(
            json!({"@type":"setTdlibParameters","database_directory":"db","api_id":1,"api_hash":"h",
            "system_language_code":"en","device_model":"tdsim","application_version":"1"}),
        );
        self.call(json!({"@type":"setAuthenticationPhoneNumber","phone_number":phone}));
        self.call(json!({"@type":"checkAuthenticationCode","code":crate::LOGIN_CODE}));
        while self
            .call(json!({"@type":"loadChats","chat_list":{"@type":"chatListMain"},"limit":50}))["@type"]
            == "ok"
        {}
    }

    /// The server id of this client's last confirmed send.
    fn last_sent(&self) -> i64 {
        last_sent_id(&self.objects).unwrap_or(0)
    }

    fn collect(&mut self) {
        self.objects.extend(self.control.drain());
    }

    /// Sends a request and returns its reply (collecting everything before it).
    fn call(&mut self, mut req: Value) -> Value {
        self.extra += 1;
        req["@extra"] = json!(self.extra);
        crate::send(self.id, &req.to_string());
        let want = json!(self.extra);
        loop {
            let Some(raw) = self.control.receive(5.0) else {
                return json!({"@type":"error","code":0,"message":"no reply"});
            };
            let v: Value = serde_json::from_str(&raw).unwrap_or(Value::Null);
            self.objects.push(raw);
            if v.get("@extra") == Some(&want) {
                return v;
            }
        }
    }

    fn raw(&mut self, req: &str) {
        crate::send(self.id, req);
        self.collect();
    }
}

fn ids(v: &Value, key: &str) -> Vec<i64> {
    v[key]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default()
}

/// Logs in, loads every chat, exercises the requests, injects faults, then lets `seconds` of
/// virtual time pass in steps of `step` seconds, and closes.
pub fn run(config: WorldConfig, seconds: i64, step: i64) -> Transcript {
    let id = crate::create_client_with(config);
    let control = crate::control(id).expect("just created");
    let mut s = Session {
        id,
        control,
        extra: 0,
        objects: Vec::new(),
    };
    s.call(json!({"@type":"getAuthorizationState"}));
    s.call(json!({"@type":"getOption","name":"version"}));
    s.call(json!({"@type":"getMe"}));
    s.raw("{not json");
    s.raw(r#"{"@type":"noSuchMethod","@extra":"x"}"#);
    s.call(
        json!({"@type":"setTdlibParameters","database_directory":"db","api_id":1,"api_hash":"h",
        "system_language_code":"en","device_model":"tdsim","application_version":"1"}),
    );
    s.call(json!({"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100"}));
    s.call(json!({"@type":"checkAuthenticationCode","code":"00000"}));
    let state = s.call(json!({"@type":"checkAuthenticationCode","code":crate::LOGIN_CODE}));
    if state["@type"] == "ok"
        && s.call(json!({"@type":"getAuthorizationState"}))["@type"]
            == "authorizationStateWaitPassword"
    {
        let password = crate::hub::lock(&crate::hub::hub().world(id).expect("world"))
            .scenario
            .account
            .password
            .clone();
        s.call(
            json!({"@type":"checkAuthenticationPassword","password":password.unwrap_or_default()}),
        );
    }
    s.call(json!({"@type":"setOption","name":"online","value":{"@type":"optionValueBoolean","value":true}}));
    s.call(json!({"@type":"getOption","name":"unix_time"}));
    while s.call(json!({"@type":"loadChats","chat_list":{"@type":"chatListMain"},"limit":50}))["@type"]
        == "ok"
    {}
    let layout = s.control.layout();
    for (folder, _) in &layout.folders {
        s.call(json!({"@type":"getChatFolder","chat_folder_id":folder}));
        s.call(json!({"@type":"loadChats","chat_list":{"@type":"chatListFolder","chat_folder_id":folder},"limit":10}));
    }
    let chats =
        s.call(json!({"@type":"getChats","chat_list":{"@type":"chatListMain"},"limit":1000}));
    for chat_id in ids(&chats, "chat_ids").into_iter().take(12) {
        let chat = s.call(json!({"@type":"getChat","chat_id":chat_id}));
        match chat["type"]["@type"].as_str() {
            Some("chatTypeBasicGroup") => {
                s.call(json!({"@type":"getBasicGroup","basic_group_id":chat["type"]["basic_group_id"]}));
            }
            Some("chatTypeSupergroup") => {
                s.call(
                    json!({"@type":"getSupergroup","supergroup_id":chat["type"]["supergroup_id"]}),
                );
            }
            _ => {}
        }
        s.call(json!({"@type":"getChatHistory","chat_id":chat_id,"from_message_id":0,"offset":0,"limit":10,"only_local":false}));
        s.call(json!({"@type":"searchChatMembers","chat_id":chat_id,"query":"","limit":10}));
    }
    s.call(json!({"@type":"searchMessages","query":"the","offset":"","limit":20}));
    s.call(json!({"@type":"getChat","chat_id":424242}));
    s.call(json!({"@type":"getUser","user_id":layout.lead}));
    s.call(json!({"@type":"getStickers","limit":1}));

    let chat = layout.customer_chats[0].clone();
    let customer = chat.customers[0];
    s.call(json!({"@type":"openChat","chat_id":chat.chat_id}));
    let incoming = s
        .control
        .write(
            chat.chat_id,
            customer,
            "Hello @dana_duty, see https://example.com #urgent",
        )
        .unwrap_or(0);
    s.control
        .write_late(chat.chat_id, customer, "this one was delayed", 300)
        .ok();
    s.call(json!({"@type":"viewMessages","chat_id":chat.chat_id,"message_ids":[incoming],"force_read":true}));
    s.call(json!({"@type":"getMessage","chat_id":chat.chat_id,"message_id":incoming}));
    s.call(json!({"@type":"getMessages","chat_id":chat.chat_id,"message_ids":[incoming, 7]}));
    s.call(json!({"@type":"searchChatMessages","chat_id":chat.chat_id,"query":"hello","from_message_id":0,"offset":0,"limit":10}));
    s.call(json!({"@type":"getChatMember","chat_id":chat.chat_id,"member_id":{"@type":"messageSenderUser","user_id":customer}}));
    for chat in &layout.customer_chats[..layout.customer_chats.len().min(3)] {
        let c = s.call(json!({"@type":"getChat","chat_id":chat.chat_id}));
        let (sg, bg) = (&c["type"]["supergroup_id"], &c["type"]["basic_group_id"]);
        if sg.is_i64() {
            s.call(
                json!({"@type":"getSupergroupMembers","supergroup_id":sg,"offset":0,"limit":50}),
            );
        }
        if bg.is_i64() {
            s.call(json!({"@type":"getBasicGroupFullInfo","basic_group_id":bg}));
        }
        let last = c["last_message"]["id"].clone();
        s.call(json!({"@type":"getMessageLink","chat_id":chat.chat_id,"message_id":last}));
        s.call(json!({"@type":"sendChatAction","chat_id":chat.chat_id,"action":{"@type":"chatActionTyping"}}));
    }
    let text = |t: &str| json!({"@type":"inputMessageText","text":{"@type":"formattedText","text":t,"entities":[]}});
    let sent = s.call(json!({"@type":"sendMessage","chat_id":chat.chat_id,"reply_to":{"@type":"inputMessageReplyToMessage","message_id":incoming},"input_message_content":text("On it")}));
    s.collect();
    let sent_id = last_sent_id(&s.objects).unwrap_or(sent["id"].as_i64().unwrap_or(0));
    s.call(json!({"@type":"editMessageText","chat_id":chat.chat_id,"message_id":sent_id,"input_message_content":text("On it, 5 minutes")}));
    s.control.fail_next_send(500, "Internal Server Error");
    s.call(
        json!({"@type":"sendMessage","chat_id":chat.chat_id,"input_message_content":text("fails")}),
    );
    s.control.flood_wait_next_send(17);
    s.call(json!({"@type":"sendMessage","chat_id":chat.chat_id,"input_message_content":{"@type":"inputMessagePhoto","caption":{"@type":"formattedText","text":"screenshot"}}}));
    s.call(json!({"@type":"deleteMessages","chat_id":chat.chat_id,"message_ids":[sent_id],"revoke":true}));
    s.control.edit(chat.chat_id, incoming, "Hello again").ok();
    s.control.delete(chat.chat_id, &[incoming]).ok();
    s.control.drop_connection();
    s.control
        .write(chat.chat_id, customer, "are you there?")
        .ok();
    s.call(json!({"@type":"sendMessage","chat_id":chat.chat_id,"input_message_content":text("queued while offline")}));
    s.control.restore_connection();
    s.call(json!({"@type":"toggleChatIsMarkedAsUnread","chat_id":layout.duty_group_chat_id,"is_marked_as_unread":true}));
    s.call(json!({"@type":"readChatList","chat_list":{"@type":"chatListMain"}}));
    s.call(json!({"@type":"closeChat","chat_id":chat.chat_id}));
    // Changes in the shape of the world.
    s.control.rename_chat(chat.chat_id, "Renamed support").ok();
    if let Some((folder, _)) = layout.folders.first() {
        s.control
            .set_in_folder(layout.duty_group_chat_id, *folder, true)
            .ok();
        s.control
            .set_in_folder(layout.duty_group_chat_id, *folder, false)
            .ok();
    }
    let (new_chat, new_customers) = s.control.add_customer_chat("Newcomer support", 2, false);
    s.control
        .write(new_chat, new_customers[0], "hi, we are new")
        .ok();
    s.control.add_customer_chat("Walk-in", 1, true);
    s.control
        .remove_member(
            layout.duty_group_chat_id,
            layout.staff[layout.staff.len() - 1],
        )
        .ok();
    s.control
        .add_member(
            layout.duty_group_chat_id,
            layout.staff[layout.staff.len() - 1],
        )
        .ok();
    s.control.remove_member(new_chat, layout.me).ok();
    s.collect();
    team::run(&mut s, &layout);
    network::run(&mut s);
    let mut passed = 0;
    while passed < seconds {
        let dt = step.clamp(1, seconds - passed);
        s.control.advance(dt);
        passed += dt;
        s.collect();
    }
    s.call(json!({"@type":"close"}));
    s.collect();
    Transcript { objects: s.objects }
}

fn last_sent_id(objects: &[String]) -> Option<i64> {
    objects.iter().rev().find_map(|o| {
        let v: Value = serde_json::from_str(o).ok()?;
        (v["@type"] == "updateMessageSendSucceeded")
            .then(|| v["message"]["id"].as_i64())
            .flatten()
    })
}
