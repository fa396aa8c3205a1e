//! Opening an address in the admin's browser (a tracker's pre-filled "new issue" form, a
//! task's page) as data: the URL, plus how the outcome becomes the asking feature's
//! message. The window hands it to the OS (the `open` crate) on a blocking worker; the
//! headless harness records it instead of launching a browser, so a test reads the exact
//! URL a feature opened.

use super::MapFn;
use iced::Task;

/// One address to open and how the outcome becomes a message: `Err` says why the OS could
/// not open it (no browser configured, say), so the feature can show the address instead.
pub struct Call<M> {
    url: String,
    reply: Box<dyn FnOnce(Result<(), String>) -> M + Send>,
}

impl<M: Send + 'static> Call<M> {
    pub fn new(
        url: impl Into<String>,
        reply: impl FnOnce(Result<(), String>) -> M + Send + 'static,
    ) -> Self {
        Call {
            url: url.into(),
            reply: Box::new(reply),
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub(crate) fn map<N: Send + 'static>(self, f: MapFn<M, N>) -> Call<N> {
        let Call { url, reply } = self;
        Call {
            url,
            reply: Box::new(move |r| f(reply(r))),
        }
    }

    /// The headless executor: nothing is launched; the call reports success.
    pub fn pretend(self) -> (String, M) {
        let message = (self.reply)(Ok(()));
        (self.url, message)
    }

    /// The window's executor: the OS opens the address, off the window's thread (a
    /// launcher may take a moment to report an immediate failure).
    pub fn task(self) -> Task<M> {
        let Call { url, reply } = self;
        Task::future(async move {
            let outcome = tokio::task::spawn_blocking(move || {
                open::that_detached(&url).map_err(|e| e.to_string())
            })
            .await
            .unwrap_or_else(|e| Err(e.to_string()));
            reply(outcome)
        })
    }
}

impl<M> std::fmt::Debug for Call<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Open({})", self.url)
    }
}
