//! Each client's connection, and updateConnectionState as TDLib reports it: no network →
//! connectionStateWaitingForNetwork; an enabled SOCKS5/HTTP proxy that does not answer →
//! connectionStateConnectingToProxy (an MTProto proxy is Telegram's own endpoint: Connecting);
//! Telegram unreachable → connectionStateConnecting; back → Connecting, Updating (once logged
//! in), what was missed, Ready. While a client is down, messages wait on the "server", its sends stay
//! pending and its network requests (login) wait too.

use crate::world::World;

pub const WAITING_FOR_NETWORK: &str = "connectionStateWaitingForNetwork";
pub const CONNECTING_TO_PROXY: &str = "connectionStateConnectingToProxy";
pub const CONNECTING: &str = "connectionStateConnecting";
pub const UPDATING: &str = "connectionStateUpdating";
pub const READY: &str = "connectionStateReady";

/// Requests that need Telegram's servers: held while the connection is down, as TDLib holds
/// them (the login screen's "Send code" waits).
pub const NETWORK_REQUESTS: [&str; 3] = [
    "setAuthenticationPhoneNumber",
    "checkAuthenticationCode",
    "checkAuthenticationPassword",
];

#[derive(Clone, Debug)]
pub struct Link {
    /// The device has a network (setNetworkType, Control::set_network).
    pub network: bool,
    /// Telegram's servers answer this client (Control::drop_connection, scenario faults).
    pub server: bool,
    /// Whether the client is connected now (derived by World::relink).
    pub up: bool,
    /// The last state reported to the client.
    pub reported: Option<&'static str>,
}

impl Default for Link {
    fn default() -> Self {
        Link {
            network: true,
            server: true,
            up: true,
            reported: None,
        }
    }
}

impl World {
    /// The connection state session `s` is in.
    pub fn link_state(&self, s: usize) -> &'static str {
        let session = &self.sessions[s];
        if !session.link.network {
            return WAITING_FOR_NETWORK;
        }
        if let Some(p) = session.proxies.enabled()
            && self.proxy_ping(&p.proxy).is_none()
        {
            return if p.proxy.is_mtproto() {
                CONNECTING
            } else {
                CONNECTING_TO_PROXY
            };
        }
        if !session.link.server {
            return CONNECTING;
        }
        READY
    }

    /// Whether the client reports its connection: from setTdlibParameters until it closes.
    fn reports_connection(&self, s: usize) -> bool {
        use crate::session::Auth;
        !matches!(
            self.sessions[s].auth,
            Auth::WaitParameters | Auth::Closing | Auth::Closed
        )
    }

    /// Sends updateConnectionState unless the client was already told this state.
    pub fn report_state(&mut self, s: usize, state: &'static str) {
        if !self.reports_connection(s) || self.sessions[s].link.reported == Some(state) {
            return;
        }
        self.sessions[s].link.reported = Some(state);
        self.emit(s, "updateConnectionState", |w, _| w.unit("state", state));
    }

    /// Re-derives session `s`'s connection after its network, the server or its proxy
    /// changed, and tells it. Coming back, it hears what it missed and its waiting sends and
    /// requests complete.
    pub fn relink(&mut self, s: usize) {
        if self.sessions[s].auth == crate::session::Auth::Closed {
            return;
        }
        let state = self.link_state(s);
        let was_up = self.sessions[s].link.up;
        self.sessions[s].link.up = state == READY;
        if state != READY {
            self.report_state(s, state);
            return;
        }
        if was_up {
            return;
        }
        if self.sessions[s]
            .link
            .reported
            .is_some_and(|r| r != CONNECTING)
        {
            self.report_state(s, CONNECTING);
        }
        // Only a logged-in client has a difference to fetch.
        if self.live(s) {
            self.report_state(s, UPDATING);
        }
        self.note_proxy_used(s);
        self.replay_missed(s);
        for (idx, id) in std::mem::take(&mut self.sessions[s].offline_sends) {
            self.complete_send(s, idx, id);
        }
        self.report_state(s, READY);
        for raw in std::mem::take(&mut self.sessions[s].held) {
            crate::requests::handle(self, s, &raw);
        }
    }

    /// Telegram becomes unreachable (false) or reachable again (true) for session `s`.
    pub fn set_server(&mut self, s: usize, up: bool) {
        self.sessions[s].link.server = up;
        self.relink(s);
    }

    pub fn set_network(&mut self, s: usize, up: bool) {
        self.sessions[s].link.network = up;
        self.relink(s);
    }

    /// A scenario's connection fault: Telegram drops (or comes back for) every client.
    pub fn set_server_for_all(&mut self, up: bool) {
        for s in 0..self.sessions.len() {
            self.set_server(s, up);
        }
    }

    /// After a proxy's reachability changed: every client re-derives its connection.
    pub fn relink_all(&mut self) {
        for s in 0..self.sessions.len() {
            self.relink(s);
        }
    }
}
