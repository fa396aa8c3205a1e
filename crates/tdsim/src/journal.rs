//! What a trainer's summary is computed from: every message that reaches a customer chat (who
//! wrote it, when, customer or staff), recorded only once a floor asks for it
//! ([`crate::WorldControl::record_posts`]) and bounded, so a long storm costs at most `cap`
//! entries between two reads.

use std::collections::VecDeque;

/// One message that reached a customer chat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    pub chat_id: i64,
    pub message_id: i64,
    /// The author's user id (None: posted on behalf of a chat).
    pub sender: Option<i64>,
    /// A customer wrote it (else the account or a colleague).
    pub from_customer: bool,
    /// A client sent it (sendMessage, forwardMessages): a person at a DutyDesk or another
    /// TDLib client, not the scenario's traffic or a trainer's control.
    pub from_client: bool,
    /// The message's own date (a late message is dated in the past).
    pub date: i64,
}

pub struct Journal {
    posts: VecDeque<Post>,
    cap: usize,
    /// Posts dropped because nobody read them before `cap` was reached.
    pub dropped: u64,
}

impl Journal {
    pub fn new(cap: usize) -> Journal {
        Journal {
            posts: VecDeque::new(),
            cap: cap.max(1),
            dropped: 0,
        }
    }

    pub fn record(&mut self, post: Post) {
        if self.posts.len() >= self.cap {
            self.posts.pop_front();
            self.dropped += 1;
        }
        self.posts.push_back(post);
    }

    pub fn take(&mut self) -> Vec<Post> {
        self.posts.drain(..).collect()
    }
}
