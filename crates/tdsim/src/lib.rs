//! tdsim: a simulated Telegram behind TDLib's td_json API (TDLib 1.8.61's JSON schema).
//!
//! Process-global like TDLib: [`create_client_id`] makes a new world (its own account and
//! clock), [`send`] submits a request, [`receive`] returns the next object of any client, and
//! [`execute`] answers synchronous requests. [`control`] gives tests and demos a handle to move
//! the virtual clock and make people write. See README.md for the world and scenario format.

mod auth;
mod control;
mod entities;
mod execute;
#[doc(hidden)]
pub mod exercise;
mod hub;
mod json;
mod members;
mod membership;
mod model;
mod objects;
mod req;
mod requests;
mod rng;
mod scenario;
mod search;
mod send;
mod state;
mod traffic;
mod world;

pub use auth::LOGIN_CODE;
pub use control::{Control, ControlError, CustomerChat, Layout};
pub use scenario::{Scenario, ScenarioError};

/// How a new world starts.
#[derive(Clone, Debug)]
pub struct WorldConfig {
    pub scenario: Scenario,
    /// Every random choice derives from this seed: same seed, same world and update stream.
    pub seed: u64,
    /// Virtual seconds per wall second; 0.0 = a manual clock moved only by [`Control::advance`].
    pub speed: f64,
    /// The virtual clock's start, in unix seconds.
    pub start_time: i64,
}

impl Default for WorldConfig {
    /// The quiet "basic" world on a manual clock, starting Monday 2026-03-02 09:00 UTC.
    fn default() -> Self {
        WorldConfig {
            scenario: Scenario::builtin("basic").expect("basic is shipped"),
            seed: 1,
            speed: 0.0,
            start_time: 1_772_442_000,
        }
    }
}

/// A new client (world) from the default config (see [`set_default_config`]).
pub fn create_client_id() -> i32 {
    let h = hub::hub();
    h.create(h.default_config())
}

/// A new client (world) from this config.
pub fn create_client_with(config: WorldConfig) -> i32 {
    hub::hub().create(config)
}

/// The config [`create_client_id`] uses from now on.
pub fn set_default_config(config: WorldConfig) {
    hub::hub().set_default_config(config);
}

/// Submits a request to a client; the reply and any updates arrive through [`receive`].
pub fn send(client_id: i32, request: &str) {
    let h = hub::hub();
    match h.world(client_id) {
        Some(world) => {
            let mut w = hub::lock(&world);
            requests::handle(&mut w, request);
            h.flush(&mut w);
        }
        None => {
            let extra = req::parse(request).ok().and_then(|r| r.extra);
            h.push_raw(
                client_id,
                json::error(
                    400,
                    "Invalid TDLib instance specified",
                    extra.as_deref(),
                    Some(client_id),
                ),
            );
        }
    }
}

/// The next reply or update of any client, waiting up to `timeout` seconds.
pub fn receive(timeout: f64) -> Option<String> {
    hub::hub().receive(None, timeout)
}

/// Answers a request synchronously, as td_execute (only requests TDLib allows there).
pub fn execute(request: &str) -> Option<String> {
    execute::execute(request)
}

/// A test/demo handle to a client's world; None for an unknown client id.
pub fn control(client_id: i32) -> Option<Control> {
    hub::hub()
        .world(client_id)
        .map(|world| Control::new(client_id, world))
}
