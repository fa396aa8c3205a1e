//! The test and demo handle to one client: its connection (drop, restore, no network), faults
//! injected into its sends, who it is logged in as, and its own output. Everything about its
//! world is reachable through it too (it dereferences to the world's [`WorldControl`]).

use std::ops::Deref;

use crate::WorldControl;
use crate::hub::{hub, lock};
use crate::session::Failure;
use crate::world::World;

#[derive(Clone)]
pub struct Control {
    client_id: i32,
    world: WorldControl,
}

impl Deref for Control {
    type Target = WorldControl;

    fn deref(&self) -> &WorldControl {
        &self.world
    }
}

impl Control {
    pub(crate) fn new(client_id: i32, world: WorldControl) -> Self {
        Control { client_id, world }
    }

    /// Runs `f` on this client's session (if it still exists) and flushes the output.
    fn session<R: Default>(&self, f: impl FnOnce(&mut World, usize) -> R) -> R {
        self.world.with(|w| match w.session_idx(self.client_id) {
            Some(s) => f(w, s),
            None => R::default(),
        })
    }

    pub fn client_id(&self) -> i32 {
        self.client_id
    }

    /// The world's handle, e.g. to keep after this client closed.
    pub fn world(&self) -> &WorldControl {
        &self.world
    }

    /// The member this client is logged in as (or logging in as); None before it gave a
    /// phone number.
    pub fn user_id(&self) -> Option<i64> {
        self.session(|w, s| Some(w.sessions[s].user).filter(|u| *u != 0))
    }

    /// The next sendMessage fails with this error (updateMessageSendFailed).
    pub fn fail_next_send(&self, code: i32, message: &str) {
        let message = message.to_string();
        self.session(|w, s| {
            w.sessions[s].fail_next_send = Some(Failure {
                code,
                message,
                retry_after: 0.0,
            })
        })
    }

    /// The next sendMessage fails with FLOOD_WAIT: 429 "Too Many Requests: retry after N".
    pub fn flood_wait_next_send(&self, seconds: i64) {
        self.session(|w, s| {
            w.sessions[s].fail_next_send = Some(Failure {
                code: 429,
                message: format!("Too Many Requests: retry after {seconds}"),
                retry_after: seconds as f64,
            })
        })
    }

    /// Telegram stops answering this client: connectionStateConnecting; messages wait on the
    /// server, sends stay pending and login requests wait until
    /// [`Control::restore_connection`].
    pub fn drop_connection(&self) {
        self.session(|w, s| w.set_server(s, false))
    }

    /// The network and Telegram are back: connectionStateConnecting (if the client was told
    /// another state), Updating, the missed messages (with their original dates), pending
    /// sends complete, then connectionStateReady.
    pub fn restore_connection(&self) {
        self.session(|w, s| {
            w.sessions[s].link.network = true;
            w.set_server(s, true)
        })
    }

    /// The device loses (false) or regains (true) its network, as setNetworkType reports it:
    /// connectionStateWaitingForNetwork while it has none.
    pub fn set_network(&self, up: bool) {
        self.session(|w, s| w.set_network(s, up))
    }

    /// TDLib's name of the client's connection state now.
    pub fn connection_state(&self) -> &'static str {
        let w = lock(self.world.shared());
        w.session_idx(self.client_id)
            .map_or("connectionStateReady", |s| w.link_state(s))
    }

    pub fn is_online(&self) -> bool {
        let w = lock(self.world.shared());
        w.session_idx(self.client_id)
            .is_some_and(|s| w.sessions[s].link.up)
    }

    /// Every chat action ("typing…") the client sent: (chat id, action @type).
    pub fn chat_actions(&self) -> Vec<(i64, String)> {
        self.session(|w, s| w.sessions[s].chat_actions.clone())
    }

    /// The next object of this client only (others stay queued for [`crate::receive`]).
    pub fn receive(&self, timeout: f64) -> Option<String> {
        hub().receive(Some(self.client_id), timeout)
    }

    /// Up to `max` objects of this client, waiting up to `timeout` seconds for the first:
    /// what a floor server writes to a remote client in one go.
    pub fn receive_batch(&self, timeout: f64, max: usize) -> Vec<String> {
        hub().receive_batch(self.client_id, timeout, max)
    }

    /// Caps this client's receive queue at `max_bytes` of JSON (None: unbounded, the
    /// default). Past the cap its objects are dropped and [`Control::queue_overflowed`]
    /// turns true: a reader that stopped costs bounded memory, and its owner disconnects it.
    pub fn limit_queue(&self, max_bytes: Option<usize>) {
        hub().limit(self.client_id, max_bytes)
    }

    /// Whether objects were dropped at this client's queue limit.
    pub fn queue_overflowed(&self) -> bool {
        hub().overflowed(self.client_id)
    }

    /// Bytes waiting in this client's queue (counted only while it has a limit).
    pub fn queued_bytes(&self) -> usize {
        hub().queued_bytes(self.client_id)
    }

    /// Forgets whatever is still queued for this client and its queue (its reader is gone
    /// for good, e.g. a closed remote client).
    pub fn discard_queue(&self) {
        hub().discard(self.client_id)
    }

    /// Everything queued for this client right now.
    pub fn drain(&self) -> Vec<String> {
        std::iter::from_fn(|| self.receive(0.0)).collect()
    }

    /// How many objects (updates and replies) this client has been sent so far.
    pub fn objects_emitted(&self) -> u64 {
        self.session(|w, s| w.sessions[s].emitted)
    }
}
