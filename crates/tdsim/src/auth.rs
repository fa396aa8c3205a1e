//! Start-up, options and the authorization state machine of each client, with TDLib's
//! messages: WaitTdlibParameters -> WaitPhoneNumber -> WaitCode -> [WaitPassword] -> Ready;
//! close -> Closing -> Closed; logOut -> LoggingOut -> Closing -> Closed. The phone number
//! decides who the client logs in as: the scenario's account, or the colleague with that
//! number (any other number logs in as the account).

use crate::connection::{CONNECTING, READY, UPDATING};
use crate::json::W;
use crate::model::UserId;
use crate::objects;
use crate::populate::digits;
use crate::req::{Fail, Request, bad};
use crate::session::{Auth, OptionValue};
use crate::world::{ME, World};

/// The login code the simulator accepts.
pub const LOGIN_CODE: &str = "22222";
pub const VERSION: &str = "1.8.61";
pub const COMMIT_HASH: &str = "tdsim";

/// Options a client may set (others give "Option can't be set", as in TDLib).
const WRITABLE: [&str; 16] = [
    "online",
    "use_storage_optimizer",
    "ignore_file_names",
    "ignore_background_updates",
    "ignore_inline_thumbnails",
    "ignore_platform_restrictions",
    "ignore_sensitive_content_restrictions",
    "disable_animated_emoji",
    "disable_contact_registered_notifications",
    "disable_network_statistics",
    "disable_top_chats",
    "language_pack_id",
    "localization_target",
    "notification_group_count_max",
    "notification_group_size_max",
    "prefer_ipv6",
];

pub fn state_object(w: &mut W, world: &World, s: usize) {
    let session = &world.sessions[s];
    match session.auth {
        Auth::WaitParameters => w.open("authorizationStateWaitTdlibParameters"),
        Auth::WaitPhone => w.open("authorizationStateWaitPhoneNumber"),
        Auth::WaitCode => {
            w.open("authorizationStateWaitCode");
            w.obj("code_info", "authenticationCodeInfo", |w| {
                w.str("phone_number", &session.phone);
                w.obj("type", "authenticationCodeTypeTelegramMessage", |w| {
                    w.int("length", LOGIN_CODE.len() as i64)
                });
                w.int("timeout", 0);
            });
        }
        Auth::WaitPassword => {
            w.open("authorizationStateWaitPassword");
            w.str("password_hint", &world.scenario.account.password_hint);
            w.bool("has_recovery_email_address", false);
            w.bool("has_passport_data", false);
            w.str("recovery_email_address_pattern", "");
        }
        Auth::Ready => w.open("authorizationStateReady"),
        Auth::LoggingOut => w.open("authorizationStateLoggingOut"),
        Auth::Closing => w.open("authorizationStateClosing"),
        Auth::Closed => w.open("authorizationStateClosed"),
    }
    w.close();
}

pub fn option_value(w: &mut W, v: Option<&OptionValue>) {
    match v {
        None => w.open("optionValueEmpty"),
        Some(OptionValue::Bool(b)) => {
            w.open("optionValueBoolean");
            w.bool("value", *b);
        }
        Some(OptionValue::Int(i)) => {
            w.open("optionValueInteger");
            w.long("value", *i);
        }
        Some(OptionValue::Str(s)) => {
            w.open("optionValueString");
            w.str("value", s);
        }
    }
}

impl World {
    pub fn set_auth(&mut self, s: usize, auth: Auth) {
        self.sessions[s].auth = auth;
        self.emit(s, "updateAuthorizationState", |w, world| {
            w.key("authorization_state");
            state_object(w, world, s);
        });
    }

    pub fn set_option(&mut self, s: usize, name: &str, value: OptionValue) {
        self.sessions[s].options.insert(name.to_string(), value);
        self.emit(s, "updateOption", |w, world| {
            w.str("name", name);
            w.key("value");
            option_value(w, world.sessions[s].options.get(name));
            w.close();
        });
    }

    /// What TDLib sends when a client receives its first request.
    pub fn start(&mut self, s: usize) {
        self.sessions[s].started = true;
        self.set_option(s, "version", OptionValue::Str(VERSION.into()));
        self.set_option(s, "commit_hash", OptionValue::Str(COMMIT_HASH.into()));
        self.set_auth(s, Auth::WaitParameters);
    }

    pub fn option(&self, s: usize, name: &str) -> Option<OptionValue> {
        match name {
            "unix_time" => Some(OptionValue::Int(self.now)),
            _ => self.sessions[s].options.get(name).cloned(),
        }
    }

    pub fn set_tdlib_parameters(&mut self, s: usize, r: &Request) -> Result<(), Fail> {
        if self.sessions[s].auth != Auth::WaitParameters {
            return Err(bad("Unexpected setTdlibParameters"));
        }
        if r.int("api_id")? <= 0 {
            return Err(bad(
                "Valid api_id must be provided. Can be obtained at https://my.telegram.org",
            ));
        }
        if r.str("api_hash")?.is_empty() {
            return Err(bad(
                "Valid api_hash must be provided. Can be obtained at https://my.telegram.org",
            ));
        }
        for (key, what) in [
            ("system_language_code", "System language code"),
            ("device_model", "Device model"),
            ("application_version", "Application version"),
        ] {
            if r.str(key)?.is_empty() {
                return Err(bad(format!("{what} must be non-empty")));
            }
        }
        r.str("database_directory")?;
        r.bool("use_message_database")?;
        self.announce_time_to(s);
        for (name, v) in [
            ("utc_time_offset", 0),
            ("telegram_service_notifications_chat_id", 777_000),
            ("message_text_length_max", 4096),
            ("message_caption_length_max", 1024),
            ("chat_folder_count_max", 10),
            ("pinned_chat_count_max", 5),
        ] {
            self.set_option(s, name, OptionValue::Int(v));
        }
        self.set_auth(s, Auth::WaitPhone);
        let state = self.link_state(s);
        self.sessions[s].link.up = state == READY;
        if state == READY {
            self.report_state(s, CONNECTING);
        }
        self.report_state(s, state);
        Ok(())
    }

    /// Who logs in with this phone number (digits only): a colleague, else the account.
    pub fn user_by_phone(&self, digits: &str) -> UserId {
        self.users
            .iter()
            .filter(|u| u.role != crate::model::Role::Customer)
            .find(|u| u.phone == digits)
            .map_or(ME, |u| u.id)
    }

    pub fn set_phone(&mut self, s: usize, r: &Request) -> Result<(), Fail> {
        if !matches!(
            self.sessions[s].auth,
            Auth::WaitPhone | Auth::WaitCode | Auth::WaitPassword
        ) {
            return Err(bad("Call to setAuthenticationPhoneNumber unexpected"));
        }
        let phone = r.str("phone_number")?;
        let digits = digits(&phone);
        if digits.len() < 5 {
            return Err(bad("PHONE_NUMBER_INVALID"));
        }
        self.sessions[s].user = self.user_by_phone(&digits);
        self.sessions[s].phone = digits;
        self.set_auth(s, Auth::WaitCode);
        Ok(())
    }

    /// The 2FA password of the user session `s` logs in as (only the account may have one).
    fn password_of(&self, s: usize) -> Option<&str> {
        let p = self.scenario.account.password.as_deref();
        p.filter(|p| !p.is_empty() && self.viewer(s) == ME)
    }

    pub fn check_code(&mut self, s: usize, r: &Request) -> Result<(), Fail> {
        if self.sessions[s].auth != Auth::WaitCode {
            return Err(bad("Call to checkAuthenticationCode unexpected"));
        }
        if r.str("code")?.trim() != LOGIN_CODE {
            return Err(bad("PHONE_CODE_INVALID"));
        }
        if self.password_of(s).is_some() {
            self.set_auth(s, Auth::WaitPassword);
        } else {
            self.become_ready(s);
        }
        Ok(())
    }

    pub fn check_password(&mut self, s: usize, r: &Request) -> Result<(), Fail> {
        if self.sessions[s].auth != Auth::WaitPassword {
            return Err(bad("Call to checkAuthenticationPassword unexpected"));
        }
        if Some(r.str("password")?.as_str()) != self.password_of(s) {
            return Err(bad("PASSWORD_HASH_INVALID"));
        }
        self.become_ready(s);
        Ok(())
    }

    /// Logged in: the user, the folders and the connection come first, chats on request.
    fn become_ready(&mut self, s: usize) {
        let me = self.viewer(s);
        self.set_option(s, "my_id", OptionValue::Int(me));
        self.sessions[s].auth = Auth::Ready;
        self.ensure_user(s, me);
        self.set_auth(s, Auth::Ready);
        self.report_state(s, UPDATING);
        self.emit(s, "updateChatFolders", |w, world| {
            let folders: &[crate::model::Folder] = if me == ME { &world.folders } else { &[] };
            w.arr("chat_folders", folders, objects::folder_info);
            w.int("main_chat_list_position", 0);
            w.bool("are_tags_enabled", false);
        });
        let state = self.link_state(s);
        self.report_state(s, state);
        self.sessions[s].counters = self.recount(me);
    }

    pub fn get_option(&self, s: usize, r: &Request) -> Result<W, Fail> {
        let name = r.str("name")?;
        let mut w = W::new();
        option_value(&mut w, self.option(s, &name).as_ref());
        Ok(w)
    }

    pub fn set_option_request(&mut self, s: usize, r: &Request) -> Result<(), Fail> {
        let name = r.str("name")?;
        if !WRITABLE.contains(&name.as_str()) {
            return Err(bad("Option can't be set"));
        }
        let value = match r.obj("value")? {
            None | Some(("optionValueEmpty", _)) => {
                self.sessions[s].options.remove(&name);
                return Ok(());
            }
            Some(("optionValueBoolean", m)) => {
                OptionValue::Bool(m.get("value").and_then(|v| v.as_bool()).unwrap_or(false))
            }
            Some(("optionValueInteger", m)) => {
                OptionValue::Int(m.get("value").map_or(Ok(0), crate::req::int_of)?)
            }
            Some(("optionValueString", m)) => OptionValue::Str(
                m.get("value")
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string(),
            ),
            Some((ty, _)) => {
                return Err(bad(format!(
                    "{}Unknown class \"{ty}\"",
                    crate::req::PARSE_PREFIX
                )));
            }
        };
        let expects_bool = name == "online"
            || name.starts_with("ignore_")
            || name.starts_with("disable_")
            || name.starts_with("use_")
            || name == "prefer_ipv6";
        let ok = match &value {
            OptionValue::Bool(_) => expects_bool,
            OptionValue::Int(_) => name.starts_with("notification_group"),
            OptionValue::Str(_) => name == "language_pack_id" || name == "localization_target",
        };
        if !ok {
            return Err(bad(format!("Option \"{name}\" has wrong type")));
        }
        // Setting an option the client chose is not echoed as an update by TDLib.
        self.sessions[s].options.insert(name, value);
        Ok(())
    }

    pub fn close_now(&mut self, s: usize, log_out: bool) {
        if matches!(self.sessions[s].auth, Auth::Closing | Auth::Closed) {
            return;
        }
        if log_out {
            self.set_auth(s, Auth::LoggingOut);
        }
        self.set_auth(s, Auth::Closing);
        self.set_auth(s, Auth::Closed);
        // Requests still waiting (for the parameters, for the network) get their one reply.
        let session = &mut self.sessions[s];
        let waiting: Vec<String> = session
            .held
            .drain(..)
            .chain(session.deferred.drain(..))
            .collect();
        for raw in waiting {
            let extra = crate::req::parse(&raw).ok().and_then(|r| r.extra);
            let client = Some(session.client_id);
            let out = crate::json::error(500, "Request aborted", extra.as_deref(), client);
            session.push(out);
        }
        session.release();
    }
}
