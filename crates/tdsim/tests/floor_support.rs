//! What a floor server needs of the simulator: a remote client's queue bounded in bytes (a
//! reader that stopped is found out, memory stays bounded), its objects taken in batches, a
//! trainer's burst of customers, and the record of messages in customer chats its summary is
//! computed from.

mod common;

use common::{Client, basic_world};
use serde_json::json;

#[test]
fn a_limited_queue_drops_past_its_limit_and_says_so() {
    let world = basic_world();
    let mut lead = Client::member(world, "+15550000001");
    let account = Client::member(world, "+15550100");
    account.control.limit_queue(Some(4_000));
    let layout = account.control.layout();
    let chat = layout.customer_chats[0].chat_id;
    let customer = layout.customer_chats[0].customers[0];
    assert!(!account.control.queue_overflowed());
    // A few messages fit under 4 kB; many do not.
    account.control.write(chat, customer, "one").unwrap();
    assert!(!account.control.queue_overflowed());
    assert!(account.control.queued_bytes() > 0);
    for i in 0..40 {
        account
            .control
            .write(chat, customer, &format!("message {i}"))
            .unwrap();
    }
    assert!(account.control.queue_overflowed());
    assert!(account.control.queued_bytes() <= 4_000);
    let batch = account.control.receive_batch(0.0, 1_000);
    let bytes: usize = batch.iter().map(String::len).sum();
    assert!(bytes <= 4_000, "{bytes} bytes queued past the limit");
    assert!(!batch.is_empty());
    assert_eq!(account.control.queued_bytes(), 0);
    // Another client of the world is not limited.
    lead.call(json!({"@type": "getMe"}));
    assert!(!lead.control.queue_overflowed());
    account.control.discard_queue();
    assert!(
        !account.control.queue_overflowed(),
        "a discarded queue starts afresh"
    );
}

#[test]
fn a_batch_takes_up_to_max_in_order() {
    let world = basic_world();
    let account = Client::member(world, "+15550100");
    let layout = account.control.layout();
    let chat = layout.customer_chats[0].chat_id;
    let customer = layout.customer_chats[0].customers[0];
    for i in 0..5 {
        account
            .control
            .write(chat, customer, &format!("m{i}"))
            .unwrap();
    }
    let all = account.control.drain().len();
    for i in 0..5 {
        account
            .control
            .write(chat, customer, &format!("n{i}"))
            .unwrap();
    }
    let first = account.control.receive_batch(1.0, 3);
    assert_eq!(first.len(), 3);
    let rest = account.control.receive_batch(1.0, 1_000);
    assert_eq!(
        first.len() + rest.len(),
        all,
        "the same objects as before, in two batches"
    );
    let texts: Vec<&String> = first.iter().chain(&rest).collect();
    let n0 = texts.iter().position(|s| s.contains("\"n0\"")).unwrap();
    let n4 = texts.iter().position(|s| s.contains("\"n4\"")).unwrap();
    assert!(n0 < n4);
    assert!(account.control.receive_batch(0.05, 10).is_empty());
}

#[test]
fn a_burst_writes_that_many_customer_messages_and_the_journal_has_them() {
    let world = basic_world();
    let account = Client::member(world, "+15550100");
    let w = tdsim::world(world).unwrap();
    assert_eq!(w.take_posts(), (vec![], 0), "nothing recorded before asked");
    w.record_posts(Some(100));
    let (open, _) = w.take_posts();
    assert!(
        open.iter().all(|p| p.from_customer),
        "the waits open before"
    );
    let layout = w.layout();
    w.burst(7);
    let (posts, dropped) = w.take_posts();
    assert_eq!(dropped, 0);
    assert_eq!(posts.len(), 7);
    assert!(posts.iter().all(|p| p.from_customer));
    assert!(posts.iter().all(|p| {
        layout
            .customer_chats
            .iter()
            .any(|c| c.chat_id == p.chat_id && c.customers.contains(&p.sender.unwrap()))
    }));
    // Staff answering is recorded as staff; duty-group chatter is not recorded at all.
    let chat = &layout.customer_chats[0];
    w.write(chat.chat_id, layout.me, "on it").unwrap();
    w.write(layout.duty_group_chat_id, layout.lead, "hello team")
        .unwrap();
    let (posts, _) = w.take_posts();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].sender, Some(layout.me));
    assert!(!posts[0].from_customer);
    // The cap keeps the newest and counts the rest.
    w.record_posts(Some(3));
    w.take_posts();
    w.burst(5);
    let (posts, dropped) = w.take_posts();
    assert_eq!((posts.len(), dropped), (3, 2));
    w.record_posts(None);
    w.burst(2);
    assert_eq!(w.take_posts(), (vec![], 0));
    drop(account);
}

#[test]
fn recording_starts_with_the_waits_already_open_and_tells_clients_from_traffic() {
    let world = basic_world();
    let mut account = Client::member(world, "+15550100");
    let w = tdsim::world(world).unwrap();
    let layout = w.layout();
    let chat = &layout.customer_chats[0];
    w.write(chat.chat_id, layout.me, "answered").unwrap();
    w.write(chat.chat_id, chat.customers[0], "still waiting 1")
        .unwrap();
    w.write(chat.chat_id, chat.customers[0], "still waiting 2")
        .unwrap();
    w.record_posts(Some(100));
    let (posts, _) = w.take_posts();
    let here: Vec<&tdsim::Post> = posts.iter().filter(|p| p.chat_id == chat.chat_id).collect();
    assert_eq!(
        here.len(),
        2,
        "the two unanswered ones, not the answered history"
    );
    assert!(here.iter().all(|p| p.from_customer && !p.from_client));
    assert!(here[0].message_id < here[1].message_id);
    // A client's send is a client's; a control's write is not.
    account.call(serde_json::json!({
        "@type": "sendMessage", "chat_id": chat.chat_id,
        "input_message_content": {"@type": "inputMessageText", "text": {"@type": "formattedText", "text": "On it"}}
    }));
    let (posts, _) = w.take_posts();
    assert_eq!(posts.len(), 1);
    assert!(posts[0].from_client && !posts[0].from_customer);
    assert_eq!(posts[0].sender, Some(layout.me));
}
