//! The team floor: one simulated Telegram world (tdsim) that several TDLib clients join over
//! TCP, each logging in as a different member of the team.
//!
//! - `frame`: the wire protocol, length-prefixed frames (the only parser of what arrives
//!   from the network; limits checked before anything is allocated).
//! - `server`: the world served to connections: the hello and its join token, clients per
//!   connection, bounded queues, a lost connection's grace, the trainer's controls and the
//!   summary of first responses.
//! - `client`: one process's connection to a floor, with td_json's four calls on top
//!   (create a client, send, receive, execute); a lost link closes its clients.
//! - `token`: join tokens and their constant-time comparison.
//!
//! In: td_json requests from clients, the trainer's commands. Out: td_json objects to each
//! client, notices for the server's terminal (who joined, why a connection was closed).

pub mod client;
pub mod frame;
pub mod server;
pub mod summary;
pub mod token;

pub use client::{Connection, JoinError};
pub use frame::{Frame, FrameError, PROTOCOL_VERSION};
pub use server::{Notice, Seat, Server, ServerConfig};

/// The floor's own synchronous request (td_execute): the team and who is still free to log
/// in as whom. A real TDLib answers it with an error ("Unknown class"), the in-process
/// simulator too: only a floor lists its team.
pub const TEAM_REQUEST: &str = "tdsimGetTeam";

/// Whether a td_execute request is the floor's own (answered by the server).
pub fn is_floor_request(request: &str) -> bool {
    // Cheap first: most executes are log settings and text entities.
    request.contains(TEAM_REQUEST)
        && serde_json::from_str::<serde_json::Value>(request)
            .ok()
            .and_then(|v| v.get("@type")?.as_str().map(|t| t == TEAM_REQUEST))
            .unwrap_or(false)
}
