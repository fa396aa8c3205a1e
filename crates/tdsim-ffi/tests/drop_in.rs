//! The cdylib as a drop-in libtdjson: loaded with libloading, driven through the four
//! td_json functions from login to a fully loaded chat list.

mod common;

use common::{TdJson, auth_state, parameters, simulator_path};
use serde_json::json;

#[test]
fn login_and_load_chats_through_the_c_api() {
    let _serial = common::serial();
    let td = TdJson::load(&simulator_path());
    assert_eq!(
        td.execute(r#"{"@type":"setLogVerbosityLevel","new_verbosity_level":1}"#)
            .unwrap()["@type"],
        "ok"
    );
    assert_eq!(
        td.execute(r#"{"@type":"getOption","name":"version"}"#)
            .unwrap()["value"],
        "1.8.61"
    );
    let dir = tempfile::tempdir().unwrap();
    let client = td.create_client_id();
    assert_eq!(td.call(client, parameters(dir.path()), 1)["@type"], "ok");
    assert_eq!(
        td.call(
            client,
            json!({"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100"}),
            2
        )["@type"],
        "ok"
    );
    let wrong = td.call(
        client,
        json!({"@type":"checkAuthenticationCode","code":"12345"}),
        3,
    );
    assert_eq!(wrong["message"], "PHONE_CODE_INVALID");
    assert_eq!(
        td.call(
            client,
            json!({"@type":"checkAuthenticationCode","code":"22222"}),
            4
        )["@type"],
        "ok"
    );
    assert_eq!(
        td.call(client, json!({"@type":"getAuthorizationState"}), 5)["@type"],
        "authorizationStateReady"
    );
    let mut new_chats = 0;
    let mut extra = 10;
    loop {
        extra += 1;
        td.send(
            client,
            &json!({"@type":"loadChats","limit":2,"@extra":extra}).to_string(),
        );
        let got = td.collect_until(client, 10.0, |v| v["@extra"] == json!(extra));
        new_chats += got.iter().filter(|v| v["@type"] == "updateNewChat").count();
        let reply = got.last().expect("a reply");
        if reply["@type"] == "error" {
            assert_eq!(
                (reply["code"].as_i64(), reply["message"].as_str()),
                (Some(404), Some("Not Found"))
            );
            break;
        }
        assert_eq!(reply["@type"], "ok");
    }
    // The basic world: 3 customer groups, 1 private chat and the duty group.
    assert_eq!(new_chats, 5);
    let chats = td.call(client, json!({"@type":"getChats","limit":10}), 99);
    assert_eq!(chats["total_count"], 5);
    td.send(client, r#"{"@type":"close"}"#);
    let got = td.collect_until(client, 10.0, common::is_closed);
    let states: Vec<_> = got.iter().filter_map(auth_state).collect();
    assert_eq!(
        states,
        ["authorizationStateClosing", "authorizationStateClosed"]
    );
}

#[test]
fn legacy_json_client_api_works() {
    let _serial = common::serial();
    let td = TdJson::load(&simulator_path());
    // SAFETY: the legacy functions' documented signatures.
    unsafe {
        use std::ffi::{CStr, CString, c_char, c_double, c_void};
        let create: libloading::Symbol<unsafe extern "C" fn() -> *mut c_void> =
            td_lib(&td).get(b"td_json_client_create\0").unwrap();
        let send: libloading::Symbol<unsafe extern "C" fn(*mut c_void, *const c_char)> =
            td_lib(&td).get(b"td_json_client_send\0").unwrap();
        let receive: libloading::Symbol<
            unsafe extern "C" fn(*mut c_void, c_double) -> *const c_char,
        > = td_lib(&td).get(b"td_json_client_receive\0").unwrap();
        let destroy: libloading::Symbol<unsafe extern "C" fn(*mut c_void)> =
            td_lib(&td).get(b"td_json_client_destroy\0").unwrap();
        let client = create();
        let req = CString::new(r#"{"@type":"getAuthorizationState","@extra":"a"}"#).unwrap();
        send(client, req.as_ptr());
        let mut reply = None;
        for _ in 0..10 {
            let p = receive(client, 1.0);
            if p.is_null() {
                continue;
            }
            let v: serde_json::Value =
                serde_json::from_str(&CStr::from_ptr(p).to_string_lossy()).unwrap();
            if v["@extra"] == "a" {
                reply = Some(v);
                break;
            }
        }
        assert_eq!(
            reply.expect("a reply")["@type"],
            "authorizationStateWaitTdlibParameters"
        );
        destroy(client);
    }
}

fn td_lib(td: &TdJson) -> &libloading::Library {
    td.library()
}
