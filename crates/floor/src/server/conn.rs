//! One connection to the floor: the Hello (version, token), then its frames — clients
//! created, requests sent, the floor's own executes answered, pings — on its own thread, and
//! one pump thread per client writing what the world sends it. Any error ends the
//! connection alone, with a `Notice` saying why, and logs its clients out.

use std::io::{BufReader, BufWriter, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{Notice, Shared, lock, team_json};
use crate::frame::{self, Frame, FrameError, PROTOCOL_VERSION};

/// How long a new connection has to say Hello.
const HELLO_TIMEOUT: Duration = Duration::from_secs(5);
/// Objects written to a client in one go.
const BATCH: usize = 512;

pub(super) fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::Relaxed) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let Ok(peer) = stream.peer_addr() else {
            continue;
        };
        let open = shared.connections.fetch_add(1, Ordering::Relaxed);
        if open >= shared.config.max_connections {
            shared.connections.fetch_sub(1, Ordering::Relaxed);
            refuse(&stream, peer, &shared, "the floor is full".into());
            continue;
        }
        let s = shared.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("floor-conn-{peer}"))
            .spawn(move || {
                serve(stream, peer, &s);
                s.connections.fetch_sub(1, Ordering::Relaxed);
            });
        if spawned.is_err() {
            shared.connections.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

fn refuse(stream: &TcpStream, peer: SocketAddr, shared: &Shared, reason: String) {
    let mut w = stream;
    let _ = Frame::Refused {
        reason: reason.clone(),
    }
    .write_to(&mut w);
    let _ = w.flush();
    let _ = stream.shutdown(Shutdown::Both);
    shared.notice(Notice::Refused { peer, reason });
}

/// The write half of a connection, shared by its pumps and its reader (pongs, replies).
pub(super) struct Link {
    writer: Mutex<BufWriter<TcpStream>>,
    stream: TcpStream,
    /// Why it ended (the first reason wins); set once.
    ended: Mutex<Option<String>>,
    dead: AtomicBool,
}

impl Link {
    fn write(&self, frames: &[Frame]) -> Result<(), String> {
        if self.is_dead() {
            return Err("closed".into());
        }
        let mut w = lock(&self.writer);
        for f in frames {
            f.write_to(&mut *w).map_err(said)?;
        }
        w.flush().map_err(said)
    }

    /// A batch of one client's objects, in one lock and one flush.
    fn write_objects(&self, client_id: i32, objects: &[String]) -> Result<(), String> {
        if self.is_dead() {
            return Err("closed".into());
        }
        let mut w = lock(&self.writer);
        for json in objects {
            frame::write_object(&mut *w, client_id, json).map_err(said)?;
        }
        w.flush().map_err(said)
    }

    /// Ends the connection (once), saying why.
    fn end(&self, reason: String) {
        let mut ended = lock(&self.ended);
        if ended.is_none() {
            *ended = Some(reason);
        }
        self.dead.store(true, Ordering::Relaxed);
        let _ = self.stream.shutdown(Shutdown::Both);
    }

    fn is_dead(&self) -> bool {
        self.dead.load(Ordering::Relaxed)
    }
}

/// What a failed write says.
fn said(e: std::io::Error) -> String {
    match e.kind() {
        // The write timeout passed with the socket's buffers full.
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
            "stopped reading: a write could not go on".to_string()
        }
        _ => format!("writing failed: {e}"),
    }
}

fn serve(stream: TcpStream, peer: SocketAddr, shared: &Arc<Shared>) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_read_timeout(Some(HELLO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(shared.config.write_timeout));
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::with_capacity(64 * 1024, read_half);
    let name = match hello(&mut reader, shared) {
        Ok(name) => name,
        Err(reason) => {
            refuse(&stream, peer, shared, reason);
            return;
        }
    };
    let Ok(write_half) = stream.try_clone() else {
        return;
    };
    let link = Arc::new(Link {
        writer: Mutex::new(BufWriter::with_capacity(64 * 1024, write_half)),
        stream,
        ended: Mutex::new(None),
        dead: AtomicBool::new(false),
    });
    let info = serde_json::json!({
        "scenario": shared.config.world.scenario.name,
        "login_code": tdsim::LOGIN_CODE,
        "duty_group_chat_id": shared.duty_group_chat_id,
        // A client pings four times per timeout, so one late ping never loses it.
        "ping_ms": (shared.config.timeout.as_millis() / 4).max(50) as u64,
    })
    .to_string();
    let welcome = Frame::Welcome {
        version: PROTOCOL_VERSION,
        info,
    };
    if link.write(&[welcome]).is_err() {
        return;
    }
    let _ = link.stream.set_read_timeout(Some(shared.config.timeout));
    shared.notice(Notice::Joined {
        peer,
        name: name.clone(),
    });
    let mut clients: Vec<i32> = Vec::new();
    let reason = read_frames(&mut reader, &link, shared, &mut clients);
    link.end(reason);
    let reason = lock(&link.ended).clone().unwrap_or_default();
    // Logged out: the members are free again, whatever the client was doing.
    for &id in &clients {
        tdsim::send(id, r#"{"@type":"close"}"#);
    }
    // Let the pumps see the link is dead before their queues go.
    std::thread::sleep(Duration::from_millis(50));
    for &id in &clients {
        if let Some(c) = tdsim::control(id) {
            c.discard_queue();
        }
    }
    shared.notice(Notice::Left {
        peer,
        name,
        reason,
        clients,
    });
}

/// Reads the Hello; the client's name, or why it is refused.
fn hello(reader: &mut BufReader<TcpStream>, shared: &Shared) -> Result<String, String> {
    let frame =
        frame::read_frame(reader, frame::MAX_HELLO_FRAME).map_err(|e| format!("no hello: {e}"))?;
    let Frame::Hello {
        version,
        token,
        name,
    } = frame
    else {
        return Err("the first frame was not a hello".into());
    };
    if version != PROTOCOL_VERSION {
        return Err(format!(
            "protocol version {version}; this floor speaks {PROTOCOL_VERSION}"
        ));
    }
    if let Some(expected) = &shared.config.token
        && !crate::token::matches(expected.as_bytes(), token.as_bytes())
    {
        return Err(if token.is_empty() {
            "a join token is required".into()
        } else {
            "wrong join token".into()
        });
    }
    Ok(name)
}

/// Serves frames until the connection ends; returns why.
fn read_frames(
    reader: &mut BufReader<TcpStream>,
    link: &Arc<Link>,
    shared: &Arc<Shared>,
    clients: &mut Vec<i32>,
) -> String {
    loop {
        let frame = match frame::read_frame(reader, frame::MAX_CLIENT_FRAME) {
            Ok(f) => f,
            Err(FrameError::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return format!("silent for {} s: lost", shared.config.timeout.as_secs_f64());
            }
            Err(FrameError::Closed) => return "closed by the client".into(),
            Err(e) if link.is_dead() => {
                return lock(&link.ended).clone().unwrap_or_else(|| e.to_string());
            }
            Err(e) => return e.to_string(),
        };
        let reply = match frame {
            Frame::Create { tag } => {
                let client_id = if clients.len() >= shared.config.max_clients_per_connection {
                    -1
                } else {
                    let id = create(shared, link);
                    clients.push(id);
                    id
                };
                Frame::Created { tag, client_id }
            }
            Frame::Send { client_id, json } if clients.contains(&client_id) => {
                tdsim::send(client_id, &json);
                continue;
            }
            Frame::Send { client_id, json } => Frame::Object {
                client_id,
                json: not_yours(client_id, &json),
            },
            Frame::Execute { tag, json } => Frame::Executed {
                tag,
                json: Some(execute(shared, &json)),
            },
            Frame::Ping(n) => Frame::Pong(n),
            Frame::Pong(_) => continue,
            other => return format!("malformed frame: {} from a client", kind_name(&other)),
        };
        if let Err(e) = link.write(&[reply]) {
            return e;
        }
    }
}

fn kind_name(f: &Frame) -> &'static str {
    match f {
        Frame::Hello { .. } => "a second hello",
        Frame::Welcome { .. } => "welcome",
        Frame::Refused { .. } => "refused",
        Frame::Created { .. } => "created",
        Frame::Object { .. } => "object",
        Frame::Executed { .. } => "executed",
        _ => "unexpected",
    }
}

/// TDLib's answer for a client id that is not this connection's.
fn not_yours(client_id: i32, request: &str) -> String {
    let extra = serde_json::from_str::<serde_json::Value>(request)
        .ok()
        .and_then(|v| v.get("@extra").cloned());
    let mut v = serde_json::json!({
        "@type": "error",
        "code": 400,
        "message": "Invalid TDLib instance specified",
        "@client_id": client_id,
    });
    if let Some(extra) = extra {
        v["@extra"] = extra;
    }
    v.to_string()
}

/// The floor's own requests; anything else is the client's to execute locally.
fn execute(shared: &Shared, request: &str) -> String {
    let parsed = serde_json::from_str::<serde_json::Value>(request).ok();
    let extra = parsed.as_ref().and_then(|v| v.get("@extra"));
    if crate::is_floor_request(request) {
        return team_json(&shared.world, extra);
    }
    let mut v = serde_json::json!({
        "@type": "error",
        "code": 400,
        "message": "The floor executes only its own requests",
    });
    if let Some(extra) = extra {
        v["@extra"] = extra.clone();
    }
    v.to_string()
}

/// A new client of the world, its queue bounded, with a pump writing its objects.
fn create(shared: &Arc<Shared>, link: &Arc<Link>) -> i32 {
    let id = shared.world.create_client();
    let Some(control) = tdsim::control(id) else {
        return id;
    };
    control.limit_queue(Some(shared.config.queue_limit));
    let link = link.clone();
    let limit = shared.config.queue_limit;
    let _ = std::thread::Builder::new()
        .name(format!("floor-pump-{id}"))
        .spawn(move || pump(control, link, limit));
    id
}

/// Writes what the world sends one client until its connection ends.
fn pump(control: tdsim::Control, link: Arc<Link>, limit: usize) {
    let id = control.client_id();
    while !link.is_dead() {
        let batch = control.receive_batch(0.25, BATCH);
        if control.queue_overflowed() {
            link.end(format!(
                "client {id} stopped reading: over {} MB queued",
                limit >> 20
            ));
            return;
        }
        if batch.is_empty() {
            continue;
        }
        if let Err(e) = link.write_objects(id, &batch) {
            link.end(format!("client {id}: {e}"));
            return;
        }
    }
}
