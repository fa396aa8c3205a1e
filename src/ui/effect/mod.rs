//! What an update asks of the outside world, typed by backend: Telegram requests
//! (`telegram`), store writes (`store`), outside HTTP calls (`http`), task trackers' calls
//! (`tracker`: the token from the keyring and the tracker crate's client), addresses opened
//! in the browser (`browser`), blocking local work such as the keyring's unlock prompt
//! (`work`), and iced's own operations (focus, scroll, a download's progress) as a plain
//! `Task`.
//!
//! A feature's `update` returns `Effects<its Message>`: a Telegram call or an HTTP call is
//! data plus how its reply becomes that feature's message, so the reply comes back to the
//! feature that asked without any enum the other features must edit. `map` lifts a
//! feature's effects into the app's message. Each kind has its own executors: the window
//! runs them as iced tasks (HTTP and blocking work on a blocking worker, store writes in
//! order on the window's store), the headless harness runs them one by one to completion,
//! and a test can look at each kind before anything runs.

pub mod browser;
pub mod http;
pub mod store;
pub mod telegram;
pub mod tracker;
pub mod work;

use iced::Task;
use std::sync::Arc;

/// A message mapping shared by the calls of one `Effects::map`.
pub(crate) type MapFn<M, N> = Arc<dyn Fn(M) -> N + Send + Sync>;

/// The effects of one update, by backend. Nothing runs until an executor takes them.
#[must_use = "effects do nothing unless an executor runs them"]
pub struct Effects<M> {
    task: Task<M>,
    telegram: Vec<telegram::Call<M>>,
    store: Vec<store::Write>,
    http: Vec<http::Call<M>>,
    tracker: Vec<tracker::Call<M>>,
    browser: Vec<browser::Call<M>>,
    work: Vec<work::Job<M>>,
}

/// `Effects` taken apart, for an executor.
pub struct Parts<M> {
    pub task: Task<M>,
    pub telegram: Vec<telegram::Call<M>>,
    pub store: Vec<store::Write>,
    pub http: Vec<http::Call<M>>,
    pub tracker: Vec<tracker::Call<M>>,
    pub browser: Vec<browser::Call<M>>,
    pub work: Vec<work::Job<M>>,
}

impl<M> Default for Effects<M> {
    fn default() -> Self {
        Effects {
            task: Task::none(),
            telegram: Vec::new(),
            store: Vec::new(),
            http: Vec::new(),
            tracker: Vec::new(),
            browser: Vec::new(),
            work: Vec::new(),
        }
    }
}

impl<M: Send + 'static> Effects<M> {
    pub fn none() -> Self {
        Effects::default()
    }

    /// An iced operation (focus, scroll) or a stream of the feature's own (a download).
    pub fn task(task: Task<M>) -> Self {
        Effects {
            task,
            ..Effects::default()
        }
    }

    /// A Telegram request; `reply` turns its answer into a message of the asking feature.
    pub fn telegram<R: telegram::Request>(
        request: R,
        reply: impl FnOnce(R::Reply) -> M + Send + 'static,
    ) -> Self {
        Effects {
            telegram: vec![telegram::Call::new(request, reply)],
            ..Effects::default()
        }
    }

    pub fn store(write: store::Write) -> Self {
        Effects {
            store: vec![write],
            ..Effects::default()
        }
    }

    /// An outside HTTP call; `reply` turns its answer into a message of the asking feature.
    pub fn http(
        request: http::Request,
        reply: impl FnOnce(http::Reply) -> M + Send + 'static,
    ) -> Self {
        Effects {
            http: vec![http::Call::new(request, reply)],
            ..Effects::default()
        }
    }

    /// A tracker call; `reply` turns its answer into a message of the asking feature.
    pub fn tracker(
        request: tracker::Request,
        reply: impl FnOnce(tracker::Answer) -> M + Send + 'static,
    ) -> Self {
        Effects {
            tracker: vec![tracker::Call::new(request, reply)],
            ..Effects::default()
        }
    }

    /// An address for the browser; `reply` turns the outcome into a message.
    pub fn browser(
        url: impl Into<String>,
        reply: impl FnOnce(Result<(), String>) -> M + Send + 'static,
    ) -> Self {
        Effects {
            browser: vec![browser::Call::new(url, reply)],
            ..Effects::default()
        }
    }

    pub fn work(job: work::Job<M>) -> Self {
        Effects {
            work: vec![job],
            ..Effects::default()
        }
    }

    /// These effects and `other`'s, in that order.
    pub fn and(mut self, other: Effects<M>) -> Self {
        let Parts {
            task,
            telegram,
            store,
            http,
            tracker,
            browser,
            work,
        } = other.into_parts();
        // A task with no work stays out of a batch: a batch always builds a stream.
        if self.task.units() == 0 {
            self.task = task;
        } else if task.units() > 0 {
            self.task = Task::batch([self.task, task]);
        }
        self.telegram.extend(telegram);
        self.store.extend(store);
        self.http.extend(http);
        self.tracker.extend(tracker);
        self.browser.extend(browser);
        self.work.extend(work);
        self
    }

    /// Adds an iced operation to run beside these effects (focus and scroll together).
    pub fn with_task(self, task: Task<M>) -> Self {
        self.and(Effects::task(task))
    }

    /// These effects with `task` instead of the iced operation they had (a field that
    /// takes the focus another one would have had).
    pub fn replace_task(mut self, task: Task<M>) -> Self {
        self.task = task;
        self
    }

    /// Lifts the effects of a feature into a wider message (the app's): every reply, once
    /// turned into the feature's message, is wrapped by `f`.
    pub fn map<N: Send + 'static>(self, f: impl Fn(M) -> N + Send + Sync + 'static) -> Effects<N> {
        let f: MapFn<M, N> = Arc::new(f);
        let task_f = f.clone();
        Effects {
            task: self.task.map(move |m| task_f(m)),
            telegram: self
                .telegram
                .into_iter()
                .map(|c| c.map(f.clone()))
                .collect(),
            store: self.store,
            http: self.http.into_iter().map(|c| c.map(f.clone())).collect(),
            tracker: self.tracker.into_iter().map(|c| c.map(f.clone())).collect(),
            browser: self.browser.into_iter().map(|c| c.map(f.clone())).collect(),
            work: self.work.into_iter().map(|j| j.map(f.clone())).collect(),
        }
    }

    pub fn telegram_calls(&self) -> &[telegram::Call<M>] {
        &self.telegram
    }

    pub fn store_writes(&self) -> &[store::Write] {
        &self.store
    }

    pub fn http_calls(&self) -> &[http::Call<M>] {
        &self.http
    }

    pub fn tracker_calls(&self) -> &[tracker::Call<M>] {
        &self.tracker
    }

    pub fn browser_calls(&self) -> &[browser::Call<M>] {
        &self.browser
    }

    pub fn jobs(&self) -> &[work::Job<M>] {
        &self.work
    }

    pub fn into_parts(self) -> Parts<M> {
        Parts {
            task: self.task,
            telegram: self.telegram,
            store: self.store,
            http: self.http,
            tracker: self.tracker,
            browser: self.browser,
            work: self.work,
        }
    }
}

impl<M> std::fmt::Debug for Effects<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Effects")
            .field("telegram", &self.telegram)
            .field("store", &self.store)
            .field("http", &self.http)
            .field("tracker", &self.tracker)
            .field("browser", &self.browser)
            .field("work", &self.work)
            .finish_non_exhaustive()
    }
}
