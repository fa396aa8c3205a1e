//! One TDLib client and the requests the app makes through it. Every request goes through
//! `tdlib_rs::functions`; the replies are completed by the hub's receive thread.

use std::path::PathBuf;
use std::sync::Arc;

use tdlib_rs::enums::{
    self, ChatList, InputMessageContent, InputMessageReplyTo, SearchMessagesFilter,
};
use tdlib_rs::{functions, types};

use i18n::t;

use super::events::{TgError, TgEvent};
use super::{hub, tdjson, translate};
use crate::desk;

/// The login the simulator accepts, used by the demo floor to log in by itself.
pub const DEMO_PHONE: &str = "+15550100";
pub const DEMO_CODE: &str = "22222";

#[derive(Clone)]
pub struct SessionConfig {
    pub api_id: i32,
    pub api_hash: String,
    /// TDLib's database folder for this account.
    pub database_dir: PathBuf,
    /// Base64 of the 256-bit key TDLib encrypts its database with.
    pub encryption_key: String,
    /// Log in by itself on the simulator (the demo floor).
    pub demo: bool,
}

impl std::fmt::Debug for SessionConfig {
    // The api_hash and the key must never reach a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionConfig")
            .field("api_id", &self.api_id)
            .field("database_dir", &self.database_dir)
            .field("demo", &self.demo)
            .finish_non_exhaustive()
    }
}

/// A running TDLib client. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Session {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    client_id: i32,
}

impl Session {
    /// Creates the client and sends its parameters. Auth states, and any error of the
    /// parameters, arrive on `event_stream(client_id)`.
    pub fn start(config: SessionConfig) -> Result<Session, TgError> {
        if tdjson::backend_name() == "none" {
            return Err(TgError::local(t!("session-no-backend")));
        }
        let client_id = tdlib_rs::create_client();
        if client_id < 0 {
            return Err(TgError::local(t!("session-no-client")));
        }
        hub::register(client_id);
        let session = Session {
            inner: Arc::new(Inner { client_id }),
        };
        let starter = session.clone();
        std::thread::Builder::new()
            .name("tdlib-login".into())
            .spawn(move || {
                let result = futures::executor::block_on(starter.login(config));
                if let Err(e) = result {
                    hub::push(starter.client_id(), TgEvent::Error(e));
                }
            })
            .map_err(|e| TgError::local(t!("session-no-login-thread", error = e.to_string())))?;
        Ok(session)
    }

    async fn login(&self, config: SessionConfig) -> Result<(), TgError> {
        let dir = config.database_dir.to_string_lossy().into_owned();
        functions::set_tdlib_parameters(
            false,
            dir.clone(),
            format!("{dir}/files"),
            config.encryption_key,
            false,
            true,
            true,
            false,
            config.api_id,
            config.api_hash,
            // The language Telegram's own texts (service messages, some errors) come in.
            language_code(),
            device_model(),
            std::env::consts::OS.into(),
            env!("CARGO_PKG_VERSION").into(),
            self.client_id(),
        )
        .await?;
        if config.demo {
            self.set_phone(DEMO_PHONE.into()).await?;
            self.check_code(DEMO_CODE.into()).await?;
        }
        Ok(())
    }

    pub fn client_id(&self) -> i32 {
        self.inner.client_id
    }

    pub async fn set_phone(&self, phone: String) -> Result<(), TgError> {
        Ok(functions::set_authentication_phone_number(phone, None, self.client_id()).await?)
    }

    pub async fn check_code(&self, code: String) -> Result<(), TgError> {
        Ok(functions::check_authentication_code(code, self.client_id()).await?)
    }

    pub async fn check_password(&self, password: String) -> Result<(), TgError> {
        Ok(functions::check_authentication_password(password, self.client_id()).await?)
    }

    /// The account's own user id.
    pub async fn me(&self) -> Result<i64, TgError> {
        let enums::User::User(me) = functions::get_me(self.client_id()).await?;
        Ok(me.id)
    }

    /// Loads the main chat list until TDLib says everything is loaded (404).
    pub async fn load_all_chats(&self) -> Result<(), TgError> {
        loop {
            match functions::load_chats(Some(ChatList::Main), 500, self.client_id()).await {
                Ok(()) => continue,
                Err(e) if e.code == 404 => return Ok(()),
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Sends a text message; returns its temporary id (a `SendSucceeded` or `SendFailed`
    /// event follows).
    pub async fn send_text(
        &self,
        chat: i64,
        text: String,
        reply_to: Option<i64>,
        link_previews: bool,
    ) -> Result<i64, TgError> {
        let content = InputMessageContent::InputMessageText(types::InputMessageText {
            text: types::FormattedText {
                text,
                entities: vec![],
            },
            link_preview_options: Some(types::LinkPreviewOptions {
                is_disabled: !link_previews,
                ..Default::default()
            }),
            clear_draft: true,
        });
        let reply_to = reply_to.map(|message_id| {
            InputMessageReplyTo::Message(types::InputMessageReplyToMessage {
                message_id,
                quote: None,
                checklist_task_id: 0,
            })
        });
        let enums::Message::Message(sent) =
            functions::send_message(chat, None, reply_to, None, content, self.client_id()).await?;
        Ok(sent.id)
    }

    /// Up to `limit` messages older than `from_message_id` (0: from the newest), newest
    /// first like TDLib, for reading.
    pub async fn load_history(
        &self,
        chat: i64,
        from_message_id: i64,
        limit: i32,
    ) -> Result<Vec<desk::Message>, TgError> {
        self.history(chat, from_message_id, limit, |m| {
            Some(translate::message(m))
        })
        .await
    }

    /// The history from the newest message back to `message`, and `context` older ones
    /// after it, newest first; at most `cap` messages (a message further back than that is
    /// left out: the caller finds it missing).
    pub async fn load_history_until(
        &self,
        chat: i64,
        message: i64,
        context: i32,
        cap: usize,
    ) -> Result<Vec<desk::Message>, TgError> {
        let mut out: Vec<desk::Message> = Vec::new();
        let mut from = 0;
        while out.len() < cap {
            let page = self.load_history(chat, from, 100).await?;
            let Some(oldest) = page.last().map(|m| m.id) else {
                break;
            };
            let reached = page.iter().any(|m| m.id <= message);
            out.extend(page);
            if reached {
                out.extend(self.load_history(chat, oldest, context).await?);
                break;
            }
            from = oldest;
        }
        Ok(out)
    }

    /// The same messages as desk events, for replaying into the desk: sends still pending
    /// stay sends in flight, failed ones are left out (`translate::redelivered`).
    pub async fn load_history_events(
        &self,
        chat: i64,
        from_message_id: i64,
        limit: i32,
    ) -> Result<Vec<desk::Event>, TgError> {
        self.history(chat, from_message_id, limit, translate::redelivered)
            .await
    }

    /// TDLib often answers a chat's first request with only what it has locally (just the
    /// last message), so pages are requested until `limit` is reached or a page comes back
    /// empty. Each page is translated as it arrives, into a vector of our own: tdlib-rs
    /// messages are several times larger than what the desk keeps, and collecting them in
    /// place would keep their allocation alive (a resync of 5,000 chats held ~100 MB so).
    async fn history<T>(
        &self,
        chat: i64,
        from_message_id: i64,
        limit: i32,
        translate: impl Fn(types::Message) -> Option<T>,
    ) -> Result<Vec<T>, TgError> {
        let limit = limit.max(0) as usize;
        let mut out: Vec<T> = Vec::new();
        let mut seen = 0usize;
        let mut from = from_message_id;
        while seen < limit {
            let wanted = (limit - seen) as i32;
            let enums::Messages::Messages(page) =
                functions::get_chat_history(chat, from, 0, wanted, false, self.client_id()).await?;
            let page: Vec<types::Message> = page.messages.into_iter().flatten().collect();
            // The page starts at `from` itself when `from` is 0; never loop on one message.
            let Some(oldest) = page.last().map(|m| m.id).filter(|id| *id != from) else {
                break;
            };
            for m in page.into_iter().filter(|m| m.id != from) {
                seen += 1;
                out.extend(translate(m));
            }
            from = oldest;
        }
        out.shrink_to_fit();
        Ok(out)
    }

    pub async fn open_chat(&self, chat: i64) -> Result<(), TgError> {
        Ok(functions::open_chat(chat, self.client_id()).await?)
    }

    pub async fn close_chat(&self, chat: i64) -> Result<(), TgError> {
        Ok(functions::close_chat(chat, self.client_id()).await?)
    }

    /// Marks messages read (the chat must be open, as in TDLib).
    pub async fn view_messages(&self, chat: i64, ids: Vec<i64>) -> Result<(), TgError> {
        Ok(functions::view_messages(chat, ids, None, true, self.client_id()).await?)
    }

    /// Marks a whole chat read: its newest message viewed, and any "marked unread" cleared.
    pub async fn mark_chat_read(&self, chat: i64) -> Result<(), TgError> {
        let newest = self.load_history(chat, 0, 1).await?;
        if let Some(m) = newest.first() {
            self.view_messages(chat, vec![m.id]).await?;
        }
        Ok(functions::toggle_chat_is_marked_as_unread(chat, false, self.client_id()).await?)
    }

    pub async fn mark_all_read(&self) -> Result<(), TgError> {
        Ok(functions::read_chat_list(ChatList::Main, self.client_id()).await?)
    }

    pub async fn search_chat(
        &self,
        chat: i64,
        query: String,
    ) -> Result<Vec<desk::Message>, TgError> {
        let enums::FoundChatMessages::FoundChatMessages(found) = functions::search_chat_messages(
            chat,
            None,
            query,
            None,
            0,
            0,
            100,
            None,
            self.client_id(),
        )
        .await?;
        Ok(found.messages.into_iter().map(translate::message).collect())
    }

    /// Messages across all chats; the UI groups them by chat.
    pub async fn search_all(&self, query: String) -> Result<Vec<desk::Message>, TgError> {
        let enums::FoundMessages::FoundMessages(found) = functions::search_messages(
            Some(ChatList::Main),
            query,
            String::new(),
            100,
            Some(SearchMessagesFilter::Empty),
            None,
            0,
            0,
            self.client_id(),
        )
        .await?;
        Ok(found.messages.into_iter().map(translate::message).collect())
    }

    /// The `t.me` link of a message, where Telegram has one (supergroups and channels; a
    /// private chat or a basic group answers with an error).
    pub async fn message_link(&self, chat: i64, message: i64) -> Result<String, TgError> {
        let enums::MessageLink::MessageLink(link) =
            functions::get_message_link(chat, message, 0, false, false, self.client_id()).await?;
        Ok(link.link)
    }

    /// Shows "typing…" in the chat for about five seconds. DutyDesk sends it only when the
    /// admin has enabled `messages.send_typing`.
    pub async fn send_typing(&self, chat: i64) -> Result<(), TgError> {
        Ok(functions::send_chat_action(
            chat,
            None,
            Some(enums::ChatAction::Typing),
            self.client_id(),
        )
        .await?)
    }

    pub async fn log_out(&self) -> Result<(), TgError> {
        Ok(functions::log_out(self.client_id()).await?)
    }

    /// Asks TDLib to close; `authorizationStateClosed` follows on the event stream.
    pub async fn close(&self) -> Result<(), TgError> {
        Ok(functions::close(self.client_id()).await?)
    }
}

/// The window's language for TDLib's `system_language_code` (English for the
/// pseudo-locale, which Telegram does not know).
fn language_code() -> String {
    match i18n::language() {
        i18n::Language::Pseudo => "en".into(),
        language => language.code().into(),
    }
}

fn device_model() -> String {
    format!("DutyDesk on {}", std::env::consts::OS)
}
