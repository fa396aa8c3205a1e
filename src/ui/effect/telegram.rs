//! Telegram requests as data. Each feature keeps its own request enum (`Debug`,
//! `PartialEq`) that implements `Request`: how it is performed on a `Session`, and what
//! reply comes back. A `Call` is one request plus how its reply becomes the asking
//! feature's message; tests read the request back (`Call::request`) before anything runs.
//! Nothing but a `Call` reaches the `Session`: a tracker or the store never goes through it.

use super::MapFn;
use crate::telegram::Session;
use iced::Task;
use iced::futures::FutureExt;
use iced::futures::future::BoxFuture;
use std::any::Any;
use std::fmt;
use std::future::Future;

/// A Telegram request of one feature.
pub trait Request: fmt::Debug + Send + 'static {
    type Reply: Send + 'static;
    /// Performs the request on the session (the future runs on iced's executor in the
    /// window, or blocked on by the headless harness).
    fn perform(self, session: Session) -> impl Future<Output = Self::Reply> + Send + 'static;
}

/// One Telegram request and how its reply becomes a message.
pub struct Call<M> {
    inner: Box<dyn Erased<M>>,
}

trait Erased<M>: Send {
    fn request(&self) -> &dyn Any;
    fn describe(&self) -> &dyn fmt::Debug;
    fn run(self: Box<Self>, session: Session) -> BoxFuture<'static, M>;
}

struct Typed<R, F> {
    request: R,
    reply: F,
}

impl<R, F, M> Erased<M> for Typed<R, F>
where
    R: Request,
    F: FnOnce(R::Reply) -> M + Send + 'static,
    M: 'static,
{
    fn request(&self) -> &dyn Any {
        &self.request
    }
    fn describe(&self) -> &dyn fmt::Debug {
        &self.request
    }
    fn run(self: Box<Self>, session: Session) -> BoxFuture<'static, M> {
        let Typed { request, reply } = *self;
        request.perform(session).map(reply).boxed()
    }
}

struct Mapped<M, N> {
    inner: Box<dyn Erased<M>>,
    f: MapFn<M, N>,
}

impl<M: 'static, N: 'static> Erased<N> for Mapped<M, N> {
    fn request(&self) -> &dyn Any {
        self.inner.request()
    }
    fn describe(&self) -> &dyn fmt::Debug {
        self.inner.describe()
    }
    fn run(self: Box<Self>, session: Session) -> BoxFuture<'static, N> {
        let Mapped { inner, f } = *self;
        inner.run(session).map(move |m| f(m)).boxed()
    }
}

impl<M: Send + 'static> Call<M> {
    pub fn new<R: Request>(request: R, reply: impl FnOnce(R::Reply) -> M + Send + 'static) -> Self {
        Call {
            inner: Box::new(Typed { request, reply }),
        }
    }

    /// The request, if it is one of `R`'s (tests assert on it).
    pub fn request<R: Request>(&self) -> Option<&R> {
        self.inner.request().downcast_ref()
    }

    pub(crate) fn map<N: Send + 'static>(self, f: MapFn<M, N>) -> Call<N> {
        Call {
            inner: Box::new(Mapped {
                inner: self.inner,
                f,
            }),
        }
    }

    /// The request performed, its reply as the message.
    pub fn run(self, session: Session) -> impl Future<Output = M> + Send + 'static {
        self.inner.run(session)
    }

    /// The window's executor: an iced task on its async executor.
    pub fn task(self, session: Session) -> Task<M> {
        Task::future(self.run(session))
    }

    /// The headless executor: blocks this thread until the reply is in (the session's
    /// receive thread completes it).
    pub fn block(self, session: Session) -> M {
        iced::futures::executor::block_on(self.run(session))
    }
}

impl<M> fmt::Debug for Call<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.describe().fmt(f)
    }
}
