//! A tracker stand-in for the API tests: a plain HTTP/1.1 server on 127.0.0.1 in a thread.
//!
//! Each test gives a handler that sees every request (method, path with query, headers,
//! body), checks it against the tracker's documented contract, and answers with the
//! documented shape. A broken rule is recorded and answered with status 599, and
//! [`Server::finish`] fails the test with every broken rule, so a check can never pass by
//! the client misreading an error.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::Value;
use tracker::{Client, Draft, Fault, Quote, Token, TrackerConfig, TrackerError};

pub const TOKEN: &str = "tok-3f9a-SECRET";

/// One request as the server read it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path and query as sent (still percent-encoded).
    pub target: String,
    /// Lower-case names.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == &name.to_ascii_lowercase())
            .map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }

    /// The query, read strictly (a raw reserved character is a broken rule).
    pub fn query(&self) -> Result<Vec<(String, String)>, String> {
        match self.target.split_once('?') {
            Some((_, q)) => decode_query(q),
            None => Ok(Vec::new()),
        }
    }

    pub fn query_value(&self, key: &str) -> Result<Option<String>, String> {
        Ok(self
            .query()?
            .into_iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v))
    }

    pub fn json(&self) -> Result<Value, String> {
        serde_json::from_slice(&self.body).map_err(|e| format!("body is not JSON: {e}"))
    }
}

/// What the server sends back.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub delay: Duration,
}

pub fn answer(status: u16, body: &str) -> Answer {
    Answer {
        status,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: body.as_bytes().to_vec(),
        delay: Duration::ZERO,
    }
}

pub fn redirect(status: u16, location: &str) -> Answer {
    let mut a = answer(status, "");
    a.headers.push(("Location".into(), location.into()));
    a
}

pub fn slow(mut a: Answer, delay: Duration) -> Answer {
    a.delay = delay;
    a
}

/// What a handler returns: the answer, or the contract rule the request broke.
pub type Checked = Result<Answer, String>;

type Handler = Box<dyn FnMut(&Seen) -> Checked + Send>;

pub struct Server {
    port: u16,
    stop: Arc<AtomicBool>,
    seen: Arc<Mutex<Vec<Seen>>>,
    broken: Arc<Mutex<Vec<String>>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(handler: impl FnMut(&Seen) -> Checked + Send + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let broken = Arc::new(Mutex::new(Vec::new()));
        let (stop2, seen2, broken2) = (stop.clone(), seen.clone(), broken.clone());
        let mut handler: Handler = Box::new(handler);
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                serve(stream, &mut handler, &seen2, &broken2);
            }
        });
        Server {
            port,
            stop,
            seen,
            broken,
            thread: Some(thread),
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// Stops the server; fails the test if any request broke a contract rule.
    pub fn finish(mut self) -> Vec<Seen> {
        self.shut_down();
        let broken = self.broken.lock().unwrap().clone();
        assert!(broken.is_empty(), "contract broken:\n{}", broken.join("\n"));
        self.seen()
    }

    /// Not joined: a thread still sleeping on a slow answer ends by itself once it has
    /// written it (to a client long gone), and the test need not wait for that.
    fn shut_down(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        self.thread.take();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut_down();
    }
}

fn serve(
    stream: TcpStream,
    handler: &mut Handler,
    seen: &Mutex<Vec<Seen>>,
    broken: &Mutex<Vec<String>>,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let Some(request) = read_request(&stream) else {
        return;
    };
    seen.lock().unwrap().push(request.clone());
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handler(&request)))
        .unwrap_or_else(|_| Err("the handler panicked".into()));
    let answer = match checked {
        Ok(a) => a,
        Err(rule) => {
            broken
                .lock()
                .unwrap()
                .push(format!("{} {}: {rule}", request.method, request.target));
            answer(599, "{}")
        }
    };
    std::thread::sleep(answer.delay);
    let mut out = stream;
    let mut head = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", answer.status);
    for (name, value) in &answer.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", answer.body.len()));
    let _ = out.write_all(head.as_bytes());
    let _ = out.write_all(&answer.body);
    let _ = out.flush();
}

fn read_request(stream: &TcpStream) -> Option<Seen> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (name, value) = h.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Seen {
        method,
        target,
        headers,
        body,
    })
}

/// A strict `application/x-www-form-urlencoded` reading: only unreserved bytes may appear
/// raw, everything else must be `%XX`, and `+` is not a space. Fails on anything else, so a
/// value the builder forgot to encode cannot round-trip by luck.
pub fn decode_query(query: &str) -> Result<Vec<(String, String)>, String> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    query
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').ok_or(format!("{pair:?} has no ="))?;
            Ok((decode_component(k)?, decode_component(v)?))
        })
        .collect()
}

pub fn decode_component(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3).ok_or(format!("truncated % in {s:?}"))?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| format!("bad %{hex} in {s:?}"))?);
                i += 3;
            }
            b if b.is_ascii_alphanumeric() || b"-._~".contains(&b) => {
                out.push(b);
                i += 1;
            }
            b => return Err(format!("raw {:?} in {s:?}", b as char)),
        }
    }
    String::from_utf8(out).map_err(|_| format!("not UTF-8: {s:?}"))
}

/// A config for a kind at `base`, with the fields its API needs.
pub fn config(kind: tracker::TrackerKind, base: &str) -> TrackerConfig {
    let mut c = TrackerConfig::new("Support tracker", kind, base);
    c.mode = Some(tracker::Mode::Api);
    c
}

pub fn client(config: &TrackerConfig) -> Client {
    Client::with_timeout(config, Token::new(TOKEN), Duration::from_millis(800)).expect("client")
}

pub fn quote(text: &str) -> Quote {
    Quote {
        author: "Анна \"K\" & Co".into(),
        unix_time: 1_741_933_560,
        utc_offset_minutes: 180,
        chat_title: "ACME #support".into(),
        link: Some("https://t.me/acme_support/42".into()),
        text: text.into(),
    }
}

pub fn draft(config: &TrackerConfig) -> Draft {
    Draft::from_quotes(
        config,
        None,
        vec![quote(
            "Сайт не открывается 🙂 & \"500\" #1 100% +1\nsince 9:00",
        )],
    )
}

/// Whether neither the error's text nor its debug form shows the token.
pub fn token_hidden(e: &TrackerError) -> bool {
    !e.to_string().contains(TOKEN) && !format!("{e:?}").contains(TOKEN)
}

/// Runs `call` against a server that answers every request with `a`; the fault it gets.
pub fn fault_for(
    config: &TrackerConfig,
    a: Answer,
    call: impl Fn(&Client) -> Result<(), TrackerError>,
) -> Fault {
    let server = Server::start(move |_| Ok(a.clone()));
    let mut c = config.clone();
    c.base_url = server.url();
    let e = call(&client(&c)).expect_err("the call fails");
    assert!(token_hidden(&e), "{e:?}");
    assert_eq!(e.tracker, "Support tracker");
    e.fault
}

/// The faults every tracker shares, through `call`: 401, 403, a redirect to another host
/// (which must receive nothing), a slow reply, garbage, an oversize reply, 429, 5xx.
pub fn shared_faults(config: &TrackerConfig, call: impl Fn(&Client) -> Result<(), TrackerError>) {
    assert_eq!(
        fault_for(config, answer(401, "{}"), &call),
        Fault::Unauthorized
    );
    assert!(matches!(
        fault_for(config, answer(403, "{}"), &call),
        Fault::Forbidden { .. }
    ));
    let elsewhere = Server::start(|s| Err(format!("the token travelled to another host: {s:?}")));
    let location = format!("http://localhost:{}/rest/1/{TOKEN}/x", elsewhere.port());
    match fault_for(config, redirect(302, &location), &call) {
        Fault::RedirectElsewhere { location } => assert!(!location.contains(TOKEN), "{location}"),
        other => panic!("302 to another host: {other:?}"),
    }
    assert!(elsewhere.finish().is_empty());
    let slow_reply = slow(answer(200, "{}"), Duration::from_millis(1500));
    assert!(matches!(
        fault_for(config, slow_reply, &call),
        Fault::Timeout { .. }
    ));
    assert!(matches!(
        fault_for(config, answer(200, "<html>not json"), &call),
        Fault::MalformedReply { .. }
    ));
    assert!(matches!(
        fault_for(config, answer(200, "{\"unexpected\": true}"), &call),
        Fault::MalformedReply { .. }
    ));
    let huge = format!("[\"{}\"]", "x".repeat(3 << 20));
    assert_eq!(
        fault_for(config, answer(200, &huge), &call),
        Fault::OversizeReply { limit: 1 << 20 }
    );
    assert_eq!(
        fault_for(config, answer(429, "{}"), &call),
        Fault::RateLimited
    );
    assert_eq!(
        fault_for(config, answer(503, "<html>"), &call),
        Fault::Server { status: 503 }
    );
}

/// `Err(rule)` unless `cond`.
pub fn rule(cond: bool, rule: &str) -> Result<(), String> {
    if cond { Ok(()) } else { Err(rule.to_string()) }
}

/// The JSON member at `pointer` is a string equal to `want`.
pub fn json_str(v: &Value, pointer: &str, want: &str) -> Result<(), String> {
    match v.pointer(pointer) {
        Some(Value::String(s)) if s == want => Ok(()),
        other => Err(format!(
            "{pointer} should be the string {want:?}, is {other:?}"
        )),
    }
}
