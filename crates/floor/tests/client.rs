//! The client side when the floor goes away: every client hears its session closed, as a
//! TDLib client does when its session ends, and later requests get TDLib's "Request
//! aborted" with their @extra; a floor that is not one is said plainly.

use std::io::Write;
use std::net::TcpListener;
use std::time::Duration;

use floor::frame::{Frame, PROTOCOL_VERSION, read_frame};
use floor::{Connection, JoinError};
use serde_json::Value;

#[test]
fn a_lost_floor_closes_every_client_and_aborts_requests() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let server = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        assert!(matches!(read_frame(&mut s, 4096), Ok(Frame::Hello { .. })));
        Frame::Welcome {
            version: PROTOCOL_VERSION,
            info: r#"{"ping_ms":100}"#.into(),
        }
        .write_to(&mut s)
        .unwrap();
        loop {
            match read_frame(&mut s, 1 << 20).unwrap() {
                Frame::Create { tag } => {
                    Frame::Created { tag, client_id: 5 }
                        .write_to(&mut s)
                        .unwrap();
                    s.flush().unwrap();
                    // Then the floor is gone (the socket drops here).
                    return;
                }
                Frame::Ping(_) => {}
                other => panic!("{other:?}"),
            }
        }
    });
    let conn = Connection::connect(&addr, None, "test").unwrap();
    assert_eq!(conn.create_client(), 5);
    server.join().unwrap();
    let mut states = Vec::new();
    while let Some(raw) = conn.receive(5.0) {
        let v: Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(v["@client_id"], 5);
        states.push(
            v["authorization_state"]["@type"]
                .as_str()
                .unwrap()
                .to_string(),
        );
        if states.len() == 2 {
            break;
        }
    }
    assert_eq!(
        states,
        ["authorizationStateClosing", "authorizationStateClosed"]
    );
    assert!(!conn.is_alive());
    assert!(conn.lost_reason().is_some());
    conn.send(5, r#"{"@type":"getMe","@extra":{"n":1}}"#);
    let v: Value = serde_json::from_str(&conn.receive(1.0).unwrap()).unwrap();
    assert_eq!(v["message"], "Request aborted");
    assert_eq!(v["@extra"]["n"], 1);
    assert_eq!(conn.create_client(), -1);
}

#[test]
fn what_is_not_a_floor_is_said_plainly() {
    let nothing = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = nothing.local_addr().unwrap().to_string();
    drop(nothing);
    assert!(matches!(
        Connection::connect(&addr, None, "t"),
        Err(JoinError::Connect { .. })
    ));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        s.write_all(b"HTTP/1.1 400 Bad Request\r\n\r\n").unwrap();
        std::thread::sleep(Duration::from_millis(200));
    });
    match Connection::connect(&addr, None, "t") {
        Err(e @ JoinError::Protocol(_)) => {
            assert!(
                e.to_string().starts_with("that is not a DutyDesk floor"),
                "{e}"
            )
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
}
