//! Start-up, options and the authorization state machine, with TDLib's messages:
//! WaitTdlibParameters -> WaitPhoneNumber -> WaitCode -> [WaitPassword] -> Ready;
//! close -> Closing -> Closed; logOut -> LoggingOut -> Closing -> Closed.

use crate::json::W;
use crate::objects;
use crate::req::{Fail, Request, bad};
use crate::world::{Auth, ME, OptionValue, World};

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

pub fn state_object(w: &mut W, world: &World) {
    match world.auth {
        Auth::WaitParameters => w.open("authorizationStateWaitTdlibParameters"),
        Auth::WaitPhone => w.open("authorizationStateWaitPhoneNumber"),
        Auth::WaitCode => {
            w.open("authorizationStateWaitCode");
            w.obj("code_info", "authenticationCodeInfo", |w| {
                w.str("phone_number", &world.phone);
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
    pub fn set_auth(&mut self, auth: Auth) {
        self.auth = auth;
        self.update("updateAuthorizationState", |w, world| {
            w.key("authorization_state");
            state_object(w, world);
        });
    }

    pub fn set_option(&mut self, name: &str, value: OptionValue) {
        self.options.insert(name.to_string(), value);
        self.update("updateOption", |w, world| {
            w.str("name", name);
            w.key("value");
            option_value(w, world.options.get(name));
            w.close();
        });
    }

    /// What TDLib sends when a client receives its first request.
    pub fn start(&mut self) {
        self.started = true;
        self.set_option("version", OptionValue::Str(VERSION.into()));
        self.set_option("commit_hash", OptionValue::Str(COMMIT_HASH.into()));
        self.set_auth(Auth::WaitParameters);
    }

    pub fn option(&self, name: &str) -> Option<OptionValue> {
        match name {
            "unix_time" => Some(OptionValue::Int(self.now)),
            _ => self.options.get(name).cloned(),
        }
    }

    pub fn set_tdlib_parameters(&mut self, r: &Request) -> Result<(), Fail> {
        if self.auth != Auth::WaitParameters {
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
        self.announce_time(true);
        for (name, v) in [
            ("utc_time_offset", 0),
            ("telegram_service_notifications_chat_id", 777_000),
            ("message_text_length_max", 4096),
            ("message_caption_length_max", 1024),
            ("chat_folder_count_max", 10),
            ("pinned_chat_count_max", 5),
        ] {
            self.set_option(name, OptionValue::Int(v));
        }
        self.set_auth(Auth::WaitPhone);
        self.update("updateConnectionState", |w, _| {
            w.unit("state", "connectionStateConnecting")
        });
        if self.online {
            self.update("updateConnectionState", |w, _| {
                w.unit("state", "connectionStateReady")
            });
        }
        Ok(())
    }

    pub fn set_phone(&mut self, r: &Request) -> Result<(), Fail> {
        if !matches!(
            self.auth,
            Auth::WaitPhone | Auth::WaitCode | Auth::WaitPassword
        ) {
            return Err(bad("Call to setAuthenticationPhoneNumber unexpected"));
        }
        let phone = r.str("phone_number")?;
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < 5 {
            return Err(bad("PHONE_NUMBER_INVALID"));
        }
        self.phone = digits;
        self.set_auth(Auth::WaitCode);
        Ok(())
    }

    pub fn check_code(&mut self, r: &Request) -> Result<(), Fail> {
        if self.auth != Auth::WaitCode {
            return Err(bad("Call to checkAuthenticationCode unexpected"));
        }
        if r.str("code")?.trim() != LOGIN_CODE {
            return Err(bad("PHONE_CODE_INVALID"));
        }
        if self
            .scenario
            .account
            .password
            .as_deref()
            .is_some_and(|p| !p.is_empty())
        {
            self.set_auth(Auth::WaitPassword);
        } else {
            self.become_ready();
        }
        Ok(())
    }

    pub fn check_password(&mut self, r: &Request) -> Result<(), Fail> {
        if self.auth != Auth::WaitPassword {
            return Err(bad("Call to checkAuthenticationPassword unexpected"));
        }
        if Some(r.str("password")?.as_str()) != self.scenario.account.password.as_deref() {
            return Err(bad("PASSWORD_HASH_INVALID"));
        }
        self.become_ready();
        Ok(())
    }

    /// Logged in: the account, the folders and the connection come first, chats on request.
    fn become_ready(&mut self) {
        self.set_option("my_id", OptionValue::Int(ME));
        self.auth = Auth::Ready;
        self.ensure_user(ME);
        self.set_auth(Auth::Ready);
        self.update("updateConnectionState", |w, _| {
            w.unit("state", "connectionStateUpdating")
        });
        self.update("updateChatFolders", |w, world| {
            w.arr("chat_folders", &world.folders, |w, f| {
                objects::folder_info(w, f)
            });
            w.int("main_chat_list_position", 0);
            w.bool("are_tags_enabled", false);
        });
        let state = if self.online {
            "connectionStateReady"
        } else {
            "connectionStateConnecting"
        };
        self.update("updateConnectionState", |w, _| w.unit("state", state));
    }

    pub fn get_option(&self, r: &Request) -> Result<W, Fail> {
        let name = r.str("name")?;
        let mut w = W::new();
        option_value(&mut w, self.option(&name).as_ref());
        Ok(w)
    }

    pub fn set_option_request(&mut self, r: &Request) -> Result<(), Fail> {
        let name = r.str("name")?;
        if !WRITABLE.contains(&name.as_str()) {
            return Err(bad("Option can't be set"));
        }
        let value = match r.obj("value")? {
            None | Some(("optionValueEmpty", _)) => {
                self.options.remove(&name);
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
        self.options.insert(name, value);
        Ok(())
    }

    pub fn close_now(&mut self, log_out: bool) {
        if matches!(self.auth, Auth::Closing | Auth::Closed) {
            return;
        }
        if log_out {
            self.set_auth(Auth::LoggingOut);
        }
        self.set_auth(Auth::Closing);
        self.set_auth(Auth::Closed);
    }
}
