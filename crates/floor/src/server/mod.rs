//! The floor server: one tdsim world served over TCP. Each accepted connection says Hello
//! (version, join token) and then creates clients of the world and talks td_json through
//! them (`conn`); what the world sends a client goes back on its connection. The trainer's
//! controls (clock, speed, a burst of customers, dropping one member's connection) act on
//! the world; `seats` says who is logged in as whom; `summary` folds what the world saw.
//!
//! Rules it keeps:
//! - a token, when set, is required and compared in constant time; a connection without it
//!   is refused with a reason and closed;
//! - every frame from a client is length-limited and validated; a bad one closes that
//!   connection (a `Notice` says why), never the server;
//! - a connection silent past `timeout` (clients ping every 2 s), closed, or killed is lost:
//!   its clients are logged out (TDLib's `close`), freeing their members for a new login;
//! - each client's queue is bounded (`queue_limit` bytes): a client that stops reading is
//!   disconnected instead of growing the server's memory.

mod conn;

use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use tdsim::{TeamMember, WorldConfig, WorldControl, WorldId};

use crate::summary::Tally;

/// How a floor is served.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub world: WorldConfig,
    pub listen: SocketAddr,
    /// Required in every Hello when set.
    pub token: Option<String>,
    /// A connection that sends nothing for this long is lost.
    pub timeout: Duration,
    /// The most bytes of JSON queued for one client before it counts as not reading.
    pub queue_limit: usize,
    /// A write to a client that cannot go on for this long (its socket's buffers full):
    /// it stopped reading.
    pub write_timeout: Duration,
    pub max_connections: usize,
    /// The most clients one connection may create.
    pub max_clients_per_connection: usize,
}

impl ServerConfig {
    pub fn new(world: WorldConfig, listen: SocketAddr) -> ServerConfig {
        ServerConfig {
            world,
            listen,
            token: None,
            timeout: Duration::from_secs(10),
            queue_limit: 16 << 20,
            write_timeout: Duration::from_secs(10),
            max_connections: 256,
            max_clients_per_connection: 16,
        }
    }
}

/// What happened, for the server's terminal.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Joined {
        peer: SocketAddr,
        name: String,
    },
    /// A connection refused at its Hello (no or wrong token, another version, not a Hello).
    Refused {
        peer: SocketAddr,
        reason: String,
    },
    /// A connection ended; its clients were logged out.
    Left {
        peer: SocketAddr,
        name: String,
        reason: String,
        clients: Vec<i32>,
    },
}

/// A member of the team and who is at their seat.
#[derive(Clone, Debug, PartialEq)]
pub struct Seat {
    pub member: TeamMember,
    /// Clients logged in (or logging in) as this member.
    pub clients: Vec<i32>,
}

impl Seat {
    pub fn is_free(&self) -> bool {
        self.clients.is_empty()
    }
}

pub(crate) struct Shared {
    pub world: WorldControl,
    pub duty_group_chat_id: i64,
    pub config: ServerConfig,
    notices: Mutex<Option<Sender<Notice>>>,
    pub connections: AtomicUsize,
    pub stopping: AtomicBool,
    pub tally: Mutex<Tally>,
}

impl Shared {
    pub fn notice(&self, n: Notice) {
        if let Some(tx) = &*lock(&self.notices) {
            let _ = tx.send(n);
        }
    }
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A running floor. Dropping it stops accepting (connections already open end with the
/// process).
pub struct Server {
    shared: Arc<Shared>,
    addr: SocketAddr,
}

/// Most posts kept between two folds of the summary (a storm's second is 20,000).
const JOURNAL_CAP: usize = 200_000;

impl Server {
    /// Creates the world and listens; returns at once (connections are served on threads).
    pub fn start(config: ServerConfig) -> std::io::Result<(Server, Receiver<Notice>)> {
        let listener = TcpListener::bind(config.listen)?;
        let addr = listener.local_addr()?;
        let world_id = tdsim::create_world(config.world.clone());
        let world = tdsim::world(world_id).expect("just created");
        world.record_posts(Some(JOURNAL_CAP));
        let (tx, rx) = channel();
        let shared = Arc::new(Shared {
            duty_group_chat_id: world.layout().duty_group_chat_id,
            world,
            config,
            notices: Mutex::new(Some(tx)),
            connections: AtomicUsize::new(0),
            stopping: AtomicBool::new(false),
            tally: Mutex::new(Tally::default()),
        });
        let accepting = shared.clone();
        std::thread::Builder::new()
            .name("floor-accept".into())
            .spawn(move || conn::accept_loop(listener, accepting))?;
        let clerk = Arc::downgrade(&shared);
        std::thread::Builder::new()
            .name("floor-summary".into())
            .spawn(move || {
                while let Some(shared) = clerk.upgrade() {
                    if shared.stopping.load(Ordering::Relaxed) {
                        return;
                    }
                    fold_posts(&shared);
                    drop(shared);
                    std::thread::sleep(Duration::from_millis(500));
                }
            })?;
        Ok((Server { shared, addr }, rx))
    }

    /// The address it listens on (the port chosen, when 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn world(&self) -> &WorldControl {
        &self.shared.world
    }

    pub fn world_id(&self) -> WorldId {
        self.shared.world.id()
    }

    /// Connections open now.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::Relaxed)
    }

    /// The team, each member with the clients logged in (or logging in) as them.
    pub fn seats(&self) -> Vec<Seat> {
        seats(&self.shared.world)
    }

    /// The clients logged in as the member with this phone (digits compared; + and spaces
    /// ignored) lose their connection to Telegram, as if their network dropped; None for an
    /// unknown phone.
    pub fn drop_member(&self, phone: &str) -> Option<Vec<i32>> {
        self.member_clients(phone, |c| c.drop_connection())
    }

    /// Their connection comes back.
    pub fn restore_member(&self, phone: &str) -> Option<Vec<i32>> {
        self.member_clients(phone, |c| c.restore_connection())
    }

    fn member_clients(&self, phone: &str, f: impl Fn(&tdsim::Control)) -> Option<Vec<i32>> {
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        let seat = self
            .seats()
            .into_iter()
            .find(|s| digits(&s.member.phone) == digits(phone))?;
        for &id in &seat.clients {
            if let Some(c) = tdsim::control(id) {
                f(&c);
            }
        }
        Some(seat.clients)
    }

    /// Folds what the world saw since the last call, then runs `f` on the tally.
    pub fn summary<R>(&self, f: impl FnOnce(&Tally) -> R) -> R {
        fold_posts(&self.shared);
        f(&lock(&self.shared.tally))
    }

    /// Stops accepting; notices end.
    pub fn stop(&self) {
        self.shared.stopping.store(true, Ordering::Relaxed);
        lock(&self.shared.notices).take();
        // Wake the accept loop so it sees `stopping`.
        let _ = std::net::TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn fold_posts(shared: &Shared) {
    let (posts, dropped) = shared.world.take_posts();
    let mut tally = lock(&shared.tally);
    tally.dropped += dropped;
    tally.fold(&posts);
}

/// Auth states in which a client holds its member's seat.
fn holds_seat(auth_state: &str) -> bool {
    matches!(
        auth_state,
        "authorizationStateWaitCode" | "authorizationStateWaitPassword" | "authorizationStateReady"
    )
}

fn seats(world: &WorldControl) -> Vec<Seat> {
    let sessions = world.sessions();
    world
        .layout()
        .team
        .into_iter()
        .map(|member| {
            let clients = sessions
                .iter()
                .filter(|s| s.user_id == Some(member.user_id) && holds_seat(s.auth_state))
                .map(|s| s.client_id)
                .collect();
            Seat { member, clients }
        })
        .collect()
}

/// The answer to the floor's team request (`crate::TEAM_REQUEST`).
pub(crate) fn team_json(world: &WorldControl, extra: Option<&serde_json::Value>) -> String {
    let members: Vec<serde_json::Value> = seats(world)
        .into_iter()
        .map(|s| {
            json!({
                "@type": "tdsimTeamMember",
                "user_id": s.member.user_id,
                "name": s.member.name,
                "phone": s.member.phone,
                "title": s.member.title,
                "is_lead": s.member.is_lead,
                "is_admin": s.member.is_admin,
                "is_free": s.is_free(),
            })
        })
        .collect();
    let mut v = json!({
        "@type": "tdsimTeam",
        "members": members,
        "login_code": tdsim::LOGIN_CODE,
    });
    if let Some(extra) = extra {
        v["@extra"] = extra.clone();
    }
    v.to_string()
}
