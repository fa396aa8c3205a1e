//! The only code that talks HTTP, and the rules that keep a token at home.
//!
//! In: a [`Request`] (method, origin-relative path, headers, JSON body) for the one origin the
//! client was built for. Out: a [`Reply`] (status, `Location`, body of at most
//! [`REPLY_LIMIT`] bytes) or a [`Fault`].
//!
//! - ureq's own redirect handling is off. A redirect to another origin (host, port or scheme)
//!   is a [`Fault::RedirectElsewhere`] and nothing more is sent. A same-origin redirect is
//!   followed (up to [`MAX_HOPS`]) only when that cannot change the request: a `GET`, or a
//!   307/308 that keeps method and body; a 301/302/303 answering a `POST` would turn it into
//!   a `GET`, so it is reported instead.
//! - Base URLs are `https://`, except for this machine (localhost, 127.0.0.1, ::1), which is
//!   also never sent through a proxy from the environment.
//! - One deadline covers the whole call, connection to last byte.

use std::io::ErrorKind;
use std::time::Duration;

use ureq::Agent;
use ureq::tls::{RootCerts, TlsConfig};

use crate::error::Fault;
use crate::rules::UrlProblem;

/// How long one call may take, connection to last byte, unless the caller chooses.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// The largest reply read. The calls made here answer a few kilobytes; a megabyte means the
/// address is not the tracker's API (a file, a stream, a misbehaving proxy).
pub(crate) const REPLY_LIMIT: usize = 1 << 20;
/// Same-origin redirects followed before giving up.
pub(crate) const MAX_HOPS: usize = 5;
const USER_AGENT: &str = concat!("DutyDesk/", env!("CARGO_PKG_VERSION"), " (tracker)");

/// A tracker's base URL: scheme, host, port and path prefix; no user, query or fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BaseUrl {
    pub https: bool,
    /// Lower-case; an IPv6 address keeps its brackets.
    pub host: String,
    pub port: Option<u16>,
    /// "" or "/prefix" without a trailing slash.
    pub path: String,
}

impl BaseUrl {
    /// Parses and checks a configured base URL (the HTTPS rule included).
    pub fn parse(url: &str) -> Result<BaseUrl, UrlProblem> {
        let base = Self::parse_any(url.trim())?;
        if !base.https && !base.is_loopback() {
            return Err(UrlProblem::NotHttps);
        }
        Ok(base)
    }

    /// Whether `url` is refused only for being `http://` off this machine.
    pub fn is_insecure(url: &str) -> bool {
        Self::parse_any(url.trim()).is_ok_and(|b| !b.https && !b.is_loopback())
    }

    fn parse_any(url: &str) -> Result<BaseUrl, UrlProblem> {
        let (https, rest) = if let Some(r) = strip_prefix_ci(url, "https://") {
            (true, r)
        } else if let Some(r) = strip_prefix_ci(url, "http://") {
            (false, r)
        } else {
            return Err(UrlProblem::Scheme);
        };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        if tail.contains(['?', '#']) {
            return Err(UrlProblem::QueryOrFragment);
        }
        if authority.contains('@') {
            return Err(UrlProblem::UserInfo);
        }
        let (host, port) = split_authority(authority)?;
        let path = tail.trim_end_matches('/');
        if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(UrlProblem::Spaces);
        }
        Ok(BaseUrl {
            https,
            host,
            port,
            path: path.to_string(),
        })
    }

    pub fn is_loopback(&self) -> bool {
        matches!(self.host.as_str(), "localhost" | "127.0.0.1" | "[::1]")
    }

    fn effective_port(&self) -> u16 {
        self.port.unwrap_or(if self.https { 443 } else { 80 })
    }

    pub fn same_origin(&self, other: &BaseUrl) -> bool {
        self.https == other.https
            && self.host == other.host
            && self.effective_port() == other.effective_port()
    }

    /// `https://host[:port]`.
    pub fn origin(&self) -> String {
        let scheme = if self.https { "https" } else { "http" };
        match self.port {
            Some(port) => format!("{scheme}://{}:{port}", self.host),
            None => format!("{scheme}://{}", self.host),
        }
    }

    /// The base URL as text, with its path prefix.
    pub fn as_text(&self) -> String {
        format!("{}{}", self.origin(), self.path)
    }

    /// An origin-relative path under the base's prefix: `/prefix` + `api_path`.
    pub fn at(&self, api_path: &str) -> String {
        format!("{}{api_path}", self.path)
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    s.get(..prefix.len())
        .filter(|p| p.eq_ignore_ascii_case(prefix))
        .map(|_| &s[prefix.len()..])
}

fn split_authority(authority: &str) -> Result<(String, Option<u16>), UrlProblem> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let close = v6.find(']').ok_or(UrlProblem::Ipv6Unclosed)?;
        let host = &v6[..close];
        if host.is_empty()
            || !host
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Err(UrlProblem::Ipv6Invalid);
        }
        let rest = &v6[close + 1..];
        let port = match rest.strip_prefix(':') {
            Some(p) => Some(p),
            None if rest.is_empty() => None,
            None => return Err(UrlProblem::Ipv6Trailing),
        };
        (format!("[{}]", host.to_ascii_lowercase()), port)
    } else {
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        };
        let valid = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_')
            && !host.starts_with(['.', '-'])
            && !host.ends_with('-');
        if !valid {
            return Err(UrlProblem::Host);
        }
        (host.to_ascii_lowercase(), port)
    };
    let port = match port {
        Some(p) => Some(
            p.parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or(UrlProblem::Port)?,
        ),
        None => None,
    };
    Ok((host, port))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
}

/// One call to the tracker's API.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub method: Method,
    /// Origin-relative, with the query: `/prefix/rest/api/2/issue?fields=status`.
    pub path: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<Vec<u8>>,
}

impl Request {
    pub fn get(path: String) -> Request {
        Request {
            method: Method::Get,
            path,
            headers: vec![("Accept", "application/json".into())],
            body: None,
        }
    }

    pub fn json(method: Method, path: String, body: &serde_json::Value) -> Request {
        Request {
            method,
            path,
            headers: vec![
                ("Accept", "application/json".into()),
                ("Content-Type", "application/json".into()),
            ],
            body: Some(body.to_string().into_bytes()),
        }
    }

    pub fn header(mut self, name: &'static str, value: String) -> Request {
        self.headers.push((name, value));
        self
    }
}

/// The tracker's answer.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
}

/// An HTTP client bound to one origin.
pub(crate) struct Http {
    agent: Agent,
    pub base: BaseUrl,
    timeout: Duration,
}

impl Http {
    pub fn new(base: BaseUrl, timeout: Duration) -> Http {
        let tls = TlsConfig::builder()
            .root_certs(RootCerts::PlatformVerifier)
            .build();
        let mut config = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .save_redirect_history(false)
            .timeout_global(Some(timeout))
            .user_agent(USER_AGENT)
            .tls_config(tls);
        if base.is_loopback() {
            config = config.proxy(None);
        }
        Http {
            agent: Agent::new_with_config(config.build()),
            base,
            timeout,
        }
    }

    /// Sends `request`, following same-origin redirects where that keeps the request as is.
    pub fn send(&self, request: &Request) -> Result<Reply, Fault> {
        let mut path = request.path.clone();
        let mut last_location = String::new();
        for _ in 0..=MAX_HOPS {
            let (reply, location) = self.once(request, &path)?;
            if !matches!(reply.status, 301 | 302 | 303 | 307 | 308) {
                return Ok(reply);
            }
            let Some(location) = location else {
                return Err(Fault::malformed(format!(
                    "HTTP {} without a Location",
                    reply.status
                )));
            };
            let Some(next) = self.same_origin_path(&path, &location) else {
                return Err(Fault::RedirectElsewhere { location });
            };
            let keeps_request = request.method == Method::Get || matches!(reply.status, 307 | 308);
            if !keeps_request {
                return Err(Fault::Redirected {
                    location: format!("{}{next}", self.base.origin()),
                });
            }
            last_location = location;
            path = next;
        }
        Err(Fault::Redirected {
            location: last_location,
        })
    }

    /// The origin-relative path `location` points at, if it stays on this origin.
    pub(crate) fn same_origin_path(&self, current: &str, location: &str) -> Option<String> {
        let location = location.trim();
        if location.starts_with("//") {
            let scheme = if self.base.https { "https:" } else { "http:" };
            return self.same_origin_path(current, &format!("{scheme}{location}"));
        }
        if let Some(rest) = location.strip_prefix('/') {
            return Some(format!("/{rest}"));
        }
        if location.contains("://") {
            let end = location
                .find("://")
                .map(|i| i + 3)
                .and_then(|s| location[s..].find(['/', '?', '#']).map(|e| s + e))
                .unwrap_or(location.len());
            let target = BaseUrl::parse_any(&location[..end]).ok()?;
            if !target.same_origin(&self.base) {
                return None;
            }
            let rest = &location[end..];
            return Some(if rest.starts_with('/') {
                rest.to_string()
            } else {
                format!("/{rest}")
            });
        }
        // A relative reference: beside the current path.
        let dir = current
            .split('?')
            .next()
            .and_then(|p| p.rsplit_once('/'))
            .map(|(d, _)| d)
            .unwrap_or("");
        Some(format!("{dir}/{location}"))
    }

    fn once(&self, request: &Request, path: &str) -> Result<(Reply, Option<String>), Fault> {
        let uri = format!("{}{path}", self.base.origin());
        let method = match request.method {
            Method::Get => "GET",
            Method::Post => "POST",
        };
        let mut builder = ureq::http::Request::builder().method(method).uri(&uri);
        for (name, value) in &request.headers {
            builder = builder.header(*name, value);
        }
        let result = match &request.body {
            Some(body) => builder
                .body(body.clone())
                .map_err(|e| Fault::Unreachable {
                    detail: e.to_string(),
                })
                .and_then(|r| self.agent.run(r).map_err(|e| self.fault(e))),
            None => builder
                .body(())
                .map_err(|e| Fault::Unreachable {
                    detail: e.to_string(),
                })
                .and_then(|r| self.agent.run(r).map_err(|e| self.fault(e))),
        };
        let mut response = result?;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = response
            .body_mut()
            .with_config()
            .limit(REPLY_LIMIT as u64)
            .read_to_vec()
            .map_err(|e| self.fault(e))?;
        Ok((Reply { status, body }, location))
    }

    fn fault(&self, error: ureq::Error) -> Fault {
        let timeout = Fault::Timeout {
            seconds: self.timeout.as_secs().max(1),
        };
        match error {
            ureq::Error::Timeout(_) => timeout,
            ureq::Error::BodyExceedsLimit(_) | ureq::Error::LargeResponseHeader(..) => {
                Fault::OversizeReply { limit: REPLY_LIMIT }
            }
            ureq::Error::HostNotFound => Fault::Unreachable {
                detail: format!("host {} not found", self.base.host),
            },
            ureq::Error::ConnectionFailed => Fault::Unreachable {
                detail: format!("no connection to {}", self.base.origin()),
            },
            ureq::Error::Io(e)
                if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) =>
            {
                timeout
            }
            ureq::Error::Io(e) => Fault::Unreachable {
                detail: e.to_string(),
            },
            ureq::Error::Protocol(e) => Fault::malformed(format!("not HTTP: {e}")),
            ureq::Error::Tls(e) => Fault::Unreachable {
                detail: format!("TLS: {e}"),
            },
            ureq::Error::Rustls(e) => Fault::Unreachable {
                detail: format!("TLS: {e}"),
            },
            other => Fault::Unreachable {
                detail: other.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_follow_the_https_rule() {
        let b = BaseUrl::parse("HTTPS://Jira.Example.com:8443/jira/").unwrap();
        assert_eq!(b.as_text(), "https://jira.example.com:8443/jira");
        assert!(BaseUrl::parse("http://127.0.0.1:3000").is_ok());
        assert!(BaseUrl::parse("http://localhost").is_ok());
        assert!(BaseUrl::parse("http://[::1]:8080").is_ok());
        for bad in [
            "http://jira.example.com",
            "http://127.0.0.2",
            "ftp://x",
            "https://user:pw@x.com",
            "https://x.com/?a=1",
            "https://",
            "https://x.com:0",
            "https://x.com:99999",
            "https://[::1",
            "jira.example.com",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
        assert!(BaseUrl::is_insecure("http://jira.example.com"));
        assert!(!BaseUrl::is_insecure("http://localhost:1"));
    }

    #[test]
    fn origins_compare_scheme_host_and_port() {
        let a = BaseUrl::parse("https://x.com").unwrap();
        assert!(a.same_origin(&BaseUrl::parse("https://X.com:443/other").unwrap()));
        assert!(!a.same_origin(&BaseUrl::parse("https://x.com:444").unwrap()));
        assert!(!a.same_origin(&BaseUrl::parse("https://y.com").unwrap()));
        let local = BaseUrl::parse("http://localhost:80").unwrap();
        assert!(!local.same_origin(&BaseUrl::parse("https://localhost:80").unwrap()));
    }

    #[test]
    fn redirect_targets_resolve_against_the_origin() {
        let http = Http::new(
            BaseUrl::parse("https://x.com/app").unwrap(),
            DEFAULT_TIMEOUT,
        );
        let here = |l: &str| http.same_origin_path("/app/a/b?q=1", l);
        assert_eq!(here("/login").as_deref(), Some("/login"));
        assert_eq!(here("https://x.com:443/y?z").as_deref(), Some("/y?z"));
        assert_eq!(here("https://x.com").as_deref(), Some("/"));
        assert_eq!(here("c").as_deref(), Some("/app/a/c"));
        assert_eq!(here("https://evil.com/app"), None);
        assert_eq!(here("//evil.com/app"), None);
        assert_eq!(here("http://x.com/app"), None);
        assert_eq!(here("https://x.com.evil.com/"), None);
    }
}
