//! One process's connection to a floor, with td_json's four calls on top: `create_client`
//! (a round trip: the server's client id is the id), `send`, `receive` (any of this
//! connection's clients, like TDLib's), `execute` (the floor's own requests go to the
//! server, everything else is answered here by the simulator's synchronous part).
//!
//! A reader thread takes frames into a queue; a pinger says the connection lives every
//! `PING_EVERY`. When the connection is lost (server gone, network down, a bad frame) every
//! client hears `authorizationStateClosed`, as a TDLib client hears it when its session
//! ends, and requests get TDLib's "Request aborted".

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::io::{BufReader, BufWriter, Write};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::frame::{self, Frame, PROTOCOL_VERSION};

/// How often the client says it is alive unless the server's Welcome says otherwise (it
/// drops a connection silent for its timeout, 10 s by default, and asks for a ping every
/// quarter of it).
pub const PING_EVERY: Duration = Duration::from_secs(2);
/// The server answers pings; silence this long means the connection is gone.
const SERVER_SILENCE: Duration = Duration::from_secs(12);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const REPLY_TIMEOUT: Duration = Duration::from_secs(10);

/// Why joining a floor failed.
#[derive(Debug)]
pub enum JoinError {
    /// The address does not resolve or nothing answers there.
    Connect { addr: String, error: std::io::Error },
    /// The server refused the Hello, with its reason (e.g. "a join token is required").
    Refused(String),
    /// What answered does not speak the floor's protocol.
    Protocol(String),
}

impl fmt::Display for JoinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JoinError::Connect { addr, error } => {
                write!(f, "cannot reach the floor at {addr}: {error}")
            }
            JoinError::Refused(reason) => write!(f, "the floor refused to let us in: {reason}"),
            JoinError::Protocol(what) => write!(f, "that is not a DutyDesk floor: {what}"),
        }
    }
}

impl std::error::Error for JoinError {}

enum Reply {
    Created(i32),
    Executed(Option<String>),
}

struct Inner {
    writer: Mutex<BufWriter<TcpStream>>,
    stream: TcpStream,
    objects: Mutex<VecDeque<String>>,
    arrived: Condvar,
    replies: Mutex<HashMap<u32, Reply>>,
    replied: Condvar,
    next_tag: AtomicU32,
    /// This connection's clients, and whether their sessions were closed already (the
    /// connection lost): one lock, so a client created as the connection goes hears it too.
    clients: Mutex<(Vec<i32>, bool)>,
    alive: AtomicBool,
    /// Why the connection ended.
    lost: Mutex<Option<String>>,
    info: String,
}

/// A connection to a floor. Cheap to clone; every clone is the same connection.
#[derive(Clone)]
pub struct Connection {
    inner: Arc<Inner>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Connection {
    /// Connects to `addr` ("host:port"), says Hello with the token (if any) and this
    /// client's name, and waits for the Welcome.
    pub fn connect(addr: &str, token: Option<&str>, name: &str) -> Result<Connection, JoinError> {
        let connect_err = |error| JoinError::Connect {
            addr: addr.to_string(),
            error,
        };
        let mut last = None;
        let mut stream = None;
        for a in addr.to_socket_addrs().map_err(connect_err)? {
            match TcpStream::connect_timeout(&a, CONNECT_TIMEOUT) {
                Ok(s) => {
                    stream = Some(s);
                    break;
                }
                Err(e) => last = Some(e),
            }
        }
        let stream = stream.ok_or_else(|| {
            connect_err(last.unwrap_or_else(|| std::io::Error::other("no address")))
        })?;
        let _ = stream.set_nodelay(true);
        let io = |e: std::io::Error| connect_err(e);
        stream.set_read_timeout(Some(CONNECT_TIMEOUT)).map_err(io)?;
        let mut w = BufWriter::new(stream.try_clone().map_err(io)?);
        Frame::Hello {
            version: PROTOCOL_VERSION,
            token: token.unwrap_or("").to_string(),
            name: name.chars().take(frame::MAX_NAME / 4).collect(),
        }
        .write_to(&mut w)
        .and_then(|()| w.flush())
        .map_err(io)?;
        let mut reader = BufReader::with_capacity(64 * 1024, stream.try_clone().map_err(io)?);
        let info = match frame::read_frame(&mut reader, frame::MAX_SERVER_FRAME) {
            Ok(Frame::Welcome { version, info }) if version == PROTOCOL_VERSION => info,
            Ok(Frame::Welcome { version, .. }) => {
                return Err(JoinError::Protocol(format!("protocol version {version}")));
            }
            Ok(Frame::Refused { reason }) => return Err(JoinError::Refused(reason)),
            Ok(other) => return Err(JoinError::Protocol(format!("{other:?}"))),
            Err(e) => return Err(JoinError::Protocol(e.to_string())),
        };
        let ping_every = serde_json::from_str::<serde_json::Value>(&info)
            .ok()
            .and_then(|v| v.get("ping_ms")?.as_u64())
            .map_or(PING_EVERY, |ms| Duration::from_millis(ms.clamp(50, 60_000)));
        stream
            .set_read_timeout(Some(SERVER_SILENCE.max(ping_every * 6)))
            .map_err(io)?;
        let inner = Arc::new(Inner {
            writer: Mutex::new(w),
            stream,
            objects: Mutex::new(VecDeque::new()),
            arrived: Condvar::new(),
            replies: Mutex::new(HashMap::new()),
            replied: Condvar::new(),
            next_tag: AtomicU32::new(1),
            clients: Mutex::new((Vec::new(), false)),
            alive: AtomicBool::new(true),
            lost: Mutex::new(None),
            info,
        });
        let reading = inner.clone();
        std::thread::Builder::new()
            .name("floor-read".into())
            .spawn(move || read_loop(reader, reading))
            .map_err(io)?;
        let pinging = Arc::downgrade(&inner);
        std::thread::Builder::new()
            .name("floor-ping".into())
            .spawn(move || {
                let mut n = 0u64;
                while let Some(inner) = pinging.upgrade() {
                    if !inner.alive.load(Ordering::Relaxed) {
                        return;
                    }
                    n += 1;
                    if let Err(e) = write(&inner, &Frame::Ping(n)) {
                        lose(&inner, format!("ping failed: {e}"));
                        return;
                    }
                    drop(inner);
                    std::thread::sleep(ping_every);
                }
            })
            .map_err(io)?;
        Ok(Connection { inner })
    }

    /// The world as the server described it (JSON: scenario, login code).
    pub fn info(&self) -> &str {
        &self.inner.info
    }

    pub fn is_alive(&self) -> bool {
        self.inner.alive.load(Ordering::Relaxed)
    }

    /// Why the connection ended, once it has.
    pub fn lost_reason(&self) -> Option<String> {
        lock(&self.inner.lost).clone()
    }

    /// A new client of the floor's world (its id), or -1 if the floor refused or is gone.
    pub fn create_client(&self) -> i32 {
        let tag = self.inner.next_tag.fetch_add(1, Ordering::Relaxed);
        if write(&self.inner, &Frame::Create { tag }).is_err() {
            return -1;
        }
        match self.wait_reply(tag) {
            Some(Reply::Created(id)) => {
                if id >= 0 {
                    let mut clients = lock(&self.inner.clients);
                    clients.0.push(id);
                    if clients.1 {
                        closed(&self.inner, &[id]);
                    }
                }
                id
            }
            _ => -1,
        }
    }

    /// Sends a td_json request for one of this connection's clients.
    pub fn send(&self, client_id: i32, request: &str) {
        let frame = Frame::Send {
            client_id,
            json: request.to_string(),
        };
        if write(&self.inner, &frame).is_err() {
            // As a closed TDLib client answers.
            self.push(aborted(client_id, request));
        }
    }

    /// The next object of any of this connection's clients, waiting up to `timeout` s.
    pub fn receive(&self, timeout: f64) -> Option<String> {
        let timeout = if timeout.is_finite() {
            timeout.clamp(0.0, 1e6)
        } else {
            0.0
        };
        let deadline = Instant::now() + Duration::from_secs_f64(timeout);
        let mut q = lock(&self.inner.objects);
        loop {
            if let Some(s) = q.pop_front() {
                return Some(s);
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            q = self
                .inner
                .arrived
                .wait_timeout(q, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// td_execute: the floor's own requests (`crate::TEAM_REQUEST`) are answered by the
    /// server, everything else by the simulator here (log settings stay this process's).
    pub fn execute(&self, request: &str) -> Option<String> {
        if !crate::is_floor_request(request) {
            return tdsim::execute(request);
        }
        let tag = self.inner.next_tag.fetch_add(1, Ordering::Relaxed);
        let frame = Frame::Execute {
            tag,
            json: request.to_string(),
        };
        write(&self.inner, &frame).ok()?;
        match self.wait_reply(tag) {
            Some(Reply::Executed(json)) => json,
            _ => None,
        }
    }

    /// Ends the connection: the server logs this connection's clients out.
    pub fn close(&self) {
        lose(&self.inner, "closed by this client".into());
    }

    fn push(&self, object: String) {
        lock(&self.inner.objects).push_back(object);
        self.inner.arrived.notify_all();
    }

    fn wait_reply(&self, tag: u32) -> Option<Reply> {
        let deadline = Instant::now() + REPLY_TIMEOUT;
        let mut replies = lock(&self.inner.replies);
        loop {
            if let Some(r) = replies.remove(&tag) {
                return Some(r);
            }
            let now = Instant::now();
            if now >= deadline || !self.is_alive() {
                return None;
            }
            replies = self
                .inner
                .replied
                .wait_timeout(replies, (deadline - now).min(Duration::from_millis(200)))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

fn write(inner: &Inner, frame: &Frame) -> std::io::Result<()> {
    if !inner.alive.load(Ordering::Relaxed) {
        return Err(std::io::Error::from(std::io::ErrorKind::NotConnected));
    }
    let mut w = lock(&inner.writer);
    frame.write_to(&mut *w)?;
    w.flush()
}

fn read_loop(mut reader: BufReader<TcpStream>, inner: Arc<Inner>) {
    loop {
        match frame::read_frame(&mut reader, frame::MAX_SERVER_FRAME) {
            Ok(Frame::Object { json, .. }) => {
                lock(&inner.objects).push_back(json);
                inner.arrived.notify_all();
            }
            Ok(Frame::Created { tag, client_id }) => reply(&inner, tag, Reply::Created(client_id)),
            Ok(Frame::Executed { tag, json }) => reply(&inner, tag, Reply::Executed(json)),
            Ok(Frame::Pong(_)) => {}
            Ok(Frame::Ping(n)) => {
                let _ = write(&inner, &Frame::Pong(n));
            }
            Ok(Frame::Refused { reason }) => return lose(&inner, reason),
            Ok(other) => {
                return lose(
                    &inner,
                    format!("unexpected frame from the floor: {other:?}"),
                );
            }
            Err(e) => return lose(&inner, e.to_string()),
        }
    }
}

fn reply(inner: &Inner, tag: u32, r: Reply) {
    lock(&inner.replies).insert(tag, r);
    inner.replied.notify_all();
}

/// The connection is gone: every client hears its session closed, once.
fn lose(inner: &Inner, reason: String) {
    if !inner.alive.swap(false, Ordering::Relaxed) {
        return;
    }
    *lock(&inner.lost) = Some(reason);
    let _ = inner.stream.shutdown(Shutdown::Both);
    let mut clients = lock(&inner.clients);
    clients.1 = true;
    closed(inner, &clients.0);
    drop(clients);
    inner.replied.notify_all();
}

/// Each client hears its session closed (Closing, then Closed).
fn closed(inner: &Inner, clients: &[i32]) {
    let mut q = lock(&inner.objects);
    for &id in clients {
        for state in ["authorizationStateClosing", "authorizationStateClosed"] {
            q.push_back(
                serde_json::json!({
                    "@type": "updateAuthorizationState",
                    "authorization_state": {"@type": state},
                    "@client_id": id,
                })
                .to_string(),
            );
        }
    }
    drop(q);
    inner.arrived.notify_all();
}

/// TDLib's answer to a request for a client that is closed.
fn aborted(client_id: i32, request: &str) -> String {
    let extra = serde_json::from_str::<serde_json::Value>(request)
        .ok()
        .and_then(|v| v.get("@extra").cloned());
    let mut v = serde_json::json!({
        "@type": "error",
        "code": 500,
        "message": "Request aborted",
        "@client_id": client_id,
    });
    if let Some(extra) = extra {
        v["@extra"] = extra;
    }
    v.to_string()
}
