//! The floor over real TCP: several clients in one world, each as a team member; the join
//! token; bad frames, silent and non-reading clients closing their own connection only;
//! a lost connection logging its clients out so the member can log in again.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::{Remote, eventually, is_free, notice, server};
use floor::frame::{Frame, PROTOCOL_VERSION};
use floor::{JoinError, Notice};
use serde_json::json;

#[test]
fn two_members_on_one_floor_hear_each_other() {
    let (server, notices) = server(|_| {});
    let mut lead = Remote::join(&server, None);
    assert!(matches!(notice(&notices), Notice::Joined { .. }));
    let mut sam = Remote::join(&server, None);
    let team = lead.team();
    assert_eq!(team["@extra"], "t");
    assert_eq!(team["login_code"], tdsim::LOGIN_CODE);
    assert!(is_free(&team, "+15550000001") && is_free(&team, "+15550000002"));
    lead.login("+15550000001");
    sam.login("+15550000002");
    let team = sam.team();
    assert!(!is_free(&team, "+15550000001") && !is_free(&team, "+15550000002"));
    assert!(is_free(&team, "+15550000003") && is_free(&team, "+15550100"));

    let layout = server.world().layout();
    let duty = layout.duty_group_chat_id;
    let (_, me) = lead.call(json!({"@type": "getMe"}));
    assert_eq!(me["id"], json!(layout.lead));
    lead.call(json!({"@type": "loadChats", "limit": 50}));
    sam.call(json!({"@type": "loadChats", "limit": 50}));
    let (_, sent) = lead.call(json!({
        "@type": "sendMessage", "chat_id": duty,
        "input_message_content": {"@type": "inputMessageText", "text": {"@type": "formattedText", "text": "Alarm on Acme"}}
    }));
    assert_eq!(sent["@type"], "message");
    let heard = sam.wait_for("the lead's message", |v| {
        v["@type"] == "updateNewMessage"
            && v["message"]["content"]["text"]["text"] == "Alarm on Acme"
    });
    assert_eq!(heard["message"]["chat_id"], json!(duty));
    assert_eq!(heard["@client_id"], json!(sam.id));
    let seats = server.seats();
    let lead_seat = seats.iter().find(|s| s.member.is_lead).unwrap();
    assert_eq!(lead_seat.clients, vec![lead.id]);
}

#[test]
fn the_join_token_is_required_and_checked() {
    let (server, notices) = server(|c| c.token = Some("SECRET-TOKEN".into()));
    let addr = server.addr().to_string();
    match Connection::connect(&addr, None, "nobody") {
        Err(JoinError::Refused(reason)) => assert_eq!(reason, "a join token is required"),
        other => panic!("{:?}", other.map(|_| ())),
    }
    assert!(
        matches!(notice(&notices), Notice::Refused { reason, .. } if reason == "a join token is required")
    );
    match Connection::connect(&addr, Some("SECRET-TOKEM"), "guess") {
        Err(JoinError::Refused(reason)) => assert_eq!(reason, "wrong join token"),
        other => panic!("{:?}", other.map(|_| ())),
    }
    assert!(matches!(notice(&notices), Notice::Refused { .. }));
    let mut ok = Remote::join(&server, Some("SECRET-TOKEN"));
    ok.login("+15550000003");
    assert_eq!(server.connections(), 1);
}

use floor::Connection;

/// A raw connection that said a valid hello.
fn raw_joined(server: &floor::Server) -> TcpStream {
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    Frame::Hello {
        version: PROTOCOL_VERSION,
        token: String::new(),
        name: "raw".into(),
    }
    .write_to(&mut s)
    .unwrap();
    let welcome = floor::frame::read_frame(&mut s, 1 << 20).unwrap();
    assert!(matches!(welcome, Frame::Welcome { .. }));
    s
}

/// The server closed the socket: reading ends (EOF or reset) within 10 s.
fn closed(mut s: TcpStream) {
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

#[test]
fn bad_frames_close_their_own_connection_with_a_reason() {
    let (server, notices) = server(|_| {});
    let mut bystander = Remote::join(&server, None);
    bystander.login("+15550000002");
    assert!(matches!(notice(&notices), Notice::Joined { .. }));

    let cases: Vec<(Vec<u8>, &str)> = vec![
        // Oversized: a length past the server's limit, refused before anything is read.
        (vec![0x7f, 0xff, 0xff, 0xff, 6], "oversized frame"),
        // Malformed: an unknown kind.
        (vec![0, 0, 0, 1, 200], "unknown kind 200"),
        // Malformed: a Send whose request is not UTF-8.
        (
            vec![0, 0, 0, 6, 6, 0, 0, 0, 1, 0xc3],
            "malformed frame of kind 6",
        ),
        // A frame only servers send.
        (
            Frame::Welcome {
                version: 1,
                info: String::new(),
            }
            .encode(),
            "malformed frame: welcome",
        ),
    ];
    for (bytes, why) in cases {
        let mut s = raw_joined(&server);
        assert!(matches!(notice(&notices), Notice::Joined { .. }));
        s.write_all(&bytes).unwrap();
        match notice(&notices) {
            Notice::Left { reason, .. } => assert!(reason.contains(why), "{reason} / {why}"),
            other => panic!("{other:?}"),
        }
        closed(s);
    }
    // Truncated: the connection ends inside a frame.
    let mut s = raw_joined(&server);
    assert!(matches!(notice(&notices), Notice::Joined { .. }));
    s.write_all(&[0, 0, 0, 50, 6, 0, 0]).unwrap();
    s.shutdown(std::net::Shutdown::Write).unwrap();
    match notice(&notices) {
        Notice::Left { reason, .. } => assert!(reason.contains("truncated frame"), "{reason}"),
        other => panic!("{other:?}"),
    }
    // Not even a hello: refused.
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.write_all(b"GET / HTTP/1.1\r\n\r\n").unwrap();
    assert!(
        matches!(notice(&notices), Notice::Refused { reason, .. } if reason.starts_with("no hello"))
    );
    closed(s);
    // The bystander never noticed.
    let (_, me) = bystander.call(json!({"@type": "getMe"}));
    assert_eq!(me["@type"], "user");
    assert_eq!(server.connections(), 1);
}

#[test]
fn a_connection_acts_only_on_its_own_clients() {
    let (server, _notices) = server(|_| {});
    let mut lead = Remote::join(&server, None);
    lead.login("+15550000001");
    let mut other = Remote::join(&server, None);
    other.id = lead.id;
    let (_, reply) = other.call(json!({"@type": "logOut"}));
    assert_eq!(reply["message"], "Invalid TDLib instance specified");
    let (_, me) = lead.call(json!({"@type": "getMe"}));
    assert_eq!(me["@type"], "user", "the lead is still logged in");
}

#[test]
fn a_lost_connection_logs_its_member_out_and_they_log_in_again() {
    let (server, notices) = server(|c| c.timeout = Duration::from_millis(600));
    let mut sam = Remote::join(&server, None);
    sam.login("+15550000002");
    assert!(!is_free(&sam.team(), "+15550000002"));
    let mut kim = Remote::join(&server, None);
    kim.login("+15550000003");

    // Gone without a word (as kill -9 leaves it): the socket closes.
    sam.conn.close();
    eventually("Sam's seat is free", || {
        is_free(&kim.team(), "+15550000002")
    });
    // Silent (a frozen process keeps its socket open): lost after the timeout.
    let silent = raw_joined(&server);
    let mut frozen = silent.try_clone().unwrap();
    Frame::Create { tag: 1 }.write_to(&mut frozen).unwrap();
    let mut left = Vec::new();
    while left.len() < 2 {
        if let Notice::Left { reason, .. } = notice(&notices) {
            left.push(reason);
        }
    }
    assert_eq!(left[0], "closed by the client");
    assert!(left[1].contains("silent for 0.6 s"), "{left:?}");
    closed(silent);

    let mut again = Remote::join(&server, None);
    again.login("+15550000002");
    let (_, me) = again.call(json!({"@type": "getMe"}));
    assert_eq!(me["first_name"], "Sam");
    // Kim went on throughout.
    let (_, me) = kim.call(json!({"@type": "getMe"}));
    assert_eq!(me["first_name"], "Kim");
}

#[test]
fn a_client_that_stops_reading_is_disconnected() {
    let (server, notices) = server(|c| {
        c.queue_limit = 256 << 10;
        c.write_timeout = Duration::from_secs(1);
    });
    let mut s = raw_joined(&server);
    assert!(matches!(notice(&notices), Notice::Joined { .. }));
    Frame::Create { tag: 1 }.write_to(&mut s).unwrap();
    // The id is the server's; read the Created frame, then never read again.
    let Frame::Created { client_id, .. } = floor::frame::read_frame(&mut s, 1 << 20).unwrap()
    else {
        panic!("created")
    };
    for req in [
        json!({"@type":"setTdlibParameters","database_directory":"/tmp/x","api_id":1,"api_hash":"h",
               "system_language_code":"en","device_model":"t","application_version":"1"}),
        json!({"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100"}),
        json!({"@type":"checkAuthenticationCode","code":tdsim::LOGIN_CODE}),
        json!({"@type":"loadChats","limit":100}),
    ] {
        Frame::Send {
            client_id,
            json: req.to_string(),
        }
        .write_to(&mut s)
        .unwrap();
    }
    // Customers write until the socket's buffers are full and the queue passes its limit
    // (whichever the server notices first); meanwhile the client keeps pinging.
    let world = server.world().clone();
    let pinger = s.try_clone().unwrap();
    let reason = std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut p = pinger;
            for n in 0..200 {
                if Frame::Ping(n).write_to(&mut p).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        loop {
            world.burst(50);
            if let Ok(Notice::Left { reason, .. }) = notices.recv_timeout(Duration::from_millis(20))
            {
                return reason;
            }
        }
    });
    assert!(reason.contains("stopped reading"), "{reason}");
    closed(s);
}
