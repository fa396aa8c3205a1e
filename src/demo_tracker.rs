//! The demo floor's tracker: a simulated tracker in the process, so a new account manager can
//! practise both ways of creating a task without any account anywhere.
//!
//! It speaks the part of Redmine's REST API DutyDesk uses (create, read a task's status, the
//! account and project checks), so API mode runs the real path — the keyring stand-in, the
//! tracker crate's client, its HTTP rules — against it. And it serves Redmine's pre-filled
//! "new issue" form as a page of its own, so browser mode opens a real page in the admin's
//! browser where the task is created and its key shown, to be pasted back into DutyDesk.
//! Every page and every name says it is simulated.
//!
//! Statuses move by themselves, for training: New, In Progress after two minutes, Resolved
//! after ten. It listens on 127.0.0.1 only (a random port); it stops when dropped. A test can
//! make the next API call fail (`fail_next`) or set a status (`set_status`).
//!
//! In: HTTP requests from the tracker crate's client and from the browser (outside text: the
//! parsers never panic, bounded sizes). Out: Redmine's documented JSON shapes, and HTML.

mod http;
mod pages;

use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use i18n::t;
use serde_json::{Value, json};
use tracker::{Mode, TrackerConfig, TrackerKind};

use http::HttpRequest;

/// The project the demo tracker has.
pub const PROJECT: &str = "demo";
/// The API key of the demo tracker; not a secret, it opens nothing but this stand-in.
pub const TOKEN: &str = "demo-floor-token";
/// The account the token belongs to.
const ACCOUNT: &str = "demo";

/// One simulated task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub id: u64,
    pub project: String,
    pub subject: String,
    pub description: String,
    /// Set by a test; otherwise the status follows the time since creation.
    pub status: Option<(String, bool)>,
    created: Instant,
}

impl Issue {
    /// The status and whether it counts as closed: set, or moved on by the time passed.
    pub fn current_status(&self) -> (String, bool) {
        if let Some(s) = &self.status {
            return s.clone();
        }
        let age = self.created.elapsed();
        if age >= Duration::from_secs(600) {
            ("Resolved".into(), false)
        } else if age >= Duration::from_secs(120) {
            ("In Progress".into(), false)
        } else {
            ("New".into(), false)
        }
    }
}

#[derive(Default)]
struct State {
    issues: Vec<Issue>,
    /// Answers the next API calls get instead of their own (status, JSON body).
    fail_next: Vec<(u16, String)>,
}

/// The running demo tracker; stops when dropped.
pub struct DemoTracker {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl DemoTracker {
    /// Starts it on a free port of 127.0.0.1.
    pub fn start() -> std::io::Result<DemoTracker> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = std::thread::Builder::new()
            .name("demo-tracker".into())
            .spawn({
                let (state, stop) = (state.clone(), stop.clone());
                move || serve(listener, state, stop)
            })?;
        Ok(DemoTracker {
            addr,
            state,
            stop,
            thread: Some(thread),
        })
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Its API-mode config: tasks are created directly, with [`TOKEN`].
    pub fn api_config(&self) -> TrackerConfig {
        let mut c = TrackerConfig::new(
            &t!("tasks-demo-api-name"),
            TrackerKind::Redmine,
            &self.base_url(),
        );
        c.mode = Some(Mode::Api);
        c.default_project = Some(PROJECT.into());
        c
    }

    /// Its browser-mode config: the pre-filled form opens in the browser.
    pub fn browser_config(&self) -> TrackerConfig {
        let mut c = TrackerConfig::new(
            &t!("tasks-demo-browser-name"),
            TrackerKind::Redmine,
            &self.base_url(),
        );
        c.mode = Some(Mode::Browser);
        c.default_project = Some(PROJECT.into());
        c
    }

    /// The tasks created so far, oldest first.
    pub fn issues(&self) -> Vec<Issue> {
        lock(&self.state).issues.clone()
    }

    /// The next API call gets this answer instead of its own.
    pub fn fail_next(&self, status: u16, body: &str) {
        lock(&self.state).fail_next.push((status, body.into()));
    }

    /// Sets a task's status, as a colleague would in the tracker.
    pub fn set_status(&self, id: u64, status: &str, closed: bool) {
        if let Some(issue) = lock(&self.state).issues.iter_mut().find(|i| i.id == id) {
            issue.status = Some((status.into(), closed));
        }
    }
}

impl Drop for DemoTracker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

fn serve(listener: TcpListener, state: Arc<Mutex<State>>, stop: Arc<AtomicBool>) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(mut stream) = stream else { continue };
        // One slow or silent client must not stall the floor.
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
        let answer = match http::read_request(&mut stream) {
            Ok(request) => answer(&request, &state),
            Err(problem) => Answer::text(400, &problem),
        };
        let _ = stream.write_all(&answer.bytes());
    }
}

/// A reply: status, content type, extra headers, body.
struct Answer {
    status: u16,
    content_type: &'static str,
    location: Option<String>,
    body: String,
}

impl Answer {
    fn json(status: u16, body: Value) -> Answer {
        Answer {
            status,
            content_type: "application/json; charset=utf-8",
            location: None,
            body: body.to_string(),
        }
    }

    fn html(body: String) -> Answer {
        Answer {
            status: 200,
            content_type: "text/html; charset=utf-8",
            location: None,
            body,
        }
    }

    fn text(status: u16, body: &str) -> Answer {
        Answer {
            status,
            content_type: "text/plain; charset=utf-8",
            location: None,
            body: body.into(),
        }
    }

    fn see_other(location: String) -> Answer {
        Answer {
            status: 303,
            content_type: "text/plain; charset=utf-8",
            location: Some(location),
            body: String::new(),
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let reason = match self.status {
            200 => "OK",
            201 => "Created",
            303 => "See Other",
            400 => "Bad Request",
            401 => "Unauthorized",
            404 => "Not Found",
            422 => "Unprocessable Entity",
            _ => "Status",
        };
        let mut head = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
            self.status,
            self.content_type,
            self.body.len()
        );
        if let Some(location) = &self.location {
            head.push_str(&format!("Location: {location}\r\n"));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(self.body.as_bytes());
        bytes
    }
}

fn answer(request: &HttpRequest, state: &Mutex<State>) -> Answer {
    let path = request.path.as_str();
    if path.ends_with(".json") {
        if let Some((status, body)) = {
            let mut s = lock(state);
            (!s.fail_next.is_empty()).then(|| s.fail_next.remove(0))
        } {
            return Answer {
                status,
                content_type: "application/json; charset=utf-8",
                location: None,
                body,
            };
        }
        if request.header("x-redmine-api-key") != Some(TOKEN) {
            return Answer::json(401, json!({}));
        }
        return api(request, state);
    }
    browser(request, state)
}

/// Redmine's REST API, the part DutyDesk calls.
fn api(request: &HttpRequest, state: &Mutex<State>) -> Answer {
    let project_path = format!("/projects/{PROJECT}.json");
    match (request.method.as_str(), request.path.as_str()) {
        ("GET", "/users/current.json") => {
            Answer::json(200, json!({"user": {"id": 1, "login": ACCOUNT}}))
        }
        ("GET", p) if p == project_path => Answer::json(
            200,
            json!({"project": {"id": 1, "identifier": PROJECT, "name": t!("tasks-demo-project")}}),
        ),
        ("GET", p) if p.starts_with("/projects/") => Answer::json(404, json!({})),
        ("POST", "/issues.json") => {
            let issue = serde_json::from_slice::<Value>(&request.body).unwrap_or(Value::Null);
            let field = |name: &str| {
                issue
                    .pointer(&format!("/issue/{name}"))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            match create(
                state,
                &field("project_id"),
                &field("subject"),
                &field("description"),
            ) {
                Ok(issue) => Answer::json(201, issue_json(&issue)),
                Err(problem) => Answer::json(422, json!({"errors": [problem]})),
            }
        }
        ("GET", p) => match p
            .strip_prefix("/issues/")
            .and_then(|p| p.strip_suffix(".json"))
            .and_then(|id| id.parse::<u64>().ok())
            .and_then(|id| lock(state).issues.iter().find(|i| i.id == id).cloned())
        {
            Some(issue) => Answer::json(200, issue_json(&issue)),
            None => Answer::json(404, json!({})),
        },
        _ => Answer::json(404, json!({})),
    }
}

fn issue_json(issue: &Issue) -> Value {
    let (status, closed) = issue.current_status();
    json!({"issue": {
        "id": issue.id,
        "project": {"id": 1, "name": t!("tasks-demo-project")},
        "subject": issue.subject,
        "description": issue.description,
        "status": {"name": status, "is_closed": closed},
    }})
}

/// A new task, or Redmine's words for why not.
fn create(
    state: &Mutex<State>,
    project: &str,
    subject: &str,
    description: &str,
) -> Result<Issue, &'static str> {
    if project != PROJECT {
        return Err("Project cannot be blank");
    }
    if subject.trim().is_empty() {
        return Err("Subject cannot be blank");
    }
    let mut s = lock(state);
    let issue = Issue {
        id: s.issues.len() as u64 + 1,
        project: project.into(),
        subject: subject.trim().chars().take(255).collect(),
        description: description.chars().take(64_000).collect(),
        status: None,
        created: Instant::now(),
    };
    s.issues.push(issue.clone());
    Ok(issue)
}

/// The pages a browser opens: the pre-filled form, its submission, a task's page.
fn browser(request: &HttpRequest, state: &Mutex<State>) -> Answer {
    let new_form = format!("/projects/{PROJECT}/issues/new");
    let submit = format!("/projects/{PROJECT}/issues");
    match (request.method.as_str(), request.path.as_str()) {
        ("GET", p) if p == new_form => {
            let values = http::decode_form(&request.query);
            let value = |name: &str| {
                values
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.as_str())
                    .unwrap_or_default()
            };
            Answer::html(pages::new_issue(
                &submit,
                value("issue[subject]"),
                value("issue[description]"),
            ))
        }
        ("POST", p) if p == submit => {
            let values = http::decode_form(&String::from_utf8_lossy(&request.body));
            let value = |name: &str| {
                values
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            match create(
                state,
                PROJECT,
                &value("issue[subject]"),
                &value("issue[description]"),
            ) {
                Ok(issue) => Answer::see_other(format!("/issues/{}", issue.id)),
                Err(problem) => Answer::html(pages::refused(problem)),
            }
        }
        ("GET", p) => match p
            .strip_prefix("/issues/")
            .and_then(|id| id.parse::<u64>().ok())
            .and_then(|id| lock(state).issues.iter().find(|i| i.id == id).cloned())
        {
            Some(issue) => {
                let (status, _) = issue.current_status();
                Answer::html(pages::issue(&issue, &status))
            }
            None => Answer::text(404, "Not Found"),
        },
        _ => Answer::text(404, "Not Found"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracker::{Client, Draft, Fault, Token};

    fn draft(title: &str) -> Draft {
        Draft {
            title: title.into(),
            description: "**Anna** · 2026-03-02 09:00 +00:00 · ACME\n> Mail is down".into(),
            ..Draft::default()
        }
    }

    #[test]
    fn the_tracker_crate_creates_and_reads_back_through_its_api() {
        let demo = DemoTracker::start().unwrap();
        let client = Client::new(&demo.api_config(), Token::new(TOKEN)).unwrap();
        let report = client.check().unwrap();
        assert_eq!(report.account, ACCOUNT);
        assert!(report.project.is_some());
        let task = client.create(&draft("Mail is down")).unwrap();
        assert_eq!(task.key, "#1");
        assert_eq!(task.url, format!("{}/issues/1", demo.base_url()));
        assert_eq!(client.status("#1").unwrap().status, "New");
        demo.set_status(1, "Closed", true);
        let status = client.status("#1").unwrap();
        assert_eq!(
            (status.status.as_str(), status.closed),
            ("Closed", Some(true))
        );
        assert_eq!(demo.issues()[0].subject, "Mail is down");
    }

    #[test]
    fn a_wrong_token_an_unknown_project_and_an_injected_fault_are_refused_as_redmine_does() {
        let demo = DemoTracker::start().unwrap();
        let wrong = Client::new(&demo.api_config(), Token::new("wrong")).unwrap();
        assert_eq!(
            wrong.create(&draft("x")).unwrap_err().fault,
            Fault::Unauthorized
        );
        let client = Client::new(&demo.api_config(), Token::new(TOKEN)).unwrap();
        let mut elsewhere = draft("x");
        elsewhere.project = Some("nope".into());
        assert_eq!(
            client.create(&elsewhere).unwrap_err().fault,
            Fault::UnknownProject {
                project: "nope".into()
            }
        );
        demo.fail_next(503, "{}");
        assert_eq!(
            client.create(&draft("x")).unwrap_err().fault,
            Fault::Server { status: 503 }
        );
        assert!(demo.issues().is_empty());
        client.create(&draft("x")).unwrap();
    }

    #[test]
    fn the_prefilled_form_shows_the_draft_and_creates_the_task_when_submitted() {
        let demo = DemoTracker::start().unwrap();
        let config = demo.browser_config();
        let form = tracker::prefill_url(
            &config,
            &draft("Сайт <лежит> & \"всё\""),
            &|n| format!("[{n}]"),
        )
        .unwrap();
        let mut page = ureq::get(&form.url).call().unwrap();
        let page = page.body_mut().read_to_string().unwrap();
        assert!(
            page.contains("Сайт &lt;лежит&gt; &amp; &quot;всё&quot;"),
            "the title, escaped: {page}"
        );
        assert!(page.contains("&gt; Mail is down"), "{page}");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .build()
            .into();
        let reply = agent
            .post(&format!("{}/projects/{PROJECT}/issues", demo.base_url()))
            .content_type("application/x-www-form-urlencoded")
            .send("issue%5Bsubject%5D=Mail+is+down&issue%5Bdescription%5D=a%26b")
            .unwrap();
        assert_eq!(reply.status(), 303);
        assert_eq!(
            reply.headers().get("location").unwrap().to_str().unwrap(),
            "/issues/1"
        );
        let issue = &demo.issues()[0];
        assert_eq!(
            (issue.subject.as_str(), issue.description.as_str()),
            ("Mail is down", "a&b")
        );
        let mut page = ureq::get(&format!("{}/issues/1", demo.base_url()))
            .call()
            .unwrap();
        let page = page.body_mut().read_to_string().unwrap();
        assert!(page.contains("#1"), "{page}");
    }
}
