//! What the Telegram layer tells the rest of the app: desk events plus the few things that
//! are not domain state (authorization, connection, clock, send results).

use crate::desk;

#[derive(Debug, Clone, PartialEq)]
pub enum TgEvent {
    Auth(AuthState),
    /// Chats, messages (full text), read states, users, members: feed into `Desk::apply`.
    Desk(desk::Event),
    /// TDLib's `unix_time` option: the server's (or the simulator's virtual) time.
    Clock(i64),
    Connection(ConnectionState),
    /// A sent message got its permanent id.
    SendSucceeded {
        chat: i64,
        old_id: i64,
        new_id: i64,
    },
    /// A sent message failed; it must stay visible with a Retry.
    SendFailed {
        chat: i64,
        temp_id: i64,
        error: String,
    },
    /// A request made on the session's behalf (parameters, demo login) failed.
    Error(TgError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthState {
    WaitParameters,
    WaitPhoneNumber,
    WaitCode {
        phone: String,
    },
    WaitPassword {
        hint: String,
    },
    Ready,
    LoggingOut,
    Closing,
    Closed,
    /// A state DutyDesk does not drive (QR confirmation, e-mail, registration).
    Other(String),
}

impl AuthState {
    /// TDLib's own name of the state, as `doctor --login-probe` prints it.
    pub fn tdlib_name(&self) -> &str {
        match self {
            AuthState::WaitParameters => "authorizationStateWaitTdlibParameters",
            AuthState::WaitPhoneNumber => "authorizationStateWaitPhoneNumber",
            AuthState::WaitCode { .. } => "authorizationStateWaitCode",
            AuthState::WaitPassword { .. } => "authorizationStateWaitPassword",
            AuthState::Ready => "authorizationStateReady",
            AuthState::LoggingOut => "authorizationStateLoggingOut",
            AuthState::Closing => "authorizationStateClosing",
            AuthState::Closed => "authorizationStateClosed",
            AuthState::Other(name) => name,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectionState {
    WaitingForNetwork,
    ConnectingToProxy,
    Connecting,
    Updating,
    Ready,
}

/// An error reply from TDLib (or the simulator), or a local failure to make a request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (code {code})")]
pub struct TgError {
    pub code: i32,
    pub message: String,
}

impl TgError {
    pub fn local(message: impl Into<String>) -> TgError {
        TgError {
            code: 0,
            message: message.into(),
        }
    }

    /// FLOOD_WAIT's retry_after, in seconds, when TDLib asks to wait.
    pub fn retry_after(&self) -> Option<u64> {
        let rest = self
            .message
            .strip_prefix("Too Many Requests: retry after ")?;
        rest.trim().parse().ok()
    }
}

impl From<tdlib_rs::types::Error> for TgError {
    fn from(e: tdlib_rs::types::Error) -> Self {
        TgError {
            code: e.code,
            message: e.message,
        }
    }
}
