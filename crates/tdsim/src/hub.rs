//! Process-global state, like TDLib's client manager: the worlds by id, which world each client
//! id belongs to, and one receive queue multiplexing all clients (kept per client, ordered by a
//! global sequence, so a test or a floor server can also take one client's objects). Each
//! world's clock runs on one thread of its own, however many clients it has. A client's queue
//! may be given a limit in bytes (a floor server does, per remote client): past it, its
//! objects are dropped and the queue is marked overflowed, so a reader that stopped costs
//! bounded memory and its owner can disconnect it.

use std::cell::Cell;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, Weak};
use std::time::{Duration, Instant};

use crate::WorldConfig;
use crate::world::{World, WorldId};

/// One client's objects waiting for receive, in order.
#[derive(Default)]
struct Queue {
    items: VecDeque<(u64, String)>,
    /// Bytes of JSON queued (kept only while a limit is set).
    bytes: usize,
    limit: Option<usize>,
    /// An object was dropped because the limit was reached.
    overflowed: bool,
}

impl Queue {
    fn push(&mut self, seq: u64, s: String) {
        if let Some(limit) = self.limit {
            if self.overflowed || self.bytes + s.len() > limit {
                self.overflowed = true;
                return;
            }
            self.bytes += s.len();
        }
        self.items.push_back((seq, s));
    }

    fn pop(&mut self) -> Option<String> {
        let (_, s) = self.items.pop_front()?;
        if self.limit.is_some() {
            self.bytes -= s.len();
        }
        Some(s)
    }
}

#[derive(Default)]
struct Queues {
    by_client: HashMap<i32, Queue>,
    seq: u64,
}

pub type Shared = Arc<Mutex<World>>;

pub struct Hub {
    worlds: Mutex<HashMap<WorldId, Shared>>,
    clients: Mutex<HashMap<i32, Shared>>,
    queues: Mutex<Queues>,
    ready: Condvar,
    next_client: AtomicI32,
    next_world: AtomicU32,
    default_config: Mutex<Option<WorldConfig>>,
}

pub fn hub() -> &'static Hub {
    static HUB: OnceLock<Hub> = OnceLock::new();
    HUB.get_or_init(|| Hub {
        worlds: Mutex::new(HashMap::new()),
        clients: Mutex::new(HashMap::new()),
        queues: Mutex::new(Queues::default()),
        ready: Condvar::new(),
        next_client: AtomicI32::new(1),
        next_world: AtomicU32::new(1),
        default_config: Mutex::new(None),
    })
}

/// A poisoned lock only means another thread panicked mid-update; the data is still usable
/// for a simulator, and refusing service would turn one failure into a hang.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

thread_local! {
    /// The world clients created on this thread join (see crate::joining).
    pub static JOINING: Cell<Option<WorldId>> = const { Cell::new(None) };
}

impl Hub {
    pub fn set_default_config(&self, config: WorldConfig) {
        *lock(&self.default_config) = Some(config);
    }

    pub fn default_config(&self) -> WorldConfig {
        lock(&self.default_config).clone().unwrap_or_default()
    }

    pub fn create_world(&self, config: WorldConfig) -> WorldId {
        let id = WorldId(self.next_world.fetch_add(1, Ordering::Relaxed));
        let world = Arc::new(Mutex::new(World::new(id, &config)));
        lock(&self.worlds).insert(id, world.clone());
        start_clock(&world, &mut lock(&world));
        id
    }

    pub fn world_by_id(&self, id: WorldId) -> Option<Shared> {
        lock(&self.worlds).get(&id).cloned()
    }

    /// A new client of a world.
    pub fn join(&self, world: &Shared) -> i32 {
        let id = self.next_client.fetch_add(1, Ordering::Relaxed);
        let mut w = lock(world);
        w.add_session(id);
        lock(&self.clients).insert(id, world.clone());
        start_clock(world, &mut w);
        id
    }

    /// The world a client belongs to.
    pub fn world(&self, client_id: i32) -> Option<Shared> {
        lock(&self.clients).get(&client_id).cloned()
    }

    /// Moves every client's pending output of a world to the receive queue.
    pub fn flush(&self, world: &mut World) {
        if world.sessions.iter().all(|s| s.out.is_empty()) {
            return;
        }
        let mut q = lock(&self.queues);
        let q = &mut *q;
        for session in &mut world.sessions {
            if session.out.is_empty() {
                continue;
            }
            let queue = q.by_client.entry(session.client_id).or_default();
            for s in session.out.drain(..) {
                q.seq += 1;
                queue.push(q.seq, s);
            }
        }
        self.ready.notify_all();
    }

    pub fn push_raw(&self, client_id: i32, s: String) {
        let mut q = lock(&self.queues);
        q.seq += 1;
        let seq = q.seq;
        q.by_client.entry(client_id).or_default().push(seq, s);
        self.ready.notify_all();
    }

    /// Caps a client's queue at `max_bytes` of JSON (None: unbounded, the default).
    pub fn limit(&self, client_id: i32, max_bytes: Option<usize>) {
        let mut q = lock(&self.queues);
        let queue = q.by_client.entry(client_id).or_default();
        queue.limit = max_bytes;
        queue.bytes = match max_bytes {
            Some(_) => queue.items.iter().map(|(_, s)| s.len()).sum(),
            None => 0,
        };
    }

    /// Whether objects of this client were dropped at its queue's limit.
    pub fn overflowed(&self, client_id: i32) -> bool {
        lock(&self.queues)
            .by_client
            .get(&client_id)
            .is_some_and(|q| q.overflowed)
    }

    /// Bytes queued for a client with a limit (0 without one).
    pub fn queued_bytes(&self, client_id: i32) -> usize {
        lock(&self.queues)
            .by_client
            .get(&client_id)
            .map_or(0, |q| q.bytes)
    }

    /// Forgets a client's queue and whatever is still in it (its owner is gone).
    pub fn discard(&self, client_id: i32) {
        lock(&self.queues).by_client.remove(&client_id);
    }

    /// Up to `max` objects of one client, waiting up to `timeout` seconds for the first.
    pub fn receive_batch(&self, client: i32, timeout: f64, max: usize) -> Vec<String> {
        let mut out = Vec::new();
        let Some(first) = self.receive(Some(client), timeout) else {
            return out;
        };
        out.push(first);
        let mut q = lock(&self.queues);
        if let Some(queue) = q.by_client.get_mut(&client) {
            while out.len() < max {
                match queue.pop() {
                    Some(s) => out.push(s),
                    None => break,
                }
            }
        }
        out
    }

    /// The oldest object of any client (or of one client), waiting up to `timeout` seconds.
    pub fn receive(&self, client: Option<i32>, timeout: f64) -> Option<String> {
        // NaN would panic in Duration; treat it as "don't wait".
        let timeout = if timeout.is_nan() {
            0.0
        } else {
            timeout.clamp(0.0, 1e6)
        };
        let deadline = Instant::now() + Duration::from_secs_f64(timeout);
        let mut q = lock(&self.queues);
        loop {
            let pick = match client {
                Some(c) => q
                    .by_client
                    .get(&c)
                    .filter(|v| !v.items.is_empty())
                    .map(|_| c),
                None => q
                    .by_client
                    .iter()
                    .filter_map(|(c, v)| v.items.front().map(|(seq, _)| (*seq, *c)))
                    .min()
                    .map(|(_, c)| c),
            };
            if let Some(c) = pick
                && let Some(s) = q.by_client.get_mut(&c).and_then(Queue::pop)
            {
                return Some(s);
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            q = self
                .ready
                .wait_timeout(q, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

/// Starts the world's clock thread if it runs (speed > 0) and has none; `w` is `world` locked.
pub fn start_clock(world: &Shared, w: &mut World) {
    if w.speed <= 0.0 || w.clock_thread || w.all_closed() {
        return;
    }
    // A clock that stopped (every client had closed) resumes from where it stood.
    w.base_virtual = w.now as f64;
    w.base_instant = Instant::now();
    let weak = Arc::downgrade(world);
    let spawned = std::thread::Builder::new()
        .name(format!("tdsim-clock-{}", w.id.0))
        .spawn(move || run_clock(weak));
    match spawned {
        Ok(_) => w.clock_thread = true,
        // Without a clock thread the world still answers; it just stands still.
        Err(_) => w.speed = 0.0,
    }
}

/// Running mode: follow the wall clock at the world's speed; report the time at least once
/// per wall second. Stops when every client of the world has closed.
fn run_clock(world: Weak<Mutex<World>>) {
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let Some(world) = world.upgrade() else { return };
        let mut w = lock(&world);
        if w.all_closed() || w.speed <= 0.0 {
            w.clock_thread = false;
            return;
        }
        let target = w.base_virtual + w.base_instant.elapsed().as_secs_f64() * w.speed;
        w.advance_to(target.floor() as i64);
        if w.announced_wall.elapsed() >= Duration::from_secs(1) {
            w.announce_time(true);
        }
        hub().flush(&mut w);
    }
}
