//! Blocking local work as data: the OS keyring's read, which may wait on its unlock prompt
//! for as long as the user takes. The window runs a job on a blocking worker (`Job::task`),
//! so it keeps drawing meanwhile; tests and the headless harness run it by hand (`Job::run`)
//! and look at the window in between.

use super::MapFn;
use iced::Task;

/// One piece of blocking work and the message it ends in.
pub struct Job<M> {
    what: &'static str,
    run: Box<dyn FnOnce() -> M + Send>,
    /// The message when the worker stopped before the work did (it panicked): the app
    /// must not wait forever for an answer that will never come.
    lost: Box<dyn FnOnce(String) -> M + Send>,
}

impl<M: Send + 'static> Job<M> {
    pub fn new(
        what: &'static str,
        run: impl FnOnce() -> M + Send + 'static,
        lost: impl FnOnce(String) -> M + Send + 'static,
    ) -> Self {
        Job {
            what,
            run: Box::new(run),
            lost: Box::new(lost),
        }
    }

    /// What the work is, for tests and logs.
    pub fn what(&self) -> &'static str {
        self.what
    }

    pub(crate) fn map<N: Send + 'static>(self, f: MapFn<M, N>) -> Job<N> {
        let Job { what, run, lost } = self;
        let g = f.clone();
        Job {
            what,
            run: Box::new(move || f(run())),
            lost: Box::new(move |e| g(lost(e))),
        }
    }

    /// Runs the work on this thread, blocking.
    pub fn run(self) -> M {
        (self.run)()
    }

    /// The window's executor: the work on a blocking worker, as an iced task.
    pub fn task(self) -> Task<M> {
        let Job { run, lost, .. } = self;
        Task::future(async move {
            match tokio::task::spawn_blocking(run).await {
                Ok(message) => message,
                Err(e) => lost(e.to_string()),
            }
        })
    }
}

impl<M> std::fmt::Debug for Job<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.what)
    }
}
