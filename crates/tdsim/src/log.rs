//! TDLib's internal log, as the simulator keeps it (one per process, like TDLib's): the
//! verbosity level (5 by default; setLogVerbosityLevel, td_set_log_verbosity_level), the stream
//! (stderr, a file that rotates to "<path>.old" past its size cap, or nothing; setLogStream,
//! td_set_log_file_path, td_set_log_max_file_size), a message callback that takes messages
//! instead of the stream (td_set_log_message_callback) and a fatal-error callback
//! (td_set_log_fatal_error_callback). What the simulator logs is what a client adds with
//! addLogMessage; a message at level 0 is fatal, as in TDLib: the callbacks hear of it, then
//! the C library aborts the process (the Rust API does not, unless set_abort_on_fatal).

use std::io::Write as _;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::json::W;

/// Called with (verbosity level, the formatted log line).
pub type MessageCallback = Arc<dyn Fn(i32, &str) + Send + Sync>;
/// Called with the fatal message's log line.
pub type FatalCallback = Arc<dyn Fn(&str) + Send + Sync>;

const DEFAULT_MAX_FILE_SIZE: i64 = 10 << 20;

#[derive(Clone, Debug, PartialEq)]
enum Stream {
    Default,
    File {
        path: String,
        max_file_size: i64,
        redirect_stderr: bool,
    },
    Empty,
}

struct State {
    verbosity: i32,
    stream: Stream,
    /// The cap td_set_log_file_path uses for its file.
    max_file_size: i64,
    callback: Option<(i32, MessageCallback)>,
    fatal: Option<FatalCallback>,
    abort_on_fatal: bool,
}

fn state() -> std::sync::MutexGuard<'static, State> {
    static STATE: OnceLock<Mutex<State>> = OnceLock::new();
    STATE
        .get_or_init(|| {
            Mutex::new(State {
                verbosity: 5,
                stream: Stream::Default,
                max_file_size: DEFAULT_MAX_FILE_SIZE,
                callback: None,
                fatal: None,
                abort_on_fatal: false,
            })
        })
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

pub fn verbosity_level() -> i32 {
    state().verbosity
}

/// td_set_log_verbosity_level: a level outside 0..=1024 is ignored, as TDLib ignores it.
pub fn set_verbosity_level(level: i32) {
    if (0..=1024).contains(&level) {
        state().verbosity = level;
    }
}

/// Whether a file can take log lines (created if missing, appended to).
fn can_append(path: &str) -> bool {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .is_ok()
}

/// td_set_log_file_path: log to this file (None or "" = back to stderr); false if the file
/// can't be opened, leaving the stream as it was.
pub fn set_file_path(path: Option<&str>) -> bool {
    let path = path.unwrap_or("");
    if path.is_empty() {
        state().stream = Stream::Default;
        return true;
    }
    if !can_append(path) {
        return false;
    }
    let mut st = state();
    st.stream = Stream::File {
        path: path.to_string(),
        max_file_size: st.max_file_size,
        redirect_stderr: true,
    };
    true
}

/// td_set_log_max_file_size: the log file's cap before it rotates; non-positive is ignored.
pub fn set_max_file_size(size: i64) {
    if size <= 0 {
        return;
    }
    let mut st = state();
    st.max_file_size = size;
    if let Stream::File { max_file_size, .. } = &mut st.stream {
        *max_file_size = size;
    }
}

/// td_set_log_message_callback: messages up to `max_level` go to `callback` instead of the
/// stream; None removes it.
pub fn set_message_callback(max_level: i32, callback: Option<MessageCallback>) {
    state().callback = callback.map(|c| (max_level, c));
}

/// td_set_log_fatal_error_callback: called with a fatal message no message callback took.
pub fn set_fatal_error_callback(callback: Option<FatalCallback>) {
    state().fatal = callback;
}

/// Whether a fatal message aborts the process after the callbacks, as TDLib does.
pub fn set_abort_on_fatal(abort: bool) {
    state().abort_on_fatal = abort;
}

fn line(level: i32, text: &str) -> String {
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format!(
        "[{level:2}][t 0][{}.{:09}][tdsim][&client]\t{text}\n",
        t.as_secs(),
        t.subsec_nanos()
    )
}

fn write_file(path: &str, max_file_size: i64, line: &str) {
    let size = std::fs::metadata(path).map_or(0, |m| m.len() as i64);
    if size > 0 && size + line.len() as i64 > max_file_size {
        let _ = std::fs::rename(path, format!("{path}.old"));
    }
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = f.write_all(line.as_bytes());
    }
}

/// addLogMessage: adds a message at `level` if the verbosity allows it (below 1 it is fatal).
pub fn add_message(level: i32, text: &str) {
    let level = level.max(0);
    let (stream, callback, fatal, abort) = {
        let st = state();
        if level > st.verbosity {
            return;
        }
        (
            st.stream.clone(),
            st.callback.clone(),
            st.fatal.clone(),
            st.abort_on_fatal,
        )
    };
    let line = line(level, text);
    // Callbacks run without the lock: they may log or change the log themselves.
    match &callback {
        Some((max, cb)) => {
            if level <= *max {
                cb(level, &line);
            }
        }
        None => match &stream {
            Stream::Default => eprint!("{line}"),
            Stream::File {
                path,
                max_file_size,
                ..
            } => write_file(path, *max_file_size, &line),
            Stream::Empty => {}
        },
    }
    if level == 0 {
        if callback.is_none()
            && let Some(f) = fatal
        {
            f(&line);
        }
        if abort {
            std::process::abort();
        }
    }
}

/// getLogStream's reply.
pub(crate) fn write_stream(w: &mut W) {
    match state().stream.clone() {
        Stream::Default => w.open("logStreamDefault"),
        Stream::Empty => w.open("logStreamEmpty"),
        Stream::File {
            path,
            max_file_size,
            redirect_stderr,
        } => {
            w.open("logStreamFile");
            w.str("path", &path);
            w.int("max_file_size", max_file_size);
            w.bool("redirect_stderr", redirect_stderr);
        }
    }
}

/// setLogStream, with TDLib's errors.
pub(crate) fn set_stream(stream: Option<crate::req::Obj<'_>>) -> Result<(), crate::req::Fail> {
    use crate::req::{self, bad};
    let next = match stream {
        None => return Err(bad("Log stream must be non-empty")),
        Some(("logStreamDefault", _)) => Stream::Default,
        Some(("logStreamEmpty", _)) => Stream::Empty,
        Some(("logStreamFile", m)) => {
            let max_file_size = m.get("max_file_size").map_or(Ok(0), req::int_of)?;
            let path = req::str_of(m.get("path"))?;
            let redirect_stderr = req::bool_of(m.get("redirect_stderr"))?;
            if max_file_size <= 0 {
                return Err(bad("Max log file size must be positive"));
            }
            if path.is_empty() {
                return Err(bad("Log file path must be non-empty"));
            }
            if !can_append(&path) {
                return Err(bad(format!(
                    "File \"{path}\" can't be opened/created for appending"
                )));
            }
            Stream::File {
                path,
                max_file_size,
                redirect_stderr,
            }
        }
        Some((ty, _)) => {
            return Err(bad(format!("{}Unknown class \"{ty}\"", req::PARSE_PREFIX)));
        }
    };
    state().stream = next;
    Ok(())
}
