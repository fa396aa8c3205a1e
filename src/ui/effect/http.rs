//! Outside HTTP calls (a tracker's API, later) as data: the request (`Debug`,
//! `PartialEq`, so tests assert on it) plus how its reply becomes the asking feature's
//! message. They never go through the Telegram session. ureq blocks, so the window runs a
//! call on a blocking worker (`Call::task`); the headless harness on its own thread
//! (`Call::block`). A 4xx or 5xx answer is a `Response` like any other: the feature reads
//! the tracker's error from its body. Only a call that got no answer is an `Error`.

use super::MapFn;
use iced::Task;
use std::sync::OnceLock;
use std::time::Duration;

/// A whole call may take this long, connecting and reading included.
const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// Sent with Post, Put and Patch (empty if `None`); never with Get or Delete.
    pub body: Option<String>,
}

impl Request {
    pub fn get(url: impl Into<String>) -> Request {
        Request {
            method: Method::Get,
            url: url.into(),
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn post(url: impl Into<String>, body: impl Into<String>) -> Request {
        Request {
            method: Method::Post,
            body: Some(body.into()),
            ..Request::get(url)
        }
    }

    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Request {
        self.headers.push((name.into(), value.into()));
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

/// A call that got no answer: where to, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {reason}")]
pub struct Error {
    pub url: String,
    pub reason: String,
}

pub type Reply = Result<Response, Error>;

/// One HTTP call and how its reply becomes a message.
pub struct Call<M> {
    request: Request,
    reply: Box<dyn FnOnce(Reply) -> M + Send>,
}

impl<M: Send + 'static> Call<M> {
    pub fn new(request: Request, reply: impl FnOnce(Reply) -> M + Send + 'static) -> Self {
        Call {
            request,
            reply: Box::new(reply),
        }
    }

    pub fn request(&self) -> &Request {
        &self.request
    }

    pub(crate) fn map<N: Send + 'static>(self, f: MapFn<M, N>) -> Call<N> {
        let Call { request, reply } = self;
        Call {
            request,
            reply: Box::new(move |r| f(reply(r))),
        }
    }

    /// The headless executor: the call on this thread, blocking until it is answered.
    pub fn block(self) -> M {
        let reply = fetch(&self.request);
        (self.reply)(reply)
    }

    /// The call on a blocking worker of the async runtime (tokio's, which iced runs on).
    pub async fn run(self) -> M {
        let Call { request, reply } = self;
        let url = request.url.clone();
        let answer = tokio::task::spawn_blocking(move || fetch(&request))
            .await
            .unwrap_or_else(|e| {
                Err(Error {
                    url,
                    reason: i18n::t!("app-http-stopped", error = e.to_string()),
                })
            });
        reply(answer)
    }

    /// The window's executor: an iced task, the call itself off the window's thread.
    pub fn task(self) -> Task<M> {
        Task::future(self.run())
    }
}

impl<M> std::fmt::Debug for Call<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.request.fmt(f)
    }
}

/// One agent for every call: it keeps connections to the same host open between calls.
fn agent() -> &'static ureq::Agent {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    AGENT.get_or_init(|| {
        // The OS's trust store, as for the TDLib download: company proxies re-sign TLS.
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(ureq::tls::RootCerts::PlatformVerifier)
            .build();
        let config = ureq::Agent::config_builder()
            .tls_config(tls)
            .http_status_as_error(false)
            .timeout_global(Some(TIMEOUT))
            .build();
        ureq::Agent::new_with_config(config)
    })
}

/// Performs a call, blocking.
fn fetch(request: &Request) -> Reply {
    let agent = agent();
    let url = request.url.as_str();
    let body = request.body.clone().unwrap_or_default();
    macro_rules! with_headers {
        ($builder:expr) => {{
            let mut b = $builder;
            for (name, value) in &request.headers {
                b = b.header(name.as_str(), value.as_str());
            }
            b
        }};
    }
    let answer = match request.method {
        Method::Get => with_headers!(agent.get(url)).call(),
        Method::Delete => with_headers!(agent.delete(url)).call(),
        Method::Post => with_headers!(agent.post(url)).send(body),
        Method::Put => with_headers!(agent.put(url)).send(body),
        Method::Patch => with_headers!(agent.patch(url)).send(body),
    };
    let error = |e: ureq::Error| Error {
        url: request.url.clone(),
        reason: e.to_string(),
    };
    let mut response = answer.map_err(error)?;
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().map_err(error)?;
    Ok(Response { status, body })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::effect::Effects;
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpListener;

    /// A one-shot HTTP server on localhost answering `status` and `body`; its address, and
    /// the request it received (head and body) once answered.
    fn server(
        status: &'static str,
        body: &'static str,
    ) -> (String, std::thread::JoinHandle<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/issues", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream);
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
                if line == "\r\n" {
                    break;
                }
                head.push_str(&line);
            }
            let mut sent = vec![0; length];
            reader.read_exact(&mut sent).unwrap();
            let answer = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            reader.get_mut().write_all(answer.as_bytes()).unwrap();
            head + &String::from_utf8(sent).unwrap()
        });
        (url, handle)
    }

    /// A feature's message, and the app's around it.
    #[derive(Debug, PartialEq)]
    enum Tracker {
        Created { chat: i64, reply: Reply },
    }
    #[derive(Debug, PartialEq)]
    enum AppMessage {
        Tracker(Tracker),
    }

    fn create_task(url: &str, chat: i64) -> Effects<Tracker> {
        let request = Request::post(url, r#"{"title":"Mail is down"}"#)
            .header("Authorization", "Bearer t0ken");
        Effects::http(request, move |reply| Tracker::Created { chat, reply })
    }

    #[test]
    fn a_call_runs_and_its_reply_comes_back_to_the_feature_that_asked() {
        let (url, server) = server("201 Created", r#"{"key":"SUP-7"}"#);
        let effects = create_task(&url, 42).map(AppMessage::Tracker);
        assert!(
            effects.telegram_calls().is_empty(),
            "never through Telegram"
        );
        let mut calls = effects.into_parts().http;
        assert_eq!(calls.len(), 1);
        let call = calls.remove(0);
        assert_eq!(call.request().method, Method::Post);
        assert_eq!(call.request().url, url);

        let message = call.block();
        assert_eq!(
            message,
            AppMessage::Tracker(Tracker::Created {
                chat: 42,
                reply: Ok(Response {
                    status: 201,
                    body: r#"{"key":"SUP-7"}"#.into()
                })
            })
        );
        let received = server.join().unwrap();
        assert!(received.starts_with("POST /issues HTTP/1.1"), "{received}");
        assert!(
            received
                .to_ascii_lowercase()
                .contains("authorization: bearer t0ken")
        );
        assert!(
            received.ends_with(r#"{"title":"Mail is down"}"#),
            "{received}"
        );
    }

    #[test]
    fn on_the_windows_executor_the_call_runs_on_a_blocking_worker() {
        let (url, server) = server("404 Not Found", "no such project");
        let call = create_task(&url, 7)
            .map(AppMessage::Tracker)
            .into_parts()
            .http
            .remove(0);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let message = runtime.block_on(call.run());
        // An error status is an answer: the feature reads the tracker's reason.
        assert_eq!(
            message,
            AppMessage::Tracker(Tracker::Created {
                chat: 7,
                reply: Ok(Response {
                    status: 404,
                    body: "no such project".into()
                })
            })
        );
        server.join().unwrap();
    }

    #[test]
    fn a_call_nobody_answers_is_an_error_naming_the_url() {
        // A port just released: nothing listens there.
        let url = {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            format!("http://{}/x", listener.local_addr().unwrap())
        };
        let Tracker::Created { reply, .. } =
            create_task(&url, 1).into_parts().http.remove(0).block();
        let error = reply.unwrap_err();
        assert_eq!(error.url, url);
        assert!(error.to_string().starts_with(&url), "{error}");
    }
}
