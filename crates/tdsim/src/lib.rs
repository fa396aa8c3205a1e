//! tdsim: a simulated Telegram behind TDLib's td_json API (TDLib 1.8.61's JSON schema).
//!
//! Process-global like TDLib: [`create_client_id`] makes a new world with one client,
//! [`send`] submits a request, [`receive`] returns the next object of any client, and
//! [`execute`] answers synchronous requests. Several clients can share a world
//! ([`create_world`], [`create_client_in`]), each logging in as a different member of the
//! scenario's team by phone number; what one does reaches the others as TDLib would deliver
//! it. [`control`] and [`world`] give tests and demos handles to move the virtual clock and
//! make people act. See README.md for the world and the scenario format.

mod announce;
mod auth;
mod changes;
mod chats;
mod connection;
mod control;
mod delivery;
mod entities;
mod execute;
#[doc(hidden)]
pub mod exercise;
mod hub;
mod journal;
mod json;
pub mod log;
mod members;
mod membership;
mod model;
mod objects;
mod pins;
mod populate;
mod proxy;
mod reading;
mod req;
mod requests;
mod rng;
mod scenario;
mod search;
mod send;
mod session;
mod team;
mod traffic;
mod world;
mod world_control;

pub use auth::LOGIN_CODE;
pub use control::Control;
pub use journal::Post;
pub use scenario::{Colleague, Scenario, ScenarioError};
pub use world::WorldId;
pub use world_control::{
    ControlError, CustomerChat, Layout, SessionInfo, TeamMember, WorldControl,
};

/// How a new world starts.
#[derive(Clone, Debug)]
pub struct WorldConfig {
    pub scenario: Scenario,
    /// Every random choice derives from this seed: same seed, same world and update stream.
    pub seed: u64,
    /// Virtual seconds per wall second; 0.0 = a manual clock moved only by
    /// [`WorldControl::advance`].
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

/// A new client. It joins the world this thread is [`joining`], if any; otherwise it gets a
/// new world of its own from the default config (see [`set_default_config`]).
pub fn create_client_id() -> i32 {
    if let Some(id) = hub::JOINING.get().and_then(create_client_in) {
        return id;
    }
    let h = hub::hub();
    create_client_with(h.default_config())
}

/// A new world from this config, with one client; returns the client id.
pub fn create_client_with(config: WorldConfig) -> i32 {
    let h = hub::hub();
    let id = h.create_world(config);
    let world = h.world_by_id(id).expect("just created");
    h.join(&world)
}

/// A new world from this config, with no clients yet (join with [`create_client_in`]). Its
/// clock (when it runs) and its scenario traffic run once, whoever joins.
pub fn create_world(config: WorldConfig) -> WorldId {
    hub::hub().create_world(config)
}

/// A new client of an existing world; None for an unknown world. It logs in as whoever owns
/// the phone number it gives.
pub fn create_client_in(world: WorldId) -> Option<i32> {
    let h = hub::hub();
    h.world_by_id(world).map(|w| h.join(&w))
}

/// Until the guard drops, clients created on this thread through [`create_client_id`] (as
/// td_create_client_id does) join `world`: several apps in one process share one world.
pub fn joining(world: WorldId) -> JoinGuard {
    let previous = hub::JOINING.replace(Some(world));
    JoinGuard { previous }
}

/// Restores the thread's previous [`joining`] target when dropped.
pub struct JoinGuard {
    previous: Option<WorldId>,
}

impl Drop for JoinGuard {
    fn drop(&mut self) {
        hub::JOINING.set(self.previous);
    }
}

/// The config [`create_client_id`] uses from now on.
pub fn set_default_config(config: WorldConfig) {
    hub::hub().set_default_config(config);
}

/// Submits a request to a client; the reply and any updates arrive through [`receive`].
pub fn send(client_id: i32, request: &str) {
    let h = hub::hub();
    let Some(world) = h.world(client_id) else {
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
        return;
    };
    let mut w = hub::lock(&world);
    if let Some(s) = w.session_idx(client_id) {
        requests::handle(&mut w, s, request);
    }
    h.flush(&mut w);
}

/// The next reply or update of any client, waiting up to `timeout` seconds.
pub fn receive(timeout: f64) -> Option<String> {
    hub::hub().receive(None, timeout)
}

/// Answers a request synchronously, as td_execute (only requests TDLib allows there).
pub fn execute(request: &str) -> Option<String> {
    execute::execute(request)
}

/// A test/demo handle to one client (and through it, its world); None for an unknown id.
pub fn control(client_id: i32) -> Option<Control> {
    let world = hub::hub().world(client_id)?;
    let id = hub::lock(&world).id;
    Some(Control::new(client_id, WorldControl::new(id, world)))
}

/// A test/demo handle to a world; None for an unknown id.
pub fn world(id: WorldId) -> Option<WorldControl> {
    hub::hub().world_by_id(id).map(|w| WorldControl::new(id, w))
}
